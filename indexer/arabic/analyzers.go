package arabic

import (
	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/registry"
)

// AnalyzerName is the name under which this package registers its analysis
// with bleve's registry (as bleve's analysis/lang/ar registers "ar"), for
// bleve mappings and queries: each word's stem at its position, with its
// exact form (ExactPrefix) and name keys (NameKeyPrefix) beside it, as
// Analyzer gives them.
const AnalyzerName = "fahras"

// bleveAnalyzer is the analysis as a bleve analysis.Analyzer.
type bleveAnalyzer struct{}

// Analyze implements analysis.Analyzer.
func (bleveAnalyzer) Analyze(input []byte) analysis.TokenStream {
	var a Analyzer
	toks := a.Analyze(string(input))
	out := make(analysis.TokenStream, 0, 2*len(toks))
	add := func(t *Token, term []byte, start, end int) {
		out = append(out, &analysis.Token{Term: append([]byte(nil), term...), Position: t.Pos, Start: start, End: end, Type: analysis.AlphaNumeric})
	}
	for i := range toks {
		t := &toks[i]
		add(t, t.Stem, t.Start, t.End)
		if t.Differs() {
			add(t, append([]byte(ExactPrefix), t.Exact...), t.Start, t.End)
		}
		if t.Key != nil {
			add(t, t.Key, t.Start, t.End)
		}
		if t.PairKey != nil && i+1 < len(toks) {
			add(t, t.PairKey, t.Start, toks[i+1].End)
		}
	}
	return out
}

func init() {
	err := registry.RegisterAnalyzer(AnalyzerName, func(map[string]interface{}, *registry.Cache) (analysis.Analyzer, error) {
		return bleveAnalyzer{}, nil
	})
	if err != nil {
		panic(err)
	}
}
