//! Syndicated copies: one wire story printed by several outlets, with a changed
//! headline or a trimmed paragraph. Such articles are one report, not several
//! witnesses, so the graph folds their events together sentence by sentence.
//!
//! Articles are compared by MinHash sketches of their word 5-shingles (Broder 1997),
//! bucketed by locality-sensitive hashing so the work stays near-linear in the number
//! of articles; a pair that shares a bucket is confirmed on its estimated overlap.

use crate::hash::fnv1a_64;

/// Words per shingle: long enough that two different stories on one topic share few.
const SHINGLE_WORDS: usize = 5;
/// Hash functions per sketch, as `BANDS` bands of `ROWS` rows.
const HASHES: usize = 128;
const BANDS: usize = 64;
const ROWS: usize = HASHES / BANDS;
/// How much of the shorter article must reappear in the longer one for the two to be
/// one story: a copy trimmed by a fifth still counts, a rewrite that keeps a few
/// sentences of the wire text does not.
const MIN_CONTAINMENT: f64 = 0.5;
/// An article this much contained in an earlier one is that article again (a
/// headline changed, a paragraph cut): it belongs to the same story, whatever its
/// share with other originals, so a copy's copies stay in their story.
const NEAR_IDENTICAL: f64 = 0.9;
/// Articles shorter than this many words are too short to tell a copy from a
/// coincidence (two one-line briefs on one event).
const MIN_WORDS: usize = 40;

/// The MinHash sketch of one article's text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sketch {
    minima: [u64; HASHES],
    shingles: usize,
}

impl Sketch {
    /// The sketch of `text`, or `None` when it is too short to compare.
    pub fn of(text: &str) -> Option<Sketch> {
        let words: Vec<String> = words(text).collect();
        if words.len() < MIN_WORDS {
            return None;
        }
        let mut minima = [u64::MAX; HASHES];
        let mut hashes: Vec<u64> = words
            .windows(SHINGLE_WORDS)
            .map(|window| fnv1a_64(window.iter().flat_map(|w| w.bytes().chain([b' ']))))
            .collect();
        hashes.sort_unstable();
        hashes.dedup();
        for &hash in &hashes {
            for (i, minimum) in minima.iter_mut().enumerate() {
                *minimum = (*minimum).min(permute(hash, i));
            }
        }
        Some(Sketch {
            minima,
            shingles: hashes.len(),
        })
    }

    /// Estimated Jaccard similarity of the two shingle sets.
    fn jaccard(&self, other: &Sketch) -> f64 {
        let equal = self
            .minima
            .iter()
            .zip(&other.minima)
            .filter(|(a, b)| a == b)
            .count();
        equal as f64 / HASHES as f64
    }

    /// Estimated share of the smaller article's shingles found in the other.
    fn containment(&self, other: &Sketch) -> f64 {
        let j = self.jaccard(other);
        let (a, b) = (self.shingles as f64, other.shingles as f64);
        let common = j * (a + b) / (1.0 + j);
        common / a.min(b)
    }
}

/// The `i`th of the sketch's hash functions, as a bijective mix of the shingle hash
/// (SplitMix64's finaliser over a per-function offset).
fn permute(hash: u64, i: usize) -> u64 {
    let mut z = hash.wrapping_add((i as u64 + 1).wrapping_mul(0x9e37_79b9_7f4a_7c15));
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// Earlier articles of a bucket each article is compared with: identical copies all
/// meet the first, and a bucket of thousands stays linear.
const BUCKET_COMPARISONS: usize = 16;

/// For each article, the earlier originals (in the given order) it is a copy of,
/// the most similar first; empty for an original. An article is a copy of an
/// original it shares most of its text with, directly: copies of copies do not chain
/// stories together, so adding copies never changes which articles are originals.
/// Same input, same answer: buckets are visited in a fixed order.
pub fn copies(sketches: &[Option<Sketch>]) -> Vec<Vec<usize>> {
    let mut earlier: Vec<Vec<usize>> = vec![Vec::new(); sketches.len()];
    for band in 0..BANDS {
        let mut keyed: Vec<(u64, usize)> = sketches
            .iter()
            .enumerate()
            .filter_map(|(i, sketch)| {
                let rows = &sketch.as_ref()?.minima[band * ROWS..(band + 1) * ROWS];
                Some((fnv1a_64(rows.iter().flat_map(|r| r.to_le_bytes())), i))
            })
            .collect();
        keyed.sort_unstable();
        for bucket in keyed.chunk_by(|a, b| a.0 == b.0) {
            for (at, &(_, i)) in bucket.iter().enumerate() {
                let before = bucket[..at].iter().take(BUCKET_COMPARISONS);
                earlier[i].extend(before.map(|&(_, j)| j));
            }
        }
    }
    let mut copy_of: Vec<Vec<usize>> = vec![Vec::new(); sketches.len()];
    for i in 0..sketches.len() {
        let Some(sketch) = &sketches[i] else { continue };
        let candidates = &mut earlier[i];
        candidates.sort_unstable();
        candidates.dedup();
        let mut similar: Vec<(f64, usize)> = candidates
            .iter()
            .filter_map(|&j| Some((sketch.containment(sketches[j].as_ref()?), j)))
            .filter(|&(share, _)| share >= MIN_CONTAINMENT)
            .collect();
        // The most similar first; the earliest on a tie.
        similar.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
        // Word for word the same as an earlier article: whatever that one is.
        if let Some(&(share, j)) = similar.first() {
            if share >= NEAR_IDENTICAL {
                copy_of[i] = if copy_of[j].is_empty() {
                    vec![j]
                } else {
                    copy_of[j].clone()
                };
                continue;
            }
        }
        copy_of[i] = similar
            .into_iter()
            .filter(|&(_, j)| copy_of[j].is_empty())
            .map(|(_, j)| j)
            .collect();
    }
    copy_of
}

/// A text's words, lowercase: what shingles and sentence comparisons are made of.
fn words(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
}

/// The sentence's lowercase words, hashed, sorted and without repeats: what
/// [`similarity_of_hashes`] compares.
pub fn word_hashes(sentence: &str) -> Vec<u64> {
    let mut hashes: Vec<u64> = words(sentence).map(|w| fnv1a_64(w.bytes())).collect();
    hashes.sort_unstable();
    hashes.dedup();
    hashes
}

/// Word-set similarity of two sentences given by their [`word_hashes`]: the share of
/// the shorter one's words found in the other. It is how a copy's sentence is matched
/// to the original's, whatever an outlet added to it ("Outlet reports: ...") or cut
/// from it.
pub fn similarity_of_hashes(a: &[u64], b: &[u64]) -> f64 {
    let smaller = a.len().min(b.len());
    if smaller == 0 {
        return 0.0;
    }
    let (mut i, mut j, mut shared) = (0, 0, 0usize);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                shared += 1;
                i += 1;
                j += 1;
            }
        }
    }
    shared as f64 / smaller as f64
}

#[cfg(test)]
mod tests {
    use super::*;

    const STORY: &str = "Russian and Ukrainian delegations met in Istanbul on Monday for a second \
        round of direct talks, the first since the spring, and agreed to exchange the bodies of \
        six thousand fallen soldiers and all badly wounded prisoners, the head of the Ukrainian \
        delegation said after the meeting, which lasted a little over an hour. The Russian side \
        handed over a memorandum setting out its conditions for a ceasefire, which Kyiv said it \
        would study before the next round.";

    #[test]
    fn a_trimmed_copy_with_a_new_headline_is_a_copy() {
        let copy = format!("Talks end in an hour\n\n{}", &STORY[..STORY.len() * 4 / 5]);
        let sketches = [
            Sketch::of(STORY),
            Sketch::of("unrelated ".repeat(50).as_str()),
            Sketch::of(&copy),
        ];
        assert_eq!(copies(&sketches), [vec![], vec![], vec![0]]);
    }

    #[test]
    fn another_story_on_the_same_event_is_not_a_copy() {
        let other = "The second round of talks between Moscow and Kyiv ended in Istanbul after \
            barely an hour, with both sides agreeing only on swaps of prisoners and of the dead, \
            officials said. Ukraine's defence minister, who led its team, said Russia had handed \
            over a paper listing its demands, and that Ukraine would answer within a week.";
        assert_eq!(
            copies(&[Sketch::of(STORY), Sketch::of(other)]),
            [vec![], vec![]]
        );
    }

    #[test]
    fn sentence_similarity_is_the_share_of_the_shorter_sentence() {
        let (a, b) = (
            "Outlet reports: Russian drones struck Kyiv and Odesa on Sunday.",
            "Russian drones struck Kyiv and Odesa on Sunday, officials said.",
        );
        // Ten words each, eight shared ("russian drones struck kyiv and odesa on
        // sunday"); case and repeats do not count.
        assert_eq!(similarity_of_hashes(&word_hashes(a), &word_hashes(b)), 0.8);
        let shouted = "RUSSIAN drones struck Kyiv, Kyiv and Odesa on Sunday";
        assert_eq!(
            similarity_of_hashes(&word_hashes(shouted), &word_hashes(b)),
            1.0
        );
    }

    #[test]
    fn short_texts_are_not_compared() {
        assert_eq!(Sketch::of("Putin met Trump in Alaska."), None);
    }

    #[test]
    fn copies_of_copies_are_copies_of_the_first_original() {
        let sketches: Vec<_> = (0..5).map(|_| Sketch::of(STORY)).collect();
        assert_eq!(
            copies(&sketches),
            [vec![], vec![0], vec![0], vec![0], vec![0]]
        );
    }
}
