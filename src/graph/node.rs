//! An event while the graph is being built: the reports that are one event, with
//! what identity compares of them and the dates their articles bound them to.

use chrono::NaiveDate;

use super::identity::Identity;
use super::syndication;
use crate::document::Document;
use crate::extract::ExtractedEvent;
use crate::model::{Kind, Source, Status};
use crate::temporal::When;

/// How far from its article an event the text gives no date is taken to lie, when
/// deciding whether two reports are one event.
const UNDATED_NEWS_DAYS: u64 = 30;

/// One article's report of an event (its words are among the node's sources).
#[derive(Debug, Clone, Copy)]
pub(super) struct Report {
    pub(super) doc: usize,
    pub(super) date: Option<When>,
    pub(super) status: Status,
}

/// An event while the graph is being built.
#[derive(Debug, Clone)]
pub(super) struct Node {
    pub(super) kind: Kind,
    pub(super) mode: Option<String>,
    pub(super) cameo: String,
    pub(super) status: Status,
    pub(super) actors: Vec<String>,
    pub(super) counterparts: Vec<String>,
    pub(super) place: Option<String>,
    pub(super) killed: Option<u32>,
    pub(super) injured: Option<u32>,
    pub(super) date: Option<When>,
    pub(super) story_day: Option<NaiveDate>,
    pub(super) summary: String,
    pub(super) sources: Vec<Source>,
    /// Per source: (doc, byte offset), for a deterministic source order.
    pub(super) source_keys: Vec<(usize, usize)>,
    pub(super) reports: Vec<Report>,
    pub(super) identity: Identity,
    /// The words of each original report's sentences, hashed, sorted: what a
    /// syndicated copy's sentences are compared with (an event an article reports in
    /// its lead and again in a quote is found by either).
    pub(super) sentence_words: Vec<Vec<u64>>,
    /// The reviewer gave the date (perhaps `null`): the articles' dates and
    /// publication days no longer bound this event.
    pub(super) dated_by_reviewer: bool,
}

impl Node {
    pub(super) fn from_extracted(doc_index: usize, doc: &Document, event: ExtractedEvent) -> Node {
        let report = Report {
            doc: doc_index,
            date: event.date,
            status: event.status,
        };
        let identity = Identity::of(&event);
        let sentence_words = event
            .evidence
            .iter()
            .map(|e| syndication::word_hashes(&e.quote))
            .collect();
        let source_keys = event
            .evidence
            .iter()
            .map(|e| (doc_index, e.start))
            .collect();
        let sources = event
            .evidence
            .into_iter()
            .map(|e| Source {
                doc: doc.name.clone(),
                quote: e.quote,
                time_expression: e.time.map(|t| t.expression),
            })
            .collect();
        Node {
            kind: event.kind,
            mode: event.mode,
            cameo: event.cameo,
            status: event.status,
            actors: event.actors,
            counterparts: event.counterparts,
            place: event.place,
            killed: event.killed,
            injured: event.injured,
            date: event.date,
            story_day: event.story_day,
            summary: event.summary,
            sources,
            source_keys,
            reports: vec![report],
            identity,
            sentence_words,
            dated_by_reviewer: false,
        }
    }

    /// A reviewer's corrections of what and when: the graph works with these. (The
    /// other overrides only change what the event says; they are applied on output.)
    pub(super) fn take_review(&mut self, review: &crate::model::Review) {
        if let Some(kind) = review.kind {
            self.kind = kind;
        }
        if let Some(status) = review.status {
            self.status = status;
            for report in &mut self.reports {
                report.status = status;
            }
        }
        if let Some(date) = review.date {
            self.date = date;
            self.story_day = None;
            self.dated_by_reviewer = true;
        }
    }

    pub(super) fn main_actor(&self) -> Option<&str> {
        self.actors.first().map(String::as_str)
    }

    pub(super) fn first_doc(&self) -> usize {
        self.source_keys.first().map_or(0, |s| s.0)
    }

    /// What one article said: its first quote and the words of its date.
    pub(super) fn words_of(&self, doc: usize) -> (Option<&str>, Option<&str>) {
        let mut from_doc = self
            .source_keys
            .iter()
            .zip(&self.sources)
            .filter(|(key, _)| key.0 == doc)
            .map(|(_, source)| source);
        let quote = from_doc.clone().next().map(|s| s.quote.as_str());
        let expression = from_doc.find_map(|s| s.time_expression.as_deref());
        (quote, expression)
    }

    /// The day it is dated to, when its date is a single day.
    pub(super) fn day(&self) -> Option<NaiveDate> {
        self.date.filter(When::is_day).and_then(|d| d.start())
    }

    pub(super) fn has_doc(&self, doc: usize) -> bool {
        self.reports.iter().any(|r| r.doc == doc)
    }

    /// Day bounds from its dates and its reports' dates, before propagation: what
    /// merging compares.
    pub(super) fn own_bounds(
        &self,
        documents: &[&Document],
    ) -> (Option<NaiveDate>, Option<NaiveDate>) {
        let mut lo: Option<NaiveDate> = None;
        let mut hi: Option<NaiveDate> = None;
        for report in &self.reports {
            if let Some((a, b)) = report.date.and_then(|d| d.bounds()) {
                lo = lo.max(Some(a));
                hi = Some(hi.map_or(b, |h| h.min(b)));
            }
            match (report.status, documents[report.doc].published) {
                (Status::Occurred, Some(p)) => hi = Some(hi.map_or(p, |h| h.min(p))),
                (Status::Planned, Some(p)) => lo = lo.max(Some(p)),
                _ => {}
            }
        }
        (lo, hi)
    }

    /// [`Node::own_bounds`], with a report the text gives no date taken to be news:
    /// within [`UNDATED_NEWS_DAYS`] of its article. Only for deciding merges: an
    /// undated "ceasefire in Gaza" in a 2025 article is not the truce of 2023.
    pub(super) fn likely_bounds(
        &self,
        documents: &[&Document],
    ) -> (Option<NaiveDate>, Option<NaiveDate>) {
        let (mut lo, mut hi) = self.own_bounds(documents);
        for report in self.reports.iter().filter(|r| r.date.is_none()) {
            let Some(published) = documents[report.doc].published else {
                continue;
            };
            let reach = chrono::Days::new(UNDATED_NEWS_DAYS);
            match report.status {
                Status::Occurred => lo = lo.max(published.checked_sub_days(reach)),
                Status::Planned => {
                    hi = Some(hi.map_or(published + reach, |h| h.min(published + reach)))
                }
            }
        }
        (lo, hi)
    }
}

/// How many days a date spans (`i64::MAX` when unbounded).
pub(super) fn span_days(when: &When) -> i64 {
    when.bounds().map_or(i64::MAX, |(a, b)| (b - a).num_days())
}
