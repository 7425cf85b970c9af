//! What the tagger and parser know of a word before context: hashes of its form, its
//! lower-cased form, its shape and affixes, computed once per token so that feature
//! extraction is only arithmetic.

use std::hash::Hasher;

use crate::hash::{fnv1a_64, Fnv1a};

/// A token's hashed views.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Lexeme {
    /// The form as written ("US" and "us" differ).
    pub form: u64,
    /// Lower-cased, with digits folded to `0` so that numbers share statistics.
    pub lower: u64,
    /// "Xxxx", "dd.dd", "X.X.": the spelling pattern, runs capped at two.
    pub shape: u64,
    pub prefix1: u64,
    pub prefix3: u64,
    pub suffix1: u64,
    pub suffix2: u64,
    pub suffix3: u64,
    pub suffix4: u64,
    /// First letter is upper case.
    pub capitalised: bool,
    /// Made of punctuation only.
    pub punctuation: bool,
}

/// Stands for the words before the first and after the last.
pub const PADDING: u64 = 0x5bd1_e995_0000_0001;

impl Lexeme {
    pub fn new(form: &str) -> Lexeme {
        // One pass builds the folded form; affixes are hashed from its characters
        // without building strings, since this runs for every token.
        let mut lower = String::with_capacity(form.len());
        for c in form.chars() {
            if c.is_ascii_digit() {
                lower.push('0');
            } else if c.is_ascii() {
                lower.push(c.to_ascii_lowercase());
            } else {
                lower.extend(c.to_lowercase());
            }
        }
        let starts: Vec<usize> = lower.char_indices().map(|(i, _)| i).collect();
        let n = starts.len();
        let at = |k: usize| starts.get(k).copied().unwrap_or(lower.len());
        let affix = |tag: u8, from: usize, to: usize| {
            fnv1a_64(std::iter::once(tag).chain(lower[at(from)..at(to)].bytes()))
        };
        Lexeme {
            form: fnv1a_64(form.bytes()),
            lower: fnv1a_64(lower.bytes()),
            shape: shape_hash(form),
            prefix1: affix(b'p', 0, n.min(1)),
            prefix3: affix(b'P', 0, n.min(3)),
            suffix1: affix(b's', n.saturating_sub(1), n),
            suffix2: affix(b'S', n.saturating_sub(2), n),
            suffix3: affix(b't', n.saturating_sub(3), n),
            suffix4: affix(b'T', n.saturating_sub(4), n),
            capitalised: form.chars().next().is_some_and(char::is_uppercase),
            punctuation: !form.is_empty() && form.chars().all(|c| !c.is_alphanumeric()),
        }
    }
}

/// The hash of [`shape`], without building the string.
fn shape_hash(form: &str) -> u64 {
    let mut hasher = Fnv1a::default();
    let mut buffer = [0u8; 4];
    for c in shape_chars(form) {
        hasher.write(c.encode_utf8(&mut buffer).as_bytes());
    }
    hasher.finish()
}

/// The spelling pattern of a word: upper case `X`, lower case `x`, digits `d`, other
/// characters as they are, each run cut to two ("Washington" → "Xxx", "1,200" → "d,dd").
pub fn shape(form: &str) -> String {
    shape_chars(form).collect()
}

fn shape_chars(form: &str) -> impl Iterator<Item = char> + '_ {
    let mut last = None;
    let mut run = 0;
    form.chars().take(24).filter_map(move |c| {
        let class = if c.is_uppercase() {
            'X'
        } else if c.is_lowercase() {
            'x'
        } else if c.is_ascii_digit() {
            'd'
        } else if c.is_alphabetic() {
            'x'
        } else {
            c
        };
        if Some(class) == last {
            run += 1;
        } else {
            run = 1;
            last = Some(class);
        }
        (run <= 2).then_some(class)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shapes_keep_the_pattern_not_the_length() {
        for (form, expected) in [
            ("Washington", "Xxx"),
            ("U.S.", "X.X."),
            ("2025", "dd"),
            ("COVID-19", "XX-dd"),
            ("n't", "x'x"),
            ("1,200", "d,dd"),
        ] {
            assert_eq!(shape(form), expected, "{form}");
        }
    }

    #[test]
    fn digits_are_folded_case_is_kept_apart() {
        assert_eq!(Lexeme::new("1999").lower, Lexeme::new("2025").lower);
        assert_ne!(Lexeme::new("US").form, Lexeme::new("us").form);
        assert_eq!(Lexeme::new("US").lower, Lexeme::new("us").lower);
        assert_eq!(Lexeme::new("Kyiv").shape, fnv1a_64(shape("Kyiv").bytes()));
        assert_eq!(Lexeme::new("Zürich").suffix3, Lexeme::new("ZÜRICH").suffix3);
    }
}
