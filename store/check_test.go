package store_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/fahras/fahras/indexer"
	"github.com/fahras/fahras/store"
)

// A segment file cut short is found when the index opens, and one
// overwritten in the middle when it is verified: either way the error
// says the index is damaged and how to mend it, on one line.
func TestDamagedIndex(t *testing.T) {
	for _, damage := range []struct {
		name   string
		spoil  func(p string, b []byte) []byte
		atOpen bool
	}{
		{"cut short", func(_ string, b []byte) []byte { return b[:len(b)/2] }, true},
		{"overwritten", func(_ string, b []byte) []byte {
			for i := len(b) / 3; i < len(b)/3+100; i++ {
				b[i] ^= 0x5a
			}
			return b
		}, false},
	} {
		t.Run(damage.name, func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), "ix")
			if _, err := indexer.Build(context.Background(), dir, indexer.SeedReader(), indexer.Options{}); err != nil {
				t.Fatal(err)
			}
			if err := store.Verify(dir); err != nil {
				t.Fatalf("a sound index: %v", err)
			}
			gen, _ := store.Current(dir)
			zaps, _ := filepath.Glob(filepath.Join(dir, gen, "store", "*.zap"))
			if len(zaps) != 1 {
				t.Fatalf("segment files %v", zaps)
			}
			b, err := os.ReadFile(zaps[0])
			if err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(zaps[0], damage.spoil(zaps[0], b), 0o644); err != nil {
				t.Fatal(err)
			}
			var got error
			if ix, err := store.Open(dir); err != nil {
				got = err
			} else {
				ix.Close()
				if damage.atOpen {
					t.Fatal("a damaged index opened")
				}
				got = store.Verify(dir)
			}
			if !errors.Is(got, store.ErrDamaged) || !strings.Contains(got.Error(), "search index --rebuild") || !strings.Contains(got.Error(), dir) || strings.Contains(got.Error(), "\n") {
				t.Errorf("error %v", got)
			}
		})
	}
}
