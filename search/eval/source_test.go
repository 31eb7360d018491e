package eval

import (
	"context"
	"path/filepath"
	"reflect"
	"slices"
	"testing"

	"github.com/fahras/fahras/store"
)

// seedFiles are the five seed articles shipped in data/.
func seedFiles(t *testing.T) []string {
	t.Helper()
	files, err := filepath.Glob(filepath.Join("..", "..", "data", "*.txt"))
	if err != nil || len(files) != 5 {
		t.Fatalf("seed articles: %v, %v", files, err)
	}
	return files
}

// Documents read from article files the way "search index" reads them,
// and a topic run as a user's query (every word) or as a question (any
// word): of the four seed articles naming Lavrov only 003 also names
// Yellen, so the news topic finds 003 first, then (with most of the
// words) the other three; the question finds all four, 003 first.
func TestCorpusSourceAndMatch(t *testing.T) {
	ctx := context.Background()
	e, sum, err := Build(ctx, CorpusSource(seedFiles(t)...), Config{Analysis: store.DefaultAnalysis, Scoring: "fahras"})
	if err != nil {
		t.Fatal(err)
	}
	defer e.Close()
	if sum.Added != 5 || sum.SkippedTotal() != 0 {
		t.Errorf("indexed %d, skipped %d", sum.Added, sum.SkippedTotal())
	}
	news := Topic{ID: "n", Text: "لافروف يلين", Description: "وزيرة الخزانة الأميركية جانيت يلين"}
	question := Topic{ID: "q", Text: "لافروف يلين"}
	lavrov := []string{"000_2b0a31d376df4e44", "001_d53218aacc3a3954", "002_24f89540b9a4c350", "003_9503abc412b62b6e"}
	for _, c := range []struct {
		topic Topic
		m     Match
		first string
		all   []string
	}{
		{news, MatchAuto, "003_9503abc412b62b6e", lavrov},
		{question, MatchAll, "003_9503abc412b62b6e", lavrov},
		{question, MatchAuto, "003_9503abc412b62b6e", lavrov},
		{news, MatchAny, "003_9503abc412b62b6e", lavrov},
	} {
		run, err := RunTopics(ctx, e, []Topic{c.topic}, c.m)
		if err != nil {
			t.Fatal(err)
		}
		ids := run[c.topic.ID].IDs
		if len(ids) == 0 || ids[0] != c.first || !reflect.DeepEqual(sorted(ids), c.all) {
			t.Errorf("%s as %s: %v, want %v first of %v", c.topic.ID, c.m, ids, c.first, c.all)
		}
	}
}

func TestBuildErrors(t *testing.T) {
	ctx := context.Background()
	if _, _, err := Build(ctx, CorpusSource("no-such-file.jsonl"), Config{Analysis: store.DefaultAnalysis, Scoring: "fahras"}); err == nil {
		t.Error("built from a missing file")
	}
	if _, _, err := Build(ctx, ArticleSource(nil), Config{Analysis: store.DefaultAnalysis, Scoring: "okapi"}); err == nil {
		t.Error("built with an unknown scoring")
	}
	if _, err := ParseMatch("most"); err == nil {
		t.Error("accepted match mode \"most\"")
	}
}

func sorted(ids []string) []string {
	out := slices.Clone(ids)
	slices.Sort(out)
	return out
}
