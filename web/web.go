// Package web is Fahras's search page and JSON API over HTTP: an Arabic,
// right-to-left page that works without JavaScript, each article in full
// with the query's matches marked, and the library's responses as JSON.
//
//	e, _ := search.OpenDefault()
//	http.ListenAndServe("127.0.0.1:8080", web.New(e, web.Options{}))
//
// Routes:
//
//	GET /                   the search page (?q=, page=, any=1)
//	GET /article/{id}       one article, the query's matches marked (?q=)
//	GET /api/search         search.Response as JSON (?q=, limit=, offset=, any=1)
//	GET /api/articles/{id}  search.Article as JSON (?q=)
//	GET /healthz            {"status":"ok","articles":N}
//	GET /static/...         the page's stylesheet and icon
//
// Templates and static files are embedded; nothing is fetched at run time.
package web

import (
	"embed"
	"html/template"
	"io/fs"
	"log"
	"net/http"
	"strings"

	"github.com/gorilla/mux"

	"github.com/fahras/fahras/search"
)

//go:embed templates/*.html
var templateFiles embed.FS

//go:embed static
var staticFiles embed.FS

// Options change how the site behaves. The zero value is ready to use.
type Options struct {
	// PageSize is how many hits the search page shows at a time
	// (default 10, at most search.MaxLimit).
	PageSize int
	// Logger receives errors that are the server's fault, never the
	// client's; log.Default() when nil.
	Logger *log.Logger
}

// DefaultPageSize is the number of hits on one search page.
const DefaultPageSize = 10

// securityHeaders are sent with every response: no script at all, style
// and images from this server only, and no guessing of content types.
var securityHeaders = map[string]string{
	"Content-Security-Policy": "default-src 'none'; style-src 'self'; img-src 'self'; " +
		"form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
	"X-Content-Type-Options": "nosniff",
	"Referrer-Policy":        "same-origin",
	"X-Frame-Options":        "DENY",
}

// server holds what the handlers share.
type server struct {
	engine   *search.Engine
	pageSize int
	log      *log.Logger
	pages    map[string]*template.Template
}

// New returns the site's handler over an engine. The engine stays the
// caller's to close, after the handler is no longer used.
func New(engine *search.Engine, opts Options) http.Handler {
	s := &server{engine: engine, pageSize: opts.PageSize, log: opts.Logger}
	if s.pageSize <= 0 {
		s.pageSize = DefaultPageSize
	}
	if s.pageSize > search.MaxLimit {
		s.pageSize = search.MaxLimit
	}
	if s.log == nil {
		s.log = log.Default()
	}
	s.pages = parsePages()

	r := mux.NewRouter()
	// Match on the escaped path, so that an article ID may hold a slash
	// (written %2F in its link).
	r.UseEncodedPath()
	get := []string{http.MethodGet, http.MethodHead}
	r.HandleFunc("/", s.searchPage).Methods(get...)
	r.HandleFunc("/article/{id}", s.articlePage).Methods(get...)
	r.HandleFunc("/api/search", s.apiSearch).Methods(get...)
	r.HandleFunc("/api/articles/{id}", s.apiArticle).Methods(get...)
	r.HandleFunc("/healthz", s.healthz).Methods(get...)
	r.PathPrefix("/static/").Handler(s.staticHandler()).Methods(get...)
	r.NotFoundHandler = http.HandlerFunc(s.notFound)
	r.MethodNotAllowedHandler = http.HandlerFunc(s.methodNotAllowed)
	return s.recoverer(withHeaders(r))
}

// parsePages parses each page's template together with the shared layout.
func parsePages() map[string]*template.Template {
	pages := map[string]*template.Template{}
	for _, name := range []string{"search", "article", "error"} {
		t := template.New("layout.html").Funcs(funcs)
		pages[name] = template.Must(t.ParseFS(templateFiles, "templates/layout.html", "templates/"+name+".html"))
	}
	return pages
}

// withHeaders adds the security headers to every response.
func withHeaders(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		for k, v := range securityHeaders {
			w.Header().Set(k, v)
		}
		h.ServeHTTP(w, r)
	})
}

// recoverer turns a panic in a handler into a plain 500, logged, with no
// stack trace sent to the client.
func (s *server) recoverer(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		defer func() {
			if v := recover(); v != nil {
				if v == http.ErrAbortHandler {
					panic(v)
				}
				s.log.Printf("web: %s %s: panic: %v", r.Method, r.URL.Path, v)
				s.fail(w, r, http.StatusInternalServerError, msgInternal)
			}
		}()
		h.ServeHTTP(w, r)
	})
}

// staticHandler serves the embedded static files, without directory
// listings.
func (s *server) staticHandler() http.Handler {
	sub, err := fs.Sub(staticFiles, "static")
	if err != nil {
		panic(err)
	}
	files := http.StripPrefix("/static/", http.FileServer(http.FS(sub)))
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		name := strings.TrimPrefix(r.URL.Path, "/static/")
		if info, err := fs.Stat(sub, name); err != nil || info.IsDir() {
			s.notFound(w, r)
			return
		}
		w.Header().Set("Cache-Control", "public, max-age=3600")
		files.ServeHTTP(w, r)
	})
}

// isAPI tells whether a request is for the JSON API, which answers
// errors in JSON.
func isAPI(r *http.Request) bool {
	p := r.URL.Path
	return p == "/api" || strings.HasPrefix(p, "/api/") || p == "/healthz"
}

func (s *server) notFound(w http.ResponseWriter, r *http.Request) {
	s.fail(w, r, http.StatusNotFound, msgNoPage)
}

func (s *server) methodNotAllowed(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Allow", "GET, HEAD")
	s.fail(w, r, http.StatusMethodNotAllowed, msgMethod)
}

// fail answers with an error: JSON for the API, a page for people.
func (s *server) fail(w http.ResponseWriter, r *http.Request, status int, m message) {
	if isAPI(r) {
		writeError(w, status, m.en)
		return
	}
	s.errorPage(w, r, status, m)
}

// message is an error said to a person (in Arabic) and to a program (in
// English).
type message struct{ ar, en string }

var (
	msgNoPage   = message{"لا توجد صفحة بهذا العنوان.", "no such page"}
	msgMethod   = message{"هذه الصفحة تُطلب بـ GET فقط.", "method not allowed: use GET"}
	msgInternal = message{"حدث خطأ في الخادم. أعد المحاولة بعد قليل.", "internal error"}
	msgNoArt    = message{"لا توجد مقالة بهذا المعرّف.", "no such article"}
)
