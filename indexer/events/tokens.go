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
	words      []string // each token's matching form, "" for punctuation
	trig       []uint8  // each token's trigger bits (see triggers)
	// inQuote[i] is the index of the quotation token i is inside, or -1.
	inQuote []int
	// quotes are the quotations: token indexes of the opening and closing
	// marks (close == len(toks) when the paragraph ends first).
	quotes []quoteSpan
	// markOf[i] is 1 + the index in quotes of the quotation token i opens
	// or closes (a mark that does both belongs to neither), 0 for none.
	markOf []int
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

// isPerson reports whether a gazetteer name starts at token i.
func (p *para) isPerson(i int) bool {
	_, ok := p.persons[i]
	return ok
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

// arabicFold is news.FoldRune over the Arabic block U+0600–U+06FF, with
// notWord for the block's punctuation and symbols, so that the tokenizer
// reads an Arabic letter with one table look-up.
var arabicFold = func() (t [0x100]rune) {
	for i := range t {
		r := rune(0x600 + i)
		if !isWordRune(r) {
			t[i] = notWord
			continue
		}
		t[i] = news.FoldRune(r)
	}
	return
}()

const notWord = -2

// fold returns r in matching form, -1 when it is dropped inside a word
// (a diacritic, tatweel), or notWord when it is not part of a word.
func fold(r rune) rune {
	switch {
	case r < utf8.RuneSelf:
		switch {
		case r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '_':
			return r
		case r >= 'A' && r <= 'Z':
			return r + ('a' - 'A')
		}
		return notWord
	case r >= 0x600 && r <= 0x6FF:
		if r == 'ـ' {
			return -1
		}
		return arabicFold[r-0x600]
	case isWordRune(r):
		return news.FoldRune(r)
	}
	return notWord
}

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

// tokenize splits the paragraph body[start:end] into tokens. A full stop
// between two characters of a word or number ("19.3", "www.ipa.edu.sa"),
// and a comma, hyphen, slash or colon between two digits ("08-04-2024",
// "4,5"), stays inside it. The words' matching forms share one string.
func tokenize(body string, start, end int, buf []byte) ([]tok, []byte) {
	s := body[start:end]
	toks := make([]tok, 0, len(s)/6+4)
	type span struct{ from, to int32 }
	spans := make([]span, 0, len(s)/6+4)
	buf = buf[:0]
	wStart, bStart := -1, 0
	flush := func(i int) {
		if wStart >= 0 {
			if len(buf) > bStart {
				toks = append(toks, tok{start: start + wStart, end: start + i})
				spans = append(spans, span{int32(bStart), int32(len(buf))})
			}
			wStart = -1
		}
	}
	for i, r := range s {
		if m := fold(r); m != notWord {
			if m == -1 && r == 'ـ' && wStart < 0 {
				continue // tatweel outside a word
			}
			if wStart < 0 {
				wStart, bStart = i, len(buf)
			}
			switch {
			case m < 0:
			case m < utf8.RuneSelf:
				buf = append(buf, byte(m))
			case m < 0x800:
				buf = append(buf, byte(0xC0|m>>6), byte(0x80|m&0x3F))
			default:
				buf = utf8.AppendRune(buf, m)
			}
			continue
		}
		if wStart >= 0 && (r == '.' || r == ',' || r == '-' || r == '/' || r == ':') {
			prev, _ := utf8.DecodeLastRuneInString(s[:i])
			next, _ := utf8.DecodeRuneInString(s[i+1:])
			inside := isWordRune(next) && isWordRune(prev)
			if r != '.' {
				inside = isDigitRune(prev) && isDigitRune(next)
			} else if !isDigitRune(next) && !(next < utf8.RuneSelf && isWordRune(next)) {
				inside = false // "جيرو.." or ".وهذا": a sentence mark
			}
			if inside {
				buf = append(buf, byte(r))
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
			spans = append(spans, span{-1, -1})
		}
	}
	flush(len(s))
	all := string(buf)
	for i, sp := range spans {
		if sp.from >= 0 {
			toks[i].w = all[sp.from:sp.to]
		}
	}
	return toks, buf
}

// newPara tokenizes one paragraph and finds its quotations and sentences.
func newPara(body string, start, end int, buf []byte) (*para, []byte) {
	p := &para{start: start, end: end}
	p.toks, buf = tokenize(body, start, end, buf)
	n := len(p.toks)
	p.words = make([]string, n)
	ints := make([]int, 4*n)
	p.inQuote, p.sentEnd, p.sentStart, p.markOf = ints[:n:n], ints[n:2*n:2*n], ints[2*n:3*n:3*n], ints[3*n:]
	p.trig = make([]uint8, n)
	for i, t := range p.toks {
		p.words[i] = t.w
		if t.w != "" {
			p.trig[i] = triggerOf(t.w)
		}
	}
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
	for i := range p.inQuote {
		p.inQuote[i] = -1
	}
	for qi, q := range p.quotes {
		for k := q.open + 1; k < q.close; k++ {
			p.inQuote[k] = qi
		}
		p.markOf[q.open] = qi + 1
		if q.close < n {
			p.markOf[q.close] = qi + 1
		}
	}
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
	if i < 0 || i >= len(p.toks) || p.markOf[i] == 0 {
		return quoteSpan{}, false
	}
	if q := p.quotes[p.markOf[i]-1]; q.open == i {
		return q, true
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
	return i >= 0 && i < len(p.toks) && p.markOf[i] != 0 && p.quotes[p.markOf[i]-1].close == i
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
