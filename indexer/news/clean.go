package news

import (
	"bytes"
	"regexp"
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// Kind says what a line of an article is for.
type Kind uint8

// The kinds of line. Body, Title and Subtitle are the article; the others
// are boilerplate that a reader did not come for.
const (
	Blank        Kind = iota // an empty line, a paragraph break
	Body                     // the article's text
	Title                    // the headline
	Subtitle                 // a kicker, standfirst, short variant of the headline or intertitle
	Dateline                 // a line that is a date and little else
	Timestamp                // a clock time on its own, as tickers print them
	Ticker                   // a headline of an unrelated story in a ticker or "most read" list
	CallToAction             // share, follow, subscribe, read-also and show-summary prompts
	Credit                   // photo credits and the agencies a story is credited to, bylines
	Caption                  // a photo caption at the head of the article
	SectionLabel             // a section name such as "أخبار"
	Footer                   // comment counters and disclaimers, ad markers, source links, rights
	Repeated                 // a line that recurs across many articles of the same source
	Short                    // a line of one or two words, or none: "-", "// انتهى //"
)

var kindNames = [...]string{"Blank", "Body", "Title", "Subtitle", "Dateline", "Timestamp", "Ticker",
	"CallToAction", "Credit", "Caption", "SectionLabel", "Footer", "Repeated", "Short"}

func (k Kind) String() string {
	if int(k) < len(kindNames) {
		return kindNames[k]
	}
	return "Kind(?)"
}

// Boilerplate reports whether lines of kind k are left out of Doc.Body.
func (k Kind) Boilerplate() bool {
	return k != Body && k != Title && k != Subtitle && k != Blank
}

// Line is one line of an article and its kind.
type Line struct {
	Text string // the line as written, without surrounding spaces
	Kind Kind
}

// Doc is an article taken apart by Clean. Its methods share what Clean
// found on each line and fill it in as they go: call them from one
// goroutine at a time.
type Doc struct {
	Lines []Line // every line of the raw text, in order; a share widget glued to a line's start is a line of its own
	Title string // the headline, or the lede's first sentence cut to TitleMax runes
	// Body is the searchable text: the Subtitle and Body lines, one
	// paragraph each, separated by blank lines. The headline is in Title
	// only, and no boilerplate line is here.
	Body string

	// What Clean read off the lines, for Date, Agencies and People.
	infos  []lineInfo
	plain  []Line   // Lines as classified without Options.Repeats
	raw    []string // the raw text's lines in matching form, before widgets are split off
	hasRaw bool
}

// Options tune Clean.
type Options struct {
	// Source names the site the article comes from, for Repeats.
	Source string
	// Repeats, when set, marks lines it has seen in many of Source's
	// articles as Repeated.
	Repeats *Repeats
	// Observe, with Repeats, records the article in Repeats before its
	// lines are classified, as Repeats.ObserveText(Source, raw) would,
	// without reading the lines twice.
	Observe bool
}

// Clean classifies each line of an article's raw text and returns the
// headline and the searchable body. A share or follow widget glued to the
// start of a line is split off as a line of its own. Any string is
// accepted.
func Clean(raw string, opts Options) Doc {
	d := read(raw, opts)
	d.Title = titleOf(d.Lines)
	n := 0
	for _, l := range d.Lines {
		if l.Kind == Body || l.Kind == Subtitle {
			n += len(l.Text) + 2
		}
	}
	var b strings.Builder
	b.Grow(n)
	for _, l := range d.Lines {
		if l.Kind == Body || l.Kind == Subtitle {
			if b.Len() > 0 {
				b.WriteString("\n\n")
			}
			b.WriteString(l.Text)
		}
	}
	d.Body = b.String()
	return d
}

// Date returns the publication date of the text Clean read, as ParseDate
// reads it (Options.Repeats do not change it), without reading the text
// again.
func (d Doc) Date() (time.Time, bool) {
	return parseDateLines(d.plain, d.infos)
}

// Agencies returns the news agencies that the text Clean read names, as
// Agencies reads them from the whole text, without reading it again.
func (d Doc) Agencies() []string {
	if !d.hasRaw {
		return nil
	}
	// The raw lines are the lines Clean classified, unless a widget was
	// split off one: read the lines as they were.
	return agencies.findLines(d.raw)
}

// People returns the people named in head and the body of the Doc as
// Clean returned it, as People(head + "\n" + d.Body) finds them, without
// reading the body again.
func (d Doc) People(head string) []string {
	if !d.hasRaw {
		return People(head + "\n" + d.Body)
	}
	sc := getScratch()
	defer sc.put()
	toks, paren := tokenizeInto(sc.toks, normalize(head), false)
	for i, l := range d.Lines {
		if l.Kind == Body || l.Kind == Subtitle {
			toks, paren = tokenizeInto(toks, d.infos[i].norm, paren)
		}
	}
	sc.toks = toks
	return people.findTokens(toks)
}

func splitLines(raw string) []Line {
	raw = strings.ReplaceAll(raw, "\r\n", "\n")
	raw = strings.ReplaceAll(raw, "\r", "\n")
	lines := make([]Line, 0, strings.Count(raw, "\n")+1)
	for {
		i := strings.IndexByte(raw, '\n')
		if i < 0 {
			return append(lines, Line{Text: strings.TrimSpace(raw)})
		}
		lines = append(lines, Line{Text: strings.TrimSpace(raw[:i])})
		raw = raw[i+1:]
	}
}

// Phrases, in matching form, that mark a prompt or a footer in a line of
// at most promptWords words.
const promptWords = 15

var ctaPhrases = normalizeAll([]string{
	"اقرا ايضا", "اقرا المزيد", "اضغط هنا", "انقر هنا", "اضغط على", "انقر على",
	"للاشتراك", "اشترك الان", "اشترك في", "تابعونا على", "تابعنا على", "تابعوا", "حسابنا على", "صفحتنا على",
	"قناتنا على", "يمكنكم الان", "يمكنكم متابعه", "حمل تطبيق", "حملوا تطبيق", "شارك الخبر", "شارك المقال",
	"شارك هذا", "شاركوا", "شاركها", "شارك على", "علق على", "اضف تعليق", "اكتب تعليق", "اظهر الملخص",
	"اخف الملخص", "اخفاء الملخص", "نسخ الرابط", "ارسل لصديق", "للمزيد من", "لمزيد من الاخبار",
	"مواضيع ذات صله", "اخبار ذات صله", "اقرا في", "قد يهمك", "لمتابعه",
})

// Single words, in matching form, that make a line of at most
// shortPromptWords words a prompt.
const shortPromptWords = 4

var ctaWords = wordSet(
	"شارك", "مشاركه", "علق", "تابعنا", "تابعونا", "للمزيد",
	"المزيد", "طباعه", "اطبع", "ارسل", "اشترك", "تويتر",
	"فيسبوك", "فيس", "واتساب", "تلغرام", "تليغرام", "انستغرام",
	"انستجرام", "يوتيوب", "سناب", "الخط", "حفظ", "نسخ",
	"twitter", "facebook", "whatsapp", "telegram", "share",
)

var footerPhrases = normalizeAll([]string{
	"التعليقات المنشوره", "تعبر عن راي", "لا تعبر بالضروره", "جميع الحقوق محفوظه", "حقوق النشر",
	"رابط المصدر", "رابط الخبر", "الاكثر قراءه", "الاكثر مشاهده", "الاكثر تداولا", "يتم قراءه الان",
	"اقرا الان", "كلمات مفتاحيه", "الكلمات الدالله", "الوسوم", "اعلان", "ابلغ عن خطا", "اضف تعليقا",
})

var footerWords = wordSet(
	"التعليقات", "تعليقات", "تعليق", "اعلان", "الاعلانات", "اعلانات",
	"المصدر", "الرابط",
)

var sectionWords = wordSet(
	"اخبار", "الاخبار", "محليات", "دوليات", "اقتصاد", "رياضه",
	"سياسه", "ثقافه", "منوعات", "تكنولوجيا", "صحه", "العالم",
	"الخليج", "مقالات", "راي", "تقارير", "حوارات", "فيديو",
	"صور", "عاجل", "عربي", "دولي", "محلي", "اقتصاديه", "الرئيسيه",
	"متابعات", "تحقيقات", "ثقافه وفن", "فن", "المحليات", "الاقتصاد",
	"الرياضه", "السياسه",
)

var (
	reCreditHead = regexp.MustCompile(`^(?:الصوره|صوره|الصور|تصوير|المصدر|مصدر الصوره|بعدسه|عدسه|photo|credit)\s*[:：-]`)
	reParenTail  = regexp.MustCompile(`\(([^()]{1,60})\)\s*[.،]?$`)
	reTimeLead   = regexp.MustCompile(`^\d{1,2}:\d{2}(?::\d{2})?\s*(?:ص|م|am|pm)?\s*[-|–—:]?\s*["«“(]?\p{L}`)
)

// lineInfo holds what read finds on one line.
type lineInfo struct {
	norm     string
	words    int // words with a letter
	terminal bool
	dates    []dateMention // the dates in norm, once datesOK
	datesOK  bool
	// The line's key in Repeats (see normKey), once keyDone.
	hash            uint64
	hashOK, keyDone bool
}

// key returns normKey of the line, found once.
func (li *lineInfo) key() (uint64, bool) {
	if !li.keyDone {
		li.hash, li.hashOK = normKey(li.norm)
		li.keyDone = true
	}
	return li.hash, li.hashOK
}

func infoOf(text, norm string) lineInfo {
	li := lineInfo{norm: norm, words: letterWords(text)}
	t := strings.TrimRightFunc(norm, func(r rune) bool {
		return r == '"' || r == '”' || r == '»' || r == ')' || r == '\'' || unicode.IsSpace(r)
	})
	if t != "" {
		r, _ := utf8.DecodeLastRuneInString(t)
		li.terminal = r == '.' || r == '؟' || r == '?' || r == '!' || r == '…'
	}
	return li
}

// datesOf returns the dates written in the line (see findDates), found
// once.
func (li *lineInfo) datesOf() []dateMention {
	if !li.datesOK {
		li.dates, li.datesOK = findDates(li.norm), true
	}
	return li.dates
}

// isParagraph reports whether a line reads as running text rather than a
// heading, caption or widget.
func (li lineInfo) isParagraph() bool {
	return (li.words >= 12 && li.terminal) || li.words >= 25
}

func containsAny(s string, phrases []string) bool {
	for _, p := range phrases {
		if containsPhrase(s, p) {
			return true
		}
	}
	return false
}

// containsPhrase reports whether p occurs in s starting at a word start;
// the clitics و and ف may come before it.
func containsPhrase(s, p string) bool {
	for i := 0; ; {
		j := strings.Index(s[i:], p)
		if j < 0 {
			return false
		}
		j += i
		k := j
		for n := 0; n < 2 && k > 0; n++ {
			r, size := utf8.DecodeLastRuneInString(s[:k])
			if r != 'و' && r != 'ف' {
				break
			}
			k -= size
		}
		if k == 0 {
			return true
		}
		if r, _ := utf8.DecodeLastRuneInString(s[:k]); !isWordRune(r) {
			return true
		}
		i = j + len(p)
	}
}

// hasWord reports whether w occurs in s as a whole word, perhaps after
// the clitics و ف ب ل.
func hasWord(s, w string) bool {
	n := normalize(s)
	for i := 0; ; {
		a, e := nextWord(n, i)
		if a < 0 {
			return false
		}
		x := n[a:e]
		if x == w {
			return true
		}
		for _, p := range [...]string{"و", "ف", "ب", "ل"} {
			if strings.TrimPrefix(x, p) == w {
				return true
			}
		}
		i = e
	}
}

// dateOnly reports whether a line is a dateline: a date with at most two
// other words ("الثلاثاء 09 ابريل 2024"), or a complete date with at most
// eight (a place, an agency, the Hijri date beside it), not ending as a
// sentence does.
func dateOnly(li *lineInfo) bool {
	if li.words > 12 || li.terminal {
		return false
	}
	ds := li.datesOf()
	if len(ds) == 0 {
		return false
	}
	rest := li.norm
	full := false
	for i := len(ds) - 1; i >= 0; i-- {
		if ds[i].day == 0 && ds[i].year == 0 {
			return false
		}
		full = full || (ds[i].full() && ds[i].yearGiven)
		rest = rest[:ds[i].start] + " " + rest[ds[i].end:]
	}
	n := letterWords(rest)
	return n <= 2 || (full && n <= 8)
}

// reSourcePlace matches a dateline of a source and a place, or a place and
// an agency, on a line of its own: "الرياض – واس".
var reSourcePlace = regexp.MustCompile(`^(?:[\p{L}\p{M}]+\s+){0,2}[\p{L}\p{M}]+\s+[-–—]\s+(?:[\p{L}\p{M}]+\s+){0,1}[\p{L}\p{M}]+\s*:?$`)

// lineKind classifies one line on its own features.
func lineKind(text string, li *lineInfo) Kind {
	if text == "" {
		return Blank
	}
	n := strings.TrimSpace(li.norm)
	if li.words == 0 {
		switch {
		case reTime.MatchString(n):
			return Timestamp
		case dateOnly(li):
			return Dateline
		}
		return Short
	}
	if dateOnly(li) || (li.words <= 4 && reSourcePlace.MatchString(n)) {
		return Dateline
	}
	if reCreditHead.MatchString(n) || (li.words <= promptWords && !li.terminal && hasWord(n, "تصوير")) {
		return Credit
	}
	if m := parenTail(n); m != nil && li.words <= 20 {
		inner := m[1]
		head := strings.TrimSpace(n[:len(n)-len(m[0])])
		if len(agencyMatches(inner)) > 0 && (letterWords(head) <= 15 && !strings.HasSuffix(head, ".")) {
			return Credit
		}
		if containsAny(inner, []string{"ارشيفيه", "ارشيف", "ارشيفي", "تصوير", "صوره"}) {
			return Credit
		}
	}
	if li.words <= promptWords {
		if containsAny(n, footerPhrases) {
			return Footer
		}
		if containsAny(n, ctaPhrases) {
			return CallToAction
		}
	}
	if li.words <= shortPromptWords {
		var wa [8]string
		ws := appendWords(wa[:0], n)
		for _, w := range ws {
			if ctaWords[w] {
				return CallToAction
			}
		}
		if li.words <= 3 {
			for _, w := range ws {
				if footerWords[w] {
					return Footer
				}
			}
		}
		var ka [64]byte
		if sectionWords[string(appendSquash(ka[:0], n))] || (len(ws) == 2 && sectionWords[ws[0]] && sectionWords[ws[1]]) {
			return SectionLabel
		}
	}
	if li.words <= 2 {
		return Short
	}
	return Body
}

// read splits raw into lines and gives every line its kind: first each
// line alone, then ticker runs, repeats, and the head of the article
// (section label, headline, subtitles, caption).
func read(raw string, opts Options) Doc {
	pre := splitLines(raw)
	norms := normalizeLines(pre)
	lines, prompts := splitPrompts(pre)
	infos := make([]lineInfo, len(lines))
	split := len(lines) != len(pre)
	for i := range lines {
		if split {
			infos[i] = infoOf(lines[i].Text, normalize(lines[i].Text))
		} else {
			infos[i] = infoOf(lines[i].Text, norms[i])
		}
	}
	if opts.Observe && opts.Repeats != nil {
		switch {
		case strings.ContainsRune(raw, '\r'):
			// ObserveText splits at \n only.
			opts.Repeats.ObserveText(opts.Source, raw)
		case split:
			keys := make([]uint64, 0, len(norms))
			for _, n := range norms {
				if k, ok := normKey(n); ok {
					keys = append(keys, k)
				}
			}
			opts.Repeats.observeKeys(opts.Source, keys)
		default:
			keys := make([]uint64, 0, len(infos))
			for i := range infos {
				if k, ok := infos[i].key(); ok {
					keys = append(keys, k)
				}
			}
			opts.Repeats.observeKeys(opts.Source, keys)
		}
	}
	for i := range lines {
		lines[i].Kind = lineKind(lines[i].Text, &infos[i])
		if prompts[i] {
			lines[i].Kind = CallToAction
		}
	}
	markTickers(lines, infos)
	plain, repeated := lines, false
	if opts.Repeats != nil {
		for i := range lines {
			k := lines[i].Kind
			if k != Body && k != Short {
				continue
			}
			if key, ok := infos[i].key(); ok && opts.Repeats.repeatedHash(opts.Source, key) {
				if !repeated {
					plain, repeated = slices.Clone(lines), true
				}
				lines[i].Kind = Repeated
			}
		}
	}
	markHead(lines, infos)
	if repeated {
		markHead(plain, infos)
	}
	return Doc{Lines: lines, infos: infos, plain: plain, raw: norms, hasRaw: true}
}

// normalizeLines returns the lines' texts in matching form. The lines
// that are not already in matching form share one string.
func normalizeLines(lines []Line) []string {
	norms := make([]string, len(lines))
	sc := getScratch()
	defer sc.put()
	// Normalize into one buffer, noting where each line that changes ends
	// (-1 for those that do not), then make one string of it.
	b, ends := sc.b, sc.ints
	for i, l := range lines {
		j := normalPrefix(l.Text)
		if j == len(l.Text) {
			norms[i] = l.Text
			ends = append(ends, -1)
			continue
		}
		b = appendNormalFrom(b, l.Text, j)
		ends = append(ends, len(b))
	}
	sc.b, sc.ints = b, ends
	all, start := string(b), 0
	for i, e := range ends {
		if e >= 0 {
			norms[i] = all[start:e]
			start = e
		}
	}
	return norms
}

// parenTail matches reParenTail against a line in matching form: a
// parenthesis closing the line, perhaps before a full stop or comma. It
// runs the expression only on lines that end that way.
func parenTail(n string) []string {
	s := strings.TrimSuffix(strings.TrimSuffix(n, "."), "،")
	if s = strings.TrimRight(s, " \t\n\f\r"); !strings.HasSuffix(s, ")") {
		return nil
	}
	return reParenTail.FindStringSubmatch(n)
}

// markTickers finds runs of ticker items: a clock time followed by a short
// headline, or a headline that starts with a clock time, at least twice in
// a row, with separator lines between. The short lines just before a run
// ("عاجل"، "الأكثر قراءة") and just after it belong to it.
func markTickers(lines []Line, infos []lineInfo) {
	next := func(i int) int { // next non-blank line after i
		for i++; i < len(lines) && lines[i].Kind == Blank; i++ {
		}
		return i
	}
	item := make([]bool, len(lines)) // a ticker headline
	for i := range lines {
		switch {
		case lines[i].Kind == Timestamp:
			if j := next(i); j < len(lines) && infos[j].words > 0 && infos[j].words <= 40 && lines[j].Kind != Timestamp {
				item[j] = true
			}
		case infos[i].words <= 40 && reTimeLead.MatchString(strings.TrimSpace(infos[i].norm)):
			item[i] = true
		}
	}
	for i := 0; i < len(lines); {
		if !item[i] {
			i++
			continue
		}
		// A run: items separated only by timestamps, separators and blanks.
		start, end, count := i, i, 0
		for j := i; j < len(lines); j++ {
			switch {
			case item[j]:
				count++
				end = j
				continue
			case lines[j].Kind == Timestamp || lines[j].Kind == Short || lines[j].Kind == Blank:
				continue
			}
			break
		}
		for start > 0 && (lines[start-1].Kind == Timestamp || lines[start-1].Kind == Short || lines[start-1].Kind == Blank) {
			start--
		}
		if count >= 2 {
			// Widget headings before the run.
			for start > 0 {
				k, li := lines[start-1].Kind, infos[start-1]
				if k == Blank || k.Boilerplate() || (li.words <= shortPromptWords && !li.terminal) {
					start--
					continue
				}
				break
			}
			for end+1 < len(lines) && (lines[end+1].Kind == Blank || lines[end+1].Kind == Short ||
				lines[end+1].Kind == Timestamp || (infos[end+1].words <= shortPromptWords && !infos[end+1].terminal)) {
				end++
			}
			for j := start; j <= end; j++ {
				if lines[j].Kind != Blank && lines[j].Kind != Timestamp {
					lines[j].Kind = Ticker
				}
			}
		}
		i = end + 1
	}
}

// maxHeadLines is the most heading-like lines (headline, kicker, short
// form, standfirst, caption) that markHead expects above the story.
const maxHeadLines = 4

// markHead classifies the lines before the first paragraph of running
// text: short lines there are section labels; of the heading-like lines,
// those with a date are captions, one that is the start of a later
// heading or is quoted word for word in the body is a subtitle, and the
// first of the others is the headline.
func markHead(lines []Line, infos []lineInfo) {
	first := -1
	for i, li := range infos {
		if lines[i].Kind == Body && li.isParagraph() {
			first = i
			break
		}
	}
	if first < 0 {
		first = len(lines)
	}
	var ca, pa [maxHeadLines + 1]int
	cands, captions := ca[:0], pa[:0]
	for i := 0; i < first; i++ {
		switch lines[i].Kind {
		case Short:
			if infos[i].words > 0 && len(cands) == 0 {
				lines[i].Kind = SectionLabel
			}
		case Body:
			if infos[i].words > 30 {
				continue
			}
			if ds := infos[i].datesOf(); len(ds) > 0 && len(cands) > 0 && !infos[i].terminal {
				captions = append(captions, i)
				continue
			}
			cands = append(cands, i)
		}
	}
	// A page has a headline and perhaps a kicker, a short form and a
	// caption; more heading-like lines than that are running text broken
	// into short lines, which has no headline line.
	if len(cands) == 0 || len(cands)+len(captions) > maxHeadLines {
		return
	}
	for _, i := range captions {
		lines[i].Kind = Caption
	}
	// The squashed lines (see appendSquash): the body's from the first
	// paragraph on, each followed by a newline, in b; the candidates' in
	// b2, the k-th ending at ends[k].
	sc := getScratch()
	defer sc.put()
	for i := first; i < len(lines); i++ {
		if lines[i].Kind == Body {
			sc.b = append(appendSquash(sc.b, infos[i].norm), '\n')
		}
	}
	bodyText := sc.b
	var ends [maxHeadLines]int
	for k, i := range cands {
		sc.b2 = appendSquash(sc.b2, infos[i].norm)
		ends[k] = len(sc.b2)
	}
	squashed := func(k int) []byte {
		if k == 0 {
			return sc.b2[:ends[0]]
		}
		return sc.b2[ends[k-1]:ends[k]]
	}
	title := -1
	for k, i := range cands {
		lines[i].Kind = Subtitle
		if title >= 0 {
			continue
		}
		s := squashed(k)
		prefix := false
		for j := k + 1; j < len(cands); j++ {
			if t := squashed(j); len(t) > len(s) && bytes.HasPrefix(t, s) {
				prefix = true
			}
		}
		if prefix || (infos[i].words >= 3 && bytes.Contains(bodyText, s)) {
			continue
		}
		title = i
	}
	if title < 0 {
		title = cands[0]
	}
	lines[title].Kind = Title
}
