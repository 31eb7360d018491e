package indexer

import (
	"github.com/fahras/fahras/indexer/events"
	"github.com/fahras/fahras/store"
)

// extractEvents returns the statements and visits an article reports, as
// the index stores them. Should the extraction fail on some text, the
// article is indexed without them.
func extractEvents(a *Article) (stmts []store.Statement, visits []store.Visit) {
	defer func() {
		if recover() != nil {
			stmts, visits = nil, nil
		}
	}()
	ss, vs := events.Extract(a.Title, a.Body, a.Date)
	for _, s := range ss {
		stmts = append(stmts, store.Statement{Speaker: s.Speaker, SaidAs: s.SaidAs, Verb: s.Verb, Quote: s.Quote, Start: s.Start, End: s.End})
	}
	for _, v := range vs {
		visits = append(visits, store.Visit{
			Visitor: v.Visitor, VisitorAs: v.VisitorAs, Destination: v.Destination, Country: v.Country,
			From: v.From, To: v.To, Month: v.Month, Planned: v.Status == events.Planned, Start: v.Start, End: v.End,
		})
	}
	return stmts, visits
}
