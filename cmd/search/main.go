// Command search is Fahras's one binary: it searches Arabic news articles,
// builds indexes of them, serves the search page and measures ranking.
//
//	search -q "لافروف"                      search the embedded articles
//	search --index DIR -q QUERY             search an index built with "search index"
//	search index --out DIR PATH...          build an index from .txt and JSON Lines files
//	search statements --speaker NAME        who said what
//	search visits --who NAME                who went where
//
// Run "search -h" for the commands and "search CMD -h" for a command's
// options. Exit codes: 0 when articles match, 1
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

// overview is the start of "search -h": every command, then the search's
// own usage and options.
const overview = `search — full-text search for Arabic news

Commands:
  search -q QUERY [options]          search the built-in articles, or an index
  search index --out DIR PATH...     build an index, or bring one up to date
  search statements [--speaker NAME] [-q QUERY]
                                     who said what, with every source
  search visits [--who NAME] [--to PLACE]
                                     who went where, with every source
  search serve [options]             serve the search page and a JSON API
  search eval --docs F --topics F --qrels F
                                     measure ranking on a test collection
  search bench PATH... | --index DIR measure indexing and query speed
  search --version                   the version, and the index format it reads

Run 'search CMD -h' for a command's options.

Search:
`

// queryHelp follows the search's options in "search -h".
const queryHelp = `
Queries follow bleve's query-string syntax:
  word word         articles with every word (see --any)
  "two words"       the words next to each other, in this order
  +word  -word      the word is required / must not appear
  prefix*  w?rd     words starting with prefix / matching the pattern
  word~  word~2     words within 1 (or 2) letters of word
  title:word        the word in the title (also body:)
  word^3            the word counts three times as much
Arabic words match however they are written: hamza and alef forms, ة/ه,
ى/ي, diacritics and tatweel are ignored, and prefixes such as و ف ب ل ك
ال are handled.

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
	case "statements":
		err = runStatements(ctx, args[1:], stdout, stderr)
	case "visits":
		err = runVisits(ctx, args[1:], stdout, stderr)
	case "help":
		return help(ctx, args[1:], stdout, stderr)
	case "version":
		fmt.Fprintln(stdout, versionLine())
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
		cmd := "search"
		if ue.cmd != "" {
			cmd += " " + ue.cmd
		}
		fmt.Fprintf(stderr, "search: %s\nRun '%s -h' for usage.\n", ue.msg, cmd)
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

// help answers "search help [CMD]" as "search [CMD] -h" does.
func help(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	if len(args) > 0 && args[0] != "search" {
		return run(ctx, []string{args[0], "-h"}, stdout, stderr)
	}
	return run(ctx, []string{"-h"}, stdout, stderr)
}

// isTerminal tells whether w is a terminal.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}
