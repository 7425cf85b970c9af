//! The averaged perceptron both the tagger and the parser learn with (Collins 2002),
//! stored sparsely: a feature keeps weights only for the classes it was ever updated
//! for, which is a handful of the hundred parser transitions. Features are 32-bit
//! hashes of a template and its values, so no feature strings are ever built or kept;
//! two features that collide simply share weights, which a perceptron shrugs off.

use crate::hash::FastMap;

/// A feature: the 32-bit hash of a template number and the values it reads.
pub type Feature = u32;

/// Hash a template number and its values into a feature. The finaliser is
/// SplitMix64's: every input bit reaches every output bit, which FNV over a few words
/// would not.
#[inline]
pub fn feature(template: u32, values: &[u64]) -> Feature {
    let mut h = u64::from(template).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    for &value in values {
        h = mix(h ^ value);
    }
    let folded = (h ^ (h >> 32)) as u32;
    // 0 marks an empty slot in the lookup table.
    folded.max(1)
}

#[inline]
fn mix(mut z: u64) -> u64 {
    z = z.wrapping_add(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// Trained weights, read-only: an open-addressing table from feature to its run of
/// `(class, weight)` entries, each packed in one `u32`.
#[derive(Debug, Clone, Default)]
pub struct Weights {
    slots: Vec<Slot>,
    entries: Vec<u32>,
    classes: usize,
}

#[derive(Debug, Clone, Copy, Default)]
struct Slot {
    feature: Feature,
    start: u32,
    end: u32,
}

impl Weights {
    /// Build the table from features in ascending order, each with its entries.
    pub fn from_sorted(classes: usize, features: &[(Feature, Vec<(u16, i16)>)]) -> Self {
        let size = (features.len() * 2).next_power_of_two().max(16);
        let mut slots = vec![Slot::default(); size];
        let mut entries = Vec::with_capacity(features.iter().map(|(_, e)| e.len()).sum());
        for (feature, weights) in features {
            let start = entries.len() as u32;
            entries.extend(weights.iter().map(|&(class, w)| pack(class, w)));
            let end = entries.len() as u32;
            let mut i = (*feature as usize) & (size - 1);
            while slots[i].feature != 0 {
                i = (i + 1) & (size - 1);
            }
            slots[i] = Slot {
                feature: *feature,
                start,
                end,
            };
        }
        Weights {
            slots,
            entries,
            classes,
        }
    }

    pub fn classes(&self) -> usize {
        self.classes
    }

    /// Number of features with at least one weight.
    pub fn len(&self) -> usize {
        self.slots.iter().filter(|s| s.feature != 0).count()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Add the weights of `features` into `scores` (one per class).
    #[inline]
    pub fn score(&self, features: &[Feature], scores: &mut [i32]) {
        let mask = self.slots.len().wrapping_sub(1);
        if self.slots.is_empty() {
            return;
        }
        for &feature in features {
            let mut i = (feature as usize) & mask;
            loop {
                let slot = self.slots[i];
                if slot.feature == feature {
                    for &packed in &self.entries[slot.start as usize..slot.end as usize] {
                        let (class, weight) = unpack(packed);
                        if let Some(score) = scores.get_mut(class as usize) {
                            *score += i32::from(weight);
                        }
                    }
                    break;
                }
                if slot.feature == 0 {
                    break;
                }
                i = (i + 1) & mask;
            }
        }
    }

    /// Features in ascending order with their entries, for writing the model.
    pub fn to_sorted(&self) -> Vec<(Feature, Vec<(u16, i16)>)> {
        let mut out: Vec<_> = self
            .slots
            .iter()
            .filter(|slot| slot.feature != 0)
            .map(|slot| {
                let entries = self.entries[slot.start as usize..slot.end as usize]
                    .iter()
                    .map(|&packed| unpack(packed))
                    .collect();
                (slot.feature, entries)
            })
            .collect();
        out.sort_by_key(|(feature, _)| *feature);
        out
    }
}

#[inline]
fn pack(class: u16, weight: i16) -> u32 {
    (u32::from(class) << 16) | u32::from(weight as u16)
}

#[inline]
fn unpack(packed: u32) -> (u16, i16) {
    ((packed >> 16) as u16, packed as u16 as i16)
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

    /// The averaged weights, quantised to 16 bits; weights that round to zero and
    /// features left with no weight are dropped.
    pub fn average(&self) -> Weights {
        let clock = i64::from(self.clock.max(1));
        let mut averaged: Vec<(Feature, Vec<(u16, i64)>)> = self
            .weights
            .iter()
            .map(|(&feature, entries)| {
                let mut out: Vec<(u16, i64)> = entries
                    .iter()
                    .map(|e| {
                        let total =
                            e.total + i64::from(e.weight) * i64::from(self.clock - e.since);
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
                        (q != 0).then_some((class, q))
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
            trainer.average()
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
    fn packing_keeps_negative_weights() {
        for (class, weight) in [(0u16, -1i16), (101, i16::MIN), (7, i16::MAX), (3, 0)] {
            assert_eq!(unpack(pack(class, weight)), (class, weight));
        }
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
