package indexer

import (
	"bytes"
	"io"
	"path/filepath"
	"unicode/utf8"

	"github.com/fahras/fahras/indexer/news"
)

// textFormat reads a plain-text file as one article, its ID the file name
// without ".txt". The lines that recur across the files of one directory
// are page furniture.
type textFormat struct{}

func (textFormat) extensions() []string { return []string{".txt"} }

func (textFormat) records(in *input) records { return &textRecords{in: in} }

type textRecords struct {
	in   *input
	done bool
}

func (t *textRecords) next() (*Article, error) {
	if t.done {
		return nil, io.EOF
	}
	t.done = true
	b, err := io.ReadAll(io.LimitReader(t.in.src, MaxRecordBytes+1))
	if err != nil {
		return nil, err
	}
	if len(b) > MaxRecordBytes {
		return nil, &SkipError{Reason: ReasonTooLarge, Where: t.in.path}
	}
	return textArticle(t.in.stem, b, t.in.path, filepath.Dir(t.in.path), t.in.repeats)
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
	return parseArticle(id, string(b), "", group, rep), nil
}
