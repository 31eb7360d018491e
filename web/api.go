package web

import (
	"context"
	"encoding/json"
	"net/http"
	"net/url"

	"github.com/fahras/fahras/search"
)

// writeJSON writes v as JSON on one line. Marks in titles and snippets
// stay <mark>, as the library and the command line write them.
func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.Encode(v)
}

// writeError writes {"error": msg}.
func writeError(w http.ResponseWriter, status int, msg string) {
	writeJSON(w, status, map[string]string{"error": msg})
}

// apiSearch answers GET /api/search with the library's Response.
func (s *server) apiSearch(w http.ResponseWriter, r *http.Request) {
	resp, err := s.apiSearchRequest(r)
	if err != nil {
		s.failWith(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, resp)
}

func (s *server) apiSearchRequest(r *http.Request) (*search.Response, error) {
	v, err := queryValues(r)
	if err != nil {
		return nil, err
	}
	req, err := search.ParseRequest(v)
	if err != nil {
		return nil, err
	}
	return call(s, r, func(ctx context.Context) (*search.Response, error) {
		return s.engine.Search(ctx, req)
	})
}

// apiStatements answers GET /api/statements with the library's
// StatementResponse.
func (s *server) apiStatements(w http.ResponseWriter, r *http.Request) {
	resp, err := apiEvents(s, r, search.ParseStatementRequest, s.engine.Statements)
	if err != nil {
		s.failWith(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, resp)
}

// apiVisits answers GET /api/visits with the library's VisitResponse.
func (s *server) apiVisits(w http.ResponseWriter, r *http.Request) {
	resp, err := apiEvents(s, r, search.ParseVisitRequest, s.engine.Visits)
	if err != nil {
		s.failWith(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, resp)
}

// apiEvents reads a request's parameters with parse and answers it with
// list, as a search is answered.
func apiEvents[Req, Resp any](s *server, r *http.Request, parse func(url.Values) (Req, error),
	list func(context.Context, Req) (Resp, error)) (Resp, error) {
	var zero Resp
	v, err := queryValues(r)
	if err != nil {
		return zero, err
	}
	req, err := parse(v)
	if err != nil {
		return zero, err
	}
	return call(s, r, func(ctx context.Context) (Resp, error) { return list(ctx, req) })
}

// apiArticle answers GET /api/articles/{id} with the whole article,
// marked for q, or for a statement's span, when one is given.
func (s *server) apiArticle(w http.ResponseWriter, r *http.Request) {
	a, _, err := s.article(r)
	if err != nil {
		s.failWith(w, r, err)
		return
	}
	c := *a
	c.URL = safeURL(c.URL)
	writeJSON(w, http.StatusOK, &c)
}

// article reads the article a request names, and what to mark in it: a
// query, and the span of a statement's words.
func (s *server) article(r *http.Request) (*search.Article, search.ArticleOptions, error) {
	var opts search.ArticleOptions
	id, err := idVar(r)
	if err != nil {
		return nil, opts, err
	}
	v, err := queryValues(r)
	if err != nil {
		return nil, opts, err
	}
	opts.Query = v.Get(search.ParamQuery)
	if err := (search.Request{Query: opts.Query}).Validate(); err != nil {
		return nil, opts, err
	}
	if opts.Start, opts.End, err = spanParams(v); err != nil {
		return nil, opts, err
	}
	a, err := call(s, r, func(ctx context.Context) (*search.Article, error) {
		if opts.End > opts.Start {
			return s.engine.ArticleWith(ctx, id, opts)
		}
		return s.engine.Article(ctx, id, opts.Query)
	})
	return a, opts, err
}

// healthz answers that the server is up and how many articles it serves.
func (s *server) healthz(w http.ResponseWriter, r *http.Request) {
	writeJSON(w, http.StatusOK, map[string]any{"status": "ok", "articles": s.engine.Info().Articles})
}
