package indexer

import (
	"fmt"
	"io"
)

// ArticlesReader returns a reader of articles already in memory, for Go
// programs that have their articles at hand. An article with an invalid
// or repeated ID is skipped at build time as from any other reader.
func ArticlesReader(articles []*Article) Reader {
	return &sliceReader{articles: articles}
}

type sliceReader struct {
	articles []*Article
	read     int
}

func (r *sliceReader) Next() (*Article, error) {
	if r.read == len(r.articles) {
		return nil, io.EOF
	}
	a := r.articles[r.read]
	r.read++
	where := fmt.Sprintf("article %d", r.read)
	if a == nil {
		return nil, &SkipError{Reason: ReasonEmptyText, Where: where}
	}
	if reason := checkID(a.ID); reason != "" {
		return nil, &SkipError{Reason: reason, Where: where}
	}
	return a, nil
}

func (r *sliceReader) Progress() (int64, int64) {
	return int64(r.read), int64(len(r.articles))
}

func (r *sliceReader) Close() error { return nil }
