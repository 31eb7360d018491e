package main

import (
	"context"
	"log"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/fahras/fahras/search"
)

// A generation replaced while a search uses it stays open until that
// search ends, and is closed then; a generation that cannot be read is
// logged once, and the one served stays.
func TestLiveEngineKeepsAGenerationInUse(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "ix")
	data := filepath.Join("..", "..", "data")
	if code, _, stderr := cli(t, "index", "--quiet", "--out", dir, data); code != exitOK {
		t.Fatalf("index: exit %d: %s", code, stderr)
	}
	var logged syncBuffer
	l, err := openLive(dir, log.New(&logged, "", 0))
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	ctx := context.Background()
	lavrov := search.Request{Query: "لافروف"}

	inUse := l.acquire() // a search under way
	if code, _, stderr := cli(t, "index", "--quiet", "--rebuild", "--out", dir, data); code != exitOK {
		t.Fatalf("rebuild: exit %d: %s", code, stderr)
	}
	l.reload()
	if l.Generation() == inUse.name {
		t.Fatalf("still serving %s after the rebuild", inUse.name)
	}
	if resp, err := inUse.engine.Search(ctx, lavrov); err != nil || resp.Total != 4 {
		t.Fatalf("the generation in use was closed under its search: %v", err)
	}
	if resp, err := l.Search(ctx, lavrov); err != nil || resp.Total != 4 {
		t.Fatalf("the new generation: %v", err)
	}
	l.release(inUse)
	if _, err := inUse.engine.Search(ctx, lavrov); err == nil {
		t.Error("the replaced generation is still open after its last search")
	}

	// A damaged CURRENT file: one line in the log, the same generation
	// served.
	served := l.Generation()
	if err := os.WriteFile(filepath.Join(dir, "CURRENT"), []byte("nonsense\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	before := len(logged.String())
	l.reload()
	l.reload()
	lines := logged.String()[before:]
	if l.Generation() != served || strings.Count(lines, "\n") != 1 || !strings.Contains(lines, "cannot read the index in "+dir+" (still serving "+served+")") {
		t.Errorf("serving %s, logged %q", l.Generation(), lines)
	}
	if resp, err := l.Search(ctx, lavrov); err != nil || resp.Total != 4 {
		t.Errorf("after a failed reload: %v", err)
	}
}
