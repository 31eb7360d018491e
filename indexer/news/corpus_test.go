//go:build corpus

package news

import (
	"bufio"
	"compress/gzip"
	"encoding/json"
	"os"
	"testing"

	"github.com/fahras/fahras/internal/corpus"
)

// corpusArticle is one line of the SaudiNewsNet JSON Lines dump.
type corpusArticle struct {
	ID            string `json:"id"`
	Source        string `json:"source"`
	URL           string `json:"url"`
	DateExtracted string `json:"date_extracted"`
	Title         string `json:"title"`
	Author        string `json:"author"`
	Content       string `json:"content"`
}

// readCorpus calls fn for each article of the corpus, or skips the test.
func readCorpus(t testing.TB, fn func(a corpusArticle)) {
	t.Helper()
	f, err := os.Open(corpus.Need(t))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		t.Fatal(err)
	}
	sc := bufio.NewScanner(zr)
	sc.Buffer(make([]byte, 1<<20), 64<<20)
	for sc.Scan() {
		var a corpusArticle
		if err := json.Unmarshal(sc.Bytes(), &a); err != nil {
			t.Fatalf("corpus line: %v", err)
		}
		fn(a)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
}
