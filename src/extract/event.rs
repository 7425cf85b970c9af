//! What extraction yields: the events of one article, the sentences that report
//! them, and what the text says about their order.

use chrono::NaiveDate;

use crate::model::{Kind, LinkKind, Status};
use crate::temporal::AnchorChoice;
use crate::temporal::{self, Direction, When};

/// How a date was read: the words, the rule, and what it was resolved against.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TimeEvidence {
    /// The phrase as written, with its preposition ("on Thursday").
    pub expression: String,
    /// Byte span of the expression proper in the document.
    pub start: usize,
    pub end: usize,
    /// The rule that matched, as `family/name`.
    pub rule: String,
    /// The publication date, the day a quotation was spoken for "today" inside it, or
    /// the date a past perfect reaches back from.
    pub anchor: Option<NaiveDate>,
    pub anchored_at: temporal::AnchorSource,
    /// The date the text was about that the expression counts from instead ("a week
    /// later", "that year"), when there was one.
    pub focus: Option<When>,
    pub direction: Direction,
    /// Why that direction: the tense cue, or the event being planned.
    pub reason: String,
    /// TimeML type and value.
    pub timex: Option<(temporal::TimexType, String)>,
    pub value: Option<When>,
}

/// One sentence that reports the event.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Evidence {
    /// Byte span of the sentence in the document.
    pub start: usize,
    pub end: usize,
    pub quote: String,
    pub trigger: String,
    /// Where the trigger starts, in bytes from the start of `quote`.
    pub trigger_at: usize,
    pub time: Option<TimeEvidence>,
}

/// Whom the initiator acts for, as identity across articles needs to know it: one
/// outlet's "gunmen" is another's named group, never a state's army.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum InitiatorSide {
    /// No initiator named.
    #[default]
    Unknown,
    /// A state, through its leaders, organs or forces.
    State,
    /// A body or a person that acts for no state ("JNIM", "the RSF").
    Body,
    /// Armed men the text does not name ("gunmen", "militants").
    Unnamed,
    /// A crowd the text does not name ("protesters", "rioters").
    Crowd,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExtractedEvent {
    pub kind: Kind,
    /// A finer type from the lexicon's `modes` ("phone", "drone", "ceasefire").
    pub mode: Option<String>,
    /// CAMEO root code of the kind, or of the mode.
    pub cameo: String,
    pub status: Status,
    /// The initiator first (speaker, visitor, attacker), then others acting with it.
    pub actors: Vec<String>,
    /// The other side: who was met or signed with, the target, who was accused.
    pub counterparts: Vec<String>,
    pub place: Option<String>,
    /// The state or body each actor and counterpart acts for (a person counts for
    /// their country, as the gazetteer or the article says), actors first: what
    /// identity across articles compares, since one outlet writes "Trump" and
    /// another "the United States".
    pub sides: Vec<String>,
    /// What the first side is.
    pub initiator_side: InitiatorSide,
    /// The country `place` lies in (itself for a country): "Istanbul" in one report
    /// and "Turkey" in another can be one place.
    pub place_country: Option<String>,
    pub killed: Option<u32>,
    pub injured: Option<u32>,
    pub date: Option<When>,
    /// For an event the text gives no date: the day the article's story had reached
    /// when it reported it, the last day an earlier event of the article is dated to
    /// ("Trump said" after "the summit on Friday" is Friday's, not the day of
    /// publication).
    pub story_day: Option<NaiveDate>,
    pub summary: String,
    /// In document order; the first is the main report.
    pub evidence: Vec<Evidence>,
}

impl ExtractedEvent {
    pub fn main_actor(&self) -> Option<&str> {
        self.actors.first().map(String::as_str)
    }
}

/// What the text says about two of the article's events: `later` follows `earlier`
/// (or, for `part_of`, is part of it) by `min_days..=max_days` days.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EventOrder {
    /// Indices into [`Extraction::events`].
    pub earlier: usize,
    pub later: usize,
    pub link: LinkKind,
    pub min_days: i64,
    /// None = open.
    pub max_days: Option<i64>,
    /// The cue as written ("shortly after").
    pub cue: String,
    /// The sentence that says so, and where it starts in the document.
    pub start: usize,
    pub quote: String,
}

/// A trigger the extractor found and did not take for an event, and why: what
/// `extract --explain` shows when an event is missing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rejected {
    /// Byte offset of the trigger in the document.
    pub at: usize,
    pub trigger: String,
    pub kind: Kind,
    pub reason: &'static str,
}

/// Everything one article reports.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Extraction {
    pub events: Vec<ExtractedEvent>,
    pub relations: Vec<EventOrder>,
    /// Triggers not taken for events, in document order.
    pub rejected: Vec<Rejected>,
    /// How the article's relative dates were counted (news or narrative), and why.
    pub anchoring: AnchorChoice,
}
