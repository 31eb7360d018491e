package web

import "fmt"

// nounForms are the forms an Arabic noun takes after a number: none for
// 0, one and two (the dual) with no figure, few for 3 to 10 (the
// plural), many for 11 to 99 (the singular, accusative) and hundred for
// 100, 101 and 102 (the singular, genitive), and so on by the last two
// digits.
type nounForms struct{ none, one, two, few, many, hundred string }

// count writes n of the noun: مقالة واحدة، مقالتان، 3 مقالات، 11 مقالة.
func (f nounForms) count(n int) string {
	switch {
	case n == 0:
		return f.none
	case n == 1:
		return f.one
	case n == 2:
		return f.two
	case n%100 >= 3 && n%100 <= 10:
		return fmt.Sprintf("%d %s", n, f.few)
	case n%100 >= 11:
		return fmt.Sprintf("%d %s", n, f.many)
	}
	return fmt.Sprintf("%d %s", n, f.hundred)
}

// The nouns the page counts.
var (
	articlesNoun   = nounForms{"لا مقالات", "مقالة واحدة", "مقالتان", "مقالات", "مقالة", "مقالة"}
	similarNoun    = nounForms{"لا مقالات مشابهة", "مقالة مشابهة واحدة", "مقالتان مشابهتان", "مقالات مشابهة", "مقالة مشابهة", "مقالة مشابهة"}
	statementsNoun = nounForms{"لا تصريحات", "تصريح واحد", "تصريحان", "تصريحات", "تصريحًا", "تصريح"}
	visitsNoun     = nounForms{"لا زيارات", "زيارة واحدة", "زيارتان", "زيارات", "زيارة", "زيارة"}
)
