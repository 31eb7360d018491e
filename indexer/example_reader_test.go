package indexer_test

import (
	"fmt"
	"io"

	"github.com/fahras/fahras/indexer"
)

// A Go program passes its articles as they are: one given only as raw
// text is read as a news page, as a text file would be.
func ExampleArticlesReader() {
	raw := "بكين - وصل وزير الخارجية الروسي سيرغي لافروف إلى بكين الإثنين 08-04-2024 كما أعلن مكتبه، في زيارة رسمية تستمر يومين ويسعى خلالها إلى تعزيز العلاقات مع الصين، الشريك الدبلوماسي والاقتصادي الرئيسي لبلاده، بحسب ما أعلنت موسكو.\n\n" +
		"وتندرج زيارة لافروف في إطار هذا التقارب."
	r := indexer.ArticlesReader([]*indexer.Article{{ID: "b1", Raw: raw}})
	for {
		a, err := r.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			fmt.Println(err)
			continue
		}
		fmt.Println(a.Title)
		fmt.Println(a.Date.Format("2006-01-02"), a.People)
	}
	// Output:
	// وصل وزير الخارجية الروسي سيرغي لافروف إلى بكين الإثنين 08-04-2024 كما أعلن مكتبه، في زيارة رسمية تستمر يومين ويسعى…
	// 2024-04-08 [سيرغي لافروف]
}

// ParseText reads one article's text as a news page.
func ExampleParseText() {
	a := indexer.ParseText("b1", "لافروف يبحث مع وزير الخارجية الصيني \"الحرب ضد الإرهاب\"\n\n"+
		"قال وزير الخارجية الروسي سيرغي لافروف في بكين، اليوم الثلاثاء، بعد محادثات مع نظيره الصيني وانغ يي، إنّ روسيا والصين ستواصلان التعاون في الحرب ضد الإرهاب في إطار علاقاتهما التي تمر بأقوى مراحلها.")
	fmt.Println(a.Title)
	fmt.Println(a.People)
	// Output:
	// لافروف يبحث مع وزير الخارجية الصيني "الحرب ضد الإرهاب"
	// [سيرغي لافروف وانغ يي]
}
