package indexer

import (
	"bytes"
	"compress/gzip"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/fahras/fahras/data"
)

// readAll drains a reader, returning the articles and the skip reasons.
func readAll(t *testing.T, r Reader) ([]*Article, map[string]int) {
	t.Helper()
	defer r.Close()
	var arts []*Article
	skips := map[string]int{}
	for {
		a, err := r.Next()
		if err == io.EOF {
			return arts, skips
		}
		var se *SkipError
		if errors.As(err, &se) {
			skips[se.Reason]++
			continue
		}
		if err != nil {
			t.Fatal(err)
		}
		arts = append(arts, a)
	}
}

func seedText(t *testing.T, name string) string {
	b, err := data.Articles.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func write(t *testing.T, path, content string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

func gz(t *testing.T, s string) string {
	return string(gzipBytes(t, []byte(s)))
}

func gzipBytes(t testing.TB, p []byte) []byte {
	var b bytes.Buffer
	w := gzip.NewWriter(&b)
	if _, err := w.Write(p); err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func TestSeedReader(t *testing.T) {
	arts, skips := readAll(t, SeedReader())
	if len(arts) != 5 || len(skips) != 0 {
		t.Fatalf("%d articles, skips %v", len(arts), skips)
	}
	if arts[2].ID != "002_24f89540b9a4c350" {
		t.Errorf("ID %q", arts[2].ID)
	}
	if arts[2].Title != `لافروف يبحث مع وزير الخارجية الصيني "الحرب ضد الإرهاب" بعد أيام من هجوم موسكو` {
		t.Errorf("title %q", arts[2].Title)
	}
	if !strings.HasPrefix(arts[1].Title, "أكّد وزير الخارجية الروسي، سيرغي لافروف") {
		t.Errorf("title of 001 %q", arts[1].Title)
	}
}

// A directory of text files and JSON Lines files, plain and gzipped, with
// every kind of bad record: the good ones are read, the bad ones skipped
// by reason.
func TestOpenPathsReadsAndSkips(t *testing.T) {
	dir := t.TempDir()
	seed := seedText(t, "003_9503abc412b62b6e.txt")
	write(t, filepath.Join(dir, "a", "003_9503abc412b62b6e.txt"), seed)
	write(t, filepath.Join(dir, "a", "empty.txt"), "  \n\n")
	write(t, filepath.Join(dir, "a", "latin1.txt"), "caf\xe9")
	write(t, filepath.Join(dir, "a", "notes.md"), "# not an article")
	write(t, filepath.Join(dir, "b", "x.txt.gz"), gz(t, seed))
	lines := strings.Join([]string{
		`{"id":"snn-1","title":"أمير الرياض يستقبل","content":"استقبل أمير منطقة الرياض اليوم","date_extracted":"2015-07-21 02:51:32","source":"aawsat","url":"http://example.org/1"}`,
		`{"id":"snn-2","content":"   "}`,
		`{"content":"نص بلا معرف"}`,
		`{"id":"snn-3", "content": "نص`,
		"{\"id\":\"snn-4\",\"content\":\"\xff\xfe\"}",
		``,
		`{"id":7,"text":"رقم معرف"}`,
		`{"id":"snn-1","content":"مكرر"}`,
	}, "\n")
	write(t, filepath.Join(dir, "c.jsonl"), lines)
	write(t, filepath.Join(dir, "d.jsonl.gz"), gz(t, `{"id":"snn-9","content":"خبر"}`+"\n"))

	r, err := OpenPaths([]string{dir}, ReadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	arts, skips := readAll(t, r)
	got := map[string]*Article{}
	for _, a := range arts {
		if got[a.ID] == nil { // the duplicate snn-1 is the writer's to skip
			got[a.ID] = a
		}
	}
	for _, id := range []string{"003_9503abc412b62b6e", "x", "snn-1", "7", "snn-9"} {
		if got[id] == nil {
			t.Errorf("article %s not read; got %v", id, keys(got))
		}
	}
	want := map[string]int{ReasonEmptyText: 2, ReasonInvalidUTF8: 2, ReasonNotArticle: 1, ReasonMissingID: 1, ReasonInvalidJSON: 1}
	for k, v := range want {
		if skips[k] != v {
			t.Errorf("skips %v, want %v", skips, want)
			break
		}
	}
	if a := got["snn-1"]; a != nil {
		if a.Title != "أمير الرياض يستقبل" || a.Source != "aawsat" || a.URL != "http://example.org/1" || a.Date.Format("2006-01-02") != "2015-07-21" {
			t.Errorf("snn-1: %+v", a)
		}
	}
	if got["x"] != nil && got["x"].Body != got["003_9503abc412b62b6e"].Body {
		t.Errorf("gzipped text differs")
	}
}

func keys(m map[string]*Article) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}

func TestOpenPathsErrors(t *testing.T) {
	dir := t.TempDir()
	write(t, filepath.Join(dir, "x.pdf"), "%PDF")
	for _, paths := range [][]string{nil, {filepath.Join(dir, "missing")}, {filepath.Join(dir, "x.pdf")}} {
		if _, err := OpenPaths(paths, ReadOptions{}); err == nil {
			t.Errorf("%v: no error", paths)
		}
	}
}

// Field names can be mapped.
func TestJSONFieldsSet(t *testing.T) {
	f := DefaultJSONFields
	if err := f.Set("content=text"); err != nil {
		t.Fatal(err)
	}
	a, err := jsonArticle([]byte(`{"id":"1","text":"خبر عاجل","content":"غيره"}`), f, "x", "x", nil)
	if err != nil || a.Body != "خبر عاجل" {
		t.Errorf("%+v %v", a, err)
	}
	for _, bad := range []string{"content", "colour=x", "id="} {
		if err := f.Set(bad); err == nil {
			t.Errorf("%q accepted", bad)
		}
	}
}

// A JSON line longer than MaxRecordBytes is skipped, and the next line is
// read.
func TestLongLineSkipped(t *testing.T) {
	dir := t.TempDir()
	long := `{"id":"big","content":"` + strings.Repeat("ب", MaxRecordBytes/2+10) + `"}`
	write(t, filepath.Join(dir, "x.jsonl"), long+"\n"+`{"id":"small","content":"خبر"}`+"\n")
	r, err := OpenPaths([]string{dir}, ReadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	arts, skips := readAll(t, r)
	if len(arts) != 1 || arts[0].ID != "small" || skips[ReasonTooLarge] != 1 {
		t.Errorf("articles %v skips %v", arts, skips)
	}
}
