package eval

import (
	"fmt"
	"math"
	"testing"
)

// Each measure of one topic, against values worked out by hand.
func TestScoreTopic(t *testing.T) {
	ids := func(prefix string, n int) []string {
		out := make([]string, n)
		for i := range out {
			out[i] = fmt.Sprintf("%s%d", prefix, i+1)
		}
		return out
	}
	twelve := map[string]int{}
	for _, id := range ids("r", 12) {
		twelve[id] = 1
	}
	cases := []struct {
		name   string
		ids    []string
		judged map[string]int
		want   Scores
	}{{
		// Gains 2 at rank 2 and 1 at rank 4; ideal 2 then 1:
		// (2/log2 3 + 1/log2 5) / (2/log2 2 + 1/log2 3)
		// = (1.2618595 + 0.4306766) / (2 + 0.6309298) = 0.6433224.
		// Two relevant of ten; first at rank 2; both relevant found;
		// b, c and a judged, z not: 3 of 4.
		name:   "graded, one unjudged",
		ids:    []string{"b", "c", "z", "a"},
		judged: map[string]int{"a": 1, "b": 0, "c": 2},
		want:   Scores{NDCG10: 0.6433224, P10: 0.2, MRR10: 0.5, Recall100: 1, Judged10: 0.75},
	}, {
		// Grade 1 first, then grade 2: (1 + 2/log2 3) / (2 + 1/log2 3)
		// = 2.2618595 / 2.6309298 = 0.8597187.
		name:   "better grade second",
		ids:    []string{"x", "y"},
		judged: map[string]int{"x": 1, "y": 2},
		want:   Scores{NDCG10: 0.8597187, P10: 0.2, MRR10: 1, Recall100: 1, Judged10: 1},
	}, {
		// The only relevant document at rank 11: outside every @10
		// measure, inside Recall@100; none of the first ten is judged.
		name:   "relevant at rank 11",
		ids:    append(ids("u", 10), "rel"),
		judged: map[string]int{"rel": 1},
		want:   Scores{Recall100: 1},
	}, {
		// At rank 101 it is outside Recall@100 too.
		name:   "relevant at rank 101",
		ids:    append(ids("u", 100), "rel"),
		judged: map[string]int{"rel": 2, "u1": 0},
		want:   Scores{Judged10: 0.1},
	}, {
		// Twelve relevant, the first ten found in order: the ideal ranking
		// also has ten relevant on top, so nDCG@10 is 1; recall 10/12.
		name:   "more relevant than ten",
		ids:    ids("r", 10),
		judged: twelve,
		want:   Scores{NDCG10: 1, P10: 1, MRR10: 1, Recall100: 10.0 / 12, Judged10: 1},
	}, {
		// Nothing found: every measure 0, and nothing unjudged shown.
		name:   "nothing found",
		judged: map[string]int{"a": 1},
		want:   Scores{Judged10: 1},
	}}
	for _, c := range cases {
		got, ok := ScoreTopic(c.ids, c.judged)
		if !ok {
			t.Errorf("%s: not scored", c.name)
			continue
		}
		for _, m := range []struct {
			name      string
			got, want float64
		}{
			{"nDCG@10", got.NDCG10, c.want.NDCG10},
			{"P@10", got.P10, c.want.P10},
			{"MRR@10", got.MRR10, c.want.MRR10},
			{"Recall@100", got.Recall100, c.want.Recall100},
			{"judged@10", got.Judged10, c.want.Judged10},
		} {
			if math.Abs(m.got-m.want) > 1e-7 {
				t.Errorf("%s: %s %.7f, want %.7f", c.name, m.name, m.got, m.want)
			}
		}
	}
}

// A topic whose judged documents are all grade 0 cannot be scored, and
// is left out of the averages.
func TestTopicWithoutRelevant(t *testing.T) {
	if _, ok := ScoreTopic([]string{"a"}, map[string]int{"a": 0}); ok {
		t.Error("scored a topic with no relevant document")
	}
	m := Evaluate(Run{"q": {IDs: []string{"a"}}, "p": {IDs: []string{"b"}}}, Qrels{"q": {"a": 0}, "p": {"b": 1}})
	if m.Topics != 1 || m.NDCG10 != 1 {
		t.Errorf("%+v", m)
	}
}
