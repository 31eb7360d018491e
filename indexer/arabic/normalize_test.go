package arabic

import (
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/blevesearch/bleve/v2/analysis/tokenizer/unicode"
	"golang.org/x/text/unicode/norm"
)

// Inputs are words of the seed articles or the SaudiNewsNet corpus, as
// written there; the wanted forms were checked by reading.
func TestNormalize(t *testing.T) {
	tests := []struct {
		in, want string
		why      string
	}{
		{"أوروب", "اوروب", "alef with hamza above (a prefix query for أوروبا)"},
		{"أورو*", "اورو*", "a wildcard query term keeps its wildcard"},
		{"إضغط", "اضغط", "alef with hamza below"},
		{"آذار", "اذار", "alef madda"},
		{"فَٱحْتَارَ", "فاحتار", "alef wasla and tashkeel"},
		{"حَتَّىٰ", "حتي", "superscript alef, shadda, alef maksura"},
		{"فِي", "في", "kasra"},
		{"أكّد", "اكد", "shadda"},
		{"أبهــا", "ابها", "tatweel"},
		{"الخارجیة", "الخارجيه", "Persian yeh, teh marbuta"},
		{"أکد", "اكد", "keheh"},
		{"دوڤال", "دوفال", "veh"},
		{"ﺍﻟﻤﻘﺎﻭﻣﺔ", "المقاومه", "presentation forms (NFKC)"},
		{"مسؤول", "مسءول", "hamza on waw"},
		{"مسئول", "مسءول", "hamza on yeh"},
		{"٢٠١٥", "2015", "Arabic-Indic digits"},
		{"١٤٣٦", "1436", "Arabic-Indic digits"},
		{"Mobily", "mobily", "Latin lowercased"},
		{"بوتين", "بوتين", "nothing to do"},
		{"ـ", "", "tatweel alone"},
	}
	for _, tt := range tests {
		if got := Normalize(tt.in); got != tt.want {
			t.Errorf("Normalize(%q) = %q, want %q (%s)", tt.in, got, tt.want, tt.why)
		}
	}
}

// Spellings that bleve's ar analyzer indexes as different terms and ours as
// one.
func TestNormalizeFoldsWhatBleveArKeepsApart(t *testing.T) {
	tests := []struct{ a, b string }{
		{"٢٠١٥", "2015"},
		{"مسؤول", "مسئول"},
		{"الخارجیة", "الخارجية"},
		{"أکد", "أكد"},
		{"فَٱحْتَارَ", "فاحتار"},
	}
	for _, tt := range tests {
		if arA, arB := terms(t, bleveAr, tt.a), terms(t, bleveAr, tt.b); reflect.DeepEqual(arA, arB) {
			t.Errorf("bleve's ar already folds %q and %q: %v", tt.a, tt.b, arA)
		}
		for _, name := range []string{exactTerms, stemTerms} {
			if a, b := terms(t, name, tt.a), terms(t, name, tt.b); !reflect.DeepEqual(a, b) || len(a) == 0 {
				t.Errorf("%s: %q → %v but %q → %v", name, tt.a, a, tt.b, b)
			}
		}
	}
}

// The filter drops a token that normalizes to nothing and keeps positions.
func TestNormalizeFilterDropsEmptyTokens(t *testing.T) {
	got := analyzer(t, exactTerms).Analyze([]byte("أبهــا ـ عسيـر"))
	if len(got) != 2 || string(got[0].Term) != "ابها" || string(got[1].Term) != "عسير" || got[1].Position != 3 {
		t.Errorf("got %v", got)
	}
}

// Normalize agrees with the analyzers on a query term.
func TestNormalizeMatchesAnalyzer(t *testing.T) {
	for _, w := range []string{"أوروب", "الخارجیة", "٢٠١٥", "فَٱحْتَارَ", "ﺍﻟﻤﻘﺎﻭﻣﺔ"} {
		got := terms(t, exactTerms, w)
		if len(got) != 1 || got[0] != Normalize(w) {
			t.Errorf("%q: analyzer %v, Normalize %q", w, got, Normalize(w))
		}
	}
}

// The fast path that skips the norm package gives what NFKC first would,
// on every token of the seed articles.
func TestNormalizeFastPath(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("..", "..", "data", "*.txt"))
	if err != nil || len(files) == 0 {
		t.Fatalf("seed articles: %v", err)
	}
	tok := unicode.NewUnicodeTokenizer()
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, tk := range tok.Tokenize(b) {
			w := string(tk.Term)
			if got, want := Normalize(w), string(appendNormalized(nil, norm.NFKC.Bytes([]byte(w)))); got != want {
				t.Errorf("Normalize(%q) = %q, NFKC first gives %q", w, got, want)
			}
		}
	}
}
