package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/fahras/fahras/indexer"
	"github.com/fahras/fahras/search"
	"github.com/fahras/fahras/store"
)

// cli runs one command line and returns its exit code and output.
func cli(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code := run(context.Background(), args, &out, &errOut)
	return code, out.String(), errOut.String()
}

var rankLine = regexp.MustCompile(`(?m)^(\d+)\. `)

func TestSearchLavrov(t *testing.T) {
	code, out, stderr := cli(t, "-q", "لافروف")
	if code != exitOK || stderr != "" {
		t.Fatalf("exit %d, stderr %q", code, stderr)
	}
	if !strings.HasPrefix(out, `4 articles match "لافروف"`) {
		t.Errorf("first line: %q", strings.SplitN(out, "\n", 2)[0])
	}
	// 000 and 003 are one AFP report: one hit, the other listed under it.
	ranks := rankLine.FindAllStringSubmatch(out, -1)
	if len(ranks) != 3 {
		t.Fatalf("%d hits listed:\n%s", len(ranks), out)
	}
	if !strings.Contains(out, "1 more article tells the same story:\n     وصل وزير الخارجية الروسي سيرغي لافروف") {
		t.Errorf("003 not listed under 000:\n%s", out)
	}
	for _, id := range []string{"000_2b0a31d376df4e44", "001_d53218aacc3a3954", "002_24f89540b9a4c350", "003_9503abc412b62b6e"} {
		if !strings.Contains(out, id) {
			t.Errorf("%s not listed", id)
		}
	}
	if strings.Contains(out, "004_") {
		t.Errorf("004 does not name Lavrov but is listed")
	}
	// Piped output marks matches with brackets, never escape codes.
	if strings.Count(out, "[لافروف]") < 4 || strings.Contains(out, "\x1b[") {
		t.Errorf("marks:\n%s", out)
	}
	// The articles with Lavrov in their headline come first.
	if !strings.Contains(out, "\n1. [لافروف] يزور الصين") && !strings.Contains(out, "\n1. [لافروف] يبحث مع وزير الخارجية الصيني") {
		t.Errorf("first hit is not one with Lavrov in its headline:\n%s", out)
	}
	// --no-collapse lists all four as hits.
	_, out, _ = cli(t, "-q", "لافروف", "--no-collapse")
	if n := len(rankLine.FindAllStringSubmatch(out, -1)); n != 4 || strings.Contains(out, "same story") {
		t.Errorf("--no-collapse: %d hits\n%s", n, out)
	}
}

func TestSearchColor(t *testing.T) {
	_, out, _ := cli(t, "-q", "يلين", "--color", "always")
	if !strings.Contains(out, markOn+"يلين"+markOff) {
		t.Errorf("no colour:\n%q", out)
	}
}

func TestSearchJSON(t *testing.T) {
	code, out, _ := cli(t, "-q", "لافروف", "--json", "-n", "2")
	if code != exitOK {
		t.Fatalf("exit %d", code)
	}
	var r search.Response
	if err := json.Unmarshal([]byte(out), &r); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	if r.Total != 4 || len(r.Hits) != 2 || !r.More {
		t.Errorf("response %+v", r)
	}
	if !strings.Contains(out, `"similar": [`) || !strings.Contains(out, `"id": "003_9503abc412b62b6e"`) {
		t.Errorf("003 not in a similar list:\n%s", out)
	}
	if !strings.Contains(out, "<mark>لافروف</mark>") {
		t.Errorf("marks not written as <mark>:\n%s", out)
	}
}

// A prefix too common to search by all its forms says so, on the command
// line and in JSON, and names itself as typed.
func TestSearchCapped(t *testing.T) {
	code, out, _ := cli(t, "-q", "ال*", "-n", "1")
	if code != exitOK || !strings.Contains(out, "Searched for the most frequent forms of ال* only") {
		t.Errorf("exit %d:\n%s", code, out)
	}
	code, out, _ = cli(t, "-q", "ال*", "-n", "1", "--json")
	if code != exitOK || !strings.Contains(out, `"capped": [`) || !strings.Contains(out, `"ال*"`) {
		t.Errorf("exit %d:\n%s", code, out)
	}
	if _, out, _ = cli(t, "-q", "لافرو*", "-n", "1"); strings.Contains(out, "most frequent forms") {
		t.Errorf("لافرو* said capped:\n%s", out)
	}
}

// Bad command lines and queries: exit code 2 and one line that says what
// is wrong.
func TestBadInput(t *testing.T) {
	cases := []struct {
		args []string
		code int
		msg  string
	}{
		{[]string{}, exitUsage, "no query"},
		{[]string{"-q", ""}, exitUsage, "no query"},
		{[]string{"-q", "في"}, exitUsage, "no words to search for"},
		{[]string{"-q", strings.Repeat("لافروف ", 15000)}, exitUsage, "-q is too long: 195000 bytes, at most 4096"},
		{[]string{"-q", "لافروف", "-n", "0"}, exitUsage, `-n must be a whole number from 1 to 1000, not "0"`},
		{[]string{"-q", "لافروف", "--limit", "ten"}, exitUsage, `-n must be a whole number from 1 to 1000, not "ten"`},
		{[]string{"-q", "لافروف", "--offset", "-3"}, exitUsage, `--offset must be a whole number from 0 to 10000`},
		{[]string{"-q", "لافروف", "--bogus"}, exitUsage, "bogus"},
		{[]string{"-q", "لافروف", "--index", "/nonexistent/ix"}, exitUsage, "/nonexistent/ix"},
		{[]string{"لافروف"}, exitUsage, "unknown command"},
		{[]string{"-q", "طوكيو"}, exitNoMatch, ""},
		{[]string{"-q", "لافروف", "--from", "2024-13-01"}, exitUsage, "--from must be a day such as 2024-04-09 or a month such as 2024-04"},
		{[]string{"-q", "لافروف", "--from", "2024-05", "--to", "2024-04"}, exitUsage, "--to is before from: the period ends (2024-04-30) before it starts (2024-05-01)"},
		{[]string{"-q", "لافروف", "--sort", "random"}, exitUsage, `--sort must be relevance, newest or oldest, not "random"`},
		{[]string{"-q", "لافروف", "--color", "pink"}, exitUsage, "--color must be auto, always or never"},
		{[]string{"index"}, exitUsage, "--out"},
		{[]string{"index", "--out", t.TempDir()}, exitUsage, "give the"},
		{[]string{"index", "--out", t.TempDir(), "/nonexistent/file.txt"}, exitUsage, "/nonexistent/file.txt"},
		{[]string{"index", "--out", t.TempDir(), "--analysis", "klingon", "x"}, exitUsage, "unknown analysis"},
	}
	for _, c := range cases {
		code, _, stderr := cli(t, c.args...)
		if code != c.code {
			t.Errorf("%q: exit %d, want %d (%s)", c.args, code, c.code, stderr)
		}
		first := strings.SplitN(stderr, "\n", 2)[0]
		if c.msg != "" && !strings.Contains(first, c.msg) {
			t.Errorf("%q: message %q does not say %q", c.args, first, c.msg)
		}
		if strings.Contains(stderr, "goroutine") || strings.Count(stderr, "\n") > 2 {
			t.Errorf("%q: stderr %q", c.args, stderr)
		}
	}
}

// "search -h" gives every command and the search's options; "search CMD
// -h" that command's options, and only them.
func TestHelp(t *testing.T) {
	for _, c := range []struct {
		args      []string
		has, lack []string
	}{
		{[]string{"-h"}, []string{"search index --out DIR", "search serve", "search eval", "search bench", "search --version",
			"search statements [--speaker NAME]", "search visits [--who NAME] [--to PLACE]",
			"-q, --query QUERY", "-n, --limit N", "--no-collapse", "Exit codes:"}, []string{"--rebuild", "--timeout"}},
		{[]string{"--help"}, []string{"search index --out DIR", "-q, --query QUERY"}, nil},
		{[]string{"help"}, []string{"search index --out DIR", "-q, --query QUERY"}, nil},
		{[]string{"index", "-h"}, []string{"search index --out DIR [options] PATH...", "--out DIR", "--rebuild", "--field FIELD=NAME", "(default 1000)"}, []string{"-q, --query", "--timeout", "Commands:"}},
		{[]string{"help", "index"}, []string{"search index --out DIR [options] PATH...", "--rebuild"}, []string{"-q, --query"}},
		{[]string{"serve", "--help"}, []string{"search serve [--index DIR]", "--timeout DURATION", "(default 2s)", "--max-searches N", "--queue N", "--reload DURATION"}, []string{"--rebuild", "-q, --query"}},
		{[]string{"eval", "-h"}, []string{"--docs FILE", "--analyzer, --analysis NAMES"}, []string{"--rebuild"}},
		{[]string{"statements", "-h"}, []string{"search statements [-q QUERY] [--speaker NAME]", "--speaker NAME", "--from DAY", "--to DAY", "-n, --limit N", "--offset N", "--json", "--color WHEN"}, []string{"--who", "--rebuild", "Commands:"}},
		{[]string{"help", "visits"}, []string{"search visits [--who NAME] [--to PLACE] [--from DAY] [--to-date DAY]", "--who NAME", "--to PLACE", "--to-date DAY", "-n, --limit N", "--json"}, []string{"--speaker", "-q, --query", "Commands:"}},
		{[]string{"bench", "-h"}, []string{"--queries-file FILE", "bench/http.sh"}, []string{"--rebuild"}},
	} {
		code, out, stderr := cli(t, c.args...)
		if code != exitOK || stderr != "" {
			t.Errorf("%v: exit %d, stderr %q", c.args, code, stderr)
		}
		for _, s := range c.has {
			if !strings.Contains(out, s) {
				t.Errorf("%v: no %q in\n%s", c.args, s, out)
			}
		}
		for _, s := range c.lack {
			if strings.Contains(out, s) {
				t.Errorf("%v: %q in\n%s", c.args, s, out)
			}
		}
		for i, line := range strings.Split(out, "\n") {
			if n := len([]rune(line)); n > 80 {
				t.Errorf("%v: line %d has %d characters: %q", c.args, i+1, n, line)
			}
		}
	}
	// A mistake points to the help of the command it was made in.
	if _, _, stderr := cli(t, "index", "--bogus"); !strings.HasSuffix(stderr, "Run 'search index -h' for usage.\n") {
		t.Errorf("index --bogus: %q", stderr)
	}
}

// --version names the module's version and the index format read.
func TestVersion(t *testing.T) {
	want := regexp.MustCompile(`^search \S+, module github\.com/fahras/fahras(, commit [0-9a-f]{12})?, go[0-9.]+\S*; reads index format ` + fmt.Sprint(store.FormatVersion) + "\n$")
	for _, args := range [][]string{{"--version"}, {"version"}, {"-version"}} {
		code, out, _ := cli(t, args...)
		if code != exitOK || !want.MatchString(out) {
			t.Errorf("%v: exit %d, %q", args, code, out)
		}
	}
}

// Build an index of the seed files and search it.
func TestIndexThenSearch(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "ix")
	code, out, stderr := cli(t, "index", "--out", dir, filepath.Join("..", "..", "data"))
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if !regexp.MustCompile(`^indexed 5 articles in [0-9.]+ s \(\d+ KB read\); index \d+ KB at `).MatchString(out) {
		t.Errorf("summary %q", out)
	}
	if !strings.Contains(out, "skipped 1: 1 not an article file") { // data.go
		t.Errorf("summary does not count data.go: %q", out)
	}
	code, out, _ = cli(t, "--index", dir, "-q", "يلين")
	if code != exitOK || !strings.Contains(out, "003_9503abc412b62b6e") || strings.Count(out, "\n1. ") != 1 {
		t.Errorf("exit %d\n%s", code, out)
	}
}

// copySeeds copies the seed articles into a new directory.
func copySeeds(t *testing.T) string {
	t.Helper()
	src := t.TempDir()
	files, err := filepath.Glob(filepath.Join("..", "..", "data", "*.txt"))
	if err != nil || len(files) != 5 {
		t.Fatalf("seed files: %v %v", files, err)
	}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(src, filepath.Base(f)), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return src
}

// Indexing a changed directory again adds, updates and deletes only what
// changed, says so, and the search sees the change.
func TestIndexUpdate(t *testing.T) {
	src := copySeeds(t)
	dir := filepath.Join(t.TempDir(), "ix")
	if code, _, stderr := cli(t, "index", "--out", dir, src); code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	// 000 gains يلين, which only 003 had; 003 goes; a new article comes.
	p := filepath.Join(src, "000_2b0a31d376df4e44.txt")
	b, _ := os.ReadFile(p)
	os.WriteFile(p, append(b, "\nوزيرة الخزانة الأميركية جانيت يلين\n"...), 0o644)
	os.Remove(filepath.Join(src, "003_9503abc412b62b6e.txt"))
	os.WriteFile(filepath.Join(src, "005_new.txt"), []byte("من المقرر أن يزور الرئيس الروسي فلاديمير بوتن بكين الشهر المقبل"), 0o644)

	code, out, stderr := cli(t, "index", "--out", dir, src)
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	want := regexp.MustCompile(`^updated .+ in [0-9.]+ s \(\d+ KB read\): 1 added, 1 updated, 1 deleted, 3 unchanged; 5 articles, index \d+ KB\n$`)
	if !want.MatchString(out) {
		t.Errorf("summary %q", out)
	}
	code, out, _ = cli(t, "--index", dir, "-q", "يلين")
	if code != exitOK || !strings.Contains(out, "000_2b0a31d376df4e44") || strings.Contains(out, "003_") || strings.Count(out, "\n1. ") != 1 {
		t.Errorf("يلين after the update: exit %d\n%s", code, out)
	}
	code, out, _ = cli(t, "--index", dir, "-q", "بوتن", "-n", "100")
	if code != exitOK || !strings.Contains(out, "005_new") {
		t.Errorf("the new article is not found: exit %d\n%s", code, out)
	}

	// Again, without changes: nothing is written, results stay.
	code, out, _ = cli(t, "index", "--out", dir, src)
	if code != exitOK || !strings.Contains(out, ": 0 added, 0 updated, 0 deleted, 5 unchanged;") {
		t.Errorf("run without changes: exit %d, %q", code, out)
	}
	code, out, _ = cli(t, "--index", dir, "-q", "يلين")
	if code != exitOK || !strings.Contains(out, "000_2b0a31d376df4e44") || strings.Count(out, "\n1. ") != 1 {
		t.Errorf("يلين after a run without changes: exit %d\n%s", code, out)
	}

	// --rebuild makes a full build.
	code, out, _ = cli(t, "index", "--rebuild", "--out", dir, src)
	if code != exitOK || !strings.HasPrefix(out, "indexed 5 articles in ") {
		t.Errorf("--rebuild: exit %d, %q", code, out)
	}
	// Another analysis rebuilds, and says why.
	code, out, _ = cli(t, "index", "--analysis", "none", "--out", dir, src)
	if code != exitOK || !strings.HasPrefix(out, "indexed 5 articles in ") || !strings.Contains(out, `rebuilt because the index was built with analysis "fahras" and this run asks for "none"`) {
		t.Errorf("other analysis: exit %d, %q", code, out)
	}
}

// waitingReader yields the seed articles once its process's standard
// input is closed, holding the index it writes to until then.
type waitingReader struct {
	indexer.Reader
	waited bool
}

func (r *waitingReader) Next() (*indexer.Article, error) {
	if !r.waited {
		r.waited = true
		fmt.Println("holding the index")
		io.Copy(io.Discard, os.Stdin)
	}
	return r.Reader.Next()
}

// TestHelperHoldsIndex is run by TestIndexLockedByAnotherProcess as the
// other process: it updates an index and holds it until told to go on.
func TestHelperHoldsIndex(t *testing.T) {
	dir := os.Getenv("FAHRAS_TEST_HOLD_INDEX")
	if dir == "" {
		t.Skip("the second process of TestIndexLockedByAnotherProcess")
	}
	if _, err := indexer.Update(context.Background(), dir, &waitingReader{Reader: indexer.SeedReader()}, indexer.Options{}); err != nil {
		t.Fatal(err)
	}
}

// While another process updates an index, indexing into it fails at once
// with one clear line, and searching it goes on working.
func TestIndexLockedByAnotherProcess(t *testing.T) {
	data := filepath.Join("..", "..", "data")
	dir := filepath.Join(t.TempDir(), "ix")
	if code, _, stderr := cli(t, "index", "--out", dir, data); code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	other := exec.Command(os.Args[0], "-test.run=^TestHelperHoldsIndex$")
	other.Env = append(os.Environ(), "FAHRAS_TEST_HOLD_INDEX="+dir)
	stdin, err := other.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	stdout, err := other.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := other.Start(); err != nil {
		t.Fatal(err)
	}
	defer other.Process.Kill()
	lines := bufio.NewScanner(stdout)
	for lines.Scan() && lines.Text() != "holding the index" {
	}
	if lines.Err() != nil || lines.Text() != "holding the index" {
		t.Fatalf("the other process did not start its update: %v", lines.Err())
	}

	code, out, stderr := cli(t, "index", "--out", dir, data)
	if code != exitFailure || out != "" || stderr != "search: index "+dir+": another build is writing to it\n" {
		t.Errorf("exit %d, stdout %q, stderr %q", code, out, stderr)
	}
	code, out, _ = cli(t, "--index", dir, "-q", "يلين")
	if code != exitOK || !strings.Contains(out, "003_9503abc412b62b6e") {
		t.Errorf("search during the other update: exit %d\n%s", code, out)
	}

	stdin.Close()
	io.Copy(io.Discard, stdout)
	if err := other.Wait(); err != nil {
		t.Fatalf("the other process: %v", err)
	}
	code, out, stderr = cli(t, "index", "--out", dir, data)
	if code != exitOK || !strings.Contains(out, ": 0 added, 0 updated, 0 deleted, 5 unchanged;") {
		t.Errorf("after the other process: exit %d, %q %q", code, out, stderr)
	}
}
