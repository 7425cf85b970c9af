//! Temporal expressions: recognise them in a sentence's tokens with the rules kept as
//! data under `src/temporal/rules/` (no anchor needed), then resolve each against the
//! publication date in the direction the sentence's tense gives. Values follow TimeML
//! (TIMEX3 type and value); precision is kept: "last week" is a week, "last month" a
//! month, "over the weekend" two days.

pub mod astronomy;
pub mod holidays;
mod lexicon;
mod pattern;
pub mod rules;
mod value;

use chrono::NaiveDate;
use serde::Serialize;

pub use lexicon::TemporalLexicon;
pub use pattern::{
    Context, DayPart, Direction, Modifier, Part, Pattern, RefKind, Relation, Resolved, Season,
    TimexType, Unit,
};
pub use rules::RuleSet;
pub use value::{last_day_of_month, ParseWhenError, When};

use crate::text::{fold, is_possessive, split_sentences, tokenize, Token};
use rules::{Scanner, TaggedApart};

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
    /// Index of the rule that matched, in [`TemporalLexicon::rules`].
    pub rule: usize,
    /// The phrase itself leans forward ("as early as this week", "upcoming").
    pub leans_forward: bool,
    /// A lower bound ("their sixth call since January 20"): where a span starts,
    /// not the moment the story is at, so "a week earlier" does not lean on it.
    pub since: bool,
}

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
    /// What the value was resolved against: the publication date, read in `direction`.
    pub anchor: NaiveDate,
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

/// Recognise every temporal expression in one sentence's tokens.
pub fn recognize(tokens: &[Token<'_>], lexicon: &TemporalLexicon) -> Vec<Mention> {
    let folded: Vec<String> = tokens.iter().map(|t| fold(t.text)).collect();
    recognize_folded(tokens, &folded, lexicon)
}

/// [`recognize`] for a caller that has already folded the sentence's tokens.
pub fn recognize_folded(
    tokens: &[Token<'_>],
    folded: &[String],
    lexicon: &TemporalLexicon,
) -> Vec<Mention> {
    let scanner = Scanner {
        tokens,
        folded,
        lexicon,
    };
    let mut mentions = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        match scanner.best_at(i) {
            Some(found) => {
                let (phrase_token, forward_phrase) = preposition_before(folded, i);
                mentions.push(Mention {
                    first_token: i,
                    end_token: found.end,
                    phrase_token,
                    start: tokens[i].start,
                    end: tokens[found.end - 1].end,
                    phrase_start: tokens[phrase_token].start,
                    pattern: found.pattern,
                    rule: found.rule,
                    leans_forward: forward_phrase || found.forward,
                    since: phrase_token < i && folded[phrase_token] == "since",
                });
                i = found.end;
            }
            None => i += 1,
        }
    }
    mentions
}

/// The preposition people say with the expression ("on Tuesday", "as early as this
/// week"), and whether that phrase itself points forward.
fn preposition_before(folded: &[String], first: usize) -> (usize, bool) {
    let is = |i: usize, w: &str| folded.get(i).is_some_and(|x| x == w);
    let early_or_soon = |w: &str| w == "early" || w == "soon";
    if first >= 3
        && is(first - 3, "as")
        && folded.get(first - 2).is_some_and(|w| early_or_soon(w))
        && is(first - 1, "as")
    {
        return (first - 3, true);
    }
    match first
        .checked_sub(1)
        .and_then(|j| folded.get(j))
        .map(String::as_str)
    {
        Some(
            "on" | "in" | "over" | "during" | "since" | "by" | "until" | "from" | "throughout",
        ) => (first - 1, false),
        _ => (first, false),
    }
}

/// Which way the sentence leans at `index`: the tense cue nearest to it in its clause
/// decides. A future marker ("will", "expected", "is due to") leans forward, a verb in
/// the past tense ("said", "met", "launched") backward; with neither, the expression
/// takes the reading nearest the publication date.
pub fn direction_at(
    tokens: &[Token<'_>],
    folded: &[String],
    index: usize,
    lexicon: &TemporalLexicon,
) -> Direction {
    tense_at(tokens, folded, index, lexicon).0
}

/// [`direction_at`] with the reason, for `dateline extract --explain`.
pub fn tense_at(
    tokens: &[Token<'_>],
    folded: &[String],
    index: usize,
    lexicon: &TemporalLexicon,
) -> (Direction, String) {
    let window_start = index.saturating_sub(12);
    let mut before = window_start;
    for j in (window_start..index).rev() {
        if matches!(tokens[j].text, ";" | ":") {
            before = j + 1;
            break;
        }
    }
    // "met for the first time in December and will meet every two weeks": what
    // follows a conjunction tells of another clause.
    let after = (index..tokens.len())
        .find(|&j| {
            tokens[j].is_clause_break() && tokens[j].text != "“"
                || j > index && matches!(folded[j].as_str(), "and" | "but")
        })
        .unwrap_or(tokens.len())
        .min(index + 12);
    let future_at = |j: usize| lexicon.future_marker_at(folded, j);
    // A participle after a form of "be" ("will be held", "is expected") is no past
    // tense, nor is "was" or "were" before a future marker ("were planning to"), nor an
    // adjective after a determiner ("a still unspecified date").
    let adjectival = |j: usize| {
        let word = |k: Option<usize>| k.and_then(|k| folded.get(k)).map_or("", String::as_str);
        let mut before = j.checked_sub(1);
        if word(before).ends_with("ly") || word(before) == "still" {
            before = before.and_then(|b| b.checked_sub(1));
        }
        folded[j].ends_with("ed") && lexicon.determiners.contains(word(before))
    };
    let past_at = |j: usize| {
        tokens[j].is_word()
            && lexicon.is_past_tense(&folded[j])
            && !(j > 0 && lexicon.passive_auxiliaries.contains(&folded[j - 1]))
            && !(lexicon.progressive_auxiliaries.contains(&folded[j]) && future_at(j + 1))
            && !adjectival(j)
    };
    // "the deal expires on Oct. 18", "before provisions expire on Oct. 18": a present
    // tense of a scheduled thing. A base form must follow no auxiliary or "to".
    let scheduled_at = |j: usize| {
        lexicon.scheduled_verbs.contains(&folded[j])
            && (folded[j].ends_with('s')
                || j.checked_sub(1)
                    .is_some_and(|p| !lexicon.scheduled_verbs_not_after.contains(&folded[p])))
    };
    // A relative clause between commas ("The sale, which had been expected, is part
    // of a plan to pay by February") tells of something else: its tense is not the
    // expression's, unless the expression is in it.
    let mut asides: Vec<std::ops::Range<usize>> = Vec::new();
    let mut j = 0;
    while j + 1 < tokens.len() {
        if tokens[j].text == "," && matches!(folded[j + 1].as_str(), "which" | "who") {
            let close = (j + 2..tokens.len())
                .find(|&k| tokens[k].text == "," || tokens[k].is_clause_break())
                .unwrap_or(tokens.len());
            if !(j..close).contains(&index) {
                asides.push(j..close);
            }
            j = close;
        } else {
            j += 1;
        }
    }
    let heard = |j: &usize| !asides.iter().any(|aside| aside.contains(j));
    let cue = |from: usize, to: usize| {
        // Nearest first; at equal distance the cue before the expression wins.
        let mut order: Vec<(usize, usize)> = (from..index)
            .filter(heard)
            .map(|j| (index - j, j))
            .collect();
        order.extend((index..to).filter(heard).map(|j| (j - index + 1, j)));
        order.sort_unstable();
        // "had been scheduled to expire Friday", "had been due to hold talks on June
        // 15": a plan that was, told in the past perfect, looks back.
        let past_perfect = |j: usize| {
            (j.saturating_sub(4)..j)
                .rev()
                .take_while(|&k| {
                    k + 1 == j || lexicon.plan_words_after_had.contains(&folded[k + 1])
                })
                .any(|k| folded[k] == "had")
        };
        order.into_iter().find_map(|(_, j)| {
            if future_at(j) {
                Some(if past_perfect(j) {
                    (
                        Direction::Backward,
                        format!("past perfect {:?}", tokens[j].text),
                    )
                } else if j >= 1 && lexicon.superseded_plan_words.contains(&folded[j - 1]) {
                    (
                        Direction::Nearest,
                        format!(
                            "a plan since changed: {:?} {:?}",
                            tokens[j - 1].text,
                            tokens[j].text
                        ),
                    )
                } else {
                    (
                        Direction::Forward,
                        format!("future marker {:?}", tokens[j].text),
                    )
                })
            } else if past_at(j) {
                Some((
                    Direction::Backward,
                    format!("past tense {:?}", tokens[j].text),
                ))
            } else if scheduled_at(j) {
                Some((
                    Direction::Forward,
                    format!("scheduled, in the present tense: {:?}", tokens[j].text),
                ))
            } else {
                None
            }
        })
    };
    // Words around the date that set it ahead, whatever the tense: the word that does
    // so, and how. First, "effective Feb. 1".
    let forward_preposition =
        (index > 0 && lexicon.forward_prepositions.contains(&folded[index - 1])).then(|| index - 1);
    // "the deadline is Friday", "the vote is on the 24th".
    let copula = |j: usize| lexicon.present_copulas.contains(&folded[j]);
    let set_for = match index {
        1.. if copula(index - 1) => Some(index - 1),
        2.. if folded[index - 1] == "on" && copula(index - 2) => Some(index - 2),
        _ => None,
    };
    // "postponed until Tuesday morning", "extended its deadline to Friday"; the verb
    // may stand ten words back ("extended martial law for another 90 days on
    // Wednesday, through August 6").
    let deferred_to = (index.saturating_sub(2)..index)
        .find(|&p| lexicon.deferral_prepositions.contains(&folded[p]))
        .and_then(|p| {
            (p.saturating_sub(10)..p).find(|&v| lexicon.deferral_verbs.contains(&folded[v]))
        });
    // "asked the administration to explain the legal basis for the strikes by
    // Friday": the infinitive may stand twelve words back, its verb five before it.
    let directed = (index >= 1 && lexicon.deadline_prepositions.contains(&folded[index - 1]))
        .then(|| {
            let to = (index.saturating_sub(13)..index - 1)
                .rev()
                .take_while(|&j| !tokens[j].is_clause_break())
                .find(|&j| folded[j] == "to")?;
            (to.saturating_sub(5)..to).find(|&v| lexicon.directive_verbs.contains(&folded[v]))
        })
        .flatten();
    // The word after a one-word day ("declared Wednesday a day of mourning").
    let designated = (index >= 1
        && lexicon.designation_verbs.contains(&folded[index - 1])
        && folded
            .get(index + 1)
            .is_some_and(|w| lexicon.designation_objects.contains(w)))
    .then(|| index - 1);
    // "have until October to trigger sanctions".
    let allowed = (index >= 2
        && matches!(folded[index - 1].as_str(), "until" | "till")
        && lexicon.allowance_verbs.contains(&folded[index - 2]))
    .then(|| index - 2);
    let set_ahead = [
        (forward_preposition, "preposition"),
        (allowed, "a time allowed:"),
        (set_for, "set for the day:"),
        (deferred_to, "put off to it:"),
        (directed, "a deadline set by"),
        (designated, "a day set aside:"),
    ]
    .into_iter()
    .find_map(|(word, how)| word.map(|w| (w, how)));
    if let Some((word, how)) = set_ahead {
        return (Direction::Forward, format!("{how} {:?}", tokens[word].text));
    }
    if index > 0 && lexicon.backward_prepositions.contains(&folded[index - 1]) {
        return (
            Direction::Backward,
            format!("preposition {:?}", tokens[index - 1].text),
        );
    }
    let conceded = (before..index)
        .rev()
        .find(|&j| lexicon.concessive_prepositions.contains(&folded[j]));
    if let Some(p) = conceded {
        return cue(p + 1, after).unwrap_or_else(|| {
            (
                Direction::Backward,
                format!("what {:?} concedes has happened", tokens[p].text),
            )
        });
    }
    // The expression's own clause first, then the rest of the sentence.
    cue(before, after)
        .or_else(|| {
            cue(0, tokens.len()).map(|(d, why)| (d, format!("{why} elsewhere in the sentence")))
        })
        .unwrap_or_else(|| {
            (
                Direction::Nearest,
                "no tense cue: the reading nearest the anchor".to_string(),
            )
        })
}

/// [`direction_of`] with the reason, for `dateline extract --explain`.
pub fn tense_of(
    mention: &Mention,
    tokens: &[Token<'_>],
    folded: &[String],
    lexicon: &TemporalLexicon,
) -> (Direction, String) {
    match phrase_direction(mention, folded) {
        Some((direction, why)) => (direction, why.to_string()),
        None => match tense_at(tokens, folded, mention.first_token, lexicon) {
            (Direction::Backward, why) if names_past_event(mention, tokens, folded, lexicon) => (
                Direction::Past,
                format!("{why}, about the thing the date names (\"the Oct. 7 attack\")"),
            ),
            (Direction::Backward, why) if names_open_deadline(mention, tokens, folded, lexicon) => {
                (
                    Direction::Forward,
                    format!("{why}, but a deadline set then is ahead"),
                )
            }
            other => other,
        },
    }
}

/// A date that names a violent or sudden event ("the Oct. 7 attack", "the Jan. 6
/// riot") names something that happened: a past tense is about that event itself.
/// (The extractor gives such a date to that event only.)
pub fn names_past_event(
    mention: &Mention,
    tokens: &[Token<'_>],
    folded: &[String],
    lexicon: &TemporalLexicon,
) -> bool {
    names_one_of(mention, tokens, folded, &lexicon.past_event_nouns)
}

/// Is the noun the date stands before one of `heads`? It may come a word later: "the
/// Oct. 7 terror attack".
fn names_one_of(
    mention: &Mention,
    tokens: &[Token<'_>],
    folded: &[String],
    heads: &crate::hash::WordSet,
) -> bool {
    (mention.end_token..mention.end_token + 2)
        .take_while(|&j| tokens.get(j).is_some_and(|t| t.is_word()))
        .any(|j| heads.contains(&folded[j]))
}

/// A date that names a deadline the sentence says was set: "Trump set a Friday
/// deadline" is this Friday; "tendered by the Tuesday deadline" was last Tuesday.
fn names_open_deadline(
    mention: &Mention,
    tokens: &[Token<'_>],
    folded: &[String],
    lexicon: &TemporalLexicon,
) -> bool {
    names_one_of(mention, tokens, folded, &lexicon.deadline_heads)
        && folded[..mention.first_token]
            .iter()
            .any(|w| lexicon.deadline_setting_verbs.contains(w))
}

/// The direction the phrase's own words set, before any tense: "as early as this
/// week" looks ahead; "Wednesday's ruling" names a thing, and the verb of the sentence
/// says nothing about when that thing was, so it takes the nearest reading.
fn phrase_direction(mention: &Mention, folded: &[String]) -> Option<(Direction, &'static str)> {
    if mention.leans_forward {
        Some((Direction::Forward, "the phrase itself looks ahead"))
    } else if is_possessive(folded, mention.end_token) {
        Some((
            Direction::Nearest,
            "a possessive (\"Wednesday's ruling\"): the reading nearest the anchor",
        ))
    } else {
        None
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
    tense_of(mention, tokens, folded, lexicon).0
}

/// Resolves the expressions of one text in reading order, remembering what the text
/// has said so far ("a year earlier" leans on the last date given).
#[derive(Debug, Clone, Copy)]
pub struct Resolver {
    /// The publication date; without one only absolute expressions get a value.
    pub anchor: Option<NaiveDate>,
    pub context: Context,
}

impl Resolver {
    pub fn new(anchor: Option<NaiveDate>) -> Resolver {
        Resolver {
            anchor,
            context: Context::default(),
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
        let resolved = mention.pattern.timex(anchor, direction, &self.context)?;
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
        .map(|mention| {
            let direction = match direction_of(mention, tokens, folded, lexicon) {
                Direction::Nearest => lean,
                direction => direction,
            };
            let sentence_date_before = resolver.context.sentence_date;
            let reference = sentence_date_before
                .filter(|_| told_before_a_named_date(mention, tokens, folded, lexicon))
                .and_then(|when| when.start());
            let (anchored_at, anchor, direction) = match reference {
                Some(day) => (
                    AnchorSource::DateNamedBefore,
                    Some(day),
                    Direction::Backward,
                ),
                None => (AnchorSource::Publication, resolver.anchor, direction),
            };
            Reading {
                direction,
                anchor,
                anchored_at,
                sentence_date_before,
                resolved: resolver.resolve_from(anchor, mention, direction),
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
            };
            reading.anchor = Some(day);
            reading.anchored_at = AnchorSource::Quotation;
            reading.resolved = speech.resolve(&mentions[index], reading.direction);
        }
    }
    readings
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
    let mut resolver = Resolver::new(Some(anchor));
    let mut out = Vec::new();
    for sentence in split_sentences(text) {
        let tokens = tokenize(sentence.text, sentence.start);
        let folded: Vec<String> = tokens.iter().map(|t| fold(t.text)).collect();
        resolver.context.sentence_date = None;
        let mentions = recognize_folded(&tokens, &folded, lexicon);
        let readings = read_sentence(&mentions, &tokens, &folded, lexicon, &mut resolver, lean);
        let scanner = Scanner {
            tokens: &tokens,
            folded: &folded,
            lexicon,
        };
        for (mention, reading) in mentions.iter().zip(readings) {
            let (Some(resolved), Some(anchor)) = (reading.resolved, reading.anchor) else {
                continue;
            };
            let direction = reading.direction;
            let parts = scanner
                .tagged_apart(mention.rule, mention.first_token, mention.end_token)
                .map(|(how, ranges)| parts_of(text, &tokens, how, ranges, &resolved))
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
                anchor,
                direction,
                parts,
            });
        }
    }
    out
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

/// The TIMEX3 of each part TimeML tags apart: a range's ends take its first and last
/// day; a clock time keeps the expression's value, its day takes the day.
fn parts_of(
    text: &str,
    tokens: &[Token<'_>],
    how: TaggedApart,
    ranges: [std::ops::Range<usize>; 2],
    resolved: &Resolved,
) -> Vec<TimexPart> {
    let when = resolved.when;
    let (first, last) = match (how, when) {
        (TaggedApart::Ends, Some(When::Interval(first, last))) => (
            (TimexType::Date, first.format("%Y-%m-%d").to_string()),
            (TimexType::Date, last.format("%Y-%m-%d").to_string()),
        ),
        (TaggedApart::ClockAndDay, Some(When::Day(day))) => (
            (resolved.kind, resolved.value.clone()),
            (TimexType::Date, day.format("%Y-%m-%d").to_string()),
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
    use crate::text::tokenize;

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
