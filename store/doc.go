// Package store keeps a Fahras index: its schema (the fields an article
// becomes, the terms of each word, the stored record), its versions, and
// its life on disk (generations, the build lock, merging). Package indexer
// writes through it and package search reads through it; neither knows how
// bleve holds the data.
//
// # Representation
//
// An article is one bleve document. Its title and its body are each one
// full-text field ([FieldTitle], [FieldBody]) holding, for every word, the
// word's stem at its position; the word as written (normalized) beside it,
// marked with arabic.ExactPrefix, when it differs from the stem; and the
// word's name keys (arabic.NameKeyPrefix) when it may be a name. Each word
// is analysed once (arabic.Analyzer), and the field's length is its number
// of words, so BM25 sees stems, exact forms and keys against the same
// length. Stems and keys keep their positions, which phrases match on and
// snippets are marked from; exact forms keep only their frequency, which is
// all their score needs. No offsets are kept: the search package finds a
// position's word by cutting the stored text with arabic.Words. A
// location's end offset marks instead a pair's name key (PairSpan) and a
// stem whose word is written bare, as its own exact form (BareSpan):
// marking costs no space, where an exact form for every bare word would
// make the index 7% larger.
//
// The text is stored once, in one record field ([FieldRecord]): the raw
// text compressed with zstd, the body as spans of it, the title, the date,
// the source, the address, the content hash that updates compare, and the
// field lengths that updates subtract. Keyword fields (source, agency,
// person, month, the story group) are indexed with doc values for filters,
// facets and folding; the date is a date field for ranges and sorting.
//
// Near-duplicates are grouped when articles are written (see
// [FieldGroup]): an article joins the story of an earlier one whose
// MinHash signature it nearly shares and whose date is close, or starts
// its own; only the first article of a story indexes the signature values
// that later ones are matched by ([FieldDup]).
//
// # On disk
//
// A directory holds generations of the index, each a complete bleve index
// in a directory of its own, and a file naming the current one:
//
//	DIR/CURRENT               the name of the current generation
//	DIR/gen-20261122T101500Z  a complete index
//	DIR/gen-…​.tmp             a generation being written (never opened)
//	DIR/LOCK                  held while a generation is written
//
// A writer ([Begin]) takes the lock, writes a new generation — from
// nothing, or as a copy of the current one with what changed — and
// replaces CURRENT by renaming a file over it, which is atomic, so a
// reader always opens a complete index; a failed or interrupted write
// leaves the current generation as it was. [Info] records the format
// ([FormatVersion]), the analysis and its version, and the statistics
// BM25 needs; an index whose format or analysis version differs from this
// program's must be rebuilt, and an update rebuilds it.
package store
