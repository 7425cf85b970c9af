//! Who did an act when its subject does not say: the agent after "by", a claimant,
//! the one whose weapon or custody it was, the side whose operation it happened in.

use super::gazetteer::EntityClass;
use super::speaker::reporter_of_clause;
use super::view::{actor_of, name_of, speaking_actor, Candidate, Reach, SentenceView};
use crate::model::Kind;
use crate::text::is_possessive;

/// Who initiated the event, as far as the words around the trigger say.
#[derive(Default)]
pub(super) struct Agent {
    pub(super) main: Option<String>,
    /// "an attack by SPLA-IO fighters": an attacker is named, one we do not know.
    pub(super) unknown: bool,
}

/// Words before an event noun its verb of carrying out may stand ("launched a
/// lethal and kinetic strike"); only then is the sentence parsed to check.
const CARRIED_OUT_REACH: usize = 6;

/// "The US military launched the second strike", "the sides reached a deal": the
/// noun is the parsed object of a verb that reports it done by its subject.
/// A strike its subject announces ("the M23 rebels announced the city's capture",
/// "Hegseth announced the strike") is the subject's own act, reported done.
/// The verb's token, if so.
pub(super) fn carried_out(candidate: &Candidate, view: &SentenceView<'_, '_>) -> Option<usize> {
    let events = &view.lexicon.events;
    let announcing = events.announcing_verbs_of(candidate.kind);
    let pins =
        |j: usize| view.any_phrase(j, &events.pinning_verbs) || view.any_phrase(j, announcing);
    // "carried out one of the country's deadliest attacks": the reach counts from
    // the quantity the noun is one of.
    let counted_from = (candidate.first.saturating_sub(CARRIED_OUT_REACH)..candidate.first)
        .find(|&j| view.of_quantity(j + 1))
        .unwrap_or(candidate.first);
    let verb_before = (counted_from.saturating_sub(CARRIED_OUT_REACH)..counted_from).any(pins);
    if !verb_before {
        return None;
    }
    let (parsed, mut noun) = view.parsed_word(candidate.end.saturating_sub(1))?;
    let tree = &parsed.tree;
    // "launched a blitz of airstrikes": the quantity is the object, the strikes are
    // what was launched.
    if tree.deprel(noun) == "nmod" {
        let quantity = tree.head(noun).filter(|&head| {
            parsed
                .token_of(head)
                .is_some_and(|token| events.quantity_nouns.contains(&view.folded[token]))
        });
        if let Some(quantity) = quantity {
            noun = quantity;
        }
    }
    if tree.deprel(noun) != "obj" {
        return None;
    }
    tree.head(noun)
        .and_then(|v| parsed.token_of(v))
        .filter(|&token| pins(token))
}

/// Words before an act within which a claim of it may stand ("claimed
/// responsibility for what it described as a \"precision strike\"").
const CLAIM_REACH: usize = 12;

/// "for attacking": an -ing form a claim may be "for", as it may be for a noun.
fn gerund_after_for(candidate: &Candidate, view: &SentenceView<'_, '_>) -> bool {
    !candidate.noun
        && view.folded[candidate.first].ends_with("ing")
        && candidate.first > 0
        && view.folded[candidate.first - 1] == "for"
}

/// Where a claim of responsibility may name the act: a noun, "for attacking", or a
/// relative clause after what the claim is for.
pub(super) fn may_be_claimed(candidate: &Candidate, view: &SentenceView<'_, '_>) -> bool {
    candidate.noun || gerund_after_for(candidate, view) || relative_after_claim(candidate, view)
}

/// "claimed responsibility for a dozen missiles that struck Erbil": a verb in a
/// relative clause whose antecedent is what the claim is for.
fn relative_after_claim(candidate: &Candidate, view: &SentenceView<'_, '_>) -> bool {
    !candidate.noun
        && candidate.first > 0
        && matches!(view.folded[candidate.first - 1].as_str(), "that" | "which")
        && claim_of_own_act_before(view, candidate.first)
            .is_some_and(|claim| (claim..candidate.first).any(|j| view.folded[j] == "for"))
}

/// The claim word of "claimed responsibility for", "a claim of responsibility for"
/// before the noun at `noun`, in its clause.
pub(super) fn claim_of_own_act_before(view: &SentenceView<'_, '_>, noun: usize) -> Option<usize> {
    let owned = &view.lexicon.events.owned_claims;
    let word = |j: usize| view.folded.get(j).map(String::as_str).unwrap_or_default();
    (noun.saturating_sub(CLAIM_REACH)..noun)
        .rev()
        .take_while(|&j| !matches!(view.tokens[j].text, ";" | ":" | "(" | ")"))
        .find(|&j| {
            word(j).starts_with("claim")
                && (owned.contains(word(j + 1))
                    || word(j + 1) == "of" && owned.contains(word(j + 2)))
        })
        .or_else(|| claimed_directly(view, noun))
}

/// Words a claimed act's noun phrase may have before its noun ("claimed Tuesday's
/// deadly attack").
const CLAIMED_OBJECT_WORDS: usize = 5;

/// "The Papuan rebels claimed Tuesday's attack", "IS claimed the bombing": a claim
/// verb whose object is the act's noun, with only determiners, a day's possessive
/// and lowercase modifiers between.
pub(super) fn claimed_directly(view: &SentenceView<'_, '_>, noun: usize) -> Option<usize> {
    let temporal = &view.lexicon.temporal;
    let claim = (noun.saturating_sub(CLAIMED_OBJECT_WORDS + 1)..noun)
        .rev()
        .find(|&j| matches!(view.folded[j].as_str(), "claimed" | "claiming"))?;
    let plain = (claim + 1..noun).all(|j| {
        view.is_determiner(j)
            || view.is_lowercase_modifier(j)
            || view.folded[j] == "'s"
            || view.tokens[j].text == "'"
            || view.tokens[j].text == "’"
            || temporal.names_month_or_weekday(&view.folded[j])
    });
    plain.then_some(claim)
}

/// For an event noun that is the object of a verb whose subject is "it", "they" or
/// "we", in a clause someone reports ("Ukraine said it launched an attack"): the
/// reporter.
pub(super) fn pronoun_doer_reporter(view: &SentenceView<'_, '_>, noun: usize) -> Option<String> {
    /// How far before the noun its verb's pronoun subject may stand ("it launched a
    /// large-scale drone attack"); only then is the sentence parsed.
    const PRONOUN_REACH: usize = 8;
    let pronoun_before =
        (noun.saturating_sub(PRONOUN_REACH)..noun).any(|j| is_reporter_pronoun(&view.folded[j]));
    if !pronoun_before {
        return None;
    }
    let (parsed, word) = view.parsed_word(noun)?;
    let tree = &parsed.tree;
    if tree.deprel(word) != "obj" {
        return None;
    }
    let verb = tree.head(word)?;
    let subject = tree.dependent(verb, "nsubj")?;
    let pronoun = parsed
        .token_of(subject)
        .is_some_and(|t| is_reporter_pronoun(&view.folded[t]));
    if !pronoun {
        return None;
    }
    let verb_token = parsed.token_of(verb)?;
    reporter_of_clause(view, verb_token)
}

/// "claims by Russian officials", "was made by Kirill Dmitriev", "a visit by a
/// senior Russian official".
pub(super) fn agent_by(
    candidate: &mut Candidate,
    view: &SentenceView<'_, '_>,
    reach: &Reach,
) -> Agent {
    let tokens = view.tokens;
    let end = candidate.end;
    let mut agent = Agent::default();
    if let Some(origin) = fired_from(candidate, view, reach) {
        agent.main = Some(origin);
        candidate.pinned = true;
        return agent;
    }
    // "the condemnation of this attack by the Security Council": an event noun
    // that is the "of" of a noun of speech or judgement leaves its "by" to that noun.
    if candidate.noun && judged_noun(view, candidate.first) {
        return agent;
    }
    // "came under attack from Houthi rebels": after "under", "from" names the doer.
    let undergone = candidate.first > 0 && view.folded[candidate.first - 1] == "under";
    // After a verb, a "by" belongs to what stands between when something does: a
    // verb of its own, whose auxiliary stands there ("said he was shocked by the
    // Russian attack"); a participle after the object ("approved a plan proposed by
    // Netanyahu"); an active verb's object ("rejected a request by German
    // authorities"). After a noun it tells the noun's doer ("the explosion was caused
    // by a missile").
    let by = (end..(end + 4).min(reach.end))
        .find(|&j| view.folded[j] == "by" || undergone && view.folded[j] == "from")
        .filter(|&by| {
            if candidate.noun {
                return true;
            }
            let active = !view.is_passive(candidate.first);
            !(end..by).any(|j| {
                view.lexicon.events.auxiliaries.contains(&view.folded[j])
                    || j > end && view.lexicon.temporal.is_past_tense(&view.folded[j])
                    || active && view.is_determiner(j)
            })
        })
        .or_else(|| claimed_by(candidate, view))
        .or_else(|| attributed_to(candidate, view));
    let Some(by) = by else {
        return agent;
    };
    let mut j = by + 1;
    while j < reach.end
        && j <= by + 3
        && view.name_at(j).is_none()
        && tokens[j].is_word()
        && !tokens[j].is_capitalized()
    {
        j += 1;
    }
    if let Some(mut m) = view.name_starting_at(j) {
        // "from Yemen's Houthi rebels": the owner's group acts, not the owner.
        if is_possessive(&view.folded, m.end) {
            if let Some(owned) = view
                .name_starting_at(m.end + 2)
                .filter(|owned| actor_of(owned).is_some())
            {
                m = owned;
            }
        }
        // "missiles fired by Tehran": a capital as agent is its state.
        agent.main = speaking_actor(m);
        candidate.pinned |= agent.main.is_some();
    } else if tokens.get(j).is_some_and(|t| t.is_capitalized()) {
        // The sentence's subject is not that attacker.
        agent.unknown = true;
    }
    agent
}

/// Words after a strike noun within which a participle of claiming may stand: "twin
/// car bombings in the Somali capital Mogadishu, claimed by" is eight.
const CLAIMED_BY_REACH: usize = 12;

/// "twin car bombings in the Somali capital Mogadishu, claimed by Al-Shabaab",
/// "people killed in bombings ..., claimed by": a strike whose participle phrase
/// says who claimed it was done by them. The token of that "by", with only the
/// strike's own phrase (no clause break but the comma that opens the participle)
/// between.
fn claimed_by(candidate: &Candidate, view: &SentenceView<'_, '_>) -> Option<usize> {
    if candidate.kind != Kind::Strike {
        return None;
    }
    // (The claim is a trigger of its own, where the strike's reach ends.)
    let limit = (candidate.end + CLAIMED_BY_REACH).min(view.tokens.len());
    let claimed = (candidate.end..limit)
        .take_while(|&j| {
            !view.is_break(j) || view.folded.get(j + 1).is_some_and(|w| w == "claimed")
        })
        .find(|&j| view.folded[j] == "claimed")?;
    (view.folded.get(claimed + 1).map(String::as_str) == Some("by")).then_some(claimed + 1)
}

/// "an air strike blamed on Damascus", "the bombing, attributed to the PKK": a
/// participle right after a strike noun that lays the act on someone (see
/// `attributing_participles`). The token of its "on" or "to", which names the doer
/// as "by" would.
fn attributed_to(candidate: &Candidate, view: &SentenceView<'_, '_>) -> Option<usize> {
    if !candidate.noun || candidate.kind != Kind::Strike {
        return None;
    }
    let mut at = candidate.end;
    if view.tokens.get(at).is_some_and(|t| t.text == ",") {
        at += 1;
    }
    let phrase = view
        .lexicon
        .events
        .attributing_participle_at(&view.folded, at)?;
    Some(at + phrase - 1)
}

/// Occasions a verb's act took place at: "in a phone call", "during talks", "at a
/// meeting". Its verb's subject and object are who talked ("Blinken urged Vucic in a
/// phone call" is a call between the two), the subject first. None unless the parse
/// shows the meeting noun so attached and the subject names an actor.
pub(super) fn parties_of_occasion(
    candidate: &Candidate,
    view: &SentenceView<'_, '_>,
) -> Option<(String, Option<String>)> {
    // The words first, the parse only when they fit: "in a (phone) call", "during".
    let opener = (candidate.first.saturating_sub(3)..candidate.first).find(|&j| {
        let word = view.folded[j].as_str();
        word == "during"
            || matches!(word, "in" | "at")
                && view
                    .folded
                    .get(j + 1)
                    .is_some_and(|d| matches!(d.as_str(), "a" | "an"))
    });
    opener?;
    let occasion = occasion_of(candidate, view)?;
    // "in the talks" after a verb is as often what was said of them ("acknowledged
    // progress in the talks"): "in" and "at" introduce an occasion only with "a".
    match occasion.case.as_str() {
        "during" => {}
        "in" | "at" if occasion.introduced => {}
        _ => return None,
    }
    let subject = occasion.subject?;
    let object = occasion.object.filter(|object| *object != subject);
    Some((subject, object))
}

/// An event noun as the occasion of a verb's act ("urged Vucic in a phone call",
/// "killed 1,200 people in an attack"), read from the parse: the preposition, whether
/// "a" introduces the noun, the verb's first token, its subject (a title the parser
/// split off, "Secretary of State | Antony Blinken", is a subject of its own: the
/// first that names someone) and its object.
struct Occasion {
    case: String,
    introduced: bool,
    verb_token: usize,
    subject: Option<String>,
    object: Option<String>,
}

fn occasion_of(candidate: &Candidate, view: &SentenceView<'_, '_>) -> Option<Occasion> {
    let (parsed, noun) = view.parsed_word(candidate.end.saturating_sub(1))?;
    let parsed = &*parsed;
    let tree = &parsed.tree;
    // The parser often hangs the phrase on the noun before it ("apologised for the
    // crash in a phone call"): a phrase of the verb's own object or phrase is
    // still the verb's occasion.
    let verb = match tree.deprel(noun) {
        "obl" => tree.head(noun)?,
        "nmod" => {
            let host = tree.head(noun)?;
            if !matches!(tree.deprel(host), "obl" | "obj") {
                return None;
            }
            tree.head(host)?
        }
        _ => return None,
    };
    let case = tree
        .dependent(noun, "case")
        .and_then(|w| parsed.token_of(w))?;
    let introduced = tree
        .dependent(noun, "det")
        .and_then(|w| parsed.token_of(w))
        .is_some_and(|det| matches!(view.folded[det].as_str(), "a" | "an"));
    let subject = tree
        .dependents(verb)
        .filter(|&d| tree.deprel(d) == "nsubj")
        .find_map(|d| name_of(view, parsed, d).and_then(speaking_actor));
    let object = tree
        .dependent(verb, "obj")
        .and_then(|w| name_of(view, parsed, w))
        .and_then(actor_of);
    Some(Occasion {
        case: view.folded[case].clone(),
        introduced,
        verb_token: parsed.token_of(verb)?,
        subject,
        object,
    })
}

/// The side that did a strike its act was done in: "Hamas killed 1,200 people in an
/// attack", "Azerbaijan regained control of the region in a two-day offensive". The
/// parse must show the noun as an "in"/"during" phrase of a harm verb whose active
/// subject names an actor ("were killed in an attack" names the victims).
pub(super) fn striker_of_occasion(
    candidate: &Candidate,
    view: &SentenceView<'_, '_>,
) -> Option<String> {
    const OPENER_REACH: usize = 6;
    let events = &view.lexicon.events;
    let opener = (candidate.first.saturating_sub(OPENER_REACH)..candidate.first)
        .any(|j| matches!(view.folded[j].as_str(), "in" | "during"));
    // Only then the words before, and only then the parse.
    if !opener || !(0..candidate.first).any(|j| view.any_phrase(j, &events.harm_verbs)) {
        return None;
    }
    let occasion = occasion_of(candidate, view)?;
    let harmed = matches!(occasion.case.as_str(), "in" | "during")
        && view.any_phrase(occasion.verb_token, &events.harm_verbs);
    occasion.subject.filter(|_| harmed)
}

/// "intercepted a rocket fired from Gaza", "drones launched from Yemen": a weapon
/// fired from a place was fired by whoever is there, not by the sentence's subject
/// (who intercepted it). The place as the text names it, or its country's name.
fn fired_from(candidate: &Candidate, view: &SentenceView<'_, '_>, reach: &Reach) -> Option<String> {
    const FROM_REACH: usize = 3;
    let word = view.folded[candidate.first].as_str();
    let launching = word == "fired" || view.lexicon.events.launch_verbs.contains(word);
    if candidate.noun || candidate.kind != Kind::Strike || candidate.first == 0 || !launching {
        return None;
    }
    // The participle follows the weapon it describes: "a rocket fired".
    let before = candidate.first - 1;
    let after_noun = view.tokens[before].is_word()
        && !view.tokens[before].is_capitalized()
        && !view
            .lexicon
            .events
            .auxiliaries
            .contains(&view.folded[before])
        && view.name_at(before).is_none();
    if !after_noun {
        return None;
    }
    let from = (candidate.end..(candidate.end + FROM_REACH).min(reach.end))
        .find(|&j| view.folded[j] == "from")?;
    let origin = view.name_after(from + 1, FROM_REACH)?;
    match origin.entity.class {
        EntityClass::Place | EntityClass::Capital => Some(origin.entity.name.clone()),
        _ => actor_of(origin),
    }
}

/// Words from a passive act to the side that names the strike it was done in:
/// "killed in an Israeli air strike" is three.
const MEANS_REACH: usize = 4;

/// "ministers were killed in an Israeli strike", "wounded by Russian shelling": the
/// side that names the strike a passive act was done in did the act.
pub(super) fn doer_of_means(view: &SentenceView<'_, '_>, end: usize) -> Option<String> {
    let events = &view.lexicon.events;
    if !matches!(view.folded.get(end)?.as_str(), "in" | "by" | "during") {
        return None;
    }
    if let Some(doer) = agent_of_means(view, end) {
        return Some(doer);
    }
    // "killed in Monday's Israeli strike": a day's name in the possessive is the
    // strike's date, and stands where a modifier would.
    let mut start = end + 1;
    if view
        .folded
        .get(start)
        .is_some_and(|w| view.lexicon.temporal.weekday(w).is_some())
        && is_possessive(&view.folded, start + 1)
    {
        start += 3;
    }
    let mention = view
        .names
        .iter()
        .find(|m| m.first >= start && m.first < start + MEANS_REACH)?;
    let between_modifiers = (start..mention.first).all(|j| view.is_lowercase_modifier(j));
    // The name qualifies the strike noun: only lowercase modifiers between ("an
    // Israeli air strike"), not a preposition ("in central Burkina Faso during an
    // attack" names where, not who).
    let strike_noun = (mention.end..(mention.end + MEANS_REACH).min(view.tokens.len()))
        .take_while(|&j| {
            view.tokens[j].is_word()
                && !view.tokens[j].is_capitalized()
                && !events.prepositions.contains(&view.folded[j])
                && !matches!(view.folded[j].as_str(), "during" | "by" | "amid")
                && !events.order_breaks.contains(&view.folded[j])
        })
        .any(|j| {
            events
                .trigger_at(&view.folded, j)
                .is_some_and(|t| t.noun && t.kind == Kind::Strike)
        });
    (between_modifiers && strike_noun)
        .then(|| mention.entity.actor().map(str::to_string))
        .flatten()
}

/// Words from a passive verb within which "the custody of X" may name its doer.
const HOLDER_REACH: usize = 6;

/// "was placed under the custody of the Philippine National Police": the side named
/// after "of" a holder noun (see `holder_nouns`) right after the verb holds the one
/// held, and so did the act.
pub(super) fn holder_after(view: &SentenceView<'_, '_>, end: usize) -> Option<String> {
    let events = &view.lexicon.events;
    let limit = (end + HOLDER_REACH).min(view.tokens.len());
    let holder = (end..limit)
        .take_while(|&j| view.tokens[j].is_word() && !view.tokens[j].is_capitalized())
        .find(|&j| events.holder_nouns.contains(&view.folded[j]))?;
    if view.folded.get(holder + 1).map(String::as_str) != Some("of") {
        return None;
    }
    let mention = view.names.iter().find(|m| {
        m.first > holder + 1 && (holder + 2..m.first).all(|j| view.is_lowercase_modifier(j))
    })?;
    mention.entity.actor().map(str::to_string)
}

/// "was killed in an air strike by the United States", "in an air strike blamed on
/// Damascus": the side after the "by" (or the attributing participle, see
/// `attributed_to`) of the strike noun a passive act was done in did the act.
fn agent_of_means(view: &SentenceView<'_, '_>, end: usize) -> Option<String> {
    let events = &view.lexicon.events;
    let limit = (end + 1 + MEANS_REACH).min(view.tokens.len());
    let mut j = end + 1;
    while j < limit {
        if let Some((trigger, span)) = events.trigger_span_at(&view.folded, j) {
            if !(trigger.noun && trigger.kind == Kind::Strike) {
                return None;
            }
            let after = j + span;
            let by = if view.folded.get(after).map(String::as_str) == Some("by") {
                after
            } else {
                after + events.attributing_participle_at(&view.folded, after)? - 1
            };
            let first = view.past_determiners(by + 1);
            let mention = view.names.iter().find(|m| m.first == first)?;
            // ("blamed on Damascus": a capital as agent is its state.)
            return speaking_actor(mention);
        }
        if !view.is_lowercase_modifier(j) {
            return None;
        }
        j += 1;
    }
    None
}

/// A pronoun subject that, in a reported clause, stands for the reporter ("the
/// rebels claimed they had struck", "Ukraine said it launched an attack").
pub(super) fn is_reporter_pronoun(word: &str) -> bool {
    matches!(word, "they" | "it" | "we")
}

/// Is the event noun at `first` the object of "of" or "into" after a noun that
/// speaks of it ("the condemnation of this attack", "his denunciation of the
/// strikes", "an investigation into the circumstances of the strike"), with only
/// determiners between, or an aspect of the event ("the circumstances of")?
pub(super) fn judged_noun(view: &SentenceView<'_, '_>, first: usize) -> bool {
    let events = &view.lexicon.events;
    let past_determiners = |mut j: usize| {
        while j > 0
            && (view.is_determiner(j - 1) || events.demonstratives.contains(&view.folded[j - 1]))
        {
            j -= 1;
        }
        j
    };
    let mut j = past_determiners(first);
    if j >= 2 && view.folded[j - 1] == "of" && events.aspect_nouns.contains(&view.folded[j - 2]) {
        j = past_determiners(j - 2);
    }
    // ("the condemnation of": the "of" may be the phrase's own.)
    j >= 2
        && matches!(view.folded[j - 1].as_str(), "of" | "into")
        && (events.topic_ends_at(&view.folded, j - 2) || events.topic_ends_at(&view.folded, j - 1))
}
