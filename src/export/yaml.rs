//! Timeline YAML, format v1 (see README and `schema/timeline.schema.json`).

use std::collections::BTreeSet;
use std::path::Path;

use crate::error::{Error, Result, Warning};
use crate::io::read_yaml_text;
use crate::model::{Event, Origin, Review, Timeline};

/// The first line of every timeline.
const HEADER: &str = "# dateline timeline, format v1. Built by `dateline build`; a reviewer's edits go under `review:` (README: \"Reviewing a timeline\").";
/// The second: the digest of what the builder wrote (see [`builder_digest`]).
const DIGEST_PREFIX: &str = "# built content: ";

pub fn to_yaml(timeline: &Timeline) -> String {
    let body = serde_yaml::to_string(timeline)
        .unwrap_or_else(|e| format!("# cannot serialise timeline: {e}\n"));
    format!(
        "{HEADER}\n{DIGEST_PREFIX}{:016x}\n{body}",
        builder_digest(&body)
    )
}

/// A digest of the builder's part of a timeline as written: everything but the
/// `review:` blocks, the events a reviewer added and `orphaned:`. Written in the
/// file, it tells a rebuild whether someone edited the builder's fields directly
/// (instead of under `review:`), so that such edits can be kept rather than
/// silently rebuilt away. It reads the canonical serialisation: events at the top
/// level of `events:`, their fields indented by two, a review's by four.
fn builder_digest(body: &str) -> u64 {
    let mut digest = crate::hash::Fnv64::default();
    let mut event: Vec<&str> = Vec::new();
    let mut in_review = false;
    let flush = |event: &mut Vec<&str>, digest: &mut crate::hash::Fnv64| {
        if !event.contains(&"  source: reviewer") {
            for line in event.iter() {
                digest.write_line(line);
            }
        }
        event.clear();
    };
    let mut in_event = false;
    for line in body.lines() {
        if line == "orphaned:" {
            break;
        }
        if !line.starts_with(' ') {
            flush(&mut event, &mut digest);
            in_event = line.starts_with("- id: ");
            in_review = false;
            if in_event {
                event.push(line);
            } else {
                digest.write_line(line);
            }
            continue;
        }
        if !in_event {
            digest.write_line(line);
            continue;
        }
        if line == "  review:" {
            in_review = true;
            continue;
        }
        if in_review && line.starts_with("    ") {
            continue;
        }
        in_review = false;
        event.push(line);
    }
    flush(&mut event, &mut digest);
    digest.finish()
}

/// Whether the builder's part of a timeline file was edited since it was built:
/// the digest it carries no longer matches its content. (A file without a digest,
/// written before there was one, is taken as unedited.)
fn edited_since_built(text: &str, timeline: &Timeline) -> bool {
    let recorded = text
        .lines()
        .take_while(|line| line.starts_with('#'))
        .find_map(|line| line.strip_prefix(DIGEST_PREFIX))
        .and_then(|hex| u64::from_str_radix(hex.trim(), 16).ok());
    let Some(recorded) = recorded else {
        return false;
    };
    let body = serde_yaml::to_string(timeline).unwrap_or_default();
    builder_digest(&body) != recorded
}

/// A timeline file about to be rebuilt: its content, and whether the builder's
/// fields were edited by hand since it was built.
#[derive(Debug)]
pub struct Previous {
    pub timeline: Timeline,
    pub edited_since_built: bool,
}

/// [`read_timeline`] for a rebuild.
pub fn read_previous(path: &Path) -> Result<(Previous, Vec<Warning>)> {
    let (text, timeline, warnings) = read(path)?;
    let edited_since_built = edited_since_built(&text, &timeline);
    Ok((
        Previous {
            timeline,
            edited_since_built,
        },
        warnings,
    ))
}

/// Read a timeline YAML, which a reviewer may have edited: review keys written beside
/// an event's fields instead of under `review:` are moved there (with a warning);
/// anything else that is not part of the format is an error, so that no edit is
/// silently dropped by a rebuild.
pub fn read_timeline(path: &Path) -> Result<(Timeline, Vec<Warning>)> {
    read(path).map(|(_, timeline, warnings)| (timeline, warnings))
}

fn read(path: &Path) -> Result<(String, Timeline, Vec<Warning>)> {
    let text = read_yaml_text(path)?;
    // Before any parse that keeps what it reads: an alias bomb is refused here.
    crate::io::yaml_within_budget(path, &text)?;
    let mut timeline: Timeline = match serde_yaml::from_str(&text) {
        Ok(timeline) => timeline,
        // An article or another YAML file given by mistake: say what it is not,
        // rather than quote it back in a parser error.
        Err(_) if !has_events_list(&text) => {
            return Err(Error::invalid(
                path,
                "is not a dateline timeline (no `events:` list)",
            ))
        }
        Err(e) => return Err(Error::yaml(path, &e, 0)),
    };
    let mut warnings = Vec::new();
    let mut ids: BTreeSet<String> = BTreeSet::new();
    for event in timeline.events.iter_mut().chain(&mut timeline.orphaned) {
        take_stray_review_keys(path, event, &mut warnings)?;
        check_review(path, event)?;
        if !ids.insert(event.id.clone()) {
            return Err(Error::invalid(
                path,
                format!(
                    "two events have the id `{}` (a merge of two branches that both added it?); give one another id",
                    event.id
                ),
            ));
        }
    }
    Ok((text, timeline, warnings))
}

fn has_events_list(text: &str) -> bool {
    serde_yaml::from_str::<serde_yaml::Value>(text).is_ok_and(|value| {
        value
            .get("events")
            .is_some_and(serde_yaml::Value::is_sequence)
    })
}

fn take_stray_review_keys(
    path: &Path,
    event: &mut Event,
    warnings: &mut Vec<Warning>,
) -> Result<()> {
    if event.extra.is_empty() {
        return Ok(());
    }
    let id = event.id.clone();
    let mut review = match &event.review {
        Some(review) => serde_yaml::to_value(review).map_err(|e| Error::Internal(e.to_string()))?,
        None => serde_yaml::Value::Mapping(serde_yaml::Mapping::new()),
    };
    for (key, value) in std::mem::take(&mut event.extra) {
        if !Review::KEYS.contains(&key.as_str()) {
            return Err(Error::invalid(
                path,
                format!(
                    "event `{id}`: `{key}` is not a field of a dateline timeline; a reviewer's fields go under `review:` (see schema/timeline.schema.json)"
                ),
            ));
        }
        let Some(map) = review.as_mapping_mut() else {
            return Err(Error::invalid(
                path,
                format!("event `{id}`: `review` is not a mapping"),
            ));
        };
        let key_value = serde_yaml::Value::String(key.clone());
        match map.get(&key_value) {
            Some(existing) if *existing != value => {
                return Err(Error::invalid(
                    path,
                    format!("event `{id}`: `{key}` is given both beside the event and under `review:`, differently; keep one"),
                ))
            }
            _ => {}
        }
        map.insert(key_value, value);
        warnings.push(Warning {
            path: path.to_path_buf(),
            message: format!("event `{id}`: `{key}` belongs under `review:`; read it from there"),
        });
    }
    let review: Review = serde_yaml::from_value(review)
        .map_err(|e| Error::invalid(path, format!("event `{id}`: review: {e}")))?;
    event.review = Some(review);
    Ok(())
}

/// What a review must say besides its verdict.
fn check_review(path: &Path, event: &Event) -> Result<()> {
    let id = &event.id;
    let review = event.review.as_ref();
    if event.source == Some(Origin::Reviewer) && review.and_then(|r| r.note.as_ref()).is_none() {
        return Err(Error::invalid(
            path,
            format!("event `{id}` was added by a reviewer (`source: reviewer`) but has no `review.note` saying why"),
        ));
    }
    if review.is_some_and(|r| r.rejected && r.reason.is_none()) {
        return Err(Error::invalid(
            path,
            format!("event `{id}` is rejected without a `review.reason` saying why"),
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn timeline_file(events: &str) -> tempfile::NamedTempFile {
        let file = tempfile::NamedTempFile::new().unwrap();
        let text = format!("title: t\ndocuments: []\nevents:\n{events}");
        std::fs::write(file.path(), text).unwrap();
        file
    }

    const EVENT: &str = "- id: e1\n  kind: strike\n  date: null\n  status: occurred\n  actors: []\n  place: null\n  summary: s\n  sources: []\n";

    #[test]
    fn review_keys_beside_the_event_move_under_review() {
        let file = timeline_file(&format!("{EVENT}  verified: true\n  note: checked\n"));
        let (timeline, warnings) = read_timeline(file.path()).unwrap();
        let review = timeline.events[0].review.clone().unwrap();
        assert_eq!(review.verified, Some(true));
        assert_eq!(review.note.as_deref(), Some("checked"));
        assert!(timeline.events[0].extra.is_empty());
        assert_eq!(warnings.len(), 2);
    }

    #[test]
    fn unknown_fields_are_refused_not_dropped() {
        let file = timeline_file(&format!("{EVENT}  colour: red\n"));
        let message = read_timeline(file.path()).unwrap_err().to_string();
        assert!(
            message.contains("event `e1`: `colour` is not a field"),
            "{message}"
        );
        let file = timeline_file(&format!("{EVENT}  review:\n    verfied: true\n"));
        let message = read_timeline(file.path()).unwrap_err().to_string();
        assert!(message.contains("verfied"), "{message}");
    }

    #[test]
    fn a_rejection_and_a_reviewer_s_event_say_why() {
        let file = timeline_file(&format!("{EVENT}  review:\n    rejected: true\n"));
        let message = read_timeline(file.path()).unwrap_err().to_string();
        assert!(message.contains("without a `review.reason`"), "{message}");
        let file = timeline_file(&format!("{EVENT}  source: reviewer\n"));
        let message = read_timeline(file.path()).unwrap_err().to_string();
        assert!(message.contains("no `review.note`"), "{message}");
    }

    #[test]
    fn one_id_twice_is_refused() {
        let file = timeline_file(&format!("{EVENT}{EVENT}"));
        let message = read_timeline(file.path()).unwrap_err().to_string();
        assert!(message.contains("two events have the id `e1`"), "{message}");
    }
}
