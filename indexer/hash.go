package indexer

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"fmt"
	"hash/fnv"
	"io"
	"strings"
	"time"

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
	h := fnv.New64a()
	for _, t := range []string{a.Title, a.Body} {
		for _, f := range strings.Fields(t) {
			h.Write([]byte(f))
			h.Write([]byte{' '})
		}
		h.Write([]byte{0})
	}
	return h.Sum64()
}
