package indexer

import (
	"bufio"
	"errors"
	"io"
	"os"

	"github.com/fahras/fahras/indexer/news"
)

// fileReader reads articles from a list of files, each by its format.
// Every read error ends the file it happened in.
type fileReader struct {
	opts         ReadOptions
	files        []inputFile
	pendingSkips []*SkipError
	total        int64
	done         int64 // bytes of the files finished

	cur     *inputFile
	f       *os.File
	counter *countingReader
	recs    records
	// repeats learns the lines that recur across one source's articles,
	// which are page furniture.
	repeats *news.Repeats
}

// Progress tells how many bytes of the files have been read, and the
// files' total size.
func (r *fileReader) Progress() (int64, int64) {
	n := r.done
	if r.counter != nil {
		n += r.counter.n
	}
	return n, r.total
}

// Close closes the file being read.
func (r *fileReader) Close() error {
	return r.closeCurrent()
}

func (r *fileReader) closeCurrent() error {
	if r.f == nil {
		return nil
	}
	err := r.f.Close()
	r.done += r.cur.size
	r.f, r.cur, r.counter, r.recs = nil, nil, nil, nil
	return err
}

// Next returns the next article of the files.
func (r *fileReader) Next() (*Article, error) {
	for {
		if len(r.pendingSkips) > 0 {
			s := r.pendingSkips[0]
			r.pendingSkips = r.pendingSkips[1:]
			return nil, s
		}
		if r.recs != nil {
			a, err := r.recs.next()
			var skip *SkipError
			switch {
			case err == nil:
				return a, nil
			case err == io.EOF:
				r.closeCurrent()
				continue
			case errors.As(err, &skip) && skip.Reason != ReasonUnreadable:
				return nil, err
			}
			// A read error ends the file: reading on would only repeat it.
			path := r.cur.path
			r.closeCurrent()
			if skip != nil {
				return nil, skip
			}
			return nil, &SkipError{Reason: ReasonUnreadable, Where: path, Err: err}
		}
		if len(r.files) == 0 {
			return nil, io.EOF
		}
		file := r.files[0]
		r.files = r.files[1:]
		if err := r.open(file); err != nil {
			r.done += file.size
			return nil, &SkipError{Reason: ReasonUnreadable, Where: file.path, Err: err}
		}
	}
}

// open opens a file and hands it to its format.
func (r *fileReader) open(file inputFile) error {
	f, err := os.Open(file.path)
	if err != nil {
		return unwrapPathError(err)
	}
	if st, err := f.Stat(); err != nil {
		f.Close()
		return unwrapPathError(err)
	} else if st.IsDir() {
		f.Close()
		return errIsDir
	}
	counter := &countingReader{r: f}
	var src io.Reader = bufio.NewReaderSize(counter, 1<<16)
	if file.gz {
		if src, err = gunzip(src); err != nil {
			f.Close()
			return err
		}
		src = bufio.NewReaderSize(src, 1<<16)
	}
	r.cur, r.f, r.counter = &file, f, counter
	r.recs = file.format.records(&input{
		path:    file.path,
		stem:    file.stem,
		src:     src,
		opts:    &r.opts,
		repeats: r.repeats,
	})
	return nil
}

// countingReader counts the bytes read through it.
type countingReader struct {
	r io.Reader
	n int64
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	return n, err
}
