package arabic

import (
	"testing"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/analysis/lang/ar"
	"github.com/blevesearch/bleve/v2/registry"
)

var testCache = registry.NewCache()

// What the tests look at of the analysis, each as a bleve analyzer
// registered under its name: the exact forms, the stems, the name keys
// (word and pair keys), and the stems with the question words kept.
const (
	exactTerms         = "fahras_test_exact"
	stemTerms          = "fahras_test_stem"
	nameTerms          = "fahras_test_name"
	stemKeepsQuestions = "fahras_test_stem_keep_questions"
)

// partAnalyzer gives one part of each Token as a bleve token.
type partAnalyzer struct {
	part func(*Token) [][]byte
	stop func([]byte) bool
}

func (p partAnalyzer) Analyze(text []byte) analysis.TokenStream {
	a := Analyzer{stop: p.stop}
	var out analysis.TokenStream
	for i := range a.Analyze(string(text)) {
		t := &a.toks[i]
		for _, term := range p.part(t) {
			out = append(out, &analysis.Token{Term: append([]byte(nil), term...), Position: t.Pos, Start: t.Start, End: t.End, Type: analysis.AlphaNumeric})
		}
	}
	return out
}

func init() {
	keep := map[string]bool{}
	for _, w := range questionWords {
		keep[w] = true
	}
	for name, p := range map[string]partAnalyzer{
		exactTerms: {part: func(t *Token) [][]byte { return [][]byte{t.Exact} }},
		stemTerms:  {part: func(t *Token) [][]byte { return [][]byte{t.Stem} }},
		nameTerms: {part: func(t *Token) [][]byte {
			var out [][]byte
			for _, k := range [][]byte{t.Key, t.PairKey} {
				if k != nil {
					out = append(out, k)
				}
			}
			return out
		}},
		stemKeepsQuestions: {
			part: func(t *Token) [][]byte { return [][]byte{t.Stem} },
			stop: func(w []byte) bool { return isStopWord(w) && !keep[string(w)] },
		},
	} {
		err := registry.RegisterAnalyzer(name, func(map[string]interface{}, *registry.Cache) (analysis.Analyzer, error) { return p, nil })
		if err != nil {
			panic(err)
		}
	}
}

func analyzer(t testing.TB, name string) analysis.Analyzer {
	t.Helper()
	a, err := testCache.AnalyzerNamed(name)
	if err != nil {
		t.Fatal(err)
	}
	return a
}

// terms returns the terms the named analyzer indexes for text.
func terms(t testing.TB, name, text string) []string {
	t.Helper()
	var out []string
	for _, tok := range analyzer(t, name).Analyze([]byte(text)) {
		out = append(out, string(tok.Term))
	}
	return out
}

// bleveAr is the name of bleve's Arabic analyzer, the baseline.
const bleveAr = ar.AnalyzerName

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// shareTerm reports whether two term lists have a term in common.
func shareTerm(a, b []string) bool {
	for _, x := range a {
		if contains(b, x) {
			return true
		}
	}
	return false
}
