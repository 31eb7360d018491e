package arabic

import (
	"github.com/fahras/fahras/indexer/arabic/internal/affix"
)

// Stem returns the stem of one normalized word, as the analysis indexes
// it: the word without its clitic and article prefix and common suffixes,
// stripped only as far as the corpus says the remainder is still a word.
func Stem(word string) string {
	return string(stem([]byte(word)))
}

func stem(w []byte) []byte {
	if !isArabicWord(w) {
		return w
	}
	s, _ := stemFree(nil, affix.StripPrefix(w, corpusLexicon))
	return s
}

// stemFree returns the stem of a clitic-free word (see affix.AppendStem),
// appended to dst when it is not a part of the word, and dst; unless it
// is a word of a name the gazetteer knows: names are not inflected, and
// سلمان is not سلم (peace) with the dual's ان.
func stemFree(dst, free []byte) (stem, out []byte) {
	if corpusLexicon.Name(free) {
		return free, dst
	}
	return affix.AppendStem(dst, free, corpusLexicon)
}

// stripClitics returns w without its clitic and article prefix.
func stripClitics(w []byte) []byte {
	if !isArabicWord(w) {
		return w
	}
	return affix.StripPrefix(w, corpusLexicon)
}

// isArabicWord reports whether w, normalized, is made only of Arabic
// letters (ء to ي); digits, Latin words and mixed tokens are not stemmed.
func isArabicWord(w []byte) bool {
	if len(w) == 0 || len(w)%2 != 0 {
		return false
	}
	for i := 0; i < len(w); i += 2 {
		// ء U+0621 is D8 A1, ي U+064A is D9 8A.
		b0, b1 := w[i], w[i+1]
		switch {
		case b0 == 0xD8 && b1 >= 0xA1 && b1 <= 0xBA:
		case b0 == 0xD9 && b1 >= 0x81 && b1 <= 0x8A:
		default:
			return false
		}
	}
	return true
}
