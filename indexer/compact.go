package indexer

import (
	"context"
	"fmt"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/blevesearch/bleve/v2/index/scorch/mergeplan"
)

// Compact merges the segments of the current index in dir into one,
// which makes searches a little faster. Rankings do not change: BM25
// reads its statistics from the index's Info, not from the segments.
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
	idx, err := bleve.Open(path)
	if err != nil {
		return fmt.Errorf("index %s: cannot open it: %w", dir, err)
	}
	defer idx.Close()
	adv, err := idx.Advanced()
	if err != nil {
		return err
	}
	s, ok := adv.(*scorch.Scorch)
	if !ok {
		return fmt.Errorf("index %s: not a scorch index", dir)
	}
	opts := mergeplan.SingleSegmentMergePlanOptions
	if err := s.ForceMerge(ctx, &opts); err != nil {
		return fmt.Errorf("index %s: merging segments: %w", dir, err)
	}
	// The merged segment is in place; writing the index's information
	// again waits until the snapshot holding it is on disk.
	r, err := adv.Reader()
	if err != nil {
		return err
	}
	info, err := ReadInfo(r)
	r.Close()
	if err != nil {
		return fmt.Errorf("index %s: %w", dir, err)
	}
	if err := idx.SetInternal(infoKey, info.marshal()); err != nil {
		return fmt.Errorf("index %s: %w", dir, err)
	}
	return nil
}
