package news

import (
	"strings"
	"unicode/utf8"

	"github.com/fahras/fahras/indexer/arabic"
)

// Mention is one name found in a text: its canonical form and the byte
// span where the text writes it.
type Mention struct {
	// Canonical is the gazetteer's name for the person ("سيرغي لافروف").
	Canonical string
	// Start and End are byte offsets of the name as written, a clitic
	// before it (و، ب، ل …) included.
	Start, End int
}

// PeopleIn returns every mention of a person of the gazetteer in text,
// in text order, with where it is written. It matches what People
// matches: the same variants, clitics and word boundaries. Where two
// variants start at one word, the longer is taken.
func PeopleIn(text string) []Mention {
	toks := spanTokens(text)
	var out []Mention
	for i := 0; i < len(toks); i++ {
		best, bestLen := "", 0
		try := func(vs []variant) {
			for _, v := range vs {
				if v.parenOnly && !toks[i].paren || i+len(v.words) > len(toks) || len(v.words) <= bestLen {
					continue
				}
				ok := true
				for k := 1; k < len(v.words); k++ {
					if toks[i+k].word != v.words[k] {
						ok = false
						break
					}
				}
				if ok {
					best, bestLen = v.canonical, len(v.words)
				}
			}
		}
		w := toks[i].word
		try(mentionPeople.byFirst[w])
		for _, p := range namePrefixes {
			if len(w)-len(p) >= 4 && len(w) > len(p) && w[:len(p)] == p {
				try(mentionPeople.byFirst[w[len(p):]])
			}
		}
		if bestLen > 0 {
			out = append(out, Mention{Canonical: best, Start: toks[i].start, End: toks[i+bestLen-1].end})
			i += bestLen - 1
		}
	}
	return out
}

// PersonAt returns the gazetteer person whose name starts at words[i],
// and how many words the name takes, or "" and 0. The words are in
// matching form (see FoldRune), "" standing for punctuation, which no
// name crosses; a clitic (و، ب، ل …) may begin the first word, as for
// People. Where two variants start at one word, the longer is taken.
func PersonAt(words []string, i int) (string, int) {
	w := words[i]
	if len(w) < 4 || !personTails[tailKey(w)] {
		return "", 0
	}
	best, bestLen := "", 0
	try := func(vs []variant) {
		for _, v := range vs {
			if v.parenOnly || i+len(v.words) > len(words) || len(v.words) <= bestLen {
				continue
			}
			ok := true
			for k := 1; k < len(v.words); k++ {
				if words[i+k] != v.words[k] {
					ok = false
					break
				}
			}
			if ok {
				best, bestLen = v.canonical, len(v.words)
			}
		}
	}
	if vs, ok := mentionPeople.byFirst[w]; ok {
		try(vs)
	}
	switch w[:2] {
	case "و", "ف", "ب", "ل", "ك":
		for _, p := range namePrefixes {
			if len(w)-len(p) >= 4 && w[:len(p)] == p {
				if vs, ok := mentionPeople.byFirst[w[len(p):]]; ok {
					try(vs)
				}
			}
		}
	}
	return best, bestLen
}

// personTails marks the last four bytes of every first word of a
// person's name: a word whose ending is not marked starts no name, with
// or without a clitic before it, and is passed over without a map
// look-up.
var personTails = func() *[1 << 16]bool {
	var t [1 << 16]bool
	for w := range mentionPeople.byFirst {
		if len(w) >= 4 {
			t[tailKey(w)] = true
		}
	}
	return &t
}()

// tailKey hashes the last four bytes of w into 16 bits.
func tailKey(w string) uint16 {
	n := len(w)
	k := uint32(w[n-1]) | uint32(w[n-2])<<8 | uint32(w[n-3])<<16 | uint32(w[n-4])<<24
	k *= 0x9E3779B1
	return uint16(k >> 16)
}

// FoldRune maps one rune to the form in which mentions are matched, or to
// -1 when it is dropped: the matching form of the index (alef forms
// become bare alef, alef maqsura ya, ta marbuta ha; diacritics and
// tatweel are dropped; Arabic-Indic and Persian digits become ASCII;
// Latin letters are lower-cased), except that a hamza on waw or ya
// becomes the bare letter (يؤكد → يوكد, رئيس → رييس), as word lists are
// most easily written.
func FoldRune(r rune) rune {
	switch r {
	case 'ؤ':
		return 'و'
	case 'ئ':
		return 'ي'
	}
	switch m := lookup(r); m {
	case dropRune:
		return -1
	case slowRune:
		// A rune NFKC may change: its form alone.
		out := arabic.Normalize(string(r))
		if out == "" {
			return -1
		}
		m, _ := utf8.DecodeRuneInString(out)
		return m
	default:
		return m
	}
}

// mentionPeople is the people gazetteer in the form FoldRune gives.
var mentionPeople = func() gazetteer {
	seats := strings.NewReplacer("ؤ", "و", "ئ", "ي")
	list := make([]entry, len(peopleList))
	for i, e := range peopleList {
		list[i] = entry{canonical: e.canonical, variants: make([]string, len(e.variants))}
		for k, v := range e.variants {
			list[i].variants[k] = seats.Replace(v)
		}
	}
	return buildGazetteer(list, false)
}()

// namePrefixes are the clitics that may come before a person's name: و or
// ف, then ب, ل or ك (see conjClitics, prepClitics).
var namePrefixes = func() []string {
	var out []string
	for _, c := range append([]string{""}, conjClitics...) {
		for _, p := range append([]string{""}, prepClitics...) {
			if c+p != "" {
				out = append(out, c+p)
			}
		}
	}
	return out
}()

// spanToken is a normalized word and its byte span in the text.
type spanToken struct {
	word       string
	start, end int
	paren      bool // an opening parenthesis, bracket or quote comes before it
}

// spanTokens splits s into normalized words as tokenize does, keeping
// each word's byte span.
func spanTokens(s string) []spanToken {
	var out []spanToken
	buf := make([]byte, 0, 16)
	start, prevParen, paren := -1, false, false
	flush := func(end int) {
		if start >= 0 && len(buf) > 0 {
			out = append(out, spanToken{word: string(buf), start: start, end: end, paren: paren})
		}
		start, buf = -1, buf[:0]
	}
	for i, r := range s {
		if isWordRune(r) {
			if start < 0 {
				start, paren = i, prevParen
			}
			if m := FoldRune(r); m >= 0 {
				buf = utf8.AppendRune(buf, m)
			}
			prevParen = false
			continue
		}
		flush(i)
		switch {
		case r == '(' || r == '[' || r == '«' || r == '"':
			prevParen = true
		case r == ' ' || r == '\t' || r == '\n':
		default:
			prevParen = false
		}
	}
	flush(len(s))
	return out
}
