package indexer

import (
	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/analysis/lang/ar"
	"github.com/blevesearch/bleve/v2/analysis/token/lowercase"
	"github.com/blevesearch/bleve/v2/analysis/token/unicodenorm"
	"github.com/blevesearch/bleve/v2/analysis/tokenizer/unicode"
	"github.com/blevesearch/bleve/v2/registry"
)

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
