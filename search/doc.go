// Package search is Fahras's library API: open an index that package
// indexer built (or the articles built into the binary), run a query, and
// get ranked hits with highlighted snippets; or ask who said what and who
// went where.
//
//	e, err := search.Open(dir) // or search.OpenDefault()
//	resp, err := e.Search(ctx, search.Request{Query: "لافروف", Limit: 10})
//
// # Queries
//
// Request.Query follows bleve's query-string syntax, parsed here: plain
// words (every one required unless Request.Any; when fewer articles have
// them all than a page holds, the list goes on with those that have most
// of them, marked Hit.Partial, unless Request.AllWords),
// "phrases", +required and -excluded clauses, prefix* and wild?ard terms,
// fuzzy~ and fuzzy~2 (edits counted in letters, not bytes), title: and
// body: scopes, and ^boosts. Prefix, wildcard and fuzzy terms are
// normalized as indexed words are. Malformed and hostile queries give
// results or an error wrapping ErrBadQuery, never a panic; Request's
// bounds (MaxQueryBytes, MaxClauses, MaxLimit, MaxOffset) cap the work.
// ParseRequest reads a Request from parameters given as text, as the
// command line and the web do.
//
// A query is parsed, then planned against the index as plain data: for
// each clause, the index terms it matches in each field with their
// weights, and the terms whose positions mark a text. The searchers that
// rank and the snippets that mark both read the plan.
//
// # Ranking
//
// Hits are ranked by textbook BM25 (k1 = 1.2, b = 0.75, idf = ln(1 + (N −
// n + 0.5)/(n + 0.5))) computed by this package's own searchers from
// bleve's postings, with each field's true average length from the
// index's Info, so that scores do not change when segments merge. The
// title and the body are one field each (see package store), and a query
// word is matched there by the terms the analysis made of it: its stem,
// its form as written, the key of a transliterated name and, where not
// every word is required, its vowel variants (a broken plural or
// singular, an accusative ending). A term's score is weighed by its
// field's weight times its kind's (Weights; the kinds' DefaultWeights
// were chosen by measurement on ARCD with package search/eval); a name
// key or a variant counts only in an article without the word's own
// forms.
// Options.BleveScoring ranks with bleve's own scorer instead, as a
// baseline.
//
// # Hits
//
// Each Hit has its title and up to three snippets of the body, each a
// Snippet of parts with every matched word marked (Snippet.HTML writes
// them with <mark>). Request.From and To, Source, Agency and Person
// filter the hits without changing their scores; Sort orders them by
// date; Facets counts the matches by month, source, agency and person.
// Near-duplicates (the same story published by several sites, which
// package indexer groups into stories as it writes them) are folded into
// the best-ranked of them, which lists them in Hit.Similar, unless
// Request.NoCollapse is set. Engine.Article returns one whole article,
// its paragraphs kept and a query's matches marked.
//
// # Statements and visits
//
// Engine.Statements lists who said what and Engine.Visits who went where,
// as package indexer/events read them from each article when it was
// indexed: each statement or visit once, with every article that reports
// it. A speaker or a visitor is found under any spelling Fahras knows,
// a place by its country as well; StatementRequest and
// VisitRequest say how to ask, and ParseStatementRequest and
// ParseVisitRequest read them from text.
package search
