package arabic

import (
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"

	"github.com/blevesearch/bleve/v2/analysis/tokenizer/unicode"

	"github.com/fahras/fahras/indexer/arabic/internal/corpus"
)

// Spellings of one foreign name, all from the seed articles or the corpus:
// bleve's ar indexes them as different terms, so no query for one finds
// the others; ours give them a name key in common.
func TestNameKeysJoinSpellings(t *testing.T) {
	tests := []struct {
		a, b string
		key  string
	}{
		{"بوتن", "بوتين", "n:بتن"},
		{"بوتن", "لبوتين", "n:بتن"},
		{"جين بينغ", "جينبينغ", "n:كنبنك"},
		{"جين بينج", "جينبينغ", "n:كنبنك"},
		{"جين بينغ", "جين بينج", "n:كنبنك"},
		{"لافروف", "للافروف", "n:لفرف"},
	}
	for _, tt := range tests {
		if a, b := terms(t, bleveAr, tt.a), terms(t, bleveAr, tt.b); reflect.DeepEqual(a, b) {
			t.Errorf("bleve's ar already indexes %q and %q alike: %v", tt.a, tt.b, a)
		}
		a, b := terms(t, NameAnalyzer, tt.a), terms(t, NameAnalyzer, tt.b)
		if !contains(a, tt.key) || !contains(b, tt.key) {
			t.Errorf("%q → %v, %q → %v, want both to have %s", tt.a, a, tt.b, b, tt.key)
		}
	}
	// The joined spelling matches nothing of the split ones under ar.
	if shareTerm(terms(t, bleveAr, "جينبينغ"), terms(t, bleveAr, "جين بينغ")) {
		t.Error("bleve's ar: جينبينغ and جين بينغ share a term")
	}
}

// No flooding: a short word (three letters or fewer) gets no key, so the
// common short words of the seed articles, which differ only in their long
// vowels or in ج غ ق ك (قال, قيل, كل; بين, بن; زار, زور), do not match one
// another; nor does a pair whose joined skeleton is under four letters
// (شي جين).
func TestNameKeysNoFlooding(t *testing.T) {
	for _, text := range []string{
		"قال", "قيل", "كل", "كان", "بين", "بن", "زار", "يوم", "عدد", "دور", "حول", "ذكر", "وقت", "جين", "شي", "شي جين",
	} {
		if got := terms(t, NameAnalyzer, text); len(got) != 0 {
			t.Errorf("%q → %v, want no key", text, got)
		}
	}
	// A key is the prefix and at least three letters.
	for _, text := range []string{"بوتين", "لافروف", "الدبلوماسي"} {
		for _, k := range terms(t, NameAnalyzer, text) {
			if !strings.HasPrefix(k, NameKeyPrefix) || len([]rune(k))-len(NameKeyPrefix) < MinWordSkeleton {
				t.Errorf("%q → key %q", text, k)
			}
		}
	}
}

// NameKeys gives, for query words, exactly the keys the analyzer indexes
// for the same text, with the words each covers.
func TestNameKeysMatchAnalyzer(t *testing.T) {
	got := NameKeys([]string{"الرئيس", "الصيني", "شي", "جين", "بينج"})
	want := []NameKey{{"n:رسصن", 0, 1}, {"n:بنك", 4, 4}, {"n:كنبنك", 3, 4}}
	sortKeys(got)
	sortKeys(want)
	if !reflect.DeepEqual(got, want) {
		t.Errorf("NameKeys = %v, want %v", got, want)
	}

	// Every sentence of the seed articles: the same keys.
	files, err := filepath.Glob(filepath.Join("..", "..", "data", "*.txt"))
	if err != nil || len(files) == 0 {
		t.Fatalf("seed articles: %v", err)
	}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, line := range strings.Split(string(b), "\n") {
			var fromKeys []string
			for _, k := range NameKeys(strings.Fields(line)) {
				fromKeys = append(fromKeys, k.Term)
			}
			fromAnalyzer := terms(t, NameAnalyzer, line)
			sort.Strings(fromKeys)
			sort.Strings(fromAnalyzer)
			if !reflect.DeepEqual(fromKeys, fromAnalyzer) {
				t.Errorf("%s: %q\nNameKeys %v\nanalyzer %v", filepath.Base(f), line, fromKeys, fromAnalyzer)
			}
		}
	}
}

func sortKeys(k []NameKey) {
	sort.Slice(k, func(i, j int) bool {
		if k[i].First != k[j].First {
			return k[i].First < k[j].First
		}
		return k[i].Term < k[j].Term
	})
}

// How many distinct clitic-free word forms (seen at least 5 times in a
// third of the SaudiNewsNet corpus) share each name key, by skeleton
// length: the measure of how much a key floods a query with unrelated
// words. Skips without the corpus.
func TestNameKeysCorpusSpread(t *testing.T) {
	if testing.Short() {
		t.Skip("short")
	}
	path, err := corpus.Path()
	if err != nil {
		t.Skipf("skipping: %v", err)
	}
	tok := unicode.NewUnicodeTokenizer()
	count := map[string]int{}
	n := 0
	err = corpus.Each(path, func(a corpus.Article) error {
		if n++; n%3 != 0 {
			return nil
		}
		for _, tk := range tok.Tokenize([]byte(a.Content)) {
			if w := normalizeBytes(tk.Term); isArabicWord(w) && !isStopWord(w) {
				count[string(w)]++
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	forms := map[string]map[string]int{}
	withKey, all := 0, 0
	for w, c := range count {
		all += c
		s := stripClitics([]byte(w))
		k := wordKey(s)
		if k == nil {
			continue
		}
		withKey += c
		if forms[string(k)] == nil {
			forms[string(k)] = map[string]int{}
		}
		forms[string(k)][string(s)] += c
	}
	t.Logf("%.1f%% of word tokens get a key", 100*float64(withKey)/float64(all))
	spread := map[int][2]int{} // skeleton letters → keys, frequent forms
	for k, m := range forms {
		l := min(len([]rune(k))-len(NameKeyPrefix), 6)
		f := 0
		for _, c := range m {
			if c >= 5 {
				f++
			}
		}
		if f > 0 {
			s := spread[l]
			spread[l] = [2]int{s[0] + 1, s[1] + f}
		}
	}
	limit := map[int]float64{3: 4, 4: 2, 5: 2, 6: 2}
	for l := 3; l <= 6; l++ {
		avg := float64(spread[l][1]) / float64(spread[l][0])
		t.Logf("skeleton of %d letters (6: or more): %d keys, %.2f frequent forms a key", l, spread[l][0], avg)
		if avg > limit[l] {
			t.Errorf("skeletons of %d letters: %.2f forms a key, over %.0f", l, avg, limit[l])
		}
	}
	for _, k := range []string{"n:بتن", "n:بنك", "n:لفرف"} {
		t.Logf("%s: %v", k, forms[k])
	}
}
