//! Walk the example corpora kept beside the lexicons: every example is a test.

use chrono::NaiveDate;
use dateline::document::Document;
use dateline::extract::{extract_document, ExtractedEvent};
use dateline::model::{DateSource, Kind, Status};
use dateline::temporal::{tag, tag_document, Direction};
use dateline::text::tokenize;
use dateline::timeml;
use dateline::Lexicon;
use serde::Deserialize;

#[derive(Deserialize)]
struct TemporalExample {
    text: String,
    published: NaiveDate,
    expect: Vec<(String, String)>,
}

#[derive(Deserialize)]
struct EventExample {
    text: String,
    published: NaiveDate,
    expect: Vec<ExpectedEvent>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ExpectedEvent {
    kind: Kind,
    actor: Option<String>,
    /// Each must be among the event's actors (after the main one, `actor`).
    with_actors: Option<Vec<String>>,
    /// Each must be among the event's counterparts.
    counterparts: Option<Vec<String>>,
    place: Option<String>,
    date: Option<String>,
    status: Option<Status>,
    mode: Option<String>,
    cameo: Option<String>,
    killed: Option<u32>,
    injured: Option<u32>,
    /// The headline-style summary, word for word.
    summary: Option<String>,
}

impl ExpectedEvent {
    fn matches(&self, e: &ExtractedEvent) -> bool {
        e.kind == self.kind
            && self.actor.as_ref().is_none_or(|a| match a.as_str() {
                // The event must name no actor at all.
                "nobody" => e.actors.is_empty(),
                a => e.main_actor() == Some(a),
            })
            && self
                .with_actors
                .as_ref()
                .is_none_or(|a| a.iter().all(|a| e.actors.contains(a)))
            && self
                .counterparts
                .as_ref()
                .is_none_or(|c| c.iter().all(|c| e.counterparts.contains(c)))
            && self
                .place
                .as_ref()
                .is_none_or(|p| e.place.as_ref() == Some(p))
            && self.date.as_ref().is_none_or(|d| match d.as_str() {
                // The event must have no date at all.
                "unknown" => e.date.is_none(),
                d => e.date.map(|v| v.to_string()).as_deref() == Some(d),
            })
            && self.status.is_none_or(|s| e.status == s)
            && self
                .mode
                .as_ref()
                .is_none_or(|m| e.mode.as_ref() == Some(m))
            && self.cameo.as_ref().is_none_or(|c| &e.cameo == c)
            && self.killed.is_none_or(|k| e.killed == Some(k))
            && self.injured.is_none_or(|k| e.injured == Some(k))
            && self.summary.as_ref().is_none_or(|s| &e.summary == s)
    }
}

/// The examples of one lexicon, `examples/<name>` beside it under `src/<stage>/lexicon/`.
fn load<T: for<'de> Deserialize<'de>>(stage: &str, name: &str) -> Vec<T> {
    let path = format!(
        "{}/src/{stage}/lexicon/examples/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    let text = std::fs::read_to_string(&path).unwrap();
    serde_yaml::from_str(&text).unwrap_or_else(|e| panic!("{path}: {e}"))
}

#[test]
fn temporal_examples() {
    let lexicon = Lexicon::builtin().unwrap();
    let examples: Vec<TemporalExample> = load("temporal", "temporal.yaml");
    assert!(examples.len() >= 25);
    let mut failures = Vec::new();
    for example in &examples {
        let tokens = tokenize(&example.text, 0);
        let found: Vec<(String, String)> = tag(&tokens, example.published, &lexicon.temporal)
            .into_iter()
            .map(|(m, value)| {
                (
                    example.text[m.start..m.end].to_string(),
                    value
                        .and_then(|r| r.when)
                        .map_or_else(|| "-".to_string(), |w| w.to_string()),
                )
            })
            .collect();
        if found != example.expect {
            failures.push(format!(
                "{}\n    expected {:?}\n    found    {:?}",
                example.text, example.expect, found
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} temporal examples fail:\n{}",
        failures.len(),
        examples.len(),
        failures.join("\n")
    );
}

/// Every rule family's own corpus (src/temporal/rules/*.yaml): each sentence, read as
/// published on its date, yields exactly the expressions listed, with TimeML type and
/// value; and every rule is exercised by at least one example of its family.
#[test]
fn temporal_rule_examples() {
    let lexicon = Lexicon::builtin().unwrap();
    let rules = &lexicon.temporal.rules;
    let mut failures = Vec::new();
    let mut fired = std::collections::BTreeSet::new();
    // Rules whose match TimeML tags apart, seen in an example that lists the TIMEX3.
    let mut shown_apart = std::collections::BTreeSet::new();
    let mut count = 0;
    for family in &rules.families {
        assert!(
            !family.examples.is_empty(),
            "family {} has no examples",
            family.family
        );
        for example in &family.examples {
            count += 1;
            let found = tag_document(
                &example.text,
                Some(example.published),
                &lexicon.temporal,
                example.anchor,
                Direction::Nearest,
            )
            .timexes;
            fired.extend(found.iter().map(|t| t.rule.clone()));
            let tagged: Vec<(String, String, String)> = timeml::tags(&found)
                .iter()
                .map(|t| (t.text.into(), t.kind.as_str().into(), t.value.into()))
                .collect();
            if let Some(expected) = &example.timeml {
                shown_apart.extend(found.iter().map(|t| t.rule.clone()));
                if tagged != *expected {
                    failures.push(format!(
                        "[{}] {}\n    expected in TimeML {:?}\n    found             {:?}",
                        family.family, example.text, expected, tagged
                    ));
                }
            } else if found.iter().any(|t| !t.parts.is_empty()) {
                failures.push(format!(
                    "[{}] {}\n    TimeML tags parts apart; list them under `timeml`: {:?}",
                    family.family, example.text, tagged
                ));
            }
            let found: Vec<(String, String, String)> = found
                .into_iter()
                .map(|t| (t.text, t.kind.as_str().to_string(), t.value))
                .collect();
            if found != example.expect {
                failures.push(format!(
                    "[{}] {}\n    expected {:?}\n    found    {:?}",
                    family.family, example.text, example.expect, found
                ));
            }
        }
    }
    let unexercised: Vec<String> = rules
        .rules
        .iter()
        .map(|r| format!("{}/{}", r.family, r.name))
        .filter(|name| !fired.contains(name))
        .collect();
    assert!(
        failures.is_empty(),
        "{} of {count} rule examples fail:\n{}",
        failures.len(),
        failures.join("\n")
    );
    let apart_unshown: Vec<String> = rules
        .rules
        .iter()
        .filter(|r| r.tagged.is_some())
        .map(|r| format!("{}/{}", r.family, r.name))
        .filter(|name| !shown_apart.contains(name))
        .collect();
    assert!(
        apart_unshown.is_empty(),
        "rules tagged apart in TimeML with no example listing their TIMEX3: {apart_unshown:?}"
    );
    assert!(
        unexercised.is_empty(),
        "rules no example exercises: {unexercised:?}"
    );
}

/// An example sentence as an article published on `published`.
fn example_document(text: &str, published: NaiveDate) -> Document {
    Document {
        name: "example.txt".into(),
        path: "example.txt".into(),
        text: text.to_string(),
        body_start: 0,
        published: Some(published),
        published_from: DateSource::Argument,
        outlet: None,
    }
}

fn describe(e: &ExtractedEvent) -> String {
    format!(
        "{} {:?} -> {:?} @{:?} {:?} {} mode={:?} cameo={} killed={:?} injured={:?} summary={:?}",
        e.kind,
        e.actors,
        e.counterparts,
        e.place,
        e.date.map(|d| d.to_string()),
        e.status,
        e.mode,
        e.cameo,
        e.killed,
        e.injured,
        e.summary
    )
}

/// Extract every example and match its events one to one; returns the failures and
/// (expected events found, expected, events extracted).
fn run_event_examples(examples: &[EventExample]) -> (Vec<String>, usize, usize, usize) {
    let lexicon = Lexicon::builtin().unwrap();
    let mut failures = Vec::new();
    let (mut found, mut expected_total, mut extracted) = (0, 0, 0);
    for example in examples {
        let doc = example_document(&example.text, example.published);
        let events = extract_document(&doc, &lexicon).events;
        extracted += events.len();
        expected_total += example.expect.len();
        let mut unmatched: Vec<_> = events.iter().collect();
        for expected in &example.expect {
            match unmatched.iter().position(|e| expected.matches(e)) {
                Some(i) => {
                    unmatched.remove(i);
                    found += 1;
                }
                None => failures.push(format!(
                    "{}\n    missing {expected:?}\n    found   {:#?}",
                    example.text,
                    events.iter().map(describe).collect::<Vec<_>>()
                )),
            }
        }
        for extra in unmatched {
            failures.push(format!(
                "{}\n    unexpected {}",
                example.text,
                describe(extra)
            ));
        }
    }
    (failures, found, expected_total, extracted)
}

#[test]
fn event_examples() {
    let examples: Vec<EventExample> = load("extract", "events.yaml");
    assert!(examples.len() >= 20);
    let (failures, ..) = run_event_examples(&examples);
    assert!(
        failures.is_empty(),
        "{} event example failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// The development set of issue 4: sentences across other conflicts, with every
/// field an analyst would check (counterparts, mode, CAMEO code, casualties).
#[test]
fn development_set() {
    let path = format!("{}/tests/devset/events.yaml", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).unwrap();
    let examples: Vec<EventExample> =
        serde_yaml::from_str(&text).unwrap_or_else(|e| panic!("{path}: {e}"));
    let sentences: usize = examples
        .iter()
        .map(|e| e.text.matches(['.', '!', '?']).count().max(1))
        .sum();
    assert!(
        sentences >= 60,
        "the development set has {sentences} sentences"
    );
    assert!(
        examples.iter().any(|e| e.expect.is_empty()),
        "no non-events"
    );
    let (failures, found, expected, extracted) = run_event_examples(&examples);
    println!(
        "development set: {} texts, {found}/{expected} expected events found, {extracted} extracted",
        examples.len()
    );
    assert!(
        failures.is_empty(),
        "{} development set failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct OrderExample {
    text: String,
    published: NaiveDate,
    expect: Vec<ExpectedRelation>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ExpectedRelation {
    /// `kind` or `kind/main actor`.
    later: String,
    link: dateline::model::LinkKind,
    earlier: String,
    days: (i64, Option<i64>),
}

/// Every ordering example yields exactly its relations, and together they exercise
/// every relation, a counted gap and an anaphor.
#[test]
fn order_cue_examples() {
    let lexicon = Lexicon::builtin().unwrap();
    let examples: Vec<OrderExample> = load("extract", "order.yaml");
    let mut failures = Vec::new();
    let mut links = std::collections::BTreeSet::new();
    for example in &examples {
        let doc = example_document(&example.text, example.published);
        let extraction = extract_document(&doc, &lexicon);
        let name = |i: usize| {
            let event = &extraction.events[i];
            (
                event.kind.to_string(),
                event.main_actor().unwrap_or("").to_string(),
            )
        };
        let matches = |pattern: &str, i: usize| {
            let (kind, actor) = name(i);
            match pattern.split_once('/') {
                Some((k, a)) => k == kind && a == actor,
                None => pattern == kind,
            }
        };
        let found: Vec<String> = extraction
            .relations
            .iter()
            .map(|r| {
                format!(
                    "{:?} {} {:?} {:?}",
                    name(r.later),
                    r.link,
                    name(r.earlier),
                    (r.min_days, r.max_days)
                )
            })
            .collect();
        let ok = extraction.relations.len() == example.expect.len()
            && example.expect.iter().all(|e| {
                extraction.relations.iter().any(|r| {
                    r.link == e.link
                        && matches(&e.later, r.later)
                        && matches(&e.earlier, r.earlier)
                        && (r.min_days, r.max_days) == e.days
                })
            });
        if !ok {
            failures.push(format!("{}\n    found {found:?}", example.text));
        }
        for e in &example.expect {
            links.insert(e.link);
        }
    }
    assert!(
        failures.is_empty(),
        "{} order example failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
    assert_eq!(
        links.len(),
        3,
        "examples cover follows, responds_to and part_of"
    );
}
