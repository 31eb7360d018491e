package search

import (
	"fmt"
	"sync"

	index "github.com/blevesearch/bleve_index_api"

	"github.com/fahras/fahras/store"
)

// stories maps each article of an index, by its internal number, to the
// story it tells (store.FieldGroup): read once from the doc values when
// an engine first folds near-duplicates, so that folding the ranked hits
// and counting the stories among all matches cost an array lookup a hit
// rather than a doc value read. An index generation never changes, so
// the table is built once and shared by every search.
type stories struct {
	once  sync.Once
	err   error
	byDoc []int32  // story number of each article; -1 for none
	names []string // story IDs by number
}

// table builds the table on first use.
func (s *stories) table(r index.IndexReader) error {
	s.once.Do(func() { s.err = s.build(r) })
	return s.err
}

func (s *stories) build(r index.IndexReader) error {
	dr, err := r.DocIDReaderAll()
	if err != nil {
		return fmt.Errorf("reading the stories: %w", err)
	}
	defer dr.Close()
	dvr, err := r.DocValueReader([]string{store.FieldGroup})
	if err != nil {
		return fmt.Errorf("reading the stories: %w", err)
	}
	number := map[string]int32{}
	for {
		iid, err := dr.Next()
		if err != nil {
			return fmt.Errorf("reading the stories: %w", err)
		}
		if iid == nil {
			return nil
		}
		doc := iid.Value()
		for uint64(len(s.byDoc)) <= doc {
			s.byDoc = append(s.byDoc, -1)
		}
		err = dvr.VisitDocValues(iid, func(_ string, term []byte) {
			n, ok := number[string(term)]
			if !ok {
				n = int32(len(s.names))
				number[string(term)] = n
				s.names = append(s.names, string(term))
			}
			s.byDoc[doc] = n
		})
		if err != nil {
			return fmt.Errorf("reading the stories: %w", err)
		}
	}
}

// of returns the story of an article, "" when it has none.
func (s *stories) of(iid index.IndexInternalID) string {
	if n := s.number(iid); n >= 0 {
		return s.names[n]
	}
	return ""
}

// len is the number of stories, which number them from 0.
func (s *stories) len() int { return len(s.names) }

// number returns the story number of an article, or -1.
func (s *stories) number(iid index.IndexInternalID) int32 {
	doc := iid.Value()
	if doc >= uint64(len(s.byDoc)) {
		return -1
	}
	return s.byDoc[doc]
}
