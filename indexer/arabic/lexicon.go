package arabic

import (
	"bytes"
	"strings"

	"github.com/fahras/fahras/indexer/arabic/internal/affix"
)

//go:generate go run ./internal/genlexicon -o lexicon_gen.go

// lexicon is the corpus-derived knowledge of the analysis, one set of
// flags a word: affix.KeepPrefix and affix.KeepSuffix, the frequent short
// words, the ordinary words (never taken for names) and the words of
// known names (always taken for names). One map, so that a word is looked
// up once for all it may be.
type lexicon struct {
	words map[string]uint8
}

// Flags of a word in a lexicon, besides affix's.
const (
	flagShort uint8 = 1 << (iota + 4)
	flagOrdinary
	flagName
)

func (l *lexicon) Flags(w []byte) uint8 { return l.words[string(w)] }

func (l *lexicon) Short(w []byte) bool { return l.words[string(w)]&flagShort != 0 }

// Ordinary reports whether w, a clitic-free word, is an ordinary word of
// the language rather than a name: one the corpus shows taking the
// article, or such a word with a pronoun suffix (غيرنا, the word غير and
// نا) or with the accusative ending ا (محايدا, which cannot take the
// article), so that the analysis gives it no name key (see the package
// documentation).
func (l *lexicon) Ordinary(w []byte) bool {
	if l.words[string(w)]&flagOrdinary != 0 {
		return true
	}
	if len(w) < 8 || !pronounEnd(w[len(w)-1]) {
		return false
	}
	if bytes.HasSuffix(w, accusative) && l.words[string(w[:len(w)-len(accusative)])]&flagOrdinary != 0 {
		return true
	}
	for _, s := range pronounSuffixes {
		if len(w) >= len(s)+6 && bytes.HasSuffix(w, s) && l.words[string(w[:len(w)-len(s)])]&flagOrdinary != 0 {
			return true
		}
	}
	return false
}

// pronounEnd tells whether the last byte of a word can end a pronoun
// suffix: ا ك ه ي ن م are D8 A7, D9 83, D9 87, D9 8A, D9 86, D9 85.
func pronounEnd(b byte) bool {
	return b == 0xA7 || b == 0x83 || b == 0x87 || b == 0x8A || b == 0x86 || b == 0x85
}

// Name reports whether w, a clitic-free word, is a word of a name that the
// gazetteer of package news knows: a name whatever its ending.
func (l *lexicon) Name(w []byte) bool { return l.words[string(w)]&flagName != 0 }

// accusative is the ending ا of an indefinite noun or adjective in the
// accusative (tanwin al-fath).
var accusative = []byte("ا")

// pronounSuffixes are the attached pronouns an ordinary word may end with,
// longest first.
var pronounSuffixes = [][]byte{
	[]byte("هما"), []byte("كما"), []byte("ها"), []byte("هم"), []byte("هن"),
	[]byte("نا"), []byte("كم"), []byte("كن"), []byte("ه"), []byte("ي"), []byte("ك"),
}

// corpusLexicon is built from the generated lists in lexicon_gen.go.
var corpusLexicon = newLexicon(keepPrefixWords, keepSuffixWords, feminineWords, shortWords, ordinaryWords, nameWords)

func newLexicon(keepPrefix, keepSuffix, feminine, short, ordinary, names string) *lexicon {
	l := &lexicon{words: make(map[string]uint8, 30000)}
	for _, list := range []struct {
		words string
		flag  uint8
	}{{keepPrefix, affix.KeepPrefix}, {keepSuffix, affix.KeepSuffix}, {feminine, affix.Feminine}, {short, flagShort}, {ordinary, flagOrdinary}, {names, flagName}} {
		for _, w := range strings.Fields(list.words) {
			l.words[w] |= list.flag
		}
	}
	return l
}
