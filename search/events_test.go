package search

import (
	"context"
	"errors"
	"slices"
	"strings"
	"testing"
	"time"
)

// sources lists the three-digit prefixes of the articles that report a
// statement or a visit.
func sources(rs []Report) []string {
	var out []string
	for _, r := range rs {
		out = append(out, r.Article[:3])
	}
	return out
}

// Lavrov's statements are found under every spelling of his name, from
// the two articles that quote him (002 of 9 April 2024 first, then 001,
// which has no date), each once.
func TestStatementsBySpeaker(t *testing.T) {
	e := seeds(t)
	for _, name := range []string{"لافروف", "سيرجي لافروف", "سيرغي لافروف"} {
		resp, err := e.Statements(context.Background(), StatementRequest{Speaker: name, Limit: 100})
		if err != nil {
			t.Fatal(err)
		}
		if resp.Total != 17 || len(resp.Statements) != 17 {
			t.Fatalf("%s: %d statements (%d listed), want 17", name, resp.Total, len(resp.Statements))
		}
		var arts []string
		for _, s := range resp.Statements {
			if s.Speaker != "سيرغي لافروف" {
				t.Errorf("%s: a statement by %s", name, s.Speaker)
			}
			if len(arts) == 0 || arts[len(arts)-1] != s.Article[:3] {
				arts = append(arts, s.Article[:3])
			}
		}
		if !slices.Equal(arts, []string{"002", "001"}) {
			t.Errorf("%s: articles in order %v, want [002 001]", name, arts)
		}
		first := resp.Statements[0]
		if got := first.Date.Format(time.DateOnly); got != "2024-04-09" {
			t.Errorf("first statement dated %s, want 2024-04-09", got)
		}
	}
}

// One statement reported by two near-duplicate articles (000 and 003) is
// listed once, with both as sources; the words said are cut from the
// article's body at the statement's span.
func TestStatementsMergeReports(t *testing.T) {
	e := seeds(t)
	resp, err := e.Statements(context.Background(), StatementRequest{Speaker: "بوتين", Limit: 100})
	if err != nil {
		t.Fatal(err)
	}
	var found *Statement
	for i, s := range resp.Statements {
		if s.Verb == "وصف" {
			found = &resp.Statements[i]
		}
	}
	if found == nil {
		t.Fatalf("Putin's description of the relation (وصف) not found in %d statements", resp.Total)
	}
	if got := sources(found.Sources); !slices.Equal(got, []string{"003", "000"}) {
		t.Errorf("sources %v, want [003 000]", got)
	}
	if !strings.Contains(found.Text.Text(), "عامل استقرار") {
		t.Errorf("text %q lacks the words said", found.Text.Text())
	}
	// The article, the statement's words marked: those words and no
	// others.
	a, err := e.ArticleWith(context.Background(), found.Article, ArticleOptions{Start: found.Start, End: found.End})
	if err != nil {
		t.Fatal(err)
	}
	if got, want := strings.Join(a.Body.Matches(), " "), strings.Join(strings.Fields(strings.NewReplacer(`"`, "").Replace(found.Text.Text())), " "); got != want {
		t.Errorf("article marks %q, want the words said %q", got, want)
	}
}

// A query keeps the statements whose words it matches, marked in the
// text: Ukraine comes up in what Yellen and Mao Ning said (003).
func TestStatementsQuery(t *testing.T) {
	e := seeds(t)
	resp, err := e.Statements(context.Background(), StatementRequest{Query: "أوكرانيا"})
	if err != nil {
		t.Fatal(err)
	}
	if resp.Total == 0 {
		t.Fatal("no statement about Ukraine")
	}
	first := resp.Statements[0]
	if first.Speaker != "جانيت يلين" || !slices.Equal(first.Text.Matches(), []string{"أوكرانيا"}) {
		t.Errorf("first statement by %s marks %v, want Janet Yellen's with أوكرانيا marked", first.Speaker, first.Text.Matches())
	}
	for _, s := range resp.Statements {
		if len(s.Text.Matches()) == 0 {
			t.Errorf("a statement by %s with no word of the query: %s", s.Speaker, s.Text.Text())
		}
	}
	// With a speaker, only theirs.
	resp, err = e.Statements(context.Background(), StatementRequest{Query: "أوكرانيا", Speaker: "ماو نينغ"})
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range resp.Statements {
		if s.Speaker != "ماو نينغ" {
			t.Errorf("statement by %s, want only Mao Ning's", s.Speaker)
		}
	}
	if resp.Total == 0 {
		t.Error("Mao Ning's statements on Ukraine not found")
	}
}

// Lavrov's visit to China of 8–9 April 2024, told by three articles in
// three ways (planned in 000, done in 002 and 003, once to بكين), is one
// visit with three sources, done.
func TestVisitsMergeReports(t *testing.T) {
	e := seeds(t)
	for _, place := range []string{"", "الصين", "بكين"} {
		resp, err := e.Visits(context.Background(), VisitRequest{Who: "لافروف", Place: place})
		if err != nil {
			t.Fatal(err)
		}
		if resp.Total != 1 {
			t.Fatalf("place %q: %d visits, want 1", place, resp.Total)
		}
		v := resp.Visits[0]
		if v.Country != "الصين" || v.Status != VisitDone || v.From.Format(time.DateOnly) != "2024-04-08" || v.To.Format(time.DateOnly) != "2024-04-09" {
			t.Errorf("visit %s → %s (%s) %s..%s %s", v.Visitor, v.Destination, v.Country, v.From, v.To, v.Status)
		}
		got := sources(v.Sources)
		slices.Sort(got)
		if !slices.Equal(got, []string{"000", "002", "003"}) {
			t.Errorf("sources %v, want 000, 002, 003", got)
		}
		if !strings.Contains(v.Evidence.Text(), "لافروف") {
			t.Errorf("evidence %q does not name the visitor", v.Evidence.Text())
		}
	}
}

// Visits are listed latest first, and a period keeps the visits whose
// days fall in it.
func TestVisitsOrderAndPeriod(t *testing.T) {
	e := seeds(t)
	resp, err := e.Visits(context.Background(), VisitRequest{Limit: 100})
	if err != nil {
		t.Fatal(err)
	}
	if resp.Total < 5 || resp.Visits[0].Visitor != "سيرغي لافروف" {
		t.Fatalf("%d visits, the first by %v", resp.Total, resp.Visits)
	}
	resp, err = e.Visits(context.Background(), VisitRequest{
		From: time.Date(2022, 1, 1, 0, 0, 0, 0, time.UTC), To: time.Date(2023, 12, 31, 0, 0, 0, 0, time.UTC), Limit: 100,
	})
	if err != nil {
		t.Fatal(err)
	}
	var who []string
	for _, v := range resp.Visits {
		who = append(who, v.Visitor+" → "+v.Destination)
	}
	if !slices.Equal(who, []string{"شي جين بينغ → موسكو", "فلاديمير بوتين → بكين"}) {
		t.Errorf("visits of 2022–2023: %v, want Xi to Moscow (March 2023), then Putin to Beijing (February 2022)", who)
	}
	// A period open at one end still leaves out the visits of no known
	// day (004's, whose article has no date).
	resp, err = e.Visits(context.Background(), VisitRequest{Place: "بكين", To: time.Date(2023, 12, 31, 0, 0, 0, 0, time.UTC), Limit: 100})
	if err != nil {
		t.Fatal(err)
	}
	for _, v := range resp.Visits {
		if v.From.IsZero() && v.Date.IsZero() {
			t.Errorf("a visit of no known day (%s → %s, %s) kept by a period", v.Visitor, v.Destination, v.Article[:3])
		}
	}
}

// Requests the index cannot answer are bad queries, said in words.
func TestEventsBadRequests(t *testing.T) {
	e := seeds(t)
	ctx := context.Background()
	for _, c := range []struct {
		name string
		err  error
		want string
	}{
		{"unknown speaker", func() error { _, err := e.Statements(ctx, StatementRequest{Speaker: "ميسي"}); return err }(), "no article of the index reports a statement by \"ميسي\""},
		{"unknown place", func() error { _, err := e.Visits(ctx, VisitRequest{Place: "البرازيل"}); return err }(), "no article of the index reports a visit to \"البرازيل\""},
		{"limit", func() error { _, err := e.Visits(ctx, VisitRequest{Limit: -1}); return err }(), "limit -1 is out of range"},
		{"period", func() error {
			_, err := e.Visits(ctx, VisitRequest{From: time.Date(2024, 2, 1, 0, 0, 0, 0, time.UTC), To: time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)})
			return err
		}(), "the period ends (2024-01-01) before it starts (2024-02-01)"},
		{"query", func() error { _, err := e.Statements(ctx, StatementRequest{Query: "-لافروف"}); return err }(), "only excludes words"},
	} {
		if !errors.Is(c.err, ErrBadQuery) || !strings.Contains(c.err.Error(), c.want) {
			t.Errorf("%s: %v, want a bad query saying %q", c.name, c.err, c.want)
		}
	}
}
