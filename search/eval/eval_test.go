package eval

import (
	"bytes"
	"context"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/fahras/fahras/store"
)

// Metrics computed by hand for two topics.
func TestEvaluateByHand(t *testing.T) {
	qrels := Qrels{
		"q1": {"a": 1, "b": 0, "c": 2},
		"q2": {"x": 1},
		"q3": {"y": 0}, // no relevant document: not counted
	}
	run := Run{
		"q1": {IDs: []string{"b", "c", "z", "a"}},
		// q2 finds nothing
	}
	m := Evaluate(run, qrels)
	// q1: gains at ranks 2 (c, grade 2) and 4 (a, grade 1);
	// ideal: 2 at rank 1, 1 at rank 2.
	dcg := 2/math.Log2(3) + 1/math.Log2(5)
	idcg := 2/math.Log2(2) + 1/math.Log2(3)
	// q1: 2 of its first ten relevant (P@10 0.2), 3 of its 4 hits judged
	// (z is not); q2 found nothing: P@10 0, and nothing unjudged shown.
	want := Metrics{
		Topics:    2,
		NDCG10:    (dcg / idcg) / 2,
		P10:       (0.2 + 0) / 2,
		MRR10:     (1.0 / 2) / 2,
		Recall100: 1.0 / 2,
		Judged10:  (0.75 + 1) / 2,
	}
	if m.Topics != want.Topics || math.Abs(m.NDCG10-want.NDCG10) > 1e-12 || math.Abs(m.P10-want.P10) > 1e-12 ||
		math.Abs(m.MRR10-want.MRR10) > 1e-12 || math.Abs(m.Recall100-want.Recall100) > 1e-12 || math.Abs(m.Judged10-want.Judged10) > 1e-12 {
		t.Errorf("got %+v, want %+v", m, want)
	}
}

// A relevant document at rank 11 counts for Recall@100 but not for the
// @10 measures.
func TestCutoffs(t *testing.T) {
	ids := []string{"1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "rel"}
	m := Evaluate(Run{"q": {IDs: ids}}, Qrels{"q": {"rel": 1}})
	if m.NDCG10 != 0 || m.P10 != 0 || m.MRR10 != 0 || m.Recall100 != 1 || m.Judged10 != 0 {
		t.Errorf("%+v", m)
	}
}

func TestReadersAndRunFile(t *testing.T) {
	dir := t.TempDir()
	write := func(name, s string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	// Paragraphs and questions in the form of ARCD, with text from the
	// seed articles.
	docs := write("docs.tsv", "d1\tوصل وزير الخارجية الروسي سيرغي لافروف إلى بكين\nd2\tووجهت وزيرة الخزانة الأميركية جانيت يلين تحذيرا إلى الشركات الصينية\n")
	topics := write("topics.tsv", "t1\t- من وصل إلى بكين؟ لافروف\nt2\t- من هي جانيت يلين\n")
	qrels := write("qrels.txt", "t1 0 d1 1\nt2 0 d2 1\n")
	ds, err := ReadDocs(docs)
	if err != nil || len(ds) != 2 {
		t.Fatal(ds, err)
	}
	ts, err := ReadTopics(topics)
	if err != nil || len(ts) != 2 || strings.HasPrefix(ts[0].Text, "-") {
		t.Fatal(ts, err)
	}
	qr, err := ReadQrels(qrels)
	if err != nil {
		t.Fatal(err)
	}
	e, err := NewEngine(context.Background(), ds, Config{Analysis: store.DefaultAnalysis, Scoring: "fahras"})
	if err != nil {
		t.Fatal(err)
	}
	defer e.Close()
	run, err := RunTopics(context.Background(), e, ts, MatchAuto)
	if err != nil {
		t.Fatal(err)
	}
	if m := Evaluate(run, qr); m.MRR10 != 1 || m.Topics != 2 {
		t.Errorf("%+v %v", m, run)
	}
	var b bytes.Buffer
	if err := WriteRun(&b, ts, run, "tag"); err != nil {
		t.Fatal(err)
	}
	first := strings.Fields(strings.SplitN(b.String(), "\n", 2)[0])
	if len(first) != 6 || first[0] != "t1" || first[1] != "Q0" || first[2] != "d1" || first[3] != "1" || first[5] != "tag" {
		t.Errorf("run file: %q", b.String())
	}
	for _, bad := range []string{write("bad.tsv", "no tab here\n")} {
		if _, err := ReadTopics(bad); err == nil || !strings.Contains(err.Error(), "bad.tsv:1") {
			t.Errorf("%v", err)
		}
	}
	if _, err := ReadQrels(write("bad.qrels", "t1 0 d1\n")); err == nil {
		t.Errorf("short qrels line accepted")
	}
}
