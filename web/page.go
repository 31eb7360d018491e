package web

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"html/template"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/fahras/fahras/indexer/news"
	"github.com/fahras/fahras/search"
)

// examples are offered on the empty search page: words from the built-in
// articles.
var examples = []string{"لافروف", `"وزير الخارجية"`, "بوتين بكين", "الحزام والطريق"}

// searchParams are what a search page is asked for: a search request
// whose Limit and Offset are the page's. Every link of the page carries
// them.
type searchParams struct {
	search.Request
	Page int
}

// values encodes the parameters for a link to page n.
func (p searchParams) values(n int) url.Values {
	v := p.Request.Values()
	v.Del(search.ParamLimit)
	v.Del(search.ParamOffset)
	v.Del(search.ParamFacets) // the page always counts them
	if n > 1 {
		v.Set("page", strconv.Itoa(n))
	}
	return v
}

// URL links to page n of the search.
func (p searchParams) URL(n int) string { return "/?" + p.values(n).Encode() }

// Suggest is the link to the first page of results for another query,
// with the same options: a "did you mean" link.
func (p searchParams) Suggest(q string) string {
	p.Query = q
	return p.URL(1)
}

// FromDay and ToDay are the period's ends as YYYY-MM-DD, or "".
func (p searchParams) FromDay() string { return dayText(p.From) }

// ToDay is the period's end as YYYY-MM-DD, or "".
func (p searchParams) ToDay() string { return dayText(p.To) }

func dayText(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format(time.DateOnly)
}

// With returns the first page of the search with one parameter changed:
// source, agency or person, or from or to removed ("" removes any).
func (p searchParams) With(name, value string) string {
	switch name {
	case search.ParamFrom:
		p.From = time.Time{}
	case search.ParamTo:
		p.To = time.Time{}
	case search.ParamSource:
		p.Source = value
	case search.ParamAgency:
		p.Agency = value
	case search.ParamPerson:
		p.Person = value
	}
	return p.URL(1)
}

// Month returns the first page of the search limited to one month,
// given as YYYY-MM.
func (p searchParams) Month(month string) string {
	t, err := time.Parse("2006-01", month)
	if err != nil {
		return p.URL(1)
	}
	p.From, p.To = t, t.AddDate(0, 1, -1)
	return p.URL(1)
}

// Article links to an article found by this search, with the way back.
func (p searchParams) Article(id string) string {
	v := url.Values{}
	if p.Query != "" {
		v.Set("q", p.Query)
		v.Set("back", p.URL(p.Page))
	}
	return link("/article/"+url.PathEscape(id), v)
}

// Filtered tells whether any filter narrows the search.
func (p searchParams) Filtered() bool {
	return !p.From.IsZero() || !p.To.IsZero() || p.Source != "" || p.Agency != "" || p.Person != ""
}

// searchView is what the search page shows.
type searchView struct {
	searchParams
	Articles uint64 // in the index
	Examples []string
	Sorts    []option

	Searched bool // a query was given and run
	Error    string
	Resp     *search.Response
	Facets   []facet
	Pages    []pageLink
	Prev     string // link to the previous page, or ""
	Next     string

	// People are the statements of the people the query names, shown
	// first on the first page.
	People []personBox
}

// option is one choice of a select box.
type option struct{ Value, Label string }

var sorts = []option{{search.SortRelevance, "الأكثر صلة"}, {search.SortNewest, "الأحدث أولًا"}, {search.SortOldest, "الأقدم أولًا"}}

// facet is one facet's values, each a link that filters by it.
type facet struct {
	Name   string // Arabic
	Values []facetLink
}

type facetLink struct {
	Label  string
	Count  int
	URL    string
	Active bool
}

// pageLink is one link of the pagination.
type pageLink struct {
	N       int
	URL     string
	Current bool
	Gap     bool // an ellipsis, not a link
}

// readSearchParams reads the search page's parameters: the page number
// and the search's. A missing query is no error: the page shows the form.
func (s *server) readSearchParams(r *http.Request) (searchParams, error) {
	p := searchParams{Page: 1, Request: search.Request{Sort: search.SortRelevance}}
	v, err := queryValues(r)
	if err != nil {
		return p, err
	}
	maxPage := search.MaxOffset/s.pageSize + 1
	if p.Page, err = pageParam(v, maxPage); err != nil {
		p.Query = clip(v.Get(search.ParamQuery), search.MaxQueryBytes)
		return p, err
	}
	v.Set(search.ParamLimit, strconv.Itoa(s.pageSize))
	v.Set(search.ParamOffset, strconv.Itoa((p.Page-1)*s.pageSize))
	v.Set(search.ParamFacets, "1")
	req, err := search.ParseRequest(v)
	if errors.Is(err, search.ErrNoQuery) {
		return p, nil
	}
	if err != nil {
		p.Query = clip(v.Get(search.ParamQuery), search.MaxQueryBytes)
		return p, err
	}
	p.Request = req
	return p, nil
}

// searchPage answers GET /: the form, and the results when q is given.
func (s *server) searchPage(w http.ResponseWriter, r *http.Request) {
	view := &searchView{Articles: s.engine.Info().Articles, Examples: examples, Sorts: sorts}
	status := http.StatusOK
	fail := func(err error) {
		var m message
		status, m = s.classify(r, err)
		view.Error = m.ar
		if errors.Is(err, errBusy) {
			w.Header().Set("Retry-After", "1")
		}
	}
	var err error
	view.searchParams, err = s.readSearchParams(r)
	if err != nil {
		fail(err)
	}
	if view.Error != "" || strings.TrimSpace(view.Query) == "" {
		s.render(w, "search", status, view)
		return
	}
	req := view.Request
	resp, err := call(s, r, func(ctx context.Context) (*search.Response, error) {
		return s.engine.Search(ctx, req)
	})
	if err != nil {
		fail(err)
		s.render(w, "search", status, view)
		return
	}
	view.Searched = true
	view.Resp = resp
	if view.Page == 1 {
		back := view.URL(1)
		p := view.searchParams
		boxes, err := call(s, r, func(ctx context.Context) ([]personBox, error) { return s.peopleBoxes(ctx, p, back) })
		if err != nil {
			// The results stand without the statements; only the
			// server's own failures are logged.
			s.classify(r, err)
		}
		view.People = boxes
	}
	s.paginate(view, search.MaxOffset/s.pageSize+1)
	view.Facets = facets(view.searchParams, resp.Facets)
	s.render(w, "search", status, view)
}

// facetNames are the facets shown, in order, with their Arabic names.
var facetNames = []struct{ key, name string }{
	{search.FacetMonth, "الشهر"},
	{search.FacetSource, "المصدر"},
	{search.FacetAgency, "الوكالة"},
	{search.FacetPerson, "الأشخاص"},
}

// facets turns the response's counts into filter links.
func facets(p searchParams, counts map[string][]search.FacetValue) []facet {
	var out []facet
	for _, fn := range facetNames {
		vals := counts[fn.key]
		if len(vals) == 0 {
			continue
		}
		f := facet{Name: fn.name}
		for _, v := range vals {
			l := facetLink{Label: v.Value, Count: v.Count}
			if v.Label != "" {
				l.Label = v.Label
			}
			switch fn.key {
			case search.FacetMonth:
				l.Label = monthLabel(v.Value)
				l.URL = p.Month(v.Value)
				l.Active = strings.HasPrefix(p.FromDay(), v.Value) && strings.HasPrefix(p.ToDay(), v.Value)
			case search.FacetSource:
				l.URL, l.Active = p.With("source", v.Value), p.Source == v.Value
			case search.FacetAgency:
				l.URL, l.Active = p.With("agency", v.Value), p.Agency == v.Value
			case search.FacetPerson:
				l.URL, l.Active = p.With("person", v.Value), p.Person == v.Value
			}
			f.Values = append(f.Values, l)
		}
		out = append(out, f)
	}
	return out
}

// monthLabel writes YYYY-MM as an Arabic month and year.
func monthLabel(m string) string {
	t, err := time.Parse("2006-01", m)
	if err != nil {
		return m
	}
	return fmt.Sprintf("%s %d", arabicMonths[t.Month()-1], t.Year())
}

// paginate fills in the links to the other pages of results: as many as
// the response's Stories fill (near-duplicates folded into one hit each),
// and the last page is the current one when the response has no more.
func (s *server) paginate(v *searchView, maxPage int) {
	total := int(min(v.Resp.Stories, uint64(maxPage*s.pageSize)))
	last := max((total+s.pageSize-1)/s.pageSize, 1)
	if !v.Resp.More {
		last = min(last, v.Page)
	}
	last = min(max(last, v.Page), maxPage)
	if last <= 1 {
		return
	}
	if v.Page > 1 {
		v.Prev = v.URL(v.Page - 1)
	}
	if v.Page < last && v.Resp.More {
		v.Next = v.URL(v.Page + 1)
	}
	gap := false
	for n := 1; n <= last; n++ {
		if n == 1 || n == last || (n >= v.Page-2 && n <= v.Page+2) {
			v.Pages = append(v.Pages, pageLink{N: n, URL: v.URL(n), Current: n == v.Page})
			gap = false
		} else if !gap {
			v.Pages = append(v.Pages, pageLink{Gap: true})
			gap = true
		}
	}
}

// articleView is what the article page shows.
type articleView struct {
	Query   string
	Article *search.Article
	Paras   []search.Snippet
	Span    bool // a statement's words are marked
	Marks   int
	// Back is the page the reader came from: results, or a person's
	// page; BackTo names it.
	Back   string
	BackTo backLink
}

// backLink names the page a link goes back to: the results of a query,
// or a person's page.
type backLink struct {
	Person bool
	Name   string // the query, or the person
}

// backTo reads a link back to a page of this site, the search results or
// a person's page, and what it links to; ok is false for any other link.
func backTo(back string) (backLink, bool) {
	if len(back) > 2*search.MaxQueryBytes {
		return backLink{}, false
	}
	u, err := url.Parse(back)
	if err != nil || u.Scheme != "" || u.Host != "" || u.User != nil {
		return backLink{}, false
	}
	switch {
	case strings.HasPrefix(back, "/?"):
		return backLink{Name: u.Query().Get(search.ParamQuery)}, true
	case strings.HasPrefix(back, "/person/") && !strings.Contains(strings.TrimPrefix(u.EscapedPath(), "/person/"), "/"):
		name, err := url.PathUnescape(strings.TrimPrefix(u.EscapedPath(), "/person/"))
		return backLink{Person: true, Name: name}, err == nil && name != ""
	}
	return backLink{}, false
}

// articlePage answers GET /article/{id}: the whole article, the query's
// matches or a statement's words marked.
func (s *server) articlePage(w http.ResponseWriter, r *http.Request) {
	a, opts, err := s.article(r)
	if err != nil {
		s.failWith(w, r, err)
		return
	}
	q := opts.Query
	view := &articleView{Query: q, Article: a, Paras: a.Body.Paragraphs(), Span: opts.End > opts.Start}
	if b, ok := backTo(r.URL.Query().Get("back")); ok {
		view.Back, view.BackTo = r.URL.Query().Get("back"), b
		if !b.Person && strings.TrimSpace(q) != "" {
			view.BackTo.Name = q
		}
	} else if strings.TrimSpace(q) != "" {
		view.Back = searchParams{Request: search.Request{Query: q}}.URL(1)
		view.BackTo.Name = q
	}
	for _, p := range a.Body {
		if p.Match {
			view.Marks++
		}
	}
	s.render(w, "article", http.StatusOK, view)
}

// errorView is what an error page shows.
type errorView struct {
	Status  int
	Message string
}

// errorPage answers a person with an error page.
func (s *server) errorPage(w http.ResponseWriter, r *http.Request, status int, m message) {
	s.render(w, "error", status, &errorView{Status: status, Message: m.ar})
}

// render executes a page into a buffer first, so that a failing template
// never sends half a page.
func (s *server) render(w http.ResponseWriter, page string, status int, data any) {
	var b bytes.Buffer
	if err := s.pages[page].Execute(&b, data); err != nil {
		s.log.Printf("web: rendering %s: %v", page, err)
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		w.WriteHeader(http.StatusInternalServerError)
		fmt.Fprintln(w, "internal error")
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	w.Write(b.Bytes())
}

// clip cuts s to at most n bytes, dropping a character cut in two.
func clip(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return strings.ToValidUTF8(s[:n], "")
}

// funcs are the templates' helpers.
var funcs = template.FuncMap{
	"articles":   func(n uint64) string { return articlesNoun.count(int(n)) },
	"arDate":     arabicDate,
	"sourceName": news.SourceName,
	"isoDate":    func(t time.Time) string { return t.Format("2006-01-02") },
	"took":       tookText,
	"articleURL": articleURL,
	"similar":    similarNoun.count,
	"add":        func(a, b int) int { return a + b },
	"safeURL":    safeURL,
	"statements": statementsNoun.count,
	"visits":     visitsNoun.count,
}

// articleURL links to an article, with the query to mark in it.
func articleURL(id, q string) string {
	v := url.Values{}
	if q != "" {
		v.Set("q", q)
	}
	return link("/article/"+url.PathEscape(id), v)
}

// link is a path of this site with its parameters, when it has any.
func link(path string, v url.Values) string {
	if len(v) == 0 {
		return path
	}
	return path + "?" + v.Encode()
}

// safeURL keeps an article's own address only when it is http or https.
func safeURL(s string) string {
	u, err := url.Parse(s)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return ""
	}
	return u.String()
}

var arabicMonths = [...]string{"يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو",
	"يوليو", "أغسطس", "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر"}

// arabicDate writes a date as ٢ أبريل 2024 would be read: day, month
// name, year.
func arabicDate(t time.Time) string {
	return fmt.Sprintf("%d %s %d", t.Day(), arabicMonths[t.Month()-1], t.Year())
}

// tookText says how long a search took.
func tookText(d time.Duration) string {
	ms := float64(d.Microseconds()) / 1000
	if ms < 1 {
		return "أقل من 1 ملّي ثانية"
	}
	if ms < 1000 {
		return fmt.Sprintf("%.0f ملّي ثانية", ms)
	}
	return fmt.Sprintf("%.2f ثانية", ms/1000)
}
