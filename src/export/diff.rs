//! A semantic diff of two timelines: what a reviewer wants from `git diff` of a
//! timeline. One line per event that changed (added, removed, renamed, moved in time,
//! fields and review changed), in timeline order, then what changed about the
//! articles and the conflicts. Events are compared as their reviewers have them.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write;

use crate::model::{most_resembling, Event, Timeline};

/// The lines saying how `new` differs from `old`; none when they say the same.
pub fn diff(old: &Timeline, new: &Timeline) -> Vec<String> {
    let old_events: Vec<Event> = old.events.iter().map(Event::reviewed).collect();
    let new_events: Vec<Event> = new.events.iter().map(Event::reviewed).collect();
    let matched = pair_up(&old_events, &new_events);
    let mut lines: Vec<(Position, String)> = Vec::new();
    // Where in the new order an old event sat: after the new place of the last old
    // event before it that is still there.
    let mut new_of_old: Vec<Option<usize>> = vec![None; old_events.len()];
    let mut old_of_new: Vec<Option<usize>> = vec![None; new_events.len()];
    for &(o, n) in &matched {
        new_of_old[o] = Some(n);
        old_of_new[n] = Some(o);
    }
    for (n, event) in new_events.iter().enumerate() {
        let position = Position { new: n, removed: 0 };
        match old_of_new[n] {
            None => lines.push((
                position,
                format!("+ {}  added: {}", head(event), what(event)),
            )),
            Some(o) => {
                let changes = changes(&old_events[o], event);
                if !changes.is_empty() {
                    lines.push((
                        position,
                        format!("~ {}  {}", head(event), changes.join("; ")),
                    ));
                }
            }
        }
    }
    let mut anchor = 0;
    for (o, event) in old_events.iter().enumerate() {
        match new_of_old[o] {
            Some(n) => anchor = n + 1,
            None => lines.push((
                Position {
                    new: anchor,
                    removed: o + 1,
                },
                format!("- {}  removed: {}", head(event), what(event)),
            )),
        }
    }
    lines.sort_by_key(|(position, _)| (position.new, position.removed == 0, position.removed));
    let mut out: Vec<String> = Vec::new();
    if old.title != new.title && !old.title.is_empty() && !new.title.is_empty() {
        out.push(format!("title: {:?} -> {:?}", old.title, new.title));
    }
    out.extend(documents(old, new));
    out.extend(lines.into_iter().map(|(_, line)| line));
    if old.conflicts != new.conflicts {
        out.push(format!(
            "conflicts: {} -> {}",
            old.conflicts.len(),
            new.conflicts.len()
        ));
    }
    let old_orphans: BTreeSet<&str> = old.orphaned.iter().map(|e| e.id.as_str()).collect();
    for event in &new.orphaned {
        if !old_orphans.contains(event.id.as_str()) {
            out.push(format!(
                "! {}  orphaned: its review no longer has an event",
                event.id
            ));
        }
    }
    let new_orphans: BTreeSet<&str> = new.orphaned.iter().map(|e| e.id.as_str()).collect();
    for event in &old.orphaned {
        if !new_orphans.contains(event.id.as_str()) {
            out.push(format!("! {}  no longer orphaned", event.id));
        }
    }
    out
}

/// Where a line goes: before new event `new`, removed ones (numbered from 1 in the
/// old order) before the event that took their place.
#[derive(Debug, Clone, Copy)]
struct Position {
    new: usize,
    removed: usize,
}

/// Events are the same event when they have the same id, or when an id vanished and
/// a new one of the same kind reports it in the same words (a renaming). Returns
/// (old index, new index) pairs.
fn pair_up(old: &[Event], new: &[Event]) -> Vec<(usize, usize)> {
    let new_index: BTreeMap<&str, usize> = new
        .iter()
        .enumerate()
        .map(|(i, e)| (e.id.as_str(), i))
        .collect();
    let mut taken = vec![false; new.len()];
    let mut matched = Vec::new();
    let mut unmatched = Vec::new();
    for (o, event) in old.iter().enumerate() {
        match new_index.get(event.id.as_str()) {
            Some(&n) if !taken[n] => {
                taken[n] = true;
                matched.push((o, n));
            }
            _ => unmatched.push(o),
        }
    }
    let old_ids: BTreeSet<&str> = old.iter().map(|e| e.id.as_str()).collect();
    for o in unmatched {
        let available = new
            .iter()
            .enumerate()
            .filter(|(n, e)| {
                !taken[*n] && !old_ids.contains(e.id.as_str()) && e.kind == old[o].kind
            })
            .map(|(n, e)| (n, e.sources.as_slice()));
        if let Some(n) = most_resembling(&old[o].sources, available) {
            taken[n] = true;
            matched.push((o, n));
        }
    }
    matched
}

/// Date and id, the start of every line.
fn head(event: &Event) -> String {
    let date = match (event.date, event.earliest, event.latest) {
        (Some(date), _, _) => date.to_string(),
        (None, Some(a), Some(b)) => format!("{a}..{b}"),
        (None, None, Some(b)) => format!("..{b}"),
        (None, Some(a), None) => format!("{a}.."),
        (None, None, None) => "undated".to_string(),
    };
    format!("{date:<10}  {}", event.id)
}

fn what(event: &Event) -> String {
    let mut text = format!("{} {:?}", event.kind, event.summary);
    if event.status != crate::model::Status::Occurred {
        let _ = write!(text, " ({})", event.status);
    }
    let docs: BTreeSet<&str> = event.sources.iter().map(|s| s.doc.as_str()).collect();
    if !docs.is_empty() {
        let _ = write!(
            text,
            ", {} source{}",
            docs.len(),
            if docs.len() == 1 { "" } else { "s" }
        );
    }
    text
}

fn show<T: std::fmt::Display>(value: Option<T>) -> String {
    value.map_or_else(|| "null".to_string(), |v| v.to_string())
}

fn list(items: &[String]) -> String {
    format!("[{}]", items.join(", "))
}

/// What changed about one event, each as a few words.
fn changes(old: &Event, new: &Event) -> Vec<String> {
    let mut out = Vec::new();
    if old.id != new.id {
        out.push(format!("renamed from {}", old.id));
    }
    if old.date != new.date {
        out.push(format!("moved {} -> {}", show(old.date), show(new.date)));
    } else if (old.earliest, old.latest) != (new.earliest, new.latest) {
        out.push(format!(
            "bounds {}..{} -> {}..{}",
            show(old.earliest),
            show(old.latest),
            show(new.earliest),
            show(new.latest)
        ));
    }
    let mut field = |name: &str, a: String, b: String| {
        if a != b {
            out.push(format!("{name} {a} -> {b}"));
        }
    };
    field("kind", old.kind.to_string(), new.kind.to_string());
    field("status", old.status.to_string(), new.status.to_string());
    field("actors", list(&old.actors), list(&new.actors));
    field(
        "counterparts",
        list(&old.counterparts),
        list(&new.counterparts),
    );
    field("place", show(old.place.as_ref()), show(new.place.as_ref()));
    field("killed", show(old.killed), show(new.killed));
    field("injured", show(old.injured), show(new.injured));
    field(
        "summary",
        format!("{:?}", old.summary),
        format!("{:?}", new.summary),
    );
    let old_sources: BTreeSet<(&str, &str)> = old
        .sources
        .iter()
        .map(|s| (s.doc.as_str(), s.quote.as_str()))
        .collect();
    let new_sources: BTreeSet<(&str, &str)> = new
        .sources
        .iter()
        .map(|s| (s.doc.as_str(), s.quote.as_str()))
        .collect();
    let gained = new_sources.difference(&old_sources).count();
    let lost = old_sources.difference(&new_sources).count();
    if gained + lost > 0 {
        out.push(format!("sources +{gained} -{lost}"));
    }
    if old.review != new.review {
        out.push(review_change(old, new));
    }
    out
}

fn review_change(old: &Event, new: &Event) -> String {
    let fields = |event: &Event| -> BTreeMap<String, String> {
        let Some(review) = &event.review else {
            return BTreeMap::new();
        };
        let Ok(serde_yaml::Value::Mapping(map)) = serde_yaml::to_value(review) else {
            return BTreeMap::new();
        };
        map.into_iter()
            .filter_map(|(k, v)| {
                let key = k.as_str()?.to_string();
                Some((key, flow(&v)))
            })
            .collect()
    };
    let (a, b) = (fields(old), fields(new));
    let keys: BTreeSet<&String> = a.keys().chain(b.keys()).collect();
    let parts: Vec<String> = keys
        .into_iter()
        .filter(|k| a.get(*k) != b.get(*k))
        .map(|k| match (a.get(k), b.get(k)) {
            (None, Some(v)) => format!("{k}: {v}"),
            (Some(_), None) => format!("{k} removed"),
            (Some(x), Some(y)) => format!("{k}: {x} -> {y}"),
            (None, None) => String::new(),
        })
        .collect();
    format!("review {}", parts.join(", "))
}

/// A review value on one line: lists in brackets, text as it is.
fn flow(value: &serde_yaml::Value) -> String {
    use serde_yaml::Value;
    match value {
        Value::Null => "null".into(),
        Value::Bool(b) => b.to_string(),
        Value::Number(n) => n.to_string(),
        Value::String(s) if s.contains(|c: char| c.is_whitespace() || ",;[]\"".contains(c)) => {
            format!("{s:?}")
        }
        Value::String(s) => s.clone(),
        Value::Sequence(items) => format!(
            "[{}]",
            items.iter().map(flow).collect::<Vec<_>>().join(", ")
        ),
        Value::Mapping(_) | Value::Tagged(_) => serde_yaml::to_string(value)
            .map(|s| s.trim_end().replace('\n', " "))
            .unwrap_or_default(),
    }
}

fn documents(old: &Timeline, new: &Timeline) -> Vec<String> {
    let old_docs: BTreeMap<&str, _> = old.documents.iter().map(|d| (d.doc.as_str(), d)).collect();
    let new_docs: BTreeMap<&str, _> = new.documents.iter().map(|d| (d.doc.as_str(), d)).collect();
    let mut out = Vec::new();
    for (name, doc) in &new_docs {
        match old_docs.get(name) {
            None => out.push(format!("+ article {name} ({})", show(doc.published))),
            Some(before) if before.published != doc.published => out.push(format!(
                "~ article {name}: published {} -> {}",
                show(before.published),
                show(doc.published)
            )),
            Some(_) => {}
        }
    }
    for name in old_docs.keys() {
        if !new_docs.contains_key(name) {
            out.push(format!("- article {name}"));
        }
    }
    out
}
