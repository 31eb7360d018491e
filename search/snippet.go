package search

import (
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/fahras/fahras/indexer/arabic"
)

// maxSnippetScan bounds how much of a body snippets are looked for in:
// its start, cut at a space. Marking the words of a hostile article of
// many megabytes for every hit would make each search take seconds.
const maxSnippetScan = 256 << 10

// snippetScope returns the part of a body that snippets are taken from.
func snippetScope(body string) string {
	if len(body) <= maxSnippetScan {
		return body
	}
	cut := strings.LastIndexFunc(body[:maxSnippetScan], unicode.IsSpace)
	if cut <= 0 {
		cut = maxSnippetScan
		for cut > 0 && !utf8.RuneStart(body[cut]) {
			cut--
		}
	}
	return body[:cut]
}

// Snippet shape: at most maxFragments fragments of at most fragmentWords
// words each, none sharing a run of repeatRun words with the title or
// with another.
const (
	maxFragments  = 3
	fragmentWords = 24
	repeatRun     = 8
	// minRepeatTitle is the fewest words of a title that a snippet
	// repeating all of them counts as showing twice.
	minRepeatTitle = 4
)

// word is one word of a text, by byte offsets.
type word struct {
	start, end int
	match      bool
	key        string // the matched index term, to count distinct matches
}

// matches are the positions of a text's words that a query matched, and
// the index term each matched by: what the index holds for the plan's
// marked terms in one field of one article.
type matches map[int]string

// words cuts text into words as the analysis does (arabic.Words, whose
// positions the index holds) and flags the ones at matched positions. It
// stops after the word at position last, when last > 0.
func words(text string, m matches, last int) []word {
	return appendWords(nil, text, m, last)
}

// appendWords is words appending to ws, whose room is used again.
func appendWords(ws []word, text string, m matches, last int) []word {
	// The matched positions in order, checked as the words go by.
	at := make([]int, 0, len(m))
	for p := range m {
		at = append(at, p)
	}
	slices.Sort(at)
	n := len(text)/6 + 1
	if last > 0 {
		n = min(n, last)
	}
	base := len(ws)
	ws = slices.Grow(ws, n)
	arabic.WordsUntil(text, last, func(start, end int) {
		w := word{start: start, end: end}
		pos := len(ws) - base + 1
		for len(at) > 0 && at[0] < pos {
			at = at[1:]
		}
		if len(at) > 0 && at[0] == pos {
			w.match, w.key = true, m[pos]
		}
		ws = append(ws, w)
	})
	return ws
}

// whole marks every matched word of text.
func whole(text string, m matches) Snippet {
	return render(text, words(text, m, 0), 0, len(text), foldSpace)
}

// paragraphs marks every matched word of text and keeps its line breaks:
// white space with a line break in it becomes one "\n", other runs of
// white space one space.
func paragraphs(text string, m matches) Snippet {
	return render(text, words(text, m, 0), 0, len(text), foldLines)
}

// render builds the snippet of text[from:to], marking the matched words
// among ws and folding its white space with fold.
func render(text string, ws []word, from, to int, fold func(string) string) Snippet {
	var s Snippet
	add := func(t string, match bool) {
		t = fold(t)
		if t == "" {
			return
		}
		if n := len(s); n > 0 && s[n-1].Match == match {
			s[n-1].Text += t
			return
		}
		s = append(s, Part{Text: t, Match: match})
	}
	pos := from
	// ws is in text order: start at the first word that ends after from
	// and stop at the first that starts at or after to.
	first := sort.Search(len(ws), func(i int) bool { return ws[i].end > from })
	for _, w := range ws[first:] {
		if w.start >= to {
			break
		}
		if !w.match {
			continue
		}
		add(text[pos:w.start], false)
		add(text[w.start:w.end], true)
		pos = w.end
	}
	add(text[pos:to], false)
	return s
}

// foldLines turns each run of white space into one space, or one line
// break when it holds one.
func foldLines(t string) string { return foldWhite(t, true) }

// foldSpace turns each run of white space into one space.
func foldSpace(t string) string { return foldWhite(t, false) }

// foldWhite turns each run of white space into one space, or, when lines
// is set and the run holds a line break, into one line break.
func foldWhite(t string, lines bool) string {
	if !strings.ContainsFunc(t, func(r rune) bool { return unicode.IsSpace(r) && r != ' ' }) && !strings.Contains(t, "  ") {
		return t
	}
	var b strings.Builder
	space, line := false, false
	flush := func() {
		switch {
		case line:
			b.WriteByte('\n')
		case space:
			b.WriteByte(' ')
		}
		space, line = false, false
	}
	for _, r := range t {
		if unicode.IsSpace(r) {
			space = true
			line = line || lines && r == '\n'
			continue
		}
		flush()
		b.WriteRune(r)
	}
	flush()
	return b.String()
}

// fragments picks up to maxFragments short passages of text that hold the
// most distinct matched words, in text order, each starting and ending on
// a whole word. With no match it returns the opening words.
func fragments(text, title string, m matches) []Snippet {
	var scratch []word
	return fragmentsWith(&scratch, text, title, m)
}

// fragmentsWith is fragments keeping the text's words in *scratch, whose
// room is used again, so that the hits of a page share it.
func fragmentsWith(scratch *[]word, text, title string, m matches) []Snippet {
	// Only the words up to a fragment's length past the last match are
	// needed (one more tells whether the last fragment ends the text).
	last := 0
	for p := range m {
		last = max(last, p)
	}
	ws := appendWords((*scratch)[:0], text, m, last+fragmentWords+1)
	*scratch = ws
	if len(ws) == 0 {
		return nil
	}
	// A fragment stays within its paragraph: para[i] numbers the paragraph
	// (run of lines without a line break between words) of word i.
	para := make([]int, len(ws))
	for i := 1; i < len(ws); i++ {
		para[i] = para[i-1]
		if strings.ContainsRune(text[ws[i-1].end:ws[i].start], '\n') {
			para[i]++
		}
	}
	paraStart := func(i int) bool { return i == 0 || para[i] != para[i-1] }
	// paraEnd tells whether a fragment ending before word i ends its
	// paragraph.
	paraEnd := func(i int) bool { return i == len(ws) || para[i] != para[i-1] }
	// A window is a fragment's words, [from, to).
	type window struct{ from, to, score int }
	var cands []window
	for i, w := range ws {
		if !w.match {
			continue
		}
		from := max(0, i-fragmentWords/3)
		to := min(len(ws), from+fragmentWords)
		from = max(0, to-fragmentWords)
		for from < i && para[from] != para[i] {
			from++
		}
		for to > i+1 && para[to-1] != para[i] {
			to--
		}
		var distinct [fragmentWords]string
		nd, n := 0, 0
		for _, x := range ws[from:to] {
			if x.match {
				n++
				if !slices.Contains(distinct[:nd], x.key) {
					distinct[nd] = x.key
					nd++
				}
			}
		}
		cands = append(cands, window{from, to, 4*nd + n})
	}
	var picked []window
	if len(cands) == 0 {
		// No match in the text: its opening words, from the first
		// paragraph that does not repeat the title.
		for from := 0; from < len(ws); from++ {
			if !paraStart(from) {
				continue
			}
			to := min(len(ws), from+fragmentWords)
			for to > from+1 && para[to-1] != para[from] {
				to--
			}
			cands = append(cands, window{from, to, -from})
		}
	}
	sort.SliceStable(cands, func(i, j int) bool { return cands[i].score > cands[j].score })
	// A passage shown once is not shown again: a window sharing a run of
	// repeatRun words with the title or a window already picked (a
	// headline or lede the page prints twice) is passed over.
	// A title shorter than repeatRun words counts as repeated whole.
	type run struct {
		n    int
		seen map[uint64]bool
	}
	runs := []*run{{n: repeatRun, seen: map[uint64]bool{}}}
	// A run of words is known by a hash of its words' hashes.
	runHash := func(hs []uint64) uint64 {
		h := uint64(14695981039346656037)
		for _, x := range hs {
			h = (h ^ x) * 1099511628211
		}
		return h
	}
	remember := func(r *run, hs []uint64) {
		for i := 0; i+r.n <= len(hs); i++ {
			r.seen[runHash(hs[i:i+r.n])] = true
		}
	}
	repeats := func(hs []uint64) bool {
		for _, r := range runs {
			for i := 0; i+r.n <= len(hs); i++ {
				if r.seen[runHash(hs[i:i+r.n])] {
					return true
				}
			}
		}
		return false
	}
	hashesOf := func(w window) []uint64 {
		out := make([]uint64, 0, w.to-w.from)
		for _, x := range ws[w.from:w.to] {
			out = append(out, wordHash(text[x.start:x.end]))
		}
		return out
	}
	if title != "" {
		var tw []uint64
		arabic.Words(title, func(s, e int) { tw = append(tw, wordHash(title[s:e])) })
		if n := len(tw); n >= minRepeatTitle && n < repeatRun {
			runs = append(runs, &run{n: n, seen: map[uint64]bool{}})
			remember(runs[1], tw)
		}
		remember(runs[0], tw)
	}
	limit := maxFragments
	if len(m) == 0 {
		limit = 1
	}
	for _, c := range cands {
		if len(picked) == limit {
			break
		}
		overlaps := false
		for _, p := range picked {
			if c.from < p.to && p.from < c.to {
				overlaps = true
				break
			}
		}
		if overlaps {
			continue
		}
		if cw := hashesOf(c); !repeats(cw) {
			picked = append(picked, c)
			remember(runs[0], cw)
		}
	}
	sort.Slice(picked, func(i, j int) bool { return picked[i].from < picked[j].from })
	out := make([]Snippet, 0, len(picked))
	for _, p := range picked {
		from, to := ws[p.from].start, ws[p.to-1].end
		// Keep closing punctuation attached to the last word, and a
		// sign that goes with a number after a space (3 %).
		to = closing(text, to)
		s := render(text, ws, from, to, foldSpace)
		if !paraStart(p.from) {
			s = append(Snippet{{Text: "… "}}, s...)
		}
		if !paraEnd(p.to) {
			s = append(s, Part{Text: " …"})
		}
		out = append(out, normalizeParts(s))
	}
	return out
}

// normalizeParts merges neighbouring parts of the same kind.
func normalizeParts(s Snippet) Snippet {
	var out Snippet
	for _, p := range s {
		if n := len(out); n > 0 && out[n-1].Match == p.Match {
			out[n-1].Text += p.Text
			continue
		}
		out = append(out, p)
	}
	return out
}

// closing returns where a fragment ending at to ends once the punctuation
// attached to its last word is added, and a percent or per-mille sign
// after one space, which belongs to the number before it (بحوالي 3 %).
func closing(text string, to int) int {
	if rest := text[to:]; strings.HasPrefix(rest, " ") {
		r, size := utf8.DecodeRuneInString(rest[1:])
		if r == '%' || r == '٪' || r == '‰' {
			to += 1 + size
		}
	}
	for to < len(text) {
		r, size := utf8.DecodeRuneInString(text[to:])
		if unicode.IsSpace(r) || unicode.IsLetter(r) || unicode.IsDigit(r) {
			break
		}
		to += size
	}
	return to
}

// wordHash is a 64-bit FNV-1a hash of a word as written.
func wordHash(w string) uint64 {
	h := uint64(14695981039346656037)
	for i := 0; i < len(w); i++ {
		h = (h ^ uint64(w[i])) * 1099511628211
	}
	return h
}
