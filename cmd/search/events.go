package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/url"
	"strings"
	"time"

	"github.com/fahras/fahras/search"
)

// statementFlags and visitFlags are the options of "search statements"
// and "search visits" by the parameter they give, as named in messages.
var (
	statementFlags = map[string]string{
		search.ParamQuery:   "-q",
		search.ParamSpeaker: "--speaker",
		search.ParamFrom:    "--from",
		search.ParamTo:      "--to",
		search.ParamN:       "-n",
		search.ParamLimit:   "-n",
		search.ParamOffset:  "--offset",
	}
	visitFlags = map[string]string{
		search.ParamWho:    "--who",
		search.ParamPlace:  "--to",
		search.ParamFrom:   "--from",
		search.ParamToDate: "--to-date",
		search.ParamN:      "-n",
		search.ParamLimit:  "-n",
		search.ParamOffset: "--offset",
	}
)

// eventOptions are the options "search statements" and "search visits"
// share.
type eventOptions struct {
	dir, color, limit, offset string
	asJSON                    bool
}

// declare declares the shared options; what names what is listed.
func (o *eventOptions) declare(c *command, what string) {
	c.String(&o.dir, "index", "", "read the index in `DIR`, built with \"search index\", instead of the built-in articles")
	c.String(&o.limit, "n,limit", "", fmt.Sprintf("list at most `N` %s, 1 to %d (default %d)", what, search.MaxLimit, search.DefaultLimit))
	c.String(&o.offset, "offset", "", fmt.Sprintf("skip the first `N` %s, for paging (0 to %d)", what, search.MaxOffset))
	c.Bool(&o.asJSON, "json", "print the result as JSON (its fields are in README.md)")
	c.String(&o.color, "color", "auto", "highlight matches with colour: `WHEN` is auto, always or never")
}

// values sets the page's parameters in v.
func (o *eventOptions) values(v url.Values) {
	for k, s := range map[string]string{search.ParamN: o.limit, search.ParamOffset: o.offset} {
		if s != "" {
			v.Set(k, s)
		}
	}
}

// parseEvents parses a command line of "search statements" or "search
// visits", and reads its parameters with parse; flags name the options
// in messages.
func parseEvents[T any](c *command, args []string, stdout io.Writer, o *eventOptions, params map[string]*string,
	flags map[string]string, parse func(url.Values) (T, error)) (req T, color bool, err error) {
	if err := c.parse(args, stdout); err != nil {
		return req, false, err
	}
	if c.fs.NArg() > 0 {
		return req, false, c.usagef("unexpected argument %q", c.fs.Arg(0))
	}
	v := url.Values{}
	for k, s := range params {
		if *s != "" {
			v.Set(k, *s)
		}
	}
	o.values(v)
	req, err = parse(v)
	var pe *search.ParamError
	if errors.As(err, &pe) {
		return req, false, c.usagef("%s %s", flags[pe.Param], pe.Reason)
	} else if err != nil {
		return req, false, err
	}
	color, ok := colorOption(o.color, stdout)
	if !ok {
		return req, false, c.usagef("--color must be auto, always or never, not %q", o.color)
	}
	return req, color, nil
}

// runStatements lists who said what.
func runStatements(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	c := newCommand("statements", "Lists who said what: the statements the articles report, each with its "+
		"speaker (a person by the name Fahras gives them, or an institution), the speaker as the article "+
		"writes them, the speech verb, the words said (a quotation, or the reported clause), the date and "+
		"the articles that report it. A statement several articles report (the same story from two sites, "+
		"the same words quoted twice) is listed once, with all of them as sources.\n\n"+
		"Without -q, the newest first; with -q, the statements that say the query's words, those saying "+
		"more of them first, the words highlighted (in colour on a terminal, in [brackets] when piped). "+
		"Without --index it reads the five articles built into the binary. Exit codes: 0 statements "+
		"listed, 1 none, 2 bad command line, speaker or index, 3 any other failure.",
		"search statements [-q QUERY] [--speaker NAME] [--from DAY] [--to DAY]")
	params := eventParams(search.ParamQuery, search.ParamSpeaker, search.ParamFrom, search.ParamTo)
	var o eventOptions
	c.String(params[search.ParamQuery], "q,query", "", "only the statements saying words of `QUERY` (the search's syntax), best first")
	c.String(params[search.ParamSpeaker], "speaker", "", "only the statements of `NAME`: a person under any spelling (لافروف), or words of a speaker's name (الخارجية الروسية)")
	c.String(params[search.ParamFrom], "from", "", "only statements of articles published on or after `DAY` (2024-04-09, or a month: 2024-04 from its first day)")
	c.String(params[search.ParamTo], "to", "", "only statements of articles published on or before `DAY` (2024-04-09, or a month: 2024-04 to its last day)")
	o.declare(c, "statements")
	req, color, err := parseEvents(c, args, stdout, &o, params, statementFlags, search.ParseStatementRequest)
	if err != nil {
		return err
	}
	return listEvents(ctx, stdout, &o, func(ctx context.Context, e *search.Engine) (*search.StatementResponse, int, error) {
		resp, err := e.Statements(ctx, req)
		if err != nil {
			return nil, 0, err
		}
		return resp, resp.Total, nil
	}, func(resp *search.StatementResponse) { printStatements(stdout, req, resp, color) })
}

// runVisits lists who went where.
func runVisits(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	c := newCommand("visits", "Lists who went where: the visits the articles report, the latest first, "+
		"each with its visitor, the place visited and its country, the days or the month where an article "+
		"gives them, whether it is planned or done, the articles that report it and the sentence that tells "+
		"of it. A visit several articles report, each in its own words, is listed once, with all of them "+
		"as sources; it is done as soon as one of them says so.\n\n"+
		"A visit to a city is a visit to its country too: --to الصين finds a visit to بكين. Without --index "+
		"it reads the five articles built into the binary. Exit codes: 0 visits listed, 1 none, 2 bad "+
		"command line, visitor, place or index, 3 any other failure.",
		"search visits [--who NAME] [--to PLACE] [--from DAY] [--to-date DAY] [options]")
	params := eventParams(search.ParamWho, search.ParamPlace, search.ParamFrom, search.ParamToDate)
	var o eventOptions
	c.String(params[search.ParamWho], "who", "", "only the visits of `NAME`, under any spelling (لافروف)")
	c.String(params[search.ParamPlace], "to", "", "only the visits to `PLACE`: a city, a region or a country (بكين, الصين)")
	c.String(params[search.ParamFrom], "from", "", "only visits on or after `DAY` (2024-04-09, or a month: 2024-04 from its first day): by the visit's days, else by the article's date")
	c.String(params[search.ParamToDate], "to-date", "", "only visits on or before `DAY` (2024-04-09, or a month: 2024-04 to its last day)")
	o.declare(c, "visits")
	req, color, err := parseEvents(c, args, stdout, &o, params, visitFlags, search.ParseVisitRequest)
	if err != nil {
		return err
	}
	return listEvents(ctx, stdout, &o, func(ctx context.Context, e *search.Engine) (*search.VisitResponse, int, error) {
		resp, err := e.Visits(ctx, req)
		if err != nil {
			return nil, 0, err
		}
		return resp, resp.Total, nil
	}, func(resp *search.VisitResponse) { printVisits(stdout, req, resp, color) })
}

// eventParams makes room for the text of each of the parameters keys.
func eventParams(keys ...string) map[string]*string {
	params := make(map[string]*string, len(keys))
	for _, k := range keys {
		params[k] = new(string)
	}
	return params
}

// listEvents opens the index o names, asks it with ask (which returns
// the answer and how many statements or visits it counts) and prints the
// answer as JSON or with show; none found is errNoMatch.
func listEvents[R any](ctx context.Context, stdout io.Writer, o *eventOptions, ask func(context.Context, *search.Engine) (R, int, error), show func(R)) error {
	e, err := openEngine(o.dir)
	if err != nil {
		return err
	}
	defer e.Close()
	resp, total, err := ask(ctx, e)
	if err != nil {
		return err
	}
	if o.asJSON {
		if err := printJSON(stdout, resp); err != nil {
			return err
		}
	} else {
		show(resp)
	}
	if total == 0 {
		return errNoMatch
	}
	return nil
}

// printJSON writes v as indented JSON, marks as <mark>.
func printJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}

// count says how many of a thing there are: "1 statement", "3 statements".
func count(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}

// millis writes a duration in milliseconds.
func millis(d time.Duration) string { return fmt.Sprintf("%.1f ms", float64(d.Microseconds())/1000) }

// day writes a date as 2024-04-09, or "no date".
func day(t time.Time) string {
	if t.IsZero() {
		return "no date"
	}
	return t.Format(time.DateOnly)
}

// printStatements writes statements for people to read: one block each,
// the words said with the query's matches highlighted, and the articles
// that report it.
func printStatements(w io.Writer, req search.StatementRequest, r *search.StatementResponse, color bool) {
	head := count(r.Total, "statement", "statements")
	if req.Speaker != "" {
		head += fmt.Sprintf(" by %q", req.Speaker)
	}
	if strings.TrimSpace(req.Query) != "" {
		head += fmt.Sprintf(" saying %q", req.Query)
	}
	fmt.Fprintf(w, "%s%s (%s)\n", head, period(req.From, req.To), millis(r.Took))
	if nothingShown(w, uint64(r.Total), len(r.Statements), "statements", "Try fewer words, another speaker or a longer period.") {
		return
	}
	for i, s := range r.Statements {
		fmt.Fprintf(w, "\n%d. %s · %s · %s\n", r.Offset+i+1, day(s.Date), s.Speaker, s.Verb)
		if s.SaidAs != "" && s.SaidAs != s.Speaker {
			fmt.Fprintf(w, "   %s\n", dimmed("as written: "+s.SaidAs, color))
		}
		text := marked(s.Text, color)
		if s.Quote {
			text = "«" + text + "»"
		}
		fmt.Fprintf(w, "   %s\n", text)
		printSources(w, s.Sources, color)
	}
	if shown := r.Offset + len(r.Statements); r.More {
		fmt.Fprintf(w, "\nShowing %d–%d of %d; use --offset %d for more.\n", r.Offset+1, shown, r.Total, shown)
	}
}

// printVisits writes visits for people to read: one block each.
func printVisits(w io.Writer, req search.VisitRequest, r *search.VisitResponse, color bool) {
	head := count(r.Total, "visit", "visits")
	if req.Who != "" {
		head += fmt.Sprintf(" by %q", req.Who)
	}
	if req.Place != "" {
		head += fmt.Sprintf(" to %q", req.Place)
	}
	fmt.Fprintf(w, "%s%s (%s)\n", head, period(req.From, req.To), millis(r.Took))
	if nothingShown(w, uint64(r.Total), len(r.Visits), "visits", "Try another spelling of the name or the place, the country, or a longer period.") {
		return
	}
	for i, v := range r.Visits {
		dest := v.Destination
		if v.Country != "" && v.Country != v.Destination {
			dest += " (" + v.Country + ")"
		}
		fmt.Fprintf(w, "\n%d. %s → %s · %s · %s\n", r.Offset+i+1, v.Visitor, dest, visitDays(v), v.Status)
		if v.VisitorAs != "" && v.VisitorAs != v.Visitor {
			fmt.Fprintf(w, "   %s\n", dimmed("as written: "+v.VisitorAs, color))
		}
		fmt.Fprintf(w, "   %s\n", marked(v.Evidence, color))
		printSources(w, v.Sources, color)
	}
	if shown := r.Offset + len(r.Visits); r.More {
		fmt.Fprintf(w, "\nShowing %d–%d of %d; use --offset %d for more.\n", r.Offset+1, shown, r.Total, shown)
	}
}

// period says what period a listing is limited to, or "".
func period(from, to time.Time) string {
	switch {
	case !from.IsZero() && !to.IsZero():
		return " from " + day(from) + " to " + day(to)
	case !from.IsZero():
		return " from " + day(from) + " on"
	case !to.IsZero():
		return " until " + day(to)
	}
	return ""
}

// visitDays says when a visit is: its days, its month, or that the
// articles do not say.
func visitDays(v search.Visit) string {
	switch {
	case !v.From.IsZero() && v.Month != 0:
		return v.From.Format("January 2006")
	case !v.From.IsZero() && v.From.Equal(v.To):
		return day(v.From)
	case !v.From.IsZero():
		return day(v.From) + " to " + day(v.To)
	case v.Month >= 1 && v.Month <= 12:
		return time.Month(v.Month).String() + ", year not given"
	}
	return "days not given"
}

// printSources lists the articles that report a statement or a visit.
func printSources(w io.Writer, rs []search.Report, color bool) {
	line := func(r search.Report) string {
		parts := []string{r.Article, day(r.Date)}
		switch {
		case r.SourceName != "":
			parts = append(parts, r.SourceName)
		case r.Source != "":
			parts = append(parts, r.Source)
		}
		return strings.Join(append(parts, r.Title), " · ")
	}
	if len(rs) == 1 {
		fmt.Fprintf(w, "   %s\n", dimmed("source: "+line(rs[0]), color))
		return
	}
	fmt.Fprintf(w, "   %s\n", dimmed(fmt.Sprintf("%d sources:", len(rs)), color))
	for _, r := range rs {
		fmt.Fprintf(w, "     %s\n", dimmed(line(r), color))
	}
}
