//! Putting an expression on the calendar: a [`Pattern`] read against the publication
//! date, in the direction its sentence gives and with what the text said before it,
//! becomes a TimeML TIMEX3 (type and value) and, for dates, the span of days the
//! events it dates may fall in.

use chrono::{Datelike, Duration, NaiveDate, Weekday};

use super::calendar::{
    at_precision, current_base, day_of_month, days_back_to, directed, fits_in, occurrence_at_step,
    pick_year, quarter_of, quarter_step, valid_month, weekday_day, weekday_of_week, year_of,
};
use super::holidays::HolidayRule;
use super::pattern::{
    Context, DayPart, Deixis, Direction, Modifier, Part, Pattern, RefKind, Season, TimexType, Unit,
};
use super::value::{day_value, last_day_of_month, nth_of_month, shift_months, year_value, When};

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

    /// A span of days valued by its first day, as TimeML values "April 24 and 25".
    fn valued_by_first_day(first: NaiveDate, when: When) -> Resolved {
        Resolved::date_valued(day_value(first), Some(when))
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

/// What an expression is resolved against: the anchor, the direction its sentence
/// reads, and what the text said before it.
#[derive(Clone, Copy)]
struct Frame<'c> {
    anchor: NaiveDate,
    direction: Direction,
    context: &'c Context,
}

impl Pattern {
    /// Put the expression on the calendar against `anchor` (the publication date).
    pub fn resolve(
        &self,
        anchor: NaiveDate,
        direction: Direction,
        context: &Context,
    ) -> Option<Resolved> {
        let frame = Frame {
            anchor,
            direction,
            context,
        };
        match *self {
            Pattern::Ahead { .. }
            | Pattern::Duration { .. }
            | Pattern::Reference(_)
            | Pattern::Set { .. } => length_or_set(*self, anchor),
            Pattern::MonthYear { .. }
            | Pattern::Month { .. }
            | Pattern::MonthOfYear { .. }
            | Pattern::Year { .. }
            | Pattern::DecadeOfCentury(_)
            | Pattern::Century(_)
            | Pattern::Decade(_)
            | Pattern::RelativeUnit { .. }
            | Pattern::PartOfUnit { .. }
            | Pattern::Weekend { .. }
            | Pattern::Ago { .. }
            | Pattern::Earlier { .. }
            | Pattern::Focus { .. }
            | Pattern::Quarter { .. }
            | Pattern::Half { .. }
            | Pattern::Season { .. }
            | Pattern::YearSpan { .. } => frame.period(*self),
            _ => frame.day(*self),
        }
    }
}

impl Frame<'_> {
    fn resolve(&self, pattern: Pattern) -> Option<Resolved> {
        pattern.resolve(self.anchor, self.direction, self.context)
    }

    /// An expression that names a day or a run of days.
    fn day(&self, pattern: Pattern) -> Option<Resolved> {
        let (anchor, direction, context) = (self.anchor, self.direction, self.context);
        Some(match pattern {
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
            } => self.weekday_month_day(weekday, month, day)?,
            Pattern::DayOfMonth {
                day,
                relation: None,
                weekday: None,
            } if matches!(
                context.sentence_date,
                Some(When::Day(_) | When::Month { .. })
            ) =>
            {
                self.day_in_sentence_date(day)?
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
            } => self.nth_of_month(nth, weekday, month, year, relation)?,
            Pattern::NthWeek { nth, month, year } => self.nth_week(nth, month, year)?,
            Pattern::WeekOf {
                month,
                day,
                year,
                weekend,
            } => self.week_of(month, day, year, weekend)?,
            Pattern::NthWeekday { count, weekday } => nth_weekday(anchor, count, weekday)?,
            Pattern::Holiday {
                rule,
                days,
                year,
                relation,
                of_year,
                moved,
                offset,
            } => {
                let first = self.holiday_day(rule, year, relation, of_year, moved)?;
                holiday_days(first, offset, days)?
            }
            Pattern::WeekdayOfWeek { weekday, relation } => Resolved::date(When::Day(
                weekday_of_week(anchor, weekday, i64::from(relation.step())),
            )),
            Pattern::MonthDayOfYear {
                month,
                day,
                relation,
            } => Resolved::date(When::Day(NaiveDate::from_ymd_opt(
                year_of(relation, anchor, context)?,
                month,
                day,
            )?)),
            Pattern::Weekday { weekday, relation } => {
                Resolved::date(When::Day(weekday_day(anchor, weekday, relation, direction)))
            }
            Pattern::RelativeDay(offset) => Resolved::date(When::Day(
                anchor.checked_add_signed(Duration::days(offset))?,
            )),
            Pattern::Time {
                date,
                year,
                weekday,
                relation,
                offset,
                daypart,
                clock,
                universal,
            } => {
                let day = self.time_day(date, year, weekday, relation, offset, daypart)?;
                let named_day = date.is_some() || weekday.is_some() || offset.is_some();
                let mut resolved = time(day, named_day, daypart, clock)?;
                if universal && clock.is_some() {
                    resolved.value.push('Z');
                }
                resolved
            }
            Pattern::DaySpan { from, to, year } => self.day_span(from, to, year)?,
            Pattern::WeekdaySpan { from, to } => self.weekday_span(from, to),
            // The other kinds are dispatched to `period` or `length_or_set`.
            _ => return None,
        })
    }

    /// An expression that names a week, a month, a season or a longer period.
    fn period(&self, pattern: Pattern) -> Option<Resolved> {
        let (anchor, context) = (self.anchor, self.context);
        Some(match pattern {
            Pattern::MonthYear {
                month,
                year,
                modifier,
            } => Resolved::date(valid_month(year, month)?).with_modifier(modifier),
            Pattern::Month {
                month,
                relation,
                modifier,
            } => Resolved::date(self.month(month, relation)?).with_modifier(modifier),
            Pattern::MonthOfYear { month, relation } => {
                Resolved::date(valid_month(year_of(relation, anchor, context)?, month)?)
            }
            Pattern::Year { year, modifier } => {
                Resolved::date(When::Year(year)).with_modifier(modifier)
            }
            Pattern::DecadeOfCentury(digits) => {
                return self.resolve(Pattern::Decade(decade_of_century(anchor, digits)));
            }
            // TimeML values a century BC by its years' first digits: the 9th century
            // BC (900-801 BC) is "BC08".
            Pattern::Century(start) if start <= 0 => Resolved::years(
                format!("BC{:02}", (-i64::from(start)) / 100),
                start,
                start + 99,
            )?,
            Pattern::Century(start) => {
                Resolved::years(format!("{:02}", start / 100), start, start + 99)?
            }
            Pattern::Decade(start) => {
                Resolved::years(format!("{:03}", start / 10), start, start + 9)?
            }
            Pattern::RelativeUnit {
                relation,
                unit,
                modifier,
            } => self.relative_unit(relation, unit, modifier)?,
            Pattern::PartOfUnit { part, unit } => part_of_unit(anchor, part, unit)?,
            Pattern::Weekend { relation } => weekend_from(self.weekend(relation)?)?,
            // "lost 500 points in thirty minutes": told in the past, "in" a few
            // minutes or hours is how long it took; in a history, so is "in two
            // years". (News told in the past still promises "elections in two years".)
            Pattern::Ago { count, unit }
                if count < 0
                    && (self.direction == Direction::Around
                        || unit.is_within_day()
                            && matches!(self.direction, Direction::Backward | Direction::Past)) =>
            {
                duration(anchor, Some(-count), unit, false, false)?
            }
            Pattern::Ago { count, unit } => Resolved::date(self.ago(count, unit)?),
            Pattern::Earlier { count, unit } => Resolved::date(self.earlier(count, unit)?),
            Pattern::Focus {
                unit,
                step,
                deictic,
                modifier,
            } => Resolved::date(self.focus(unit, step, deictic)?).with_modifier(modifier),
            Pattern::Quarter {
                quarter,
                year,
                relation,
            } => {
                let (year, quarter) = self.quarter(quarter, year, relation)?;
                Resolved::date(When::Quarter { year, quarter })
            }
            Pattern::Half {
                half,
                month: Some(month),
                year,
                ..
            } => self.half_month(half, month, year)?,
            Pattern::Half {
                half,
                year,
                relation,
                month: None,
            } => self.half_year(half, year, relation)?,
            Pattern::Season {
                season,
                year,
                relation,
                modifier,
            } => self.season(season, year, relation)?.with_modifier(modifier),
            Pattern::YearSpan { from, to } => Resolved::years(year_value(from), from, to)?,
            _ => return None,
        })
    }

    /// In a results story "a year ago" is the year-ago quarter.
    fn ago(&self, count: i64, unit: Unit) -> Option<When> {
        if let (Unit::Year, Some((year, quarter))) = (unit, self.context.last_quarter) {
            return Some(When::Quarter {
                year: year - count as i32,
                quarter,
            });
        }
        let day = unit.shift(self.anchor, -count)?;
        Some(at_precision(unit, day))
    }

    /// After a coarser date ("talks collapsed in mid-October. The next day, ...") the
    /// day is unknown; the publication date would put it in the wrong month.
    fn focus(&self, unit: Unit, step: i64, deictic: bool) -> Option<When> {
        let day = match self.context.last_date {
            Some(when) if fits_in(when, unit) => when.start()?,
            Some(_) => return None,
            None if deictic => self.anchor,
            None => return None,
        };
        Some(at_precision(unit, unit.shift(day, step)?))
    }

    fn season(
        &self,
        season: Season,
        year: Option<i32>,
        relation: Option<Deixis>,
    ) -> Option<Resolved> {
        let y = match year {
            Some(y) => y,
            None => self.season_year(season, relation)?,
        };
        Some(Resolved::date_valued(
            format!("{}-{}", year_value(y), season.code()),
            season.months(y),
        ))
    }

    /// "April 24-26": the end in the year of the start, or the next if it comes before.
    fn day_span(&self, from: (u32, u32), to: (u32, u32), year: Option<i32>) -> Option<Resolved> {
        let start = self.month_day_start(from.0, from.1, year)?;
        let mut end = NaiveDate::from_ymd_opt(start.year(), to.0, to.1)?;
        if end < start {
            end = NaiveDate::from_ymd_opt(start.year() + 1, to.0, to.1)?;
        }
        Some(Resolved::valued_by_first_day(
            start,
            When::Interval(start, end),
        ))
    }

    fn weekday_span(&self, from: Weekday, to: Weekday) -> Resolved {
        let start = weekday_day(self.anchor, from, None, self.direction);
        let gap =
            (to.num_days_from_monday() as i64 - from.num_days_from_monday() as i64).rem_euclid(7);
        let end = start + Duration::days(gap);
        Resolved::valued_by_first_day(start, When::Interval(start, end))
    }

    /// The first day of "March 6" (or "March 6, 2014"), read as a date alone is.
    fn month_day_start(&self, month: u32, day: u32, year: Option<i32>) -> Option<NaiveDate> {
        self.resolve(Pattern::MonthDay { month, day, year })?
            .when?
            .start()
    }

    /// "Sunday, Feb 10": the weekday settles the year when it fits one of the nearby
    /// ones.
    fn weekday_month_day(&self, weekday: Weekday, month: u32, day: u32) -> Option<Resolved> {
        let anchor = self.anchor;
        let fits = (anchor.year() - 6..=anchor.year() + 6)
            .filter_map(|y| NaiveDate::from_ymd_opt(y, month, day))
            .filter(|d| d.weekday() == weekday)
            .min_by_key(|d| (*d - anchor).num_days().abs());
        match fits {
            Some(day) => Some(Resolved::date(When::Day(day))),
            None => self.resolve(Pattern::MonthDay {
                month,
                day,
                year: None,
            }),
        }
    }

    /// "the 7th" after a day or a month the sentence named.
    fn day_in_sentence_date(&self, day: u32) -> Option<Resolved> {
        match self.context.sentence_date? {
            // The nearest such day to the one just named, in its month or the next.
            When::Day(named) => {
                let month_start = named.with_day(1)?;
                let near = (-1..=1)
                    .filter_map(|offset| {
                        let start = shift_months(month_start, offset)?;
                        NaiveDate::from_ymd_opt(start.year(), start.month(), day)
                    })
                    .min_by_key(|d| ((*d - named).num_days().abs(), *d < named))?;
                Some(Resolved::date(When::Day(near)))
            }
            // "In October, talks began on the 7th."
            month @ When::Month { .. } => {
                Some(Resolved::date(When::Day(month.start()?.with_day(day)?)))
            }
            _ => None,
        }
    }

    fn nth_of_month(
        &self,
        nth: i32,
        weekday: Option<Weekday>,
        month: Option<u32>,
        year: Option<i32>,
        relation: Option<Deixis>,
    ) -> Option<Resolved> {
        let (y, m) = match (month, year, relation) {
            (Some(m), Some(y), _) => (y, m),
            (Some(m), None, _) => {
                let start =
                    pick_year(self.anchor, self.direction, |y| valid_month(y, m))?.start()?;
                (start.year(), m)
            }
            (None, _, relation) => {
                let shifted =
                    shift_months(self.anchor, i64::from(relation.map_or(0, Deixis::step)))?;
                (shifted.year(), shifted.month())
            }
        };
        Some(Resolved::date(When::Day(nth_of_month(y, m, nth, weekday)?)))
    }

    fn nth_week(&self, nth: i32, month: Option<u32>, year: Option<i32>) -> Option<Resolved> {
        let (first, last) = match (month, year) {
            (Some(m), Some(y)) => valid_month(y, m)?.bounds()?,
            (Some(m), None) => {
                pick_year(self.anchor, self.direction, |y| valid_month(y, m))?.bounds()?
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
        Some(Resolved::date(When::week_of(*mondays.get(index)?)))
    }

    fn week_of(&self, month: u32, day: u32, year: Option<i32>, weekend: bool) -> Option<Resolved> {
        let week = When::week_of(self.month_day_start(month, day, year)?);
        if !weekend {
            return Some(Resolved::date(week));
        }
        weekend_from(week.start()? + Duration::days(5))
    }

    /// The first day of the holiday's occurrence the words pick: in the year given,
    /// moved some units from the anchor, of the year `relation` names, or the
    /// occurrence `relation` or `direction` picks.
    fn holiday_day(
        &self,
        rule: HolidayRule,
        year: Option<i32>,
        relation: Option<Deixis>,
        of_year: bool,
        moved: Option<(i32, Unit)>,
    ) -> Option<NaiveDate> {
        let anchor = self.anchor;
        match (year, relation) {
            (Some(y), _) => rule.days_in(y).first().copied(),
            (None, _) if moved.is_some() => {
                let (count, unit) = moved?;
                let period = unit.shift(anchor, i64::from(count))?;
                let in_period = |d: &NaiveDate| match unit {
                    Unit::Year => true,
                    Unit::Month => d.month() == period.month(),
                    Unit::Quarter => d.month0() / 3 == period.month0() / 3,
                    _ => false,
                };
                rule.days_in(period.year()).into_iter().find(in_period)
            }
            (None, Some(r)) if of_year => rule.days_in(anchor.year() + r.step()).first().copied(),
            (None, relation) => {
                let all = rule.occurrences(anchor.year() - 1, anchor.year() + 2);
                let back = all.iter().rev().find(|d| **d <= anchor);
                let ahead = all.iter().find(|d| **d >= anchor);
                match relation {
                    // "this Easter" said in February is the one ahead.
                    Some(Deixis::This | Deixis::Current) => ahead.copied(),
                    Some(Deixis::That) => None,
                    Some(relation) => {
                        let days: Vec<_> = all.iter().map(|&d| (d, d, d)).collect();
                        occurrence_at_step(&days, anchor, relation.step())
                    }
                    None => directed(anchor, self.direction, back.copied(), ahead.copied()),
                }
            }
        }
    }

    fn month(&self, month: u32, relation: Option<Deixis>) -> Option<When> {
        let anchor = self.anchor;
        Some(match relation {
            Some(Deixis::This | Deixis::Current) => valid_month(anchor.year(), month)?,
            Some(Deixis::That) => valid_month(year_of(Deixis::That, anchor, self.context)?, month)?,
            Some(relation) => {
                let months: Vec<_> = (anchor.year() - 1..=anchor.year() + 2)
                    .filter_map(|y| {
                        let when = valid_month(y, month)?;
                        let (first, last) = when.bounds()?;
                        Some((when, first, last))
                    })
                    .collect();
                occurrence_at_step(&months, anchor, relation.step())?
            }
            None => pick_year(anchor, self.direction, |y| valid_month(y, month))?,
        })
    }

    fn relative_unit(
        &self,
        relation: Deixis,
        unit: Unit,
        modifier: Option<Modifier>,
    ) -> Option<Resolved> {
        let anchor = match relation {
            Deixis::Current => current_base(self.anchor, self.context, unit),
            _ => self.anchor,
        };
        let step = i64::from(relation.step());
        let when = match unit {
            Unit::Week => {
                // Said on a Sunday about the future, "this week" is the week
                // ahead: the current one ends that day.
                let sunday_ahead = relation == Deixis::This
                    && self.direction == Direction::Forward
                    && anchor.weekday() == Weekday::Sun;
                let shift = if sunday_ahead { 1 } else { 7 * step };
                When::week_of(anchor + Duration::days(shift))
            }
            Unit::Month => When::month_of(shift_months(anchor, step)?),
            Unit::Year => When::Year(anchor.year() + step as i32),
            Unit::Day => When::Day(anchor + Duration::days(step)),
            Unit::Decade => {
                let start = (anchor.year() / 10 + step as i32) * 10;
                return Frame { anchor, ..*self }.resolve(Pattern::Decade(start));
            }
            Unit::Century => {
                let start = (anchor.year() / 100 + step as i32) * 100;
                return Frame { anchor, ..*self }.resolve(Pattern::Century(start));
            }
            _ => return None,
        };
        Some(Resolved::date(when).with_modifier(modifier))
    }

    /// The Saturday of the weekend `relation` or the direction picks.
    fn weekend(&self, relation: Option<Deixis>) -> Option<NaiveDate> {
        let anchor = self.anchor;
        let back = days_back_to(anchor, Weekday::Sat);
        let saturday = anchor - Duration::days(back);
        Some(match (relation, self.direction) {
            // "last weekend" is over, not one that includes today; "next weekend"
            // begins after today.
            (Some(relation @ (Deixis::Last | Deixis::Next)), _) => {
                let weekends: Vec<_> = [-7, 0, 7]
                    .into_iter()
                    .map(|days| {
                        let first = saturday + Duration::days(days);
                        (first, first, first + Duration::days(1))
                    })
                    .collect();
                occurrence_at_step(&weekends, anchor, relation.step())?
            }
            (_, Direction::Backward | Direction::Past | Direction::Nearest | Direction::Around) => {
                saturday
            }
            (_, Direction::Forward) => {
                if back <= 1 {
                    saturday
                } else {
                    anchor + Duration::days(7 - back)
                }
            }
        })
    }

    /// Back from what the text is about, at its precision: the quarter a results
    /// story reports, else the last date given, else the anchor.
    fn earlier(&self, count: i64, unit: Unit) -> Option<When> {
        let years = count as i32;
        Some(
            match (unit, self.context.last_quarter, self.context.last_date) {
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
                _ => at_precision(unit, unit.shift(self.anchor, -count)?),
            },
        )
    }

    /// The (year, quarter) a quarter names.
    fn quarter(
        &self,
        quarter: Option<u32>,
        year: Option<i32>,
        relation: Option<Deixis>,
    ) -> Option<(i32, u32)> {
        let (anchor, direction, context) = (self.anchor, self.direction, self.context);
        let current = quarter_of(anchor);
        Some(match (quarter, year, relation) {
            (Some(q), Some(y), _) => (y, q),
            // "this year's third quarter", "next year's first quarter"
            (Some(q), None, Some(relation)) => (anchor.year() + relation.step(), q),
            (Some(q), None, None) => self.quarter_of_unknown_year(q)?,
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
        })
    }

    /// "the third quarter" with no year.
    fn quarter_of_unknown_year(&self, q: u32) -> Option<(i32, u32)> {
        let (anchor, direction) = (self.anchor, self.direction);
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
        // And the other way: "cuts resulting in closures during the fourth quarter",
        // said in August, is the quarter about to begin, not one most of a year over
        // (that would be "the fourth quarter of last year").
        let next = When::Quarter {
            year: year + 1,
            quarter: q,
        };
        let long_over = pick
            .end()
            .is_some_and(|end| end < anchor && (anchor - end).num_days() > 180);
        let about_to_begin = next
            .start()
            .is_some_and(|start| start > anchor && (start - anchor).num_days() <= 62);
        Some(
            if direction == Direction::Forward && just_over && far_ahead {
                (year - 1, q)
            } else if direction == Direction::Backward && long_over && about_to_begin {
                (year + 1, q)
            } else {
                (year, q)
            },
        )
    }

    /// "the second half of March": the days from the 16th on, valued as the month.
    fn half_month(&self, half: u32, month: u32, year: Option<i32>) -> Option<Resolved> {
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
            None => pick_year(self.anchor, self.direction, |y| {
                valid_month(y, month).and_then(days_of)
            })
            .and_then(|when| when.start())
            .and_then(|day| valid_month(day.year(), month))?,
        };
        let value = the_month.start()?.format("%Y-%m").to_string();
        Some(Resolved::date_valued(value, days_of(the_month)))
    }

    fn half_year(
        &self,
        half: u32,
        year: Option<i32>,
        relation: Option<Deixis>,
    ) -> Option<Resolved> {
        let half_of = |y: i32| {
            Some(When::Interval(
                NaiveDate::from_ymd_opt(y, 6 * half - 5, 1)?,
                last_day_of_month(y, 6 * half)?,
            ))
        };
        let y = match (year, relation) {
            (Some(y), _) => y,
            (None, Some(relation)) => year_of(relation, self.anchor, self.context)?,
            (None, None) => pick_year(self.anchor, self.direction, half_of)?
                .start()?
                .year(),
        };
        Some(Resolved::date_valued(
            format!("{}-H{half}", year_value(y)),
            Some(half_of(y)?),
        ))
    }

    /// The year of the season `relation` or the direction picks.
    fn season_year(&self, season: Season, relation: Option<Deixis>) -> Option<i32> {
        let (anchor, direction) = (self.anchor, self.direction);
        let this = anchor.year();
        Some(match relation {
            Some(Deixis::This | Deixis::Current) => self.this_season(season),
            Some(Deixis::That) => year_of(Deixis::That, anchor, self.context)?,
            // "last summer" said in October is the one just over; said in July, the
            // one a year before.
            Some(relation) => {
                let seasons: Vec<_> = (this - 2..=this + 2)
                    .filter_map(|y| {
                        let (first, last) = season.months(y)?.bounds()?;
                        Some((y, first, last))
                    })
                    .collect();
                occurrence_at_step(&seasons, anchor, relation.step())
                    .unwrap_or(this + relation.step())
            }
            None => pick_year(anchor, direction, |y| season.months(y))?
                .start()?
                .year(),
        })
    }

    /// "this winter" said in February is the one under way, begun the December
    /// before. Out of season it is the one just over, if that ended in the last three
    /// months and the tense does not look ahead ("held its lines this winter", said
    /// in March); else the next ("this summer", said in March).
    fn this_season(&self, season: Season) -> i32 {
        let anchor = self.anchor;
        let this = anchor.year();
        let bounds = |y: i32| season.months(y).and_then(|w| w.bounds());
        let years = this - 1..=this + 1;
        let under_way = years
            .clone()
            .find(|&y| bounds(y).is_some_and(|(first, last)| (first..=last).contains(&anchor)));
        let just_over = years.clone().rev().find(|&y| {
            bounds(y).is_some_and(|(_, last)| last < anchor && (anchor - last).num_days() <= 92)
        });
        let next = years
            .clone()
            .find(|&y| bounds(y).is_some_and(|(first, _)| first > anchor));
        match (under_way, just_over, self.direction) {
            (Some(y), ..) => y,
            (None, Some(y), d) if d != Direction::Forward => y,
            _ => next.or(just_over).unwrap_or(this),
        }
    }

    /// The day a clock time or a part of a day is on.
    fn time_day(
        &self,
        date: Option<(u32, u32)>,
        year: Option<i32>,
        weekday: Option<Weekday>,
        relation: Option<Deixis>,
        offset: Option<i64>,
        daypart: Option<DayPart>,
    ) -> Option<NaiveDate> {
        let (anchor, direction) = (self.anchor, self.direction);
        Some(match (date, weekday, offset) {
            (Some((month, day)), _, _) => self.month_day_start(month, day, year)?,
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
            (None, None, None) => match self.context.last_date {
                Some(When::Day(day)) if day <= anchor && (anchor - day).num_days() < 7 => day,
                _ => anchor,
            },
        })
    }
}

/// A length of time or a recurrence.
fn length_or_set(pattern: Pattern, anchor: NaiveDate) -> Option<Resolved> {
    Some(match pattern {
        Pattern::Ahead { count, unit } => ahead(anchor, count, unit)?,
        Pattern::Duration {
            count,
            unit,
            half,
            past,
        } => duration(anchor, count, unit, half, past)?,
        Pattern::Reference(kind) => reference(kind),
        Pattern::Set {
            unit,
            count,
            month,
            weekday,
            daypart,
        } => set(unit, count, month, weekday, daypart)?,
        _ => return None,
    })
}

/// "3 fridays from now" (3), "2 thursdays ago" (-2): not counting the anchor itself.
fn nth_weekday(anchor: NaiveDate, count: i64, weekday: Weekday) -> Option<Resolved> {
    let step = if count > 0 { 1 } else { -1 };
    let day = (1..=8)
        .map(|d| anchor + Duration::days(step * d))
        .find(|d| d.weekday() == weekday)?;
    Some(Resolved::date(When::Day(
        day + Duration::days(7 * (count - step)),
    )))
}

/// The holiday's days from its `first` day moved by `offset`, valued by the first.
fn holiday_days(first: NaiveDate, offset: i32, days: u32) -> Option<Resolved> {
    let day = first.checked_add_signed(Duration::days(i64::from(offset)))?;
    let when = if days > 1 {
        When::Interval(day, day + Duration::days(i64::from(days) - 1))
    } else {
        When::Day(day)
    };
    Some(Resolved::valued_by_first_day(day, when))
}

/// The last decade with these two digits ("the nineties") to have begun by the anchor.
fn decade_of_century(anchor: NaiveDate, digits: i32) -> i32 {
    let century = anchor.year().div_euclid(100) * 100;
    if century + digits <= anchor.year() {
        century + digits
    } else {
        century - 100 + digits
    }
}

/// TimeML's vague references to the present, the past and the future.
fn reference(kind: RefKind) -> Resolved {
    Resolved {
        kind: TimexType::Date,
        value: match kind {
            RefKind::Present => "PRESENT_REF",
            RefKind::Past => "PAST_REF",
            RefKind::Future => "FUTURE_REF",
        }
        .to_string(),
        modifier: None,
        when: None,
    }
}

/// "The next 48 hours" runs from the anchor into the days it reaches; "the next three
/// days" starts tomorrow.
fn ahead(anchor: NaiveDate, count: i64, unit: Unit) -> Option<Resolved> {
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
    Some(Resolved {
        kind: TimexType::Duration,
        value: unit.duration(Some(count)),
        modifier: None,
        when: (last >= first).then_some(When::Interval(first, last)),
    })
}

/// "earlier this week", "later this month": the days of the unit before or after the
/// anchor, valued as the whole unit.
fn part_of_unit(anchor: NaiveDate, part: Part, unit: Unit) -> Option<Resolved> {
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
    Some(Resolved::date_valued(whole.to_string(), Some(when)))
}

/// A length of time; hours and minutes bound no day range worth dating an event by.
fn duration(
    anchor: NaiveDate,
    count: Option<i64>,
    unit: Unit,
    half: bool,
    past: bool,
) -> Option<Resolved> {
    let when = match (past, count) {
        (true, Some(n)) => unit
            .shift(anchor, -n)
            .map(|start| When::Interval(start, anchor)),
        _ => None,
    };
    Some(Resolved {
        kind: TimexType::Duration,
        value: match (half, count) {
            (true, Some(n)) => unit.half_duration(n)?,
            _ => unit.duration(count),
        },
        modifier: None,
        when,
    })
}

/// A recurrence: "each July", "every Monday morning", "every six months".
fn set(
    unit: Option<Unit>,
    count: Option<Option<i64>>,
    month: Option<u32>,
    weekday: Option<Weekday>,
    daypart: Option<DayPart>,
) -> Option<Resolved> {
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
    Some(Resolved {
        kind: TimexType::Set,
        value,
        modifier: None,
        when: None,
    })
}

/// A clock time or a part of a day on `day`. Midnight alone is the start of the day;
/// with a day named ("midnight Friday") it is that day's end.
fn time(
    day: NaiveDate,
    named_day: bool,
    daypart: Option<DayPart>,
    clock: Option<(u32, u32)>,
) -> Option<Resolved> {
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
    Some(Resolved {
        kind: TimexType::Time,
        value: format!("{}T{time}", day_value(day)),
        modifier: None,
        when: Some(when),
    })
}

/// The weekend that starts on `saturday`: TimeML's `2025-W16-WE`, and its two days.
fn weekend_from(saturday: NaiveDate) -> Option<Resolved> {
    let week = saturday.iso_week();
    Some(Resolved::date_valued(
        format!("{}-W{:02}-WE", year_value(week.year()), week.week()),
        Some(When::Interval(saturday, saturday.succ_opt()?)),
    ))
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
        (When::Year(y), Modifier::Start) => (start, last_day_of_month(y, 4)?),
        (When::Year(y), Modifier::Mid) => {
            (NaiveDate::from_ymd_opt(y, 5, 1)?, last_day_of_month(y, 8)?)
        }
        (When::Year(y), Modifier::End) => (NaiveDate::from_ymd_opt(y, 9, 1)?, end),
    };
    Some(When::Interval(first, last))
}
