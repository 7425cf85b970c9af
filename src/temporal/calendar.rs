//! Calendar arithmetic that resolving an expression shares: which year, month, week
//! or occurrence a year-less or deictic expression names from the anchor.

use chrono::{Datelike, Duration, NaiveDate, Weekday};

use super::pattern::{Context, Deixis, Direction, Unit};
use super::value::{shift_months, When};

/// The day `weekday` names from the anchor, as `relation` and `direction` read it.
pub(super) fn weekday_day(
    anchor: NaiveDate,
    weekday: Weekday,
    relation: Option<Deixis>,
    direction: Direction,
) -> NaiveDate {
    let back = days_back_to(anchor, weekday);
    let forward = (7 - back) % 7;
    match (relation, direction) {
        // "last Tuesday" is never today.
        (Some(Deixis::Last), _) => anchor - Duration::days(if back == 0 { 7 } else { back }),
        // "next Wednesday" is the Wednesday of next week: said on a Tuesday, not the
        // day after (that is "this Wednesday", or plain "Wednesday" ahead).
        (Some(Deixis::Next), _) => weekday_of_week(anchor, weekday, 1),
        // "Friday after next": a week after the coming one.
        (Some(Deixis::AfterNext), _) => {
            anchor + Duration::days(if forward == 0 { 14 } else { forward + 7 })
        }
        // No rule reads a weekday "of that year"; as "this" if one did.
        (Some(Deixis::This | Deixis::Current | Deixis::That), _) | (None, Direction::Forward) => {
            anchor + Duration::days(forward)
        }
        // With no tense to go by, as for year-less dates: said on a Saturday,
        // "Monday's talks" are two days off, not five days gone.
        (None, Direction::Nearest | Direction::Around) => {
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
pub(super) fn weekday_of_week(anchor: NaiveDate, weekday: Weekday, weeks: i64) -> NaiveDate {
    let monday = anchor - Duration::days(i64::from(anchor.weekday().num_days_from_monday()));
    monday + Duration::days(7 * weeks + i64::from(weekday.num_days_from_monday()))
}

/// The calendar unit containing `day` at the precision of `unit`.
pub(super) fn at_precision(unit: Unit, day: NaiveDate) -> When {
    match unit {
        Unit::Week | Unit::Weekend | Unit::Fortnight => When::week_of(day),
        Unit::Month => When::month_of(day),
        Unit::Quarter => {
            let (year, quarter) = quarter_of(day);
            When::Quarter { year, quarter }
        }
        Unit::Year | Unit::Decade | Unit::Century => When::Year(day.year()),
        _ => When::Day(day),
    }
}

/// The year `relation` names: "next year", "the year" (the sentence's), "that year".
pub(super) fn year_of(relation: Deixis, anchor: NaiveDate, context: &Context) -> Option<i32> {
    match relation {
        Deixis::Current => Some(current_base(anchor, context, Unit::Year).year()),
        Deixis::That => context
            .last_date
            .filter(|when| fits_in(*when, Unit::Year))
            .and_then(|when| when.start())
            .map(|day| day.year()),
        _ => Some(anchor.year() + relation.step()),
    }
}

/// The day "the year" or "the end of the month" counts from: in the date the sentence
/// has named when that lies within one such unit, else the anchor.
pub(super) fn current_base(anchor: NaiveDate, context: &Context, unit: Unit) -> NaiveDate {
    context
        .sentence_date
        .filter(|when| fits_in(*when, unit))
        .and_then(|when| when.start())
        .unwrap_or(anchor)
}

/// True when `when` is no longer than one `unit`, so that "that `unit`" can name the
/// one it falls in: a day or a month has a year, a year has no day.
pub(super) fn fits_in(when: When, unit: Unit) -> bool {
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

pub(super) fn quarter_step((year, quarter): (i32, u32), step: i32) -> (i32, u32) {
    let index = year * 4 + quarter as i32 - 1 + step;
    (index.div_euclid(4), index.rem_euclid(4) as u32 + 1)
}

pub(super) fn valid_month(year: i32, month: u32) -> Option<When> {
    NaiveDate::from_ymd_opt(year, month, 1).map(|_| When::Month { year, month })
}

/// Days from the most recent `weekday` (today included) to `anchor`: 0..=6.
pub(super) fn days_back_to(anchor: NaiveDate, weekday: Weekday) -> i64 {
    let today = anchor.weekday().num_days_from_monday() as i64;
    let target = weekday.num_days_from_monday() as i64;
    (today - target).rem_euclid(7)
}

/// The year that puts a year-less expression nearest the anchor in the direction
/// given: backward, the latest reading that has begun by the anchor; forward, the
/// earliest that has not ended before it; with no direction, the nearest reading
/// (the past one on a tie).
pub(super) fn pick_year(
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
    // News looks back: a reading ahead counts as twice as far; a narrative goes
    // either way (measured on WikiWars, leaning forward did worse).
    let (ahead_weight, back_weight) = if direction == Direction::Around {
        (1, 1)
    } else {
        (2, 1)
    };
    let distance = |&(_, start, end): &(When, NaiveDate, NaiveDate)| {
        if anchor < start {
            ahead_weight * (start - anchor).num_days()
        } else if anchor > end {
            back_weight * (anchor - end).num_days()
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
        Direction::Nearest | Direction::Around => None,
    };
    directed
        .or_else(|| candidates.iter().min_by_key(|c| distance(c)))
        .map(|c| c.0)
}

/// Day `day` of the month `relation` names, or, with none, of the month that puts it
/// nearest the anchor in `direction`; with a weekday, the nearest such month in
/// which that day falls on it ("Tuesday the 19th").
pub(super) fn day_of_month(
    anchor: NaiveDate,
    day: u32,
    relation: Option<Deixis>,
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
pub(super) fn deadline_ahead(days_back: i64, days_ahead: i64) -> bool {
    days_back > 180 && days_ahead <= 62
}

/// Of the nearest day on or before the anchor and the nearest on or after it, the one
/// `direction` reads. News looks back, so with no direction a day ahead counts as
/// twice as far; and, as for year-less dates, a past-tense sentence may still name a
/// day a few weeks ahead ("agreed an Easter truce" days before Easter) rather than
/// one most of a year back.
pub(super) fn directed(
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
        (Direction::Around, Some(b), Some(a)) if a < b => ahead,
        (Direction::Around, _, _) => back.or(ahead),
    }
}

/// Of `occurrences` in time order, each with its first and last day, the one `step`
/// away from the anchor: -1 the last one over before it, 1 the first to begin after
/// it, 2 the one after that. "Last", "next" and "after next" pick so among months,
/// seasons, holidays and weekends alike.
pub(super) fn occurrence_at_step<T: Copy>(
    occurrences: &[(T, NaiveDate, NaiveDate)],
    anchor: NaiveDate,
    step: i32,
) -> Option<T> {
    let found = if step < 0 {
        let back = usize::try_from(-step - 1).ok()?;
        occurrences.iter().rev().filter(|o| o.2 < anchor).nth(back)
    } else {
        let ahead = usize::try_from(step - 1).ok()?;
        occurrences.iter().filter(|o| o.1 > anchor).nth(ahead)
    };
    found.map(|o| o.0)
}

/// The year and quarter `day` falls in.
pub(super) fn quarter_of(day: NaiveDate) -> (i32, u32) {
    (day.year(), (day.month() - 1) / 3 + 1)
}
