package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/text"

	"github.com/fahras/fahras/search"
)

// readme is the repository's README.md, its lines, and its CommonMark
// tree (with GitHub's tables, as GitHub renders it).
func readme(t *testing.T) ([]byte, []string, ast.Node) {
	t.Helper()
	src, err := os.ReadFile(filepath.Join("..", "..", "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	md := goldmark.New(goldmark.WithExtensions(extension.GFM))
	return src, strings.Split(string(src), "\n"), md.Parser().Parse(text.NewReader(src))
}

// lineOf is the index of the line at a byte offset of src.
func lineOf(src []byte, offset int) int { return bytes.Count(src[:offset], []byte("\n")) }

var (
	headingLine = regexp.MustCompile(`^#{2,3} `)
	fenceLine   = regexp.MustCompile("^ {0,3}(```|~~~)")
	closingLine = regexp.MustCompile("^ {0,3}(```+|~~~+)[ \t]*$")
)

// The README renders as written: every "## " and "### " line is a
// heading (none swallowed by a code block), and every code fence is
// closed by a line of its own.
func TestReadmeRenders(t *testing.T) {
	src, lines, doc := readme(t)
	var headings []string
	var blocks []*ast.FencedCodeBlock
	ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Heading:
			if n.Level == 2 || n.Level == 3 {
				l := n.Lines().At(0)
				headings = append(headings, lines[lineOf(src, l.Start)])
			}
		case *ast.FencedCodeBlock:
			blocks = append(blocks, n)
		}
		return ast.WalkContinue, nil
	})
	var want []string
	for _, l := range lines {
		if headingLine.MatchString(l) {
			want = append(want, l)
		}
	}
	if strings.Join(headings, "\n") != strings.Join(want, "\n") {
		t.Errorf("headings rendered:\n%s\nwant every heading line:\n%s", strings.Join(headings, "\n"), strings.Join(want, "\n"))
	}
	if len(want) < 8 {
		t.Errorf("only %d headings", len(want))
	}
	opened := 0
	for _, l := range lines {
		if fenceLine.MatchString(l) {
			opened++
		}
	}
	if opened != 2*len(blocks) {
		t.Errorf("%d fence lines for %d code blocks", opened, len(blocks))
	}
	for _, b := range blocks {
		n := b.Lines().Len()
		if n == 0 {
			t.Error("an empty code block")
			continue
		}
		first := lineOf(src, b.Lines().At(0).Start) - 1 // the opening fence
		last := lineOf(src, b.Lines().At(n-1).Start)
		if last+1 >= len(lines) || !closingLine.MatchString(lines[last+1]) {
			t.Errorf("the code block opened on line %d is not closed on a line of its own", first+1)
		}
		for i := first + 1; i <= last; i++ {
			if fenceLine.MatchString(lines[i]) {
				t.Errorf("line %d, inside a code block, looks like a fence: %q", i+1, lines[i])
			}
		}
	}
}

// shellWords splits a command line as a shell would, for the quoting the
// README uses: '…', "…" and backslashes; a # starting a word starts a
// comment.
func shellWords(line string) ([]string, error) {
	var words []string
	var w strings.Builder
	inWord := false
	for i := 0; i < len(line); i++ {
		c := line[i]
		switch {
		case c == ' ' || c == '\t':
			if inWord {
				words = append(words, w.String())
				w.Reset()
				inWord = false
			}
		case c == '#' && !inWord:
			return words, nil
		case c == '\'':
			j := strings.IndexByte(line[i+1:], '\'')
			if j < 0 {
				return nil, fmt.Errorf("unclosed ' in %q", line)
			}
			w.WriteString(line[i+1 : i+1+j])
			i += j + 1
			inWord = true
		case c == '"':
			j := strings.IndexByte(line[i+1:], '"')
			if j < 0 {
				return nil, fmt.Errorf("unclosed \" in %q", line)
			}
			w.WriteString(line[i+1 : i+1+j])
			i += j + 1
			inWord = true
		case c == '\\' && i+1 < len(line):
			i++
			w.WriteByte(line[i])
			inWord = true
		default:
			w.WriteByte(c)
			inWord = true
		}
	}
	if inWord {
		words = append(words, w.String())
	}
	return words, nil
}

// Every search of the README's shell examples on the built-in articles
// prints at least one hit.
func TestReadmeExamplesFindSomething(t *testing.T) {
	src, _, doc := readme(t)
	ran := 0
	ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		b, ok := n.(*ast.FencedCodeBlock)
		if !entering || !ok || string(b.Language(src)) != "sh" {
			return ast.WalkContinue, nil
		}
		for i := 0; i < b.Lines().Len(); i++ {
			seg := b.Lines().At(i)
			line := strings.TrimSpace(string(seg.Value(src)))
			var rest string
			switch {
			case strings.HasPrefix(line, "search "):
				rest = strings.TrimPrefix(line, "search ")
			case strings.HasPrefix(line, "go run ./cmd/search "):
				rest = strings.TrimPrefix(line, "go run ./cmd/search ")
			default:
				continue
			}
			args, err := shellWords(rest)
			if err != nil {
				t.Error(err)
				continue
			}
			events := len(args) > 0 && (args[0] == "statements" || args[0] == "visits")
			if len(args) == 0 || !strings.HasPrefix(args[0], "-") && !events || strings.Contains(rest, "--index") {
				continue // another command, or an index of the reader's own
			}
			ran++
			code, out, stderr := cli(t, args...)
			if code != exitOK {
				t.Errorf("%s: exit %d: %s", line, code, stderr)
				continue
			}
			hits := len(rankLine.FindAllString(out, -1))
			switch {
			case strings.Contains(rest, "--json") && events:
				var r struct {
					Statements []search.Statement
					Visits     []search.Visit
				}
				if err := json.Unmarshal([]byte(out), &r); err != nil {
					t.Errorf("%s: %v", line, err)
				}
				hits = len(r.Statements) + len(r.Visits)
			case strings.Contains(rest, "--json"):
				var r search.Response
				if err := json.Unmarshal([]byte(out), &r); err != nil {
					t.Errorf("%s: %v", line, err)
				}
				hits = len(r.Hits)
			}
			if hits == 0 {
				t.Errorf("%s: no hit:\n%s", line, out)
			}
		}
		return ast.WalkContinue, nil
	})
	if ran < 8 {
		t.Errorf("only %d examples run", ran)
	}
}

// took is the time a command says it took, which changes from run to
// run.
var took = regexp.MustCompile(`\([0-9.]+ ms\)`)

// Every transcript of the README (a console block: "$ search …" and what
// it prints) is what the command prints on the built-in articles, but for
// the time taken.
func TestReadmeTranscripts(t *testing.T) {
	src, _, doc := readme(t)
	ran := 0
	ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		b, ok := n.(*ast.FencedCodeBlock)
		if !entering || !ok || string(b.Language(src)) != "console" {
			return ast.WalkContinue, nil
		}
		var lines []string
		for i := 0; i < b.Lines().Len(); i++ {
			seg := b.Lines().At(i)
			lines = append(lines, string(seg.Value(src)))
		}
		cmd, ok := strings.CutPrefix(strings.TrimSpace(lines[0]), "$ search ")
		if !ok {
			t.Errorf("a transcript does not start with \"$ search \": %q", lines[0])
			return ast.WalkContinue, nil
		}
		args, err := shellWords(cmd)
		if err != nil {
			t.Error(err)
			return ast.WalkContinue, nil
		}
		ran++
		_, out, stderr := cli(t, args...)
		want := strings.Join(lines[1:], "")
		if got := took.ReplaceAllString(out+stderr, "(… ms)"); got != took.ReplaceAllString(want, "(… ms)") {
			t.Errorf("search %s prints\n%s\nthe README says\n%s", cmd, got, want)
		}
		return ast.WalkContinue, nil
	})
	if ran == 0 {
		t.Error("no transcript in the README")
	}
}

// The README's Go program builds and runs as given, in a module of its
// own that requires this one as the README says.
func TestReadmeGoProgram(t *testing.T) {
	if testing.Short() {
		t.Skip("building a program with the go command: skipped with -short")
	}
	goCmd, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go command on PATH")
	}
	src, _, doc := readme(t)
	var program string
	ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if b, ok := n.(*ast.FencedCodeBlock); entering && ok && string(b.Language(src)) == "go" {
			var s strings.Builder
			for i := 0; i < b.Lines().Len(); i++ {
				seg := b.Lines().At(i)
				s.Write(seg.Value(src))
			}
			program = s.String()
		}
		return ast.WalkContinue, nil
	})
	if !strings.HasPrefix(program, "package main\n") {
		t.Fatalf("no Go program in the README:\n%s", program)
	}
	root, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	// The module's own requirements and sums stand in for "go mod tidy",
	// which would need the network.
	mod, err := os.ReadFile(filepath.Join(root, "go.mod"))
	if err != nil {
		t.Fatal(err)
	}
	sum, err := os.ReadFile(filepath.Join(root, "go.sum"))
	if err != nil {
		t.Fatal(err)
	}
	_, reqs, _ := strings.Cut(string(mod), "\ngo ")
	dir := t.TempDir()
	files := map[string]string{
		"go.mod": "module example.com/news\n\ngo " + reqs +
			"\nrequire github.com/fahras/fahras v0.0.0\n\nreplace github.com/fahras/fahras => " + root + "\n",
		"go.sum":  string(sum),
		"main.go": program,
	}
	for name, content := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	cmd := exec.Command(goCmd, "run", ".")
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOPROXY=off", "GOFLAGS=-mod=mod -buildvcs=false")
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("go run: %v\n%s", err, out)
	}
	if !strings.HasPrefix(string(out), "1 000_2b0a31d376df4e44 لافروف يزور الصين") || !strings.Contains(string(out), "<mark>لافروف</mark>") {
		t.Errorf("the program printed:\n%s", out)
	}
}
