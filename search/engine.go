package search

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/blevesearch/bleve/v2/search/query"
	index "github.com/blevesearch/bleve_index_api"

	"github.com/fahras/fahras/indexer"
	"github.com/fahras/fahras/store"
)

// Engine searches one index. It is safe for concurrent use.
type Engine struct {
	ix   *store.Index
	opts Options
}

// Options change how an Engine ranks.
type Options struct {
	// BleveScoring ranks with bleve's own "bm25" scorer instead of
	// Fahras's BM25: the baseline for comparisons. Query semantics and
	// field weights stay the same.
	BleveScoring bool
	// Weights are the field weights; DefaultWeights when zero.
	Weights Weights
}

// ErrNotFound reports an article ID that is not in the index.
var ErrNotFound = errors.New("no such article")

// Open opens the index that "search index" built in dir.
func Open(dir string) (*Engine, error) {
	ix, err := store.Open(dir)
	if err != nil {
		return nil, err
	}
	return NewEngine(ix), nil
}

// OpenDefault builds an in-memory index of the articles embedded in the
// binary and opens it.
func OpenDefault() (*Engine, error) {
	ix, _, err := indexer.BuildMemory(context.Background(), indexer.SeedReader(), indexer.Options{})
	if err != nil {
		return nil, fmt.Errorf("indexing the embedded articles: %w", err)
	}
	return NewEngine(ix), nil
}

// NewEngine searches an open index, such as one from
// indexer.BuildMemory. Closing the engine closes the index.
func NewEngine(ix *store.Index) *Engine {
	return &Engine{ix: ix}
}

// WithOptions returns an engine over the same index with other options.
// The two share the index: closing either closes it.
func (e *Engine) WithOptions(opts Options) *Engine {
	c := *e
	c.opts = opts
	return &c
}

// Info describes the index the engine searches, as it was when opened.
func (e *Engine) Info() store.Info { return *e.ix.Info }

// Generation names the generation of the index the engine searches (see
// store.Current); empty for an index in memory.
func (e *Engine) Generation() string { return e.ix.Generation }

// Close releases the index.
func (e *Engine) Close() error { return e.ix.Close() }

func (e *Engine) weights() Weights {
	if e.opts.Weights == (Weights{}) {
		return DefaultWeights
	}
	return e.opts.Weights
}

// ErrClosed reports a search of an engine that was closed.
var ErrClosed = errors.New("the index is closed")

// reader opens a reader of the index's current snapshot.
func (e *Engine) reader() (index.IndexReader, error) {
	adv, err := e.ix.Advanced()
	if err != nil {
		return nil, ErrClosed
	}
	r, err := adv.Reader()
	if err != nil {
		return nil, err
	}
	if snap, ok := r.(*scorch.IndexSnapshot); ok && snap == nil {
		return nil, ErrClosed
	}
	return r, nil
}

// Search runs a query and returns one page of ranked hits with snippets.
// An error that the request itself causes wraps ErrBadQuery.
func (e *Engine) Search(ctx context.Context, req Request) (*Response, error) {
	start := time.Now()
	if req.Limit == 0 {
		req.Limit = DefaultLimit
	}
	if req.Limit < 0 || req.Limit > MaxLimit {
		return nil, fmt.Errorf("%w: limit %d is out of range (1 to %d)", ErrBadQuery, req.Limit, MaxLimit)
	}
	if req.Offset < 0 || req.Offset > MaxOffset {
		return nil, fmt.Errorf("%w: offset %d is out of range (0 to %d)", ErrBadQuery, req.Offset, MaxOffset)
	}
	parse := parseQuery
	if req.Plain {
		parse = plainQuery
	}
	clauses, err := parse(req.Query)
	if err != nil {
		return nil, err
	}
	fs, err := filters(req)
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
	resp := &Response{Query: req.Query, Offset: req.Offset, Limit: req.Limit}
	p, res, err := e.run(ctx, r, clauses, !req.Any, fs, order, req)
	if err == nil && res.Total == 0 && !req.Any && plainWords(clauses) > 1 {
		// No article has every word: show those with any of them.
		p2, res2, err2 := e.run(ctx, r, clauses, false, fs, order, req)
		if err2 != nil || res2.Total > 0 {
			resp.Relaxed = true
			p, res, err = p2, res2, err2
		}
	}
	if err != nil {
		return nil, err
	}
	resp.Total = res.Total
	if req.Facets {
		resp.Facets = facetValues(res.Facets)
	}
	var page []*group
	if collapsing(req) {
		groups, err := collapse(r, res.Hits)
		if err != nil {
			return nil, err
		}
		// Near-duplicates folded away left the page short although more
		// articles match: read a wider window of hits.
		for w := len(res.Hits); len(groups) < req.Offset+req.Limit && res.Total > uint64(len(res.Hits)) && w < maxWindow; {
			w = min(4*w, maxWindow)
			if p, res, err = e.runWindow(ctx, r, clauses, !req.Any && !resp.Relaxed, fs, order, req, w); err != nil {
				return nil, err
			}
			if groups, err = collapse(r, res.Hits); err != nil {
				return nil, err
			}
		}
		page = groups[min(req.Offset, len(groups)):min(req.Offset+req.Limit, len(groups))]
		resp.More = len(groups) > req.Offset+req.Limit || res.Total > uint64(len(res.Hits))
	} else {
		for _, h := range res.Hits {
			page = append(page, &group{hit: h})
		}
		resp.More = uint64(req.Offset+len(page)) < res.Total
	}
	resp.Hits = make([]Hit, 0, len(page))
	if req.IDsOnly {
		for i, g := range page {
			resp.Hits = append(resp.Hits, Hit{Rank: req.Offset + i + 1, ID: g.hit.ID, Score: g.hit.Score})
		}
		resp.Took = time.Since(start)
		return resp, nil
	}
	ids := make([]index.IndexInternalID, len(page))
	for i, g := range page {
		ids[i] = g.hit.IndexInternalID
	}
	pos, err := positions(ctx, r, p, ids)
	if err != nil {
		return nil, err
	}
	for i, g := range page {
		hit := Hit{Rank: req.Offset + i + 1, ID: g.hit.ID, Score: g.hit.Score}
		rec, err := e.ix.Record(r, g.hit.ID)
		if err != nil {
			return nil, err
		}
		if rec != nil {
			_, body, err := e.ix.Text(rec)
			if err != nil {
				return nil, fmt.Errorf("article %s: %w", g.hit.ID, err)
			}
			hit.Title = whole(rec.Title, at(pos, store.FieldTitle, i))
			hit.Snippets = fragments(snippetScope(body), at(pos, store.FieldBody, i))
			hit.Source, hit.Date = rec.Source, rec.Date
		}
		if collapsing(req) {
			if hit.Similar, err = e.similar(ctx, r, g); err != nil {
				return nil, err
			}
		}
		resp.Hits = append(resp.Hits, hit)
	}
	resp.Took = time.Since(start)
	return resp, nil
}

// at returns the matches of the i-th article in a field, none when there
// are none.
func at(pos map[string][]matches, field string, i int) matches {
	if ms := pos[field]; i < len(ms) {
		return ms[i]
	}
	return nil
}

// collapsing tells whether a request folds near-duplicates together.
func collapsing(req Request) bool { return !req.NoCollapse && !req.IDsOnly }

// plainWords counts the clauses that the default "all words" mode makes
// required.
func plainWords(cs []clause) int {
	n := 0
	for _, c := range cs {
		if c.occur == should {
			n++
		}
	}
	return n
}

// run plans and runs a query over the snapshot r.
func (e *Engine) run(ctx context.Context, r index.IndexReader, clauses []clause, all bool, fs []query.Query, order []string, req Request) (*plan, *bleve.SearchResult, error) {
	return e.runWindow(ctx, r, clauses, all, fs, order, req, collapseWindow(req))
}

// runWindow is run reading window hits from the first when near-duplicates
// are folded.
func (e *Engine) runWindow(ctx context.Context, r index.IndexReader, clauses []clause, all bool, fs []query.Query, order []string, req Request, window int) (*plan, *bleve.SearchResult, error) {
	p, err := newPlan(r, e.ix.Info, e.weights(), clauses, all)
	if err != nil {
		return nil, nil, err
	}
	var bq query.Query = &planQuery{p: p, info: e.ix.Info}
	if e.opts.BleveScoring {
		bq = bleveQuery(p)
	}
	if len(fs) > 0 {
		bq = &filtered{inner: bq, filters: fs}
	}
	sr := bleve.NewSearchRequestOptions(bq, req.Limit, req.Offset, false)
	if collapsing(req) {
		sr.From, sr.Size = 0, window
	}
	if req.Facets {
		addFacets(sr)
	}
	sr.SortBy(order)
	res, err := e.ix.SearchInContext(ctx, sr)
	if err != nil {
		if ctxErr := ctx.Err(); ctxErr != nil {
			return nil, nil, ctxErr
		}
		return nil, nil, err
	}
	return p, res, nil
}

// Article returns one whole article. When q is not empty, the words it
// matches are marked in the title and body.
func (e *Engine) Article(ctx context.Context, id, q string) (*Article, error) {
	r, err := e.reader()
	if err != nil {
		return nil, err
	}
	defer r.Close()
	rec, err := e.ix.Record(r, id)
	if err != nil {
		return nil, err
	}
	if rec == nil {
		return nil, fmt.Errorf("%w: %s", ErrNotFound, id)
	}
	raw, body, err := e.ix.Text(rec)
	if err != nil {
		return nil, fmt.Errorf("article %s: %w", id, err)
	}
	var pos map[string][]matches
	if q != "" {
		if clauses, err := parseQuery(q); err == nil && len(clauses) > 0 {
			if p, err := newPlan(r, e.ix.Info, e.weights(), clauses, false); err == nil {
				if iid, err := r.InternalID(id); err == nil && iid != nil {
					pos, _ = positions(ctx, r, p, []index.IndexInternalID{iid})
				}
			}
		}
	}
	a := &Article{
		ID:     id,
		Title:  whole(rec.Title, at(pos, store.FieldTitle, 0)),
		Body:   paragraphs(body, at(pos, store.FieldBody, 0)),
		Raw:    raw,
		Date:   rec.Date,
		Source: rec.Source,
		URL:    rec.URL,
	}
	if a.Raw == "" {
		a.Raw = body
	}
	return a, nil
}
