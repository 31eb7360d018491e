package news

import (
	"encoding/base64"
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"unicode"
	"unicode/utf8"
)

const (
	// NumHashes is the number of MinHash functions in a Sig.
	NumHashes = 128
	// ShingleWords is the number of words in a shingle.
	ShingleWords = 3
	// BandRows is the number of hash values in one LSH band; a Sig has
	// NumHashes/BandRows bands.
	BandRows = 2
	// NumBands is the number of LSH band keys per Sig.
	NumBands = NumHashes / BandRows
	// NearDuplicate is the estimated Jaccard similarity of shingles at or
	// above which two articles are taken for the same story.
	NearDuplicate = 0.25
)

// Sig is the MinHash signature of a text: for each of NumHashes hash
// functions, the least hash of the text's shingles. The zero-length text
// has every value at the maximum and is similar to nothing.
type Sig [NumHashes]uint32

// Per-function multipliers (odd) and offsets for multiply-shift hashing of
// one 64-bit shingle hash, fixed so that signatures stored in an index
// stay comparable.
var hashA, hashB = func() (a, b [NumHashes]uint64) {
	s := uint64(0x66616872617321) // "fahras!"
	next := func() uint64 {       // splitmix64
		s += 0x9e3779b97f4a7c15
		z := s
		z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9
		z = (z ^ (z >> 27)) * 0x94d049bb133111eb
		return z ^ (z >> 31)
	}
	for i := range a {
		a[i] = next() | 1
		b[i] = next()
	}
	return
}()

func mix64(z uint64) uint64 {
	z = (z ^ (z >> 33)) * 0xff51afd7ed558ccd
	z = (z ^ (z >> 33)) * 0xc4ceb9fe1a85ec53
	return z ^ (z >> 33)
}

const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

// sigRune maps one rune to the form signatures hash it in, or -1 to drop
// it: alef forms become bare alef, alef maqsura and Persian yeh ya, ta
// marbuta ha, the hamza seats on waw and ya the bare letters, Persian kaf
// kaf; diacritics and tatweel are dropped; Arabic-Indic and Persian
// digits become ASCII and letters are lower-cased. It is the matching form
// signatures were defined with, kept apart from normalize so that
// signatures stored in an index stay comparable with new ones.
func sigRune(r rune) rune {
	switch {
	case r == 'أ' || r == 'إ' || r == 'آ' || r == 'ٱ':
		return 'ا'
	case r == 'ى' || r == 'ی' || r == 'ئ':
		return 'ي'
	case r == 'ؤ':
		return 'و'
	case r == 'ة':
		return 'ه'
	case r == 'ک':
		return 'ك'
	case r == 'ـ':
		return -1
	case r >= 0x064B && r <= 0x065F, r == 0x0670:
		return -1 // harakat, shadda, sukun, dagger alef
	case r >= '٠' && r <= '٩':
		return '0' + (r - '٠')
	case r >= '۰' && r <= '۹':
		return '0' + (r - '۰')
	case r < utf8.RuneSelf:
		if r >= 'A' && r <= 'Z' {
			return r + ('a' - 'A')
		}
		return r
	case r >= 0x0600 && r <= 0x06FF:
		return r
	}
	return unicode.ToLower(r)
}

// wordHashes returns the FNV-1a hash of each word of text in the form of
// sigRune.
func wordHashes(text string) []uint64 {
	out := make([]uint64, 0, len(text)/8)
	h, inWord := uint64(fnvOffset), false
	var buf [utf8.UTFMax]byte
	for _, r := range text {
		if !isWordRune(r) {
			if inWord {
				out = append(out, h)
				h, inWord = fnvOffset, false
			}
			continue
		}
		m := sigRune(r)
		if m < 0 {
			continue
		}
		inWord = true
		if m < utf8.RuneSelf {
			h = (h ^ uint64(m)) * fnvPrime
			continue
		}
		n := utf8.EncodeRune(buf[:], m)
		for _, c := range buf[:n] {
			h = (h ^ uint64(c)) * fnvPrime
		}
	}
	if inWord {
		out = append(out, h)
	}
	return out
}

// Signature returns the MinHash signature of text's shingles: runs of
// ShingleWords consecutive words with their spelling folded (see
// sigRune), so that spelling variants (أ/ا, ى/ي, ة/ه, diacritics) do
// not tell two copies apart. A
// text of fewer words is one shingle.
func Signature(text string) Sig {
	var s Sig
	for i := range s {
		s[i] = math.MaxUint32
	}
	ws := wordHashes(text)
	if len(ws) == 0 {
		return s
	}
	add := func(x uint64) {
		x = mix64(x)
		for i := range s {
			if v := uint32((hashA[i]*x + hashB[i]) >> 32); v < s[i] {
				s[i] = v
			}
		}
	}
	if len(ws) < ShingleWords {
		x := uint64(0)
		for _, w := range ws {
			x = x*0x9e3779b97f4a7c15 ^ w
		}
		add(x)
		return s
	}
	for i := 0; i+ShingleWords <= len(ws); i++ {
		x := uint64(0)
		for _, w := range ws[i : i+ShingleWords] {
			x = (x ^ w) * 0x9e3779b97f4a7c15
			x ^= x >> 29
		}
		add(x)
	}
	return s
}

// Empty reports whether s is the signature of a text with no words.
func (s Sig) Empty() bool {
	for _, v := range s {
		if v != math.MaxUint32 {
			return false
		}
	}
	return true
}

// Similarity estimates the Jaccard similarity of the two texts' shingle
// sets: the share of hash functions on which the signatures agree. An
// empty signature is similar to nothing.
func (s Sig) Similarity(o Sig) float64 {
	if s.Empty() || o.Empty() {
		return 0
	}
	n := 0
	for i := range s {
		if s[i] == o[i] {
			n++
		}
	}
	return float64(n) / NumHashes
}

// NearDuplicateOf reports whether the two signatures are of the same
// story: Similarity at or above NearDuplicate.
func (s Sig) NearDuplicateOf(o Sig) bool { return s.Similarity(o) >= NearDuplicate }

// Bands returns the signature's LSH band keys, NumBands short strings
// (two hex digits of band number, twelve of band hash) to store as index
// terms: two texts share a key with probability 1-(1-J^BandRows)^NumBands
// for Jaccard similarity J: about 0.98 at J=0.25 (NearDuplicate), 0.47 at
// 0.1 and 0.15 at 0.05, so a shared key finds candidates that Similarity
// must then confirm. An empty signature has no bands.
func (s Sig) Bands() []string {
	if s.Empty() {
		return nil
	}
	out := make([]string, NumBands)
	for b := range out {
		h := uint64(fnvOffset)
		for _, v := range s[b*BandRows : (b+1)*BandRows] {
			h = (h ^ uint64(v)) * fnvPrime
		}
		out[b] = fmt.Sprintf("%02x%012x", b, mix64(h)>>16)
	}
	return out
}

// String encodes the signature as URL-safe base64 without padding (683
// characters), for storing beside an article.
func (s Sig) String() string {
	var b [NumHashes * 4]byte
	for i, v := range s {
		binary.LittleEndian.PutUint32(b[i*4:], v)
	}
	return base64.RawURLEncoding.EncodeToString(b[:])
}

// ErrBadSig is returned by ParseSig for a string that Sig.String did not
// make.
var ErrBadSig = errors.New("news: not a MinHash signature")

// ParseSig decodes a signature made by Sig.String.
func ParseSig(str string) (Sig, error) {
	var s Sig
	b, err := base64.RawURLEncoding.DecodeString(str)
	if err != nil || len(b) != NumHashes*4 {
		return s, ErrBadSig
	}
	for i := range s {
		s[i] = binary.LittleEndian.Uint32(b[i*4:])
	}
	return s, nil
}
