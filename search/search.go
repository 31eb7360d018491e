package search

import (
	"bytes"
	"encoding/json"
	"html"
	"strings"
	"time"
)

// Request is one search: what to look for and which page of the ranked
// hits to return.
type Request struct {
	// Query is the query text in bleve's query-string syntax: words,
	// "phrases", +required, -excluded, prefix*, wild?ard, fuzzy~1,
	// title:word and boost^2 (see the package documentation).
	Query string `json:"query"`
	// Limit is how many hits to return: DefaultLimit when zero, at most
	// MaxLimit.
	Limit int `json:"limit,omitempty"`
	// Offset is how many of the best hits to skip, for paging; at most
	// MaxOffset.
	Offset int `json:"offset,omitempty"`
	// Any makes plain words optional: an article matching any of them is
	// a hit. By default an article must match every plain word, and when
	// too few do to fill the page, the page goes on with articles that
	// match most of them (see Engine.Search).
	Any bool `json:"any,omitempty"`
	// AllWords keeps to the articles that match every plain word: no
	// page goes on with articles that match most of them.
	AllWords bool `json:"all_words,omitempty"`
	// Plain reads the query as words only: quotes, +, -, *, ?, ~, ^ and
	// field names are ordinary characters. For running questions or
	// headlines as queries.
	Plain bool `json:"plain,omitempty"`
	// IDsOnly leaves out titles, dates, sources and snippets: each hit
	// has only its rank, ID and score. For evaluation and benchmarks.
	IDsOnly bool `json:"ids_only,omitempty"`

	// From and To keep only articles published in that period, both
	// days included; a To without a time of day includes its whole day.
	// A zero time leaves that end open. Articles with no known date are
	// left out when either is set.
	From time.Time `json:"from,omitzero"`
	To   time.Time `json:"to,omitzero"`
	// Sort orders the hits: SortRelevance (the default), SortNewest or
	// SortOldest.
	Sort string `json:"sort,omitempty"`
	// Source, Agency and Person keep only the articles from that source,
	// crediting that agency or naming that person, spelled as the facets
	// give them.
	Source string `json:"source,omitempty"`
	Agency string `json:"agency,omitempty"`
	Person string `json:"person,omitempty"`
	// Facets asks for the number of matching articles by month, source,
	// agency and person.
	Facets bool `json:"facets,omitempty"`
	// NoCollapse lists near-duplicate articles as hits of their own. By
	// default an article telling the same story as a better-ranked hit
	// is folded into that hit's Similar list.
	NoCollapse bool `json:"no_collapse,omitempty"`
}

// The orders a Request can sort its hits in.
const (
	SortRelevance = "relevance"
	SortNewest    = "newest"
	SortOldest    = "oldest"
)

// The facets a Response counts matching articles by.
const (
	FacetMonth  = "month"
	FacetSource = "source"
	FacetAgency = "agency"
	FacetPerson = "person"
)

// MaxFacetValues bounds the values listed for one facet.
const MaxFacetValues = 20

// FacetValue is one value of a facet and how many matching articles have
// it.
type FacetValue struct {
	// Value is the value as the index holds it: a month as "2024-04", a
	// source as the archive names it, an agency or a person by its
	// canonical name, as a Request's Source, Agency and Person take it.
	Value string `json:"value"`
	// Count counts the matching articles that have it.
	Count int `json:"count"`
	// Label names the value for people, where it differs: a source's
	// Arabic name.
	Label string `json:"label,omitempty"`
}

// Bounds on a Request.
const (
	DefaultLimit  = 10
	MaxLimit      = 1000
	MaxOffset     = 10000
	MaxQueryBytes = 4096
	// MaxClauses bounds the words, phrases and operators of one query.
	MaxClauses = 64
)

// Response is the answer to a Request.
type Response struct {
	// Query is the query text as searched.
	Query string `json:"query"`
	// Total counts all the articles that match, not just this page.
	Total uint64 `json:"total"`
	// Took is how long the search took.
	Took time.Duration `json:"-"`
	// Offset and Limit echo the page asked for.
	Offset int `json:"offset"`
	Limit  int `json:"limit"`
	// More is true when there are hits after this page. With
	// near-duplicates folded, fewer hits than Total may be left to show.
	More bool `json:"more,omitempty"`
	// Partial counts the articles that match most of the query's words
	// but not all, when the page went on with them (see Engine.Search);
	// zero otherwise.
	Partial uint64 `json:"partial,omitempty"`
	// Stories counts the hits a reader can page through: the articles
	// that match (Total and Partial), near-duplicates of one story counted
	// once when they are folded.
	Stories uint64 `json:"stories"`
	// Suggestion is the query with a word spelled as the index has it
	// far more often, when a word of the query is rare or unknown and
	// one that close is frequent ("did you mean"); empty otherwise.
	Suggestion string `json:"suggestion,omitempty"`
	// Capped lists the query's prefix, wildcard and fuzzy terms (as
	// written) that match more index terms than a search may expand one
	// to (MaxExpansions a field, MaxQueryTerms in all): each stands for
	// its most frequent terms only, and articles with only rarer ones are
	// missing from the results.
	Capped []string `json:"capped,omitempty"`
	// Hits are the matching articles of this page, best first.
	Hits []Hit `json:"hits"`
	// Facets count all the matching articles by month ("2024-04", oldest
	// first), source, agency and person (most frequent first), when the
	// Request asked for them.
	Facets map[string][]FacetValue `json:"facets,omitempty"`
}

// MarshalJSON adds the time taken, in milliseconds, as "took_ms".
func (r Response) MarshalJSON() ([]byte, error) {
	type plain Response
	return marshalNoEscape(struct {
		plain
		TookMS float64 `json:"took_ms"`
	}{plain(r), float64(r.Took.Microseconds()) / 1000})
}

// marshalNoEscape is json.Marshal without escaping <, > and &, so that
// marks read as <mark> in the output.
func marshalNoEscape(v any) ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return bytes.TrimRight(b.Bytes(), "\n"), nil
}

// htmlEscaper escapes text for HTML with named entities.
var htmlEscaper = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&quot;", "'", "&#39;")

// UnmarshalJSON reads what MarshalJSON writes.
func (r *Response) UnmarshalJSON(b []byte) error {
	type plain Response
	var v struct {
		plain
		TookMS float64 `json:"took_ms"`
	}
	if err := json.Unmarshal(b, &v); err != nil {
		return err
	}
	*r = Response(v.plain)
	r.Took = time.Duration(v.TookMS * float64(time.Millisecond))
	return nil
}

// Hit is one matching article.
type Hit struct {
	// Rank is the hit's place in the ranking, from 1.
	Rank int `json:"rank"`
	// ID names the article in its index.
	ID string `json:"id"`
	// Score is the article's BM25 score for the query.
	Score float64 `json:"score"`
	// Title is the article's title with the matched words marked.
	Title Snippet `json:"title"`
	// Date is the publication date where one is known.
	Date time.Time `json:"date,omitzero"`
	// Source is the publication the article came from, where known, as
	// the archive names it; SourceName is its Arabic name where Fahras
	// knows one ("aawsat" is الشرق الأوسط).
	Source     string `json:"source,omitempty"`
	SourceName string `json:"source_name,omitempty"`
	// Snippets are short passages of the article with every matched word
	// marked, in the order they appear in the article.
	Snippets []Snippet `json:"snippets"`
	// Similar are the articles telling the same story, folded into this
	// hit unless the Request asked for NoCollapse.
	Similar []Similar `json:"similar,omitempty"`
	// Partial is true for an article that matches most of the query's
	// words but not all, ranked after those that match all; Missing
	// lists the words it lacks.
	Partial bool     `json:"partial,omitempty"`
	Missing []string `json:"missing,omitempty"`
}

// Snippet is a piece of text with the words that matched the query
// marked. In JSON it is a string of HTML: the text escaped, each match
// wrapped in <mark>…</mark>.
type Snippet []Part

// Part is a run of a snippet's text, matched or not.
type Part struct {
	// Text is the run's text.
	Text string
	// Match is true when the run is a word that matched the query.
	Match bool
}

// Text returns the snippet's text without marks.
func (s Snippet) Text() string {
	var b strings.Builder
	for _, p := range s {
		b.WriteString(p.Text)
	}
	return b.String()
}

// HTML returns the snippet as HTML: the text escaped, each match wrapped
// in <mark>…</mark>.
func (s Snippet) HTML() string {
	var b strings.Builder
	for _, p := range s {
		if p.Match {
			b.WriteString("<mark>")
			b.WriteString(htmlEscaper.Replace(p.Text))
			b.WriteString("</mark>")
		} else {
			b.WriteString(htmlEscaper.Replace(p.Text))
		}
	}
	return b.String()
}

// Matches returns the matched words of the snippet, in order.
func (s Snippet) Matches() []string {
	var m []string
	for _, p := range s {
		if p.Match {
			m = append(m, p.Text)
		}
	}
	return m
}

// MarshalJSON writes the snippet as its HTML. The marks are written as
// they are, not as \u003cmark\u003e, unless the caller's encoder escapes
// HTML.
func (s Snippet) MarshalJSON() ([]byte, error) {
	return marshalNoEscape(s.HTML())
}

// UnmarshalJSON reads a snippet written by MarshalJSON.
func (s *Snippet) UnmarshalJSON(b []byte) error {
	var h string
	if err := json.Unmarshal(b, &h); err != nil {
		return err
	}
	*s = nil
	for h != "" {
		i := strings.Index(h, "<mark>")
		if i < 0 {
			*s = append(*s, Part{Text: html.UnescapeString(h)})
			break
		}
		if i > 0 {
			*s = append(*s, Part{Text: html.UnescapeString(h[:i])})
		}
		h = h[i+len("<mark>"):]
		j := strings.Index(h, "</mark>")
		if j < 0 {
			j = len(h)
		}
		*s = append(*s, Part{Text: html.UnescapeString(h[:j]), Match: true})
		h = strings.TrimPrefix(h[j:], "</mark>")
	}
	return nil
}

// Paragraphs splits a snippet at its line breaks: an Article's Body into
// its paragraphs, marks kept.
func (s Snippet) Paragraphs() []Snippet {
	var out []Snippet
	var cur Snippet
	for _, p := range s {
		for i, t := range strings.Split(p.Text, "\n") {
			if i > 0 {
				if len(cur) > 0 {
					out = append(out, cur)
				}
				cur = nil
			}
			if t != "" {
				cur = append(cur, Part{Text: t, Match: p.Match})
			}
		}
	}
	if len(cur) > 0 {
		out = append(out, cur)
	}
	return out
}

// Article is one whole article, as stored in the index.
type Article struct {
	// ID names the article in its index.
	ID string `json:"id"`
	// Title is the article's title, with a query's matches marked when
	// one was given.
	Title Snippet `json:"title"`
	// Body is the searchable text, with a query's matches marked when one
	// was given. Its paragraphs are separated by "\n" (see Paragraphs).
	Body Snippet `json:"body"`
	// Raw is the text as it was read, page furniture included.
	Raw string `json:"raw"`
	// Date is the publication date where one is known.
	Date time.Time `json:"date,omitzero"`
	// Source is the publication the article came from, where known.
	Source string `json:"source,omitempty"`
	// URL is where the article was published, where known.
	URL string `json:"url,omitempty"`
}

// StatementRequest asks who said what: the statements that articles
// report (see Engine.Statements).
type StatementRequest struct {
	// Query keeps the statements whose words match it, in the syntax of
	// Request.Query, best first; empty keeps every statement, newest
	// first.
	Query string `json:"query,omitempty"`
	// Speaker keeps the statements of one speaker: a person under any of
	// the spellings Fahras knows (لافروف, لافروڤ), or the words of a
	// speaker's name as the articles write it (الخارجية الروسية).
	Speaker string `json:"speaker,omitempty"`
	// From and To keep the statements of articles published in that
	// period, both days included; a zero time leaves that end open.
	From time.Time `json:"from,omitzero"`
	To   time.Time `json:"to,omitzero"`
	// Limit is how many statements to return (DefaultLimit when zero, at
	// most MaxLimit); Offset how many to skip.
	Limit  int `json:"limit,omitempty"`
	Offset int `json:"offset,omitempty"`
}

// Listing counts and pages what a StatementResponse or a VisitResponse
// lists.
type Listing struct {
	// Total counts what was found, each statement or visit once however
	// many articles report it.
	Total int `json:"total"`
	// Offset and Limit echo the page asked for; More is true when there
	// is more after it.
	Offset int  `json:"offset"`
	Limit  int  `json:"limit"`
	More   bool `json:"more,omitempty"`
	// Took is how long the search took.
	Took time.Duration `json:"-"`
}

// StatementResponse is the answer to a StatementRequest.
type StatementResponse struct {
	Listing
	// Statements are the page's statements.
	Statements []Statement `json:"statements"`
}

// Statement is one thing someone said, as one or more articles report it.
type Statement struct {
	// Speaker is who said it: a person by the name Fahras gives them
	// (سيرغي لافروف), another speaker as the article names it (وزارة
	// الخارجية الروسية). SaidAs is the speaker as the article writes
	// them there, role and name; Verb the speech verb (قال، أكد …).
	Speaker string `json:"speaker"`
	SaidAs  string `json:"said_as"`
	Verb    string `json:"verb"`
	// Text is the words said, with the query's words marked: the
	// quotation where there is one (Quote), else the reported clause.
	Text  Snippet `json:"text"`
	Quote bool    `json:"quote,omitempty"`
	// Date is the publication date of the article, where known.
	Date time.Time `json:"date,omitzero"`
	// Article is the ID of the article the statement is read from, and
	// Start and End the byte span of the words said in its body (as
	// Engine.ArticleWith marks them).
	Article string `json:"article"`
	Start   int    `json:"start"`
	End     int    `json:"end"`
	// Sources are the articles that report the statement, Article first.
	Sources []Report `json:"sources"`
}

// VisitRequest asks who went where: the visits that articles report (see
// Engine.Visits).
type VisitRequest struct {
	// Who keeps the visits of one visitor, as StatementRequest.Speaker
	// keeps a speaker's statements.
	Who string `json:"who,omitempty"`
	// Place keeps the visits to a place: a city, a region or a country
	// (a visit to بكين is a visit to الصين).
	Place string `json:"place,omitempty"`
	// From and To keep the visits in that period, both days included: by
	// the days of the visit where the article gives them, else by the
	// article's date.
	From time.Time `json:"from,omitzero"`
	To   time.Time `json:"to,omitzero"`
	// Limit and Offset page through the visits, as in StatementRequest.
	Limit  int `json:"limit,omitempty"`
	Offset int `json:"offset,omitempty"`
}

// VisitResponse is the answer to a VisitRequest.
type VisitResponse struct {
	Listing
	// Visits are the page's visits, the latest first.
	Visits []Visit `json:"visits"`
}

// Visit is one visit, as one or more articles report it.
type Visit struct {
	// Visitor is who visits, named as Statement.Speaker; VisitorAs as the
	// article writes them.
	Visitor   string `json:"visitor"`
	VisitorAs string `json:"visitor_as"`
	// Destination is the place visited as a reader names it, Country the
	// country it is in (itself for a country or a region).
	Destination string `json:"destination"`
	Country     string `json:"country,omitempty"`
	// From and To are the first and last day of the visit where an
	// article gives them; when one gives only a month, they are that
	// month's first and last day and Month is set.
	From  time.Time `json:"from,omitzero"`
	To    time.Time `json:"to,omitzero"`
	Month int       `json:"month,omitempty"`
	// Date is the publication date of the article the visit is read from.
	Date time.Time `json:"date,omitzero"`
	// Status is VisitPlanned or VisitDone (done includes a visit under
	// way): done as soon as one article reports it so.
	Status string `json:"status"`
	// Article is the ID of the article the visit is read from, and
	// Evidence the sentence there that tells of it.
	Article  string  `json:"article"`
	Evidence Snippet `json:"evidence"`
	// Sources are the articles that report the visit, Article first.
	Sources []Report `json:"sources"`
}

// The statuses of a Visit.
const (
	VisitPlanned = "planned"
	VisitDone    = "done"
)

// Report is one article that reports a statement or a visit.
type Report struct {
	// Article is the article's ID, Title its title and Date its
	// publication date where known.
	Article string    `json:"article"`
	Title   string    `json:"title"`
	Date    time.Time `json:"date,omitzero"`
	// Source is the publication, SourceName its Arabic name where known.
	Source     string `json:"source,omitempty"`
	SourceName string `json:"source_name,omitempty"`
}
