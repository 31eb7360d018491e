package eval

import (
	"context"
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/fahras/fahras/search"
	"github.com/fahras/fahras/store"
)

// TestWeightSweep prints ARCD's figures for a grid of field weights, the
// measurement the search package's weights were chosen by. It runs only
// when FAHRAS_SWEEP is set, to a comma-separated list of Exact weights
// (Name and Variant weights come from FAHRAS_SWEEP_NAME and
// FAHRAS_SWEEP_VARIANT the same way).
func TestWeightSweep(t *testing.T) {
	exacts := floats(os.Getenv("FAHRAS_SWEEP"))
	if len(exacts) == 0 {
		t.Skip("set FAHRAS_SWEEP=0,0.25,0.5,1 to sweep the field weights on ARCD")
	}
	names := floats(os.Getenv("FAHRAS_SWEEP_NAME"))
	if len(names) == 0 {
		names = []float64{search.WeightName}
	}
	variants := floats(os.Getenv("FAHRAS_SWEEP_VARIANT"))
	if len(variants) == 0 {
		variants = []float64{search.WeightVariant}
	}
	docs, topics, qrels := loadARCD(t)
	ctx := context.Background()
	for _, x := range exacts {
		for _, n := range names {
			for _, v := range variants {
				w := search.DefaultWeights
				w.Exact, w.Name, w.Variant = x, n, v
				e, err := NewEngine(ctx, docs, Config{Analysis: store.DefaultAnalysis, Scoring: "fahras", Weights: w})
				if err != nil {
					t.Fatal(err)
				}
				run, err := RunTopics(ctx, e, topics, MatchAny)
				e.Close()
				if err != nil {
					t.Fatal(err)
				}
				m := Evaluate(run, qrels)
				t.Logf("exact %.2f name %.2f variant %.2f: nDCG@10 %.4f MRR@10 %.4f R@100 %.4f", x, n, v, m.NDCG10, m.MRR10, m.Recall100)
			}
		}
	}
}

func floats(s string) []float64 {
	var out []float64
	for _, f := range strings.Split(s, ",") {
		if v, err := strconv.ParseFloat(strings.TrimSpace(f), 64); err == nil {
			out = append(out, v)
		}
	}
	return out
}
