//! What `dateline parse` prints: sentences as CoNLL-U, or as indented trees for a
//! person to read.

use std::fmt::Write as _;

use super::conllu::{Sentence, Word};
use super::model::Syntax;
use super::tokenise::tokenise;
use super::tree::Tree;

/// Tokenise, tag and parse a text. Also returns how many sentences were cut for
/// length (see [`super::tokenise::MAX_SENTENCE_TOKENS`]).
pub fn parse_text(syntax: &Syntax, text: &str) -> (Vec<Sentence>, usize) {
    let (sentences, cut) = tokenise(text);
    let parsed = sentences
        .iter()
        .enumerate()
        .map(|(index, tokens)| {
            let forms: Vec<&str> = tokens.iter().map(|t| t.form.as_str()).collect();
            let tree = syntax.analyse(&forms);
            let (first, last) = (&tokens[0], &tokens[tokens.len() - 1]);
            let sentence_text: String = text[first.start..last.end]
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ");
            let words = tokens
                .iter()
                .enumerate()
                .map(|(i, token)| {
                    let mut word = analysed_word(&tree, i, &token.form);
                    word.misc = format!("TokenRange={}:{}", token.start, token.end);
                    if !token.space_after && i + 1 < tokens.len() {
                        word.misc.push_str("|SpaceAfter=No");
                    }
                    word
                })
                .collect();
            Sentence {
                comments: vec![
                    format!(" sent_id = {}", index + 1),
                    format!(" text = {sentence_text}"),
                ],
                words,
                other_lines: Vec::new(),
                line: 0,
            }
        })
        .collect();
    (parsed, cut)
}

/// Tag and parse sentences whose tokens are given, keeping their comments, lemmas,
/// multi-word token lines and MISC; the enhanced graph (DEPS) no longer fits the new
/// tree and is cleared.
pub fn parse_given(syntax: &Syntax, sentences: &mut [Sentence]) {
    for sentence in sentences {
        let forms: Vec<&str> = sentence.words.iter().map(|w| w.form.as_str()).collect();
        let tree = syntax.analyse(&forms);
        for (i, word) in sentence.words.iter_mut().enumerate() {
            let analysed = analysed_word(&tree, i, &word.form);
            word.upos = analysed.upos;
            word.xpos = analysed.xpos;
            word.feats = analysed.feats;
            word.head = analysed.head;
            word.deprel = analysed.deprel;
            word.deps = String::new();
        }
    }
}

fn analysed_word(tree: &Tree<'_>, i: usize, form: &str) -> Word {
    Word {
        form: form.to_string(),
        lemma: String::new(),
        upos: tree.upos(i).to_string(),
        xpos: tree.xpos(i).to_string(),
        feats: tree.feats(i),
        head: Some(tree.head(i).map_or(0, |h| h + 1)),
        deprel: tree.deprel(i).to_string(),
        deps: String::new(),
        misc: String::new(),
    }
}

/// Each sentence as an indented tree: a word, then its dependents one level deeper,
/// in word order.
pub fn to_text(sentences: &[Sentence]) -> String {
    let mut out = String::new();
    for (index, sentence) in sentences.iter().enumerate() {
        let text = sentence
            .comments
            .iter()
            .find_map(|c| c.trim().strip_prefix("text = "))
            .map_or_else(
                || {
                    let forms: Vec<&str> = sentence.words.iter().map(|w| w.form.as_str()).collect();
                    forms.join(" ")
                },
                str::to_string,
            );
        let _ = writeln!(out, "# {}: {text}", index + 1);
        let n = sentence.words.len();
        let mut dependents: Vec<Vec<usize>> = vec![Vec::new(); n + 1];
        for (i, word) in sentence.words.iter().enumerate() {
            let head = word.head.filter(|&h| h <= n).unwrap_or(0);
            dependents[head].push(i + 1);
        }
        // An explicit stack: a tree may be as deep as the sentence is long.
        let mut pending: Vec<(usize, usize)> =
            dependents[0].iter().rev().map(|&w| (w, 0)).collect();
        let mut printed = vec![false; n + 1];
        while let Some((id, depth)) = pending.pop() {
            if std::mem::replace(&mut printed[id], true) {
                continue;
            }
            let word = &sentence.words[id - 1];
            let _ = writeln!(
                out,
                "{:indent$}{} [{}] {} {}/{}",
                "",
                word.form,
                id,
                word.deprel,
                word.upos,
                word.xpos,
                indent = 2 * depth
            );
            pending.extend(dependents[id].iter().rev().map(|&d| (d, depth + 1)));
        }
        out.push('\n');
    }
    out
}
