package events

import (
	"strings"

	"github.com/fahras/fahras/indexer/news"
)

// definite reports whether a word carries the article, alone or after a
// preposition or conjunction (الوزير، للهلال، بالأحساء، والشرطة).
func definite(w string) bool { return stripAl(w) != w }

// nisba reports whether a word is a definite adjective of origin or
// kind (الروسي، الصينية، الرسمي), which continues a phrase.
func nisba(w string) bool {
	return definite(w) && (strings.HasSuffix(w, "ي") || strings.HasSuffix(w, "يه") || strings.HasSuffix(w, "يين"))
}

// prepositions and particles that never start a name.
var particles = set(`في من الي علي عن مع ب ل و ف ثم او ان انه انها قد كان كانت التي الذي الذين اللذين
	هذا هذه ذلك تلك كل بين حول لدي عند منذ بعد قبل حتي ما لا لم لن اذا الا غير نحو ضد وفق وفقا بحسب
	حسب كما حيث بينما فيما لكن ايضا`)

// word returns the matching form of token i of p, or "".
func (p *para) word(i int) string {
	if i < 0 || i >= len(p.toks) {
		return ""
	}
	return p.toks[i].w
}

// text returns the body's text from token a to token b-1.
func (x *extractor) text(p *para, a, b int) string {
	if a >= b || a < 0 || b > len(p.toks) {
		return ""
	}
	return x.body[p.toks[a].start:p.toks[b-1].end]
}

// trimPunct moves a and b inward past punctuation other than quotation
// marks and parentheses that enclose words.
func (p *para) trimPunct(a, b int) (int, int) {
	for a < b && !p.toks[a].isWord() && p.toks[a].p != '(' && p.toks[a].quote <= 0 {
		a++
	}
	for b > a && !p.toks[b-1].isWord() && p.toks[b-1].p != ')' && p.toks[b-1].quote >= 0 {
		b--
	}
	return a, b
}

// isAddressee reports whether a word names whom a statement was made to:
// لـ، له، للصحفيين، لوكالة، لتلفزيون، للسيد.
func isAddressee(w string) bool {
	switch w {
	case "ل", "لي", "له", "لها", "لهم", "لنا", "للصحفيين", "للصحافيين", "للصحافه", "للاعلاميين", "للاعلام":
		return true
	}
	if strings.HasPrefix(w, "ل") && len(w) > 4 {
		r := w[2:]
		return mediaWords[r] || mediaWords[stripAl(r)] || mediaWords[stripAl(w)]
	}
	return false
}

// shortQuote returns the closing mark of a quotation of at most three
// words opening at token i (a name such as «داش بورد» or "الاقتصادية"),
// or -1.
func (p *para) shortQuote(i int) int {
	q, ok := p.quoteAt(i)
	if !ok || q.close >= len(p.toks) {
		return -1
	}
	n := 0
	for k := q.open + 1; k < q.close; k++ {
		if p.toks[k].isWord() {
			n++
		}
	}
	if n == 0 || n > 3 {
		return -1
	}
	return q.close
}

// subjectEnd returns where the speaker's phrase that starts at token a
// ends, before b: at a circumstance (when, where, to whom, on what
// occasion), at punctuation that is not a comma, at another speech verb.
// A leading addressee ("لـ«الاقتصادية»") is skipped and reported.
func (x *extractor) subjectEnd(p *para, a, b int) (start, end int) {
	start = a
	// A leading addressee: قال لـ "الاقتصادية" عقيل الجاسم …
	for start < b && p.toks[start].isWord() && isAddressee(p.toks[start].w) {
		start++
		if start < b && p.toks[start].quote > 0 {
			if c := p.shortQuote(start); c >= 0 {
				start = c + 1
			}
		} else if start < b && p.toks[start].isWord() && (p.toks[start-1].w == "ل") {
			start++ // لـ عكاظ
		}
	}
	// A leading attribution is the narrator's: "وأضاف وفق ما نقلته وكالة
	// ريا نوفوستي، أن …" has no subject.
	if start < b && (attributions[p.word(start)] || attributions[stripConj(p.word(start))]) {
		for start < b && p.toks[start].p != '،' && p.toks[start].p != ',' {
			start++
		}
		if start < b {
			start++
		}
	}
	sawName := false
	for j := start; j < b; j++ {
		if n, e := p.personAt(j); n != "" {
			sawName = true
			j = e - 1
			continue
		}
		t := p.toks[j]
		if !t.isWord() {
			switch {
			case t.quote > 0:
				if c := p.shortQuote(j); c >= 0 && j > start {
					j = c
					continue
				}
				return start, j
			case t.p == '،' || t.p == ',' || t.p == '(' || t.p == ')' || t.p == '-' || t.p == '–':
				continue
			}
			return start, j
		}
		w := t.w
		if j > start {
			if subjectStops[w] || attributions[w] || attributions[stripConj(w)] && strings.HasPrefix(w, "و") {
				return start, j
			}
			if adjunctWords[w] || isAddressee(w) && (sawName || !strings.HasPrefix(w, "لل")) {
				return start, j
			}
			if _, ok := speechVerbs[w]; ok {
				return start, j
			}
			if _, ok := speechVerbs[stripConj(w)]; ok && strings.HasPrefix(w, "و") {
				return start, j
			}
			if w == "في" && occasionNouns[p.word(j+1)] {
				return start, j
			}
			if sawName && (w == "في" || w == "من" || w == "مع" || w == "منذ" || w == "بعد" || w == "قبل") {
				return start, j
			}
			if _, ok := weekdays[w]; ok {
				return start, j
			}
		}
		if !definite(w) && !roleWords[w] && !complements[w] && !titles[w] && !particles[w] && !institutions[w] {
			if pl, _ := p.placeAt(j); pl == nil {
				sawName = true
			}
		}
	}
	return start, b
}

// nameIn finds a person's name among tokens [a, b): a known first name
// and what follows it, the word after a title, the first word of the
// phrase when it is not an office, or the first plain word after an
// office ("مفوض الشرطة واين بوشهورن"). It returns the name's token span.
func (x *extractor) nameIn(p *para, a, b int) (int, int, bool) {
	start := -1
	office := false
	for j := a; j < b && start < 0; j++ {
		t := p.toks[j]
		if !t.isWord() {
			if t.p == '،' || t.p == ',' {
				if office {
					continue
				}
				continue
			}
			continue
		}
		w := t.w
		bare := w
		for _, c := range []string{"و", "ل", "ب", "ف"} {
			if strings.HasPrefix(w, c) && (givenNames[w[len(c):]] || titles[w[len(c):]] || titles["ال"+w[len(c):]] || titles[stripAl(w)]) {
				bare = w[len(c):]
				break
			}
		}
		if strings.HasPrefix(w, "لل") && titles["ال"+w[4:]] {
			bare = "ال" + w[4:]
		}
		switch {
		case givenNames[bare] && !(bare == "عبد" && j+1 >= b):
			start = j
		case titles[bare] || titles["ال"+bare]:
			office = true
			if k := p.nextWord(j + 1); k >= 0 && k < b {
				nw := p.toks[k].w
				if !nisba(nw) && !roleWords[stripAl(nw)] && !complements[nw] && !titles[nw] && !particles[nw] && !institutions[stripAl(nw)] {
					if _, isVerb := speechVerbs[nw]; !isVerb {
						start = k
					}
				}
			}
		case roleWords[stripAl(w)] || complements[w] || complements[stripAl(w)] || definite(w) || particles[w] || institutions[stripAl(w)] || roleAdjs[w]:
			office = true
		default:
			if pl, _ := p.placeAt(j); pl != nil {
				office = true
				continue
			}
			if _, isVerb := speechVerbs[w]; isVerb {
				continue
			}
			if office {
				start = j
			} else if j == a && x.nameLike(p, j) && x.nameLike(p, j+1) {
				start = j // "كوستاس بوتوبولوس، رئيس …"
			}
		}
	}
	if start < 0 {
		return 0, 0, false
	}
	end, n := start, 0
	for end < b && n < 5 {
		t := p.toks[end]
		if !t.isWord() {
			break
		}
		w := t.w
		if end > start {
			if roleWords[stripAl(w)] || titles[w] || particles[w] || adjunctWords[w] || complements[w] || isAddressee(w) {
				break
			}
			if _, ok := speechVerbs[w]; ok {
				break
			}
			if strings.HasPrefix(w, "م") && strings.HasSuffix(w, "ا") && len(w) >= 10 {
				break // a participle: محاولا، مشيرا
			}
		}
		if w == "بن" || w == "بنت" || w == "ابن" || w == "ابو" || w == "ال" || w == "عبد" || w == "ام" {
			end += 2
			n += 2
			continue
		}
		end++
		n++
		if definite(w) && end-1 > start {
			break // a family name with the article ends the name
		}
	}
	if end > b {
		end = b
	}
	return start, end, true
}

// nameLike reports whether token j can be a word of a foreign or
// unlisted name: a word with no article, not an office, particle,
// pronoun-suffixed particle, verb or place.
func (x *extractor) nameLike(p *para, j int) bool {
	if j >= len(p.toks) || !p.toks[j].isWord() {
		return false
	}
	w := p.toks[j].w
	if definite(w) || roleWords[w] || complements[w] || titles[w] || particles[w] || institutions[w] || adjunctWords[w] || subjectStops[w] || roleAdjs[w] || isSpeech(w) || isSpeech(stripConj(w)) {
		return false
	}
	for _, suf := range []string{"ه", "ها", "هم", "هما"} {
		if r := strings.TrimSuffix(w, suf); r != w && (particles[r] || adjunctWords[r] || r == "خلال") {
			return false
		}
	}
	if _, ok := number(w); ok {
		return false
	}
	if pl, _ := p.placeAt(j); pl != nil {
		return false
	}
	return true
}

// shortName returns the known person a single word names ("شي", "ماو"):
// the first or last word of a person the article has already named.
func (x *extractor) shortName(w string) string {
	w = stripConj(w)
	if len(w) < 4 || roleWords[stripAl(w)] || titles[w] || particles[w] || complements[w] {
		return ""
	}
	best, order := "", -1
	for _, k := range x.known {
		if k.isBody {
			continue
		}
		ws := foldWords(k.name)
		if len(ws) > 1 && (ws[0] == w || ws[len(ws)-1] == w) && k.order > order {
			best, order = k.name, k.order
		}
	}
	return best
}

// resolveRole finds the person or body an office names, among those the
// article has named: the one whose remembered words hold most of the
// office's words (ties to the latest named).
func (x *extractor) resolveRole(ws []string, wantBody bool) *known {
	var content []string
	for _, w := range ws {
		w = stripAl(w)
		if particles[w] || titles[w] || len(w) < 4 {
			continue
		}
		content = append(content, w)
	}
	if len(content) == 0 {
		return nil
	}
	var best *known
	bestScore := 0.0
	for _, k := range x.known {
		if k.isBody != wantBody || !k.words[content[0]] {
			continue
		}
		n := 0
		for _, w := range content {
			if k.words[w] {
				n++
			}
		}
		s := float64(n) / float64(len(content))
		if s > bestScore || s == bestScore && best != nil && k.order > best.order {
			best, bestScore = k, s
		}
	}
	if bestScore < 0.6 {
		return nil
	}
	return best
}

// fullName finds a fuller writing of a one-word name earlier in the
// article ("العليان" → "عبدالله العليان"): a first name or title and the
// words up to it.
func (x *extractor) fullName(w string, upto int) string {
	for _, p := range x.paras {
		if p.start >= upto {
			break
		}
		for j, t := range p.toks {
			if t.w != w || j == 0 {
				continue
			}
			for k := j - 1; k >= 0 && k >= j-5; k-- {
				if !p.toks[k].isWord() {
					break
				}
				if givenNames[p.toks[k].w] {
					return x.text(p, k, j+1)
				}
			}
		}
	}
	return ""
}

// analyze resolves the subject tokens [a, b) of p into a speaker or
// visitor. joint asks for every person named when there are several.
func (x *extractor) analyze(p *para, a, b int, joint bool) who {
	a, b = p.trimPunct(a, b)
	if a >= b {
		return who{kind: noSubject}
	}
	said := x.text(p, a, b)
	var ws []string
	for j := a; j < b; j++ {
		if p.toks[j].isWord() {
			ws = append(ws, p.toks[j].w)
		}
	}
	if len(ws) == 0 {
		return who{kind: noSubject}
	}
	w0 := ws[0]
	// A leading ل ("لمسح أجرته رويترز", "للبيان الصادر عن …") is read
	// through.
	if strings.HasPrefix(w0, "لل") && len(w0) > 6 {
		w0 = "ال" + w0[4:]
	} else if r := strings.TrimPrefix(w0, "ل"); r != w0 && (documents[r] || institutions[r] || nonSpeakers[r]) {
		w0 = r
	}
	switch {
	case w0 == "مع" || w0 == "خلال" || w0 == "عبر":
		return who{kind: noSubject} // "مع نظيره …": a companion, not the subject
	case honorifics[w0]:
		if n := x.honorificRef(p, a); n != "" {
			return who{kind: person, names: []string{n}, saidAs: said}
		}
		return who{kind: noSubject}
	case w0 == "المسوول" || w0 == "المسووله":
		if k := x.resolveRole(ws, false); k != nil {
			return who{kind: person, names: []string{k.name}, saidAs: said}
		}
		if x.lastValid && !x.blocked && x.last.kind == person {
			return who{kind: person, names: x.last.names, saidAs: said}
		}
		return who{kind: anon}
	case anonymous[w0] || anonymous[stripAl(w0)] && !definite(w0):
		return who{kind: anon}
	case len(ws) == 1 && (strings.HasSuffix(w0, "ه") || strings.HasSuffix(w0, "ها")) && institutions[strings.TrimSuffix(strings.TrimSuffix(w0, "ه"), "ها")]:
		return who{kind: anon} // مكتبه: someone's office, unnamed
	}
	if documents[w0] || documents[stripAl(w0)] {
		if iss := x.issuer(p, a+1, b); iss.kind == body || iss.kind == person {
			iss.saidAs = said
			return iss
		}
		if definite(w0) && x.lastValid && x.last.kind == body {
			return who{kind: body, names: x.last.names, saidAs: said}
		}
		return who{kind: notSpeaker}
	}
	if nonSpeakers[w0] || nonSpeakers[stripAl(w0)] {
		return who{kind: notSpeaker}
	}
	if x.allPlaces(p, a, b) {
		return who{kind: placeName}
	}
	// People of the gazetteer, and short names of people already named.
	var names []string
	for j := a; j < b; j++ {
		if n, e := p.personAt(j); n != "" && e <= b {
			names = appendNew(names, n)
			j = e - 1
		}
	}
	for _, w := range ws {
		if n := x.shortName(w); n != "" {
			names = appendNew(names, n)
		}
	}
	if len(names) > 0 {
		if len(names) > 1 && !joint && !coordinated(ws) {
			names = names[:1]
		}
		return who{kind: person, names: names, saidAs: said}
	}
	// A named institution or agency.
	head := stripAl(w0)
	if institutions[head] || institutions[w0] || len(news.Agencies(said)) > 0 && !roleWords[head] {
		if ag := news.Agencies(said); len(ag) == 1 {
			return who{kind: body, names: ag, saidAs: said}
		}
		if definite(w0) && len(ws) == 1 {
			if k := x.resolveRole(ws, true); k != nil {
				return who{kind: body, names: []string{k.name}, saidAs: said}
			}
		}
		return who{kind: body, names: []string{x.bodyName(p, a, b)}, saidAs: said}
	}
	// A person by name, outside the gazetteer.
	if s, e, ok := x.nameIn(p, a, b); ok {
		name := x.text(p, s, e)
		name = trimClitic(name, p.toks[s].w)
		if e-s == 1 {
			if full := x.fullName(p.toks[s].w, p.toks[s].start); full != "" {
				name = full
			}
		}
		return who{kind: person, names: []string{x.knownName(name)}, saidAs: said}
	}
	// An office naming someone named before, or no one.
	if roleWords[head] || titles[w0] {
		if k := x.resolveRole(ws, false); k != nil {
			return who{kind: person, names: []string{k.name}, saidAs: said}
		}
		return who{kind: role, names: []string{trimClitic(said, w0)}, saidAs: said}
	}
	if definite(w0) && len(ws) <= 2 && !nisba(w0) {
		if full := x.fullName(w0, p.toks[a].start); full != "" {
			return who{kind: person, names: []string{x.knownName(full)}, saidAs: said}
		}
	}
	return who{kind: phrase, names: []string{trimClitic(said, w0)}, saidAs: said}
}

// knownName returns the name of a known person whose name ends as name
// does ("السويد" → "عبدالله بن محمد السويد"), else name, which it
// records.
func (x *extractor) knownName(name string) string {
	ws := foldWords(name)
	if len(ws) == 0 {
		return name
	}
	last := ws[len(ws)-1]
	for _, k := range x.known {
		if k.isBody {
			continue
		}
		kw := foldWords(k.name)
		if len(kw) >= len(ws) && kw[len(kw)-1] == last {
			return k.name
		}
	}
	x.order++
	k := &known{name: name, words: map[string]bool{}, order: x.order}
	for _, w := range ws {
		k.words[stripAl(w)] = true
	}
	x.known = append(x.known, k)
	return name
}

// rememberWho records a resolved speaker with the words it was written
// with, so that a later office or short name finds it.
func (x *extractor) rememberWho(w who) {
	if w.kind != person && w.kind != body {
		return
	}
	for _, n := range w.names {
		x.order++
		var k *known
		for _, e := range x.known {
			if e.name == n {
				k = e
				break
			}
		}
		if k == nil {
			k = &known{name: n, isBody: w.kind == body, words: map[string]bool{}}
			x.known = append(x.known, k)
			for _, fw := range foldWords(n) {
				k.words[stripAl(fw)] = true
			}
		}
		k.order = x.order
		if len(w.names) == 1 {
			for _, fw := range foldWords(w.saidAs) {
				k.words[stripAl(fw)] = true
				k.words[stripAl(stripConj(fw))] = true
			}
		}
	}
}

// honorificRef returns the person "سموه" or "معاليه" at token i stands
// for: the first person named in the sentence before it, else the last
// speaker, else the last person named.
func (x *extractor) honorificRef(p *para, i int) string {
	s := p.sentStart[i]
	if s < i {
		for j := s; j < i; j++ {
			if n, _ := p.personAt(j); n != "" {
				return n
			}
		}
		if a, b, ok := x.nameIn(p, s+1, i); ok {
			return x.knownName(trimClitic(x.text(p, a, b), p.toks[a].w))
		}
	}
	if x.lastValid && x.last.kind == person {
		return x.last.names[0]
	}
	best, order := "", -1
	for _, k := range x.known {
		if !k.isBody && k.order > order {
			best, order = k.name, k.order
		}
	}
	return best
}

// issuer reads who issued a document from the words after it: "الصادر
// عن وزارة الداخلية", "التي تصدرها مؤسسة النقد", "أجرته رويترز".
func (x *extractor) issuer(p *para, a, b int) who {
	for j := a; j < b; j++ {
		w := p.word(j)
		var from int
		switch {
		case (w == "صادر" || w == "الصادر" || w == "صادره" || w == "الصادره") && p.word(j+1) == "عن":
			from = j + 2
		case w == "تصدرها" || w == "يصدرها" || w == "اجرته" || w == "اجرتها" || w == "اعدته" || w == "اعدتها" || w == "نشرته" || w == "نشرتها":
			from = j + 1
		case strings.HasPrefix(w, "ل") && (institutions[stripAl(w)] || len(news.Agencies(p.toks[j].w)) > 0):
			from = j
		default:
			continue
		}
		// Skip adverbs up to the issuer's head.
		for from < b && p.toks[from].isWord() && !institutions[stripAl(p.word(from))] && len(news.Agencies(x.text(p, from, from+1))) == 0 && from < j+4 {
			from++
		}
		end := from
		for end < b && p.toks[end].isWord() && !particles[p.word(end)] && end < from+5 {
			end++
		}
		if end > from {
			seg := x.text(p, from, end)
			if ag := news.Agencies(seg); len(ag) == 1 {
				return who{kind: body, names: ag}
			}
			return who{kind: body, names: []string{trimClitic(seg, p.word(from))}}
		}
	}
	return who{kind: noSubject}
}

// bodyName is an institution's name as written from token a: up to a
// relative clause, a circumstance or the end.
func (x *extractor) bodyName(p *para, a, b int) string {
	end := a
	for end < b {
		t := p.toks[end]
		if t.isWord() && (t.w == "التي" || t.w == "الذي" || t.w == "في" && end > a+2 || (t.w == "علي" || t.w == "من" || t.w == "الي" || t.w == "عن") && end > a+1 || adjunctWords[t.w] && end > a) {
			break
		}
		end++
	}
	a, end = p.trimPunct(a, end)
	return trimClitic(x.text(p, a, end), p.word(a))
}

// allPlaces reports whether tokens [a, b) are only places (and و).
func (x *extractor) allPlaces(p *para, a, b int) bool {
	n := 0
	for j := a; j < b; {
		if !p.toks[j].isWord() {
			j++
			continue
		}
		pl, e := p.placeAt(j)
		if pl == nil {
			return false
		}
		n++
		j = e
	}
	return n > 0
}

// coordinated reports whether a phrase joins names with و or
// "ونظيره": two speakers, not one speaker and a complement.
func coordinated(ws []string) bool {
	for i, w := range ws {
		if i > 0 && strings.HasPrefix(w, "و") && !strings.HasPrefix(w, "وزير") && !strings.HasPrefix(w, "وكيل") && !strings.HasPrefix(w, "وزاره") {
			return true
		}
	}
	return false
}

// trimClitic drops a leading و، ف، ل or ب from a written phrase when
// its first word in matching form has it before a name or article.
func trimClitic(s, w string) string {
	if s == "" {
		return s
	}
	for _, c := range []string{"و", "ف", "ل", "ب"} {
		if strings.HasPrefix(w, c) && strings.HasPrefix(s, c) {
			rest := w[len(c):]
			if strings.HasPrefix(rest, "ال") || strings.HasPrefix(rest, "ل") || givenNames[rest] || titles[rest] || titles["ال"+rest] {
				s = strings.TrimPrefix(s, c)
				if strings.HasPrefix(s, "ـ") {
					s = strings.TrimPrefix(s, "ـ")
				}
				if c == "ل" && strings.HasPrefix(rest, "ل") {
					s = "ا" + s // للأمير → الأمير
				}
				return strings.TrimSpace(s)
			}
		}
	}
	return s
}

func appendNew(xs []string, s string) []string {
	for _, x := range xs {
		if x == s {
			return xs
		}
	}
	return append(xs, s)
}
