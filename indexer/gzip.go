package indexer

import (
	"compress/gzip"
	"errors"
	"fmt"
	"io"
)

// gzipExt ends the name of a gzip-compressed file of any format.
const gzipExt = ".gz"

// gunzip returns the decompressed content of src, whose read errors say
// in words what is wrong with the data.
func gunzip(src io.Reader) (io.Reader, error) {
	z, err := gzip.NewReader(src)
	switch {
	case err == io.EOF:
		return nil, errors.New("not a gzip file: it is empty")
	case err != nil:
		return nil, fmt.Errorf("not a gzip file: %w", err)
	}
	return &gzipErrors{z}, nil
}

// gzipErrors names a gzip stream's errors.
type gzipErrors struct{ z *gzip.Reader }

func (g *gzipErrors) Read(p []byte) (int, error) {
	n, err := g.z.Read(p)
	switch {
	case err == nil, err == io.EOF:
	case errors.Is(err, io.ErrUnexpectedEOF):
		err = fmt.Errorf("the gzip data is cut short: %w", err)
	default:
		err = fmt.Errorf("damaged gzip data: %w", err)
	}
	return n, err
}
