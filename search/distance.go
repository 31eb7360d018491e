package search

// Arabic typing: letters a reader writes for one another cost half an
// edit (ت for ث, ص for ض …), and so does a long vowel put in or left out
// (بوتن for بوتين), in the edit distance that ranks fuzzy expansions and
// finds "did you mean" suggestions. The letters are normalized ones
// (package arabic): ة is already ه, ى already ي, أ إ آ already ا.

// cheapPairs are the letters written for one another.
var cheapPairs = map[[2]rune]bool{}

func init() {
	for _, p := range []string{"تث", "صض", "ظض", "ذز", "ذد", "ظز", "سص", "طت", "قك", "اء"} {
		r := []rune(p)
		cheapPairs[[2]rune{r[0], r[1]}] = true
		cheapPairs[[2]rune{r[1], r[0]}] = true
	}
}

// longVowel tells whether r is a letter that is written or left out as a
// long vowel: ا و ي.
func longVowel(r rune) bool { return r == 'ا' || r == 'و' || r == 'ي' }

// subCost is the cost of writing b for a.
func subCost(a, b rune) float64 {
	switch {
	case a == b:
		return 0
	case cheapPairs[[2]rune{a, b}]:
		return 0.5
	}
	return 1
}

// indelCost is the cost of putting in or leaving out r.
func indelCost(r rune) float64 {
	if longVowel(r) {
		return 0.5
	}
	return 1
}

// typoDistance is the edit distance between a and b with the costs above,
// or limit+1 once it is known to exceed limit.
func typoDistance(a, b string, limit float64) float64 {
	ra, rb := []rune(a), []rune(b)
	prev := make([]float64, len(rb)+1)
	cur := make([]float64, len(rb)+1)
	for j := 1; j <= len(rb); j++ {
		prev[j] = prev[j-1] + indelCost(rb[j-1])
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = prev[0] + indelCost(ra[i-1])
		best := cur[0]
		for j := 1; j <= len(rb); j++ {
			cur[j] = min(prev[j]+indelCost(ra[i-1]), cur[j-1]+indelCost(rb[j-1]), prev[j-1]+subCost(ra[i-1], rb[j-1]))
			best = min(best, cur[j])
		}
		if best > limit {
			return limit + 1
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}
