package indexer

import (
	"context"
	"errors"
	"io"
	"slices"
	"testing"
	"time"

	"github.com/blevesearch/bleve/v2"
)

// An article given only as raw text, as a Go program would pass it, is
// indexed as the same text read from a file: its body can be searched,
// and its title, date and people are read from the text. Before, it was
// counted as added but no word of it could be found.
func TestArticlesReaderReadsRaw(t *testing.T) {
	raw := seedText(t, "002_24f89540b9a4c350.txt")
	given := &Article{ID: "b1", Raw: raw, Source: "aljazeera"}
	idx, sum, err := BuildMemory(context.Background(), ArticlesReader([]*Article{given}), Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer idx.Close()
	if sum.Added != 1 {
		t.Fatalf("added %d, skipped %v", sum.Added, sum.Skipped)
	}
	q := bleve.NewMatchQuery("أوراسيا")
	q.SetField("body")
	res, err := idx.Search(bleve.NewSearchRequest(q))
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Hits) != 1 || res.Hits[0].ID != "b1" {
		t.Errorf("searching the body for أوراسيا found %v, want b1", res.Hits)
	}
	if given.Body != "" || given.Title != "" {
		t.Errorf("the caller's article was changed: %+v", given)
	}

	a := next(t, ArticlesReader([]*Article{given}))
	fromFile := ParseText("b1", raw)
	if a.Body != fromFile.Body || a.Title != fromFile.Title {
		t.Errorf("raw text read unlike ParseText:\ntitle %q\nwant  %q", a.Title, fromFile.Title)
	}
	if a.Title != `لافروف يبحث مع وزير الخارجية الصيني "الحرب ضد الإرهاب" بعد أيام من هجوم موسكو` {
		t.Errorf("title %q", a.Title)
	}
	if !a.Date.Equal(time.Date(2024, 4, 9, 0, 0, 0, 0, time.UTC)) || !slices.Contains(a.People, "سيرغي لافروف") || a.Source != "aljazeera" {
		t.Errorf("date %v, people %q, source %q", a.Date, a.People, a.Source)
	}
}

// What the caller set is kept; only what is missing is read from Raw.
func TestArticlesReaderKeepsGivenFields(t *testing.T) {
	when := time.Date(2024, 4, 10, 0, 0, 0, 0, time.UTC)
	given := &Article{ID: "b1", Raw: seedText(t, "002_24f89540b9a4c350.txt"), Title: "لافروف في بكين", Date: when}
	a := next(t, ArticlesReader([]*Article{given}))
	if a.Title != "لافروف في بكين" || !a.Date.Equal(when) || a.Body == "" {
		t.Errorf("title %q, date %v, body %d bytes", a.Title, a.Date, len(a.Body))
	}
	withBody := &Article{ID: "b2", Body: "وزير الخارجية الروسي سيرغي لافروف في بكين"}
	if a := next(t, ArticlesReader([]*Article{withBody})); a != withBody {
		t.Errorf("an article with a body was not passed as it was: %+v", a)
	}
}

// Articles that cannot be indexed are skipped with their reason.
func TestArticlesReaderSkips(t *testing.T) {
	text := "وزير الخارجية الروسي سيرغي لافروف في بكين"
	tests := []struct {
		name string
		a    *Article
		want string
	}{
		{"no article", nil, ReasonEmptyText},
		{"no text", &Article{ID: "b1", Raw: " \n "}, ReasonEmptyText},
		{"no ID", &Article{Raw: text}, ReasonMissingID},
		{"ID .", &Article{ID: ".", Raw: text}, ReasonInvalidID},
		{"ID ..", &Article{ID: "..", Raw: text}, ReasonInvalidID},
		{"raw text not UTF-8", &Article{ID: "b1", Raw: "لافروف \xff"}, ReasonInvalidUTF8},
		{"body not UTF-8", &Article{ID: "b1", Body: "لافروف \xff"}, ReasonInvalidUTF8},
	}
	for _, tt := range tests {
		_, err := ArticlesReader([]*Article{tt.a}).Next()
		var se *SkipError
		if !errors.As(err, &se) || se.Reason != tt.want {
			t.Errorf("%s: %v, want skipped as %q", tt.name, err, tt.want)
		}
	}
}

// IDs that cannot name an article.
func TestCheckID(t *testing.T) {
	tests := []struct {
		id, want string
	}{
		{"002_24f89540b9a4c350", ""},
		{"snn-000532", ""},
		{"gaza/2024", ""},
		{"...", ""},
		{"", ReasonMissingID},
		{"  ", ReasonMissingID},
		{".", ReasonInvalidID},
		{"..", ReasonInvalidID},
		{"a\nb", ReasonInvalidID},
		{"\xff", ReasonInvalidID},
		{string(make([]byte, maxIDBytes+1)), ReasonInvalidID},
	}
	for _, tt := range tests {
		if got := checkID(tt.id); got != tt.want {
			t.Errorf("checkID(%q) = %q, want %q", tt.id, got, tt.want)
		}
	}
}

// A text file named "..txt" has the ID "." and is skipped.
func TestDotIDFileSkipped(t *testing.T) {
	dir := t.TempDir()
	write(t, dir+"/..txt", seedText(t, "003_9503abc412b62b6e.txt"))
	r, err := OpenPaths([]string{dir}, ReadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	arts, skips := readAll(t, r)
	if len(arts) != 0 || skips[ReasonInvalidID] != 1 {
		t.Errorf("articles %d, skips %v", len(arts), skips)
	}
}

func next(t *testing.T, r Reader) *Article {
	t.Helper()
	a, err := r.Next()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := r.Next(); err != io.EOF {
		t.Fatalf("a second record: %v", err)
	}
	return a
}
