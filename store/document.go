package store

import (
	"fmt"
	"time"

	"github.com/blevesearch/bleve/v2/document"
	index "github.com/blevesearch/bleve_index_api"

	"github.com/fahras/fahras/indexer/arabic"
)

// Article is what the index holds of one article (see package indexer
// for how articles are read).
type Article struct {
	ID          string
	Title, Body string
	// Raw is the text as it was read; the body is stored as spans of it
	// where it can be.
	Raw         string
	Date        time.Time
	Source, URL string
	Agencies    []string
	People      []string
	// Hash is the article's content hash, which an update compares.
	Hash string
	// Statements and Visits are what the article reports of who said
	// what and who went where (see package indexer/events).
	Statements []Statement
	Visits     []Visit
}

// Doc is an article to be written. Assign its story with SetGroup before
// writing it. A Writer analyses it when it writes the batch it is in, so
// that only the batches being written hold analysed articles.
type Doc struct {
	// ID is the article's ID.
	ID string
	// Lens are the lengths in words of its title and body fields, known
	// once it is analysed.
	Lens [2]int

	art          *Article
	group        string
	bands        []string
	doc          *document.Document // the analysed document, nil until analysed
	pendingBytes int
}

// NewDoc returns the Doc of an article, to be analysed when it is written.
func NewDoc(a *Article) *Doc {
	return &Doc{ID: a.ID, art: a, pendingBytes: len(a.Raw) + len(a.Body) + len(a.Title)}
}

// MaxFieldWords bounds the words of one field that are indexed: a
// hostile article of many megabytes is stored whole but searchable only
// in its first MaxFieldWords words, so that memory stays bounded.
const MaxFieldWords = 200_000

// Encoder makes Docs of Articles. One is not safe for concurrent use.
type Encoder struct {
	an    TextAnalyzer
	codec *Codec
	exact bool // the analysis has exact forms and name keys
	// scratch is reused from one field to the next.
	scratch fieldScratch
}

// NewEncoder returns an encoder for the analysis, compressing text with
// codec.
func (a Analysis) NewEncoder(codec *Codec) (*Encoder, error) {
	an, err := a.NewAnalyzer()
	if err != nil {
		return nil, err
	}
	return &Encoder{an: an, codec: codec, exact: a == AnalysisFahras}, nil
}

// Encode analyses an article and makes its document.
func (e *Encoder) Encode(a *Article) *Doc {
	d := NewDoc(a)
	e.encode(d)
	return d
}

// encode analyses a Doc's article, unless it already is, and lets the
// article go.
func (e *Encoder) encode(d *Doc) {
	if d.doc != nil {
		return
	}
	a := d.art
	d.art = nil
	d.doc = document.NewDocument(a.ID)
	for i, text := range [2]string{a.Title, a.Body} {
		f := e.textField(Texts[i], text)
		d.Lens[i] = f.length
		if f.length > 0 {
			d.doc.AddField(f)
		}
	}
	rec := Record{Title: a.Title, Date: a.Date, Source: a.Source, URL: a.URL, Hash: a.Hash, Lens: d.Lens,
		Statements: a.Statements[:min(len(a.Statements), maxEvents)], Visits: a.Visits[:min(len(a.Visits), maxEvents)]}
	e.codec.SetText(&rec, a.Raw, a.Body)
	d.doc.AddField(document.NewTextFieldWithIndexingOptions(FieldRecord, nil, rec.Encode(nil), index.StoreField))
	if !a.Date.IsZero() {
		// Filters and sorting go by the day: a day's articles are one
		// value, which keeps the date's terms few.
		day := a.Date.UTC().Truncate(24 * time.Hour)
		if f, err := document.NewDateTimeFieldWithIndexingOptions(FieldDate, nil, day, time.RFC3339, index.IndexField|docValues); err == nil {
			d.doc.AddField(f)
		}
		d.keyword(FieldMonth, a.Date.UTC().Format(MonthFormat))
	}
	d.keyword(FieldSource, a.Source)
	for _, v := range a.Agencies {
		d.keyword(FieldAgency, v)
	}
	for _, v := range a.People {
		d.keyword(FieldPerson, v)
	}
	seen := map[string]bool{}
	term := func(field, value string) {
		if value != "" && !seen[field+"\x00"+value] {
			seen[field+"\x00"+value] = true
			d.doc.AddField(document.NewTextFieldWithIndexingOptions(field, nil, []byte(value), index.IndexField))
		}
	}
	if len(rec.Statements) > 0 {
		term(FieldEvents, EventStatement)
	}
	if len(rec.Visits) > 0 {
		term(FieldEvents, EventVisit)
	}
	for _, s := range rec.Statements {
		term(FieldSpeaker, s.Speaker)
	}
	for _, v := range rec.Visits {
		term(FieldVisitor, v.Visitor)
		term(FieldPlace, v.Destination)
		term(FieldPlace, v.Country)
	}
	d.addGroup()
}

// SetGroup records the story the article tells: the ID of the first
// article of its group of near-duplicates. The first article of a story
// (group == its own ID) also indexes its signature's band values, by
// which later articles find it.
func (d *Doc) SetGroup(group string, bands []string) {
	d.group, d.bands = group, bands
	if d.doc != nil {
		d.addGroup()
	}
}

// addGroup adds the fields of the story to the analysed document.
func (d *Doc) addGroup() {
	if d.group == "" {
		return
	}
	d.keyword(FieldGroup, d.group)
	if d.group == d.ID {
		for _, b := range d.bands {
			d.doc.AddField(document.NewTextFieldWithIndexingOptions(FieldDup, nil, []byte(b), index.IndexField))
		}
	}
	d.group, d.bands = "", nil
}

// docValues are the options of the fields with doc values. (bleve's
// uncompressed doc values, SkipDVCompression, give all of a block's
// values to its first document: they are not used.)
const docValues = index.DocValues

// keyword adds a keyword field, indexed with doc values.
func (d *Doc) keyword(name, value string) {
	if value != "" {
		d.doc.AddField(document.NewTextFieldWithIndexingOptions(name, nil, []byte(value), index.IndexField|docValues))
	}
}

// PairSpan is the end offset the index gives the location of a pair's
// name key, which covers the word at its position and the next one; the
// locations of other terms have no offsets (both zero, but for BareSpan),
// as the search package finds a word from its position.
const PairSpan = 1

// BareSpan is the end offset the index gives the location of a stem
// written bare, with no clitic, article or suffix (the word as written is
// its stem, so the index holds no exact form for it): the search package
// counts these to score a bare query word matched as written.
const BareSpan = 2

// textField analyses one text into a full-text field: each word's stem
// at its position (with the end offset BareSpan where the word is written
// bare); its exact form, marked with arabic.ExactPrefix, when it differs
// from the stem (frequency only); its name keys at its position. The
// field's length is its number of words.
func (e *Encoder) textField(name, text string) *textField {
	toks := e.an.Analyze(text)
	if len(toks) > MaxFieldWords {
		toks = toks[:MaxFieldWords]
	}
	// First pass: the field's terms and the occurrences of each, in the
	// encoder's scratch memory. Second: the field's entries in a few
	// blocks of exactly the size needed, since a batch holds thousands.
	s := &e.scratch
	s.reset()
	for i := range toks {
		t := &toks[i]
		span := 0
		if e.exact && !t.Differs() {
			span = BareSpan
		}
		s.add(t.Stem, t.Pos, true, span)
		if !e.exact {
			continue
		}
		if t.Differs() {
			s.exact = append(append(s.exact[:0], arabic.ExactPrefix...), t.Exact...)
			s.add(s.exact, t.Pos, false, 0)
		}
		if t.Key != nil {
			s.add(t.Key, t.Pos, true, 0)
		}
		if t.PairKey != nil {
			s.add(t.PairKey, t.Pos, true, PairSpan)
		}
	}
	return s.field(name, len(toks), uint64(len(text)))
}

// fieldScratch is the memory an Encoder reuses from one field to the next
// to count a field's terms before it makes them.
type fieldScratch struct {
	ids   map[string]int32 // term → index in terms
	terms []scratchTerm
	text  []byte // the terms' bytes, one after the other
	occ   []occurrence
	nlocs int
	exact []byte
}

type scratchTerm struct {
	off, len, freq, locs int32
}

type occurrence struct {
	term, pos int32
	span      int8
	located   bool
}

func (s *fieldScratch) reset() {
	if s.ids == nil {
		s.ids = make(map[string]int32)
	}
	clear(s.ids)
	s.terms, s.text, s.occ, s.nlocs = s.terms[:0], s.text[:0], s.occ[:0], 0
}

func (s *fieldScratch) add(term []byte, pos int, located bool, span int) {
	id, ok := s.ids[string(term)]
	if !ok {
		id = int32(len(s.terms))
		s.ids[string(term)] = id
		s.terms = append(s.terms, scratchTerm{off: int32(len(s.text)), len: int32(len(term))})
		s.text = append(s.text, term...)
	}
	t := &s.terms[id]
	t.freq++
	if located {
		t.locs++
		s.nlocs++
	}
	s.occ = append(s.occ, occurrence{term: id, pos: int32(pos), span: int8(span), located: located})
}

// field makes the field from the terms counted.
func (s *fieldScratch) field(name string, length int, plain uint64) *textField {
	f := &textField{name: name, length: length, plain: plain, freqs: make(index.TokenFrequencies, len(s.terms))}
	keys := string(s.text)
	text := []byte(keys)
	tfs := make([]index.TokenFreq, len(s.terms))
	locs := make([]index.TokenLocation, s.nlocs)
	ptrs := make([]*index.TokenLocation, s.nlocs)
	next := 0
	for i, t := range s.terms {
		tf := &tfs[i]
		tf.Term = text[t.off : t.off+t.len : t.off+t.len]
		tf.SetFrequency(int(t.freq))
		if t.locs > 0 {
			tf.Locations = ptrs[next : next : next+int(t.locs)]
			next += int(t.locs)
		}
		f.freqs[keys[t.off:t.off+t.len]] = tf
	}
	next = 0
	for _, o := range s.occ {
		if !o.located {
			continue
		}
		l := &locs[next]
		next++
		l.Position, l.End = int(o.pos), int(o.span)
		tf := &tfs[o.term]
		tf.Locations = append(tf.Locations, l)
	}
	return f
}

// textField is a full-text field analysed by an Encoder: bleve takes its
// terms as they are.
type textField struct {
	name   string
	length int
	plain  uint64
	freqs  index.TokenFrequencies
}

func (f *textField) Name() string              { return f.name }
func (f *textField) Value() []byte             { return nil }
func (f *textField) ArrayPositions() []uint64  { return nil }
func (f *textField) EncodedFieldType() byte    { return 't' }
func (f *textField) Analyze()                  {}
func (f *textField) AnalyzedLength() int       { return LengthCode(f.length) }
func (f *textField) NumPlainTextBytes() uint64 { return f.plain }
func (f *textField) Options() index.FieldIndexingOptions {
	return index.IndexField | index.IncludeTermVectors
}
func (f *textField) AnalyzedTokenFrequencies() index.TokenFrequencies { return f.freqs }
func (f *textField) Size() int                                        { return 64 + len(f.freqs)*64 }

var _ index.Field = (*textField)(nil)

// String describes the field, for debugging.
func (f *textField) String() string {
	return fmt.Sprintf("%s: %d words, %d terms", f.name, f.length, len(f.freqs))
}
