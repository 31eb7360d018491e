package arabic

import (
	"unicode"
	"unicode/utf8"
)

// Words calls fn with the byte offsets of each word of text, in order. A
// word is a run of letters, combining marks and digits (tatweel and the
// zero-width joiners included, as inside Arabic words); a dot, comma or
// Arabic decimal or thousands separator between two digits stays inside a
// number (3.5, 1,000, ٣٫٥), and an apostrophe between two Latin letters
// inside a word (don't). Everything else separates words.
//
// It is the tokenizer of the analysis, so a word's position is its index
// among the words Words finds, from 1: the search package finds a
// position's word in a stored text again by calling Words on it.
func Words(text string, fn func(start, end int)) {
	WordsUntil(text, 0, fn)
}

// WordsUntil is Words that stops after the word at position last, when
// last > 0.
func WordsUntil(text string, last int, fn func(start, end int)) {
	start, n := -1, 0
	for i := 0; i < len(text); {
		c, size := rune(text[i]), 1
		switch {
		case c < utf8.RuneSelf:
		case c >= 0xD8 && c <= 0xDB && i+1 < len(text) && text[i+1]&0xC0 == 0x80:
			// The Arabic block, U+0600–U+06FF: two bytes.
			c, size = (c&0x1F)<<6|rune(text[i+1]&0x3F), 2
		default:
			c, size = utf8.DecodeRuneInString(text[i:])
		}
		if wordRune(c) {
			if start < 0 {
				start = i
			}
			i += size
			continue
		}
		if start >= 0 && joinsWord(text, start, i, c, size) {
			i += size
			continue
		}
		if start >= 0 {
			fn(start, i)
			start = -1
			if n++; n == last {
				return
			}
		}
		i += size
	}
	if start >= 0 {
		fn(start, len(text))
	}
}

// wordRune reports whether c is part of a word.
func wordRune(c rune) bool {
	switch {
	case c < utf8.RuneSelf:
		return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
	case c >= 0x0600 && c <= 0x06FF:
		return arabicBlock[c-0x0600]
	case c == 0x200C, c == 0x200D: // zero-width non-joiner and joiner
		return true
	}
	return unicode.IsLetter(c) || unicode.IsMark(c) || unicode.IsDigit(c)
}

// arabicBlock tells, for each rune of the Arabic block U+0600–U+06FF,
// whether it is part of a word: letters, tatweel, marks and digits are;
// its punctuation (، ؛ ؟ ٪ ٫ ٬ ۔ …), signs and format characters are not.
var arabicBlock = func() (t [256]bool) {
	for i := range t {
		c := rune(0x0600 + i)
		t[i] = unicode.IsLetter(c) || unicode.IsMark(c) || unicode.IsDigit(c)
	}
	return t
}()

// joinsWord reports whether the separator c (size bytes at i) stays inside
// the word that started at start: a number separator between two digits,
// or an apostrophe between two Latin letters.
func joinsWord(text string, start, i int, c rune, size int) bool {
	var numeric bool
	switch c {
	case '.', ',', 0x066B, 0x066C:
		numeric = true
	case '\'', 0x2019:
	default:
		return false
	}
	before, _ := utf8.DecodeLastRuneInString(text[start:i])
	after, _ := utf8.DecodeRuneInString(text[i+size:])
	if numeric {
		return unicode.IsDigit(before) && unicode.IsDigit(after)
	}
	return isLatinLetter(before) && isLatinLetter(after)
}

func isLatinLetter(c rune) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || c > utf8.RuneSelf && unicode.Is(unicode.Latin, c)
}
