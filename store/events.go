package store

import (
	"encoding/binary"
	"fmt"
	"time"
)

// Statement is a statement an article reports (see package
// indexer/events): who said it, how, and where the words said are in the
// article's body. Its text is read from the body when it is shown, so
// that the index stores the text once.
type Statement struct {
	// Speaker is the canonical speaker (a person of the gazetteer by its
	// name, another speaker as written); SaidAs the speaker as the
	// article writes it; Verb the speech verb as written.
	Speaker, SaidAs, Verb string
	// Quote reports whether the words are a direct quotation.
	Quote bool
	// Start and End are the byte span of the words said in the body.
	Start, End int
	// Sig is a fingerprint of the words said (a SimHash of their words in
	// matching form): two reports of one statement have fingerprints a
	// few bits apart.
	Sig uint64
}

// Visit is a visit an article reports: who goes where, when, and the
// sentence that tells it.
type Visit struct {
	// Visitor is the canonical visitor, VisitorAs as the article first
	// writes it; Destination the place visited, Country the country it
	// is in (itself for a country or a region).
	Visitor, VisitorAs, Destination, Country string
	// From and To are the first and last day given, zero when none is;
	// Month is set when only a month is given.
	From, To time.Time
	Month    time.Month
	// Planned reports a visit still to come; else it happened or is
	// under way.
	Planned bool
	// Start and End are the byte span of the sentence in the body.
	Start, End int
}

// maxEvents bounds the statements, and the visits, kept of one article.
const maxEvents = 500

// appendEvents appends the statements and visits to a record's encoding.
func appendEvents(dst []byte, ss []Statement, vs []Visit) []byte {
	dst = binary.AppendUvarint(dst, uint64(len(ss)))
	for _, s := range ss {
		dst = appendString(dst, s.Speaker)
		dst = appendString(dst, s.SaidAs)
		dst = appendString(dst, s.Verb)
		var flags uint64
		if s.Quote {
			flags = 1
		}
		dst = binary.AppendUvarint(dst, flags)
		dst = binary.AppendUvarint(dst, uint64(s.Start))
		dst = binary.AppendUvarint(dst, uint64(s.End-s.Start))
		dst = binary.LittleEndian.AppendUint64(dst, s.Sig)
	}
	dst = binary.AppendUvarint(dst, uint64(len(vs)))
	for _, v := range vs {
		dst = appendString(dst, v.Visitor)
		dst = appendString(dst, v.VisitorAs)
		dst = appendString(dst, v.Destination)
		dst = appendString(dst, v.Country)
		dst = binary.AppendVarint(dst, dayNumber(v.From))
		dst = binary.AppendVarint(dst, dayNumber(v.To))
		flags := uint64(v.Month) << 1
		if v.Planned {
			flags |= 1
		}
		dst = binary.AppendUvarint(dst, flags)
		dst = binary.AppendUvarint(dst, uint64(v.Start))
		dst = binary.AppendUvarint(dst, uint64(v.End-v.Start))
	}
	return dst
}

// events reads into r what appendEvents wrote.
func (d *decoder) events(r *Record) {
	n := d.uvarint()
	if n > maxEvents {
		d.err = fmt.Errorf("%w: %d statements", ErrDamagedRecord, n)
		return
	}
	for i := uint64(0); i < n && d.err == nil; i++ {
		var s Statement
		s.Speaker = string(d.bytes())
		s.SaidAs = string(d.bytes())
		s.Verb = string(d.bytes())
		s.Quote = d.uvarint()&1 != 0
		s.Start = int(d.uvarint())
		s.End = s.Start + int(d.uvarint())
		s.Sig = d.uint64()
		r.Statements = append(r.Statements, s)
	}
	n = d.uvarint()
	if n > maxEvents {
		d.err = fmt.Errorf("%w: %d visits", ErrDamagedRecord, n)
		return
	}
	for i := uint64(0); i < n && d.err == nil; i++ {
		var v Visit
		v.Visitor = string(d.bytes())
		v.VisitorAs = string(d.bytes())
		v.Destination = string(d.bytes())
		v.Country = string(d.bytes())
		v.From = fromDayNumber(d.varint())
		v.To = fromDayNumber(d.varint())
		flags := d.uvarint()
		v.Planned = flags&1 != 0
		v.Month = time.Month(flags >> 1 % 13)
		v.Start = int(d.uvarint())
		v.End = v.Start + int(d.uvarint())
		r.Visits = append(r.Visits, v)
	}
}

// dayNumber is a day as days since 1970-01-01 plus one; 0 for none.
func dayNumber(t time.Time) int64 {
	if t.IsZero() {
		return 0
	}
	return t.UTC().Unix()/86400 + 1
}

func fromDayNumber(n int64) time.Time {
	if n == 0 || n > 1<<24 || n < -(1<<24) {
		return time.Time{}
	}
	return time.Unix((n-1)*86400, 0).UTC()
}
