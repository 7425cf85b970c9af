//! The events of one sentence: find its names, dates and triggers, work out each
//! trigger, keep those that are events, and quote the sentence as their evidence.

use chrono::NaiveDate;

use super::candidates::find_candidates;
use super::casualties::{casualties_of, casualty_figures};
use super::classify::classify;
use super::dating::SentenceDates;
use super::event::{Evidence, ExtractedEvent, Rejected, TimeEvidence};
use super::filter::rejection;
use super::lexicon::Lexicon;
use super::memory::ArticleMemory;
use super::names::find_names;
use super::order::{find_cued_pairs, CuedPair};
use super::participants::describe_all;
use super::times::{attach_times, dates_of_events};
use super::view::{Candidate, SentenceView};
use crate::document::Document;
use crate::model::{Kind, Status};
use crate::temporal::{Direction, Mention};
use crate::text::{plain_apostrophes, Token};

/// Where the sentence stands in its document, as its events quote it.
struct Quote<'d> {
    doc: &'d Document,
    /// Byte offset of the sentence in the document.
    start: usize,
    text: &'d str,
}

/// What the article's first pass read in a sentence: its lowercased words and the
/// temporal expressions among them.
pub(super) struct Recognized {
    pub(super) folded: Vec<String>,
    pub(super) times: Vec<Mention>,
}

pub(super) fn extract_sentence(
    doc: &Document,
    tokens: &[Token<'_>],
    start: usize,
    text: &str,
    lexicon: &Lexicon,
    memory: &mut ArticleMemory,
    recognized: Recognized,
) -> (Vec<(usize, ExtractedEvent)>, Vec<CuedPair>, Vec<Rejected>) {
    let headline = is_title_case(tokens);
    let Recognized { folded, times } = recognized;
    let mut view = view_of(tokens, folded, text, start, lexicon, memory, headline);
    // "Christmas Day strikes": a date is nobody's name.
    view.names.retain(|m| {
        !times
            .iter()
            .any(|t| t.first_token <= m.first && m.end <= t.end_token)
    });
    let times = dates_of_events(&view, times);
    // Headlines restate the story in Title Case; the body reports the events.
    let mut candidates = if headline {
        Vec::new()
    } else {
        find_candidates(&view, &times)
    };
    describe_all(&mut candidates, &view, memory);
    attach_times(&mut candidates, &times, &view);
    memory.remember_last_person(&view.names, tokens.len());
    let dates = SentenceDates::read(&times, &view, doc, memory);
    let reasons: Vec<Option<&'static str>> =
        candidates.iter().map(|c| rejection(c, &view)).collect();
    let kept: Vec<bool> = reasons.iter().map(Option::is_none).collect();
    let rejected = candidates
        .iter()
        .zip(&reasons)
        .filter_map(|(candidate, reason)| {
            let trigger = tokens[candidate.first].start..tokens[candidate.end - 1].end;
            Some(Rejected {
                at: trigger.start,
                trigger: doc.text.get(trigger)?.to_string(),
                kind: candidate.kind,
                reason: (*reason)?,
            })
        })
        .collect();
    let pairs = find_cued_pairs(&candidates, &kept, &times, &view, doc);
    let quote = Quote { doc, start, text };
    let events = report_events(candidates, &kept, &view, &dates, memory, &quote);
    (events, pairs, rejected)
}

/// The sentence's words, lowercased words (`folded`) and names.
fn view_of<'a, 's>(
    tokens: &'s [Token<'a>],
    folded: Vec<String>,
    text: &'s str,
    start: usize,
    lexicon: &'s Lexicon,
    memory: &mut ArticleMemory,
    headline: bool,
) -> SentenceView<'a, 's> {
    let texts: Vec<String> = tokens.iter().map(|t| plain_apostrophes(t.text)).collect();
    let names = find_names(tokens, &texts, lexicon, memory, headline);
    SentenceView {
        tokens,
        folded,
        names,
        lexicon,
        text,
        start,
        syntax: Default::default(),
    }
}

/// The kept candidates as events, with their dates, modes and casualties.
fn report_events(
    candidates: Vec<Candidate>,
    kept: &[bool],
    view: &SentenceView<'_, '_>,
    dates: &SentenceDates<'_>,
    memory: &ArticleMemory,
    quote: &Quote<'_>,
) -> Vec<(usize, ExtractedEvent)> {
    let figures = casualty_figures(view);
    let strikes: Vec<(usize, usize)> = candidates
        .iter()
        .enumerate()
        .filter(|(i, c)| kept[*i] && c.kind == Kind::Strike)
        .map(|(i, c)| (i, c.first))
        .collect();
    // The first kept strike takes the figures before it, but not past a strike
    // word left out before it, whose figures are its own ("A rocket attack killed 10
    // people, hours after an Israeli airstrike killed three").
    let lead_from = strikes.first().map_or(0, |&(first_kept, _)| {
        candidates[..first_kept]
            .iter()
            .rev()
            .find(|c| c.kind == Kind::Strike)
            .map(|c| c.first)
            .unwrap_or(0)
    });
    // The dates of plans: "Israel's cabinet will meet on Thursday evening, the office
    // said" was said now, whatever the day of the meeting.
    let planned_times: Vec<usize> = candidates
        .iter()
        .filter(|c| c.status == Status::Planned && !c.time_shared)
        .filter_map(|c| c.time)
        .collect();
    // Every date a plan has, shared or not: "agreed to meet again in February" leaves
    // the agreeing undated rather than a February gone.
    let plan_dates: Vec<usize> = candidates
        .iter()
        .filter(|c| c.status == Status::Planned)
        .filter_map(|c| c.time)
        .collect();
    let mut events = Vec::new();
    for (index, mut candidate) in candidates.into_iter().enumerate() {
        if !kept[index] {
            continue;
        }
        let time = match (candidate.time, candidate.since) {
            (Some(t), _) => Some(dates.evidence(t, candidate.status, view, quote.doc)),
            (None, Some(t)) => dates.ongoing_since(t, view, quote.doc),
            (None, None) => None,
        };
        let looking_back = || {
            let t = candidate.time?;
            let untied = !plan_dates.contains(&t);
            untied.then(|| dates.evidence_looking_back(t, &candidate, view, quote.doc))?
        };
        let (time, status) = settle_plan(
            &candidate,
            time,
            &planned_times,
            looking_back,
            view,
            quote.doc.published,
        );
        let ruling = court_ruling(&candidate, view).then(|| {
            candidate.kind = Kind::Action;
            view.lexicon
                .events
                .modes
                .get(&Kind::Action)
                .and_then(|modes| modes.modes.iter().find(|m| m.name == RULING_MODE))
        });
        let (mode, cameo) = match ruling.flatten() {
            Some(mode) => (Some(mode.name.clone()), mode.cameo.clone()),
            None => classify(&candidate, view, memory),
        };
        let (killed, injured) = if candidate.kind == Kind::Strike {
            casualties_of(index, &strikes, lead_from, &figures)
        } else {
            (None, None)
        };
        let date = time.as_ref().and_then(|t| t.value);
        let evidence = quote.evidence(&candidate, view.tokens, time);
        events.push((
            index,
            ExtractedEvent {
                kind: candidate.kind,
                mode,
                cameo,
                status,
                actors: candidate.actors,
                counterparts: candidate.counterparts,
                place: candidate.place,
                sides: Vec::new(),
                initiator_side: Default::default(),
                place_country: None,
                killed,
                injured,
                date,
                story_day: None,
                summary: String::new(),
                evidence: vec![evidence],
            },
        ));
    }
    events
}

/// The mode of a court's act.
const RULING_MODE: &str = "ruling";

/// A statement of a court that is no plain saying, or a court's act (see
/// `court_acts`): a ruling ("the High Court declared the circular illegal").
fn court_ruling(candidate: &Candidate, view: &SentenceView<'_, '_>) -> bool {
    let events = &view.lexicon.events;
    if candidate.kind == Kind::Action
        && !candidate.noun
        && events.court_act_at(&view.folded, candidate.first).is_some()
        && super::unnamed::court_subject(view, candidate.first).is_some()
    {
        return true;
    }
    let court = candidate.actors.first().is_some_and(|actor| {
        actor
            .rsplit(' ')
            .next()
            .is_some_and(|last| events.court_words.contains(&crate::text::fold(last)))
    });
    candidate.kind == Kind::Statement
        && !candidate.noun
        && court
        && !events
            .plain_speech_verbs
            .contains(&view.folded[candidate.first])
}

/// What a date ahead of publication says: a verb in the past tense happened, so the
/// date ahead is the reported plan's ("Perriello will travel next week, the State
/// Department said", "Trump said he would travel to Egypt on Sunday"), unless the
/// date read back is the event's own (`looking_back`: "attacked Kyiv in February",
/// "a ceasefire that ended the war in November", said in September); anything else
/// dated ahead is planned.
fn settle_plan(
    candidate: &Candidate,
    time: Option<TimeEvidence>,
    planned_times: &[usize],
    looking_back: impl FnOnce() -> Option<TimeEvidence>,
    view: &SentenceView<'_, '_>,
    published: Option<NaiveDate>,
) -> (Option<TimeEvidence>, Status) {
    let mut time = time;
    let mut status = candidate.status;
    let said = view
        .lexicon
        .temporal
        .is_past_tense(&view.folded[candidate.first]);
    if said
        && candidate.time_shared
        && status != Status::Planned
        && candidate.time.is_some_and(|t| planned_times.contains(&t))
    {
        time = None;
    }
    let begins = time.as_ref().and_then(|t| t.value).and_then(|d| d.start());
    if begins.zip(published).is_some_and(|(b, p)| b > p) {
        let read_by_tense = time
            .as_ref()
            .is_some_and(|t| t.direction == Direction::Backward);
        if read_by_tense && candidate.status != Status::Planned {
            if let Some(back) = looking_back() {
                return (Some(back), status);
            }
        }
        if said && candidate.status != Status::Planned {
            time = None;
        } else {
            status = Status::Planned;
        }
    }
    (time, status)
}

impl Quote<'_> {
    fn evidence(
        &self,
        candidate: &Candidate,
        tokens: &[Token<'_>],
        time: Option<TimeEvidence>,
    ) -> Evidence {
        let trigger = tokens[candidate.first].start..tokens[candidate.end - 1].end;
        Evidence {
            start: self.start,
            end: self.start + self.text.len(),
            quote: self.text.to_string(),
            trigger: self.doc.text[trigger].to_string(),
            trigger_at: tokens[candidate.first].start - self.start,
            time,
        }
    }
}

/// Headlines, section heads and captions restate the story or label the page; the
/// body reports the events. They are lines without a full stop at the end that are
/// short or in Title Case. Body sentences full of names still end with one.
fn is_title_case(tokens: &[Token<'_>]) -> bool {
    let last = tokens
        .iter()
        .rev()
        .find(|t| !matches!(t.text, "\"" | "\u{201d}" | "'" | "\u{2019}" | ")"));
    if last.is_some_and(|t| matches!(t.text, "." | "!")) {
        return false;
    }
    let words: Vec<&Token<'_>> = tokens.iter().filter(|t| t.is_word()).collect();
    let long: Vec<&&Token<'_>> = words.iter().filter(|t| t.text.len() > 3).collect();
    let title_case =
        long.len() >= 3 && long.iter().filter(|t| t.is_capitalized()).count() * 4 >= long.len() * 3;
    title_case || words.len() <= 25
}
