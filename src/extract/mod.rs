//! Events from one article: triggers from the event lexicon, actors and places from
//! the gazetteer (and from names the article introduces), dates from the temporal
//! tagger. `extract_document` is a pure function of the document and the lexicons,
//! so it can run per article anywhere (threads, a distributed engine).

use std::collections::BTreeSet;

use chrono::NaiveDate;

use crate::document::{self, Document};
mod gazetteer;
mod lexicon;

use crate::model::{Kind, LinkKind, Status};
use crate::temporal::{self, Direction, Mention, When};
use crate::text::{
    fold, grouped_number, is_possessive, phrase_at, plain_apostrophes, split_sentences, tokenize,
    Token,
};
pub use gazetteer::{Entity, EntityClass, Gazetteer};
pub use lexicon::{EventLexicon, Lexicon, OrderRelation};

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
    pub killed: Option<u32>,
    pub injured: Option<u32>,
    pub date: Option<When>,
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
pub struct Relation {
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

/// Everything one article reports.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Extraction {
    pub events: Vec<ExtractedEvent>,
    pub relations: Vec<Relation>,
}

/// One side of an ordering cue inside a sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Side {
    /// A trigger of this sentence that became an event.
    Candidate(usize),
    /// "this statement", "the talks": the article's last event of that kind.
    Anaphor(Kind),
}

/// "A <cue> B" found in a sentence, before its sides are article events.
struct SentenceRelation {
    subject: Side,
    other: Side,
    relation: OrderRelation,
    min_days: i64,
    max_days: Option<i64>,
    cue: String,
}

/// A name found in a sentence: token range and what it stands for.
#[derive(Debug, Clone)]
struct NameMention {
    first: usize,
    end: usize,
    entity: Entity,
}

/// Per-article memory: people introduced so far, for surnames and pronouns.
#[derive(Default)]
struct ArticleMemory {
    /// Surname → full name, for people the gazetteer does not know.
    surnames: Vec<(String, String)>,
    /// Everyone the article has named as a person.
    people: std::collections::BTreeSet<String>,
    last_person: Option<String>,
    /// The last person who was the initiator of an event: who "he" most likely is.
    last_actor_person: Option<String>,
    /// The last two or more sides named together: who "both nations" are.
    last_pair: Vec<String>,
    /// Sides this sentence coordinates ("the leaders of Thailand and Cambodia"):
    /// who "they" are first.
    sentence_group: Vec<String>,
    /// Title word → the person it was last put before ("envoy" → "Tom Barrack"), so
    /// "the envoy" later in the article is that person.
    roles: Vec<(String, String)>,
    /// People the gazetteer does not know → the country their title named
    /// ("Egyptian intelligence chief Hassan Rashad").
    affiliations: std::collections::BTreeMap<String, String>,
    /// Places the article introduced ("in Kananaskis", "the town of Bara"), as tokens.
    places: Vec<(Vec<String>, Entity)>,
    /// What the article has dated so far ("a year earlier" leans on it).
    dates: temporal::Context,
}

/// Everything the rules need to look at in one sentence.
struct SentenceView<'a, 's> {
    tokens: &'s [Token<'a>],
    /// Lowercase: for lexicon words.
    folded: Vec<String>,
    names: Vec<NameMention>,
    lexicon: &'s Lexicon,
}

impl SentenceView<'_, '_> {
    fn name_at(&self, i: usize) -> Option<&NameMention> {
        self.names.iter().find(|m| m.first <= i && i < m.end)
    }

    fn name_ending_at(&self, end: usize) -> Option<&NameMention> {
        self.names.iter().find(|m| m.end == end)
    }

    fn is_break(&self, i: usize) -> bool {
        self.tokens.get(i).is_some_and(|t| t.is_clause_break())
    }

    /// The first token of the clause holding token `first`: just after the last
    /// break before it.
    fn clause_start(&self, first: usize) -> usize {
        (0..first)
            .rev()
            .find(|&j| self.is_break(j))
            .map_or(0, |j| j + 1)
    }

    /// Where the clause holding the tokens before `end` stops: the first break from
    /// `end` on, or the end of the sentence.
    fn clause_end(&self, end: usize) -> usize {
        (end..self.tokens.len())
            .find(|&j| self.is_break(j))
            .unwrap_or(self.tokens.len())
    }

    fn any_phrase(&self, i: usize, phrases: &[Vec<String>]) -> bool {
        phrases.iter().any(|p| phrase_at(&self.folded, i, p))
    }
}

/// A trigger found in a sentence, before it becomes an event.
struct Candidate {
    first: usize,
    end: usize,
    kind: Kind,
    noun: bool,
    status: Status,
    /// The verb reports the event only with a named actor as its object.
    needs_object: bool,
    /// The initiator, then others acting with it.
    actors: Vec<String>,
    counterparts: Vec<String>,
    place: Option<String>,
    /// A noun trigger is pinned down by a city, participants or "by X".
    anchored: bool,
    time: Option<usize>,
    /// The date was borrowed from another trigger in the sentence.
    time_shared: bool,
}

/// Extract the events one article reports, and what it says about their order.
pub fn extract_document(doc: &Document, lexicon: &Lexicon) -> Extraction {
    let mut memory = ArticleMemory::default();
    let mut events: Vec<ExtractedEvent> = Vec::new();
    let mut relations: Vec<Relation> = Vec::new();
    for sentence in split_sentences(doc.body()) {
        let start = doc.body_start + sentence.start;
        let tokens = tokenize(sentence.text, start);
        let (produced, cues) =
            extract_sentence(doc, &tokens, start, sentence.text, lexicon, &mut memory);
        // "this statement" points back to what the article reported before this sentence.
        let anaphor = |kind: Kind, events: &[ExtractedEvent]| {
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
        let resolved_anaphors: Vec<(Option<usize>, Option<usize>)> = cues
            .iter()
            .map(|cue| {
                let of = |side: Side| match side {
                    Side::Anaphor(kind) => anaphor(kind, &events),
                    Side::Candidate(_) => None,
                };
                (of(cue.subject), of(cue.other))
            })
            .collect();
        let mut index_of = std::collections::BTreeMap::new();
        for (candidate, event) in produced {
            index_of.insert(
                candidate,
                merge_into(&mut events, event, &memory.people, lexicon),
            );
        }
        for (cue, (subject_anaphor, other_anaphor)) in cues.into_iter().zip(resolved_anaphors) {
            let event_of = |side: Side, anaphor: Option<usize>| match side {
                Side::Candidate(c) => index_of.get(&c).copied(),
                Side::Anaphor(_) => anaphor,
            };
            let (Some(a), Some(b)) = (
                event_of(cue.subject, subject_anaphor),
                event_of(cue.other, other_anaphor),
            ) else {
                continue;
            };
            if a == b {
                continue;
            }
            // "A <cue> B": which one came first, and what the later one is to it.
            let (earlier, later, link) = match cue.relation {
                OrderRelation::After => (b, a, LinkKind::Follows),
                OrderRelation::Before => (a, b, LinkKind::Follows),
                OrderRelation::Response => (b, a, LinkKind::RespondsTo),
                OrderRelation::During => (b, a, LinkKind::PartOf),
            };
            let duplicate = relations
                .iter()
                .any(|r| (r.earlier, r.later, r.link) == (earlier, later, link));
            if !duplicate {
                relations.push(Relation {
                    earlier,
                    later,
                    link,
                    min_days: cue.min_days,
                    max_days: cue.max_days,
                    cue: cue.cue,
                    start,
                    quote: sentence.text.to_string(),
                });
            }
        }
    }
    for event in &mut events {
        event.summary = summarize(event, lexicon);
    }
    Extraction { events, relations }
}

fn extract_sentence(
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

/// A casualty figure the sentence states, at token `at`.
struct Figure {
    at: usize,
    killed: bool,
    count: u32,
}

/// Casualty figures in a sentence: "killing at least 22", "wounding 12", "the death
/// toll rose to 30" (word, then figure) and "four people were killed", "12 injured"
/// (figure, then word), with only the lexicon's filler words between.
fn casualty_figures(view: &SentenceView<'_, '_>) -> Vec<Figure> {
    let words = &view.lexicon.events.casualties;
    let numbers = &view.lexicon.temporal.number_words;
    // A figure and the tokens it takes ("1,200" is three).
    let count_at = |j: usize| -> Option<(u32, usize)> {
        let word = view.folded.get(j)?;
        if let Some(n) = numbers.get(word).copied().flatten() {
            return Some((u32::try_from(n).ok()?, 1));
        }
        let (n, used) = grouped_number(view.tokens, j)?;
        let n = u32::try_from(n).ok()?;
        // "in 2024": a year, not a toll.
        let year = used == 1 && word.len() == 4 && (1900..=2100).contains(&n);
        (!year).then_some((n, used))
    };
    let word_at = |j: usize| -> Option<(bool, usize)> {
        let of = |list: &[Vec<String>]| {
            list.iter()
                .filter(|p| phrase_at(&view.folded, j, p))
                .map(Vec::len)
                .max()
        };
        of(&words.killed)
            .map(|len| (true, len))
            .or_else(|| of(&words.injured).map(|len| (false, len)))
    };
    let mut figures = Vec::new();
    let mut used = std::collections::BTreeSet::new();
    let n = view.tokens.len();
    for j in 0..n {
        let Some((killed, len)) = word_at(j) else {
            continue;
        };
        let mut k = j + len;
        while k < n
            && k < j + len + 4
            && count_at(k).is_none()
            && words.filler.contains(&view.folded[k])
        {
            k += 1;
        }
        if let Some((count, _)) = count_at(k) {
            used.insert(k);
            figures.push(Figure {
                at: j,
                killed,
                count,
            });
        }
    }
    for k in 0..n {
        let Some((count, width)) = count_at(k).filter(|_| !used.contains(&k)) else {
            continue;
        };
        let mut j = k + width;
        while j < n && j < k + 5 && word_at(j).is_none() && words.filler.contains(&view.folded[j]) {
            j += 1;
        }
        if let Some((killed, _)) = word_at(j) {
            figures.push(Figure {
                at: j,
                killed,
                count,
            });
        }
    }
    figures
}

/// The figures that belong to strike `index`: those after it and before the next
/// strike of the sentence (the first strike also takes those before it).
fn casualties_of(
    index: usize,
    strikes: &[(usize, usize)],
    figures: &[Figure],
) -> (Option<u32>, Option<u32>) {
    let Some(position) = strikes.iter().position(|&(i, _)| i == index) else {
        return (None, None);
    };
    let from = if position == 0 {
        0
    } else {
        strikes[position].1
    };
    let to = strikes.get(position + 1).map_or(usize::MAX, |s| s.1);
    let mine = figures.iter().filter(|f| f.at >= from && f.at < to);
    let most = |killed: bool| {
        mine.clone()
            .filter(|f| f.killed == killed)
            .map(|f| f.count)
            .max()
    };
    (most(true), most(false))
}

/// The event's mode and CAMEO root code: the mode whose words stand nearest the
/// trigger (in it first); a meeting is typed by who met where before by its words.
fn classify(
    candidate: &Candidate,
    view: &SentenceView<'_, '_>,
    memory: &ArticleMemory,
) -> (Option<String>, String) {
    let Some(modes) = view.lexicon.events.modes.get(&candidate.kind) else {
        return (None, String::new());
    };
    let (first, end) = (candidate.first, candidate.end);
    let (clause_start, clause_end) = (view.clause_start(first), view.clause_end(end));
    // A statement's mode is in its own words ("accused", "in an interview"), not in
    // what it reports.
    let (from, to) = if candidate.kind == Kind::Statement {
        (
            first.saturating_sub(3).max(clause_start),
            (end + 4).min(clause_end),
        )
    } else {
        (clause_start, clause_end)
    };
    let worded = modes
        .modes
        .iter()
        .enumerate()
        .filter_map(|(rank, mode)| {
            let distance = (from..to)
                .filter_map(|j| {
                    let len = mode
                        .words
                        .iter()
                        .find(|w| phrase_at(&view.folded, j, w))?
                        .len();
                    Some(if j + len > first && j < end {
                        0
                    } else if j >= end {
                        j - end + 1
                    } else {
                        first - (j + len) + 1
                    })
                })
                .min()?;
            Some((distance, rank, mode))
        })
        .min_by_key(|(distance, rank, _)| (*distance, *rank))
        .map(|(_, _, mode)| mode);
    let named = |mode: &lexicon::Mode| (Some(mode.name.clone()), mode.cameo.clone());
    if candidate.kind == Kind::Meeting {
        if let Some(phone) = worded.filter(|m| m.name == "phone") {
            return named(phone);
        }
        if let Some(structural) = meeting_mode(candidate, view.lexicon, memory) {
            return (Some(structural.to_string()), modes.cameo.clone());
        }
    }
    worded.map_or((None, modes.cameo.clone()), named)
}

/// A meeting typed by who met where: multilateral with three or more sides;
/// third-party when the place lies in none of the sides' countries; a visit when it
/// lies in some side's country but not every side's.
fn meeting_mode(
    candidate: &Candidate,
    lexicon: &Lexicon,
    memory: &ArticleMemory,
) -> Option<&'static str> {
    let sides: Vec<&String> = candidate
        .actors
        .iter()
        .chain(&candidate.counterparts)
        .collect();
    // A person and the country they act for are one side.
    let distinct: BTreeSet<String> = sides
        .iter()
        .map(|side| {
            memory
                .country_of(side, lexicon)
                .unwrap_or_else(|| side.to_string())
        })
        .collect();
    if distinct.len() >= 3 {
        return Some("multilateral");
    }
    let place = memory.country_of(candidate.place.as_deref()?, lexicon)?;
    let countries: Vec<Option<String>> = sides
        .iter()
        .map(|side| memory.country_of(side, lexicon))
        .collect();
    let here = countries
        .iter()
        .filter(|c| c.as_ref() == Some(&place))
        .count();
    if here > 0 && here < countries.len() {
        return Some("visit");
    }
    if here == 0 && countries.len() == 2 && countries.iter().all(Option::is_some) {
        return Some("third-party");
    }
    if here == 0 && countries.len() == 1 && countries[0].is_some() {
        return Some("visit");
    }
    None
}

/// "launched a drone at a ship", "launched 40 missiles": a launch verb whose object,
/// a few words on in the same clause, is a weapon.
fn launches_weapon(view: &SentenceView<'_, '_>, i: usize) -> bool {
    let events = &view.lexicon.events;
    events.launch_verbs.contains(&view.folded[i])
        && (i + 1..(i + 5).min(view.tokens.len()))
            .take_while(|&j| !view.is_break(j))
            .any(|j| events.weapons.contains(&view.folded[j]))
}

/// Articles and possessive pronouns: words that stand before a noun phrase.
fn is_determiner(folded: &str) -> bool {
    matches!(folded, "the" | "a" | "an" | "its" | "their" | "his" | "her")
}

/// "accused Thailand of violating the truce": an event noun that something is done
/// to is an event already reported, not a new one.
fn presupposed(view: &SentenceView<'_, '_>, first: usize) -> bool {
    let mut k = first;
    while k > 0
        && (is_determiner(&view.folded[k - 1])
            || matches!(view.folded[k - 1].as_str(), "this" | "that"))
    {
        k -= 1;
    }
    view.lexicon
        .events
        .presupposing
        .iter()
        .any(|p| k >= p.len() && phrase_at(&view.folded, k - p.len(), p))
}

/// "met in Istanbul on Friday for their first direct talks": a noun after a verb
/// of the same kind in the same clause, with no ordering cue between, names the
/// verb's event again.
fn restates_earlier(
    candidates: &[Candidate],
    kind: Kind,
    first: usize,
    view: &SentenceView<'_, '_>,
) -> bool {
    let events = &view.lexicon.events;
    candidates.last().is_some_and(|previous| {
        previous.kind == kind
            && !previous.noun
            && !(previous.end..first).any(|j| {
                view.is_break(j)
                    || events.ordering_cues.contains(&view.folded[j])
                    || events.order_cue_at(&view.folded, j).is_some()
            })
    })
}

/// "A <cue> B" between the sentence's events: the event nearest before the cue and
/// the first after it in the same clause; a cue that opens the sentence ("After
/// talks in Istanbul, Russia struck Odesa") relates the event after the next comma.
fn order_cues(
    candidates: &[Candidate],
    kept: &[bool],
    times: &[Mention],
    view: &SentenceView<'_, '_>,
    doc: &Document,
) -> Vec<SentenceRelation> {
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
    let side = |index: usize| -> Option<Side> {
        if kept[index] {
            return Some(Side::Candidate(index));
        }
        let candidate = &candidates[index];
        let pointed = (candidate.first.saturating_sub(4)..candidate.first)
            .rev()
            .take_while(|&j| !view.is_break(j) && view.name_at(j).is_none())
            .any(|j| events.anaphors.contains(&view.folded[j]));
        (candidate.noun && candidate.actors.is_empty() && pointed)
            .then_some(Side::Anaphor(candidate.kind))
    };
    let mut found = Vec::new();
    let mut i = 0;
    while i < view.tokens.len() {
        let in_time = times.iter().any(|m| m.first_token <= i && i < m.end_token);
        let cue = match events.order_cue_at(&view.folded, i) {
            Some(cue) if !in_time => cue,
            _ => {
                i += 1;
                continue;
            }
        };
        let cue_end = i + cue.words.len();
        // "the following day", "a following wave": a determiner makes it an adjective.
        let determiner = i
            .checked_sub(1)
            .is_some_and(|j| matches!(view.folded[j].as_str(), "the" | "a" | "an"));
        if cue.words.len() == 1 && determiner {
            i = cue_end;
            continue;
        }
        // "two days after", "three weeks before": the count sets the gap.
        let mut cue_first = i;
        let (mut min_days, mut max_days) = (cue.min_days, cue.max_days);
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
                cue_first = unit_at - 1;
                min_days = count.saturating_mul(lo);
                max_days = Some(count.saturating_mul(hi));
            }
        }
        let right = candidates.iter().position(|c| {
            c.first >= cue_end
                && c.first <= cue_end + 12
                && !(cue_end..c.first).any(|j| view.is_break(j))
        });
        let left = candidates.iter().rposition(|c| c.end <= cue_first);
        let pair = match (left, right) {
            (Some(l), Some(r)) => Some((l, r)),
            (None, Some(r)) => (candidates[r].end..view.tokens.len())
                .find(|&j| view.tokens[j].text == ",")
                .and_then(|comma| candidates.iter().position(|c| c.first > comma))
                .map(|a| (a, r)),
            _ => None,
        };
        if let Some((a, b)) = pair {
            if let (Some(subject), Some(other)) = (side(a), side(b)) {
                let span = view.tokens[cue_first].start..view.tokens[cue_end - 1].end;
                found.push(SentenceRelation {
                    subject,
                    other,
                    relation: cue.relation,
                    min_days,
                    max_days,
                    cue: doc.text[span].to_string(),
                });
            }
        }
        i = cue_end;
    }
    found
}

/// The date of a wire dateline ("CAIRO, Oct 9 (Reuters) -", "KYIV, Ukraine, Nov 14
/// (AP) —") dates the report, not the events of its first sentence.
fn in_dateline(tokens: &[Token<'_>], mention: &Mention) -> bool {
    let place = document::dateline_place_len(tokens);
    let Some(before) = mention.first_token.checked_sub(1) else {
        return false;
    };
    let place_then_comma = place > 0
        && tokens[before].text == ","
        && tokens[place..before]
            .iter()
            .all(|t| t.text == "," || t.is_word() && t.is_capitalized());
    let agency_or_dash = tokens
        .get(mention.end_token)
        .is_some_and(|t| matches!(t.text, "(" | "-" | "–" | "—" | "/"));
    place_then_comma && agency_or_dash
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

/// Gazetteer names, then names the article introduces ("Karoline Leavitt") and their
/// later surnames. A country or demonym that only qualifies a person's title
/// ("Russian President Vladimir Putin", "US envoy Steve Witkoff") is dropped.
fn find_names(
    tokens: &[Token<'_>],
    texts: &[String],
    lexicon: &Lexicon,
    memory: &mut ArticleMemory,
    headline: bool,
) -> Vec<NameMention> {
    let gazetteer = &lexicon.gazetteer;
    let is_title = |i: usize| {
        tokens
            .get(i)
            .is_some_and(|t| gazetteer.is_title(&fold(t.text)))
    };
    let mut names = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        if let Some((entity, used)) = gazetteer.match_at(texts, i) {
            // "Moscow-controlled", "Kremlin-backed": an adjective, not the name itself.
            let compound = tokens.get(i + used).is_some_and(|t| t.text == "-")
                && tokens
                    .get(i + used + 1)
                    .is_some_and(|t| t.is_word() && !t.is_capitalized());
            if !compound {
                names.push(NameMention {
                    first: i,
                    end: i + used,
                    entity: entity.clone(),
                });
            }
            i += used;
            continue;
        }
        if let Some((tokens_of, entity)) = memory
            .places
            .iter()
            .find(|(p, _)| texts.get(i..i + p.len()) == Some(p.as_slice()))
        {
            names.push(NameMention {
                first: i,
                end: i + tokens_of.len(),
                entity: entity.clone(),
            });
            i += tokens_of.len();
            continue;
        }
        // "the envoy", "the special envoy": the person the article gave that title.
        if fold(tokens[i].text) == "the" {
            let run = (i + 1..tokens.len())
                .take_while(|&j| tokens[j].is_word() && is_title(j))
                .count();
            let after = i + 1 + run;
            let named_next = tokens
                .get(after)
                .is_some_and(|t| t.is_capitalized() && t.is_word());
            let person = (run > 0 && !named_next)
                .then(|| fold(tokens[after - 1].text))
                .and_then(|title| {
                    memory
                        .roles
                        .iter()
                        .rev()
                        .find(|(t, _)| *t == title)
                        .map(|(_, p)| p.clone())
                });
            if let Some(person) = person {
                names.push(NameMention {
                    first: i + 1,
                    end: after,
                    entity: Entity {
                        name: person,
                        class: EntityClass::Person,
                        country: None,
                    },
                });
                i = after;
                continue;
            }
        }
        if let Some((_, full)) = memory
            .surnames
            .iter()
            .find(|(surname, _)| *surname == texts[i])
        {
            let entity = Entity {
                name: full.clone(),
                class: EntityClass::Person,
                country: None,
            };
            names.push(NameMention {
                first: i,
                end: i + 1,
                entity,
            });
            i += 1;
            continue;
        }
        let could_be_name = |j: usize| {
            tokens.get(j).is_some_and(|t| {
                t.is_word()
                    && t.is_capitalized()
                    && t.text.chars().any(char::is_lowercase)
                    && !gazetteer.not_names.contains(t.text)
                    && !gazetteer.knows(&texts[j])
                    && !is_title(j)
                    && !lexicon.temporal.months.contains_key(&fold(t.text))
            })
        };
        // "Al-Fula", "Ivano-Frankivsk": capitalised parts joined by a hyphen are one word.
        let hyphenated = |j: usize| {
            tokens.get(j + 1).is_some_and(|h| h.text == "-")
                && tokens[j].touches(&tokens[j + 1])
                && tokens.get(j + 2).is_some_and(|t| tokens[j + 1].touches(t))
                && could_be_name(j + 2)
        };
        let mut run = 0;
        while could_be_name(i + run) {
            run += if hyphenated(i + run) { 3 } else { 1 };
        }
        // "Majed al-Ansari", "Mohammed bin Salman": a particle inside a name.
        if run >= 1 {
            let k = i + run;
            let particle = tokens
                .get(k)
                .is_some_and(|t| gazetteer.is_name_particle(&fold(t.text)));
            let hyphen = tokens.get(k + 1).is_some_and(|t| t.text == "-");
            let rest = k + 1 + usize::from(hyphen);
            if particle && could_be_name(rest) {
                run = rest + 1 - i;
            }
        }
        if !headline && (1..=3).contains(&run) {
            if let Some(country) = introduces_place(tokens, &names, lexicon, i, i + run) {
                let entity = Entity {
                    name: spoken_name(&texts[i..i + run]),
                    class: EntityClass::Place,
                    country,
                };
                memory
                    .places
                    .push((texts[i..i + run].to_vec(), entity.clone()));
                names.push(NameMention {
                    first: i,
                    end: i + run,
                    entity,
                });
                i += run;
                continue;
            }
        }
        if !headline && (2..=5).contains(&run) {
            let full = spoken_name(&texts[i..i + run]);
            let surname = texts[i + run - 1].clone();
            if !memory.surnames.iter().any(|(s, _)| *s == surname) {
                memory.surnames.push((surname, full.clone()));
            }
            names.push(NameMention {
                first: i,
                end: i + run,
                entity: Entity {
                    name: full,
                    class: EntityClass::Person,
                    country: None,
                },
            });
            i += run;
            continue;
        }
        i += run.max(1);
    }
    for mention in names
        .iter()
        .filter(|m| m.entity.class == EntityClass::Person)
    {
        memory.people.insert(mention.entity.name.clone());
    }
    // Drop qualifiers of a title: country or organisation, title words, then a person.
    let mut kept = Vec::with_capacity(names.len());
    for (index, mention) in names.iter().enumerate() {
        let qualifies_title = matches!(
            mention.entity.class,
            EntityClass::Country | EntityClass::Demonym | EntityClass::Organisation
        ) && names.get(index + 1).is_some_and(|next| {
            // "Qatar's foreign ministry spokesman": the possessive is part of the title.
            let possessive = is_possessive(texts, mention.end);
            let from = mention.end + if possessive { 2 } else { 0 };
            next.entity.class == EntityClass::Person
                && next.first > from
                && next.first - from <= 4
                && (from..next.first).all(|j| {
                    is_title(j)
                        || tokens[j].is_word()
                            && !tokens[j].is_capitalized()
                            && next.first - from <= 3
                })
                && (from..next.first).any(is_title)
        });
        if qualifies_title {
            // What the title says of someone the gazetteer does not know.
            if let (Some(next), Some(country)) = (names.get(index + 1), mention.entity.actor()) {
                if gazetteer.affiliation(&next.entity.name).is_none() {
                    memory
                        .affiliations
                        .entry(next.entity.name.clone())
                        .or_insert_with(|| country.to_string());
                }
            }
        } else {
            kept.push(mention.clone());
        }
    }
    // Remember the title put before each person: "the envoy" later is them.
    for mention in kept
        .iter()
        .filter(|m| m.entity.class == EntityClass::Person && m.first > 0)
    {
        let before = mention.first - 1;
        if tokens[before].is_word() && is_title(before) {
            let title = fold(tokens[before].text);
            memory.roles.retain(|(t, _)| *t != title);
            memory.roles.push((title, mention.entity.name.clone()));
        }
    }
    // "Thailand and Cambodia", "Aliyev and Armenian Prime Minister Pashinyan".
    memory.sentence_group.clear();
    for pair in kept.windows(2) {
        let between = pair[0].end..pair[1].first;
        let joined = between.clone().any(|j| fold(tokens[j].text) == "and")
            && between.clone().all(|j| {
                fold(tokens[j].text) == "and" || tokens[j].is_capitalized() || is_title(j)
            });
        let (Some(a), Some(b)) = (pair[0].entity.actor(), pair[1].entity.actor()) else {
            continue;
        };
        if joined {
            if memory.sentence_group.is_empty() {
                memory.sentence_group.push(a.to_string());
            }
            if !memory.sentence_group.iter().any(|g| g == b) {
                memory.sentence_group.push(b.to_string());
            }
        }
    }
    if memory.sentence_group.len() >= 2 {
        memory.last_pair = memory.sentence_group.clone();
    }
    kept
}

/// Tokens of a name as written: words apart, hyphens joined ("Majed al-Ansari").
fn spoken_name(parts: &[String]) -> String {
    let mut name = String::new();
    for (index, part) in parts.iter().enumerate() {
        let joined = part == "-" || parts.get(index.wrapping_sub(1)).is_some_and(|p| p == "-");
        if index > 0 && !joined {
            name.push(' ');
        }
        name.push_str(part);
    }
    name
}

/// Is the capitalised run `first..end` a place the article introduces? After "in",
/// "at", "near", or "the town of", or before "province": and then its country is
/// the one a demonym just before says ("the Russian city of Ryazan").
fn introduces_place(
    tokens: &[Token<'_>],
    names: &[NameMention],
    lexicon: &Lexicon,
    first: usize,
    end: usize,
) -> Option<Option<String>> {
    let word = |j: usize| tokens.get(j).map(|t| fold(t.text)).unwrap_or_default();
    let gazetteer = &lexicon.gazetteer;
    let settlement = |w: &str| gazetteer.is_settlement(w);
    let before = first.checked_sub(1).map(word).unwrap_or_default();
    let after_word = word(end);
    let introduced = matches!(before.as_str(), "in" | "at" | "near" | "outside")
        || before == "of" && first >= 2 && settlement(&word(first - 2))
        || gazetteer.is_region(&after_word);
    // A person's name after "in" is rare; a run followed by a possessive or a
    // title is someone ("in Hassan Rashad's view").
    if !introduced || tokens.get(end).is_some_and(|t| t.is_apostrophe()) {
        return None;
    }
    let country = names
        .iter()
        .rev()
        .find(|m| m.end <= first && m.end + 4 >= first)
        .filter(|m| matches!(m.entity.class, EntityClass::Demonym | EntityClass::Country))
        .and_then(|m| m.entity.actor().map(str::to_string));
    Some(country)
}

/// Work out status, actors and place of one trigger.
fn analyse(
    candidate: &mut Candidate,
    view: &SentenceView<'_, '_>,
    memory: &mut ArticleMemory,
    previous_end: usize,
    next_trigger: usize,
) {
    let tokens = view.tokens;
    let events = &view.lexicon.events;
    let (first, end) = (candidate.first, candidate.end);
    let (clause_start, clause_end) = (view.clause_start(first), view.clause_end(end));

    // Status: a future marker shortly before in the clause, or after a noun ("talks are expected").
    let future_before = (clause_start.max(first.saturating_sub(6))..first)
        .any(|j| view.lexicon.temporal.future_marker_at(&view.folded, j));
    let future_after = candidate.noun
        && (end..clause_end).any(|j| view.lexicon.temporal.future_marker_at(&view.folded, j));
    if future_before || future_after {
        candidate.status = Status::Planned;
    }

    // The reach of this trigger to the right: up to the next trigger or a hard stop.
    let hard_stop = (end..tokens.len())
        .find(|&j| matches!(tokens[j].text, ";" | ":" | "(" | "“" | "\""))
        .unwrap_or(tokens.len());
    let reach_end = next_trigger.min(end + 20).min(hard_stop);
    let actor_of = |m: &NameMention| m.entity.actor().map(str::to_string);

    // The initiator.
    let mut main: Option<String> = None;
    let mut generic_subject = false;
    let mut unknown_agent = false;
    // "claims by Russian officials", "was made by Kirill Dmitriev", "a visit by a senior Russian official"
    if let Some(by) = (end..(end + 4).min(reach_end)).find(|&j| view.folded[j] == "by") {
        let mut j = by + 1;
        while j < reach_end
            && j <= by + 3
            && view.name_at(j).is_none()
            && tokens[j].is_word()
            && !tokens[j].is_capitalized()
        {
            j += 1;
        }
        if let Some(m) = view.names.iter().find(|m| m.first == j) {
            main = actor_of(m);
            candidate.anchored |= main.is_some();
        } else if tokens.get(j).is_some_and(|t| t.is_capitalized()) {
            // "an attack by SPLA-IO fighters": an attacker is named, one we do not
            // know; the sentence's subject is not it.
            unknown_agent = true;
        }
    }
    if main.is_none() && candidate.noun {
        // "Dmitriev's visit", "his recent visit", "US-Russia talks", "the Moscow meeting"
        let mut j = first;
        while j > previous_end && j + 4 > first {
            j -= 1;
            if tokens[j].is_clause_break() {
                break;
            }
            if is_possessive(&view.folded, j) && j > 0 {
                main = match view.name_ending_at(j) {
                    Some(owner) => actor_of(owner),
                    None if matches!(view.folded[j - 1].as_str(), "he" | "she") => {
                        memory.salient_person()
                    }
                    None => None,
                };
                break;
            }
            if matches!(view.folded[j].as_str(), "his" | "her") {
                main = memory.salient_person();
                break;
            }
            if let Some(m) = view
                .name_ending_at(j + 1)
                .filter(|m| m.end == first || !governed(view, m))
            {
                if let Some(actor) = actor_of(m) {
                    let mut co = Vec::new();
                    main = Some(with_coordinated(view, m, actor.clone(), &mut co));
                    for other in co {
                        push_unique(&mut candidate.actors, other);
                    }
                    // "US-Russia talks": both sides of the hyphen.
                    if m.first >= 2 && tokens[m.first - 1].text == "-" {
                        if let Some(other) = view.name_ending_at(m.first - 1).and_then(actor_of) {
                            main = Some(other);
                            push_unique(&mut candidate.actors, actor);
                        }
                    }
                    break;
                }
                if m.entity.is_local_place() && m.end == first {
                    candidate.place = m.entity.place().map(str::to_string);
                    candidate.anchored = true;
                }
            }
        }
    }
    // The other side: "with X", "between X and Y", "involving X", the object of "meet".
    // A statement has no other side: "relations with the United States" is its content.
    let mut others = Vec::new();
    let mut participants_named = false;
    let mut opener = None;
    if candidate.kind != Kind::Statement {
        opener = (end..reach_end)
            .find(|&k| events.participants.contains(&view.folded[k]) && view.folded[k] != "and");
        let verb_object = candidate.kind == Kind::Meeting && !candidate.noun;
        if candidate.needs_object && object_at(view, end).is_none() {
            return;
        }
        let from = match (verb_object, opener) {
            (true, _) => Some(end),
            (false, Some(k)) => Some(k + 1),
            (false, None) => None,
        };
        if let Some(mut j) = from {
            while j < reach_end {
                if let Some(m) = view.name_at(j) {
                    if let Some(actor) = actor_of(m) {
                        others.push(actor);
                        participants_named = true;
                    }
                    j = m.end;
                    continue;
                }
                if matches!(view.folded[j].as_str(), "in" | "on" | "at")
                    || view.folded[j] == "to" && candidate.noun
                {
                    break;
                }
                j += 1;
            }
        }
    }
    // "talks between X and Y" names both sides; otherwise the initiator is the subject
    // of the verb, or for a noun the subject of the verb that governs it ("Russian
    // forces launched a missile attack", "Zelensky, after a meeting with Macron").
    let mut co_subjects = Vec::new();
    let both_sides_named =
        candidate.noun && opener.is_some_and(|k| view.folded[k] == "between") && others.len() >= 2;
    // A statement noun has no verb subject ("the interview"), and an unknown agent
    // after "by" is not the subject either.
    let subject_speaks = !(candidate.noun && candidate.kind == Kind::Statement);
    if main.is_none() && !unknown_agent && !both_sides_named && subject_speaks {
        main = find_subject(view, first, memory, &mut generic_subject, &mut co_subjects);
    }
    if main.is_none() && !others.is_empty() {
        main = Some(others.remove(0));
    }
    if generic_subject && candidate.kind == Kind::Statement {
        // "Analysts note ...": commentary, whoever else the sentence names.
        main = None;
        others.clear();
        candidate.actors.clear();
    }
    if let Some(m) = main {
        if memory.people.contains(&m) {
            memory.last_actor_person = Some(m.clone());
        }
        candidate.actors.insert(0, m);
    }
    // Coordinated subjects strike or speak together; of a meeting or an agreement
    // they are its two sides, so the first leads and the rest are counterparts.
    let symmetric = matches!(candidate.kind, Kind::Meeting | Kind::Agreement);
    // Who "both sides" are next: the subjects named together, or a meeting's sides.
    let sides = candidate.actors.len() + others.len() + co_subjects.len();
    if !co_subjects.is_empty() || symmetric && sides >= 2 {
        let mut group = candidate.actors.clone();
        let with = if symmetric { others.as_slice() } else { &[] };
        for side in co_subjects.iter().chain(with) {
            push_unique(&mut group, side.clone());
        }
        memory.last_pair = group;
    }
    for actor in co_subjects {
        if symmetric {
            push_unique(&mut candidate.counterparts, actor);
        } else {
            push_unique(&mut candidate.actors, actor);
        }
    }
    if symmetric && candidate.actors.len() > 1 {
        let mut moved = candidate.actors.split_off(1);
        moved.append(&mut candidate.counterparts);
        for side in moved {
            push_unique(&mut candidate.counterparts, side);
        }
    }
    for other in others {
        if !candidate.actors.contains(&other) {
            push_unique(&mut candidate.counterparts, other);
        }
    }
    if candidate.kind == Kind::Statement {
        if let Some(addressee) = addressee(view, first, end) {
            if !candidate.actors.contains(&addressee) {
                push_unique(&mut candidate.counterparts, addressee);
            }
        }
    }

    // Where: "in Miami", "visit to Washington", "strike on Kyiv"; a statement only "in X" or "at X".
    if candidate.place.is_none() {
        let statement = candidate.kind == Kind::Statement;
        let limit = if statement {
            (end + 3).min(reach_end)
        } else {
            reach_end
        };
        for j in end..limit {
            let Some(m) = view.names.iter().find(|m| m.first == j) else {
                continue;
            };
            let Some(place) = m.entity.place() else {
                continue;
            };
            let b = governing_word(view, j, end);
            let before = view.folded[b].as_str();
            let locative = if statement {
                matches!(before, "in" | "at")
            } else {
                events.locative.contains(before)
            };
            let target = candidate.kind == Kind::Strike && events.target.contains(before);
            // "shelled El Fasher", "shelled the city of Horlivka": the object of a
            // strike verb is where it hit.
            let object = candidate.kind == Kind::Strike
                && !candidate.noun
                && b + 1 == end
                && m.entity.is_local_place();
            if locative || target || object {
                candidate.place = Some(place.to_string());
                if m.entity.is_local_place() {
                    candidate.anchored = true;
                }
                break;
            }
        }
    }
    if candidate.kind == Kind::Strike {
        if let Some(target) = strike_target(view, candidate, end, reach_end) {
            push_unique(&mut candidate.counterparts, target);
        }
    }
    if candidate.place.is_none() && candidate.kind == Kind::Meeting {
        // "visited Port Sudan": the object of a visit is where it happens.
        if let Some(m) = view
            .names
            .iter()
            .find(|m| m.first == end && !candidate.noun && m.entity.place().is_some())
        {
            candidate.place = m.entity.place().map(str::to_string);
            candidate.anchored = true;
        }
        // "travelled to Oman for talks", "arrived in Washington for discussions"
        if candidate.noun && candidate.place.is_none() {
            let subordinators = [
                "as", "while", "when", "because", "although", "though", "where", "which", "who",
                "whereas",
            ];
            let place = view.names.iter().rev().find(|m| {
                m.end <= first
                    && m.first >= clause_start.max(first.saturating_sub(8)).max(previous_end)
                    && !(m.end..first).any(|j| subordinators.contains(&view.folded[j].as_str()))
                    && m.entity.place().is_some()
                    && m.first > 0
                    && events.locative.contains(&view.folded[m.first - 1])
            });
            if let Some(m) = place {
                candidate.place = m.entity.place().map(str::to_string);
                candidate.anchored |= m.entity.is_local_place();
            }
        }
    }
    candidate.anchored |= participants_named;
    drop_represented(&mut candidate.counterparts, |side| {
        memory.country_of(side, view.lexicon)
    });
    if candidate.kind == Kind::Strike && candidate.counterparts.is_empty() {
        // "fired missiles at Tel Aviv": the target is the country the place is in.
        let attacker = candidate
            .actors
            .first()
            .map(|a| memory.country_of(a, view.lexicon));
        let target = candidate
            .place
            .as_deref()
            .and_then(|p| memory.country_of(p, view.lexicon));
        if let Some(target) = target {
            if attacker.as_ref() != Some(&Some(target.clone()))
                && candidate.actors.first() != Some(&target)
            {
                candidate.counterparts.push(target);
            }
        }
    }
}

/// The word that governs the name at `j`, seen through "the" and through "the
/// (southern) town of" ("in the Russian city of Ryazan" → "in"); not before `floor`.
fn governing_word(view: &SentenceView<'_, '_>, j: usize, floor: usize) -> usize {
    let mut b = j - 1;
    let gazetteer = &view.lexicon.gazetteer;
    if b > floor && view.folded[b] == "of" && gazetteer.is_settlement(&view.folded[b - 1]) {
        b -= 1;
        // Adjectives and demonyms before the settlement word: "the southern Lebanese town".
        while b > floor
            && (view.tokens[b - 1].is_word() && !view.tokens[b - 1].is_capitalized()
                || view.name_ending_at(b).is_some())
            && !view
                .lexicon
                .events
                .prepositions
                .contains(&view.folded[b - 1])
            && view.folded[b - 1] != "the"
        {
            b -= 1;
        }
        b -= 1;
    }
    if b >= floor && view.folded[b] == "the" {
        b -= 1;
    }
    b
}

/// "US officials and a Russian envoy, Kirill Dmitriev": a person stands for the
/// country named beside them, which is dropped.
fn drop_represented(sides: &mut Vec<String>, country_of: impl Fn(&str) -> Option<String>) {
    let represented: Vec<String> = sides
        .iter()
        .filter_map(|side| country_of(side).filter(|c| c != side))
        .collect();
    sides.retain(|side| !represented.contains(side));
}

/// The named actor a verb takes as its object ("received US envoy Morgan Ortagus",
/// "accused Azerbaijani troops"): the first name within a few words, with only
/// determiners, title words or qualifiers before it.
fn object_at<'v>(view: &'v SentenceView<'_, '_>, end: usize) -> Option<&'v NameMention> {
    let mut j = end;
    while j < view.tokens.len() && j < end + 4 {
        if let Some(m) = view.names.iter().find(|m| m.first == j) {
            return m.entity.actor().is_some().then_some(m);
        }
        let token = &view.tokens[j];
        let filler = is_determiner(&view.folded[j])
            || token.is_word() && token.is_capitalized()
            || view.lexicon.gazetteer.is_title(&view.folded[j]);
        if !filler {
            return None;
        }
        j += 1;
    }
    None
}

/// Who a statement is aimed at: the object of "accused", "warned", "urged".
fn addressee(view: &SentenceView<'_, '_>, first: usize, end: usize) -> Option<String> {
    let verb = view.folded[first..end].join(" ");
    if !view.lexicon.events.addressee_verbs.contains(&verb) {
        return None;
    }
    object_at(view, end).and_then(|m| m.entity.actor().map(str::to_string))
}

/// The side a strike hits, when the text names it: "bombed Cambodian positions",
/// "air strikes on Houthi targets", "struck 40 Hamas targets". A name after "by" is
/// the attacker, and a place is not a side.
fn strike_target(
    view: &SentenceView<'_, '_>,
    candidate: &Candidate,
    end: usize,
    reach_end: usize,
) -> Option<String> {
    let events = &view.lexicon.events;
    let mut j = end;
    while j < reach_end {
        if view.folded[j] == "by" || view.folded[j] == "with" {
            return None;
        }
        if let Some(m) = view.names.iter().find(|m| m.first == j) {
            let preposition = j
                .checked_sub(1)
                .map(|p| view.folded[p].as_str())
                .filter(|w| events.prepositions.contains(*w));
            let object = preposition.is_none_or(|p| events.target.contains(p) || p == "on");
            if let (Some(actor), true) = (m.entity.actor(), object) {
                if m.entity.class != EntityClass::Person
                    && candidate.actors.iter().all(|a| a != actor)
                {
                    return Some(actor.to_string());
                }
            }
            j = m.end;
            continue;
        }
        j += 1;
    }
    None
}

impl ArticleMemory {
    /// The country of a named actor or place, from the gazetteer or from what the
    /// article said of them.
    fn country_of(&self, name: &str, lexicon: &Lexicon) -> Option<String> {
        if let Some(country) = self.affiliations.get(name) {
            return Some(country.clone());
        }
        if let Some((_, entity)) = self.places.iter().find(|(_, e)| e.name == name) {
            return entity.country.clone();
        }
        lexicon.gazetteer.country_of(name).map(str::to_string)
    }

    /// Who "he" or "she" most likely is: the last person who did something, else the
    /// last person named.
    fn salient_person(&self) -> Option<String> {
        self.last_actor_person
            .clone()
            .or_else(|| self.last_person.clone())
    }
}

/// Is the name governed by a preposition ("in the U.S. capital", "with Macron")?
/// Then it is not the subject of a verb.
fn governed(view: &SentenceView<'_, '_>, mention: &NameMention) -> bool {
    // Step back over determiners and capitalised qualifiers ("for Russian President
    // Vladimir Putin", "in Eastern Europe", "in the U.S. capital").
    let mut j = mention.first;
    let mut steps = 0;
    while j > 0 && steps < 5 {
        let token = &view.tokens[j - 1];
        let qualifier = is_determiner(&view.folded[j - 1])
            || token.is_word()
                && token.is_capitalized()
                && !view
                    .lexicon
                    .events
                    .prepositions
                    .contains(&view.folded[j - 1])
            || token.text == "." && j >= 2 && view.tokens[j - 2].text.len() == 1;
        if !qualifier {
            break;
        }
        j -= 1;
        steps += 1;
    }
    // "the leaders of Thailand and Cambodia": those named act through their leaders.
    let representatives = j >= 2
        && view.folded[j - 1] == "of"
        && view
            .lexicon
            .events
            .representatives
            .contains(&view.folded[j - 2]);
    j > 0
        && !representatives
        && view
            .lexicon
            .events
            .prepositions
            .contains(&view.folded[j - 1])
}

/// The subject of the verb at `trigger` (or governing it): skip auxiliaries back from
/// it; across an appositive ("Kirill Dmitriev, a key envoy for ..., stated") to the
/// name before it; pronouns to the last person who acted; a capital just before its
/// verb speaks for its country ("Moscow said"). Names after a preposition are skipped.
/// Names coordinated with the subject ("Moscow and Paris expressed") go to `co`.
fn find_subject(
    view: &SentenceView<'_, '_>,
    trigger: usize,
    memory: &ArticleMemory,
    generic: &mut bool,
    co: &mut Vec<String>,
) -> Option<String> {
    let events = &view.lexicon.events;
    let mut j = trigger;
    while j > 0 && events.auxiliaries.contains(&view.folded[j - 1]) {
        j -= 1;
    }
    if j > 0 && matches!(view.folded[j - 1].as_str(), "he" | "she") {
        return memory.salient_person();
    }
    // "they" is the sides this sentence coordinates ("hosted the leaders of Thailand
    // and Cambodia, where they agreed"); across sentences it is too often someone else.
    if j > 0 && view.folded[j - 1] == "they" {
        let group = &memory.sentence_group;
        if group.len() >= 2 {
            co.extend(group[1..].iter().cloned());
            return group.first().cloned();
        }
        return None;
    }
    if j > 0 && events.generic_speakers.contains(&view.folded[j - 1]) {
        *generic = true;
        return None;
    }
    // "both nations agreed", "the two sides met"
    for pair in &events.pair_references {
        if j >= pair.len()
            && phrase_at(&view.folded, j - pair.len(), pair)
            && memory.last_pair.len() >= 2
        {
            co.extend(memory.last_pair[1..].iter().cloned());
            return memory.last_pair.first().cloned();
        }
    }
    let mut k = j;
    while k > 0 {
        if view.tokens[k - 1].text == "," {
            // An appositive or a participle clause ends here; its head is the name
            // before the comma that opens it, or right before this comma.
            // The appositive may be the name itself ("the envoy, Kirill Dmitriev, has").
            let open = (0..k - 1).rev().find(|&c| view.tokens[c].is_clause_break());
            let inside = view
                .name_ending_at(k - 1)
                .filter(|m| !governed(view, m) && m.entity.actor().is_some());
            let head = inside.or_else(|| match open {
                Some(o) if view.tokens[o].text == "," => view.name_ending_at(o),
                _ => None,
            });
            if let Some(m) = head {
                if let Some(actor) = subject_actor(view, m, true) {
                    return Some(with_coordinated(view, m, actor, co));
                }
            }
            return None;
        }
        if view.tokens[k - 1].is_clause_break() {
            return None;
        }
        if let Some(m) = view.name_ending_at(k) {
            if let Some(actor) = subject_actor(view, m, k == j) {
                return Some(with_coordinated(view, m, actor, co));
            }
            k = m.first;
            continue;
        }
        if events.generic_speakers.contains(&view.folded[k - 1]) {
            *generic = true;
            return None;
        }
        k -= 1;
    }
    None
}

/// The actor a name stands for as a subject: none when a preposition governs it; a
/// capital right before its verb speaks for its country ("Moscow said").
fn subject_actor(view: &SentenceView<'_, '_>, m: &NameMention, adjacent: bool) -> Option<String> {
    if governed(view, m) {
        return None;
    }
    match m.entity.class {
        EntityClass::Capital if adjacent => m.entity.country.clone(),
        _ => m.entity.actor().map(str::to_string),
    }
}

/// "India and Pakistan agreed", "US and British forces struck": the first named
/// leads and the later one (`actor`, named by `m`) goes to `co`.
fn with_coordinated(
    view: &SentenceView<'_, '_>,
    m: &NameMention,
    actor: String,
    co: &mut Vec<String>,
) -> String {
    let mut j = m.first;
    // Skip back over the title words in front of the later name.
    while j > 0
        && view.name_ending_at(j).is_none()
        && view.tokens[j - 1].is_capitalized()
        && view.folded[j - 1] != "and"
    {
        j -= 1;
    }
    if j >= 2 && view.folded[j - 1] == "and" {
        let mut k = j - 1;
        while k > 0
            && view.name_ending_at(k).is_none()
            && view.tokens[k - 1].is_word()
            && view.tokens[k - 1].is_capitalized()
        {
            k -= 1;
        }
        if let Some(first) = view
            .name_ending_at(k)
            .and_then(|other| subject_actor(view, other, true))
        {
            co.push(actor);
            return first;
        }
    }
    actor
}

/// Attach each date to the trigger it belongs to, then let undated triggers in the
/// same sentence share a date unless an ordering cue stands between them.
fn attach_times(candidates: &mut [Candidate], times: &[Mention], view: &SentenceView<'_, '_>) {
    if candidates.is_empty() {
        return;
    }
    let events = &view.lexicon.events;
    let cue_between =
        |from: usize, to: usize| (from..to).any(|j| events.ordering_cues.contains(&view.folded[j]));
    // "Hamas said the Oct. 7 attack killed 1,200": that date names the attack, and
    // dates nothing else in the sentence, not even by sharing.
    let named: Vec<bool> = times
        .iter()
        .map(|m| temporal::names_past_event(m, view.tokens, &view.folded, &view.lexicon.temporal))
        .collect();
    for (t, mention) in times.iter().enumerate() {
        if named[t] {
            let noun = mention.end_token..mention.end_token + 2;
            if let Some(candidate) = candidates
                .iter_mut()
                .find(|c| noun.contains(&c.first) && c.time.is_none())
            {
                candidate.time = Some(t);
            }
            continue;
        }
        // "since February 2022", "until March": a bound on something, not a date of it.
        let clause_start = view.clause_start(mention.phrase_token);
        if (clause_start.max(mention.phrase_token.saturating_sub(6))..mention.first_token)
            .any(|j| events.bound_cues.contains(&view.folded[j]))
        {
            continue;
        }
        let opens_sentence = view.tokens[..mention.phrase_token]
            .iter()
            .all(|tok| !tok.is_word() || view.folded_is_conjunction(tok.text));
        let followed_by_comma = view
            .tokens
            .get(mention.end_token)
            .is_some_and(|tok| tok.text == ",");
        let target = if opens_sentence && followed_by_comma {
            candidates.iter().position(|c| c.first >= mention.end_token)
        } else {
            None
        }
        .or_else(|| {
            // The nearest trigger before it with no clause break or ordering cue in between.
            candidates.iter().rposition(|c| {
                c.end <= mention.phrase_token
                    && !(c.end..mention.phrase_token).any(|j| view.is_break(j))
                    && !cue_between(c.end, mention.phrase_token)
            })
        })
        .or_else(|| {
            candidates.iter().rposition(|c| {
                c.end <= mention.phrase_token && !cue_between(c.end, mention.phrase_token)
            })
        })
        .or_else(|| {
            candidates.iter().position(|c| {
                c.first >= mention.end_token && !cue_between(mention.end_token, c.first)
            })
        });
        if let Some(index) = target {
            let candidate = &mut candidates[index];
            let closer = candidate
                .time
                .is_none_or(|old| distance(&times[old], candidate) > distance(mention, candidate));
            if closer {
                candidate.time = Some(t);
            }
        }
    }
    // Share: "talks held in Saudi Arabia last month, where both nations agreed ...",
    // unless an ordering cue stands between ("on Tuesday, following two days of talks").
    // A statement does not borrow from the verb of what it reports: "the minister
    // said the exchange agreed in June would be completed" was said now, not in June.
    // Its object may lend: "rejected the proposed truce on Wednesday".
    let attached: Vec<Option<usize>> = candidates.iter().map(|c| c.time).collect();
    let reported_verb_time: Vec<usize> = candidates
        .iter()
        .filter(|c| !c.noun)
        .filter_map(|c| c.time)
        .collect();
    for candidate in candidates.iter_mut() {
        if candidate.time.is_some() {
            continue;
        }
        let here = (candidate.first, candidate.end);
        let reports = candidate.kind == Kind::Statement;
        let nearest = attached
            .iter()
            .flatten()
            .copied()
            .filter(|&t| !named[t])
            .filter(|&t| {
                !(reports && times[t].first_token >= here.1 && reported_verb_time.contains(&t))
            })
            .filter(|&t| {
                let m = &times[t];
                let (from, to) = if m.end_token <= here.0 {
                    (m.end_token, here.0)
                } else {
                    (here.1, m.phrase_token)
                };
                !cue_between(from, to)
            })
            .min_by_key(|&t| times[t].first_token.abs_diff(here.0));
        candidate.time = nearest;
        candidate.time_shared = nearest.is_some();
    }
}

fn distance(mention: &Mention, candidate: &Candidate) -> usize {
    if mention.first_token >= candidate.end {
        mention.first_token - candidate.end
    } else {
        candidate.first.saturating_sub(mention.end_token)
    }
}

impl SentenceView<'_, '_> {
    fn folded_is_conjunction(&self, word: &str) -> bool {
        matches!(
            fold(word).as_str(),
            "and" | "but" | "then" | "so" | "also" | "earlier" | "later"
        )
    }
}

/// Is this a real event the text reports?
fn keep(candidate: &Candidate, view: &SentenceView<'_, '_>) -> bool {
    let events = &view.lexicon.events;
    // Negated or hypothetical: "did not meet", "talks could resume", "aimed at a ceasefire".
    let clause_start = view.clause_start(candidate.first);
    let window = clause_start.max(candidate.first.saturating_sub(4))..candidate.first;
    if window
        .clone()
        .any(|j| view.any_phrase(j, &events.negation) || view.any_phrase(j, &events.irrealis))
    {
        return false;
    }
    // "Talks in Doha could resume": a noun whose own predicate is a modal.
    if candidate.noun {
        let clause_end = view.clause_end(candidate.end);
        let hypothetical = (candidate.end..clause_end.min(candidate.end + 5)).any(|j| {
            events.modals.contains(&view.folded[j])
                && view
                    .folded
                    .get(j + 1)
                    .is_some_and(|w| events.uncertain_predicates.contains(w) || w == "not")
        });
        if hypothetical {
            return false;
        }
    }
    // "has repeatedly dismissed", "has long viewed": a habit, not an event.
    if window
        .clone()
        .any(|j| events.habitual.contains(&view.folded[j]))
    {
        return false;
    }
    if candidate.kind == Kind::Statement && candidate.actors.is_empty() {
        return false;
    }
    // "test-fired missiles", "a drill": firing at no one.
    if candidate.kind == Kind::Strike
        && window
            .clone()
            .any(|j| events.non_hostile.contains(&view.folded[j]))
    {
        return false;
    }
    if candidate.needs_object && candidate.counterparts.is_empty() {
        return false;
    }
    // "This tentative agreement was seen as ...": the article's earlier event again.
    let demonstrative = (candidate.first.saturating_sub(3)..candidate.first)
        .rev()
        .take_while(|&j| view.tokens[j].is_word() && view.name_at(j).is_none())
        .any(|j| {
            matches!(
                view.folded[j].as_str(),
                "this" | "that" | "these" | "those" | "such"
            )
        });
    if candidate.noun && demonstrative && candidate.actors.is_empty() {
        return false;
    }
    // "accused Ukraine of launching drone strikes", "claims that they had captured":
    // an act someone alleges, not one the text reports.
    if candidate.kind != Kind::Statement {
        let sentence_clause = (0..candidate.first)
            .rev()
            .find(|&j| matches!(view.tokens[j].text, ";" | ":" | "(" | ")"))
            .map_or(0, |j| j + 1);
        let alleged = (sentence_clause.max(candidate.first.saturating_sub(12))..candidate.first)
            .any(|j| events.alleged.contains(&view.folded[j]));
        if alleged {
            return false;
        }
    }
    if candidate.actors.is_empty() && candidate.place.is_none() {
        return false;
    }
    // A date only borrowed from a neighbouring verb does not pin a noun down.
    let own_date = candidate.time.is_some() && !candidate.time_shared;
    if candidate.noun && !(candidate.anchored || own_date) {
        return false;
    }
    true
}

fn push_unique(list: &mut Vec<String>, item: String) {
    if !item.is_empty() && !list.contains(&item) {
        list.push(item);
    }
}

/// One line from the extracted structure, never more than it holds: who did what to
/// whom, where, with what and at what cost; a statement quotes the words reported.
fn summarize(event: &ExtractedEvent, lexicon: &Lexicon) -> String {
    let planned = event.status == Status::Planned;
    let who = event.main_actor().unwrap_or("Unidentified actor");
    let others = event.counterparts.join(", ");
    let mode = event.mode.as_deref();
    let place = event.place.as_deref();
    let mut line = match event.kind {
        Kind::Meeting => {
            let (to, does) = if planned { ("to ", "") } else { ("", "s") };
            let verb = |base: &str| format!("{to}{base}{does}");
            match (mode, others.is_empty(), place) {
                (Some("phone"), false, _) => {
                    return format!("{who} {} by phone with {others}", verb("speak"));
                }
                (Some("phone"), true, _) => return format!("{who} {} a phone call", verb("hold")),
                (Some("visit"), true, Some(p)) => return format!("{who} {} {p}", verb("visit")),
                (_, false, _) => format!("{who} {} {others}", verb("meet")),
                (_, true, _) => format!("{who} {} talks", verb("hold")),
            }
        }
        Kind::Statement => {
            let evidence = event.evidence.first();
            let words = evidence.and_then(|e| {
                quoted(e.quote.get(e.trigger_at..).unwrap_or_default()).or_else(|| quoted(&e.quote))
            });
            let verb = match mode {
                Some("accuse") => Some("accuses"),
                Some("criticize") => Some("criticises"),
                Some("threaten") => Some("threatens"),
                Some("appeal") => Some("urges"),
                Some("reject") => Some("rejects"),
                Some("deny") => Some("denies"),
                Some("demand") => Some("demands"),
                _ => None,
            };
            match (verb, words) {
                (Some(verb), Some(words)) if !others.is_empty() => {
                    format!("{who} {verb} {others}: \u{201c}{words}\u{201d}")
                }
                (_, Some(words)) => format!("{who} says \u{201c}{words}\u{201d}"),
                (Some(verb), None) if !others.is_empty() => format!("{who} {verb} {others}"),
                _ => format!("{who} makes a statement"),
            }
        }
        Kind::Strike => {
            let attacker = event.main_actor().map(|a| {
                lexicon
                    .gazetteer
                    .demonym_of(a)
                    .map_or_else(|| a.to_string(), str::to_string)
            });
            let weapon = mode
                .and_then(|m| lexicon.events.mode_label(Kind::Strike, m))
                .map(|label| format!("{label} "))
                .unwrap_or_default();
            let target = place
                .or_else(|| event.counterparts.first().map(String::as_str))
                .map(|t| format!(" on {t}"))
                .unwrap_or_default();
            let mut line = match (&attacker, planned) {
                (Some(a), false) => format!("{a} {weapon}strike{target}"),
                (Some(a), true) => format!("Planned {a} {weapon}strike{target}"),
                (None, false) => capitalise(&format!("{weapon}strike{target}")),
                (None, true) => format!("Planned {weapon}strike{target}"),
            };
            let tolls: Vec<String> = [(event.killed, "kills"), (event.injured, "injures")]
                .into_iter()
                .filter_map(|(n, verb)| n.map(|n| format!("{verb} {n}")))
                .collect();
            if !tolls.is_empty() {
                line.push(' ');
                line.push_str(&tolls.join(", "));
            }
            return line;
        }
        Kind::Agreement => {
            let parties = if others.is_empty() {
                who.to_string()
            } else {
                format!("{who} and {others}")
            };
            let single = others.is_empty() && event.actors.len() < 2;
            let (agree, sign) = match (planned, single) {
                (true, _) => ("to agree", "to sign"),
                (false, true) => ("agrees", "signs"),
                (false, false) => ("agree", "sign"),
            };
            match mode {
                Some("ceasefire") => format!("{parties} {agree} a ceasefire"),
                Some("signing") => format!("{parties} {sign} an agreement"),
                Some("aid") => format!("{parties} {agree} aid"),
                _ => format!("{parties} {agree}"),
            }
        }
    };
    if let (Some(place), false) = (place, event.kind == Kind::Statement) {
        line.push_str(" in ");
        line.push_str(place);
    }
    line
}

fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map_or_else(String::new, |c| c.to_uppercase().chain(chars).collect())
}

/// The first quotation in the sentence, shortened to a dozen words.
fn quoted(sentence: &str) -> Option<String> {
    let (open, close) = [('\u{201c}', '\u{201d}'), ('"', '"')]
        .into_iter()
        .find(|(o, _)| sentence.contains(*o))?;
    let start = sentence.find(open)? + open.len_utf8();
    let len = sentence[start..].find(close)?;
    let inner = sentence[start..start + len]
        .trim()
        .trim_end_matches([',', '.']);
    if inner.is_empty() {
        return None;
    }
    let words: Vec<&str> = inner.split_whitespace().collect();
    Some(if words.len() > 12 {
        format!("{} ...", words[..12].join(" "))
    } else {
        words.join(" ")
    })
}

/// Fold a new report into an earlier event of the same article when it is the same
/// event told again: same kind and initiator, place and date that do not disagree. A
/// report that names no actor ("the Moscow meeting") joins only an event at the same
/// named place.
fn merge_into(
    events: &mut Vec<ExtractedEvent>,
    new: ExtractedEvent,
    people: &std::collections::BTreeSet<String>,
    lexicon: &Lexicon,
) -> usize {
    // "a senior Russian official" at the same place as Dmitriev is Dmitriev.
    let stands_for = |person: Option<&str>, country: Option<&str>| match (person, country) {
        (Some(p), Some(c)) => lexicon.gazetteer.affiliation(p) == Some(c),
        _ => false,
    };
    let dates_agree = |a: &ExtractedEvent, b: &ExtractedEvent| {
        a.date == b.date || a.date.is_none() || b.date.is_none()
    };
    let same = events.iter().position(|old| {
        if old.kind != new.kind || !dates_agree(old, &new) {
            return false;
        }
        if old.actors.is_empty() || new.actors.is_empty() {
            return old.place.is_some() && old.place == new.place;
        }
        let same_actor = old.main_actor() == new.main_actor();
        let same_side = old.place.is_some()
            && old.place == new.place
            && (stands_for(old.main_actor(), new.main_actor())
                || stands_for(new.main_actor(), old.main_actor()));
        (same_actor || same_side)
            && (old.place == new.place || old.place.is_none() || new.place.is_none())
            && old.status == new.status
    });
    let Some(index) = same else {
        events.push(new);
        return events.len() - 1;
    };
    let old = &mut events[index];
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
        match old.evidence.iter_mut().find(|e| e.start == evidence.start) {
            Some(same_sentence) => {
                if same_sentence.time.is_none() {
                    same_sentence.time = evidence.time;
                }
            }
            None => old.evidence.push(evidence),
        }
    }
    index
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::DateSource;

    fn doc(text: &str, published: &str) -> Document {
        Document {
            name: "t.txt".into(),
            path: "t.txt".into(),
            text: text.to_string(),
            body_start: 0,
            published: NaiveDate::parse_from_str(published, "%Y-%m-%d").ok(),
            published_from: DateSource::Argument,
            outlet: None,
        }
    }

    #[test]
    fn appositive_subject_and_weekday() {
        let lexicon = Lexicon::builtin().unwrap();
        let d = doc("Kirill Dmitriev, a key envoy for Russian President Vladimir Putin, stated on Thursday that progress was made.", "2026-02-05");
        let events = extract_document(&d, &lexicon).events;
        assert_eq!(events.len(), 1, "{events:#?}");
        assert_eq!(events[0].actors[0], "Kirill Dmitriev");
        assert_eq!(
            events[0].date.map(|d| d.to_string()).as_deref(),
            Some("2026-02-05")
        );
    }

    #[test]
    fn negated_and_hypothetical_events_are_dropped() {
        let lexicon = Lexicon::builtin().unwrap();
        for text in [
            "Putin did not meet Witkoff in Moscow.",
            "Talks in Doha could resume if Hamas agrees.",
        ] {
            let events = extract_document(&doc(text, "2025-01-01"), &lexicon).events;
            assert!(
                events.iter().all(|e| e.kind != Kind::Meeting),
                "{text}: {events:#?}"
            );
        }
    }

    #[test]
    fn commentary_is_not_an_event() {
        let lexicon = Lexicon::builtin().unwrap();
        let events = extract_document(
            &doc("Analysts note that the talks are difficult.", "2025-01-01"),
            &lexicon,
        )
        .events;
        assert!(events.is_empty(), "{events:#?}");
    }

    /// The first event of `kind` the text yields; the test fails if there is none.
    fn first_of_kind(text: &str, published: &str, kind: Kind, lexicon: &Lexicon) -> ExtractedEvent {
        let events = extract_document(&doc(text, published), lexicon).events;
        let found = events.iter().find(|e| e.kind == kind).cloned();
        found.unwrap_or_else(|| panic!("{text}: no {kind} in {events:#?}"))
    }

    #[test]
    fn casualty_figures_go_to_their_strike() {
        let lexicon = Lexicon::builtin().unwrap();
        let cases = [
            ("Russian missiles struck Dnipro on Friday, killing at least seven people and wounding 40.", Some(7), Some(40)),
            ("Two people were killed and 12 injured when Russian drones hit Odesa.", Some(2), Some(12)),
            ("Israeli jets struck Rafah, where the death toll rose to 31.", Some(31), None),
            ("Russian forces shelled Kherson, injuring dozens.", None, None),
            ("Russian forces shelled Kherson in 2024.", None, None),
        ];
        for (text, killed, injured) in cases {
            let strike = first_of_kind(text, "2025-06-29", Kind::Strike, &lexicon);
            assert_eq!((strike.killed, strike.injured), (killed, injured), "{text}");
        }
    }

    #[test]
    fn later_mentions_resolve_to_the_person_introduced() {
        let lexicon = Lexicon::builtin().unwrap();
        let text =
            "US special envoy Tom Barrack met Lebanese President Joseph Aoun in Beirut on Monday. \
                    The envoy said on Tuesday that progress had been made. \
                    Barrack added that talks would continue.";
        let events = extract_document(&doc(text, "2025-07-09"), &lexicon).events;
        let statements: Vec<_> = events
            .iter()
            .filter(|e| e.kind == Kind::Statement)
            .collect();
        assert_eq!(
            statements.len(),
            1,
            "a continuation is the same statement: {events:#?}"
        );
        assert_eq!(statements[0].main_actor(), Some("Tom Barrack"));
        assert_eq!(statements[0].evidence.len(), 2);
        let meeting = events.iter().find(|e| e.kind == Kind::Meeting).unwrap();
        assert_eq!(meeting.counterparts, ["Joseph Aoun"]);
        assert_eq!(
            meeting.mode.as_deref(),
            Some("visit"),
            "a US envoy in Lebanon's capital"
        );
    }

    #[test]
    fn modes_and_cameo_codes_come_from_the_lexicon() {
        let lexicon = Lexicon::builtin().unwrap();
        let cases = [
            (
                "Macron spoke by phone with Zelensky on Monday.",
                Kind::Meeting,
                Some("phone"),
                "04",
            ),
            (
                "Hamas accused Israel on Monday of stalling.",
                Kind::Statement,
                Some("accuse"),
                "11",
            ),
            (
                "Israeli drones struck Rafah on Monday.",
                Kind::Strike,
                Some("drone"),
                "19",
            ),
            (
                "India and Pakistan agreed to a ceasefire on Monday.",
                Kind::Agreement,
                Some("ceasefire"),
                "08",
            ),
            (
                "Putin said on Monday that he was ready.",
                Kind::Statement,
                None,
                "01",
            ),
        ];
        for (text, kind, mode, cameo) in cases {
            let event = first_of_kind(text, "2025-05-13", kind, &lexicon);
            assert_eq!(
                (event.mode.as_deref(), event.cameo.as_str()),
                (mode, cameo),
                "{text}"
            );
        }
    }

    #[test]
    fn summaries_say_only_what_was_extracted() {
        let lexicon = Lexicon::builtin().unwrap();
        let cases = [
            (
                "On Sunday, Russian forces fired a ballistic missile at Kyiv, killing one person.",
                "Russian missile strike on Kyiv kills 1",
            ),
            (
                "Putin will meet Witkoff in Moscow on Tuesday.",
                "Vladimir Putin to meet Steve Witkoff in Moscow",
            ),
            (
                "Hamas accused Israel on Monday of stalling.",
                "Hamas accuses Israel",
            ),
        ];
        for (text, summary) in cases {
            let events = extract_document(&doc(text, "2025-04-07"), &lexicon).events;
            assert!(
                events.iter().any(|e| e.summary == summary),
                "{text}: {events:#?}"
            );
        }
    }

    #[test]
    fn one_event_reported_twice_in_an_article_is_one_event() {
        let lexicon = Lexicon::builtin().unwrap();
        let text = "Russian forces launched a missile attack on Kharkiv. On Sunday, Russian forces launched a missile strike on Kharkiv.";
        let events = extract_document(&doc(text, "2025-04-06"), &lexicon).events;
        assert_eq!(events.len(), 1, "{events:#?}");
        assert_eq!(events[0].evidence.len(), 2);
        assert_eq!(
            events[0].date.map(|d| d.to_string()).as_deref(),
            Some("2025-04-06")
        );
    }
}
