package web_test

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/fahras/fahras/search"
	"github.com/fahras/fahras/store"
	"github.com/fahras/fahras/web"
)

// blocking is a Searcher whose searches wait until released (or, when
// it heeds contexts, until their context ends), counting how many run at
// once.
type blocking struct {
	heedContext bool
	release     chan struct{}
	started     chan struct{} // a send per search started
	stopped     chan error    // a send per search its context stopped

	mu             sync.Mutex
	running, most  int
	panicOnArticle bool
}

func newBlocking(heedContext bool) *blocking {
	return &blocking{heedContext: heedContext, release: make(chan struct{}), started: make(chan struct{}, 100), stopped: make(chan error, 100)}
}

func (b *blocking) Search(ctx context.Context, req search.Request) (*search.Response, error) {
	b.mu.Lock()
	b.running++
	b.most = max(b.most, b.running)
	b.mu.Unlock()
	defer func() {
		b.mu.Lock()
		b.running--
		b.mu.Unlock()
	}()
	b.started <- struct{}{}
	if b.heedContext {
		select {
		case <-b.release:
		case <-ctx.Done():
			b.stopped <- ctx.Err()
			return nil, ctx.Err()
		}
	} else {
		<-b.release
	}
	return &search.Response{Query: req.Query, Total: 1, Limit: req.Limit, Hits: []search.Hit{{Rank: 1, ID: "000_2b0a31d376df4e44", Title: search.Snippet{{Text: "لافروف يزور الصين"}}}}}, nil
}

func (b *blocking) Article(ctx context.Context, id, q string) (*search.Article, error) {
	if b.panicOnArticle {
		panic("a searcher's own bug")
	}
	_, err := b.Search(ctx, search.Request{Query: q})
	if err != nil {
		return nil, err
	}
	return &search.Article{ID: id, Title: search.Snippet{{Text: "لافروف يزور الصين"}}}, nil
}

func (b *blocking) ArticleWith(ctx context.Context, id string, opts search.ArticleOptions) (*search.Article, error) {
	return b.Article(ctx, id, opts.Query)
}

func (b *blocking) Statements(ctx context.Context, req search.StatementRequest) (*search.StatementResponse, error) {
	if _, err := b.Search(ctx, search.Request{Query: req.Query}); err != nil {
		return nil, err
	}
	return &search.StatementResponse{Listing: search.Listing{Limit: req.Limit}, Statements: []search.Statement{}}, nil
}

func (b *blocking) Visits(ctx context.Context, req search.VisitRequest) (*search.VisitResponse, error) {
	if _, err := b.Search(ctx, search.Request{}); err != nil {
		return nil, err
	}
	return &search.VisitResponse{Listing: search.Listing{Limit: req.Limit}, Visits: []search.Visit{}}, nil
}

func (b *blocking) Info() store.Info { return store.Info{Articles: 5} }

// waitStarted waits, at most 10 s, for n searches to start.
func (b *blocking) waitStarted(t *testing.T, n int) {
	t.Helper()
	for i := 0; i < n; i++ {
		select {
		case <-b.started:
		case <-time.After(10 * time.Second):
			t.Fatalf("%d of %d searches started", i, n)
		}
	}
}

// waitStopped waits, at most 10 s, for a search to be stopped by its
// context, and returns the context's error.
func (b *blocking) waitStopped(t *testing.T) error {
	t.Helper()
	select {
	case err := <-b.stopped:
		return err
	case <-time.After(10 * time.Second):
		t.Fatal("no search was stopped by its context within 10 s")
		return nil
	}
}

// answer is one response, read whole.
type answer struct {
	status int
	header http.Header
	body   string
}

// send sends GET target to h in the background; the answer arrives on
// the channel.
func send(h http.Handler, ctx context.Context, target string) <-chan answer {
	ch := make(chan answer, 1)
	go func() {
		req := httptest.NewRequest(http.MethodGet, target, nil).WithContext(ctx)
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		ch <- answer{rec.Code, rec.Header(), rec.Body.String()}
	}()
	return ch
}

// within waits at most 10 s for an answer.
func within(t *testing.T, ch <-chan answer, what string) answer {
	t.Helper()
	select {
	case a := <-ch:
		return a
	case <-time.After(10 * time.Second):
		t.Fatalf("%s: no answer within 10 s", what)
		return answer{}
	}
}

// jsonError reads the message of {"error": …}.
func jsonError(t *testing.T, a answer) string {
	t.Helper()
	var e struct{ Error string }
	if err := json.Unmarshal([]byte(a.body), &e); err != nil || e.Error == "" {
		t.Fatalf("not a JSON error: %q", a.body)
	}
	if strings.Count(strings.TrimSpace(a.body), "\n") > 0 {
		t.Errorf("error on more than one line: %q", a.body)
	}
	return e.Error
}

// checkRefused checks a refusal for load: 503, Retry-After, and a
// message that says so.
func checkRefused(t *testing.T, a answer) {
	t.Helper()
	if a.status != http.StatusServiceUnavailable || a.header.Get("Retry-After") != "1" {
		t.Errorf("beyond the queue: %d, Retry-After %q: %s", a.status, a.header.Get("Retry-After"), a.body)
		return
	}
	if msg := jsonError(t, a); msg != "the server is busy with other searches: try again in a moment" {
		t.Errorf("refusal says %q", msg)
	}
}

// Expensive searches (a wildcard, prefix or fuzzy term, or many words)
// take all the slots but one: while they run and more wait, a plain
// query is answered at once.
func TestExpensiveSearchesLeaveASlot(t *testing.T) {
	b := newBlocking(false)
	h := web.New(b, web.Options{MaxSearches: 2, MaxQueue: 10, Timeout: time.Minute})
	ctx := context.Background()
	var heavy []<-chan answer
	for _, hq := range []string{"ال*", "الرياض~2", "جد? مكة", strings.Repeat("وزير ", 9)} {
		heavy = append(heavy, send(h, ctx, "/api/search?q="+q(hq)))
	}
	b.waitStarted(t, 1)
	select {
	case <-b.started:
		t.Fatal("two expensive searches run at once on two slots")
	case <-time.After(100 * time.Millisecond):
	}
	light := send(h, ctx, "/api/search?q="+q("الرياض"))
	b.waitStarted(t, 1) // the plain query runs beside the expensive one
	// Then every search ends, and all are answered.
	close(b.release)
	if a := within(t, light, "the plain query"); a.status != http.StatusOK {
		t.Errorf("plain query: %d %s", a.status, a.body)
	}
	for i, ch := range heavy {
		if a := within(t, ch, "an expensive query"); a.status != http.StatusOK {
			t.Errorf("expensive query %d: %d %s", i, a.status, a.body)
		}
	}
	if b.most != 2 {
		t.Errorf("%d searches ran at once, want 2", b.most)
	}
}

// At most MaxSearches searches run at once, MaxQueue more wait their
// turn, and one more is refused at once with 503 and Retry-After; when
// the searches end, those waiting run and every one is answered.
func TestAdmissionBoundsSearchesAndRefusesAtOnce(t *testing.T) {
	b := newBlocking(false)
	h := web.New(b, web.Options{MaxSearches: 2, MaxQueue: 1, Timeout: time.Minute})
	ctx := context.Background()
	target := "/api/search?q=" + q("لافروف")
	first := []<-chan answer{send(h, ctx, target), send(h, ctx, target)}
	b.waitStarted(t, 2)
	// Of three more, one waits for its turn and two are refused, without
	// waiting for the searches running.
	extra := []<-chan answer{send(h, ctx, target), send(h, ctx, target), send(h, ctx, target)}
	var queued <-chan answer
	refusals := 0
	deadline := time.After(10 * time.Second)
	for refusals < 2 {
		select {
		case a := <-extra[0]:
			checkRefused(t, a)
			refusals++
			extra[0] = nil
		case a := <-extra[1]:
			checkRefused(t, a)
			refusals++
			extra[1] = nil
		case a := <-extra[2]:
			checkRefused(t, a)
			refusals++
			extra[2] = nil
		case <-deadline:
			t.Fatalf("%d of 2 searches beyond the queue refused within 10 s", refusals)
		}
	}
	for _, ch := range extra {
		if ch != nil {
			queued = ch
		}
	}
	// The page is refused the same way, in Arabic.
	page := within(t, send(h, ctx, "/?q="+q("لافروف")), "the page beyond the queue")
	if page.status != http.StatusServiceUnavailable || page.header.Get("Retry-After") != "1" || !strings.Contains(page.body, "الخادم مشغول") {
		t.Errorf("page beyond the queue: %d %q\n%.300s", page.status, page.header.Get("Retry-After"), page.body)
	}
	select {
	case a := <-queued:
		t.Fatalf("the queued search was answered while two ran: %d %s", a.status, a.body)
	default:
	}
	close(b.release)
	for i, ch := range append(first, queued) {
		if a := within(t, ch, "an admitted search"); a.status != http.StatusOK {
			t.Errorf("search %d: %d %s", i, a.status, a.body)
		}
	}
	if b.most != 2 {
		t.Errorf("%d searches ran at once, want 2", b.most)
	}
}

// A search that runs out of time is answered 504 with a one-line
// reason, whether or not the searcher heeds its context; one that
// ignores it keeps its turn until it returns.
func TestSearchDeadline(t *testing.T) {
	for _, heed := range []bool{true, false} {
		b := newBlocking(heed)
		h := web.New(b, web.Options{MaxSearches: 1, MaxQueue: 1, Timeout: 50 * time.Millisecond})
		a := within(t, send(h, context.Background(), "/api/search?q="+q("لافروف")), "a search past its deadline")
		if a.status != http.StatusGatewayTimeout {
			t.Errorf("heeds context %v: status %d: %s", heed, a.status, a.body)
		}
		if msg := jsonError(t, a); !strings.Contains(msg, "the search took longer than 50ms and was stopped") {
			t.Errorf("heeds context %v: %q", heed, msg)
		}
		p := within(t, send(h, context.Background(), "/article/000_2b0a31d376df4e44?q="+q("لافروف")), "an article past its deadline")
		if heed {
			if p.status != http.StatusGatewayTimeout || !strings.Contains(p.body, "استغرق البحث أكثر من 50ms") {
				t.Errorf("article page: %d\n%.400s", p.status, p.body)
			}
			for range 2 {
				if err := b.waitStopped(t); !errors.Is(err, context.DeadlineExceeded) {
					t.Errorf("the searcher was stopped by %v", err)
				}
			}
		} else if p.status != http.StatusServiceUnavailable || !strings.Contains(p.body, "الخادم مشغول") {
			// The first search still runs: the only turn is taken until
			// the deadline of the one waiting for it.
			t.Errorf("while a search that ignores its deadline runs: %d\n%.400s", p.status, p.body)
		}
		close(b.release)
	}
}

// A search whose client goes away is stopped: the searcher's context
// ends with the request's.
func TestSearchStopsWhenClientGoesAway(t *testing.T) {
	b := newBlocking(true)
	h := web.New(b, web.Options{Timeout: time.Minute})
	ctx, cancel := context.WithCancel(context.Background())
	ch := send(h, ctx, "/api/search?q="+q("لافروف"))
	b.waitStarted(t, 1)
	cancel()
	within(t, ch, "a search whose client left")
	if err := b.waitStopped(t); !errors.Is(err, context.Canceled) {
		t.Errorf("the searcher was stopped by %v", err)
	}
}

// A panic in the searcher, which runs apart from the handler, is a 500
// that says nothing of it, and the server goes on.
func TestSearcherPanicIsA500(t *testing.T) {
	b := newBlocking(false)
	b.panicOnArticle = true
	close(b.release)
	var logged strings.Builder
	h := web.New(b, web.Options{Logger: newLogger(&logged)})
	a := within(t, send(h, context.Background(), "/api/articles/000_2b0a31d376df4e44"), "a panicking searcher")
	if a.status != http.StatusInternalServerError || jsonError(t, a) != "internal error" {
		t.Errorf("%d %s", a.status, a.body)
	}
	if !strings.Contains(logged.String(), "a searcher's own bug") {
		t.Errorf("not logged: %q", logged.String())
	}
	if a := within(t, send(h, context.Background(), "/api/search?q="+q("لافروف")), "a search after the panic"); a.status != http.StatusOK {
		t.Errorf("after the panic: %d %s", a.status, a.body)
	}
}
