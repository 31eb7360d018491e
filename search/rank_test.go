package search

import (
	"context"
	"reflect"
	"testing"

	"github.com/fahras/fahras/indexer"
	"github.com/fahras/fahras/store"
)

// hitScores runs a query and returns its hits' IDs in order and their
// scores by ID.
func hitScores(t *testing.T, e *Engine, req Request) ([]string, map[string]float64) {
	t.Helper()
	req.NoCollapse = true
	r, err := e.Search(context.Background(), req)
	if err != nil {
		t.Fatalf("%q: %v", req.Query, err)
	}
	var got []string
	scores := map[string]float64{}
	for _, h := range r.Hits {
		got = append(got, h.ID)
		scores[h.ID] = h.Score
	}
	return got, scores
}

// A bare query word (no clitic, article or suffix) found as written
// ranks above the same word found only with the article, as an inflected
// word found as written does above its stem: the same sentence of seed
// 000, once with بيان (a statement), once with البيان (the statement).
func TestBareWordFoundAsWritten(t *testing.T) {
	e := engineOver(t, indexer.ArticlesReader([]*indexer.Article{
		{ID: "with-article", Body: `وقالت الوزارة في البيان "في 8 و9 نيسان (أبريل)، سيقوم وزير خارجية روسيا الاتحادية سيرغي لافروف بزيارة رسمية لجمهورية الصين الشعبية"`},
		{ID: "bare", Body: `وقالت الوزارة في بيان "في 8 و9 نيسان (أبريل)، سيقوم وزير خارجية روسيا الاتحادية سيرغي لافروف بزيارة رسمية لجمهورية الصين الشعبية"`},
	}), "")
	for q, want := range map[string][]string{
		"بيان":   {"bare", "with-article"},
		"البيان": {"with-article", "bare"},
	} {
		if got, _ := hitScores(t, e, Request{Query: q}); !reflect.DeepEqual(got, want) {
			t.Errorf("%q ranks %v, want %v", q, got, want)
		}
	}
}

// Where not every word is required, a word's vowel variants stand in for
// it in an article without it: the accusative طرفاً محايداً of 003 finds
// the طرف محايد of 000 and 002 after 003, and لبلاده (his country, بلاد)
// finds the البلدين (the two countries, بلد) of 001, 002 and 004 after
// 003. Where every word is required, an article needs each as written.
func TestVowelVariantsWhereWordsAreOptional(t *testing.T) {
	e := seedsWith(t, store.AnalysisFahras)
	for _, c := range []struct {
		query    string
		all, any []string
	}{
		{"طرفا محايدا", []string{"003"}, []string{"003", "000", "002"}},
		{"بلاد", []string{"003"}, []string{"003", "001", "002", "004"}},
	} {
		all, _ := hitScores(t, e, Request{Query: c.query, AllWords: true})
		if !reflect.DeepEqual(prefixes(all), c.all) {
			t.Errorf("%q, every word: %v, want %v", c.query, all, c.all)
		}
		any, _ := hitScores(t, e, Request{Query: c.query, Any: true})
		if got := prefixes(any); len(got) != len(c.any) || got[0] != c.any[0] || !sameSet(got, c.any) {
			t.Errorf("%q, any word: %v, want %s first of %v", c.query, any, c.any[0], c.any)
		}
	}
}

// prefixes gives the seed number of each seed article ID.
func prefixes(ids []string) []string {
	out := make([]string, len(ids))
	for i, id := range ids {
		out[i] = id[:3]
	}
	return out
}

// A name key stands in for a word only in an article without the word as
// written: بوتن, as 004 writes Putin (beside بوتين), scores 004 the same
// with the keys weighed as without, and the other four, which write only
// بوتين, by the key alone.
func TestNameKeyOnlyWhereTheWordIsMissing(t *testing.T) {
	e := seedsWith(t, store.AnalysisFahras)
	noKeys := DefaultWeights
	noKeys.Name = 0
	with, scores := hitScores(t, e, Request{Query: "بوتن"})
	without, plain := hitScores(t, e.WithOptions(Options{Weights: noKeys}), Request{Query: "بوتن"})
	if len(with) != 5 || len(without) != 5 || with[0][:3] != "004" || without[0][:3] != "004" {
		t.Fatalf("بوتن ranks %v with the keys weighed and %v without, want 004 first of all five", with, without)
	}
	for _, id := range with {
		switch {
		case id == with[0] && scores[id] != plain[id]:
			t.Errorf("004 scores %v with the keys weighed and %v without", scores[id], plain[id])
		case id != with[0] && (scores[id] <= 0 || plain[id] != 0):
			t.Errorf("%s scores %v with the keys weighed and %v without, want its key's score and 0", id, scores[id], plain[id])
		}
	}
}

// The vowel variants of a stem, by rule (the words normalized as the
// index holds them).
func TestVowelVariants(t *testing.T) {
	for _, c := range []struct {
		stem string
		want []string // among the variants
		not  []string // not among them
	}{
		{"وزيرا", []string{"وزير"}, nil},                  // the accusative
		{"عام", []string{"عاما"}, []string{"عوم", "عيم"}}, // not any long vowel changed
		{"علماء", []string{"علما"}, nil},                  // a final hamza dropped
		{"علما", []string{"علماء", "علم"}, nil},
		{"قاءد", []string{"قايد"}, nil}, // the hamza's seat
		{"حرب", []string{"حروب", "حراب"}, nil},
		{"حروب", []string{"حرب"}, nil},
		{"مركز", []string{"مراكز"}, []string{"مروكز"}},
		{"مصادر", []string{"مصدر"}, nil},
		{"اقليم", []string{"اقاليم"}, nil},
		{"حكوميه", nil, []string{"حكومه"}}, // an adjective is not its noun
	} {
		got := map[string]bool{}
		for _, v := range vowelVariants(c.stem) {
			got[v] = true
		}
		for _, w := range c.want {
			if !got[w] {
				t.Errorf("%s: no %s among %v", c.stem, w, vowelVariants(c.stem))
			}
		}
		for _, w := range c.not {
			if got[w] {
				t.Errorf("%s: %s among %v", c.stem, w, vowelVariants(c.stem))
			}
		}
	}
	// Too short, or not Arabic.
	for _, stem := range []string{"بن", "mobily", "2024"} {
		if vs := vowelVariants(stem); len(vs) > 0 {
			t.Errorf("%s has variants %v", stem, vs)
		}
	}
}
