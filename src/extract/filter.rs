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
    // "accused Ukraine of launching drone strikes", "claims that Kyiv had attacked":
    // an act someone alleges, not one the text reports.
    if candidate.kind != Kind::Statement && alleged(candidate, view) {
        return false;
    }
    if wished_for(candidate, view) {
        return false;
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

/// How many heads up from a trigger an alleging word still governs it ("accused
/// Ukraine of launching drone strikes": strikes → launching → accused).
const ALLEGED_DEPTH: usize = 4;

/// Whether the act is only alleged. With a parse: an alleging word governs the
/// trigger ("claimed that Ukraine attacked", "accused Russia of shelling") or
/// qualifies it ("the alleged attack"); a word that qualifies something else ("an
/// alleged drug boat") does not. A party's claim of its own act ("the rebels claimed
/// they had captured the city") is a report of it, not an allegation. Without a parse,
/// any alleging word shortly before the trigger in its clause counts.
fn alleged(candidate: &Candidate, view: &SentenceView<'_, '_>) -> bool {
    let events = &view.lexicon.events;
    let is_alleging =
        |token: Option<usize>| token.is_some_and(|t| events.alleged.contains(&view.folded[t]));
    // Parsing is the dearest step: only a sentence with an alleging word before the
    // trigger asks ("the alleged attack" has it before too).
    let near = candidate.first.saturating_sub(WISHED_REACH)..candidate.first;
    if !near
        .into_iter()
        .any(|j| events.alleged.contains(&view.folded[j]))
    {
        return false;
    }
    if let Some(parsed) = view.syntax(candidate.end.saturating_sub(1)) {
        if let Some(mut word) = parsed.word(candidate.first) {
            let tree = &parsed.tree;
            if tree
                .dependents(word)
                .any(|d| is_alleging(parsed.token_of(d)))
            {
                return true;
            }
            for _ in 0..ALLEGED_DEPTH {
                let Some(head) = tree.head(word) else {
                    return false;
                };
                if is_alleging(parsed.token_of(head)) {
                    return !claims_own_act(tree, head, word, &parsed, view);
                }
                word = head;
            }
            return false;
        }
    }
    let sentence_clause = (0..candidate.first)
        .rev()
        .find(|&j| matches!(view.tokens[j].text, ";" | ":" | "(" | ")"))
        .map_or(0, |j| j + 1);
    (sentence_clause.max(candidate.first.saturating_sub(12))..candidate.first)
        .any(|j| events.alleged.contains(&view.folded[j]))
}

/// "They claimed they had captured the city": a claim verb whose complement's
/// subject is a pronoun taking up the claimant, or the claimant again.
fn claims_own_act(
    tree: &crate::syntax::Tree<'_>,
    claim: usize,
    below: usize,
    parsed: &super::parse::SentenceSyntax,
    view: &SentenceView<'_, '_>,
) -> bool {
    let folded = |word: usize| parsed.token_of(word).map(|t| view.folded[t].as_str());
    if !folded(claim).is_some_and(|w| w.starts_with("claim")) {
        return false;
    }
    let Some(claimant) = tree.dependent(claim, "nsubj") else {
        return false;
    };
    // The complement clause the trigger sits in, and its subject.
    let mut clause = below;
    while tree.head(clause) != Some(claim) {
        match tree.head(clause) {
            Some(head) => clause = head,
            None => return false,
        }
    }
    let Some(subject) = tree.dependent(clause, "nsubj") else {
        return false;
    };
    let name = |word: usize| {
        parsed
            .token_of(word)
            .and_then(|t| view.name_at(t))
            .map(|m| m.entity.name.clone())
    };
    matches!(folded(subject), Some("they" | "it" | "we" | "he" | "she"))
        || name(subject).is_some_and(|n| Some(n) == name(claimant))
}

/// Words before a trigger a verb of wanting, urging or alleging may govern it from;
/// only then is the sentence parsed to check.
const WISHED_REACH: usize = 12;

/// Whether the event is only wished for or asked for: the parse puts its trigger
/// under a verb of wanting or urging, as that verb's object or through clausal
/// complements ("urged Trump to insist that Putin agree to a ceasefire").
fn wished_for(candidate: &Candidate, view: &SentenceView<'_, '_>) -> bool {
    let governors = &view.lexicon.events.irrealis_governors;
    // Only a governor the trigger follows closely, or through "to", "that", "for" or
    // "at" ("urged Trump to insist that Putin agree"), sends the sentence to the parser.
    let near = candidate.first.saturating_sub(WISHED_REACH)..candidate.first;
    let governed = near.into_iter().any(|j| {
        governors.contains(&view.folded[j])
            && (candidate.first - j <= 3
                || (j + 1..candidate.first)
                    .any(|k| matches!(view.folded[k].as_str(), "to" | "that" | "for" | "at")))
    });
    if !governed {
        return false;
    }
    let head_token = candidate.end.saturating_sub(1);
    let Some(parsed) = view.syntax(head_token) else {
        return false;
    };
    let tree = &parsed.tree;
    let Some(mut word) = parsed.word(head_token) else {
        return false;
    };
    for step in 0..ALLEGED_DEPTH {
        let relation = tree.deprel(word);
        let followed = match step {
            // The event itself may be the object ("sought a ceasefire").
            0 => matches!(relation, "obj" | "obl" | "ccomp" | "xcomp"),
            _ => matches!(relation, "ccomp" | "xcomp"),
        };
        let Some(head) = tree.head(word).filter(|_| followed) else {
            return false;
        };
        if parsed
            .token_of(head)
            .is_some_and(|t| governors.contains(&view.folded[t]))
        {
            return true;
        }
        word = head;
    }
    false
}
