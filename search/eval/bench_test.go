package eval

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/fahras/fahras/indexer"
	"github.com/fahras/fahras/search"
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
// hit counts, with our BM25 and with bleve's own scorer on the same
// analysis: one op is one question.
func BenchmarkARCDQueries(b *testing.B) {
	docs, topics, _ := loadARCD(b)
	for _, scoring := range Scorings {
		b.Run(scoring, func(b *testing.B) {
			e, err := NewEngine(context.Background(), docs, Config{Analysis: indexer.DefaultAnalysis, Scoring: scoring})
			if err != nil {
				b.Fatal(err)
			}
			defer e.Close()
			ctx := context.Background()
			b.ReportAllocs()
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				t := topics[i%len(topics)]
				if _, err := e.Search(ctx, search.Request{Query: t.Text, Limit: 10, Any: true, Plain: true, IDsOnly: true}); err != nil && ctx.Err() != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
