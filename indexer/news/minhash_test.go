package news

import (
	"fmt"
	"strings"
	"testing"
)

// Seeds 000 and 003 are one AFP story published by two sites (the same
// quotes, "+المواضيع الساخنة+" and all, with paragraphs added or dropped
// on each side); every other pair is a different story on the same topic.
func TestNearDuplicateSeeds(t *testing.T) {
	sigs := map[string]Sig{}
	for _, id := range seedIDs {
		sigs[id] = Signature(Clean(seed(t, id), Options{}).Body)
	}
	for i, a := range seedIDs {
		for _, b := range seedIDs[i+1:] {
			want := a == "000" && b == "003"
			s := sigs[a].Similarity(sigs[b])
			if got := sigs[a].NearDuplicateOf(sigs[b]); got != want {
				t.Errorf("seeds %s and %s: similarity %.3f, near-duplicate %v, want %v", a, b, s, got, want)
			}
			shared := sharedBands(sigs[a], sigs[b])
			if want && shared == 0 {
				t.Errorf("seeds %s and %s: no band key in common", a, b)
			}
			if !want && s > 0.05 {
				t.Errorf("seeds %s and %s: similarity %.3f, want about 0", a, b, s)
			}
		}
	}
}

func sharedBands(a, b Sig) int {
	set := map[string]bool{}
	for _, k := range a.Bands() {
		set[k] = true
	}
	n := 0
	for _, k := range b.Bands() {
		if set[k] {
			n++
		}
	}
	return n
}

// Spelling that normalization removes does not change a signature; a
// changed word does.
func TestSignatureSpelling(t *testing.T) {
	text := Clean(seed(t, "003"), Options{}).Body
	bare := strings.NewReplacer("ّ", "", "ً", "", "أ", "ا", "إ", "ا", "ى", "ي", "ة", "ه").Replace(text)
	if bare == text {
		t.Fatal("the seed has nothing to strip")
	}
	if Signature(text) != Signature(bare) {
		t.Error("diacritics and letter forms change the signature")
	}
	if Signature(text).Similarity(Signature(text)) != 1 {
		t.Error("a text is not identical to itself")
	}
	edited := strings.Replace(text, "لافروف", "بوتين", 1)
	if s := Signature(text).Similarity(Signature(edited)); s == 1 || s < 0.9 {
		t.Errorf("one word changed: similarity %.3f, want just under 1", s)
	}
}

func TestSignatureEmptyAndShort(t *testing.T) {
	tests := []struct {
		a, b  string
		want  float64
		bands int
	}{
		{"", "", 0, 0},
		{"— …", "", 0, 0},
		{"لافروف", "لافروف", 1, NumBands},
		{"وانغ يي", "وانغ يى", 1, NumBands},
		{"لافروف", "بوتين", 0, NumBands},
	}
	for _, tt := range tests {
		a, b := Signature(tt.a), Signature(tt.b)
		if got := a.Similarity(b); got != tt.want {
			t.Errorf("Similarity(%q, %q) = %v, want %v", tt.a, tt.b, got, tt.want)
		}
		if got := len(a.Bands()); got != tt.bands {
			t.Errorf("%q: %d bands, want %d", tt.a, got, tt.bands)
		}
	}
}

// A signature stored as a string reads back the same; anything else is
// refused.
func TestSigStringRoundTrip(t *testing.T) {
	for _, id := range seedIDs {
		s := Signature(Clean(seed(t, id), Options{}).Body)
		str := s.String()
		if len(str) != 683 || strings.ContainsAny(str, "+/= \n") {
			t.Errorf("seed %s: encoding %d chars, not URL-safe: %.20q", id, len(str), str)
		}
		back, err := ParseSig(str)
		if err != nil || back != s {
			t.Errorf("seed %s: round trip failed: %v", id, err)
		}
	}
	for _, bad := range []string{"", "abc", strings.Repeat("A", 682), strings.Repeat("!", 683)} {
		if _, err := ParseSig(bad); err == nil {
			t.Errorf("ParseSig(%.10q…) accepted", bad)
		}
	}
}

// Band keys are short, distinct per band, and the same for the same text.
func TestBands(t *testing.T) {
	s := Signature(Clean(seed(t, "002"), Options{}).Body)
	keys := s.Bands()
	if len(keys) != NumBands {
		t.Fatalf("%d bands, want %d", len(keys), NumBands)
	}
	seen := map[string]bool{}
	for i, k := range keys {
		if len(k) != 14 || !strings.HasPrefix(k, fmt.Sprintf("%02x", i)) {
			t.Errorf("band %d key %q", i, k)
		}
		if seen[k] {
			t.Errorf("band key %q twice", k)
		}
		seen[k] = true
	}
	if again := Signature(Clean(seed(t, "002"), Options{}).Body).Bands(); strings.Join(again, " ") != strings.Join(keys, " ") {
		t.Error("band keys differ between runs")
	}
}

// BenchmarkSignature measures signature throughput in bytes of body text.
func BenchmarkSignature(b *testing.B) {
	var bodies []string
	n := 0
	for _, id := range seedIDs {
		body := Clean(seed(b, id), Options{}).Body
		bodies = append(bodies, body)
		n += len(body)
	}
	b.SetBytes(int64(n))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, body := range bodies {
			Signature(body)
		}
	}
}

// BenchmarkClean measures line classification throughput on raw text.
func BenchmarkClean(b *testing.B) {
	var raws []string
	n := 0
	for _, id := range seedIDs {
		raws = append(raws, seed(b, id))
		n += len(raws[len(raws)-1])
	}
	b.SetBytes(int64(n))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, r := range raws {
			Clean(r, Options{})
		}
	}
}
