package main

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"text/tabwriter"
	"time"
	"unicode"

	"github.com/fahras/fahras/indexer"
	"github.com/fahras/fahras/internal/rusage"
	"github.com/fahras/fahras/search"
	"github.com/fahras/fahras/search/eval"
	"github.com/fahras/fahras/store"
)

// runBench measures indexing throughput and query latency.
func runBench(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	c := newCommand("bench", "Indexes PATH (as \"search index\" does) and reports articles/s, MB/s of text, "+
		"index size and peak memory; then runs the queries — titles' first words sampled from PATH, or "+
		"the lines of --queries-file — for several rounds, with our BM25 and with bleve's own scorer taken "+
		"in turn, and reports p50, p90, p99 and mean latency and the ratio of the medians.\n\n"+
		"For the HTTP server under load, see bench/http.sh.",
		"search bench [options] PATH...",
		"search bench --index DIR --queries-file FILE [options]")
	var dir, analysis, queriesFile, keep string
	var nQueries, rounds, limit, scale int
	var full bool
	c.String(&dir, "index", "", "time queries on the index in `DIR` instead of building one")
	c.String(&analysis, "analysis", string(store.DefaultAnalysis), "text `ANALYSIS` of the index built: "+analysisNames)
	c.String(&queriesFile, "queries-file", "", "the queries, one a line, in `FILE` instead of titles sampled from PATH (required with --index)")
	c.String(&keep, "keep", "", "keep the index built in `DIR`")
	c.Int(&nQueries, "queries", 200, "sample `N` queries from the titles")
	c.Int(&rounds, "rounds", 5, "run the queries `R` times")
	c.Int(&limit, "n", 10, "ask for the top `N` hits")
	c.Bool(&full, "snippets", "time whole responses, with titles, snippets and folded near-duplicates")
	c.Int(&scale, "scale", 1, "index `N` times PATH: as it is, then as new articles recombined from its paragraphs (a larger archive of the same kind)")
	var res resourceFlags
	res.add(c)
	stopProfile, err := res.parse(c, args, stdout)
	if err != nil {
		return err
	}
	defer stopProfile()
	if (dir == "") == (c.fs.NArg() == 0) {
		return c.usagef("give either corpus files to index, or --index DIR with --queries-file FILE")
	}
	if dir != "" && queriesFile == "" {
		return c.usagef("with --index, give the queries with --queries-file FILE (one a line)")
	}
	if rounds < 1 || nQueries < 1 || limit < 1 || limit > search.MaxLimit || scale < 1 || scale > 100 {
		return c.usagef("--rounds, --queries, --scale and -n must be positive (-n at most %d, --scale at most 100)", search.MaxLimit)
	}
	var queries []string
	if c.fs.NArg() > 0 {
		a, err := store.ParseAnalysis(analysis)
		if err != nil {
			return c.usagef("%v", err)
		}
		paths := c.fs.Args()
		r, err := newScaleReader(func() (indexer.Reader, error) { return indexer.OpenPaths(paths, indexer.ReadOptions{}) }, scale)
		if err != nil {
			return c.usagef("%v", err)
		}
		dir = keep
		if dir == "" {
			tmp, err := os.MkdirTemp("", "fahras-bench-")
			if err != nil {
				return err
			}
			defer os.RemoveAll(tmp)
			dir = filepath.Join(tmp, "index")
		}
		sampler := &titleSampler{Reader: r, n: nQueries, rng: rand.New(rand.NewPCG(1, 2))}
		fmt.Fprintf(stdout, "indexing %s ×%d with analysis %s …\n", strings.Join(c.fs.Args(), " "), scale, a)
		sum, err := indexer.Build(ctx, dir, sampler, indexer.Options{Analysis: a})
		r.Close()
		if err != nil {
			return err
		}
		secs := sum.Elapsed.Seconds()
		fmt.Fprintf(stdout, "indexed %d articles (%d skipped) in %.1f s: %.0f articles/s, %.2f MB/s of text (%.1f MB); index %s; peak RSS %s\n",
			sum.Added, sum.SkippedTotal(), secs, float64(sum.Added)/secs, float64(sampler.textBytes)/secs/1e6, float64(sampler.textBytes)/1e6,
			humanBytes(sum.IndexBytes), humanBytes(rusage.PeakRSS()))
		n := float64(max(sum.Added, 1))
		fmt.Fprintf(stdout, "per article: %.0f µs of wall time, %.0f µs of CPU, %.0f bytes of index\n\n",
			1e6*secs/n, 1e6*rusage.CPU().Seconds()/n, float64(sum.IndexBytes)/n)
		queries = sampler.queries()
	}
	if queriesFile != "" {
		// The same queries whatever was indexed: how the cost grows with
		// the archive is measured on one set.
		var err error
		if queries, err = readLines(queriesFile); err != nil {
			return c.usagef("%v", err)
		}
	}
	e, err := search.Open(dir)
	if err != nil {
		return indexError{err}
	}
	defer e.Close()
	engines := []*search.Engine{e, e.WithOptions(search.Options{BleveScoring: true})}
	names := []string{"fahras BM25", "bleve bm25"}
	// One untimed round warms the caches of both.
	if _, err := eval.MeasureLatency(ctx, engines, queries, 1, limit, full); err != nil {
		return err
	}
	lat, err := eval.MeasureLatency(ctx, engines, queries, rounds, limit, full)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "%d queries × %d rounds, top %d, exact hit counts, taken in turn:\n", len(queries), rounds, limit)
	tw := tabwriter.NewWriter(stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "scoring\tp50\tp90\tp99\tmean")
	for i, l := range lat {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", names[i], us(l.P50), us(l.P90), us(l.P99), us(l.Mean))
	}
	tw.Flush()
	fmt.Fprintf(stdout, "median ratio fahras/bleve: %.2f\n", float64(lat[0].P50)/float64(lat[1].P50))
	return nil
}

func us(d time.Duration) string { return fmt.Sprintf("%d µs", d.Microseconds()) }

func readLines(path string) ([]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var out []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if l := strings.TrimSpace(sc.Text()); l != "" {
			out = append(out, l)
		}
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("%s has no queries", path)
	}
	return out, sc.Err()
}

// titleSampler passes articles through, counting their text and keeping
// a uniform sample of their titles as queries.
type titleSampler struct {
	indexer.Reader
	n         int
	seen      int
	sample    []string
	rng       *rand.Rand
	textBytes int64
}

func (s *titleSampler) Next() (*indexer.Article, error) {
	a, err := s.Reader.Next()
	if err != nil {
		return a, err
	}
	s.textBytes += int64(len(a.Title) + len(a.Body))
	if q := titleQuery(a.Title); q != "" {
		s.seen++
		if len(s.sample) < s.n {
			s.sample = append(s.sample, q)
		} else if j := s.rng.IntN(s.seen); j < s.n {
			s.sample[j] = q
		}
	}
	return a, nil
}

func (s *titleSampler) queries() []string { return s.sample }

// titleQuery makes a query of a title's first three words of at least
// three letters.
func titleQuery(title string) string {
	var ws []string
	for _, w := range strings.FieldsFunc(title, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsMark(r) }) {
		if len([]rune(w)) >= 3 {
			ws = append(ws, w)
		}
		if len(ws) == 3 {
			break
		}
	}
	return strings.Join(ws, " ")
}
