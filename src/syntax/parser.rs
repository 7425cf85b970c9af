//! Dependency parsing: the arc-eager transition system (Nivre 2003) read greedily by an
//! averaged perceptron over the rich feature set of Zhang and Nivre (2011), trained
//! with a dynamic oracle (Goldberg and Nivre 2012, in `oracle.rs`). Greedy means one
//! left-to-right pass, at most two transitions a word: parsing time is linear in the
//! sentence.

use super::lexeme::{Lexeme, PADDING};
use super::perceptron::{feature, Feature, Weights};
use super::tagger::best;

pub(super) const NONE: u32 = u32::MAX;

/// Transitions: 0 shift, 1 reduce, then left-arc and right-arc for each label.
pub(super) const SHIFT: usize = 0;
pub(super) const REDUCE: usize = 1;

pub(super) fn left(label: usize) -> usize {
    2 + 2 * label
}

pub(super) fn right(label: usize) -> usize {
    3 + 2 * label
}

pub(super) fn transitions(labels: usize) -> usize {
    2 + 2 * labels
}

/// The trained parser.
#[derive(Debug, Clone)]
pub struct Parser {
    pub(super) weights: Weights,
    /// Dependency relations; index `root` is given only to the sentence's root.
    pub(super) labels: Vec<String>,
    pub(super) root: usize,
}

/// A parse: each word's head (`None` for the root) and relation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Arcs {
    pub heads: Vec<Option<usize>>,
    pub labels: Vec<u16>,
}

impl Parser {
    pub fn labels(&self) -> &[String] {
        &self.labels
    }

    /// Parse a sentence given its words and tags; `punctuation` marks tags whose
    /// words are punctuation (used to attach leftover words at the end).
    pub fn parse(&self, lexemes: &[Lexeme], tags: &[u16], is_punctuation: &[bool]) -> Arcs {
        let mut state = State::new(lexemes.len());
        let mut features = Vec::with_capacity(96);
        let mut scores = vec![0i32; transitions(self.labels.len())];
        while !state.is_terminal() {
            features.clear();
            state.features(lexemes, tags, &mut features);
            scores.iter_mut().for_each(|s| *s = 0);
            self.weights.score(&features, &mut scores);
            state.mask_invalid(&mut scores, self.root);
            state.apply(best(&scores));
        }
        state.finish(self.root, self.dependent_label(), is_punctuation)
    }

    /// The relation for words left without a head that are not the root.
    fn dependent_label(&self) -> (u16, u16) {
        let find = |name: &str| {
            self.labels
                .iter()
                .position(|l| l == name)
                .unwrap_or(self.root) as u16
        };
        (find("parataxis"), find("punct"))
    }
}

/// The kinds of transition a configuration allows.
pub(super) struct Allowed {
    pub shift: bool,
    pub reduce: bool,
    pub left: bool,
    pub right: bool,
}

/// A parser configuration: the stack, the next word of the buffer, the arcs so far,
/// and per word what the features read of its children.
#[derive(Debug, Clone)]
pub(super) struct State {
    pub stack: Vec<u32>,
    pub next: usize,
    pub heads: Vec<u32>,
    pub labels: Vec<u16>,
    /// Leftmost and second leftmost dependents.
    lefts: Vec<[u32; 2]>,
    /// Rightmost and second rightmost dependents.
    rights: Vec<[u32; 2]>,
    left_count: Vec<u8>,
    right_count: Vec<u8>,
    left_labels: Vec<u64>,
    right_labels: Vec<u64>,
}

impl State {
    pub fn new(n: usize) -> State {
        State {
            stack: Vec::with_capacity(n.min(64)),
            next: 0,
            heads: vec![NONE; n],
            labels: vec![0; n],
            lefts: vec![[NONE; 2]; n],
            rights: vec![[NONE; 2]; n],
            left_count: vec![0; n],
            right_count: vec![0; n],
            left_labels: vec![0; n],
            right_labels: vec![0; n],
        }
    }

    pub fn len(&self) -> usize {
        self.heads.len()
    }

    pub fn is_terminal(&self) -> bool {
        self.next >= self.len()
    }

    pub fn top(&self) -> Option<usize> {
        self.stack.last().map(|&s| s as usize)
    }

    /// Which transitions this configuration allows: shift while words remain;
    /// reduce a word that has its head; left-arc to a headless word; right-arc from
    /// any word on the stack.
    pub fn allowed(&self) -> Allowed {
        let has_next = self.next < self.len();
        let top_headless = self.top().map(|s| self.heads[s] == NONE);
        Allowed {
            shift: has_next,
            reduce: top_headless == Some(false),
            left: has_next && top_headless == Some(true),
            right: has_next && top_headless.is_some(),
        }
    }

    /// Set the score of every transition not allowed here to the minimum; no arc
    /// takes the root's label.
    pub fn mask_invalid(&self, scores: &mut [i32], root_label: usize) {
        let allowed = self.allowed();
        if !allowed.shift {
            scores[SHIFT] = i32::MIN;
        }
        if !allowed.reduce {
            scores[REDUCE] = i32::MIN;
        }
        for (label, pair) in scores[2..].chunks_mut(2).enumerate() {
            if !allowed.left || label == root_label {
                pair[0] = i32::MIN;
            }
            if !allowed.right || label == root_label {
                pair[1] = i32::MIN;
            }
        }
    }

    pub fn apply(&mut self, transition: usize) {
        match transition {
            SHIFT => {
                self.stack.push(self.next as u32);
                self.next += 1;
            }
            REDUCE => {
                self.stack.pop();
            }
            t => {
                let label = ((t - 2) / 2) as u16;
                let Some(s) = self.top() else { return };
                let b = self.next;
                if t % 2 == 0 {
                    self.add_arc(b, s, label);
                    self.stack.pop();
                } else {
                    self.add_arc(s, b, label);
                    self.stack.push(b as u32);
                    self.next += 1;
                }
            }
        }
    }

    fn add_arc(&mut self, head: usize, dependent: usize, label: u16) {
        self.heads[dependent] = head as u32;
        self.labels[dependent] = label;
        let bit = 1u64 << (label % 64);
        let d = dependent as u32;
        if dependent < head {
            let [first, second] = &mut self.lefts[head];
            if *first == NONE || d < *first {
                *second = *first;
                *first = d;
            } else if *second == NONE || d < *second {
                *second = d;
            }
            self.left_count[head] = self.left_count[head].saturating_add(1);
            self.left_labels[head] |= bit;
        } else {
            let [first, second] = &mut self.rights[head];
            if *first == NONE || d > *first {
                *second = *first;
                *first = d;
            } else if *second == NONE || d > *second {
                *second = d;
            }
            self.right_count[head] = self.right_count[head].saturating_add(1);
            self.right_labels[head] |= bit;
        }
    }

    /// The tree: words without a head hang from the root, chosen as the headless word
    /// with most dependents that is not punctuation.
    fn finish(&self, root: usize, (other, punct): (u16, u16), is_punctuation: &[bool]) -> Arcs {
        let n = self.len();
        let headless: Vec<usize> = (0..n).filter(|&i| self.heads[i] == NONE).collect();
        let children = |i: usize| u32::from(self.left_count[i]) + u32::from(self.right_count[i]);
        let sentence_root = headless
            .iter()
            .copied()
            .filter(|&i| !is_punctuation.get(i).copied().unwrap_or(false))
            .max_by_key(|&i| (children(i), std::cmp::Reverse(i)))
            .or_else(|| headless.first().copied());
        let mut heads = Vec::with_capacity(n);
        let mut labels = Vec::with_capacity(n);
        for i in 0..n {
            if self.heads[i] != NONE {
                heads.push(Some(self.heads[i] as usize));
                labels.push(self.labels[i]);
            } else if Some(i) == sentence_root {
                heads.push(None);
                labels.push(root as u16);
            } else {
                heads.push(sentence_root);
                let is_punct = is_punctuation.get(i).copied().unwrap_or(false);
                labels.push(if is_punct { punct } else { other });
            }
        }
        Arcs { heads, labels }
    }

    /// Features of this configuration (Zhang and Nivre 2011, with the second stack
    /// word and the punctuation between the two words in focus added).
    pub fn features(&self, lexemes: &[Lexeme], tags: &[u16], out: &mut Vec<Feature>) {
        let look = Look {
            state: self,
            lexemes,
            tags,
        };
        let (word, tag, label) = (|i| look.word(i), |i| look.tag(i), |i| look.label(i));
        let head = |i: u32| look.head(i);
        let child = |table: &Vec<[u32; 2]>, i: u32, k: usize| look.child(table, i, k);
        let count = |table: &Vec<u8>, i: u32| look.count(table, i);
        let set = |table: &Vec<u64>, i: u32| look.set(table, i);
        let buffer = |k: usize| look.buffer(k);
        let s0 = self.stack.last().copied().unwrap_or(NONE);
        let s1 = if self.stack.len() >= 2 {
            self.stack[self.stack.len() - 2]
        } else {
            NONE
        };
        let (n0, n1, n2) = (buffer(0), buffer(1), buffer(2));
        let s0h = head(s0);
        let s0h2 = head(s0h);
        let (s0l, s0l2) = (child(&self.lefts, s0, 0), child(&self.lefts, s0, 1));
        let (s0r, s0r2) = (child(&self.rights, s0, 0), child(&self.rights, s0, 1));
        let (n0l, n0l2) = (child(&self.lefts, n0, 0), child(&self.lefts, n0, 1));

        let (s0w, s0p, n0w, n0p) = (word(s0), tag(s0), word(n0), tag(n0));
        let (n1w, n1p, n2p) = (word(n1), tag(n1), tag(n2));
        let s0_has_head = u64::from(s0 != NONE && self.heads[s0 as usize] != NONE);
        let distance = if s0 == NONE || n0 == NONE {
            0
        } else {
            bucket(n0 as usize - s0 as usize)
        };
        let (s0vl, s0vr, n0vl) = (
            count(&self.left_count, s0),
            count(&self.right_count, s0),
            count(&self.left_count, n0),
        );
        let (s0sl, s0sr, n0sl) = (
            set(&self.left_labels, s0),
            set(&self.right_labels, s0),
            set(&self.left_labels, n0),
        );
        let between = if s0 == NONE || n0 == NONE {
            0
        } else {
            // Counted over a bounded window: features must cost the same at any
            // distance, or a long sentence would parse in quadratic time.
            let from = s0 as usize + 1;
            lexemes[from..(n0 as usize).min(from + 12)]
                .iter()
                .filter(|l| l.punctuation)
                .count()
                .min(3) as u64
        };
        let after_s0 = if s0 == NONE { NONE } else { s0 + 1 };
        let before_n0 = if n0 == NONE || n0 == 0 { NONE } else { n0 - 1 };

        out.extend([
            feature(100, &[]),
            // single words
            feature(102, &[s0w]),
            feature(103, &[s0p, s0_has_head]),
            feature(105, &[n0w]),
            feature(106, &[n0p]),
            feature(108, &[n1w]),
            feature(109, &[n1p]),
            feature(112, &[n2p]),
            // word pairs
            feature(113, &[s0w, s0p, n0w, n0p]),
            feature(116, &[s0w, s0p, n0p]),
            feature(117, &[s0p, n0w, n0p]),
            feature(118, &[s0w, n0w]),
            feature(119, &[s0p, n0p, s0_has_head]),
            feature(120, &[n0p, n1p]),
            // three words
            feature(121, &[n0p, n1p, n2p]),
            feature(122, &[s0p, n0p, n1p]),
            feature(123, &[tag(s0h), s0p, n0p]),
            feature(124, &[s0p, tag(s0l), n0p]),
            feature(125, &[s0p, tag(s0r), n0p]),
            feature(126, &[s0p, n0p, tag(n0l)]),
            // distance
            feature(128, &[s0p, distance]),
            feature(130, &[n0p, distance]),
            feature(131, &[s0w, n0w, distance]),
            feature(132, &[s0p, n0p, distance]),
            // valency
            feature(134, &[s0p, s0vr]),
            feature(136, &[s0p, s0vl]),
            feature(138, &[n0p, n0vl]),
            // unigrams around the two words in focus
            feature(139, &[word(s0h)]),
            feature(140, &[tag(s0h)]),
            feature(141, &[label(s0)]),
            feature(142, &[word(s0l)]),
            feature(143, &[tag(s0l)]),
            feature(144, &[label(s0l)]),
            feature(145, &[word(s0r)]),
            feature(146, &[tag(s0r)]),
            feature(147, &[label(s0r)]),
            feature(148, &[word(n0l)]),
            feature(149, &[tag(n0l)]),
            feature(150, &[label(n0l)]),
            // third order
            feature(152, &[tag(s0h2)]),
            feature(153, &[label(s0h)]),
            feature(155, &[tag(s0l2)]),
            feature(156, &[label(s0l2)]),
            feature(158, &[tag(s0r2)]),
            feature(159, &[label(s0r2)]),
            feature(161, &[tag(n0l2)]),
            feature(162, &[label(n0l2)]),
            feature(163, &[s0p, tag(s0l), tag(s0l2)]),
            feature(164, &[s0p, tag(s0r), tag(s0r2)]),
            feature(165, &[s0p, tag(s0h), tag(s0h2)]),
            feature(166, &[n0p, tag(n0l), tag(n0l2)]),
            // label sets
            feature(168, &[s0p, s0sr]),
            feature(170, &[s0p, s0sl]),
            feature(172, &[n0p, n0sl]),
            // the second stack word, the words between, the punctuation between
            feature(173, &[word(s1), tag(s1)]),
            feature(174, &[tag(s1), s0p, n0p]),
            feature(175, &[tag(s1), s0p]),
            feature(176, &[s0p, n0p, between]),
            feature(177, &[s0p, tag(after_s0), tag(before_n0), n0p]),
            feature(180, &[label(s1), tag(s1), s0p]),
        ]);
    }
}

/// What the features read of a configuration; `NONE` (no such word) reads as padding.
struct Look<'a> {
    state: &'a State,
    lexemes: &'a [Lexeme],
    tags: &'a [u16],
}

impl Look<'_> {
    fn word(&self, i: u32) -> u64 {
        self.lexemes.get(i as usize).map_or(PADDING, |l| l.lower)
    }

    fn tag(&self, i: u32) -> u64 {
        self.tags.get(i as usize).map_or(PADDING, |&t| u64::from(t))
    }

    /// The relation of a word that has its head.
    fn label(&self, i: u32) -> u64 {
        match self.state.heads.get(i as usize) {
            Some(&h) if h != NONE => u64::from(self.state.labels[i as usize]),
            _ => PADDING,
        }
    }

    fn head(&self, i: u32) -> u32 {
        self.state.heads.get(i as usize).copied().unwrap_or(NONE)
    }

    fn child(&self, table: &[[u32; 2]], i: u32, k: usize) -> u32 {
        table.get(i as usize).map_or(NONE, |children| children[k])
    }

    fn count(&self, table: &[u8], i: u32) -> u64 {
        table.get(i as usize).map_or(PADDING, |&n| u64::from(n))
    }

    fn set(&self, table: &[u64], i: u32) -> u64 {
        table.get(i as usize).copied().unwrap_or(PADDING)
    }

    /// The `k`-th word of the buffer.
    fn buffer(&self, k: usize) -> u32 {
        let i = self.state.next + k;
        if i < self.state.len() {
            i as u32
        } else {
            NONE
        }
    }
}

fn bucket(distance: usize) -> u64 {
    match distance {
        0..=4 => distance as u64,
        5..=6 => 5,
        7..=10 => 6,
        _ => 7,
    }
}
