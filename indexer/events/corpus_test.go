//go:build corpus

package events_test

import (
	"errors"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"sync"
	"testing"
	"time"

	"github.com/fahras/fahras/indexer"
	"github.com/fahras/fahras/indexer/events"
)

// The SaudiNewsNet sample of testdata/saudinewsnet.gold.json is drawn
// with this generator (see testdata/README.md).
const (
	sampleSeed1, sampleSeed2 = 13, 2015
	sampleSize               = 45
)

var (
	corpusOnce sync.Once
	corpusIDs  []string            // every article's ID, in file order
	corpusArts map[string]goldBody // the sample's articles
	corpusErr  error
)

// corpusFile finds ../shared/corpus/saudinewsnet.jsonl.gz beside the
// module root, or skips the test.
func corpusFile(t testing.TB) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			break
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Skip("no go.mod above the test directory; SaudiNewsNet corpus not located")
		}
		dir = parent
	}
	p := filepath.Join(dir, "..", "shared", "corpus", "saudinewsnet.jsonl.gz")
	if _, err := os.Stat(p); err != nil {
		t.Skip("SaudiNewsNet corpus not found at ../shared/corpus/saudinewsnet.jsonl.gz beside the module root; skipping")
	}
	return p
}

// corpus reads the corpus as the indexer does, once per test binary:
// every article's ID in file order, and the sample's articles.
func corpus(t testing.TB) ([]string, map[string]goldBody) {
	t.Helper()
	path := corpusFile(t)
	corpusOnce.Do(func() {
		sample := map[string]bool{}
		for _, a := range readGold(t, "saudinewsnet.gold.json").Articles {
			sample[a.ID] = true
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

// TestGoldSample redraws the SaudiNewsNet sample as testdata/README.md
// says and checks that the gold file annotates those articles, in order.
func TestGoldSample(t *testing.T) {
	ids, _ := corpus(t)
	r := rand.New(rand.NewPCG(sampleSeed1, sampleSeed2))
	perm := r.Perm(len(ids))
	g := readGold(t, "saudinewsnet.gold.json")
	if len(g.Articles) != sampleSize {
		t.Fatalf("gold has %d articles, want %d", len(g.Articles), sampleSize)
	}
	for k, a := range g.Articles {
		if want := ids[perm[k]]; a.ID != want {
			t.Errorf("article %d of the sample is %s, the draw gives %s", k, a.ID, want)
		}
	}
}

// TestGoldSaudiNewsNet measures Extract on the SaudiNewsNet sample and
// asserts the targets of issue 13: speaker attribution precision ≥ 0.9
// and recall ≥ 0.75, visit precision ≥ 0.85.
func TestGoldSaudiNewsNet(t *testing.T) {
	_, arts := corpus(t)
	g := readGold(t, "saudinewsnet.gold.json")
	var total score
	for _, ga := range g.Articles {
		a, ok := arts[ga.ID]
		if !ok {
			t.Fatalf("gold names %s, which the corpus does not hold", ga.ID)
		}
		spans(t, &ga, a)
		stmts, visits := events.Extract(a.title, a.body, a.date)
		total.add(measure(ga, a, stmts, visits))
	}
	t.Logf("SaudiNewsNet sample (%d articles):\n%s", len(g.Articles), total)
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
	r, err := indexer.OpenPaths([]string{corpusFile(b)}, indexer.ReadOptions{})
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
	start, cpu0, n := time.Now(), cpuTime(), 0
	for b.Loop() {
		a := list[n%len(list)]
		events.Extract(a.title, a.body, a.date)
		n++
	}
	b.ReportMetric(float64(time.Since(start))/float64(time.Millisecond)/float64(n)*1000, "ms/1000articles")
	reportCPU(b, cpu0, n, "cpu-ms/1000articles", time.Millisecond/1000)
}
