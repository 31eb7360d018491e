package eval

import (
	"fmt"
	"strings"

	"github.com/fahras/fahras/search"
)

// Match says how a topic's query is run.
type Match string

// The ways a topic's query can run.
const (
	// MatchAuto runs a topic that has a description (a news topic) with
	// MatchAll, and a bare question (ARCD's) with MatchAny.
	MatchAuto Match = "auto"
	// MatchAll runs the query the way "search -q" runs it by default:
	// query-string syntax, every word required, and any word when no
	// document has them all.
	MatchAll Match = "all"
	// MatchAny reads the query as plain words, any of which may match:
	// for questions, whose words a relevant passage seldom has all of.
	MatchAny Match = "any"
)

// Matches lists the ways a topic's query can run.
var Matches = []Match{MatchAuto, MatchAll, MatchAny}

// ParseMatch reads the name of a Match.
func ParseMatch(s string) (Match, error) {
	for _, m := range Matches {
		if string(m) == s {
			return m, nil
		}
	}
	names := make([]string, len(Matches))
	for i, m := range Matches {
		names[i] = string(m)
	}
	return "", fmt.Errorf("unknown match %q (choose one of %s)", s, strings.Join(names, ", "))
}

// request is the search that runs topic t the way m says.
func (m Match) request(t Topic) (search.Request, error) {
	if m == MatchAuto {
		m = MatchAny
		if t.Description != "" {
			m = MatchAll
		}
	}
	req := search.Request{Query: t.Text, Limit: Depth, IDsOnly: true}
	switch m {
	case MatchAll:
	case MatchAny:
		req.Any, req.Plain = true, true
	default:
		return req, fmt.Errorf("unknown match %q", m)
	}
	return req, nil
}
