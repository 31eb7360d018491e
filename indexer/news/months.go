package news

import "time"

// MonthNames returns the month names ParseDate reads, in matching form
// (see FoldRune), and their months: the Levantine, Egyptian and Gulf,
// and Maghrebi names with their spelling variants ("نيسان", "ابريل",
// "افريل" …). A two-word name ("تشرين الاول") has one space between its
// words. The map is a copy the caller may keep.
func MonthNames() map[string]time.Month {
	m := make(map[string]time.Month, len(monthNames))
	for k, v := range monthNames {
		m[k] = v
	}
	return m
}
