// Package eval measures how well Fahras ranks: it reads a test collection
// (documents, topics and TREC relevance judgments), runs every topic, and
// scores the rankings with the measures trec_eval computes.
//
// The measures follow trec_eval's definitions (ndcg_cut.10, recall.100)
// and the usual MRR@10:
//
//   - nDCG@10: the discounted cumulative gain of the first ten hits, with
//     the judgment's grade as gain and log2(rank+1) as discount, divided
//     by the gain of the ideal ranking of the judged documents (trec_eval
//     ndcg_cut_10).
//   - MRR@10: 1/rank of the first relevant hit within the first ten, 0
//     when there is none.
//   - Recall@100: the share of a topic's relevant documents among its
//     first hundred hits (trec_eval recall_100).
//
// Each is averaged over every topic that has at least one relevant
// document in the judgments, whether or not it found anything (as
// trec_eval -c does). A document is relevant when its grade is above 0.
package eval

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"math"
	"os"
	"sort"
	"strconv"
	"strings"

	"github.com/fahras/fahras/indexer"
	"github.com/fahras/fahras/search"
	"github.com/fahras/fahras/store"
)

// Topic is one query of a test collection.
type Topic struct {
	ID, Text string
}

// Qrels are relevance judgments: topic ID → document ID → grade.
type Qrels map[string]map[string]int

// Metrics are a run's scores, averaged over its topics.
type Metrics struct {
	Topics    int
	NDCG10    float64
	MRR10     float64
	Recall100 float64
}

// Ranking is one topic's ranked document IDs with their scores.
type Ranking struct {
	IDs    []string
	Scores []float64
}

// Run maps topic IDs to their rankings.
type Run map[string]Ranking

// Depth is how many hits a topic's ranking keeps: enough for Recall@100.
const Depth = 100

// readTSV calls fn with the two columns of each line of a tab-separated
// file, naming the file and line in errors.
func readTSV(path string, fn func(a, b string) error) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), indexer.MaxRecordBytes)
	n := 0
	for sc.Scan() {
		n++
		line := strings.TrimRight(sc.Text(), "\r")
		if strings.TrimSpace(line) == "" {
			continue
		}
		a, b, ok := strings.Cut(line, "\t")
		if !ok {
			return fmt.Errorf("%s:%d: want ID, a tab, then text", path, n)
		}
		if err := fn(strings.TrimSpace(a), b); err != nil {
			return fmt.Errorf("%s:%d: %w", path, n, err)
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	return nil
}

// ReadTopics reads topics from a TSV file of ID and text. A leading "- "
// on the text (ARCD's question marker) is dropped.
func ReadTopics(path string) ([]Topic, error) {
	var ts []Topic
	err := readTSV(path, func(id, text string) error {
		ts = append(ts, Topic{ID: id, Text: strings.TrimPrefix(strings.TrimSpace(text), "- ")})
		return nil
	})
	return ts, err
}

// ReadDocs reads a TSV file of document ID and text into articles.
func ReadDocs(path string) ([]indexer.Article, error) {
	var docs []indexer.Article
	err := readTSV(path, func(id, text string) error {
		docs = append(docs, indexer.Article{ID: id, Body: text, Raw: text})
		return nil
	})
	return docs, err
}

// ReadQrels reads TREC relevance judgments: "topic iteration doc grade"
// per line.
func ReadQrels(path string) (Qrels, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	q := Qrels{}
	sc := bufio.NewScanner(f)
	n := 0
	for sc.Scan() {
		n++
		fs := strings.Fields(sc.Text())
		if len(fs) == 0 {
			continue
		}
		if len(fs) != 4 {
			return nil, fmt.Errorf("%s:%d: want 4 fields (topic, iteration, document, grade), got %d", path, n, len(fs))
		}
		g, err := strconv.Atoi(fs[3])
		if err != nil {
			return nil, fmt.Errorf("%s:%d: grade %q is not a number", path, n, fs[3])
		}
		if q[fs[0]] == nil {
			q[fs[0]] = map[string]int{}
		}
		q[fs[0]][fs[2]] = g
	}
	return q, sc.Err()
}

// Config names one way of ranking: an analysis and a scorer.
type Config struct {
	// Analysis is the text analysis to index with.
	Analysis store.Analysis
	// Scoring is "fahras" (our BM25) or "bleve-bm25".
	Scoring string
	// Weights are the field weights of our scorer; the search package's
	// defaults when zero.
	Weights search.Weights
}

// Scorings lists the scorers a Config can name.
var Scorings = []string{"fahras", "bleve-bm25"}

func (c Config) String() string { return string(c.Analysis) + "/" + c.Scoring }

// NewEngine indexes docs in memory the way c says and opens them.
func NewEngine(ctx context.Context, docs []indexer.Article, c Config) (*search.Engine, error) {
	opts := indexer.Options{Analysis: c.Analysis}
	eopts := search.Options{Weights: c.Weights}
	switch c.Scoring {
	case "fahras":
	case "bleve-bm25":
		eopts.BleveScoring = true
	default:
		return nil, fmt.Errorf("unknown scoring %q (choose one of %s)", c.Scoring, strings.Join(Scorings, ", "))
	}
	arts := make([]*indexer.Article, len(docs))
	for i := range docs {
		arts[i] = &docs[i]
	}
	ix, _, err := indexer.BuildMemory(ctx, indexer.ArticlesReader(arts), opts)
	if err != nil {
		return nil, err
	}
	return search.NewEngine(ix).WithOptions(eopts), nil
}

// RunTopics searches every topic as plain words, any of them matching,
// and keeps the first Depth hits. A topic the engine cannot run (only
// stop words, say) gets an empty ranking.
func RunTopics(ctx context.Context, e *search.Engine, topics []Topic) (Run, error) {
	run := Run{}
	for _, t := range topics {
		resp, err := e.Search(ctx, search.Request{Query: t.Text, Limit: Depth, Any: true, Plain: true, IDsOnly: true})
		if err != nil {
			if ctx.Err() != nil {
				return nil, ctx.Err()
			}
			run[t.ID] = Ranking{}
			continue
		}
		var r Ranking
		for _, h := range resp.Hits {
			r.IDs = append(r.IDs, h.ID)
			r.Scores = append(r.Scores, h.Score)
		}
		run[t.ID] = r
	}
	return run, nil
}

// Evaluate scores a run against judgments.
func Evaluate(run Run, qrels Qrels) Metrics {
	var m Metrics
	for topic, judged := range qrels {
		relevant := 0
		var grades []int
		for _, g := range judged {
			if g > 0 {
				relevant++
				grades = append(grades, g)
			}
		}
		if relevant == 0 {
			continue
		}
		m.Topics++
		ids := run[topic].IDs
		// nDCG@10
		dcg := 0.0
		for i, id := range ids {
			if i == 10 {
				break
			}
			if g := judged[id]; g > 0 {
				dcg += float64(g) / math.Log2(float64(i+2))
			}
		}
		sort.Sort(sort.Reverse(sort.IntSlice(grades)))
		idcg := 0.0
		for i, g := range grades {
			if i == 10 {
				break
			}
			idcg += float64(g) / math.Log2(float64(i+2))
		}
		m.NDCG10 += dcg / idcg
		// MRR@10
		for i, id := range ids {
			if i == 10 {
				break
			}
			if judged[id] > 0 {
				m.MRR10 += 1 / float64(i+1)
				break
			}
		}
		// Recall@100
		found := 0
		for i, id := range ids {
			if i == 100 {
				break
			}
			if judged[id] > 0 {
				found++
			}
		}
		m.Recall100 += float64(found) / float64(relevant)
	}
	if m.Topics > 0 {
		n := float64(m.Topics)
		m.NDCG10 /= n
		m.MRR10 /= n
		m.Recall100 /= n
	}
	return m
}

// WriteRun writes a run in TREC format, "topic Q0 doc rank score tag" per
// line, topics in the order given.
func WriteRun(w io.Writer, topics []Topic, run Run, tag string) error {
	bw := bufio.NewWriter(w)
	for _, t := range topics {
		r := run[t.ID]
		for i, id := range r.IDs {
			fmt.Fprintf(bw, "%s Q0 %s %d %.6f %s\n", t.ID, id, i+1, r.Scores[i], tag)
		}
	}
	return bw.Flush()
}
