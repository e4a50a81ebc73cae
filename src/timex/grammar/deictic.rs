//! Deictic and relative expressions: today/yesterday/tomorrow, weekdays, relative units (الأسبوع الماضي), shifts (قبل يومين) and vague references.

use super::*;

impl<'a> Parser<'a> {
    pub(super) fn direction(&self, i: usize) -> R<Dir> {
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

    /// A weekday: الثلاثاء, يوم الثلاثاء, or a bare ثلاثاء after يوم.
    pub(super) fn weekday(&self, i: usize, require_article: bool) -> R<u32> {
        // يوم الأحد، ليوم الأحد (the proclitic stays outside)
        let j = self.opt_func(i, "day");
        let j = if j == i {
            self.at(i)
                .iter()
                .find(|l| {
                    l.entry.kind == Kind::Function
                        && &*l.entry.value == "day"
                        && l.prep.is_some()
                        && !l.article
                })
                .map_or(i, |l| l.next)
        } else {
            j
        };
        self.kind(j, Kind::Weekday)
            .find(|l| {
                l.prep.is_none()
                    && (!l.conj || l.article)
                    && (l.article
                        || j > i
                        || !require_article
                        || self.word(j).is_some_and(|w| w.is_ascii()))
            })
            .map(|l| (l.next, l.entry.num as u32))
    }

    // ---- the top-level rules ------------------------------------------------

    /// What a part-of-period word can apply to: a month, a year, a relative
    /// period, the bare current period (الشهر، العام), a day, a Hijri month.
    pub(super) fn period_target(&self, i: usize, allow_bare_unit: bool) -> R<Base> {
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

    /// A day: deictic words, weekdays (with a direction or a week), calendar
    /// dates (weekday, day, month, year; numeric forms), with apposition.
    pub(super) fn day_expr(&self, i: usize) -> Option<(usize, usize, Base)> {
        let mut best: Option<(usize, usize, Base)> = None;
        let mut consider = |c: Option<(usize, usize, Base)>| {
            if let Some(c) = c
                && best.as_ref().is_none_or(|b| c.1 > b.1)
            {
                best = Some(c);
            }
        };
        consider(self.deictic(i));
        // مساء اليوم نفسه: an anaphoric day takes a part of day too
        consider(
            self.anaphoric_date(i)
                .filter(|a| {
                    !a.3 && matches!(
                        a.2,
                        Base::Mentioned {
                            unit: Unit::Day,
                            ..
                        }
                    )
                })
                .map(|(s, n, b, _)| (s, n, b)),
        );
        consider(self.calendar_date(i));
        consider(self.weekday_phrase(i));
        best
    }

    /// اليوم، أمس، غدا، بعد غد، أول أمس، يوم غد، اليوم الذي بعد الغد, with an
    /// optional weekday in apposition (أمس الاثنين).
    pub(super) fn deictic(&self, i: usize) -> Option<(usize, usize, Base)> {
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

    /// anaphoric_date: a period named again by a demonstrative or نفس/ذات, the last
    /// mentioned date at that grain: اليوم نفسه، نفس اليوم، ذات اليوم، في اليوم ذاته، التاريخ
    /// نفسه، ذلك التاريخ، تلك الليلة، ذات الليلة، الشهر ذاته، ذلك العام، السنة نفسها؛ with a
    /// day before it: 18 من الشهر ذاته، يوم 18 من الشهر نفسه. Returns (start byte, next,
    /// base, night). «ذات يوم» (without ال) is "one day", no date.
    pub(super) fn anaphoric_date(&self, i: usize) -> Option<(usize, usize, Base, bool)> {
        // a day of the month named again: 18 من الشهر ذاته
        let (start, j) = match self.func(i, "day") {
            Some(l) => (Some(l.start), l.next),
            None => (None, i),
        };
        if let Some((k, (day_start, day))) = self.day_num(j) {
            let k = self.opt_func(k, "from");
            let (next, unit, _) = self.anaphoric_unit(k)?;
            return (unit == Unit::Month).then_some((
                start.unwrap_or(day_start),
                next,
                Base::Mentioned {
                    unit,
                    day: Some(day),
                },
                false,
            ));
        }
        let (next, unit, night) = self.anaphoric_unit(i)?;
        let start = self.anaphoric_start(i);
        Some((start, next, Base::Mentioned { unit, day: None }, night))
    }

    /// The unit word of an anaphoric period at i: «الشهر نفسه», «نفس الشهر», «ذلك الشهر»;
    /// (next, unit, night).
    pub(super) fn anaphoric_unit(&self, i: usize) -> Option<(usize, Unit, bool)> {
        // most words are none of these: a cheap test before the clitic readings (the
        // grammar asks at every token)
        let w = self.word(i)?;
        if !(["نفس", "ذات", "ذلك", "تلك"].iter().any(|a| w.ends_with(a))
            || matches!(
                w,
                "اليوم"
                    | "التاريخ"
                    | "الليله"
                    | "الاسبوع"
                    | "الشهر"
                    | "العام"
                    | "السنه"
            ))
        {
            return None;
        }
        let unit_word = |k: usize| -> Option<(Unit, bool, bool)> {
            // (unit, night, feminine)
            Some(match self.word(k)? {
                "اليوم" | "التاريخ" => (Unit::Day, false, false),
                "الليله" => (Unit::Day, true, true),
                "الاسبوع" => (Unit::Week, false, false),
                "الشهر" => (Unit::Month, false, false),
                "العام" => (Unit::Year, false, false),
                "السنه" => (Unit::Year, false, true),
                _ => return None,
            })
        };
        let same = |k: usize, feminine: bool| {
            self.word(k).is_some_and(|w| {
                if feminine {
                    matches!(w, "نفسها" | "ذاتها")
                } else {
                    matches!(w, "نفسه" | "ذاته")
                }
            })
        };
        let stem = self.word(i).map(strip_proclitic);
        match stem {
            Some("نفس" | "ذات") => {
                let (unit, night, _) = unit_word(i + 1)?;
                Some((i + 2, unit, night))
            }
            Some(demonstrative @ ("ذلك" | "تلك")) => {
                let (unit, night, feminine) = unit_word(i + 1)?;
                (feminine == (demonstrative == "تلك")).then_some((i + 2, unit, night))
            }
            _ => {
                let (unit, night, feminine) = unit_word(i)?;
                same(i + 1, feminine).then_some((i + 2, unit, night))
            }
        }
    }

    /// Where an anaphoric phrase starts: after a glued preposition or conjunction
    /// (بذلك التاريخ، وتلك الليلة).
    fn anaphoric_start(&self, i: usize) -> usize {
        let start = self.start(i);
        match self.word(i) {
            Some(w) => start + (w.len() - strip_proclitic(w).len()),
            None => start,
        }
    }

    /// Weekday phrases: الأحد المقبل، الخميس الماضي، يوم الثلاثاء السابق،
    /// الاحد من الاسبوع الماضي، ثلاثاء الاسبوع الفائت، الأسبوع القادم الأحد، هذا الاثنين.
    pub(super) fn weekday_phrase(&self, i: usize) -> Option<(usize, usize, Base)> {
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
        // indefinite_weekday: يوم خميس (no article after يوم) is some Thursday
        let indefinite = !this
            && self.func(this_next, "day").is_some()
            && self.kind(next - 1, Kind::Weekday).all(|l| !l.article)
            && self.word(next - 1).is_some_and(|w| !w.is_ascii());
        if indefinite {
            return Some((start, next, Base::SomeWeekday(wd)));
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

    /// الأسبوع الماضي، هذا العام، العام المقبل، الشهر الجاري (as a unit), العقد القادم.
    pub(super) fn unit_relative(&self, i: usize) -> R<Base> {
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

    /// Relative expressions: shifts (قبل يومين، منذ ثلاثة أسابيع، بعد يومين، قبل أيام),
    /// spans (الأسابيع الثلاثة القادمة، الشهرين الماضيين، خلال …), now and vague words.
    pub(super) fn relative_rule(&self, i: usize) -> Option<Found> {
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
            .filter(|l| {
                let adverb = self
                    .word(i)
                    .is_some_and(|w| matches!(w.trim_start_matches(['و', 'ف']), "اخيرا" | "حديثا"));
                l.prep.is_none() && (!adverb || self.lately(i))
            })
            .max_by_key(|l| l.next)
        {
            // vague_of_period: «وقت سابق من هذا الأسبوع», «وقت لاحق من العام الجاري» are
            // that period (TimeML: earlier this week = this week)
            let k = self.opt_func(l.next, "from");
            // (a bare period is the current one: «في وقت سابق من الأسبوع» is this week)
            let bare_period = || {
                let u = self
                    .kind(k, Kind::Unit)
                    .find(|u| u.article && u.prep.is_none() && &*u.entry.extra == "1")?;
                let unit = Unit::parse(&u.entry.value).filter(|&unit| unit >= Unit::Week)?;
                // (not a named period: «من العام 2020»، «من الشهر المقبل»)
                // (nor one that refers back: «من العام نفسه»)
                let named =
                    self.toks
                        .get(u.next)
                        .is_some_and(|t| t.kind == TokenKind::Number)
                        || self.anaphoric_unit(k).is_some()
                        || matches!(
                            self.word(u.next),
                            Some("نفسه" | "ذاته" | "ذلك" | "نفسها" | "ذاتها" | "تلك")
                        )
                        || self.at(u.next).iter().any(|l| {
                            !matches!(l.entry.kind, Kind::Function | Kind::Event | Kind::Cue)
                        });
                (self.direction(u.next).is_none() && !named)
                    .then_some((u.next, Base::Unit { unit, offset: 0 }))
            };
            let period = self
                .unit_relative(k)
                .or_else(|| (self.word(k) == Some("اليوم")).then_some((k + 1, Base::Deictic(0))))
                .or_else(bare_period);
            match period.filter(|_| k > l.next) {
                Some((next, base)) => consider(self.found(
                    l.start,
                    next,
                    Expr::Date {
                        base,
                        part: None,
                        daypart: None,
                        clock: None,
                    },
                )),
                None => {
                    consider(self.found(l.start, l.next, Expr::Vague(static_code(&l.entry.value))))
                }
            }
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
            // قبل نحو قرنين: approximately two centuries ago
            let approx = more.is_none() && j > l.next;
            // منذ أكثر من عامين: earlier than two years ago
            let modifier = more
                .map(|m| {
                    if m == (sign < 0) {
                        Mod::Before
                    } else {
                        Mod::After
                    }
                })
                .or(approx.then_some(Mod::Approx));
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
                        approx,
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
        // within: خلال الشهرين الماضيين، خلال اسبوعين، في غضون أيام; خلال/في غضون is a
        // signal outside the extent (TimeML), its meaning kept in the value
        // (with a quantifier inside: في غضون حوالي أسبوعين, within about two weeks)
        if let Some(l) = self.func(i, "within") {
            let inner = self.lexeme_start(l.next);
            let j = self.opt_func(l.next, "approx");
            let modifier = (j > l.next).then_some(Mod::Approx);
            let found = if let Some((_, next, expr)) = self.span(j) {
                self.found(inner, next, expr)
            } else if let Some((next, amount, unit)) = self.quantity(j) {
                let dir = self.direction(next);
                let (next, within) = match dir {
                    Some((n, d)) => (n, d),
                    None => (next, Dir::Current),
                };
                self.found(
                    inner,
                    next,
                    Expr::Duration {
                        amount,
                        unit,
                        within: Some(within),
                    },
                )
            } else {
                None
            };
            consider(found.map(|f| Found { modifier, ..f }));
        }
        best
    }

    /// «أخيرا»، «حديثا» mean "lately" after a verb inside a clause («أعلن أخيرا أن»); with
    /// و/ف, opening a sentence or before a comma they are "finally" («وأخيرا، …») or
    /// generic («قديما وحديثا»), no time.
    pub(super) fn lately(&self, i: usize) -> bool {
        let glued = self.at(i).iter().any(|l| l.conj);
        let opens = i == 0
            || self.toks[i].after_newline
            || self.punct(i - 1, &['.', '!', '?', ':', ',', '،', '"', '«'])
            || matches!(self.word(i - 1), Some("و" | "ف"));
        !glued && !opens && !self.punct(i + 1, &[',', '،', ':'])
    }

    /// "من" means "ago" only before a bare amount that ends the phrase: من اسبوع.
    pub(super) fn shift_from_ok(&self, i: usize) -> bool {
        let prev = i.checked_sub(1).and_then(|p| self.word(p));
        !matches!(
            prev,
            Some("اكثر" | "اقل" | "اكبر" | "اطول" | "بدلا" | "اقصر")
        )
    }
}

/// A demonstrative or نفس/ذات without its proclitics (و/ف, then ب/ل/ك: ولتلك، بذلك).
fn strip_proclitic(w: &str) -> &str {
    let anaphor = |r: &str| matches!(r, "ذلك" | "تلك" | "نفس" | "ذات");
    let after_conj = w
        .strip_prefix(['و', 'ف'])
        .filter(|r| r.chars().count() >= 3);
    for cand in [Some(w), after_conj].into_iter().flatten() {
        if anaphor(cand) {
            return cand;
        }
        if let Some(rest) = cand.strip_prefix(['ب', 'ل', 'ك'])
            && anaphor(rest)
        {
            return rest;
        }
    }
    w
}
