package indexer

// bandTable maps a band value to the stories' first articles that have
// it, as a map[uint64][]int32 would, in flat arrays with no pointers: a
// build of millions of articles keeps sixteen entries for each story, and
// a Go map of slices that size costs the garbage collector more than the
// rest of the build's memory together. An entry takes 16 bytes and a key
// 8 more at most.
type bandTable struct {
	// slots is an open-addressed hash table of keys: each slot holds 1 +
	// the latest entry of its key, 0 when empty.
	slots []int32
	used  int // slots in use: distinct keys
	// The entries: a key, a leader and the entry before it of the same
	// key (-1 for none).
	keys    []uint64
	leaders []int32
	next    []int32
}

// add records that leader has the band value key.
func (t *bandTable) add(key uint64, leader int32) {
	if 2*(t.used+1) > len(t.slots) {
		t.grow()
	}
	e := int32(len(t.keys))
	t.keys = append(t.keys, key)
	t.leaders = append(t.leaders, leader)
	h := t.find(key)
	if head := t.slots[h]; head != 0 {
		t.next = append(t.next, head-1)
	} else {
		t.next = append(t.next, -1)
		t.used++
	}
	t.slots[h] = e + 1
}

// each calls fn with every leader that has the band value key, the latest
// first.
func (t *bandTable) each(key uint64, fn func(leader int32)) {
	if len(t.slots) == 0 {
		return
	}
	for e := t.slots[t.find(key)] - 1; e >= 0; e = t.next[e] {
		fn(t.leaders[e])
	}
}

// find returns the slot of key: the one that holds it, or the empty one
// where it goes.
func (t *bandTable) find(key uint64) int {
	mask := len(t.slots) - 1
	// Band values are MinHash values with their band number: mix them
	// anyway, so that a table of any size spreads them.
	h := int((key*0x9E3779B97F4A7C15)>>32) & mask
	for {
		s := t.slots[h]
		if s == 0 || t.keys[s-1] == key {
			return h
		}
		h = (h + 1) & mask
	}
}

// grow doubles the slots (at least 1024) and puts each key back.
func (t *bandTable) grow() {
	old := t.slots
	t.slots = make([]int32, max(1024, 2*len(old)))
	for _, s := range old {
		if s != 0 {
			t.slots[t.find(t.keys[s-1])] = s
		}
	}
}
