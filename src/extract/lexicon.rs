//! The extraction lexicons, kept as data and compiled into the binary: event triggers,
//! modes and ordering cues (`src/extract/lexicon/events.yaml`) and the gazetteer of
//! actors and places (`gazetteer.yaml`, see [`super::gazetteer`]). Each has an
//! example corpus under `src/extract/lexicon/examples/` that the tests walk.

use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;

use serde::Deserialize;

use super::gazetteer::Gazetteer;
use crate::error::{Error, Result};
use crate::hash::FastMap;
use crate::io::parse_builtin_yaml;
use crate::model::Kind;
use crate::temporal::TemporalLexicon;
use crate::text::{fold, phrase, phrase_at, phrase_span_at};

const EVENTS_YAML: &str = include_str!("lexicon/events.yaml");
const GAZETTEER_YAML: &str = include_str!("lexicon/gazetteer.yaml");

/// Every lexicon the extractor reads: the temporal one (to date events), the event
/// lexicon and the gazetteer.
pub struct Lexicon {
    pub temporal: TemporalLexicon,
    pub events: EventLexicon,
    pub gazetteer: Gazetteer,
}

impl Lexicon {
    /// The lexicons shipped with dateline.
    /// The built-in lexicons with the user's gazetteers added (`--gazetteer FILE`).
    pub fn with_gazetteers(paths: &[PathBuf]) -> Result<Lexicon> {
        let mut lexicon = Lexicon::builtin()?;
        for path in paths {
            // The same checks as an article: size, binary, UTF-8, with the line.
            let text = crate::io::read_yaml_text(path)?;
            lexicon.gazetteer.extend_with(path, &text)?;
        }
        Ok(lexicon)
    }

    pub fn builtin() -> Result<Lexicon> {
        Ok(Lexicon {
            temporal: TemporalLexicon::builtin()?,
            events: EventLexicon::parse(EVENTS_YAML)?,
            gazetteer: Gazetteer::parse(GAZETTEER_YAML)?,
        })
    }
}

#[derive(Debug, Clone)]
pub struct Trigger {
    pub words: Vec<String>,
    pub kind: Kind,
    /// A noun names an event only when something pins it down (see events.yaml).
    pub noun: bool,
    /// A verb that reports the event only with a named actor as its object
    /// ("received the envoy", not "received reports").
    pub needs_object: bool,
}

/// A finer type of one kind of event, and the CAMEO root code it maps to.
#[derive(Debug, Clone)]
pub struct Mode {
    pub name: String,
    /// How a strike summary names the act, when not "<name> strike" ("air strike"
    /// for aerial, "shelling" for artillery).
    pub label: Option<String>,
    /// The word before a strike's place or target in a summary, when not "on"
    /// ("shelling of Kherson").
    pub preposition: Option<String>,
    /// The verb a statement summary uses for this mode ("accuses").
    pub says: Option<String>,
    pub cameo: String,
    /// Words that mark the mode when they are the trigger or stand in its clause.
    pub words: Vec<Vec<String>>,
    /// Marked by the verb alone ("ordered"): the mode when no other one's words
    /// stand in the clause ("ordered an investigation" is an investigation).
    pub fallback: bool,
}

/// The modes of one kind, in order of preference, and the kind's own CAMEO code.
#[derive(Debug, Clone)]
pub struct KindModes {
    pub cameo: String,
    pub modes: Vec<Mode>,
}

/// Words that state casualty figures.
#[derive(Debug, Default)]
pub struct CasualtyWords {
    pub killed: Vec<Vec<String>>,
    pub injured: Vec<Vec<String>>,
    /// Allowed between a figure and its word: "12 people were killed", "toll rose to 30".
    pub filler: BTreeSet<String>,
}

#[derive(Debug)]
pub struct EventLexicon {
    /// Longest first, so "missile strike" wins over "strike".
    pub triggers: Vec<Trigger>,
    /// Per first word, the indices of the triggers starting with it, in `triggers`'
    /// order: every token asks for a trigger, so it looks up one word, not hundreds.
    triggers_by_first_word: FastMap<String, Vec<usize>>,
    pub negation: Vec<Vec<String>>,
    pub irrealis: Vec<Vec<String>>,
    pub generic_speakers: BTreeSet<String>,
    pub commentator_words: BTreeSet<String>,
    pub auxiliaries: BTreeSet<String>,
    pub locative: BTreeSet<String>,
    pub target: BTreeSet<String>,
    pub participants: BTreeSet<String>,
    pub habitual: BTreeSet<String>,
    pub degree_words: BTreeSet<String>,
    pub pair_references: Vec<Vec<String>>,
    pub modals: BTreeSet<String>,
    pub shaking_verbs: BTreeSet<String>,
    pub future_in_past_reporters: BTreeSet<String>,
    stand_ins: StandIns,
    pub uncertain_predicates: BTreeSet<String>,
    pub bound_cues: BTreeSet<String>,
    pub onset_cues: BTreeSet<String>,
    pub announcing_verbs: Vec<Vec<String>>,
    /// Passive triggers whose subject did the act ("was sworn in").
    pub passive_own_acts: Vec<Vec<String>>,
    /// "reported": speech by a known side only (see [`EventLexicon::media_words`]).
    pub report_verbs: BTreeSet<String>,
    /// "the custody of the police": nouns whose "of" names who holds someone.
    pub holder_nouns: BTreeSet<String>,
    /// "responded with strikes": verbs of answering that "with" turns to deeds,
    /// unless what follows it is said (`said_with`).
    pub answer_verbs: BTreeSet<String>,
    pub said_with: BTreeSet<String>,
    /// Nouns of negotiating, whose goal after `goal_prepositions` is not yet made.
    pub negotiation_nouns: BTreeSet<String>,
    pub goal_prepositions: BTreeSet<String>,
    /// Verbs that harm a person, and only with one (see `people_nouns`).
    pub person_harm_verbs: BTreeSet<String>,
    /// Words for people, and pronouns for them, as the object of such a verb.
    pub people_nouns: BTreeSet<String>,
    /// Words that end a court's name: its statements are rulings.
    pub court_words: BTreeSet<String>,
    /// Verbs of plain saying, which a court's statement may still be.
    pub plain_speech_verbs: BTreeSet<String>,
    /// Words of news outlets ("agency", "television"): no side speaks through them.
    pub media_words: BTreeSet<String>,
    /// Words of outlets whatever their verb ("Israeli army radio said"): narrower
    /// than `media_words`, whose "agency" and "network" also head bodies that speak.
    pub outlet_words: BTreeSet<String>,
    pub order_breaks: BTreeSet<String>,
    /// Longest first.
    pub order_cues: Vec<OrderCue>,
    /// Per first word, the indices of the cues starting with it (see `triggers`).
    order_cues_by_first_word: FastMap<String, Vec<usize>>,
    pub count_units: BTreeMap<String, (i64, i64)>,
    pub anaphors: BTreeSet<String>,
    pub prepositions: BTreeSet<String>,
    pub modes: BTreeMap<Kind, KindModes>,
    pub casualties: CasualtyWords,
    pub addressee_verbs: BTreeSet<String>,
    pub representatives: BTreeSet<String>,
    /// "his office", "her spokesman": they speak for the person the pronoun is.
    pub voices_of_a_person: BTreeSet<String>,
    /// Nouns that count what follows their "of" ("a wave of strikes").
    pub quantity_nouns: BTreeSet<String>,
    /// Words that may open a sentence before a participle whose subject is the main
    /// clause's ("Shortly after withdrawing from the deal, Russia declared").
    pub participle_openers: BTreeSet<String>,
    /// Words besides figures that measure how long before or after ("a day after").
    pub time_measure_words: BTreeSet<String>,
    /// Nouns of an aspect of an event ("the circumstances of the strike").
    pub aspect_nouns: BTreeSet<String>,
    pub launch_verbs: BTreeSet<String>,
    /// "killed": a strike, unless a toll (see `toll_openers`).
    pub killing_verbs: BTreeSet<String>,
    /// Acts a verb names only with what it acts on ("intercepted the last boat",
    /// "lifted sanctions").
    pub acts_on: Vec<ActOn>,
    /// Per verb's first word, the indices of the `acts_on` entries it opens and the
    /// words that must follow it ("away from" after "walked"): every word of every
    /// sentence is looked up here, once.
    acts_on_by_verb: FastMap<String, Vec<(usize, Vec<String>)>>,
    /// Clash words that, between people, are a quarrel and not fighting.
    pub quarrel_words: BTreeSet<String>,
    /// Strike nouns whose "of" names the place taken ("the capture of Avdiivka").
    pub capture_nouns: BTreeSet<String>,
    /// A state's armed forces ("his army's capture").
    pub armed_forces: BTreeSet<String>,
    pub legislatures: BTreeSet<String>,
    /// People who carry out an attack, whom a side's name may qualify ("an
    /// Al-Shabaab suicide bomber").
    pub attacker_nouns: BTreeSet<String>,
    /// Event nouns whose possessor suffered them ("his abduction", "her arrest").
    pub patient_nouns: BTreeSet<String>,
    /// Event nouns and verbs that do not name their doer ("the explosion", "the
    /// bomb exploded"): only a side named on the noun itself did it.
    pub agentless_words: Vec<Vec<String>>,
    /// Nouns an event noun may qualify ("ceasefire line"): then it is no event.
    pub qualified_heads: BTreeSet<String>,
    /// Strikes both sides carry out, whose "with" names the other side.
    pub reciprocal_strikes: Vec<Vec<String>>,
    pub toll_openers: BTreeSet<String>,
    /// Verbs whose subject did the strike they were done in ("killed 20 in an air strike").
    pub harm_verbs: Vec<Vec<String>>,
    /// Participles that may describe people rather than tell an act ("the pupils
    /// abducted", "persons taken hostage").
    pub people_participles: Vec<Vec<String>>,
    /// Verbs whose object is an event their subject carried out ("launched",
    /// "carried out"), as folded words.
    pub pinning_verbs: Vec<Vec<String>>,
    /// Acts a crowd does ("protests", "took to the streets"), each with the crowd
    /// that does them where the text names no doer ("demonstrators" for
    /// "demonstrations").
    pub crowd_acts: Vec<(String, Vec<String>)>,
    /// People who may attack alone and unnamed ("a man opened fire").
    pub lone_attackers: BTreeSet<String>,
    /// A court's decisions ("ruled", "ordered", "threw out"): acts only of a court
    /// (see `court_words`), as folded phrases; see [`EventLexicon::court_act_at`].
    court_acts: Vec<Vec<String>>,
    court_acts_by_first_word: FastMap<String, Vec<usize>>,
    pub weapons: BTreeSet<String>,
    pub presupposing: Vec<Vec<String>>,
    /// "fighting to stop": an event noun before "to" and one of these is under way.
    pub ending_infinitives: BTreeSet<String>,
    pub non_hostile: BTreeSet<String>,
    /// What one meets that is no one to meet (see events.yaml).
    pub met_standards: BTreeSet<String>,
    /// Verbs of a relative clause that date its antecedent ("which took place").
    pub occurrence_verbs: Vec<Vec<String>>,
    pub alleged: BTreeSet<String>,
    /// What a claim of one's own act claims ("claimed responsibility for").
    pub owned_claims: BTreeSet<String>,
    pub irrealis_governors: BTreeSet<String>,
    /// When a "call" is an appeal, not a phone call.
    pub appeal_call: AppealCall,
    /// Verbs that call a meeting or an agreement off ("suspended peace talks").
    pub cancelling_verbs: Vec<Vec<String>>,
    /// Verbs whose object is what was talked about ("discussed the attacks",
    /// "talked about the strikes"); see [`EventLexicon::speaks_of_at`].
    topic_verbs: Vec<Vec<String>>,
    /// Participles that lay an act on someone ("blamed on", "attributed to").
    attributing_participles: Vec<Vec<String>>,
    pub subordinators: BTreeSet<String>,
    /// Words after which a verb's subject lies inside the clause they open.
    pub subject_clause_openers: BTreeSet<String>,
    pub demonstratives: BTreeSet<String>,
    pub articles: BTreeSet<String>,
    pub possessive_pronouns: BTreeSet<String>,
    pub opening_connectives: BTreeSet<String>,
    /// Statement trigger (folded) → the verb its summary uses ("warned" → "warns").
    pub summary_verbs: BTreeMap<String, String>,
}

/// The words around a "call" that make it an appeal ("his call for a truce").
#[derive(Debug, Clone, Default)]
pub struct AppealCall {
    /// Words right after it that say what it asks.
    pub after: BTreeSet<String>,
    /// Verbs that take an appeal as their object ("renewed his call").
    pub verbs: BTreeSet<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct AppealCallRow {
    after: Vec<String>,
    verbs: Vec<String>,
}

/// An act of `kind` that one of its verbs (see `EventLexicon::acts_on_verb`) names
/// when one of `objects` is what it acts on.
#[derive(Debug, Clone)]
pub struct ActOn {
    pub kind: Kind,
    pub objects: BTreeSet<String>,
    /// A state the text names may be the object too ("suspended Gabon").
    pub states: bool,
    /// A place the text names may be the object too ("entered Damascus").
    pub places: bool,
    /// Words after the verb within which the object may stand.
    pub reach: usize,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ActOnRow {
    kind: Kind,
    verbs: Vec<String>,
    #[serde(default)]
    objects: Vec<String>,
    #[serde(default)]
    states: bool,
    #[serde(default)]
    places: bool,
    reach: Option<usize>,
}

impl ActOn {
    fn from_row(row: &ActOnRow) -> ActOn {
        ActOn {
            kind: row.kind,
            objects: row.objects.iter().map(|w| fold(w)).collect(),
            states: row.states,
            places: row.places,
            reach: row.reach.unwrap_or(ACT_OBJECT_REACH),
        }
    }
}

/// Per verb's first word (folded), the indices of the `acts_on` rows it opens and
/// the rest of the verb's words ("strayed into", "walked away from").
fn acts_on_index(rows: &[ActOnRow]) -> FastMap<String, Vec<(usize, Vec<String>)>> {
    let mut index: FastMap<String, Vec<(usize, Vec<String>)>> = FastMap::default();
    for (i, row) in rows.iter().enumerate() {
        for verb in row.verbs.iter().map(|v| phrase(v)) {
            if let Some((first, rest)) = verb.split_first() {
                index
                    .entry(first.clone())
                    .or_default()
                    .push((i, rest.to_vec()));
            }
        }
    }
    index
}

/// Words after a verb of `acts_on` within which its object names what it acts on,
/// unless the entry says otherwise.
const ACT_OBJECT_REACH: usize = 4;

/// How "A <cue> B" places A against B.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum CueSense {
    After,
    Before,
    Response,
    During,
}

#[derive(Debug, Clone)]
pub struct OrderCue {
    pub words: Vec<String>,
    pub sense: CueSense,
    /// Days from the earlier event to the later: [min, max], max None = open.
    pub min_days: i64,
    pub max_days: Option<i64>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct OrderCueRow {
    cue: String,
    sense: CueSense,
    days: (i64, Option<i64>),
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct EventsFile {
    kinds: BTreeMap<Kind, KindTriggers>,
    negation: Vec<String>,
    irrealis: Vec<String>,
    generic_speakers: Vec<String>,
    commentator_words: Vec<String>,
    auxiliaries: Vec<String>,
    locative: Vec<String>,
    target: Vec<String>,
    participants: Vec<String>,
    habitual: Vec<String>,
    #[serde(default)]
    degree_words: Vec<String>,
    pair_references: Vec<String>,
    modals: Vec<String>,
    shaking_verbs: Vec<String>,
    future_in_past_reporters: Vec<String>,
    inflections: BTreeMap<String, String>,
    bare_verb_markers: Vec<String>,
    progressive_markers: Vec<String>,
    verb_adverbs: Vec<String>,
    #[serde(default)]
    governor_time_words: Vec<String>,
    to_governors: Vec<String>,
    object_control_verbs: Vec<String>,
    uncertain_predicates: Vec<String>,
    bound_cues: Vec<String>,
    onset_cues: Vec<String>,
    announcing_verbs: Vec<String>,
    #[serde(default)]
    passive_own_acts: Vec<String>,
    #[serde(default)]
    report_verbs: Vec<String>,
    #[serde(default)]
    holder_nouns: Vec<String>,
    #[serde(default)]
    answer_verbs: Vec<String>,
    #[serde(default)]
    said_with: Vec<String>,
    #[serde(default)]
    negotiation_nouns: Vec<String>,
    #[serde(default)]
    goal_prepositions: Vec<String>,
    #[serde(default)]
    person_harm_verbs: Vec<String>,
    #[serde(default)]
    people_nouns: Vec<String>,
    court_words: Vec<String>,
    plain_speech_verbs: Vec<String>,
    #[serde(default)]
    media_words: Vec<String>,
    #[serde(default)]
    outlet_words: Vec<String>,
    order_breaks: Vec<String>,
    order_cues: Vec<OrderCueRow>,
    count_units: BTreeMap<String, (i64, i64)>,
    anaphors: Vec<String>,
    prepositions: Vec<String>,
    modes: BTreeMap<Kind, KindModesRow>,
    casualties: CasualtiesRow,
    addressee_verbs: Vec<String>,
    representatives: Vec<String>,
    #[serde(default)]
    voices_of_a_person: Vec<String>,
    quantity_nouns: Vec<String>,
    participle_openers: Vec<String>,
    time_measure_words: Vec<String>,
    aspect_nouns: Vec<String>,
    launch_verbs: Vec<String>,
    killing_verbs: Vec<String>,
    #[serde(default)]
    acts_on: Vec<ActOnRow>,
    #[serde(default)]
    quarrel_words: Vec<String>,
    capture_nouns: Vec<String>,
    armed_forces: Vec<String>,
    #[serde(default)]
    legislatures: Vec<String>,
    attacker_nouns: Vec<String>,
    #[serde(default)]
    patient_nouns: Vec<String>,
    agentless_words: Vec<String>,
    #[serde(default)]
    qualified_heads: Vec<String>,
    #[serde(default)]
    reciprocal_strikes: Vec<String>,
    toll_openers: Vec<String>,
    harm_verbs: Vec<String>,
    people_participles: Vec<String>,
    pinning_verbs: Vec<String>,
    crowd_acts: BTreeMap<String, Vec<String>>,
    lone_attackers: Vec<String>,
    court_acts: Vec<String>,
    weapons: Vec<String>,
    presupposing: Vec<String>,
    ending_infinitives: Vec<String>,
    non_hostile: Vec<String>,
    met_standards: Vec<String>,
    occurrence_verbs: Vec<String>,
    alleged: Vec<String>,
    owned_claims: Vec<String>,
    irrealis_governors: Vec<String>,
    appeal_call: AppealCallRow,
    cancelling_verbs: Vec<String>,
    #[serde(default)]
    topic_verbs: Vec<String>,
    #[serde(default)]
    attributing_participles: Vec<String>,
    subordinators: Vec<String>,
    subject_clause_openers: Vec<String>,
    demonstratives: Vec<String>,
    articles: Vec<String>,
    possessive_pronouns: Vec<String>,
    opening_connectives: Vec<String>,
    summary_verbs: BTreeMap<String, String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct KindTriggers {
    verbs: Vec<String>,
    nouns: Vec<String>,
    #[serde(default)]
    needs_object: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct KindModesRow {
    cameo: String,
    modes: Vec<ModeRow>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ModeRow {
    mode: String,
    label: Option<String>,
    preposition: Option<String>,
    says: Option<String>,
    cameo: Option<String>,
    words: Vec<String>,
    #[serde(default)]
    fallback: bool,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CasualtiesRow {
    killed: Vec<String>,
    injured: Vec<String>,
    filler: Vec<String>,
}

/// The modes of each kind (see `modes` in events.yaml), every kind with an entry and
/// every CAMEO code valid.
fn modes_of(rows: &BTreeMap<Kind, KindModesRow>) -> Result<BTreeMap<Kind, KindModes>> {
    let mut modes = BTreeMap::new();
    for (kind, row) in rows {
        check_cameo(&row.cameo, kind.as_str())?;
        let mut list = Vec::new();
        for mode in &row.modes {
            let cameo = mode.cameo.clone().unwrap_or_else(|| row.cameo.clone());
            check_cameo(&cameo, &format!("{kind} mode {}", mode.mode))?;
            list.push(Mode {
                name: mode.mode.clone(),
                label: mode.label.clone(),
                preposition: mode.preposition.clone(),
                says: mode.says.clone(),
                cameo,
                words: mode.words.iter().map(|s| phrase(s)).collect(),
                fallback: mode.fallback,
            });
        }
        modes.insert(
            *kind,
            KindModes {
                cameo: row.cameo.clone(),
                modes: list,
            },
        );
    }
    if let Some(kind) = Kind::ALL.iter().find(|k| !modes.contains_key(k)) {
        return Err(Error::Lexicon {
            name: "events.yaml".into(),
            reason: format!("modes: no entry for {kind}"),
        });
    }
    Ok(modes)
}

/// CAMEO root codes are two digits, 01 to 20.
fn check_cameo(code: &str, what: &str) -> Result<()> {
    let valid = code.len() == 2
        && code.bytes().all(|b| b.is_ascii_digit())
        && (1..=20).contains(&code.parse::<u8>().unwrap_or(0));
    if valid {
        Ok(())
    } else {
        Err(Error::Lexicon {
            name: "events.yaml".into(),
            reason: format!("{what}: CAMEO root code {code:?} is not two digits from 01 to 20"),
        })
    }
}

/// Indices of phrases by their first word, keeping their order.
fn by_first_word<'p>(phrases: impl Iterator<Item = &'p [String]>) -> FastMap<String, Vec<usize>> {
    let mut index: FastMap<String, Vec<usize>> = FastMap::default();
    for (i, words) in phrases.enumerate() {
        if let Some(first) = words.first() {
            index.entry(first.clone()).or_default().push(i);
        }
    }
    index
}

/// Words an order's object may take between the verb and "to": "ordered the
/// country's troops to" is four.
const OBJECT_CONTROL_REACH: usize = 5;

/// Bare and -ing verb forms that stand in for a listed form after a word that makes
/// them verbs (see `inflections` in events.yaml).
#[derive(Debug, Clone)]
struct StandIns {
    /// Form → the listed form it stands in for.
    inflections: FastMap<String, String>,
    bare_verb_markers: BTreeSet<String>,
    progressive_markers: BTreeSet<String>,
    /// Adverbs that may stand between such a marker and its verb.
    verb_adverbs: BTreeSet<String>,
    /// Words of a date that may stand between a word that commits to an act and
    /// its "to" ("decided on Monday to withdraw").
    governor_time_words: BTreeSet<String>,
    /// Words after which "to" makes a bare form a verb.
    to_governors: BTreeSet<String>,
    /// Verbs whose object is told to act ("ordered troops to deploy").
    object_control_verbs: BTreeSet<String>,
}

impl StandIns {
    fn of(file: &EventsFile, triggers: &[Trigger]) -> Result<StandIns> {
        let set = |v: &[String]| v.iter().map(|s| fold(s)).collect::<BTreeSet<_>>();
        Ok(StandIns {
            inflections: inflections(file, triggers)?,
            bare_verb_markers: set(&file.bare_verb_markers),
            progressive_markers: set(&file.progressive_markers),
            verb_adverbs: set(&file.verb_adverbs),
            governor_time_words: set(&file.governor_time_words),
            to_governors: set(&file.to_governors),
            object_control_verbs: set(&file.object_control_verbs),
        })
    }

    /// The listed verb form the word at `i` stands in for, when it is a bare form
    /// after a modal or "to", or an -ing form after a form of "be" (adverbs between
    /// aside): "will recall" reads as "recalled", "is deploying" as "deployed";
    /// or an -ing form a claim of `owned_claims` is "for".
    pub fn stand_in(
        &self,
        folded: &[String],
        i: usize,
        owned_claims: &BTreeSet<String>,
    ) -> Option<&str> {
        let listed = self.inflections.get(folded.get(i)?)?;
        let is_adverb = |w: &String| w.ends_with("ly") || self.verb_adverbs.contains(w.as_str());
        let at = (0..i).rev().find(|&j| !is_adverb(&folded[j]))?;
        let before = &folded[at];
        let markers = if folded[i].ends_with("ing") {
            &self.progressive_markers
        } else {
            &self.bare_verb_markers
        };
        // "to" makes a verb only after a word that commits to the act ("decided to
        // withdraw", "is set to sign"); after others it mostly gives a purpose or a
        // wish ("will meet on Thursday to approve the deal").
        let committed = || {
            (0..at)
                .rev()
                .find(|&j| {
                    !is_adverb(&folded[j]) && !self.governor_time_words.contains(&folded[j])
                })
                .is_some_and(|j| self.to_governors.contains(&folded[j]))
                // "ordered troops to deploy", "ordered the army to withdraw": the
                // order's object, a few words, stands between.
                || (at.saturating_sub(OBJECT_CONTROL_REACH)..at)
                    .rev()
                    .take_while(|&j| folded[j].chars().all(char::is_alphabetic))
                    .any(|j| self.object_control_verbs.contains(&folded[j]))
        };
        // "claimed responsibility for attacking": after a word of `owned_claims`
        // and "for", an -ing form is the claimant's act.
        let claimed = || {
            folded[i].ends_with("ing")
                && before == "for"
                && at > 0
                && owned_claims.contains(&folded[at - 1])
        };
        (markers.contains(before) && (before != "to" || committed()) || claimed())
            .then_some(listed.as_str())
    }
}

/// The `inflections` table, folded, once each stand-in is checked: it must name a
/// listed verb form (a trigger that is no noun, or a verb of `acts_on`) and must not
/// be a listed verb form itself, or it would be read both ways. An event noun may
/// stand in, since only a marker before it makes it a verb ("to attack").
fn inflections(file: &EventsFile, triggers: &[Trigger]) -> Result<FastMap<String, String>> {
    let is_verb_form = |form: &str| {
        triggers
            .iter()
            .any(|t| !t.noun && t.words.first().is_some_and(|w| w == form))
            || file.acts_on.iter().any(|row| {
                row.verbs
                    .iter()
                    .any(|v| phrase(v).first().is_some_and(|w| w == form))
            })
    };
    let mut table = FastMap::default();
    for (form, listed) in &file.inflections {
        let (form, listed) = (fold(form), fold(listed));
        let reason = if !is_verb_form(&listed) {
            Some(format!(
                "inflection {form:?}: {listed:?} is no listed verb form"
            ))
        } else if is_verb_form(&form)
            || triggers
                .iter()
                .any(|t| !t.noun && t.words == std::slice::from_ref(&form))
        {
            Some(format!("inflection {form:?} is listed itself"))
        } else {
            None
        };
        if let Some(reason) = reason {
            return Err(Error::Lexicon {
                name: "events.yaml".into(),
                reason,
            });
        }
        table.insert(form, listed);
    }
    Ok(table)
}

/// Every kind's triggers, longest first (then in word order), so "missile strike"
/// wins over "strike".
fn triggers_of(kinds: &BTreeMap<Kind, KindTriggers>) -> Vec<Trigger> {
    let mut triggers = Vec::new();
    for (kind, forms) in kinds {
        let lists = [
            (false, false, &forms.verbs),
            (true, false, &forms.nouns),
            (false, true, &forms.needs_object),
        ];
        for (noun, needs_object, list) in lists {
            for form in list {
                triggers.push(Trigger {
                    words: phrase(form),
                    kind: *kind,
                    noun,
                    needs_object,
                });
            }
        }
    }
    triggers.sort_by(|a, b| {
        b.words
            .len()
            .cmp(&a.words.len())
            .then_with(|| a.words.cmp(&b.words))
    });
    triggers
}

/// The order cues of `events.yaml`, longest first, with their day spans checked.
fn order_cues_of(rows: &[OrderCueRow]) -> Result<Vec<OrderCue>> {
    let mut order_cues = Vec::new();
    for row in rows {
        if row.days.1.is_some_and(|max| max < row.days.0) || row.days.0 < 0 {
            return Err(Error::Lexicon {
                name: "events.yaml".into(),
                reason: format!("order cue {:?}: days must be 0 ≤ min ≤ max", row.cue),
            });
        }
        order_cues.push(OrderCue {
            words: phrase(&row.cue),
            sense: row.sense,
            min_days: row.days.0,
            max_days: row.days.1,
        });
    }
    order_cues.sort_by_key(|cue| std::cmp::Reverse(cue.words.len()));
    Ok(order_cues)
}

impl EventLexicon {
    fn parse(text: &str) -> Result<Self> {
        let file: EventsFile = parse_builtin_yaml("events.yaml", text)?;
        let triggers = triggers_of(&file.kinds);
        let stand_ins = StandIns::of(&file, &triggers)?;
        let phrases = |v: &[String]| v.iter().map(|s| phrase(s)).collect::<Vec<_>>();
        // A phrase in a list looked up one word at a time would never match.
        let phrase_in_word_list = std::cell::RefCell::new(None);
        let set = |v: &[String]| {
            if let Some(phrase) = v.iter().find(|s| s.contains(' ')) {
                phrase_in_word_list
                    .borrow_mut()
                    .get_or_insert(phrase.clone());
            }
            v.iter().map(|s| fold(s)).collect::<BTreeSet<_>>()
        };
        let court_acts = phrases(&file.court_acts);
        let order_cues = order_cues_of(&file.order_cues)?;
        let order_cues_by_first_word = by_first_word(order_cues.iter().map(|c| c.words.as_slice()));
        let modes = modes_of(&file.modes)?;
        let lexicon = EventLexicon {
            modes,
            casualties: CasualtyWords {
                killed: phrases(&file.casualties.killed),
                injured: phrases(&file.casualties.injured),
                filler: set(&file.casualties.filler),
            },
            // Looked up as the whole trigger: phrases ("called on") count.
            addressee_verbs: file.addressee_verbs.iter().map(|s| fold(s)).collect(),
            representatives: set(&file.representatives),
            voices_of_a_person: set(&file.voices_of_a_person),
            quantity_nouns: set(&file.quantity_nouns),
            participle_openers: set(&file.participle_openers),
            time_measure_words: set(&file.time_measure_words),
            aspect_nouns: set(&file.aspect_nouns),
            launch_verbs: set(&file.launch_verbs),
            killing_verbs: set(&file.killing_verbs),
            acts_on_by_verb: acts_on_index(&file.acts_on),
            acts_on: file.acts_on.iter().map(ActOn::from_row).collect(),
            quarrel_words: set(&file.quarrel_words),
            capture_nouns: set(&file.capture_nouns),
            armed_forces: set(&file.armed_forces),
            legislatures: set(&file.legislatures),
            attacker_nouns: set(&file.attacker_nouns),
            patient_nouns: set(&file.patient_nouns),
            agentless_words: phrases(&file.agentless_words),
            qualified_heads: set(&file.qualified_heads),
            reciprocal_strikes: phrases(&file.reciprocal_strikes),
            toll_openers: set(&file.toll_openers),
            harm_verbs: phrases(&file.harm_verbs),
            people_participles: phrases(&file.people_participles),
            pinning_verbs: phrases(&file.pinning_verbs),
            lone_attackers: set(&file.lone_attackers),
            court_acts_by_first_word: by_first_word(court_acts.iter().map(Vec::as_slice)),
            court_acts,
            crowd_acts: file
                .crowd_acts
                .iter()
                .flat_map(|(crowd, acts)| acts.iter().map(|act| (crowd.clone(), phrase(act))))
                .collect(),
            weapons: set(&file.weapons),
            summary_verbs: file
                .summary_verbs
                .iter()
                .map(|(trigger, verb)| (trigger.to_lowercase(), verb.clone()))
                .collect(),
            presupposing: phrases(&file.presupposing),
            ending_infinitives: set(&file.ending_infinitives),
            non_hostile: set(&file.non_hostile),
            met_standards: set(&file.met_standards),
            occurrence_verbs: phrases(&file.occurrence_verbs),
            alleged: set(&file.alleged),
            owned_claims: set(&file.owned_claims),
            irrealis_governors: set(&file.irrealis_governors),
            appeal_call: AppealCall {
                after: set(&file.appeal_call.after),
                verbs: set(&file.appeal_call.verbs),
            },
            cancelling_verbs: phrases(&file.cancelling_verbs),
            topic_verbs: phrases(&file.topic_verbs),
            attributing_participles: phrases(&file.attributing_participles),
            subordinators: set(&file.subordinators),
            subject_clause_openers: set(&file.subject_clause_openers),
            demonstratives: set(&file.demonstratives),
            articles: set(&file.articles),
            possessive_pronouns: set(&file.possessive_pronouns),
            opening_connectives: set(&file.opening_connectives),
            order_cues,
            order_cues_by_first_word,
            count_units: file
                .count_units
                .iter()
                .map(|(k, v)| (fold(k), *v))
                .collect(),
            anaphors: set(&file.anaphors),
            triggers_by_first_word: by_first_word(triggers.iter().map(|t| t.words.as_slice())),
            triggers,
            negation: phrases(&file.negation),
            irrealis: phrases(&file.irrealis),
            generic_speakers: set(&file.generic_speakers),
            commentator_words: set(&file.commentator_words),
            auxiliaries: set(&file.auxiliaries),
            locative: set(&file.locative),
            target: set(&file.target),
            participants: set(&file.participants),
            habitual: set(&file.habitual),
            degree_words: set(&file.degree_words),
            pair_references: phrases(&file.pair_references),
            modals: set(&file.modals),
            shaking_verbs: set(&file.shaking_verbs),
            future_in_past_reporters: set(&file.future_in_past_reporters),
            stand_ins,
            uncertain_predicates: set(&file.uncertain_predicates),
            bound_cues: set(&file.bound_cues),
            onset_cues: set(&file.onset_cues),
            announcing_verbs: phrases(&file.announcing_verbs),
            passive_own_acts: phrases(&file.passive_own_acts),
            report_verbs: set(&file.report_verbs),
            holder_nouns: set(&file.holder_nouns),
            answer_verbs: set(&file.answer_verbs),
            said_with: set(&file.said_with),
            negotiation_nouns: set(&file.negotiation_nouns),
            goal_prepositions: set(&file.goal_prepositions),
            person_harm_verbs: set(&file.person_harm_verbs),
            people_nouns: set(&file.people_nouns),
            court_words: set(&file.court_words),
            plain_speech_verbs: set(&file.plain_speech_verbs),
            media_words: set(&file.media_words),
            outlet_words: set(&file.outlet_words),
            order_breaks: set(&file.order_breaks),
            prepositions: set(&file.prepositions),
        };
        if let Some(phrase) = phrase_in_word_list.into_inner() {
            return Err(Error::Lexicon {
                name: "events.yaml".into(),
                reason: format!("{phrase:?} is a phrase in a list of single words"),
            });
        }
        Ok(lexicon)
    }

    /// The verbs whose subject a noun of `kind` in their object is an act of, when
    /// they announce it (see `announcing_verbs`): strikes and actions.
    pub fn announcing_verbs_of(&self, kind: Kind) -> &[Vec<String>] {
        if matches!(kind, Kind::Strike | Kind::Action) {
            &self.announcing_verbs
        } else {
            &[]
        }
    }

    /// The `acts_on` entries with a verb whose first word is `folded`, in the file's
    /// order, each with the words that must follow it in that verb ("into" for
    /// "strayed into"; none for a verb of one word).
    pub fn acts_on_verb<'a>(
        &'a self,
        folded: &str,
    ) -> impl Iterator<Item = (&'a ActOn, &'a [String])> + 'a {
        self.acts_on_by_verb
            .get(folded)
            .into_iter()
            .flatten()
            .map(|(i, rest)| (&self.acts_on[*i], rest.as_slice()))
    }

    /// The listed verb form the word at `i` stands in for (see [`StandIns`]).
    pub fn stand_in(&self, folded: &[String], i: usize) -> Option<&str> {
        self.stand_ins.stand_in(folded, i, &self.owned_claims)
    }

    /// "ordered" in "ordered troops to deploy": a verb whose object is told to act.
    pub fn is_object_control_verb(&self, folded: &str) -> bool {
        self.stand_ins.object_control_verbs.contains(folded)
    }

    /// The listed form a bare or -ing form stands in for, wherever it stands.
    pub fn listed_form(&self, form: &str) -> Option<&str> {
        self.stand_ins.inflections.get(form).map(String::as_str)
    }

    /// Articles and possessive pronouns: words that stand before a noun phrase.
    pub fn is_determiner(&self, folded: &str) -> bool {
        self.articles.contains(folded) || self.possessive_pronouns.contains(folded)
    }

    /// Is a verb of speech ("said", "warned", "called for") at token `i`?
    pub fn speech_verb_at(&self, folded: &[String], i: usize) -> bool {
        self.trigger_at(folded, i)
            .is_some_and(|t| t.kind == Kind::Statement && !t.noun)
    }

    /// Does the word at token `i` speak of what follows it: a verb of speech, or one
    /// whose object is what was talked about ("condemned the strikes", "discussed
    /// the attacks", "called the capture a victory"), or the last word of such a
    /// phrase ("talked about", "looked into")?
    pub fn speaks_of_at(&self, folded: &[String], i: usize) -> bool {
        self.topic_ends_at(folded, i) || self.speech_verb_at(folded, i)
    }

    /// Does a topic verb or phrase (see `topic_verbs`) end at token `i`?
    pub fn topic_ends_at(&self, folded: &[String], i: usize) -> bool {
        self.topic_verbs
            .iter()
            .any(|p| i + 1 >= p.len() && phrase_at(folded, i + 1 - p.len(), p))
    }

    /// How many tokens an attributing participle ("blamed on") starting at token `i`
    /// spans, if one does.
    pub fn attributing_participle_at(&self, folded: &[String], i: usize) -> Option<usize> {
        self.attributing_participles
            .iter()
            .find(|p| phrase_at(folded, i, p))
            .map(Vec::len)
    }

    /// The trigger starting at token `i`, longest first.
    pub fn trigger_at(&self, folded: &[String], i: usize) -> Option<&Trigger> {
        self.trigger_span_at(folded, i).map(|(trigger, _)| trigger)
    }

    /// Whether the word alone is one of the lexicon's event nouns.
    pub fn is_trigger_noun(&self, folded: &str) -> bool {
        self.triggers_by_first_word.get(folded).is_some_and(|ts| {
            ts.iter()
                .map(|&t| &self.triggers[t])
                .any(|t| t.noun && t.words.len() == 1)
        })
    }

    /// The trigger starting at token `i`, longest first, with the tokens it spans
    /// (quotation marks inside it included).
    pub fn trigger_span_at(&self, folded: &[String], i: usize) -> Option<(&Trigger, usize)> {
        self.triggers_by_first_word
            .get(folded.get(i)?)?
            .iter()
            .map(|&t| &self.triggers[t])
            .find_map(|t| phrase_span_at(folded, i, &t.words).map(|span| (t, span)))
    }

    /// How a strike summary names the act of a mode and what comes before its place
    /// or target: its label and preposition ("shelling", "of"), else "<mode> strike"
    /// and "on" ("drone strike on").
    pub fn strike_label(&self, mode: &str) -> Option<(String, &str)> {
        let mode = self
            .modes
            .get(&Kind::Strike)?
            .modes
            .iter()
            .find(|m| m.name == mode)?;
        let label = mode
            .label
            .clone()
            .unwrap_or_else(|| format!("{} strike", mode.name));
        Some((label, mode.preposition.as_deref().unwrap_or("on")))
    }

    /// The crowd that does the crowd's act whose trigger starts at token `i`
    /// ("demonstrators" for "demonstrations"), if it is one.
    pub fn crowd_of_act(&self, folded: &[String], i: usize) -> Option<&str> {
        self.crowd_acts
            .iter()
            .find(|(_, act)| phrase_at(folded, i, act))
            .map(|(crowd, _)| crowd.as_str())
    }

    /// The verb a statement summary uses for a mode ("accuses"), if it has one.
    pub fn mode_verb(&self, kind: Kind, mode: &str) -> Option<&str> {
        let modes = &self.modes.get(&kind)?.modes;
        modes.iter().find(|m| m.name == mode)?.says.as_deref()
    }

    /// How many words the court's act starting at token `i` has ("threw out" two),
    /// if one does (see `court_acts`; whether a court does it is the caller's to
    /// ask).
    pub fn court_act_at(&self, folded: &[String], i: usize) -> Option<usize> {
        self.court_acts_by_first_word
            .get(folded.get(i)?)?
            .iter()
            .map(|&a| &self.court_acts[a])
            .find(|act| phrase_at(folded, i, act))
            .map(Vec::len)
    }

    /// The ordering cue starting at token `i`, longest first.
    pub fn order_cue_at(&self, folded: &[String], i: usize) -> Option<&OrderCue> {
        self.order_cues_by_first_word
            .get(folded.get(i)?)?
            .iter()
            .map(|&c| &self.order_cues[c])
            .find(|c| phrase_at(folded, i, &c.words))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_lexicons_parse() {
        let lexicon = Lexicon::builtin().unwrap();
        assert!(lexicon.events.triggers.len() > 100);
        assert!(lexicon.events.triggers.iter().all(|t| !t.words.is_empty()));
    }

    /// A phrase in a list looked up one word at a time would never match: the
    /// lexicon is refused, naming it.
    #[test]
    fn a_phrase_in_a_list_of_words_is_refused() {
        let text = EVENTS_YAML.replacen(
            "weapons: [drone,",
            "weapons: [\"ballistic missile\", drone,",
            1,
        );
        assert_ne!(text, EVENTS_YAML, "the weapons list moved");
        let error = EventLexicon::parse(&text).err().map(|e| e.to_string());
        assert!(
            error
                .as_deref()
                .is_some_and(|e| e.contains("\"ballistic missile\"")),
            "{error:?}"
        );
    }
}
