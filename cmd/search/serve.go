package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log"
	"net"
	"net/http"
	"runtime"
	"time"

	"github.com/fahras/fahras/web"
)

// Server limits: a slow or idle client cannot hold a connection for long.
// An answer may take longer to write when --timeout allows a longer
// search.
const (
	serveReadHeaderTimeout = 5 * time.Second
	serveReadTimeout       = 10 * time.Second
	serveWriteTimeout      = 30 * time.Second
	serveIdleTimeout       = 60 * time.Second
	serveMaxHeaderBytes    = 64 << 10
	serveShutdownTimeout   = 10 * time.Second
)

// runServe serves the search page and JSON API until ctx ends (on
// SIGINT or SIGTERM), then finishes the requests under way and returns.
func runServe(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	c := newCommand("serve", "Serves an Arabic search page and a JSON API over HTTP (without --index, "+
		"over the built-in articles) and prints the address to open in a browser. Ctrl+C stops it "+
		"after the requests under way. Routes: / (the page), /article/ID, /person/NAME (statements and visits), "+
		"/api/search?q=&limit=&offset=…, /api/statements?speaker=&q=…, /api/visits?who=&to=…, "+
		"/api/articles/ID, /healthz.\n\n"+
		"Every search runs under a deadline and stops when its client goes away; a few run at once and a "+
		"queue waits for its turn, beyond which a request is refused at once (503, Retry-After). With "+
		"--index, a new generation written by \"search index\" is served within seconds.",
		"search serve [--index DIR] [--addr HOST:PORT] [options]")
	var dir, addr string
	var timeout, reload time.Duration
	var maxSearches, queue int
	c.String(&dir, "index", "", "serve the index in `DIR` instead of the built-in articles")
	c.String(&addr, "addr", "127.0.0.1:8080", "listen on `HOST:PORT` (port 0 picks a free one)")
	c.Duration(&timeout, "timeout", web.DefaultTimeout, "stop a search that takes longer than `DURATION`, its wait for a turn included, and answer 504")
	c.Int(&maxSearches, "max-searches", runtime.GOMAXPROCS(0), "run at most `N` searches at once: one per CPU")
	c.Int(&queue, "queue", 0, fmt.Sprintf("let at most `N` more searches wait for their turn, each until its deadline; 0 for %d per search run at once, -1 for none", web.QueuePerSearch))
	c.Duration(&reload, "reload", time.Second, "look for a new generation of the index every `DURATION` (0: never)")
	if err := c.parse(args, stdout); err != nil {
		return err
	}
	if c.fs.NArg() > 0 {
		return c.usagef("unexpected argument %q", c.fs.Arg(0))
	}
	if timeout <= 0 {
		return c.usagef("--timeout must be more than 0, such as 2s or 500ms")
	}
	if maxSearches < 1 {
		return c.usagef("--max-searches must be at least 1")
	}
	if queue < -1 {
		return c.usagef("--queue must be -1 (no queue), 0 (the default) or more")
	}
	if reload < 0 {
		return c.usagef("--reload must be 0 (never) or more, such as 1s")
	}
	logger := log.New(stderr, "search serve: ", log.LstdFlags)
	live, err := openLive(dir, logger)
	if err != nil {
		return err
	}
	defer live.Close()

	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return c.usagef("cannot listen on %s: %v", addr, errors.Unwrap(err))
	}
	srv := &http.Server{
		Handler: web.New(live, web.Options{
			Logger:      logger,
			Timeout:     timeout,
			MaxSearches: maxSearches,
			MaxQueue:    queue,
		}),
		ReadHeaderTimeout: serveReadHeaderTimeout,
		ReadTimeout:       serveReadTimeout,
		WriteTimeout:      max(serveWriteTimeout, timeout+serveReadTimeout),
		IdleTimeout:       serveIdleTimeout,
		MaxHeaderBytes:    serveMaxHeaderBytes,
		ErrorLog:          log.New(io.Discard, "", 0),
		BaseContext:       func(net.Listener) context.Context { return context.WithoutCancel(ctx) },
	}
	what := "the built-in articles"
	if dir != "" {
		what = "the index in " + dir
	}
	fmt.Fprintf(stdout, "Serving %s (%d articles) at %s\nOpen it in a browser; press Ctrl+C to stop.\n",
		what, live.Info().Articles, serveURL(ln.Addr()))

	watchCtx, stopWatching := context.WithCancel(ctx)
	watching := make(chan struct{})
	go func() {
		defer close(watching)
		live.watch(watchCtx, reload)
	}()
	defer func() {
		stopWatching()
		<-watching
	}()
	done := make(chan error, 1)
	go func() { done <- srv.Serve(ln) }()
	select {
	case err := <-done:
		return fmt.Errorf("serving: %w", err)
	case <-ctx.Done():
	}
	shutCtx, cancel := context.WithTimeout(context.Background(), serveShutdownTimeout)
	defer cancel()
	if err := srv.Shutdown(shutCtx); err != nil {
		srv.Close()
	}
	<-done
	fmt.Fprintln(stdout, "Stopped.")
	return nil
}

// serveURL is the address to open in a browser: a server listening on
// every interface is reached as localhost.
func serveURL(a net.Addr) string {
	host, port, err := net.SplitHostPort(a.String())
	if err != nil {
		return "http://" + a.String() + "/"
	}
	if ip := net.ParseIP(host); ip == nil || ip.IsUnspecified() {
		host = "localhost"
	}
	return "http://" + net.JoinHostPort(host, port) + "/"
}
