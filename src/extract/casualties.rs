//! Casualty figures a sentence states, and the strike each belongs to.

use super::view::SentenceView;
use crate::text::{grouped_number, phrase_at};

/// A casualty figure the sentence states, at token `at`.
pub(super) struct Figure {
    pub(super) at: usize,
    pub(super) killed: bool,
    pub(super) count: u32,
}

/// Casualty figures in a sentence: "killing at least 22", "wounding 12", "the death
/// toll rose to 30" (word, then figure) and "four people were killed", "12 injured"
/// (figure, then word), with only the lexicon's filler words between.
pub(super) fn casualty_figures(view: &SentenceView<'_, '_>) -> Vec<Figure> {
    let words = &view.lexicon.events.casualties;
    let numbers = &view.lexicon.temporal.number_words;
    // A figure and the tokens it takes ("1,200" is three).
    let count_at = |j: usize| -> Option<(u32, usize)> {
        let word = view.folded.get(j)?;
        if let Some(n) = numbers.get(word).copied().flatten() {
            return Some((u32::try_from(n).ok()?, 1));
        }
        let (n, used) = grouped_number(view.tokens, j)?;
        let n = u32::try_from(n).ok()?;
        // "in 2024": a year, not a toll.
        let year = used == 1 && word.len() == 4 && (1900..=2100).contains(&n);
        (!year).then_some((n, used))
    };
    let word_at = |j: usize| -> Option<(bool, usize)> {
        let of = |list: &[Vec<String>]| {
            list.iter()
                .filter(|p| phrase_at(&view.folded, j, p))
                .map(Vec::len)
                .max()
        };
        of(&words.killed)
            .map(|len| (true, len))
            .or_else(|| of(&words.injured).map(|len| (false, len)))
    };
    let mut figures = Vec::new();
    let mut used = std::collections::BTreeSet::new();
    let n = view.tokens.len();
    for j in 0..n {
        let Some((killed, len)) = word_at(j) else {
            continue;
        };
        let mut k = j + len;
        while k < n
            && k < j + len + 4
            && count_at(k).is_none()
            && words.filler.contains(&view.folded[k])
        {
            k += 1;
        }
        // "killed a commander" and "the killing of a warlord" count one; "the dead
        // a day later" counts nobody: right after a casualty word that a
        // determiner makes a noun, an article is no figure.
        let article = matches!(view.folded.get(k).map(String::as_str), Some("a" | "an"));
        if article && k == j + len && j > 0 && view.is_determiner(j - 1) {
            continue;
        }
        if let Some((count, _)) = count_at(k) {
            used.insert(k);
            figures.push(Figure {
                at: j,
                killed,
                count,
            });
        }
    }
    for k in 0..n {
        let Some((count, width)) = count_at(k).filter(|_| !used.contains(&k)) else {
            continue;
        };
        let mut j = k + width;
        while j < n && j < k + 5 && word_at(j).is_none() && words.filler.contains(&view.folded[j]) {
            j += 1;
        }
        if let Some((killed, _)) = word_at(j) {
            figures.push(Figure {
                at: j,
                killed,
                count,
            });
        }
    }
    figures
}

/// The figures that belong to strike `index`: those after it and before the next
/// strike of the sentence (the first strike also takes those before it, from token
/// `lead_from` on).
pub(super) fn casualties_of(
    index: usize,
    strikes: &[(usize, usize)],
    lead_from: usize,
    figures: &[Figure],
) -> (Option<u32>, Option<u32>) {
    let Some(position) = strikes.iter().position(|&(i, _)| i == index) else {
        return (None, None);
    };
    let from = if position == 0 {
        lead_from
    } else {
        strikes[position].1
    };
    let to = strikes.get(position + 1).map_or(usize::MAX, |s| s.1);
    let mine = figures.iter().filter(|f| f.at >= from && f.at < to);
    let most = |killed: bool| {
        mine.clone()
            .filter(|f| f.killed == killed)
            .map(|f| f.count)
            .max()
    };
    (most(true), most(false))
}
