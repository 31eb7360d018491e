package indexer

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/document"
	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/blevesearch/bleve/v2/mapping"
	index "github.com/blevesearch/bleve_index_api"
)

// hashField is the stored field that holds each article's content hash,
// which an update compares with the hash of the article it reads. It is
// not indexed: an indexed field would also go into bleve's "_all" field.
const hashField = "hash"

// hashVersion changes when what the hash covers changes, so that every
// article then counts as changed.
const hashVersion = 1

// articleHash is a hex digest of everything an article is indexed from:
// the fields it is mapped from, the analysis and the index format. Two
// articles with the same hash are indexed alike, ID included.
func articleHash(a *Article, an Analysis) string {
	h := sha256.New()
	var n [8]byte
	put := func(s string) {
		binary.LittleEndian.PutUint64(n[:], uint64(len(s)))
		h.Write(n[:])
		io.WriteString(h, s)
	}
	put(fmt.Sprintf("fahras %d %d %s", hashVersion, FormatVersion, an))
	put(a.ID)
	fields := articleFields(a)
	keys := make([]string, 0, len(fields))
	for k := range fields {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		put(k)
		switch v := fields[k].(type) {
		case string:
			put(v)
		case time.Time:
			put(v.Format(time.RFC3339Nano))
		case []string:
			put(fmt.Sprint(len(v)))
			for _, s := range v {
				put(s)
			}
		default:
			b, err := json.Marshal(v)
			if err != nil {
				b = []byte(fmt.Sprintf("%#v", v))
			}
			put(string(b))
		}
	}
	return hex.EncodeToString(h.Sum(nil)[:16])
}

// addHash adds an article's hash to the document it is mapped to.
func addHash(doc *document.Document, a *Article, an Analysis) {
	doc.AddField(document.NewTextFieldWithIndexingOptions(hashField, nil,
		[]byte(articleHash(a, an)), index.StoreField))
}

// docHash returns the hash a document was given by addHash.
func docHash(doc index.Document) string {
	h := ""
	doc.VisitFields(func(f index.Field) {
		if f.Name() == hashField {
			h = string(f.Value())
		}
	})
	return h
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
// when its index cannot be updated — built with another analysis or
// index format, or unreadable; Summary.Rebuilt then says why.
//
// Articles are deleted only when r ends without an error; when some
// input could not be read (records skipped as ReasonUnreadable), no
// article is deleted and Summary.Kept counts those that would have been.
func Update(ctx context.Context, dir string, r Reader, opts Options) (*Summary, error) {
	opts = opts.withDefaults()
	unlock, m, err := prepare(dir, opts)
	if err != nil {
		return nil, err
	}
	defer unlock()
	if _, err := os.Stat(filepath.Join(dir, currentFile)); errors.Is(err, fs.ErrNotExist) {
		return build(ctx, dir, r, opts, m)
	}
	cur, info, reason := updatable(dir, m, opts.Analysis)
	if reason != "" {
		sum, err := build(ctx, dir, r, opts, m)
		if sum != nil {
			sum.Rebuilt = reason
		}
		return sum, err
	}
	return update(ctx, dir, cur, info, r, opts, m)
}

// updatable returns the current generation of dir and its Info when it
// can be updated with mapping m, or why it must be rebuilt.
func updatable(dir string, m *mapping.IndexMappingImpl, an Analysis) (cur string, info *Info, reason string) {
	cur, err := current(dir)
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
	case info.Analysis != an:
		return "", nil, fmt.Sprintf("the index was built with analysis %q and this run asks for %q", info.Analysis, an)
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

// maxUpdateSegments is how many segments an updated index may keep before
// the update merges them into one.
const maxUpdateSegments = 8

// update writes a new generation of the index in dir: a copy of the
// current generation cur with the changes r brings. The caller holds
// dir's lock.
func update(ctx context.Context, dir, cur string, info *Info, r Reader, opts Options, m *mapping.IndexMappingImpl) (*Summary, error) {
	gen := newGeneration()
	tmp := filepath.Join(dir, gen+tmpSuffix)
	if err := copyGeneration(cur, tmp); err != nil {
		os.RemoveAll(tmp)
		return nil, fmt.Errorf("copying the index for an update: %w", err)
	}
	sum, err := updateIn(ctx, tmp, info, r, opts, m)
	if err != nil {
		os.RemoveAll(tmp)
		return nil, err
	}
	if sum.Added+sum.Updated+sum.Deleted == 0 {
		// Nothing changed: the current generation stays.
		os.RemoveAll(tmp)
		sum.IndexBytes = dirSize(cur)
		return sum, nil
	}
	if !opts.KeepSegments {
		// Each update adds segments; merge them once they slow searches.
		if err := compactPath(ctx, tmp, maxUpdateSegments, mergingProgress(opts, sum)); err != nil {
			os.RemoveAll(tmp)
			return nil, fmt.Errorf("merging the index's segments: %w", err)
		}
	}
	if err := pruneSegments(tmp); err != nil {
		os.RemoveAll(tmp)
		return nil, fmt.Errorf("finishing the index: %w", err)
	}
	if sum.IndexBytes, err = publish(dir, gen); err != nil {
		return nil, err
	}
	return sum, nil
}

// updateIn applies the changes r brings to the copied index in path.
func updateIn(ctx context.Context, path string, info *Info, r Reader, opts Options, m *mapping.IndexMappingImpl) (*Summary, error) {
	idx, err := bleve.OpenUsing(path, map[string]interface{}{"unsafe_batch": true})
	if err != nil {
		return nil, fmt.Errorf("opening the index copy %s: %w", path, unwrapPathError(err))
	}
	u := &updater{w: newWriter(idx, m, info, opts)}
	u.w.persist = true
	u.w.sum.Incremental = true
	u.w.keep = u.keep
	u.w.beforeFinish = u.deleteUnseen
	adv, err := idx.Advanced()
	if err == nil {
		// The snapshot as it was before the update: what every
		// article read is compared with.
		u.old, err = adv.Reader()
	}
	if err == nil {
		err = u.w.copyAll(ctx, r)
		if cerr := u.old.Close(); err == nil && cerr != nil {
			err = fmt.Errorf("closing the index: %w", cerr)
		}
	}
	if cerr := idx.Close(); err == nil && cerr != nil {
		err = fmt.Errorf("closing the updated index: %w", cerr)
	}
	if err != nil {
		return nil, err
	}
	return &u.w.sum, nil
}

// updater decides what an update does with each article.
type updater struct {
	w   *writer
	old index.IndexReader // the index before the update
}

// keep tells whether an article read must be written: not when the index
// has it as it is; when it replaces an article, that article's field
// lengths leave the statistics.
func (u *updater) keep(id string, doc *document.Document) (bool, error) {
	old, err := u.old.Document(id)
	if err != nil {
		return false, fmt.Errorf("article %s: reading it from the index: %w", id, err)
	}
	if old != nil && docHash(old) == docHash(doc) {
		u.w.sum.Unchanged++
		return false, nil
	}
	if old != nil {
		if err := u.subtract(id, old); err != nil {
			return false, err
		}
		u.w.updates++
	}
	return true, nil
}

// subtract removes an article of the old index from the statistics. Its
// field lengths are found again by analyzing its stored text the way it
// was analyzed when it was written: each full-text field is made from
// its text (title or body), which the stem field stores.
func (u *updater) subtract(id string, old index.Document) error {
	texts := map[string]interface{}{}
	old.VisitFields(func(f index.Field) {
		for _, fd := range u.w.info.Analysis.Fields() {
			if fd.Role == RoleStem && fd.Name == f.Name() {
				texts[fd.Text] = string(f.Value())
			}
		}
	})
	doc := document.NewDocument(id)
	if err := u.w.mapping.MapDocument(doc, texts); err != nil {
		return fmt.Errorf("article %s: %w", id, err)
	}
	for _, f := range doc.Fields {
		if tf, ok := f.(*document.TextField); ok && tf.Options().IsIndexed() {
			tf.Analyze()
		}
	}
	u.w.count(doc, -1)
	return nil
}

// deleteUnseen deletes the articles of the old index that the input did
// not yield, unless some input could not be read.
func (u *updater) deleteUnseen(ctx context.Context) error {
	ids, err := u.unseen(ctx)
	if err != nil {
		return err
	}
	if u.w.sum.Skipped[ReasonUnreadable] > 0 {
		u.w.sum.Kept = len(ids)
		return nil
	}
	b := u.w.idx.NewBatch()
	for _, id := range ids {
		if err := ctx.Err(); err != nil {
			return err
		}
		old, err := u.old.Document(id)
		if err != nil {
			return fmt.Errorf("article %s: reading it from the index: %w", id, err)
		}
		if old == nil {
			continue
		}
		if err := u.subtract(id, old); err != nil {
			return err
		}
		b.Delete(id)
		u.w.sum.Deleted++
		if b.Size() >= u.w.opts.BatchSize {
			if err := u.w.idx.Batch(b); err != nil {
				return fmt.Errorf("deleting articles: %w", err)
			}
			b.Reset()
		}
	}
	if b.Size() > 0 {
		if err := u.w.idx.Batch(b); err != nil {
			return fmt.Errorf("deleting articles: %w", err)
		}
	}
	return nil
}

// unseen lists the IDs of the old index that the input did not yield.
func (u *updater) unseen(ctx context.Context) ([]string, error) {
	dr, err := u.old.DocIDReaderAll()
	if err != nil {
		return nil, fmt.Errorf("listing the articles of the index: %w", err)
	}
	defer dr.Close()
	var ids []string
	for n := 0; ; n++ {
		if n%1024 == 0 {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
		}
		iid, err := dr.Next()
		if err != nil {
			return nil, fmt.Errorf("listing the articles of the index: %w", err)
		}
		if iid == nil {
			return ids, nil
		}
		id, err := u.old.ExternalID(iid)
		if err != nil {
			return nil, fmt.Errorf("listing the articles of the index: %w", err)
		}
		if !u.w.seen[id] {
			ids = append(ids, id)
		}
	}
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

// pruneSegments removes the segment files of the index in path that its
// last snapshot does not use: bleve merges segments as an update goes on,
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
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return fmt.Errorf("%s: %w", filepath.Base(dst), unwrapPathError(err))
	}
	if err := out.Sync(); err != nil {
		out.Close()
		return unwrapPathError(err)
	}
	return unwrapPathError(out.Close())
}
