package eval

import (
	"math"
	"sort"
)

// Scores are one topic's measures (see the package documentation).
type Scores struct {
	// NDCG10 is nDCG@10, P10 precision at 10, MRR10 the reciprocal rank
	// of the first relevant document within 10, Recall100 recall at
	// 100, and Judged10 the share of the first 10 that were judged.
	NDCG10, P10, MRR10, Recall100, Judged10 float64
}

// EvaluateTopics scores each topic of a run that has a relevant document
// in the judgments; a topic the run left out scores as if it found
// nothing.
func EvaluateTopics(run Run, qrels Qrels) map[string]Scores {
	out := map[string]Scores{}
	for topic, judged := range qrels {
		if s, ok := ScoreTopic(run[topic].IDs, judged); ok {
			out[topic] = s
		}
	}
	return out
}

// ScoreTopic scores one ranking against its topic's judgments (document
// ID → grade). It reports false when no judged document is relevant, as
// such a topic cannot be scored.
func ScoreTopic(ids []string, judged map[string]int) (Scores, bool) {
	var grades []int
	for _, g := range judged {
		if g > 0 {
			grades = append(grades, g)
		}
	}
	if len(grades) == 0 {
		return Scores{}, false
	}
	var s Scores
	top := ids[:min(len(ids), 10)]
	dcg, rel, seen := 0.0, 0, 0
	for i, id := range top {
		g, ok := judged[id]
		if ok {
			seen++
		}
		if g > 0 {
			dcg += float64(g) / math.Log2(float64(i+2))
			rel++
			if s.MRR10 == 0 {
				s.MRR10 = 1 / float64(i+1)
			}
		}
	}
	sort.Sort(sort.Reverse(sort.IntSlice(grades)))
	idcg := 0.0
	for i, g := range grades[:min(len(grades), 10)] {
		idcg += float64(g) / math.Log2(float64(i+2))
	}
	s.NDCG10 = dcg / idcg
	s.P10 = float64(rel) / 10
	s.Judged10 = 1
	if len(top) > 0 {
		s.Judged10 = float64(seen) / float64(len(top))
	}
	found := 0
	for _, id := range ids[:min(len(ids), Depth)] {
		if judged[id] > 0 {
			found++
		}
	}
	s.Recall100 = float64(found) / float64(len(grades))
	return s, true
}
