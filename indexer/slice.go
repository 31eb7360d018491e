package indexer

import (
	"fmt"
	"io"
	"strings"
	"unicode/utf8"
)

// ArticlesReader returns a reader of articles already in memory, for Go
// programs that have their articles at hand. An article that gives only
// its Raw text is read as ParseText reads it: the reader yields a copy
// whose Body, and Title, Date, Agencies and People where they are not
// set, come from Raw; the fields that are set are kept. An article with
// an invalid ID, no text at all or text that is not valid UTF-8 is
// skipped with its reason; one whose ID repeats another's is skipped at
// build time as from any other reader.
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
	where = fmt.Sprintf("article %d (%.40q)", r.read, a.ID)
	if reason := checkID(a.ID); reason != "" {
		return nil, &SkipError{Reason: reason, Where: where}
	}
	for _, s := range []string{a.Title, a.Body, a.Raw, a.Source, a.URL} {
		if !utf8.ValidString(s) {
			return nil, &SkipError{Reason: ReasonInvalidUTF8, Where: where}
		}
	}
	if strings.TrimSpace(a.Body) != "" {
		return a, nil
	}
	if strings.TrimSpace(a.Raw) == "" {
		return nil, &SkipError{Reason: ReasonEmptyText, Where: where}
	}
	return fromRaw(a), nil
}

// fromRaw returns a copy of a with what is not set read from its Raw text.
func fromRaw(a *Article) *Article {
	p := parseArticle(a.ID, a.Raw, a.Title, "", nil)
	if !a.Date.IsZero() {
		p.Date = a.Date
	}
	if a.Agencies != nil {
		p.Agencies = a.Agencies
	}
	if a.People != nil {
		p.People = a.People
	}
	p.Source, p.URL = a.Source, a.URL
	return p
}

func (r *sliceReader) Progress() (int64, int64) {
	return int64(r.read), int64(len(r.articles))
}

func (r *sliceReader) Close() error { return nil }
