//! Doers the text does not name: one person who attacks alone ("a man opened
//! fire") and the crowd that protests ("took to the streets").

use super::memory::ArticleMemory;
use super::view::{Candidate, SentenceView};
use crate::model::Kind;

/// Gives an act its unnamed doer where the sentence shows one: a lone attacker right
/// before a strike verb, or the crowd a crowd's act is named for.
pub(super) fn name_unnamed_doer(
    candidate: &mut Candidate,
    view: &SentenceView<'_, '_>,
    memory: &ArticleMemory,
) {
    if candidate.actors.is_empty() && candidate.kind == Kind::Strike && !candidate.noun {
        if let Some(attacker) = lone_attacker(candidate, view) {
            candidate.actors.push(attacker);
        }
    }
    // "angry demonstrations in Tehran on Saturday", "took to the streets": a crowd's
    // act whose doer the text leaves unnamed is the crowd's. A state does not march:
    // a country found for it ("Ukraine International Airlines ... turned to angry
    // demonstrations") is where the crowd is, not who it is.
    let crowd = (candidate.kind == Kind::Action)
        .then(|| {
            view.lexicon
                .events
                .crowd_of_act(&view.folded, candidate.first)
        })
        .flatten();
    if let Some(crowd) = crowd {
        let state_named = candidate
            .actors
            .first()
            .is_some_and(|actor| memory.country_of(actor, view.lexicon).as_ref() == Some(actor));
        if candidate.actors.is_empty() || state_named {
            candidate.actors = vec![crowd.to_string()];
        }
    }
}

/// Words that may qualify a lone attacker ("a young man", "a 20-year-old man").
const LONE_ATTACKER_MODIFIERS: usize = 2;

/// "A man opened fire", "a young man fired at the enlistment office": one person the
/// text does not name, right before the verb, is the attacker.
fn lone_attacker(candidate: &Candidate, view: &SentenceView<'_, '_>) -> Option<String> {
    let verb = view.before_auxiliaries(candidate.first);
    let noun = verb.checked_sub(1)?;
    // "a soldier was killed": the one before a passive suffered it. (The word first:
    // the passive may need the parse.)
    if !view
        .lexicon
        .events
        .lone_attackers
        .contains(&view.folded[noun])
        || view.is_passive(candidate.first)
    {
        return None;
    }
    let article = (noun.saturating_sub(LONE_ATTACKER_MODIFIERS + 1)..noun)
        .rev()
        .take_while(|&j| {
            let article = matches!(view.folded[j].as_str(), "a" | "an");
            // ("A suicide bomber": the article opening the sentence is capitalised.)
            view.tokens[j].is_word()
                && (article || j + 1 == noun || !view.tokens[j].is_capitalized())
                || j + 1 < noun && view.tokens[j].text == "-"
        })
        .find(|&j| matches!(view.folded[j].as_str(), "a" | "an"))?;
    let words: Vec<&str> = (article + 1..=noun).map(|j| view.tokens[j].text).collect();
    Some(words.join(" ").replace(" - ", "-"))
}
