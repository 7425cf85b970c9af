//! Which candidates are events the text reports.

use super::gazetteer::EntityClass;
use super::parse::SentenceSyntax;
use super::view::{Candidate, SentenceView};
use crate::model::Kind;

/// Why a trigger is not an event the text reports, if it is not (shown by
/// `extract --explain`, so that a missed event can be traced to its rule).
pub(super) fn rejection(
    candidate: &Candidate,
    view: &SentenceView<'_, '_>,
) -> Option<&'static str> {
    let events = &view.lexicon.events;
    let window = window_before(candidate, view);
    if negated_or_hypothetical(candidate, view, &window) {
        return Some("negated or hypothetical");
    }
    let clause_start = view.clause_start(candidate.first);
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
            return Some("a noun whose predicate is a modal");
        }
        // "Japan would respond militarily to a Chinese attack": an indefinite event
        // after a modal in its clause is one supposed, not reported.
        let indefinite = (candidate.first.saturating_sub(2)..candidate.first)
            .any(|j| matches!(view.folded[j].as_str(), "a" | "an"));
        let supposed =
            (clause_start..candidate.first).any(|j| events.modals.contains(&view.folded[j]));
        if indefinite && supposed {
            return Some("an indefinite event after a modal: supposed");
        }
    }
    // "renewed his call for the group to disarm": a call made is an appeal, not a
    // phone call, when what it asks follows it or a verb of appealing takes it.
    if candidate.noun && candidate.kind == Kind::Meeting && view.folded[candidate.first] == "call" {
        let next = view.folded.get(candidate.end).map(String::as_str);
        let asks = matches!(next, Some(w) if events.appeal_call.after.contains(w))
            || next == Some("to")
                && view
                    .tokens
                    .get(candidate.end + 1)
                    .is_some_and(|t| t.is_word() && !t.is_capitalized());
        let mut j = candidate.first;
        while j > 0 && (view.is_determiner(j - 1) || view.tokens[j - 1].is_apostrophe()) {
            j -= 1;
        }
        let appealed = j > 0 && events.appeal_call.verbs.contains(&view.folded[j - 1]);
        if asks || appealed {
            return Some("a call for something: an appeal, not a phone call");
        }
    }
    // "has repeatedly dismissed", "has long viewed": a habit, not an event; so is
    // each noun of a list a habit governs ("frequently carries out bombings and gun
    // attacks").
    let head = first_conjunct(view, candidate.first);
    let head_window = clause_start.max(head.saturating_sub(4))..head;
    if window
        .clone()
        .chain(head_window)
        .any(|j| events.habitual.contains(&view.folded[j]))
    {
        return Some("a habit, not an event");
    }
    if candidate.noun && characterises(candidate, view) {
        return Some("what someone called an act (\"denounced the move as a coup\"), not an act");
    }
    if candidate.kind == Kind::Statement {
        if let Some(reason) = not_words(candidate, view) {
            return Some(reason);
        }
    }
    if candidate.kind == Kind::Action && candidate.actors.is_empty() {
        return Some("an act nobody named did");
    }
    // "test-fired missiles", "a drill": firing at no one.
    if candidate.kind == Kind::Strike
        && window
            .clone()
            .any(|j| events.non_hostile.contains(&view.folded[j]))
    {
        return Some("firing at no one (a test or a drill)");
    }
    if candidate.kind == Kind::Meeting && meets_a_standard(candidate, view) {
        return Some("meeting a deadline or a demand, not a person");
    }
    // "an attack that killed 26", "the war has killed thousands": a toll.
    let toll = !candidate.noun
        && events.killing_verbs.contains(&view.folded[candidate.first])
        && candidate
            .first
            .checked_sub(1)
            .is_some_and(|j| events.toll_openers.contains(&view.folded[j]));
    if toll {
        return Some("a toll, not an act");
    }
    if candidate.kind == Kind::Strike && describes_people(candidate, view) {
        return Some("a participle describing people (\"the pupils abducted\"), not an act");
    }
    if candidate.kind == Kind::Strike && quarrel(candidate, view) {
        return Some("a quarrel between people, not fighting");
    }
    if candidate.needs_object && candidate.counterparts.is_empty() {
        return Some("the verb needs a named actor as its object");
    }
    if candidate.kind == Kind::Meeting && !phone_called(candidate, view) {
        return Some("\"called\" names or judges someone here, not a phone call");
    }
    // "This tentative agreement was seen as ...": the article's earlier event again.
    let demonstrative = (candidate.first.saturating_sub(3)..candidate.first)
        .rev()
        .take_while(|&j| view.tokens[j].is_word() && view.name_at(j).is_none())
        .any(|j| events.demonstratives.contains(&view.folded[j]));
    if candidate.noun && demonstrative && candidate.actors.is_empty() {
        return Some("the article's earlier event again (a demonstrative)");
    }
    // "accused Ukraine of launching drone strikes", "claims that Kyiv had attacked":
    // an act someone alleges, not one the text reports. ("blamed Kyiv for the
    // blast" alleges who set it off; that it went off, the text reports.)
    if candidate.kind != Kind::Statement && !view.agentless(candidate) && alleged(candidate, view) {
        return Some("alleged, not reported");
    }
    if called_off(candidate, view) {
        return Some("called off, suspended or postponed");
    }
    if wished_for(candidate, view) {
        return Some("wished for or asked for");
    }
    if sought_in_talks(candidate, view) {
        return Some("sought in negotiations, not yet made");
    }
    if candidate.actors.is_empty() && candidate.place.is_none() && candidate.victim.is_none() {
        return Some("neither actor nor place");
    }
    // A date only borrowed from a neighbouring verb does not pin a noun down.
    let own_date = candidate.time.is_some() && !candidate.time_shared;
    // "Iran's seizure of a container ship": a noun whose doer and object are named
    // is a particular act.
    let doer_and_object = (candidate.acted_on.is_some()
        || possessed_with_complement(candidate, view))
        && !candidate.actors.is_empty();
    if candidate.noun
        && !(candidate.pinned || own_date || doer_and_object || kills(candidate, view))
    {
        return Some("a noun with no date, place or participants of its own");
    }
    None
}

/// How far before "as" the verb of speech whose judgement it opens may stand
/// ("described the detention of the mayor as a coup").
const CHARACTERISED_REACH: usize = 8;

/// Words from "as one of" to the noun it classes the act with ("as one of Moscow's
/// deadliest strikes").
const ONE_OF_REACH: usize = 8;

/// "Denounced the move as a coup", "slammed it as a politically-motivated
/// \"coup\"": an event noun after "as" and an indefinite article (or none), in a
/// clause a verb of speech opened, is what the speaker called something, not an
/// event; so is one after "as one of" ("described as one of the deadliest
/// strikes"). ("Said as the strikes began" is a time: "as the" is no judgement;
/// "what it described as a strike" is the strike.)
fn characterises(candidate: &Candidate, view: &SentenceView<'_, '_>) -> bool {
    let events = &view.lexicon.events;
    let modifier = |j: usize| {
        let token = &view.tokens[j];
        matches!(view.folded[j].as_str(), "a" | "an")
            || crate::text::is_quote_mark(token.text)
            || token.text == "-"
            || token.is_word()
                && !token.is_capitalized()
                && !view.is_determiner(j)
                && !events.prepositions.contains(&view.folded[j])
    };
    // "described as one of Moscow's deadliest strikes": a class the act is put in.
    let one_of = || {
        (candidate.first.saturating_sub(ONE_OF_REACH)..candidate.first.saturating_sub(2))
            .rev()
            .take_while(|&j| !view.is_break(j))
            .find(|&j| {
                view.folded[j] == "as" && view.folded[j + 1] == "one" && view.folded[j + 2] == "of"
            })
    };
    let Some(as_at) = (candidate.first.saturating_sub(4)..candidate.first)
        .rev()
        .take_while(|&j| view.folded[j] == "as" || modifier(j))
        .find(|&j| view.folded[j] == "as")
        .or_else(one_of)
    else {
        return false;
    };
    // ("claimed what it described as a \"precision strike\"": what is described
    // there is the act itself, named only so.)
    let start = view
        .clause_start(as_at)
        .max(as_at.saturating_sub(CHARACTERISED_REACH));
    (start..as_at).any(|j| events.speaks_of_at(&view.folded, j))
        && !(start..as_at).any(|j| view.folded[j] == "what")
}

/// Why a statement's trigger reports no words of anyone's, if it does not.
fn not_words(candidate: &Candidate, view: &SentenceView<'_, '_>) -> Option<&'static str> {
    if answered_in_deeds(candidate, view) {
        return Some("an answer in deeds (\"responded with strikes\"), not words");
    }
    if candidate.actors.is_empty() {
        return Some("a statement with no speaker");
    }
    if attributing_participle(candidate, view) {
        return Some("a participle laying an act on someone (\"a strike blamed on X\"), not words");
    }
    None
}

/// "an air strike blamed on Damascus": a participle of `attributing_participles`
/// right after a common noun, no name or auxiliary before it, with no date after its
/// preposition ("Russia blamed on Tuesday ..." is Russia speaking).
fn attributing_participle(candidate: &Candidate, view: &SentenceView<'_, '_>) -> bool {
    let events = &view.lexicon.events;
    let Some(span) = events.attributing_participle_at(&view.folded, candidate.first) else {
        return false;
    };
    let after_noun = candidate.first > 0
        && view.tokens[candidate.first - 1].is_word()
        && !view.tokens[candidate.first - 1].is_capitalized()
        && view.name_at(candidate.first - 1).is_none()
        && !events
            .auxiliaries
            .contains(&view.folded[candidate.first - 1]);
    let dated = view
        .folded
        .get(candidate.first + span)
        .is_some_and(|w| view.lexicon.temporal.names_month_or_weekday(w));
    after_noun && !dated
}

/// How far after an attack noun the verb of killing it is the subject of may stand
/// ("a Russian missile strike on the village of Hroza killed").
const KILLING_VERB_REACH: usize = 8;

/// "A Russian strike killed 59 people", "an attack that killed dozens": an attack
/// noun that is the subject of a verb of killing (see `killing_verbs`) is a
/// particular attack, as the parse shows.
fn kills(candidate: &Candidate, view: &SentenceView<'_, '_>) -> bool {
    killing_verb(candidate, view).is_some()
}

/// The token of the verb of killing an attack noun is the subject of, as the parse
/// shows (see `kills`).
pub(super) fn killing_verb(candidate: &Candidate, view: &SentenceView<'_, '_>) -> Option<usize> {
    let events = &view.lexicon.events;
    if candidate.kind != Kind::Strike {
        return None;
    }
    let verb = (candidate.end..(candidate.end + KILLING_VERB_REACH).min(view.tokens.len()))
        .take_while(|&j| !view.is_break(j))
        .find(|&j| events.killing_verbs.contains(&view.folded[j]))?;
    let (parsed, verb_word) = view.parsed_word(verb)?;
    let tree = &parsed.tree;
    let in_candidate = |word: usize| {
        parsed
            .token_of(word)
            .is_some_and(|token| (candidate.first..candidate.end).contains(&token))
    };
    // "a poison gas attack that killed dozens": the relative clause's verb hangs on
    // the noun.
    let relative =
        tree.deprel(verb_word) == "acl:relcl" && tree.head(verb_word).is_some_and(in_candidate);
    (relative || tree.dependent(verb_word, "nsubj").is_some_and(in_candidate)).then_some(verb)
}

/// Words between a possessor and its event noun ("Russia's abrupt withdrawal").
const POSSESSED_NOUN_MODIFIERS: usize = 2;

/// "Russia's withdrawal from the grain deal", "Niger's expulsion of the French
/// ambassador": an event noun a named side owns, with what it acts on after "of"
/// or "from", is that side's particular act.
fn possessed_with_complement(candidate: &Candidate, view: &SentenceView<'_, '_>) -> bool {
    if !candidate.noun
        || !matches!(
            view.folded.get(candidate.end).map(String::as_str),
            Some("of" | "from")
        )
    {
        return false;
    }
    let mut k = candidate.first;
    for _ in 0..=POSSESSED_NOUN_MODIFIERS {
        // The possessive's "s", after its apostrophe, ends the owner's name.
        if k >= 2 && crate::text::is_possessive(&view.folded, k - 2) {
            return view
                .name_ending_at(k - 2)
                .is_some_and(|m| m.entity.actor().is_some());
        }
        if k == 0 || !view.tokens[k - 1].is_word() || view.tokens[k - 1].is_capitalized() {
            return false;
        }
        k -= 1;
    }
    false
}

/// "responded with deadly drone attacks": a verb of answering (see `answer_verbs`)
/// with "with" after it and, within a few words, nothing said (`said_with`).
fn answered_in_deeds(candidate: &Candidate, view: &SentenceView<'_, '_>) -> bool {
    let events = &view.lexicon.events;
    if candidate.noun
        || !events.answer_verbs.contains(&view.folded[candidate.first])
        || view.folded.get(candidate.end).map(String::as_str) != Some("with")
    {
        return false;
    }
    let mut phrase = (candidate.end + 1..view.tokens.len().min(candidate.end + ANSWER_REACH))
        .take_while(|&j| !matches!(view.tokens[j].text, "," | "." | ";"));
    !phrase.any(|j| {
        events.said_with.contains(&view.folded[j])
            || crate::text::is_quote_mark(view.tokens[j].text)
    })
}

/// Words after "with" within which what was said is named ("responded with a
/// strongly worded statement").
const ANSWER_REACH: usize = 6;

/// "one of the individuals abducted", "the release of abducted victims", "persons
/// taken hostage and": a participle of `people_participles` with no auxiliary
/// before it and no object after it says who the people are, not what happened.
/// ("bandits abducted 287 pupils" has its object; "were abducted by" is passive.)
fn describes_people(candidate: &Candidate, view: &SentenceView<'_, '_>) -> bool {
    let events = &view.lexicon.events;
    if candidate.noun
        || !view.any_phrase(candidate.first, &events.people_participles)
        || view.is_passive(candidate.first)
    {
        return false;
    }
    let after = view.tokens.get(candidate.end);
    let object_follows = after.is_some_and(|token| {
        let word = &view.folded[candidate.end];
        token.is_word()
            && !events.prepositions.contains(word)
            && !events.order_breaks.contains(word)
            && !matches!(
                word.as_str(),
                "and" | "or" | "but" | "by" | "during" | "since" | "last"
            )
    });
    let before = candidate.first.checked_sub(1);
    let modifies_next = before
        .is_some_and(|j| view.is_determiner(j) || events.prepositions.contains(&view.folded[j]));
    let follows_people = before.is_some_and(|j| {
        let token = &view.tokens[j];
        token.is_word()
            && !token.is_capitalized()
            && !events.auxiliaries.contains(&view.folded[j])
            && view.name_at(j).is_none()
    });
    modifies_next || follows_people && !object_follows
}

/// "Trump clashed with Zelensky": a clash word whose sides are all people the
/// sentence names, each known as one or given a title ("the 444th Combat Brigade"
/// may be taken for a person's name; a titled name is not a unit).
fn quarrel(candidate: &Candidate, view: &SentenceView<'_, '_>) -> bool {
    let gazetteer = &view.lexicon.gazetteer;
    let person = |name: &String| {
        view.names.iter().any(|m| {
            let titled = m.first > 0 && gazetteer.is_title(&view.folded[m.first - 1]);
            m.entity.class == EntityClass::Person
                && m.entity.name == *name
                && (titled || gazetteer.affiliation(name).is_some())
        })
    };
    view.lexicon
        .events
        .quarrel_words
        .contains(&view.folded[candidate.first])
        && !candidate.counterparts.is_empty()
        && candidate
            .actors
            .iter()
            .chain(&candidate.counterparts)
            .all(person)
}

/// How many heads up from a trigger an alleging or wishing word still governs it
/// ("accused Ukraine of launching drone strikes": strikes → launching → accused).
const GOVERNOR_DEPTH: usize = 4;

/// Words before a trigger an alleging or wishing word may govern it from; only then
/// is the sentence parsed to check.
const GOVERNOR_REACH: usize = 12;

/// The first word up the parse from `word`, at most [`GOVERNOR_DEPTH`] heads, that
/// `governs` accepts, climbing only along relations `follows(step, relation)` allows;
/// with the word just below it.
fn governor_above(
    tree: &crate::syntax::Tree<'_>,
    mut word: usize,
    follows: impl Fn(usize, &str) -> bool,
    governs: impl Fn(usize) -> bool,
) -> Option<(usize, usize)> {
    for step in 0..GOVERNOR_DEPTH {
        let head = tree
            .head(word)
            .filter(|_| follows(step, tree.deprel(word)))?;
        if governs(head) {
            return Some((head, word));
        }
        word = head;
    }
    None
}

/// The few words before the trigger in its clause, where what qualifies it stands.
/// ("did not comment but said": "but" opens a clause of its own.)
fn window_before(candidate: &Candidate, view: &SentenceView<'_, '_>) -> std::ops::Range<usize> {
    let clause_start = view.clause_start(candidate.first);
    let mut window = clause_start.max(candidate.first.saturating_sub(4))..candidate.first;
    if let Some(but) = window.clone().rev().find(|&j| view.folded[j] == "but") {
        window.start = but + 1;
    }
    window
}

/// "did not meet", "talks could resume", "aimed at a ceasefire": a negation or a
/// word of supposition in the `window` before the trigger.
fn negated_or_hypothetical(
    candidate: &Candidate,
    view: &SentenceView<'_, '_>,
    window: &std::ops::Range<usize>,
) -> bool {
    let events = &view.lexicon.events;
    // ("Theresa May said": a name is no modal.)
    window
        .clone()
        .filter(|&j| view.name_at(j).is_none())
        .any(|j| {
            view.any_phrase(j, &events.negation)
                || view.any_phrase(j, &events.irrealis) && !view.reported_future(j, candidate.first)
        })
}

/// Words of a title before the name of whom "called" phoned ("Prime Minister").
const CALLEE_TITLE_WORDS: usize = 2;

/// Unless the trigger is "called" or "calls", true. Otherwise, is it a phone call: a
/// named person or state right after the verb, nothing after them that says what
/// they were called ("called Putin a killer", "called him \"a dictator\""), and
/// a verb of the subject's, not a name given ("the so-called Islamic State", "was
/// called Hamas", "a group called Jaish").
fn phone_called(candidate: &Candidate, view: &SentenceView<'_, '_>) -> bool {
    let at = candidate.first;
    if !matches!(view.folded[at].as_str(), "called" | "calls") {
        return true;
    }
    // A title may stand before the name ("called Emir Tamim", "called President Xi").
    let titled = |m: &&super::view::NameMention| {
        m.first > at
            && m.first <= at + CALLEE_TITLE_WORDS + 1
            && (at + 1..m.first)
                .all(|j| view.tokens[j].is_word() && view.tokens[j].is_capitalized())
    };
    // ("has called Israeli strikes failures": a demonym qualifies what was judged.)
    let Some(callee) = view
        .names
        .iter()
        .find(titled)
        .filter(|m| m.entity.class != EntityClass::Demonym)
    else {
        return false;
    };
    let judged = view.folded.get(callee.end).is_some_and(|w| {
        matches!(
            w.as_str(),
            "a" | "an" | "the" | "as" | "\"" | "“" | "'" | "’"
        )
    });
    // Right before the verb: the subject, or an auxiliary or adverb after it ("has
    // also called", "personally called"); not a form of "be" ("was called Hamas").
    let verb_of_subject = at.checked_sub(1).is_some_and(|j| {
        let word = view.folded[j].as_str();
        view.tokens[j].is_capitalized()
            || matches!(word, "he" | "she" | "they" | "who")
            || view.is_manner_adverb(j)
            || view.lexicon.events.auxiliaries.contains(word)
                && !view.is_passive_auxiliary(j)
                && word != "'s"
    });
    !judged && verb_of_subject
}

/// Whether the act is only alleged. With a parse: an alleging word governs the
/// trigger ("claimed that Ukraine attacked", "accused Russia of shelling") or
/// qualifies it ("the alleged attack"); a word that qualifies something else ("an
/// alleged drug boat") does not. A party's claim of its own act ("the rebels claimed
/// they had captured the city") is a report of it, not an allegation. Without a parse,
/// any alleging word shortly before the trigger in its clause counts.
fn alleged(candidate: &Candidate, view: &SentenceView<'_, '_>) -> bool {
    let events = &view.lexicon.events;
    let alleging_at = |j: usize| events.alleged.contains(&view.folded[j]);
    // Parsing is the dearest step: only a sentence with an alleging word before the
    // trigger asks ("the alleged attack" has it before too).
    let near = candidate.first.saturating_sub(GOVERNOR_REACH)..candidate.first;
    if !near.clone().any(alleging_at) {
        return false;
    }
    if let Some((parsed, word)) = view.parsed_word(candidate.first) {
        let tree = &parsed.tree;
        let is_alleging = |w: usize| parsed.token_of(w).is_some_and(alleging_at);
        if tree.dependents(word).any(is_alleging) {
            return true;
        }
        // ("denied it but said it carried out attacks": a verb coordinated with the
        // alleging one is said in its own right.)
        return governor_above(tree, word, |_, _| true, is_alleging).is_some_and(
            |(claim, below)| {
                tree.deprel(below) != "conj" && !claims_own_act(&parsed, claim, below, view)
            },
        );
    }
    let sentence_clause = (0..candidate.first)
        .rev()
        .find(|&j| matches!(view.tokens[j].text, ";" | ":" | "(" | ")"))
        .map_or(0, |j| j + 1);
    (sentence_clause.max(near.start)..candidate.first).any(alleging_at)
}

/// "They claimed they had captured the city": a claim verb whose complement's
/// subject is a pronoun taking up the claimant, or the claimant again.
fn claims_own_act(
    parsed: &SentenceSyntax,
    claim: usize,
    below: usize,
    view: &SentenceView<'_, '_>,
) -> bool {
    let tree = &parsed.tree;
    let folded = |word: usize| parsed.token_of(word).map(|t| view.folded[t].as_str());
    if !folded(claim).is_some_and(|w| w.starts_with("claim")) {
        return false;
    }
    // "claimed responsibility for the attack", "a claim of responsibility for the
    // strike": the claim is of the act itself (the parse may hang the act on the
    // claim or on what it claims).
    let owned =
        |word: usize| folded(word).is_some_and(|w| view.lexicon.events.owned_claims.contains(w));
    if owned(below) || tree.dependents(claim).any(owned) {
        return true;
    }
    // "the rebels claimed Tuesday's attack": the act is the claim's object.
    if tree.deprel(below) == "obj"
        && folded(below).is_some_and(|w| view.lexicon.events.is_trigger_noun(w))
    {
        return true;
    }
    let Some(claimant) = tree.dependent(claim, "nsubj") else {
        return false;
    };
    // `below` is the complement clause the trigger sits in; its subject:
    let Some(subject) = tree.dependent(below, "nsubj") else {
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

/// Whether a meeting or agreement is the object of a verb that calls it off
/// ("suspended peace talks with the ELN", "the visit was postponed").
fn called_off(candidate: &Candidate, view: &SentenceView<'_, '_>) -> bool {
    if !candidate.noun || !matches!(candidate.kind, Kind::Meeting | Kind::Agreement) {
        return false;
    }
    let cancelling = &view.lexicon.events.cancelling_verbs;
    let near = candidate.first.saturating_sub(GOVERNOR_REACH)..candidate.end.min(view.folded.len());
    let after = candidate.end..(candidate.end + 4).min(view.folded.len());
    if !near.chain(after).any(|j| view.any_phrase(j, cancelling)) {
        return false;
    }
    let Some((parsed, word)) = view.parsed_word(candidate.end.saturating_sub(1)) else {
        return false;
    };
    let is_cancelling = |w: usize| {
        parsed
            .token_of(w)
            .is_some_and(|t| view.any_phrase(t, cancelling))
    };
    // The noun is the verb's own object, or the subject of its passive ("the visit
    // was postponed"): one step up the parse.
    let object_or_subject = |step: usize, relation: &str| {
        step == 0 && matches!(relation, "obj" | "nsubj:pass" | "nsubj")
    };
    governor_above(&parsed.tree, word, object_or_subject, is_cancelling).is_some()
}

/// Words a goal may stand from the negotiations that seek it ("negotiations
/// continue for a six-week ceasefire").
const GOAL_REACH: usize = 7;

/// "negotiations towards a six-week ceasefire", "talks continue for a truce": an
/// agreement that negotiations seek is not yet made. A goal preposition, then only
/// determiners and lowercase modifiers up to the trigger; before it, within the
/// clause, a noun of negotiating.
fn sought_in_talks(candidate: &Candidate, view: &SentenceView<'_, '_>) -> bool {
    let events = &view.lexicon.events;
    if candidate.kind != Kind::Agreement || !candidate.noun {
        return false;
    }
    let first = candidate.first;
    let Some(preposition) = (first.saturating_sub(GOAL_REACH)..first)
        .rev()
        .take_while(|&j| view.is_lowercase_modifier(j) || view.tokens[j].text == "-")
        .find(|&j| events.goal_prepositions.contains(&view.folded[j]))
    else {
        return false;
    };
    (first.saturating_sub(GOAL_REACH)..preposition)
        .rev()
        .take_while(|&j| !view.is_break(j))
        .any(|j| events.negotiation_nouns.contains(&view.folded[j]))
}

/// Whether the event is only wished for or asked for: the parse puts its trigger
/// under a verb of wanting or urging, as that verb's object or through clausal
/// complements ("urged Trump to insist that Putin agree to a ceasefire").
fn wished_for(candidate: &Candidate, view: &SentenceView<'_, '_>) -> bool {
    let governors = &view.lexicon.events.irrealis_governors;
    // Only a governor the trigger follows closely, or through "to", "that", "for" or
    // "at" ("urged Trump to insist that Putin agree"), sends the sentence to the parser.
    let near = candidate.first.saturating_sub(GOVERNOR_REACH)..candidate.first;
    let governed = near.into_iter().any(|j| {
        governors.contains(&view.folded[j])
            && (candidate.first - j <= 3
                || (j + 1..candidate.first)
                    .any(|k| matches!(view.folded[k].as_str(), "to" | "that" | "for" | "at")))
    });
    if !governed {
        return false;
    }
    let Some((parsed, word)) = view.parsed_word(candidate.end.saturating_sub(1)) else {
        return false;
    };
    // What is asked for is the object ("sought a ceasefire") or a "for"/"at" phrase
    // ("appealed for a ceasefire"); "appealed to allies after the strike" did not ask
    // for the strike.
    let tree = &parsed.tree;
    let asked_for = tree.dependents(word).any(|d| {
        tree.deprel(d) == "case"
            && parsed.token_of(d).is_some_and(|t| {
                matches!(view.folded[t].as_str(), "for" | "at" | "toward" | "towards")
            })
    });
    // "urged his group in February to convene a congress": the parser may hang an
    // infinitive asked for as an adverbial clause.
    let infinitive = tree.dependents(word).any(|d| {
        tree.deprel(d) == "mark" && parsed.token_of(d).is_some_and(|t| view.folded[t] == "to")
    });
    let follows = |step: usize, relation: &str| match step {
        0 => {
            matches!(relation, "obj" | "ccomp" | "xcomp")
                || relation == "obl" && asked_for
                || relation == "advcl" && infinitive
        }
        _ => matches!(relation, "ccomp" | "xcomp"),
    };
    let wishing = |w: usize| {
        parsed
            .token_of(w)
            .is_some_and(|t| governors.contains(&view.folded[t]))
    };
    governor_above(tree, word, follows, wishing).is_some()
}

/// "racing to meet an Aug. 31 deadline": the object of a meeting verb, read up to
/// the first preposition or clause break, is a deadline, a demand or the like.
fn meets_a_standard(candidate: &Candidate, view: &SentenceView<'_, '_>) -> bool {
    const OBJECT_REACH: usize = 6;
    let events = &view.lexicon.events;
    !candidate.noun
        && (candidate.end..(candidate.end + OBJECT_REACH).min(view.folded.len()))
            .take_while(|&j| !view.is_break(j) && !events.prepositions.contains(&view.folded[j]))
            .any(|j| events.met_standards.contains(&view.folded[j]))
}

/// The first noun of the list an event noun at `first` ends ("bombings and gun
/// attacks": "bombings"), over the lowercase words before it; `first` itself when
/// no event noun stands before an "and" or "or" there.
fn first_conjunct(view: &SentenceView<'_, '_>, first: usize) -> usize {
    let mut k = first;
    while k > 0
        && view.tokens[k - 1].is_word()
        && !view.tokens[k - 1].is_capitalized()
        && !matches!(view.folded[k - 1].as_str(), "and" | "or")
        && first - k < 3
    {
        k -= 1;
    }
    let joined = k >= 2 && matches!(view.folded[k - 1].as_str(), "and" | "or");
    if joined && view.lexicon.events.is_trigger_noun(&view.folded[k - 2]) {
        k - 2
    } else {
        first
    }
}
