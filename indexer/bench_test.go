package indexer

import (
	"context"
	"io"
	"path/filepath"
	"testing"

	"github.com/fahras/fahras/internal/corpus"
)

// limitReader stops a reader after n articles.
type limitReader struct {
	Reader
	n int
}

func (r *limitReader) Next() (*Article, error) {
	if r.n == 0 {
		return nil, io.EOF
	}
	r.n--
	return r.Reader.Next()
}

// BenchmarkIndexSNN indexes the first 5,000 SaudiNewsNet articles into an
// on-disk index: one op is the whole build.
func BenchmarkIndexSNN(b *testing.B) {
	snnPath := corpus.Need(b)
	for i := 0; i < b.N; i++ {
		r, err := OpenPaths([]string{snnPath}, ReadOptions{})
		if err != nil {
			b.Fatal(err)
		}
		sum, err := Build(context.Background(), filepath.Join(b.TempDir(), "ix"), &limitReader{Reader: r, n: 5000}, Options{})
		if err != nil {
			b.Fatal(err)
		}
		r.Close()
		b.ReportMetric(float64(sum.Added)/sum.Elapsed.Seconds(), "articles/s")
	}
}
