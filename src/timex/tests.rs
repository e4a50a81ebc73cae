//! The constructions the tagger must find and resolve, each on a sentence of our own,
//! against DCT 2021-04-13 (a Tuesday) under the news policy unless stated.

use super::*;

const DCT: &str = "2021-04-13";

fn run(text: &str, policy: Policy) -> Vec<Timex> {
    tag(
        text,
        Some(DCT.parse().expect("dct")),
        policy,
        Lexicon::builtin(),
    )
    .timexes
}

/// Asserts that `text` holds exactly one timex with this surface text and value.
#[track_caller]
fn check(text: &str, surface: &str, value: &str) -> Timex {
    let found = run(text, Policy::News);
    let summary: Vec<(String, String)> = found
        .iter()
        .map(|t| (t.text.clone(), t.value.clone()))
        .collect();
    assert_eq!(found.len(), 1, "{text:?}: {summary:?}");
    let t = found.into_iter().next().expect("one");
    assert_eq!(
        (t.text.as_str(), t.value.as_str()),
        (surface, value),
        "{text:?}"
    );
    t
}

/// Asserts the timexes of `text`, in order, as (surface, type, value).
#[track_caller]
fn check_all(text: &str, want: &[(&str, TimexType, &str)]) -> Vec<Timex> {
    let found = run(text, Policy::News);
    let got: Vec<(&str, TimexType, &str)> = found
        .iter()
        .map(|t| (t.text.as_str(), t.kind, t.value.as_str()))
        .collect();
    assert_eq!(got, want, "{text:?}");
    found
}

#[track_caller]
fn none(text: &str) {
    let found = run(text, Policy::News);
    assert!(
        found.is_empty(),
        "{text:?}: {:?}",
        found.iter().map(|t| &t.text).collect::<Vec<_>>()
    );
}

fn interval(t: &Timex) -> (String, String) {
    let iv = t.interval.expect("interval");
    (
        iv.start.format("%Y-%m-%dT%H:%M").to_string(),
        iv.end.format("%Y-%m-%dT%H:%M").to_string(),
    )
}

#[test]
fn full_and_partial_dates_in_every_month_system() {
    check(
        "وقع ذلك في 13 أبريل/نيسان 2021 في العاصمة",
        "13 أبريل/نيسان 2021",
        "2021-04-13",
    );
    check(
        "وقع ذلك في 13 نيسان (أبريل) 2021 في العاصمة",
        "13 نيسان (أبريل) 2021",
        "2021-04-13",
    );
    check("أعلن الثلاثاء 13 أبريل أن", "الثلاثاء 13 أبريل", "2021-04-13");
    // second_system_juxtaposed: the two names of one month with no mark between them
    check(
        "ستجري الانتخابات في 11 نوفمبر تشرين الثاني 2025 في",
        "11 نوفمبر تشرين الثاني 2025",
        "2025-11-11",
    );
    check(
        "وكان ذلك في الثالث من يونيو حزيران 2019 حين",
        "الثالث من يونيو حزيران 2019",
        "2019-06-03",
    );
    check(
        "وقع الهجوم في كانون الثاني يناير الماضي، وقال",
        "كانون الثاني يناير الماضي",
        "2021-01",
    );
    // two different months side by side stay two
    check_all(
        "بين مارس أبريل",
        &[
            ("مارس", TimexType::Date, "2021-03"),
            ("أبريل", TimexType::Date, "2021-04"),
        ],
    );
    // الموافق joins two timexes; the weekday takes the date after it
    check_all(
        "أعلن الثلاثاء الموافق 13 أبريل أن",
        &[
            ("الثلاثاء", TimexType::Date, "2021-04-13"),
            ("13 أبريل", TimexType::Date, "2021-04-13"),
        ],
    );
    check(
        "وصل يوم 13 من الشهر الجاري إلى",
        "يوم 13 من الشهر الجاري",
        "2021-04-13",
    );
    check("صدر القرار في 13/4/2021 بعد", "13/4/2021", "2021-04-13");
    check("صدر القرار في 2021-04-13 بعد", "2021-04-13", "2021-04-13");
    check("صدر القرار في ١٣/٤/٢٠٢١ بعد", "١٣/٤/٢٠٢١", "2021-04-13");
    check(
        "انطلقت في الـ13 من أبريل الحملة",
        "الـ13 من أبريل",
        "2021-04-13",
    );
    check(
        "اجتمعوا في 5 كانون الثاني 2021",
        "5 كانون الثاني 2021",
        "2021-01-05",
    );
    check(
        "اجتمعوا في 5 كانون ثاني 2021",
        "5 كانون ثاني 2021",
        "2021-01-05",
    );
    check("اجتمعوا في 5 جانفي 2021", "5 جانفي 2021", "2021-01-05");
    check("اجتمعوا في 5 أفريل 2021", "5 أفريل 2021", "2021-04-05");
    check("اجتمعوا في 20 غشت 2020", "20 غشت 2020", "2020-08-20");
    check("اجتمعوا في 3 دجنبر 2020", "3 دجنبر 2020", "2020-12-03");
    check("اجتمعوا في 3 إبريل 2020", "3 إبريل 2020", "2020-04-03");
    check(
        "اجتمعوا في الثالث عشر من أبريل 2021",
        "الثالث عشر من أبريل 2021",
        "2021-04-13",
    );
    check(
        "اجتمعوا في الحادي والعشرين من مارس",
        "الحادي والعشرين من مارس",
        "2021-03-21",
    );
}

#[test]
fn years_and_months_alone_but_not_bare_numbers() {
    check("شهد عام 2021 تحولات", "عام 2021", "2021");
    check("شهد العام 2021 تحولات", "العام 2021", "2021");
    check("تأسست في 2014 على يد", "2014", "2014");
    check("وصل في أبريل 2021 إلى", "أبريل 2021", "2021-04");
    check("وصل في شهر أبريل إلى", "شهر أبريل", "2021-04");
    check(
        "حتى عام ألفين وواحد وعشرين",
        "عام ألفين وواحد وعشرين",
        "2021",
    );
    none("شارك 2000 شخص في المسيرة");
    none("صدر التقرير في 27 صفحة");
    none("قتل 13 شخصا");
}

#[test]
fn deictic_and_relative() {
    check("قال اليوم إن", "اليوم", "2021-04-13");
    check("قال أمس إن", "أمس", "2021-04-12");
    check("قال البارحة إن", "البارحة", "2021-04-12");
    check("قال أول أمس إن", "أول أمس", "2021-04-11");
    check("قال أمس الأول إن", "أمس الأول", "2021-04-11");
    check("يصل غدا إلى", "غدا", "2021-04-14");
    check("يصل بعد غد إلى", "بعد غد", "2021-04-15");
    check("زار الأسبوع الماضي", "الأسبوع الماضي", "2021-W14");
    check("يزور الأسبوع المقبل", "الأسبوع المقبل", "2021-W16");
    check("يزور الأسبوع الجاري", "الأسبوع الجاري", "2021-W15");
    check("ارتفعت الأسعار الشهر الماضي", "الشهر الماضي", "2021-03");
    check("تجرى الانتخابات العام المقبل", "العام المقبل", "2022");
    check("تجرى الانتخابات هذا العام", "هذا العام", "2021");
    check("منذ مطلع أبريل الجاري", "مطلع أبريل الجاري", "2021-04");
    check("يلتقيان الأحد المقبل في", "الأحد المقبل", "2021-04-18");
    check("التقيا الخميس الماضي في", "الخميس الماضي", "2021-04-08");
    check("وصل قبل يومين إلى", "قبل يومين", "2021-04-11");
    check("بدأ منذ ثلاثة أسابيع", "منذ ثلاثة أسابيع", "2021-03-23");
    let t = check("قبل أيام، قالت موسكو", "قبل أيام", "PAST_REF");
    assert_eq!(
        interval(&t),
        ("2021-04-03T00:00".into(), "2021-04-13T00:00".into())
    );
    check("تراجع مؤخرا", "مؤخرا", "PAST_REF");
    check("يعمل حاليا على", "حاليا", "PRESENT_REF");
    check("توترت في الفترة الأخيرة", "الفترة الأخيرة", "PAST_REF");
    check("ستشهد الأيام المقبلة", "الأيام المقبلة", "FUTURE_REF");
    let t = check("ارتفع خلال الشهرين الماضيين", "الشهرين الماضيين", "P2M");
    assert_eq!(
        interval(&t),
        ("2021-02-01T00:00".into(), "2021-04-01T00:00".into())
    );
}

#[test]
fn part_of_period_modifiers() {
    let cases = [
        ("بداية أبريل", "2021-04", Mod::Start),
        ("مطلع أبريل", "2021-04", Mod::Start),
        ("أوائل أبريل", "2021-04", Mod::Start),
        ("مستهل أبريل", "2021-04", Mod::Start),
        ("منتصف أبريل", "2021-04", Mod::Mid),
        ("أواسط أبريل", "2021-04", Mod::Mid),
        ("أواخر أبريل", "2021-04", Mod::End),
        ("نهاية أبريل", "2021-04", Mod::End),
        ("ختام أبريل", "2021-04", Mod::End),
        ("أواخر الشهر الماضي", "2021-03", Mod::End),
        ("مطلع العام الجاري", "2021", Mod::Start),
        ("نهاية العام الماضي", "2020", Mod::End),
        ("منتصف الشهر المقبل", "2021-05", Mod::Mid),
        ("نهاية الأسبوع الماضي", "2021-W14", Mod::End),
        ("أواخر عام 2019", "2019", Mod::End),
        ("مطلع الشهر", "2021-04", Mod::Start),
    ];
    for (phrase, value, m) in cases {
        let t = check(&format!("جرى ذلك {phrase} في"), phrase, value);
        assert_eq!(t.modifier, Some(m), "{phrase}");
    }
    let t = check(
        "نما في النصف الأول من 2021 بقوة",
        "النصف الأول من 2021",
        "2021-H1",
    );
    assert_eq!(
        interval(&t),
        ("2021-01-01T00:00".into(), "2021-07-01T00:00".into())
    );
    check("تراجع في الربع الأخير بقوة", "الربع الأخير", "2021-Q4");
    check(
        "نما في الربع الثالث من عام 2016 بقوة",
        "الربع الثالث من عام 2016",
        "2016-Q3",
    );
    let t = check(
        "بداية أبريل/نيسان الجاري، قال",
        "بداية أبريل/نيسان الجاري",
        "2021-04",
    );
    assert_eq!(
        interval(&t),
        ("2021-04-01T00:00".into(), "2021-04-11T00:00".into())
    );
}

#[test]
fn times_and_parts_of_day() {
    let t = check(
        "يبدأ الساعة الثالثة عصرا",
        "الساعة الثالثة عصرا",
        "2021-04-13T15:00",
    );
    assert_eq!(t.kind, TimexType::Time);
    assert_eq!(t.granularity, Some(Granularity::Hour));
    check("يبدأ في 10:30 صباحا", "10:30 صباحا", "2021-04-13T10:30");
    check("يبدأ في 9:15 مساء", "9:15 مساء", "2021-04-13T21:15");
    check("قال مساء أمس إن", "مساء أمس", "2021-04-12TEV");
    check("قال صباح اليوم إن", "صباح اليوم", "2021-04-13TMO");
    check("وقع الهجوم ليلة الثلاثاء", "ليلة الثلاثاء", "2021-04-13TNI");
    check("وقع الهجوم فجر السبت", "فجر السبت", "2021-04-10TMO");
    check(
        "وصل الساعة العاشرة صباحا بتوقيت مكة",
        "الساعة العاشرة صباحا بتوقيت مكة",
        "2021-04-13T10:00+03:00",
    );
    let with_offset = tag(
        "وصل الساعة 8 صباحا بتوقيت غرينتش",
        Some("2021-04-13T12:00:00+03:00".parse().expect("dct")),
        Policy::News,
        Lexicon::builtin(),
    );
    assert_eq!(with_offset.timexes[0].value, "2021-04-13T11:00");
}

#[test]
fn durations_and_sets() {
    let t = check("استمر ثلاثة أيام", "ثلاثة أيام", "P3D");
    assert_eq!(t.kind, TimexType::Duration);
    check("استمر يومين", "يومين", "P2D");
    check("استمر عقدين", "عقدين", "P20Y");
    check("استمر 90 دقيقة", "90 دقيقة", "PT90M");
    // TimeML leaves the signal لمدة outside the duration
    check("استمر لمدة أسبوع", "أسبوع", "P1W");
    check("استمر نصف ساعة", "نصف ساعة", "PT0.5H");
    let t = check("يعقد سنويا في", "سنويا", "P1Y");
    assert_eq!(t.kind, TimexType::Set);
    check("يجتمع كل أسبوع", "كل أسبوع", "P1W");
    check("يصوم كل يوم اثنين", "كل يوم اثنين", "XXXX-WXX-1");
    let t = check("أنهى الكتاب في يوم واحد", "يوم واحد", "P1D");
    assert_eq!(t.kind, TimexType::Duration);
}

#[test]
fn recurring_and_indefinite_weekdays() {
    use TimexType::{Date, Set};
    // a weekday of every week, however the schedule is written
    check_all(
        "يفتح السوق أيام الجمعة فقط",
        &[("أيام الجمعة", Set, "XXXX-WXX-5")],
    );
    check_all(
        "تعقد اللجنة جلساتها يوم الأربعاء من كل أسبوع",
        &[("يوم الأربعاء من كل أسبوع", Set, "XXXX-WXX-3")],
    );
    check_all(
        "يجتمع المجلس الخميس من كل أسبوع",
        &[("الخميس من كل أسبوع", Set, "XXXX-WXX-4")],
    );
    // a part of day of every such day, every day, every weekend
    check_all(
        "يلقي درسا صباح كل أحد",
        &[("صباح كل أحد", Set, "XXXX-WXX-7TMO")],
    );
    check_all(
        "تبث النشرة مساء كل يوم",
        &[("مساء كل يوم", Set, "XXXX-XX-XXTEV")],
    );
    check_all(
        "يزور أهله نهاية كل أسبوع",
        &[("نهاية كل أسبوع", Set, "XXXX-WXX-WE")],
    );
    // some Thursday: يوم without the article is indefinite; with it, the latest one
    let t = check_all(
        "التقيا في يوم خميس ماطر",
        &[("يوم خميس", Date, "XXXX-WXX-4")],
    );
    assert_eq!(t[0].interval, None);
    check_all("التقيا يوم الخميس", &[("يوم الخميس", Date, "2021-04-08")]);
    // the colloquial policy keeps the next such day (Duckling)
    let t = run("يوم خميس", Policy::Colloquial);
    assert_eq!(t[0].value, "2021-04-15");
}

#[test]
fn hijri_dates_use_umm_al_qura() {
    let t = check("بدأ في 15 رمضان 1442 هـ", "15 رمضان 1442 هـ", "2021-04-27");
    assert_eq!(t.calendar.as_deref(), Some("hijri-umalqura"));
    let t = check("صام رمضان الماضي", "رمضان الماضي", "2020-05");
    assert_eq!(
        interval(&t),
        ("2020-04-24T00:00".into(), "2020-05-24T00:00".into())
    );
    let t = check("تأسست عام 1442هـ", "عام 1442هـ", "2021");
    assert_eq!(t.granularity, Some(Granularity::Year));
    let both = run(
        "وقع في 15 رمضان 1442 هـ الموافق 27 أبريل 2021",
        Policy::News,
    );
    let values: Vec<&str> = both.iter().map(|t| t.value.as_str()).collect();
    assert_eq!(values, ["2021-04-27", "2021-04-27"]);
    let t = check(
        "يعود في منتصف رمضان 1442 هـ",
        "منتصف رمضان 1442 هـ",
        "2021-04",
    );
    assert_eq!(t.modifier, Some(Mod::Mid));
    check("يحل عيد الفطر بعد", "عيد الفطر", "2021-05-13");
    // a proclitic before a holiday stays outside its extent
    check("احتفل المسلمون بعيد الفطر في", "عيد الفطر", "2021-05-13");
    check("وهنأ الشعب بعيد الأضحى", "عيد الأضحى", "2021-07-20");
}

#[test]
fn ranges_and_lists() {
    use TimexType::Date;
    // ranges: each end is a timex (TimeML); the month and year come from the other end,
    // من/بين and the separator stay outside
    let found = check_all(
        "تعقد من 10 إلى 12 أبريل في",
        &[("10", Date, "2021-04-10"), ("12 أبريل", Date, "2021-04-12")],
    );
    assert_eq!(
        interval(&found[0]),
        ("2021-04-10T00:00".into(), "2021-04-11T00:00".into())
    );
    check_all(
        "ارتفع بين عامي 2019 و2021 بقوة",
        &[("عامي 2019", Date, "2019"), ("2021", Date, "2021")],
    );
    check_all(
        "تعقد يومي السبت والأحد",
        &[
            ("يومي السبت", Date, "2021-04-10"),
            ("الأحد", Date, "2021-04-11"),
        ],
    );
    check_all(
        "ستعقد 13 الى 15 تموز في",
        &[("13", Date, "2021-07-13"), ("15 تموز", Date, "2021-07-15")],
    );
    check_all(
        "عقدت 13 الى 15 تموز في",
        &[("13", Date, "2020-07-13"), ("15 تموز", Date, "2020-07-15")],
    );
    check_all(
        "انعقد المؤتمر (6-8 نيسان الجاري) في",
        &[
            ("6", Date, "2021-04-06"),
            ("8 نيسان الجاري", Date, "2021-04-08"),
        ],
    );
    check_all(
        "جرت المفاوضات بين 3 و5 آذار الماضي",
        &[
            ("3", Date, "2021-03-03"),
            ("5 آذار الماضي", Date, "2021-03-05"),
        ],
    );
    // lists of days joined by و: the dual يومي stays with the first day
    check_all(
        "سيزور المنطقة يومي 20 و21 أيار المقبل",
        &[
            ("يومي 20", Date, "2021-05-20"),
            ("21 أيار المقبل", Date, "2021-05-21"),
        ],
    );
    check_all(
        "عقدت الدورة في 8 و9 شباط 2020 في",
        &[
            ("8", Date, "2020-02-08"),
            ("9 شباط 2020", Date, "2020-02-09"),
        ],
    );
    check_all(
        "يلتقيان في الثاني والثالث من أيار المقبل",
        &[
            ("الثاني", Date, "2021-05-02"),
            ("الثالث من أيار المقبل", Date, "2021-05-03"),
        ],
    );
    check_all(
        "امتدت المحادثات يومي العشرين والحادي والعشرين من آذار",
        &[
            ("يومي العشرين", Date, "2021-03-20"),
            ("الحادي والعشرين من آذار", Date, "2021-03-21"),
        ],
    );
    // a Hijri list takes the month and year of its second day
    check_all(
        "تقام يومي 9 و10 ذي الحجة 1442هـ",
        &[
            ("يومي 9", Date, "2021-07-19"),
            ("10 ذي الحجة 1442هـ", Date, "2021-07-20"),
        ],
    );
    // a count is no list: the second member needs a month
    check_all("قضى 3 و4 أيام", &[("4 أيام", TimexType::Duration, "P4D")]);
    // the colloquial policy keeps one interval, as Duckling reads a range
    let t = run("من 10 إلى 12 أبريل", Policy::Colloquial);
    assert_eq!(t.len(), 1);
    assert_eq!(t[0].value, "2021-04-10/2021-04-12");
}

#[test]
fn tense_decides_past_or_future() {
    check("التقى الرئيسان الخميس في", "الخميس", "2021-04-08");
    check("سيلتقي الرئيسان الخميس في", "الخميس", "2021-04-15");
    check("التقى الرئيسان في ديسمبر", "ديسمبر", "2020-12");
    check("سيزور المدينة في ديسمبر", "ديسمبر", "2021-12");
    check("من المقرر أن يصل الأحد", "الأحد", "2021-04-18");
    // سيادة (sovereignty) is not a future verb
    check("أكد على سيادة البلاد الخميس", "الخميس", "2021-04-08");
    // an imperfective verb of scheduling right before the weekday announces it
    check(
        "الجولة الرابعة من المحادثات تعقد الأحد في مسقط",
        "الأحد",
        "2021-04-18",
    );
    check("القمة تنطلق الخميس", "الخميس", "2021-04-15");
    // ... but not from farther away
    check(
        "تعقد اللجنة اجتماعاتها الدورية وقد انعقدت الخميس",
        "الخميس",
        "2021-04-08",
    );
    // and a day of a month keeps its year
    check("تعقد في 10 أبريل", "10 أبريل", "2021-04-10");
}

#[test]
fn policies_differ_on_bare_weekdays() {
    let news = run("اجتماع الثلاثاء", Policy::News);
    let colloquial = run("اجتماع الثلاثاء", Policy::Colloquial);
    assert_eq!(news[0].value, "2021-04-13");
    assert_eq!(colloquial[0].value, "2021-04-20");
    let narrative = run(
        "وصل في 3 مارس 2020. وفي اليوم التالي غادر.",
        Policy::Narrative,
    );
    assert_eq!(narrative[1].value, "2020-03-04");
    assert_eq!(narrative[1].anchor, "t1");
}

#[test]
fn without_a_reference_relative_values_stay_typed() {
    let t = tag(
        "قال أمس إن الاجتماع عقد في 5 مايو 2020",
        None,
        Policy::News,
        Lexicon::builtin(),
    );
    // the first full date of the opening is taken as the DCT
    assert_eq!(t.dct_source, DctSource::Inferred);
    assert_eq!(t.timexes[0].value, "2020-05-04");
    let t = tag(
        "قال أمس إن الاجتماع عقد في مايو 2020",
        None,
        Policy::News,
        Lexicon::builtin(),
    );
    assert_eq!(t.dct_source, DctSource::None);
    assert_eq!(t.timexes[0].value, "XXXX-XX-XX");
    assert_eq!(t.timexes[0].anchor, "none");
    assert!(t.timexes[0].interval.is_none());
    assert_eq!(t.timexes[1].value, "2020-05");
    let inferred = tag(
        "عنوان\n\nقال الأحد 5 مايو 2020 إن الاجتماع أمس",
        None,
        Policy::News,
        Lexicon::builtin(),
    );
    assert_eq!(inferred.dct_source, DctSource::Inferred);
    assert_eq!(inferred.timexes[1].value, "2020-05-04");
}

#[test]
fn clitics_and_spans() {
    let t = check("وفي عام 2014 تأسست", "عام 2014", "2014");
    assert_eq!(t.span, [4, 12]);
    check("ولكانون الثاني 2021 أهمية", "كانون الثاني 2021", "2021-01");
    check("وأمس قال", "أمس", "2021-04-12");
}

#[test]
fn decades_and_centuries() {
    let t = check(
        "تعود الأزمة إلى أواخر تسعينيات القرن الماضي",
        "أواخر تسعينيات القرن الماضي",
        "199",
    );
    assert_eq!(t.modifier, Some(Mod::End));
    assert_eq!(t.granularity, Some(Granularity::Decade));
    check("شهدت التسعينيات حروبا", "التسعينيات", "199");
    check(
        "ولد في ستينيات القرن العشرين",
        "ستينيات القرن العشرين",
        "196",
    );
    check("تضاعفت خلال العقد الماضي", "العقد الماضي", "201");
    // a century by its ordinal, the century before the reference's
    let t = check("شهد القرن العشرين حربين", "القرن العشرين", "19");
    assert_eq!(t.granularity, Some(Granularity::Century));
    check("في القرن الحادي والعشرين", "القرن الحادي والعشرين", "20");
    check("منذ القرن التاسع عشر", "القرن التاسع عشر", "18");
    check("تراجع منذ القرن الماضي", "القرن الماضي", "19");
    let t = check("في منتصف التسعينيات", "منتصف التسعينيات", "199");
    assert_eq!(t.modifier, Some(Mod::Mid));
    // shifts of decades and centuries keep the unit's grain
    let t = check("بنيت منذ نحو قرنين", "منذ نحو قرنين", "18");
    assert_eq!(t.modifier, Some(Mod::Approx));
    let t = check("حليف منذ أكثر من خمسة عقود", "منذ أكثر من خمسة عقود", "197");
    assert_eq!(t.modifier, Some(Mod::Before));
    assert_eq!(t.granularity, Some(Granularity::Decade));
    // an approximate week ago is that week (Sunday weeks); an exact one keeps the day
    let t = check("عاد قبل حوالي أسبوع", "قبل حوالي أسبوع", "2021-W14");
    assert_eq!(t.modifier, Some(Mod::Approx));
    check("عاد قبل أسبوع", "قبل أسبوع", "2021-04-06");
}

#[test]
fn quantifiers_become_modifiers() {
    let t = check(
        "تتعثر المفاوضات منذ أكثر من عامين",
        "منذ أكثر من عامين",
        "2019",
    );
    assert_eq!(t.modifier, Some(Mod::Before));
    let t = check("استمر أكثر من ثلاث ساعات", "أكثر من ثلاث ساعات", "PT3H");
    assert_eq!(t.modifier, Some(Mod::MoreThan));
    let t = check(
        "وصل حوالي الساعة الثالثة عصرا",
        "حوالي الساعة الثالثة عصرا",
        "2021-04-13T15:00",
    );
    assert_eq!(t.modifier, Some(Mod::Approx));
    check("استمر اللقاء ساعتين ونصف", "ساعتين ونصف", "PT2.5H");
}

#[test]
fn dates_relative_to_a_mention() {
    let found = run(
        "وفي عام 2011 اندلعت الاحتجاجات، وبعد ثلاث سنوات، أي في 2014، سيطر التنظيم",
        Policy::News,
    );
    assert_eq!(found[1].text, "بعد ثلاث سنوات");
    assert_eq!(
        (found[1].value.as_str(), found[1].anchor.as_str()),
        ("2014", "t1")
    );
    let found = run("وصل في 3 مارس 2020. وفي اليوم التالي غادر.", Policy::News);
    assert_eq!(
        (found[1].value.as_str(), found[1].anchor.as_str()),
        ("2020-03-04", "t1")
    );
    // the same day as the date last mentioned, not today
    for text in [
        "وصل في 3 مارس 2020. وفي اليوم نفسه غادر.",
        "وصل في 3 مارس 2020. وفي اليوم ذاته غادر.",
        "وصل في 3 مارس 2020. وفي نفس اليوم غادر.",
        "وصل في 3 مارس 2020. وفي ذات اليوم غادر.",
    ] {
        let found = run(text, Policy::News);
        assert_eq!(found.len(), 2, "{text}");
        assert_eq!(
            (found[1].value.as_str(), found[1].anchor.as_str()),
            ("2020-03-03", "t1"),
            "{text}"
        );
    }
    // ذات يوم is "one day", not a date
    assert!(run("ذات يوم سافر", Policy::News).is_empty());
}

#[test]
fn anaphoric_dates_take_the_last_mention_at_their_grain() {
    use TimexType::{Date, Time};
    // a day, a night, a day of the month named again, the month and year named again
    let found = check_all(
        "وصل في 3 مارس 2020، وفي التاريخ نفسه وقع الاتفاق، وفي تلك الليلة غادر، ثم عاد في 9 من الشهر ذاته",
        &[
            ("3 مارس 2020", Date, "2020-03-03"),
            ("التاريخ نفسه", Date, "2020-03-03"),
            ("تلك الليلة", Time, "2020-03-03TNI"),
            ("9 من الشهر ذاته", Date, "2020-03-09"),
        ],
    );
    assert_eq!(found[1].anchor, "t1");
    check_all(
        "زار القاهرة في مايو 2019، وفي ذلك الشهر وقع الاتفاق، وفي العام نفسه غادر",
        &[
            ("مايو 2019", Date, "2019-05"),
            ("ذلك الشهر", Date, "2019-05"),
            ("العام نفسه", Date, "2019"),
        ],
    );
    // a glued preposition stays outside; السنة is feminine (نفسها، تلك)
    check_all(
        "انتخب في 2016 ولتلك السنة أهمية",
        &[("2016", Date, "2016"), ("تلك السنة", Date, "2016")],
    );
    check_all(
        "انتخب عام 2016 وفي السنة نفسها استقال",
        &[("عام 2016", Date, "2016"), ("السنة نفسها", Date, "2016")],
    );
    // a day named again after a month: the day is unknown; no antecedent at all: unknown
    check_all(
        "زار القاهرة في مايو 2019 وفي ذلك اليوم قال",
        &[
            ("مايو 2019", Date, "2019-05"),
            ("ذلك اليوم", Date, "XXXX-XX-XX"),
        ],
    );
    check("وتذكر ما جرى في تلك الليلة", "تلك الليلة", "XXXX-XX-XXTNI");
    // not dates: the same time (meanwhile), a gender mismatch
    none("وفي الوقت نفسه قال الوزير");
    none("وفي ذلك السنة قال");
    // a distance from an event is a duration, not a date counted from the DCT
    let t = check("جرى ذلك بعد أسبوع من الانتخابات", "أسبوع", "P1W");
    assert_eq!(t.kind, TimexType::Duration);
    // without a mention, بعد counts from the DCT
    check("سيصل بعد يومين", "بعد يومين", "2021-04-15");
}

#[test]
fn news_guards() {
    // the complementizer starts a clause with its own tense
    check(
        "قال مسؤول يوم الاثنين إن المحادثات ستستأنف",
        "يوم الاثنين",
        "2021-04-12",
    );
    none("وتبدأ المرحلة الأولى من الخطة");
    none("في أول انتخابات تشريعية");
    none("صدر تقرير أولي عن الحادث");
    none("شارك أكثر من 2000 شخص");
    none("ارتفع العدد من 2000 إلى 3000 شخص");
    // 1 Ramadan 1442 is the DCT itself: the Ramadan that has begun
    check("صام خلال شهر رمضان", "شهر رمضان", "2021-04");
    check("مقارنة بالعام الماضي", "العام الماضي", "2020");
    check(
        "أعلن الجيش ليل الاثنين-الثلاثاء عن",
        "ليل الاثنين-الثلاثاء",
        "2021-04-12TNI",
    );
    check_all(
        "ارتفع من 2019 إلى 2021، قال",
        &[
            ("2019", TimexType::Date, "2019"),
            ("2021", TimexType::Date, "2021"),
        ],
    );
    check_all(
        "خلال 2019-2021 ارتفع",
        &[
            ("2019", TimexType::Date, "2019"),
            ("2021", TimexType::Date, "2021"),
        ],
    );
    let found = run("نما منذ 2014 حتى اليوم", Policy::News);
    let values: Vec<&str> = found.iter().map(|t| t.value.as_str()).collect();
    assert_eq!(values, ["2014", "2021-04-13"]);
}

#[test]
fn page_stamps_are_one_time_with_their_clock() {
    let t = check(
        "نشر في: الخميس 4 يناير 2024 - 9:15 م | آخر تحديث",
        "الخميس 4 يناير 2024 - 9:15 م",
        "2024-01-04T21:15",
    );
    assert_eq!(t.kind, TimexType::Time);
    assert_eq!(
        interval(&t),
        ("2024-01-04T21:15".into(), "2024-01-04T21:16".into())
    );
    check(
        "آخر تحديث 11:20 ص 12/03/2025",
        "11:20 ص 12/03/2025",
        "2025-03-12T11:20",
    );
    check(
        "نشر 05/06/2022 08:40PM",
        "05/06/2022 08:40PM",
        "2022-06-05T20:40",
    );
    check(
        "23:05 - 2020/09/14",
        "23:05 - 2020/09/14",
        "2020-09-14T23:05",
    );
    check(
        "سبت, 02/10/2021 - 14:07",
        "سبت, 02/10/2021 - 14:07",
        "2021-10-02T14:07",
    );
    check(
        "2025-01-08 | 16:45",
        "2025-01-08 | 16:45",
        "2025-01-08T16:45",
    );
    check(
        "الأربعاء 6 مارس 2024 / 10:30",
        "الأربعاء 6 مارس 2024 / 10:30",
        "2024-03-06T10:30",
    );
    check(
        "2018-02-20T17:45:10+03:00",
        "2018-02-20T17:45:10+03:00",
        "2018-02-20T17:45:10+03:00",
    );
    check(
        "الاثنين 07th تشرين الأول / أكتوبر 2019 10:12 صباحاً",
        "الاثنين 07th تشرين الأول / أكتوبر 2019 10:12 صباحاً",
        "2019-10-07T10:12",
    );
    check(
        "السبت ١٣/مارس/٢٠٢١ ٠٨:٠٥ م",
        "السبت ١٣/مارس/٢٠٢١ ٠٨:٠٥ م",
        "2021-03-13T20:05",
    );
    // a zone name in a stamp labels the page's own clock
    check(
        "09:50 GMT 11.02.2024",
        "09:50 GMT 11.02.2024",
        "2024-02-11T09:50",
    );
    // ص/م and noon
    check(
        "انطلقت الساعة 12:20 مساءً",
        "الساعة 12:20 مساءً",
        "2021-04-13T12:20",
    );
    check("انطلقت الساعة 9:05 م", "الساعة 9:05 م", "2021-04-13T21:05");
    // the weekday settles the order of two numbers that can both be a month:
    // 9 June 2020 was a Tuesday, 6 September a Sunday
    check("الثلاثاء، 06/09/2020", "الثلاثاء، 06/09/2020", "2020-06-09");
    check("الأحد، 06/09/2020", "الأحد، 06/09/2020", "2020-09-06");
}

#[test]
fn hijri_numerals_are_gregorian_days() {
    check("صدر في 14 / 8 / 1445هـ", "14 / 8 / 1445هـ", "2024-02-24");
    check("صدر في 1445/8/14 هـ", "1445/8/14 هـ", "2024-02-24");
    check("صدر في ٣/٩/١٤٤٦ه", "٣/٩/١٤٤٦ه", "2025-03-03");
    check("صدر في 3-11-2019م", "3-11-2019م", "2019-11-03");
}

#[test]
fn hijri_months_and_years_take_the_gregorian_unit_holding_most_days() {
    // Ramadan 1441 ran 24 April – 23 May 2020: May holds 23 of its 30 days
    let t = check("صام المسلمون رمضان 1441", "رمضان 1441", "2020-05");
    assert_eq!(
        interval(&t),
        ("2020-04-24T00:00".into(), "2020-05-24T00:00".into())
    );
    assert_eq!(t.granularity, Some(Granularity::Month));
    check(
        "في شهر ذي القعدة لعام 1442 هـ",
        "شهر ذي القعدة لعام 1442 هـ",
        "2021-06",
    );
    // 1446 AH: 7 July 2024 – 25 June 2025, 178 days in 2024
    let t = check(
        "مع بداية العام الهجري 1446",
        "بداية العام الهجري 1446",
        "2024",
    );
    assert_eq!(t.modifier, Some(Mod::Start));
    let t = check(
        "خلال السنة الهجرية الحالية 1442",
        "السنة الهجرية الحالية 1442",
        "2021",
    );
    assert_eq!(
        interval(&t),
        ("2020-08-20T00:00".into(), "2021-08-09T00:00".into())
    );
    assert!(
        run("صام رمضان الماضي", Policy::News)
            .iter()
            .all(|t| !t.value.contains('/'))
    );
}

#[test]
fn first_day_of_a_month() {
    check("تبدأ العطلة غرة شوال 1442", "غرة شوال 1442", "2021-05-13");
    check("يبدأ فاتح ماي 2022", "فاتح ماي 2022", "2022-05-01");
    check(
        "صدر بغرة جمادى الآخرة 1442",
        "غرة جمادى الآخرة 1442",
        "2021-01-14",
    );
    // the 30th of a month the table gives 29 days (Shawwal 1441: 24 May – 21 June 2020)
    // is the day after the 29th
    check(
        "مساء 30 شوال 1441 هـ",
        "مساء 30 شوال 1441 هـ",
        "2020-06-22TEV",
    );
}

#[test]
fn a_day_of_every_year_is_a_set() {
    let t = check(
        "يحيي البلد ذكراه في العاشر من أغسطس من كل عام",
        "العاشر من أغسطس من كل عام",
        "XXXX-08-10",
    );
    assert_eq!(t.kind, TimexType::Set);
    check("يوافق 3 مارس من كل سنة", "3 مارس من كل سنة", "XXXX-03-03");
}

#[test]
fn a_next_week_said_before_the_week_began_is_the_week_of_its_named_day() {
    // DCT Sunday 31 August 2025, Sunday week: «الأسبوع المقبل» alone is 7–13 September …
    let t = with_week("يزور الصين الأسبوع المقبل", "2025-08-31", WeekStart::Sunday);
    assert_eq!(t[0].value, "2025-W37");
    // … but when the story names a coming day before that week (Tuesday 2 September), the
    // source meant the ISO week that starts tomorrow
    let t = with_week(
        "يزور الصين الأسبوع المقبل. ويصل يوم الثلاثاء المقبل 2 سبتمبر",
        "2025-08-31",
        WeekStart::Sunday,
    );
    assert_eq!(t[0].value, "2025-W36");
    assert_eq!(
        interval(&t[0]),
        ("2025-09-01T00:00".into(), "2025-09-08T00:00".into())
    );
    // not on another day of the week: a Monday story's next week stays the counted one
    let t = with_week(
        "يزور الصين الأسبوع المقبل. ويصل يوم الخميس المقبل 4 سبتمبر",
        "2025-09-01",
        WeekStart::Sunday,
    );
    assert_eq!(t[0].value, "2025-W37");
}

fn with_week(text: &str, dct: &str, week_start: WeekStart) -> Vec<Timex> {
    tag_with(
        text,
        Some(dct.parse().expect("dct")),
        Policy::News,
        Lexicon::builtin(),
        Settings {
            week_start,
            ..Settings::default()
        },
    )
    .timexes
}

#[test]
fn the_week_counts_from_the_week_start() {
    // DCT Sunday 31 August 2025: a Sunday week starts that day
    let sunday = |text: &str| {
        let t = with_week(text, "2025-08-31", WeekStart::Sunday);
        assert_eq!(t.len(), 1, "{text}");
        (t[0].value.clone(), interval(&t[0]))
    };
    assert_eq!(
        sunday("يزور البلاد هذا الأسبوع"),
        (
            "2025-W36".into(),
            ("2025-08-31T00:00".into(), "2025-09-07T00:00".into())
        )
    );
    assert_eq!(sunday("عاد الأسبوع الماضي").0, "2025-W35");
    assert_eq!(
        sunday("يعقد الأسبوع المقبل"),
        (
            "2025-W37".into(),
            ("2025-09-07T00:00".into(), "2025-09-14T00:00".into())
        )
    );
    // the same day with a Monday (Maghreb, ISO) week
    let t = with_week("يعقد الأسبوع المقبل", "2025-08-31", WeekStart::Monday);
    assert_eq!(t[0].value, "2025-W36");
    assert_eq!(
        interval(&t[0]),
        ("2025-09-01T00:00".into(), "2025-09-08T00:00".into())
    );
    // a Saturday week: Saturday 30 August – Friday 5 September
    let t = with_week("هذا الأسبوع", "2025-08-31", WeekStart::Saturday);
    assert_eq!(t[0].value, "2025-W36");
    assert_eq!(
        interval(&t[0]),
        ("2025-08-30T00:00".into(), "2025-09-06T00:00".into())
    );
    assert_eq!("monday".parse::<WeekStart>(), Ok(WeekStart::Monday));
    assert!("friday".parse::<WeekStart>().is_err());
}

#[test]
fn deictics_follow_the_story_today() {
    // a page stamped after midnight on 4 March whose story is dated 3 March
    let tagged = tag(
        "قال الوزير اليوم الأحد 3 مارس 2024 إن الوفد وصل أمس وسيغادر غدا، بعد زيارة بدأت منذ 3 أيام",
        Some("2024-03-04T00:20:00".parse().expect("dct")),
        Policy::News,
        Lexicon::builtin(),
    );
    assert_eq!(tagged.today, NaiveDate::from_ymd_opt(2024, 3, 3));
    let values: Vec<(&str, &str)> = tagged
        .timexes
        .iter()
        .map(|t| (t.text.as_str(), t.value.as_str()))
        .collect();
    assert_eq!(
        values,
        [
            ("اليوم الأحد 3 مارس 2024", "2024-03-03"),
            ("أمس", "2024-03-02"),
            ("غدا", "2024-03-04"),
            ("منذ 3 أيام", "2024-02-29"),
        ]
    );
    // the same day as the DCT: no story today
    let same = tag(
        "قال اليوم الأحد 3 مارس 2024 إن الوفد وصل أمس",
        Some("2024-03-03".parse().expect("dct")),
        Policy::News,
        Lexicon::builtin(),
    );
    assert_eq!(same.today, None);
    assert_eq!(same.timexes[1].value, "2024-03-02");
}

#[test]
fn national_days_follow_the_document_country() {
    let national = |country: &str, text: &str| {
        let t = tag_with(
            text,
            Some(DCT.parse().expect("dct")),
            Policy::News,
            Lexicon::builtin(),
            Settings {
                country: Some(country.into()),
                ..Settings::default()
            },
        )
        .timexes;
        t.iter()
            .map(|t| (t.text.clone(), t.value.clone()))
            .collect::<Vec<_>>()
    };
    // the nearest occurrence to the DCT (13 April 2021)
    assert_eq!(
        national("mar", "احتفالات عيد الاستقلال"),
        [("عيد الاستقلال".to_string(), "2020-11-18".to_string())]
    );
    assert_eq!(
        national("tun", "احتفالات عيد الاستقلال"),
        [("عيد الاستقلال".to_string(), "2021-03-20".to_string())]
    );
    assert_eq!(
        national("sau", "بمناسبة اليوم الوطني 2021"),
        [("اليوم الوطني 2021".to_string(), "2021-09-23".to_string())]
    );
    assert_eq!(
        national("sau", "بمناسبة يوم التأسيس"),
        [("يوم التأسيس".to_string(), "2021-02-22".to_string())]
    );
    // the country's own national day (possessive), Moroccan anniversaries by their event
    assert_eq!(
        national("are", "تحتفل الدولة بيومها الوطني"),
        [("يومها الوطني".to_string(), "2020-12-02".to_string())]
    );
    assert_eq!(
        national("mar", "خطاب في ذكرى المسيرة الخضراء"),
        [("ذكرى المسيرة الخضراء".to_string(), "2020-11-06".to_string())]
    );
    // without the country the expression is found, its value unknown
    check("بمناسبة اليوم الوطني", "اليوم الوطني", "XXXX-XX-XX");
}

#[test]
fn english_dates_inside_arabic_text() {
    check(
        "كتب في تغريدة June 5, 2023 أن",
        "June 5, 2023",
        "2023-06-05",
    );
    check("نشرت في 5 June 2023", "5 June 2023", "2023-06-05");
    check("بتاريخ Sep. 12, 2020", "Sep. 12, 2020", "2020-09-12");
    check(
        "Tuesday, 13 April 2021 كتب",
        "Tuesday, 13 April 2021",
        "2021-04-13",
    );
    // an English month name alone is a word, not a date
    none("قال إن الأمر may change");
}

#[test]
fn tanween_units_and_ages() {
    check("غادر البلاد منذ 14 شهرًا", "منذ 14 شهرًا", "2020-02");
    check("تأسس قبل 40 عامًا", "قبل 40 عامًا", "1981");
    let t = check("استمر الحصار 40 يومًا", "40 يومًا", "P40D");
    assert_eq!(t.kind, TimexType::Duration);
    check("بقي هناك أسبوعًا كاملًا", "أسبوعًا كاملًا", "P1W");
    // ages are not timexes
    none("توفي عن عمر ناهز 63 عامًا");
    none("يبلغ من العمر 70 عاما");
    none("أصيب الشاب (25 عاما) بجروح");
}

#[test]
fn midday_and_afternoon_parts_of_day() {
    check("وصل ظهر اليوم", "ظهر اليوم", "2021-04-13TMI");
    check("وصل بعد ظهر السبت", "بعد ظهر السبت", "2021-04-10TAF");
    check(
        "يبدأ الساعة الثالثة من بعد ظهر اليوم",
        "الساعة الثالثة من بعد ظهر اليوم",
        "2021-04-13T15:00",
    );
}

#[test]
fn extents_leave_signals_and_proclitics_outside() {
    // خلال / في غضون are signals: the value keeps their reading
    let t = check(
        "سيتم اللقاء خلال الأسبوعين المقبلين",
        "الأسبوعين المقبلين",
        "P2W",
    );
    // the two Sunday weeks after this one (13 April 2021 is a Tuesday)
    assert_eq!(
        interval(&t),
        ("2021-04-18T00:00".into(), "2021-05-02T00:00".into())
    );
    check("يصل في غضون أسبوعين", "أسبوعين", "P2W");
    // a proclitic before يوم or عام stays outside
    check("نشرت في عددها ليوم الأحد", "يوم الأحد", "2021-04-11");
    check("القمة المقبلة لعام 2026 في", "عام 2026", "2026");
    // a trailing approximator is inside, with its mod
    let t = check("استمر الاجتماع ساعتين تقريبًا", "ساعتين تقريبًا", "PT2H");
    assert_eq!(t.modifier, Some(Mod::Approx));
    // مدته أسبوع: the head noun of a duration
    check("أعلن حدادا مدته أسبوع.", "أسبوع", "P1W");
}

#[test]
fn nights_before_and_plans_of_the_past() {
    check(
        "قصفت الطائرات الليلة الماضية",
        "الليلة الماضية",
        "2021-04-12TNI",
    );
    check(
        "وقع الهجوم الليلة قبل الماضية",
        "الليلة قبل الماضية",
        "2021-04-11TNI",
    );
    // وكان من المقرر: a plan of the past resolves back, المقرر alone forward
    check(
        "وكان من المقرر أن تعقد الجولة في 2 أبريل",
        "2 أبريل",
        "2021-04-02",
    );
    check(
        "ومن المقرر أن تعقد الجولة في 2 أبريل",
        "2 أبريل",
        "2022-04-02",
    );
}

#[test]
fn news_conventions_of_amounts_and_adverbs() {
    use TimexType::{Date, Duration};
    // a lone unit after a quantifier is a duration
    let t = check("دام اللقاء قرابة ساعة ثم", "قرابة ساعة", "PT1H");
    assert_eq!((t.kind, t.modifier), (Duration, Some(Mod::Approx)));
    // a disjunction of amounts is its lower one; على الأقل stays inside
    let t = check(
        "قد يستغرق الاجتماع أربع أو خمس ساعات على الأقل",
        "أربع أو خمس ساعات على الأقل",
        "PT4H",
    );
    assert_eq!(t.modifier, Some(Mod::MoreThan));
    check("استمر 3 أو 4 أيام", "3 أو 4 أيام", "P3D");
    // «اليوم الواحد» is a length, not today; «الساعة الواحدة» a clock time
    check_all("إضراب اليوم الواحد", &[("اليوم الواحد", Duration, "P1D")]);
    check("وصل الساعة الواحدة", "الساعة الواحدة", "2021-04-13T01:00");
    // lately after a verb; «وأخيرا،» is "finally"
    check("أعلن الوزير أخيراً أن", "أخيراً", "PAST_REF");
    check("وصل حديثا إلى", "حديثا", "PAST_REF");
    none("وأخيرا، شكر الحضور");
    none("عرفت المدينة قديما وحديثا");
    // earlier this week / later this year: that period
    check_all(
        "وفي وقت سابق من هذا الأسبوع، حذر",
        &[("وقت سابق من هذا الأسبوع", Date, "2021-W15")],
    );
    check_all(
        "سيعود في وقت لاحق من العام الجاري",
        &[("وقت لاحق من العام الجاري", Date, "2021")],
    );
    // a bare period is the current one; a named or referred-back one is not
    check_all(
        "التقى في وقت سابق من الأسبوع السفير",
        &[("وقت سابق من الأسبوع", Date, "2021-W15")],
    );
    check_all(
        "وقع في وقت سابق من الأسبوع الماضي",
        &[("وقت سابق من الأسبوع الماضي", Date, "2021-W14")],
    );
    check_all(
        "وقع في وقت سابق من العام 2020",
        &[("وقت سابق", Date, "PAST_REF"), ("العام 2020", Date, "2020")],
    );
    // a word ordinal after a weekday needs its article to be a day
    check_all(
        "غدا الأربعاء أول أيام الدورة",
        &[("غدا الأربعاء", Date, "2021-04-14")],
    );
}

#[test]
fn hijri_day_without_year_is_the_nearest() {
    // DCT 2021-04-13 = 1 Ramadan 1442: the 1st of Shawwal is the coming one
    check("ويكون فاتح شهر شوال هو", "فاتح شهر شوال", "2021-05-13");
    check("وقع ذلك في 29 شعبان", "29 شعبان", "2021-04-11");
}

#[test]
fn a_scheduling_verb_a_few_words_before_a_weekday() {
    check(
        "المحادثات تجري في العاصمة العمانية يوم الأحد.",
        "يوم الأحد",
        "2021-04-18",
    );
    check(
        "جرت المحادثات في العاصمة يوم الأحد.",
        "يوم الأحد",
        "2021-04-11",
    );
}

#[test]
fn a_preposition_between_date_and_clock_makes_two_timexes() {
    use TimexType::{Date, Time};
    // TimeML: في stays outside; the clock keeps the day before it
    check_all(
        "وصل الوفد في 10 أبريل في الساعة الثامنة مساء",
        &[
            ("10 أبريل", Date, "2021-04-10"),
            ("الساعة الثامنة مساء", Time, "2021-04-10T20:00"),
        ],
    );
    // without a preposition it is one
    check_all(
        "وصل الوفد الخميس الساعة 8 صباحا",
        &[("الخميس الساعة 8 صباحا", Time, "2021-04-08T08:00")],
    );
    // the colloquial policy keeps one expression
    assert_eq!(
        run("الخميس في الساعة 8", Policy::Colloquial).len(),
        1,
        "colloquial"
    );
}

#[test]
fn an_agency_dateline_gives_day_and_month() {
    // PLACE - D - M (AGENCY): the dispatch's day, in the reference's year
    check(
        "الكويت - 12 - 4 (كونا) -- أعلنت الوزارة",
        "12 - 4",
        "2021-04-12",
    );
    // a score is not a date
    none("فاز الفريق 3 - 1 على منافسه");
}

#[test]
fn hijri_epithets_and_the_texts_own_equivalent() {
    use TimexType::Date;
    // epithets of Hijri months stay inside
    check("خلال شهر رمضان المبارك", "شهر رمضان المبارك", "2021-04");
    check(
        "في 5 رمضان المبارك 1442 هـ",
        "5 رمضان المبارك 1442 هـ",
        "2021-04-17",
    );
    // the Gregorian day the text gives after الموافق wins over the table for a day; a
    // part of day or clock on the Hijri day is not adjusted yet (it keeps the table's day)
    check_all(
        "رصد الهلال مساء 29 رمضان 1442 هـ الموافق 12 مايو 2021",
        &[
            ("مساء 29 رمضان 1442 هـ", TimexType::Time, "2021-05-11TEV"),
            ("12 مايو 2021", Date, "2021-05-12"),
        ],
    );
    check_all(
        "أعلن يوم 29 رمضان 1442 هـ، الموافق 12 مايو 2021",
        &[
            ("يوم 29 رمضان 1442 هـ", Date, "2021-05-12"),
            ("12 مايو 2021", Date, "2021-05-12"),
        ],
    );
}

#[test]
fn openers_lead_to_a_head_or_start_nothing() {
    // three openers before the head (منذ، أكثر، من): the 1950s or before
    check(
        "يعيش هنا منذ أكثر من سبعة عقود",
        "منذ أكثر من سبعة عقود",
        "195",
    );
    // two openers: قبل، حوالي
    check("وصل الوفد قبل حوالي أسبوع", "قبل حوالي أسبوع", "2021-W14");
    // a quantifier inside خلال / في غضون keeps the span's meaning: within about two weeks
    let t = check("سيصل الوفد في غضون حوالي أسبوعين", "حوالي أسبوعين", "P2W");
    assert_eq!(t.modifier, Some(Mod::Approx));
    assert_eq!(
        interval(&t),
        ("2021-04-13T00:00".into(), "2021-04-27T00:00".into())
    );
    // openers with no head after them
    none("تحدثا خلال المكالمة بعد أن انتهى الاجتماع حتى وقت متأخر من الليل");
    none("جاء من بين الحضور منذ البداية");
}
