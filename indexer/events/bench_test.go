package events_test

import (
	"testing"
	"time"

	"github.com/fahras/fahras/indexer/events"
	"github.com/fahras/fahras/internal/rusage"
)

// BenchmarkExtract extracts the statements and visits of the five seed
// articles, as the indexer reads them. Besides wall time it reports the
// CPU time per article (cpu-µs/article), which a busy machine does not
// inflate.
func BenchmarkExtract(b *testing.B) {
	seeds := seedArticles(b)
	var list []goldBody
	var bytes int64
	for _, a := range seeds {
		list = append(list, a)
		bytes += int64(len(a.body))
	}
	b.SetBytes(bytes)
	b.ReportAllocs()
	cpu0, n := rusage.CPU(), 0
	for b.Loop() {
		for _, a := range list {
			events.Extract(a.title, a.body, a.date)
		}
		n += len(list)
	}
	reportCPU(b, cpu0, n, "cpu-µs/article", time.Microsecond)
}

// reportCPU reports the CPU time used since cpu0 per item, in unit.
func reportCPU(b *testing.B, cpu0 time.Duration, items int, name string, unit time.Duration) {
	if d := rusage.CPU() - cpu0; d > 0 && items > 0 {
		b.ReportMetric(float64(d)/float64(unit)/float64(items), name)
	}
}
