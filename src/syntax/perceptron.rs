//! The averaged perceptron both the tagger and the parser learn with (Collins 2002),
//! stored sparsely: a feature keeps weights only for the classes it was ever updated
//! for, which is a handful of the hundred parser transitions. Features are 32-bit
//! hashes of a template and its values, so no feature strings are ever built or kept;
//! two features that collide simply share weights, which a perceptron shrugs off.

use crate::hash::FastMap;

/// A feature: the 32-bit hash of a template number and the values it reads.
pub type Feature = u32;

/// Hash a template number and its values into a feature: per value one multiply
/// by the golden ratio and a fold of the high half into the low (multiplication only
/// carries bits upwards), so every input bit reaches the bits the table is indexed by.
/// It runs a hundred times a word; anything slower shows in the parser's speed.
#[inline]
pub fn feature(template: u32, values: &[u64]) -> Feature {
    let mut h = u64::from(template).wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ 0x2545_F491_4F6C_DD1D;
    for &value in values {
        h = (h ^ value).wrapping_mul(0x9E37_79B9_7F4A_7C15);
        h ^= h >> 32;
    }
    let folded = (h ^ (h >> 29)) as u32;
    // 0 marks an empty slot in the lookup table.
    folded.max(1)
}

/// Trained weights, read-only: an open-addressing table from feature to its
/// `(class, weight)` entries. Weights are 8 bits: the model's largest weight is 127
/// and the rest in proportion (scaling all weights alike changes no decision, and
/// 8 bits cost 0.1 LAS on the EWT test set). An entry is 16 bits, class and weight;
/// a slot is 8 bytes, the feature and two entries held right there (four features in
/// five have one or two) or a marker and the place of a run in `runs`. A parse is
/// bound by memory latency, and at this size the tables stay near the processor.
#[derive(Debug, Clone, Default)]
pub struct Weights {
    slots: Vec<u64>,
    /// The size home slots are spread over; `slots` may run past it.
    size: usize,
    /// Runs of features with more than two entries: a length, then the entries.
    runs: Vec<u16>,
    classes: usize,
}

/// An inline entry that is not there: class 0xFE, weight 0.
const UNUSED: u16 = 0xFE00;
/// The top byte of a slot's payload when its entries are in `runs`.
const ELSEWHERE: u32 = 0xFF;
/// Classes are stored in 8 bits, and the markers above must stay apart from them.
pub const MAX_CLASSES: usize = 0xFE;

/// Features are scored in batches of this many: first every slot is loaded, so the
/// memory system fetches them all at once, then the entries are summed.
const BATCH: usize = 128;

impl Weights {
    /// Build the table from features in ascending order, each with its entries,
    /// weights scaled so that the largest is 127.
    pub fn from_sorted(classes: usize, features: &[(Feature, Vec<(u16, i16)>)]) -> Self {
        let largest = features
            .iter()
            .flat_map(|(_, entries)| entries.iter().map(|&(_, w)| i32::from(w).abs()))
            .max()
            .unwrap_or(1)
            .max(1);
        let mut builder = WeightsBuilder::new(classes, features.len());
        let mut scaled = Vec::new();
        for (feature, entries) in features {
            scaled.clear();
            scaled.extend(entries.iter().filter_map(|&(class, w)| {
                let w = (f64::from(w) * 127.0 / f64::from(largest)).round() as i8;
                (w != 0).then_some((class as u8, w))
            }));
            if !scaled.is_empty() {
                builder.push(*feature, scaled.iter().copied());
            }
        }
        builder.finish()
    }

    pub fn classes(&self) -> usize {
        self.classes
    }

    /// Add the weights of `features` into `scores` (one per class).
    #[inline]
    pub fn score(&self, features: &[Feature], scores: &mut [i32]) {
        if self.slots.is_empty() {
            return;
        }
        let size = self.size;
        let mut homes = [0u32; BATCH];
        for batch in features.chunks(BATCH) {
            // Independent loads: the processor overlaps their cache misses.
            let mut touched = 0u64;
            for (home_slot, &feature) in homes.iter_mut().zip(batch) {
                let i = home(feature, size);
                *home_slot = i as u32;
                touched ^= self.slots.get(i).copied().unwrap_or(0);
            }
            std::hint::black_box(touched);
            for (&i, &feature) in homes.iter().zip(batch) {
                let Some(payload) = self.find(i as usize, feature) else {
                    continue;
                };
                if payload >> 24 == ELSEWHERE {
                    let start = (payload & 0x00FF_FFFF) as usize;
                    let length = self.runs.get(start).map_or(0, |&n| usize::from(n));
                    for &entry in self.runs.get(start + 1..start + 1 + length).unwrap_or(&[]) {
                        add(scores, entry);
                    }
                } else {
                    add(scores, payload as u16);
                    let second = (payload >> 16) as u16;
                    if second != UNUSED {
                        add(scores, second);
                    }
                }
            }
        }
    }

    /// The payload of `feature`'s slot, searching from its home slot `i`. Features
    /// sit in the table in ascending order (see [`WeightsBuilder`]), so the search
    /// stops at the first larger one: a feature the model never saw costs one slot,
    /// not a walk to the next empty one.
    #[inline]
    fn find(&self, mut i: usize, feature: Feature) -> Option<u32> {
        while let Some(&slot) = self.slots.get(i) {
            let found = (slot >> 32) as u32;
            if found == feature {
                return Some(slot as u32);
            }
            if found == 0 || found > feature {
                return None;
            }
            i += 1;
        }
        None
    }

    /// These weights without the entries smaller than `smallest` in magnitude (on
    /// the model's scale, the largest weight being 127), and without the features
    /// left empty: a smaller, faster model.
    pub fn pruned(&self, smallest: i16) -> Weights {
        let kept: Vec<(Feature, Vec<(u16, i16)>)> = self
            .to_sorted()
            .into_iter()
            .map(|(feature, entries)| {
                let entries: Vec<_> = entries
                    .into_iter()
                    .filter(|&(_, w)| w.unsigned_abs() >= smallest.unsigned_abs())
                    .collect();
                (feature, entries)
            })
            .filter(|(_, entries)| !entries.is_empty())
            .collect();
        Weights::from_sorted(self.classes, &kept)
    }

    /// Features in ascending order with their entries (weights on the model's scale),
    /// for writing the model.
    pub fn to_sorted(&self) -> Vec<(Feature, Vec<(u16, i16)>)> {
        self.slots
            .iter()
            .filter(|&&slot| slot != 0)
            .map(|&slot| {
                let payload = slot as u32;
                let entries: Vec<u16> = if payload >> 24 == ELSEWHERE {
                    let start = (payload & 0x00FF_FFFF) as usize;
                    let length = self.runs.get(start).map_or(0, |&n| usize::from(n));
                    self.runs
                        .get(start + 1..start + 1 + length)
                        .unwrap_or(&[])
                        .to_vec()
                } else {
                    [payload as u16, (payload >> 16) as u16]
                        .into_iter()
                        .filter(|&e| e != UNUSED)
                        .collect()
                };
                let entries = entries
                    .into_iter()
                    .map(|e| (e >> 8, i16::from(e as u8 as i8)))
                    .collect();
                ((slot >> 32) as u32, entries)
            })
            .collect()
    }
}

#[inline]
fn add(scores: &mut [i32], entry: u16) {
    if let Some(score) = scores.get_mut(usize::from(entry >> 8)) {
        *score += i32::from(entry as u8 as i8);
    }
}

/// A feature's first slot: its place in `0..size` in proportion to its value, so
/// features inserted in ascending order fill the table front to back (loading a model
/// writes memory in order, and the table stays sorted) and the table needs no
/// power-of-two size. `size` is the table's nominal size: slots past it only take
/// the overflow of the last features.
#[inline]
fn home(feature: Feature, size: usize) -> usize {
    ((u64::from(feature) * size as u64) >> 32) as usize
}

/// Fills a [`Weights`] table with features given in ascending order.
pub struct WeightsBuilder {
    weights: Weights,
    next_free: usize,
    buffer: Vec<u16>,
}

impl WeightsBuilder {
    /// Room for `features` features; `classes` must not pass [`MAX_CLASSES`].
    /// Features must come in ascending order: each goes to the first free slot from
    /// its home on, so the table stays sorted, which lookups rely on.
    pub fn new(classes: usize, features: usize) -> Self {
        let size = (features + features / 3).max(16);
        WeightsBuilder {
            weights: Weights {
                slots: vec![0; size],
                size,
                runs: Vec::new(),
                classes,
            },
            next_free: 0,
            buffer: Vec::new(),
        }
    }

    /// Add a feature (larger than any before) with its entries, weights on the
    /// model's scale. A table holds up to 16 million run entries; past that a
    /// feature's entries are dropped (a model that size would be pruned first).
    pub fn push(&mut self, feature: Feature, entries: impl Iterator<Item = (u8, i8)>) {
        let weights = &mut self.weights;
        let packed = &mut self.buffer;
        packed.clear();
        packed.extend(entries.map(|(class, w)| (u16::from(class) << 8) | u16::from(w as u8)));
        let payload = match packed.as_slice() {
            [] => return,
            [one] => u32::from(*one) | (u32::from(UNUSED) << 16),
            [one, two] => u32::from(*one) | (u32::from(*two) << 16),
            many => {
                let start = weights.runs.len();
                if start + many.len() >= 1 << 24 || many.len() > usize::from(u16::MAX) {
                    return;
                }
                weights.runs.push(many.len() as u16);
                weights.runs.extend_from_slice(many);
                (ELSEWHERE << 24) | start as u32
            }
        };
        let i = home(feature, weights.size).max(self.next_free);
        if i >= weights.slots.len() {
            weights.slots.resize(i + 1, 0);
        }
        weights.slots[i] = (u64::from(feature) << 32) | u64::from(payload);
        self.next_free = i + 1;
    }

    pub fn finish(self) -> Weights {
        self.weights
    }
}

/// Weights being learned. Integer arithmetic throughout, so the same examples in the
/// same order give the same model bytes on any machine.
#[derive(Debug, Default)]
pub struct Trainer {
    classes: usize,
    weights: FastMap<Feature, Vec<Learned>>,
    /// Number of updates seen so far: the clock the averages are taken over.
    clock: u32,
}

#[derive(Debug, Clone, Copy)]
struct Learned {
    class: u16,
    weight: i32,
    /// Sum of the weight over the clock ticks up to `since`.
    total: i64,
    since: u32,
}

impl Trainer {
    pub fn new(classes: usize) -> Self {
        Trainer {
            classes,
            weights: FastMap::default(),
            clock: 0,
        }
    }

    /// Current (not averaged) scores, used while training.
    pub fn score(&self, features: &[Feature], scores: &mut [i32]) {
        for feature in features {
            if let Some(entries) = self.weights.get(feature) {
                for entry in entries {
                    scores[entry.class as usize] += entry.weight;
                }
            }
        }
    }

    /// One example has been seen (advance the averaging clock).
    pub fn tick(&mut self) {
        self.clock += 1;
    }

    /// Reward `truth` and penalise `guess` on `features`.
    pub fn update(&mut self, features: &[Feature], truth: usize, guess: usize) {
        if truth == guess {
            return;
        }
        let clock = self.clock;
        for &feature in features {
            let entries = self.weights.entry(feature).or_default();
            for (class, delta) in [(truth, 1), (guess, -1)] {
                let class = class as u16;
                let entry = match entries.iter_mut().position(|e| e.class == class) {
                    Some(i) => &mut entries[i],
                    None => {
                        entries.push(Learned {
                            class,
                            weight: 0,
                            total: 0,
                            since: clock,
                        });
                        let last = entries.len() - 1;
                        &mut entries[last]
                    }
                };
                entry.total += i64::from(entry.weight) * i64::from(clock - entry.since);
                entry.since = clock;
                entry.weight += delta;
            }
        }
    }

    /// The averaged weights. They are first quantised to 16 bits, and those under
    /// `smallest` in magnitude dropped (with features left with no weight), then
    /// scaled to the table's 8 bits.
    pub fn average(&self, smallest: i16) -> Weights {
        let clock = i64::from(self.clock.max(1));
        let mut averaged: Vec<(Feature, Vec<(u16, i64)>)> = self
            .weights
            .iter()
            .map(|(&feature, entries)| {
                let mut out: Vec<(u16, i64)> = entries
                    .iter()
                    .map(|e| {
                        let total = e.total + i64::from(e.weight) * i64::from(self.clock - e.since);
                        (e.class, total)
                    })
                    .filter(|&(_, total)| total != 0)
                    .collect();
                out.sort_unstable();
                (feature, out)
            })
            .collect();
        averaged.sort_unstable_by_key(|(feature, _)| *feature);
        // Averaged weights are totals / clock. One scale for the whole model keeps the
        // ranking of classes; it is as fine as the largest weight lets 16 bits be,
        // and never finer than 1/1024 of an update, below anything that decides.
        let largest = averaged
            .iter()
            .flat_map(|(_, entries)| entries.iter().map(|(_, total)| total.unsigned_abs()))
            .max()
            .unwrap_or(0);
        let largest_weight = (largest / clock as u64).max(1) as i64;
        let scale = (i64::from(i16::MAX) / (largest_weight + 1)).clamp(1, 1024);
        let features: Vec<(Feature, Vec<(u16, i16)>)> = averaged
            .into_iter()
            .map(|(feature, entries)| {
                let quantised = entries
                    .into_iter()
                    .filter_map(|(class, total)| {
                        let q = (total * scale + total.signum() * clock / 2) / clock;
                        let q = q.clamp(i64::from(i16::MIN), i64::from(i16::MAX)) as i16;
                        (q != 0 && q.unsigned_abs() >= smallest.unsigned_abs())
                            .then_some((class, q))
                    })
                    .collect::<Vec<_>>();
                (feature, quantised)
            })
            .filter(|(_, entries)| !entries.is_empty())
            .collect();
        Weights::from_sorted(self.classes, &features)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn learns_a_separable_problem_and_averages_deterministically() {
        let examples = [
            (vec![feature(1, &[1]), feature(2, &[7])], 0usize),
            (vec![feature(1, &[2]), feature(2, &[7])], 1),
            (vec![feature(1, &[3]), feature(2, &[8])], 2),
        ];
        let train = || {
            let mut trainer = Trainer::new(3);
            for _ in 0..5 {
                for (features, truth) in &examples {
                    let mut scores = [0; 3];
                    trainer.score(features, &mut scores);
                    let guess = argmax(&scores);
                    trainer.update(features, *truth, guess);
                    trainer.tick();
                }
            }
            trainer.average(0)
        };
        let weights = train();
        for (features, truth) in &examples {
            let mut scores = [0; 3];
            weights.score(features, &mut scores);
            assert_eq!(argmax(&scores), *truth);
        }
        assert_eq!(weights.to_sorted(), train().to_sorted());
    }

    #[test]
    fn the_table_gives_back_what_went_in_scaled_to_127() {
        let features = vec![
            (5, vec![(0u16, -300i16)]),
            (9, vec![(1, 600), (3, -600)]),
            (77, vec![(0, 1), (1, 2), (2, -6), (3, 6)]),
            (u32::MAX, vec![(250, 600)]),
        ];
        let weights = Weights::from_sorted(251, &features);
        assert_eq!(
            weights.to_sorted(),
            vec![
                (5, vec![(0, -64)]),
                (9, vec![(1, 127), (3, -127)]),
                (77, vec![(2, -1), (3, 1)]),
                (u32::MAX, vec![(250, 127)]),
            ]
        );
        let mut scores = vec![0; 251];
        weights.score(&[9, 5, 1234, 77, u32::MAX], &mut scores);
        assert_eq!(&scores[..4], &[-64, 127, -1, -126]);
        assert_eq!(scores[250], 127);
        // Scaled again, a scaled table stays as it is.
        assert_eq!(
            Weights::from_sorted(251, &weights.to_sorted()).to_sorted(),
            weights.to_sorted()
        );
    }

    fn argmax(scores: &[i32]) -> usize {
        let mut best = 0;
        for (i, &s) in scores.iter().enumerate() {
            if s > scores[best] {
                best = i;
            }
        }
        best
    }
}
