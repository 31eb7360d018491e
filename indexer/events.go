package indexer

import (
	"hash/fnv"

	"github.com/fahras/fahras/indexer/arabic"
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
		stmts = append(stmts, store.Statement{Speaker: s.Speaker, SaidAs: s.SaidAs, Verb: s.Verb, Quote: s.Quote, Start: s.Start, End: s.End, Sig: simHash(s.Text)})
	}
	for _, v := range vs {
		visits = append(visits, store.Visit{
			Visitor: v.Visitor, VisitorAs: v.VisitorAs, Destination: v.Destination, Country: v.Country,
			From: v.From, To: v.To, Month: v.Month, Planned: v.Status == events.Planned, Start: v.Start, End: v.End,
		})
	}
	return stmts, visits
}

// simHash is a 64-bit SimHash of the words of text in matching form, each
// word counted once: texts that share most of their words have
// fingerprints a few bits apart.
func simHash(text string) uint64 {
	var votes [64]int
	seen := map[uint64]bool{}
	arabic.Words(text, func(start, end int) {
		h := fnv.New64a()
		h.Write([]byte(arabic.Normalize(text[start:end])))
		x := h.Sum64()
		if seen[x] {
			return
		}
		seen[x] = true
		for i := range votes {
			if x&(1<<i) != 0 {
				votes[i]++
			} else {
				votes[i]--
			}
		}
	})
	var sig uint64
	for i, v := range votes {
		if v > 0 {
			sig |= 1 << i
		}
	}
	return sig
}
