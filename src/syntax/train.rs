//! Learning a [`Syntax`] model from treebanks, and measuring one against a treebank.
//! Training is deterministic: the same sentences and options give the same model
//! bytes (seeded shuffles, integer weights, results gathered in a fixed order even
//! when folds train on several threads).

use std::collections::BTreeMap;

use super::conllu::Sentence;
use super::lexeme::Lexeme;
use super::model::Syntax;
use super::oracle::{self, TreeSentence};
use super::tagger::{self, Tag, TaggedSentence};
use crate::error::Result;

/// How to train.
#[derive(Debug, Clone)]
pub struct Options {
    pub tagger_epochs: usize,
    pub parser_epochs: usize,
    /// The parser learns from tags predicted by taggers that never saw the sentence
    /// (jackknifing), so it learns to live with the tagger's mistakes.
    pub folds: usize,
    pub seed: u64,
    /// Relations seen fewer times fall back to their universal part ("nmod:npmod" →
    /// "nmod").
    pub min_label_count: usize,
    /// UPOS/XPOS pairs seen fewer times are treated as the commonest pair of their
    /// UPOS.
    pub min_tag_count: usize,
    pub threads: usize,
    /// Parser weights smaller than this (on the 16-bit scale training quantises to)
    /// are dropped: on the EWT test set, dropping those under 384 halves the model
    /// and the memory a parse walks through, at no loss of accuracy.
    pub parser_smallest_weight: i16,
    /// The same for the tagger (256 drops a third of its features; accuracy holds).
    pub tagger_smallest_weight: i16,
    /// After training, weights under these (on the model's 8-bit scale, the largest
    /// being 127) are dropped from the tagger and the parser. A parse is bound by
    /// memory latency: on this machine the unpruned 6.7 MB model tags and parses
    /// about 100,000 tokens/s, the 5.0 MB one pruned at (2, 3) about 150,000-190,000,
    /// for 0.2 points of LAS (EWT test 0.828 → 0.826).
    pub tagger_smallest_final: i16,
    pub parser_smallest_final: i16,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            tagger_epochs: 8,
            parser_epochs: 15,
            folds: 5,
            seed: 2025,
            min_label_count: 20,
            min_tag_count: 3,
            threads: 2,
            parser_smallest_weight: 384,
            tagger_smallest_weight: 256,
            tagger_smallest_final: 2,
            parser_smallest_final: 3,
        }
    }
}

/// Train a model on `sentences`; `progress` hears what is happening.
pub fn train(
    sentences: &[Sentence],
    options: &Options,
    progress: &mut dyn FnMut(&str),
) -> Result<Syntax> {
    let tagset = TagSet::from(sentences, options.min_tag_count);
    let labels = LabelSet::from(sentences, options.min_label_count);
    let lexemes: Vec<Vec<Lexeme>> = sentences
        .iter()
        .map(|s| s.words.iter().map(|w| Lexeme::new(&w.form)).collect())
        .collect();
    let gold_tags: Vec<Vec<u16>> = sentences
        .iter()
        .map(|s| {
            s.words
                .iter()
                .map(|w| tagset.id(&w.upos, &w.xpos))
                .collect()
        })
        .collect();
    let tagged = |indices: &mut dyn Iterator<Item = usize>| -> Vec<TaggedSentence> {
        indices
            .map(|i| TaggedSentence {
                lexemes: lexemes[i].clone(),
                tags: gold_tags[i].clone(),
            })
            .collect()
    };

    progress(&format!(
        "{} sentences, {} tags, {} relations; jackknifing the tagger over {} folds",
        sentences.len(),
        tagset.tags.len(),
        labels.names.len(),
        options.folds
    ));
    // Without a parser to train (tagger experiments), no fold needs tagging.
    let folds = if options.parser_epochs == 0 {
        0
    } else {
        options.folds.max(2)
    };
    let fold_taggers = run_parallel(folds, options.threads, |fold| {
        let training = tagged(&mut (0..sentences.len()).filter(|i| i % folds != fold));
        tagger::train(
            tagset.tags.clone(),
            &tagset.upos,
            &training,
            options.tagger_epochs,
            options.seed.wrapping_add(fold as u64),
            options.tagger_smallest_weight,
        )
    });
    let mut predicted: Vec<Vec<u16>> = gold_tags.clone();
    for (fold, model) in fold_taggers.iter().enumerate() {
        for i in (0..sentences.len()).filter(|i| i % folds == fold) {
            predicted[i] = model.tag(&lexemes[i]);
        }
    }
    let correct: usize = predicted
        .iter()
        .zip(&gold_tags)
        .map(|(p, g)| p.iter().zip(g).filter(|(a, b)| a == b).count())
        .sum();
    let total: usize = gold_tags.iter().map(Vec::len).sum();
    progress(&format!(
        "jackknifed tag accuracy {:.4}; training the final tagger",
        correct as f64 / total.max(1) as f64
    ));
    let final_tagger = tagger::train(
        tagset.tags.clone(),
        &tagset.upos,
        &tagged(&mut (0..sentences.len())),
        options.tagger_epochs,
        options.seed,
        options.tagger_smallest_weight,
    );
    progress("training the parser");
    let trees: Vec<TreeSentence> = sentences
        .iter()
        .enumerate()
        .map(|(i, s)| TreeSentence {
            lexemes: lexemes[i].clone(),
            tags: predicted[i].clone(),
            heads: s
                .words
                .iter()
                .map(|w| w.head.and_then(|h| h.checked_sub(1)))
                .collect(),
            labels: s.words.iter().map(|w| labels.id(&w.deprel)).collect(),
        })
        .collect();
    let parser = oracle::train(
        labels.names.clone(),
        labels.root,
        &trees,
        options.parser_epochs,
        options.seed,
        options.parser_smallest_weight,
    );
    let model = Syntax::new(final_tagger, parser)?;
    Ok(model.pruned(options.tagger_smallest_final, options.parser_smallest_final))
}

/// `f(0..n)` on up to `threads` threads, results in index order.
fn run_parallel<T: Send>(n: usize, threads: usize, f: impl Fn(usize) -> T + Sync) -> Vec<T> {
    if n == 0 {
        return Vec::new();
    }
    let threads = threads.clamp(1, n);
    let f = &f;
    std::thread::scope(|scope| {
        let workers: Vec<_> = (0..threads)
            .map(|t| {
                scope.spawn(move || {
                    (t..n)
                        .step_by(threads)
                        .map(|i| (i, f(i)))
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        let mut results: Vec<(usize, T)> = workers
            .into_iter()
            .flat_map(|w| match w.join() {
                Ok(part) => part,
                Err(panic) => std::panic::resume_unwind(panic),
            })
            .collect();
        results.sort_by_key(|(i, _)| *i);
        results.into_iter().map(|(_, r)| r).collect()
    })
}

struct TagSet {
    tags: Vec<Tag>,
    upos: Vec<String>,
    /// Pairs too rare to be tags, mapped to the tag standing for them.
    fallback: BTreeMap<(String, String), u16>,
}

impl TagSet {
    fn from(sentences: &[Sentence], min_count: usize) -> TagSet {
        let mut counts: BTreeMap<(String, String), usize> = BTreeMap::new();
        for word in sentences.iter().flat_map(|s| &s.words) {
            *counts
                .entry((word.upos.clone(), word.xpos.clone()))
                .or_default() += 1;
        }
        let tags: Vec<Tag> = counts
            .iter()
            .filter(|(_, &n)| n >= min_count)
            .map(|((upos, xpos), _)| Tag {
                upos: upos.clone(),
                xpos: xpos.clone(),
            })
            .collect();
        let upos: Vec<String> = {
            let mut all: Vec<String> = counts.keys().map(|(u, _)| u.clone()).collect();
            all.dedup();
            all
        };
        let mut fallback = BTreeMap::new();
        for ((u, x), _) in counts.iter().filter(|(_, &n)| n < min_count) {
            let commonest = tags
                .iter()
                .enumerate()
                .filter(|(_, t)| t.upos == *u)
                .max_by_key(|(_, t)| {
                    (
                        counts[&(t.upos.clone(), t.xpos.clone())],
                        std::cmp::Reverse(t.xpos.clone()),
                    )
                })
                .map_or(0, |(i, _)| i as u16);
            fallback.insert((u.clone(), x.clone()), commonest);
        }
        TagSet {
            tags,
            upos,
            fallback,
        }
    }

    fn id(&self, upos: &str, xpos: &str) -> u16 {
        match self
            .tags
            .binary_search_by(|t| (t.upos.as_str(), t.xpos.as_str()).cmp(&(upos, xpos)))
        {
            Ok(i) => i as u16,
            Err(_) => self
                .fallback
                .get(&(upos.to_string(), xpos.to_string()))
                .copied()
                .unwrap_or(0),
        }
    }
}

struct LabelSet {
    names: Vec<String>,
    root: usize,
}

impl LabelSet {
    fn from(sentences: &[Sentence], min_count: usize) -> LabelSet {
        let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
        for word in sentences.iter().flat_map(|s| &s.words) {
            *counts.entry(word.deprel.as_str()).or_default() += 1;
        }
        let mut names: Vec<String> = counts
            .iter()
            .filter(|(name, &n)| n >= min_count || !name.contains(':'))
            .map(|(name, _)| name.to_string())
            .collect();
        for required in ["root", "dep", "punct", "parataxis"] {
            if !names.iter().any(|n| n == required) {
                names.push(required.to_string());
            }
        }
        names.sort();
        let root = names.iter().position(|n| n == "root").unwrap_or(0);
        LabelSet { names, root }
    }

    fn id(&self, deprel: &str) -> u16 {
        let find = |name: &str| self.names.binary_search_by(|n| n.as_str().cmp(name)).ok();
        find(deprel)
            .or_else(|| find(deprel.split(':').next().unwrap_or(deprel)))
            .or_else(|| find("dep"))
            .unwrap_or(0) as u16
    }
}

/// Agreement with a gold treebank, over all words (punctuation included), as the
/// CoNLL 2018 shared task scorer counts with gold tokens: LAS compares the universal
/// part of the relation ("nmod" for "nmod:poss").
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Scores {
    pub words: usize,
    pub upos: usize,
    pub xpos: usize,
    pub unlabelled: usize,
    pub labelled: usize,
    /// Labelled with the full relation, subtypes included.
    pub labelled_exact: usize,
}

impl Scores {
    fn ratio(&self, n: usize) -> f64 {
        n as f64 / self.words.max(1) as f64
    }
    pub fn upos_accuracy(&self) -> f64 {
        self.ratio(self.upos)
    }
    pub fn xpos_accuracy(&self) -> f64 {
        self.ratio(self.xpos)
    }
    pub fn uas(&self) -> f64 {
        self.ratio(self.unlabelled)
    }
    pub fn las(&self) -> f64 {
        self.ratio(self.labelled)
    }
    pub fn las_exact(&self) -> f64 {
        self.ratio(self.labelled_exact)
    }
}

impl std::fmt::Display for Scores {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} words, UPOS {:.4}, XPOS {:.4}, UAS {:.4}, LAS {:.4} (LAS with subtypes {:.4})",
            self.words,
            self.upos_accuracy(),
            self.xpos_accuracy(),
            self.uas(),
            self.las(),
            self.las_exact()
        )
    }
}

/// Tag and parse the gold tokens of `sentences` and score the result.
pub fn evaluate(syntax: &Syntax, sentences: &[Sentence]) -> Scores {
    let mut scores = Scores::default();
    for sentence in sentences {
        let forms: Vec<&str> = sentence.words.iter().map(|w| w.form.as_str()).collect();
        let tree = syntax.analyse(&forms);
        for (i, gold) in sentence.words.iter().enumerate() {
            scores.words += 1;
            scores.upos += usize::from(tree.upos(i) == gold.upos);
            scores.xpos += usize::from(tree.xpos(i) == gold.xpos);
            let head = tree.head(i).map_or(0, |h| h + 1);
            if Some(head) == gold.head {
                scores.unlabelled += 1;
                let universal = |l: &str| l.split(':').next().unwrap_or("").to_string();
                if universal(tree.deprel(i)) == universal(&gold.deprel) {
                    scores.labelled += 1;
                }
                if tree.deprel(i) == gold.deprel {
                    scores.labelled_exact += 1;
                }
            }
        }
    }
    scores
}
