package search

import (
	"reflect"

	"github.com/blevesearch/bleve/v2/search"
	index "github.com/blevesearch/bleve_index_api"
)

// sumSearcher matches the documents that at least min of its children
// match, and scores each by the sum of its children's scores. Unlike
// bleve's disjunction it applies no coordination factor, so a document's
// BM25 score is the plain sum over the query's terms.
type sumSearcher struct {
	children []search.Searcher
	curr     []*search.DocumentMatch // each child's current match; nil when done
	min      int
	best     bool // score by the best child, not the sum
	// first scores by the first child on the document, in the order
	// given: a word's own forms, else what stands in for them.
	first    bool
	started  bool
	matching []int
	// lastMatched is how many children matched the document last
	// returned.
	lastMatched int
}

var reflectStaticSizeSumSearcher = int(reflect.TypeOf(sumSearcher{}).Size())

func newSumSearcher(children []search.Searcher, min int) *sumSearcher {
	return &sumSearcher{
		children: children,
		curr:     make([]*search.DocumentMatch, len(children)),
		min:      min,
		matching: make([]int, 0, len(children)),
	}
}

func (s *sumSearcher) start(ctx *search.SearchContext) error {
	s.started = true
	for i, c := range s.children {
		dm, err := c.Next(ctx)
		if err != nil {
			return err
		}
		s.curr[i] = dm
	}
	return nil
}

func (s *sumSearcher) Next(ctx *search.SearchContext) (*search.DocumentMatch, error) {
	if !s.started {
		if err := s.start(ctx); err != nil {
			return nil, err
		}
	}
	for {
		// Find the smallest current document and the children on it.
		s.matching = s.matching[:0]
		var low index.IndexInternalID
		for i, dm := range s.curr {
			if dm == nil {
				continue
			}
			if low == nil {
				low = dm.IndexInternalID
				s.matching = append(s.matching, i)
				continue
			}
			switch c := dm.IndexInternalID.Compare(low); {
			case c < 0:
				low = dm.IndexInternalID
				s.matching = append(s.matching[:0], i)
			case c == 0:
				s.matching = append(s.matching, i)
			}
		}
		if low == nil {
			return nil, nil
		}
		var rv *search.DocumentMatch
		if len(s.matching) >= s.min {
			s.lastMatched = len(s.matching)
			rv = s.curr[s.matching[0]]
			for _, i := range s.matching[1:] {
				switch {
				case s.first:
					// matching lists the children in order: the
					// first one's score stands.
				case s.best:
					rv.Score = max(rv.Score, s.curr[i].Score)
				default:
					rv.Score += s.curr[i].Score
				}
				ctx.DocumentMatchPool.Put(s.curr[i])
			}
		} else {
			for _, i := range s.matching {
				ctx.DocumentMatchPool.Put(s.curr[i])
			}
		}
		for _, i := range s.matching {
			dm, err := s.children[i].Next(ctx)
			if err != nil {
				return nil, err
			}
			s.curr[i] = dm
		}
		if rv != nil {
			return rv, nil
		}
	}
}

func (s *sumSearcher) Advance(ctx *search.SearchContext, id index.IndexInternalID) (*search.DocumentMatch, error) {
	if !s.started {
		s.started = true
		for i, c := range s.children {
			dm, err := c.Advance(ctx, id)
			if err != nil {
				return nil, err
			}
			s.curr[i] = dm
		}
		return s.Next(ctx)
	}
	for i, dm := range s.curr {
		if dm == nil || dm.IndexInternalID.Compare(id) >= 0 {
			continue
		}
		ctx.DocumentMatchPool.Put(dm)
		next, err := s.children[i].Advance(ctx, id)
		if err != nil {
			return nil, err
		}
		s.curr[i] = next
	}
	return s.Next(ctx)
}

func (s *sumSearcher) Close() error {
	var first error
	for _, c := range s.children {
		if err := c.Close(); err != nil && first == nil {
			first = err
		}
	}
	return first
}

func (s *sumSearcher) Count() uint64 {
	var n uint64
	for _, c := range s.children {
		n += c.Count()
	}
	return n
}

func (s *sumSearcher) DocumentMatchPoolSize() int {
	n := 1
	for _, c := range s.children {
		n += c.DocumentMatchPoolSize()
	}
	return n
}

func (s *sumSearcher) Size() int {
	n := reflectStaticSizeSumSearcher
	for _, c := range s.children {
		n += c.Size()
	}
	return n
}

func (s *sumSearcher) Min() int             { return s.min }
func (s *sumSearcher) Weight() float64      { return 1 }
func (s *sumSearcher) SetQueryNorm(float64) {}

// gateSearcher passes the documents of lead that other also matches. Its
// score is other's when scoreOther is set (a phrase matched by position
// but scored by its words), otherwise lead's (a filter).
type gateSearcher struct {
	lead, other search.Searcher
	scoreOther  bool
	otherCurr   *search.DocumentMatch
	otherDone   bool
}

var reflectStaticSizeGateSearcher = int(reflect.TypeOf(gateSearcher{}).Size())

// accept moves other to dm's document and reports whether it is there.
func (s *gateSearcher) accept(ctx *search.SearchContext, dm *search.DocumentMatch) (bool, error) {
	if s.otherDone {
		return false, nil
	}
	if s.otherCurr == nil || s.otherCurr.IndexInternalID.Compare(dm.IndexInternalID) < 0 {
		if s.otherCurr != nil {
			ctx.DocumentMatchPool.Put(s.otherCurr)
		}
		next, err := s.other.Advance(ctx, dm.IndexInternalID)
		if err != nil {
			return false, err
		}
		s.otherCurr = next
		if next == nil {
			s.otherDone = true
			return false, nil
		}
	}
	if !s.otherCurr.IndexInternalID.Equals(dm.IndexInternalID) {
		return false, nil
	}
	if s.scoreOther {
		dm.Score = s.otherCurr.Score
	}
	return true, nil
}

func (s *gateSearcher) filter(ctx *search.SearchContext, dm *search.DocumentMatch, err error) (*search.DocumentMatch, error) {
	for dm != nil && err == nil {
		ok, aerr := s.accept(ctx, dm)
		if aerr != nil {
			return nil, aerr
		}
		if ok {
			return dm, nil
		}
		ctx.DocumentMatchPool.Put(dm)
		if s.otherDone {
			return nil, nil
		}
		dm, err = s.lead.Advance(ctx, s.otherCurr.IndexInternalID)
	}
	return dm, err
}

func (s *gateSearcher) Next(ctx *search.SearchContext) (*search.DocumentMatch, error) {
	dm, err := s.lead.Next(ctx)
	return s.filter(ctx, dm, err)
}

func (s *gateSearcher) Advance(ctx *search.SearchContext, id index.IndexInternalID) (*search.DocumentMatch, error) {
	dm, err := s.lead.Advance(ctx, id)
	return s.filter(ctx, dm, err)
}

func (s *gateSearcher) Close() error {
	err := s.lead.Close()
	if err2 := s.other.Close(); err == nil {
		err = err2
	}
	return err
}

func (s *gateSearcher) Count() uint64        { return s.lead.Count() }
func (s *gateSearcher) Min() int             { return 0 }
func (s *gateSearcher) Weight() float64      { return 1 }
func (s *gateSearcher) SetQueryNorm(float64) {}
func (s *gateSearcher) DocumentMatchPoolSize() int {
	return s.lead.DocumentMatchPoolSize() + s.other.DocumentMatchPoolSize() + 1
}
func (s *gateSearcher) Size() int {
	return reflectStaticSizeGateSearcher + s.lead.Size() + s.other.Size()
}

// coverScale separates, in a coverSearcher's score, the number of words
// matched from their BM25 sum, which stays far below it.
const coverScale = 1 << 20

// coverSearcher matches the documents that at least min and at most max
// of its children (the query's words) match, and scores each by the
// number of words it matches times coverScale plus their summed BM25
// scores: sorted by score, the articles with more of the words come
// first, and among them the best. coverWords and coverScore take the
// score apart again.
type coverSearcher struct {
	*sumSearcher
	max int
}

func newCoverSearcher(children []search.Searcher, min, max int) *coverSearcher {
	return &coverSearcher{sumSearcher: newSumSearcher(children, min), max: max}
}

func (s *coverSearcher) Next(ctx *search.SearchContext) (*search.DocumentMatch, error) {
	dm, err := s.sumSearcher.Next(ctx)
	return s.cover(ctx, dm, err)
}

func (s *coverSearcher) Advance(ctx *search.SearchContext, id index.IndexInternalID) (*search.DocumentMatch, error) {
	dm, err := s.sumSearcher.Advance(ctx, id)
	return s.cover(ctx, dm, err)
}

// cover scores a match of the sum searcher by its words, passing over the
// matches of more than max words.
func (s *coverSearcher) cover(ctx *search.SearchContext, dm *search.DocumentMatch, err error) (*search.DocumentMatch, error) {
	for dm != nil && err == nil {
		if n := s.lastMatched; n <= s.max {
			dm.Score += float64(n) * coverScale
			return dm, nil
		}
		ctx.DocumentMatchPool.Put(dm)
		dm, err = s.sumSearcher.Next(ctx)
	}
	return dm, err
}

// coverWords and coverScore take apart a coverSearcher's score.
func coverWords(score float64) int     { return int(score / coverScale) }
func coverScore(score float64) float64 { return score - float64(coverWords(score))*coverScale }
