//! Part-of-speech tagging: a greedy left-to-right averaged perceptron over a joint
//! tag, the UD part of speech with the Penn Treebank tag under it (`VERB/VBD`), so
//! tense and participles come with the part of speech. Features follow the
//! well-tried set of Ratnaparkhi and Collins (the word, its affixes and shape, two words
//! either side, the two tags before) plus each neighbour's ambiguity class: the parts
//! of speech the training data gave that word, a cheap look at the tags to come.

use super::lexeme::{Lexeme, PADDING};
use super::perceptron::{feature, Feature, Trainer, Weights};
use crate::hash::FastMap;

/// One tag of the tag set.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Tag {
    pub upos: String,
    pub xpos: String,
}

/// The trained tagger.
#[derive(Debug, Clone)]
pub struct Tagger {
    pub(super) weights: Weights,
    pub(super) tags: Vec<Tag>,
    /// Lower-cased word → bit set of the parts of speech (UPOS) it had in training.
    pub(super) ambiguity: FastMap<u64, u32>,
}

/// Words seen fewer times in training get no ambiguity class.
const MIN_AMBIGUITY_COUNT: u32 = 2;

/// Before the first word: no tag yet.
const NO_TAG: u64 = u16::MAX as u64;

impl Tagger {
    pub fn tags(&self) -> &[Tag] {
        &self.tags
    }

    /// The best tag of each word, read left to right.
    pub fn tag(&self, lexemes: &[Lexeme]) -> Vec<u16> {
        let classes = self.ambiguity_classes(lexemes);
        let mut tags = Vec::with_capacity(lexemes.len());
        let mut features = Vec::with_capacity(40);
        let mut scores = vec![0i32; self.tags.len()];
        for i in 0..lexemes.len() {
            features.clear();
            context_features(lexemes, &classes, &tags, i, &mut features);
            scores.iter_mut().for_each(|s| *s = 0);
            self.weights.score(&features, &mut scores);
            tags.push(best(&scores) as u16);
        }
        tags
    }

    fn ambiguity_classes(&self, lexemes: &[Lexeme]) -> Vec<u64> {
        lexemes
            .iter()
            .map(|lexeme| u64::from(self.ambiguity.get(&lexeme.lower).copied().unwrap_or(0)))
            .collect()
    }
}

/// Index of the highest score; the first wins a tie, so results never depend on
/// anything but the weights.
pub(super) fn best(scores: &[i32]) -> usize {
    let mut best = 0;
    for (i, &score) in scores.iter().enumerate() {
        if score > scores[best] {
            best = i;
        }
    }
    best
}

/// Features of word `i` given the tags already chosen for the words before it.
fn context_features(
    lexemes: &[Lexeme],
    classes: &[u64],
    tags: &[u16],
    i: usize,
    out: &mut Vec<Feature>,
) {
    let at = |offset: isize| -> Option<&Lexeme> {
        let j = i as isize + offset;
        (j >= 0).then(|| lexemes.get(j as usize)).flatten()
    };
    let lower = |offset| at(offset).map_or(PADDING, |l| l.lower);
    let class = |offset: isize| {
        let j = i as isize + offset;
        if j < 0 {
            PADDING
        } else {
            classes.get(j as usize).copied().unwrap_or(PADDING)
        }
    };
    let shape = |offset| at(offset).map_or(PADDING, |l| l.shape);
    let word = &lexemes[i];
    let previous = if i >= 1 {
        u64::from(tags[i - 1])
    } else {
        NO_TAG
    };
    let before_previous = if i >= 2 {
        u64::from(tags[i - 2])
    } else {
        NO_TAG
    };
    let first = u64::from(i == 0);
    out.extend([
        feature(0, &[]),
        feature(1, &[word.lower]),
        feature(2, &[word.form]),
        feature(3, &[word.suffix1]),
        feature(4, &[word.suffix2]),
        feature(5, &[word.suffix3]),
        feature(6, &[word.suffix4]),
        feature(7, &[word.prefix1]),
        feature(8, &[word.prefix3]),
        feature(9, &[word.shape]),
        feature(10, &[word.shape, first]),
        feature(11, &[lower(-1)]),
        feature(12, &[lower(-2)]),
        feature(13, &[lower(1)]),
        feature(14, &[lower(2)]),
        feature(15, &[previous]),
        feature(16, &[previous, before_previous]),
        feature(17, &[previous, word.lower]),
        feature(18, &[lower(-1), word.lower]),
        feature(19, &[word.lower, lower(1)]),
        feature(20, &[at(-1).map_or(PADDING, |l| l.suffix3)]),
        feature(21, &[at(1).map_or(PADDING, |l| l.suffix3)]),
        feature(22, &[class(0)]),
        feature(23, &[class(1)]),
        feature(24, &[class(2)]),
        feature(25, &[class(-1)]),
        feature(26, &[previous, class(1)]),
        feature(27, &[class(0), class(1)]),
        feature(28, &[shape(-1)]),
        feature(29, &[shape(1)]),
        feature(30, &[previous, word.suffix3]),
        feature(31, &[class(0), word.suffix2]),
        feature(32, &[before_previous]),
        feature(33, &[lower(1), lower(2)]),
        feature(34, &[lower(-1), lower(-2)]),
        feature(35, &[class(0), previous]),
        feature(36, &[word.lower, class(1)]),
        feature(37, &[word.suffix3, word.shape]),
        feature(38, &[class(-1), class(0), class(1)]),
    ]);
}

/// A sentence to learn from: its words and their gold tags.
pub struct TaggedSentence {
    pub lexemes: Vec<Lexeme>,
    pub tags: Vec<u16>,
}

/// Train a tagger on `sentences` for `epochs` passes, visiting them in an order
/// shuffled by `seed`; weights under `smallest` (16-bit scale) are dropped.
pub fn train(
    tags: Vec<Tag>,
    upos_names: &[String],
    sentences: &[TaggedSentence],
    epochs: usize,
    seed: u64,
    smallest: i16,
) -> Tagger {
    let ambiguity = ambiguity_table(&tags, upos_names, sentences);
    let mut model = Tagger {
        weights: Weights::default(),
        tags,
        ambiguity,
    };
    let mut trainer = Trainer::new(model.tags.len());
    let mut order: Vec<usize> = (0..sentences.len()).collect();
    let mut random = super::random::training_rng(seed);
    let mut features = Vec::with_capacity(40);
    let mut scores = vec![0i32; model.tags.len()];
    for _ in 0..epochs {
        random.shuffle(&mut order);
        for &s in &order {
            let sentence = &sentences[s];
            let classes = model.ambiguity_classes(&sentence.lexemes);
            let mut guessed = Vec::with_capacity(sentence.lexemes.len());
            for (i, &truth) in sentence.tags.iter().enumerate() {
                features.clear();
                context_features(&sentence.lexemes, &classes, &guessed, i, &mut features);
                scores.iter_mut().for_each(|s| *s = 0);
                trainer.score(&features, &mut scores);
                let guess = best(&scores);
                trainer.update(&features, usize::from(truth), guess);
                trainer.tick();
                guessed.push(guess as u16);
            }
        }
    }
    model.weights = trainer.average(smallest);
    model
}

fn ambiguity_table(
    tags: &[Tag],
    upos_names: &[String],
    sentences: &[TaggedSentence],
) -> FastMap<u64, u32> {
    let upos_bit: Vec<u32> = tags
        .iter()
        .map(|tag| {
            upos_names
                .iter()
                .position(|name| *name == tag.upos)
                .map_or(0, |i| 1u32 << (i % 32))
        })
        .collect();
    let mut table: FastMap<u64, (u32, u32)> = FastMap::default();
    for sentence in sentences {
        for (lexeme, &tag) in sentence.lexemes.iter().zip(&sentence.tags) {
            let (mask, count) = table.entry(lexeme.lower).or_default();
            *mask |= upos_bit[usize::from(tag)];
            *count += 1;
        }
    }
    // A word seen once has a class that is simply its training tag: trained on that,
    // the tagger would trust classes more than they deserve on new text.
    table
        .into_iter()
        .filter(|(_, (_, count))| *count >= MIN_AMBIGUITY_COUNT)
        .map(|(word, (mask, _))| (word, mask))
        .collect()
}
