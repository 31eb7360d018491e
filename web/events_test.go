package web_test

import (
	"context"
	"encoding/json"
	"net/http"
	"net/url"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/fahras/fahras/indexer"
	"github.com/fahras/fahras/search"
	"github.com/fahras/fahras/web"
)

// /api/statements and /api/visits answer with the library's responses,
// the fields named as README.md says.
func TestEventsAPI(t *testing.T) {
	h := web.New(seeds(t), web.Options{})
	for _, c := range []struct {
		target string
		check  func(t *testing.T, body string)
	}{
		{"/api/statements?speaker=" + q("لافروف") + "&n=2", func(t *testing.T, body string) {
			var r struct {
				Total, Offset, Limit int
				More                 bool
				Statements           []map[string]any
			}
			mustJSON(t, body, &r)
			if r.Total != 17 || r.Limit != 2 || !r.More || len(r.Statements) != 2 {
				t.Fatalf("total %d limit %d more %v, %d statements", r.Total, r.Limit, r.More, len(r.Statements))
			}
			for _, s := range r.Statements {
				for _, k := range []string{"speaker", "said_as", "verb", "text", "date", "article", "start", "end", "sources"} {
					if _, ok := s[k]; !ok {
						t.Errorf("a statement lacks %q", k)
					}
				}
				if s["speaker"] != "سيرغي لافروف" || s["article"] != "002_24f89540b9a4c350" || s["date"] != "2024-04-09T00:00:00Z" {
					t.Errorf("statement %v", s)
				}
			}
		}},
		// limit is read as n; the next page.
		{"/api/statements?speaker=" + q("سيرجي لافروف") + "&limit=5&offset=15", func(t *testing.T, body string) {
			var r search.StatementResponse
			mustJSON(t, body, &r)
			if r.Total != 17 || r.Offset != 15 || r.More || len(r.Statements) != 2 || r.Statements[0].Article != "001_d53218aacc3a3954" || !r.Statements[0].Date.IsZero() {
				t.Errorf("%s", body)
			}
		}},
		// A query's words are marked: the text is HTML.
		{"/api/statements?q=" + q("أوكرانيا"), func(t *testing.T, body string) {
			var r search.StatementResponse
			mustJSON(t, body, &r)
			if r.Total == 0 || r.Statements[0].Speaker != "جانيت يلين" || !strings.Contains(body, "<mark>أوكرانيا</mark>") {
				t.Errorf("%s", body)
			}
		}},
		{"/api/statements?speaker=" + q("لافروف") + "&from=2024-04&to=2024-04-09", func(t *testing.T, body string) {
			var r search.StatementResponse
			mustJSON(t, body, &r)
			if r.Total != 12 {
				t.Errorf("April 2024 to the 9th: %d statements, want 12 (those of 002)", r.Total)
			}
		}},
		{"/api/visits?who=" + q("لافروف"), func(t *testing.T, body string) {
			var r struct {
				Total  int
				Visits []map[string]any
			}
			mustJSON(t, body, &r)
			if r.Total != 1 || len(r.Visits) != 1 {
				t.Fatalf("%s", body)
			}
			v := r.Visits[0]
			for k, want := range map[string]any{"visitor": "سيرغي لافروف", "destination": "الصين", "from": "2024-04-08T00:00:00Z",
				"to": "2024-04-09T00:00:00Z", "status": "done", "article": "002_24f89540b9a4c350", "date": "2024-04-09T00:00:00Z"} {
				if v[k] != want {
					t.Errorf("%s: %v, want %v", k, v[k], want)
				}
			}
			var ids []string
			for _, s := range v["sources"].([]any) {
				ids = append(ids, s.(map[string]any)["article"].(string)[:3])
			}
			if !slices.Equal(ids, []string{"002", "003", "000"}) {
				t.Errorf("sources %v", ids)
			}
			if ev, _ := v["evidence"].(string); !strings.Contains(ev, "ووصل لافروف إلى الصين") {
				t.Errorf("evidence %q", ev)
			}
		}},
		// to is the place; to-date ends the period.
		{"/api/visits?to=" + q("بكين") + "&from=2022-01&to-date=2023-12-31", func(t *testing.T, body string) {
			var r search.VisitResponse
			mustJSON(t, body, &r)
			if r.Total != 1 || r.Visits[0].Visitor != "فلاديمير بوتين" || r.Visits[0].Month != 2 {
				t.Errorf("visits to Beijing in 2022–2023: %s", body)
			}
		}},
	} {
		res, body := get(t, h, c.target)
		if res.StatusCode != http.StatusOK || res.Header.Get("Content-Type") != "application/json; charset=utf-8" {
			t.Errorf("%s: status %d, %s: %.300s", c.target, res.StatusCode, res.Header.Get("Content-Type"), body)
			continue
		}
		if strings.Count(strings.TrimSpace(body), "\n") != 0 {
			t.Errorf("%s: not one line", c.target)
		}
		t.Run(c.target, func(t *testing.T) { c.check(t, body) })
	}
}

func mustJSON(t *testing.T, body string, v any) {
	t.Helper()
	if err := json.Unmarshal([]byte(body), v); err != nil {
		t.Fatalf("%v: %.300s", err, body)
	}
}

// Every mistake in a request for statements or visits is a 400 with one
// line that says what; a person no article names is a 404.
func TestEventsErrors(t *testing.T) {
	h := web.New(seeds(t), web.Options{})
	long := strings.Repeat("لافروف ", search.MaxQueryBytes/len("لافروف ")+1)
	for _, c := range []struct {
		method, target string
		status         int
		says           string
	}{
		{"GET", "/api/statements?n=0", 400, `n must be a whole number from 1 to 1000, not "0"`},
		{"GET", "/api/statements?n=abc", 400, "n must be a whole number"},
		{"GET", "/api/statements?limit=1001", 400, "limit must be a whole number"},
		{"GET", "/api/statements?offset=-1", 400, "offset must be a whole number from 0 to 10000"},
		{"GET", "/api/statements?from=9-4-2024", 400, "from must be a day such as 2024-04-09 or a month"},
		{"GET", "/api/statements?from=2024-05&to=2024-04", 400, "to is before from: the period ends (2024-04-30) before it starts (2024-05-01)"},
		{"GET", "/api/statements?from=1066-10-14", 400, "from must be a day from 1700-01-01"},
		{"GET", "/api/statements?speaker=" + q("ميسي"), 400, `no article of the index reports a statement by "ميسي"`},
		{"GET", "/api/statements?speaker=" + strings.Repeat("x", 300), 400, "speaker must be text of at most 256 bytes"},
		{"GET", "/api/statements?speaker=%ff", 400, "speaker must be text of at most 256 bytes (UTF-8)"},
		{"GET", "/api/statements?q=" + q(long), 400, "q is too long"},
		{"GET", "/api/statements?q=" + q("-لافروف"), 400, "only excludes words"},
		{"GET", "/api/statements?q=%zz", 400, "bad encoding"},
		{"GET", "/api/visits?who=" + q("ماو نينغ"), 400, `no article of the index reports a visit by "ماو نينغ"`},
		{"GET", "/api/visits?to=" + q("البرازيل"), 400, `no article of the index reports a visit to "البرازيل"`},
		{"GET", "/api/visits?to-date=2024-13", 400, `to-date must be a day such as 2024-04-09 or a month such as 2024-04, not "2024-13"`},
		{"GET", "/api/visits?from=2024-05&to-date=2024-04-30", 400, "to-date is before from"},
		{"GET", "/api/visits?n=-3", 400, "n must be a whole number"},
		{"POST", "/api/statements", 405, "method not allowed"},
		{"DELETE", "/api/visits", 405, "method not allowed"},
	} {
		res, body := do(t, h, c.method, c.target)
		name := c.method + " " + c.target
		if len(name) > 80 {
			name = name[:80] + "…"
		}
		if res.StatusCode != c.status {
			t.Errorf("%s: status %d, want %d: %.200s", name, res.StatusCode, c.status, body)
			continue
		}
		var e struct{ Error string }
		if err := json.Unmarshal([]byte(body), &e); err != nil || res.Header.Get("Content-Type") != "application/json; charset=utf-8" {
			t.Errorf("%s: not a JSON error: %s", name, body)
		} else if !strings.Contains(e.Error, c.says) || strings.Contains(e.Error, "\n") {
			t.Errorf("%s: error %q does not say %q on one line", name, e.Error, c.says)
		}
	}
}

var (
	statementItem = regexp.MustCompile(`(?s)<li class="statement">.*?</li>`)
	spanLink      = regexp.MustCompile(`<a class="in-article" href="/article/([^"?]+)\?back=([^"&]+)&amp;end=(\d+)&amp;start=(\d+)">`)
	timeTag       = regexp.MustCompile(`<p class="said">[^\n]*?(?:<time datetime="([0-9-]+)">|</p>)`)
)

// statementLinks lists the article each statement of a page links to,
// with the span of its words.
func statementLinks(page string) [][]string {
	var out [][]string
	for _, m := range spanLink.FindAllStringSubmatch(page, -1) {
		id, _ := url.PathUnescape(m[1])
		out = append(out, []string{id, m[2], m[3], m[4]})
	}
	return out
}

// statementDates lists the date of each statement of a page, "" for
// one without.
func statementDates(page string) []string {
	var out []string
	for _, m := range timeTag.FindAllStringSubmatch(page, -1) {
		out = append(out, m[1])
	}
	return out
}

// section cuts a page's section by its id.
func section(page, id string) string {
	i := strings.Index(page, `id="`+id+`"`)
	if i < 0 {
		return ""
	}
	page = page[i:]
	if j := strings.Index(page, "</section>"); j >= 0 {
		page = page[:j]
	}
	return page
}

// A person's page: their statements newest first, ten a page, each
// linking to its article with its words marked and listing its sources;
// their visits; the words and the period narrow the statements.
func TestPersonPage(t *testing.T) {
	h := web.New(seeds(t), web.Options{})
	lavrov := "/person/" + url.PathEscape("لافروف")
	res, page := get(t, h, lavrov)
	if res.StatusCode != http.StatusOK || res.Header.Get("Content-Type") != "text/html; charset=utf-8" {
		t.Fatalf("status %d", res.StatusCode)
	}
	for _, want := range []string{
		`<html lang="ar" dir="rtl">`,
		`<title>سيرغي لافروف — فهرس</title>`,
		`<h1><bdi>سيرغي لافروف</bdi></h1>`,
		`<a href="#statements">17 تصريحًا</a> · <a href="#visits">زيارة واحدة</a>`,
		`<p class="range">من 1 إلى 10، الأحدث أولًا</p>`,
		`<a rel="next" href="/person/` + url.PathEscape("لافروف") + `?page=2#statements">التالي ←</a>`,
		`<form class="search" action="/person/` + url.PathEscape("لافروف") + `" method="get"`,
		`<blockquote dir="auto">«أشكر الجانب الصيني على تعازيه`,
		`<p class="said">— <bdi>وزير الخارجية الروسي سيرغي لافروف</bdi>، <bdi>قال</bdi> · <time datetime="2024-04-09">9 أبريل 2024</time></p>`,
		// The visit: three reports, the days, done.
		`<p class="trip"><strong><bdi>سيرغي لافروف</bdi></strong> إلى <strong><bdi>الصين</bdi></strong>`,
		`<span class="when">8–9 أبريل 2024</span> <span class="status">تمّت</span>`,
		`<span class="sources">المصادر (3):`,
	} {
		if !strings.Contains(page, want) {
			t.Errorf("page lacks %s", want)
		}
	}
	if strings.Contains(page, "<script") || strings.Contains(page, "style=") {
		t.Error("page has script or inline style")
	}
	said := section(page, "statements")
	links := statementLinks(said)
	if len(links) != 10 {
		t.Fatalf("%d statements linked on page 1, want 10", len(links))
	}
	for _, l := range links {
		if l[0] != "002_24f89540b9a4c350" || l[1] != url.QueryEscape(lavrov) {
			t.Errorf("statement links to %s, back to %s", l[0], l[1])
		}
	}
	if d := statementDates(said); len(d) != 10 || slices.ContainsFunc(d, func(s string) bool { return s != "2024-04-09" }) {
		t.Errorf("dates on page 1: %v", d)
	}
	if n := strings.Count(said, `<li class="statement">`); n != 10 {
		t.Errorf("%d statements on page 1", n)
	}
	// Page 2: the rest, 002's last two then 001's five, which has no date.
	_, page2 := get(t, h, lavrov+"?page=2")
	said2 := section(page2, "statements")
	var arts []string
	for _, l := range statementLinks(said2) {
		arts = append(arts, l[0][:3])
	}
	if !slices.Equal(arts, []string{"002", "002", "001", "001", "001", "001", "001"}) {
		t.Errorf("page 2 lists statements of %v", arts)
	}
	if !strings.Contains(said2, `<ol class="statements" start="11">`) || !strings.Contains(said2, `<a rel="prev" href="/person/`+url.PathEscape("لافروف")+`#statements">→ السابق</a>`) {
		t.Error("page 2 does not number from 11 or link back to page 1")
	}
	if d := statementDates(said2); len(d) != 7 || d[2] != "" {
		t.Errorf("dates on page 2: %v", d)
	}
	// The visits keep their page when the statements turn theirs.
	_, page3 := get(t, h, lavrov+"?page=3")
	if !strings.Contains(page3, "لا تصريحات في هذه الصفحة") || !strings.Contains(page3, "8–9 أبريل 2024") {
		t.Error("page 3: no notice, or the visit gone")
	}

	// Words narrow the statements to those that say them, marked.
	_, page = get(t, h, lavrov+"?q="+q("الإرهاب"))
	said = section(page, "statements")
	if n := strings.Count(said, `<li class="statement">`); n == 0 || n != strings.Count(said, "<blockquote") || strings.Count(said, "<mark>الإرهاب</mark>") < n {
		t.Errorf("%d statements, %d marks:\n%s", n, strings.Count(said, "<mark>الإرهاب</mark>"), said)
	}
	if !strings.Contains(page, `value="الإرهاب"`) || !strings.Contains(page, "ما فيه كلمات «<bdi>الإرهاب</bdi>» أولًا") {
		t.Error("the form does not keep the words, or the order is not said")
	}
	// A period narrows both.
	_, page = get(t, h, lavrov+"?from=2025-01-01")
	if !strings.Contains(page, "لا تصريحات تطابق التصفية.") || !strings.Contains(page, "لا زيارات في هذه الفترة.") || !strings.Contains(page, `name="from" value="2025-01-01"`) {
		t.Error("a period without statements or visits")
	}

	// Someone who spoke but went nowhere, and one who went but said
	// nothing that was reported.
	_, page = get(t, h, "/person/"+url.PathEscape("ماو نينغ"))
	if !strings.Contains(page, "5 تصريحات</a> · <a href=\"#visits\">لا زيارات</a>") || !strings.Contains(page, "<p class=\"empty\">لا زيارات.</p>") {
		t.Errorf("Mao Ning:\n%s", section(page, "visits"))
	}
	_, page = get(t, h, "/person/"+url.PathEscape("ميشوستين"))
	if !strings.Contains(page, "<h1><bdi>ميخائيل ميشوستين</bdi></h1>") || !strings.Contains(page, "لا تصريحات.") || !strings.Contains(page, `<span class="when">مايو (لم تُذكر السنة)</span>`) {
		t.Errorf("Mishustin:\n%s", page)
	}
	// An institution: its name as the articles write it.
	_, page = get(t, h, "/person/"+url.PathEscape("الخارجية الروسية"))
	if !strings.Contains(page, "<h1><bdi>وزارة الخارجية الروسية</bdi></h1>") || !strings.Contains(page, "6 تصريحات") {
		t.Errorf("the Russian foreign ministry:\n%.2000s", page)
	}

	for target, c := range map[string]struct {
		status int
		says   string
	}{
		"/person/" + url.PathEscape("ميسي"):           {404, "لا يذكر أيّ خبر في الفهرس تصريحًا أو زيارة لـ«ميسي»."},
		"/person/%20":                                 {400, "الاسم في العنوان غير صالح."},
		"/person/%ff":                                 {400, "الاسم في العنوان غير صالح."},
		"/person/" + strings.Repeat("x", 300):         {400, "الاسم في العنوان غير صالح."},
		lavrov + "?page=0":                            {400, "قيمة page يجب أن تكون عددًا صحيحًا من 1 إلى 1001."},
		lavrov + "?vpage=x":                           {400, "قيمة vpage يجب أن تكون عددًا صحيحًا"},
		lavrov + "?from=2024-13":                      {400, "قيمة «من» غير مقبولة (from must be a day such as 2024-04-09"},
		lavrov + "?from=2024-05&to=2024-04":           {400, "قيمة «إلى» غير مقبولة (to is before from"},
		lavrov + "?q=" + q("-لافروف"):                 {400, "تعذّر فهم الاستعلام: bad query: the query only excludes words"},
		lavrov + "?q=%zz":                             {400, "ترميز غير صالح"},
		"/person/" + url.PathEscape("<b>x</b>"):       {404, "لـ«&lt;b&gt;x&lt;/b&gt;»"},
		"/person/" + url.PathEscape("ميسي") + "?q=أي": {404, "لا يذكر أيّ خبر"},
	} {
		res, body := get(t, h, target)
		if res.StatusCode != c.status || !strings.Contains(body, c.says) || !strings.Contains(body, `<html lang="ar" dir="rtl">`) {
			t.Errorf("%s: status %d, want %d saying %q:\n%.1500s", target, res.StatusCode, c.status, c.says, body)
		}
	}
}

// A statement's link opens its article with the words said marked, and
// those only, and leads back to the page it was followed from.
func TestArticleMarksStatement(t *testing.T) {
	h := web.New(seeds(t), web.Options{})
	e := seeds(t)
	resp, err := e.Statements(context.Background(), search.StatementRequest{Speaker: "لافروف", Limit: 2})
	if err != nil {
		t.Fatal(err)
	}
	st := resp.Statements[1] // روسيا والصين ستواصلان التعاون …
	_, page := get(t, h, "/person/"+url.PathEscape("لافروف"))
	var link string
	for _, l := range statementLinks(page) {
		if l[2] == itoa(st.End) && l[3] == itoa(st.Start) {
			link = "/article/" + l[0] + "?back=" + l[1] + "&end=" + l[2] + "&start=" + l[3]
		}
	}
	if link == "" {
		t.Fatalf("no link to the statement's span [%d, %d) on the person page", st.Start, st.End)
	}
	res, page := get(t, h, link)
	if res.StatusCode != http.StatusOK {
		t.Fatalf("%s: status %d", link, res.StatusCode)
	}
	var marked []string
	for _, m := range regexp.MustCompile(`<mark>([^<]*)</mark>`).FindAllStringSubmatch(page, -1) {
		marked = append(marked, m[1])
	}
	if got, want := strings.Join(marked, " "), st.Text.Text(); got != want {
		t.Errorf("marked %q, want the words said %q", got, want)
	}
	for _, want := range []string{
		`<p class="notice">كلمات التصريح مظلّلة.</p>`,
		`<a href="/person/` + url.PathEscape("لافروف") + `">→ العودة إلى صفحة «<bdi>لافروف</bdi>»</a>`,
	} {
		if !strings.Contains(page, want) {
			t.Errorf("article page lacks %s", want)
		}
	}
	// From the results page, the way back is to the results.
	_, page = get(t, h, "/article/002_24f89540b9a4c350?start=1266&end=1432&back="+q("/?q="+q("لافروف")))
	if !strings.Contains(page, `→ العودة إلى نتائج «<bdi>لافروف</bdi>»</a>`) {
		t.Error("no way back to the results")
	}
	// The API marks the span too.
	_, body := get(t, h, "/api/articles/002_24f89540b9a4c350?start=1266&end=1432")
	var a struct{ Body string }
	mustJSON(t, body, &a)
	if !strings.Contains(a.Body, "<mark>روسيا</mark> <mark>والصين</mark> <mark>ستواصلان</mark>") || strings.Count(a.Body, "<mark>") != len(marked) {
		t.Errorf("API body marks %d words", strings.Count(a.Body, "<mark>"))
	}
	for _, target := range []string{
		"/article/002_24f89540b9a4c350?start=5&end=5",
		"/article/002_24f89540b9a4c350?start=-1&end=5",
		"/article/002_24f89540b9a4c350?start=abc&end=5",
		"/article/002_24f89540b9a4c350?start=5",
		"/article/002_24f89540b9a4c350?start=0&end=99999999999",
		"/api/articles/002_24f89540b9a4c350?end=7",
	} {
		res, body := get(t, h, target)
		if res.StatusCode != 400 || !strings.Contains(body, "start") {
			t.Errorf("%s: status %d: %.300s", target, res.StatusCode, body)
		}
	}
	// A way back that leaves the site is not offered.
	for _, back := range []string{"https://example.org/", "//example.org/person/x", "/person/a/b", "/nowhere"} {
		_, page := get(t, h, "/article/002_24f89540b9a4c350?start=1266&end=1432&back="+q(back))
		if strings.Contains(page, "example.org") || strings.Contains(page, "/nowhere") || !strings.Contains(page, `<a href="/">→ إلى البحث</a>`) {
			t.Errorf("back=%s is followed", back)
		}
	}
}

func itoa(n int) string { return strconv.Itoa(n) }

// A query that names a person shows a few of their statements first,
// above the hits, their name marked where the article writes it, with
// a link to all of them; only on the first page of results.
func TestSearchPageShowsStatements(t *testing.T) {
	h := web.New(seeds(t), web.Options{PageSize: 2})
	_, page := get(t, h, "/?q="+q("لافروف"))
	box := strings.Index(page, `<section class="people-said">`)
	hits := strings.Index(page, `<ol class="hits"`)
	if box < 0 || hits < 0 || box > hits {
		t.Fatalf("statements at %d, hits at %d", box, hits)
	}
	said := page[box:hits]
	for _, want := range []string{
		`<h2>تصريحات <a href="/person/` + url.PathEscape("سيرغي لافروف") + `"><bdi>سيرغي لافروف</bdi></a></h2>`,
		`<p class="all"><a href="/person/` + url.PathEscape("سيرغي لافروف") + `">كل التصريحات (17 تصريحًا) ←</a></p>`,
		`<p class="said">— <bdi>وزير الخارجية الروسي سيرغي <mark>لافروف</mark></bdi>، <bdi>قال</bdi>`,
	} {
		if !strings.Contains(said, want) {
			t.Errorf("statements lack %s:\n%s", want, said)
		}
	}
	items := statementItem.FindAllString(said, -1)
	if len(items) != 3 {
		t.Fatalf("%d statements shown, want 3", len(items))
	}
	for i, it := range items {
		if !strings.Contains(it, "<mark>لافروف</mark>") {
			t.Errorf("statement %d does not mark Lavrov: %s", i+1, it)
		}
	}
	back := url.QueryEscape("/?q=" + url.QueryEscape("لافروف"))
	for _, l := range statementLinks(said) {
		if l[0] != "002_24f89540b9a4c350" || l[1] != back {
			t.Errorf("statement links to %s, back to %s", l[0], l[1])
		}
	}
	// The hits are as they were.
	if ids := listed(page); len(ids) != 2 || ids[0] != "000_2b0a31d376df4e44" {
		t.Errorf("hits %v", ids)
	}
	// Not on the next page.
	if _, page := get(t, h, "/?page=2&q="+q("لافروف")); strings.Contains(page, "people-said") {
		t.Error("statements on page 2")
	}

	for _, c := range []struct {
		query string
		boxes []string // the headings of the boxes shown, in order
		marks []string // words marked in the words said
	}{
		// The query's other words pick the statements that say them.
		{"وانغ يي الإرهاب", []string{"وانغ يي عن «الإرهاب»"}, []string{"الإرهاب"}},
		{"بوتين بكين", []string{"فلاديمير بوتين عن «بكين»"}, []string{"وبكين"}},
		// When none says them, the newest.
		{"لافروف أوكرانيا", []string{"سيرغي لافروف"}, nil},
		// Two people, in the order named.
		{"لافروف وانغ يي", []string{"سيرغي لافروف", "وانغ يي"}, nil},
		// No one, or only someone excluded.
		{"الحزام والطريق", nil, nil},
		{`"وزير الخارجية" -بوتين`, nil, nil},
		// Someone no statement is reported of.
		{"ميشوستين", nil, nil},
	} {
		_, page := get(t, h, "/?q="+q(c.query))
		var boxes, marks []string
		for _, m := range regexp.MustCompile(`<h2>تصريحات <a href="[^"]*"><bdi>([^<]*)</bdi></a>(?: عن «<bdi>([^<]*)</bdi>»)?</h2>`).FindAllStringSubmatch(page, -1) {
			b := m[1]
			if m[2] != "" {
				b += " عن «" + m[2] + "»"
			}
			boxes = append(boxes, b)
		}
		for _, m := range regexp.MustCompile(`<blockquote dir="auto">[^\n]*`).FindAllString(page, -1) {
			for _, w := range regexp.MustCompile(`<mark>([^<]*)</mark>`).FindAllStringSubmatch(m, -1) {
				marks = append(marks, w[1])
			}
		}
		if !slices.Equal(boxes, c.boxes) || !slices.Equal(marks, c.marks) {
			t.Errorf("%s: boxes %q marking %q, want %q marking %q", c.query, boxes, marks, c.boxes, c.marks)
		}
	}
}

// A statement's words, speaker and sources are text on every page and
// HTML with marks only in the API.
func TestStatementsAreEscaped(t *testing.T) {
	text := "وزير الخارجية الروسي سيرغي لافروف يزور بكين\n" +
		`وقال وزير الخارجية الروسي سيرغي لافروف إن "روسيا <script>alert(1)</script> والصين <img src=x onerror=alert(2)> ستواصلان التعاون".` + "\n"
	a := indexer.ParseText("x/<i>1</i>", text)
	idx, _, err := indexer.BuildMemory(context.Background(), &sliceReader{arts: []indexer.Article{*a}}, indexer.Options{})
	if err != nil {
		t.Fatal(err)
	}
	e := search.NewEngine(idx)
	t.Cleanup(func() { e.Close() })
	resp, err := e.Statements(context.Background(), search.StatementRequest{Speaker: "لافروف"})
	if err != nil || resp.Total == 0 || !strings.Contains(resp.Statements[0].Text.Text(), "<script>") {
		t.Fatalf("the hostile statement is not read: %v %+v", err, resp)
	}
	h := web.New(e, web.Options{})
	for _, target := range []string{"/?q=" + q("لافروف"), "/person/" + url.PathEscape("لافروف"), "/person/" + url.PathEscape("لافروف") + "?q=" + q("روسيا")} {
		res, page := get(t, h, target)
		if res.StatusCode != 200 || !strings.Contains(page, `<li class="statement">`) {
			t.Errorf("%s: status %d, no statement", target, res.StatusCode)
			continue
		}
		if strings.Contains(page, "<script") || strings.Contains(page, "<img") || strings.Contains(page, "<i>") {
			t.Errorf("%s: markup from the article got through:\n%s", target, page)
		}
		if !strings.Contains(page, "&lt;script&gt;alert(1)&lt;/script&gt;") || !strings.Contains(page, "href=\"/article/x%2F%3Ci%3E1%3C%2Fi%3E?") {
			t.Errorf("%s: the statement is not shown as text, or its link not escaped:\n%s", target, page)
		}
	}
	_, body := get(t, h, "/api/statements?speaker="+q("لافروف")+"&q="+q("روسيا"))
	var r struct {
		Statements []struct{ Text, Article string }
	}
	mustJSON(t, body, &r)
	if len(r.Statements) == 0 || strings.Contains(r.Statements[0].Text, "<script") || !strings.Contains(r.Statements[0].Text, "&lt;script&gt;") ||
		!strings.Contains(r.Statements[0].Text, "<mark>روسيا</mark>") || r.Statements[0].Article != "x/<i>1</i>" {
		t.Errorf("JSON: %s", body)
	}
}
