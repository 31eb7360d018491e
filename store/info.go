package store

import (
	"encoding/json"
	"errors"
	"fmt"
	"time"

	index "github.com/blevesearch/bleve_index_api"
)

// infoKey is the bleve internal key the index's Info is stored under.
var infoKey = []byte("fahras.info")

// Info describes an index: how it was built and the statistics its
// ranking needs.
type Info struct {
	// Format is the FormatVersion the index was written with.
	Format int `json:"format"`
	// Analysis is the text analysis the index was built with, and
	// AnalysisVersion the version of its rules (Analysis.Version).
	Analysis        Analysis `json:"analysis"`
	AnalysisVersion int      `json:"analysis_version"`
	// Built is when the index was last written.
	Built time.Time `json:"built"`
	// Articles counts the articles in the index.
	Articles uint64 `json:"articles"`
	// Fields holds the word statistics of each full-text field.
	Fields map[string]FieldStats `json:"fields"`
}

// FieldStats are the statistics BM25 needs of one field.
type FieldStats struct {
	// Docs counts the articles with at least one word in the field.
	Docs uint64 `json:"docs"`
	// Tokens counts the field's words over all articles.
	Tokens uint64 `json:"tokens"`
}

// AvgLen is the field's average length in words over the articles that
// have it.
func (s FieldStats) AvgLen() float64 {
	if s.Docs == 0 {
		return 0
	}
	return float64(s.Tokens) / float64(s.Docs)
}

// Why an index's Info is refused.
var (
	errNoInfo       = errors.New("the index has no Fahras information")
	errOtherVersion = errors.New("another version")
)

// ReadInfo reads the Info of an index through one of its readers, so that
// the statistics match the snapshot being searched.
func ReadInfo(r index.IndexReader) (*Info, error) {
	b, err := r.GetInternal(infoKey)
	if err != nil {
		return nil, fmt.Errorf("reading index information: %w", err)
	}
	if b == nil {
		return nil, fmt.Errorf("%w: it was not written by Fahras, or its build did not finish", errNoInfo)
	}
	var info Info
	if err := json.Unmarshal(b, &info); err != nil {
		return nil, fmt.Errorf("the index information is damaged: %w", err)
	}
	if info.Format != FormatVersion {
		return nil, fmt.Errorf("%w: the index was written in format %d and this program reads format %d: rebuild it", errOtherVersion, info.Format, FormatVersion)
	}
	if v := info.Analysis.Version(); info.AnalysisVersion != v {
		return nil, fmt.Errorf("%w: the index was analysed under version %d of the %s analysis and this program has version %d: rebuild it", errOtherVersion, info.AnalysisVersion, info.Analysis, v)
	}
	return &info, nil
}

// add adds (sign 1) or removes (sign -1) an article's field lengths from
// the statistics.
func (info *Info) add(lens [2]int, sign int) {
	if info.Fields == nil {
		info.Fields = map[string]FieldStats{}
	}
	for i, n := range lens {
		if n == 0 {
			continue
		}
		st := info.Fields[Texts[i]]
		if sign > 0 {
			st.Docs++
			st.Tokens += uint64(n)
		} else {
			st.Docs--
			st.Tokens -= uint64(n)
		}
		info.Fields[Texts[i]] = st
	}
	if sign > 0 {
		info.Articles++
	} else {
		info.Articles--
	}
}

func (info *Info) marshal() []byte {
	b, err := json.Marshal(info)
	if err != nil {
		panic(err) // Info holds only plain values
	}
	return b
}
