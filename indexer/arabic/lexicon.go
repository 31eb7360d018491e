package arabic

import (
	"strings"

	"github.com/fahras/fahras/indexer/arabic/internal/affix"
)

//go:generate go run ./internal/genlexicon -o lexicon_gen.go

// lexicon is the corpus-derived knowledge of the stemmer: the words flagged
// affix.KeepPrefix or affix.KeepSuffix, and the frequent short words.
type lexicon struct {
	flags map[string]uint8
	short map[string]struct{}
}

func (l *lexicon) Flags(w []byte) uint8 { return l.flags[string(w)] }

func (l *lexicon) Short(w []byte) bool {
	_, ok := l.short[string(w)]
	return ok
}

// corpusLexicon is built from the generated lists in lexicon_gen.go.
var corpusLexicon = newLexicon(keepPrefixWords, keepSuffixWords, shortWords)

func newLexicon(keepPrefix, keepSuffix, short string) *lexicon {
	l := &lexicon{flags: map[string]uint8{}, short: map[string]struct{}{}}
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
