//! Triggers that may report an event: lexicon words, launches of weapons, and the
//! nouns that only restate or presuppose another.

use super::view::{Candidate, SentenceView};
use crate::model::{Kind, Status};
use crate::temporal::Mention;
use crate::text::{is_quote_mark, phrase_at};

/// The triggers of a sentence, left to right, outside names and dates.
pub(super) fn find_candidates(view: &SentenceView<'_, '_>, times: &[Mention]) -> Vec<Candidate> {
    let tokens = view.tokens;
    let mut candidates = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        let taken = view.name_at(i).is_some() || in_date(times, i);
        let trigger = if taken {
            None
        } else {
            view.lexicon
                .events
                .trigger_span_at(&view.folded, i)
                .map(|(t, span)| (span, t.kind, t.noun, t.needs_object))
                .or_else(|| launches_weapon(view, i).then_some((1, Kind::Strike, false, false)))
                .or_else(|| stops_vessel(view, i).then_some((1, Kind::Strike, false, false)))
                .or_else(|| {
                    releases_captives(view, i).then_some((1, Kind::Agreement, false, false))
                })
        };
        match trigger {
            // A capitalised trigger inside a sentence is part of a name ("Post").
            Some((len, kind, noun, needs_object)) if i == 0 || !tokens[i].is_capitalized() => {
                let end = i + len;
                // A scare quote opened before the trigger and closed inside it
                // ("an “anti-terrorist” operation") belongs to it, not to a quotation
                // that would cut the trigger off from its subject.
                let opens_inside = i > 0
                    && is_quote_mark(tokens[i - 1].text)
                    && (i..end).any(|j| is_quote_mark(tokens[j].text));
                let first = if opens_inside { i - 1 } else { i };
                let restates = noun && restates_earlier(&candidates, kind, i, view);
                if !(restates || noun && presupposed(view, i)) {
                    candidates.push(Candidate {
                        first,
                        end,
                        kind,
                        noun,
                        status: Status::Occurred,
                        needs_object,
                        actors: Vec::new(),
                        counterparts: Vec::new(),
                        place: None,
                        pinned: false,
                        time: None,
                        time_shared: false,
                        topic: false,
                    });
                }
                i = end;
            }
            _ => i += 1,
        }
    }
    candidates
}

/// Is token `i` inside one of the sentence's dates?
pub(super) fn in_date(times: &[Mention], i: usize) -> bool {
    times.iter().any(|m| m.first_token <= i && i < m.end_token)
}

/// Words after a verb within which its object names what the verb acts on.
const OBJECT_REACH: usize = 4;

/// A verb of `verbs` at `i` whose object, a few words on in the same clause, is one
/// of `objects`: "launched a drone at a ship", "launched 40 missiles" (a weapon),
/// "released 24 hostages", "swapped 150 prisoners each" (captives).
fn verb_acting_on(
    view: &SentenceView<'_, '_>,
    i: usize,
    verbs: &std::collections::BTreeSet<String>,
    objects: &std::collections::BTreeSet<String>,
) -> bool {
    verbs.contains(&view.folded[i])
        && (i + 1..(i + 1 + OBJECT_REACH).min(view.tokens.len()))
            .take_while(|&j| !view.is_break(j))
            .any(|j| objects.contains(&view.folded[j]))
}

fn launches_weapon(view: &SentenceView<'_, '_>, i: usize) -> bool {
    let events = &view.lexicon.events;
    verb_acting_on(view, i, &events.launch_verbs, &events.weapons)
}

fn stops_vessel(view: &SentenceView<'_, '_>, i: usize) -> bool {
    let events = &view.lexicon.events;
    verb_acting_on(view, i, &events.intercept_verbs, &events.vessels)
}

fn releases_captives(view: &SentenceView<'_, '_>, i: usize) -> bool {
    let events = &view.lexicon.events;
    verb_acting_on(view, i, &events.release_verbs, &events.captives)
}

/// "accused Thailand of violating the truce": an event noun that something is done
/// to is an event already reported, not a new one.
fn presupposed(view: &SentenceView<'_, '_>, first: usize) -> bool {
    // Over determiners, names and years: "broken the Pretoria deal", "violated the
    // 2018 accord".
    const REACH: usize = 4;
    let mut k = first;
    while k > 0
        && first - k < REACH
        && (view.is_determiner(k - 1)
            || matches!(view.folded[k - 1].as_str(), "this" | "that")
            || view.name_at(k - 1).is_some()
            || view.tokens[k - 1].kind == crate::text::TokenKind::Number)
    {
        k -= 1;
    }
    view.lexicon
        .events
        .presupposing
        .iter()
        .any(|p| k >= p.len() && phrase_at(&view.folded, k - p.len(), p))
}

/// "met in Istanbul on Friday for their first direct talks": a noun after a verb
/// of the same kind in the same clause, with no ordering cue between, names the
/// verb's event again.
fn restates_earlier(
    candidates: &[Candidate],
    kind: Kind,
    first: usize,
    view: &SentenceView<'_, '_>,
) -> bool {
    let events = &view.lexicon.events;
    candidates.last().is_some_and(|previous| {
        previous.kind == kind
            && !previous.noun
            && !(previous.end..first).any(|j| {
                view.is_break(j)
                    || view.is_order_break(j)
                    || events.order_cue_at(&view.folded, j).is_some()
            })
    })
}
