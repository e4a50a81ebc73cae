//! Durations and sets: quantities of units, spans (الأسابيع الثلاثة القادمة) and recurrences.

use super::*;

impl<'a> Parser<'a> {
    /// An amount of a unit: 3 أيام، ثلاثة أسابيع، يومين، أسبوع، نصف ساعة، ساعة ونصف،
    /// بضعة أيام، أيام (None = unspecified).
    pub(super) fn quantity(&self, i: usize) -> Option<(usize, Option<f64>, Unit)> {
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
            // a disjunction of amounts is its first: ست أو سبع ساعات → 6 hours
            let next = match self.func(next, "or").and_then(|l| self.number(l.next)) {
                Some((after, m)) if !m.article && !m.ordinal && m.value > n.value => after,
                _ => next,
            };
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
    pub(super) fn span(&self, i: usize) -> Option<(usize, usize, Expr)> {
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
    pub(super) fn duration_rule(&self, i: usize) -> Option<Found> {
        let (start, j, intro) = match self.func(i, "for") {
            Some(l) => (l.start, l.next, true),
            None => (self.lexeme_start(i), i, false),
        };
        // one_unit: «اليوم الواحد»، «العام الواحد» (per day, a one-year …) is a length, not
        // today; «الساعة الواحدة» is a clock time
        if let Some(u) = self
            .kind(j, Kind::Unit)
            .find(|l| l.article && l.prep.is_none() && &*l.entry.extra == "1")
            && matches!(self.word(u.next), Some("الواحد" | "الواحده"))
            && let Some(unit) = Unit::parse(&u.entry.value)
            && unit >= Unit::Day
        {
            return self.found(
                self.lexeme_start(j),
                u.next + 1,
                Expr::Duration {
                    amount: Some(1.0),
                    unit,
                    within: None,
                },
            );
        }
        let (next, amount, unit) = self.quantity(j)?;
        let glued_for = self.kind(j, Kind::Unit).any(|l| l.prep == Some('ل'));
        let (start, intro) = if glued_for && !intro {
            (self.lexeme_start(j), true)
        } else {
            (start, intro)
        };
        let whole = self.func(next, "whole");
        let next = whole.map_or(next, |l| l.next);
        // a lone singular unit or a bare plural is a duration only after لمدة/طوال, a
        // quantifier (قرابة ساعة، أكثر من أسبوع) or before كامل
        let quantified = j > 0
            && (self.func(j - 1, "approx").is_some_and(|l| l.next == j)
                || (self.func(j - 1, "from").is_some()
                    && j > 1
                    && matches!(self.word(j - 2), Some("اكثر" | "اقل"))));
        let explicit = quantified
            || self.number(j).is_some()
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
        if unit == Unit::Year && self.is_age(j, next) {
            return None;
        }
        let start = if intro { self.lexeme_start(j) } else { start };
        // ساعتين على الأقل: at least (TimeML EQUAL_OR_MORE, here MORE_THAN)
        if self.word(next) == Some("علي") && self.word(next + 1) == Some("الاقل") {
            let found = self.found(
                start,
                next + 2,
                Expr::Duration {
                    amount,
                    unit,
                    within: None,
                },
            )?;
            return Some(Found {
                modifier: Some(Mod::MoreThan),
                ..found
            });
        }
        // 3 ساعات تقريبا: a trailing approximator is part of the duration
        if let Some(l) = self.func(next, "approx")
            && self.word(next).is_some_and(|w| w.starts_with("تقريب"))
        {
            let found = self.found(
                start,
                l.next,
                Expr::Duration {
                    amount,
                    unit,
                    within: None,
                },
            )?;
            return Some(Found {
                modifier: Some(Mod::Approx),
                ..found
            });
        }
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

    /// Sets: سنويا، كل أسبوع، كل يوم اثنين، كل عام; recurring weekdays: أيام الجمعة،
    /// يوم الأربعاء من كل أسبوع، الأحد من كل أسبوع; a part of day of every day: صباح كل
    /// أحد، مساء كل يوم; every weekend: نهاية كل أسبوع.
    pub(super) fn set_rule(&self, i: usize) -> Option<Found> {
        let set = |unit, weekday, daypart| Expr::Set {
            unit,
            weekday,
            date: None,
            daypart,
        };
        if let Some(l) = self.kind(i, Kind::Frequency).find(|l| l.prep.is_none()) {
            let unit = match &*l.entry.value {
                "P1D" => Unit::Day,
                "P1W" => Unit::Week,
                "P1M" => Unit::Month,
                _ => Unit::Year,
            };
            return self.found(l.start, l.next, set(Some(unit), None, None));
        }
        // أيام الجمعة: the plural of يوم before a weekday is every such day
        if let Some(u) = self
            .kind(i, Kind::Unit)
            .find(|l| &*l.entry.value == "day" && &*l.entry.extra == "pl" && !l.article)
            && let Some(wd) = self
                .kind(u.next, Kind::Weekday)
                .find(|w| w.article && !w.conj)
        {
            return self.found(u.start, wd.next, set(None, Some(wd.entry.num as u32), None));
        }
        // يوم الأربعاء من كل أسبوع
        if let Some((j, wd)) = self.weekday(i, true)
            && let Some(every) = self.func(self.opt_func(j, "from"), "every")
            && let Some(u) = self
                .kind(every.next, Kind::Unit)
                .find(|l| &*l.entry.value == "week" && &*l.entry.extra == "1" && !l.article)
        {
            return self.found(self.lexeme_start(i), u.next, set(None, Some(wd), None));
        }
        // صباح كل أحد، مساء كل يوم: a part of day (a noun) in front
        let daypart = self.kind(i, Kind::DayPart).find(|l| {
            &*l.entry.extra == "noun" && l.prep.is_none() && !l.entry.value.starts_with('T')
        });
        // نهاية كل أسبوع: every weekend
        let weekend = self.kind(i, Kind::Part).find(|l| {
            &*l.entry.value == "END"
                && l.prep.is_none()
                && self.word(i).is_some_and(|w| w.ends_with("نهايه"))
        });
        let (start, k, code) = match (daypart, weekend) {
            (Some(l), _) => (Some(l.start), l.next, Some(static_code(&l.entry.value))),
            (None, Some(l)) => (Some(l.start), l.next, Some("WE")),
            (None, None) => (None, i, None),
        };
        let every = self.func(k, "every")?;
        let start = start.unwrap_or(every.start);
        if code != Some("WE")
            && let Some((next, wd)) = self.weekday(every.next, false)
        {
            return self.found(start, next, set(None, Some(wd), code));
        }
        let u = self
            .kind(every.next, Kind::Unit)
            .find(|l| &*l.entry.extra == "1" && !l.article)?;
        let unit = Unit::parse(&u.entry.value)?;
        match code {
            Some("WE") if unit == Unit::Week => {
                self.found(start, u.next, set(Some(unit), None, code))
            }
            Some(_) if unit == Unit::Day => self.found(start, u.next, set(Some(unit), None, code)),
            Some(_) => None,
            None => self.found(start, u.next, set(Some(unit), None, None)),
        }
    }

    /// «من كل عام/سنة» after a day and month: a yearly date.
    pub(super) fn every_year(&self, i: usize) -> Option<usize> {
        let every = self.func(self.opt_func(i, "from"), "every")?;
        let u = self
            .kind(every.next, Kind::Unit)
            .find(|l| &*l.entry.value == "year" && &*l.entry.extra == "1" && !l.article)?;
        Some(u.next)
    }

    /// Whether the years at tokens `[j, next)` are an age: after عمر/العمر/البالغ/يبلغ/ناهز
    /// (up to three words before), or in parentheses after a name («فلان (63 عاما)»).
    pub(super) fn is_age(&self, j: usize, next: usize) -> bool {
        let age_word = (j.saturating_sub(3)..j).any(|k| {
            self.word(k).is_some_and(|w| {
                let w = w.trim_start_matches(['و', 'ف', 'ب', 'ل']);
                w.starts_with("عمر")
                    || w.starts_with("العمر")
                    || w.starts_with("البالغ")
                    || matches!(w, "يبلغ" | "تبلغ" | "بلغ" | "ناهز" | "يناهز" | "تناهز")
            })
        });
        age_word || (j > 0 && self.punct(j - 1, &['(']) && self.punct(next, &[')']))
    }
}
