package arabic

import "testing"

// Every stop word is written in normalized form: a list entry that
// normalization would change could never match.
func TestStopWordsAreNormalized(t *testing.T) {
	seen := map[string]bool{}
	for _, w := range StopWords {
		if n := Normalize(w); n != w {
			t.Errorf("stop word %q normalizes to %q", w, n)
		}
		if seen[w] {
			t.Errorf("stop word %q listed twice", w)
		}
		seen[w] = true
	}
}

// Stop words are removed after normalization, so a diacritic or a spelling
// variant does not sneak one into the index; bleve's ar removes them before
// normalizing and keeps these. Question words, which bleve's list lacks,
// are removed too. Inputs are from the corpus.
func TestStopWordsAfterNormalization(t *testing.T) {
	tests := []struct {
		in   string
		arIn string // the term bleve's ar indexes for in
	}{
		{"فِي", "في"},
		{"فـي", "في"},
		{"فى", "في"},
		{"علی", "علی"},
		{"إلی", "الی"},
		{"ماذا", "ماذا"},
		{"لماذا", "لماذا"},
		{"متى", "مت"},
		{"كيف", "كيف"},
		{"هل", "هل"},
		{"أين", "اين"},
	}
	for _, tt := range tests {
		if got := terms(t, bleveAr, tt.in); len(got) != 1 || got[0] != tt.arIn {
			t.Errorf("bleve's ar: %q → %v, want [%s]", tt.in, got, tt.arIn)
		}
		for _, name := range []string{exactTerms, stemTerms, nameTerms} {
			if got := terms(t, name, tt.in); len(got) != 0 {
				t.Errorf("%s: %q → %v, want no term", name, tt.in, got)
			}
		}
	}
}

// A question from the seed article 004, as a reader might type it: only
// the content words remain.
func TestStopWordsInQuestion(t *testing.T) {
	got := terms(t, exactTerms, "متى يزور الرئيس الروسي فلاديمير بوتن بكين؟")
	want := []string{"يزور", "الرءيس", "الروسي", "فلاديمير", "بوتن", "بكين"}
	if len(got) != len(want) {
		t.Fatalf("got %v, want %v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("got %v, want %v", got, want)
		}
	}
}
