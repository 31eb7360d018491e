package indexer

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"fmt"
	"io"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/fahras/fahras/indexer/events"
	"github.com/fahras/fahras/store"
)

// hashVersion changes when what the content hash covers changes, so that
// every article then counts as changed.
const hashVersion = 2

// contentHash is a hex digest of everything an article is indexed from,
// with the index format and the analysis and its version: two articles
// with the same hash are indexed alike, ID included, so an update leaves
// an article whose hash has not changed as it is.
func contentHash(a *Article, an store.Analysis) string {
	h := sha256.New()
	var n [8]byte
	put := func(s string) {
		binary.LittleEndian.PutUint64(n[:], uint64(len(s)))
		h.Write(n[:])
		io.WriteString(h, s)
	}
	put(fmt.Sprintf("fahras %d %d %s %d events %d", hashVersion, store.FormatVersion, an, an.Version(), events.Version))
	for _, s := range []string{a.ID, a.Title, a.Body, a.Raw, a.Source, a.URL} {
		put(s)
	}
	date := ""
	if !a.Date.IsZero() {
		date = a.Date.UTC().Format(time.RFC3339Nano)
	}
	put(date)
	for _, list := range [][]string{a.Agencies, a.People} {
		put(fmt.Sprint(len(list)))
		for _, s := range list {
			put(s)
		}
	}
	return hex.EncodeToString(h.Sum(nil)[:16])
}

// textHash hashes an article's title and body with their white space
// folded, to count articles that repeat another's text.
func textHash(a *Article) uint64 {
	// FNV-1a over the words of the title and the body, each word followed
	// by a space (white space of any kind or length counts as one) and
	// each text by a zero byte.
	const prime = 1099511628211
	h := uint64(14695981039346656037)
	for _, t := range []string{a.Title, a.Body} {
		inWord := false
		for _, r := range t {
			if unicode.IsSpace(r) {
				if inWord {
					h = (h ^ ' ') * prime
				}
				inWord = false
				continue
			}
			inWord = true
			if r < utf8.RuneSelf {
				h = (h ^ uint64(r)) * prime
				continue
			}
			var buf [utf8.UTFMax]byte
			for _, b := range buf[:utf8.EncodeRune(buf[:], r)] {
				h = (h ^ uint64(b)) * prime
			}
		}
		if inWord {
			h = (h ^ ' ') * prime
		}
		h *= prime // the zero byte
	}
	return h
}
