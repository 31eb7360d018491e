package search

import (
	"context"
	"math"
	"path/filepath"
	"testing"

	"github.com/blevesearch/bleve/v2/index/scorch"

	"github.com/fahras/fahras/indexer"
	"github.com/fahras/fahras/store"
)

// Three documents of words from the seed articles, with no stop words, so
// their lengths in tokens are plain to see: 3, 2 and 4.
var threeDocs = map[string]string{
	"d1": "موسكو بكين موسكو",
	"d2": "بكين واشنطن",
	"d3": "موسكو طهران أوكرانيا سوريا",
}

// handBM25 is the textbook formula, written out again here so the test
// does not check the code against itself.
func handBM25(freq, dl, avgdl, N, n float64) float64 {
	const k1, b = 1.2, 0.75
	idf := math.Log(1 + (N-n+0.5)/(n+0.5))
	return idf * freq * (k1 + 1) / (freq + k1*(1-b+b*dl/avgdl))
}

func segments(t *testing.T, e *Engine) int {
	t.Helper()
	adv, err := e.ix.Advanced()
	if err != nil {
		t.Fatal(err)
	}
	r, err := adv.Reader()
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	return len(r.(*scorch.IndexSnapshot).Segments())
}

// Our scores are BM25 computed by hand, to 1e-6, whether the index is in
// three segments or merged into one.
func TestBM25ByHand(t *testing.T) {
	// The bodies are given as they are, not read as news pages (whose
	// cleaning would take these one-line texts for headlines).
	var arts []*indexer.Article
	for _, id := range []string{"d1", "d2", "d3"} {
		arts = append(arts, &indexer.Article{ID: id, Body: threeDocs[id]})
	}
	// One article a batch makes one segment each, but scorch merges small
	// segments in the background at its own pace; build until the index
	// has several.
	var dir string
	for try := 0; try < 20; try++ {
		dir = filepath.Join(t.TempDir(), "ix")
		r := indexer.ArticlesReader(arts)
		// One field per text (bleve's ar analysis), so each word is one
		// BM25 term to compute by hand.
		if _, err := indexer.Build(context.Background(), dir, r, indexer.Options{BatchSize: 1, Analysis: store.AnalysisAr, KeepSegments: true}); err != nil {
			t.Fatal(err)
		}
		e, err := Open(dir)
		if err != nil {
			t.Fatal(err)
		}
		n := segments(t, e)
		e.Close()
		if n >= 2 {
			break
		}
	}
	const N, avgdl = 3, 3.0 // (3+2+4)/3
	wBody := WeightBody * WeightStem
	want := map[string]map[string]float64{
		"body:موسكو": {
			"d1": wBody * handBM25(2, 3, avgdl, N, 2),
			"d3": wBody * handBM25(1, 4, avgdl, N, 2),
		},
		"body:واشنطن": {
			"d2": wBody * handBM25(1, 2, avgdl, N, 1),
		},
		// Two terms: the plain sum, with no coordination factor.
		"body:موسكو body:بكين": {
			"d1": wBody * (handBM25(2, 3, avgdl, N, 2) + handBM25(1, 3, avgdl, N, 2)),
			"d2": wBody * handBM25(1, 2, avgdl, N, 2),
			"d3": wBody * handBM25(1, 4, avgdl, N, 2),
		},
	}
	check := func(stage string, e *Engine) {
		for q, scores := range want {
			resp, err := e.Search(context.Background(), Request{Query: q, Any: true, IDsOnly: true})
			if err != nil {
				t.Fatal(err)
			}
			if len(resp.Hits) != len(scores) {
				t.Errorf("%s %q: %d hits, want %d", stage, q, len(resp.Hits), len(scores))
			}
			for _, h := range resp.Hits {
				if w, ok := scores[h.ID]; !ok || math.Abs(h.Score-w) > 1e-6 {
					t.Errorf("%s %q: %s scored %.9f, want %.9f", stage, q, h.ID, h.Score, w)
				}
			}
		}
	}

	e, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	if n := segments(t, e); n < 2 {
		t.Fatalf("%d segments before the merge; the test needs several", n)
	}
	check("before merge", e)
	e.Close()

	if err := store.Compact(context.Background(), dir); err != nil {
		t.Fatal(err)
	}
	e, err = Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer e.Close()
	if n := segments(t, e); n != 1 {
		t.Fatalf("%d segments after the merge", n)
	}
	check("after merge", e)
}
