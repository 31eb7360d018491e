package indexer

import (
	"context"
	"fmt"

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
	if err := compactPath(ctx, path, 1, nil); err != nil {
		return fmt.Errorf("index %s: %w", dir, err)
	}
	return nil
}

// compactPath merges the segments of the closed index at path into one
// when it has more than max, and removes the files merged away; merging,
// when not nil, is called just before a merge starts.
func compactPath(ctx context.Context, path string, max int, merging func()) error {
	merged, err := mergeSegments(ctx, path, max, merging)
	if err != nil || !merged {
		return err
	}
	return pruneSegments(path)
}

// mergeSegments merges the segments of the closed index at path into one
// when it has more than max, and tells whether it did.
func mergeSegments(ctx context.Context, path string, max int, merging func()) (bool, error) {
	// Batches wait until they are on disk, so that writing the information
	// below persists the merged segment too.
	idx, err := bleve.OpenUsing(path, map[string]interface{}{"unsafe_batch": false})
	if err != nil {
		return false, fmt.Errorf("cannot open it: %w", err)
	}
	closed := false
	defer func() {
		if !closed {
			idx.Close()
		}
	}()
	adv, err := idx.Advanced()
	if err != nil {
		return false, err
	}
	s, ok := adv.(*scorch.Scorch)
	if !ok {
		return false, fmt.Errorf("not a scorch index")
	}
	n, err := segmentCount(s)
	if err != nil || n <= max {
		return false, err
	}
	if merging != nil {
		merging()
	}
	// The background merger may be busy with segments of its own when the
	// forced merge is planned; merge again until one segment is left.
	for try := 0; try < 10 && n > 1; try++ {
		opts := mergeplan.SingleSegmentMergePlanOptions
		if err := s.ForceMerge(ctx, &opts); err != nil {
			return false, fmt.Errorf("merging segments: %w", err)
		}
		if n, err = segmentCount(s); err != nil {
			return false, err
		}
		if err := ctx.Err(); err != nil {
			return false, err
		}
	}
	r, err := adv.Reader()
	if err != nil {
		return false, err
	}
	info, err := ReadInfo(r)
	r.Close()
	if err != nil {
		return false, err
	}
	if err := idx.SetInternal(infoKey, info.marshal()); err != nil {
		return false, err
	}
	closed = true
	return true, idx.Close()
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
