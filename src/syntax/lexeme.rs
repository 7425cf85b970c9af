//! What the tagger and parser know of a word before context: hashes of its form, its
//! lower-cased form, its shape and affixes, computed once per token so that feature
//! extraction is only arithmetic.

use crate::hash::fnv1a_64;

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
        let lower: String = form
            .chars()
            .flat_map(char::to_lowercase)
            .map(|c| if c.is_ascii_digit() { '0' } else { c })
            .collect();
        let chars: Vec<char> = lower.chars().collect();
        let n = chars.len();
        let affix = |tag: u8, part: &[char]| {
            fnv1a_64(
                std::iter::once(tag).chain(part.iter().collect::<String>().bytes()),
            )
        };
        Lexeme {
            form: fnv1a_64(form.bytes()),
            lower: fnv1a_64(lower.bytes()),
            shape: fnv1a_64(shape(form).bytes()),
            prefix1: affix(b'p', &chars[..n.min(1)]),
            prefix3: affix(b'P', &chars[..n.min(3)]),
            suffix1: affix(b's', &chars[n.saturating_sub(1)..]),
            suffix2: affix(b'S', &chars[n.saturating_sub(2)..]),
            suffix3: affix(b't', &chars[n.saturating_sub(3)..]),
            suffix4: affix(b'T', &chars[n.saturating_sub(4)..]),
            capitalised: form.chars().next().is_some_and(char::is_uppercase),
            punctuation: !form.is_empty() && form.chars().all(|c| !c.is_alphanumeric()),
        }
    }
}

/// The spelling pattern of a word: upper case `X`, lower case `x`, digits `d`, other
/// characters as they are, each run cut to two ("Washington" → "Xxx", "1,200" → "d,dd").
pub fn shape(form: &str) -> String {
    let mut out = String::new();
    let mut last = None;
    let mut run = 0;
    for c in form.chars().take(24) {
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
        if run <= 2 {
            out.push(class);
        }
    }
    out
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
        ] {
            assert_eq!(shape(form), expected, "{form}");
        }
    }

    #[test]
    fn digits_are_folded_case_is_kept_apart() {
        assert_eq!(Lexeme::new("1999").lower, Lexeme::new("2025").lower);
        assert_ne!(Lexeme::new("US").form, Lexeme::new("us").form);
        assert_eq!(Lexeme::new("US").lower, Lexeme::new("us").lower);
    }
}
