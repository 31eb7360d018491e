package search

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// occur says whether a clause is required, optional or excluded.
type occur int

const (
	should occur = iota
	must
	mustNot
)

// kind is what a clause matches.
type kind int

const (
	kindWord     kind = iota // one word (or what the analyzer makes of it)
	kindPhrase               // words in this order, next to each other
	kindPrefix               // words starting with the text
	kindWildcard             // words matching a pattern with * and ?
	kindFuzzy                // words within an edit distance of the text
)

// clause is one parsed element of a query.
type clause struct {
	occur occur
	kind  kind
	field string // "" for the default fields, or "title" or "body"
	text  string
	fuzz  int // edit distance in characters, for kindFuzzy; -1 for automatic
	boost float64
}

// written returns a prefix, wildcard or fuzzy clause as a query writes
// it (وز*, جد?ة, الرياض~2), without its field or boost.
func (c clause) written() string {
	switch c.kind {
	case kindPrefix:
		return c.text + "*"
	case kindFuzzy:
		if c.fuzz >= 0 {
			return fmt.Sprintf("%s~%d", c.text, c.fuzz)
		}
		return c.text + "~"
	}
	return c.text
}

// ErrBadQuery is wrapped by every error that a query's text causes.
var ErrBadQuery = errors.New("bad query")

// queryFields are the field names a clause may be scoped to.
var queryFields = map[string]bool{"title": true, "body": true}

// cleanQuery makes query text safe to parse: invalid UTF-8 and control
// characters become spaces.
func cleanQuery(q string) string {
	q = strings.ToValidUTF8(q, " ")
	return strings.Map(func(r rune) rune {
		if unicode.IsControl(r) || r == utf8.RuneError {
			return ' '
		}
		return r
	}, q)
}

// plainQuery reads query text as words only, one should clause.
func plainQuery(q string) ([]clause, error) {
	if len(q) > MaxQueryBytes {
		return nil, fmt.Errorf("%w: the query is %d bytes long; the limit is %d", ErrBadQuery, len(q), MaxQueryBytes)
	}
	q = strings.TrimSpace(cleanQuery(q))
	if q == "" {
		return nil, nil
	}
	return []clause{{kind: kindWord, text: q, boost: 1}}, nil
}

// parseQuery reads query text in bleve's query-string syntax. It never
// fails on syntax: an unclosed quote runs to the end of the query, and a
// character that cannot start an operator is part of a word. It fails only
// on queries too long or with too many clauses.
func parseQuery(q string) ([]clause, error) {
	if len(q) > MaxQueryBytes {
		return nil, fmt.Errorf("%w: the query is %d bytes long; the limit is %d", ErrBadQuery, len(q), MaxQueryBytes)
	}
	q = cleanQuery(q)
	var out []clause
	rs := []rune(q)
	i := 0
	for {
		for i < len(rs) && unicode.IsSpace(rs[i]) {
			i++
		}
		if i >= len(rs) {
			break
		}
		c := clause{boost: 1}
		switch rs[i] {
		case '+':
			c.occur = must
			i++
		case '-':
			c.occur = mustNot
			i++
		}
		// A field name is letters followed by a colon.
		if j := i; j < len(rs) {
			for j < len(rs) && (unicode.IsLetter(rs[j]) || rs[j] == '_') {
				j++
			}
			if j < len(rs) && rs[j] == ':' && queryFields[strings.ToLower(string(rs[i:j]))] {
				c.field = strings.ToLower(string(rs[i:j]))
				i = j + 1
			}
		}
		if i < len(rs) && rs[i] == '"' {
			i++
			var b strings.Builder
			for i < len(rs) && rs[i] != '"' {
				if rs[i] == '\\' && i+1 < len(rs) {
					i++
				}
				b.WriteRune(rs[i])
				i++
			}
			i++ // the closing quote, if any
			c.kind = kindPhrase
			c.text = b.String()
		} else {
			var b strings.Builder
			wild := false
			for i < len(rs) && !unicode.IsSpace(rs[i]) {
				r := rs[i]
				if r == '\\' && i+1 < len(rs) {
					b.WriteRune(rs[i+1])
					i += 2
					continue
				}
				if (r == '~' || r == '^') && b.Len() > 0 {
					break
				}
				if r == '*' || r == '?' {
					wild = true
				}
				b.WriteRune(r)
				i++
			}
			c.text = b.String()
			if wild {
				trimmed := strings.TrimRight(c.text, "*")
				if !strings.ContainsAny(trimmed, "*?") && trimmed != c.text {
					c.kind, c.text = kindPrefix, trimmed
				} else {
					c.kind = kindWildcard
				}
			}
		}
		// Suffixes: ~N makes a word fuzzy, ^B boosts the clause.
		for i < len(rs) && (rs[i] == '~' || rs[i] == '^') {
			op := rs[i]
			i++
			j := i
			for j < len(rs) && (unicode.IsDigit(rs[j]) || rs[j] == '.') {
				j++
			}
			num := string(rs[i:j])
			i = j
			switch op {
			case '~':
				if c.kind != kindWord {
					continue // fuzzy phrases and patterns are not supported
				}
				c.kind, c.fuzz = kindFuzzy, -1
				if n, err := strconv.Atoi(num); err == nil {
					c.fuzz = min(n, 2)
				}
			case '^':
				if b, err := strconv.ParseFloat(num, 64); err == nil && b > 0 && b <= 100 {
					c.boost = b
				}
			}
		}
		// Whatever trails an operator up to the next space is ignored.
		for i < len(rs) && !unicode.IsSpace(rs[i]) {
			i++
		}
		if strings.TrimSpace(c.text) == "" {
			continue
		}
		out = append(out, c)
		if len(out) > MaxClauses {
			return nil, fmt.Errorf("%w: the query has more than %d words and operators", ErrBadQuery, MaxClauses)
		}
	}
	return out, nil
}
