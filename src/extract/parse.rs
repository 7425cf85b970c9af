//! The dependency parse of a sentence, for the rules that need syntax, with the
//! extractor's tokens mapped onto the parser's (which cut "Russia's" and "don't" as
//! the treebanks do).

use std::cell::{Ref, RefCell};

use crate::document;
use crate::syntax::tokenise::{tokenise_sentence, MAX_SENTENCE_TOKENS};
use crate::syntax::{Syntax, Tree};
use crate::text::Token;

/// A sentence's parse, with the extractor's tokens mapped onto the parser's.
pub(super) struct SentenceSyntax {
    pub(super) tree: Tree<'static>,
    /// For each extractor token, the parser token holding its first byte; None for
    /// the tokens of a wire dateline ("MOSCOW, Feb 5 (Reuters) –"), which is left out
    /// of the parse: it is no part of the sentence's grammar.
    pub(super) word_of: Vec<Option<usize>>,
    /// Words parsed: a prefix of the sentence, or all of it.
    extent: usize,
    complete: bool,
}

/// Words past the last one a rule asks about that the parse still reads. The tagger
/// and the parser go left to right and look two words ahead, so every arc and tag
/// within a prefix is the same as in the whole sentence's parse up to two words from
/// its end; eight words more leave room for an inverted speaker's titles and name
/// ("said Iranian Foreign Minister Abbas Araghchi"). Rules ask about the subject of
/// a verb, so the rest of a long sentence is never parsed.
const LOOKAHEAD: usize = 8;

/// A sentence's parse, made on first use (most sentences never need one) and made
/// again, longer, if a later rule asks about a word past its end.
#[derive(Default)]
pub(super) struct LazySyntax {
    parsed: RefCell<Option<Option<SentenceSyntax>>>,
}

impl LazySyntax {
    /// The parse, covering extractor token `through` with its context.
    pub(super) fn get(
        &self,
        tokens: &[Token<'_>],
        text: &str,
        start: usize,
        through: usize,
    ) -> Option<Ref<'_, SentenceSyntax>> {
        let (covered, asked_before) = match &*self.parsed.borrow() {
            Some(None) => return None,
            Some(Some(parsed)) => (parsed.covers(through), true),
            None => (false, false),
        };
        if !covered {
            // Asked a second time, further on: the rules read this sentence widely,
            // so parse it whole rather than prefix after prefix.
            let through = if asked_before { tokens.len() } else { through };
            let parsed = SentenceSyntax::parse(tokens, text, start, through);
            *self.parsed.borrow_mut() = Some(parsed);
        }
        Ref::filter_map(self.parsed.borrow(), |p| {
            p.as_ref().and_then(Option::as_ref)
        })
        .ok()
    }
}

impl SentenceSyntax {
    /// Parse the sentence `text`, which starts at byte `start` of the document and
    /// which `tokens` cut in the extractor's way. None if the built-in model cannot be
    /// read (a damaged build; the syntax tests catch that) or there are no words.
    /// Only the words up to extractor token `through`, and [`LOOKAHEAD`] more, are
    /// parsed.
    pub(super) fn parse(
        tokens: &[Token<'_>],
        text: &str,
        start: usize,
        through: usize,
    ) -> Option<Self> {
        let syntax = Syntax::english().ok()?;
        let body = dateline_end(tokens).map_or(start, |end| end.max(start));
        let words = tokenise_sentence(text.get(body - start..)?, body);
        // A "sentence" past this length is a list or a text without full stops: no
        // grammar to read, and a bound keeps extraction linear whatever the input.
        if words.is_empty() || words.len() > MAX_SENTENCE_TOKENS {
            return None;
        }
        let mut word_of = Vec::with_capacity(tokens.len());
        let mut w = 0;
        for token in tokens {
            if token.start < body {
                word_of.push(None);
                continue;
            }
            while w + 1 < words.len() && words[w].end <= token.start {
                w += 1;
            }
            word_of.push(Some(w));
        }
        let last = word_of
            .get(through)
            .copied()
            .flatten()
            .unwrap_or(words.len());
        let extent = words.len().min(last + LOOKAHEAD + 1);
        for slot in &mut word_of {
            if slot.is_some_and(|w| w >= extent) {
                *slot = None;
            }
        }
        let forms: Vec<&str> = words[..extent].iter().map(|w| w.form.as_str()).collect();
        let tree = syntax.analyse(&forms);
        Some(SentenceSyntax {
            tree,
            word_of,
            extent,
            complete: extent == words.len(),
        })
    }

    /// Does this parse read extractor token `through` with all its context?
    fn covers(&self, through: usize) -> bool {
        match self.word(through) {
            Some(w) => self.complete || w + LOOKAHEAD < self.extent,
            // Past the prefix, or in a dateline (never parsed: no prefix helps).
            None => self.complete || self.word_of.get(through).is_none(),
        }
    }

    /// The first extractor token of parser token `word`.
    pub(super) fn token_of(&self, word: usize) -> Option<usize> {
        self.word_of.iter().position(|&w| w == Some(word))
    }

    /// The parser token of extractor token `token`.
    pub(super) fn word(&self, token: usize) -> Option<usize> {
        self.word_of.get(token).copied().flatten()
    }
}

/// Where a wire dateline that opens the sentence ends: a place in capitals, a comma,
/// then a dash within a few tokens ("MOSCOW, Feb 5 (Reuters) –", "GAZA CITY, Dec 2
/// (AP) —").
fn dateline_end(tokens: &[Token<'_>]) -> Option<usize> {
    let place = document::dateline_place_len(tokens);
    if place == 0 || tokens.get(place).map(|t| t.text) != Some(",") {
        return None;
    }
    tokens
        .iter()
        .take(place + 12)
        .skip(place + 1)
        .find(|t| matches!(t.text, "–" | "—" | "-"))
        .map(|dash| dash.end)
}
