// Package news reads one Arabic news article the way a reader does: which
// lines are the story and which are the page around it, what the headline
// is, when it was published, which agencies and people it names, and
// whether it is the same story as another article. It needs no index and
// no network; the indexer calls it on each article before mapping it.
//
// # Lines
//
// [Clean] gives every line of the raw text a [Kind] and returns the
// headline and the searchable body. The rules read general features, not
// any site's strings, so that they carry over to archives not seen:
//
//   - A clock time alone on a line is a [Timestamp]. Two or more "time,
//     then a short headline" items in a row (or headlines that start with
//     a time) are a [Ticker], with the separators between them and the
//     short widget headings just before or after ("الأكثر قراءة", "عاجل").
//   - A line of at most 15 words holding a prompt phrase ("اقرأ أيضا",
//     "اضغط هنا", "تابعونا على", "حسابنا على", "اظهر الملخص" …), or of at
//     most 4 words holding a prompt word or a social network name
//     ("شارك", "علق", "للمزيد", "تويتر" …), is a [CallToAction]. A share
//     widget glued to the start of a lede ("شارك من خلال تويتر فيسبوك …")
//     is split off as a line of its own.
//   - Photo credits and agency credits are [Credit]: a line starting
//     "الصورة:" or holding the word "تصوير", a short line ending in an agency or "أرشيفية"
//     in parentheses, a byline "(بحسب رويترز)".
//   - Comment headings, counters and disclaimers, ad markers, source links
//     and rights lines are [Footer].
//   - A line that is a date with little else, or "place – agency" or
//     "author – site" alone, is a [Dateline].
//   - Before the first paragraph of running text (12 words ending as a
//     sentence does, or 25 words), a one- or two-word line is a
//     [SectionLabel] ("أخبار"); of the heading-like lines, one with a date
//     after a heading is a [Caption]; one that begins a later heading (a
//     short form of it) or is quoted word for word in the body (a kicker)
//     is a [Subtitle]; the first other one is the [Title]. More than four
//     such lines are running text broken into short lines, and stay Body.
//   - With [Options.Repeats], a line seen in many of the same source's
//     articles is [Repeated] (see [Repeats]).
//   - Other lines of one or two words are [Short]; the rest are [Body].
//
// [Doc.Body] is the Subtitle and Body lines, one paragraph each, so a word
// that occurs only in boilerplate is not searchable. Limits: a caption
// without a date or credit reads as a subtitle; an intertitle of one or
// two words is dropped as Short; boilerplate inside a paragraph, other
// than a leading share widget, stays; the prompt and footer vocabularies
// are Arabic news's common ones and may miss a site's own wording, which
// Repeats then learns.
//
// A [Doc] also gives what [ParseDate], [Agencies] and [People] would read
// from the same text ([Doc.Date], [Doc.Agencies], [Doc.People]) without
// reading it again, and [Options.Observe] records the article in a
// [Repeats] as it is cleaned: an indexer reads each line once. Every
// function of the package accepts any string, valid UTF-8 or not.
//
// # Title
//
// [Doc.Title] is the headline line when the page has one; otherwise the
// lede's first sentence without its dateline ("بكين - "، "موسكو: "), cut
// at a word to at most [TitleMax] runes with an ellipsis ([LedeTitle]).
//
// # Dates
//
// [ParseDate] takes a publication date only from a dateline near the top
// or a complete date in the lede's first sentence; dates lower down are
// mostly background or events to come (on SaudiNewsNet, about four in
// five dates it finds fall within the week before the article was
// collected; taking the latest date of the first paragraphs too found
// more but only half were). [Dates] lists every complete date written.
// [ParseDateField] reads metadata fields. Forms read: "09 ابريل 2024",
// "08-04-2024" and other day-first or year-first numeric dates, "28 شباط
// (فبراير) 2024", "فبراير/شباط 2022", ranges "في 8 و9 نيسان (أبريل)"
// (first day; the year is the latest one written next to a month in the
// text), Levantine, Egyptian/Gulf and Maghrebi month names with their
// spelling variants, Arabic-Indic and Persian digits. A bare month name
// is never a date ("مارس" is also a verb, "آب" a father). Hijri dates are
// not converted.
//
// # Agencies and people
//
// [Agencies] and [People] match a small gazetteer of canonical names and
// spelling variants on text in matching form, at word boundaries, allowing
// the clitics و ف ب ل ك (and, for agencies, ال and لل) before a name.
// Acronyms that are also ordinary words or places ("وام"، "بنا"، "بترا")
// match only in parentheses or quotes. People are listed by family name
// where it is distinctive ("بوتين", "لافروف"), by full name where the
// family name is a common word ("محمود عباس", "بشار الأسد"). Limits:
// names not in the gazetteer are not found, and a bare "شي" is not taken
// for Xi Jinping.
//
// # Matching form
//
// Every rule above compares words in the index's normal form,
// arabic.Normalize: alef forms become ا; ى and the Persian and Urdu yeh
// forms ي; ة and the heh forms ه; the hamza seats ؤ and ئ ء ("مؤدي", a
// performer, is not "مودي", Modi); Persian letters their Arabic ones
// ("لافروڤ" is "لافروف"); diacritics, tatweel and zero-width joiners are
// dropped; Arabic-Indic and Persian digits become ASCII; letters are
// lower-cased; presentation forms and a no-break space are folded (NFKC).
// So a name or a prompt is found in an article exactly when the index
// would match it.
//
// # Near-duplicates
//
// [Signature] is a MinHash of [NumHashes] values over shingles of
// [ShingleWords] words: one FNV-1a hash per word, mixed per
// shingle, then multiply-shift hashing with a fixed odd multiplier per
// function. [Sig.Similarity] estimates Jaccard similarity (standard error
// about 0.04 at 0.25); [NearDuplicate] is 0.25, set by reading pairs from
// SaudiNewsNet: below 0.25 they were mostly stories written from one
// template about different events (two days' stock market closes), from
// 0.25 up mostly one story printed by several sites. The two seed
// articles that carry one AFP story measure 0.26, because each site added
// or dropped paragraphs; other seed pairs measure under 0.02. The
// indexer finds candidates by single values of a signature kept as index
// terms and confirms them by comparing signatures cut to eight bits a
// value (package indexer, stories.go). For other uses, [Sig.Bands] gives
// [NumBands] band keys of [BandRows] values each, and [Sig.String] and
// [ParseSig] write a whole signature as 683 characters and read it back.
// Signatures fold fewer
// spellings than the matching form (alef forms, ى/ي, ة/ه, ؤ/و, ئ/ي,
// diacritics, tatweel and digits), as they were first defined, so that
// signatures stored in an index stay comparable with new ones.
package news
