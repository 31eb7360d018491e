//go:build corpus

package search

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/fahras/fahras/indexer"
	"github.com/fahras/fahras/indexer/arabic"
	"github.com/fahras/fahras/internal/corpus"
)

// What a reader of SaudiNewsNet saw go wrong, and sees no more. These
// tests build an index of the whole corpus (a minute or two), once, and
// skip when the corpus is not beside the repository.

var (
	snnOnce   sync.Once
	snnEngine *Engine
	snnDir    string
	snnErr    error
)

func TestMain(m *testing.M) {
	code := m.Run()
	if snnEngine != nil {
		snnEngine.Close()
	}
	if snnDir != "" {
		os.RemoveAll(snnDir)
	}
	os.Exit(code)
}

// snn returns an engine over an index of SaudiNewsNet.
func snn(t *testing.T) *Engine {
	t.Helper()
	path := corpus.Need(t)
	snnOnce.Do(func() {
		if snnDir, snnErr = os.MkdirTemp("", "fahras-snn-"); snnErr != nil {
			return
		}
		r, err := indexer.OpenPaths([]string{path}, indexer.ReadOptions{})
		if err != nil {
			snnErr = err
			return
		}
		defer r.Close()
		dir := filepath.Join(snnDir, "index")
		if _, snnErr = indexer.Build(context.Background(), dir, r, indexer.Options{}); snnErr != nil {
			return
		}
		snnEngine, snnErr = Open(dir)
	})
	if snnErr != nil {
		t.Fatal(snnErr)
	}
	return snnEngine
}

func snnSearch(t *testing.T, req Request) *Response {
	t.Helper()
	r, err := snn(t).Search(context.Background(), req)
	if err != nil {
		t.Fatalf("%+v: %v", req, err)
	}
	return r
}

// marked returns the words marked in a hit's title and snippets,
// normalized.
func marked(h Hit) []string {
	var out []string
	for _, s := range append([]Snippet{h.Title}, h.Snippets...) {
		for _, m := range s.Matches() {
			out = append(out, arabic.Normalize(m))
		}
	}
	return out
}

// Name keys join names only: كورونا is in about ninety articles, and no
// longer matches القرآن, القرني, الجيران or غيرنا through a key; سلمان
// no longer marks السلم; no article has both الحوثيين and ميسي, and the
// count says so.
func TestSNNNameKeysJoinNamesOnly(t *testing.T) {
	r := snnSearch(t, Request{Query: "كورونا", Limit: 100, NoCollapse: true})
	if r.Total < 50 || r.Total > 150 {
		t.Errorf("كورونا: %d articles match; about ninety have the word", r.Total)
	}
	for _, h := range r.Hits {
		for _, m := range marked(h) {
			if !strings.Contains(m, "كورونا") && !strings.Contains(m, "كرونا") {
				t.Errorf("كورونا: %s marks %q", h.ID, m)
			}
		}
	}
	r = snnSearch(t, Request{Query: "سلمان", Limit: 100, NoCollapse: true})
	for _, h := range r.Hits {
		for _, m := range marked(h) {
			if strings.Contains(m, "سلم") && !strings.Contains(m, "سلمان") {
				t.Errorf("سلمان: %s marks %q", h.ID, m)
			}
		}
	}
	r = snnSearch(t, Request{Query: "الحوثيين ميسي", AllWords: true})
	if r.Total != 0 || len(r.Hits) != 0 {
		t.Errorf("الحوثيين ميسي: %d articles have both words, hits %v", r.Total, ids(r))
	}
}

// A typo gets a suggestion of the word meant, and a fuzzy word finds it
// first: الحوتيين (ت for ث), الرياص (ص for ض).
func TestSNNTypos(t *testing.T) {
	for q, want := range map[string]string{"الحوتيين": "الحوثيين", "الرياص": "الرياض", "الرياص~": "الرياض~"} {
		if r := snnSearch(t, Request{Query: q}); r.Suggestion != want {
			t.Errorf("%s: suggestion %q, want %q", q, r.Suggestion, want)
		}
	}
	r := snnSearch(t, Request{Query: "الرياص~", Limit: 3})
	for _, h := range r.Hits {
		found := false
		for _, m := range marked(h) {
			found = found || strings.Contains(m, "رياض")
		}
		if !found {
			t.Errorf("الرياص~: hit %d %s marks %v, no form of الرياض", h.Rank, h.ID, marked(h))
		}
	}
}

// Pages count what a reader can page through: the last page the story
// count promises has hits, the one after it none; no article is listed
// twice, as a hit or as a similar one, over the first pages; and a
// folded story's articles came out within days of one another.
func TestSNNPagesOfFoldedHits(t *testing.T) {
	q := "الملك سلمان"
	first := snnSearch(t, Request{Query: q})
	if first.Stories == 0 || first.Stories > first.Total+first.Partial {
		t.Fatalf("%d stories of %d + %d articles", first.Stories, first.Total, first.Partial)
	}
	lastOffset := int((first.Stories - 1) / DefaultLimit * DefaultLimit)
	if lastOffset <= MaxOffset {
		last := snnSearch(t, Request{Query: q, Offset: lastOffset})
		if len(last.Hits) == 0 {
			t.Errorf("the last page (offset %d of %d stories) is empty", lastOffset, first.Stories)
		}
	}
	seen := map[string]string{}
	for page := 0; page < 3; page++ {
		r := snnSearch(t, Request{Query: q, Offset: page * DefaultLimit})
		for _, h := range r.Hits {
			where := fmt.Sprintf("hit %d", h.Rank)
			for _, id := range append([]string{h.ID}, similarIDs(h)...) {
				if prev, ok := seen[id]; ok {
					t.Errorf("%s listed at %s and again at %s", id, prev, where)
				}
				seen[id] = where
			}
			for _, s := range h.Similar {
				if !h.Date.IsZero() && !s.Date.IsZero() {
					if d := s.Date.Sub(h.Date); d > 7*24*time.Hour || d < -7*24*time.Hour {
						t.Errorf("hit %d (%s, %s) folds %s of %s: not one story", h.Rank, h.ID, h.Date.Format(time.DateOnly), s.ID, s.Date.Format(time.DateOnly))
					}
				}
			}
		}
	}
}

func similarIDs(h Hit) []string {
	var out []string
	for _, s := range h.Similar {
		out = append(out, s.ID)
	}
	return out
}

// No hit shows a passage twice: no two snippets of a hit, nor a snippet
// and its title, share a run of eight words.
func TestSNNSnippetsDoNotRepeat(t *testing.T) {
	for _, q := range []string{"الملك سلمان", "اليمن", "أسعار النفط", "وزير الخارجية"} {
		r := snnSearch(t, Request{Query: q, Limit: 30})
		for _, h := range r.Hits {
			texts := []string{h.Title.Text()}
			for _, s := range h.Snippets {
				texts = append(texts, s.Text())
			}
			for i := range texts {
				for j := i + 1; j < len(texts); j++ {
					if run := sharedRun(texts[i], texts[j], 8); run != "" {
						t.Errorf("%q: %s shows %q twice", q, h.ID, run)
					}
				}
			}
		}
	}
}

// sharedRun returns a run of n words two texts share, or "".
func sharedRun(a, b string, n int) string {
	wa, wb := strings.Fields(a), strings.Fields(b)
	runs := map[string]bool{}
	for i := 0; i+n <= len(wa); i++ {
		runs[strings.Join(wa[i:i+n], " ")] = true
	}
	for i := 0; i+n <= len(wb); i++ {
		if r := strings.Join(wb[i:i+n], " "); runs[r] {
			return r
		}
	}
	return ""
}

// Filters work however the value is spelled: the person, agency and
// source spellings a reader tried, which all found nothing before.
func TestSNNFiltersForgiveSpelling(t *testing.T) {
	for _, req := range []Request{
		{Query: "الرئيس", Person: "باراك اوباما"},
		{Query: "الرئيس", Person: "أوباما"},
		{Query: "المملكة", Agency: "وكالة الانباء السعودية"},
		{Query: "المملكة", Agency: "Reuters"},
		{Query: "اليمن", Source: "Aawsat"},
		{Query: "اليمن", Source: "الشرق الأوسط"},
	} {
		r := snnSearch(t, req)
		if len(r.Hits) == 0 {
			t.Errorf("%+v: no hit", req)
		}
	}
}
