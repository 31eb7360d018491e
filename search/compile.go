package search

import (
	"context"
	"fmt"
	"regexp"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/mapping"
	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"
	"github.com/blevesearch/bleve/v2/search/searcher"
	index "github.com/blevesearch/bleve_index_api"

	"github.com/fahras/fahras/indexer"
	"github.com/fahras/fahras/indexer/arabic"
)

// Field weights: how much a match counts in each kind of field, relative
// to a match in the body's stemmed field. A field's weight is its text's
// weight times its role's weight, and multiplies that field's BM25 score.
// DefaultWeights holds them; Options.Weights changes them for an Engine.
//
// Exact and Name were chosen on the ARCD questions (search/eval's
// TestWeightSweep; MRR@10): exact 0, 0.15, 0.25, 0.35, 0.5, 1, 2 gave
// 0.785–0.799, best at 0.25; name keys summed with the word's own fields
// at 0.05–0.3 gave 0.785–0.799, and taken only where they beat the word's
// own forms 0.798–0.801, best at 0.5. ARCD's paragraphs have no titles, so
// the title weight is a reader's expectation, not a measurement: a word
// in the headline says more about an article than one in its body.
const (
	// WeightTitle weighs a match in the title.
	WeightTitle = 2.0
	// WeightBody weighs a match in the body.
	WeightBody = 1.0
	// WeightStem weighs a match of the stem.
	WeightStem = 1.0
	// WeightExact weighs a match of the word as written; it adds to the
	// stem match that the same word also makes, so a word matched as
	// written outranks a stem-only match.
	WeightExact = 0.25
	// WeightName weighs a match of a transliterated name's key: a
	// spelling of the name other than the query's, or the query's name
	// split or joined differently. A word scores by its name key only
	// where that beats its own forms' score, so the key never adds to a
	// word found as written.
	WeightName = 0.5
)

// Weights are the field weights an Engine ranks with.
type Weights struct {
	Title, Body, Stem, Exact, Name float64
}

// DefaultWeights are the weights chosen by measurement (see the constants).
var DefaultWeights = Weights{Title: WeightTitle, Body: WeightBody, Stem: WeightStem, Exact: WeightExact, Name: WeightName}

// field returns the weight of one indexed field.
func (w Weights) field(f indexer.Field) float64 {
	x := w.Body
	if f.Text == "title" {
		x = w.Title
	}
	switch f.Role {
	case indexer.RoleExact:
		x *= w.Exact
	case indexer.RoleStem:
		x *= w.Stem
	default:
		x *= w.Name
	}
	return x
}

// maxExpansions bounds how many index terms one prefix, wildcard or
// fuzzy clause expands to in each field; the most frequent are kept.
const maxExpansions = 256

// minPatternRunes is the shortest literal part of a prefix or wildcard.
const minPatternRunes = 2

// compiled is a parsed query ready to run: a bleve query whose searcher
// scores by BM25 with the index's true field statistics. It records the
// index terms it matches with, so the snippets can mark them.
type compiled struct {
	clauses []clause
	all     bool // plain words are required
	fields  []indexer.Field
	norm    func(string) string
	weights Weights
	marks   map[indexer.Role]map[string]bool
}

var _ query.Query = (*compiled)(nil)

// Searcher builds the searcher tree of the query for one index snapshot.
func (q *compiled) Searcher(ctx context.Context, r index.IndexReader, m mapping.IndexMapping, opts search.SearcherOptions) (search.Searcher, error) {
	info, err := indexer.ReadInfo(r)
	if err != nil {
		return nil, err
	}
	b := &builder{ctx: ctx, r: r, m: m, opts: opts, q: q, info: info}
	nameKeys, err := b.plan(q.clauses)
	if err != nil {
		return nil, err
	}
	q.marks = map[indexer.Role]map[string]bool{}
	var musts, shoulds, nots []search.Searcher
	closeAll := func() {
		for _, l := range [][]search.Searcher{musts, shoulds, nots} {
			for _, s := range l {
				s.Close()
			}
		}
	}
	for i, c := range q.clauses {
		b.marking = c.occur != mustNot
		b.names = nameKeys[i]
		ss, err := b.clause(c)
		if err != nil {
			closeAll()
			return nil, err
		}
		switch {
		case c.occur == mustNot:
			nots = append(nots, ss...)
		case c.occur == must || q.all:
			musts = append(musts, ss...)
		default:
			shoulds = append(shoulds, ss...)
		}
	}
	if len(musts) == 0 && len(shoulds) == 0 {
		closeAll()
		if len(nots) > 0 {
			return nil, fmt.Errorf("%w: the query only excludes words; give at least one word to look for", ErrBadQuery)
		}
		return nil, fmt.Errorf("%w: the query has no words to search for (only stop words or punctuation)", ErrBadQuery)
	}
	var mustS, shouldS, notS search.Searcher
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
	switch {
	case notS == nil && shouldS == nil:
		return mustS, nil
	case notS == nil && mustS == nil:
		return shouldS, nil
	}
	return searcher.NewBooleanSearcher(ctx, r, mustS, shouldS, notS, opts)
}

// builder makes the searchers of one query for one index snapshot.
type builder struct {
	ctx     context.Context
	r       index.IndexReader
	m       mapping.IndexMapping
	opts    search.SearcherOptions
	q       *compiled
	info    *indexer.Info
	marking bool
	// names are the name keys of the words of the clause being built.
	names [][]string
}

// fieldsFor returns the fields a clause searches.
func (b *builder) fieldsFor(c clause) []indexer.Field {
	var fs []indexer.Field
	for _, f := range b.q.fields {
		if c.field == "" || c.field == f.Text {
			fs = append(fs, f)
		}
	}
	return fs
}

// stemField returns the stem field of a text.
func (b *builder) stemField(text string) (indexer.Field, bool) {
	for _, f := range b.q.fields {
		if f.Text == text && f.Role == indexer.RoleStem {
			return f, true
		}
	}
	return indexer.Field{}, false
}

func (b *builder) analyzer(name string) (analysis.Analyzer, error) {
	a := b.m.AnalyzerNamed(name)
	if a == nil {
		return nil, fmt.Errorf("the index uses an analyzer this program does not have: %s", name)
	}
	return a, nil
}

// words splits text into the words the index sees, as written in the
// text; stop words and punctuation are dropped.
func (b *builder) words(text string) ([]string, error) {
	f, _ := b.stemField("body")
	a, err := b.analyzer(f.Analyzer)
	if err != nil {
		return nil, err
	}
	var out []string
	for _, t := range a.Analyze([]byte(text)) {
		out = append(out, text[t.Start:t.End])
	}
	return out, nil
}

// clause returns the searchers of one clause: one per word for plain
// words (so that each can be required), one for anything else.
func (b *builder) clause(c clause) ([]search.Searcher, error) {
	switch c.kind {
	case kindPhrase:
		s, err := b.phrase(c)
		if s == nil || err != nil {
			return nil, err
		}
		return []search.Searcher{s}, nil
	case kindPrefix, kindWildcard, kindFuzzy:
		s, err := b.expansion(c)
		if s == nil || err != nil {
			return nil, err
		}
		return []search.Searcher{s}, nil
	}
	words, err := b.words(c.text)
	if err != nil {
		return nil, err
	}
	var out []search.Searcher
	for i, w := range words {
		var names []string
		if i < len(b.names) {
			names = b.names[i]
		}
		s, err := b.word(w, c, names)
		if err != nil {
			for _, o := range out {
				o.Close()
			}
			return nil, err
		}
		if s != nil {
			out = append(out, s)
		}
	}
	return out, nil
}

// word matches one word in every field of the clause's scope, each field
// analyzing it its own way, and sums the fields' scores. In a name field
// it matches the name keys given, which may cover the word together with
// its neighbour.
func (b *builder) word(w string, c clause, names []string) (search.Searcher, error) {
	var kids, nameKids []search.Searcher
	fail := func(err error) (search.Searcher, error) {
		closeSearchers(kids)
		closeSearchers(nameKids)
		return nil, err
	}
	seen := map[string]bool{}
	for _, f := range b.fieldsFor(c) {
		terms, into := names, &nameKids
		if f.Role != indexer.RoleName {
			a, err := b.analyzer(f.Analyzer)
			if err != nil {
				return fail(err)
			}
			terms, into = nil, &kids
			for _, t := range a.Analyze([]byte(w)) {
				terms = append(terms, string(t.Term))
			}
		}
		for _, term := range terms {
			if seen[f.Name+"\x00"+term] {
				continue
			}
			seen[f.Name+"\x00"+term] = true
			s, err := b.term(f, term, c.boost)
			if err != nil {
				return fail(err)
			}
			*into = append(*into, s)
		}
	}
	if len(nameKids) == 0 {
		return orSearchers(kids), nil
	}
	// A name key stands in for the word: it scores where the word's own
	// forms score less (another spelling of a name), and adds nothing
	// where they match.
	main, alt := orSearchers(kids), orSearchers(nameKids)
	if main == nil {
		return alt, nil
	}
	m := newSumSearcher([]search.Searcher{main, alt}, 1)
	m.best = true
	return m, nil
}

// term opens a BM25 searcher of one term in one field.
func (b *builder) term(f indexer.Field, term string, boost float64) (search.Searcher, error) {
	st := b.info.Fields[f.Name]
	s, err := newTermSearcher(b.ctx, b.r, f.Name, term, b.q.weights.field(f)*boost, st.Docs, st.AvgLen())
	if err != nil {
		return nil, fmt.Errorf("reading the index: %w", err)
	}
	if b.marking {
		if b.q.marks[f.Role] == nil {
			b.q.marks[f.Role] = map[string]bool{}
		}
		b.q.marks[f.Role][term] = true
	}
	return s, nil
}

// phrase matches the phrase's words next to each other, in order, in the
// stem field of the title or the body, and scores the match by BM25 over
// its words.
func (b *builder) phrase(c clause) (search.Searcher, error) {
	words, err := b.words(c.text)
	if err != nil || len(words) == 0 {
		return nil, err
	}
	wc := c
	wc.kind = kindWord
	if len(words) == 1 {
		return b.word(words[0], wc, nil)
	}
	var matchers, scorers []search.Searcher
	fail := func(err error) (search.Searcher, error) {
		closeSearchers(matchers)
		closeSearchers(scorers)
		return nil, err
	}
	for _, text := range indexer.Texts {
		if c.field != "" && c.field != text {
			continue
		}
		f, ok := b.stemField(text)
		if !ok {
			continue
		}
		a, err := b.analyzer(f.Analyzer)
		if err != nil {
			return fail(err)
		}
		terms := tokenPhrase(a.Analyze([]byte(c.text)))
		s, err := query.NewMultiPhraseQuery(terms, f.Name).Searcher(b.ctx, b.r, b.m, search.SearcherOptions{Score: "none"})
		if err != nil {
			return fail(fmt.Errorf("reading the index: %w", err))
		}
		matchers = append(matchers, s)
	}
	for _, w := range words {
		s, err := b.word(w, wc, nil)
		if err != nil {
			return fail(err)
		}
		if s != nil {
			scorers = append(scorers, s)
		}
	}
	if len(matchers) == 0 || len(scorers) == 0 {
		return fail(nil)
	}
	return &gateSearcher{lead: orSearchers(matchers), other: newSumSearcher(scorers, 0), scoreOther: true}, nil
}

// tokenPhrase turns analyzed tokens into the positions of a phrase query,
// leaving an empty position where a stop word was.
func tokenPhrase(ts analysis.TokenStream) [][]string {
	if len(ts) == 0 {
		return nil
	}
	first, last := ts[0].Position, ts[0].Position
	for _, t := range ts {
		first, last = min(first, t.Position), max(last, t.Position)
	}
	out := make([][]string, last-first+1)
	for _, t := range ts {
		out[t.Position-first] = append(out[t.Position-first], string(t.Term))
	}
	return out
}

// expansion matches the index terms a prefix, wildcard or fuzzy clause
// stands for, in every field of its scope. The clause's text is
// normalized as indexed words are, and fuzzy distances count characters.
func (b *builder) expansion(c clause) (search.Searcher, error) {
	var match func(f indexer.Field) (index.FieldDict, func(string) bool, error)
	switch c.kind {
	case kindPrefix:
		p := b.q.norm(c.text)
		if utf8.RuneCountInString(p) < minPatternRunes {
			return nil, fmt.Errorf("%w: %q* is too short a prefix; give at least %d letters", ErrBadQuery, c.text, minPatternRunes)
		}
		match = func(f indexer.Field) (index.FieldDict, func(string) bool, error) {
			d, err := b.r.FieldDictPrefix(f.Name, []byte(p))
			return d, nil, err
		}
	case kindWildcard:
		re, literal := b.wildcardRegexp(c.text)
		if literal < minPatternRunes {
			return nil, fmt.Errorf("%w: %q has too few letters besides * and ?; give at least %d", ErrBadQuery, c.text, minPatternRunes)
		}
		rr, ok := b.r.(index.IndexReaderRegexp)
		if !ok {
			return nil, fmt.Errorf("this index cannot match wildcards")
		}
		match = func(f indexer.Field) (index.FieldDict, func(string) bool, error) {
			d, err := rr.FieldDictRegexp(f.Name, re)
			return d, nil, err
		}
	case kindFuzzy:
		t := b.q.norm(c.text)
		k := c.fuzz
		if k < 0 {
			k = autoFuzziness(t)
		}
		if k == 0 {
			wc := c
			wc.kind = kindWord
			return b.word(c.text, wc, nil)
		}
		rf, ok := b.r.(index.IndexReaderFuzzy)
		if !ok {
			return nil, fmt.Errorf("this index cannot match fuzzy words")
		}
		match = func(f indexer.Field) (index.FieldDict, func(string) bool, error) {
			d, err := rf.FieldDictFuzzy(f.Name, t, k, "")
			return d, func(term string) bool { return runeDistance(t, term, k) <= k }, err
		}
	}
	var kids []search.Searcher
	for _, f := range b.fieldsFor(c) {
		if f.Role == indexer.RoleName {
			continue // name keys are not words to expand
		}
		d, keep, err := match(f)
		if err != nil {
			closeSearchers(kids)
			return nil, fmt.Errorf("reading the index: %w", err)
		}
		terms, err := topTerms(d, keep)
		if err != nil {
			closeSearchers(kids)
			return nil, fmt.Errorf("reading the index: %w", err)
		}
		for _, t := range terms {
			s, err := b.term(f, t, c.boost)
			if err != nil {
				closeSearchers(kids)
				return nil, err
			}
			kids = append(kids, s)
		}
	}
	if len(kids) == 0 {
		// Nothing matches; a searcher that finds nothing keeps a required
		// clause required.
		return searcher.NewMatchNoneSearcher(b.r)
	}
	return orSearchers(kids), nil
}

// wildcardRegexp turns a wildcard pattern into a regular expression over
// index terms, normalizing its literal parts; it also returns how many
// literal characters the pattern has.
func (b *builder) wildcardRegexp(p string) (string, int) {
	var re strings.Builder
	literal := 0
	var lit strings.Builder
	flush := func() {
		if lit.Len() > 0 {
			n := b.q.norm(lit.String())
			literal += utf8.RuneCountInString(n)
			re.WriteString(regexp.QuoteMeta(n))
			lit.Reset()
		}
	}
	for _, r := range p {
		switch r {
		case '*':
			flush()
			re.WriteString(".*")
		case '?':
			flush()
			re.WriteString(".")
		default:
			lit.WriteRune(r)
		}
	}
	flush()
	return re.String(), literal
}

// autoFuzziness is the edit distance allowed for a word by its length in
// characters: none up to 2, one up to 5, two beyond.
func autoFuzziness(t string) int {
	switch n := utf8.RuneCountInString(t); {
	case n <= 2:
		return 0
	case n <= 5:
		return 1
	}
	return 2
}

// topTerms reads a term dictionary, keeps the terms keep accepts (all
// when keep is nil) and returns the maxExpansions most frequent.
func topTerms(d index.FieldDict, keep func(string) bool) ([]string, error) {
	defer d.Close()
	type entry struct {
		term  string
		count uint64
	}
	var all []entry
	for {
		e, err := d.Next()
		if err != nil {
			return nil, err
		}
		if e == nil {
			break
		}
		if keep == nil || keep(e.Term) {
			all = append(all, entry{e.Term, e.Count})
		}
	}
	sort.Slice(all, func(i, j int) bool {
		if all[i].count != all[j].count {
			return all[i].count > all[j].count
		}
		return all[i].term < all[j].term
	})
	if len(all) > maxExpansions {
		all = all[:maxExpansions]
	}
	out := make([]string, len(all))
	for i, e := range all {
		out[i] = e.term
	}
	return out, nil
}

// runeDistance is the Levenshtein distance between a and b in characters,
// or limit+1 once it is known to exceed limit.
func runeDistance(a, b string, limit int) int {
	ra, rb := []rune(a), []rune(b)
	if d := len(ra) - len(rb); d > limit || -d > limit {
		return limit + 1
	}
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		best := cur[0]
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			best = min(best, cur[j])
		}
		if best > limit {
			return limit + 1
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
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

// plan reads the query's plain words in runs (plain-word clauses that
// follow each other in the same scope) and returns the name keys of each
// word, by clause and word, when the index has name fields: a key that
// covers two words (a name split in the query, joined in an article) is
// given to both.
func (b *builder) plan(clauses []clause) (map[int][][]string, error) {
	hasNames := false
	for _, f := range b.q.fields {
		hasNames = hasNames || f.Role == indexer.RoleName
	}
	if !hasNames {
		return nil, nil
	}
	keys := map[int][][]string{}
	type ref struct{ clause, word int }
	var words []string
	var refs []ref
	flush := func() {
		for _, k := range arabic.NameKeys(words) {
			for j := k.First; j <= k.Last; j++ {
				r := refs[j]
				keys[r.clause][r.word] = append(keys[r.clause][r.word], k.Term)
			}
		}
		words, refs = words[:0], refs[:0]
	}
	var runStart = -1
	for i, c := range clauses {
		plain := c.kind == kindWord && c.occur != mustNot
		if !plain || runStart >= 0 && (clauses[runStart].field != c.field || clauses[runStart].occur != c.occur) {
			flush()
			runStart = -1
		}
		if !plain {
			continue
		}
		if runStart < 0 {
			runStart = i
		}
		ws, err := b.words(c.text)
		if err != nil {
			return nil, err
		}
		keys[i] = make([][]string, len(ws))
		for j, w := range ws {
			words = append(words, w)
			refs = append(refs, ref{i, j})
		}
	}
	flush()
	return keys, nil
}
