package search

import (
	"context"
	"sort"
	"time"

	bsearch "github.com/blevesearch/bleve/v2/search"
	index "github.com/blevesearch/bleve_index_api"

	"github.com/fahras/fahras/store"
)

// Similar is an article that tells the same story as a hit: a
// near-duplicate, such as one wire report published by two sites.
type Similar struct {
	// ID names the article in its index.
	ID string `json:"id"`
	// Title is the article's title.
	Title string `json:"title"`
	// Date is the publication date where one is known.
	Date time.Time `json:"date,omitzero"`
	// Source is the publication the article came from, where known.
	Source string `json:"source,omitempty"`
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
func collapse(st *stories, hits bsearch.DocumentMatchCollection) []*group {
	var groups []*group
	seen := map[string]bool{}
	for _, h := range hits {
		story := st.of(h.IndexInternalID)
		if story == "" {
			story = h.ID
		}
		if seen[story] {
			continue
		}
		seen[story] = true
		groups = append(groups, &group{hit: h, story: story})
	}
	return groups
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

// storyCounter passes on the matches of a searcher, counting the stories
// among them: how many hits a reader can page through once
// near-duplicates are folded.
type storyCounter struct {
	bsearch.Searcher
	c *storyCount
}

func newStoryCounter(s bsearch.Searcher, sc *storyCount) *storyCounter {
	return &storyCounter{Searcher: s, c: sc}
}

// storyCount is what storyCounters have counted so far, over the tiers
// of one search.
type storyCount struct {
	st *stories
	// seen has a bit for each story by number, set once a match of it
	// is counted: a bit per story costs less than a map entry per match.
	seen    []uint64
	stories int // the bits set
	unknown int // matches with no story, each one of its own
}

// n is the number of stories counted.
func (c *storyCount) n() uint64 { return uint64(c.stories + c.unknown) }

func (s *storyCounter) count(dm *bsearch.DocumentMatch, err error) (*bsearch.DocumentMatch, error) {
	if dm == nil || err != nil {
		return dm, err
	}
	c := s.c
	n := c.st.number(dm.IndexInternalID)
	if n < 0 {
		c.unknown++
		return dm, nil
	}
	w, bit := int(n>>6), uint64(1)<<(n&63)
	if w >= len(c.seen) {
		c.seen = append(c.seen, make([]uint64, w+1-len(c.seen))...)
	}
	if c.seen[w]&bit == 0 {
		c.seen[w] |= bit
		c.stories++
	}
	return dm, nil
}

func (s *storyCounter) Next(ctx *bsearch.SearchContext) (*bsearch.DocumentMatch, error) {
	return s.count(s.Searcher.Next(ctx))
}

func (s *storyCounter) Advance(ctx *bsearch.SearchContext, id index.IndexInternalID) (*bsearch.DocumentMatch, error) {
	return s.count(s.Searcher.Advance(ctx, id))
}
