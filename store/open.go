package store

import (
	"errors"
	"fmt"

	"github.com/blevesearch/bleve/v2"
	index "github.com/blevesearch/bleve_index_api"
)

// Index is an index open for reading, with its Info and the codec of its
// stored text. It is safe for concurrent use.
type Index struct {
	bleve.Index
	// Info describes the index as it was when opened.
	Info *Info
	// Generation names the generation open (see Current); empty for an
	// index in memory.
	Generation string
	codec      *Codec
}

// Open opens the current index in dir for reading.
//
// The files are checked against the sizes written (a file cut short is a
// damaged index, ErrDamaged, not a puzzle later); Verify also reads them
// through.
func Open(dir string) (*Index, error) {
	path, err := current(dir)
	if err != nil {
		return nil, err
	}
	if err := checkFiles(path, false); err != nil {
		return nil, damaged(dir, err)
	}
	idx, err := openBleve(path)
	if err != nil {
		return nil, damaged(dir, err)
	}
	ix, err := wrap(idx)
	if err != nil {
		idx.Close()
		if errors.Is(err, errOtherVersion) || errors.Is(err, errNoInfo) {
			return nil, fmt.Errorf("index %s: %w", dir, err)
		}
		return nil, damaged(dir, err)
	}
	ix.Generation = path[len(path)-len(genPrefix)-len("20060102T150405.000000000Z"):]
	return ix, nil
}

// wrap reads an open bleve index's Info.
func wrap(idx bleve.Index) (*Index, error) {
	adv, err := idx.Advanced()
	if err != nil {
		return nil, err
	}
	r, err := adv.Reader()
	if err != nil {
		return nil, fmt.Errorf("the index cannot be read: %w", err)
	}
	defer r.Close()
	info, err := ReadInfo(r)
	if err != nil {
		return nil, err
	}
	codec, err := NewCodec()
	if err != nil {
		return nil, err
	}
	return &Index{Index: idx, Info: info, codec: codec}, nil
}

// Close releases the index.
func (ix *Index) Close() error {
	ix.codec.Close()
	return ix.Index.Close()
}

// Record reads an article's record through a reader of the index; nil
// when the article is not there.
func (ix *Index) Record(r index.IndexReader, id string) (*Record, error) {
	return readRecord(r, id)
}

// Text returns a record's raw text and body.
func (ix *Index) Text(rec *Record) (raw, body string, err error) {
	return ix.codec.Text(rec)
}

// openBleve opens a bleve index read-only, turning a panic inside bleve
// on damaged files into an error.
func openBleve(path string) (idx bleve.Index, err error) {
	defer func() {
		if p := recover(); p != nil {
			idx, err = nil, fmt.Errorf("its files are damaged (%v)", p)
		}
	}()
	idx, err = bleve.OpenUsing(path, map[string]interface{}{"read_only": true})
	if err != nil {
		return nil, fmt.Errorf("cannot open it: %w", unwrapPathError(err))
	}
	return idx, nil
}
