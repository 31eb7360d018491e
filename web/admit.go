package web

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"time"
)

// gate admits a bounded number of searches at once, and lets a bounded
// number more wait for their turn.
type gate struct {
	running chan struct{} // a token per search running
	waiting chan struct{} // a token per search waiting
}

func newGate(running, queue int) *gate {
	return &gate{running: make(chan struct{}, running), waiting: make(chan struct{}, queue)}
}

// errBusy refuses a search when as many are running and waiting as the
// gate admits, or when one waited until its deadline without its turn.
var errBusy = errors.New("busy")

// enter waits for a search's turn until ctx ends, and returns the
// function that ends it. It fails at once with errBusy when the queue is
// full.
func (g *gate) enter(ctx context.Context) (leave func(), err error) {
	leave = func() { <-g.running }
	select {
	case g.running <- struct{}{}:
		return leave, nil
	default:
	}
	select {
	case g.waiting <- struct{}{}:
	default:
		return nil, errBusy
	}
	defer func() { <-g.waiting }()
	select {
	case g.running <- struct{}{}:
		return leave, nil
	case <-ctx.Done():
		if errors.Is(ctx.Err(), context.DeadlineExceeded) {
			return nil, errBusy
		}
		return nil, ctx.Err()
	}
}

// expensive reports whether a search's query may expand to many index
// terms or clauses: a wildcard, prefix or fuzzy term (* ? ~), or more
// than maxCheapWords words. Expensive searches never take every slot, so
// that a plain query does not wait behind them.
func expensive(q string) bool {
	return strings.ContainsAny(q, "*?~") || len(strings.Fields(q)) > maxCheapWords
}

// maxCheapWords is the most words a query may have and not count as
// expensive.
const maxCheapWords = 8

// timeoutError is a search stopped at the server's deadline.
type timeoutError struct{ limit time.Duration }

func (e timeoutError) Error() string {
	return fmt.Sprintf("the search took longer than %s and was stopped: try fewer words, fewer * ? ~ terms, or a shorter period", e.limit)
}

// panicError is a panic in a searcher, recovered.
type panicError struct{ v any }

func (e panicError) Error() string { return fmt.Sprintf("panic: %v", e.v) }

// call runs fn, a search or an article's retrieval, when the gate lets
// it, under the server's deadline and the request's context. It returns
// at the deadline or when the client goes away even if fn does not;
// fn's turn ends only when fn returns, so that a search that ignores its
// context still counts against the searches running.
func call[T any](s *server, r *http.Request, fn func(ctx context.Context) (T, error)) (T, error) {
	var zero T
	ctx, cancel := context.WithTimeout(r.Context(), s.timeout)
	defer cancel()
	var leaveLane func()
	if expensive(r.URL.Query().Get("q")) {
		// Its own lane first, which has a slot fewer than the gate.
		var err error
		if leaveLane, err = s.expensive.enter(ctx); err != nil {
			return zero, err
		}
	}
	leave, err := s.gate.enter(ctx)
	if err != nil {
		if leaveLane != nil {
			leaveLane()
		}
		return zero, err
	}
	if leaveLane != nil {
		leaveGate := leave
		leave = func() { leaveGate(); leaveLane() }
	}
	if d, _ := ctx.Deadline(); !time.Now().Before(d) || r.Context().Err() != nil {
		// Its time ran out waiting, or its client left: no use starting.
		leave()
		return zero, s.stopped(r)
	}
	type result struct {
		v   T
		err error
	}
	done := make(chan result, 1)
	go func() {
		defer leave()
		defer func() {
			if v := recover(); v != nil {
				done <- result{err: panicError{v}}
			}
		}()
		v, err := fn(ctx)
		done <- result{v, err}
	}()
	select {
	case res := <-done:
		if res.err != nil && ctx.Err() != nil {
			return zero, s.stopped(r)
		}
		return res.v, res.err
	case <-ctx.Done():
		return zero, s.stopped(r)
	}
}

// stopped says why a request's search was stopped: its client went
// away, or the server's deadline passed.
func (s *server) stopped(r *http.Request) error {
	if err := r.Context().Err(); err != nil {
		return err
	}
	return timeoutError{s.timeout}
}
