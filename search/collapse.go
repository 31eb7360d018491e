package search

import (
	"context"
	"sort"
	"time"

	"github.com/blevesearch/bleve/v2"
	bsearch "github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"

	"github.com/fahras/fahras/indexer"
	"github.com/fahras/fahras/indexer/news"
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
// some of their hits are folded away.
func collapseWindow(req Request) int {
	return req.Offset + 3*req.Limit + 10
}

// maxSimilar bounds the similar articles listed under one hit.
const maxSimilar = 20

// group is a hit and the near-duplicates folded into it.
type group struct {
	hit     *bsearch.DocumentMatch
	sig     news.Sig
	similar []Similar
	ids     map[string]bool
}

// signature reads a hit's stored MinHash signature; ok is false when it
// has none.
func signature(h *bsearch.DocumentMatch) (news.Sig, bool) {
	s, _ := h.Fields[indexer.FieldSig].(string)
	if s == "" {
		return news.Sig{}, false
	}
	sig, err := news.ParseSig(s)
	if err != nil || sig.Empty() {
		return news.Sig{}, false
	}
	return sig, true
}

// similarOf describes a stored hit as a Similar.
func similarOf(h *bsearch.DocumentMatch) Similar {
	s := Similar{ID: h.ID, Date: storedDate(h.Fields[indexer.FieldDate])}
	s.Title, _ = h.Fields["title"].(string)
	s.Source, _ = h.Fields[indexer.FieldSource].(string)
	return s
}

// collapse folds each hit into the first, better-ranked hit it is a
// near-duplicate of, and returns the groups in rank order.
func collapse(hits bsearch.DocumentMatchCollection) []*group {
	var groups []*group
	for _, h := range hits {
		sig, ok := signature(h)
		if ok {
			folded := false
			for _, g := range groups {
				if !g.sig.Empty() && sig.NearDuplicateOf(g.sig) {
					g.similar = append(g.similar, similarOf(h))
					g.ids[h.ID] = true
					folded = true
					break
				}
			}
			if folded {
				continue
			}
		}
		groups = append(groups, &group{hit: h, sig: sig, ids: map[string]bool{h.ID: true}})
	}
	return groups
}

// moreSimilar adds to a group the near-duplicates of its hit that the
// query did not rank in its window: articles sharing a band of the hit's
// signature, confirmed by their similarity.
func (e *Engine) moreSimilar(ctx context.Context, g *group) error {
	if g.sig.Empty() || len(g.similar) >= maxSimilar {
		return nil
	}
	var qs []query.Query
	for _, b := range indexer.DupBands(g.sig) {
		tq := query.NewTermQuery(b)
		tq.SetField(indexer.FieldDup)
		qs = append(qs, tq)
	}
	// The articles sharing the most values come first (bleve's own score
	// of the disjunction, cheap to rank by); sorting candidates by date
	// instead read every candidate's date and doubled a search's time.
	sr := bleve.NewSearchRequestOptions(query.NewDisjunctionQuery(qs), maxSimilar+10, 0, false)
	sr.Fields = []string{"title", indexer.FieldDate, indexer.FieldSource, indexer.FieldSig}
	res, err := e.idx.SearchInContext(ctx, sr)
	if err != nil {
		return err
	}
	for _, h := range res.Hits {
		if g.ids[h.ID] || len(g.similar) >= maxSimilar {
			continue
		}
		if sig, ok := signature(h); ok && sig.NearDuplicateOf(g.sig) {
			g.similar = append(g.similar, similarOf(h))
			g.ids[h.ID] = true
		}
	}
	// Oldest first, undated last: the order a story spread in.
	sort.SliceStable(g.similar, func(i, j int) bool {
		a, b := g.similar[i].Date, g.similar[j].Date
		if a.IsZero() != b.IsZero() {
			return b.IsZero()
		}
		return a.Before(b)
	})
	return nil
}
