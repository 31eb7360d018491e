package search

import (
	"cmp"
	"context"
	"fmt"
	"math/bits"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search/query"
	index "github.com/blevesearch/bleve_index_api"

	"github.com/fahras/fahras/indexer/events"
	"github.com/fahras/fahras/indexer/news"
	"github.com/fahras/fahras/store"
)

// Bounds on the articles one request for statements or visits reads.
const (
	// maxEventArticles bounds the articles, newest first, whose
	// statements or visits a request without a query lists.
	maxEventArticles = 2000
	// maxQueryArticles bounds the best-ranked articles a query's
	// statements are looked for in.
	maxQueryArticles = 300
)

// Statements returns who said what: the statements the articles report,
// each reported statement once with every article that reports it
// (near-duplicates and the same words quoted by several articles). With
// a query, the statements whose words it matches come first, those with
// more of its words before; without, the newest. An error the request
// causes wraps ErrBadQuery.
func (e *Engine) Statements(ctx context.Context, req StatementRequest) (resp *StatementResponse, err error) {
	defer e.recoverDamage(&err)
	start := time.Now()
	if err := checkPage(&req.Limit, req.Offset); err != nil {
		return nil, err
	}
	r, err := e.reader()
	if err != nil {
		return nil, err
	}
	defer r.Close()
	fs, err := filters(ctx, r, Request{From: req.From, To: req.To})
	if err != nil {
		return nil, err
	}
	fs = append(fs, termQuery(store.FieldEvents, store.EventStatement))
	speakers, fs, err := keep(ctx, r, store.FieldSpeaker, req.Speaker, fs)
	if err != nil {
		return nil, err
	}
	var cands []*candidate
	if strings.TrimSpace(req.Query) == "" {
		recs, err := e.newest(ctx, r, fs)
		if err != nil {
			return nil, err
		}
		for _, ar := range recs {
			for i, s := range ar.rec.Statements {
				if speakers == nil || speakers[s.Speaker] {
					cands = append(cands, &candidate{ar: ar, i: i})
				}
			}
		}
	} else if cands, err = e.queryStatements(ctx, r, req.Query, fs, speakers); err != nil {
		return nil, err
	}
	listing, page := pageOf(mergeStatements(cands), req.Offset, req.Limit)
	resp = &StatementResponse{Listing: listing, Statements: []Statement{}}
	for _, g := range page {
		c := g[0]
		s := c.ar.rec.Statements[c.i]
		body, err := c.ar.body(e.ix)
		if err != nil {
			return nil, err
		}
		if s.Start < 0 || s.End > len(body) || s.Start > s.End {
			return nil, fmt.Errorf("article %s: %w", c.ar.id, store.ErrDamagedRecord)
		}
		resp.Statements = append(resp.Statements, Statement{
			Speaker: s.Speaker, SaidAs: s.SaidAs, Verb: s.Verb, Quote: s.Quote,
			Text:    render(body, c.ar.words, s.Start, s.End, foldSpace),
			Date:    c.ar.rec.Date,
			Article: c.ar.id, Start: s.Start, End: s.End,
			Sources: reports(g, c),
		})
	}
	resp.Took = time.Since(start)
	return resp, nil
}

// queryStatements runs a query over the articles the filters keep and
// returns the statements of the best-ranked articles that hold at least
// one matched word, those with more distinct matched words first, then by
// the article's score.
func (e *Engine) queryStatements(ctx context.Context, r index.IndexReader, q string, fs []query.Query, speakers map[string]bool) ([]*candidate, error) {
	clauses, err := parseQuery(q)
	if err != nil {
		return nil, err
	}
	if len(clauses) == 0 {
		return nil, fmt.Errorf("%w: the query is empty", ErrBadQuery)
	}
	p, err := newPlan(ctx, r, e.ix.Info, e.weights(), clauses, true, nil)
	if err != nil {
		return nil, err
	}
	a := &answer{e: e, ctx: ctx, r: r, filters: fs, order: []string{"-_score"}}
	res, err := a.run(p, maxQueryArticles)
	if err != nil {
		return nil, err
	}
	ids := make([]index.IndexInternalID, len(res.Hits))
	for i, h := range res.Hits {
		ids[i] = h.IndexInternalID
	}
	pos, err := positions(ctx, r, p, ids)
	if err != nil {
		return nil, err
	}
	var cands []*candidate
	for i, h := range res.Hits {
		rec, err := e.ix.Record(r, h.ID)
		if err != nil {
			return nil, err
		}
		if rec == nil {
			continue // no record to read statements from
		}
		ar := &articleRecord{id: h.ID, rec: rec}
		body, err := ar.body(e.ix)
		if err != nil {
			return nil, err
		}
		ar.words = words(body, at(pos, store.FieldBody, i), 0)
		for k, s := range rec.Statements {
			if speakers != nil && !speakers[s.Speaker] {
				continue
			}
			keys := map[string]bool{}
			for _, w := range ar.words {
				if w.match && w.start >= s.Start && w.end <= s.End {
					keys[w.key] = true
				}
			}
			if len(keys) > 0 {
				cands = append(cands, &candidate{ar: ar, i: k, score: float64(len(keys))*1e6 + h.Score})
			}
		}
	}
	sort.SliceStable(cands, func(i, j int) bool { return cands[i].score > cands[j].score })
	return cands, nil
}

// Visits returns who went where: the visits the articles report, each
// visit once with every article that reports it, the latest first.
func (e *Engine) Visits(ctx context.Context, req VisitRequest) (resp *VisitResponse, err error) {
	defer e.recoverDamage(&err)
	start := time.Now()
	if err := checkPage(&req.Limit, req.Offset); err != nil {
		return nil, err
	}
	from, to, err := period(req.From, req.To)
	if err != nil {
		return nil, err
	}
	r, err := e.reader()
	if err != nil {
		return nil, err
	}
	defer r.Close()
	fs := []query.Query{termQuery(store.FieldEvents, store.EventVisit)}
	who, fs, err := keep(ctx, r, store.FieldVisitor, req.Who, fs)
	if err != nil {
		return nil, err
	}
	// Every report of a visit to the place's country is read, so that a
	// visit one article places in the capital and another in the country
	// is one visit; the visits kept are those a report places there.
	places, fs, err := keep(ctx, r, store.FieldPlace, req.Place, fs)
	if err != nil {
		return nil, err
	}
	var countries map[string]bool
	if places != nil {
		countries = map[string]bool{}
		var qs []query.Query
		for p := range places {
			c := cmp.Or(events.CountryOf(p), p)
			if !countries[c] && !places[c] {
				qs = append(qs, termQuery(store.FieldPlace, c))
			}
			countries[c] = true
		}
		if len(qs) > 0 {
			fs[len(fs)-1] = query.NewDisjunctionQuery(append(qs, fs[len(fs)-1]))
		}
	}
	recs, err := e.newest(ctx, r, fs)
	if err != nil {
		return nil, err
	}
	var cands []*candidate
	for _, ar := range recs {
		for i, v := range ar.rec.Visits {
			if who != nil && !who[v.Visitor] || countries != nil && !countries[place(v)] {
				continue
			}
			c := &candidate{ar: ar, i: i}
			if f, t := c.days(); (!from.IsZero() || !to.IsZero()) && f.IsZero() || (!from.IsZero() && t.Before(from)) || (!to.IsZero() && f.After(to)) {
				// Out of the period, or of no known day while a period
				// is asked for.
				continue
			}
			cands = append(cands, c)
		}
	}
	groups := mergeVisits(cands)
	if places != nil {
		groups = slices.DeleteFunc(groups, func(g []*candidate) bool {
			for _, c := range g {
				if v := c.ar.rec.Visits[c.i]; places[v.Destination] || places[v.Country] {
					return false
				}
			}
			return true
		})
	}
	listing, page := pageOf(groups, req.Offset, req.Limit)
	resp = &VisitResponse{Listing: listing, Visits: []Visit{}}
	for _, g := range page {
		c := bestVisit(g)
		v := c.ar.rec.Visits[c.i]
		body, err := c.ar.body(e.ix)
		if err != nil {
			return nil, err
		}
		if v.Start < 0 || v.End > len(body) || v.Start > v.End {
			return nil, fmt.Errorf("article %s: %w", c.ar.id, store.ErrDamagedRecord)
		}
		out := Visit{
			Visitor: v.Visitor, VisitorAs: v.VisitorAs, Destination: v.Destination, Country: v.Country,
			From: v.From, To: v.To, Month: int(v.Month), Date: c.ar.rec.Date,
			Status: VisitPlanned, Article: c.ar.id,
			Evidence: render(body, nil, v.Start, v.End, foldSpace),
			Sources:  reports(g, c),
		}
		for _, o := range g {
			if !o.ar.rec.Visits[o.i].Planned {
				out.Status = VisitDone
			}
		}
		resp.Visits = append(resp.Visits, out)
	}
	resp.Took = time.Since(start)
	return resp, nil
}

// pageOf returns the page of groups from offset, of at most limit, and
// the listing that counts and places it.
func pageOf(groups [][]*candidate, offset, limit int) (Listing, [][]*candidate) {
	n := len(groups)
	return Listing{Total: n, Offset: offset, Limit: limit, More: offset+limit < n},
		groups[min(offset, n):min(offset+limit, n)]
}

// checkPage checks a page's bounds, setting a zero limit to the default.
func checkPage(limit *int, offset int) error {
	if *limit == 0 {
		*limit = DefaultLimit
	}
	if *limit < 0 || *limit > MaxLimit {
		return fmt.Errorf("%w: limit %d is out of range (1 to %d)", ErrBadQuery, *limit, MaxLimit)
	}
	if offset < 0 || offset > MaxOffset {
		return fmt.Errorf("%w: offset %d is out of range (0 to %d)", ErrBadQuery, offset, MaxOffset)
	}
	return nil
}

// period checks a period given by its first and last day; a last day
// without a time of day includes its whole day.
func period(from, to time.Time) (time.Time, time.Time, error) {
	if !to.IsZero() && to.Equal(to.Truncate(24*time.Hour)) {
		to = to.Add(24*time.Hour - time.Nanosecond)
	}
	if !from.IsZero() && !to.IsZero() && to.Before(from) {
		return from, to, fmt.Errorf("%w: the period ends (%s) before it starts (%s)", ErrBadQuery,
			to.Format(time.DateOnly), from.Format(time.DateOnly))
	}
	return from, to, nil
}

func termQuery(field, term string) query.Query {
	q := query.NewTermQuery(term)
	q.SetField(field)
	return q
}

// keep resolves what a user gave for a keyword field (see values) and
// adds its filter to fs; the values are returned as a set, nil when v is
// empty.
func keep(ctx context.Context, r index.IndexReader, field, v string, fs []query.Query) (map[string]bool, []query.Query, error) {
	if strings.TrimSpace(v) == "" {
		return nil, fs, nil
	}
	vals, err := values(ctx, r, field, strings.TrimSpace(v))
	if err != nil {
		return nil, nil, err
	}
	set := map[string]bool{}
	var qs []query.Query
	for _, val := range vals {
		set[val] = true
		qs = append(qs, termQuery(field, val))
	}
	return set, append(fs, query.NewDisjunctionQuery(qs)), nil
}

// articleRecord is an article whose statements or visits are read.
type articleRecord struct {
	id   string
	rec  *store.Record
	text *string // the body, once read
	// words are the body's words, the query's matches flagged, when a
	// query was given.
	words []word
}

func (a *articleRecord) body(ix *store.Index) (string, error) {
	if a.text == nil {
		_, body, err := ix.Text(a.rec)
		if err != nil {
			return "", fmt.Errorf("article %s: %w", a.id, err)
		}
		a.text = &body
	}
	return *a.text, nil
}

// newest returns the records of the articles the filters keep, newest
// first, at most maxEventArticles of them.
func (e *Engine) newest(ctx context.Context, r index.IndexReader, fs []query.Query) ([]*articleRecord, error) {
	sr := bleve.NewSearchRequestOptions(query.NewConjunctionQuery(fs), maxEventArticles, 0, false)
	sr.SortBy([]string{"-" + store.FieldDate, "_id"})
	res, err := e.ix.SearchInContext(ctx, sr)
	if err != nil {
		if ctxErr := ctx.Err(); ctxErr != nil {
			return nil, ctxErr
		}
		return nil, err
	}
	out := make([]*articleRecord, 0, len(res.Hits))
	for _, h := range res.Hits {
		rec, err := e.ix.Record(r, h.ID)
		if err != nil {
			return nil, err
		}
		if rec != nil {
			out = append(out, &articleRecord{id: h.ID, rec: rec})
		}
	}
	return out, nil
}

// candidate is one statement or visit of an article.
type candidate struct {
	ar    *articleRecord
	i     int // its index among the article's statements or visits
	score float64
}

// days returns the first and last day of a visit: its own where the
// article gives them, else the article's date.
func (c *candidate) days() (time.Time, time.Time) {
	v := c.ar.rec.Visits[c.i]
	if !v.From.IsZero() {
		return v.From, v.To.Add(24*time.Hour - time.Nanosecond)
	}
	return c.ar.rec.Date, c.ar.rec.Date
}

// Merging reports of one statement: the same speaker, and words whose
// fingerprints differ by at most sigBits bits (or are equal, for words too
// few for a fingerprint to tell).
const (
	sigBits     = 10
	sigMinBytes = 60
)

// mergeStatements groups the candidates that report one statement, in
// the order of each group's first candidate.
func mergeStatements(cands []*candidate) [][]*candidate {
	var groups [][]*candidate
	bySpeaker := map[string][]int{}
	for _, c := range cands {
		s := c.ar.rec.Statements[c.i]
		found := -1
		for _, g := range bySpeaker[s.Speaker] {
			o := groups[g][0].ar.rec.Statements[groups[g][0].i]
			d := bits.OnesCount64(o.Sig ^ s.Sig)
			if d == 0 || d <= sigBits && s.End-s.Start >= sigMinBytes && o.End-o.Start >= sigMinBytes {
				found = g
				break
			}
		}
		if found < 0 {
			bySpeaker[s.Speaker] = append(bySpeaker[s.Speaker], len(groups))
			groups = append(groups, []*candidate{c})
		} else {
			groups[found] = append(groups[found], c)
		}
	}
	return groups
}

// Merging reports of one visit: the same visitor and country, and days
// that agree (see sameTrip).
const (
	tripSlack  = 3 * 24 * time.Hour  // between two visits' own days
	tripBefore = 45 * 24 * time.Hour // an undated report before the visit
	tripAfter  = 30 * 24 * time.Hour // or after it
)

// mergeVisits groups the candidates that report one visit, and orders
// the groups by the visit's days, the latest first.
func mergeVisits(cands []*candidate) [][]*candidate {
	var groups [][]*candidate
	for _, c := range cands {
		found := -1
		for g := range groups {
			if sameTrip(groups[g][0], c) {
				found = g
				break
			}
		}
		if found < 0 {
			groups = append(groups, []*candidate{c})
		} else {
			groups[found] = append(groups[found], c)
		}
	}
	sort.SliceStable(groups, func(i, j int) bool {
		a, _ := bestVisit(groups[i]).days()
		b, _ := bestVisit(groups[j]).days()
		return a.After(b)
	})
	return groups
}

// sameTrip tells whether two reports tell of one visit.
func sameTrip(a, b *candidate) bool {
	va, vb := a.ar.rec.Visits[a.i], b.ar.rec.Visits[b.i]
	if va.Visitor != vb.Visitor || place(va) != place(vb) {
		return false
	}
	if va.Month != 0 && vb.Month != 0 && va.Month != vb.Month {
		return false
	}
	switch {
	case !va.From.IsZero() && !vb.From.IsZero():
		return !va.From.After(vb.To.Add(tripSlack)) && !vb.From.After(va.To.Add(tripSlack))
	case !va.From.IsZero() || !vb.From.IsZero():
		dated, other := va, b
		if va.From.IsZero() {
			dated, other = vb, a
		}
		ov := other.ar.rec.Visits[other.i]
		if ov.Month != 0 && ov.Month != dated.From.Month() && ov.Month != dated.To.Month() {
			return false
		}
		d := other.ar.rec.Date
		return !d.IsZero() && !d.Before(dated.From.Add(-tripBefore)) && !d.After(dated.To.Add(tripAfter))
	default:
		da, db := a.ar.rec.Date, b.ar.rec.Date
		return !da.IsZero() && !db.IsZero() && da.Sub(db).Abs() <= tripAfter
	}
}

// place is what two reports of one visit share: the country, else the
// destination.
func place(v store.Visit) string {
	if v.Country != "" {
		return v.Country
	}
	return v.Destination
}

// bestVisit is the report a visit is shown from: the one that gives its
// days most precisely, then the first.
func bestVisit(g []*candidate) *candidate {
	best, rank := g[0], -1
	for _, c := range g {
		v := c.ar.rec.Visits[c.i]
		r := 0
		switch {
		case !v.From.IsZero() && v.Month == 0:
			r = 2
		case !v.From.IsZero():
			r = 1
		}
		if r > rank {
			best, rank = c, r
		}
	}
	return best
}

// reports lists the articles of a group, each once: first's, then the
// others in the group's order.
func reports(g []*candidate, first *candidate) []Report {
	var out []Report
	seen := map[string]bool{}
	for _, c := range append([]*candidate{first}, g...) {
		if seen[c.ar.id] {
			continue
		}
		seen[c.ar.id] = true
		rec := c.ar.rec
		rp := Report{Article: c.ar.id, Title: rec.Title, Date: rec.Date, Source: rec.Source}
		if n := news.SourceName(rec.Source); n != rec.Source {
			rp.SourceName = n
		}
		out = append(out, rp)
	}
	return out
}
