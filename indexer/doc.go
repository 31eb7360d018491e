// Package indexer turns article text into records and records into a bleve
// index that the search package can open.
//
// The flow is one way: text files, JSON Lines dumps or the embedded seed
// articles are read into [Article] records, each read as a news page by
// package news (headline, searchable body without page furniture, date,
// agencies, people; the raw text kept as it was read), and [Build] writes
// them to a new index directory in batches, with a MinHash signature of
// each body for finding near-duplicates. A rebuild writes a new generation
// beside the current one, merges it into one segment and swaps it in only
// when it is complete, so a failed or interrupted build never leaves a
// broken index where a searcher looks. [Update] makes the new generation
// from a copy of the current one and writes only what changed: articles
// added, changed (by a content hash) or gone from the input.
//
// Each text is indexed in several fields, one per analysis (see [Field]
// and package arabic): the stemmed form (the default ranking field), the
// exact form (normalized but unstemmed) so that a word matched as written
// can outrank a stem-only match, and the name keys that match
// transliterated names across spellings. The per-field token counts that BM25 needs are recorded
// in the index's [Info] when the build ends, because bleve's own statistics
// are not the true average field length.
package indexer
