//! Who speaks, read from the sentence's dependency parse rather than from word order:
//! the subject of the speech verb wherever it stands ("Secretary of State Marco Rubio
//! said", "\"…,\" said Donald Trump"), the agent of a passive ("was announced by the
//! Kremlin"), the subject of the first verb for a coordinated one ("arrived in Doha
//! and said"). A common noun as subject ("presenters said") names nobody.

use super::gazetteer::EntityClass;
use super::subject::governed;
use super::view::{name_of, speaking_actor, SentenceView};
use crate::model::Kind;
use crate::syntax::Tree;

/// The named speaker of the verb at extractor token `trigger`, with those
/// coordinated with it ("Moscow and Paris said"). None when there is no parse, no
/// subject, a pronoun, or a subject that names no actor itself ("Putin's spokesman",
/// "presenters"): the word-order rules, which know pronouns and owners, decide then.
pub(super) fn speaker(
    view: &SentenceView<'_, '_>,
    trigger: usize,
) -> Option<(String, Vec<String>)> {
    if word_order_suffices(view, trigger) {
        return None;
    }
    // "..., said diplomats": the subject stands after the verb, and only there.
    let inverted = super::subject::inverted_attribution(view, trigger);
    let (parsed, verb) = view.parsed_word(trigger)?;
    let parsed = &*parsed;
    let tree = &parsed.tree;
    if !matches!(tree.upos(verb), "VERB" | "AUX") {
        return None;
    }
    let subjects = subjects_of(tree, verb);
    if subjects.iter().any(|&s| tree.upos(s) == "PRON") {
        return None;
    }
    // Several subjects are a misparse of one long one: a title split off
    // ("Secretary [of State] Marco Rubio"), a post's country ("the envoy to Sudan
    // Raila Odinga"). English puts the subject's head last, next to its verb: the
    // last subject that names an actor speaks.
    let actor_of = |subject: usize| {
        if inverted && subject < verb {
            return None;
        }
        let actor = name_of(view, parsed, subject).and_then(speaking_actor)?;
        Some((subject, actor))
    };
    // "Andriy Kovalenko, head of Ukraine's Center for Countering Disinformation,
    // said": a subject with an appositive after it is the speaker; a "subject" the
    // parse finds inside the appositive is a misparse of its tail.
    let appositive_head = subjects.iter().copied().find(|&subject| {
        subjects.iter().any(|&other| other > subject)
            && tree.dependents(subject).any(|d| tree.deprel(d) == "appos")
    });
    let named = appositive_head
        .and_then(actor_of)
        .or_else(|| subjects.iter().rev().find_map(|&subject| actor_of(subject)));
    let Some((subject, actor)) = named else {
        // "Russia's civilian aviation regulator, Rosaviatsia, said Prigozhin was ...":
        // the comma closes an appositive of a subject the parse found before the
        // verb, and the name after the verb is what was said about.
        if !inverted && subjects.iter().any(|&s| s < verb) {
            return None;
        }
        return inverted_speaker(view, trigger).map(|actor| (actor, Vec::new()));
    };
    let co = tree
        .dependents(subject)
        .filter(|&d| tree.deprel(d) == "conj")
        .filter_map(|d| name_of(view, parsed, d))
        .filter_map(speaking_actor)
        .filter(|other| *other != actor)
        .collect();
    Some((actor, co))
}

/// Words before an event noun within which a verb of speech may take it as object:
/// "hailed his army's capture" is five.
const SPEECH_OBJECT_REACH: usize = 5;

/// Is the event noun at extractor token `noun` the object of a speech verb ("Jack
/// Reed condemned the strikes")? Then the speaker reports it and did not do it. A
/// strike its speaker announces ("the rebels announced the capture of the town") is
/// the speaker's own act (see `announcing_verbs`).
pub(super) fn object_of_speech(view: &SentenceView<'_, '_>, noun: usize, kind: Kind) -> bool {
    // Only a speech verb a few words before the noun, with nothing but determiners
    // and modifiers between ("condemned the deadly strikes"), can take it as object;
    // the parse is asked only then.
    let events = &view.lexicon.events;
    let modifier = |j: usize| {
        view.is_determiner(j)
            // "denounce Israel's attack"
            || view.tokens[j].is_apostrophe()
            // "condemned a wave of Russian strikes"
            || view.of_quantity(j)
            // "condemned the July 29 attack"
            || view.tokens[j].kind == crate::text::TokenKind::Number
            || view.tokens[j].is_word()
                && !events.prepositions.contains(&view.folded[j])
                && !matches!(view.folded[j].as_str(), "that" | "and" | "or")
    };
    // ("said that the strike": the complementiser may follow the verb.)
    let between =
        |j: usize| (j + 1..noun).all(|k| modifier(k) || k == j + 1 && view.folded[k] == "that");
    let speech_verb_before = (noun.saturating_sub(SPEECH_OBJECT_REACH)..noun)
        .rev()
        .any(|j| between(j) && events.speaks_of_at(&view.folded, j));
    if !speech_verb_before {
        return false;
    }
    // "talked about the attacks", "to look into the attack": a phrase that ends in
    // its preposition takes the noun after it, whatever the parse says.
    let topic_phrase_before = (noun.saturating_sub(SPEECH_OBJECT_REACH)..noun).any(|j| {
        j > 0
            && between(j)
            // ("appalled by the assault": "by" is no preposition of place.)
            && (events.prepositions.contains(&view.folded[j]) || view.folded[j] == "by")
            && events.topic_ends_at(&view.folded, j)
    });
    if topic_phrase_before {
        return true;
    }
    let Some((parsed, word)) = view.parsed_word(noun) else {
        return false;
    };
    let tree = &parsed.tree;
    // "foiled a coup attempt": the noun qualifies the object's head.
    let word = match tree.deprel(word) {
        "compound" => tree.head(word).unwrap_or(word),
        _ => word,
    };
    let relation = tree.deprel(word);
    if !matches!(relation, "obj" | "nsubj:pass" | "nsubj") {
        return false;
    }
    let Some(head) = tree.head(word) else {
        return false;
    };
    // "Peskov said the strike on Dnipro was caused by air defences": the subject
    // of the clause a speech verb reports is what the speaker speaks of, too.
    // (Only a strike: "said the ceasefire deal was reached" leaves the deal to its
    // parties, whom the speaker is often one of.)
    let reported = relation != "obj" && kind == Kind::Strike && tree.deprel(head) == "ccomp";
    let verb = if reported {
        match tree.head(head) {
            Some(speech) => speech,
            None => return false,
        }
    } else if relation == "nsubj" {
        return false;
    } else {
        head
    };
    // The extractor token where the verb starts.
    let Some(token) = parsed.token_of(verb) else {
        return false;
    };
    let announces_own_act = view.any_phrase(token, events.announcing_verbs_of(kind));
    !announces_own_act && events.speaks_of_at(&view.folded, token)
}

/// Does word order settle the speaker without a parse? It does in the common cases:
/// right before the verb (auxiliaries aside) a personal pronoun ("he has told"), a
/// name no preposition governs ("Putin said", but not "Secretary of State Marco Rubio
/// said"), or a common noun ("officials said", "Kremlin officials said"), which the
/// word-order rules read as well as the parse would. A passive, a comma or quote
/// before the verb (appositives, inverted attribution), a conjunction or an adverb
/// send the sentence to the parser: parsing is the dearest step of extraction, so
/// only those sentences pay for it.
fn word_order_suffices(view: &SentenceView<'_, '_>, trigger: usize) -> bool {
    let events = &view.lexicon.events;
    let j = view.before_auxiliaries(trigger);
    if j == 0 || view.is_passive(trigger) {
        return false;
    }
    let before = &view.tokens[j - 1];
    let word = view.folded[j - 1].as_str();
    let pronoun = matches!(word, "he" | "she" | "it" | "they" | "we" | "i" | "you");
    let name = view.name_ending_at(j).map(|m| !governed(view, m));
    let common_noun = name.is_none()
        && before.is_word()
        && !before.is_capitalized()
        && !word.ends_with("ly")
        && !matches!(
            word,
            "and" | "or" | "but" | "then" | "also" | "later" | "who" | "which" | "by" | "upon"
        )
        // "decided to expel ... after announcing": the participle's subject is
        // another verb's, which only the parse finds.
        && !events.prepositions.contains(word)
        && !events.subordinators.contains(word)
        && !events.order_breaks.contains(word);
    pronoun || name == Some(true) || common_noun
}

/// The subjects of `verb`: its `nsubj` (one, unless the parser went wrong); for a
/// passive, the agent (`obl:agent`); for a verb coordinated with or governed by
/// another ("arrived and said", "went on to say", "Macron cautioned ..., emphasizing
/// that"), that verb's subject.
fn subjects_of(tree: &Tree<'_>, verb: usize) -> Vec<usize> {
    let nominal = |verb: usize| -> Vec<usize> {
        tree.dependents(verb)
            .filter(|&d| tree.deprel(d) == "nsubj")
            .collect()
    };
    let subjects = nominal(verb);
    if !subjects.is_empty() {
        return subjects;
    }
    if tree.dependent(verb, "nsubj:pass").is_some() || tree.dependent(verb, "aux:pass").is_some() {
        return tree.dependent(verb, "obl:agent").into_iter().collect();
    }
    // Only an active verb lends its subject: the agent of a passive one did not
    // speak ("concessions could be finalised by Zelensky and noted ..." misparsed).
    let mut verb = verb;
    for _ in 0..2 {
        match (tree.deprel(verb), tree.head(verb)) {
            ("conj" | "xcomp" | "advcl", Some(head)) => verb = head,
            _ => return Vec::new(),
        }
        let subjects = nominal(verb);
        if !subjects.is_empty() {
            return subjects;
        }
    }
    Vec::new()
}

/// Inverted attribution the parse missed: a speech verb right after a quotation
/// (`"...," said Iranian Foreign Minister Abbas Araghchi on Sunday`) and a name after
/// it with only titles and qualifiers between. The commonest attribution in wire
/// copy, and one a greedy parser can lose in a long quotation.
fn inverted_speaker(view: &SentenceView<'_, '_>, trigger: usize) -> Option<String> {
    if !view.closes_clause_before(trigger) {
        return None;
    }
    view.name_after(trigger + 1, INVERTED_SPEAKER_REACH)
        .and_then(speaking_actor)
}

/// Words after an inverted verb of speech within which its speaker's name starts:
/// room for a title with its body and state before the name ("said US National
/// Security Council spokeswoman Adrienne Watson"). Only determiners, capitalised
/// words and titles may fill it.
const INVERTED_SPEAKER_REACH: usize = 8;

/// Words after a quotation within which its speaker's verb may stand ("...,"
/// Mohamud posted on X", "...," said the minister).
const QUOTE_SPEAKER_REACH: usize = 6;

/// "\"This evening, I signed the law,\" Mohamud posted": a first-person subject
/// inside a quotation is its speaker, named beside the verb of speech right after
/// the quotation closes. `plural` ("we") is the speaker's side, which the caller
/// finds; "I" is the speaker.
pub(super) fn quoted_first_person(
    view: &SentenceView<'_, '_>,
    trigger: usize,
) -> Option<(String, bool)> {
    let events = &view.lexicon.events;
    let j = view.before_auxiliaries(trigger);
    let plural = match view.folded.get(j.checked_sub(1)?)?.as_str() {
        "i" => false,
        "we" => true,
        _ => return None,
    };
    let close = view.quotation_close_after(trigger)?;
    let verb = (close + 1..(close + 1 + QUOTE_SPEAKER_REACH).min(view.tokens.len()))
        .find(|&k| events.speech_verb_at(&view.folded, k))?;
    // "..., Mohamud said" or "..., said Mohamud".
    let before = view
        .name_ending_at(verb)
        .filter(|m| m.first > close)
        .and_then(speaking_actor);
    let speaker = before.or_else(|| view.name_after(verb + 1, 5).and_then(speaking_actor))?;
    Some((speaker, plural))
}

/// "The Houthis claimed they had struck a ship": a "they" subjecting a clause that
/// reports what its governing verb's subject said or claimed is that subject.
pub(super) fn reporter_of_clause(view: &SentenceView<'_, '_>, trigger: usize) -> Option<String> {
    let (parsed, verb) = view.parsed_word(trigger)?;
    let parsed = &*parsed;
    let tree = &parsed.tree;
    if !matches!(tree.deprel(verb), "ccomp" | "xcomp") {
        return None;
    }
    let reporting = tree.head(verb)?;
    // "Hezbollah denied it but said it carried out attacks": a verb of speech
    // coordinated with an earlier verb shares its subject.
    let subject = tree.dependent(reporting, "nsubj").or_else(|| {
        (tree.deprel(reporting) == "conj")
            .then(|| tree.head(reporting))
            .flatten()
            .and_then(|first| tree.dependent(first, "nsubj"))
    })?;
    name_of(view, parsed, subject)
        .and_then(speaking_actor)
        .or_else(|| {
            // "Gabonese officers said they had seized power": the officers' state.
            tree.dependents(subject)
                .filter(|&d| tree.deprel(d) == "amod")
                .find_map(|d| name_of(view, parsed, d))
                .filter(|m| m.entity.class == EntityClass::Demonym)
                .and_then(speaking_actor)
        })
}

#[cfg(test)]
mod tests {
    use crate::extract::tests::doc;
    use crate::extract::{extract_document, ExtractedEvent, Lexicon};
    use crate::model::Kind;

    fn events(text: &str) -> Vec<ExtractedEvent> {
        let lexicon = Lexicon::builtin().expect("built-in lexicon");
        extract_document(&doc(text, "2025-12-03"), &lexicon).events
    }

    fn statements(text: &str) -> Vec<Vec<String>> {
        events(text)
            .into_iter()
            .filter(|e| e.kind == Kind::Statement)
            .map(|e| e.actors)
            .collect()
    }

    /// (sentence, the speaker it names; None when it must give no statement).
    const SPEAKERS: &[(&str, Option<&str>)] = &[
        // The subject after the verb: inverted attribution.
        (
            "\"We will not back down from our position,\" said Donald Trump.",
            Some("Donald Trump"),
        ),
        // A title and a name before the verb, a date between verb and clause.
        (
            "Secretary of State Marco Rubio said on Tuesday that the talks would resume.",
            Some("Marco Rubio"),
        ),
        (
            "Senator Jack Reed condemned the strikes on Monday.",
            Some("Jack Reed"),
        ),
        // The agent of a passive.
        (
            "The ceasefire was announced by the Kremlin on Monday.",
            Some("Kremlin"),
        ),
        // The subject of the first of two coordinated verbs.
        (
            "Putin arrived in Minsk and said on Friday that the talks had failed.",
            Some("Vladimir Putin"),
        ),
        ("\"We are ready for talks,\" said Iranian Foreign Minister Abbas Araghchi on Sunday.", Some("Abbas Araghchi")),
        ("Secretary-General of NATO Mark Rutte said on Tuesday that allies would respond.", Some("Mark Rutte")),
        // A participle takes the subject of the verb it hangs from.
        ("French President Emmanuel Macron cautioned on Monday that no plan exists, emphasizing that Ukraine must be heard.", Some("Emmanuel Macron")),
        // A common noun as subject names nobody, not the next person named.
        (
            "Presenters said Zelensky would travel to Berlin on Friday.",
            None,
        ),
    ];

    #[test]
    fn the_object_of_a_speech_verb_is_not_the_speaker_s_act() {
        let events = events("Senator Jack Reed condemned the strikes on Monday.");
        assert!(
            events
                .iter()
                .filter(|e| e.kind == Kind::Strike)
                .all(|e| !e.actors.contains(&"Jack Reed".to_string())),
            "{events:#?}"
        );
    }

    #[test]
    fn the_speaker_is_the_subject_in_the_parse() {
        let mut failures = Vec::new();
        for &(text, speaker) in SPEAKERS {
            let found = statements(text);
            let ok = match speaker {
                Some(name) => found
                    .iter()
                    .any(|actors| actors.first().map(String::as_str) == Some(name)),
                None => found.is_empty(),
            };
            if !ok {
                failures.push(format!("{text}\n  expected {speaker:?}, found {found:?}"));
            }
        }
        assert!(failures.is_empty(), "{}", failures.join("\n"));
    }
}
