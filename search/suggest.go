package search

import (
	"context"
	"strings"
	"unicode/utf8"

	index "github.com/blevesearch/bleve_index_api"

	"github.com/fahras/fahras/indexer/arabic"
	"github.com/fahras/fahras/store"
)

// Did you mean: a word of the query is rare if at most rareWord articles
// have it as written (its exact form, or its stem when it is its own
// stem); a suggestion replaces it with the nearest word (typing distance
// at most suggestDistance, see typoDistance) that at least suggestMin
// articles have, and suggestRatio times as many as the word typed.
const (
	rareWord        = 2
	suggestDistance = 1.0
	suggestMin      = 10
	suggestRatio    = 20
	// suggestLetters is the shortest word a suggestion is looked for:
	// a shorter one is near too many others.
	suggestLetters = 4
)

// suggestion proposes the query with its rare or unknown words replaced
// by close, far more frequent ones (see Response.Suggestion); empty when
// no word is rare or none has such a neighbour.
func (a *answer) suggestion() string {
	if len(a.plans) == 0 || a.e.ix.Info.Analysis != store.AnalysisFahras {
		return ""
	}
	q := a.req.Query
	changed := false
	for _, c := range a.plans[0].clauses {
		if c.occur == mustNot || c.kind != kindWord && c.kind != kindFuzzy {
			continue
		}
		for _, w := range c.words {
			if better := a.nearer(w); better != "" && strings.Contains(q, w.text) {
				q = strings.Replace(q, w.text, better, 1)
				changed = true
			}
		}
	}
	if !changed {
		return ""
	}
	return q
}

// nearer returns the word, as the index holds it, to suggest for a query
// word, or "".
func (a *answer) nearer(w pword) string {
	// The word as written: its exact form's term, else its stem.
	var term string
	for _, t := range w.own {
		if t.field != store.FieldBody {
			continue
		}
		if strings.HasPrefix(t.term, arabic.ExactPrefix) || term == "" {
			term = t.term
		}
	}
	bare := strings.TrimPrefix(term, arabic.ExactPrefix)
	if term == "" || utf8.RuneCountInString(bare) < suggestLetters {
		return ""
	}
	n, err := docFreq(a.ctx, a.r, term)
	if err != nil || n > rareWord {
		return ""
	}
	rf, ok := a.r.(index.IndexReaderFuzzy)
	if !ok {
		return ""
	}
	// Edit distance 1 finds the typos a suggestion is for (a letter
	// for its neighbour, a long vowel too many or too few); distance 2
	// would walk far more of the dictionary for every rare word.
	d, err := rf.FieldDictFuzzy(store.FieldBody, term, 1, "")
	if err != nil {
		return ""
	}
	defer d.Close()
	best, bestDist, bestCount := "", suggestDistance+1, uint64(0)
	want := max(suggestMin, suggestRatio*n)
	for i := 0; i < maxDictScan; i++ {
		e, err := d.Next()
		if err != nil || e == nil {
			break
		}
		if strings.HasPrefix(e.Term, arabic.ExactPrefix) != strings.HasPrefix(term, arabic.ExactPrefix) || strings.HasPrefix(e.Term, arabic.NameKeyPrefix) {
			continue
		}
		cand := strings.TrimPrefix(e.Term, arabic.ExactPrefix)
		dist := typoDistance(bare, cand, suggestDistance)
		if dist > suggestDistance || dist == 0 || dist > bestDist {
			continue
		}
		// Fuzzy dictionaries leave counts out: read the candidate's.
		count, err := docFreq(a.ctx, a.r, e.Term)
		if err != nil || count < want {
			continue
		}
		if dist < bestDist || count > bestCount {
			best, bestDist, bestCount = cand, dist, count
		}
	}
	return best
}

// docFreq counts the articles whose body has a term.
func docFreq(ctx context.Context, r index.IndexReader, term string) (uint64, error) {
	tfr, err := r.TermFieldReader(ctx, []byte(term), store.FieldBody, false, false, false)
	if err != nil {
		return 0, err
	}
	defer tfr.Close()
	return tfr.Count(), nil
}
