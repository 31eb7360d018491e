package news

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/fahras/fahras/indexer/arabic"
	"golang.org/x/text/unicode/norm"
)

// The matching form of a text is the index's normal form,
// arabic.Normalize (see the package documentation, "Matching form").

// Runes below tableSize, and general punctuation (U+2000 to U+206F),
// have their matching form looked up in a table: ASCII, Latin, Greek,
// Cyrillic, Hebrew, Arabic and its supplement.
const (
	tableSize  = 0x0800
	punctStart = 0x2000
	punctEnd   = 0x2070
)

// Entries of the tables other than a rune.
const (
	dropRune = -1 // the rune is removed
	// slowRune: NFKC may change the rune, or combine it with the rune
	// before it, so the whole text is normalized by arabic.Normalize.
	slowRune = -2
)

// runeTable and punctTable give each rune their matching form, read off
// arabic.Normalize once, so that the two cannot disagree.
var runeTable, punctTable = func() (*[tableSize]int32, *[punctEnd - punctStart]int32) {
	composing := composingMarks()
	var t [tableSize]int32
	for r := rune(0); r < tableSize; r++ {
		t[r] = tableEntry(r, composing)
	}
	var p [punctEnd - punctStart]int32
	for r := rune(punctStart); r < punctEnd; r++ {
		p[r-punctStart] = tableEntry(r, composing)
	}
	return &t, &p
}()

// composingMarks returns the combining marks that canonical composition
// joins to a letter before them (hamza above, madda): the second runes of
// the canonical decompositions of the runes below tableSize.
func composingMarks() map[rune]bool {
	m := map[rune]bool{}
	for r := rune(0); r < tableSize; r++ {
		d := norm.NFD.PropertiesString(string(r)).Decomposition()
		for len(d) > 0 {
			_, size := utf8.DecodeRune(d)
			d = d[size:]
			if c, _ := utf8.DecodeRune(d); len(d) > 0 {
				m[c] = true
			}
		}
	}
	return m
}

// tableEntry returns the matching form of r where it does not depend on
// the runes around it, or slowRune.
func tableEntry(r rune, composing map[rune]bool) int32 {
	s := string(r)
	out := arabic.Normalize(s)
	switch {
	case composing[r]:
		return slowRune
	case out == "":
		return dropRune
	case !norm.NFKC.IsNormalString(s) || !norm.NFKC.PropertiesString(s).BoundaryBefore():
		return slowRune
	}
	m, size := utf8.DecodeRuneInString(out)
	if size != len(out) {
		return slowRune
	}
	return m
}

// lookup returns the matching form of r from the tables, or slowRune.
func lookup(r rune) int32 {
	switch {
	case r < tableSize:
		return runeTable[r]
	case r >= punctStart && r < punctEnd:
		return punctTable[r-punctStart]
	}
	return slowRune
}

// normalize returns s in matching form: arabic.Normalize(s), quicker for
// the runes of Arabic news, with each run of bytes that are not UTF-8
// read as one U+FFFD. It returns s itself when s is already in matching
// form.
func normalize(s string) string {
	i := normalPrefix(s)
	if i == len(s) {
		return s
	}
	sc := getScratch()
	sc.b = appendNormalFrom(sc.b[:0], s, i)
	out := string(sc.b)
	sc.put()
	return out
}

// normalPrefix returns len(s) when s is in matching form, and otherwise
// where appendNormalFrom is to start: the first i bytes of s are in
// matching form, and nothing after them combines with them.
func normalPrefix(s string) int {
	seg := 0 // where the last rune that nothing combines with starts
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				return i
			}
			seg = i
			i++
			continue
		}
		r, size := decodeRune(s, i)
		if lookup(r) != r {
			return seg
		}
		seg = i
		i += size
	}
	return len(s)
}

// appendNormalFrom appends s in matching form to b; the first i bytes of s
// are in matching form (see normalPrefix). Runs of runes that NFKC may
// change go through arabic.Normalize, from the last rune that nothing
// before it can combine with to the next.
func appendNormalFrom(b []byte, s string, i int) []byte {
	b = append(b, s[:i]...)
	// seg and out are where the current NFKC segment starts in s and b.
	seg, out := i, len(b)
	for i < len(s) {
		c := s[i]
		if c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			seg, out = i, len(b)
			b = append(b, c)
			i++
			continue
		}
		r, size := decodeRune(s, i)
		switch m := lookup(r); m {
		case slowRune:
			end := i + size
			for end < len(s) {
				r, size := utf8.DecodeRuneInString(s[end:])
				if m := lookup(r); m >= 0 || r < utf8.RuneSelf {
					break
				}
				end += size
			}
			b = append(b[:out], arabic.Normalize(strings.ToValidUTF8(s[seg:end], "\uFFFD"))...)
			seg, out, i = end, len(b), end
			continue
		case dropRune:
		default:
			seg, out = i, len(b)
			b = utf8.AppendRune(b, m)
		}
		i += size
	}
	return b
}

// appendNormal appends s in matching form to b.
func appendNormal(b []byte, s string) []byte {
	i := normalPrefix(s)
	if i == len(s) {
		return append(b, s...)
	}
	return appendNormalFrom(b, s, i)
}

// scratch is working memory for one call, reused through scratchPool so
// that reading an article allocates little besides what it returns.
type scratch struct {
	b, b2 []byte
	toks  []token
	ints  []int
}

var scratchPool = sync.Pool{New: func() any { return new(scratch) }}

func getScratch() *scratch { return scratchPool.Get().(*scratch) }

// maxScratch is the longest buffer (in bytes, tokens or ints) a scratch
// keeps for the next call: an outsized text does not hold on to its
// buffers.
const maxScratch = 1 << 20

// put returns the scratch to the pool, with its tokens (which its user
// leaves in toks) cleared so as not to hold on to the text.
func (sc *scratch) put() {
	clear(sc.toks)
	if cap(sc.b) > maxScratch || cap(sc.b2) > maxScratch || cap(sc.toks) > maxScratch || cap(sc.ints) > maxScratch {
		return
	}
	sc.b, sc.b2, sc.toks, sc.ints = sc.b[:0], sc.b2[:0], sc.toks[:0], sc.ints[:0]
	scratchPool.Put(sc)
}

// decodeRune is utf8.DecodeRuneInString(s[i:]), quicker for the
// two-byte runes of Arabic.
func decodeRune(s string, i int) (rune, int) {
	if c := s[i]; c >= 0xC2 && c < 0xE0 && i+1 < len(s) && s[i+1]&0xC0 == 0x80 {
		return rune(c&0x1F)<<6 | rune(s[i+1]&0x3F), 2
	}
	return utf8.DecodeRuneInString(s[i:])
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

// token is one word in matching form and whether an opening parenthesis,
// bracket or quote comes before it, perhaps with spaces between.
type token struct {
	word  string
	paren bool
}

// tokenize splits s into words in matching form. The words share one
// string.
func tokenize(s string) []token {
	return tokenizeNorm(normalize(s))
}

// tokenizeNorm splits n, which is in matching form, into words.
func tokenizeNorm(n string) []token {
	toks, _ := tokenizeInto(make([]token, 0, len(n)/8+1), n, false) // a word and a space take eight bytes or more, mostly
	return toks
}

// Classes of runes for tokenizeInto.
const (
	otherRune = iota
	wordRune
	openRune  // an opening parenthesis, bracket or quote
	spaceRune // unicode.IsSpace
)

// letterBit is set in the class of a word rune that is a letter.
const letterBit = 0x10

// runeClass is the class of each rune below tableSize.
var runeClass = func() *[tableSize]uint8 {
	var t [tableSize]uint8
	for r := rune(0); r < tableSize; r++ {
		t[r] = classOf(r)
	}
	return &t
}()

func classOf(r rune) uint8 {
	switch {
	case isWordRune(r):
		if isLetter(r) {
			return wordRune | letterBit
		}
		return wordRune
	case r == '(' || r == '[' || r == '«' || r == '"':
		return openRune
	case unicode.IsSpace(r):
		return spaceRune
	}
	return otherRune
}

// classAt returns the class of the rune that starts s[i:], and its size.
func classAt(s string, i int) (class uint8, size int) {
	c := s[i]
	switch {
	case c < utf8.RuneSelf:
		return runeClass[c], 1
	case c >= 0xC2 && c < 0xE0 && i+1 < len(s) && s[i+1]&0xC0 == 0x80:
		return runeClass[rune(c&0x1F)<<6|rune(s[i+1]&0x3F)], 2
	}
	r, size := utf8.DecodeRuneInString(s[i:])
	return classOf(r), size
}

// tokenizeInto appends the words of n, which is in matching form, to
// toks. paren says whether an opening parenthesis came last before n
// (and only spaces after it); the result says the same at n's end.
func tokenizeInto(toks []token, n string, paren bool) ([]token, bool) {
	start := -1
	for i := 0; i < len(n); {
		class, size := classAt(n, i)
		class &^= letterBit
		if class == wordRune {
			if start < 0 {
				start = i
			}
			i += size
			continue
		}
		if start >= 0 {
			toks = append(toks, token{word: n[start:i], paren: paren})
			start, paren = -1, false
		}
		switch class {
		case openRune:
			paren = true
		case spaceRune:
			// keep paren across spaces: "( واس )"
		default:
			paren = false
		}
		i += size
	}
	if start >= 0 {
		toks = append(toks, token{word: n[start:], paren: paren})
		paren = false
	}
	return toks, paren
}

// nextWord returns the start and end of the first word of n, which is in
// matching form, at or after byte i, as tokenizeInto finds the words; -1
// and -1 when there is none.
func nextWord(n string, i int) (start, end int) {
	start = -1
	for i < len(n) {
		class, size := classAt(n, i)
		if class&^letterBit == wordRune {
			if start < 0 {
				start = i
			}
		} else if start >= 0 {
			return start, i
		}
		i += size
	}
	if start >= 0 {
		return start, len(n)
	}
	return -1, -1
}

// appendWords appends the words of s in matching form to ws.
func appendWords(ws []string, s string) []string {
	n := normalize(s)
	for i := 0; ; {
		a, e := nextWord(n, i)
		if a < 0 {
			return ws
		}
		ws = append(ws, n[a:e])
		i = e
	}
}

// appendSquash appends to b the words of s in matching form, one space
// between them: strings.Join(words(s), " "), for comparing lines.
func appendSquash(b []byte, s string) []byte {
	n := normalize(s)
	for i, first := 0, true; ; first = false {
		a, e := nextWord(n, i)
		if a < 0 {
			return b
		}
		if !first {
			b = append(b, ' ')
		}
		b = append(b, n[a:e]...)
		i = e
	}
}

// words returns the words of s in matching form.
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
	for i := 0; i < len(s); {
		class, size := classAt(s, i)
		i += size
		if class&^letterBit == wordRune {
			in = true
			letter = letter || class&letterBit != 0
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

// normalizeAll puts each of list in matching form, in place, and returns
// it.
func normalizeAll(list []string) []string {
	for i, p := range list {
		list[i] = normalize(p)
	}
	return list
}

// wordSet returns the set of the given words in matching form.
func wordSet(ws ...string) map[string]bool {
	m := make(map[string]bool, len(ws))
	for _, w := range normalizeAll(ws) {
		m[w] = true
	}
	return m
}
