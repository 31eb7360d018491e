package indexer

import (
	"fmt"
	"strings"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/analysis/analyzer/keyword"
	"github.com/blevesearch/bleve/v2/analysis/lang/ar"
	"github.com/blevesearch/bleve/v2/analysis/token/lowercase"
	"github.com/blevesearch/bleve/v2/analysis/token/unicodenorm"
	"github.com/blevesearch/bleve/v2/mapping"

	"github.com/fahras/fahras/indexer/arabic"
	"github.com/fahras/fahras/indexer/news"
)

// Analysis names the text analysis an index is built with. It decides
// which fields each text is indexed in and how their words are cut.
type Analysis string

// The analyses an index can be built with.
const (
	// AnalysisFahras is Fahras's own Arabic analysis (package arabic): a
	// stemmed, an exact and a name-key field per text.
	AnalysisFahras Analysis = "fahras"
	// AnalysisAr is bleve's "ar" analyzer, a port of Lucene's
	// ArabicAnalyzer, in one field per text.
	AnalysisAr Analysis = "ar"
	// AnalysisNone is bleve's Arabic normalization and stop words without
	// any stemming, in one field per text.
	AnalysisNone Analysis = "none"
)

// DefaultAnalysis is the analysis new indexes are built with.
const DefaultAnalysis = AnalysisFahras

// Analyses lists the analyses an index can be built with, the default
// first.
func Analyses() []Analysis { return []Analysis{AnalysisFahras, AnalysisAr, AnalysisNone} }

// ParseAnalysis checks an analysis name given by a user.
func ParseAnalysis(name string) (Analysis, error) {
	for _, a := range Analyses() {
		if string(a) == name {
			return a, nil
		}
	}
	names := make([]string, 0, 3)
	for _, a := range Analyses() {
		names = append(names, string(a))
	}
	return "", fmt.Errorf("unknown analysis %q (choose one of %s)", name, strings.Join(names, ", "))
}

// Role says what a field holds of its text.
type Role string

// The roles of a text's fields.
const (
	// RoleStem holds the text's words reduced to their stems; it is the
	// field phrases are matched in and that snippets are marked from.
	RoleStem Role = "stem"
	// RoleExact holds the words as written, only normalized.
	RoleExact Role = "exact"
	// RoleName holds the name keys of words that may be transliterated
	// names, so that other spellings of a name match (package arabic).
	RoleName Role = "name"
)

// Texts are the article parts indexed for full-text search.
var Texts = []string{"title", "body"}

// Field is one indexed field of an article text.
type Field struct {
	// Name is the bleve field name, such as "body" or "body_exact".
	Name string
	// Text is the article part the field is made from: "title" or "body".
	Text string
	// Role says what the field holds of the text.
	Role Role
	// Analyzer is the bleve analyzer the field is analyzed with.
	Analyzer string
}

// analyzers returns the analyzer of each role for an analysis.
func (a Analysis) analyzers() map[Role]string {
	switch a {
	case AnalysisFahras:
		return map[Role]string{RoleStem: arabic.StemAnalyzer, RoleExact: arabic.ExactAnalyzer, RoleName: arabic.NameAnalyzer}
	case AnalysisNone:
		return map[Role]string{RoleStem: noStemAnalyzer}
	default:
		return map[Role]string{RoleStem: ar.AnalyzerName}
	}
}

// Fields lists the full-text fields an analysis indexes, for every text.
func (a Analysis) Fields() []Field {
	var fs []Field
	an := a.analyzers()
	for _, text := range Texts {
		for _, role := range []Role{RoleStem, RoleExact, RoleName} {
			name, ok := an[role]
			if !ok {
				continue
			}
			f := Field{Name: text, Text: text, Role: role, Analyzer: name}
			if role != RoleStem {
				f.Name = text + "_" + string(role)
			}
			fs = append(fs, f)
		}
	}
	return fs
}

// Stored and keyword field names of an article document.
const (
	FieldRaw      = "raw"
	FieldDate     = "date"
	FieldSource   = "source"
	FieldURL      = "url"
	FieldAgencies = "agency"
	FieldPeople   = "person"
	// FieldMonth is the publication month, "2006-01", for counting
	// articles by month.
	FieldMonth = "month"
	// FieldSig is the body's MinHash signature (stored, not searched),
	// and FieldDup its band keys (searched, not stored): together they
	// find an article's near-duplicates.
	FieldSig = "minhash"
	FieldDup = "dup"
)

// IndexedBands is how many single MinHash values of an article's
// signature FieldDup indexes, each a term of its own. Two articles share
// one value with a probability equal to their Jaccard similarity J, so
// sixteen find a pair at the near-duplicate threshold (J = 0.25) 99 times
// in 100, and unrelated articles (J ≈ 0.02) share one a quarter of the
// time, to be set apart by comparing whole signatures. Indexing all of
// news.Sig.Bands (64 terms of two values each) made indexing four times
// slower; sixteen of them found the seeds' duplicate pair only sometimes.
const IndexedBands = 16

// DupBands returns the terms FieldDup indexes for a signature: none for
// an empty one.
func DupBands(sig news.Sig) []string {
	if sig.Empty() {
		return nil
	}
	out := make([]string, IndexedBands)
	for i := range out {
		out[i] = fmt.Sprintf("%02x%08x", i, sig[i])
	}
	return out
}

// MonthFormat is how FieldMonth writes a month.
const MonthFormat = "2006-01"

// NewMapping returns the bleve index mapping for an analysis, with bleve's
// own scorer set to a scoring model ("bm25" when empty, or "tf-idf").
func NewMapping(a Analysis, bleveScoring string) (*mapping.IndexMappingImpl, error) {
	im := mapping.NewIndexMapping()
	im.ScoringModel = "bm25"
	if bleveScoring != "" {
		im.ScoringModel = bleveScoring
	}
	im.DefaultAnalyzer = a.analyzers()[RoleStem]
	im.StoreDynamic = false
	im.IndexDynamic = false
	im.DocValuesDynamic = false

	doc := mapping.NewDocumentStaticMapping()
	byText := map[string][]*mapping.FieldMapping{}
	for _, f := range a.Fields() {
		fm := mapping.NewTextFieldMapping()
		fm.Name = f.Name
		fm.Analyzer = f.Analyzer
		fm.IncludeInAll = false
		fm.DocValues = false
		// The stem field keeps the text and the positions phrases need.
		fm.Store = f.Role == RoleStem
		fm.IncludeTermVectors = f.Role == RoleStem
		byText[f.Text] = append(byText[f.Text], fm)
	}
	for _, text := range Texts {
		doc.AddFieldMappingsAt(text, byText[text]...)
	}

	// Stored only: the raw text, the signature, the URL.
	for _, name := range []string{FieldRaw, FieldSig, FieldURL} {
		fm := mapping.NewTextFieldMapping()
		fm.Index = false
		fm.Store = true
		fm.IncludeInAll = false
		fm.DocValues = false
		doc.AddFieldMappingsAt(name, fm)
	}

	// Searched only: the near-duplicate candidate terms.
	dup := mapping.NewKeywordFieldMapping()
	dup.Analyzer = keyword.Name
	dup.Store = false
	dup.IncludeInAll = false
	dup.DocValues = false
	doc.AddFieldMappingsAt(FieldDup, dup)

	for _, name := range []string{FieldSource, FieldAgencies, FieldPeople, FieldMonth} {
		kw := mapping.NewKeywordFieldMapping()
		kw.Analyzer = keyword.Name
		kw.Store = true
		kw.IncludeInAll = false
		kw.DocValues = true
		doc.AddFieldMappingsAt(name, kw)
	}

	date := mapping.NewDateTimeFieldMapping()
	date.Store = true
	date.IncludeInAll = false
	date.DocValues = true
	doc.AddFieldMappingsAt(FieldDate, date)

	im.DefaultMapping = doc
	if err := im.Validate(); err != nil {
		return nil, fmt.Errorf("index mapping: %w", err)
	}
	return im, nil
}

// NormalizeTerm normalizes one query word the way the analysis normalizes
// the words it indexes, without stemming it or dropping it as a stop
// word: what prefix, wildcard and fuzzy terms are matched with.
func (a Analysis) NormalizeTerm(s string) string {
	if a == AnalysisFahras {
		return arabic.Normalize(s)
	}
	ts := analysis.TokenStream{&analysis.Token{Term: []byte(s), Type: analysis.AlphaNumeric}}
	ts = lowercase.NewLowerCaseFilter().Filter(ts)
	ts = unicodenorm.MustNewUnicodeNormalizeFilter(unicodenorm.NFKC).Filter(ts)
	ts = ar.NewArabicNormalizeFilter().Filter(ts)
	return string(ts[0].Term)
}
