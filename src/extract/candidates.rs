//! Triggers that may report an event: lexicon words, launches of weapons, and the
//! nouns that only restate or presuppose another.

use super::gazetteer::EntityClass;
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
        let taken = view.name_at(i).is_some() || in_date(times, i) || named_participle(view, i);
        // "will recall", "is deploying": read as the listed form they stand for.
        let stand_in = (!taken)
            .then(|| {
                view.lexicon
                    .events
                    .stand_in(&view.folded, i)
                    .or_else(|| reported_future_form(view, i))
            })
            .flatten();
        let trigger = if taken {
            None
        } else {
            // A court's decision first: "the Supreme Court struck down the law" is
            // no strike. Then, before the lexicon's triggers: "declared a state of
            // emergency" is the act, not a statement.
            court_act_at(view, i)
                .map(|len| (len, Kind::Action, false, false, None))
                .or_else(|| {
                    act_on_at(view, i, stand_in.unwrap_or(&view.folded[i])).map(
                        |(kind, object, words)| {
                            // "Iran's seizure of a container ship": a noun stays a
                            // noun, whose actor its possessor or "by" names.
                            let noun = stand_in.is_none()
                                && view.lexicon.events.is_trigger_noun(&view.folded[i]);
                            (words, kind, noun, false, Some(object))
                        },
                    )
                })
                .or_else(|| match stand_in {
                    Some(listed) => {
                        let end = (i + MAX_TRIGGER_WORDS).min(view.folded.len());
                        let mut words = view.folded[i..end].to_vec();
                        words[0] = listed.to_string();
                        view.lexicon
                            .events
                            .trigger_span_at(&words, 0)
                            .filter(|(t, _)| !t.noun)
                            .map(|(t, span)| (span, t.kind, false, t.needs_object, None))
                    }
                    None => view
                        .lexicon
                        .events
                        .trigger_span_at(&view.folded, i)
                        .map(|(t, span)| (span, t.kind, t.noun, t.needs_object, None)),
                })
                .or_else(|| {
                    launches_weapon(view, i).then_some((1, Kind::Strike, false, false, None))
                })
        };
        match trigger {
            // A capitalised trigger inside a sentence is part of a name ("Post").
            Some((len, kind, noun, needs_object, acted_on))
                if i == 0 || !tokens[i].is_capitalized() =>
            {
                let end = i + len;
                // A scare quote opened before the trigger and closed inside it
                // ("an “anti-terrorist” operation") belongs to it, not to a quotation
                // that would cut the trigger off from its subject.
                let opens_inside = i > 0
                    && is_quote_mark(tokens[i - 1].text)
                    && (i..end).any(|j| is_quote_mark(tokens[j].text));
                let first = if opens_inside { i - 1 } else { i };
                let restates = noun && restates_earlier(&candidates, kind, i, view);
                let by_outlet = kind == Kind::Statement && reported_by_outlet(view, i);
                let adjective = !noun
                    && (attributive(view, i)
                        || glued_to_word_before(view, i)
                        || stand_in.is_none()
                            && (describes_noun(view, i, kind) || verb_form_as_noun(view, i)));
                // "a ceasefire line", "the truce monitors": the event noun only
                // qualifies the noun after it.
                let qualifies = noun
                    && view
                        .folded
                        .get(end)
                        .is_some_and(|w| view.lexicon.events.qualified_heads.contains(w));
                let harms_no_one = !noun && len == 1 && harms_no_person(view, i)
                    || noun && gerund_with_object(view, i, end);
                if !(restates
                    || by_outlet
                    || adjective
                    || harms_no_one
                    || qualifies
                    || noun && (presupposed(view, i) || ended_after(view, end)))
                {
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
                        acted_on,
                        since: None,
                        victim: None,
                    });
                }
                i = end;
            }
            _ => i += 1,
        }
    }
    // "The Turkish parliament voted to approve Sweden's bid": a vote whose "to"
    // infinitive is an act the lexicon knows is reported as that act.
    let starts: Vec<usize> = candidates.iter().map(|c| c.first).collect();
    candidates.retain(|c| {
        !c.acted_on.is_some_and(|object| {
            view.folded[object] == "to" && starts.iter().any(|&s| s > object && s <= object + 2)
        })
    });
    // "Trump ordered a military strike", "ordered troops to withdraw": an order
    // whose object is an act the lexicon knows is reported as that act.
    let ordered_acts: Vec<(usize, bool)> = candidates.iter().map(|c| (c.first, c.noun)).collect();
    // A court's order stays the court's act ("the ICJ ordered Israel to open the
    // crossing"): its ruling is the event, whatever it orders.
    candidates.retain(|c| {
        c.noun
            || c.acted_on.is_some()
            || !orders_act(view, c.first, &ordered_acts)
            || court_act_at(view, c.first).is_some()
    });
    candidates
}

/// "announced that Russian forces would withdraw from Kherson": a bare form after
/// the "would" of reported speech is the plan the speaker announced, as it would be
/// after "will" (see `SentenceView::reported_future`); the listed form it stands in
/// for. Not an -ing form, nor a bare form after a conditional "would".
fn reported_future_form<'s>(view: &SentenceView<'_, 's>, i: usize) -> Option<&'s str> {
    let listed = view.lexicon.events.listed_form(&view.folded[i])?;
    if view.folded[i].ends_with("ing") {
        return None;
    }
    // ("would immediately withdraw": `reported_future` allows the adverbs between.)
    let would = view.folded[..i].iter().rposition(|w| w == "would")?;
    view.reported_future(would, i).then_some(listed)
}

/// Words from a verb of order to the act it orders ("ordered the country's armed
/// forces to withdraw").
const ORDERED_ACT_REACH: usize = 8;

/// Words from an act's noun to "ordered by" after it ("the strikes on Somalia,
/// ordered by").
const ORDERED_NOUN_BEFORE: usize = 5;

/// Is the verb at `verb` one that orders (see `object_control_verbs`), with an act
/// among `acts` (where each starts, and whether it is a noun) as its object: a noun
/// before any clause break or preposition, or a verb right after "to"? Or, ordered
/// "by" someone, after the act's noun ("the strikes, ordered by Washington")?
fn orders_act(view: &SentenceView<'_, '_>, verb: usize, acts: &[(usize, bool)]) -> bool {
    let events = &view.lexicon.events;
    if !events.is_object_control_verb(&view.folded[verb]) {
        return false;
    }
    if view.folded.get(verb + 1).is_some_and(|w| w == "by") {
        return acts
            .iter()
            .any(|&(start, noun)| noun && start < verb && verb - start <= ORDERED_NOUN_BEFORE);
    }
    let reach = (verb + ORDERED_ACT_REACH).min(view.tokens.len());
    let end = (verb + 1..reach)
        .find(|&j| {
            view.tokens[j].is_clause_break() || events.prepositions.contains(&view.folded[j])
        })
        .unwrap_or(reach);
    acts.iter().any(|&(start, noun)| {
        start > verb
            && if noun {
                start < end
            } else {
                start < reach && view.folded[start - 1] == "to"
            }
    })
}

/// Is the statement verb at `i` an outlet's, no side's? Any verb is when an outlet
/// word (not a state's own media) stands right before it ("Israeli army radio
/// said"); one of `report_verbs` is when no known side or organ of one is its
/// subject ("Reuters reported", "casualties were reported").
fn reported_by_outlet(view: &SentenceView<'_, '_>, i: usize) -> bool {
    let events = &view.lexicon.events;
    let j = view.before_auxiliaries(i);
    // "Israeli army radio said": an outlet speaks, whatever its verb; a state's own
    // media ("Iranian state media said") speak for it.
    let state_run = || {
        (j.saturating_sub(4)..j.saturating_sub(1))
            .any(|k| matches!(view.folded[k].as_str(), "state" | "official" | "government"))
    };
    if j > 0 && events.outlet_words.contains(&view.folded[j - 1]) && !state_run() {
        return true;
    }
    if !events.report_verbs.contains(&view.folded[i]) {
        return false;
    }
    if j == 0 || events.media_words.contains(&view.folded[j - 1]) {
        return true;
    }
    let gazetteer = &view.lexicon.gazetteer;
    let known_side = view
        .name_ending_at(j)
        .is_some_and(|m| gazetteer.country_of(&m.entity.name).is_some());
    let organ = gazetteer.is_state_organ_head(&view.folded[j - 1])
        || (1..=2).any(|k| j >= k && gazetteer.state_organ_noun_at(&view.folded, j - k) == Some(k));
    !(known_side || organ || person_reports(view, j))
}

/// "Vladimir Saldo, Acting Governor of the Kherson Region, earlier reported": a
/// named person who reports speaks; no outlet does. The person's name ends right
/// before the verb (`j`, adverbs aside) or before the appositive that ends there.
fn person_reports(view: &SentenceView<'_, '_>, j: usize) -> bool {
    let mut end = j;
    while end > 0
        && view.tokens[end - 1].is_word()
        && !view.tokens[end - 1].is_capitalized()
        && (view.folded[end - 1].ends_with("ly")
            || matches!(view.folded[end - 1].as_str(), "earlier" | "later" | "also"))
    {
        end -= 1;
    }
    let person_at = |end: usize| {
        view.name_ending_at(end)
            .is_some_and(|m| m.entity.class == EntityClass::Person)
    };
    if person_at(end) {
        return true;
    }
    // The comma opening the appositive that the comma before the verb closes.
    end > 0
        && view.tokens[end - 1].text == ","
        && (0..end - 1)
            .rev()
            .find(|&k| view.tokens[k].text == ",")
            .is_some_and(person_at)
}

/// "a more targeted approach", "the signed deal", "the country's democratically
/// elected president", "the release of elected governments": a participle after a
/// determiner, a possessive or "of", perhaps with a degree word or an adverb
/// between, qualifies a noun and reports no act.
fn attributive(view: &SentenceView<'_, '_>, i: usize) -> bool {
    if i == 0 || !view.folded[i].ends_with("ed") {
        return false;
    }
    let mut j = i - 1;
    if j > 0 && view.lexicon.events.degree_words.contains(&view.folded[j]) {
        j -= 1;
    }
    let adverb = |k: usize| view.folded[k].ends_with("ly") && !view.tokens[k].is_capitalized();
    if j > 0 && adverb(j) {
        j -= 1;
    }
    let possessive = j > 0 && crate::text::is_possessive(&view.folded, j - 1);
    view.is_determiner(j) || possessive || view.folded[j] == "of"
}

/// "the clearest sign yet", "a direct hit": a verb's form that is also a noun, after
/// a determiner (and perhaps one word qualifying it), that the parse reads as a noun
/// names no act. (The determiner gates the parse, which most triggers never need.)
fn verb_form_as_noun(view: &SentenceView<'_, '_>, i: usize) -> bool {
    let events = &view.lexicon.events;
    let after_determiner = (1..=2).any(|back| i >= back && view.is_determiner(i - back));
    // "A gunman shot him": after one who attacks or a person, the word is their act,
    // however the parse reads it.
    let after_doer = i >= 1
        && (events.attacker_nouns.contains(&view.folded[i - 1])
            || events.people_nouns.contains(&view.folded[i - 1]));
    after_determiner
        && !after_doer
        && view
            .parsed_word(i)
            .is_some_and(|(parsed, word)| parsed.tree.upos(word) == "NOUN")
}

/// "Palestinians detained by Israel", "troops deployed in the area": a past
/// participle with no auxiliary that the parse hangs from a noun (`acl`) describes
/// what that noun has undergone; it reports no act of its own. Asked only of
/// actions, whose verbs are the ones that so often describe people and things.
fn describes_noun(view: &SentenceView<'_, '_>, i: usize, kind: Kind) -> bool {
    if kind != Kind::Action || i == 0 || view.before_auxiliaries(i) != i {
        return false;
    }
    // Only a participle with no object after it: "detained by", "deployed in", not
    // "sent thousands of troops" (which the parse may misread too).
    let bare_participle = !view.folded[i].ends_with("ing")
        && view.tokens[i - 1].is_word()
        && view
            .folded
            .get(i + 1)
            .is_some_and(|next| view.lexicon.events.prepositions.contains(next));
    if !bare_participle {
        return false;
    }
    // The noun it hangs from must itself hang from something (a participle with a
    // noun as the root of the sentence is a misread main verb), and the participle
    // must have no object.
    view.parsed_word(i).is_some_and(|(parsed, word)| {
        let tree = &parsed.tree;
        tree.deprel(word) == "acl"
            && tree.dependent(word, "obj").is_none()
            && tree
                .head(word)
                .is_some_and(|noun| tree.deprel(noun) != "root")
    })
}

/// Is token `i` inside one of the sentence's dates?
pub(super) fn in_date(times: &[Mention], i: usize) -> bool {
    times.iter().any(|m| m.first_token <= i && i < m.end_token)
}

/// More words than any trigger phrase has.
const MAX_TRIGGER_WORDS: usize = 8;

/// Words after a verb within which its object names what the verb acts on.
const OBJECT_REACH: usize = 4;

/// Words after a verb within which a list may lead to its object ("has lifted
/// travel, commercial and economic sanctions").
const LISTED_OBJECT_REACH: usize = 14;

/// The kind of act the verb at `i` names with what it acts on (see `acts_on`), and
/// the token of that object (`verb` is the word at `i`, or the listed form it stands
/// for): one of the entry's objects (or a state the text names,
/// where the entry allows) a few words on, or at the end of a list of modifiers
/// ("lifted travel, commercial and economic sanctions"); and how many words the
/// verb has ("broke off" two).
fn act_on_at(view: &SentenceView<'_, '_>, i: usize, verb: &str) -> Option<(Kind, usize, usize)> {
    view.lexicon
        .events
        .acts_on_verb(verb)
        .find_map(|(act, rest)| {
            // A verb of several words ("walked away from") must be there whole; its
            // object is counted from its last word.
            if !rest.is_empty() && !phrase_at(&view.folded, i + 1, rest) {
                return None;
            }
            let i = i + rest.len();
            // A state is the object only right after the verb ("suspend Gabon", not
            // "suspend strikes on Israel").
            let is_object = |j: usize| {
                act.objects.contains(&view.folded[j])
                    || (act.states || act.places)
                    // "took over Kidal": a particle may stand between.
                    && (j == i + 1 || j == i + 2 && view.folded[i + 1] == "over")
                    && view
                        .name_starting_at(j)
                        .is_some_and(|m| match m.entity.class {
                            EntityClass::Country => true,
                            EntityClass::Capital | EntityClass::Place => act.places,
                            _ => false,
                        })
            };
            object_within(view, i, act.reach, is_object)
                .or_else(|| object_listed(view, i, &act.objects))
                .or_else(|| undergoer_before(view, i, &act.objects))
                // "signed the protocol into law" ratifies the protocol; "taken into
                // custody" is still an arrest.
                .filter(|&object| {
                    object
                        .checked_sub(1)
                        .is_none_or(|before| view.folded[before] != "into")
                        || view
                            .lexicon
                            .events
                            .holder_nouns
                            .contains(&view.folded[object])
                })
                // "Trump called Emir Tamim following the attack": a name of its
                // own right after a verb of judging is whom it was said to, by
                // phone; "called Russia's invasion a crime" judges the invasion.
                .filter(|_| act.kind != Kind::Statement || !named_right_after(view, i))
                .map(|object| (act.kind, object, rest.len() + 1))
        })
}

/// How many words the court's act at `i` has ("threw out" two), when a court, a
/// judge or a jury is its subject (see `court_acts`).
fn court_act_at(view: &SentenceView<'_, '_>, i: usize) -> Option<usize> {
    let len = view.lexicon.events.court_act_at(&view.folded, i)?;
    super::unnamed::court_subject(view, i).map(|_| len)
}

/// Does a capitalised run that is no possessive start right after the word at `i`
/// ("called Emir Sheikh Tamim", not "called Russia's invasion")?
fn named_right_after(view: &SentenceView<'_, '_>, i: usize) -> bool {
    let capitalised = |j: usize| {
        view.tokens
            .get(j)
            .is_some_and(|t| t.is_word() && t.is_capitalized())
    };
    // ("called Israeli strikes failures": a demonym qualifies the object.)
    let demonym = view
        .name_starting_at(i + 1)
        .is_some_and(|m| m.entity.class == EntityClass::Demonym);
    if !capitalised(i + 1) || demonym {
        return false;
    }
    let end = (i + 1..view.tokens.len())
        .find(|&j| !capitalised(j))
        .unwrap_or(view.tokens.len());
    !crate::text::is_possessive(&view.folded, end)
}

/// "the ship was seized", "a vessel that was boarded": a participle in the passive
/// acts on the noun before it. (Not one hanging from a noun, "a law passed last
/// week": that names a thing by an act already done.)
fn undergoer_before(
    view: &SentenceView<'_, '_>,
    i: usize,
    objects: &std::collections::BTreeSet<String>,
) -> Option<usize> {
    if !view.folded[i].ends_with("ed") || !view.is_passive(i) {
        return None;
    }
    let mut j = view.before_auxiliaries(i);
    if j < i && j > 0 && matches!(view.folded[j - 1].as_str(), "that" | "which") {
        j -= 1;
    }
    (j > 0 && objects.contains(&view.folded[j - 1])).then(|| j - 1)
}

/// "shooting people in the towns near Gaza": an -ing noun of harm followed by
/// its object is a verb's participle, told of the subject before it, not an
/// event named on its own.
fn gerund_with_object(view: &SentenceView<'_, '_>, i: usize, end: usize) -> bool {
    view.folded[end - 1].ends_with("ing")
        && end < view.folded.len()
        && (person_starts_at(view, end) || view.is_determiner(end))
        && i > 0
        && !view.is_determiner(i - 1)
}

/// A word for people (see `people_nouns`) or a person's name starts at `j`.
fn person_starts_at(view: &SentenceView<'_, '_>, j: usize) -> bool {
    view.folded
        .get(j)
        .is_some_and(|w| view.lexicon.events.people_nouns.contains(w))
        || view
            .name_starting_at(j)
            .is_some_and(|m| m.entity.class == EntityClass::Person)
}

/// A person's name ends at `end`.
fn person_ends_at(view: &SentenceView<'_, '_>, end: usize) -> bool {
    view.name_ending_at(end)
        .is_some_and(|m| m.entity.class == EntityClass::Person)
}

/// Tokens a short appositive may put between a person and a passive verb ("Fico,
/// 59, was shot").
const APPOSITIVE_WORDS: usize = 5;

/// "a gunman shot him", "Fico was shot": a verb that harms a person only (see
/// `person_harm_verbs`) with no person as its object, or as its subject in the
/// passive, tells of no attack ("the film was shot in Kyiv").
fn harms_no_person(view: &SentenceView<'_, '_>, i: usize) -> bool {
    let events = &view.lexicon.events;
    if !events.person_harm_verbs.contains(&view.folded[i]) {
        return false;
    }
    // (Where a name starts at `j`, that name alone decides.)
    let person_at = |j: usize| {
        person_starts_at(view, j)
            || view.name_starting_at(j).is_none() && person_ends_at(view, j + 1)
    };
    // "shot him", "shot the prime minister", "shot two protesters": a person right
    // after is its object, whatever the parse makes of "A gunman shot".
    let object = (i + 1..(i + 4).min(view.folded.len()))
        .take_while(|&j| view.tokens[j].is_word())
        .any(person_at);
    let person = object
        || view.is_passive(i) && {
            // ("Fico, 59, was shot": past a short appositive.)
            let j = view.before_auxiliaries(i);
            (j.saturating_sub(APPOSITIVE_WORDS)..j).any(|k| person_ends_at(view, k + 1))
                || j > 0 && person_at(j - 1)
                || view.passive_subject(i).into_iter().any(person_at)
        };
    !person
}

/// "earthquake-hit areas", "war-torn": a verb glued by a hyphen to a lowercase word
/// before it is half of a compound adjective, no act. (After a capitalised word it
/// is `named_participle`.)
fn glued_to_word_before(view: &SentenceView<'_, '_>, i: usize) -> bool {
    glued_by_hyphen(view, i) && view.tokens[i - 2].is_word() && !view.tokens[i - 2].is_capitalized()
}

/// The word at `i` and the one before it are joined by a hyphen with no space.
fn glued_by_hyphen(view: &SentenceView<'_, '_>, i: usize) -> bool {
    let tokens = view.tokens;
    i >= 2
        && tokens[i - 1].text == "-"
        && tokens[i - 2].touches(&tokens[i - 1])
        && tokens[i - 1].touches(&tokens[i])
}

/// "the Houthi-seized vessel", "Russian-occupied Crimea": a participle glued by a
/// hyphen to a name is an adjective saying who did it once, not a report of an act.
fn named_participle(view: &SentenceView<'_, '_>, i: usize) -> bool {
    glued_by_hyphen(view, i)
        && view.tokens[i - 2].is_capitalized()
        && view.folded[i].ends_with("ed")
}

/// The first token within `reach` words after the verb at `i` that `is_object`
/// takes, in the verb's clause and before any clause it opens ("declared that
/// the envoy ...").
fn object_within(
    view: &SentenceView<'_, '_>,
    i: usize,
    reach: usize,
    is_object: impl Fn(usize) -> bool,
) -> Option<usize> {
    // "lodged a “strong protest”": a quotation mark after a word of the phrase
    // quotes the object, and ends no clause.
    let quotes_object =
        |j: usize| matches!(view.tokens[j].text, "“" | "\"") && view.tokens[j - 1].is_word();
    // "called up 300,000 reservists": the comma of a grouped number ends nothing.
    let in_number = |j: usize| crate::text::in_number_group(view.tokens, j + 1);
    // "the task force set up by the government": after "by" comes the doer.
    (i + 1..(i + 1 + reach).min(view.tokens.len()))
        .take_while(|&j| {
            (!view.is_break(j) || quotes_object(j) || in_number(j))
                && !matches!(view.folded[j].as_str(), "that" | "by")
        })
        .find(|&j| is_object(j))
}

/// The token of one of `objects` after the verb at `i` with only words, hyphens and
/// the commas of a list between: no preposition, no clause opening, no other
/// punctuation.
fn object_listed(
    view: &SentenceView<'_, '_>,
    i: usize,
    objects: &std::collections::BTreeSet<String>,
) -> Option<usize> {
    let events = &view.lexicon.events;
    for j in i + 1..(i + 1 + LISTED_OBJECT_REACH).min(view.tokens.len()) {
        let word = view.folded[j].as_str();
        if objects.contains(word) {
            return Some(j);
        }
        // "a British-owned and Japanese-operated cargo ship": a hyphen joins the
        // words of a modifier.
        // "a 14-day national mourning period, a nationwide curfew": a number too.
        let listed = matches!(view.tokens[j].text, "," | "-")
            || view.tokens[j].text.bytes().all(|b| b.is_ascii_digit())
            || view.tokens[j].is_word()
                && !events.prepositions.contains(word)
                && !events.subordinators.contains(word)
                && !matches!(word, "that" | "by");
        if !listed {
            return None;
        }
    }
    None
}

/// "launched a drone at a ship", "launched 40 missiles": a launch verb with a weapon
/// a few words on in its clause, or past a quantity ("launched its largest wave of
/// drones and missiles").
fn launches_weapon(view: &SentenceView<'_, '_>, i: usize) -> bool {
    let events = &view.lexicon.events;
    let weapon = |j: usize| events.weapons.contains(&view.folded[j]);
    events.launch_verbs.contains(&view.folded[i])
        && (object_within(view, i, OBJECT_REACH, weapon).is_some()
            || object_within(view, i, OBJECT_REACH, |j| {
                view.folded[j] == "of" && events.quantity_nouns.contains(&view.folded[j - 1])
            })
            .is_some_and(|of| view.folded.get(of + 1).is_some_and(|_| weapon(of + 1))))
}

/// "ordered fighting to stop": an event noun ending at `end` that is wanted ended
/// (see `ending_infinitives`). The verb must take no object: "a deal to halt the
/// fighting", "talks to end the war" are a deal and talks for a purpose.
fn ended_after(view: &SentenceView<'_, '_>, end: usize) -> bool {
    let events = &view.lexicon.events;
    let intransitive = view.tokens.get(end + 2).is_none_or(|t| {
        !t.is_word()
            || events.prepositions.contains(&view.folded[end + 2])
            || matches!(view.folded[end + 2].as_str(), "and" | "as")
    });
    view.folded.get(end).is_some_and(|w| w == "to")
        && view
            .folded
            .get(end + 1)
            .is_some_and(|w| events.ending_infinitives.contains(w))
        && intransitive
}

/// "accused Thailand of violating the truce": an event noun that something is done
/// to is an event already reported, not a new one.
fn presupposed(view: &SentenceView<'_, '_>, first: usize) -> bool {
    // Over determiners, names, years and modifiers: "broken the Pretoria deal",
    // "violated the 2018 accord", "the suspension of a critical water sharing
    // treaty", "participation in the New START treaty" (a name of the treaty's own).
    const REACH: usize = 7;
    let events = &view.lexicon.events;
    let modifier = |j: usize| {
        view.tokens[j].text == "-"
            || view.tokens[j].is_word()
                && !view.tokens[j].is_capitalized()
                && !events.prepositions.contains(&view.folded[j])
                && !matches!(view.folded[j].as_str(), "and" | "or" | "but")
                && !events
                    .presupposing
                    .iter()
                    .any(|p| phrase_at(&view.folded, j, p))
    };
    let mut k = first;
    while k > 0
        && first - k < REACH
        && (view.is_determiner(k - 1)
            || matches!(view.folded[k - 1].as_str(), "this" | "that")
            || view.name_at(k - 1).is_some()
            || k > 1 && view.tokens[k - 1].is_word() && view.tokens[k - 1].is_capitalized()
            || view.tokens[k - 1].kind == crate::text::TokenKind::Number
            || modifier(k - 1))
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
                    || view.is_order_break(j)
                    || events.order_cue_at(&view.folded, j).is_some()
            })
    })
}
