package search

import (
	index "github.com/blevesearch/bleve_index_api"
)

// minVariantRunes is the fewest letters a stem and its variants have: a
// word of two letters and a vowel (قال, قيل) is too short to tell from
// others.
const minVariantRunes = 3

// vowelVariants returns the spellings of a stem that an Arabic reader
// takes for the same word, which light stemming leaves apart because they
// differ inside the word or in a letter it does not strip:
//
//   - the accusative ending ا added or dropped (وزيرا, وزير; عاما, عام);
//   - a final hamza after ا added or dropped, as it often is in writing
//     (علماء, علما);
//   - a hamza written ء for ي or ي for ء (قاءد, قايد: ئ is normalized ء);
//   - a long vowel ا or و after the second letter added or dropped, how
//     the broken plurals فعال, فعول, فعالل (مفاعل) and أفاعيل are made from
//     their singulars (جبل جبال, حرب حروب, مركز مراكز, اقليم اقاليم).
//
// Nil for a stem of fewer than minVariantRunes letters or one that is not
// all Arabic letters. Changing a long vowel anywhere, as the name keys'
// skeletons do, measured more on ARCD (MRR@10 +0.0011 from changes such as
// دور دار دير, قام قوم قيم) but joined different words, and on the news
// topics it made الحكومية match الحكومة; these rules are the ones that
// keep to a word's own forms.
func vowelVariants(stem string) []string {
	rs := []rune(stem)
	n := len(rs)
	if n < minVariantRunes {
		return nil
	}
	for _, r := range rs {
		if r < 'ء' || r > 'ي' {
			return nil
		}
	}
	var out []string
	add := func(parts ...[]rune) {
		var v []rune
		for _, p := range parts {
			v = append(v, p...)
		}
		if len(v) < minVariantRunes {
			return
		}
		s := string(v)
		if s == stem {
			return
		}
		for _, o := range out {
			if o == s {
				return
			}
		}
		out = append(out, s)
	}
	alef, waw, hamza := []rune{'ا'}, []rune{'و'}, []rune{'ء'}
	// The accusative ا, and a hamza after a final ا.
	switch last := rs[n-1]; {
	case last == 'ا':
		add(rs[:n-1])
		add(rs, hamza)
	case last == 'ء' && rs[n-2] == 'ا':
		add(rs[:n-1])
	default:
		add(rs, alef)
	}
	// The hamza's seat: ء for ي, ي for ء.
	for i := 1; i < n; i++ {
		if rs[i] == 'ء' || rs[i] == 'ي' {
			v := append([]rune(nil), rs...)
			v[i] = 'ء' + 'ي' - rs[i]
			add(v)
		}
	}
	// A long vowel after the second letter: فعال and فعول from a word of
	// three letters, فعالل and أفاعيل from one of four or five.
	switch rs[2] {
	case 'ا':
		if n >= 4 && n <= 6 {
			add(rs[:2], rs[3:])
		}
	case 'و':
		if n == 4 {
			add(rs[:2], rs[3:])
		}
	default:
		if n <= 5 {
			add(rs[:2], alef, rs[2:])
		}
		if n == 3 {
			add(rs[:2], waw, rs[2:])
		}
	}
	return out
}

// variants returns the vowel variants of stem that field holds as stems.
func (pl *planner) variants(field, stem string) []string {
	cands := vowelVariants(stem)
	if len(cands) == 0 {
		return nil
	}
	d := pl.contains[field]
	if d == nil {
		rc, ok := pl.r.(index.IndexReaderContains)
		if !ok {
			return nil
		}
		var err error
		if d, err = rc.FieldDictContains(field); err != nil {
			return nil
		}
		if pl.contains == nil {
			pl.contains = map[string]index.FieldDictContains{}
		}
		pl.contains[field] = d
	}
	var out []string
	for _, c := range cands {
		if ok, err := d.Contains([]byte(c)); err == nil && ok {
			out = append(out, c)
		}
	}
	return out
}
