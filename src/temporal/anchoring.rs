//! What a text's relative expressions count from. News counts from its publication
//! date ("on Tuesday" is the Tuesday before it). A history, a report or a background
//! piece counts from the time the text last established: "In February 1943 ... two
//! months later" is April 1943, whenever the page was published or downloaded.

use std::fmt;

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

use super::pattern::{Context, Deixis, Direction, Pattern, TimexType};
use super::value::When;

/// How a document's relative expressions are anchored (`--anchor`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Anchoring {
    /// From the publication date, in the direction the sentence's tense gives; the
    /// text moves the reference only where it clearly does (a past perfect).
    News,
    /// From the time the text last established; the publication date only for
    /// words that point at the present ("today", "three years ago").
    Narrative,
    /// Narrative when the document has no publication date or when most of the
    /// dates it gives with a year lie far from it; news otherwise.
    #[default]
    Auto,
}

impl fmt::Display for Anchoring {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Anchoring::News => "news",
            Anchoring::Narrative => "narrative",
            Anchoring::Auto => "auto",
        })
    }
}

/// A date given with its year that lies further than this many days from
/// publication is the text's own time, not the news: background, or a history.
const FAR_DAYS: i64 = 365;

fn far_from(published: NaiveDate, first: NaiveDate, last: NaiveDate) -> bool {
    (published - last).num_days() > FAR_DAYS || (first - published).num_days() > FAR_DAYS
}

/// The anchoring a document is read with, and why: what `--explain` prints.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub struct AnchorChoice {
    /// News or narrative, never auto.
    pub mode: Anchoring,
    /// Chosen from the text (`--anchor auto`) rather than asked for.
    pub automatic: bool,
    /// Dates given with a year that lie more than [`FAR_DAYS`] from publication.
    pub far: usize,
    /// Dates given with a year near publication, and words that count from the
    /// present ("yesterday", "on Tuesday", "two weeks ago").
    pub near: usize,
    pub has_publication: bool,
}

impl AnchorChoice {
    /// Choose how to read a document whose expressions say `patterns` (every
    /// sentence's), the publication date being `published`.
    pub fn choose<'m>(
        asked: Anchoring,
        published: Option<NaiveDate>,
        patterns: impl IntoIterator<Item = &'m Pattern>,
    ) -> AnchorChoice {
        let (mut far, mut near) = (0, 0);
        if let Some(published) = published {
            for pattern in patterns {
                match days_given(pattern) {
                    Some((first, last)) if far_from(published, first, last) => far += 1,
                    Some(_) => near += 1,
                    None if is_news_cue(pattern) => near += 1,
                    None => {}
                }
            }
        }
        let mode = match asked {
            Anchoring::Auto if published.is_none() => Anchoring::Narrative,
            // A news story's background ("annexed Crimea in 2014") is a few dates
            // among many near publication; a history is made of such dates.
            Anchoring::Auto if far >= MIN_FAR_DATES && 2 * far > 5 * near => Anchoring::Narrative,
            Anchoring::Auto => Anchoring::News,
            mode => mode,
        };
        AnchorChoice {
            mode,
            automatic: asked == Anchoring::Auto,
            far,
            near,
            has_publication: published.is_some(),
        }
    }

    pub fn narrative(&self) -> bool {
        self.mode == Anchoring::Narrative
    }
}

/// Below this many far dates a text is news with some background, whatever else;
/// above it, the far dates must outnumber the news cues two and a half times.
const MIN_FAR_DATES: usize = 5;

impl fmt::Display for AnchorChoice {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.mode)?;
        if !self.automatic {
            return f.write_str(" (as asked)");
        }
        if !self.has_publication {
            return f.write_str(" (auto: no publication date)");
        }
        write!(
            f,
            " (auto: {} date(s) more than a year from publication, {} near it or counting from it)",
            self.far, self.near
        )
    }
}

/// The first and last day of a date given with its year ("5 February 1943", "1916",
/// "spring 2023").
fn days_given(pattern: &Pattern) -> Option<(NaiveDate, NaiveDate)> {
    if !pattern.is_absolute() || !pattern.dates_events() {
        return None;
    }
    let resolved = pattern.resolve(NaiveDate::MIN, Direction::Nearest, &Context::default())?;
    if resolved.kind != TimexType::Date && resolved.kind != TimexType::Time {
        return None;
    }
    resolved.when?.bounds()
}

/// Words that count from the moment of writing whatever the text narrates: "today",
/// "yesterday", "three years ago" (not "in two years", which a history counts from
/// where it is).
pub fn counts_from_present(pattern: &Pattern) -> bool {
    matches!(
        pattern,
        Pattern::RelativeDay(_) | Pattern::Ago { count: 1.., .. }
    )
}

/// What news dates its events by, and histories hardly use: the words that count
/// from the present, weekdays ("on Tuesday"), "last week", "next month".
fn is_news_cue(pattern: &Pattern) -> bool {
    counts_from_present(pattern)
        || matches!(
            pattern,
            Pattern::Weekday { .. }
                | Pattern::Weekend { .. }
                | Pattern::RelativeUnit {
                    relation: Deixis::Last | Deixis::This | Deixis::Next,
                    ..
                }
        )
}

/// The day a narrative has reached: the middle of the last date it gave, so that a
/// day of the month after "in June 1941" is one of that June; after a year or part
/// of one ("in 1940", "by late 1949"), the middle of that year, so that a year-less
/// month is one of that year.
fn narrative_day(context: &Context) -> Option<NaiveDate> {
    let (first, last) = context
        .narrative_date
        .and_then(|when: When| when.bounds())?;
    if (last - first).num_days() > 31 && first.year() == last.year() {
        return NaiveDate::from_ymd_opt(first.year(), 7, 1);
    }
    Some(first + (last - first) / 2)
}

/// The day a narrative has reached, for `pattern`; none when the text has told
/// only a year or a season and `pattern` names a day of the week: "by Sunday" in
/// an undated article whose one year is background ("disarmed in 2017") is no
/// Sunday of 2017, and the middle of a year is no week to find it in.
pub fn narrative_day_for(context: &Context, pattern: &Pattern) -> Option<NaiveDate> {
    let names_weekday = matches!(
        pattern,
        Pattern::Weekday { .. }
            | Pattern::Weekend { .. }
            | Pattern::WeekdayOfWeek { .. }
            | Pattern::NthWeekday { .. }
    );
    let (first, last) = context
        .narrative_date
        .and_then(|when: When| when.bounds())?;
    if names_weekday && (last - first).num_days() > 31 {
        return None;
    }
    narrative_day(context)
}
