//! The events of one sentence.

use super::candidates::{launches_weapon, presupposed, restates_earlier};
use super::casualties::{casualties_of, casualty_figures};
use super::classify::classify;
use super::event::{Evidence, ExtractedEvent, TimeEvidence};
use super::filter::keep;
use super::gazetteer::EntityClass;
use super::lexicon::Lexicon;
use super::memory::ArticleMemory;
use super::names::find_names;
use super::order::{order_cues, SentenceRelation};
use super::participants::analyse;
use super::times::{attach_times, in_dateline};
use super::view::{Candidate, SentenceView};
use crate::document::Document;
use crate::model::{Kind, Status};
use crate::temporal::{self, Direction, Mention};
use crate::text::{fold, plain_apostrophes, Token};

pub(super) fn extract_sentence(
    doc: &Document,
    tokens: &[Token<'_>],
    start: usize,
    text: &str,
    lexicon: &Lexicon,
    memory: &mut ArticleMemory,
) -> (Vec<(usize, ExtractedEvent)>, Vec<SentenceRelation>) {
    let texts: Vec<String> = tokens.iter().map(|t| plain_apostrophes(t.text)).collect();
    let folded: Vec<String> = tokens.iter().map(|t| fold(t.text)).collect();
    let headline = is_title_case(tokens);
    let names = find_names(tokens, &texts, lexicon, memory, headline);
    let view = SentenceView {
        tokens,
        folded,
        names,
        lexicon,
    };
    let times: Vec<Mention> = temporal::recognize_folded(tokens, &view.folded, &lexicon.temporal)
        .into_iter()
        .filter(|m| m.pattern.dates_events() && !in_dateline(tokens, m))
        .collect();

    let mut candidates = Vec::new();
    // Headlines restate the story in Title Case; the body reports the events.
    if !headline {
        let mut i = 0;
        while i < tokens.len() {
            let taken = view.name_at(i).is_some()
                || times.iter().any(|m| m.first_token <= i && i < m.end_token);
            let trigger = if taken {
                None
            } else {
                lexicon
                    .events
                    .trigger_at(&view.folded, i)
                    .map(|t| (t.words.len(), t.kind, t.noun, t.needs_object))
                    .or_else(|| {
                        launches_weapon(&view, i).then_some((1, Kind::Strike, false, false))
                    })
            };
            match trigger {
                // A capitalised trigger inside a sentence is part of a name ("Post").
                Some((len, kind, noun, needs_object)) if i == 0 || !tokens[i].is_capitalized() => {
                    let end = i + len;
                    let restates = noun && restates_earlier(&candidates, kind, i, &view);
                    if !(restates || noun && presupposed(&view, i)) {
                        candidates.push(Candidate {
                            first: i,
                            end,
                            kind,
                            noun,
                            status: Status::Occurred,
                            needs_object,
                            actors: Vec::new(),
                            counterparts: Vec::new(),
                            place: None,
                            anchored: false,
                            time: None,
                            time_shared: false,
                        });
                    }
                    i = end;
                }
                _ => i += 1,
            }
        }
    }
    let boundaries: Vec<(usize, usize)> = candidates.iter().map(|c| (c.first, c.end)).collect();
    for (index, candidate) in candidates.iter_mut().enumerate() {
        let next_trigger = boundaries.get(index + 1).map_or(tokens.len(), |b| b.0);
        let previous_trigger_end = index.checked_sub(1).map_or(0, |p| boundaries[p].1);
        analyse(candidate, &view, memory, previous_trigger_end, next_trigger);
        // A name mentioned after this trigger may be the subject of the next one.
        for mention in view
            .names
            .iter()
            .filter(|m| m.end <= next_trigger && m.entity.class == EntityClass::Person)
        {
            memory.last_person = Some(mention.entity.name.clone());
        }
    }
    // "agreed at their summit in The Hague": what is done at a meeting happens where
    // the meeting is.
    for index in 1..candidates.len() {
        let (before, after) = candidates.split_at_mut(index);
        let (previous, meeting) = (&mut before[index - 1], &after[0]);
        let at_meeting = meeting.kind == Kind::Meeting
            && meeting.noun
            && (previous.end..meeting.first).any(|j| view.folded[j] == "at")
            && meeting.first - previous.end <= 4;
        if at_meeting && previous.place.is_none() {
            previous.place = meeting.place.clone();
        }
    }
    attach_times(&mut candidates, &times, &view);

    for mention in view
        .names
        .iter()
        .filter(|m| m.entity.class == EntityClass::Person)
    {
        memory.last_person = Some(mention.entity.name.clone());
    }

    // The article's dates so far, before this sentence's own; then remember them.
    memory.dates.sentence_date = None;
    let dates_before = memory.dates;
    let mut reader = temporal::Resolver {
        anchor: doc.published,
        context: memory.dates,
    };
    let readings = temporal::read_sentence(
        &times,
        tokens,
        &view.folded,
        &lexicon.temporal,
        &mut reader,
        Direction::Nearest,
    );
    memory.dates = reader.context;

    let kept: Vec<bool> = candidates.iter().map(|c| keep(c, &view)).collect();
    let cues = order_cues(&candidates, &kept, &times, &view, doc);
    let figures = casualty_figures(&view);
    let strikes: Vec<(usize, usize)> = candidates
        .iter()
        .enumerate()
        .filter(|(i, c)| kept[*i] && c.kind == Kind::Strike)
        .map(|(i, c)| (i, c.first))
        .collect();
    // The dates of plans: "Israel's cabinet will meet on Thursday evening, the office
    // said" was said now, whatever the day of the meeting.
    let planned_times: Vec<usize> = candidates
        .iter()
        .filter(|c| c.status == Status::Planned && !c.time_shared)
        .filter_map(|c| c.time)
        .collect();
    let mut events = Vec::new();
    for (index, candidate) in candidates.into_iter().enumerate() {
        if !kept[index] {
            continue;
        }
        let time = candidate.time.map(|t| {
            let mention = &times[t];
            let reading = &readings[t];
            let (direction, reason) =
                if reading.anchored_at == temporal::AnchorSource::DateNamedBefore {
                    (
                        Direction::Backward,
                        "a past perfect, which reaches back from that date".to_string(),
                    )
                } else if candidate.status == Status::Planned {
                    (Direction::Forward, "the event is planned".to_string())
                } else {
                    temporal::tense_of(mention, tokens, &view.folded, &lexicon.temporal)
                };
            let anchor = reading.anchor;
            let mut resolver = temporal::Resolver {
                anchor,
                context: temporal::Context {
                    sentence_date: reading.sentence_date_before,
                    ..dates_before
                },
            };
            let resolved = resolver.resolve(mention, direction);
            let value = resolved.as_ref().and_then(|r| r.when);
            let focus = mention
                .pattern
                .leans_on_last_date()
                .then_some(dates_before.last_date)
                .flatten();
            TimeEvidence {
                expression: doc.text[mention.phrase_start..mention.end].to_string(),
                start: mention.start,
                end: mention.end,
                rule: lexicon.temporal.rule_name(mention.rule),
                anchor,
                anchored_at: reading.anchored_at,
                focus,
                direction,
                reason,
                timex: resolved.map(|r| (r.kind, r.value)),
                value,
            }
        });
        let mut time = time;
        let mut status = candidate.status;
        let said = lexicon
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
        if begins.zip(doc.published).is_some_and(|(b, p)| b > p) {
            // "Perriello will travel next week, the State Department said", "Trump said
            // he would travel to Egypt on Sunday": a verb in the past tense happened;
            // the date ahead is the reported plan's.
            if said && candidate.status != Status::Planned {
                time = None;
            } else {
                status = Status::Planned;
            }
        }
        let date = time.as_ref().and_then(|t| t.value);
        let trigger = tokens[candidate.first].start..tokens[candidate.end - 1].end;
        let trigger_text = doc.text[trigger].to_string();
        let (mode, cameo) = classify(&candidate, &view, memory);
        let (killed, injured) = if candidate.kind == Kind::Strike {
            casualties_of(index, &strikes, &figures)
        } else {
            (None, None)
        };
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
                killed,
                injured,
                date,
                summary: String::new(),
                evidence: vec![Evidence {
                    start,
                    end: start + text.len(),
                    quote: text.to_string(),
                    trigger: trigger_text,
                    trigger_at: tokens[candidate.first].start - start,
                    time,
                }],
            },
        ));
    }
    (events, cues)
}

/// Headlines, section heads and captions restate the story or label the page; the
/// body reports the events. They are lines without a full stop at the end that are
/// short or in Title Case. Body sentences full of names still end with one.
pub(super) fn is_title_case(tokens: &[Token<'_>]) -> bool {
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
