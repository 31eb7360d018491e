package search

import (
	"fmt"
	"regexp"
	"sort"
	"strings"
	"unicode/utf8"

	index "github.com/blevesearch/bleve_index_api"

	"github.com/fahras/fahras/indexer/arabic"
	"github.com/fahras/fahras/store"
)

// Field weights: how much a match counts in each field and by each kind
// of term, relative to a match of a word's stem in the body. A term's
// weight is its field's weight times its kind's weight, and multiplies
// its BM25 score. DefaultWeights holds them; Options.Weights changes them
// for an Engine.
//
// Exact and Name were chosen on the ARCD questions (search/eval's
// TestWeightSweep; MRR@10): exact 0, 0.15, 0.25, 0.35, 0.5, 1, 2 gave
// 0.785–0.799, best at 0.25; name keys taken only where they beat the
// word's own forms gave 0.798–0.801, best at 0.5. ARCD's paragraphs have
// no titles, so the title weight is a reader's expectation, not a
// measurement: a word in the headline says more about an article than
// one in its body.
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

// The kinds of index term a query word is matched by.
type termKind int

const (
	kindStem termKind = iota
	kindExact
	kindName
)

// weight returns the weight of a term of a kind in a field.
func (w Weights) weight(field string, k termKind) float64 {
	x := w.Body
	if field == store.FieldTitle {
		x = w.Title
	}
	switch k {
	case kindExact:
		return x * w.Exact
	case kindName:
		return x * w.Name
	}
	return x * w.Stem
}

// Bounds on what one query term may expand to.
const (
	// MaxExpansions bounds how many index terms one prefix, wildcard or
	// fuzzy term expands to in each field (Elasticsearch's
	// max_expansions); the most frequent are kept.
	MaxExpansions = 64
	// maxDictScan bounds how many dictionary entries one expansion
	// reads before it stops looking.
	maxDictScan = 200_000
	// minPatternRunes is the shortest literal part of a prefix or
	// wildcard.
	minPatternRunes = 2
	// maxPatternRunes is the longest wildcard pattern that is compiled.
	maxPatternRunes = 64
)

// A plan is a parsed query resolved against one index snapshot, as plain
// data: for each clause, the index terms it matches in each field with
// their weights, and the terms whose positions mark a text. The searchers
// that rank and the snippets that mark both read it.
type plan struct {
	clauses []pclause
	// all is true when plain words are required.
	all bool
	// most, when not zero, asks for the articles that match at least
	// most of the query's optional clauses but not all of them, those
	// with more first (see coverSearcher).
	most int
	// marks are the terms, by field, whose positions are marked in a hit:
	// stems and name keys of every clause not excluded.
	marks map[string]map[string]bool
}

// pclause is one clause of a plan.
type pclause struct {
	clause
	// words are the clause's words, each matched by any of its terms;
	// a prefix, wildcard or fuzzy clause is one word of all its
	// expansions. Every word of a plain clause is required in the
	// default "all words" mode.
	words []pword
	// phrase, for a phrase clause, is the stem terms at each of its
	// positions (none where a stop word was), matched in each field of
	// phraseFields.
	phrase       [][]string
	phraseFields []string
}

// pword is one query word's terms: its own forms, and the name keys that
// stand in for it where they score higher.
type pword struct {
	text  string
	own   []pterm
	names []pterm
}

// pterm is one index term and the weight of its score.
type pterm struct {
	field, term string
	weight      float64
}

// planner resolves a query against one index snapshot.
type planner struct {
	r        index.IndexReader
	analysis store.Analysis
	an       store.TextAnalyzer
	weights  Weights
	p        *plan
}

// newPlan resolves parsed clauses against a snapshot. all makes plain
// words required.
func newPlan(r index.IndexReader, info *store.Info, weights Weights, clauses []clause, all bool) (*plan, error) {
	an, err := info.Analysis.NewAnalyzer()
	if err != nil {
		return nil, err
	}
	pl := &planner{r: r, analysis: info.Analysis, an: an, weights: weights, p: &plan{all: all, marks: map[string]map[string]bool{}}}
	words := pl.plainWords(clauses)
	for i, c := range clauses {
		pc := pclause{clause: c}
		switch c.kind {
		case kindWord:
			pc.words = words[i]
		case kindPhrase:
			if err := pl.phrase(&pc); err != nil {
				return nil, err
			}
		default:
			w, err := pl.expansion(c)
			if err != nil {
				return nil, err
			}
			if w != nil {
				pc.words = []pword{*w}
			}
		}
		if c.occur != mustNot {
			for _, w := range pc.words {
				for _, ts := range [][]pterm{w.own, w.names} {
					for _, t := range ts {
						pl.mark(t.field, t.term)
					}
				}
			}
		}
		pl.p.clauses = append(pl.p.clauses, pc)
	}
	return pl.p, nil
}

// mark records a term whose positions are marked in hits, unless it is
// an exact form, which the index holds without positions (its stem,
// marked too, is at the same place).
func (pl *planner) mark(field, term string) {
	if strings.HasPrefix(term, arabic.ExactPrefix) {
		return
	}
	if pl.p.marks[field] == nil {
		pl.p.marks[field] = map[string]bool{}
	}
	pl.p.marks[field][term] = true
}

// fields returns the full-text fields a clause searches.
func fields(c clause) []string {
	if c.field != "" {
		return []string{c.field}
	}
	return store.Texts
}

// plainWords analyses the plain-word clauses and returns their words by
// clause. Clauses that follow each other in the same scope and occurrence
// are analysed as one text, so that a name key joining two of their words
// (جين بينغ, the joined جينبينغ) is given to both.
func (pl *planner) plainWords(clauses []clause) map[int][]pword {
	out := map[int][]pword{}
	for i := 0; i < len(clauses); {
		c := clauses[i]
		if c.kind != kindWord {
			i++
			continue
		}
		j := i + 1
		for j < len(clauses) && clauses[j].kind == kindWord && clauses[j].field == c.field && clauses[j].occur == c.occur {
			j++
		}
		// One text of the run, remembering where each clause starts.
		var text strings.Builder
		starts := make([]int, 0, j-i)
		for k := i; k < j; k++ {
			if k > i {
				text.WriteByte(' ')
			}
			starts = append(starts, text.Len())
			text.WriteString(clauses[k].text)
		}
		s := text.String()
		toks := pl.an.Analyze(s)
		words := make([]pword, len(toks))
		owner := make([]int, len(toks))
		for t := range toks {
			tok := &toks[t]
			owner[t] = i + sort.SearchInts(starts, tok.Start+1) - 1
			cl := clauses[owner[t]]
			words[t].text = s[tok.Start:tok.End]
			for _, f := range fields(cl) {
				words[t].own = append(words[t].own, pterm{f, string(tok.Stem), pl.weights.weight(f, kindStem) * cl.boost})
				if tok.Differs() && pl.analysis == store.AnalysisFahras {
					words[t].own = append(words[t].own, pterm{f, arabic.ExactPrefix + string(tok.Exact), pl.weights.weight(f, kindExact) * cl.boost})
				}
			}
		}
		addKey := func(t int, key []byte) {
			for _, f := range fields(clauses[owner[t]]) {
				words[t].names = append(words[t].names, pterm{f, string(key), pl.weights.weight(f, kindName) * clauses[owner[t]].boost})
			}
		}
		for t := range toks {
			tok := &toks[t]
			if tok.Key != nil {
				addKey(t, tok.Key)
			}
			if tok.PairKey != nil && t+1 < len(toks) {
				// The pair's key is indexed at the first word's
				// position; it stands in for both words.
				addKey(t, tok.PairKey)
				addKey(t+1, tok.PairKey)
			}
		}
		for t := range words {
			out[owner[t]] = append(out[owner[t]], words[t])
		}
		i = j
	}
	return out
}

// phrase plans a phrase clause: the stems at each position, in each
// field, and the words that score a match.
func (pl *planner) phrase(pc *pclause) error {
	toks := pl.an.Analyze(pc.text)
	if len(toks) == 0 {
		return nil
	}
	first, last := toks[0].Pos, toks[len(toks)-1].Pos
	pc.phrase = make([][]string, last-first+1)
	for _, t := range toks {
		pc.phrase[t.Pos-first] = append(pc.phrase[t.Pos-first], string(t.Stem))
	}
	pc.phraseFields = fields(pc.clause)
	word := pc.clause
	word.kind = kindWord
	ws := pl.plainWords([]clause{word})[0]
	for i := range ws {
		ws[i].names = nil // a phrase matches its words as written
	}
	pc.words = ws
	return nil
}

// expansion plans a prefix, wildcard or fuzzy clause: the index terms it
// stands for in each field, at most MaxExpansions a field, the most
// frequent first. The clause's text is normalized as indexed words are,
// and fuzzy distances count characters. Nil when nothing matches.
func (pl *planner) expansion(c clause) (*pword, error) {
	type source struct {
		dict func(field string) (index.FieldDict, error)
		keep func(term string) bool
	}
	var srcs []source
	switch c.kind {
	case kindPrefix:
		p := pl.analysis.NormalizeTerm(c.text)
		if utf8.RuneCountInString(p) < minPatternRunes {
			return nil, fmt.Errorf("%w: %q* is too short a prefix; give at least %d letters", ErrBadQuery, c.text, minPatternRunes)
		}
		// Stems that start with it, and words as written that do.
		for _, pre := range []string{p, arabic.ExactPrefix + p} {
			srcs = append(srcs, source{dict: func(f string) (index.FieldDict, error) {
				return pl.r.FieldDictPrefix(f, []byte(pre))
			}})
		}
	case kindWildcard:
		re, literal, err := pl.wildcardRegexp(c.text)
		if err != nil {
			return nil, err
		}
		if literal < minPatternRunes {
			return nil, fmt.Errorf("%w: %q has too few letters besides * and ?; give at least %d", ErrBadQuery, c.text, minPatternRunes)
		}
		rr, ok := pl.r.(index.IndexReaderRegexp)
		if !ok {
			return nil, fmt.Errorf("this index cannot match wildcards")
		}
		srcs = append(srcs, source{dict: func(f string) (index.FieldDict, error) { return rr.FieldDictRegexp(f, re) }})
	case kindFuzzy:
		t := pl.analysis.NormalizeTerm(c.text)
		k := c.fuzz
		if k < 0 {
			k = autoFuzziness(t)
		}
		if k == 0 {
			wc := c
			wc.kind = kindWord
			ws := pl.plainWords([]clause{wc})[0]
			if len(ws) == 0 {
				return nil, nil
			}
			return &ws[0], nil
		}
		rf, ok := pl.r.(index.IndexReaderFuzzy)
		if !ok {
			return nil, fmt.Errorf("this index cannot match fuzzy words")
		}
		srcs = append(srcs, source{
			dict: func(f string) (index.FieldDict, error) { return rf.FieldDictFuzzy(f, t, k, "") },
			keep: func(term string) bool {
				return !strings.HasPrefix(term, arabic.NameKeyPrefix) && !strings.HasPrefix(term, arabic.ExactPrefix) && runeDistance(t, term, k) <= k
			},
		})
	}
	w := &pword{text: c.text}
	for _, f := range fields(c) {
		var terms []dictEntry
		for _, src := range srcs {
			d, err := src.dict(f)
			if err != nil {
				return nil, badPattern(c, err)
			}
			ts, err := readDict(d, src.keep)
			if err != nil {
				return nil, badPattern(c, err)
			}
			terms = append(terms, ts...)
		}
		for _, t := range topTerms(terms) {
			k := kindStem
			if strings.HasPrefix(t, arabic.ExactPrefix) {
				k = kindExact
			}
			w.own = append(w.own, pterm{f, t, pl.weights.weight(f, k) * c.boost})
		}
	}
	if len(w.own) == 0 {
		return w, nil // matches nothing, and a required clause stays required
	}
	return w, nil
}

// badPattern words an error reading a pattern's terms: one bleve cannot
// compile is a bad query.
func badPattern(c clause, err error) error {
	if strings.Contains(err.Error(), "dfa") || strings.Contains(err.Error(), "regexp") || strings.Contains(err.Error(), "automaton") {
		return fmt.Errorf("%w: %q is too complex a pattern to match (%v); use fewer ? and * or more letters", ErrBadQuery, c.text, err)
	}
	return fmt.Errorf("reading the index: %w", err)
}

// wildcardRegexp turns a wildcard pattern into a regular expression over
// index terms, normalizing its literal parts; it also returns how many
// literal characters the pattern has.
func (pl *planner) wildcardRegexp(p string) (string, int, error) {
	if n := utf8.RuneCountInString(p); n > maxPatternRunes {
		return "", 0, fmt.Errorf("%w: the pattern %q is %d characters long; the limit is %d", ErrBadQuery, p, n, maxPatternRunes)
	}
	var re strings.Builder
	literal := 0
	var lit strings.Builder
	flush := func() {
		if lit.Len() > 0 {
			n := pl.analysis.NormalizeTerm(lit.String())
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
	return re.String(), literal, nil
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

// dictEntry is a term of a dictionary and how many articles have it.
type dictEntry struct {
	term  string
	count uint64
}

// readDict reads a term dictionary, keeping the terms keep accepts (all
// when keep is nil), at most maxDictScan entries.
func readDict(d index.FieldDict, keep func(string) bool) ([]dictEntry, error) {
	defer d.Close()
	var all []dictEntry
	for n := 0; n < maxDictScan; n++ {
		e, err := d.Next()
		if err != nil {
			return nil, err
		}
		if e == nil {
			break
		}
		if strings.HasPrefix(e.Term, arabic.NameKeyPrefix) {
			continue
		}
		if keep == nil || keep(e.Term) {
			all = append(all, dictEntry{e.Term, e.Count})
		}
	}
	return all, nil
}

// topTerms returns the MaxExpansions most frequent terms.
func topTerms(all []dictEntry) []string {
	sort.Slice(all, func(i, j int) bool {
		if all[i].count != all[j].count {
			return all[i].count > all[j].count
		}
		return all[i].term < all[j].term
	})
	if len(all) > MaxExpansions {
		all = all[:MaxExpansions]
	}
	out := make([]string, len(all))
	for i, e := range all {
		out[i] = e.term
	}
	return out
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
