//! Actors and places named in a sentence: from the gazetteer, and the people and
//! places the article introduces.

use super::gazetteer::{Entity, EntityClass};
use super::lexicon::Lexicon;
use super::memory::ArticleMemory;
use super::view::{speaking_actor, NameMention};
use crate::text::{fold, is_possessive, Token};

/// Gazetteer names, then names the article introduces ("Karoline Leavitt") and their
/// later surnames. A country or demonym that only qualifies a person's title
/// ("Russian President Vladimir Putin", "US envoy Steve Witkoff") is dropped.
pub(super) fn find_names(
    tokens: &[Token<'_>],
    texts: &[String],
    lexicon: &Lexicon,
    memory: &mut ArticleMemory,
    headline: bool,
) -> Vec<NameMention> {
    let finder = NameFinder {
        tokens,
        texts,
        lexicon,
    };
    let names = finder.scan(memory, headline);
    finder.remember_short_forms(&names, memory);
    for mention in names
        .iter()
        .filter(|m| m.entity.class == EntityClass::Person)
    {
        memory.people.insert(mention.entity.name.clone());
    }
    let kept = finder.drop_title_qualifiers(&names, memory);
    finder.remember_roles(&kept, memory);
    finder.remember_represented(&kept, memory);
    finder.remember_group(&kept, memory);
    kept
}

/// One sentence's tokens, as written and with apostrophes made plain.
pub(super) struct NameFinder<'s, 'a> {
    pub(super) tokens: &'s [Token<'a>],
    pub(super) texts: &'s [String],
    pub(super) lexicon: &'s Lexicon,
}

pub(super) fn person(name: String) -> Entity {
    Entity {
        name,
        class: EntityClass::Person,
        country: None,
    }
}

impl<'a> NameFinder<'_, 'a> {
    fn words(&self) -> super::companies::Words<'_, 'a> {
        super::companies::Words {
            tokens: self.tokens,
            texts: self.texts,
            lexicon: self.lexicon,
        }
    }

    pub(super) fn is_title(&self, i: usize) -> bool {
        self.tokens
            .get(i)
            .is_some_and(|t| self.lexicon.gazetteer.is_title(&fold(t.text)))
    }

    fn scan(&self, memory: &mut ArticleMemory, headline: bool) -> Vec<NameMention> {
        let mut names: Vec<NameMention> = Vec::new();
        let mut i = 0;
        while i < self.tokens.len() {
            if let Some(last) = names.last() {
                if last.end == i {
                    memory.remember_body(last);
                    if !quoted_before(self.tokens, last.first) {
                        memory.remember_state(last);
                    }
                    memory.remember_fighters(self.tokens, last, self.lexicon);
                }
            }
            if let Some(mention) = super::companies::company_at(self.words(), memory, i) {
                i = mention.end;
                names.push(mention);
                continue;
            }
            if let Some(mention) = self.state_organ_at(&names, memory, i) {
                i = mention.end;
                names.push(mention);
                continue;
            }
            if let Some(mention) = self
                .described_body_at(memory, i)
                .or_else(|| self.body_reference_at(memory, i))
                .or_else(|| self.representative_reference_at(memory, i))
                .or_else(|| self.state_reference_at(memory, i))
            {
                i = mention.end;
                names.push(mention);
                continue;
            }
            if let Some(mention) = self.short_form_at(memory, i) {
                i = mention.end;
                names.push(mention);
                continue;
            }
            let known = self.lexicon.gazetteer.match_at(self.texts, i);
            if let Some(mention) = self.organisation_at(&names, memory, i, known, headline) {
                i = mention.end;
                names.push(mention);
                continue;
            }
            if let Some(mention) = self.acronym_body_at(memory, i) {
                i = mention.end;
                names.push(mention);
                continue;
            }
            if let Some(mention) = self.armed_group_at(&names, memory, i) {
                i = mention.end;
                names.push(mention);
                continue;
            }
            // "Ali Bagheri": a known surname opening an unknown name is that name.
            let opens_new_name = self.other_surname_in_name(i, true);
            if let Some((entity, used)) = known.filter(|_| !opens_new_name) {
                if !self.is_compound(i + used) {
                    let mention = self.junior_or_senior(NameMention {
                        first: i,
                        end: i + used,
                        entity: entity.clone(),
                    });
                    i = mention.end;
                    names.push(mention);
                } else if let Some(mention) = self.led_body_at(i, used) {
                    i = mention.end;
                    names.push(mention);
                } else {
                    i += used;
                }
                continue;
            }
            let known = self
                .place_met_before(memory, i)
                .or_else(|| self.person_by_role(memory, i))
                .or_else(|| self.person_by_surname(memory, i));
            if let Some(mention) = known {
                let mention = self.junior_or_senior(mention);
                i = mention.end;
                names.push(mention);
                continue;
            }
            let run = self.capitalised_run(i);
            if let Some(mention) = self.speaking_body_at(i, run) {
                i = mention.end;
                names.push(mention);
                continue;
            }
            match self.introduced(memory, &names, i, run, headline) {
                Some(mention) => {
                    i = mention.end;
                    names.push(mention);
                }
                None => i += run.max(1),
            }
        }
        if let Some(last) = names.last() {
            memory.remember_body(last);
            if !quoted_before(self.tokens, last.first) {
                memory.remember_state(last);
            }
        }
        names
    }

    /// A state's organ named by a common noun: "the foreign ministry", "Azerbaijan's
    /// presidential office", "the Saudi defence ministry", "the government of Sudan".
    /// It is the state: the one named with it, else the first the sentence named
    /// ("Indian forces launched strikes on Pakistan, the defence ministry said"),
    /// else the one the article has named most (a story from Niger that mentions
    /// Burkina Faso last: "the junta" is still Niger's).
    fn state_organ_at(
        &self,
        names: &[NameMention],
        memory: &mut ArticleMemory,
        i: usize,
    ) -> Option<NameMention> {
        let (tokens, texts) = (self.tokens, self.texts);
        let gazetteer = &self.lexicon.gazetteer;
        let first = tokens.get(i)?;
        // "a government spokesman said", "An army statement said": an unnamed voice
        // of an organ, which only such a word after it makes a speaker.
        let indefinite =
            first.text.eq_ignore_ascii_case("a") || first.text.eq_ignore_ascii_case("an");
        let opens_with_the = first.text.eq_ignore_ascii_case("the") || indefinite;
        // Cheap test first: this runs at every word of every sentence.
        if !opens_with_the && !first.is_capitalized() {
            return self.unnamed_forces_at(names, memory, i);
        }
        // The state owning an organ named at `j`, how many tokens name it, and
        // whether a leader names it: "the Trump administration", "Netanyahu's
        // government" are the leader's state, as a leader's ministry is no phrase.
        let owner_at = |j: usize| -> Option<(String, usize, bool)> {
            let (entity, used) = gazetteer.match_at(texts, j)?;
            match entity.state() {
                Some(state) => Some((state, used, false)),
                None if entity.class == EntityClass::Person => {
                    Some((entity.country.clone()?, used, true))
                }
                None => None,
            }
        };
        // A state itself, not a leader ("the government of Sudan").
        let state_at = |j: usize| -> Option<(String, usize)> {
            owner_at(j)
                .filter(|&(_, _, by_person)| !by_person)
                .map(|(state, used, _)| (state, used))
        };
        let mut led_by_person = false;
        let mut j = i;
        let mut state = None;
        if opens_with_the {
            j += 1;
            // "the Saudi foreign ministry", "the country's foreign ministry".
            if let Some((named, used, by_person)) = owner_at(j) {
                state = Some(named);
                led_by_person = by_person;
                j += used;
                // "the Tripoli-based government": where it sits names its state.
                // ("the Iran-backed government" is another's.)
                let seated = tokens.get(j).is_some_and(|t| t.text == "-")
                    && tokens
                        .get(j + 1)
                        .is_some_and(|t| t.text.eq_ignore_ascii_case("based"));
                if seated && !by_person {
                    j += 2;
                }
            } else if let Some(country) = (j..tokens.len().min(j + COUNTRY_MODIFIERS + 1))
                .take_while(|&k| tokens[k].is_word())
                .find(|&k| {
                    matches!(tokens[k].text, "country" | "nation") && is_possessive(texts, k + 1)
                })
            {
                // "the West African country's armed forces": a few words may describe
                // the country.
                j = country + 3;
            }
        } else {
            // "Azerbaijan's presidential office", "Moscow's defence ministry".
            let Some((named, used, by_person)) = owner_at(j) else {
                if let Some(organ) = self.regional_organ_at(memory, i) {
                    return Some(organ);
                }
                // "Security forces killed ..." opening a sentence.
                return self.unnamed_forces_at(names, memory, i);
            };
            // "Islamabad police said": the forces of a capital, named before them.
            let home_force = gazetteer.home_force_at(&texts[j + used..]).is_some();
            if is_possessive(texts, j + used) {
                j += used + 2;
            } else if home_force && !by_person {
                j += used;
            } else {
                return None;
            }
            state = Some(named);
            led_by_person = by_person;
        }
        if state.is_none() && opens_with_the {
            if let Some(organ) = self.regional_seat(memory, i, j) {
                return Some(organ);
            }
        }
        let mut end = self.organ_end_at(j, state.is_some())?;
        // "the military council": the organ's word describes a body of its own.
        let describes_body = tokens.get(end).is_some_and(|t| {
            !t.is_capitalized() && gazetteer.is_described_body_head(&fold(t.text))
        });
        if describes_body {
            return None;
        }
        let voiced = tokens
            .get(end)
            .is_some_and(|t| gazetteer.is_organ_voice(&fold(t.text)));
        if indefinite && !voiced {
            return None;
        }
        if led_by_person && !gazetteer.is_leaders_government(&fold(tokens[end - 1].text)) {
            return None;
        }
        // "the government's defence ministry": one organ of another.
        while is_possessive(texts, end) {
            end = self.organ_end_at(end + 2, true)?;
        }
        // "the government of Sudan".
        if state.is_none() && tokens.get(end).is_some_and(|t| t.text == "of") {
            if let Some((named, used)) = state_at(end + 1) {
                state = Some(named);
                end += 1 + used;
            }
        }
        let state = state.or_else(|| self.state_seated_at(end));
        // "the police said": no state is named with them.
        if state.is_none() && gazetteer.is_home_force(&texts[j..end]) {
            return Some(forces_known_by_words(texts, j..end, memory));
        }
        let state = state.or_else(|| state_in_context(names, memory))?;
        Some(NameMention {
            first: i,
            end,
            entity: state_acting(state),
        })
    }

    /// Where the name of a state's organ that starts at `j` ends: a few qualifiers
    /// ("foreign", "defence"; with `owned`, where the text names its owner, also
    /// "health", "regional") and an organ's noun, all lowercase.
    fn organ_end_at(&self, j: usize, owned: bool) -> Option<usize> {
        self.organ_end_in_case(j, owned, false)
    }

    /// [`Self::organ_end_at`], where `capitalised` also takes the words capitalised
    /// ("the Gaza Health Ministry").
    fn organ_end_in_case(&self, j: usize, owned: bool, capitalised: bool) -> Option<usize> {
        let tokens = self.tokens;
        let gazetteer = &self.lexicon.gazetteer;
        let folded: Vec<String> = (j..tokens.len().min(j + ORGAN_QUALIFIERS + 2))
            .map(|k| fold(tokens[k].text))
            .collect();
        let in_case = |k: usize| {
            tokens
                .get(j + k)
                .is_some_and(|t| capitalised || !t.is_capitalized())
        };
        let qualifiers = (0..ORGAN_QUALIFIERS)
            .take_while(|&k| {
                in_case(k)
                    && folded.get(k).is_some_and(|w| {
                        gazetteer.is_state_organ_qualifier(w)
                            || owned && gazetteer.is_owned_organ_qualifier(w)
                    })
            })
            .count();
        // "the military said": a qualifier may be the organ itself.
        let (qualifiers, noun) = (0..=qualifiers)
            .rev()
            .find_map(|q| gazetteer.state_organ_noun_at(&folded, q).map(|n| (q, n)))?;
        (qualifiers..qualifiers + noun)
            .all(in_case)
            .then_some(j + qualifiers + noun)
    }

    /// "Dagestan's regional health ministry", "Kherson's regional administration",
    /// "the Gaza health ministry": the organ of a region or city, which speaks
    /// through it and names it; not a state's. A region the gazetteer knows gives it
    /// its state (and only a known one may qualify an organ without a possessive).
    fn regional_organ_at(&self, memory: &mut ArticleMemory, i: usize) -> Option<NameMention> {
        const OWNER_WORDS: usize = 4;
        let (tokens, texts) = (self.tokens, self.texts);
        let after_the = i > 0 && texts[i - 1].eq_ignore_ascii_case("the");
        // Cheap test first: this runs at most capitalised words.
        if !tokens[i].is_word()
            || !(after_the || (i + 1..i + 1 + OWNER_WORDS).any(|k| is_possessive(texts, k)))
        {
            return None;
        }
        let owner = self.lexicon.gazetteer.match_at(texts, i);
        let known_place = owner.filter(|(place, _)| place.class == EntityClass::Place);
        let region = known_place.filter(|(_, used)| is_possessive(texts, i + used));
        let (region, organ_at, capitalised) = match (region, known_place) {
            (Some((place, used)), _) => (Some(place), i + used + 2, false),
            // "the Gaza health ministry", "the Gaza Health Ministry": the place
            // qualifies the organ after it.
            (None, Some((place, used))) if after_the => (Some(place), i + used, true),
            _ => {
                if owner.is_some()
                    || !self.may_own_an_organ(memory, i)
                    || !is_possessive(texts, i + 1)
                {
                    return None;
                }
                (None, i + 3, false)
            }
        };
        // "Energodar's military-civilian administration": an organ's noun before a
        // hyphen only qualifies another.
        let end = self
            .organ_end_in_case(organ_at, true, capitalised)
            .filter(|&end| tokens.get(end).is_none_or(|t| t.text != "-"))?;
        let name = spoken_name(&texts[i..end]);
        let state = region.and_then(|place| place.country.clone());
        Some(organisation_mention(memory, i..end, name, state))
    }

    /// "security forces stormed the train": forces named bare, after no name and no
    /// possessive, are the state's in context, as "the army" is.
    fn unnamed_forces_at(
        &self,
        names: &[NameMention],
        memory: &mut ArticleMemory,
        i: usize,
    ) -> Option<NameMention> {
        let (tokens, texts) = (self.tokens, self.texts);
        let gazetteer = &self.lexicon.gazetteer;
        let used = gazetteer.unnamed_state_forces_at(&texts[i..])?;
        let owned = i > 0
            && (tokens[i - 1].is_capitalized()
                || tokens[i - 1].text.eq_ignore_ascii_case("s")
                || texts[i - 1] == "'");
        if owned {
            return None;
        }
        let home_force = gazetteer.is_home_force(&texts[i..i + used]);
        let Some(state) = state_in_context(names, memory).filter(|_| !home_force) else {
            // "Police fired tear gas in Maputo", or security forces in an article
            // that names no state: still who acted, known by the text's words.
            return Some(forces_known_by_words(texts, i..i + used, memory));
        };
        Some(NameMention {
            first: i,
            end: i + used,
            entity: state_acting(state),
        })
    }

    /// "the Health Ministry in Gaza", "the health ministry in the Gaza Strip": an
    /// organ (see [`Self::organ_end_at`], any case) seated in a region or city the
    /// gazetteer knows as no state's capital is that place's, not a state's; it is
    /// named with the place, and a region's country gives it its state.
    fn regional_seat(
        &self,
        memory: &mut ArticleMemory,
        first: usize,
        organ: usize,
    ) -> Option<NameMention> {
        // Cheap test first: this runs after every "the" that names no state. An
        // organ's name is at most its qualifiers and a noun of two words.
        let seated = (organ + 1..self.texts.len().min(organ + ORGAN_QUALIFIERS + 3))
            .any(|k| self.texts[k].eq_ignore_ascii_case("in"));
        if !seated {
            return None;
        }
        let end = self.organ_end_in_case(organ, true, true)?;
        if !self.tokens.get(end)?.text.eq_ignore_ascii_case("in") {
            return None;
        }
        let at = if self.texts.get(end + 1)?.eq_ignore_ascii_case("the") {
            end + 2
        } else {
            end + 1
        };
        let (place, used) = self.lexicon.gazetteer.match_at(self.texts, at)?;
        if place.class != EntityClass::Place {
            return None;
        }
        let end = at + used;
        let name = spoken_name(&self.texts[organ..end]);
        Some(organisation_mention(
            memory,
            first..end,
            name,
            place.country.clone(),
        ))
    }

    /// "the Department of Foreign Affairs in Manila", "the foreign ministry in
    /// Baku": the state whose capital (or country) follows an organ at `end`.
    fn state_seated_at(&self, end: usize) -> Option<String> {
        if !self.tokens.get(end)?.text.eq_ignore_ascii_case("in") {
            return None;
        }
        let (entity, _) = self.lexicon.gazetteer.match_at(self.texts, end + 1)?;
        match entity.class {
            EntityClass::Country | EntityClass::Capital => entity.state(),
            _ => None,
        }
    }

    /// "the bloc", "the group": the last body the article named that acts for no
    /// state.
    fn body_reference_at(&self, memory: &ArticleMemory, i: usize) -> Option<NameMention> {
        let body = memory.last_body.as_ref()?;
        let token = self.tokens.get(i)?;
        // Cheap tests first: this runs at every word of every sentence.
        if i == 0 || !token.is_word() || !self.tokens[i - 1].text.eq_ignore_ascii_case("the") {
            return None;
        }
        // "the bloc", "the Palestinian militant group": up to three modifiers, lowercase
        // or a demonym, before the noun.
        const MODIFIERS: usize = 3;
        let gazetteer = &self.lexicon.gazetteer;
        let modifier = |j: usize| {
            self.tokens.get(j).is_some_and(|t| {
                t.is_word()
                    && (!t.is_capitalized()
                        || gazetteer
                            .match_at(self.texts, j)
                            .is_some_and(|(e, used)| used == 1 && e.class == EntityClass::Demonym))
            })
        };
        let noun = (i..i + MODIFIERS + 1).find(|&j| {
            self.tokens
                .get(j)
                .is_some_and(|t| !t.is_capitalized() && gazetteer.is_body_reference(&fold(t.text)))
        })?;
        if !(i..noun).all(modifier) {
            return None;
        }
        // "the group of seven", "the alliance's": only the noun alone refers back.
        let followed_by_of = self.tokens.get(noun + 1).is_some_and(|t| t.text == "of");
        let word = fold(self.tokens[noun].text);
        let named_so =
            !gazetteer.is_named_body_reference(&word) || name_has_word(&body.name, &word);
        (!followed_by_of && named_so).then(|| NameMention {
            first: i,
            end: noun + 1,
            entity: body.clone(),
        })
    }

    /// "the official", "the spokesperson" with no name after: the side an unnamed
    /// spokesperson was last said to speak for.
    fn representative_reference_at(&self, memory: &ArticleMemory, i: usize) -> Option<NameMention> {
        let side = memory.last_represented.as_ref()?;
        let token = self.tokens.get(i)?;
        // Cheap tests first: this runs at every word of every sentence.
        if i == 0
            || token.is_capitalized()
            || !self.tokens[i - 1].text.eq_ignore_ascii_case("the")
            || !self
                .lexicon
                .gazetteer
                .is_representative_reference(&fold(token.text))
        {
            return None;
        }
        // "the spokesman, Dmitry Peskov" names someone else; "the officials of
        // both sides" are others.
        let named_next = self.tokens.get(i + 1).is_some_and(|t| {
            t.is_capitalized() || t.text == "," || t.text.eq_ignore_ascii_case("of")
        });
        (!named_next).then(|| NameMention {
            first: i,
            end: i + 1,
            entity: side.clone(),
        })
    }

    /// "the kingdom said", "the country announced": the state the article named
    /// last, speaking. Only before a verb of speech: "the country's", "the nation
    /// of", "in the country" are no one's voice; nor is it in what a speaker before
    /// it reports.
    fn state_reference_at(&self, memory: &ArticleMemory, i: usize) -> Option<NameMention> {
        let token = self.tokens.get(i)?;
        // Cheap tests first: this runs at every word of every sentence.
        if i == 0
            || token.is_capitalized()
            || !self.tokens[i - 1].text.eq_ignore_ascii_case("the")
            || !self.lexicon.gazetteer.is_state_reference(&fold(token.text))
        {
            return None;
        }
        let events = &self.lexicon.events;
        let mut verb = i + 1;
        while self
            .texts
            .get(verb)
            .is_some_and(|w| events.auxiliaries.contains(&fold(w)))
        {
            verb += 1;
        }
        let folded: Vec<String> = self.texts.iter().map(|w| fold(w)).collect();
        if verb >= folded.len() || !events.speech_verb_at(&folded, verb) {
            return None;
        }
        // ("The minister said the kingdom welcomed the truce": a speaker already
        // speaks for it.)
        if (0..i).any(|j| events.speech_verb_at(&folded, j)) {
            return None;
        }
        let state = memory.last_state()?;
        Some(NameMention {
            first: i,
            end: i + 1,
            entity: state_acting(state),
        })
    }

    /// "the Global Sumud Flotilla said": a name nobody knows, after "the" and right
    /// before a verb of speech (or an appositive before it), is a body speaking
    /// (people take no "the").
    /// `run` is the capitalised run at `i`.
    fn speaking_body_at(&self, i: usize, run: usize) -> Option<NameMention> {
        const LONGEST: usize = 5;
        if i == 0 || !(2..=LONGEST).contains(&run) || !self.texts[i - 1].eq_ignore_ascii_case("the")
        {
            return None;
        }
        // "the Permanent Strategic Framework (CSP), an alliance of Tuareg armed
        // groups, said": past a short form in brackets and an appositive.
        let verb = crate::text::past_short_form_and_appositive(self.texts, i + run);
        let after: Vec<String> = (verb..self.tokens.len().min(verb + 3))
            .map(|k| fold(self.tokens[k].text))
            .collect();
        self.lexicon
            .events
            .speech_verb_at(&after, 0)
            .then(|| NameMention {
                first: i,
                end: i + run,
                entity: Entity {
                    name: spoken_name(&self.texts[i..i + run]),
                    class: EntityClass::Organisation,
                    country: None,
                },
            })
    }

    /// "a White House official", "Israeli officials": who "the official" is next.
    fn remember_represented(&self, kept: &[NameMention], memory: &mut ArticleMemory) {
        for mention in kept {
            let spokesperson = self.tokens.get(mention.end).is_some_and(|t| {
                self.lexicon
                    .gazetteer
                    .is_representative_reference(&fold(t.text))
            });
            if !spokesperson {
                continue;
            }
            let entity = &mention.entity;
            let side = match entity.class {
                EntityClass::Country | EntityClass::Organisation => Some(entity.clone()),
                _ => entity.state().map(state_acting),
            };
            if side.is_some() {
                memory.last_represented = side;
            }
        }
    }

    /// How many lowercase words may stand between an acronym and the noun that says
    /// it is a body ("the CAPSAT military unit").
    const ACRONYM_MODIFIERS: usize = 2;

    /// A body the article names by its acronym and what it is: "Machar's SPLM-IO
    /// party", "the TPLF movement". It acts for no state, and the acronym alone
    /// names it from then on.
    fn acronym_body_at(&self, memory: &mut ArticleMemory, i: usize) -> Option<NameMention> {
        const LONGEST: usize = 8;
        let tokens = self.tokens;
        let capitals = |j: usize| {
            tokens.get(j).is_some_and(|t| {
                t.is_word()
                    && (2..=LONGEST).contains(&t.text.len())
                    && t.text
                        .chars()
                        .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
                    && t.text.chars().any(|c| c.is_ascii_uppercase())
            })
        };
        if !capitals(i)
            || self.lexicon.gazetteer.match_at(self.texts, i).is_some()
            || self.lexicon.gazetteer.not_names.contains(tokens[i].text)
        {
            return None;
        }
        // "SPLM-IO", "AFC/M23": parts joined without spaces.
        let end = self.joined_end(i, capitals);
        // "the elite CAPSAT military unit": lowercase modifiers may stand before
        // the noun.
        let body_noun = (end..end + 1 + Self::ACRONYM_MODIFIERS)
            .take_while(|&j| {
                tokens
                    .get(j)
                    .is_some_and(|t| t.is_word() && !t.is_capitalized())
            })
            .find(|&j| {
                self.lexicon
                    .gazetteer
                    .is_acronym_body(&fold(tokens[j].text))
            });
        let body_noun = match body_noun {
            Some(noun) => noun,
            None if self.acronym_speaks(i, end) => end - 1,
            None => return None,
        };
        let entity = Entity {
            name: self.texts[i..end].concat(),
            class: EntityClass::Organisation,
            country: None,
        };
        if !memory.short_forms.iter().any(|(f, _)| *f == entity.name) {
            memory
                .short_forms
                .push((entity.name.clone(), entity.clone()));
        }
        Some(NameMention {
            first: i,
            end: body_noun + 1,
            entity,
        })
    }

    /// "Medical charity, MSF, said on Monday", "ATSUM said": the acronym at
    /// `i..end` is the subject of a verb of speech, so a body. ("State TV said", "the
    /// state news agency, SUNA, said": a medium reports, it is no side.)
    fn acronym_speaks(&self, i: usize, end: usize) -> bool {
        let tokens = self.tokens;
        let events = &self.lexicon.events;
        let appositive =
            i > 0 && tokens[i - 1].text == "," && tokens.get(end).is_some_and(|t| t.text == ",");
        let medium = events.media_words.contains(&fold(tokens[i].text))
            || appositive && i >= 2 && events.media_words.contains(&fold(tokens[i - 2].text));
        !medium
            && tokens
                .get(end + usize::from(appositive))
                .is_some_and(|t| t.is_word() && events.speech_verb_at(&[fold(t.text)], 0))
    }

    /// Armed men nobody names, with the capitalised words that say whose they are:
    /// "masked gunmen", "Ethnic Serb gunmen" (the sentence's first word aside),
    /// "Islamist militants". Their side is the kind of group ("gunmen"), so that
    /// reports calling them "Serb gunmen" and "the gunmen" can be one event. Words
    /// the gazetteer knows as a body ("Houthi rebels") are that body instead.
    fn armed_group_at(
        &self,
        names: &[NameMention],
        memory: &mut ArticleMemory,
        i: usize,
    ) -> Option<NameMention> {
        const QUALIFIERS: usize = 3;
        let (tokens, texts) = (self.tokens, self.texts);
        let gazetteer = &self.lexicon.gazetteer;
        // "Houthi rebels", "Hamas militants": the body's own men.
        if names
            .last()
            .is_some_and(|m| m.end == i && m.entity.class == EntityClass::Organisation)
        {
            return None;
        }
        // "Masked men broke onto the set": the two words are the group.
        if i + 1 < texts.len() && gazetteer.armed_men(&texts[i], &texts[i + 1]) {
            let name = format!("{} {}", fold(&texts[i]), fold(&texts[i + 1]));
            return Some(armed_group_mention(name.clone(), name, i..i + 2, memory));
        }
        // A capitalised group word is the noun itself, not a qualifier ("Rebels
        // captured the town" opening a sentence).
        let qualifier = |j: usize| {
            tokens[j].is_word()
                && tokens[j].is_capitalized()
                && !gazetteer.not_names.contains(tokens[j].text)
                && !gazetteer.is_armed_group(&fold(tokens[j].text))
                && gazetteer
                    .match_at(texts, j)
                    .is_none_or(|(entity, used)| used == 1 && entity.class == EntityClass::Demonym)
        };
        let qualifiers = (i..tokens.len().min(i + QUALIFIERS))
            .take_while(|&j| qualifier(j))
            .count();
        let noun = i + qualifiers;
        let folded = fold(tokens.get(noun)?.text);
        if !tokens[noun].is_word() || !gazetteer.is_armed_group(&folded) {
            return None;
        }
        // "Ethnic" opening the sentence is capitalised for that alone.
        let first = if i == 0 && qualifiers > 0 && gazetteer.match_at(texts, 0).is_none() {
            1
        } else {
            0
        };
        let mut words: Vec<String> = texts[i + first..noun].to_vec();
        words.push(folded.clone());
        let name = words.join(" ");
        // One side for the singular and the plural: "gunman" and "gunmen".
        let side = if let Some(stem) = folded.strip_suffix("man") {
            format!("{stem}men")
        } else if folded.ends_with('s') || folded.ends_with("men") {
            folded
        } else {
            format!("{folded}s")
        };
        Some(armed_group_mention(name, side, i..noun + 1, memory))
    }

    /// A body the article names without the gazetteer knowing it: capitalised words
    /// ending in an organisation's head word ("National Security Committee", "Sudan
    /// Doctors Network"), with a tail after "of", "on" or "for" ("Cabinet Committee on
    /// Security"). It acts for the country that opens it or owns it ("Pakistan's
    /// National Security Committee"). Longer than `known`, the gazetteer name at `i`,
    /// or none.
    fn organisation_at(
        &self,
        names: &[NameMention],
        memory: &mut ArticleMemory,
        i: usize,
        known: Option<(&Entity, usize)>,
        headline: bool,
    ) -> Option<NameMention> {
        let (tokens, texts) = (self.tokens, self.texts);
        let gazetteer = &self.lexicon.gazetteer;
        let temporal = &self.lexicon.temporal;
        let part = |j: usize| {
            tokens.get(j).is_some_and(|t| {
                let folded = fold(t.text);
                t.is_word()
                    && t.is_capitalized()
                    && !matches!(folded.as_str(), "the" | "a" | "an")
                    && !temporal.names_month_or_weekday(&folded)
            })
        };
        if headline || !part(i) {
            return None;
        }
        let mut run_end = i;
        while part(run_end) {
            run_end += 1;
        }
        // "Alliance of Sahel States", "Ministry of Foreign Affairs": the head may
        // open the name when its tail follows.
        let opens_with_head = gazetteer.is_organisation_head(&fold(tokens[i].text))
            && tokens
                .get(i + 1)
                .is_some_and(|t| matches!(fold(t.text).as_str(), "of" | "for"))
            && part(i + 2);
        let head = (i + 1..run_end)
            .rev()
            .find(|&k| gazetteer.is_organisation_head(&fold(tokens[k].text)))
            .or(opens_with_head.then_some(i))?;
        let mut end = head + 1;
        let joins = tokens
            .get(end)
            .is_some_and(|t| matches!(fold(t.text).as_str(), "of" | "on" | "for"));
        if joins && part(end + 1) {
            let mut tail = end + 1;
            while part(tail) && tail < end + 4 {
                tail += 1;
            }
            end = tail;
        }
        if end - i <= known.map_or(0, |(_, used)| used) {
            return None;
        }
        // "the UK Government", "the Government of Sudan": the state itself (see
        // `state_organ_at`); a government the text names otherwise is a body of its
        // own ("Libya's Government of National Accord").
        let names_state = |k: usize| {
            gazetteer
                .match_at(texts, k)
                .is_some_and(|(entity, _)| entity.state().is_some())
        };
        if gazetteer.is_leaders_government(&fold(tokens[head].text))
            && (names_state(i) || head + 2 < end && names_state(head + 2))
        {
            return None;
        }
        let opener = known.and_then(|(entity, _)| entity.actor().map(str::to_string));
        // "Pakistan's National Security Committee", "U.S. Central Command".
        // "the Syrian regime's Defence Ministry": a state's government owns it too.
        let government = |k: usize| {
            matches!(
                fold(texts[k].as_str()).as_str(),
                "regime" | "government" | "administration" | "authorities"
            )
        };
        let owner = (i >= 2 && is_possessive(texts, i - 2))
            .then(|| {
                names.iter().rev().find(|m| {
                    m.end == i - 2
                        || i >= 3
                            && m.end == i - 3
                            && government(i - 3)
                            && matches!(m.entity.class, EntityClass::Country | EntityClass::Demonym)
                })
            })
            .flatten()
            .or_else(|| {
                names.last().filter(|m| {
                    m.end == i
                        && matches!(m.entity.class, EntityClass::Country | EntityClass::Demonym)
                })
            })
            // "Washington's Bureau of African Affairs": a capital owns for its state.
            .and_then(speaking_actor);
        // "Dagestan's Interior Ministry": a region or city owns it, whether the
        // gazetteer knows the place or not. It is that place's, not the state the
        // article names most, and its owner is part of its name; a region the
        // gazetteer knows gives it its state.
        let owning_region = (i >= 3 && is_possessive(texts, i - 2))
            .then(|| names.iter().rev().find(|m| m.end == i - 2))
            .flatten()
            .filter(|m| m.entity.class == EntityClass::Place);
        let unknown_owner = owner.is_none()
            && i >= 3
            && is_possessive(texts, i - 2)
            && (owning_region.is_some() || !names.iter().any(|m| m.end == i - 2))
            && self.may_own_an_organ(memory, i - 3);
        let first = match owning_region {
            Some(region) if unknown_owner => region.first,
            _ if unknown_owner => i - 3,
            _ => i,
        };
        let region_state = owning_region.and_then(|region| region.entity.country.clone());
        let name = spoken_name(&texts[first..end]);
        let state_organ = gazetteer.is_state_organ_head(&fold(tokens[head].text));
        // "The Foreign Ministry said", "the Ministry of Internal Affairs": an organ
        // nobody owns in the text is the state's in context, as "the foreign
        // ministry" is (see `state_organ_at`), unless the text says where it sits.
        let country = opener.or(owner).or_else(|| {
            (state_organ && !unknown_owner)
                .then(|| {
                    self.state_seated_at(end)
                        .or_else(|| state_in_context(names, memory))
                })
                .flatten()
        });
        // A state's own organ is the state acting ("the Syrian Interior Ministry").
        if let Some(state) = country.as_ref().filter(|_| state_organ) {
            return Some(NameMention {
                first: i,
                end,
                entity: state_acting(state.clone()),
            });
        }
        Some(organisation_mention(
            memory,
            first..end,
            name,
            country.or(region_state),
        ))
    }

    /// Whether the capitalised word at `k`, before a possessive, may be a place
    /// that owns an organ: not a day or a month ("Tuesday's cabinet meeting"), not
    /// a word that never names ("The"), and not a person the article introduced.
    fn may_own_an_organ(&self, memory: &ArticleMemory, k: usize) -> bool {
        let token = &self.tokens[k];
        token.is_word()
            && token.is_capitalized()
            && !self
                .lexicon
                .temporal
                .names_month_or_weekday(&fold(token.text))
            && !self.lexicon.gazetteer.not_names.contains(token.text)
            && self.person_by_surname(memory, k).is_none()
    }

    /// "Donald Trump Jr.": a person's name with a generational suffix names their
    /// son or father, another person, who holds none of the first one's offices.
    fn junior_or_senior(&self, mention: NameMention) -> NameMention {
        let suffix = self.texts.get(mention.end).map(String::as_str);
        match suffix {
            Some(suffix @ ("Jr" | "Sr")) if mention.entity.class == EntityClass::Person => {
                // ("Marcos Jr" after "Ferdinand Marcos Jr": the surname found him.)
                let name = if mention.entity.name.ends_with(suffix) {
                    mention.entity.name.clone()
                } else {
                    format!("{} {suffix}", mention.entity.name)
                };
                NameMention {
                    first: mention.first,
                    end: mention.end + 1,
                    entity: person(name),
                }
            }
            _ => mention,
        }
    }

    /// "the Saudi-led coalition", "US-led forces": a body named by who leads it (the
    /// name of `used` tokens at `i`), known by those words. It acts for no state, so
    /// that "the coalition" later refers back to it.
    fn led_body_at(&self, i: usize, used: usize) -> Option<NameMention> {
        let (tokens, texts) = (self.tokens, self.texts);
        let end = i + used;
        let led = tokens.get(end).is_some_and(|t| t.text == "-")
            && tokens
                .get(end + 1)
                .is_some_and(|t| t.text.eq_ignore_ascii_case("led"));
        let noun = tokens.get(end + 2)?;
        let folded = fold(noun.text);
        if !led || noun.is_capitalized() || !self.lexicon.gazetteer.is_led_body_noun(&folded) {
            return None;
        }
        Some(NameMention {
            first: i,
            end: end + 3,
            entity: Entity {
                name: format!("{}-led {folded}", spoken_name(&texts[i..end])),
                class: EntityClass::Organisation,
                country: None,
            },
        })
    }

    /// "Moscow-controlled", "Kremlin-backed": an adjective, not the name itself.
    fn is_compound(&self, end: usize) -> bool {
        self.tokens.get(end).is_some_and(|t| t.text == "-")
            && self
                .tokens
                .get(end + 1)
                .is_some_and(|t| t.is_word() && !t.is_capitalized())
    }

    /// Drop qualifiers of a title: country or organisation, title words, then a
    /// person. What the title says of someone the gazetteer does not know is kept.
    fn drop_title_qualifiers(
        &self,
        names: &[NameMention],
        memory: &mut ArticleMemory,
    ) -> Vec<NameMention> {
        let mut kept = Vec::with_capacity(names.len());
        for (index, mention) in names.iter().enumerate() {
            let next = names.get(index + 1);
            if !next.is_some_and(|next| self.qualifies_title(mention, next)) {
                kept.push(mention.clone());
                continue;
            }
            if let (Some(next), Some(country)) = (next, mention.entity.actor()) {
                if self
                    .lexicon
                    .gazetteer
                    .affiliation(&next.entity.name)
                    .is_none()
                {
                    memory
                        .affiliations
                        .entry(next.entity.name.clone())
                        .or_insert_with(|| country.to_string());
                }
            }
        }
        kept
    }

    /// Does `mention` only qualify the title of the person `next`, with at most
    /// [`TITLE_WORDS`] tokens of title between?
    fn qualifies_title(&self, mention: &NameMention, next: &NameMention) -> bool {
        let tokens = self.tokens;
        let qualifier = matches!(
            mention.entity.class,
            EntityClass::Country | EntityClass::Demonym | EntityClass::Organisation
        );
        // "Qatar's foreign ministry spokesman": the possessive is part of the title.
        let possessive = is_possessive(self.texts, mention.end);
        let from = mention.end + if possessive { 2 } else { 0 };
        // "Ukrainian commander Col. Gen. Oleksandr Syrskyi", "Mali's government
        // spokesman, Col. Abdoulaye Maiga": the full stop of an abbreviated rank,
        // and the comma of an appositive, after a title word.
        let after_title =
            |j: usize| j > from && self.is_title(j - 1) && matches!(tokens[j].text, "." | ",");
        qualifier
            && next.entity.class == EntityClass::Person
            && next.first > from
            && next.first - from <= TITLE_WORDS
            && (from..next.first).all(|j| {
                self.is_title(j)
                    || after_title(j)
                    || tokens[j].is_word()
                        && !tokens[j].is_capitalized()
                        && next.first - from <= 3
                        // "France expelled President Keita": a verb between them
                        // makes the country the subject, not the title's owner.
                        && !self.is_verb_of_event(j)
            })
            && (from..next.first).any(|j| self.is_title(j))
    }

    /// Is the word at `j` a verb or noun that reports an event, or a past tense?
    fn is_verb_of_event(&self, j: usize) -> bool {
        let texts = self.texts;
        self.lexicon.events.trigger_span_at(texts, j).is_some()
            || self.lexicon.events.speech_verb_at(texts, j)
            || self.lexicon.temporal.is_past_tense(&texts[j])
    }

    /// "the Myanmar National Democratic Alliance Army (MNDAA)": a capitalised short
    /// form in parentheses right after a name the gazetteer does not know stands for
    /// it in the rest of the article.
    fn remember_short_forms(&self, names: &[NameMention], memory: &mut ArticleMemory) {
        let texts = self.texts;
        for mention in names.iter().filter(|m| {
            matches!(
                m.entity.class,
                EntityClass::Organisation | EntityClass::Person
            )
        }) {
            let (open, short, close) = (mention.end, mention.end + 1, mention.end + 2);
            let parenthesised = texts.get(open).is_some_and(|t| t == "(")
                && texts.get(close).is_some_and(|t| t == ")");
            if texts.get(short).is_none() || !parenthesised {
                continue;
            }
            self.remember_short_form(short, mention.entity.clone(), memory);
        }
        // "the United States Central Command (CENTCOM)", "Ukraine's Security Service
        // (SBU)": a state's organ, shortened, is that state acting.
        for open in (1..texts.len()).filter(|&p| texts[p] == "(") {
            // The run must end in an organ's head: "the Myanmar National Democratic
            // Alliance Army (MNDAA)" opens with a state's name and is not its organ.
            let organ = self
                .lexicon
                .gazetteer
                .is_state_organ_head(&fold(self.tokens[open - 1].text));
            if !organ || texts.get(open + 2).is_none_or(|t| t != ")") {
                continue;
            }
            let mut start = open;
            loop {
                if start > 0 && self.tokens[start - 1].is_capitalized() {
                    start -= 1;
                } else if start > 2 && is_possessive(texts, start - 2) {
                    start -= 2;
                } else {
                    break;
                }
            }
            // A sentence's first word is capitalised: "The Turkish Defence Ministry".
            if start < open && matches!(fold(self.tokens[start].text).as_str(), "the" | "a" | "an")
            {
                start += 1;
            }
            let state = names
                .iter()
                .find(|m| m.first == start && m.end <= open)
                .and_then(state_of);
            if let Some(state) = state {
                self.remember_short_form(open + 1, state_acting(state), memory);
            }
        }
    }

    /// Remember the token at `short` as a short form of `entity`, when it looks like
    /// one (mostly capitals), is no name itself, and is not taken.
    fn remember_short_form(&self, short: usize, entity: Entity, memory: &mut ArticleMemory) {
        let form = &self.texts[short];
        let letters = form.chars().filter(|c| c.is_alphabetic()).count();
        let capitals = form.chars().filter(|c| c.is_uppercase()).count();
        if letters >= 2
            && capitals * 2 > letters
            && self.lexicon.gazetteer.match_at(self.texts, short).is_none()
            && !memory.short_forms.iter().any(|(f, _)| f == form)
        {
            memory.short_forms.push((form.clone(), entity));
        }
    }

    /// The end of the word that starts at token `i` when its parts are joined by
    /// "-" or "/" without spaces ("SPLM-IO", "AFC/M23"), each part after a joint
    /// accepted by `part`.
    pub(super) fn joined_end(&self, i: usize, part: impl Fn(usize) -> bool) -> usize {
        let tokens = self.tokens;
        let mut end = i + 1;
        while tokens.get(end).is_some_and(|t| matches!(t.text, "-" | "/"))
            && tokens[end - 1].touches(&tokens[end])
            && tokens.get(end + 1).is_some_and(|t| tokens[end].touches(t))
            && part(end + 1)
        {
            end += 2;
        }
        end
    }

    fn short_form_at(&self, memory: &ArticleMemory, i: usize) -> Option<NameMention> {
        if memory.short_forms.is_empty() {
            return None;
        }
        self.texts.get(i)?;
        // "SPLM-IO" is three tokens written as one word.
        let end = self.joined_end(i, |_| true);
        let joined = self.texts[i..end].concat();
        let (_, entity) = memory
            .short_forms
            .iter()
            .find(|(form, _)| *form == joined)?;
        // Inside the parentheses that define it, it is the same mention again.
        if i > 0 && self.texts[i - 1] == "(" {
            return None;
        }
        Some(NameMention {
            first: i,
            end,
            entity: entity.clone(),
        })
    }

    /// Remember the title put before each person: "the envoy" later is them.
    fn remember_roles(&self, kept: &[NameMention], memory: &mut ArticleMemory) {
        for mention in kept
            .iter()
            .filter(|m| m.entity.class == EntityClass::Person && m.first > 0)
        {
            let before = mention.first - 1;
            if self.tokens[before].is_word() && self.is_title(before) {
                let title = fold(self.tokens[before].text);
                memory.roles.retain(|(t, _)| *t != title);
                memory.roles.push((title, mention.entity.name.clone()));
            }
        }
    }

    /// "Thailand and Cambodia", "Aliyev and Armenian Prime Minister Pashinyan": who
    /// "they" and "both sides" are.
    fn remember_group(&self, kept: &[NameMention], memory: &mut ArticleMemory) {
        let tokens = self.tokens;
        memory.sentence_group.clear();
        for pair in kept.windows(2) {
            let between = pair[0].end..pair[1].first;
            let joined = between.clone().any(|j| fold(tokens[j].text) == "and")
                && between.clone().all(|j| {
                    fold(tokens[j].text) == "and" || tokens[j].is_capitalized() || self.is_title(j)
                });
            let (Some(a), Some(b)) = (pair[0].entity.actor(), pair[1].entity.actor()) else {
                continue;
            };
            if joined {
                if memory.sentence_group.is_empty() {
                    memory.sentence_group.push(a.to_string());
                }
                if !memory.sentence_group.iter().any(|g| g == b) {
                    memory.sentence_group.push(b.to_string());
                }
            }
        }
        if memory.sentence_group.len() >= 2 {
            memory.last_pair = memory.sentence_group.clone();
        }
    }
}

/// Armed men the text does not name ("Serb gunmen", "masked men"), at `span`: a body
/// acting for no state, known by `name`, its reports one `side`.
fn armed_group_mention(
    name: String,
    side: String,
    span: std::ops::Range<usize>,
    memory: &mut ArticleMemory,
) -> NameMention {
    memory.affiliations.entry(name.clone()).or_insert(side);
    NameMention {
        first: span.start,
        end: span.end,
        entity: Entity {
            name,
            class: EntityClass::Organisation,
            country: None,
        },
    }
}

/// Words that may describe "the country" whose organ a text names ("the West
/// African country's armed forces", "the oil-rich nation's army").
const COUNTRY_MODIFIERS: usize = 3;

/// Tokens of title a country may stand before a person's name and still only say
/// whose they are: "commander Col. Gen." is five.
const TITLE_WORDS: usize = 6;

/// Forces no state is named with, known by the text's words for them ("riot
/// police"), acting for no state.
fn forces_known_by_words(
    texts: &[String],
    span: std::ops::Range<usize>,
    memory: &mut ArticleMemory,
) -> NameMention {
    let name = texts[span.clone()]
        .iter()
        .map(|w| fold(w))
        .collect::<Vec<_>>()
        .join(" ");
    armed_group_mention(name.clone(), name, span, memory)
}

/// The state a mention names: a country, or the country of a demonym or capital.
fn state_of(mention: &NameMention) -> Option<String> {
    mention.entity.state()
}

/// The state itself acting through an organ or a spokesperson ("the foreign
/// ministry", "a White House official"): a mention that names the state.
fn state_acting(state: String) -> Entity {
    Entity {
        name: state.clone(),
        class: EntityClass::Demonym,
        country: Some(state),
    }
}

/// Whose organ "the government" is when nothing names its state: the first state
/// the sentence named before it, else the state the article has named most so far.
fn state_in_context(names: &[NameMention], memory: &ArticleMemory) -> Option<String> {
    names
        .iter()
        .find_map(state_of)
        .or_else(|| memory.main_state())
}

/// Qualifiers an organ's name may have before its noun ("foreign", "regional
/// health").
const ORGAN_QUALIFIERS: usize = 3;

/// An organisation named `name` over the tokens `at`, noted as acting for `state`
/// where one is known (a regional organ for its country).
fn organisation_mention(
    memory: &mut ArticleMemory,
    at: std::ops::Range<usize>,
    name: String,
    state: Option<String>,
) -> NameMention {
    if let Some(state) = state {
        memory.affiliations.entry(name.clone()).or_insert(state);
    }
    NameMention {
        first: at.start,
        end: at.end,
        entity: Entity {
            name,
            class: EntityClass::Organisation,
            country: None,
        },
    }
}

/// Does `name` have the folded `word` among its words ("council" in "Transitional
/// Military Council")? What "the council" needs to refer back to a body.
pub(super) fn name_has_word(name: &str, word: &str) -> bool {
    name.split(' ').any(|part| fold(part) == word)
}

/// Tokens of a name as written: words apart, hyphens joined ("Majed al-Ansari").
pub(super) fn spoken_name(parts: &[String]) -> String {
    let mut name = String::new();
    for (index, part) in parts.iter().enumerate() {
        let joiner = |p: &String| matches!(p.as_str(), "-" | "'" | "\u{2019}");
        let joined = joiner(part) || parts.get(index.wrapping_sub(1)).is_some_and(joiner);
        if index > 0 && !joined {
            name.push(' ');
        }
        name.push_str(part);
    }
    name
}

/// Is token `i` inside a quotation the sentence opens before it? A state a slogan
/// or a speaker names ("shouted \"Free Palestine\"") is not what the article is
/// about, nor whose "government" it means next.
fn quoted_before(tokens: &[Token<'_>], i: usize) -> bool {
    tokens[..i]
        .iter()
        .filter(|t| crate::text::is_double_quote_mark(t.text))
        .count()
        % 2
        == 1
}
