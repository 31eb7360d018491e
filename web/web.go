// Package web is Fahras's search page and JSON API over HTTP: an Arabic,
// right-to-left page that works without JavaScript, each article in full
// with the query's matches marked, and the library's responses as JSON.
//
//	e, _ := search.OpenDefault()
//	http.ListenAndServe("127.0.0.1:8080", web.New(e, web.Options{}))
//
// Routes:
//
//	GET /                   the search page (?q=, page=, and the parameters of search.ParseRequest);
//	                        a query naming a person shows a few of their statements first
//	GET /article/{id}       one article, the query's matches marked (?q=), or the words of a
//	                        statement (?start=&end=, the byte span of search.Statement)
//	GET /person/{name}      a person's statements and visits, newest first (?q=, from=, to=,
//	                        page= for the statements, vpage= for the visits)
//	GET /api/search         search.Response as JSON (the parameters of search.ParseRequest)
//	GET /api/statements     search.StatementResponse as JSON (the parameters of
//	                        search.ParseStatementRequest: q, speaker, from, to, n, offset)
//	GET /api/visits         search.VisitResponse as JSON (the parameters of
//	                        search.ParseVisitRequest: who, to (the place), from, to-date, n, offset)
//	GET /api/articles/{id}  search.Article as JSON (?q=, start=, end=)
//	GET /healthz            {"status":"ok","articles":N}
//	GET /static/...         the page's stylesheet and icon
//
// Every search runs under a deadline (Options.Timeout) and stops when
// its client goes away. At most Options.MaxSearches run at once and at
// most Options.MaxQueue more wait for their turn; beyond that a request is
// refused at once with 503 and Retry-After. A search that runs out of time
// is answered 504. Neither is ever a 500.
//
// One rule of escaping holds for the API's JSON: a field that can carry
// marks (the title, body and snippets of a hit or an article, the text of
// a statement, the evidence of a visit) is HTML, its text escaped and
// <mark> its only markup; every other string is plain text, for whoever
// displays it to escape. An article's url is given only when it is an
// http or https address.
//
// Templates and static files are embedded; nothing is fetched at run time.
package web

import (
	"context"
	"embed"
	"html/template"
	"io/fs"
	"log"
	"net/http"
	"runtime"
	"strings"
	"time"

	"github.com/gorilla/mux"

	"github.com/fahras/fahras/search"
	"github.com/fahras/fahras/store"
)

//go:embed templates/*.html
var templateFiles embed.FS

//go:embed static
var staticFiles embed.FS

// Searcher is what the site needs of a search engine. *search.Engine is
// one; so is anything that hands each call to an engine of its choosing,
// such as one that switches to a new index while serving. Its methods
// are called from many goroutines at once.
type Searcher interface {
	// Search runs a search, stopping when ctx ends.
	Search(ctx context.Context, req search.Request) (*search.Response, error)
	// Article returns one whole article, the words q matches marked.
	Article(ctx context.Context, id, q string) (*search.Article, error)
	// ArticleWith returns one whole article, the words of a query and
	// those of a span of its body (a statement's) marked.
	ArticleWith(ctx context.Context, id string, opts search.ArticleOptions) (*search.Article, error)
	// Statements lists who said what.
	Statements(ctx context.Context, req search.StatementRequest) (*search.StatementResponse, error)
	// Visits lists who went where.
	Visits(ctx context.Context, req search.VisitRequest) (*search.VisitResponse, error)
	// Info describes the index searched.
	Info() store.Info
}

var _ Searcher = (*search.Engine)(nil)

// Options change how the site behaves. The zero value is ready to use.
type Options struct {
	// PageSize is how many hits the search page shows at a time
	// (default 10, at most search.MaxLimit).
	PageSize int
	// Logger receives errors that are the server's fault, never the
	// client's; log.Default() when nil.
	Logger *log.Logger
	// Timeout is how long one search or article may take, waiting for
	// its turn included: DefaultTimeout when zero. A search that runs
	// out of time is stopped and answered 504.
	Timeout time.Duration
	// MaxSearches is how many searches run at once: the number of CPUs
	// Go uses (runtime.GOMAXPROCS) when zero. Searches whose queries
	// have a wildcard, prefix or fuzzy term, or more than eight words,
	// take at most all but one of them, so that a plain query is not
	// kept waiting behind expensive ones.
	MaxSearches int
	// MaxQueue is how many more searches may wait for their turn, each
	// until its Timeout: QueuePerSearch times MaxSearches when zero, and
	// none when negative. A search beyond them is refused at once with
	// 503 and a Retry-After header.
	MaxQueue int
}

// Defaults of Options.
const (
	DefaultPageSize = 10
	DefaultTimeout  = 2 * time.Second
	// QueuePerSearch sizes the default queue: with as many waiting as
	// QueuePerSearch times the searches running, a search waits for
	// about QueuePerSearch others to finish, however many CPUs there
	// are.
	QueuePerSearch = 32
)

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
	engine   Searcher
	pageSize int
	timeout  time.Duration
	gate     *gate
	// expensive admits the expensive searches (see expensive) before
	// the gate: a slot fewer than it, so one is always left for plain
	// ones.
	expensive *gate
	log       *log.Logger
	pages     map[string]*template.Template
}

// New returns the site's handler over a searcher, such as a
// *search.Engine. The searcher stays the caller's to close, after the
// handler is no longer used and the searches it started have returned.
func New(engine Searcher, opts Options) http.Handler {
	s := &server{engine: engine, pageSize: opts.PageSize, timeout: opts.Timeout, log: opts.Logger}
	if s.pageSize <= 0 {
		s.pageSize = DefaultPageSize
	}
	if s.pageSize > search.MaxLimit {
		s.pageSize = search.MaxLimit
	}
	if s.timeout <= 0 {
		s.timeout = DefaultTimeout
	}
	if s.log == nil {
		s.log = log.Default()
	}
	running := opts.MaxSearches
	if running <= 0 {
		running = runtime.GOMAXPROCS(0)
	}
	queue := opts.MaxQueue
	switch {
	case queue == 0:
		queue = QueuePerSearch * running
	case queue < 0:
		queue = 0
	}
	s.gate = newGate(running, queue)
	s.expensive = newGate(max(1, running-1), queue)
	s.pages = parsePages()

	r := mux.NewRouter()
	// Match on the escaped path, so that an article ID may hold a slash
	// (written %2F in its link), and leave paths as they are: "." and
	// ".." are IDs to refuse, not steps to take.
	r.UseEncodedPath()
	r.SkipClean(true)
	get := []string{http.MethodGet, http.MethodHead}
	r.HandleFunc("/", s.searchPage).Methods(get...)
	r.HandleFunc("/article/{id}", s.articlePage).Methods(get...)
	r.HandleFunc("/person/{name}", s.personPage).Methods(get...)
	r.HandleFunc("/api/search", s.apiSearch).Methods(get...)
	r.HandleFunc("/api/statements", s.apiStatements).Methods(get...)
	r.HandleFunc("/api/visits", s.apiVisits).Methods(get...)
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
	for _, name := range []string{"search", "article", "person", "error"} {
		t := template.New("layout.html").Funcs(funcs)
		pages[name] = template.Must(t.ParseFS(templateFiles, "templates/layout.html", "templates/events.html", "templates/"+name+".html"))
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
	msgNoPerson = message{"لا يذكر أيّ خبر في الفهرس تصريحًا أو زيارة لهذا الاسم.", "no article of the index reports a statement or a visit by this name"}
	msgBusy     = message{"الخادم مشغول بعمليات بحث أخرى. أعد المحاولة بعد لحظات.", "the server is busy with other searches: try again in a moment"}
	msgGone     = message{"توقّف البحث لأن الطلب أُلغي.", "the search was stopped because the request was cancelled"}
)
