package news

import "strings"

// sourceNames are the Arabic names of the sites archives name by a Latin
// slug (SaudiNewsNet's among them), as their readers know them.
var sourceNames = map[string]string{
	"aljazirah":    "الجزيرة",
	"alyaum":       "اليوم",
	"aawsat":       "الشرق الأوسط",
	"okaz":         "عكاظ",
	"almadina":     "المدينة",
	"aleqtisadiya": "الاقتصادية",
	"alwatan":      "الوطن",
	"3alyoum":      "عاليوم",
	"was":          "واس",
	"spa":          "واس",
	"arreyadi":     "الرياضي",
	"alweeam":      "الوئام",
	"arriyadiyah":  "الرياضية",
	"alriyadh":     "الرياض",
	"sabq":         "سبق",
	"alarabiya":    "العربية",
	"aljazeera":    "الجزيرة نت",
	"alhayat":      "الحياة",
	"asharq":       "الشرق",
	"elaph":        "إيلاف",
	"alaraby":      "العربي الجديد",
	"alquds":       "القدس العربي",
	"rt":           "روسيا اليوم",
	"bbc":          "بي بي سي عربي",
}

// SourceName returns the Arabic name of a source an archive names by a
// Latin slug ("aawsat" → "الشرق الأوسط"), or the source as it is when the
// name is not known. Case and surrounding spaces do not matter.
func SourceName(source string) string {
	if n, ok := sourceNames[strings.ToLower(strings.TrimSpace(source))]; ok {
		return n
	}
	return source
}
