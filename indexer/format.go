package indexer

import (
	"io"
	"strings"

	"github.com/fahras/fahras/indexer/news"
)

// format reads one kind of article file. A new input format is a file
// holding a type that implements format, and its entry in formats.
type format interface {
	// extensions lists the lower-case file name endings of the format,
	// dot included, before any ".gz".
	extensions() []string
	// records returns the articles of one open file.
	records(in *input) records
}

// records yields the articles of one file.
type records interface {
	// next returns the next article; io.EOF at the end of the file; a
	// *SkipError for one record, after which the file goes on. Any other
	// error is a read error: it ends the file, which is then counted as
	// unreadable.
	next() (*Article, error)
}

// formats are the input formats OpenPaths reads.
var formats = [...]format{textFormat{}, jsonlFormat{}}

// input is one open file handed to a format.
type input struct {
	path string    // names the file in messages
	stem string    // the file name without its format's extension and ".gz"
	src  io.Reader // the file's content, decompressed
	opts *ReadOptions
	// repeats learns the lines that recur across one source's articles,
	// which are page furniture; a source is the publication a record
	// names or else the file's directory.
	repeats *news.Repeats
}

// formatOf tells how a file is read from its name: its format, the name
// without the format's extension (and ".gz"), and whether it is
// gzip-compressed. f is nil when the name is of no format.
func formatOf(name string) (f format, stem string, gz bool) {
	lower := strings.ToLower(name)
	if strings.HasSuffix(lower, gzipExt) {
		gz = true
		lower = lower[:len(lower)-len(gzipExt)]
		name = name[:len(name)-len(gzipExt)]
	}
	for _, f := range formats {
		for _, ext := range f.extensions() {
			if strings.HasSuffix(lower, ext) {
				return f, name[:len(name)-len(ext)], gz
			}
		}
	}
	return nil, "", false
}

// formatNames lists the extensions read, for messages: ".txt, .jsonl or
// .ndjson".
func formatNames() string {
	var exts []string
	for _, f := range formats {
		exts = append(exts, f.extensions()...)
	}
	if len(exts) == 1 {
		return exts[0]
	}
	return strings.Join(exts[:len(exts)-1], ", ") + " or " + exts[len(exts)-1]
}
