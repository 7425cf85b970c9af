//! Actors and places named in a sentence: from the gazetteer, and the people and
//! places the article introduces.

use super::gazetteer::{Entity, EntityClass};
use super::lexicon::Lexicon;
use super::memory::ArticleMemory;
use super::view::NameMention;
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
    let gazetteer = &lexicon.gazetteer;
    let is_title = |i: usize| {
        tokens
            .get(i)
            .is_some_and(|t| gazetteer.is_title(&fold(t.text)))
    };
    let mut names = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        if let Some((entity, used)) = gazetteer.match_at(texts, i) {
            // "Moscow-controlled", "Kremlin-backed": an adjective, not the name itself.
            let compound = tokens.get(i + used).is_some_and(|t| t.text == "-")
                && tokens
                    .get(i + used + 1)
                    .is_some_and(|t| t.is_word() && !t.is_capitalized());
            if !compound {
                names.push(NameMention {
                    first: i,
                    end: i + used,
                    entity: entity.clone(),
                });
            }
            i += used;
            continue;
        }
        if let Some((tokens_of, entity)) = memory
            .places
            .iter()
            .find(|(p, _)| texts.get(i..i + p.len()) == Some(p.as_slice()))
        {
            names.push(NameMention {
                first: i,
                end: i + tokens_of.len(),
                entity: entity.clone(),
            });
            i += tokens_of.len();
            continue;
        }
        // "the envoy", "the special envoy": the person the article gave that title.
        if fold(tokens[i].text) == "the" {
            let run = (i + 1..tokens.len())
                .take_while(|&j| tokens[j].is_word() && is_title(j))
                .count();
            let after = i + 1 + run;
            let named_next = tokens
                .get(after)
                .is_some_and(|t| t.is_capitalized() && t.is_word());
            let person = (run > 0 && !named_next)
                .then(|| fold(tokens[after - 1].text))
                .and_then(|title| {
                    memory
                        .roles
                        .iter()
                        .rev()
                        .find(|(t, _)| *t == title)
                        .map(|(_, p)| p.clone())
                });
            if let Some(person) = person {
                names.push(NameMention {
                    first: i + 1,
                    end: after,
                    entity: Entity {
                        name: person,
                        class: EntityClass::Person,
                        country: None,
                    },
                });
                i = after;
                continue;
            }
        }
        if let Some((_, full)) = memory
            .surnames
            .iter()
            .find(|(surname, _)| *surname == texts[i])
        {
            let entity = Entity {
                name: full.clone(),
                class: EntityClass::Person,
                country: None,
            };
            names.push(NameMention {
                first: i,
                end: i + 1,
                entity,
            });
            i += 1;
            continue;
        }
        let could_be_name = |j: usize| {
            tokens.get(j).is_some_and(|t| {
                t.is_word()
                    && t.is_capitalized()
                    && t.text.chars().any(char::is_lowercase)
                    && !gazetteer.not_names.contains(t.text)
                    && !gazetteer.knows(&texts[j])
                    && !is_title(j)
                    && !lexicon.temporal.months.contains_key(&fold(t.text))
            })
        };
        // "Al-Fula", "Ivano-Frankivsk": capitalised parts joined by a hyphen are one word.
        let hyphenated = |j: usize| {
            tokens.get(j + 1).is_some_and(|h| h.text == "-")
                && tokens[j].touches(&tokens[j + 1])
                && tokens.get(j + 2).is_some_and(|t| tokens[j + 1].touches(t))
                && could_be_name(j + 2)
        };
        let mut run = 0;
        while could_be_name(i + run) {
            run += if hyphenated(i + run) { 3 } else { 1 };
        }
        // "Majed al-Ansari", "Mohammed bin Salman": a particle inside a name.
        if run >= 1 {
            let k = i + run;
            let particle = tokens
                .get(k)
                .is_some_and(|t| gazetteer.is_name_particle(&fold(t.text)));
            let hyphen = tokens.get(k + 1).is_some_and(|t| t.text == "-");
            let rest = k + 1 + usize::from(hyphen);
            if particle && could_be_name(rest) {
                run = rest + 1 - i;
            }
        }
        if !headline && (1..=3).contains(&run) {
            if let Some(country) = introduces_place(tokens, &names, lexicon, i, i + run) {
                let entity = Entity {
                    name: spoken_name(&texts[i..i + run]),
                    class: EntityClass::Place,
                    country,
                };
                memory
                    .places
                    .push((texts[i..i + run].to_vec(), entity.clone()));
                names.push(NameMention {
                    first: i,
                    end: i + run,
                    entity,
                });
                i += run;
                continue;
            }
        }
        if !headline && (2..=5).contains(&run) {
            let full = spoken_name(&texts[i..i + run]);
            let surname = texts[i + run - 1].clone();
            if !memory.surnames.iter().any(|(s, _)| *s == surname) {
                memory.surnames.push((surname, full.clone()));
            }
            names.push(NameMention {
                first: i,
                end: i + run,
                entity: Entity {
                    name: full,
                    class: EntityClass::Person,
                    country: None,
                },
            });
            i += run;
            continue;
        }
        i += run.max(1);
    }
    for mention in names
        .iter()
        .filter(|m| m.entity.class == EntityClass::Person)
    {
        memory.people.insert(mention.entity.name.clone());
    }
    // Drop qualifiers of a title: country or organisation, title words, then a person.
    let mut kept = Vec::with_capacity(names.len());
    for (index, mention) in names.iter().enumerate() {
        let qualifies_title = matches!(
            mention.entity.class,
            EntityClass::Country | EntityClass::Demonym | EntityClass::Organisation
        ) && names.get(index + 1).is_some_and(|next| {
            // "Qatar's foreign ministry spokesman": the possessive is part of the title.
            let possessive = is_possessive(texts, mention.end);
            let from = mention.end + if possessive { 2 } else { 0 };
            next.entity.class == EntityClass::Person
                && next.first > from
                && next.first - from <= 4
                && (from..next.first).all(|j| {
                    is_title(j)
                        || tokens[j].is_word()
                            && !tokens[j].is_capitalized()
                            && next.first - from <= 3
                })
                && (from..next.first).any(is_title)
        });
        if qualifies_title {
            // What the title says of someone the gazetteer does not know.
            if let (Some(next), Some(country)) = (names.get(index + 1), mention.entity.actor()) {
                if gazetteer.affiliation(&next.entity.name).is_none() {
                    memory
                        .affiliations
                        .entry(next.entity.name.clone())
                        .or_insert_with(|| country.to_string());
                }
            }
        } else {
            kept.push(mention.clone());
        }
    }
    // Remember the title put before each person: "the envoy" later is them.
    for mention in kept
        .iter()
        .filter(|m| m.entity.class == EntityClass::Person && m.first > 0)
    {
        let before = mention.first - 1;
        if tokens[before].is_word() && is_title(before) {
            let title = fold(tokens[before].text);
            memory.roles.retain(|(t, _)| *t != title);
            memory.roles.push((title, mention.entity.name.clone()));
        }
    }
    // "Thailand and Cambodia", "Aliyev and Armenian Prime Minister Pashinyan".
    memory.sentence_group.clear();
    for pair in kept.windows(2) {
        let between = pair[0].end..pair[1].first;
        let joined = between.clone().any(|j| fold(tokens[j].text) == "and")
            && between.clone().all(|j| {
                fold(tokens[j].text) == "and" || tokens[j].is_capitalized() || is_title(j)
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
    kept
}

/// Tokens of a name as written: words apart, hyphens joined ("Majed al-Ansari").
pub(super) fn spoken_name(parts: &[String]) -> String {
    let mut name = String::new();
    for (index, part) in parts.iter().enumerate() {
        let joined = part == "-" || parts.get(index.wrapping_sub(1)).is_some_and(|p| p == "-");
        if index > 0 && !joined {
            name.push(' ');
        }
        name.push_str(part);
    }
    name
}

/// Is the capitalised run `first..end` a place the article introduces? After "in",
/// "at", "near", or "the town of", or before "province": and then its country is
/// the one a demonym just before says ("the Russian city of Ryazan").
pub(super) fn introduces_place(
    tokens: &[Token<'_>],
    names: &[NameMention],
    lexicon: &Lexicon,
    first: usize,
    end: usize,
) -> Option<Option<String>> {
    let word = |j: usize| tokens.get(j).map(|t| fold(t.text)).unwrap_or_default();
    let gazetteer = &lexicon.gazetteer;
    let settlement = |w: &str| gazetteer.is_settlement(w);
    let before = first.checked_sub(1).map(word).unwrap_or_default();
    let after_word = word(end);
    let introduced = gazetteer.is_place_preposition(&before)
        || before == "of" && first >= 2 && settlement(&word(first - 2))
        || gazetteer.is_region(&after_word);
    // A person's name after "in" is rare; a run followed by a possessive or a
    // title is someone ("in Hassan Rashad's view").
    if !introduced || tokens.get(end).is_some_and(|t| t.is_apostrophe()) {
        return None;
    }
    let country = names
        .iter()
        .rev()
        .find(|m| m.end <= first && m.end + 4 >= first)
        .filter(|m| matches!(m.entity.class, EntityClass::Demonym | EntityClass::Country))
        .and_then(|m| m.entity.actor().map(str::to_string));
    Some(country)
}
