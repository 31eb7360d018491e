package web

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/fahras/fahras/indexer/news"
	"github.com/fahras/fahras/search"
)

// Statements on the search page: of at most maxPeople people a query
// names, at most boxStatements each.
const (
	maxPeople     = 2
	boxStatements = 3
)

// statementView is a statement as the pages show it.
type statementView struct {
	search.Statement
	// SaidAs is the speaker as the article writes them, the name marked
	// when a query named them.
	SaidAs search.Snippet
	// URL opens the article with the words said marked.
	URL     string
	Sources []sourceView
}

// visitView is a visit as the pages show it.
type visitView struct {
	search.Visit
	When    string // its days or month, in Arabic
	Planned bool
	URL     string // the article it is read from
	Sources []sourceView
}

// sourceView is an article that reports a statement or a visit.
type sourceView struct {
	search.Report
	URL string
}

// personURL links to a person's page, with parameters when v has any.
func personURL(name string, v url.Values) string {
	return link("/person/"+url.PathEscape(name), v)
}

// articleLink links to an article from a page, with the way back; a
// span marks a statement's words.
func articleLink(id string, start, end int, back string) string {
	v := url.Values{}
	if end > start {
		v.Set("start", strconv.Itoa(start))
		v.Set("end", strconv.Itoa(end))
	}
	if back != "" {
		v.Set("back", back)
	}
	return link("/article/"+url.PathEscape(id), v)
}

// statementViews prepares statements for a page whose address is back;
// the name of person, when given, is marked where the article writes it.
func statementViews(sts []search.Statement, back, person string) []statementView {
	out := make([]statementView, len(sts))
	for i, st := range sts {
		out[i] = statementView{
			Statement: st,
			SaidAs:    markPerson(st.SaidAs, person),
			URL:       articleLink(st.Article, st.Start, st.End, back),
			Sources:   sourceViews(st.Sources, st.Article, st.Start, st.End, back),
		}
	}
	return out
}

// visitViews prepares visits for a page whose address is back.
func visitViews(vs []search.Visit, back string) []visitView {
	out := make([]visitView, len(vs))
	for i, v := range vs {
		out[i] = visitView{
			Visit:   v,
			When:    visitWhen(v),
			Planned: v.Status == search.VisitPlanned,
			URL:     articleLink(v.Article, 0, 0, back),
			Sources: sourceViews(v.Sources, "", 0, 0, back),
		}
	}
	return out
}

// sourceViews links to the articles that report a statement or a visit;
// the one it is read from (id) with its span marked.
func sourceViews(rs []search.Report, id string, start, end int, back string) []sourceView {
	out := make([]sourceView, len(rs))
	for i, r := range rs {
		out[i] = sourceView{Report: r, URL: articleLink(r.Article, 0, 0, back)}
		if r.Article == id {
			out[i].URL = articleLink(r.Article, start, end, back)
		}
		if out[i].SourceName == "" {
			out[i].SourceName = r.Source
		}
	}
	return out
}

// markPerson marks where text names person.
func markPerson(text, person string) search.Snippet {
	if person == "" {
		return search.Snippet{{Text: text}}
	}
	var out search.Snippet
	at := 0
	for _, m := range news.PeopleIn(text) {
		if m.Canonical != person || m.Start < at {
			continue
		}
		if m.Start > at {
			out = append(out, search.Part{Text: text[at:m.Start]})
		}
		out = append(out, search.Part{Text: text[m.Start:m.End], Match: true})
		at = m.End
	}
	if at < len(text) {
		out = append(out, search.Part{Text: text[at:]})
	}
	return out
}

// visitWhen says in Arabic when a visit is: its days, its month, or that
// the articles do not say.
func visitWhen(v search.Visit) string {
	switch {
	case !v.From.IsZero() && v.Month != 0:
		return fmt.Sprintf("%s %d", arabicMonths[v.From.Month()-1], v.From.Year())
	case !v.From.IsZero() && v.From.Equal(v.To):
		return arabicDate(v.From)
	case !v.From.IsZero() && v.From.Year() == v.To.Year() && v.From.Month() == v.To.Month():
		return fmt.Sprintf("%d–%d %s %d", v.From.Day(), v.To.Day(), arabicMonths[v.From.Month()-1], v.From.Year())
	case !v.From.IsZero():
		return arabicDate(v.From) + " – " + arabicDate(v.To)
	case v.Month >= 1 && v.Month <= 12:
		return arabicMonths[v.Month-1] + " (لم تُذكر السنة)"
	}
	return "لم يُذكر موعدها"
}

// personBox is the statements of one person a query names, shown above
// the results.
type personBox struct {
	Name       string // the person, as Fahras names them
	About      string // the words of the query the statements say, or ""
	Total      int
	Statements []statementView
	URL        string // the person's page
}

// namedPeople returns the people of the gazetteer a query names, in the
// order it names them and at most maxPeople, leaving out a name the query
// excludes (-بوتين); and the query without their names.
func namedPeople(q string) (people []string, rest string) {
	var b strings.Builder
	at := 0
	for _, m := range news.PeopleIn(q) {
		b.WriteString(q[at:m.Start])
		b.WriteByte(' ')
		at = m.End
		if excluded := m.Start > 0 && q[m.Start-1] == '-'; excluded {
			continue
		}
		found := false
		for _, p := range people {
			found = found || p == m.Canonical
		}
		if !found && len(people) < maxPeople {
			people = append(people, m.Canonical)
		}
	}
	b.WriteString(q[at:])
	return people, strings.TrimSpace(b.String())
}

// peopleBoxes finds the statements of the people a search's query
// names: those that say the query's other words where there are any,
// else the newest. A person without statements gets no box.
func (s *server) peopleBoxes(ctx context.Context, p searchParams, back string) ([]personBox, error) {
	people, rest := namedPeople(p.Query)
	var boxes []personBox
	for _, name := range people {
		req := search.StatementRequest{Speaker: name, From: p.From, To: p.To, Limit: boxStatements}
		var resp *search.StatementResponse
		about := ""
		if rest != "" {
			req.Query = rest
			r, err := s.engine.Statements(ctx, req)
			switch {
			case err == nil && r.Total > 0:
				resp, about = r, rest
			case err != nil && !errors.Is(err, search.ErrBadQuery):
				return boxes, err
			}
			req.Query = ""
		}
		if resp == nil {
			r, err := s.engine.Statements(ctx, req)
			if errors.Is(err, search.ErrBadQuery) || (err == nil && r.Total == 0) {
				continue // nothing said, or nothing in the period
			}
			if err != nil {
				return boxes, err
			}
			resp = r
		}
		v := url.Values{}
		if about != "" {
			v.Set(search.ParamQuery, about)
		}
		boxes = append(boxes, personBox{
			Name: name, About: about, Total: resp.Total, URL: personURL(name, v),
			Statements: statementViews(resp.Statements, back, name),
		})
	}
	return boxes, nil
}

// personView is what a person's page shows.
type personView struct {
	Name  string // as asked for
	Title string // as Fahras names them, where known
	URL   string // the page's form submits here
	Query string
	From  string // the period, YYYY-MM-DD or ""
	To    string

	Statements      []statementView
	StatementsTotal int
	StatementsFrom  int // the number of the first shown, from 1
	StatementPages  pager
	Visits          []visitView
	VisitsTotal     int
	VisitsFrom      int
	VisitPages      pager
	Took            time.Duration
}

// pager links to the other pages of a list.
type pager struct {
	Prev, Next string
	Pages      []pageLink
}

// paged makes the links to the pages of a list of total items, size a
// page, page being shown; url links to page n.
func paged(total, page, size, maxPage int, url func(n int) string) pager {
	var p pager
	last := min(max((total+size-1)/size, 1), maxPage)
	if last <= 1 && page <= 1 {
		return p
	}
	last = max(last, page)
	if page > 1 {
		p.Prev = url(page - 1)
	}
	if page < last {
		p.Next = url(page + 1)
	}
	gap := false
	for n := 1; n <= last; n++ {
		if n == 1 || n == last || (n >= page-2 && n <= page+2) {
			p.Pages = append(p.Pages, pageLink{N: n, URL: url(n), Current: n == page})
			gap = false
		} else if !gap {
			p.Pages = append(p.Pages, pageLink{Gap: true})
			gap = true
		}
	}
	return p
}

// personData is what one person's page asks the searcher.
type personData struct {
	statements *search.StatementResponse // nil: they said nothing
	visits     *search.VisitResponse     // nil: they went nowhere
}

// personPage answers GET /person/{name}: the statements and the visits
// of a person, newest first, each list paged.
func (s *server) personPage(w http.ResponseWriter, r *http.Request) {
	name, err := nameVar(r)
	if err != nil {
		s.failWith(w, r, err)
		return
	}
	v, err := queryValues(r)
	if err != nil {
		s.failWith(w, r, err)
		return
	}
	maxPage := search.MaxOffset/s.pageSize + 1
	page, err := pageNumber(v, "page", maxPage)
	if err != nil {
		s.failWith(w, r, err)
		return
	}
	vpage, err := pageNumber(v, "vpage", maxPage)
	if err != nil {
		s.failWith(w, r, err)
		return
	}
	size := strconv.Itoa(s.pageSize)
	sreq, err := search.ParseStatementRequest(url.Values{
		search.ParamQuery: {v.Get(search.ParamQuery)}, search.ParamSpeaker: {name},
		search.ParamFrom: {v.Get(search.ParamFrom)}, search.ParamTo: {v.Get(search.ParamTo)},
		search.ParamN: {size}, search.ParamOffset: {strconv.Itoa((page - 1) * s.pageSize)},
	})
	if err != nil {
		s.failWith(w, r, err)
		return
	}
	vreq := search.VisitRequest{Who: name, From: sreq.From, To: sreq.To, Limit: s.pageSize, Offset: (vpage - 1) * s.pageSize}

	start := time.Now()
	data, err := call(s, r, func(ctx context.Context) (*personData, error) {
		var d personData
		st, err := s.engine.Statements(ctx, sreq)
		if errors.Is(err, search.ErrBadQuery) && strings.TrimSpace(sreq.Query) != "" {
			// The words, or the name? Without the words, a known name
			// is found.
			if _, err2 := s.engine.Statements(ctx, search.StatementRequest{Speaker: name, Limit: 1}); err2 == nil {
				return nil, err
			}
		}
		switch {
		case err == nil:
			d.statements = st
		case !errors.Is(err, search.ErrBadQuery):
			return nil, err
		}
		vs, err := s.engine.Visits(ctx, vreq)
		switch {
		case err == nil:
			d.visits = vs
		case !errors.Is(err, search.ErrBadQuery):
			return nil, err
		}
		return &d, nil
	})
	if err != nil {
		s.failWith(w, r, err)
		return
	}
	if data.statements == nil && data.visits == nil {
		s.fail(w, r, http.StatusNotFound, message{
			fmt.Sprintf("لا يذكر أيّ خبر في الفهرس تصريحًا أو زيارة لـ«%s».", name), msgNoPerson.en,
		})
		return
	}

	// Links keep the words and the period, and the other list's page.
	keep := url.Values{}
	for _, k := range []string{search.ParamQuery, search.ParamFrom, search.ParamTo} {
		if x := strings.TrimSpace(v.Get(k)); x != "" {
			keep.Set(k, x)
		}
	}
	link := func(page, vpage int) string {
		u := url.Values{}
		for k, x := range keep {
			u[k] = x
		}
		if page > 1 {
			u.Set("page", strconv.Itoa(page))
		}
		if vpage > 1 {
			u.Set("vpage", strconv.Itoa(vpage))
		}
		return personURL(name, u)
	}
	self := link(page, vpage)
	view := &personView{
		Name: name, Title: personTitle(name, data), URL: personURL(name, nil),
		Query: sreq.Query, From: dayText(sreq.From), To: dayText(sreq.To),
		Took: time.Since(start),
	}
	if st := data.statements; st != nil {
		view.Statements = statementViews(st.Statements, self, "")
		view.StatementsTotal, view.StatementsFrom = st.Total, st.Offset+1
		view.StatementPages = paged(st.Total, page, s.pageSize, maxPage, func(n int) string { return link(n, vpage) + "#statements" })
	}
	if vs := data.visits; vs != nil {
		view.Visits = visitViews(vs.Visits, self)
		view.VisitsTotal, view.VisitsFrom = vs.Total, vs.Offset+1
		view.VisitPages = paged(vs.Total, vpage, s.pageSize, maxPage, func(n int) string { return link(page, n) + "#visits" })
	}
	s.render(w, "person", http.StatusOK, view)
}

// personTitle is how a person's page names them: as Fahras does, where
// it knows the name.
func personTitle(name string, d *personData) string {
	if ps := news.People(name); len(ps) == 1 {
		return ps[0]
	}
	if d.statements != nil && len(d.statements.Statements) > 0 {
		return d.statements.Statements[0].Speaker
	}
	if d.visits != nil && len(d.visits.Visits) > 0 {
		return d.visits.Visits[0].Visitor
	}
	return name
}
