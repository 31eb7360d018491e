package indexer

import (
	"context"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// readDeadline is how long a reader may take over a few small files
// before the test calls it hung.
const readDeadline = 20 * time.Second

// drained is what a reader gave until io.EOF.
type drained struct {
	ids   []string
	skips []*SkipError
}

// drainWithin reads r to its end in a goroutine and fails the test if that
// takes longer than readDeadline or yields far more records than the
// input holds (a reader that repeats an error forever).
func drainWithin(t *testing.T, r Reader) drained {
	t.Helper()
	done := make(chan drained, 1)
	fail := make(chan error, 1)
	go func() {
		defer r.Close()
		var d drained
		for n := 0; n < 10000; n++ {
			a, err := r.Next()
			if err == io.EOF {
				done <- d
				return
			}
			var se *SkipError
			switch {
			case errors.As(err, &se):
				d.skips = append(d.skips, se)
			case err != nil:
				fail <- err
				return
			default:
				d.ids = append(d.ids, a.ID)
			}
		}
		fail <- errors.New("the reader gave 10000 records without ending: it repeats an error")
	}()
	select {
	case d := <-done:
		return d
	case err := <-fail:
		t.Fatal(err)
	case <-time.After(readDeadline):
		t.Fatalf("the reader did not end within %v", readDeadline)
	}
	return drained{}
}

// seedJSONL returns JSON Lines of n short records with IDs snn-1 … snn-n,
// their text a line of seed 002.
func seedJSONL(t *testing.T, n int) string {
	t.Helper()
	text := strings.Split(seedText(t, "002_24f89540b9a4c350.txt"), "\n")[4]
	var b strings.Builder
	for i := 1; i <= n; i++ {
		b.WriteString(`{"id":"snn-` + itoa(i) + `","content":"` + text + `"}` + "\n")
	}
	return b.String()
}

func itoa(i int) string {
	if i < 10 {
		return string(rune('0' + i))
	}
	return itoa(i/10) + string(rune('0'+i%10))
}

// Each hostile input ends: it is counted once as an unreadable file that
// names it, what could be read before the damage is read, and the next
// input is read.
func TestHostileInputsEnd(t *testing.T) {
	good := `{"id":"after","content":"` + strings.Split(seedText(t, "003_9503abc412b62b6e.txt"), "\n")[0] + `"}` + "\n"
	many := seedJSONL(t, 200)
	gzMany := gz(t, many)
	corrupt := []byte(gzMany)
	for i := len(corrupt) / 3; i < len(corrupt)/3+16; i++ {
		corrupt[i] ^= 0xff
	}
	tests := []struct {
		name string
		// make creates the hostile input in dir and returns its path.
		make    func(t *testing.T, dir string) string
		minRead int // articles read from the hostile input before its damage
		wantWhy string
	}{
		{"gzip JSON Lines cut short", func(t *testing.T, dir string) string {
			p := filepath.Join(dir, "in", "cut.jsonl.gz")
			write(t, p, gzMany[:len(gzMany)/2])
			return p
		}, 1, "unexpected EOF"},
		{"gzip text cut short", func(t *testing.T, dir string) string {
			p := filepath.Join(dir, "in", "cut.txt.gz")
			g := gz(t, seedText(t, "002_24f89540b9a4c350.txt"))
			write(t, p, g[:len(g)/2])
			return p
		}, 0, "unexpected EOF"},
		{"gzip with damaged data", func(t *testing.T, dir string) string {
			p := filepath.Join(dir, "in", "bad.jsonl.gz")
			write(t, p, string(corrupt))
			return p
		}, 0, ""},
		{"not gzip at all", func(t *testing.T, dir string) string {
			p := filepath.Join(dir, "in", "plain.jsonl.gz")
			write(t, p, many)
			return p
		}, 0, "not a gzip file"},
		{"JSON Lines name on a directory link", func(t *testing.T, dir string) string {
			return symlink(t, mkdir(t, filepath.Join(dir, "elsewhere")), filepath.Join(dir, "in", "dir.jsonl"))
		}, 0, "is a directory"},
		{"text name on a directory link", func(t *testing.T, dir string) string {
			return symlink(t, mkdir(t, filepath.Join(dir, "elsewhere")), filepath.Join(dir, "in", "dir.txt"))
		}, 0, "is a directory"},
		{"link to nothing", func(t *testing.T, dir string) string {
			return symlink(t, filepath.Join(dir, "missing.jsonl"), filepath.Join(dir, "in", "gone.jsonl"))
		}, 0, "no such file"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			bad := tt.make(t, dir)
			write(t, filepath.Join(dir, "in", "z-after.jsonl"), good)
			r, err := OpenPaths([]string{filepath.Join(dir, "in")}, ReadOptions{})
			if err != nil {
				t.Fatal(err)
			}
			d := drainWithin(t, r)
			if len(d.skips) != 1 {
				t.Fatalf("%d skips, want 1: %v", len(d.skips), d.skips)
			}
			s := d.skips[0]
			if s.Reason != ReasonUnreadable || s.Where != bad || !strings.Contains(s.Error(), tt.wantWhy) {
				t.Errorf("skip %q (reason %q, where %q), want %q naming %s and saying %q", s, s.Reason, s.Where, ReasonUnreadable, bad, tt.wantWhy)
			}
			if len(d.ids) < tt.minRead+1 || d.ids[len(d.ids)-1] != "after" {
				t.Errorf("read %v: want at least %d articles of the damaged file, then the next file's", d.ids, tt.minRead)
			}
		})
	}
}

// A build over a gzip file cut short ends, with the articles before the
// cut added and the file counted as unreadable (before, it spun for ever
// holding the index lock).
func TestBuildOnCutGzipEnds(t *testing.T) {
	dir := t.TempDir()
	g := gz(t, seedJSONL(t, 200))
	cut := filepath.Join(dir, "cut.jsonl.gz")
	write(t, cut, g[:len(g)/2])
	r, err := OpenPaths([]string{cut}, ReadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	type result struct {
		sum *Summary
		err error
	}
	done := make(chan result, 1)
	go func() {
		sum, err := Build(context.Background(), filepath.Join(dir, "ix"), r, Options{})
		done <- result{sum, err}
	}()
	select {
	case res := <-done:
		if res.err != nil {
			t.Fatal(res.err)
		}
		if res.sum.Skipped[ReasonUnreadable] != 1 || res.sum.Added == 0 || res.sum.Added >= 200 {
			t.Errorf("added %d, skipped %v; want some of the 200 added and the file unreadable", res.sum.Added, res.sum.Skipped)
		}
	case <-time.After(readDeadline):
		t.Fatalf("the build did not end within %v", readDeadline)
	}
}

// A file that goes away between listing and reading is counted as
// unreadable, and the next file is read.
func TestFileGoneBeforeReading(t *testing.T) {
	dir := t.TempDir()
	gone := filepath.Join(dir, "a.txt")
	write(t, gone, seedText(t, "002_24f89540b9a4c350.txt"))
	write(t, filepath.Join(dir, "b.txt"), seedText(t, "003_9503abc412b62b6e.txt"))
	r, err := OpenPaths([]string{dir}, ReadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if err := os.Remove(gone); err != nil {
		t.Fatal(err)
	}
	d := drainWithin(t, r)
	if len(d.skips) != 1 || d.skips[0].Reason != ReasonUnreadable || d.skips[0].Where != gone {
		t.Errorf("skips %v, want %s unreadable", d.skips, gone)
	}
	if len(d.ids) != 1 || d.ids[0] != "b" {
		t.Errorf("read %v, want [b]", d.ids)
	}
	if read, total := r.Progress(); read != total {
		t.Errorf("progress %d of %d at the end", read, total)
	}
}

// mkdir creates the directory dir and returns it.
func mkdir(t *testing.T, dir string) string {
	t.Helper()
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	return dir
}

// symlink makes p, in a directory created if needed, a symbolic link to
// target, and returns p; the test is skipped where links cannot be made.
func symlink(t *testing.T, target, p string) string {
	t.Helper()
	mkdir(t, filepath.Dir(p))
	if err := os.Symlink(target, p); err != nil {
		t.Skipf("no symbolic links here: %v", err)
	}
	return p
}
