package news_test

import (
	"fmt"
	"strings"

	"github.com/fahras/fahras/data"
	"github.com/fahras/fahras/indexer/news"
)

func seedText(name string) string {
	b, err := data.Articles.ReadFile(name)
	if err != nil {
		panic(err)
	}
	return string(b)
}

// Seed 000 as a page: section label, kicker, headline, caption, a Twitter
// prompt, then the story and the comment footer.
func ExampleClean() {
	d := news.Clean(seedText("000_2b0a31d376df4e44.txt"), news.Options{})
	fmt.Println(d.Title)
	for _, l := range d.Lines[:12] {
		if l.Kind != news.Blank {
			fmt.Println(l.Kind)
		}
	}
	// Output:
	// لافروف يزور الصين الإثنين والثلاثاء
	// SectionLabel
	// Subtitle
	// Title
	// Caption
	// CallToAction
	// CallToAction
	// CallToAction
	// Body
}

// Two sites' copies of one AFP story, and a different story on the same
// visit.
func ExampleSignature() {
	body := func(name string) string { return news.Clean(seedText(name), news.Options{}).Body }
	a := news.Signature(body("000_2b0a31d376df4e44.txt"))
	b := news.Signature(body("003_9503abc412b62b6e.txt"))
	c := news.Signature(body("002_24f89540b9a4c350.txt"))
	fmt.Printf("%.2f %v\n", a.Similarity(b), a.NearDuplicateOf(b))
	fmt.Printf("%.2f %v\n", a.Similarity(c), a.NearDuplicateOf(c))
	// Output:
	// 0.27 true
	// 0.00 false
}

func ExampleParseDateField() {
	for _, f := range []string{"2015-07-21 02:51:32", "28 شباط (فبراير) 2024", "٠٨-٠٤-٢٠٢٤"} {
		t, ok := news.ParseDateField(f)
		fmt.Println(t.Format("2006-01-02"), ok)
	}
	// Output:
	// 2015-07-21 true
	// 2024-02-28 true
	// 2024-04-08 true
}

func ExamplePeople() {
	fmt.Println(news.People(seedText("004_e5a80980b21be61b.txt")))
	fmt.Println(news.Agencies(seedText("004_e5a80980b21be61b.txt")))
	// Output:
	// [شي جين بينغ فلاديمير بوتين لي تشيانغ ميخائيل ميشوستين نيكولاي باتروشيف وانغ يي]
	// [رويترز فرانس برس]
}

// The date, agencies and people of an article, from the Doc that Clean
// returns, without reading the text again.
func ExampleDoc() {
	d := news.Clean(seedText("002_24f89540b9a4c350.txt"), news.Options{})
	date, ok := d.Date()
	fmt.Println(date.Format("2006-01-02"), ok)
	fmt.Println(d.Agencies())
	fmt.Println(d.People(d.Title))
	// Output:
	// 2024-04-09 true
	// [رويترز ريا نوفوستي فرانس برس]
	// [سيرغي لافروف شي جين بينغ فلاديمير بوتين وانغ يي]
}

// A line that one source prints under each of its articles is learnt as
// the articles are cleaned, and left out of the body once it has been
// seen in three.
func ExampleOptions() {
	footer := "وتندرج زيارة لافروف ضمن هذا التقارب."
	rep := news.NewRepeats()
	opts := news.Options{Source: "site", Repeats: rep, Observe: true}
	for _, name := range []string{"001_d53218aacc3a3954.txt", "003_9503abc412b62b6e.txt", "004_e5a80980b21be61b.txt", "002_24f89540b9a4c350.txt"} {
		d := news.Clean(seedText(name)+"\n"+footer, opts)
		last := d.Lines[len(d.Lines)-1]
		fmt.Println(name[:3], last.Kind, strings.Contains(d.Body, footer))
	}
	// Output:
	// 001 Body true
	// 003 Body true
	// 004 Repeated false
	// 002 Repeated false
}
