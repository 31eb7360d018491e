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

func ExampleAnalyzer() {
	// A sentence of the seed article 001: each word's stem, its
	// exact form where it differs, and the name keys of the names in
	// it. The minister and the adjectives are ordinary words and get no
	// key; the split spelling of Xi's name gets the key its joined
	// spelling جينبينغ has.
	var a arabic.Analyzer
	for _, t := range a.Analyze("وأكد وزير الخارجية الروسي أن شي جين بينغ") {
		fmt.Printf("%d %s", t.Pos, t.Stem)
		if t.Differs() {
			fmt.Printf(" =%s", t.Exact)
		}
		if t.Key != nil {
			fmt.Printf(" %s", t.Key)
		}
		if t.PairKey != nil {
			fmt.Printf(" pair %s", t.PairKey)
		}
		fmt.Println()
	}
	// Output:
	// 1 اكد =واكد
	// 2 وزير
	// 3 خارج =الخارجيه
	// 4 روس =الروسي
	// 6 شي
	// 7 جين pair n:كنبنك
	// 8 بينغ n:بنك
}

// Use the analysis by name in a bleve mapping (text from the seed article
// 003): stems, with the exact forms and name keys beside them.
func Example_mapping() {
	m := bleve.NewIndexMapping()
	text := bleve.NewTextFieldMapping()
	text.Analyzer = arabic.AnalyzerName
	m.DefaultMapping.AddFieldMappingsAt("body", text)
	if err := m.Validate(); err != nil {
		fmt.Println(err)
	}
	tokens, err := m.AnalyzeText(arabic.AnalyzerName, []byte("وأعلنت وزارة الخارجية"))
	if err != nil {
		fmt.Println(err)
	}
	for _, t := range tokens {
		fmt.Println(t.Position, string(t.Term))
	}
	// Output:
	// 1 اعلنت
	// 1 =واعلنت
	// 1 n:اعلنت
	// 2 وزاره
	// 3 خارج
	// 3 =الخارجيه
}
