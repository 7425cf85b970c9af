//! A tagged and parsed sentence, read through the names of its tags and relations.

use super::model::Syntax;
use super::parser::Arcs;

/// One sentence's analysis. Word indices are 0-based; heads are `None` for the root.
#[derive(Debug, Clone)]
pub struct Tree<'s> {
    syntax: &'s Syntax,
    tags: Vec<u16>,
    heads: Vec<Option<usize>>,
    labels: Vec<u16>,
}

impl<'s> Tree<'s> {
    pub(super) fn new(syntax: &'s Syntax, tags: Vec<u16>, arcs: Arcs) -> Self {
        Tree {
            syntax,
            tags,
            heads: arcs.heads,
            labels: arcs.labels,
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
        &self.syntax.tagger.tags[usize::from(self.tags[word])].upos
    }

    /// Penn Treebank tag ("VBD", "NNP").
    pub fn xpos(&self, word: usize) -> &'s str {
        &self.syntax.tagger.tags[usize::from(self.tags[word])].xpos
    }

    /// Morphological features, with `Voice=Pass` on a verb with a passive auxiliary.
    pub fn feats(&self, word: usize) -> String {
        let base = &self.syntax.features[usize::from(self.tags[word])];
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
        &self.syntax.parser.labels[usize::from(self.labels[word])]
    }

    /// Dependents of `word`, left to right.
    pub fn dependents(&self, word: usize) -> impl Iterator<Item = usize> + '_ {
        (0..self.len()).filter(move |&d| self.heads[d] == Some(word))
    }

    /// The first dependent of `word` with relation `deprel`.
    pub fn dependent(&self, word: usize, deprel: &str) -> Option<usize> {
        self.dependents(word).find(|&d| self.deprel(d) == deprel)
    }

    /// The root word.
    pub fn root(&self) -> Option<usize> {
        self.heads.iter().position(Option::is_none)
    }

    /// The word and everything under it, as a contiguous range of word indices
    /// (projective trees keep subtrees contiguous; for others it is the hull).
    pub fn span(&self, word: usize) -> std::ops::Range<usize> {
        let (mut first, mut last) = (word, word);
        for other in 0..self.len() {
            if self.dominates(word, other) {
                first = first.min(other);
                last = last.max(other);
            }
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
