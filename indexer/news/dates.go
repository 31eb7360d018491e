package news

import (
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// monthNames maps month names, in matching form (see normalize), to month
// numbers: the Levantine and Iraqi names, the Egyptian and Gulf names with
// their common spellings, and the Maghrebi names.
var monthNames = func(m map[string]time.Month) map[string]time.Month {
	out := make(map[string]time.Month, len(m))
	for k, v := range m {
		out[normalize(k)] = v
	}
	return out
}(map[string]time.Month{
	"كانون الثاني": 1, "شباط": 2, "اذار": 3, "نيسان": 4, "ايار": 5, "حزيران": 6,
	"تموز": 7, "اب": 8, "ايلول": 9, "تشرين الاول": 10, "تشرين الثاني": 11, "كانون الاول": 12,
	"يناير": 1, "فبراير": 2, "مارس": 3, "ابريل": 4, "مايو": 5, "يونيو": 6, "يونيه": 6,
	"يوليو": 7, "يوليه": 7, "اغسطس": 8, "اغسطوس": 8, "سبتمبر": 9, "اكتوبر": 10, "نوفمبر": 11, "ديسمبر": 12,
	"جانفي": 1, "فيفري": 2, "افريل": 4, "ماي": 5, "جوان": 6, "جويليه": 7, "اوت": 8,
})

var (
	monthAlt = func() string {
		names := make([]string, 0, len(monthNames))
		for n := range monthNames {
			names = append(names, regexp.QuoteMeta(n))
		}
		// Longer names first so that "كانون الثاني" wins over a prefix.
		for i := 1; i < len(names); i++ {
			for j := i; j > 0 && len(names[j]) > len(names[j-1]); j-- {
				names[j], names[j-1] = names[j-1], names[j]
			}
		}
		return strings.Join(names, "|")
	}()
	// A month, optionally followed by its other name: "شباط (فبراير)",
	// "فبراير/شباط", "مارس/ آذار".
	monthExpr = `(` + monthAlt + `)(?:\s*[/(]\s*(?:` + monthAlt + `)\s*\)?)?`
	// day [و day] month [year]  |  month year
	reNamedDate = regexp.MustCompile(`(?:^|[^\p{L}\p{N}])(?:(\d{1,2})(?:\s*(?:و|-|–)\s*\d{1,2})?\s*(?:من\s+)?)?` + monthExpr +
		`(?:\s*[،,]?\s*(?:من\s+)?(?:عام\s+|العام\s+|سنه\s+)?(\d{4}))?(?:[^\p{L}\p{N}]|$)`)
	// 08-04-2024, 8/4/2024, 2024-04-08
	reNumDate = regexp.MustCompile(`(?:^|[^\p{N}/.\-])(?:(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})|(\d{4})[-/.](\d{1,2})[-/.](\d{1,2}))(?:[^\p{N}/.\-]|$)`)
	reTime    = regexp.MustCompile(`^\d{1,2}:\d{2}(?::\d{2})?(?:\s*(?:ص|م|am|pm))?$`)
)

// dateMention is one date found in a text.
type dateMention struct {
	day, year int
	month     time.Month
	yearGiven bool // the year was written next to the month
	start     int  // byte offset in the normalized text searched
	end       int
}

func (d dateMention) full() bool { return d.day > 0 && d.year > 0 }

func (d dateMention) time() (time.Time, bool) {
	if d.day < 1 || d.day > 31 || d.year < 1900 || d.year > 2100 || d.month < 1 || d.month > 12 {
		return time.Time{}, false
	}
	t := time.Date(d.year, d.month, d.day, 0, 0, 0, 0, time.UTC)
	if t.Day() != d.day { // 31 April and the like
		return time.Time{}, false
	}
	return t, true
}

// monthsByFirst lists the month names by their first rune.
var monthsByFirst = func() map[rune][]string {
	m := make(map[rune][]string)
	for n := range monthNames {
		r, _ := utf8.DecodeRuneInString(n)
		m[r] = append(m[r], n)
	}
	return m
}()

// mayHaveDate tells which of reNamedDate and reNumDate can match s,
// cheaply and without false negatives. A named date needs a month name
// that no letter comes right before, and that a letter comes right after
// only if it starts the year part ("من", "عام", "العام", "سنه"). A numeric
// one needs a digit, a separator, one or two digits and a separator.
func mayHaveDate(s string) (named, numeric bool) {
	prevLetter := false
	for i, r := range s {
		if r >= '0' && r <= '9' {
			if !numeric && numSep(s, i+1) && isDigit(s, i+2) && (numSep(s, i+3) || isDigit(s, i+3) && numSep(s, i+4)) {
				numeric = true
			}
		} else if !prevLetter && !named {
			for _, n := range monthsByFirst[r] {
				if strings.HasPrefix(s[i:], n) && monthEnd(s[i+len(n):]) {
					named = true
					break
				}
			}
		}
		if named && numeric {
			return
		}
		prevLetter = isLetter(r)
	}
	return
}

func isDigit(s string, i int) bool { return i < len(s) && s[i] >= '0' && s[i] <= '9' }

func numSep(s string, i int) bool { return i < len(s) && (s[i] == '-' || s[i] == '/' || s[i] == '.') }

// monthEnd reports whether what follows a month name may continue a
// named date.
func monthEnd(rest string) bool {
	r, _ := utf8.DecodeRuneInString(rest)
	if rest == "" || !isLetter(r) {
		return true
	}
	for _, w := range []string{"من", "عام", "العام", "سنه"} {
		if strings.HasPrefix(rest, w) {
			return true
		}
	}
	return false
}

// dateReach bounds the bytes other than ASCII white space that a match
// of reNamedDate or reNumDate spans: a named date is at most a boundary
// character, two days and their separator, من, a month name, another in
// parentheses or after a slash, ، من العام and a year (under 100 bytes);
// the rest of it is \s*, which matches ASCII white space only.
const dateReach = 128

// datesBefore returns the dates of the line that start before byte end
// of its matching form, as datesOf would, reading only as far as a date
// starting before end can reach.
func (li *lineInfo) datesBefore(end int) []dateMention {
	var ds []dateMention
	if li.datesOK {
		ds = li.dates
	} else {
		ds = findDates(li.norm[:reachFrom(li.norm, end)])
	}
	n := 0
	for n < len(ds) && ds[n].start < end {
		n++
	}
	return ds[:n]
}

// reachFrom returns where to stop reading s for the dates that start
// before end: past dateReach bytes other than ASCII white space, and one
// character more, at a character boundary.
func reachFrom(s string, end int) int {
	i, n := end, 0
	for ; i < len(s) && n <= dateReach; i++ {
		switch s[i] {
		case ' ', '\t', '\n', '\f', '\r':
		default:
			n++
		}
	}
	for i < len(s) && !utf8.RuneStart(s[i]) {
		i++
	}
	return i
}

// findDates returns the dates written in s, which must be in matching form.
// Dates without a year have year 0; dates without a day have day 0.
func findDates(s string) []dateMention {
	if !strings.ContainsAny(s, "0123456789") {
		return nil // every date form has a day or a year in digits
	}
	var out []dateMention
	named, numeric := mayHaveDate(s)
	if !named && !numeric {
		return nil
	}
	if named {
		for _, m := range reNamedDate.FindAllStringSubmatchIndex(s, -1) {
			var d dateMention
			d.start, d.end = m[0], m[1]
			if m[2] >= 0 {
				d.day, _ = strconv.Atoi(s[m[2]:m[3]])
			}
			d.month = monthNames[s[m[4]:m[5]]]
			if m[6] >= 0 {
				d.year, _ = strconv.Atoi(s[m[6]:m[7]])
				d.yearGiven = true
			}
			if d.day == 0 && d.year == 0 {
				continue // a bare month name: "مارس" is also a verb, "اب" a father
			}
			if d.year != 0 && (d.year < 1900 || d.year > 2100) {
				continue
			}
			out = append(out, d)
		}
	}
	if numeric {
		for _, m := range reNumDate.FindAllStringSubmatchIndex(s, -1) {
			var d dateMention
			d.start, d.end = m[0], m[1]
			var mo int
			if m[2] >= 0 {
				d.day, _ = strconv.Atoi(s[m[2]:m[3]])
				mo, _ = strconv.Atoi(s[m[4]:m[5]])
				d.year, _ = strconv.Atoi(s[m[6]:m[7]])
			} else {
				d.year, _ = strconv.Atoi(s[m[8]:m[9]])
				mo, _ = strconv.Atoi(s[m[10]:m[11]])
				d.day, _ = strconv.Atoi(s[m[12]:m[13]])
			}
			d.month = time.Month(mo)
			d.yearGiven = true
			if _, ok := d.time(); ok {
				out = append(out, d)
			}
		}
	}
	// Keep text order.
	for i := 1; i < len(out); i++ {
		for j := i; j > 0 && out[j].start < out[j-1].start; j-- {
			out[j], out[j-1] = out[j-1], out[j]
		}
	}
	return out
}

// ParseDate finds the publication date written in an article's raw text:
// a dateline (a line that is a date and little else, such as "09 ابريل
// 2024" or "الرياض 25 شوال 1436 هـ الموافق 10 أغسطس 2015 م واس") among
// the first twelve lines, else a complete date with its year in the first
// sentence of the lede ("بكين - وصل … الإثنين 08-04-2024"). Dates
// further down an article are left alone: they are mostly background or
// events to come, and a wrong date is worse than none. Tickers, captions,
// credits and footers are not read. Dates are midnight UTC; the result is
// false when the text gives no publication date.
func ParseDate(text string) (time.Time, bool) {
	return read(text, Options{}).Date()
}

// Dates returns every complete date written in text, in order: the forms
// of ParseDateField, a range's first day ("في 8 و9 نيسان"), and a day
// and month without a year, which take the latest year written next to a
// month anywhere in the text (none, if there is none). A date followed by
// المقبل or القادم ("next") is included.
func Dates(text string) []time.Time {
	lines := splitLines(text)
	infos := make([]lineInfo, len(lines))
	for i := range lines {
		lines[i].Kind = Body
		infos[i].norm = normalize(lines[i].Text)
	}
	return datesIn(lines, infos)
}

// datesIn returns the complete dates of lines, skipping tickers and
// timestamps, with years supplied from the text.
func datesIn(lines []Line, infos []lineInfo) []time.Time {
	latest := latestYear(lines, infos)
	var out []time.Time
	for i, l := range lines {
		if l.Kind == Ticker || l.Kind == Timestamp {
			continue
		}
		for _, d := range infos[i].datesOf() {
			if d.day == 0 {
				continue
			}
			if d.year == 0 {
				if latest == 0 {
					continue
				}
				d.year = latest
			}
			if t, ok := d.time(); ok {
				out = append(out, t)
			}
		}
	}
	return out
}

// datelineLines is how far from the top ParseDate looks for a dateline,
// in non-blank lines.
const datelineLines = 12

func parseDateLines(lines []Line, infos []lineInfo) (time.Time, bool) {
	latest, latestOK := 0, false
	year := func() int {
		if !latestOK {
			latest, latestOK = latestYear(lines, infos), true
		}
		return latest
	}
	// A dateline near the top.
	n := 0
	for i, l := range lines {
		if l.Kind != Blank {
			n++
		}
		if n > datelineLines {
			break
		}
		if l.Kind != Dateline {
			continue
		}
		for _, d := range infos[i].datesOf() {
			if t, ok := pastDate(d, infos[i].norm, year); ok {
				return t, true
			}
		}
	}
	// A complete date in the lede's first sentence.
	for i, l := range lines {
		if l.Kind != Body {
			continue
		}
		end := firstSentenceEnd(infos[i].norm)
		for _, d := range infos[i].datesBefore(end) {
			if !d.yearGiven {
				continue
			}
			if t, ok := pastDate(d, infos[i].norm, year); ok {
				return t, true
			}
		}
		break
	}
	return time.Time{}, false
}

// pastDate returns the date d of a line (norm) names, unless it has no
// day or is marked as still to come; a date without a year takes year(),
// if that is not 0.
func pastDate(d dateMention, norm string, year func() int) (time.Time, bool) {
	if d.day == 0 || future(norm[d.end:]) {
		return time.Time{}, false
	}
	if d.year == 0 {
		if d.year = year(); d.year == 0 {
			return time.Time{}, false
		}
	}
	return d.time()
}

// latestYear returns the latest year written next to a month in lines
// other than tickers and timestamps, or 0.
func latestYear(lines []Line, infos []lineInfo) int {
	latest := 0
	for i, l := range lines {
		if l.Kind == Ticker || l.Kind == Timestamp {
			continue
		}
		for _, d := range infos[i].datesOf() {
			if d.yearGiven && d.year > latest && d.month != 0 {
				latest = d.year
			}
		}
	}
	return latest
}

// future reports whether the words after a date mark it as one to come.
func future(after string) bool {
	n := normalize(after)
	for i, k := 0, 0; k < 2; k++ {
		a, e := nextWord(n, i)
		if a < 0 {
			break
		}
		i = e
		switch n[a:e] {
		case "المقبل", "القادم", "المقبله", "القادمه":
			return true
		}
	}
	return false
}

// firstSentenceEnd returns the byte offset where the first sentence of s
// ends.
func firstSentenceEnd(s string) int {
	for i, r := range s {
		switch r {
		case '.', '؟', '?', '!':
			if r == '.' && i+1 < len(s) && s[i+1] >= '0' && s[i+1] <= '9' {
				continue // 2.5
			}
			return i + utf8.RuneLen(r) // ؟ takes two bytes
		}
	}
	return len(s)
}

var fieldLayouts = []string{
	time.RFC3339Nano,
	"2006-01-02 15:04:05",
	"2006-01-02T15:04:05",
	"2006-01-02 15:04",
	"2006-01-02",
	"02/01/2006 15:04:05",
	"02/01/2006 15:04",
	"02/01/2006",
	"2/1/2006",
	time.RFC1123Z,
	time.RFC1123,
}

// ParseDateField reads a date from a metadata field: RFC 3339,
// "2006-01-02 15:04:05" (local times are taken as UTC), "2006-01-02",
// "02/01/2006" (day first, as Arabic sites write it), RFC 1123, Unix
// seconds, or an Arabic date such as "09 ابريل 2024", "28 شباط (فبراير)
// 2024" or "٠٨-٠٤-٢٠٢٤". A field with a day and month but no year is not
// a date.
func ParseDateField(s string) (time.Time, bool) {
	s = strings.TrimSpace(asciiDigits(s))
	if s == "" {
		return time.Time{}, false
	}
	for _, layout := range fieldLayouts {
		if t, err := time.Parse(layout, s); err == nil {
			return t, true
		}
	}
	if len(s) >= 9 && len(s) <= 11 && strings.Trim(s, "0123456789") == "" {
		n, err := strconv.ParseInt(s, 10, 64)
		if err == nil {
			return time.Unix(n, 0).UTC(), true
		}
	}
	for _, d := range findDates(normalize(s)) {
		if d.full() && d.yearGiven {
			if t, ok := d.time(); ok {
				return t, true
			}
		}
	}
	return time.Time{}, false
}
