package news

import (
	"strings"
	"testing"
)

// Each seed line, numbered from 1 as in the file, and the kind a reader
// would give it.
func TestCleanLineKinds(t *testing.T) {
	tests := []struct {
		seed string
		line int
		want Kind
	}{
		{"000", 1, SectionLabel},  // أخبار
		{"000", 3, Subtitle},      // kicker, quoted word for word in the body
		{"000", 5, Title},         // لافروف يزور الصين الإثنين والثلاثاء
		{"000", 7, Caption},       // photo caption with its date
		{"000", 8, CallToAction},  // قراؤنا من مستخدمي تويتر
		{"000", 9, CallToAction},  // follow us on Twitter
		{"000", 10, CallToAction}, // إضغط هنا للإشتراك
		{"000", 12, Body},         // the lede, with its dateline
		{"000", 26, Body},         // an intertitle
		{"000", 35, Body},
		{"000", 37, Footer}, // التعليقات
		{"000", 39, Footer}, // comment disclaimer
		{"001", 1, Body},
		{"001", 6, Body},
		{"001", 7, Ticker},     // يتم قراءة الآن
		{"001", 8, Ticker},     // الأكثر قراءة
		{"001", 9, Ticker},     // عاجل 24/7
		{"001", 10, Ticker},    // -
		{"001", 11, Timestamp}, // 22:35
		{"001", 12, Ticker},
		{"001", 26, Timestamp},
		{"001", 27, Ticker}, // the last headline of the ticker
		{"002", 1, Subtitle},
		{"002", 3, Title},
		{"002", 5, Dateline},     // 09 ابريل 2024
		{"002", 6, Credit},       // caption ending in (رويترز)
		{"002", 7, CallToAction}, // + الخط -
		{"002", 8, CallToAction}, // اظهر الملخص
		{"002", 9, Body},         // summary bullet
		{"002", 13, Body},
		{"002", 31, Credit}, // (فرانس برس، رويترز)
		{"003", 1, Body},
		{"003", 17, Body},
		{"004", 5, Body},
		{"004", 6, Credit}, // caption with تصوير:
		{"004", 7, Body},
		{"004", 12, Body},
		{"004", 13, Credit}, // byline (بحسب رويترز)
		{"004", 14, Footer}, // [إعلان 2]
		{"004", 15, Footer}, // رابط المصدر
		{"004", 16, Footer}, // تعليق (0)
	}
	docs := map[string]Doc{}
	for _, id := range seedIDs {
		docs[id] = Clean(seed(t, id), Options{})
	}
	for _, tt := range tests {
		d := docs[tt.seed]
		if got := d.Lines[tt.line-1].Kind; got != tt.want {
			t.Errorf("seed %s line %d %q: kind %v, want %v", tt.seed, tt.line, d.Lines[tt.line-1].Text, got, tt.want)
		}
	}
}

// A word that a seed has only in its boilerplate is not searchable; a word
// of its story is.
func TestCleanBodyKeepsStoryDropsBoilerplate(t *testing.T) {
	tests := []struct {
		seed    string
		absent  []string // only in boilerplate
		present []string // in the story
	}{
		{"000", []string{"تويتر", "للإشتراك", "إيلاف", "التعليقات", "أخبار", "مؤتمر صحافي"},
			[]string{"الشريك الدبلوماسي", "نيسان (أبريل)", "ثقة سياسية متبادلة", "نفوذها على موسكو"}},
		{"001", []string{"الحوثيين", "تلغراف", "22:35", "الأكثر قراءة", "عاجل", "حماس", "غزة"},
			[]string{"الروابط الروسية الصينية", "لين جيان", "محكوم عليها بالفشل"}},
		{"002", []string{"اظهر الملخص", "الخط", "09 ابريل 2024", "(فرانس برس، رويترز)"},
			[]string{"أوراسيا", "ريا نوفوستي", "تدخل عصراً جديداً"}},
		{"003", nil, []string{"بكين - وصل", "جانيت يلين", "والشركات الصينية"}},
		{"004", []string{"تصوير", "سانت بطرسبرغ", "هوين لو", "إعلان", "رابط المصدر", "تعليق"},
			[]string{"منتدى الحزام والطريق", "ميشوستين", "سلسلة غير مسبوقة من العقوبات"}},
	}
	for _, tt := range tests {
		body := Clean(seed(t, tt.seed), Options{}).Body
		for _, w := range tt.absent {
			if strings.Contains(body, w) {
				t.Errorf("seed %s: body has boilerplate %q", tt.seed, w)
			}
		}
		for _, w := range tt.present {
			if !strings.Contains(body, w) {
				t.Errorf("seed %s: body lost %q", tt.seed, w)
			}
		}
	}
}

// Paragraphs stay apart in Body, one blank line between them, and the
// headline is not repeated there.
func TestCleanBodyParagraphs(t *testing.T) {
	tests := []struct {
		seed       string
		paragraphs int
	}{
		{"000", 14}, // kicker, 12 paragraphs, intertitle
		{"001", 6},
		{"002", 13}, // short headline, 3 summary bullets, 9 paragraphs
		{"003", 17},
		{"004", 11},
	}
	for _, tt := range tests {
		d := Clean(seed(t, tt.seed), Options{})
		ps := strings.Split(d.Body, "\n\n")
		if len(ps) != tt.paragraphs {
			t.Errorf("seed %s: %d paragraphs, want %d", tt.seed, len(ps), tt.paragraphs)
		}
		for _, p := range ps {
			if strings.TrimSpace(p) == "" || strings.Contains(p, "\n") {
				t.Errorf("seed %s: malformed paragraph %q", tt.seed, p)
			}
			if p == d.Title {
				t.Errorf("seed %s: headline repeated in body", tt.seed)
			}
		}
	}
}

// The rules read features, not the seeds' strings: a ticker of the seed's
// own items in another order, glued under a different article, is still a
// ticker; the same items without clock times are not.
func TestCleanTickerByShape(t *testing.T) {
	lede := seedLine(t, "003", 1)
	tests := []struct {
		name string
		tail []string
		want Kind
	}{
		{"time then headline", []string{seedLine(t, "001", 20), seedLine(t, "001", 21), "-", seedLine(t, "001", 11), seedLine(t, "001", 12)}, Ticker},
		{"time and headline on one line", []string{seedLine(t, "001", 23) + " " + seedLine(t, "001", 24), seedLine(t, "001", 26) + " " + seedLine(t, "001", 27)}, Ticker},
		{"one item is not a run", []string{seedLine(t, "001", 11), seedLine(t, "001", 12)}, Body},
		{"no times", []string{seedLine(t, "001", 12), seedLine(t, "001", 15)}, Body},
	}
	for _, tt := range tests {
		raw := lede + "\n" + strings.Join(tt.tail, "\n")
		d := Clean(raw, Options{})
		last := d.Lines[len(d.Lines)-1]
		if last.Kind != tt.want {
			t.Errorf("%s: last line is %v, want %v", tt.name, last.Kind, tt.want)
		}
	}
}
