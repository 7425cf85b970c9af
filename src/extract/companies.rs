//! Companies: "French energy group Total", "Russian energy giant Gazprom", "drone
//! maker Baykar". A firm speaks and acts for itself, not for the state its
//! nationality names: "French energy group Total said" is Total speaking, not
//! France. Known by the words before its name (a sector and a word for a firm,
//! both data in the gazetteer), not by a list of firms, so the ones an article
//! introduces are found too.

use super::gazetteer::{Entity, EntityClass};
use super::lexicon::Lexicon;
use super::memory::ArticleMemory;
use super::view::NameMention;
use crate::text::{fold, Token};

/// Lowercase words that may stand between the nationality and the word for the firm
/// ("state-owned oil and gas company" has five tokens: state, -, owned, oil... ).
const DESCRIPTION_WORDS: usize = 5;
/// Capitalised words a firm's name may have after its description.
const NAME_WORDS: usize = 3;

/// One sentence's tokens, their texts as the gazetteer reads them, and the lexicon.
#[derive(Clone, Copy)]
pub(super) struct Words<'s, 'a> {
    pub(super) tokens: &'s [Token<'a>],
    pub(super) texts: &'s [String],
    pub(super) lexicon: &'s Lexicon,
}

/// A company named after its description at token `i` ("French energy group Total",
/// the nationality included in the mention so it names no state), or a description
/// that refers back to the last company named ("the French oil major", "the
/// company"). A company named is remembered for later bare mentions ("Total").
pub(super) fn company_at(
    words: Words<'_, '_>,
    memory: &mut ArticleMemory,
    i: usize,
) -> Option<NameMention> {
    let Words {
        tokens,
        texts,
        lexicon,
    } = words;
    let gazetteer = &lexicon.gazetteer;
    let token = tokens.get(i)?;
    // Cheap tests first: this runs at every word of every sentence.
    if !token.is_word() {
        return None;
    }
    // "companies including Total", "firms such as Maersk".
    if ["including", "like", "such"]
        .iter()
        .any(|w| token.text.eq_ignore_ascii_case(w))
    {
        return listed_company_at(words, memory, i);
    }
    let folded = fold(token.text);
    let definite = folded == "the";
    let mut j = i + usize::from(definite);
    // A nationality or a country before the description: "French", "US".
    let nationality = tokens.get(j).is_some_and(|t| t.is_capitalized())
        && gazetteer
            .match_at(texts, j)
            .filter(|(e, _)| matches!(e.class, EntityClass::Demonym | EntityClass::Country))
            .map(|(_, used)| j += used)
            .is_some();
    if !definite && !nationality && !gazetteer.is_company_word(&folded) {
        return None;
    }
    let description_start = j;
    let mut sector = false;
    let mut noun = None;
    while j < tokens.len() && j < description_start + DESCRIPTION_WORDS {
        let t = &tokens[j];
        if t.text == "-" {
            j += 1;
            continue;
        }
        // A sentence may open on the description: "Oil company Shell said".
        if !t.is_word() || t.is_capitalized() && j != i {
            break;
        }
        let folded = fold(t.text);
        if gazetteer.is_company_noun(&folded) {
            noun = Some((j, folded));
            j += 1;
            break;
        }
        if gazetteer.is_company_sector(&folded) || folded == "and" {
            sector |= folded != "and";
            j += 1;
            continue;
        }
        break;
    }
    let (noun, noun_word) = noun?;
    // "group", "giant", "major" are a firm only with its trade before them ("energy
    // group", "oil major"); "the Palestinian militant group" is not one.
    if !sector && gazetteer.is_company_noun_needing_sector(&noun_word) {
        return None;
    }
    let name_end = (j..tokens.len())
        .take(NAME_WORDS)
        .take_while(|&k| tokens[k].is_word() && tokens[k].is_capitalized())
        .last()
        .map(|k| k + 1);
    match name_end {
        Some(end) if !definite => {
            let entity = named_company(texts, lexicon, j, end)?;
            remember(memory, texts, j, end, &entity);
            Some(NameMention {
                first: i,
                end,
                entity,
            })
        }
        // "the French oil major" with no firm named before: the firm as described,
        // still not France.
        None if definite => {
            let entity = memory.last_company.clone().or_else(|| {
                nationality.then(|| Entity {
                    name: texts[i + 1..=noun].join(" ").replace(" - ", "-"),
                    class: EntityClass::Organisation,
                    country: None,
                })
            })?;
            Some(NameMention {
                first: i,
                end: noun + 1,
                entity,
            })
        }
        _ => None,
    }
}

/// "companies including Total", "firms such as Maersk": the name listed after a
/// plural word for firms is a firm.
fn listed_company_at(
    words: Words<'_, '_>,
    memory: &mut ArticleMemory,
    i: usize,
) -> Option<NameMention> {
    let (tokens, texts, lexicon) = (words.tokens, words.texts, words.lexicon);
    let folded = |k: usize| tokens.get(k).map(|t| fold(t.text)).unwrap_or_default();
    let first = match folded(i).as_str() {
        "including" | "like" => i + 1,
        "such" if folded(i + 1) == "as" => i + 2,
        _ => return None,
    };
    let firms = i.checked_sub(1).map(folded).unwrap_or_default();
    if !firms.ends_with('s') || !lexicon.gazetteer.is_company_noun(&firms) {
        return None;
    }
    let end = (first..tokens.len())
        .take(NAME_WORDS)
        .take_while(|&k| tokens[k].is_word() && tokens[k].is_capitalized())
        .last()?
        + 1;
    let entity = named_company(texts, lexicon, first, end)?;
    remember(memory, texts, first, end, &entity);
    Some(NameMention { first, end, entity })
}

/// The firm the capitalised words `first..end` name: the gazetteer's own
/// organisation when it knows one ("private military company Wagner"), else a new
/// one acting for no state. A state or a person is no firm ("oil producer Saudi
/// Arabia").
fn named_company(texts: &[String], lexicon: &Lexicon, first: usize, end: usize) -> Option<Entity> {
    match lexicon.gazetteer.match_at(texts, first) {
        Some((entity, used)) if first + used == end => {
            (entity.class == EntityClass::Organisation).then(|| entity.clone())
        }
        Some((entity, _)) if entity.class != EntityClass::Organisation => None,
        _ => Some(Entity {
            name: texts[first..end].join(" "),
            class: EntityClass::Organisation,
            country: None,
        }),
    }
}

/// The last company named is who "the company" is; a one-word name is known bare
/// later in the article ("Total had suspended activities").
fn remember(
    memory: &mut ArticleMemory,
    texts: &[String],
    first: usize,
    end: usize,
    entity: &Entity,
) {
    memory.last_company = Some(entity.clone());
    if end == first + 1
        && !memory
            .short_forms
            .iter()
            .any(|(form, _)| *form == texts[first])
    {
        memory
            .short_forms
            .push((texts[first].clone(), entity.clone()));
    }
}
