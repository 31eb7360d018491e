package arabic_test

import (
	"fmt"

	"github.com/blevesearch/bleve/v2"

	"github.com/fahras/fahras/indexer/arabic"
)

func ExampleNormalize() {
	// A prefix query term typed with hamza, and a number in Arabic-Indic
	// digits.
	fmt.Println(arabic.Normalize("أوروب"), arabic.Normalize("٢٠١٥"))
	// Output: اوروب 2015
}

func ExampleNameKeys() {
	// A query from the seed article 001's spelling of Xi Jinping's name;
	// the key joining جين and بينغ is the one جينبينغ gets.
	for _, k := range arabic.NameKeys([]string{"شي", "جين", "بينغ"}) {
		fmt.Println(k.Term, k.First, k.Last)
	}
	// Output:
	// n:بنك 2 2
	// n:كنبنك 1 2
}

// Use the analyzers by name in a bleve mapping (text from the seed article
// 003).
func Example_mapping() {
	m := bleve.NewIndexMapping()
	text := bleve.NewTextFieldMapping()
	text.Analyzer = arabic.StemAnalyzer
	m.DefaultMapping.AddFieldMappingsAt("body", text)
	if err := m.Validate(); err != nil {
		fmt.Println(err)
	}
	tokens, err := m.AnalyzeText(arabic.StemAnalyzer, []byte("وأعلنت وزارة الخارجية الروسية"))
	if err != nil {
		fmt.Println(err)
	}
	for _, t := range tokens {
		fmt.Println(string(t.Term))
	}
	// Output:
	// اعلنت
	// وزاره
	// خارج
	// روس
}
