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
	fs := newFlags("eval")
	var docsPath, topicsPath, qrelsPath, analyses, scorings, runOut string
	fs.StringVar(&docsPath, "docs", "", "")
	fs.StringVar(&topicsPath, "topics", "", "")
	fs.StringVar(&qrelsPath, "qrels", "", "")
	fs.StringVar(&analyses, "analyzer", string(store.DefaultAnalysis), "")
	fs.StringVar(&analyses, "analysis", string(store.DefaultAnalysis), "")
	fs.StringVar(&scorings, "scoring", "fahras", "")
	fs.StringVar(&runOut, "run", "", "")
	if err := parseFlags(fs, args, stdout); err != nil {
		return err
	}
	if docsPath == "" || topicsPath == "" || qrelsPath == "" {
		return usagef("eval: --docs, --topics and --qrels are all required")
	}
	if fs.NArg() > 0 {
		return usagef("eval: unexpected argument %q", fs.Arg(0))
	}
	var configs []eval.Config
	for _, a := range strings.Split(analyses, ",") {
		an, err := store.ParseAnalysis(strings.TrimSpace(a))
		if err != nil {
			return usagef("eval: %v", err)
		}
		for _, s := range strings.Split(scorings, ",") {
			s = strings.TrimSpace(s)
			known := false
			for _, k := range eval.Scorings {
				known = known || k == s
			}
			if !known {
				return usagef("eval: unknown scoring %q (choose from %s)", s, strings.Join(eval.Scorings, ", "))
			}
			configs = append(configs, eval.Config{Analysis: an, Scoring: s})
		}
	}
	docs, err := eval.ReadDocs(docsPath)
	if err != nil {
		return usagef("eval: documents: %v", err)
	}
	topics, err := eval.ReadTopics(topicsPath)
	if err != nil {
		return usagef("eval: topics: %v", err)
	}
	qrels, err := eval.ReadQrels(qrelsPath)
	if err != nil {
		return usagef("eval: judgments: %v", err)
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
