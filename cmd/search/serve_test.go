package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"io/fs"
	"net"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/fahras/fahras/search"
	"github.com/fahras/fahras/store"
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
// its output and its log.
func serve(t *testing.T, args ...string) (string, func() int, *syncBuffer, *syncBuffer) {
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
			return m[1], stop, &stdout, &stderr
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
	base, stop, out, _ := serve(t, "--addr", "127.0.0.1:0")
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
	base, stop, out, _ := serve(t, "--index", dir, "--addr", "127.0.0.1:0")
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
	for _, c := range []struct {
		args []string
		says string
	}{
		{[]string{"serve", "--timeout", "0s"}, "serve: --timeout must be more than 0"},
		{[]string{"serve", "--timeout", "soon"}, `serve: invalid value "soon" for flag -timeout`},
		{[]string{"serve", "--max-searches", "0"}, "serve: --max-searches must be at least 1"},
		{[]string{"serve", "--queue", "-2"}, "serve: --queue must be -1"},
		{[]string{"serve", "--reload", "-1s"}, "serve: --reload must be 0"},
	} {
		code, _, stderr := cli(t, c.args...)
		if code != exitUsage || !strings.HasPrefix(stderr, "search: "+c.says) || !strings.HasSuffix(stderr, "Run 'search serve -h' for usage.\n") {
			t.Errorf("%v: exit %d, stderr %q", c.args, code, stderr)
		}
	}
}

// apiIDs asks the API and returns the IDs of the hits, sorted.
func apiIDs(t *testing.T, u string) []string {
	t.Helper()
	code, body := fetch(t, u)
	if code != 200 {
		return nil
	}
	var r search.Response
	if err := json.Unmarshal([]byte(body), &r); err != nil {
		t.Fatalf("%v: %s", err, body)
	}
	var ids []string
	for _, h := range r.Hits {
		ids = append(ids, h.ID)
	}
	sort.Strings(ids)
	return ids
}

// openUnder lists the files this process holds open under dir.
func openUnder(t *testing.T, dir string) []string {
	t.Helper()
	fds, err := os.ReadDir("/proc/self/fd")
	if err != nil {
		t.Skipf("cannot list open files: %v", err)
	}
	var open []string
	for _, fd := range fds {
		target, err := os.Readlink(filepath.Join("/proc/self/fd", fd.Name()))
		if err == nil && strings.HasPrefix(target, dir+string(filepath.Separator)) {
			open = append(open, target)
		}
	}
	return open
}

// A server on an index answers from an update within 5 s of it
// finishing, with the default settings, says so in one line of its log,
// and lets go of the generation it replaced.
func TestServeReloadsAnUpdate(t *testing.T) {
	src := copySeeds(t)
	dir, err := filepath.Abs(filepath.Join(t.TempDir(), "ix"))
	if err != nil {
		t.Fatal(err)
	}
	if code, _, stderr := cli(t, "index", "--quiet", "--out", dir, src); code != exitOK {
		t.Fatalf("index: exit %d: %s", code, stderr)
	}
	old, err := store.Current(dir)
	if err != nil {
		t.Fatal(err)
	}
	base, stop, _, log := serve(t, "--index", dir, "--addr", "127.0.0.1:0")
	defer stop()
	yellen := base + "api/search?no_collapse=1&q=" + url.QueryEscape("يلين")
	if ids := apiIDs(t, yellen); !slices.Equal(ids, []string{"003_9503abc412b62b6e"}) {
		t.Fatalf("before the update, يلين finds %v", ids)
	}
	if len(openUnder(t, filepath.Join(dir, old))) == 0 {
		t.Fatalf("the server holds no file of %s", old)
	}

	// 000 gains يلين, which only 003 had; 003 goes; a new article comes.
	p := filepath.Join(src, "000_2b0a31d376df4e44.txt")
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile(p, append(b, "\nوزيرة الخزانة الأميركية جانيت يلين\n"...), 0o644)
	os.Remove(filepath.Join(src, "003_9503abc412b62b6e.txt"))
	os.WriteFile(filepath.Join(src, "005_new.txt"), []byte("من المقرر أن يزور الرئيس الروسي فلاديمير بوتن بكين الشهر المقبل"), 0o644)
	if code, out, stderr := cli(t, "index", "--quiet", "--out", dir, src); code != exitOK || !strings.Contains(out, "1 added, 1 updated, 1 deleted") {
		t.Fatalf("update: exit %d: %s%s", code, out, stderr)
	}
	updated := time.Now()
	var ids []string
	for time.Since(updated) < 5*time.Second {
		if ids = apiIDs(t, yellen); slices.Equal(ids, []string{"000_2b0a31d376df4e44"}) {
			break
		}
		time.Sleep(50 * time.Millisecond)
	}
	if !slices.Equal(ids, []string{"000_2b0a31d376df4e44"}) {
		t.Fatalf("5 s after the update, يلين finds %v", ids)
	}
	if ids := apiIDs(t, base+"api/search?no_collapse=1&limit=100&q="+url.QueryEscape("بوتن")); !slices.Contains(ids, "005_new") {
		t.Errorf("the new article is not found: %v", ids)
	}
	code, body := fetch(t, base+"api/articles/003_9503abc412b62b6e")
	if code != 404 {
		t.Errorf("the deleted article: %d %s", code, body)
	}
	cur, _ := store.Current(dir)
	// The switch is logged, and the old generation closed, just after
	// the new one answers: wait for both, with a deadline.
	for deadline := time.Now().Add(5 * time.Second); time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
		if strings.Contains(log.String(), "switched to") && len(openUnder(t, filepath.Join(dir, old))) == 0 {
			break
		}
	}
	want := regexp.MustCompile(`(?m)^search serve: .* switched to ` + regexp.QuoteMeta(cur) + ` of ` + regexp.QuoteMeta(dir) + ` \(5 articles\); ` + regexp.QuoteMeta(old) + ` closes when its last search ends$`)
	if !want.MatchString(log.String()) || strings.Count(log.String(), "\n") != 1 {
		t.Errorf("log: %q", log.String())
	}
	// The old generation is gone from the disk, and from the server.
	if _, err := os.Stat(filepath.Join(dir, old)); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("the old generation is still on disk: %v", err)
	}
	if open := openUnder(t, filepath.Join(dir, old)); len(open) > 0 {
		t.Errorf("the server still holds %d files of the old generation: %v", len(open), open)
	}
}

// --timeout reaches the searches: with a deadline no search can meet,
// every one is answered 504 with a one-line reason, the page in Arabic.
func TestServeTimeout(t *testing.T) {
	base, stop, _, _ := serve(t, "--addr", "127.0.0.1:0", "--timeout", "1ns")
	defer stop()
	code, body := fetch(t, base+"api/search?q="+url.QueryEscape("لافروف"))
	if code != http.StatusGatewayTimeout || body != `{"error":"the search took longer than 1ns and was stopped: try fewer words, fewer * ? ~ terms, or a shorter period"}`+"\n" {
		t.Errorf("API: %d %q", code, body)
	}
	code, body = fetch(t, base+"?q="+url.QueryEscape("لافروف"))
	if code != http.StatusGatewayTimeout || !strings.Contains(body, "استغرق البحث أكثر من 1ns فأُوقف") {
		t.Errorf("page: %d\n%s", code, body)
	}
	// What needs no search is not held to it.
	if code, body := fetch(t, base+"healthz"); code != 200 {
		t.Errorf("healthz: %d %s", code, body)
	}
}
