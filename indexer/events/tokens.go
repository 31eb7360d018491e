package events

import (
	"unicode"
	"unicode/utf8"

	"github.com/fahras/fahras/indexer/news"
)

// tok is one word or punctuation mark of a paragraph.
type tok struct {
	start, end int    // byte span in the body
	w          string // a word in matching form (news.FoldRune); "" for punctuation
	p          rune   // the punctuation mark, for punctuation
	quote      int8   // for a quotation mark: +1 opens, -1 closes, 0 ambiguous
}

func (t tok) isWord() bool { return t.w != "" }

// para is one paragraph of the body, its tokens, its quotations and the
// ends of its sentences.
type para struct {
	start, end int // byte span in the body
	toks       []tok
	// inQuote[i] is the index of the quotation token i is inside, or -1.
	inQuote []int
	// quotes are the quotations: token indexes of the opening and closing
	// marks (close == len(toks) when the paragraph ends first).
	quotes []quoteSpan
	// sentEnd[i] is the index of the token that ends the sentence token i
	// is in (a full stop outside quotations, or len(toks)).
	sentEnd []int
	// sentStart[i] is the index of the first token of that sentence.
	sentStart []int
	// persons maps the first token of each gazetteer name to the name and
	// the index after its last token.
	persons map[int]personSpan
}

type personSpan struct {
	name string
	end  int
}

// personAt returns the gazetteer person whose name starts at token i and
// the index after it, or "".
func (p *para) personAt(i int) (string, int) {
	if s, ok := p.persons[i]; ok {
		return s.name, s.end
	}
	return "", i
}

type quoteSpan struct{ open, close int }

// isWordRune reports whether r belongs inside a word.
func isWordRune(r rune) bool {
	switch {
	case r < utf8.RuneSelf:
		return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '_'
	case r >= 0x0621 && r <= 0x0669, r >= 0x0670 && r <= 0x06D3, r >= 0x06F0 && r <= 0x06F9:
		return true
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

func isDigitRune(r rune) bool {
	return r >= '0' && r <= '9' || r >= '٠' && r <= '٩' || r >= '۰' && r <= '۹'
}

// Quotation marks: those that only open, those that only close, and
// those that do either.
func quoteKind(r rune) (isQuote bool, dir int8) {
	switch r {
	case '«', '“', '„', '‹':
		return true, 1
	case '»', '”', '″', '›':
		return true, -1
	case '"':
		return true, 0
	}
	return false, 0
}

// kept reports whether a punctuation mark is kept as a token.
func kept(r rune) bool {
	switch r {
	case ':', '،', ',', '.', '!', '?', '؟', '؛', ';', '(', ')', '-', '–', '—', '/':
		return true
	}
	q, _ := quoteKind(r)
	return q
}

// tokenize splits the paragraph body[start:end] into tokens. A full stop,
// comma, slash or hyphen between two characters of a word or number
// ("19.3", "www.ipa.edu.sa", "08-04-2024") stays inside it.
func tokenize(body string, start, end int, buf []byte) ([]tok, []byte) {
	s := body[start:end]
	toks := make([]tok, 0, len(s)/6+4)
	wStart := -1
	buf = buf[:0]
	flush := func(i int) {
		if wStart >= 0 {
			if len(buf) > 0 {
				toks = append(toks, tok{start: start + wStart, end: start + i, w: string(buf)})
			}
			wStart, buf = -1, buf[:0]
		}
	}
	for i, r := range s {
		if isWordRune(r) {
			if wStart < 0 {
				wStart = i
			}
			if m := news.FoldRune(r); m >= 0 {
				buf = utf8.AppendRune(buf, m)
			}
			continue
		}
		if r == 'ـ' && wStart >= 0 { // tatweel inside a word
			continue
		}
		if wStart >= 0 && (r == '.' || r == ',' || r == '-' || r == '/' || r == ':') {
			// Inside a number or an address when a word character follows
			// directly (and, for ':' and ',', a digit on both sides).
			prev, _ := utf8.DecodeLastRuneInString(s[:i])
			next, _ := utf8.DecodeRuneInString(s[i+1:])
			inside := isWordRune(next) && isWordRune(prev)
			if r == ':' || r == ',' || r == '-' || r == '/' {
				inside = isDigitRune(prev) && isDigitRune(next)
			}
			if r == '.' && !isDigitRune(next) && !(next < utf8.RuneSelf && isWordRune(next)) {
				inside = false // "جيرو.." or ".وهذا": a sentence mark
			}
			if inside {
				buf = utf8.AppendRune(buf, r)
				continue
			}
		}
		flush(i)
		if kept(r) {
			t := tok{start: start + i, end: start + i + utf8.RuneLen(r), p: r}
			if ok, dir := quoteKind(r); ok {
				t.quote = dir
				if dir == 0 {
					// A straight quote is an opening one when a word follows
					// directly and space comes before, a closing one the
					// other way round.
					prev, _ := utf8.DecodeLastRuneInString(s[:i])
					next, _ := utf8.DecodeRuneInString(s[i+1:])
					prevSpace := i == 0 || unicode.IsSpace(prev) || prev == '(' || prev == 'ـ'
					nextSpace := i+1 >= len(s) || unicode.IsSpace(next) || unicode.IsPunct(next)
					switch {
					case prevSpace && !nextSpace:
						t.quote = 1
					case !prevSpace && nextSpace:
						t.quote = -1
					}
				}
			}
			toks = append(toks, t)
		}
	}
	flush(len(s))
	return toks, buf
}

// newPara tokenizes one paragraph and finds its quotations and sentences.
func newPara(body string, start, end int, buf []byte) (*para, []byte) {
	p := &para{start: start, end: end}
	p.toks, buf = tokenize(body, start, end, buf)
	n := len(p.toks)
	open, depth := -1, 0
	for i, t := range p.toks {
		if t.p == 0 {
			continue
		}
		if ok, _ := quoteKind(t.p); !ok {
			continue
		}
		switch {
		case open < 0:
			if t.quote >= 0 {
				open, depth = i, 0
			}
		case t.quote > 0 && t.p == p.toks[open].p:
			// The same mark opening again inside a quotation ("… فائقة.
			// "ويمثل …") continues it, as a quotation of several
			// paragraphs reopens each one.
		case t.quote > 0:
			depth++ // a quotation inside the quotation
		case depth > 0:
			depth--
		default:
			p.quotes = append(p.quotes, quoteSpan{open, i})
			open = -1
		}
	}
	if open >= 0 {
		p.quotes = append(p.quotes, quoteSpan{open, n})
	}
	p.inQuote = make([]int, n)
	for i := range p.inQuote {
		p.inQuote[i] = -1
	}
	for qi, q := range p.quotes {
		for k := q.open + 1; k < q.close; k++ {
			p.inQuote[k] = qi
		}
	}
	p.sentEnd = make([]int, n)
	p.sentStart = make([]int, n)
	s0 := 0
	for i := 0; i < n; i++ {
		if p.isStop(i) {
			for k := s0; k <= i; k++ {
				p.sentStart[k], p.sentEnd[k] = s0, i
			}
			s0 = i + 1
		}
	}
	for k := s0; k < n; k++ {
		p.sentStart[k], p.sentEnd[k] = s0, n
	}
	return p, buf
}

// isStop reports whether token i ends a sentence: a full stop, question
// or exclamation mark outside quotations, not one of several dots.
func (p *para) isStop(i int) bool {
	t := p.toks[i]
	switch t.p {
	case '.', '!', '?', '؟':
	default:
		return false
	}
	if p.inQuote[i] >= 0 {
		return false
	}
	if t.p == '.' {
		if i > 0 && p.toks[i-1].p == '.' && p.toks[i-1].end == t.start {
			return false
		}
		if i+1 < len(p.toks) && p.toks[i+1].p == '.' && p.toks[i+1].start == t.end {
			return false
		}
	}
	return true
}

// quoteAt returns the quotation whose opening mark is token i, or false.
func (p *para) quoteAt(i int) (quoteSpan, bool) {
	if i < 0 || i >= len(p.toks) || p.toks[i].p == 0 {
		return quoteSpan{}, false
	}
	for _, q := range p.quotes {
		if q.open == i {
			return q, true
		}
	}
	return quoteSpan{}, false
}

// opens reports whether token i opens a quotation.
func (p *para) opens(i int) bool {
	_, ok := p.quoteAt(i)
	return ok
}

// closes reports whether token i closes a quotation.
func (p *para) closes(i int) bool {
	for _, q := range p.quotes {
		if q.close == i {
			return true
		}
	}
	return false
}

// quoted reports whether token i is inside a quotation.
func (p *para) quoted(i int) bool { return p.inQuote[i] >= 0 }

// nextWord returns the index of the first word at or after i, or -1.
func (p *para) nextWord(i int) int {
	for ; i < len(p.toks); i++ {
		if p.toks[i].isWord() {
			return i
		}
	}
	return -1
}
