//! What a temporal expression says, before it is put on the calendar (see
//! `resolve.rs` for how it is put there), and the words it is made of: units,
//! seasons, parts of the day, the deictic words "last", "this", "next".

use chrono::{Duration, NaiveDate, Weekday};
use serde::{Deserialize, Serialize};

use super::holidays::HolidayRule;
use super::value::{last_day_of_month, shift_months, When};

impl std::fmt::Display for Direction {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Direction::Backward => "backward",
            Direction::Past => "past",
            Direction::Forward => "forward",
            Direction::Nearest => "nearest",
            Direction::Around => "around",
        })
    }
}

/// Which way a bare weekday, month or year-less date resolves from the anchor.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Direction {
    /// Past or present tense: news looks back (the anchor day itself included).
    Backward,
    /// Past tense about the very thing the date names ("the Oct. 7 attack killed"):
    /// back, without the leeway [`Direction::Backward`] gives a deadline a few weeks
    /// ahead ("was extended to Nov. 16").
    Past,
    /// Future tense ("will meet on Tuesday"): forward, the anchor day included.
    Forward,
    /// No tense cue: the reading nearest the anchor (a bare weekday still looks back,
    /// as news weekdays mostly do).
    Nearest,
    /// A narrative: the reading nearest the time the text has reached, ahead or
    /// behind alike ("In September 1940 ... in February" is February 1941, "In June
    /// 1941 ... in early April" April 1941); its past tense says nothing about which.
    Around,
}

/// The word that places a named time from where the text stands: "last", "this",
/// "next", "that", "after next" (`relations` in temporal.yaml, `<relation>` in the
/// rule patterns, the `relation` fields of a [`Pattern`]). Not the order of two events,
/// which the extractor's relations are.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Deixis {
    Last,
    This,
    /// "the year", "the end of the month": the one the sentence is about ("last year
    /// ..., most of it in the second half of the year"), else the current one.
    Current,
    /// "the spring of that year", "March of the same year": the year the text last
    /// dated, with no fallback.
    That,
    Next,
    /// "Friday after next", "March after next": one further than next.
    AfterNext,
}

impl Deixis {
    pub(super) fn step(self) -> i32 {
        match self {
            Deixis::Last => -1,
            Deixis::This | Deixis::Current | Deixis::That => 0,
            Deixis::Next => 1,
            Deixis::AfterNext => 2,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Unit {
    Second,
    Minute,
    Hour,
    Day,
    Weekend,
    Week,
    Fortnight,
    Month,
    Quarter,
    Year,
    Decade,
    Century,
}

impl Unit {
    /// ISO 8601 duration: `P2D`, `P3W`, `PT5H`; `X` for an unknown count.
    pub(super) fn duration(self, count: Option<i64>) -> String {
        let n = count.map_or_else(|| "X".to_string(), |c| c.to_string());
        match self {
            Unit::Second => format!("PT{n}S"),
            Unit::Minute => format!("PT{n}M"),
            Unit::Hour => format!("PT{n}H"),
            Unit::Day => format!("P{n}D"),
            Unit::Weekend => format!("P{n}WE"),
            Unit::Week => format!("P{n}W"),
            Unit::Fortnight => match count {
                Some(c) => format!("P{}W", 2 * c),
                None => "PXW".into(),
            },
            Unit::Month => format!("P{n}M"),
            Unit::Quarter => format!("P{n}Q"),
            Unit::Year => format!("P{n}Y"),
            // TimeBank writes decades and centuries in years; "decades" is PXY there.
            Unit::Decade => count.map_or_else(|| "PXY".into(), |c| format!("P{}Y", 10 * c)),
            Unit::Century => count.map_or_else(|| "PXC".into(), |c| format!("P{}Y", 100 * c)),
        }
    }

    /// Seconds, minutes and hours: no calendar day is named by a number of them.
    pub fn is_within_day(self) -> bool {
        matches!(self, Unit::Second | Unit::Minute | Unit::Hour)
    }

    /// `count` and a half of this unit, as a whole count of a finer one: (count, unit).
    pub fn with_half(self, count: i64) -> Option<(i64, Unit)> {
        Some(match self {
            Unit::Second | Unit::Weekend => return None,
            Unit::Minute => (60 * count + 30, Unit::Second),
            Unit::Hour => (60 * count + 30, Unit::Minute),
            Unit::Day => (24 * count + 12, Unit::Hour),
            Unit::Week => (7 * count + 3, Unit::Day),
            Unit::Fortnight => (14 * count + 7, Unit::Day),
            Unit::Month => (30 * count + 15, Unit::Day),
            Unit::Quarter => (3 * count + 1, Unit::Month),
            Unit::Year => (12 * count + 6, Unit::Month),
            Unit::Decade => (10 * count + 5, Unit::Year),
            Unit::Century => (100 * count + 50, Unit::Year),
        })
    }

    /// ISO 8601 duration of `count` and a half units: P2Y6M, PT5H30M, P1DT12H.
    pub(super) fn half_duration(self, count: i64) -> Option<String> {
        Some(match self {
            Unit::Year => format!("P{count}Y6M"),
            Unit::Month => format!("P{count}M15D"),
            Unit::Day => format!("P{count}DT12H"),
            Unit::Hour => format!("PT{count}H30M"),
            Unit::Minute => format!("PT{count}M30S"),
            unit => {
                let (whole, finer) = unit.with_half(count)?;
                finer.duration(Some(whole))
            }
        })
    }

    /// Move `day` by `count` units (negative: back). `None` for sub-day units.
    pub(super) fn shift(self, day: NaiveDate, count: i64) -> Option<NaiveDate> {
        match self {
            Unit::Day => day.checked_add_signed(Duration::days(count)),
            Unit::Week | Unit::Weekend => day.checked_add_signed(Duration::days(7 * count)),
            Unit::Fortnight => day.checked_add_signed(Duration::days(14 * count)),
            Unit::Month => shift_months(day, count),
            Unit::Quarter => shift_months(day, 3 * count),
            Unit::Year => shift_months(day, 12 * count),
            Unit::Decade => shift_months(day, 120 * count),
            Unit::Century => shift_months(day, 1200 * count),
            Unit::Second | Unit::Minute | Unit::Hour => None,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Part {
    Earlier,
    Later,
}

/// TimeML's `mod`: "early 2025" is 2025 with mod START.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Modifier {
    Start,
    Mid,
    End,
    Approx,
}

impl Modifier {
    pub fn timeml(self) -> &'static str {
        match self {
            Modifier::Start => "START",
            Modifier::Mid => "MID",
            Modifier::End => "END",
            Modifier::Approx => "APPROX",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Season {
    Spring,
    Summer,
    Fall,
    Winter,
}

impl Season {
    pub(super) fn code(self) -> &'static str {
        match self {
            Season::Spring => "SP",
            Season::Summer => "SU",
            Season::Fall => "FA",
            Season::Winter => "WI",
        }
    }

    /// Meteorological months (northern hemisphere); winter starts in December.
    pub(super) fn months(self, year: i32) -> Option<When> {
        let (start, end) = match self {
            Season::Spring => ((year, 3), (year, 5)),
            Season::Summer => ((year, 6), (year, 8)),
            Season::Fall => ((year, 9), (year, 11)),
            Season::Winter => ((year, 12), (year + 1, 2)),
        };
        Some(When::Interval(
            NaiveDate::from_ymd_opt(start.0, start.1, 1)?,
            last_day_of_month(end.0, end.1)?,
        ))
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DayPart {
    Morning,
    Afternoon,
    Evening,
    Night,
    /// "overnight": a night, told from the morning after it, that runs into the next
    /// day; an event dated by it may fall on either.
    Overnight,
}

impl DayPart {
    pub(super) fn code(self) -> &'static str {
        match self {
            DayPart::Morning => "MO",
            DayPart::Afternoon => "AF",
            DayPart::Evening => "EV",
            DayPart::Night | DayPart::Overnight => "NI",
        }
    }
}

/// TimeML's vague references to the present, the past and the future.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RefKind {
    Present,
    Past,
    Future,
}

/// The four TimeML TIMEX3 types.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum TimexType {
    Date,
    Time,
    Duration,
    Set,
}

impl TimexType {
    pub fn as_str(self) -> &'static str {
        match self {
            TimexType::Date => "DATE",
            TimexType::Time => "TIME",
            TimexType::Duration => "DURATION",
            TimexType::Set => "SET",
        }
    }
}

/// What an expression says, before it is put on the calendar.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pattern {
    MonthDay {
        month: u32,
        day: u32,
        year: Option<i32>,
    },
    /// "Sunday, Feb 10": the year near the anchor in which that day is that weekday.
    WeekdayMonthDay {
        weekday: Weekday,
        month: u32,
        day: u32,
    },
    /// "the 15th", "the 20th of next month", "Tuesday the 19th".
    DayOfMonth {
        day: u32,
        relation: Option<Deixis>,
        weekday: Option<Weekday>,
    },
    /// "the first Tuesday of October", "the last day of May 2015", "the second
    /// Monday of last month": `nth` counts from the end when negative; without a
    /// weekday it counts days.
    NthOfMonth {
        nth: i32,
        weekday: Option<Weekday>,
        month: Option<u32>,
        year: Option<i32>,
        relation: Option<Deixis>,
    },
    /// "Easter", "Eid al-Fitr 2018", "last Thanksgiving", "Christmas of next year"
    /// (`of_year`: the relation picks the year, not the occurrence).
    Holiday {
        rule: HolidayRule,
        days: u32,
        year: Option<i32>,
        relation: Option<Deixis>,
        of_year: bool,
        /// "Thanksgiving in three years", "Easter two years ago" (-2 years): the
        /// occurrence in the year or month that many units from the anchor.
        moved: Option<(i32, Unit)>,
        /// "three days after Easter" (3), "a week before Eid" (-7).
        offset: i32,
    },
    /// "the first week of October 2014", "the third last week of 2018": of the weeks
    /// (Monday to Sunday) that lie wholly in the month or year, the `nth`, counted
    /// from the end when negative. Without a year, the month nearest the anchor.
    NthWeek {
        nth: i32,
        month: Option<u32>,
        year: Option<i32>,
    },
    /// "the week of March 6": the week that day falls in.
    WeekOf {
        month: u32,
        day: u32,
        year: Option<i32>,
        /// "the weekend of Oct. 24-26": the Saturday and Sunday of that week.
        weekend: bool,
    },
    /// "3 fridays from now" (`count` 3), "2 thursdays ago" (`count` -2): the nth
    /// such weekday after (before) the anchor, not counting the anchor itself.
    NthWeekday {
        count: i64,
        weekday: Weekday,
    },
    /// "Wednesday of next week", "last week's Sunday".
    WeekdayOfWeek {
        weekday: Weekday,
        relation: Deixis,
    },
    /// "the next three days": the days ahead of the anchor, a length of time that
    /// also bounds the days it covers.
    Ahead {
        count: i64,
        unit: Unit,
    },
    MonthYear {
        month: u32,
        year: i32,
        modifier: Option<Modifier>,
    },
    Month {
        month: u32,
        relation: Option<Deixis>,
        modifier: Option<Modifier>,
    },
    Year {
        year: i32,
        modifier: Option<Modifier>,
    },
    /// "June last year", "March next year".
    MonthOfYear {
        month: u32,
        relation: Deixis,
    },
    /// "Nov. 27 last year", "3 March next year".
    MonthDayOfYear {
        month: u32,
        day: u32,
        relation: Deixis,
    },
    Decade(i32),
    /// A decade named without its century ("the nineties", "the '80s"): the last one
    /// with these two digits to have begun by the anchor.
    DecadeOfCentury(i32),
    /// The hundred years from a year ending in 00: "the 20th century" (1900-1999, as
    /// TimeML counts it: value "19").
    Century(i32),
    Weekday {
        weekday: Weekday,
        relation: Option<Deixis>,
    },
    RelativeDay(i64),
    RelativeUnit {
        relation: Deixis,
        unit: Unit,
        modifier: Option<Modifier>,
    },
    PartOfUnit {
        part: Part,
        unit: Unit,
    },
    Weekend {
        relation: Option<Deixis>,
    },
    Ago {
        count: i64,
        unit: Unit,
    },
    /// "a year earlier": back from the last date the text gave, at its precision.
    Earlier {
        count: i64,
        unit: Unit,
    },
    /// "that year", "the following month", "earlier that day": the unit of the
    /// date the text is about (its last explicit date), moved by `step`. With
    /// `deictic` and no such date, the publication date stands in ("the following
    /// week" said alone is next week); without it there is no value.
    Focus {
        unit: Unit,
        step: i64,
        deictic: bool,
        /// "the beginning of the following week", "late that year".
        modifier: Option<Modifier>,
    },
    /// "the third quarter", "the quarter", "last quarter", "the first quarter of 2025".
    Quarter {
        quarter: Option<u32>,
        year: Option<i32>,
        relation: Option<Deixis>,
    },
    Half {
        half: u32,
        /// "the second half of March": the days from the 16th on, valued as the month.
        month: Option<u32>,
        year: Option<i32>,
        /// "the second half of next year".
        relation: Option<Deixis>,
    },
    Season {
        season: Season,
        year: Option<i32>,
        relation: Option<Deixis>,
        /// "late spring", "early summer of 2023".
        modifier: Option<Modifier>,
    },
    /// "two days", "nearly three years"; `past` for "the past two weeks", which also
    /// bounds the days it covers.
    Duration {
        count: Option<i64>,
        /// Half a unit more: "2 1/2 years".
        half: bool,
        unit: Unit,
        past: bool,
    },
    Reference(RefKind),
    Set {
        unit: Option<Unit>,
        /// "every six months": P6M; "every few days": PXD; `None` for one unit.
        count: Option<Option<i64>>,
        /// "each July": XXXX-07.
        month: Option<u32>,
        weekday: Option<Weekday>,
        daypart: Option<DayPart>,
    },
    Time {
        date: Option<(u32, u32)>,
        /// The year written with the date ("14:30 on Feb 24, 2022").
        year: Option<i32>,
        weekday: Option<Weekday>,
        relation: Option<Deixis>,
        offset: Option<i64>,
        daypart: Option<DayPart>,
        clock: Option<(u32, u32)>,
        /// Said at Coordinated Universal Time ("16:08 UTC"): valued with `Z`.
        universal: bool,
    },
    /// "1992-1995", "from 2014 to 2016": whole years, valued by the first.
    YearSpan {
        from: i32,
        to: i32,
    },
    DaySpan {
        from: (u32, u32),
        to: (u32, u32),
        year: Option<i32>,
    },
    WeekdaySpan {
        from: Weekday,
        to: Weekday,
    },
}

/// What the text has said before an expression that the expression may lean on.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Context {
    /// The last date the text gave explicitly ("the third quarter", "Tuesday").
    pub last_date: Option<When>,
    /// The last quarter the text named: in a results story, "the quarter" and
    /// "a year earlier" are about it.
    pub last_quarter: Option<(i32, u32)>,
    /// The last date the current sentence named: "began on March 5 and ended on the
    /// 7th" is March 7, whatever the publication date; "last year Russia gained
    /// ground, most of it in the second half of the year" is about last year.
    pub sentence_date: Option<When>,
    /// The time a narrative has reached: the last date the text gave that is a
    /// year or less long ("the 1975-1976 dry season" does not move it).
    pub narrative_date: Option<When>,
}

impl Pattern {
    /// True when the value does not depend on the anchor ("5 February 2026", "2014").
    pub fn is_absolute(&self) -> bool {
        matches!(
            self,
            Pattern::MonthDay { year: Some(_), .. }
                | Pattern::MonthYear { .. }
                | Pattern::Year { .. }
                | Pattern::Decade(_)
                | Pattern::Century(_)
                | Pattern::Quarter {
                    quarter: Some(_),
                    year: Some(_),
                    ..
                }
                | Pattern::Half { year: Some(_), .. }
                | Pattern::Season { year: Some(_), .. }
                | Pattern::DaySpan { year: Some(_), .. }
                | Pattern::YearSpan { .. }
                | Pattern::NthOfMonth { year: Some(_), .. }
                | Pattern::NthWeek { year: Some(_), .. }
                | Pattern::WeekOf { year: Some(_), .. }
                | Pattern::Holiday { year: Some(_), .. }
                | Pattern::Duration { past: false, .. }
                | Pattern::Set { .. }
                | Pattern::Reference(_)
        )
    }

    /// Can it date an event? Lengths of time, recurrences and vague references
    /// cannot ("the past two weeks" can: it bounds the days it covers).
    pub fn dates_events(&self) -> bool {
        !matches!(
            self,
            Pattern::Duration { past: false, .. } | Pattern::Set { .. } | Pattern::Reference(_)
        )
    }

    /// "that year", "a week later", "the spring of that year" lean on the text's last
    /// date, not on the publication date.
    pub fn leans_on_last_date(&self) -> bool {
        matches!(
            self,
            Pattern::Focus { .. }
                | Pattern::Earlier { .. }
                | Pattern::MonthOfYear {
                    relation: Deixis::That,
                    ..
                }
                | Pattern::Month {
                    relation: Some(Deixis::That),
                    ..
                }
                | Pattern::Season {
                    relation: Some(Deixis::That),
                    ..
                }
                | Pattern::Half {
                    relation: Some(Deixis::That),
                    ..
                }
        )
    }

    /// A year the expression names outright, if any.
    pub fn explicit_year(&self) -> Option<i32> {
        match *self {
            Pattern::MonthDay { year, .. }
            | Pattern::Quarter { year, .. }
            | Pattern::Half { year, .. }
            | Pattern::Season { year, .. }
            | Pattern::DaySpan { year, .. } => year,
            Pattern::MonthYear { year, .. } | Pattern::Year { year, .. } => Some(year),
            Pattern::YearSpan { from, .. } => Some(from),
            Pattern::NthOfMonth { year, .. }
            | Pattern::NthWeek { year, .. }
            | Pattern::WeekOf { year, .. }
            | Pattern::Holiday { year, .. } => year,
            _ => None,
        }
    }
}
