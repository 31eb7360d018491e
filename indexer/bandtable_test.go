package indexer

import (
	"math/rand/v2"
	"slices"
	"testing"
)

// The band table gives back, for each key, every leader added with it,
// the latest first, as a map of slices does, through growth and colliding
// keys.
func TestBandTable(t *testing.T) {
	var tab bandTable
	want := map[uint64][]int32{}
	rng := rand.New(rand.NewPCG(1, 2))
	for i := range int32(20000) {
		// Few distinct keys, so that many share one, and keys that differ
		// only in their high bits.
		k := uint64(rng.IntN(3000)) << (32 * uint(rng.IntN(2)))
		tab.add(k, i)
		want[k] = append([]int32{i}, want[k]...)
	}
	for k, w := range want {
		var got []int32
		tab.each(k, func(l int32) { got = append(got, l) })
		if !slices.Equal(got, w) {
			t.Fatalf("key %x: %v, want %v", k, got, w)
		}
	}
	tab.each(1<<63, func(l int32) { t.Errorf("a key never added gave %d", l) })
	var empty bandTable
	empty.each(7, func(l int32) { t.Errorf("an empty table gave %d", l) })
}
