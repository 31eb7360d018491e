package main

import (
	"encoding/json"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// block is one statement or visit as printed: its heading line (without
// the rank) and the articles listed as its sources.
type block struct {
	rank    string
	head    string
	lines   []string
	sources []string // three-digit prefixes of the article IDs, in order
}

var (
	blockHead  = regexp.MustCompile(`^(\d+)\. (.*)$`)
	sourceLine = regexp.MustCompile(`^ +(?:source: )?(\d{3})_[0-9a-f]{16} · `)
)

// blocks splits the output of "search statements" or "search visits"
// into its blocks.
func blocks(out string) []block {
	var bs []block
	for _, para := range strings.Split(out, "\n\n") {
		lines := strings.Split(strings.TrimRight(para, "\n"), "\n")
		m := blockHead.FindStringSubmatch(lines[0])
		if m == nil {
			continue
		}
		b := block{rank: m[1], head: m[2], lines: lines[1:]}
		for _, l := range lines[1:] {
			if s := sourceLine.FindStringSubmatch(l); s != nil {
				b.sources = append(b.sources, s[1])
			}
		}
		bs = append(bs, b)
	}
	return bs
}

// articles lists the first source of each block, a run of one article
// counted once: the order in which the articles come.
func articles(bs []block) []string {
	var out []string
	for _, b := range bs {
		if len(b.sources) > 0 && (len(out) == 0 || out[len(out)-1] != b.sources[0]) {
			out = append(out, b.sources[0])
		}
	}
	return out
}

// What a reader of "search statements" sees: whose statements, from
// which articles in which order, with which words marked.
func TestStatementsCommand(t *testing.T) {
	for _, c := range []struct {
		name  string
		args  []string
		first string   // the heading of the first block
		count int      // blocks listed
		arts  []string // the articles, in order
		has   []string
		check func(t *testing.T, bs []block)
	}{
		{
			name:  "Lavrov under any spelling, newest first",
			args:  []string{"statements", "--speaker", "لافروف", "-n", "100"},
			first: "2024-04-09 · سيرغي لافروف · يؤكدان",
			count: 17,
			arts:  []string{"002", "001"},
			has:   []string{`17 statements by "لافروف" (`, "as written: وزير الخارجية الروسي سيرغي لافروف\n"},
			check: func(t *testing.T, bs []block) {
				for _, b := range bs {
					if !strings.Contains(b.head, " · سيرغي لافروف · ") {
						t.Errorf("block %s is not Lavrov's: %s", b.rank, b.head)
					}
					if (b.sources[0] == "001") != strings.HasPrefix(b.head, "no date · ") {
						t.Errorf("block %s from %s dated %s", b.rank, b.sources[0], b.head)
					}
				}
			},
		},
		{
			name:  "another spelling, a page",
			args:  []string{"statements", "--speaker", "سيرجي لافروف", "-n", "2"},
			first: "2024-04-09 · سيرغي لافروف · يؤكدان",
			count: 2,
			arts:  []string{"002"},
			has:   []string{"\nShowing 1–2 of 17; use --offset 2 for more.\n"},
		},
		{
			name:  "the next page",
			args:  []string{"statements", "--speaker", "لافروف", "--offset", "12"},
			first: "no date · سيرغي لافروف · أكّد",
			count: 5,
			arts:  []string{"001"},
			has:   []string{"\n13. no date · "},
		},
		{
			name:  "a quotation between guillemets",
			args:  []string{"statements", "--speaker", "لافروف", "-n", "3"},
			first: "2024-04-09 · سيرغي لافروف · يؤكدان",
			count: 3,
			has:   []string{"\n   «أشكر الجانب الصيني على تعازيه"},
		},
		{
			name:  "a query: its words marked, Yellen's statement first",
			args:  []string{"statements", "-q", "أوكرانيا"},
			first: "2024-04-08 · جانيت يلين · وجهت",
			has:   []string{`statements saying "أوكرانيا"`, "[أوكرانيا]"},
			check: func(t *testing.T, bs []block) {
				for _, b := range bs {
					if !strings.Contains(strings.Join(b.lines, "\n"), "[") {
						t.Errorf("block %s has no marked word: %q", b.rank, b.lines)
					}
				}
			},
		},
		{
			name:  "a query and a speaker",
			args:  []string{"statements", "-q", "أوكرانيا", "--speaker", "ماو نينغ"},
			first: "2024-04-08 · ماو نينغ · ",
			has:   []string{"[أوكرانيا]"},
			check: func(t *testing.T, bs []block) {
				for _, b := range bs {
					if !strings.Contains(b.head, " · ماو نينغ · ") {
						t.Errorf("block %s is not Mao Ning's: %s", b.rank, b.head)
					}
				}
			},
		},
		{
			name:  "one statement two sites report, listed once with both",
			args:  []string{"statements", "--speaker", "بوتين", "-n", "100"},
			first: "",
			check: func(t *testing.T, bs []block) {
				for _, b := range bs {
					if strings.HasSuffix(b.head, " · وصف") {
						if !slices.Equal(b.sources, []string{"003", "000"}) || !strings.Contains(strings.Join(b.lines, "\n"), "\n   2 sources:\n") {
							t.Errorf("sources %v:\n%s", b.sources, strings.Join(b.lines, "\n"))
						}
						return
					}
				}
				t.Error("Putin's statement with وصف not listed")
			},
		},
		{
			name:  "a period",
			args:  []string{"statements", "--speaker", "لافروف", "--from", "2024-04-09", "--to", "2024-04", "-n", "100"},
			first: "2024-04-09 · سيرغي لافروف · يؤكدان",
			count: 12,
			arts:  []string{"002"},
			has:   []string{`12 statements by "لافروف" from 2024-04-09 to 2024-04-30 (`},
		},
	} {
		t.Run(c.name, func(t *testing.T) {
			code, out, stderr := cli(t, c.args...)
			if code != exitOK || stderr != "" {
				t.Fatalf("exit %d, stderr %q", code, stderr)
			}
			if strings.Contains(out, "\x1b[") {
				t.Errorf("escape codes in piped output")
			}
			bs := blocks(out)
			if len(bs) == 0 {
				t.Fatalf("nothing listed:\n%s", out)
			}
			if c.first != "" && !strings.HasPrefix(bs[0].head, c.first) {
				t.Errorf("first block %q, want %q", bs[0].head, c.first)
			}
			if c.count != 0 && len(bs) != c.count {
				t.Errorf("%d blocks, want %d", len(bs), c.count)
			}
			if c.arts != nil && !slices.Equal(articles(bs), c.arts) {
				t.Errorf("articles in order %v, want %v", articles(bs), c.arts)
			}
			for _, s := range c.has {
				if !strings.Contains(out, s) {
					t.Errorf("no %q in\n%s", s, out)
				}
			}
			for _, b := range bs {
				if len(b.sources) == 0 {
					t.Errorf("block %s lists no source", b.rank)
				}
			}
			if c.check != nil {
				c.check(t, bs)
			}
		})
	}
}

// On a terminal (here --color always), the query's words are marked in
// colour, as the search marks them.
func TestStatementsColor(t *testing.T) {
	_, out, _ := cli(t, "statements", "-q", "أوكرانيا", "--color", "always")
	if !strings.Contains(out, markOn+"أوكرانيا"+markOff) || strings.Contains(out, "[أوكرانيا]") {
		t.Errorf("no colour:\n%q", out)
	}
}

// What a reader of "search visits" sees.
func TestVisitsCommand(t *testing.T) {
	lavrov := "سيرغي لافروف → الصين · 2024-04-08 to 2024-04-09 · done"
	for _, c := range []struct {
		name    string
		args    []string
		heads   []string // every block's heading, in order; nil: only the first is checked
		first   string
		sources []string // the first block's sources
		has     []string
	}{
		{
			name:    "Lavrov's visit to China, three reports as one",
			args:    []string{"visits", "--who", "لافروف"},
			heads:   []string{lavrov},
			sources: []string{"002", "003", "000"},
			has:     []string{`1 visit by "لافروف" (`, "\n   3 sources:\n", "\n   ووصل لافروف إلى الصين، أمس الاثنين"},
		},
		{
			name:    "a visit to a city is one to its country",
			args:    []string{"visits", "--who", "لافروف", "--to", "بكين"},
			heads:   []string{lavrov},
			sources: []string{"002", "003", "000"},
		},
		{
			name:  "the latest first",
			args:  []string{"visits", "-n", "100"},
			first: lavrov,
			has: []string{
				"شي جين بينغ → موسكو (روسيا) · March 2023 · done",
				"فلاديمير بوتين → بكين (الصين) · October, year not given · planned",
				"جانيت يلين → الصين · days not given · done",
			},
		},
		{
			name:  "a period, by the visits' days",
			args:  []string{"visits", "--from", "2022-01", "--to-date", "2023-12-31"},
			heads: []string{"شي جين بينغ → موسكو (روسيا) · March 2023 · done", "فلاديمير بوتين → بكين (الصين) · February 2022 · done"},
			has:   []string{"2 visits from 2022-01-01 to 2023-12-31 ("},
		},
	} {
		t.Run(c.name, func(t *testing.T) {
			code, out, stderr := cli(t, c.args...)
			if code != exitOK || stderr != "" {
				t.Fatalf("exit %d, stderr %q", code, stderr)
			}
			bs := blocks(out)
			var heads []string
			for _, b := range bs {
				heads = append(heads, b.head)
			}
			if c.heads != nil && !slices.Equal(heads, c.heads) {
				t.Errorf("visits %q, want %q", heads, c.heads)
			}
			if c.first != "" && (len(heads) == 0 || heads[0] != c.first) {
				t.Errorf("first visit %q, want %q", heads, c.first)
			}
			if c.sources != nil && !slices.Equal(bs[0].sources, c.sources) {
				t.Errorf("sources %v, want %v", bs[0].sources, c.sources)
			}
			for _, s := range c.has {
				if !strings.Contains(out, s) {
					t.Errorf("no %q in\n%s", s, out)
				}
			}
		})
	}
}

// --json prints the library's response, with the fields README.md lists.
func TestEventsJSON(t *testing.T) {
	code, out, _ := cli(t, "statements", "--speaker", "لافروف", "-n", "2", "--json")
	if code != exitOK {
		t.Fatalf("exit %d", code)
	}
	var st struct {
		Total, Offset, Limit int
		More                 bool
		Statements           []map[string]any
	}
	if err := json.Unmarshal([]byte(out), &st); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	if st.Total != 17 || st.Limit != 2 || !st.More || len(st.Statements) != 2 {
		t.Fatalf("total %d limit %d more %v, %d statements", st.Total, st.Limit, st.More, len(st.Statements))
	}
	s := st.Statements[1]
	for _, k := range []string{"speaker", "said_as", "verb", "text", "date", "article", "start", "end", "sources"} {
		if _, ok := s[k]; !ok {
			t.Errorf("a statement lacks %q: %v", k, s)
		}
	}
	if s["speaker"] != "سيرغي لافروف" || s["verb"] != "قال" || s["article"] != "002_24f89540b9a4c350" || s["date"] != "2024-04-09T00:00:00Z" {
		t.Errorf("statement %v", s)
	}
	// A query's words are marked as HTML.
	_, out, _ = cli(t, "statements", "-q", "أوكرانيا", "--json")
	if !strings.Contains(out, `"text": "`) || !strings.Contains(out, "<mark>أوكرانيا</mark>") {
		t.Errorf("text not HTML with <mark>:\n%s", out)
	}

	code, out, _ = cli(t, "visits", "--who", "لافروف", "--json")
	if code != exitOK {
		t.Fatalf("exit %d", code)
	}
	var vs struct {
		Total  int
		Visits []map[string]any
	}
	if err := json.Unmarshal([]byte(out), &vs); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	if vs.Total != 1 || len(vs.Visits) != 1 {
		t.Fatalf("%d visits", vs.Total)
	}
	v := vs.Visits[0]
	for k, want := range map[string]any{
		"visitor": "سيرغي لافروف", "destination": "الصين", "from": "2024-04-08T00:00:00Z", "to": "2024-04-09T00:00:00Z",
		"status": "done", "article": "002_24f89540b9a4c350", "date": "2024-04-09T00:00:00Z",
	} {
		if v[k] != want {
			t.Errorf("%s: %v, want %v", k, v[k], want)
		}
	}
	if srcs, _ := v["sources"].([]any); len(srcs) != 3 {
		t.Errorf("sources %v", v["sources"])
	}
	if ev, _ := v["evidence"].(string); !strings.Contains(ev, "لافروف") {
		t.Errorf("evidence %v", v["evidence"])
	}
}

// Mistakes and empty answers: the exit code, and one line that says
// what.
func TestEventsExitCodes(t *testing.T) {
	for _, c := range []struct {
		args []string
		code int
		msg  string // the first line of stderr
		out  string // in stdout
	}{
		{[]string{"statements", "--speaker", "ميسي"}, exitUsage, `search: bad query: no article of the index reports a statement by "ميسي" (the index has, for instance: `, ""},
		{[]string{"statements", "-n", "0"}, exitUsage, `search: statements: -n must be a whole number from 1 to 1000, not "0"`, ""},
		{[]string{"statements", "--limit", "ten"}, exitUsage, `search: statements: -n must be a whole number from 1 to 1000, not "ten"`, ""},
		{[]string{"statements", "--offset", "-1"}, exitUsage, "search: statements: --offset must be a whole number from 0 to 10000", ""},
		{[]string{"statements", "--from", "2024-05", "--to", "2024-04"}, exitUsage, "search: statements: --to is before from: the period ends (2024-04-30) before it starts (2024-05-01)", ""},
		{[]string{"statements", "--to", "tomorrow"}, exitUsage, "search: statements: --to must be a day such as 2024-04-09 or a month such as 2024-04", ""},
		{[]string{"statements", "-q", "-لافروف"}, exitUsage, "search: bad query: the query only excludes words", ""},
		{[]string{"statements", "-q", strings.Repeat("لافروف ", 1000)}, exitUsage, "search: statements: -q is too long: 13000 bytes, at most 4096", ""},
		{[]string{"statements", "--speaker", strings.Repeat("x", 300)}, exitUsage, "search: statements: --speaker must be text of at most 256 bytes", ""},
		{[]string{"statements", "لافروف"}, exitUsage, `search: statements: unexpected argument "لافروف"`, ""},
		{[]string{"statements", "--bogus"}, exitUsage, "search: statements: flag provided but not defined: -bogus", ""},
		{[]string{"statements", "--index", "/nonexistent/ix"}, exitUsage, "search: index /nonexistent/ix", ""},
		{[]string{"statements", "--speaker", "لافروف", "--from", "2025-01"}, exitNoMatch, "", `0 statements by "لافروف" from 2025-01-01 on`},
		{[]string{"statements", "--speaker", "لافروف", "--offset", "20"}, exitOK, "", "No statements on this page: there are 17 in all."},
		{[]string{"visits", "--to", "البرازيل"}, exitUsage, `search: bad query: no article of the index reports a visit to "البرازيل"`, ""},
		{[]string{"visits", "--who", "ماو نينغ"}, exitUsage, `search: bad query: no article of the index reports a visit by "ماو نينغ"`, ""},
		{[]string{"visits", "--to-date", "2024-13"}, exitUsage, `search: visits: --to-date must be a day such as 2024-04-09 or a month such as 2024-04, not "2024-13"`, ""},
		{[]string{"visits", "--from", "2024-05", "--to-date", "2024-04-30"}, exitUsage, "search: visits: --to-date is before from", ""},
		{[]string{"visits", "--color", "pink"}, exitUsage, "search: visits: --color must be auto, always or never", ""},
		{[]string{"visits", "--who", "لافروف", "--from", "2024-05"}, exitNoMatch, "", `0 visits by "لافروف" from 2024-05-01 on`},
	} {
		code, out, stderr := cli(t, c.args...)
		name := strings.Join(c.args, " ")
		if len(name) > 60 {
			name = name[:60] + "…"
		}
		if code != c.code {
			t.Errorf("%s: exit %d, want %d (%s)", name, code, c.code, stderr)
		}
		first, _, _ := strings.Cut(stderr, "\n")
		if !strings.HasPrefix(first, c.msg) || (c.msg == "") != (stderr == "") {
			t.Errorf("%s: stderr %q, want %q", name, stderr, c.msg)
		}
		if strings.Count(stderr, "\n") > 2 || strings.Contains(stderr, "goroutine") {
			t.Errorf("%s: stderr %q", name, stderr)
		}
		if !strings.Contains(out, c.out) {
			t.Errorf("%s: stdout %q lacks %q", name, out, c.out)
		}
	}
}
