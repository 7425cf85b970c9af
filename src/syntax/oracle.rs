//! Training the parser with a dynamic oracle (Goldberg and Nivre 2012): at every
//! configuration, even a wrong one the parser has wandered into, the oracle knows the
//! cost of each transition (the gold arcs it makes unreachable), so the parser learns
//! to recover from its own mistakes instead of only following the gold path.

use super::lexeme::Lexeme;
use super::parser::{left, right, transitions, Parser, State, NONE, REDUCE, SHIFT};
use super::perceptron::Trainer;
use super::random::training_rng;
use super::tagger::best;

/// A sentence to learn from: words, (predicted) tags, and the gold tree, with
/// `None` as the head of the root.
pub struct TreeSentence {
    pub lexemes: Vec<Lexeme>,
    pub tags: Vec<u16>,
    pub heads: Vec<Option<usize>>,
    pub labels: Vec<u16>,
}

/// After this many passes the parser follows its own predictions (with probability
/// `EXPLORE`) rather than the oracle's, to see the configurations its mistakes lead to.
const FOLLOW_GOLD_EPOCHS: usize = 1;
const EXPLORE: f64 = 0.9;

pub fn train(
    labels: Vec<String>,
    root: usize,
    sentences: &[TreeSentence],
    epochs: usize,
    seed: u64,
    smallest: i16,
) -> Parser {
    let classes = transitions(labels.len());
    let mut trainer = Trainer::new(classes);
    let mut order: Vec<usize> = (0..sentences.len()).collect();
    let mut random = training_rng(seed);
    let mut features = Vec::with_capacity(96);
    let mut scores = vec![0i32; classes];
    let mut costs = vec![0u32; classes];
    for epoch in 0..epochs {
        random.shuffle(&mut order);
        for &s in &order {
            let sentence = &sentences[s];
            let heads = projective(&sentence.heads);
            let gold = Gold {
                heads: &heads,
                labels: &sentence.labels,
            };
            let mut state = State::new(sentence.lexemes.len());
            while !state.is_terminal() {
                features.clear();
                state.features(&sentence.lexemes, &sentence.tags, &mut features);
                scores.iter_mut().for_each(|s| *s = 0);
                trainer.score(&features, &mut scores);
                gold.costs(&state, root, &mut costs);
                for (t, score) in scores.iter_mut().enumerate() {
                    if costs[t] == u32::MAX {
                        *score = i32::MIN;
                    }
                }
                let least = costs.iter().copied().min().unwrap_or(0);
                let guess = best(&scores);
                // The best-scoring of the cheapest transitions (the first on a tie,
                // as `best` breaks them).
                let truth = (0..classes)
                    .filter(|&t| costs[t] == least)
                    .fold(None, |chosen: Option<usize>, t| match chosen {
                        Some(c) if scores[c] >= scores[t] => Some(c),
                        _ => Some(t),
                    })
                    .unwrap_or(guess);
                if costs[guess] != least {
                    trainer.update(&features, truth, guess);
                }
                trainer.tick();
                let explore = epoch >= FOLLOW_GOLD_EPOCHS && random.probability(EXPLORE);
                state.apply(if explore { guess } else { truth });
            }
        }
    }
    Parser {
        weights: trainer.average(smallest),
        labels,
        root,
    }
}

struct Gold<'a> {
    heads: &'a [Option<usize>],
    labels: &'a [u16],
}

impl Gold<'_> {
    /// Cost of every transition in `state` (`u32::MAX` for those not allowed): the
    /// number of gold arcs it makes unreachable, a wrong label counting as one.
    fn costs(&self, state: &State, root: usize, costs: &mut [u32]) {
        costs.iter_mut().for_each(|c| *c = u32::MAX);
        let n = state.len();
        let b = state.next;
        let mut on_stack = vec![false; n];
        for &s in &state.stack {
            on_stack[s as usize] = true;
        }
        let in_buffer = |k: usize| k >= b;
        let headless = |k: usize| state.heads[k] == NONE;
        let labels = (costs.len() - 2) / 2;
        let allowed = state.allowed();
        // Gold dependents of b waiting headless on the stack: shifting b, or
        // attaching it to the stack's top, leaves them no way to reach it.
        let stranded = if b < n {
            (0..n)
                .filter(|&k| on_stack[k] && headless(k) && self.heads[k] == Some(b))
                .count() as u32
        } else {
            0
        };

        if allowed.shift {
            let head_on_stack = self.heads[b].is_some_and(|h| on_stack[h]);
            costs[SHIFT] = u32::from(head_on_stack) + stranded;
        }
        let Some(s) = state.top() else { return };
        let dependents_in_buffer =
            |word: usize| (b..n).filter(|&k| self.heads[k] == Some(word)).count() as u32;
        if allowed.reduce {
            costs[REDUCE] = dependents_in_buffer(s);
        }
        if allowed.left {
            // left-arc: s takes b as its head and leaves the stack.
            let mut cost = dependents_in_buffer(s);
            let gold_head = self.heads[s];
            match gold_head {
                None => cost += 1,
                Some(h) if h != b && in_buffer(h) => cost += 1,
                _ => {}
            }
            for label in (0..labels).filter(|&l| l != root) {
                let wrong_label = gold_head == Some(b) && usize::from(self.labels[s]) != label;
                costs[left(label)] = cost + u32::from(wrong_label);
            }
        }
        if allowed.right {
            // right-arc: b takes s as its head and goes onto the stack.
            let gold_head = self.heads[b];
            let head_lost = match gold_head {
                None => true,
                Some(h) => h != s && (on_stack[h] || in_buffer(h)),
            };
            let cost = u32::from(head_lost) + stranded;
            for label in (0..labels).filter(|&l| l != root) {
                let wrong_label = gold_head == Some(s) && usize::from(self.labels[b]) != label;
                costs[right(label)] = cost + u32::from(wrong_label);
            }
        }
    }
}

/// The tree made projective by lifting each crossing arc's dependent to its head's
/// head (Nivre and Nilsson 2005, without the label encoding) until no arc crosses:
/// the arc-eager system only builds projective trees, and its oracle assumes one.
pub fn projective(heads: &[Option<usize>]) -> Vec<Option<usize>> {
    let mut heads = heads.to_vec();
    // Each lift shortens a path to the root, so this ends; the bound guards cycles in
    // malformed input.
    for _ in 0..heads.len() * heads.len() + 1 {
        let Some(dependent) = shortest_crossing(&heads) else {
            break;
        };
        let head = heads[dependent];
        heads[dependent] = head.and_then(|h| heads[h]);
    }
    heads
}

/// The dependent of the shortest non-projective arc: one whose span holds a word
/// that is not a descendant of the arc's head.
fn shortest_crossing(heads: &[Option<usize>]) -> Option<usize> {
    let n = heads.len();
    let dominated = |head: usize, mut word: usize| {
        for _ in 0..=n {
            match heads[word] {
                Some(h) if h == head => return true,
                Some(h) => word = h,
                None => return false,
            }
        }
        false
    };
    let mut shortest: Option<(usize, usize)> = None;
    for (dependent, head) in heads.iter().enumerate() {
        let Some(head) = *head else { continue };
        let (from, to) = (dependent.min(head), dependent.max(head));
        let length = to - from;
        if shortest.is_some_and(|(best, _)| best <= length) {
            continue;
        }
        if (from + 1..to).any(|k| !dominated(head, k)) {
            shortest = Some((length, dependent));
        }
    }
    shortest.map(|(_, dependent)| dependent)
}

/// Follow the cheapest transition from the start: the oracle's own parse.
#[cfg(test)]
fn oracle_parse(gold: &Gold<'_>, n: usize) -> Vec<u32> {
    let mut state = State::new(n);
    let mut costs = vec![0; transitions(8)];
    while !state.is_terminal() {
        gold.costs(&state, 7, &mut costs);
        let least = costs.iter().copied().min().unwrap_or(0);
        let t = costs.iter().position(|&c| c == least).unwrap_or(SHIFT);
        state.apply(t);
    }
    state.heads
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn following_the_oracle_rebuilds_a_projective_tree() {
        // "Putin met Witkoff in Moscow ." with met as root.
        let heads = [Some(1), None, Some(1), Some(4), Some(1), Some(1)];
        let labels = [0, 7, 1, 2, 3, 4];
        let gold = Gold {
            heads: &heads,
            labels: &labels,
        };
        let built = oracle_parse(&gold, heads.len());
        let expected: Vec<u32> = heads.iter().map(|h| h.map_or(NONE, |h| h as u32)).collect();
        assert_eq!(built, expected);
    }

    #[test]
    fn crossing_arcs_are_lifted() {
        // 0 <- 2 crosses 1 <- 3 : word 3's head 1 spans word 2 whose head is 0? Build a
        // classic crossing: heads 0:None, 1:3, 2:0, 3:0.
        let heads = [None, Some(3), Some(0), Some(0)];
        let lifted = projective(&heads);
        assert!(shortest_crossing(&lifted).is_none());
        assert_eq!(projective(&lifted), lifted);
    }
}
