package search_test

import (
	"context"
	"fmt"
	"log"

	"github.com/fahras/fahras/search"
)

// Search the articles built into the binary for Lavrov and print the
// ranked hits.
func Example() {
	e, err := search.OpenDefault()
	if err != nil {
		log.Fatal(err)
	}
	defer e.Close()
	resp, err := e.Search(context.Background(), search.Request{Query: "لافروف", Limit: 10})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(resp.Total, "articles")
	for _, h := range resp.Hits {
		fmt.Println(h.Rank, h.ID)
		for _, s := range h.Similar {
			fmt.Println("  same story:", s.ID)
		}
	}
	// Output:
	// 4 articles
	// 1 000_2b0a31d376df4e44
	//   same story: 003_9503abc412b62b6e
	// 2 002_24f89540b9a4c350
	// 3 001_d53218aacc3a3954
}

// Each hit carries snippets: short passages with the matched words
// marked, as parts or as HTML.
func ExampleSnippet() {
	e, err := search.OpenDefault()
	if err != nil {
		log.Fatal(err)
	}
	defer e.Close()
	resp, err := e.Search(context.Background(), search.Request{Query: "يلين"})
	if err != nil {
		log.Fatal(err)
	}
	s := resp.Hits[0].Snippets[0]
	fmt.Println(s.Matches())
	fmt.Println(s.HTML())
	// Output:
	// [يلين]
	// ووجهت وزيرة الخزانة الأميركية جانيت <mark>يلين</mark> التي تزور الصين حاليا السبت تحذيرا إلى الشركات الصينية التي تساعد روسيا في حربها في …
}

// Queries follow bleve's query-string syntax: here a phrase, and an
// excluded word. Two articles quote the spokeswoman Mao Ning; only one of
// them does not mention Janet Yellen.
func ExampleEngine_Search_phrase() {
	e, err := search.OpenDefault()
	if err != nil {
		log.Fatal(err)
	}
	defer e.Close()
	resp, err := e.Search(context.Background(), search.Request{Query: `"ماو نينغ" -يلين`})
	if err != nil {
		log.Fatal(err)
	}
	for _, h := range resp.Hits {
		fmt.Println(h.ID)
	}
	// Output:
	// 000_2b0a31d376df4e44
}

// A query the engine cannot run is an error wrapping ErrBadQuery, said in
// words a user understands.
func ExampleErrBadQuery() {
	e, err := search.OpenDefault()
	if err != nil {
		log.Fatal(err)
	}
	defer e.Close()
	_, err = e.Search(context.Background(), search.Request{Query: "-لافروف"})
	fmt.Println(err)
	// Output:
	// bad query: the query only excludes words; give at least one word to look for
}
