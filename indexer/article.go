package indexer

import (
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// Article is one news article as Fahras indexes it.
type Article struct {
	// ID names the article uniquely in its index: for a text file, the
	// file name without ".txt".
	ID string `json:"id"`
	// Title is the headline, or the lede's first sentence cut at a word.
	Title string `json:"title"`
	// Body is the searchable text: the article without its headline and
	// without page furniture such as share prompts and tickers.
	Body string `json:"body"`
	// Raw is the text exactly as it was read.
	Raw string `json:"raw"`
	// Date is the publication date where one is known.
	Date time.Time `json:"date,omitzero"`
	// Source is the publication the article came from, where known.
	Source string `json:"source,omitempty"`
	// URL is the address the article was published at, where known.
	URL string `json:"url,omitempty"`
	// Agencies are the news agencies the article credits.
	Agencies []string `json:"agencies,omitempty"`
	// People are the people the article mentions, by canonical name.
	People []string `json:"people,omitempty"`
}

// maxTitleRunes bounds a title taken from the lede.
const maxTitleRunes = 120

// ParseText reads a plain-text article: the text becomes the raw text and
// the body, and the title is the headline line where there is one,
// otherwise the lede's first sentence cut at a word.
func ParseText(id, text string) Article {
	raw := normalizeNewlines(text)
	a := Article{ID: id, Raw: raw}
	lines := strings.Split(raw, "\n")
	if i := headlineLine(lines); i >= 0 {
		a.Title = strings.TrimSpace(lines[i])
		a.Body = strings.TrimSpace(strings.Join(append(append([]string{}, lines[:i]...), lines[i+1:]...), "\n"))
	} else {
		a.Body = strings.TrimSpace(raw)
		a.Title = firstSentence(a.Body, maxTitleRunes)
	}
	return a
}

// normalizeNewlines drops a byte-order mark and turns CRLF and CR line
// ends into LF.
func normalizeNewlines(s string) string {
	s = strings.TrimPrefix(s, "\ufeff")
	s = strings.ReplaceAll(s, "\r\n", "\n")
	return strings.ReplaceAll(s, "\r", "\n")
}

// headlineLine returns the index of the first line that reads as a
// headline: a short line without a closing full stop, followed by a blank
// line. It returns -1 when the text starts straight with its lede.
func headlineLine(lines []string) int {
	for i, l := range lines {
		l = strings.TrimSpace(l)
		if l == "" {
			continue
		}
		words := len(strings.Fields(l))
		blankAfter := i+1 < len(lines) && strings.TrimSpace(lines[i+1]) == ""
		if words >= 3 && words <= 20 && blankAfter && !strings.HasSuffix(l, ".") {
			return i
		}
		if words >= 3 {
			return -1
		}
	}
	return -1
}

// firstSentence returns the text up to its first sentence end, cut at a
// word boundary to at most max runes.
func firstSentence(s string, max int) string {
	line, _, _ := strings.Cut(strings.TrimSpace(s), "\n")
	if i := strings.IndexAny(line, ".!?؟"); i >= 0 {
		line = line[:i]
	}
	return cutAtWord(strings.TrimSpace(line), max)
}

// cutAtWord shortens s to at most max runes, cutting at the last space
// before the limit and adding an ellipsis.
func cutAtWord(s string, max int) string {
	if utf8.RuneCountInString(s) <= max {
		return s
	}
	n := 0
	cut := 0
	for i, r := range s {
		if n == max {
			break
		}
		if unicode.IsSpace(r) {
			cut = i
		}
		n++
	}
	if cut == 0 {
		return s
	}
	return strings.TrimRightFunc(s[:cut], func(r rune) bool { return unicode.IsSpace(r) || unicode.IsPunct(r) }) + "…"
}
