//! What an article has said so far that later sentences lean on: people, titles,
//! places it introduced, and its dates.

use super::gazetteer::{Entity, EntityClass};
use super::lexicon::Lexicon;
use super::view::NameMention;
use crate::temporal;
use crate::text::{fold, Token};

/// Per-article memory: people introduced so far, for surnames and pronouns.
#[derive(Default)]
pub(super) struct ArticleMemory {
    /// Count relative dates from the time the article has reached, not from
    /// publication: it reads as a narrative.
    pub(super) narrative: bool,
    /// Surname → full name, for people the gazetteer does not know.
    pub(super) surnames: Vec<(String, String)>,
    /// Everyone the article has named as a person.
    pub(super) people: std::collections::BTreeSet<String>,
    pub(super) last_person: Option<String>,
    /// The people named or acting lately, the latest last: whom a gendered pronoun
    /// may stand for when the salient person's name says otherwise.
    pub(super) recent_people: Vec<String>,
    /// The last person who was the initiator of an event: who "he" most likely is.
    pub(super) last_actor_person: Option<String>,
    /// The speaker of the last statement, when it was a state or a body rather than
    /// a person or nobody named: who "it said" is.
    pub(super) last_speaking_body: Option<String>,
    /// The last two or more sides named together: who "both nations" are.
    pub(super) last_pair: Vec<String>,
    /// Sides this sentence coordinates ("the leaders of Thailand and Cambodia"):
    /// who "they" are first.
    pub(super) sentence_group: Vec<String>,
    /// Title word → the person it was last put before ("envoy" → "Tom Barrack"), so
    /// "the envoy" later in the article is that person.
    pub(super) roles: Vec<(String, String)>,
    /// People the gazetteer does not know → the country their title named
    /// ("Egyptian intelligence chief Hassan Rashad").
    pub(super) affiliations: std::collections::BTreeMap<String, String>,
    /// Places the article introduced ("in Kananaskis", "the town of Bara"), as tokens.
    pub(super) places: Vec<(Vec<String>, Entity)>,
    /// Short forms the article gave in parentheses after a name ("the Myanmar
    /// National Democratic Alliance Army (MNDAA)"), and what they stand for.
    pub(super) short_forms: Vec<(String, Entity)>,
    /// People the article described as analysts, experts and the like.
    pub(super) commentators: std::collections::BTreeSet<String>,
    /// The last body named that acts for no state: who "the bloc" and "the group"
    /// are.
    pub(super) last_body: Option<Entity>,
    /// A body → the text's name for its fighters ("Houthis" → "Houthi rebels"):
    /// readers know the group by it, so its acts carry it too.
    /// The last company named: who "the company" and "the French oil major" are.
    pub(super) last_company: Option<Entity>,
    pub(super) fighters_of: std::collections::BTreeMap<String, String>,
    /// The side an unnamed spokesperson was last said to speak for ("a White House
    /// official"): who "the official" is next.
    pub(super) last_represented: Option<Entity>,
    /// How often the article has named each state so far: the one it is most about
    /// is whose "the junta" and "the government" are, when the sentence names none.
    pub(super) state_mentions: std::collections::BTreeMap<String, (usize, usize)>,
    /// Mentions counted so far, for the order of the last mention of each state.
    pub(super) mentions_seen: usize,
    /// What the article has dated so far ("a year earlier" leans on it).
    pub(super) dates: temporal::Context,
}

/// People kept as those lately named or acting (see `recent_people`).
const RECENT_PEOPLE: usize = 6;

impl ArticleMemory {
    /// The state the article named last.
    pub(super) fn last_state(&self) -> Option<String> {
        self.state_mentions
            .iter()
            .max_by_key(|(_, &(_, last))| last)
            .map(|(state, _)| state.clone())
    }

    /// The state the article has named most often so far (the latest named, on a
    /// tie).
    pub(super) fn main_state(&self) -> Option<String> {
        self.state_mentions
            .iter()
            .max_by_key(|(_, &(count, last))| (count, last))
            .map(|(state, _)| state.clone())
    }

    /// The country of a named actor or place, from the gazetteer or from what the
    /// article said of them.
    pub(super) fn country_of(&self, name: &str, lexicon: &Lexicon) -> Option<String> {
        if let Some(country) = self.affiliations.get(name) {
            return Some(country.clone());
        }
        if let Some((_, entity)) = self.places.iter().find(|(_, e)| e.name == name) {
            return entity.country.clone();
        }
        lexicon.gazetteer.country_of(name).map(str::to_string)
    }

    /// The last person the sentence names before token `end` is who "he" is next,
    /// unless someone does something.
    pub(super) fn remember_last_person(&mut self, names: &[NameMention], end: usize) {
        if let Some(last) = names
            .iter()
            .rev()
            .find(|m| m.end <= end && m.entity.class == EntityClass::Person)
        {
            self.last_person = Some(last.entity.name.clone());
            self.note_recent_person(&last.entity.name);
        }
    }

    /// Keep `person` as the latest of the people lately named or acting.
    pub(super) fn note_recent_person(&mut self, person: &str) {
        self.recent_people.retain(|p| p != person);
        self.recent_people.push(person.to_string());
        if self.recent_people.len() > RECENT_PEOPLE {
            self.recent_people.remove(0);
        }
    }

    /// A body acting for no state ("ECOWAS", "Hamas") is who "the bloc" refers to
    /// next; armed men the text does not name are not.
    pub(super) fn remember_body(&mut self, mention: &NameMention) {
        let entity = &mention.entity;
        let unnamed_group = self.affiliations.contains_key(&entity.name);
        if entity.class == EntityClass::Organisation && entity.country.is_none() && !unnamed_group {
            self.last_body = Some(entity.clone());
        }
    }

    /// A state the sentence names counts toward whose organs "the government" and
    /// "the ministry" are next.
    pub(super) fn remember_state(&mut self, mention: &NameMention) {
        if let Some(state) = mention.entity.state() {
            self.mentions_seen += 1;
            let seen = self.mentions_seen;
            let entry = self.state_mentions.entry(state).or_insert((0, 0));
            *entry = (entry.0 + 1, seen);
        }
    }

    /// "Yemen's Houthi rebels", "Hamas fighters": the first name the article gives a
    /// body's fighters, from the word after a mention of the body.
    pub(super) fn remember_fighters(
        &mut self,
        tokens: &[Token<'_>],
        mention: &NameMention,
        lexicon: &Lexicon,
    ) {
        let entity = &mention.entity;
        if entity.class != EntityClass::Organisation || entity.country.is_some() {
            return;
        }
        let Some(noun) = tokens.get(mention.end) else {
            return;
        };
        if noun.is_capitalized() || !lexicon.gazetteer.is_fighter_noun(&fold(noun.text)) {
            return;
        }
        let words: Vec<&str> = tokens[mention.first..=mention.end]
            .iter()
            .map(|t| t.text)
            .collect();
        self.fighters_of
            .entry(entity.name.clone())
            .or_insert_with(|| words.join(" "));
    }

    /// Who "he" or "she" most likely is: the last person who did something, else the
    /// last person named.
    pub(super) fn salient_person(&self) -> Option<String> {
        self.last_actor_person
            .clone()
            .or_else(|| self.last_person.clone())
    }

    /// Who `pronoun` ("he", "his", "she", "her") most likely is: the salient person,
    /// unless their first name says they are not ("He approached the group" after
    /// "police chief Pamela Smith said"); then the latest person lately named whom
    /// it may be. "She" prefers a woman's name; with none known, the salient person.
    pub(super) fn person_for(&self, pronoun: &str, lexicon: &Lexicon) -> Option<String> {
        let female = |p: &String| lexicon.gazetteer.is_female_name(p);
        let candidates = || {
            self.last_actor_person
                .iter()
                .chain(&self.last_person)
                .chain(self.recent_people.iter().rev())
        };
        match pronoun {
            "he" | "his" | "him" => candidates().find(|p| !female(p)).cloned(),
            "she" | "her" | "hers" => candidates()
                .find(|p| female(p))
                .cloned()
                .or_else(|| self.salient_person()),
            _ => self.salient_person(),
        }
    }
}
