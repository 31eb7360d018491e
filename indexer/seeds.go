package indexer

import (
	"io"
	"io/fs"
	"path"
	"sort"
	"strings"

	"github.com/fahras/fahras/data"
)

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
