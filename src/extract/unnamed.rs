//! Doers the text does not name: one person who attacks alone ("a man opened
//! fire"), the crowd that protests ("took to the streets") and the court that
//! decides ("an Istanbul court ordered his arrest").

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
    if candidate.actors.is_empty() && candidate.kind == Kind::Action && !candidate.noun {
        if let Some(court) = unnamed_court(view, candidate.first) {
            candidate.actors = court;
        }
    }
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

/// How far before its verb a court may stand as its subject ("A court in Istanbul
/// on Sunday ordered"): only then is the sentence parsed.
const COURT_SUBJECT_REACH: usize = 8;

/// Words that may qualify a court named by what it is ("a federal grand jury").
const COURT_MODIFIERS: usize = 3;

/// The token of the subject of the verb at `verb` when that subject is a court, a
/// judge or a jury (see `court_words`), named or not ("the court ruled", "the
/// International Court of Justice ordered"), by the parse.
pub(super) fn court_subject(view: &SentenceView<'_, '_>, verb: usize) -> Option<usize> {
    let courts = &view.lexicon.events.court_words;
    let near =
        (verb.saturating_sub(COURT_SUBJECT_REACH)..verb).any(|j| courts.contains(&view.folded[j]));
    if !near {
        return None;
    }
    if view.is_passive(verb) {
        return None;
    }
    let (parsed, word) = view.parsed_word(verb)?;
    let tree = &parsed.tree;
    // The parser often reads the past tense after a noun as a participle of it
    // ("the court ruled" as "the court [that was] ruled") or as passive: a court is
    // never what is ruled or arrested, and "be" is not there.
    let subject = tree
        .dependent(word, "nsubj")
        .or_else(|| tree.dependent(word, "nsubj:pass"))
        .or_else(|| {
            (tree.deprel(word) == "acl")
                .then(|| tree.head(word))
                .flatten()
        })?;
    let head = parsed.token_of(subject)?;
    courts.contains(&view.folded[head]).then_some(head)
}

/// "An Istanbul court", "a federal grand jury", "the judge": the court that acts at
/// `verb` when the text gives it no name, in the words that qualify it, with the
/// state a demonym or a place among them or right after it names ("a court in
/// Istanbul" is Turkey's).
fn unnamed_court(view: &SentenceView<'_, '_>, verb: usize) -> Option<Vec<String>> {
    let head = court_subject(view, verb)?;
    if view.name_at(head).is_some() {
        return None;
    }
    let first = (head.saturating_sub(COURT_MODIFIERS)..head)
        .rev()
        .take_while(|&j| {
            // ("Turkey's top court": a possessor is no qualifier.)
            let possessive = j > 0 && crate::text::is_possessive(&view.folded, j - 1);
            view.tokens[j].is_word() && !view.is_determiner(j) && !possessive
        })
        .last()
        .unwrap_or(head);
    let words: Vec<&str> = (first..=head).map(|j| view.tokens[j].text).collect();
    let mut actors = vec![words.join(" ")];
    let after = head + 1..(head + 3).min(view.tokens.len());
    let state = view
        .names
        .iter()
        .filter(|m| {
            (m.first >= first && m.end <= head)
                || (after.contains(&m.first) && view.folded[head + 1] == "in")
        })
        .find_map(|m| m.entity.state().or_else(|| m.entity.country.clone()));
    if let Some(state) = state {
        actors.push(state);
    }
    Some(actors)
}
