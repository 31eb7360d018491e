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

// Who said what: Lavrov's statements, newest first, under any spelling
// of his name.
func ExampleEngine_Statements() {
	e, err := search.OpenDefault()
	if err != nil {
		log.Fatal(err)
	}
	defer e.Close()
	resp, err := e.Statements(context.Background(), search.StatementRequest{Speaker: "سيرجي لافروف", Limit: 2})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(resp.Total, "statements")
	for _, s := range resp.Statements {
		fmt.Println(s.Date.Format("2006-01-02"), s.Article, s.Verb)
		fmt.Println(" ", s.Text.Text())
	}
	// Output:
	// 17 statements
	// 2024-04-09 002_24f89540b9a4c350 يؤكدان
	//   استمرار التعاون الروسي الصيني في مكافحة الإرهاب وتعزيز العلاقات التي تمر بأقوى مراحلها، مع إشادة لافروف بالدعم الصيني لروسيا
	// 2024-04-09 002_24f89540b9a4c350 قال
	//   روسيا والصين ستواصلان التعاون في الحرب ضد الإرهاب في إطار علاقاتهما التي تمر بأقوى مراحلها
}

// Who went where: Lavrov's visit to China, told by three articles, is one
// visit.
func ExampleEngine_Visits() {
	e, err := search.OpenDefault()
	if err != nil {
		log.Fatal(err)
	}
	defer e.Close()
	resp, err := e.Visits(context.Background(), search.VisitRequest{Who: "لافروف"})
	if err != nil {
		log.Fatal(err)
	}
	for _, v := range resp.Visits {
		fmt.Println(v.Visitor, "→", v.Destination, v.From.Format("2006-01-02"), v.To.Format("2006-01-02"), v.Status)
		for _, s := range v.Sources {
			fmt.Println(" ", s.Article)
		}
	}
	// Output:
	// سيرغي لافروف → الصين 2024-04-08 2024-04-09 done
	//   002_24f89540b9a4c350
	//   003_9503abc412b62b6e
	//   000_2b0a31d376df4e44
}
