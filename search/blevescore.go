package search

import (
	"github.com/blevesearch/bleve/v2/search/query"

	"github.com/fahras/fahras/indexer"
)

// bleveQuery builds the same query as compiled, from bleve's own query
// types, so that bleve's scorer ranks it: the baseline that Fahras's BM25
// is measured against. Fields carry the same weights, as boosts.
func bleveQuery(clauses []clause, all bool, fields []indexer.Field, norm func(string) string, words func(string) []string) query.Query {
	var musts, shoulds, nots []query.Query
	for _, c := range clauses {
		var qs []query.Query
		scope := func() []indexer.Field {
			var fs []indexer.Field
			for _, f := range fields {
				if c.field == "" || c.field == f.Text {
					fs = append(fs, f)
				}
			}
			return fs
		}
		anyOf := func(f func(indexer.Field) query.Query) query.Query {
			var ds []query.Query
			for _, fl := range scope() {
				if q := f(fl); q != nil {
					ds = append(ds, q)
				}
			}
			return query.NewDisjunctionQuery(ds)
		}
		boost := func(q interface{ SetBoost(float64) }, f indexer.Field) {
			q.SetBoost(DefaultWeights.field(f) * c.boost)
		}
		switch c.kind {
		case kindWord:
			for _, w := range words(c.text) {
				qs = append(qs, anyOf(func(f indexer.Field) query.Query {
					m := query.NewMatchQuery(w)
					m.SetField(f.Name)
					m.Analyzer = f.Analyzer
					boost(m, f)
					return m
				}))
			}
		case kindPhrase:
			qs = append(qs, anyOf(func(f indexer.Field) query.Query {
				if f.Role != indexer.RoleStem {
					return nil
				}
				m := query.NewMatchPhraseQuery(c.text)
				m.SetField(f.Name)
				m.Analyzer = f.Analyzer
				boost(m, f)
				return m
			}))
		case kindPrefix:
			qs = append(qs, anyOf(func(f indexer.Field) query.Query {
				p := query.NewPrefixQuery(norm(c.text))
				p.SetField(f.Name)
				boost(p, f)
				return p
			}))
		case kindWildcard:
			qs = append(qs, anyOf(func(f indexer.Field) query.Query {
				p := query.NewWildcardQuery(norm(c.text))
				p.SetField(f.Name)
				boost(p, f)
				return p
			}))
		case kindFuzzy:
			qs = append(qs, anyOf(func(f indexer.Field) query.Query {
				p := query.NewFuzzyQuery(norm(c.text))
				p.SetField(f.Name)
				if c.fuzz < 0 {
					p.SetFuzziness(autoFuzziness(norm(c.text)))
				} else {
					p.SetFuzziness(c.fuzz)
				}
				boost(p, f)
				return p
			}))
		}
		switch {
		case c.occur == mustNot:
			nots = append(nots, qs...)
		case c.occur == must || all:
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
