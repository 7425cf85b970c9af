//! Reviews carried over a rebuild. A reviewer's `review:` block belongs to an event id;
//! when the extractor no longer gives that id (a better reading renamed the event),
//! the review follows the event it became: the same kind, reported by the same
//! articles in the same words. A review nothing takes is kept as an orphan with the
//! event it was written for, so no review is ever lost. Events a reviewer added by
//! hand (`source: reviewer`) are carried as they are.

use std::collections::BTreeMap;

use crate::model::{most_resembling, Event, Kind, Origin, Review, Source, Timeline};

/// What a rebuild did with a review it could not simply carry over by id.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Carried {
    /// The review moved to the event with this id.
    Moved { from: String, to: String },
    /// No event took it: kept under `orphaned:`.
    Orphaned { id: String },
    /// Someone edited these fields of the event directly, not under `review:`:
    /// kept as review overrides.
    Adopted {
        id: String,
        fields: Vec<&'static str>,
    },
    /// An event a reviewer added had the id the articles now give an event: the
    /// reviewer's is renamed, so that each id names one event.
    Renamed { from: String, to: String },
}

/// The reviews of an earlier timeline, sorted out for the new one.
#[derive(Debug, Default)]
pub(super) struct CarryOver {
    /// Per new event (by index), its review.
    pub reviews: Vec<Option<Review>>,
    pub added_by_reviewer: Vec<Event>,
    pub orphaned: Vec<Event>,
    pub carried: Vec<Carried>,
}

/// What a new event offers for matching a review that lost its id.
pub(super) struct Candidate<'a> {
    pub id: &'a str,
    pub kind: Kind,
    pub sources: &'a [Source],
}

/// Sort the earlier timeline's reviews onto the new events: by id first, then, for a
/// review whose id is gone, by what the event was (see the module's comment).
pub(super) fn carry_over(previous: Option<Timeline>, new: &[Candidate]) -> CarryOver {
    let mut out = CarryOver {
        reviews: vec![None; new.len()],
        ..CarryOver::default()
    };
    let Some(previous) = previous else {
        return out;
    };
    let index: BTreeMap<&str, usize> = new.iter().enumerate().map(|(i, c)| (c.id, i)).collect();
    let mut lost: Vec<Event> = Vec::new();
    // Orphans of an earlier rebuild get another chance: the event may be back.
    let mut reviewed: Vec<Event> = previous
        .events
        .into_iter()
        .chain(previous.orphaned)
        .filter(|e| e.review.is_some() || e.source == Some(Origin::Reviewer))
        .collect();
    reviewed.sort_by(|a, b| a.id.cmp(&b.id));
    for event in reviewed {
        if event.source == Some(Origin::Reviewer) {
            out.added_by_reviewer.push(event);
            continue;
        }

        match index.get(event.id.as_str()) {
            Some(&i) if out.reviews[i].is_none() => out.reviews[i] = event.review,
            _ => lost.push(event),
        }
    }
    rename_clashing(&mut out, &index);
    for event in lost {
        match best_match(&event, new, &out.reviews) {
            Some(i) => {
                out.carried.push(Carried::Moved {
                    from: event.id.clone(),
                    to: new[i].id.to_string(),
                });
                out.reviews[i] = event.review;
            }
            None => {
                out.carried.push(Carried::Orphaned {
                    id: event.id.clone(),
                });
                out.orphaned.push(event);
            }
        }
    }
    out
}

/// Events a reviewer added under an id the articles now give: renamed
/// `ID-by-reviewer` (numbered if need be).
fn rename_clashing(out: &mut CarryOver, built: &BTreeMap<&str, usize>) {
    let mut taken: std::collections::BTreeSet<String> =
        out.added_by_reviewer.iter().map(|e| e.id.clone()).collect();
    for event in &mut out.added_by_reviewer {
        if !built.contains_key(event.id.as_str()) {
            continue;
        }
        let mut to = format!("{}-by-reviewer", event.id);
        let mut n = 2;
        while taken.contains(&to) || built.contains_key(to.as_str()) {
            to = format!("{}-by-reviewer-{n}", event.id);
            n += 1;
        }
        taken.insert(to.clone());
        out.carried.push(Carried::Renamed {
            from: std::mem::replace(&mut event.id, to.clone()),
            to,
        });
    }
}

/// Edits made to the builder's fields of `previous` (not under `review:`) become
/// review overrides, so that the rebuild keeps them: each field of an event that
/// differs from what the builder gives now (`built`, a build over `previous`) and
/// that its review does not already override. Only for a file known to have been
/// edited since it was built: otherwise a difference is the extractor's doing.
pub fn adopt_direct_edits(previous: &mut Timeline, built: &Timeline) -> Vec<Carried> {
    let index: BTreeMap<&str, &Event> = built.events.iter().map(|e| (e.id.as_str(), e)).collect();
    let mut adopted = Vec::new();
    for old in previous.events.iter_mut().filter(|e| e.source.is_none()) {
        let Some(new) = index.get(old.id.as_str()) else {
            continue;
        };
        let mut review = old.review.clone().unwrap_or_default();
        let mut fields: Vec<&'static str> = Vec::new();
        macro_rules! adopt {
            ($field:ident, $value:expr) => {
                if review.$field.is_none() && old.$field != new.$field {
                    review.$field = Some($value);
                    fields.push(stringify!($field));
                }
            };
        }
        adopt!(kind, old.kind);
        adopt!(date, old.date);
        adopt!(status, old.status);
        adopt!(actors, old.actors.clone());
        adopt!(counterparts, old.counterparts.clone());
        adopt!(place, old.place.clone());
        adopt!(summary, old.summary.clone());
        if review.killed.is_none() && old.killed != new.killed {
            review.killed = old.killed;
            fields.push("killed");
        }
        if review.injured.is_none() && old.injured != new.injured {
            review.injured = old.injured;
            fields.push("injured");
        }
        if !fields.is_empty() {
            old.review = Some(review);
            adopted.push(Carried::Adopted {
                id: old.id.clone(),
                fields,
            });
        }
    }
    adopted
}

/// The new event, not reviewed yet, that this one became: the same kind (unless the
/// reviewer changed the kind), sharing a quote with it or, failing that, a sentence
/// of the same article re-cut. The most shared quotes win, then the closest words,
/// then the first id.
fn best_match(old: &Event, new: &[Candidate], taken: &[Option<Review>]) -> Option<usize> {
    let kind_was_reviewed = old.review.as_ref().is_some_and(|r| r.kind.is_some());
    let available = new
        .iter()
        .enumerate()
        .filter(|(i, c)| taken[*i].is_none() && (kind_was_reviewed || c.kind == old.kind))
        .map(|(i, c)| (i, c.sources));
    most_resembling(&old.sources, available)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn source(doc: &str, quote: &str) -> Source {
        Source {
            doc: doc.into(),
            quote: quote.into(),
            time_expression: None,
        }
    }

    #[test]
    fn a_review_follows_the_sentence_not_the_kind_it_corrected() {
        let quotes = [source("a.txt", "Russia struck Kyiv on Sunday.")];
        let new = [
            Candidate {
                id: "statement",
                kind: Kind::Statement,
                sources: &quotes,
            },
            Candidate {
                id: "strike",
                kind: Kind::Strike,
                sources: &quotes,
            },
        ];
        let yaml = "id: old\nkind: strike\ndate: null\nstatus: occurred\nactors: []\nplace: null\nsummary: s\nsources:\n- doc: a.txt\n  quote: Russia struck Kyiv on Sunday.\n";
        let mut old: Event = serde_yaml::from_str(yaml).unwrap();
        old.review = Some(Review::default());
        assert_eq!(best_match(&old, &new, &[None, None]), Some(1));
        assert_eq!(
            best_match(&old, &new, &[None, Some(Review::default())]),
            None
        );
        old.review = Some(Review {
            kind: Some(Kind::Statement),
            ..Review::default()
        });
        assert_eq!(best_match(&old, &new, &[None, None]), Some(0));
    }
}
