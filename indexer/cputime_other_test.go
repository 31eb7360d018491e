//go:build corpus && !unix

package indexer

import "time"

// cpuTime is not measured here.
func cpuTime() time.Duration { return 0 }
