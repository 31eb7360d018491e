package main

import (
	"context"
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/schollz/progressbar/v3"

	"github.com/fahras/fahras/indexer"
	"github.com/fahras/fahras/store"
)

// fieldFlags collects repeated --field FIELD=NAME options.
type fieldFlags struct{ fields *indexer.JSONFields }

func (f fieldFlags) String() string     { return "" }
func (f fieldFlags) Set(v string) error { return f.fields.Set(v) }

// runIndex builds an on-disk index, or brings one up to date.
func runIndex(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	c := newCommand("index", "Reads every PATH — .txt files (one article each; the ID is the file "+
		"name without .txt), JSON Lines files (.jsonl or .ndjson, one article a line; fields id, title, "+
		"content, date, source, url), either of them gzip-compressed (.gz), or directories of them — and "+
		"writes an index to DIR. Headlines, dates, agencies and people are read from the text; share "+
		"prompts, tickers, credits and other page furniture are kept out of the searchable text.\n\n"+
		"When DIR already holds an index, only what changed is added, updated or deleted (articles no "+
		"longer in the PATHs are deleted, unless some input could not be read), and the summary says so. "+
		"Either way the index in DIR is replaced only when the new one is complete, and a server "+
		"serving DIR switches to it. Records that cannot be indexed are skipped and counted by reason.",
		"search index --out DIR [options] PATH...")
	var out, analysis string
	var batch int
	var quiet, rebuild bool
	fields := indexer.DefaultJSONFields
	c.String(&out, "out", "", "write the index to `DIR` (required)")
	c.String(&analysis, "analysis", string(store.DefaultAnalysis), "text `ANALYSIS`: "+analysisNames)
	c.Var(fieldFlags{&fields}, "field", "read a JSON Lines field from another name, `FIELD=NAME`, e.g. "+
		"--field content=text --field date=published; FIELD is id, title, content, date, source or url; repeatable")
	c.Int(&batch, "batch", store.DefaultBatchDocs, "write `N` articles a batch")
	c.Bool(&rebuild, "rebuild", "build the whole index again instead of updating it")
	c.Bool(&quiet, "quiet", "show no progress bar")
	var res resourceFlags
	res.add(c)
	stopProfile, err := res.parse(c, args, stdout)
	if err != nil {
		return err
	}
	defer stopProfile()
	if out == "" {
		return c.usagef("--out DIR is required")
	}
	if c.fs.NArg() == 0 {
		return c.usagef("give the .txt or .jsonl files or directories to index")
	}
	a, err := store.ParseAnalysis(analysis)
	if err != nil {
		return c.usagef("%v", err)
	}
	if batch < 1 || batch > 100000 {
		return c.usagef("--batch must be between 1 and 100000")
	}
	r, err := indexer.OpenPaths(c.fs.Args(), indexer.ReadOptions{Fields: fields})
	if err != nil {
		return c.usagef("%v", err)
	}
	defer r.Close()

	opts := indexer.Options{Analysis: a, BatchSize: batch}
	var bar *progressbar.ProgressBar
	if !quiet && isTerminal(stderr) {
		_, total := r.Progress()
		bar = progressbar.NewOptions64(total,
			progressbar.OptionSetWriter(stderr),
			progressbar.OptionShowBytes(true),
			progressbar.OptionSetDescription("indexing"),
			progressbar.OptionThrottle(100_000_000),
			progressbar.OptionClearOnFinish(),
		)
		opts.Progress = func(p indexer.Progress) {
			if p.Merging {
				bar.Describe(fmt.Sprintf("merging the index of %d articles", p.Articles))
			} else {
				bar.Describe(fmt.Sprintf("indexing: %d articles", p.Articles))
			}
			bar.Set64(p.Bytes)
		}
	}
	build := indexer.Update
	if rebuild {
		build = indexer.Build
	}
	sum, err := build(ctx, out, r, opts)
	if bar != nil {
		bar.Finish()
	}
	if err != nil {
		return err
	}
	fmt.Fprintln(stdout, summaryLine(sum, out))
	return nil
}

// summaryLine tells in one line what a build or an update did.
func summaryLine(s *indexer.Summary, dir string) string {
	var line string
	if s.Incremental {
		line = fmt.Sprintf("updated %s in %.1f s (%s read): %d added, %d updated, %d deleted, %d unchanged",
			dir, s.Elapsed.Seconds(), humanBytes(s.Bytes), s.Added, s.Updated, s.Deleted, s.Unchanged)
		if s.Kept > 0 {
			line += fmt.Sprintf(", %d kept although not read again (some input was unreadable)", s.Kept)
		}
		line += fmt.Sprintf("; %d articles, index %s", s.Articles, humanBytes(s.IndexBytes))
	} else {
		line = fmt.Sprintf("indexed %d articles in %.1f s (%s read); index %s at %s",
			s.Added, s.Elapsed.Seconds(), humanBytes(s.Bytes), humanBytes(s.IndexBytes), dir)
	}
	if s.SameText > 0 {
		line += fmt.Sprintf("; %d repeat the text of an article read before them", s.SameText)
	}
	if n := s.SkippedTotal(); n > 0 {
		reasons := make([]string, 0, len(s.Skipped))
		for r, c := range s.Skipped {
			reasons = append(reasons, fmt.Sprintf("%d %s", c, r))
		}
		sort.Strings(reasons)
		line += fmt.Sprintf("; skipped %d: %s", n, strings.Join(reasons, ", "))
	}
	if s.Rebuilt != "" {
		line += "; rebuilt because " + s.Rebuilt
	}
	return line
}

// humanBytes writes a size in B, KB, MB or GB.
func humanBytes(n int64) string {
	switch {
	case n >= 1<<30:
		return fmt.Sprintf("%.1f GB", float64(n)/(1<<30))
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.0f KB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d B", n)
}
