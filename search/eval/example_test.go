package eval_test

import (
	"fmt"
	"strings"

	"github.com/fahras/fahras/search/eval"
)

// One ranking scored against graded judgments: the grade-2 article at
// rank 2, the grade-1 article at rank 4, and an unjudged one at rank 3.
func ExampleScoreTopic() {
	judged := map[string]int{"snn-000001": 1, "snn-000002": 0, "snn-000003": 2}
	s, _ := eval.ScoreTopic([]string{"snn-000002", "snn-000003", "snn-000009", "snn-000001"}, judged)
	fmt.Printf("nDCG@10 %.4f  P@10 %.1f  MRR@10 %.2f  Recall@100 %.1f  judged@10 %.2f\n",
		s.NDCG10, s.P10, s.MRR10, s.Recall100, s.Judged10)
	// Output: nDCG@10 0.6433  P@10 0.2  MRR@10 0.50  Recall@100 1.0  judged@10 0.75
}

// A news topic carries its description and narrative; a bare question
// only its text.
func ExampleParseTopics() {
	in := "# ID, query, description, narrative\n" +
		"n14\tالملا عمر\tThe death of the Taliban leader Mullah Omar.\t2: about his death or succession.\n" +
		"q1\t- من هي جانيت يلين\n"
	topics, err := eval.ParseTopics(strings.NewReader(in), "topics.tsv")
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, t := range topics {
		fmt.Printf("%s %q described: %t\n", t.ID, t.Text, t.Description != "")
	}
	// Output:
	// n14 "الملا عمر" described: true
	// q1 "من هي جانيت يلين" described: false
}
