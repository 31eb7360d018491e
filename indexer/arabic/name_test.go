package arabic

import (
	"reflect"
	"strings"
	"testing"

	"github.com/fahras/fahras/internal/corpus"
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
		a, b := terms(t, nameTerms, tt.a), terms(t, nameTerms, tt.b)
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
		if got := terms(t, nameTerms, text); len(got) != 0 {
			t.Errorf("%q → %v, want no key", text, got)
		}
	}
	// A key is the prefix and at least three letters.
	for _, text := range []string{"بوتين", "لافروف", "الدبلوماسي"} {
		for _, k := range terms(t, nameTerms, text) {
			if !strings.HasPrefix(k, NameKeyPrefix) || len([]rune(k))-len(NameKeyPrefix) < MinWordSkeleton {
				t.Errorf("%q → key %q", text, k)
			}
		}
	}
}

// Keys join names only: an ordinary word (one the corpus shows taking
// the article, or such a word with a pronoun) gets no key, so the
// ordinary words that share a skeleton with a name never match it, nor
// does a pair of ordinary words whose joined skeleton is a name's. The
// words are those a reader of SaudiNewsNet saw matched by mistake:
// كورونا with القرآن, القرني, الجيران, غيرنا; سلمان with والسلم and للسلم
// (through the pair للسلم والأمن); ميسي with أمس and مساء (through the
// pair الحوثيين أمس).
func TestNameKeysOnlyForNames(t *testing.T) {
	for _, text := range []string{
		"القرآن", "القرني", "الجيران", "غيرنا", "والسلم", "للسلم والأمن",
		"الحوثيين أمس", "أمس", "مساء", "الرئيس الصيني", "وزارة الخارجية الروسية",
		// The accusative ending ا: such a word cannot take the article.
		"محايدا", "محددا", "طرفا",
	} {
		if got := terms(t, nameTerms, text); len(got) != 0 {
			t.Errorf("%q → %v, want no key (ordinary words)", text, got)
		}
	}
	// Names keep their keys, and spellings of one name still share one.
	for _, text := range []string{"سلمان", "لافروف", "بوتين", "جين بينغ", "أوباما", "أمريكا"} {
		if got := terms(t, nameTerms, text); len(got) == 0 {
			t.Errorf("%q has no key", text)
		}
	}
	if shareTerm(terms(t, nameTerms, "سلمان"), terms(t, nameTerms, "للسلم والأمن")) {
		t.Error("سلمان shares a key with للسلم والأمن")
	}
	if shareTerm(terms(t, nameTerms, "الحوثيين ميسي"), terms(t, nameTerms, "الحوثيين أمس")) {
		t.Error("الحوثيين ميسي shares a key with الحوثيين أمس")
	}
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
	count := map[string]int{}
	n := 0
	err = corpus.Each(path, func(a corpus.Article) error {
		if n++; n%3 != 0 {
			return nil
		}
		Words(a.Content, func(s, e int) {
			if w := normalizeBytes([]byte(a.Content[s:e])); isArabicWord(w) && !isStopWord(w) {
				count[string(w)]++
			}
		})
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
		if corpusLexicon.Ordinary(s) {
			continue
		}
		k := appendKey(nil, s, nil, MinWordSkeleton)
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
