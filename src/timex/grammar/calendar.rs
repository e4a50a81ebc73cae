//! Calendar dates and stamps: month names, years, full and partial dates, numeric dates, n-th weekday of a month, decades, and the `date_rule` that puts a part of period and a clock time on them.

use super::*;

impl<'a> Parser<'a> {
    pub(super) fn month_name(&self, i: usize) -> R<MonthRef> {
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
    pub(super) fn month_ref(&self, i: usize) -> R<MonthRef> {
        self.months.get(i, i, || self.month_ref_uncached(i))
    }

    fn month_ref_uncached(&self, i: usize) -> R<MonthRef> {
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

    pub(super) fn month_name_with_alt(&self, i: usize) -> R<MonthRef> {
        let (next, m) = self.month_name(i)?;
        // hijri_epithet: رمضان المبارك، رمضان المعظم، محرم الحرام، شهر رمضان الفضيل
        if matches!(m, MonthRef::Hijri(_))
            && matches!(
                self.word(next),
                Some("المبارك" | "المعظم" | "الكريم" | "الفضيل" | "الحرام" | "المكرم")
            )
        {
            return Some((next + 1, m));
        }
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
        // second_system_juxtaposed: «11 نوفمبر تشرين الثاني»، «كانون الثاني يناير» (the
        // Reuters style, no mark between); the two must name the same month
        if let MonthRef::Greg(n) = m
            && let Some((after, MonthRef::Greg(second))) = self.month_name(next)
            && second == n
        {
            return Some((after, m));
        }
        Some((next, m))
    }

    /// What may follow a month: a year (2021, عام 2021, 1442 هـ), a direction
    /// (الجاري، الماضي) or a relative year (العام المقبل).
    pub(super) fn year_after(&self, i: usize) -> R<YearSpec> {
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
        // شوال لعام 1442 هـ، رمضان للعام 1446
        let year_word = self.func(k, "year").or_else(|| {
            (k == j).then(|| {
                self.at(k).iter().find(|l| {
                    l.entry.kind == Kind::Function
                        && &*l.entry.value == "year"
                        && l.prep == Some('ل')
                        && self.year_num(l.next).is_some()
                })
            })?
        });
        if let Some(y) = year_word {
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

    pub(super) fn with_era(&self, next: usize, year: i32) -> (usize, YearSpec) {
        match self.era(next) {
            Some((after, hijri)) => (after, YearSpec::Abs { year, hijri }),
            None => (next, YearSpec::Abs { year, hijri: false }),
        }
    }

    /// Dates: weekday / day / month / year combinations, part-of-period words,
    /// halves and quarters, holidays, Hijri dates, plus an optional time of day.
    pub(super) fn date_rule(&self, i: usize) -> Option<Found> {
        // a period named again: تلك الليلة، الشهر ذاته، 18 من الشهر نفسه
        if let Some((start, next, base, night)) = self.anaphoric_date(i) {
            return self.found(
                start,
                next,
                Expr::Date {
                    base,
                    part: None,
                    daypart: night.then_some("NI"),
                    clock: None,
                },
            );
        }
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
        // الليلة (tonight), الليلة الماضية (last night), الليلة قبل الماضية (the night before)
        if self.word(i) == Some("الليله") {
            let (next, offset) = match self.direction(i + 1) {
                Some((n, Dir::Past)) => (n, -1),
                _ => match self
                    .func(i + 1, "before")
                    .map(|l| (l.next, self.direction(l.next)))
                {
                    Some((_, Some((n, Dir::Past)))) => (n, -2),
                    _ => (i + 1, 0),
                },
            };
            return self.found(
                self.start(i),
                next,
                Expr::Date {
                    base: Base::Deictic(offset),
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
        // الخامس من يوليو من كل عام: a day of every year
        if let (
            Base::Cal {
                year: None,
                month: Some(month),
                day: Some(day),
                hijri: false,
                ..
            },
            None,
        ) = (&base, part)
            && let Some(after) = self.every_year(next)
        {
            return self.found(
                start,
                after,
                Expr::Set {
                    unit: None,
                    weekday: None,
                    date: Some((*month, *day)),
                    daypart: None,
                },
            );
        }
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
        let before_in = j;
        let j = self.opt_func(j, "in");
        // a page stamp: 4 يناير 2024 - 9:15 م، 2025-03-13 | 14:38، 2018-02-20T17:45:10+03:00
        let stamp = matches!(base, Base::Cal { day: Some(_), .. })
            .then(|| self.stamp_clock(next))
            .flatten();
        if let Some((after, clock)) = stamp.or_else(|| self.clock(j, true)) {
            if let Expr::Date { clock: c, .. } = &mut expr {
                *c = Some(clock);
            }
            // date_in_clock: «30 ديسمبر في الساعة 23:30» is two timexes in TimeML (the
            // preposition outside), the clock on that day; one for the colloquial policy
            if stamp.is_none() && j > before_in {
                return self.found_parts(start, after, expr, (i, next), (j, after));
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
    pub(super) fn date_core(&self, i: usize) -> Option<(usize, usize, Base, Option<Part>)> {
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
        // holidays: عيد الفطر، عيد الميلاد 2020; a proclitic stays outside (باليوم الوطني)
        if let Some(l) = self.kind(i, Kind::Holiday).max_by_key(|l| l.next) {
            let (next, year) = match self.year_after(l.next) {
                Some((n, y @ YearSpec::Abs { .. })) => (n, Some(y)),
                _ => (l.next, None),
            };
            // a national day has one line per country: `country:are=fixed:12-02|qat=…`
            let rule = if l.entry.extra.is_empty() {
                l.entry.value.to_string()
            } else {
                let by_country: Vec<String> = self
                    .kind(i, Kind::Holiday)
                    .filter(|k| k.next == l.next && !k.entry.extra.is_empty())
                    .map(|k| format!("{}={}", k.entry.extra, k.entry.value))
                    .collect();
                format!("country:{}", by_country.join("|"))
            };
            consider(Some((l.start, next, Base::Holiday { rule, year }, None)));
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

    /// A month (with its year or direction) or a year: أبريل 2021، شهر أبريل،
    /// أبريل الجاري، عام 2021، 1442 هـ، رمضان الماضي، الشهر الماضي.
    pub(super) fn month_or_year(&self, i: usize) -> Option<(usize, usize, Base)> {
        let start = self.lexeme_start(i);
        if let Some((next, m)) = self.month_ref(i) {
            // an English month name is a date only with its day
            if self.word(i).is_some_and(|w| w.is_ascii()) {
                return None;
            }
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
        // عام 2021، العام 2021، سنة 2014، عام 1442 هـ، العام الهجري 1446، السنة الهجرية الحالية 1441;
        // a proclitic stays outside (لعام 2026، بعام 2019)
        let year_word = self.func(i, "year").or_else(|| {
            self.at(i).iter().find(|l| {
                l.entry.kind == Kind::Function
                    && &*l.entry.value == "year"
                    && l.prep.is_some()
                    && self.digits(l.next).is_some_and(|(_, d)| d == 4)
            })
        });
        if let Some(y) = year_word
            && let hijri_word = matches!(
                self.word(y.next),
                Some("الهجري" | "الهجريه" | "هجري" | "هجريه")
            )
            && let k = if hijri_word {
                let k = y.next + 1;
                self.direction(k).map_or(k, |(n, _)| n)
            } else {
                y.next
            }
            && let Some((next, year)) = self.year_num(k)
        {
            let (next, spec) = self.with_era(next, year);
            let spec = if hijri_word {
                YearSpec::Abs { year, hijri: true }
            } else {
                spec
            };
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

    /// Calendar dates: [weekday[,] [الموافق]] day [/-. ] [من] month [year];
    /// month day[, year]; numeric d/m/y, y-m-d, m/y; `يوم 13 من الشهر الجاري`.
    pub(super) fn calendar_date(&self, i: usize) -> Option<(usize, usize, Base)> {
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
            // weekday_before_equals: «الأحد الموافق 3 نوفمبر 2019» is two timexes (TimeML:
            // الموافق stays outside); the weekday takes the day of the date after it
            if let Some(eq) = self.func(j, "equals").filter(|_| !self.joined_equals)
                && let Some((_, q, _)) = self.partial_date(eq.next, true, false)
                && q.day.is_some()
            {
                let p = Partial {
                    weekday: Some(wd),
                    ..q
                };
                return Some((self.lexeme_start(i), next, partial_base(p)));
            }
            j = self.opt_func(j, "equals");
            j = self.opt_func(j, "in");
            adjacent = j == next;
        } else if let Some(l) = self.func(i, "day") {
            start = Some(l.start);
            j = l.next;
            has_day_intro = true;
        } else if let Some(l) = self
            .kind(i, Kind::Weekday)
            .find(|l| l.prep.is_none() && !l.conj)
            && self.punct(l.next, &[','])
            && self.numeric_at(l.next + 1)
        {
            // a page stamp: ثلاثاء, 2020-03-24 23:37 / سبت، 02/10/2021
            p.weekday = Some(l.entry.num as u32);
            start = Some(l.start);
            j = l.next + 1;
        }
        let day_alone = (p.weekday.is_some() && adjacent) || has_day_intro;
        let (next, q, day_start) = self.partial_date(
            j,
            day_alone || self.date_context(i) || self.agency_dateline(i),
            day_alone,
        )?;
        if q.day.is_none() && q.year.is_none() && q.month.is_none() {
            return None;
        }
        let weekday = p.weekday;
        let mut p = Partial { weekday, ..q };
        if let (Some(wd), true) = (weekday, self.numeric_at(j)) {
            swap_by_weekday(&mut p, wd);
        }
        if weekday.is_some() && p.day.is_none() {
            return None;
        }
        let start = start.unwrap_or(day_start);
        Some((start, next, partial_base(p)))
    }

    /// agency_dateline: «عمان - 4 - 12 (كونا)», a place, a dash, day - month and the agency
    /// in brackets: the day and month of the dispatch (the year is the reference's).
    pub(super) fn agency_dateline(&self, i: usize) -> bool {
        i >= 2
            && self.punct(i - 1, &['-'])
            && self.word(i - 2).is_some()
            && self.numeric_at(i)
            && self.punct(i + 3, &['('])
            && self.word(i + 4).is_some()
    }

    /// Whether a numeric date (digits, / - or ., digits) starts at token i.
    pub(super) fn numeric_at(&self, i: usize) -> bool {
        self.digits(i).is_some()
            && self.punct(i + 1, &['/', '-', '.'])
            && self.digits(i + 2).is_some()
    }

    /// Whether token i follows a word that introduces a date (في، منذ، حتى، الموافق…).
    pub(super) fn date_context(&self, i: usize) -> bool {
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
    pub(super) fn partial_date(
        &self,
        i: usize,
        loose: bool,
        day_alone: bool,
    ) -> Option<(usize, Partial, usize)> {
        self.partial_dates.get(i, (i, loose, day_alone), || {
            self.partial_date_uncached(i, loose, day_alone)
        })
    }

    fn partial_date_uncached(
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
                // ٠٩/يوليو/٢٠٢١: the separator repeats before the year
                let sep =
                    k > j && self.punct(next, &['/', '-', '.']) && self.digits(next + 1).is_some();
                let (next, year) = match self.year_after(if sep { next + 1 } else { next }) {
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
            // (a word ordinal needs its article: «غدا الخميس أول أيام العيد» has no day)
            let day_like = self
                .number(i)
                .is_some_and(|(_, n)| !n.word || (n.ordinal && !n.feminine && n.article));
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
            // Jun. 5
            let english = self.word(i).is_some_and(|w| w.is_ascii());
            let k = if self.punct(j, &['-', '/']) || (english && self.punct(j, &['.'])) {
                j + 1
            } else {
                j
            };
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

    /// 13/4/2021, 2021-04-13, 13.4.2021, 4/2021, 2015/3, 22/04 (when `loose`).
    pub(super) fn numeric_date(&self, i: usize, loose: bool) -> Option<(usize, Partial, usize)> {
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
                // 14/8/1445هـ, 1445/8/14 هـ, 3-11-2019م: the era marker belongs to the date;
                // a year of 1300–1500 is Hijri even without it (no news prints such a
                // Gregorian date in numerals)
                let (next, hijri) = match self.era(i + 5) {
                    Some((n, h)) => (n, h),
                    None => (i + 5, (1300..=1500).contains(&y)),
                };
                let p = Partial {
                    year: Some(YearSpec::Abs {
                        year: y as i32,
                        hijri,
                    }),
                    month: Some(m as u32),
                    day: Some(d as u32),
                    weekday: None,
                    hijri,
                    month_offset: None,
                };
                return Some((next, p, start));
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

    /// التسعينيات، تسعينيات القرن الماضي، ستينيات القرن العشرين.
    pub(super) fn decade(&self, i: usize) -> R<Base> {
        // ordinal_century: القرن العشرين، القرن التاسع عشر، القرن الحادي والعشرين
        if let Some(c) = self.kind(i, Kind::Unit).find(|u| {
            u.article && u.prep.is_none() && &*u.entry.value == "century" && &*u.entry.extra == "1"
        }) && let Some((next, n)) = self.number(c.next)
            && n.word
            && n.article
            && (1..=30).contains(&n.value)
        {
            return Some((next, Base::Century(n.value as i32)));
        }
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

    /// اول ثلاثاء من شهر عشرة، الثلاثاء الثالث من شهر ايلول من عام 2014، اخر اثنين من الشهر القادم،
    /// اليوم الثالث من اكتوبر، الاسبوع الاول من شهر عشرة 2014، اخر يوم بشهر عشرة سنة 2015.
    pub(super) fn nth_rule(&self, i: usize) -> Option<(usize, usize, Base, Option<Part>)> {
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
    pub(super) fn glued_month(&self, k: usize) -> R<Base> {
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
    pub(super) fn year_tail(&self, i: usize) -> R<YearSpec> {
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
}

/// A stamp «السبت، 05/11/2019» read d/m whose weekday fits only m/d is m/d: the weekday
/// settles the order of two numbers that can both be a month.
fn swap_by_weekday(p: &mut Partial, weekday: u32) {
    use chrono::{Datelike, NaiveDate};
    let (Some(YearSpec::Abs { year, hijri: false }), Some(m), Some(d), false) =
        (p.year, p.month, p.day, p.hijri)
    else {
        return;
    };
    let fits = |m: u32, d: u32| {
        NaiveDate::from_ymd_opt(year, m, d)
            .is_some_and(|date| date.weekday().number_from_monday() == weekday)
    };
    if d <= 12 && m != d && !fits(m, d) && fits(d, m) {
        p.month = Some(d);
        p.day = Some(m);
    }
}
