package web

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/gorilla/mux"

	"github.com/fahras/fahras/search"
)

// writeJSON writes v as JSON. Marks in titles and snippets stay <mark>,
// as the library and the command line write them.
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

// badRequest is a mistake in what the client sent: 400, with a message
// saying what.
type badRequest struct{ ar, en string }

func (e *badRequest) Error() string { return e.en }

// queryParam reads the query q: valid UTF-8 and no longer than the
// library accepts. Empty is allowed here; the caller decides.
func queryParam(v url.Values) (string, error) {
	q := v.Get("q")
	if len(q) > search.MaxQueryBytes {
		return "", &badRequest{
			fmt.Sprintf("الاستعلام طويل جدًا: الحد %d بايت.", search.MaxQueryBytes),
			fmt.Sprintf("the query is too long: %d bytes, at most %d", len(q), search.MaxQueryBytes),
		}
	}
	if !utf8.ValidString(q) {
		return "", &badRequest{"الاستعلام ليس نصًا صالحًا (UTF-8).", "the query is not valid UTF-8"}
	}
	return q, nil
}

// intParam reads a whole number between min and max, or def when absent.
func intParam(v url.Values, name string, def, min, max int) (int, error) {
	s := strings.TrimSpace(v.Get(name))
	if s == "" {
		return def, nil
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < min || n > max {
		return 0, &badRequest{
			fmt.Sprintf("قيمة %s يجب أن تكون عددًا صحيحًا من %d إلى %d.", name, min, max),
			fmt.Sprintf("%s must be a whole number from %d to %d", name, min, max),
		}
	}
	return n, nil
}

// boolParam reads a flag such as any=1; absent is false.
func boolParam(v url.Values, name string) (bool, error) {
	switch strings.ToLower(strings.TrimSpace(v.Get(name))) {
	case "", "0", "false", "off", "no":
		return false, nil
	case "1", "true", "on", "yes":
		return true, nil
	}
	return false, &badRequest{
		fmt.Sprintf("قيمة %s يجب أن تكون 1 أو 0.", name),
		fmt.Sprintf("%s must be 1 or 0", name),
	}
}

// idVar reads the {id} of the route, unescaped.
func idVar(r *http.Request) (string, error) {
	id, err := url.PathUnescape(mux.Vars(r)["id"])
	if err != nil || !utf8.ValidString(id) {
		return "", &badRequest{"معرّف المقالة غير صالح.", "the article ID is not validly escaped"}
	}
	return id, nil
}

// classify turns an error from the library or from reading the request
// into a status and a message; the server's own failures are logged.
func (s *server) classify(r *http.Request, err error) (int, message) {
	var br *badRequest
	switch {
	case errors.As(err, &br):
		return http.StatusBadRequest, message{br.ar, br.en}
	case errors.Is(err, search.ErrBadQuery):
		return http.StatusBadRequest, message{"تعذّر فهم الاستعلام: " + err.Error(), err.Error()}
	case errors.Is(err, search.ErrNotFound):
		return http.StatusNotFound, msgNoArt
	case errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded):
		// The client went away or the search ran out of time.
		return http.StatusServiceUnavailable, message{"انتهت مهلة البحث. أعد المحاولة.", "the search was interrupted"}
	}
	s.log.Printf("web: %s %s: %v", r.Method, r.URL.Path, err)
	return http.StatusInternalServerError, msgInternal
}

// apiSearch answers GET /api/search with the library's Response.
func (s *server) apiSearch(w http.ResponseWriter, r *http.Request) {
	resp, err := s.apiSearchRequest(r)
	if err != nil {
		status, m := s.classify(r, err)
		writeError(w, status, m.en)
		return
	}
	writeJSON(w, http.StatusOK, resp)
}

func (s *server) apiSearchRequest(r *http.Request) (*search.Response, error) {
	v := r.URL.Query()
	q, err := queryParam(v)
	if err != nil {
		return nil, err
	}
	if strings.TrimSpace(q) == "" {
		return nil, &badRequest{"اكتب ما تبحث عنه.", "no query: give one with q="}
	}
	limit, err := intParam(v, "limit", search.DefaultLimit, 1, search.MaxLimit)
	if err != nil {
		return nil, err
	}
	offset, err := intParam(v, "offset", 0, 0, search.MaxOffset)
	if err != nil {
		return nil, err
	}
	req := search.Request{Query: q, Limit: limit, Offset: offset}
	for _, b := range []struct {
		name string
		to   *bool
	}{{"any", &req.Any}, {"facets", &req.Facets}, {"no_collapse", &req.NoCollapse}} {
		if *b.to, err = boolParam(v, b.name); err != nil {
			return nil, err
		}
	}
	from, to, err := dateParams(v)
	if err != nil {
		return nil, err
	}
	req.From, _ = time.Parse(time.DateOnly, from)
	req.To, _ = time.Parse(time.DateOnly, to)
	req.Sort = strings.TrimSpace(v.Get("sort"))
	for _, f := range []struct {
		name string
		to   *string
	}{{"source", &req.Source}, {"agency", &req.Agency}, {"person", &req.Person}} {
		if *f.to, err = filterParam(v, f.name); err != nil {
			return nil, err
		}
	}
	return s.engine.Search(r.Context(), req)
}

// apiArticle answers GET /api/articles/{id} with the whole article,
// marked for q when one is given.
func (s *server) apiArticle(w http.ResponseWriter, r *http.Request) {
	a, _, err := s.article(r)
	if err != nil {
		status, m := s.classify(r, err)
		writeError(w, status, m.en)
		return
	}
	writeJSON(w, http.StatusOK, a)
}

// article reads the article a request names.
func (s *server) article(r *http.Request) (*search.Article, string, error) {
	id, err := idVar(r)
	if err != nil {
		return nil, "", err
	}
	q, err := queryParam(r.URL.Query())
	if err != nil {
		return nil, "", err
	}
	a, err := s.engine.Article(r.Context(), id, q)
	return a, q, err
}

// healthz answers that the server is up and how many articles it serves.
func (s *server) healthz(w http.ResponseWriter, r *http.Request) {
	writeJSON(w, http.StatusOK, map[string]any{"status": "ok", "articles": s.engine.Info().Articles})
}

// dateParams reads from= and to=, each a day as YYYY-MM-DD.
func dateParams(v url.Values) (from, to string, err error) {
	for _, d := range []struct {
		name string
		to   *string
	}{{"from", &from}, {"to", &to}} {
		s := strings.TrimSpace(v.Get(d.name))
		if s == "" {
			continue
		}
		if _, err := time.Parse(time.DateOnly, s); err != nil {
			return "", "", &badRequest{
				fmt.Sprintf("قيمة %s يجب أن تكون تاريخًا بالصيغة YYYY-MM-DD، مثل 2024-04-08.", d.name),
				fmt.Sprintf("%s must be a date as YYYY-MM-DD, e.g. 2024-04-08", d.name),
			}
		}
		*d.to = s
	}
	return from, to, nil
}

// filterParam reads a source, agency or person filter.
func filterParam(v url.Values, name string) (string, error) {
	s := strings.TrimSpace(v.Get(name))
	if len(s) > maxFilterBytes || !utf8.ValidString(s) {
		return "", &badRequest{
			fmt.Sprintf("قيمة %s طويلة جدًا أو غير صالحة.", name),
			fmt.Sprintf("%s must be valid UTF-8 of at most %d bytes", name, maxFilterBytes),
		}
	}
	return s, nil
}
