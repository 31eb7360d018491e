package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log"
	"net"
	"net/http"
	"time"

	"github.com/fahras/fahras/web"
)

// Server limits: a slow or idle client cannot hold a connection for long.
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
	fs := newFlags("serve")
	var dir, addr string
	fs.StringVar(&dir, "index", "", "")
	fs.StringVar(&addr, "addr", "127.0.0.1:8080", "")
	if err := parseFlags(fs, args, stdout); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usagef("unexpected argument %q", fs.Arg(0))
	}
	e, err := openEngine(dir)
	if err != nil {
		return err
	}
	defer e.Close()

	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return usagef("cannot listen on %s: %v", addr, errors.Unwrap(err))
	}
	srv := &http.Server{
		Handler:           web.New(e, web.Options{Logger: log.New(stderr, "search serve: ", log.LstdFlags)}),
		ReadHeaderTimeout: serveReadHeaderTimeout,
		ReadTimeout:       serveReadTimeout,
		WriteTimeout:      serveWriteTimeout,
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
		what, e.Info().Articles, serveURL(ln.Addr()))

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
