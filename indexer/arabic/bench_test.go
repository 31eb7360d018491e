package arabic

import (
	"os"
	"path/filepath"
	"testing"
)

// seedTexts reads the seed articles from the repository's data directory.
func seedTexts(b *testing.B) (texts []string, size int64) {
	files, err := filepath.Glob(filepath.Join("..", "..", "data", "*.txt"))
	if err != nil || len(files) == 0 {
		b.Fatalf("seed articles: %v", err)
	}
	for _, f := range files {
		t, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		texts = append(texts, string(t))
		size += int64(len(t))
	}
	return texts, size
}

// BenchmarkAnalyze measures analysis throughput (MB/s of UTF-8 text) of
// the seed articles: our one-pass Analyzer against bleve's ar analyzer,
// in one run.
func BenchmarkAnalyze(b *testing.B) {
	texts, size := seedTexts(b)
	b.Run("fahras", func(b *testing.B) {
		var a Analyzer
		b.SetBytes(size)
		b.ReportAllocs()
		for b.Loop() {
			for _, t := range texts {
				a.Analyze(t)
			}
		}
	})
	b.Run("ar", func(b *testing.B) {
		a := analyzer(b, bleveAr)
		b.SetBytes(size)
		b.ReportAllocs()
		for b.Loop() {
			for _, t := range texts {
				a.Analyze([]byte(t))
			}
		}
	})
	b.Run("words", func(b *testing.B) {
		b.SetBytes(size)
		for b.Loop() {
			for _, t := range texts {
				Words(t, func(int, int) {})
			}
		}
	})
}
