package store

import (
	"context"
	"fmt"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/index/scorch"
)

// NewMemory starts an index in memory, for the articles built into the
// binary and for tests; CommitMemory opens it for reading.
func NewMemory(a Analysis) (*Writer, error) {
	opts := WriteOptions{Analysis: a}.withDefaults()
	m, err := NewMapping(opts.Analysis)
	if err != nil {
		return nil, err
	}
	idx, err := bleve.NewUsing("", m, scorch.Name, scorch.Name, nil)
	if err != nil {
		return nil, fmt.Errorf("creating an index in memory: %w", err)
	}
	codec, err := NewCodec()
	if err != nil {
		idx.Close()
		return nil, err
	}
	w := &Writer{opts: opts, unlock: func() {}, idx: idx, codec: codec, errs: make(chan error, 1)}
	w.info = Info{Analysis: opts.Analysis, Fields: map[string]FieldStats{}}
	w.batch = &pending{}
	if err := w.startBatches(); err != nil {
		w.Abort()
		return nil, err
	}
	return w, nil
}

// CommitMemory finishes an index started with NewMemory and opens it for
// reading; closing the Index releases it.
func (w *Writer) CommitMemory(ctx context.Context) (*Index, error) {
	err := w.flush(ctx)
	if err == nil {
		err = w.drain()
	}
	if err != nil {
		w.Abort()
		return nil, err
	}
	w.info.Format = FormatVersion
	w.info.AnalysisVersion = w.opts.Analysis.Version()
	w.info.Built = time.Now().UTC()
	if err := w.idx.SetInternal(infoKey, w.info.marshal()); err != nil {
		w.Abort()
		return nil, err
	}
	idx := w.idx
	w.idx = nil
	w.finish()
	ix, err := wrap(idx)
	if err != nil {
		idx.Close()
		return nil, err
	}
	return ix, nil
}
