package web

import (
	"bytes"
	"fmt"
	"html/template"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/fahras/fahras/search"
)

// examples are offered on the empty search page: words from the built-in
// articles.
var examples = []string{"لافروف", `"وزير الخارجية"`, "بوتين بكين", "الحزام والطريق"}

// searchView is what the search page shows.
type searchView struct {
	Query    string
	Any      bool
	Articles uint64 // in the index
	Examples []string

	Searched bool // a query was given and run
	Error    string
	Resp     *search.Response
	Page     int
	Pages    []pageLink
	Prev     string // link to the previous page, or ""
	Next     string
}

// pageLink is one link of the pagination.
type pageLink struct {
	N       int
	URL     string
	Current bool
	Gap     bool // an ellipsis, not a link
}

// searchPage answers GET /: the form, and the results when q is given.
func (s *server) searchPage(w http.ResponseWriter, r *http.Request) {
	v := r.URL.Query()
	view := &searchView{Articles: s.engine.Info().Articles, Examples: examples, Page: 1}
	status := http.StatusOK
	fail := func(err error) {
		var m message
		status, m = s.classify(r, err)
		view.Error = m.ar
	}
	q, err := queryParam(v)
	if err != nil {
		// Keep what fits in the box, so the reader can shorten it.
		view.Query = clip(v.Get("q"), search.MaxQueryBytes)
		fail(err)
		s.render(w, "search", status, view)
		return
	}
	view.Query = q
	if view.Any, err = boolParam(v, "any"); err != nil {
		fail(err)
	}
	maxPage := search.MaxOffset/s.pageSize + 1
	if view.Page, err = intParam(v, "page", 1, 1, maxPage); err != nil && view.Error == "" {
		view.Page = 1
		fail(err)
	}
	if view.Error != "" || strings.TrimSpace(q) == "" {
		s.render(w, "search", status, view)
		return
	}
	resp, err := s.engine.Search(r.Context(), search.Request{
		Query: q, Limit: s.pageSize, Offset: (view.Page - 1) * s.pageSize, Any: view.Any,
	})
	if err != nil {
		fail(err)
		s.render(w, "search", status, view)
		return
	}
	view.Searched = true
	view.Resp = resp
	s.paginate(view, maxPage)
	s.render(w, "search", status, view)
}

// paginate fills in the links to the other pages of results.
func (s *server) paginate(v *searchView, maxPage int) {
	total := int(min(v.Resp.Total, uint64(maxPage*s.pageSize)))
	last := (total + s.pageSize - 1) / s.pageSize
	if last > maxPage {
		last = maxPage
	}
	if last <= 1 && v.Page == 1 {
		return
	}
	if v.Page > 1 {
		v.Prev = s.searchURL(v.Query, v.Any, v.Page-1)
	}
	if v.Page < last {
		v.Next = s.searchURL(v.Query, v.Any, v.Page+1)
	}
	gap := false
	for n := 1; n <= last; n++ {
		if n == 1 || n == last || (n >= v.Page-2 && n <= v.Page+2) {
			v.Pages = append(v.Pages, pageLink{N: n, URL: s.searchURL(v.Query, v.Any, n), Current: n == v.Page})
			gap = false
		} else if !gap {
			v.Pages = append(v.Pages, pageLink{Gap: true})
			gap = true
		}
	}
}

// searchURL links to one page of a search.
func (s *server) searchURL(q string, anyWord bool, page int) string {
	v := url.Values{"q": {q}}
	if anyWord {
		v.Set("any", "1")
	}
	if page > 1 {
		v.Set("page", strconv.Itoa(page))
	}
	return "/?" + v.Encode()
}

// articleView is what the article page shows.
type articleView struct {
	Query   string
	Article *search.Article
	Paras   []search.Snippet
	Back    string // the results the reader came from
	Marks   int
}

// articlePage answers GET /article/{id}: the whole article, the query's
// matches marked.
func (s *server) articlePage(w http.ResponseWriter, r *http.Request) {
	a, q, err := s.article(r)
	if err != nil {
		status, m := s.classify(r, err)
		s.errorPage(w, r, status, m)
		return
	}
	v := r.URL.Query()
	anyWord, _ := boolParam(v, "any")
	page, _ := intParam(v, "page", 1, 1, search.MaxOffset/s.pageSize+1)
	view := &articleView{Query: q, Article: a, Paras: paragraphs(a.Body, a.Raw)}
	if strings.TrimSpace(q) != "" {
		view.Back = s.searchURL(q, anyWord, page)
	}
	for _, p := range a.Body {
		if p.Match {
			view.Marks++
		}
	}
	s.render(w, "article", http.StatusOK, view)
}

// paragraphs gives back the article's line breaks to its marked body.
// The library marks the body with its white space folded into single
// spaces; the raw text still has its lines. Each raw line that the body
// holds, in order, becomes a paragraph with the body's marks; lines the
// body leaves out (the headline, page furniture) are skipped. When the
// two cannot be lined up, the body is one paragraph.
func paragraphs(body search.Snippet, raw string) []search.Snippet {
	type char struct {
		r     rune
		match bool
	}
	var text []char
	for _, p := range body {
		for _, r := range p.Text {
			text = append(text, char{r, p.Match})
		}
	}
	var lines [][]rune
	for _, l := range strings.Split(raw, "\n") {
		if f := strings.Join(strings.Fields(l), " "); f != "" {
			lines = append(lines, []rune(f))
		}
	}
	// at tells whether line i is in the body at position p, and where it
	// ends there.
	at := func(i, p int) (int, bool) {
		if p > 0 && p < len(text) && text[p].r == ' ' {
			p++
		}
		l := lines[i]
		if p+len(l) > len(text) {
			return 0, false
		}
		for k, r := range l {
			if text[p+k].r != r {
				return 0, false
			}
		}
		end := p + len(l)
		return end, end == len(text) || text[end].r == ' '
	}
	// Find which lines make up the body: take a line where it fits, skip
	// it otherwise, and go back on a choice that leaves text unmatched.
	const maxLines = 20000
	if len(lines) > maxLines || len(text) == 0 {
		return []search.Snippet{body}
	}
	failed := map[[2]int]bool{}
	taken := make([]bool, len(lines))
	var walk func(i, p int) bool
	walk = func(i, p int) bool {
		if p == len(text) {
			return true
		}
		if i == len(lines) || failed[[2]int{i, p}] {
			return false
		}
		if end, ok := at(i, p); ok {
			taken[i] = true
			if walk(i+1, end) {
				return true
			}
			taken[i] = false
		}
		if walk(i+1, p) {
			return true
		}
		failed[[2]int{i, p}] = true
		return false
	}
	if !walk(0, 0) {
		return []search.Snippet{body}
	}
	var out []search.Snippet
	p := 0
	for i, l := range lines {
		if !taken[i] {
			continue
		}
		if p > 0 && text[p].r == ' ' {
			p++
		}
		var para search.Snippet
		line := text[p : p+len(l)]
		for start := 0; start < len(line); {
			end := start
			run := make([]rune, 0, len(line)-start)
			for end < len(line) && line[end].match == line[start].match {
				run = append(run, line[end].r)
				end++
			}
			para = append(para, search.Part{Text: string(run), Match: line[start].match})
			start = end
		}
		out = append(out, para)
		p += len(l)
	}
	return out
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
	"articles":   articlesNoun,
	"arDate":     arabicDate,
	"isoDate":    func(t time.Time) string { return t.Format("2006-01-02") },
	"took":       tookText,
	"articleURL": articleURL,
	"add":        func(a, b int) int { return a + b },
	"safeURL":    safeURL,
}

// articleURL links to an article, carrying the search it was found by.
func articleURL(id, q string, anyWord bool, page int) string {
	u := "/article/" + url.PathEscape(id)
	v := url.Values{}
	if q != "" {
		v.Set("q", q)
	}
	if anyWord {
		v.Set("any", "1")
	}
	if page > 1 {
		v.Set("page", strconv.Itoa(page))
	}
	if len(v) > 0 {
		u += "?" + v.Encode()
	}
	return u
}

// safeURL keeps an article's own address only when it is http or https.
func safeURL(s string) string {
	u, err := url.Parse(s)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return ""
	}
	return u.String()
}

// articlesNoun counts articles in Arabic: مقالة واحدة، مقالتان، 3 مقالات،
// 11 مقالة.
func articlesNoun(n uint64) string {
	switch {
	case n == 0:
		return "لا مقالات"
	case n == 1:
		return "مقالة واحدة"
	case n == 2:
		return "مقالتان"
	case n%100 >= 3 && n%100 <= 10:
		return fmt.Sprintf("%d مقالات", n)
	}
	return fmt.Sprintf("%d مقالة", n)
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
