package news

import (
	"sort"
	"strings"
)

// entry is a name in the gazetteer: its canonical form and the ways news
// writes it. A variant marked with a leading "()" matches only inside
// parentheses or quotes, because outside them it is an ordinary word
// ("وام"، "بنا") or a place ("بترا").
type entry struct {
	canonical string
	variants  []string
}

var agencyList = []entry{
	{"فرانس برس", []string{"فرانس برس", "فرانس بريس", "فرانس-برس", "ا ف ب", "أ.ف.ب", "afp"}},
	{"رويترز", []string{"رويترز", "رويتر", "reuters"}},
	{"أسوشيتد برس", []string{"أسوشيتد برس", "أسوشييتد برس", "اسوشيتدبرس", "أسوشيتيد برس", "أسوشيتدبرس", "اسوشيتد برس", "()ap", "()أ ب"}},
	{"وكالة الأنباء السعودية", []string{"وكالة الأنباء السعودية", "واس"}},
	{"تاس", []string{"تاس", "إيتار تاس", "إيتار-تاس"}},
	{"شينخوا", []string{"شينخوا", "شينهوا", "سين خوا", "xinhua"}},
	{"سبوتنيك", []string{"سبوتنيك", "سبوتنك", "sputnik"}},
	{"الأناضول", []string{"وكالة الأناضول", "للأناضول", "()الأناضول", "()الاناضول", "anadolu"}},
	{"د ب أ", []string{"د ب أ", "د.ب.أ", "وكالة الأنباء الألمانية", "dpa"}},
	{"ريا نوفوستي", []string{"ريا نوفوستي", "نوفوستي", "ria novosti"}},
	{"إنترفاكس", []string{"إنترفاكس", "انترفاكس", "interfax"}},
	{"إرنا", []string{"إرنا", "وكالة الجمهورية الإسلامية للأنباء", "irna"}},
	{"تسنيم", []string{"وكالة تسنيم", "()تسنيم"}},
	{"فارس", []string{"وكالة فارس", "وكالة أنباء فارس"}},
	{"يونهاب", []string{"يونهاب", "yonhap"}},
	{"كيودو", []string{"كيودو", "kyodo"}},
	{"بلومبرغ", []string{"بلومبرغ", "بلومبيرغ", "بلومبرج", "بلومبيرج", "bloomberg"}},
	{"إفي", []string{"وكالة إفي", "()إفي"}},
	{"وكالة أنباء الإمارات", []string{"وكالة أنباء الإمارات", "()وام"}},
	{"وكالة الأنباء القطرية", []string{"وكالة الأنباء القطرية", "()قنا"}},
	{"وكالة الأنباء الكويتية", []string{"وكالة الأنباء الكويتية", "()كونا"}},
	{"وكالة أنباء البحرين", []string{"وكالة أنباء البحرين", "()بنا"}},
	{"وكالة الأنباء العمانية", []string{"وكالة الأنباء العمانية"}},
	{"وكالة الأنباء الأردنية", []string{"وكالة الأنباء الأردنية", "()بترا"}},
	{"وكالة أنباء الشرق الأوسط", []string{"وكالة أنباء الشرق الأوسط", "أ ش أ", "أ.ش.أ"}},
	{"سانا", []string{"الوكالة العربية السورية للأنباء", "()سانا"}},
	{"وفا", []string{"وكالة الأنباء والمعلومات الفلسطينية", "()وفا"}},
	{"سبأ", []string{"وكالة الأنباء اليمنية", "()سبأ"}},
	{"الوكالة الوطنية للإعلام", []string{"الوكالة الوطنية للإعلام"}},
	{"وكالة الأنباء الجزائرية", []string{"وكالة الأنباء الجزائرية"}},
	{"وكالة المغرب العربي للأنباء", []string{"وكالة المغرب العربي للأنباء"}},
	{"وكالة الأنباء العراقية", []string{"وكالة الأنباء العراقية", "()واع"}},
}

var peopleList = []entry{
	// Named in the seed articles.
	{"سيرغي لافروف", []string{"لافروف", "لافروڤ"}},
	{"وانغ يي", []string{"وانغ يي", "وانغ يى", "وانج يي", "وانغ إي"}},
	{"شي جين بينغ", []string{"شي جين بينغ", "شي جينبينغ", "جينبينغ", "شي جين بينج", "جين بينغ", "شي جين بينق", "شي جين پينغ"}},
	{"فلاديمير بوتين", []string{"بوتين", "بوتن"}},
	{"ماو نينغ", []string{"ماو نينغ", "ماو نينج"}},
	{"لين جيان", []string{"لين جيان"}},
	{"دونالد ترامب", []string{"ترامب", "ترمب"}},
	{"أليكسي أوفيرشوك", []string{"أوفيرشوك", "أوفرتشوك"}},
	{"جانيت يلين", []string{"جانيت يلين", "يلين"}},
	{"نيكولاي باتروشيف", []string{"باتروشيف"}},
	{"ميخائيل ميشوستين", []string{"ميشوستين"}},
	{"لي تشيانغ", []string{"لي تشيانغ", "لي تشيانج"}},
	// Major names of 2015–2025 news. A family name that other people
	// share ("البغدادي", "شولتز") is matched with the given name.
	{"جو بايدن", []string{"بايدن"}},
	{"باراك أوباما", []string{"أوباما", "اوباما"}},
	{"فولوديمير زيلينسكي", []string{"زيلينسكي", "زيلينسكى", "زيلنسكي"}},
	{"أنتوني بلينكن", []string{"بلينكن"}},
	{"جون كيري", []string{"جون كيري"}},
	{"مايك بومبيو", []string{"بومبيو"}},
	{"ريكس تيلرسون", []string{"تيلرسون"}},
	{"كامالا هاريس", []string{"كامالا هاريس"}},
	{"إيمانويل ماكرون", []string{"ماكرون"}},
	{"أنغيلا ميركل", []string{"ميركل"}},
	{"أولاف شولتس", []string{"أولاف شولتس", "أولاف شولتز"}},
	{"بوريس جونسون", []string{"بوريس جونسون"}},
	{"ديفيد كاميرون", []string{"كاميرون"}},
	{"ريشي سوناك", []string{"سوناك"}},
	{"كير ستارمر", []string{"ستارمر"}},
	{"فرانسوا هولاند", []string{"هولاند"}},
	{"رجب طيب أردوغان", []string{"أردوغان", "اردوغان", "إردوغان"}},
	{"بنيامين نتنياهو", []string{"نتنياهو", "نتانياهو"}},
	{"علي خامنئي", []string{"خامنئي", "خامنئى"}},
	{"حسن روحاني", []string{"روحاني"}},
	{"إبراهيم رئيسي", []string{"إبراهيم رئيسي"}},
	{"محمد جواد ظريف", []string{"جواد ظريف"}},
	{"حسين أمير عبد اللهيان", []string{"عبد اللهيان", "عبداللهيان"}},
	{"بشار الأسد", []string{"بشار الأسد", "الرئيس الأسد"}},
	{"عبد الفتاح السيسي", []string{"السيسي"}},
	{"محمود عباس", []string{"محمود عباس", "أبو مازن"}},
	{"إسماعيل هنية", []string{"إسماعيل هنية"}},
	{"يحيى السنوار", []string{"السنوار"}},
	{"حسن نصر الله", []string{"نصر الله", "نصرالله"}},
	{"الملك سلمان بن عبدالعزيز", []string{"الملك سلمان", "سلمان بن عبدالعزيز", "سلمان بن عبد العزيز"}},
	{"محمد بن سلمان", []string{"محمد بن سلمان"}},
	{"محمد بن نايف", []string{"محمد بن نايف"}},
	{"عادل الجبير", []string{"الجبير"}},
	{"فيصل بن فرحان", []string{"فيصل بن فرحان"}},
	{"تميم بن حمد", []string{"تميم بن حمد", "الشيخ تميم"}},
	{"محمد بن زايد", []string{"محمد بن زايد"}},
	{"الملك عبدالله الثاني", []string{"عبدالله الثاني", "عبد الله الثاني"}},
	{"عبد ربه منصور هادي", []string{"عبد ربه منصور هادي", "عبدربه منصور هادي", "الرئيس هادي"}},
	{"عبد الملك الحوثي", []string{"عبد الملك الحوثي", "عبدالملك الحوثي"}},
	{"أبو بكر البغدادي", []string{"أبو بكر البغدادي", "أبي بكر البغدادي", "أبوبكر البغدادي"}},
	{"أنطونيو غوتيريش", []string{"غوتيريش", "غوتيريس", "جوتيريش"}},
	{"بان كي مون", []string{"بان كي مون"}},
	{"ستيفان دي ميستورا", []string{"دي ميستورا"}},
	{"كيم جونغ أون", []string{"كيم جونغ أون", "كيم جونج أون"}},
	{"ناريندرا مودي", []string{"مودي"}},
	{"ديمتري بيسكوف", []string{"بيسكوف"}},
	{"ماريا زاخاروفا", []string{"زاخاروفا"}},
	{"سيرغي شويغو", []string{"شويغو", "شويجو"}},
	{"البابا فرنسيس", []string{"البابا فرنسيس"}},
	{"إيلون ماسك", []string{"إيلون ماسك", "ايلون ماسك"}},
}

type variant struct {
	canonical string
	words     []string
	parenOnly bool
}

// gazetteer indexes variants by their first word. Agencies may take the
// article before them ("للأناضول"); people may not, so that "الكاميرون",
// the country, is not David Cameron.
type gazetteer struct {
	byFirst map[string][]variant
	article bool
	// ends has a bit set for the last four bytes of each first word of
	// four bytes or more (see endKey): a word, and every word left when
	// clitics are removed from it or ال put before it, end as it does,
	// so a word whose end has no bit set names no one.
	ends *[1 << 16 / 64]uint64
}

// endKey hashes the last four bytes of w, which has at least four, to a
// bit of gazetteer.ends.
func endKey(w string) uint32 {
	n := len(w)
	x := uint32(w[n-4]) | uint32(w[n-3])<<8 | uint32(w[n-2])<<16 | uint32(w[n-1])<<24
	return (x * 0x9E3779B1) >> 16
}

func (g gazetteer) mayEnd(w string) bool {
	k := endKey(w)
	return g.ends[k/64]&(1<<(k%64)) != 0
}

func buildGazetteer(list []entry, article bool) gazetteer {
	g := gazetteer{byFirst: make(map[string][]variant), article: article, ends: new([1 << 16 / 64]uint64)}
	for _, e := range list {
		for _, v := range e.variants {
			paren := strings.HasPrefix(v, "()")
			v = strings.TrimPrefix(v, "()")
			ws := words(v)
			if len(ws) == 0 {
				continue
			}
			g.byFirst[ws[0]] = append(g.byFirst[ws[0]], variant{e.canonical, ws, paren})
			if len(ws[0]) >= minRest {
				k := endKey(ws[0])
				g.ends[k/64] |= 1 << (k % 64)
			}
		}
	}
	return g
}

var (
	agencies = buildGazetteer(agencyList, true)
	people   = buildGazetteer(peopleList, false)
)

// Clitics that may come before a name: و or ف, then ب, ل or ك, then (for
// agencies) the article ال; "لل" stands for ل + ال, and the rest after it
// is also tried with ال. A clitic is removed only when at least two
// letters are left.
var (
	conjClitics = []string{"و", "ف"}
	prepClitics = []string{"ب", "ل", "ك"}
)

const (
	articleClitic = "ال"
	lilClitic     = "لل"
	minRest       = 4 // bytes: two Arabic letters
)

func (g gazetteer) find(text string) []string {
	sc := getScratch()
	defer sc.put()
	sc.toks, _ = tokenizeInto(sc.toks, normalize(text), false)
	return g.findTokens(sc.toks)
}

func (g gazetteer) findTokens(toks []token) []string {
	var set map[string]bool
	g.match(toks, &set)
	return sorted(set)
}

// findLines is find over the lines of a text, each in matching form: the
// text's words are the lines' words in order, as if joined by newlines.
func (g gazetteer) findLines(norms []string) []string {
	sc := getScratch()
	defer sc.put()
	toks, paren := sc.toks, false
	for _, n := range norms {
		toks, paren = tokenizeInto(toks, n, paren)
	}
	sc.toks = toks
	return g.findTokens(toks)
}

func sorted(set map[string]bool) []string {
	out := make([]string, 0, len(set))
	for n := range set {
		out = append(out, n)
	}
	sort.Strings(out)
	return out
}

// match adds to *set the canonical names whose variants toks hold.
func (g gazetteer) match(toks []token, set *map[string]bool) {
	var al []byte
	try := func(i int, first string) {
		vs := g.byFirst[first]
		for _, v := range vs {
			if v.parenOnly && !toks[i].paren {
				continue
			}
			if i+len(v.words) > len(toks) {
				continue
			}
			ok := true
			for k := 1; k < len(v.words); k++ {
				if toks[i+k].word != v.words[k] {
					ok = false
					break
				}
			}
			if ok {
				if *set == nil {
					*set = map[string]bool{}
				}
				(*set)[v.canonical] = true
			}
		}
	}
	for i, t := range toks {
		// The word itself, then the word without each clitic prefix.
		w := t.word
		if len(w) < minRest {
			try(i, w)
			continue
		}
		if !g.mayEnd(w) {
			continue
		}
		try(i, w)
		if len(w) == minRest {
			continue
		}
		for a := 0; a <= len(conjClitics); a++ {
			w1 := w
			if a > 0 {
				if !strings.HasPrefix(w, conjClitics[a-1]) {
					continue
				}
				w1 = w[len(conjClitics[a-1]):]
			}
			for b := 0; b <= len(prepClitics); b++ {
				w2 := w1
				if b > 0 {
					if !strings.HasPrefix(w1, prepClitics[b-1]) {
						continue
					}
					w2 = w1[len(prepClitics[b-1]):]
				}
				if len(w2) < len(w) && len(w2) >= minRest {
					try(i, w2)
				}
				if g.article && strings.HasPrefix(w2, articleClitic) && len(w2)-len(articleClitic) >= minRest {
					try(i, w2[len(articleClitic):])
				}
			}
			if g.article && strings.HasPrefix(w1, lilClitic) && len(w1)-len(lilClitic) >= minRest {
				rest := w1[len(lilClitic):]
				try(i, rest)
				al = append(append(al[:0], articleClitic...), rest...)
				try(i, string(al))
			}
		}
	}
}

func agencyMatches(text string) []string { return agencies.find(text) }

// Agencies returns the canonical names of the news agencies that text
// names, credited or quoted, sorted and without repeats.
func Agencies(text string) []string { return agencies.find(text) }

// People returns the canonical names of the people in the gazetteer that
// text names, sorted and without repeats.
func People(text string) []string { return people.find(text) }
