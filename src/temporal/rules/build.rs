//! What a rule makes of what it matched: the [`Pattern`] its [`Builder`] builds from
//! the captures and the rule's fixed arguments.

use super::captures::Captures;
use super::spec::{Args, Builder};
use crate::temporal::holidays::Holiday;
use crate::temporal::lexicon::TemporalLexicon;
use crate::temporal::pattern::{Deixis, Modifier, Pattern, Unit};

/// What the captures and the rule's arguments give, the arguments first.
#[derive(Clone, Copy)]
struct Given {
    relation: Option<Deixis>,
    unit: Option<Unit>,
    count: Option<Option<i64>>,
    modifier: Option<Modifier>,
    ordinal: Option<u32>,
}

impl Given {
    fn new(builder: Builder, args: &Args, c: &Captures) -> Option<Given> {
        let mut unit = args.unit.or(c.unit);
        let mut count = args.count.map(Some).or(c.count);
        // Half a unit more is a count of the next unit down: "3 1/2 years ago" is 42
        // months ago. A length keeps its units (P3Y6M).
        if c.half && builder != Builder::Duration {
            let (whole, finer) = unit?.with_half(count??)?;
            count = Some(Some(whole));
            unit = Some(finer);
        }
        Some(Given {
            relation: args.relation.or(c.relation),
            unit,
            count,
            modifier: args.modifier.or(c.modifier),
            ordinal: args.ordinal.or(c.ordinal),
        })
    }
}

/// Turn what a rule captured into a pattern; `None` when the parts do not make one.
pub(super) fn build(
    builder: Builder,
    args: &Args,
    c: &Captures,
    lexicon: &TemporalLexicon,
) -> Option<Pattern> {
    let given = Given::new(builder, args, c)?;
    let Given {
        relation,
        unit,
        count,
        modifier,
        ordinal,
    } = given;
    Some(match builder {
        Builder::Date => date(args, c, &given, lexicon)?,
        Builder::Weekday => Pattern::Weekday {
            weekday: c.weekdays[0]?,
            relation,
        },
        Builder::RelativeDay => Pattern::RelativeDay(args.days.or(c.offset)?),
        Builder::RelativeUnit => match unit? {
            Unit::Weekend => Pattern::Weekend { relation },
            Unit::Quarter => Pattern::Quarter {
                quarter: None,
                year: None,
                relation: Some(relation?),
            },
            unit => Pattern::RelativeUnit {
                relation: relation?,
                unit,
                modifier,
            },
        },
        Builder::PartOfUnit => Pattern::PartOfUnit {
            part: args.part?,
            unit: unit?,
        },
        Builder::Weekend => Pattern::Weekend { relation },
        Builder::Ago => Pattern::Ago {
            count: count??,
            unit: unit?,
        },
        Builder::FromNow => Pattern::Ago {
            count: -(count??),
            unit: unit?,
        },
        Builder::BeforeNamedDate => Pattern::Earlier {
            count: count.flatten().unwrap_or(1),
            unit: unit?,
        },
        Builder::AfterNamedDate => Pattern::Earlier {
            count: -count.flatten().unwrap_or(1),
            unit: unit?,
        },
        Builder::Focus => Pattern::Focus {
            unit: unit?,
            step: args.count.unwrap_or(0),
            deictic: args.deictic,
            modifier,
        },
        Builder::Quarter => Pattern::Quarter {
            quarter: ordinal.filter(|q| (1..=4).contains(q)),
            year: c.years[0],
            relation,
        },
        // The 9th century BC is 900 to 801 BC: astronomical years -899 to -800.
        Builder::Century if c.before_common_era => {
            Pattern::Century(1 - i32::try_from(c.days[0]?).ok()? * 100)
        }
        Builder::Century => Pattern::Century((i32::try_from(c.days[0]?).ok()? - 1) * 100),
        Builder::Half => Pattern::Half {
            half: ordinal.filter(|h| (1..=2).contains(h))?,
            month: c.months[0],
            year: c.years[0],
            relation,
        },
        Builder::Season => Pattern::Season {
            season: c.season?,
            year: c.years[0],
            relation,
            modifier,
        },
        Builder::Duration => duration(args, c, &given)?,
        Builder::Reference => Pattern::Reference(args.reference?),
        Builder::Set => Pattern::Set {
            unit,
            count,
            month: c.months[0],
            weekday: c.weekdays[0],
            daypart: args.daypart.or(c.daypart),
        },
        Builder::Time => Pattern::Time {
            date: c.months[0].zip(c.days[0]),
            year: c.years[0],
            weekday: c.weekdays[0],
            relation,
            offset: args.days.or(c.offset),
            daypart: args.daypart.or(c.daypart),
            clock: c.clock,
            universal: c.universal_time,
        },
        Builder::NumericDate => numeric_date(c, lexicon)?,
        Builder::DayOfMonth => Pattern::DayOfMonth {
            day: c.days[0]?,
            relation,
            weekday: c.weekdays[0],
        },
        Builder::NthOfMonth => Pattern::NthOfMonth {
            nth: counted_nth(ordinal?, args)?,
            weekday: c.weekdays[0],
            month: c.months[0],
            year: c.years[0],
            relation,
        },
        Builder::NthWeek => Pattern::NthWeek {
            nth: counted_nth(ordinal?, args)?,
            month: c.months[0],
            year: c.years[0],
        },
        Builder::WeekOf => Pattern::WeekOf {
            month: c.months[0]?,
            day: c.days[0]?,
            year: c.years[0],
            weekend: unit == Some(Unit::Weekend),
        },
        Builder::NthWeekday => {
            let n = count??;
            Pattern::NthWeekday {
                count: if args.past { -n } else { n },
                weekday: c.weekdays[0]?,
            }
        }
        Builder::WeekdayOfWeek => Pattern::WeekdayOfWeek {
            weekday: c.weekdays[0]?,
            relation: relation?,
        },
        Builder::Ahead => Pattern::Ahead {
            count: count??,
            unit: unit?,
        },
        Builder::HolidayOffset => holiday_offset(args, c, &given, lexicon)?,
        Builder::Span => span(c)?,
    })
}

/// A holiday, a decade, or the calendar parts given: day, month, year.
fn date(args: &Args, c: &Captures, given: &Given, lexicon: &TemporalLexicon) -> Option<Pattern> {
    let (relation, modifier) = (given.relation, given.modifier);
    if let Some(holiday) = captured_holiday(c, lexicon) {
        let moved = match (given.count, given.unit) {
            (Some(Some(n)), Some(unit)) => {
                let n = i32::try_from(n).ok()?;
                Some((if args.past { -n } else { n }, unit))
            }
            _ => None,
        };
        return Some(Pattern::Holiday {
            rule: holiday.rule,
            days: holiday.days,
            year: c.years[0],
            relation,
            of_year: args.unit == Some(Unit::Year),
            moved,
            offset: 0,
        });
    }
    if let Some(start) = c.decade {
        // Two digits only: the century is the anchor's to choose.
        return Some(if start < 100 {
            Pattern::DecadeOfCentury(start)
        } else {
            Pattern::Decade(start)
        });
    }
    Some(match (c.months[0], c.days[0], c.years[0]) {
        (Some(month), Some(day), None) if c.weekdays[0].is_some() => Pattern::WeekdayMonthDay {
            weekday: c.weekdays[0]?,
            month,
            day,
        },
        (Some(month), Some(day), None) if args.unit == Some(Unit::Year) => {
            Pattern::MonthDayOfYear {
                month,
                day,
                relation: relation?,
            }
        }
        (Some(month), Some(day), year) => Pattern::MonthDay { month, day, year },
        (Some(month), None, Some(year)) => Pattern::MonthYear {
            month,
            year,
            modifier,
        },
        (Some(month), None, None) if args.unit == Some(Unit::Year) => Pattern::MonthOfYear {
            month,
            relation: relation?,
        },
        (Some(month), None, None) => Pattern::Month {
            month,
            relation,
            modifier,
        },
        (None, None, Some(year)) => Pattern::Year { year, modifier },
        _ => return None,
    })
}

/// A length of time: "two days", "18 months", "the past two weeks" (`past`).
fn duration(args: &Args, c: &Captures, given: &Given) -> Option<Pattern> {
    let count = if c.plural && given.count.is_none() {
        None
    } else {
        given.count.unwrap_or(Some(1))
    };
    Some(Pattern::Duration {
        count,
        unit: given.unit?,
        half: c.half,
        past: args.past,
    })
}

/// Which number is the month follows the lexicon's `numeric_dates` order unless one
/// of them is over 12.
fn numeric_date(c: &Captures, lexicon: &TemporalLexicon) -> Option<Pattern> {
    let (first, second) = (c.numbers[0]?, c.numbers[1]?);
    let (month, day) = if first > 12 || lexicon.day_first && second <= 12 {
        (second, first)
    } else {
        (first, second)
    };
    if month > 12 || chrono::NaiveDate::from_ymd_opt(2000, month, day).is_none() {
        return None;
    }
    Some(Pattern::MonthDay {
        month,
        day,
        year: c.years[0],
    })
}

/// "three days before Easter", or a fixed distance: "the eve of Ramadan".
fn holiday_offset(
    args: &Args,
    c: &Captures,
    given: &Given,
    lexicon: &TemporalLexicon,
) -> Option<Pattern> {
    let holiday = captured_holiday(c, lexicon)?;
    let days = match (given.unit, args.days) {
        (Some(unit), _) => {
            let per = match unit {
                Unit::Day => 1,
                Unit::Week => 7,
                _ => return None,
            };
            per * i32::try_from(given.count??).ok()?
        }
        (None, Some(days)) => i32::try_from(days).ok()?,
        (None, None) => return None,
    };
    Some(Pattern::Holiday {
        rule: holiday.rule,
        days: 1,
        year: c.years[0],
        relation: given.relation,
        of_year: false,
        moved: None,
        offset: if args.past { -days } else { days },
    })
}

/// Two weekdays, two years, or two days of a month.
fn span(c: &Captures) -> Option<Pattern> {
    Some(if let (Some(a), Some(b)) = (c.weekdays[0], c.weekdays[1]) {
        Pattern::WeekdaySpan { from: a, to: b }
    } else if let (Some(from), Some(to), None) = (c.years[0], c.years[1], c.months[0]) {
        // "1992-1995": a run of years, never backwards ("1995-1992" is no span).
        if to <= from {
            return None;
        }
        Pattern::YearSpan { from, to }
    } else {
        let to_month = c.months[1].or(c.months[0])?;
        Pattern::DaySpan {
            from: (c.months[0]?, c.days[0]?),
            to: (to_month, c.days[1]?),
            year: c.years[0],
        }
    })
}

/// The holiday a rule captured, as the lexicon keeps it.
fn captured_holiday<'l>(c: &Captures, lexicon: &'l TemporalLexicon) -> Option<&'l Holiday> {
    lexicon.holidays.get(usize::try_from(c.holiday?).ok()?)
}

/// The ordinal as the patterns count it: negative from the end ("the second last").
fn counted_nth(ordinal: u32, args: &Args) -> Option<i32> {
    let nth = i32::try_from(ordinal).ok()?;
    Some(if args.from_end { -nth } else { nth })
}
