package arabic

import (
	"os"
	"path/filepath"
	"testing"
)

// seedTexts reads the seed articles from the repository's data directory.
func seedTexts(b *testing.B) (texts [][]byte, size int64) {
	files, err := filepath.Glob(filepath.Join("..", "..", "data", "*.txt"))
	if err != nil || len(files) == 0 {
		b.Fatalf("seed articles: %v", err)
	}
	for _, f := range files {
		t, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		texts = append(texts, t)
		size += int64(len(t))
	}
	return texts, size
}

// BenchmarkAnalyze measures analysis throughput (MB/s of UTF-8 text) of the
// seed articles with each of our analyzers and with bleve's ar, in one run.
func BenchmarkAnalyze(b *testing.B) {
	texts, size := seedTexts(b)
	for _, name := range []string{bleveAr, stemTerms, exactTerms, nameTerms} {
		b.Run(name, func(b *testing.B) {
			a := analyzer(b, name)
			b.SetBytes(size)
			b.ReportAllocs()
			for b.Loop() {
				for _, t := range texts {
					a.Analyze(t)
				}
			}
		})
	}
}
