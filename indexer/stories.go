package indexer

import (
	"context"
	"fmt"
	"slices"
	"time"

	"github.com/fahras/fahras/indexer/news"
	"github.com/fahras/fahras/store"
)

// storyBands is how many single MinHash values of an article's signature
// find its story's first article: each is indexed as a term of its own
// (store.FieldDup) and kept in memory during a build. Two articles share
// one value with a probability equal to their Jaccard similarity J, so
// sixteen find a pair at the near-duplicate threshold (J = 0.25) 99 times
// in 100, and unrelated articles (J ≈ 0.02) share one a quarter of the
// time, to be set apart by comparing whole signatures.
const storyBands = 16

// storyDays is how far apart, in days, two dated articles may be and
// still tell one story: a report and its reprints come out within days,
// while the same template a week later (a king leaving Jeddah, then
// arriving in Morocco) is another story.
const storyDays = 3

// stories assigns each article written to a story: the first article of
// its group of near-duplicates, which it is folded into when searched.
// An article joins the story of the most similar first article whose
// signature it nearly shares (news.NearDuplicate) and whose date is close
// (storyDays), else it starts a story of its own. It is compared with
// first articles only, never with the others of a story, so that a chain
// of articles each a little like the next does not make one story of a
// week's news.
type stories struct {
	w       *store.Writer // the index being written, for an update's earlier stories
	leaders []leader
	byBand  bandTable          // band value → indexes in leaders
	old     map[string]*leader // first articles of the index before an update, as read
}

// leader is the first article of a story, as stories remembers it: its
// signature cut to eight bits a value (b-bit MinHash) to keep memory low.
type leader struct {
	id   string
	sig  [news.NumHashes]uint8
	date time.Time
}

func newStories(w *store.Writer) *stories {
	return &stories{w: w, old: map[string]*leader{}}
}

// bands returns the band values of a signature and their index terms.
func bands(sig news.Sig) ([storyBands]uint64, []string) {
	var keys [storyBands]uint64
	terms := make([]string, storyBands)
	for i := range keys {
		keys[i] = uint64(i)<<32 | uint64(sig[i])
		terms[i] = fmt.Sprintf("%02x%08x", i, sig[i])
	}
	return keys, terms
}

// assign returns the story of an article and, when it starts one, the
// band terms to index.
func (s *stories) assign(ctx context.Context, id string, sig news.Sig, date time.Time) (story string, terms []string, err error) {
	if sig.Empty() {
		return id, nil, nil
	}
	keys, terms := bands(sig)
	short := shorten(sig)
	best, bestSim := "", news.NearDuplicate
	consider := func(l *leader) {
		if l.id == id || !closeDates(l.date, date) {
			return
		}
		if sim := shortSimilarity(short, l.sig); sim >= bestSim {
			best, bestSim = l.id, sim
		}
	}
	// The leaders sharing a band value (few), each considered once, in
	// the order they started their stories.
	var seen, cands []int32
	var many map[int32]bool // seen, once it is long: stories of one template
	for _, k := range keys {
		cands = cands[:0]
		s.byBand.each(k, func(i int32) { cands = append(cands, i) })
		for j := len(cands) - 1; j >= 0; j-- {
			i := cands[j]
			if many != nil {
				if many[i] {
					continue
				}
				many[i] = true
			} else if slices.Contains(seen, i) {
				continue
			} else if seen = append(seen, i); len(seen) > 32 {
				many = map[int32]bool{}
				for _, x := range seen {
					many[x] = true
				}
			}
			consider(&s.leaders[i])
		}
	}
	if s.w.Updating() {
		ids, err := s.w.OldLeaders(ctx, terms)
		if err != nil {
			return "", nil, err
		}
		for _, oid := range ids {
			l, err := s.oldLeader(oid)
			if err != nil {
				return "", nil, err
			}
			if l != nil {
				consider(l)
			}
		}
	}
	if best != "" {
		return best, nil, nil
	}
	s.leaders = append(s.leaders, leader{id: id, sig: short, date: date})
	for _, k := range keys {
		s.byBand.add(k, int32(len(s.leaders)-1))
	}
	return id, terms, nil
}

// oldLeader reads a first article of the index before the update, its
// signature made again from its stored body.
func (s *stories) oldLeader(id string) (*leader, error) {
	if l, ok := s.old[id]; ok {
		return l, nil
	}
	rec, err := s.w.Old(id)
	if err != nil || rec == nil {
		return nil, err
	}
	_, body, err := s.w.Codec().Text(rec)
	if err != nil {
		return nil, fmt.Errorf("article %s: %w", id, err)
	}
	l := &leader{id: id, sig: shorten(news.Signature(body)), date: rec.Date}
	s.old[id] = l
	return l, nil
}

// closeDates tells whether two publication dates may be one story's:
// within storyDays, or either unknown.
func closeDates(a, b time.Time) bool {
	if a.IsZero() || b.IsZero() {
		return true
	}
	d := a.Sub(b)
	return d <= storyDays*24*time.Hour && d >= -storyDays*24*time.Hour
}

// shorten keeps the low eight bits of each signature value.
func shorten(sig news.Sig) (out [news.NumHashes]uint8) {
	for i, v := range sig {
		out[i] = uint8(v)
	}
	return out
}

// shortSimilarity estimates the Jaccard similarity of two texts from
// their shortened signatures: values equal by chance (one in 256) are
// discounted.
func shortSimilarity(a, b [news.NumHashes]uint8) float64 {
	eq := 0
	for i := range a {
		if a[i] == b[i] {
			eq++
		}
	}
	const chance = 1.0 / 256
	return (float64(eq)/news.NumHashes - chance) / (1 - chance)
}
