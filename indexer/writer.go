package indexer

import (
	"context"
	"errors"
	"fmt"
	"hash/fnv"
	"io"
	"strings"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/document"
	"github.com/blevesearch/bleve/v2/mapping"

	"github.com/fahras/fahras/indexer/news"
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
	// KeepSegments leaves an on-disk index in the segments it was
	// written in, instead of merging them into one at the end of a build
	// (or of an update that left many): for tests of merging.
	KeepSegments bool
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
	// Merging is true once every article is written and the index's
	// segments are being merged into one, the build's last step.
	Merging bool
	// Articles counts the articles written so far.
	Articles int
	// Skipped counts the records skipped so far.
	Skipped int
	// Bytes is how much of the input has been read, and TotalBytes how
	// much there is in all (0 when unknown).
	Bytes, TotalBytes int64
}

// Summary tells what a build or an update did.
type Summary struct {
	// Added counts the articles written that were not in the index.
	Added int `json:"added"`
	// Updated counts the articles rewritten because they changed (by
	// Update only).
	Updated int `json:"updated"`
	// Deleted counts the articles removed because the input no longer
	// has them (by Update only).
	Deleted int `json:"deleted"`
	// Unchanged counts the articles already in the index as they were
	// read, left as they were (by Update only).
	Unchanged int `json:"unchanged"`
	// Kept counts the articles Update did not delete although the input
	// no longer has them, because some input could not be read.
	Kept int `json:"kept,omitempty"`
	// Incremental is true when Update changed the index in place of a
	// full build.
	Incremental bool `json:"incremental"`
	// Rebuilt says why Update made a full build of an existing index
	// instead (a different analysis or format); empty otherwise.
	Rebuilt string `json:"rebuilt,omitempty"`
	// SameText counts the articles whose title and body repeat those of
	// an article read before them in the same run, under another ID
	// (indexed all the same: their source or address may differ).
	SameText int `json:"same_text,omitempty"`
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
	texts   map[uint64]struct{} // hashes of the texts read, by textHash
	sum     Summary
	start   time.Time
	persist bool // wait for the index to be on disk at the end

	// An update sets these: keep tells whether an article is to be
	// written (counting it as unchanged otherwise, and as an update when
	// it replaces one); beforeFinish runs once all articles are read.
	keep         func(id string, doc *document.Document) (bool, error)
	beforeFinish func(ctx context.Context) error
	updates      int // articles in pending that replace one
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
		texts:   map[uint64]struct{}{},
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
		m[FieldMonth] = a.Date.UTC().Format(MonthFormat)
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
	if sig := news.Signature(a.Body); !sig.Empty() {
		m[FieldSig] = sig.String()
		m[FieldDup] = DupBands(sig)
	}
	return m
}

// add queues an article mapped to a document, writing a batch when one
// is full.
func (w *writer) add(id string, doc *document.Document) error {
	if w.seen[id] {
		w.skip(ReasonDuplicateID)
		return nil
	}
	w.seen[id] = true
	if w.keep != nil {
		if ok, err := w.keep(id, doc); err != nil || !ok {
			return err
		}
	}
	if err := w.batch.IndexAdvanced(doc); err != nil {
		return fmt.Errorf("article %s: %w", id, err)
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
	w.sum.Added += len(w.pending) - w.updates
	w.sum.Updated += w.updates
	w.updates = 0
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
func (w *writer) finish(ctx context.Context) error {
	if err := w.flush(); err != nil {
		return err
	}
	w.info.Format = FormatVersion
	w.info.Built = time.Now().UTC()
	// The information goes in a batch of its own that reports when it is
	// on disk; batches are persisted in order, so then all are.
	b := w.idx.NewBatch()
	b.SetInternal(infoKey, w.info.marshal())
	persisted := make(chan error, 1)
	b.SetPersistedCallback(func(err error) { persisted <- err })
	if err := w.idx.Batch(b); err != nil {
		return fmt.Errorf("writing the index information: %w", err)
	}
	if w.persist {
		select {
		case err := <-persisted:
			if err != nil {
				return fmt.Errorf("writing the index to disk: %w", err)
			}
		case <-ctx.Done():
			return ctx.Err()
		}
	}
	w.sum.Articles = w.info.Articles
	w.sum.Elapsed = time.Since(w.start)
	return nil
}

// item is one record read and mapped ahead of the writer.
type item struct {
	id         string
	doc        *document.Document
	text       uint64 // a hash of the article's title and body
	err        error
	read, size int64
}

// readAhead reads and maps articles in its own goroutine, so that reading
// and parsing the input overlap with bleve's indexing of the previous
// batch. It stops at the end of the input, at an error, or when done is
// closed.
func (w *writer) readAhead(r Reader, done <-chan struct{}) <-chan item {
	out := make(chan item, w.opts.BatchSize)
	go func() {
		defer close(out)
		for {
			var it item
			a, err := r.Next()
			it.read, it.size = r.Progress()
			switch {
			case err != nil:
				it.err = err
			default:
				it.id = a.ID
				it.text = textHash(a)
				it.doc = document.NewDocument(a.ID)
				if err := w.mapping.MapDocument(it.doc, articleFields(a)); err != nil {
					it.err = fmt.Errorf("article %s: %w", a.ID, err)
				}
				addHash(it.doc, a, w.info.Analysis)
			}
			select {
			case out <- it:
			case <-done:
				return
			}
			var skip *SkipError
			if it.err != nil && !errors.As(it.err, &skip) {
				return
			}
		}
	}()
	return out
}

// copyAll writes every article a reader yields, counting the records it
// skips, until the reader ends or ctx is cancelled.
func (w *writer) copyAll(ctx context.Context, r Reader) error {
	done := make(chan struct{})
	items := w.readAhead(r, done)
	defer func() {
		// Stop the reader and wait for it, so the caller may close r.
		close(done)
		for range items {
		}
	}()
	var read int64
	for it := range items {
		if err := ctx.Err(); err != nil {
			return err
		}
		read = it.read
		var skip *SkipError
		switch {
		case it.err == io.EOF:
		case errors.As(it.err, &skip):
			w.skip(skip.Reason)
		case it.err != nil:
			return it.err
		default:
			if _, ok := w.texts[it.text]; ok && !w.seen[it.id] {
				w.sum.SameText++
			} else {
				w.texts[it.text] = struct{}{}
			}
			if err := w.add(it.id, it.doc); err != nil {
				return err
			}
		}
		if w.opts.Progress != nil && (len(w.pending) == 0 || len(w.pending)%50 == 0) {
			w.opts.Progress(Progress{Articles: w.sum.Added + w.sum.Updated + w.sum.Unchanged + len(w.pending), Skipped: w.sum.SkippedTotal(), Bytes: it.read, TotalBytes: it.size})
		}
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	if w.beforeFinish != nil {
		if err := w.beforeFinish(ctx); err != nil {
			return err
		}
	}
	if err := w.finish(ctx); err != nil {
		return err
	}
	w.sum.Bytes = read
	return nil
}

// textHash hashes an article's title and body with their white space
// folded, to count articles that repeat another's text.
func textHash(a *Article) uint64 {
	h := fnv.New64a()
	for _, t := range []string{a.Title, a.Body} {
		for _, f := range strings.Fields(t) {
			h.Write([]byte(f))
			h.Write([]byte{' '})
		}
		h.Write([]byte{0})
	}
	return h.Sum64()
}
