package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/fahras/fahras/search/eval"
	"github.com/fahras/fahras/store"
)

// runEval measures ranking on a test collection.
func runEval(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	c := newCommand("eval", "Indexes a TSV of documents (ID, tab, text) in memory, runs each topic of a "+
		"TSV (ID, tab, text; read as plain words, any matching) and prints nDCG@10, MRR@10 and Recall@100 "+
		"against TREC relevance judgments (trec_eval's definitions), with the number of topics, for each "+
		"analysis and scoring asked for.",
		"search eval --docs FILE --topics FILE --qrels FILE [options]")
	var docsPath, topicsPath, qrelsPath, analyses, scorings, runOut string
	c.String(&docsPath, "docs", "", "the documents: a TSV `FILE` of ID, tab, text (required)")
	c.String(&topicsPath, "topics", "", "the topics: a TSV `FILE` of ID, tab, text (required)")
	c.String(&qrelsPath, "qrels", "", "the relevance judgments: a TREC qrels `FILE` (required)")
	c.String(&analyses, "analyzer,analysis", string(store.DefaultAnalysis), "the analyses to compare, comma-separated `NAMES`: "+analysisNames)
	c.String(&scorings, "scoring", "fahras", "the scorers to compare, comma-separated `NAMES`: fahras (our BM25), bleve-bm25, bleve-tfidf")
	c.String(&runOut, "run", "", "write the ranking as a TREC run file `OUT` (OUT.ANALYSIS.SCORING when several are compared)")
	if err := c.parse(args, stdout); err != nil {
		return err
	}
	if docsPath == "" || topicsPath == "" || qrelsPath == "" {
		return c.usagef("--docs, --topics and --qrels are all required")
	}
	if c.fs.NArg() > 0 {
		return c.usagef("unexpected argument %q", c.fs.Arg(0))
	}
	var configs []eval.Config
	for _, a := range strings.Split(analyses, ",") {
		an, err := store.ParseAnalysis(strings.TrimSpace(a))
		if err != nil {
			return c.usagef("%v", err)
		}
		for _, s := range strings.Split(scorings, ",") {
			s = strings.TrimSpace(s)
			known := false
			for _, k := range eval.Scorings {
				known = known || k == s
			}
			if !known {
				return c.usagef("unknown scoring %q (choose from %s)", s, strings.Join(eval.Scorings, ", "))
			}
			configs = append(configs, eval.Config{Analysis: an, Scoring: s})
		}
	}
	docs, err := eval.ReadDocs(docsPath)
	if err != nil {
		return c.usagef("documents: %v", err)
	}
	topics, err := eval.ReadTopics(topicsPath)
	if err != nil {
		return c.usagef("topics: %v", err)
	}
	qrels, err := eval.ReadQrels(qrelsPath)
	if err != nil {
		return c.usagef("judgments: %v", err)
	}
	fmt.Fprintf(stdout, "%d documents, %d topics, judgments for %d topics\n\n", len(docs), len(topics), len(qrels))
	tw := tabwriter.NewWriter(stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "analysis\tscoring\tnDCG@10\tMRR@10\tRecall@100\ttopics\tseconds")
	for _, c := range configs {
		start := time.Now()
		e, err := eval.NewEngine(ctx, docs, c)
		if err != nil {
			return err
		}
		run, err := eval.RunTopics(ctx, e, topics)
		e.Close()
		if err != nil {
			return err
		}
		m := eval.Evaluate(run, qrels)
		fmt.Fprintf(tw, "%s\t%s\t%.4f\t%.4f\t%.4f\t%d\t%.1f\n", c.Analysis, c.Scoring, m.NDCG10, m.MRR10, m.Recall100, m.Topics, time.Since(start).Seconds())
		if runOut != "" {
			path := runOut
			if len(configs) > 1 {
				path = fmt.Sprintf("%s.%s.%s", runOut, c.Analysis, c.Scoring)
			}
			if err := writeRunFile(path, topics, run, "fahras-"+string(c.Analysis)+"-"+c.Scoring); err != nil {
				return err
			}
		}
	}
	return tw.Flush()
}

func writeRunFile(path string, topics []eval.Topic, run eval.Run, tag string) error {
	f, err := os.Create(path)
	if err != nil {
		return fmt.Errorf("run file: %w", err)
	}
	if err := eval.WriteRun(f, topics, run, tag); err != nil {
		f.Close()
		return fmt.Errorf("run file %s: %w", path, err)
	}
	return f.Close()
}
