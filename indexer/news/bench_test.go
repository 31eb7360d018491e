package news

import "testing"

// BenchmarkCleanArticle reads the seed articles as the indexer reads
// each article: Clean, then the date, the agencies and the people from
// the Doc.
func BenchmarkCleanArticle(b *testing.B) {
	var raws []string
	n := 0
	for _, id := range seedIDs {
		raws = append(raws, seed(b, id))
		n += len(raws[len(raws)-1])
	}
	b.SetBytes(int64(n))
	b.ReportAllocs()
	for b.Loop() {
		for _, r := range raws {
			d := Clean(r, Options{})
			d.Date()
			d.Agencies()
			d.People(d.Title)
		}
	}
}
