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

// pathFlags collects a repeated path option.
type pathFlags struct{ paths *[]string }

func (p pathFlags) String() string { return "" }
func (p pathFlags) Set(v string) error {
	*p.paths = append(*p.paths, v)
	return nil
}

// runEval measures ranking on a test collection.
func runEval(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	c := newCommand("eval", "Indexes a test collection's documents in memory — a TSV of ID, tab, text "+
		"(--docs), or an archive read as \"search index\" reads it (--corpus) — runs each topic, and prints "+
		"nDCG@10, P@10, MRR@10, Recall@100 and judged@10 against TREC relevance judgments (trec_eval's "+
		"definitions) for each analysis and scoring asked for. Topics with a description run as search -q "+
		"runs a query; bare questions (ARCD) as plain words, any matching (see --match).",
		"search eval (--docs FILE | --corpus FILE...) --topics FILE --qrels FILE [opts]")
	var docsPath, topicsPath, qrelsPath, analyses, scorings, runOut, match string
	var corpus []string
	var perTopic bool
	c.String(&docsPath, "docs", "", "the documents: a TSV `FILE` of ID, tab, text")
	c.Var(pathFlags{&corpus}, "corpus", "the documents: an archive `FILE` (.jsonl, .txt, directories; repeatable), read as search index reads it")
	c.String(&topicsPath, "topics", "", "the topics: a TSV `FILE` of ID, tab, query (and description, narrative) (required)")
	c.String(&qrelsPath, "qrels", "", "the relevance judgments: a TREC qrels `FILE` (required)")
	c.String(&analyses, "analyzer,analysis", string(store.DefaultAnalysis), "the analyses to compare, comma-separated `NAMES`: "+analysisNames)
	c.String(&scorings, "scoring", "fahras", "the scorers to compare, comma-separated `NAMES`: fahras (our BM25), bleve-bm25")
	c.String(&match, "match", string(eval.MatchAuto), "how topics run: `MODE` auto, all (as search -q runs them) or any (plain words, any matching)")
	c.String(&runOut, "run", "", "write the ranking as a TREC run file `OUT` (OUT.ANALYSIS.SCORING when several are compared)")
	c.Bool(&perTopic, "per-topic", "also print each topic's nDCG@10 under every analysis and scoring, side by side")
	if err := c.parse(args, stdout); err != nil {
		return err
	}
	if (docsPath == "") == (len(corpus) == 0) {
		return c.usagef("give the documents with either --docs or --corpus")
	}
	if topicsPath == "" || qrelsPath == "" {
		return c.usagef("--topics and --qrels are both required")
	}
	if c.fs.NArg() > 0 {
		return c.usagef("unexpected argument %q", c.fs.Arg(0))
	}
	m, err := eval.ParseMatch(match)
	if err != nil {
		return c.usagef("--match: %v", err)
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
	var src eval.DocSource
	if docsPath != "" {
		docs, err := eval.ReadDocs(docsPath)
		if err != nil {
			return c.usagef("documents: %v", err)
		}
		src = eval.ArticleSource(docs)
		fmt.Fprintf(stdout, "%d documents from %s\n", len(docs), docsPath)
	} else {
		for _, p := range corpus {
			if _, err := os.Stat(p); err != nil {
				return c.usagef("corpus: %v", err)
			}
		}
		src = eval.CorpusSource(corpus...)
		fmt.Fprintf(stdout, "documents from %s, read as \"search index\" reads them\n", strings.Join(corpus, ", "))
	}
	topics, err := eval.ReadTopics(topicsPath)
	if err != nil {
		return c.usagef("topics: %v", err)
	}
	qrels, err := eval.ReadQrels(qrelsPath)
	if err != nil {
		return c.usagef("judgments: %v", err)
	}
	fmt.Fprintf(stdout, "%d topics, judgments for %d; queries run %s\n\n", len(topics), len(qrels), matchWords(m, topics))

	tw := tabwriter.NewWriter(stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "analysis\tscoring\tnDCG@10\tP@10\tMRR@10\tRecall@100\tjudged@10\ttopics\tarticles\tseconds")
	byTopic := make([]map[string]eval.Scores, len(configs))
	for i, cf := range configs {
		start := time.Now()
		if isTerminal(stderr) {
			fmt.Fprintf(stderr, "eval: indexing with %s…\n", cf)
		}
		e, sum, err := eval.Build(ctx, src, cf)
		if err != nil {
			return err
		}
		run, err := eval.RunTopics(ctx, e, topics, m)
		e.Close()
		if err != nil {
			return err
		}
		mt := eval.Evaluate(run, qrels)
		byTopic[i] = eval.EvaluateTopics(run, qrels)
		fmt.Fprintf(tw, "%s\t%s\t%.4f\t%.4f\t%.4f\t%.4f\t%.4f\t%d\t%d\t%.1f\n", cf.Analysis, cf.Scoring,
			mt.NDCG10, mt.P10, mt.MRR10, mt.Recall100, mt.Judged10, mt.Topics, sum.Added, time.Since(start).Seconds())
		if runOut != "" {
			path := runOut
			if len(configs) > 1 {
				path = fmt.Sprintf("%s.%s.%s", runOut, cf.Analysis, cf.Scoring)
			}
			if err := writeRunFile(path, topics, run, "fahras-"+string(cf.Analysis)+"-"+cf.Scoring); err != nil {
				return err
			}
		}
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	if perTopic {
		fmt.Fprintln(stdout)
		return printPerTopic(stdout, topics, configs, byTopic)
	}
	return nil
}

// matchWords says in words how the topics' queries run.
func matchWords(m eval.Match, topics []eval.Topic) string {
	if m == eval.MatchAuto {
		described := 0
		for _, t := range topics {
			if t.Description != "" {
				described++
			}
		}
		switch described {
		case len(topics):
			m = eval.MatchAll
		case 0:
			m = eval.MatchAny
		}
	}
	switch m {
	case eval.MatchAll:
		return "as search -q runs them"
	case eval.MatchAny:
		return "as plain words, any matching"
	}
	return "as search -q runs them for described topics, as plain words (any matching) for bare questions"
}

// printPerTopic writes each topic's nDCG@10 under every configuration,
// side by side, topics in the order of the topic file; "-" marks a topic
// with no relevant document in the judgments.
func printPerTopic(w io.Writer, topics []eval.Topic, configs []eval.Config, byTopic []map[string]eval.Scores) error {
	fmt.Fprintln(w, "nDCG@10 by topic:")
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprint(tw, "topic\tquery")
	for _, c := range configs {
		fmt.Fprintf(tw, "\t%s", c)
	}
	fmt.Fprintln(tw)
	for _, t := range topics {
		fmt.Fprintf(tw, "%s\t%s", t.ID, t.Text)
		for i := range configs {
			if s, ok := byTopic[i][t.ID]; ok {
				fmt.Fprintf(tw, "\t%.4f", s.NDCG10)
			} else {
				fmt.Fprint(tw, "\t-")
			}
		}
		fmt.Fprintln(tw)
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
