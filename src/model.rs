//! The timeline as users see it: YAML format v1, the contract with reviewers, with
//! `score_timeline.py` and with `dateline dot`. Field order here is output order.

use std::collections::BTreeMap;
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
}

impl Kind {
    pub const ALL: [Kind; 4] = [
        Kind::Meeting,
        Kind::Statement,
        Kind::Strike,
        Kind::Agreement,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Meeting => "meeting",
            Kind::Statement => "statement",
            Kind::Strike => "strike",
            Kind::Agreement => "agreement",
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

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Timeline {
    pub title: String,
    pub documents: Vec<DocumentEntry>,
    /// In timeline order.
    pub events: Vec<Event>,
    /// Constraints that cannot all hold; each names the one set aside.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub conflicts: Vec<Conflict>,
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
    /// Fields a reviewer added (verified, note, ...): kept as they are.
    #[serde(flatten)]
    pub extra: BTreeMap<String, serde_yaml::Value>,
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
