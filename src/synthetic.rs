//! Generated corpora for the graph benchmark and the property tests: articles already
//! extracted, with the density of real coverage (a handful of events per article,
//! most dated relative to the report, some undated, ordering cues between some,
//! the same event reported again by later articles, a few contradictions).
//! Deterministic for a seed.

use std::path::PathBuf;

use chrono::{Days, NaiveDate};

use crate::document::Document;
use crate::extract::{EventOrder, Evidence, ExtractedEvent, Extraction};
use crate::model::{DateSource, Kind, LinkKind, Status};
use crate::temporal::When;

pub use crate::random::Rng;

#[derive(Debug, Clone)]
pub struct Shape {
    pub events: usize,
    pub events_per_article: usize,
    /// Distinct initiators and places: fewer means more merge candidates.
    pub actors: usize,
    pub places: usize,
    /// Days the coverage spans.
    pub days: u64,
    /// Percent of events that re-report an event of an earlier article.
    pub rereported: u64,
    /// Ordering cues per 100 events.
    pub cues: u64,
    /// Percent of re-reports that give a wrong date (contradictions).
    pub wrong_dates: u64,
    /// Prefix of actor names: corpora with different prefixes share no event.
    pub actor_prefix: String,
    pub seed: u64,
}

impl Shape {
    pub fn news(events: usize, seed: u64) -> Shape {
        Shape {
            events,
            events_per_article: 8,
            actors: (events / 20).clamp(20, 5_000),
            places: (events / 40).clamp(10, 2_000),
            days: 1_100,
            rereported: 10,
            cues: 30,
            wrong_dates: 2,
            actor_prefix: "Actor".to_string(),
            seed,
        }
    }
}

/// What the generator knows: the true day of every event it made.
#[derive(Debug, Clone)]
struct Truth {
    kind: Kind,
    actor: String,
    counterpart: String,
    place: Option<String>,
    day: NaiveDate,
}

/// Articles (named `article-000001.txt`, ...) and their extractions.
pub fn corpus(shape: &Shape) -> (Vec<Document>, Vec<Extraction>) {
    let mut rng = Rng::new(shape.seed);
    let start = NaiveDate::from_ymd_opt(2023, 1, 1).unwrap_or_default();
    let articles = shape.events.div_ceil(shape.events_per_article.max(1));
    let mut documents = Vec::with_capacity(articles);
    let mut extractions = Vec::with_capacity(articles);
    let mut history: Vec<Truth> = Vec::new();
    let mut made = 0;
    for a in 0..articles {
        let published = start + Days::new(rng.below(shape.days));
        let count = shape.events_per_article.min(shape.events - made);
        made += count;
        let mut events = Vec::with_capacity(count);
        let mut days = Vec::with_capacity(count);
        for _ in 0..count {
            let recent: Vec<&Truth> = history
                .iter()
                .rev()
                .take(64)
                .filter(|t| t.day <= published)
                .collect();
            let truth = if !recent.is_empty() && rng.chance(shape.rereported) {
                let mut t = recent[rng.below(recent.len() as u64) as usize].clone();
                if rng.chance(shape.wrong_dates) {
                    t.day = t.day + Days::new(1 + rng.below(2));
                }
                t
            } else {
                let kind = Kind::ALL[rng.below(4) as usize];
                let back = rng.below(21);
                let day = published - Days::new(back);
                Truth {
                    kind,
                    actor: format!("{} {}", shape.actor_prefix, rng.below(shape.actors as u64)),
                    counterpart: format!(
                        "{} {}",
                        shape.actor_prefix,
                        rng.below(shape.actors as u64)
                    ),
                    place: (!rng.chance(25))
                        .then(|| format!("Place {}", rng.below(shape.places as u64))),
                    day,
                }
            };
            let planned = rng.chance(8);
            let day = if planned {
                published + Days::new(1 + rng.below(10))
            } else {
                truth.day.min(published)
            };
            let roll = rng.below(100);
            let date = if roll < 55 {
                Some(When::Day(day))
            } else if roll < 65 {
                Some(When::week_of(day))
            } else if roll < 72 {
                Some(When::month_of(day))
            } else {
                None
            };
            let quote = format!(
                "{} {} {} in {}.",
                truth.actor,
                truth.kind,
                truth.counterpart,
                truth.place.as_deref().unwrap_or("an undisclosed place")
            );
            let summary = format!("{} {} {}", truth.actor, truth.kind, truth.counterpart);
            events.push(ExtractedEvent {
                kind: truth.kind,
                status: if planned {
                    Status::Planned
                } else {
                    Status::Occurred
                },
                mode: None,
                cameo: String::new(),
                actors: vec![truth.actor.clone()],
                counterparts: vec![truth.counterpart.clone()],
                place: truth.place.clone(),
                sides: vec![truth.actor.clone(), truth.counterpart.clone()],
                initiator_side: Default::default(),
                place_country: None,
                killed: None,
                injured: None,
                date,
                story_day: None,
                summary,
                evidence: vec![Evidence {
                    start: events.len() * 100,
                    end: events.len() * 100 + quote.len(),
                    quote,
                    trigger: truth.kind.to_string(),
                    trigger_at: truth.actor.len() + 1,
                    time: None,
                }],
            });
            days.push(day);
            if !planned {
                history.push(Truth { day, ..truth });
            }
        }
        // Cues between events of the article, true to the days the generator chose.
        let mut relations = Vec::new();
        if count >= 2 {
            let cues = (count as u64 * shape.cues + rng.below(100)) / 100;
            for _ in 0..cues {
                let x = rng.below(count as u64) as usize;
                let y = rng.below(count as u64) as usize;
                if x == y || days[x] == days[y] {
                    continue;
                }
                let (earlier, later) = if days[x] < days[y] { (x, y) } else { (y, x) };
                let gap = (days[later] - days[earlier]).num_days();
                let (max_days, cue) = if gap <= 2 {
                    (Some(2), "shortly after")
                } else {
                    (None, "after")
                };
                relations.push(EventOrder {
                    earlier,
                    later,
                    link: if rng.chance(20) {
                        LinkKind::RespondsTo
                    } else {
                        LinkKind::Follows
                    },
                    min_days: 0,
                    max_days,
                    cue: cue.to_string(),
                    start: 0,
                    quote: String::new(),
                });
            }
        }
        documents.push(article(a, published));
        let extraction = Extraction {
            events,
            relations,
            ..Extraction::default()
        };
        extractions.push(extraction);
    }
    (documents, extractions)
}

/// The empty article number `a`, published on `published`.
fn article(a: usize, published: NaiveDate) -> Document {
    let name = format!("article-{a:06}.txt");
    Document {
        path: PathBuf::from(&name),
        name,
        text: String::new(),
        body_start: 0,
        published: Some(published),
        published_from: DateSource::Manifest,
        outlet: None,
    }
}
