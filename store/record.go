package store

import (
	"encoding/binary"
	"encoding/hex"
	"errors"
	"fmt"
	"strings"
	"time"
	"unsafe"

	"github.com/klauspost/compress/zstd"
)

// Record is what the index stores of an article: the text, once, and what
// a hit shows of it.
type Record struct {
	// Title is the article's title.
	Title string
	// Date is the publication date, zero when unknown.
	Date time.Time
	// Source and URL are where the article was published, when known.
	Source, URL string
	// Hash is the content hash an update compares (see package indexer).
	Hash string
	// Lens are the lengths in words of the title and body fields, which
	// an update subtracts from the statistics when the article goes.
	Lens [2]int
	// Statements and Visits are what the article reports of who said
	// what and who went where.
	Statements []Statement
	Visits     []Visit

	raw  []byte // the raw text, zstd-compressed
	body []byte // the body when it is not spans of the raw text, compressed
	// spans are the body's paragraphs as [start, end) byte ranges of the
	// raw text; the body is them joined by paragraphSep.
	spans [][2]int
}

// maxTextBytes bounds a text a record holds once decompressed.
const maxTextBytes = 64 << 20

// paragraphSep separates the paragraphs of a body.
const paragraphSep = "\n\n"

// recordVersion is the version of the record's encoding. Version 2
// records, whose content hash could not tell a packed hash beginning
// with a zero byte from a string kept as it is, are still read.
const recordVersion = 3

// ErrDamagedRecord reports a stored record that cannot be read.
var ErrDamagedRecord = errors.New("damaged record")

// Codec encodes and decodes records. It is safe for concurrent use.
type Codec struct {
	enc *zstd.Encoder
	dec *zstd.Decoder
}

// NewCodec returns a codec; Close releases it.
func NewCodec() (*Codec, error) {
	enc, err := zstd.NewWriter(nil, zstd.WithEncoderConcurrency(1), zstd.WithEncoderLevel(zstd.SpeedDefault))
	if err != nil {
		return nil, fmt.Errorf("text compression: %w", err)
	}
	// Records are small: many decoders of little memory each. A text is
	// at most an article (16 MB read, see package indexer): a damaged
	// record claiming more is refused rather than allocated.
	dec, err := zstd.NewReader(nil, zstd.WithDecoderConcurrency(0), zstd.WithDecoderLowmem(true), zstd.WithDecoderMaxMemory(maxTextBytes))
	if err != nil {
		enc.Close()
		return nil, fmt.Errorf("text compression: %w", err)
	}
	return &Codec{enc: enc, dec: dec}, nil
}

// Close releases the codec.
func (c *Codec) Close() {
	c.enc.Close()
	c.dec.Close()
}

// SetText sets the record's raw text and body, storing the body as spans
// of the raw text where its paragraphs are found there in order, so that
// the text is stored once.
func (c *Codec) SetText(r *Record, raw, body string) {
	r.raw, r.body, r.spans = nil, nil, nil
	if raw != "" {
		r.raw = c.enc.EncodeAll([]byte(raw), nil)
	}
	if body == "" {
		return
	}
	if raw != "" {
		var spans [][2]int
		from := 0
		for _, p := range strings.Split(body, paragraphSep) {
			i := strings.Index(raw[from:], p)
			if i < 0 {
				spans = nil
				break
			}
			spans = append(spans, [2]int{from + i, from + i + len(p)})
			from += i + len(p)
		}
		if spans != nil {
			r.spans = spans
			return
		}
	}
	r.body = c.enc.EncodeAll([]byte(body), nil)
}

// Text returns the record's raw text and body.
func (c *Codec) Text(r *Record) (raw, body string, err error) {
	if len(r.raw) > 0 {
		b, err := c.dec.DecodeAll(r.raw, nil)
		if err != nil {
			return "", "", fmt.Errorf("%w: %v", ErrDamagedRecord, err)
		}
		// b is new and nothing else holds it: the string can share it.
		raw = unsafe.String(unsafe.SliceData(b), len(b))
	}
	switch {
	case len(r.body) > 0:
		b, err := c.dec.DecodeAll(r.body, nil)
		if err != nil {
			return "", "", fmt.Errorf("%w: %v", ErrDamagedRecord, err)
		}
		body = unsafe.String(unsafe.SliceData(b), len(b))
	case len(r.spans) > 0:
		var sb strings.Builder
		size := len(paragraphSep) * (len(r.spans) - 1)
		for _, s := range r.spans {
			size += max(0, s[1]-s[0])
		}
		if size > 0 && size <= len(raw)+len(paragraphSep)*len(r.spans) {
			sb.Grow(size)
		}
		for i, s := range r.spans {
			if s[0] < 0 || s[0] > s[1] || s[1] > len(raw) {
				return "", "", fmt.Errorf("%w: a paragraph lies outside the text", ErrDamagedRecord)
			}
			if i > 0 {
				sb.WriteString(paragraphSep)
			}
			sb.WriteString(raw[s[0]:s[1]])
		}
		body = sb.String()
	}
	return raw, body, nil
}

// Encode appends the record's encoding to dst.
func (r *Record) Encode(dst []byte) []byte {
	dst = append(dst, recordVersion)
	dst = appendString(dst, r.Title)
	var unix int64
	if !r.Date.IsZero() {
		unix = r.Date.Unix()
	}
	dst = binary.AppendVarint(dst, unix)
	dst = appendString(dst, r.Source)
	dst = appendString(dst, r.URL)
	dst = appendString(dst, hashBytes(r.Hash))
	dst = binary.AppendUvarint(dst, uint64(r.Lens[0]))
	dst = binary.AppendUvarint(dst, uint64(r.Lens[1]))
	dst = appendString(dst, string(r.raw))
	dst = appendString(dst, string(r.body))
	dst = binary.AppendUvarint(dst, uint64(len(r.spans)))
	end := 0
	for _, s := range r.spans {
		dst = binary.AppendUvarint(dst, uint64(s[0]-end))
		dst = binary.AppendUvarint(dst, uint64(s[1]-s[0]))
		end = s[1]
	}
	return appendEvents(dst, r.Statements, r.Visits)
}

// DecodeRecord reads a record that Encode wrote. The record keeps parts
// of b: b must not change while it is used.
func DecodeRecord(b []byte) (*Record, error) {
	d := decoder{b: b}
	v := d.byte()
	if v != recordVersion && v != 2 {
		return nil, fmt.Errorf("%w: version %d", ErrDamagedRecord, v)
	}
	r := &Record{}
	r.Title = string(d.bytes())
	if unix := d.varint(); unix != 0 {
		r.Date = time.Unix(unix, 0).UTC()
	}
	r.Source = string(d.bytes())
	r.URL = string(d.bytes())
	r.Hash = hashString(d.bytes(), v)
	r.Lens[0] = int(d.uvarint())
	r.Lens[1] = int(d.uvarint())
	r.raw = d.bytes()
	r.body = d.bytes()
	n := d.uvarint()
	if n > uint64(len(b)) {
		return nil, fmt.Errorf("%w: %d paragraphs", ErrDamagedRecord, n)
	}
	end := 0
	for i := uint64(0); i < n && d.err == nil; i++ {
		start := end + int(d.uvarint())
		end = start + int(d.uvarint())
		r.spans = append(r.spans, [2]int{start, end})
	}
	if d.err == nil {
		d.events(r)
	}
	if d.err != nil {
		return nil, d.err
	}
	return r, nil
}

func appendString(dst []byte, s string) []byte {
	dst = binary.AppendUvarint(dst, uint64(len(s)))
	return append(dst, s...)
}

// decoder reads a record's fields, remembering the first error.
type decoder struct {
	b   []byte
	err error
}

func (d *decoder) fail() {
	if d.err == nil {
		d.err = fmt.Errorf("%w: cut short", ErrDamagedRecord)
	}
	d.b = nil
}

func (d *decoder) byte() byte {
	if len(d.b) == 0 {
		d.fail()
		return 0
	}
	c := d.b[0]
	d.b = d.b[1:]
	return c
}

func (d *decoder) uvarint() uint64 {
	v, n := binary.Uvarint(d.b)
	if n <= 0 {
		d.fail()
		return 0
	}
	d.b = d.b[n:]
	return v
}

func (d *decoder) uint64() uint64 {
	if d.err != nil {
		return 0
	}
	if len(d.b) < 8 {
		d.fail()
		return 0
	}
	v := binary.LittleEndian.Uint64(d.b)
	d.b = d.b[8:]
	return v
}

func (d *decoder) varint() int64 {
	v, n := binary.Varint(d.b)
	if n <= 0 {
		d.fail()
		return 0
	}
	d.b = d.b[n:]
	return v
}

func (d *decoder) bytes() []byte {
	n := d.uvarint()
	if n > uint64(len(d.b)) {
		d.fail()
		return nil
	}
	v := d.b[:n:n]
	d.b = d.b[n:]
	return v
}

// hashBytes packs a content hash written in lower-case hex into its
// bytes, half the size, after a one byte; any other string is kept as it
// is, after a zero byte.
func hashBytes(h string) string {
	b, err := hex.DecodeString(h)
	if err != nil || len(b) == 0 || hex.EncodeToString(b) != h {
		return "\x00" + h
	}
	return "\x01" + string(b)
}

// hashString unpacks what hashBytes packed in a record of version v.
// Version 2 packed hex without the one byte, so there a packed hash that
// began with a zero byte reads as a string: the article then counts as
// changed once, on the next update.
func hashString(b []byte, v byte) string {
	if len(b) == 0 {
		return ""
	}
	if v == 2 {
		if b[0] == 0 {
			return string(b[1:])
		}
		return hex.EncodeToString(b)
	}
	if b[0] == 1 {
		return hex.EncodeToString(b[1:])
	}
	return string(b[1:])
}
