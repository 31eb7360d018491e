package arabic

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzAnalyze: any string in, no panic; tokens in order of position, each
// a word of the text at offsets that cut it on UTF-8 boundaries, whose
// stem is part of its exact form (or, a feminine noun's, is with ة a part
// of it without: علاقه of العلاقات), as Words finds the same words.
func FuzzAnalyze(f *testing.F) {
	files, _ := filepath.Glob(filepath.Join("..", "..", "data", "*.txt"))
	for _, p := range files {
		b, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		for _, line := range strings.Split(string(b), "\n") {
			f.Add(line)
		}
	}
	f.Add("شي جين بينغ وجينبينغ ٢٠٢٤ 3.5 don't ﺍﻟﻤﻘﺎﻭﻣﺔ فِي \xff\xfe")
	f.Fuzz(func(t *testing.T, text string) {
		var a Analyzer
		toks := a.Analyze(text)
		var words [][2]int
		Words(text, func(s, e int) { words = append(words, [2]int{s, e}) })
		prev := 0
		for _, tok := range toks {
			if tok.Pos <= prev || tok.Pos > len(words) {
				t.Fatalf("position %d after %d, of %d words", tok.Pos, prev, len(words))
			}
			prev = tok.Pos
			if w := words[tok.Pos-1]; w != [2]int{tok.Start, tok.End} {
				t.Fatalf("token at %d–%d, word %d at %d–%d", tok.Start, tok.End, tok.Pos, w[0], w[1])
			}
			if !utf8.RuneStart(text[tok.Start]) || tok.End < len(text) && !utf8.RuneStart(text[tok.End]) && utf8.ValidString(text) {
				t.Fatalf("token %d–%d cuts a character", tok.Start, tok.End)
			}
			stem := tok.Stem
			if !bytes.Contains(tok.Exact, stem) {
				stem = bytes.TrimSuffix(stem, []byte("ه"))
			}
			if len(tok.Exact) == 0 || len(stem) == 0 || !bytes.Contains(tok.Exact, stem) || !bytes.Contains(tok.Exact, tok.Free) {
				t.Fatalf("exact %q, free %q, stem %q", tok.Exact, tok.Free, tok.Stem)
			}
			for _, k := range [][]byte{tok.Key, tok.PairKey} {
				if k != nil && !bytes.HasPrefix(k, []byte(NameKeyPrefix)) {
					t.Fatalf("key %q", k)
				}
			}
		}
	})
}
