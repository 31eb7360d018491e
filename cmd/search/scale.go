package main

import (
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"strings"

	"github.com/fahras/fahras/indexer"
)

// scaleReader reads an archive scale times over: as it is, then as new
// articles recombined from its paragraphs, so that the cost of indexing
// can be measured at several sizes of one kind of archive. In each later
// round, an article keeps its title's first words, date and source and
// gets as many paragraphs as it had, each drawn from one of the last
// scaleWindow articles read; the draw is seeded by the round, so the same
// archive is made every time. Generated articles are read as text files
// are (ParseText), so they cost what an article read from the archive
// does.
type scaleReader struct {
	open   func() (indexer.Reader, error)
	scale  int
	round  int
	cur    indexer.Reader
	window [][]string // the paragraphs of recent articles
	next   int        // where the next article's paragraphs go in window
	rng    *rand.Rand
	done   int64 // bytes of the rounds finished
	total  int64 // bytes of one round
}

// scaleWindow is how many recent articles a recombined article's
// paragraphs are drawn from.
const scaleWindow = 64

func newScaleReader(open func() (indexer.Reader, error), scale int) (*scaleReader, error) {
	r, err := open()
	if err != nil {
		return nil, err
	}
	_, total := r.Progress()
	return &scaleReader{open: open, scale: scale, cur: r, rng: rand.New(rand.NewPCG(0, 0)), total: total}, nil
}

func (s *scaleReader) Next() (*indexer.Article, error) {
	for {
		a, err := s.cur.Next()
		if errors.Is(err, io.EOF) {
			if s.round+1 >= s.scale {
				return nil, io.EOF
			}
			s.cur.Close()
			if s.cur, err = s.open(); err != nil {
				return nil, err
			}
			s.round++
			s.done += s.total
			s.rng = rand.New(rand.NewPCG(uint64(s.round), 0))
			s.window, s.next = nil, 0
			continue
		}
		if err != nil || s.round == 0 {
			if a != nil {
				s.remember(a)
			}
			return a, err
		}
		return s.recombine(a), nil
	}
}

// remember keeps an article's paragraphs in the window.
func (s *scaleReader) remember(a *indexer.Article) {
	paras := strings.Split(a.Body, "\n\n")
	if len(s.window) < scaleWindow {
		s.window = append(s.window, paras)
		return
	}
	s.window[s.next] = paras
	s.next = (s.next + 1) % scaleWindow
}

// recombine makes a new article of an article read again.
func (s *scaleReader) recombine(a *indexer.Article) *indexer.Article {
	n := len(strings.Split(a.Body, "\n\n"))
	s.remember(a)
	var body strings.Builder
	for i := 0; i < n; i++ {
		src := s.window[s.rng.IntN(len(s.window))]
		if i > 0 {
			body.WriteString("\n\n")
		}
		body.WriteString(src[s.rng.IntN(len(src))])
	}
	words := strings.Fields(a.Title)
	title := strings.Join(words[:min(len(words), 6)], " ")
	b := indexer.ParseText(fmt.Sprintf("%s~%d", a.ID, s.round), title+"\n\n"+body.String())
	b.Title, b.Date, b.Source = title, a.Date, a.Source
	return b
}

func (s *scaleReader) Progress() (int64, int64) {
	read, _ := s.cur.Progress()
	return s.done + read, s.total * int64(s.scale)
}

func (s *scaleReader) Close() error { return s.cur.Close() }
