package search

import (
	"context"
	"fmt"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/mapping"
	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"
	index "github.com/blevesearch/bleve_index_api"

	"github.com/fahras/fahras/indexer/arabic"
	"github.com/fahras/fahras/indexer/news"
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
// filter. A source, agency or person is matched however it is spelled
// (see values).
func filters(ctx context.Context, r index.IndexReader, req Request) ([]query.Query, error) {
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
		v := strings.TrimSpace(kv[1])
		if v == "" {
			continue
		}
		vals, err := values(ctx, r, kv[0], v)
		if err != nil {
			return nil, err
		}
		var qs []query.Query
		for _, val := range vals {
			tq := query.NewTermQuery(val)
			tq.SetField(kv[0])
			qs = append(qs, tq)
		}
		fs = append(fs, query.NewDisjunctionQuery(qs))
	}
	return fs, nil
}

// filterNouns name what each filter keeps, in messages.
var filterNouns = map[string]string{
	store.FieldSource: "has the source", store.FieldAgency: "has the agency", store.FieldPerson: "has the person",
	store.FieldSpeaker: "reports a statement by", store.FieldVisitor: "reports a visit by", store.FieldPlace: "reports a visit to",
}

// values returns the values of a keyword field that a filter given by a
// user stands for: the person or agency package news finds in it under
// any of its spellings (أوباما → باراك أوباما, Reuters → رويترز); a
// source by its slug or its Arabic name (aawsat, الشرق الأوسط); else
// every value whose words include all of the filter's, compared as the
// analysis normalizes them (أوباما, باراك اوباما → باراك أوباما). A
// filter no value answers is a bad query, whose message lists some of
// the values there are.
func values(ctx context.Context, r index.IndexReader, field, v string) ([]string, error) {
	d, err := r.FieldDict(field)
	if err != nil {
		return nil, fmt.Errorf("reading the index: %w", err)
	}
	var all []string
	for {
		e, err := d.Next()
		if err != nil {
			d.Close()
			return nil, fmt.Errorf("reading the index: %w", err)
		}
		if e == nil {
			break
		}
		all = append(all, e.Term)
	}
	d.Close()
	known := map[string]bool{}
	for _, x := range all {
		known[x] = true
	}
	var out []string
	add := func(x string) {
		if known[x] && !slices.Contains(out, x) {
			out = append(out, x)
		}
	}
	switch field {
	case store.FieldPerson, store.FieldSpeaker, store.FieldVisitor:
		for _, x := range news.People(v) {
			add(x)
		}
	case store.FieldAgency:
		for _, x := range news.Agencies(v) {
			add(x)
		}
	case store.FieldSource:
		for _, x := range all {
			if strings.EqualFold(x, v) || sameWords(news.SourceName(x), v) {
				add(x)
			}
		}
	}
	if len(out) > 0 {
		return out, nil
	}
	want := normalWords(v)
	for _, x := range all {
		if len(want) > 0 && containsAll(normalWords(x), want) {
			add(x)
		}
	}
	if len(out) > 0 {
		return out, nil
	}
	sort.Strings(all)
	hint := ""
	if len(all) > 0 {
		hint = fmt.Sprintf(" (the index has, for instance: %s)", strings.Join(all[:min(5, len(all))], ", "))
	}
	return nil, fmt.Errorf("%w: no article of the index %s %q%s", ErrBadQuery, filterNouns[field], v, hint)
}

// normalWords returns the words of s normalized as the analysis
// normalizes them.
func normalWords(s string) []string {
	var out []string
	arabic.Words(s, func(start, end int) {
		out = append(out, arabic.Normalize(s[start:end]))
	})
	return out
}

// sameWords tells whether two names have the same normalized words.
func sameWords(a, b string) bool { return slices.Equal(normalWords(a), normalWords(b)) }

// containsAll tells whether have holds every word of want.
func containsAll(have, want []string) bool {
	for _, w := range want {
		if !slices.Contains(have, w) {
			return false
		}
	}
	return true
}

// sortOrder returns bleve's sort of a request's order.
func sortOrder(s string) ([]string, error) {
	switch s {
	case "", SortRelevance:
		// Ties are put in ID order afterwards (see byScoreThenID):
		// sorting by ID here would read the ID of every match.
		return []string{"-_score"}, nil
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
			v := FacetValue{Value: t.Term, Count: t.Count}
			if n := news.SourceName(t.Term); name == FacetSource && n != t.Term {
				v.Label = n
			}
			vs = append(vs, v)
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
