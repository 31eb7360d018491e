package news

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// What a reader would call each seed's headline: the headline line where
// the page has one (not the section label, the kicker above it or the
// short form of it), else the lede's first sentence, without its
// dateline, cut at a word.
func TestTitleSeeds(t *testing.T) {
	tests := []struct {
		seed string
		want string
	}{
		{"000", "لافروف يزور الصين الإثنين والثلاثاء"},
		{"001", "أكّد وزير الخارجية الروسي، سيرغي لافروف، خلال محادثاته مع نظيره الصيني، وانغ يي، في موسكو اليوم الثلاثاء، أنّ زعيمي…"},
		{"002", `لافروف يبحث مع وزير الخارجية الصيني "الحرب ضد الإرهاب" بعد أيام من هجوم موسكو`},
		{"003", "وصل وزير الخارجية الروسي سيرغي لافروف إلى بكين الإثنين 08-04-2024 كما أعلن مكتبه، في زيارة رسمية تستمر يومين ويسعى…"},
		{"004", "من المقرر أن يزور الرئيس الروسي فلاديمير بوتن بكين الشهر المقبل لإجراء محادثات مع الرئيس الصيني شي جين بينج وحضور…"},
	}
	for _, tt := range tests {
		if got := Clean(seed(t, tt.seed), Options{}).Title; got != tt.want {
			t.Errorf("seed %s: title\n%q\nwant\n%q", tt.seed, got, tt.want)
		}
	}
}

func TestLedeTitle(t *testing.T) {
	tests := []struct {
		name string
		lede string
		want string
	}{
		{"short first sentence kept whole", seedLine(t, "003", 7), "وتندرج زيارة لافروف في إطار هذا التقارب"},
		{"colon dateline dropped", "موسكو: " + seedLine(t, "000", 24), "وتندرج زيارة لافروف ضمن هذا التقارب"},
		{"only the first sentence", seedLine(t, "003", 12), "وتقدّم بكين نفسها طرفاً محايداً في الحرب بين أوكرانيا وروسيا لكنّها أصبحت منذ عامين الشريك الاقتصادي الرئيسي لموسكو"},
		{"summary bullet dash dropped", "- " + seedLine(t, "003", 7), "وتندرج زيارة لافروف في إطار هذا التقارب"},
	}
	for _, tt := range tests {
		if got := LedeTitle(tt.lede); got != tt.want {
			t.Errorf("%s: %q, want %q", tt.name, got, tt.want)
		}
	}
}

// A title cut from a long lede fits TitleMax, ends in an ellipsis, and
// ends at a whole word of the lede.
func TestLedeTitleCutsAtWord(t *testing.T) {
	for _, id := range seedIDs {
		d := Clean(seed(t, id), Options{})
		for _, l := range d.Lines {
			if l.Kind != Body {
				continue
			}
			got := LedeTitle(l.Text)
			if n := utf8.RuneCountInString(got); n > TitleMax {
				t.Errorf("seed %s: title of %d runes: %q", id, n, got)
			}
			if !strings.HasSuffix(got, "…") {
				continue
			}
			stem := strings.TrimSuffix(got, "…")
			i := strings.Index(l.Text, stem)
			if i < 0 {
				t.Errorf("seed %s: title %q is not the start of its lede", id, got)
				continue
			}
			rest := l.Text[i+len(stem):]
			if r, _ := utf8.DecodeRuneInString(rest); rest != "" && isWordRune(r) {
				t.Errorf("seed %s: title cut inside a word: %q", id, got)
			}
		}
	}
}

// Text that is not valid UTF-8 is cut as it stands, not by a count of
// decoded runes (which panicked).
func TestLedeTitleAnyBytes(t *testing.T) {
	for _, lede := range []string{strings.Repeat("\xff", 200), strings.Repeat("لافروف\xe2\x80", 60), seedLine(t, "003", 1) + "\xff"} {
		got := LedeTitle(lede)
		if n := utf8.RuneCountInString(got); n > TitleMax || !strings.HasSuffix(got, "…") {
			t.Errorf("LedeTitle(%q) = %q (%d runes)", lede, got, n)
		}
	}
}

// A first sentence ending in the Arabic question mark keeps it whole (it
// was cut after its first byte, leaving a title that is not UTF-8).
func TestLedeTitleQuestionMark(t *testing.T) {
	lede := strings.Replace(seedLine(t, "003", 7), ".", "؟", 1) + " " + seedLine(t, "003", 12)
	if got, want := LedeTitle(lede), "وتندرج زيارة لافروف في إطار هذا التقارب؟"; got != want {
		t.Errorf("LedeTitle(%q) = %q, want %q", lede, got, want)
	}
}
