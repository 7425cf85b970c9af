//! Temporal expressions: recognise them in a sentence's tokens (no anchor needed),
//! then resolve each against the publication date in the direction the sentence's
//! tense gives. Precision is kept: "last week" is a week, "last month" a month.

mod value;

use chrono::{Datelike, Duration, Months, NaiveDate, Weekday};

pub use value::{last_day_of_month, ParseWhenError, When};

use crate::lexicon::{fold, phrase_at, TemporalLexicon};
use crate::text::{Token, TokenKind};

/// Which way a bare weekday, month or year-less date resolves from the anchor.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    /// Past or present tense: news looks back (the anchor day itself included).
    Backward,
    /// Future tense ("will meet on Tuesday"): forward, the anchor day included.
    Forward,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Relation {
    Last,
    This,
    Next,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    Day,
    Week,
    Fortnight,
    Month,
    Year,
    Decade,
    Hour,
}

impl Unit {
    fn parse(name: &str) -> Option<Unit> {
        Some(match name {
            "day" => Unit::Day,
            "week" => Unit::Week,
            "fortnight" => Unit::Fortnight,
            "month" => Unit::Month,
            "year" => Unit::Year,
            "decade" => Unit::Decade,
            "hour" => Unit::Hour,
            _ => return None,
        })
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    Earlier,
    Later,
}

/// What an expression says, before it is put on the calendar.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pattern {
    MonthDay {
        month: u32,
        day: u32,
        year: Option<i32>,
    },
    MonthYear {
        month: u32,
        year: i32,
    },
    Month {
        month: u32,
        relation: Option<Relation>,
    },
    Year(i32),
    Decade(i32),
    Weekday {
        weekday: Weekday,
        relation: Option<Relation>,
    },
    RelativeDay(i64),
    RelativeUnit {
        relation: Relation,
        unit: Unit,
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
    PastSpan {
        count: i64,
        unit: Unit,
    },
    /// "two days", "nearly three years": a length of time, not a date.
    Duration {
        count: Option<i64>,
        unit: Unit,
    },
}

impl Pattern {
    /// Name of the rule, shown by `dateline extract` and in examples.
    pub fn rule(&self) -> &'static str {
        match self {
            Pattern::MonthDay { year: Some(_), .. } => "month-day-year",
            Pattern::MonthDay { year: None, .. } => "month-day",
            Pattern::MonthYear { .. } => "month-year",
            Pattern::Month { relation: None, .. } => "bare-month",
            Pattern::Month { .. } => "relative-month-name",
            Pattern::Year(_) => "year",
            Pattern::Decade(_) => "decade",
            Pattern::Weekday { relation: None, .. } => "weekday",
            Pattern::Weekday { .. } => "relative-weekday",
            Pattern::RelativeDay(_) => "relative-day",
            Pattern::RelativeUnit { .. } => "relative-unit",
            Pattern::PartOfUnit { .. } => "part-of-unit",
            Pattern::Weekend { .. } => "weekend",
            Pattern::Ago { .. } => "ago",
            Pattern::PastSpan { .. } => "past-span",
            Pattern::Duration { .. } => "duration",
        }
    }

    /// Durations measure time; everything else names a date.
    pub fn is_date(&self) -> bool {
        !matches!(self, Pattern::Duration { .. })
    }

    /// Put the expression on the calendar. `None` for durations and values out of range.
    pub fn resolve(&self, anchor: NaiveDate, direction: Direction) -> Option<When> {
        match *self {
            Pattern::MonthDay {
                month,
                day,
                year: Some(y),
            } => NaiveDate::from_ymd_opt(y, month, day).map(When::Day),
            Pattern::MonthDay {
                month,
                day,
                year: None,
            } => {
                let candidates: Vec<NaiveDate> = (anchor.year() - 1..=anchor.year() + 1)
                    .filter_map(|y| NaiveDate::from_ymd_opt(y, month, day))
                    .collect();
                pick_directional(&candidates, anchor, direction).map(When::Day)
            }
            Pattern::MonthYear { month, year } => valid_month(year, month),
            Pattern::Month { month, relation } => {
                let here = (anchor.year(), anchor.month());
                let candidates = [(here.0 - 1, month), (here.0, month), (here.0 + 1, month)];
                let pick = match relation {
                    Some(Relation::This) => Some((here.0, month)),
                    Some(Relation::Last) => candidates.iter().rev().copied().find(|c| *c < here),
                    Some(Relation::Next) => candidates.iter().copied().find(|c| *c > here),
                    None => match direction {
                        Direction::Backward => {
                            candidates.iter().rev().copied().find(|c| *c <= here)
                        }
                        Direction::Forward => candidates.iter().copied().find(|c| *c >= here),
                    },
                }?;
                valid_month(pick.0, pick.1)
            }
            Pattern::Year(y) => Some(When::Year(y)),
            Pattern::Decade(start) => Some(When::Interval(
                NaiveDate::from_ymd_opt(start, 1, 1)?,
                NaiveDate::from_ymd_opt(start + 9, 12, 31)?,
            )),
            Pattern::Weekday { weekday, relation } => {
                let back = days_back_to(anchor, weekday);
                let forward = (7 - back) % 7;
                let day = match (relation, direction) {
                    // "last Tuesday" is never today, "next Tuesday" never today.
                    (Some(Relation::Last), _) => {
                        anchor - Duration::days(if back == 0 { 7 } else { back })
                    }
                    (Some(Relation::Next), _) => {
                        anchor + Duration::days(if forward == 0 { 7 } else { forward })
                    }
                    (_, Direction::Backward) => anchor - Duration::days(back),
                    (_, Direction::Forward) => anchor + Duration::days(forward),
                };
                Some(When::Day(day))
            }
            Pattern::RelativeDay(offset) => Some(When::Day(anchor + Duration::days(offset))),
            Pattern::RelativeUnit { relation, unit } => {
                let step = match relation {
                    Relation::Last => -1,
                    Relation::This => 0,
                    Relation::Next => 1,
                };
                match unit {
                    Unit::Week => {
                        // Said on a Sunday about the future, "this week" is the week
                        // ahead: the current one ends that day.
                        let sunday_ahead = relation == Relation::This
                            && direction == Direction::Forward
                            && anchor.weekday() == Weekday::Sun;
                        let shift = if sunday_ahead { 1 } else { 7 * step };
                        Some(When::week_of(anchor + Duration::days(shift)))
                    }
                    Unit::Month => shift_months(anchor, step).map(When::month_of),
                    Unit::Year => Some(When::Year(anchor.year() + step as i32)),
                    Unit::Day => Some(When::Day(anchor + Duration::days(step))),
                    _ => None,
                }
            }
            Pattern::PartOfUnit { part, unit } => {
                let (start, end) = match unit {
                    Unit::Week => When::week_of(anchor).bounds()?,
                    Unit::Month => When::month_of(anchor).bounds()?,
                    Unit::Year => When::Year(anchor.year()).bounds()?,
                    _ => return None,
                };
                let whole = match unit {
                    Unit::Week => When::week_of(anchor),
                    Unit::Month => When::month_of(anchor),
                    _ => When::Year(anchor.year()),
                };
                Some(match part {
                    Part::Earlier if anchor > start => When::Interval(start, anchor.pred_opt()?),
                    Part::Later if anchor < end => When::Interval(anchor.succ_opt()?, end),
                    _ => whole,
                })
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
                    (_, Direction::Backward) => anchor - Duration::days(back),
                    (_, Direction::Forward) => {
                        if back <= 1 {
                            anchor - Duration::days(back)
                        } else {
                            anchor + Duration::days(7 - back)
                        }
                    }
                };
                Some(When::Interval(saturday, saturday.succ_opt()?))
            }
            Pattern::Ago { count, unit } => match unit {
                Unit::Day => Some(When::Day(anchor - Duration::days(count))),
                Unit::Week => Some(When::week_of(anchor - Duration::days(7 * count))),
                Unit::Fortnight => Some(When::week_of(anchor - Duration::days(14 * count))),
                Unit::Month => shift_months(anchor, -count).map(When::month_of),
                Unit::Year => Some(When::Year(anchor.year() - count as i32)),
                _ => None,
            },
            Pattern::PastSpan { count, unit } => {
                let start = match unit {
                    Unit::Day => anchor - Duration::days(count),
                    Unit::Week => anchor - Duration::days(7 * count),
                    Unit::Fortnight => anchor - Duration::days(14 * count),
                    Unit::Month => shift_months(anchor, -count)?,
                    Unit::Year => shift_months(anchor, -12 * count)?,
                    _ => return None,
                };
                Some(When::Interval(start, anchor))
            }
            Pattern::Duration { .. } => None,
        }
    }
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

fn pick_directional(
    candidates: &[NaiveDate],
    anchor: NaiveDate,
    direction: Direction,
) -> Option<NaiveDate> {
    match direction {
        Direction::Backward => candidates.iter().rev().copied().find(|d| *d <= anchor),
        Direction::Forward => candidates.iter().copied().find(|d| *d >= anchor),
    }
    .or_else(|| {
        candidates
            .iter()
            .copied()
            .min_by_key(|d| (*d - anchor).num_days().abs())
    })
}

/// A recognised expression: token range within the sentence's tokens, its byte span,
/// and the words in front that belong to how people say it ("on", "over", "as early as").
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mention {
    /// Index of the first and one past the last token of the expression proper.
    pub first_token: usize,
    pub end_token: usize,
    /// First token of the phrase including its preposition.
    pub phrase_token: usize,
    /// Byte span of the expression proper in the document (TimeML TIMEX3 extent).
    pub start: usize,
    pub end: usize,
    /// Byte offset where the phrase including its preposition starts.
    pub phrase_start: usize,
    pub pattern: Pattern,
    /// The phrase itself leans forward ("as early as this week", "upcoming").
    pub leans_forward: bool,
}

/// Recognise every temporal expression in one sentence's tokens.
pub fn recognize(tokens: &[Token<'_>], lexicon: &TemporalLexicon) -> Vec<Mention> {
    let lower: Vec<String> = tokens.iter().map(|t| fold(t.text)).collect();
    let matcher = Matcher {
        tokens,
        lower: &lower,
        lexicon,
    };
    let mut mentions = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        match matcher.at(i) {
            Some((pattern, first, end)) => {
                let (phrase_token, leans_forward) = matcher.preposition_before(first);
                mentions.push(Mention {
                    first_token: first,
                    end_token: end,
                    phrase_token,
                    start: tokens[first].start,
                    end: tokens[end - 1].end,
                    phrase_start: tokens[phrase_token].start,
                    pattern,
                    leans_forward,
                });
                i = end;
            }
            None => i += 1,
        }
    }
    mentions
}

/// Which way the sentence leans at `index`: forward when a future marker ("will",
/// "expected", "is due to") stands shortly before it in the same clause, or anywhere
/// after it up to the end of its clause; backward otherwise, since news looks back.
pub fn direction_at(
    tokens: &[Token<'_>],
    folded: &[String],
    index: usize,
    lexicon: &TemporalLexicon,
) -> Direction {
    let window_start = index.saturating_sub(12);
    let mut before = window_start;
    for j in (window_start..index).rev() {
        if matches!(tokens[j].text, ";" | ":") {
            before = j + 1;
            break;
        }
    }
    let after = (index..tokens.len())
        .find(|&j| tokens[j].is_clause_break() && tokens[j].text != "“")
        .unwrap_or(tokens.len());
    let has_marker = |from: usize, to: usize| {
        (from..to).any(|j| {
            lexicon
                .future_markers
                .iter()
                .any(|marker| phrase_at(folded, j, marker))
        })
    };
    if has_marker(before, index) || has_marker(index, after) {
        Direction::Forward
    } else {
        Direction::Backward
    }
}

/// The direction a mention resolves in from its own words and its sentence alone.
/// (The extractor also leans forward for an event it already knows is planned.)
/// `folded` is `tokens` as [`fold`] gives them, computed once per sentence by the caller.
pub fn direction_of(
    mention: &Mention,
    tokens: &[Token<'_>],
    folded: &[String],
    lexicon: &TemporalLexicon,
) -> Direction {
    if mention.leans_forward {
        Direction::Forward
    } else {
        direction_at(tokens, folded, mention.first_token, lexicon)
    }
}

/// Every expression in `tokens` with its value read from `anchor` (`None` for durations).
pub fn tag(
    tokens: &[Token<'_>],
    anchor: NaiveDate,
    lexicon: &TemporalLexicon,
) -> Vec<(Mention, Option<When>)> {
    let folded: Vec<String> = tokens.iter().map(|t| fold(t.text)).collect();
    recognize(tokens, lexicon)
        .into_iter()
        .map(|m| {
            let value = m
                .pattern
                .resolve(anchor, direction_of(&m, tokens, &folded, lexicon));
            (m, value)
        })
        .collect()
}

struct Matcher<'t, 'a> {
    tokens: &'t [Token<'a>],
    lower: &'t [String],
    lexicon: &'t TemporalLexicon,
}

impl Matcher<'_, '_> {
    fn word(&self, i: usize) -> Option<&str> {
        self.lower.get(i).map(String::as_str)
    }

    fn is(&self, i: usize, w: &str) -> bool {
        self.word(i) == Some(w)
    }

    /// A month name at `i` (an abbreviation may carry a full stop): (month, tokens used).
    fn month(&self, i: usize) -> Option<(u32, usize)> {
        let token = self.tokens.get(i)?;
        if token.kind != TokenKind::Word {
            return None;
        }
        let month = *self.lexicon.months.get(self.word(i)?)?;
        let ambiguous = self.lexicon.ambiguous_months.contains(self.word(i)?);
        if ambiguous && !token.is_capitalized() {
            return None;
        }
        // A lowercase month name is accepted only spelt out in full.
        if !token.is_capitalized() && self.word(i)?.len() <= 4 {
            return None;
        }
        let with_stop =
            self.tokens.get(i + 1).is_some_and(|t| t.text == ".") && self.word(i)?.len() <= 4;
        Some((month, if with_stop { 2 } else { 1 }))
    }

    fn day_number(&self, i: usize) -> Option<u32> {
        let token = self.tokens.get(i)?;
        let digits = match token.kind {
            TokenKind::Number => token.text,
            TokenKind::Word => {
                let w = self.word(i)?;
                ["st", "nd", "rd", "th"]
                    .iter()
                    .find_map(|s| w.strip_suffix(s))
                    .filter(|d| d.bytes().all(|b| b.is_ascii_digit()))?
            }
            TokenKind::Punct => return None,
        };
        if digits.len() > 2 {
            return None;
        }
        digits.parse().ok().filter(|d| (1..=31).contains(d))
    }

    fn year(&self, i: usize) -> Option<i32> {
        let token = self.tokens.get(i)?;
        if token.kind != TokenKind::Number || token.text.len() != 4 {
            return None;
        }
        token
            .text
            .parse()
            .ok()
            .filter(|y| (1900..=2100).contains(y))
    }

    fn count(&self, i: usize) -> Option<Option<i64>> {
        let token = self.tokens.get(i)?;
        if token.kind == TokenKind::Number && token.text.len() <= 3 {
            return token.text.parse().ok().map(Some);
        }
        self.lexicon.number_words.get(self.word(i)?).copied()
    }

    fn unit(&self, i: usize) -> Option<Unit> {
        self.lexicon
            .units
            .get(self.word(i)?)
            .and_then(|u| Unit::parse(u))
    }

    fn relation(&self, i: usize) -> Option<Relation> {
        match self.word(i)? {
            "last" | "past" | "previous" => Some(Relation::Last),
            "this" | "current" => Some(Relation::This),
            "next" | "coming" => Some(Relation::Next),
            _ => None,
        }
    }

    fn weekday(&self, i: usize) -> Option<Weekday> {
        let token = self.tokens.get(i)?;
        // Full names only: "Sat", "Sun", "Wed" are too often other words.
        if !token.is_capitalized() || self.word(i)?.len() < 6 {
            return None;
        }
        let number = *self.lexicon.weekdays.get(self.word(i)?)?;
        if self
            .word(i + 1)
            .is_some_and(|w| self.lexicon.weekday_blockers.contains(w))
            && self.tokens[i + 1].is_capitalized()
        {
            return None;
        }
        Weekday::try_from(u8::try_from(number - 1).ok()?).ok()
    }

    fn preceded_by_preposition(&self, i: usize) -> bool {
        i > 0
            && self
                .word(i - 1)
                .is_some_and(|w| self.lexicon.date_prepositions.contains(w))
    }

    /// Try every rule at `i`; return the pattern and its token range.
    fn at(&self, i: usize) -> Option<(Pattern, usize, usize)> {
        self.month_rules(i)
            .or_else(|| self.day_month(i))
            .or_else(|| self.weekday_rule(i))
            .or_else(|| self.relative_rules(i))
            .or_else(|| self.count_rules(i))
            .or_else(|| self.year_rule(i))
    }

    fn month_rules(&self, i: usize) -> Option<(Pattern, usize, usize)> {
        // "mid-March", "early February", "late 2024" keep the precision of what follows.
        let (start, at) = match self.word(i)? {
            "early" | "late" | "mid" => {
                let next = if self.tokens.get(i + 1).is_some_and(|t| t.text == "-") {
                    i + 2
                } else {
                    i + 1
                };
                (i, next)
            }
            _ => (i, i),
        };
        let qualified = at > i;
        if qualified {
            if let Some(year) = self.year(at) {
                return Some((Pattern::Year(year), start, at + 1));
            }
        }
        let relation = if !qualified {
            self.relation(i).filter(|_| self.month(i + 1).is_some())
        } else {
            None
        };
        let at = if relation.is_some() { i + 1 } else { at };
        let (month, used) = self.month(at)?;
        let after = at + used;
        if relation.is_none() && !qualified {
            if let Some(day) = self.day_number(after) {
                // "Feb 5", "February 5, 2026"
                let mut end = after + 1;
                let mut year = None;
                let comma = self.tokens.get(end).is_some_and(|t| t.text == ",");
                if let Some(y) = self.year(if comma { end + 1 } else { end }) {
                    year = Some(y);
                    end = if comma { end + 2 } else { end + 1 };
                }
                // "May 5 people" is not a date: a day needs no noun after it.
                if year.is_none()
                    && self
                        .tokens
                        .get(end)
                        .is_some_and(|t| t.is_word() && !t.is_capitalized())
                    && self.lexicon.ambiguous_months.contains(self.word(at)?)
                {
                    return None;
                }
                return Some((Pattern::MonthDay { month, day, year }, start, end));
            }
            if let Some(year) = self.year(after) {
                return Some((Pattern::MonthYear { month, year }, start, after + 1));
            }
            let of_year = self.is(after, "of").then(|| self.year(after + 1)).flatten();
            if let Some(year) = of_year {
                return Some((Pattern::MonthYear { month, year }, start, after + 2));
            }
            if !self.preceded_by_preposition(i) {
                return None;
            }
        }
        if qualified {
            if let Some(year) = self.year(after) {
                return Some((Pattern::MonthYear { month, year }, start, after + 1));
            }
        }
        Some((Pattern::Month { month, relation }, start, after))
    }

    /// "5 February 2026", "5th of February"
    fn day_month(&self, i: usize) -> Option<(Pattern, usize, usize)> {
        let day = self.day_number(i)?;
        let at = if self.is(i + 1, "of") { i + 2 } else { i + 1 };
        let (month, used) = self.month(at)?;
        let after = at + used;
        match self.year(after) {
            Some(year) => Some((
                Pattern::MonthDay {
                    month,
                    day,
                    year: Some(year),
                },
                i,
                after + 1,
            )),
            None => Some((
                Pattern::MonthDay {
                    month,
                    day,
                    year: None,
                },
                i,
                after,
            )),
        }
    }

    fn weekday_rule(&self, i: usize) -> Option<(Pattern, usize, usize)> {
        if let Some(relation) = self.relation(i) {
            let weekday = self.weekday(i + 1)?;
            return Some((
                Pattern::Weekday {
                    weekday,
                    relation: Some(relation),
                },
                i,
                i + 2,
            ));
        }
        let weekday = self.weekday(i)?;
        Some((
            Pattern::Weekday {
                weekday,
                relation: None,
            },
            i,
            i + 1,
        ))
    }

    fn relative_rules(&self, i: usize) -> Option<(Pattern, usize, usize)> {
        let w = self.word(i)?;
        if let Some(&offset) = self.lexicon.relative_days.get(w) {
            return Some((Pattern::RelativeDay(offset), i, i + 1));
        }
        if matches!(w, "earlier" | "later") && self.is(i + 1, "this") {
            let part = if w == "earlier" {
                Part::Earlier
            } else {
                Part::Later
            };
            let unit = self
                .unit(i + 2)
                .filter(|u| matches!(u, Unit::Week | Unit::Month | Unit::Year))?;
            return Some((Pattern::PartOfUnit { part, unit }, i, i + 3));
        }
        if w == "weekend" {
            // "over the weekend", "this weekend", "last weekend"
            let relation = if i > 0 { self.relation(i - 1) } else { None };
            let start = if relation.is_some() || self.is(i.wrapping_sub(1), "the") {
                i - 1
            } else {
                i
            };
            return Some((Pattern::Weekend { relation }, start, i + 1));
        }
        let relation = self.relation(i)?;
        if self.is(i + 1, "weekend") {
            return Some((
                Pattern::Weekend {
                    relation: Some(relation),
                },
                i,
                i + 2,
            ));
        }
        let unit = self.unit(i + 1)?;
        if !matches!(unit, Unit::Week | Unit::Month | Unit::Year)
            || self.word(i + 1)?.ends_with('s')
        {
            return None;
        }
        // "last week" but not "the last year of the war" after "the" with "of" behind.
        if self.is(i + 2, "of") {
            return None;
        }
        Some((Pattern::RelativeUnit { relation, unit }, i, i + 2))
    }

    /// "two days ago", "the past two weeks", "18 months", "nearly three years".
    fn count_rules(&self, i: usize) -> Option<(Pattern, usize, usize)> {
        if let Some(Relation::Last) = self.relation(i) {
            if let (Some(Some(count)), Some(unit)) = (self.count(i + 1), self.unit(i + 2)) {
                if count > 1 {
                    let start = if self.is(i.wrapping_sub(1), "the") {
                        i - 1
                    } else {
                        i
                    };
                    return Some((Pattern::PastSpan { count, unit }, start, i + 3));
                }
            }
        }
        let count = self.count(i)?;
        // "a" and "an" count only before "ago" ("a week ago"), never as "a day of talks".
        let article = matches!(self.word(i)?, "a" | "an");
        let unit = self.unit(i + 1)?;
        if self.is(i + 2, "ago") {
            return count.map(|count| (Pattern::Ago { count, unit }, i, i + 3));
        }
        if article || unit == Unit::Hour && count.is_none() {
            return None;
        }
        Some((Pattern::Duration { count, unit }, i, i + 2))
    }

    fn year_rule(&self, i: usize) -> Option<(Pattern, usize, usize)> {
        let token = self.tokens.get(i)?;
        if token.kind == TokenKind::Word {
            // "the 1990s"
            let decade = self.word(i)?.strip_suffix('s')?;
            if decade.len() == 4 && decade.ends_with('0') {
                let start: i32 = decade.parse().ok()?;
                if (1900..=2090).contains(&start) && self.is(i.wrapping_sub(1), "the") {
                    return Some((Pattern::Decade(start), i, i + 1));
                }
            }
            return None;
        }
        let year = self.year(i)?;
        let before_ok = i == 0
            || !self.tokens[i - 1].is_word()
                && !matches!(self.tokens[i - 1].text, "$" | "€" | "£" | "#" | "№")
            || self.preceded_by_preposition(i);
        let after_ok = self
            .tokens
            .get(i + 1)
            .is_none_or(|t| !t.is_word() && !matches!(t.text, "%" | "-"));
        (before_ok && (after_ok || self.preceded_by_preposition(i))).then_some((
            Pattern::Year(year),
            i,
            i + 1,
        ))
    }

    /// The preposition people say with the expression ("on Tuesday", "as early as this
    /// week"), and whether that phrase itself points forward.
    fn preposition_before(&self, first: usize) -> (usize, bool) {
        if first >= 3
            && self.is(first - 3, "as")
            && self.is(first - 2, "early")
            && self.is(first - 1, "as")
        {
            return (first - 3, true);
        }
        match first.checked_sub(1).and_then(|j| self.word(j)) {
            Some(
                "on" | "in" | "over" | "during" | "since" | "by" | "until" | "from" | "throughout",
            ) => (first - 1, false),
            _ => (first, false),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::Lexicon;
    use crate::text::tokenize;

    fn day(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    fn tag(text: &str, anchor: &str) -> Vec<(String, String)> {
        let lexicon = Lexicon::builtin().unwrap();
        let tokens = tokenize(text, 0);
        super::tag(&tokens, day(anchor), &lexicon.temporal)
            .into_iter()
            .map(|(m, value)| {
                (
                    text[m.start..m.end].to_string(),
                    value.map_or_else(|| "-".into(), |w| w.to_string()),
                )
            })
            .collect()
    }

    #[test]
    fn weekday_direction_follows_tense() {
        // 2025-12-02 is a Tuesday.
        assert_eq!(
            tag("He met them on Tuesday.", "2025-12-02"),
            vec![("Tuesday".into(), "2025-12-02".into())]
        );
        assert_eq!(
            tag("He met them on Monday.", "2025-12-02"),
            vec![("Monday".into(), "2025-12-01".into())]
        );
        assert_eq!(
            tag("He will meet them on Monday.", "2025-12-02"),
            vec![("Monday".into(), "2025-12-08".into())]
        );
        assert_eq!(
            tag("They met last Tuesday.", "2025-12-02"),
            vec![("last Tuesday".into(), "2025-11-25".into())]
        );
    }

    #[test]
    fn guards_against_false_positives() {
        for text in [
            "You may go.",
            "They march on.",
            "The Sunday Times reported it.",
            "Section 1999 applies.",
            "It cost $2000 and 100M.",
            "A score of 2-3.",
        ] {
            let found: Vec<_> = tag(text, "2025-12-02")
                .into_iter()
                .filter(|(_, v)| v != "-")
                .collect();
            assert!(found.is_empty(), "{text}: {found:?}");
        }
    }
}
