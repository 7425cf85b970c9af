//! Where an event happens, and the country a strike hit.

use super::gazetteer::EntityClass;
use super::memory::ArticleMemory;
use super::view::{Candidate, Reach, SentenceView};
use crate::model::Kind;

/// Where: "in Miami", "visit to Washington", "strike on Kyiv"; a statement only "in
/// X" or "at X"; a meeting also where its visitor went.
pub(super) fn locate(candidate: &mut Candidate, view: &SentenceView<'_, '_>, reach: &Reach) {
    if candidate.place.is_none() {
        place_after(candidate, view, reach);
    }
    if candidate.place.is_none() && candidate.kind == Kind::Meeting {
        meeting_place(candidate, view, reach);
    }
    // (A meeting, agreement or act with no one named is not pinned down by the
    // scene alone.)
    let named_or_strike = !candidate.actors.is_empty() || candidate.kind == Kind::Strike;
    if candidate.place.is_none() && candidate.kind != Kind::Statement && named_or_strike {
        opening_place(candidate, view);
    }
}

/// "In Kharkiv, Russian missiles hit an apartment block": a place that opens the
/// sentence, before a comma, sets the scene of the acts its main clause reports.
/// (Where a statement was made, outlets rarely mean by it.)
fn opening_place(candidate: &mut Candidate, view: &SentenceView<'_, '_>) {
    if !matches!(view.folded.first().map(String::as_str), Some("in" | "at")) {
        return;
    }
    let Some(m) = view.name_starting_at(1) else {
        return;
    };
    let Some(place) = m.entity.place() else {
        return;
    };
    // With no one named, only a town or site pins the act down: "In Pakistan, five
    // soldiers were killed" is a toll, not an attack of its own.
    let pins = !candidate.actors.is_empty() || m.entity.is_local_place();
    if pins && view.tokens.get(m.end).is_some_and(|t| t.text == ",") && candidate.first > m.end {
        candidate.place = Some(place.to_string());
    }
}

fn place_after(candidate: &mut Candidate, view: &SentenceView<'_, '_>, reach: &Reach) {
    let events = &view.lexicon.events;
    let end = candidate.end;
    if candidate.kind == Kind::Strike && candidate.noun {
        if let Some(place) = place_shaken(view, end, reach.end) {
            candidate.place = Some(place);
            candidate.pinned = true;
            return;
        }
    }
    let statement = candidate.kind == Kind::Statement;
    let limit = if statement {
        (end + 3).min(reach.end)
    } else {
        reach.end
    };
    for j in end..limit {
        let Some(m) = view.name_starting_at(j) else {
            continue;
        };
        let Some(place) = m.entity.place() else {
            continue;
        };
        let b = governing_word(view, j, end);
        if in_subject_of_another_verb(view, end, b, m.end) {
            continue;
        }
        let before = view.folded[b].as_str();
        let locative = if statement {
            matches!(before, "in" | "at")
        } else {
            events.locative.contains(before)
        };
        let target = candidate.kind == Kind::Strike
            && (events.target.contains(before)
                || candidate.noun
                    && !candidate.actors.is_empty()
                    && b == end
                    && before == "of"
                    && events.capture_nouns.contains(&view.folded[end - 1]));
        // "in Kazakhstan's largest city, Almaty": the city the country's name leads
        // to is where.
        let city = settlement_named_after(view, m);
        // "shelled El Fasher", "shelled the city of Horlivka": the object of a
        // strike verb is where it hit.
        let object = candidate.kind == Kind::Strike
            && !candidate.noun
            && (m.entity.is_local_place() || city.is_some())
            && (b + 1 == end || object_of_verb(view, end, j));
        if locative || target || object {
            candidate.place = Some(city.unwrap_or(place).to_string());
            if city.is_some()
                || m.entity.is_local_place()
                || target && owned_site_after(view, m.end)
            {
                candidate.pinned = true;
            }
            break;
        }
    }
}

/// "Two car bomb explosions at the ministry rocked the capital Mogadishu": a blast
/// or an attack that shook or hit a settlement, named as the object of a verb of
/// shaking after the event noun, happened there. The first such verb of the
/// clause, its object a local place after only lowercase words.
fn place_shaken(view: &SentenceView<'_, '_>, end: usize, limit: usize) -> Option<String> {
    let events = &view.lexicon.events;
    let verb = (end..limit.min(end + SHAKEN_VERB_REACH))
        .take_while(|&j| !view.is_break(j))
        .find(|&j| events.shaking_verbs.contains(&view.folded[j]))?;
    // Lowercase words and commas before the place; "the Somali capital
    // Mogadishu": a demonym qualifies the settlement noun.
    let local = |m: &super::view::NameMention| {
        m.entity
            .is_local_place()
            .then(|| m.entity.place())
            .flatten()
            .map(str::to_string)
    };
    let mut j = verb + 1;
    while j < limit {
        match view.name_starting_at(j) {
            Some(m) if m.entity.class == EntityClass::Demonym && m.end < limit => {}
            Some(m) => return local(m),
            None => {
                let lowercase = view.tokens[j].is_word() && !view.tokens[j].is_capitalized();
                if !(lowercase || view.tokens[j].text == ",")
                    || events.prepositions.contains(&view.folded[j])
                {
                    return None;
                }
            }
        }
        j += 1;
    }
    // (A name may start where the reach ends.)
    view.name_starting_at(j).and_then(local)
}

/// Words after an event noun within which its verb of shaking may stand: "explosions
/// at Somalia's education ministry rocked" puts it six on.
const SHAKEN_VERB_REACH: usize = 8;

/// "Xi's visit comes just after the International Criminal Court in The Hague
/// issued a warrant": a place qualifying a body's name, with that body the subject
/// of a verb right after the place, says where the body sits, not where the event
/// before them happened.
fn in_subject_of_another_verb(
    view: &SentenceView<'_, '_>,
    trigger_end: usize,
    preposition: usize,
    place_end: usize,
) -> bool {
    preposition > trigger_end
        && view
            .name_ending_at(preposition)
            .is_some_and(|owner| owner.entity.place().is_none())
        && view.tokens.get(place_end).is_some_and(|t| {
            t.is_word()
                && !t.is_capitalized()
                && view.lexicon.temporal.is_past_tense(&view.folded[place_end])
        })
}

/// Up to this many tokens may stand between a possessive and the settlement noun it
/// owns ("Kazakhstan's largest city", "Ukraine's second-biggest city").
const SETTLEMENT_MODIFIERS: usize = 3;

/// "Kazakhstan's largest city, Almaty", "Burkina Faso's capital of Ouagadougou": a
/// possessive after the country's name, a settlement noun after a few lowercase
/// modifiers, then (after a comma or "of") the local place it names; or "Iran's
/// capital" alone, the capital the gazetteer knows.
fn settlement_named_after<'v>(
    view: &'v SentenceView<'_, '_>,
    country: &super::view::NameMention,
) -> Option<&'v str> {
    let end = country.end;
    let gazetteer = &view.lexicon.gazetteer;
    // "the West Bank city of Jenin", "the Gaza town of Rafah": a region's name
    // standing before the town noun, as an adjective would.
    if !crate::text::is_possessive(&view.folded, end) {
        let attributive = country.first > 0
            && view.folded[country.first - 1] == "the"
            && view
                .folded
                .get(end)
                .is_some_and(|w| gazetteer.is_town_word(w))
            && view.folded.get(end + 1).is_some_and(|w| w == "of");
        if !attributive {
            return None;
        }
        return view
            .name_starting_at(end + 2)
            .filter(|city| city.entity.is_local_place())
            .and_then(|city| city.entity.place());
    }
    // "Iraq's northern Kurdish regional capital of Erbil": a capitalised adjective
    // is a modifier too, unless it starts a name.
    let demonym = |j: usize| {
        view.names.iter().all(|m| m.first != j)
            || view
                .names
                .iter()
                .any(|m| m.first == j && m.end == j + 1 && m.entity.class == EntityClass::Demonym)
    };
    let noun = (end + 2..view.tokens.len())
        .take(SETTLEMENT_MODIFIERS + 1)
        .take_while(|&j| {
            view.tokens[j].is_word() && (!view.tokens[j].is_capitalized() || demonym(j))
                || view.tokens[j].text == "-"
        })
        .find(|&j| gazetteer.is_town_word(&view.folded[j]))?;
    let mut next = noun + 1;
    if view.tokens.get(next).is_some_and(|t| t.text == ",")
        || view.folded.get(next).is_some_and(|w| w == "of")
    {
        next += 1;
    }
    match view.name_starting_at(next) {
        Some(city) => city.entity.place().filter(|_| city.entity.is_local_place()),
        None if noun == end + 2 && view.folded[noun] == "capital" => {
            gazetteer.capital_of(&country.entity.name)
        }
        None => None,
    }
}

/// Up to this many words may stand between a possessive and the site it owns
/// ("Chad's presidential palace", "Iran's main nuclear facilities").
const SITE_MODIFIERS: usize = 2;

/// "Chad's presidential palace": a possessive after the name at `end`, then a site
/// of `facility_words` after a few lowercase modifiers.
fn owned_site_after(view: &SentenceView<'_, '_>, end: usize) -> bool {
    if !crate::text::is_possessive(&view.folded, end) {
        return false;
    }
    let gazetteer = &view.lexicon.gazetteer;
    (end + 2..view.tokens.len())
        .take(SITE_MODIFIERS + 1)
        .take_while(|&j| view.tokens[j].is_word() && !view.tokens[j].is_capitalized())
        .any(|j| gazetteer.is_facility(&view.folded[j]))
}

/// Up to this many words may stand between a strike verb and the place that is its
/// object ("captured the entire Idlib Governorate").
const OBJECT_MODIFIERS: usize = 3;

/// Whether the name at `j` is the object of the strike verb ending at `end`: only an
/// article and lowercase modifiers between ("captured the entire Idlib Governorate"),
/// or "of" after a verb of control ("seized control of Damascus").
fn object_of_verb(view: &SentenceView<'_, '_>, end: usize, j: usize) -> bool {
    let prepositions = &view.lexicon.events.prepositions;
    let control_of = j == end + 1 && view.folded[end] == "of" && view.folded[end - 1] == "control";
    control_of
        || (j - end <= OBJECT_MODIFIERS
            && (end..j).all(|k| {
                view.tokens[k].is_word()
                    && !view.tokens[k].is_capitalized()
                    && !prepositions.contains(&view.folded[k])
            }))
}

fn meeting_place(candidate: &mut Candidate, view: &SentenceView<'_, '_>, reach: &Reach) {
    let (first, end) = (candidate.first, candidate.end);
    // "visited Port Sudan": the object of a visit is where it happens.
    if let Some(m) = view
        .names
        .iter()
        .find(|m| m.first == end && !candidate.noun && m.entity.place().is_some())
    {
        candidate.place = m.entity.place().map(str::to_string);
        candidate.pinned = true;
    }
    // "travelled to Oman for talks", "arrived in Washington for discussions"
    if candidate.noun && candidate.place.is_none() {
        let events = &view.lexicon.events;
        let place = view.names.iter().rev().find(|m| {
            m.end <= first
                && m.first
                    >= reach
                        .clause_start
                        .max(first.saturating_sub(8))
                        .max(reach.previous_end)
                && !(m.end..first).any(|j| events.subordinators.contains(&view.folded[j]))
                && m.entity.place().is_some()
                && m.first > 0
                && events.locative.contains(&view.folded[m.first - 1])
        });
        if let Some(m) = place {
            candidate.place = m.entity.place().map(str::to_string);
            candidate.pinned |= m.entity.is_local_place();
        }
    }
}

/// "agreed at their summit in The Hague": what is done at a meeting happens where
/// the meeting is.
pub(super) fn share_meeting_place(candidates: &mut [Candidate], view: &SentenceView<'_, '_>) {
    for index in 1..candidates.len() {
        let (before, after) = candidates.split_at_mut(index);
        let (previous, meeting) = (&mut before[index - 1], &after[0]);
        let at_meeting = meeting.kind == Kind::Meeting
            && meeting.noun
            && (previous.end..meeting.first).any(|j| view.folded[j] == "at")
            && meeting.first - previous.end <= 4;
        if at_meeting && previous.place.is_none() {
            previous.place = meeting.place.clone();
        }
    }
}

/// "fired missiles at Tel Aviv": a strike with no named target hit the country its
/// place is in, unless that is the attacker's own.
pub(super) fn target_country(
    candidate: &mut Candidate,
    view: &SentenceView<'_, '_>,
    memory: &ArticleMemory,
) {
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

/// The word that governs the name at `j`, seen through "the" and through "the
/// (southern) town of" ("in the Russian city of Ryazan" → "in"); not before `floor`.
fn governing_word(view: &SentenceView<'_, '_>, j: usize, floor: usize) -> usize {
    let mut b = j - 1;
    let gazetteer = &view.lexicon.gazetteer;
    // "in the Somali capital Mogadishu", "in the Somali capital, Mogadishu": the
    // settlement word in apposition stands where "of" would.
    if b > floor + 1 && view.folded[b] == "," && gazetteer.is_settlement(&view.folded[b - 1]) {
        b -= 1;
    }
    let apposed = b > floor && gazetteer.is_settlement(&view.folded[b]);
    let of_settlement =
        b > floor && view.folded[b] == "of" && gazetteer.is_settlement(&view.folded[b - 1]);
    if apposed || of_settlement {
        if of_settlement {
            b -= 1;
        }
        // Adjectives and demonyms before the settlement word: "the southern Lebanese
        // town", "the Mediterranean coastal town", "the rebel-held town", a few words
        // at most (a hyphen inside a compound is no word of its own).
        let settlement_word = b;
        let hyphen = |k: usize| view.tokens[k].text == "-" && k > floor;
        let mut hyphens = 0;
        while b > floor
            && settlement_word - b <= SETTLEMENT_MODIFIERS + hyphens
            && (view.tokens[b - 1].is_word()
                || view.name_ending_at(b).is_some()
                || hyphen(b - 1) && view.tokens[b - 2].is_word())
            && !view
                .lexicon
                .events
                .prepositions
                .contains(&view.folded[b - 1])
            && view.folded[b - 1] != "the"
        {
            hyphens += usize::from(hyphen(b - 1));
            b -= 1;
        }
        b -= 1;
    }
    // "in Northwest Niger", "in northern Mali": a side of the country before it.
    while b > floor && gazetteer.is_compass_word(&view.folded[b]) {
        b -= 1;
    }
    if b >= floor && view.folded[b] == "the" {
        b -= 1;
    }
    b
}
