// Command genlexicon derives the light stemmer's word lists from the
// SaudiNewsNet corpus and writes them as a Go source file (lexicon_gen.go in
// package arabic). Run it with go generate in indexer/arabic; the output is
// committed, so builds and tests never need the corpus.
//
// From the corpus's normalized word counts it derives:
//
//   - short words: words of three letters seen at least -short times (alone
//     or after ال), or of two letters seen that often alone, which a prefix
//     may be stripped down to (وقال → قال, الدم → دم);
//   - KeepPrefix words: words seen at least -min times that the default
//     prefix rule would strip to a remainder seen fewer than 1/-ratio as often
//     (وزاره → زاره, كانت → انت, لافروف → افروف), or 1/(5×-ratio) after و;
//   - Feminine remainders: what is left of a clitic-free form seen at least
//     -min times once a suffix is stripped, ending in ت, when the noun with
//     ة is seen at least -min times and -ratio times as often as the
//     remainder (مساحت of مساحتها, for مساحه), which the stemmer reads as
//     the noun;
//   - KeepSuffix words: clitic-free forms seen at least -min times whose first
//     suffix strip leaves a remainder seen fewer than 1/-ratio as often
//     (وزاره → وزار, بوتين → بوت), a feminine noun's remainder (مساحت, or
//     مساح of مساحات) counted as the noun with ة;
//   - ordinary words: clitic-free forms seen at least -ordmin times that take
//     the article at least once in -alratio occurrences (جيران, قران, مساء,
//     امس, كورونا), which the analysis never takes for names, less the words
//     of the people's names package news knows (شي, جين: the article is
//     rare, but they are names);
//   - name words: the clitic-free words of those names (سلمان, لافروف), which
//     the analysis always takes for names.
package main

import (
	"bytes"
	"flag"
	"fmt"
	"go/format"
	"log"
	"os"
	"sort"
	"strings"

	"github.com/fahras/fahras/indexer/arabic"
	"github.com/fahras/fahras/indexer/arabic/internal/affix"
	"github.com/fahras/fahras/indexer/news"
	"github.com/fahras/fahras/internal/corpus"
)

func main() {
	out := flag.String("o", "lexicon_gen.go", "output Go file")
	minCount := flag.Int("min", 10, "fewest occurrences for a word to be flagged")
	shortMin := flag.Int("short", 50, "fewest occurrences for a short word")
	ratio := flag.Int("ratio", 10, "a remainder seen fewer than 1/ratio times as often as the word is implausible")
	ordMin := flag.Int("ordmin", 5, "fewest occurrences for a word to be listed as ordinary")
	alRatio := flag.Int("alratio", 50, "a word taking the article once in this many occurrences is ordinary")
	verbose := flag.Bool("v", false, "print samples of each list")
	flag.Parse()

	path, err := corpus.Path()
	if err != nil {
		log.Fatal(err)
	}
	count, articles, tokens := countWords(path)
	log.Printf("%d articles, %d Arabic tokens, %d distinct normalized words", articles, tokens, len(count))

	// base counts a word alone or after the article.
	base := func(w string) int { return count[w] + count["ال"+w] }

	lex := &genLexicon{flags: map[string]uint8{}, short: map[string]bool{}}
	for w := range count {
		// A two-letter word must be frequent alone: ات, ين are mostly
		// suffixes, and الات, not ات, is the frequent word.
		if n := len([]rune(w)); n == 2 && count[w] >= *shortMin || n == 3 && base(w) >= *shortMin {
			lex.short[w] = true
		}
	}

	words := make([]string, 0, len(count))
	for w, c := range count {
		if c >= *minCount {
			words = append(words, w)
		}
	}
	sort.Strings(words)

	// KeepPrefix, to a fixed point: flagging one word changes what the
	// first pass of StripPrefix finds for others.
	for round := 0; round < 5; round++ {
		changed := 0
		for _, w := range words {
			if lex.flags[w]&affix.KeepPrefix != 0 {
				continue
			}
			rest := string(affix.StripPrefix([]byte(w), lex))
			if rest == w {
				continue
			}
			// The conjunction و is far more productive than the other
			// clitics (واضاف is 24 times as frequent as اضاف), so a
			// remainder after و may be rarer before it is implausible.
			r := *ratio
			if strings.HasPrefix(w, "و") {
				r *= 5
			}
			if base(rest)*r < count[w] {
				lex.flags[w] |= affix.KeepPrefix
				changed++
				if *verbose && round == 0 && changed%50 == 0 {
					log.Printf("keep prefix: %s (%d) not %s (%d)", w, count[w], rest, base(rest))
				}
			}
		}
		log.Printf("prefix round %d: %d words flagged", round, changed)
		if changed == 0 {
			break
		}
	}

	// Counts of clitic-free forms.
	free := map[string]int{}
	for w, c := range count {
		free[string(affix.StripPrefix([]byte(w), lex))] += c
	}
	// Feminine: what is left of a clitic-free form once a suffix is
	// stripped, ending in ت, when the noun with ة is frequent and the
	// remainder itself ratio times rarer (مساحت of مساحتها, for مساحه).
	var feminine int
	for w, c := range free {
		if c < *minCount {
			continue
		}
		for _, suf := range affix.Suffixes {
			if !strings.HasSuffix(w, string(suf)) {
				continue
			}
			rest := w[:len(w)-len(suf)]
			noun := affix.FeminineNoun([]byte(rest))
			if noun == nil || lex.flags[rest]&affix.Feminine != 0 {
				continue
			}
			if n := free[string(noun)]; n >= *minCount && free[rest]**ratio < n {
				lex.flags[rest] |= affix.Feminine
				feminine++
				if *verbose && feminine%100 == 0 {
					log.Printf("feminine: %s (%d) is %s (%d)", rest, free[rest], noun, n)
				}
			}
		}
	}
	log.Printf("%d remainders flagged Feminine", feminine)

	// KeepSuffix: a clitic-free form whose first suffix would leave a
	// remainder ratio times rarer than it, counting a feminine noun's
	// forms (its remainder ending in ت, its plural in ات) as the noun.
	var suffixFlagged int
	for w, c := range free {
		if c < *minCount {
			continue
		}
		for _, suf := range affix.Suffixes {
			if !strings.HasSuffix(w, string(suf)) {
				continue
			}
			rest := w[:len(w)-len(suf)]
			if len([]rune(rest)) < affix.MinStem {
				continue
			}
			seen := free[rest]
			if lex.flags[rest]&affix.Feminine != 0 {
				seen = max(seen, free[string(affix.FeminineNoun([]byte(rest)))])
			}
			if string(suf) == "ات" {
				seen = max(seen, free[rest+"ه"])
			}
			if seen**ratio < c {
				lex.flags[w] |= affix.KeepSuffix
				suffixFlagged++
				if *verbose && suffixFlagged%100 == 0 {
					log.Printf("keep suffix: %s (%d) not %s (%d)", w, c, rest, seen)
				}
			}
			break
		}
	}
	log.Printf("%d clitic-free forms flagged KeepSuffix", suffixFlagged)

	// Ordinary words: clitic-free forms that take the article.
	withAl := map[string]int{}
	for w, c := range count {
		f := string(affix.StripPrefix([]byte(w), lex))
		if p := w[:len(w)-len(f)]; strings.Contains(p, "ال") || strings.Contains(p, "لل") {
			withAl[f] += c
		}
	}
	names := map[string]bool{}
	for _, n := range news.PersonNames() {
		arabic.Words(n, func(s, e int) {
			w := []byte(arabic.Normalize(n[s:e]))
			names[string(affix.StripPrefix(w, lex))] = true
		})
	}
	var nameList []string
	for n := range names {
		nameList = append(nameList, n)
	}
	var ordinary []string
	for f, c := range free {
		if c >= *ordMin && withAl[f]**alRatio >= c && !names[f] {
			ordinary = append(ordinary, f)
		}
	}
	log.Printf("%d ordinary words", len(ordinary))

	var pre, suf, fem, short []string
	for w, f := range lex.flags {
		if f&affix.KeepPrefix != 0 {
			pre = append(pre, w)
		}
		if f&affix.KeepSuffix != 0 {
			suf = append(suf, w)
		}
		if f&affix.Feminine != 0 {
			fem = append(fem, w)
		}
	}
	for w := range lex.short {
		short = append(short, w)
	}
	var buf bytes.Buffer
	fmt.Fprintf(&buf, "// Code generated by internal/genlexicon from the SaudiNewsNet corpus (%d articles,\n", articles)
	fmt.Fprintf(&buf, "// %d tokens) with -min %d -short %d -ratio %d -ordmin %d -alratio %d; DO NOT EDIT.\n\npackage arabic\n\n", tokens, *minCount, *shortMin, *ratio, *ordMin, *alRatio)
	writeList(&buf, "keepPrefixWords", "words whose first letters only look like a prefix", pre)
	writeList(&buf, "keepSuffixWords", "clitic-free words whose last letters only look like a suffix", suf)
	writeList(&buf, "feminineWords", "remainders ending in ت that are a feminine noun's ة before a suffix", fem)
	writeList(&buf, "shortWords", "frequent words of two or three letters", short)
	writeList(&buf, "ordinaryWords", "clitic-free words that take the article, never names", ordinary)
	writeList(&buf, "nameWords", "clitic-free words of the names of people package news knows, always names", nameList)
	src, err := format.Source(buf.Bytes())
	if err != nil {
		log.Fatal(err)
	}
	if err := os.WriteFile(*out, src, 0o644); err != nil {
		log.Fatal(err)
	}
	log.Printf("wrote %s: %d bytes; %d KeepPrefix, %d KeepSuffix, %d Feminine, %d short words", *out, len(src), len(pre), len(suf), len(fem), len(short))
}

func writeList(buf *bytes.Buffer, name, doc string, words []string) {
	sort.Strings(words)
	fmt.Fprintf(buf, "// %s: %d %s.\nconst %s = `", name, len(words), doc, name)
	line := 0
	for _, w := range words {
		if line+len(w) > 90 {
			buf.WriteByte('\n')
			line = 0
		} else if line > 0 {
			buf.WriteByte(' ')
			line++
		}
		buf.WriteString(w)
		line += len(w)
	}
	buf.WriteString("`\n\n")
}

type genLexicon struct {
	flags map[string]uint8
	short map[string]bool
}

func (l *genLexicon) Flags(w []byte) uint8 { return l.flags[string(w)] }
func (l *genLexicon) Short(w []byte) bool  { return l.short[string(w)] }

// countWords counts the normalized Arabic words of every title and body.
func countWords(path string) (count map[string]int, articles, tokens int) {
	count = map[string]int{}
	err := corpus.Each(path, func(a corpus.Article) error {
		articles++
		for _, text := range []string{a.Title, a.Content} {
			arabic.Words(text, func(s, e int) {
				w := arabic.Normalize(text[s:e])
				if arabicWord(w) {
					tokens++
					count[w]++
				}
			})
		}
		return nil
	})
	if err != nil {
		log.Fatal(err)
	}
	return count, articles, tokens
}

// arabicWord reports whether w is made only of Arabic letters.
func arabicWord(w string) bool {
	if w == "" {
		return false
	}
	for _, r := range w {
		if r < 'ء' || r > 'ي' {
			return false
		}
	}
	return true
}
