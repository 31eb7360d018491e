package news

import (
	"io/fs"
	"strings"
	"testing"

	"github.com/fahras/fahras/data"
)

// seed returns the raw text of the seed article whose file name starts
// with prefix ("000" … "004").
func seed(t testing.TB, prefix string) string {
	t.Helper()
	names, err := fs.Glob(data.Articles, prefix+"_*.txt")
	if err != nil || len(names) != 1 {
		t.Fatalf("seed %s: %v %v", prefix, names, err)
	}
	b, err := data.Articles.ReadFile(names[0])
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

var seedIDs = []string{"000", "001", "002", "003", "004"}

// seedLine returns line n (from 1) of a seed, trimmed.
func seedLine(t testing.TB, prefix string, n int) string {
	t.Helper()
	lines := strings.Split(seed(t, prefix), "\n")
	if n < 1 || n > len(lines) {
		t.Fatalf("seed %s has no line %d", prefix, n)
	}
	return strings.TrimSpace(lines[n-1])
}
