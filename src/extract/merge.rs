//! One event reported twice in an article becomes one event.

use super::event::ExtractedEvent;
use super::lexicon::Lexicon;
use super::sides::{drop_represented, push_unique};
use crate::hash::{FastMap, FastSet};
use crate::model::Kind;
use crate::temporal::When;

/// An article's events by kind and main actor, by kind and place, and strikes by
/// their targets: the only earlier events a new report can be merged into (see
/// [`merge_into`]), so that an article of thousands of events is not a scan of all
/// of them per report. Names are hashed (a collision only adds a candidate: the
/// match is checked in full), and keys an event no longer has stay listed.
#[derive(Debug, Default)]
pub(super) struct MergeIndex {
    /// (kind, role of the name, hash of the name) → events, in article order.
    lists: FastMap<(Kind, Role, u64), Vec<usize>>,
    listed: FastSet<(Kind, Role, u64, usize)>,
}

/// What a name indexed in [`MergeIndex`] is to its event.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Role {
    Initiator,
    Place,
    Target,
}

fn name_hash(name: &str) -> u64 {
    crate::hash::fnv1a_64(name.bytes())
}

impl MergeIndex {
    fn keys(event: &ExtractedEvent) -> impl Iterator<Item = (Kind, Role, u64)> + '_ {
        let actor = event
            .main_actor()
            .map(|a| (event.kind, Role::Initiator, name_hash(a)));
        let place = event
            .place
            .as_deref()
            .map(|p| (event.kind, Role::Place, name_hash(p)));
        let targets = event
            .counterparts
            .iter()
            .filter(|_| event.kind == Kind::Strike)
            .map(|t| (event.kind, Role::Target, name_hash(t)));
        actor.into_iter().chain(place).chain(targets)
    }

    fn candidates(&self, new: &ExtractedEvent) -> Vec<usize> {
        let mut found: Vec<usize> = Self::keys(new)
            .filter_map(|key| self.lists.get(&key))
            .flatten()
            .copied()
            .collect();
        found.sort_unstable();
        found.dedup();
        found
    }

    fn add(&mut self, index: usize, event: &ExtractedEvent) {
        for (kind, role, hash) in Self::keys(event) {
            if self.listed.insert((kind, role, hash, index)) {
                self.lists
                    .entry((kind, role, hash))
                    .or_default()
                    .push(index);
            }
        }
    }
}

/// Days before publication after which a dated event is the article's background,
/// which no undated report of it joins.
const BACKGROUND_DAYS: i64 = 90;

/// Fold a new report into an earlier event of the same article when it is the same
/// event told again: same kind and initiator, place and date that do not disagree. A
/// report that names no actor ("the Moscow meeting") joins only an event at the same
/// named place, or a strike on the same person.
pub(super) fn merge_into(
    events: &mut Vec<ExtractedEvent>,
    index: &mut MergeIndex,
    new: ExtractedEvent,
    people: &std::collections::BTreeSet<String>,
    lexicon: &Lexicon,
    published: Option<chrono::NaiveDate>,
) -> usize {
    // "a senior Russian official" at the same place as Dmitriev is Dmitriev.
    let stands_for = |person: Option<&str>, country: Option<&str>| match (person, country) {
        (Some(p), Some(c)) => lexicon.gazetteer.affiliation(p) == Some(c),
        _ => false,
    };
    // An undated report is news: it is not the background the article dates months
    // before it ("a missile attack on a restaurant" and "since Russia invaded in
    // February last year").
    let background = |date: &Option<When>| {
        let ended = date.as_ref().and_then(When::end);
        matches!((ended, published), (Some(end), Some(day)) if (day - end).num_days() > BACKGROUND_DAYS)
    };
    let dates_agree = |a: &ExtractedEvent, b: &ExtractedEvent| {
        a.date == b.date
            || a.date.is_none() && !background(&b.date)
            || b.date.is_none() && !background(&a.date)
    };
    let places_agree = |a: &ExtractedEvent, b: &ExtractedEvent| {
        a.place == b.place || a.place.is_none() || b.place.is_none()
    };
    let matches = |old: &ExtractedEvent| {
        if old.kind != new.kind || !dates_agree(old, &new) {
            return false;
        }
        // Actions of one side are many kinds of act: expelling diplomats is not
        // withdrawing one's own.
        let modes_differ = old.mode.is_some() && new.mode.is_some() && old.mode != new.mode;
        if old.kind == Kind::Action && modes_differ {
            return false;
        }
        if old.actors.is_empty() || new.actors.is_empty() {
            // "Imran Khan was shot" told twice, or once with "a gunman shot him": one
            // strike on one person.
            let same_victim = old.kind == Kind::Strike
                && old.status == new.status
                && places_agree(old, &new)
                && old
                    .counterparts
                    .iter()
                    .any(|c| people.contains(c) && new.counterparts.contains(c));
            return old.place.is_some() && old.place == new.place || same_victim;
        }
        let same_actor = old.main_actor() == new.main_actor();
        let same_side = old.place.is_some()
            && old.place == new.place
            && (stands_for(old.main_actor(), new.main_actor())
                || stands_for(new.main_actor(), old.main_actor()));
        (same_actor || same_side) && places_agree(old, &new) && old.status == new.status
    };
    // The first that matches, as a scan of all would find.
    let same = index
        .candidates(&new)
        .into_iter()
        .find(|&i| matches(&events[i]));
    let Some(at) = same else {
        events.push(new);
        let at = events.len() - 1;
        index.add(at, &events[at]);
        return at;
    };
    let old = &mut events[at];
    // Keep the most informative version of each field; evidence accumulates.
    if old.actors.is_empty() || stands_for(new.main_actor(), old.main_actor()) {
        // The named person leads over the country that stood for them.
        let mut actors = new.actors.clone();
        for actor in &old.actors {
            push_unique(&mut actors, actor.clone());
        }
        old.actors = actors;
    } else {
        for actor in &new.actors {
            push_unique(&mut old.actors, actor.clone());
        }
    }
    // The initiator stays first; people before countries among the rest.
    if old.actors.len() > 2 {
        old.actors[1..].sort_by_key(|a| !people.contains(a));
    }
    for counterpart in &new.counterparts {
        if !old.actors.contains(counterpart) {
            push_unique(&mut old.counterparts, counterpart.clone());
        }
    }
    drop_represented(&mut old.counterparts, |side| {
        lexicon.gazetteer.country_of(side).map(str::to_string)
    });
    if old.mode.is_none() && new.mode.is_some() {
        old.mode = new.mode.clone();
        old.cameo = new.cameo.clone();
    }
    old.killed = old.killed.max(new.killed);
    old.injured = old.injured.max(new.injured);
    if old.place.is_none() {
        old.place = new.place.clone();
    }
    if old.date.is_none() && new.date.is_some() {
        old.date = new.date;
        old.status = new.status;
    }
    for evidence in new.evidence {
        // Sentences are read in order: one already there is among the last.
        let same_sentence = old
            .evidence
            .iter_mut()
            .rev()
            .take_while(|e| e.start >= evidence.start)
            .find(|e| e.start == evidence.start);
        match same_sentence {
            Some(same_sentence) => {
                if same_sentence.time.is_none() {
                    same_sentence.time = evidence.time;
                }
            }
            None => old.evidence.push(evidence),
        }
    }
    index.add(at, &events[at]);
    at
}
