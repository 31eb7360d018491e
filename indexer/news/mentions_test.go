package news_test

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/fahras/fahras/indexer/news"
)

// TestPeopleIn checks the people found in sentences of the seeds and
// where each is written.
func TestPeopleIn(t *testing.T) {
	cases := []struct {
		text string
		want []string // canonical name and the text of its span
	}{
		{"وقال لافروف: روسيا والصين متّحدتان", []string{"سيرغي لافروف", "لافروف"}},
		{"وزير الخارجية الروسي سيرغي لافروف ونظيره الصيني وانغ يي يؤكدان", []string{"سيرغي لافروف", "لافروف", "وانغ يي", "وانغ يي"}},
		{"أعلن الزعيمان شي وبوتين أن العلاقات", []string{"فلاديمير بوتين", "وبوتين"}},
		{"زار الرئيس الصيني شي جين بينج موسكو", []string{"شي جين بينغ", "شي جين بينج"}},
		{"ومن المقرر أن يزور الرئيس الروسي فلاديمير بوتن بكين", []string{"فلاديمير بوتين", "بوتن"}},
		{"الكاميرون دولة في أفريقيا", nil},
	}
	for _, c := range cases {
		var got []string
		for _, m := range news.PeopleIn(c.text) {
			got = append(got, m.Canonical, c.text[m.Start:m.End])
		}
		if strings.Join(got, "|") != strings.Join(c.want, "|") {
			t.Errorf("PeopleIn(%q) = %q, want %q", c.text, got, c.want)
		}
	}
}

// TestPersonAt checks that PersonAt finds on words what PeopleIn finds
// on text, the longer variant first.
func TestPersonAt(t *testing.T) {
	words := []string{"قال", "الرييس", "الصيني", "شي", "جين", "بينغ", "", "وللافروف"}
	if n, k := news.PersonAt(words, 3); n != "شي جين بينغ" || k != 3 {
		t.Errorf("PersonAt at شي = %q, %d; want شي جين بينغ, 3", n, k)
	}
	if n, k := news.PersonAt(words, 7); n != "سيرغي لافروف" || k != 1 {
		t.Errorf("PersonAt at وللافروف = %q, %d; want سيرغي لافروف, 1", n, k)
	}
	if n, k := news.PersonAt(words, 1); n != "" || k != 0 {
		t.Errorf("PersonAt at الرييس = %q, %d; want none", n, k)
	}
}

// TestMonthNames checks a month of each naming, in matching form.
func TestMonthNames(t *testing.T) {
	m := news.MonthNames()
	for name, want := range map[string]time.Month{"نيسان": time.April, "ابريل": time.April, "افريل": time.April, "تشرين الاول": time.October, "اذار": time.March} {
		if m[name] != want {
			t.Errorf("MonthNames()[%q] = %v, want %v", name, m[name], want)
		}
	}
	m["نيسان"] = 0
	if news.MonthNames()["نيسان"] != time.April {
		t.Error("MonthNames shares its map with callers")
	}
}

// People of seed 002's summary line, with where each is written.
func ExamplePeopleIn() {
	text := "وزير الخارجية الروسي سيرغي لافروف ونظيره الصيني وانغ يي يؤكدان على استمرار التعاون"
	for _, m := range news.PeopleIn(text) {
		fmt.Printf("%s: %q at %d\n", m.Canonical, text[m.Start:m.End], m.Start)
	}
	// Output:
	// سيرغي لافروف: "لافروف" at 50
	// وانغ يي: "وانغ يي" at 89
}
