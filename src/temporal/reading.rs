//! Reading a text's expressions in order: each resolved in the direction its sentence
//! gives, from the publication date, the date a past perfect reaches back to, or the
//! day a quotation was spoken, remembering what the text has named so far.

use chrono::{Datelike, NaiveDate};

use super::anchoring::{counts_from_present, narrative_day_for};
use super::calendar::fits_in;
use super::lexicon::TemporalLexicon;
use super::mention::Mention;
use super::pattern::{Context, Deixis, Direction, Pattern, TimexType, Unit};
use super::resolve::Resolved;
use super::tense::direction_of;
use super::value::When;
use crate::hash::WordSet;
use crate::text::Token;

/// Resolves the expressions of one text in reading order, remembering what the text
/// has said so far ("a year earlier" leans on the last date given).
#[derive(Debug, Clone, Copy)]
pub struct Resolver {
    /// The publication date; without one only absolute expressions get a value.
    pub anchor: Option<NaiveDate>,
    pub context: Context,
    /// Count from the time the text last established, not from publication
    /// ([`Anchoring::Narrative`](super::Anchoring)).
    pub narrative: bool,
}

impl Resolver {
    pub fn new(anchor: Option<NaiveDate>) -> Resolver {
        Resolver {
            anchor,
            context: Context::default(),
            narrative: false,
        }
    }

    /// Resolve `mention` read in `direction`, and remember it if it names a date.
    pub fn resolve(&mut self, mention: &Mention, direction: Direction) -> Option<Resolved> {
        self.resolve_from(self.anchor, mention, direction)
    }

    /// [`Resolver::resolve`] counting from `anchor` instead of the publication date
    /// (the date a past perfect reaches back from), still remembering what it names.
    pub fn resolve_from(
        &mut self,
        anchor: Option<NaiveDate>,
        mention: &Mention,
        direction: Direction,
    ) -> Option<Resolved> {
        // Absolute expressions do not depend on the anchor; any will do.
        let anchor = match anchor {
            Some(anchor) => anchor,
            None if mention.pattern.is_absolute() => NaiveDate::MIN,
            None => return None,
        };
        // "since Friday", written on a Friday, reaches back to last week's: a span
        // that starts today is "since this morning".
        let pattern = match mention.pattern {
            Pattern::Weekday {
                weekday,
                relation: None,
            } if mention.since => Pattern::Weekday {
                weekday,
                relation: Some(Deixis::Last),
            },
            pattern => pattern,
        };
        let resolved = pattern.resolve(anchor, direction, &self.context)?;
        // "a year earlier" compares; "a week later" moves the story on.
        let remembered = !matches!(
            mention.pattern,
            Pattern::Earlier { count: 0.., .. }
                | Pattern::Ago { .. }
                | Pattern::Duration { .. }
                | Pattern::Reference(_)
        );
        if remembered && !mention.since && resolved.kind == TimexType::Date {
            self.context.last_date = resolved.when;
        }
        // A clock time on a day ("5:00 am on October 3, 1935") dates the story too;
        // "today" in a quotation, or "many years earlier", is not where it has got to.
        let moves_story = remembered
            && !mention.since
            && matches!(resolved.kind, TimexType::Date | TimexType::Time)
            && !counts_from_present(&mention.pattern)
            && !matches!(mention.pattern, Pattern::Earlier { .. });
        if let Some(when) = resolved
            .when
            .filter(|when| moves_story && fits_in(*when, Unit::Year))
        {
            if !is_aside(self.context.narrative_date, when, mention.opens_clause) {
                self.context.narrative_date = Some(when);
            }
        }
        if resolved.kind != TimexType::Duration && resolved.when.is_some() {
            self.context.sentence_date = resolved.when;
        }
        if let (Pattern::Quarter { .. }, Some(When::Quarter { year, quarter })) =
            (mention.pattern, resolved.when)
        {
            self.context.last_quarter = Some((year, quarter));
        }
        Some(resolved)
    }
}

/// A history's asides name a bare year decades from its story ("documents found in
/// 2004 proved ...", "which had not met since 1614"); the dates after them go on
/// with the story.
const ASIDE_YEARS: i32 = 10;

/// Is `when`, a year or part of one more than a month long, an aside from the time
/// the narrative had reached, `reached`? So is a bare year that opens no sentence or
/// clause (`leads`), in a story told day by day ("On 10 March 1975 ... launched an
/// offensive ... exposed for a planned campaign in 1976. ... collapsed on 11 March").
fn is_aside(reached: Option<When>, when: When, leads: bool) -> bool {
    let (Some((first, last)), Some((reached_first, reached_last))) =
        (when.bounds(), reached.and_then(|r| r.bounds()))
    else {
        return false;
    };
    let coarse = (last - first).num_days() > 31;
    let told_by_day = (reached_last - reached_first).num_days() <= 31;
    coarse && ((first.year() - reached_first.year()).abs() > ASIDE_YEARS || told_by_day && !leads)
}

/// What an expression's value counts from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum AnchorSource {
    /// The publication date.
    #[default]
    Publication,
    /// The day the quotation the expression is in was spoken.
    Quotation,
    /// The date its sentence named before it, which a past perfect reaches back from.
    DateNamedBefore,
    /// The time a narrative has reached: the last date the text gave.
    Narrative,
    /// The end of a period the sentence gave, counted from publication: "a transition
    /// of six months, to July 29".
    EndOfPeriod,
}

/// How one expression of a sentence was read.
pub struct Reading {
    pub direction: Direction,
    /// The day it counts from.
    pub anchor: Option<NaiveDate>,
    /// What that day is.
    pub anchored_at: AnchorSource,
    /// The date the sentence had named before it ("on March 5 ... on the 7th").
    pub sentence_date_before: Option<When>,
    /// The last date the text had given before it, this sentence's included: what
    /// "the following day" counts from ("on December 5, and the following day").
    pub last_date_before: Option<When>,
    pub resolved: Option<Resolved>,
}

/// A year-less month or day in a past perfect clause ("resumed in June 2024 against
/// balloons the North had sent since late May") lies before the date the sentence
/// named before it, not before the publication date.
fn told_before_a_named_date(
    mention: &Mention,
    tokens: &[Token<'_>],
    folded: &[String],
    lexicon: &TemporalLexicon,
) -> bool {
    let year_less = matches!(
        mention.pattern,
        Pattern::MonthDay { year: None, .. } | Pattern::Month { relation: None, .. }
    );
    let clause = (mention.first_token.saturating_sub(10)..mention.first_token)
        .rev()
        .take_while(|&j| !tokens[j].is_clause_break());
    year_less
        && clause.into_iter().any(|j| {
            folded[j] == "had"
                && (j + 1..(j + 3).min(mention.first_token))
                    .any(|k| folded[k] != "been" && lexicon.is_past_tense(&folded[k]))
        })
}

/// The length of the period whose end the year-less date `mentions[index]` gives:
/// "a transition period of six months, to July 29", "extended by 60 days, until
/// June 2". The date then lies about that far from publication, ahead or behind,
/// whatever the tense.
fn period_ending_at(
    mentions: &[Mention],
    index: usize,
    folded: &[String],
    lexicon: &TemporalLexicon,
) -> Option<(i64, Unit)> {
    let mention = &mentions[index];
    let year_less = matches!(
        mention.pattern,
        Pattern::MonthDay { year: None, .. } | Pattern::Month { relation: None, .. }
    );
    let before = mentions.get(index.checked_sub(1)?)?;
    let Pattern::Duration {
        count: Some(count),
        unit,
        past: false,
        ..
    } = before.pattern
    else {
        return None;
    };
    let between = folded.get(before.end_token..mention.first_token)?;
    let closes = between.len() <= 3 && links_between(between, &lexicon.period_end_words) == Some(1);
    (year_less && closes).then_some((count, unit))
}

/// How many of the words between two expressions are `links`, when all the others
/// are commas: "six months, to July 29", "August and September 1914".
fn links_between(between: &[String], links: &WordSet) -> Option<usize> {
    between
        .iter()
        .all(|w| w == "," || links.contains(w.as_str()))
        .then(|| {
            between
                .iter()
                .filter(|w| links.contains(w.as_str()))
                .count()
        })
}

/// `mentions[index]`, a month, day or season without a year, with the year of the
/// date it is joined to just after it ("in August and September 1914"), if it is.
fn with_year_of_next(
    mentions: &[Mention],
    index: usize,
    folded: &[String],
    lexicon: &TemporalLexicon,
) -> Option<Mention> {
    let mention = &mentions[index];
    let next = mentions.get(index + 1)?;
    let between = folded.get(mention.end_token..next.first_token)?;
    // "after October of next year": TimeML tags "October" and "next year" apart; the
    // month is of that year.
    if between == ["of"] {
        if let (
            Pattern::Month {
                month,
                relation: None,
                modifier: None,
            },
            Pattern::RelativeUnit {
                relation,
                unit: Unit::Year,
                modifier: None,
            },
        ) = (mention.pattern, next.pattern)
        {
            return Some(Mention {
                pattern: Pattern::MonthOfYear { month, relation },
                ..mention.clone()
            });
        }
    }
    let joined = between.len() <= 2
        && links_between(between, &lexicon.year_sharing_links).is_some_and(|links| links >= 1);
    if !joined {
        return None;
    }
    let year = match next.pattern {
        Pattern::MonthYear { year, .. }
        | Pattern::Year { year, .. }
        | Pattern::MonthDay {
            year: Some(year), ..
        }
        | Pattern::DaySpan {
            year: Some(year), ..
        }
        | Pattern::Season {
            year: Some(year), ..
        } => year,
        _ => return None,
    };
    let pattern = match mention.pattern {
        Pattern::Month {
            month,
            relation: None,
            modifier,
        } => Pattern::MonthYear {
            month,
            year,
            modifier,
        },
        Pattern::MonthDay {
            month,
            day,
            year: None,
        } => Pattern::MonthDay {
            month,
            day,
            year: Some(year),
        },
        Pattern::Season {
            season,
            year: None,
            relation: None,
            modifier,
        } => Pattern::Season {
            season,
            year: Some(year),
            relation: None,
            modifier,
        },
        _ => return None,
    };
    Some(Mention {
        pattern,
        ..mention.clone()
    })
}

/// Resolve a sentence's `mentions` in reading order, `resolver` remembering what the
/// text has said; where no tense cue gives a direction, `lean` does. "Today" in a
/// quotation is then read again from the day the sentence says it was spoken
/// ([`speech_day`]), which may come after it; that second reading is not remembered.
pub fn read_sentence(
    mentions: &[Mention],
    tokens: &[Token<'_>],
    folded: &[String],
    lexicon: &TemporalLexicon,
    resolver: &mut Resolver,
    lean: Direction,
) -> Vec<Reading> {
    let mut readings: Vec<Reading> = mentions
        .iter()
        .enumerate()
        .map(|(index, mention)| {
            let direction = match direction_of(mention, tokens, folded, lexicon) {
                Direction::Nearest => lean,
                direction => direction,
            };
            let sentence_date_before = resolver.context.sentence_date;
            let last_date_before = resolver.context.last_date;
            let reference = sentence_date_before
                .filter(|_| told_before_a_named_date(mention, tokens, folded, lexicon))
                .and_then(|when| when.start());
            let narrative = resolver.narrative && !counts_from_present(&mention.pattern);
            let period_end = period_ending_at(mentions, index, folded, lexicon)
                .zip(resolver.anchor)
                .and_then(|((count, unit), anchor)| unit.shift(anchor, count));
            let (anchored_at, anchor, direction) = match (reference, period_end) {
                (Some(day), _) => (
                    AnchorSource::DateNamedBefore,
                    Some(day),
                    Direction::Backward,
                ),
                (None, Some(end)) if !narrative => {
                    (AnchorSource::EndOfPeriod, Some(end), Direction::Around)
                }
                // Before the text gives a date, the publication date stands in.
                (None, _) if narrative => {
                    match narrative_day_for(&resolver.context, &mention.pattern) {
                        Some(day) => (AnchorSource::Narrative, Some(day), Direction::Around),
                        None => (
                            AnchorSource::Publication,
                            resolver.anchor,
                            Direction::Around,
                        ),
                    }
                }
                (None, _) => (AnchorSource::Publication, resolver.anchor, direction),
            };
            // "in August and September 1914": the year written once is both's.
            let resolved = match with_year_of_next(mentions, index, folded, lexicon) {
                Some(whole) => resolver.resolve_from(anchor, &whole, direction),
                None => resolver.resolve_from(anchor, mention, direction),
            };
            Reading {
                direction,
                anchor,
                anchored_at,
                sentence_date_before,
                last_date_before,
                resolved,
            }
        })
        .collect();
    let days: Vec<Option<When>> = readings
        .iter()
        .map(|r| r.resolved.as_ref().and_then(|r| r.when))
        .collect();
    for (index, reading) in readings.iter_mut().enumerate() {
        if let Some(day) = speech_day(mentions, &days, index, tokens, folded, lexicon) {
            let mut speech = Resolver {
                anchor: Some(day),
                context: resolver.context,
                narrative: false,
            };
            reading.anchor = Some(day);
            reading.anchored_at = AnchorSource::Quotation;
            reading.resolved = speech.resolve(&mentions[index], reading.direction);
        }
    }
    readings
}

/// The day a quotation was spoken, when its sentence says so next to a verb of saying:
/// "\"Today we have taken a historic step,\" Petro said at the ceremony on Friday";
/// "recorded on Saturday, Vance said: \"No deal today.\"" Only "today", "yesterday"
/// and "tomorrow" inside the quotation count from it, not from the publication date.
/// `days` holds what each of the sentence's `mentions` was resolved to.
fn speech_day(
    mentions: &[Mention],
    days: &[Option<When>],
    index: usize,
    tokens: &[Token<'_>],
    folded: &[String],
    lexicon: &TemporalLexicon,
) -> Option<NaiveDate> {
    let mention = mentions.get(index)?;
    if !matches!(mention.pattern, Pattern::RelativeDay(_)) {
        return None;
    }
    let is_quote = |t: &Token<'_>| matches!(t.text, "\"" | "\u{201c}" | "\u{201d}");
    let open = (0..mention.first_token)
        .rev()
        .find(|&j| is_quote(&tokens[j]))?;
    let marks_before = tokens[..mention.first_token]
        .iter()
        .filter(|t| is_quote(t))
        .count();
    if marks_before % 2 == 0 {
        return None;
    }
    let close = (mention.end_token..tokens.len())
        .find(|&j| is_quote(&tokens[j]))
        .unwrap_or(tokens.len());
    let said_on = |m: &Mention| {
        (m.phrase_token.saturating_sub(4)..m.phrase_token)
            .rev()
            .take_while(|&k| !tokens[k].is_clause_break())
            .any(|k| lexicon.speech_verbs.contains(&folded[k]))
    };
    mentions
        .iter()
        .zip(days)
        .filter(|(m, _)| m.end_token <= open || m.first_token > close)
        .filter_map(|(m, when)| match when {
            Some(When::Day(day)) if said_on(m) => Some((m, *day)),
            _ => None,
        })
        .min_by_key(|(m, _)| {
            if m.end_token <= open {
                open - m.end_token
            } else {
                m.first_token - close
            }
        })
        .map(|(_, day)| day)
}
