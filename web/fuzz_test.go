package web_test

import (
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"github.com/fahras/fahras/web"
)

// Any request a client can send gets an answer that is not a 500, in
// the form its route promises, and never a panic.
func FuzzHandler(f *testing.F) {
	for _, s := range []string{
		"/?q=" + q("لافروف"),
		"/?q=" + q(`"وزير الخارجية" -بوتين`) + "&from=2024-04&to=2024-04-09&sort=newest&page=2",
		"/api/search?q=" + q("بوتن") + "&limit=3&offset=1&any=1&facets=1&no_collapse=1",
		"/api/search?q=" + q("جين بينغ") + "&agency=" + q("رويترز") + "&person=" + q("وانغ يي"),
		"/api/search?q=%zz",
		"/api/articles/002_24f89540b9a4c350?q=" + q("لافروف"),
		"/article/000_2b0a31d376df4e44?q=" + q("يلين") + "&back=" + q("/?q=x"),
		"/article/..",
		"/?q=" + q("وانغ يي الإرهاب") + "&from=2024-04",
		"/api/statements?speaker=" + q("لافروف") + "&q=" + q("الإرهاب") + "&from=2024-04&to=2024-04-09&n=3&offset=1",
		"/api/statements?limit=2&q=" + q(`"الحرب ضد" -أوكرانيا`),
		"/api/visits?who=" + q("لافروف") + "&to=" + q("بكين") + "&from=2024-04&to-date=2024-04-30&n=2&offset=0",
		"/person/" + url.PathEscape("سيرغي لافروف") + "?q=" + q("الإرهاب") + "&from=2024-01&to=2024-12&page=2&vpage=1",
		"/person/" + url.PathEscape("الخارجية الروسية"),
		"/article/002_24f89540b9a4c350?start=1266&end=1432&back=" + q("/person/"+url.PathEscape("لافروف")),
		"/api/articles/002_24f89540b9a4c350?start=225&end=455&q=" + q("الإرهاب"),
		"/static/style.css",
		"/healthz",
	} {
		f.Add(s)
	}
	h := web.New(seeds(f), web.Options{})
	f.Fuzz(func(t *testing.T, target string) {
		if !strings.HasPrefix(target, "/") {
			target = "/" + target
		}
		req, err := http.NewRequest(http.MethodGet, "http://fahras.test"+target, nil)
		if err != nil || req.URL.Host != "fahras.test" {
			return // not a request a client could send
		}
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		switch rec.Code {
		case http.StatusOK, http.StatusBadRequest, http.StatusNotFound:
		default:
			t.Fatalf("%s: status %d: %.300s", target, rec.Code, rec.Body.String())
		}
		ct := rec.Header().Get("Content-Type")
		api := strings.HasPrefix(req.URL.Path, "/api/") || req.URL.Path == "/healthz"
		if api && ct != "application/json; charset=utf-8" {
			t.Fatalf("%s: content type %q", target, ct)
		}
	})
}
