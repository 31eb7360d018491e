//go:build corpus

package news

import (
	"bufio"
	"compress/gzip"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
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

// corpusPath finds ../shared/corpus/saudinewsnet.jsonl.gz beside the module
// root (the directory holding go.mod), or skips the test.
func corpusPath(t testing.TB) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			break
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Skip("no go.mod above the test directory; SaudiNewsNet corpus not located")
		}
		dir = parent
	}
	p := filepath.Join(dir, "..", "shared", "corpus", "saudinewsnet.jsonl.gz")
	if _, err := os.Stat(p); err != nil {
		t.Skip("SaudiNewsNet corpus not found at ../shared/corpus/saudinewsnet.jsonl.gz beside the module root; skipping")
	}
	return p
}

// readCorpus calls fn for each article of the corpus, or skips the test.
func readCorpus(t testing.TB, fn func(a corpusArticle)) {
	t.Helper()
	f, err := os.Open(corpusPath(t))
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
