package events

import (
	"strconv"
	"strings"
	"time"

	"github.com/fahras/fahras/indexer/news"
)

// when is what a passage says about a visit's dates.
type when struct {
	from, to time.Time
	month    time.Month // a month with no day
	year     int        // the month's year, when known
	days     int        // the visit's length in days, when given
	until    time.Time  // "حتى الثلاثاء"
}

func (w when) empty() bool {
	return w.from.IsZero() && w.month == 0 && w.days == 0 && w.until.IsZero()
}

// months maps month names in matching form to their months.
var months = news.MonthNames()

// monthAt reads a month name at token i (one or two words, a clitic
// allowed: "بشهر" is not, "وفي مارس" is two tokens) and returns it and
// the index after it.
func (p *para) monthAt(i int) (time.Month, int) {
	if i < 0 || i >= len(p.toks) || p.trig[i]&trigMonth == 0 {
		return 0, i
	}
	w := p.toks[i].w
	if w == "كانون" || w == "تشرين" {
		if m := months[w+" "+p.word(i+1)]; m != 0 {
			return m, i + 2
		}
	}
	if m := months[w]; m != 0 {
		return m, i + 1
	}
	return 0, i
}

// afterMonth skips the other name of a month written twice ("نيسان
// (أبريل)", "فبراير/ شباط", "مارس/آذار") from index j.
func (p *para) afterMonth(j int) int {
	k := j
	for k < len(p.toks) && (p.toks[k].p == '(' || p.toks[k].p == '/') {
		k++
	}
	if k == j {
		return j
	}
	if m, e := p.monthAt(k); m != 0 {
		if e < len(p.toks) && p.toks[e].p == ')' {
			e++
		}
		return e
	}
	return j
}

// number reads a token of digits, or digits after و ("و9").
func number(w string) (int, bool) {
	w = strings.TrimPrefix(w, "و")
	if w == "" || len(w) > 4 {
		return 0, false
	}
	for i := 0; i < len(w); i++ {
		if w[i] < '0' || w[i] > '9' {
			return 0, false
		}
	}
	n, err := strconv.Atoi(w)
	return n, err == nil
}

// numericDate reads "08-04-2024", "8/4/2024" or "2024-04-08".
func numericDate(w string) (time.Time, bool) {
	f := strings.FieldsFunc(w, func(r rune) bool { return r == '-' || r == '/' || r == '.' })
	if len(f) != 3 {
		return time.Time{}, false
	}
	a, e1 := strconv.Atoi(f[0])
	b, e2 := strconv.Atoi(f[1])
	c, e3 := strconv.Atoi(f[2])
	if e1 != nil || e2 != nil || e3 != nil {
		return time.Time{}, false
	}
	d, m, y := a, b, c
	if a > 1900 {
		y, m, d = a, b, c
	}
	return day(y, time.Month(m), d)
}

func day(y int, m time.Month, d int) (time.Time, bool) {
	if y < 1900 || y > 2100 || m < 1 || m > 12 || d < 1 || d > 31 {
		return time.Time{}, false
	}
	t := time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
	if t.Day() != d {
		return time.Time{}, false
	}
	return t, true
}

// dayWords are lengths written in words.
var dayWords = map[string]int{"يوما": 1, "يوم": 1, "يومين": 2, "يومان": 2, "ثلاثه": 3, "اربعه": 4, "خمسه": 5, "سته": 6, "سبعه": 7, "ثمانيه": 8, "تسعه": 9, "عشره": 10, "اسبوع": 7, "اسبوعا": 7, "اسبوعين": 14}

// lengthVerbs introduce a visit's length: تستمر يومين، مدتها أربعة أيام.
var lengthVerbs = set(`تستمر يستمر تستغرق يستغرق مدتها مدته لمده تمتد استمرت استغرقت تدوم`)

// monthCue words may come before a month with no day: في مارس، شهر
// مايو، نهاية مايو، رحلة أكتوبر.
var monthCue = set(`في خلال شهر نهايه مطلع اوايل اواخر منتصف رحله زياره وفي بحلول`)

// readWhen reads the dates in tokens [a, b) of p. planned says which way
// a weekday or a month with no year points from the publication date.
func (x *extractor) readWhen(p *para, a, b int, planned bool) when {
	var w when
	var rel *time.Time // a day given as أمس / اليوم / غداً
	set := func(t time.Time) {
		switch {
		case w.from.IsZero():
			w.from = t
		case t.After(w.from) && (w.to.IsZero() || t.After(w.to)):
			w.to = t
		}
	}
	for i := a; i < b; i++ {
		t := p.toks[i]
		if !t.isWord() {
			continue
		}
		word := t.w
		switch {
		case strings.ContainsAny(word, "-/.") && len(word) >= 8:
			if d, ok := numericDate(word); ok {
				set(d)
				continue
			}
		case word == "امس" || word == "اليوم" || word == "غدا" || word == "غد" && p.word(i-1) == "يوم" || word == "غد" && p.word(i-1) == "بعد":
			if x.pub.IsZero() {
				continue
			}
			d := x.pub
			switch word {
			case "امس":
				d = d.AddDate(0, 0, -1)
				if p.word(i+1) == "الاول" {
					d = d.AddDate(0, 0, -1)
				}
			case "غدا":
				d = d.AddDate(0, 0, 1)
			case "غد":
				if p.word(i-1) == "بعد" {
					d = d.AddDate(0, 0, 2)
				} else {
					d = d.AddDate(0, 0, 1)
				}
			}
			rel = &d
			if _, ok := weekdays[strings.TrimPrefix(p.word(i+1), "و")]; !ok {
				set(d)
			}
			continue
		case lengthVerbs[word] || lengthVerbs[stripConj(word)]:
			for k := i + 1; k < b && k <= i+3; k++ {
				kw := p.word(k)
				if n, ok := dayWords[kw]; ok && (n != 1 || kw == "يوما") {
					w.days = n
					if n >= 3 && n <= 10 && (p.word(k+1) == "ايام" || p.word(k+1) == "يوما") {
						w.days = n
					}
					break
				}
				if n, ok := number(kw); ok && n > 0 && n < 60 && (p.word(k+1) == "ايام" || p.word(k+1) == "يوما") {
					w.days = n
					break
				}
			}
			continue
		case word == "حتي":
			if wd, ok := weekdays[strings.TrimPrefix(p.word(i+1), "يوم")]; ok && !x.pub.IsZero() {
				w.until = nextWeekday(x.pub, wd)
				i++
			} else if wd, ok := weekdays[p.word(i+2)]; ok && p.word(i+1) == "يوم" && !x.pub.IsZero() {
				w.until = nextWeekday(x.pub, wd)
				i += 2
			}
			continue
		}
		if wd, ok := weekdays[strings.TrimPrefix(word, "و")]; ok {
			if x.pub.IsZero() {
				continue
			}
			var d time.Time
			switch {
			case rel != nil:
				d = nearestWeekday(*rel, wd)
			case planned:
				d = nextWeekday(x.pub, wd)
			default:
				d = lastWeekday(x.pub, wd)
			}
			// A weekday right before a numeric date is that date.
			if nd, ok := numericDate(p.word(i + 1)); ok {
				d = nd
				i++
			}
			set(d)
			continue
		}
		// A day, maybe a second day, a month, maybe a year.
		if n, ok := number(word); ok && n >= 1 && n <= 31 && !strings.HasPrefix(word, "و") {
			j := i + 1
			n2 := 0
			if m2, ok := number(p.word(j)); ok && strings.HasPrefix(p.word(j), "و") && m2 <= 31 {
				n2, j = m2, j+1
			} else if j < b && (p.toks[j].p == '-' || p.toks[j].p == '–') {
				if m2, ok := number(p.word(j + 1)); ok && m2 <= 31 {
					n2, j = m2, j+2
				}
			}
			if p.word(j) == "من" {
				j++
			}
			if m, e := p.monthAt(j); m != 0 {
				e = p.afterMonth(e)
				y, e2 := x.yearAt(p, e)
				if y == 0 {
					y = x.guessYear(m, planned)
				}
				if y != 0 {
					if d, ok := day(y, m, n); ok {
						set(d)
						if n2 > n {
							if d2, ok := day(y, m, n2); ok {
								w.to = d2
							}
						}
					}
				}
				i = e2 - 1
				continue
			}
		}
		// A month with no day.
		if m, e := p.monthAt(i); m != 0 && (monthCue[p.word(i-1)] || i > 0 && p.toks[i-1].p == '(') {
			e = p.afterMonth(e)
			y, e2 := x.yearAt(p, e)
			dir := p.word(e2)
			if y == 0 && !x.pub.IsZero() {
				py, pm, _ := x.pub.Date()
				switch {
				case dir == "الماضي" || dir == "المنصرم":
					y = py
					if m >= pm {
						y--
					}
				case dir == "المقبل" || dir == "القادم":
					y = py
					if m <= pm {
						y++
					}
				case planned:
					y = py
					if m < pm {
						y++
					}
				default:
					y = py
					if m > pm {
						y--
					}
				}
			}
			if w.month == 0 && w.from.IsZero() {
				w.month, w.year = m, y
			}
			i = e2 - 1
			continue
		}
		// الشهر المقبل / الماضي.
		if word == "الشهر" && !x.pub.IsZero() {
			switch p.word(i + 1) {
			case "المقبل", "القادم":
				d := x.pub.AddDate(0, 1, 1-x.pub.Day())
				w.month, w.year = d.Month(), d.Year()
			case "الماضي":
				d := x.pub.AddDate(0, -1, 1-x.pub.Day())
				w.month, w.year = d.Month(), d.Year()
			}
		}
	}
	return w
}

// yearAt reads a year written after a month at index j ("2024", "من عام
// 2022", "، 2023") and returns it (0 when none) and the index after.
func (x *extractor) yearAt(p *para, j int) (int, int) {
	k := j
	for k < len(p.toks) && k < j+3 {
		w := p.word(k)
		if w == "من" || w == "عام" || w == "العام" || w == "سنه" || !p.toks[k].isWord() && p.toks[k].p == '،' {
			k++
			continue
		}
		break
	}
	if n, ok := number(p.word(k)); ok && n >= 1900 && n <= 2100 && !strings.HasPrefix(p.word(k), "و") {
		return n, k + 1
	}
	return 0, j
}

// guessYear is the year of a day and month written without one: the
// publication year (the next year for a planned visit to a month already
// past, the last for a visit done in a month still to come), else the
// latest year the article writes next to a month.
func (x *extractor) guessYear(m time.Month, planned bool) int {
	if x.pub.IsZero() {
		if x.latestYear < 0 {
			x.latestYear = latestYear(x.paras)
		}
		return x.latestYear
	}
	y, pm, _ := x.pub.Date()
	switch {
	case planned && m+6 < pm:
		return y + 1
	case !planned && m > pm+6:
		return y - 1
	}
	return y
}

// latestYear is the latest year written right after a month name in the
// paragraphs.
func latestYear(ps []*para) int {
	best := 0
	for _, p := range ps {
		for i := range p.toks {
			m, e := p.monthAt(i)
			if m == 0 {
				continue
			}
			e = p.afterMonth(e)
			for k := e; k < len(p.toks) && k < e+3; k++ {
				if n, ok := number(p.word(k)); ok && n >= 1900 && n <= 2100 {
					if n > best {
						best = n
					}
					break
				}
				if p.toks[k].isWord() && p.word(k) != "من" && p.word(k) != "عام" {
					break
				}
			}
		}
	}
	return best
}

func nextWeekday(from time.Time, wd int) time.Time {
	d := int(time.Weekday(wd)-from.Weekday()+7) % 7
	return from.AddDate(0, 0, d)
}

func lastWeekday(from time.Time, wd int) time.Time {
	d := int(from.Weekday()-time.Weekday(wd)+7) % 7
	return from.AddDate(0, 0, -d)
}

// nearestWeekday is the day with weekday wd nearest to t ("غداً الأحد"
// read on a Sunday, written the day before, is that Sunday).
func nearestWeekday(t time.Time, wd int) time.Time {
	n, l := nextWeekday(t, wd), lastWeekday(t, wd)
	if n.Sub(t) <= t.Sub(l) {
		return n
	}
	return l
}

// resolve turns what was read into a visit's From, To and Month.
func (w when) resolve() (from, to time.Time, month time.Month) {
	from, to = w.from, w.to
	if !from.IsZero() {
		if to.IsZero() {
			switch {
			case !w.until.IsZero() && w.until.After(from):
				to = w.until
			case w.days > 1:
				to = from.AddDate(0, 0, w.days-1)
			default:
				to = from
			}
		}
		return from, to, 0
	}
	if w.month != 0 {
		if w.year != 0 {
			from = time.Date(w.year, w.month, 1, 0, 0, 0, 0, time.UTC)
			return from, from.AddDate(0, 1, -1), w.month
		}
		return time.Time{}, time.Time{}, w.month
	}
	return time.Time{}, time.Time{}, 0
}
