package news

import (
	"math"
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
	h := uint64(fnvOffset)
	n := 0
	space := false
	for _, r := range normalize(line) {
		switch {
		case unicode.IsSpace(r):
			space = n > 0
			continue
		case r >= '0' && r <= '9':
			r = '0'
		}
		if space {
			h = (h ^ ' ') * fnvPrime
			space = false
		}
		if r < utf8.RuneSelf {
			h = (h ^ uint64(r)) * fnvPrime
		} else {
			var buf [utf8.UTFMax]byte
			for _, c := range buf[:utf8.EncodeRune(buf[:], r)] {
				h = (h ^ uint64(c)) * fnvPrime
			}
		}
		n++
	}
	return h, n > 0
}

// Observe records one article of source: each distinct non-empty line
// counts once.
func (r *Repeats) Observe(source string, lines []string) {
	seen := make(map[uint64]bool, len(lines))
	for _, l := range lines {
		if k, ok := lineKey(strings.TrimSpace(l)); ok {
			seen[k] = true
		}
	}
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
	for k := range seen {
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
	if !ok {
		return false
	}
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
