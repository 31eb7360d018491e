package web_test

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strings"
	"sync"
	"testing"

	"github.com/fahras/fahras/indexer"
	"github.com/fahras/fahras/search"
	"github.com/fahras/fahras/web"
)

// The four built-in articles that name Lavrov (لافروف); the fifth does not.
// 003 tells the same story as 000 (both report the visit announced on 8
// April 2024), so it is listed under 000 as a similar article.
var lavrov = []string{"000_2b0a31d376df4e44", "001_d53218aacc3a3954", "002_24f89540b9a4c350", "003_9503abc412b62b6e"}

var lavrovHits = []string{"000_2b0a31d376df4e44", "001_d53218aacc3a3954", "002_24f89540b9a4c350"}

const noLavrov = "004_e5a80980b21be61b"

var (
	seedOnce   sync.Once
	seedEngine *search.Engine
	seedErr    error
)

// seeds is an engine over the built-in articles, shared by the tests.
func seeds(t testing.TB) *search.Engine {
	t.Helper()
	seedOnce.Do(func() { seedEngine, seedErr = search.OpenDefault() })
	if seedErr != nil {
		t.Fatal(seedErr)
	}
	return seedEngine
}

// get sends one request to h and returns the response and its body.
func do(t *testing.T, h http.Handler, method, target string) (*http.Response, string) {
	t.Helper()
	req := httptest.NewRequest(method, target, nil)
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	res := rec.Result()
	b, _ := io.ReadAll(res.Body)
	return res, string(b)
}

func get(t *testing.T, h http.Handler, target string) (*http.Response, string) {
	t.Helper()
	return do(t, h, http.MethodGet, target)
}

// q makes a query string parameter.
func q(s string) string { return url.QueryEscape(s) }

var (
	hitLink     = regexp.MustCompile(`<h2><a href="/article/([^"?]+)`)
	articleLink = regexp.MustCompile(`<a href="/article/([^"?]+)`)
)

// listed returns the article IDs of a results page's hits, in order.
func listed(page string) []string { return links(hitLink, page) }

// linked returns every article a results page's hits link to: hits and
// their similar articles.
func linked(page string) []string {
	if i := strings.Index(page, `<ol class="hits"`); i >= 0 {
		page = page[i:]
		if j := strings.Index(page, "</ol>"); j >= 0 {
			page = page[:j]
		}
	}
	return links(articleLink, page)
}

func links(re *regexp.Regexp, page string) []string {
	var ids []string
	for _, m := range re.FindAllStringSubmatch(page, -1) {
		id, _ := url.PathUnescape(m[1])
		ids = append(ids, id)
	}
	return ids
}

func sameSet(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	seen := map[string]int{}
	for _, s := range a {
		seen[s]++
	}
	for _, s := range b {
		seen[s]--
	}
	for _, n := range seen {
		if n != 0 {
			return false
		}
	}
	return true
}

func TestSearchPageListsLavrovArticles(t *testing.T) {
	h := web.New(seeds(t), web.Options{})
	res, page := get(t, h, "/?q="+q("لافروف"))
	if res.StatusCode != http.StatusOK {
		t.Fatalf("status %d", res.StatusCode)
	}
	if ct := res.Header.Get("Content-Type"); ct != "text/html; charset=utf-8" {
		t.Errorf("content type %q", ct)
	}
	for _, want := range []string{
		`<html lang="ar" dir="rtl">`,
		`<meta name="viewport" content="width=device-width, initial-scale=1">`,
		`<link rel="stylesheet" href="/static/style.css">`,
		`value="لافروف"`,            // the box keeps the query
		`<strong>4 مقالات</strong>`, // the number of hits
		`ملّي ثانية`,                // and the time taken
		`<mark>لافروف</mark>`,
		`<p class="snippet" dir="auto"><bdi>`,
	} {
		if !strings.Contains(page, want) {
			t.Errorf("page lacks %s", want)
		}
	}
	ids := listed(page)
	if !sameSet(ids, lavrovHits) {
		t.Errorf("hits %v, want %v", ids, lavrovHits)
	}
	if len(ids) > 0 && ids[0] != "000_2b0a31d376df4e44" {
		t.Errorf("first hit %s, want 000 (Lavrov leads its headline)", ids[0])
	}
	if all := linked(page); !sameSet(all, lavrov) {
		t.Errorf("linked %v, want all four %v", all, lavrov)
	}
	if !strings.Contains(page, `<div class="similar">
<p>مقالة مشابهة واحدة:</p>`) {
		t.Error("no similar article shown")
	}
	if strings.Contains(page, noLavrov) {
		t.Error("the article without Lavrov is listed")
	}
	// Each hit links to its article with the query, to mark it there, and
	// the way back.
	if !strings.Contains(page, `href="/article/002_24f89540b9a4c350?back=`+q("/?q="+q("لافروف"))+`&amp;q=`+q("لافروف")+`"`) {
		t.Error("hit link does not carry the query")
	}
	// No script at all, and no inline style the policy would block.
	if strings.Contains(page, "<script") || strings.Contains(page, "style=") {
		t.Error("page has script or inline style")
	}
}

func TestSearchPageWithoutQuery(t *testing.T) {
	h := web.New(seeds(t), web.Options{})
	res, page := get(t, h, "/")
	if res.StatusCode != http.StatusOK {
		t.Fatalf("status %d", res.StatusCode)
	}
	for _, want := range []string{`<form class="search" action="/" method="get"`, `name="q"`, `ابحث في 5 مقالات`, `href="/?q=` + q("لافروف") + `"`} {
		if !strings.Contains(strings.ToLower(page), strings.ToLower(want)) {
			t.Errorf("page lacks %s", want)
		}
	}
	if len(listed(page)) != 0 {
		t.Error("results without a query")
	}
	// A query of spaces is no query: the form again, not an error.
	if res, _ := get(t, h, "/?q="+q("   ")); res.StatusCode != http.StatusOK {
		t.Errorf("blank query: status %d", res.StatusCode)
	}
}

func TestSearchPageNoMatchSaysWhatToTry(t *testing.T) {
	h := web.New(seeds(t), web.Options{})
	res, page := get(t, h, "/?q="+q("طوكيو"))
	if res.StatusCode != http.StatusOK {
		t.Fatalf("status %d", res.StatusCode)
	}
	if !strings.Contains(page, "لم نجد أي مقالة تطابق «<bdi>طوكيو</bdi>»") {
		t.Errorf("no empty-result message:\n%s", page)
	}
	if !strings.Contains(page, "جرّب كلمات أقل") || len(listed(page)) != 0 {
		t.Error("no suggestions, or hits listed")
	}
}

// When no article has every word, the page says so and lists those with
// most of them, each with the word it lacks; asking for any word lists
// them without the notice, and asking for all words lists none.
func TestSearchPageGoesOnWithMostWords(t *testing.T) {
	h := web.New(seeds(t), web.Options{})
	_, page := get(t, h, "/?q="+q("يلين ترامب"))
	if !strings.Contains(page, "لا مقالة فيها كل الكلمات") || !strings.Contains(page, "فيها <strong>معظم</strong> الكلمات") {
		t.Error("the page does not say it lists articles with most of the words")
	}
	if ids := listed(page); !sameSet(ids, []string{"001_d53218aacc3a3954", "003_9503abc412b62b6e"}) {
		t.Errorf("listed %v", ids)
	}
	if !strings.Contains(page, `ينقصها: <bdi>يلين</bdi>`) || !strings.Contains(page, `ينقصها: <bdi>ترامب</bdi>`) {
		t.Error("the words each article lacks are not shown")
	}
	_, page = get(t, h, "/?any=1&q="+q("يلين ترامب"))
	if strings.Contains(page, "معظم</strong> الكلمات") || !strings.Contains(page, `name="any" value="1" checked`) {
		t.Error("any=1: notice shown or box not ticked")
	}
	_, page = get(t, h, "/?all=1&q="+q("يلين ترامب"))
	if ids := listed(page); len(ids) != 0 || !strings.Contains(page, `name="all" value="1" checked`) {
		t.Errorf("all=1: listed %v, or box not ticked", ids)
	}
}

func TestSearchPagePagination(t *testing.T) {
	h := web.New(seeds(t), web.Options{PageSize: 2})
	_, p1 := get(t, h, "/?q="+q("لافروف"))
	_, p2 := get(t, h, "/?page=2&q="+q("لافروف"))
	ids1, ids2 := listed(p1), listed(p2)
	if len(ids1) != 2 || len(ids2) != 1 || !sameSet(append(ids1, ids2...), lavrovHits) {
		t.Errorf("page 1 %v, page 2 %v", ids1, ids2)
	}
	if !strings.Contains(p1, `rel="next" href="/?page=2&amp;q=`+q("لافروف")+`"`) || strings.Contains(p1, `rel="prev"`) {
		t.Error("page 1: wrong next/previous links")
	}
	if !strings.Contains(p2, `rel="prev" href="/?q=`+q("لافروف")+`"`) || strings.Contains(p2, `rel="next"`) {
		t.Error("page 2: wrong next/previous links")
	}
	if !strings.Contains(p2, `<span class="current" aria-current="page">2</span>`) || !strings.Contains(p1, "من 1 إلى 2") || !strings.Contains(p2, "من 3 إلى 3") {
		t.Error("current page or range not shown")
	}
	if !strings.Contains(p2, `<ol class="hits" start="3">`) {
		t.Error("page 2 does not number from 3")
	}
	// Past the last page: a way back, not an error.
	res, p3 := get(t, h, "/?page=3&q="+q("لافروف"))
	if res.StatusCode != http.StatusOK || !strings.Contains(p3, "لا نتائج في هذه الصفحة") {
		t.Errorf("page 3: status %d", res.StatusCode)
	}
}

func TestArticlePageMarksQuery(t *testing.T) {
	h := web.New(seeds(t), web.Options{})
	back := "/?page=2&q=" + q("لافروف")
	res, page := get(t, h, "/article/002_24f89540b9a4c350?back="+q(back)+"&q="+q("لافروف"))
	if res.StatusCode != http.StatusOK {
		t.Fatalf("status %d", res.StatusCode)
	}
	if !strings.Contains(page, `<h1 dir="auto"><mark>لافروف</mark> يبحث مع وزير الخارجية الصيني &#34;الحرب ضد الإرهاب&#34; بعد أيام من هجوم موسكو</h1>`) {
		t.Errorf("title not shown marked:\n%s", page)
	}
	if !strings.Contains(page, `<time datetime="2024-04-09">9 أبريل 2024</time>`) {
		t.Error("no date")
	}
	// The article's lines stay apart: one paragraph each, with its own marks.
	if n := strings.Count(page, `<p dir="auto">`); n < 10 {
		t.Errorf("%d paragraphs", n)
	}
	if !strings.Contains(page, `<p dir="auto">وشدّد الوزير الصيني على أنه`) {
		t.Error("a line of the article does not start a paragraph of its own")
	}
	if n := strings.Count(page, "<mark>لافروف</mark>"); n < 8 {
		t.Errorf("%d marks", n)
	}
	if !strings.Contains(page, `<a href="/?page=2&amp;q=`+q("لافروف")+`">→ العودة إلى نتائج`) {
		t.Error("no way back to the results page the reader came from")
	}
	// Only a link on this site is a way back.
	_, page = get(t, h, "/article/002_24f89540b9a4c350?back="+q("https://example.org/")+"&q="+q("لافروف"))
	if strings.Contains(page, "example.org") || !strings.Contains(page, `<a href="/?q=`+q("لافروف")+`">→ العودة`) {
		t.Error("a foreign back link is followed")
	}
	// Without a query, the article is shown plain.
	_, page = get(t, h, "/article/002_24f89540b9a4c350")
	if strings.Contains(page, "<mark>") || !strings.Contains(page, `<a href="/">→ إلى البحث</a>`) {
		t.Error("plain article: marks or no link to the search")
	}
}

// A small index of one hostile article, with an ID that holds a slash
// and a javascript: link, and one with a link of its own.
func hostile(t *testing.T) *search.Engine {
	t.Helper()
	text := "وزير الخارجية الروسي سيرغي لافروف <script>alert(1)</script> في بكين\n" +
		`<img src=x onerror="alert(2)"> لافروف & "وانغ يي"` + "\n"
	a := indexer.ParseText("gaza/2024", text)
	a.URL = "javascript:alert(6)"
	b := indexer.ParseText("gaza/2025", "وزير الخارجية الروسي سيرغي لافروف في بكين")
	b.URL = "https://example.org/lavrov?a=1&b=<2>"
	idx, _, err := indexer.BuildMemory(context.Background(), &sliceReader{arts: []indexer.Article{*a, *b}}, indexer.Options{})
	if err != nil {
		t.Fatal(err)
	}
	e := search.NewEngine(idx)
	t.Cleanup(func() { e.Close() })
	return e
}

type sliceReader struct {
	arts []indexer.Article
}

func (r *sliceReader) Next() (*indexer.Article, error) {
	if len(r.arts) == 0 {
		return nil, io.EOF
	}
	a := r.arts[0]
	r.arts = r.arts[1:]
	return &a, nil
}
func (r *sliceReader) Progress() (int64, int64) { return 0, 0 }
func (r *sliceReader) Close() error             { return nil }

func TestArticleTextAndQueryAreEscaped(t *testing.T) {
	h := web.New(hostile(t), web.Options{})
	for _, target := range []string{
		"/?q=" + q("لافروف <script>alert(3)</script>"),
		"/?q=" + q(`لافروف "><img src=x onerror=alert(4)>`),
		"/article/gaza%2F2024?q=" + q("لافروف <script>alert(5)</script>"),
		"/article/gaza%2F2024",
	} {
		res, page := get(t, h, target)
		if res.StatusCode != http.StatusOK {
			t.Errorf("%s: status %d", target, res.StatusCode)
			continue
		}
		if strings.Contains(page, "<script") || strings.Contains(page, "<img") {
			t.Errorf("%s: markup from the article or query got through:\n%s", target, page)
		}
		// (The query's words are marked in it, so look past the marks.)
		text := strings.NewReplacer("<mark>", "", "</mark>", "").Replace(page)
		if !strings.Contains(text, "&lt;script&gt;alert(1)&lt;/script&gt;") || !strings.Contains(text, "onerror=&#34;alert(2)&#34;&gt;") {
			t.Errorf("%s: the article's text is not shown as text:\n%s", target, page)
		}
		if strings.Contains(target, "q=") && !strings.Contains(page, "<mark>لافروف</mark>") {
			t.Errorf("%s: the marks, the only markup, are missing", target)
		}
	}
	// The article's link escapes the slash in its ID.
	_, page := get(t, h, "/?q="+q("لافروف"))
	if !strings.Contains(page, `href="/article/gaza%2F2024?`) {
		t.Errorf("link to gaza/2024:\n%s", page)
	}
	// A link that is not http(s) is never given; one that is, is.
	_, page = get(t, h, "/article/gaza%2F2024")
	if strings.Contains(page, "javascript") || strings.Contains(page, "المقال الأصلي") {
		t.Errorf("a javascript: link is shown:\n%s", page)
	}
	_, page = get(t, h, "/article/gaza%2F2025")
	if !strings.Contains(page, `<a href="https://example.org/lavrov?a=1&amp;b=%3c2%3e" rel="noopener noreferrer nofollow">المقال الأصلي</a>`) {
		t.Errorf("the article's own link is not shown:\n%s", page)
	}
	for id, want := range map[string]string{"gaza%2F2024": "", "gaza%2F2025": "https://example.org/lavrov?a=1&b=<2>"} {
		_, body := get(t, h, "/api/articles/"+id)
		var a struct{ URL *string }
		if err := json.Unmarshal([]byte(body), &a); err != nil {
			t.Fatal(err)
		}
		if got := ""; a.URL != nil {
			got = *a.URL
			if got != want || want == "" {
				t.Errorf("%s: url %q, want %q", id, got, want)
			}
		} else if want != "" {
			t.Errorf("%s: no url, want %q", id, want)
		}
	}

	// JSON carries the library's HTML: escaped text, only marks as markup.
	_, body := get(t, h, "/api/articles/gaza%2F2024?q="+q("لافروف"))
	var a struct{ Body string }
	if err := json.Unmarshal([]byte(body), &a); err != nil {
		t.Fatal(err)
	}
	// Title and body are HTML; raw is plain text, as read.
	var a2 struct{ Title, Body, Raw string }
	json.Unmarshal([]byte(body), &a2)
	if strings.Contains(a2.Title+a2.Body, "<script") || !strings.Contains(a2.Title, "&lt;script&gt;") || !strings.Contains(a2.Body, "onerror=&quot;alert(2)&quot;") || !strings.Contains(a2.Body, "<mark>لافروف</mark>") {
		t.Errorf("JSON: %s", body)
	}
	if !strings.Contains(a2.Raw, "<script>alert(1)</script>") || strings.Contains(a2.Raw, "&lt;") {
		t.Errorf("raw is not the text as read: %q", a2.Raw)
	}
}

func TestSearchAPI(t *testing.T) {
	h := web.New(seeds(t), web.Options{})
	res, body := get(t, h, "/api/search?q="+q("لافروف")+"&limit=2&offset=1")
	if res.StatusCode != http.StatusOK || res.Header.Get("Content-Type") != "application/json; charset=utf-8" {
		t.Fatalf("status %d, %s", res.StatusCode, res.Header.Get("Content-Type"))
	}
	var r search.Response
	if err := json.Unmarshal([]byte(body), &r); err != nil {
		t.Fatalf("%v: %s", err, body)
	}
	if r.Total != 4 || r.Offset != 1 || r.Limit != 2 || len(r.Hits) != 2 || r.Hits[0].Rank != 2 || r.Query != "لافروف" {
		t.Errorf("total %d offset %d limit %d hits %d", r.Total, r.Offset, r.Limit, len(r.Hits))
	}
	if !strings.Contains(body, `"took_ms":`) || !strings.Contains(body, "<mark>لافروف</mark>") {
		t.Errorf("no took_ms or marks: %s", body)
	}
	_, body = get(t, h, "/api/search?any=1&q="+q("يلين ترامب"))
	if err := json.Unmarshal([]byte(body), &r); err != nil || r.Total != 2 || r.Partial != 0 {
		t.Errorf("any=1: %s", body)
	}
}

func TestArticleAPI(t *testing.T) {
	h := web.New(seeds(t), web.Options{})
	res, body := get(t, h, "/api/articles/004_e5a80980b21be61b?q="+q("بوتين"))
	if res.StatusCode != http.StatusOK {
		t.Fatalf("status %d: %s", res.StatusCode, body)
	}
	var a struct {
		ID, Title, Body, Raw string
	}
	if err := json.Unmarshal([]byte(body), &a); err != nil {
		t.Fatal(err)
	}
	if a.ID != noLavrov || !strings.Contains(a.Body, "<mark>بوتين</mark>") || !strings.Contains(a.Raw, "فلاديمير بوتين") {
		t.Errorf("article: %s", body)
	}
}

func TestHealthz(t *testing.T) {
	res, body := get(t, web.New(seeds(t), web.Options{}), "/healthz")
	if res.StatusCode != http.StatusOK || strings.TrimSpace(body) != `{"articles":5,"status":"ok"}` {
		t.Errorf("status %d: %s", res.StatusCode, body)
	}
}

// Every mistake a client can make is a 4xx with a message saying what,
// in JSON on the API, never a 500.
func TestErrors(t *testing.T) {
	h := web.New(seeds(t), web.Options{})
	long := strings.Repeat("لافروف ", search.MaxQueryBytes/len("لافروف ")+1)
	for _, c := range []struct {
		method, target string
		status         int
		json           bool
		says           string
	}{
		{"GET", "/api/search", 400, true, "no query"},
		{"GET", "/api/search?q=" + q("   "), 400, true, "no query"},
		{"GET", "/api/search?q=" + q(long), 400, true, "too long"},
		{"GET", "/api/search?q=%ff%fe", 400, true, "UTF-8"},
		{"GET", "/api/search?q=" + q("-لافروف"), 400, true, "only excludes"},
		{"GET", "/api/search?q=" + q("ل*"), 400, true, "too short a prefix"},
		{"GET", "/api/search?q=" + q("ال"+strings.Repeat("?", 300)), 400, true, "is 302 characters long; the limit is 64"},
		{"GET", "/api/search?q=" + q("لافروف") + "&limit=abc", 400, true, "limit must be"},
		{"GET", "/api/search?q=" + q("لافروف") + "&limit=0", 400, true, "limit must be"},
		{"GET", "/api/search?q=" + q("لافروف") + "&limit=1001", 400, true, "limit must be"},
		{"GET", "/api/search?q=" + q("لافروف") + "&offset=-1", 400, true, "offset must be"},
		{"GET", "/api/search?q=" + q("لافروف") + "&offset=10001", 400, true, "offset must be"},
		{"GET", "/api/search?q=" + q("لافروف") + "&offset=1e3", 400, true, "offset must be"},
		{"GET", "/api/search?q=" + q("لافروف") + "&any=maybe", 400, true, "any must be"},
		{"GET", "/api/articles/no-such-article", 404, true, "no such article"},
		{"GET", "/api/nothing-here", 404, true, "no such page"},
		{"GET", "/api", 404, true, "no such page"},
		{"POST", "/api/search?q=" + q("لافروف"), 405, true, "method not allowed"},
		{"DELETE", "/api/articles/" + noLavrov, 405, true, "method not allowed"},
		{"PUT", "/healthz", 405, true, "method not allowed"},
		{"GET", "/?q=" + q(long), 400, false, "الاستعلام طويل جدًا"},
		{"GET", "/?q=" + q("-لافروف"), 400, false, "تعذّر فهم الاستعلام"},
		{"GET", "/?q=" + q("لافروف") + "&page=0", 400, false, "قيمة page"},
		{"GET", "/?q=" + q("لافروف") + "&page=x", 400, false, "قيمة page"},
		{"GET", "/?q=" + q("لافروف") + "&page=99999", 400, false, "قيمة page"},
		{"GET", "/api/search?q=%zz", 400, true, "bad encoding"},
		{"GET", "/api/search?q=" + q("لافروف") + "&from=%2", 400, true, "bad encoding"},
		{"GET", "/api/articles/" + noLavrov + "?q=%zz", 400, true, "bad encoding"},
		{"GET", "/api/articles/..", 400, true, "article ID is not valid"},
		{"GET", "/api/articles/.", 400, true, "article ID is not valid"},
		{"GET", "/api/articles/%2E%2E", 400, true, "article ID is not valid"},
		{"GET", "/?q=%zz", 400, false, "ترميز غير صالح"},
		{"GET", "/article/" + noLavrov + "?q=%zz", 400, false, "ترميز غير صالح"},
		{"GET", "/article/..", 400, false, "معرّف المقالة غير صالح"},
		{"GET", "/article/.", 400, false, "معرّف المقالة غير صالح"},
		{"GET", "/article/%2e", 400, false, "معرّف المقالة غير صالح"},
		{"GET", "/article/no-such-article", 404, false, "لا توجد مقالة بهذا المعرّف"},
		{"GET", "/article/" + noLavrov + "?q=" + q(long), 400, false, "الاستعلام طويل جدًا"},
		{"GET", "/no/such/page", 404, false, "لا توجد صفحة بهذا العنوان"},
		{"GET", "/static/", 404, false, ""},
		{"GET", "/static/missing.css", 404, false, ""},
		{"POST", "/", 405, false, "GET"},
		{"POST", "/article/" + noLavrov, 405, false, "GET"},
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
		if c.json {
			var e struct{ Error string }
			if err := json.Unmarshal([]byte(body), &e); err != nil || e.Error == "" || res.Header.Get("Content-Type") != "application/json; charset=utf-8" {
				t.Errorf("%s: not a JSON error: %s", name, body)
			} else if !strings.Contains(e.Error, c.says) {
				t.Errorf("%s: error %q does not say %q", name, e.Error, c.says)
			}
		} else {
			if !strings.Contains(body, `<html lang="ar" dir="rtl">`) || !strings.Contains(body, c.says) {
				t.Errorf("%s: page does not say %q:\n%.600s", name, c.says, body)
			}
			// The box keeps what fits of the query, so it can be corrected.
			if strings.HasPrefix(c.target, "/?q=") && !strings.Contains(body, `value="`) {
				t.Errorf("%s: no search box", name)
			}
		}
		if c.status == 405 && res.Header.Get("Allow") != "GET, HEAD" {
			t.Errorf("%s: Allow %q", name, res.Header.Get("Allow"))
		}
		if strings.Contains(body, "goroutine") || strings.Contains(body, ".go:") {
			t.Errorf("%s: internals shown: %s", name, body)
		}
	}
}

// A failure of the server's own is a 500 that tells the client nothing
// of its internals.
func TestServerFailureIsOpaque(t *testing.T) {
	e, err := search.OpenDefault()
	if err != nil {
		t.Fatal(err)
	}
	e.Close()
	var logged strings.Builder
	h := web.New(e, web.Options{Logger: newLogger(&logged)})
	res, body := get(t, h, "/api/search?q="+q("لافروف"))
	if res.StatusCode != http.StatusInternalServerError || strings.TrimSpace(body) != `{"error":"internal error"}` {
		t.Errorf("status %d: %s", res.StatusCode, body)
	}
	res, body = get(t, h, "/?q="+q("لافروف"))
	if res.StatusCode != http.StatusInternalServerError || !strings.Contains(body, "حدث خطأ في الخادم") || strings.Contains(body, "closed") {
		t.Errorf("status %d: %s", res.StatusCode, body)
	}
	if !strings.Contains(logged.String(), "/api/search") {
		t.Errorf("not logged: %q", logged.String())
	}
}

func TestSecurityHeadersAndStatic(t *testing.T) {
	h := web.New(seeds(t), web.Options{})
	for _, target := range []string{"/", "/?q=" + q("لافروف"), "/article/" + noLavrov, "/api/search?q=" + q("لافروف"), "/api/nothing", "/nothing", "/static/style.css"} {
		res, _ := get(t, h, target)
		csp := res.Header.Get("Content-Security-Policy")
		if !strings.Contains(csp, "default-src 'none'") || !strings.Contains(csp, "style-src 'self'") || strings.Contains(csp, "unsafe-inline") || strings.Contains(csp, "script-src") {
			t.Errorf("%s: CSP %q", target, csp)
		}
		if res.Header.Get("X-Content-Type-Options") != "nosniff" {
			t.Errorf("%s: no nosniff", target)
		}
	}
	res, css := get(t, h, "/static/style.css")
	if res.StatusCode != 200 || !strings.HasPrefix(res.Header.Get("Content-Type"), "text/css") || !strings.Contains(css, "Noto Naskh Arabic") || !strings.Contains(css, "@media (max-width") {
		t.Errorf("style.css: %d %s", res.StatusCode, res.Header.Get("Content-Type"))
	}
	if res, _ := get(t, h, "/static/favicon.svg"); res.StatusCode != 200 {
		t.Errorf("favicon: %d", res.StatusCode)
	}
	srv := httptest.NewServer(h)
	defer srv.Close()
	res, err := http.Head(srv.URL + "/?q=" + q("لافروف"))
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != 200 || res.Header.Get("Content-Type") != "text/html; charset=utf-8" {
		t.Errorf("HEAD: %d", res.StatusCode)
	}
}

// The news features of the library reach the page: a period, an order,
// facets as filter links, near-duplicates shown or listed as hits.
func TestSearchPageFiltersAndOrder(t *testing.T) {
	h := web.New(seeds(t), web.Options{})
	_, page := get(t, h, "/?from=2024-04-09&to=2024-04-09&q="+q("لافروف"))
	if ids := listed(page); !sameSet(ids, []string{"002_24f89540b9a4c350"}) {
		t.Errorf("9 April 2024: %v", ids)
	}
	if !strings.Contains(page, `name="from" value="2024-04-09"`) || !strings.Contains(page, `<p class="filters">`) {
		t.Error("the period is not kept in the form or shown")
	}
	_, page = get(t, h, "/?sort=newest&q="+q("لافروف"))
	if ids := listed(page); len(ids) == 0 || ids[0] != "002_24f89540b9a4c350" {
		t.Errorf("newest first: %v", ids)
	}
	if !strings.Contains(page, `<option value="newest" selected>`) {
		t.Error("the order is not kept in the form")
	}
	// Facets are filter links: the month, agencies, people.
	_, page = get(t, h, "/?q="+q("لافروف"))
	for _, want := range []string{
		`<summary>تصفية النتائج</summary>`,
		`<a href="/?from=2024-04-01&amp;q=` + q("لافروف") + `&amp;to=2024-04-30"><bdi>أبريل 2024</bdi></a> <span class="count">(2)</span>`, // 002 and 003; 000 has no date
		`<a href="/?person=` + strings.ReplaceAll(q("وانغ يي"), "+", "&#43;") + `&amp;q=` + q("لافروف") + `"><bdi>وانغ يي</bdi></a>`,
		`<bdi>رويترز</bdi>`,
	} {
		if !strings.Contains(page, want) {
			t.Errorf("page lacks %s", want)
		}
	}
	_, page = get(t, h, "/?agency="+q("رويترز")+"&q="+q("لافروف"))
	if ids := listed(page); !sameSet(ids, []string{"002_24f89540b9a4c350"}) {
		t.Errorf("agency Reuters: %v", ids)
	}
	// Through the API, near-duplicates can be listed as hits of their own.
	_, body := get(t, h, "/api/search?no_collapse=1&q="+q("لافروف"))
	var r search.Response
	if err := json.Unmarshal([]byte(body), &r); err != nil || len(r.Hits) != 4 {
		t.Errorf("no_collapse: %s", body)
	}
	_, body = get(t, h, "/api/search?facets=1&sort=oldest&from=2024-04-01&q="+q("لافروف"))
	if err := json.Unmarshal([]byte(body), &r); err != nil || len(r.Facets["month"]) != 1 || r.Hits[len(r.Hits)-1].ID != "002_24f89540b9a4c350" {
		t.Errorf("facets, oldest first: %s", body)
	}
	for target, says := range map[string]string{
		"/?from=9-4-2024&q=" + q("لافروف"):                                     "قيمة «من» غير مقبولة (from must be a day such as 2024-04-09 or a month such as 2024-04",
		"/?from=2024-04-10&to=2024-04-01&q=" + q("لافروف"):                     "قيمة «إلى» غير مقبولة (to is before from",
		"/?sort=random&q=" + q("لافروف"):                                       "قيمة «الترتيب» غير مقبولة",
		"/api/search?to=tomorrow&q=" + q("لافروف"):                             "to must be a day such as 2024-04-09 or a month",
		"/api/search?sort=random&q=" + q("لافروف"):                             "sort must be relevance, newest or oldest",
		"/api/search?facets=maybe&q=" + q("لافروف"):                            "facets must be",
		"/api/search?source=" + strings.Repeat("x", 300) + "&q=" + q("لافروف"): "source must be",
	} {
		res, body := get(t, h, target)
		if res.StatusCode != 400 || !strings.Contains(body, says) {
			t.Errorf("%s: %d %.300s", target, res.StatusCode, body)
		}
	}
}

// The page and the API read the same parameters the same way: a month
// for a period, sort=relevance.
func TestPageAndAPIReadTheSameParameters(t *testing.T) {
	h := web.New(seeds(t), web.Options{})
	// April 2024: 002 (9 April) and 003 (8 April); 000 has no date.
	april := []string{"002_24f89540b9a4c350", "003_9503abc412b62b6e"}
	params := "from=2024-04&to=2024-04&sort=relevance&q=" + q("لافروف")
	res, page := get(t, h, "/?"+params)
	if ids := listed(page); res.StatusCode != 200 || !sameSet(ids, april) {
		t.Errorf("page: %d %v", res.StatusCode, ids)
	}
	if !strings.Contains(page, `name="from" value="2024-04-01"`) || !strings.Contains(page, `name="to" value="2024-04-30"`) || !strings.Contains(page, `<option value="relevance" selected>`) {
		t.Error("the page's form does not keep the month or the order")
	}
	_, body := get(t, h, "/api/search?"+params)
	var r search.Response
	if err := json.Unmarshal([]byte(body), &r); err != nil {
		t.Fatalf("%v: %s", err, body)
	}
	var ids []string
	for _, hit := range r.Hits {
		ids = append(ids, hit.ID)
	}
	if !sameSet(ids, april) {
		t.Errorf("API: %v", ids)
	}
}

// The page can list near-duplicates as hits of their own: 000 and 003
// are one AFP report, folded together by default.
func TestSearchPageNoCollapse(t *testing.T) {
	h := web.New(seeds(t), web.Options{})
	_, page := get(t, h, "/?q="+q("لافروف"))
	if ids := listed(page); len(ids) != 3 {
		t.Errorf("folded: %v", ids)
	}
	_, page = get(t, h, "/?no_collapse=1&q="+q("لافروف"))
	if ids := listed(page); len(ids) != 4 {
		t.Errorf("no_collapse=1: %v", ids)
	}
	if !strings.Contains(page, `name="no_collapse" value="1" checked`) {
		t.Error("the choice is not kept in the form")
	}
}

// The page says when a prefix stood for its most frequent forms only.
func TestPageCapped(t *testing.T) {
	h := web.New(seeds(t), web.Options{})
	_, body := get(t, h, "/?q="+q("ال*"))
	if !strings.Contains(body, `<p class="notice capped"><bdi>ال*</bdi>: صيغها في الفهرس أكثر مما يُبحث به`) {
		t.Errorf("no capped notice:\n%.2000s", body)
	}
	_, body = get(t, h, "/?q="+q("لافرو*"))
	if strings.Contains(body, "notice capped") {
		t.Error("لافرو* said capped")
	}
}
