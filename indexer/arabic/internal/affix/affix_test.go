package affix

import "testing"

// testLexicon is a hand-made lexicon of words from the seed articles.
type testLexicon struct {
	flags map[string]uint8
	short map[string]bool
}

func (l testLexicon) Flags(w []byte) uint8 { return l.flags[string(w)] }
func (l testLexicon) Short(w []byte) bool  { return l.short[string(w)] }

var lex = testLexicon{
	flags: map[string]uint8{
		"لافروف": KeepPrefix,
		"وزاره":  KeepPrefix | KeepSuffix,
		"بوتين":  KeepPrefix | KeepSuffix,
		"مساحه":  KeepSuffix,
		"مساحت":  Feminine,
		"عالميت": Feminine,
	},
	short: map[string]bool{"قال": true},
}

func TestStripPrefix(t *testing.T) {
	tests := []struct{ in, want, why string }{
		{"للافروف", "لافروف", "a known word after ل wins over the longer لل"},
		{"بلافروف", "لافروف", "a known word after ب"},
		{"لافروف", "لافروف", "flagged: nothing stripped"},
		{"الوزاره", "وزاره", "a known word after the article"},
		{"وزاره", "وزاره", "flagged"},
		{"والرءيس", "رءيس", "article form, four letters left"},
		{"الصين", "صين", "article, three letters left"},
		{"وقال", "قال", "و before a frequent short word"},
		{"بوتن", "بوتن", "ب would leave three letters, not a known word"},
		{"لموسكو", "موسكو", "ل with five letters left"},
		{"ولموسكو", "موسكو", "two clitics with five letters left"},
		{"وبكين", "بكين", "two clitics would leave three letters; و leaves four"},
		{"سيرغي", "سيرغي", "no prefix letter first"},
	}
	for _, tt := range tests {
		if got := string(StripPrefix([]byte(tt.in), lex)); got != tt.want {
			t.Errorf("StripPrefix(%q) = %q, want %q (%s)", tt.in, got, tt.want, tt.why)
		}
	}
}

func TestStripSuffix(t *testing.T) {
	tests := []struct{ in, want, why string }{
		{"بوتين", "بوتين", "flagged"},
		{"وزاره", "وزاره", "flagged"},
		{"مسءولين", "مسءول", "plural ين"},
		{"وزيرين", "وزير", "dual ين"},
		{"روسيه", "روس", "يه"},
		{"بكين", "بكين", "ين would leave two letters"},
		{"نظيره", "نظير", "ه"},
	}
	for _, tt := range tests {
		if got := string(StripSuffix([]byte(tt.in), lex)); got != tt.want {
			t.Errorf("StripSuffix(%q) = %q, want %q (%s)", tt.in, got, tt.want, tt.why)
		}
	}
}

func TestAppendStem(t *testing.T) {
	tests := []struct{ in, want, why string }{
		{"مساحتها", "مساحه", "ة written ت before ها"},
		{"مساحتين", "مساحه", "dual"},
		{"مساحات", "مساحه", "plural in ات of a noun that keeps its ة"},
		{"مساحه", "مساحه", "the noun itself"},
		{"عالميتين", "عالم", "dual of a noun whose stem drops يه"},
		{"بيتها", "بيت", "ت of the word itself: not flagged"},
		{"حكومات", "حكوم", "plural whose singular is not kept: as before"},
		{"وزيرين", "وزير", "no feminine ending"},
	}
	buf := []byte("كلمه")
	for _, tt := range tests {
		got, out := AppendStem(buf, []byte(tt.in), lex)
		if string(got) != tt.want {
			t.Errorf("AppendStem(%q) = %q, want %q (%s)", tt.in, got, tt.want, tt.why)
		}
		if string(out[:len(buf)]) != "كلمه" {
			t.Errorf("AppendStem(%q) changed what dst held: %q", tt.in, out)
		}
	}
}
