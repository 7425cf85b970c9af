//! The mode and CAMEO code of an event.

use std::collections::BTreeSet;

use super::lexicon::{self, Lexicon};
use super::memory::ArticleMemory;
use super::view::{Candidate, SentenceView};
use crate::model::Kind;
use crate::text::phrase_at;

/// The event's mode and CAMEO root code: the mode whose words stand nearest the
/// trigger (in it first), a fallback mode only when no other applies; a meeting is
/// typed by who met where before by its words.
pub(super) fn classify(
    candidate: &Candidate,
    view: &SentenceView<'_, '_>,
    memory: &ArticleMemory,
) -> (Option<String>, String) {
    let Some(modes) = view.lexicon.events.modes.get(&candidate.kind) else {
        return (None, String::new());
    };
    let (first, end) = (candidate.first, candidate.end);
    let (clause_start, clause_end) = (view.clause_start(first), view.clause_end(end));
    // A statement's mode is in its own words ("accused", "in an interview"), not in
    // what it reports.
    let (from, to) = if candidate.kind == Kind::Statement {
        (
            first.saturating_sub(3).max(clause_start),
            (end + 4).min(clause_end),
        )
    } else {
        // What the verb acts on names its mode even past a comma ("lifted travel,
        // commercial and economic sanctions").
        let past_object = candidate.acted_on.map_or(clause_end, |object| object + 1);
        (clause_start, clause_end.max(past_object))
    };
    // "will recall", "is deploying": the trigger names its mode as the listed form
    // it stands for.
    let listed = view.lexicon.events.listed_form(&view.folded[first]);
    let folded: std::borrow::Cow<'_, [String]> = match listed {
        Some(listed) => {
            let mut words = view.folded.clone();
            words[first] = listed.to_string();
            std::borrow::Cow::Owned(words)
        }
        None => std::borrow::Cow::Borrowed(&view.folded),
    };
    let worded = modes
        .modes
        .iter()
        .enumerate()
        .filter_map(|(rank, mode)| {
            let distance = (from..to)
                .filter_map(|j| {
                    // (As written too: "suicide bombing" is a phrase of its own, whatever
                    // "bombing" stands for alone.)
                    let len = mode
                        .words
                        .iter()
                        .find(|w| phrase_at(&folded, j, w) || phrase_at(&view.folded, j, w))?
                        .len();
                    Some(if j + len > first && j < end {
                        0
                    } else if j >= end {
                        j - end + 1
                    } else {
                        first - (j + len) + 1
                    })
                })
                .min()?;
            Some((distance, rank, mode))
        })
        .min_by_key(|(distance, rank, mode)| (mode.fallback, *distance, *rank))
        .map(|(_, _, mode)| mode);
    let named = |mode: &lexicon::Mode| (Some(mode.name.clone()), mode.cameo.clone());
    if candidate.kind == Kind::Meeting {
        if let Some(phone) = worded.filter(|m| m.name == "phone") {
            return named(phone);
        }
        if let Some(structural) = meeting_mode(candidate, view.lexicon, memory) {
            return (Some(structural.to_string()), modes.cameo.clone());
        }
    }
    worded.map_or((None, modes.cameo.clone()), named)
}

/// A meeting typed by who met where: multilateral with three or more sides;
/// third-party when the place lies in none of the sides' countries; a visit when it
/// lies in some side's country but not every side's.
pub(super) fn meeting_mode(
    candidate: &Candidate,
    lexicon: &Lexicon,
    memory: &ArticleMemory,
) -> Option<&'static str> {
    let sides: Vec<&String> = candidate
        .actors
        .iter()
        .chain(&candidate.counterparts)
        .collect();
    // A person and the country they act for are one side.
    let distinct: BTreeSet<String> = sides
        .iter()
        .map(|side| {
            memory
                .country_of(side, lexicon)
                .unwrap_or_else(|| side.to_string())
        })
        .collect();
    if distinct.len() >= 3 {
        return Some("multilateral");
    }
    let place = memory.country_of(candidate.place.as_deref()?, lexicon)?;
    let countries: Vec<Option<String>> = sides
        .iter()
        .map(|side| memory.country_of(side, lexicon))
        .collect();
    let here = countries
        .iter()
        .filter(|c| c.as_ref() == Some(&place))
        .count();
    if here > 0 && here < countries.len() {
        return Some("visit");
    }
    if here == 0 && countries.len() == 2 && countries.iter().all(Option::is_some) {
        return Some("third-party");
    }
    if here == 0 && countries.len() == 1 && countries[0].is_some() {
        return Some("visit");
    }
    None
}
