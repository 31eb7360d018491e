package indexer

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/fahras/fahras/indexer/news"
)

// inputFile is one file a reader will read.
type inputFile struct {
	path   string
	stem   string // the name without its format's extension
	size   int64
	format format
	gz     bool
}

// OpenPaths returns a reader of the articles in the given files and
// directories: .txt files (one article each, the ID being the file name
// without .txt) and JSON Lines files (.jsonl or .ndjson, one article a
// line), each optionally gzip-compressed. Directories are walked
// recursively; other files in them are counted as skipped. A file that
// cannot be read to its end (missing, a directory, cut short or damaged
// gzip data, a read error) is counted as skipped, as ReasonUnreadable
// naming it, after the articles read from it before the error; the
// reader then goes on with the next file.
func OpenPaths(paths []string, opts ReadOptions) (Reader, error) {
	if len(paths) == 0 {
		return nil, errors.New("no input files or directories given")
	}
	if opts.Fields.Content == nil {
		opts.Fields = DefaultJSONFields
	}
	r := &fileReader{opts: opts, repeats: news.NewRepeats()}
	for _, p := range paths {
		st, err := os.Stat(p)
		if err != nil {
			return nil, fmt.Errorf("input %s: %w", p, unwrapPathError(err))
		}
		if !st.IsDir() {
			f, stem, gz := formatOf(filepath.Base(p))
			if f == nil {
				return nil, fmt.Errorf("input %s: not a %s file (optionally %s)", p, formatNames(), gzipExt)
			}
			r.add(inputFile{path: p, stem: stem, size: st.Size(), format: f, gz: gz})
			continue
		}
		if err := r.walk(p); err != nil {
			return nil, fmt.Errorf("input %s: %w", p, err)
		}
	}
	return r, nil
}

func (r *fileReader) add(f inputFile) {
	r.files = append(r.files, f)
	r.total += f.size
}

// skipLater counts a file as skipped before any article is read.
func (r *fileReader) skipLater(reason, path string, err error) {
	r.pendingSkips = append(r.pendingSkips, &SkipError{Reason: reason, Where: path, Err: err})
}

// walk lists the article files under the directory root. Hidden files and
// directories are passed over; other files of no format are counted as
// skipped, and so are files that cannot be read: a link to nothing or to
// a directory, a device or a pipe.
func (r *fileReader) walk(root string) error {
	return filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			r.skipLater(ReasonUnreadable, p, unwrapPathError(err))
			if d != nil && d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.IsDir() {
			if p != root && strings.HasPrefix(d.Name(), ".") {
				return fs.SkipDir
			}
			return nil
		}
		f, stem, gz := formatOf(d.Name())
		if f == nil {
			if !strings.HasPrefix(d.Name(), ".") {
				r.skipLater(ReasonNotArticle, p, nil)
			}
			return nil
		}
		// Stat follows a symbolic link to what it names.
		st, err := os.Stat(p)
		switch {
		case err != nil:
			r.skipLater(ReasonUnreadable, p, unwrapPathError(err))
		case st.IsDir():
			r.skipLater(ReasonUnreadable, p, errIsDir)
		case !st.Mode().IsRegular():
			r.skipLater(ReasonUnreadable, p, errNotRegular)
		default:
			r.add(inputFile{path: p, stem: stem, size: st.Size(), format: f, gz: gz})
		}
		return nil
	})
}

var (
	errIsDir      = errors.New("is a directory, not a file")
	errNotRegular = errors.New("not a regular file (a device, pipe or socket)")
)

// unwrapPathError drops the path from an *fs.PathError, for messages that
// already name it.
func unwrapPathError(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}
