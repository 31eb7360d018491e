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
// across the articles of one source (group), which it also updates.
func parseArticle(id, text, title, group string, rep *news.Repeats) *Article {
	raw := normalizeNewlines(text)
	if rep != nil {
		rep.ObserveText(group, raw)
	}
	d := news.Clean(raw, news.Options{Source: group, Repeats: rep})
	a := &Article{ID: id, Raw: raw, Title: d.Title, Body: d.Body}
	if a.Body == "" && a.Title == "" {
		// Nothing reads as article text: keep it all searchable rather
		// than lose the article.
		a.Body = strings.TrimSpace(raw)
		a.Title = news.LedeTitle(a.Body)
	}
	if title != "" {
		a.setTitle(title)
	}
	a.Date, _ = news.ParseDate(raw)
	a.Agencies = news.Agencies(raw)
	a.People = news.People(a.Title + "\n" + a.Body)
	return a
}

// setTitle sets a title given apart from the text: the line the text's
// own headline was taken from stays in the body.
func (a *Article) setTitle(title string) {
	if a.Title != "" && !strings.Contains(a.Body, a.Title) && a.Title != title {
		a.Body = strings.TrimSpace(a.Title + "\n\n" + a.Body)
	}
	a.Title = title
}

// normalizeNewlines drops a byte-order mark and turns CRLF and CR line
// ends into LF.
func normalizeNewlines(s string) string {
	s = strings.TrimPrefix(s, "\ufeff")
	s = strings.ReplaceAll(s, "\r\n", "\n")
	return strings.ReplaceAll(s, "\r", "\n")
}
