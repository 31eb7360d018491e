package search

import (
	"context"
	"fmt"
	"regexp"
	"slices"
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
// Exact, Name and Variant were chosen on the ARCD questions (search/eval's
// TestWeightSweep; MRR@10). On the index of one field per text, the others
// at their defaults: exact 0.15, 0.25, 0.35, 0.5 gave 0.7986, 0.8019,
// 0.7989, 0.7967; variant 0, 0.25, 0.5, 0.75, 1 gave 0.7991, 0.8007,
// 0.8019, 0.8023, 0.8028, and 0.5 is kept, like the name keys' weight: the
// gain above it is under 0.001, and a variant is not the word itself. Name
// keys, once they only stand in for a word an article lacks, change ARCD's
// figures by 0.0005 or less (its questions have few foreign names) and
// keep 0.5. ARCD's paragraphs have no titles, so the title weight is a
// reader's expectation, not a measurement: a word in the headline says
// more about an article than one in its body.
const (
	// WeightTitle weighs a match in the title.
	WeightTitle = 2.0
	// WeightBody weighs a match in the body.
	WeightBody = 1.0
	// WeightStem weighs a match of the stem.
	WeightStem = 1.0
	// WeightExact weighs a match of the word as written; it adds to the
	// stem match that the same word also makes, so a word matched as
	// written outranks a stem-only match: an inflected word by its exact
	// form, a bare one (no clitic, article or suffix) by the occurrences
	// of its stem that the index marks as written bare (store.BareSpan).
	WeightExact = 0.25
	// WeightName weighs a match of a transliterated name's key: a
	// spelling of the name other than the query's, or the query's name
	// split or joined differently. A word scores by its name key only
	// in an article that does not have the word's own forms, so the key
	// never adds to a word found as written.
	WeightName = 0.5
	// WeightVariant weighs a match of a vowel variant of a word that is
	// not a name (see vowelVariants): its broken plural or singular, the
	// word with or without its accusative ا, its hamza written otherwise.
	// Like a name key, it counts only in an article without the word's
	// own forms, and only where not every word is required.
	WeightVariant = 0.5
)

// Weights are the field weights an Engine ranks with.
type Weights struct {
	// Title and Body weigh a match in each field; Stem, Exact, Name and
	// Variant a match by each kind of term (see the Weight constants).
	Title, Body, Stem, Exact, Name, Variant float64
}

// DefaultWeights are the weights chosen by measurement (see the constants).
var DefaultWeights = Weights{Title: WeightTitle, Body: WeightBody, Stem: WeightStem, Exact: WeightExact, Name: WeightName, Variant: WeightVariant}

// The kinds of index term a query word is matched by.
type termKind int

const (
	kindStem termKind = iota
	kindExact
	kindName
	kindVariant
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
	case kindVariant:
		return x * w.Variant
	}
	return x * w.Stem
}

// Bounds on what one query term may expand to.
const (
	// MaxExpansions bounds how many index terms one prefix, wildcard or
	// fuzzy term expands to in each field (Elasticsearch's
	// max_expansions); the most frequent are kept.
	MaxExpansions = 64
	// maxDictScan bounds how many dictionary entries the expansions of
	// one query read, all together, before they stop looking.
	maxDictScan = 200_000
	// MaxQueryTerms bounds the index terms a query's prefix, wildcard
	// and fuzzy clauses expand to, all together (Lucene's
	// maxClauseCount): each such clause may take its share, at most
	// MaxExpansions a field, so that 64 patterns cost what a few do.
	MaxQueryTerms = 1024
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

// pword is one query word's terms: its own forms, and the name keys or
// vowel variants that stand in for it in an article without them.
type pword struct {
	text  string
	own   []pterm
	names []pterm
	// variants are the index's stems that are vowel variants of the
	// word's (see vowelVariants); they share the IDF of the most
	// frequent of them and the word's stem (see builder.shareDF).
	variants []pterm
	// best scores the word by its best term rather than the sum: a
	// fuzzy word is one word, however many spellings near it the index
	// has.
	best bool
	// capped is true when a prefix, wildcard or fuzzy word matches more
	// index terms than the limits let it expand to (MaxExpansions,
	// MaxQueryTerms, the dictionary scan): articles with only the terms
	// left out are not found.
	capped bool
}

// pterm is one index term and the weight of its score.
type pterm struct {
	field, term string
	weight      float64
	// df, when not zero, is the number of articles the term's IDF is
	// computed from instead of its own: a fuzzy word's expansions share
	// the most frequent one's, so that a rare near-miss does not outrank
	// the word the reader most likely meant.
	df uint64
	// bare, when not zero, weighs the occurrences of a bare word's stem
	// that are written bare: the word matched as written (see
	// WeightExact).
	bare float64
}

// planner resolves a query against one index snapshot.
type planner struct {
	// scan is what is left of maxDictScan, terms of MaxQueryTerms, and
	// expansions the expansion clauses not yet planned.
	scan, terms, expansions int
	ctx                     context.Context
	r                       index.IndexReader
	analysis                store.Analysis
	an                      store.TextAnalyzer
	weights                 Weights
	p                       *plan
	// contains tells, by field, whether the index has a term.
	contains map[string]index.FieldDictContains
}

// expansions keeps, by clause, the terms a prefix, wildcard or fuzzy
// clause expanded to, so that the plans of one search over one snapshot
// (every word, then most words) read the dictionary once.
type expansions map[int]*pword

// newPlan resolves parsed clauses against a snapshot. all makes plain
// words required. seen, when not nil, holds the expansions of earlier
// plans of the same clauses over the same snapshot, and gets this plan's.
func newPlan(ctx context.Context, r index.IndexReader, info *store.Info, weights Weights, clauses []clause, all bool, seen expansions) (*plan, error) {
	an, err := info.Analysis.NewAnalyzer()
	if err != nil {
		return nil, err
	}
	pl := &planner{ctx: ctx, r: r, analysis: info.Analysis, an: an, weights: weights, p: &plan{all: all, marks: map[string]map[string]bool{}}}
	pl.scan, pl.terms = maxDictScan, MaxQueryTerms
	for _, c := range clauses {
		if c.kind == kindPrefix || c.kind == kindWildcard || c.kind == kindFuzzy {
			pl.expansions++
		}
	}
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
			w, ok := seen[i]
			if !ok {
				var err error
				if w, err = pl.expansion(c); err != nil {
					return nil, err
				}
				if seen != nil {
					seen[i] = w
				}
			}
			if w != nil {
				pc.words = []pword{*w}
			}
		}
		if c.occur != mustNot {
			for _, w := range pc.words {
				for _, ts := range [][]pterm{w.own, w.names, w.variants} {
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
				own := pterm{field: f, term: string(tok.Stem), weight: pl.weights.weight(f, kindStem) * cl.boost}
				if !tok.Differs() && pl.analysis == store.AnalysisFahras {
					own.bare = pl.weights.weight(f, kindExact) * cl.boost
				}
				words[t].own = append(words[t].own, own)
				if tok.Differs() && pl.analysis == store.AnalysisFahras {
					words[t].own = append(words[t].own, pterm{field: f, term: arabic.ExactPrefix + string(tok.Exact), weight: pl.weights.weight(f, kindExact) * cl.boost})
				}
			}
		}
		addKey := func(t int, key []byte) {
			for _, f := range fields(clauses[owner[t]]) {
				words[t].names = append(words[t].names, pterm{field: f, term: string(key), weight: pl.weights.weight(f, kindName) * clauses[owner[t]].boost})
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
		// Where not every word is required, a word that is not a name
		// has its vowel variants stand in for it instead. Where every
		// word is, an article must have each as written (or a name's
		// other spelling): its count is what a reader can check.
		for t := range toks {
			if pl.p.all || pl.analysis != store.AnalysisFahras || pl.weights.Variant == 0 || len(words[t].names) > 0 {
				continue
			}
			for _, f := range fields(clauses[owner[t]]) {
				for _, v := range pl.variants(f, string(toks[t].Stem)) {
					words[t].variants = append(words[t].variants, pterm{field: f, term: v, weight: pl.weights.weight(f, kindVariant) * clauses[owner[t]].boost})
				}
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
		ws[i].names, ws[i].variants = nil, nil // a phrase matches its words as written
	}
	pc.words = ws
	return nil
}

// expansion plans a prefix, wildcard or fuzzy clause: the index terms it
// stands for in each field, at most MaxExpansions a field, the most
// frequent first (the word is capped when there were more). The clause's text is normalized as indexed words are,
// and fuzzy distances count characters. Nil when nothing matches.
func (pl *planner) expansion(c clause) (*pword, error) {
	type source struct {
		dict func(field string) (index.FieldDict, error)
		// dist, when set, is a term's typing distance from the
		// clause's word, negative for a term to pass over.
		dist func(term string) float64
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
		// The word's stem, and its exact form where the index holds one,
		// each matched within k edits of the index's terms of its kind.
		toks := pl.an.Analyze(c.text)
		if len(toks) == 0 {
			return nil, nil
		}
		tok := toks[0]
		stem := string(tok.Stem)
		k := c.fuzz
		if k < 0 {
			k = autoFuzziness(stem)
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
		targets := []string{stem}
		if tok.Differs() && pl.analysis == store.AnalysisFahras {
			targets = append(targets, arabic.ExactPrefix+string(tok.Exact))
		}
		for _, t := range targets {
			exact := strings.HasPrefix(t, arabic.ExactPrefix)
			bare := strings.TrimPrefix(t, arabic.ExactPrefix)
			srcs = append(srcs, source{
				dict: func(f string) (index.FieldDict, error) { return rf.FieldDictFuzzy(f, t, k, "") },
				dist: func(term string) float64 {
					if strings.HasPrefix(term, arabic.ExactPrefix) != exact {
						return -1
					}
					if d := typoDistance(bare, strings.TrimPrefix(term, arabic.ExactPrefix), float64(k)); d <= float64(k) {
						return d
					}
					return -1
				},
			})
		}
	}
	w := &pword{text: c.text, best: c.kind == kindFuzzy}
	fs := fields(c)
	// This clause's share of the query's terms, a field at a time.
	share := min(MaxExpansions, max(1, pl.terms/max(1, pl.expansions)/len(fs)))
	pl.expansions--
	for _, f := range fs {
		var terms []dictEntry
		for _, src := range srcs {
			d, err := src.dict(f)
			if err != nil {
				return nil, badPattern(c, err)
			}
			ts, err := readDict(d, src.dist, &pl.scan)
			if err != nil {
				return nil, badPattern(c, err)
			}
			if pl.scan <= 0 || len(ts) > maxCounted {
				w.capped = true
			}
			if ts, err = pl.count(f, ts); err != nil {
				return nil, err
			}
			terms = append(terms, ts...)
		}
		if len(terms) > share {
			w.capped = true
		}
		top := topTerms(terms, share)
		pl.terms -= len(top)
		var df uint64
		if c.kind == kindFuzzy {
			for _, t := range top {
				df = max(df, t.count)
			}
		}
		for _, t := range top {
			k := kindStem
			if strings.HasPrefix(t.term, arabic.ExactPrefix) {
				k = kindExact
			}
			// A term farther from the word typed counts for less.
			w.own = append(w.own, pterm{field: f, term: t.term, weight: pl.weights.weight(f, k) * c.boost / (1 + t.dist), df: df})
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

// dictEntry is a term of a dictionary, how many articles have it, and its
// typing distance from a fuzzy clause's word (0 for other clauses).
type dictEntry struct {
	term  string
	count uint64
	dist  float64
}

// readDict reads a term dictionary, keeping the terms whose distance dist
// gives is not negative (all when dist is nil), reading at most *scan
// entries, which it counts down. Name keys are never expansions.
func readDict(d index.FieldDict, dist func(string) float64, scan *int) ([]dictEntry, error) {
	defer d.Close()
	var all []dictEntry
	for ; *scan > 0; *scan-- {
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
		de := dictEntry{term: e.Term, count: e.Count}
		if dist != nil {
			if de.dist = dist(e.Term); de.dist < 0 {
				continue
			}
		}
		all = append(all, de)
	}
	return all, nil
}

// maxCounted bounds the terms of a pattern or fuzzy word whose
// frequencies are read to keep the most frequent: the rest, in the
// dictionary's order, are passed over.
const maxCounted = 1024

// count fills in how many articles have each term, where the dictionary
// did not say (bleve's fuzzy and regular-expression dictionaries leave
// counts out), keeping at most maxCounted terms.
func (pl *planner) count(field string, ts []dictEntry) ([]dictEntry, error) {
	if len(ts) > maxCounted {
		ts = ts[:maxCounted]
	}
	for i := range ts {
		if ts[i].count > 0 {
			continue
		}
		if err := pl.ctx.Err(); err != nil {
			return nil, err
		}
		tfr, err := pl.r.TermFieldReader(pl.ctx, []byte(ts[i].term), field, false, false, false)
		if err != nil {
			return nil, fmt.Errorf("reading the index: %w", err)
		}
		ts[i].count = tfr.Count()
		tfr.Close()
	}
	return ts, nil
}

// topTerms returns the n nearest terms, the most frequent first among
// those as near.
func topTerms(all []dictEntry, n int) []dictEntry {
	sort.Slice(all, func(i, j int) bool {
		if all[i].dist != all[j].dist {
			return all[i].dist < all[j].dist
		}
		if all[i].count != all[j].count {
			return all[i].count > all[j].count
		}
		return all[i].term < all[j].term
	})
	return all[:min(len(all), n)]
}

// capped lists the prefix, wildcard and fuzzy terms of the plans that
// matched more index terms than they could expand to, each once.
func capped(plans []*plan) []string {
	var out []string
	for _, p := range plans {
		for _, c := range p.clauses {
			for _, w := range c.words {
				if w.capped && !slices.Contains(out, c.written()) {
					out = append(out, c.written())
				}
			}
		}
	}
	return out
}
