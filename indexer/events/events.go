package events

import (
	"strings"
	"time"
	"unicode/utf8"

	"github.com/fahras/fahras/indexer/news"
)

// Statement is one thing a person or institution said, as an article
// reports it.
type Statement struct {
	// Speaker is the canonical speaker: a person by package news's
	// canonical name ("سيرغي لافروف"), another person by name, an
	// institution by its name as written ("وزارة الخارجية الروسية").
	Speaker string
	// SaidAs is the speaker as the article writes it here, role and name
	// ("وزير الخارجية الروسي سيرغي لافروف"); for a continuation with no
	// subject (وأضاف، مضيفاً), the speaker as last written.
	SaidAs string
	// Verb is the speech verb as written, without a leading و or ف:
	// "قال", "أكّد", "مضيفاً", "قوله", "بحسب".
	Verb string
	// Text is the words said: the quotation where the statement is one,
	// else the reported clause.
	Text string
	// Quote reports whether Text is a direct quotation.
	Quote bool
	// Start and End are the byte span of Text in the body given to
	// Extract.
	Start, End int
}

// Visit is a trip someone made or will make.
type Visit struct {
	// Visitor is the canonical visitor, as Statement.Speaker; VisitorAs
	// the visitor as the article first writes it.
	Visitor, VisitorAs string
	// Destination is the city, region or country, by the name a reader
	// gives it ("الصين", "بكين", "مكة المكرمة").
	Destination string
	// Country is the country the destination is in: the destination
	// itself for a country or a region.
	Country string
	// From and To are the first and last day the article gives (zero
	// when it gives none; To equals From for one day). When it gives only
	// a month and its year, they are that month's first and last day.
	From, To time.Time
	// Month is set when the article gives the month and no day; From and
	// To are zero when it does not give the year either.
	Month time.Month
	// Status is "planned" or "done" (done includes a visit under way).
	Status string
	// Start and End are the byte span of the sentence that first tells
	// of the visit, in the body given to Extract.
	Start, End int
}

// Version is the version of the extraction rules: an index updated by a
// later version extracts again from every article.
const Version = 3

// Visit statuses.
const (
	// Planned is a visit still to come (من المقرر أن يزور …).
	Planned = "planned"
	// Done is a visit that happened or is under way.
	Done = "done"
)

// Extract finds the statements and visits in one article: its title,
// its body (paragraphs separated by blank lines, as the indexer keeps
// it) and its publication date (zero when unknown), which weekdays and
// words such as أمس are read against. Spans are byte offsets into body.
// Any string is accepted; a body that is not valid UTF-8 (which the
// indexer never gives) yields nothing.
func Extract(title, body string, published time.Time) ([]Statement, []Visit) {
	if !utf8.ValidString(body) {
		return nil, nil
	}
	x := newExtractor(strings.ToValidUTF8(title, " "), body, published)
	sc := scratchPool.Get().(*scratch)
	defer sc.put()
	x.sc = sc
	x.run()
	return x.stmts, x.visitsOut()
}

// speakerKind says what a subject is.
type speakerKind uint8

const (
	noSubject  speakerKind = iota
	person                 // a named person, or a role resolved to one
	body                   // an institution, or a document standing for one
	role                   // a role naming no one the article named
	phrase                 // a subject of no known kind, kept as written
	anon                   // an unnamed source or a group
	placeName              // a country or city standing for its government
	notSpeaker             // figures, studies, things
)

// who is a resolved speaker or visitor.
type who struct {
	kind   speakerKind
	names  []string // canonical names; several for a statement made jointly
	saidAs string
}

func (w who) ok() bool {
	return w.kind == person || w.kind == body || w.kind == role || w.kind == phrase
}

// known is someone the article has named, with the words written around
// the name (role, office), for resolving a later role or short name.
type known struct {
	name   string
	isBody bool
	words  map[string]bool // the name's and role's words, without the article
	fw     []string        // the name's words in matching form
	order  int
	pos    int // where the body last names it or reports it speaking
}

// extractor holds what is read of one article.
type extractor struct {
	title, body string
	pub         time.Time
	latestYear  int // the latest year written next to a month (-1 until read), for day-month dates without one
	paras       []*para

	known []*known
	order int

	// The last statement's speaker, and where it was made, for
	// continuations; blocked after a statement by no one in particular.
	last      who
	lastPara  int
	lastSent  int // byte offset of the sentence start
	blocked   bool
	lastValid bool

	stmts  []Statement
	drafts []*visitDraft
	sc     *scratch // the paragraphs' arrays

	heading who // the name heading the current paragraph, if any
}

func newExtractor(title, body string, published time.Time) *extractor {
	x := &extractor{title: title, body: body, pub: published, latestYear: -1}
	if !published.IsZero() {
		y, m, d := published.Date()
		x.pub = time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
	}
	return x
}

// run reads the paragraphs in order.
func (x *extractor) run() {
	sc := x.sc
	if x.title != "" {
		sc.addPara(x.title, 0, len(x.title))
	}
	start := 0
	for start <= len(x.body) {
		end := strings.IndexByte(x.body[start:], '\n')
		if end < 0 {
			end = len(x.body)
		} else {
			end += start
		}
		s, e := trimSpan(x.body, start, end)
		if e > s && !teaser(x.body[s:e], x.body[e:]) {
			sc.addPara(x.body, s, e)
		}
		start = end + 1
	}
	x.paras = sc.paragraphs()
	if x.title != "" {
		// The people of the headline are known before the body starts.
		x.rememberPeople(x.paras[0])
		x.paras = x.paras[1:]
	}
	for pi, p := range x.paras {
		x.rememberPeople(p)
		x.statementsIn(pi, p)
		x.visitsIn(pi, p)
	}
}

// teaser reports whether a paragraph is only the start of the next one,
// cut with an ellipsis (a lede repeated as a title): it is skipped.
func teaser(p, rest string) bool {
	if !strings.HasSuffix(p, "…") {
		return false
	}
	head := strings.TrimSpace(strings.TrimSuffix(p, "…"))
	rest = strings.TrimLeft(rest, " \t\r\n")
	if len(head) <= 20 {
		return false
	}
	// The lede may start with a dateline the teaser dropped: "سبق-
	// الرياض: أعلنت …".
	if len(rest) > len(head)+120 {
		rest = rest[:len(head)+120]
	}
	return strings.Contains(rest, head)
}

// trimSpan trims white space from both ends of s[start:end].
func trimSpan(s string, start, end int) (int, int) {
	for start < end {
		r, n := utf8.DecodeRuneInString(s[start:end])
		if r != ' ' && r != '\t' && r != '\r' && r != '\u00a0' && r != '\u200f' && r != '\u200e' && r != '\u200b' {
			break
		}
		start += n
	}
	for end > start {
		r, n := utf8.DecodeLastRuneInString(s[start:end])
		if r != ' ' && r != '\t' && r != '\r' && r != '\u00a0' && r != '\u200f' && r != '\u200e' && r != '\u200b' {
			break
		}
		end -= n
	}
	return start, end
}

// rememberPeople finds the gazetteer people a paragraph names and
// records each with the words around it (its role).
func (x *extractor) rememberPeople(p *para) {
	// The paragraph's people go to the end of the scratch's, and are
	// p.persons from there.
	from := len(x.sc.persons)
	for i := 0; i < len(p.words); i++ {
		if p.words[i] == "" {
			continue
		}
		if name, n := news.PersonAt(p.words, i); n > 0 {
			x.sc.persons = append(x.sc.persons, personSpan{i, i + n, name})
			i += n - 1
		}
	}
	if to := len(x.sc.persons); to > from {
		p.persons = x.sc.persons[from:to:to]
	}
	ms := p.persons
	prevEnd := 0
	for n, m := range ms {
		next := len(p.toks)
		if n+1 < len(ms) {
			next = ms[n+1].from
		}
		k := x.knownPerson(m.name)
		k.pos = p.toks[m.from].start
		// Up to six words before, in the sentence and after the last name.
		var ba [6]string
		before := ba[:0]
		for j := m.from - 1; j >= prevEnd && len(before) < 6; j-- {
			if w := p.words[j]; w != "" {
				before = append(before, w)
				// "تسلم الرئيس المصري والأمير محمد بن سلمان": the words
				// before "و" and a title belong to someone else.
				if c := stripConj(w); c != w && (titles[c] || roleWords[stripAl(c)] || givenNames[c]) {
					break
				}
				continue
			}
			if r := p.toks[j].p; r == '.' || r == ':' || r == '؟' || r == '!' {
				break
			}
		}
		for _, w := range before {
			k.words[stripAl(w)] = true
			k.words[stripAl(stripConj(w))] = true
		}
		// Up to eight words after, to the next punctuation or name.
		for j, c := m.end, 0; j < next && c < 8; j++ {
			w := p.words[j]
			if w == "" {
				break
			}
			k.words[stripAl(w)] = true
			k.words[stripAl(stripConj(w))] = true
			c++
		}
		prevEnd = m.end
	}
}

// knownPerson returns the record of a gazetteer person, made anew or
// brought up as the latest named.
func (x *extractor) knownPerson(name string) *known {
	x.order++
	for _, e := range x.known {
		if e.name == name {
			e.order = x.order
			return e
		}
	}
	k := &known{name: name, words: map[string]bool{}, order: x.order, fw: foldWords(name)}
	for _, w := range k.fw {
		k.words[stripAl(w)] = true
	}
	x.known = append(x.known, k)
	return k
}

// stripConj removes a leading و or ف from a word of at least four
// letters.
func stripConj(w string) string {
	if (strings.HasPrefix(w, "و") || strings.HasPrefix(w, "ف")) && len(w) >= 8 {
		return w[2:]
	}
	return w
}

// foldWords returns the words of s in matching form, which share one
// string.
func foldWords(s string) []string {
	var ba [256]byte
	var ea [16]int
	b, ends := ba[:0], ea[:0] // the words one after the other, and their ends
	for _, r := range s {
		if isWordRune(r) {
			if m := news.FoldRune(r); m >= 0 {
				b = utf8.AppendRune(b, m)
			}
			continue
		}
		if r == 'ـ' {
			continue
		}
		if len(ends) == 0 && len(b) > 0 || len(ends) > 0 && len(b) > ends[len(ends)-1] {
			ends = append(ends, len(b))
		}
	}
	if len(ends) == 0 && len(b) > 0 || len(ends) > 0 && len(b) > ends[len(ends)-1] {
		ends = append(ends, len(b))
	}
	if len(ends) == 0 {
		return nil
	}
	all, out, from := string(b), make([]string, len(ends)), 0
	for i, e := range ends {
		out[i], from = all[from:e], e
	}
	return out
}

// countWords returns len(foldWords(s)).
func countWords(s string) int {
	n, in := 0, false
	for _, r := range s {
		if isWordRune(r) {
			if news.FoldRune(r) >= 0 {
				in = true
			}
			continue
		}
		if r == 'ـ' {
			continue
		}
		if in {
			n++
			in = false
		}
	}
	if in {
		n++
	}
	return n
}
