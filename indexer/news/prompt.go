package news

import (
	"strings"
	"unicode/utf8"
)

// promptRunWords, in matching form, are the words of a share or follow
// widget that a page dump glues to the start of the lede ("شارك من خلال
// تويتر فيسبوك … اكتب رأيك", "Next Previous"). "على" is not among them:
// in matching form it is also the name علي ("شارك علي بن عبده …" begins a
// story).
var promptRunWords = wordSet(
	"شارك", "شاركوا", "شاركها", "تابعنا", "تابعونا", "من", "خلال",
	"عبر", "تويتر", "فيسبوك", "فيس", "بوك", "جوجل",
	"بلس", "واتساب", "تلغرام", "تليغرام", "انستغرام", "يوتيوب",
	"لينكدان", "اكتب", "رايك", "تعليقك", "اطبع", "طباعه", "ارسل",
	"مشاركه", "حفظ", "البريد", "الالكتروني",
	"next", "previous", "prev", "share", "tweet", "twitter",
	"facebook", "google", "whatsapp", "email", "print",
)

// promptStarts are the words a glued widget begins with.
var promptStarts = wordSet(
	"شارك", "شاركوا", "شاركها", "تابعنا", "تابعونا",
	"next", "previous", "share",
)

// splitPrompt returns the length in bytes of a share or follow widget at
// the start of line, or 0. The widget must begin with a prompt word, go on
// with a network name or another prompt word, and be followed by more
// text.
func splitPrompt(line string) int {
	var wb [64]byte // the word in matching form
	end, n, named := 0, 0, false
	i := 0
	for i < len(line) {
		// Skip to the next word.
		r, size := utf8.DecodeRuneInString(line[i:])
		if !isWordRune(r) {
			i += size
			continue
		}
		j := i
		for j < len(line) {
			r, size := utf8.DecodeRuneInString(line[j:])
			if !isWordRune(r) {
				break
			}
			j += size
		}
		w := appendNormal(wb[:0], line[i:j])
		if n == 0 && !promptStarts[string(w)] {
			return 0
		}
		if !promptRunWords[string(w)] {
			break
		}
		if n > 0 && string(w) != "من" && string(w) != "خلال" && string(w) != "عبر" {
			named = true
		}
		n++
		end = j
		i = j
	}
	if n < 2 || !named || strings.TrimSpace(line[end:]) == "" {
		return 0
	}
	return end
}

// splitPrompts splits off widgets glued to the start of lines, as lines
// of their own, and reports which lines are such widgets.
func splitPrompts(lines []Line) ([]Line, map[int]bool) {
	var out []Line
	var prompts map[int]bool
	for i, l := range lines {
		if k := splitPrompt(l.Text); k > 0 {
			if prompts == nil {
				prompts = map[int]bool{}
				out = append(make([]Line, 0, len(lines)+2), lines[:i]...)
			}
			prompts[len(out)] = true
			out = append(out, Line{Text: strings.TrimSpace(l.Text[:k])}, Line{Text: strings.TrimSpace(l.Text[k:])})
			continue
		}
		if prompts != nil {
			out = append(out, l)
		}
	}
	if prompts == nil {
		return lines, nil // nothing split off
	}
	return out, prompts
}
