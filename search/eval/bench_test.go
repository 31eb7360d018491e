package eval

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/fahras/fahras/indexer"
	"github.com/fahras/fahras/search"
	"github.com/fahras/fahras/store"
)

// arcdDir is the ARCD test collection beside the repository.
var arcdDir = filepath.Join("..", "..", "..", "shared", "eval", "arcd")

func loadARCD(tb testing.TB) ([]indexer.Article, []Topic, Qrels) {
	tb.Helper()
	docs, err := ReadDocs(filepath.Join(arcdDir, "derived_docs_paragraphs.tsv"))
	if os.IsNotExist(err) {
		tb.Skipf("ARCD is not at %s: skipping", arcdDir)
	}
	if err != nil {
		tb.Fatal(err)
	}
	topics, err := ReadTopics(filepath.Join(arcdDir, "derived_queries.tsv"))
	if err != nil {
		tb.Fatal(err)
	}
	qrels, err := ReadQrels(filepath.Join(arcdDir, "derived_qrels_paragraph.txt"))
	if err != nil {
		tb.Fatal(err)
	}
	return docs, topics, qrels
}

// BenchmarkARCDQueries runs the 1,395 ARCD questions, top 10 with exact
// hit counts, with our BM25 and with bleve's own scorers on the same
// analysis, taken in turn so that a noisy machine slows all alike: one op
// is one question asked of each. It reports each scorer's mean time per
// question and the ratio of ours to bleve's bm25.
func BenchmarkARCDQueries(b *testing.B) {
	docs, topics, _ := loadARCD(b)
	ctx := context.Background()
	engines := make([]*search.Engine, len(Scorings))
	for i, scoring := range Scorings {
		e, err := NewEngine(ctx, docs, Config{Analysis: store.DefaultAnalysis, Scoring: scoring})
		if err != nil {
			b.Fatal(err)
		}
		defer e.Close()
		engines[i] = e
	}
	spent := make([]time.Duration, len(engines))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		t := topics[i%len(topics)]
		for j := range engines {
			k := (i + j) % len(engines) // rotate who goes first
			start := time.Now()
			if _, err := engines[k].Search(ctx, search.Request{Query: t.Text, Limit: 10, Any: true, Plain: true, IDsOnly: true}); err != nil && ctx.Err() != nil {
				b.Fatal(err)
			}
			spent[k] += time.Since(start)
		}
	}
	for k, name := range Scorings {
		b.ReportMetric(float64(spent[k].Microseconds())/float64(b.N), name+"-µs/q")
	}
	b.ReportMetric(float64(spent[0])/float64(spent[1]), "fahras/bleve-bm25")
}
