package news

import (
	"math"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// Repeats learns which lines recur across the articles of each source, so
// that a site's own boilerplate (a slogan, a newsletter prompt, a rights
// line) is recognized without listing it. It is safe for concurrent use.
//
// A line counts as repeated once it has been seen in at least
// max(MinArticles, ⌈Share × articles observed for the source⌉) of the
// source's articles. Lines are compared in matching form with every digit
// read as 0, so "تعليق (3)" and "تعليق (12)" are one line. Memory is
// bounded: each source keeps at most MaxLines distinct lines; when that is
// reached the lines seen only once are forgotten, and if every line has
// been seen more than once, new lines are not recorded. Sources are not
// capped: one model is meant for one archive's few dozen sites. Until a
// source has had a few articles observed nothing of it counts as
// repeated, so a streaming indexer either observes an archive before
// cleaning it or accepts that its first articles keep their boilerplate.
type Repeats struct {
	MinArticles int     // default 3
	Share       float64 // default 0.05
	MaxLines    int     // per source; default 1 << 16

	mu      sync.Mutex
	sources map[string]*sourceLines
}

type sourceLines struct {
	articles int
	counts   map[uint64]uint32
}

// NewRepeats returns an empty model with the default thresholds.
func NewRepeats() *Repeats {
	return &Repeats{MinArticles: 3, Share: 0.05, MaxLines: 1 << 16}
}

// lineKey hashes a line in matching form, digits as 0, spaces collapsed
// (FNV-1a).
func lineKey(line string) (uint64, bool) {
	return normKey(normalize(line))
}

// normKey is lineKey of a line already in matching form (so valid
// UTF-8).
func normKey(norm string) (uint64, bool) {
	h := uint64(fnvOffset)
	n := 0
	space := false
	for i := 0; i < len(norm); {
		c := norm[i]
		size := 1
		switch {
		case c == ' ' || c >= '\t' && c <= '\r':
			space = n > 0
			i++
			continue
		case c >= '0' && c <= '9':
			c = '0'
		case c >= utf8.RuneSelf:
			if c == 0xC2 || c == 0xE1 || c == 0xE2 || c == 0xE3 {
				// The lead bytes of U+0085, U+00A0, U+1680, U+2000 to
				// U+205F and U+3000, the spaces beyond ASCII.
				var r rune
				if r, size = utf8.DecodeRuneInString(norm[i:]); unicode.IsSpace(r) {
					space = n > 0
					i += size
					continue
				}
			} else if size = 2; c >= 0xF0 {
				size = 4
			} else if c >= 0xE0 {
				size = 3
			}
		}
		if space {
			h = (h ^ ' ') * fnvPrime
			space = false
		}
		h = (h ^ uint64(c)) * fnvPrime
		for _, b := range []byte(norm[i+1 : i+size]) {
			h = (h ^ uint64(b)) * fnvPrime
		}
		n++
		i += size
	}
	return h, n > 0
}

// Observe records one article of source: each distinct non-empty line
// counts once.
func (r *Repeats) Observe(source string, lines []string) {
	keys := make([]uint64, 0, len(lines))
	for _, l := range lines {
		if k, ok := lineKey(strings.TrimSpace(l)); ok {
			keys = append(keys, k)
		}
	}
	r.observeKeys(source, keys)
}

// observeKeys records one article of source by the keys of its lines.
func (r *Repeats) observeKeys(source string, keys []uint64) {
	slices.Sort(keys)
	keys = slices.Compact(keys)
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.sources == nil {
		r.sources = make(map[string]*sourceLines)
	}
	s := r.sources[source]
	if s == nil {
		s = &sourceLines{counts: make(map[uint64]uint32)}
		r.sources[source] = s
	}
	s.articles++
	max := r.MaxLines
	if max <= 0 {
		max = 1 << 16
	}
	for _, k := range keys {
		if c, ok := s.counts[k]; ok {
			if c < math.MaxUint32 {
				s.counts[k] = c + 1
			}
			continue
		}
		if len(s.counts) >= max {
			for kk, c := range s.counts {
				if c <= 1 {
					delete(s.counts, kk)
				}
			}
			if len(s.counts) >= max {
				continue
			}
		}
		s.counts[k] = 1
	}
}

// ObserveText records one article given as raw text.
func (r *Repeats) ObserveText(source, raw string) {
	r.Observe(source, strings.Split(raw, "\n"))
}

// Repeated reports whether line recurs across source's articles (see
// Repeats).
func (r *Repeats) Repeated(source, line string) bool {
	k, ok := lineKey(strings.TrimSpace(line))
	return ok && r.repeatedHash(source, k)
}

// repeatedHash is Repeated for a line whose key (see lineKey) is k.
func (r *Repeats) repeatedHash(source string, k uint64) bool {
	r.mu.Lock()
	defer r.mu.Unlock()
	s := r.sources[source]
	if s == nil {
		return false
	}
	return int(s.counts[k]) >= r.threshold(s.articles)
}

func (r *Repeats) threshold(articles int) int {
	min := r.MinArticles
	if min <= 0 {
		min = 3
	}
	share := r.Share
	if share <= 0 {
		share = 0.05
	}
	t := int(math.Ceil(share * float64(articles)))
	if t < min {
		t = min
	}
	return t
}

// Len returns how many distinct lines are held for source.
func (r *Repeats) Len(source string) int {
	r.mu.Lock()
	defer r.mu.Unlock()
	if s := r.sources[source]; s != nil {
		return len(s.counts)
	}
	return 0
}
