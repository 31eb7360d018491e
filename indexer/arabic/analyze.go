package arabic

import (
	"bytes"

	"github.com/fahras/fahras/indexer/arabic/internal/affix"
)

// Token is one word of a text as Fahras indexes it. The index holds its
// stem at its position, its exact form beside the stem when the two
// differ, and its name keys when it may be a name.
type Token struct {
	// Pos is the word's position, from 1: its index among the words that
	// Words finds in the text. Stop words and words that normalize to
	// nothing are not tokens but keep their positions, so a phrase
	// matches across them as it reads in the text.
	Pos int
	// Start and End are the word's byte offsets in the text.
	Start, End int
	// Exact is the word normalized (see Normalize); Free is Exact
	// without its clitics and article (و ف ب ل ك ال …), the word as
	// inflected; Stem is its light stem (see Stem), Free without its
	// suffixes. Free is a part of Exact, and so is Stem, except that a
	// feminine noun's stem ends in the noun's ة (علاقه of العلاقات).
	Exact, Free, Stem []byte
	// Key is the word's name key (NameKeyPrefix and its consonant
	// skeleton) when the word may be a name, else nil.
	Key []byte
	// PairKey is the name key of this word and the next one joined, when
	// both may be names, one of them has three letters or fewer (a
	// syllable of a name written in two), and the next directly follows:
	// how جين بينغ matches جينبينغ. Nil otherwise.
	PairKey []byte
}

// Analyzer cuts a text into Tokens in one pass: words, normalization,
// stop words, stems and name keys. Its zero value is ready to use; it
// reuses its memory from one call to the next, so it is not safe for
// concurrent use and the Tokens it returns are valid until its next call.
type Analyzer struct {
	buf  []byte
	toks []Token
	// stop, when set, replaces isStopWord: for measuring the stop list.
	stop func([]byte) bool
}

// Analyze returns the tokens of text. Any string is accepted: bytes that
// are not UTF-8 separate words.
func (a *Analyzer) Analyze(text string) []Token {
	// Normalized words, stems and keys are all written to buf, which is
	// only appended to, so earlier slices of it stay valid if it grows.
	if cap(a.buf) < 2*len(text)+64 {
		a.buf = make([]byte, 0, 2*len(text)+64)
	}
	a.buf, a.toks = a.buf[:0], a.toks[:0]
	pos := 0
	var prevFree []byte // the previous token's clitic-free form when it may be a name
	prevPos := -1
	Words(text, func(start, end int) {
		pos++
		off := len(a.buf)
		a.buf = append(a.buf, text[start:end]...)
		w := normalizeBytes(a.buf[off:])
		if len(w) > 0 && &w[0] != &a.buf[off] {
			a.buf = append(a.buf[:off], w...)
		} else {
			a.buf = a.buf[:off+len(w)]
		}
		w = a.buf[off:len(a.buf):len(a.buf)]
		if len(w) == 0 || a.isStop(w) {
			a.buf = a.buf[:off]
			return
		}
		t := Token{Pos: pos, Start: start, End: end, Exact: w, Free: w, Stem: w}
		var free []byte
		if isArabicWord(w) {
			free = affix.StripPrefix(w, corpusLexicon)
			t.Free = free
			t.Stem, a.buf = stemFree(a.buf, free)
			if mayBeName(free, t.Stem) {
				k := len(a.buf)
				a.buf = appendKey(a.buf, free, nil, MinWordSkeleton)
				if len(a.buf) > k {
					t.Key = a.buf[k:len(a.buf):len(a.buf)]
				}
			} else {
				free = nil
			}
		}
		if free != nil && prevFree != nil && prevPos == pos-1 && (runes(free) <= 3 || runes(prevFree) <= 3) {
			k := len(a.buf)
			a.buf = appendKey(a.buf, prevFree, free, MinPairSkeleton)
			if len(a.buf) > k {
				a.toks[len(a.toks)-1].PairKey = a.buf[k:len(a.buf):len(a.buf)]
			}
		}
		prevFree, prevPos = free, pos
		a.toks = append(a.toks, t)
	})
	return a.toks
}

func (a *Analyzer) isStop(w []byte) bool {
	if a.stop != nil {
		return a.stop(w)
	}
	return isStopWord(w)
}

// mayBeName tells whether a clitic-free word may be a name, so that it gets
// a name key: not an ordinary word (see lexicon.Ordinary), and not
// inflected (a suffix the stemmer strips, as from الروسية, marks a word
// of the language; the corpus lists keep the endings of names such as
// بوتين) — unless it is a word of a name the gazetteer knows (سلمان,
// whose ان the stemmer strips).
func mayBeName(free, stem []byte) bool {
	return corpusLexicon.Name(free) || len(free) == len(stem) && !corpusLexicon.Ordinary(free)
}

// Differs reports whether the token's exact form is not its stem, so that
// the index holds it apart.
func (t *Token) Differs() bool { return !bytes.Equal(t.Exact, t.Stem) }

// ExactPrefix starts the index term of a word's exact form, which the
// index holds beside its stem when the two differ: "=الروسيه" beside
// "روس". (The form without clitics, Free, matched more widely but ranked
// ARCD's questions lower: MRR@10 0.7911 against 0.7947.)
const ExactPrefix = "="

// Version is the version of the analysis's rules. Change it with any rule
// that changes the tokens of a text (a word list regenerated, a normalization,
// a stemming or name key rule): an index analysed under another version is
// rebuilt rather than updated, so that old and new articles are cut alike.
// TestVersionFingerprint fails until it is changed.
const Version = 4
