package events_test

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/fahras/fahras/data"
	"github.com/fahras/fahras/indexer"
	"github.com/fahras/fahras/indexer/events"
	"github.com/fahras/fahras/indexer/news"
)

// goldFile is a testdata/*.gold.json file (see testdata/README.md).
type goldFile struct {
	Articles []goldArticle `json:"articles"`
}

type goldArticle struct {
	ID         string          `json:"id"`
	BodySHA256 string          `json:"body_sha256"`
	Statements []goldStatement `json:"statements"`
	Visits     []goldVisit     `json:"visits"`
}

type goldStatement struct {
	Speaker  string `json:"speaker"`
	SaidAs   string `json:"said_as"`
	Verb     string `json:"verb"`
	Quote    bool   `json:"quote"`
	Named    bool   `json:"named"`
	Start    int    `json:"start"`
	End      int    `json:"end"`
	RawStart *int   `json:"raw_start"`
	RawEnd   *int   `json:"raw_end"`
	Text     string `json:"text"`
}

type goldVisit struct {
	Visitor     string `json:"visitor"`
	VisitorAs   string `json:"visitor_as"`
	Destination string `json:"destination"`
	Status      string `json:"status"`
	From        string `json:"from"`
	To          string `json:"to"`
	Month       int    `json:"month"`
	Start       int    `json:"start"`
	End         int    `json:"end"`
	RawStart    *int   `json:"raw_start"`
	RawEnd      *int   `json:"raw_end"`
	Evidence    string `json:"evidence"`
}

func readGold(t testing.TB, name string) goldFile {
	t.Helper()
	b, err := os.ReadFile("testdata/" + name)
	if err != nil {
		t.Fatal(err)
	}
	var g goldFile
	if err := json.Unmarshal(b, &g); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return g
}

// goldBody is an article as the indexer reads it.
type goldBody struct {
	title, body, raw string
	date             time.Time
}

// seedArticles returns the seeds as the indexer reads them, by ID.
func seedArticles(t testing.TB) map[string]goldBody {
	t.Helper()
	names, err := fs.Glob(data.Articles, "*.txt")
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]goldBody{}
	for _, n := range names {
		b, err := data.Articles.ReadFile(n)
		if err != nil {
			t.Fatal(err)
		}
		a := indexer.ParseText(strings.TrimSuffix(n, ".txt"), string(b))
		out[a.ID] = goldBody{a.Title, a.Body, a.Raw, a.Date}
	}
	return out
}

func bodyHash(body string) string {
	h := sha256.Sum256([]byte(body))
	return hex.EncodeToString(h[:8])
}

// reanchor finds a gold span again in a body that has changed since the
// gold was made: the span's text (from the gold, or from the raw text)
// at the occurrence nearest the old offset.
func reanchor(body, text string, old int) (int, int, bool) {
	if text == "" {
		return 0, 0, false
	}
	best := -1
	for i := 0; ; {
		k := strings.Index(body[i:], text)
		if k < 0 {
			break
		}
		k += i
		if best < 0 || abs(k-old) < abs(best-old) {
			best = k
		}
		i = k + 1
	}
	if best < 0 {
		return 0, 0, false
	}
	return best, best + len(text), true
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

// spans puts every gold span of an article on the body given: as
// stored when the body is the one annotated, else found again.
func spans(t testing.TB, g *goldArticle, a goldBody) {
	t.Helper()
	if bodyHash(a.body) == g.BodySHA256 {
		return
	}
	fix := func(what string, start, end *int, text string, rs, re *int) {
		if text == "" && rs != nil && re != nil && *re <= len(a.raw) {
			text = a.raw[*rs:*re]
		}
		s, e, ok := reanchor(a.body, text, *start)
		if !ok {
			t.Errorf("%s: %s span %d-%d not found in the body as the indexer now reads it; re-annotate", g.ID, what, *start, *end)
			return
		}
		*start, *end = s, e
	}
	for i := range g.Statements {
		s := &g.Statements[i]
		fix("statement", &s.Start, &s.End, s.Text, s.RawStart, s.RawEnd)
	}
	for i := range g.Visits {
		v := &g.Visits[i]
		fix("visit", &v.Start, &v.End, v.Evidence, v.RawStart, v.RawEnd)
	}
}

// fold is a name in matching form, its words separated by one space.
func fold(s string) string {
	var b strings.Builder
	space := false
	for _, r := range s {
		m := news.FoldRune(r)
		if m < 0 {
			continue
		}
		if r == ' ' || r == '\u00a0' || r == '«' || r == '»' || r == '"' || r == '،' || r == ',' || r == '(' || r == ')' {
			space = b.Len() > 0
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(m)
	}
	return b.String()
}

// generic words name no one by themselves.
var generic = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`ال وزير الوزير وزاره الوزاره رييس الرييس مدير المدير الدكتور الامير الشيخ المهندس
		صحيفه موقع وكاله الوكاله شركه الشركه المتحدث الناطق بن ابو عبد محمد عبدالله`) {
		generic[w] = true
	}
}

// sameSpeaker reports whether a found speaker is the gold one: equal in
// matching form, or one a run of the other's words that holds a word
// other than a title or role.
func sameSpeaker(gold, found string) bool {
	g, f := fold(gold), fold(found)
	if g == f {
		return true
	}
	gw, fw := strings.Fields(g), strings.Fields(f)
	short, long := gw, fw
	if len(short) > len(long) {
		short, long = long, short
	}
	if len(short) == 0 {
		return false
	}
	distinct := false
	for _, w := range short {
		if !generic[w] && len(w) >= 4 {
			distinct = true
		}
	}
	if !distinct {
		return false
	}
	for i := 0; i+len(short) <= len(long); i++ {
		ok := true
		for k := range short {
			if long[i+k] != short[k] && stripAl(long[i+k]) != stripAl(short[k]) {
				ok = false
				break
			}
		}
		if ok {
			return true
		}
	}
	return false
}

func stripAl(w string) string {
	for _, p := range []string{"ال", "لل", "بال", "وال"} {
		if strings.HasPrefix(w, p) && len(w) > len(p)+2 {
			return w[len(p):]
		}
	}
	return w
}

func overlap(s1, e1, s2, e2 int) int {
	s, e := max(s1, s2), min(e1, e2)
	if e > s {
		return e - s
	}
	return 0
}

// score is the measurement of an extractor against gold.
type score struct {
	found, gold         int // statements
	foundOK, goldOK     int // found matching some gold; gold matched by some found
	exactSpeaker        int // matched pairs whose speaker is equal in matching form
	jaccard             float64
	pairs               int
	interBytes          int
	foundBytes          int
	goldBytes           int
	vFound, vGold       int
	vFoundOK, vGoldOK   int
	vStatusOK, vDatesOK int
	missed, wrong       []string
	vMissed, vWrong     []string
}

func (s *score) add(o score) {
	s.found += o.found
	s.gold += o.gold
	s.foundOK += o.foundOK
	s.goldOK += o.goldOK
	s.exactSpeaker += o.exactSpeaker
	s.jaccard += o.jaccard
	s.pairs += o.pairs
	s.interBytes += o.interBytes
	s.foundBytes += o.foundBytes
	s.goldBytes += o.goldBytes
	s.vFound += o.vFound
	s.vGold += o.vGold
	s.vFoundOK += o.vFoundOK
	s.vGoldOK += o.vGoldOK
	s.vStatusOK += o.vStatusOK
	s.vDatesOK += o.vDatesOK
	s.missed = append(s.missed, o.missed...)
	s.wrong = append(s.wrong, o.wrong...)
	s.vMissed = append(s.vMissed, o.vMissed...)
	s.vWrong = append(s.vWrong, o.vWrong...)
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

func (s score) String() string {
	return fmt.Sprintf("statements: %d found, %d gold; speaker attribution precision %.3f (%d/%d), recall %.3f (%d/%d); speaker equal in matching form in %d of %d matched\n"+
		"  span: mean overlap ratio (intersection/union) %.3f over %d matched pairs; byte precision %.3f, byte recall %.3f\n"+
		"visits: %d found, %d gold; precision %.3f (%d/%d), recall %.3f (%d/%d); status right %d, dates right %d of %d matched",
		s.found, s.gold, ratio(s.foundOK, s.found), s.foundOK, s.found, ratio(s.goldOK, s.gold), s.goldOK, s.gold, s.exactSpeaker, s.pairs,
		s.jaccard/float64(max(1, s.pairs)), s.pairs, ratio(s.interBytes, s.foundBytes), ratio(s.interBytes, s.goldBytes),
		s.vFound, s.vGold, ratio(s.vFoundOK, s.vFound), s.vFoundOK, s.vFound, ratio(s.vGoldOK, s.vGold), s.vGoldOK, s.vGold,
		s.vStatusOK, s.vDatesOK, s.vGoldOK)
}

func date(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format("2006-01-02")
}

// measure runs Extract on one article and scores it against its gold.
func measure(g goldArticle, a goldBody, stmts []events.Statement, visits []events.Visit) score {
	var s score
	s.found, s.gold = len(stmts), len(g.Statements)
	for _, f := range stmts {
		ok := false
		for _, gs := range g.Statements {
			if overlap(f.Start, f.End, gs.Start, gs.End) > 0 && sameSpeaker(gs.Speaker, f.Speaker) {
				ok = true
				break
			}
		}
		if ok {
			s.foundOK++
		} else {
			s.wrong = append(s.wrong, fmt.Sprintf("%s %d-%d [%s] %s: %s", g.ID, f.Start, f.End, f.Speaker, f.Verb, clip(f.Text)))
		}
		s.foundBytes += f.End - f.Start
	}
	for _, gs := range g.Statements {
		s.goldBytes += gs.End - gs.Start
		best, bestOver := -1, 0
		for k, f := range stmts {
			if o := overlap(f.Start, f.End, gs.Start, gs.End); o > bestOver && sameSpeaker(gs.Speaker, f.Speaker) {
				best, bestOver = k, o
			}
		}
		if best < 0 {
			s.missed = append(s.missed, fmt.Sprintf("%s %d-%d [%s] %s: %s", g.ID, gs.Start, gs.End, gs.Speaker, gs.Verb, clip(a.body[gs.Start:gs.End])))
			continue
		}
		f := stmts[best]
		s.goldOK++
		s.pairs++
		if fold(f.Speaker) == fold(gs.Speaker) {
			s.exactSpeaker++
		}
		union := max(f.End, gs.End) - min(f.Start, gs.Start)
		s.jaccard += float64(bestOver) / float64(union)
		s.interBytes += bestOver
	}
	s.vFound, s.vGold = len(visits), len(g.Visits)
	vMatch := func(gv goldVisit, f events.Visit) bool {
		return sameSpeaker(gv.Visitor, f.Visitor) && (fold(gv.Destination) == fold(f.Destination) || overlap(gv.Start, gv.End, f.Start, f.End) > 0)
	}
	for _, f := range visits {
		ok := false
		for _, gv := range g.Visits {
			if vMatch(gv, f) {
				ok = true
				break
			}
		}
		if ok {
			s.vFoundOK++
		} else {
			s.vWrong = append(s.vWrong, fmt.Sprintf("%s [%s] → %s %s %s..%s m%d", g.ID, f.Visitor, f.Destination, f.Status, date(f.From), date(f.To), f.Month))
		}
	}
	for _, gv := range g.Visits {
		var hit *events.Visit
		for k := range visits {
			if vMatch(gv, visits[k]) {
				hit = &visits[k]
				break
			}
		}
		if hit == nil {
			s.vMissed = append(s.vMissed, fmt.Sprintf("%s [%s] → %s %s %s..%s m%d", g.ID, gv.Visitor, gv.Destination, gv.Status, gv.From, gv.To, gv.Month))
			continue
		}
		s.vGoldOK++
		if hit.Status == gv.Status {
			s.vStatusOK++
		}
		if date(hit.From) == gv.From && date(hit.To) == gv.To && int(hit.Month) == gv.Month {
			s.vDatesOK++
		}
	}
	return s
}

func clip(s string) string {
	if utf8.RuneCountInString(s) > 70 {
		return string([]rune(s)[:70]) + "…"
	}
	return s
}

// TestGold measures Extract on the five seeds against
// testdata/seeds.gold.json: every statement whose speaker the article
// names must be found with its speaker, and every visit with its
// visitor, destination, status and dates. It prints the scores.
func TestGold(t *testing.T) {
	g := readGold(t, "seeds.gold.json")
	seeds := seedArticles(t)
	var total score
	for _, ga := range g.Articles {
		a, ok := seeds[ga.ID]
		if !ok {
			t.Fatalf("gold names %s, which is not a seed", ga.ID)
		}
		spans(t, &ga, a)
		for _, gs := range ga.Statements {
			if a.body[gs.Start:gs.End] != gs.Text {
				t.Fatalf("%s: gold span %d-%d is %q, not %q", ga.ID, gs.Start, gs.End, a.body[gs.Start:gs.End], gs.Text)
			}
		}
		stmts, visits := events.Extract(a.title, a.body, a.date)
		total.add(measure(ga, a, stmts, visits))
		for _, gs := range ga.Statements {
			if !gs.Named {
				continue
			}
			found := false
			for _, f := range stmts {
				if overlap(f.Start, f.End, gs.Start, gs.End) > 0 && fold(f.Speaker) == fold(gs.Speaker) {
					found = true
					break
				}
			}
			if !found {
				t.Errorf("%s: statement by %s (%s) not found with its speaker: %s", ga.ID, gs.Speaker, gs.Verb, clip(gs.Text))
			}
		}
		for _, gv := range ga.Visits {
			found := false
			for _, f := range visits {
				if fold(f.Visitor) == fold(gv.Visitor) && fold(f.Destination) == fold(gv.Destination) && f.Status == gv.Status &&
					date(f.From) == gv.From && date(f.To) == gv.To && int(f.Month) == gv.Month {
					found = true
					break
				}
			}
			if !found {
				t.Errorf("%s: visit not found: %s → %s, %s, %s..%s month %d", ga.ID, gv.Visitor, gv.Destination, gv.Status, gv.From, gv.To, gv.Month)
			}
		}
	}
	t.Logf("seeds:\n%s", total)
	for _, m := range total.wrong {
		t.Logf("found, not in gold: %s", m)
	}
	for _, m := range total.missed {
		t.Logf("in gold, not found: %s", m)
	}
	for _, m := range total.vWrong {
		t.Logf("visit found, not in gold: %s", m)
	}
}
