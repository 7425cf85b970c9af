//! A point on the calendar at the precision the text supports: a day, an ISO week,
//! a month, a quarter, a year, or an interval of days. Written in ISO 8601 / TimeML
//! form (`2025-04-06`, `2025-W14`, `2025-03`, `2025-Q1`, `2025`, `2025-11-29/2025-11-30`).

use std::fmt;
use std::str::FromStr;

use chrono::{Datelike, Duration, Months, NaiveDate, Weekday};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum When {
    Day(NaiveDate),
    /// ISO 8601 week (Monday to Sunday) of an ISO week-numbering year.
    Week {
        year: i32,
        week: u32,
    },
    Month {
        year: i32,
        month: u32,
    },
    Quarter {
        year: i32,
        quarter: u32,
    },
    Year(i32),
    /// Inclusive interval of days.
    Interval(NaiveDate, NaiveDate),
}

impl When {
    pub fn week_of(day: NaiveDate) -> When {
        let iso = day.iso_week();
        When::Week {
            year: iso.year(),
            week: iso.week(),
        }
    }

    pub fn month_of(day: NaiveDate) -> When {
        When::Month {
            year: day.year(),
            month: day.month(),
        }
    }

    /// First and last day covered (inclusive). `None` only for values outside
    /// chrono's range, which a parsed value never is.
    pub fn bounds(&self) -> Option<(NaiveDate, NaiveDate)> {
        match *self {
            When::Day(d) => Some((d, d)),
            When::Week { year, week } => {
                let start = NaiveDate::from_isoywd_opt(year, week, Weekday::Mon)?;
                Some((start, start + Duration::days(6)))
            }
            When::Month { year, month } => {
                let start = NaiveDate::from_ymd_opt(year, month, 1)?;
                Some((start, last_day_of_month(year, month)?))
            }
            When::Quarter { year, quarter } => {
                let first_month = 3 * quarter - 2;
                let start = NaiveDate::from_ymd_opt(year, first_month, 1)?;
                Some((start, last_day_of_month(year, first_month + 2)?))
            }
            When::Year(y) => Some((
                NaiveDate::from_ymd_opt(y, 1, 1)?,
                NaiveDate::from_ymd_opt(y, 12, 31)?,
            )),
            When::Interval(a, b) => Some((a, b)),
        }
    }

    pub fn start(&self) -> Option<NaiveDate> {
        self.bounds().map(|b| b.0)
    }

    pub fn end(&self) -> Option<NaiveDate> {
        self.bounds().map(|b| b.1)
    }

    /// True when the value names a single day.
    pub fn is_day(&self) -> bool {
        matches!(self, When::Day(_))
    }
}

pub fn last_day_of_month(year: i32, month: u32) -> Option<NaiveDate> {
    let (next_year, next_month) = if month == 12 {
        (year + 1, 1)
    } else {
        (year, month + 1)
    };
    NaiveDate::from_ymd_opt(next_year, next_month, 1)?.pred_opt()
}

/// The `nth` day (or `weekday`) of a month, counting from its end when `nth` is
/// negative: `-1` is the last ("the last Monday of May", Memorial Day).
pub fn nth_of_month(
    year: i32,
    month: u32,
    nth: i32,
    weekday: Option<Weekday>,
) -> Option<NaiveDate> {
    let first = NaiveDate::from_ymd_opt(year, month, 1)?;
    let last = last_day_of_month(year, month)?;
    let matching = |d: &NaiveDate| weekday.is_none_or(|w| d.weekday() == w);
    let days = first.iter_days().take_while(|d| *d <= last);
    if nth > 0 {
        days.filter(matching).nth(usize::try_from(nth - 1).ok()?)
    } else {
        let all: Vec<NaiveDate> = days.filter(matching).collect();
        let back = usize::try_from(-nth).ok()?;
        all.len()
            .checked_sub(back)
            .and_then(|i| all.get(i).copied())
    }
}

/// `day` moved by `months` calendar months (back, when negative).
pub fn shift_months(day: NaiveDate, months: i64) -> Option<NaiveDate> {
    let magnitude = Months::new(u32::try_from(months.unsigned_abs()).ok()?);
    if months >= 0 {
        day.checked_add_months(magnitude)
    } else {
        day.checked_sub_months(magnitude)
    }
}

impl fmt::Display for When {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            When::Day(d) => f.write_str(&day_value(*d)),
            When::Week { year, week } => write!(f, "{}-W{week:02}", year_value(*year)),
            When::Month { year, month } => write!(f, "{}-{month:02}", year_value(*year)),
            When::Quarter { year, quarter } => write!(f, "{}-Q{quarter}", year_value(*year)),
            When::Year(y) => f.write_str(&year_value(*y)),
            When::Interval(a, b) => write!(f, "{}/{}", day_value(*a), day_value(*b)),
        }
    }
}

/// A year as TimeML writes it: four digits, and for years before the common era
/// `BC` and the year as counted then ("BC0499"). Years are astronomical inside (1 BC
/// is year 0, 499 BC is -498), as chrono counts them.
pub fn year_value(year: i32) -> String {
    if year <= 0 {
        format!("BC{:04}", 1 - i64::from(year))
    } else {
        format!("{year:04}")
    }
}

/// A day as TimeML writes it ("2025-04-06", "BC0480-09-20").
pub fn day_value(day: NaiveDate) -> String {
    format!(
        "{}-{:02}-{:02}",
        year_value(day.year()),
        day.month(),
        day.day()
    )
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("`{0}` is not an ISO 8601 date (YYYY-MM-DD, YYYY-Www, YYYY-MM, YYYY-Qn, YYYY or A/B)")]
pub struct ParseWhenError(pub String);

impl FromStr for When {
    type Err = ParseWhenError;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let text = text.trim();
        let err = || ParseWhenError(text.to_string());
        if let Some((a, b)) = text.split_once('/') {
            let start = a.parse::<When>()?.start().ok_or_else(err)?;
            let end = b.parse::<When>()?.end().ok_or_else(err)?;
            if end < start {
                return Err(err());
            }
            return Ok(When::Interval(start, end));
        }
        let number = |s: &str| -> Result<u32, ParseWhenError> {
            if s.is_empty() || !s.bytes().all(|b| b.is_ascii_digit()) {
                return Err(err());
            }
            s.parse().map_err(|_| err())
        };
        let parts: Vec<&str> = text.split('-').collect();
        let year = |s: &str| -> Result<i32, ParseWhenError> {
            let (digits, before_common_era) = match s.strip_prefix("BC") {
                Some(digits) => (digits, true),
                None => (s, false),
            };
            if digits.len() != 4 {
                return Err(err());
            }
            let year = number(digits)? as i32;
            Ok(if before_common_era { 1 - year } else { year })
        };
        let value = match parts.as_slice() {
            [y] => When::Year(year(y)?),
            [y, w] if w.starts_with('W') => When::Week {
                year: year(y)?,
                week: number(&w[1..])?,
            },
            [y, q] if q.starts_with('Q') => When::Quarter {
                year: year(y)?,
                quarter: number(&q[1..])?,
            },
            [y, m] => When::Month {
                year: year(y)?,
                month: number(m)?,
            },
            [y, m, d] => NaiveDate::from_ymd_opt(year(y)?, number(m)?, number(d)?)
                .map(When::Day)
                .ok_or_else(err)?,
            _ => return Err(err()),
        };
        // Reject out-of-range weeks, months and quarters.
        match value {
            When::Quarter { quarter, .. } if !(1..=4).contains(&quarter) => Err(err()),
            _ => value.bounds().map(|_| value).ok_or_else(err),
        }
    }
}

impl serde::Serialize for When {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> serde::Deserialize<'de> for When {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl serde::de::Visitor<'_> for Visitor {
            type Value = When;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an ISO 8601 date such as 2025-04-06, 2025-W14, 2025-03 or 2025")
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<When, E> {
                v.parse().map_err(E::custom)
            }
            // A bare year is read by YAML as a number.
            fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<When, E> {
                self.visit_str(&v.to_string())
            }
            fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<When, E> {
                self.visit_str(&v.to_string())
            }
        }
        deserializer.deserialize_any(Visitor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn round_trips_every_precision() {
        for text in [
            "2025-04-06",
            "2025-W14",
            "2025-03",
            "2025-Q1",
            "2025",
            "2025-11-29/2025-11-30",
        ] {
            let value: When = text.parse().unwrap();
            assert_eq!(value.to_string(), text);
        }
    }

    #[test]
    fn bounds_cover_the_period() {
        let cases = [
            ("2025-W51", "2025-12-15", "2025-12-21"),
            ("2025-W01", "2024-12-30", "2025-01-05"),
            ("2024-02", "2024-02-01", "2024-02-29"),
            ("2025-Q4", "2025-10-01", "2025-12-31"),
            ("2022", "2022-01-01", "2022-12-31"),
            ("2025-03/2025-04", "2025-03-01", "2025-04-30"),
        ];
        for (text, start, end) in cases {
            let value: When = text.parse().unwrap();
            assert_eq!(value.bounds(), Some((day(start), day(end))), "{text}");
        }
    }

    #[test]
    fn rejects_what_is_not_a_date() {
        for text in [
            "",
            "2025-13",
            "2025-W54",
            "2025-Q5",
            "25-01-01",
            "2025-02-30",
            "soon",
            "2025-04-06/2025-04-01",
            "2025-1x",
        ] {
            assert!(text.parse::<When>().is_err(), "{text} should not parse");
        }
    }
}
