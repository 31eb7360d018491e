//go:build corpus

package indexer

import (
	"bufio"
	"compress/gzip"
	"errors"
	"io"
	"os"
	"runtime"
	"testing"

	"github.com/fahras/fahras/indexer/news"
	"github.com/fahras/fahras/internal/corpus"
	"github.com/fahras/fahras/internal/rusage"
)

// BenchmarkReadSNN reads and parses all of SaudiNewsNet as search index
// does (gunzip, JSON, news reading, repeats): one op is the whole corpus;
// ns/article, cpu-ns/article (CPU time of the process, garbage collection
// included: steadier than ns on a shared machine) and allocs/article are
// per article.
func BenchmarkReadSNN(b *testing.B) {
	p := corpus.Need(b)
	b.ReportAllocs()
	n := 0
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	cpu := rusage.CPU()
	for b.Loop() {
		r, err := OpenPaths([]string{p}, ReadOptions{})
		if err != nil {
			b.Fatal(err)
		}
		n += drainCount(b, r)
	}
	cpu = rusage.CPU() - cpu
	runtime.ReadMemStats(&after)
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(n), "ns/article")
	b.ReportMetric(float64(cpu.Nanoseconds())/float64(n), "cpu-ns/article")
	b.ReportMetric(float64(after.Mallocs-before.Mallocs)/float64(n), "allocs/article")
	b.ReportMetric(float64(n)/float64(b.N), "articles/op")
}

// drainCount reads r to its end and returns how many articles it gave.
func drainCount(b *testing.B, r Reader) int {
	defer r.Close()
	n := 0
	for {
		_, err := r.Next()
		var skip *SkipError
		switch {
		case err == io.EOF:
			return n
		case errors.As(err, &skip):
		case err != nil:
			b.Fatal(err)
		default:
			n++
		}
	}
}

// BenchmarkParseArticleSNN parses the first 5,000 SaudiNewsNet records,
// decoded beforehand, as news pages: one op is one article.
func BenchmarkParseArticleSNN(b *testing.B) {
	lines := snnLines(b, 5000)
	rep := news.NewRepeats()
	b.ReportAllocs()
	i := 0
	cpu := rusage.CPU()
	for b.Loop() {
		var skip *SkipError
		if _, err := jsonArticle(lines[i%len(lines)], DefaultJSONFields, "snn", "snn", rep); err != nil && !errors.As(err, &skip) {
			b.Fatal(err)
		}
		i++
	}
	b.ReportMetric(float64((rusage.CPU()-cpu).Nanoseconds())/float64(b.N), "cpu-ns/op")
}

// snnLines returns the first n lines of SaudiNewsNet.
func snnLines(b testing.TB, n int) [][]byte {
	f, err := os.Open(corpus.Need(b))
	if err != nil {
		b.Fatal(err)
	}
	defer f.Close()
	z, err := gzip.NewReader(f)
	if err != nil {
		b.Fatal(err)
	}
	sc := bufio.NewScanner(z)
	sc.Buffer(nil, MaxRecordBytes)
	var out [][]byte
	for len(out) < n && sc.Scan() {
		out = append(out, append([]byte(nil), sc.Bytes()...))
	}
	if err := sc.Err(); err != nil {
		b.Fatal(err)
	}
	return out
}
