package web_test

import (
	"fmt"
	"io"
	"log"
	"net/http/httptest"
	"time"

	"github.com/fahras/fahras/search"
	"github.com/fahras/fahras/web"
)

// The site over the built-in articles, with a tighter deadline and fewer
// searches at once than the defaults.
func ExampleNew() {
	e, err := search.OpenDefault()
	if err != nil {
		log.Fatal(err)
	}
	defer e.Close()
	srv := httptest.NewServer(web.New(e, web.Options{Timeout: time.Second, MaxSearches: 2, MaxQueue: 8}))
	defer srv.Close()

	res, err := srv.Client().Get(srv.URL + "/api/search?q=%zz")
	if err != nil {
		log.Fatal(err)
	}
	body, _ := io.ReadAll(res.Body)
	res.Body.Close()
	fmt.Print(res.StatusCode, " ", string(body))
	// Output: 400 {"error":"bad encoding: the address's parameters are not validly %-escaped (each % must be followed by two hexadecimal digits)"}
}
