package search

import (
	"context"
	"sort"
	"strings"

	index "github.com/blevesearch/bleve_index_api"

	"github.com/fahras/fahras/indexer/arabic"
	"github.com/fahras/fahras/store"
)

// positions reads, for each of some articles, the positions of the plan's
// marked terms in each full-text field: which words of its title and body
// the query matched, straight from the index, with no analysis of the
// stored text. A pair's name key, held at its first word's position,
// marks the next word too.
func positions(ctx context.Context, r index.IndexReader, p *plan, ids []index.IndexInternalID) (map[string][]matches, error) {
	out := map[string][]matches{}
	if p == nil || len(ids) == 0 {
		return out, nil
	}
	// Each term's postings are walked once, over the articles in index
	// order.
	order := make([]int, len(ids))
	for i := range order {
		order[i] = i
	}
	sort.Slice(order, func(a, b int) bool { return ids[order[a]].Compare(ids[order[b]]) < 0 })
	for field, terms := range p.marks {
		ms := make([]matches, len(ids))
		for term := range terms {
			tfr, err := r.TermFieldReader(ctx, []byte(term), field, false, false, true)
			if err != nil {
				return nil, err
			}
			var tfd index.TermFieldDoc
			for _, i := range order {
				got, err := tfr.Advance(ids[i], tfd.Reset())
				if err != nil {
					tfr.Close()
					return nil, err
				}
				if got == nil {
					break
				}
				if !got.ID.Equals(ids[i]) {
					continue
				}
				if ms[i] == nil {
					ms[i] = matches{}
				}
				for _, v := range got.Vectors {
					pos := int(v.Pos)
					pair := v.End == store.PairSpan && strings.HasPrefix(term, arabic.NameKeyPrefix)
					if _, ok := ms[i][pos]; !ok || !pair {
						ms[i][pos] = term
					}
					if pair {
						// A key may join this word with the next.
						if _, ok := ms[i][pos+1]; !ok {
							ms[i][pos+1] = term
						}
					}
				}
			}
			tfr.Close()
		}
		out[field] = ms
	}
	return out, nil
}
