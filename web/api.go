package web

import (
	"context"
	"encoding/json"
	"net/http"

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

// apiArticle answers GET /api/articles/{id} with the whole article,
// marked for q when one is given.
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

// article reads the article a request names, and the query to mark in
// it.
func (s *server) article(r *http.Request) (*search.Article, string, error) {
	id, err := idVar(r)
	if err != nil {
		return nil, "", err
	}
	v, err := queryValues(r)
	if err != nil {
		return nil, "", err
	}
	q := v.Get(search.ParamQuery)
	if err := (search.Request{Query: q}).Validate(); err != nil {
		return nil, "", err
	}
	a, err := call(s, r, func(ctx context.Context) (*search.Article, error) {
		return s.engine.Article(ctx, id, q)
	})
	return a, q, err
}

// healthz answers that the server is up and how many articles it serves.
func (s *server) healthz(w http.ResponseWriter, r *http.Request) {
	writeJSON(w, http.StatusOK, map[string]any{"status": "ok", "articles": s.engine.Info().Articles})
}
