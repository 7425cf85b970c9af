//! The dates of a sentence read in order, and the date each of its events gets.

use super::event::TimeEvidence;
use super::memory::ArticleMemory;
use super::view::{Candidate, SentenceView};
use crate::document::Document;
use crate::model::Status;
use crate::temporal::{self, AnchorSource, Context, Direction, Mention, Reading, Resolver, When};

/// The longest run "since" a date that dates an ongoing event by its span: a
/// month. Longer, the event is the background of the report, not its news.
const LONGEST_ONGOING_DAYS: i64 = 31;

/// The sentence's dates as read in order, and what the article had dated before it.
pub(super) struct SentenceDates<'t> {
    times: &'t [Mention],
    readings: Vec<Reading>,
    before: Context,
}

impl<'t> SentenceDates<'t> {
    /// Read the dates in order, each leaning on what the text dated before it, and
    /// leave them in the article's memory for the sentences after.
    pub(super) fn read(
        times: &'t [Mention],
        view: &SentenceView<'_, '_>,
        doc: &Document,
        memory: &mut ArticleMemory,
    ) -> Self {
        memory.dates.sentence_date = None;
        let before = memory.dates;
        let mut reader = Resolver {
            anchor: doc.published,
            context: before,
            narrative: memory.narrative,
        };
        let readings = temporal::read_sentence(
            times,
            view.tokens,
            &view.folded,
            &view.lexicon.temporal,
            &mut reader,
            Direction::Nearest,
        );
        memory.dates = reader.context;
        SentenceDates {
            times,
            readings,
            before,
        }
    }

    /// An event that runs from the date `t` a "since" phrase gives to the day of
    /// the report: the interval between, when that date is a day or a week no more
    /// than [`LONGEST_ONGOING_DAYS`] before publication. (A war "since 2014" is no
    /// span to date a report by.)
    pub(super) fn ongoing_since(
        &self,
        t: usize,
        view: &SentenceView<'_, '_>,
        doc: &Document,
    ) -> Option<TimeEvidence> {
        let published = doc.published?;
        let mut evidence = self.evidence(t, Status::Occurred, view, doc);
        let start = match evidence.value? {
            When::Day(day) => day,
            week @ When::Week { .. } => week.start()?,
            _ => return None,
        };
        let days = (published - start).num_days();
        if !(1..=LONGEST_ONGOING_DAYS).contains(&days) {
            return None;
        }
        evidence.value = Some(When::Interval(start, published));
        evidence.reason = format!("{}; it runs on to the day of the report", evidence.reason);
        Some(evidence)
    }

    /// Date `t` as the event it dates reads it. The reading fixed the day it counts
    /// from (publication, quotation, or the date a past perfect reaches back from);
    /// the event's date is resolved from that day again, because it can differ from
    /// the reading's: a planned event's date lies ahead whatever the tense ("will
    /// meet on Friday"). A date that leans on another counts from the last date the
    /// text gave before it, in this sentence too ("withdrew on December 5, and the
    /// following day ... seized", "announced it on October 21 and China confirmed a
    /// day later").
    pub(super) fn evidence(
        &self,
        t: usize,
        status: Status,
        view: &SentenceView<'_, '_>,
        doc: &Document,
    ) -> TimeEvidence {
        let mention = &self.times[t];
        let reading = &self.readings[t];
        let (direction, reason) = if reading.anchored_at == AnchorSource::DateNamedBefore {
            (
                Direction::Backward,
                "a past perfect, which reaches back from that date".to_string(),
            )
        } else if reading.direction == Direction::Around {
            (
                Direction::Around,
                "a narrative, which moves on from the last date it gave".to_string(),
            )
        } else if status == Status::Planned {
            (Direction::Forward, "the event is planned".to_string())
        } else {
            temporal::tense_of(mention, view.tokens, &view.folded, &view.lexicon.temporal)
        };
        self.resolve(t, direction, reason, view, doc)
    }

    /// Date `t` read back from its anchor, for an event the text says happened
    /// on it: "Russian forces attacked Kyiv in February", said in December, is the
    /// February gone, though a past tense may also set a date a few weeks ahead
    /// ("the offer was extended to Nov. 16"), which is how the tense first read it.
    /// Only a date an occurrence preposition introduces is read so, only one that
    /// the parse hangs on the event (see [`dates_the_event`]; not "a truce starting
    /// on April 2", "a meeting requested by Moscow on Dec. 20", "is shuttering it on
    /// November 30, Zakharova said"), and only when the day gone is by publication.
    pub(super) fn evidence_looking_back(
        &self,
        t: usize,
        candidate: &Candidate,
        view: &SentenceView<'_, '_>,
        doc: &Document,
    ) -> Option<TimeEvidence> {
        let mention = &self.times[t];
        let introduced = mention.phrase_token < mention.first_token
            && view
                .lexicon
                .temporal
                .occurrence_prepositions
                .contains(&view.folded[mention.phrase_token]);
        if !introduced || !dates_the_event(mention, candidate, view) {
            return None;
        }
        let reason = "past tense, and the event it dates happened on it, not ahead".to_string();
        let evidence = self.resolve(t, Direction::Past, reason, view, doc);
        let begins = evidence.value.and_then(|d| d.start())?;
        (begins <= doc.published?).then_some(evidence)
    }

    fn resolve(
        &self,
        t: usize,
        direction: Direction,
        reason: String,
        view: &SentenceView<'_, '_>,
        doc: &Document,
    ) -> TimeEvidence {
        let mention = &self.times[t];
        let reading = &self.readings[t];
        let anchor = reading.anchor;
        let mut resolver = Resolver {
            anchor,
            context: Context {
                sentence_date: reading.sentence_date_before,
                last_date: reading.last_date_before,
                ..self.before
            },
            // The reading already chose the anchor.
            narrative: false,
        };
        let resolved = resolver.resolve(mention, direction);
        let value = resolved.as_ref().and_then(|r| r.when);
        let focus = mention
            .pattern
            .leans_on_last_date()
            .then_some(reading.last_date_before)
            .flatten();
        TimeEvidence {
            expression: doc.text[mention.phrase_start..mention.end].to_string(),
            start: mention.start,
            end: mention.end,
            rule: view.lexicon.temporal.rule_name(mention.rule),
            anchor,
            anchored_at: reading.anchored_at,
            focus,
            direction,
            reason,
            timex: resolved.map(|r| (r.kind, r.value)),
            value,
        }
    }
}

/// Does the parse hang the date `mention` on the candidate's trigger, a verb in the
/// past tense of its own clause ("attacked Kyiv in February": February, oblique of
/// attacked; not "before they meet again on April 26"), or on that verb's object
/// ("signed a deal in January"), not on a verb that modifies a noun? For an event
/// noun: within a relative clause on it whose verb is in the past tense ("a
/// ceasefire that ended the war in November").
fn dates_the_event(mention: &Mention, candidate: &Candidate, view: &SentenceView<'_, '_>) -> bool {
    let trigger = candidate.first;
    let Some(parsed) = view.syntax(mention.end_token.max(trigger + 1) - 1) else {
        return false;
    };
    let Some(verb) = parsed.word(trigger) else {
        return false;
    };
    let tree = &parsed.tree;
    let words = || (mention.first_token..mention.end_token).filter_map(|token| parsed.word(token));
    if candidate.noun {
        // (Within the clause: the parse may hang the date on a noun there.)
        return tree.dependents(verb).any(|clause| {
            tree.deprel(clause) == "acl:relcl"
                && parsed
                    .token_of(clause)
                    .is_some_and(|token| view.lexicon.temporal.is_past_tense(&view.folded[token]))
                && words().any(|word| tree.dominates(clause, word))
        });
    }
    let mut heads = words().filter_map(|word| tree.head(word));
    // A participle that modifies a noun ("a meeting requested by Moscow on Dec. 20")
    // leaves its date to the noun. The tagger's VBD and VBN are too often swapped
    // to tell a simple past from a participle by.
    view.lexicon.temporal.is_past_tense(&view.folded[trigger])
        && !matches!(tree.deprel(verb), "acl" | "amod")
        && heads.any(|head| {
            // "signed a deal in January": the date may qualify the verb's object.
            head == verb || (tree.deprel(head) == "obj" && tree.head(head) == Some(verb))
        })
}
