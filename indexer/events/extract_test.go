package events_test

import (
	"strings"
	"testing"
	"time"

	"github.com/fahras/fahras/indexer/events"
)

func day(s string) time.Time {
	if s == "" {
		return time.Time{}
	}
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		panic(err)
	}
	return t
}

// stmt is what a test expects of a statement.
type stmt struct {
	speaker, verb, text string
	quote               bool
}

// TestStatements reads sentences of the seed articles, each as the body
// of an article, and checks every statement found: its speaker, verb,
// words and whether they are quoted.
func TestStatements(t *testing.T) {
	cases := []struct {
		name string
		body string
		want []stmt
	}{{
		name: "verb before the speaker, reported clause (001)",
		body: `أكّد وزير الخارجية الروسي، سيرغي لافروف، خلال محادثاته مع نظيره الصيني، وانغ يي، في موسكو اليوم الثلاثاء، أنّ زعيمي روسيا والصين عازمان على التعزيز المستمر لـ"الروابط الروسية الصينية".`,
		want: []stmt{{"سيرغي لافروف", "أكّد", `زعيمي روسيا والصين عازمان على التعزيز المستمر لـ"الروابط الروسية الصينية"`, false}},
	}, {
		name: "quotation after a colon, continuation by participle (001)",
		body: `وقال لافروف: "روسيا والصين متّحدتان ليس فقط من خلال أخوّة تاريخية وعسكرية"، مضيفاً: "هكذا يُرشدنا زعيمانا الرئيس بوتين والرئيس شي جين بينغ، مؤخراً".`,
		want: []stmt{
			{"سيرغي لافروف", "قال", "روسيا والصين متّحدتان ليس فقط من خلال أخوّة تاريخية وعسكرية", true},
			{"سيرغي لافروف", "مضيفاً", "هكذا يُرشدنا زعيمانا الرئيس بوتين والرئيس شي جين بينغ، مؤخراً", true},
		},
	}, {
		name: "an office standing for a name given earlier (001)",
		body: "أكّد وزير الخارجية الروسي، سيرغي لافروف، أنّ زعيمي روسيا والصين عازمان على التعزيز.\n\n" +
			`وأكّد وزير الخارجية الروسي: "سنبذل قصارى جهدنا لتنفيذ اتفاقياتهما بفعّالية"، مشدداً على أنّ الشراكة الاستراتيجية بين روسيا والصين "دائمة وليست مؤقتة".`,
		want: []stmt{
			{"سيرغي لافروف", "أكّد", "زعيمي روسيا والصين عازمان على التعزيز", false},
			{"سيرغي لافروف", "أكّد", "سنبذل قصارى جهدنا لتنفيذ اتفاقياتهما بفعّالية", true},
			{"سيرغي لافروف", "مشدداً", `الشراكة الاستراتيجية بين روسيا والصين "دائمة وليست مؤقتة"`, false},
		},
	}, {
		name: "verbal noun after نقلت … عن (002)",
		body: `ونقلت وكالات أنباء روسية عن لافروف قوله: "أشكر الجانب الصيني على تعازيه".`,
		want: []stmt{{"سيرغي لافروف", "قوله", "أشكر الجانب الصيني على تعازيه", true}},
	}, {
		name: "a quotation of two sentences; the agency in وفق ما is a channel (002)",
		body: `وتعهد وانغ يي خلال اجتماعه مع لافروف بأن "الصين ستدعم التنمية المستقرة في روسيا تحت قيادة بوتين". وأضاف وفق ما نقلته وكالة ريا نوفوستي الروسية، أن "بكين وموسكو ستواصلان تعزيز تعاونهما الاستراتيجي". وتابع أن "دعم الشعب هو مصدر التقدم في روسيا. وأعتقد أنه سيكون للشعب الروسي مستقبل مشرق".`,
		want: []stmt{
			{"وانغ يي", "تعهد", "الصين ستدعم التنمية المستقرة في روسيا تحت قيادة بوتين", true},
			{"وانغ يي", "أضاف", "بكين وموسكو ستواصلان تعزيز تعاونهما الاستراتيجي", true},
			{"وانغ يي", "تابع", "دعم الشعب هو مصدر التقدم في روسيا. وأعتقد أنه سيكون للشعب الروسي مستقبل مشرق", true},
		},
	}, {
		name: "وفق ما أعلنت after the clause; a dateline (000)",
		body: "موسكو: يجري وزير الخارجية الروسية سيرغي لافروف الاثنين والثلاثاء زيارة رسمية للصين، وفق ما أعلنت وزارة الخارجية الروسية الأحد.",
		want: []stmt{{"وزارة الخارجية الروسية", "أعلنت", "يجري وزير الخارجية الروسية سيرغي لافروف الاثنين والثلاثاء زيارة رسمية للصين", false}},
	}, {
		name: "الوزارة and البيان stand for the ministry named before (000)",
		body: "وفق ما أعلنت وزارة الخارجية الروسية الأحد، يزور لافروف الصين.\n\n" +
			`وقالت الوزارة في بيان "سيقوم وزير خارجية روسيا الاتحادية سيرغي لافروف بزيارة رسمية لجمهورية الصين الشعبية".` + "\n\n" +
			`وأوضح البيان أن الوزيرين "سيناقشان مجموعة من قضايا التعاون الثنائي".`,
		want: []stmt{
			{"وزارة الخارجية الروسية", "أعلنت", "يزور لافروف الصين", false},
			{"وزارة الخارجية الروسية", "قالت", "سيقوم وزير خارجية روسيا الاتحادية سيرغي لافروف بزيارة رسمية لجمهورية الصين الشعبية", true},
			{"وزارة الخارجية الروسية", "أوضح", `الوزيرين "سيناقشان مجموعة من قضايا التعاون الثنائي"`, false},
		},
	}, {
		name: "بحسب opening the sentence (004)",
		body: "وبحسب باتروشيف، فإن الجهود الغربية لاحتواء روسيا والصين ستجعل البلدين يتعاونان بشكل أكبر.",
		want: []stmt{{"نيكولاي باتروشيف", "بحسب", "الجهود الغربية لاحتواء روسيا والصين ستجعل البلدين يتعاونان بشكل أكبر", false}},
	}, {
		name: "two speakers named together (002)",
		body: `وخلال قمة العام الماضي، أعلن الزعيمان شي جين بينغ وبوتين أن العلاقات "تدخل عصراً جديداً".`,
		want: []stmt{
			{"شي جين بينغ", "أعلن", `العلاقات "تدخل عصراً جديداً"`, false},
			{"فلاديمير بوتين", "أعلن", `العلاقات "تدخل عصراً جديداً"`, false},
		},
	}, {
		name: "a short name of a person named before (003)",
		body: "وقالت ماو نينغ المتحدثة باسم وزارة الخارجية الصينية إن الصين ليست طرفا في الأزمة.\n\n" +
			`وردا على سؤال خلال مؤتمر صحافي أكدت ماو أن بكين ستواصل "تعزيز السلام والمحادثات".`,
		want: []stmt{
			{"ماو نينغ", "قالت", "الصين ليست طرفا في الأزمة", false},
			{"ماو نينغ", "أكدت", `بكين ستواصل "تعزيز السلام والمحادثات"`, false},
		},
	}, {
		name: "countries and groups are not speakers (002, 004)",
		body: "وبينما تقول الصين إنها طرف محايد في النزاع في أوكرانيا، فقد تعرضت لانتقادات. ويقول الخبراء إن روسيا والصين تقتربان من بعضهما البعض.",
		want: nil,
	}, {
		name: "speech verbs inside a quotation are the speaker's words (002)",
		body: `وأضاف لافروف أن "نتائج الانتخابات أكدت ثقة الشعب الروسي العميقة بزعيمنا".`,
		want: []stmt{{"سيرغي لافروف", "أضاف", "نتائج الانتخابات أكدت ثقة الشعب الروسي العميقة بزعيمنا", true}},
	}}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, _ := events.Extract("", c.body, time.Time{})
			if len(got) != len(c.want) {
				for _, g := range got {
					t.Logf("found [%s] %s: %s", g.Speaker, g.Verb, g.Text)
				}
				t.Fatalf("found %d statements, want %d", len(got), len(c.want))
			}
			for k, w := range c.want {
				g := got[k]
				if g.Speaker != w.speaker || g.Verb != w.verb || g.Text != w.text || g.Quote != w.quote {
					t.Errorf("statement %d:\n got [%s] %q %q quote=%v\nwant [%s] %q %q quote=%v", k, g.Speaker, g.Verb, g.Text, g.Quote, w.speaker, w.verb, w.text, w.quote)
				}
				if c.body[g.Start:g.End] != g.Text {
					t.Errorf("statement %d: span %d-%d is %q, not its text", k, g.Start, g.End, c.body[g.Start:g.End])
				}
			}
		})
	}
}

// TestVisits reads sentences of the seed articles and checks every
// visit found.
func TestVisits(t *testing.T) {
	cases := []struct {
		name      string
		body      string
		published string
		want      []events.Visit // Start and End are not compared
	}{{
		name:      "arrived yesterday for two days (002)",
		body:      "ووصل لافروف إلى الصين، أمس الاثنين، في زيارة رسمية تستغرق يومين، حيث يتطلع البلدان إلى تعزيز العلاقات الدبلوماسية بينهما.",
		published: "2024-04-09",
		want:      []events.Visit{{Visitor: "سيرغي لافروف", Destination: "الصين", From: day("2024-04-08"), To: day("2024-04-09"), Status: events.Done}},
	}, {
		name: "a numeric date; the landing and the last day told later (003)",
		body: "بكين - وصل وزير الخارجية الروسي سيرغي لافروف إلى بكين الإثنين 08-04-2024 كما أعلن مكتبه، في زيارة رسمية.\n\n" +
			"وكانت الوزارة ذكرت أن زيارة لافروف ستستمر حتى الثلاثاء.",
		published: "2024-04-08",
		want:      []events.Visit{{Visitor: "سيرغي لافروف", Destination: "بكين", From: day("2024-04-08"), To: day("2024-04-09"), Status: events.Done}},
	}, {
		name: "planned, days and month in a quoted statement, the year from the article (000)",
		body: "موسكو: يجري وزير الخارجية الروسية سيرغي لافروف الاثنين والثلاثاء زيارة رسمية للصين.\n\n" +
			`وقالت الوزارة في بيان "في 8 و9 نيسان (أبريل)، سيقوم وزير خارجية روسيا الاتحادية سيرغي لافروف بزيارة رسمية لجمهورية الصين الشعبية".` + "\n\n" +
			"وبعد إعادة انتخابه في آذار (مارس) 2024، وصف بوتين العلاقة بأنها جيدة.",
		want: []events.Visit{{Visitor: "سيرغي لافروف", Destination: "الصين", From: day("2024-04-08"), To: day("2024-04-09"), Status: events.Planned}},
	}, {
		name: "a month and year only (000)",
		body: "وفي آذار (مارس) 2023، زار الرئيس الصيني شي جينبينغ موسكو حيث أعاد التأكيد مع نظيره فلاديمير بوتين الصداقة.",
		want: []events.Visit{{Visitor: "شي جين بينغ", Destination: "موسكو", From: day("2023-03-01"), To: day("2023-03-31"), Month: time.March, Status: events.Done}},
	}, {
		name: "a month with no year and no publication date (004)",
		body: "وصل رئيس الوزراء الروسي ميخائيل ميشوستين إلى بكين في نهاية شهر مايو، ليصبح أعلى مسؤول روسي يزور الصين منذ أن أطلقت موسكو حملتها في أوكرانيا.",
		want: []events.Visit{{Visitor: "ميخائيل ميشوستين", Destination: "بكين", Month: time.May, Status: events.Done}},
	}, {
		name: "planned, currently under way, and a visit of the past (004, 003)",
		body: "من المقرر أن يزور الرئيس الروسي فلاديمير بوتن بكين الشهر المقبل لإجراء محادثات.\n\n" +
			"ووجهت وزيرة الخزانة الأميركية جانيت يلين التي تزور الصين حاليا السبت تحذيرا إلى الشركات الصينية.",
		published: "2023-09-20",
		want: []events.Visit{
			{Visitor: "فلاديمير بوتين", Destination: "بكين", From: day("2023-10-01"), To: day("2023-10-31"), Month: time.October, Status: events.Planned},
			{Visitor: "جانيت يلين", Destination: "الصين", Status: events.Done},
		},
	}, {
		name: "no trip: a meeting in a city, a forum attended (000, 004)",
		body: "وبعد أشهر قليلة، اجتمع الرئيس الروسي مع نظيره الصيني على هامش منتدى طرق الحرير الجديدة في بكين. وحضر زعيم الكرملين منتدى الحزام والطريق في الصين في عامي 2017 و2019.",
		want: nil,
	}}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, got := events.Extract("", c.body, day(c.published))
			if len(got) != len(c.want) {
				for _, g := range got {
					t.Logf("found [%s] → %s %s %v..%v %v", g.Visitor, g.Destination, g.Status, g.From, g.To, g.Month)
				}
				t.Fatalf("found %d visits, want %d", len(got), len(c.want))
			}
			for k, w := range c.want {
				g := got[k]
				if g.Visitor != w.Visitor || g.Destination != w.Destination || g.Status != w.Status || !g.From.Equal(w.From) || !g.To.Equal(w.To) || g.Month != w.Month {
					t.Errorf("visit %d:\n got [%s] → %s %s %s..%s month %d\nwant [%s] → %s %s %s..%s month %d", k,
						g.Visitor, g.Destination, g.Status, date(g.From), date(g.To), g.Month,
						w.Visitor, w.Destination, w.Status, date(w.From), date(w.To), w.Month)
				}
				if ev := c.body[g.Start:g.End]; !strings.Contains(ev, g.VisitorAs) {
					t.Errorf("visit %d: evidence %q does not name the visitor as %q", k, ev, g.VisitorAs)
				}
			}
		})
	}
}
