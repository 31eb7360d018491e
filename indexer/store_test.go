package indexer

import (
	"testing"

	"path/filepath"

	"github.com/fahras/fahras/store"
)

// openIndex opens the current index in dir, with its Info.
func openIndex(dir string) (*store.Index, *store.Info, error) {
	ix, err := store.Open(dir)
	if err != nil {
		return nil, nil, err
	}
	return ix, ix.Info, nil
}

// currentPath returns the path of dir's current generation.
func currentPath(dir string) (string, error) {
	gen, err := store.Current(dir)
	if err != nil {
		return "", err
	}
	return filepath.Join(dir, gen), nil
}

// Names in an index directory, as package store writes them.
const (
	currentFile = "CURRENT"
	genPrefix   = "gen-"
	tmpSuffix   = ".tmp"
)

// holdLock takes the build lock of dir, as a build in progress does, and
// returns the call that releases it.
func holdLock(t *testing.T, dir string) func() {
	t.Helper()
	w, err := store.Begin(dir, store.WriteOptions{})
	if err != nil {
		t.Fatal(err)
	}
	return w.Abort
}
