//! Who takes part in an event, how it stands (occurred or planned) and where.

use super::gazetteer::EntityClass;
use super::memory::ArticleMemory;
use super::sides::{drop_represented, push_unique};
use super::subject::{find_subject, governed, with_coordinated};
use super::view::{is_determiner, Candidate, NameMention, SentenceView};
use crate::model::{Kind, Status};
use crate::text::is_possessive;

/// Work out status, actors and place of one trigger.
pub(super) fn analyse(
    candidate: &mut Candidate,
    view: &SentenceView<'_, '_>,
    memory: &mut ArticleMemory,
    previous_end: usize,
    next_trigger: usize,
) {
    let tokens = view.tokens;
    let events = &view.lexicon.events;
    let (first, end) = (candidate.first, candidate.end);
    let (clause_start, clause_end) = (view.clause_start(first), view.clause_end(end));

    // Status: a future marker shortly before in the clause, or after a noun ("talks are expected").
    let future_before = (clause_start.max(first.saturating_sub(6))..first)
        .any(|j| view.lexicon.temporal.future_marker_at(&view.folded, j));
    let future_after = candidate.noun
        && (end..clause_end).any(|j| view.lexicon.temporal.future_marker_at(&view.folded, j));
    if future_before || future_after {
        candidate.status = Status::Planned;
    }

    // The reach of this trigger to the right: up to the next trigger or a hard stop.
    let hard_stop = (end..tokens.len())
        .find(|&j| matches!(tokens[j].text, ";" | ":" | "(" | "“" | "\""))
        .unwrap_or(tokens.len());
    let reach_end = next_trigger.min(end + 20).min(hard_stop);
    let actor_of = |m: &NameMention| m.entity.actor().map(str::to_string);

    // The initiator.
    let mut main: Option<String> = None;
    let mut generic_subject = false;
    let mut unknown_agent = false;
    // "claims by Russian officials", "was made by Kirill Dmitriev", "a visit by a senior Russian official"
    if let Some(by) = (end..(end + 4).min(reach_end)).find(|&j| view.folded[j] == "by") {
        let mut j = by + 1;
        while j < reach_end
            && j <= by + 3
            && view.name_at(j).is_none()
            && tokens[j].is_word()
            && !tokens[j].is_capitalized()
        {
            j += 1;
        }
        if let Some(m) = view.names.iter().find(|m| m.first == j) {
            main = actor_of(m);
            candidate.anchored |= main.is_some();
        } else if tokens.get(j).is_some_and(|t| t.is_capitalized()) {
            // "an attack by SPLA-IO fighters": an attacker is named, one we do not
            // know; the sentence's subject is not it.
            unknown_agent = true;
        }
    }
    if main.is_none() && candidate.noun {
        // "Dmitriev's visit", "his recent visit", "US-Russia talks", "the Moscow meeting"
        let mut j = first;
        while j > previous_end && j + 4 > first {
            j -= 1;
            if tokens[j].is_clause_break() {
                break;
            }
            if is_possessive(&view.folded, j) && j > 0 {
                main = match view.name_ending_at(j) {
                    Some(owner) => actor_of(owner),
                    None if matches!(view.folded[j - 1].as_str(), "he" | "she") => {
                        memory.salient_person()
                    }
                    None => None,
                };
                break;
            }
            if matches!(view.folded[j].as_str(), "his" | "her") {
                main = memory.salient_person();
                break;
            }
            if let Some(m) = view
                .name_ending_at(j + 1)
                .filter(|m| m.end == first || !governed(view, m))
            {
                if let Some(actor) = actor_of(m) {
                    let mut co = Vec::new();
                    main = Some(with_coordinated(view, m, actor.clone(), &mut co));
                    for other in co {
                        push_unique(&mut candidate.actors, other);
                    }
                    // "US-Russia talks": both sides of the hyphen.
                    if m.first >= 2 && tokens[m.first - 1].text == "-" {
                        if let Some(other) = view.name_ending_at(m.first - 1).and_then(actor_of) {
                            main = Some(other);
                            push_unique(&mut candidate.actors, actor);
                        }
                    }
                    break;
                }
                if m.entity.is_local_place() && m.end == first {
                    candidate.place = m.entity.place().map(str::to_string);
                    candidate.anchored = true;
                }
            }
        }
    }
    // The other side: "with X", "between X and Y", "involving X", the object of "meet".
    // A statement has no other side: "relations with the United States" is its content.
    let mut others = Vec::new();
    let mut participants_named = false;
    let mut opener = None;
    if candidate.kind != Kind::Statement {
        opener = (end..reach_end)
            .find(|&k| events.participants.contains(&view.folded[k]) && view.folded[k] != "and");
        let verb_object = candidate.kind == Kind::Meeting && !candidate.noun;
        if candidate.needs_object && object_at(view, end).is_none() {
            return;
        }
        let from = match (verb_object, opener) {
            (true, _) => Some(end),
            (false, Some(k)) => Some(k + 1),
            (false, None) => None,
        };
        if let Some(mut j) = from {
            while j < reach_end {
                if let Some(m) = view.name_at(j) {
                    if let Some(actor) = actor_of(m) {
                        others.push(actor);
                        participants_named = true;
                    }
                    j = m.end;
                    continue;
                }
                if matches!(view.folded[j].as_str(), "in" | "on" | "at")
                    || view.folded[j] == "to" && candidate.noun
                {
                    break;
                }
                j += 1;
            }
        }
    }
    // "talks between X and Y" names both sides; otherwise the initiator is the subject
    // of the verb, or for a noun the subject of the verb that governs it ("Russian
    // forces launched a missile attack", "Zelensky, after a meeting with Macron").
    let mut co_subjects = Vec::new();
    let both_sides_named =
        candidate.noun && opener.is_some_and(|k| view.folded[k] == "between") && others.len() >= 2;
    // A statement noun has no verb subject ("the interview"), and an unknown agent
    // after "by" is not the subject either.
    let subject_speaks = !(candidate.noun && candidate.kind == Kind::Statement);
    if main.is_none() && !unknown_agent && !both_sides_named && subject_speaks {
        main = find_subject(view, first, memory, &mut generic_subject, &mut co_subjects);
    }
    if main.is_none() && !others.is_empty() {
        main = Some(others.remove(0));
    }
    if generic_subject && candidate.kind == Kind::Statement {
        // "Analysts note ...": commentary, whoever else the sentence names.
        main = None;
        others.clear();
        candidate.actors.clear();
    }
    if let Some(m) = main {
        if memory.people.contains(&m) {
            memory.last_actor_person = Some(m.clone());
        }
        candidate.actors.insert(0, m);
    }
    // Coordinated subjects strike or speak together; of a meeting or an agreement
    // they are its two sides, so the first leads and the rest are counterparts.
    let symmetric = matches!(candidate.kind, Kind::Meeting | Kind::Agreement);
    // Who "both sides" are next: the subjects named together, or a meeting's sides.
    let sides = candidate.actors.len() + others.len() + co_subjects.len();
    if !co_subjects.is_empty() || symmetric && sides >= 2 {
        let mut group = candidate.actors.clone();
        let with = if symmetric { others.as_slice() } else { &[] };
        for side in co_subjects.iter().chain(with) {
            push_unique(&mut group, side.clone());
        }
        memory.last_pair = group;
    }
    for actor in co_subjects {
        if symmetric {
            push_unique(&mut candidate.counterparts, actor);
        } else {
            push_unique(&mut candidate.actors, actor);
        }
    }
    if symmetric && candidate.actors.len() > 1 {
        let mut moved = candidate.actors.split_off(1);
        moved.append(&mut candidate.counterparts);
        for side in moved {
            push_unique(&mut candidate.counterparts, side);
        }
    }
    for other in others {
        if !candidate.actors.contains(&other) {
            push_unique(&mut candidate.counterparts, other);
        }
    }
    if candidate.kind == Kind::Statement {
        if let Some(addressee) = addressee(view, first, end) {
            if !candidate.actors.contains(&addressee) {
                push_unique(&mut candidate.counterparts, addressee);
            }
        }
    }

    // Where: "in Miami", "visit to Washington", "strike on Kyiv"; a statement only "in X" or "at X".
    if candidate.place.is_none() {
        let statement = candidate.kind == Kind::Statement;
        let limit = if statement {
            (end + 3).min(reach_end)
        } else {
            reach_end
        };
        for j in end..limit {
            let Some(m) = view.names.iter().find(|m| m.first == j) else {
                continue;
            };
            let Some(place) = m.entity.place() else {
                continue;
            };
            let b = governing_word(view, j, end);
            let before = view.folded[b].as_str();
            let locative = if statement {
                matches!(before, "in" | "at")
            } else {
                events.locative.contains(before)
            };
            let target = candidate.kind == Kind::Strike && events.target.contains(before);
            // "shelled El Fasher", "shelled the city of Horlivka": the object of a
            // strike verb is where it hit.
            let object = candidate.kind == Kind::Strike
                && !candidate.noun
                && b + 1 == end
                && m.entity.is_local_place();
            if locative || target || object {
                candidate.place = Some(place.to_string());
                if m.entity.is_local_place() {
                    candidate.anchored = true;
                }
                break;
            }
        }
    }
    if candidate.kind == Kind::Strike {
        if let Some(target) = strike_target(view, candidate, end, reach_end) {
            push_unique(&mut candidate.counterparts, target);
        }
    }
    if candidate.place.is_none() && candidate.kind == Kind::Meeting {
        // "visited Port Sudan": the object of a visit is where it happens.
        if let Some(m) = view
            .names
            .iter()
            .find(|m| m.first == end && !candidate.noun && m.entity.place().is_some())
        {
            candidate.place = m.entity.place().map(str::to_string);
            candidate.anchored = true;
        }
        // "travelled to Oman for talks", "arrived in Washington for discussions"
        if candidate.noun && candidate.place.is_none() {
            let subordinators = [
                "as", "while", "when", "because", "although", "though", "where", "which", "who",
                "whereas",
            ];
            let place = view.names.iter().rev().find(|m| {
                m.end <= first
                    && m.first >= clause_start.max(first.saturating_sub(8)).max(previous_end)
                    && !(m.end..first).any(|j| subordinators.contains(&view.folded[j].as_str()))
                    && m.entity.place().is_some()
                    && m.first > 0
                    && events.locative.contains(&view.folded[m.first - 1])
            });
            if let Some(m) = place {
                candidate.place = m.entity.place().map(str::to_string);
                candidate.anchored |= m.entity.is_local_place();
            }
        }
    }
    candidate.anchored |= participants_named;
    drop_represented(&mut candidate.counterparts, |side| {
        memory.country_of(side, view.lexicon)
    });
    if candidate.kind == Kind::Strike && candidate.counterparts.is_empty() {
        // "fired missiles at Tel Aviv": the target is the country the place is in.
        let attacker = candidate
            .actors
            .first()
            .map(|a| memory.country_of(a, view.lexicon));
        let target = candidate
            .place
            .as_deref()
            .and_then(|p| memory.country_of(p, view.lexicon));
        if let Some(target) = target {
            if attacker.as_ref() != Some(&Some(target.clone()))
                && candidate.actors.first() != Some(&target)
            {
                candidate.counterparts.push(target);
            }
        }
    }
}

/// The word that governs the name at `j`, seen through "the" and through "the
/// (southern) town of" ("in the Russian city of Ryazan" → "in"); not before `floor`.
pub(super) fn governing_word(view: &SentenceView<'_, '_>, j: usize, floor: usize) -> usize {
    let mut b = j - 1;
    let gazetteer = &view.lexicon.gazetteer;
    if b > floor && view.folded[b] == "of" && gazetteer.is_settlement(&view.folded[b - 1]) {
        b -= 1;
        // Adjectives and demonyms before the settlement word: "the southern Lebanese town".
        while b > floor
            && (view.tokens[b - 1].is_word() && !view.tokens[b - 1].is_capitalized()
                || view.name_ending_at(b).is_some())
            && !view
                .lexicon
                .events
                .prepositions
                .contains(&view.folded[b - 1])
            && view.folded[b - 1] != "the"
        {
            b -= 1;
        }
        b -= 1;
    }
    if b >= floor && view.folded[b] == "the" {
        b -= 1;
    }
    b
}

/// The named actor a verb takes as its object ("received US envoy Morgan Ortagus",
/// "accused Azerbaijani troops"): the first name within a few words, with only
/// determiners, title words or qualifiers before it.
pub(super) fn object_at<'v>(view: &'v SentenceView<'_, '_>, end: usize) -> Option<&'v NameMention> {
    let mut j = end;
    while j < view.tokens.len() && j < end + 4 {
        if let Some(m) = view.names.iter().find(|m| m.first == j) {
            return m.entity.actor().is_some().then_some(m);
        }
        let token = &view.tokens[j];
        let filler = is_determiner(&view.folded[j])
            || token.is_word() && token.is_capitalized()
            || view.lexicon.gazetteer.is_title(&view.folded[j]);
        if !filler {
            return None;
        }
        j += 1;
    }
    None
}

/// Who a statement is aimed at: the object of "accused", "warned", "urged".
pub(super) fn addressee(view: &SentenceView<'_, '_>, first: usize, end: usize) -> Option<String> {
    let verb = view.folded[first..end].join(" ");
    if !view.lexicon.events.addressee_verbs.contains(&verb) {
        return None;
    }
    object_at(view, end).and_then(|m| m.entity.actor().map(str::to_string))
}

/// The side a strike hits, when the text names it: "bombed Cambodian positions",
/// "air strikes on Houthi targets", "struck 40 Hamas targets". A name after "by" is
/// the attacker, and a place is not a side.
pub(super) fn strike_target(
    view: &SentenceView<'_, '_>,
    candidate: &Candidate,
    end: usize,
    reach_end: usize,
) -> Option<String> {
    let events = &view.lexicon.events;
    let mut j = end;
    while j < reach_end {
        if view.folded[j] == "by" || view.folded[j] == "with" {
            return None;
        }
        if let Some(m) = view.names.iter().find(|m| m.first == j) {
            let preposition = j
                .checked_sub(1)
                .map(|p| view.folded[p].as_str())
                .filter(|w| events.prepositions.contains(*w));
            let object = preposition.is_none_or(|p| events.target.contains(p) || p == "on");
            if let (Some(actor), true) = (m.entity.actor(), object) {
                if m.entity.class != EntityClass::Person
                    && candidate.actors.iter().all(|a| a != actor)
                {
                    return Some(actor.to_string());
                }
            }
            j = m.end;
            continue;
        }
        j += 1;
    }
    None
}
