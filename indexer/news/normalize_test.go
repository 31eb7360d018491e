package news

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/fahras/fahras/indexer/arabic"
)

// News reads words in the index's normal form: every rune, and every
// letter followed by any Arabic or Latin mark, normalizes as
// arabic.Normalize normalizes it.
func TestNormalizeIsArabicNormalize(t *testing.T) {
	for r := rune(0); r < 0x3000; r++ {
		if r >= 0xD800 && r <= 0xDFFF {
			continue
		}
		s := string(r)
		if got, want := normalize(s), arabic.Normalize(s); got != want {
			t.Errorf("normalize(%U) = %q, arabic.Normalize = %q", r, got, want)
		}
	}
	var marks []rune
	for r := rune(0x0300); r < 0x0370; r++ {
		marks = append(marks, r)
	}
	for r := rune(0x0610); r < 0x0700; r++ {
		marks = append(marks, r)
	}
	for base := rune(0x0620); base < 0x0700; base++ {
		for _, m := range marks {
			s := "ال" + string(base) + string(m) + "ه"
			if got, want := normalize(s), arabic.Normalize(s); got != want {
				t.Errorf("normalize(%q) = %q, arabic.Normalize = %q", s, got, want)
			}
		}
	}
	for _, id := range seedIDs {
		for _, line := range strings.Split(seed(t, id), "\n") {
			if got, want := normalize(line), arabic.Normalize(line); got != want {
				t.Errorf("seed %s: normalize(%q) = %q, want %q", id, line, got, want)
			}
		}
	}
}

// What a reader sees folded: spellings that the index takes for one
// word are one word for news too.
func TestNormalizeForms(t *testing.T) {
	tests := []struct{ in, want string }{
		{"أكّد", "اكد"},
		{"الرئيس", "الرءيس"},           // hamza seat ئ, as the index reads it
		{"مسؤول", "مسءول"},             // hamza seat ؤ
		{"لافروڤ", "لافروف"},           // Persian veh
		{"شي جين پينغ", "شي جين بينغ"}, // Persian peh
		{"وكالة الأنباء", "وكاله الانباء"},
		{"٠٨-٠٤-٢٠٢٤", "08-04-2024"},
		{"ﻻ", "لا"}, // a presentation form
		{"AFP", "afp"},
		{"يوم الإثنين", "يوم الاثنين"},
	}
	for _, tt := range tests {
		if got := normalize(tt.in); got != tt.want {
			t.Errorf("normalize(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	// A text already in matching form is returned as it is, not copied.
	s := "وكاله الانباء"
	if n := testing.AllocsPerRun(10, func() { normalize(s) }); n != 0 {
		t.Errorf("normalize copied a text in matching form (%v allocations)", n)
	}
}

// normalize accepts any string and agrees with arabic.Normalize on it,
// bytes that are not UTF-8 read as U+FFFD.
func FuzzNormalize(f *testing.F) {
	for _, id := range seedIDs {
		for _, line := range strings.Split(seed(f, id), "\n") {
			f.Add(line)
		}
	}
	f.Add("الرئيس \xff مسؤول")
	f.Add("ئ وٕ آ")
	f.Fuzz(func(t *testing.T, s string) {
		got := normalize(s)
		if want := arabic.Normalize(strings.ToValidUTF8(s, "\uFFFD")); got != want {
			t.Fatalf("normalize(%q) = %q, arabic.Normalize = %q", s, got, want)
		}
		if !utf8.ValidString(got) {
			t.Fatalf("normalize(%q) = %q is not valid UTF-8", s, got)
		}
		if again := normalize(got); again != got {
			t.Fatalf("normalize is not idempotent on %q: %q then %q", s, got, again)
		}
	})
}
