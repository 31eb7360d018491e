package indexer_test

import (
	"context"
	"fmt"
	"log"
	"os"

	"github.com/fahras/fahras/indexer"
	"github.com/fahras/fahras/search"
)

// Build writes an index of the articles a Reader yields into a directory
// of its own, which package search then opens. Here the five articles
// built into the binary: two of them carry one AFP report, so the second
// is written as a near-duplicate of the first and folded into its hit.
func ExampleBuild() {
	dir, err := os.MkdirTemp("", "fahras-example")
	if err != nil {
		log.Fatal(err)
	}
	defer os.RemoveAll(dir)

	ctx := context.Background()
	r := indexer.SeedReader()
	defer r.Close()
	sum, err := indexer.Build(ctx, dir, r, indexer.Options{})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("added %d, near-duplicates %d, skipped %d: %d articles in the index\n",
		sum.Added, sum.Stories, sum.SkippedTotal(), sum.Articles)

	e, err := search.Open(dir)
	if err != nil {
		log.Fatal(err)
	}
	defer e.Close()
	resp, err := e.Search(ctx, search.Request{Query: "باتروشيف"})
	if err != nil {
		log.Fatal(err)
	}
	for _, h := range resp.Hits {
		fmt.Println(h.ID)
	}
	// Output:
	// added 5, near-duplicates 1, skipped 0: 5 articles in the index
	// 004_e5a80980b21be61b
}

// Update brings an index up to date with its input: an article whose
// text changed is indexed again, one the input no longer has is deleted,
// and one that is as it was is left alone (its content hash is the
// same), so an update costs about as much as what changed.
func ExampleUpdate() {
	dir, err := os.MkdirTemp("", "fahras-example")
	if err != nil {
		log.Fatal(err)
	}
	defer os.RemoveAll(dir)

	// Three articles, each a few sentences of the articles built into
	// the binary.
	visit := indexer.ParseText("visit", "بكين - وصل وزير الخارجية الروسي سيرغي لافروف إلى بكين الإثنين 08-04-2024 كما أعلن مكتبه، في زيارة رسمية تستمر يومين.\n\n"+
		"وتندرج زيارة لافروف في إطار هذا التقارب.")
	talks := "لافروف يبحث مع وزير الخارجية الصيني \"الحرب ضد الإرهاب\"\n\n" +
		"قال وزير الخارجية الروسي سيرغي لافروف في بكين، اليوم الثلاثاء، بعد محادثات مع نظيره الصيني وانغ يي، إنّ روسيا والصين ستواصلان التعاون في الحرب ضد الإرهاب."
	forum := indexer.ParseText("forum", "من المقرر أن يزور الرئيس الروسي فلاديمير بوتن بكين الشهر المقبل لإجراء محادثات مع الرئيس الصيني شي جين بينج وحضور منتدى الحزام والطريق.")

	ctx := context.Background()
	sum, err := indexer.Build(ctx, dir, indexer.ArticlesReader([]*indexer.Article{visit, indexer.ParseText("talks", talks), forum}), indexer.Options{})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("built: added %d, %d articles in the index\n", sum.Added, sum.Articles)

	// The talks gain a paragraph and the forum is gone from the input.
	talks += "\n\nبدء حوار حول أمن منطقة أوراسيا وتأكيد على أهمية التعاون الاستراتيجي بين البلدين."
	sum, err = indexer.Update(ctx, dir, indexer.ArticlesReader([]*indexer.Article{visit, indexer.ParseText("talks", talks)}), indexer.Options{})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("updated: added %d, updated %d, deleted %d, unchanged %d, %d articles in the index\n",
		sum.Added, sum.Updated, sum.Deleted, sum.Unchanged, sum.Articles)

	// The new paragraph is found; the forum is not.
	e, err := search.Open(dir)
	if err != nil {
		log.Fatal(err)
	}
	defer e.Close()
	for _, q := range []string{"أوراسيا", "الحزام والطريق"} {
		resp, err := e.Search(ctx, search.Request{Query: q})
		if err != nil {
			log.Fatal(err)
		}
		fmt.Printf("%s: %d", q, resp.Total)
		for _, h := range resp.Hits {
			fmt.Print(" ", h.ID)
		}
		fmt.Println()
	}
	// Output:
	// built: added 3, 3 articles in the index
	// updated: added 0, updated 1, deleted 1, unchanged 1, 2 articles in the index
	// أوراسيا: 1 talks
	// الحزام والطريق: 0
}
