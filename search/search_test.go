package search

import (
	"context"
	"encoding/json"
	"errors"
	"slices"
	"strings"
	"sync"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/fahras/fahras/indexer"
)

var (
	seedOnce   sync.Once
	seedEngine *Engine
	seedErr    error
)

// seeds returns an engine over the embedded articles, shared by the tests.
func seeds(t testing.TB) *Engine {
	t.Helper()
	seedOnce.Do(func() { seedEngine, seedErr = OpenDefault() })
	if seedErr != nil {
		t.Fatal(seedErr)
	}
	return seedEngine
}

func ids(r *Response) []string {
	var out []string
	for _, h := range r.Hits {
		out = append(out, h.ID[:3])
	}
	return out
}

func sameSet(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	m := map[string]int{}
	for _, x := range a {
		m[x]++
	}
	for _, x := range b {
		m[x]--
	}
	for _, n := range m {
		if n != 0 {
			return false
		}
	}
	return true
}

// The articles each query must return, by ID prefix, checked by reading
// the seed articles.
func TestWhichArticlesMatch(t *testing.T) {
	e := seeds(t)
	cases := []struct {
		query string
		want  []string
	}{
		{"لافروف", []string{"000", "001", "002", "003"}},
		{"يلين", []string{"003"}},                                // Janet Yellen, only in 003
		{"باتروشيف", []string{"004"}},                            // Patrushev
		{"ترامب", []string{"001"}},                               // Trump
		{"إزفستيا", []string{"002"}},                             // the newspaper Izvestia
		{`"الحزام والطريق"`, []string{"004"}},                    // the Belt and Road forum
		{`"ماو نينغ"`, []string{"000", "003"}},                   // the spokeswoman Mao Ning
		{"بوتين -لافروف", []string{"004"}},                       // Putin, not Lavrov
		{"باتروشيف ميشوستين", []string{"004"}},                   // both men, one article
		{"+يلين لافروف", []string{"003"}},                        // Yellen required
		{"title:لافروف", []string{"000", "001", "002", "003"}},   // 000's and 002's headlines; 001 and 003 open with him
		{"وانغ يي", []string{"000", "001", "002", "003", "004"}}, // Wang Yi is in every one
	}
	for _, c := range cases {
		r, err := e.Search(context.Background(), Request{Query: c.query, NoCollapse: true})
		if err != nil {
			t.Errorf("%q: %v", c.query, err)
			continue
		}
		if got := ids(r); !sameSet(got, c.want) || r.Total != uint64(len(c.want)) {
			t.Errorf("%q: got %v (total %d), want %v", c.query, got, r.Total, c.want)
		}
	}
}

// Articles with Lavrov in their headline rank above those that only name
// him in the text; ties are broken by ID so the order is stable.
func TestLavrovRanking(t *testing.T) {
	r, err := seeds(t).Search(context.Background(), Request{Query: "لافروف", NoCollapse: true})
	if err != nil {
		t.Fatal(err)
	}
	// 000 ("لافروف يزور الصين …") and 002 ("لافروف يبحث مع …") have him in
	// their headlines; 001 and 003 start straight with the lede.
	if got := ids(r); len(got) != 4 || !sameSet(got[:2], []string{"000", "002"}) {
		t.Errorf("order %v: want 000 and 002 first", got)
	}
	for i := 1; i < len(r.Hits); i++ {
		if r.Hits[i].Score > r.Hits[i-1].Score {
			t.Errorf("hits not in score order: %v", r.Hits)
		}
		if r.Hits[i].Rank != i+1 {
			t.Errorf("hit %d has rank %d", i, r.Hits[i].Rank)
		}
	}
}

// 000 and 003 are one AFP report published by two sites: a search that
// finds both shows one hit, the better-ranked, with the other listed as
// telling the same story; NoCollapse lists both.
func TestNearDuplicatesCollapse(t *testing.T) {
	e := seeds(t)
	for _, q := range []string{"لافروف", `"ماو نينغ"`, "بكين"} {
		r, err := e.Search(context.Background(), Request{Query: q})
		if err != nil {
			t.Fatal(err)
		}
		var folded []string
		for _, h := range r.Hits {
			for _, s := range h.Similar {
				folded = append(folded, h.ID[:3]+">"+s.ID[:3])
			}
		}
		if len(folded) != 1 || folded[0] != "000>003" && folded[0] != "003>000" {
			t.Errorf("%q: hits %v, folded %v; want one of 000 and 003 folded into the other", q, ids(r), folded)
		}
		all, err := e.Search(context.Background(), Request{Query: q, NoCollapse: true})
		if err != nil {
			t.Fatal(err)
		}
		if len(all.Hits) != len(r.Hits)+1 || all.Total != r.Total {
			t.Errorf("%q: no-collapse hits %v, total %d; collapsed %v, total %d", q, ids(all), all.Total, ids(r), r.Total)
		}
		for _, h := range all.Hits {
			if len(h.Similar) > 0 {
				t.Errorf("%q: no-collapse hit %s lists similar articles", q, h.ID)
			}
		}
	}
	// A query that finds only 003 still says that 000 tells the story too.
	r, err := e.Search(context.Background(), Request{Query: "يلين"})
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Hits) != 1 || len(r.Hits[0].Similar) != 1 || r.Hits[0].Similar[0].ID[:3] != "000" {
		t.Errorf("يلين: %+v", r.Hits)
	}
	// No other pair of seeds is folded: Wang Yi is in every article.
	r, err = e.Search(context.Background(), Request{Query: "وانغ يي"})
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Hits) != 4 {
		t.Errorf("وانغ يي: %d hits, want 4 (five articles, one pair folded)", len(r.Hits))
	}
}

// Pages of collapsed hits follow each other without a gap or a repeat.
func TestPagingCollapsed(t *testing.T) {
	e := seeds(t)
	var seen []string
	for off := 0; off < 10; off += 2 {
		r, err := e.Search(context.Background(), Request{Query: "وانغ يي", Limit: 2, Offset: off})
		if err != nil {
			t.Fatal(err)
		}
		seen = append(seen, ids(r)...)
		if !r.More {
			break
		}
	}
	all, err := e.Search(context.Background(), Request{Query: "وانغ يي"})
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(seen, ids(all)) {
		t.Errorf("pages %v, all at once %v", seen, ids(all))
	}
}

// Every snippet of a Lavrov hit marks his name, and only words that
// are his name.
func TestSnippetsMarkMatchedWords(t *testing.T) {
	r, err := seeds(t).Search(context.Background(), Request{Query: "لافروف"})
	if err != nil {
		t.Fatal(err)
	}
	for _, h := range r.Hits {
		if len(h.Snippets) == 0 || len(h.Snippets) > maxFragments {
			t.Errorf("%s: %d snippets", h.ID, len(h.Snippets))
		}
		for _, s := range h.Snippets {
			m := s.Matches()
			if len(m) == 0 {
				t.Errorf("%s: snippet without a mark: %s", h.ID, s.Text())
			}
			for _, w := range m {
				if !strings.Contains(w, "لافروف") {
					t.Errorf("%s: marked %q", h.ID, w)
				}
			}
			if !strings.Contains(s.HTML(), "<mark>لافروف</mark>") {
				t.Errorf("%s: HTML %s", h.ID, s.HTML())
			}
		}
	}
}

// Snippets start and end on whole words: what precedes the first word is
// the text's start or an ellipsis, and the last word is not cut.
func TestSnippetsStartAndEndOnWords(t *testing.T) {
	e := seeds(t)
	for _, q := range []string{"لافروف", "أوكرانيا", "وانغ يي", `"الحزام والطريق"`} {
		r, err := e.Search(context.Background(), Request{Query: q})
		if err != nil {
			t.Fatal(err)
		}
		for _, h := range r.Hits {
			var bodyWords map[string]bool
			art, err := e.Article(context.Background(), h.ID, "")
			if err != nil {
				t.Fatal(err)
			}
			bodyWords = map[string]bool{}
			for _, w := range strings.FieldsFunc(art.Body.Text(), notWordRune) {
				bodyWords[w] = true
			}
			for _, s := range h.Snippets {
				text := strings.TrimSuffix(strings.TrimPrefix(s.Text(), "… "), " …")
				words := strings.FieldsFunc(text, notWordRune)
				if len(words) == 0 || len(words) > fragmentWords {
					t.Errorf("%q %s: %d words in %q", q, h.ID, len(words), text)
					continue
				}
				for _, w := range []string{words[0], words[len(words)-1]} {
					if !bodyWords[w] {
						t.Errorf("%q %s: snippet edge %q is not a whole word of the article: %q", q, h.ID, w, text)
					}
				}
				if r, _ := utf8.DecodeRuneInString(text); unicode.IsSpace(r) {
					t.Errorf("%q %s: snippet starts with space: %q", q, h.ID, text)
				}
			}
		}
	}
}

func notWordRune(r rune) bool {
	return !(unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r))
}

// A phrase marks its words; a word that only the excluded clause names is
// not marked.
func TestPhraseAndExclusionMarks(t *testing.T) {
	r, err := seeds(t).Search(context.Background(), Request{Query: `"الحزام والطريق" -لافروف`})
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Hits) != 1 {
		t.Fatalf("hits %v", ids(r))
	}
	var marked []string
	for _, s := range r.Hits[0].Snippets {
		marked = append(marked, s.Matches()...)
	}
	joined := strings.Join(marked, " ")
	if !strings.Contains(joined, "الحزام") || !strings.Contains(joined, "والطريق") {
		t.Errorf("marked %v", marked)
	}
}

// Paging walks the same ranking.
func TestPaging(t *testing.T) {
	e := seeds(t)
	all, err := e.Search(context.Background(), Request{Query: "لافروف", NoCollapse: true})
	if err != nil {
		t.Fatal(err)
	}
	page, err := e.Search(context.Background(), Request{Query: "لافروف", Limit: 2, Offset: 2, NoCollapse: true})
	if err != nil {
		t.Fatal(err)
	}
	if page.Total != 4 || len(page.Hits) != 2 || page.Hits[0].ID != all.Hits[2].ID || page.Hits[0].Rank != 3 {
		t.Errorf("page %v (total %d), all %v", ids(page), page.Total, ids(all))
	}
}

// When too few articles have every word to fill the page, the page goes
// on with those that have most of them, after the others and marked with
// the words they lack; AllWords keeps to the articles with every word.
// ترامب is in 001 only (its ticker aside), يلين in 003 only, and no seed
// has both.
func TestPartialWhenTooFewHaveAllWords(t *testing.T) {
	e := seeds(t)
	r, err := e.Search(context.Background(), Request{Query: "يلين ترامب", NoCollapse: true})
	if err != nil {
		t.Fatal(err)
	}
	if r.Total != 0 || r.Partial != 2 || !sameSet(ids(r), []string{"001", "003"}) {
		t.Fatalf("total %d, partial %d, hits %v", r.Total, r.Partial, ids(r))
	}
	for _, h := range r.Hits {
		want := map[string]string{"001": "يلين", "003": "ترامب"}[h.ID[:3]]
		if !h.Partial || len(h.Missing) != 1 || h.Missing[0] != want {
			t.Errorf("%s: partial %v, missing %q; want %q", h.ID, h.Partial, h.Missing, want)
		}
	}
	r, err = e.Search(context.Background(), Request{Query: "يلين ترامب", AllWords: true})
	if err != nil {
		t.Fatal(err)
	}
	if r.Total != 0 || r.Partial != 0 || len(r.Hits) != 0 {
		t.Errorf("all words: total %d, partial %d, hits %v", r.Total, r.Partial, ids(r))
	}
	r, err = e.Search(context.Background(), Request{Query: "يلين ترامب", Any: true, NoCollapse: true})
	if err != nil {
		t.Fatal(err)
	}
	if r.Total != 2 || !sameSet(ids(r), []string{"001", "003"}) || r.Hits[0].Partial {
		t.Errorf("any: total %d, hits %+v", r.Total, r.Hits)
	}
	// With لافروف, in four seeds, 003 has both words and ranks first;
	// the other three follow, lacking يلين.
	r, err = e.Search(context.Background(), Request{Query: "لافروف يلين", NoCollapse: true})
	if err != nil {
		t.Fatal(err)
	}
	if r.Total != 1 || r.Partial != 3 || len(r.Hits) != 4 || r.Hits[0].ID[:3] != "003" || r.Hits[0].Partial {
		t.Errorf("لافروف يلين: total %d, partial %d, hits %v", r.Total, r.Partial, ids(r))
	}
	for _, h := range r.Hits[1:] {
		if !h.Partial || len(h.Missing) != 1 || h.Missing[0] != "يلين" {
			t.Errorf("%s: partial %v, missing %q", h.ID, h.Partial, h.Missing)
		}
	}
}

// Hostile and malformed queries never panic: each gives results or an
// error wrapping ErrBadQuery.
func TestBadQueries(t *testing.T) {
	e := seeds(t)
	cases := []struct {
		query   string
		wantErr bool
		want    []string // when no error
	}{
		{"", true, nil},
		{"   ", true, nil},
		{"في", true, nil},      // a stop word alone
		{"-لافروف", true, nil}, // nothing to look for
		{"\"لافروف", false, []string{"000", "001", "002", "003"}}, // unclosed quote
		{"لافروف)", false, []string{"000", "001", "002", "003"}},  // stray parenthesis
		{"((لافروف", false, []string{"000", "001", "002", "003"}},
		{"لاف\xffروف", false, nil},                                          // invalid UTF-8 splits the word
		{"لافروف\x00\x1b[31m", false, []string{"000", "001", "002", "003"}}, // control characters
		{strings.Repeat("لافروف ", 20000), true, nil},                       // 140 KB
		{strings.Repeat("a ", MaxClauses+1), true, nil},
		{"*", false, nil},
		{"a*", true, nil}, // too short a prefix
		{"ل?", true, nil},
		{"ال" + strings.Repeat("?", 300), true, nil}, // a pattern too long to compile
		{strings.Repeat("ا?", 30), false, nil},       // long, but it compiles
		{"title:", true, nil},
		{"^^^ ~~~ :::", false, nil},
		{`\"لافروف\"`, false, []string{"000", "001", "002", "003"}},
	}
	for _, c := range cases {
		r, err := e.Search(context.Background(), Request{Query: c.query, NoCollapse: true})
		name := c.query
		if len(name) > 40 {
			name = name[:40] + "…"
		}
		if c.wantErr {
			if err == nil || !errors.Is(err, ErrBadQuery) {
				t.Errorf("%q: err %v, want a bad-query error", name, err)
			}
			if err != nil && strings.Contains(err.Error(), "\n") {
				t.Errorf("%q: error of several lines: %v", name, err)
			}
			continue
		}
		if err != nil && !errors.Is(err, ErrBadQuery) {
			t.Errorf("%q: %v", name, err)
			continue
		}
		if c.want != nil && (err != nil || !sameSet(ids(r), c.want)) {
			t.Errorf("%q: got %v, %v; want %v", name, r, err, c.want)
		}
	}
}

// A prefix that matches more index terms than a search may expand one
// to is searched by its most frequent ones, and the response names it:
// ال* matches most words of the seeds, لافرو* only Lavrov's name.
func TestCappedExpansions(t *testing.T) {
	e := seeds(t)
	for _, c := range []struct {
		query string
		want  []string
	}{
		{"ال*", []string{"ال*"}},
		{"لافرو*", nil},
		{"لافروف ال* بكين", []string{"ال*"}},
		{"لافروف~1", nil},
	} {
		r, err := e.Search(context.Background(), Request{Query: c.query, Any: true})
		if err != nil {
			t.Fatalf("%s: %v", c.query, err)
		}
		if !slices.Equal(r.Capped, c.want) {
			t.Errorf("%s: capped %q, want %q", c.query, r.Capped, c.want)
		}
		if len(r.Hits) == 0 {
			t.Errorf("%s: no hits", c.query)
		}
	}
}

// Limits and offsets outside their bounds are the caller's mistake.
func TestRequestBounds(t *testing.T) {
	e := seeds(t)
	for _, req := range []Request{
		{Query: "لافروف", Limit: -1},
		{Query: "لافروف", Limit: MaxLimit + 1},
		{Query: "لافروف", Offset: -1},
		{Query: "لافروف", Offset: MaxOffset + 1},
	} {
		if _, err := e.Search(context.Background(), req); !errors.Is(err, ErrBadQuery) {
			t.Errorf("%+v: %v", req, err)
		}
	}
}

// A search stops when its context is cancelled.
func TestCancelledSearch(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := seeds(t).Search(ctx, Request{Query: "لافروف"}); !errors.Is(err, context.Canceled) {
		t.Errorf("err %v", err)
	}
}

// The JSON form has the documented field names and keeps the marks.
func TestResponseJSON(t *testing.T) {
	r, err := seeds(t).Search(context.Background(), Request{Query: "يلين"})
	if err != nil {
		t.Fatal(err)
	}
	b, err := json.Marshal(r)
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"query", "total", "offset", "limit", "took_ms", "hits"} {
		if _, ok := m[k]; !ok {
			t.Errorf("no %q in %s", k, b)
		}
	}
	hit := m["hits"].([]any)[0].(map[string]any)
	for _, k := range []string{"rank", "id", "score", "title", "snippets"} {
		if _, ok := hit[k]; !ok {
			t.Errorf("no hits[].%q in %s", k, b)
		}
	}
	snip := hit["snippets"].([]any)[0].(string)
	if !strings.Contains(snip, "<mark>يلين</mark>") {
		t.Errorf("snippet %q", snip)
	}
	var back Response
	if err := json.Unmarshal(b, &back); err != nil {
		t.Fatal(err)
	}
	if back.Hits[0].Snippets[0].Text() != r.Hits[0].Snippets[0].Text() || len(back.Hits[0].Snippets[0].Matches()) == 0 {
		t.Errorf("round trip: %v", back.Hits[0].Snippets[0])
	}
}

// The article view marks a query's words in the whole text.
func TestArticle(t *testing.T) {
	e := seeds(t)
	a, err := e.Article(context.Background(), "003_9503abc412b62b6e", "يلين")
	if err != nil {
		t.Fatal(err)
	}
	if got := a.Body.Matches(); len(got) != 1 || got[0] != "يلين" {
		t.Errorf("marks %v", got)
	}
	if !strings.Contains(a.Raw, "جانيت يلين") {
		t.Errorf("raw text missing")
	}
	// The body keeps the article's paragraphs: 003's first three lines.
	paras := a.Body.Paragraphs()
	if len(paras) < 5 {
		t.Fatalf("%d paragraphs", len(paras))
	}
	for i, start := range []string{"بكين - وصل وزير الخارجية الروسي", "وأعلنت وزارة الخارجية الروسية", "وكانت الوزارة ذكرت"} {
		if !strings.HasPrefix(paras[i].Text(), start) {
			t.Errorf("paragraph %d: %q, want it to start %q", i+1, paras[i].Text(), start)
		}
	}
	n := 0
	for _, p := range paras {
		n += len(p.Matches())
	}
	if n != 1 {
		t.Errorf("%d marks in the paragraphs, want the one of يلين", n)
	}
	if _, err := e.Article(context.Background(), "nope", ""); !errors.Is(err, ErrNotFound) {
		t.Errorf("unknown article: %v", err)
	}
}

// A huge article is found by a word anywhere in it, but its snippets are
// looked for only in its first part, so searching stays fast.
func TestHugeArticleSnippets(t *testing.T) {
	seed := "وزير الخارجية الروسي سيرغي لافروف خلال مؤتمر صحافي في موسكو. "
	body := strings.Repeat(seed, (2<<20)/len(seed)) + "وصلت وزيرة الخزانة الأميركية جانيت يلين إلى بكين."
	e := engineOver(t, indexer.ArticlesReader([]*indexer.Article{{ID: "huge", Body: body}}), "")
	r, err := e.Search(context.Background(), Request{Query: "يلين"})
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Hits) != 1 {
		t.Fatalf("%d hits", len(r.Hits))
	}
	r, err = e.Search(context.Background(), Request{Query: "لافروف"})
	if err != nil || len(r.Hits) != 1 || len(r.Hits[0].Snippets) == 0 {
		t.Fatalf("لافروف: %v, %+v", err, r)
	}
	for _, s := range r.Hits[0].Snippets {
		if n := len(s.Text()); n > 2000 {
			t.Errorf("a snippet of %d bytes", n)
		}
	}
}

// A word that occurs in an article only in its page furniture does not
// make it match: each kind of boilerplate line of the seeds, by a word
// found nowhere else in them (checked by reading).
func TestBoilerplateDoesNotMatch(t *testing.T) {
	e := seeds(t)
	cases := []struct{ kind, id, word string }{
		{"ticker of other stories", "001", "الحوثيين"},
		{"ticker of other stories", "001", "المزعزع"},
		{"call to action", "000", "تويتر"},
		{"call to action", "000", "للإشتراك"},
		{"call to action", "002", "الملخص"},
		{"comment footer", "000", "التعليقات"},
		{"photo credit", "004", "تصوير"},
	}
	for _, c := range cases {
		a, err := e.Article(context.Background(), c.id+idSuffix[c.id], "")
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(a.Raw, c.word) {
			t.Errorf("%s: %q is not in %s's raw text", c.kind, c.word, c.id)
		}
		r, err := e.Search(context.Background(), Request{Query: c.word, NoCollapse: true})
		if err != nil {
			t.Fatal(err)
		}
		if r.Total != 0 {
			t.Errorf("%s: %q, only in %s's %s, matches %v", c.kind, c.word, c.id, c.kind, ids(r))
		}
	}
}

var idSuffix = map[string]string{
	"000": "_2b0a31d376df4e44", "001": "_d53218aacc3a3954", "002": "_24f89540b9a4c350",
	"003": "_9503abc412b62b6e", "004": "_e5a80980b21be61b",
}

// A snippet stays within one paragraph: 000's subtitle and lede are two
// paragraphs, and the lede's snippet starts with the lede, without an
// ellipsis, rather than with the subtitle's last words.
func TestSnippetsStayInParagraphs(t *testing.T) {
	r, err := seeds(t).Search(context.Background(), Request{Query: "يجري وزير", NoCollapse: true})
	if err != nil {
		t.Fatal(err)
	}
	for _, h := range r.Hits {
		if h.ID[:3] != "000" {
			continue
		}
		if len(h.Snippets) == 0 || !strings.HasPrefix(h.Snippets[0].Text(), "موسكو: يجري وزير الخارجية الروسية") {
			t.Errorf("first snippet of 000: %v", h.Snippets)
		}
		return
	}
	t.Errorf("000 not found: %v", ids(r))
}
