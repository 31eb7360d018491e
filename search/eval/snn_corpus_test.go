//go:build corpus

package eval

import (
	"context"
	"testing"

	"github.com/fahras/fahras/internal/corpus"
	"github.com/fahras/fahras/store"
)

// On the SaudiNewsNet news test set our default analysis ranks better
// than bleve's ar, in nDCG@10 and in Recall@100, and the judgments still
// cover both rankings' top ten (when a ranking change surfaces unjudged
// articles, extend the pools before trusting the figures). Builds two
// in-memory indexes of 31,030 articles: minutes.
func TestSaudiNewsNetSet(t *testing.T) {
	snnPath := corpus.Need(t)
	topics, err := ReadTopics("testdata/saudinewsnet/topics.tsv")
	if err != nil {
		t.Fatal(err)
	}
	qrels, err := ReadQrels("testdata/saudinewsnet/qrels.txt")
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	score := func(a store.Analysis) Metrics {
		e, _, err := Build(ctx, CorpusSource(snnPath), Config{Analysis: a, Scoring: "fahras"})
		if err != nil {
			t.Fatal(err)
		}
		defer e.Close()
		run, err := RunTopics(ctx, e, topics, MatchAuto)
		if err != nil {
			t.Fatal(err)
		}
		m := Evaluate(run, qrels)
		t.Logf("%s: nDCG@10 %.4f P@10 %.4f MRR@10 %.4f Recall@100 %.4f judged@10 %.4f over %d topics",
			a, m.NDCG10, m.P10, m.MRR10, m.Recall100, m.Judged10, m.Topics)
		return m
	}
	ours, ar := score(store.DefaultAnalysis), score("ar")
	if ours.Topics != 40 {
		t.Errorf("%d topics scored, want 40", ours.Topics)
	}
	if ours.NDCG10 <= ar.NDCG10 || ours.Recall100 <= ar.Recall100 {
		t.Errorf("default nDCG@10 %.4f, Recall@100 %.4f; ar %.4f, %.4f", ours.NDCG10, ours.Recall100, ar.NDCG10, ar.Recall100)
	}
	for _, m := range []Metrics{ours, ar} {
		if m.Judged10 < 0.95 {
			t.Errorf("judged@10 %.4f: extend the pools (see testdata/saudinewsnet/README.md)", m.Judged10)
		}
	}
}
