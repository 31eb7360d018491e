package store

import (
	"fmt"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/analysis/lang/ar"
	"github.com/blevesearch/bleve/v2/analysis/token/lowercase"
	"github.com/blevesearch/bleve/v2/analysis/token/unicodenorm"
	"github.com/blevesearch/bleve/v2/analysis/tokenizer/unicode"
	"github.com/blevesearch/bleve/v2/registry"

	"github.com/fahras/fahras/indexer/arabic"
)

// TextAnalyzer cuts a text into the tokens the index holds. One is not
// safe for concurrent use: the tokens it returns are valid until its next
// call.
type TextAnalyzer interface {
	// Analyze returns the tokens of a text, in order.
	Analyze(text string) []arabic.Token
}

// NewAnalyzer returns an analyzer of the analysis.
func (a Analysis) NewAnalyzer() (TextAnalyzer, error) {
	if a == AnalysisFahras {
		return new(arabic.Analyzer), nil
	}
	ba, err := registry.NewCache().AnalyzerNamed(a.bleveAnalyzer())
	if err != nil {
		return nil, fmt.Errorf("analysis %s: %w", a, err)
	}
	return &bleveTokens{a: ba}, nil
}

// bleveTokens gives a bleve analyzer's tokens as arabic.Tokens: a stem
// only, no exact form, no name key.
type bleveTokens struct {
	a    analysis.Analyzer
	toks []arabic.Token
}

func (b *bleveTokens) Analyze(text string) []arabic.Token {
	b.toks = b.toks[:0]
	for _, t := range b.a.Analyze([]byte(text)) {
		b.toks = append(b.toks, arabic.Token{Pos: t.Position, Start: t.Start, End: t.End, Exact: t.Term, Free: t.Term, Stem: t.Term})
	}
	return b.toks
}

// NormalizeTerm normalizes one query word the way the analysis normalizes
// the words it indexes, without stemming it or dropping it as a stop
// word: what prefix, wildcard and fuzzy terms are matched with.
func (a Analysis) NormalizeTerm(s string) string {
	if a == AnalysisFahras {
		return arabic.Normalize(s)
	}
	ts := analysis.TokenStream{&analysis.Token{Term: []byte(s), Type: analysis.AlphaNumeric}}
	ts = lowercase.NewLowerCaseFilter().Filter(ts)
	ts = unicodenorm.MustNewUnicodeNormalizeFilter(unicodenorm.NFKC).Filter(ts)
	ts = ar.NewArabicNormalizeFilter().Filter(ts)
	return string(ts[0].Term)
}

// noStemAnalyzer is bleve's "ar" analyzer without its stemmer: the
// baseline that shows what stemming adds.
const noStemAnalyzer = "fahras_ar_nostem"

func init() {
	err := registry.RegisterAnalyzer(noStemAnalyzer, func(config map[string]interface{}, cache *registry.Cache) (analysis.Analyzer, error) {
		tok, err := cache.TokenizerNamed(unicode.Name)
		if err != nil {
			return nil, err
		}
		filters := []analysis.TokenFilter{nil, unicodenorm.MustNewUnicodeNormalizeFilter(unicodenorm.NFKC), nil, nil}
		for i, name := range map[int]string{0: lowercase.Name, 2: ar.StopName, 3: ar.NormalizeName} {
			if filters[i], err = cache.TokenFilterNamed(name); err != nil {
				return nil, err
			}
		}
		return &analysis.DefaultAnalyzer{Tokenizer: tok, TokenFilters: filters}, nil
	})
	if err != nil {
		panic(err)
	}
}
