package news

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// normalizeRune maps one rune to its matching form, or -1 to drop it.
// Alef forms become bare alef, alef maqsura becomes ya, ta marbuta becomes
// ha, hamza seats on waw and ya become the bare letters, diacritics and
// tatweel are dropped, Arabic-Indic and Persian digits become ASCII and
// Latin letters are lower-cased.
func normalizeRune(r rune) rune {
	switch {
	case r == 'أ' || r == 'إ' || r == 'آ' || r == 'ٱ':
		return 'ا'
	case r == 'ى' || r == 'ی' || r == 'ئ':
		return 'ي'
	case r == 'ؤ':
		return 'و'
	case r == 'ة':
		return 'ه'
	case r == 'ک':
		return 'ك'
	case r == 'ـ':
		return -1
	case r >= 0x064B && r <= 0x065F, r == 0x0670:
		return -1 // harakat, shadda, sukun, dagger alef
	case r >= '٠' && r <= '٩':
		return '0' + (r - '٠')
	case r >= '۰' && r <= '۹':
		return '0' + (r - '۰')
	case r < utf8.RuneSelf:
		if r >= 'A' && r <= 'Z' {
			return r + ('a' - 'A')
		}
		return r
	case r >= 0x0600 && r <= 0x06FF:
		return r
	}
	return unicode.ToLower(r)
}

// normalize returns s in matching form (see normalizeRune).
func normalize(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		if m := normalizeRune(r); m >= 0 {
			b.WriteRune(m)
		}
	}
	return b.String()
}

// asciiDigits replaces Arabic-Indic and Persian digits with ASCII ones and
// leaves everything else as it is.
func asciiDigits(s string) string {
	if !strings.ContainsFunc(s, func(r rune) bool {
		return (r >= '٠' && r <= '٩') || (r >= '۰' && r <= '۹')
	}) {
		return s
	}
	return strings.Map(func(r rune) rune {
		switch {
		case r >= '٠' && r <= '٩':
			return '0' + (r - '٠')
		case r >= '۰' && r <= '۹':
			return '0' + (r - '۰')
		}
		return r
	}, s)
}

// isWordRune reports whether r belongs inside a word: a letter, a digit or
// an Arabic combining mark.
func isWordRune(r rune) bool {
	switch {
	case r < utf8.RuneSelf:
		return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9'
	case r >= 0x0621 && r <= 0x0669, r >= 0x0670 && r <= 0x06D3, r >= 0x06F0 && r <= 0x06F9:
		return true
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r) || r == 'ـ'
}

// isLetter is unicode.IsLetter, quicker for ASCII and Arabic letters.
func isLetter(r rune) bool {
	switch {
	case r < utf8.RuneSelf:
		return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z'
	case r >= 0x0620 && r <= 0x064A:
		return true
	}
	return unicode.IsLetter(r)
}

// token is one normalized word and whether an opening parenthesis or
// bracket directly precedes it in the text.
type token struct {
	word   string
	paren  bool
	letter bool // contains at least one letter
}

// tokenize splits s into normalized words. The words share one string.
func tokenize(s string) []token {
	type span struct {
		start, end    int32
		paren, letter bool
	}
	spans := make([]span, 0, len(s)/8+1) // a word and a space take eight bytes or more, mostly
	buf := make([]byte, 0, len(s))
	start, paren, letter := -1, false, false
	flush := func() {
		if start >= 0 && len(buf) > start {
			spans = append(spans, span{int32(start), int32(len(buf)), paren, letter})
		}
		start, paren, letter = -1, false, false
	}
	prevParen := false
	for _, r := range s {
		if isWordRune(r) {
			if start < 0 || len(buf) == start {
				if start < 0 {
					start = len(buf)
				}
				paren = prevParen
			}
			if m := normalizeRune(r); m >= 0 {
				if m < utf8.RuneSelf {
					buf = append(buf, byte(m))
					if m >= 'a' && m <= 'z' || m >= 'A' && m <= 'Z' {
						letter = true
					}
				} else {
					buf = utf8.AppendRune(buf, m)
					if isLetter(m) {
						letter = true
					}
				}
			}
			prevParen = false
			continue
		}
		flush()
		switch {
		case r == '(' || r == '[' || r == '«' || r == '"':
			prevParen = true
		case unicode.IsSpace(r):
			// keep prevParen across spaces: "( واس )"
		default:
			prevParen = false
		}
	}
	flush()
	if len(spans) == 0 {
		return nil
	}
	all := string(buf)
	out := make([]token, len(spans))
	for i, sp := range spans {
		out[i] = token{word: all[sp.start:sp.end], paren: sp.paren, letter: sp.letter}
	}
	return out
}

// words returns the normalized words of s.
func words(s string) []string {
	toks := tokenize(s)
	out := make([]string, len(toks))
	for i, t := range toks {
		out[i] = t.word
	}
	return out
}

// letterWords counts the words of s that contain a letter.
func letterWords(s string) int {
	n := 0
	in, letter := false, false
	for _, r := range s {
		if isWordRune(r) {
			in = true
			if isLetter(r) {
				letter = true
			}
			continue
		}
		if in && letter {
			n++
		}
		in, letter = false, false
	}
	if in && letter {
		n++
	}
	return n
}
