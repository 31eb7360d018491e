package search

import (
	"context"
	"fmt"
	"strings"

	"github.com/blevesearch/bleve/v2/mapping"
	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"
	"github.com/blevesearch/bleve/v2/search/searcher"
	index "github.com/blevesearch/bleve_index_api"

	"github.com/fahras/fahras/indexer/arabic"
	"github.com/fahras/fahras/store"
)

// planQuery runs a plan as a bleve query: its searchers score by BM25
// with the index's true field statistics.
type planQuery struct {
	p    *plan
	info *store.Info
	// stories, when not nil, counts the stories of the matches.
	stories *storyCount
}

var _ query.Query = (*planQuery)(nil)

// Searcher builds the searcher tree of the plan for one index snapshot.
func (q *planQuery) Searcher(ctx context.Context, r index.IndexReader, m mapping.IndexMapping, opts search.SearcherOptions) (search.Searcher, error) {
	b := &builder{ctx: ctx, r: r, m: m, info: q.info}
	var musts, shoulds, nots []search.Searcher
	closeAll := func() {
		for _, l := range [][]search.Searcher{musts, shoulds, nots} {
			closeSearchers(l)
		}
	}
	for _, c := range q.p.clauses {
		ss, err := b.clause(c)
		if err != nil {
			closeAll()
			return nil, err
		}
		switch {
		case c.occur == mustNot:
			nots = append(nots, ss...)
		case c.occur == must || q.p.all:
			musts = append(musts, ss...)
		default:
			shoulds = append(shoulds, ss...)
		}
	}
	if q.p.most > 0 && len(shoulds) > 1 {
		// Most of the words but not all: one required clause of them.
		musts = append(musts, newCoverSearcher(shoulds, q.p.most, len(shoulds)-1))
		shoulds = nil
	}
	if len(musts) == 0 && len(shoulds) == 0 {
		closeAll()
		if len(nots) > 0 {
			return nil, fmt.Errorf("%w: the query only excludes words; give at least one word to look for", ErrBadQuery)
		}
		return nil, fmt.Errorf("%w: the query has no words to search for (only stop words or punctuation)", ErrBadQuery)
	}
	var mustS, shouldS, notS search.Searcher
	var err error
	switch len(musts) {
	case 0:
	case 1:
		mustS = musts[0]
	default:
		if mustS, err = searcher.NewConjunctionSearcher(ctx, r, musts, opts); err != nil {
			closeAll()
			return nil, err
		}
	}
	if len(shoulds) > 0 {
		min := 1
		if mustS != nil {
			min = 0
		}
		shouldS = newSumSearcher(shoulds, min)
	}
	if len(nots) > 0 {
		notS = newSumSearcher(nots, 1)
	}
	var root search.Searcher
	switch {
	case notS == nil && shouldS == nil:
		root = mustS
	case notS == nil && mustS == nil:
		root = shouldS
	default:
		if root, err = searcher.NewBooleanSearcher(ctx, r, mustS, shouldS, notS, opts); err != nil {
			return nil, err
		}
	}
	if q.stories != nil {
		return newStoryCounter(root, q.stories), nil
	}
	return root, nil
}

// builder makes the searchers of a plan for one index snapshot.
type builder struct {
	ctx  context.Context
	r    index.IndexReader
	m    mapping.IndexMapping
	info *store.Info
}

// clause returns the searchers of one clause: one per word for plain
// words (so that each can be required), one for anything else. A clause
// that matches no index term gets a searcher that matches nothing, so a
// required clause stays required.
func (b *builder) clause(c pclause) ([]search.Searcher, error) {
	if c.kind == kindPhrase {
		s, err := b.phrase(c)
		if s == nil || err != nil {
			return nil, err
		}
		return []search.Searcher{s}, nil
	}
	var out []search.Searcher
	for _, w := range c.words {
		s, err := b.word(w)
		if err != nil {
			closeSearchers(out)
			return nil, err
		}
		out = append(out, s)
	}
	if len(out) == 0 && c.kind != kindWord {
		s, err := searcher.NewMatchNoneSearcher(b.r)
		if err != nil {
			return nil, err
		}
		out = append(out, s)
	}
	return out, nil
}

// word matches one word by its own terms, summing their scores; its name
// keys, or its vowel variants, stand in for it in an article without its
// own forms (another spelling of a name, a broken plural) and add nothing
// where its own forms match.
func (b *builder) word(w pword) (search.Searcher, error) {
	own, err := b.terms(w.own)
	if err != nil {
		return nil, err
	}
	names, err := b.terms(w.names)
	if err != nil {
		closeSearchers(own)
		return nil, err
	}
	variants, err := b.terms(w.variants)
	if err != nil {
		closeSearchers(own)
		closeSearchers(names)
		return nil, err
	}
	b.shareDF(w, own, variants)
	main, alt := orSearchers(own), orSearchers(append(names, variants...))
	if s, ok := main.(*sumSearcher); ok && w.best {
		s.best = true
	}
	switch {
	case main == nil && alt == nil:
		return searcher.NewMatchNoneSearcher(b.r)
	case alt == nil:
		return main, nil
	case main == nil:
		return alt, nil
	}
	s := newSumSearcher([]search.Searcher{main, alt}, 1)
	s.first = true
	return s, nil
}

// shareDF gives a word's vowel variants, in each field, the IDF of the
// most frequent of the word's stem and its variants, as one term with
// several spellings: a rare variant (a misspelling) does not weigh more
// than the word itself.
func (b *builder) shareDF(w pword, own, variants []search.Searcher) {
	if len(variants) == 0 {
		return
	}
	df := map[string]uint64{}
	for i, t := range w.own {
		if ts, ok := own[i].(*termSearcher); ok && !strings.HasPrefix(t.term, arabic.ExactPrefix) {
			df[t.field] = max(df[t.field], ts.count)
		}
	}
	for i, t := range w.variants {
		df[t.field] = max(df[t.field], variants[i].(*termSearcher).count)
	}
	for i, t := range w.variants {
		variants[i].(*termSearcher).setIDF(t.weight, b.info.Fields[t.field].Docs, df[t.field])
	}
}

// terms opens a BM25 searcher for each term.
func (b *builder) terms(ts []pterm) ([]search.Searcher, error) {
	var out []search.Searcher
	for _, t := range ts {
		st := b.info.Fields[t.field]
		s, err := newTermSearcher(b.ctx, b.r, t.field, t.term, t.weight, st.Docs, st.AvgLen(), t.df, t.bare)
		if err != nil {
			closeSearchers(out)
			return nil, fmt.Errorf("reading the index: %w", err)
		}
		out = append(out, s)
	}
	return out, nil
}

// phrase matches the phrase's stems next to each other, in order, in the
// title or the body, and scores the match by BM25 over its words.
func (b *builder) phrase(c pclause) (search.Searcher, error) {
	if len(c.words) == 0 {
		return nil, nil
	}
	if len(c.words) == 1 {
		return b.word(c.words[0])
	}
	var matchers, scorers []search.Searcher
	fail := func(err error) (search.Searcher, error) {
		closeSearchers(matchers)
		closeSearchers(scorers)
		return nil, err
	}
	for _, f := range c.phraseFields {
		s, err := query.NewMultiPhraseQuery(c.phrase, f).Searcher(b.ctx, b.r, b.m, search.SearcherOptions{Score: "none"})
		if err != nil {
			return fail(fmt.Errorf("reading the index: %w", err))
		}
		matchers = append(matchers, s)
	}
	for _, w := range c.words {
		s, err := b.word(w)
		if err != nil {
			return fail(err)
		}
		scorers = append(scorers, s)
	}
	return &gateSearcher{lead: orSearchers(matchers), other: newSumSearcher(scorers, 0), scoreOther: true}, nil
}

// orSearchers combines searchers so that any of them matches, summing
// scores; nil for none.
func orSearchers(ss []search.Searcher) search.Searcher {
	switch len(ss) {
	case 0:
		return nil
	case 1:
		return ss[0]
	}
	return newSumSearcher(ss, 1)
}

func closeSearchers(ss []search.Searcher) {
	for _, s := range ss {
		s.Close()
	}
}
