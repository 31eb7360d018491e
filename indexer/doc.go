// Package indexer turns article text into records and records into a bleve
// index that the search package can open.
//
// The flow is one way: text files, JSON Lines dumps or the embedded seed
// articles are read into [Article] records (ID, title, searchable body, the
// raw text as it was read), and [Build] writes them to a new index directory
// in batches. A rebuild writes a new generation beside the current one and
// swaps it in only when it is complete, so a failed or interrupted build
// never leaves a broken index where a searcher looks.
//
// Each text is indexed in several fields, one per analysis (see [Field]):
// the stemmed form (the default ranking field), the exact form (normalized
// but unstemmed) so that a word matched as written can outrank a stem-only
// match, and so on. The per-field token counts that BM25 needs are recorded
// in the index's [Info] when the build ends, because bleve's own statistics
// are not the true average field length.
package indexer
