// Package search is Fahras's library API: open an index that package
// indexer built (or the articles built into the binary), run a query, and
// get ranked hits with highlighted snippets.
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
//
// # Ranking
//
// Hits are ranked by textbook BM25 (k1 = 1.2, b = 0.75, idf = ln(1 + (N −
// n + 0.5)/(n + 0.5))) computed by this package's own searchers from
// bleve's postings, with each field's true average length from the
// index's Info, so that scores do not change when segments merge. A word
// is matched in each field the analysis made of a text (stem, exact form,
// name keys; see package indexer/arabic) and the fields' scores are
// weighed by the Weight constants, chosen by measurement on ARCD (package
// eval). Options.BleveScoring ranks with bleve's own scorer instead, as a
// baseline.
//
// # Hits
//
// Each Hit has its title and up to three snippets of the body, each a
// Snippet of parts with every matched word marked (Snippet.HTML writes
// them with <mark>). Request.From and To, Source, Agency and Person
// filter the hits without changing their scores; Sort orders them by
// date; Facets counts the matches by month, source, agency and person.
// Near-duplicates (the same story published by several sites, found by
// the MinHash signatures package indexer stores) are folded into the
// best-ranked of them, which lists them in Hit.Similar, unless
// Request.NoCollapse is set. Engine.Article returns one whole article,
// its paragraphs kept and a query's matches marked.
package search
