package store

import (
	"encoding/json"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
)

// ErrDamaged is wrapped by the errors of an index whose files are not as
// they were written: cut short, overwritten, missing.
var ErrDamaged = errors.New("damaged index")

// damaged words the error of a damaged index: what is wrong, and what to
// do.
func damaged(dir string, why error) error {
	return fmt.Errorf("the index in %s is damaged (%v); rebuild it with \"search index --rebuild\": %w", dir, why, ErrDamaged)
}

// manifestFile lists, in each generation, the size and CRC-32 of every
// file of it, written when the generation is finished.
const manifestFile = "MANIFEST"

// fileSum is the size and checksum of one file of a generation.
type fileSum struct {
	Size  int64  `json:"size"`
	CRC32 uint32 `json:"crc32"`
}

// writeManifest records the files of the generation in path.
func writeManifest(path string) error {
	sums := map[string]fileSum{}
	err := filepath.WalkDir(path, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || d.Name() == manifestFile {
			return err
		}
		rel, err := filepath.Rel(path, p)
		if err != nil {
			return err
		}
		s, err := sumFile(p)
		if err != nil {
			return err
		}
		sums[filepath.ToSlash(rel)] = s
		return nil
	})
	if err != nil {
		return fmt.Errorf("listing the index's files: %w", unwrapPathError(err))
	}
	b, _ := json.Marshal(sums)
	f, err := os.Create(filepath.Join(path, manifestFile))
	if err != nil {
		return unwrapPathError(err)
	}
	if _, err := f.Write(b); err != nil {
		f.Close()
		return unwrapPathError(err)
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return unwrapPathError(err)
	}
	return unwrapPathError(f.Close())
}

func sumFile(p string) (fileSum, error) {
	f, err := os.Open(p)
	if err != nil {
		return fileSum{}, err
	}
	defer f.Close()
	h := crc32.NewIEEE()
	n, err := io.Copy(h, f)
	return fileSum{Size: n, CRC32: h.Sum32()}, err
}

// checkFiles compares the files of the generation at path with its
// manifest: their sizes always (a file cut short), their checksums too
// when full is set (a file overwritten). root.bolt, which bleve rewrites
// on opening, is compared by neither. A generation written before
// manifests were is not checked.
func checkFiles(path string, full bool) error {
	b, err := os.ReadFile(filepath.Join(path, manifestFile))
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return unwrapPathError(err)
	}
	var sums map[string]fileSum
	if err := json.Unmarshal(b, &sums); err != nil {
		return fmt.Errorf("its list of files cannot be read")
	}
	names := make([]string, 0, len(sums))
	for n := range sums {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		if filepath.Base(n) == "root.bolt" {
			continue
		}
		want := sums[n]
		p := filepath.Join(path, filepath.FromSlash(n))
		st, err := os.Stat(p)
		if err != nil {
			return fmt.Errorf("%s: %v", n, unwrapPathError(err))
		}
		if st.Size() != want.Size {
			return fmt.Errorf("%s is %d bytes long, written %d", n, st.Size(), want.Size)
		}
		if full {
			got, err := sumFile(p)
			if err != nil {
				return fmt.Errorf("%s: %v", n, unwrapPathError(err))
			}
			if got.CRC32 != want.CRC32 {
				return fmt.Errorf("%s does not hold what was written (checksum %08x, written %08x)", n, got.CRC32, want.CRC32)
			}
		}
	}
	return nil
}

// Verify reads every file of the current index in dir and compares it
// with what was written: a server does so when it opens a generation.
// A damaged index gives an error wrapping ErrDamaged.
func Verify(dir string) error {
	path, err := current(dir)
	if err != nil {
		return err
	}
	if err := checkFiles(path, true); err != nil {
		return damaged(dir, err)
	}
	return nil
}
