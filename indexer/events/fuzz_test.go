package events_test

import (
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/fahras/fahras/indexer/events"
)

// FuzzExtract feeds Extract any text: it must not panic, and every span
// it returns must lie within the body, on UTF-8 boundaries, and hold
// what the statement says was said.
func FuzzExtract(f *testing.F) {
	for _, a := range seedArticles(f) {
		f.Add(a.title, a.body, int64(0))
		for _, p := range strings.Split(a.body, "\n\n") {
			for _, s := range strings.SplitAfter(p, ". ") {
				f.Add("", s, int64(1712620800))
			}
		}
	}
	for _, s := range []string{"", "\"", "«", "»:", "قال", "وقال:", "قال \"", "، مضيفاً", "بحسب", "زار", "زيارة إلى",
		"وقال لافروف إنه \"", "في 8 و9 نيسان", "08-04-2024", "الاثنين والثلاثاء", "\n\n…\n\n", "ـ", "\u0651\u064b"} {
		f.Add("", s, int64(0))
	}
	f.Fuzz(func(t *testing.T, title, body string, unix int64) {
		var published time.Time
		if unix > 0 && unix < 4e9 {
			published = time.Unix(unix, 0).UTC()
		}
		stmts, visits := events.Extract(title, body, published)
		if !utf8.ValidString(body) {
			if len(stmts)+len(visits) > 0 {
				t.Fatal("a body that is not UTF-8 gave results")
			}
			return
		}
		span := func(what string, s, e int) {
			if s < 0 || e > len(body) || s >= e {
				t.Fatalf("%s span %d-%d outside the body of %d bytes", what, s, e, len(body))
			}
			if !utf8.RuneStart(body[s]) || e < len(body) && !utf8.RuneStart(body[e]) {
				t.Fatalf("%s span %d-%d is not on UTF-8 boundaries", what, s, e)
			}
		}
		for _, s := range stmts {
			span("statement", s.Start, s.End)
			if body[s.Start:s.End] != s.Text {
				t.Fatalf("statement text %q is not its span %q", s.Text, body[s.Start:s.End])
			}
			if s.Speaker == "" || s.Verb == "" {
				t.Fatalf("statement with no speaker or verb: %+v", s)
			}
		}
		for _, v := range visits {
			span("visit", v.Start, v.End)
			if v.Visitor == "" || v.Destination == "" || v.Status != events.Planned && v.Status != events.Done {
				t.Fatalf("incomplete visit: %+v", v)
			}
			if !v.To.IsZero() && v.To.Before(v.From) {
				t.Fatalf("visit ends before it starts: %+v", v)
			}
		}
	})
}
