//! Who takes part in an event, how it stands (occurred or planned) and where.

use super::doers::{
    agent_by, carried_out, claim_of_own_act_before, doer_of_means, holder_after,
    is_reporter_pronoun, judged_noun, may_be_claimed, parties_of_occasion, pronoun_doer_reporter,
    striker_of_occasion, Agent,
};
use super::gazetteer::EntityClass;
use super::memory::ArticleMemory;
use super::place::{locate, share_meeting_place, target_country};
use super::sides::{drop_represented, push_unique};
use super::speaker::{object_of_speech, quoted_first_person, reporter_of_clause, speaker};
use super::subject::{find_subject, governed, pins_noun, with_coordinated, PINNED_NOUN_REACH};
use super::view::{actor_of, Candidate, NameMention, Reach, SentenceView};
use crate::model::{Kind, Status};
use crate::text::is_possessive;

/// The other side, named after the trigger.
struct OtherSide {
    names: Vec<String>,
    /// The word that opens the list ("with", "between").
    opener: Option<usize>,
}

/// Work out each candidate in turn; then what is done at a meeting happens where
/// the meeting is.
pub(super) fn describe_all(
    candidates: &mut [Candidate],
    view: &SentenceView<'_, '_>,
    memory: &mut ArticleMemory,
) {
    let boundaries: Vec<(usize, usize)> = candidates.iter().map(|c| (c.first, c.end)).collect();
    for (index, candidate) in candidates.iter_mut().enumerate() {
        let next_trigger = boundaries.get(index + 1).map_or(view.tokens.len(), |b| b.0);
        let previous_trigger_end = index.checked_sub(1).map_or(0, |p| boundaries[p].1);
        analyse(candidate, view, memory, previous_trigger_end, next_trigger);
        // A name mentioned after this trigger may be the subject of the next one.
        memory.remember_last_person(&view.names, next_trigger);
    }
    share_meeting_place(candidates, view);
    // "The guard was shot as gunmen stormed the hotel": where the sentence reports
    // another strike, that strike is the act, and the person hit makes no strike of
    // their own.
    let strikes = candidates.iter().filter(|c| c.kind == Kind::Strike).count();
    for candidate in candidates.iter_mut() {
        if strikes > 1 {
            candidate.victim = None;
        } else if let Some(victim) = candidate.victim.clone() {
            // The person hit leads the targets ("Makuku was shot dead while
            // resisting the attackers").
            if !candidate.actors.contains(&victim) {
                candidate.counterparts.retain(|c| c != &victim);
                candidate.counterparts.insert(0, victim);
            }
        }
    }
}

/// Work out status, actors and place of one trigger.
fn analyse(
    candidate: &mut Candidate,
    view: &SentenceView<'_, '_>,
    memory: &mut ArticleMemory,
    previous_end: usize,
    next_trigger: usize,
) {
    let reach = Reach::of(candidate, view, previous_end, next_trigger);
    mark_planned(candidate, view, &reach);
    let mut agent = agent_by(candidate, view, &reach);
    let occasion = (agent.main.is_none() && candidate.noun && candidate.kind == Kind::Meeting)
        .then(|| parties_of_occasion(candidate, view))
        .flatten();
    if agent.main.is_none() && candidate.noun && candidate.kind == Kind::Strike {
        if let Some(striker) = striker_of_occasion(candidate, view) {
            agent.main = Some(striker);
            candidate.pinned = true;
        }
    }
    if let Some((subject, _)) = &occasion {
        agent.main = Some(subject.clone());
    }
    if agent.main.is_none() && candidate.noun {
        agent.main = owner_before(candidate, view, memory, previous_end);
    }
    if agent.main.is_none() && candidate.noun && candidate.kind == Kind::Meeting {
        if let Some((body, co)) = body_meeting(candidate, view) {
            agent.main = Some(body);
            if let Some(co) = co {
                push_unique(&mut candidate.actors, co);
            }
            candidate.pinned = true;
        }
    }
    let Some(others) = other_side(candidate, view, &reach) else {
        return;
    };
    let participants_named = !others.names.is_empty() || occasion.is_some();
    assign_sides(candidate, view, memory, agent, others);
    if let Some((_, Some(object))) = occasion {
        if !candidate.actors.contains(&object) {
            push_unique(&mut candidate.counterparts, object);
        }
    }
    if candidate.noun && !candidate.actors.is_empty() {
        if let Some(verb) = carried_out(candidate, view) {
            candidate.pinned = true;
            // "decided to expel ... after announcing the withdrawal of its envoy":
            // who announced it, as the parse finds them, did it.
            let announcing = view.lexicon.events.announcing_verbs_of(candidate.kind);
            if view.any_phrase(verb, announcing) {
                if let Some((announcer, co)) = speaker(view, verb) {
                    candidate.actors = std::iter::once(announcer).chain(co).collect();
                }
            }
        }
    }
    locate(candidate, view, &reach);
    if candidate.actors.is_empty() {
        if let Some(state) = custodian(candidate, view, memory) {
            candidate.actors.push(state);
        }
    }
    super::unnamed::name_unnamed_doer(candidate, view, memory);
    if candidate.kind == Kind::Strike {
        if let Some(target) = strike_target(view, candidate, candidate.end, reach.end) {
            push_unique(&mut candidate.counterparts, target);
        }
    }
    candidate.pinned |= participants_named;
    drop_represented(&mut candidate.counterparts, |side| {
        memory.country_of(side, view.lexicon)
    });
    if candidate.kind == Kind::Strike && candidate.counterparts.is_empty() {
        target_country(candidate, view, memory);
    }
    name_armed_forces(candidate, view, memory);
    // The fighters' name counts for their body wherever sides are compared.
    if let Some(body) = candidate.actors.first().cloned() {
        if let Some(fighters) = memory.fighters_of.get(&body).cloned() {
            memory.affiliations.insert(fighters.clone(), body);
            push_unique(&mut candidate.actors, fighters);
        }
    }
}

/// "Sudan's military said it retook the palace", "the Sudanese army shelled the
/// town": a state that acts through its armed forces has them named too, in the
/// text's word for them. In a civil war or a coup the army is one side of the
/// fighting, not the whole state, and readers look for it by that name. So with a
/// legislature ("South Korea's parliament impeached the president"). The name
/// counts for its state wherever sides are compared.
fn name_armed_forces(
    candidate: &mut Candidate,
    view: &SentenceView<'_, '_>,
    memory: &mut ArticleMemory,
) {
    let Some(state) = candidate.actors.first().cloned() else {
        return;
    };
    let events = &view.lexicon.events;
    // "Benin's government said its armed forces had foiled a coup attempt": the
    // forces a pronoun gives to the state found for the verb are named too.
    if !candidate.noun && memory.country_of(&state, view.lexicon).as_deref() == Some(state.as_str())
    {
        let j = view.before_auxiliaries(candidate.first);
        let owned_forces = j >= 2
            && events.armed_forces.contains(&view.folded[j - 1])
            && (j.saturating_sub(3)..j - 1)
                .any(|k| matches!(view.folded[k].as_str(), "its" | "their"));
        if owned_forces {
            let demonym = view.lexicon.gazetteer.demonym_of(&state).unwrap_or(&state);
            let forces = format!("{demonym} {}", view.folded[j - 1]);
            memory.affiliations.insert(forces.clone(), state);
            push_unique(&mut candidate.actors, forces);
            return;
        }
    }
    let Some(mention) = view
        .names
        .iter()
        .rev()
        .find(|m| m.end <= candidate.first && m.entity.actor() == Some(state.as_str()))
    else {
        return;
    };
    if !matches!(
        mention.entity.class,
        EntityClass::Country | EntityClass::Demonym
    ) {
        return;
    }
    let named_organ =
        |w: &String| events.armed_forces.contains(w) || events.legislatures.contains(w);
    // "the Nigerien army" may be one name already; "Sudan's military" is two.
    let after = if is_possessive(&view.folded, mention.end) {
        mention.end + 2
    } else {
        mention.end
    };
    let Some(word) = [mention.end - 1, after]
        .into_iter()
        .filter_map(|k| view.folded.get(k))
        .find(|w| named_organ(w))
    else {
        return;
    };
    let demonym = view.lexicon.gazetteer.demonym_of(&state).unwrap_or(&state);
    let forces = format!("{demonym} {word}");
    memory.affiliations.insert(forces.clone(), state);
    push_unique(&mut candidate.actors, forces);
}

/// Words before a passive "deployed" within which its subject stands.
const DEPLOYED_SUBJECT_WORDS: usize = 4;

/// "11 people have been detained, Putin said", "The suspects were arrested in
/// Russia's Bryansk region", "a curfew was imposed in Lahore", "troops were
/// deployed in Pakistan's capital": a measure of state power (an arrest, a charge,
/// a sentence, a deployment, emergency rule, a ban) in the passive with no agent is
/// the act of the state of whoever reports it, else of the state where it happened,
/// else (an arrest or a charge) of the state the article names most.
/// Forces deployed whose state is named with them ("US troops were deployed to
/// Poland") are that state's.
fn custodian(
    candidate: &Candidate,
    view: &SentenceView<'_, '_>,
    memory: &ArticleMemory,
) -> Option<String> {
    let events = &view.lexicon.events;
    if candidate.kind != Kind::Action || candidate.noun || !view.is_passive(candidate.first) {
        return None;
    }
    let trigger = &view.folded[candidate.first];
    let in_modes = |names: &[&str], word: &String| {
        events.modes.get(&Kind::Action).is_some_and(|modes| {
            modes
                .modes
                .iter()
                .filter(|mode| names.contains(&mode.name.as_str()))
                .any(|mode| mode.words.iter().any(|w| w.len() == 1 && &w[0] == word))
        })
    };
    // An arrest, or a charge, sentence or verdict ("was charged with treason").
    // ("was taken into custody": the arrest is named by what the verb acts on.)
    let custodial = in_modes(&["arrest", "prosecution"], trigger)
        || candidate
            .acted_on
            .is_some_and(|object| in_modes(&["arrest"], &view.folded[object]));
    let deployment = in_modes(&["deployment"], trigger);
    // Emergency rule or a network cut, named by what the verb acts on ("a curfew
    // was imposed", "mobile broadband has been suspended").
    let measure = candidate
        .acted_on
        .is_some_and(|object| in_modes(&["emergency", "ban"], &view.folded[object]));
    if !(custodial || deployment || measure) {
        return None;
    }
    // "citizens who were detained in Iran ... are now en route to Doha": a relative
    // clause tells of the arrest as background, and the places of the sentence are
    // its main clause's.
    let j = view.before_auxiliaries(candidate.first);
    if j > 0 && matches!(view.folded[j - 1].as_str(), "who" | "which" | "that") {
        return None;
    }
    // "Al-Tanf base, where US forces are deployed", "before a multinational force
    // is deployed": forces somewhere as background, or sent in time to come.
    if deployment
        && (j.saturating_sub(DEPLOYED_SUBJECT_WORDS)..j).any(|k| {
            matches!(
                view.folded[k].as_str(),
                "where" | "which" | "who" | "that" | "when" | "before" | "until" | "once" | "if"
            )
        })
    {
        return None;
    }
    let state_of = |name: &str| {
        memory.country_of(name, view.lexicon).or_else(|| {
            let country = view.lexicon.gazetteer.demonym_of(name).is_some();
            country.then(|| name.to_string())
        })
    };
    // "US troops were deployed": the forces' own state sent them.
    if deployment && j > 0 && events.armed_forces.contains(&view.folded[j - 1]) {
        let owner = view
            .names
            .iter()
            .rev()
            .find(|m| m.end == j - 1 || m.end + 2 == j - 1 && is_possessive(&view.folded, m.end))
            .and_then(|m| m.entity.actor().map(str::to_string));
        if let Some(owner) = owner {
            return state_of(&owner).or(Some(owner));
        }
    }
    // The reporter: the subject of the verb of speech before it, by the parse or by
    // word order (the parse may hang a long reported clause elsewhere); else of one
    // after it ("..., Islamabad police said").
    let reporter = || {
        let verb = (0..candidate.first)
            .rev()
            .chain(candidate.end..view.folded.len())
            .find(|&j| events.speech_verb_at(&view.folded, j))?;
        speaker(view, verb).map(|(who, _)| who).or_else(|| {
            let (mut generic, mut co) = (false, Vec::new());
            find_subject(view, verb, memory, &mut generic, &mut co)
        })
    };
    // The one who announces an arrest is mostly the one who made it; a place may be
    // occupied ground ("arrested near Jenin"). With neither ("the gunman was
    // immediately arrested at the scene"), an arrest is the state's the article is
    // about: the one it has named most.
    reporter()
        .and_then(|r| state_of(&r))
        .or_else(|| candidate.place.as_deref().and_then(state_of))
        .or_else(|| custodial.then(|| memory.main_state()).flatten())
}

/// Is such a pronoun the word before the trigger, auxiliaries aside ("they had
/// struck", "it captured")?
fn subject_is_reporter_pronoun(view: &SentenceView<'_, '_>, trigger: usize) -> bool {
    let j = view.before_auxiliaries(trigger);
    j > 0 && is_reporter_pronoun(&view.folded[j - 1])
}

/// Words after a speaker's name that an appositive describing them may take
/// ("Michael Kugelman, a South Asia analyst at the Wilson Center").
const APPOSITIVE_REACH: usize = 8;

/// Is the speaker someone the article describes as an analyst, an expert and the
/// like, here ("analyst Jane Doe", "Jane Doe, a fellow at ...") or before?
fn is_commentator(view: &SentenceView<'_, '_>, memory: &mut ArticleMemory, speaker: &str) -> bool {
    if memory.commentators.contains(speaker) {
        return true;
    }
    let words = &view.lexicon.events.commentator_words;
    let describes =
        |j: usize| words.contains(&view.folded[j]) || view.folded[j].ends_with("year-old");
    // A state speaks for itself, whatever words stand near its name ("accuse Israel,
    // while Israel says the journalist ...").
    let mentions = || view.names.iter().filter(|m| m.entity.name == speaker);
    if mentions().any(|m| matches!(m.entity.class, EntityClass::Country | EntityClass::Capital)) {
        return false;
    }
    let events = &view.lexicon.events;
    let described = mentions().any(|m| {
        let before = m.first.saturating_sub(3)..m.first;
        let title = before.clone().any(describes);
        // An appositive is a noun phrase: a clause a conjunction opens is none.
        let appositive = view.tokens.get(m.end).is_some_and(|t| t.text == ",")
            && view.folded.get(m.end + 1).is_some_and(|w| {
                !events.subordinators.contains(w) && !matches!(w.as_str(), "and" | "but" | "or")
            })
            && (m.end + 1..(m.end + APPOSITIVE_REACH).min(view.tokens.len()))
                .take_while(|&j| !matches!(view.tokens[j].text, "," | "." | ";"))
                .any(describes);
        title || appositive
    });
    if described {
        memory.commentators.insert(speaker.to_string());
    }
    described
}

/// How far after an event noun a word that makes it planned may stand: "talks
/// between Israel and Lebanon will resume" puts "will" four words on.
const NOUN_PREDICATE_REACH: usize = 8;

/// A future marker shortly before in the clause, or after a noun ("talks are
/// expected"), makes the event planned.
fn mark_planned(candidate: &mut Candidate, view: &SentenceView<'_, '_>, reach: &Reach) {
    let (first, end) = (candidate.first, candidate.end);
    let temporal = &view.lexicon.temporal;
    let future_before_at = (reach.clause_start.max(first.saturating_sub(6))..first)
        .find(|&j| temporal.future_marker_at(&view.folded, j) || view.reported_future(j, first));
    // A noun's own predicate comes soon after it and before any clause that opens
    // after it ("said after talks on Thursday (that) he was ready to work on a plan
    // to end the war").
    let events = &view.lexicon.events;
    let reach_end = reach.clause_end.min(end + NOUN_PREDICATE_REACH);
    let own_clause_end = (end..reach_end)
        .find(|&j| view.folded[j] == "that" || events.subordinators.contains(&view.folded[j]))
        .unwrap_or(reach_end);
    let future_after =
        candidate.noun && (end..own_clause_end).any(|j| temporal.future_marker_at(&view.folded, j));
    // "The much-anticipated summit ... began with a warm welcome": a marker inside
    // the noun's own phrase says it was awaited; the past tense of its predicate says
    // it took place.
    let awaited_then_held = future_before_at.is_some_and(|marker| {
        let adjective = temporal.awaiting_adjectives.contains(&view.folded[marker]);
        let in_noun_phrase = adjective
            && (marker + 1..first).all(|j| {
                view.tokens[j].text == "-"
                    || view.tokens[j].is_word() && !temporal.is_past_tense(&view.folded[j])
            });
        // Its predicate may stand after the participants the noun names ("the
        // summit between US President Donald Trump and Russian leader Vladimir
        // Putin began"): the first past-tense word of its clause after it.
        let predicate_end = (end..reach.clause_end)
            .find(|&j| view.folded[j] == "that" || events.subordinators.contains(&view.folded[j]))
            .unwrap_or(reach.clause_end);
        let predicate_past = (end..predicate_end)
            .filter(|&j| view.name_at(j).is_none())
            .find(|&j| {
                temporal.is_past_tense(&view.folded[j])
                    || temporal.future_marker_at(&view.folded, j)
            })
            .is_some_and(|j| {
                temporal.is_past_tense(&view.folded[j])
                    && !matches!(view.folded[j].as_str(), "was" | "were" | "had")
            });
        candidate.noun && in_noun_phrase && predicate_past
    });
    if (future_before_at.is_some() && !awaited_then_held) || future_after {
        candidate.status = Status::Planned;
    }
}

/// Who owns an event noun: "Dmitriev's visit", "his recent visit", "US-Russia
/// talks", "the Moscow meeting" (a place there pins the noun down instead).
fn owner_before(
    candidate: &mut Candidate,
    view: &SentenceView<'_, '_>,
    memory: &ArticleMemory,
    previous_end: usize,
) -> Option<String> {
    let tokens = view.tokens;
    let first = candidate.first;
    // "Trump's Oct. 16 announcement": the words of a date between owner and noun
    // do not count against the reach.
    let date_word = |j: usize| {
        tokens[j].text == "."
            || tokens[j].text.chars().all(|c| c.is_ascii_digit())
            || view
                .lexicon
                .temporal
                .names_month_or_weekday(&view.folded[j])
    };
    let mut reach = 4;
    let mut j = first;
    while j > previous_end && j + reach > first {
        j -= 1;
        if date_word(j) {
            reach += 1;
            continue;
        }
        if tokens[j].is_clause_break() {
            break;
        }
        if is_possessive(&view.folded, j) && j > 0 {
            return match view.name_ending_at(j) {
                Some(owner) if view.owner_suffered(first, owner) => None,
                Some(owner) => actor_of(owner),
                None if matches!(view.folded[j - 1].as_str(), "he" | "she") => {
                    memory.person_for(&view.folded[j - 1], view.lexicon)
                }
                // "hailed his army's capture of Avdiivka": the army of the person
                // spoken of is their state's.
                None if j >= 2
                    && matches!(view.folded[j - 2].as_str(), "his" | "her")
                    && view
                        .lexicon
                        .events
                        .armed_forces
                        .contains(&view.folded[j - 1]) =>
                {
                    let person = memory.person_for(&view.folded[j - 2], view.lexicon)?;
                    memory.country_of(&person, view.lexicon)
                }
                None => None,
            };
        }
        if matches!(view.folded[j].as_str(), "his" | "her") {
            // "prevent his abduction", "her arrest": who suffered it.
            if view
                .lexicon
                .events
                .patient_nouns
                .contains(&view.folded[first])
            {
                return None;
            }
            return memory.person_for(&view.folded[j], view.lexicon);
        }
        let Some(m) = view
            .name_ending_at(j + 1)
            .filter(|m| m.end == first || !governed(view, m))
        else {
            continue;
        };
        // "Putin called the capture of Avdiivka a victory": a name whose verb of
        // speech stands between is its speaker, not the noun's owner; nor is one a
        // preposition parts from it ("blamed India for a blast").
        if (m.end..first).any(|k| {
            view.lexicon.events.speaks_of_at(&view.folded, k)
                || view.lexicon.events.prepositions.contains(&view.folded[k])
        }) {
            return None;
        }
        if let Some(actor) = actor_of(m) {
            // "a Security Council meeting", "the ECOWAS summit": a body's own
            // meeting, as "a meeting of the Security Council" is.
            if m.end == first
                && candidate.kind == Kind::Meeting
                && m.entity.class == EntityClass::Organisation
            {
                candidate.pinned = true;
            }
            let mut co = Vec::new();
            let mut main = with_coordinated(view, m, actor.clone(), &mut co);
            for other in co {
                push_unique(&mut candidate.actors, other);
            }
            // "US-Russia talks": both sides of the hyphen.
            if m.first >= 2 && tokens[m.first - 1].text == "-" {
                if let Some(other) = view.name_ending_at(m.first - 1).and_then(actor_of) {
                    main = other;
                    push_unique(&mut candidate.actors, actor);
                }
            }
            return Some(main);
        }
        if m.entity.is_local_place() && m.end == first {
            candidate.place = m.entity.place().map(str::to_string);
            candidate.pinned = true;
        }
    }
    None
}

/// "A meeting of the North Atlantic Council", "a session of the Security Council":
/// the body that meets.
/// Also the sides whose envoys meet: "the meeting of the Ukrainian and US
/// delegations" is Ukraine's and the United States' (the second side returned
/// apart).
fn body_meeting(
    candidate: &Candidate,
    view: &SentenceView<'_, '_>,
) -> Option<(String, Option<String>)> {
    let end = candidate.end;
    if view.folded.get(end)? != "of" {
        return None;
    }
    let at = if view.folded.get(end + 1)? == "the" {
        end + 2
    } else {
        end + 1
    };
    let body = view.name_starting_at(at)?;
    if body.entity.class == EntityClass::Organisation {
        return actor_of(body).map(|actor| (actor, None));
    }
    let state = |class: &EntityClass| matches!(class, EntityClass::Country | EntityClass::Demonym);
    if !state(&body.entity.class) {
        return None;
    }
    let representatives = &view.lexicon.events.representatives;
    let represented_at = |j: usize| {
        view.folded
            .get(j)
            .is_some_and(|w| representatives.contains(w))
    };
    let side = actor_of(body)?;
    if represented_at(body.end) {
        return Some((side, None));
    }
    // "the Ukrainian and US delegations"
    let other = (view.folded.get(body.end)? == "and")
        .then(|| view.name_starting_at(body.end + 1))
        .flatten()
        .filter(|m| state(&m.entity.class) && represented_at(m.end))?;
    Some((side, actor_of(other)))
}

/// The other side: "with X", "between X and Y", "involving X", the object of
/// "meet". A statement has no other side: "relations with the United States" is its
/// content. None when the verb needs a named object and has none.
fn other_side(
    candidate: &Candidate,
    view: &SentenceView<'_, '_>,
    reach: &Reach,
) -> Option<OtherSide> {
    let mut others = OtherSide {
        names: Vec::new(),
        opener: None,
    };
    if candidate.kind == Kind::Statement {
        return Some(others);
    }
    let end = candidate.end;
    let events = &view.lexicon.events;
    // "a phone call to his Azerbaijani counterpart, Ilham Aliyev": a call goes to
    // its other side.
    let call_to = candidate.noun
        && candidate.kind == Kind::Meeting
        && view.folded[end - 1] == "call"
        && view.folded.get(end).is_some_and(|w| w == "to");
    others.opener = if call_to {
        Some(end)
    } else {
        let reciprocal = candidate.kind != Kind::Strike
            || view.any_phrase(candidate.first, &events.reciprocal_strikes);
        (end..reach.end).find(|&k| {
            let word = view.folded[k].as_str();
            events.participants.contains(word) && word != "and" && (reciprocal || word != "with")
        })
    };
    // ("arrived in the Guinean capital": what a verb ending in "in" or "at" takes is
    // where, not whom; "spoke to" takes whom.)
    let verb_object = (candidate.kind == Kind::Meeting || candidate.needs_object)
        && !candidate.noun
        && !matches!(view.folded[end - 1].as_str(), "in" | "at");
    // "spoke on Friday with Defense Minister Yoav Gallant": a date may stand
    // between the verb and the "with" or "to" that names whom it takes.
    let object_after_preposition = || {
        (end..(end + SPOKE_WITH_REACH).min(reach.end))
            .find(|&k| matches!(view.folded[k].as_str(), "with" | "to"))
            .and_then(|k| object_at(view, k + 1))
            .is_some()
    };
    if candidate.needs_object && object_at(view, end).is_none() && !object_after_preposition() {
        return None;
    }
    let start = match (verb_object, others.opener) {
        (true, _) => end,
        (false, Some(k)) => k + 1,
        (false, None) => return Some(others),
    };
    scan_other_side(&mut others, view, candidate, reach, start, call_to);
    // "will convene a summit at the White House with the leaders of Armenia and
    // Azerbaijan": a verb whose object names nobody has its other side after "with".
    if verb_object && others.names.is_empty() {
        if let Some(opener) = others.opener {
            scan_other_side(&mut others, view, candidate, reach, opener + 1, call_to);
        }
    }
    Some(others)
}

/// How far after a verb that needs an object the "with" or "to" naming it may
/// stand: "spoke on Friday with", "spoke by phone on Tuesday to".
const SPOKE_WITH_REACH: usize = 5;

/// How far after an event's trigger the word that lists its sides may stand for
/// the capitals listed to be those sides ("a deal between London and Kyiv").
const LISTED_SIDES_REACH: usize = 1;

/// The names of the other side from token `j` on, up to the next phrase of place or
/// time ("in", "on", "at") or, after a noun, of purpose ("to").
fn scan_other_side(
    others: &mut OtherSide,
    view: &SentenceView<'_, '_>,
    candidate: &Candidate,
    reach: &Reach,
    mut j: usize,
    call_to: bool,
) {
    while j < reach.end {
        // Past an appositive's second comma, a call's other side has been named.
        if call_to && view.tokens[j].text == "," && !others.names.is_empty() {
            let appositive = view.name_starting_at(j + 1).is_some();
            if !appositive {
                others.names.truncate(1);
                break;
            }
        }
        if let Some(m) = view.name_at(j) {
            // "the negotiations, with Moscow continuing to demand concessions": a
            // clause of its own, not a side (though "with Gallant following the
            // attack" is: a preposition in -ing is no verb).
            let absolute = view.tokens.get(m.end).is_some_and(|t| {
                let word = view.folded[m.end].as_str();
                t.is_word()
                    && !t.is_capitalized()
                    && word.ends_with("ing")
                    && !view.lexicon.events.prepositions.contains(word)
                    && !view.lexicon.events.order_breaks.contains(word)
                    && word != "according"
            });
            if absolute {
                break;
            }
            // "a deal between London and Kyiv", "talks with Moscow": a capital
            // listed as a side of the event it follows is its state ("the trip ...
            // to break the deadlock between Moscow and Washington" lists none).
            let listed = m.first > 0
                && others
                    .opener
                    .is_some_and(|k| k <= candidate.end + LISTED_SIDES_REACH)
                && (Some(m.first - 1) == others.opener
                    || matches!(view.folded[m.first - 1].as_str(), "and" | ","));
            let side = match m.entity.class {
                EntityClass::Capital if listed => m.entity.country.clone(),
                _ => actor_of(m),
            };
            if let Some(actor) = side {
                // A call goes to one other side: the person, if an appositive names
                // them ("his Azerbaijani counterpart, Ilham Aliyev").
                if call_to && m.entity.class == EntityClass::Person {
                    others.names = vec![actor];
                    break;
                }
                others.names.push(actor);
            }
            j = m.end;
            continue;
        }
        // "with Gallant following the Houthi attack": a cue of order ends the list.
        if matches!(view.folded[j].as_str(), "in" | "on" | "at")
            || view.lexicon.events.order_breaks.contains(&view.folded[j])
            || view.folded[j] == "to" && candidate.noun && Some(j) != others.opener
        {
            break;
        }
        j += 1;
    }
}

/// Words a passive auxiliary, the preposition and the act noun may stand apart
/// ("was killed on Sunday in a drone strike").
const PASSIVE_REACH: usize = 5;

/// Prepositions that put an act around a passive verb's subject as where it was
/// suffered ("was injured in an attack", "was detained during the coup").
const SUFFERED_IN: [&str; 3] = ["in", "during", "amid"];

/// Is the act noun of `candidate` where the subject of the passive verb it hangs
/// from came to harm ("Raisi was injured in an attack", "Bazoum was ousted in a
/// coup")? That subject suffered the act; it did not do it.
fn suffered_in(view: &SentenceView<'_, '_>, candidate: &Candidate) -> bool {
    if !candidate.noun || !matches!(candidate.kind, Kind::Strike | Kind::Action) {
        return false;
    }
    // Parsing is the dearest step of extraction: only a sentence whose words could
    // read so ("was ... in a", "were ... during the") pays for it.
    let folded = &view.folded;
    let Some(opener) = (candidate.first.saturating_sub(PASSIVE_REACH)..candidate.first)
        .rev()
        .find(|&j| SUFFERED_IN.contains(&folded[j].as_str()))
    else {
        return false;
    };
    let passive_before =
        (opener.saturating_sub(PASSIVE_REACH)..opener).any(|j| view.is_passive_auxiliary(j));
    if !passive_before {
        return false;
    }
    (candidate.first..candidate.end).any(|token| {
        let Some((parsed, word)) = view.parsed_word(token) else {
            return false;
        };
        let tree = &parsed.tree;
        let marked = tree.dependents(word).any(|d| {
            tree.deprel(d) == "case"
                && parsed
                    .token_of(d)
                    .is_some_and(|t| SUFFERED_IN.contains(&view.folded[t].as_str()))
        });
        tree.deprel(word) == "obl"
            && marked
            && tree.head(word).is_some_and(|verb| {
                tree.dependents(verb)
                    .any(|d| matches!(tree.deprel(d), "nsubj:pass" | "aux:pass"))
            })
    })
}

/// "talks between X and Y" names both sides; otherwise the initiator is the subject
/// of the verb, or for a noun the subject of the verb that governs it ("Russian
/// forces launched a missile attack", "Zelensky, after a meeting with Macron").
fn assign_sides(
    candidate: &mut Candidate,
    view: &SentenceView<'_, '_>,
    memory: &mut ArticleMemory,
    agent: Agent,
    others: OtherSide,
) {
    let OtherSide {
        names: mut others,
        opener,
    } = others;
    let mut main = agent.main;
    let mut generic_subject = false;
    let mut co_subjects = Vec::new();
    let both_sides_named =
        candidate.noun && opener.is_some_and(|k| view.folded[k] == "between") && others.len() >= 2;
    // A statement noun has no verb subject ("the interview"), unless a verb carries
    // it out ("Moscow issued a statement"), and an unknown agent after "by" is not
    // the subject either.
    let subject_speaks = !(candidate.noun && candidate.kind == Kind::Statement)
        || (candidate.first.saturating_sub(PINNED_NOUN_REACH)..candidate.first)
            .any(|verb| pins_noun(view, verb, candidate.first));
    // A speech verb's speaker is its subject in the parse, wherever it stands.
    let mut parsed_speaker = false;
    // "New Delhi downgraded ties on Wednesday, suspending a treaty and closing the
    // only land crossing": a participle after a comma or "and" is done by the
    // subject of the verb it hangs from, which the parse finds as it finds a
    // speaker.
    // (Only for acts: a participle of agreeing or meeting mostly restates the verb
    // before it, "finalized a package, agreeing on a loan".)
    let participle = !candidate.noun
        && candidate.kind == Kind::Action
        && view.folded[candidate.first].ends_with("ing")
        && candidate.first > 0
        && matches!(view.folded[candidate.first - 1].as_str(), "," | "and");
    if main.is_none() && !candidate.noun && (candidate.kind == Kind::Statement || participle) {
        if let Some((actor, co)) = speaker(view, candidate.first) {
            main = Some(actor);
            co_subjects = co;
            parsed_speaker = true;
        }
    }
    // "Jack Reed condemned the strikes": the speaker did not strike.
    // ("an investigation into the circumstances of the strike": who looks into it
    // did not strike.)
    // ("IS claimed the bombing": a claimed act is the claimant's, see
    // `claimed_directly`.)
    candidate.topic = candidate.noun
        && candidate.kind != Kind::Statement
        && (object_of_speech(view, candidate.first, candidate.kind)
            || judged_noun(view, candidate.first))
        && super::doers::claimed_directly(view, candidate.first).is_none();
    let reported = candidate.topic && main.is_none();
    // "discussed the attacks with Putin": "with" goes with the talking, not the
    // attacks.
    if reported && opener.is_some_and(|k| view.folded[k] == "with") {
        others.clear();
    }
    // "Nasrallah was killed", "the ship was struck": the subject of a passive act
    // is its target; only "by X" names who did it.
    // ("was sworn in" is the act of the one sworn in.)
    let own_passive = view.any_phrase(candidate.first, &view.lexicon.events.passive_own_acts);
    let passive_act = !candidate.noun
        && candidate.kind != Kind::Statement
        && view.is_passive(candidate.first)
        && !own_passive;
    if passive_act && main.is_none() {
        main = doer_of_means(view, candidate.end).or_else(|| holder_after(view, candidate.end));
    }
    if passive_act && candidate.kind == Kind::Strike {
        candidate.victim = passive_victim(view, candidate);
    }
    if candidate.noun && candidate.kind == Kind::Strike && candidate.victim.is_none() {
        candidate.victim = victim_of_noun(view, candidate);
    }
    // ("was elected president by parliament": a body the text names only by its
    // sort leaves the act to the one elected; not "an envoy appointed by ...".)
    if main.is_none()
        && (!agent.unknown || own_passive && view.is_passive(candidate.first))
        && !both_sides_named
        && !suffered_in(view, candidate)
        && !view.agentless(candidate)
        && subject_speaks
        && !parsed_speaker
        && !reported
        && !passive_act
    {
        main = subject_of(
            candidate,
            view,
            memory,
            &mut generic_subject,
            &mut co_subjects,
        );
    }
    // Whom a passive act names after it was its target ("members were killed,
    // including the son of X"), not who did it.
    // (Nor is anyone listed after a blast: "a truck bomb on the link between Russia
    // and Crimea".)
    if main.is_none() && !others.is_empty() && !passive_act && !view.agentless(candidate) {
        main = Some(others.remove(0));
    }
    if candidate.kind == Kind::Statement {
        if let Some(speaker) = &main {
            generic_subject |= is_commentator(view, memory, speaker);
        }
    }
    if generic_subject && candidate.kind == Kind::Statement {
        // "Analysts note ...": commentary, whoever else the sentence names.
        main = None;
        others.clear();
        candidate.actors.clear();
    }
    if candidate.kind == Kind::Statement {
        memory.last_speaking_body = main.clone().filter(|m| !memory.people.contains(m));
    }
    // "He succeeds President X, who fled the country": a relative clause tells of
    // someone the sentence is not about; "he" next is still its subject.
    let subject_at = view.before_auxiliaries(candidate.first);
    let in_relative_clause = subject_at > 0 && view.folded[subject_at - 1] == "who";
    if let Some(m) = main {
        if memory.people.contains(&m) && !in_relative_clause {
            memory.last_actor_person = Some(m.clone());
            memory.note_recent_person(&m);
        }
        candidate.actors.insert(0, m);
    }
    arrange_sides(candidate, memory, co_subjects, others);
    if candidate.kind == Kind::Statement {
        if let Some(addressee) = addressee(view, candidate.first, candidate.end) {
            if !candidate.actors.contains(&addressee) {
                push_unique(&mut candidate.counterparts, addressee);
            }
        }
    }
}

/// The initiator the sentence names before the trigger: the subject, the reporter
/// a pronoun subject stands for, the speaker of a quote in the first person, or
/// the one who claims the act.
fn subject_of(
    candidate: &Candidate,
    view: &SentenceView<'_, '_>,
    memory: &mut ArticleMemory,
    generic_subject: &mut bool,
    co_subjects: &mut Vec<String>,
) -> Option<String> {
    let mut main = find_subject(view, candidate.first, memory, generic_subject, co_subjects);
    if main.is_none() && subject_is_reporter_pronoun(view, candidate.first) {
        main = reporter_of_clause(view, candidate.first);
    }
    // "\"I signed the law,\" Mohamud said": the speaker, or for "we" their side.
    if main.is_none() {
        if let Some((speaker, plural)) = quoted_first_person(view, candidate.first) {
            main = if plural {
                memory.country_of(&speaker, view.lexicon).or(Some(speaker))
            } else {
                Some(speaker)
            };
        }
    }
    // "Ukraine said it launched an attack": the attack is the reporter's.
    if main.is_none() && candidate.noun {
        main = pronoun_doer_reporter(view, candidate.first);
    }
    // "al-Shabaab claimed responsibility for the attack", "for attacking the
    // Eternity C": the claimant did it.
    if main.is_none() && may_be_claimed(candidate, view) {
        if let Some(claim) = claim_of_own_act_before(view, candidate.first) {
            main = find_subject(view, claim, memory, generic_subject, co_subjects);
        }
    }
    main
}

/// Lowercase words that may describe a person between "of" and the name ("the
/// killing of nuclear scientist Mohsen Fakhrizadeh").
const VICTIM_DESCRIPTION_WORDS: usize = 3;

/// "the killing of nuclear scientist Mohsen Fakhrizadeh", "the assassination of
/// Haniyeh": the person a patient noun's "of" names (see `patient_nouns`) suffered it.
fn victim_of_noun(view: &SentenceView<'_, '_>, candidate: &Candidate) -> Option<String> {
    let events = &view.lexicon.events;
    let of = if view.folded[candidate.end - 1] == "of" {
        candidate.end - 1
    } else if events.patient_nouns.contains(&view.folded[candidate.first])
        && view.folded.get(candidate.end).is_some_and(|w| w == "of")
    {
        candidate.end
    } else {
        return None;
    };
    let reach = (of + 2 + VICTIM_DESCRIPTION_WORDS).min(view.tokens.len());
    let start =
        (of + 1..reach).find(|&j| view.name_at(j).is_some() || !view.is_lowercase_modifier(j))?;
    let person = view
        .name_starting_at(start)
        .filter(|m| m.entity.class == EntityClass::Person)?;
    Some(person.entity.name.clone())
}

/// "Robert Fico was shot", "Sen. Miguel Uribe Turbay, a possible candidate, was
/// shot", "Uribe, who was shot": the person a passive strike's subject names, its
/// target.
/// None when the act was suffered in a strike the sentence names ("was killed in the
/// airstrike", "in a knife attack"): that strike is the event.
/// Only verbs that harm a person alone ("shot", "stabbed") ask: "was killed" mostly
/// tells of a strike the article reports in its own words.
fn passive_victim(view: &SentenceView<'_, '_>, candidate: &Candidate) -> Option<String> {
    const OCCASION_REACH: usize = 8;
    let events = &view.lexicon.events;
    if !events
        .person_harm_verbs
        .contains(&view.folded[candidate.first])
    {
        return None;
    }
    let end = (candidate.end + OCCASION_REACH).min(view.tokens.len());
    let in_a_strike = (candidate.end..end)
        .skip_while(|&j| !SUFFERED_IN.contains(&view.folded[j].as_str()))
        .take_while(|&j| !view.is_break(j))
        .any(|j| {
            events
                .trigger_at(&view.folded, j)
                .is_some_and(|t| t.noun && t.kind == Kind::Strike)
        });
    if in_a_strike {
        return None;
    }
    let trigger = candidate.first;
    let person = |m: &&NameMention| m.entity.class == EntityClass::Person;
    view.name_ending_at(view.before_auxiliaries(trigger))
        .filter(person)
        .or_else(|| {
            view.passive_subject(trigger)
                .into_iter()
                .find_map(|k| view.name_at(k).filter(person))
        })
        .and_then(actor_of)
}

/// Coordinated subjects strike or speak together; of a meeting or an agreement
/// they are its two sides, so the first leads and the rest are counterparts.
fn arrange_sides(
    candidate: &mut Candidate,
    memory: &mut ArticleMemory,
    co_subjects: Vec<String>,
    others: Vec<String>,
) {
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
}

/// How far after a verb its object's name may start: "spoke with the prime ministers
/// of Israel" puts it five words on.
const OBJECT_REACH: usize = 6;

/// The named actor a verb takes as its object ("received US envoy Morgan Ortagus",
/// "accused Azerbaijani troops"): the first name within a few words, with only
/// determiners, title words or qualifiers before it.
fn object_at<'v>(view: &'v SentenceView<'_, '_>, end: usize) -> Option<&'v NameMention> {
    view.name_after(end, OBJECT_REACH)
        .filter(|m| m.entity.actor().is_some())
}

/// Who a statement is aimed at: the object of "accused", "warned", "urged".
fn addressee(view: &SentenceView<'_, '_>, first: usize, end: usize) -> Option<String> {
    let verb = view.folded[first..end].join(" ");
    if !view.lexicon.events.addressee_verbs.contains(&verb) {
        return None;
    }
    object_at(view, end).and_then(|m| m.entity.actor().map(str::to_string))
}

/// The side a strike hits, when the text names it: "bombed Cambodian positions",
/// "air strikes on Houthi targets", "struck 40 Hamas targets". A name after "by" is
/// the attacker, and a place is not a side.
fn strike_target(
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
        if let Some(m) = view.name_starting_at(j) {
            let preposition = j
                .checked_sub(1)
                .map(|p| view.folded[p].as_str())
                .filter(|w| events.prepositions.contains(*w));
            // ("..., the Red Crescent said": who says it was struck is no target.)
            let object = preposition.is_none_or(|p| events.target.contains(p) || p == "on")
                && !events.speech_verb_at(&view.folded, m.end);
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
