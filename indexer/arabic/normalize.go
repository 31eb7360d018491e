package arabic

import (
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Normalize returns the normalized form of one query term: the same
// normalization the analyzers apply to each token before stop words,
// stemming and name keys. The search package calls it on prefix, wildcard
// and fuzzy terms, which bleve does not analyze.
//
// It applies NFKC (Arabic presentation forms become letters), lowercases,
// maps alef forms (أ إ آ ٱ ٲ ٳ ٵ) to ا, ى and Persian/Urdu yeh forms to ي,
// ة and Persian/Urdu heh forms to ه, ک to ك, the hamza seats ؤ ئ to ء,
// Persian پ چ ژ گ ڤ to ب ج ز ك ف, Arabic-Indic and Persian digits to ASCII, and
// removes tatweel, tashkeel (including superscript alef and Quranic marks)
// and zero-width joiners.
func Normalize(s string) string {
	return string(normalizeBytes([]byte(s)))
}

// normalizeBytes normalizes term, in place when it can. The returned slice
// may share term's storage. A mark dropped between a letter and another
// mark can let NFKC join the two, so the normalization is repeated until
// its result is NFKC-normal (for all but such odd text, once).
func normalizeBytes(term []byte) []byte {
	out := normalizeOnce(term)
	for i := 0; i < 8 && !plainArabic(out) && !norm.NFKC.IsNormal(out); i++ {
		out = normalizeOnce(out)
	}
	return out
}

// normalizeOnce is one pass of normalizeBytes: NFKC, then each rune mapped.
func normalizeOnce(term []byte) []byte {
	// Fast path: a term that is all ASCII needs only lowercasing.
	ascii := true
	for _, b := range term {
		if b >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	if ascii {
		for i, b := range term {
			if 'A' <= b && b <= 'Z' {
				term[i] = b + 'a' - 'A'
			}
		}
		return term
	}
	if !plainArabic(term) && !norm.NFKC.IsNormal(term) {
		term = norm.NFKC.Bytes(term)
	}
	// Every mapping below writes no more bytes than it reads, except
	// lowercasing a few non-ASCII letters; those switch to a fresh buffer.
	out := term[:0]
	for r := 0; r < len(term); {
		var c rune
		var size int
		if b := term[r]; (b == 0xD8 || b == 0xD9) && r+1 < len(term) && term[r+1]&0xC0 == 0x80 {
			c, size = rune(b&0x1F)<<6|rune(term[r+1]&0x3F), 2
		} else {
			c, size = utf8.DecodeRune(term[r:])
		}
		m := mapRune(c)
		r += size
		if m >= 0x0600 && m <= 0x07FF {
			// Two bytes, written where at least two were read.
			out = append(out, byte(0xC0|m>>6), byte(0x80|m&0x3F))
			continue
		}
		switch {
		case m < 0:
			// dropped
		case m < utf8.RuneSelf:
			out = append(out, byte(m))
		default:
			if n := utf8.RuneLen(m); len(out)+n > r {
				// Would overwrite unread input: copy the rest first.
				rest := append([]byte(nil), term[r:]...)
				buf := make([]byte, len(out), len(out)+n+len(rest))
				copy(buf, out)
				out = utf8.AppendRune(buf, m)
				return appendNormalized(out, rest)
			}
			out = utf8.AppendRune(out, m)
		}
	}
	return out
}

// plainArabic reports whether term holds only runes that NFKC leaves as
// they are whatever surrounds them: ASCII, the basic Arabic letters, tatweel,
// Arabic-Indic digits and the tashkeel U+064B–U+0652 (which canonical
// ordering may reorder, but they are all removed afterwards). It lets most
// tokens skip the norm package's slower check.
func plainArabic(term []byte) bool {
	for i := 0; i < len(term); {
		b := term[i]
		if b < utf8.RuneSelf {
			i++
			continue
		}
		if i+1 >= len(term) {
			return false
		}
		c := rune(b&0x1F)<<6 | rune(term[i+1]&0x3F)
		if b&0xE0 != 0xC0 || !(c >= 0x0621 && c <= 0x0652 && c != 0x063B && c != 0x063C &&
			c != 0x063D && c != 0x063E && c != 0x063F || c >= 0x0660 && c <= 0x0669) {
			return false
		}
		i += 2
	}
	return true
}

// appendNormalized is the slow path of normalizeBytes: it appends the
// normalized form of src to dst without sharing storage.
func appendNormalized(dst, src []byte) []byte {
	for r := 0; r < len(src); {
		c, size := utf8.DecodeRune(src[r:])
		r += size
		if m := mapRune(c); m >= 0 {
			dst = utf8.AppendRune(dst, m)
		}
	}
	return dst
}

// mapRune maps one rune of NFKC text to its normalized rune, or -1 to drop
// it.
func mapRune(c rune) rune {
	if c < utf8.RuneSelf {
		if 'A' <= c && c <= 'Z' {
			return c + 'a' - 'A'
		}
		return c
	}
	if c >= 0x0600 && c <= 0x06FF {
		switch {
		case c >= 0x0660 && c <= 0x0669: // Arabic-Indic digits
			return '0' + c - 0x0660
		case c >= 0x06F0 && c <= 0x06F9: // Persian digits
			return '0' + c - 0x06F0
		case c >= 0x064B && c <= 0x065F, // tashkeel, hamza above/below marks
			c == 0x0670,                // superscript alef
			c >= 0x0610 && c <= 0x061A, // Quranic honorifics and marks
			c >= 0x06D6 && c <= 0x06DC, // Quranic annotation signs
			c >= 0x06DF && c <= 0x06E8,
			c >= 0x06EA && c <= 0x06ED,
			c == 0x0640: // tatweel
			return -1
		}
		switch c {
		case 'أ', 'إ', 'آ', 'ٱ', 'ٲ', 'ٳ', 'ٵ':
			return 'ا'
		case 'ى', 'ی', 'ې', 'ێ', 'ۍ', 'ے', 'ۓ', 'ۑ':
			return 'ي'
		case 'ة', 'ۃ', 'ہ', 'ۀ', 'ھ', 'ە', 'ۂ':
			return 'ه'
		case 'ک', 'ڪ', 'گ':
			return 'ك'
		case 'ؤ', 'ئ', 'ٶ', 'ٷ', 'ٴ':
			return 'ء'
		case 'پ':
			return 'ب'
		case 'چ':
			return 'ج'
		case 'ژ':
			return 'ز'
		case 'ڤ', 'ڥ':
			return 'ف'
		case 'ڨ':
			return 'ق'
		}
		return c
	}
	switch {
	case c >= 0x08D3 && c <= 0x08FF: // extended Arabic marks
		return -1
	case c == 0x200C, c == 0x200D, c == 0x200E, c == 0x200F: // ZWNJ, ZWJ, LRM, RLM
		return -1
	}
	return unicode.ToLower(c)
}
