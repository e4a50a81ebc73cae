//! Resolution: from a parsed [`Expr`] and a reference time to a TIMEX3 value,
//! a half-open interval and a granularity, under a [`Policy`].

use chrono::{Datelike, Days, Duration, Months, NaiveDate, NaiveDateTime, NaiveTime, Weekday};

use super::grammar::{Base, Clock, Dir, Expr, Part, Unit, YearSpec};
use super::{Granularity, Interval, IsoDate, Mod, Policy, TimexType};
use crate::timex::WeekStart;
use crate::timex::hijri;

/// What the resolver knows: the reference instant, its UTC offset, the policy,
/// and (for the narrative policy) the last mentioned date.
#[derive(Debug, Clone)]
pub(crate) struct Context {
    pub dct: Option<NaiveDateTime>,
    pub dct_offset: Option<i32>,
    pub policy: Policy,
    pub anchor: Option<(NaiveDate, usize)>,
    /// The last absolute date mentioned in the document so far, and whether it is in
    /// the current sentence: اليوم التالي and بعد ثلاث سنوات count from it.
    pub mention: Option<(NaiveDate, usize, bool)>,
    /// The granularity of that date (day, month or year).
    pub mention_grain: Option<Granularity>,
    /// The first day of the week for الأسبوع الماضي / هذا الأسبوع / المقبل.
    pub week_start: WeekStart,
    /// The country the document is most about (ISO3), for national days.
    pub country: Option<Box<str>>,
}

/// Where a value came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Source {
    Absolute,
    Dct,
    Anchor(usize),
    None,
}

/// A resolved expression.
#[derive(Debug, Clone)]
pub(crate) struct Resolution {
    pub kind: TimexType,
    pub value: String,
    pub modifier: Option<Mod>,
    pub interval: Option<Interval>,
    pub granularity: Option<Granularity>,
    pub source: Source,
}

/// A calendar unit pinned to a start instant.
#[derive(Debug, Clone)]
struct Moment {
    start: NaiveDateTime,
    end: NaiveDateTime,
    grain: Granularity,
    value: String,
}

fn midnight(d: NaiveDate) -> NaiveDateTime {
    d.and_time(NaiveTime::MIN)
}

fn ymd(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d)
}

fn day_moment(d: NaiveDate) -> Moment {
    Moment {
        start: midnight(d),
        end: midnight(d + Days::new(1)),
        grain: Granularity::Day,
        value: IsoDate(d).to_string(),
    }
}

fn month_moment(y: i32, m: u32) -> Option<Moment> {
    let start = ymd(y, m, 1)?;
    let end = start.checked_add_months(Months::new(1))?;
    Some(Moment {
        start: midnight(start),
        end: midnight(end),
        grain: Granularity::Month,
        value: format!("{y:04}-{m:02}"),
    })
}

fn year_moment(y: i32) -> Option<Moment> {
    Some(Moment {
        start: midnight(ymd(y, 1, 1)?),
        end: midnight(ymd(y + 1, 1, 1)?),
        grain: Granularity::Year,
        value: format!("{y:04}"),
    })
}

fn week_moment(monday: NaiveDate) -> Moment {
    let w = monday.iso_week();
    Moment {
        start: midnight(monday),
        end: midnight(monday + Days::new(7)),
        grain: Granularity::Week,
        value: format!("{:04}-W{:02}", w.year(), w.week()),
    }
}

/// A week of the week-start setting from its first day: the exact seven days, valued as
/// the ISO week holding most of them (the one of its fourth day).
fn local_week_moment(first: NaiveDate) -> Moment {
    let w = (first + Days::new(3)).iso_week();
    Moment {
        start: midnight(first),
        end: midnight(first + Days::new(7)),
        grain: Granularity::Week,
        value: format!("{:04}-W{:02}", w.year(), w.week()),
    }
}

fn monday_of(d: NaiveDate) -> NaiveDate {
    d - Days::new(u64::from(d.weekday().num_days_from_monday()))
}

fn weekday_of(n: u32) -> Weekday {
    match n {
        1 => Weekday::Mon,
        2 => Weekday::Tue,
        3 => Weekday::Wed,
        4 => Weekday::Thu,
        5 => Weekday::Fri,
        6 => Weekday::Sat,
        _ => Weekday::Sun,
    }
}

fn add_days(d: NaiveDate, n: i64) -> Option<NaiveDate> {
    if n >= 0 {
        d.checked_add_days(Days::new(n as u64))
    } else {
        d.checked_sub_days(Days::new(n.unsigned_abs()))
    }
}

fn add_months(d: NaiveDate, n: i64) -> Option<NaiveDate> {
    if n >= 0 {
        d.checked_add_months(Months::new(u32::try_from(n).ok()?))
    } else {
        d.checked_sub_months(Months::new(u32::try_from(n.unsigned_abs()).ok()?))
    }
}

/// Easter Sunday (Gregorian computus).
fn easter(y: i32) -> Option<NaiveDate> {
    let a = y % 19;
    let b = y / 100;
    let c = y % 100;
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    ymd(y, month as u32, day as u32)
}

impl Context {
    /// The reference date for relative expressions (the DCT, or the anchor in narrative mode).
    fn reference(&self) -> Option<(NaiveDate, Source)> {
        if self.policy == Policy::Narrative
            && let Some((d, id)) = self.anchor
        {
            return Some((d, Source::Anchor(id)));
        }
        self.dct.map(|d| (d.date(), Source::Dct))
    }

    fn ref_datetime(&self) -> Option<NaiveDateTime> {
        match (self.policy, self.anchor) {
            (Policy::Narrative, Some((d, _))) => Some(midnight(d)),
            _ => self.dct,
        }
    }

    /// Resolves one expression. `future` says whether a future cue governs its clause.
    pub(crate) fn resolve(&self, expr: &Expr, future: bool, modifier: Option<Mod>) -> Resolution {
        let mut r = self.resolve_inner(expr, future);
        if r.modifier.is_none() {
            r.modifier = modifier;
        }
        r
    }

    fn resolve_inner(&self, expr: &Expr, future: bool) -> Resolution {
        match expr {
            Expr::Now => match self.ref_datetime() {
                Some(now) => Resolution {
                    kind: TimexType::Date,
                    value: "PRESENT_REF".into(),
                    modifier: None,
                    interval: Some(Interval {
                        start: now,
                        end: now + Duration::seconds(1),
                    }),
                    granularity: Some(Granularity::Second),
                    source: Source::Dct,
                },
                None => unresolved(TimexType::Date, "PRESENT_REF".into(), None),
            },
            Expr::Vague(code) => {
                let interval = self.reference().map(|(d, _)| match *code {
                    "PAST_REF" => Interval {
                        start: midnight(d - Days::new(30)),
                        end: midnight(d),
                    },
                    "FUTURE_REF" => Interval {
                        start: midnight(d + Days::new(1)),
                        end: midnight(d + Days::new(31)),
                    },
                    _ => Interval {
                        start: midnight(d),
                        end: midnight(d + Days::new(1)),
                    },
                });
                let source = if interval.is_some() {
                    Source::Dct
                } else {
                    Source::None
                };
                Resolution {
                    kind: TimexType::Date,
                    value: (*code).into(),
                    modifier: None,
                    interval,
                    granularity: None,
                    source,
                }
            }
            Expr::Duration {
                amount,
                unit,
                within,
            } => self.duration(*amount, *unit, *within, future),
            Expr::Set {
                unit,
                weekday,
                date,
                daypart,
            } => {
                let value = match (unit, weekday, date, daypart) {
                    (_, _, Some((m, d)), _) => format!("XXXX-{m:02}-{d:02}"),
                    (_, Some(wd), None, None) => format!("XXXX-WXX-{wd}"),
                    (_, Some(wd), None, Some(dp)) => format!("XXXX-WXX-{wd}T{dp}"),
                    (_, None, None, Some("WE")) => "XXXX-WXX-WE".into(),
                    (_, None, None, Some(dp)) => format!("XXXX-XX-XXT{dp}"),
                    (Some(u), None, None, None) => duration_value(Some(1.0), *u),
                    _ => "P1D".into(),
                };
                Resolution {
                    kind: TimexType::Set,
                    value,
                    modifier: None,
                    interval: None,
                    granularity: None,
                    source: Source::Absolute,
                }
            }
            Expr::Range(a, b) => {
                let ra = self.resolve_inner(a, future);
                let rb = self.resolve_inner(b, future);
                let interval = match (ra.interval, rb.interval) {
                    (Some(x), Some(y)) if y.end > x.start => Some(Interval {
                        start: x.start,
                        end: y.end,
                    }),
                    _ => None,
                };
                let source = if ra.source == Source::Absolute && rb.source == Source::Absolute {
                    Source::Absolute
                } else {
                    ra.source
                };
                Resolution {
                    kind: ra.kind,
                    value: format!("{}/{}", ra.value, rb.value),
                    modifier: None,
                    interval,
                    granularity: ra.granularity,
                    source,
                }
            }
            Expr::Date {
                base,
                part,
                daypart,
                clock,
            } => self.date(base, *part, *daypart, clock.as_ref(), future),
        }
    }

    fn duration(
        &self,
        amount: Option<f64>,
        unit: Unit,
        within: Option<Dir>,
        future: bool,
    ) -> Resolution {
        let value = duration_value(amount, unit);
        let interval = within.and_then(|dir| {
            let now = self.ref_datetime()?;
            let n = amount.unwrap_or(1.0);
            let forward = match dir {
                Dir::Past | Dir::Last => false,
                Dir::Next => true,
                Dir::Current => future || self.policy == Policy::Colloquial,
            };
            if forward {
                let end = shift_datetime(now, n, unit)?;
                // Duckling's reading: up to the start of the day after
                let end = if unit >= Unit::Day {
                    midnight(end.date())
                } else {
                    end
                };
                // never before now: "within 0 days" or half a day from the morning would
                // end at today's midnight, before the interval starts (found by fuzzing)
                Some(Interval {
                    start: now,
                    end: end.max(now),
                })
            } else {
                let start = shift_datetime(midnight(now.date()), -n, unit)?;
                Some(Interval {
                    start,
                    end: midnight(now.date()),
                })
            }
        });
        let source = if interval.is_some() {
            Source::Dct
        } else {
            Source::Absolute
        };
        Resolution {
            kind: TimexType::Duration,
            value,
            modifier: None,
            interval,
            granularity: None,
            source,
        }
    }

    fn date(
        &self,
        base: &Base,
        part: Option<Part>,
        daypart: Option<&'static str>,
        clock: Option<&Clock>,
        future: bool,
    ) -> Resolution {
        let resolved = self.base(base, future);
        let (moment, source) = match resolved {
            Ok(x) => x,
            Err(placeholder) => {
                let kind = if clock.is_some() || daypart.is_some() {
                    TimexType::Time
                } else {
                    TimexType::Date
                };
                let mut value = placeholder;
                if let Some(c) = clock {
                    value.push_str(&clock_suffix(c.hour, c.minute, c.second));
                } else if let Some(dp) = daypart {
                    value.push('T');
                    value.push_str(dp);
                }
                return unresolved(kind, value, part.map(part_mod));
            }
        };
        let (kind, value, interval, grain, modifier) = match (part, daypart, clock) {
            (_, _, Some(c)) => {
                let is_today = matches!(base, Base::Today);
                match self.clock_moment(moment.start.date(), c, is_today) {
                    Some(m) => (
                        TimexType::Time,
                        m.value,
                        Interval {
                            start: m.start,
                            end: m.end,
                        },
                        m.grain,
                        None,
                    ),
                    None => return unresolved(TimexType::Time, "XXXX-XX-XXTXX:XX".into(), None),
                }
            }
            (_, Some(dp), None) => {
                let d = moment.start.date();
                let (h0, h1) = daypart_hours(dp);
                let start = midnight(d) + Duration::hours(h0);
                let end = midnight(d) + Duration::hours(h1);
                (
                    TimexType::Time,
                    format!("{}T{}", moment.value, dp),
                    Interval { start, end },
                    Granularity::PartOfDay,
                    None,
                )
            }
            (Some(p), None, None) => {
                let interval = part_interval(&moment, p);
                (
                    TimexType::Date,
                    moment.value.clone(),
                    interval,
                    moment.grain,
                    Some(part_mod(p)),
                )
            }
            (None, None, None) => {
                let kind = if matches!(base, Base::Span { .. }) {
                    TimexType::Duration
                } else {
                    TimexType::Date
                };
                (
                    kind,
                    moment.value.clone(),
                    Interval {
                        start: moment.start,
                        end: moment.end,
                    },
                    moment.grain,
                    None,
                )
            }
        };
        // a vague reference (قبل أيام) has an interval to order by, but no granularity
        let granularity = (!matches!(base, Base::VagueShift { .. })).then_some(grain);
        Resolution {
            kind,
            value,
            modifier,
            interval: Some(interval),
            granularity,
            source,
        }
    }

    /// A clock time on a date, in the DCT's zone when a zone was named.
    fn clock_moment(&self, date: NaiveDate, c: &Clock, is_today: bool) -> Option<Moment> {
        let mut hour = c.hour;
        match c.daypart {
            Some("MO") => {
                if hour == 12 {
                    hour = 0;
                }
            }
            Some("MI") => {
                if hour < 12 {
                    hour += 12;
                }
            }
            Some("AF") | Some("EV") => {
                if hour < 12 {
                    hour += 12;
                }
            }
            Some("NI") => {
                if (6..12).contains(&hour) {
                    hour += 12;
                } else if hour == 12 {
                    hour = 0;
                }
            }
            _ => {
                // no part of day: colloquial reads an ambiguous 12-hour time as the next one
                if self.policy == Policy::Colloquial
                    && is_today
                    && (1..=12).contains(&hour)
                    && let Some(now) = self.dct
                {
                    let minute = c.minute.unwrap_or(0);
                    let first = NaiveTime::from_hms_opt(hour % 24, minute, 0)?;
                    if date.and_time(first) < now && hour < 12 {
                        hour += 12;
                    }
                }
            }
        }
        if hour == 24 {
            hour = 0;
        }
        let time = NaiveTime::from_hms_opt(hour, c.minute.unwrap_or(0), c.second.unwrap_or(0))?;
        let mut start = date.and_time(time);
        if let (Some(tz), Some(local)) = (c.tz, self.dct_offset) {
            start += Duration::minutes(i64::from(local - tz));
        }
        let (grain, step) = if c.second.is_some() {
            (Granularity::Second, Duration::seconds(1))
        } else if c.minute.is_some() {
            (Granularity::Minute, Duration::minutes(1))
        } else {
            (Granularity::Hour, Duration::hours(1))
        };
        let mut value = IsoDate(start.date()).to_string();
        value.push_str(&clock_suffix(
            start.hour(),
            c.minute.map(|_| start.minute()),
            c.second.map(|_| start.second()),
        ));
        if let (Some(tz), None) = (c.tz, self.dct_offset) {
            value.push_str(&format_offset(tz));
        }
        Some(Moment {
            start,
            end: start + step,
            grain,
            value,
        })
    }

    /// Resolves a base to a calendar unit, or returns the X-placeholder value when
    /// the reference it needs is missing.
    fn base(&self, base: &Base, future: bool) -> Result<(Moment, Source), String> {
        let reference = self.reference();
        let need = |placeholder: &str| -> Result<(NaiveDate, Source), String> {
            reference.ok_or_else(|| placeholder.to_string())
        };
        let bad = || "XXXX-XX-XX".to_string();
        match base {
            Base::Today => {
                let (d, s) = need("XXXX-XX-XX")?;
                Ok((day_moment(d), s))
            }
            Base::FromMention(n) => {
                let (d, s) = match self.mention {
                    Some((d, id, _)) => (d, Source::Anchor(id)),
                    None => need("XXXX-XX-XX")?,
                };
                Ok((day_moment(add_days(d, *n).ok_or_else(bad)?), s))
            }
            Base::Mentioned { unit, day } => {
                let placeholder = match (unit, day) {
                    (Unit::Year, _) => "XXXX",
                    (Unit::Month, None) => "XXXX-XX",
                    (Unit::Week, _) => "XXXX-WXX",
                    _ => "XXXX-XX-XX",
                };
                let Some((d, id, _)) = self.mention else {
                    return Err(placeholder.to_string());
                };
                // a day needs a day: after «في مارس» «ذلك اليوم» is unknown
                if *unit == Unit::Day && self.mention_grain != Some(Granularity::Day) {
                    return Err(placeholder.to_string());
                }
                let m = match (unit, day) {
                    (_, Some(n)) => day_moment(ymd(d.year(), d.month(), *n).ok_or_else(bad)?),
                    (Unit::Week, None) => local_week_moment(self.week_start.week_of(d)),
                    (Unit::Month, None) => month_moment(d.year(), d.month()).ok_or_else(bad)?,
                    (Unit::Year, None) => year_moment(d.year()).ok_or_else(bad)?,
                    _ => day_moment(d),
                };
                Ok((m, Source::Anchor(id)))
            }
            Base::Deictic(n) => {
                let (d, s) = need("XXXX-XX-XX")?;
                Ok((day_moment(add_days(d, *n).ok_or_else(bad)?), s))
            }
            Base::Cal {
                year,
                month,
                day,
                weekday,
                hijri: true,
            } => self.hijri(*year, *month, *day, *weekday, future),
            Base::Cal {
                year,
                month,
                day,
                weekday,
                hijri: false,
            } => self.gregorian(*year, *month, *day, *weekday, future),
            Base::DayOfRelMonth { day, offset, .. } => {
                let (d, s) = need("XXXX-XX-XX")?;
                let first = add_months(ymd(d.year(), d.month(), 1).ok_or_else(bad)?, *offset)
                    .ok_or_else(bad)?;
                let date = ymd(first.year(), first.month(), *day).ok_or_else(bad)?;
                Ok((day_moment(date), s))
            }
            Base::RelMonth(offset) => {
                let (d, s) = need("XXXX-XX")?;
                let first = add_months(ymd(d.year(), d.month(), 1).ok_or_else(bad)?, *offset)
                    .ok_or_else(bad)?;
                Ok((
                    month_moment(first.year(), first.month()).ok_or_else(bad)?,
                    s,
                ))
            }
            Base::Unit { unit, offset } => {
                let (d, s) = need(unit_placeholder(*unit))?;
                if *unit == Unit::Week {
                    let first = add_days(self.week_start.week_of(d), 7 * offset).ok_or_else(bad)?;
                    return Ok((local_week_moment(first), s));
                }
                Ok((unit_moment(d, *unit, *offset).ok_or_else(bad)?, s))
            }
            // في يوم خميس: some Thursday (the colloquial policy reads the next one)
            Base::SomeWeekday(wd) => {
                if self.policy == Policy::Colloquial {
                    let definite = Base::Weekday {
                        weekday: *wd,
                        week_offset: None,
                        dir: None,
                        this: false,
                    };
                    return self.base(&definite, future);
                }
                Err(format!("XXXX-WXX-{wd}"))
            }
            Base::Weekday {
                weekday,
                week_offset,
                dir,
                this,
            } => {
                let (d, s) = need("XXXX-XX-XX")?;
                let target = weekday_of(*weekday);
                let date = match (week_offset, dir) {
                    (Some(k), _) => add_days(
                        monday_of(d),
                        7 * k + i64::from(target.num_days_from_monday()),
                    ),
                    (None, Some(Dir::Past)) => Some(
                        d - Days::new(
                            u64::from(d.weekday().days_since(target)).max(1)
                                + if d.weekday() == target { 6 } else { 0 },
                        ),
                    ),
                    (None, Some(Dir::Next)) => Some(
                        d + Days::new(
                            u64::from(target.days_since(d.weekday())).max(1)
                                + if d.weekday() == target { 6 } else { 0 },
                        ),
                    ),
                    _ => Some(self.bare_weekday(d, target, future, *this)),
                };
                Ok((day_moment(date.ok_or_else(bad)?), s))
            }
            Base::Shift {
                amount,
                unit,
                approx,
            } => {
                // بعد ثلاث سنوات after a date in the same sentence counts from that date
                let (now, s) = match self.mention {
                    Some((d, id, true)) if *amount > 0 && *unit >= Unit::Day => {
                        (midnight(d), Source::Anchor(id))
                    }
                    _ => (
                        self.ref_datetime().ok_or_else(bad)?,
                        reference.map_or(Source::Dct, |r| r.1),
                    ),
                };
                let shifted = shift_datetime(now, *amount as f64, *unit).ok_or_else(bad)?;
                let m = match unit {
                    Unit::Second | Unit::Minute | Unit::Hour => {
                        let start = shifted.with_second(0).unwrap_or(shifted);
                        let mut value = IsoDate(start.date()).to_string();
                        value.push_str(&clock_suffix(start.hour(), Some(start.minute()), None));
                        Moment {
                            start,
                            end: start + Duration::minutes(1),
                            grain: Granularity::Minute,
                            value,
                        }
                    }
                    // about a week ago: that week, the day is not known
                    Unit::Week if *approx => {
                        local_week_moment(self.week_start.week_of(shifted.date()))
                    }
                    Unit::Day | Unit::Week => day_moment(shifted.date()),
                    Unit::Month | Unit::Quarter => {
                        month_moment(shifted.year(), shifted.month()).ok_or_else(bad)?
                    }
                    // the unit's grain: منذ سبعة عقود → 195, قبل قرنين → 18
                    Unit::Decade | Unit::Century => {
                        unit_moment(shifted.date(), *unit, 0).ok_or_else(bad)?
                    }
                    _ => year_moment(shifted.year()).ok_or_else(bad)?,
                };
                Ok((m, s))
            }
            Base::VagueShift { sign, unit } => {
                let (d, s) = need(if *sign < 0 { "PAST_REF" } else { "FUTURE_REF" })?;
                let (lo, hi) = if *sign < 0 { (-10.0, 0.0) } else { (1.0, 11.0) };
                let start =
                    shift_datetime(midnight(d), lo, (*unit).max(Unit::Day)).ok_or_else(bad)?;
                let end = if *sign < 0 {
                    midnight(d)
                } else {
                    shift_datetime(midnight(d), hi, (*unit).max(Unit::Day)).ok_or_else(bad)?
                };
                let start = if *sign > 0 {
                    midnight(d + Days::new(1))
                } else {
                    start
                };
                let value = if *sign < 0 { "PAST_REF" } else { "FUTURE_REF" };
                Ok((
                    Moment {
                        start,
                        end,
                        grain: Granularity::Day,
                        value: value.into(),
                    },
                    s,
                ))
            }
            Base::NthWeekday { n, weekday, of } => {
                let (m, s) = self.base(of, future)?;
                let target = weekday_of(*weekday);
                let first = m.start.date();
                let last = m.end.date() - Days::new(1);
                let date = if *n > 0 {
                    let first_match =
                        first + Days::new(u64::from(target.days_since(first.weekday())));
                    first_match + Days::new(7 * (*n as u64 - 1))
                } else {
                    last - Days::new(u64::from(last.weekday().days_since(target)))
                };
                if date > last {
                    return Err(bad());
                }
                Ok((day_moment(date), s))
            }
            Base::NthUnit { n, unit, of } => {
                let (m, s) = self.base(of, future)?;
                let first = m.start.date();
                let end = m.end.date();
                match unit {
                    Unit::Week => {
                        let first_monday =
                            first + Days::new(u64::from(Weekday::Mon.days_since(first.weekday())));
                        let monday = if *n > 0 {
                            first_monday + Days::new(7 * (*n as u64 - 1))
                        } else {
                            let last_full = end - Days::new(7);
                            last_full
                                - Days::new(u64::from(last_full.weekday().days_since(Weekday::Mon)))
                        };
                        Ok((week_moment(monday), s))
                    }
                    _ => {
                        let date = if *n > 0 {
                            first + Days::new(*n as u64 - 1)
                        } else {
                            end - Days::new(1)
                        };
                        if date >= end {
                            return Err(bad());
                        }
                        Ok((day_moment(date), s))
                    }
                }
            }
            Base::PartOfYear { quarter, n, of } => {
                let (y, s) = match of {
                    Some(b) => {
                        let (m, s) = self.base(b, future)?;
                        (m.start.year(), s)
                    }
                    None => {
                        let (d, s) = need("XXXX")?;
                        (d.year(), s)
                    }
                };
                let count = if *quarter { 4 } else { 2 };
                let k = if *n < 0 { count } else { *n };
                if !(1..=count).contains(&k) {
                    return Err(bad());
                }
                let months = 12 / count;
                let start = ymd(y, (1 + (k - 1) * months) as u32, 1).ok_or_else(bad)?;
                let end = add_months(start, months).ok_or_else(bad)?;
                let value = format!("{y:04}-{}{k}", if *quarter { 'Q' } else { 'H' });
                let grain = if *quarter {
                    Granularity::Quarter
                } else {
                    Granularity::Half
                };
                Ok((
                    Moment {
                        start: midnight(start),
                        end: midnight(end),
                        grain,
                        value,
                    },
                    s,
                ))
            }
            Base::Season { code, of } => {
                let (y, s) = match of {
                    Some(b) => {
                        let (m, s) = self.base(b, future)?;
                        (m.start.year(), s)
                    }
                    None => {
                        let (d, s) = need(code)?;
                        (d.year(), s)
                    }
                };
                let (m0, len) = match *code {
                    "SP" => (3, 3),
                    "SU" => (6, 3),
                    "FA" => (9, 3),
                    _ => (12, 3),
                };
                let start = ymd(y, m0, 1).ok_or_else(bad)?;
                let end = add_months(start, len).ok_or_else(bad)?;
                Ok((
                    Moment {
                        start: midnight(start),
                        end: midnight(end),
                        grain: Granularity::Season,
                        value: format!("{y:04}-{code}"),
                    },
                    s,
                ))
            }
            Base::Holiday { rule, year } => self.holiday(rule, *year, future),
            Base::Decade { digit, century } => {
                let (start_year, s) = match century {
                    Some(YearSpec::Abs { year: c, .. }) => {
                        ((c - 1) * 100 + digit * 10, Source::Absolute)
                    }
                    Some(YearSpec::Rel(k)) => {
                        let (d, s) = need("XXX")?;
                        let c = d.year().div_euclid(100) + *k as i32;
                        (c * 100 + digit * 10, s)
                    }
                    _ => {
                        let (d, s) = need("XXX")?;
                        let this = d.year().div_euclid(100) * 100 + digit * 10;
                        (if this > d.year() { this - 100 } else { this }, s)
                    }
                };
                let start = midnight(ymd(start_year, 1, 1).ok_or_else(bad)?);
                let end = midnight(ymd(start_year + 10, 1, 1).ok_or_else(bad)?);
                Ok((
                    Moment {
                        start,
                        end,
                        grain: Granularity::Decade,
                        value: format!("{:03}", start_year / 10),
                    },
                    s,
                ))
            }
            Base::Century(n) => {
                let c0 = n - 1;
                Ok((
                    Moment {
                        start: midnight(ymd(c0 * 100, 1, 1).ok_or_else(bad)?),
                        end: midnight(ymd(c0 * 100 + 100, 1, 1).ok_or_else(bad)?),
                        grain: Granularity::Century,
                        value: format!("{c0:02}"),
                    },
                    Source::Absolute,
                ))
            }
            Base::Span { count, unit, dir } => {
                let (d, s) = need(&duration_value(Some(*count as f64), *unit))?;
                let u = (*unit).max(Unit::Day);
                let (start, end) = if u == Unit::Day {
                    match dir {
                        Dir::Next => (add_days(d, 1), add_days(d, 1 + count)),
                        _ => (add_days(d, -count), Some(d)),
                    }
                } else {
                    // the first day of the unit `k` units from the reference's (weeks from
                    // the week start)
                    let first_of = |k: i64| {
                        if u == Unit::Week {
                            add_days(self.week_start.week_of(d), 7 * k)
                        } else {
                            unit_moment(d, u, k).map(|m| m.start.date())
                        }
                    };
                    match dir {
                        Dir::Next => (first_of(1), first_of(1 + count)),
                        _ => (first_of(-count), first_of(0)),
                    }
                };
                let (start, end) = (start.ok_or_else(bad)?, end.ok_or_else(bad)?);
                Ok((
                    Moment {
                        start: midnight(start),
                        end: midnight(end),
                        grain: unit_granularity(u),
                        value: duration_value(Some(*count as f64), *unit),
                    },
                    s,
                ))
            }
        }
    }

    /// A bare weekday. news: the latest on or before the reference, unless the clause
    /// is future; colloquial: the next one after today; `this`: within the current week.
    fn bare_weekday(&self, d: NaiveDate, target: Weekday, future: bool, this: bool) -> NaiveDate {
        let forward = future || self.policy == Policy::Colloquial;
        if forward {
            let ahead = u64::from(target.days_since(d.weekday()));
            let ahead = if ahead == 0 && (self.policy == Policy::Colloquial || this) {
                7
            } else {
                ahead
            };
            d + Days::new(ahead)
        } else {
            d - Days::new(u64::from(d.weekday().days_since(target)))
        }
    }

    fn gregorian(
        &self,
        year: Option<YearSpec>,
        month: Option<u32>,
        day: Option<u32>,
        weekday: Option<u32>,
        future: bool,
    ) -> Result<(Moment, Source), String> {
        let bad = || "XXXX-XX-XX".to_string();
        let placeholder = match (month, day) {
            (Some(m), Some(d)) => format!("XXXX-{m:02}-{d:02}"),
            (Some(m), None) => format!("XXXX-{m:02}"),
            (None, Some(d)) => format!("XXXX-XX-{d:02}"),
            (None, None) => "XXXX".into(),
        };
        let reference = self.reference();
        let (y, source) = match year {
            Some(YearSpec::Abs { year, .. }) => (year, Source::Absolute),
            Some(YearSpec::Rel(k)) => {
                let (d, s) = reference.ok_or(placeholder)?;
                (d.year() + k as i32, s)
            }
            Some(YearSpec::Dir(dir)) => {
                let (d, s) = reference.ok_or(placeholder)?;
                let m = month.unwrap_or(d.month());
                let key = (m, day.unwrap_or(1));
                let now = (d.month(), if day.is_some() { d.day() } else { 1 });
                let y = match dir {
                    Dir::Past | Dir::Last => {
                        if key < now {
                            d.year()
                        } else {
                            d.year() - 1
                        }
                    }
                    Dir::Next => {
                        if key > now {
                            d.year()
                        } else {
                            d.year() + 1
                        }
                    }
                    Dir::Current => d.year(),
                };
                (y, s)
            }
            None => {
                let (d, s) = reference.ok_or(placeholder.clone())?;
                match (month, day) {
                    (None, Some(dd)) => {
                        // a day of the current month; with a weekday that does not fit and a
                        // small number it is the n-th weekday instead (الأحد الثاني)
                        let first = ymd(d.year(), d.month(), 1).ok_or_else(bad)?;
                        if let Some(wd) = weekday {
                            let target = weekday_of(wd);
                            let fits =
                                ymd(d.year(), d.month(), dd).is_some_and(|x| x.weekday() == target);
                            if !fits && dd <= 5 {
                                let first_match = first
                                    + Days::new(u64::from(target.days_since(first.weekday())));
                                let date = first_match + Days::new(7 * (u64::from(dd) - 1));
                                return Ok((day_moment(date), s));
                            }
                        }
                        let date = ymd(d.year(), d.month(), dd).ok_or_else(bad)?;
                        return Ok((day_moment(date), s));
                    }
                    (Some(m), dd) => (self.year_for(d, m, dd, weekday, future), s),
                    (None, None) => return Err(placeholder),
                }
            }
        };
        let m = match (month, day) {
            (Some(m), Some(dd)) => day_moment(ymd(y, m, dd).ok_or_else(bad)?),
            (Some(m), None) => month_moment(y, m).ok_or_else(bad)?,
            (None, None) => year_moment(y).ok_or_else(bad)?,
            (None, Some(_)) => return Err(bad()),
        };
        Ok((m, source))
    }

    /// The year of a month (and day) given without one.
    fn year_for(
        &self,
        d: NaiveDate,
        m: u32,
        day: Option<u32>,
        weekday: Option<u32>,
        future: bool,
    ) -> i32 {
        // a weekday pins the year: الثلاثاء 13 أبريل
        if let (Some(wd), Some(dd)) = (weekday, day) {
            let target = weekday_of(wd);
            let fits: Vec<i32> = [d.year(), d.year() - 1, d.year() + 1]
                .into_iter()
                .filter(|y| ymd(*y, m, dd).is_some_and(|x| x.weekday() == target))
                .collect();
            if let Some(y) = fits.first() {
                return *y;
            }
        }
        match self.policy {
            Policy::Colloquial => d.year(),
            _ => {
                let key = (m, day.unwrap_or(1));
                let now = (d.month(), if day.is_some() { d.day() } else { 1 });
                if future {
                    if key >= now { d.year() } else { d.year() + 1 }
                } else if key <= now {
                    d.year()
                } else {
                    d.year() - 1
                }
            }
        }
    }

    fn hijri(
        &self,
        year: Option<YearSpec>,
        month: Option<u32>,
        day: Option<u32>,
        _weekday: Option<u32>,
        future: bool,
    ) -> Result<(Moment, Source), String> {
        let bad = || "XXXX-XX-XX".to_string();
        let hijri_moment = |hy: i32, m: Option<u32>, d: Option<u32>| -> Option<Moment> {
            match (m, d) {
                // the 30th of a month the Umm al-Qura table gives 29 days (a sighting
                // ahead of the table) is the day after the 29th
                (Some(m), Some(d)) => hijri::to_gregorian(hy, m, d)
                    .or_else(|| {
                        (d == 30)
                            .then(|| hijri::to_gregorian(hy, m, 29))
                            .flatten()
                            .map(|x| x + Days::new(1))
                    })
                    .map(day_moment),
                (Some(m), None) => {
                    let (s, e) = hijri::month_interval(hy, m)?;
                    Some(Moment {
                        start: midnight(s),
                        end: midnight(e),
                        grain: Granularity::Month,
                        value: gregorian_month_value(s, e),
                    })
                }
                _ => {
                    let (s, e) = hijri::year_interval(hy)?;
                    Some(Moment {
                        start: midnight(s),
                        end: midnight(e),
                        grain: Granularity::Year,
                        value: gregorian_year_value(s, e),
                    })
                }
            }
        };
        match year {
            Some(YearSpec::Abs { year, hijri: true }) => Ok((
                hijri_moment(year, month, day).ok_or_else(bad)?,
                Source::Absolute,
            )),
            Some(YearSpec::Abs { year, hijri: false }) => {
                // رمضان 2019: the Hijri month that starts in that Gregorian year
                let m = month.ok_or_else(bad)?;
                let mid = ymd(year, 7, 1).ok_or_else(bad)?;
                let (hy, _, _) = hijri::from_gregorian(mid);
                for cand in [hy - 1, hy, hy + 1] {
                    if let Some(x) = hijri_moment(cand, Some(m), day)
                        && x.start.year() == year
                    {
                        return Ok((x, Source::Absolute));
                    }
                }
                Err(bad())
            }
            other => {
                let (d, s) = self.reference().ok_or_else(|| "XXXX".to_string())?;
                let (hy, _, _) = hijri::from_gregorian(d);
                let m = month.ok_or_else(bad)?;
                let cands: Vec<Moment> = [hy - 1, hy, hy + 1]
                    .into_iter()
                    .filter_map(|y| hijri_moment(y, Some(m), day))
                    .collect();
                let now = midnight(d);
                let pick = match other {
                    Some(YearSpec::Dir(Dir::Past)) | Some(YearSpec::Dir(Dir::Last)) => {
                        cands.iter().rev().find(|c| c.end <= now).cloned()
                    }
                    Some(YearSpec::Dir(Dir::Next)) => cands.iter().find(|c| c.start > now).cloned(),
                    Some(YearSpec::Rel(k)) => hijri_moment(hy + k as i32, Some(m), day),
                    _ => {
                        if self.policy == Policy::Colloquial || future {
                            cands.iter().find(|c| c.end > now).cloned()
                        } else if day.is_some() {
                            // hijri_day_nearest: a Hijri day without its year is the nearest
                            // one (news of a sighting: «يكون فاتح شوال» is tomorrow, not
                            // last year's)
                            cands
                                .iter()
                                .min_by_key(|c| (c.start - now).num_days().abs())
                                .cloned()
                        } else {
                            cands.iter().rev().find(|c| c.start <= now).cloned()
                        }
                    }
                };
                Ok((pick.ok_or_else(bad)?, s))
            }
        }
    }

    fn holiday(
        &self,
        rule: &str,
        year: Option<YearSpec>,
        future: bool,
    ) -> Result<(Moment, Source), String> {
        let bad = || "XXXX-XX-XX".to_string();
        // a national day: the rule of the document's country, else no value
        if let Some(alternatives) = rule.strip_prefix("country:") {
            let country = self.country.as_deref().ok_or_else(bad)?;
            let own = alternatives
                .split('|')
                .find_map(|a| a.strip_prefix(country)?.strip_prefix('='))
                .ok_or_else(bad)?;
            return self.holiday(own, year, future);
        }
        let on = |y: i32| -> Vec<NaiveDate> {
            if let Some(md) = rule.strip_prefix("fixed:") {
                let (m, d) = md.split_once('-').unwrap_or(("1", "1"));
                ymd(y, m.parse().unwrap_or(1), d.parse().unwrap_or(1))
                    .into_iter()
                    .collect()
            } else if let Some(md) = rule.strip_prefix("hijri:") {
                let (m, d) = md.split_once('-').unwrap_or(("1", "1"));
                let (m, d) = (m.parse().unwrap_or(1), d.parse().unwrap_or(1));
                let (hy, _, _) = hijri::from_gregorian(ymd(y, 7, 1).unwrap_or_default());
                [hy - 1, hy, hy + 1]
                    .into_iter()
                    .filter_map(|h| hijri::to_gregorian(h, m, d))
                    .filter(|g| g.year() == y)
                    .collect()
            } else {
                easter(y).into_iter().collect()
            }
        };
        if let Some(YearSpec::Abs { year, .. }) = year {
            let date = *on(year).first().ok_or_else(bad)?;
            return Ok((day_moment(date), Source::Absolute));
        }
        let (d, s) = self.reference().ok_or_else(bad)?;
        let all: Vec<NaiveDate> = [d.year() - 1, d.year(), d.year() + 1]
            .into_iter()
            .flat_map(on)
            .collect();
        let date = if self.policy == Policy::Colloquial || future {
            all.iter().find(|x| **x >= d).copied()
        } else {
            all.iter()
                .min_by_key(|x| (**x - d).num_days().abs())
                .copied()
        };
        Ok((day_moment(date.ok_or_else(bad)?), s))
    }
}

fn unresolved(kind: TimexType, value: String, modifier: Option<Mod>) -> Resolution {
    Resolution {
        kind,
        value,
        modifier,
        interval: None,
        granularity: None,
        source: Source::None,
    }
}

fn part_mod(p: Part) -> Mod {
    match p {
        Part::Start => Mod::Start,
        Part::Mid => Mod::Mid,
        Part::End => Mod::End,
    }
}

/// The first, middle or last third of a period: days 1–10, 11–20, 21–end of a month;
/// January–April, May–August, September–December of a year; thirds of other periods by day.
fn part_interval(m: &Moment, p: Part) -> Interval {
    let (s, e) = (m.start, m.end);
    let (a, b) = match m.grain {
        Granularity::Month => {
            let d = s.date();
            let day11 = midnight(d + Days::new(10));
            let day21 = midnight(d + Days::new(20));
            match p {
                Part::Start => (s, day11),
                Part::Mid => (day11, day21),
                Part::End => (day21, e),
            }
        }
        Granularity::Year => {
            let d = s.date();
            let may = midnight(add_months(d, 4).unwrap_or(d));
            let sep = midnight(add_months(d, 8).unwrap_or(d));
            match p {
                Part::Start => (s, may),
                Part::Mid => (may, sep),
                Part::End => (sep, e),
            }
        }
        _ => {
            let total = (e - s).num_seconds();
            let third = if total >= 3 * 86_400 {
                Duration::days((total / 86_400) / 3)
            } else {
                Duration::seconds(total / 3)
            };
            match p {
                Part::Start => (s, s + third),
                Part::Mid => (s + third, e - third),
                Part::End => (e - third, e),
            }
        }
    };
    Interval { start: a, end: b }
}

fn daypart_hours(code: &str) -> (i64, i64) {
    match code {
        "MO" => (4, 12),
        "MI" => (12, 13),
        "AF" => (12, 18),
        "EV" => (18, 24),
        _ => (18, 24),
    }
}

fn clock_suffix(hour: u32, minute: Option<u32>, second: Option<u32>) -> String {
    match (minute, second) {
        (Some(m), Some(s)) => format!("T{hour:02}:{m:02}:{s:02}"),
        (Some(m), None) => format!("T{hour:02}:{m:02}"),
        _ => format!("T{hour:02}:00"),
    }
}

fn format_offset(minutes: i32) -> String {
    if minutes == 0 {
        return "Z".into();
    }
    let sign = if minutes < 0 { '-' } else { '+' };
    let m = minutes.abs();
    format!("{sign}{:02}:{:02}", m / 60, m % 60)
}

/// The TIMEX3 value of a Hijri month `[s, e)`: the Gregorian month that holds most of
/// its days (the interval keeps the exact span). A tie goes to the earlier month.
fn gregorian_month_value(s: NaiveDate, e: NaiveDate) -> String {
    let mut best = (0i64, s.year(), s.month());
    let mut d = s;
    while d < e {
        let first = NaiveDate::from_ymd_opt(d.year(), d.month(), 1).unwrap_or(d);
        let next = first.checked_add_months(Months::new(1)).unwrap_or(e).min(e);
        let days = (next - d).num_days();
        if days > best.0 {
            best = (days, d.year(), d.month());
        }
        d = next;
    }
    format!("{:04}-{:02}", best.1, best.2)
}

/// The TIMEX3 value of a Hijri year `[s, e)`: the Gregorian year holding most of its days.
fn gregorian_year_value(s: NaiveDate, e: NaiveDate) -> String {
    let new_year = NaiveDate::from_ymd_opt(s.year() + 1, 1, 1)
        .unwrap_or(e)
        .min(e);
    let year = if (new_year - s).num_days() >= (e - new_year).num_days() {
        s.year()
    } else {
        s.year() + 1
    };
    format!("{year:04}")
}

fn unit_placeholder(unit: Unit) -> &'static str {
    match unit {
        Unit::Week => "XXXX-WXX",
        Unit::Month => "XXXX-XX",
        Unit::Year | Unit::Quarter => "XXXX",
        Unit::Decade => "XXX",
        _ => "XXXX-XX-XX",
    }
}

fn unit_granularity(unit: Unit) -> Granularity {
    match unit {
        Unit::Second => Granularity::Second,
        Unit::Minute => Granularity::Minute,
        Unit::Hour => Granularity::Hour,
        Unit::Day => Granularity::Day,
        Unit::Week => Granularity::Week,
        Unit::Month => Granularity::Month,
        Unit::Quarter => Granularity::Quarter,
        Unit::Year => Granularity::Year,
        Unit::Decade => Granularity::Decade,
        Unit::Century => Granularity::Century,
    }
}

/// The unit containing `d`, moved by `offset` units.
fn unit_moment(d: NaiveDate, unit: Unit, offset: i64) -> Option<Moment> {
    match unit {
        Unit::Day => Some(day_moment(add_days(d, offset)?)),
        Unit::Week => Some(week_moment(add_days(monday_of(d), 7 * offset)?)),
        Unit::Month => {
            let first = add_months(ymd(d.year(), d.month(), 1)?, offset)?;
            month_moment(first.year(), first.month())
        }
        Unit::Quarter => {
            let q0 = (d.month() - 1) / 3;
            let first = add_months(ymd(d.year(), q0 * 3 + 1, 1)?, 3 * offset)?;
            let end = add_months(first, 3)?;
            let q = (first.month() - 1) / 3 + 1;
            Some(Moment {
                start: midnight(first),
                end: midnight(end),
                grain: Granularity::Quarter,
                value: format!("{:04}-Q{q}", first.year()),
            })
        }
        Unit::Year => year_moment(d.year() + offset as i32),
        Unit::Decade => {
            let y0 = (d.year().div_euclid(10) + offset as i32) * 10;
            Some(Moment {
                start: midnight(ymd(y0, 1, 1)?),
                end: midnight(ymd(y0 + 10, 1, 1)?),
                grain: Granularity::Decade,
                value: format!("{:03}", y0 / 10),
            })
        }
        Unit::Century => {
            let c0 = d.year().div_euclid(100) + offset as i32;
            Some(Moment {
                start: midnight(ymd(c0 * 100, 1, 1)?),
                end: midnight(ymd(c0 * 100 + 100, 1, 1)?),
                grain: Granularity::Century,
                value: format!("{c0:02}"),
            })
        }
        _ => None,
    }
}

/// Moves a date-time by a (possibly fractional) amount of a unit. Months and years
/// clamp to the end of the month (31 March − 1 month = 28/29 February).
fn shift_datetime(t: NaiveDateTime, n: f64, unit: Unit) -> Option<NaiveDateTime> {
    let whole = n.trunc() as i64;
    let seconds = |s: f64| Some(t + Duration::seconds((n * s) as i64));
    match unit {
        Unit::Second => seconds(1.0),
        Unit::Minute => seconds(60.0),
        Unit::Hour => seconds(3600.0),
        Unit::Day => seconds(86_400.0),
        Unit::Week => seconds(7.0 * 86_400.0),
        Unit::Month => Some(add_months(t.date(), whole)?.and_time(t.time())),
        Unit::Quarter => Some(add_months(t.date(), 3 * whole)?.and_time(t.time())),
        Unit::Year => Some(add_months(t.date(), 12 * whole)?.and_time(t.time())),
        Unit::Decade => Some(add_months(t.date(), 120 * whole)?.and_time(t.time())),
        Unit::Century => Some(add_months(t.date(), 1200 * whole)?.and_time(t.time())),
    }
}

/// A TIMEX3 duration: P3D, P2W, PT90M, P0.5Y, PXD (unknown amount).
pub(crate) fn duration_value(amount: Option<f64>, unit: Unit) -> String {
    let n = match amount {
        None => "X".to_string(),
        Some(a) if a.fract() == 0.0 => format!("{}", a as i64),
        Some(a) => format!("{a}"),
    };
    match unit {
        Unit::Second => format!("PT{n}S"),
        Unit::Minute => format!("PT{n}M"),
        Unit::Hour => format!("PT{n}H"),
        Unit::Day => format!("P{n}D"),
        Unit::Week => format!("P{n}W"),
        Unit::Month => format!("P{n}M"),
        Unit::Quarter => match amount {
            Some(a) => format!("P{}M", a * 3.0),
            None => "PXM".into(),
        },
        Unit::Year => format!("P{n}Y"),
        Unit::Decade => match amount {
            Some(a) => format!("P{}Y", a * 10.0),
            None => "PXDE".into(),
        },
        Unit::Century => match amount {
            Some(a) => format!("P{}Y", a * 100.0),
            None => "PXCE".into(),
        },
    }
}

use chrono::Timelike;
