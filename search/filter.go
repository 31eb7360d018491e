package search

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/mapping"
	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"
	index "github.com/blevesearch/bleve_index_api"

	"github.com/fahras/fahras/store"
)

// filtered is a query whose matches are narrowed by filters that do not
// change its scores: a date range, a source, an agency, a person.
type filtered struct {
	inner   query.Query
	filters []query.Query
}

var _ query.Query = (*filtered)(nil)

// Searcher gates the inner query's searcher by each filter's.
func (f *filtered) Searcher(ctx context.Context, r index.IndexReader, m mapping.IndexMapping, opts search.SearcherOptions) (search.Searcher, error) {
	s, err := f.inner.Searcher(ctx, r, m, opts)
	if err != nil {
		return nil, err
	}
	for _, fq := range f.filters {
		fs, err := fq.Searcher(ctx, r, m, search.SearcherOptions{})
		if err != nil {
			s.Close()
			return nil, err
		}
		s = &gateSearcher{lead: s, other: fs}
	}
	return s, nil
}

// filters returns the filter queries of a request, none when it has no
// filter.
func filters(req Request) ([]query.Query, error) {
	var fs []query.Query
	if !req.From.IsZero() || !req.To.IsZero() {
		to := req.To
		if !to.IsZero() && to.Equal(to.Truncate(24*time.Hour)) {
			to = to.Add(24*time.Hour - time.Nanosecond)
		}
		if !req.From.IsZero() && !to.IsZero() && to.Before(req.From) {
			return nil, fmt.Errorf("%w: the period ends (%s) before it starts (%s)", ErrBadQuery,
				req.To.Format(time.DateOnly), req.From.Format(time.DateOnly))
		}
		incl := true
		dq := query.NewDateRangeInclusiveQuery(req.From, to, &incl, &incl)
		dq.SetField(store.FieldDate)
		fs = append(fs, dq)
	}
	for _, kv := range [][2]string{
		{store.FieldSource, req.Source},
		{store.FieldAgency, req.Agency},
		{store.FieldPerson, req.Person},
	} {
		if v := strings.TrimSpace(kv[1]); v != "" {
			tq := query.NewTermQuery(v)
			tq.SetField(kv[0])
			fs = append(fs, tq)
		}
	}
	return fs, nil
}

// sortOrder returns bleve's sort of a request's order.
func sortOrder(s string) ([]string, error) {
	switch s {
	case "", SortRelevance:
		return []string{"-_score", "_id"}, nil
	case SortNewest:
		return []string{"-" + store.FieldDate, "-_score", "_id"}, nil
	case SortOldest:
		return []string{store.FieldDate, "-_score", "_id"}, nil
	}
	return nil, fmt.Errorf("%w: unknown order %q (choose %s, %s or %s)", ErrBadQuery, s, SortRelevance, SortNewest, SortOldest)
}

// facetFields maps each facet to its index field.
var facetFields = map[string]string{
	FacetMonth:  store.FieldMonth,
	FacetSource: store.FieldSource,
	FacetAgency: store.FieldAgency,
	FacetPerson: store.FieldPerson,
}

// addFacets asks a bleve request for every facet.
func addFacets(sr *bleve.SearchRequest) {
	for name, field := range facetFields {
		size := MaxFacetValues
		if name == FacetMonth {
			size = 240 // twenty years of months, ordered by time below
		}
		sr.AddFacet(name, bleve.NewFacetRequest(field, size))
	}
}

// facetValues reads bleve's facet results: months in time order, the
// rest most frequent first.
func facetValues(res search.FacetResults) map[string][]FacetValue {
	out := map[string][]FacetValue{}
	for name := range facetFields {
		fr, ok := res[name]
		if !ok || fr.Terms == nil {
			continue
		}
		var vs []FacetValue
		for _, t := range fr.Terms.Terms() {
			vs = append(vs, FacetValue{Value: t.Term, Count: t.Count})
		}
		if name == FacetMonth {
			sort.Slice(vs, func(i, j int) bool { return vs[i].Value < vs[j].Value })
		} else {
			sort.SliceStable(vs, func(i, j int) bool {
				if vs[i].Count != vs[j].Count {
					return vs[i].Count > vs[j].Count
				}
				return vs[i].Value < vs[j].Value
			})
		}
		if len(vs) > 0 {
			out[name] = vs
		}
	}
	return out
}
