//! Recognising temporal expressions in a sentence's tokens, with no anchor needed: the
//! rules of `src/temporal/rules/` find them, and the words in front that belong to
//! how people say them ("on", "as early as") are kept with them.

use super::lexicon::TemporalLexicon;
use super::pattern::Pattern;
use super::rules::scan::Scanner;
use crate::text::{fold, Token};

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
    /// The phrase opens its sentence or a clause ("In 1976, ...", "...; in 1976
    /// ..."): in a narrative, a bare year there moves the story on.
    pub opens_clause: bool,
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
                let (phrase_token, forward_phrase) = preposition_before(folded, i, lexicon);
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
                    opens_clause: phrase_token <= 1
                        || matches!(folded[phrase_token - 1].as_str(), "," | ";" | ":"),
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
fn preposition_before(folded: &[String], first: usize, lexicon: &TemporalLexicon) -> (usize, bool) {
    let is = |i: usize, w: &str| folded.get(i).is_some_and(|x| x == w);
    let early_or_soon = |w: &str| w == "early" || w == "soon";
    if first >= 3
        && is(first - 3, "as")
        && folded.get(first - 2).is_some_and(|w| early_or_soon(w))
        && is(first - 1, "as")
    {
        return (first - 3, true);
    }
    let said_with = first
        .checked_sub(1)
        .and_then(|j| folded.get(j))
        .is_some_and(|w| lexicon.phrase_prepositions.contains(w));
    if said_with {
        (first - 1, false)
    } else {
        (first, false)
    }
}
