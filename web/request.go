package web

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/gorilla/mux"

	"github.com/fahras/fahras/search"
	"github.com/fahras/fahras/store"
)

// badRequest is a mistake in what the client sent that the search
// package does not judge: 400, with a message saying what.
type badRequest struct{ ar, en string }

func (e *badRequest) Error() string { return e.en }

// queryValues reads a request's parameters, refusing any that are not
// validly %-escaped (which url.URL.Query would silently drop).
func queryValues(r *http.Request) (url.Values, error) {
	v, err := url.ParseQuery(r.URL.RawQuery)
	if err != nil {
		return v, &badRequest{
			"عنوان الطلب فيه ترميز غير صالح: كل % يجب أن يليه رقمان ست عشريان.",
			"bad encoding: the address's parameters are not validly %-escaped (each % must be followed by two hexadecimal digits)",
		}
	}
	return v, nil
}

// pageParam reads the search page's page number, 1 to max (1 when
// absent).
func pageParam(v url.Values, max int) (int, error) { return pageNumber(v, "page", max) }

// pageNumber reads the page number called name, 1 to max (1 when
// absent).
func pageNumber(v url.Values, name string, max int) (int, error) {
	s := strings.TrimSpace(v.Get(name))
	if s == "" {
		return 1, nil
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < 1 || n > max {
		return 1, &badRequest{
			fmt.Sprintf("قيمة %s يجب أن تكون عددًا صحيحًا من 1 إلى %d.", name, max),
			fmt.Sprintf("%s must be a whole number from 1 to %d", name, max),
		}
	}
	return n, nil
}

// maxSpan bounds the end of a span to mark in an article: no body is
// longer.
const maxSpan = 64 << 20

// spanParams reads the span of an article's body to mark, start and end
// (bytes, as a search.Statement gives them); 0, 0 when both are absent.
func spanParams(v url.Values) (start, end int, err error) {
	a, b := strings.TrimSpace(v.Get("start")), strings.TrimSpace(v.Get("end"))
	if a == "" && b == "" {
		return 0, 0, nil
	}
	start, err1 := strconv.Atoi(a)
	end, err2 := strconv.Atoi(b)
	if err1 != nil || err2 != nil || start < 0 || end <= start || end > maxSpan {
		return 0, 0, &badRequest{
			fmt.Sprintf("قيمتا start وend يجب أن تكونا عددين صحيحين، 0 ≤ start < end ≤ %d.", maxSpan),
			fmt.Sprintf("start and end must be whole numbers with 0 <= start < end <= %d", maxSpan),
		}
	}
	return start, end, nil
}

// nameVar reads the {name} of the person page's route, unescaped: a name
// of at most search.MaxFilterBytes of UTF-8.
func nameVar(r *http.Request) (string, error) {
	name, err := url.PathUnescape(mux.Vars(r)["name"])
	name = strings.TrimSpace(name)
	if err != nil || !utf8.ValidString(name) || name == "" || len(name) > search.MaxFilterBytes {
		return "", &badRequest{"الاسم في العنوان غير صالح.", fmt.Sprintf("the name is not valid: not validly escaped, empty, or longer than %d bytes", search.MaxFilterBytes)}
	}
	return name, nil
}

// idVar reads the {id} of the route, unescaped. "." and ".." name no
// article: a link to one could not be followed.
func idVar(r *http.Request) (string, error) {
	id, err := url.PathUnescape(mux.Vars(r)["id"])
	if err != nil || !utf8.ValidString(id) || id == "." || id == ".." {
		return "", &badRequest{"معرّف المقالة غير صالح.", "the article ID is not valid: not validly escaped, or . or .."}
	}
	return id, nil
}

// paramNames are the search parameters' names on the page, in Arabic.
var paramNames = map[string]string{
	search.ParamLimit:      "عدد النتائج",
	search.ParamOffset:     "بداية النتائج",
	search.ParamAny:        "أي كلمة",
	search.ParamFrom:       "من",
	search.ParamTo:         "إلى",
	search.ParamSort:       "الترتيب",
	search.ParamSource:     "المصدر",
	search.ParamAgency:     "الوكالة",
	search.ParamPerson:     "الشخص",
	search.ParamFacets:     "التصنيفات",
	search.ParamNoCollapse: "الأخبار المكرّرة",
	search.ParamN:          "عدد النتائج",
	search.ParamSpeaker:    "المتحدث",
	search.ParamWho:        "الزائر",
	search.ParamToDate:     "حتى تاريخ",
}

// paramMessage says what is wrong with a search parameter, to a person
// in Arabic (with the English detail) and to a program in English.
func paramMessage(pe *search.ParamError) message {
	en := pe.Error()
	if pe.Param == search.ParamQuery {
		switch {
		case errors.Is(pe, search.ErrNoQuery):
			return message{"اكتب ما تبحث عنه.", "no query: give one with q="}
		case len(pe.Value) > search.MaxQueryBytes:
			return message{fmt.Sprintf("الاستعلام طويل جدًا: الحد %d بايت.", search.MaxQueryBytes), en}
		}
		return message{"الاستعلام ليس نصًا صالحًا (UTF-8).", en}
	}
	name, ok := paramNames[pe.Param]
	if !ok {
		name = pe.Param
	}
	return message{fmt.Sprintf("قيمة «%s» غير مقبولة (%s).", name, en), en}
}

// classify turns an error from the searcher or from reading the request
// into a status and a message; the server's own failures are logged.
func (s *server) classify(r *http.Request, err error) (int, message) {
	var (
		br *badRequest
		pe *search.ParamError
		te timeoutError
	)
	switch {
	case errors.As(err, &br):
		return http.StatusBadRequest, message{br.ar, br.en}
	case errors.As(err, &pe):
		return http.StatusBadRequest, paramMessage(pe)
	case errors.Is(err, search.ErrBadQuery):
		return http.StatusBadRequest, message{"تعذّر فهم الاستعلام: " + err.Error(), err.Error()}
	case errors.Is(err, search.ErrNotFound):
		return http.StatusNotFound, msgNoArt
	case errors.Is(err, errBusy):
		return http.StatusServiceUnavailable, msgBusy
	case errors.As(err, &te):
		return http.StatusGatewayTimeout, message{
			fmt.Sprintf("استغرق البحث أكثر من %s فأُوقف. جرّب كلمات أقل، أو عددًا أقل من * و? و~، أو فترة أقصر.", te.limit),
			te.Error(),
		}
	case errors.Is(err, store.ErrDamaged):
		s.log.Printf("web: %s %s: %v", r.Method, r.URL.Path, err)
		return http.StatusServiceUnavailable, message{"فهرس البحث تالف، ويجب إعادة بنائه. أبلغ مدير الخادم.", err.Error()}
	case errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded):
		// The client went away: nobody reads the answer.
		return http.StatusServiceUnavailable, msgGone
	}
	s.log.Printf("web: %s %s: %v", r.Method, r.URL.Path, err)
	return http.StatusInternalServerError, msgInternal
}

// fail answers with an error: JSON for the API, a page for people. A
// refusal for load says when to try again.
func (s *server) failWith(w http.ResponseWriter, r *http.Request, err error) {
	status, m := s.classify(r, err)
	if errors.Is(err, errBusy) {
		w.Header().Set("Retry-After", "1")
	}
	s.fail(w, r, status, m)
}
