package search

import (
	"context"
	"fmt"
	"sort"
	"time"

	"github.com/blevesearch/bleve/v2"
	bsearch "github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"
	index "github.com/blevesearch/bleve_index_api"

	"github.com/fahras/fahras/indexer/news"
	"github.com/fahras/fahras/store"
)

// Search runs a query and returns one page of ranked hits with snippets.
// An error that the request itself causes wraps ErrBadQuery.
//
// By default every word of the query is required. When fewer articles
// have every word than a page holds, the page goes on with the articles
// that have most of the words (at least half), those with more first,
// each marked with the words it lacks (Hit.Missing), and so do the pages
// after it;
// Request.AllWords keeps to the articles with every word, Request.Any
// takes any word.
func (e *Engine) Search(ctx context.Context, req Request) (resp *Response, err error) {
	defer e.recoverDamage(&err)
	start := time.Now()
	if err := checkPage(&req.Limit, req.Offset); err != nil {
		return nil, err
	}
	parse := parseQuery
	if req.Plain {
		parse = plainQuery
	}
	clauses, err := parse(req.Query)
	if err != nil {
		return nil, err
	}
	order, err := sortOrder(req.Sort)
	if err != nil {
		return nil, err
	}
	if len(clauses) == 0 {
		return nil, fmt.Errorf("%w: the query is empty", ErrBadQuery)
	}
	r, err := e.reader()
	if err != nil {
		return nil, err
	}
	defer r.Close()
	fs, err := filters(ctx, r, req)
	if err != nil {
		return nil, err
	}
	a := &answer{e: e, ctx: ctx, r: r, req: req, clauses: clauses, filters: fs, order: order}
	if collapsing(req) {
		if err := e.stories.table(r); err != nil {
			return nil, err
		}
		a.stories = &storyCount{st: e.stories, seen: make([]uint64, (e.stories.len()+63)/64)}
	}
	resp = &Response{Query: req.Query, Offset: req.Offset, Limit: req.Limit}
	need := req.Offset + req.Limit
	first, err := a.tier(0, need)
	if err != nil {
		return nil, err
	}
	resp.Total = first.res.Total
	if req.Facets {
		resp.Facets = facetValues(first.res.Facets)
	}
	entries, more := first.entries, first.more
	if n := optionalClauses(clauses); n > 1 && !req.Any && !req.AllWords && len(entries) < req.Limit && !more {
		// Fewer articles have every word than a page holds: go on with
		// those that have most of them.
		second, err := a.tier(max(1, (n+1)/2), need-len(entries))
		if err != nil {
			return nil, err
		}
		resp.Partial = second.res.Total
		entries = append(entries, second.entries...)
		more = second.more
	}
	if a.stories != nil {
		resp.Stories = a.stories.n()
	} else {
		resp.Stories = resp.Total + resp.Partial
	}
	page := entries[min(req.Offset, len(entries)):min(need, len(entries))]
	resp.More = more || len(entries) > need
	if resp.Hits, err = a.hits(page); err != nil {
		return nil, err
	}
	resp.Capped = capped(a.plans)
	resp.Suggestion = a.suggestion()
	resp.Took = time.Since(start)
	return resp, nil
}

// answer is one search under way over one snapshot of the index.
type answer struct {
	e       *Engine
	ctx     context.Context
	r       index.IndexReader
	req     Request
	clauses []clause
	filters []query.Query
	order   []string
	// stories counts the stories of every article matched, when
	// near-duplicates are folded: the hits a reader can page through.
	stories *storyCount
	// plans are the plans run, the first with every word; expanded
	// their clauses' expansions.
	plans    []*plan
	expanded expansions
	// listed are the stories of the entries read so far.
	listed []string
}

// entry is one hit of the ranked list: an article, with the
// near-duplicates of its story folded into it unless the request asks
// otherwise.
type entry struct {
	hit     *bsearch.DocumentMatch
	story   string
	plan    *plan
	partial bool // the article has most of the query's words, not all
}

// tierResult is what one run of the query found.
type tierResult struct {
	res     *bleve.SearchResult
	entries []entry
	// more is true when matches lie beyond the entries read.
	more bool
}

// tier runs the query, with every word required (most == 0 and not
// Request.Any) or most of them, and reads enough ranked hits for need
// entries, folding near-duplicates unless the request asks otherwise.
// Stories already listed by an earlier tier are left out.
func (a *answer) tier(most, need int) (*tierResult, error) {
	all := !a.req.Any && most == 0
	if a.expanded == nil {
		a.expanded = expansions{}
	}
	p, err := newPlan(a.ctx, a.r, a.e.ix.Info, a.e.weights(), a.clauses, all, a.expanded)
	if err != nil {
		return nil, err
	}
	p.most = most
	a.plans = append(a.plans, p)
	seen := map[string]bool{}
	if a.req.NoCollapse || a.req.IDsOnly {
		res, err := a.run(p, need)
		if err != nil {
			return nil, err
		}
		t := &tierResult{res: res, more: res.Total > uint64(len(res.Hits))}
		for _, h := range res.Hits {
			t.entries = append(t.entries, a.entry(h, h.ID, p, most > 0))
		}
		return t, nil
	}
	for _, pe := range a.previous() {
		seen[pe] = true
	}
	window := need + 2*a.req.Limit + 10
	for {
		res, err := a.run(p, window)
		if err != nil {
			return nil, err
		}
		groups := collapse(a.e.stories, res.Hits)
		t := &tierResult{res: res, more: res.Total > uint64(len(res.Hits))}
		for _, g := range groups {
			if !seen[g.story] {
				t.entries = append(t.entries, a.entry(g.hit, g.story, p, most > 0))
			}
		}
		// Near-duplicates folded away left the page short although more
		// articles match: read a wider window of hits.
		if len(t.entries) >= need || !t.more || window >= maxWindow {
			if len(t.entries) > need {
				t.entries, t.more = t.entries[:need+1], true
			}
			return t, nil
		}
		window = min(4*window, maxWindow)
	}
}

// previous lists the stories of the tiers already run.
func (a *answer) previous() []string { return a.listed }

func (a *answer) entry(h *bsearch.DocumentMatch, story string, p *plan, partial bool) entry {
	if partial {
		h.Score = coverScore(h.Score)
	}
	a.listed = append(a.listed, story)
	return entry{hit: h, story: story, plan: p, partial: partial}
}

// run runs a plan, reading window ranked hits from the first (or the
// request's page when near-duplicates are not folded).
func (a *answer) run(p *plan, window int) (*bleve.SearchResult, error) {
	var bq query.Query = &planQuery{p: p, info: a.e.ix.Info, stories: a.stories}
	if a.e.opts.BleveScoring {
		bq = bleveQuery(p)
	}
	if len(a.filters) > 0 {
		bq = &filtered{inner: bq, filters: a.filters}
	}
	sr := bleve.NewSearchRequestOptions(bq, window, 0, false)
	if a.req.Facets && len(a.plans) == 1 {
		addFacets(sr)
	}
	sr.SortBy(a.order)
	res, err := a.e.ix.SearchInContext(a.ctx, sr)
	if err != nil {
		if ctxErr := a.ctx.Err(); ctxErr != nil {
			return nil, ctxErr
		}
		return nil, err
	}
	if len(a.order) == 1 && a.order[0] == "-_score" {
		byScoreThenID(res.Hits)
	}
	return res, nil
}

// byScoreThenID puts hits of equal score, which a search by relevance
// returns next to each other, in the order of their IDs, so that the
// order does not depend on where the index placed them.
func byScoreThenID(hits bsearch.DocumentMatchCollection) {
	sort.SliceStable(hits, func(i, j int) bool {
		if hits[i].Score != hits[j].Score {
			return hits[i].Score > hits[j].Score
		}
		return hits[i].ID < hits[j].ID
	})
}

// hits makes the page's hits: titles and snippets marked from the
// positions the index holds, sources and dates from the stored records,
// and the other articles of each hit's story.
func (a *answer) hits(page []entry) ([]Hit, error) {
	out := make([]Hit, 0, len(page))
	if a.req.IDsOnly {
		for i, en := range page {
			out = append(out, Hit{Rank: a.req.Offset + i + 1, ID: en.hit.ID, Score: en.hit.Score, Partial: en.partial})
		}
		return out, nil
	}
	// Positions by plan: the hits of each tier were found by its own.
	pos := make([]map[string]matches, len(page))
	for _, p := range a.plans {
		var ids []index.IndexInternalID
		var at []int
		for i, en := range page {
			if en.plan == p {
				ids = append(ids, en.hit.IndexInternalID)
				at = append(at, i)
			}
		}
		got, err := positions(a.ctx, a.r, p, ids)
		if err != nil {
			return nil, err
		}
		for field, ms := range got {
			for j, m := range ms {
				if pos[at[j]] == nil {
					pos[at[j]] = map[string]matches{}
				}
				pos[at[j]][field] = m
			}
		}
	}
	var scratch []word // the words of one body at a time
	for i, en := range page {
		hit := Hit{Rank: a.req.Offset + i + 1, ID: en.hit.ID, Score: en.hit.Score, Partial: en.partial}
		rec, err := a.e.ix.Record(a.r, en.hit.ID)
		if err != nil {
			return nil, err
		}
		if rec != nil {
			_, body, err := a.e.ix.Text(rec)
			if err != nil {
				return nil, fmt.Errorf("article %s: %w", en.hit.ID, err)
			}
			hit.Title = whole(rec.Title, pos[i][store.FieldTitle])
			hit.Snippets = fragmentsWith(&scratch, snippetScope(body), rec.Title, pos[i][store.FieldBody])
			hit.Source, hit.Date = rec.Source, rec.Date
			if n := news.SourceName(rec.Source); n != rec.Source {
				hit.SourceName = n
			}
		}
		if en.partial {
			hit.Missing = missing(en.plan, pos[i])
		}
		if collapsing(a.req) {
			if hit.Similar, err = a.e.similar(a.ctx, a.r, &group{hit: en.hit, story: en.story}); err != nil {
				return nil, err
			}
		}
		out = append(out, hit)
	}
	return out, nil
}

// missing lists the query words an article lacks: those none of whose
// terms is found in its title or body.
func missing(p *plan, pos map[string]matches) []string {
	found := map[string]bool{}
	for _, ms := range pos {
		for _, term := range ms {
			found[term] = true
		}
	}
	var out []string
	for _, c := range p.clauses {
		if c.occur != should {
			continue
		}
		for _, w := range c.words {
			hit := false
			for _, ts := range [][]pterm{w.own, w.names, w.variants} {
				for _, t := range ts {
					hit = hit || found[t.term]
				}
			}
			if !hit {
				out = append(out, w.text)
			}
		}
	}
	return out
}

// optionalClauses counts the clauses that the default "all words" mode
// makes required.
func optionalClauses(cs []clause) int {
	n := 0
	for _, c := range cs {
		if c.occur == should {
			n++
		}
	}
	return n
}

// collapsing tells whether a request folds near-duplicates together.
func collapsing(req Request) bool { return !req.NoCollapse && !req.IDsOnly }
