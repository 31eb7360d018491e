package store

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"sync"
	"sync/atomic"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/blevesearch/bleve/v2/mapping"
	index "github.com/blevesearch/bleve_index_api"
)

// Batch bounds: a batch is written when it holds DefaultBatchDocs
// articles or DefaultBatchBytes of text, whichever comes first, so that a
// build's memory stays bounded whatever the articles' sizes.
const (
	DefaultBatchDocs  = 1000
	DefaultBatchBytes = 8 << 20
)

// maxUpdateSegments is how many segments an updated index may keep before
// the update merges them into one.
const maxUpdateSegments = 8

// WriteOptions control how a generation is written.
type WriteOptions struct {
	// Analysis is the analysis of the index; DefaultAnalysis when empty.
	Analysis Analysis
	// Fresh writes the generation from nothing even when dir holds an
	// index: a rebuild.
	Fresh bool
	// BatchDocs and BatchBytes bound a batch (DefaultBatchDocs and
	// DefaultBatchBytes when zero).
	BatchDocs, BatchBytes int
	// KeepSegments leaves the generation in the segments it was written
	// in, instead of merging them at the end: for tests of merging.
	KeepSegments bool
	// Merging, when set, is called just before the segments are merged,
	// the write's last long step.
	Merging func()
}

func (o WriteOptions) withDefaults() WriteOptions {
	if o.Analysis == "" {
		o.Analysis = DefaultAnalysis
	}
	if o.BatchDocs <= 0 {
		o.BatchDocs = DefaultBatchDocs
	}
	if o.BatchBytes <= 0 {
		o.BatchBytes = DefaultBatchBytes
	}
	return o
}

// Writer writes a new generation of an index: from nothing, or as a copy
// of the current generation with what changed. Nothing it writes is seen
// by readers until Commit; Abort, or a failed Commit, leaves the index as
// it was. A Writer is not safe for concurrent use.
type Writer struct {
	dir, gen, tmp string // tmp is "" for an index in memory
	opts          WriteOptions
	unlock        func()
	idx           bleve.Index
	old           index.IndexReader // the current generation, for an update
	info          Info
	batch         *pending
	infoMu        sync.Mutex // guards info while batches are written
	changes       int
	rebuilt       string
	errs          chan error // errors bleve reports from its background work
	// queue takes full batches to the goroutines that write them, so
	// that the next batch is made while others are turned into segments;
	// done says when each of the writers has written all it took, and
	// with what error.
	queue    chan *pending
	done     chan error
	writers  int
	failed   atomic.Pointer[error]
	codec    *Codec
	finished bool
}

// Begin takes the lock of the index directory dir (creating it if needed)
// and starts a new generation. Unless opts.Fresh is set, the generation
// starts as a copy of the current one when there is one that can be
// updated (same format, analysis and analysis version); otherwise it
// starts empty, and Rebuilt says why when an index was there.
func Begin(dir string, opts WriteOptions) (w *Writer, err error) {
	opts = opts.withDefaults()
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("index directory %s: %w", dir, unwrapPathError(err))
	}
	unlock, err := lockDir(dir)
	if err != nil {
		return nil, err
	}
	defer func() {
		if err != nil {
			unlock()
		}
	}()
	removeStale(dir)
	m, err := NewMapping(opts.Analysis)
	if err != nil {
		return nil, err
	}
	codec, err := NewCodec()
	if err != nil {
		return nil, err
	}
	w = &Writer{dir: dir, gen: newGeneration(), opts: opts, unlock: unlock, codec: codec, errs: make(chan error, 1)}
	w.tmp = filepath.Join(dir, w.gen+tmpSuffix)
	w.info = Info{Analysis: opts.Analysis, Fields: map[string]FieldStats{}}
	if err := w.open(m); err != nil {
		codec.Close()
		os.RemoveAll(w.tmp)
		return nil, err
	}
	w.batch = &pending{}
	if err := w.startBatches(); err != nil {
		w.Abort()
		return nil, err
	}
	return w, nil
}

// startBatches starts the goroutines that write full batches: two, so
// that both cores analyse articles and turn batches into segments while
// the next batch is gathered (each article is in one batch only, so the
// order in which batches land does not matter); one when each batch must
// stay a segment of its own, in order. Each has its own Encoder. The
// queue holds no batch of its own: the analysed articles in memory are
// those of the batches being written.
func (w *Writer) startBatches() error {
	writers := min(2, runtime.GOMAXPROCS(0))
	if w.opts.KeepSegments {
		writers = 1
	}
	encs := make([]*Encoder, writers)
	for i := range encs {
		enc, err := w.opts.Analysis.NewEncoder(w.codec)
		if err != nil {
			return err
		}
		encs[i] = enc
	}
	queue, done := make(chan *pending), make(chan error, writers)
	w.queue, w.done, w.writers = queue, done, writers
	for _, enc := range encs {
		go func() {
			var err error
			for p := range queue {
				if err != nil || w.failed.Load() != nil {
					continue
				}
				if err = w.write(enc, p); err != nil {
					err = w.diskError(fmt.Errorf("writing a batch of %d articles: %w", len(p.docs)+len(p.deletes), err))
					w.failed.CompareAndSwap(nil, &err)
				}
			}
			done <- err
		}()
	}
	return nil
}

// pending is a batch being gathered: articles to write, IDs to delete.
type pending struct {
	docs    []*Doc
	deletes []string
	bytes   int
}

func (p *pending) size() int { return len(p.docs) + len(p.deletes) }

// write analyses a batch's articles and writes the batch.
func (w *Writer) write(enc *Encoder, p *pending) error {
	b := w.idx.NewBatch()
	for _, d := range p.docs {
		enc.encode(d)
		w.addInfo(d.Lens, 1)
		if err := b.IndexAdvanced(d.doc); err != nil {
			return fmt.Errorf("article %s: %w", d.ID, err)
		}
		d.doc = nil
	}
	for _, id := range p.deletes {
		b.Delete(id)
	}
	return w.idx.Batch(b)
}

// addInfo counts an article's field lengths in the statistics (sign 1)
// or takes them out (-1).
func (w *Writer) addInfo(lens [2]int, sign int) {
	w.infoMu.Lock()
	w.info.add(lens, sign)
	w.infoMu.Unlock()
}

// drain waits until every batch queued is written.
func (w *Writer) drain() error {
	if w.queue == nil {
		return nil
	}
	close(w.queue)
	w.queue = nil
	var first error
	for range w.writers {
		if err := <-w.done; err != nil && first == nil {
			first = err
		}
	}
	return first
}

// open opens the new generation: a copy of the current one when it can
// be updated, else an empty index.
func (w *Writer) open(m *mapping.IndexMappingImpl) error {
	cur, info, reason := w.updatable(m)
	if cur == "" || w.opts.Fresh {
		if !w.opts.Fresh {
			w.rebuilt = reason
		}
		idx, err := bleve.NewUsing(w.tmp, m, scorch.Name, scorch.Name, w.config(true))
		if err != nil {
			return fmt.Errorf("creating the index in %s: %w", w.tmp, unwrapPathError(err))
		}
		w.idx = idx
		return nil
	}
	if err := copyGeneration(cur, w.tmp); err != nil {
		return fmt.Errorf("copying the index for an update: %w", err)
	}
	idx, err := bleve.OpenUsing(w.tmp, w.config(false))
	if err != nil {
		return fmt.Errorf("opening the index copy %s: %w", w.tmp, unwrapPathError(err))
	}
	adv, err := idx.Advanced()
	if err == nil {
		// The snapshot as it was before the update: what every article
		// read is compared with.
		w.old, err = adv.Reader()
	}
	if err != nil {
		idx.Close()
		return fmt.Errorf("opening the index copy %s: %w", w.tmp, err)
	}
	w.idx, w.info = idx, *info
	return nil
}

// updatable returns the path of dir's current generation and its Info
// when it can be updated with mapping m, or why it cannot ("" and no
// reason when there is none).
func (w *Writer) updatable(m *mapping.IndexMappingImpl) (cur string, info *Info, reason string) {
	if _, err := os.Stat(filepath.Join(w.dir, currentFile)); errors.Is(err, fs.ErrNotExist) {
		return "", nil, ""
	}
	cur, err := current(w.dir)
	if err != nil {
		return "", nil, "the index could not be read: " + err.Error()
	}
	idx, err := openBleve(cur)
	if err != nil {
		return "", nil, "the index could not be opened: " + err.Error()
	}
	defer idx.Close()
	b, err := idx.GetInternal(infoKey)
	info = &Info{}
	if err != nil || b == nil || json.Unmarshal(b, info) != nil {
		return "", nil, "the index has no readable Fahras information"
	}
	switch {
	case info.Format != FormatVersion:
		return "", nil, fmt.Sprintf("the index is in format %d and this program writes format %d", info.Format, FormatVersion)
	case info.Analysis != w.opts.Analysis:
		return "", nil, fmt.Sprintf("the index was built with analysis %q and this run asks for %q", info.Analysis, w.opts.Analysis)
	case info.AnalysisVersion != w.opts.Analysis.Version():
		return "", nil, fmt.Sprintf("the index was analysed under version %d of the %s analysis and this program has version %d", info.AnalysisVersion, info.Analysis, w.opts.Analysis.Version())
	}
	old, err1 := json.Marshal(idx.Mapping())
	now, err2 := json.Marshal(m)
	if err1 != nil || err2 != nil || !bytes.Equal(old, now) {
		return "", nil, "the index was built with another field mapping"
	}
	if info.Fields == nil {
		info.Fields = map[string]FieldStats{}
	}
	return cur, info, ""
}

// config is the scorch configuration of the generation being written.
// Batches do not wait to be on disk: the generation is invisible until it
// is complete, and Commit waits for all. A new index is not merged while
// it is written, only once at the end (see merge), so that no article is
// merged twice.
func (w *Writer) config(fresh bool) map[string]interface{} {
	c := map[string]interface{}{
		// With KeepSegments each batch waits to be on disk, so that it
		// stays a segment of its own.
		"unsafe_batch":           !w.opts.KeepSegments,
		"asyncErrorCallbackName": asyncErrorCallback,
	}
	if fresh {
		c["scorchMergePlanOptions"] = map[string]interface{}{"MaxSegmentsPerTier": 1 << 20, "SegmentsPerMergeTask": 1 << 20}
	}
	watchErrors(w.tmp, w.errs)
	return c
}

// Rebuilt says why a generation starts empty although dir held an index
// (another analysis, format or analysis version, or an unreadable index);
// empty otherwise.
func (w *Writer) Rebuilt() string { return w.rebuilt }

// Updating tells whether the generation is a copy of the current one, so
// that Old, OldIDs and OldLeaders see the index as it was.
func (w *Writer) Updating() bool { return w.old != nil }

// Codec is the writer's text codec, for Encoders that make its Docs.
func (w *Writer) Codec() *Codec { return w.codec }

// Analysis is the analysis of the index being written.
func (w *Writer) Analysis() Analysis { return w.opts.Analysis }

// Put writes an article, replacing the article of the same ID; old is
// that article's record as Old returned it, nil when there is none.
func (w *Writer) Put(ctx context.Context, d *Doc, old *Record) error {
	if err := w.asyncError(); err != nil {
		return err
	}
	if old != nil {
		w.addInfo(old.Lens, -1)
	}
	w.batch.docs = append(w.batch.docs, d)
	w.changes++
	w.batch.bytes += d.pendingBytes
	if w.batch.size() >= w.opts.BatchDocs || w.batch.bytes >= w.opts.BatchBytes {
		return w.flush(ctx)
	}
	return nil
}

// Delete removes an article; old is its record as Old returned it.
func (w *Writer) Delete(ctx context.Context, id string, old *Record) error {
	w.addInfo(old.Lens, -1)
	w.batch.deletes = append(w.batch.deletes, id)
	w.changes++
	if w.batch.size() >= w.opts.BatchDocs {
		return w.flush(ctx)
	}
	return nil
}

// flush hands the batch made so far to be written, and starts another.
func (w *Writer) flush(ctx context.Context) error {
	if w.batch.size() == 0 {
		return nil
	}
	if err := w.asyncError(); err != nil {
		return err
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	select {
	case w.queue <- w.batch:
	case <-ctx.Done():
		return ctx.Err()
	}
	w.batch = &pending{}
	return nil
}

// Old returns the record of an article as the current generation holds
// it, or nil when it has none (or when the generation is written from
// nothing).
func (w *Writer) Old(id string) (*Record, error) {
	if w.old == nil {
		return nil, nil
	}
	return readRecord(w.old, id)
}

// readRecord reads an article's record from an index reader; nil when the
// article is not there.
func readRecord(r index.IndexReader, id string) (*Record, error) {
	doc, err := r.Document(id)
	if err != nil {
		return nil, fmt.Errorf("article %s: reading it from the index: %w", id, err)
	}
	if doc == nil {
		return nil, nil
	}
	var rec *Record
	doc.VisitFields(func(f index.Field) {
		if f.Name() == FieldRecord && err == nil {
			rec, err = DecodeRecord(f.Value())
		}
	})
	if err != nil {
		return nil, fmt.Errorf("article %s: %w", id, err)
	}
	if rec == nil {
		return nil, fmt.Errorf("article %s: %w: none stored", id, ErrDamagedRecord)
	}
	return rec, nil
}

// OldIDs calls fn with the ID of every article of the current generation
// as it was before this write.
func (w *Writer) OldIDs(ctx context.Context, fn func(id string) error) error {
	if w.old == nil {
		return nil
	}
	dr, err := w.old.DocIDReaderAll()
	if err != nil {
		return fmt.Errorf("listing the articles of the index: %w", err)
	}
	defer dr.Close()
	for n := 0; ; n++ {
		if n%1024 == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		iid, err := dr.Next()
		if err != nil {
			return fmt.Errorf("listing the articles of the index: %w", err)
		}
		if iid == nil {
			return nil
		}
		id, err := w.old.ExternalID(iid)
		if err != nil {
			return fmt.Errorf("listing the articles of the index: %w", err)
		}
		if err := fn(id); err != nil {
			return err
		}
	}
}

// OldLeaders returns the IDs of the first articles of stories in the
// current generation that share one of the band values with an article.
func (w *Writer) OldLeaders(ctx context.Context, bands []string) ([]string, error) {
	if w.old == nil {
		return nil, nil
	}
	seen := map[string]bool{}
	var out []string
	for _, b := range bands {
		tfr, err := w.old.TermFieldReader(ctx, []byte(b), FieldDup, false, false, false)
		if err != nil {
			return nil, fmt.Errorf("finding similar articles: %w", err)
		}
		for {
			tfd, err := tfr.Next(nil)
			if err != nil || tfd == nil {
				tfr.Close()
				if err != nil {
					return nil, fmt.Errorf("finding similar articles: %w", err)
				}
				break
			}
			id, err := w.old.ExternalID(tfd.ID)
			if err == nil && !seen[id] {
				seen[id] = true
				out = append(out, id)
			}
		}
	}
	return out, nil
}

// Result tells what Commit wrote.
type Result struct {
	// Info is the new generation's information.
	Info Info
	// Bytes is the size of the index on disk (0 in memory).
	Bytes int64
	// Unchanged is true when nothing changed, so the current generation
	// stays as it was.
	Unchanged bool
}

// Commit finishes the generation: it writes what is queued and the
// index's Info, merges its segments (into one for a new index, when
// there are more than a few for an update) and makes it the current one.
// The writer is done either way.
func (w *Writer) Commit(ctx context.Context) (*Result, error) {
	if w.finished {
		return nil, errors.New("the index write is already finished")
	}
	res, err := w.commit(ctx)
	if err != nil {
		w.Abort()
		return nil, err
	}
	return res, nil
}

func (w *Writer) commit(ctx context.Context) (*Result, error) {
	if err := w.flush(ctx); err != nil {
		return nil, err
	}
	if err := w.drain(); err != nil {
		return nil, err
	}
	if w.old != nil && w.changes == 0 {
		// Nothing changed: the current generation stays.
		cur, _ := current(w.dir)
		w.finish()
		return &Result{Info: w.info, Bytes: dirSize(cur), Unchanged: true}, nil
	}
	w.info.Format = FormatVersion
	w.info.AnalysisVersion = w.opts.Analysis.Version()
	w.info.Built = time.Now().UTC()
	if err := w.persistInfo(ctx, w.idx); err != nil {
		return nil, err
	}
	if w.old != nil {
		w.old.Close()
		w.old = nil
	}
	if err := w.idx.Close(); err != nil {
		return nil, w.diskError(fmt.Errorf("closing the new index: %w", err))
	}
	w.idx = nil
	if !w.opts.KeepSegments {
		max := 1
		if w.rebuilt == "" && w.Updating() {
			max = maxUpdateSegments
		}
		if err := w.merge(ctx, max); err != nil {
			return nil, w.diskError(fmt.Errorf("merging the index's segments: %w", err))
		}
	}
	if err := pruneSegments(w.tmp); err != nil {
		return nil, w.diskError(fmt.Errorf("finishing the index: %w", err))
	}
	size, err := publish(w.dir, w.gen)
	if err != nil {
		return nil, w.diskError(err)
	}
	w.finish()
	return &Result{Info: w.info, Bytes: size}, nil
}

// persistInfo writes the Info in a batch of its own and waits until it is
// on disk: batches are persisted in order, so then all are.
func (w *Writer) persistInfo(ctx context.Context, idx bleve.Index) error {
	b := idx.NewBatch()
	b.SetInternal(infoKey, w.info.marshal())
	persisted := make(chan error, 1)
	b.SetPersistedCallback(func(err error) { persisted <- err })
	if err := idx.Batch(b); err != nil {
		return w.diskError(fmt.Errorf("writing the index information: %w", err))
	}
	select {
	case err := <-persisted:
		if err != nil {
			return w.diskError(fmt.Errorf("writing the index to disk: %w", err))
		}
		return nil
	case err := <-w.errs:
		return w.diskError(err)
	case <-ctx.Done():
		return ctx.Err()
	}
}

// asyncError returns an error bleve reported from its background work,
// or the writing of a batch did, if any.
func (w *Writer) asyncError() error {
	if p := w.failed.Load(); p != nil {
		return *p
	}
	select {
	case err := <-w.errs:
		return w.diskError(err)
	default:
		return nil
	}
}

// diskError words an error writing the index, naming the directory; a
// full disk says so in one line.
func (w *Writer) diskError(err error) error {
	if isNoSpace(err) {
		return noSpaceError{w.dir}
	}
	return err
}

// Abort gives the generation up: the index stays as it was.
func (w *Writer) Abort() {
	if w.finished {
		return
	}
	w.drain()
	if w.old != nil {
		w.old.Close()
	}
	if w.idx != nil {
		w.idx.Close()
	}
	if w.tmp != "" {
		os.RemoveAll(w.tmp)
	}
	w.finish()
}

// finish releases what the writer holds.
func (w *Writer) finish() {
	w.finished = true
	unwatchErrors(w.tmp)
	if w.tmp != "" && w.old == nil && w.idx == nil {
		// An unchanged update leaves its copy behind.
		if _, err := os.Stat(w.tmp); err == nil {
			os.RemoveAll(w.tmp)
		}
	}
	w.codec.Close()
	w.unlock()
}

// copyGeneration copies the index in src to a new directory dst. Segment
// files (*.zap) never change once written, so they are hard-linked where
// the file system allows; every other file is copied.
func copyGeneration(src, dst string) error {
	return filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return unwrapPathError(err)
		}
		rel, err := filepath.Rel(src, p)
		if err != nil {
			return err
		}
		to := filepath.Join(dst, rel)
		if d.IsDir() {
			return unwrapPathError(os.Mkdir(to, 0o755))
		}
		if !d.Type().IsRegular() {
			return nil
		}
		if filepath.Ext(p) == ".zap" && os.Link(p, to) == nil {
			return nil
		}
		return copyFile(p, to)
	})
}

// copyFile copies one file, syncing the copy.
func copyFile(src, dst string) error {
	in, err := os.Open(src)
	if err != nil {
		return unwrapPathError(err)
	}
	defer in.Close()
	out, err := os.OpenFile(dst, os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0o644)
	if err != nil {
		return unwrapPathError(err)
	}
	if _, err := out.ReadFrom(in); err != nil {
		out.Close()
		return fmt.Errorf("%s: %w", filepath.Base(dst), unwrapPathError(err))
	}
	if err := out.Sync(); err != nil {
		out.Close()
		return unwrapPathError(err)
	}
	return unwrapPathError(out.Close())
}
