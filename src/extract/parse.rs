//! The dependency parse of a sentence, for the rules that need syntax, with the
//! extractor's tokens mapped onto the parser's (which cut "Russia's" and "don't" as
//! the treebanks do).

use std::cell::OnceCell;

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
}

/// Parsed on first use: most sentences never need it.
pub(super) type LazySyntax = OnceCell<Option<SentenceSyntax>>;

impl SentenceSyntax {
    /// Parse the sentence `text`, which starts at byte `start` of the document and
    /// which `tokens` cut in the extractor's way. None if the built-in model cannot be
    /// read (a damaged build; the syntax tests catch that) or there are no words.
    pub(super) fn parse(tokens: &[Token<'_>], text: &str, start: usize) -> Option<Self> {
        let syntax = Syntax::english().ok()?;
        let body = dateline_end(tokens).map_or(start, |end| end.max(start));
        let words = tokenise_sentence(text.get(body - start..)?, body);
        // A "sentence" past this length is a list or a text without full stops: no
        // grammar to read, and a bound keeps extraction linear whatever the input.
        if words.is_empty() || words.len() > MAX_SENTENCE_TOKENS {
            return None;
        }
        let forms: Vec<&str> = words.iter().map(|w| w.form.as_str()).collect();
        let tree = syntax.analyse(&forms);
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
        Some(SentenceSyntax { tree, word_of })
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
