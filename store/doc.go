// Package store keeps a Fahras index: its schema (the fields an article
// becomes, the terms of each word, the stored record), its versions, and
// its life on disk (generations, the build lock, merging). Package indexer
// writes through it and package search reads through it; neither knows how
// bleve holds the data.
//
// # Representation
//
// An article is one bleve document. Its title and its body are each one
// full-text field ([FieldTitle], [FieldBody]). Under the default analysis
// ([AnalysisFahras], package indexer/arabic) the field holds, for every
// word, the word's stem at its position; the word as written
// (normalized) beside it, marked with arabic.ExactPrefix, when it differs
// from the stem; and the word's name keys (arabic.NameKeyPrefix) when it
// may be a name. The baselines ([AnalysisAr], [AnalysisNone]) give one
// term a word. Each word is analysed once, and the field's length is its
// number of words indexed (stop words are not), so BM25 sees stems,
// exact forms and keys against the same length; it is stored as a
// one-byte code ([LengthCode]), while [Info] keeps the true totals. Stems
// and keys keep their positions, which phrases match on and snippets are
// marked from; exact forms keep only their frequency, which is all their
// score needs. No offsets are kept: the search package finds a
// position's word by cutting the stored text with arabic.Words. A
// location's end offset marks instead a pair's name key ([PairSpan]) and
// a stem whose word is written bare, as its own exact form ([BareSpan]):
// marking costs no space, where an exact form for every bare word would
// make the index 7% larger.
//
// The text is stored once, in one record field ([FieldRecord], read as a
// [Record]): the raw text compressed with zstd; the body as spans of it,
// where its paragraphs are found in it in order (else compressed on its
// own); the statements and visits the article reports ([Statement],
// [Visit]), as spans of the body; and the title, the date, the source,
// the address, the content hash that updates compare and the field
// lengths that updates subtract. Keyword fields (source, agency, person,
// month, the story group) are indexed with doc values for filters,
// facets and folding; the date is a date field for ranges and sorting.
// The speakers of an article's statements, its visitors, the places they
// visit with their countries, and the kinds of event it reports
// ([FieldSpeaker], [FieldVisitor], [FieldPlace], [FieldEvents]) are
// keyword fields without doc values, by which search finds who said what
// and who went where.
//
// Near-duplicates are grouped when package indexer writes articles (see
// [FieldGroup]): an article joins the story of an earlier one whose
// MinHash signature it nearly shares and whose date is close, or starts
// its own; only the first article of a story indexes the signature
// values that later ones are matched by ([FieldDup]).
//
// # On disk
//
// A directory holds generations of the index, each a complete bleve index
// in a directory of its own, and a file naming the current one:
//
//	DIR/CURRENT                         the name of the current generation
//	DIR/gen-20261122T101500.000000000Z  a complete index
//	DIR/gen-….tmp                       a generation being written (never opened)
//	DIR/LOCK                            held while a generation is written
//
// A writer ([Begin]) takes the lock, writes a new generation — from
// nothing, or as a copy of the current one with what changed — merges
// its segments (into one for a new index; after an update only when it
// left more than eight; [Compact] merges them on demand), lists its files'
// sizes and checksums in it (MANIFEST), and replaces CURRENT by renaming
// a file over it, which is atomic, so a reader always opens a complete
// index; a failed or interrupted write leaves the current generation as
// it was. [Open] checks the files' sizes and [Verify] their checksums:
// a damaged index gives an error wrapping [ErrDamaged]. [Info] records
// the format ([FormatVersion]), the analysis and its version, and the
// statistics BM25 needs; an index whose format or analysis version
// differs from this program's must be rebuilt, and an update rebuilds
// it.
package store
