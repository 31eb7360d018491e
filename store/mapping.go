package store

import (
	"fmt"

	"github.com/blevesearch/bleve/v2/analysis/analyzer/keyword"
	"github.com/blevesearch/bleve/v2/mapping"
)

// NewMapping returns the bleve mapping of an index of the analysis: the
// fields an Encoder writes, for bleve's own queries over them. Its scorer
// is bleve's "bm25", which Fahras uses only as a baseline.
func NewMapping(a Analysis) (*mapping.IndexMappingImpl, error) {
	im := mapping.NewIndexMapping()
	im.ScoringModel = "bm25"
	im.DefaultAnalyzer = a.bleveAnalyzer()
	im.StoreDynamic = false
	im.IndexDynamic = false
	im.DocValuesDynamic = false

	doc := mapping.NewDocumentStaticMapping()
	for _, name := range Texts {
		fm := mapping.NewTextFieldMapping()
		fm.Analyzer = a.bleveAnalyzer()
		fm.Store = false
		fm.IncludeInAll = false
		fm.DocValues = false
		fm.IncludeTermVectors = true
		doc.AddFieldMappingsAt(name, fm)
	}
	rec := mapping.NewTextFieldMapping()
	rec.Index = false
	rec.Store = true
	rec.IncludeInAll = false
	rec.DocValues = false
	doc.AddFieldMappingsAt(FieldRecord, rec)

	noDocValues := map[string]bool{FieldDup: true, FieldSpeaker: true, FieldVisitor: true, FieldPlace: true, FieldEvents: true}
	for _, name := range []string{FieldSource, FieldAgency, FieldPerson, FieldMonth, FieldGroup, FieldDup,
		FieldSpeaker, FieldVisitor, FieldPlace, FieldEvents} {
		kw := mapping.NewKeywordFieldMapping()
		kw.Analyzer = keyword.Name
		kw.Store = false
		kw.IncludeInAll = false
		kw.DocValues = !noDocValues[name]
		doc.AddFieldMappingsAt(name, kw)
	}
	date := mapping.NewDateTimeFieldMapping()
	date.Store = false
	date.IncludeInAll = false
	date.DocValues = true
	doc.AddFieldMappingsAt(FieldDate, date)

	im.DefaultMapping = doc
	if err := im.Validate(); err != nil {
		return nil, fmt.Errorf("index mapping: %w", err)
	}
	return im, nil
}
