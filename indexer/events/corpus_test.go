//go:build corpus

package events_test

import (
	"errors"
	"io"
	"math/rand/v2"
	"os"
	"runtime"
	"sync"
	"testing"
	"time"

	"github.com/fahras/fahras/indexer"
	"github.com/fahras/fahras/indexer/events"
	snn "github.com/fahras/fahras/internal/corpus"
	"github.com/fahras/fahras/internal/rusage"
)

// The SaudiNewsNet sample of testdata/saudinewsnet.gold.json is drawn
// with this generator (see testdata/README.md).
const (
	sampleSeed1, sampleSeed2 = 13, 2015
	sampleSize               = 45 // saudinewsnet.gold.json: perm[0:45]
	heldoutSize              = 15 // saudinewsnet-heldout.gold.json: perm[45:60]
	heldout2Size             = 15 // saudinewsnet-heldout2.gold.json: perm[60:75]
)

var (
	corpusOnce sync.Once
	corpusIDs  []string            // every article's ID, in file order
	corpusArts map[string]goldBody // the sample's articles
	corpusErr  error
)

// corpus reads the corpus as the indexer does, once per test binary:
// every article's ID in file order, and the sample's articles.
func corpus(t testing.TB) ([]string, map[string]goldBody) {
	t.Helper()
	path := snn.Need(t)
	corpusOnce.Do(func() {
		sample := map[string]bool{}
		for _, name := range []string{"saudinewsnet.gold.json", "saudinewsnet-heldout.gold.json", "saudinewsnet-heldout2.gold.json"} {
			for _, a := range readGold(t, name).Articles {
				sample[a.ID] = true
			}
		}
		r, err := indexer.OpenPaths([]string{path}, indexer.ReadOptions{})
		if err != nil {
			corpusErr = err
			return
		}
		defer r.Close()
		corpusArts = map[string]goldBody{}
		for {
			a, err := r.Next()
			if err == io.EOF {
				break
			}
			var skip *indexer.SkipError
			if errors.As(err, &skip) {
				continue
			}
			if err != nil {
				corpusErr = err
				return
			}
			corpusIDs = append(corpusIDs, a.ID)
			if sample[a.ID] {
				corpusArts[a.ID] = goldBody{title: a.Title, body: a.Body, raw: a.Raw, date: a.Date}
			}
		}
	})
	if corpusErr != nil {
		t.Fatal(corpusErr)
	}
	return corpusIDs, corpusArts
}

// TestGoldSample redraws the SaudiNewsNet samples as testdata/README.md
// says and checks that the gold files annotate those articles, in order.
func TestGoldSample(t *testing.T) {
	ids, _ := corpus(t)
	r := rand.New(rand.NewPCG(sampleSeed1, sampleSeed2))
	perm := r.Perm(len(ids))
	for _, f := range []struct {
		name      string
		from, len int
	}{{"saudinewsnet.gold.json", 0, sampleSize}, {"saudinewsnet-heldout.gold.json", sampleSize, heldoutSize},
		{"saudinewsnet-heldout2.gold.json", sampleSize + heldoutSize, heldout2Size}} {
		g := readGold(t, f.name)
		if len(g.Articles) != f.len {
			t.Fatalf("%s has %d articles, want %d", f.name, len(g.Articles), f.len)
		}
		for k, a := range g.Articles {
			if want := ids[perm[f.from+k]]; a.ID != want {
				t.Errorf("%s: article %d is %s, the draw gives %s", f.name, k, a.ID, want)
			}
		}
	}
}

// measureFile runs Extract on the articles of a SaudiNewsNet gold file.
func measureFile(t *testing.T, name string) score {
	_, arts := corpus(t)
	g := readGold(t, name)
	var total score
	for _, ga := range g.Articles {
		a, ok := arts[ga.ID]
		if !ok {
			t.Fatalf("%s names %s, which the corpus does not hold", name, ga.ID)
		}
		spans(t, &ga, a)
		stmts, visits := events.Extract(a.title, a.body, a.date)
		total.add(measure(ga, a, stmts, visits))
	}
	return total
}

// TestGoldSaudiNewsNet measures Extract on the SaudiNewsNet sample and
// asserts the targets of issue 13: speaker attribution precision ≥ 0.9
// and recall ≥ 0.75, visit precision ≥ 0.85. It also reports the two
// held-out samples and all three together. Both held-out samples were
// measured unseen once (testdata/README.md has those figures, the
// estimate for text the extractor has not seen) and then read and
// fixed.
func TestGoldSaudiNewsNet(t *testing.T) {
	total := measureFile(t, "saudinewsnet.gold.json")
	held := measureFile(t, "saudinewsnet-heldout.gold.json")
	held2 := measureFile(t, "saudinewsnet-heldout2.gold.json")
	t.Logf("SaudiNewsNet sample (%d articles):\n%s", sampleSize, total)
	t.Logf("first held-out sample (%d articles, since read and fixed):\n%s", heldoutSize, held)
	t.Logf("second held-out sample (%d articles; read and fixed once, before which it gave attribution precision 0.636, recall 0.549):\n%s", heldout2Size, held2)
	for _, m := range held2.wrong {
		t.Logf("second held-out, found, not in gold: %s", m)
	}
	for _, m := range held2.missed {
		t.Logf("second held-out, in gold, not found: %s", m)
	}
	all := total
	all.add(held)
	all.add(held2)
	t.Logf("all three (%d articles):\n%s", sampleSize+heldoutSize+heldout2Size, all)
	for _, m := range total.wrong {
		t.Logf("found, not in gold: %s", m)
	}
	for _, m := range total.vWrong {
		t.Logf("visit found, not in gold: %s", m)
	}
	for _, m := range total.vMissed {
		t.Logf("visit in gold, not found: %s", m)
	}
	if os.Getenv("EVENTS_GOLD_MISSED") != "" {
		for _, m := range total.missed {
			t.Logf("in gold, not found: %s", m)
		}
	}
	if p := ratio(total.foundOK, total.found); p < 0.9 {
		t.Errorf("speaker attribution precision %.3f, want ≥ 0.9", p)
	}
	if r := ratio(total.goldOK, total.gold); r < 0.75 {
		t.Errorf("speaker attribution recall %.3f, want ≥ 0.75", r)
	}
	if p := ratio(total.vFoundOK, total.vFound); p < 0.85 {
		t.Errorf("visit precision %.3f, want ≥ 0.85", p)
	}
}

// BenchmarkExtractSaudiNewsNet extracts from one SaudiNewsNet article in
// ten (3,068 articles, read as the indexer reads them) in turn and
// reports the cost per 1,000 articles, in wall time and in CPU time,
// which a busy machine does not inflate. Run it under nice: reading the
// corpus first takes a while.
func BenchmarkExtractSaudiNewsNet(b *testing.B) {
	r, err := indexer.OpenPaths([]string{snn.Need(b)}, indexer.ReadOptions{})
	if err != nil {
		b.Fatal(err)
	}
	var list []goldBody
	for n := 0; ; n++ {
		a, err := r.Next()
		if err == io.EOF {
			break
		}
		var skip *indexer.SkipError
		if errors.As(err, &skip) {
			n--
			continue
		}
		if err != nil {
			b.Fatal(err)
		}
		if n%10 == 0 {
			list = append(list, goldBody{title: a.Title, body: a.Body, date: a.Date})
		}
	}
	r.Close()
	runtime.GC()
	start, cpu0, n := time.Now(), rusage.CPU(), 0
	for b.Loop() {
		a := list[n%len(list)]
		events.Extract(a.title, a.body, a.date)
		n++
	}
	b.ReportMetric(float64(time.Since(start))/float64(time.Millisecond)/float64(n)*1000, "ms/1000articles")
	reportCPU(b, cpu0, n, "cpu-ms/1000articles", time.Millisecond/1000)
}
