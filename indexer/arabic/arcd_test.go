package arabic

import (
	"bufio"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search/query"

	"github.com/fahras/fahras/internal/corpus"
)

// questionWords are the question words of StopWords.
var questionWords = strings.Fields("ماذا متي اين كيف هل لماذا كم ما من وماذا ولماذا ومتي وكيف واين وهل")

type arcd struct {
	docs    map[string]string
	queries [][2]string // id, text
	qrels   map[string]map[string]bool
}

func readARCD(t *testing.T) *arcd {
	dir, err := corpus.Shared("eval", "arcd")
	if err != nil {
		t.Skipf("ARCD questions not found beside the module root, skipping: %v", err)
	}
	a := &arcd{docs: map[string]string{}, qrels: map[string]map[string]bool{}}
	readLines(t, filepath.Join(dir, "derived_docs_paragraphs.tsv"), func(l string) {
		if id, text, ok := strings.Cut(l, "\t"); ok {
			a.docs[id] = text
		}
	})
	readLines(t, filepath.Join(dir, "derived_queries.tsv"), func(l string) {
		if id, text, ok := strings.Cut(l, "\t"); ok {
			a.queries = append(a.queries, [2]string{id, strings.TrimPrefix(text, "- ")})
		}
	})
	readLines(t, filepath.Join(dir, "derived_qrels_paragraph.txt"), func(l string) {
		if f := strings.Fields(l); len(f) == 4 && f[3] != "0" {
			if a.qrels[f[0]] == nil {
				a.qrels[f[0]] = map[string]bool{}
			}
			a.qrels[f[0]][f[2]] = true
		}
	})
	return a
}

func readLines(t *testing.T, path string, fn func(string)) {
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	for sc.Scan() {
		fn(sc.Text())
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
}

// arcdScores indexes the ARCD paragraphs in memory with bleve's BM25, the
// text analyzed by textAnalyzer (and, if nameBoost > 0, also by fahras_name
// in a second field), runs each question as an OR query, and returns
// MRR@10 and nDCG@10 over the questions.
func arcdScores(t *testing.T, a *arcd, textAnalyzer string, nameBoost float64) (mrr, ndcg float64) {
	im := bleve.NewIndexMapping()
	im.ScoringModel = "bm25"
	dm := bleve.NewDocumentStaticMapping()
	text := bleve.NewTextFieldMapping()
	text.Analyzer = textAnalyzer
	dm.AddFieldMappingsAt("text", text)
	name := bleve.NewTextFieldMapping()
	name.Analyzer = nameTerms
	name.IncludeTermVectors = false
	dm.AddFieldMappingsAt("name", name)
	im.DefaultMapping = dm
	idx, err := bleve.NewMemOnly(im)
	if err != nil {
		t.Fatal(err)
	}
	defer idx.Close()
	b := idx.NewBatch()
	for id, d := range a.docs {
		if err := b.Index(id, map[string]string{"text": d, "name": d}); err != nil {
			t.Fatal(err)
		}
	}
	if err := idx.Batch(b); err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, q := range a.queries {
		rel := a.qrels[q[0]]
		if len(rel) == 0 {
			continue
		}
		n++
		mq := bleve.NewMatchQuery(q[1])
		mq.SetField("text")
		var bq query.Query = mq
		if nameBoost > 0 {
			dq := bleve.NewDisjunctionQuery(mq)
			for _, k := range terms(t, nameTerms, q[1]) {
				tq := bleve.NewTermQuery(k)
				tq.SetField("name")
				tq.SetBoost(nameBoost)
				dq.AddQuery(tq)
			}
			bq = dq
		}
		req := bleve.NewSearchRequestOptions(bq, 10, 0, false)
		res, err := idx.Search(req)
		if err != nil {
			t.Fatal(err)
		}
		for i, h := range res.Hits {
			if rel[h.ID] {
				mrr += 1 / float64(i+1)
				ndcg += 1 / math.Log2(float64(i+2))
				break
			}
		}
	}
	return mrr / float64(n), ndcg / float64(n)
}

// Ranking of the ARCD questions over their paragraphs (bleve's BM25): our
// analyzers against bleve's ar, and what removing the question words
// does. Logs the figures; asserts only that fahras_stem is not worse than
// ar and that removing question words does not hurt.
func TestARCDRanking(t *testing.T) {
	if testing.Short() {
		t.Skip("short")
	}
	a := readARCD(t)
	type row struct {
		name      string
		analyzer  string
		nameBoost float64
	}
	rows := []row{
		{"ar", bleveAr, 0},
		{"fahras_exact", exactTerms, 0},
		{"fahras_stem", stemTerms, 0},
		{"fahras_stem, question words kept", stemKeepsQuestions, 0},
		{"fahras_stem + name keys ×0.2", stemTerms, 0.2},
	}
	got := map[string][2]float64{}
	for _, r := range rows {
		mrr, ndcg := arcdScores(t, a, r.analyzer, r.nameBoost)
		got[r.name] = [2]float64{mrr, ndcg}
		t.Logf("%-34s MRR@10 %.4f  nDCG@10 %.4f", r.name, mrr, ndcg)
	}
	if got["fahras_stem"][0] < got["ar"][0]-0.005 {
		t.Errorf("fahras_stem MRR@10 %.4f below ar's %.4f", got["fahras_stem"][0], got["ar"][0])
	}
	if got["fahras_stem"][0] < got["fahras_stem, question words kept"][0] {
		t.Errorf("removing question words lowers MRR@10: %.4f < %.4f", got["fahras_stem"][0], got["fahras_stem, question words kept"][0])
	}
}
