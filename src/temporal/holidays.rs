//! Named days: how each holiday of `src/lexicon/holidays.yaml` falls in a given year.
//! Fixed dates, the nth weekday of a month, days counted from Western or Orthodox
//! Easter, and days of the Islamic (Hijri) calendar. Ceasefires and offensives are
//! often announced around these ("the Easter truce", "before Eid"), so a timeline
//! must be able to place them.

use chrono::{Datelike, Duration, NaiveDate, Weekday};
/// How a holiday's day is found in a year; `offset` days are added after (Black
/// Friday is Thanksgiving plus one).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HolidayRule {
    /// Every year on `[month, day]`.
    Fixed([u32; 2]),
    /// The `nth` `weekday` of `month`; a negative `nth` counts from the month's end.
    NthWeekday {
        month: u32,
        weekday: Weekday,
        nth: i32,
        offset: i64,
    },
    /// Days after (before, when negative) Western Easter Sunday.
    Easter(i64),
    /// Days after Orthodox Easter Sunday (Julian computus), as a Gregorian date.
    OrthodoxEaster(i64),
    /// `[month, day]` of the Islamic year, by the arithmetic (tabular) calendar. The
    /// day observed depends on the sighting of the moon and may differ by a day.
    Hijri([u32; 2]),
    /// `[month, day]` of the Hebrew year, months counted from Nisan (1) as the
    /// Bible does: Tishri is 7, Adar 12, Adar II (leap years) 13. The civil day;
    /// the holiday begins at sundown the evening before.
    Hebrew([u32; 2]),
}

impl HolidayRule {
    /// The days the holiday falls on in Gregorian `year`: one, except for a Hijri
    /// date, which the solar year holds once or, now and then, twice.
    pub fn days_in(self, year: i32) -> Vec<NaiveDate> {
        match self {
            HolidayRule::Fixed([month, day]) => NaiveDate::from_ymd_opt(year, month, day)
                .into_iter()
                .collect(),
            HolidayRule::NthWeekday {
                month,
                weekday,
                nth,
                offset,
            } => nth_weekday(year, month, weekday, nth)
                .and_then(|d| d.checked_add_signed(Duration::days(offset)))
                .into_iter()
                .collect(),
            HolidayRule::Easter(offset) => western_easter(year)
                .and_then(|d| d.checked_add_signed(Duration::days(offset)))
                .into_iter()
                .collect(),
            HolidayRule::OrthodoxEaster(offset) => orthodox_easter(year)
                .and_then(|d| d.checked_add_signed(Duration::days(offset)))
                .into_iter()
                .collect(),
            HolidayRule::Hebrew([month, day]) => {
                // The Hebrew year that begins in the autumn of `year` is year + 3761.
                (year + 3760..=year + 3761)
                    .filter_map(|h| hebrew_to_gregorian(h, month, day))
                    .filter(|d| d.year() == year)
                    .collect()
            }
            HolidayRule::Hijri([month, day]) => {
                // The Hijri year runs about 11 days short of the solar one.
                let approximate = (year - 622) * 33 / 32;
                (approximate - 1..=approximate + 2)
                    .filter_map(|h| hijri_to_gregorian(h, month, day))
                    .filter(|d| d.year() == year)
                    .collect()
            }
        }
    }

    /// Every occurrence from the year before `from` to the year after `to`, in order.
    pub fn occurrences(self, from: i32, to: i32) -> Vec<NaiveDate> {
        (from - 1..=to + 1).flat_map(|y| self.days_in(y)).collect()
    }
}

fn nth_weekday(year: i32, month: u32, weekday: Weekday, nth: i32) -> Option<NaiveDate> {
    if nth > 0 {
        NaiveDate::from_weekday_of_month_opt(year, month, weekday, u8::try_from(nth).ok()?)
    } else {
        let last = super::value::last_day_of_month(year, month)?;
        let back = (last.weekday().num_days_from_monday() as i64
            - weekday.num_days_from_monday() as i64)
            .rem_euclid(7);
        last.checked_sub_signed(Duration::days(back + 7 * (i64::from(-nth) - 1)))
            .filter(|d| d.month() == month)
    }
}

/// Western Easter Sunday: the anonymous Gregorian computus (Meeus/Jones/Butcher).
pub fn western_easter(year: i32) -> Option<NaiveDate> {
    let a = year % 19;
    let b = year / 100;
    let c = year % 100;
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
    NaiveDate::from_ymd_opt(year, u32::try_from(month).ok()?, u32::try_from(day).ok()?)
}

/// Orthodox Easter Sunday: the Julian computus (Meeus), moved to the Gregorian
/// calendar by the century's difference between the two.
pub fn orthodox_easter(year: i32) -> Option<NaiveDate> {
    let a = year % 4;
    let b = year % 7;
    let c = year % 19;
    let d = (19 * c + 15) % 30;
    let e = (2 * a + 4 * b - d + 34) % 7;
    let month = (d + e + 114) / 31;
    let day = (d + e + 114) % 31 + 1;
    let julian =
        NaiveDate::from_ymd_opt(year, u32::try_from(month).ok()?, u32::try_from(day).ok()?)?;
    let gap = year / 100 - year / 400 - 2;
    julian.checked_add_signed(Duration::days(i64::from(gap)))
}

/// The arithmetic Islamic calendar of Reingold and Dershowitz's *Calendrical
/// Calculations*, from the astronomical epoch (15 July 622 Julian): a day before the
/// civil epoch's dates, which lands on the days Saudi Arabia's Umm al-Qura calendar
/// and most sightings give more often.
fn hijri_to_gregorian(year: i32, month: u32, day: u32) -> Option<NaiveDate> {
    if !(1..=12).contains(&month) || !(1..=30).contains(&day) || year < 1 {
        return None;
    }
    const EPOCH: i64 = 227_014; // R.D. of 1 Muharram 1 AH, astronomical epoch
    let (year, month, day) = (i64::from(year), i64::from(month), i64::from(day));
    let fixed = day
        + 29 * (month - 1)
        + (6 * month - 1) / 11
        + (year - 1) * 354
        + (3 + 11 * year) / 30
        + EPOCH
        - 1;
    NaiveDate::from_num_days_from_ce_opt(i32::try_from(fixed).ok()?)
}

/// The fixed arithmetic Hebrew calendar (Reingold and Dershowitz, *Calendrical
/// Calculations*, chapter 8), as R.D. day numbers.
mod hebrew {
    const EPOCH: i64 = -1_373_427; // R.D. of 1 Tishri AM 1

    pub fn is_leap(year: i64) -> bool {
        (7 * year + 1).rem_euclid(19) < 7
    }

    fn elapsed_days(year: i64) -> i64 {
        let months = (235 * year - 234).div_euclid(19);
        let parts = 12_084 + 13_753 * months;
        let day = 29 * months + parts.div_euclid(25_920);
        if (3 * (day + 1)).rem_euclid(7) < 3 {
            day + 1
        } else {
            day
        }
    }

    fn year_length_correction(year: i64) -> i64 {
        let (before, now, after) = (
            elapsed_days(year - 1),
            elapsed_days(year),
            elapsed_days(year + 1),
        );
        if after - now == 356 {
            2
        } else if now - before == 382 {
            1
        } else {
            0
        }
    }

    pub fn new_year(year: i64) -> i64 {
        EPOCH + elapsed_days(year) + year_length_correction(year)
    }

    fn days_in_year(year: i64) -> i64 {
        new_year(year + 1) - new_year(year)
    }

    pub fn month_length(year: i64, month: i64) -> i64 {
        let length = days_in_year(year);
        let short = match month {
            2 | 4 | 6 | 10 | 13 => true,
            12 => !is_leap(year),
            8 => length.rem_euclid(10) != 5,
            9 => length.rem_euclid(10) == 3,
            _ => false,
        };
        if short {
            29
        } else {
            30
        }
    }

    /// R.D. of `day` `month` `year`.
    pub fn fixed(year: i64, month: i64, day: i64) -> i64 {
        let last_month = if is_leap(year) { 13 } else { 12 };
        let before: i64 = if month < 7 {
            (7..=last_month)
                .chain(1..month)
                .map(|m| month_length(year, m))
                .sum()
        } else {
            (7..month).map(|m| month_length(year, m)).sum()
        };
        new_year(year) + before + day - 1
    }
}

fn hebrew_to_gregorian(year: i32, month: u32, day: u32) -> Option<NaiveDate> {
    let (year, month, day) = (i64::from(year), i64::from(month), i64::from(day));
    let months = if hebrew::is_leap(year) { 13 } else { 12 };
    if !(1..=months).contains(&month) || day < 1 || day > hebrew::month_length(year, month) {
        return None;
    }
    NaiveDate::from_num_days_from_ce_opt(i32::try_from(hebrew::fixed(year, month, day)).ok()?)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn easter_in_both_churches() {
        for (year, western, orthodox) in [
            (2013, "2013-03-31", "2013-05-05"),
            (2018, "2018-04-01", "2018-04-08"),
            (2024, "2024-03-31", "2024-05-05"),
            (2025, "2025-04-20", "2025-04-20"),
            (2026, "2026-04-05", "2026-04-12"),
        ] {
            assert_eq!(western_easter(year), Some(day(western)), "{year}");
            assert_eq!(orthodox_easter(year), Some(day(orthodox)), "{year}");
        }
    }

    #[test]
    fn nth_and_last_weekdays() {
        let thanksgiving = HolidayRule::NthWeekday {
            month: 11,
            weekday: Weekday::Thu,
            nth: 4,
            offset: 0,
        };
        assert_eq!(thanksgiving.days_in(2013), vec![day("2013-11-28")]);
        let memorial = HolidayRule::NthWeekday {
            month: 5,
            weekday: Weekday::Mon,
            nth: -1,
            offset: 0,
        };
        assert_eq!(memorial.days_in(2025), vec![day("2025-05-26")]);
    }

    #[test]
    fn hebrew_holidays_on_their_civil_days() {
        for (rule, year, expected) in [
            (HolidayRule::Hebrew([7, 1]), 2018, "2018-09-10"), // Rosh Hashanah
            (HolidayRule::Hebrew([7, 10]), 2018, "2018-09-19"), // Yom Kippur
            (HolidayRule::Hebrew([7, 10]), 1973, "1973-10-06"), // Yom Kippur War
            (HolidayRule::Hebrew([7, 22]), 2023, "2023-10-07"), // Shemini Atzeret
            (HolidayRule::Hebrew([1, 15]), 2018, "2018-03-31"), // Passover
            (HolidayRule::Hebrew([9, 25]), 2018, "2018-12-03"), // Hanukkah
            (HolidayRule::Hebrew([1, 15]), 2024, "2024-04-23"), // Passover, leap year
        ] {
            assert_eq!(rule.days_in(year), vec![day(expected)], "{rule:?} {year}");
        }
    }

    #[test]
    fn hijri_days_within_a_day_of_those_observed() {
        // Observed dates; the arithmetic calendar may be a day off the sighting.
        let eid_al_fitr = HolidayRule::Hijri([10, 1]);
        for observed in ["2024-04-10", "2025-03-30", "2018-06-15"] {
            let observed = day(observed);
            let computed = eid_al_fitr.days_in(observed.year());
            assert!(
                computed
                    .iter()
                    .any(|d| (*d - observed).num_days().abs() <= 1),
                "{observed}: {computed:?}"
            );
        }
        // 2000 and 2033 each hold two Eids al-Fitr.
        assert_eq!(eid_al_fitr.days_in(2033).len(), 2);
    }
}
