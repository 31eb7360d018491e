package news

import (
	"reflect"
	"testing"
)

// The agencies each seed names, credited or quoted, checked by reading:
// 000 and 003 carry an agency story without crediting it, 001 names none,
// 002 credits AFP and Reuters and quotes RIA Novosti, 004 has a Reuters
// byline and an AFP photo credit.
func TestAgenciesSeeds(t *testing.T) {
	tests := []struct {
		seed string
		want []string
	}{
		{"000", []string{}},
		{"001", []string{}},
		{"002", []string{"رويترز", "ريا نوفوستي", "فرانس برس"}},
		{"003", []string{}},
		{"004", []string{"رويترز", "فرانس برس"}},
	}
	for _, tt := range tests {
		if got := Agencies(seed(t, tt.seed)); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("seed %s: Agencies = %q, want %q", tt.seed, got, tt.want)
		}
	}
}

// The people each seed names, under one name however it is spelled:
// بوتين/بوتن, شي جين بينغ/شي جينبينغ/جينبينغ/شي جين بينج.
func TestPeopleSeeds(t *testing.T) {
	tests := []struct {
		seed string
		want []string
	}{
		{"000", []string{"سيرغي لافروف", "شي جين بينغ", "فلاديمير بوتين", "ماو نينغ", "وانغ يي"}},
		{"001", []string{"أليكسي أوفيرشوك", "دونالد ترامب", "سيرغي لافروف", "شي جين بينغ", "فلاديمير بوتين", "لين جيان", "وانغ يي"}},
		{"002", []string{"سيرغي لافروف", "شي جين بينغ", "فلاديمير بوتين", "وانغ يي"}},
		{"003", []string{"جانيت يلين", "سيرغي لافروف", "شي جين بينغ", "فلاديمير بوتين", "ماو نينغ", "وانغ يي"}},
		{"004", []string{"شي جين بينغ", "فلاديمير بوتين", "لي تشيانغ", "ميخائيل ميشوستين", "نيكولاي باتروشيف", "وانغ يي"}},
	}
	for _, tt := range tests {
		if got := People(seed(t, tt.seed)); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("seed %s: People = %q, want %q", tt.seed, got, tt.want)
		}
	}
}

// Names are found however they are written: with clitics before them,
// with hamza, alef maqsura or diacritics, and only as whole words.
func TestGazetteerMatching(t *testing.T) {
	tests := []struct {
		name string
		text string
		find func(string) []string
		want []string
	}{
		{"clitic و", "ولافروف", People, []string{"سيرغي لافروف"}},
		{"clitic ل", "لبوتين", People, []string{"فلاديمير بوتين"}},
		{"clitics وب", "وببوتن", People, []string{"فلاديمير بوتين"}},
		{"alef maqsura", "وانغ يى", People, []string{"وانغ يي"}},
		{"diacritics", "لافْرُوف", People, []string{"سيرغي لافروف"}},
		{"inside a longer word", "لافروفية", People, []string{}},
		{"the country is not the man", "الكاميرون", People, []string{}},
		{"two-word name split", "شي جين", People, []string{}},
		{"family name shared by others", "البغدادي", People, []string{}},
		{"with the given name", "أبي بكر البغدادي", People, []string{"أبو بكر البغدادي"}},
		{"article and clitic", "للأناضول", Agencies, []string{"الأناضول"}},
		{"initials", "(أ ف ب)", Agencies, []string{"فرانس برس"}},
		{"acronym in parentheses", "(واس)", Agencies, []string{"وكالة الأنباء السعودية"}},
		{"ordinary word outside parentheses", "وام", Agencies, []string{}},
		{"agency word in parentheses", "(وام)", Agencies, []string{"وكالة أنباء الإمارات"}},
		{"clitic ب", "بحسب رويترز", Agencies, []string{"رويترز"}},
	}
	for _, tt := range tests {
		if got := tt.find(tt.text); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%s: %q gives %q, want %q", tt.name, tt.text, got, tt.want)
		}
	}
}
