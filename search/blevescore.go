package search

import (
	"github.com/blevesearch/bleve/v2/search/query"
)

// bleveQuery builds the same query as a plan, of bleve's own query types,
// so that bleve's scorer ranks it: the baseline that Fahras's BM25 is
// measured against. Terms carry the same weights, as boosts; a word's
// name keys are one more alternative of it.
func bleveQuery(p *plan) query.Query {
	var musts, shoulds, nots []query.Query
	for _, c := range p.clauses {
		var qs []query.Query
		for _, w := range c.words {
			var alts []query.Query
			for _, ts := range [][]pterm{w.own, w.names} {
				for _, t := range ts {
					tq := query.NewTermQuery(t.term)
					tq.SetField(t.field)
					tq.SetBoost(t.weight)
					alts = append(alts, tq)
				}
			}
			qs = append(qs, query.NewDisjunctionQuery(alts))
		}
		if c.kind == kindPhrase && len(c.words) > 1 {
			var phrases []query.Query
			for _, f := range c.phraseFields {
				phrases = append(phrases, query.NewMultiPhraseQuery(c.phrase, f))
			}
			qs = []query.Query{query.NewConjunctionQuery(append([]query.Query{query.NewDisjunctionQuery(phrases)}, qs...))}
		}
		switch {
		case c.occur == mustNot:
			nots = append(nots, qs...)
		case c.occur == must || p.all:
			musts = append(musts, qs...)
		default:
			shoulds = append(shoulds, qs...)
		}
	}
	b := query.NewBooleanQuery(nil, nil, nil)
	if len(musts) > 0 {
		b.AddMust(musts...)
	}
	if len(shoulds) > 0 {
		b.AddShould(shoulds...)
		if len(musts) == 0 {
			b.SetMinShould(1)
		}
	}
	if len(nots) > 0 {
		b.AddMustNot(nots...)
	}
	return b
}
