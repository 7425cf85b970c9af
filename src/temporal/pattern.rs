//! What a temporal expression says, before it is put on the calendar, and how it is
//! put there: a TimeML TIMEX3 (type and value) and, for dates, the span of days the
//! events it dates may fall in.

use chrono::{Datelike, Duration, Months, NaiveDate, Weekday};
use serde::{Deserialize, Serialize};

use super::holidays::HolidayRule;
use super::value::When;

impl std::fmt::Display for Direction {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Direction::Backward => "backward",
            Direction::Past => "past",
            Direction::Forward => "forward",
            Direction::Nearest => "nearest",
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
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Relation {
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

impl Relation {
    fn step(self) -> i32 {
        match self {
            Relation::Last => -1,
            Relation::This | Relation::Current | Relation::That => 0,
            Relation::Next => 1,
            Relation::AfterNext => 2,
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
    fn duration(self, count: Option<i64>) -> String {
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
    fn half_duration(self, count: i64) -> Option<String> {
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
    fn shift(self, day: NaiveDate, count: i64) -> Option<NaiveDate> {
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
    fn code(self) -> &'static str {
        match self {
            Season::Spring => "SP",
            Season::Summer => "SU",
            Season::Fall => "FA",
            Season::Winter => "WI",
        }
    }

    /// Meteorological months (northern hemisphere); winter starts in December.
    fn months(self, year: i32) -> Option<When> {
        let (start, end) = match self {
            Season::Spring => ((year, 3), (year, 5)),
            Season::Summer => ((year, 6), (year, 8)),
            Season::Fall => ((year, 9), (year, 11)),
            Season::Winter => ((year, 12), (year + 1, 2)),
        };
        Some(When::Interval(
            NaiveDate::from_ymd_opt(start.0, start.1, 1)?,
            super::value::last_day_of_month(end.0, end.1)?,
        ))
    }

    fn first_month(self) -> u32 {
        match self {
            Season::Spring => 3,
            Season::Summer => 6,
            Season::Fall => 9,
            Season::Winter => 12,
        }
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
    fn code(self) -> &'static str {
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
        relation: Option<Relation>,
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
        relation: Option<Relation>,
    },
    /// "Easter", "Eid al-Fitr 2018", "last Thanksgiving", "Christmas of next year"
    /// (`of_year`: the relation picks the year, not the occurrence).
    Holiday {
        rule: HolidayRule,
        days: u32,
        year: Option<i32>,
        relation: Option<Relation>,
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
        relation: Relation,
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
        relation: Option<Relation>,
        modifier: Option<Modifier>,
    },
    Year {
        year: i32,
        modifier: Option<Modifier>,
    },
    /// "June last year", "March next year".
    MonthOfYear {
        month: u32,
        relation: Relation,
    },
    /// "Nov. 27 last year", "3 March next year".
    MonthDayOfYear {
        month: u32,
        day: u32,
        relation: Relation,
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
        relation: Option<Relation>,
    },
    RelativeDay(i64),
    RelativeUnit {
        relation: Relation,
        unit: Unit,
        modifier: Option<Modifier>,
    },
    PartOfUnit {
        part: Part,
        unit: Unit,
    },
    Weekend {
        relation: Option<Relation>,
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
        relation: Option<Relation>,
    },
    Half {
        half: u32,
        /// "the second half of March": the days from the 16th on, valued as the month.
        month: Option<u32>,
        year: Option<i32>,
        /// "the second half of next year".
        relation: Option<Relation>,
    },
    Season {
        season: Season,
        year: Option<i32>,
        relation: Option<Relation>,
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
        relation: Option<Relation>,
        offset: Option<i64>,
        daypart: Option<DayPart>,
        clock: Option<(u32, u32)>,
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

/// A resolved expression: TimeML type and value, and for dates the days it covers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Resolved {
    pub kind: TimexType,
    pub value: String,
    pub modifier: Option<Modifier>,
    /// The calendar span events dated by this expression fall in; `None` for
    /// durations, sets and vague references.
    pub when: Option<When>,
}

impl Resolved {
    fn date(when: When) -> Resolved {
        Resolved::date_valued(when.to_string(), Some(when))
    }

    /// A date whose TimeML value is not simply its days: a span of days valued by its
    /// first, "2025-H1", "2025-SU", "2025-W16-WE".
    fn date_valued(value: String, when: Option<When>) -> Resolved {
        Resolved {
            kind: TimexType::Date,
            value,
            modifier: None,
            when,
        }
    }

    /// Whole years `first` to `last`, valued as TimeML writes the period ("19" for a
    /// century, "199" for a decade, "1992" for a run of years starting then).
    fn years(value: String, first: i32, last: i32) -> Option<Resolved> {
        let when = When::Interval(
            NaiveDate::from_ymd_opt(first, 1, 1)?,
            NaiveDate::from_ymd_opt(last, 12, 31)?,
        );
        Some(Resolved::date_valued(value, Some(when)))
    }

    /// TimeML keeps "late March" as `2025-03` with mod END; the days it covers are
    /// the month's last third, so events dated by it order against "mid-March".
    fn with_modifier(mut self, modifier: Option<Modifier>) -> Resolved {
        self.modifier = modifier;
        if let (Some(part), Some(when)) = (modifier, self.when) {
            self.when = Some(part_of(when, part).unwrap_or(when));
        }
        self
    }
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
                    relation: Relation::That,
                    ..
                }
                | Pattern::Month {
                    relation: Some(Relation::That),
                    ..
                }
                | Pattern::Season {
                    relation: Some(Relation::That),
                    ..
                }
                | Pattern::Half {
                    relation: Some(Relation::That),
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

    /// Put the expression on the calendar against `anchor` (the publication date).
    pub fn timex(
        &self,
        anchor: NaiveDate,
        direction: Direction,
        context: &Context,
    ) -> Option<Resolved> {
        Some(match *self {
            Pattern::MonthDay {
                month,
                day,
                year: Some(y),
            } => Resolved::date(When::Day(NaiveDate::from_ymd_opt(y, month, day)?)),
            Pattern::MonthDay {
                month,
                day,
                year: None,
            } => Resolved::date(pick_year(anchor, direction, |y| {
                NaiveDate::from_ymd_opt(y, month, day).map(When::Day)
            })?),
            Pattern::WeekdayMonthDay {
                weekday,
                month,
                day,
            } => {
                // The weekday settles the year when it fits one of the nearby ones.
                let fits = (anchor.year() - 6..=anchor.year() + 6)
                    .filter_map(|y| NaiveDate::from_ymd_opt(y, month, day))
                    .filter(|d| d.weekday() == weekday)
                    .min_by_key(|d| (*d - anchor).num_days().abs());
                match fits {
                    Some(day) => Resolved::date(When::Day(day)),
                    None => Pattern::MonthDay {
                        month,
                        day,
                        year: None,
                    }
                    .timex(anchor, direction, context)?,
                }
            }
            Pattern::DayOfMonth {
                day,
                relation: None,
                weekday: None,
            } if matches!(context.sentence_date, Some(When::Day(_))) => {
                // The nearest such day to the one just named, in its month or the next.
                let named = context.sentence_date?.start()?;
                let month_start = named.with_day(1)?;
                let near = (-1..=1)
                    .filter_map(|offset| {
                        let start = shift_months(month_start, offset)?;
                        NaiveDate::from_ymd_opt(start.year(), start.month(), day)
                    })
                    .min_by_key(|d| ((*d - named).num_days().abs(), *d < named))?;
                Resolved::date(When::Day(near))
            }
            // "In October, talks began on the 7th."
            Pattern::DayOfMonth {
                day,
                relation: None,
                weekday: None,
            } if matches!(context.sentence_date, Some(When::Month { .. })) => {
                let month = context.sentence_date?.start()?;
                Resolved::date(When::Day(month.with_day(day)?))
            }
            Pattern::DayOfMonth {
                day,
                relation,
                weekday,
            } => Resolved::date(When::Day(day_of_month(
                anchor, day, relation, weekday, direction,
            )?)),
            Pattern::NthOfMonth {
                nth,
                weekday,
                month,
                year,
                relation,
            } => {
                let (y, m) = match (month, year, relation) {
                    (Some(m), Some(y), _) => (y, m),
                    (Some(m), None, _) => {
                        let start = pick_year(anchor, direction, |y| valid_month(y, m))?.start()?;
                        (start.year(), m)
                    }
                    (None, _, relation) => {
                        let shifted =
                            shift_months(anchor, i64::from(relation.map_or(0, Relation::step)))?;
                        (shifted.year(), shifted.month())
                    }
                };
                Resolved::date(When::Day(super::value::nth_of_month(y, m, nth, weekday)?))
            }
            Pattern::NthWeek { nth, month, year } => {
                let (first, last) = match (month, year) {
                    (Some(m), Some(y)) => valid_month(y, m)?.bounds()?,
                    (Some(m), None) => {
                        pick_year(anchor, direction, |y| valid_month(y, m))?.bounds()?
                    }
                    (None, Some(y)) => When::Year(y).bounds()?,
                    (None, None) => return None,
                };
                let mondays: Vec<NaiveDate> = first
                    .iter_days()
                    .take_while(|d| *d + Duration::days(6) <= last)
                    .filter(|d| d.weekday() == Weekday::Mon)
                    .collect();
                let index = if nth > 0 {
                    usize::try_from(nth - 1).ok()?
                } else {
                    mondays.len().checked_sub(usize::try_from(-nth).ok()?)?
                };
                Resolved::date(When::week_of(*mondays.get(index)?))
            }
            Pattern::WeekOf {
                month,
                day,
                year,
                weekend,
            } => {
                let resolved =
                    Pattern::MonthDay { month, day, year }.timex(anchor, direction, context)?;
                let week = When::week_of(resolved.when?.start()?);
                if !weekend {
                    return Some(Resolved::date(week));
                }
                weekend_from(week.start()? + Duration::days(5))?
            }
            Pattern::NthWeekday { count, weekday } => {
                let step = if count > 0 { 1 } else { -1 };
                let day = (1..=8)
                    .map(|d| anchor + Duration::days(step * d))
                    .find(|d| d.weekday() == weekday)?;
                Resolved::date(When::Day(day + Duration::days(7 * (count - step))))
            }
            Pattern::Holiday {
                rule,
                days,
                year,
                relation,
                of_year,
                moved,
                offset,
            } => {
                let day = match (year, relation) {
                    (Some(y), _) => rule.days_in(y).first().copied()?,
                    (None, _) if moved.is_some() => {
                        let (count, unit) = moved?;
                        let period = unit.shift(anchor, i64::from(count))?;
                        let in_period = |d: &NaiveDate| match unit {
                            Unit::Year => true,
                            Unit::Month => d.month() == period.month(),
                            Unit::Quarter => d.month0() / 3 == period.month0() / 3,
                            _ => false,
                        };
                        rule.days_in(period.year()).into_iter().find(in_period)?
                    }
                    (None, Some(r)) if of_year => {
                        rule.days_in(anchor.year() + r.step()).first().copied()?
                    }
                    (None, relation) => {
                        let all = rule.occurrences(anchor.year() - 1, anchor.year() + 2);
                        let back = all.iter().rev().find(|d| **d <= anchor);
                        let ahead = all.iter().find(|d| **d >= anchor);
                        match relation {
                            Some(Relation::Last) => {
                                all.iter().rev().find(|d| **d < anchor).copied()
                            }
                            Some(Relation::Next) => all.iter().find(|d| **d > anchor).copied(),
                            // "this Easter" said in February is the one ahead.
                            Some(Relation::This | Relation::Current) => ahead.copied(),
                            Some(Relation::That) => None,
                            Some(Relation::AfterNext) => {
                                all.iter().filter(|d| **d > anchor).nth(1).copied()
                            }
                            None => directed(anchor, direction, back.copied(), ahead.copied()),
                        }?
                    }
                };
                let day = day.checked_add_signed(Duration::days(i64::from(offset)))?;
                let when = if days > 1 {
                    When::Interval(day, day + Duration::days(i64::from(days) - 1))
                } else {
                    When::Day(day)
                };
                Resolved::date_valued(day.format("%Y-%m-%d").to_string(), Some(when))
            }
            Pattern::WeekdayOfWeek { weekday, relation } => Resolved::date(When::Day(
                weekday_of_week(anchor, weekday, i64::from(relation.step())),
            )),
            Pattern::Ahead { count, unit } => {
                // "The next 48 hours" runs from the anchor into the days it reaches;
                // "the next three days" starts tomorrow.
                let (first, last) = match unit {
                    Unit::Second | Unit::Minute | Unit::Hour => {
                        let per_unit = match unit {
                            Unit::Hour => 3_600,
                            Unit::Minute => 60,
                            _ => 1,
                        };
                        let days = (count.checked_mul(per_unit)? + 86_399) / 86_400;
                        (anchor, anchor.checked_add_signed(Duration::days(days))?)
                    }
                    _ => (anchor.succ_opt()?, unit.shift(anchor, count)?),
                };
                Resolved {
                    kind: TimexType::Duration,
                    value: unit.duration(Some(count)),
                    modifier: None,
                    when: (last >= first).then_some(When::Interval(first, last)),
                }
            }
            Pattern::MonthYear {
                month,
                year,
                modifier,
            } => Resolved::date(valid_month(year, month)?).with_modifier(modifier),
            Pattern::Month {
                month,
                relation,
                modifier,
            } => {
                let here = (anchor.year(), anchor.month());
                let candidates = [(here.0 - 1, month), (here.0, month), (here.0 + 1, month)];
                let when = match relation {
                    Some(Relation::This | Relation::Current) => valid_month(here.0, month)?,
                    Some(Relation::That) => {
                        valid_month(year_of(Relation::That, anchor, context)?, month)?
                    }
                    Some(Relation::Last) => {
                        let (y, m) = candidates.iter().rev().copied().find(|c| *c < here)?;
                        valid_month(y, m)?
                    }
                    Some(Relation::Next) => {
                        let (y, m) = candidates.iter().copied().find(|c| *c > here)?;
                        valid_month(y, m)?
                    }
                    Some(Relation::AfterNext) => {
                        let (y, m) = candidates.iter().copied().find(|c| *c > here)?;
                        valid_month(y + 1, m)?
                    }
                    None => pick_year(anchor, direction, |y| valid_month(y, month))?,
                };
                Resolved::date(when).with_modifier(modifier)
            }
            Pattern::MonthDayOfYear {
                month,
                day,
                relation,
            } => Resolved::date(When::Day(NaiveDate::from_ymd_opt(
                year_of(relation, anchor, context)?,
                month,
                day,
            )?)),
            Pattern::MonthOfYear { month, relation } => {
                Resolved::date(valid_month(year_of(relation, anchor, context)?, month)?)
            }
            Pattern::Year { year, modifier } => {
                Resolved::date(When::Year(year)).with_modifier(modifier)
            }
            Pattern::DecadeOfCentury(digits) => {
                let century = anchor.year().div_euclid(100) * 100;
                let start = if century + digits <= anchor.year() {
                    century + digits
                } else {
                    century - 100 + digits
                };
                return Pattern::Decade(start).timex(anchor, direction, context);
            }
            Pattern::Century(start) => {
                Resolved::years(format!("{:02}", start / 100), start, start + 99)?
            }
            Pattern::Decade(start) => {
                Resolved::years(format!("{:03}", start / 10), start, start + 9)?
            }
            Pattern::Weekday { weekday, relation } => {
                Resolved::date(When::Day(weekday_day(anchor, weekday, relation, direction)))
            }
            Pattern::RelativeDay(offset) => Resolved::date(When::Day(
                anchor.checked_add_signed(Duration::days(offset))?,
            )),
            Pattern::RelativeUnit {
                relation,
                unit,
                modifier,
            } => {
                let anchor = match relation {
                    Relation::Current => current_base(anchor, context, unit),
                    _ => anchor,
                };
                let step = i64::from(relation.step());
                let when = match unit {
                    Unit::Week => {
                        // Said on a Sunday about the future, "this week" is the week
                        // ahead: the current one ends that day.
                        let sunday_ahead = relation == Relation::This
                            && direction == Direction::Forward
                            && anchor.weekday() == Weekday::Sun;
                        let shift = if sunday_ahead { 1 } else { 7 * step };
                        When::week_of(anchor + Duration::days(shift))
                    }
                    Unit::Month => When::month_of(shift_months(anchor, step)?),
                    Unit::Year => When::Year(anchor.year() + step as i32),
                    Unit::Day => When::Day(anchor + Duration::days(step)),
                    Unit::Decade => {
                        let start = (anchor.year() / 10 + step as i32) * 10;
                        return Pattern::Decade(start).timex(anchor, direction, context);
                    }
                    Unit::Century => {
                        let start = (anchor.year() / 100 + step as i32) * 100;
                        return Pattern::Century(start).timex(anchor, direction, context);
                    }
                    _ => return None,
                };
                Resolved::date(when).with_modifier(modifier)
            }
            Pattern::PartOfUnit { part, unit } => {
                let whole = match unit {
                    Unit::Week => When::week_of(anchor),
                    Unit::Month => When::month_of(anchor),
                    Unit::Year => When::Year(anchor.year()),
                    _ => return None,
                };
                let (start, end) = whole.bounds()?;
                let when = match part {
                    Part::Earlier if anchor > start => When::Interval(start, anchor.pred_opt()?),
                    Part::Later if anchor < end => When::Interval(anchor.succ_opt()?, end),
                    _ => whole,
                };
                Resolved::date_valued(whole.to_string(), Some(when))
            }
            Pattern::Weekend { relation } => {
                let back = days_back_to(anchor, Weekday::Sat);
                let saturday = match (relation, direction) {
                    (Some(Relation::Last), _) => {
                        // The weekend that is over: not one that includes today.
                        let s = anchor - Duration::days(back);
                        if back <= 1 {
                            s - Duration::days(7)
                        } else {
                            s
                        }
                    }
                    (Some(Relation::Next), _) => anchor + Duration::days(7 - back),
                    (_, Direction::Backward | Direction::Past | Direction::Nearest) => {
                        anchor - Duration::days(back)
                    }
                    (_, Direction::Forward) => {
                        if back <= 1 {
                            anchor - Duration::days(back)
                        } else {
                            anchor + Duration::days(7 - back)
                        }
                    }
                };
                weekend_from(saturday)?
            }
            Pattern::Ago { count, unit } => {
                // In a results story "a year ago" is the year-ago quarter.
                if let (Unit::Year, Some((year, quarter))) = (unit, context.last_quarter) {
                    return Some(Resolved::date(When::Quarter {
                        year: year - count as i32,
                        quarter,
                    }));
                }
                let day = unit.shift(anchor, -count)?;
                Resolved::date(at_precision(unit, day))
            }
            Pattern::Earlier { count, unit } => {
                // Back from what the text is about, at its precision: the quarter a
                // results story reports, else the last date given, else the anchor.
                let years = count as i32;
                let when = match (unit, context.last_quarter, context.last_date) {
                    (Unit::Year, Some((year, quarter)), _) => When::Quarter {
                        year: year - years,
                        quarter,
                    },
                    (Unit::Year, None, Some(When::Month { year, month })) => When::Month {
                        year: year - years,
                        month,
                    },
                    (Unit::Year, None, Some(When::Year(year))) => When::Year(year - years),
                    // "in February 2021, under a law passed two months earlier".
                    (Unit::Month, None, Some(month @ When::Month { .. })) => {
                        at_precision(unit, unit.shift(month.start()?, -count)?)
                    }
                    // "a week later" is a day; "three years later" a year.
                    (Unit::Day | Unit::Week | Unit::Fortnight, _, Some(When::Day(day))) => {
                        When::Day(unit.shift(day, -count)?)
                    }
                    (_, _, Some(When::Day(day))) => at_precision(unit, unit.shift(day, -count)?),
                    // "a week later" follows an event the text dated; from the
                    // publication date it would be a guess.
                    _ if count < 0 => return None,
                    _ => at_precision(unit, unit.shift(anchor, -count)?),
                };
                Resolved::date(when)
            }
            Pattern::Focus {
                unit,
                step,
                deictic,
                modifier,
            } => {
                // After a coarser date ("talks collapsed in mid-October. The next
                // day, ...") the day is unknown; the publication date would put it
                // in the wrong month.
                let day = match context.last_date {
                    Some(when) if fits_in(when, unit) => when.start()?,
                    Some(_) => return None,
                    None if deictic => anchor,
                    None => return None,
                };
                Resolved::date(at_precision(unit, unit.shift(day, step)?)).with_modifier(modifier)
            }
            Pattern::Quarter {
                quarter,
                year,
                relation,
            } => {
                let current = (anchor.year(), (anchor.month() - 1) / 3 + 1);
                let (y, q) = match (quarter, year, relation) {
                    (Some(q), Some(y), _) => (y, q),
                    // "this year's third quarter", "next year's first quarter"
                    (Some(q), None, Some(relation)) => (anchor.year() + relation.step(), q),
                    (Some(q), None, None) => {
                        let pick = pick_year(anchor, direction, |year| {
                            Some(When::Quarter { year, quarter: q })
                        })?;
                        let year = pick.start()?.year();
                        // Results come out after the quarter ends: "expects to report
                        // third-quarter earnings" in October is the quarter just over,
                        // not the one most of a year ahead.
                        let previous = When::Quarter {
                            year: year - 1,
                            quarter: q,
                        };
                        let just_over = previous
                            .end()
                            .is_some_and(|end| end < anchor && (anchor - end).num_days() <= 62);
                        let far_ahead = pick
                            .start()
                            .is_some_and(|start| (start - anchor).num_days() > 180);
                        if direction == Direction::Forward && just_over && far_ahead {
                            (year - 1, q)
                        } else {
                            (year, q)
                        }
                    }
                    (None, _, Some(relation)) => quarter_step(current, relation.step()),
                    // "the 1988 period": the quarter the text is about, in that year.
                    (None, Some(y), None) => (y, context.last_quarter.map_or(current.1, |q| q.1)),
                    (None, _, None) => match context.last_quarter {
                        // "the quarter" is the one the text is about.
                        Some((year, quarter)) => (year, quarter),
                        _ if direction == Direction::Forward => current,
                        // Reported results are for the quarter that last ended.
                        _ => quarter_step(current, -1),
                    },
                };
                Resolved::date(When::Quarter {
                    year: y,
                    quarter: q,
                })
            }
            Pattern::Half {
                half,
                month: Some(month),
                year,
                ..
            } => {
                let days_of = |when: When| {
                    let (first, last) = when.bounds()?;
                    let middle = first.with_day(15)?;
                    Some(if half == 1 {
                        When::Interval(first, middle)
                    } else {
                        When::Interval(middle.succ_opt()?, last)
                    })
                };
                let the_month = match year {
                    Some(y) => valid_month(y, month)?,
                    None => pick_year(anchor, direction, |y| {
                        valid_month(y, month).and_then(days_of)
                    })
                    .and_then(|when| when.start())
                    .and_then(|day| valid_month(day.year(), month))?,
                };
                let value = the_month.start()?.format("%Y-%m").to_string();
                Resolved::date_valued(value, days_of(the_month))
            }
            Pattern::Half {
                half,
                year,
                relation,
                month: None,
            } => {
                let half_of = |y: i32| {
                    Some(When::Interval(
                        NaiveDate::from_ymd_opt(y, 6 * half - 5, 1)?,
                        super::value::last_day_of_month(y, 6 * half)?,
                    ))
                };
                let y = match (year, relation) {
                    (Some(y), _) => y,
                    (None, Some(relation)) => year_of(relation, anchor, context)?,
                    (None, None) => pick_year(anchor, direction, half_of)?.start()?.year(),
                };
                Resolved::date_valued(format!("{y:04}-H{half}"), Some(half_of(y)?))
            }
            Pattern::Season {
                season,
                year,
                relation,
                modifier,
            } => {
                let y = match (year, relation) {
                    (Some(y), _) => y,
                    (None, relation) => {
                        let this = anchor.year();
                        let started = anchor.month() >= season.first_month();
                        match (relation, direction) {
                            // "this winter" said in February is the one under way,
                            // begun the December before. Out of season it is the one
                            // just over, if that ended in the last three months and
                            // the tense does not look ahead ("held its lines this
                            // winter", said in March); else the next ("this summer",
                            // said in March).
                            (Some(Relation::This | Relation::Current), _) => {
                                let bounds = |y: i32| season.months(y).and_then(|w| w.bounds());
                                let years = this - 1..=this + 1;
                                let under_way = years.clone().find(|&y| {
                                    bounds(y).is_some_and(|(first, last)| {
                                        (first..=last).contains(&anchor)
                                    })
                                });
                                let just_over = years.clone().rev().find(|&y| {
                                    bounds(y).is_some_and(|(_, last)| {
                                        last < anchor && (anchor - last).num_days() <= 92
                                    })
                                });
                                let next = years
                                    .clone()
                                    .find(|&y| bounds(y).is_some_and(|(first, _)| first > anchor));
                                match (under_way, just_over, direction) {
                                    (Some(y), ..) => y,
                                    (None, Some(y), d) if d != Direction::Forward => y,
                                    _ => next.or(just_over).unwrap_or(this),
                                }
                            }
                            (Some(Relation::That), _) => year_of(Relation::That, anchor, context)?,
                            // "last summer" said in October is the one just over;
                            // said in July, the one a year before.
                            (Some(Relation::Last), _) => (this - 2..=this)
                                .rev()
                                .find(|&y| {
                                    season
                                        .months(y)
                                        .and_then(|w| w.end())
                                        .is_some_and(|end| end < anchor)
                                })
                                .unwrap_or(this - 1),
                            (Some(Relation::Next), _) => this + i32::from(started),
                            (Some(Relation::AfterNext), _) => this + 1 + i32::from(started),
                            (None, _) => pick_year(anchor, direction, |y| season.months(y))?
                                .start()?
                                .year(),
                        }
                    }
                };
                Resolved::date_valued(format!("{y:04}-{}", season.code()), season.months(y))
                    .with_modifier(modifier)
            }
            Pattern::Duration {
                count,
                unit,
                half,
                past,
            } => {
                // Hours and minutes bound no day range worth dating an event by.
                let when = match (past, count) {
                    (true, Some(n)) => unit
                        .shift(anchor, -n)
                        .map(|start| When::Interval(start, anchor)),
                    _ => None,
                };
                Resolved {
                    kind: TimexType::Duration,
                    value: match (half, count) {
                        (true, Some(n)) => unit.half_duration(n)?,
                        _ => unit.duration(count),
                    },
                    modifier: None,
                    when,
                }
            }
            Pattern::Reference(kind) => Resolved {
                kind: TimexType::Date,
                value: match kind {
                    RefKind::Present => "PRESENT_REF",
                    RefKind::Past => "PAST_REF",
                    RefKind::Future => "FUTURE_REF",
                }
                .to_string(),
                modifier: None,
                when: None,
            },
            Pattern::Set {
                unit,
                count,
                month,
                weekday,
                daypart,
            } => {
                let value = match (weekday, daypart, unit) {
                    _ if month.is_some() => format!("XXXX-{:02}", month?),
                    (Some(w), Some(p), _) => {
                        format!("XXXX-WXX-{}T{}", w.number_from_monday(), p.code())
                    }
                    (Some(w), None, _) => format!("XXXX-WXX-{}", w.number_from_monday()),
                    (None, Some(p), _) => format!("XXXX-XX-XXT{}", p.code()),
                    (None, None, Some(unit)) => unit.duration(count.unwrap_or(Some(1))),
                    (None, None, None) => return None,
                };
                Resolved {
                    kind: TimexType::Set,
                    value,
                    modifier: None,
                    when: None,
                }
            }
            Pattern::Time {
                date,
                year,
                weekday,
                relation,
                offset,
                daypart,
                clock,
            } => {
                let day = match (date, weekday, offset) {
                    (Some((month, day)), _, _) => {
                        let pattern = Pattern::MonthDay { month, day, year };
                        pattern.timex(anchor, direction, context)?.when?.start()?
                    }
                    // "overnight into Wednesday" is Tuesday's night.
                    (None, Some(w), offset) => weekday_day(anchor, w, relation, direction)
                        .checked_add_signed(Duration::days(offset.unwrap_or(0)))?,
                    (None, None, Some(days)) => anchor.checked_add_signed(Duration::days(days))?,
                    // "struck overnight", told the morning after: the night before;
                    // "will be lifted overnight": tonight.
                    (None, None, None) if daypart == Some(DayPart::Overnight) => match direction {
                        Direction::Forward => anchor,
                        _ => anchor.pred_opt()?,
                    },
                    // A bare clock time is on the day the text is about, if it has
                    // named one in the week before the anchor.
                    (None, None, None) => match context.last_date {
                        Some(When::Day(day)) if day <= anchor && (anchor - day).num_days() < 7 => {
                            day
                        }
                        _ => anchor,
                    },
                };
                let named_day = date.is_some() || weekday.is_some() || offset.is_some();
                let time = match (clock, daypart) {
                    (Some((24, _)), _) if !named_day => "00:00".to_string(),
                    (Some((h, m)), _) => format!("{h:02}:{m:02}"),
                    (None, Some(part)) => part.code().to_string(),
                    (None, None) => return None,
                };
                let when = match daypart {
                    Some(DayPart::Overnight) => When::Interval(day, day.succ_opt()?),
                    _ => When::Day(day),
                };
                Resolved {
                    kind: TimexType::Time,
                    value: format!("{}T{time}", day.format("%Y-%m-%d")),
                    modifier: None,
                    when: Some(when),
                }
            }
            Pattern::YearSpan { from, to } => Resolved::years(format!("{from:04}"), from, to)?,
            Pattern::DaySpan { from, to, year } => {
                let start_pattern = Pattern::MonthDay {
                    month: from.0,
                    day: from.1,
                    year,
                };
                let start = start_pattern
                    .timex(anchor, direction, context)?
                    .when?
                    .start()?;
                let mut end = NaiveDate::from_ymd_opt(start.year(), to.0, to.1)?;
                if end < start {
                    end = NaiveDate::from_ymd_opt(start.year() + 1, to.0, to.1)?;
                }
                Resolved::date_valued(
                    start.format("%Y-%m-%d").to_string(),
                    Some(When::Interval(start, end)),
                )
            }
            Pattern::WeekdaySpan { from, to } => {
                let start = weekday_day(anchor, from, None, direction);
                let gap = (to.num_days_from_monday() as i64 - from.num_days_from_monday() as i64)
                    .rem_euclid(7);
                let end = start + Duration::days(gap);
                Resolved::date_valued(
                    start.format("%Y-%m-%d").to_string(),
                    Some(When::Interval(start, end)),
                )
            }
        })
    }
}

fn weekday_day(
    anchor: NaiveDate,
    weekday: Weekday,
    relation: Option<Relation>,
    direction: Direction,
) -> NaiveDate {
    let back = days_back_to(anchor, weekday);
    let forward = (7 - back) % 7;
    match (relation, direction) {
        // "last Tuesday" is never today.
        (Some(Relation::Last), _) => anchor - Duration::days(if back == 0 { 7 } else { back }),
        // "next Wednesday" is the Wednesday of next week: said on a Tuesday, not the
        // day after (that is "this Wednesday", or plain "Wednesday" ahead).
        (Some(Relation::Next), _) => weekday_of_week(anchor, weekday, 1),
        // "Friday after next": a week after the coming one.
        (Some(Relation::AfterNext), _) => {
            anchor + Duration::days(if forward == 0 { 14 } else { forward + 7 })
        }
        // No rule reads a weekday "of that year"; as "this" if one did.
        (Some(Relation::This | Relation::Current | Relation::That), _)
        | (None, Direction::Forward) => anchor + Duration::days(forward),
        // With no tense to go by, as for year-less dates: said on a Saturday,
        // "Monday's talks" are two days off, not five days gone.
        (None, Direction::Nearest) => {
            let gone = anchor - Duration::days(back);
            directed(
                anchor,
                direction,
                Some(gone),
                Some(anchor + Duration::days(forward)),
            )
            .unwrap_or(gone)
        }
        (None, Direction::Backward | Direction::Past) => anchor - Duration::days(back),
    }
}

/// `weekday` in the Monday-to-Sunday week `weeks` after the anchor's (before, when
/// negative): "Wednesday of next week", "next Wednesday".
fn weekday_of_week(anchor: NaiveDate, weekday: Weekday, weeks: i64) -> NaiveDate {
    let monday = anchor - Duration::days(i64::from(anchor.weekday().num_days_from_monday()));
    monday + Duration::days(7 * weeks + i64::from(weekday.num_days_from_monday()))
}

/// The weekend that starts on `saturday`: TimeML's `2025-W16-WE`, and its two days.
fn weekend_from(saturday: NaiveDate) -> Option<Resolved> {
    let week = saturday.iso_week();
    Some(Resolved::date_valued(
        format!("{:04}-W{:02}-WE", week.year(), week.week()),
        Some(When::Interval(saturday, saturday.succ_opt()?)),
    ))
}

/// The calendar unit containing `day` at the precision of `unit`.
fn at_precision(unit: Unit, day: NaiveDate) -> When {
    match unit {
        Unit::Week | Unit::Weekend | Unit::Fortnight => When::week_of(day),
        Unit::Month => When::month_of(day),
        Unit::Quarter => When::Quarter {
            year: day.year(),
            quarter: (day.month() - 1) / 3 + 1,
        },
        Unit::Year | Unit::Decade | Unit::Century => When::Year(day.year()),
        _ => When::Day(day),
    }
}

/// The year `relation` names: "next year", "the year" (the sentence's), "that year".
fn year_of(relation: Relation, anchor: NaiveDate, context: &Context) -> Option<i32> {
    match relation {
        Relation::Current => Some(current_base(anchor, context, Unit::Year).year()),
        Relation::That => context
            .last_date
            .filter(|when| fits_in(*when, Unit::Year))
            .and_then(|when| when.start())
            .map(|day| day.year()),
        _ => Some(anchor.year() + relation.step()),
    }
}

/// The day "the year" or "the end of the month" counts from: in the date the sentence
/// has named when that lies within one such unit, else the anchor.
fn current_base(anchor: NaiveDate, context: &Context, unit: Unit) -> NaiveDate {
    context
        .sentence_date
        .filter(|when| fits_in(*when, unit))
        .and_then(|when| when.start())
        .unwrap_or(anchor)
}

/// True when `when` is no longer than one `unit`, so that "that `unit`" can name the
/// one it falls in: a day or a month has a year, a year has no day.
fn fits_in(when: When, unit: Unit) -> bool {
    let longest = match unit {
        Unit::Day => 1,
        Unit::Week | Unit::Weekend => 7,
        Unit::Fortnight => 14,
        Unit::Month => 31,
        Unit::Quarter => 92,
        Unit::Year => 366,
        Unit::Decade => 3653,
        Unit::Century => 36525,
        Unit::Second | Unit::Minute | Unit::Hour => return false,
    };
    when.bounds()
        .is_some_and(|(start, end)| (end - start).num_days() < longest)
}

fn quarter_step((year, quarter): (i32, u32), step: i32) -> (i32, u32) {
    let index = year * 4 + quarter as i32 - 1 + step;
    (index.div_euclid(4), index.rem_euclid(4) as u32 + 1)
}

fn valid_month(year: i32, month: u32) -> Option<When> {
    NaiveDate::from_ymd_opt(year, month, 1).map(|_| When::Month { year, month })
}

fn shift_months(day: NaiveDate, months: i64) -> Option<NaiveDate> {
    let magnitude = Months::new(u32::try_from(months.unsigned_abs()).ok()?);
    if months >= 0 {
        day.checked_add_months(magnitude)
    } else {
        day.checked_sub_months(magnitude)
    }
}

/// Days from the most recent `weekday` (today included) to `anchor`: 0..=6.
fn days_back_to(anchor: NaiveDate, weekday: Weekday) -> i64 {
    let today = anchor.weekday().num_days_from_monday() as i64;
    let target = weekday.num_days_from_monday() as i64;
    (today - target).rem_euclid(7)
}

/// The year that puts a year-less expression nearest the anchor in the direction
/// given: backward, the latest reading that has begun by the anchor; forward, the
/// earliest that has not ended before it; with no direction, the nearest reading
/// (the past one on a tie).
fn pick_year(
    anchor: NaiveDate,
    direction: Direction,
    reading: impl Fn(i32) -> Option<When>,
) -> Option<When> {
    let candidates: Vec<(When, NaiveDate, NaiveDate)> = (anchor.year() - 1..=anchor.year() + 1)
        .filter_map(|y| {
            let when = reading(y)?;
            let (start, end) = when.bounds()?;
            Some((when, start, end))
        })
        .collect();
    // News looks back: a reading ahead counts as twice as far.
    let distance = |&(_, start, end): &(When, NaiveDate, NaiveDate)| {
        if anchor < start {
            2 * (start - anchor).num_days()
        } else if anchor > end {
            (anchor - end).num_days()
        } else {
            0
        }
    };
    // The latest reading begun by the anchor, and the earliest not yet over.
    let back = candidates.iter().rev().find(|c| c.1 <= anchor);
    let ahead = candidates.iter().find(|c| c.2 >= anchor);
    let directed = match direction {
        // A past-tense sentence may still set a date a few weeks ahead ("the offer
        // was extended to Nov. 16"): a day or month starting within two months beats
        // one almost a year back.
        Direction::Backward => {
            let soon = candidates.iter().find(|c| c.1 > anchor);
            match (back, soon) {
                (Some(b), Some(s))
                    if s.1 == s.2
                        && deadline_ahead((anchor - b.1).num_days(), (s.1 - anchor).num_days()) =>
                {
                    Some(s)
                }
                // "talks that are to conclude by May", said in March: a month or part
                // of one that ended most of a year ago would have been "last May".
                (Some(b), Some(s))
                    if (anchor - b.2).num_days() > 270 && (s.1 - anchor).num_days() <= 62 =>
                {
                    Some(s)
                }
                (b, _) => b,
            }
        }
        Direction::Past => back,
        // A future-tense sentence about a day just gone ("must return the boy by Jan.
        // 14", published on the 15th) was written before it was dated: that day, not
        // one almost a year ahead.
        Direction::Forward => {
            let just_gone = candidates
                .iter()
                .rev()
                .find(|c| c.2 < anchor && (anchor - c.2).num_days() <= 3);
            match (ahead, just_gone) {
                (Some(a), Some(g)) if (a.1 - anchor).num_days() > 180 => Some(g),
                (a, _) => a,
            }
        }
        Direction::Nearest => None,
    };
    directed
        .or_else(|| candidates.iter().min_by_key(|c| distance(c)))
        .map(|c| c.0)
}

/// The days of `when` that "early", "mid" or "late" pick out: a third of a month or a
/// year, the first three or last three days of a week. `None` where a part makes no
/// narrower span (a day, a quarter, an approximate date).
fn part_of(when: When, part: Modifier) -> Option<When> {
    let (start, end) = when.bounds()?;
    let (first, last) = match (when, part) {
        (_, Modifier::Approx) | (When::Day(_) | When::Quarter { .. } | When::Interval(..), _) => {
            return None
        }
        (When::Month { .. }, Modifier::Start) => (start, start + Duration::days(9)),
        (When::Month { .. }, Modifier::Mid) => {
            (start + Duration::days(10), start + Duration::days(19))
        }
        (When::Month { .. }, Modifier::End) => (start + Duration::days(20), end),
        (When::Week { .. }, Modifier::Start) => (start, start + Duration::days(2)),
        (When::Week { .. }, Modifier::Mid) => {
            (start + Duration::days(2), start + Duration::days(4))
        }
        (When::Week { .. }, Modifier::End) => (start + Duration::days(4), end),
        (When::Year(y), Modifier::Start) => (start, super::value::last_day_of_month(y, 4)?),
        (When::Year(y), Modifier::Mid) => (
            NaiveDate::from_ymd_opt(y, 5, 1)?,
            super::value::last_day_of_month(y, 8)?,
        ),
        (When::Year(y), Modifier::End) => (NaiveDate::from_ymd_opt(y, 9, 1)?, end),
    };
    Some(When::Interval(first, last))
}

/// Day `day` of the month `relation` names, or, with none, of the month that puts it
/// nearest the anchor in `direction`; with a weekday, the nearest such month in
/// which that day falls on it ("Tuesday the 19th").
fn day_of_month(
    anchor: NaiveDate,
    day: u32,
    relation: Option<Relation>,
    weekday: Option<Weekday>,
    direction: Direction,
) -> Option<NaiveDate> {
    let month_start = |offset: i64| shift_months(anchor.with_day(1)?, offset);
    if let Some(relation) = relation {
        let start = month_start(i64::from(relation.step()))?;
        return NaiveDate::from_ymd_opt(start.year(), start.month(), day);
    }
    let span = if weekday.is_some() { 14 } else { 1 };
    let candidates: Vec<NaiveDate> = (-span..=span)
        .filter_map(|offset| {
            let start = month_start(offset)?;
            NaiveDate::from_ymd_opt(start.year(), start.month(), day)
        })
        .filter(|d| weekday.is_none_or(|w| d.weekday() == w))
        .collect();
    let back = candidates.iter().rev().find(|d| **d <= anchor).copied();
    let ahead = candidates.iter().find(|d| **d >= anchor).copied();
    directed(anchor, direction, back, ahead)
}

/// In a past-tense sentence, a day `days_ahead` of the anchor beats the one
/// `days_back` when that is most of a year gone and this within two months: "the
/// offer was extended to Nov. 16" is set ahead, not eleven months back.
fn deadline_ahead(days_back: i64, days_ahead: i64) -> bool {
    days_back > 180 && days_ahead <= 62
}

/// Of the nearest day on or before the anchor and the nearest on or after it, the one
/// `direction` reads. News looks back, so with no direction a day ahead counts as
/// twice as far; and, as for year-less dates, a past-tense sentence may still name a
/// day a few weeks ahead ("agreed an Easter truce" days before Easter) rather than
/// one most of a year back.
fn directed(
    anchor: NaiveDate,
    direction: Direction,
    back: Option<NaiveDate>,
    ahead: Option<NaiveDate>,
) -> Option<NaiveDate> {
    let days_back = back.map(|b| (anchor - b).num_days());
    let days_ahead = ahead.map(|a| (a - anchor).num_days());
    match (direction, days_back, days_ahead) {
        (Direction::Forward, _, _) => ahead.or(back),
        (Direction::Backward, Some(b), Some(a)) if deadline_ahead(b, a) => ahead,
        (Direction::Backward | Direction::Past, _, _) => back.or(ahead),
        (Direction::Nearest, Some(b), Some(a)) if 2 * a < b => ahead,
        (Direction::Nearest, _, _) => back.or(ahead),
    }
}
