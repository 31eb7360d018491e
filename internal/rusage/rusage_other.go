//go:build !unix

package rusage

import "time"

// CPU is not known here: zero.
func CPU() time.Duration { return 0 }

// PeakRSS is not known here: zero.
func PeakRSS() int64 { return 0 }
