//! Parts of a period: halves, quarters and seasons of a year.

use super::*;

impl<'a> Parser<'a> {
    /// النصف الأول من 2021، الربع الثالث من عام 2016، الربع الأخير، الربع الثالث 2016.
    pub(super) fn part_of_year(&self, i: usize) -> Option<(usize, usize, Base, Option<Part>)> {
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
}
