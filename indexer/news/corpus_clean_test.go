//go:build corpus

package news

import (
	"slices"
	"strings"
	"testing"
	"time"
)

// Articles of SaudiNewsNet, found by ID, whose pages carry the forms the
// rules must handle beyond the seeds; each expectation was checked by
// reading the article. Skipped when the corpus is absent.
func TestCorpusCleanByID(t *testing.T) {
	type check func(t *testing.T, a corpusArticle, d Doc)
	firstLine := func(want Kind) check {
		return func(t *testing.T, a corpusArticle, d Doc) {
			for _, l := range d.Lines {
				if l.Kind != Blank {
					if l.Kind != want {
						t.Errorf("%s: first line %v, want %v", a.ID, l.Kind, want)
					}
					return
				}
			}
		}
	}
	titleNotFirstLine := func(t *testing.T, a corpusArticle, d Doc) {
		if first := strings.TrimSpace(strings.SplitN(strings.TrimSpace(a.Content), "\n", 2)[0]); strings.HasPrefix(d.Title, first) {
			t.Errorf("%s: title %q is the dateline or widget", a.ID, d.Title)
		}
	}
	date := func(want time.Time) check {
		return func(t *testing.T, a corpusArticle, d Doc) {
			if got, ok := ParseDate(a.Content); !ok || !got.Equal(want) {
				t.Errorf("%s: ParseDate = %v, %v; want %v", a.ID, got, ok, want)
			}
		}
	}
	bodyLacks := func(w string) check {
		return func(t *testing.T, a corpusArticle, d Doc) {
			if strings.Contains(d.Body, w) {
				t.Errorf("%s: body has %q", a.ID, w)
			}
		}
	}
	agency := func(want string) check {
		return func(t *testing.T, a corpusArticle, d Doc) {
			for _, g := range Agencies(a.Content) {
				if g == want {
					return
				}
			}
			t.Errorf("%s: Agencies = %q, want %q among them", a.ID, Agencies(a.Content), want)
		}
	}
	person := func(want string, named bool) check {
		return func(t *testing.T, a corpusArticle, d Doc) {
			got := People(d.Title + "\n" + d.Body)
			if slices.Contains(got, want) != named {
				t.Errorf("%s: People = %q; want %q among them: %v", a.ID, got, want, named)
			}
		}
	}
	noKind := func(k Kind) check {
		return func(t *testing.T, a corpusArticle, d Doc) {
			for i, l := range d.Lines {
				if l.Kind == k {
					t.Errorf("%s: line %d is %v", a.ID, i+1, k)
				}
			}
		}
	}
	tests := map[string][]check{
		// A story line about a photographer "أثناء تصويره" is not a credit.
		"snn-000532": {noKind(Credit)},
		// SPA's dateline with a two-word place.
		"snn-017658": {firstLine(Dateline), titleNotFirstLine, date(day(2015, time.August, 3))},
		// Running text broken into short lines, dates among them, has no
		// headline or caption line: nothing of it is lost from Body.
		"snn-019968": {noKind(Caption), noKind(Title), noKind(Subtitle)},
		// "site – city" on a line above the lede.
		"snn-020375": {firstLine(Dateline), titleNotFirstLine},
		"snn-027722": {firstLine(Dateline), titleNotFirstLine},
		// SPA's dateline with the Hijri and Gregorian dates, its "انتهى"
		// end mark and the time it was filed.
		"snn-029302": {firstLine(Dateline), titleNotFirstLine, date(day(2015, time.August, 10)),
			agency("وكالة الأنباء السعودية"), bodyLacks("انتهى"), bodyLacks("14:37")},
		// A share widget glued to the start of the lede.
		"snn-030716": {firstLine(CallToAction), titleNotFirstLine, bodyLacks("فيسبوك"), bodyLacks("جوجل بلس")},
		// "site - city" with a no-break space after the dash.
		"snn-006442": {firstLine(Dateline), titleNotFirstLine},
		// A name written in Arabic presentation forms.
		"snn-011521": {person("عبد ربه منصور هادي", true)},
		// "ومؤدي للواجبات" (and performing duties) is not Modi.
		"snn-023617": {person("ناريندرا مودي", false)},
	}
	seen := 0
	readCorpus(t, func(a corpusArticle) {
		checks, ok := tests[a.ID]
		if !ok {
			return
		}
		seen++
		d := Clean(a.Content, Options{Source: a.Source})
		for _, c := range checks {
			c(t, a, d)
		}
	})
	if seen != len(tests) {
		t.Errorf("found %d of %d articles", seen, len(tests))
	}
}

// How often ParseDate finds a date in SaudiNewsNet's article text, and how
// close it is to the day the article was collected (date_extracted; the
// corpus was collected daily, so a publication date is that day or a few
// days before).
func TestCorpusDates(t *testing.T) {
	if testing.Short() {
		t.Skip("reads the whole corpus")
	}
	total, found, near, after := 0, 0, 0, 0
	readCorpus(t, func(a corpusArticle) {
		total++
		got, ok := ParseDate(a.Content)
		if !ok {
			return
		}
		found++
		ext, ok := ParseDateField(a.DateExtracted)
		if !ok {
			t.Fatalf("%s: date_extracted %q unreadable", a.ID, a.DateExtracted)
		}
		d := ext.Truncate(24*time.Hour).Sub(got).Hours() / 24
		if d >= 0 && d <= 7 {
			near++
		}
		if d < 0 {
			after++
		}
	})
	t.Logf("%d articles, a date found in %d; of those %d within 7 days before collection, %d after it",
		total, found, near, after)
	if found == 0 || float64(near) < 0.7*float64(found) {
		t.Errorf("only %d of %d dates found are within a week before collection", near, found)
	}
}
