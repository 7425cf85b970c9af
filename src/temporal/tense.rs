//! Which way a sentence leans at an expression: the tense cue nearest to it in its
//! clause decides. A future marker ("will", "expected", "is due to") leans forward, a
//! verb in the past tense ("said", "met", "launched") backward; with neither, the
//! expression takes the reading nearest the publication date. Words around the date
//! that set it ahead ("effective Feb. 1", "postponed until Tuesday") come first.

use std::ops::Range;

use super::lexicon::TemporalLexicon;
use super::mention::Mention;
use super::pattern::{Direction, Pattern};
use crate::hash::WordSet;
use crate::text::{is_possessive, Token};

/// The tense and direction of `index` with the reason, for `dateline extract --explain`.
pub fn tense_at(
    tokens: &[Token<'_>],
    folded: &[String],
    index: usize,
    lexicon: &TemporalLexicon,
) -> (Direction, String) {
    let sentence = Sentence {
        tokens,
        folded,
        lexicon,
    };
    if let Some((word, how)) = sentence.set_ahead(index) {
        return (Direction::Forward, format!("{how} {:?}", tokens[word].text));
    }
    if index > 0 && lexicon.backward_prepositions.contains(&folded[index - 1]) {
        return (
            Direction::Backward,
            format!("preposition {:?}", tokens[index - 1].text),
        );
    }
    let (before, after) = sentence.clause_around(index);
    let asides = sentence.asides(index);
    let cue = |from: usize, to: usize| sentence.nearest_cue(index, &asides, from, to);
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

/// One sentence's tokens as the tense rules read them.
struct Sentence<'s, 'a> {
    tokens: &'s [Token<'a>],
    folded: &'s [String],
    lexicon: &'s TemporalLexicon,
}

impl Sentence<'_, '_> {
    /// Where the clause of `index` starts and ends, twelve words either way at most.
    fn clause_around(&self, index: usize) -> (usize, usize) {
        let (tokens, folded) = (self.tokens, self.folded);
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
                    || j > index && self.lexicon.clause_openers.contains(&folded[j])
            })
            .unwrap_or(tokens.len())
            .min(index + 12);
        (before, after)
    }

    fn future_at(&self, j: usize) -> bool {
        self.lexicon.future_marker_at(self.folded, j)
    }

    /// The "was" or "were" of a future marker in the past tense ("were due to meet",
    /// "was scheduled to") at or just before the marker at `j`.
    fn schedule_in_past(&self, j: usize) -> Option<usize> {
        (j.saturating_sub(2)..=j).find(|&k| {
            matches!(self.folded[k].as_str(), "was" | "were")
                && k + 1 < self.folded.len()
                && self.future_at(k)
        })
    }

    /// An adjective after a determiner ("a still unspecified date"), not a verb.
    fn adjectival(&self, j: usize) -> bool {
        let folded = self.folded;
        let word = |k: Option<usize>| k.and_then(|k| folded.get(k)).map_or("", String::as_str);
        let mut before = j.checked_sub(1);
        if word(before).ends_with("ly") || word(before) == "still" {
            before = before.and_then(|b| b.checked_sub(1));
        }
        folded[j].ends_with("ed") && self.lexicon.determiners.contains(word(before))
    }

    /// A participle after a form of "be" ("will be held", "is expected") is no past
    /// tense, nor is "was" or "were" before a future marker ("were planning to").
    fn past_at(&self, j: usize) -> bool {
        let (folded, lexicon) = (self.folded, self.lexicon);
        self.tokens[j].is_word()
            && lexicon.is_past_tense(&folded[j])
            && !(j > 0 && lexicon.passive_auxiliaries.contains(&folded[j - 1]))
            && !(lexicon.progressive_auxiliaries.contains(&folded[j]) && self.future_at(j + 1))
            && !self.adjectival(j)
    }

    /// "the deal expires on Oct. 18", "before provisions expire on Oct. 18": a present
    /// tense of a scheduled thing. A base form must follow no auxiliary or "to".
    fn scheduled_at(&self, j: usize) -> bool {
        let (folded, lexicon) = (self.folded, self.lexicon);
        lexicon.scheduled_verbs.contains(&folded[j])
            && (folded[j].ends_with('s')
                || j.checked_sub(1)
                    .is_some_and(|p| !lexicon.scheduled_verbs_not_after.contains(&folded[p])))
    }

    /// A relative clause between commas ("The sale, which had been expected, is part
    /// of a plan to pay by February") tells of something else: its tense is not the
    /// expression's, unless the expression is in it.
    fn asides(&self, index: usize) -> Vec<Range<usize>> {
        let (tokens, folded) = (self.tokens, self.folded);
        let mut asides = Vec::new();
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
        asides
    }

    /// "had been scheduled to expire Friday", "had been due to hold talks on June
    /// 15": a plan that was, told in the past perfect, looks back.
    fn past_perfect(&self, j: usize) -> bool {
        let folded = self.folded;
        (j.saturating_sub(4)..j)
            .rev()
            .take_while(|&k| {
                k + 1 == j || self.lexicon.plan_words_after_had.contains(&folded[k + 1])
            })
            .any(|k| folded[k] == "had")
    }

    /// The tense cue in `from..to` nearest to `index`, outside `asides`; at equal
    /// distance the cue before the expression wins.
    fn nearest_cue(
        &self,
        index: usize,
        asides: &[Range<usize>],
        from: usize,
        to: usize,
    ) -> Option<(Direction, String)> {
        let heard = |j: &usize| !asides.iter().any(|aside| aside.contains(j));
        let mut order: Vec<(usize, usize)> = (from..index)
            .filter(heard)
            .map(|j| (index - j, j))
            .collect();
        order.extend((index..to).filter(heard).map(|j| (j - index + 1, j)));
        order.sort_unstable();
        order.into_iter().find_map(|(_, j)| self.cue_at(j))
    }

    /// The direction the word at `j` gives, if it is a tense cue.
    fn cue_at(&self, j: usize) -> Option<(Direction, String)> {
        let (tokens, folded) = (self.tokens, self.folded);
        if self.future_at(j) {
            Some(if self.past_perfect(j) {
                (
                    Direction::Backward,
                    format!("past perfect {:?}", tokens[j].text),
                )
            } else if let Some(k) = self.schedule_in_past(j) {
                // "the leaders were due to meet on June 15": a schedule reported in
                // the past may be over by publication or still ahead.
                (
                    Direction::Nearest,
                    format!(
                        "a schedule reported in the past: {:?} {:?}",
                        tokens[k].text,
                        tokens[k + 1].text
                    ),
                )
            } else if j >= 1 && self.lexicon.superseded_plan_words.contains(&folded[j - 1]) {
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
        } else if self.past_at(j) {
            Some((
                Direction::Backward,
                format!("past tense {:?}", tokens[j].text),
            ))
        } else if self.scheduled_at(j) {
            Some((
                Direction::Forward,
                format!("scheduled, in the present tense: {:?}", tokens[j].text),
            ))
        } else {
            None
        }
    }

    /// Words around the date that set it ahead, whatever the tense: the word that does
    /// so, and how.
    fn set_ahead(&self, index: usize) -> Option<(usize, &'static str)> {
        [
            (self.forward_preposition(index), "preposition"),
            (self.allowed(index), "a time allowed:"),
            (self.set_for(index), "set for the day:"),
            (self.deferred_to(index), "put off to it:"),
            (self.directed(index), "a deadline set by"),
            (self.designated(index), "a day set aside:"),
        ]
        .into_iter()
        .find_map(|(word, how)| word.map(|w| (w, how)))
    }

    /// "effective Feb. 1".
    fn forward_preposition(&self, index: usize) -> Option<usize> {
        (index > 0
            && self
                .lexicon
                .forward_prepositions
                .contains(&self.folded[index - 1]))
        .then(|| index - 1)
    }

    /// "the deadline is Friday", "the vote is on the 24th".
    fn set_for(&self, index: usize) -> Option<usize> {
        let folded = self.folded;
        let copula = |j: usize| self.lexicon.present_copulas.contains(&folded[j]);
        match index {
            1.. if copula(index - 1) => Some(index - 1),
            2.. if folded[index - 1] == "on" && copula(index - 2) => Some(index - 2),
            _ => None,
        }
    }

    /// "postponed until Tuesday morning", "extended its deadline to Friday"; the verb
    /// may stand ten words back ("extended martial law for another 90 days on
    /// Wednesday, through August 6").
    fn deferred_to(&self, index: usize) -> Option<usize> {
        let (folded, lexicon) = (self.folded, self.lexicon);
        (index.saturating_sub(2)..index)
            .find(|&p| lexicon.deferral_prepositions.contains(&folded[p]))
            .and_then(|p| {
                (p.saturating_sub(10)..p).find(|&v| lexicon.deferral_verbs.contains(&folded[v]))
            })
    }

    /// "asked the administration to explain the legal basis for the strikes by
    /// Friday": the infinitive may stand twelve words back, its verb five before it.
    fn directed(&self, index: usize) -> Option<usize> {
        let (tokens, folded, lexicon) = (self.tokens, self.folded, self.lexicon);
        (index >= 1 && lexicon.deadline_prepositions.contains(&folded[index - 1]))
            .then(|| {
                let to = (index.saturating_sub(13)..index - 1)
                    .rev()
                    .take_while(|&j| !tokens[j].is_clause_break())
                    .find(|&j| folded[j] == "to")?;
                (to.saturating_sub(5)..to).find(|&v| lexicon.directive_verbs.contains(&folded[v]))
            })
            .flatten()
    }

    /// The word after a one-word day ("declared Wednesday a day of mourning").
    fn designated(&self, index: usize) -> Option<usize> {
        let (folded, lexicon) = (self.folded, self.lexicon);
        (index >= 1
            && lexicon.designation_verbs.contains(&folded[index - 1])
            && folded
                .get(index + 1)
                .is_some_and(|w| lexicon.designation_objects.contains(w)))
        .then(|| index - 1)
    }

    /// "have until October to trigger sanctions".
    fn allowed(&self, index: usize) -> Option<usize> {
        let (folded, lexicon) = (self.folded, self.lexicon);
        (index >= 2
            && matches!(folded[index - 1].as_str(), "until" | "till")
            && lexicon.allowance_verbs.contains(&folded[index - 2]))
        .then(|| index - 2)
    }
}

/// [`direction_of`] with the reason, for `dateline extract --explain`.
pub fn tense_of(
    mention: &Mention,
    tokens: &[Token<'_>],
    folded: &[String],
    lexicon: &TemporalLexicon,
) -> (Direction, String) {
    match phrase_direction(mention, folded, lexicon) {
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
/// Oct. 7 terror attack". An article after the date opens another noun phrase:
/// "confirmed on Sunday the death of" dates the confirming.
fn names_one_of(
    mention: &Mention,
    tokens: &[Token<'_>],
    folded: &[String],
    heads: &WordSet,
) -> bool {
    (mention.end_token..mention.end_token + 2)
        .take_while(|&j| {
            tokens.get(j).is_some_and(|t| t.is_word())
                && !matches!(folded[j].as_str(), "the" | "a" | "an")
        })
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

/// Words before a weekday in which an infinitive may set the stretch it ends.
const STRETCH_REACH: usize = 8;

/// "decided to keep all markets closed until Friday": a weekday after "until" in a
/// clause an infinitive opens ends a stretch that begins when it was decided, so it
/// lies ahead whatever the tense of the deciding; "fighting went on until Friday" has
/// no infinitive and keeps the tense's reading.
fn ends_a_planned_stretch(mention: &Mention, folded: &[String], lexicon: &TemporalLexicon) -> bool {
    let Some(before) = mention.first_token.checked_sub(1) else {
        return false;
    };
    if !lexicon.stretch_ends.contains(&folded[before])
        || !matches!(mention.pattern, Pattern::Weekday { .. })
    {
        return false;
    }
    let clause = before.saturating_sub(STRETCH_REACH)..before;
    let clause_start = clause
        .clone()
        .rev()
        .find(|&j| matches!(folded[j].as_str(), "," | ";" | ":"))
        .map_or(clause.start, |j| j + 1);
    (clause_start..before).any(|j| folded[j] == "to")
}

/// The direction the phrase's own words set, before any tense: "as early as this
/// week" looks ahead; "Wednesday's ruling" names a thing, and the verb of the sentence
/// says nothing about when that thing was, so it takes the nearest reading.
fn phrase_direction(
    mention: &Mention,
    folded: &[String],
    lexicon: &TemporalLexicon,
) -> Option<(Direction, &'static str)> {
    if mention.leans_forward {
        Some((Direction::Forward, "the phrase itself looks ahead"))
    } else if ends_a_planned_stretch(mention, folded, lexicon) {
        Some((
            Direction::Forward,
            "the end of a stretch an infinitive sets (\"decided to keep markets closed until Friday\")",
        ))
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
/// `folded` is `tokens` as [`fold`](crate::text::fold) gives them, computed once per sentence by the caller.
pub fn direction_of(
    mention: &Mention,
    tokens: &[Token<'_>],
    folded: &[String],
    lexicon: &TemporalLexicon,
) -> Direction {
    tense_of(mention, tokens, folded, lexicon).0
}
