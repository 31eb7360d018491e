package store

import (
	"math"
	"testing"
)

// Codes fit a byte of a variable-length integer, lengths below 16 are
// exact, longer ones within 6%, and the code never decreases with the
// length.
func TestLengthCode(t *testing.T) {
	prev := 0
	for n := 1; n < 300_000; n++ {
		c := LengthCode(n)
		if c < 1 || c > 127 || c < prev {
			t.Fatalf("LengthCode(%d) = %d after %d", n, c, prev)
		}
		prev = c
		got := CodeLength(c)
		if n < 16 && got != float64(n) {
			t.Errorf("CodeLength(LengthCode(%d)) = %v", n, got)
		}
		if n <= 1<<18 && math.Abs(got-float64(n)) > 0.0625*float64(n) {
			t.Errorf("CodeLength(LengthCode(%d)) = %v, over 6%% off", n, got)
		}
	}
}
