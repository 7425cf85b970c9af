//! Which candidates are events the text reports.

use super::view::{Candidate, SentenceView};
use crate::model::Kind;

/// Is this a real event the text reports?
pub(super) fn keep(candidate: &Candidate, view: &SentenceView<'_, '_>) -> bool {
    let events = &view.lexicon.events;
    // Negated or hypothetical: "did not meet", "talks could resume", "aimed at a ceasefire".
    let clause_start = view.clause_start(candidate.first);
    let window = clause_start.max(candidate.first.saturating_sub(4))..candidate.first;
    if window
        .clone()
        .any(|j| view.any_phrase(j, &events.negation) || view.any_phrase(j, &events.irrealis))
    {
        return false;
    }
    // "Talks in Doha could resume": a noun whose own predicate is a modal.
    if candidate.noun {
        let clause_end = view.clause_end(candidate.end);
        let hypothetical = (candidate.end..clause_end.min(candidate.end + 5)).any(|j| {
            events.modals.contains(&view.folded[j])
                && view
                    .folded
                    .get(j + 1)
                    .is_some_and(|w| events.uncertain_predicates.contains(w) || w == "not")
        });
        if hypothetical {
            return false;
        }
    }
    // "has repeatedly dismissed", "has long viewed": a habit, not an event.
    if window
        .clone()
        .any(|j| events.habitual.contains(&view.folded[j]))
    {
        return false;
    }
    if candidate.kind == Kind::Statement && candidate.actors.is_empty() {
        return false;
    }
    // "test-fired missiles", "a drill": firing at no one.
    if candidate.kind == Kind::Strike
        && window
            .clone()
            .any(|j| events.non_hostile.contains(&view.folded[j]))
    {
        return false;
    }
    if candidate.needs_object && candidate.counterparts.is_empty() {
        return false;
    }
    // "This tentative agreement was seen as ...": the article's earlier event again.
    let demonstrative = (candidate.first.saturating_sub(3)..candidate.first)
        .rev()
        .take_while(|&j| view.tokens[j].is_word() && view.name_at(j).is_none())
        .any(|j| events.demonstratives.contains(&view.folded[j]));
    if candidate.noun && demonstrative && candidate.actors.is_empty() {
        return false;
    }
    // "accused Ukraine of launching drone strikes", "claims that they had captured":
    // an act someone alleges, not one the text reports.
    if candidate.kind != Kind::Statement {
        let sentence_clause = (0..candidate.first)
            .rev()
            .find(|&j| matches!(view.tokens[j].text, ";" | ":" | "(" | ")"))
            .map_or(0, |j| j + 1);
        let alleged = (sentence_clause.max(candidate.first.saturating_sub(12))..candidate.first)
            .any(|j| events.alleged.contains(&view.folded[j]));
        if alleged {
            return false;
        }
    }
    if candidate.actors.is_empty() && candidate.place.is_none() {
        return false;
    }
    // A date only borrowed from a neighbouring verb does not pin a noun down.
    let own_date = candidate.time.is_some() && !candidate.time_shared;
    if candidate.noun && !(candidate.pinned || own_date) {
        return false;
    }
    true
}
