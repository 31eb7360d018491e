package search

import (
	"fmt"
	"net/url"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// The names of a search's parameters as text: the query-string
// parameters of the web API, read by ParseRequest and written by
// Request.Values. The command line's options carry the same names.
const (
	ParamQuery      = "q"
	ParamLimit      = "limit"
	ParamOffset     = "offset"
	ParamAny        = "any"
	ParamAllWords   = "all"
	ParamFrom       = "from"
	ParamTo         = "to"
	ParamSort       = "sort"
	ParamSource     = "source"
	ParamAgency     = "agency"
	ParamPerson     = "person"
	ParamFacets     = "facets"
	ParamNoCollapse = "no_collapse"
)

// MaxFilterBytes bounds a source, agency or person filter.
const MaxFilterBytes = 256

// ErrNoQuery reports parameters without a query, or with one of blanks
// only. It wraps ErrBadQuery.
var ErrNoQuery = fmt.Errorf("%w: no query", ErrBadQuery)

// ParamError is a search parameter whose value cannot be used. It wraps
// ErrBadQuery (and ErrNoQuery when the query is missing).
type ParamError struct {
	// Param is the parameter's name, one of the Param constants.
	Param string
	// Value is the value given, as given.
	Value string
	// Reason says what is wrong, in words that follow the parameter's
	// name: `must be a whole number from 1 to 1000, not "abc"`.
	Reason string
	// Err is what the error wraps: ErrBadQuery, or ErrNoQuery.
	Err error
}

// Error names the parameter and says what is wrong with it.
func (e *ParamError) Error() string { return e.Param + " " + e.Reason }

// Unwrap returns ErrBadQuery, or ErrNoQuery when the query is missing.
func (e *ParamError) Unwrap() error {
	if e.Err == nil {
		return ErrBadQuery
	}
	return e.Err
}

// paramErrorf makes a ParamError about the value v of param.
func paramErrorf(param, v, format string, args ...any) *ParamError {
	return &ParamError{Param: param, Value: v, Reason: fmt.Sprintf(format, args...), Err: ErrBadQuery}
}

// Date forms a period's ends may take: a day, or a month, which stands
// for its first day in From and its last day in To.
const (
	dayForm   = time.DateOnly
	monthForm = "2006-01"
)

// The years a period can start or end in: the index keeps dates as
// nanoseconds since 1970, which reach from 1678 to 2262.
const (
	firstYear = 1700
	lastYear  = 2200
)

// ParseRequest turns a search's parameters, given as text, into a
// Request, and validates it. It is the one reader of search parameters
// for the command line, the search page and the JSON API:
//
//	q            the query (required; at most MaxQueryBytes of UTF-8)
//	limit        hits per page, 1 to MaxLimit (default DefaultLimit)
//	offset       hits to skip, 0 to MaxOffset (default 0)
//	from, to     a period: a day (2024-04-09) or a month (2024-04: from
//	             its first day, to its last), both ends included
//	sort         relevance (the default), newest or oldest
//	source, agency, person
//	             filters, spelled as the facets give them
//	any, all, facets, no_collapse
//	             switches: 1, true, on or yes; 0, false, off, no or empty
//	             (all: only articles with every word, see Request.AllWords)
//
// Other parameters are ignored, and a parameter given twice counts once,
// as first given. Absent parameters take their defaults, so that the
// Request returned has its Limit and Sort set. Every error is a
// *ParamError, which wraps ErrBadQuery; a missing or blank query wraps
// ErrNoQuery too.
func ParseRequest(v url.Values) (Request, error) {
	req := Request{Limit: DefaultLimit, Sort: SortRelevance}
	q := v.Get(ParamQuery)
	if err := checkQuery(q); err != nil {
		return req, err
	}
	req.Query = q
	var err error
	if req.Limit, err = intParam(v, ParamLimit, DefaultLimit, 1, MaxLimit); err != nil {
		return req, err
	}
	if req.Offset, err = intParam(v, ParamOffset, 0, 0, MaxOffset); err != nil {
		return req, err
	}
	for _, b := range []struct {
		name string
		to   *bool
	}{{ParamAny, &req.Any}, {ParamAllWords, &req.AllWords}, {ParamFacets, &req.Facets}, {ParamNoCollapse, &req.NoCollapse}} {
		if *b.to, err = boolParam(v, b.name); err != nil {
			return req, err
		}
	}
	if req.From, err = dateParam(v, ParamFrom, false); err != nil {
		return req, err
	}
	if req.To, err = dateParam(v, ParamTo, true); err != nil {
		return req, err
	}
	if s := strings.ToLower(strings.TrimSpace(v.Get(ParamSort))); s != "" {
		req.Sort = s
	}
	for _, f := range []struct {
		name string
		to   *string
	}{{ParamSource, &req.Source}, {ParamAgency, &req.Agency}, {ParamPerson, &req.Person}} {
		*f.to = strings.TrimSpace(v.Get(f.name))
	}
	if err := req.Validate(); err != nil {
		return req, err
	}
	if strings.TrimSpace(req.Query) == "" {
		return req, &ParamError{Param: ParamQuery, Value: q, Reason: "is missing: say what to look for", Err: ErrNoQuery}
	}
	return req, nil
}

// Validate checks that a request is within the bounds a search accepts:
// a query of at most MaxQueryBytes of valid UTF-8; Limit from 0 (for
// DefaultLimit) to MaxLimit; Offset from 0 to MaxOffset; a known Sort (or
// none); a period within the years 1700 to 2200 that does not end before
// it starts; filters of at most
// MaxFilterBytes of valid UTF-8. It does not parse the query: a query can
// pass and still find nothing to search for. Every error is a
// *ParamError, which wraps ErrBadQuery.
func (r Request) Validate() error {
	if err := checkQuery(r.Query); err != nil {
		return err
	}
	if r.Limit < 0 || r.Limit > MaxLimit {
		return paramErrorf(ParamLimit, strconv.Itoa(r.Limit), "must be a whole number from 1 to %d, not %d", MaxLimit, r.Limit)
	}
	if r.Offset < 0 || r.Offset > MaxOffset {
		return paramErrorf(ParamOffset, strconv.Itoa(r.Offset), "must be a whole number from 0 to %d, not %d", MaxOffset, r.Offset)
	}
	switch r.Sort {
	case "", SortRelevance, SortNewest, SortOldest:
	default:
		return paramErrorf(ParamSort, r.Sort, "must be %s, %s or %s, not %q", SortRelevance, SortNewest, SortOldest, r.Sort)
	}
	for _, d := range []struct {
		name string
		t    time.Time
	}{{ParamFrom, r.From}, {ParamTo, r.To}} {
		if !d.t.IsZero() && (d.t.Year() < firstYear || d.t.Year() > lastYear) {
			day := d.t.Format(dayForm)
			return paramErrorf(d.name, day, "must be a day from %d-01-01 to %d-12-31, not %q", firstYear, lastYear, day)
		}
	}
	if !r.From.IsZero() && !r.To.IsZero() && r.To.Before(r.From) {
		to := r.To.Format(dayForm)
		return paramErrorf(ParamTo, to, "is before from: the period ends (%s) before it starts (%s)", to, r.From.Format(dayForm))
	}
	for _, f := range []struct{ name, value string }{{ParamSource, r.Source}, {ParamAgency, r.Agency}, {ParamPerson, r.Person}} {
		if len(f.value) > MaxFilterBytes || !utf8.ValidString(f.value) {
			return paramErrorf(f.name, f.value, "must be text of at most %d bytes (UTF-8)", MaxFilterBytes)
		}
	}
	return nil
}

// Values writes a request as the parameters ParseRequest reads back,
// leaving out those at their defaults. Plain and IDsOnly have no
// parameter and are not written.
func (r Request) Values() url.Values {
	v := url.Values{ParamQuery: {r.Query}}
	if r.Limit != 0 && r.Limit != DefaultLimit {
		v.Set(ParamLimit, strconv.Itoa(r.Limit))
	}
	if r.Offset != 0 {
		v.Set(ParamOffset, strconv.Itoa(r.Offset))
	}
	for _, b := range []struct {
		name string
		on   bool
	}{{ParamAny, r.Any}, {ParamAllWords, r.AllWords}, {ParamFacets, r.Facets}, {ParamNoCollapse, r.NoCollapse}} {
		if b.on {
			v.Set(b.name, "1")
		}
	}
	if !r.From.IsZero() {
		v.Set(ParamFrom, r.From.Format(dayForm))
	}
	if !r.To.IsZero() {
		v.Set(ParamTo, r.To.Format(dayForm))
	}
	if r.Sort != "" && r.Sort != SortRelevance {
		v.Set(ParamSort, r.Sort)
	}
	for _, f := range []struct{ name, value string }{{ParamSource, r.Source}, {ParamAgency, r.Agency}, {ParamPerson, r.Person}} {
		if f.value != "" {
			v.Set(f.name, f.value)
		}
	}
	return v
}

// checkQuery checks a query's length and encoding.
func checkQuery(q string) error {
	if len(q) > MaxQueryBytes {
		return paramErrorf(ParamQuery, q, "is too long: %d bytes, at most %d", len(q), MaxQueryBytes)
	}
	if !utf8.ValidString(q) {
		return paramErrorf(ParamQuery, q, "is not valid UTF-8 text")
	}
	return nil
}

// intParam reads a whole number from min to max, def when absent.
func intParam(v url.Values, name string, def, min, max int) (int, error) {
	s := strings.TrimSpace(v.Get(name))
	if s == "" {
		return def, nil
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < min || n > max {
		return 0, paramErrorf(name, s, "must be a whole number from %d to %d, not %q", min, max, clipValue(s))
	}
	return n, nil
}

// boolParam reads a switch; absent or empty is off.
func boolParam(v url.Values, name string) (bool, error) {
	s := strings.TrimSpace(v.Get(name))
	switch strings.ToLower(s) {
	case "", "0", "false", "off", "no":
		return false, nil
	case "1", "true", "on", "yes":
		return true, nil
	}
	return false, paramErrorf(name, s, "must be 1 or 0, not %q", clipValue(s))
}

// dateParam reads a day, or a month: its first day, or its last when
// end is true. Absent is the zero time.
func dateParam(v url.Values, name string, end bool) (time.Time, error) {
	s := strings.TrimSpace(v.Get(name))
	if s == "" {
		return time.Time{}, nil
	}
	if t, err := time.Parse(dayForm, s); err == nil {
		return t, nil
	}
	if t, err := time.Parse(monthForm, s); err == nil {
		if end {
			t = t.AddDate(0, 1, -1)
		}
		return t, nil
	}
	return time.Time{}, paramErrorf(name, s, "must be a day such as 2024-04-09 or a month such as 2024-04, not %q", clipValue(s))
}

// clipValue cuts a value quoted in a message to a readable length.
func clipValue(s string) string {
	const max = 40
	if len(s) <= max {
		return s
	}
	return strings.ToValidUTF8(s[:max], "") + "…"
}

// The parameters of statements and visits as text, read by
// ParseStatementRequest and ParseVisitRequest beside ParamQuery,
// ParamOffset and ParamFrom. The command line's options "search
// statements" and "search visits" carry the same names.
const (
	// ParamN is how many statements or visits to list (ParamLimit is read
	// too, when ParamN is absent).
	ParamN = "n"
	// ParamSpeaker keeps one speaker's statements.
	ParamSpeaker = "speaker"
	// ParamWho keeps one visitor's visits.
	ParamWho = "who"
	// ParamPlace keeps the visits to a place. It is "to" (where to), as
	// ParamTo is for statements, whose period ends at ParamTo.
	ParamPlace = "to"
	// ParamToDate is the last day of a period of visits.
	ParamToDate = "to-date"
)

// ParseStatementRequest turns the parameters of a request for
// statements, given as text, into a StatementRequest, and validates it:
//
//	q            words the statements say (optional; at most MaxQueryBytes)
//	speaker      the speaker (optional; at most MaxFilterBytes)
//	from, to     a period: a day (2024-04-09) or a month (2024-04: from
//	             its first day, to its last), both ends included
//	n            statements per page, 1 to MaxLimit (default DefaultLimit;
//	             limit is read when n is absent)
//	offset       statements to skip, 0 to MaxOffset
//
// Other parameters are ignored, and a parameter given twice counts once,
// as first given. Every error is a *ParamError, which wraps ErrBadQuery.
func ParseStatementRequest(v url.Values) (StatementRequest, error) {
	req := StatementRequest{Query: v.Get(ParamQuery), Speaker: strings.TrimSpace(v.Get(ParamSpeaker))}
	var err error
	if req.Limit, req.Offset, err = pageParams(v); err != nil {
		return req, err
	}
	if req.From, err = dateParam(v, ParamFrom, false); err != nil {
		return req, err
	}
	if req.To, err = dateParam(v, ParamTo, true); err != nil {
		return req, err
	}
	return req, req.Validate()
}

// Validate checks that a request for statements is within the bounds
// Engine.Statements accepts, as Request.Validate does for a search: a
// query of at most MaxQueryBytes and a speaker of at most MaxFilterBytes,
// both valid UTF-8; Limit from 0 (for DefaultLimit) to MaxLimit; Offset
// from 0 to MaxOffset; a period within the years 1700 to 2200 that does
// not end before it starts. Every error is a *ParamError, which wraps
// ErrBadQuery.
func (r StatementRequest) Validate() error {
	if err := checkQuery(r.Query); err != nil {
		return err
	}
	if err := checkFilter(ParamSpeaker, r.Speaker); err != nil {
		return err
	}
	return checkEventPage(r.Limit, r.Offset, r.From, r.To, ParamTo)
}

// ParseVisitRequest turns the parameters of a request for visits, given
// as text, into a VisitRequest, and validates it:
//
//	who          the visitor (optional; at most MaxFilterBytes)
//	to           the place visited: a city, a region or a country
//	             (optional; at most MaxFilterBytes)
//	from, to-date
//	             a period, as the from and to of ParseStatementRequest
//	n, offset    as in ParseStatementRequest
//
// Every error is a *ParamError, which wraps ErrBadQuery.
func ParseVisitRequest(v url.Values) (VisitRequest, error) {
	req := VisitRequest{Who: strings.TrimSpace(v.Get(ParamWho)), Place: strings.TrimSpace(v.Get(ParamPlace))}
	var err error
	if req.Limit, req.Offset, err = pageParams(v); err != nil {
		return req, err
	}
	if req.From, err = dateParam(v, ParamFrom, false); err != nil {
		return req, err
	}
	if req.To, err = dateParam(v, ParamToDate, true); err != nil {
		return req, err
	}
	return req, req.Validate()
}

// Validate checks that a request for visits is within the bounds
// Engine.Visits accepts, as StatementRequest.Validate does; the period's
// end is named ParamToDate in its errors.
func (r VisitRequest) Validate() error {
	if err := checkFilter(ParamWho, r.Who); err != nil {
		return err
	}
	if err := checkFilter(ParamPlace, r.Place); err != nil {
		return err
	}
	return checkEventPage(r.Limit, r.Offset, r.From, r.To, ParamToDate)
}

// pageParams reads the page of a request for statements or visits: n
// (or limit) and offset.
func pageParams(v url.Values) (limit, offset int, err error) {
	name := ParamN
	if strings.TrimSpace(v.Get(ParamN)) == "" && strings.TrimSpace(v.Get(ParamLimit)) != "" {
		name = ParamLimit
	}
	if limit, err = intParam(v, name, DefaultLimit, 1, MaxLimit); err != nil {
		return 0, 0, err
	}
	if offset, err = intParam(v, ParamOffset, 0, 0, MaxOffset); err != nil {
		return 0, 0, err
	}
	return limit, offset, nil
}

// checkFilter checks a filter's length and encoding.
func checkFilter(name, value string) error {
	if len(value) > MaxFilterBytes || !utf8.ValidString(value) {
		return paramErrorf(name, value, "must be text of at most %d bytes (UTF-8)", MaxFilterBytes)
	}
	return nil
}

// checkEventPage checks the page and the period of a request for
// statements or visits; toName names the period's end.
func checkEventPage(limit, offset int, from, to time.Time, toName string) error {
	if limit < 0 || limit > MaxLimit {
		return paramErrorf(ParamN, strconv.Itoa(limit), "must be a whole number from 1 to %d, not %d", MaxLimit, limit)
	}
	if offset < 0 || offset > MaxOffset {
		return paramErrorf(ParamOffset, strconv.Itoa(offset), "must be a whole number from 0 to %d, not %d", MaxOffset, offset)
	}
	for _, d := range []struct {
		name string
		t    time.Time
	}{{ParamFrom, from}, {toName, to}} {
		if !d.t.IsZero() && (d.t.Year() < firstYear || d.t.Year() > lastYear) {
			day := d.t.Format(dayForm)
			return paramErrorf(d.name, day, "must be a day from %d-01-01 to %d-12-31, not %q", firstYear, lastYear, day)
		}
	}
	if !from.IsZero() && !to.IsZero() && to.Before(from) {
		day := to.Format(dayForm)
		return paramErrorf(toName, day, "is before from: the period ends (%s) before it starts (%s)", day, from.Format(dayForm))
	}
	return nil
}
