package arabic

import (
	"testing"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/analysis/lang/ar"
	"github.com/blevesearch/bleve/v2/registry"
)

var testCache = registry.NewCache()

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
