//! Ordering cues between the events of a sentence ("A after B").

use super::candidates::in_date;
use std::collections::BTreeMap;

use super::event::{EventOrder, ExtractedEvent};
use super::lexicon::{CueSense, OrderCue};
use super::view::{Candidate, SentenceView};
use crate::document::Document;
use crate::model::{Kind, LinkKind};
use crate::temporal::Mention;

/// One side of an ordering cue inside a sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Side {
    /// A trigger of this sentence that became an event.
    Candidate(usize),
    /// "this statement", "the talks": the article's last event of that kind.
    Anaphor(Kind),
}

/// "A <cue> B" found in a sentence, before its sides are article events.
pub(super) struct CuedPair {
    pub(super) subject: Side,
    pub(super) other: Side,
    pub(super) sense: CueSense,
    pub(super) min_days: i64,
    pub(super) max_days: Option<i64>,
    pub(super) cue: String,
}

/// A cued pair with its anaphors looked up among the article's events.
pub(super) struct PendingOrder {
    pair: CuedPair,
    subject: Option<usize>,
    other: Option<usize>,
}

/// Look up the anaphors of the sentence's pairs among the events the article
/// reported before the sentence, before the sentence's own events join them.
pub(super) fn with_anaphors(
    pairs: Vec<CuedPair>,
    events: &[ExtractedEvent],
    start: usize,
) -> Vec<PendingOrder> {
    let anaphor = |kind: Kind| {
        events
            .iter()
            .enumerate()
            .filter(|(_, e)| e.kind == kind)
            .filter_map(|(i, e)| {
                let last = e
                    .evidence
                    .iter()
                    .map(|ev| ev.start)
                    .filter(|&s| s < start)
                    .max()?;
                Some((last, i))
            })
            .max()
            .map(|(_, i)| i)
    };
    let of = |side: Side| match side {
        Side::Anaphor(kind) => anaphor(kind),
        Side::Candidate(_) => None,
    };
    pairs
        .into_iter()
        .map(|pair| PendingOrder {
            subject: of(pair.subject),
            other: of(pair.other),
            pair,
        })
        .collect()
}

/// What the sentence (starting at `start`) says about the order of the article's
/// events; `event_of` maps its candidates to the events they became.
pub(super) fn add_event_orders(
    orders: &mut Vec<EventOrder>,
    pending: Vec<PendingOrder>,
    event_of: &BTreeMap<usize, usize>,
    start: usize,
    quote: &str,
) {
    for PendingOrder {
        pair,
        subject,
        other,
    } in pending
    {
        let event = |side: Side, anaphor: Option<usize>| match side {
            Side::Candidate(c) => event_of.get(&c).copied(),
            Side::Anaphor(_) => anaphor,
        };
        let (Some(a), Some(b)) = (event(pair.subject, subject), event(pair.other, other)) else {
            continue;
        };
        if a == b {
            continue;
        }
        // "A <cue> B": which one came first, and what the later one is to it.
        let (earlier, later, link) = match pair.sense {
            CueSense::After => (b, a, LinkKind::Follows),
            CueSense::Before => (a, b, LinkKind::Follows),
            CueSense::Response => (b, a, LinkKind::RespondsTo),
            CueSense::During => (b, a, LinkKind::PartOf),
        };
        let duplicate = orders
            .iter()
            .any(|r| (r.earlier, r.later, r.link) == (earlier, later, link));
        if !duplicate {
            orders.push(EventOrder {
                earlier,
                later,
                link,
                min_days: pair.min_days,
                max_days: pair.max_days,
                cue: pair.cue,
                start,
                quote: quote.to_string(),
            });
        }
    }
}

/// "A <cue> B" between the sentence's events: the event nearest before the cue and
/// the first after it in the same clause; a cue that opens the sentence ("After
/// talks in Istanbul, Russia struck Odesa") relates the event after the next comma.
pub(super) fn find_cued_pairs(
    candidates: &[Candidate],
    kept: &[bool],
    times: &[Mention],
    view: &SentenceView<'_, '_>,
    doc: &Document,
) -> Vec<CuedPair> {
    let events = &view.lexicon.events;
    let side = |index: usize| side_of(candidates, kept, index, view);
    let mut found = Vec::new();
    let mut i = 0;
    while i < view.tokens.len() {
        let cue = match events.order_cue_at(&view.folded, i) {
            Some(cue) if !in_date(times, i) => cue,
            _ => {
                i += 1;
                continue;
            }
        };
        let cue_end = i + cue.words.len();
        // "the following day", "a following wave": a determiner makes it an adjective.
        let determiner = i
            .checked_sub(1)
            .is_some_and(|j| events.articles.contains(&view.folded[j]));
        if cue.words.len() == 1 && determiner {
            i = cue_end;
            continue;
        }
        let (cue_first, min_days, max_days) = counted_gap(view, cue, i);
        let pair = events_around(candidates, view, cue_first, cue_end);
        if let Some((Some(subject), Some(other))) = pair.map(|(a, b)| (side(a), side(b))) {
            let span = view.tokens[cue_first].start..view.tokens[cue_end - 1].end;
            found.push(CuedPair {
                subject,
                other,
                sense: cue.sense,
                min_days,
                max_days,
                cue: doc.text[span].to_string(),
            });
        }
        i = cue_end;
    }
    found
}

/// A side of a pair: a kept candidate, or a noun that points back to an event the
/// article reported ("this statement came shortly after ...").
fn side_of(
    candidates: &[Candidate],
    kept: &[bool],
    index: usize,
    view: &SentenceView<'_, '_>,
) -> Option<Side> {
    if kept[index] {
        return Some(Side::Candidate(index));
    }
    let candidate = &candidates[index];
    let pointed = (candidate.first.saturating_sub(4)..candidate.first)
        .rev()
        .take_while(|&j| !view.is_break(j) && view.name_at(j).is_none())
        .any(|j| view.lexicon.events.anaphors.contains(&view.folded[j]));
    (candidate.noun && candidate.actors.is_empty() && pointed)
        .then_some(Side::Anaphor(candidate.kind))
}

/// "two days after", "three weeks before": the count sets the gap. Where the cue
/// starts, counting its count, and its gap in days.
fn counted_gap(view: &SentenceView<'_, '_>, cue: &OrderCue, i: usize) -> (usize, i64, Option<i64>) {
    let events = &view.lexicon.events;
    let numbers = &view.lexicon.temporal.number_words;
    let count_at = |j: usize| -> Option<i64> {
        let word = view.folded.get(j)?;
        numbers
            .get(word)
            .copied()
            .flatten()
            .or_else(|| word.parse().ok())
    };
    let unit_at = if events.count_units.contains_key(&view.folded[i]) {
        Some(i)
    } else {
        i.checked_sub(1)
            .filter(|&j| events.count_units.contains_key(&view.folded[j]))
    };
    if let Some(unit_at) = unit_at {
        let count = unit_at.checked_sub(1).and_then(count_at);
        if let (Some(count), Some(&(lo, hi))) =
            (count, events.count_units.get(&view.folded[unit_at]))
        {
            return (
                unit_at - 1,
                count.saturating_mul(lo),
                Some(count.saturating_mul(hi)),
            );
        }
    }
    (i, cue.min_days, cue.max_days)
}

/// The candidates a cue at `cue_first..cue_end` relates, as (A, B) of "A <cue> B".
fn events_around(
    candidates: &[Candidate],
    view: &SentenceView<'_, '_>,
    cue_first: usize,
    cue_end: usize,
) -> Option<(usize, usize)> {
    let right = candidates.iter().position(|c| {
        c.first >= cue_end
            && c.first <= cue_end + 12
            && !(cue_end..c.first).any(|j| view.is_break(j))
    })?;
    match candidates.iter().rposition(|c| c.end <= cue_first) {
        Some(left) => Some((left, right)),
        None => (candidates[right].end..view.tokens.len())
            .find(|&j| view.tokens[j].text == ",")
            .and_then(|comma| candidates.iter().position(|c| c.first > comma))
            .map(|a| (a, right)),
    }
}
