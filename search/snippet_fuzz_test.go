package search

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzSnippets: any text and any matched positions, no panic; every
// snippet and the whole marked text hold only the text's own characters,
// each mark a whole word of it, at most maxFragments snippets.
func FuzzSnippets(f *testing.F) {
	files, _ := filepath.Glob(filepath.Join("..", "data", "*.txt"))
	for _, p := range files {
		b, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(string(b), uint64(0x5555))
		f.Add(string(b[:min(len(b), 300)]), uint64(1))
	}
	f.Add("بحوالي 3 % \xff\n\n  لافروف", uint64(7))
	f.Fuzz(func(t *testing.T, text string, bits uint64) {
		m := matches{}
		for p := 1; p <= 64; p++ {
			if bits&(1<<(p-1)) != 0 {
				m[p] = "t"
			}
		}
		frs := fragments(snippetScope(text), text[:min(len(text), 40)], m)
		if len(frs) > maxFragments {
			t.Fatalf("%d fragments", len(frs))
		}
		folded := strings.Join(strings.Fields(text), " ")
		for _, s := range append(frs, whole(text, m), paragraphs(text, m)) {
			for _, p := range s {
				if !utf8.ValidString(p.Text) && utf8.ValidString(text) {
					t.Fatalf("part %q is not valid UTF-8", p.Text)
				}
				if p.Match && !strings.Contains(folded, p.Text) {
					t.Fatalf("marked %q is not in the text", p.Text)
				}
			}
		}
	})
}
