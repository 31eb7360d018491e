package arabic

import (
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/analysis/tokenizer/unicode"
	"github.com/blevesearch/bleve/v2/registry"
)

// NameFilterName is the registry name of the name key filter; it expects
// normalized tokens with stop words removed.
const NameFilterName = "fahras_ar_name"

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

// Every pair of adjacent words gets a key, not only pairs of short words
// (the syllables that names written in two are made of): the pairs of
// ordinary words act as a match of two words side by side, worth 0.0035
// MRR@10 on ARCD. They cost a name-field dictionary ten times the size
// of the text's (654,000 terms for 8,000 SaudiNewsNet articles against
// 172,000 with words of four letters at most), a fifth of the indexing
// time and a quarter of its memory.

// NameFilter replaces each word by its name key, if it has one, and adds the
// key of each pair of adjacent words joined, at the first word's position.
type NameFilter struct{}

// Filter implements analysis.TokenFilter.
func (NameFilter) Filter(input analysis.TokenStream) analysis.TokenStream {
	// At most two keys a token: one array of tokens and one buffer of key
	// bytes for the whole stream, rather than two allocations a key.
	toks := make([]analysis.Token, 0, 2*len(input))
	out := make(analysis.TokenStream, 0, 2*len(input))
	buf := make([]byte, 0, 16*len(input))
	var prev []byte
	prevPos := -1
	var prevTok *analysis.Token
	for _, tok := range input {
		var w []byte
		if isArabicWord(tok.Term) {
			w = stripClitics(tok.Term)
		}
		if w != nil {
			start := len(buf)
			if buf = appendKey(buf, w, nil, MinWordSkeleton); len(buf) > start {
				toks = append(toks, analysis.Token{Term: buf[start:len(buf):len(buf)], Position: tok.Position, Start: tok.Start, End: tok.End, Type: tok.Type})
				out = append(out, &toks[len(toks)-1])
			}
			if prev != nil && prevPos+1 == tok.Position {
				start := len(buf)
				if buf = appendKey(buf, prev, w, MinPairSkeleton); len(buf) > start {
					toks = append(toks, analysis.Token{Term: buf[start:len(buf):len(buf)], Position: prevPos, Start: prevTok.Start, End: tok.End, Type: tok.Type})
					out = append(out, &toks[len(toks)-1])
				}
			}
		}
		prev, prevPos, prevTok = w, tok.Position, tok
	}
	return out
}

// NameKey is one name key of a query, and the query words it covers.
type NameKey struct {
	Term        string // the indexed term, starting with NameKeyPrefix
	First, Last int    // indexes in the query's words of the first and last word covered
}

// NameKeys returns the name keys that the fahras_name analyzer indexes for
// the text made of words (in order, separated by spaces), with the indexes
// of the words each key covers: one key per word that has one, then one per
// adjacent pair whose joined form has one. Stop words get no key and break
// pairs, as in the index. The search package ORs these keys in with a low
// weight.
func NameKeys(words []string) []NameKey {
	type qtok struct {
		term []byte
		word int
	}
	var toks []qtok
	tokenizer := unicode.NewUnicodeTokenizer()
	for i, w := range words {
		for _, t := range tokenizer.Tokenize([]byte(w)) {
			toks = append(toks, qtok{normalizeBytes(t.Term), i})
		}
	}
	var keys []NameKey
	var prev []byte
	prevWord := -1
	for _, t := range toks {
		var w []byte
		if len(t.term) > 0 && !isStopWord(t.term) && isArabicWord(t.term) {
			w = stripClitics(t.term)
			if key := wordKey(w); key != nil {
				keys = append(keys, NameKey{string(key), t.word, t.word})
			}
			if prev != nil {
				if key := pairKey(prev, w); key != nil {
					keys = append(keys, NameKey{string(key), prevWord, t.word})
				}
			}
		}
		// A token dropped by normalization or as a stop word leaves a gap
		// in the index's positions, so no pair spans it.
		prev, prevWord = w, t.word
	}
	return keys
}

var stopSet = func() map[string]struct{} {
	m := make(map[string]struct{}, len(StopWords))
	for _, w := range StopWords {
		m[w] = struct{}{}
	}
	return m
}()

func isStopWord(w []byte) bool {
	_, ok := stopSet[string(w)]
	return ok
}

// wordKey returns the name key of one clitic-free word, or nil.
func wordKey(w []byte) []byte {
	return nilIfEmpty(appendKey(nil, w, nil, MinWordSkeleton))
}

// pairKey returns the name key of two adjacent clitic-free words joined, or
// nil.
func pairKey(a, b []byte) []byte {
	return nilIfEmpty(appendKey(nil, a, b, MinPairSkeleton))
}

func nilIfEmpty(b []byte) []byte {
	if len(b) == 0 {
		return nil
	}
	return b
}

// appendKey appends to dst NameKeyPrefix and the consonant skeleton of a
// then b read as one word, or nothing when that has fewer than
// MinNameLetters letters or its skeleton fewer than min letters. The
// skeleton keeps the first letter, drops later ا و ي ء, writes ج غ ق ك all
// as ك and collapses a letter repeated.
func appendKey(dst, a, b []byte, min int) []byte {
	if utf8.RuneCount(a)+utf8.RuneCount(b) < MinNameLetters {
		return dst
	}
	start := len(dst)
	dst = append(dst, NameKeyPrefix...)
	n := 0
	var last rune = -1
	for i, part := range [2][]byte{a, b} {
		for j := 0; j < len(part); {
			r, size := utf8.DecodeRune(part[j:])
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

func init() {
	err := registry.RegisterTokenFilter(NameFilterName, func(map[string]interface{}, *registry.Cache) (analysis.TokenFilter, error) {
		return NameFilter{}, nil
	})
	if err != nil {
		panic(err)
	}
}
