//! The subject of a verb: who did what a trigger reports.

use super::gazetteer::EntityClass;
use super::memory::ArticleMemory;
use super::view::{NameMention, SentenceView};
use crate::model::Kind;
use crate::text::{is_double_quote_mark, phrase_at, TokenKind};

/// Is the name governed by a preposition ("in the U.S. capital", "with Macron")?
/// Then it is not the subject of a verb.
pub(super) fn governed(view: &SentenceView<'_, '_>, mention: &NameMention) -> bool {
    // Step back over determiners and capitalised qualifiers ("for Russian President
    // Vladimir Putin", "in Eastern Europe", "in the U.S. capital").
    let mut j = mention.first;
    let mut steps = 0;
    while j > 0 && steps < 5 {
        let token = &view.tokens[j - 1];
        // "On Tuesday Antonio Guterres said": a day is no qualifier of the name.
        let date_word = view
            .lexicon
            .temporal
            .names_month_or_weekday(&view.folded[j - 1]);
        let qualifier = view.is_determiner(j - 1)
            // "on south Lebanon", "in eastern Ukraine"
            || view.lexicon.gazetteer.is_compass_word(&view.folded[j - 1])
            // "on the capital Sanaa", "in the Somali capital, Mogadishu"
            || view.lexicon.gazetteer.is_settlement(&view.folded[j - 1])
            || token.text == "," && j >= 2 && view.lexicon.gazetteer.is_settlement(&view.folded[j - 2])
            || token.is_word()
                && token.is_capitalized()
                && !date_word
                && !view
                    .lexicon
                    .events
                    .prepositions
                    .contains(&view.folded[j - 1])
            || token.text == "." && j >= 2 && view.tokens[j - 2].text.len() == 1;
        if !qualifier {
            break;
        }
        j -= 1;
        steps += 1;
    }
    // "the leaders of Thailand and Cambodia": those named act through their leaders.
    let representatives = j >= 1 && view.of_representatives(j - 1);
    // "a wave of Russian strikes": the "of" only counts what follows.
    let counted = j >= 1 && view.of_quantity(j - 1);
    // "Secretary of Defense Lloyd Austin": the "of" is inside the person's title
    // ("the Secretary-General of the United Nations" still governs the UN).
    let inside_title = j >= 2
        && mention.entity.class == EntityClass::Person
        && view.folded[j - 1] == "of"
        && view.lexicon.gazetteer.is_title(&view.folded[j - 2]);
    j > 0
        && !representatives
        && !counted
        && !inside_title
        && view
            .lexicon
            .events
            .prepositions
            .contains(&view.folded[j - 1])
}

/// "..., said diplomats", "..., said a Kremlin spokesman": a verb of speech right
/// after a comma or a closing quotation mark, with a common noun phrase after it,
/// has its subject after it. What stands before the comma is what was said; its
/// subject is no speaker. (A name after the verb the parse or `inverted_speaker`
/// has taken already; "told reporters" has its object there, "said on Monday" a
/// date.)
pub(super) fn inverted_attribution(view: &SentenceView<'_, '_>, trigger: usize) -> bool {
    let events = &view.lexicon.events;
    let word = &view.folded[trigger];
    if !view.closes_clause_before(trigger)
        || word.ends_with("ing")
        || events.addressee_verbs.contains(word)
        || !events.speech_verb_at(&view.folded, trigger)
    {
        return false;
    }
    let Some(next) = view.tokens.get(trigger + 1) else {
        return false;
    };
    let folded = &view.folded[trigger + 1];
    // "..., said Russia's civilian aviation regulator": a name owning the subject.
    let owner_next = view
        .name_starting_at(trigger + 1)
        .is_some_and(|m| view.tokens.get(m.end).is_some_and(|t| t.is_apostrophe()));
    let noun_phrase_next = owner_next
        || next.is_word()
            && !next.is_capitalized()
            && !folded.ends_with("ly")
            && !events.prepositions.contains(folded)
            && !events.auxiliaries.contains(folded)
            && !matches!(
                folded.as_str(),
                "that" | "it" | "he" | "she" | "they" | "we" | "i" | "you" | "this" | "there"
            );
    if !noun_phrase_next {
        return false;
    }
    // "Guyana's Vice President, Bharrat Jagdeo, said the country was not ...": the
    // comma closes an appositive and the verb's subject stands before it. The parse
    // tells which side the subject is on; without one, a short phrase that ends the
    // sentence is the subject ("..., said diplomats.").
    if let Some((parsed, verb)) = view.parsed_word(trigger) {
        let tree = &parsed.tree;
        if let Some(subject) = tree.dependent(verb, "nsubj") {
            return subject > verb;
        }
    }
    let rest = &view.tokens[trigger + 1..];
    let end = rest.iter().position(|t| !t.is_word()).unwrap_or(rest.len());
    end <= INVERTED_SUBJECT_WORDS
        && rest
            .get(end)
            .is_none_or(|t| matches!(t.text, "." | "!" | "?"))
        && !view.folded[trigger + 1..trigger + 1 + end]
            .iter()
            .any(|w| events.auxiliaries.contains(w) || w == "that")
}

/// Words an inverted subject the parse did not find may have ("a senior US official").
const INVERTED_SUBJECT_WORDS: usize = 6;

/// The subject of the verb at `trigger` (or governing it): skip auxiliaries back from
/// it; across an appositive ("Kirill Dmitriev, a key envoy for ..., stated") to the
/// name before it; pronouns to the last person who acted; a capital just before its
/// verb speaks for its country ("Moscow said"). Names after a preposition are skipped.
/// Names coordinated with the subject ("Moscow and Paris expressed") go to `co`.
pub(super) fn find_subject(
    view: &SentenceView<'_, '_>,
    trigger: usize,
    memory: &ArticleMemory,
    generic: &mut bool,
    co: &mut Vec<String>,
) -> Option<String> {
    let events = &view.lexicon.events;
    let mut j = trigger;
    // Auxiliaries and manner adverbs ("he unequivocally condemns") stand between.
    while j > 0
        && (events.auxiliaries.contains(&view.folded[j - 1]) || view.is_manner_adverb(j - 1))
    {
        j -= 1;
    }
    // "must be responded to", "were criticised": a passive verb of speech has no
    // speaker before it; its agent, if any, the parse has found already.
    if events.speech_verb_at(&view.folded, trigger)
        && !view.folded[trigger].ends_with("ing")
        && view.is_passive(trigger)
    {
        return None;
    }
    if inverted_attribution(view, trigger) {
        return None;
    }
    if let Some(subject) = opening_participle_subject(view, trigger) {
        return Some(subject);
    }
    if let Some(main) = trailing_participle_head(view, trigger) {
        return find_subject(view, main, memory, generic, co);
    }
    // "a Russian-made BUK missile fired from a farm": only the noun the participle
    // hangs on may name its doer ("the U.S.-Taliban deal signed Saturday").
    if let Some(phrase) = reduced_passive_relative(view, trigger) {
        let named = view
            .names
            .iter()
            .any(|m| m.first >= phrase && m.end <= trigger && m.entity.actor().is_some());
        if !named {
            return None;
        }
    }
    // "saying it killed the commander and warning the group": a participle after
    // "and" is coordinated with the participle of speech before it, whose subject
    // it shares; the name between is the first one's object.
    if j > 0 && view.folded[j - 1] == "and" && view.folded[trigger].ends_with("ing") {
        let first = (0..j - 1)
            .rev()
            .find(|&i| view.folded[i].ends_with("ing") && events.speech_verb_at(&view.folded, i));
        if let Some(first) = first {
            return find_subject(view, first, memory, generic, co);
        }
    }
    // "Traore has ousted Damiba, dissolved the government and shut the borders": a
    // verb after a comma or "and" that the parse coordinates with an earlier verb
    // shares its subject; the name before the comma is the first verb's object.
    if j > 0 && matches!(view.folded[j - 1].as_str(), "," | "and") {
        let listed = coordinated_verb_before(view, trigger)
            .or_else(|| listed_between_commas(view, j - 1, trigger));
        if let Some(first) = listed {
            // (A pronoun the first verb's subject leaves unresolved, "they had seized
            // power and put Bongo under house arrest", leaves the walk back here.)
            let (mut first_generic, mut first_co) = (false, Vec::new());
            if let Some(subject) =
                find_subject(view, first, memory, &mut first_generic, &mut first_co)
            {
                *generic = first_generic;
                co.extend(first_co);
                return Some(subject);
            }
        }
    }
    if j > 0 && matches!(view.folded[j - 1].as_str(), "he" | "she") {
        return memory.person_for(&view.folded[j - 1], view.lexicon);
    }
    // "his office said in a statement": the office speaks for the person.
    if j > 1
        && matches!(view.folded[j - 2].as_str(), "his" | "her")
        && events.voices_of_a_person.contains(&view.folded[j - 1])
        && events.speech_verb_at(&view.folded, trigger)
    {
        return memory.person_for(&view.folded[j - 2], view.lexicon);
    }
    // "Hezbollah confirmed his death. Earlier it said ...": "it" speaking as the
    // sentence's subject is the state or body that spoke last, unless a person or
    // an unnamed source spoke since. (In a reported clause, "Ukraine said it launched", it is
    // the reporter: see `participants`.)
    if j > 0
        && view.folded[j - 1] == "it"
        && events.speech_verb_at(&view.folded, trigger)
        && !(0..j - 1).any(|i| events.speech_verb_at(&view.folded, i))
    {
        return memory.last_speaking_body.clone();
    }
    // "We", "I" or "you" right before the verb is its subject: no name further back
    // is. Nor is one for "it" after a relative word ("what it described as", "whom
    // it blamed"); elsewhere "it" stands for the nearest name before ("the FARC,
    // which kept fighting after it disarmed").
    let relative_it = j > 1
        && view.folded[j - 1] == "it"
        && matches!(view.folded[j - 2].as_str(), "what" | "whom" | "which");
    if relative_it || j > 0 && matches!(view.folded[j - 1].as_str(), "we" | "i" | "you") {
        return None;
    }
    // "they" is the sides this sentence coordinates ("hosted the leaders of Thailand
    // and Cambodia, where they agreed"); across sentences it is too often someone else.
    if j > 0 && view.folded[j - 1] == "they" {
        let group = &memory.sentence_group;
        if group.len() >= 2 {
            co.extend(group[1..].iter().cloned());
            return group.first().cloned();
        }
        return None;
    }
    if j > 0 && events.generic_speakers.contains(&view.folded[j - 1]) {
        *generic = true;
        return None;
    }
    // "both nations agreed", "the two sides met"
    for pair in &events.pair_references {
        if j >= pair.len()
            && phrase_at(&view.folded, j - pair.len(), pair)
            && memory.last_pair.len() >= 2
        {
            co.extend(memory.last_pair[1..].iter().cloned());
            return memory.last_pair.first().cloned();
        }
    }
    // "a Russian attack on Ukraine that struck the hospital": the subject of a
    // relative clause is its antecedent. (An antecedent that names no one, "the
    // group, which said", leaves the name before it to the walk back.)
    if j > 0 && matches!(view.folded[j - 1].as_str(), "that" | "which" | "who") {
        match relative_antecedent(view, trigger) {
            Some(Antecedent::Actor(actor)) => return Some(actor),
            // "Zelensky said the missile that hit Poland was Russian": the subject of
            // a restrictive relative clause is its antecedent, here a thing that
            // names no one; the name further back is not its doer.
            Some(Antecedent::Thing) if view.folded[j - 1] == "that" => return None,
            _ => {}
        }
    }
    walk_back_to_subject(view, j, trigger, generic, co)
}

/// "a Russian-made BUK missile fired from a farm": a participle of attack the parse
/// hangs on the weapon right before it, with no subject of its own, says what was
/// done to that weapon; its doer is its "by" agent or a name in the weapon's own
/// phrase, never one further back. The token where that noun phrase starts.
fn reduced_passive_relative(view: &SentenceView<'_, '_>, trigger: usize) -> Option<usize> {
    // Word order first, the parse only where it may be so: a weapon before the
    // participle, a preposition after it ("missile fired from", "drones launched
    // by"). Parsing every sentence with a strike cost a tenth of the extraction's
    // speed.
    let events = &view.lexicon.events;
    // A weapon is fired, it fires nothing ("Russian forces fired on" are doers).
    let weapon_before = trigger > 0 && events.weapons.contains(&view.folded[trigger - 1]);
    let preposition_after = view
        .folded
        .get(trigger + 1)
        .is_some_and(|w| w == "by" || events.prepositions.contains(w));
    // (An agreement "agreed in June" is its parties', whoever reports it.)
    let strike = events
        .trigger_at(&view.folded, trigger)
        .is_some_and(|t| t.kind == Kind::Strike);
    if !strike || !weapon_before || !preposition_after || view.folded[trigger].ends_with("ing") {
        return None;
    }
    let (parsed, verb) = view.parsed_word(trigger)?;
    let tree = &parsed.tree;
    let head = tree.head(verb)?;
    let reduced = tree.deprel(verb) == "acl"
        && head + 1 == verb
        && tree.upos(head) == "NOUN"
        && parsed
            .token_of(head)
            .is_some_and(|noun| noun + 1 == trigger)
        && !tree
            .dependents(verb)
            .any(|d| matches!(tree.deprel(d), "nsubj" | "nsubj:pass" | "aux" | "aux:pass"));
    if !reduced {
        return None;
    }
    parsed.token_of(tree.span(head).start)
}

/// "Shortly after withdrawing from the grain deal on July 17, Russia declared": a
/// participle that opens the sentence, with at most a few opening words before
/// it, shares the subject of the main clause after its comma: a name, right after
/// the comma (a determiner aside), before a lowercase word.
fn opening_participle_subject(view: &SentenceView<'_, '_>, trigger: usize) -> Option<String> {
    // ("Speaking in Kyiv, Zelensky said": the finite verb of speech says it.)
    if !view.folded[trigger].ends_with("ing")
        || view.lexicon.events.speech_verb_at(&view.folded, trigger)
        || trigger > view.lexicon.events.participle_openers.len()
        || !(0..trigger).all(|k| {
            view.lexicon
                .events
                .participle_openers
                .contains(&view.folded[k])
        })
    {
        return None;
    }
    let comma = (trigger + 1..view.tokens.len()).find(|&k| {
        let text = view.tokens[k].text;
        text == "," || view.tokens[k].is_clause_break() || is_double_quote_mark(text)
    })?;
    if view.tokens[comma].text != "," {
        return None;
    }
    let m = view.name_starting_at(view.past_determiners(comma + 1))?;
    let next = view.tokens.get(m.end)?;
    let verb_follows = next.is_word()
        && !next.is_capitalized()
        && !view
            .lexicon
            .events
            .prepositions
            .contains(&view.folded[m.end]);
    if !verb_follows && !crate::text::is_possessive(&view.folded, m.end) {
        return None;
    }
    m.entity.actor().map(str::to_string)
}

/// "Russia struck the port on Tuesday, a day after halting the grain deal": a
/// participle after a comma and a subordinator (a span of time may measure it)
/// shares the subject of the verb its clause hangs on in the parse, before the
/// comma. That verb's token.
fn trailing_participle_head(view: &SentenceView<'_, '_>, trigger: usize) -> Option<usize> {
    let events = &view.lexicon.events;
    if !view.folded[trigger].ends_with("ing") || events.speech_verb_at(&view.folded, trigger) {
        return None;
    }
    let comma = (0..trigger).rev().find(|&k| {
        !view.tokens[k].is_word()
            || !(events.participle_openers.contains(&view.folded[k])
                || events.time_measure_words.contains(&view.folded[k])
                || view
                    .lexicon
                    .temporal
                    .number_words
                    .contains_key(&view.folded[k]))
    })?;
    let subordinated = (comma + 1..trigger).any(|k| {
        matches!(
            view.folded[k].as_str(),
            "after" | "before" | "since" | "while" | "upon"
        )
    });
    if view.tokens[comma].text != "," || !subordinated {
        return None;
    }
    let (parsed, verb) = view.parsed_word(trigger)?;
    let tree = &parsed.tree;
    if tree.deprel(verb) != "advcl" {
        return None;
    }
    let head = tree.head(verb)?;
    if tree.upos(head) != "VERB" {
        return None;
    }
    parsed.token_of(head).filter(|&token| token < comma)
}

/// Verbs a list of verb phrases is climbed through to the one with the subject.
const MAX_LISTED_VERBS: usize = 4;

/// The earlier verb the verb at `trigger` is coordinated with in the parse, when
/// the verb at `trigger` has no subject of its own: the extractor token of the verb
/// of the list that has one, or else of the list's first verb.
fn coordinated_verb_before(view: &SentenceView<'_, '_>, trigger: usize) -> Option<usize> {
    let (parsed, verb) = view.parsed_word(trigger)?;
    let tree = &parsed.tree;
    let has_subject = |word: usize| {
        tree.dependents(word)
            .any(|d| matches!(tree.deprel(d), "nsubj" | "nsubj:pass"))
    };
    // Only an active verb lends its subject: "he was intercepted and detained by the
    // authorities" shares its patient, not a doer.
    let active = |word: usize| {
        tree.dependents(word)
            .all(|d| !matches!(tree.deprel(d), "nsubj:pass" | "aux:pass"))
    };
    if tree.upos(verb) != "VERB"
        || tree.deprel(verb) != "conj"
        || has_subject(verb)
        || !active(verb)
        || view.is_passive(trigger)
    {
        return None;
    }
    // Up the list: "detained Ndaw, dissolved the cabinet and closed the borders" may
    // hang the last verb on the one before it.
    let mut head = tree.head(verb)?;
    for _ in 0..MAX_LISTED_VERBS {
        if head >= verb || tree.upos(head) != "VERB" || !active(head) {
            return None;
        }
        // The head of the list lends its subject, which the parse may have missed
        // ("Leaders from ECOWAS, who ..., have suspended ... and have closed"): the
        // word-order rules then find it for the head.
        if has_subject(head) || tree.deprel(head) != "conj" {
            return parsed.token_of(head).filter(|&token| token < trigger);
        }
        head = tree.head(head)?;
    }
    None
}

/// "sacked the prime minister, suspended parliament and assumed executive
/// authority": a past form after a comma that the parse reads as a participle of
/// the noun after it ("suspended parliament") is a verb of the list when the verb
/// after the list's "and" is coordinated with a verb before the comma. That first
/// verb of the list, as `coordinated_verb_before` gives it.
fn listed_between_commas(
    view: &SentenceView<'_, '_>,
    comma: usize,
    trigger: usize,
) -> Option<usize> {
    if view.folded[comma] != "," || !view.lexicon.temporal.is_past_tense(&view.folded[trigger]) {
        return None;
    }
    let end = view.clause_end(trigger);
    let and = (trigger + 1..end).find(|&k| view.folded[k] == "and")?;
    coordinated_verb_before(view, and + 1).filter(|&first| first < comma)
}

/// Does the verb of harm at `trigger` leave people counted before it as its victims
/// ("with 119 Palestinians reportedly killed since", "Fifty civilians killed in El
/// Fasher"), whether or not an auxiliary marks the passive? Only with no object
/// after it: "killed two civilians" and "killed 51 people" make the counted (or
/// the "a" of "A Russian strike") its doers.
fn harms_counted_victims(view: &SentenceView<'_, '_>, trigger: usize) -> bool {
    let events = &view.lexicon.events;
    // "killed at least 51": the figure after the casualty filler is the object.
    let figure = (trigger + 1..view.tokens.len())
        .take(VICTIM_FILLER_WORDS + 1)
        .find(|&j| !events.casualties.filler.contains(&view.folded[j]))
        .is_some_and(|j| {
            view.tokens[j].kind == TokenKind::Number
                || view
                    .lexicon
                    .temporal
                    .number_words
                    .contains_key(&view.folded[j])
        });
    !figure
        && view.any_phrase(trigger, &events.harm_verbs)
        && view.tokens.get(trigger + 1).is_none_or(|next| {
            let word = &view.folded[trigger + 1];
            next.kind == TokenKind::Punct
                || events.prepositions.contains(word)
                || events.order_breaks.contains(word)
                || matches!(word.as_str(), "by" | "during" | "when" | "as" | "and")
        })
}

/// Filler words a casualty figure may stand behind ("at least", "more than").
const VICTIM_FILLER_WORDS: usize = 3;

/// Is the name counted ("119 Palestinians", "dozens of Sudanese civilians")?
fn counted(view: &SentenceView<'_, '_>, m: &NameMention) -> bool {
    let Some(before) = m.first.checked_sub(1) else {
        return false;
    };
    let numbers = &view.lexicon.temporal.number_words;
    view.tokens[before]
        .text
        .starts_with(|c: char| c.is_ascii_digit())
        || numbers
            .get(&view.folded[before])
            .copied()
            .flatten()
            .is_some()
        || view
            .lexicon
            .events
            .quantity_nouns
            .contains(&view.folded[before])
        || view.of_quantity(before)
}

/// Words from a cue of order to the event noun it governs: "following a deadly
/// suicide attack" is four.
const REACTION_CUE_REACH: usize = 5;

/// The longest adjunct set off by commas read past to the subject before it
/// ("without any reason at all", "in a statement on Monday"); a longer one is
/// mostly a clause of its own, whose names are not the verb's subject.
const ADJUNCT_WORDS: usize = 7;

/// Words besides the prepositions that open an adjunct set off by commas.
const ADJUNCT_OPENERS: [&str; 4] = ["without", "despite", "according", "unlike"];

/// The walk back from the verb (whose auxiliaries end at `j`) to its subject: the
/// first name that can act, unless a comma, a clause break or a nameless speaker
/// ("analysts") comes first.
fn walk_back_to_subject(
    view: &SentenceView<'_, '_>,
    j: usize,
    trigger: usize,
    generic: &mut bool,
    co: &mut Vec<String>,
) -> Option<String> {
    let events = &view.lexicon.events;
    // "Turkey expressed sorrow following a terrorist attack": an event noun after a
    // cue of order, with a verb of speech before the cue, is what the speaker
    // reacts to, not the speaker's act ("seized the airport after heavy fighting"
    // is the seizer's fighting).
    let trigger_entry = events.trigger_at(&view.folded, trigger);
    let reacted_to = events.is_trigger_noun(&view.folded[trigger])
        && trigger_entry.is_some_and(|t| t.kind == Kind::Strike);
    let mut past_order_cue = false;
    // "killed journalist Shireen Abu Akleh during a raid": behind a preposition
    // before a strike noun, a name may be another verb's object.
    let strike_noun = trigger_entry.is_some_and(|t| t.noun && t.kind == Kind::Strike);
    let mut past_preposition = false;
    let victims_before = harms_counted_victims(view, trigger);
    // Where the words right before the verb end: `j`, or the start of an aside
    // between dashes.
    let mut verb_end = j;
    let mut k = j;
    while k > 0 {
        if reacted_to && past_order_cue && events.speech_verb_at(&view.folded, k - 1) {
            return None;
        }
        if k < j
            && events.speech_verb_at(&view.folded, k - 1)
            && (reported_weapon_subject(view, k, j) || reported_event_subject(view, k, trigger))
        {
            return None;
        }
        if k < j
            && trigger - k < REACTION_CUE_REACH
            && matches!(view.folded[k - 1].as_str(), "after" | "following" | "amid")
        {
            past_order_cue = true;
        }
        // "resigned over the Easter Sunday bombings", "sanctions over the attack":
        // the strike is the cause of the act, whatever the verb.
        // ("an over-the-horizon airstrike" is no cause.)
        let over =
            view.folded[k - 1] == "over" && view.tokens.get(k).is_some_and(|t| t.text != "-");
        if reacted_to && k < j && trigger - k < REACTION_CUE_REACH && over {
            return None;
        }
        if view.tokens[k - 1].text == "," {
            let strike_past_preposition = strike_noun && past_preposition;
            return subject_at_comma(view, (k, j, trigger), strike_past_preposition, generic, co);
        }
        // "The Organization of American States (OAS) approved": the short form
        // in brackets after a name is part of it.
        if let Some(open) = short_form_before(view, k) {
            k = open;
            continue;
        }
        // India "decided to expel" the envoy: a few quoted words holding the
        // verb are the subject's own, quoted.
        if quotes_fragment_with(view, k - 1, trigger) {
            k -= 1;
            continue;
        }
        // "The Houthis — who hold Sanaa — claimed responsibility": an aside between
        // dashes, right before the verb, stands between it and its subject.
        if let Some(open) = dashed_aside_before(view, k, j) {
            k = open;
            verb_end = open;
            continue;
        }
        if view.tokens[k - 1].is_clause_break() {
            return None;
        }
        // "Tiruneh acknowledged Sunday that irregular Amhara forces had taken
        // control": a clause a verb of speech reports has its subject after "that",
        // named or not; the speaker is not it, unless the subject is the speaker's
        // ("said that its troops had withdrawn") or a weapon it may have fired.
        if k < j && view.folded[k - 1] == "that" && reports_that_clause(view, k - 1) {
            let speakers_own = (k..j).any(|i| {
                let word = view.folded[i].as_str();
                view.lexicon.events.possessive_pronouns.contains(word)
                    || matches!(word, "it" | "they" | "we" | "he" | "she" | "our")
                    || view.lexicon.events.weapons.contains(word)
            });
            if !speakers_own {
                return None;
            }
        }
        // "appointed new chiefs amid what regional leaders have condemned": a free
        // relative opens the verb's clause, and its subject, named or not, lies
        // after it.
        if k < j && matches!(view.folded[k - 1].as_str(), "what" | "whom") {
            return None;
        }
        // "moved to break off ties after police broke into the embassy": a clause
        // that a subordinator opens has its subject after it, named or not.
        // ("after announcing the withdrawal": a participle shares the main subject.)
        if k < j
            && events.subject_clause_openers.contains(&view.folded[k - 1])
            && !view.folded[k].ends_with("ing")
            // ("speaking after a meeting with Macron", "seized the airport after
            // heavy fighting": "after" governs the event noun.)
            && !events.is_trigger_noun(&view.folded[trigger])
        {
            return None;
        }
        if let Some(m) = view.name_ending_at(k) {
            if victims_before && counted(view, m) {
                return None;
            }
            if crate::text::is_possessive(&view.folded, k) && view.owner_suffered(trigger, m) {
                return None;
            }
            if let Some(actor) = subject_actor(view, m, k == verb_end || pins_noun(view, k, j)) {
                if strike_noun && past_preposition && governed_in_parse(view, m) {
                    return None;
                }
                return Some(with_coordinated(view, m, actor, co));
            }
            if let Some(actor) = absolute_with(view, m, k, j, trigger) {
                return Some(actor);
            }
            k = m.first;
            continue;
        }
        if events.generic_speakers.contains(&view.folded[k - 1]) {
            *generic = true;
            return None;
        }
        if events.prepositions.contains(&view.folded[k - 1]) {
            past_preposition = true;
        }
        k -= 1;
    }
    None
}

/// Words a verb of speech may stand before its "that" ("acknowledged on Sunday
/// that").
const SPEECH_BEFORE_THAT: usize = 3;

/// Is the "that" at `that` the one a verb of speech opens its report with ("said
/// that", "acknowledged Sunday that")?
fn reports_that_clause(view: &SentenceView<'_, '_>, that: usize) -> bool {
    (that.saturating_sub(SPEECH_BEFORE_THAT)..that)
        .any(|i| view.lexicon.events.speech_verb_at(&view.folded, i))
}

/// Words an aside between dashes may have ("— a regional affiliate of the Islamic
/// State group —").
const DASHED_ASIDE_WORDS: usize = 30;

/// The walk back has reached `k`; when a dash closes an aside there, right before
/// the verb (whose auxiliaries end at `j`), the token of the dash that opens it.
/// Only a pair of the same dash, with a word before the opening one, is an aside.
fn dashed_aside_before(view: &SentenceView<'_, '_>, k: usize, j: usize) -> Option<usize> {
    let close = k.checked_sub(1)?;
    let dash = view.tokens[close].text;
    if k != j || !matches!(dash, "—" | "–") {
        return None;
    }
    let open = (close.saturating_sub(DASHED_ASIDE_WORDS)..close)
        .rev()
        .find(|&o| view.tokens[o].is_clause_break() && view.tokens[o].text != ",")?;
    (view.tokens[open].text == dash && open > 0 && open + 1 < close).then_some(open)
}

/// "Israel's government said a drone targeted his house": a weapon is the subject of
/// the clause a speaker reports (tokens `from..verb`, the verb's auxiliaries apart),
/// and whoever fired it the speaker does not name; the walk back would make the
/// speaker the doer. ("Ukraine said its drones struck": the owner is named.)
fn reported_weapon_subject(view: &SentenceView<'_, '_>, from: usize, verb: usize) -> bool {
    let events = &view.lexicon.events;
    verb > from
        && !events.is_trigger_noun(&view.folded[verb])
        && events.weapons.contains(&view.folded[verb - 1])
        && (from..verb - 1).all(|i| {
            // ("its drones", "our missiles": the owner is named.)
            !events.possessive_pronouns.contains(&view.folded[i])
                && view.folded[i] != "our"
                && !events.prepositions.contains(&view.folded[i])
                && (view.is_lowercase_modifier(i)
                    || view.tokens[i].text.chars().all(|c| c.is_ascii_digit()))
        })
        && !view.names.iter().any(|m| m.first >= from && m.end <= verb)
}

/// "Ukraine said the attack on Kyiv killed five people": the verb's subject in the
/// parse, after the speech verb ending at `from`, is an event noun, and the attack
/// was the speaker's no more than a weapon's would be ("said its attack killed"
/// names the owner).
fn reported_event_subject(view: &SentenceView<'_, '_>, from: usize, trigger: usize) -> bool {
    let events = &view.lexicon.events;
    if events.is_trigger_noun(&view.folded[trigger]) {
        return false;
    }
    let Some((parsed, verb)) = view.parsed_word(trigger) else {
        return false;
    };
    let tree = &parsed.tree;
    let Some(subject) = tree.dependent(verb, "nsubj") else {
        return false;
    };
    let Some(token) = parsed.token_of(subject) else {
        return false;
    };
    let owned = tree.dependents(subject).any(|d| {
        parsed
            .token_of(d)
            .is_some_and(|t| events.possessive_pronouns.contains(&view.folded[t]))
    });
    token >= from
        && token < trigger
        && tree.upos(subject) == "NOUN"
        && events
            .trigger_at(&view.folded, token)
            .is_some_and(|t| t.noun && t.kind == Kind::Strike)
        && !owned
}

/// The walk back to the subject has reached a comma at `k - 1` (see
/// `walk_back_to_subject`, whose verb's auxiliaries end at `j`): the subject is the
/// head of the appositive or participle clause the comma ends, or lies before a
/// short adjunct set off by commas, or is not named.
/// (`strike_past_preposition`: the walk is from a strike noun and has passed a
/// preposition, behind which a name another word governs is no doer.)
fn subject_at_comma(
    view: &SentenceView<'_, '_>,
    (k, j, trigger): (usize, usize, usize),
    strike_past_preposition: bool,
    generic: &mut bool,
    co: &mut Vec<String>,
) -> Option<String> {
    let events = &view.lexicon.events;
    // "Police arrested the gunman, officials said": the verb's subject, a
    // common noun that names no one, stands between the comma and the verb;
    // the name before the comma ends another clause.
    if k < j && subject_after(view, k - 1, trigger) {
        return None;
    }
    // An appositive or a participle clause ends here; its head is the name
    // before the comma that opens it ("the BLA, ... battling the
    // government, claimed"), or, when no name stands there, the appositive
    // itself ("the envoy, Kirill Dmitriev, has").
    let open = (0..k - 1).rev().find(|&c| view.tokens[c].is_clause_break());
    let before_open = match open {
        // "Baloch Liberation Army (BLA), the largest ...": past the short form.
        Some(o) if view.tokens[o].text == "," => view
            .name_ending_at(short_form_before(view, o).unwrap_or(o))
            // "The Minister of Defense of Venezuela, Vladimir Padrino López,
            // announced": a name in a title's "of" is not the head.
            .filter(|m| {
                !governed(view, m)
                    && (m.first == 0 || view.folded[m.first - 1] != "of")
                    && m.entity.actor().is_some()
            }),
        _ => None,
    };
    let inside = || {
        view.name_ending_at(k - 1)
            .filter(|m| !governed(view, m) && m.entity.actor().is_some())
    };
    let head = before_open.or_else(inside);
    if let Some(m) = head {
        if let Some(actor) = subject_actor(view, m, true) {
            if strike_past_preposition && governed_in_parse(view, m) {
                return None;
            }
            return Some(with_coordinated(view, m, actor, co));
        }
    }
    // "Kyrgyz border guards, without any reason at all, had shelled": a
    // prepositional phrase set off by commas stands between the subject and
    // its verb; the subject lies before it.
    let short_adjunct =
        |o: usize| view.tokens[o].text == "," && o + 1 < k - 1 && k - 1 - o <= ADJUNCT_WORDS;
    if let Some(o) = open.filter(|&o| short_adjunct(o)) {
        let opener = view.folded[o + 1].as_str();
        if events.prepositions.contains(opener) || ADJUNCT_OPENERS.contains(&opener) {
            return walk_back_to_subject(view, o, trigger, generic, co);
        }
    }
    None
}

/// Does the parse make the name (through the words of its name and the apposition
/// it stands in) another word's object or modifier? "killed journalist Shireen Abu
/// Akleh during a raid", "the death of Khalil Haqqani as a result of an attack": a
/// name another verb or noun governs did not do the strike noun after the
/// preposition. Without a parse, nothing says so.
fn governed_in_parse(view: &SentenceView<'_, '_>, m: &NameMention) -> bool {
    // A name that opens the sentence, titles and determiners aside, is its subject:
    // no need to parse ("Russia on Monday launched an attack on Kyiv").
    let opens_sentence = (0..m.first).all(|j| {
        view.is_determiner(j) || view.tokens[j].is_word() && view.tokens[j].is_capitalized()
    });
    if opens_sentence {
        return false;
    }
    let Some((parsed, mut word)) = view.parsed_word(m.end - 1) else {
        return false;
    };
    let tree = &parsed.tree;
    for _ in 0..NAME_CLIMB {
        match tree.deprel(word) {
            "flat" | "flat:name" | "compound" | "appos" => match tree.head(word) {
                Some(head) => word = head,
                None => return false,
            },
            relation => return matches!(relation, "obj" | "iobj" | "obl" | "nmod"),
        }
    }
    false
}

/// Steps up through the words of a name and its apposition.
const NAME_CLIMB: usize = 6;

/// Is what stands between token `from` (a comma) and the verb at `trigger` a short
/// run of lowercase words that may be the verb's subject ("Police arrested the
/// gunman, officials said")? Not a relative pronoun or another clause's opener
/// ("Poland and NATO, which both said"), a preposition ("Burhan, on Monday morning
/// took power"), a verb or "that" ("Prigozhin, has announced that his forces will
/// withdraw": the comma is the main clause's). Word order suffices: such a run
/// names no one, and the name before the comma ends another clause.
fn subject_after(view: &SentenceView<'_, '_>, from: usize, trigger: usize) -> bool {
    let events = &view.lexicon.events;
    let between = from + 1..view.before_auxiliaries(trigger);
    !between.is_empty()
        && between.len() <= SUBJECT_AFTER_COMMA_WORDS
        && between.clone().all(|k| {
            let word = &view.folded[k];
            view.tokens[k].is_word()
                && !view.tokens[k].is_capitalized()
                && !view.is_manner_adverb(k)
                && !events.prepositions.contains(word)
                && !events.subordinators.contains(word)
                // (Relative words and clause openers are `subordinators`.)
                && !matches!(
                    word.as_str(),
                    "that" | "whom" | "whose" | "what" | "and" | "but" | "or" | "it" | "they"
                        | "he" | "she" | "we" | "i" | "you"
                )
                && !events.speech_verb_at(&view.folded, k)
                && !view.lexicon.temporal.is_past_tense(word)
        })
}

/// Words a common-noun subject between a comma and its verb may take: "a senior
/// security official" is four.
const SUBJECT_AFTER_COMMA_WORDS: usize = 5;

/// "..., with the Islamic State group claiming responsibility": in an absolute
/// construction the name "with" governs is the subject of the -ing form after it,
/// with at most a few lowercase words (its head noun) between. The name's actor.
fn absolute_with(
    view: &SentenceView<'_, '_>,
    m: &NameMention,
    name_end: usize,
    verb_start: usize,
    trigger: usize,
) -> Option<String> {
    const HEAD_WORDS: usize = 2;
    // "with the militant group on Monday saying": a date may stand before the verb.
    let temporal = &view.lexicon.temporal;
    let day = |k: usize| temporal.names_month_or_weekday(&view.folded[k]);
    let mut verb_start = verb_start;
    if verb_start >= name_end + 2 && day(verb_start - 1) && view.folded[verb_start - 2] == "on" {
        verb_start -= 2;
    }
    if !view.folded[trigger].ends_with("ing") || verb_start - name_end > HEAD_WORDS {
        return None;
    }
    // "trade with Georgia and suspending visas": a conjunction joins the -ing form
    // to another verb, whose subject it shares.
    let head_nouns = (name_end..verb_start).all(|i| {
        view.tokens[i].is_word()
            && !view.tokens[i].is_capitalized()
            && !view.lexicon.events.prepositions.contains(&view.folded[i])
            && !matches!(
                view.folded[i].as_str(),
                "and" | "or" | "but" | "nor" | "then"
            )
    });
    let mut before = m.first;
    while before > 0 && view.is_determiner(before - 1) {
        before -= 1;
    }
    let with = head_nouns && before > 0 && view.folded[before - 1] == "with";
    with.then(|| m.entity.actor().map(str::to_string)).flatten()
}

/// What the antecedent of a relative clause is.
enum Antecedent {
    /// Its own name's actor ("the Houthis, who seized"), or that of the name that owns
    /// it ("a Russian attack that struck", "the leader of Hamas, which attacked"),
    /// never one it is aimed at ("an attack on Ukraine").
    Actor(String),
    /// A common noun that is no name, owns none and is no verb's object ("said the
    /// missile that hit Poland was Russian"). ("Houthi rebels fired a missile that
    /// struck a ship": a weapon a named side fired, the object of that side's verb,
    /// is that side's.)
    Thing,
    /// Anything else: the name before it may still be the doer.
    Other,
}

/// The antecedent of the relative clause whose verb is at `trigger`, as the parse
/// finds it; `None` when the parse makes the verb no relative clause.
fn relative_antecedent(view: &SentenceView<'_, '_>, trigger: usize) -> Option<Antecedent> {
    let (parsed, verb) = view.parsed_word(trigger)?;
    let tree = &parsed.tree;
    if tree.deprel(verb) != "acl:relcl" {
        return None;
    }
    let antecedent = tree.head(verb)?;
    // Behind a preposition or not ("over a Russian attack that"), the antecedent
    // is the relative clause's subject.
    let actor_in = |word: usize| {
        super::view::name_of(view, &parsed, word).and_then(super::view::speaking_actor)
    };
    let owned_by = |dependent: usize| match tree.deprel(dependent) {
        "amod" | "nmod:poss" | "compound" => true,
        "nmod" => tree
            .dependent(dependent, "case")
            .and_then(|case| parsed.token_of(case))
            .is_some_and(|case| matches!(view.folded[case].as_str(), "of" | "by")),
        _ => false,
    };
    let actor = actor_in(antecedent).or_else(|| {
        tree.dependents(antecedent)
            .filter(|&d| owned_by(d))
            .find_map(actor_in)
    });
    if let Some(actor) = actor {
        return Some(Antecedent::Actor(actor));
    }
    let named = |word: usize| super::view::name_of(view, &parsed, word).is_some();
    let thing = tree.upos(antecedent) == "NOUN"
        && tree.deprel(antecedent) != "obj"
        && !named(antecedent)
        && !tree.dependents(antecedent).any(named);
    Some(if thing {
        Antecedent::Thing
    } else {
        Antecedent::Other
    })
}

/// "Moscow issued a statement", "Kyiv launched a drone attack": from `verb` (where
/// a name ends) to the event noun at `noun`, only a verb that carries the noun out
/// (see `pinning_verbs`) and the noun's determiners and modifiers.
pub(super) fn pins_noun(view: &SentenceView<'_, '_>, verb: usize, noun: usize) -> bool {
    let events = &view.lexicon.events;
    verb < noun
        && noun - verb <= PINNED_NOUN_REACH
        && view.any_phrase(verb, &events.pinning_verbs)
        && (verb + 1..noun).all(|j| {
            view.is_determiner(j)
                || view.tokens[j].is_word()
                    && !view.tokens[j].is_capitalized()
                    && !events.prepositions.contains(&view.folded[j])
        })
}

/// Words from a verb that carries out an event to the event's noun ("launched a
/// large drone attack").
pub(super) const PINNED_NOUN_REACH: usize = 5;

/// Words a quoted fragment holding a verb may have ("\"decided to expel\"").
const QUOTED_FRAGMENT_WORDS: usize = 5;

/// Does the quotation mark at `open` open a quotation of a few words that holds the
/// token `trigger` and closes after it?
fn quotes_fragment_with(view: &SentenceView<'_, '_>, open: usize, trigger: usize) -> bool {
    let tokens = view.tokens;
    let mark = tokens[open].text;
    // A straight mark opens when an even number of them stand before it.
    let opens = mark == "\u{201c}"
        || mark == "\"" && tokens[..open].iter().filter(|t| t.text == "\"").count() % 2 == 0;
    opens
        && trigger > open
        && (trigger + 1..(open + 2 + QUOTED_FRAGMENT_WORDS).min(tokens.len()))
            .find(|&c| is_double_quote_mark(tokens[c].text))
            .is_some_and(|close| {
                tokens[close].text != "\u{201c}"
                    && !(open + 1..close).any(|c| is_double_quote_mark(tokens[c].text))
            })
}

/// Where a short form in brackets that ends at token `end` opens ("(OAS)",
/// "(M23)"), when a name stands right before it.
fn short_form_before(view: &SentenceView<'_, '_>, end: usize) -> Option<usize> {
    let tokens = view.tokens;
    if end < 4 || tokens[end - 1].text != ")" || tokens[end - 3].text != "(" {
        return None;
    }
    let form = &tokens[end - 2];
    let short_form = form.is_word() && form.is_capitalized();
    (short_form && view.name_ending_at(end - 3).is_some()).then_some(end - 3)
}

/// The actor a name stands for as a subject: none when a preposition governs it; a
/// capital right before its verb speaks for its country ("Moscow said").
pub(super) fn subject_actor(
    view: &SentenceView<'_, '_>,
    m: &NameMention,
    adjacent: bool,
) -> Option<String> {
    if governed(view, m) {
        return None;
    }
    // "Kyiv's forces had taken control": a capital owns its state's forces.
    let owns_forces = crate::text::is_possessive(&view.folded, m.end)
        && view
            .folded
            .get(m.end + 2)
            .is_some_and(|w| view.lexicon.events.armed_forces.contains(w));
    match m.entity.class {
        EntityClass::Capital if adjacent || owns_forces => m.entity.country.clone(),
        _ => m.entity.actor().map(str::to_string),
    }
}

/// "India and Pakistan agreed", "US and British forces struck": the first named
/// leads and the later one (`actor`, named by `m`) goes to `co`.
pub(super) fn with_coordinated(
    view: &SentenceView<'_, '_>,
    m: &NameMention,
    actor: String,
    co: &mut Vec<String>,
) -> String {
    let mut j = m.first;
    // Skip back over the title words in front of the later name.
    while j > 0
        && view.name_ending_at(j).is_none()
        && view.tokens[j - 1].is_capitalized()
        && view.folded[j - 1] != "and"
    {
        j -= 1;
    }
    // "Iran and the International Atomic Energy Agency"
    if j >= 3 && view.folded[j - 1] == "the" && view.folded[j - 2] == "and" {
        j -= 1;
    }
    if j >= 2 && view.folded[j - 1] == "and" {
        let mut k = j - 1;
        while k > 0
            && view.name_ending_at(k).is_none()
            && view.tokens[k - 1].is_word()
            && view.tokens[k - 1].is_capitalized()
        {
            k -= 1;
        }
        if let Some(first) = view
            .name_ending_at(k)
            .and_then(|other| subject_actor(view, other, true))
        {
            co.push(actor);
            return first;
        }
        if let Some(first) = qualified_attackers_before(view, j - 1) {
            co.push(actor);
            return first;
        }
    }
    actor
}

/// Lowercase words a side's name may stand before in a conjunct naming attackers:
/// "an Al-Shabaab suicide bomber" is two.
const ATTACKER_MODIFIERS: usize = 2;

/// "An Al-Shabaab suicide bomber and gunmen attacked": the side whose name
/// qualifies the attackers of a first conjunct (ending before `and`) is the subject's
/// side.
fn qualified_attackers_before(view: &SentenceView<'_, '_>, and: usize) -> Option<String> {
    let head = and.checked_sub(1)?;
    if !view
        .lexicon
        .events
        .attacker_nouns
        .contains(&view.folded[head])
    {
        return None;
    }
    let mut k = head;
    while k > 0 && head - k < ATTACKER_MODIFIERS && view.name_ending_at(k).is_none() {
        let token = &view.tokens[k - 1];
        if !token.is_word() || token.is_capitalized() {
            break;
        }
        k -= 1;
    }
    view.name_ending_at(k)
        .filter(|m| !governed(view, m))
        .and_then(|m| subject_actor(view, m, true))
}
