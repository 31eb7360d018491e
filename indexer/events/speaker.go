package events

import (
	"strings"

	"github.com/fahras/fahras/indexer/news"
)

// definite reports whether a word carries the article, alone or after a
// preposition or conjunction (الوزير، للهلال، بالأحساء، والشرطة).
func definite(w string) bool { return stripAl(w) != w }

// prepositions and particles that never start a name.
var particles = set(`في من الي علي عن مع ب ل و ف ثم او ان انه انها قد كان كانت التي الذي الذين اللذين اي
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
	for a < b && !p.toks[a].isWord() && p.toks[a].p != '(' && !p.opens(a) {
		a++
	}
	for b > a && !p.toks[b-1].isWord() && p.toks[b-1].p != ')' && !p.closes(b-1) {
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
	// A leading addressee: قال لـ "الاقتصادية" عقيل الجاسم …، تقول
	// للمسؤول: …، قال لوكالة الأنباء الألمانية مصدر …
	for start < b && p.toks[start].isWord() && (isAddressee(p.toks[start].w) || strings.HasPrefix(p.toks[start].w, "ل") && len(p.toks[start].w) > 4 && !givenNames[p.toks[start].w] && !p.isPerson(start)) {
		start++
		if start < b && p.opens(start) {
			if c := p.shortQuote(start); c >= 0 {
				start = c + 1
			}
		} else if start < b && p.toks[start].isWord() && (p.toks[start-1].w == "ل") {
			start++ // لـ عكاظ
		}
		for start < b && definite(p.word(start)) && !p.isPerson(start) {
			start++
		}
	}
	// Leading adverbs: "ثم قال آخر الأمر:", "دعا ذات مرة", "سيقوم يوم غد
	// الأحد بزيارة".
	for start < b {
		w := p.word(start)
		if start+1 < b && (w == "اخر" && p.word(start+1) == "الامر" || w == "ذات" && p.word(start+1) == "مره") {
			start += 2
			continue
		}
		if (w == "الشهر" || w == "الاسبوع" || w == "العام") && (p.word(start+1) == "الماضي" || p.word(start+1) == "المقبل" || p.word(start+1) == "الجاري") {
			start += 2
			continue
		}
		if _, wd := weekdays[w]; wd || w == "يوم" || w == "غد" || w == "امس" || w == "اليوم" || w == "غدا" || w == "مساء" || w == "صباح" || !p.toks[start].isWord() && (p.toks[start].p == '،' || p.toks[start].p == ',') {
			start++
			continue
		}
		break
	}
	// A leading attribution is the narrator's: "وأضاف وفق ما نقلته وكالة
	// ريا نوفوستي، أن …" has no subject; so is a leading circumstance
	// ("وقالت في عدة بيانات أصدرتها …، بأن").
	if start < b && (attributions[p.word(start)] || attributions[stripConj(p.word(start))] || p.word(start) == "في") {
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
			case p.opens(j):
				if c := p.shortQuote(j); c >= 0 {
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
			if subjectStops[w] || attributions[w] || attributions[stripConj(w)] && strings.HasPrefix(w, "و") || withPronoun(w, adjunctWords) {
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
			if participleLike(w) {
				return start, j // "وتابع البارزاني مبدياً استغرابه"
			}
			if (w == "الشهر" || w == "الاسبوع" || w == "العام") && (p.word(j+1) == "الماضي" || p.word(j+1) == "المقبل" || p.word(j+1) == "الجاري") {
				return start, j
			}
		}
		if x.givenAt(p, j, bareName(w)) || j > start && titles[bareName(p.word(j-1))] && x.afterTitle(p, j) {
			sawName = true
		}
	}
	return start, b
}

// withPronoun reports whether w is a word of set with a pronoun
// attached: "خلالها", "أمامه".
func withPronoun(w string, set map[string]bool) bool {
	for _, suf := range []string{"ه", "ها", "هم", "هما"} {
		if r := strings.TrimSuffix(w, suf); r != w && len(r) >= 4 && set[r] {
			return true
		}
	}
	return false
}

// nameIn finds a person's name among tokens [a, b): the last name led
// by a known first name or a title ("المقدم الفيفي") in the phrase,
// for after an office come its holder's names ("عضو شرف الهلال
// المعارض لبقاء سامي الجابر الأمير نواف بن محمد"); else the last plain
// run after an office ("مفوض الشرطة واين بوشهورن"); else two plain
// words opening the phrase ("كوستاس بوتوبولوس، رئيس …"). It returns the
// name's token span.
func (x *extractor) nameIn(p *para, a, b int) (int, int, bool) {
	start, end := -1, -1
	for j := a; j < b; j++ {
		if !p.toks[j].isWord() {
			continue
		}
		// "مركز الملك سلمان للإغاثة": a name inside the name of a thing.
		if namesThing(p.word(j-1)) || titles[p.word(j-1)] && namesThing(p.word(j-2)) {
			if e := x.nameEnd(p, j, b); e > j+1 {
				j = e - 1
			}
			continue
		}
		if n, e := p.personAt(j); n != "" {
			j = e - 1
			continue
		}
		bare := bareName(p.toks[j].w)
		s := -1
		switch {
		case x.givenAt(p, j, bare) && !(bare == "عبد" && j+1 >= b):
			s = j
			// A first name unknown to the list before a known one: "فردوس
			// محمد", "غلاب أبو خشيم".
			if j > a && x.nameLike(p, j-1) && !givenNames[p.word(j-1)] && (j-1 != start) {
				s = j - 1
			}
		case titles[bare]:
			if k := p.nextWord(j + 1); k >= 0 && k < b && x.afterTitle(p, k) {
				s = k
			}
		}
		if s >= 0 {
			start, end = s, x.nameEnd(p, s, b)
			j = end - 1
		}
	}
	if start < 0 {
		office := false
		runStart := -1
		for j := a; j < b; j++ {
			if !p.toks[j].isWord() {
				runStart = -1
				continue
			}
			w := p.toks[j].w
			if pl, _ := p.placeAt(j); pl != nil && !x.nameLike(p, j) || roleWords[stripAl(w)] || complements[w] || complements[stripAl(w)] || particles[w] || institutions[stripAl(w)] || roleAdjs[w] || titles[w] || definite(w) && runStart < 0 {
				office = true
				runStart = -1
				continue
			}
			if definite(w) {
				continue // a family name with the article ends a run
			}
			if !x.nameLike(p, j) {
				runStart = -1
				continue
			}
			if runStart < 0 && (office || j == a && x.nameLike(p, j+1)) {
				runStart = j
				if start != a {
					start = j // the last run, unless the phrase opens with a name
				}
			}
		}
		if start < 0 {
			return 0, 0, false
		}
		end = x.nameEnd(p, start, b)
	}
	return start, end, true
}

// nameEnd returns where a name starting at token start ends: at most
// five words, joined by بن، أبو، آل; a family name with the article ends
// it, and so does an office, a particle, a participle or a title
// written after a name.
func (x *extractor) nameEnd(p *para, start, b int) int {
	end, n := start, 0
	for end < b && n < 5 {
		t := p.toks[end]
		if !t.isWord() {
			break
		}
		w := t.w
		if end > start {
			if roleWords[stripAl(w)] || titles[w] || particles[w] || adjunctWords[w] || complements[w] || isAddressee(w) || nameEnds[w] || roleAdjs[stripAl(w)] {
				break
			}
			if isSpeech(w) || isSpeech(stripConj(w)) || participleLike(w) {
				break
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
	return min(end, b)
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
	if !givenNames[w] {
		// A conjunction, a verb's prefix, an indefinite accusative ending
		// or a preposition before an office's noun: not a name.
		if strings.HasPrefix(w, "و") || strings.HasPrefix(w, "ي") || strings.HasPrefix(w, "ت") && len(w) > 6 ||
			strings.HasSuffix(w, "ا") && len(w) >= 8 || participleLike(w) || nameEnds[w] {
			return false
		}
		if (strings.HasPrefix(w, "ل") || strings.HasPrefix(w, "ب")) && len(w) > 4 {
			r := w[2:]
			if complements[r] || institutions[r] || roleWords[r] || definite(w) {
				return false
			}
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

// thingHeads are nouns whose names hold a person's: مركز الملك سلمان،
// جامعة الملك عبدالعزيز، مدينة الملك عبدالله.
var thingHeads = set(`مركز مؤسسه موسسه جامعه مدينه جايزه شارع مستشفي كليه برنامج مطار قاعده ميناء مجمع حي
	معهد مسجد جامع صندوق مشروع طريق ملعب استاد`)

// namesThing reports whether a word (with a clitic, or the article) is
// the head of a thing's name.
func namesThing(w string) bool {
	if thingHeads[w] || thingHeads[stripAl(w)] {
		return true
	}
	for _, c := range []string{"ل", "ب", "و"} {
		if r := strings.TrimPrefix(w, c); r != w && thingHeads[r] {
			return true
		}
	}
	return false
}

// nameEnds are titles written after a name ("يوسف بك").
var nameEnds = set(`بك باشا افندي`)

// participleLike reports whether a word has the form of an active
// participle in the accusative (محاولاً، معلقاً، مشيراً): a
// circumstance, not a name.
func participleLike(w string) bool {
	return strings.HasPrefix(w, "م") && strings.HasSuffix(w, "ا") && len(w) >= 10 && !givenNames[w]
}

// bareName removes a clitic (و، ل، ب، ف، لل) before a first name or
// title: "للأمير" → "الامير", "ومحمد" → "محمد".
func bareName(w string) string {
	if givenNames[w] || titles[w] {
		return w
	}
	if strings.HasPrefix(w, "لل") && titles["ال"+w[4:]] {
		return "ال" + w[4:]
	}
	for _, c := range []string{"و", "ل", "ب", "ف"} {
		if r := strings.TrimPrefix(w, c); r != w && (givenNames[r] || titles[r] || titles["ال"+r]) {
			return r
		}
	}
	return w
}

// givenAt reports whether token j (bare form w) is a first name. The
// preposition على is written علي by some, which is also the name Ali:
// it is a name only written with ي and followed by another name word.
func (x *extractor) givenAt(p *para, j int, w string) bool {
	if !givenNames[w] {
		return false
	}
	if w == "باسم" && j > 0 && (definite(p.word(j-1)) || roleWords[p.word(j-1)]) {
		return false // "المتحدث باسم الوزارة"
	}
	if w == "علي" {
		t := p.toks[j]
		return !strings.Contains(x.body[t.start:t.end], "ى") && x.nameLike(p, j+1)
	}
	return true
}

// afterTitle reports whether the word at k, after a title, is a name:
// anything but an office, an adjective of nationality, a particle, an
// institution or a verb. Family names with the article are names here
// ("المقدم الفيفي").
func (x *extractor) afterTitle(p *para, k int) bool {
	w := p.toks[k].w
	if roleWords[stripAl(w)] || complements[w] || complements[stripAl(w)] || titles[w] || particles[w] || institutions[stripAl(w)] || roleAdjs[stripAl(w)] || roleAdjs[w] {
		return false
	}
	if isSpeech(w) || isSpeech(stripConj(w)) || participleLike(w) || strings.HasSuffix(w, "يه") && definite(w) {
		return false
	}
	if _, ok := number(w); ok {
		return false
	}
	return true
}

// shortName returns the known person a single word names ("شي", "ماو"):
// the first or last word of a person the article has already named.
func (x *extractor) shortName(w string) string {
	w = stripConj(w)
	if len(w) < 4 || roleWords[stripAl(w)] || titles[w] || particles[w] || complements[w] || givenNames[w] {
		return ""
	}
	best, order := "", -1
	for _, k := range x.known {
		if k.isBody {
			continue
		}
		ws := k.fw
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
				if w := p.toks[k].w; k < j-1 && !x.nameLike(p, k+1) && p.word(k+1) != "بن" && !givenNames[p.word(k+1)] && p.word(k+1) != "ال" {
					break // "على خامنئي الذي اتهمه رافسنجاني": not one name
				} else if x.givenAt(p, k, bareName(w)) {
					// "عبدالله بن محمد السويد": back over بن and names.
					for k >= 2 && (p.word(k-1) == "بن" || p.word(k-1) == "بنت") && p.toks[k-2].isWord() {
						k -= 2
					}
					return trimClitic(x.text(p, k, j+1), p.toks[k].w)
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
	var wa [16]string
	ws := wa[:0]
	for j := a; j < b; j++ {
		if p.toks[j].isWord() {
			ws = append(ws, p.toks[j].w)
		}
	}
	if len(ws) == 0 {
		return who{kind: noSubject}
	}
	w0 := ws[0]
	// "وأشاد الزعيمان": the two people last named.
	if len(ws) == 1 && pairNouns[stripAl(w0)] {
		if w := x.lastTwo(p, a, said); w.kind == person {
			return w
		}
	}
	// A name in quotation marks is the subject: أعلنت “ناشيونال
	// جيوغرافيك” عن …، "سبق" تقول …
	if p.opens(a) && p.shortQuote(a) == b-1 {
		s, e := trimSpan(x.body, p.toks[a].end, p.toks[b-1].start)
		return who{kind: body, names: []string{x.body[s:e]}, saidAs: said}
	}
	// "أعرب فيه عن …": a pronoun, not a subject.
	if len(ws) == 1 && withPronoun(w0, particles) || len(ws) == 1 && withPronoun(w0, adjunctWords) {
		return who{kind: noSubject}
	}
	// A leading ل ("لمسح أجرته رويترز", "للبيان الصادر عن …") is read
	// through.
	if strings.HasPrefix(w0, "لل") && len(w0) > 6 {
		w0 = "ال" + w0[4:]
	} else if r := strings.TrimPrefix(w0, "ل"); r != w0 && (documents[r] || institutions[r] || nonSpeakers[r]) {
		w0 = r
	}
	switch {
	case w0 == "مع" || w0 == "خلال" || w0 == "عبر" || w0 == "من":
		return who{kind: noSubject} // "مع نظيره …": a companion, not the subject
	case (w0 == "هذا" || w0 == "هذه") && len(ws) > 1 && (anonymous[ws[1]] || anonymous[stripAl(ws[1])] || stripAl(ws[1]) == "مسوول"):
		return who{kind: anon} // "هذا المسؤول": the unnamed one again
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
	case !definite(w0) && (strings.HasSuffix(w0, "ون") && len(w0) >= 10 || strings.HasSuffix(w0, "يين")) && !givenNames[w0] && !p.isPerson(a):
		return who{kind: anon} // إعلاميون، محللون: an unnamed group
	case len(ws) == 1 && (strings.HasSuffix(w0, "ه") || strings.HasSuffix(w0, "ها")) && institutions[strings.TrimSuffix(strings.TrimSuffix(w0, "ه"), "ها")]:
		return who{kind: anon} // مكتبه: someone's office, unnamed
	}
	if documents[w0] || documents[stripAl(w0)] {
		if iss := x.issuer(p, a+1, min(p.sentEnd[a], a+16)); iss.kind == body || iss.kind == person {
			iss.saidAs = said
			return iss
		}
		if definite(w0) && x.lastValid && (x.last.kind == body || x.last.kind == person) {
			return who{kind: x.last.kind, names: x.last.names, saidAs: said}
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
			// "مركز الملك سلمان للإغاثة": a person in the name of a thing.
			if j == a || !namesThing(p.word(j-1)) {
				names = appendNew(names, n)
			}
			j = e - 1
		}
	}
	for _, w := range ws {
		if n := x.shortName(w); n != "" {
			names = appendNew(names, n)
		}
	}
	if joint && len(names) < 2 {
		// "أعلنوا"، "يؤكدون": a group, unless two people are named.
		return who{kind: anon}
	}
	if len(names) > 0 {
		if len(names) > 1 && !joint && !coordinated(ws) {
			names = names[:1]
		}
		return who{kind: person, names: names, saidAs: said}
	}
	// A named institution or agency.
	head := stripAl(w0)
	var ag []string
	if !roleWords[head] && !titles[w0] && !givenNames[bareName(w0)] {
		ag = news.Agencies(said)
	}
	if institutions[head] || institutions[w0] || len(ag) > 0 {
		if len(ag) == 1 {
			return who{kind: body, names: ag, saidAs: said}
		}
		if definite(w0) {
			// "الوزارة"، "الشركة الأوروبية …": the body named before.
			if k := x.lastBody(stripAl(w0)); k != nil {
				return who{kind: body, names: []string{k.name}, saidAs: said}
			}
			if len(ws) == 1 {
				if full := x.fullBody(stripAl(w0), p.toks[a].start); full != "" {
					return who{kind: body, names: []string{full}, saidAs: said}
				}
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
		if n := x.roleName(ws, p.toks[a].start); n != "" {
			return who{kind: person, names: []string{x.knownName(n)}, saidAs: said}
		}
		if x.heading.kind == person {
			return who{kind: person, names: x.heading.names, saidAs: said}
		}
		return who{kind: role, names: []string{trimClitic(said, w0)}, saidAs: said}
	}
	if len(ws) <= 2 && !roleAdjs[stripAl(w0)] && !roleWords[stripAl(w0)] && !institutions[stripAl(w0)] {
		// A family name alone ("وأكد العليان"، "وقال صالحي"): the person
		// written in full before.
		if full := x.fullName(ws[len(ws)-1], p.toks[a].start); full != "" {
			return who{kind: person, names: []string{x.knownName(full)}, saidAs: said}
		}
		for _, k := range x.known {
			if kw := k.fw; !k.isBody && len(kw) > 1 && kw[len(kw)-1] == ws[len(ws)-1] {
				return who{kind: person, names: []string{k.name}, saidAs: said}
			}
		}
	}
	return who{kind: phrase, names: []string{trimClitic(said, w0)}, saidAs: said}
}

// lastBody returns the body last named with head as its first word.
func (x *extractor) lastBody(head string) *known {
	var best *known
	for _, k := range x.known {
		if !k.isBody {
			continue
		}
		ws := k.fw
		if len(ws) > 0 && stripAl(ws[0]) == head && (best == nil || k.order > best.order) {
			best = k
		}
	}
	return best
}

// fullBody finds the name of a body that a bare "الوكالة" or "الوزارة"
// stands for: the last "وكالة X Y" written before offset upto.
func (x *extractor) fullBody(head string, upto int) string {
	best := ""
	for _, p := range x.paras {
		if p.start >= upto {
			break
		}
		for j, t := range p.toks {
			if t.start >= upto {
				break
			}
			if t.w != head || !definite(p.word(j+1)) {
				continue
			}
			e := j + 1
			for e < len(p.toks) && e < j+5 && definite(p.word(e)) {
				e++
			}
			best = x.text(p, j, e)
		}
	}
	return best
}

// roleName finds the person an office names by the name written after
// the same office earlier ("رئيس منظمة الطاقة الذرية الإيرانية علي
// أكبر صالحي", later "وأكد رئيس منظمة الطاقة الذرية الإيرانية").
func (x *extractor) roleName(ws []string, upto int) string {
	if len(ws) < 2 {
		return ""
	}
	best := ""
	for _, p := range x.paras {
		if p.start >= upto {
			break
		}
		for j := range p.toks {
			if p.toks[j].start >= upto {
				break
			}
			k, n := j, 0
			for k < len(p.toks) && n < len(ws) {
				if !p.toks[k].isWord() {
					if p.toks[k].p == '،' || p.toks[k].p == ',' {
						k++
						continue
					}
					break
				}
				if stripAl(p.toks[k].w) != stripAl(ws[n]) {
					break
				}
				k++
				n++
			}
			if n < len(ws) {
				continue
			}
			if k < len(p.toks) && (p.toks[k].p == '،' || p.toks[k].p == ',') {
				k++
			}
			if name, e := p.personAt(k); name != "" && e > k {
				best = name
				continue
			}
			if s, e, ok := x.nameIn(p, k, min(k+6, len(p.toks))); ok && s == k {
				best = trimClitic(x.text(p, s, e), p.toks[s].w)
			}
		}
	}
	return best
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
		kw := k.fw
		if len(kw) >= len(ws) && kw[len(kw)-1] == last || len(ws) == 1 && len(kw) > 1 && kw[0] == last && !givenNames[last] {
			return k.name
		}
	}
	x.order++
	k := &known{name: name, words: map[string]bool{}, order: x.order, fw: ws}
	for _, w := range ws {
		k.words[stripAl(w)] = true
	}
	x.known = append(x.known, k)
	return name
}

// rememberWho records a resolved speaker with the words it was written
// with, so that a later office or short name finds it.
func (x *extractor) rememberWho(w who, pos int) {
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
			k = &known{name: n, isBody: w.kind == body, words: map[string]bool{}, fw: foldWords(n)}
			x.known = append(x.known, k)
			for _, fw := range k.fw {
				k.words[stripAl(fw)] = true
			}
		}
		k.order = x.order
		k.pos = pos
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
		for j := s + 1; j < i; j++ {
			if n, _ := p.personAt(j); n != "" {
				return n
			}
			w := bareName(p.word(j))
			if titles[w] && j+1 < i && x.afterTitle(p, j+1) && !namesThing(p.word(j-1)) {
				return x.knownName(x.text(p, j+1, x.nameEnd(p, j+1, i)))
			}
			if x.givenAt(p, j, w) && !namesThing(p.word(j-1)) && !titles[p.word(j-1)] {
				return x.knownName(trimClitic(x.text(p, j, x.nameEnd(p, j, i)), p.word(j)))
			}
		}
	}
	// The person last named or heard before it.
	best, pos := "", -1
	for _, k := range x.known {
		if !k.isBody && k.pos < p.toks[i].start && k.pos > pos {
			best, pos = k.name, k.pos
		}
	}
	if best == "" && x.lastValid && x.last.kind == person {
		return x.last.names[0]
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
		case w == "تصدرها" || w == "يصدرها" || w == "اجرته" || w == "اجرتها" || w == "اعدته" || w == "اعدتها" || w == "نشرته" || w == "نشرتها" || w == "كتبه" || w == "كتبها":
			from = j + 1
		case strings.HasPrefix(w, "ل") && (institutions[stripAl(w)] || institutions[w[2:]] || len(news.Agencies(p.toks[j].w)) > 0):
			from = j
		case j == a && (institutions[w] || institutions[stripAl(w)]):
			from = j // "تقرير مركز «أحرار»": the report of the centre
		default:
			continue
		}
		// Skip adverbs up to the issuer's head: an institution, an agency
		// or a person's name.
		for from < b && p.toks[from].isWord() && !institutions[stripAl(p.word(from))] && !institutions[strings.TrimPrefix(p.word(from), "ل")] &&
			!x.givenAt(p, from, bareName(p.word(from))) && !x.nameLike(p, from) && len(news.Agencies(x.text(p, from, from+1))) == 0 && from < j+4 {
			from++
		}
		if s, e, ok := x.nameIn(p, from, min(b, from+6)); ok && s == from && !institutions[stripAl(p.word(from))] {
			return who{kind: person, names: []string{x.knownName(trimClitic(x.text(p, s, e), p.word(s)))}}
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
	if s == "" || givenNames[w] || titles[w] || roleWords[w] || institutions[w] {
		return s
	}
	for _, c := range []string{"و", "ف", "ل", "ب"} {
		if strings.HasPrefix(w, c) && strings.HasPrefix(s, c) {
			rest := w[len(c):]
			if strings.HasPrefix(rest, "ال") || c == "ل" && strings.HasPrefix(rest, "ل") || givenNames[rest] || titles[rest] || titles["ال"+rest] {
				s = strings.TrimPrefix(strings.TrimPrefix(s, c), "ـ")
				if c == "ل" && strings.HasPrefix(rest, "ل") {
					if strings.HasPrefix(stripAl(w), "ل") {
						s = "ال" + s // للجنة → اللجنة
					} else {
						s = "ا" + s // للأمير → الأمير
					}
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
