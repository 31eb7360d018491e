package news

import (
	"strings"
	"testing"
	"unicode"
)

func TestIsLetter(t *testing.T) {
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if isLetter(r) != unicode.IsLetter(r) {
			t.Fatalf("isLetter(%U) = %v", r, isLetter(r))
		}
	}
}

// mayHaveDate never rules out a line that a date expression matches.
func TestMayHaveDate(t *testing.T) {
	lines := []string{
		"09 ابريل 2024", "الثلاثاء 9ابريل", "8 و9 نيسان", "شباط (فبراير) 2024", "في مارس2015",
		"08-04-2024", "2024/4/8", "1.2.2020", "1.12.2020", "2020-1-12", "مارسمن 2015", "مارسعام 2015", "ماي العام 2015",
		"شباط/فبراير 2024", "10 ابريل، 2015", "في 12-3-2015.", "ابو 2015", "(10 اب)", "الموافق 10 أغسطس 2015 م", "من 5 من يونيو",
	}
	for _, id := range seedIDs {
		lines = append(lines, strings.Split(seed(t, id), "\n")...)
	}
	for _, l := range lines {
		n := normalize(l)
		named, numeric := mayHaveDate(n)
		if !named && reNamedDate.MatchString(n) {
			t.Errorf("named date ruled out in %q", l)
		}
		if !numeric && reNumDate.MatchString(n) {
			t.Errorf("numeric date ruled out in %q", l)
		}
	}
	if named, numeric := mayHaveDate("الانتخابات 2024 ابو 10 ابن 2.5 و 2015."); named || numeric {
		t.Errorf("a month name inside a word, or a bare year, let through: %v %v", named, numeric)
	}
}
