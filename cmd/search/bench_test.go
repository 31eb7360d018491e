package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// search bench indexes the seeds (twice over with --scale 2: the seeds,
// then new articles made of their paragraphs) and times the queries of
// --queries-file, not titles sampled from what it indexed, so that runs
// at several scales time the same queries.
func TestBenchQueriesFile(t *testing.T) {
	qf := filepath.Join(t.TempDir(), "queries.txt")
	if err := os.WriteFile(qf, []byte("لافروف\nوانغ يي\nبكين\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, stderr := cli(t, "bench", "--scale", "2", "--rounds", "1", "--memory", "0", "--queries-file", qf, filepath.Join("..", "..", "data"))
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if !strings.Contains(out, "indexed 10 articles") {
		t.Errorf("not the seeds twice over:\n%s", out)
	}
	if !strings.Contains(out, "3 queries × 1 rounds") {
		t.Errorf("not the queries of the file:\n%s", out)
	}
}
