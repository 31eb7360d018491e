package news

import (
	"strings"
	"testing"
	"time"
)

func day(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

// The publication date of each seed, as its text gives it.
func TestParseDateSeeds(t *testing.T) {
	tests := []struct {
		seed string
		want time.Time // zero: the text has no complete date
	}{
		// Not written: 28 شباط 2024 is the photo's date (a caption), and
		// "في 8 و9 نيسان (أبريل)", in the second paragraph, the visit's.
		{"000", time.Time{}},
		// Only months without a year, and the ticker's clock times.
		{"001", time.Time{}},
		// The dateline under the headline.
		{"002", day(2024, time.April, 9)},
		// In the lede's first sentence.
		{"003", day(2024, time.April, 8)},
		// "29 يوليو/تموز" is in a photo credit and has no year.
		{"004", time.Time{}},
	}
	for _, tt := range tests {
		got, ok := ParseDate(seed(t, tt.seed))
		if ok != !tt.want.IsZero() || !got.Equal(tt.want) {
			t.Errorf("seed %s: ParseDate = %v, %v; want %v", tt.seed, got, ok, tt.want)
		}
	}
}

// Each written form of a date, as Arabic news writes them; the phrases
// are taken from the seeds where they have them.
func TestDatesForms(t *testing.T) {
	tests := []struct {
		text string
		want time.Time
	}{
		{"09 ابريل 2024", day(2024, 4, 9)},
		{"وصل إلى بكين الإثنين 08-04-2024 كما أعلن مكتبه", day(2024, 4, 8)},
		{"في موسكو بتاريخ 28 شباط (فبراير) 2024", day(2024, 2, 28)},
		{"بعد إعادة انتخابه في آذار/مارس 2024. وقالت في بيان \"في 8 و9 نيسان (أبريل)، سيقوم", day(2024, 4, 8)},
		{"الهجوم الذي وقع في 22 مارس/ آذار من العام الجاري، وفي فبراير/ شباط من عام 2022", day(2022, 3, 22)},
		{"في سانت بطرسبرغ، 29 يوليو/تموز 2023", day(2023, 7, 29)},
		{"٠٩ ابريل ٢٠٢٤", day(2024, 4, 9)},
		{"۰۹ ابريل ۲۰۲۴", day(2024, 4, 9)},
		{"٠٨-٠٤-٢٠٢٤", day(2024, 4, 8)},
		{"2024/04/08", day(2024, 4, 8)},
		{"8.4.2024", day(2024, 4, 8)},
		{"شباط (فبراير) 2022", time.Time{}},    // no day
		{"في 8 و9 نيسان (أبريل)", time.Time{}}, // no year anywhere
		{"31-04-2024", time.Time{}},            // no such day
		{"22:35", time.Time{}},
	}
	for _, tt := range tests {
		got := Dates(tt.text)
		if tt.want.IsZero() {
			if len(got) != 0 {
				t.Errorf("Dates(%q) = %v, want none", tt.text, got)
			}
			continue
		}
		if len(got) == 0 || !got[0].Equal(tt.want) {
			t.Errorf("Dates(%q) = %v; want %v first", tt.text, got, tt.want)
		}
	}
}

// Every complete date of a seed, in order, the year of "في 8 و9 نيسان
// (أبريل)" taken from the latest year its other dates give.
func TestDatesSeed(t *testing.T) {
	got := Dates(seed(t, "000"))
	want := []time.Time{day(2024, 2, 28), day(2024, 4, 8)}
	if len(got) != len(want) || !got[0].Equal(want[0]) || !got[1].Equal(want[1]) {
		t.Errorf("Dates(seed 000) = %v, want %v", got, want)
	}
}

// Where ParseDate looks: a dateline near the top or the lede's first
// sentence, not captions, tickers or later paragraphs.
func TestParseDatePlaces(t *testing.T) {
	tests := []struct {
		name  string
		lines []string
		want  time.Time
	}{
		{"dateline under the headline", []string{seedLine(t, "002", 3), seedLine(t, "002", 5), seedLine(t, "002", 13)}, day(2024, 4, 9)},
		{"lede's first sentence", []string{seedLine(t, "003", 1), seedLine(t, "003", 2)}, day(2024, 4, 8)},
		{"second paragraph only", []string{seedLine(t, "003", 2), seedLine(t, "003", 1)}, time.Time{}},
		{"caption only", []string{seedLine(t, "000", 5), seedLine(t, "000", 7), seedLine(t, "000", 12)}, time.Time{}},
		{"ticker times are not dates", []string{seedLine(t, "001", 1), seedLine(t, "001", 10), seedLine(t, "001", 11), seedLine(t, "001", 12), seedLine(t, "001", 14), seedLine(t, "001", 15)}, time.Time{}},
	}
	for _, tt := range tests {
		got, ok := ParseDate(strings.Join(tt.lines, "\n"))
		if ok != !tt.want.IsZero() || !got.Equal(tt.want) {
			t.Errorf("%s: ParseDate = %v, %v; want %v", tt.name, got, ok, tt.want)
		}
	}
}

// Every month name, Levantine and Egyptian/Gulf, with the spellings news
// uses.
func TestParseDateMonths(t *testing.T) {
	tests := []struct {
		month string
		want  time.Month
	}{
		{"كانون الثاني", 1}, {"شباط", 2}, {"آذار", 3}, {"نيسان", 4}, {"أيار", 5}, {"حزيران", 6},
		{"تموز", 7}, {"آب", 8}, {"أيلول", 9}, {"تشرين الأول", 10}, {"تشرين الثاني", 11}, {"كانون الأول", 12},
		{"يناير", 1}, {"فبراير", 2}, {"مارس", 3}, {"إبريل", 4}, {"أبريل", 4}, {"ابريل", 4}, {"مايو", 5},
		{"يونيو", 6}, {"يونيه", 6}, {"يوليو", 7}, {"يوليه", 7}, {"أغسطس", 8}, {"سبتمبر", 9},
		{"أكتوبر", 10}, {"نوفمبر", 11}, {"ديسمبر", 12},
	}
	for _, tt := range tests {
		text := "09 " + tt.month + " 2024"
		got, ok := ParseDate(text)
		if want := day(2024, tt.want, 9); !ok || !got.Equal(want) {
			t.Errorf("ParseDate(%q) = %v, %v; want %v", text, got, ok, want)
		}
	}
}

// Words that are month names only in a date: a bare "مارس" is a verb and
// a bare "آب" a father; neither is a date without a day or a year.
func TestParseDateNeedsDayAndYear(t *testing.T) {
	for _, text := range []string{"مارس", "آب", "في شباط/فبراير الماضي", "في منتصف آذار/مارس الماضي"} {
		if got := Dates(text); len(got) != 0 {
			t.Errorf("Dates(%q) = %v, want none", text, got)
		}
	}
}

func TestParseDateField(t *testing.T) {
	tests := []struct {
		field string
		want  time.Time
	}{
		{"2015-07-21T02:51:32Z", time.Date(2015, 7, 21, 2, 51, 32, 0, time.UTC)},
		{"2015-07-21T05:51:32+03:00", time.Date(2015, 7, 21, 2, 51, 32, 0, time.UTC)},
		{"2015-07-21 02:51:32", time.Date(2015, 7, 21, 2, 51, 32, 0, time.UTC)}, // SaudiNewsNet's date_extracted
		{"2015-07-21", day(2015, 7, 21)},
		{"21/07/2015", day(2015, 7, 21)},
		{"1437445892", time.Date(2015, 7, 21, 2, 31, 32, 0, time.UTC)},
		{" 09 ابريل 2024 ", day(2024, 4, 9)},
		{"28 شباط (فبراير) 2024", day(2024, 2, 28)},
		{"٠٨-٠٤-٢٠٢٤", day(2024, 4, 8)},
		{"", time.Time{}},
		{"29 يوليو/تموز", time.Time{}}, // no year
		{"الثلاثاء", time.Time{}},
		{"2015-13-01", time.Time{}},
	}
	for _, tt := range tests {
		got, ok := ParseDateField(tt.field)
		if ok != !tt.want.IsZero() || !got.Equal(tt.want) {
			t.Errorf("ParseDateField(%q) = %v, %v; want %v", tt.field, got, ok, tt.want)
		}
	}
}

// The longest date the expressions match, every optional part present
// with the longest month names and four-byte boundary characters, spans
// fewer than dateReach bytes besides ASCII white space: datesBefore reads
// far enough.
func TestDateReach(t *testing.T) {
	longest := ""
	for m := range monthNames {
		if len(m) > len(longest) {
			longest = m
		}
	}
	date := "😀12–31 من " + longest + " (" + longest + ")، من العام 2015😀"
	m := reNamedDate.FindStringIndex(date)
	if m == nil || m[0] != 0 || m[1] != len(date) {
		t.Fatalf("%q: match %v, want the whole date", date, m)
	}
	n := len(strings.Map(func(r rune) rune {
		if r == ' ' {
			return -1
		}
		return r
	}, date))
	t.Logf("the longest date spans %d bytes besides white space", n)
	if n >= dateReach {
		t.Errorf("a date spans %d bytes besides white space; dateReach is %d", n, dateReach)
	}
	num := "😀2015-12-31😀"
	if m := reNumDate.FindStringIndex(num); m == nil || len(num) >= dateReach {
		t.Errorf("%q: match %v", num, m)
	}
}
