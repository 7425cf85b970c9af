//! Named days: how each holiday of `src/temporal/lexicon/holidays.yaml` falls in a
//! given year, and how that file is read.
//! Fixed dates, the nth weekday of a month, days counted from Western or Orthodox
//! Easter, and days of the Islamic (Umm al-Qura), Hebrew, Chinese, Vietnamese and
//! Hindu calendars, the lunar ones computed from the Moon (`astronomy`) rather than
//! from a table, so any year works. Ceasefires and offensives are often announced
//! around these ("the Easter truce", "before Eid", "the Tet offensive"), so a timeline
//! must be able to place them.

use chrono::{Datelike, Duration, NaiveDate, Weekday};
use serde::Deserialize;

use crate::error::{Error, Result};

/// A holiday's day: where it falls (`day`), moved as the law moves it (`shift`), in
/// the years it is kept (`every` 4: each fourth year, as Super Tuesday).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct HolidayRule {
    pub day: DayRule,
    pub shift: Shift,
    pub every: u8,
}

impl From<DayRule> for HolidayRule {
    fn from(day: DayRule) -> Self {
        HolidayRule {
            day,
            shift: Shift::None,
            every: 1,
        }
    }
}

/// How a day moves off where its rule puts it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shift {
    None,
    /// The last such weekday strictly before it (Victoria Day: the Monday before
    /// 25 May; Jumu'atul-Wida: the Friday before Eid al-Fitr).
    WeekdayBefore(Weekday),
    /// The first such weekday on or after it (Reconciliation Day: the Monday from
    /// 27 May).
    WeekdayFrom(Weekday),
    /// The nearest such weekday (Discovery Day: the Monday nearest 24 June).
    NearestWeekday(Weekday),
    /// Days to move when it falls on a Saturday or a Sunday (Boss's Day: -1 and +1;
    /// King's Day: 0 and -1).
    Weekend {
        saturday: i8,
        sunday: i8,
    },
}

impl Shift {
    fn apply(self, day: NaiveDate) -> Option<NaiveDate> {
        let weekday_gap = |weekday: Weekday| {
            i64::from(day.weekday().num_days_from_monday())
                - i64::from(weekday.num_days_from_monday())
        };
        let days = match self {
            Shift::None => 0,
            Shift::WeekdayBefore(weekday) => {
                let back = weekday_gap(weekday).rem_euclid(7);
                -(if back == 0 { 7 } else { back })
            }
            Shift::WeekdayFrom(weekday) => (-weekday_gap(weekday)).rem_euclid(7),
            Shift::NearestWeekday(weekday) => {
                let back = weekday_gap(weekday).rem_euclid(7);
                if back <= 3 {
                    -back
                } else {
                    7 - back
                }
            }
            Shift::Weekend { saturday, sunday } => match day.weekday() {
                Weekday::Sat => i64::from(saturday),
                Weekday::Sun => i64::from(sunday),
                _ => 0,
            },
        };
        day.checked_add_signed(Duration::days(days))
    }
}

impl HolidayRule {
    /// The days the holiday falls on in Gregorian `year`: one, except for a Hijri
    /// date, which the solar year holds once or, now and then, twice.
    pub fn days_in(self, year: i32) -> Vec<NaiveDate> {
        if self.every > 1 && year.rem_euclid(i32::from(self.every)) != 0 {
            return Vec::new();
        }
        self.day
            .days_in(year)
            .into_iter()
            .filter_map(|d| self.shift.apply(d))
            .collect()
    }

    /// Every occurrence from the year before `from` to the year after `to`, in order.
    pub fn occurrences(self, from: i32, to: i32) -> Vec<NaiveDate> {
        // A day in history is the one meant, however long ago.
        if let DayRule::Once(day) = self.day {
            return vec![day];
        }
        (from - 1..=to + 1).flat_map(|y| self.days_in(y)).collect()
    }
}

/// How a holiday's day is found in a year; `offset` days are added after (Black
/// Friday is Thanksgiving plus one).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DayRule {
    /// A lunar day (tithi 1-30; 16-30 the waning half) of a Hindu month (1
    /// Chaitra ... 12 Phalguna, new moon to new moon), kept on the day it holds at
    /// `at`, moved `offset` days (Holi is the day after Holika Dahan).
    Hindu {
        month: u8,
        tithi: u8,
        at: Moment,
        offset: i8,
    },
    /// The day (India) the Sun enters sidereal sign `sign` (0 Mesha ... 9 Makara), the
    /// next day when it enters after sunset, moved `offset` days (Pongal's four days).
    Sankranti { sign: u8, offset: i8 },
    /// One day in history ("Tsunami Tuesday", the primaries of 5 February 2008).
    Once(NaiveDate),
    /// The New Year of a calendar of 365 days with no leap day, given by one known
    /// New Year: it comes a day earlier every four years (the Parsi Shahenshahi year,
    /// whose New Year was 17 August 2018 and 16 August 2022).
    VagueYear(NaiveDate),
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
    /// `[month, day]` of the Islamic year, by Saudi Arabia's Umm al-Qura calendar,
    /// computed from the Moon. Where the month waits for a sighting it may begin a day
    /// later.
    Hijri([u32; 2]),
    /// `[month, day]` of the Chinese lunisolar year (Spring Festival is `[1, 1]`).
    Chinese([u32; 2]),
    /// `[month, day]` of the Vietnamese lunisolar year: the Chinese rules read at
    /// UTC+7, so Tết now and then falls a day or a month apart.
    Vietnamese([u32; 2]),
    /// The day (Beijing time) the Sun reaches this longitude, in degrees: the 24 solar
    /// terms (Qingming, the Tomb-Sweeping Day, is 15).
    SolarTerm(u32),
    /// `[month, day]` of the Hebrew year, months counted from Nisan (1) as the
    /// Bible does: Tishri is 7, Adar 12, Adar II (leap years) 13. The civil day;
    /// the holiday begins at sundown the evening before.
    Hebrew([u32; 2]),
}

impl DayRule {
    /// The days the holiday falls on in Gregorian `year`: one, except for a Hijri
    /// date, which the solar year holds once or, now and then, twice.
    pub fn days_in(self, year: i32) -> Vec<NaiveDate> {
        match self {
            DayRule::Hindu {
                month,
                tithi,
                at,
                offset,
            } => hindu::days(year, month, tithi, at)
                .into_iter()
                .filter_map(|d| d.checked_add_signed(Duration::days(i64::from(offset))))
                .filter(|d| d.year() == year)
                .collect(),
            DayRule::Sankranti { sign, offset } => hindu::sankranti(year, sign)
                .and_then(|d| d.checked_add_signed(Duration::days(i64::from(offset))))
                .into_iter()
                .collect(),
            DayRule::Once(day) => Vec::from_iter((day.year() == year).then_some(day)),
            DayRule::VagueYear(known) => {
                // The drift is a day in four years: the New Year a whole number of
                // 365-day years from `known` that lies in `year` (one, for millennia).
                let years = i64::from(year - known.year());
                [years - 1, years, years + 1]
                    .into_iter()
                    .filter_map(|k| known.checked_add_signed(Duration::days(365 * k)))
                    .filter(|d| d.year() == year)
                    .collect()
            }
            DayRule::Fixed([month, day]) => NaiveDate::from_ymd_opt(year, month, day)
                .into_iter()
                .collect(),
            DayRule::NthWeekday {
                month,
                weekday,
                nth,
                offset,
            } => super::value::nth_of_month(year, month, nth, Some(weekday))
                .and_then(|d| d.checked_add_signed(Duration::days(offset)))
                .into_iter()
                .collect(),
            DayRule::Easter(offset) => western_easter(year)
                .and_then(|d| d.checked_add_signed(Duration::days(offset)))
                .into_iter()
                .collect(),
            DayRule::OrthodoxEaster(offset) => orthodox_easter(year)
                .and_then(|d| d.checked_add_signed(Duration::days(offset)))
                .into_iter()
                .collect(),
            DayRule::Hebrew([month, day]) => {
                // The Hebrew year that begins in the autumn of `year` is year + 3761.
                (year + 3760..=year + 3761)
                    .filter_map(|h| hebrew_to_gregorian(h, month, day))
                    .filter(|d| d.year() == year)
                    .collect()
            }
            DayRule::Chinese([month, day]) => lunisolar_days(year, month, day, 8.0),
            DayRule::Vietnamese([month, day]) => lunisolar_days(year, month, day, 7.0),
            DayRule::SolarTerm(longitude) => {
                lunisolar::solar_term_day(year, f64::from(longitude), 8.0)
                    .into_iter()
                    .collect()
            }
            DayRule::Hijri([month, day]) => {
                // The Hijri year runs about 11 days short of the solar one.
                let approximate = (year - 622) * 33 / 32;
                (approximate - 1..=approximate + 2)
                    .filter_map(|h| hijri_to_gregorian(h, month, day))
                    .filter(|d| d.year() == year)
                    .collect()
            }
        }
    }
}

/// When in the day a Hindu festival must hold its lunar day: most at sunrise;
/// Diwali and Karva Chauth in the evening; Janmashtami at midnight.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Moment {
    Sunrise,
    Sunset,
    Midnight,
}

/// The Hindu lunisolar calendar as most of North and West India prints it: amanta
/// months (new moon to new moon), each named for the sidereal sign the Sun enters
/// during it (entering Mesha makes Chaitra); a month in which it enters none is a leap
/// month, and festivals skip it. Read at New Delhi, in Indian Standard Time.
mod hindu {
    use super::super::astronomy::{
        julian_day, local_date, lunar_day, lunation_near, new_moon, sidereal_solar_longitude,
        solar_term_sidereal, sunrise, sunset, JulianDay, Place,
    };
    use super::Moment;
    use chrono::{Datelike, Duration, NaiveDate};

    const DELHI: Place = Place {
        latitude: 28.6139,
        longitude: 77.2090,
    };
    const IST: f64 = 5.5;

    fn moment(day: NaiveDate, at: Moment) -> Option<JulianDay> {
        match at {
            Moment::Sunrise => sunrise(DELHI, day),
            Moment::Sunset => sunset(DELHI, day),
            Moment::Midnight => Some(julian_day(day, 24.0 - IST)),
        }
    }

    /// The days of lunar day `tithi` of month `month` that fall in `year`.
    pub fn days(year: i32, month: u8, tithi: u8, at: Moment) -> Vec<NaiveDate> {
        let (Some(first), Some(last)) = (
            NaiveDate::from_ymd_opt(year, 1, 1),
            NaiveDate::from_ymd_opt(year, 12, 31),
        ) else {
            return Vec::new();
        };
        let from = lunation_near(julian_day(first, 0.0)) - 2;
        let to = lunation_near(julian_day(last, 0.0)) + 2;
        // Each new moon with the sign the Sun is in then: a month is named by the sign
        // it ends in, and is a leap month when it ends in the sign it began in.
        let new_moons: Vec<(JulianDay, i64)> = (from..=to)
            .map(new_moon)
            .map(|jd| (jd, (sidereal_solar_longitude(jd) / 30.0).floor() as i64))
            .collect();
        new_moons
            .windows(2)
            .filter_map(|pair| {
                let [(start, sign_at_start), (end, sign_at_end)] = pair else {
                    return None;
                };
                let name = sign_at_end.rem_euclid(12) + 1;
                (sign_at_start != sign_at_end && name == i64::from(month)).then_some((*start, *end))
            })
            .filter_map(|(start, end)| day_of_tithi(start, end, tithi, at))
            .filter(|d| d.year() == year)
            .collect()
    }

    /// The day in the month from `start` to `end` whose `at` falls in lunar day
    /// `tithi`; when none does (the lunar day began and ended between two), the day
    /// it began on.
    fn day_of_tithi(start: JulianDay, end: JulianDay, tithi: u8, at: Moment) -> Option<NaiveDate> {
        let first = local_date(start, IST)?;
        let mut previous: Option<NaiveDate> = None;
        for offset in 0..=31 {
            let day = first + Duration::days(offset);
            let when = moment(day, at)?;
            if when < start {
                continue;
            }
            if when >= end {
                break;
            }
            let current = lunar_day(when);
            if current == u32::from(tithi) {
                return Some(day);
            }
            if current > u32::from(tithi) {
                return previous.or(Some(day));
            }
            previous = Some(day);
        }
        None
    }

    /// The day the Sun enters sidereal `sign` in `year` (India): the next when it
    /// enters after sunset.
    pub fn sankranti(year: i32, sign: u8) -> Option<NaiveDate> {
        let start = julian_day(NaiveDate::from_ymd_opt(year, 1, 1)?, 0.0);
        let entry = solar_term_sidereal(f64::from(sign) * 30.0, start - 1.0);
        let day = local_date(entry, IST)?;
        if entry > sunset(DELHI, day)? {
            day.succ_opt()
        } else {
            Some(day)
        }
    }
}

/// The days in Gregorian `year` that are `[month, day]` of a lunisolar year: the
/// one that begins in `year`, and for the last months, the one before.
fn lunisolar_days(year: i32, month: u32, day: u32, utc_offset: f64) -> Vec<NaiveDate> {
    (year - 1..=year)
        .filter_map(|y| lunisolar::to_gregorian(y, month, day, utc_offset))
        .filter(|d| d.year() == year)
        .collect()
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

/// The Islamic month `month` of `year` AH begins on this civil day, as Saudi Arabia's
/// Umm al-Qura calendar counts it (the one most governments and newsrooms in the
/// region print): from 1420 AH, the day after the evening on which the new moon has
/// been born before sunset at Mecca and the Moon sets after the Sun; before 1420,
/// the day after the Greenwich date of the new moon. Sightings elsewhere may begin a
/// month a day later.
fn hijri_month_start(year: i32, month: u32) -> Option<NaiveDate> {
    use super::astronomy::{
        julian_day, local_date, lunation_near, moon_sets_after_sun, new_moon, sunset, MECCA,
    };
    let estimate = arithmetic_hijri(year, month, 1)?;
    // The arithmetic calendar lands within two days of the conjunction's eve.
    let conjunction = new_moon(lunation_near(julian_day(estimate, 0.0) - 1.0));
    if year < 1420 {
        return local_date(conjunction, 0.0)?.succ_opt();
    }
    let day = local_date(conjunction, 3.0)?;
    let evening = sunset(MECCA, day)?;
    let days = if conjunction < evening && moon_sets_after_sun(MECCA, evening) {
        1
    } else {
        2
    };
    day.checked_add_signed(Duration::days(days))
}

fn hijri_to_gregorian(year: i32, month: u32, day: u32) -> Option<NaiveDate> {
    // The month and year are checked where the month's start is first estimated.
    if !(1..=30).contains(&day) {
        return None;
    }
    let start = hijri_month_start(year, month)?;
    if day == 30 {
        // A month of 29 days has no 30th: the next month has begun by then.
        let (next_year, next_month) = if month == 12 {
            (year + 1, 1)
        } else {
            (year, month + 1)
        };
        if hijri_month_start(next_year, next_month)? <= start + Duration::days(29) {
            return None;
        }
    }
    start.checked_add_signed(Duration::days(i64::from(day) - 1))
}

/// The arithmetic Islamic calendar of Reingold and Dershowitz's *Calendrical
/// Calculations*, from the astronomical epoch (15 July 622 Julian): within two days of
/// the months the Moon begins, a first guess for them.
fn arithmetic_hijri(year: i32, month: u32, day: u32) -> Option<NaiveDate> {
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

/// The Chinese calendar (and Vietnam's, a meridian further west): months begin on the
/// civil day of the new moon at the meridian of `utc_offset` hours; the eleventh month
/// holds the winter solstice; a year of thirteen months repeats the first month that
/// holds no principal solar term (a multiple of 30° of the Sun's longitude). After
/// Helmer Aslaksen, *The Mathematics of the Chinese Calendar*.
mod lunisolar {
    use super::super::astronomy::{
        julian_day, local_date, lunation_near, new_moon, solar_longitude, solar_term,
    };
    use chrono::NaiveDate;

    /// The lunation that begins the eleventh month of the year `year` ends in: the
    /// last new moon on or before the day of December's solstice.
    fn eleventh_month(year: i32, utc_offset: f64) -> Option<i64> {
        let december = NaiveDate::from_ymd_opt(year, 12, 1)?;
        let solstice = solar_term(270.0, julian_day(december, 0.0));
        let solstice_day = local_date(solstice, utc_offset)?;
        let mut k = lunation_near(solstice);
        while local_date(new_moon(k), utc_offset)? > solstice_day {
            k -= 1;
        }
        while local_date(new_moon(k + 1), utc_offset)? <= solstice_day {
            k += 1;
        }
        Some(k)
    }

    /// The months from the eleventh month of `year - 1` up to the next eleventh month:
    /// (number, leap, first day, days).
    fn months(year: i32, utc_offset: f64) -> Option<Vec<(u32, bool, NaiveDate, i64)>> {
        let first = eleventh_month(year - 1, utc_offset)?;
        let last = eleventh_month(year, utc_offset)?;
        let starts = (first..=last)
            .map(|k| local_date(new_moon(k), utc_offset))
            .collect::<Option<Vec<NaiveDate>>>()?;
        let midnight = |day: NaiveDate| julian_day(day, -utc_offset);
        let has_principal_term = |i: usize| {
            let term = |day: NaiveDate| (solar_longitude(midnight(day)) / 30.0).floor();
            term(starts[i]) != term(starts[i + 1])
        };
        let leap = (starts.len() == 14)
            .then(|| (0..13).find(|&i| !has_principal_term(i)))
            .flatten();
        let mut number = 10;
        let mut out = Vec::with_capacity(13);
        for i in 0..starts.len() - 1 {
            let is_leap = leap == Some(i);
            if !is_leap {
                number = number % 12 + 1;
            }
            out.push((
                number,
                is_leap,
                starts[i],
                (starts[i + 1] - starts[i]).num_days(),
            ));
        }
        Some(out)
    }

    /// Day `day` of month `month` of the lunisolar year that begins in Gregorian `year`.
    pub fn to_gregorian(year: i32, month: u32, day: u32, utc_offset: f64) -> Option<NaiveDate> {
        // Months 11 and 12 open the next solstice-to-solstice span.
        let (span, wanted_early) = if month >= 11 {
            (months(year + 1, utc_offset)?, true)
        } else {
            (months(year, utc_offset)?, false)
        };
        let new_year = span.iter().position(|m| m.0 == 1 && !m.1)?;
        let (_, _, start, length) = span.iter().enumerate().find_map(|(i, m)| {
            (m.0 == month && !m.1 && (i < new_year) == wanted_early).then_some(*m)
        })?;
        (i64::from(day) <= length).then(|| start + chrono::Duration::days(i64::from(day) - 1))
    }

    /// The civil day at `utc_offset` when the Sun reaches `longitude` in `year`.
    pub fn solar_term_day(year: i32, longitude: f64, utc_offset: f64) -> Option<NaiveDate> {
        let start = julian_day(NaiveDate::from_ymd_opt(year, 1, 1)?, 0.0);
        let moment = solar_term(longitude, start - 1.0);
        local_date(moment, utc_offset)
    }
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

// ---------------------------------------------------------------------------------
// holidays.yaml

/// A named day and how it falls in a year.
#[derive(Debug, Clone)]
pub struct Holiday {
    pub rule: HolidayRule,
    /// How many days it lasts (Ramadan: 30).
    pub days: u32,
    /// Where it is kept on this day; empty: everywhere not listed elsewhere.
    pub regions: Vec<String>,
    /// Read only when capitalised ("Lent", not "lent").
    pub cased: bool,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct HolidayFile {
    pub(super) holidays: Vec<HolidayEntry>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct HolidayEntry {
    pub(super) names: Vec<String>,
    pub(super) date: HolidayDate,
    #[serde(default)]
    pub(super) days: u32,
    #[serde(default)]
    pub(super) regions: Vec<String>,
    #[serde(default)]
    pub(super) cased: bool,
}

/// One of the ways `holidays.yaml` gives a day (exactly one of the fields up to
/// `sankranti` is set), and how it moves or skips years.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct HolidayDate {
    once: Option<NaiveDate>,
    vague_year: Option<NaiveDate>,
    fixed: Option<[u32; 2]>,
    nth_weekday: Option<NthWeekday>,
    easter: Option<i64>,
    orthodox_easter: Option<i64>,
    hijri: Option<[u32; 2]>,
    hebrew: Option<[u32; 2]>,
    chinese: Option<[u32; 2]>,
    vietnamese: Option<[u32; 2]>,
    solar_term: Option<u32>,
    hindu: Option<HinduDay>,
    sankranti: Option<SankrantiDay>,
    weekday_before: Option<Weekday>,
    weekday_from: Option<Weekday>,
    nearest_weekday: Option<Weekday>,
    weekend: Option<WeekendShift>,
    every: Option<u8>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct HinduDay {
    month: u8,
    tithi: u8,
    #[serde(default = "sunrise")]
    at: Moment,
    #[serde(default)]
    offset: i8,
}

fn sunrise() -> Moment {
    Moment::Sunrise
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SankrantiDay {
    sign: u8,
    #[serde(default)]
    offset: i8,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct WeekendShift {
    #[serde(default)]
    saturday: i8,
    #[serde(default)]
    sunday: i8,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct NthWeekday {
    month: u32,
    weekday: Weekday,
    nth: i32,
    #[serde(default)]
    offset: i64,
}

impl HolidayDate {
    pub(super) fn rule(self, name: &str) -> Result<HolidayRule> {
        let bad = |reason: &str| Error::Lexicon {
            name: "holidays.yaml".into(),
            reason: format!("{name}: {reason}"),
        };
        let valid_day = |[month, day]: [u32; 2]| {
            NaiveDate::from_ymd_opt(2000, month, day)
                .map(|_| [month, day])
                .ok_or_else(|| bad("no such day"))
        };
        let mut rules = Vec::new();
        if let Some(day) = self.once {
            rules.push(DayRule::Once(day));
        }
        if let Some(day) = self.vague_year {
            rules.push(DayRule::VagueYear(day));
        }
        if let Some(day) = self.fixed {
            rules.push(DayRule::Fixed(valid_day(day)?));
        }
        if let Some(n) = self.nth_weekday {
            if !(1..=12).contains(&n.month) || n.nth == 0 || !(-5..=5).contains(&n.nth) {
                return Err(bad("nth_weekday needs a month 1-12 and nth ±1-5"));
            }
            rules.push(DayRule::NthWeekday {
                month: n.month,
                weekday: n.weekday,
                nth: n.nth,
                offset: n.offset,
            });
        }
        if let Some(offset) = self.easter {
            rules.push(DayRule::Easter(offset));
        }
        if let Some(offset) = self.orthodox_easter {
            rules.push(DayRule::OrthodoxEaster(offset));
        }
        // A [month, day] of a lunar or lunisolar calendar: months up to `last_month`,
        // days up to 30.
        let lunar = |field: &str, date: Option<[u32; 2]>, last_month: u32| match date {
            Some([month, day])
                if !(1..=last_month).contains(&month) || !(1..=30).contains(&day) =>
            {
                Err(bad(&format!(
                    "a {field} date is [month 1-{last_month}, day 1-30]"
                )))
            }
            date => Ok(date),
        };
        if let Some(date) = lunar("hijri", self.hijri, 12)? {
            rules.push(DayRule::Hijri(date));
        }
        if let Some(date) = lunar("hebrew", self.hebrew, 13)? {
            rules.push(DayRule::Hebrew(date));
        }
        if let Some(date) = lunar("chinese", self.chinese, 12)? {
            rules.push(DayRule::Chinese(date));
        }
        if let Some(date) = lunar("vietnamese", self.vietnamese, 12)? {
            rules.push(DayRule::Vietnamese(date));
        }
        if let Some(day) = self.hindu {
            if !(1..=12).contains(&day.month) || !(1..=30).contains(&day.tithi) {
                return Err(bad("a hindu day is {month: 1-12, tithi: 1-30}"));
            }
            rules.push(DayRule::Hindu {
                month: day.month,
                tithi: day.tithi,
                at: day.at,
                offset: day.offset,
            });
        }
        if let Some(day) = self.sankranti {
            if day.sign >= 12 {
                return Err(bad("a sankranti's sign is 0 (Mesha) to 11 (Mina)"));
            }
            rules.push(DayRule::Sankranti {
                sign: day.sign,
                offset: day.offset,
            });
        }
        if let Some(longitude) = self.solar_term {
            if longitude >= 360 || longitude % 15 != 0 {
                return Err(bad("a solar term is a longitude 0-345, a multiple of 15"));
            }
            rules.push(DayRule::SolarTerm(longitude));
        }
        let shifts = [
            self.weekday_before.map(Shift::WeekdayBefore),
            self.weekday_from.map(Shift::WeekdayFrom),
            self.nearest_weekday.map(Shift::NearestWeekday),
            self.weekend.map(|w| Shift::Weekend {
                saturday: w.saturday,
                sunday: w.sunday,
            }),
        ];
        let shift =
            match shifts.iter().flatten().collect::<Vec<_>>().as_slice() {
                [] => Shift::None,
                [shift] => **shift,
                _ => return Err(bad(
                    "give at most one of weekday_before, weekday_from, nearest_weekday, weekend",
                )),
            };
        let every = self.every.unwrap_or(1);
        if every == 0 {
            return Err(bad("every counts years: 1 or more"));
        }
        match rules.as_slice() {
            [day] => Ok(HolidayRule {
                day: *day,
                shift,
                every,
            }),
            _ => Err(bad(
                "give exactly one of once, vague_year, fixed, nth_weekday, easter, orthodox_easter, hijri, hebrew, chinese, vietnamese, solar_term, hindu, sankranti",
            )),
        }
    }
}

/// A name as people also write it: "mother's day" as "mothers day", "eid al-adha" as
/// "eid al adha", "st. patrick's" as "st patricks".
pub(super) fn simplified_name(tokens: &[String]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for token in tokens {
        match token.as_str() {
            "'" | "-" | "." => {}
            "s" if out.last().is_some() && tokens.len() > 1 => {
                if let Some(last) = out.last_mut() {
                    last.push('s');
                }
            }
            _ => out.push(token.clone()),
        }
    }
    out
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
        let thanksgiving = DayRule::NthWeekday {
            month: 11,
            weekday: Weekday::Thu,
            nth: 4,
            offset: 0,
        };
        assert_eq!(thanksgiving.days_in(2013), vec![day("2013-11-28")]);
        let memorial = DayRule::NthWeekday {
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
            (DayRule::Hebrew([7, 1]), 2018, "2018-09-10"), // Rosh Hashanah
            (DayRule::Hebrew([7, 10]), 2018, "2018-09-19"), // Yom Kippur
            (DayRule::Hebrew([7, 10]), 1973, "1973-10-06"), // Yom Kippur War
            (DayRule::Hebrew([7, 22]), 2023, "2023-10-07"), // Shemini Atzeret
            (DayRule::Hebrew([1, 15]), 2018, "2018-03-31"), // Passover
            (DayRule::Hebrew([9, 25]), 2018, "2018-12-03"), // Hanukkah
            (DayRule::Hebrew([1, 15]), 2024, "2024-04-23"), // Passover, leap year
        ] {
            assert_eq!(rule.days_in(year), vec![day(expected)], "{rule:?} {year}");
        }
    }

    #[test]
    fn hijri_days_as_umm_al_qura_prints_them() {
        // Saudi Arabia's dates for the start of Ramadan, Eid al-Fitr and Eid al-Adha.
        for (rule, dates) in [
            (
                DayRule::Hijri([9, 1]),
                &[
                    "2018-05-16",
                    "2019-05-06",
                    "2020-04-24",
                    "2021-04-13",
                    "2022-04-02",
                    "2023-03-23",
                    "2024-03-11",
                    "2025-03-01",
                ][..],
            ),
            (
                DayRule::Hijri([10, 1]),
                &[
                    "2018-06-15",
                    "2019-06-04",
                    "2020-05-24",
                    "2021-05-13",
                    "2022-05-02",
                    "2023-04-21",
                    "2024-04-10",
                    "2025-03-30",
                    "1988-05-16",
                ][..],
            ),
            (
                DayRule::Hijri([12, 10]),
                &[
                    "2018-08-21",
                    "2019-08-11",
                    "2020-07-31",
                    "2021-07-20",
                    "2022-07-09",
                    "2023-06-28",
                    "2024-06-16",
                    "2025-06-06",
                ][..],
            ),
        ] {
            for expected in dates {
                let expected = day(expected);
                assert_eq!(
                    rule.days_in(expected.year()),
                    vec![expected],
                    "{rule:?} {expected}"
                );
            }
        }
        // 2000 and 2033 each hold two Eids al-Fitr.
        assert_eq!(DayRule::Hijri([10, 1]).days_in(2033).len(), 2);
    }

    #[test]
    fn chinese_and_vietnamese_new_years() {
        let spring_festival = DayRule::Chinese([1, 1]);
        for expected in [
            "1985-02-20",
            "2000-02-05",
            "2007-02-18",
            "2013-02-10",
            "2014-01-31",
            "2015-02-19",
            "2016-02-08",
            "2017-01-28",
            "2018-02-16",
            "2019-02-05",
            "2020-01-25",
            "2021-02-12",
            "2022-02-01",
            "2023-01-22",
            "2024-02-10",
            "2025-01-29",
            "2026-02-17",
            "2033-01-31",
        ] {
            let expected = day(expected);
            assert_eq!(spring_festival.days_in(expected.year()), vec![expected]);
        }
        // Vietnam's meridian puts Tết a day or a month before China's now and then.
        let tet = DayRule::Vietnamese([1, 1]);
        assert_eq!(tet.days_in(2007), vec![day("2007-02-17")]);
        assert_eq!(tet.days_in(1985), vec![day("1985-01-21")]);
        assert_eq!(tet.days_in(2024), vec![day("2024-02-10")]);
    }

    #[test]
    fn chinese_festivals_after_leap_months() {
        for (rule, expected) in [
            (DayRule::Chinese([8, 15]), "2023-09-29"), // Mid-Autumn
            (DayRule::Chinese([8, 15]), "2020-10-01"), // after a leap 4th month
            (DayRule::Chinese([8, 15]), "2017-10-04"), // after a leap 6th month
            (DayRule::Chinese([5, 5]), "2020-06-25"),  // Dragon Boat
            (DayRule::Chinese([5, 5]), "2023-06-22"),
            (DayRule::Chinese([1, 15]), "2024-02-24"), // Lantern Festival
            (DayRule::Chinese([12, 8]), "2025-01-07"), // Laba, the year before's
            (DayRule::SolarTerm(15), "2024-04-04"),    // Qingming
            (DayRule::SolarTerm(15), "2025-04-04"),
        ] {
            let expected = day(expected);
            assert_eq!(rule.days_in(expected.year()), vec![expected], "{rule:?}");
        }
    }
}
