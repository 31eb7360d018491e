package web_test

import (
	"context"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/fahras/fahras/web"
)

// findBrowser returns the path of a Chromium or Chrome, or "".
func findBrowser() string {
	if p := os.Getenv("FAHRAS_BROWSER"); p != "" {
		return p
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "headless-shell"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

// screenshotDir is where the browser test leaves its pictures for a person
// to look at (ignored by git).
const screenshotDir = "testdata/screenshots"

// A person's visit: a real browser loads the page, types لافروف, submits
// the form, and sees the four Lavrov articles with the word marked, right
// to left; then opens the first and comes back.
func TestBrowserSearch(t *testing.T) {
	ctx, srv := openBrowser(t)
	step(t, ctx, "load the search page, type لافروف, submit", chromedp.Steps(
		chromedp.Navigate(srv.URL+"/"),
		chromedp.WaitVisible(chromedp.ID("q")),
		chromedp.SendKeys(chromedp.ID("q"), "لافروف"),
		chromedp.Click(chromedp.CSS(`form.search button[type=submit]`)),
		chromedp.WaitVisible(chromedp.CSS(`ol.hits`)),
	))
	save(t, "search-lavrov.png", value(t, ctx, chromedp.FullScreenshot(100)))

	dir := value(t, ctx, chromedp.Evaluate[string](`document.documentElement.dir`))
	lang := value(t, ctx, chromedp.Evaluate[string](`document.documentElement.lang`))
	bodyDir := value(t, ctx, chromedp.Evaluate[string](`getComputedStyle(document.body).direction`))
	if dir != "rtl" || lang != "ar" || bodyDir != "rtl" {
		t.Errorf("dir %q, lang %q, body direction %q", dir, lang, bodyDir)
	}
	if v := value(t, ctx, chromedp.Value(chromedp.ID("q"))); v != "لافروف" {
		t.Errorf("search box holds %q", v)
	}
	if s := value(t, ctx, chromedp.Text(chromedp.CSS(`.summary`))); !strings.Contains(s, "4 مقالات") {
		t.Errorf("summary %q", s)
	}
	// Three hits; the fourth article tells the same story as the first
	// and is listed under it as similar.
	ids := value(t, ctx, chromedp.Evaluate[[]string](`[...document.querySelectorAll('.hit h2 a, .hit .similar a')].map(a => decodeURIComponent(new URL(a.href).pathname.split('/').pop()))`))
	if !sameSet(ids, lavrov) {
		t.Errorf("articles listed %v, want %v", ids, lavrov)
	}
	if n := value(t, ctx, chromedp.Evaluate[int](`document.querySelectorAll('.hit').length`)); n != 3 {
		t.Errorf("%d hits, want 3", n)
	}
	marks := value(t, ctx, chromedp.Evaluate[[]string](`[...document.querySelectorAll('.hit mark')].map(m => m.textContent)`))
	if len(marks) < 4 {
		t.Errorf("%d marked words", len(marks))
	}
	for _, m := range marks {
		if m != "لافروف" {
			t.Errorf("marked %q", m)
		}
	}
	// Each hit has at least one marked word.
	unmarked := value(t, ctx, chromedp.Evaluate[int](`[...document.querySelectorAll('.hit')].filter(h => !h.querySelector('mark')).length`))
	if unmarked != 0 {
		t.Errorf("%d hits without a marked word", unmarked)
	}
	// The stylesheet loaded under the page's Content-Security-Policy.
	bg := value(t, ctx, chromedp.Evaluate[string](`getComputedStyle(document.querySelector('.hit mark')).backgroundColor`))
	if bg == "" || bg == "rgba(0, 0, 0, 0)" {
		t.Errorf("mark background %q: the stylesheet did not load", bg)
	}

	// On a phone: nothing wider than the screen.
	step(t, ctx, "view on a phone", chromedp.Steps(
		chromedp.EmulateViewport(390, 844, chromedp.EmulateScale(2), chromedp.EmulateMobile),
		chromedp.Reload(),
		chromedp.WaitVisible(chromedp.CSS(`ol.hits`)),
	))
	save(t, "search-lavrov-phone.png", value(t, ctx, chromedp.CaptureScreenshot()))
	if value(t, ctx, chromedp.Evaluate[bool](`document.documentElement.scrollWidth > window.innerWidth`)) {
		t.Error("the page is wider than a phone's screen")
	}

	// Open the best hit: its words marked, its lines kept; then back.
	step(t, ctx, "open the first hit", chromedp.Steps(
		chromedp.EmulateViewport(1000, 1300),
		chromedp.Click(chromedp.CSS(`.hit h2 a`)),
		chromedp.WaitVisible(chromedp.CSS(`article h1`)),
	))
	save(t, "article.png", value(t, ctx, chromedp.CaptureScreenshot()))
	h1 := value(t, ctx, chromedp.Text(chromedp.CSS(`article h1`)))
	n := value(t, ctx, chromedp.Evaluate[int](`document.querySelectorAll('article mark').length`))
	paras := value(t, ctx, chromedp.Evaluate[int](`document.querySelectorAll('article .body p').length`))
	if h1 != "لافروف يزور الصين الإثنين والثلاثاء" || n < 4 || paras < 5 {
		t.Errorf("article: title %q, %d marks, %d paragraphs", h1, n, paras)
	}
	step(t, ctx, "go back to the results", chromedp.Steps(
		chromedp.Click(chromedp.CSS(`nav.back a`)),
		chromedp.WaitVisible(chromedp.CSS(`ol.hits`)),
	))
	if v := value(t, ctx, chromedp.Value(chromedp.ID("q"))); v != "لافروف" {
		t.Errorf("back at the results, the box holds %q", v)
	}
}

// openBrowser starts a server over the built-in articles and a headless
// browser, both stopped when the test ends; it skips the test where no
// browser is found, or in -short mode.
func openBrowser(t *testing.T) (context.Context, *httptest.Server) {
	t.Helper()
	if testing.Short() {
		t.Skip("browser test skipped in -short mode")
	}
	browser := findBrowser()
	if browser == "" {
		t.Skip("no Chromium or Chrome found: install one (.ci/install-browser does, with apt-get) or set FAHRAS_BROWSER to its path")
	}
	srv := httptest.NewServer(web.New(seeds(t), web.Options{}))
	t.Cleanup(srv.Close)

	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(browser),
		chromedp.NoSandbox, // running as root, as CI does
		chromedp.DisableGPU,
		chromedp.WindowSize(1000, 1300),
	)
	actx, cancel := chromedp.NewExecAllocator(context.Background(), opts...)
	t.Cleanup(cancel)
	ctx, cancel := chromedp.NewContext(actx)
	t.Cleanup(cancel)
	ctx, cancel = context.WithTimeout(ctx, 90*time.Second)
	t.Cleanup(cancel)

	if err := os.MkdirAll(screenshotDir, 0o755); err != nil {
		t.Fatal(err)
	}
	return ctx, srv
}

// A reader searches لافروف and sees his statements first, above the
// articles, his name marked, with a link to all of them; follows it to
// his page, opens a statement in its article, its words marked, and comes
// back.
func TestBrowserStatements(t *testing.T) {
	ctx, srv := openBrowser(t)
	step(t, ctx, "load the search page, type لافروف, submit", chromedp.Steps(
		chromedp.Navigate(srv.URL+"/"),
		chromedp.WaitVisible(chromedp.ID("q")),
		chromedp.SendKeys(chromedp.ID("q"), "لافروف"),
		chromedp.Click(chromedp.CSS(`form.search button[type=submit]`)),
		chromedp.WaitVisible(chromedp.CSS(`section.people-said`)),
		chromedp.WaitVisible(chromedp.CSS(`ol.hits`)),
	))
	save(t, "statements-lavrov.png", value(t, ctx, chromedp.FullScreenshot(100)))

	// The statements come first: above the summary and the hits, and
	// higher on the screen.
	first := value(t, ctx, chromedp.Evaluate[bool](`(() => {
		const box = document.querySelector('section.people-said'), hits = document.querySelector('ol.hits');
		return !!(box.compareDocumentPosition(hits) & Node.DOCUMENT_POSITION_FOLLOWING) &&
			box.getBoundingClientRect().bottom <= hits.getBoundingClientRect().top;
	})()`))
	if !first {
		t.Error("the statements are not shown above the hits")
	}
	if h := value(t, ctx, chromedp.Text(chromedp.CSS(`section.people-said h2`))); h != "تصريحات سيرغي لافروف" {
		t.Errorf("heading %q", h)
	}
	// Three statements, each with his name marked where the article
	// writes it, the words said, and a link to them in the article.
	type item struct {
		Marks []string `json:"marks"`
		Said  string   `json:"said"`
		Link  string   `json:"link"`
	}
	items := value(t, ctx, chromedp.Evaluate[[]item](`[...document.querySelectorAll('section.people-said li.statement')].map(li => ({
		marks: [...li.querySelectorAll('.said mark')].map(m => m.textContent),
		said: li.querySelector('blockquote').textContent,
		link: decodeURIComponent(new URL(li.querySelector('a.in-article').href).pathname),
	}))`))
	if len(items) != 3 {
		t.Fatalf("%d statements shown, want 3", len(items))
	}
	for i, it := range items {
		if len(it.Marks) == 0 || it.Marks[0] != "لافروف" || it.Said == "" || it.Link != "/article/002_24f89540b9a4c350" {
			t.Errorf("statement %d: marks %v, words %q, link %s", i+1, it.Marks, it.Said, it.Link)
		}
	}
	if bg := value(t, ctx, chromedp.Evaluate[string](`getComputedStyle(document.querySelector('section.people-said mark')).backgroundColor`)); bg == "" || bg == "rgba(0, 0, 0, 0)" {
		t.Errorf("mark background %q", bg)
	}
	all := value(t, ctx, chromedp.Evaluate[[]string](`[...document.querySelectorAll('section.people-said p.all a')].map(a => a.textContent + '|' + decodeURIComponent(new URL(a.href).pathname))`))
	if len(all) != 1 || all[0] != "كل التصريحات (17 تصريحًا) ←|/person/سيرغي لافروف" {
		t.Errorf("link to all statements: %q", all)
	}
	// The four articles are listed as before.
	if n := value(t, ctx, chromedp.Evaluate[int](`document.querySelectorAll('.hit').length`)); n != 3 {
		t.Errorf("%d hits, want 3", n)
	}

	step(t, ctx, "follow the link to all statements", chromedp.Steps(
		chromedp.Click(chromedp.CSS(`section.people-said p.all a`)),
		chromedp.WaitVisible(chromedp.CSS(`section.person h1`)),
	))
	save(t, "person-lavrov.png", value(t, ctx, chromedp.FullScreenshot(100)))
	if h1 := value(t, ctx, chromedp.Text(chromedp.CSS(`section.person h1`))); h1 != "سيرغي لافروف" {
		t.Errorf("person page titled %q", h1)
	}
	if n := value(t, ctx, chromedp.Evaluate[int](`document.querySelectorAll('#statements li.statement').length`)); n != 10 {
		t.Errorf("%d statements on the person page, want 10", n)
	}
	if trip := value(t, ctx, chromedp.Text(chromedp.CSS(`#visits .trip`))); !strings.Contains(trip, "سيرغي لافروف إلى الصين") || !strings.Contains(trip, "8–9 أبريل 2024") {
		t.Errorf("visit %q", trip)
	}
	step(t, ctx, "view the person page on a phone", chromedp.Steps(
		chromedp.EmulateViewport(390, 844, chromedp.EmulateScale(2), chromedp.EmulateMobile),
		chromedp.Reload(),
		chromedp.WaitVisible(chromedp.CSS(`section.person h1`)),
	))
	save(t, "person-lavrov-phone.png", value(t, ctx, chromedp.CaptureScreenshot()))
	if value(t, ctx, chromedp.Evaluate[bool](`document.documentElement.scrollWidth > window.innerWidth`)) {
		t.Error("the person page is wider than a phone's screen")
	}
	step(t, ctx, "back to a desktop window", chromedp.EmulateViewport(1000, 1300))

	step(t, ctx, "open the second statement in its article", chromedp.Steps(
		chromedp.Click(chromedp.CSS(`#statements li.statement:nth-child(2) a.in-article`)),
		chromedp.WaitVisible(chromedp.CSS(`article h1`)),
	))
	save(t, "article-statement.png", value(t, ctx, chromedp.CaptureScreenshot()))
	marked := value(t, ctx, chromedp.Evaluate[string](`[...document.querySelectorAll('article mark')].map(m => m.textContent).join(' ')`))
	if marked != "روسيا والصين ستواصلان التعاون في الحرب ضد الإرهاب في إطار علاقاتهما التي تمر بأقوى مراحلها" {
		t.Errorf("marked in the article: %q", marked)
	}
	step(t, ctx, "go back to the person page", chromedp.Steps(
		chromedp.Click(chromedp.CSS(`nav.back a`)),
		chromedp.WaitVisible(chromedp.CSS(`section.person h1`)),
	))
}

// step runs browser actions, failing the test when one fails.
func step(t *testing.T, ctx context.Context, what string, a chromedp.Action[chromedp.Void]) {
	t.Helper()
	if _, err := chromedp.Run(ctx, a); err != nil {
		t.Fatalf("%s: %v", what, err)
	}
}

// value runs a browser action and returns its value.
func value[T any](t *testing.T, ctx context.Context, a chromedp.Action[T]) T {
	t.Helper()
	v, err := chromedp.Run(ctx, a)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

func save(t *testing.T, name string, png []byte) {
	t.Helper()
	p := filepath.Join(screenshotDir, name)
	if err := os.WriteFile(p, png, 0o644); err != nil {
		t.Errorf("saving the screenshot: %v", err)
		return
	}
	t.Logf("screenshot: web/%s", p)
}
