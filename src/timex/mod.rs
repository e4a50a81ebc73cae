//! Temporal expressions: recognition ([`grammar`]) and resolution ([`resolve`]) to
//! TIMEX3 values, half-open intervals and granularities.
//!
//! The reference time is the document creation time (DCT) given by the caller,
//! or inferred from the first explicit full date in the opening of the article.

pub(crate) mod grammar;
pub mod hijri;
pub(crate) mod resolve;

use std::borrow::Cow;
use std::fmt;
use std::str::FromStr;

use chrono::{DateTime, Datelike, NaiveDate, NaiveDateTime, NaiveTime, Timelike};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::error::Error;
use crate::lexicon::Lexed;
use crate::lexicon::Lexicon;
use crate::text::{CharIndex, Normalized, Sentence, sentences, tokenize};
use grammar::{Base, Expr, Parser, YearSpec};
use resolve::{Context, Source};

/// How underspecified and relative expressions are read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Policy {
    /// News: a bare weekday or month is the latest one on or before the DCT,
    /// unless a future cue (سـ، سوف، المقرر، المقبل) governs the clause.
    #[default]
    News,
    /// Narrative: relative expressions are anchored on the last mentioned date.
    Narrative,
    /// Colloquial: future-leaning, as a voice assistant (and Duckling) reads.
    Colloquial,
}

impl FromStr for Policy {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "news" => Ok(Policy::News),
            "narrative" => Ok(Policy::Narrative),
            "colloquial" => Ok(Policy::Colloquial),
            other => Err(format!(
                "unknown policy {other:?} (expected news, narrative or colloquial)"
            )),
        }
    }
}

/// The first day of the week that «هذا الأسبوع», «الأسبوع الماضي/المقبل» count: Sunday
/// in the Mashriq and the Gulf (the news default), Monday in the Maghreb (and ISO),
/// Saturday in some countries. The value of such a week is the ISO week holding most of
/// its days; its interval is the exact seven days.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum WeekStart {
    /// Sunday to Saturday.
    #[default]
    Sunday,
    /// Monday to Sunday (ISO 8601).
    Monday,
    /// Saturday to Friday.
    Saturday,
}

impl WeekStart {
    /// The setting's name: `sunday`, `monday` or `saturday`.
    pub fn as_str(self) -> &'static str {
        match self {
            WeekStart::Sunday => "sunday",
            WeekStart::Monday => "monday",
            WeekStart::Saturday => "saturday",
        }
    }

    /// The first day of the week holding `d`.
    pub fn week_of(self, d: NaiveDate) -> NaiveDate {
        let first = match self {
            WeekStart::Sunday => chrono::Weekday::Sun,
            WeekStart::Monday => chrono::Weekday::Mon,
            WeekStart::Saturday => chrono::Weekday::Sat,
        };
        d - chrono::Days::new(u64::from(d.weekday().days_since(first)))
    }
}

impl FromStr for WeekStart {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.to_ascii_lowercase().as_str() {
            "sunday" | "sun" => Ok(WeekStart::Sunday),
            "monday" | "mon" => Ok(WeekStart::Monday),
            "saturday" | "sat" => Ok(WeekStart::Saturday),
            other => Err(format!(
                "unknown week start {other:?} (expected sunday, monday or saturday)"
            )),
        }
    }
}

/// Settings of the temporal tagger beyond the DCT and the policy.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Settings {
    /// The first day of the week.
    pub week_start: WeekStart,
    /// The country the document is most about (ISO3 id of the gazetteer, `qat`): national
    /// days (اليوم الوطني، عيد الاستقلال) are read as that country's.
    pub country: Option<Box<str>>,
}

/// TIMEX3 type.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum TimexType {
    /// A calendar date or period.
    Date,
    /// A time of day or part of day.
    Time,
    /// A length of time.
    Duration,
    /// A recurring time.
    Set,
}

/// TIMEX3 `mod`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum Mod {
    /// بداية، مطلع، أوائل
    Start,
    /// منتصف، أواسط
    Mid,
    /// أواخر، نهاية
    End,
    /// حوالي، نحو، قرابة
    Approx,
    /// منذ أكثر من عامين: earlier than the date
    Before,
    /// منذ أقل من عامين: later than the date
    After,
    /// أكثر من عامين (a duration)
    MoreThan,
    /// أقل من ساعة (a duration)
    LessThan,
}

/// The precision of a resolved value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Granularity {
    /// One second.
    Second,
    /// One minute.
    Minute,
    /// One hour.
    Hour,
    /// Morning, afternoon, evening, night.
    #[serde(rename = "partofday")]
    PartOfDay,
    /// One day.
    Day,
    /// One ISO week (Monday to Sunday).
    Week,
    /// One month.
    Month,
    /// Three months.
    Quarter,
    /// Six months.
    Half,
    /// A meteorological season.
    Season,
    /// One year.
    Year,
    /// Ten years.
    Decade,
    /// A hundred years.
    Century,
}

/// A half-open interval `[start, end)` of local date-times.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Interval {
    /// First instant inside.
    #[serde(serialize_with = "ser_datetime", deserialize_with = "de_datetime")]
    pub start: NaiveDateTime,
    /// First instant after.
    #[serde(serialize_with = "ser_datetime", deserialize_with = "de_datetime")]
    pub end: NaiveDateTime,
}

fn ser_datetime<S: Serializer>(t: &NaiveDateTime, s: S) -> Result<S::Ok, S::Error> {
    s.collect_str(&IsoDateTime(*t))
}

fn de_datetime<'de, D: Deserializer<'de>>(d: D) -> Result<NaiveDateTime, D::Error> {
    let s = String::deserialize(d)?;
    s.parse::<NaiveDateTime>()
        .map_err(|e| serde::de::Error::custom(format!("invalid date-time {s:?}: {e}")))
}

/// The calendars a timex may name; reading JSON maps the name back to this table.
const CALENDARS: &[&str] = &["hijri-umalqura"];

fn de_calendar<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Cow<'static, str>>, D::Error> {
    match Option::<String>::deserialize(d)? {
        None => Ok(None),
        Some(name) => CALENDARS
            .iter()
            .find(|c| **c == name)
            .map(|c| Some(Cow::Borrowed(*c)))
            .ok_or_else(|| serde::de::Error::custom(format!("unknown calendar {name:?}"))),
    }
}

/// `YYYY-MM-DDTHH:MM:SS`, written directly (chrono's `format` parses its pattern on every
/// call, which showed in profiles of large outputs).
pub(crate) struct IsoDateTime(pub NaiveDateTime);

impl IsoDateTime {
    /// `YYYY-MM-DDTHH:MM:SS` as bytes, for years 0–9999.
    pub(crate) fn digits(&self) -> Option<[u8; 19]> {
        let t = self.0;
        let date = date_digits(t.date())?;
        let mut buf = *b"0000-00-00T00:00:00";
        buf[..10].copy_from_slice(&date);
        two_digits(&mut buf[11..13], t.hour());
        two_digits(&mut buf[14..16], t.minute());
        two_digits(&mut buf[17..19], t.second());
        Some(buf)
    }
}

impl fmt::Display for IsoDateTime {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let t = self.0;
        match self.digits() {
            Some(buf) => f.write_str(ascii(&buf)),
            None => write!(
                f,
                "{}T{:02}:{:02}:{:02}",
                IsoDate(t.date()),
                t.hour(),
                t.minute(),
                t.second()
            ),
        }
    }
}

/// `YYYY-MM-DD`, written directly.
pub(crate) struct IsoDate(pub NaiveDate);

impl fmt::Display for IsoDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let d = self.0;
        match date_digits(d) {
            Some(buf) => f.write_str(ascii(&buf)),
            // ISO 8601 expanded years: -0044, 12345
            None => {
                let sign = if d.year() < 0 { "-" } else { "" };
                let year = d.year().unsigned_abs();
                write!(f, "{sign}{year:04}-{:02}-{:02}", d.month(), d.day())
            }
        }
    }
}

/// `YYYY-MM-DD` as bytes for years 0–9999 (the formatting machinery of `write!` showed
/// in profiles of large outputs: every timex carries four dates).
fn date_digits(d: NaiveDate) -> Option<[u8; 10]> {
    let year = u32::try_from(d.year()).ok().filter(|y| *y <= 9999)?;
    let mut buf = *b"0000-00-00";
    two_digits(&mut buf[0..2], year / 100);
    two_digits(&mut buf[2..4], year % 100);
    two_digits(&mut buf[5..7], d.month());
    two_digits(&mut buf[8..10], d.day());
    Some(buf)
}

fn two_digits(out: &mut [u8], n: u32) {
    out[0] = b'0' + (n / 10 % 10) as u8;
    out[1] = b'0' + (n % 10) as u8;
}

pub(crate) fn ascii(bytes: &[u8]) -> &str {
    // only ASCII digits and punctuation are ever written into these buffers
    std::str::from_utf8(bytes).unwrap_or("?")
}

/// The document creation time: a date, or a date-time with its UTC offset.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Dct {
    /// Local wall-clock date-time (midnight for a plain date).
    pub datetime: NaiveDateTime,
    /// UTC offset in minutes, when given.
    pub offset_minutes: Option<i32>,
    /// Whether a time of day was given.
    pub has_time: bool,
}

impl Dct {
    /// A DCT at midnight of a date.
    pub fn from_date(date: NaiveDate) -> Dct {
        Dct {
            datetime: date.and_time(NaiveTime::MIN),
            offset_minutes: None,
            has_time: false,
        }
    }
}

impl FromStr for Dct {
    type Err = Error;
    /// `2021-04-13`, `2013-02-12T04:30:00-02:00` (RFC 3339) or `2013-02-12T04:30:00`.
    fn from_str(s: &str) -> Result<Self, Error> {
        let s = s.trim();
        if let Ok(d) = NaiveDate::parse_from_str(s, "%Y-%m-%d") {
            return Ok(Dct::from_date(d));
        }
        if let Ok(t) = DateTime::parse_from_rfc3339(s) {
            return Ok(Dct {
                datetime: t.naive_local(),
                offset_minutes: Some(t.offset().local_minus_utc() / 60),
                has_time: true,
            });
        }
        if let Ok(t) = NaiveDateTime::parse_from_str(s, "%Y-%m-%dT%H:%M:%S") {
            return Ok(Dct {
                datetime: t,
                offset_minutes: None,
                has_time: true,
            });
        }
        Err(Error::Dct {
            value: s.to_string(),
            message:
                "expected YYYY-MM-DD or an RFC 3339 date-time such as 2013-02-12T04:30:00-02:00"
                    .into(),
        })
    }
}

impl fmt::Display for Dct {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if !self.has_time {
            return write!(f, "{}", IsoDate(self.datetime.date()));
        }
        write!(f, "{}", IsoDateTime(self.datetime))?;
        if let Some(m) = self.offset_minutes {
            let sign = if m < 0 { '-' } else { '+' };
            write!(f, "{sign}{:02}:{:02}", m.abs() / 60, m.abs() % 60)?;
        }
        Ok(())
    }
}

/// Where the DCT came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DctSource {
    /// Given by the caller.
    Argument,
    /// Taken from the first explicit full date in the opening of the text.
    Inferred,
    /// Unknown: relative expressions stay unresolved.
    None,
}

/// One temporal expression, found and resolved.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Timex {
    /// `t1`, `t2`, … in text order.
    pub id: String,
    /// The exact original text of the span.
    pub text: String,
    /// `[start, end)` in code points of the original text.
    pub span: [usize; 2],
    /// TIMEX3 type.
    #[serde(rename = "type")]
    pub kind: TimexType,
    /// TIMEX3 value (`2021-04-13`, `2021-W15`, `P3D`, `PAST_REF`, `XXXX-04-13` …).
    pub value: String,
    /// TIMEX3 mod, if any.
    #[serde(rename = "mod")]
    pub modifier: Option<Mod>,
    /// The resolved half-open interval, when there is one.
    pub interval: Option<Interval>,
    /// The precision of the value.
    pub granularity: Option<Granularity>,
    /// `absolute`, `dct`, the id of the anchoring timex (narrative), or `none`.
    pub anchor: String,
    /// `hijri-umalqura` when the expression was written in the Hijri calendar.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "de_calendar"
    )]
    pub calendar: Option<Cow<'static, str>>,
    /// In a merged timeline: the id of the document the expression comes from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub document: Option<String>,
}

/// The result of tagging one text.
#[derive(Debug, Clone)]
pub struct Tagged {
    /// The expressions in text order.
    pub timexes: Vec<Timex>,
    /// The reference time used.
    pub dct: Option<Dct>,
    /// Where it came from.
    pub dct_source: DctSource,
    /// The byte span of each timex in the normalized text (for the later stages).
    pub normalized_spans: Vec<(usize, usize)>,
    /// The day the story itself states as today («اليوم الأحد 3 مارس 2024») when it
    /// differs from the DCT's day (a page stamped after midnight); deictic expressions
    /// (أمس، غدا، منذ 3 أيام) were resolved from it. None otherwise.
    pub today: Option<NaiveDate>,
}

/// Reads a whole text as one integer written in digits or words, cardinal or ordinal:
/// `الحادي والعشرين` → 21, `ألفين وواحد وعشرين` → 2021, `١٣` → 13. `None` when the text
/// is not exactly one number.
pub fn parse_number(text: &str, lexicon: &Lexicon) -> Option<i64> {
    let normalized = Normalized::new(text);
    let tokens = tokenize(&normalized.text);
    let lexed = Lexed::new(&normalized.text, &tokens, lexicon);
    Parser::new(&lexed).whole_number()
}

/// Finds and resolves every temporal expression of `text`.
pub fn tag(text: &str, dct: Option<Dct>, policy: Policy, lexicon: &Lexicon) -> Tagged {
    tag_with(text, dct, policy, lexicon, Settings::default())
}

/// As [`tag`], with settings (the week start).
pub fn tag_with(
    text: &str,
    dct: Option<Dct>,
    policy: Policy,
    lexicon: &Lexicon,
    settings: Settings,
) -> Tagged {
    let normalized = Normalized::new(text);
    let tokens = tokenize(&normalized.text);
    let lexed = Lexed::new(&normalized.text, &tokens, lexicon);
    let sentences = sentences(&normalized.text);
    tag_lexed(
        &normalized,
        &lexed,
        &sentences,
        text,
        dct,
        policy,
        &[],
        settings,
    )
}

/// As [`tag`], on a text already normalized, tokenized, looked up and segmented
/// (the document pipeline shares these with the other stages).
#[allow(clippy::too_many_arguments)]
pub fn tag_lexed(
    normalized: &Normalized,
    lexed: &Lexed<'_>,
    sentences: &[Sentence],
    original: &str,
    dct: Option<Dct>,
    policy: Policy,
    inside_name: &[bool],
    settings: Settings,
) -> Tagged {
    let index = CharIndex::new(original);
    tag_indexed(
        normalized,
        lexed,
        sentences,
        &index,
        dct,
        policy,
        inside_name,
        settings,
    )
}

/// [`tag_lexed`] with the code-point index of the original text already built (the
/// document pipeline slices its evidence with the same index).
#[allow(clippy::too_many_arguments)]
pub fn tag_indexed(
    normalized: &Normalized,
    lexed: &Lexed<'_>,
    sentences: &[Sentence],
    char_index: &CharIndex<'_>,
    dct: Option<Dct>,
    policy: Policy,
    inside_name: &[bool],
    settings: Settings,
) -> Tagged {
    tag_indexed_inferring(
        normalized,
        lexed,
        sentences,
        char_index,
        (dct, true),
        policy,
        inside_name,
        settings,
    )
}

/// [`tag_indexed`], with `dct.1` false for a text whose DCT, when `dct.0` is None, is
/// not to be inferred from the text (a later window of a text whose first found none).
#[allow(clippy::too_many_arguments)]
pub(crate) fn tag_indexed_inferring(
    normalized: &Normalized,
    lexed: &Lexed<'_>,
    sentences: &[Sentence],
    char_index: &CharIndex<'_>,
    (dct, infer): (Option<Dct>, bool),
    policy: Policy,
    inside_name: &[bool],
    settings: Settings,
) -> Tagged {
    let parser = Parser::new(lexed).with_joined_equals(policy == Policy::Colloquial);
    let mut candidates = parser.recognize(inside_name);
    // TimeML (and the news policies) annotate each end of a range or list of days or
    // years as its own timex; the colloquial policy keeps one interval, as Duckling does
    if policy != Policy::Colloquial && candidates.iter().any(|c| c.parts.is_some()) {
        candidates = candidates.into_iter().flat_map(|c| c.split()).collect();
    }
    let (dct, dct_source) = match dct {
        Some(d) => (Some(d), DctSource::Argument),
        None if !infer => (None, DctSource::None),
        None => match infer_dct(sentences, &candidates) {
            Some(d) => (Some(Dct::from_date(d)), DctSource::Inferred),
            None => (None, DctSource::None),
        },
    };
    let mut ctx = Context {
        dct: dct.map(|d| d.datetime),
        dct_offset: dct.and_then(|d| d.offset_minutes),
        policy,
        anchor: None,
        mention: None,
        mention_grain: None,
        week_start: settings.week_start,
        country: settings.country,
    };
    let today = story_today(normalized, &candidates, &mut ctx);
    let sentence_of = |byte: usize| sentences.partition_point(|s| s.end <= byte);
    let mut mention_sentence = usize::MAX;
    let mut timexes = Vec::with_capacity(candidates.len());
    for cand in &candidates {
        let sentence = sentence_of(cand.start);
        if let Some((d, id, _)) = ctx.mention {
            ctx.mention = Some((d, id, mention_sentence == sentence));
        }
        let r = ctx.resolve(&cand.expr, cand.future, cand.modifier);
        let (s, e) = normalized.to_original(cand.start, cand.end);
        let id = crate::document::numbered_id('t', timexes.len() + 1);
        let anchor = match r.source {
            Source::Absolute => "absolute".to_string(),
            Source::Dct => "dct".to_string(),
            Source::Anchor(k) => crate::document::numbered_id('t', k + 1),
            Source::None => "none".to_string(),
        };
        // dates later expressions may count from: absolute ones, and days resolved from the
        // DCT (أمس السبت … وفي اليوم نفسه)
        let countable = match r.source {
            Source::Absolute => matches!(
                r.granularity,
                Some(Granularity::Day | Granularity::Month | Granularity::Year)
            ),
            Source::Dct => r.granularity == Some(Granularity::Day),
            _ => false,
        };
        if countable
            && r.kind == TimexType::Date
            && let Some(iv) = r.interval
        {
            ctx.mention = Some((iv.start.date(), timexes.len(), true));
            ctx.mention_grain = r.granularity;
            mention_sentence = sentence;
        }
        if policy == Policy::Narrative
            && r.granularity == Some(Granularity::Day)
            && r.kind == TimexType::Date
            && let Some(iv) = r.interval
        {
            ctx.anchor = Some((iv.start.date(), timexes.len()));
        }
        timexes.push(Timex {
            id,
            text: char_index.slice(s, e).to_string(),
            span: [s, e],
            kind: r.kind,
            value: r.value,
            modifier: r.modifier,
            interval: r.interval,
            granularity: r.granularity,
            anchor,
            calendar: is_hijri(&cand.expr).then_some(Cow::Borrowed(CALENDARS[0])),
            document: None,
        });
    }
    text_equivalents(&normalized.text, &candidates, &mut timexes);
    if let Some(d) = ctx.dct {
        next_week_by_its_day(&mut timexes, d.date(), ctx.week_start);
    }
    let normalized_spans = candidates.iter().map(|c| (c.start, c.end)).collect();
    Tagged {
        timexes,
        dct,
        dct_source,
        normalized_spans,
        today,
    }
}

/// On the first day of a week that does not start on Monday, a source's «الأسبوع المقبل»
/// may be the ISO week that starts tomorrow (a statement of Friday wired on Sunday): when
/// the story names a coming day that falls before the week counted, the next week is the
/// ISO week of that day (a Sunday 24 April 2022 story with «الأسبوع المقبل» and «الثلاثاء
/// المقبل الموافق 26 إبريل» → 2022-W17, 25 April – 1 May).
fn next_week_by_its_day(timexes: &mut [Timex], dct: NaiveDate, week_start: WeekStart) {
    if week_start == WeekStart::Monday || week_start.week_of(dct) != dct {
        return;
    }
    let days: Vec<NaiveDate> = timexes
        .iter()
        .filter(|t| t.kind == TimexType::Date && t.granularity == Some(Granularity::Day))
        .filter_map(|t| t.interval.map(|iv| iv.start.date()))
        .filter(|&day| dct < day)
        .collect();
    if days.is_empty() {
        return;
    }
    for t in timexes.iter_mut() {
        if t.granularity != Some(Granularity::Week) || t.anchor != "dct" {
            continue;
        }
        let Some(start) = t.interval.map(|iv| iv.start.date()).filter(|&s| s > dct) else {
            continue;
        };
        let Some(&day) = days.iter().find(|&&day| day < start) else {
            continue;
        };
        let monday = WeekStart::Monday.week_of(day);
        let week = day.iso_week();
        t.value = format!("{}-W{:02}", week.year(), week.week());
        t.interval = Some(Interval {
            start: monday.and_time(NaiveTime::MIN),
            end: (monday + chrono::Days::new(7)).and_time(NaiveTime::MIN),
        });
    }
}

/// The story's own today: an expression that starts with اليوم and names a full date
/// («اليوم الأحد 3 مارس 2024») one or two days away from the DCT's day (a page stamped
/// after midnight, or written the evening before). The reference of deictic expressions
/// moves to it, keeping the DCT's clock.
fn story_today(
    normalized: &Normalized,
    candidates: &[grammar::Candidate],
    ctx: &mut Context,
) -> Option<NaiveDate> {
    let dct = ctx.dct?;
    let found = candidates.iter().find_map(|c| {
        let text = normalized.text.get(c.start..c.end)?;
        let rest = text.strip_prefix("اليوم")?;
        let full = matches!(
            &c.expr,
            Expr::Date {
                base: Base::Cal {
                    year: Some(YearSpec::Abs { .. }),
                    month: Some(_),
                    day: Some(_),
                    ..
                },
                ..
            }
        );
        if !full || !rest.starts_with(' ') {
            return None;
        }
        let r = ctx.resolve(&c.expr, c.future, c.modifier);
        let day = r.interval?.start.date();
        (r.granularity == Some(Granularity::Day)).then_some(day)
    })?;
    let gap = (found - dct.date()).num_days().abs();
    if gap == 0 || gap > 2 {
        return None;
    }
    ctx.dct = Some(found.and_time(dct.time()));
    Some(found)
}

/// hijri_text_equivalent: a Hijri day followed by «الموافق» and a Gregorian day takes the
/// Gregorian day the text gives (a sighting may differ from the Umm al-Qura table:
/// «29 رمضان 1442 هـ، الموافق 12 ماي 2021»).
fn text_equivalents(text: &str, candidates: &[grammar::Candidate], timexes: &mut [Timex]) {
    for k in 1..candidates.len().min(timexes.len()) {
        let (a, b) = (&candidates[k - 1], &candidates[k]);
        if !is_hijri(&a.expr) || is_hijri(&b.expr) {
            continue;
        }
        let gap = text.get(a.end..b.start).unwrap_or_default();
        let gap = gap.trim_matches(|c: char| c.is_whitespace() || c == ',' || c == '،');
        let joined = matches!(gap, "الموافق" | "موافق" | "الموافق ل" | "والموافق");
        let day = |t: &Timex| t.granularity == Some(Granularity::Day) && t.kind == TimexType::Date;
        if joined && day(&timexes[k - 1]) && day(&timexes[k]) {
            let (value, interval) = (timexes[k].value.clone(), timexes[k].interval);
            timexes[k - 1].value = value;
            timexes[k - 1].interval = interval;
        }
    }
}

fn is_hijri(expr: &Expr) -> bool {
    match expr {
        Expr::Date {
            base: Base::Cal { hijri, .. },
            ..
        } => *hijri,
        Expr::Date {
            base: Base::Holiday { rule, .. },
            ..
        } => rule.starts_with("hijri:"),
        Expr::Range(a, _) => is_hijri(a),
        _ => false,
    }
}

/// The DCT inferred from the opening: the first explicit full Gregorian date in
/// the first three paragraphs (the headline counts as one).
fn infer_dct(sentences: &[Sentence], candidates: &[grammar::Candidate]) -> Option<NaiveDate> {
    let opening_end = sentences
        .iter()
        .filter(|s| s.paragraph <= 2)
        .map(|s| s.end)
        .max()
        .unwrap_or(0);
    candidates
        .iter()
        .filter(|c| c.start < opening_end)
        .find_map(|c| match &c.expr {
            Expr::Date {
                base:
                    Base::Cal {
                        year: Some(YearSpec::Abs { year, hijri: false }),
                        month: Some(m),
                        day: Some(d),
                        ..
                    },
                ..
            } => NaiveDate::from_ymd_opt(*year, *m, *d),
            _ => None,
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_written_as_iso_8601_at_every_year() {
        let at = |y, m, d, h, min, sec| {
            NaiveDate::from_ymd_opt(y, m, d)
                .and_then(|d| d.and_hms_opt(h, min, sec))
                .expect("valid")
        };
        let cases = [
            (at(2021, 4, 13, 0, 0, 0), "2021-04-13T00:00:00"),
            (at(7, 12, 31, 23, 59, 58), "0007-12-31T23:59:58"),
            (at(9999, 1, 2, 3, 4, 5), "9999-01-02T03:04:05"),
            (at(12345, 6, 7, 8, 9, 10), "12345-06-07T08:09:10"),
            (at(-44, 3, 15, 12, 0, 0), "-0044-03-15T12:00:00"),
        ];
        for (t, want) in cases {
            assert_eq!(IsoDateTime(t).to_string(), want);
            assert_eq!(IsoDate(t.date()).to_string(), want[..want.len() - 9]);
        }
    }

    fn one(text: &str, dct: &str, policy: Policy) -> Timex {
        let t = tag(
            text,
            Some(dct.parse().expect("dct")),
            policy,
            Lexicon::builtin(),
        );
        assert_eq!(t.timexes.len(), 1, "{text}: {:?}", t.timexes);
        t.timexes.into_iter().next().expect("one timex")
    }

    #[test]
    fn char_index_slices_in_order_and_back() {
        let ix = CharIndex::new("أبجد هوز");
        assert_eq!(ix.slice(0, 4), "أبجد");
        assert_eq!(ix.slice(5, 8), "هوز");
        assert_eq!(ix.slice(0, 2), "أب");
        assert_eq!(ix.slice(8, 8), "");
    }

    #[test]
    fn dct_parses_dates_and_rfc3339() {
        let d: Dct = "2013-02-12T04:30:00-02:00".parse().expect("rfc3339");
        assert_eq!(d.offset_minutes, Some(-120));
        assert_eq!(d.to_string(), "2013-02-12T04:30:00-02:00");
        assert!("13/4/2021".parse::<Dct>().is_err());
    }

    #[test]
    fn full_date_with_double_month() {
        let t = one(
            "أعلنت روسيا، الثلاثاء 13 أبريل/نيسان 2021، أن",
            "2021-04-13",
            Policy::News,
        );
        assert_eq!(t.text, "الثلاثاء 13 أبريل/نيسان 2021");
        assert_eq!(t.value, "2021-04-13");
        assert_eq!(t.anchor, "absolute");
    }
}

#[cfg(test)]
#[path = "tests.rs"]
mod constructions;
