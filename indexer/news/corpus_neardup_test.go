//go:build corpus

package news

import (
	"testing"
)

// Over SaudiNewsNet: how many pairs of articles the threshold calls the
// same story, whether the band keys find them, and a few pairs checked by
// reading. Skipped when the corpus is absent.
func TestCorpusNearDuplicates(t *testing.T) {
	if testing.Short() {
		t.Skip("reads the whole corpus")
	}
	type art struct {
		id, source, title string
		sig               Sig
	}
	var arts []art
	readCorpus(t, func(a corpusArticle) {
		arts = append(arts, art{a.ID, a.Source, a.Title, Signature(Clean(a.Content, Options{}).Body)})
	})
	index := map[string]int{}
	buckets := map[string][]int32{}
	for i, a := range arts {
		index[a.id] = i
		for _, k := range a.sig.Bands() {
			buckets[k] = append(buckets[k], int32(i))
		}
	}
	cands := map[[2]int32]bool{}
	for _, l := range buckets {
		for x := range l {
			for y := x + 1; y < len(l); y++ {
				cands[[2]int32{l[x], l[y]}] = true
			}
		}
	}
	dups, cross := 0, 0
	parent := make([]int32, len(arts)) // union-find of stories
	for i := range parent {
		parent[i] = int32(i)
	}
	find := func(i int32) int32 {
		for parent[i] != i {
			parent[i] = parent[parent[i]]
			i = parent[i]
		}
		return i
	}
	for p := range cands {
		a, b := arts[p[0]], arts[p[1]]
		if a.sig.NearDuplicateOf(b.sig) {
			dups++
			if a.source != b.source {
				cross++
			}
			parent[find(p[0])] = find(p[1])
		}
	}
	size := map[int32]int{}
	for i := range arts {
		size[find(int32(i))]++
	}
	inGroups, groups := 0, 0
	for _, n := range size {
		if n > 1 {
			groups++
			inGroups += n
		}
	}
	t.Logf("%d articles, %d band keys, %d candidate pairs sharing a key, %d near-duplicate pairs (%d across sources); %d articles in %d groups of the same story",
		len(arts), len(buckets), len(cands), dups, cross, inGroups, groups)

	// Band keys find the pairs that a comparison of every pair finds.
	n := min(len(arts), 3000)
	all, found := 0, 0
	for i := 0; i < n; i++ {
		for j := i + 1; j < n; j++ {
			if arts[i].sig.NearDuplicateOf(arts[j].sig) {
				all++
				if cands[[2]int32{int32(i), int32(j)}] {
					found++
				}
			}
		}
	}
	t.Logf("first %d articles: %d near-duplicate pairs by full comparison, %d found by band keys", n, all, found)
	if all == 0 || float64(found) < 0.95*float64(all) {
		t.Errorf("band keys find %d of %d near-duplicate pairs, want at least 95%%", found, all)
	}

	// Pairs read side by side. Same story: one agency report on Turkish
	// strikes printed by two papers; a hospital's cataract operations
	// rewritten by two; a university's admissions notice and a dates
	// market report copied whole. Different stories: stock market closes
	// on two different days, two different plays of one festival, and a
	// report of the Asir mosque bombing beside a condolence call about it.
	tests := []struct {
		a, b string
		want bool
	}{
		{"snn-010525", "snn-011090", true},
		{"snn-008941", "snn-008133", true},
		{"snn-004514", "snn-003254", true},
		{"snn-027722", "snn-028896", true},
		{"snn-020375", "snn-026910", false},
		{"snn-010910", "snn-024200", false},
		{"snn-024741", "snn-024301", false},
	}
	for _, tt := range tests {
		i, ok1 := index[tt.a]
		j, ok2 := index[tt.b]
		if !ok1 || !ok2 {
			t.Errorf("%s or %s not in the corpus", tt.a, tt.b)
			continue
		}
		s := arts[i].sig.Similarity(arts[j].sig)
		if got := arts[i].sig.NearDuplicateOf(arts[j].sig); got != tt.want {
			t.Errorf("%s and %s: similarity %.3f, near-duplicate %v, want %v", tt.a, tt.b, s, got, tt.want)
		}
	}
}
