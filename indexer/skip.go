package indexer

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Reasons a record is skipped.
const (
	ReasonInvalidJSON  = "invalid JSON"
	ReasonEmptyText    = "empty text"
	ReasonInvalidUTF8  = "invalid UTF-8"
	ReasonMissingID    = "missing ID"
	ReasonInvalidID    = "invalid ID"
	ReasonDuplicateID  = "duplicate ID"
	ReasonTooLarge     = "record too large"
	ReasonNotArticle   = "not an article file"
	ReasonUnreadable   = "unreadable file"
	ReasonInvalidField = "invalid field"
)

// SkipError says why one record was not indexed.
type SkipError struct {
	// Reason is one of the Reason constants.
	Reason string
	// Where names the record: a file, or a file and line.
	Where string
	// Err is the underlying error, if any.
	Err error
}

// Error says which record was skipped and why.
func (e *SkipError) Error() string {
	s := e.Where + ": skipped (" + e.Reason + ")"
	if e.Err != nil {
		s += ": " + e.Err.Error()
	}
	return s
}

// Unwrap returns the underlying error.
func (e *SkipError) Unwrap() error { return e.Err }

// maxIDBytes bounds an article ID.
const maxIDBytes = 256

// checkID says why an ID cannot name an article, or returns "". The IDs
// "." and ".." are invalid: an article's address would name a directory.
func checkID(id string) string {
	if strings.TrimSpace(id) == "" {
		return ReasonMissingID
	}
	if len(id) > maxIDBytes || !utf8.ValidString(id) || strings.IndexFunc(id, unicode.IsControl) >= 0 || id == "." || id == ".." {
		return ReasonInvalidID
	}
	return ""
}
