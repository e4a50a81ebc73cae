//! Ranges and lists: days, weekdays and years joined by من … إلى / بين … و.

use super::*;

/// The dual of the year words before a range's two years (بين عامي 2019 و2021): words the
/// grammar reads as they are, with no lexicon entry.
pub(super) const YEAR_DUALS: &[&str] = &["عامي", "سنتي", "العامين"];

impl<'a> Parser<'a> {
    pub(super) fn range_sep(&self, i: usize) -> bool {
        self.punct(i, &['-']) || self.func(i, "to").is_some() || self.func(i, "until").is_some()
    }

    /// Whether a list separator و starts at token i: a separate و (also before digits:
    /// «و16»), or a number or weekday word with و glued on (والسادس، والأحد).
    pub(super) fn list_and(&self, i: usize) -> Option<usize> {
        if self.word(i) == Some("و") {
            return Some(i + 1);
        }
        let glued = self.word(i).is_some_and(|w| w.starts_with('و'))
            && self.at(i).iter().any(|l| {
                l.conj
                    && matches!(
                        l.entry.kind,
                        Kind::Ordinal | Kind::Cardinal | Kind::Tens | Kind::Weekday
                    )
            });
        glued.then_some(i)
    }

    /// Ranges and lists of days: من 10 إلى 12 أبريل، 13 الى 15 تموز، تموز 13 الى 15،
    /// يوليو 13-15، 12-14 شباط، بين 12 و14 شباط، يومي 15 و16 يوليو، في 24 و25 حزيران،
    /// الخامس والسادس من آذار، بين عامي 2019 و2021، يومي السبت والأحد، من 13 تموز الى 15
    /// تموز. Each end's extent is kept (`parts`): TimeML annotates one timex per end.
    pub(super) fn range_rule(&self, i: usize) -> Option<Found> {
        let start = self.lexeme_start(i);
        // يومي السبت والأحد
        let days = self.func(i, "days");
        if let Some(l) = days
            && let Some((j, a)) = self.weekday(l.next, true)
        {
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
            return self.found_parts(
                l.start,
                next,
                Expr::Range(Box::new(mk(a)), Box::new(mk(b))),
                (i, j),
                (k, next),
            );
        }
        if let Some(found) = self.year_range(i) {
            return Some(found);
        }
        // من … إلى, بين … و, يومي … و: the opener of the first end
        let opener = self
            .func(i, "from")
            .map(|l| (l, false))
            .or_else(|| self.func(i, "between").map(|l| (l, true)));
        let (j, start, first, between) = match (opener, days) {
            (Some((l, between)), _) => (l.next, l.start, l.next, between),
            // يومي 15 و16 يوليو: the dual head stays with the first day
            (None, Some(l)) => (l.next, l.start, i, true),
            (None, None) => (i, start, i, false),
        };
        // A: a partial date (a lone day is allowed), then a separator, then B
        let (k, a) = self.range_end(j)?;
        let dashed = self.punct(k, &['-']);
        let mut list = false;
        let sep_next = if dashed {
            k + 1
        } else if let Some(l) = self
            .func(self.and(k), "to")
            .or_else(|| self.func(self.and(k), "until"))
            .filter(|_| !between)
        {
            l.next
        } else if let Some(n) = self.list_and(k) {
            // a list joins a lone day to a full one: 15 و16 يوليو، الخامس والسادس من آذار
            if a.month.is_some() || a.year.is_some() {
                return None;
            }
            list = true;
            n
        } else {
            return None;
        };
        let second = sep_next;
        let sep_next = self.opt_func(sep_next, "day");
        let (next, b) = self.range_end(sep_next)?;
        // a list names its month at the second day
        if list && b.month.is_none() && b.month_offset.is_none() {
            return None;
        }
        // the end must complete the start: it needs a month, unless the start has one
        let merged_a = Partial {
            year: a.year.or(b.year),
            month: a.month.or(b.month),
            day: a.day,
            weekday: a.weekday,
            hijri: a.hijri || b.hijri,
            month_offset: a.month_offset.or(if a.month.is_none() {
                b.month_offset
            } else {
                None
            }),
        };
        let merged_b = Partial {
            year: b.year.or(a.year),
            month: b.month.or(a.month),
            month_offset: b.month_offset.or(if b.month.is_none() {
                a.month_offset
            } else {
                None
            }),
            ..b
        };
        let has_month = |p: &Partial| p.month.is_some() || p.month_offset.is_some();
        if !has_month(&merged_a) || !has_month(&merged_b) {
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
        self.found_parts(
            start,
            next,
            Expr::Range(Box::new(mk(merged_a)), Box::new(mk(merged_b))),
            (first, k),
            (second, next),
        )
    }

    /// Year ranges: بين عامي 2019 و2021، من عام 2019 إلى 2021، من 2019 حتى 2021، 2019-2021.
    pub(super) fn year_range(&self, i: usize) -> Option<Found> {
        let year_word = |k: usize| -> usize {
            if self.word(k).is_some_and(|w| YEAR_DUALS.contains(&w)) {
                k + 1
            } else {
                self.func(k, "year").map_or(k, |l| l.next)
            }
        };
        let (start, first, j, between) =
            match self.func(i, "between").or_else(|| self.func(i, "from")) {
                Some(l) => (
                    l.start,
                    l.next,
                    year_word(l.next),
                    &*l.entry.value == "between",
                ),
                None => (self.start(i), i, i, false),
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
        self.found_parts(
            start,
            next,
            Expr::Range(Box::new(mk(a)), Box::new(mk(b))),
            (first, k),
            (sep, next),
        )
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
