// Package corpus locates and reads the SaudiNewsNet corpus (JSON lines,
// gzipped; CC BY-NC-SA, never copied into this repository), which the word
// list generator and the corpus-scale tests use when it is present, and the
// other data the project's developers keep beside their checkout.
//
// The corpus is looked for in the file named by $FAHRAS_CORPUS, else at
// shared/corpus/saudinewsnet.jsonl.gz in the directory that contains the
// module root (the directory holding go.mod). A clone without it simply has
// no corpus: callers skip.
package corpus

import (
	"bufio"
	"compress/gzip"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"testing"
)

// EnvVar names the environment variable that overrides the corpus path.
const EnvVar = "FAHRAS_CORPUS"

// ErrAbsent is returned by Path when no corpus file exists.
var ErrAbsent = errors.New("SaudiNewsNet corpus not found (set " + EnvVar + ")")

// Path returns the corpus file's path, or ErrAbsent.
func Path() (string, error) {
	if p := os.Getenv(EnvVar); p != "" {
		if _, err := os.Stat(p); err != nil {
			return "", fmt.Errorf("%s: %w", EnvVar, err)
		}
		return p, nil
	}
	p, err := Shared("corpus", "saudinewsnet.jsonl.gz")
	if err != nil {
		return "", ErrAbsent
	}
	return p, nil
}

// Need returns the corpus file's path for a test or benchmark, which it
// skips, saying where the corpus was looked for, when there is none.
func Need(tb testing.TB) string {
	tb.Helper()
	p, err := Path()
	if err != nil {
		tb.Skipf("skipping: %v; it is looked for at shared/corpus/saudinewsnet.jsonl.gz beside the module root", err)
	}
	return p
}

// Shared returns the path of a file or directory under shared/ beside the
// module root (the directory holding go.mod, found from the working
// directory up), or an error if it does not exist.
func Shared(elem ...string) (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			break
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", errors.New("no go.mod above the working directory")
		}
		dir = parent
	}
	p := filepath.Join(append([]string{filepath.Dir(dir), "shared"}, elem...)...)
	if _, err := os.Stat(p); err != nil {
		return "", err
	}
	return p, nil
}

// Article is one corpus record (the fields used here).
type Article struct {
	ID      string `json:"id"`
	Title   string `json:"title"`
	Content string `json:"content"`
}

// Each calls fn on every article of the corpus file at path, in order.
func Each(path string, fn func(Article) error) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	gz, err := gzip.NewReader(f)
	if err != nil {
		return err
	}
	sc := bufio.NewScanner(gz)
	sc.Buffer(make([]byte, 1<<20), 64<<20)
	for sc.Scan() {
		var a Article
		if err := json.Unmarshal(sc.Bytes(), &a); err != nil {
			return fmt.Errorf("%s: %w", path, err)
		}
		if err := fn(a); err != nil {
			return err
		}
	}
	return sc.Err()
}
