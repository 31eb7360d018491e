package indexer

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/fahras/fahras/data"
	"github.com/fahras/fahras/indexer/news"
)

// Reader yields articles one at a time.
type Reader interface {
	// Next returns the next article; io.EOF when there are no more; a
	// *SkipError for a record that cannot be indexed, after which the
	// reader goes on; any other error stops the build.
	Next() (*Article, error)
	// Progress tells how many bytes of input have been read and how many
	// there are in all (0 when unknown).
	Progress() (read, total int64)
	// Close releases the reader's files.
	Close() error
}

// Reasons a record is skipped.
const (
	ReasonInvalidJSON  = "invalid JSON"
	ReasonEmptyText    = "empty text"
	ReasonInvalidUTF8  = "invalid UTF-8"
	ReasonMissingID    = "missing ID"
	ReasonInvalidID    = "invalid ID"
	ReasonDuplicateID  = "duplicate ID"
	ReasonTooLarge     = "record too large"
	ReasonNotArticle   = "not an article file"
	ReasonUnreadable   = "unreadable file"
	ReasonInvalidField = "invalid field"
)

// SkipError says why one record was not indexed.
type SkipError struct {
	// Reason is one of the Reason constants.
	Reason string
	// Where names the record: a file, or a file and line.
	Where string
	// Err is the underlying error, if any.
	Err error
}

func (e *SkipError) Error() string {
	s := e.Where + ": skipped (" + e.Reason + ")"
	if e.Err != nil {
		s += ": " + e.Err.Error()
	}
	return s
}

func (e *SkipError) Unwrap() error { return e.Err }

// MaxRecordBytes bounds one article file or JSON line.
const MaxRecordBytes = 16 << 20

// maxIDBytes bounds an article ID.
const maxIDBytes = 256

// checkID says why an ID cannot name an article, or returns "".
func checkID(id string) string {
	if strings.TrimSpace(id) == "" {
		return ReasonMissingID
	}
	if len(id) > maxIDBytes || !utf8.ValidString(id) || strings.IndexFunc(id, unicode.IsControl) >= 0 {
		return ReasonInvalidID
	}
	return ""
}

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

// ReadOptions control how files are read into articles.
type ReadOptions struct {
	// Fields names the JSON Lines fields; DefaultJSONFields when zero.
	Fields JSONFields
}

// inputFile is one file a reader will read.
type inputFile struct {
	path string
	size int64
	kind string // "txt" or "jsonl"
	gz   bool
}

// fileKind tells how a file is read from its name, or "" when it holds no
// articles.
func fileKind(name string) (kind string, gz bool) {
	n := strings.ToLower(name)
	if strings.HasSuffix(n, ".gz") {
		gz = true
		n = strings.TrimSuffix(n, ".gz")
	}
	switch {
	case strings.HasSuffix(n, ".txt"):
		return "txt", gz
	case strings.HasSuffix(n, ".jsonl"), strings.HasSuffix(n, ".ndjson"):
		return "jsonl", gz
	}
	return "", false
}

// OpenPaths returns a reader of the articles in the given files and
// directories: .txt files (one article each, the ID being the file name
// without .txt) and JSON Lines files (.jsonl or .ndjson, one article a
// line), each optionally gzip-compressed. Directories are walked
// recursively; other files in them are counted as skipped.
func OpenPaths(paths []string, opts ReadOptions) (Reader, error) {
	if len(paths) == 0 {
		return nil, errors.New("no input files or directories given")
	}
	if opts.Fields.Content == nil {
		opts.Fields = DefaultJSONFields
	}
	r := &fileReader{opts: opts, repeats: news.NewRepeats()}
	for _, p := range paths {
		st, err := os.Stat(p)
		if err != nil {
			return nil, fmt.Errorf("input %s: %w", p, unwrapPathError(err))
		}
		if !st.IsDir() {
			kind, gz := fileKind(p)
			if kind == "" {
				return nil, fmt.Errorf("input %s: not a .txt, .jsonl or .ndjson file (optionally .gz)", p)
			}
			r.files = append(r.files, inputFile{path: p, size: st.Size(), kind: kind, gz: gz})
			r.total += st.Size()
			continue
		}
		err = filepath.WalkDir(p, func(fp string, d fs.DirEntry, err error) error {
			if err != nil {
				r.pendingSkips = append(r.pendingSkips, &SkipError{Reason: ReasonUnreadable, Where: fp, Err: unwrapPathError(err)})
				if d != nil && d.IsDir() {
					return fs.SkipDir
				}
				return nil
			}
			if d.IsDir() {
				if fp != p && strings.HasPrefix(d.Name(), ".") {
					return fs.SkipDir
				}
				return nil
			}
			kind, gz := fileKind(d.Name())
			if kind == "" {
				if !strings.HasPrefix(d.Name(), ".") {
					r.pendingSkips = append(r.pendingSkips, &SkipError{Reason: ReasonNotArticle, Where: fp})
				}
				return nil
			}
			info, err := d.Info()
			if err != nil {
				r.pendingSkips = append(r.pendingSkips, &SkipError{Reason: ReasonUnreadable, Where: fp, Err: err})
				return nil
			}
			r.files = append(r.files, inputFile{path: fp, size: info.Size(), kind: kind, gz: gz})
			r.total += info.Size()
			return nil
		})
		if err != nil {
			return nil, fmt.Errorf("input %s: %w", p, err)
		}
	}
	return r, nil
}

// unwrapPathError drops the path from an *fs.PathError, for messages that
// already name it.
func unwrapPathError(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// fileReader reads articles from a list of files.
type fileReader struct {
	opts         ReadOptions
	files        []inputFile
	pendingSkips []*SkipError
	total        int64
	done         int64 // bytes of the files finished

	cur     *inputFile
	f       *os.File
	counter *countingReader
	lines   *bufio.Reader
	lineNo  int
	// repeats learns the lines that recur across one source's articles,
	// which are page furniture.
	repeats *news.Repeats
}

func (r *fileReader) Progress() (int64, int64) {
	n := r.done
	if r.counter != nil {
		n += r.counter.n
	}
	return n, r.total
}

func (r *fileReader) Close() error {
	return r.closeCurrent()
}

func (r *fileReader) closeCurrent() error {
	if r.f == nil {
		return nil
	}
	err := r.f.Close()
	r.done += r.cur.size
	r.f, r.cur, r.counter, r.lines = nil, nil, nil, nil
	return err
}

func (r *fileReader) Next() (*Article, error) {
	for {
		if len(r.pendingSkips) > 0 {
			s := r.pendingSkips[0]
			r.pendingSkips = r.pendingSkips[1:]
			return nil, s
		}
		if r.cur != nil && r.cur.kind == "jsonl" {
			a, err := r.nextLine()
			if err != io.EOF {
				return a, err
			}
			r.closeCurrent()
			continue
		}
		if len(r.files) == 0 {
			return nil, io.EOF
		}
		file := r.files[0]
		r.files = r.files[1:]
		if err := r.open(file); err != nil {
			return nil, &SkipError{Reason: ReasonUnreadable, Where: file.path, Err: err}
		}
		if file.kind == "txt" {
			a, err := r.readText()
			r.closeCurrent()
			return a, err
		}
	}
}

func (r *fileReader) open(file inputFile) error {
	f, err := os.Open(file.path)
	if err != nil {
		return unwrapPathError(err)
	}
	r.cur, r.f = &file, f
	r.counter = &countingReader{r: f}
	var src io.Reader = r.counter
	if file.gz {
		gz, err := gzip.NewReader(bufio.NewReader(r.counter))
		if err != nil {
			r.closeCurrent()
			return fmt.Errorf("not a gzip file: %w", err)
		}
		src = gz
	}
	r.lines = bufio.NewReaderSize(src, 1<<16)
	r.lineNo = 0
	return nil
}

// readText reads the current file as one article.
func (r *fileReader) readText() (*Article, error) {
	where := r.cur.path
	b, err := io.ReadAll(io.LimitReader(r.lines, MaxRecordBytes+1))
	if err != nil {
		return nil, &SkipError{Reason: ReasonUnreadable, Where: where, Err: err}
	}
	if len(b) > MaxRecordBytes {
		return nil, &SkipError{Reason: ReasonTooLarge, Where: where}
	}
	name := filepath.Base(r.cur.path)
	name = strings.TrimSuffix(name, filepath.Ext(name))
	if r.cur.gz {
		name = strings.TrimSuffix(name, filepath.Ext(name))
	}
	return textArticle(name, b, where, filepath.Dir(r.cur.path), r.repeats)
}

// textArticle turns the bytes of one text file into an article.
// Lines repeated across the articles of group (a source) are page
// furniture, learned by rep when it is not nil.
func textArticle(id string, b []byte, where, group string, rep *news.Repeats) (*Article, error) {
	if reason := checkID(id); reason != "" {
		return nil, &SkipError{Reason: reason, Where: where}
	}
	if !utf8.Valid(b) {
		return nil, &SkipError{Reason: ReasonInvalidUTF8, Where: where}
	}
	if len(bytes.TrimSpace(b)) == 0 {
		return nil, &SkipError{Reason: ReasonEmptyText, Where: where}
	}
	a := parseArticle(id, string(b), "", group, rep)
	return &a, nil
}

// nextLine reads the next JSON line of the current file as an article.
func (r *fileReader) nextLine() (*Article, error) {
	for {
		line, err := r.readLine()
		if err != nil {
			return nil, err
		}
		r.lineNo++
		where := fmt.Sprintf("%s:%d", r.cur.path, r.lineNo)
		if line == nil {
			return nil, &SkipError{Reason: ReasonTooLarge, Where: where}
		}
		line = bytes.TrimSpace(line)
		if len(line) == 0 {
			continue
		}
		return jsonArticle(line, r.opts.Fields, where, r.cur.path, r.repeats)
	}
}

// readLine returns the next line, or nil for a line longer than
// MaxRecordBytes (which it skips).
func (r *fileReader) readLine() ([]byte, error) {
	var buf []byte
	tooLong := false
	for {
		chunk, err := r.lines.ReadSlice('\n')
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
			return nil, &SkipError{Reason: ReasonUnreadable, Where: r.cur.path, Err: err}
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
	return &a, nil
}

// countingReader counts the bytes read through it.
type countingReader struct {
	r io.Reader
	n int64
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	return n, err
}

// SeedReader returns a reader of the articles embedded in the binary.
func SeedReader() Reader {
	entries, _ := fs.ReadDir(data.Articles, ".")
	var names []string
	var total int64
	for _, e := range entries {
		if strings.HasSuffix(e.Name(), ".txt") {
			names = append(names, e.Name())
			if info, err := e.Info(); err == nil {
				total += info.Size()
			}
		}
	}
	sort.Strings(names)
	return &seedReader{names: names, total: total}
}

type seedReader struct {
	names       []string
	read, total int64
}

func (r *seedReader) Next() (*Article, error) {
	if len(r.names) == 0 {
		return nil, io.EOF
	}
	name := r.names[0]
	r.names = r.names[1:]
	b, err := data.Articles.ReadFile(name)
	if err != nil {
		return nil, &SkipError{Reason: ReasonUnreadable, Where: name, Err: err}
	}
	r.read += int64(len(b))
	return textArticle(strings.TrimSuffix(name, path.Ext(name)), b, name, "", nil)
}

func (r *seedReader) Progress() (int64, int64) { return r.read, r.total }
func (r *seedReader) Close() error             { return nil }
