//! Text into sentences of tokens as the UD English treebanks cut them: punctuation
//! apart, clitics split ("don't" → "do" "n't", "Russia's" → "Russia" "'s", "I'm" →
//! "I" "'m"), hyphens and slashes between words apart ("US-Russia" → "US" "-"
//! "Russia"), while abbreviations ("U.S.", "Mr."), numbers ("1,200", "3.5"), times
//! ("10:30"), URLs and e-mail addresses stay whole. Sentences come from
//! [`crate::text::split_sentences`].

use crate::text::split_sentences;

/// A token with its byte range in the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    pub form: String,
    pub start: usize,
    pub end: usize,
    /// Is there white space (or the end of the sentence) after it?
    pub space_after: bool,
}

/// A sentence longer than this is cut into pieces of this many tokens: nothing
/// written to be read has sentences this long, and a bound keeps every later stage's
/// cost per sentence bounded, whatever the input.
pub const MAX_SENTENCE_TOKENS: usize = 250;

/// Abbreviations whose full stop belongs to the word.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "maj", "capt", "sgt", "adm", "gov", "sen",
    "rep", "rev", "st", "jr", "sr", "vs", "no", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
    "sep", "sept", "oct", "nov", "dec", "inc", "corp", "co", "ltd", "etc", "approx", "dept", "mt",
    "ft", "pres", "gov't", "messrs",
];

/// Clitics split off the end of a word, longest first.
const CLITICS: &[&str] = &["n't", "'s", "'re", "'ve", "'ll", "'d", "'m"];

/// Split `text` into sentences of UD tokens. The second value counts the sentences
/// that were cut for being longer than [`MAX_SENTENCE_TOKENS`].
pub fn tokenise(text: &str) -> (Vec<Vec<Token>>, usize) {
    let mut sentences = Vec::new();
    let mut cut = 0;
    for sentence in split_sentences(text) {
        let tokens = tokenise_sentence(sentence.text, sentence.start);
        if tokens.is_empty() {
            continue;
        }
        if tokens.len() > MAX_SENTENCE_TOKENS {
            cut += 1;
        }
        let mut tokens = tokens;
        while tokens.len() > MAX_SENTENCE_TOKENS {
            let rest = tokens.split_off(MAX_SENTENCE_TOKENS);
            sentences.push(tokens);
            tokens = rest;
        }
        sentences.push(tokens);
    }
    (sentences, cut)
}

/// Tokens of one sentence that starts at byte `base` of the text.
pub fn tokenise_sentence(text: &str, base: usize) -> Vec<Token> {
    let mut tokens = Vec::new();
    let mut chunk_start = None;
    for (i, c) in text
        .char_indices()
        .chain(std::iter::once((text.len(), ' ')))
    {
        if c.is_whitespace() {
            if let Some(start) = chunk_start.take() {
                split_chunk(&text[start..i], base + start, &mut tokens);
                if let Some(last) = tokens.last_mut() {
                    last.space_after = true;
                }
            }
        } else if chunk_start.is_none() {
            chunk_start = Some(i);
        }
    }
    tokens
}

fn push(tokens: &mut Vec<Token>, form: &str, start: usize) {
    if form.is_empty() {
        return;
    }
    tokens.push(Token {
        form: form.to_string(),
        start,
        end: start + form.len(),
        space_after: false,
    });
}

/// Characters that stand alone when they open or close a chunk.
fn is_edge_punctuation(c: char) -> bool {
    !c.is_alphanumeric() && !matches!(c, '#' | '@' | '&')
}

fn split_chunk(chunk: &str, base: usize, tokens: &mut Vec<Token>) {
    if chunk.contains("://") || (chunk.contains('@') && chunk.contains('.')) {
        // URLs and e-mail addresses, less the punctuation that closes the sentence.
        let core = chunk.trim_end_matches(['.', ',', ';', ':', ')', '"', '”', '\'', '’']);
        push(tokens, core, base);
        split_trailing(&chunk[core.len()..], base + core.len(), tokens);
        return;
    }
    // Opening punctuation, runs of one mark together ("--", "...").
    let mut start = 0;
    while let Some(c) = chunk[start..].chars().next() {
        if !is_edge_punctuation(c) {
            break;
        }
        let run = run_of(&chunk[start..], c);
        push(tokens, &chunk[start..start + run], base + start);
        start += run;
    }
    // Closing punctuation, unless it is the full stop of an abbreviation.
    let mut end = chunk.len();
    while let Some(c) = chunk[start..end].chars().next_back() {
        if !is_edge_punctuation(c) || c == '.' && keeps_full_stop(&chunk[start..end]) {
            break;
        }
        end -= c.len_utf8();
    }
    split_word(&chunk[start..end], base + start, tokens);
    split_trailing(&chunk[end..], base + end, tokens);
}

/// Closing punctuation, runs of one mark together.
fn split_trailing(rest: &str, base: usize, tokens: &mut Vec<Token>) {
    let mut at = 0;
    while let Some(c) = rest[at..].chars().next() {
        let run = run_of(&rest[at..], c);
        push(tokens, &rest[at..at + run], base + at);
        at += run;
    }
}

fn run_of(text: &str, c: char) -> usize {
    text.chars()
        .take_while(|&d| d == c)
        .map(char::len_utf8)
        .sum()
}

/// Does the full stop ending `word` belong to it (an abbreviation or initials)?
fn keeps_full_stop(word: &str) -> bool {
    let stem = &word[..word.len() - 1];
    if stem.is_empty() {
        return false;
    }
    let lower = stem.to_lowercase();
    if ABBREVIATIONS.contains(&lower.as_str()) {
        return true;
    }
    // "U.S.", "p.m.", "J.": letters each followed by a full stop.
    let parts: Vec<&str> = stem.split('.').collect();
    parts
        .iter()
        .all(|p| p.chars().count() == 1 && p.chars().all(char::is_alphabetic))
}

/// Split a word without its outer punctuation: clitics off the end, then hyphens,
/// slashes and other inner punctuation that is not part of a number or abbreviation.
fn split_word(word: &str, base: usize, tokens: &mut Vec<Token>) {
    if word.is_empty() {
        return;
    }
    let normal = word.replace('’', "'");
    let lower = normal.to_lowercase();
    for clitic in CLITICS {
        if lower.len() > clitic.len() && lower.ends_with(clitic) {
            // Byte lengths differ when the apostrophe is curly: cut at the same
            // character count from the end.
            let clitic_chars = clitic.chars().count();
            let cut = word
                .char_indices()
                .rev()
                .nth(clitic_chars - 1)
                .map_or(0, |(i, _)| i);
            if cut == 0 {
                break;
            }
            split_inner(&word[..cut], base, tokens);
            push(tokens, &word[cut..], base + cut);
            return;
        }
    }
    split_inner(word, base, tokens);
}

/// Split at hyphens, slashes and other marks inside a word, but keep numbers
/// ("1,200", "3.5", "10:30") and dotted abbreviations ("U.S") whole.
fn split_inner(word: &str, base: usize, tokens: &mut Vec<Token>) {
    let chars: Vec<(usize, char)> = word.char_indices().collect();
    let mut piece_start = 0;
    for (k, &(i, c)) in chars.iter().enumerate() {
        if c.is_alphanumeric() || matches!(c, '\'' | '’' | '&' | '#' | '@') {
            continue;
        }
        let before = k.checked_sub(1).map(|j| chars[j].1);
        let after = chars.get(k + 1).map(|&(_, d)| d);
        let between_digits =
            before.is_some_and(|b| b.is_ascii_digit()) && after.is_some_and(|a| a.is_ascii_digit());
        if matches!(c, ',' | '.' | ':') && between_digits {
            continue;
        }
        // Dotted abbreviations ("U.S"), and the full stop the caller left on one.
        if c == '.' && after.is_none_or(char::is_alphabetic) {
            continue;
        }
        push(tokens, &word[piece_start..i], base + piece_start);
        push(tokens, &word[i..i + c.len_utf8()], base + i);
        piece_start = i + c.len_utf8();
    }
    push(tokens, &word[piece_start..], base + piece_start);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn forms(text: &str) -> Vec<String> {
        tokenise_sentence(text, 0)
            .into_iter()
            .map(|t| t.form)
            .collect()
    }

    #[test]
    fn cuts_as_the_treebanks_do() {
        for (text, expected) in [
            ("Don't go.", "Do n't go ."),
            (
                "Russia's envoy can't come.",
                "Russia 's envoy ca n't come .",
            ),
            (
                "“We’re ready,” said Mr. Putin.",
                "“ We ’re ready , ” said Mr. Putin .",
            ),
            ("The U.S. and the E.U. met.", "The U.S. and the E.U. met ."),
            (
                "US-Russia talks (in Geneva)",
                "US - Russia talks ( in Geneva )",
            ),
            (
                "It cost $1,200.50 at 10:30 p.m.",
                "It cost $ 1,200.50 at 10:30 p.m.",
            ),
            ("AT&T rose 5%.", "AT&T rose 5 % ."),
            (
                "and/or the 2014-2015 truce...",
                "and / or the 2014 - 2015 truce ...",
            ),
            (
                "See https://example.com/a-b.",
                "See https://example.com/a-b .",
            ),
            ("the soldiers' families", "the soldiers ' families"),
            ("I'm here -- now!", "I 'm here -- now !"),
        ] {
            assert_eq!(forms(text).join(" "), expected, "{text}");
        }
    }

    #[test]
    fn offsets_point_at_the_text() {
        let text = "Putin’s aide said “no”.";
        for token in tokenise_sentence(text, 0) {
            assert_eq!(&text[token.start..token.end], token.form);
        }
    }

    #[test]
    fn long_sentences_are_cut() {
        let text = "word ".repeat(MAX_SENTENCE_TOKENS * 2 + 3);
        let (sentences, cut) = tokenise(&text);
        assert_eq!(cut, 1);
        assert_eq!(sentences.len(), 3);
        assert!(sentences.iter().all(|s| s.len() <= MAX_SENTENCE_TOKENS));
    }
}
