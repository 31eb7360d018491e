package store_test

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/fahras/fahras/indexer"
	"github.com/fahras/fahras/store"
)

// A build names a generation; an update that changes something names
// another; one that changes nothing keeps it.
func TestCurrent(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "ix")
	if _, err := store.Current(dir); err == nil || !strings.Contains(err.Error(), "no such directory") {
		t.Errorf("before the build: %v", err)
	}
	if _, err := indexer.Build(context.Background(), dir, indexer.SeedReader(), indexer.Options{}); err != nil {
		t.Fatal(err)
	}
	first, err := store.Current(dir)
	if err != nil || !strings.HasPrefix(first, "gen-") {
		t.Fatalf("after the build: %q, %v", first, err)
	}
	if _, err := os.Stat(filepath.Join(dir, first)); err != nil {
		t.Errorf("the generation named is not there: %v", err)
	}
	if _, err := indexer.Update(context.Background(), dir, indexer.SeedReader(), indexer.Options{}); err != nil {
		t.Fatal(err)
	}
	if same, err := store.Current(dir); same != first || err != nil {
		t.Errorf("after an update without changes: %q, %v; want %q", same, err, first)
	}
	if _, err := indexer.Build(context.Background(), dir, indexer.SeedReader(), indexer.Options{}); err != nil {
		t.Fatal(err)
	}
	if next, err := store.Current(dir); next == first || err != nil {
		t.Errorf("after a rebuild: %q, %v", next, err)
	}
	if err := os.WriteFile(filepath.Join(dir, "CURRENT"), []byte("../elsewhere\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := store.Current(dir); !errors.Is(err, store.ErrNotIndex) {
		t.Errorf("damaged CURRENT: %v", err)
	}
}

func ExampleCurrent() {
	dir, _ := os.MkdirTemp("", "fahras-example-")
	defer os.RemoveAll(dir)
	if _, err := indexer.Build(context.Background(), dir, indexer.SeedReader(), indexer.Options{}); err != nil {
		fmt.Println(err)
		return
	}
	gen, err := store.Current(dir)
	fmt.Println(strings.HasPrefix(gen, "gen-"), err)
	// Output: true <nil>
}
