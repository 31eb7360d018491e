package indexer

import (
	"context"
	"errors"
	"fmt"
	"io"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/document"
	"github.com/blevesearch/bleve/v2/mapping"
)

// DefaultBatchSize is how many articles a build writes in one batch.
const DefaultBatchSize = 500

// Options control how an index is built.
type Options struct {
	// Analysis is the text analysis to index with; DefaultAnalysis when
	// empty.
	Analysis Analysis
	// BatchSize is how many articles are written in one batch;
	// DefaultBatchSize when zero.
	BatchSize int
	// Progress, when set, is called as the build goes on.
	Progress func(Progress)
	// BleveScoring is the scoring model bleve's own scorer uses on this
	// index: "bm25" (the default) or "tf-idf". Fahras ranks with its own
	// BM25 whatever this says; bleve's scorer is kept for comparisons.
	BleveScoring string
}

func (o Options) withDefaults() Options {
	if o.Analysis == "" {
		o.Analysis = DefaultAnalysis
	}
	if o.BatchSize <= 0 {
		o.BatchSize = DefaultBatchSize
	}
	return o
}

// Progress reports how far a build has come.
type Progress struct {
	// Articles counts the articles written so far.
	Articles int
	// Skipped counts the records skipped so far.
	Skipped int
	// Bytes is how much of the input has been read, and TotalBytes how
	// much there is in all (0 when unknown).
	Bytes, TotalBytes int64
}

// Summary tells what a build did.
type Summary struct {
	// Added counts the articles written.
	Added int `json:"added"`
	// Skipped counts the records that were not indexed, by reason.
	Skipped map[string]int `json:"skipped,omitempty"`
	// Articles counts the articles in the index after the build.
	Articles uint64 `json:"articles"`
	// Bytes is how much input was read.
	Bytes int64 `json:"bytes"`
	// Elapsed is how long the build took.
	Elapsed time.Duration `json:"elapsed_ns"`
	// IndexBytes is the size of the index on disk (0 for an in-memory
	// index).
	IndexBytes int64 `json:"index_bytes"`
}

// SkippedTotal counts all skipped records.
func (s *Summary) SkippedTotal() int {
	n := 0
	for _, c := range s.Skipped {
		n += c
	}
	return n
}

// writer adds articles to an open bleve index in batches and keeps the
// per-field statistics that the index's Info records.
type writer struct {
	idx     bleve.Index
	mapping mapping.IndexMapping
	info    *Info
	opts    Options
	batch   *bleve.Batch
	pending []*document.Document
	seen    map[string]bool
	sum     Summary
	start   time.Time
}

func newWriter(idx bleve.Index, m mapping.IndexMapping, info *Info, opts Options) *writer {
	if info.Fields == nil {
		info.Fields = map[string]FieldStats{}
	}
	return &writer{
		idx:     idx,
		mapping: m,
		info:    info,
		opts:    opts,
		batch:   idx.NewBatch(),
		seen:    map[string]bool{},
		sum:     Summary{Skipped: map[string]int{}},
		start:   time.Now(),
	}
}

// articleFields is the document an article is mapped from.
func articleFields(a *Article) map[string]interface{} {
	m := map[string]interface{}{
		"title": a.Title,
		"body":  a.Body,
	}
	if a.Raw != "" && a.Raw != a.Body {
		m[FieldRaw] = a.Raw
	}
	if !a.Date.IsZero() {
		m[FieldDate] = a.Date
	}
	if a.Source != "" {
		m[FieldSource] = a.Source
	}
	if a.URL != "" {
		m[FieldURL] = a.URL
	}
	if len(a.Agencies) > 0 {
		m[FieldAgencies] = a.Agencies
	}
	if len(a.People) > 0 {
		m[FieldPeople] = a.People
	}
	return m
}

// add queues an article, writing a batch when one is full.
func (w *writer) add(a *Article) error {
	if w.seen[a.ID] {
		w.skip(ReasonDuplicateID)
		return nil
	}
	w.seen[a.ID] = true
	doc := document.NewDocument(a.ID)
	if err := w.mapping.MapDocument(doc, articleFields(a)); err != nil {
		return fmt.Errorf("article %s: %w", a.ID, err)
	}
	if err := w.batch.IndexAdvanced(doc); err != nil {
		return fmt.Errorf("article %s: %w", a.ID, err)
	}
	w.pending = append(w.pending, doc)
	if len(w.pending) >= w.opts.BatchSize {
		return w.flush()
	}
	return nil
}

func (w *writer) skip(reason string) {
	w.sum.Skipped[reason]++
}

// flush writes the queued batch and adds its documents' field lengths,
// known once bleve has analyzed them, to the statistics.
func (w *writer) flush() error {
	if w.batch.Size() == 0 {
		return nil
	}
	if err := w.idx.Batch(w.batch); err != nil {
		return fmt.Errorf("writing a batch of %d articles: %w", len(w.pending), err)
	}
	for _, doc := range w.pending {
		w.count(doc, 1)
	}
	w.sum.Added += len(w.pending)
	w.pending = w.pending[:0]
	w.batch.Reset()
	return nil
}

// count adds (sign 1) or removes (sign -1) a document's field lengths
// from the statistics.
func (w *writer) count(doc *document.Document, sign int) {
	lens := map[string]int{}
	for _, f := range doc.Fields {
		if tf, ok := f.(*document.TextField); ok && tf.Options().IsIndexed() {
			lens[tf.Name()] += tf.AnalyzedLength()
		}
	}
	for _, f := range w.info.Analysis.Fields() {
		n := lens[f.Name]
		if n == 0 {
			continue
		}
		st := w.info.Fields[f.Name]
		if sign > 0 {
			st.Docs++
			st.Tokens += uint64(n)
		} else {
			st.Docs--
			st.Tokens -= uint64(n)
		}
		w.info.Fields[f.Name] = st
	}
	if sign > 0 {
		w.info.Articles++
	} else {
		w.info.Articles--
	}
}

// finish writes what is queued and then the index's Info.
func (w *writer) finish() error {
	if err := w.flush(); err != nil {
		return err
	}
	w.info.Format = FormatVersion
	w.info.Built = time.Now().UTC()
	if err := w.idx.SetInternal(infoKey, w.info.marshal()); err != nil {
		return fmt.Errorf("writing the index information: %w", err)
	}
	w.sum.Articles = w.info.Articles
	w.sum.Elapsed = time.Since(w.start)
	return nil
}

// copyAll writes every article a reader yields, counting the records it
// skips, until the reader ends or ctx is cancelled.
func (w *writer) copyAll(ctx context.Context, r Reader) error {
	for {
		if err := ctx.Err(); err != nil {
			return err
		}
		a, err := r.Next()
		if err == io.EOF {
			break
		}
		var skip *SkipError
		if errors.As(err, &skip) {
			w.skip(skip.Reason)
			continue
		}
		if err != nil {
			return err
		}
		if err := w.add(a); err != nil {
			return err
		}
		if w.opts.Progress != nil && (len(w.pending) == 0 || len(w.pending)%50 == 0) {
			p := Progress{Articles: w.sum.Added + len(w.pending), Skipped: w.sum.SkippedTotal()}
			p.Bytes, p.TotalBytes = r.Progress()
			w.opts.Progress(p)
		}
	}
	if err := w.finish(); err != nil {
		return err
	}
	w.sum.Bytes, _ = r.Progress()
	return nil
}
