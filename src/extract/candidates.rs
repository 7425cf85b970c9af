//! Triggers that may report an event: lexicon words, launches of weapons, and the
//! nouns that only restate or presuppose another.

use super::view::{is_determiner, Candidate, SentenceView};
use crate::model::Kind;
use crate::text::phrase_at;

/// "launched a drone at a ship", "launched 40 missiles": a launch verb whose object,
/// a few words on in the same clause, is a weapon.
pub(super) fn launches_weapon(view: &SentenceView<'_, '_>, i: usize) -> bool {
    let events = &view.lexicon.events;
    events.launch_verbs.contains(&view.folded[i])
        && (i + 1..(i + 5).min(view.tokens.len()))
            .take_while(|&j| !view.is_break(j))
            .any(|j| events.weapons.contains(&view.folded[j]))
}

/// "accused Thailand of violating the truce": an event noun that something is done
/// to is an event already reported, not a new one.
pub(super) fn presupposed(view: &SentenceView<'_, '_>, first: usize) -> bool {
    let mut k = first;
    while k > 0
        && (is_determiner(&view.folded[k - 1])
            || matches!(view.folded[k - 1].as_str(), "this" | "that"))
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
pub(super) fn restates_earlier(
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
                    || events.ordering_cues.contains(&view.folded[j])
                    || events.order_cue_at(&view.folded, j).is_some()
            })
    })
}
