package search

import (
	"context"
	"math"
	"reflect"

	"github.com/blevesearch/bleve/v2/search"
	index "github.com/blevesearch/bleve_index_api"

	"github.com/fahras/fahras/store"
)

// BM25 parameters, as in Lucene and most of the literature.
const (
	bm25K1 = 1.2
	bm25B  = 0.75
)

// bm25IDF is the BM25 inverse document frequency of a term found in n of
// N documents: ln(1 + (N − n + 0.5)/(n + 0.5)), never negative.
func bm25IDF(N, n uint64) float64 {
	return math.Log(1 + (float64(N)-float64(n)+0.5)/(float64(n)+0.5))
}

// bm25TF is the saturated, length-normalized term frequency of BM25 for
// a term found freq times in a field of length dl, where the field's
// average length is avgdl.
func bm25TF(freq, dl, avgdl float64) float64 {
	return freq * (bm25K1 + 1) / (freq + bm25K1*(1-bm25B+bm25B*dl/avgdl))
}

// fieldLength recovers a field's length in words from the norm bleve
// returns with each posting, 1/√code as a float32, where code is the
// store.LengthCode the index stores.
func fieldLength(norm float64) float64 {
	if norm <= 0 {
		return 1
	}
	return store.CodeLength(int(math.Round(1 / (norm * norm))))
}

// termSearcher walks the postings of one term in one field and scores
// each document by BM25:
//
//	weight · idf · freq·(k1+1) / (freq + k1·(1 − b + b·dl/avgdl))
//
// with the true average field length from the index's statistics, so
// scores do not change when segments merge.
type termSearcher struct {
	reader index.TermFieldReader
	weight float64 // the field's weight times the clause's boost, times idf
	// bare, when not zero, is the weight (times idf) of the term's
	// occurrences written bare (store.BareSpan), scored by BM25 over
	// their number and added.
	bare  float64
	avgdl float64
	count uint64
	tfd   index.TermFieldDoc
}

var reflectStaticSizeTermSearcher = int(reflect.TypeOf(termSearcher{}).Size())

// maxBareDocs bounds how many articles a stem may be found in for its
// occurrences written bare to be counted: counting them means reading the
// stem's positions, which costs the most for the commonest words, whose
// IDF makes their bare occurrences weigh least. On ARCD (460 paragraphs)
// every stem is counted; on SaudiNewsNet the 383 commonest of the body's
// 103,191 stems are not (they hold 30% of its postings), and the queries
// of search bench take about 10% longer at the median than with no bare
// occurrences counted, their 90th and 99th percentiles unchanged.
const maxBareDocs = 2048

// newTermSearcher opens the postings of term in field. docs is the
// number of documents with the field and avgdl their average length; df,
// when not zero, stands for the term's own document frequency in its IDF.
// bare, when not zero, weighs the term's occurrences written bare (if the
// term is in at most maxBareDocs documents).
func newTermSearcher(ctx context.Context, r index.IndexReader, field, term string, weight float64, docs uint64, avgdl float64, df uint64, bare float64) (*termSearcher, error) {
	tfr, err := r.TermFieldReader(ctx, []byte(term), field, true, true, false)
	if err != nil {
		return nil, err
	}
	n := tfr.Count()
	if n > maxBareDocs {
		bare = 0
	}
	if bare > 0 {
		// Again, with the positions.
		tfr.Close()
		if tfr, err = r.TermFieldReader(ctx, []byte(term), field, true, true, true); err != nil {
			return nil, err
		}
	}
	count := n
	if df > 0 {
		n = df
	}
	if n > docs {
		docs = n
	}
	if avgdl <= 0 {
		avgdl = 1
	}
	idf := bm25IDF(docs, n)
	return &termSearcher{
		reader: tfr,
		weight: weight * idf,
		bare:   bare * idf,
		avgdl:  avgdl,
		count:  count,
	}, nil
}

// setIDF weighs the term by weight and the IDF of a term found in df of
// docs documents.
func (s *termSearcher) setIDF(weight float64, docs, df uint64) {
	s.weight = weight * bm25IDF(max(docs, df), df)
}

func (s *termSearcher) score(ctx *search.SearchContext, tfd *index.TermFieldDoc) *search.DocumentMatch {
	dm := ctx.DocumentMatchPool.Get()
	dm.IndexInternalID = index.NewIndexInternalIDFrom(dm.IndexInternalID, tfd.ID)
	dl := fieldLength(tfd.Norm)
	dm.Score = s.weight * bm25TF(float64(tfd.Freq), dl, s.avgdl)
	if s.bare > 0 {
		n := 0
		for _, v := range tfd.Vectors {
			if v.End == store.BareSpan {
				n++
			}
		}
		if n > 0 {
			dm.Score += s.bare * bm25TF(float64(n), dl, s.avgdl)
		}
	}
	return dm
}

func (s *termSearcher) Next(ctx *search.SearchContext) (*search.DocumentMatch, error) {
	tfd, err := s.reader.Next(s.tfd.Reset())
	if err != nil || tfd == nil {
		return nil, err
	}
	return s.score(ctx, tfd), nil
}

func (s *termSearcher) Advance(ctx *search.SearchContext, id index.IndexInternalID) (*search.DocumentMatch, error) {
	tfd, err := s.reader.Advance(id, s.tfd.Reset())
	if err != nil || tfd == nil {
		return nil, err
	}
	return s.score(ctx, tfd), nil
}

func (s *termSearcher) Close() error               { return s.reader.Close() }
func (s *termSearcher) Weight() float64            { return 1 }
func (s *termSearcher) SetQueryNorm(float64)       {}
func (s *termSearcher) Count() uint64              { return s.count }
func (s *termSearcher) Min() int                   { return 0 }
func (s *termSearcher) DocumentMatchPoolSize() int { return 1 }
func (s *termSearcher) Size() int {
	return reflectStaticSizeTermSearcher + s.reader.Size()
}
