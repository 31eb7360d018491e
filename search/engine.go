package search

import (
	"context"
	"errors"
	"fmt"

	"github.com/blevesearch/bleve/v2/index/scorch"
	index "github.com/blevesearch/bleve_index_api"

	"github.com/fahras/fahras/indexer"
	"github.com/fahras/fahras/indexer/arabic"
	"github.com/fahras/fahras/store"
)

// Engine searches one index. It is safe for concurrent use.
type Engine struct {
	ix      *store.Index
	opts    Options
	stories *stories // shared by the engines WithOptions makes
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
	return &Engine{ix: ix, stories: &stories{}}
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

// recoverDamage turns a panic inside bleve, which reads files it trusts,
// into an error saying the index is damaged, in place of a crash.
func (e *Engine) recoverDamage(err *error) {
	if p := recover(); p != nil {
		where := e.ix.Generation
		if where == "" {
			where = "memory"
		}
		*err = fmt.Errorf("the index (%s) is damaged (%v); rebuild it with \"search index --rebuild\": %w", where, p, store.ErrDamaged)
	}
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

// at returns the matches of the i-th article in a field, none when there
// are none.
func at(pos map[string][]matches, field string, i int) matches {
	if ms := pos[field]; i < len(ms) {
		return ms[i]
	}
	return nil
}

// Article returns one whole article. When q is not empty, the words it
// matches are marked in the title and body.
func (e *Engine) Article(ctx context.Context, id, q string) (*Article, error) {
	return e.ArticleWith(ctx, id, ArticleOptions{Query: q})
}

// ArticleWith returns one whole article with the words opts asks for
// marked.
func (e *Engine) ArticleWith(ctx context.Context, id string, opts ArticleOptions) (a *Article, err error) {
	defer e.recoverDamage(&err)
	q := opts.Query
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
			if p, err := newPlan(ctx, r, e.ix.Info, e.weights(), clauses, false, nil); err == nil {
				if iid, err := r.InternalID(id); err == nil && iid != nil {
					pos, _ = positions(ctx, r, p, []index.IndexInternalID{iid})
				}
			}
		}
	}
	bodyMarks := at(pos, store.FieldBody, 0)
	if opts.End > opts.Start {
		bodyMarks = markSpan(body, bodyMarks, opts.Start, opts.End)
	}
	a = &Article{
		ID:     id,
		Title:  whole(rec.Title, at(pos, store.FieldTitle, 0)),
		Body:   paragraphs(body, bodyMarks),
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

// ArticleOptions say what Engine.ArticleWith marks in an article.
type ArticleOptions struct {
	// Query marks the words it matches in the title and body.
	Query string
	// Start and End, when End is greater, mark the words of the body in
	// that byte span: the words said of a Statement, or the sentence of
	// a Visit's Evidence.
	Start, End int
}

// markSpan adds to m the positions of the words of text that lie in the
// byte span [start, end).
func markSpan(text string, m matches, start, end int) matches {
	out := matches{}
	for p, t := range m {
		out[p] = t
	}
	pos := 0
	arabic.WordsUntil(text, 0, func(s, e int) {
		pos++
		if s >= start && e <= end {
			if _, ok := out[pos]; !ok {
				out[pos] = ""
			}
		}
	})
	return out
}
