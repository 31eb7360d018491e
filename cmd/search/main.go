// Command search is Fahras's one binary: it searches Arabic news articles,
// builds indexes of them, serves the search page and measures ranking.
//
//	search -q "لافروف"                      search the embedded articles
//	search --index DIR -q QUERY             search an index built with "search index"
//	search index --out DIR PATH...          build an index from .txt and JSON Lines files
//
// Run "search -h" for every option. Exit codes: 0 when articles match, 1
// when none does, 2 for a bad command line, query or index, 3 for any
// other failure.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"

	"golang.org/x/term"
)

// Exit codes.
const (
	exitOK      = 0
	exitNoMatch = 1
	exitUsage   = 2
	exitFailure = 3
)

// usageError is a mistake on the command line or in a query: exit code 2.
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

func usagef(format string, args ...any) error {
	return usageError{fmt.Sprintf(format, args...)}
}

var usageText = `search — full-text search for Arabic news

Search:
  search -q QUERY [--index DIR] [-n N] [--offset N] [--any] [--json]
         [--from DAY] [--to DAY] [--sort ORDER] [--source NAME]
         [--agency NAME] [--person NAME] [--facets] [--no-collapse]

      Lists the articles that match QUERY, best first: rank, title, score,
      ID and short snippets with the matched words highlighted (in colour on
      a terminal, in [brackets] when piped). Without --index it searches the
      five articles built into the binary.

      QUERY follows bleve's query-string syntax:
        word word         articles with every word (see --any)
        "two words"       the words next to each other, in this order
        +word  -word      the word is required / must not appear
        prefix*  w?rd     words starting with prefix / matching the pattern
        word~  word~2     words within 1 (or 2) letters of word
        title:word        the word in the title (also body:)
        word^3            the word counts three times as much
      Arabic words match however they are written: hamza and alef forms,
      ة/ه, ى/ي, diacritics and tatweel are ignored, and prefixes such as
      و ف ب ل ك ال are handled.

      -q, --query QUERY  what to look for
      --index DIR        search the index in DIR instead of the built-in articles
      -n, --limit N      show at most N articles (default 10, at most 1000)
      --offset N         skip the first N articles (for paging)
      --any              an article matching any word is a hit, not only
                         articles matching every word
      --json             print the result as JSON (see README.md for its fields)
      --color WHEN       highlight with colour: auto (default), always or never
      --from DAY         only articles published on or after DAY (2024-04-09,
                         or a month: 2024-04)
      --to DAY           only articles published on or before DAY
      --sort ORDER       relevance (default), newest or oldest first
      --source NAME      only articles from that source
      --agency NAME      only articles crediting that news agency
      --person NAME      only articles naming that person
      --facets           also count the matching articles by month, source,
                         agency and person
      --no-collapse      list near-duplicates (the same story published
                         twice) as hits of their own; by default they are
                         folded into the better-ranked one and listed under it

Build an index:
  search index --out DIR [--analysis NAME] [--field FIELD=NAME]... [--rebuild] PATH...

      Reads every PATH — .txt files (one article each; the ID is the file
      name without .txt), JSON Lines files (.jsonl or .ndjson, one article a
      line; fields id, title, content, date, source, url), either of them
      gzip-compressed (.gz), or directories of them — and writes an index
      to DIR. Headlines, dates, agencies and people are read from the text;
      share prompts, tickers, credits and other page furniture are kept out
      of the searchable text. When DIR already holds an index, only what
      changed is added, updated or deleted (articles no longer in the
      PATHs are deleted), and the summary says so. Either way the index in
      DIR is replaced only when the new one is complete. Records that
      cannot be indexed are skipped and counted by reason.

      --out DIR          where to write the index (required)
      --analysis NAME    text analysis: ` + analysisNames + `
      --field FIELD=NAME read a JSON Lines field from another name, e.g.
                         --field content=text --field date=published;
                         FIELD is id, title, content, date, source or url
      --batch N          articles written per batch (default 500)
      --rebuild          build the whole index again instead of updating it
      --quiet            no progress bar

Serve the search page:
  search serve [--index DIR] [--addr HOST:PORT]

      Serves an Arabic search page and a JSON API over HTTP (without
      --index, over the built-in articles) and prints the address to open
      in a browser. Ctrl+C stops it after the requests under way. Routes:
      / (the page), /article/ID, /api/search?q=&limit=&offset=,
      /api/articles/ID, /healthz.

      --index DIR        serve the index in DIR instead of the built-in articles
      --addr HOST:PORT   where to listen (default 127.0.0.1:8080; port 0 picks one)

Measure ranking:
  search eval (--docs FILE | --corpus PATH...) --topics FILE --qrels FILE
              [--analyzer NAMES] [--scoring NAMES] [--match MODE] [--per-topic] [--run OUT]

      Indexes the documents in memory, runs each topic and prints nDCG@10,
      P@10, MRR@10, Recall@100 and judged@10 against TREC relevance
      judgments (trec_eval's definitions), with the number of topics.

      --docs FILE        a TSV of documents: ID, tab, text
      --corpus PATH      articles read as "search index" reads them (.txt,
                         JSON Lines, gzip-compressed or not, directories);
                         may be given more than once
      --topics FILE      a TSV of topics: ID, tab, query, optionally followed
                         by a description and a narrative; # starts a comment
      --analyzer NAMES   analyses to compare, comma-separated: ` + analysisNames + `
      --scoring NAMES    scorers to compare, comma-separated: fahras (our
                         BM25, the default), bleve-bm25, bleve-tfidf
      --match MODE       how queries run: all (as search -q runs them),
                         any (plain words, any matching), or auto (the
                         default: all for topics with a description, any
                         for bare questions)
      --per-topic        also print each topic's nDCG@10 under every analysis
      --run OUT          write the ranking as a TREC run file (OUT.ANALYSIS.SCORING
                         when several are compared)

Measure speed:
  search bench [--analysis NAME] [--queries N] [--rounds R] [--keep DIR] PATH...
  search bench --index DIR --queries-file FILE [--rounds R]

      Indexes PATH (as "search index" does) and reports articles/s, MB/s of
      text, index size and peak memory; then runs N queries made of sampled
      titles' first words (default 200), R rounds (default 5), with our
      BM25 and with bleve's own scorer taken in turn, and reports p50, p90,
      p99 and mean latency and the ratio of the medians. --keep DIR keeps
      the index; -n N asks for the top N (default 10); --snippets times
      whole responses with titles and snippets.

Exit codes: 0 articles matched (or the command succeeded), 1 no article
matched, 2 bad command line, query or index, 3 any other failure.
`

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

// run executes one command line and returns its exit code.
func run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	var err error
	cmd := ""
	if len(args) > 0 {
		cmd = args[0]
	}
	switch cmd {
	case "index":
		err = runIndex(ctx, args[1:], stdout, stderr)
	case "eval":
		err = runEval(ctx, args[1:], stdout, stderr)
	case "bench":
		err = runBench(ctx, args[1:], stdout, stderr)
	case "serve":
		err = runServe(ctx, args[1:], stdout, stderr)
	case "help":
		fmt.Fprint(stdout, usageText)
		return exitOK
	default:
		err = runSearch(ctx, args, stdout, stderr)
	}
	return report(err, stderr)
}

// errNoMatch ends a search that found nothing: exit code 1, no message.
var errNoMatch = errors.New("no article matches")

// report prints err as one line and returns the exit code it calls for.
func report(err error, stderr io.Writer) int {
	var ue usageError
	switch {
	case err == nil:
		return exitOK
	case errors.Is(err, errNoMatch):
		return exitNoMatch
	case errors.Is(err, errHelp):
		return exitOK
	case errors.As(err, &ue):
		fmt.Fprintf(stderr, "search: %s\nRun 'search -h' for usage.\n", ue.msg)
		return exitUsage
	case isUserError(err):
		fmt.Fprintf(stderr, "search: %s\n", oneLine(err.Error()))
		return exitUsage
	case errors.Is(err, context.Canceled):
		fmt.Fprintln(stderr, "search: interrupted")
		return exitFailure
	}
	fmt.Fprintf(stderr, "search: %s\n", oneLine(err.Error()))
	return exitFailure
}

// isTerminal tells whether w is a terminal.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}
