package indexer

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/fahras/fahras/data"
	"github.com/fahras/fahras/indexer/news"
)

// seedRecords returns the seed articles as JSON Lines records, one
// string each.
func seedRecords(f *testing.F) []string {
	var out []string
	for _, name := range []string{"000_2b0a31d376df4e44.txt", "001_d53218aacc3a3954.txt", "002_24f89540b9a4c350.txt", "003_9503abc412b62b6e.txt", "004_e5a80980b21be61b.txt"} {
		b, err := data.Articles.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		rec, _ := json.Marshal(map[string]any{"id": strings.TrimSuffix(name, ".txt"), "content": string(b), "date": "2024-04-09", "source": "seeds"})
		out = append(out, string(rec))
	}
	return out
}

// drainRecords reads a format's records to their end, failing if it
// gives more than max or an article that cannot be indexed.
func drainRecords(t *testing.T, recs records, max int) (arts []*Article, skips []*SkipError) {
	t.Helper()
	for n := 0; ; n++ {
		if n > max {
			t.Fatalf("more than %d records from the input: a record repeats", max)
		}
		a, err := recs.next()
		var se *SkipError
		switch {
		case err == io.EOF:
			return arts, skips
		case errors.As(err, &se):
			skips = append(skips, se)
		case err != nil:
			return arts, skips // a read error ends the file
		default:
			if checkID(a.ID) != "" || !utf8.ValidString(a.Title) || !utf8.ValidString(a.Body) || !utf8.ValidString(a.Raw) {
				t.Fatalf("article %+q cannot be indexed", a.ID)
			}
			if strings.TrimSpace(a.Body) == "" && strings.TrimSpace(a.Title) == "" {
				t.Fatalf("article %q has no text", a.ID)
			}
			arts = append(arts, a)
		}
	}
}

// The JSON Lines reader accepts any bytes: each line is an article or a
// skip, and the fields read are the ones encoding/json reads.
func FuzzJSONLines(f *testing.F) {
	recs := seedRecords(f)
	f.Add([]byte(strings.Join(recs, "\n")))
	for _, r := range recs {
		f.Add([]byte(r))
	}
	for _, s := range []string{`{"id":"snn-1","title":"أمير \u0627\ud83d\ude00\ud800","content":"استقبل\n\t\"أمير\" \/ منطقة"}`, `{"id":7,"text":"رقم"}`, `{"id":".","content":"نص"}`, `[1]`, `null`, "{\"id\":\"a\",\"content\":\"\xff\"}", `{"id":"a","content":"x"} {}`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		in := &input{path: "f.jsonl", src: bytes.NewReader(b), opts: &ReadOptions{Fields: DefaultJSONFields}, repeats: news.NewRepeats()}
		arts, _ := drainRecords(t, jsonlFormat{}.records(in), bytes.Count(b, []byte("\n"))+1)
		// Each article is its line's fields as encoding/json reads them.
		var want []*Article
		for _, line := range bytes.Split(b, []byte("\n")) {
			var rec map[string]any
			d := json.NewDecoder(bytes.NewReader(line))
			d.UseNumber()
			if !utf8.Valid(line) || !json.Valid(line) || d.Decode(&rec) != nil {
				continue
			}
			get := func(names []string) string {
				for _, n := range names {
					switch v := rec[n].(type) {
					case nil:
						continue
					case string:
						return v
					case json.Number:
						return v.String()
					}
					return ""
				}
				return ""
			}
			want = append(want, &Article{ID: get(DefaultJSONFields.ID), Title: strings.TrimSpace(get(DefaultJSONFields.Title)), Raw: get(DefaultJSONFields.Content)})
		}
		for _, a := range arts {
			found := false
			for _, w := range want {
				if w.ID == a.ID && normalizeNewlines(w.Raw) == a.Raw && (w.Title == "" || w.Title == a.Title) {
					found = true
				}
			}
			if !found {
				t.Fatalf("article %q (title %q, raw %q) matches no record as encoding/json reads them", a.ID, a.Title, a.Raw)
			}
		}
	})
}

// unquoteJSON decodes a JSON string as encoding/json does.
func FuzzUnquoteJSON(f *testing.F) {
	for _, s := range []string{`"لافروف"`, `"\u0644\u0627\ufeff"`, `"\ud83d\ude00 \ud800 \udc00\u0041"`, `"a\"b\\c\/d\b\f\n\r\t"`, "\"\xff\""} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		b = bytes.TrimSpace(b)
		var want string
		if len(b) < 2 || b[0] != '"' || !json.Valid(b) || json.Unmarshal(b, &want) != nil {
			return
		}
		if got := unquoteJSON(b[1 : len(b)-1]); got != want {
			t.Fatalf("unquoteJSON(%s) = %q, encoding/json %q", b, got, want)
		}
	})
}

// The text reader accepts any bytes: one article or one skip.
func FuzzTextFile(f *testing.F) {
	for _, r := range seedRecords(f) {
		var m map[string]string
		json.Unmarshal([]byte(r), &m)
		f.Add([]byte(m["content"]))
	}
	f.Add([]byte("caf\xe9"))
	f.Add([]byte(" \r\n\r\n "))
	f.Add([]byte("\ufeffلافروف\r\nفي بكين"))
	f.Fuzz(func(t *testing.T, b []byte) {
		in := &input{path: "x.txt", stem: "x", src: bytes.NewReader(b), opts: &ReadOptions{}, repeats: news.NewRepeats()}
		arts, skips := drainRecords(t, textFormat{}.records(in), 2)
		if len(arts)+len(skips) != 1 {
			t.Fatalf("%d articles and %d skips from one file", len(arts), len(skips))
		}
		if len(arts) == 1 && (arts[0].ID != "x" || arts[0].Raw != strings.TrimPrefix(strings.ReplaceAll(strings.ReplaceAll(string(b), "\r\n", "\n"), "\r", "\n"), "\ufeff")) {
			t.Fatalf("article %q, raw %q", arts[0].ID, arts[0].Raw)
		}
	})
}

// Any bytes named .jsonl.gz are read to their end: the articles of what
// decompresses, then at most one unreadable file.
func FuzzGzipJSONLines(f *testing.F) {
	var whole bytes.Buffer
	for _, r := range seedRecords(f) {
		whole.WriteString(r + "\n")
	}
	g := gzipBytes(f, whole.Bytes())
	f.Add(g)
	f.Add(g[:len(g)/2])
	f.Add(g[:10])
	f.Add([]byte{})
	f.Add(whole.Bytes())
	f.Fuzz(func(t *testing.T, b []byte) {
		p := filepath.Join(t.TempDir(), "in.jsonl.gz")
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
		r, err := OpenPaths([]string{p}, ReadOptions{})
		if err != nil {
			t.Fatal(err)
		}
		defer r.Close()
		unreadable := 0
		for n := 0; ; n++ {
			if n > 1<<16 {
				t.Fatal("the reader does not end")
			}
			_, err := r.Next()
			var se *SkipError
			if err == io.EOF {
				break
			}
			if errors.As(err, &se) && se.Reason == ReasonUnreadable {
				unreadable++
			} else if err != nil && !errors.As(err, &se) {
				t.Fatal(err)
			}
		}
		if unreadable > 1 {
			t.Fatalf("one file counted unreadable %d times", unreadable)
		}
	})
}

// ParseText takes any ID and text, and ArticlesReader then yields the
// article or skips it with a reason.
func FuzzParseText(f *testing.F) {
	for _, r := range seedRecords(f) {
		var m map[string]string
		json.Unmarshal([]byte(r), &m)
		f.Add(m["id"], m["content"])
	}
	f.Add("..", "لافروف\xff في بكين")
	f.Fuzz(func(t *testing.T, id, text string) {
		a := ParseText(id, text)
		if a.ID != id {
			t.Fatalf("ID %q, want %q", a.ID, id)
		}
		r := ArticlesReader([]*Article{a, {ID: id, Raw: text}})
		for range 2 {
			got, err := r.Next()
			var se *SkipError
			if err != nil && !errors.As(err, &se) {
				t.Fatal(err)
			}
			if err == nil && (checkID(got.ID) != "" || !utf8.ValidString(got.Body)) {
				t.Fatalf("article %q yielded", got.ID)
			}
		}
	})
}
