package events

import (
	"slices"
	"sync"
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
	// persons are the gazetteer names, in order: each one's first token,
	// the index after its last token, and the name.
	persons []personSpan
}

type personSpan struct {
	from, end int
	name      string
}

// person returns the gazetteer name that starts at token i, or nil.
func (p *para) person(i int) *personSpan {
	k, ok := slices.BinarySearchFunc(p.persons, i, func(s personSpan, i int) int { return s.from - i })
	if !ok {
		return nil
	}
	return &p.persons[k]
}

// isPerson reports whether a gazetteer name starts at token i.
func (p *para) isPerson(i int) bool {
	return p.person(i) != nil
}

// personAt returns the gazetteer person whose name starts at token i and
// the index after it, or "".
func (p *para) personAt(i int) (string, int) {
	if s := p.person(i); s != nil {
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

// scratch is the working memory of one Extract: the tokens of every
// paragraph and what newPara finds on them, in arrays shared by the
// paragraphs. Extract takes one from scratchPool and returns it, so that
// the arrays are reused from article to article.
type scratch struct {
	buf   []byte // the words' matching forms, one after the other
	toks  []tok
	spans []span // each token's word in buf, or -1 -1 for punctuation
	words []string
	trig  []uint8
	ints  []int
	quote []quoteSpan
	paras []para
	ptrs  []*para
	cuts  []paraCut
	// persons are the paragraphs' gazetteer names, each paragraph's
	// together (see extractor.rememberPeople).
	persons []personSpan
}

// span is a word's matching form in scratch.buf.
type span struct{ from, to int32 }

// paraCut is a paragraph's byte span in its text and its tokens' span in
// scratch.toks.
type paraCut struct{ start, end, from, to int }

var scratchPool = sync.Pool{New: func() any { return new(scratch) }}

// maxScratch is the most tokens (or bytes of words) a scratch keeps for
// the next article: an outsized text does not hold on to its arrays.
const maxScratch = 1 << 18

// put clears what the scratch refers to and returns it to the pool.
func (sc *scratch) put() {
	clear(sc.toks)
	clear(sc.words)
	clear(sc.paras)
	clear(sc.ptrs)
	clear(sc.persons)
	if cap(sc.toks) > maxScratch || cap(sc.buf) > 4*maxScratch || cap(sc.quote) > maxScratch {
		return
	}
	sc.buf, sc.toks, sc.spans, sc.words, sc.trig = sc.buf[:0], sc.toks[:0], sc.spans[:0], sc.words[:0], sc.trig[:0]
	sc.ints, sc.quote, sc.paras, sc.ptrs, sc.cuts = sc.ints[:0], sc.quote[:0], sc.paras[:0], sc.ptrs[:0], sc.cuts[:0]
	sc.persons = sc.persons[:0]
	scratchPool.Put(sc)
}

// grow returns s with length n, reusing its array when it is long enough.
func grow[T any](s []T, n int) []T {
	if cap(s) < n {
		return make([]T, n)
	}
	return s[:n]
}

// addPara tokenizes the paragraph text[start:end] into the scratch; its
// words take their strings in paras.
func (sc *scratch) addPara(text string, start, end int) {
	from := len(sc.toks)
	sc.tokenize(text, start, end)
	sc.cuts = append(sc.cuts, paraCut{start, end, from, len(sc.toks)})
}

// paragraphs returns the paragraphs added, in order: the words' matching
// forms share one string, and the paragraphs' arrays the scratch's.
func (sc *scratch) paragraphs() []*para {
	all := string(sc.buf)
	for i, sp := range sc.spans {
		if sp.from >= 0 {
			sc.toks[i].w = all[sp.from:sp.to]
		}
	}
	n := len(sc.toks)
	sc.words, sc.trig, sc.ints = grow(sc.words, n), grow(sc.trig, n), grow(sc.ints, 4*n)
	sc.paras, sc.ptrs = grow(sc.paras, len(sc.cuts)), grow(sc.ptrs, len(sc.cuts))
	for k, c := range sc.cuts {
		p := &sc.paras[k]
		a, b := c.from, c.to
		p.start, p.end = c.start, c.end
		p.toks, p.words, p.trig = sc.toks[a:b:b], sc.words[a:b:b], sc.trig[a:b:b]
		ints := sc.ints[4*a : 4*b : 4*b]
		m := b - a
		p.inQuote, p.sentEnd, p.sentStart, p.markOf = ints[:m:m], ints[m:2*m:2*m], ints[2*m:3*m:3*m], ints[3*m:]
		q := len(sc.quote)
		sc.quote = p.init(sc.quote)
		p.quotes = sc.quote[q:len(sc.quote):len(sc.quote)]
		if len(p.quotes) == 0 {
			p.quotes = nil
		}
		sc.ptrs[k] = p
	}
	return sc.ptrs
}

// tokenize splits the paragraph text[start:end] into tokens, appended to
// sc.toks, their words' matching forms to sc.buf. A full stop between two
// characters of a word or number ("19.3", "www.ipa.edu.sa"), and a comma,
// hyphen, slash or colon between two digits ("08-04-2024", "4,5"), stays
// inside it.
func (sc *scratch) tokenize(text string, start, end int) {
	s := text[start:end]
	toks, spans, buf := sc.toks, sc.spans, sc.buf
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
	sc.toks, sc.spans, sc.buf = toks, spans, buf
}

// init finds the quotations and sentences of a paragraph whose tokens are
// read, in arrays of the tokens' length, appending its quotations to
// quotes.
func (p *para) init(quotes []quoteSpan) []quoteSpan {
	n := len(p.toks)
	for i, t := range p.toks {
		p.words[i] = t.w
		p.trig[i] = 0
		if t.w != "" {
			p.trig[i] = triggerOf(t.w)
		}
		p.markOf[i] = 0
	}
	q0 := len(quotes)
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
			quotes = append(quotes, quoteSpan{open, i})
			open = -1
		}
	}
	if open >= 0 {
		quotes = append(quotes, quoteSpan{open, n})
	}
	for i := range p.inQuote {
		p.inQuote[i] = -1
	}
	for qi, q := range quotes[q0:] {
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
	return quotes
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
