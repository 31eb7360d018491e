package news

import "time"

// MonthNamed returns the month a month name names, in any of the
// spellings ParseDate reads (Levantine, Egyptian and Gulf, Maghrebi:
// "نيسان", "أبريل", "ابريل", "أفريل" …), or 0 when name is none. A
// two-word name ("تشرين الأول") is given with one space between its
// words.
func MonthNamed(name string) time.Month { return monthNames[normalize(name)] }
