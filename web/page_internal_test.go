package web

import (
	"testing"

	"github.com/fahras/fahras/search"
)

// The body's marks come back on the raw text's lines, skipping the lines
// the body leaves out, even when a skipped headline starts like the body.
func TestParagraphsFollowRawLines(t *testing.T) {
	raw := "لافروف يبحث مع وزير الخارجية الصيني\n\nلافروف يبحث مع وزير الخارجية الصيني بعد أيام من هجوم موسكو\n09 ابريل 2024\n\n  وصل  لافروف إلى بكين  \n"
	body := search.Snippet{
		{Text: "لافروف", Match: true},
		{Text: " يبحث مع وزير الخارجية الصيني بعد أيام من هجوم موسكو 09 ابريل 2024 وصل "},
		{Text: "لافروف", Match: true},
		{Text: " إلى بكين"},
	}
	got := paragraphs(body, raw)
	want := []string{
		"<mark>لافروف</mark> يبحث مع وزير الخارجية الصيني بعد أيام من هجوم موسكو",
		"09 ابريل 2024",
		"وصل <mark>لافروف</mark> إلى بكين",
	}
	if len(got) != len(want) {
		t.Fatalf("%d paragraphs: %v", len(got), got)
	}
	for i := range want {
		if got[i].HTML() != want[i] {
			t.Errorf("paragraph %d: %q, want %q", i, got[i].HTML(), want[i])
		}
	}
	// Text that the raw lines do not hold stays one paragraph, marks and all.
	if got := paragraphs(body, "نص آخر"); len(got) != 1 || got[0].HTML() != body.HTML() {
		t.Errorf("unaligned: %v", got)
	}
}
