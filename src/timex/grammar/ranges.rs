//! Ranges and lists: days, weekdays and years joined by من … إلى / بين … و.

use super::*;

impl<'a> Parser<'a> {
    pub(super) fn range_sep(&self, i: usize) -> bool {
        self.punct(i, &['-']) || self.func(i, "to").is_some() || self.func(i, "until").is_some()
    }

    /// Ranges: من 10 إلى 12 أبريل، 13 الى 15 تموز، تموز 13 الى 15، يوليو 13-15،
    /// بين عامي 2019 و2021، يومي السبت والأحد، من 13 تموز الى 15 تموز.
    pub(super) fn range_rule(&self, i: usize) -> Option<Found> {
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
    pub(super) fn year_range(&self, i: usize) -> Option<Found> {
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
    pub(super) fn phrase_ends(&self, i: usize) -> bool {
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
    pub(super) fn range_end(&self, i: usize) -> R<Partial> {
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
}
