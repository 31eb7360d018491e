package store

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// Names in an index directory (see the package documentation).
const (
	currentFile = "CURRENT"
	lockFile    = "LOCK"
	genPrefix   = "gen-"
	tmpSuffix   = ".tmp"
)

// ErrNotIndex reports a directory that holds no Fahras index.
var ErrNotIndex = errors.New("not a Fahras index")

// newGeneration names a new generation of an index.
func newGeneration() string {
	return genPrefix + time.Now().UTC().Format("20060102T150405.000000000Z")
}

// Current returns the name of the current generation of the index in
// dir, which changes each time a build or an update finishes: a reader
// that sees it change opens the index again to see the new articles.
func Current(dir string) (string, error) {
	path, err := current(dir)
	if err != nil {
		return "", err
	}
	return filepath.Base(path), nil
}

// current returns the path of dir's current generation.
func current(dir string) (string, error) {
	st, err := os.Stat(dir)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return "", fmt.Errorf("index %s: no such directory", dir)
		}
		return "", fmt.Errorf("index %s: %w", dir, unwrapPathError(err))
	}
	if !st.IsDir() {
		return "", fmt.Errorf("index %s: %w (it is a file, not a directory)", dir, ErrNotIndex)
	}
	b, err := os.ReadFile(filepath.Join(dir, currentFile))
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return "", fmt.Errorf("index %s: %w (no %s file)", dir, ErrNotIndex, currentFile)
		}
		return "", fmt.Errorf("index %s: %w", dir, unwrapPathError(err))
	}
	gen := strings.TrimSpace(string(b))
	if !strings.HasPrefix(gen, genPrefix) || strings.ContainsAny(gen, `/\`) || strings.HasSuffix(gen, tmpSuffix) {
		return "", fmt.Errorf("index %s: %w (its %s file is damaged)", dir, ErrNotIndex, currentFile)
	}
	return filepath.Join(dir, gen), nil
}

// publish makes the complete generation written in dir/gen.tmp the one
// readers open, removes the generations it replaces, and returns its
// size. On failure the generation is removed and the current one stays.
func publish(dir, gen string) (int64, error) {
	tmp := filepath.Join(dir, gen+tmpSuffix)
	if err := writeManifest(tmp); err != nil {
		os.RemoveAll(tmp)
		return 0, fmt.Errorf("finishing the index: %w", err)
	}
	if err := os.Rename(tmp, filepath.Join(dir, gen)); err != nil {
		os.RemoveAll(tmp)
		return 0, fmt.Errorf("finishing the index: %w", unwrapPathError(err))
	}
	if err := setCurrent(dir, gen); err != nil {
		os.RemoveAll(filepath.Join(dir, gen))
		return 0, err
	}
	removeStale(dir)
	return dirSize(filepath.Join(dir, gen)), nil
}

// setCurrent points dir's CURRENT file at a generation, atomically.
func setCurrent(dir, gen string) error {
	tmp := filepath.Join(dir, currentFile+tmpSuffix)
	if err := os.WriteFile(tmp, []byte(gen+"\n"), 0o644); err != nil {
		os.Remove(tmp)
		return fmt.Errorf("switching to the new index: %w", unwrapPathError(err))
	}
	if f, err := os.Open(tmp); err == nil {
		f.Sync()
		f.Close()
	}
	if err := os.Rename(tmp, filepath.Join(dir, currentFile)); err != nil {
		os.Remove(tmp)
		return fmt.Errorf("switching to the new index: %w", unwrapPathError(err))
	}
	return nil
}

// removeStale deletes the generations and unfinished writes in dir that
// CURRENT does not name. Errors are ignored: what stays is only disk
// space, and the next write tries again.
func removeStale(dir string) {
	cur, _ := current(dir)
	entries, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	for _, e := range entries {
		if !e.IsDir() || !strings.HasPrefix(e.Name(), genPrefix) {
			continue
		}
		if p := filepath.Join(dir, e.Name()); p != cur {
			os.RemoveAll(p)
		}
	}
}

// dirSize adds up the sizes of the files under dir.
func dirSize(dir string) int64 {
	var n int64
	filepath.WalkDir(dir, func(_ string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			if info, err := d.Info(); err == nil {
				n += info.Size()
			}
		}
		return nil
	})
	return n
}

// unwrapPathError drops the operation and path that an *fs.PathError
// adds, for messages that name the path themselves.
func unwrapPathError(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}
