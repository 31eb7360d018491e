package indexer

import (
	"context"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/fahras/fahras/store"
)

// failingReader yields the seed articles, then fails.
type failingReader struct {
	Reader
	after int
	err   error
}

func (r *failingReader) Next() (*Article, error) {
	if r.after == 0 {
		return nil, r.err
	}
	r.after--
	return r.Reader.Next()
}

func articles(t *testing.T, dir string) uint64 {
	t.Helper()
	idx, info, err := openIndex(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer idx.Close()
	n, err := idx.DocCount()
	if err != nil {
		t.Fatal(err)
	}
	if n != info.Articles {
		t.Errorf("index has %d documents, its info says %d", n, info.Articles)
	}
	return n
}

func TestBuildAndOpen(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "ix")
	sum, err := Build(context.Background(), dir, SeedReader(), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if sum.Added != 5 || sum.Articles != 5 || sum.IndexBytes == 0 || sum.Bytes == 0 {
		t.Errorf("summary %+v", sum)
	}
	if n := articles(t, dir); n != 5 {
		t.Errorf("%d articles", n)
	}
	_, info, err := openIndex(dir)
	if err != nil {
		t.Fatal(err)
	}
	body := info.Fields["body"]
	if body.Docs != 5 || body.Tokens < 1000 || info.Analysis != store.DefaultAnalysis {
		t.Errorf("info %+v", info)
	}
}

// A build that fails, or is cancelled, leaves the index that was there
// as it was, and no unfinished generation behind.
func TestFailedBuildKeepsOldIndex(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "ix")
	if _, err := Build(context.Background(), dir, SeedReader(), Options{}); err != nil {
		t.Fatal(err)
	}
	boom := errors.New("disk on fire")
	_, err := Build(context.Background(), dir, &failingReader{Reader: SeedReader(), after: 3, err: boom}, Options{BatchSize: 2})
	if !errors.Is(err, boom) {
		t.Fatalf("err %v", err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := Build(ctx, dir, SeedReader(), Options{}); !errors.Is(err, context.Canceled) {
		t.Fatalf("cancelled build: %v", err)
	}
	if n := articles(t, dir); n != 5 {
		t.Errorf("%d articles after failed builds", n)
	}
	entries, _ := os.ReadDir(dir)
	gens := 0
	for _, e := range entries {
		if strings.HasSuffix(e.Name(), tmpSuffix) {
			t.Errorf("left behind: %s", e.Name())
		}
		if strings.HasPrefix(e.Name(), genPrefix) {
			gens++
		}
	}
	if gens != 1 {
		t.Errorf("%d generations", gens)
	}
}

// A rebuild replaces the index, and removes the old generation.
func TestRebuildReplaces(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "ix")
	if _, err := Build(context.Background(), dir, SeedReader(), Options{}); err != nil {
		t.Fatal(err)
	}
	src := t.TempDir()
	write(t, filepath.Join(src, "only.txt"), seedText(t, "004_e5a80980b21be61b.txt"))
	r, err := OpenPaths([]string{src}, ReadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := Build(context.Background(), dir, r, Options{}); err != nil {
		t.Fatal(err)
	}
	if n := articles(t, dir); n != 1 {
		t.Errorf("%d articles", n)
	}
}

// A second build of the same directory while one is writing is refused.
func TestConcurrentBuildRefused(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "ix")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	defer holdLock(t, dir)()
	_, err := Build(context.Background(), dir, SeedReader(), Options{})
	if err == nil || !strings.Contains(err.Error(), "another build") {
		t.Errorf("err %v", err)
	}
}

// Duplicate IDs are skipped and counted.
func TestDuplicateIDsSkipped(t *testing.T) {
	src := t.TempDir()
	write(t, filepath.Join(src, "a", "x.txt"), "خبر أول عن الرياض")
	write(t, filepath.Join(src, "b", "x.txt"), "خبر ثان عن جدة")
	r, err := OpenPaths([]string{src}, ReadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	idx, sum, err := BuildMemory(context.Background(), r, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer idx.Close()
	if sum.Added != 1 || sum.Skipped[ReasonDuplicateID] != 1 {
		t.Errorf("summary %+v", sum)
	}
}

// Opening something that is not a complete index is a one-line error that
// names the path, never a panic.
func TestOpenIndexErrors(t *testing.T) {
	base := t.TempDir()
	good := filepath.Join(base, "good")
	if _, err := Build(context.Background(), good, SeedReader(), Options{}); err != nil {
		t.Fatal(err)
	}
	cur, err := currentPath(good)
	if err != nil {
		t.Fatal(err)
	}

	file := filepath.Join(base, "file")
	write(t, file, "x")
	empty := filepath.Join(base, "empty")
	os.MkdirAll(empty, 0o755)
	badCurrent := filepath.Join(base, "badcurrent")
	write(t, filepath.Join(badCurrent, currentFile), "../../etc\n")
	missingGen := filepath.Join(base, "missinggen")
	write(t, filepath.Join(missingGen, currentFile), "gen-1\n")
	corrupt := filepath.Join(base, "corrupt")
	copyDir(t, good, corrupt)
	// Damage every file of the generation.
	filepath.WalkDir(filepath.Join(corrupt, filepath.Base(cur)), func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			os.WriteFile(p, []byte("garbage"), 0o644)
		}
		return nil
	})

	for _, dir := range []string{filepath.Join(base, "missing"), file, empty, badCurrent, missingGen, corrupt} {
		idx, _, err := openIndex(dir)
		if err == nil {
			idx.Close()
			t.Errorf("%s: opened", dir)
			continue
		}
		if !strings.Contains(err.Error(), dir) || strings.Contains(err.Error(), "\n") {
			t.Errorf("%s: error %q does not name the path on one line", dir, err)
		}
	}
}

func copyDir(t *testing.T, from, to string) {
	t.Helper()
	filepath.WalkDir(from, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(from, p)
		dst := filepath.Join(to, rel)
		if d.IsDir() {
			return os.MkdirAll(dst, 0o755)
		}
		in, err := os.Open(p)
		if err != nil {
			return err
		}
		defer in.Close()
		out, err := os.Create(dst)
		if err != nil {
			return err
		}
		defer out.Close()
		_, err = io.Copy(out, in)
		return err
	})
}

// A build written in many batches ends as one segment, which queries read
// fastest; with KeepSegments the articles are all there too.
func TestBuildMergesSegments(t *testing.T) {
	for _, keep := range []bool{false, true} {
		dir := filepath.Join(t.TempDir(), "ix")
		if _, err := Build(context.Background(), dir, SeedReader(), Options{BatchSize: 1, KeepSegments: keep}); err != nil {
			t.Fatal(err)
		}
		path, err := currentPath(dir)
		if err != nil {
			t.Fatal(err)
		}
		zaps, _ := filepath.Glob(filepath.Join(path, "store", "*.zap"))
		idx, _, err := openIndex(dir)
		if err != nil {
			t.Fatal(err)
		}
		n, _ := idx.DocCount()
		idx.Close()
		if n != 5 {
			t.Errorf("keep %v: %d articles", keep, n)
		}
		if !keep && len(zaps) != 1 {
			t.Errorf("%d segment files after a build, want 1", len(zaps))
		}
	}
}

// An article that repeats another's text under its own ID is indexed and
// counted; one that repeats an ID is skipped as a duplicate, not counted
// twice.
func TestSameTextCounted(t *testing.T) {
	arts, _ := readAll(t, SeedReader())
	again := *arts[3]
	again.ID = "003_copy"
	spaced := *arts[1]
	spaced.ID = "001_respaced"
	spaced.Body = strings.ReplaceAll(spaced.Body, " ", "  ")
	sameID := *arts[0]
	list := append(arts, &again, &spaced, &sameID)
	_, sum, err := BuildMemory(context.Background(), ArticlesReader(list), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if sum.Added != 7 || sum.SameText != 2 || sum.Skipped[ReasonDuplicateID] != 1 {
		t.Errorf("added %d, same text %d, skipped %v", sum.Added, sum.SameText, sum.Skipped)
	}
}
