//go:build corpus

package news

import (
	"sort"
	"strings"
	"testing"
)

// Streaming all of SaudiNewsNet through one Repeats: each source's own
// boilerplate is learnt, a story's lines are not, and memory stays within
// the cap. Skipped when the corpus is absent.
func TestCorpusRepeats(t *testing.T) {
	if testing.Short() {
		t.Skip("reads the whole corpus")
	}
	r := NewRepeats()
	var spa corpusArticle
	perSource := map[string]int{}
	readCorpus(t, func(a corpusArticle) {
		r.ObserveText(a.Source, a.Content)
		perSource[a.Source]++
		if a.ID == "snn-029302" {
			spa = a
		}
	})
	if spa.ID == "" {
		t.Fatal("snn-029302 not in the corpus")
	}
	// Count, per source, the lines of its articles that are repeated.
	marked := map[string]int{}
	lines := map[string]int{}
	readCorpus(t, func(a corpusArticle) {
		for _, l := range strings.Split(a.Content, "\n") {
			if strings.TrimSpace(l) == "" {
				continue
			}
			lines[a.Source]++
			if r.Repeated(a.Source, l) {
				marked[a.Source]++
			}
		}
	})
	var sources []string
	for s := range perSource {
		sources = append(sources, s)
		if n := r.Len(s); n > r.MaxLines {
			t.Errorf("%s: %d lines held, cap %d", s, n, r.MaxLines)
		}
	}
	sort.Strings(sources)
	for _, s := range sources {
		t.Logf("%-12s %5d articles, %6d lines, %5d repeated (%.1f%%), %5d distinct lines held",
			s, perSource[s], lines[s], marked[s], 100*float64(marked[s])/float64(max(lines[s], 1)), r.Len(s))
	}
	// SPA's wire copy: the end mark and the filing time line are the
	// agency's boilerplate; the lede is the story.
	spaLines := strings.Split(strings.TrimSpace(spa.Content), "\n")
	tests := []struct {
		name string
		line string
		want bool
	}{
		{"end mark", spaLines[len(spaLines)-2], true},
		{"filing time", spaLines[len(spaLines)-1], true},
		{"lede", spaLines[1], false},
	}
	for _, tt := range tests {
		if got := r.Repeated(spa.Source, tt.line); got != tt.want {
			t.Errorf("%s %q: Repeated = %v, want %v", tt.name, tt.line, got, tt.want)
		}
	}
}
