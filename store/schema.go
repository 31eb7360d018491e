package store

import (
	"fmt"
	"strings"

	"github.com/blevesearch/bleve/v2/analysis/lang/ar"

	"github.com/fahras/fahras/indexer/arabic"
)

// FormatVersion is the version of the index layout this package writes
// and reads. An index of another version must be rebuilt.
const FormatVersion = 4

// Field names of an article's document.
const (
	// FieldTitle and FieldBody are the full-text fields of the title and
	// the body: stems with positions, exact forms, name keys.
	FieldTitle = "title"
	FieldBody  = "body"
	// FieldRecord is the stored record: the text and what a hit shows.
	FieldRecord = "rec"
	// FieldDate is the publication date, for ranges and sorting.
	FieldDate = "date"
	// FieldSource, FieldAgency, FieldPerson and FieldMonth are keyword
	// fields for filters and facets; FieldMonth writes a month as
	// MonthFormat.
	FieldSource = "source"
	FieldAgency = "agency"
	FieldPerson = "person"
	FieldMonth  = "month"
	// FieldGroup names the story an article tells: the ID of the first
	// article of its group of near-duplicates.
	FieldGroup = "group"
	// FieldDup holds the MinHash values that find an article's
	// near-duplicates, indexed for the first article of each story only.
	FieldDup = "dup"
	// FieldSpeaker and FieldVisitor are keyword fields of the canonical
	// speakers of the statements an article reports and of the visitors
	// of its visits; FieldPlace of the places visited and their
	// countries.
	FieldSpeaker = "speaker"
	FieldVisitor = "visitor"
	FieldPlace   = "place"
	// FieldEvents says what an article reports: EventStatement when it
	// reports statements, EventVisit when it reports visits.
	FieldEvents = "events"
)

// The values of FieldEvents.
const (
	EventStatement = "statement"
	EventVisit     = "visit"
)

// Texts are the full-text fields, the title first.
var Texts = []string{FieldTitle, FieldBody}

// MonthFormat is how FieldMonth writes a month.
const MonthFormat = "2006-01"

// Analysis names the text analysis an index is built with.
type Analysis string

// The analyses an index can be built with.
const (
	// AnalysisFahras is Fahras's own Arabic analysis (package arabic):
	// stems, exact forms and name keys.
	AnalysisFahras Analysis = "fahras"
	// AnalysisAr is bleve's "ar" analyzer, a port of Lucene's
	// ArabicAnalyzer: stems only.
	AnalysisAr Analysis = "ar"
	// AnalysisNone is bleve's Arabic normalization and stop words
	// without stemming.
	AnalysisNone Analysis = "none"
)

// DefaultAnalysis is the analysis new indexes are built with.
const DefaultAnalysis = AnalysisFahras

// Analyses lists the analyses an index can be built with, the default
// first.
func Analyses() []Analysis { return []Analysis{AnalysisFahras, AnalysisAr, AnalysisNone} }

// ParseAnalysis checks an analysis name given by a user.
func ParseAnalysis(name string) (Analysis, error) {
	names := make([]string, 0, 3)
	for _, a := range Analyses() {
		if string(a) == name {
			return a, nil
		}
		names = append(names, string(a))
	}
	return "", fmt.Errorf("unknown analysis %q (choose one of %s)", name, strings.Join(names, ", "))
}

// Version is the version of the analysis's rules: an index analysed under
// another version must be rebuilt, because its words were cut differently.
func (a Analysis) Version() int {
	if a == AnalysisFahras {
		return arabic.Version
	}
	return 1
}

// bleveAnalyzer is the name of the bleve analyzer of the analysis, which
// the mapping gives the text fields.
func (a Analysis) bleveAnalyzer() string {
	switch a {
	case AnalysisFahras:
		return arabic.AnalyzerName
	case AnalysisNone:
		return noStemAnalyzer
	}
	return ar.AnalyzerName
}
