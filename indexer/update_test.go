package indexer

import (
	"context"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/index/scorch"

	"github.com/fahras/fahras/indexer/arabic"
	"github.com/fahras/fahras/store"
)

var seedNames = []string{
	"000_2b0a31d376df4e44", "001_d53218aacc3a3954", "002_24f89540b9a4c350",
	"003_9503abc412b62b6e", "004_e5a80980b21be61b",
}

// seedDir copies the seed articles into a new directory of .txt files.
func seedDir(t *testing.T) string {
	t.Helper()
	src := t.TempDir()
	for _, n := range seedNames {
		write(t, filepath.Join(src, n+".txt"), seedText(t, n+".txt"))
	}
	return src
}

func updateFrom(t *testing.T, ctx context.Context, dir, src string, opts Options) (*Summary, error) {
	t.Helper()
	r, err := OpenPaths([]string{src}, ReadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	return Update(ctx, dir, r, opts)
}

// find returns the IDs of the articles whose body has a word, sorted.
func find(t *testing.T, dir, word string) []string {
	t.Helper()
	idx, _, err := openIndex(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer idx.Close()
	q := bleve.NewTermQuery(arabic.Stem(arabic.Normalize(word)))
	q.SetField("body")
	res, err := idx.Search(bleve.NewSearchRequestOptions(q, 100, 0, false))
	if err != nil {
		t.Fatal(err)
	}
	ids := []string{}
	for _, h := range res.Hits {
		ids = append(ids, h.ID)
	}
	sort.Strings(ids)
	return ids
}

func readInfo(t *testing.T, dir string) *store.Info {
	t.Helper()
	idx, info, err := openIndex(dir)
	if err != nil {
		t.Fatal(err)
	}
	idx.Close()
	return info
}

func currentGen(t *testing.T, dir string) string {
	t.Helper()
	cur, err := currentPath(dir)
	if err != nil {
		t.Fatal(err)
	}
	return cur
}

// The changes of a source: one article changed, one deleted, one new.
// The word يلين is only in 003 at first; after the update it is only in
// 000, which gained it, since 003 is gone.
func changeSource(t *testing.T, src string) {
	t.Helper()
	p := filepath.Join(src, seedNames[0]+".txt")
	write(t, p, seedText(t, seedNames[0]+".txt")+"\nوزيرة الخزانة الأميركية جانيت يلين\n")
	if err := os.Remove(filepath.Join(src, seedNames[3]+".txt")); err != nil {
		t.Fatal(err)
	}
	// The new article is the first paragraph of 004.
	lede, _, _ := strings.Cut(seedText(t, seedNames[4]+".txt"), "\n")
	write(t, filepath.Join(src, "005_new.txt"), lede)
}

func TestUpdateAddsUpdatesDeletes(t *testing.T) {
	ctx := context.Background()
	src := seedDir(t)
	dir := filepath.Join(t.TempDir(), "ix")
	sum, err := updateFrom(t, ctx, dir, src, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if sum.Added != 5 || sum.Incremental || sum.Rebuilt != "" {
		t.Fatalf("first run: %+v", sum)
	}
	if got := find(t, dir, "يلين"); !reflect.DeepEqual(got, []string{seedNames[3]}) {
		t.Fatalf("يلين before: %v", got)
	}

	changeSource(t, src)
	sum, err = updateFrom(t, ctx, dir, src, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if !sum.Incremental || sum.Added != 1 || sum.Updated != 1 || sum.Deleted != 1 || sum.Unchanged != 3 || sum.Articles != 5 {
		t.Errorf("summary %+v, want 1 added, 1 updated, 1 deleted, 3 unchanged, 5 articles", sum)
	}
	if got := find(t, dir, "يلين"); !reflect.DeepEqual(got, []string{seedNames[0]}) {
		t.Errorf("يلين after: %v, want only the changed article", got)
	}
	if got := find(t, dir, "باتروشيف"); len(got) != 1 || got[0] != seedNames[4] {
		t.Errorf("باتروشيف (not in the new lede): %v", got)
	}
	if got := find(t, dir, "بينج"); !reflect.DeepEqual(got, []string{seedNames[4], "005_new"}) {
		t.Errorf("بينج: %v, want 004 and the new article", got)
	}
	if n := articles(t, dir); n != 5 {
		t.Errorf("%d articles", n)
	}

	// The statistics BM25 reads are those of a full build of the same
	// files, exactly.
	fresh := filepath.Join(t.TempDir(), "fresh")
	r, err := OpenPaths([]string{src}, ReadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := Build(ctx, fresh, r, Options{}); err != nil {
		t.Fatal(err)
	}
	r.Close()
	got, want := readInfo(t, dir), readInfo(t, fresh)
	if !reflect.DeepEqual(got.Fields, want.Fields) || got.Articles != want.Articles {
		t.Errorf("updated index info %+v %v\nfull build info    %+v %v", got.Fields, got.Articles, want.Fields, want.Articles)
	}

	// One generation stays, and no unfinished one.
	entries, _ := os.ReadDir(dir)
	gens := 0
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), genPrefix) {
			gens++
		}
	}
	if gens != 1 {
		t.Errorf("%d generations after the update", gens)
	}

	// Nothing changed: nothing is written, results stay.
	before := currentGen(t, dir)
	sum, err = updateFrom(t, ctx, dir, src, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if sum.Added != 0 || sum.Updated != 0 || sum.Deleted != 0 || sum.Unchanged != 5 || sum.Articles != 5 {
		t.Errorf("no-change summary %+v", sum)
	}
	if after := currentGen(t, dir); after != before {
		t.Errorf("a run without changes replaced the index")
	}
	if got := find(t, dir, "يلين"); !reflect.DeepEqual(got, []string{seedNames[0]}) {
		t.Errorf("يلين after a run without changes: %v", got)
	}
}

// An update with a changed article, modified twice, keeps exact statistics
// across several generations.
func TestUpdateRepeatedKeepsStatistics(t *testing.T) {
	ctx := context.Background()
	src := seedDir(t)
	dir := filepath.Join(t.TempDir(), "ix")
	if _, err := updateFrom(t, ctx, dir, src, Options{BatchSize: 2}); err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(src, seedNames[2]+".txt")
	text := seedText(t, seedNames[2]+".txt")
	for _, extra := range []string{"\nسيرغي لافروف في بكين\n", "", "\nجانيت يلين\n"} {
		write(t, p, text+extra)
		sum, err := updateFrom(t, ctx, dir, src, Options{BatchSize: 2})
		if err != nil {
			t.Fatal(err)
		}
		if sum.Updated != 1 || sum.Unchanged != 4 {
			t.Errorf("summary %+v", sum)
		}
	}
	// Segment files merged away during the updates are not kept.
	if n := len(unusedSegments(t, dir)); n > 0 {
		t.Errorf("%d segment files of the index are not used", n)
	}
	fresh := filepath.Join(t.TempDir(), "fresh")
	r, _ := OpenPaths([]string{src}, ReadOptions{})
	defer r.Close()
	if _, err := Build(ctx, fresh, r, Options{}); err != nil {
		t.Fatal(err)
	}
	if got, want := readInfo(t, dir), readInfo(t, fresh); !reflect.DeepEqual(got.Fields, want.Fields) {
		t.Errorf("updated %+v, full build %+v", got.Fields, want.Fields)
	}
}

// unusedSegments lists the segment files of the current generation of dir
// that its index does not use.
func unusedSegments(t *testing.T, dir string) []string {
	t.Helper()
	idx, _, err := openIndex(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer idx.Close()
	adv, _ := idx.Advanced()
	r, err := adv.Reader()
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	used := map[string]bool{}
	for _, s := range r.(*scorch.IndexSnapshot).Segments() {
		used[filepath.Base(s.Segment().(interface{ Path() string }).Path())] = true
	}
	var unused []string
	filepath.WalkDir(currentGen(t, dir), func(p string, d os.DirEntry, err error) error {
		if err == nil && filepath.Ext(p) == ".zap" && !used[d.Name()] {
			unused = append(unused, d.Name())
		}
		return nil
	})
	return unused
}

// cancellingReader cancels its context after some articles.
type cancellingReader struct {
	Reader
	after  int
	cancel context.CancelFunc
}

func (r *cancellingReader) Next() (*Article, error) {
	if r.after == 0 {
		r.cancel()
	}
	r.after--
	return r.Reader.Next()
}

// An update cancelled half way leaves the index it started from live
// and whole.
func TestUpdateInterruptedKeepsIndex(t *testing.T) {
	src := seedDir(t)
	dir := filepath.Join(t.TempDir(), "ix")
	if _, err := updateFrom(t, context.Background(), dir, src, Options{}); err != nil {
		t.Fatal(err)
	}
	before, info := currentGen(t, dir), readInfo(t, dir)
	changeSource(t, src)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	r, err := OpenPaths([]string{src}, ReadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	_, err = Update(ctx, dir, &cancellingReader{Reader: r, after: 2, cancel: cancel}, Options{BatchSize: 1})
	if err != context.Canceled {
		t.Fatalf("err %v, want cancelled", err)
	}
	if currentGen(t, dir) != before {
		t.Errorf("the interrupted update replaced the index")
	}
	if got := readInfo(t, dir); !reflect.DeepEqual(got.Fields, info.Fields) || got.Articles != 5 {
		t.Errorf("info changed: %+v", got)
	}
	if got := find(t, dir, "يلين"); !reflect.DeepEqual(got, []string{seedNames[3]}) {
		t.Errorf("يلين: %v, want the old index's 003", got)
	}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if strings.HasSuffix(e.Name(), tmpSuffix) {
			t.Errorf("left behind: %s", e.Name())
		}
	}
	// The next update starts from the intact index.
	sum, err := updateFrom(t, context.Background(), dir, src, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if sum.Added != 1 || sum.Updated != 1 || sum.Deleted != 1 || sum.Unchanged != 3 {
		t.Errorf("summary %+v", sum)
	}
}

// While another build holds the index, an update is refused at once.
func TestUpdateLocked(t *testing.T) {
	src := seedDir(t)
	dir := filepath.Join(t.TempDir(), "ix")
	if _, err := updateFrom(t, context.Background(), dir, src, Options{}); err != nil {
		t.Fatal(err)
	}
	defer holdLock(t, dir)()
	_, err := updateFrom(t, context.Background(), dir, src, Options{})
	if err == nil || !strings.Contains(err.Error(), "another build is writing") || !strings.Contains(err.Error(), dir) {
		t.Errorf("err %v", err)
	}
}

// Another analysis cannot be updated: the index is rebuilt, and the
// summary says why.
func TestUpdateOtherAnalysisRebuilds(t *testing.T) {
	src := seedDir(t)
	dir := filepath.Join(t.TempDir(), "ix")
	if _, err := updateFrom(t, context.Background(), dir, src, Options{Analysis: store.AnalysisNone}); err != nil {
		t.Fatal(err)
	}
	sum, err := updateFrom(t, context.Background(), dir, src, Options{Analysis: store.AnalysisAr})
	if err != nil {
		t.Fatal(err)
	}
	if sum.Incremental || sum.Added != 5 || !strings.Contains(sum.Rebuilt, `analysis "none"`) {
		t.Errorf("summary %+v", sum)
	}
	if info := readInfo(t, dir); info.Analysis != store.AnalysisAr {
		t.Errorf("analysis %s", info.Analysis)
	}
}

// unreadableReader adds a record that could not be read.
type unreadableReader struct {
	Reader
	done bool
}

func (r *unreadableReader) Next() (*Article, error) {
	if !r.done {
		r.done = true
		return nil, &SkipError{Reason: ReasonUnreadable, Where: "gone.txt"}
	}
	return r.Reader.Next()
}

// When some input cannot be read, the articles it may hold are not
// deleted.
func TestUpdateUnreadableInputDeletesNothing(t *testing.T) {
	src := seedDir(t)
	dir := filepath.Join(t.TempDir(), "ix")
	if _, err := updateFrom(t, context.Background(), dir, src, Options{}); err != nil {
		t.Fatal(err)
	}
	os.Remove(filepath.Join(src, seedNames[3]+".txt"))
	r, err := OpenPaths([]string{src}, ReadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	sum, err := Update(context.Background(), dir, &unreadableReader{Reader: r}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if sum.Deleted != 0 || sum.Kept != 1 || sum.Unchanged != 4 || sum.Articles != 5 {
		t.Errorf("summary %+v", sum)
	}
	if got := find(t, dir, "يلين"); !reflect.DeepEqual(got, []string{seedNames[3]}) {
		t.Errorf("يلين: %v", got)
	}
}
