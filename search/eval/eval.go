// Package eval measures how well Fahras ranks: it reads a test collection
// (documents, topics and TREC relevance judgments), runs every topic, and
// scores the rankings with the measures trec_eval computes.
//
// The documents are a TSV of ID and text (ARCD's paragraphs), or a corpus
// of articles read the way "search index" reads it (CorpusSource), so that
// headlines and clean bodies are what is indexed. A topic's query runs
// either as a user's query runs by default (MatchAll) or as plain words
// any of which may match (MatchAny, for ARCD's questions).
//
// The measures follow trec_eval's definitions (ndcg_cut.10, P.10,
// recall.100), with the usual MRR@10 and judged@10:
//
//   - nDCG@10: the discounted cumulative gain of the first ten hits, with
//     the judgment's grade as gain and log2(rank+1) as discount, divided
//     by the gain of the ideal ranking of the judged documents (trec_eval
//     ndcg_cut_10).
//   - P@10: the share of the first ten hits that is relevant, counted out
//     of ten even when fewer were found (trec_eval P_10).
//   - MRR@10: 1/rank of the first relevant hit within the first ten, 0
//     when there is none.
//   - Recall@100: the share of a topic's relevant documents among its
//     first hundred hits (trec_eval recall_100).
//   - judged@10: the share of the first ten hits (of as many as were
//     found, up to ten) that has a judgment of any grade; unjudged
//     documents count as not relevant in the other measures, so a low
//     judged@10 says the judgments need extending before the other
//     figures can be trusted. A topic that found nothing counts as fully
//     judged.
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
	"os"
	"strconv"
	"strings"

	"github.com/fahras/fahras/indexer"
	"github.com/fahras/fahras/search"
	"github.com/fahras/fahras/store"
)

// Topic is one query of a test collection.
type Topic struct {
	// ID names the topic in the judgments.
	ID string
	// Text is the query.
	Text string
	// Description says what the reader wants, and Narrative what makes a
	// document relevant; both are empty for bare questions such as ARCD's.
	Description, Narrative string
}

// Qrels are relevance judgments: topic ID → document ID → grade.
type Qrels map[string]map[string]int

// Metrics are a run's scores, averaged over its topics (see the package
// documentation for each measure).
type Metrics struct {
	// Topics is how many topics were averaged: those with a relevant
	// document.
	Topics int
	// NDCG10, P10, MRR10, Recall100 and Judged10 are the means of the
	// topics' Scores.
	NDCG10    float64
	P10       float64
	MRR10     float64
	Recall100 float64
	Judged10  float64
}

// Ranking is one topic's ranked document IDs with their scores.
type Ranking struct {
	// IDs are the documents, best first, and Scores their scores.
	IDs    []string
	Scores []float64
}

// Run maps topic IDs to their rankings.
type Run map[string]Ranking

// Depth is how many hits a topic's ranking keeps: enough for Recall@100.
const Depth = 100

// readTSV calls fn with the first column and the rest of each line of a
// tab-separated file, naming the file and line in errors.
func readTSV(path string, fn func(a, b string) error) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	return parseTSV(f, path, fn)
}

// parseTSV calls fn with the first column and the rest of each line read
// from r, skipping blank lines and lines starting with "#"; name is the
// input's name in errors.
func parseTSV(r io.Reader, name string, fn func(a, b string) error) error {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), indexer.MaxRecordBytes)
	n := 0
	for sc.Scan() {
		n++
		line := strings.TrimRight(sc.Text(), "\r")
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		a, b, ok := strings.Cut(line, "\t")
		if !ok {
			return fmt.Errorf("%s:%d: want ID, a tab, then text", name, n)
		}
		a = strings.TrimSpace(a)
		if a == "" {
			return fmt.Errorf("%s:%d: the ID is empty", name, n)
		}
		if err := fn(a, b); err != nil {
			return fmt.Errorf("%s:%d: %w", name, n, err)
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	return nil
}

// ReadTopics reads topics from a TSV file: ID and query, optionally
// followed by a description and a narrative, one topic a line; lines
// starting with "#" are comments. A leading "- " on the query (ARCD's
// question marker) is dropped.
func ReadTopics(path string) ([]Topic, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return ParseTopics(f, path)
}

// ParseTopics reads topics in the form ReadTopics takes from r; name is
// the input's name in errors.
func ParseTopics(r io.Reader, name string) ([]Topic, error) {
	var ts []Topic
	seen := map[string]bool{}
	err := parseTSV(r, name, func(id, rest string) error {
		cols := strings.Split(rest, "\t")
		if len(cols) > 3 {
			return fmt.Errorf("topic %s: want ID, query, description and narrative, got %d columns", id, len(cols)+1)
		}
		t := Topic{ID: id, Text: strings.TrimPrefix(strings.TrimSpace(cols[0]), "- ")}
		if t.Text == "" {
			return fmt.Errorf("topic %s has no query", id)
		}
		if seen[id] {
			return fmt.Errorf("topic %s is given twice", id)
		}
		seen[id] = true
		if len(cols) > 1 {
			t.Description = strings.TrimSpace(cols[1])
		}
		if len(cols) > 2 {
			t.Narrative = strings.TrimSpace(cols[2])
		}
		ts = append(ts, t)
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
	return ParseQrels(f, path)
}

// ParseQrels reads TREC relevance judgments from r; name is the input's
// name in errors.
func ParseQrels(r io.Reader, name string) (Qrels, error) {
	q := Qrels{}
	sc := bufio.NewScanner(r)
	n := 0
	for sc.Scan() {
		n++
		fs := strings.Fields(sc.Text())
		if len(fs) == 0 {
			continue
		}
		if len(fs) != 4 {
			return nil, fmt.Errorf("%s:%d: want 4 fields (topic, iteration, document, grade), got %d", name, n, len(fs))
		}
		g, err := strconv.Atoi(fs[3])
		if err != nil {
			return nil, fmt.Errorf("%s:%d: grade %q is not a whole number", name, n, fs[3])
		}
		if q[fs[0]] == nil {
			q[fs[0]] = map[string]int{}
		}
		q[fs[0]][fs[2]] = g
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return q, nil
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

// String names c as ANALYSIS/SCORING.
func (c Config) String() string { return string(c.Analysis) + "/" + c.Scoring }

// NewEngine indexes docs in memory the way c says and opens them.
func NewEngine(ctx context.Context, docs []indexer.Article, c Config) (*search.Engine, error) {
	e, _, err := Build(ctx, ArticleSource(docs), c)
	return e, err
}

// options are the indexing and search options c names.
func (c Config) options() (indexer.Options, search.Options, error) {
	opts := indexer.Options{Analysis: c.Analysis}
	eopts := search.Options{Weights: c.Weights}
	switch c.Scoring {
	case "fahras":
	case "bleve-bm25":
		eopts.BleveScoring = true
	default:
		return opts, eopts, fmt.Errorf("unknown scoring %q (choose one of %s)", c.Scoring, strings.Join(Scorings, ", "))
	}
	return opts, eopts, nil
}

// RunTopics runs every topic the way m says and keeps the first Depth
// hits of each, near-duplicates listed as hits of their own. A topic the
// engine cannot run (only stop words, say) gets an empty ranking.
func RunTopics(ctx context.Context, e *search.Engine, topics []Topic, m Match) (Run, error) {
	run := Run{}
	for _, t := range topics {
		req, err := m.request(t)
		if err != nil {
			return nil, err
		}
		resp, err := e.Search(ctx, req)
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

// Evaluate scores a run against judgments, averaging over the topics
// that have a relevant document.
func Evaluate(run Run, qrels Qrels) Metrics {
	var m Metrics
	for _, s := range EvaluateTopics(run, qrels) {
		m.Topics++
		m.NDCG10 += s.NDCG10
		m.P10 += s.P10
		m.MRR10 += s.MRR10
		m.Recall100 += s.Recall100
		m.Judged10 += s.Judged10
	}
	if m.Topics > 0 {
		n := float64(m.Topics)
		m.NDCG10 /= n
		m.P10 /= n
		m.MRR10 /= n
		m.Recall100 /= n
		m.Judged10 /= n
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
