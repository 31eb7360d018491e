package search

import (
	"context"
	"sort"
	"time"

	"github.com/blevesearch/bleve/v2/search"
	bsearch "github.com/blevesearch/bleve/v2/search"
	index "github.com/blevesearch/bleve_index_api"

	"github.com/fahras/fahras/store"
)

// Similar is an article that tells the same story as a hit: a
// near-duplicate, such as one wire report published by two sites.
type Similar struct {
	ID     string    `json:"id"`
	Title  string    `json:"title"`
	Date   time.Time `json:"date,omitzero"`
	Source string    `json:"source,omitempty"`
}

// collapseWindow is how many ranked hits are read, beyond the page, to
// fold near-duplicates into the best-ranked of them: pages stay full when
// some of their hits are folded away. Only their stories are read, from
// doc values. When folding leaves the page short, the search reads a
// window four times as wide, up to maxWindow.
func collapseWindow(req Request) int {
	return req.Offset + 2*req.Limit + 10
}

// maxWindow bounds the hits read to fill one page of folded hits.
const maxWindow = MaxOffset + 4*MaxLimit

// maxSimilar bounds the similar articles listed under one hit.
const maxSimilar = 20

// group is a hit and the story it tells: the ID of the story's first
// article, which the index gave every article when it was written (see
// package store).
type group struct {
	hit   *bsearch.DocumentMatch
	story string
}

// collapse folds each hit into the first, better-ranked hit of the same
// story, and returns the groups in rank order. An article belongs to one
// story only, so a hit is in one group only.
func collapse(r index.IndexReader, hits bsearch.DocumentMatchCollection) ([]*group, error) {
	dvr, err := r.DocValueReader([]string{store.FieldGroup})
	if err != nil {
		return nil, err
	}
	var groups []*group
	seen := map[string]bool{}
	for _, h := range hits {
		story := h.ID
		err := dvr.VisitDocValues(h.IndexInternalID, func(_ string, term []byte) { story = string(term) })
		if err != nil {
			return nil, err
		}
		if seen[story] {
			continue
		}
		seen[story] = true
		groups = append(groups, &group{hit: h, story: story})
	}
	return groups, nil
}

// similar lists the other articles of a hit's story, oldest first.
func (e *Engine) similar(ctx context.Context, r index.IndexReader, g *group) ([]Similar, error) {
	tfr, err := r.TermFieldReader(ctx, []byte(g.story), store.FieldGroup, false, false, false)
	if err != nil {
		return nil, err
	}
	var ids []string
	for len(ids) <= maxSimilar {
		tfd, err := tfr.Next(nil)
		if err != nil {
			tfr.Close()
			return nil, err
		}
		if tfd == nil {
			break
		}
		id, err := r.ExternalID(tfd.ID)
		if err == nil && id != g.hit.ID {
			ids = append(ids, id)
		}
	}
	tfr.Close()
	var out []Similar
	for _, id := range ids {
		if len(out) == maxSimilar {
			break
		}
		rec, err := e.ix.Record(r, id)
		if err != nil {
			return nil, err
		}
		if rec != nil {
			out = append(out, Similar{ID: id, Title: rec.Title, Date: rec.Date, Source: rec.Source})
		}
	}
	// Oldest first, undated last: the order a story spread in.
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i].Date, out[j].Date
		if a.IsZero() != b.IsZero() {
			return b.IsZero()
		}
		return a.Before(b)
	})
	return out, nil
}

// storyCounter passes on the matches of a searcher, collecting the story
// of each: how many hits a reader can page through once near-duplicates
// are folded. The stories are doc values, read uncompressed.
type storyCounter struct {
	search.Searcher
	dvr     index.DocValueReader
	stories map[string]struct{}
}

func newStoryCounter(r index.IndexReader, s search.Searcher, stories map[string]struct{}) (*storyCounter, error) {
	dvr, err := r.DocValueReader([]string{store.FieldGroup})
	if err != nil {
		s.Close()
		return nil, err
	}
	return &storyCounter{Searcher: s, dvr: dvr, stories: stories}, nil
}

func (s *storyCounter) count(dm *search.DocumentMatch, err error) (*search.DocumentMatch, error) {
	if dm == nil || err != nil {
		return dm, err
	}
	found := false
	if err := s.dvr.VisitDocValues(dm.IndexInternalID, func(_ string, term []byte) {
		if _, ok := s.stories[string(term)]; !ok {
			s.stories[string(term)] = struct{}{}
		}
		found = true
	}); err != nil {
		return nil, err
	}
	if !found {
		// An article with no story (written before stories were) is
		// one of its own.
		s.stories["\x00"+string(dm.IndexInternalID)] = struct{}{}
	}
	return dm, nil
}

func (s *storyCounter) Next(ctx *search.SearchContext) (*search.DocumentMatch, error) {
	return s.count(s.Searcher.Next(ctx))
}

func (s *storyCounter) Advance(ctx *search.SearchContext, id index.IndexInternalID) (*search.DocumentMatch, error) {
	return s.count(s.Searcher.Advance(ctx, id))
}
