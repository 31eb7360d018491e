//go:build corpus

package main

import (
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/fahras/fahras/indexer/news"
	"github.com/fahras/fahras/internal/corpus"
)

// The whole SaudiNewsNet file indexes in one run, straight from its gzip
// file: every record is accounted for in the summary line, and the index
// answers with dates, sources and filters.
func TestIndexSaudiNewsNet(t *testing.T) {
	snnPath := corpus.Need(t)
	if testing.Short() {
		t.Skip("indexing 31,030 articles takes minutes: skipped with -short")
	}
	dir := filepath.Join(t.TempDir(), "snn")
	code, out, stderr := cli(t, "index", "--quiet", "--out", dir, snnPath)
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	// 31,030 records: 354 have an empty content field (a title only) and
	// are skipped as such; none is invalid or repeats an ID; 605 repeat
	// the title and text of an earlier record under another ID.
	re := regexp.MustCompile(`^indexed 30676 articles in [0-9.]+ s \([0-9.]+ MB read\); index [0-9.]+ MB at .*; 605 repeat the text of an article read before them; skipped 354: 354 empty text\n$`)
	if !re.MatchString(out) {
		t.Errorf("summary %q", out)
	}
	// Indexing the same file again changes nothing, and says so.
	code, out, _ = cli(t, "index", "--quiet", "--out", dir, snnPath)
	if code != exitOK || !strings.Contains(out, "0 added, 0 updated, 0 deleted, 30676 unchanged") {
		t.Errorf("second run: exit %d, %q", code, out)
	}
	// Riyadh in August 2015 (the corpus spans July and August), from one
	// newspaper: every hit carries the filters' date and source (named in
	// Arabic, الرياض, on the hit's line; by its key in the facets).
	code, out, _ = cli(t, "--index", dir, "-q", "الرياض", "--from", "2015-08", "--to", "2015-08", "--source", "alriyadh", "--facets", "-n", "5")
	if code != exitOK {
		t.Fatalf("search: exit %d\n%s", code, out)
	}
	meta := regexp.MustCompile(`(?m)^   score [0-9.]+ · \S+ · (\d{4}-\d{2})-\d{2} · (\S+)$`).FindAllStringSubmatch(out, -1)
	if len(meta) != 5 {
		t.Fatalf("%d hits with date and source:\n%s", len(meta), out)
	}
	for _, m := range meta {
		if m[1] != "2015-08" || m[2] != news.SourceName("alriyadh") {
			t.Errorf("hit from %s, %s", m[1], m[2])
		}
	}
	if !strings.Contains(out, "By month: 2015-08 (") || !strings.Contains(out, "By source: alriyadh (") {
		t.Errorf("facets:\n%s", out)
	}
}
