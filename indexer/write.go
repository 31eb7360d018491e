package indexer

import (
	"context"
	"errors"
	"io"
	"runtime"
	"time"

	"github.com/fahras/fahras/indexer/news"
	"github.com/fahras/fahras/store"
)

// Build reads every article from r and writes a new index of them to
// dir, creating dir if needed. Any index already in dir is replaced, and
// only when the new one is complete: if the build fails or ctx is
// cancelled, the index that was there stays as it was. It is Update
// writing its new generation from nothing.
func Build(ctx context.Context, dir string, r Reader, opts Options) (*Summary, error) {
	return writeIndex(ctx, dir, r, opts, true)
}

// Update brings the index in dir up to date with the articles r yields:
// articles not in the index are added, articles that changed are
// indexed again, articles already there as they are read are left alone,
// and articles in the index that r no longer yields are deleted. The
// Summary counts each.
//
// Like Build, Update writes a new generation and makes it current only
// when it is complete, so a failed or cancelled update leaves the index
// as it was. The new generation starts as a copy of the current one (its
// immutable segment files hard-linked where the file system allows), so
// an update costs about as much as the articles that changed. When
// nothing changed, the current generation stays as it is.
//
// Update makes a full build instead when dir holds no index yet, and
// when its index cannot be updated — built with another analysis, index
// format or analysis version, or unreadable; Summary.Rebuilt then says
// why.
//
// Articles are deleted only when r ends without an error; when some
// input could not be read (records skipped as ReasonUnreadable), no
// article is deleted and Summary.Kept counts those that would have been.
func Update(ctx context.Context, dir string, r Reader, opts Options) (*Summary, error) {
	return writeIndex(ctx, dir, r, opts, false)
}

func writeIndex(ctx context.Context, dir string, r Reader, opts Options, fresh bool) (*Summary, error) {
	start := time.Now()
	sum := &Summary{Skipped: map[string]int{}}
	w, err := store.Begin(dir, store.WriteOptions{
		Analysis:     opts.Analysis,
		Fresh:        fresh,
		BatchDocs:    opts.BatchSize,
		KeepSegments: opts.KeepSegments,
		Merging:      mergingProgress(opts, sum),
	})
	if err != nil {
		return nil, err
	}
	if err := copyAll(ctx, w, r, opts, sum); err != nil {
		w.Abort()
		return nil, err
	}
	sum.Incremental = w.Updating()
	sum.Rebuilt = w.Rebuilt()
	res, err := w.Commit(ctx)
	if err != nil {
		return nil, err
	}
	sum.Articles = res.Info.Articles
	sum.IndexBytes = res.Bytes
	sum.Elapsed = time.Since(start)
	return sum, nil
}

// BuildMemory reads every article from r into a new index in memory and
// opens it for reading.
func BuildMemory(ctx context.Context, r Reader, opts Options) (*store.Index, *Summary, error) {
	start := time.Now()
	w, err := store.NewMemory(opts.Analysis)
	if err != nil {
		return nil, nil, err
	}
	sum := &Summary{Skipped: map[string]int{}}
	if err := copyAll(ctx, w, r, opts, sum); err != nil {
		w.Abort()
		return nil, nil, err
	}
	ix, err := w.CommitMemory(ctx)
	if err != nil {
		return nil, nil, err
	}
	sum.Articles = ix.Info.Articles
	sum.Elapsed = time.Since(start)
	return ix, sum, nil
}

// mergingProgress returns the call that tells opts.Progress, if any, that
// a build or update has moved on to merging the index's segments.
func mergingProgress(opts Options, sum *Summary) func() {
	if opts.Progress == nil {
		return nil
	}
	return func() {
		opts.Progress(Progress{Merging: true, Articles: sum.Added + sum.Updated + sum.Unchanged, Skipped: sum.SkippedTotal(), Bytes: sum.Bytes, TotalBytes: sum.Bytes})
	}
}

// item is one record on its way from the reader to the index.
type item struct {
	seq        int
	a          *Article
	err        error
	read, size int64
	// What a worker made of the article.
	old       *store.Record // the article as the index had it
	unchanged bool
	sig       news.Sig
	doc       *store.Doc
}

// copyAll writes every article a reader yields into w, counting in sum
// what it does, until the reader ends or ctx is cancelled. Reading,
// analysing and writing overlap: one goroutine reads, workers prepare
// each article (hash, signature, statements and visits) on every core,
// and this one hands the articles to the writer in the order they were
// read, so that a build's result does not depend on timing; the writer
// analyses and writes the batches on two goroutines.
func copyAll(ctx context.Context, w *store.Writer, r Reader, opts Options, sum *Summary) error {
	workers := opts.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	done := make(chan struct{})
	in := make(chan *item, 4*workers)
	out := make(chan *item, 4*workers)
	readerDone := make(chan struct{})
	go func() {
		defer close(readerDone)
		defer close(in)
		for seq := 0; ; seq++ {
			it := &item{seq: seq}
			it.a, it.err = r.Next()
			it.read, it.size = r.Progress()
			select {
			case in <- it:
			case <-done:
				return
			}
			var skip *SkipError
			if it.err != nil && !errors.As(it.err, &skip) {
				return
			}
		}
	}()
	workersDone := make(chan struct{}, workers)
	for range workers {
		go func() {
			defer func() { workersDone <- struct{}{} }()
			for it := range in {
				prepare(w, it)
				select {
				case out <- it:
				case <-done:
					return
				}
			}
		}()
	}
	go func() {
		for range workers {
			<-workersDone
		}
		close(out)
	}()
	defer func() {
		// Stop the reader and the workers and wait for them, so the
		// caller may close r.
		close(done)
		for range out {
		}
		<-readerDone
	}()

	s := &sink{w: w, opts: opts, sum: sum, stories: newStories(w), seen: map[string]bool{}, texts: map[uint64]struct{}{}}
	pending := map[int]*item{}
	next := 0
	for it := range out {
		pending[it.seq] = it
		for {
			it, ok := pending[next]
			if !ok {
				break
			}
			delete(pending, next)
			next++
			if err := ctx.Err(); err != nil {
				return err
			}
			end, err := s.take(ctx, it)
			if err != nil {
				return err
			}
			if end {
				return s.finish(ctx)
			}
		}
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	return errors.New("the article reader stopped without an end")
}

// prepare does an item's share of the work that can be done in any
// order: the content hash and, unless the index already has the article
// as it is, the signature, the statements and visits, and the document
// (which the writer analyses with the batch it goes in).
func prepare(w *store.Writer, it *item) {
	if it.err != nil {
		return
	}
	a := it.a
	hash := contentHash(a, w.Analysis())
	if it.old, it.err = w.Old(a.ID); it.err != nil {
		return
	}
	if it.old != nil && it.old.Hash == hash {
		it.unchanged = true
		return
	}
	it.sig = news.Signature(a.Body)
	sa := &store.Article{
		ID: a.ID, Title: a.Title, Body: a.Body, Raw: a.Raw, Date: a.Date,
		Source: a.Source, URL: a.URL, Agencies: a.Agencies, People: a.People, Hash: hash,
	}
	sa.Statements, sa.Visits = extractEvents(a)
	it.doc = store.NewDoc(sa)
}

// sink takes prepared articles in the order they were read and writes
// them.
type sink struct {
	w       *store.Writer
	opts    Options
	sum     *Summary
	stories *stories
	seen    map[string]bool
	texts   map[uint64]struct{} // hashes of the texts read, by textHash
	pending int                 // articles taken since the last progress report
}

// take writes one item; end is true at the end of the input.
func (s *sink) take(ctx context.Context, it *item) (end bool, err error) {
	s.sum.Bytes = it.read
	var skip *SkipError
	switch {
	case it.err == io.EOF:
		return true, nil
	case errors.As(it.err, &skip):
		s.sum.Skipped[skip.Reason]++
	case it.err != nil:
		return false, it.err
	case s.seen[it.a.ID]:
		s.sum.Skipped[ReasonDuplicateID]++
	default:
		a := it.a
		s.seen[a.ID] = true
		if h := textHash(a); hasKey(s.texts, h) {
			s.sum.SameText++
		} else {
			s.texts[h] = struct{}{}
		}
		if it.unchanged {
			s.sum.Unchanged++
			break
		}
		story, terms, err := s.stories.assign(ctx, a.ID, it.sig, a.Date)
		if err != nil {
			return false, err
		}
		if story != a.ID {
			s.sum.Stories++
		}
		it.doc.SetGroup(story, terms)
		if err := s.w.Put(ctx, it.doc, it.old); err != nil {
			return false, err
		}
		if it.old != nil {
			s.sum.Updated++
		} else {
			s.sum.Added++
		}
	}
	if s.opts.Progress != nil {
		if s.pending++; s.pending >= 50 {
			s.pending = 0
			s.opts.Progress(Progress{Articles: s.sum.Added + s.sum.Updated + s.sum.Unchanged, Skipped: s.sum.SkippedTotal(), Bytes: it.read, TotalBytes: it.size})
		}
	}
	return false, nil
}

// finish deletes the articles of the index that the input did not yield,
// unless some input could not be read.
func (s *sink) finish(ctx context.Context) error {
	if !s.w.Updating() {
		return nil
	}
	var gone []string
	err := s.w.OldIDs(ctx, func(id string) error {
		if !s.seen[id] {
			gone = append(gone, id)
		}
		return nil
	})
	if err != nil {
		return err
	}
	if s.sum.Skipped[ReasonUnreadable] > 0 {
		s.sum.Kept = len(gone)
		return nil
	}
	for _, id := range gone {
		old, err := s.w.Old(id)
		if err != nil {
			return err
		}
		if old == nil {
			continue
		}
		if err := s.w.Delete(ctx, id, old); err != nil {
			return err
		}
		s.sum.Deleted++
	}
	return nil
}

func hasKey(m map[uint64]struct{}, k uint64) bool {
	_, ok := m[k]
	return ok
}
