package search

// suggestion proposes the query with a rare or unknown word replaced by a
// close, far more frequent one (see Response.Suggestion).
func (a *answer) suggestion() string { return "" }
