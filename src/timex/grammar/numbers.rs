//! Numbers: digits, number words (teens, tens joined by و, hundreds, thousands), days and years as numbers, era markers.

use super::*;

impl<'a> Parser<'a> {
    pub(super) fn digits(&self, i: usize) -> Option<(i64, usize)> {
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
    pub(super) fn number(&self, i: usize) -> R<Num> {
        self.numbers.get(i, i, || self.number_uncached(i))
    }

    fn number_uncached(&self, i: usize) -> R<Num> {
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
    pub(super) fn number_words(&self, i: usize) -> R<Num> {
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
            // units come before tens (الحادي والثلاثين): a unit after tens starts the next
            // number of a list (الثلاثين والحادي والثلاثين)
            let tens_then_unit = class == 1 && term.class == 0;
            if !(term.class < class || unit_then_tens) || tens_then_unit || term.value <= 0 {
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
    pub(super) fn number_term(&self, i: usize, first: bool) -> R<Term> {
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
    pub(super) fn day_num(&self, i: usize) -> R<(usize, u32)> {
        self.days.get(i, i, || self.day_num_uncached(i))
    }

    fn day_num_uncached(&self, i: usize) -> R<(usize, u32)> {
        // غرة / فاتح (Moroccan): the first day of the month that follows
        if let Some(l) = self.at(i).iter().find(|l| {
            l.entry.kind == Kind::Function && &*l.entry.value == "first_day" && !l.article
        }) && self.month_ref(self.opt_func(l.next, "from")).is_some()
        {
            return Some((l.next, (l.start, 1)));
        }
        let (next, n) = self.number(i)?;
        if !(1..=31).contains(&n.value) || (!n.word && n.digits > 2) {
            return None;
        }
        // 07th, 1st, 22nd, 3rd
        let next = if !n.word && matches!(self.word(next), Some("th" | "st" | "nd" | "rd")) {
            next + 1
        } else {
            next
        };
        Some((next, (n.start, n.value as u32)))
    }

    /// A year: 3–4 digits, or number words of at least 1000 (ألفين وواحد وعشرين).
    pub(super) fn year_num(&self, i: usize) -> R<i32> {
        let (next, n) = self.number(i)?;
        let ok = if n.word {
            (1000..=2200).contains(&n.value)
        } else {
            n.digits >= 3 && n.digits <= 4
        };
        ok.then_some((next, n.value as i32))
    }

    /// An era marker after a year: هـ (hijri) or م (gregorian).
    pub(super) fn era(&self, i: usize) -> R<bool> {
        let l = self
            .kind(i, Kind::Era)
            .find(|l| l.prep.is_none() && !l.conj)?;
        Some((l.next, &*l.entry.value == "hijri"))
    }

    // ---- calendar pieces ------------------------------------------------
}
