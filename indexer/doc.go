// Package indexer reads news articles and writes them into a Fahras index
// through package store, which package search then opens.
//
// # From input to index
//
// The flow is one way: a [Reader] yields [Article]s, workers prepare them,
// and a store.Writer analyses and writes them in batches.
//
//   - Readers. [OpenPaths] reads files and directories, one file per input
//     format: plain text (.txt, one article a file, its ID the file name)
//     and JSON Lines (.jsonl or .ndjson, one article a line, its fields
//     named by [JSONFields]), each optionally gzip-compressed (.gz).
//     [SeedReader] reads the articles built into the binary, and
//     [ArticlesReader] articles a Go program already holds.
//   - Parse and clean. Text is read as a news page by package news
//     ([ParseText]): the headline, or the lede's first sentence, becomes
//     the title (a JSON record's title, when it has one, takes the
//     headline's place); the lines a reader came for, without share
//     prompts, tickers, credits and other page furniture, the body
//     (paragraphs separated by blank lines); the publication date, the
//     agencies credited and the people named are read from the text.
//     The raw text is kept as it was read. OpenPaths also learns the
//     lines that recur across the articles of one source (a JSON
//     record's source, else its file; a text file's directory) and drops
//     them from the body as page furniture. A text in which nothing
//     reads as an article is kept whole as the body rather than lost.
//   - Prepare. Workers, one a CPU unless [Options].Workers says
//     otherwise, take each article in turn: its content hash, and,
//     unless the index already holds the article as it is, its MinHash
//     signature (news.Signature) and the statements and visits it reports
//     (package indexer/events: who said what, who went where).
//   - Write. One goroutine hands the prepared articles to the store's
//     writer in the order they were read, so that an index does not
//     depend on timing; it skips repeated IDs, assigns each article its
//     story and queues it in the current batch. The writer analyses a
//     batch's articles when it writes the batch, on two goroutines each
//     with its own store.Encoder (one when Go may use a single CPU), so
//     that only the batches being written hold analysed articles. A
//     batch ends at [Options].BatchSize articles or
//     store.DefaultBatchBytes of text.
//
// [Build] writes a new generation from nothing; [Update] writes one as a
// copy of the current generation with what changed. Either way the
// generation becomes current only when it is complete and merged (a new
// index into one segment; an update only when it has left many), so
// that a failed or cancelled write leaves the index as it was (see
// package store). [BuildMemory] writes an index in memory, as search
// does for the built-in articles. A [Summary] tells what was done.
//
// # Updates
//
// The content hash covers everything an article is indexed from (its ID,
// title, body, raw text, source, address, date, agencies and people)
// with the index format, the analysis and its version and the version of
// the events' rules. An article whose hash is the one its record in the
// index holds is unchanged and left as it is; one whose hash differs is
// written again, in place of its old document; an article of the index
// that the input no longer yields is deleted, unless some input could
// not be read ([ReasonUnreadable]), in which case no article is deleted
// and [Summary].Kept counts those that would have been. An index built
// with another analysis, index format or analysis version, or one that
// cannot be read, is not updated but rebuilt, and [Summary].Rebuilt
// says why.
//
// # Stories
//
// An article that tells the story of an earlier one (a near-duplicate:
// one report published by several sites) is written as part of that
// story, and search folds it into the hit of the story's best-ranked
// article. Each story is named by its first article. An article is
// compared only with first articles, never with the others of a story,
// so that a chain of articles each a little like the next does not make
// one story of a week's news: it joins the most similar first article
// whose signature it nearly shares (an estimated Jaccard similarity of
// at least news.NearDuplicate) and whose date is within three days of
// its own (or either is unknown), else it starts a story of its own.
//
// First articles are found by bands: sixteen single values of an
// article's signature, each an index term (store.FieldDup) of the first
// article of a story only. Two articles at the near-duplicate threshold
// share one 99 times in 100; the candidates that share one are then
// compared by their whole signatures, kept in memory cut to eight bits a
// value. An update finds the first articles the index already has by
// their band terms, and makes their signatures again from their stored
// bodies. Articles left unchanged by an update keep their stories.
//
// # Skipped records
//
// A record that cannot be indexed is skipped with a reason, counted in
// [Summary].Skipped, and the build goes on. A [Reader] yields it as a
// [*SkipError], but for a repeated ID, which is found as the articles are
// written:
//
//   - [ReasonInvalidJSON]: a JSON line that does not parse;
//     [ReasonInvalidField]: a field of it that is neither a string nor a
//     number.
//   - [ReasonEmptyText]: no text at all.
//   - [ReasonInvalidUTF8]: text that is not UTF-8.
//   - [ReasonMissingID], [ReasonInvalidID]: an ID that is blank, longer
//     than 256 bytes, not UTF-8, holds control characters, or is "." or
//     "..".
//   - [ReasonDuplicateID]: an ID an earlier article of the same input
//     had; the first one is indexed.
//   - [ReasonTooLarge]: a text file or JSON line over [MaxRecordBytes].
//   - [ReasonNotArticle]: a file of no input format in a directory read
//     (hidden files and directories are passed over).
//   - [ReasonUnreadable]: a file that cannot be read to its end (missing,
//     a directory or a device, cut short, damaged gzip data, a read
//     error), after the articles read from it before the error.
//
// An article whose title and body repeat those of an article read before
// it under another ID is indexed all the same (its source or address may
// differ), and counted in [Summary].SameText.
//
// # What is stored once
//
// An article's text is stored once, in its record (see package store):
// the raw text compressed; the body as spans of the raw text where its
// paragraphs are found there in order, else compressed on its own; the
// statements and visits as spans of the body. The record also holds the
// title, date, source, address, content hash and field lengths. MinHash
// signatures are not stored: only the band terms of a story's first
// article are indexed.
package indexer
