package store

import "math/bits"

// A field's length in words is what BM25 normalizes a term's frequency
// by. bleve stores it with every posting of the field, as a variable-length
// integer, so it is stored as a one-byte code: exact below 16 words, then
// in steps of an eighth of a power of two (at most 6% off), as Lucene
// stores its norms. The index's Info keeps the true totals, so the average
// length is exact.

// LengthCode is the code stored for a field of n words, from 1 to 127.
func LengthCode(n int) int {
	if n < 16 {
		return max(n, 1)
	}
	e := bits.Len(uint(n)) - 1 // 2^e <= n
	if e > 17 {
		e, n = 17, 1<<18-1
	}
	m := (n >> (e - 3)) & 7
	return 16 + (e-4)*8 + m
}

// CodeLength is the length in words a LengthCode stands for: the middle
// of the lengths that have the code.
func CodeLength(code int) float64 {
	if code < 16 {
		return float64(max(code, 1))
	}
	e := (code-16)/8 + 4
	m := (code - 16) % 8
	step := 1 << (e - 3)
	return float64((8+m)*step) + float64(step-1)/2
}
