package indexer

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/fahras/fahras/indexer/news"
)

// JSONFields names the JSON Lines fields an article is read from. Each
// entry lists the names to try, in order.
type JSONFields struct {
	ID, Title, Content, Date, Source, URL []string
}

// DefaultJSONFields reads the common field names, SaudiNewsNet's among
// them.
var DefaultJSONFields = JSONFields{
	ID:      []string{"id", "_id", "doc_id"},
	Title:   []string{"title", "headline"},
	Content: []string{"content", "text", "body", "article"},
	Date:    []string{"date", "published", "published_at", "date_published", "date_extracted"},
	Source:  []string{"source", "site", "publisher"},
	URL:     []string{"url", "link"},
}

// Set changes the name read for one field, given as
// "field=name" (for example "content=text"); field is one of id, title,
// content, date, source, url.
func (f *JSONFields) Set(spec string) error {
	key, name, ok := strings.Cut(spec, "=")
	if !ok || name == "" {
		return fmt.Errorf("field mapping %q: want FIELD=NAME, for example content=text", spec)
	}
	switch strings.ToLower(key) {
	case "id":
		f.ID = []string{name}
	case "title":
		f.Title = []string{name}
	case "content", "body", "text":
		f.Content = []string{name}
	case "date":
		f.Date = []string{name}
	case "source":
		f.Source = []string{name}
	case "url":
		f.URL = []string{name}
	default:
		return fmt.Errorf("field mapping %q: unknown field %q (use id, title, content, date, source or url)", spec, key)
	}
	return nil
}

// jsonlFormat reads JSON Lines: one article a line, an object whose
// fields ReadOptions.Fields names. The lines that recur across the
// articles of one source (or of one file, when the records name no
// source) are page furniture.
type jsonlFormat struct{}

func (jsonlFormat) extensions() []string { return []string{".jsonl", ".ndjson"} }

func (jsonlFormat) records(in *input) records {
	return &jsonlRecords{in: in, lines: bufio.NewReaderSize(in.src, 1<<16)}
}

type jsonlRecords struct {
	in     *input
	lines  *bufio.Reader
	lineNo int
}

// next reads the next JSON line as an article.
func (j *jsonlRecords) next() (*Article, error) {
	for {
		line, err := readLine(j.lines)
		if err != nil {
			return nil, err
		}
		j.lineNo++
		where := fmt.Sprintf("%s:%d", j.in.path, j.lineNo)
		if line == nil {
			return nil, &SkipError{Reason: ReasonTooLarge, Where: where}
		}
		line = bytes.TrimSpace(line)
		if len(line) == 0 {
			continue
		}
		return jsonArticle(line, j.in.opts.Fields, where, j.in.path, j.in.repeats)
	}
}

// readLine returns the next line of r, or nil for a line longer than
// MaxRecordBytes (which it skips), or io.EOF at the end of the input.
func readLine(r *bufio.Reader) ([]byte, error) {
	var buf []byte
	tooLong := false
	for {
		chunk, err := r.ReadSlice('\n')
		if !tooLong {
			if len(buf)+len(chunk) > MaxRecordBytes {
				tooLong, buf = true, nil
			} else {
				buf = append(buf, chunk...)
			}
		}
		switch {
		case err == bufio.ErrBufferFull:
			continue
		case err == io.EOF:
			if len(buf) == 0 && !tooLong {
				return nil, io.EOF
			}
		case err != nil:
			return nil, err
		}
		if tooLong {
			return nil, nil
		}
		return buf, nil
	}
}

// jsonArticle turns one JSON line into an article.
// Lines repeated across the articles of one source (or of one file, when
// the records name no source) are page furniture, learned by rep when it
// is not nil.
func jsonArticle(line []byte, fields JSONFields, where, file string, rep *news.Repeats) (*Article, error) {
	if !utf8.Valid(line) {
		return nil, &SkipError{Reason: ReasonInvalidUTF8, Where: where}
	}
	var rec map[string]json.RawMessage
	if err := json.Unmarshal(line, &rec); err != nil {
		return nil, &SkipError{Reason: ReasonInvalidJSON, Where: where, Err: err}
	}
	get := func(names []string) (string, error) {
		for _, n := range names {
			raw, ok := rec[n]
			if !ok || string(raw) == "null" {
				continue
			}
			var s string
			if err := json.Unmarshal(raw, &s); err == nil {
				return s, nil
			}
			var num json.Number
			if err := json.Unmarshal(raw, &num); err == nil {
				return num.String(), nil
			}
			return "", fmt.Errorf("field %q is not a string", n)
		}
		return "", nil
	}
	var vals [6]string
	for i, names := range [][]string{fields.ID, fields.Title, fields.Content, fields.Date, fields.Source, fields.URL} {
		v, err := get(names)
		if err != nil {
			return nil, &SkipError{Reason: ReasonInvalidField, Where: where, Err: err}
		}
		vals[i] = v
	}
	id, title, content, date, source, url := vals[0], vals[1], vals[2], vals[3], vals[4], vals[5]
	if reason := checkID(id); reason != "" {
		return nil, &SkipError{Reason: reason, Where: where}
	}
	if strings.TrimSpace(content) == "" {
		return nil, &SkipError{Reason: ReasonEmptyText, Where: where}
	}
	source = strings.TrimSpace(source)
	group := source
	if group == "" {
		group = file
	}
	a := parseArticle(id, content, strings.TrimSpace(title), group, rep)
	a.Source = source
	a.URL = strings.TrimSpace(url)
	if d, ok := news.ParseDateField(date); ok {
		a.Date = d
	}
	return a, nil
}
