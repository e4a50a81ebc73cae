//! Recognition: a small hand-written grammar over tokens and lexemes that
//! turns temporal expressions into [`Expr`] trees, without resolving them.
//!
//! Every rule is a function `fn(&self, i) -> Option<(next, T)>` over token
//! indices; at each token the longest expression any rule finds wins. Boundaries
//! are token boundaries, so clitics never hide a word and `\b` is never needed.

use super::Mod;
use crate::lexicon::{Kind, Lexed, Lexeme};
use crate::text::{Token, TokenKind};

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
    /// This/last/next week, month, quarter, year, decade: offset in units.
    Unit { unit: Unit, offset: i64 },
    /// A weekday, optionally in a week relative to the reference, or with a direction.
    Weekday {
        weekday: u32,
        week_offset: Option<i64>,
        dir: Option<Dir>,
        this: bool,
    },
    /// `amount` units from the reference (negative = ago).
    Shift { amount: i64, unit: Unit },
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
    /// A recurring time: every `unit`, or every given weekday.
    Set {
        unit: Option<Unit>,
        weekday: Option<u32>,
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
}

fn static_code(s: &str) -> &'static str {
    match s {
        "MO" => "MO",
        "MD" => "MD",
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
}

type R<T> = Option<(usize, T)>;

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
                        && self.func(i + 1, "from").is_some()));
            if trigger && let Some(cand) = self.best_at(i) {
                let next = cand.next;
                out.push(Candidate {
                    start: cand.start,
                    end: self.toks[next - 1].end,
                    expr: cand.expr,
                    modifier: cand.modifier,
                    future: self.future_cue(i, next),
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
        let lexemes = self.at(i);
        if lexemes.iter().any(|l| {
            !matches!(
                l.entry.kind,
                Kind::Function | Kind::Era | Kind::TimeZone | Kind::Event | Kind::Cue
            )
        }) {
            return true;
        }
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

    fn digits(&self, i: usize) -> Option<(i64, usize)> {
        let t = self.toks.get(i)?;
        if t.kind != TokenKind::Number {
            return None;
        }
        let s = &self.text[t.start..t.end];
        if s.len() > 9 {
            return None;
        }
        Some((s.parse().ok()?, s.len()))
    }

    // ---- numbers ---------------------------------------------------------

    /// A number in digits (optionally after a separate ال token: الـ13) or words.
    fn number(&self, i: usize) -> R<Num> {
        if self.word(i) == Some("ال")
            && let Some((value, digits)) = self.digits(i + 1)
        {
            let n = Num {
                value,
                feminine: false,
                ordinal: true,
                word: false,
                digits,
                article: true,
                start: self.start(i),
            };
            return Some((i + 2, n));
        }
        if let Some((value, digits)) = self.digits(i) {
            let n = Num {
                value,
                feminine: false,
                ordinal: false,
                word: false,
                digits,
                article: false,
                start: self.start(i),
            };
            return Some((i + 1, n));
        }
        self.number_words(i)
    }

    /// Number words: units, teens, tens, hundreds and thousands joined by و.
    fn number_words(&self, i: usize) -> R<Num> {
        let (mut j, first) = self.number_term(i, true)?;
        let mut total = first.value;
        let mut class = first.class;
        let ordinal = first.ordinal;
        loop {
            let k = self.and(j);
            let Some((next, term)) = self.number_term(k, k == j) else {
                break;
            };
            if k == j && !term.conj {
                // a term glued without و only continues a thousands multiplier
                break;
            }
            let unit_then_tens = class == 0 && term.class == 1;
            if !(term.class < class || unit_then_tens) || term.value <= 0 {
                break;
            }
            total += term.value;
            class = term.class;
            j = next;
        }
        if total <= 0 && total != -1 {
            return None;
        }
        let n = Num {
            value: total,
            feminine: first.feminine,
            ordinal,
            word: true,
            digits: 0,
            article: first.article,
            start: first.start,
        };
        Some((j, n))
    }

    /// One term of a number: unit [عشر], tens, hundreds, [unit] thousand.
    fn number_term(&self, i: usize, first: bool) -> R<Term> {
        let lexemes = self.at(i);
        let mut best: Option<(usize, Term)> = None;
        for l in lexemes {
            if l.prep.is_some() {
                continue;
            }
            if !first && !l.conj && self.word(i.saturating_sub(1)) != Some("و") {
                continue;
            }
            let mut term = Term {
                value: l.entry.num,
                feminine: &*l.entry.extra == "f",
                class: 0,
                ordinal: false,
                article: l.article,
                conj: l.conj,
                start: l.start,
            };
            let mut next = l.next;
            match l.entry.kind {
                Kind::Cardinal | Kind::Ordinal => {
                    term.ordinal = l.entry.kind == Kind::Ordinal;
                    // teens: ثلاثة عشر، الثالث عشر، اثنا عشر
                    if let Some(teen) = self.kind(next, Kind::Teen).find(|t| !t.conj && !t.article)
                    {
                        if (1..=9).contains(&term.value) {
                            term.value += 10;
                            next = teen.next;
                        }
                    } else if let Some(th) = self.kind(next, Kind::Thousand).find(|t| !t.conj) {
                        // ثلاثة آلاف
                        if (3..=10).contains(&term.value) {
                            term.value *= th.entry.num;
                            term.class = 3;
                            next = th.next;
                        }
                    }
                }
                Kind::Tens => term.class = 1,
                Kind::Hundred => term.class = 2,
                Kind::Thousand => term.class = 3,
                _ => continue,
            }
            if best.as_ref().is_none_or(|(n, _)| next > *n) {
                best = Some((next, term));
            }
        }
        best
    }

    /// A day of the month: 1–31 in digits (الـ13 too) or words (الثالث عشر).
    fn day_num(&self, i: usize) -> R<(usize, u32)> {
        let (next, n) = self.number(i)?;
        if !(1..=31).contains(&n.value) || (!n.word && n.digits > 2) {
            return None;
        }
        Some((next, (n.start, n.value as u32)))
    }

    /// A year: 3–4 digits, or number words of at least 1000 (ألفين وواحد وعشرين).
    fn year_num(&self, i: usize) -> R<i32> {
        let (next, n) = self.number(i)?;
        let ok = if n.word {
            (1000..=2200).contains(&n.value)
        } else {
            n.digits >= 3 && n.digits <= 4
        };
        ok.then_some((next, n.value as i32))
    }

    /// An era marker after a year: هـ (hijri) or م (gregorian).
    fn era(&self, i: usize) -> R<bool> {
        let l = self
            .kind(i, Kind::Era)
            .find(|l| l.prep.is_none() && !l.conj)?;
        Some((l.next, &*l.entry.value == "hijri"))
    }

    // ---- calendar pieces ------------------------------------------------

    fn month_name(&self, i: usize) -> R<MonthRef> {
        let l = self
            .at(i)
            .iter()
            .filter(|l| matches!(l.entry.kind, Kind::Month | Kind::HijriMonth) && !l.article)
            .max_by_key(|l| l.next)?;
        let m = l.entry.num as u32;
        Some((
            l.next,
            if l.entry.kind == Kind::Month {
                MonthRef::Greg(m)
            } else {
                MonthRef::Hijri(m)
            },
        ))
    }

    /// A month: a name (with a second naming system after / or in brackets),
    /// `شهر` + name or number, `الشهر` + ordinal, or الشهر الجاري/الماضي/المقبل.
    fn month_ref(&self, i: usize) -> R<MonthRef> {
        let after_word = self
            .func(i, "month")
            .map(|l| (l.next, self.word(i) == Some("الشهر") || l.article));
        if let Some((j, article)) = after_word {
            if let Some(found) = self.month_name_with_alt(j) {
                return Some(found);
            }
            if let Some((next, n)) = self.number(j) {
                let ok = (1..=12).contains(&n.value) && (n.word || n.digits <= 2);
                if ok && (article == n.ordinal || !article) {
                    return Some((next, MonthRef::Greg(n.value as u32)));
                }
            }
            if article && let Some((next, dir)) = self.direction(j) {
                return Some((next, MonthRef::Rel(dir_offset(dir))));
            }
        }
        if self.func(i, "this").is_some() {
            let j = self.func(i, "this")?.next;
            if self.word(j) == Some("الشهر") {
                return Some((j + 1, MonthRef::Rel(0)));
            }
        }
        self.month_name_with_alt(i)
    }

    fn month_name_with_alt(&self, i: usize) -> R<MonthRef> {
        let (next, m) = self.month_name(i)?;
        // أبريل/نيسان, نيسان (أبريل), أبريل-نيسان
        if self.punct(next, &['/', '-', '\\'])
            && let Some((after, _)) = self.month_name(next + 1)
        {
            return Some((after, m));
        }
        if self.punct(next, &['('])
            && let Some((after, _)) = self.month_name(next + 1)
            && self.punct(after, &[')'])
        {
            return Some((after + 1, m));
        }
        Some((next, m))
    }

    fn direction(&self, i: usize) -> R<Dir> {
        let l = self
            .kind(i, Kind::Direction)
            .filter(|l| !l.conj && l.prep.is_none())
            .max_by_key(|l| l.next)?;
        let dir = match &*l.entry.value {
            "past" => Dir::Past,
            "next" => Dir::Next,
            "last" => Dir::Last,
            _ => Dir::Current,
        };
        Some((l.next, dir))
    }

    /// What may follow a month: a year (2021, عام 2021, 1442 هـ), a direction
    /// (الجاري، الماضي) or a relative year (العام المقبل).
    fn year_after(&self, i: usize) -> R<YearSpec> {
        let mut j = i;
        if self.punct(j, &[',']) {
            j += 1;
        }
        if let Some((next, dir)) = self.direction(j)
            && j == i
        {
            return Some((next, YearSpec::Dir(dir)));
        }
        let k = self.opt_func(self.opt_func(j, "from"), "in");
        if k > j
            && let Some((next, year)) = self.year_num(k)
            && self.digits(k).is_some_and(|(_, d)| d == 4)
        {
            return Some(self.with_era(next, year));
        }
        if let Some(y) = self.func(k, "year") {
            if let Some((next, year)) = self.year_num(y.next) {
                return Some(self.with_era(next, year));
            }
            if let Some((next, dir)) = self.direction(y.next)
                && y.entry.value.as_ref() == "year"
                && self.word(k).is_some_and(|w| w.contains("ال"))
            {
                return Some((next, YearSpec::Rel(dir_offset(dir))));
            }
        }
        if let Some((next, year)) = self.year_num(j) {
            return Some(self.with_era(next, year));
        }
        None
    }

    fn with_era(&self, next: usize, year: i32) -> (usize, YearSpec) {
        match self.era(next) {
            Some((after, hijri)) => (after, YearSpec::Abs { year, hijri }),
            None => (next, YearSpec::Abs { year, hijri: false }),
        }
    }

    /// A weekday: الثلاثاء, يوم الثلاثاء, or a bare ثلاثاء after يوم.
    fn weekday(&self, i: usize, require_article: bool) -> R<u32> {
        let j = self.opt_func(i, "day");
        self.kind(j, Kind::Weekday)
            .find(|l| {
                l.prep.is_none()
                    && (!l.conj || l.article)
                    && (l.article || j > i || !require_article)
            })
            .map(|l| (l.next, l.entry.num as u32))
    }

    // ---- the top-level rules ------------------------------------------------

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
        })
    }

    /// Dates: weekday / day / month / year combinations, part-of-period words,
    /// halves and quarters, holidays, Hijri dates, plus an optional time of day.
    fn date_rule(&self, i: usize) -> Option<Found> {
        // part of day before a day: صباح اليوم، مساء أمس، ليلة الثلاثاء
        if let Some(l) = self.kind(i, Kind::DayPart).find(|l| {
            &*l.entry.extra == "noun" && l.prep.is_none() && !l.entry.value.starts_with('T')
        }) {
            let code = static_code(&l.entry.value);
            let j = self.opt_func(l.next, "in");
            if let Some((_, mut next, base)) = self.day_expr(j) {
                // ليل الاثنين-الثلاثاء: the night from one day into the next
                if self.punct(next, &['-', '/'])
                    && let Some((after, _)) = self.weekday(next + 1, true)
                {
                    next = after;
                }
                return self.found(
                    l.start,
                    next,
                    Expr::Date {
                        base,
                        part: None,
                        daypart: Some(code),
                        clock: None,
                    },
                );
            }
        }
        // هذا الصباح، هذه الليلة
        if let Some(this) = self.func(i, "this")
            && let Some(l) = self
                .kind(this.next, Kind::DayPart)
                .find(|l| l.article || self.word(this.next).is_some_and(|w| w.starts_with("ال")))
        {
            let code = static_code(&l.entry.value);
            return self.found(
                this.start,
                l.next,
                Expr::Date {
                    base: Base::Deictic(0),
                    part: None,
                    daypart: Some(code),
                    clock: None,
                },
            );
        }
        // الليلة (tonight)
        if self.word(i) == Some("الليله") {
            return self.found(
                self.start(i),
                i + 1,
                Expr::Date {
                    base: Base::Deictic(0),
                    part: None,
                    daypart: Some("NI"),
                    clock: None,
                },
            );
        }
        // clock-valued part of day alone: الظهيرة، منتصف الليل
        if let Some(l) = self
            .kind(i, Kind::DayPart)
            .filter(|l| l.entry.value.starts_with('T') && l.prep.is_none())
            .max_by_key(|l| l.next)
            && (&*l.entry.extra == "noun" || self.word(i).is_some_and(|w| w.starts_with("ال")))
        {
            return self.found(l.start, l.next, today_at(clock_from_code(&l.entry.value)));
        }
        let (start, next, base, part) = self.date_core(i)?;
        let mut expr = Expr::Date {
            base: base.clone(),
            part,
            daypart: None,
            clock: None,
        };
        let mut end = next;
        // a time after the date: الخميس الساعة 8، يوم السبت 21/09 الساعة 1:30 بعد الظهر
        let mut j = next;
        if self.punct(j, &[',']) {
            j += 1;
        }
        let j = self.opt_func(j, "in");
        if let Some((after, clock)) = self.clock(j, true) {
            if let Expr::Date { clock: c, .. } = &mut expr {
                *c = Some(clock);
            }
            end = after;
        } else if let Some((after, clock_range)) = self.clock_range(next) {
            let (a, b) = clock_range;
            let (from, to) = (clock_on(base.clone(), a), clock_on(base, b));
            return self.found(start, after, Expr::Range(Box::new(from), Box::new(to)));
        } else if let Some(l) = self
            .kind(next, Kind::DayPart)
            .find(|l| &*l.entry.extra == "adverb" && !l.entry.value.starts_with('T'))
        {
            // الثلاثاء صباحا
            if let Expr::Date {
                daypart,
                part: None,
                ..
            } = &mut expr
            {
                *daypart = Some(static_code(&l.entry.value));
                end = l.next;
            }
        }
        self.found(start, end, expr)
    }

    /// A date without a time: returns (start byte, next, base, part).
    fn date_core(&self, i: usize) -> Option<(usize, usize, Base, Option<Part>)> {
        let mut best: Option<(usize, usize, Base, Option<Part>)> = None;
        let mut consider = |c: Option<(usize, usize, Base, Option<Part>)>| {
            if let Some(c) = c
                && best.as_ref().is_none_or(|b| c.1 > b.1)
            {
                best = Some(c);
            }
        };
        // n-th / last weekday, day or week of a month: اول ثلاثاء من شهر عشرة، الاثنين الاخير من شهر ثلاثة
        consider(self.nth_rule(i));
        // halves and quarters: النصف الأول من 2021، الربع الأخير
        consider(self.part_of_year(i));
        // holidays: عيد الفطر، عيد الميلاد 2020
        if let Some(l) = self
            .kind(i, Kind::Holiday)
            .filter(|l| l.prep.is_none())
            .max_by_key(|l| l.next)
        {
            let (next, year) = match self.year_after(l.next) {
                Some((n, y @ YearSpec::Abs { .. })) => (n, Some(y)),
                _ => (l.next, None),
            };
            consider(Some((
                l.start,
                next,
                Base::Holiday {
                    rule: l.entry.value.to_string(),
                    year,
                },
                None,
            )));
        }
        // seasons: الصيف، صيف 2016، الربيع القادم
        if let Some(l) = self.kind(i, Kind::Season).find(|l| l.prep.is_none()) {
            let code = static_code(&l.entry.value);
            let of = match self.year_after(l.next) {
                Some((n, YearSpec::Abs { year, .. })) => Some((
                    n,
                    Base::Cal {
                        year: Some(YearSpec::Abs { year, hijri: false }),
                        month: None,
                        day: None,
                        weekday: None,
                        hijri: false,
                    },
                )),
                Some((n, YearSpec::Dir(d))) => Some((
                    n,
                    Base::Unit {
                        unit: Unit::Year,
                        offset: dir_offset(d),
                    },
                )),
                Some((n, YearSpec::Rel(r))) => Some((
                    n,
                    Base::Unit {
                        unit: Unit::Year,
                        offset: r,
                    },
                )),
                None => None,
            };
            match of {
                Some((n, of)) => consider(Some((
                    l.start,
                    n,
                    Base::Season {
                        code,
                        of: Some(Box::new(of)),
                    },
                    None,
                ))),
                None => consider(Some((
                    l.start,
                    l.next,
                    Base::Season { code, of: None },
                    None,
                ))),
            }
        }
        if let Some((start, next, base)) = self.day_expr(i) {
            consider(Some((start, next, base, None)));
        }
        if let Some((next, base)) = self.unit_relative(i) {
            consider(Some((self.lexeme_start(i), next, base, None)));
        }
        if let Some((next, base)) = self.decade(i) {
            consider(Some((self.lexeme_start(i), next, base, None)));
        }
        if let Some((start, next, base)) = self.month_or_year(i) {
            consider(Some((start, next, base, None)));
        }
        // part-of-period word in front: بداية أبريل، أواخر الشهر الماضي، منتصف رمضان
        for l in self.kind(i, Kind::Part).filter(|l| l.prep.is_none()) {
            let part = match &*l.entry.value {
                "START" => Part::Start,
                "MID" => Part::Mid,
                _ => Part::End,
            };
            let j = self.opt_func(l.next, "from");
            let word = self.word(i).unwrap_or_default();
            let first_or_last = word.ends_with("اول") || word.ends_with("اخر");
            if let Some((next, base)) = self.period_target(j, !first_or_last) {
                let (base, part) = match (&base, first_or_last) {
                    // أول شباط = 1 February
                    (
                        Base::Cal {
                            month: Some(_),
                            day: None,
                            year,
                            hijri,
                            ..
                        },
                        true,
                    ) if word.ends_with("اول") => (
                        Base::Cal {
                            year: *year,
                            month: match base {
                                Base::Cal { month, .. } => month,
                                _ => None,
                            },
                            day: Some(1),
                            weekday: None,
                            hijri: *hijri,
                        },
                        None,
                    ),
                    _ => (base, Some(part)),
                };
                consider(Some((l.start, next, base, part)));
            }
        }
        best
    }

    /// What a part-of-period word can apply to: a month, a year, a relative
    /// period, the bare current period (الشهر، العام), a day, a Hijri month.
    fn period_target(&self, i: usize, allow_bare_unit: bool) -> R<Base> {
        if let Some(found) = self.decade(i) {
            return Some(found);
        }
        if let Some((_, next, base)) = self.month_or_year(i) {
            return Some((next, base));
        }
        if let Some((next, base)) = self.unit_relative(i) {
            return Some((next, base));
        }
        if let Some((_, next, base)) = self.day_expr(i) {
            // the part of a named day (نهاية اليوم), never of a calendar date
            if matches!(base, Base::Deictic(_) | Base::Weekday { .. }) {
                return Some((next, base));
            }
        }
        if allow_bare_unit {
            // نهاية الشهر، مطلع العام، بداية الأسبوع
            let l = self
                .kind(i, Kind::Unit)
                .find(|l| l.article && &*l.entry.extra == "1")?;
            let unit = Unit::parse(&l.entry.value)?;
            if unit >= Unit::Week {
                return Some((l.next, Base::Unit { unit, offset: 0 }));
            }
        }
        None
    }

    /// A month (with its year or direction) or a year: أبريل 2021، شهر أبريل،
    /// أبريل الجاري، عام 2021، 1442 هـ، رمضان الماضي، الشهر الماضي.
    fn month_or_year(&self, i: usize) -> Option<(usize, usize, Base)> {
        let start = self.lexeme_start(i);
        if let Some((next, m)) = self.month_ref(i) {
            let (next, year) = match self.year_after(next) {
                Some((n, y)) => (n, Some(y)),
                None => (next, None),
            };
            let base = match (m, year) {
                (MonthRef::Rel(offset), None) => Base::RelMonth(offset),
                (MonthRef::Rel(_), Some(_)) => return None,
                (MonthRef::Greg(m), year) => Base::Cal {
                    year,
                    month: Some(m),
                    day: None,
                    weekday: None,
                    hijri: false,
                },
                (MonthRef::Hijri(m), year) => Base::Cal {
                    year: year.map(hijri_year),
                    month: Some(m),
                    day: None,
                    weekday: None,
                    hijri: true,
                },
            };
            return Some((start, next, base));
        }
        // عام 2021، العام 2021، سنة 2014، عام 1442 هـ
        if let Some(y) = self.func(i, "year")
            && let Some((next, year)) = self.year_num(y.next)
        {
            let (next, spec) = self.with_era(next, year);
            return Some((
                y.start,
                next,
                Base::Cal {
                    year: Some(spec),
                    month: None,
                    day: None,
                    weekday: None,
                    hijri: matches!(spec, YearSpec::Abs { hijri: true, .. }),
                },
            ));
        }
        // 1442 هـ، 2021 م
        if let Some((next, year)) = self.year_num(i) {
            if let Some((after, hijri)) = self.era(next) {
                return Some((
                    start,
                    after,
                    Base::Cal {
                        year: Some(YearSpec::Abs { year, hijri }),
                        month: None,
                        day: None,
                        weekday: None,
                        hijri,
                    },
                ));
            }
            // a bare year only after a preposition that takes a time: في 2014، منذ 2011
            let prev_ok = i > 0
                && self.at(i - 1).iter().any(|l| {
                    l.entry.kind == Kind::Function
                        && matches!(
                            &*l.entry.value,
                            "in" | "since"
                                | "until"
                                | "before"
                                | "after"
                                | "within"
                                | "from"
                                | "to"
                        )
                })
                && self.digits(i).is_some_and(|(_, d)| d == 4);
            // after من/إلى/حتى a number is often a count (أكثر من 2000 شخص): there the
            // year must end the phrase
            let count_prep = self.at(i.wrapping_sub(1)).iter().any(|l| {
                l.entry.kind == Kind::Function && matches!(&*l.entry.value, "from" | "to" | "until")
            });
            let phrase_ends = self.phrase_ends(next)
                || (self.func(next, "until").or_else(|| self.func(next, "to")))
                    .is_some_and(|l| self.digits(l.next).is_none());
            if prev_ok
                && (1900..=2100).contains(&year)
                && !self.punct(next, &['/', '-', '.', ':', '%'])
                && self.kind(next, Kind::Unit).next().is_none()
                && (!count_prep || phrase_ends)
            {
                return Some((
                    start,
                    next,
                    Base::Cal {
                        year: Some(YearSpec::Abs { year, hijri: false }),
                        month: None,
                        day: None,
                        weekday: None,
                        hijri: false,
                    },
                ));
            }
        }
        None
    }

    fn lexeme_start(&self, i: usize) -> usize {
        self.at(i)
            .iter()
            .map(|l| l.start)
            .max()
            .unwrap_or_else(|| self.start(i))
    }

    /// A day: deictic words, weekdays (with a direction or a week), calendar
    /// dates (weekday, day, month, year; numeric forms), with apposition.
    fn day_expr(&self, i: usize) -> Option<(usize, usize, Base)> {
        let mut best: Option<(usize, usize, Base)> = None;
        let mut consider = |c: Option<(usize, usize, Base)>| {
            if let Some(c) = c
                && best.as_ref().is_none_or(|b| c.1 > b.1)
            {
                best = Some(c);
            }
        };
        consider(self.deictic(i));
        consider(self.calendar_date(i));
        consider(self.weekday_phrase(i));
        best
    }

    /// اليوم، أمس، غدا، بعد غد، أول أمس، يوم غد، اليوم الذي بعد الغد, with an
    /// optional weekday in apposition (أمس الاثنين).
    fn deictic(&self, i: usize) -> Option<(usize, usize, Base)> {
        // نفس اليوم، ذات اليوم: the day last mentioned (ذات يوم, without ال, is "one day")
        if i > 0 && self.word(i) == Some("اليوم") && matches!(self.word(i - 1), Some("نفس" | "ذات"))
        {
            return Some((i - 1, i + 1, Base::FromMention(0)));
        }
        let mut j = i;
        let mut start = None;
        // يوم غد، اليوم الذي بعد الغد، اليوم الي بعد بكرة
        if let Some(l) = self.func(i, "day").or_else(|| {
            (self.word(i) == Some("اليوم"))
                .then(|| self.at(i).first())
                .flatten()
        }) {
            let k = l.next;
            let k = if matches!(self.word(k), Some("الذي" | "الي" | "اللي")) {
                k + 1
            } else {
                k
            };
            if self.kind(k, Kind::Deictic).any(|d| d.entry.num != 0) {
                start = Some(l.start);
                j = k;
            }
        }
        let l = self
            .kind(j, Kind::Deictic)
            .filter(|l| l.prep.is_none() || l.entry.num != 0)
            .max_by_key(|l| l.next)?;
        let start = start.unwrap_or(l.start);
        let mut offset = l.entry.num;
        let mut next = l.next;
        // اليوم الماضي = yesterday; اليوم التالي / السابق = the day after / before the
        // last mentioned date (the DCT when none was mentioned)
        let mut relational = false;
        if offset == 0
            && self.word(j).is_some_and(|w| w.ends_with("اليوم"))
            && let Some((after, dir)) = self.direction(next)
        {
            offset = match dir {
                Dir::Past => -1,
                Dir::Next => 1,
                _ => 0,
            };
            relational = self
                .word(next)
                .is_some_and(|w| w.ends_with("تالي") || w.ends_with("سابق") || w.ends_with("لاحق"));
            next = after;
        }
        if relational {
            return Some((start, next, Base::FromMention(offset)));
        }
        // اليوم نفسه، اليوم ذاته
        if offset == 0
            && self.word(j).is_some_and(|w| w.ends_with("اليوم"))
            && matches!(self.word(next), Some("نفسه" | "ذاته"))
        {
            return Some((start, next + 1, Base::FromMention(0)));
        }
        // apposition: أمس الاثنين، اليوم الثلاثاء، اليوم الثلاثاء 13 أبريل
        if let Some((_, date_next, base)) = self.calendar_date(next)
            && matches!(base, Base::Cal { day: Some(_), .. })
        {
            return Some((start, date_next, base));
        }
        if let Some((after, _)) = self.weekday(next, true) {
            next = after;
        }
        Some((start, next, Base::Deictic(offset)))
    }

    /// Calendar dates: [weekday[,] [الموافق]] day [/-. ] [من] month [year];
    /// month day[, year]; numeric d/m/y, y-m-d, m/y; `يوم 13 من الشهر الجاري`.
    fn calendar_date(&self, i: usize) -> Option<(usize, usize, Base)> {
        let mut p = Partial::default();
        let mut j = i;
        let mut start = None;
        let mut has_day_intro = false;
        // a day number right after the weekday may stand alone (السبت السادس عشر); after a
        // comma or في it needs its month (الاثنين، في أول زيارة is no date)
        let mut adjacent = true;
        if let Some((next, wd)) = self.weekday(i, true) {
            p.weekday = Some(wd);
            start = Some(self.lexeme_start(i));
            j = next;
            if self.punct(j, &[',']) {
                j += 1;
            }
            j = self.opt_func(j, "equals");
            j = self.opt_func(j, "in");
            adjacent = j == next;
        } else if let Some(l) = self.func(i, "day") {
            start = Some(l.start);
            j = l.next;
            has_day_intro = true;
        }
        let day_alone = (p.weekday.is_some() && adjacent) || has_day_intro;
        let (next, q, day_start) =
            self.partial_date(j, day_alone || self.date_context(i), day_alone)?;
        if q.day.is_none() && q.year.is_none() && q.month.is_none() {
            return None;
        }
        let weekday = p.weekday;
        let p = Partial { weekday, ..q };
        if weekday.is_some() && p.day.is_none() {
            return None;
        }
        let start = start.unwrap_or(day_start);
        Some((start, next, partial_base(p)))
    }

    /// Whether token i follows a word that introduces a date (في، منذ، حتى، الموافق…).
    fn date_context(&self, i: usize) -> bool {
        i > 0
            && self.at(i - 1).iter().any(|l| {
                l.entry.kind == Kind::Function
                    && matches!(
                        &*l.entry.value,
                        "in" | "since"
                            | "until"
                            | "before"
                            | "after"
                            | "from"
                            | "to"
                            | "equals"
                            | "day"
                            | "at"
                    )
            })
    }

    /// The day-month-year core of a date, including numeric forms.
    /// `loose` allows d/m without a year.
    fn partial_date(
        &self,
        i: usize,
        loose: bool,
        day_alone: bool,
    ) -> Option<(usize, Partial, usize)> {
        let mut best: Option<(usize, Partial, usize)> = None;
        let mut consider = |c: Option<(usize, Partial, usize)>| {
            if let Some(c) = c
                && best.as_ref().is_none_or(|b| c.0 > b.0)
            {
                best = Some(c);
            }
        };
        consider(self.numeric_date(i, loose));
        // day [sep] [من] month [year]
        if let Some((j, (day_start, day))) = self.day_num(i) {
            let mut k = j;
            if self.punct(k, &['/', '-', '.']) {
                k += 1;
            }
            let k = self.opt_func(k, "from");
            if let Some((next, m)) = self.month_ref(k) {
                let (next, year) = match self.year_after(next) {
                    Some((n, y)) => (n, Some(y)),
                    None => (next, None),
                };
                let p = match m {
                    MonthRef::Greg(m) => Partial {
                        year,
                        month: Some(m),
                        day: Some(day),
                        weekday: None,
                        hijri: false,
                        month_offset: None,
                    },
                    MonthRef::Hijri(m) => Partial {
                        year: year.map(hijri_year),
                        month: Some(m),
                        day: Some(day),
                        weekday: None,
                        hijri: true,
                        month_offset: None,
                    },
                    MonthRef::Rel(offset) => Partial {
                        day: Some(day),
                        month_offset: Some(offset),
                        ..Partial::default()
                    },
                };
                consider(Some((next, p, day_start)));
            }
            // a day alone after a weekday or يوم: السبت السادس عشر, يوم 13 (a feminine
            // ordinal is an hour, a cardinal word is an amount: يوم واحد)
            let day_like = self
                .number(i)
                .is_some_and(|(_, n)| !n.word || (n.ordinal && !n.feminine));
            if day_alone && day_like {
                consider(Some((
                    j,
                    Partial {
                        day: Some(day),
                        ..Partial::default()
                    },
                    day_start,
                )));
            }
        }
        // month day[, year]: يوليو 13، سبتمبر10, ألف وتسعمائة وواحد، يناير الثاني والعشرين، 2018
        if let Some((j, MonthRef::Greg(m))) = self.month_ref(i) {
            let k = if self.punct(j, &['-', '/']) { j + 1 } else { j };
            if let Some((next, (_, day))) = self.day_num(k) {
                let (next, year) = match self.year_after(next) {
                    Some((n, y @ YearSpec::Abs { .. })) => (n, Some(y)),
                    _ => (next, None),
                };
                if !self.range_sep(next) {
                    consider(Some((
                        next,
                        Partial {
                            year,
                            month: Some(m),
                            day: Some(day),
                            weekday: None,
                            hijri: false,
                            month_offset: None,
                        },
                        self.lexeme_start(i),
                    )));
                }
            }
        }
        best
    }

    fn range_sep(&self, i: usize) -> bool {
        self.punct(i, &['-']) || self.func(i, "to").is_some() || self.func(i, "until").is_some()
    }

    /// 13/4/2021, 2021-04-13, 13.4.2021, 4/2021, 2015/3, 22/04 (when `loose`).
    fn numeric_date(&self, i: usize, loose: bool) -> Option<(usize, Partial, usize)> {
        let (a, da) = self.digits(i)?;
        let sep_at = |k: usize| -> Option<char> {
            let t = self.toks.get(k)?;
            if t.kind != TokenKind::Punct {
                return None;
            }
            let c = self.text[t.start..].chars().next()?;
            matches!(c, '/' | '-' | '.').then_some(c)
        };
        let s1 = sep_at(i + 1)?;
        let (b, db) = self.digits(i + 2)?;
        let start = self.start(i);
        let third = sep_at(i + 3)
            .filter(|c| *c == s1)
            .and_then(|_| self.digits(i + 4));
        if let Some((c, dc)) = third {
            let (y, m, d) = if da == 4 {
                (a, b, c)
            } else if dc == 4 || dc == 2 {
                let y = if dc == 2 { 2000 + c } else { c };
                if b > 12 && a <= 12 {
                    (y, a, b)
                } else {
                    (y, b, a)
                }
            } else {
                return None;
            };
            if (1..=12).contains(&m) && (1..=31).contains(&d) && db <= 2 {
                let p = Partial {
                    year: Some(YearSpec::Abs {
                        year: y as i32,
                        hijri: false,
                    }),
                    month: Some(m as u32),
                    day: Some(d as u32),
                    weekday: None,
                    hijri: false,
                    month_offset: None,
                };
                return Some((i + 5, p, start));
            }
            return None;
        }
        // month/year: 4/2021, 2015/3, 3-2015, 2015.3
        if (da == 4 && db <= 2 && (1..=12).contains(&b))
            || (db == 4 && da <= 2 && (1..=12).contains(&a))
        {
            let (y, m) = if da == 4 { (a, b) } else { (b, a) };
            if (1000..=2200).contains(&y)
                && self.digits(i + 3).is_none()
                && !self.punct(i + 3, &['/', '-', '.'])
            {
                let p = Partial {
                    year: Some(YearSpec::Abs {
                        year: y as i32,
                        hijri: false,
                    }),
                    month: Some(m as u32),
                    day: None,
                    weekday: None,
                    hijri: false,
                    month_offset: None,
                };
                return Some((i + 3, p, start));
            }
        }
        // day/month without a year (Arabic order first)
        if loose && da <= 2 && db <= 2 && !self.punct(i + 3, &['/', '-', '.', ':']) {
            let (m, d) = if a <= 31 && b <= 12 {
                (b, a)
            } else if a <= 12 && b <= 31 {
                (a, b)
            } else {
                return None;
            };
            if m >= 1 && d >= 1 {
                let p = Partial {
                    month: Some(m as u32),
                    day: Some(d as u32),
                    ..Partial::default()
                };
                return Some((i + 3, p, start));
            }
        }
        None
    }

    /// Weekday phrases: الأحد المقبل، الخميس الماضي، يوم الثلاثاء السابق،
    /// الاحد من الاسبوع الماضي، ثلاثاء الاسبوع الفائت، الأسبوع القادم الأحد، هذا الاثنين.
    fn weekday_phrase(&self, i: usize) -> Option<(usize, usize, Base)> {
        let start = self.lexeme_start(i);
        // الأسبوع المقبل [يوم] الجمعة
        if let Some((
            next,
            Base::Unit {
                unit: Unit::Week,
                offset,
            },
        )) = self.unit_relative(i)
        {
            let (after, wd) = self.weekday(next, true)?;
            return Some((start, after, weekday_in_week(wd, offset)));
        }
        let (this_next, this) = match self.func(i, "this") {
            Some(l) => (l.next, true),
            None => (i, false),
        };
        // a weekday without ال is allowed before الأسبوع: احد الاسبوع الماضي
        let (next, wd) = self.weekday(this_next, true).or_else(|| {
            let l = self
                .kind(this_next, Kind::Weekday)
                .find(|l| l.prep.is_none())?;
            let k = self.opt_func(l.next, "from");
            self.unit_relative(k).filter(|(_, b)| {
                matches!(
                    b,
                    Base::Unit {
                        unit: Unit::Week,
                        ..
                    }
                )
            })?;
            Some((l.next, l.entry.num as u32))
        })?;
        let k = self.opt_func(next, "from");
        if let Some((
            after,
            Base::Unit {
                unit: Unit::Week,
                offset,
            },
        )) = self.unit_relative(k)
        {
            return Some((start, after, weekday_in_week(wd, offset)));
        }
        if let Some((after, dir)) = self.direction(next)
            && dir != Dir::Last
        {
            return Some((
                start,
                after,
                Base::Weekday {
                    weekday: wd,
                    week_offset: None,
                    dir: Some(dir),
                    this,
                },
            ));
        }
        Some((
            start,
            next,
            Base::Weekday {
                weekday: wd,
                week_offset: None,
                dir: None,
                this,
            },
        ))
    }

    /// التسعينيات، تسعينيات القرن الماضي، ستينيات القرن العشرين.
    fn decade(&self, i: usize) -> R<Base> {
        let l = self
            .kind(i, Kind::Decade)
            .find(|l| l.prep.is_none() || l.article)?;
        let digit = l.entry.num as i32;
        let k = self.opt_func(l.next, "from");
        let century = self
            .kind(k, Kind::Unit)
            .find(|u| u.article && &*u.entry.value == "century" && &*u.entry.extra == "1");
        if let Some(c) = century {
            if let Some((next, dir)) = self.direction(c.next) {
                let offset = match dir {
                    Dir::Past => -1,
                    Dir::Next => 1,
                    _ => 0,
                };
                return Some((
                    next,
                    Base::Decade {
                        digit,
                        century: Some(YearSpec::Rel(offset)),
                    },
                ));
            }
            if let Some((next, n)) = self.number(c.next)
                && (1..=30).contains(&n.value)
            {
                return Some((
                    next,
                    Base::Decade {
                        digit,
                        century: Some(YearSpec::Abs {
                            year: n.value as i32,
                            hijri: false,
                        }),
                    },
                ));
            }
        }
        Some((
            l.next,
            Base::Decade {
                digit,
                century: None,
            },
        ))
    }

    /// الأسبوع الماضي، هذا العام، العام المقبل، الشهر الجاري (as a unit), العقد القادم.
    fn unit_relative(&self, i: usize) -> R<Base> {
        if let Some(this) = self.func(i, "this") {
            let l = self
                .kind(this.next, Kind::Unit)
                .find(|l| l.article && &*l.entry.extra == "1")?;
            let unit = Unit::parse(&l.entry.value)?;
            return (unit >= Unit::Week).then_some((l.next, Base::Unit { unit, offset: 0 }));
        }
        let l = self
            .kind(i, Kind::Unit)
            .find(|l| l.article && &*l.entry.extra == "1")?;
        let unit = Unit::parse(&l.entry.value)?;
        if unit < Unit::Week {
            return None;
        }
        let (next, dir) = self.direction(l.next)?;
        if dir == Dir::Last {
            return None;
        }
        Some((
            next,
            Base::Unit {
                unit,
                offset: dir_offset(dir),
            },
        ))
    }

    /// اول ثلاثاء من شهر عشرة، الثلاثاء الثالث من شهر ايلول من عام 2014، اخر اثنين من الشهر القادم،
    /// اليوم الثالث من اكتوبر، الاسبوع الاول من شهر عشرة 2014، اخر يوم بشهر عشرة سنة 2015.
    fn nth_rule(&self, i: usize) -> Option<(usize, usize, Base, Option<Part>)> {
        let start = self.lexeme_start(i);
        // (ordinal | آخر) (weekday | يوم | أسبوع) ...  or  (weekday | اليوم | الأسبوع) (ordinal | الأخير) ...
        let ordinal_at = |k: usize| -> Option<(usize, i64)> {
            if let Some(l) = self.kind(k, Kind::Part).find(|l| {
                l.entry.value.as_ref() == "END" && self.word(k).is_some_and(|w| w.ends_with("اخر"))
            }) {
                return Some((l.next, -1));
            }
            if let Some((next, dir)) = self.direction(k)
                && dir == Dir::Last
            {
                return Some((next, -1));
            }
            let l = self
                .kind(k, Kind::Ordinal)
                .find(|l| l.prep.is_none() && (1..=5).contains(&l.entry.num))?;
            Some((l.next, l.entry.num))
        };
        let head_at = |k: usize| -> Option<(usize, Option<u32>, Option<Unit>)> {
            let k2 = self.opt_func(k, "day");
            if let Some(l) = self.kind(k2, Kind::Weekday).find(|l| l.prep.is_none()) {
                return Some((l.next, Some(l.entry.num as u32), None));
            }
            let l = self
                .kind(k, Kind::Unit)
                .find(|l| l.prep.is_none() && &*l.entry.extra == "1")?;
            let unit = Unit::parse(&l.entry.value)?;
            matches!(unit, Unit::Day | Unit::Week).then_some((l.next, None, Some(unit)))
        };
        let (j, n, weekday, unit) = if let Some((j, n)) = ordinal_at(i) {
            let (j, wd, unit) = head_at(j)?;
            (j, n, wd, unit)
        } else {
            let (j, wd, unit) = head_at(i)?;
            let (j, n) = ordinal_at(j)?;
            (j, n, wd, unit)
        };
        // من / في / ب + month [year]
        let mut k = j;
        if self.func(k, "from").is_some() || self.func(k, "in").is_some() {
            k = self.func(k, "from").or(self.func(k, "in"))?.next;
        }
        let month_start = k;
        let (next, of) = match self.month_or_year(month_start) {
            Some((_, next, base @ (Base::Cal { month: Some(_), .. } | Base::RelMonth(_)))) => {
                (next, base)
            }
            _ => {
                // بشهر / بايلول: a glued ب before the month
                self.glued_month(k)?
            }
        };
        // a trailing year: من عام 2014، بعام 2014، السنة القادمة
        let (next, of) = match (&of, self.year_tail(next)) {
            (
                Base::Cal {
                    year: None,
                    month,
                    hijri,
                    ..
                },
                Some((n, y)),
            ) => (
                n,
                Base::Cal {
                    year: Some(y),
                    month: *month,
                    day: None,
                    weekday: None,
                    hijri: *hijri,
                },
            ),
            _ => (next, of),
        };
        let base = match (weekday, unit) {
            (Some(wd), _) => Base::NthWeekday {
                n,
                weekday: wd,
                of: Box::new(of),
            },
            (None, Some(u)) => Base::NthUnit {
                n,
                unit: u,
                of: Box::new(of),
            },
            _ => return None,
        };
        Some((start, next, base, None))
    }

    /// A month with a glued preposition: بايلول، بشهر عشرة.
    fn glued_month(&self, k: usize) -> R<Base> {
        for l in self.at(k) {
            if l.prep.is_none() {
                continue;
            }
            match l.entry.kind {
                Kind::Month => {
                    return Some((
                        l.next,
                        Base::Cal {
                            year: None,
                            month: Some(l.entry.num as u32),
                            day: None,
                            weekday: None,
                            hijri: false,
                        },
                    ));
                }
                Kind::Function if &*l.entry.value == "month" => {
                    if let Some((next, n)) = self.number(l.next)
                        && (1..=12).contains(&n.value)
                    {
                        return Some((
                            next,
                            Base::Cal {
                                year: None,
                                month: Some(n.value as u32),
                                day: None,
                                weekday: None,
                                hijri: false,
                            },
                        ));
                    }
                    if let Some((next, MonthRef::Greg(m))) = self.month_name(l.next) {
                        return Some((
                            next,
                            Base::Cal {
                                year: None,
                                month: Some(m),
                                day: None,
                                weekday: None,
                                hijri: false,
                            },
                        ));
                    }
                }
                _ => {}
            }
        }
        None
    }

    /// A year after a month in an n-th rule: من عام 2014، في سنة 2014، لعام 2014، السنة القادمة.
    fn year_tail(&self, i: usize) -> R<YearSpec> {
        if let Some(found) = self.year_after(i) {
            return Some(found);
        }
        let k = self.opt_func(self.opt_func(i, "from"), "in");
        for l in self.at(k) {
            if l.entry.kind == Kind::Function
                && &*l.entry.value == "year"
                && let Some((next, year)) = self.year_num(l.next)
            {
                return Some((next, YearSpec::Abs { year, hijri: false }));
            }
        }
        if let Some((
            next,
            Base::Unit {
                unit: Unit::Year,
                offset,
            },
        )) = self.unit_relative(i)
        {
            return Some((next, YearSpec::Rel(offset)));
        }
        None
    }

    /// النصف الأول من 2021، الربع الثالث من عام 2016، الربع الأخير، الربع الثالث 2016.
    fn part_of_year(&self, i: usize) -> Option<(usize, usize, Base, Option<Part>)> {
        let w = self.word(i)?;
        let quarter = match w {
            "الربع" => true,
            "النصف" => false,
            _ => return None,
        };
        let j = i + 1;
        let (next, n) = if let Some(l) = self
            .kind(j, Kind::Ordinal)
            .find(|l| l.article && (1..=4).contains(&l.entry.num))
        {
            (l.next, l.entry.num)
        } else {
            let (next, dir) = self.direction(j)?;
            if dir != Dir::Last {
                return None;
            }
            (next, -1)
        };
        if !(quarter || n == 1 || n == 2 || n == -1) {
            return None;
        }
        let of = self.year_tail(next).map(|(k, y)| {
            (
                k,
                Base::Cal {
                    year: Some(y),
                    month: None,
                    day: None,
                    weekday: None,
                    hijri: false,
                },
            )
        });
        let of = of.or_else(|| {
            let k = self.opt_func(next, "from");
            let (k, base) = self.unit_relative(k).or_else(|| {
                let l = self
                    .kind(k, Kind::Unit)
                    .find(|l| l.article && &*l.entry.value == "year")?;
                Some((
                    l.next,
                    Base::Unit {
                        unit: Unit::Year,
                        offset: 0,
                    },
                ))
            })?;
            matches!(
                base,
                Base::Unit {
                    unit: Unit::Year,
                    ..
                }
            )
            .then_some((k, base))
        });
        let (end, of) = match of {
            Some((k, b)) => (k, Some(Box::new(b))),
            None => (next, None),
        };
        Some((
            self.start(i),
            end,
            Base::PartOfYear { quarter, n, of },
            None,
        ))
    }

    /// Relative expressions: shifts (قبل يومين، منذ ثلاثة أسابيع، بعد يومين، قبل أيام),
    /// spans (الأسابيع الثلاثة القادمة، الشهرين الماضيين، خلال …), now and vague words.
    fn relative_rule(&self, i: usize) -> Option<Found> {
        let mut best: Option<Found> = None;
        let mut consider = |f: Option<Found>| {
            if let Some(f) = f
                && best.as_ref().is_none_or(|b| f.next > b.next)
            {
                best = Some(f);
            }
        };
        if let Some(l) = self
            .kind(i, Kind::Now)
            .filter(|l| l.prep.is_none())
            .max_by_key(|l| l.next)
        {
            consider(self.found(l.start, l.next, Expr::Now));
        }
        if let Some(l) = self
            .kind(i, Kind::Vague)
            .filter(|l| l.prep.is_none())
            .max_by_key(|l| l.next)
        {
            consider(self.found(l.start, l.next, Expr::Vague(static_code(&l.entry.value))));
        }
        // shifts
        for (role, sign) in [("before", -1i64), ("since", -1), ("after", 1), ("from", -1)] {
            let Some(l) = self.func(i, role) else {
                continue;
            };
            if role == "from" && !self.shift_from_ok(i) {
                continue;
            }
            let (j, more) = match (self.word(l.next), self.func(l.next + 1, "from")) {
                (Some("اكثر"), Some(f)) => (f.next, Some(true)),
                (Some("اقل"), Some(f)) => (f.next, Some(false)),
                _ => (self.opt_func(l.next, "approx"), None),
            };
            // منذ أكثر من عامين: earlier than two years ago
            let modifier = more.map(|m| {
                if m == (sign < 0) {
                    Mod::Before
                } else {
                    Mod::After
                }
            });
            if let Some((next, amount, unit)) = self.quantity(j) {
                // بعد أسبوع من الانتخابات: relative to an event, so only the distance is known
                if let Some(f) = self.func(next, "from")
                    && matches!(role, "after" | "before")
                    && self.digits(f.next).is_none()
                    && !self.can_start(f.next)
                {
                    consider(self.found(
                        self.lexeme_start(j),
                        next,
                        Expr::Duration {
                            amount,
                            unit,
                            within: None,
                        },
                    ));
                    continue;
                }
                let base = match amount {
                    Some(a) if a.fract() == 0.0 => Base::Shift {
                        amount: sign * a as i64,
                        unit,
                    },
                    Some(_) => continue,
                    None => Base::VagueShift { sign, unit },
                };
                if role == "from" && amount.is_none() {
                    continue;
                }
                let found = self.found(
                    l.start,
                    next,
                    Expr::Date {
                        base,
                        part: None,
                        daypart: None,
                        clock: None,
                    },
                );
                consider(found.map(|f| Found { modifier, ..f }));
            }
        }
        // spans with a number and a direction: الأسابيع الثلاثة القادمة، 3 أيام القادمة، الشهرين الماضيين
        if let Some((start, next, expr)) = self.span(i) {
            consider(self.found(start, next, expr));
        }
        // within: خلال الشهرين الماضيين، خلال اسبوعين، في غضون أيام
        if let Some(l) = self.func(i, "within") {
            if let Some((_, next, expr)) = self.span(l.next) {
                consider(self.found(l.start, next, expr));
            } else if let Some((next, amount, unit)) = self.quantity(l.next) {
                let dir = self.direction(next);
                let (next, within) = match dir {
                    Some((n, d)) => (n, d),
                    None => (next, Dir::Current),
                };
                consider(self.found(
                    l.start,
                    next,
                    Expr::Duration {
                        amount,
                        unit,
                        within: Some(within),
                    },
                ));
            }
        }
        best
    }

    /// "من" means "ago" only before a bare amount that ends the phrase: من اسبوع.
    fn shift_from_ok(&self, i: usize) -> bool {
        let prev = i.checked_sub(1).and_then(|p| self.word(p));
        !matches!(
            prev,
            Some("اكثر" | "اقل" | "اكبر" | "اطول" | "بدلا" | "اقصر")
        )
    }

    /// An amount of a unit: 3 أيام، ثلاثة أسابيع، يومين، أسبوع، نصف ساعة، ساعة ونصف،
    /// بضعة أيام، أيام (None = unspecified).
    fn quantity(&self, i: usize) -> Option<(usize, Option<f64>, Unit)> {
        // fraction + unit: نصف ساعة
        if let Some(f) = self
            .kind(i, Kind::Fraction)
            .find(|l| l.prep.is_none() && !l.article)
        {
            let u = self
                .kind(f.next, Kind::Unit)
                .find(|l| &*l.entry.extra == "1" && !l.article)?;
            return Some((
                u.next,
                Some(f.entry.num as f64 / 100.0),
                Unit::parse(&u.entry.value)?,
            ));
        }
        if let Some((next, n)) = self.number(i) {
            if n.article || n.ordinal {
                return None;
            }
            let u = self
                .kind(next, Kind::Unit)
                .find(|l| !l.article && l.prep.is_none() && !l.conj)?;
            let unit = Unit::parse(&u.entry.value)?;
            let amount = if n.value < 0 {
                None
            } else {
                Some(n.value as f64)
            };
            // أيام قليلة
            let after = if matches!(self.word(u.next), Some("قليله" | "قليلة")) {
                u.next + 1
            } else {
                u.next
            };
            return Some((after, amount, unit));
        }
        let u = self
            .kind(i, Kind::Unit)
            .find(|l| !l.article && matches!(l.prep, None | Some('ل')))?;
        let unit = Unit::parse(&u.entry.value)?;
        let mut next = u.next;
        if self.month_name(next).is_some() {
            return None;
        }
        let amount = match &*u.entry.extra {
            "1" => {
                // يوم واحد، ساعة ونصف
                if self
                    .kind(next, Kind::Cardinal)
                    .any(|l| l.entry.num == 1 && !l.conj && l.prep.is_none())
                {
                    return Some((next + 1, Some(1.0), unit));
                }
                let k = self.and(next);
                if let Some(f) = self
                    .kind(k, Kind::Fraction)
                    .find(|l| (l.conj || k > next) && !l.article)
                {
                    next = f.next;
                    Some(1.0 + f.entry.num as f64 / 100.0)
                } else {
                    Some(1.0)
                }
            }
            "2" => {
                let k = self.and(next);
                match self
                    .kind(k, Kind::Fraction)
                    .find(|l| (l.conj || k > next) && !l.article)
                {
                    Some(f) => {
                        next = f.next;
                        Some(2.0 + f.entry.num as f64 / 100.0)
                    }
                    None => Some(2.0),
                }
            }
            _ => {
                if matches!(self.word(next), Some("قليله")) {
                    next += 1;
                }
                None
            }
        };
        Some((next, amount, unit))
    }

    /// N units with a direction: الأسابيع الثلاثة القادمة، 3 أيام القادمة، الشهرين الماضيين،
    /// الأيام المقبلة (vague), الأيام الأخيرة.
    fn span(&self, i: usize) -> Option<(usize, usize, Expr)> {
        let start = self.lexeme_start(i);
        // number first: 3 أيام القادمة
        if let Some((next, n)) = self.number(i) {
            if !n.article && !n.ordinal && n.value > 0 {
                let u = self.kind(next, Kind::Unit).find(|l| l.prep.is_none())?;
                let unit = Unit::parse(&u.entry.value)?;
                let (after, dir) = self.direction(u.next)?;
                return Some((
                    start,
                    after,
                    Expr::Date {
                        base: Base::Span {
                            count: n.value,
                            unit,
                            dir,
                        },
                        part: None,
                        daypart: None,
                        clock: None,
                    },
                ));
            }
            return None;
        }
        let u = self
            .kind(i, Kind::Unit)
            .find(|l| l.article && l.prep.is_none() && &*l.entry.extra != "1")?;
        let unit = Unit::parse(&u.entry.value)?;
        let (mut next, mut count) = (
            u.next,
            match &*u.entry.extra {
                "2" => Some(2),
                _ => None,
            },
        );
        if count.is_none()
            && let Some((after, n)) = self.number(next)
            && n.value > 0
            && n.word
        {
            count = Some(n.value);
            next = after;
        }
        let (after, dir) = self.direction(next)?;
        let expr = match count {
            Some(count) => Expr::Date {
                base: Base::Span { count, unit, dir },
                part: None,
                daypart: None,
                clock: None,
            },
            None => {
                let sign = if dir == Dir::Next { 1 } else { -1 };
                Expr::Date {
                    base: Base::VagueShift { sign, unit },
                    part: None,
                    daypart: None,
                    clock: None,
                }
            }
        };
        Some((start, after, expr))
    }

    /// Durations: ثلاثة أيام، يومين، عقدين، 90 دقيقة، لمدة أسبوع، طوال يوم، يوم كامل، نصف ساعة.
    fn duration_rule(&self, i: usize) -> Option<Found> {
        let (start, j, intro) = match self.func(i, "for") {
            Some(l) => (l.start, l.next, true),
            None => (self.lexeme_start(i), i, false),
        };
        let (next, amount, unit) = self.quantity(j)?;
        let glued_for = self.kind(j, Kind::Unit).any(|l| l.prep == Some('ل'));
        let (start, intro) = if glued_for && !intro {
            (self.lexeme_start(j), true)
        } else {
            (start, intro)
        };
        let whole = self.func(next, "whole");
        let next = whole.map_or(next, |l| l.next);
        // a lone singular unit or a bare plural is a duration only after لمدة/طوال or before كامل
        let explicit = self.number(j).is_some()
            || next > j + 1
            || self.kind(j, Kind::Fraction).next().is_some()
            || self.kind(j, Kind::Unit).any(|l| &*l.entry.extra == "2")
            || amount.is_some_and(|a| a.fract() != 0.0);
        if !(explicit || intro || whole.is_some()) {
            return None;
        }
        // a duration is never followed by a direction (that is a span)
        if self.direction(next).is_some() {
            return None;
        }
        let start = if intro { self.lexeme_start(j) } else { start };
        self.found(
            start,
            next,
            Expr::Duration {
                amount,
                unit,
                within: None,
            },
        )
    }

    /// Sets: سنويا، كل أسبوع، كل يوم اثنين، كل عام.
    fn set_rule(&self, i: usize) -> Option<Found> {
        if let Some(l) = self.kind(i, Kind::Frequency).find(|l| l.prep.is_none()) {
            let unit = match &*l.entry.value {
                "P1D" => Unit::Day,
                "P1W" => Unit::Week,
                "P1M" => Unit::Month,
                _ => Unit::Year,
            };
            return self.found(
                l.start,
                l.next,
                Expr::Set {
                    unit: Some(unit),
                    weekday: None,
                },
            );
        }
        let every = self.func(i, "every")?;
        if let Some((next, wd)) = self.weekday(every.next, false) {
            return self.found(
                every.start,
                next,
                Expr::Set {
                    unit: None,
                    weekday: Some(wd),
                },
            );
        }
        let u = self
            .kind(every.next, Kind::Unit)
            .find(|l| &*l.entry.extra == "1" && !l.article)?;
        self.found(
            every.start,
            u.next,
            Expr::Set {
                unit: Some(Unit::parse(&u.entry.value)?),
                weekday: None,
            },
        )
    }

    /// Clock times alone or in a range: الساعة الثالثة عصرا، 10:30 صباحا، من الساعة 3 الى الساعة 4 بعد العصر.
    fn time_rule(&self, i: usize) -> Option<Found> {
        let start = self.lexeme_start(i);
        if let Some((next, (a, b))) = self.clock_range(i) {
            let from = today_at(a);
            let to = today_at(b);
            return self.found(start, next, Expr::Range(Box::new(from), Box::new(to)));
        }
        // a part of day before the clock: بعد الظهر الساعة 7، وقت الغداء الساعة 11 صباحا
        if let Some(l) = self
            .kind(i, Kind::DayPart)
            .filter(|l| l.prep.is_none())
            .max_by_key(|l| (l.next, !l.entry.value.starts_with('T')))
            && let Some((next, mut clock)) = self.clock(l.next, true)
        {
            if clock.daypart.is_none() {
                clock.daypart = Some(static_code(&l.entry.value)).filter(|c| !c.starts_with('T'));
            }
            return self.found(l.start, next, today_at(clock));
        }
        let (next, clock) = self.clock(i, false)?;
        // عند (at) is a signal outside the expression, like في
        let start = self.func(i, "at").map_or(start, |l| self.start(l.next));
        // a time followed by a day: الساعة 3 من مساء الأحد / الساعة الثامنة صباح اليوم
        let k = self.opt_func(next, "from");
        if let Some(dp) = self
            .kind(k, Kind::DayPart)
            .find(|l| &*l.entry.extra == "noun" && !l.entry.value.starts_with('T'))
            && let Some((_, after, base)) = self.day_expr(dp.next)
        {
            let mut clock = clock;
            clock.daypart = Some(static_code(&dp.entry.value));
            return self.found(start, after, clock_on(base, clock));
        }
        if let Some((_, after, base)) = self.day_expr(k)
            && !matches!(base, Base::Cal { day: None, .. })
        {
            return self.found(start, after, clock_on(base, clock));
        }
        self.found(start, next, today_at(clock))
    }

    /// من الساعة 3 الى الساعة 4 بعد العصر، من 1:30 بعد الظهر إلى 4، من الساعة التاسعة وحتى الساعة الحادية عشرة صباحا.
    fn clock_range(&self, i: usize) -> R<(Clock, Clock)> {
        let j = self.opt_func(i, "from");
        if j == i {
            return None;
        }
        let (k, mut a) = self.clock(j, true)?;
        let k2 = self.and(k);
        let sep = self.func(k2, "to").or_else(|| self.func(k2, "until"))?;
        let (next, mut b) = self
            .clock(sep.next, true)
            .or_else(|| self.clock_bare(sep.next))?;
        if a.daypart.is_none() {
            a.daypart = b.daypart;
        }
        if b.daypart.is_none() {
            b.daypart = a.daypart;
        }
        Some((next, (a, b)))
    }

    /// A bare hour number after a range separator: … إلى 4.
    fn clock_bare(&self, i: usize) -> R<Clock> {
        let (next, n) = self.number(i)?;
        ((0..=24).contains(&n.value) && !n.article).then_some((
            next,
            Clock {
                hour: n.value as u32,
                minute: None,
                second: None,
                daypart: None,
                tz: None,
            },
        ))
    }

    /// A clock time. `intro_optional`: a bare ordinal hour (الثالثة) is accepted
    /// without الساعة only when a part of day follows.
    fn clock(&self, i: usize, in_context: bool) -> R<Clock> {
        let mut j = i;
        let at = self.func(j, "at");
        if let Some(l) = at {
            j = l.next;
        }
        let intro = self.func(j, "clock");
        let has_clock_word = intro.is_some_and(|l| {
            l.article
                || self.word(j).is_some_and(|w| w.starts_with("ال"))
                || self.word(j) == Some("الساعه")
        });
        if let Some(l) = intro {
            if has_clock_word {
                j = l.next;
            } else {
                return None;
            }
        }
        let (mut next, mut clock, colon) = self.clock_digits(j).or_else(|| {
            let (next, hour, _) = self.hour_number(j)?;
            Some((
                next,
                Clock {
                    hour,
                    minute: None,
                    second: None,
                    daypart: None,
                    tz: None,
                },
                false,
            ))
        })?;
        // minutes: و18 دقيقة، وربع، والنصف، وثلث، إلا ربع
        let k = self.and(next);
        if let Some(f) = self
            .kind(k, Kind::Fraction)
            .find(|l| (l.conj || k > next) && l.prep.is_none())
        {
            clock.minute = Some(match f.entry.num {
                25 => 15,
                33 => 20,
                _ => 30,
            });
            next = f.next;
        } else if let Some(m) = self.minutes(k, k > next) {
            clock.minute = Some(m.1);
            next = m.0;
        } else if let Some(minus) = self.func(next, "minus") {
            let f = self
                .kind(minus.next, Kind::Fraction)
                .find(|l| l.prep.is_none())
                .map(|f| (f.next, f.entry.num));
            let m = f
                .map(|(n, v)| {
                    (
                        n,
                        if v == 25 {
                            15
                        } else if v == 33 {
                            20
                        } else {
                            30
                        },
                    )
                })
                .or_else(|| {
                    let (n, num) = self.number(minus.next)?;
                    let n = self
                        .kind(n, Kind::Unit)
                        .find(|l| &*l.entry.value == "minute")
                        .map_or(n, |u| u.next);
                    (1..60)
                        .contains(&num.value)
                        .then_some((n, num.value as u32))
                });
            if let Some((after, minutes)) = m {
                clock.hour = (clock.hour + 23) % 24;
                if clock.hour == 23 && minutes > 0 {
                    clock.hour = 11;
                }
                clock.minute = Some(60 - minutes);
                next = after;
            }
        }
        // part of day: صباحا، عصرا، بعد الظهر، مساء، هذا الصباح، هذه الليلة
        let k = self.opt_func(next, "this");
        // a word that is both a part of day and a clock time (الظهر) reads as the part of day here
        let dp = self
            .kind(k, Kind::DayPart)
            .filter(|l| l.prep.is_none())
            .max_by_key(|l| (l.next, !l.entry.value.starts_with('T')));
        if let Some(l) = dp {
            let code = static_code(&l.entry.value);
            if code == "T00" {
                clock.hour %= 12;
            } else if code != "T12" && code != "T10" {
                clock.daypart = Some(code);
            }
            next = l.next;
            // وقت الغداء after a clock: 12 ظهرا وقت الغداء
            if let Some(l2) = self
                .kind(next, Kind::DayPart)
                .find(|l| l.entry.value.starts_with('T'))
            {
                next = l2.next;
            }
        }
        // time zone: بتوقيت غرينتش / مكة / القدس
        let tz_word = self.func(next, "timezone").or_else(|| {
            self.at(next).iter().find(|l| {
                l.entry.kind == Kind::Function
                    && &*l.entry.value == "timezone"
                    && l.prep == Some('ب')
            })
        });
        if let Some(t) = tz_word
            && let Some(z) = self.kind(t.next, Kind::TimeZone).max_by_key(|l| l.next)
        {
            clock.tz = parse_offset(&z.entry.value);
            next = z.next;
        }
        let has_daypart = clock.daypart.is_some() || dp.is_some();
        let ok = has_clock_word
            || colon
            || has_daypart
            || (at.is_some() && in_context)
            || (at.is_some() && self.digits(j).is_some());
        // a bare ordinal hour after في/عند: في السابعة، الحادية عشر
        let ordinal_hour = !has_clock_word
            && !colon
            && self
                .number(j)
                .is_some_and(|(_, n)| n.word && n.ordinal && n.article && n.feminine)
            && self
                .word(next)
                .is_none_or(|w| !w.starts_with("عمر") && !w.starts_with("من"));
        // minutes after an ordinal hour make it a clock time (الثامنة والربع)
        let with_minutes = clock.minute.is_some();
        if !(ok || (ordinal_hour && (self.date_context(j) || in_context || with_minutes))) {
            return None;
        }
        if clock.hour > 24 || clock.minute.is_some_and(|m| m > 59) {
            return None;
        }
        Some((next, clock))
    }

    /// An hour 0–24 in digits or as one number word (الرابعة، الحادية عشرة), never
    /// swallowing the minutes that follow (الرابعة واربعون).
    fn hour_number(&self, i: usize) -> Option<(usize, u32, bool)> {
        if let Some((value, digits)) = self.digits(i) {
            return (digits <= 2 && value <= 24).then_some((i + 1, value as u32, false));
        }
        let (next, term) = self.number_term(i, true)?;
        (term.class == 0 && (0..=24).contains(&term.value) && !term.conj).then_some((
            next,
            term.value as u32,
            term.ordinal,
        ))
    }

    /// HH:MM[:SS] in digits, or HHMM before a part of day (1140 صباحا).
    fn clock_digits(&self, i: usize) -> Option<(usize, Clock, bool)> {
        let (h, dh) = self.digits(i)?;
        if self.punct(i + 1, &[':']) {
            let (m, dm) = self.digits(i + 2)?;
            if dh > 2 || dm != 2 || h > 24 || m > 59 {
                return None;
            }
            let mut clock = Clock {
                hour: h as u32,
                minute: Some(m as u32),
                second: None,
                daypart: None,
                tz: None,
            };
            let mut next = i + 3;
            if self.punct(next, &[':'])
                && let Some((s, 2)) = self.digits(next + 1)
                && s < 60
            {
                clock.second = Some(s as u32);
                next += 2;
            }
            return Some((next, clock, true));
        }
        if dh == 4 || dh == 3 {
            let (hh, mm) = (h / 100, h % 100);
            let followed_by_daypart = self
                .kind(i + 1, Kind::DayPart)
                .any(|l| &*l.entry.extra == "adverb");
            if followed_by_daypart && hh <= 12 && mm < 60 {
                return Some((
                    i + 1,
                    Clock {
                        hour: hh as u32,
                        minute: Some(mm as u32),
                        second: None,
                        daypart: None,
                        tz: None,
                    },
                    true,
                ));
            }
        }
        None
    }

    /// و + minutes: و18 دقيقة، وثمانية عشر دقيقة، و 30 دقيقة، وخمس واربعون دقيقة، وخمسة.
    fn minutes(&self, i: usize, separate_and: bool) -> R<u32> {
        let (next, n) = self.number(i)?;
        let glued = self.at(i).iter().any(|l| l.conj);
        if !(separate_and
            || glued
            || self.digits(i).is_some() && self.word(i.saturating_sub(1)) == Some("و"))
        {
            return None;
        }
        if n.ordinal || !(1..60).contains(&n.value) {
            return None;
        }
        let next = self
            .kind(next, Kind::Unit)
            .find(|l| &*l.entry.value == "minute")
            .map_or(next, |u| u.next);
        Some((next, n.value as u32))
    }

    /// Ranges: من 10 إلى 12 أبريل، 13 الى 15 تموز، تموز 13 الى 15، يوليو 13-15،
    /// بين عامي 2019 و2021، يومي السبت والأحد، من 13 تموز الى 15 تموز.
    fn range_rule(&self, i: usize) -> Option<Found> {
        let start = self.lexeme_start(i);
        // يومي السبت والأحد
        if let Some(l) = self.func(i, "days") {
            let (j, a) = self.weekday(l.next, true)?;
            let k = self.and(j);
            let (next, b) = self.weekday(k, true).or_else(|| {
                let wl = self.kind(k, Kind::Weekday).find(|w| w.conj && w.article)?;
                Some((wl.next, wl.entry.num as u32))
            })?;
            let mk = |wd| Expr::Date {
                base: Base::Weekday {
                    weekday: wd,
                    week_offset: None,
                    dir: None,
                    this: false,
                },
                part: None,
                daypart: None,
                clock: None,
            };
            return self.found(l.start, next, Expr::Range(Box::new(mk(a)), Box::new(mk(b))));
        }
        if let Some(found) = self.year_range(i) {
            return Some(found);
        }
        let from = self.func(i, "from");
        let j = from.map_or(i, |l| l.next);
        let start = from.map_or(start, |l| l.start);
        // A: a partial date (a lone day is allowed), then a separator, then B
        let (k, a) = self.range_end(j)?;
        let mut sep = k;
        sep = self.and(sep);
        let sep_next = if self.punct(sep, &['-']) {
            sep + 1
        } else if let Some(l) = self.func(sep, "to").or_else(|| self.func(sep, "until")) {
            l.next
        } else {
            return None;
        };
        let sep_next = self.opt_func(sep_next, "day");
        let (next, b) = self.range_end(sep_next)?;
        // the end must complete the start: it needs a month, unless the start has one
        let merged_a = Partial {
            year: a.year.or(b.year),
            month: a.month.or(b.month),
            day: a.day,
            weekday: a.weekday,
            hijri: a.hijri || b.hijri,
            month_offset: None,
        };
        let merged_b = Partial {
            year: b.year.or(a.year),
            month: b.month.or(a.month),
            ..b
        };
        if merged_a.month.is_none() || merged_b.month.is_none() {
            return None;
        }
        if a.day.is_none() || b.day.is_none() {
            return None;
        }
        let mk = |p: Partial| Expr::Date {
            base: partial_base(p),
            part: None,
            daypart: None,
            clock: None,
        };
        // a trailing month after the second day: من 27-29 من الشهر الثامن, من 1-8 شهر ايلول
        self.found(
            start,
            next,
            Expr::Range(Box::new(mk(merged_a)), Box::new(mk(merged_b))),
        )
    }

    /// Year ranges: بين عامي 2019 و2021، من عام 2019 إلى 2021، من 2019 حتى 2021، 2019-2021.
    fn year_range(&self, i: usize) -> Option<Found> {
        let year_word = |k: usize| -> usize {
            if matches!(self.word(k), Some("عامي" | "سنتي" | "العامين")) {
                k + 1
            } else {
                self.func(k, "year").map_or(k, |l| l.next)
            }
        };
        let (start, j, between) = match self.func(i, "between").or_else(|| self.func(i, "from")) {
            Some(l) => (l.start, year_word(l.next), &*l.entry.value == "between"),
            None => (self.start(i), i, false),
        };
        let (k, a) = self.year_num(j)?;
        let sep = if between {
            self.and(k)
        } else if self.punct(k, &['-']) {
            k + 1
        } else {
            let k = self.and(k);
            self.func(k, "to").or_else(|| self.func(k, "until"))?.next
        };
        let sep = if sep == k && !between {
            return None;
        } else {
            sep
        };
        let (next, b) = self.year_num(year_word(sep))?;
        if b <= a || (j == i && self.digits(i).is_none_or(|(_, d)| d != 4)) {
            return None;
        }
        // bare numbers are years only in the years' range and when the phrase ends
        // there (من 2000 إلى 3000 شخص is a count)
        let bare = self.digits(j).is_some()
            && self.digits(year_word(sep)).is_some()
            && j == self.func(i, "from").map_or(i, |l| l.next);
        let dashed = self.punct(k, &['-']);
        if bare
            && !((1900..=2100).contains(&a)
                && (1900..=2100).contains(&b)
                && (dashed || self.phrase_ends(next)))
        {
            return None;
        }
        let mk = |y| Expr::Date {
            base: Base::Cal {
                year: Some(YearSpec::Abs {
                    year: y,
                    hijri: false,
                }),
                month: None,
                day: None,
                weekday: None,
                hijri: false,
            },
            part: None,
            daypart: None,
            clock: None,
        };
        self.found(start, next, Expr::Range(Box::new(mk(a)), Box::new(mk(b))))
    }

    /// Whether a phrase ends at token i: punctuation, a line end, the end of text,
    /// or a conjunction.
    fn phrase_ends(&self, i: usize) -> bool {
        self.toks
            .get(i)
            .is_none_or(|t| t.kind == TokenKind::Punct || t.after_newline)
            || self
                .at(i)
                .iter()
                .any(|l| l.entry.kind == Kind::Function && l.conj)
            || self.func(i, "and").is_some()
    }

    /// One end of a date range: a day with its month and year, a month followed by a day
    /// (تموز 13), or a day alone.
    fn range_end(&self, i: usize) -> R<Partial> {
        if let Some((next, p, _)) = self.partial_date(i, false, false)
            && p.day.is_some()
        {
            return Some((next, p));
        }
        if let Some((j, MonthRef::Greg(m))) = self.month_ref(i)
            && let Some((next, (_, d))) = self.day_num(j)
        {
            return Some((
                next,
                Partial {
                    month: Some(m),
                    day: Some(d),
                    ..Partial::default()
                },
            ));
        }
        let (next, (_, d)) = self.day_num(i)?;
        // a lone day may take a month after "من": 27-29 من الشهر الثامن
        let k = self.opt_func(next, "from");
        if let Some((after, MonthRef::Greg(m))) = self.month_ref(k) {
            let (after, year) = match self.year_after(after) {
                Some((n, y)) => (n, Some(y)),
                None => (after, None),
            };
            return Some((
                after,
                Partial {
                    month: Some(m),
                    day: Some(d),
                    year,
                    ..Partial::default()
                },
            ));
        }
        Some((
            next,
            Partial {
                day: Some(d),
                ..Partial::default()
            },
        ))
    }

    /// A future cue in the clause around tokens `[from, to)`: سوف، سـ + imperfect verb,
    /// من المقرر، المرتقب.
    fn future_cue(&self, from: usize, to: usize) -> bool {
        let lo = from.saturating_sub(8);
        let hi = (to + 4).min(self.toks.len());
        let mut k = from;
        while k > lo {
            k -= 1;
            if self.punct(k, &['.', '!', '?', ';', ':', '"']) || self.toks[k + 1].after_newline {
                break;
            }
            if self.is_future_word(k) {
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
            return true;
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
