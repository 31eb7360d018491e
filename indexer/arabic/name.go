package arabic

import "unicode/utf8"

// NameKeyPrefix starts every name key, so that keys never collide with the
// ordinary terms of another field or analyzer.
const NameKeyPrefix = "n:"

// Thresholds of the name key rule (see the package documentation).
const (
	// MinNameLetters is the fewest letters a word, or a joined pair of
	// words, must have to get a key.
	MinNameLetters = 4
	// MinWordSkeleton is the fewest skeleton letters a single word's key
	// needs: بوتين and بوتن are بتن.
	MinWordSkeleton = 3
	// MinPairSkeleton is the fewest skeleton letters a joined pair's key
	// needs: جين بينغ and جينبينغ are كنبنك.
	MinPairSkeleton = 4
)

// stopSet holds StopWords.
var stopSet = func() map[string]struct{} {
	m := make(map[string]struct{}, len(StopWords))
	for _, w := range StopWords {
		m[w] = struct{}{}
	}
	return m
}()

// isStopWord reports whether a normalized word is a stop word.
func isStopWord(w []byte) bool {
	_, ok := stopSet[string(w)]
	return ok
}

// appendKey appends to dst NameKeyPrefix and the consonant skeleton of a
// then b read as one word, or nothing when that has fewer than
// MinNameLetters letters or its skeleton fewer than min letters. The
// skeleton keeps the first letter, drops later ا و ي ء, writes ج غ ق ك all
// as ك and collapses a letter repeated.
func appendKey(dst, a, b []byte, min int) []byte {
	if runes(a)+runes(b) < MinNameLetters {
		return dst
	}
	start := len(dst)
	dst = append(dst, NameKeyPrefix...)
	n := 0
	var last rune = -1
	for i, part := range [2][]byte{a, b} {
		for j := 0; j < len(part); {
			r, size := rune(part[j]), 1
			if r >= utf8.RuneSelf {
				r, size = utf8.DecodeRune(part[j:])
			}
			first := i == 0 && j == 0
			j += size
			switch r {
			case 'ا', 'و', 'ي', 'ء':
				if !first {
					continue
				}
			case 'ج', 'غ', 'ق', 'ك':
				r = 'ك'
			}
			if r == last {
				continue
			}
			dst = utf8.AppendRune(dst, r)
			last = r
			n++
		}
	}
	if n < min {
		return dst[:start]
	}
	return dst
}

// runes counts the runes of a word, fast for the two-byte letters of
// normalized Arabic.
func runes(w []byte) int {
	if isArabicWord(w) {
		return len(w) / 2
	}
	return utf8.RuneCount(w)
}
