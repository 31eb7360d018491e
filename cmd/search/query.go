package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/fahras/fahras/search"
	"github.com/fahras/fahras/store"
)

// errHelp ends a command that printed its help: exit code 0.
var errHelp = errors.New("help shown")

// indexError is a missing or unreadable index: exit code 2.
type indexError struct{ err error }

func (e indexError) Error() string { return e.err.Error() }
func (e indexError) Unwrap() error { return e.err }

// isUserError tells whether err was caused by what the user gave.
func isUserError(err error) bool {
	var ie indexError
	return errors.Is(err, search.ErrBadQuery) || errors.As(err, &ie)
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
	return strings.Join(names, ", ") + " (default " + string(store.DefaultAnalysis) + ")"
}()

// newFlags makes a flag set that reports errors instead of printing them.
func newFlags(name string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	return fs
}

// parseFlags parses args, flags and other arguments in any order (all
// after "--" are arguments), turning -h into errHelp (after printing the
// usage to stdout) and other mistakes into usage errors. The other
// arguments are left in fs.Args().
func parseFlags(fs *flag.FlagSet, args []string, stdout io.Writer) error {
	var rest []string
	for {
		err := fs.Parse(args)
		if errors.Is(err, flag.ErrHelp) {
			fmt.Fprint(stdout, usageText)
			return errHelp
		}
		if err != nil {
			return usageError{err.Error()}
		}
		left := fs.Args()
		if len(left) == 0 {
			break
		}
		if used := len(args) - len(left); used > 0 && args[used-1] == "--" {
			rest = append(rest, left...)
			break
		}
		rest = append(rest, left[0])
		args = left[1:]
	}
	return fs.Parse(append([]string{"--"}, rest...))
}

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

// runSearch is the default command: search and print ranked hits.
func runSearch(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("search")
	var q, dir, color, from, to, order string
	var limit, offset int
	var any, asJSON bool
	var req search.Request
	fs.StringVar(&q, "q", "", "")
	fs.StringVar(&q, "query", "", "")
	fs.StringVar(&dir, "index", "", "")
	fs.IntVar(&limit, "n", search.DefaultLimit, "")
	fs.IntVar(&limit, "limit", search.DefaultLimit, "")
	fs.IntVar(&offset, "offset", 0, "")
	fs.BoolVar(&any, "any", false, "")
	fs.BoolVar(&asJSON, "json", false, "")
	fs.StringVar(&color, "color", "auto", "")
	fs.StringVar(&from, "from", "", "")
	fs.StringVar(&to, "to", "", "")
	fs.StringVar(&order, "sort", search.SortRelevance, "")
	fs.StringVar(&req.Source, "source", "", "")
	fs.StringVar(&req.Agency, "agency", "", "")
	fs.StringVar(&req.Person, "person", "", "")
	fs.BoolVar(&req.Facets, "facets", false, "")
	fs.BoolVar(&req.NoCollapse, "no-collapse", false, "")
	if err := parseFlags(fs, args, stdout); err != nil {
		return err
	}
	var err error
	if req.From, err = parseDay("--from", from); err != nil {
		return err
	}
	if req.To, err = parseDay("--to", to); err != nil {
		return err
	}
	switch order {
	case search.SortRelevance, search.SortNewest, search.SortOldest:
		req.Sort = order
	default:
		return usagef("--sort must be %s, %s or %s", search.SortRelevance, search.SortNewest, search.SortOldest)
	}
	if fs.NArg() > 0 {
		if !strings.HasPrefix(fs.Arg(0), "-") && q == "" {
			return usagef("unknown command %q (to search for it, use -q %q)", fs.Arg(0), fs.Arg(0))
		}
		return usagef("unexpected argument %q", fs.Arg(0))
	}
	if strings.TrimSpace(q) == "" {
		return usagef("no query: give one with -q, for example: search -q \"لافروف\"")
	}
	if limit < 1 || limit > search.MaxLimit {
		return usagef("-n must be between 1 and %d", search.MaxLimit)
	}
	if offset < 0 || offset > search.MaxOffset {
		return usagef("--offset must be between 0 and %d", search.MaxOffset)
	}
	useColor := false
	switch color {
	case "always":
		useColor = true
	case "never":
	case "auto":
		useColor = isTerminal(stdout) && os.Getenv("NO_COLOR") == ""
	default:
		return usagef("--color must be auto, always or never")
	}

	e, err := openEngine(dir)
	if err != nil {
		return err
	}
	defer e.Close()
	req.Query, req.Limit, req.Offset, req.Any = q, limit, offset, any
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
	if resp.Total == 0 {
		return errNoMatch
	}
	return nil
}

// parseDay reads a day given as YYYY-MM-DD, or a month as YYYY-MM (its
// first day for --from, its last for --to); empty is no day.
func parseDay(flag, s string) (time.Time, error) {
	if s == "" {
		return time.Time{}, nil
	}
	if t, err := time.Parse(time.DateOnly, s); err == nil {
		return t, nil
	}
	if t, err := time.Parse("2006-01", s); err == nil {
		if flag == "--to" {
			t = t.AddDate(0, 1, -1)
		}
		return t, nil
	}
	return time.Time{}, usagef("%s must be a day such as 2024-04-09 or a month such as 2024-04, not %q", flag, s)
}

// Highlighting of matched words on a terminal, and when piped.
const (
	markOn  = "\x1b[1;33m"
	markOff = "\x1b[0m"
	dimOn   = "\x1b[2m"
)

// printHits writes a response for people to read.
func printHits(w io.Writer, r *search.Response, color bool) {
	mark := func(s search.Snippet) string {
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
	dim := func(s string) string {
		if color {
			return dimOn + s + markOff
		}
		return s
	}
	noun := "articles match"
	if r.Total == 1 {
		noun = "article matches"
	}
	fmt.Fprintf(w, "%d %s %q (%.1f ms)\n", r.Total, noun, r.Query, float64(r.Took.Microseconds())/1000)
	if r.Relaxed {
		fmt.Fprintln(w, "No article has every word; showing articles with any of them.")
	}
	if r.Total == 0 {
		fmt.Fprintln(w, "Try fewer words, a prefix such as word*, or fewer filters.")
		return
	}
	if len(r.Hits) == 0 {
		fmt.Fprintf(w, "No articles on this page: there are %d in all.\n", r.Total)
		return
	}
	for _, h := range r.Hits {
		fmt.Fprintf(w, "\n%d. %s\n", h.Rank, mark(h.Title))
		meta := []string{fmt.Sprintf("score %.4f", h.Score), h.ID}
		if !h.Date.IsZero() {
			meta = append(meta, h.Date.Format("2006-01-02"))
		}
		if h.Source != "" {
			meta = append(meta, h.Source)
		}
		fmt.Fprintf(w, "   %s\n", dim(strings.Join(meta, " · ")))
		for _, s := range h.Snippets {
			fmt.Fprintf(w, "   %s\n", mark(s))
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
					meta = append(meta, s.Source)
				}
				fmt.Fprintf(w, "     %s\n", dim(s.Title+" · "+strings.Join(meta, " · ")))
			}
		}
	}
	if shown := r.Offset + len(r.Hits); r.More {
		fmt.Fprintf(w, "\nShowing %d–%d of %d; use --offset %d for more.\n", r.Offset+1, shown, r.Total, shown)
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
