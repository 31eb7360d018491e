package web

import "testing"

// Counted nouns take the form Arabic gives them after each number.
func TestNounForms(t *testing.T) {
	for _, c := range []struct {
		f    nounForms
		n    int
		want string
	}{
		{articlesNoun, 0, "لا مقالات"},
		{articlesNoun, 1, "مقالة واحدة"},
		{articlesNoun, 2, "مقالتان"},
		{articlesNoun, 3, "3 مقالات"},
		{articlesNoun, 10, "10 مقالات"},
		{articlesNoun, 11, "11 مقالة"},
		{articlesNoun, 2381, "2381 مقالة"},
		{statementsNoun, 7, "7 تصريحات"},
		{statementsNoun, 11, "11 تصريحًا"},
		{statementsNoun, 100, "100 تصريح"},
		{statementsNoun, 102, "102 تصريح"},
		{statementsNoun, 103, "103 تصريحات"},
		{visitsNoun, 2, "زيارتان"},
		{visitsNoun, 12, "12 زيارة"},
		{similarNoun, 1, "مقالة مشابهة واحدة"},
		{similarNoun, 4, "4 مقالات مشابهة"},
	} {
		if got := c.f.count(c.n); got != c.want {
			t.Errorf("%d of %q: %q, want %q", c.n, c.f.one, got, c.want)
		}
	}
}
