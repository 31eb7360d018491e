package main

import (
	"context"
	"log"
	"sync"
	"time"

	"github.com/fahras/fahras/search"
	"github.com/fahras/fahras/store"
)

// liveEngine searches the current generation of an index and switches
// to a new one when "search index" writes it. A generation replaced is
// closed, and its files freed, when the last search using it returns.
// It is a web.Searcher.
type liveEngine struct {
	dir string // "" for the built-in articles, which never change
	log *log.Logger

	mu     sync.Mutex
	cur    *generation
	failed string // the last generation, or error, that could not be opened
}

// generation is one open generation of the index and the searches using
// it.
type generation struct {
	name    string
	engine  *search.Engine
	users   int
	retired bool // replaced: closed when its last user leaves
}

// openLive opens the index in dir, or the built-in articles when dir is
// empty.
func openLive(dir string, logger *log.Logger) (*liveEngine, error) {
	var name string
	if dir != "" {
		var err error
		if name, err = store.Current(dir); err != nil {
			return nil, indexError{err}
		}
		// A server reads every file of the index once, so that damage
		// is found before a search stumbles on it.
		if err := store.Verify(dir); err != nil {
			return nil, indexError{err}
		}
	}
	e, err := openEngine(dir)
	if err != nil {
		return nil, err
	}
	return &liveEngine{dir: dir, log: logger, cur: &generation{name: name, engine: e}}, nil
}

// acquire returns the current generation, counted as used until
// release.
func (l *liveEngine) acquire() *generation {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.cur.users++
	return l.cur
}

// release ends a use of g, closing it when it was replaced and this was
// its last use.
func (l *liveEngine) release(g *generation) {
	l.mu.Lock()
	g.users--
	last := g.retired && g.users == 0
	l.mu.Unlock()
	if last {
		g.engine.Close()
	}
}

// Search searches the current generation.
func (l *liveEngine) Search(ctx context.Context, req search.Request) (*search.Response, error) {
	g := l.acquire()
	defer l.release(g)
	return g.engine.Search(ctx, req)
}

// Article reads an article from the current generation.
func (l *liveEngine) Article(ctx context.Context, id, q string) (*search.Article, error) {
	g := l.acquire()
	defer l.release(g)
	return g.engine.Article(ctx, id, q)
}

// ArticleWith reads an article from the current generation, marking
// what opts asks for.
func (l *liveEngine) ArticleWith(ctx context.Context, id string, opts search.ArticleOptions) (*search.Article, error) {
	g := l.acquire()
	defer l.release(g)
	return g.engine.ArticleWith(ctx, id, opts)
}

// Statements lists statements from the current generation.
func (l *liveEngine) Statements(ctx context.Context, req search.StatementRequest) (*search.StatementResponse, error) {
	g := l.acquire()
	defer l.release(g)
	return g.engine.Statements(ctx, req)
}

// Visits lists visits from the current generation.
func (l *liveEngine) Visits(ctx context.Context, req search.VisitRequest) (*search.VisitResponse, error) {
	g := l.acquire()
	defer l.release(g)
	return g.engine.Visits(ctx, req)
}

// Info describes the current generation.
func (l *liveEngine) Info() store.Info {
	g := l.acquire()
	defer l.release(g)
	return g.engine.Info()
}

// Generation names the generation served ("" for the built-in
// articles).
func (l *liveEngine) Generation() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.cur.name
}

// reload switches to the index's current generation when it is not the
// one served, and logs one line saying so. A generation that cannot be
// opened is logged once, and the one served stays.
func (l *liveEngine) reload() {
	if l.dir == "" {
		return
	}
	name, err := store.Current(l.dir)
	if err != nil {
		l.logFailure(err.Error(), "cannot read the index in %s (still serving %s): %v", l.dir, l.Generation(), err)
		return
	}
	if name == l.Generation() {
		return
	}
	if err := store.Verify(l.dir); err != nil {
		l.logFailure(name, "cannot open the new generation %s of %s (still serving %s): %v", name, l.dir, l.Generation(), err)
		return
	}
	e, err := search.Open(l.dir)
	if err != nil {
		l.logFailure(name, "cannot open the new generation %s of %s (still serving %s): %v", name, l.dir, l.Generation(), err)
		return
	}
	l.mu.Lock()
	old := l.cur
	l.cur = &generation{name: name, engine: e}
	l.failed = ""
	old.retired = true
	unused := old.users == 0
	l.mu.Unlock()
	if unused {
		old.engine.Close()
	}
	l.log.Printf("switched to %s of %s (%d articles); %s closes when its last search ends", name, l.dir, e.Info().Articles, old.name)
}

// logFailure logs a failure to reload, once for the same key.
func (l *liveEngine) logFailure(key, format string, args ...any) {
	l.mu.Lock()
	repeated := l.failed == key
	l.failed = key
	l.mu.Unlock()
	if !repeated {
		l.log.Printf(format, args...)
	}
}

// watch reloads every interval until ctx ends.
func (l *liveEngine) watch(ctx context.Context, every time.Duration) {
	if l.dir == "" || every <= 0 {
		return
	}
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			l.reload()
		}
	}
}

// Close closes the generation served once the searches using it end.
func (l *liveEngine) Close() {
	l.mu.Lock()
	g := l.cur
	g.retired = true
	unused := g.users == 0
	l.mu.Unlock()
	if unused {
		g.engine.Close()
	}
}
