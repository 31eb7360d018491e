package search

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"

	"github.com/fahras/fahras/indexer"
)

// Engine searches one index. It is safe for concurrent use.
type Engine struct {
	idx    bleve.Index
	info   *indexer.Info
	opts   Options
	fields []indexer.Field
	marker map[indexer.Role]analysis.Analyzer
}

// Options change how an Engine ranks.
type Options struct {
	// BleveScoring ranks with bleve's own scorer (its "bm25" or "tfidf"
	// model, as the index was built) instead of Fahras's BM25: the
	// baseline for comparisons. Query semantics and field weights stay
	// the same.
	BleveScoring bool
	// Weights are the field weights; DefaultWeights when zero.
	Weights Weights
}

// ErrNotFound reports an article ID that is not in the index.
var ErrNotFound = errors.New("no such article")

// Open opens the index that "search index" built in dir.
func Open(dir string) (*Engine, error) {
	idx, _, err := indexer.OpenIndex(dir)
	if err != nil {
		return nil, err
	}
	e, err := NewEngine(idx)
	if err != nil {
		idx.Close()
		return nil, fmt.Errorf("index %s: %w", dir, err)
	}
	return e, nil
}

// OpenDefault builds an in-memory index of the articles embedded in the
// binary and opens it.
func OpenDefault() (*Engine, error) {
	idx, _, err := indexer.BuildMemory(context.Background(), indexer.SeedReader(), indexer.Options{})
	if err != nil {
		return nil, fmt.Errorf("indexing the embedded articles: %w", err)
	}
	return NewEngine(idx)
}

// NewEngine searches an index built by the indexer package, such as one
// from indexer.BuildMemory. Closing the engine closes the index.
func NewEngine(idx bleve.Index) (*Engine, error) {
	return NewEngineWith(idx, Options{})
}

// NewEngineWith is NewEngine with options.
func NewEngineWith(idx bleve.Index, opts Options) (*Engine, error) {
	info, err := indexer.IndexInfo(idx)
	if err != nil {
		return nil, err
	}
	e := &Engine{idx: idx, info: info, opts: opts, fields: info.Analysis.Fields(), marker: map[indexer.Role]analysis.Analyzer{}}
	for _, f := range e.fields {
		a := idx.Mapping().AnalyzerNamed(f.Analyzer)
		if a == nil {
			return nil, fmt.Errorf("the index uses an analyzer this program does not have: %s", f.Analyzer)
		}
		e.marker[f.Role] = a
	}
	return e, nil
}

// WithOptions returns an engine over the same index with other options.
// The two share the index: closing either closes it.
func (e *Engine) WithOptions(opts Options) *Engine {
	c := *e
	c.opts = opts
	return &c
}

// Info describes the index the engine searches, as it was when opened.
func (e *Engine) Info() indexer.Info { return *e.info }

// Close releases the index.
func (e *Engine) Close() error { return e.idx.Close() }

// storedFields are the fields a hit is shown with.
var storedFields = []string{"title", "body", indexer.FieldDate, indexer.FieldSource}

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
	resp := &Response{Query: req.Query, Offset: req.Offset, Limit: req.Limit}
	q, res, err := e.run(ctx, clauses, !req.Any, fs, order, req)
	if err == nil && res.Total == 0 && !req.Any && plainWords(clauses) > 1 {
		// No article has every word: show those with any of them.
		q2, res2, err2 := e.run(ctx, clauses, false, fs, order, req)
		if err2 != nil || res2.Total > 0 {
			resp.Relaxed = true
			q, res, err = q2, res2, err2
		}
	}
	if err != nil {
		return nil, err
	}
	m := &marker{analyzers: e.marker, terms: q.marks}
	if e.opts.BleveScoring && !req.IDsOnly {
		m.terms = e.marks(ctx, req.Query)
	}
	resp.Total = res.Total
	if req.Facets {
		resp.Facets = facetValues(res.Facets)
	}
	hits := res.Hits
	var page []*group // the page's groups, when near-duplicates are folded
	if collapsing(req) {
		groups := collapse(res.Hits)
		page = groups[min(req.Offset, len(groups)):min(req.Offset+req.Limit, len(groups))]
		hits = make(search.DocumentMatchCollection, len(page))
		for i, g := range page {
			if err := e.moreSimilar(ctx, g); err != nil {
				return nil, err
			}
			hits[i] = g.hit
		}
		resp.More = len(groups) > req.Offset+req.Limit || res.Total > uint64(len(res.Hits))
	} else {
		resp.More = uint64(req.Offset+len(hits)) < res.Total
	}
	resp.Hits = make([]Hit, 0, len(hits))
	for i, h := range hits {
		hit := Hit{Rank: req.Offset + i + 1, ID: h.ID, Score: h.Score}
		if page != nil {
			hit.Similar = page[i].similar
		}
		if req.IDsOnly {
			resp.Hits = append(resp.Hits, hit)
			continue
		}
		title, _ := h.Fields["title"].(string)
		body, _ := h.Fields["body"].(string)
		hit.Title = m.whole(title)
		hit.Snippets = m.fragments(snippetScope(body))
		hit.Source, _ = h.Fields[indexer.FieldSource].(string)
		hit.Date = storedDate(h.Fields[indexer.FieldDate])
		resp.Hits = append(resp.Hits, hit)
	}
	resp.Took = time.Since(start)
	return resp, nil
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

// run compiles and runs a query.
func (e *Engine) run(ctx context.Context, clauses []clause, all bool, fs []query.Query, order []string, req Request) (*compiled, *bleve.SearchResult, error) {
	q := e.compile(clauses, all)
	var bq query.Query = q
	if e.opts.BleveScoring {
		bq = bleveQuery(clauses, all, e.fields, q.norm, e.words)
	}
	if len(fs) > 0 {
		bq = &filtered{inner: bq, filters: fs}
	}
	sr := bleve.NewSearchRequestOptions(bq, req.Limit, req.Offset, false)
	if !req.IDsOnly {
		sr.Fields = storedFields
	}
	if collapsing(req) {
		sr.From, sr.Size = 0, collapseWindow(req)
		sr.Fields = append(storedFields[:len(storedFields):len(storedFields)], indexer.FieldSig)
	}
	if req.Facets {
		addFacets(sr)
	}
	sr.SortBy(order)
	res, err := e.idx.SearchInContext(ctx, sr)
	if err != nil {
		if ctxErr := ctx.Err(); ctxErr != nil {
			return nil, nil, ctxErr
		}
		return nil, nil, err
	}
	return q, res, nil
}

func (e *Engine) compile(clauses []clause, all bool) *compiled {
	w := e.opts.Weights
	if w == (Weights{}) {
		w = DefaultWeights
	}
	return &compiled{clauses: clauses, all: all, fields: e.fields, norm: e.info.Analysis.NormalizeTerm, weights: w}
}

// storedDate reads a stored date field.
func storedDate(v interface{}) time.Time {
	s, ok := v.(string)
	if !ok {
		return time.Time{}
	}
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		return time.Time{}
	}
	return t
}

// Article returns one whole article. When q is not empty, the words it
// matches are marked in the title and body.
func (e *Engine) Article(ctx context.Context, id, q string) (*Article, error) {
	res, err := e.idx.SearchInContext(ctx, &bleve.SearchRequest{
		Query:  query.NewDocIDQuery([]string{id}),
		Size:   1,
		Fields: []string{"title", "body", indexer.FieldRaw, indexer.FieldDate, indexer.FieldSource, indexer.FieldURL},
	})
	if err != nil {
		return nil, err
	}
	if len(res.Hits) == 0 {
		return nil, fmt.Errorf("%w: %s", ErrNotFound, id)
	}
	f := res.Hits[0].Fields
	str := func(k string) string { s, _ := f[k].(string); return s }
	m := &marker{analyzers: e.marker}
	if q != "" {
		m.terms = e.marks(ctx, q)
	}
	a := &Article{
		ID:     id,
		Title:  m.whole(str("title")),
		Body:   m.paragraphs(str("body")),
		Raw:    str(indexer.FieldRaw),
		Date:   storedDate(f[indexer.FieldDate]),
		Source: str(indexer.FieldSource),
		URL:    str(indexer.FieldURL),
	}
	if a.Raw == "" {
		a.Raw = str("body")
	}
	return a, nil
}

// marks returns the index terms a query matches with, by role, for
// marking a text; none when the query cannot be run.
func (e *Engine) marks(ctx context.Context, q string) map[indexer.Role]map[string]bool {
	clauses, err := parseQuery(q)
	if err != nil || len(clauses) == 0 {
		return nil
	}
	adv, err := e.idx.Advanced()
	if err != nil {
		return nil
	}
	r, err := adv.Reader()
	if err != nil {
		return nil
	}
	defer r.Close()
	c := e.compile(clauses, false)
	s, err := c.Searcher(ctx, r, e.idx.Mapping(), search.SearcherOptions{})
	if err != nil {
		return nil
	}
	s.Close()
	return c.marks
}

// words splits text into words as the index's stem analyzer does.
func (e *Engine) words(text string) []string {
	for _, f := range e.fields {
		if f.Role == indexer.RoleStem {
			var out []string
			for _, t := range e.marker[f.Role].Analyze([]byte(text)) {
				out = append(out, text[t.Start:t.End])
			}
			return out
		}
	}
	return nil
}
