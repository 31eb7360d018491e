package arabic

import (
	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/analysis/tokenizer/unicode"
	"github.com/blevesearch/bleve/v2/registry"
)

// Names of the analyzers this package registers with bleve's registry.
const (
	// ExactAnalyzer tokenizes with bleve's unicode tokenizer, normalizes
	// and removes stop words; it does not stem.
	ExactAnalyzer = "fahras_exact"
	// StemAnalyzer is ExactAnalyzer followed by light stemming.
	StemAnalyzer = "fahras_stem"
	// NameAnalyzer is ExactAnalyzer followed by name keys: it indexes only
	// terms starting with NameKeyPrefix.
	NameAnalyzer = "fahras_name"
)

func register(name string, last analysis.TokenFilter) {
	err := registry.RegisterAnalyzer(name, func(_ map[string]interface{}, cache *registry.Cache) (analysis.Analyzer, error) {
		tok, err := cache.TokenizerNamed(unicode.Name)
		if err != nil {
			return nil, err
		}
		stop, err := cache.TokenFilterNamed(StopFilterName)
		if err != nil {
			return nil, err
		}
		filters := []analysis.TokenFilter{NormalizeFilter{}, stop}
		if last != nil {
			filters = append(filters, last)
		}
		return &analysis.DefaultAnalyzer{Tokenizer: tok, TokenFilters: filters}, nil
	})
	if err != nil {
		panic(err)
	}
}

func init() {
	register(ExactAnalyzer, nil)
	register(StemAnalyzer, StemFilter{})
	register(NameAnalyzer, NameFilter{})
}
