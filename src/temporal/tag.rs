//! Tagging: every temporal expression of a sentence or a whole text with its TimeML
//! value, what `dateline tag` writes and the TimeBank evaluation scores.

use chrono::{Datelike, NaiveDate};
use serde::Serialize;

use super::anchoring::{AnchorChoice, Anchoring};
use super::lexicon::TemporalLexicon;
use super::mention::{recognize_folded, Mention};
use super::pattern::{Direction, Modifier, Pattern, TimexType};
use super::reading::{read_sentence, Resolver};
use super::resolve::Resolved;
use super::rules::scan::Scanner;
use super::rules::spec::TaggedApart;
use super::value::{day_value, year_value, When};
use crate::text::{fold, split_sentences, tokenize, Token};

/// A temporal expression of a text, resolved: what `dateline tag` writes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Timex {
    /// Byte span in the text.
    pub start: usize,
    pub end: usize,
    pub text: String,
    #[serde(rename = "type")]
    pub kind: TimexType,
    pub value: String,
    #[serde(rename = "mod", skip_serializing_if = "Option::is_none")]
    pub modifier: Option<&'static str>,
    /// The days an event dated by it falls in, when it names a date.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub when: Option<When>,
    pub rule: String,
    /// What the value was resolved against (the publication date, or the time a
    /// narrative had reached), read in `direction`; none for a date given whole in
    /// a text with no publication date.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub anchor: Option<NaiveDate>,
    pub direction: Direction,
    /// The expressions TimeML tags in its place: each end of "from Monday to
    /// Wednesday", or "4 a.m." and "Wednesday" in "4 a.m. local time on Wednesday".
    /// Empty when TimeML tags it whole.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub parts: Vec<TimexPart>,
}

/// One of the TIMEX3 that TimeML tags in place of a [`Timex`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TimexPart {
    pub start: usize,
    pub end: usize,
    pub text: String,
    #[serde(rename = "type")]
    pub kind: TimexType,
    pub value: String,
}

/// Every expression in one sentence's `tokens` with its value read from `anchor`
/// (`None` for durations, sets and vague references).
pub fn tag(
    tokens: &[Token<'_>],
    anchor: NaiveDate,
    lexicon: &TemporalLexicon,
) -> Vec<(Mention, Option<Resolved>)> {
    let folded: Vec<String> = tokens.iter().map(|t| fold(t.text)).collect();
    let mut resolver = Resolver::new(Some(anchor));
    let mentions = recognize_folded(tokens, &folded, lexicon);
    let readings = read_sentence(
        &mentions,
        tokens,
        &folded,
        lexicon,
        &mut resolver,
        Direction::Nearest,
    );
    mentions
        .into_iter()
        .zip(readings)
        .map(|(mention, reading)| (mention, reading.resolved))
        .collect()
}

/// Every temporal expression of a whole text, resolved against its creation date,
/// in reading order: what `dateline tag` and the TimeBank evaluation use.
pub fn tag_text(text: &str, anchor: NaiveDate, lexicon: &TemporalLexicon) -> Vec<Timex> {
    tag_text_leaning(text, anchor, lexicon, Direction::Nearest)
}

/// [`tag_text`] where an expression with no tense cue around it resolves in `lean`
/// instead of to the nearest reading (an assistant's "thursday" means the next one).
pub fn tag_text_leaning(
    text: &str,
    anchor: NaiveDate,
    lexicon: &TemporalLexicon,
    lean: Direction,
) -> Vec<Timex> {
    tag_document(text, Some(anchor), lexicon, lexicon.anchoring, lean).timexes
}

/// A text's temporal expressions and how they were anchored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TaggedText {
    pub anchoring: AnchorChoice,
    pub timexes: Vec<Timex>,
}

/// Every temporal expression of a text published on `published` (if known), read
/// with `anchoring`: with `auto`, the text's dates decide, so the text is recognised
/// whole before anything is resolved.
pub fn tag_document(
    text: &str,
    published: Option<NaiveDate>,
    lexicon: &TemporalLexicon,
    anchoring: Anchoring,
    lean: Direction,
) -> TaggedText {
    let sentences: Vec<_> = split_sentences(text)
        .into_iter()
        .map(|sentence| {
            let tokens = tokenize(sentence.text, sentence.start);
            let folded: Vec<String> = tokens.iter().map(|t| fold(t.text)).collect();
            let mentions = recognize_folded(&tokens, &folded, lexicon);
            (tokens, folded, mentions)
        })
        .collect();
    let anchoring = AnchorChoice::choose(
        anchoring,
        published,
        sentences
            .iter()
            .flat_map(|(_, _, mentions)| mentions.iter().map(|m| &m.pattern)),
    );
    let mut resolver = Resolver::new(published);
    resolver.narrative = anchoring.narrative();
    let mut out = Vec::new();
    for (tokens, folded, mentions) in &sentences {
        resolver.context.sentence_date = None;
        let readings = read_sentence(mentions, tokens, folded, lexicon, &mut resolver, lean);
        let scanner = Scanner {
            tokens,
            folded,
            lexicon,
        };
        for (mention, reading) in mentions.iter().zip(readings) {
            let Some(resolved) = reading.resolved else {
                continue;
            };
            let direction = reading.direction;
            let parts = scanner
                .tagged_apart(mention.rule, mention.first_token, mention.end_token)
                .map(|(how, ranges)| {
                    parts_of(text, tokens, how, ranges, &mention.pattern, &resolved)
                })
                .unwrap_or_default();
            out.push(Timex {
                start: mention.start,
                end: mention.end,
                text: text[mention.start..mention.end].to_string(),
                kind: resolved.kind,
                value: resolved.value,
                modifier: resolved.modifier.map(Modifier::timeml),
                when: resolved.when,
                rule: lexicon.rule_name(mention.rule).to_string(),
                anchor: reading.anchor,
                direction,
                parts,
            });
        }
    }
    TaggedText {
        anchoring,
        timexes: out,
    }
}

/// The TIMEX3 of each part TimeML tags apart: a range's ends take its first and last
/// day; a clock time keeps the expression's value, its day takes the day.
fn parts_of(
    text: &str,
    tokens: &[Token<'_>],
    how: TaggedApart,
    ranges: [std::ops::Range<usize>; 2],
    pattern: &Pattern,
    resolved: &Resolved,
) -> Vec<TimexPart> {
    let when = resolved.when;
    let (first, last) = match (how, when) {
        // "1917-1918": each end a year.
        (TaggedApart::Ends, Some(When::Interval(first, last)))
            if matches!(pattern, Pattern::YearSpan { .. }) =>
        {
            (
                (TimexType::Date, year_value(first.year())),
                (TimexType::Date, year_value(last.year())),
            )
        }
        (TaggedApart::Ends, Some(When::Interval(first, last))) => (
            (TimexType::Date, day_value(first)),
            (TimexType::Date, day_value(last)),
        ),
        (TaggedApart::ClockAndDay, Some(When::Day(day))) => (
            (resolved.kind, resolved.value.clone()),
            (TimexType::Date, day_value(day)),
        ),
        _ => return Vec::new(),
    };
    ranges
        .into_iter()
        .zip([first, last])
        .map(|(range, (kind, value))| {
            let (start, end) = (tokens[range.start].start, tokens[range.end - 1].end);
            TimexPart {
                start,
                end,
                text: text[start..end].to_string(),
                kind,
                value,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    fn tag(text: &str, anchor: &str) -> Vec<(String, String)> {
        let lexicon = TemporalLexicon::builtin().unwrap();
        let tokens = tokenize(text, 0);
        super::tag(&tokens, day(anchor), &lexicon)
            .into_iter()
            .map(|(m, value)| {
                (
                    text[m.start..m.end].to_string(),
                    value.map_or_else(|| "-".into(), |r| r.value),
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
