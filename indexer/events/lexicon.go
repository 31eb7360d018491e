package events

import "strings"

// All words here are in matching form (news.FoldRune): أ إ آ → ا,
// ى ئ → ي, ؤ → و, ة → ه, no diacritics.

// How a speech verb takes what was said, besides a clause after أنّ /
// إنّ and a quotation or colon, which every verb takes.
const (
	takesAla  = 1 << iota // على: أكد على أهمية …
	takesIla              // إلى: أشار إلى …، دعا إلى …
	takesAn               // عن: كشف عن …، أعرب عن …
	takesBi               // ب: تعهد بـ …، أشاد بـ …
	takesMin              // من: حذر من …
	takesObj              // a direct object: أعلن اعتقال …، نفى تكهنات …
	strict                // only with أنّ / إنّ, a colon or a quotation (or its preposition): the verb has other senses
	quoteOnly             // only when a quotation follows: تحدث عن «…»
)

type verbKind uint8

const (
	perfect verbKind = iota
	imperfect
	participle // مضيفاً، مشيرة: continues a statement
	verbalNoun // قوله after "عن X"
)

// verb is one written form of a speech verb.
type verb struct {
	lemma string
	kind  verbKind
	many  bool // dual or plural: one statement for each speaker
	flags int
}

// speechVerbs maps each form to its verb. Built from verbTable.
var speechVerbs = map[string]verb{}

// verbTable lists the speech verbs: lemma, flags, then the perfect,
// imperfect, participle, verbal-noun and dual-or-plural forms. First
// person forms (قلت، أقول، نؤكد) are left out on purpose: the writer's
// own voice is not a report; so are passive-looking imperfects (يذكر،
// يعتبر) and futures.
var verbTable = []struct {
	lemma                        string
	flags                        int
	perf, impf, part, noun, many string
}{
	{"قال", 0, "قال قالت", "يقول تقول", "قايلا قايله", "قوله قولها قولهم", "قالا قالوا قالتا يقولون"},
	{"أكد", takesAla | takesObj, "اكد اكدت", "يوكد توكد", "موكدا موكده", "", "اكدا اكدوا اكدتا يوكدان توكدان يوكدون"},
	{"أعلن", takesAn | takesObj, "اعلن اعلنت", "يعلن تعلن", "معلنا معلنه", "", "اعلنا اعلنوا يعلنان"},
	{"أوضح", 0, "اوضح اوضحت", "يوضح توضح", "موضحا موضحه", "", "اوضحا اوضحوا"},
	{"أضاف", strict, "اضاف اضافت", "يضيف تضيف", "مضيفا مضيفه", "", "اضافا اضافوا"},
	{"شدد", takesAla, "شدد شددت", "يشدد تشدد", "مشددا مشدده", "", "شددا شددوا"},
	{"تعهد", takesBi, "تعهد تعهدت", "يتعهد تتعهد", "متعهدا متعهده", "", "تعهدا تعهدوا"},
	{"وصف", takesObj | takesBi, "وصف وصفت", "يصف تصف", "واصفا واصفه", "", "وصفا وصفوا"},
	{"دعا", takesIla | takesObj, "دعا دعت", "يدعو تدعو", "داعيا", "", "دعوا"},
	{"حذر", takesMin | takesObj, "حذر حذرت", "يحذر تحذر", "محذرا محذره", "", "حذرا حذروا"},
	{"أشار", takesIla | strict, "اشار اشارت", "يشير تشير", "مشيرا مشيره", "", "اشارا اشاروا"},
	{"ذكر", strict, "ذكر ذكرت", "تذكر", "مذكرا", "", "ذكروا"},
	{"صرح", takesBi, "صرح صرحت", "يصرح تصرح", "مصرحا مصرحه", "", "صرحوا"},
	{"كشف", takesAn | takesObj, "كشف كشفت", "يكشف تكشف", "كاشفا كاشفه", "", "كشفا كشفوا"},
	{"نفى", takesObj, "نفي نفت", "ينفي تنفي", "نافيا نافيه", "", "نفيا نفوا"},
	{"بين", strict, "بين بينت", "يبين تبين", "مبينا مبينه", "", ""},
	{"أبان", strict, "ابان ابانت", "يبين", "", "", ""},
	{"لفت", takesIla | strict, "لفت لفتت", "يلفت", "لافتا لافته", "", ""},
	{"نوه", takesIla | takesBi, "نوه نوهت", "ينوه", "منوها منوهه", "", ""},
	{"أفاد", takesBi | takesIla | strict, "افاد افادت", "يفيد تفيد", "", "", "افادوا"},
	{"طالب", takesBi | strict, "طالب طالبت", "يطالب تطالب", "مطالبا", "", "طالبوا"},
	{"اعتبر", strict, "اعتبر اعتبرت", "", "معتبرا معتبره", "", ""},
	{"رأى", strict, "راي رات", "يري تري", "", "", ""},
	{"اعتقد", strict, "اعتقد اعتقدت", "يعتقد تعتقد", "معتقدا", "", ""},
	{"تابع", strict, "تابع تابعت", "", "", "", ""},
	{"استطرد", 0, "استطرد استطردت", "", "مستطردا", "", ""},
	{"أشاد", takesBi, "اشاد اشادت", "يشيد تشيد", "مشيدا مشيده", "", "اشادا اشادوا"},
	{"أعرب", takesAn, "اعرب اعربت", "يعرب تعرب", "معربا معربه", "", "اعربا اعربوا"},
	{"أهاب", takesBi, "اهاب اهابت", "يهيب", "", "", ""},
	{"شكر", takesObj, "شكر شكرت", "يشكر تشكر", "شاكرا", "", ""},
	{"تحدث", takesAn | quoteOnly, "تحدث تحدثت", "يتحدث تتحدث", "متحدثا متحدثه", "", ""},
}

// periphrases are two-word speech verbs: a first word and the word that
// must follow it in the clause (أعاد التأكيد، وجّه تحذيراً، تقدم بالشكر،
// قدّم شكره), with the flags of the verb they stand for.
var periphrases = map[string]struct {
	second []string
	lemma  string
	flags  int
}{
	"اعاد":  {[]string{"التاكيد"}, "أكد", takesAla | takesObj},
	"اعادت": {[]string{"التاكيد"}, "أكد", takesAla | takesObj},
	"وجه":   {[]string{"تحذيرا"}, "حذر", takesObj},
	"وجهت":  {[]string{"تحذيرا"}, "حذر", takesObj},
	"تقدم":  {[]string{"بالشكر"}, "شكر", takesObj},
	"تقدمت": {[]string{"بالشكر"}, "شكر", takesObj},
	"قدم":   {[]string{"شكره"}, "شكر", takesObj},
	"قدمت":  {[]string{"شكرها"}, "شكر", takesObj},
}

// attributions introduce a speaker without a verb: بحسب X، … ; وفق ما
// أعلن X.
var attributions = map[string]bool{"بحسب": true, "حسب": true, "وفق": true, "وفقا": true, "طبقا": true, "حسبما": true}

// Kinds of trigger word, as bits: a word that may start a statement or
// a visit. Every form is also listed with و and ف before it, so that one
// lookup per word tells whether to look closer.
const (
	trigSpeech = 1 << iota
	trigVisit
	trigPart  // a participle that continues a statement
	trigMonth // a month's name, or the first word of a two-word one
)

var triggers = map[string]uint8{}

// triggerTails marks the endings of trigger words (see tailKey), so that
// most words are passed over without a map look-up.
var triggerTails [1 << 16]bool

func addTrigger(w string, bit uint8) {
	for _, c := range []string{"", "و", "ف"} {
		triggers[c+w] |= bit
	}
}

// triggerOf returns the trigger bits of a word in matching form.
func triggerOf(w string) uint8 {
	if len(w) < 2 || !triggerTails[tailKey(w)] {
		return 0
	}
	return triggers[w]
}

// tailKey hashes the last bytes of w (up to six: three Arabic letters)
// into 16 bits.
func tailKey(w string) uint16 {
	var k uint64
	for i := max(0, len(w)-6); i < len(w); i++ {
		k = k<<8 | uint64(w[i])
	}
	k *= 0x9E3779B97F4A7C15
	return uint16(k >> 48)
}

func init() {
	defer func() {
		for w := range speechVerbs {
			addTrigger(w, trigSpeech)
		}
		for w := range periphrases {
			addTrigger(w, trigSpeech)
		}
		for w := range attributions {
			addTrigger(w, trigSpeech)
		}
		for _, w := range []string{"نقل", "نقلت", "ينقل", "تنقل"} {
			addTrigger(w, trigSpeech)
		}
		for w := range visitVerbs {
			addTrigger(w, trigVisit)
		}
		for w := range arriveVerbs {
			addTrigger(w, trigVisit)
		}
		for w := range landVerbs {
			addTrigger(w, trigVisit)
		}
		for w := range visitNouns {
			addTrigger(w, trigVisit)
		}
		for w, v := range speechVerbs {
			if v.kind == participle {
				triggers[w] |= trigPart
			}
		}
		for w := range months {
			if i := strings.IndexByte(w, ' '); i >= 0 {
				w = w[:i]
			}
			triggers[w] |= trigMonth
		}
		for w := range triggers {
			triggerTails[tailKey(w)] = true
		}
	}()
	for _, e := range verbTable {
		add := func(forms string, k verbKind, many bool) {
			for _, f := range strings.Fields(forms) {
				speechVerbs[f] = verb{lemma: e.lemma, kind: k, many: many, flags: e.flags}
			}
		}
		add(e.perf, perfect, false)
		add(e.impf, imperfect, false)
		add(e.part, participle, false)
		add(e.noun, verbalNoun, false)
		add(e.many, perfect, true)
	}
}

// set builds a set of words.
func set(words string) map[string]bool {
	m := make(map[string]bool)
	for _, w := range strings.Fields(words) {
		m[w] = true
	}
	return m
}

// stripAl removes the article, or the article with a preposition, from
// the start of a word: الوزير → وزير، للوزير → وزير، بالوزارة → وزاره.
// After لل, a word that itself starts with ل lost that letter in
// writing ("للجنة" is ل + اللجنة): it is put back when that makes a
// known noun.
func stripAl(w string) string {
	for _, p := range []string{"وال", "فال", "بال", "كال", "لل", "ال"} {
		if strings.HasPrefix(w, p) && len(w)-len(p) >= 4 {
			r := w[len(p):]
			if p == "لل" && (institutions["ل"+r] || complements["ل"+r] || thingHeads["ل"+r]) {
				return "ل" + r
			}
			return r
		}
	}
	return w
}

var (
	// roleWords head a phrase naming someone by office.
	roleWords = set(`وزير وزيره رييس رييسه نايب نايبه مدير مديره امين امينه محافظ امير اميره سفير سفيره
		متحدث متحدثه ناطق ناطقه مستشار مستشاره قايد عضو عضوه مفوض سكرتير مساعد مساعده وكيل ملحق مشرف
		مشرفه عميد عميده نقيب مندوب ملك ولي زعيم مدرب مخرج مصور منسق رييسه مفتي قاضي محامي محاميه
		كاتب كاتبه مدعي مراسل سكرتيره حاكم خادم بطريرك بابا نجم لاعب قايده منتج منتجه ممثل ممثله
		مسوول المسوول`)
	// titles come before a name and are not part of it.
	titles = set(`الدكتور الدكتوره د المهندس المهندسه م الاستاذ الاستاذه الشيخ الشيخه اللواء العقيد المقدم
		العميد الفريق الرايد النقيب الملازم المشير الامير الاميره الملك الملكه السيد السيده السيدة معالي
		سمو صاحب السمو الملكي فخامه سعاده دوله سماحه الحاج الطيار الكابتن المستشار البروفيسور`)
	// honorifics stand for the person already named: وقال سموه …
	honorifics = set(`سموه سموها معاليه سعادته فخامته دولته سماحته جلالته`)
	// complements are the nouns inside an office's name ("مدير عام فرع
	// وزارة العمل بمنطقة …"), never the start of a person's name.
	complements = set(`عام العام فرع وزاره هييه اداره مجلس لجنه منطقه محافظه جامعه شركه مركز مكتب قسم شوون
		موسسه غرفه جمعيه برنامج صندوق مديريه امانه بلديه نادي اتحاد منظمه قوات قياده حرس شرطه دوريات
		دول دوله مجموعه تحالف قمه ملتقي بعثه وكاله الوطني الرسمي التنفيذي الاعلامي الاعلامية باسم
		مدينه محافظات الدوله الاعلي عليا الاول الثاني الثالث اعلي الاداري الفني التنفيذيه الاقليمي
		الاقليميه مجلسي الهييه الاداره اعضاء شرف باسم`)
	// roleAdjs are adjectives written without the article after an
	// office: "مسؤول روسي رفيع".
	roleAdjs = set(`روسي صيني سعودي امريكي اميركي مصري يمني عراقي سوري ايراني تركي اماراتي كويتي قطري
		بحريني عماني اردني لبناني فلسطيني اسرايلي بريطاني فرنسي الماني ياباني هندي باكستاني افغاني
		خليجي عربي اجنبي اوروبي غربي دولي محلي رسمي كبير بارز رفيع سابق جديد اعلي امني عسكري حكومي
		سياسي اقتصادي اخر`)
	// givenNames are common first names: a word among them in a speaker's
	// phrase starts the person's name.
	givenNames = set(`محمد احمد علي عبدالله عبد عبدالرحمن عبدالعزيز عبدالمحسن عبدالاله عبدالكريم عبدالرحيم
		عبدالمجيد عبدالمنعم عبداللطيف عبدالملك عبدالوهاب عبدالفتاح عبدالحكيم عبدالهادي عبدالسلام عبدالقادر
		عبدالحميد عبدالباسط عبدالناصر عبدالرزاق خالد سعود سعد فهد فيصل سلطان سلمان ناصر نايف بندر تركي
		منصور ماجد مشعل متعب عادل عمر عثمان ابراهيم اسماعيل يوسف يحيي زكريا موسي عيسي حسن حسين حمد
		حامد محمود مصطفي طارق وليد سامي سالم سليمان صالح راشد حمود حمدان سعيد مبارك مرزوق عقيل ثامر
		رافت جلال انيس جعفر هادي وايل هشام هاني ياسر عمرو عماد زياد نبيل مازن اياد ايمن اسامه باسم
		جمال كمال منير غازي فارس فواز بدر نواف مشاري محسن حازم حاتم رامي سامر شريف عصام علاء غسان
		قاسم كريم لؤي لوي مجدي مروان معاذ منذر نادر نزار هيثم وسام يزيد ابو عبدالرحيم رياض زهير
		صلاح ضياء عزيز عوض فتحي فراس قيس مالك معن نصر نضال وحيد يعقوب ادريس اسحاق انور بسام بشير
		توفيق جابر جميل حبيب حمزه خليل رشيد رضا زيد سامح سعيد سهيل شاكر صابر طلال ظافر عاطف عامر
		عبيد عدنان عزام عطيه عوني غالب فؤاد فواد فيصل لطفي ماهر محيي مراد مشهور مصعب منيف نبيه نعمان
		هاشم واصل ياسين يونس فاطمه عايشه مريم نوره هند ساره ليلي مني منيره هدي نوال ريم امل سميره
		عزه خديجه زينب رنا رانيا دينا سلمي لطيفه حصه الجوهره لولوه اسماء مسعود مشاري مساعد عبدالرحمن
		عبدالعزيز عبداللطيف عبدالاله محمد مهدي موفق نجيب نور نبيل هلال وجدي وسام ايهاب اشرف احسان
		بكر جاسم حيدر خضر رائد رايد زاهر سالم سلام شادي صادق صقر طلال عاصم عبود عطا علوان غانم فهمي
		فيصل قاسم كامل لقمان ماجد مجيد محفوظ محيي مختار مرعي منصور نايف نواف هاشم هيثم ياسين`)
	// anonymous heads make a subject no one in particular: sources,
	// unnamed officials, groups.
	anonymous = set(`مصدر مصادر المصدر المصادر مسوول مسوولون مسوولين محللون المحللون محللين خبراء الخبراء
		مراقبون المراقبون شهود سكان مواطنون المواطنون ناشطون ناشطين الباحثون باحثون الباحثين العلماء
		علماء بعض العديد كثيرون الطلبه الطلاب الاهالي اهالي مبتكرو المتخصصون المختصون مختصون
		الغربيون وكالات وسايل تقارير التقارير انباء الانباء اوساط دواير جهات الجهات احدي احد احداهن
		احدهم اخرون البعض عدد مسولون مسوولو مصادرها الجانبان الجانبين الطرفان الطرفين البلدان البلدين
		السلطات سلطات`)
	// nonSpeakers are subjects that report no one's words: figures,
	// results, studies without an author.
	nonSpeakers = set(`الاحصاءات احصاءات الاحصاييات احصاييات التقديرات تقديرات الارقام ارقام النتايج نتايج
		الموشرات موشرات الدراسه دراسه الدراسات دراسات الابحاث ابحاث التحاليل تحاليل المعلومات معلومات
		الصور صور المعطيات الوقايع الادله التجارب التجربه الواقع الحقايق التقرير تقرير الاستطلاع استطلاع
		المسح مسح تعالي الله الطايره العيون عيون الظروف الاوضاع البيانات`)
	// institutions head a subject that is a body, not a person.
	institutions = set(`وزاره هييه شرطه جيش وكاله صحيفه جريده مجله موقع قناه تلفزيون اذاعه منظمه لجنه مجلس
		حكومه امم موسسه شركه اكاديميه معهد مركز جامعه نادي اتحاد بنك مصرف محكمه نيابه قياده خليه
		رياسه ديوان سفاره خارجيه داخليه كرملين حزب حركه تنظيم تحالف قوات غرفه اداره مديريه امانه
		بلديه فرع بعثه بيان نشره داعش حماس ناسا الكرملين البنتاغون هيييه كتله جبهه ادارات مكتب معارضه
		مراكز هييات وزارات منظمات جمعيات رابطه الرابطه اتحادات نقابه`)
	// documents stand for whoever issued them.
	documents = set(`بيان البيان بيانا نشره النشره تقرير التقرير تقريرا بلاغ البلاغ مسح المسح رساله الرساله تعميم التعميم`)
)

// Words that end a speaker's phrase and start a circumstance of the
// statement (when, where, to whom, in what).
var (
	adjunctWords = set(`خلال اثناء لدي عقب قبيل اليوم امس مساء صباح ظهر عصر الليله غدا حاليا مجددا بدوره
		بدورها ايضا امام وذلك حيث مساء امس الاحد الاثنين الثلاثاء الاربعاء الخميس الجمعه السبت عبر
		يوم اول للصحفيين للصحافيين للصحافه للاعلاميين لي له لها لهم لنا ل مرارا تكرارا مجددا دايما
		اخيرا مؤخرا موخرا صراحه بوضوح`)
	// after في these nouns name the occasion of a statement.
	occasionNouns = set(`بيان بيانه بيانها تصريح تصريحات تصريحه تصريحها كلمه كلمته كلمتها حديث حديثه حديثها
		موتمر لقاء مقابله رساله اتصال مداخله ختام معرض سياق معلومات تغريده منشور حوار ندوه اجتماع
		جلسه مقال تقرير بيانات تصريحاته محاضره خطاب خطابه افتتاح حفل`)
	// mediaWords after ل name whom a statement was made to: لوكالة، لصحيفة.
	mediaWords = set(`وكاله صحيفه تلفزيون قناه موقع اذاعه جريده مجله سيد سيده شبكه صحفيين صحافيين اعلاميين مراسل`)
)

// subjectStops end a subject: a relative or temporal clause, the
// narrator's frame.
var subjectStops = set(`بينما فيما حيث عندما وهو وهي التي الذي الذين وذلك كما حسبما لدي اثر`)

// continuations are the participles that start a new statement by the
// same speaker inside a sentence.
func isContinuation(w string) bool {
	v, ok := speechVerbs[w]
	return ok && v.kind == participle
}

// weekdays in matching form.
var weekdays = map[string]int{"الاحد": 0, "الاثنين": 1, "الثلاثاء": 2, "الاربعاء": 3, "الخميس": 4, "الجمعه": 5, "السبت": 6}
