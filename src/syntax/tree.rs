//! A tagged and parsed sentence, read through the names of its tags and relations.

use super::parser::Arcs;
use super::tagger::Tag;

/// One sentence's analysis. Word indices are 0-based; heads are `None` for the root.
#[derive(Debug, Clone)]
pub struct Tree<'s> {
    /// The model's tag set, morphological features per tag, and relations.
    tag_set: &'s [Tag],
    features: &'s [String],
    relations: &'s [String],
    tags: Vec<u16>,
    heads: Vec<Option<usize>>,
    labels: Vec<u16>,
    /// Dependents as linked lists in word order, so walking a word's dependents
    /// costs their number, not the sentence's length.
    first_dependent: Vec<usize>,
    next_sibling: Vec<usize>,
}

const END: usize = usize::MAX;

impl<'s> Tree<'s> {
    pub(super) fn new(
        (tag_set, features, relations): (&'s [Tag], &'s [String], &'s [String]),
        tags: Vec<u16>,
        arcs: Arcs,
    ) -> Self {
        let n = tags.len();
        let mut first_dependent = vec![END; n];
        let mut next_sibling = vec![END; n];
        for word in (0..n).rev() {
            if let Some(head) = arcs.heads[word] {
                next_sibling[word] = first_dependent[head];
                first_dependent[head] = word;
            }
        }
        Tree {
            tag_set,
            features,
            relations,
            tags,
            heads: arcs.heads,
            labels: arcs.labels,
            first_dependent,
            next_sibling,
        }
    }

    pub fn len(&self) -> usize {
        self.tags.len()
    }

    pub fn is_empty(&self) -> bool {
        self.tags.is_empty()
    }

    /// Universal part of speech ("VERB", "PROPN").
    pub fn upos(&self, word: usize) -> &'s str {
        &self.tag_set[usize::from(self.tags[word])].upos
    }

    /// Penn Treebank tag ("VBD", "NNP").
    pub fn xpos(&self, word: usize) -> &'s str {
        &self.tag_set[usize::from(self.tags[word])].xpos
    }

    /// Morphological features, with `Voice=Pass` on a verb with a passive auxiliary.
    pub fn feats(&self, word: usize) -> String {
        let base = &self.features[usize::from(self.tags[word])];
        if !self.dependents(word).any(|d| self.deprel(d) == "aux:pass") {
            return base.clone();
        }
        let mut features: Vec<&str> = base.split('|').filter(|f| !f.is_empty()).collect();
        features.push("Voice=Pass");
        features.sort_unstable();
        features.join("|")
    }

    pub fn head(&self, word: usize) -> Option<usize> {
        self.heads[word]
    }

    /// The relation to the head ("nsubj", "obl:agent"; "root" for the root).
    pub fn deprel(&self, word: usize) -> &'s str {
        &self.relations[usize::from(self.labels[word])]
    }

    /// Dependents of `word`, left to right.
    pub fn dependents(&self, word: usize) -> impl Iterator<Item = usize> + '_ {
        let mut next = self.first_dependent[word];
        std::iter::from_fn(move || {
            let current = next;
            (current != END).then(|| {
                next = self.next_sibling[current];
                current
            })
        })
    }

    /// The first dependent of `word` with relation `deprel`.
    pub fn dependent(&self, word: usize, deprel: &str) -> Option<usize> {
        self.dependents(word).find(|&d| self.deprel(d) == deprel)
    }

    /// The root word.
    pub fn root(&self) -> Option<usize> {
        self.heads.iter().position(Option::is_none)
    }

    /// The word and everything under it, as a range of word indices (projective
    /// trees keep subtrees contiguous; for others it is the hull). Walks the subtree
    /// once: linear in its size.
    pub fn span(&self, word: usize) -> std::ops::Range<usize> {
        let (mut first, mut last) = (word, word);
        let mut pending = vec![word];
        let mut visited = 0;
        while let Some(w) = pending.pop() {
            visited += 1;
            if visited > self.len() {
                break;
            }
            first = first.min(w);
            last = last.max(w);
            pending.extend(self.dependents(w));
        }
        first..last + 1
    }

    /// Is `ancestor` on the path from `word` to the root?
    pub fn dominates(&self, ancestor: usize, mut word: usize) -> bool {
        for _ in 0..self.len() {
            match self.heads[word] {
                Some(h) if h == ancestor => return true,
                Some(h) => word = h,
                None => return false,
            }
        }
        false
    }
}
