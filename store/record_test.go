package store

import (
	"reflect"
	"testing"
	"time"
)

// A record keeps what an article reports: statements with their spans,
// visits with their days, month and status.
func TestRecordEvents(t *testing.T) {
	codec, err := NewCodec()
	if err != nil {
		t.Fatal(err)
	}
	defer codec.Close()
	body := "وقال وزير الخارجية الروسي سيرغي لافروف إن العلاقات مع الصين في أفضل حالاتها."
	in := Record{
		Title: "لافروف في بكين",
		Date:  time.Date(2024, 4, 8, 0, 0, 0, 0, time.UTC),
		Hash:  "00112233445566778899aabbccddeeff",
		Lens:  [2]int{3, 12},
		Statements: []Statement{{
			Speaker: "سيرغي لافروف", SaidAs: "وزير الخارجية الروسي سيرغي لافروف", Verb: "قال",
			Start: 67, End: len(body), Sig: 0x8000_0000_0000_0001,
		}},
		Visits: []Visit{{
			Visitor: "سيرغي لافروف", VisitorAs: "لافروف", Destination: "بكين", Country: "الصين",
			From: time.Date(2024, 4, 8, 0, 0, 0, 0, time.UTC), To: time.Date(2024, 4, 9, 0, 0, 0, 0, time.UTC),
			Start: 0, End: 10,
		}, {
			Visitor: "شي جين بينغ", Destination: "روسيا", Country: "روسيا", Month: time.May, Planned: true,
		}},
	}
	codec.SetText(&in, body, body)
	out, err := DecodeRecord(in.Encode(nil))
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(out.Statements, in.Statements) || !reflect.DeepEqual(out.Visits, in.Visits) {
		t.Errorf("read back\n%+v\n%+v\nwant\n%+v\n%+v", out.Statements, out.Visits, in.Statements, in.Visits)
	}
	if out.Hash != in.Hash || out.Title != in.Title || !out.Date.Equal(in.Date) || out.Lens != in.Lens {
		t.Errorf("read back %q %q %v %v, want %q %q %v %v", out.Hash, out.Title, out.Date, out.Lens, in.Hash, in.Title, in.Date, in.Lens)
	}
	_, got, err := codec.Text(out)
	if err != nil || got[out.Statements[0].Start:out.Statements[0].End] != body[67:] {
		t.Errorf("statement text %q, %v", got[out.Statements[0].Start:out.Statements[0].End], err)
	}
	// A record cut short is damaged, not a panic.
	b := in.Encode(nil)
	for n := range len(b) {
		if _, err := DecodeRecord(b[:n]); err == nil {
			t.Fatalf("record cut to %d of %d bytes read without error", n, len(b))
		}
	}
}

// Every content hash reads back as it was written: packed hex whatever
// its first byte (a hash beginning "00" once read back as another string,
// so its article counted as changed on every update), and any other
// string as it is.
func TestRecordHash(t *testing.T) {
	for _, h := range []string{
		"00112233445566778899aabbccddeeff", "0013105ec8f22579aa165e6189f60e19",
		"ff112233445566778899aabbccddee00", "01", "", "not hex", "ABCDEF", "\x00\x01", "\x01",
	} {
		r := Record{Title: "لافروف", Hash: h}
		out, err := DecodeRecord(r.Encode(nil))
		if err != nil || out.Hash != h {
			t.Errorf("hash %q read back as %q, %v", h, out.Hash, err)
		}
	}
}

// A record read from a damaged index is read or refused, never a panic,
// and what is read encodes back to the same bytes.
func FuzzDecodeRecord(f *testing.F) {
	codec, err := NewCodec()
	if err != nil {
		f.Fatal(err)
	}
	defer codec.Close()
	r := Record{Title: "بوتين", Statements: []Statement{{Speaker: "فلاديمير بوتين", Verb: "قال", Start: 1, End: 9}},
		Visits: []Visit{{Visitor: "فلاديمير بوتين", Destination: "بكين", Month: time.October, Planned: true}}}
	codec.SetText(&r, "قال بوتين إن", "قال بوتين إن")
	f.Add(r.Encode(nil))
	f.Add([]byte{recordVersion})
	f.Fuzz(func(t *testing.T, b []byte) {
		rec, err := DecodeRecord(b)
		if err != nil {
			return
		}
		again, err := DecodeRecord(rec.Encode(nil))
		if err != nil {
			t.Fatalf("a record read does not read back: %v", err)
		}
		if !reflect.DeepEqual(again.Statements, rec.Statements) || again.Title != rec.Title {
			t.Fatalf("read back differently")
		}
		codec.Text(rec)
	})
}
