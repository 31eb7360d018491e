package search

import (
	"errors"
	"reflect"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// The query syntax, clause by clause, on words of the seed articles.
func TestParseQuery(t *testing.T) {
	w := func(text string) clause { return clause{kind: kindWord, text: text, boost: 1} }
	tests := []struct {
		name, q string
		want    []clause
	}{
		{"one word", "لافروف", []clause{w("لافروف")}},
		{"two words", "  لافروف   بكين ", []clause{w("لافروف"), w("بكين")}},
		{"phrase", `"وزير الخارجية"`, []clause{{kind: kindPhrase, text: "وزير الخارجية", boost: 1}}},
		{"phrase and excluded word", `"وزير الخارجية" -بوتين`, []clause{
			{kind: kindPhrase, text: "وزير الخارجية", boost: 1},
			{occur: mustNot, kind: kindWord, text: "بوتين", boost: 1}}},
		{"required word", "+الصين روسيا", []clause{{occur: must, kind: kindWord, text: "الصين", boost: 1}, w("روسيا")}},
		{"unclosed quote runs to the end", `لافروف "الحرب ضد الإرهاب`, []clause{w("لافروف"), {kind: kindPhrase, text: "الحرب ضد الإرهاب", boost: 1}}},
		{"field", "title:بكين", []clause{{kind: kindWord, field: "title", text: "بكين", boost: 1}}},
		{"field in capitals, phrase", `BODY:"وانغ يي"`, []clause{{kind: kindPhrase, field: "body", text: "وانغ يي", boost: 1}}},
		{"unknown field is part of the word", "author:لافروف", []clause{w("author:لافروف")}},
		{"prefix", "لافرو*", []clause{{kind: kindPrefix, text: "لافرو", boost: 1}}},
		{"prefix of many stars", "لافرو***", []clause{{kind: kindPrefix, text: "لافرو", boost: 1}}},
		{"wildcard", "ل?فروف", []clause{{kind: kindWildcard, text: "ل?فروف", boost: 1}}},
		{"star inside is a wildcard", "لا*روف", []clause{{kind: kindWildcard, text: "لا*روف", boost: 1}}},
		{"fuzzy, automatic distance", "لافروف~", []clause{{kind: kindFuzzy, text: "لافروف", fuzz: -1, boost: 1}}},
		{"fuzzy distance", "لافروف~1", []clause{{kind: kindFuzzy, text: "لافروف", fuzz: 1, boost: 1}}},
		{"fuzzy distance at most 2", "لافروف~5", []clause{{kind: kindFuzzy, text: "لافروف", fuzz: 2, boost: 1}}},
		{"boost", "لافروف^2.5 بكين", []clause{{kind: kindWord, text: "لافروف", boost: 2.5}, w("بكين")}},
		{"fuzzy and boost", "لافروف~1^3", []clause{{kind: kindFuzzy, text: "لافروف", fuzz: 1, boost: 3}}},
		{"boost out of range is ignored", "لافروف^0 بكين^1000", []clause{w("لافروف"), w("بكين")}},
		{"no fuzzy phrase", `"وانغ يي"~2`, []clause{{kind: kindPhrase, text: "وانغ يي", boost: 1}}},
		{"what trails an operator is dropped", "لافروف~1abc بكين", []clause{{kind: kindFuzzy, text: "لافروف", fuzz: 1, boost: 1}, w("بكين")}},
		{"escaped operator", `\+الصين \"روسيا`, []clause{w("+الصين"), w(`"روسيا`)}},
		{"escaped quote in a phrase", `"قال \"لافروف\""`, []clause{{kind: kindPhrase, text: `قال "لافروف"`, boost: 1}}},
		{"a lone operator is nothing", `- + "" * title:`, nil},
		{"tilde first is a word", "~2", []clause{w("~2")}},
		{"control characters and bad bytes are spaces", "لافروف\x00بكين\xffالصين\u200e", []clause{w("لافروف"), w("بكين"), w("الصين\u200e")}},
		{"empty", "   ", nil},
	}
	for _, tt := range tests {
		got, err := parseQuery(tt.q)
		if err != nil {
			t.Errorf("%s: %q: %v", tt.name, tt.q, err)
			continue
		}
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%s: parseQuery(%q)\n got %+v\nwant %+v", tt.name, tt.q, got, tt.want)
		}
	}
}

// parseQuery fails only on a query too long or with too many clauses, and
// says so.
func TestParseQueryLimits(t *testing.T) {
	tests := []struct {
		name, q string
		fails   bool
	}{
		{"clauses at the limit", strings.Repeat("لافروف ", MaxClauses), false},
		{"one clause too many", strings.Repeat("لافروف ", MaxClauses+1), true},
		{"bytes at the limit", strings.Repeat("ب", MaxQueryBytes/2), false},
		{"one byte too many", strings.Repeat("ب", MaxQueryBytes/2) + "x", true},
		{"operators alone count nothing", strings.Repeat("- ", MaxClauses*2), false},
	}
	for _, tt := range tests {
		_, err := parseQuery(tt.q)
		if (err != nil) != tt.fails || (err != nil && !errors.Is(err, ErrBadQuery)) {
			t.Errorf("%s: err %v, want failure %v", tt.name, err, tt.fails)
		}
	}
}

// plainQuery reads the whole text as words, whatever operators it holds.
func TestPlainQuery(t *testing.T) {
	tests := []struct {
		q    string
		want []clause
	}{
		{`"وزير الخارجية" -بوتين`, []clause{{kind: kindWord, text: `"وزير الخارجية" -بوتين`, boost: 1}}},
		{" \x00 ", nil},
	}
	for _, tt := range tests {
		got, err := plainQuery(tt.q)
		if err != nil || !reflect.DeepEqual(got, tt.want) {
			t.Errorf("plainQuery(%q) = %+v, %v; want %+v", tt.q, got, err, tt.want)
		}
	}
	if _, err := plainQuery(strings.Repeat("x", MaxQueryBytes+1)); !errors.Is(err, ErrBadQuery) {
		t.Errorf("a long plain query: %v", err)
	}
}

// parseQuery never fails on syntax, and every clause it gives is one the
// compiler can take.
func FuzzParseQuery(f *testing.F) {
	for _, q := range []string{"لافروف", `"وزير الخارجية" -بوتين`, "+title:بكين body:\"وانغ يي\"^2 لافرو* ل?فروف لافروف~1", `"الحرب ضد \"الإرهاب`, `\`, `"\`, "~^*?:+-\"", "title:", "لافروف^1e9 بكين~99999999999999999999", "\xff\x00لافروف"} {
		f.Add(q)
	}
	f.Fuzz(func(t *testing.T, q string) {
		cs, err := parseQuery(q)
		if err != nil {
			if !errors.Is(err, ErrBadQuery) {
				t.Fatalf("error %v is not ErrBadQuery", err)
			}
			if len(q) <= MaxQueryBytes && !strings.Contains(err.Error(), "more than") {
				t.Fatalf("parseQuery(%q) failed on syntax: %v", q, err)
			}
			return
		}
		if len(cs) > MaxClauses {
			t.Fatalf("%d clauses", len(cs))
		}
		for _, c := range cs {
			switch {
			case strings.TrimSpace(c.text) == "" || !utf8.ValidString(c.text) || strings.ContainsFunc(c.text, unicode.IsControl):
				t.Fatalf("clause text %q", c.text)
			case c.field != "" && c.field != "title" && c.field != "body":
				t.Fatalf("field %q", c.field)
			case c.boost <= 0 || c.boost > 100:
				t.Fatalf("boost %v", c.boost)
			case c.kind == kindFuzzy && (c.fuzz < -1 || c.fuzz > 2):
				t.Fatalf("fuzz %d", c.fuzz)
			case c.kind == kindPrefix && strings.ContainsAny(c.text, "*?"):
				t.Fatalf("prefix %q holds a pattern", c.text)
			case c.occur != should && c.occur != must && c.occur != mustNot:
				t.Fatalf("occur %d", c.occur)
			}
		}
	})
}
