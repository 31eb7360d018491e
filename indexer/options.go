package indexer

import (
	"time"

	"github.com/fahras/fahras/store"
)

// Options control how an index is built.
type Options struct {
	// Analysis is the text analysis to index with; store.DefaultAnalysis
	// when empty.
	Analysis store.Analysis
	// BatchSize is the most articles written in one batch;
	// store.DefaultBatchDocs when zero. A batch also ends at
	// store.DefaultBatchBytes of text.
	BatchSize int
	// Progress, when set, is called as the build goes on.
	Progress func(Progress)
	// KeepSegments leaves an on-disk index in the segments it was
	// written in, instead of merging them into one at the end of a build
	// (or of an update that left many): for tests of merging.
	KeepSegments bool
	// Workers is how many articles are prepared at once (content hash,
	// MinHash signature, statements and visits); the number of CPUs
	// when zero. The store's writer analyses the articles as it writes
	// them, on goroutines of its own.
	Workers int
}

// Progress reports how far a build has come.
type Progress struct {
	// Merging is true once every article is written and the index's
	// segments are being merged into one, the build's last step.
	Merging bool
	// Articles counts the articles written so far.
	Articles int
	// Skipped counts the records skipped so far.
	Skipped int
	// Bytes is how much of the input has been read, and TotalBytes how
	// much there is in all (0 when unknown).
	Bytes, TotalBytes int64
}

// Summary tells what a build or an update did.
type Summary struct {
	// Added counts the articles written that were not in the index.
	Added int `json:"added"`
	// Updated counts the articles rewritten because they changed (by
	// Update only).
	Updated int `json:"updated"`
	// Deleted counts the articles removed because the input no longer
	// has them (by Update only).
	Deleted int `json:"deleted"`
	// Unchanged counts the articles already in the index as they were
	// read, left as they were (by Update only).
	Unchanged int `json:"unchanged"`
	// Kept counts the articles Update did not delete although the input
	// no longer has them, because some input could not be read.
	Kept int `json:"kept,omitempty"`
	// Incremental is true when Update changed the index in place of a
	// full build.
	Incremental bool `json:"incremental"`
	// Rebuilt says why Update made a full build of an existing index
	// instead (a different analysis, format or analysis version); empty
	// otherwise.
	Rebuilt string `json:"rebuilt,omitempty"`
	// SameText counts the articles whose title and body repeat those of
	// an article read before them in the same run, under another ID
	// (indexed all the same: their source or address may differ).
	SameText int `json:"same_text,omitempty"`
	// Stories counts the articles written that tell the story of an
	// article before them (a near-duplicate: the same report published
	// by another site), folded into that article's hit when searched.
	Stories int `json:"near_duplicates,omitempty"`
	// Skipped counts the records that were not indexed, by reason.
	Skipped map[string]int `json:"skipped,omitempty"`
	// Articles counts the articles in the index after the build.
	Articles uint64 `json:"articles"`
	// Bytes is how much input was read.
	Bytes int64 `json:"bytes"`
	// Elapsed is how long the build took.
	Elapsed time.Duration `json:"elapsed_ns"`
	// IndexBytes is the size of the index on disk (0 for an in-memory
	// index).
	IndexBytes int64 `json:"index_bytes"`
}

// SkippedTotal counts all skipped records.
func (s *Summary) SkippedTotal() int {
	n := 0
	for _, c := range s.Skipped {
		n += c
	}
	return n
}
