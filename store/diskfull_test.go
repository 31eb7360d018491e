//go:build linux

package store_test

import (
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/fahras/fahras/indexer"
	"github.com/fahras/fahras/store"
)

// smallDisk mounts a file system of size bytes for the test, or skips
// when it cannot (not root, or no mount).
func smallDisk(t *testing.T, size string) string {
	t.Helper()
	dir := t.TempDir()
	if out, err := exec.Command("mount", "-t", "tmpfs", "-o", "size="+size, "tmpfs", dir).CombinedOutput(); err != nil {
		t.Skipf("cannot mount a small file system here (%v: %s); skipping", err, strings.TrimSpace(string(out)))
	}
	t.Cleanup(func() { exec.Command("umount", dir).Run() })
	return dir
}

// A disk that fills while an index is written fails the write within
// seconds with one line naming the directory; the index that was there
// stays as it was and opens, the lock is released and no unfinished
// generation is left.
func TestDiskFull(t *testing.T) {
	disk := smallDisk(t, "400k")
	dir := filepath.Join(disk, "ix")
	// The seeds fit; the seeds again with a long article do not.
	if _, err := indexer.Build(context.Background(), dir, indexer.SeedReader(), indexer.Options{}); err != nil {
		t.Fatalf("the seeds do not fit: %v", err)
	}
	before, _ := store.Current(dir)
	var arts []*indexer.Article
	r := indexer.SeedReader()
	for {
		a, err := r.Next()
		if err != nil {
			break
		}
		arts = append(arts, a)
		long := *a
		long.ID += "_long"
		long.Raw, long.Body = "", strings.Repeat(a.Body+"\n\n", 40)
		arts = append(arts, &long)
	}
	for _, build := range []func(context.Context, string, indexer.Reader, indexer.Options) (*indexer.Summary, error){indexer.Update, indexer.Build} {
		start := time.Now()
		_, err := build(context.Background(), dir, indexer.ArticlesReader(arts), indexer.Options{})
		if !errors.Is(err, store.ErrNoSpace) || err.Error() != "no space left on device writing "+dir {
			t.Fatalf("err %v", err)
		}
		if d := time.Since(start); d > 30*time.Second {
			t.Errorf("the full disk was found after %s", d)
		}
		if now, _ := store.Current(dir); now != before {
			t.Errorf("the generation changed to %s", now)
		}
		ix, err := store.Open(dir)
		if err != nil {
			t.Fatalf("the old index: %v", err)
		}
		if ix.Info.Articles != 5 {
			t.Errorf("the old index has %d articles", ix.Info.Articles)
		}
		ix.Close()
		entries, _ := os.ReadDir(dir)
		for _, e := range entries {
			if strings.HasSuffix(e.Name(), ".tmp") {
				t.Errorf("left behind: %s", e.Name())
			}
		}
		// The lock is free: a writer can start.
		w, err := store.Begin(dir, store.WriteOptions{})
		if err != nil {
			t.Fatalf("after the failure: %v", err)
		}
		w.Abort()
	}
}
