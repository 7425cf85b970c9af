//! Casualty figures a sentence states, and the strike each belongs to.

use super::view::SentenceView;
use crate::text::{grouped_number, phrase_at};

/// What "a dozen" counts.
const DOZEN: u32 = 12;

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
        // determiner makes a noun, an article is no figure. Nor is one after other
        // words ("shot dead at a museum"); "a total of 30" counts the number after
        // it, "a dozen" twelve.
        let article = matches!(view.folded.get(k).map(String::as_str), Some("a" | "an"));
        if article {
            let mut m = k + 1;
            while m < n
                && m < k + 4
                && count_at(m).is_none()
                && words.filler.contains(&view.folded[m])
            {
                m += 1;
            }
            let after = (m > k + 1).then(|| count_at(m)).flatten();
            let count = if view.folded.get(k + 1).is_some_and(|w| w == "dozen") {
                Some(DOZEN)
            } else if let Some((count, _)) = after {
                used.insert(m);
                Some(count)
            } else if k == j + len && !(j > 0 && view.is_determiner(j - 1))
                || singular_passive_before(view, j)
            {
                Some(1)
            } else {
                None
            };
            if let Some(count) = count {
                used.insert(k);
                figures.push(Figure {
                    at: j,
                    killed,
                    count,
                });
            }
            continue;
        }
        if let Some((count, _)) = count_at(k) {
            used.insert(k);
            figures.push(Figure {
                at: j,
                killed,
                count,
            });
        } else if singular_passive_before(view, j) {
            figures.push(Figure {
                at: j,
                killed,
                count: 1,
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
        } else if let Some(at) = (k == 0 || view.folded[k - 1] != "of")
            .then(|| passive_casualty_after(view, k + width, &word_at))
            .flatten()
        {
            // ("five members of one family were killed": "one" counts no one.)
            figures.push(Figure {
                at,
                killed: word_at(at).is_some_and(|(killed, _)| killed),
                count,
            });
        }
    }
    figures
}

/// "Uribe Turbay was shot and wounded", "was killed": a casualty word in a singular
/// passive, straight after "was" or after "was <verb> and", counts one.
fn singular_passive_before(view: &SentenceView<'_, '_>, word: usize) -> bool {
    let was = |i: usize| view.folded.get(i).is_some_and(|w| w == "was");
    word >= 1 && was(word - 1) || word >= 3 && view.folded[word - 1] == "and" && was(word - 3)
}

/// Words a counted noun phrase may take before its passive ("two Israeli embassy
/// staffers were shot dead").
const COUNTED_PHRASE_WORDS: usize = 4;

/// "Two Israeli embassy staffers were shot dead": after a figure, the words of a
/// noun phrase (lowercase or a demonym; no preposition, no unit of time: "two days
/// after soldiers were killed" counts days) and then "were" or "was" right before a
/// casualty word, or a word after it; that word's position.
fn passive_casualty_after(
    view: &SentenceView<'_, '_>,
    from: usize,
    word_at: &impl Fn(usize) -> Option<(bool, usize)>,
) -> Option<usize> {
    let events = &view.lexicon.events;
    let mut j = from;
    while j < view.tokens.len() && j < from + COUNTED_PHRASE_WORDS {
        let folded = view.folded[j].as_str();
        // ("were killed", "were shot dead", "were reportedly killed")
        if matches!(folded, "were" | "was") {
            return (j > from)
                .then(|| (j + 1..j + 3).find(|&at| word_at(at).is_some()))
                .flatten();
        }
        let token = &view.tokens[j];
        let demonym = view.name_starting_at(j).is_some_and(|m| {
            m.end == j + 1 && m.entity.class == super::gazetteer::EntityClass::Demonym
        });
        let plain = token.is_word() && !token.is_capitalized();
        if !(plain || demonym)
            || events.prepositions.contains(folded)
            || view.lexicon.temporal.units.contains_key(folded)
        {
            return None;
        }
        j += 1;
    }
    None
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
