package eval

import (
	"os"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"
)

// Topic files: ARCD's bare questions and news topics with a description
// and a narrative, comments and blank lines skipped; mistakes named by
// file and line.
func TestParseTopics(t *testing.T) {
	cases := []struct {
		name, in string
		want     []Topic
		err      string
	}{{
		name: "ARCD questions",
		in:   "t1\t- من وصل إلى بكين؟ لافروف\n\nt2\t- من هي جانيت يلين\n",
		want: []Topic{{ID: "t1", Text: "من وصل إلى بكين؟ لافروف"}, {ID: "t2", Text: "من هي جانيت يلين"}},
	}, {
		name: "news topics",
		in:   "# id, query, description, narrative\nn1\tلافروف بكين\tوصل وزير الخارجية الروسي سيرغي لافروف إلى بكين\t2: يسعى خلالها إلى تعزيز العلاقات مع الصين\r\n",
		want: []Topic{{ID: "n1", Text: "لافروف بكين", Description: "وصل وزير الخارجية الروسي سيرغي لافروف إلى بكين", Narrative: "2: يسعى خلالها إلى تعزيز العلاقات مع الصين"}},
	}, {
		name: "no tab",
		in:   "n1\tلافروف\nلافروف بكين\n",
		err:  "topics.tsv:2: want ID, a tab, then text",
	}, {
		name: "empty query",
		in:   "n1\t \tوزير الخارجية\n",
		err:  "topics.tsv:1: topic n1 has no query",
	}, {
		name: "empty ID",
		in:   " \tلافروف\n",
		err:  "topics.tsv:1: the ID is empty",
	}, {
		name: "repeated ID",
		in:   "n1\tلافروف\nn1\tبكين\n",
		err:  "topics.tsv:2: topic n1 is given twice",
	}, {
		name: "too many columns",
		in:   "n1\tلافروف\tوزير الخارجية\tالروسي\tالصيني\n",
		err:  "topics.tsv:1: topic n1: want ID, query, description and narrative, got 5 columns",
	}}
	for _, c := range cases {
		got, err := ParseTopics(strings.NewReader(c.in), "topics.tsv")
		if c.err != "" {
			if err == nil || err.Error() != c.err {
				t.Errorf("%s: error %v, want %q", c.name, err, c.err)
			}
			continue
		}
		if err != nil || len(got) != len(c.want) {
			t.Errorf("%s: %v, %v", c.name, got, err)
			continue
		}
		for i := range got {
			if got[i] != c.want[i] {
				t.Errorf("%s: topic %d is %+v, want %+v", c.name, i, got[i], c.want[i])
			}
		}
	}
}

func TestParseQrels(t *testing.T) {
	q, err := ParseQrels(strings.NewReader("n1 0 snn-000001 2\n\nn1 0 snn-000002 0\nn2 0 snn-000003 1\n"), "qrels.txt")
	if err != nil || len(q) != 2 || q["n1"]["snn-000001"] != 2 || q["n1"]["snn-000002"] != 0 || q["n2"]["snn-000003"] != 1 {
		t.Errorf("%v, %v", q, err)
	}
	for in, want := range map[string]string{
		"n1 0 snn-000001\n":                        "qrels.txt:1: want 4 fields (topic, iteration, document, grade), got 3",
		"n1 0 snn-000001 2\nn1 0 snn-000002 two\n": `qrels.txt:2: grade "two" is not a whole number`,
	} {
		if _, err := ParseQrels(strings.NewReader(in), "qrels.txt"); err == nil || err.Error() != want {
			t.Errorf("%q: error %v, want %q", in, err, want)
		}
	}
}

// The SaudiNewsNet test set is whole: forty topics of one to four words,
// each described, and judgments of SaudiNewsNet IDs only, graded 0 to 2,
// with relevant articles for every topic and for no other.
func TestSaudiNewsNetSetIsWhole(t *testing.T) {
	topics, err := ReadTopics("testdata/saudinewsnet/topics.tsv")
	if err != nil {
		t.Fatal(err)
	}
	qrels, err := ReadQrels("testdata/saudinewsnet/qrels.txt")
	if err != nil {
		t.Fatal(err)
	}
	if len(topics) != 40 {
		t.Errorf("%d topics", len(topics))
	}
	id := regexp.MustCompile(`^snn-[0-9]{6}$`)
	known := map[string]bool{}
	for _, tp := range topics {
		known[tp.ID] = true
		if n := len(strings.Fields(tp.Text)); n < 1 || n > 4 || tp.Description == "" || tp.Narrative == "" {
			t.Errorf("topic %s: %d words, description %q, narrative %q", tp.ID, n, tp.Description, tp.Narrative)
		}
		relevant := 0
		for doc, g := range qrels[tp.ID] {
			if !id.MatchString(doc) || g < 0 || g > 2 {
				t.Errorf("topic %s: judgment %s %d", tp.ID, doc, g)
			}
			if g > 0 {
				relevant++
			}
		}
		if relevant == 0 {
			t.Errorf("topic %s has no relevant article", tp.ID)
		}
	}
	for topic := range qrels {
		if !known[topic] {
			t.Errorf("judgments for unknown topic %s", topic)
		}
	}
}

func FuzzParseTopics(f *testing.F) {
	if b, err := os.ReadFile("testdata/saudinewsnet/topics.tsv"); err == nil {
		f.Add(string(b))
	}
	f.Add("t1\t- من هي جانيت يلين\n")
	f.Add("#\n\n \t\nn1\tلافروف\t\t\t\n")
	f.Fuzz(func(t *testing.T, in string) {
		ts, err := ParseTopics(strings.NewReader(in), "topics.tsv")
		if err != nil {
			if strings.Contains(err.Error(), "\n") {
				t.Errorf("error of more than one line: %q", err)
			}
			return
		}
		seen := map[string]bool{}
		for _, tp := range ts {
			if tp.ID == "" || tp.Text == "" || seen[tp.ID] || strings.ContainsAny(tp.Text+tp.Description+tp.Narrative, "\t\n") {
				t.Errorf("topic %+v", tp)
			}
			seen[tp.ID] = true
		}
	})
}

func FuzzParseQrels(f *testing.F) {
	f.Add("n1 0 snn-000001 2\nn1 0 snn-000002 0\n")
	f.Add("n1 0 d -1\n\n")
	f.Add("n1 0 d 99999999999999999999\n")
	f.Fuzz(func(t *testing.T, in string) {
		q, err := ParseQrels(strings.NewReader(in), "qrels.txt")
		if err != nil {
			if strings.Contains(err.Error(), "\n") {
				t.Errorf("error of more than one line: %q", err)
			}
			return
		}
		for topic, docs := range q {
			for doc := range docs {
				if topic == "" || doc == "" || strings.ContainsAny(topic+doc, " \t\n") {
					t.Errorf("judgment %q %q", topic, doc)
				}
			}
		}
	})
}

// The document TSV reader (ReadDocs) shares the topic reader's parser;
// whatever it accepts has a non-empty ID and text without line breaks.
func FuzzParseTSV(f *testing.F) {
	f.Add("d1\tوصل وزير الخارجية الروسي سيرغي لافروف إلى بكين\n")
	f.Add("\xff\t\xfe\r\n#c\n")
	f.Fuzz(func(t *testing.T, in string) {
		_ = parseTSV(strings.NewReader(in), "docs.tsv", func(id, text string) error {
			if id == "" || strings.ContainsAny(id+text, "\n") || (utf8.ValidString(in) && !utf8.ValidString(id)) {
				t.Errorf("row %q %q", id, text)
			}
			return nil
		})
	})
}
