//! When two articles' reports are one real event. Outlets name the same sides in
//! different ways ("Trump" and "the United States", "Nicolás" and "Nicolas"), list
//! the participants in a different order, and one names the city where another names
//! only the country or nothing: identity compares the *sides* the participants act
//! for, as an unordered set, and places through their country.
//!
//! A wrong merge hides an event and is worse than a missed one, so each kind asks for
//! what its reports reliably share: a strike its attacker, a meeting or an agreement
//! its set of sides, a statement its speaker, its day and its subject.

use std::collections::BTreeSet;

use crate::extract::{ExtractedEvent, InitiatorSide};
use crate::model::Kind;
use crate::text::{consonants, identity_key};

/// Words shorter than this say little about what a statement was about.
const CONTENT_WORD_MIN_LEN: usize = 5;
/// Share of the smaller statement's content words the other must use too for two
/// statements of one speaker on one day to be one statement.
const SAME_SUBJECT_OVERLAP: f64 = 0.25;

/// What identity compares of an event, in the form it compares it.
#[derive(Debug, Clone, Default)]
pub(super) struct Identity {
    /// The initiator: the speaker of a statement, the attacker of a strike.
    pub initiator: String,
    /// The side the initiator acts for.
    pub initiator_side: String,
    /// For a person whose side is known, that side and their surname.
    pub side_and_surname: String,
    /// For a person, the consonants of their first name: where spellings of one name
    /// ("Abdourahmane Tchiani", "Abdourahamane Tiani") are looked for.
    pub given_name_consonants: String,
    /// Whom the initiator acts for: a state, a body, men the text does not name.
    pub initiator_kind: InitiatorSide,
    /// Every side involved, initiator's included.
    pub sides: BTreeSet<String>,
    /// The sides on the receiving end (targets, those met or accused).
    pub other_sides: BTreeSet<String>,
    pub place: Option<String>,
    pub place_country: Option<String>,
    /// Content words of the sentences that report it.
    pub words: BTreeSet<String>,
    /// For a statement, its quoted words in runs of [`QUOTE_RUN_WORDS`]: two reports
    /// quoting the same words are one statement, whoever each says spoke them
    /// ("Oman said" and "Badr al-Busaidi said").
    pub quote_runs: BTreeSet<String>,
}

/// The key under which every strike of an attacker no state owns is also indexed.
/// (No side's name starts with a control character.)
const STATELESS_ATTACKERS: &str = "\u{1}stateless";

/// The key under which strikes no report attributes are found (see `keys`).
const UNATTRIBUTED_STRIKES: &str = "\u{0}unattributed strikes";

/// Quoted words in a row that two reports must share to quote the same statement:
/// enough that no stock phrase ("the United States") makes two statements one.
const QUOTE_RUN_WORDS: usize = 6;

/// Runs of [`QUOTE_RUN_WORDS`] words inside quotation marks, lowercased.
fn quote_runs(text: &str) -> impl Iterator<Item = String> + '_ {
    let mut runs = Vec::new();
    let mut inside = false;
    let mut words: Vec<String> = Vec::new();
    let flush = |words: &mut Vec<String>, runs: &mut Vec<String>| {
        for window in words.windows(QUOTE_RUN_WORDS) {
            runs.push(window.join(" "));
        }
        words.clear();
    };
    for token in crate::text::tokenize(text, 0) {
        if crate::text::is_double_quote_mark(token.text) {
            if inside {
                flush(&mut words, &mut runs);
            }
            inside = !inside;
        } else if inside && token.is_word() {
            words.push(identity_key(token.text));
        }
    }
    runs.into_iter()
}

impl Identity {
    pub fn of(event: &ExtractedEvent) -> Identity {
        let sides: Vec<String> = event.sides.iter().map(|s| identity_key(s)).collect();
        let actors = event.actors.len().min(sides.len());
        let initiator = event.main_actor().map(identity_key).unwrap_or_default();
        let initiator_side = sides.first().cloned().unwrap_or_default();
        let side_and_surname = match surname(&initiator) {
            Some(surname) if initiator_side != initiator && initiator.contains(' ') => {
                format!("{initiator_side}/{surname}")
            }
            _ => String::new(),
        };
        let given_name_consonants = match initiator.split_once(' ') {
            Some((given, _)) => {
                let consonants = consonants(given);
                if consonants.chars().count() >= GIVEN_NAME_MIN_CONSONANTS {
                    format!("~{consonants}")
                } else {
                    String::new()
                }
            }
            _ => String::new(),
        };
        Identity {
            initiator,
            initiator_side,
            side_and_surname,
            given_name_consonants,
            initiator_kind: event.initiator_side,
            other_sides: sides[actors..].iter().cloned().collect(),
            sides: sides.into_iter().collect(),
            place: event.place.as_deref().map(identity_key),
            place_country: event.place_country.as_deref().map(identity_key),
            quote_runs: if event.kind == Kind::Statement {
                event
                    .evidence
                    .iter()
                    .flat_map(|e| quote_runs(&e.quote))
                    .collect()
            } else {
                BTreeSet::new()
            },
            words: event
                .evidence
                .iter()
                .flat_map(|e| content_words(&e.quote))
                .collect(),
        }
    }

    /// The keys under which candidates for a merge are indexed: an event can only be
    /// one with an event that shares one of them.
    pub fn keys(&self, kind: Kind) -> Vec<&str> {
        match kind {
            // A person is also found by side and surname, all another report may
            // share of their name (see `same_speaker`).
            Kind::Statement => [
                self.initiator.as_str(),
                self.side_and_surname.as_str(),
                self.given_name_consonants.as_str(),
            ]
            .into_iter()
            .chain(self.quote_runs.iter().map(String::as_str))
            .collect(),
            // An attacker no state owns is also found among all such attackers:
            // "gunmen" in one report may be a named group in another (see
            // `unnamed_attacker_within`).
            Kind::Strike if self.acts_for_no_state() => {
                vec![self.initiator_side.as_str(), STATELESS_ATTACKERS]
            }
            // A strike no report attributes is found among all such strikes, and
            // known by its place (see `same_participants`); and among the strikes
            // of attackers no state owns, one of which may name the men it leaves
            // out (see `unattributed_joins`).
            Kind::Strike if self.unattributed_at_a_place() => vec![
                self.initiator_side.as_str(),
                UNATTRIBUTED_STRIKES,
                STATELESS_ATTACKERS,
            ],
            Kind::Strike | Kind::Action => vec![self.initiator_side.as_str()],
            Kind::Agreement => self.sides.iter().map(String::as_str).collect(),
            // A meeting's host may be all another report names of it (see
            // `same_participants`), so it is found under its host's country too.
            Kind::Meeting => self
                .sides
                .iter()
                .chain(&self.place_country)
                .map(String::as_str)
                .collect(),
        }
        .into_iter()
        .filter(|key| !key.is_empty())
        .collect()
    }

    /// What a merged event is known by: everything each report said.
    pub fn absorb(&mut self, other: Identity) {
        self.sides.extend(other.sides);
        self.other_sides.extend(other.other_sides);
        if self.place.is_none() {
            self.place = other.place;
            self.place_country = other.place_country;
        }
        self.words.extend(other.words);
        self.quote_runs.extend(other.quote_runs);
    }

    /// Does the initiator act for no state: a body, or men the text does not name?
    pub fn acts_for_no_state(&self) -> bool {
        matches!(
            self.initiator_kind,
            InitiatorSide::Body | InitiatorSide::Unnamed | InitiatorSide::Crowd
        )
    }

    /// Attackers of whom at least one is men the text does not name, neither a
    /// state's ("gunmen" and "JNIM", "militants" and "jihadists", "protesters" and
    /// "rioters"), whose targets agree: they may be one. A crowd is only ever
    /// another crowd.
    pub fn unnamed_attacker_within(&self, other: &Identity) -> bool {
        use InitiatorSide::{Body, Crowd, Unnamed};
        let kinds_agree = matches!(
            (self.initiator_kind, other.initiator_kind),
            (Crowd, Crowd) | (Unnamed, Unnamed | Body) | (Body, Unnamed)
        );
        kinds_agree && self.targets_agree(other)
    }

    /// "Two car bombs exploded in Mogadishu on Saturday" and "al-Shabaab's bombing
    /// in Mogadishu on Saturday": a blast no report of `self` attributes, at a
    /// place, and an attack `other` gives an attacker (a state's, a body's or armed
    /// men's, not a crowd's) at a place, whose targets agree: they may be one.
    pub fn unattributed_joins(&self, other: &Identity) -> bool {
        self.unattributed_at_a_place()
            && other.place.is_some()
            && matches!(
                other.initiator_kind,
                InitiatorSide::State | InitiatorSide::Body | InitiatorSide::Unnamed
            )
            && self.targets_agree(other)
    }

    /// Either report leaves out what the strike hit, or they share a target.
    fn targets_agree(&self, other: &Identity) -> bool {
        let (targets, other_targets) = (self.targets(), other.targets());
        targets.is_empty() || other_targets.is_empty() || !targets.is_disjoint(&other_targets)
    }

    /// No initiator, and no side that `other` does not name: a report whose
    /// sentence says less of the same event ("an attack on Syria").
    pub fn unattributed_within(&self, other: &Identity) -> bool {
        self.initiator.is_empty() && self.sides.is_subset(&other.sides)
    }

    /// Both quote the same words at some length.
    pub fn quotes_the_same(&self, other: &Identity) -> bool {
        !self.quote_runs.is_disjoint(&other.quote_runs)
    }

    /// The very same initiator and sides: what a copy's sentence names when it is
    /// the original's sentence.
    pub fn names_the_same(&self, other: &Identity) -> bool {
        self.initiator == other.initiator && self.sides == other.sides
    }

    /// Whether the two name the same participants, for an event of `kind`.
    pub fn same_participants(&self, other: &Identity, kind: Kind) -> bool {
        match kind {
            Kind::Statement => {
                self.same_speaker(other) || self.one_voice(other) || self.quotes_the_same(other)
            }
            Kind::Strike | Kind::Action => {
                // A blast no report attributes ("a powerful blast on Istiklal
                // Street") is known by its place alone, which both must name.
                let unattributed = kind == Kind::Strike
                    && self.unattributed_at_a_place()
                    && other.unattributed_at_a_place();
                (unattributed
                    || !self.initiator_side.is_empty()
                        && self.initiator_side == other.initiator_side)
                    && self.targets_agree(other)
            }
            Kind::Meeting | Kind::Agreement => {
                let (small, big, big_report) = if self.sides.len() <= other.sides.len() {
                    (&self.sides, &other.sides, other)
                } else {
                    (&other.sides, &self.sides, self)
                };
                // The host of a meeting takes part in it even where a report names
                // only the guests: "Oman's foreign minister held talks in Muscat" and
                // "Iran and the US met in Oman" are one meeting.
                let hosted = |side: &String| {
                    kind == Kind::Meeting && big_report.place_country.as_ref() == Some(side)
                };
                // One side alone ("talks in Istanbul" by Russia) is too little to
                // join a report of a meeting, unless both name the same place.
                !small.is_empty()
                    && small.iter().all(|side| big.contains(side) || hosted(side))
                    && (small.len() >= 2
                        || (self.place.is_some()
                            && other.place.is_some()
                            && self.same_place(other)))
            }
        }
    }

    /// No initiator named, and a place: all there is to know a blast by.
    fn unattributed_at_a_place(&self) -> bool {
        self.initiator_kind == InitiatorSide::Unknown
            && self.initiator.is_empty()
            && self.place.is_some()
    }

    /// One report names a single side, and the other names that side too ("Israel
    /// agrees a ceasefire", "Israel and Hezbollah agree a ceasefire"): too little
    /// alone to be one event, but enough for an agreement on one named day when no
    /// other agreement of that side fits (see `lone_side`).
    pub fn one_side_within(&self, other: &Identity) -> bool {
        let (small, big) = if self.sides.len() <= other.sides.len() {
            (&self.sides, &other.sides)
        } else {
            (&other.sides, &self.sides)
        };
        small.len() == 1 && small.is_subset(big)
    }

    /// The same person or body speaks: the same name, or, for people of one side, the
    /// same surname ("Badr Albusaidi" and "Sayyid Badr Albusaidi").
    pub fn same_speaker(&self, other: &Identity) -> bool {
        if self.initiator.is_empty() {
            return false;
        }
        if self.initiator == other.initiator {
            return true;
        }
        if !self.side_and_surname.is_empty() && self.side_and_surname == other.side_and_surname {
            return true;
        }
        // One name in two transliterations: the same person unless the sides differ.
        let sides_agree = self.initiator_side == other.initiator_side
            || self.initiator_side == self.initiator
            || other.initiator_side == other.initiator;
        !self.given_name_consonants.is_empty()
            && self.given_name_consonants == other.given_name_consonants
            && sides_agree
            && crate::text::spelling_distance(&self.initiator, &other.initiator)
                <= self
                    .initiator
                    .chars()
                    .count()
                    .max(other.initiator.chars().count())
                    / SPELLING_CHARS_PER_EDIT
    }

    /// One speaks for the other, either way round (see `speaks_for`).
    pub fn one_voice(&self, other: &Identity) -> bool {
        self.speaks_for(other) || other.speaks_for(self)
    }

    /// The reports' sentences share at least one content word.
    pub fn shares_a_word(&self, other: &Identity) -> bool {
        !self.words.is_disjoint(&other.words)
    }

    /// A state or body that speaks itself ("Oman said") and a person who speaks
    /// for it ("Oman's foreign minister said"): one voice.
    fn speaks_for(&self, person: &Identity) -> bool {
        self.initiator == self.initiator_side
            && person.initiator != person.initiator_side
            && person.initiator_side == self.initiator
    }

    /// What a strike hit: the sides on the receiving end and where it hit ("strikes
    /// on the Houthis" and "strikes on Yemen" can be one).
    fn targets(&self) -> BTreeSet<&str> {
        self.other_sides
            .iter()
            .chain(&self.place)
            .chain(&self.place_country)
            .map(String::as_str)
            .collect()
    }

    /// Places agree when either report leaves the place out, when they are the same,
    /// or when one names the country the other's city lies in (Istanbul and Turkey).
    pub fn same_place(&self, other: &Identity) -> bool {
        match (&self.place, &other.place) {
            (None, _) | (_, None) => true,
            (Some(a), Some(b)) => {
                a == b
                    || other.place_country.as_ref() == Some(a)
                    || self.place_country.as_ref() == Some(b)
            }
        }
    }

    /// Whether two statements of one speaker are about the same thing: they share
    /// enough of their content words.
    pub fn same_subject(&self, other: &Identity) -> bool {
        let smaller = self.words.len().min(other.words.len());
        if smaller == 0 {
            return false;
        }
        let shared = self.words.intersection(&other.words).count();
        shared as f64 / smaller as f64 >= SAME_SUBJECT_OVERLAP
    }
}

/// A first name with fewer consonants than this ("Ali") says too little.
const GIVEN_NAME_MIN_CONSONANTS: usize = 3;
/// Two spellings of one name differ by at most one edit per this many characters
/// ("Zelensky"/"Zelenskyy", "Abdourahmane Tchiani"/"Abdourahamane Tiani").
const SPELLING_CHARS_PER_EDIT: usize = 6;

/// Shorter surnames are too often shared to tell people apart.
const SURNAME_MIN_CHARS: usize = 4;

/// The surname of a person's identity key, in one spelling for its transliterations:
/// "al-busaidi", "albusaidi" and "al busaidi" are one name, and so are "el-sisi" and
/// "elsisi". None for a single word or a surname too short to identify anyone.
fn surname(key: &str) -> Option<String> {
    let mut words = key.rsplit(' ');
    let last = words.next()?;
    // "Badr al Busaidi": the article belongs to the surname.
    let last = match words.next() {
        Some(article) if ARABIC_ARTICLES.contains(&article) => format!("{article}{last}"),
        _ => last.to_string(),
    };
    let letters: String = last.chars().filter(|c| c.is_alphanumeric()).collect();
    let bare = ARABIC_ARTICLES
        .iter()
        .find_map(|article| letters.strip_prefix(article))
        .filter(|rest| rest.chars().count() >= SURNAME_MIN_CHARS)
        .unwrap_or(&letters);
    (bare.chars().count() >= SURNAME_MIN_CHARS).then(|| bare.to_string())
}

/// The Arabic article as outlets transliterate it before a surname.
const ARABIC_ARTICLES: [&str; 2] = ["al", "el"];

fn content_words(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().count() >= CONTENT_WORD_MIN_LEN)
        .map(identity_key)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Status;

    fn event(kind: Kind, actors: &[&str], counterparts: &[&str], sides: &[&str]) -> ExtractedEvent {
        ExtractedEvent {
            kind,
            mode: None,
            cameo: String::new(),
            status: Status::Occurred,
            actors: actors.iter().map(|s| s.to_string()).collect(),
            counterparts: counterparts.iter().map(|s| s.to_string()).collect(),
            place: None,
            sides: sides.iter().map(|s| s.to_string()).collect(),
            initiator_side: Default::default(),
            place_country: None,
            killed: None,
            injured: None,
            date: None,
            story_day: None,
            summary: String::new(),
            evidence: Vec::new(),
        }
    }

    /// What identity knows of a statement of `speaker` for `side`, in `sentence`.
    fn saying(speaker: &str, side: &str, sentence: &str) -> Identity {
        let mut e = event(Kind::Statement, &[speaker], &[], &[side]);
        e.evidence.push(crate::extract::Evidence {
            start: 0,
            end: sentence.len(),
            quote: sentence.into(),
            trigger: "said".into(),
            trigger_at: 0,
            time: None,
        });
        Identity::of(&e)
    }

    fn at(mut event: ExtractedEvent, place: &str, country: &str) -> ExtractedEvent {
        event.place = Some(place.into());
        event.place_country = Some(country.into());
        event
    }

    #[test]
    fn participants_are_compared_as_sides_in_any_order() {
        let table = [
            // (kind, a, b, one event?)
            (
                Kind::Meeting,
                event(
                    Kind::Meeting,
                    &["Russia", "Ukraine"],
                    &[],
                    &["Russia", "Ukraine"],
                ),
                event(
                    Kind::Meeting,
                    &["Ukraine"],
                    &["Russia"],
                    &["Ukraine", "Russia"],
                ),
                true,
            ),
            (
                Kind::Meeting,
                event(
                    Kind::Meeting,
                    &["Donald Trump"],
                    &["Vladimir Putin"],
                    &["United States", "Russia"],
                ),
                event(
                    Kind::Meeting,
                    &["Vladimir Putin"],
                    &["United States"],
                    &["Russia", "United States"],
                ),
                true,
            ),
            (
                Kind::Meeting,
                event(
                    Kind::Meeting,
                    &["Russia"],
                    &["Ukraine"],
                    &["Russia", "Ukraine"],
                ),
                event(
                    Kind::Meeting,
                    &["Russia"],
                    &["United States"],
                    &["Russia", "United States"],
                ),
                false,
            ),
            (
                Kind::Strike,
                event(Kind::Strike, &["Israel"], &["Iran"], &["Israel", "Iran"]),
                event(Kind::Strike, &["Benjamin Netanyahu"], &[], &["Israel"]),
                true,
            ),
            (
                Kind::Strike,
                event(Kind::Strike, &["Israel"], &["Iran"], &["Israel", "Iran"]),
                event(Kind::Strike, &["Iran"], &["Israel"], &["Iran", "Israel"]),
                false,
            ),
            (
                Kind::Statement,
                event(Kind::Statement, &["Nicolás Maduro"], &[], &["Venezuela"]),
                event(Kind::Statement, &["Nicolas Maduro"], &[], &["Venezuela"]),
                true,
            ),
            // A state speaks through its leader: "Venezuela said" and "Maduro said".
            (
                Kind::Statement,
                event(Kind::Statement, &["Nicolás Maduro"], &[], &["Venezuela"]),
                event(Kind::Statement, &["Venezuela"], &[], &["Venezuela"]),
                true,
            ),
            (
                Kind::Statement,
                event(Kind::Statement, &["Nicolás Maduro"], &[], &["Venezuela"]),
                event(Kind::Statement, &["Diosdado Cabello"], &[], &["Venezuela"]),
                false,
            ),
            (
                Kind::Statement,
                event(Kind::Statement, &["Marco Rubio"], &[], &["United States"]),
                event(Kind::Statement, &["Venezuela"], &[], &["Venezuela"]),
                false,
            ),
        ];
        for (kind, a, b, same) in table {
            let (a, b) = (Identity::of(&a), Identity::of(&b));
            assert_eq!(a.same_participants(&b, kind), same, "{a:?} / {b:?}");
            assert_eq!(
                b.same_participants(&a, kind),
                same,
                "symmetric: {a:?} / {b:?}"
            );
        }
    }

    #[test]
    fn a_speaker_is_known_by_side_and_surname_in_any_transliteration() {
        let omani = |name: &str| Identity::of(&event(Kind::Statement, &[name], &[], &["Oman"]));
        let busaidi = omani("Badr al-Busaidi");
        for other in [
            "Sayyid Badr Albusaidi",
            "Hamood Al Busaidi",
            "Badr bin Hamad al-Busaidi",
        ] {
            assert!(busaidi.same_speaker(&omani(other)), "{other}");
            assert!(
                busaidi.keys(Kind::Statement).contains(&"oman/busaidi"),
                "{:?}",
                busaidi.keys(Kind::Statement)
            );
        }
        // Another side's Busaidi, a short surname, a single name: someone else.
        let yemeni = Identity::of(&event(Kind::Statement, &["Ali Busaidi"], &[], &["Yemen"]));
        assert!(!busaidi.same_speaker(&yemeni));
        assert!(!omani("Ali Ali").same_speaker(&omani("Omar Ali")));
        assert!(!omani("Busaidi").same_speaker(&omani("Badr Busaidi")));
        assert_eq!(surname("badr al-busaidi").as_deref(), Some("busaidi"));
        assert_eq!(surname("abdel fattah el-sisi").as_deref(), Some("sisi"));
        assert_eq!(surname("abdel fattah elsisi").as_deref(), Some("sisi"));
        assert_eq!(surname("ahmed ali"), None);
    }

    #[test]
    fn one_name_in_two_transliterations_is_one_speaker() {
        let speaker =
            |name: &str, side: &str| Identity::of(&event(Kind::Statement, &[name], &[], &[side]));
        let same = [
            ("Abdourahmane Tchiani", "Abdourahamane Tiani"),
            ("Volodymyr Zelensky", "Volodymyr Zelenskyy"),
            ("Mohammed bin Salman", "Mohamed bin Salman"),
        ];
        for (a, b) in same {
            assert!(speaker(a, a).same_speaker(&speaker(b, b)), "{a} / {b}");
        }
        let different = [
            ("Mohammed bin Salman", "Mohammed bin Zayed"),
            ("Abbas Araghchi", "Abbas Abbasi"),
            ("United States", "United Nations"),
        ];
        for (a, b) in different {
            assert!(!speaker(a, a).same_speaker(&speaker(b, b)), "{a} / {b}");
        }
        // The same spelling for two sides is two people.
        assert!(speaker("Karim Hassan", "Iraq").same_speaker(&speaker("Karim Hasan", "Iraq")));
        assert!(!speaker("Karim Hassan", "Iraq").same_speaker(&speaker("Karim Hasan", "Egypt")));
    }

    #[test]
    fn two_reports_quoting_the_same_words_are_one_statement() {
        let oman = saying(
            "Oman",
            "Oman",
            "“These talks are gaining momentum and now even the unlikely is possible,” Oman said.",
        );
        let table = [
            // The minister, whose side the article never gave, quoted word for word.
            ("Badr al-Busaidi said: \"These talks are gaining momentum and now even the unlikely is possible.\"", true),
            // Five words in a row are a stock phrase, not a quotation.
            ("Badr al-Busaidi said: “These talks are gaining momentum,” he added.", false),
            // The same words, not quoted: a paraphrase proves nothing.
            ("Badr al-Busaidi said these talks are gaining momentum and now even the unlikely is possible.", false),
        ];
        for (sentence, same) in table {
            let minister = saying("Badr al-Busaidi", "Badr al-Busaidi", sentence);
            assert_eq!(
                oman.same_participants(&minister, Kind::Statement),
                same,
                "{sentence}"
            );
        }
    }

    #[test]
    fn a_state_and_its_spokesman_are_one_voice() {
        let state = saying(
            "Ukraine",
            "Ukraine",
            "Ukraine announced the withdrawal of troops from Avdiivka.",
        );
        let commander = saying(
            "Oleksandr Syrskyi",
            "Ukraine",
            "Oleksandr Syrskyi said he was withdrawing troops.",
        );
        let other_side = saying(
            "Sergei Shoigu",
            "Russia",
            "Sergei Shoigu said the troops had taken the town.",
        );
        let unrelated = saying(
            "Oleksandr Syrskyi",
            "Ukraine",
            "Oleksandr Syrskyi said the front held firm near Kharkiv.",
        );
        assert!(state.one_voice(&commander) && commander.one_voice(&state));
        assert!(!state.one_voice(&other_side));
        assert!(state.shares_a_word(&commander));
        assert!(!state.shares_a_word(&unrelated));
    }

    #[test]
    fn places_agree_through_their_country() {
        let talks = |place: Option<(&str, &str)>| {
            let e = event(
                Kind::Meeting,
                &["Russia"],
                &["Ukraine"],
                &["Russia", "Ukraine"],
            );
            Identity::of(&match place {
                Some((p, c)) => at(e, p, c),
                None => e,
            })
        };
        let istanbul = talks(Some(("Istanbul", "Turkey")));
        let turkey = talks(Some(("Turkey", "Turkey")));
        let ankara = talks(Some(("Ankara", "Turkey")));
        let nowhere = talks(None);
        assert!(istanbul.same_place(&turkey) && turkey.same_place(&istanbul));
        assert!(istanbul.same_place(&nowhere) && nowhere.same_place(&istanbul));
        assert!(!istanbul.same_place(&ankara));
    }

    #[test]
    fn one_side_alone_joins_only_at_the_same_named_place() {
        let alone = Identity::of(&at(
            event(Kind::Meeting, &["Russia"], &[], &["Russia"]),
            "Istanbul",
            "Turkey",
        ));
        let both = Identity::of(&at(
            event(
                Kind::Meeting,
                &["Russia"],
                &["Ukraine"],
                &["Russia", "Ukraine"],
            ),
            "Istanbul",
            "Turkey",
        ));
        let both_unplaced = Identity::of(&event(
            Kind::Meeting,
            &["Russia"],
            &["Ukraine"],
            &["Russia", "Ukraine"],
        ));
        assert!(alone.same_participants(&both, Kind::Meeting));
        assert!(!alone.same_participants(&both_unplaced, Kind::Meeting));
    }

    #[test]
    fn a_host_takes_part_in_the_meeting_it_hosts() {
        let host = Identity::of(&at(
            event(Kind::Meeting, &["Badr Albusaidi"], &[], &["Oman"]),
            "Muscat",
            "Oman",
        ));
        let guests = |place: &str, country: &str| {
            Identity::of(&at(
                event(
                    Kind::Meeting,
                    &["Iran"],
                    &["United States"],
                    &["Iran", "United States"],
                ),
                place,
                country,
            ))
        };
        let in_oman = guests("Oman", "Oman");
        let in_rome = guests("Rome", "Italy");
        assert!(host.same_participants(&in_oman, Kind::Meeting));
        assert!(in_oman.same_participants(&host, Kind::Meeting));
        assert!(!host.same_participants(&in_rome, Kind::Meeting));
        // Found under the host's country, whichever report comes first.
        assert!(in_oman.keys(Kind::Meeting).contains(&"oman"));
        // An agreement reached in Oman is not Oman's agreement.
        assert!(!host.same_participants(&in_oman, Kind::Agreement));
    }
}
