package arabic

import (
	"bytes"
	"strings"

	"github.com/fahras/fahras/indexer/arabic/internal/affix"
)

//go:generate go run ./internal/genlexicon -o lexicon_gen.go

// lexicon is the corpus-derived knowledge of the analysis: the words
// flagged affix.KeepPrefix or affix.KeepSuffix, the frequent short words,
// and the ordinary words, which are never taken for names.
type lexicon struct {
	flags    map[string]uint8
	short    map[string]struct{}
	ordinary map[string]struct{}
	names    map[string]struct{}
}

func (l *lexicon) Flags(w []byte) uint8 { return l.flags[string(w)] }

func (l *lexicon) Short(w []byte) bool {
	_, ok := l.short[string(w)]
	return ok
}

// Ordinary reports whether w, a clitic-free word, is an ordinary word of
// the language rather than a name: one the corpus shows taking the
// article, or such a word with a pronoun suffix (غيرنا, the word غير and
// نا), so that the analysis gives it no name key (see the package
// documentation).
func (l *lexicon) Ordinary(w []byte) bool {
	if _, ok := l.ordinary[string(w)]; ok {
		return true
	}
	for _, s := range pronounSuffixes {
		if len(w) >= len(s)+6 && bytes.HasSuffix(w, s) {
			if _, ok := l.ordinary[string(w[:len(w)-len(s)])]; ok {
				return true
			}
		}
	}
	return false
}

// Name reports whether w, a clitic-free word, is a word of a name that the
// gazetteer of package news knows: a name whatever its ending.
func (l *lexicon) Name(w []byte) bool {
	_, ok := l.names[string(w)]
	return ok
}

// pronounSuffixes are the attached pronouns an ordinary word may end with,
// longest first.
var pronounSuffixes = [][]byte{
	[]byte("هما"), []byte("كما"), []byte("ها"), []byte("هم"), []byte("هن"),
	[]byte("نا"), []byte("كم"), []byte("كن"), []byte("ه"), []byte("ي"), []byte("ك"),
}

// corpusLexicon is built from the generated lists in lexicon_gen.go.
var corpusLexicon = newLexicon(keepPrefixWords, keepSuffixWords, shortWords, ordinaryWords, nameWords)

func newLexicon(keepPrefix, keepSuffix, short, ordinary, names string) *lexicon {
	l := &lexicon{flags: map[string]uint8{}, short: map[string]struct{}{}, ordinary: map[string]struct{}{}, names: map[string]struct{}{}}
	for _, w := range strings.Fields(ordinary) {
		l.ordinary[w] = struct{}{}
	}
	for _, w := range strings.Fields(names) {
		l.names[w] = struct{}{}
	}
	for _, w := range strings.Fields(keepPrefix) {
		l.flags[w] |= affix.KeepPrefix
	}
	for _, w := range strings.Fields(keepSuffix) {
		l.flags[w] |= affix.KeepSuffix
	}
	for _, w := range strings.Fields(short) {
		l.short[w] = struct{}{}
	}
	return l
}
