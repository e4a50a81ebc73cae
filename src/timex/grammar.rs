//! Recognition: a small hand-written grammar over tokens and lexemes that
//! turns temporal expressions into [`Expr`] trees, without resolving them.
//!
//! Every rule is a function `fn(&self, i) -> Option<(next, T)>` over token
//! indices; at each token the longest expression any rule finds wins. Boundaries
//! are token boundaries, so clitics never hide a word and `\b` is never needed.

use super::Mod;
use crate::lexicon::{Kind, Lexed, Lexeme};
use crate::text::{Token, TokenKind};

mod calendar;
mod clock;
mod deictic;
mod durations;
mod numbers;
mod parts;
mod ranges;

/// Unit of a duration, shift or relative period.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Unit {
    Second,
    Minute,
    Hour,
    Day,
    Week,
    Month,
    Quarter,
    Year,
    Decade,
    Century,
}

impl Unit {
    fn parse(s: &str) -> Option<Unit> {
        Some(match s {
            "second" => Unit::Second,
            "minute" => Unit::Minute,
            "hour" => Unit::Hour,
            "day" => Unit::Day,
            "week" => Unit::Week,
            "month" => Unit::Month,
            "quarter" => Unit::Quarter,
            "year" => Unit::Year,
            "decade" => Unit::Decade,
            "century" => Unit::Century,
            _ => return None,
        })
    }
}

/// Direction word after a period: الماضي, المقبل, الجاري, الأخير.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dir {
    Past,
    Next,
    Current,
    Last,
}

/// Part-of-period modifier.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    Start,
    Mid,
    End,
}

/// How a year was given.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum YearSpec {
    /// An explicit year; `hijri` when marked هـ or read as a Hijri year.
    Abs { year: i32, hijri: bool },
    /// Relative to the reference year: العام المقبل = +1.
    Rel(i64),
    /// A direction after a month: أبريل الماضي / الجاري / المقبل.
    Dir(Dir),
}

/// A date-like base that resolves to one calendar unit.
#[derive(Debug, Clone, PartialEq)]
pub enum Base {
    /// No date: a clock time alone is today's.
    Today,
    /// Calendar fields, any of which may be missing.
    Cal {
        year: Option<YearSpec>,
        month: Option<u32>,
        day: Option<u32>,
        weekday: Option<u32>,
        hijri: bool,
    },
    /// The month relative to the reference: الشهر الماضي = -1.
    RelMonth(i64),
    /// A day of a month relative to the reference: يوم 13 من الشهر الجاري.
    DayOfRelMonth {
        day: u32,
        offset: i64,
        weekday: Option<u32>,
    },
    /// A day relative to the reference: أمس = -1.
    Deictic(i64),
    /// A day relative to the last mentioned date: اليوم التالي = +1.
    FromMention(i64),
    /// The last mentioned date at a unit's grain (اليوم نفسه، ذلك الشهر، العام ذاته), or a
    /// day of its month (18 من الشهر ذاته).
    Mentioned { unit: Unit, day: Option<u32> },
    /// This/last/next week, month, quarter, year, decade: offset in units.
    Unit { unit: Unit, offset: i64 },
    /// Some weekday, which one unknown: «في يوم خميس» (`XXXX-WXX-4`).
    SomeWeekday(u32),
    /// A weekday, optionally in a week relative to the reference, or with a direction.
    Weekday {
        weekday: u32,
        week_offset: Option<i64>,
        dir: Option<Dir>,
        this: bool,
    },
    /// `amount` units from the reference (negative = ago); `approx` when a quantifier
    /// (حوالي، نحو) makes the day unknown: قبل حوالي أسبوع is that week.
    Shift {
        amount: i64,
        unit: Unit,
        approx: bool,
    },
    /// An unknown number of units before (-1) or after (+1) the reference: قبل أيام.
    VagueShift { sign: i64, unit: Unit },
    /// The n-th (negative: from the end) weekday of a month.
    NthWeekday { n: i64, weekday: u32, of: Box<Base> },
    /// The n-th (negative: from the end) day or week of a month or year.
    NthUnit { n: i64, unit: Unit, of: Box<Base> },
    /// A half (H) or quarter (Q) of a year; n negative counts from the end.
    PartOfYear {
        quarter: bool,
        n: i64,
        of: Option<Box<Base>>,
    },
    /// A season of a year.
    Season {
        code: &'static str,
        of: Option<Box<Base>>,
    },
    /// A holiday in a given (or the reference) year.
    Holiday {
        rule: String,
        year: Option<YearSpec>,
    },
    /// A decade (التسعينيات) of a century given by its ordinal (القرن العشرين = Abs 20)
    /// or relative to the reference (القرن الماضي = Rel -1); None = the latest such decade.
    Decade {
        digit: i32,
        century: Option<YearSpec>,
    },
    /// The n-th century: القرن العشرين = 20 (the 1900s, value `19`).
    Century(i32),
    /// N units next to the reference period: الأسابيع الثلاثة القادمة.
    Span { count: i64, unit: Unit, dir: Dir },
}

/// A clock time as written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Clock {
    pub hour: u32,
    pub minute: Option<u32>,
    pub second: Option<u32>,
    /// Part of day given with it (MO, MD, AF, EV, NI or a clock code).
    pub daypart: Option<&'static str>,
    /// Offset in minutes from UTC when a time zone was given.
    pub tz: Option<i32>,
}

/// A parsed temporal expression.
#[derive(Debug, Clone, PartialEq)]
pub enum Expr {
    /// A date, optionally with a part-of-period, a part of day or a clock time.
    Date {
        base: Base,
        part: Option<Part>,
        daypart: Option<&'static str>,
        clock: Option<Clock>,
    },
    /// "Now".
    Now,
    /// PAST_REF, PRESENT_REF or FUTURE_REF.
    Vague(&'static str),
    /// A duration; `amount` None = an unspecified number (PXD).
    Duration {
        amount: Option<f64>,
        unit: Unit,
        within: Option<Dir>,
    },
    /// A recurring time: every `unit`, every given weekday, or a day of every year
    /// (`date` = month, day: الخامس من يوليو من كل عام).
    Set {
        unit: Option<Unit>,
        weekday: Option<u32>,
        date: Option<(u32, u32)>,
        /// A part of day of every such day (صباح كل أحد), or `WE` for every weekend.
        daypart: Option<&'static str>,
    },
    /// From the first to the last (inclusive) of two expressions.
    Range(Box<Expr>, Box<Expr>),
}

/// A recognized expression: byte span in the normalized text plus its parse.
#[derive(Debug, Clone, PartialEq)]
pub struct Candidate {
    pub start: usize,
    pub end: usize,
    pub expr: Expr,
    /// A modifier from a quantifier: حوالي (APPROX), أكثر من (MORE_THAN), منذ أكثر من (BEFORE).
    pub modifier: Option<Mod>,
    /// A future cue governs the clause (سـ، سوف، المقرر).
    pub future: bool,
    /// For a range or list of two days or years, or a date and its clock after a
    /// preposition: the byte spans of its two parts («يومي 15» and «16 يوليو» in «يومي 15
    /// و16 يوليو»; «30 ديسمبر» and «الساعة 23:30» in «30 ديسمبر في الساعة 23:30»), which
    /// TimeML annotates as two timexes (see [`Candidate::split`]).
    pub parts: Option<[(usize, usize); 2]>,
}

impl Candidate {
    /// A range or list with known ends as two candidates, one per end, each with its
    /// own extent and the expression of that end (the month and year it shares with the
    /// other end filled in); anything else unchanged.
    pub fn split(self) -> Vec<Candidate> {
        match (self.expr, self.parts) {
            (Expr::Range(a, b), Some([pa, pb])) => vec![
                Candidate {
                    start: pa.0,
                    end: pa.1,
                    expr: *a,
                    modifier: None,
                    future: self.future,
                    parts: None,
                },
                Candidate {
                    start: pb.0,
                    end: pb.1,
                    expr: *b,
                    modifier: None,
                    future: self.future,
                    parts: None,
                },
            ],
            // a date and its clock after a preposition: the date alone, then the clock on it
            (
                Expr::Date {
                    base,
                    part,
                    daypart,
                    clock: Some(clock),
                },
                Some([pa, pb]),
            ) => vec![
                Candidate {
                    start: pa.0,
                    end: pa.1,
                    expr: Expr::Date {
                        base: base.clone(),
                        part,
                        daypart,
                        clock: None,
                    },
                    modifier: self.modifier,
                    future: self.future,
                    parts: None,
                },
                Candidate {
                    start: pb.0,
                    end: pb.1,
                    expr: Expr::Date {
                        base,
                        part: None,
                        daypart: None,
                        clock: Some(clock),
                    },
                    modifier: None,
                    future: self.future,
                    parts: None,
                },
            ],
            (expr, parts) => vec![Candidate {
                expr,
                parts,
                ..self
            }],
        }
    }
}

fn static_code(s: &str) -> &'static str {
    match s {
        "MO" => "MO",
        "MI" => "MI",
        "AF" => "AF",
        "EV" => "EV",
        "NI" => "NI",
        "T00" => "T00",
        "T10" => "T10",
        "T12" => "T12",
        "SP" => "SP",
        "SU" => "SU",
        "FA" => "FA",
        "WI" => "WI",
        "WE" => "WE",
        "PAST_REF" => "PAST_REF",
        "FUTURE_REF" => "FUTURE_REF",
        _ => "PRESENT_REF",
    }
}

/// A number read from digits or words.
#[derive(Debug, Clone, Copy)]
struct Num {
    value: i64,
    /// The first word is feminine (الثالثة): an hour rather than a day.
    feminine: bool,
    ordinal: bool,
    word: bool,
    digits: usize,
    article: bool,
    start: usize,
}

/// A partial calendar date (the building block of dates and ranges).
#[derive(Debug, Clone, Copy, PartialEq, Default)]
struct Partial {
    year: Option<YearSpec>,
    month: Option<u32>,
    day: Option<u32>,
    weekday: Option<u32>,
    hijri: bool,
    /// A day of a month given relative to the reference: يوم 13 من الشهر الجاري.
    month_offset: Option<i64>,
}

/// What a month reference names.
#[derive(Debug, Clone, Copy)]
enum MonthRef {
    Greg(u32),
    Hijri(u32),
    Rel(i64),
}

pub(crate) struct Parser<'a> {
    text: &'a str,
    toks: &'a [Token],
    lexed: &'a Lexed<'a>,
    /// The last answers of the rules that the others ask most often.
    numbers: Memo<usize, R<Num>>,
    months: Memo<usize, R<MonthRef>>,
    partial_dates: Memo<(usize, bool, bool), PartialAt>,
    days: Memo<usize, R<(usize, u32)>>,
    /// «الخميس الموافق 14 شباط» read as one expression, as Duckling does (the colloquial
    /// policy); TimeML and the news policies make it two timexes, الموافق outside.
    joined_equals: bool,
}

type R<T> = Option<(usize, T)>;

/// A partial date found: (the token after it, the fields, the byte it starts at).
type PartialAt = Option<(usize, Partial, usize)>;

/// The answers of one rule at the positions it was asked about last. The rules that
/// [`Parser::best_at`] tries one after the other read the same number, month or
/// partial date at the same token several times (as a day, as the first end of a
/// range, after a weekday); a rule's answer depends on its key alone, so the second
/// reading is a look-up. Direct-mapped on the token index: bounded, and parsing only
/// ever looks a few tokens around where it is.
struct Memo<K: Copy + PartialEq, V: Copy> {
    slots: [std::cell::Cell<Option<(K, V)>>; MEMO_SLOTS],
}

const MEMO_SLOTS: usize = 16;

/// How many openers may stand before the head of an expression: منذ أكثر من سبعة عقود
/// has three (منذ، أكثر، من), في غضون حوالي أسبوعين two.
const OPENER_REACH: usize = 4;

impl<K: Copy + PartialEq, V: Copy> Memo<K, V> {
    fn new() -> Self {
        Memo {
            slots: std::array::from_fn(|_| std::cell::Cell::new(None)),
        }
    }

    /// The answer for `key` (about token `at`): remembered, or found by `rule`.
    #[inline]
    fn get(&self, at: usize, key: K, rule: impl FnOnce() -> V) -> V {
        let slot = &self.slots[at % MEMO_SLOTS];
        if let Some((k, v)) = slot.get()
            && k == key
        {
            return v;
        }
        let v = rule();
        slot.set(Some((key, v)));
        v
    }
}

/// Words that start like a future verb (سـ + ي/ت/ن) but are nouns or names.
const FUTURE_PREFIX_EXCLUDED: &[&str] = &[
    "سياس",
    "سياد",
    "سيار",
    "سيطر",
    "سينا",
    "سينم",
    "سيول",
    "سيده",
    "سيدي",
    "سيرغ",
    "سيره",
    "سيما",
    "سيوف",
    "ستال",
    "ستوك",
    "سترات",
    "ستين",
    "ستون",
    "ستار",
    "سنوا",
    "سنوي",
    "سنغا",
    "سنتيم",
    "سنين",
    "سنه",
    "سنت",
    "سنود",
    "سنيور",
];

impl<'a> Parser<'a> {
    pub(crate) fn new(lexed: &'a Lexed<'a>) -> Self {
        Parser {
            text: lexed.text,
            toks: lexed.tokens,
            lexed,
            numbers: Memo::new(),
            months: Memo::new(),
            partial_dates: Memo::new(),
            days: Memo::new(),
            joined_equals: false,
        }
    }

    /// Reads a weekday, الموافق and a date as one expression (Duckling's reading).
    pub(crate) fn with_joined_equals(self, joined: bool) -> Self {
        Parser {
            joined_equals: joined,
            ..self
        }
    }

    /// The whole token stream read as one number, if it is exactly one.
    pub(crate) fn whole_number(&self) -> Option<i64> {
        let (next, n) = self.number(0)?;
        (next == self.toks.len() && n.value >= 0).then_some(n.value)
    }

    /// Runs the grammar; no expression starts at a token where `inside_name` is true
    /// (رجب in رجب طيب أردوغان is not the month).
    pub(crate) fn recognize(&self, inside_name: &[bool]) -> Vec<Candidate> {
        let mut out = Vec::new();
        let mut i = 0;
        while i < self.toks.len() {
            let trigger = !inside_name.get(i).copied().unwrap_or(false)
                && (self.toks[i].kind == TokenKind::Number
                    || self.can_start(i)
                    || (self.word(i) == Some("ال") && self.digits(i + 1).is_some())
                    || (matches!(self.word(i), Some("اكثر" | "اقل"))
                        && self.func(i + 1, "from").is_some())
                    || self.anaphoric_unit(i).is_some());
            if trigger && let Some(cand) = self.best_at(i) {
                let next = cand.next;
                out.push(Candidate {
                    start: cand.start,
                    end: self.toks[next - 1].end,
                    expr: cand.expr,
                    modifier: cand.modifier,
                    future: self.future_cue(i, next),
                    parts: cand.parts,
                });
                i = next;
                continue;
            }
            i += 1;
        }
        out
    }

    /// Whether an expression can start at token i: a temporal word, or a function
    /// word that opens one (منذ، قبل، من …) followed by a number or a temporal word.
    fn can_start(&self, i: usize) -> bool {
        if self.temporal_word(i) {
            return true;
        }
        let lexemes = self.at(i);
        let opens = lexemes
            .iter()
            .filter(|l| l.entry.kind == Kind::Function)
            .any(|l| {
                !matches!(
                    &*l.entry.value,
                    "in" | "and" | "or" | "to" | "minus" | "whole" | "equals" | "timezone"
                ) || l.next > i + 1
            });
        // من is the most frequent opener; it only opens before a number or a temporal word
        let only_from = lexemes
            .iter()
            .filter(|l| l.entry.kind == Kind::Function)
            .all(|l| &*l.entry.value == "from" && l.next == i + 1);
        opens
            && (!only_from
                || self
                    .toks
                    .get(i + 1)
                    .is_some_and(|t| t.kind == TokenKind::Number || !self.at(i + 1).is_empty()))
            && self.openers_reach_head(i)
    }

    /// Whether token i has a lexeme of its own that can make an expression temporal: any
    /// but a function word, an era, a time zone or a word of the event lexicon.
    fn temporal_word(&self, i: usize) -> bool {
        self.at(i).iter().any(|l| {
            !matches!(
                l.entry.kind,
                Kind::Function | Kind::Era | Kind::TimeZone | Kind::Event | Kind::Cue
            )
        })
    }

    /// Whether the openers from token i (منذ، خلال، في غضون، حوالي، أكثر من …) lead, within
    /// [`OPENER_REACH`] of them, to a head: a number, a temporal word, ال before digits,
    /// the dual of a year word (بين عامي) or the unit of an anaphoric period (ذلك الشهر).
    /// No expression is made of openers alone, so «خلال المكالمة» or «بعد أن» is rejected
    /// here, before the grammar tries each rule.
    fn openers_reach_head(&self, i: usize) -> bool {
        let mut j = i;
        for _ in 0..=OPENER_REACH {
            let Some(t) = self.toks.get(j) else {
                return false;
            };
            if t.kind == TokenKind::Number
                || self.temporal_word(j)
                || (self.word(j) == Some("ال") && self.digits(j + 1).is_some())
                || self
                    .word(j)
                    .is_some_and(|w| ranges::YEAR_DUALS.contains(&w))
                || self.anaphoric_unit(j).is_some()
            {
                return true;
            }
            j = match self
                .at(j)
                .iter()
                .filter(|l| l.entry.kind == Kind::Function)
                .map(|l| l.next)
                .max()
            {
                Some(next) => next,
                None if matches!(self.word(j), Some("اكثر" | "اقل")) => j + 1,
                None => return false,
            };
        }
        false
    }

    // ---- token helpers -------------------------------------------------

    fn at(&self, i: usize) -> &'a [Lexeme<'a>] {
        self.lexed.at(i)
    }

    fn word(&self, i: usize) -> Option<&'a str> {
        let t = self.toks.get(i)?;
        (t.kind == TokenKind::Word).then(|| &self.text[t.start..t.end])
    }

    fn punct(&self, i: usize, chars: &[char]) -> bool {
        self.toks.get(i).is_some_and(|t| {
            t.kind == TokenKind::Punct && self.text[t.start..t.end].starts_with(chars)
        })
    }

    fn start(&self, i: usize) -> usize {
        self.toks.get(i).map_or(self.text.len(), |t| t.start)
    }

    /// Lexemes of `kind` at token i.
    fn kind(&self, i: usize, kind: Kind) -> impl Iterator<Item = &Lexeme<'a>> {
        self.at(i).iter().filter(move |l| l.entry.kind == kind)
    }

    /// A function word with `role` at i (a glued و/ف is allowed), the longest form.
    fn func(&self, i: usize, role: &str) -> Option<&Lexeme<'a>> {
        self.at(i)
            .iter()
            .filter(|l| {
                l.entry.kind == Kind::Function
                    && &*l.entry.value == role
                    && l.prep.is_none()
                    && !l.article
            })
            .max_by_key(|l| l.next)
    }

    /// Skips an optional function word.
    fn opt_func(&self, i: usize, role: &str) -> usize {
        self.func(i, role).map_or(i, |l| l.next)
    }

    /// Skips an optional separate or glued conjunction و.
    fn and(&self, i: usize) -> usize {
        if self.word(i) == Some("و") { i + 1 } else { i }
    }

    fn best_at(&self, i: usize) -> Option<Found> {
        let mut best: Option<Found> = None;
        let mut consider = |f: Option<Found>| {
            if let Some(f) = f
                && best.as_ref().is_none_or(|b| f.next > b.next)
            {
                best = Some(f);
            }
        };
        // a quantifier in front: حوالي، نحو، أكثر من، أقل من
        let quantifier = match self.func(i, "approx") {
            Some(l) => Some((l.next, l.start, Mod::Approx)),
            None => match (self.word(i), self.func(i + 1, "from")) {
                (Some("اكثر"), Some(l)) => Some((l.next, self.start(i), Mod::MoreThan)),
                (Some("اقل"), Some(l)) => Some((l.next, self.start(i), Mod::LessThan)),
                _ => None,
            },
        };
        let k = quantifier.map_or(i, |q| q.0);
        if k >= self.toks.len() {
            return None;
        }
        consider(self.date_rule(k));
        consider(self.range_rule(k));
        consider(self.relative_rule(k));
        consider(self.duration_rule(k));
        consider(self.set_rule(k));
        consider(self.time_rule(k));
        let mut found = best?;
        if let Some((_, start, m)) = quantifier {
            // more/less than applies to amounts; approximately to anything
            if m == Mod::Approx || matches!(found.expr, Expr::Duration { .. }) {
                found.start = start;
                found.modifier = Some(m);
            }
        }
        Some(found)
    }

    fn found(&self, start: usize, next: usize, expr: Expr) -> Option<Found> {
        Some(Found {
            start,
            next,
            expr,
            modifier: None,
            parts: None,
        })
    }

    /// A range or list found at tokens: the whole from `start` to `next`, its first end
    /// the tokens `[a.0, a.1)` and its second `[b.0, b.1)` (extents per TimeML: the
    /// separator and a preposition in front stay outside).
    fn found_parts(
        &self,
        start: usize,
        next: usize,
        expr: Expr,
        a: (usize, usize),
        b: (usize, usize),
    ) -> Option<Found> {
        let span = |(from, to): (usize, usize)| -> Option<(usize, usize)> {
            let end = self.toks.get(to.checked_sub(1)?)?.end;
            let begin = self.lexeme_start(from);
            (begin < end).then_some((begin, end))
        };
        let parts = span(a).zip(span(b)).map(|(a, b)| [a, b]);
        Some(Found {
            parts,
            ..self.found(start, next, expr)?
        })
    }

    fn lexeme_start(&self, i: usize) -> usize {
        self.at(i)
            .iter()
            .map(|l| l.start)
            .max()
            .unwrap_or_else(|| self.start(i))
    }

    /// A future cue in the clause around tokens `[from, to)`: سوف، سـ + imperfect verb,
    /// من المقرر، المرتقب.
    fn future_cue(&self, from: usize, to: usize) -> bool {
        let lo = from.saturating_sub(8);
        // a bare weekday (الأحد، يوم الأحد): a scheduling verb right before it decides (a
        // day of a month keeps its year)
        let weekday = self.kind(from, Kind::Weekday).next().is_some()
            || self.word(from) == Some("يوم")
                && self.kind(from + 1, Kind::Weekday).next().is_some();
        let hi = (to + 4).min(self.toks.len());
        let mut k = from;
        while k > lo {
            k -= 1;
            if self.punct(k, &['.', '!', '?', ';', ':', '"']) || self.toks[k + 1].after_newline {
                break;
            }
            // the scheduling verb may be a few words before: «تجري في سلطنة عمان يوم الأحد»
            if self.is_future_word(k) || from - k <= 5 && weekday && self.is_schedule_verb(k) {
                return true;
            }
        }
        for k in to..hi {
            // the content clause after إن/أن has its own tense
            if self.punct(k, &['.', '!', '?', ';', ',', '"', ':'])
                || matches!(self.word(k), Some("ان" | "بان" | "لان" | "وان"))
            {
                break;
            }
            if self.is_future_word(k) {
                return true;
            }
        }
        false
    }

    /// An imperfective verb of scheduling right before a date: «تعقد الأحد»، «تجري يوم
    /// الأحد»، «ينطلق الخميس» announce what is to come (a bare weekday after them is the
    /// next one).
    fn is_schedule_verb(&self, k: usize) -> bool {
        let Some(w) = self.word(k) else { return false };
        let w = w.strip_prefix('و').unwrap_or(w);
        matches!(
            w,
            "تعقد"
                | "يعقد"
                | "تنعقد"
                | "ينعقد"
                | "تلتئم"
                | "يلتئم"
                | "تجري"
                | "يجري"
                | "تنطلق"
                | "ينطلق"
                | "تبدا"
                | "يبدا"
        )
    }

    fn is_future_word(&self, k: usize) -> bool {
        let Some(w) = self.word(k) else { return false };
        let w = w
            .strip_prefix('و')
            .or_else(|| w.strip_prefix('ف'))
            .unwrap_or(w);
        if matches!(
            w,
            "سوف"
                | "المقرر"
                | "المزمع"
                | "المرتقب"
                | "المنتظر"
                | "مقرر"
                | "يعتزم"
                | "تعتزم"
                | "ينتظر"
                | "يتوقع"
                | "المتوقع"
                | "مرتقب"
                | "يرتقب"
        ) {
            // وكان من المقرر / كانت مقررة: a plan of the past, not a future
            let was = (k.saturating_sub(3)..k).any(|p| {
                self.word(p).is_some_and(|x| {
                    matches!(x, "كان" | "كانت" | "وكان" | "وكانت" | "فكان" | "فكانت")
                })
            });
            return !was;
        }
        let mut chars = w.chars();
        if chars.next() != Some('س') {
            return false;
        }
        let second = chars.next();
        if !matches!(second, Some('ي' | 'ت' | 'ن')) || w.chars().count() < 4 {
            return false;
        }
        !FUTURE_PREFIX_EXCLUDED.iter().any(|p| w.starts_with(p))
    }
}

struct Term {
    value: i64,
    feminine: bool,
    class: u8,
    ordinal: bool,
    article: bool,
    conj: bool,
    start: usize,
}

/// An expression found at a token, before its end byte is known.
struct Found {
    start: usize,
    next: usize,
    expr: Expr,
    modifier: Option<Mod>,
    /// The two ends of a range or list, as byte spans.
    parts: Option<[(usize, usize); 2]>,
}

fn dir_offset(dir: Dir) -> i64 {
    match dir {
        Dir::Past => -1,
        Dir::Next => 1,
        Dir::Current | Dir::Last => 0,
    }
}

/// A year next to a Hijri month: 1300–1600 is a Hijri year even without هـ.
fn hijri_year(y: YearSpec) -> YearSpec {
    match y {
        YearSpec::Abs { year, hijri: false } if (1300..=1600).contains(&year) => {
            YearSpec::Abs { year, hijri: true }
        }
        other => other,
    }
}

fn partial_base(p: Partial) -> Base {
    if let (Some(offset), Some(day)) = (p.month_offset, p.day) {
        return Base::DayOfRelMonth {
            day,
            offset,
            weekday: p.weekday,
        };
    }
    Base::Cal {
        year: p.year,
        month: p.month,
        day: p.day,
        weekday: p.weekday,
        hijri: p.hijri,
    }
}

/// A weekday of the week `offset` weeks from the reference's: الأحد من الأسبوع الماضي.
fn weekday_in_week(weekday: u32, offset: i64) -> Base {
    Base::Weekday {
        weekday,
        week_offset: Some(offset),
        dir: None,
        this: false,
    }
}

/// A clock time on a day.
fn clock_on(base: Base, clock: Clock) -> Expr {
    Expr::Date {
        base,
        part: None,
        daypart: None,
        clock: Some(clock),
    }
}

/// A clock time on the reference day.
fn today_at(clock: Clock) -> Expr {
    clock_on(Base::Today, clock)
}

fn clock_from_code(code: &str) -> Clock {
    let hour = code.trim_start_matches('T').parse().unwrap_or(0);
    Clock {
        hour,
        minute: None,
        second: None,
        daypart: None,
        tz: None,
    }
}

fn parse_offset(s: &str) -> Option<i32> {
    let sign = if s.starts_with('-') { -1 } else { 1 };
    let body = s.trim_start_matches(['+', '-']);
    let (h, m) = body.split_once(':')?;
    Some(sign * (h.parse::<i32>().ok()? * 60 + m.parse::<i32>().ok()?))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_memo_answers_again_only_for_the_same_key() {
        let memo: Memo<(usize, bool), usize> = Memo::new();
        let calls = std::cell::Cell::new(0);
        let rule = |n: usize| {
            calls.set(calls.get() + 1);
            n * 10
        };
        assert_eq!(memo.get(3, (3, false), || rule(3)), 30);
        assert_eq!(memo.get(3, (3, false), || rule(99)), 30, "remembered");
        assert_eq!(calls.get(), 1);
        // the same slot, another key: asked again, and remembered in its place
        assert_eq!(memo.get(3, (3, true), || rule(4)), 40);
        assert_eq!(
            memo.get(3 + MEMO_SLOTS, (3 + MEMO_SLOTS, false), || rule(5)),
            50
        );
        assert_eq!(memo.get(3, (3, true), || rule(6)), 60);
        assert_eq!(calls.get(), 4);
    }
}
