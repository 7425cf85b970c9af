//! What a rule match captured, by word class.

use chrono::Weekday;

use crate::temporal::pattern::{DayPart, Deixis, Modifier, Season, Unit};

/// What a match captured, by class; classes that can occur twice keep two slots.
#[derive(Debug, Clone, Copy, Default)]
pub struct Captures {
    pub(super) months: [Option<u32>; 2],
    pub(super) days: [Option<u32>; 2],
    pub(super) years: [Option<i32>; 2],
    pub(super) weekdays: [Option<Weekday>; 2],
    pub(super) relation: Option<Deixis>,
    pub(super) count: Option<Option<i64>>,
    /// "two and a half years", "2 1/2 years", "a year and a half".
    pub(super) half: bool,
    pub(super) unit: Option<Unit>,
    pub(super) plural: bool,
    pub(super) ordinal: Option<u32>,
    pub(super) season: Option<Season>,
    pub(super) daypart: Option<DayPart>,
    pub(super) clock: Option<(u32, u32)>,
    pub(super) modifier: Option<Modifier>,
    pub(super) offset: Option<i64>,
    pub(super) decade: Option<i32>,
    /// Index into the lexicon's holidays: a small capture, copied at every step.
    pub(super) holiday: Option<u32>,
    pub(super) numbers: [Option<u32>; 2],
    /// An era before the common era was named: the century or decade is one BC.
    pub(super) before_common_era: bool,
    /// The clock time is at Coordinated Universal Time ("16:08 UTC").
    pub(super) universal_time: bool,
}

pub(super) fn push<T: Copy>(slots: &mut [Option<T>; 2], value: T) {
    if slots[0].is_none() {
        slots[0] = Some(value);
    } else {
        slots[1] = Some(value);
    }
}
