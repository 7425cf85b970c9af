//! The timeline as users see it: YAML format v1, the contract with reviewers, with
//! `score_timeline.py` and with `dateline dot`. Field order here is output order.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::temporal::When;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    Meeting,
    Statement,
    Strike,
    Agreement,
    /// Any other act of one side toward another that a timeline of a conflict
    /// keeps: troops deployed or withdrawn, drills, envoys recalled or expelled,
    /// arrests, sanctions, a border closed (CAMEO 15-17).
    Action,
}

impl Kind {
    pub const ALL: [Kind; 5] = [
        Kind::Meeting,
        Kind::Statement,
        Kind::Strike,
        Kind::Agreement,
        Kind::Action,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Meeting => "meeting",
            Kind::Statement => "statement",
            Kind::Strike => "strike",
            Kind::Agreement => "agreement",
            Kind::Action => "action",
        }
    }
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    Occurred,
    Planned,
}

impl fmt::Display for Status {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Status::Occurred => "occurred",
            Status::Planned => "planned",
        })
    }
}

/// How a document's publication date was obtained.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum DateSource {
    /// Given on the command line (`extract --published`).
    Argument,
    /// From `sources.yaml` beside the article.
    Manifest,
    /// From the article's own YAML front matter.
    FrontMatter,
    /// Inferred from a dateline such as "MOSCOW, Feb 5 (Reuters)".
    Dateline,
    /// Not known: relative dates in the article stay unresolved.
    None,
}

impl fmt::Display for DateSource {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            DateSource::Argument => "argument",
            DateSource::Manifest => "manifest",
            DateSource::FrontMatter => "front-matter",
            DateSource::Dateline => "dateline",
            DateSource::None => "none",
        })
    }
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Timeline {
    pub title: String,
    pub documents: Vec<DocumentEntry>,
    /// In timeline order.
    pub events: Vec<Event>,
    /// Constraints that cannot all hold; each names the one set aside.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub conflicts: Vec<Conflict>,
    /// Reviewed events the articles no longer give and no new event could take the
    /// review of: kept with their last known content so that no review is lost.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub orphaned: Vec<Event>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DocumentEntry {
    pub doc: String,
    pub published: Option<NaiveDate>,
    pub published_from: DateSource,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub outlet: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Event {
    /// Derived from what the event is (date, kind, main actor, place), so it survives
    /// re-extraction and reviewers' edits can be matched to it.
    pub id: String,
    /// `reviewer` for an event a reviewer added by hand (the builder keeps it as it
    /// is); absent for events the articles gave.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<Origin>,
    /// The reviewer's part, which the builder never overwrites: carried over by id
    /// on every rebuild, its overrides already applied to the fields below.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub review: Option<Review>,
    pub kind: Kind,
    /// A finer type of the kind, after PLOVER's modes ("phone", "visit", "drone",
    /// "ceasefire"); the lexicon lists them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mode: Option<String>,
    /// CAMEO root code ("04" consult, "19" fight), so the timeline lines up with
    /// event datasets.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub cameo: String,
    /// At the precision the text supports; null when unknown.
    pub date: Option<When>,
    /// True when no source dates the event and `date` is the one day its bounds
    /// leave ("this statement came shortly after" a dated strike).
    #[serde(default, skip_serializing_if = "is_false")]
    pub date_inferred: bool,
    /// Day bounds, when `date` is null or coarser than a day; omitted when unbounded.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub earliest: Option<NaiveDate>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub latest: Option<NaiveDate>,
    pub status: Status,
    /// Who initiates: the speaker, the visitor, the attacker (several when the text
    /// coordinates them).
    pub actors: Vec<String>,
    /// The other side: who was met, the target of a strike or of an accusation.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub counterparts: Vec<String>,
    pub place: Option<String>,
    /// Casualty figures the sources state (the highest, as tolls rise).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub killed: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub injured: Option<u32>,
    pub summary: String,
    pub sources: Vec<Source>,
    /// Events this one is known to follow (by the dates or the text), immediate
    /// predecessors only, among the events of its own articles.
    #[serde(default)]
    pub after: Vec<String>,
    /// What the text says about its relation to other events.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub links: Vec<Link>,
    /// Fields that are not part of the format, found in an edited file: reviewers'
    /// fields go under `review:`; `build` moves the review keys there and refuses to
    /// drop any other.
    #[serde(flatten)]
    pub extra: BTreeMap<String, serde_yaml::Value>,
}

impl Event {
    /// The day that places the event among others: its date's first day, else a
    /// bound.
    pub fn placing_day(&self) -> Option<NaiveDate> {
        self.date
            .and_then(|d| d.start())
            .or(self.earliest)
            .or(self.latest)
    }

    pub fn is_rejected(&self) -> bool {
        self.review.as_ref().is_some_and(|r| r.rejected)
    }

    pub fn is_verified(&self) -> bool {
        self.review
            .as_ref()
            .is_some_and(|r| r.verified == Some(true))
    }

    /// The event as its reviewer has it: each override in place of the builder's
    /// field. (The builder writes events this way already; an edited file that was
    /// not rebuilt yet needs it.)
    pub fn reviewed(&self) -> Event {
        let mut event = self.clone();
        if let Some(review) = &self.review {
            review.apply_to(&mut event);
        }
        event
    }
}

/// Put `event` into `events` (in timeline order) before the first event placed
/// later than it; an event with no day goes last. For events the builder did not
/// place: one a reviewer added, or re-dated in a file not rebuilt yet.
pub fn insert_in_time(events: &mut Vec<Event>, event: Event) {
    let position = event.placing_day().and_then(|day| {
        events
            .iter()
            .position(|e| e.placing_day().is_some_and(|d| d > day))
    });
    match position {
        Some(at) => events.insert(at, event),
        None => events.push(event),
    }
}

/// Who put an event in the timeline, when it was not the articles.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Origin {
    Reviewer,
}

/// A reviewer's verdict on one event and their corrections to it. Every field is
/// optional; an override replaces the builder's value and, for `date`, `status` and
/// `kind`, feeds the graph as the strongest constraint.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Review {
    /// Checked against the sources (true) or found doubtful (false).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub verified: Option<bool>,
    /// Not an event at all (a misreading): kept in the file so the rejection is
    /// remembered, left out of the order, the links and the picture.
    #[serde(default, skip_serializing_if = "is_false")]
    pub rejected: bool,
    /// Why it was rejected.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<Kind>,
    /// `null` says the date is not known.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "present"
    )]
    pub date: Option<Option<When>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<Status>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub actors: Option<Vec<String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub counterparts: Option<Vec<String>>,
    /// `null` says no place is known.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "present"
    )]
    pub place: Option<Option<String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub killed: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub injured: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub summary: Option<String>,
}

/// A field given, even as `null` (`Some(None)`), as opposed to absent (`None`).
fn present<'de, D, T>(deserializer: D) -> Result<Option<Option<T>>, D::Error>
where
    D: serde::Deserializer<'de>,
    T: Deserialize<'de>,
{
    Option::<T>::deserialize(deserializer).map(Some)
}

impl Review {
    /// The review keys a reviewer may have written beside the event's own fields
    /// instead of under `review:`.
    pub const KEYS: [&'static str; 4] = ["verified", "rejected", "reason", "note"];

    /// Whether it corrects when or what the event was: such an event's place on the
    /// timeline is the reviewer's, whatever a conflict computed before said.
    pub fn settles_placement(&self) -> bool {
        self.date.is_some() || self.status.is_some() || self.kind.is_some()
    }

    pub fn overrides_anything(&self) -> bool {
        self.settles_placement()
            || self.actors.is_some()
            || self.counterparts.is_some()
            || self.place.is_some()
            || self.killed.is_some()
            || self.injured.is_some()
            || self.summary.is_some()
    }

    /// Put each override in place of the event's field. A reviewed date is the
    /// event's date: bounds the builder computed for another date no longer hold.
    pub fn apply_to(&self, event: &mut Event) {
        if let Some(kind) = self.kind {
            event.kind = kind;
        }
        if let Some(date) = self.date {
            if event.date != date {
                event.earliest = None;
                event.latest = None;
            }
            event.date = date;
            event.date_inferred = false;
        }
        if let Some(status) = self.status {
            event.status = status;
        }
        if let Some(actors) = &self.actors {
            event.actors.clone_from(actors);
        }
        if let Some(counterparts) = &self.counterparts {
            event.counterparts.clone_from(counterparts);
        }
        if let Some(place) = &self.place {
            event.place.clone_from(place);
        }
        if self.killed.is_some() {
            event.killed = self.killed;
        }
        if self.injured.is_some() {
            event.injured = self.injured;
        }
        if let Some(summary) = &self.summary {
            event.summary.clone_from(summary);
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Source {
    pub doc: String,
    /// The sentence, verbatim.
    pub quote: String,
    /// The words the date came from, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub time_expression: Option<String>,
}

/// Quotes this alike (shared words over all words) in one article are one sentence,
/// re-cut or lightly corrected by a new extractor.
const SAME_QUOTE_WORDS: f64 = 0.6;

/// How far two events' sources show them to be one report: the quotes they share
/// word for word, then the closest pair of quotes from one article (thousandths of
/// shared words); None when they share no quote and no sentence of an article is
/// re-cut into the other. What a review follows when its event is renamed, and what
/// `dateline diff` calls a renaming.
pub fn resemblance(old: &[Source], new: &[Source]) -> Option<(usize, u32)> {
    let old_quotes: BTreeSet<(&str, &str)> = old
        .iter()
        .map(|s| (s.doc.as_str(), s.quote.as_str()))
        .collect();
    let shared = new
        .iter()
        .filter(|s| old_quotes.contains(&(s.doc.as_str(), s.quote.as_str())))
        .count();
    let closest = new
        .iter()
        .flat_map(|s| {
            old.iter()
                .filter(move |o| o.doc == s.doc)
                .map(move |o| word_overlap(&o.quote, &s.quote))
        })
        .fold(0.0_f64, f64::max);
    if shared == 0 && closest < SAME_QUOTE_WORDS {
        return None;
    }
    // Whole thousandths: a total order for comparisons.
    Some((shared, (closest * 1000.0) as u32))
}

/// Of `candidates` (an index and its sources), the one whose sources most resemble
/// `sources` (see [`resemblance`]), the first on ties; None when none does.
pub fn most_resembling<'a>(
    sources: &[Source],
    candidates: impl IntoIterator<Item = (usize, &'a [Source])>,
) -> Option<usize> {
    let mut best: Option<((usize, u32), usize)> = None;
    for (index, theirs) in candidates {
        let Some(score) = resemblance(sources, theirs) else {
            continue;
        };
        if best.is_none_or(|(s, _)| score > s) {
            best = Some((score, index));
        }
    }
    best.map(|(_, index)| index)
}

/// Shared words over all words of the two (Jaccard, lowercased).
fn word_overlap(a: &str, b: &str) -> f64 {
    let words = |text: &str| -> BTreeSet<String> {
        text.split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect()
    };
    let (a, b) = (words(a), words(b));
    let union = a.union(&b).count();
    if union == 0 {
        return 0.0;
    }
    a.intersection(&b).count() as f64 / union as f64
}

fn is_false(value: &bool) -> bool {
    !*value
}

/// How the text relates one event to another.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LinkKind {
    /// "after", "following", "shortly after", "ahead of" (from the other side).
    Follows,
    /// "in response to", "in retaliation for".
    RespondsTo,
    /// "during", "on the sidelines of".
    PartOf,
}

impl LinkKind {
    pub fn as_str(self) -> &'static str {
        match self {
            LinkKind::Follows => "follows",
            LinkKind::RespondsTo => "responds_to",
            LinkKind::PartOf => "part_of",
        }
    }
}

impl fmt::Display for LinkKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Link {
    #[serde(rename = "type")]
    pub kind: LinkKind,
    /// The other event's id.
    pub event: String,
    /// The words that say so ("shortly after").
    pub cue: String,
    pub doc: String,
}

/// Constraints that contradict each other: one event given two dates, or dates and
/// ordering cues that cannot all hold.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Conflict {
    pub events: Vec<String>,
    pub sources: Vec<String>,
    /// Every constraint on the contradiction, strongest first.
    pub constraints: Vec<ConflictConstraint>,
    /// The constraint left out so that the others hold (its `says`).
    pub set_aside: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConflictConstraint {
    pub says: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub doc: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quote: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn overlap_counts_words_not_letters() {
        assert!((word_overlap("Russia struck Kyiv.", "russia struck kyiv") - 1.0).abs() < 1e-9);
        assert!(word_overlap("Russia struck Kyiv", "Talks in Geneva") < 0.01);
    }
}
