package events

import (
	"slices"
	"strings"
)

// anForms are أنّ and إنّ (alike in matching form), with an attached
// pronoun or ب: they open a reported clause.
var anForms = set(`ان انه انها انهم انهما انني اننا بان بانه بانها بانهم بانهما`)

// bNotContent are words starting with ب that are not what a speaker
// said: بن، بعد، بين …
var bNotContent = set(`بن بنت بعد بين بشكل بدوره بدورها بمناسبه بحضور بصفته بصفتها بوصفه بينما بحسب بشان بالرغم برعايه`)

// commonVerbs may have a speaker the lexicon does not know ("أكد أرسنال
// الإنجليزي أن …"), when a clause after أنّ, a colon or a quotation
// follows.
var commonVerbs = set(`قال أكد أعلن أوضح ذكر أفاد صرح كشف`)

// relatives are relative pronouns: a verb after one has the noun before
// it as subject.
var relatives = set(`الذي التي الذين اللذين اللتين`)

type introKind uint8

const (
	noIntro introKind = iota
	introAn           // أنّ / إنّ
	introColon
	introQuote
	introPrep // على، إلى، عن، من، ب
)

// statementsIn finds the statements of one paragraph.
func (x *extractor) statementsIn(pi int, p *para) {
	x.heading = x.headingOf(p)
	for i := 0; i < len(p.toks); i++ {
		t := p.toks[i]
		if p.trig[i]&trigSpeech == 0 || p.quoted(i) {
			continue
		}
		w := t.w
		if attributions[w] || attributions[stripConj(w)] && strings.HasPrefix(w, "و") {
			// Bare حسب is also "as per" in a list ("حسب الجدول"): an
			// attribution only opening a clause.
			if w != "حسب" || i == p.sentStart[i] || p.toks[i-1].p == '،' || p.toks[i-1].p == ',' {
				x.attribution(pi, p, i)
			}
			continue
		}
		if c := stripConj(w); c == "نقل" || c == "نقلت" || c == "ينقل" || c == "تنقل" || w == "نقل" || w == "نقلت" {
			x.reported(pi, p, i)
			continue
		}
		if p.word(i-1) == "ما" && p.word(i-2) == "علي" && isSpeech(w) {
			x.attribution(pi, p, i-2) // "…، على ما أوضحت الشرطة في بيان"
			continue
		}
		v, vEnd, second, ok := x.verbAt(p, i)
		if !ok {
			continue
		}
		if next := x.statement(pi, p, i, v, vEnd, second); next > i {
			i = next - 1
		}
	}
}

// headingOf reads a name that opens a paragraph as its heading: "بندر
// بن محمد: اشار رئيس هيئة أعضاء شرف نادي الهلال …". An office named in
// that paragraph and nowhere else is that person's.
func (x *extractor) headingOf(p *para) who {
	for j := 0; j < len(p.toks) && j < 6; j++ {
		if p.toks[j].p != ':' {
			continue
		}
		if n, e := p.personAt(0); n != "" && e == j {
			return who{kind: person, names: []string{n}, saidAs: x.text(p, 0, j)}
		}
		if s, e, ok := x.nameIn(p, 0, j); ok && s == 0 && e == j && x.givenAt(p, 0, bareName(p.word(0))) {
			return who{kind: person, names: []string{x.knownName(x.text(p, 0, j))}, saidAs: x.text(p, 0, j)}
		}
		break
	}
	return who{}
}

// verbAt reads a speech verb at token i: its verb, the index after it,
// and for a two-word verb whose second word comes after the subject,
// that word's index (else -1).
func (x *extractor) verbAt(p *para, i int) (verb, int, int, bool) {
	w := p.toks[i].w
	prev := p.word(i - 1)
	if i > 0 && !p.toks[i-1].isWord() {
		prev = ""
	}
	if strings.HasPrefix(prev, "و") && len(prev) > 4 {
		switch prev[2:] {
		case "علي", "في", "من", "عن", "الي":
			prev = prev[2:] // "وعلى ذكر"
		}
	}
	switch prev {
	case "علي", "في", "من", "عن", "الي", "مع", "ب", "ل", "ما", "لما", "حسبما", "هذا", "هذه":
		return verb{}, 0, 0, false // a noun ("على ذكر"), or an attribution ("وفق ما أعلنت")
	}
	if ph, ok := periphrases[w]; ok || strings.HasPrefix(w, "و") && len(w) > 6 {
		if !ok {
			ph, ok = periphrases[stripConj(w)]
		}
		if ok {
			end := x.clauseEnd(p, i+1)
			for j := i + 1; j < end && j < i+12; j++ {
				for _, s := range ph.second {
					if p.word(j) == s {
						v := verb{lemma: ph.lemma, kind: perfect, flags: ph.flags}
						if j == i+1 {
							return v, j + 1, -1, true
						}
						return v, i + 1, j, true
					}
				}
				if anForms[p.word(j)] {
					break
				}
			}
		}
	}
	v, ok := speechVerbs[w]
	if !ok && (strings.HasPrefix(w, "و") || strings.HasPrefix(w, "ف")) && len(w) >= 6 {
		v, ok = speechVerbs[w[2:]]
		if ok && v.lemma == "بين" && w[2:] == "بين" {
			// "وبين" is mostly "and between": a verb only opening a
			// sentence or a clause.
			ok = i == p.sentStart[i] || i > 0 && (p.toks[i-1].p == '،' || p.toks[i-1].p == ',' || p.toks[i-1].p == ':')
		}
	} else if ok && w == "بين" {
		// Bare بين is mostly "between": a verb only opening a sentence,
		// or a clause with a speaker after it ("من جانبه، بين الإعلامي
		// محمد البشر أن").
		ok = p.sentStart[i] == i || i > 0 && (p.toks[i-1].p == '،' || p.toks[i-1].p == ',') && (x.speakerHead(p, i+1) || givenNames[p.word(i+2)])
	}
	if !ok || (v.lemma == "طالب" && stripConj(w) == "طالب") {
		return verb{}, 0, 0, false
	}
	if v.kind == perfect && (p.word(i+1) == "ما" || p.word(i+1) == "من") && (v.lemma == "أوضح" || v.lemma == "أكد") {
		return verb{}, 0, 0, false // "أوضح ما تكون": the clearest, not "explained"
	}
	return v, i + 1, -1, true
}

// clauseEnd returns the index of the token that ends the clause that
// runs from token from: the end of the sentence, a continuation
// participle, or a comma where the narrator takes over.
func (x *extractor) clauseEnd(p *para, from int) int {
	if from >= len(p.toks) {
		return len(p.toks)
	}
	end := p.sentEnd[from]
	if end > from+maxClause {
		end = from + maxClause
	}
	for j := from; j < end; j++ {
		t := p.toks[j]
		if p.opens(j) {
			if q, ok := p.quoteAt(j); ok {
				if q.close >= end {
					return end
				}
				j = q.close
				if nw := p.word(j + 1); strings.HasPrefix(nw, "و") && len(nw) > 6 && isFiniteSpeech(nw[2:]) {
					return j + 1 // "… «…» وقال وزير النفط …"
				}
				continue
			}
		}
		if p.quoted(j) {
			continue
		}
		if t.p == '،' || t.p == ',' {
			nw := p.word(j + 1)
			if nw == "" {
				continue
			}
			if p.trig[j+1]&trigPart != 0 || nw == "وذلك" || attributions[nw] || attributions[stripConj(nw)] || nw == "حسبما" || nw == "بينما" ||
				nw == "في" && p.word(j+2) == "حين" || nw == "علي" && p.word(j+2) == "ما" || nw == "كما" && p.word(j+2) != "" && isSpeech(p.word(j+2)) {
				return j
			}
			if strings.HasPrefix(nw, "و") && len(nw) > 6 && isFiniteSpeech(nw[2:]) {
				return j
			}
			continue
		}
		if t.isWord() && j > from {
			if p.trig[j]&trigPart != 0 {
				return j
			}
			if w := t.w; strings.HasPrefix(w, "و") && len(w) > 6 && isFiniteSpeech(w[2:]) && !relatives[p.word(j-1)] {
				return j // "… وأضاف": a new statement
			}
			if (t.w == "علي" || t.w == "وفق" || t.w == "بحسب" || t.w == "حسب" || t.w == "وفقا") && p.word(j+1) == "ما" || t.w == "حسبما" {
				return j
			}
		}
	}
	return end
}

// maxClause bounds a clause, in tokens: text with no full stop for
// pages on end is not one sentence, and is read in pieces.
const maxClause = 400

func isSpeech(w string) bool {
	_, ok := speechVerbs[w]
	return ok
}

func isFiniteSpeech(w string) bool {
	v, ok := speechVerbs[w]
	return ok && (v.kind == perfect || v.kind == imperfect) && v.flags&strict == 0
}

// intro finds where what was said starts after a speech verb, between
// tokens a and end: a clause after أنّ / إنّ, a colon, a quotation, or
// the preposition the verb takes. It returns the introducer's index, its
// kind, and the index the content starts at; -1 when there is none.
func (x *extractor) intro(p *para, a, end int, v verb) (int, introKind, int) {
	prep, comma := -1, -1
	for j := a; j < end; j++ {
		t := p.toks[j]
		if !t.isWord() {
			switch {
			case (t.p == '،' || t.p == ',') && comma < 0 && prep < 0 && j > a && commaVerbs[v.lemma] && x.commaStarts(p, a, j):
				comma = j
			case t.p == ':':
				if prep >= 0 {
					return prep, introPrep, prep + 1
				}
				return j, introColon, j + 1
			case p.opens(j):
				// A short quotation that the clause goes on after is a
				// name: «حنان الخطيب»: …، أعلنت “ناشيونال جيوغرافيك” عن …
				if c := p.shortQuote(j); c >= 0 && (j > a && p.toks[j-1].p != ':' || j == a) && c+1 < end && (p.toks[c+1].isWord() || p.toks[c+1].p == ':' || p.toks[c+1].p == '،' || p.toks[c+1].p == ',') {
					j = c
					continue
				}
				if prep >= 0 {
					return prep, introPrep, prep + 1
				}
				if comma >= 0 {
					return comma, introColon, comma + 1
				}
				// A quotation the clause goes on after to أنّ or a colon
				// is in the subject ("في إرشاداتها حول «…» …، أن").
				if q, ok := p.quoteAt(j); ok && q.close < end {
					skip := false
					for k := q.close + 1; k < end && k < q.close+12; k++ {
						if p.opens(k) || isSpeech(p.word(k)) || isSpeech(stripConj(p.word(k))) {
							break
						}
						if anForms[p.word(k)] || p.toks[k].p == ':' {
							skip = true
							break
						}
					}
					if skip {
						j = q.close
						continue
					}
				}
				return j, introQuote, j
			}
			continue
		}
		w := t.w
		if anForms[w] {
			switch p.word(j - 1) {
			case "بعد", "قبل", "منذ", "حتي", "دون", "رغم", "بدل", "لدرجه":
				continue // "بعد أن قضى": a time, not what was said
			}
			if prep >= 0 && prep < j-1 {
				return prep, introPrep, prep + 1
			}
			return j, introAn, j + 1
		}
		if prep < 0 {
			switch {
			case w == "علي" && v.flags&takesAla != 0,
				(w == "الي" || w == "الى") && v.flags&takesIla != 0,
				w == "عن" && v.flags&takesAn != 0,
				w == "من" && v.flags&takesMin != 0:
				prep = j
			case v.flags&takesBi != 0 && w == "ب" && j+1 < end && p.opens(j+1) &&
				(v.kind == perfect || v.kind == imperfect) && v.lemma != "وصف" && v.lemma != "شكر":
				// "وأشاد الزعيمان بـ"العصر الجديد"": not after a
				// participle or وصف, whose object comes first ("واصفا
				// الملك سلمان بـ«البطل»").
				prep = j
			case v.flags&takesBi != 0 && strings.HasPrefix(w, "ب") && len(w) > 4 && !bNotContent[w] && !complements[w[2:]] && !complements[stripAl(w)] && !x.inLongerName(p, j):
				if pl, _ := p.placeAt(j); pl == nil {
					prep = j
				}
			}
		}
	}
	if prep >= 0 {
		start := prep + 1
		if w := p.word(prep); w != "ب" && strings.HasPrefix(w, "ب") {
			start = prep // بجهود: the word itself says what
		}
		return prep, introPrep, start
	}
	if comma >= 0 {
		return comma, introColon, comma + 1
	}
	return -1, noIntro, -1
}

// commaVerbs may take what was said after a comma, with no أنّ or colon:
// "وقال المتحدث … بيشي الصرخي، تلقت غرفة العمليات …".
var commaVerbs = set(`قال أضاف أوضح تابع أكد`)

// commaStarts reports whether the comma at token j ends a speaker's
// phrase and starts what was said: an office, a circumstance, a
// particle or a name does not follow it, and a person or body stands
// before it.
func (x *extractor) commaStarts(p *para, a, j int) bool {
	k := p.nextWord(j + 1)
	if k < 0 {
		return false
	}
	w := p.toks[k].w
	if roleWords[stripAl(w)] || titles[w] || adjunctWords[w] || particles[w] || subjectStops[w] || isSpeech(w) || isSpeech(stripConj(w)) || anForms[w] ||
		x.givenAt(p, k, bareName(w)) || p.isPerson(k) || attributions[w] || attributions[stripConj(w)] || complements[w] || institutions[stripAl(w)] {
		return false
	}
	if _, ok := weekdays[w]; ok {
		return false
	}
	s, e := x.subjectEnd(p, a, j)
	if e <= s {
		return false
	}
	who := x.analyze(p, s, e, false)
	return who.kind == person || who.kind == body
}

// statement reads the statement whose speech verb is at token i. It
// returns the token to read on from: past what was said when that is
// direct speech after a colon with no quotation marks (its verbs are the
// speaker's), else 0.
func (x *extractor) statement(pi int, p *para, i int, v verb, vEnd, second int) int {
	end := x.clauseEnd(p, vEnd)
	if second >= 0 && second >= end {
		return 0
	}
	var w who
	cs, kind := -1, noIntro
	switch {
	case v.kind == verbalNoun:
		// نقلت … عن X قوله: the speaker is between عن and قوله.
		s := p.sentStart[i]
		k := -1
		for j := i - 1; j >= s; j-- {
			if p.word(j) == "عن" {
				k = j
				break
			}
		}
		if k < 0 {
			return 0
		}
		a, b := x.subjectEnd(p, k+1, i)
		w = x.analyze(p, a, b, false)
		j := x.skipAdjuncts(p, vEnd, end)
		if k2, kd, c := x.intro(p, j, end, v); k2 == j {
			kind, cs = kd, c
		}
	case second >= 0:
		a, b := x.subjectEnd(p, vEnd, second)
		w = x.analyze(p, a, b, v.many)
		cs = x.skipAdjuncts(p, second+1, end)
		kind = noIntro
		if k2, kd, c := x.intro(p, cs, end, v); k2 == cs {
			kind, cs = kd, c
		}
	default:
		if relatives[p.word(i-1)] {
			w = x.antecedent(p, i-1)
			if w.kind == noSubject {
				return 0
			}
		}
		k, kd, c := x.intro(p, vEnd, end, v)
		if v.lemma == "رأى" && kd == introAn && strings.HasPrefix(p.word(c), "ي") {
			return 0 // "رأى أن يعيد …": decided to, not said that
		}
		objFirst := v.lemma == "وصف" || v.lemma == "شكر" || k < 0 && v.flags&takesObj != 0
		if v.flags&quoteOnly != 0 {
			if k < 0 || kd != introPrep || !p.opens(c) && !p.opens(c+1) {
				return 0
			}
			if !p.opens(c) {
				c++
			}
			objFirst = false
		}
		if v.flags&strict != 0 && k < 0 {
			return 0
		}
		if v.kind == participle && (k < 0 || k-vEnd > 2) && !(v.flags&takesObj != 0 && k < 0) {
			// "تعليمات مشددة بألا …": an adjective, not a continuation.
			return 0
		}
		if objFirst {
			se := x.objSplit(p, vEnd, end)
			if w.kind == noSubject {
				w = x.analyze(p, vEnd, se, v.many)
			}
			cs = x.skipAdjuncts(p, se, end)
			if k2, kd2, c2 := x.intro(p, cs, end, v); k2 == cs && kd2 != introPrep {
				kind, cs = kd2, c2
			}
		} else {
			if k < 0 {
				return 0
			}
			if w.kind == noSubject {
				se := k
				switch p.word(k - 1) {
				case "علي", "الي", "الى", "عن", "من":
					se = k - 1 // شدد الوزير على أنه …
				}
				a, b := x.subjectEnd(p, vEnd, se)
				w = x.analyze(p, a, b, v.many)
				if v.kind == participle && w.kind != person && w.kind != body {
					// "محذرةً المسافرين من …": an object, not a subject.
					w = who{kind: noSubject}
					if v.flags&takesObj != 0 && kd == introPrep {
						c = vEnd
					}
				}
			}
			kind, cs = kd, c
		}
	}
	if cs < 0 || cs >= end {
		return 0
	}
	if w.kind == noSubject && v.kind != participle && i > 0 && p.toks[i-1].isWord() {
		if pw := p.toks[i-1].w; !definite(pw) && !particles[pw] && !adjunctWords[pw] && !isSpeech(pw) && !isSpeech(stripConj(pw)) && pw != "ثم" && pw != "قد" && !x.speakerHead(p, i-1) && x.shortName(pw) == "" && !x.inPerson(p, i-1) {
			return 0 // "أحزاباً كردية طالبت بـ …": the verb describes the noun before it
		}
	}
	fresh := w.kind != noSubject
	if w.kind == noSubject {
		w = x.continuation(pi, p, i, v)
	}
	switch w.kind {
	case noSubject:
		return 0
	case anon, placeName, notSpeaker:
		x.blocked, x.lastValid = true, false
		return 0
	case phrase:
		// A subject of no known kind is taken only with a common verb and
		// a clause, colon or quotation ("أكد أرسنال الإنجليزي أن …");
		// its continuations follow it.
		if fresh && (!commonVerbs[v.lemma] || kind == introPrep || kind == noIntro || len(strings.Fields(w.saidAs)) > 6) {
			return 0
		}
	}
	if kind == introColon && anForms[p.word(cs)] && !p.opens(cs+1) {
		cs++ // "قال للصحفيين: إن …"
	}
	start, stop, quote := x.content(p, cs, end, kind)
	if stop <= start {
		return 0
	}
	x.emit(pi, p, i, w, x.verbText(p, i, vEnd, second), start, stop, quote)
	if kind == introColon && !quote {
		return end
	}
	return 0
}

// content returns the span of what was said, from token cs to the clause
// end, and whether it is a quotation.
func (x *extractor) content(p *para, cs, end int, kind introKind) (int, int, bool) {
	if cs < len(p.toks) && p.opens(cs) {
		if q, ok := p.quoteAt(cs); ok {
			if kind == introColon || kind == introQuote || kind == introPrep || quoteEndsClause(p, q, end) {
				s := p.toks[q.open].end
				e := p.end
				if q.close < len(p.toks) {
					e = p.toks[q.close].start
				}
				s, e = trimSpan(x.body, s, e)
				return s, e, true
			}
		}
	}
	if cs >= end {
		return 0, 0, false
	}
	s, e := p.toks[cs].start, p.toks[end-1].end
	if end < len(p.toks) && p.quoted(end-1) {
		e = p.toks[end-1].end
	}
	// Drop trailing punctuation other than closing marks.
	for e > s {
		last := end - 1
		for last >= cs && p.toks[last].end > e {
			last--
		}
		if last < cs {
			break
		}
		t := p.toks[last]
		if t.isWord() || p.closes(last) || t.p == ')' {
			break
		}
		e = t.start
		end = last
	}
	s, e = trimSpan(x.body, s, e)
	return s, e, false
}

// quoteEndsClause reports whether a quotation that opens a reported
// clause is all of it: nothing but punctuation, a continuation or a new
// statement follows it.
func quoteEndsClause(p *para, q quoteSpan, end int) bool {
	n := q.close + 1
	if q.close >= len(p.toks) || n >= end {
		return true
	}
	t := p.toks[n]
	if !t.isWord() {
		return !p.opens(n)
	}
	return isContinuation(t.w) || t.w == "وذلك" || strings.HasPrefix(t.w, "و") && isSpeech(t.w[2:])
}

// skipAdjuncts moves past circumstances and commas from token j.
func (x *extractor) skipAdjuncts(p *para, j, end int) int {
	for j < end {
		t := p.toks[j]
		if !t.isWord() {
			if t.p == '،' || t.p == ',' || t.p == '-' || t.p == '–' {
				j++
				continue
			}
			return j
		}
		w := t.w
		if _, ok := weekdays[w]; ok || adjunctWords[w] && w != "ل" && w != "عبر" || w == "يوم" || isAddressee(w) && w != "ل" {
			j++
			continue
		}
		return j
	}
	return j
}

// objSplit returns where the subject ends when a verb's content is its
// direct object: after a person's name, an office and its complements,
// or an institution and its adjectives. With no recognizable subject it
// returns a: the verb continues an earlier speaker.
func (x *extractor) objSplit(p *para, a, b int) int {
	j := a
	for j < b && !p.toks[j].isWord() {
		j++
	}
	if j >= b {
		return a
	}
	w := p.toks[j].w
	chain := func(j int) int {
		for j < b {
			t := p.toks[j]
			if !t.isWord() {
				if t.p == '،' || t.p == ',' {
					// An apposition goes on only with an office after it.
					if k := p.nextWord(j + 1); k >= 0 && k < b && roleWords[stripAl(p.toks[k].w)] {
						j++
						continue
					}
				}
				return j
			}
			tw := t.w
			if pl, e := p.placeAt(j); pl != nil && (definite(tw) || strings.HasPrefix(tw, "ب") || strings.HasPrefix(tw, "ل") || j > a) {
				j = e
				continue
			}
			if definite(tw) && !titles[tw] || complements[tw] || complements[stripAl(tw)] || roleWords[stripAl(tw)] || institutions[stripAl(tw)] || tw == "في" && j+1 < b && definite(p.word(j+1)) || tw == "باسم" {
				j++
				continue
			}
			return j
		}
		return j
	}
	name := func(j int) int {
		if j < b && (x.givenAt(p, j, bareName(p.word(j))) || x.nameLike(p, j)) {
			return x.nameEnd(p, j, b)
		}
		return j
	}
	// After a name, an office in apposition ("عبدالله الفهد نائب رئيس
	// جمعية الكشافة"), and no more.
	apposition := func(e int) int {
		k := e
		if k < b && (p.toks[k].p == '،' || p.toks[k].p == ',') {
			k++
		}
		if k < b && roleWords[stripAl(p.word(k))] {
			return chain(k)
		}
		return e
	}
	// An office or an institution and its complements, then the name of
	// who holds it, if one follows.
	office := func() int {
		e := chain(j + 1)
		if e < b && (givenNames[p.word(e)] || titles[p.word(e)]) {
			e = apposition(name(e))
		} else if n, pe := p.personAt(e); n != "" && pe <= b {
			e = apposition(pe)
		}
		return e
	}
	switch {
	case honorifics[w]:
		return j + 1
	case anonymous[w] || anonymous[stripAl(w)] || nonSpeakers[w] || w == "مصدر" || w == "مصادر":
		return chain(j + 1)
	case roleWords[stripAl(w)]:
		return office()
	case givenNames[w] || titles[w]:
		e := name(j)
		if e == j {
			e = name(j + 1)
		}
		if e > j {
			return apposition(e)
		}
		return j
	}
	if n, e := p.personAt(j); n != "" && e <= b {
		// A gazetteer name at the start: its end, then an apposition.
		return apposition(e)
	}
	if institutions[stripAl(w)] || institutions[w] {
		return office()
	}
	if x.shortName(w) != "" {
		return apposition(j + 1)
	}
	return a
}

// continuation finds the speaker of a verb with no subject: for a
// participle the speaker of the sentence's statement, else the subject
// written before the verb, else the last speaker nearby.
func (x *extractor) continuation(pi int, p *para, i int, v verb) who {
	sent := p.toks[p.sentStart[i]].start
	if v.many {
		if w := x.backSubject(p, i, true); w.kind == person && len(w.names) > 1 {
			return w
		}
		// "أكّدا" with no names before it: the two people last named,
		// not the last speaker.
		return x.lastTwo(p, i, "")
	}
	if v.kind == participle && x.lastValid && x.lastSent == sent && x.lastPara == pi {
		return x.last
	}
	if v.kind == participle || p.word(i-1) == "حيث" {
		if w := x.sentenceSubject(p, i); w.kind == person || w.kind == body {
			return w
		}
	} else {
		switch w := x.backSubject(p, i, v.many); w.kind {
		case person, body, anon, placeName, notSpeaker:
			return w
		}
	}
	if x.lastValid && !x.blocked && pi-x.lastPara <= 2 {
		return x.last
	}
	return who{kind: noSubject}
}

// pairNouns are dual nouns that stand for the two people last named:
// "وأشاد الزعيمان".
var pairNouns = map[string]bool{
	"زعيمان": true, "زعيمين": true, "رئيسان": true, "رئيسين": true,
	"وزيران": true, "وزيرين": true,
}

// lastTwo reads whom a dual verb or noun with no names stands for
// ("أكّدا", "الزعيمان"): the two people last named before token i, in
// its sentence or the one before it; no subject when fewer than two are.
func (x *extractor) lastTwo(p *para, i int, said string) who {
	from := p.sentStart[i]
	if from > 0 {
		from = p.sentStart[from-1]
	}
	var names []string
	for k := from; k < i; k++ {
		n, e := p.personAt(k)
		if n == "" {
			continue
		}
		names = slices.DeleteFunc(names, func(s string) bool { return s == n })
		names = append(names, n)
		k = max(k, e-1)
	}
	if len(names) < 2 {
		return who{kind: noSubject}
	}
	return who{kind: person, names: names[len(names)-2:], saidAs: said}
}

// backSubject reads a subject written before its verb: "إلا أن المدير
// العام …، أكد", "وكانت القوات الجوية قد كشفت", a headline's "X ونظيره
// Y يؤكدان".
func (x *extractor) backSubject(p *para, i int, joint bool) who {
	// "تلقى … اتصالاً هاتفياً من الملك حمد … أعرب فيه عن": the verb
	// describes the call, and the caller speaks.
	if w := p.word(i + 1); w == "فيه" || w == "فيها" || w == "خلاله" || w == "خلالها" {
		for k := i - 1; k >= p.sentStart[i] && k > i-16; k-- {
			if p.word(k) == "من" {
				if s, _ := x.subjectEnd(p, k+1, i); s < i {
					return x.analyze(p, s, i, false)
				}
				break
			}
		}
	}
	// A newspaper's name in quotation marks opening the sentence:
	// "«سبق» تقول للمسؤول: …".
	if i > 0 && p.closes(i-1) {
		for _, q := range p.quotes {
			if q.close == i-1 && q.open == p.sentStart[i] && p.shortQuote(q.open) == q.close {
				s, e := trimSpan(x.body, p.toks[q.open].end, p.toks[q.close].start)
				return who{kind: body, names: []string{x.body[s:e]}, saidAs: x.body[s:e]}
			}
		}
	}
	j := i - 1
	if p.word(j) == "قد" {
		j--
	}
	if j >= 0 && (p.toks[j].p == '،' || p.toks[j].p == ',') {
		j--
	}
	end := j + 1
	s := p.sentStart[i]
	// "أصدر الاجتماع بياناً مشتركاً أكّد …": the verb describes a
	// document.
	for k := j; k >= s && k > j-3; k-- {
		if documents[p.word(k)] {
			return x.analyze(p, k, end, false)
		}
	}
	kan := false
	for ; j >= s; j-- {
		t := p.toks[j]
		if !t.isWord() {
			if t.p == '-' || t.p == '–' || t.p == '•' {
				continue
			}
			break
		}
		switch t.w {
		case "كان", "كانت", "وكان", "وكانت":
			kan = true
			goto done
		case "ان", "الا", "لكن", "ولكن", "بينما", "فيما", "حيث", "كما", "وقد", "قد", "ثم", "و", "وذلك", "فقد", "عندما":
			goto done
		}
		if subjectStops[t.w] || isSpeech(t.w) || isSpeech(stripConj(t.w)) {
			return who{kind: noSubject}
		}
		if end-j > 15 {
			return who{kind: noSubject}
		}
	}
done:
	start := j + 1
	for start < end && !p.toks[start].isWord() {
		start++
	}
	if start >= end {
		return who{kind: noSubject}
	}
	if !x.speakerHead(p, start) {
		if kan {
			// "وكانت المادة الثانية من النظام اكدت": a subject, though no
			// speaker.
			return who{kind: notSpeaker}
		}
		return who{kind: noSubject}
	}
	w := x.analyze(p, start, end, joint)
	if w.kind == person && countWords(w.saidAs) > 12 || w.kind == phrase || w.kind == role {
		return who{kind: noSubject}
	}
	return w
}

// inLongerName reports whether token j is inside a gazetteer name that
// starts before it: بوتين in "فلاديمير بوتين بـ…" is a name, not the
// preposition ب (as بأوباما is).
func (x *extractor) inLongerName(p *para, j int) bool {
	for k := j - 1; k >= 0 && k > j-5; k-- {
		if n, e := p.personAt(k); n != "" && e > j {
			return true
		}
	}
	return false
}

// inPerson reports whether token j ends a gazetteer name.
func (x *extractor) inPerson(p *para, j int) bool {
	for k := j; k >= 0 && k > j-5; k-- {
		if n, e := p.personAt(k); n != "" && e > j {
			return true
		}
	}
	return false
}

// speakerHead reports whether a subject can start at token j: a person
// of the gazetteer, a first name, a title, an office, an institution,
// an honorific or a source.
func (x *extractor) speakerHead(p *para, j int) bool {
	if n, _ := p.personAt(j); n != "" {
		return true
	}
	if pl, _ := p.placeAt(j); pl != nil {
		return true // "الصين تعهد …": a country, read to be left out
	}
	w := p.word(j)
	b := bareName(w)
	return x.givenAt(p, j, b) || titles[b] || roleWords[stripAl(w)] || institutions[stripAl(w)] || institutions[w] || honorifics[w] ||
		anonymous[w] || anonymous[stripAl(w)] || documents[w] || documents[stripAl(w)] || nonSpeakers[w] || x.shortName(w) != ""
}

// sentenceSubject reads the subject of a sentence's first verb, for a
// participle that continues it: "وبررت الشرطة المحلية في مدينة أنسي
// خطوتها … نافية أن …".
func (x *extractor) sentenceSubject(p *para, i int) who {
	s := p.sentStart[i]
	for j := s; j < i; j++ {
		if n, _ := p.personAt(j); n != "" {
			return who{kind: person, names: []string{n}, saidAs: x.text(p, j, p.person(j).end)}
		}
	}
	first := p.nextWord(s)
	// "من جانبها، شككت المعارضة …": past the opening frame.
	if w := p.word(first); w == "من" || strings.HasPrefix(w, "بدور") {
		for k := first; k < i; k++ {
			if p.toks[k].p == '،' || p.toks[k].p == ',' {
				first = p.nextWord(k + 1)
				break
			}
		}
	}
	if first < 0 || first >= i {
		return who{kind: noSubject}
	}
	e := x.objSplit(p, first+1, i)
	if e <= first+1 {
		return who{kind: noSubject}
	}
	// Stop the phrase at a word with an attached pronoun (its object).
	return x.analyze(p, first+1, e, false)
}

// antecedent reads the noun a relative pronoun at token r refers to:
// "للأمير فهد بن خالد الذي أعلن".
func (x *extractor) antecedent(p *para, r int) who {
	s := p.sentStart[r]
	j := r - 1
	for j >= s && j > r-8 && p.toks[j].isWord() && !particles[p.toks[j].w] {
		j--
	}
	if j+1 >= r {
		return who{kind: noSubject}
	}
	w := x.analyze(p, j+1, r, false)
	if w.kind != person {
		return who{kind: noSubject}
	}
	return w
}

// reported reads "نقلت X عن Y أن …" where no قوله follows (that case is
// read at قوله).
func (x *extractor) reported(pi int, p *para, i int) {
	end := x.clauseEnd(p, i+1)
	k := -1
	for j := i + 1; j < end; j++ {
		w := p.word(j)
		if w == "قوله" || w == "قولها" || w == "قولهم" {
			return
		}
		if w == "عن" && k < 0 {
			k = j
		}
	}
	if k < 0 {
		return
	}
	v := verb{lemma: "نقل", kind: perfect}
	c, kind, cs := x.intro(p, k+1, end, v)
	if c < 0 || kind == introPrep {
		return
	}
	a, b := x.subjectEnd(p, k+1, c)
	w := x.analyze(p, a, b, false)
	if !w.ok() || w.kind == phrase {
		if w.kind == anon {
			x.blocked, x.lastValid = true, false
		}
		return
	}
	start, stop, quote := x.content(p, cs, end, kind)
	if stop > start {
		x.emit(pi, p, i, w, x.verbText(p, i, i+1, -1), start, stop, quote)
	}
}

// attribution reads بحسب / وفق ما / وفقاً لـ X: a statement with the
// clause before (or after, when the attribution opens the sentence).
func (x *extractor) attribution(pi int, p *para, i int) {
	s, end := p.sentStart[i], p.sentEnd[i]
	j := i + 1
	if w := p.word(j); w == "ما" || w == "لما" {
		j++
	}
	verbAt := -1
	if w := p.word(j); isSpeech(w) || w == "نقلت" || w == "نقل" || w == "نقلته" || w == "اوردت" || w == "اورد" || w == "جاء" || w == "ورد" || w == "نشرت" || w == "نشره" || w == "نشرته" {
		verbAt = j
		j++
		if w := p.word(j); w == "في" || w == "به" || w == "عن" {
			j++
		}
	}
	e := j
	for e < end && e < j+8 {
		t := p.toks[e]
		if !t.isWord() {
			if t.p == '،' || t.p == ',' || t.p == ':' {
				break
			}
			if p.opens(e) {
				if c := p.shortQuote(e); c >= 0 {
					e = c + 1
					continue
				}
				break
			}
			e++
			continue
		}
		if w := t.w; w == "فان" || w == "فانه" || w == "فانها" || adjunctWords[w] && w != "ل" || e > j && isSpeech(w) {
			break
		}
		e++
	}
	w := x.analyze(p, j, e, false)
	if !w.ok() || w.kind == phrase && !strings.HasPrefix(p.word(j), "ل") && w.kind != body {
		return
	}
	verbText := x.verbText(p, i, i+1, -1)
	if verbAt >= 0 && isSpeech(p.word(verbAt)) {
		verbText = x.verbText(p, verbAt, verbAt+1, -1)
	}
	opens := i == s || i == p.nextWord(s) || anForms[p.word(i-1)]
	if opens {
		cs := e
		// The source's phrase may run past what was read: what was said
		// starts after its comma or at فإنّ.
		for k := e; k < end && k < e+20; k++ {
			if p.toks[k].p == '،' || p.toks[k].p == ',' || p.word(k) == "فان" || p.word(k) == "فانه" || p.word(k) == "فانها" {
				cs = k
				break
			}
		}
		for cs < end && (!p.toks[cs].isWord() && !p.opens(cs) || p.word(cs) == "فان" || p.word(cs) == "فانه" || p.word(cs) == "فانها" || p.word(cs) == "ان") {
			cs++
		}
		ce := x.clauseEnd(p, cs)
		start, stop, quote := x.content(p, cs, ce, introAn)
		if stop > start {
			x.emit(pi, p, i, w, verbText, start, stop, quote)
		}
		return
	}
	// "…، وفق ما تذكره المراكز:" introduces what follows, a list: the
	// writer's words before it are not what was said.
	if k := e; k < len(p.toks) && p.toks[k].p == ':' {
		return
	}
	// At the end: the sentence before it is what was said, unless a
	// speech verb before it already reports it (the attribution names a
	// channel: "وقال لافروف …، وفقاً لمقطع فيديو نشرته صحيفة …").
	for k := s; k < i; k++ {
		if p.toks[k].isWord() && !p.quoted(k) && (isSpeech(p.word(k)) || isSpeech(stripConj(p.word(k)))) {
			return
		}
	}
	cs := x.dateline(p, s, i)
	ce := i
	for ce > cs && (!p.toks[ce-1].isWord() && !p.closes(ce-1) && p.toks[ce-1].p != ')') {
		ce--
	}
	if ce-1 > cs && (p.word(ce-1) == "علي" || p.word(ce-1) == "كما") {
		ce--
	}
	if ce <= cs {
		return
	}
	kind := introAn
	// A quotation that is all of the clause before is quoted.
	for _, q := range p.quotes {
		if q.open >= cs && q.close < ce && q.close >= ce-2 && q.open <= cs+8 {
			cs, kind = q.open, introQuote
			break
		}
	}
	start, stop, quote := x.content(p, cs, ce, kind)
	if stop > start {
		x.emit(pi, p, i, w, verbText, start, stop, quote)
	}
}

// dateline skips a dateline at the start of a sentence ("موسكو:",
// "بكين -", "سبق- جدة:") and returns the index of the first token after.
func (x *extractor) dateline(p *para, s, limit int) int {
	for j := s; j < limit && j < s+6; j++ {
		t := p.toks[j]
		if t.p == ':' || (t.p == '-' || t.p == '–') && j > s {
			return j + 1
		}
	}
	return s
}

// verbText is the speech verb as written, without a leading و or ف.
func (x *extractor) verbText(p *para, i, vEnd, second int) string {
	t := p.toks[i]
	s := x.body[t.start:p.toks[vEnd-1].end]
	if _, ok := speechVerbs[t.w]; !ok {
		if _, ok := periphrases[t.w]; !ok && !attributions[t.w] && t.w != "نقل" && t.w != "نقلت" {
			if strings.HasPrefix(s, "و") || strings.HasPrefix(s, "ف") {
				s = s[2:]
			}
		}
	}
	if second >= 0 {
		s += " " + x.body[p.toks[second].start:p.toks[second].end]
	}
	return s
}

// emit records a statement for each speaker and makes its speaker the
// one later continuations belong to.
func (x *extractor) emit(pi int, p *para, i int, w who, verb string, start, stop int, quote bool) {
	for _, n := range w.names {
		dup := false
		for _, s := range x.stmts {
			if s.Start == start && s.End == stop && s.Speaker == n {
				dup = true
				break
			}
		}
		if dup {
			continue
		}
		x.stmts = append(x.stmts, Statement{Speaker: n, SaidAs: w.saidAs, Verb: verb, Text: x.body[start:stop], Quote: quote, Start: start, End: stop})
	}
	if w.saidAs == "" && x.lastValid {
		w.saidAs = x.last.saidAs
	}
	x.last, x.lastValid, x.blocked = w, true, false
	x.lastPara, x.lastSent = pi, p.toks[p.sentStart[i]].start
	x.rememberWho(w, p.toks[i].start)
}
