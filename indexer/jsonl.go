package indexer

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"unicode"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/fahras/fahras/indexer/news"
)

// JSONFields names the JSON Lines fields an article is read from. Each
// entry lists the names to try, in order.
type JSONFields struct {
	// ID, Title, Content, Date, Source and URL name the fields of the
	// Article's ID, title, text, date, source and address. The text is
	// read as ParseText reads one, a title given in place of its
	// headline.
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
	var rec map[string]jsonValue
	if err := json.Unmarshal(line, &rec); err != nil {
		return nil, &SkipError{Reason: ReasonInvalidJSON, Where: where, Err: err}
	}
	get := func(names []string) (string, error) {
		for _, n := range names {
			v, ok := rec[n]
			if !ok || string(v) == "null" {
				continue
			}
			if s, ok := v.text(); ok {
				return s, nil
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

// jsonValue is one field's value in a JSON line, as it stands in the line
// (not copied: it is read before the line is).
type jsonValue []byte

// UnmarshalJSON keeps the value as it stands.
func (v *jsonValue) UnmarshalJSON(b []byte) error {
	*v = b
	return nil
}

// text returns a string value unquoted, or a number as written; false
// for any other value. The value is valid JSON.
func (v jsonValue) text() (string, bool) {
	b := bytes.TrimSpace(v)
	switch {
	case len(b) >= 2 && b[0] == '"':
		return unquoteJSON(b[1 : len(b)-1]), true
	case len(b) > 0 && (b[0] == '-' || b[0] >= '0' && b[0] <= '9'):
		return string(b), true
	}
	return "", false
}

// unquoteJSON decodes the inside of a valid JSON string literal as
// encoding/json does: escapes are decoded, a lone surrogate escape
// becomes U+FFFD, and so do bytes that are not UTF-8.
func unquoteJSON(s []byte) string {
	if bytes.IndexByte(s, '\\') < 0 && utf8.Valid(s) {
		return string(s)
	}
	valid := utf8.Valid(s)
	b := make([]byte, 0, len(s))
	for r := 0; r < len(s); {
		c := s[r]
		switch {
		case valid && c != '\\':
			// Copy up to the next escape as it stands.
			n := bytes.IndexByte(s[r:], '\\')
			if n < 0 {
				n = len(s) - r
			}
			b = append(b, s[r:r+n]...)
			r += n
		case c == '\\' && r+1 < len(s):
			switch e := s[r+1]; e {
			case 'b':
				b = append(b, '\b')
			case 'f':
				b = append(b, '\f')
			case 'n':
				b = append(b, '\n')
			case 'r':
				b = append(b, '\r')
			case 't':
				b = append(b, '\t')
			case 'u':
				rr := hex4(s[r+2:])
				r += 6
				if utf16.IsSurrogate(rr) {
					if dec := utf16.DecodeRune(rr, escapedRune(s[r:])); dec != unicode.ReplacementChar {
						b = utf8.AppendRune(b, dec)
						r += 6
						continue
					}
					rr = unicode.ReplacementChar
				}
				b = utf8.AppendRune(b, rr)
				continue
			default: // " \\ /
				b = append(b, e)
			}
			r += 2
		case c < utf8.RuneSelf:
			b = append(b, c)
			r++
		default:
			rr, size := utf8.DecodeRune(s[r:])
			b = utf8.AppendRune(b, rr)
			r += size
		}
	}
	return string(b)
}

// escapedRune reads a \uXXXX escape at the start of s, or returns -1.
func escapedRune(s []byte) rune {
	if len(s) < 6 || s[0] != '\\' || s[1] != 'u' {
		return -1
	}
	return hex4(s[2:])
}

// hex4 reads four hexadecimal digits, or returns -1.
func hex4(s []byte) rune {
	if len(s) < 4 {
		return -1
	}
	var r rune
	for _, c := range s[:4] {
		switch {
		case c >= '0' && c <= '9':
			c -= '0'
		case c >= 'a' && c <= 'f':
			c -= 'a' - 10
		case c >= 'A' && c <= 'F':
			c -= 'A' - 10
		default:
			return -1
		}
		r = r*16 + rune(c)
	}
	return r
}
