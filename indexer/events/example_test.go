package events_test

import (
	"fmt"
	"time"

	"github.com/fahras/fahras/indexer/events"
)

// Two paragraphs of seed 002: Lavrov's statements, one of them continued
// by a participle, and his arrival in China the day before the
// article's date.
func ExampleExtract() {
	body := `قال وزير الخارجية الروسي سيرغي لافروف في بكين، اليوم الثلاثاء، إنّ روسيا والصين ستواصلان التعاون في الحرب ضد الإرهاب. وقال لافروف إنه "بفضل قيادتينا، وصلت علاقات الشراكة الشاملة إلى مستوى غير مسبوق"، مضيفاً أنه "مع إعادة انتخاب فلاديمير بوتين، فإن استمرارية تعزيزها تلقت مزيداً من الضمانات".

ووصل لافروف إلى الصين، أمس الاثنين، في زيارة رسمية تستغرق يومين.`
	published := time.Date(2024, 4, 9, 0, 0, 0, 0, time.UTC)
	statements, visits := events.Extract("", body, published)
	for _, s := range statements {
		fmt.Printf("%s (%s, quoted: %v): %s\n", s.Speaker, s.Verb, s.Quote, s.Text)
	}
	for _, v := range visits {
		fmt.Printf("%s → %s, %s, %s to %s\n", v.Visitor, v.Destination, v.Status, v.From.Format("2006-01-02"), v.To.Format("2006-01-02"))
	}
	// Output:
	// سيرغي لافروف (قال, quoted: false): روسيا والصين ستواصلان التعاون في الحرب ضد الإرهاب
	// سيرغي لافروف (قال, quoted: true): بفضل قيادتينا، وصلت علاقات الشراكة الشاملة إلى مستوى غير مسبوق
	// سيرغي لافروف (مضيفاً, quoted: true): مع إعادة انتخاب فلاديمير بوتين، فإن استمرارية تعزيزها تلقت مزيداً من الضمانات
	// سيرغي لافروف → الصين, done, 2024-04-08 to 2024-04-09
}
