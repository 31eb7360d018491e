package news

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// TitleMax is the most runes of a title made from the lede, ellipsis
// included.
const TitleMax = 120

// reDatelineLead matches a dateline before the lede: a place of up to three
// words, and perhaps an agency, then a dash or colon ("بكين - "، "موسكو: "،
// "الرياض - واس: ").
var reDatelineLead = regexp.MustCompile(`^(?:[\p{L}\p{M}]+\s+){0,2}[\p{L}\p{M}]+\s*(?:\([^()]{1,30}\)\s*)?[-–—:]\s+`)

func titleOf(lines []Line) string {
	for _, l := range lines {
		if l.Kind == Title {
			return l.Text
		}
	}
	for _, l := range lines {
		if l.Kind == Body {
			return LedeTitle(l.Text)
		}
	}
	return ""
}

// LedeTitle makes a title from a lede paragraph: its first sentence,
// without a leading dateline, cut at a word boundary to at most TitleMax
// runes with an ellipsis when cut. Any string is accepted.
func LedeTitle(lede string) string {
	s := strings.TrimSpace(lede)
	for n := 0; n < 2; n++ {
		m := reDatelineLead.FindString(s)
		if m == "" || utf8.RuneCountInString(s)-utf8.RuneCountInString(m) < 20 {
			break
		}
		s = s[len(m):]
	}
	s = strings.TrimLeft(s, "-–—• ")
	s = strings.TrimSpace(s[:firstSentenceEnd(s)])
	s = strings.TrimRight(s, ".")
	if utf8.RuneCountInString(s) <= TitleMax {
		return s
	}
	// Cut at the last space that leaves room for the ellipsis, or else
	// after TitleMax-1 runes (counted by position, so that bytes that are
	// not UTF-8 are cut as they stand).
	cut, n, end := 0, 0, len(s)
	for i, r := range s {
		if n >= TitleMax-1 {
			end = i
			break
		}
		if unicode.IsSpace(r) {
			cut = i
		}
		n++
	}
	if cut == 0 {
		cut = end
	}
	out := strings.TrimRightFunc(s[:cut], func(r rune) bool {
		return unicode.IsSpace(r) || unicode.IsPunct(r) && r != ')' && r != '"'
	})
	return out + "…"
}
