//! Names the article introduces that the gazetteer does not know: a place after
//! "in" or before "province", a person of two to five words, and later the same
//! person by surname or role and the same place again.

use super::gazetteer::{Entity, EntityClass};
use super::lexicon::Lexicon;
use super::memory::ArticleMemory;
use super::names::{person, spoken_name, NameFinder};
use super::view::NameMention;
use crate::text::{fold, is_possessive, Token};

impl NameFinder<'_, '_> {
    pub(super) fn place_met_before(&self, memory: &ArticleMemory, i: usize) -> Option<NameMention> {
        let (tokens_of, entity) = memory
            .places
            .iter()
            .find(|(p, _)| self.texts.get(i..i + p.len()) == Some(p.as_slice()))?;
        Some(NameMention {
            first: i,
            end: i + tokens_of.len(),
            entity: entity.clone(),
        })
    }

    /// "the envoy", "the special envoy": the person the article gave that title.
    pub(super) fn person_by_role(&self, memory: &ArticleMemory, i: usize) -> Option<NameMention> {
        let tokens = self.tokens;
        if fold(tokens[i].text) != "the" {
            return None;
        }
        // Hyphenated titles are one role: "the Secretary-General".
        let run = (i + 1..tokens.len())
            .take_while(|&j| {
                tokens[j].is_word() && self.is_title(j)
                    || tokens[j].text == "-"
                        && j > i + 1
                        && tokens.get(j + 1).is_some_and(|t| t.is_word())
                        && self.is_title(j + 1)
            })
            .count();
        let after = i + 1 + run;
        let named_next = tokens
            .get(after)
            .is_some_and(|t| t.is_capitalized() && t.is_word());
        if run == 0 || named_next {
            return None;
        }
        let title = fold(tokens[after - 1].text);
        let (_, name) = memory.roles.iter().rev().find(|(t, _)| *t == title)?;
        Some(NameMention {
            first: i + 1,
            end: after,
            entity: person(name.clone()),
        })
    }

    pub(super) fn person_by_surname(
        &self,
        memory: &ArticleMemory,
        i: usize,
    ) -> Option<NameMention> {
        let (_, full) = memory
            .surnames
            .iter()
            .find(|(surname, _)| *surname == self.texts[i])?;
        Some(NameMention {
            first: i,
            end: i + 1,
            entity: person(full.clone()),
        })
    }

    fn could_be_name(&self, j: usize) -> bool {
        let gazetteer = &self.lexicon.gazetteer;
        self.tokens.get(j).is_some_and(|t| {
            t.is_word()
                && t.is_capitalized()
                && t.text.chars().any(char::is_lowercase)
                && !gazetteer.not_names.contains(t.text)
                // A word that only opens a known name ("Ali" of "Ali Khamenei") may
                // open another ("Ali Bagheri").
                && (!gazetteer.knows(&self.texts[j]) || gazetteer.match_at(self.texts, j).is_none())
                && !self.is_title(j)
                && !self.lexicon.temporal.months.contains_key(&fold(t.text))
        })
    }

    /// "Theresa May", "Mrs May": a month's name after a given name or a title, with
    /// no day or year after it, is a surname.
    fn month_as_surname(&self, j: usize, opening: bool) -> bool {
        let Some(token) = self.tokens.get(j) else {
            return false;
        };
        let month = token.is_word()
            && token.is_capitalized()
            && token.text.chars().any(char::is_lowercase)
            && self.lexicon.temporal.months.contains_key(&fold(token.text));
        let dated = self
            .tokens
            .get(j + 1)
            .is_some_and(|t| t.kind == crate::text::TokenKind::Number);
        month && !dated && (!opening || j > 0 && self.is_title(j - 1))
    }

    /// A word the gazetteer knows only as the surname of someone else, inside a name
    /// nobody introduced: "Xi" in "Captain Li Xi", "Abbas" in "Jalil Abbas Jilani".
    fn surname_of_another(&self, j: usize) -> Option<&Entity> {
        let token = self.tokens.get(j)?;
        let capitalised_word = token.is_word() && token.is_capitalized();
        if !capitalised_word || !self.lexicon.gazetteer.knows(&self.texts[j]) {
            return None;
        }
        self.lexicon
            .gazetteer
            .match_at(self.texts, j)
            .filter(|(entity, used)| *used == 1 && entity.class == EntityClass::Person)
            .map(|(entity, _)| entity)
    }

    /// Such a surname as part of a new name: after its first word ("Li Xi"), or
    /// opening it before a word nobody knows ("Ali Bagheri", "Abbas Araghchi").
    pub(super) fn other_surname_in_name(&self, j: usize, opening: bool) -> bool {
        let Some(known) = self.surname_of_another(j) else {
            return false;
        };
        if opening {
            return self.could_be_name(j + 1);
        }
        // "Sergey Lavrov" is the known Sergei Lavrov, spelt another way.
        let known_given = known.name.split(' ').next().map(fold);
        let before = fold(&self.texts[j - 1]);
        !known_given.is_some_and(|given| transliterated(&given, &before))
    }

    /// "Al-Fula", "Ivano-Frankivsk": capitalised parts joined by a hyphen are one word;
    /// so is a romanised given name with a lowercase syllable after its hyphen
    /// ("Lai Ching-te", "Kim Jong-un"), but not an English compound ("Sweida-based").
    fn hyphenated(&self, j: usize) -> bool {
        let tokens = self.tokens;
        let touching = |joiner: &str| {
            tokens.get(j + 1).is_some_and(|h| h.text == joiner)
                && tokens[j].touches(&tokens[j + 1])
                && tokens.get(j + 2).is_some_and(|t| tokens[j + 1].touches(t))
        };
        if touching("-") {
            return self.could_be_name(j + 2) || self.name_syllable(j + 2);
        }
        // "Dinis N'Tchama", "O'Brien": an elided capital before an apostrophe.
        let elided = tokens[j].text.len() == 1 && tokens[j].is_capitalized();
        elided && (touching("'") || touching("\u{2019}")) && self.could_be_name(j + 2)
    }

    /// A lowercase syllable that ends a romanised given name: short, and not an
    /// English word that forms compounds ("-led", "-run", "-era").
    fn name_syllable(&self, j: usize) -> bool {
        const LONGEST: usize = 5;
        self.tokens.get(j).is_some_and(|t| {
            t.is_word()
                && (2..=LONGEST).contains(&t.text.len())
                && t.text.bytes().all(|b| b.is_ascii_lowercase())
                && !self.lexicon.gazetteer.is_compound_tail(t.text)
        })
    }

    /// How many tokens from `i` on could be a name nobody has introduced yet.
    pub(super) fn capitalised_run(&self, i: usize) -> usize {
        let mut run = 0;
        while self.could_be_name(i + run)
            || self.other_surname_in_name(i + run, run == 0)
            || self.month_as_surname(i + run, run == 0)
            || self.tokens.get(i + run).is_some_and(|t| t.text.len() == 1)
                && self.hyphenated(i + run)
        {
            run += if self.hyphenated(i + run) { 3 } else { 1 };
        }
        // "Majed al-Ansari", "Mohammed bin Salman", "Badr bin Hamad bin Hamood
        // Albusaidi": particles inside a name, each followed by more of it.
        while run >= 1 {
            let k = i + run;
            let particle = self
                .tokens
                .get(k)
                .is_some_and(|t| self.lexicon.gazetteer.is_name_particle(&fold(t.text)));
            let hyphen = self.tokens.get(k + 1).is_some_and(|t| t.text == "-");
            let rest = k + 1 + usize::from(hyphen);
            // After a particle even a word the gazetteer knows is part of the name
            // ("Mohammed Ali al-Houthi" is a man, not the Houthis).
            let surname = self.could_be_name(rest)
                || self
                    .tokens
                    .get(rest)
                    .is_some_and(|t| t.is_word() && t.is_capitalized());
            if !(particle && surname) {
                break;
            }
            run = rest + 1 - i;
            while self.could_be_name(i + run) {
                run += if self.hyphenated(i + run) { 3 } else { 1 };
            }
        }
        run
    }

    /// "Ternopil, Ukraine", "Ternopil in western Ukraine": the country the words
    /// right after a capitalised run put it in, which makes the run a place there.
    /// (Not "Zelensky, Ukraine's president": a possessive country is someone's.)
    fn country_after(&self, first: usize, end: usize) -> Option<String> {
        let texts = self.texts;
        let gazetteer = &self.lexicon.gazetteer;
        // "Prime Minister Han Duck-soo, South Korea's No. 2", "Trade Representative
        // Li Chenggang in Malaysia": a title makes the run a person.
        if first > 0 && self.is_title(first - 1) {
            return None;
        }
        let mut at = end;
        match texts.get(at).map(String::as_str) {
            Some(",") => at += 1,
            // ("talks with Li Chenggang in Malaysia": a place after "in" places
            // the run only where the run is a target or a place itself, "an
            // attack on Ternopil in western Ukraine".)
            Some("in") if first > 0 && gazetteer.is_place_target_word(&fold(&texts[first - 1])) => {
                at += 1;
                if texts
                    .get(at)
                    .is_some_and(|t| gazetteer.is_compass_word(&fold(t)))
                {
                    at += 1;
                }
            }
            _ => return None,
        }
        let (entity, len) = gazetteer.match_at(texts, at)?;
        // "Rich Verma, U.S. Deputy Secretary of State": a title after the country
        // describes a person.
        let closes = self
            .tokens
            .get(at + len)
            .is_none_or(|t| !t.is_word() && !t.is_apostrophe() || !t.is_capitalized());
        (entity.class == EntityClass::Country && closes && !is_possessive(texts, at + len))
            .then(|| entity.name.clone())
    }

    /// A capitalised run the article introduces: a place after "in" and the like,
    /// else a person of two to five words, whose surname is remembered.
    pub(super) fn introduced(
        &self,
        memory: &mut ArticleMemory,
        names: &[NameMention],
        i: usize,
        run: usize,
        headline: bool,
    ) -> Option<NameMention> {
        if headline {
            return None;
        }
        let texts = self.texts;
        // "Deir ez-Zor" is two words of a place: particles and hyphens join.
        let place_words = texts[i..i + run]
            .iter()
            .filter(|t| *t != "-" && !self.lexicon.gazetteer.is_name_particle(&fold(t)))
            .count();
        if (1..=3).contains(&place_words) {
            let placed = introduces_place(self.tokens, names, self.lexicon, i, i + run)
                .or_else(|| self.country_after(i, i + run).map(Some));
            if let Some(country) = placed {
                let entity = Entity {
                    name: spoken_name(&texts[i..i + run]),
                    class: EntityClass::Place,
                    country,
                };
                memory
                    .places
                    .push((texts[i..i + run].to_vec(), entity.clone()));
                return Some(NameMention {
                    first: i,
                    end: i + run,
                    entity,
                });
            }
        }
        // Particles and hyphens make a name longer, not more names: "Arab-Islamic" is
        // one word, "Lai Ching-te" two, "Majed al-Ansari" two.
        let particle = |t: &str| self.lexicon.gazetteer.is_name_particle(&fold(t));
        let name_words = (i..i + run)
            .filter(|&k| {
                let joined = k >= i + 2 && texts[k - 1] == "-" && !particle(&texts[k - 2]);
                texts[k] != "-" && !particle(&texts[k]) && !joined
            })
            .count();
        // "President Ruto", "Pope Francis", "Father Konvolbo": a person's title before
        // a single capitalised word makes it a surname.
        // ("Foreign Minister Sergey Lavrov": a name goes on after it; "the General
        // Staff": a body's head word.)
        let titled_surname = run == 1
            && name_words == 1
            && i > 0
            && self.tokens[i - 1].is_capitalized()
            && !self.tokens.get(i + 1).is_some_and(|t| t.is_capitalized())
            && !self
                .lexicon
                .gazetteer
                .is_organisation_head(&fold(texts[i].as_str()))
            && self
                .lexicon
                .gazetteer
                .is_person_title(&fold(texts[i - 1].as_str()));
        if titled_surname {
            return Some(introduce_person(texts, i - 1..i + 1, memory));
        }
        if run < 2 || !(2..=5).contains(&name_words) {
            return None;
        }
        // "the Rose Garden", "the Emerald Triangle": English puts no article before
        // a person's name, so a run after "the" names a thing or a place.
        if i > 0 && fold(texts[i - 1].as_str()) == "the" {
            return None;
        }
        Some(introduce_person(texts, i..i + run, memory))
    }
}

/// Two spellings of one given name ("sergei", "sergey"; "mohammed", "mohammad"):
/// the same first letter and at most one edit in four letters.
fn transliterated(a: &str, b: &str) -> bool {
    const LETTERS_PER_EDIT: usize = 4;
    a.chars().next() == b.chars().next()
        && a.len().min(b.len()) >= 3
        && crate::text::spelling_distance(a, b) <= a.len().max(b.len()) / LETTERS_PER_EDIT
}

/// A person the article introduces at `span` (title included when one makes the
/// name: "President Ruto"), whose surname, the span's last word, is remembered.
fn introduce_person(
    texts: &[String],
    span: std::ops::Range<usize>,
    memory: &mut ArticleMemory,
) -> NameMention {
    let full = spoken_name(&texts[span.clone()]);
    // "Ferdinand Marcos Jr": the surname stands before a generational suffix.
    let last = match texts[span.end - 1].as_str() {
        "Jr" | "Sr" if span.len() >= 3 => span.end - 2,
        _ => span.end - 1,
    };
    // "Lai Ching-te", "Lee Jae-myung": a romanised given name in two syllables
    // joined by a hyphen follows the family name, which is what a later "President
    // Lai" repeats.
    let family_first = span.len() == 4 && texts[span.start + 2] == "-";
    let surnames = [
        Some(texts[last].clone()),
        family_first.then(|| texts[span.start].clone()),
    ];
    for surname in surnames.into_iter().flatten() {
        if !memory.surnames.iter().any(|(s, _)| *s == surname) {
            memory.surnames.push((surname, full.clone()));
        }
    }
    NameMention {
        first: span.start,
        end: span.end,
        entity: person(full),
    }
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
        // "the Somali capital Mogadishu", "the port city Sevastopol"
        || settlement(&before) && first >= 2 && {
            let determiner = word(first - 2);
            determiner == "the" || settlement(&determiner)
                || names.iter().any(|m| m.end == first - 1 && m.entity.class == EntityClass::Demonym)
        }
        // "Kazakhstan's largest city, Almaty, ...": an appositive that the phrase
        // closes.
        || before == "," && first >= 2 && settlement(&word(first - 2))
            // (A possessive after it is someone's: see below.)
            && (tokens.get(end).is_none_or(|t| !t.is_word())
                || matches!(after_word.as_str(), "on" | "in" | "at" | "where"))
        || gazetteer.is_region(&after_word);
    // A person's name after "in" is rare; a run followed by a possessive or a
    // title is someone ("in Hassan Rashad's view").
    if !introduced || tokens.get(end).is_some_and(|t| t.is_apostrophe()) {
        return None;
    }
    // "in Northwest Nigeria", "in the North West": a side of a country is no place
    // of its own (the country after it is the place).
    let compass_only = (first..end).all(|j| {
        let t = &tokens[j];
        t.text == "-" || gazetteer.is_compass_word(&fold(t.text))
    });
    if compass_only {
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
