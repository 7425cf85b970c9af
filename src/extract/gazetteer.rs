//! The gazetteer (`src/extract/lexicon/gazetteer.yaml`, and the user's `--gazetteer`
//! files): actors and places by name, with the country each belongs to.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use serde::Deserialize;

use crate::error::{Error, Result};
use crate::io::parse_builtin_yaml;
use crate::text::{consonants, fold, identity_key, plain_apostrophes, spelling_distance, tokenize};

/// What a gazetteer name stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum EntityClass {
    Person,
    Country,
    Organisation,
    /// "Russian", "Ukrainians": the country as an actor, never a place.
    Demonym,
    /// A capital city: a place, and its country's voice when it speaks.
    Capital,
    /// A city or region.
    Place,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entity {
    /// Canonical name ("Volodymyr Zelensky", "Russia", "Kyiv").
    pub name: String,
    pub class: EntityClass,
    /// For demonyms and capitals: the country; for people and places: where they belong.
    pub country: Option<String>,
}

impl Entity {
    /// The state the entity names: a country, or the country of a demonym or a
    /// capital.
    pub fn state(&self) -> Option<String> {
        match self.class {
            EntityClass::Country => Some(self.name.clone()),
            EntityClass::Demonym | EntityClass::Capital => self.country.clone(),
            _ => None,
        }
    }

    /// The actor this mention names, if it can act.
    pub fn actor(&self) -> Option<&str> {
        match self.class {
            EntityClass::Person | EntityClass::Country | EntityClass::Organisation => {
                Some(&self.name)
            }
            EntityClass::Demonym => self.country.as_deref(),
            EntityClass::Capital | EntityClass::Place => None,
        }
    }

    /// The place this mention names, if it is one.
    pub fn place(&self) -> Option<&str> {
        match self.class {
            EntityClass::Country | EntityClass::Capital | EntityClass::Place => Some(&self.name),
            _ => None,
        }
    }

    /// Cities and regions pin a noun trigger down; a whole country does not.
    pub fn is_local_place(&self) -> bool {
        matches!(self.class, EntityClass::Capital | EntityClass::Place)
    }
}

#[derive(Debug, Default)]
pub struct Gazetteer {
    /// First token → (pattern tokens, entity), longest pattern first.
    by_first_token: BTreeMap<String, Vec<(Vec<String>, Entity)>>,
    /// Consonants of a one-word organisation name → its spelling and entity, or
    /// None when two names share them: where another transliteration of the name
    /// ("Hizbullah", "Huthis") is looked up.
    by_consonants: BTreeMap<String, Option<(String, Entity)>>,
    /// The first letters of those names: most capitalised words match none, and
    /// are set aside before their consonants are worked out.
    transliteration_initials: BTreeSet<char>,
    pub titles: BTreeSet<String>,
    pub not_names: BTreeSet<String>,
    /// Person → the country (or organisation) they act for.
    affiliation: BTreeMap<String, String>,
    folded_titles: BTreeSet<String>,
    /// Titles that stand before a surname alone ("President Ruto", "Pope Francis").
    person_titles: BTreeSet<String>,
    settlement_words: BTreeSet<String>,
    /// Settlement nouns that name a whole town, not a part of one: "Kazakhstan's
    /// largest city, Almaty" is where, "Beirut's southern suburb of Dahiyeh" is
    /// Beirut's.
    town_words: BTreeSet<String>,
    /// What an organ speaks through after "a" ("a government spokesman").
    organ_voices: BTreeSet<String>,
    /// Sites a state owns ("palace", "embassy"): a strike on one is pinned down.
    facility_words: BTreeSet<String>,
    /// Words that end an organisation's name ("Committee", "Council"): a capitalised
    /// run ending in one names a body the article introduces.
    organisation_heads: BTreeSet<String>,
    /// Of those, the organs a state speaks through ("Ministry", "Office").
    state_organ_heads: BTreeSet<String>,
    region_words: BTreeSet<String>,
    name_particles: BTreeSet<String>,
    female_given_names: BTreeSet<String>,
    /// Nouns for armed men nobody names ("gunmen", "militants"), folded.
    armed_groups: BTreeSet<String>,
    crowds: BTreeSet<String>,
    /// "masked" in "masked men": armed men the text does not name.
    armed_men_qualifiers: BTreeSet<String>,
    /// "men" in "masked men", "soldiers" in "renegade soldiers".
    armed_men_nouns: BTreeSet<String>,
    /// Nouns after an acronym that make it a body ("SPLM-IO party").
    acronym_bodies: BTreeSet<String>,
    /// English words that end hyphenated compounds ("-led", "-run"), folded.
    compound_tails: BTreeSet<String>,
    /// Nouns that, after "the", refer back to the last body named ("the bloc").
    body_references: BTreeSet<String>,
    named_body_references: BTreeSet<String>,
    /// Heads of a body named by what it is ("the ruling military council"), and
    /// modifiers that say nothing of which body ("the new council").
    described_body_heads: BTreeSet<String>,
    undescriptive_modifiers: BTreeSet<String>,
    /// Nouns a leader's name and "-led" make a body ("the Saudi-led coalition").
    led_body_nouns: BTreeSet<String>,
    /// Nouns for a body's fighters after its name ("Houthi rebels", "Hamas fighters").
    fighter_nouns: BTreeSet<String>,
    /// Words for a firm ("company", "firm"), those that need a trade before them
    /// ("group", "giant"), and the trades ("energy", "oil").
    company_nouns: BTreeSet<String>,
    company_nouns_needing_sector: BTreeSet<String>,
    company_sectors: BTreeSet<String>,
    /// Unnamed spokespeople who, after "the", are the side last named with them.
    representative_references: BTreeSet<String>,
    /// Nouns that, after "the" and before a verb of speech, are the state last named
    /// ("the kingdom said").
    state_references: BTreeSet<String>,
    place_prepositions: BTreeSet<String>,
    /// Words after which an unknown name that a country then places is a place.
    place_target_words: BTreeSet<String>,
    /// Points of the compass and their adjectives ("North", "Northwestern").
    compass_words: BTreeSet<String>,
    /// Common nouns for a state's organs ("ministry", "air force"), as word lists.
    state_organ_nouns: Vec<Vec<String>>,
    /// Words that may stand between "the" and such a noun ("foreign", "defence").
    state_organ_qualifiers: BTreeSet<String>,
    /// Words that qualify an organ only where its owner is named ("Dagestan's
    /// health ministry", "the Russian justice ministry").
    owned_organ_qualifiers: BTreeSet<String>,
    /// A state's forces named without "the" or a state ("security forces").
    unnamed_state_forces: Vec<Vec<String>>,
    /// Forces named by a word that never says whose they are ("police"), folded,
    /// longest first.
    home_forces: Vec<Vec<String>>,
    leaders_governments: BTreeSet<String>,
    demonym_of: BTreeMap<String, String>,
    /// Canonical name → country, for every entry that has one (countries: themselves).
    country_of: BTreeMap<String, String>,
    /// Country → its capital.
    capital_of: BTreeMap<String, String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct GazetteerFile {
    #[serde(default)]
    countries: Vec<GazetteerEntry>,
    #[serde(default)]
    organisations: Vec<GazetteerEntry>,
    #[serde(default)]
    people: Vec<GazetteerEntry>,
    #[serde(default)]
    places: Vec<GazetteerEntry>,
    #[serde(default)]
    titles: Vec<String>,
    #[serde(default)]
    person_titles: Vec<String>,
    #[serde(default)]
    not_names: Vec<String>,
    #[serde(default)]
    settlement_words: Vec<String>,
    #[serde(default)]
    town_words: Vec<String>,
    #[serde(default)]
    organ_voices: Vec<String>,
    #[serde(default)]
    facility_words: Vec<String>,
    #[serde(default)]
    organisation_heads: Vec<String>,
    #[serde(default)]
    state_organ_heads: Vec<String>,
    #[serde(default)]
    region_words: Vec<String>,
    #[serde(default)]
    name_particles: Vec<String>,
    #[serde(default)]
    female_given_names: Vec<String>,
    #[serde(default)]
    armed_groups: Vec<String>,
    #[serde(default)]
    crowds: Vec<String>,
    #[serde(default)]
    armed_men_qualifiers: Vec<String>,
    #[serde(default)]
    armed_men_nouns: Vec<String>,
    #[serde(default)]
    body_references: Vec<String>,
    #[serde(default)]
    named_body_references: Vec<String>,
    #[serde(default)]
    described_body_heads: Vec<String>,
    #[serde(default)]
    undescriptive_modifiers: Vec<String>,
    #[serde(default)]
    led_body_nouns: Vec<String>,
    #[serde(default)]
    fighter_nouns: Vec<String>,
    #[serde(default)]
    company_nouns: Vec<String>,
    #[serde(default)]
    company_nouns_needing_sector: Vec<String>,
    #[serde(default)]
    company_sectors: Vec<String>,
    #[serde(default)]
    compass_words: Vec<String>,
    #[serde(default)]
    representative_references: Vec<String>,
    #[serde(default)]
    state_references: Vec<String>,
    #[serde(default)]
    compound_tails: Vec<String>,
    #[serde(default)]
    acronym_bodies: Vec<String>,
    #[serde(default)]
    state_organ_nouns: Vec<String>,
    #[serde(default)]
    state_organ_qualifiers: Vec<String>,
    #[serde(default)]
    owned_organ_qualifiers: Vec<String>,
    #[serde(default)]
    unnamed_state_forces: Vec<String>,
    #[serde(default)]
    home_forces: Vec<String>,
    #[serde(default)]
    leaders_governments: Vec<String>,
    #[serde(default)]
    place_prepositions: Vec<String>,
    #[serde(default)]
    place_target_words: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct GazetteerEntry {
    name: String,
    #[serde(default)]
    aliases: Vec<String>,
    #[serde(default)]
    demonyms: Vec<String>,
    capital: Option<String>,
    country: Option<String>,
    /// Phrases that stand for this person, as written ("Putin's spokesman").
    #[serde(default)]
    roles: Vec<String>,
}

/// A name shorter than this, or with fewer consonants, is matched only as written:
/// short names share their consonants with too many words.
const TRANSLITERATION_MIN_CHARS: usize = 5;
const TRANSLITERATION_MIN_CONSONANTS: usize = 3;
/// Two spellings of one name differ by at most one letter in this many
/// ("Hizbullah" and "Hezbollah" by two in nine).
const TRANSLITERATION_CHARS_PER_EDIT: usize = 3;

/// How many words of the first of `phrases` (folded, longest first) that starts
/// `words`, compared as written without folding: callers run at every word.
fn longest_phrase_at(phrases: &[Vec<String>], words: &[String]) -> Option<usize> {
    phrases
        .iter()
        .find(|phrase| {
            words.len() >= phrase.len()
                && phrase
                    .iter()
                    .zip(words)
                    .all(|(p, w)| p.eq_ignore_ascii_case(w))
        })
        .map(Vec::len)
}

/// Case-sensitive pattern tokens, apostrophes made plain.
fn name_tokens(name: &str) -> Vec<String> {
    tokenize(name, 0)
        .iter()
        .map(|t| plain_apostrophes(t.text))
        .collect()
}

impl Gazetteer {
    pub(super) fn parse(text: &str) -> Result<Self> {
        let file: GazetteerFile = parse_builtin_yaml("gazetteer.yaml", text)?;
        let mut gazetteer = Gazetteer::default();
        gazetteer.extend(file);
        for list in gazetteer.by_first_token.values_mut() {
            list.sort_by(|a, b| b.0.len().cmp(&a.0.len()).then_with(|| a.0.cmp(&b.0)));
        }
        Ok(gazetteer)
    }

    /// Add a user's entries to these: theirs are tried first among names of the same
    /// length, so they can correct a built-in one.
    pub fn extend_with(&mut self, path: &Path, text: &str) -> Result<()> {
        if text.trim().is_empty() {
            return Err(Error::invalid(path, "empty gazetteer"));
        }
        let file: GazetteerFile = crate::io::parse_yaml(path, text, 0)?;
        let entries = [
            &file.countries,
            &file.organisations,
            &file.people,
            &file.places,
        ];
        if let Some(bad) = entries.iter().flat_map(|list| list.iter()).find(|e| {
            e.name.trim().is_empty()
                || e.aliases
                    .iter()
                    .chain(&e.roles)
                    .any(|a| a.trim().is_empty())
        }) {
            return Err(Error::invalid(
                path,
                format!("an entry has an empty name or alias (entry {:?})", bad.name),
            ));
        }
        let before: BTreeMap<String, usize> = self
            .by_first_token
            .iter()
            .map(|(k, v)| (k.clone(), v.len()))
            .collect();
        self.extend(file);
        for (first, list) in self.by_first_token.iter_mut() {
            let old = before.get(first).copied().unwrap_or(0);
            // Theirs were appended: move them ahead, then sort stably by length.
            list.rotate_left(old);
            list.sort_by_key(|entry| std::cmp::Reverse(entry.0.len()));
        }
        Ok(())
    }

    fn extend(&mut self, file: GazetteerFile) {
        self.titles.extend(file.titles);
        self.folded_titles = self.titles.iter().map(|t| fold(t)).collect();
        self.person_titles
            .extend(file.person_titles.iter().map(|w| fold(w)));
        self.not_names.extend(file.not_names);
        self.settlement_words
            .extend(file.settlement_words.iter().map(|w| fold(w)));
        self.town_words
            .extend(file.town_words.iter().map(|w| fold(w)));
        self.organ_voices
            .extend(file.organ_voices.iter().map(|w| fold(w)));
        self.facility_words
            .extend(file.facility_words.iter().map(|w| fold(w)));
        self.organisation_heads
            .extend(file.organisation_heads.iter().map(|w| fold(w)));
        self.state_organ_heads
            .extend(file.state_organ_heads.iter().map(|w| fold(w)));
        self.region_words
            .extend(file.region_words.iter().map(|w| fold(w)));
        self.name_particles
            .extend(file.name_particles.iter().map(|w| fold(w)));
        self.female_given_names
            .extend(file.female_given_names.iter().map(|w| fold(w)));
        self.armed_groups
            .extend(file.armed_groups.iter().map(|w| fold(w)));
        self.crowds.extend(file.crowds.iter().map(|w| fold(w)));
        self.armed_groups.extend(self.crowds.iter().cloned());
        self.armed_men_qualifiers
            .extend(file.armed_men_qualifiers.iter().map(|w| fold(w)));
        self.armed_men_nouns
            .extend(file.armed_men_nouns.iter().map(|w| fold(w)));
        self.body_references
            .extend(file.body_references.iter().map(|w| fold(w)));
        self.named_body_references
            .extend(file.named_body_references.iter().map(|w| fold(w)));
        self.body_references
            .extend(self.named_body_references.iter().cloned());
        self.described_body_heads
            .extend(file.described_body_heads.iter().map(|w| fold(w)));
        self.undescriptive_modifiers
            .extend(file.undescriptive_modifiers.iter().map(|w| fold(w)));
        self.led_body_nouns
            .extend(file.led_body_nouns.iter().map(|w| fold(w)));
        self.fighter_nouns
            .extend(file.fighter_nouns.iter().map(|w| fold(w)));
        self.company_nouns_needing_sector
            .extend(file.company_nouns_needing_sector.iter().map(|w| fold(w)));
        self.company_nouns
            .extend(file.company_nouns.iter().map(|w| fold(w)));
        self.company_nouns
            .extend(self.company_nouns_needing_sector.iter().cloned());
        self.company_sectors
            .extend(file.company_sectors.iter().map(|w| fold(w)));
        self.compass_words
            .extend(file.compass_words.iter().map(|w| fold(w)));
        self.representative_references
            .extend(file.representative_references.iter().map(|w| fold(w)));
        self.state_references
            .extend(file.state_references.iter().map(|w| fold(w)));
        self.state_organ_nouns.extend(
            file.state_organ_nouns
                .iter()
                .map(|noun| noun.split_whitespace().map(fold).collect()),
        );
        // Longest first, so "armed forces" is taken before "forces" would be.
        self.state_organ_nouns
            .sort_by_key(|words: &Vec<String>| std::cmp::Reverse(words.len()));
        self.state_organ_qualifiers
            .extend(file.state_organ_qualifiers.iter().map(|w| fold(w)));
        self.owned_organ_qualifiers
            .extend(file.owned_organ_qualifiers.iter().map(|w| fold(w)));
        self.unnamed_state_forces.extend(
            file.unnamed_state_forces
                .iter()
                .map(|phrase| phrase.split_whitespace().map(fold).collect()),
        );
        self.home_forces.extend(
            file.home_forces
                .iter()
                .map(|phrase| phrase.split_whitespace().map(fold).collect()),
        );
        // The longest phrase first: "police officers" before "police".
        for phrases in [&mut self.unnamed_state_forces, &mut self.home_forces] {
            phrases.sort_by_key(|words: &Vec<String>| std::cmp::Reverse(words.len()));
        }
        self.leaders_governments
            .extend(file.leaders_governments.iter().map(|w| fold(w)));
        self.compound_tails
            .extend(file.compound_tails.iter().map(|w| fold(w)));
        self.acronym_bodies
            .extend(file.acronym_bodies.iter().map(|w| fold(w)));
        self.place_prepositions
            .extend(file.place_prepositions.iter().map(|w| fold(w)));
        self.place_target_words
            .extend(file.place_target_words.iter().map(|w| fold(w)));
        let groups = [
            (file.countries, EntityClass::Country),
            (file.organisations, EntityClass::Organisation),
            (file.people, EntityClass::Person),
            (file.places, EntityClass::Place),
        ];
        for (entries, class) in groups {
            for entry in entries {
                let main = Entity {
                    name: entry.name.clone(),
                    class,
                    country: entry.country.clone(),
                };
                for name in std::iter::once(&entry.name)
                    .chain(&entry.aliases)
                    .chain(&entry.roles)
                {
                    self.add(name, main.clone());
                }
                let country = match class {
                    EntityClass::Country => Some(&entry.name),
                    _ => entry.country.as_ref(),
                };
                if let Some(country) = country {
                    self.country_of.insert(entry.name.clone(), country.clone());
                }
                if let (EntityClass::Person, Some(country)) = (class, &entry.country) {
                    self.affiliation.insert(entry.name.clone(), country.clone());
                }
                let of_country = |class| Entity {
                    name: entry.name.clone(),
                    class,
                    country: Some(entry.name.clone()),
                };
                if let Some(first) = entry.demonyms.first() {
                    self.demonym_of.insert(entry.name.clone(), first.clone());
                }
                for demonym in &entry.demonyms {
                    self.add(demonym, of_country(EntityClass::Demonym));
                }
                if let Some(capital) = &entry.capital {
                    let capital_entity = Entity {
                        name: capital.clone(),
                        class: EntityClass::Capital,
                        country: Some(entry.name.clone()),
                    };
                    self.add(capital, capital_entity);
                    self.country_of.insert(capital.clone(), entry.name.clone());
                    self.capital_of.insert(entry.name.clone(), capital.clone());
                }
            }
        }
    }

    fn add(&mut self, name: &str, entity: Entity) {
        let tokens = name_tokens(name);
        if let [word] = tokens.as_slice() {
            if entity.class == EntityClass::Organisation {
                let key = identity_key(word);
                let skeleton = consonants(&key);
                if skeleton.chars().count() >= TRANSLITERATION_MIN_CONSONANTS {
                    self.transliteration_initials.extend(key.chars().next());
                    self.by_consonants
                        .entry(skeleton)
                        .and_modify(|known| {
                            if known.as_ref().is_some_and(|(_, e)| e.name != entity.name) {
                                *known = None;
                            }
                        })
                        .or_insert_with(|| Some((key, entity.clone())));
                }
            }
        }
        if let Some(first) = tokens.first() {
            self.by_first_token
                .entry(first.clone())
                .or_default()
                .push((tokens, entity));
        }
    }

    /// The longest gazetteer name starting at token `i` of `texts`: (entity, tokens used).
    pub fn match_at(&self, texts: &[String], i: usize) -> Option<(&Entity, usize)> {
        let word = texts.get(i)?;
        let Some(candidates) = self.by_first_token.get(word) else {
            return self.transliteration_of(word).map(|entity| (entity, 1));
        };
        candidates
            .iter()
            .find(|(pattern, _)| {
                pattern
                    .iter()
                    .enumerate()
                    .all(|(k, w)| texts.get(i + k) == Some(w))
            })
            .map(|(pattern, entity)| (entity, pattern.len()))
    }

    /// The organisation an unknown capitalised word names in another spelling:
    /// the same first letter and consonants, and few letters changed ("Hizbullah"
    /// for "Hezbollah", "Huthis" for "Houthis").
    fn transliteration_of(&self, word: &str) -> Option<&Entity> {
        let first = word.chars().next()?;
        if !first.is_uppercase() || word.chars().count() < TRANSLITERATION_MIN_CHARS {
            return None;
        }
        // Called for every unknown capitalised word: set aside the initials no name
        // has before building the key (a non-ASCII initial loses its diacritic in
        // the key, so it is not judged here).
        if first.is_ascii()
            && !self
                .transliteration_initials
                .contains(&first.to_ascii_lowercase())
        {
            return None;
        }
        let key = identity_key(word);
        let (known, entity) = self.by_consonants.get(&consonants(&key))?.as_ref()?;
        let length = key.chars().count().max(known.chars().count());
        (key.chars().next() == known.chars().next()
            && spelling_distance(&key, known) <= length / TRANSLITERATION_CHARS_PER_EDIT)
            .then_some(entity)
    }

    /// The country or organisation a known person acts for.
    pub fn affiliation(&self, person: &str) -> Option<&str> {
        self.affiliation.get(person).map(String::as_str)
    }

    /// "Committee" in "National Security Committee": the last word of a body's name.
    pub fn is_organisation_head(&self, folded: &str) -> bool {
        self.organisation_heads.contains(folded)
    }

    pub fn is_state_organ_head(&self, folded: &str) -> bool {
        self.state_organ_heads.contains(folded)
    }

    pub fn is_settlement(&self, folded: &str) -> bool {
        self.settlement_words.contains(folded)
    }

    pub fn is_town_word(&self, folded: &str) -> bool {
        self.town_words.contains(folded)
    }

    pub fn is_organ_voice(&self, folded: &str) -> bool {
        self.organ_voices.contains(folded)
    }

    pub fn is_facility(&self, folded: &str) -> bool {
        self.facility_words.contains(folded)
    }

    /// "masked men", "renegade soldiers": men described as armed or in revolt, in
    /// the words `first` and `second` as written. (Compared without folding: this
    /// runs at every word.)
    pub fn armed_men(&self, first: &str, second: &str) -> bool {
        self.armed_men_nouns
            .iter()
            .any(|n| n.eq_ignore_ascii_case(second))
            && self
                .armed_men_qualifiers
                .iter()
                .any(|q| q.eq_ignore_ascii_case(first))
    }

    /// "gunmen", "militants": armed men the text does not name.
    pub fn is_armed_group(&self, folded: &str) -> bool {
        self.armed_groups.contains(folded)
    }

    /// "protesters", "rioters": a crowd, listed with the armed groups.
    pub fn is_crowd(&self, folded: &str) -> bool {
        self.crowds.contains(folded)
    }

    /// "party" in "the SPLM-IO party": the acronym before names a body.
    pub fn is_acronym_body(&self, folded: &str) -> bool {
        self.acronym_bodies.contains(folded)
    }

    /// "led" in "Saudi-led": a compound, not the end of a hyphenated given name.
    pub fn is_compound_tail(&self, folded: &str) -> bool {
        self.compound_tails.contains(folded)
    }

    /// The words of a state's organ named by a common noun at `folded[i..]`
    /// ("ministry", "air force"): how many.
    pub fn state_organ_noun_at(&self, folded: &[String], i: usize) -> Option<usize> {
        self.state_organ_nouns
            .iter()
            .find(|noun| folded.get(i..i + noun.len()) == Some(noun.as_slice()))
            .map(Vec::len)
    }

    /// How many words of a state's forces named bare ("security forces killed all 33
    /// attackers") start with `words[0]`, as written. (Compared without folding:
    /// this runs at every word.)
    pub fn unnamed_state_forces_at(&self, words: &[String]) -> Option<usize> {
        longest_phrase_at(&self.unnamed_state_forces, words)
    }

    /// How many words of forces that serve at home ("riot police") start with
    /// `words[0]`, as written; their state only a word with them says.
    pub fn home_force_at(&self, words: &[String]) -> Option<usize> {
        longest_phrase_at(&self.home_forces, words)
    }

    /// Are `words`, all of them, forces that serve at home?
    pub fn is_home_force(&self, words: &[String]) -> bool {
        self.home_force_at(words) == Some(words.len())
    }

    /// "foreign" in "the foreign ministry".
    pub fn is_state_organ_qualifier(&self, folded: &str) -> bool {
        self.state_organ_qualifiers.contains(folded)
    }

    /// "health" in "Dagestan's health ministry": a qualifier of an organ whose
    /// owner the text names, and only then ("the health ministry" in a story of a
    /// war may be either side's).
    pub fn is_owned_organ_qualifier(&self, folded: &str) -> bool {
        self.owned_organ_qualifiers.contains(folded)
    }

    /// "administration" in "the Trump administration": what a leader heads for
    /// their state.
    pub fn is_leaders_government(&self, folded: &str) -> bool {
        self.leaders_governments.contains(folded)
    }

    /// "company", "firms", "giant": a word for a firm (see `company_sectors`).
    pub fn is_company_noun(&self, folded: &str) -> bool {
        self.company_nouns.contains(folded)
    }

    /// "group", "giant", "major": a firm only after its trade ("energy group").
    pub fn is_company_noun_needing_sector(&self, folded: &str) -> bool {
        self.company_nouns_needing_sector.contains(folded)
    }

    /// "energy", "oil", "shipping": a trade before a word for a firm.
    pub fn is_company_sector(&self, folded: &str) -> bool {
        self.company_sectors.contains(folded)
    }

    /// A word that may open a firm's description ("oil company Shell").
    pub fn is_company_word(&self, folded: &str) -> bool {
        self.is_company_sector(folded) || self.is_company_noun(folded)
    }

    /// "rebels" in "Houthi rebels": what a body's fighters are called after its name.
    pub fn is_fighter_noun(&self, folded: &str) -> bool {
        self.fighter_nouns.contains(folded)
    }

    /// "bloc" in "the bloc said": the last body the article named.
    pub fn is_body_reference(&self, folded: &str) -> bool {
        self.body_references.contains(folded)
    }

    /// "court" in "the court ruled": the last body the article named, if its name
    /// has the word.
    pub fn is_named_body_reference(&self, folded: &str) -> bool {
        self.named_body_references.contains(folded)
    }

    /// "council" in "the ruling military council": a body named by what it is.
    pub fn is_described_body_head(&self, folded: &str) -> bool {
        self.described_body_heads.contains(folded)
    }

    /// "coalition" in "the Saudi-led coalition": a body its leader names.
    pub fn is_led_body_noun(&self, folded: &str) -> bool {
        self.led_body_nouns.contains(folded)
    }

    /// "new" in "the new council": says nothing of which body it is.
    pub fn is_undescriptive_modifier(&self, folded: &str) -> bool {
        self.undescriptive_modifiers.contains(folded)
    }

    /// "North" in "North West": no place of its own.
    pub fn is_compass_word(&self, folded: &str) -> bool {
        self.compass_words.contains(folded)
    }

    /// "official" in "a White House official" and, later, "the official said".
    pub fn is_representative_reference(&self, folded: &str) -> bool {
        self.representative_references.contains(folded)
    }

    /// "kingdom" in "the kingdom said": see `state_references`.
    pub fn is_state_reference(&self, folded: &str) -> bool {
        self.state_references.contains(folded)
    }

    /// Is the person's first name one that news in English gives women ("Pamela
    /// Smith", "Kaja Kallas")? Then "he" is someone else. Unknown names may be
    /// anyone's.
    pub fn is_female_name(&self, person: &str) -> bool {
        person
            .split_whitespace()
            .next()
            .is_some_and(|given| self.female_given_names.contains(&fold(given)))
    }

    /// "al" in "Majed al-Ansari": a lowercase word inside a name.
    pub fn is_name_particle(&self, folded: &str) -> bool {
        self.name_particles.contains(folded)
    }

    /// "province" in "Sisaket province": the name before is a place.
    /// "in", "at": a word after which a capitalised name is a place.
    pub fn is_place_preposition(&self, folded: &str) -> bool {
        self.place_prepositions.contains(folded)
    }

    /// "on", "to": a word after which a name followed by "in" and a country is a
    /// place ("an attack on Ternopil in western Ukraine").
    pub fn is_place_target_word(&self, folded: &str) -> bool {
        self.place_target_words.contains(folded)
    }

    pub fn is_region(&self, folded: &str) -> bool {
        self.region_words.contains(folded)
    }

    /// How a country's people are called ("Russian"), for summaries.
    pub fn demonym_of(&self, country: &str) -> Option<&str> {
        self.demonym_of.get(country).map(String::as_str)
    }

    /// Does this (folded) title stand before a person's surname alone ("President
    /// Ruto")?
    pub fn is_person_title(&self, folded: &str) -> bool {
        self.person_titles.contains(folded)
    }

    /// Is this (folded) word a title ("envoy", "minister")?
    pub fn is_title(&self, folded: &str) -> bool {
        self.folded_titles.contains(folded)
    }

    /// The country a named actor or place belongs to: a country is its own, a person
    /// or organisation the one they act for, a city the one it lies in.
    /// The capital of the country named `country`, when the gazetteer knows it.
    pub fn capital_of(&self, country: &str) -> Option<&str> {
        self.capital_of.get(country).map(String::as_str)
    }

    pub fn country_of(&self, name: &str) -> Option<&str> {
        self.country_of.get(name).map(String::as_str)
    }

    /// Is `word` a known name token (so not a stranger's name)?
    pub fn knows(&self, word: &str) -> bool {
        self.by_first_token.contains_key(word)
    }
}

#[cfg(test)]
mod tests {
    use super::Gazetteer;

    fn builtin() -> Gazetteer {
        Gazetteer::parse(include_str!("lexicon/gazetteer.yaml")).unwrap()
    }

    #[test]
    fn gazetteer_prefers_the_longest_name() {
        let gazetteer = builtin();
        let texts: Vec<String> = ["Kryvyi", "Rih", "and", "South", "Sudan"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        let (entity, used) = gazetteer.match_at(&texts, 0).unwrap();
        assert_eq!((entity.name.as_str(), used), ("Kryvyi Rih", 2));
        let (entity, used) = gazetteer.match_at(&texts, 3).unwrap();
        assert_eq!((entity.name.as_str(), used), ("South Sudan", 2));
    }

    #[test]
    fn demonyms_and_capitals_point_to_their_country() {
        let gazetteer = builtin();
        let texts = vec!["Russian".to_string(), "Moscow".to_string()];
        let (demonym, _) = gazetteer.match_at(&texts, 0).unwrap();
        assert_eq!(demonym.actor(), Some("Russia"));
        assert_eq!(demonym.place(), None);
        let (capital, _) = gazetteer.match_at(&texts, 1).unwrap();
        assert_eq!(capital.place(), Some("Moscow"));
        assert_eq!(capital.country.as_deref(), Some("Russia"));
    }
}
