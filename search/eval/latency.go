package eval

import (
	"context"
	"fmt"
	"sort"
	"time"

	"github.com/fahras/fahras/search"
)

// Latency summarises the times one engine took over a set of queries.
type Latency struct {
	// N counts the queries timed.
	N int
	// P50, P90 and P99 are percentiles of the times, Mean their mean.
	P50, P90, P99 time.Duration
	Mean          time.Duration
}

func summarize(ds []time.Duration) Latency {
	sort.Slice(ds, func(i, j int) bool { return ds[i] < ds[j] })
	l := Latency{N: len(ds)}
	if len(ds) == 0 {
		return l
	}
	pick := func(p float64) time.Duration { return ds[min(len(ds)-1, int(p*float64(len(ds))))] }
	l.P50, l.P90, l.P99 = pick(0.50), pick(0.90), pick(0.99)
	var sum time.Duration
	for _, d := range ds {
		sum += d
	}
	l.Mean = sum / time.Duration(len(ds))
	return l
}

// MeasureLatency runs every query rounds times on each engine, taking
// the engines in turn query by query so that both see the same machine
// load, and returns each engine's latencies. Each search asks for the top
// limit hits with titles and snippets when full is set, IDs only
// otherwise; the total hit count is always exact.
func MeasureLatency(ctx context.Context, engines []*search.Engine, queries []string, rounds, limit int, full bool) ([]Latency, error) {
	times := make([][]time.Duration, len(engines))
	for r := 0; r < rounds; r++ {
		for _, q := range queries {
			for i, e := range engines {
				start := time.Now()
				_, err := e.Search(ctx, search.Request{Query: q, Limit: limit, Plain: true, IDsOnly: !full})
				d := time.Since(start)
				if err != nil {
					if ctx.Err() != nil {
						return nil, ctx.Err()
					}
					return nil, fmt.Errorf("query %q: %w", q, err)
				}
				times[i] = append(times[i], d)
			}
		}
	}
	out := make([]Latency, len(engines))
	for i := range engines {
		out[i] = summarize(times[i])
	}
	return out, nil
}
