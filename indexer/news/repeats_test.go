package news

import (
	"strings"
	"testing"
)

// A site's footer printed under every article is learnt as the site's
// boilerplate; a line of one story is not; another site is not affected.
func TestRepeatsLearnsASitesFooter(t *testing.T) {
	footer := seedLine(t, "000", 39) // the comment disclaimer under every Elaph story
	story := seedLine(t, "003", 13)
	tests := []struct {
		name     string
		articles int // articles of "elaph" observed, each ending with the footer
		source   string
		line     string
		want     bool
	}{
		{"two articles are too few", 2, "elaph", footer, false},
		{"three articles", 3, "elaph", footer, true},
		{"a story line seen once", 5, "elaph", story, false},
		{"another source", 5, "other", footer, false},
		{"spaces and diacritics do not matter", 5, "elaph", "  " + strings.ReplaceAll(footer, "كتّابها", "كتابها") + " ", true},
	}
	for _, tt := range tests {
		r := NewRepeats()
		for i := 0; i < tt.articles; i++ {
			lines := strings.Split(seed(t, seedIDs[i%len(seedIDs)]), "\n")
			if i == 0 {
				lines = append(lines, story)
			}
			r.Observe("elaph", append(lines, footer))
		}
		if got := r.Repeated(tt.source, tt.line); got != tt.want {
			t.Errorf("%s: Repeated = %v, want %v", tt.name, got, tt.want)
		}
	}
}

// A line counts once per article, however often the article prints it.
func TestRepeatsCountsArticlesNotLines(t *testing.T) {
	r := NewRepeats()
	line := seedLine(t, "004", 15)
	r.Observe("s", []string{line, line, line, line})
	r.Observe("s", []string{line})
	if r.Repeated("s", line) {
		t.Error("a line in two articles counted as repeated")
	}
}

// Counters differ from article to article; digits are read as one.
func TestRepeatsDigits(t *testing.T) {
	r := NewRepeats()
	for _, n := range []string{"0", "3", "12", "٧"} {
		r.Observe("s", []string{"تعليق (" + n + ")"})
	}
	if !r.Repeated("s", seedLine(t, "004", 16)) { // تعليق (0)
		t.Error("comment counters with different numbers not seen as one line")
	}
}

// On a large source the bar is a share of its articles, not just three.
func TestRepeatsShare(t *testing.T) {
	tests := []struct {
		seen, articles int
		want           bool
	}{
		{3, 20, true},   // max(3, 5% of 20 = 1)
		{3, 100, false}, // needs 5
		{5, 100, true},
		{49, 1000, false}, // needs 50
		{50, 1000, true},
	}
	line := seedLine(t, "002", 8)
	for _, tt := range tests {
		r := NewRepeats()
		for i := 0; i < tt.articles; i++ {
			var lines []string
			if i < tt.seen {
				lines = []string{line}
			}
			r.Observe("s", lines)
		}
		if got := r.Repeated("s", line); got != tt.want {
			t.Errorf("%d of %d articles: Repeated = %v, want %v", tt.seen, tt.articles, got, tt.want)
		}
	}
}

// Memory stays within MaxLines per source; when full, lines seen once are
// dropped first, and a line already known keeps counting.
func TestRepeatsBounded(t *testing.T) {
	r := NewRepeats()
	r.MaxLines = 50
	footer := seedLine(t, "000", 39)
	var all []string
	for _, id := range seedIDs {
		for _, l := range strings.Split(seed(t, id), "\n") {
			if strings.TrimSpace(l) != "" {
				all = append(all, l)
			}
		}
	}
	for i := 0; i+5 <= len(all); i += 5 {
		r.Observe("s", append(all[i:i+5:i+5], footer))
		if n := r.Len("s"); n > r.MaxLines {
			t.Fatalf("%d lines held, cap %d", n, r.MaxLines)
		}
	}
	if !r.Repeated("s", footer) {
		t.Error("the footer was forgotten")
	}
}

// Clean marks the lines the model has learnt and leaves them out of Body.
func TestCleanWithRepeats(t *testing.T) {
	r := NewRepeats()
	// A site that closes every story with the same two lines.
	tail := []string{seedLine(t, "000", 8), seedLine(t, "000", 9), seedLine(t, "003", 10)}
	for _, id := range seedIDs {
		r.Observe("site", append(strings.Split(seed(t, id), "\n"), tail...))
	}
	raw := seed(t, "004") + "\n" + strings.Join(tail, "\n")
	d := Clean(raw, Options{Source: "site", Repeats: r})
	last := d.Lines[len(d.Lines)-1]
	if last.Kind != Repeated {
		t.Errorf("repeated line is %v, want Repeated", last.Kind)
	}
	if strings.Contains(d.Body, "ويومها") {
		t.Error("a repeated line is in Body")
	}
	if other := Clean(raw, Options{Source: "elsewhere", Repeats: r}); !strings.Contains(other.Body, "ويومها") {
		t.Error("another source's repeats applied")
	}
}
