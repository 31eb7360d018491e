package store

import (
	"context"
	"fmt"
	"os"
	"path/filepath"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/blevesearch/bleve/v2/index/scorch/mergeplan"
)

// Compact merges the segments of the current index in dir into one,
// which makes searches faster. Rankings do not change: BM25 reads its
// statistics from the index's Info, not from the segments. A build
// already ends with one segment; updates add segments of their own.
func Compact(ctx context.Context, dir string) error {
	unlock, err := lockDir(dir)
	if err != nil {
		return err
	}
	defer unlock()
	path, err := current(dir)
	if err != nil {
		return err
	}
	w := &Writer{dir: dir, tmp: path, errs: make(chan error, 1)}
	if err := w.merge(ctx, 1); err != nil {
		return fmt.Errorf("index %s: %w", dir, err)
	}
	if err := pruneSegments(path); err != nil {
		return err
	}
	return writeManifest(path)
}

// allAtOnce merges every segment in one pass: each article is merged
// once.
var allAtOnce = func() mergeplan.MergePlanOptions {
	o := mergeplan.SingleSegmentMergePlanOptions
	o.SegmentsPerMergeTask = 1 << 20
	return o
}()

// merge merges the segments of the closed generation at w.tmp into one
// when it has more than max.
func (w *Writer) merge(ctx context.Context, max int) error {
	// Batches wait until they are on disk, so that writing the information
	// below persists the merged segment too.
	watchErrors(w.tmp, w.errs)
	idx, err := bleve.OpenUsing(w.tmp, map[string]interface{}{"unsafe_batch": false, "asyncErrorCallbackName": asyncErrorCallback})
	if err != nil {
		return fmt.Errorf("cannot open it: %w", err)
	}
	defer idx.Close()
	adv, err := idx.Advanced()
	if err != nil {
		return err
	}
	s, ok := adv.(*scorch.Scorch)
	if !ok {
		return fmt.Errorf("not a scorch index")
	}
	n, err := segmentCount(s)
	if err != nil || n <= max {
		return err
	}
	if w.opts.Merging != nil {
		w.opts.Merging()
	}
	// The background merger may be busy with segments of its own when the
	// forced merge is planned; merge again until one segment is left.
	for try := 0; try < 10 && n > 1; try++ {
		done := make(chan error, 1)
		go func() { done <- s.ForceMerge(ctx, &allAtOnce) }()
		select {
		case err = <-done:
		case err = <-w.errs:
			// bleve retries a merge that failed for ever: give up.
		}
		if err != nil {
			return err
		}
		if n, err = segmentCount(s); err != nil {
			return err
		}
		if err := ctx.Err(); err != nil {
			return err
		}
	}
	r, err := adv.Reader()
	if err != nil {
		return err
	}
	info, err := ReadInfo(r)
	r.Close()
	if err != nil {
		return err
	}
	return w.persistInfoOf(ctx, idx, info)
}

// persistInfoOf writes an Info to an open index and waits for it to be on
// disk.
func (w *Writer) persistInfoOf(ctx context.Context, idx bleve.Index, info *Info) error {
	saved := w.info
	w.info = *info
	defer func() { w.info = saved }()
	return w.persistInfo(ctx, idx)
}

// segmentCount counts the segments of an index's current snapshot.
func segmentCount(s *scorch.Scorch) (int, error) {
	r, err := s.Reader()
	if err != nil {
		return 0, err
	}
	defer r.Close()
	snap, ok := r.(*scorch.IndexSnapshot)
	if !ok {
		return 0, fmt.Errorf("not a scorch snapshot")
	}
	return len(snap.Segments()), nil
}

// pruneSegments removes the segment files of the index in path that its
// last snapshot does not use: bleve merges segments as a write goes on,
// and the files merged away may still be there when it closes. Left,
// they would be carried into every later generation.
func pruneSegments(path string) error {
	idx, err := openBleve(path)
	if err != nil {
		return err
	}
	defer idx.Close()
	adv, err := idx.Advanced()
	if err != nil {
		return err
	}
	r, err := adv.Reader()
	if err != nil {
		return err
	}
	defer r.Close()
	snap, ok := r.(*scorch.IndexSnapshot)
	if !ok {
		return nil
	}
	used := map[string]bool{}
	dirs := map[string]bool{}
	for _, s := range snap.Segments() {
		p, ok := s.Segment().(interface{ Path() string })
		if !ok {
			return nil // not all on disk: keep every file
		}
		used[filepath.Clean(p.Path())] = true
		dirs[filepath.Dir(filepath.Clean(p.Path()))] = true
	}
	for dir := range dirs {
		files, err := filepath.Glob(filepath.Join(dir, "*.zap"))
		if err != nil {
			return err
		}
		for _, f := range files {
			if !used[filepath.Clean(f)] {
				if err := os.Remove(f); err != nil {
					return unwrapPathError(err)
				}
			}
		}
	}
	return nil
}
