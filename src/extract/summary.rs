//! The one-line summary of an event.

use super::event::Evidence;
use super::event::ExtractedEvent;
use super::lexicon::Lexicon;
use crate::model::{Kind, Status};
use crate::text::fold;

/// One line from the extracted structure, never more than it holds: who did what to
/// whom, where, with what and at what cost; a statement quotes the words reported.
pub(super) fn summarize(event: &ExtractedEvent, lexicon: &Lexicon) -> String {
    let others = event.counterparts.join(", ");
    let who = event.main_actor().unwrap_or("Unidentified actor");
    let parts = Parts {
        event,
        who,
        others: &others,
        mode: event.mode.as_deref(),
        planned: event.status == Status::Planned,
    };
    let line = match event.kind {
        Kind::Meeting => parts.meeting(),
        Kind::Statement => parts.statement(lexicon),
        Kind::Strike => return parts.strike(lexicon),
        Kind::Agreement => parts.in_place(parts.agreement()),
        Kind::Action => parts.action(lexicon),
    };
    // "Houthis, Houthi rebels" is one doer named twice; "Hamas and Israel" two.
    let stem = who.strip_suffix('s').unwrap_or(who);
    let one_doer = event
        .actors
        .iter()
        .skip(1)
        .all(|other| other.strip_prefix(stem).is_some_and(|r| r.starts_with(' ')));
    if names_a_group_of_people(who, lexicon) && one_doer {
        with_plural_verb(&line, who)
    } else {
        line
    }
}

/// "The Houthis", "Serb gunmen", "the Rapid Support Forces": a name of many people,
/// which takes a plural verb. Countries and bodies named for their members ("the
/// United States", "the United Nations", "the Philippines") take a singular one.
fn names_a_group_of_people(who: &str, lexicon: &Lexicon) -> bool {
    /// Last words of bodies named for their members: "the Rapid Support Forces".
    const PLURAL_HEADS: [&str; 5] = ["forces", "brigades", "guards", "militias", "police"];
    let gazetteer = &lexicon.gazetteer;
    let last = fold(who.rsplit(' ').next().unwrap_or(who));
    if gazetteer.is_armed_group(&last) {
        return last.ends_with('s') || last.ends_with("men");
    }
    // "Houthis", whose singular "Houthi" names the same body ("Hamas" is no plural
    // of anything; "the Philippines" is one state).
    let state = gazetteer.country_of(who) == Some(who);
    let singular_names_it = !state
        && who.strip_suffix('s').is_some_and(|singular| {
            gazetteer
                .match_at(&[singular.to_string()], 0)
                .is_some_and(|(entity, _)| entity.name == who)
        });
    PLURAL_HEADS.contains(&last.as_str()) || singular_names_it
}

/// The line with the verb after `who` in the plural: "says" → "say", "denies" →
/// "deny", "criticizes" → "criticize", "pushes" → "push", "makes a statement" →
/// "make a statement".
fn with_plural_verb(line: &str, who: &str) -> String {
    let Some(rest) = line.strip_prefix(who).and_then(|r| r.strip_prefix(' ')) else {
        return line.to_string();
    };
    let (verb, tail) = rest.split_once(' ').unwrap_or((rest, ""));
    let plural = if let Some(stem) = verb.strip_suffix("ies") {
        format!("{stem}y")
    } else if ["sses", "shes", "ches", "xes", "zzes"]
        .iter()
        .any(|e| verb.ends_with(e))
    {
        verb[..verb.len() - 2].to_string()
    } else if let Some(stem) = verb.strip_suffix('s').filter(|_| verb != "to") {
        stem.to_string()
    } else {
        return line.to_string();
    };
    if tail.is_empty() {
        format!("{who} {plural}")
    } else {
        format!("{who} {plural} {tail}")
    }
}

/// What a summary line is made of.
struct Parts<'e> {
    event: &'e ExtractedEvent,
    who: &'e str,
    /// The counterparts, comma-separated.
    others: &'e str,
    mode: Option<&'e str>,
    planned: bool,
}

impl Parts<'_> {
    fn in_place(&self, mut line: String) -> String {
        if let Some(place) = &self.event.place {
            line.push_str(" in ");
            line.push_str(place);
        }
        line
    }

    fn meeting(&self) -> String {
        let (who, others) = (self.who, self.others);
        let (to, does) = if self.planned { ("to ", "") } else { ("", "s") };
        let verb = |base: &str| format!("{to}{base}{does}");
        match (self.mode, others.is_empty(), self.event.place.as_deref()) {
            (Some("phone"), false, _) => format!("{who} {} by phone with {others}", verb("speak")),
            (Some("phone"), true, _) => format!("{who} {} a phone call", verb("hold")),
            (Some("visit"), true, Some(p)) => format!("{who} {} {p}", verb("visit")),
            (_, false, _) => self.in_place(format!("{who} {} {others}", verb("meet"))),
            (_, true, _) => self.in_place(format!("{who} {} talks", verb("hold"))),
        }
    }

    /// The speaker, a headline verb for what they did, and what they said: the
    /// quotation if there is one, else the words the trigger reports ("Kallas warns
    /// Moscow's approach to negotiations appears focused on ..."), else whom it was aimed at.
    fn statement(&self, lexicon: &Lexicon) -> String {
        let (who, others) = (self.who, self.others);
        let evidence = self.event.evidence.first();
        let words = evidence
            .and_then(|e| {
                e.quote
                    .get(..e.trigger_at)
                    .and_then(quotation_ending_in)
                    .or_else(|| quoted(e.quote.get(e.trigger_at..).unwrap_or_default()))
                    .or_else(|| quoted(&e.quote))
            })
            .filter(|words| words.split(' ').count() >= QUOTE_MIN_WORDS);
        let mode_verb = self
            .mode
            .and_then(|m| lexicon.events.mode_verb(Kind::Statement, m));
        // The verb of the sentence the summary quotes; the mode's, which may come
        // from a later sentence of the same statement, only when it has none.
        let verb = evidence
            .and_then(|e| headline_verb(e, lexicon))
            .or(mode_verb)
            .unwrap_or("says");
        match (mode_verb, words) {
            (Some(verb), Some(words)) if !others.is_empty() => {
                format!("{who} {verb} {others}: \u{201c}{words}\u{201d}")
            }
            (_, Some(words)) => format!("{who} {verb} \u{201c}{words}\u{201d}"),
            _ => match evidence.and_then(gist).filter(|gist| !gist.contains(who)) {
                Some(gist) => {
                    let (verb, gist) = noun_verb_of_saying(evidence, &gist, lexicon)
                        .unwrap_or((verb, gist.as_str()));
                    format!("{who} {verb} {gist}")
                }
                None if !others.is_empty() => format!("{who} {verb} {others}"),
                // "claims responsibility" says what was said.
                None if verb.contains(' ') => format!("{who} {verb}"),
                None => format!("{who} makes a statement"),
            },
        }
    }

    /// Who struck with what where, and the tolls; no place after, it is the target.
    fn strike(&self, lexicon: &Lexicon) -> String {
        let event = self.event;
        let attacker = event.main_actor().map(|a| {
            lexicon
                .gazetteer
                .demonym_of(a)
                .map_or_else(|| a.to_string(), str::to_string)
        });
        let (act, preposition) = self
            .mode
            .and_then(|m| lexicon.events.strike_label(m))
            .unwrap_or_else(|| ("strike".to_string(), "on"));
        // A place or a state takes the mode's preposition ("Bombing in Quetta"); a
        // person or a group hit takes "of" where a place would take "in"
        // ("Abduction of Phillip Mehrtens").
        let target = match (&event.place, event.counterparts.first()) {
            (Some(place), _) => format!(" {preposition} {place}"),
            (None, Some(side)) => {
                let state = lexicon.gazetteer.demonym_of(side).is_some();
                let preposition = if preposition == "in" && !state {
                    "of"
                } else {
                    preposition
                };
                format!(" {preposition} {side}")
            }
            (None, None) => String::new(),
        };
        // A doer the text does not name ("gunman", "suicide bomber", "protesters")
        // follows the act ("Bombing by suicide bomber"); a side qualifies it
        // ("Russian drone strike", "Hamas strike").
        let unnamed = attacker
            .as_deref()
            .is_some_and(|a| a.starts_with(|c: char| c.is_lowercase()));
        let line = match &attacker {
            Some(a) if unnamed => format!("{act} by {a}{target}"),
            Some(a) => format!("{a} {act}{target}"),
            None => format!("{act}{target}"),
        };
        let mut line = if self.planned {
            format!("Planned {line}")
        } else {
            capitalise(&line)
        };
        let tolls: Vec<String> = [(event.killed, "kills"), (event.injured, "injures")]
            .into_iter()
            .filter_map(|(n, verb)| n.map(|n| format!("{verb} {n}")))
            .collect();
        if !tolls.is_empty() {
            line.push(' ');
            line.push_str(&tolls.join(", "));
        }
        line
    }

    /// "Russia expels two Azerbaijani diplomats", "France withdraws its troops from
    /// Chad": the act's verb in the present, and what the sentence says after it.
    fn action(&self, lexicon: &Lexicon) -> String {
        let evidence = self.event.evidence.first();
        // "Yunus was appointed head of the interim government": one who takes office
        // in the passive is the doer, and the words after say which office.
        let takes_office = evidence.is_some_and(|e| {
            let trigger = fold(&e.trigger);
            is_passive_trigger(e)
                && lexicon
                    .events
                    .passive_own_acts
                    .iter()
                    .any(|phrase| phrase.iter().map(String::as_str).eq(trigger.split(' ')))
        });
        let verb = match evidence {
            Some(e) if takes_office => format!("is {}", fold(&e.trigger)),
            Some(e) => headline_verb(e, lexicon).map_or_else(|| fold(&e.trigger), str::to_string),
            None => "acts".to_string(),
        };
        // What was done is the words after the verb, one of them may be enough
        // ("Sweden joins NATO"); the words before it are its doer's; in the passive,
        // its subject first (see `passive_gist`). A comma or a cue of order ends it:
        // after it come who said so ("violated its airspace, the ministry said") or
        // another act ("before Korean fighters intercepted the aircraft").
        let gist = evidence
            .and_then(|e| {
                if !takes_office && is_passive_trigger(e) {
                    if let Some(gist) = passive_gist(e, lexicon) {
                        return Some(gist);
                    }
                }
                gist_after(e, 1, takes_office)
            })
            .map(|gist| {
                // A comma ends the clause, not the "300,000" of a figure.
                let clause = gist
                    .split(", ")
                    .next()
                    .unwrap_or_default()
                    .trim_end_matches(',');
                clause
                    .split(' ')
                    .take_while(|word| !lexicon.events.order_breaks.contains(&fold(word)))
                    .collect::<Vec<_>>()
                    .join(" ")
            })
            .filter(|gist| !gist.is_empty());
        let line = match gist {
            // "withdrawal of its envoy": the noun put as a verb takes no "of".
            Some(gist) => {
                let gist = gist.strip_prefix("of ").unwrap_or(&gist);
                format!("{} {verb} {gist}", self.who)
            }
            None => format!("{} {verb}", self.who),
        };
        if self.planned {
            format!("Planned: {line}")
        } else {
            line
        }
    }

    fn agreement(&self) -> String {
        let (who, others) = (self.who, self.others);
        let parties = if others.is_empty() {
            who.to_string()
        } else {
            format!("{who} and {others}")
        };
        // "Turkey and the Turkish parliament" are one party.
        let actor_sides: std::collections::BTreeSet<&String> = self
            .event
            .sides
            .iter()
            .take(self.event.actors.len())
            .collect();
        let single = others.is_empty() && actor_sides.len() < 2;
        let (agree, sign) = match (self.planned, single) {
            (true, _) => ("to agree", "to sign"),
            (false, true) => ("agrees", "signs"),
            (false, false) => ("agree", "sign"),
        };
        match self.mode {
            Some("ceasefire") => format!("{parties} {agree} a ceasefire"),
            Some("signing") => format!("{parties} {sign} an agreement"),
            Some("aid") => format!("{parties} {agree} aid"),
            Some("exchange") if single && !self.planned => format!("{parties} releases captives"),
            Some("exchange") => format!("{parties} exchange prisoners"),
            _ => format!("{parties} {agree}"),
        }
    }
}

/// "A Taliban defence ministry statement condemned the strikes": after a noun of
/// saying, its own verb of saying (one the summaries put in the present) says what
/// the statement did; the words after it, what it was about.
fn noun_verb_of_saying<'l, 'g>(
    evidence: Option<&Evidence>,
    gist: &'g str,
    lexicon: &'l Lexicon,
) -> Option<(&'l str, &'g str)> {
    let events = &lexicon.events;
    if !events.is_trigger_noun(&fold(&evidence?.trigger)) {
        return None;
    }
    let (first, rest) = gist.split_once(' ')?;
    let first = fold(first);
    if !events.speech_verb_at(std::slice::from_ref(&first), 0) {
        return None;
    }
    let verb = events.summary_verbs.get(&first)?;
    Some((verb.as_str(), rest))
}

/// The trigger's verb as a headline puts it ("said" → "says", "withdrew" →
/// "withdraws", "will recall" → "recalls"), when the lexicon has it.
fn headline_verb<'l>(evidence: &Evidence, lexicon: &'l Lexicon) -> Option<&'l str> {
    let events = &lexicon.events;
    let trigger = fold(&evidence.trigger);
    events
        .summary_verbs
        .get(&trigger)
        .or_else(|| events.summary_verbs.get(events.listed_form(&trigger)?))
        .map(String::as_str)
}

fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map_or_else(String::new, |c| c.to_uppercase().chain(chars).collect())
}

/// The first quotation in the sentence, shortened to a dozen words.
pub(super) fn quoted(sentence: &str) -> Option<String> {
    let (open, close) = [('\u{201c}', '\u{201d}'), ('"', '"')]
        .into_iter()
        .find(|(o, _)| sentence.contains(*o))?;
    let start = sentence.find(open)? + open.len_utf8();
    let len = sentence[start..].find(close)?;
    dozen_words(&sentence[start..start + len])
}

/// The end of a quotation that began sentences before, closed in the words before
/// the verb of speech ("If confirmed, no one should be surprised,\" said Adrienne
/// Watson"): the words up to the first quotation mark, when that mark closes (a
/// right curly mark, or a straight one touching the word before it).
fn quotation_ending_in(before_trigger: &str) -> Option<String> {
    let (at, mark) = before_trigger
        .char_indices()
        .find(|(_, c)| matches!(c, '"' | '\u{201c}' | '\u{201d}'))?;
    let touches_word_before = before_trigger[..at]
        .chars()
        .next_back()
        .is_some_and(|c| !c.is_whitespace());
    let closes = mark == '\u{201d}' || mark == '"' && touches_word_before;
    if !closes {
        return None;
    }
    dozen_words(&before_trigger[..at])
}

/// A quotation's words without the comma or full stop that ends them, cut to a
/// dozen words; `None` when empty.
fn dozen_words(inner: &str) -> Option<String> {
    let inner = inner.trim().trim_end_matches([',', '.']);
    if inner.is_empty() {
        return None;
    }
    let words: Vec<&str> = inner.split_whitespace().collect();
    Some(if words.len() > 12 {
        format!("{} ...", words[..12].join(" "))
    } else {
        words.join(" ")
    })
}

/// Words after an inverted verb of speech that name its speaker ("..., said a senior
/// US official").
const INVERTED_SPEAKER_WORDS: usize = 6;
/// Words a summary takes from a reported sentence before it is cut.
const GIST_WORDS: usize = 10;
/// Words a summary's gist must have before a comma may end it.
const GIST_MIN_BEFORE_COMMA: usize = 4;
/// A quotation shorter than this is a scare-quoted phrase ("a \"basis\""), not what
/// was said.
const QUOTE_MIN_WORDS: usize = 4;

/// What a statement's sentence reports, shortened: the words after the trigger
/// without its date and a leading "that" ("warned on Monday that the talks had
/// failed" gives "the talks had failed"); when nothing follows the trigger ("The talks
/// failed, Peskov said."), the clause before the speaker.
fn gist(evidence: &Evidence) -> Option<String> {
    gist_of_at_least(evidence, 2)
}

/// [`gist`], where the words after the trigger are enough from `min_words` on.
fn gist_of_at_least(evidence: &Evidence, min_words: usize) -> Option<String> {
    // "Zelensky, speaking on television, said the war would end", "Speaking in Kyiv,
    // Zelensky said ...": a participle of speech sets the scene; what was said
    // follows the finite verb after the comma that closes it, whose subject stands
    // before it.
    if evidence.trigger.ends_with("ing") {
        let after_at = evidence.trigger_at + evidence.trigger.len();
        let after = evidence.quote.get(after_at..).unwrap_or_default();
        let finite = [" said ", " says ", " told "]
            .iter()
            .filter_map(|verb| after.find(verb).map(|at| (at, verb)))
            .min()
            .filter(|(at, _)| after[..*at].contains(','));
        if let Some((at, verb)) = finite {
            let main = Evidence {
                trigger: verb.trim().to_string(),
                trigger_at: after_at + at + 1,
                ..evidence.clone()
            };
            return gist_after(&main, min_words, false);
        }
    }
    let before = evidence.quote.get(..evidence.trigger_at)?;
    // "Talks will resume, said a Kremlin spokesman": after an inverted verb stands
    // its speaker, not what was said.
    let inverted = {
        let tail = before.trim_end();
        let after = evidence
            .quote
            .get(evidence.trigger_at + evidence.trigger.len()..)
            .unwrap_or("");
        // Only a few words, then the sentence's end: a speaker, not a clause.
        let speaker_only = after
            .split(['.', ',', ';', ':', '!', '?'])
            .next()
            .is_some_and(|phrase| phrase.split_whitespace().count() <= INVERTED_SPEAKER_WORDS);
        // Only a verb that inverts: "Zelensky, speaking on television," and "The
        // BLA, the largest group, claimed the attack" have their speaker before.
        let inverting = matches!(
            fold(&evidence.trigger).as_str(),
            "said" | "says" | "added" | "wrote" | "noted" | "stated" | "explained"
        );
        // "The head of the office, Andriy Yermak, said the talks went well": a name
        // set off by commas right before the verb is its subject in apposition.
        // ("..., Jake Sullivan, said in a statement": what follows a preposition
        // there is where it was said, and what was said stands before.)
        let where_said = after.split_whitespace().next().is_some_and(|w| {
            matches!(
                fold(w).as_str(),
                "in" | "on" | "at" | "to" | "during" | "after" | "before" | "via"
            )
        });
        let apposed_name = !where_said
            && tail.strip_suffix(',').is_some_and(|rest| {
                let segment = rest.rsplit(',').next().unwrap_or(rest);
                let words: Vec<&str> = segment.split_whitespace().collect();
                rest.contains(',')
                    && !words.is_empty()
                    && words.len() <= APPOSED_NAME_WORDS
                    && words
                        .iter()
                        .all(|w| w.chars().next().is_some_and(char::is_uppercase))
            });
        inverting
            && speaker_only
            && !apposed_name
            && (tail.ends_with(',') || tail.ends_with(",\"") || tail.ends_with(",\u{201d}"))
    };
    // "..., police said, with the group claiming responsibility": a comma right
    // after the verb ends its clause; what was said stands before it.
    let said_last = evidence
        .quote
        .get(evidence.trigger_at + evidence.trigger.len()..)
        .is_some_and(|after| after.trim_start().starts_with(','))
        && before.trim_end().contains(',');
    if !inverted && !said_last {
        if let Some(after) = gist_after(evidence, min_words, false) {
            return Some(after);
        }
    }
    // "Trump will meet Putin, the Kremlin said": what was said stands before. A
    // trigger of several words says it itself ("..., with the group claiming
    // responsibility").
    if evidence.trigger.contains(' ') {
        return None;
    }
    let clause = before.rfind(',').map(|comma| &before[..comma])?;
    shortened(clause, false)
}

/// Words a name in apposition before a verb of saying may have ("Andriy Yermak",
/// "Mohammed bin Salman" has a lowercase word and is not one of them).
const APPOSED_NAME_WORDS: usize = 4;

/// The words after the trigger, from `min_words` on: what an act did, or to whom.
/// None after a passive trigger, whose words after it name the doer, not the deed,
/// unless `passive_says_what` (the office one "was appointed" to).
fn gist_after(evidence: &Evidence, min_words: usize, passive_says_what: bool) -> Option<String> {
    let quote = evidence.quote.as_str();
    let after_at = evidence.trigger_at + evidence.trigger.len();
    let mut after = quote.get(after_at..)?.to_string();
    if let Some(time) = &evidence.time {
        if let Some(at) = after.find(&time.expression) {
            // "late on Thursday": the time of day goes with its day.
            let from = ["late ", "early "]
                .iter()
                .find(|modifier| after[..at].ends_with(*modifier))
                .map_or(at, |modifier| at - modifier.len());
            after.replace_range(from..at + time.expression.len(), "");
        }
    }
    // "An army statement on Wednesday said five soldiers were killed": the noun's
    // own verb of saying is the summary's "says" already.
    let trimmed = after.trim_start();
    if let Some(rest) = ["said ", "says ", "stated ", "added "]
        .iter()
        .find_map(|verb| trimmed.strip_prefix(verb))
    {
        after = rest.to_string();
    }
    // A passive trigger ("a claim was made by X that ...") reports after its agent.
    if after.trim_start().starts_with("by ") {
        after = match after.find(" that ") {
            Some(that) => after[that..].to_string(),
            None => String::new(),
        };
    }
    // Nor does a passive trigger ("were described as constructive by the Russian
    // side") say what was said in the words that follow.
    if is_passive_trigger(evidence) && !passive_says_what {
        after.clear();
    }
    shortened(&after, true).filter(|g| g.split(' ').count() >= min_words)
}

/// "A curfew was imposed in Lahore": what a measure in the passive was done to is
/// its subject, and the words after it say where ("a curfew in Lahore"). None when
/// the subject is not found.
fn passive_gist(evidence: &Evidence, lexicon: &Lexicon) -> Option<String> {
    let subject = passive_subject(evidence, lexicon)?;
    // "were arrested on Wednesday, police said": nothing more of the act comes
    // before its comma but its date.
    let rest = evidence
        .quote
        .get(evidence.trigger_at + evidence.trigger.len()..)
        .unwrap_or("");
    let mut head = rest.split(',').next().unwrap_or("").to_string();
    if let Some(time) = &evidence.time {
        head = head.replacen(&time.expression, "", 1);
    }
    let clause_over = rest.contains(',')
        && head
            .split_whitespace()
            .all(|w| matches!(fold(w).as_str(), "on" | "at" | "in" | "late" | "early"));
    let after = gist_after(evidence, 1, true).filter(|a| !a.starts_with("by ") && !clause_over);
    Some(match after {
        Some(after) => format!("{subject} {after}"),
        None => subject,
    })
}

/// Words the subject of a passive may have before they are cut: the head noun
/// comes last ("More than 2,000 people").
const PASSIVE_SUBJECT_WORDS: usize = 6;

/// The subject of a passive trigger, auxiliaries and adverbs dropped, from the start
/// of its clause: "Troops" in "Troops were deployed", "a curfew" in "A curfew was
/// imposed". A sentence's first word is lowercased when it is a determiner or a
/// word of quantity ("At least seven officials").
fn passive_subject(evidence: &Evidence, lexicon: &Lexicon) -> Option<String> {
    let before = evidence.quote.get(..evidence.trigger_at)?;
    let clause_start = before.rfind([',', ';', ':']).map_or(0, |at| at + 1);
    let mut words: Vec<&str> = before[clause_start..].split_whitespace().collect();
    while words.last().is_some_and(|w| {
        let w = fold(w);
        matches!(
            w.as_str(),
            "was" | "were" | "is" | "are" | "be" | "been" | "being" | "has" | "have" | "had"
        ) || w.ends_with("ly")
    }) {
        words.pop();
    }
    // A subject of its own clause only: "that", "who" or "and" opens another.
    if let Some(at) = words.iter().rposition(|w| {
        matches!(
            fold(w).as_str(),
            "that" | "which" | "who" | "and" | "after" | "as"
        )
    }) {
        words.drain(..=at);
    }
    if words.is_empty() || words.len() > PASSIVE_SUBJECT_WORDS {
        return None;
    }
    // "as he was being arrested": a pronoun says nothing in a summary.
    if words.len() == 1
        && matches!(
            fold(words[0]).as_str(),
            "he" | "she" | "they" | "it" | "him" | "her" | "them" | "we" | "i" | "you"
        )
    {
        return None;
    }
    let mut subject = words.join(" ");
    let first = fold(words[0]);
    // "Mobile internet was suspended": a common word capitalised only because it
    // opens the sentence, before a lowercase one; not a name the gazetteer knows.
    let common_opener = words.len() >= 2
        && words[1].chars().next().is_some_and(char::is_lowercase)
        && words[0].chars().all(char::is_alphabetic)
        && lexicon
            .gazetteer
            .match_at(&[words[0].to_string()], 0)
            .is_none();
    if clause_start == 0
        && (common_opener
            || lexicon.events.is_determiner(&first)
            || lexicon.events.casualties.filler.contains(&first)
            || lexicon.temporal.number_words.contains_key(&first))
    {
        subject = first.clone() + &subject[words[0].len()..];
    }
    Some(subject)
}

/// Is the trigger a passive participle, a form of "be" right before it? ("was
/// withdrawing" is no passive.)
fn is_passive_trigger(evidence: &Evidence) -> bool {
    // "is cutting diplomatic ties": the first word says.
    let first_word = evidence.trigger.split(' ').next().unwrap_or_default();
    let progressive = fold(first_word).ends_with("ing");
    !progressive
        && evidence
            .quote
            .get(..evidence.trigger_at)
            .and_then(|before| before.split_whitespace().last())
            .is_some_and(|word| {
                matches!(
                    fold(word).as_str(),
                    "was" | "were" | "been" | "being" | "is" | "are"
                )
            })
}

/// At most [`GIST_WORDS`] words of `text` up to its first full stop, semicolon or
/// colon, quotation marks and a leading "that" dropped; `None` when nothing is left.
fn shortened(text: &str, leading_that: bool) -> Option<String> {
    let mut words: Vec<String> = Vec::new();
    let mut cut = false;
    let mut raws = text.split_whitespace().peekable();
    while let Some(raw) = raws.next() {
        let word: String = raw
            .chars()
            .filter(|c| !matches!(c, '"' | '\u{201c}' | '\u{201d}'))
            .collect();
        // "U.S. Secretary of State": an abbreviation's full stop ends nothing, unless
        // nothing follows ("in a post on X.").
        let abbreviated = raws.peek().is_some()
            && word
                .strip_suffix('.')
                .is_some_and(crate::text::is_abbreviation);
        // A clause ends at a full stop; a comma ends it once it says something.
        // "arrested the gunman, officials said on Friday": a short attribution after
        // a comma is who told it, not part of the act.
        let attribution_next = word.ends_with(',') && attribution_ahead(raws.clone());
        let ends = word.ends_with([';', ':', '!', '?'])
            || (word.ends_with('.') && !abbreviated)
            || (word.ends_with(',') && words.len() + 1 >= GIST_MIN_BEFORE_COMMA)
            || attribution_next;
        let word = if abbreviated {
            word
        } else {
            word.trim_end_matches(['.', ';', ':', ',', '!', '?'])
                .to_string()
        };
        let skip = words.is_empty() && (word.is_empty() || (leading_that && fold(&word) == "that"));
        if !skip && !word.is_empty() {
            if words.len() == GIST_WORDS {
                cut = true;
                break;
            }
            words.push(word);
        }
        if ends && !words.is_empty() {
            break;
        }
    }
    if words.is_empty() {
        return None;
    }
    let mut line = words.join(" ");
    if cut {
        line.push_str(" ...");
    }
    Some(line)
}

/// Words in which an attribution after a comma names its speaker and verb:
/// "a spokesman for the regional police said" is seven.
const ATTRIBUTION_WORDS: usize = 7;

/// Do the words ahead, up to the next comma or the end, attribute what came
/// before ("officials said on Friday", "a spokesman told Reuters")? A verb of saying
/// among the first few words, in the past or present, and nothing before it that
/// opens a clause of its own.
fn attribution_ahead<'a>(words: impl Iterator<Item = &'a str>) -> bool {
    for (n, raw) in words.enumerate() {
        if n >= ATTRIBUTION_WORDS {
            return false;
        }
        let word = fold(raw.trim_end_matches(['.', ',', ';', ':', '!', '?']));
        if matches!(
            word.as_str(),
            "said" | "says" | "told" | "tells" | "reported" | "reports" | "added" | "confirmed"
        ) {
            return true;
        }
        if matches!(
            word.as_str(),
            "that" | "which" | "who" | "and" | "but" | "while"
        ) || raw.ends_with([',', ';', ':'])
        {
            return false;
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::with_plural_verb;

    #[test]
    fn a_plural_doer_takes_the_verb_without_its_ending() {
        let cases = [
            ("Houthis says it", "Houthis say it"),
            ("Houthis denies it", "Houthis deny it"),
            ("Houthis criticizes Israel", "Houthis criticize Israel"),
            ("Houthis seizes a ship", "Houthis seize a ship"),
            ("Houthis pushes on", "Houthis push on"),
            ("Houthis watches", "Houthis watch"),
            ("Houthis buzzes", "Houthis buzz"),
            ("Houthis", "Houthis"),
        ];
        for (line, plural) in cases {
            assert_eq!(with_plural_verb(line, "Houthis"), plural, "{line}");
        }
    }
}
