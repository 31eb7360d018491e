package indexer

import (
	"strings"
	"time"

	"github.com/fahras/fahras/indexer/news"
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

// ParseText reads a plain-text article as a news page: the text becomes
// the raw text; the headline (or the lede's first sentence) the title;
// the lines a reader came for, without share prompts, tickers, credits
// and other page furniture, the body. The publication date, the news
// agencies credited and the people named are read from the text (see
// package news for the rules). Any string is accepted; ArticlesReader
// skips what cannot be indexed.
func ParseText(id, text string) *Article {
	return parseArticle(id, text, "", "", nil)
}

// parseArticle is ParseText with a title given apart from the text (such
// as a JSON field; none when empty), and a model of the lines that repeat
// across the articles of one source (group), which it also updates. A
// title given apart replaces the text's own headline, whose line then
// stays in the body.
func parseArticle(id, text, title, group string, rep *news.Repeats) *Article {
	raw := normalizeNewlines(text)
	d := news.Clean(raw, news.Options{Source: group, Repeats: rep, Observe: rep != nil})
	a := &Article{ID: id, Raw: raw, Title: d.Title, Body: d.Body}
	a.Date, _ = d.Date()
	a.Agencies = d.Agencies()
	whole := a.Body == "" && a.Title == ""
	if whole {
		// Nothing reads as article text: keep it all searchable rather
		// than lose the article.
		a.Body = strings.TrimSpace(raw)
		a.Title = news.LedeTitle(a.Body)
	}
	head := "" // what is put before d.Body in the body
	if title != "" {
		// The text's own headline line stays in the body; a title Clean
		// made from the lede (its first sentence, cut) is no such line,
		// and the lede is in the body already.
		if a.Title != "" && strings.Contains(raw, a.Title) && !strings.Contains(a.Body, a.Title) && a.Title != title {
			head = a.Title
			a.Body = strings.TrimSpace(a.Title + "\n\n" + a.Body)
		}
		a.Title = title
	}
	if whole {
		a.People = news.People(a.Title + "\n" + a.Body)
	} else {
		a.People = d.People(a.Title + "\n" + head)
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
