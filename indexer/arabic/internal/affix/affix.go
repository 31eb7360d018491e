// Package affix holds the light stemmer's affix rules, shared by the
// analyzers and by the program that derives their word lists from a corpus,
// so that both apply exactly the same rule.
//
// Words are normalized UTF-8 (see arabic.Normalize): every Arabic letter is
// two bytes long.
package affix

import (
	"bytes"
	"unicode/utf8"
)

// Flags of a word in a Lexicon.
const (
	// KeepPrefix marks a word whose first letters only look like a clitic
	// or the article (وزاره, بكين, لافروف): no prefix is stripped from it,
	// and a prefix in front of it is stripped down to it.
	KeepPrefix uint8 = 1 << iota
	// KeepSuffix marks a clitic-free word whose last letters only look like
	// a suffix (وزاره, بوتين): no suffix is stripped from it.
	KeepSuffix
	// Feminine marks what is left of a feminine noun once a suffix is
	// stripped, its ة written ت as before any suffix (مساحت of مساحتها and
	// مساحتين, عالميت of العالميتين, حيات of حياته): its stem is the noun's.
	Feminine
)

// Lexicon tells the rules what the corpus knows about a word.
type Lexicon interface {
	// Flags returns the word's KeepPrefix and KeepSuffix flags.
	Flags(w []byte) uint8
	// Short reports whether w is a frequent word of two or three letters,
	// which a prefix may be stripped down to.
	Short(w []byte) bool
}

// A Prefix is a clitic or article sequence, the fewest letters that must
// remain after it, and the fewest that may remain when they are a frequent
// short word.
type Prefix struct {
	Text     []byte
	MinRest  int
	MinShort int
}

// noRest is a MinRest or MinShort that no word reaches.
const noRest = 1 << 10

func article(s string) Prefix                { return Prefix{[]byte(s), 3, 2} }
func clitic(s string, min, short int) Prefix { return Prefix{[]byte(s), min, short} }

// Prefixes, longest first. The article forms need three letters after them
// (two if they are a frequent word: الدم → دم), a single clitic letter four
// (three if they are a frequent word: وقال → قال), two clitic letters five:
// the shorter the prefix, the likelier a word only begins with its letters.
// ك "like" is a rare clitic and many words, foreign names among them, begin
// with ك, so it is stripped only before a frequent three-letter word (كطرف →
// طرف, كونفيرنس stays), and وك, فك only before a known word (pass one).
var Prefixes = []Prefix{
	article("وبال"), article("فبال"), article("وكال"), article("فكال"),
	article("وال"), article("فال"), article("بال"), article("كال"), article("ولل"), article("فلل"),
	article("ال"), article("لل"),
	clitic("وب", 5, 5), clitic("ول", 5, 5), clitic("وك", noRest, noRest), clitic("فب", 5, 5), clitic("فل", 5, 5), clitic("فك", noRest, noRest),
	clitic("و", 4, 3), clitic("ف", 4, 3), clitic("ب", 4, 3), clitic("ل", 4, 3), clitic("ك", noRest, 3),
}

// Suffixes, in the order they are tried; each is stripped at most once.
var Suffixes = [][]byte{
	[]byte("ها"), []byte("هم"), []byte("ان"), []byte("ات"), []byte("ون"),
	[]byte("ين"), []byte("يه"), []byte("ه"), []byte("ي"),
}

// MinStem is the fewest letters a suffix may be stripped down to.
const MinStem = 3

// letters counts the runes of w.
func letters(w []byte) int { return utf8.RuneCount(w) }

// StripPrefix returns w without its clitic and article prefix, or w itself.
//
// A word flagged KeepPrefix is left alone. Otherwise a prefix is stripped
// when what remains is flagged KeepPrefix (a known word: للافروف → لافروف,
// لبوتين → بوتين, الوزاره → وزاره), trying the longest prefix first; failing
// that, the longest prefix that leaves at least its MinRest letters, or a
// frequent short word of at least MinShort letters, is stripped.
func StripPrefix(w []byte, lex Lexicon) []byte {
	// Every prefix starts with ا ب ف ك ل or و (U+0627, U+0628, U+0641,
	// U+0643, U+0644, U+0648).
	if len(w) < 6 || !(w[0] == 0xD8 && (w[1] == 0xA7 || w[1] == 0xA8) ||
		w[0] == 0xD9 && (w[1] == 0x81 || w[1] == 0x83 || w[1] == 0x84 || w[1] == 0x88)) {
		return w
	}
	if lex.Flags(w)&KeepPrefix != 0 {
		return w
	}
	for _, pre := range Prefixes {
		if len(w) > len(pre.Text) && bytes.HasPrefix(w, pre.Text) {
			if rest := w[len(pre.Text):]; lex.Flags(rest)&KeepPrefix != 0 {
				return rest
			}
		}
	}
	for _, pre := range Prefixes {
		if len(w) > len(pre.Text) && bytes.HasPrefix(w, pre.Text) {
			rest := w[len(pre.Text):]
			if n := letters(rest); n >= pre.MinRest || (n >= pre.MinShort && lex.Short(rest)) {
				return rest
			}
		}
	}
	return w
}

// StripSuffix strips suffixes from a clitic-free word, each of Suffixes at
// most once and in order, while at least MinStem letters remain and the
// word is not flagged KeepSuffix. It returns a part of w.
func StripSuffix(w []byte, lex Lexicon) []byte {
	s, _ := stripSuffix(w, lex)
	return s
}

// stripSuffix is StripSuffix, also returning the last suffix stripped
// (nil for none).
func stripSuffix(w []byte, lex Lexicon) ([]byte, []byte) {
	var last []byte
	for _, suf := range Suffixes {
		if len(w) <= len(suf) || !bytes.HasSuffix(w, suf) {
			continue
		}
		if lex.Flags(w)&KeepSuffix != 0 {
			break
		}
		if rest := w[:len(w)-len(suf)]; letters(rest) >= MinStem {
			w, last = rest, suf
		}
	}
	return w, last
}

// The letters of a feminine noun's ending: ة (normalized ه), written ت
// before a suffix, and the sound feminine plural ات.
var (
	tehMarbuta = []byte("ه")
	teh        = []byte("ت")
	plural     = []byte("ات")
)

// AppendStem returns the stem of a clitic-free word: StripSuffix's, except
// that a feminine noun's other forms are given the noun's own stem, its
// singular with ة (so that, as a reader expects, مساحتها, مساحتين and
// مساحات all match مساحة):
//
//   - what is left is flagged Feminine, the noun's ة written ت before the
//     suffix (مساحت, from مساحتها or مساحتين): the stem is that of the
//     noun, ت read as ة (مساحه; عالميت → عالميه → عالم);
//   - the sound feminine plural ات was stripped and the singular with ة is
//     a word that keeps its ة (KeepSuffix: مساحات → مساح, مساحه kept): the
//     stem is the singular.
//
// The stem is a part of w, or, when it is the noun's, appended to dst. It
// returns the stem and dst.
func AppendStem(dst, w []byte, lex Lexicon) (stem, out []byte) {
	s, last := stripSuffix(w, lex)
	if last == nil {
		return s, dst
	}
	start := len(dst)
	switch {
	case lex.Flags(s)&Feminine != 0 && bytes.HasSuffix(s, teh):
		dst = append(append(dst, s[:len(s)-len(teh)]...), tehMarbuta...)
	case bytes.Equal(last, plural):
		dst = append(append(dst, s...), tehMarbuta...)
		if lex.Flags(dst[start:])&KeepSuffix == 0 {
			return s, dst[:start]
		}
	default:
		return s, dst
	}
	noun := dst[start:len(dst):len(dst)]
	return StripSuffix(noun, lex), dst
}

// FeminineNoun returns the singular with ة of a remainder that ends in ت
// (مساحت → مساحه), or nil.
func FeminineNoun(rest []byte) []byte {
	if !bytes.HasSuffix(rest, teh) || letters(rest) < MinStem {
		return nil
	}
	return append(append([]byte(nil), rest[:len(rest)-len(teh)]...), tehMarbuta...)
}
