package main

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net"
	"net/http"
	"net/url"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"
)

// syncBuffer is a buffer that the server writes while the test reads.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

var servingURL = regexp.MustCompile(`at (http://\S+/)\n`)

// serve starts "search serve" with args and returns the URL it prints,
// a function that stops it (as Ctrl+C does) and returns its exit code, and
// its output.
func serve(t *testing.T, args ...string) (string, func() int, *syncBuffer) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	var stdout, stderr syncBuffer
	done := make(chan int, 1)
	go func() { done <- run(ctx, append([]string{"serve"}, args...), &stdout, &stderr) }()
	deadline := time.Now().Add(30 * time.Second)
	for {
		if m := servingURL.FindStringSubmatch(stdout.String()); m != nil {
			stop := func() int {
				cancel()
				select {
				case code := <-done:
					return code
				case <-time.After(15 * time.Second):
					t.Fatal("the server did not stop")
					return -1
				}
			}
			return m[1], stop, &stdout
		}
		select {
		case code := <-done:
			cancel()
			t.Fatalf("serve exited %d: %s%s", code, stdout.String(), stderr.String())
		case <-time.After(20 * time.Millisecond):
		}
		if time.Now().After(deadline) {
			cancel()
			t.Fatalf("no URL printed: %q", stdout.String())
		}
	}
}

func fetch(t *testing.T, u string) (int, string) {
	t.Helper()
	res, err := http.Get(u)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	return res.StatusCode, string(b)
}

func TestServeBuiltInArticles(t *testing.T) {
	base, stop, out := serve(t, "--addr", "127.0.0.1:0")
	if !strings.HasPrefix(base, "http://127.0.0.1:") || !strings.Contains(out.String(), "Serving the built-in articles (5 articles)") {
		t.Errorf("printed %q", out.String())
	}
	code, body := fetch(t, base+"healthz")
	if code != 200 || !strings.Contains(body, `"articles":5`) {
		t.Errorf("healthz: %d %s", code, body)
	}
	code, body = fetch(t, base+"?q="+url.QueryEscape("لافروف"))
	if code != 200 || strings.Count(body, `<li class="hit">`) != 3 || !strings.Contains(body, "<mark>لافروف</mark>") {
		t.Errorf("search page: %d\n%s", code, body)
	}
	code, body = fetch(t, base+"api/search?q="+url.QueryEscape("-لافروف"))
	if code != 400 || !strings.HasPrefix(body, `{"error":`) {
		t.Errorf("bad query: %d %s", code, body)
	}
	if code := stop(); code != exitOK {
		t.Errorf("exit %d after Ctrl+C", code)
	}
	if !strings.HasSuffix(out.String(), "Stopped.\n") {
		t.Errorf("output %q", out.String())
	}
	// Stopped means stopped: the port no longer answers.
	if _, err := http.Get(base + "healthz"); err == nil {
		t.Error("still answering after the stop")
	}
}

func TestServeIndex(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "idx")
	if code, _, stderr := cli(t, "index", "--out", dir, "--quiet", filepath.Join("..", "..", "data")); code != exitOK {
		t.Fatalf("index: exit %d: %s", code, stderr)
	}
	base, stop, out := serve(t, "--index", dir, "--addr", "127.0.0.1:0")
	if !strings.Contains(out.String(), "Serving the index in "+dir+" (5 articles)") {
		t.Errorf("printed %q", out.String())
	}
	_, body := fetch(t, base+"api/search?limit=2&q="+url.QueryEscape("لافروف"))
	var r struct {
		Total int
		Hits  []struct{ ID string }
	}
	if err := json.Unmarshal([]byte(body), &r); err != nil || r.Total != 4 || len(r.Hits) != 2 {
		t.Errorf("api: %s", body)
	}
	if code := stop(); code != exitOK {
		t.Errorf("exit %d", code)
	}
}

func TestServeCommandLineMistakes(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	for _, c := range []struct {
		args []string
		says string
	}{
		{[]string{"serve", "--port", "8080"}, "flag provided but not defined"},
		{[]string{"serve", "now"}, `unexpected argument "now"`},
		{[]string{"serve", "--index", filepath.Join(t.TempDir(), "missing")}, ""},
		{[]string{"serve", "--addr", ln.Addr().String()}, "cannot listen on " + ln.Addr().String()},
		{[]string{"serve", "--addr", "nonsense"}, "cannot listen on nonsense"},
	} {
		code, _, stderr := cli(t, c.args...)
		if code != exitUsage || !strings.Contains(stderr, c.says) || strings.Count(stderr, "\n") > 2 {
			t.Errorf("%v: exit %d, stderr %q", c.args, code, stderr)
		}
	}
	code, out, _ := cli(t, "serve", "-h")
	if code != exitOK || !strings.Contains(out, "search serve [--index DIR] [--addr HOST:PORT]") {
		t.Errorf("-h: exit %d", code)
	}
}
