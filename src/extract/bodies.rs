//! Bodies a text names by what they are, not by a name: "the ruling military
//! council", "Sudan's pro-democracy movement", "the main opposition coalition".

use super::gazetteer::{Entity, EntityClass};
use super::memory::ArticleMemory;
use super::names::{name_has_word, NameFinder};
use super::view::NameMention;
use crate::text::{fold, is_possessive};

/// Lowercase words a described body may have before its head.
const MODIFIERS: usize = 3;

impl NameFinder<'_, '_> {
    /// A body described at `i`: one to three lowercase modifiers, at least one of
    /// which says which body it is, then a head word (see `described_body_heads`),
    /// after "the", a possessive pronoun or an owner's "'s". It is known by those
    /// words and acts for no state. "The military council" after a body whose name
    /// has "council", or "the militant movement" after any body, refers back to it
    /// instead (see `body_reference_at`); a name after the head is the body's own
    /// ("the opposition coalition Forces for Freedom and Change").
    pub(super) fn described_body_at(
        &self,
        memory: &ArticleMemory,
        i: usize,
    ) -> Option<NameMention> {
        let tokens = self.tokens;
        let gazetteer = &self.lexicon.gazetteer;
        // Cheap tests first: this runs at every word of every sentence.
        let token = tokens.get(i)?;
        if i == 0 || !token.is_word() || token.is_capitalized() || !self.opens_description(i) {
            return None;
        }
        let lowercase = |j: usize| {
            tokens
                .get(j)
                .is_some_and(|t| t.is_word() && !t.is_capitalized())
        };
        let mut words = Vec::new();
        let mut j = i;
        while lowercase(j) && words.len() <= MODIFIERS {
            let end = self.joined_end(j, lowercase);
            let word = tokens[j..end]
                .iter()
                .map(|t| fold(t.text))
                .collect::<String>();
            words.push(word);
            j = end;
            if gazetteer.is_described_body_head(words.last()?) {
                break;
            }
        }
        let (head, modifiers) = words.split_last()?;
        let descriptive = modifiers.iter().any(|m| {
            !gazetteer.is_undescriptive_modifier(m)
                && m.chars().all(|c| c.is_alphabetic() || c == '-')
        });
        if modifiers.is_empty() || !descriptive || !gazetteer.is_described_body_head(head) {
            return None;
        }
        // "the council of elders", "the coalition Forces for Freedom and Change", "the
        // military council's": another name, or the start of one.
        let next = tokens.get(j);
        if next.is_some_and(|t| {
            t.is_capitalized() || t.text.eq_ignore_ascii_case("of") || t.text == "-"
        }) {
            return None;
        }
        // "the court", "the council": the last body only when its name has the
        // head; "the militant movement": whichever body the article named last.
        let refers_back = memory.last_body.as_ref().is_some_and(|body| {
            if gazetteer.is_named_body_reference(head) {
                name_has_word(&body.name, head)
            } else {
                gazetteer.is_body_reference(head) && tokens[i - 1].text.eq_ignore_ascii_case("the")
            }
        });
        if refers_back {
            return None;
        }
        Some(NameMention {
            first: i,
            end: j,
            entity: Entity {
                name: words.join(" "),
                class: EntityClass::Organisation,
                country: None,
            },
        })
    }

    /// Does a description start at `i`: after "the", "its", "their" or an owner's "'s"?
    /// (Compared without folding: this runs at every lowercase word.)
    fn opens_description(&self, i: usize) -> bool {
        let before = self.tokens[i - 1].text;
        ["the", "its", "their"]
            .iter()
            .any(|opener| before.eq_ignore_ascii_case(opener))
            || i >= 2 && is_possessive(self.texts, i - 2)
    }
}
