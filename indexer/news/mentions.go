package news

import "unicode/utf8"

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
		try(people.byFirst[w])
		for _, p := range cliticForms[0] {
			if len(w)-len(p.prefix) >= 4 && len(w) > len(p.prefix) && w[:len(p.prefix)] == p.prefix {
				try(people.byFirst[w[len(p.prefix):]])
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
	if vs, ok := people.byFirst[w]; ok {
		try(vs)
	}
	switch w[:2] {
	case "و", "ف", "ب", "ل", "ك":
		for _, p := range cliticForms[0] {
			if len(w)-len(p.prefix) >= 4 && w[:len(p.prefix)] == p.prefix {
				if vs, ok := people.byFirst[w[len(p.prefix):]]; ok {
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
	for w := range people.byFirst {
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

// FoldRune maps one rune to the matching form the gazetteer uses, or to
// -1 when it is dropped: alef forms become bare alef, alef maqsura ya, ta
// marbuta ha, hamza seats their bare letters; diacritics and tatweel are
// dropped; Arabic-Indic and Persian digits become ASCII; Latin letters
// are lower-cased.
func FoldRune(r rune) rune { return normalizeRune(r) }

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
			if m := normalizeRune(r); m >= 0 {
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
