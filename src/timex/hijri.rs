//! Hijri (Umm al-Qura) ↔ Gregorian conversion through ICU4X, bridged to chrono
//! by the Rata Die day count. All of ICU stays inside this file.
//!
//! Umm al-Qura is the Saudi official calendar (KACST table for 1300–1600 AH).
//! Announced month starts elsewhere follow moon sighting and can differ by a day.

use chrono::{Datelike, NaiveDate};
use icu_calendar::Date;
use icu_calendar::cal::Hijri;
use icu_calendar::types::{Month, RataDie};

/// Gregorian date of a Hijri day, if it exists.
pub fn to_gregorian(year: i32, month: u32, day: u32) -> Option<NaiveDate> {
    let month = u8::try_from(month).ok()?;
    let day = u8::try_from(day).ok()?;
    let date = Date::try_new(
        year.into(),
        Month::new(month),
        day,
        Hijri::new_umm_al_qura(),
    )
    .ok()?;
    let rd = date.to_rata_die().to_i64_date();
    NaiveDate::from_num_days_from_ce_opt(i32::try_from(rd).ok()?)
}

/// The Gregorian half-open interval `[first day, day after last)` of a Hijri month.
pub fn month_interval(year: i32, month: u32) -> Option<(NaiveDate, NaiveDate)> {
    let start = to_gregorian(year, month, 1)?;
    let end = if month == 12 {
        to_gregorian(year + 1, 1, 1)?
    } else {
        to_gregorian(year, month + 1, 1)?
    };
    Some((start, end))
}

/// The Gregorian interval of a Hijri year.
pub fn year_interval(year: i32) -> Option<(NaiveDate, NaiveDate)> {
    Some((to_gregorian(year, 1, 1)?, to_gregorian(year + 1, 1, 1)?))
}

/// The Hijri (year, month, day) of a Gregorian date.
pub fn from_gregorian(date: NaiveDate) -> (i32, u32, u32) {
    let rd = RataDie::new(i64::from(date.num_days_from_ce()));
    let h = Date::from_rata_die(rd, Hijri::new_umm_al_qura());
    (
        h.year().extended_year(),
        u32::from(h.month().ordinal),
        u32::from(h.day_of_month().0),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).expect("valid test date")
    }

    #[test]
    fn umm_al_qura_known_dates() {
        assert_eq!(to_gregorian(1445, 9, 1), Some(d(2024, 3, 11)));
        assert_eq!(to_gregorian(1442, 9, 1), Some(d(2021, 4, 13)));
        assert_eq!(to_gregorian(1447, 1, 1), Some(d(2025, 6, 26)));
        assert_eq!(
            month_interval(1440, 9),
            Some((d(2019, 5, 6), d(2019, 6, 4)))
        );
    }

    #[test]
    fn round_trip() {
        assert_eq!(from_gregorian(d(2021, 4, 27)), (1442, 9, 15));
        let (y, m, day) = from_gregorian(d(2013, 8, 8));
        assert_eq!(to_gregorian(y, m, day), Some(d(2013, 8, 8)));
    }

    #[test]
    fn invalid_days_are_none() {
        assert_eq!(to_gregorian(1442, 13, 1), None);
        assert_eq!(to_gregorian(1442, 9, 31), None);
    }
}
