package indexer

// Reader yields articles one at a time.
//
// The readers of this package are OpenPaths (files and directories, one
// file per input format: text.go, jsonl.go, with gzip.go for compressed
// files and paths.go for walking directories), SeedReader (the built-in
// articles) and ArticlesReader (articles already in memory).
type Reader interface {
	// Next returns the next article; io.EOF when there are no more; a
	// *SkipError for a record that cannot be indexed, after which the
	// reader goes on; any other error stops the build.
	Next() (*Article, error)
	// Progress tells how many bytes of input have been read and how many
	// there are in all (0 when unknown).
	Progress() (read, total int64)
	// Close releases the reader's files.
	Close() error
}

// ReadOptions control how files are read into articles.
type ReadOptions struct {
	// Fields names the JSON Lines fields; DefaultJSONFields when zero.
	Fields JSONFields
}

// MaxRecordBytes bounds one article file or JSON line.
const MaxRecordBytes = 16 << 20
