package search

import (
	"context"
	"errors"
	"io"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/fahras/fahras/indexer"
)

// datedSeeds indexes the seed articles with a date, source, agencies and
// people set on each, as an archive's JSON fields would give them.
func datedSeeds(t *testing.T) *Engine {
	t.Helper()
	meta := map[string]indexer.Article{
		"000": {Date: day("2024-04-07"), Source: "elaph", Agencies: []string{"فرانس برس"}, People: []string{"لافروف"}},
		"001": {Date: day("2025-05-27"), Source: "rt", People: []string{"لافروف", "وانغ يي"}},
		"002": {Date: day("2024-04-09"), Source: "alaraby", Agencies: []string{"رويترز"}, People: []string{"لافروف", "وانغ يي"}},
		"003": {Date: day("2024-04-08"), Source: "alquds", Agencies: []string{"فرانس برس"}, People: []string{"لافروف"}},
		"004": {Source: "rt", People: []string{"بوتين", "شي جين بينغ"}},
	}
	r := indexer.SeedReader()
	var arts []*indexer.Article
	for {
		a, err := r.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		m := meta[a.ID[:3]]
		a.Date, a.Source, a.Agencies, a.People = m.Date, m.Source, m.Agencies, m.People
		arts = append(arts, a)
	}
	return engineOver(t, indexer.ArticlesReader(arts), "")
}

func day(s string) time.Time {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return t
}

func TestFiltersAndOrder(t *testing.T) {
	e := datedSeeds(t)
	tests := []struct {
		name string
		req  Request
		want []string // ID prefixes, in order when ordered is set
		ord  bool
	}{
		{"all Lavrov", Request{Query: "لافروف"}, []string{"000", "001", "002", "003"}, false},
		{"from", Request{Query: "لافروف", From: day("2024-04-08")}, []string{"001", "002", "003"}, false},
		{"to includes its day", Request{Query: "لافروف", To: day("2024-04-08")}, []string{"000", "003"}, false},
		{"one day", Request{Query: "لافروف", From: day("2024-04-09"), To: day("2024-04-09")}, []string{"002"}, false},
		{"undated left out", Request{Query: "بكين", From: day("2020-01-01")}, []string{"000", "001", "002", "003"}, false},
		{"newest first", Request{Query: "لافروف", Sort: SortNewest}, []string{"001", "002", "003", "000"}, true},
		{"oldest first", Request{Query: "لافروف", Sort: SortOldest}, []string{"000", "003", "002", "001"}, true},
		{"source", Request{Query: "الصين", Source: "rt"}, []string{"001", "004"}, false},
		{"agency", Request{Query: "لافروف", Agency: "فرانس برس"}, []string{"000", "003"}, false},
		{"person", Request{Query: "الصين", Person: "وانغ يي"}, []string{"001", "002"}, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			tc.req.NoCollapse = true
			r, err := e.Search(context.Background(), tc.req)
			if err != nil {
				t.Fatal(err)
			}
			got := ids(r)
			if tc.ord && !slices.Equal(got, tc.want) || !tc.ord && !sameSet(got, tc.want) {
				t.Errorf("got %v, want %v", got, tc.want)
			}
			if int(r.Total) != len(tc.want) {
				t.Errorf("total %d, want %d", r.Total, len(tc.want))
			}
		})
	}
}

// A filter narrows the hits but leaves their scores as they were.
func TestFiltersKeepScores(t *testing.T) {
	e := datedSeeds(t)
	all, err := e.Search(context.Background(), Request{Query: "لافروف الصين"})
	if err != nil {
		t.Fatal(err)
	}
	some, err := e.Search(context.Background(), Request{Query: "لافروف الصين", Agency: "فرانس برس"})
	if err != nil {
		t.Fatal(err)
	}
	score := map[string]float64{}
	for _, h := range all.Hits {
		score[h.ID] = h.Score
	}
	for _, h := range some.Hits {
		if score[h.ID] != h.Score {
			t.Errorf("%s: score %v filtered, %v not", h.ID, h.Score, score[h.ID])
		}
	}
}

func TestFacets(t *testing.T) {
	e := datedSeeds(t)
	r, err := e.Search(context.Background(), Request{Query: "لافروف", Facets: true})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string][]FacetValue{
		FacetMonth:  {{"2024-04", 3, ""}, {"2025-05", 1, ""}},
		FacetSource: {{"alaraby", 1, "العربي الجديد"}, {"alquds", 1, "القدس العربي"}, {"elaph", 1, "إيلاف"}, {"rt", 1, "روسيا اليوم"}},
		FacetAgency: {{"فرانس برس", 2, ""}, {"رويترز", 1, ""}},
		FacetPerson: {{"لافروف", 4, ""}, {"وانغ يي", 2, ""}},
	}
	for name, w := range want {
		if g := r.Facets[name]; !slices.Equal(g, w) {
			t.Errorf("facet %s: got %v, want %v", name, g, w)
		}
	}
	// Facets count all matches, not only the page shown.
	r, err = e.Search(context.Background(), Request{Query: "لافروف", Facets: true, Limit: 1})
	if err != nil {
		t.Fatal(err)
	}
	if g := r.Facets[FacetPerson]; len(g) == 0 || g[0].Count != 4 {
		t.Errorf("person facet with one hit shown: %v", g)
	}
}

func TestBadFilters(t *testing.T) {
	e := datedSeeds(t)
	for _, req := range []Request{
		{Query: "لافروف", From: day("2024-05-01"), To: day("2024-04-01")},
		{Query: "لافروف", Sort: "random"},
	} {
		if _, err := e.Search(context.Background(), req); !errors.Is(err, ErrBadQuery) {
			t.Errorf("%+v: got %v, want ErrBadQuery", req, err)
		}
	}
}

// A filter matches however its value is spelled: another spelling of a
// name the gazetteer knows, a part of a name, an agency's Latin name, a
// source's Arabic name or its slug in another case. A value no article
// has is a bad query whose message lists values there are.
func TestFiltersForgiveSpelling(t *testing.T) {
	e := datedSeeds(t)
	for _, tc := range []struct {
		name string
		req  Request
		want []string
	}{
		{"a person's other spelling", Request{Query: "الصين", Person: "لافروڤ"}, []string{"000", "001", "002", "003"}},
		{"part of a name", Request{Query: "الصين", Person: "وانغ"}, []string{"001", "002"}},
		{"a person with hamza", Request{Query: "بكين", Person: "شي جين بينغ"}, []string{"004"}},
		{"an agency's Latin name", Request{Query: "لافروف", Agency: "AFP"}, []string{"000", "003"}},
		{"an agency's short name", Request{Query: "لافروف", Agency: "Reuters"}, []string{"002"}},
		{"a source's slug in capitals", Request{Query: "الصين", Source: "RT"}, []string{"001", "004"}},
		{"a source's Arabic name", Request{Query: "الصين", Source: "روسيا اليوم"}, []string{"001", "004"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			tc.req.NoCollapse, tc.req.AllWords = true, true
			r, err := e.Search(context.Background(), tc.req)
			if err != nil {
				t.Fatal(err)
			}
			if got := ids(r); !sameSet(got, tc.want) {
				t.Errorf("got %v, want %v", got, tc.want)
			}
		})
	}
	_, err := e.Search(context.Background(), Request{Query: "لافروف", Person: "أوباما"})
	if !errors.Is(err, ErrBadQuery) || !strings.Contains(err.Error(), `"أوباما"`) || !strings.Contains(err.Error(), "لافروف") {
		t.Errorf("a person no article names: %v", err)
	}
}
