//! Clock times and time zones.

use super::*;

impl<'a> Parser<'a> {
    /// Clock times alone or in a range: الساعة الثالثة عصرا، 10:30 صباحا، من الساعة 3 الى الساعة 4 بعد العصر.
    pub(super) fn time_rule(&self, i: usize) -> Option<Found> {
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
        // a page stamp with the clock first: 11:20 ص 12/03/2025، 23:05 - 2020/09/14، 14:01 GMT 07.10.2025
        if self.clock_digits(i).is_some() {
            let (after_zone, stamped) = self.clock_offset(next, clock);
            let k = if self.punct(after_zone, &['-', '|', ',', '/']) {
                after_zone + 1
            } else {
                after_zone
            };
            if let Some((_, after, base, None)) = self.date_core(k)
                && matches!(base, Base::Cal { day: Some(_), .. })
            {
                return self.found(start, after, clock_on(base, stamped));
            }
        }
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
    pub(super) fn clock_range(&self, i: usize) -> R<(Clock, Clock)> {
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
    pub(super) fn clock_bare(&self, i: usize) -> R<Clock> {
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
    pub(super) fn clock(&self, i: usize, in_context: bool) -> R<Clock> {
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
        // ص/م and AM/PM after a digital clock: 9:05 م، 11:20 ص، 08:40PM
        if colon && let Some(code) = self.meridiem(next) {
            clock.daypart = Some(code);
            next += 1;
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
    pub(super) fn hour_number(&self, i: usize) -> Option<(usize, u32, bool)> {
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

    /// ص / am (before noon: MO) or م / pm (after noon: EV) right after a digital clock.
    pub(super) fn meridiem(&self, i: usize) -> Option<&'static str> {
        match self.word(i)? {
            "ص" | "am" => Some("MO"),
            "م" | "pm" => Some("EV"),
            _ => None,
        }
    }

    /// A digital clock of a page stamp after a separator (`- 9:15 م`, `| 14:38`, `/ 13:56`)
    /// or after the ISO `T` (`2018-02-20T17:45:10+03:00`), with its seconds and offset.
    pub(super) fn stamp_clock(&self, i: usize) -> R<Clock> {
        let mut j = i;
        if self.punct(j, &['-', '|', '/', ',', '\u{2013}', '\u{2014}']) || self.word(j) == Some("t")
        {
            j += 1;
        }
        if self.punct(j, &['-', '|']) {
            j += 1;
        }
        self.clock_digits(j)?;
        let (next, clock) = self.clock(j, true)?;
        Some(self.clock_offset(next, clock))
    }

    /// A zone after a digital clock: `+03:00`, `Z`, `GMT`.
    pub(super) fn clock_offset(&self, next: usize, mut clock: Clock) -> (usize, Clock) {
        if clock.tz.is_some() {
            return (next, clock);
        }
        if self.punct(next, &['+', '-'])
            && let (Some((h, 2)), true, Some((m, 2))) = (
                self.digits(next + 1),
                self.punct(next + 2, &[':']),
                self.digits(next + 3),
            )
            && h <= 14
            && m < 60
        {
            let sign = if self.punct(next, &['-']) { -1 } else { 1 };
            clock.tz = Some(sign * (h as i32 * 60 + m as i32));
            return (next + 4, clock);
        }
        if self.word(next) == Some("z") {
            clock.tz = Some(0);
            return (next + 1, clock);
        }
        if self.word(next).is_some_and(|w| w.is_ascii())
            && let Some(z) = self
                .kind(next, Kind::TimeZone)
                .filter(|l| l.prep.is_none())
                .max_by_key(|l| l.next)
        {
            // 14:01 GMT: a page prints its own clock; the name labels it (the value stays
            // the page's local time, like the DCT)
            return (z.next, clock);
        }
        (next, clock)
    }

    /// HH:MM[:SS] in digits, or HHMM before a part of day (1140 صباحا).
    pub(super) fn clock_digits(&self, i: usize) -> Option<(usize, Clock, bool)> {
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
    pub(super) fn minutes(&self, i: usize, separate_and: bool) -> R<u32> {
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
}
