package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/url"
	"os"
	"strings"

	"github.com/fahras/fahras/indexer/news"
	"github.com/fahras/fahras/search"
	"github.com/fahras/fahras/store"
)

// indexError is a missing or unreadable index: exit code 2.
type indexError struct{ err error }

func (e indexError) Error() string { return e.err.Error() }
func (e indexError) Unwrap() error { return e.err }

// isUserError tells whether err was caused by what the user gave.
func isUserError(err error) bool {
	var ie indexError
	return errors.Is(err, search.ErrBadQuery) || errors.Is(err, store.ErrDamaged) || errors.As(err, &ie)
}

// oneLine keeps the first line of a message.
func oneLine(s string) string {
	s, _, _ = strings.Cut(s, "\n")
	return s
}

var analysisNames = func() string {
	var names []string
	for _, a := range store.Analyses() {
		names = append(names, string(a))
	}
	return strings.Join(names, ", ")
}()

// openEngine opens the index in dir, or the built-in articles when dir is
// empty.
func openEngine(dir string) (*search.Engine, error) {
	if dir == "" {
		e, err := search.OpenDefault()
		if err != nil {
			return nil, err
		}
		return e, nil
	}
	e, err := search.Open(dir)
	if err != nil {
		return nil, indexError{err}
	}
	return e, nil
}

// searchFlags are the search's options by the parameter of
// search.ParseRequest they give, as they are named in messages.
var searchFlags = map[string]string{
	search.ParamQuery:      "-q",
	search.ParamLimit:      "-n",
	search.ParamOffset:     "--offset",
	search.ParamAny:        "--any",
	search.ParamAllWords:   "--all-words",
	search.ParamFrom:       "--from",
	search.ParamTo:         "--to",
	search.ParamSort:       "--sort",
	search.ParamSource:     "--source",
	search.ParamAgency:     "--agency",
	search.ParamPerson:     "--person",
	search.ParamFacets:     "--facets",
	search.ParamNoCollapse: "--no-collapse",
}

// runSearch is the default command: search and print ranked hits.
func runSearch(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	c := newCommand("", "Lists the articles that match QUERY, best first: rank, title, score, "+
		"ID and short snippets with the matched words highlighted (in colour on a terminal, "+
		"in [brackets] when piped). Without --index it searches the five articles built into the binary.",
		"search -q QUERY [--index DIR] [options]")
	p := map[string]*string{}
	for _, k := range []string{search.ParamQuery, search.ParamLimit, search.ParamOffset, search.ParamFrom, search.ParamTo,
		search.ParamSort, search.ParamSource, search.ParamAgency, search.ParamPerson} {
		p[k] = new(string)
	}
	var dir, color string
	var any, allWords, facets, noCollapse, asJSON, version bool
	c.String(p[search.ParamQuery], "q,query", "", "the `QUERY` to look for (its syntax is below)")
	c.String(&dir, "index", "", "search the index in `DIR`, built with \"search index\", instead of the built-in articles")
	c.String(p[search.ParamLimit], "n,limit", "", fmt.Sprintf("show at most `N` articles, 1 to %d (default %d)", search.MaxLimit, search.DefaultLimit))
	c.String(p[search.ParamOffset], "offset", "", fmt.Sprintf("skip the first `N` articles, for paging (0 to %d)", search.MaxOffset))
	c.Bool(&any, "any", "an article matching any word is a hit, not only one matching every word")
	c.Bool(&allWords, "all-words", "list only articles with every word: by default, when too few have them all, the list goes on with articles that have most of them")
	c.String(p[search.ParamFrom], "from", "", "only articles published on or after `DAY` (2024-04-09, or a month: 2024-04 from its first day)")
	c.String(p[search.ParamTo], "to", "", "only articles published on or before `DAY` (2024-04-09, or a month: 2024-04 to its last day)")
	c.String(p[search.ParamSort], "sort", "", "`ORDER` of the hits: relevance (the default), newest or oldest first")
	c.String(p[search.ParamSource], "source", "", "only articles from the source `NAME`")
	c.String(p[search.ParamAgency], "agency", "", "only articles crediting the news agency `NAME`")
	c.String(p[search.ParamPerson], "person", "", "only articles naming the person `NAME`")
	c.Bool(&facets, "facets", "also count the matching articles by month, source, agency and person")
	c.Bool(&noCollapse, "no-collapse", "list near-duplicates (the same story published twice) as hits of their own; by default they are folded into the better-ranked one and listed under it")
	c.Bool(&asJSON, "json", "print the result as JSON (its fields are in README.md)")
	c.String(&color, "color", "auto", "highlight matches with colour: `WHEN` is auto, always or never")
	c.Bool(&version, "version", "print the version and the index format this binary reads, and stop")
	c.header, c.footer = overview, queryHelp
	if err := c.parse(args, stdout); err != nil {
		return err
	}
	if version {
		fmt.Fprintln(stdout, versionLine())
		return nil
	}
	if c.fs.NArg() > 0 {
		if !strings.HasPrefix(c.fs.Arg(0), "-") && *p[search.ParamQuery] == "" {
			return usagef("unknown command %q (to search for it, use -q %q)", c.fs.Arg(0), c.fs.Arg(0))
		}
		return usagef("unexpected argument %q", c.fs.Arg(0))
	}
	v := url.Values{}
	for k, s := range p {
		if *s != "" {
			v.Set(k, *s)
		}
	}
	for k, on := range map[string]bool{search.ParamAny: any, search.ParamAllWords: allWords, search.ParamFacets: facets, search.ParamNoCollapse: noCollapse} {
		if on {
			v.Set(k, "1")
		}
	}
	req, err := search.ParseRequest(v)
	var pe *search.ParamError
	switch {
	case errors.Is(err, search.ErrNoQuery):
		return usagef("no query: give one with -q, for example: search -q \"لافروف\"")
	case errors.As(err, &pe):
		return usagef("%s %s", searchFlags[pe.Param], pe.Reason)
	case err != nil:
		return err
	}
	useColor, ok := colorOption(color, stdout)
	if !ok {
		return usagef("--color must be auto, always or never, not %q", color)
	}

	e, err := openEngine(dir)
	if err != nil {
		return err
	}
	defer e.Close()
	resp, err := e.Search(ctx, req)
	if err != nil {
		return err
	}
	if asJSON {
		enc := json.NewEncoder(stdout)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		if err := enc.Encode(resp); err != nil {
			return err
		}
	} else {
		printHits(stdout, resp, useColor)
	}
	if resp.Total == 0 && resp.Partial == 0 {
		return errNoMatch
	}
	return nil
}

// Highlighting of matched words on a terminal, and when piped.
const (
	markOn  = "\x1b[1;33m"
	markOff = "\x1b[0m"
	dimOn   = "\x1b[2m"
)

// colorOption reads --color: whether to highlight with colour on w. It
// is false for a value other than auto, always or never.
func colorOption(when string, w io.Writer) (color, ok bool) {
	switch when {
	case "always":
		return true, true
	case "never":
		return false, true
	case "auto":
		return isTerminal(w) && os.Getenv("NO_COLOR") == "", true
	}
	return false, false
}

// marked writes a snippet with its matches highlighted: in colour, or
// in [brackets].
func marked(s search.Snippet, color bool) string {
	var b strings.Builder
	for _, p := range s {
		switch {
		case p.Match && color:
			b.WriteString(markOn + p.Text + markOff)
		case p.Match:
			b.WriteString("[" + p.Text + "]")
		default:
			b.WriteString(p.Text)
		}
	}
	return b.String()
}

// dimmed writes s faint, in colour.
func dimmed(s string, color bool) string {
	if color {
		return dimOn + s + markOff
	}
	return s
}

// printHits writes a response for people to read.
func printHits(w io.Writer, r *search.Response, color bool) {
	mark := func(s search.Snippet) string { return marked(s, color) }
	dim := func(s string) string { return dimmed(s, color) }
	noun := "articles match"
	if r.Total == 1 {
		noun = "article matches"
	}
	fmt.Fprintf(w, "%d %s %q (%.1f ms)\n", r.Total, noun, r.Query, float64(r.Took.Microseconds())/1000)
	if r.Suggestion != "" {
		fmt.Fprintf(w, "Did you mean: %s\n", r.Suggestion)
	}
	if len(r.Capped) > 0 {
		fmt.Fprintf(w, "Searched for the most frequent forms of %s only: articles with rarer ones are missing; add letters to narrow it.\n", strings.Join(r.Capped, ", "))
	}
	if r.Partial > 0 {
		if r.Total == 0 {
			fmt.Fprintf(w, "No article has every word; %d have most of them.\n", r.Partial)
		} else {
			fmt.Fprintf(w, "%d more have most of the words; they follow, each with the words it lacks.\n", r.Partial)
		}
	}
	if nothingShown(w, r.Stories, len(r.Hits), "articles", "Try fewer words, a prefix such as word*, or fewer filters.") {
		return
	}
	for _, h := range r.Hits {
		fmt.Fprintf(w, "\n%d. %s\n", h.Rank, mark(h.Title))
		meta := []string{fmt.Sprintf("score %.4f", h.Score), h.ID}
		if !h.Date.IsZero() {
			meta = append(meta, h.Date.Format("2006-01-02"))
		}
		if h.Source != "" {
			meta = append(meta, news.SourceName(h.Source))
		}
		fmt.Fprintf(w, "   %s\n", dim(strings.Join(meta, " · ")))
		for _, s := range h.Snippets {
			fmt.Fprintf(w, "   %s\n", mark(s))
		}
		if h.Partial {
			fmt.Fprintf(w, "   %s\n", dim("lacks: "+strings.Join(h.Missing, ", ")))
		}
		if n := len(h.Similar); n > 0 {
			noun := "articles tell"
			if n == 1 {
				noun = "article tells"
			}
			fmt.Fprintf(w, "   %s\n", dim(fmt.Sprintf("%d more %s the same story:", n, noun)))
			for _, s := range h.Similar {
				meta := []string{s.ID}
				if !s.Date.IsZero() {
					meta = append(meta, s.Date.Format("2006-01-02"))
				}
				if s.Source != "" {
					meta = append(meta, news.SourceName(s.Source))
				}
				fmt.Fprintf(w, "     %s\n", dim(s.Title+" · "+strings.Join(meta, " · ")))
			}
		}
	}
	if shown := r.Offset + len(r.Hits); r.More {
		fmt.Fprintf(w, "\nShowing %d–%d of %d; use --offset %d for more.\n", r.Offset+1, shown, r.Stories, shown)
	}
	printFacets(w, r.Facets)
}

// facetTitles name the facets for people, in the order they are printed.
var facetTitles = []struct{ name, title string }{
	{search.FacetMonth, "By month"},
	{search.FacetSource, "By source"},
	{search.FacetAgency, "By agency"},
	{search.FacetPerson, "By person"},
}

// printFacets writes the counts of matching articles by facet, one line
// a facet.
func printFacets(w io.Writer, facets map[string][]search.FacetValue) {
	for _, f := range facetTitles {
		vs := facets[f.name]
		if len(vs) == 0 {
			continue
		}
		parts := make([]string, len(vs))
		for i, v := range vs {
			parts[i] = fmt.Sprintf("%s (%d)", v.Value, v.Count)
		}
		if f.name == search.FacetMonth {
			fmt.Fprintln(w)
		}
		fmt.Fprintf(w, "%s: %s\n", f.title, strings.Join(parts, ", "))
	}
}

// nothingShown tells a reader why a page lists nothing, when it does:
// nothing matched (hint says what to try) or the page lies past the last
// of the total found. It reports whether it said so.
func nothingShown(w io.Writer, total uint64, onPage int, noun, hint string) bool {
	switch {
	case total == 0:
		fmt.Fprintln(w, hint)
	case onPage == 0:
		fmt.Fprintf(w, "No %s on this page: there are %d in all.\n", noun, total)
	default:
		return false
	}
	return true
}
