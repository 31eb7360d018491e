package search_test

import (
	"errors"
	"fmt"
	"net/url"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/fahras/fahras/search"
)

func day(s string) time.Time {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return t
}

// Every parameter's forms, as the command line, the page and the API
// give them, read into one Request.
func TestParseRequest(t *testing.T) {
	base := search.Request{Query: "لافروف", Limit: search.DefaultLimit, Sort: search.SortRelevance}
	with := func(f func(*search.Request)) search.Request {
		r := base
		f(&r)
		return r
	}
	for _, c := range []struct {
		query string
		want  search.Request
	}{
		{"q=لافروف", base},
		{"q=" + url.QueryEscape(`"وزير الخارجية" -بوتين`), with(func(r *search.Request) { r.Query = `"وزير الخارجية" -بوتين` })},
		{"q=لافروف&limit=3&offset=20", with(func(r *search.Request) { r.Limit, r.Offset = 3, 20 })},
		{"q=لافروف&limit=+7+", with(func(r *search.Request) { r.Limit = 7 })},
		{"q=لافروف&any=1&facets=true&no_collapse=on", with(func(r *search.Request) { r.Any, r.Facets, r.NoCollapse = true, true, true })},
		{"q=لافروف&any=0&facets=no&no_collapse=", base},
		// A day, or a month: from its first day, to its last.
		{"q=لافروف&from=2024-04-09&to=2024-04-09", with(func(r *search.Request) { r.From, r.To = day("2024-04-09"), day("2024-04-09") })},
		{"q=لافروف&from=2024-04&to=2024-04", with(func(r *search.Request) { r.From, r.To = day("2024-04-01"), day("2024-04-30") })},
		{"q=لافروف&from=2015-07", with(func(r *search.Request) { r.From = day("2015-07-01") })},
		{"q=لافروف&to=2024-02", with(func(r *search.Request) { r.To = day("2024-02-29") })},
		// relevance, given or not, is the same request.
		{"q=لافروف&sort=relevance", base},
		{"q=لافروف&sort=Newest", with(func(r *search.Request) { r.Sort = search.SortNewest })},
		{"q=لافروف&sort=oldest", with(func(r *search.Request) { r.Sort = search.SortOldest })},
		{"q=لافروف&source=aawsat&agency=" + url.QueryEscape(" رويترز ") + "&person=" + url.QueryEscape("وانغ يي"),
			with(func(r *search.Request) { r.Source, r.Agency, r.Person = "aawsat", "رويترز", "وانغ يي" })},
		// Parameters of the page or unknown ones are not the search's.
		{"q=لافروف&page=2&back=%2F&x=y", base},
		// The first of a repeated parameter counts.
		{"q=لافروف&q=بوتين&limit=2&limit=3", with(func(r *search.Request) { r.Limit = 2 })},
	} {
		v, err := url.ParseQuery(c.query)
		if err != nil {
			t.Fatal(err)
		}
		got, err := search.ParseRequest(v)
		if err != nil {
			t.Errorf("%s: %v", c.query, err)
			continue
		}
		if !reflect.DeepEqual(got, c.want) {
			t.Errorf("%s:\n got %+v\nwant %+v", c.query, got, c.want)
		}
	}
}

// Each mistake is a ParamError naming the parameter and saying what it
// takes, wrapping ErrBadQuery.
func TestParseRequestErrors(t *testing.T) {
	long := strings.Repeat("لافروف ", search.MaxQueryBytes/len("لافروف ")+1)
	for _, c := range []struct {
		query, param, says string
		noQuery            bool
	}{
		{"", "q", "q is missing", true},
		{"q=++++", "q", "q is missing", true},
		{"limit=5", "q", "q is missing", true},
		{"q=" + url.QueryEscape(long), "q", "q is too long: 4108 bytes, at most 4096", false},
		{"q=%ff%fe", "q", "q is not valid UTF-8 text", false},
		{"q=x&limit=abc", "limit", `limit must be a whole number from 1 to 1000, not "abc"`, false},
		{"q=x&limit=0", "limit", `limit must be a whole number from 1 to 1000, not "0"`, false},
		{"q=x&limit=1001", "limit", "from 1 to 1000", false},
		{"q=x&offset=-1", "offset", `offset must be a whole number from 0 to 10000, not "-1"`, false},
		{"q=x&offset=1e3", "offset", `not "1e3"`, false},
		{"q=x&offset=" + strings.Repeat("9", 60), "offset", `not "` + strings.Repeat("9", 40) + `…"`, false},
		{"q=x&any=maybe", "any", `any must be 1 or 0, not "maybe"`, false},
		{"q=x&facets=2", "facets", "facets must be 1 or 0", false},
		{"q=x&no_collapse=all", "no_collapse", "no_collapse must be 1 or 0", false},
		{"q=x&from=9-4-2024", "from", `from must be a day such as 2024-04-09 or a month such as 2024-04, not "9-4-2024"`, false},
		{"q=x&to=tomorrow", "to", "to must be a day such as", false},
		{"q=x&from=2024-13-01", "from", "from must be a day", false},
		{"q=x&from=2024-02-30", "from", "from must be a day", false},
		{"q=x&to=0000-01", "to", `to must be a day from 1700-01-01 to 2200-12-31, not "0000-01-31"`, false},
		{"q=x&from=2263-04-09", "from", `from must be a day from 1700-01-01 to 2200-12-31, not "2263-04-09"`, false},
		{"q=x&from=2024-05&to=2024-04", "to", "to is before from: the period ends (2024-04-30) before it starts (2024-05-01)", false},
		{"q=x&sort=random", "sort", `sort must be relevance, newest or oldest, not "random"`, false},
		{"q=x&source=" + strings.Repeat("x", 300), "source", "source must be text of at most 256 bytes", false},
		{"q=x&person=%ff", "person", "person must be text", false},
		// A blank query with another mistake reports the mistake.
		{"q=&sort=random", "sort", "sort must be", false},
	} {
		v, err := url.ParseQuery(c.query)
		if err != nil {
			t.Fatal(err)
		}
		_, err = search.ParseRequest(v)
		var pe *search.ParamError
		if !errors.As(err, &pe) {
			t.Errorf("%.60s: error %v is not a ParamError", c.query, err)
			continue
		}
		if pe.Param != c.param || !strings.Contains(err.Error(), c.says) {
			t.Errorf("%.60s: %s: %q does not say %q", c.query, pe.Param, err, c.says)
		}
		if !errors.Is(err, search.ErrBadQuery) || errors.Is(err, search.ErrNoQuery) != c.noQuery {
			t.Errorf("%.60s: %v wraps ErrBadQuery %v, ErrNoQuery %v", c.query, err, errors.Is(err, search.ErrBadQuery), errors.Is(err, search.ErrNoQuery))
		}
		if strings.Contains(err.Error(), "\n") || len(err.Error()) > 200 {
			t.Errorf("%.60s: not one short line: %q", c.query, err)
		}
	}
}

// A Request given directly by a program is held to the same bounds.
func TestRequestValidate(t *testing.T) {
	for _, c := range []struct {
		req   search.Request
		param string
	}{
		{search.Request{Query: "لافروف"}, ""},
		{search.Request{Query: "لافروف", Limit: search.MaxLimit, Offset: search.MaxOffset, Sort: search.SortNewest}, ""},
		{search.Request{Query: "لافروف", From: day("2024-04-09"), To: day("2024-04-09")}, ""},
		{search.Request{Query: "لافروف", Limit: -1}, "limit"},
		{search.Request{Query: "لافروف", Limit: search.MaxLimit + 1}, "limit"},
		{search.Request{Query: "لافروف", Offset: -5}, "offset"},
		{search.Request{Query: "لافروف", Sort: "score"}, "sort"},
		{search.Request{Query: "لافروف", From: time.Date(1, 1, 1, 0, 0, 0, 1, time.UTC)}, "from"},
		{search.Request{Query: "لافروف", From: day("2024-04-10"), To: day("2024-04-09")}, "to"},
		{search.Request{Query: "\xff"}, "q"},
		{search.Request{Query: "لافروف", Agency: strings.Repeat("ا", 200)}, "agency"},
	} {
		err := c.req.Validate()
		var pe *search.ParamError
		switch {
		case c.param == "" && err != nil:
			t.Errorf("%+v: %v", c.req, err)
		case c.param != "" && (!errors.As(err, &pe) || pe.Param != c.param || !errors.Is(err, search.ErrBadQuery)):
			t.Errorf("%+v: error %v, want one about %s", c.req, err, c.param)
		}
	}
}

// What Values writes, ParseRequest reads back as it was; defaults are
// left out of the link.
func TestRequestValuesRoundTrip(t *testing.T) {
	for _, r := range []search.Request{
		{Query: "لافروف", Limit: search.DefaultLimit, Sort: search.SortRelevance},
		{Query: `"وزير الخارجية" بكين`, Limit: 3, Offset: 6, Any: true, Facets: true, NoCollapse: true,
			From: day("2024-04-01"), To: day("2024-04-30"), Sort: search.SortOldest, Source: "aawsat", Agency: "رويترز", Person: "وانغ يي"},
	} {
		v := r.Values()
		got, err := search.ParseRequest(v)
		if err != nil || !reflect.DeepEqual(got, r) {
			t.Errorf("%v: got %+v, %v; want %+v", v, got, err, r)
		}
	}
	v := search.Request{Query: "لافروف", Limit: search.DefaultLimit, Sort: search.SortRelevance}.Values()
	if v.Encode() != "q="+url.QueryEscape("لافروف") {
		t.Errorf("defaults written: %s", v.Encode())
	}
}

// Any parameters: an error that wraps ErrBadQuery, or a valid Request
// that its Values read back the same.
func FuzzParseRequest(f *testing.F) {
	for _, s := range []string{
		"q=لافروف", "q=%22وزير+الخارجية%22+-بوتين&limit=3&offset=2&any=1",
		"q=بوتين&from=2024-04&to=2024-04-09&sort=newest&source=aawsat&agency=رويترز&person=وانغ+يي&facets=yes&no_collapse=on",
		"q=%ff", "q=x&limit=1e3", "q=x&from=2024-13", "q=+++&sort=Oldest", "q=x&to=0000-01",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, raw string) {
		v, _ := url.ParseQuery(raw)
		r, err := search.ParseRequest(v)
		if err != nil {
			var pe *search.ParamError
			if !errors.Is(err, search.ErrBadQuery) || !errors.As(err, &pe) || strings.Contains(err.Error(), "\n") {
				t.Fatalf("%q: %v", raw, err)
			}
			return
		}
		if err := r.Validate(); err != nil {
			t.Fatalf("%q: parsed %+v does not validate: %v", raw, r, err)
		}
		back, err := search.ParseRequest(r.Values())
		if err != nil || !reflect.DeepEqual(back, r) {
			t.Fatalf("%q: %+v read back as %+v, %v", raw, r, back, err)
		}
	})
}

func ExampleParseRequest() {
	v, _ := url.ParseQuery("q=لافروف&from=2024-04&sort=newest&limit=3")
	req, err := search.ParseRequest(v)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(req.Query, req.Limit, req.From.Format(time.DateOnly), req.Sort)

	v, _ = url.ParseQuery("q=لافروف&to=2024-04-31")
	_, err = search.ParseRequest(v)
	fmt.Println(err)
	// Output:
	// لافروف 3 2024-04-01 newest
	// to must be a day such as 2024-04-09 or a month such as 2024-04, not "2024-04-31"
}

// The parameters of requests for statements and visits, as the API and
// the person page take them.
func TestParseEventRequests(t *testing.T) {
	day := func(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }
	st, err := search.ParseStatementRequest(url.Values{"q": {"أوكرانيا"}, "speaker": {" لافروف "}, "from": {"2024-04"}, "to": {"2024-04-09"}, "limit": {"5"}, "offset": {"10"}})
	if err != nil {
		t.Fatal(err)
	}
	if st.Query != "أوكرانيا" || st.Speaker != "لافروف" || !st.From.Equal(day(2024, 4, 1)) || st.To.Format("2006-01-02") != "2024-04-09" || st.Limit != 5 || st.Offset != 10 {
		t.Errorf("statements: %+v", st)
	}
	vr, err := search.ParseVisitRequest(url.Values{"who": {"بوتين"}, "to": {"بكين"}, "to-date": {"2024-05"}, "n": {"3"}, "limit": {"7"}})
	if err != nil {
		t.Fatal(err)
	}
	if vr.Who != "بوتين" || vr.Place != "بكين" || vr.To.Format("2006-01-02") != "2024-05-31" || vr.Limit != 3 {
		t.Errorf("visits: %+v (n wins over limit; to-date a month's last day)", vr)
	}
	for _, c := range []struct {
		visits bool
		raw    string
		want   string
	}{
		{false, "n=0", "n must be a whole number from 1 to 1000"},
		{false, "offset=-1", "offset must be a whole number from 0 to 10000"},
		{false, "from=2024-05&to=2024-04", "the period ends (2024-04-30) before it starts (2024-05-01)"},
		{false, "speaker=" + strings.Repeat("ب", 200), "speaker must be text of at most 256 bytes"},
		{true, "to-date=2024-13", "to-date"},
		{true, "who=%ff", "who must be text"},
		{true, "from=2024-05&to-date=2024-04", "to-date is before from"},
	} {
		v, _ := url.ParseQuery(c.raw)
		var err error
		if c.visits {
			_, err = search.ParseVisitRequest(v)
		} else {
			_, err = search.ParseStatementRequest(v)
		}
		var pe *search.ParamError
		if !errors.Is(err, search.ErrBadQuery) || !errors.As(err, &pe) || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: %v, want a bad query saying %q", c.raw, err, c.want)
		}
	}
}

// Any parameters give a request that validates, or one line of error.
func FuzzParseEventRequests(f *testing.F) {
	for _, s := range []string{
		"q=أوكرانيا&speaker=لافروف&from=2024-04&to=2024-04-09&n=5&offset=2",
		"who=بوتين&to=بكين&from=2022-02&to-date=2024-12&limit=3",
		"who=%ff", "n=1e3", "to-date=2024-13", "speaker=+++&to=0000-01",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, raw string) {
		v, _ := url.ParseQuery(raw)
		check := func(err error, validate func() error) {
			if err != nil {
				var pe *search.ParamError
				if !errors.Is(err, search.ErrBadQuery) || !errors.As(err, &pe) || strings.Contains(err.Error(), "\n") {
					t.Fatalf("%q: %v", raw, err)
				}
				return
			}
			if err := validate(); err != nil {
				t.Fatalf("%q: parsed, yet does not validate: %v", raw, err)
			}
		}
		st, err := search.ParseStatementRequest(v)
		check(err, st.Validate)
		vr, err := search.ParseVisitRequest(v)
		check(err, vr.Validate)
	})
}
