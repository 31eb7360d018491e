package news

import (
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

// addSeeds seeds a fuzz target with the seed articles, whole and line by
// line, and a few hostile strings.
func addSeeds(f *testing.F, lines bool) {
	for _, id := range seedIDs {
		text := seed(f, id)
		f.Add(text)
		if lines {
			for _, l := range strings.Split(text, "\n") {
				f.Add(l)
			}
		}
	}
	for _, s := range []string{"", "\xff\xfe", "لافروف\xe2\x80", "(\nواس)", "شارك من خلال تويتر فيسبوك \xff لافروف", "09 ابريل 2024\r\n\r\nبكين - وصل لافروف", strings.Repeat("ـ", 300)} {
		f.Add(s)
	}
}

// Clean accepts any text; what a Doc gives agrees with the functions that
// read the text again; lines come from the text.
func FuzzClean(f *testing.F) {
	addSeeds(f, false)
	f.Fuzz(func(t *testing.T, raw string) {
		d := Clean(raw, Options{})
		for _, l := range d.Lines {
			if !strings.Contains(raw, l.Text) {
				t.Fatalf("line %q is not in the text", l.Text)
			}
		}
		if utf8.ValidString(raw) && (!utf8.ValidString(d.Title) || !utf8.ValidString(d.Body)) {
			t.Fatalf("title %q or body %q is not valid UTF-8", d.Title, d.Body)
		}
		got, ok := d.Date()
		if want, wantOK := ParseDate(raw); got != want || ok != wantOK {
			t.Fatalf("Doc.Date = %v %v, ParseDate = %v %v", got, ok, want, wantOK)
		}
		if ok && (got.Year() < 1900 || got.Year() > 2100) {
			t.Fatalf("date %v", got)
		}
		if got, want := d.Agencies(), Agencies(raw); !slices.Equal(got, want) {
			t.Fatalf("Doc.Agencies = %q, Agencies = %q", got, want)
		}
		if got, want := d.People(d.Title), People(d.Title+"\n"+d.Body); !slices.Equal(got, want) {
			t.Fatalf("Doc.People = %q, People = %q", got, want)
		}
		// Recording the article while cleaning it is recording it first.
		a, b := NewRepeats(), NewRepeats()
		a.MinArticles, b.MinArticles = 1, 1
		da := Clean(raw, Options{Source: "s", Repeats: a, Observe: true})
		b.ObserveText("s", raw)
		db := Clean(raw, Options{Source: "s", Repeats: b})
		for _, l := range da.Lines {
			if a.Repeated("s", l.Text) != b.Repeated("s", l.Text) {
				t.Fatalf("line %q repeated in one model, not the other", l.Text)
			}
		}
		if a.Len("s") != b.Len("s") || da.Body != db.Body || da.Title != db.Title {
			t.Fatalf("observing while cleaning: %d lines held, body %q; observing first: %d, %q", a.Len("s"), da.Body, b.Len("s"), db.Body)
		}
	})
}

// The date readers accept any text and give dates in range; the lede's
// dates are read as far as they reach.
func FuzzParseDate(f *testing.F) {
	addSeeds(f, true)
	for _, s := range []string{"2015-07-21 02:51:32", "٠٨-٠٤-٢٠٢٤", "28 شباط (فبراير) 2024", "في 8 و9 نيسان (أبريل) 2024"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		if d, ok := ParseDate(text); ok && (d.Year() < 1900 || d.Year() > 2100) {
			t.Fatalf("ParseDate = %v", d)
		}
		for _, d := range Dates(text) {
			if d.Year() < 1900 || d.Year() > 2100 {
				t.Fatalf("Dates has %v", d)
			}
		}
		ParseDateField(text)
		n := normalize(text)
		end := firstSentenceEnd(n)
		all := findDates(n)
		var want []dateMention
		for _, d := range all {
			if d.start < end {
				want = append(want, d)
			}
		}
		li := lineInfo{norm: n}
		if got := li.datesBefore(end); !slices.Equal(got, want) {
			t.Fatalf("datesBefore(%d) = %v, want %v", end, got, want)
		}
	})
}

// LedeTitle accepts any text and cuts it at a word to at most TitleMax
// runes.
func FuzzLedeTitle(f *testing.F) {
	addSeeds(f, true)
	f.Add(strings.Repeat("\xff", 200))
	f.Add(strings.Repeat("لافروف\xff ", 40))
	f.Add("وتندرج زيارة لافروف في إطار هذا التقارب؟ الصين")
	f.Fuzz(func(t *testing.T, lede string) {
		got := LedeTitle(lede)
		if utf8.ValidString(lede) && !utf8.ValidString(got) {
			t.Fatalf("LedeTitle(%q) = %q is not valid UTF-8", lede, got)
		}
		if n := utf8.RuneCountInString(got); n > TitleMax {
			t.Fatalf("title of %d runes: %q", n, got)
		}
		if stem, cut := strings.CutSuffix(got, "…"); cut && !strings.Contains(lede, stem) {
			t.Fatalf("title %q is not cut from the lede", got)
		}
	})
}

// Agencies and People accept any text and give sorted canonical names.
func FuzzNames(f *testing.F) {
	addSeeds(f, true)
	f.Add("(واس) وكالة الأنباء السعودية للأناضول ولافروف")
	canonical := map[string]bool{}
	for _, e := range append(slices.Clone(agencyList), peopleList...) {
		canonical[e.canonical] = true
	}
	f.Fuzz(func(t *testing.T, text string) {
		for _, names := range [][]string{Agencies(text), People(text)} {
			if !slices.IsSorted(names) || len(slices.Compact(slices.Clone(names))) != len(names) {
				t.Fatalf("names not sorted or repeated: %q", names)
			}
			for _, n := range names {
				if !canonical[n] {
					t.Fatalf("%q is no canonical name", n)
				}
			}
		}
	})
}

// Signature accepts any text; a text is its own near-duplicate; a
// signature survives String and ParseSig.
func FuzzSignature(f *testing.F) {
	addSeeds(f, false)
	f.Fuzz(func(t *testing.T, text string) {
		s := Signature(text)
		if !s.Empty() && s.Similarity(s) != 1 {
			t.Fatalf("Similarity to itself %v", s.Similarity(s))
		}
		back, err := ParseSig(s.String())
		if err != nil || back != s {
			t.Fatalf("ParseSig(String()) = %v, %v", back, err)
		}
		ParseSig(text)
	})
}
