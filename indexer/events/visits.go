package events

import (
	"strings"
	"time"
)

type visitKind uint8

const (
	visitVerb  visitKind = iota // زار، يزور: the destination is the object
	arriveVerb                  // وصل، توجّه: the destination follows إلى
	landVerb                    // حطّت (طائرة X): في
	visitNoun                   // زيارة، جولة، رحلة
	notVisit
)

// Visit words in matching form, with whether the form is future (س).
var (
	visitVerbs  = map[string]bool{"زار": false, "زارت": false, "زاروا": false, "يزور": false, "تزور": false, "يزوران": false, "سيزور": true, "ستزور": true}
	arriveVerbs = map[string]bool{"وصل": false, "وصلت": false, "وصلوا": false, "يصل": false, "تصل": false, "سيصل": true, "ستصل": true,
		"توجه": false, "توجهت": false, "يتوجه": false, "تتوجه": false, "سيتوجه": true, "ستتوجه": true, "التوجه": false}
	landVerbs  = set(`حطت حط`)
	visitNouns = set(`زياره بزياره لزياره الزياره وزياره زيارته زيارتها زيارتهم جوله بجوله رحله بجولته`)
	// lightVerbs carry a visit noun: قام بزيارة، يجري زيارة، بدأ زيارة.
	lightVerbs = map[string]bool{"قام": false, "قامت": false, "يقوم": false, "تقوم": false, "سيقوم": true, "ستقوم": true,
		"اجري": false, "اجرت": false, "يجري": false, "تجري": false, "سيجري": true, "ستجري": true,
		"بدا": false, "بدات": false, "يبدا": false, "تبدا": false, "سيبدا": true, "يعتزم": true, "تعتزم": true, "ينوي": true, "تنوي": true}
	// Future and plan markers before a visit word.
	planWords = set(`سوف المقرر المقرر المنتظر يعتزم تعتزم ينوي تنوي يرتقب المرتقب المرتقبه المقبل المقبله القادم القادمه غدا يتوقع`)
	// Future auxiliaries in a visit's sentence: ستستمر، ستكون.
	futureAux = set(`ستكون سيكون ستستمر سيستمر ستشمل تشمل ستتمحور سيلتقي ستبدا سيبدا سيجري ستجري`)
	// Negation or doubt before a visit word.
	doubtWords = set(`لم لن لا اذا الغي الغت ارجا ارجات تاجيل الغاء نفي نفت`)
	// Adjectives of a visit noun, skipped to reach the visitor.
	visitAdjs = set(`رسميه الرسميه خاصه عمل تاريخيه مفاجيه قصيره اخيره المرتقبه الاولي مرتقبه خارجيه اول رسمي الاخيره سريعه`)
)

// visitDraft is one mention of a visit before an article's mentions are
// merged.
type visitDraft struct {
	visitor    who
	dest       *place
	group      int // destinations named together share a group
	planned    bool
	when       when
	start, end int  // the evidence sentence
	inherited  bool // the visitor is the one of the sentence's previous mention
	nounOnly   bool // a noun with no verb ("زيارة ماور ستتمحور"): a reference
}

// visitsIn finds the visit mentions of one paragraph.
func (x *extractor) visitsIn(pi int, p *para) {
	var trig []int
	var kinds []visitKind
	for i, t := range p.toks {
		if p.trig[i]&trigVisit == 0 {
			continue
		}
		k := visitKindOf(t.w)
		if k == notVisit {
			continue
		}
		// "وصل … في زيارة رسمية تستغرق يومين": the noun is the same
		// mention as the verb before it.
		if k == visitNoun && p.word(i-1) == "في" && len(trig) > 0 && p.sentStart[trig[len(trig)-1]] == p.sentStart[i] {
			continue
		}
		trig = append(trig, i)
		kinds = append(kinds, k)
	}
	var prevVisitor who
	var prevDraft *visitDraft
	prevSent := -1
	for n, i := range trig {
		s, e := p.sentStart[i], p.sentEnd[i]
		if s != prevSent {
			prevVisitor, prevDraft, prevSent = who{}, nil, s
		}
		// The dates of this mention lie between its neighbours, and after
		// the frame of a statement that reports it ("أعلنت مصادر أمس
		// السبت: إن X سيقوم …").
		lo, hi := s, e
		if n > 0 && trig[n-1] >= s {
			lo = trig[n-1] + 1
		}
		for k := i - 1; k >= lo; k-- {
			if p.toks[k].p == ':' || anForms[p.word(k)] || p.opens(k) {
				lo = k + 1
				break
			}
		}
		if n+1 < len(trig) && trig[n+1] < e {
			hi = trig[n+1]
		}
		d := x.visitAt(p, i, kinds[n], lo, hi, prevVisitor)
		if d == nil {
			continue
		}
		if d.inherited && prevDraft != nil && !strings.HasPrefix(stripConj(p.toks[i].w), "س") {
			d.planned = prevDraft.planned
		}
		if d.visitor.kind != noSubject {
			prevVisitor, prevDraft = d.visitor, d
		}
		x.drafts = append(x.drafts, d)
	}
}

func visitKindOf(w string) visitKind {
	c := stripConj(w)
	switch {
	case visitNouns[w] || visitNouns[c]:
		return visitNoun
	}
	if _, ok := visitVerbs[w]; ok {
		return visitVerb
	}
	if _, ok := visitVerbs[c]; ok && c != w {
		return visitVerb
	}
	if _, ok := arriveVerbs[w]; ok {
		return arriveVerb
	}
	if _, ok := arriveVerbs[c]; ok && c != w {
		return arriveVerb
	}
	if landVerbs[w] || landVerbs[c] {
		return landVerb
	}
	return notVisit
}

// visitAt reads the visit mention whose word is token i.
func (x *extractor) visitAt(p *para, i int, kind visitKind, lo, hi int, prevVisitor who) *visitDraft {
	s, e := p.sentStart[i], p.sentEnd[i]
	w := p.toks[i].w
	c := stripConj(w)
	// Doubt or denial just before.
	for k := i - 1; k >= s && k >= i-4; k-- {
		if doubtWords[p.word(k)] {
			return nil
		}
	}
	d := &visitDraft{}
	future := visitVerbs[c] || arriveVerbs[c]
	perfectForm := c == "زار" || c == "زارت" || c == "زاروا" || c == "وصل" || c == "وصلت" || c == "وصلوا" || c == "توجه" || c == "توجهت" || c == "حطت" || c == "حط"
	imperfect := strings.HasPrefix(c, "ي") || strings.HasPrefix(c, "ت") && c != "توجه" && c != "توجهت"
	ongoing := false
	after := i + 1 // where the destination is looked for
	switch kind {
	case visitVerb, arriveVerb:
		// VSO: the visitor follows the verb, up to the destination.
		j := i + 1
		stop := j
		for stop < e && stop < j+12 {
			if pl, _ := p.placeAt(stop); pl != nil || p.word(stop) == "الي" || p.word(stop) == "الى" {
				break
			}
			if adjunctWords[p.word(stop)] || !p.toks[stop].isWord() && p.toks[stop].p != '،' && p.toks[stop].p != ',' {
				break
			}
			stop++
		}
		a, b := x.subjectEnd(p, j, stop)
		d.visitor = x.analyze(p, a, b, false)
		after = stop
		if d.visitor.kind == noSubject {
			d.visitor = x.visitorBefore(p, i)
		}
	case landVerb:
		// طائرة X حطّت في …
		for k := i - 1; k >= s && k >= i-5; k-- {
			if strings.HasSuffix(p.word(k), "طايره") {
				d.visitor = x.analyze(p, k+1, i, false)
				break
			}
		}
		perfectForm = true
	case visitNoun:
		// A light verb before it: قام بزيارة، يجري X … زيارة.
		lv := -1
		for k := i - 1; k >= s && k >= i-10; k-- {
			if _, ok := lightVerbs[stripConj(p.word(k))]; ok {
				lv = k
				break
			}
			if !p.toks[k].isWord() && p.toks[k].quote == 0 && p.toks[k].p != '،' && p.toks[k].p != ',' && p.toks[k].p != '"' {
				break
			}
		}
		if lv >= 0 {
			lw := stripConj(p.word(lv))
			future = lightVerbs[lw]
			perfectForm = lw == "قام" || lw == "قامت" || lw == "اجري" || lw == "اجرت" || lw == "بدا" || lw == "بدات"
			ongoing = lw == "يقوم" || lw == "تقوم"
			imperfect = strings.HasPrefix(lw, "ي") || strings.HasPrefix(lw, "ت")
			a, b := x.subjectEnd(p, lv+1, i)
			d.visitor = x.analyze(p, a, b, false)
			if d.visitor.kind == noSubject {
				d.visitor = x.visitorBefore(p, lv)
			}
		} else {
			// The visitor follows the noun: زيارة لافروف، زيارة للرئيس X.
			j := i + 1
			for j < e && visitAdjs[p.word(j)] {
				j++
			}
			stop := j
			for stop < e && stop < j+8 && p.toks[stop].isWord() {
				if pl, _ := p.placeAt(stop); pl != nil && stop > j {
					break
				}
				sw := p.word(stop)
				if adjunctWords[sw] || particles[sw] || isSpeech(sw) || futureAux[sw] || (strings.HasPrefix(sw, "ست") || strings.HasPrefix(sw, "سي")) && len(sw) >= 10 && !givenNames[sw] {
					break
				}
				stop++
			}
			if stop > j {
				d.visitor = x.analyze(p, j, stop, false)
			}
			after = stop
			if p.word(i-1) == "كانت" || p.word(i-2) == "كانت" || strings.HasPrefix(p.word(i-2), "كان") {
				perfectForm = true
			}
			d.nounOnly = !perfectForm
		}
	}
	if d.visitor.kind != person && d.visitor.kind != role {
		if prevVisitor.kind == person && (d.visitor.kind == noSubject || d.visitor.kind == phrase) {
			d.visitor, d.inherited = prevVisitor, true
		} else {
			return nil
		}
	}
	// The destination, and those named with it.
	group := -1
	for k := after; k < e && k < after+14; k++ {
		if !p.toks[k].isWord() {
			continue
		}
		if p.word(k-1) == "من" || p.word(k-1) == "عن" || p.word(k-1) == "مع" {
			continue
		}
		pl, pe := p.placeAt(k)
		if pl == nil || adjectival(p, k, pl) {
			continue
		}
		if kind == visitNoun && len(visitKindsBetween(p, i+1, k)) > 0 {
			break
		}
		group = i
		d.dest = pl
		// Coordinated places: "الكويت وقطر والعراق", "بجدة ثم مكة".
		more := []*place{}
		for pe < e {
			nk := pe
			if p.word(nk) == "ثم" {
				nk++
			} else if p.toks[nk].p == '،' || p.toks[nk].p == ',' {
				nk++
			}
			if np, ne := p.placeAt(nk); np != nil && (strings.HasPrefix(p.word(nk), "و") || nk > pe) {
				more = append(more, np)
				pe = ne
				continue
			}
			break
		}
		for _, np := range more {
			cp := *d
			cp.dest = np
			cp.group = group
			x.finishVisit(p, &cp, s, e, lo, hi, future || imperfect, perfectForm, ongoing, i)
			x.drafts = append(x.drafts, &cp)
		}
		break
	}
	d.group = group
	x.finishVisit(p, d, s, e, lo, hi, future || imperfect, perfectForm, ongoing, i)
	return d
}

// adjectival reports whether a place's name at token k is an adjective
// of the noun before it: "الجامعات السعودية" is not Saudi Arabia.
func adjectival(p *para, k int, pl *place) bool {
	return strings.HasSuffix(pl.name, "ية") && definite(p.toks[k].w) && !strings.HasPrefix(p.toks[k].w, "ل") && !strings.HasPrefix(p.toks[k].w, "ب") &&
		definite(p.word(k-1)) && !particles[p.word(k-1)]
}

// visitKindsBetween lists visit words between tokens a and b.
func visitKindsBetween(p *para, a, b int) []int {
	var out []int
	for k := a; k < b && k < len(p.toks); k++ {
		if p.toks[k].isWord() && visitKindOf(p.toks[k].w) != notVisit {
			out = append(out, k)
		}
	}
	return out
}

// finishVisit sets a mention's status, dates and evidence.
func (x *extractor) finishVisit(p *para, d *visitDraft, s, e, lo, hi int, future, perfectForm, ongoing bool, i int) {
	planned := future
	for k := s; k < e; k++ {
		w := p.word(k)
		if planWords[w] && (k < i || w == "المقبل" || w == "القادم" || w == "غدا" || w == "المقبله" || w == "القادمه") {
			planned = true
		}
		if w == "حاليا" || w == "الجاريه" {
			ongoing = true
		}
		if futureAux[stripConj(w)] {
			planned = true
		}
	}
	if perfectForm || ongoing {
		planned = false
	}
	d.planned = planned
	if ongoing && !perfectForm {
		// "التي تزور الصين حالياً": under way, since a day not given;
		// the sentence's dates are its other events'.
		d.when = when{}
	} else {
		d.when = x.readWhen(p, lo, hi, planned)
	}
	if from, _, _ := d.when.resolve(); !from.IsZero() && !x.pub.IsZero() && !perfectForm && !ongoing {
		d.planned = from.After(x.pub) || from.Equal(x.pub) && planned
	}
	end := e
	if end < len(p.toks) {
		end++ // the full stop
	}
	d.start, d.end = trimSpan(x.body, p.toks[s].start, p.toks[end-1].end)
}

// visitorBefore reads a visitor written before the visit word: "يلين
// التي تزور", "X سيقوم بزيارة", "لافروف يزور".
func (x *extractor) visitorBefore(p *para, i int) who {
	j := i - 1
	if relatives[p.word(j)] {
		j--
	}
	end := j + 1
	s := p.sentStart[i]
	for ; j >= s && end-j <= 12; j-- {
		t := p.toks[j]
		if !t.isWord() {
			if t.p == '-' || t.p == '–' {
				continue
			}
			break
		}
		switch t.w {
		case "ان", "انه", "الا", "لكن", "بينما", "فيما", "حيث", "كما", "كان", "كانت", "وكان", "وكانت", "قد", "ثم":
			goto done
		}
		if isSpeech(t.w) || isSpeech(stripConj(t.w)) || visitKindOf(t.w) != notVisit || periphrases[t.w].lemma != "" || periphrases[stripConj(t.w)].lemma != "" {
			break
		}
	}
done:
	if j+1 >= end {
		return who{kind: noSubject}
	}
	w := x.analyze(p, j+1, end, false)
	if w.kind != person {
		return who{kind: noSubject}
	}
	return w
}

// visitsOut merges an article's mentions into visits: later mentions of
// one visitor's trip to the same place, or to a city of the country (or
// the country of the city), give it dates; a mention with no destination
// adds to the visitor's trip of the same status.
func (x *extractor) visitsOut() []Visit {
	type trip struct {
		d       *visitDraft
		visitor who
		from    time.Time
		to      time.Time
		month   time.Month
	}
	var trips []*trip
	sameWho := func(a, b who) bool {
		if len(a.names) == 0 || len(b.names) == 0 {
			return false
		}
		return a.names[0] == b.names[0]
	}
	add := func(t *trip, d *visitDraft) {
		from, to, month := d.when.resolve()
		if t.from.IsZero() && !from.IsZero() {
			t.from, t.to, t.month = from, to, month
		} else if !t.from.IsZero() && t.month == 0 {
			if !from.IsZero() && from.After(t.to) && from.Sub(t.from) < 15*24*time.Hour {
				t.to = from
			}
			if !d.when.until.IsZero() && d.when.until.After(t.to) && d.when.until.Sub(t.from) < 15*24*time.Hour {
				t.to = d.when.until
			}
			if d.when.days > 1 && t.to.Equal(t.from) {
				t.to = t.from.AddDate(0, 0, d.when.days-1)
			}
		} else if t.from.IsZero() && t.month == 0 && month != 0 {
			t.month = month
		}
		if t.visitor.kind == role && d.visitor.kind == person {
			t.visitor = d.visitor
		}
	}
	for _, d := range x.drafts {
		if d.dest == nil {
			continue
		}
		var hit *trip
		for _, t := range trips {
			if t.d.group == d.group && d.group >= 0 && t.d.dest != d.dest {
				continue // named together: separate stops
			}
			if !sameTrip(t.d.dest, d.dest) || t.d.planned != d.planned && !(d.nounOnly && d.when.empty()) {
				continue
			}
			if sameWho(t.visitor, d.visitor) || t.visitor.kind == role || d.visitor.kind == role {
				hit = t
			}
		}
		if hit != nil {
			add(hit, d)
			continue
		}
		t := &trip{d: d, visitor: d.visitor}
		t.from, t.to, t.month = d.when.resolve()
		trips = append(trips, t)
	}
	// Mentions with no destination add to their visitor's trip.
	for _, d := range x.drafts {
		if d.dest != nil {
			continue
		}
		var hit *trip
		for _, t := range trips {
			if sameWho(t.visitor, d.visitor) && (hit == nil || t.d.planned == d.planned && hit.d.planned != d.planned || t.d.start < d.start && t.d.planned == d.planned) {
				hit = t
			}
		}
		if hit != nil {
			add(hit, d)
		}
	}
	out := make([]Visit, 0, len(trips))
	for _, t := range trips {
		v := Visit{
			Visitor:     t.visitor.names[0],
			VisitorAs:   t.visitor.saidAs,
			Destination: t.d.dest.name,
			Country:     t.d.dest.country,
			From:        t.from,
			To:          t.to,
			Month:       t.month,
			Status:      Done,
			Start:       t.d.start,
			End:         t.d.end,
		}
		if t.d.planned {
			v.Status = Planned
		}
		out = append(out, v)
	}
	return out
}
