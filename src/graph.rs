//! The timeline graph: events from every article become nodes, reports of one event in
//! several articles are merged, `after` edges come from what the dates and bounds
//! establish, and a topological order (ties by best estimate, then id) gives the
//! timeline order.

use std::cmp::Reverse;
use std::collections::{BTreeMap, BinaryHeap};

use chrono::NaiveDate;
use petgraph::graph::{DiGraph, NodeIndex};
use petgraph::Direction as EdgeDirection;

use crate::document::Document;
use crate::extract::ExtractedEvent;
use crate::model::{DocumentEntry, Event, Kind, Source, Status, Timeline};
use crate::temporal::When;

/// An event while the graph is being built.
#[derive(Debug, Clone)]
struct Node {
    kind: Kind,
    status: Status,
    actors: Vec<String>,
    place: Option<String>,
    date: Option<When>,
    /// Day bounds from the date and the publication date; None = open.
    earliest: Option<NaiveDate>,
    latest: Option<NaiveDate>,
    summary: String,
    /// (doc, byte offset) for deterministic source order, with the source itself.
    sources: Vec<(String, usize, Source)>,
}

impl Node {
    fn from_extracted(doc: &Document, event: ExtractedEvent) -> Node {
        let (mut earliest, mut latest) = match event.date.and_then(|d| d.bounds()) {
            Some((a, b)) => (Some(a), Some(b)),
            None => (None, None),
        };
        // An occurred event is not after its report; a planned one not before it.
        if let Some(published) = doc.published {
            match event.status {
                Status::Occurred
                    if latest.is_none_or(|l| l > published)
                        && earliest.is_none_or(|e| e <= published) =>
                {
                    latest = Some(published)
                }
                Status::Planned
                    if earliest.is_none_or(|e| e < published)
                        && latest.is_none_or(|l| l >= published) =>
                {
                    earliest = Some(published)
                }
                _ => {}
            }
        }
        let sources = event
            .evidence
            .into_iter()
            .map(|e| {
                let source = Source {
                    doc: doc.name.clone(),
                    quote: e.quote,
                    time_expression: e.time.map(|t| t.expression),
                };
                (doc.name.clone(), e.start, source)
            })
            .collect();
        Node {
            kind: event.kind,
            status: event.status,
            actors: event.actors,
            place: event.place,
            date: event.date,
            earliest,
            latest,
            summary: event.summary,
            sources,
        }
    }

    fn main_actor(&self) -> Option<&str> {
        self.actors.first().map(String::as_str)
    }

    fn first_doc(&self) -> &str {
        self.sources.first().map_or("", |s| s.0.as_str())
    }

    /// The day this event is best placed at, and a phase that orders events on one
    /// day: undated past events just before the dated ones of their bound, undated
    /// planned ones just after.
    fn estimate(&self) -> (NaiveDate, u8) {
        match (
            self.date.and_then(|d| d.start()),
            self.earliest,
            self.latest,
        ) {
            (Some(start), _, _) => (start, 1),
            (None, _, Some(latest)) if self.status == Status::Occurred => (latest, 0),
            (None, Some(earliest), _) => (earliest, 2),
            (None, None, Some(latest)) => (latest, 0),
            (None, None, None) => (NaiveDate::MAX, 3),
        }
    }
}

/// Build the timeline from each document's extracted events.
pub fn build_timeline(
    title: String,
    documents: &[Document],
    extracted: Vec<Vec<ExtractedEvent>>,
) -> Timeline {
    let mut nodes: Vec<Node> = Vec::new();
    for (doc, events) in documents.iter().zip(extracted) {
        for event in events {
            let node = Node::from_extracted(doc, event);
            match nodes
                .iter_mut()
                .find(|old| same_event_across_articles(old, &node))
            {
                Some(old) => merge(old, node),
                None => nodes.push(node),
            }
        }
    }
    for node in &mut nodes {
        node.sources.sort_by(|a, b| (&a.0, a.1).cmp(&(&b.0, b.1)));
    }
    let ids = assign_ids(&nodes);
    let (order, after) = order_and_links(&nodes, &ids);
    let events = order
        .into_iter()
        .map(|i| {
            let node = &nodes[i];
            let coarse = !node.date.is_some_and(|d| d.is_day());
            Event {
                id: ids[i].clone(),
                kind: node.kind,
                date: node.date,
                earliest: node.earliest.filter(|_| coarse),
                latest: node.latest.filter(|_| coarse),
                status: node.status,
                actors: node.actors.clone(),
                place: node.place.clone(),
                summary: node.summary.clone(),
                sources: node.sources.iter().map(|s| s.2.clone()).collect(),
                after: after[i].clone(),
                extra: BTreeMap::new(),
            }
        })
        .collect();
    Timeline {
        title,
        documents: documents
            .iter()
            .map(|d| DocumentEntry {
                doc: d.name.clone(),
                published: d.published,
                published_from: d.published_from,
                outlet: d.outlet.clone(),
            })
            .collect(),
        events,
    }
}

/// Two articles report one event when it is a meeting, strike or agreement with the
/// same initiator at the same named place, in bounds that overlap. Statements are
/// left apart: one speaker says many things.
fn same_event_across_articles(a: &Node, b: &Node) -> bool {
    a.kind == b.kind
        && a.kind != Kind::Statement
        && a.first_doc() != b.first_doc()
        && a.main_actor().is_some()
        && a.main_actor() == b.main_actor()
        && a.place.is_some()
        && a.place == b.place
        && a.status == b.status
        && (a.date == b.date || a.date.is_none() || b.date.is_none())
        && overlaps(a, b)
}

fn overlaps(a: &Node, b: &Node) -> bool {
    let lo = a.earliest.max(b.earliest);
    let hi = match (a.latest, b.latest) {
        (Some(x), Some(y)) => Some(x.min(y)),
        (x, y) => x.or(y),
    };
    match (lo, hi) {
        (Some(lo), Some(hi)) => lo <= hi,
        _ => true,
    }
}

fn merge(into: &mut Node, other: Node) {
    for actor in other.actors {
        if !into.actors.contains(&actor) {
            into.actors.push(actor);
        }
    }
    if into.date.is_none() {
        into.date = other.date;
        into.summary = other.summary;
    }
    into.earliest = into.earliest.max(other.earliest);
    into.latest = match (into.latest, other.latest) {
        (Some(x), Some(y)) => Some(x.min(y)),
        (x, y) => x.or(y),
    };
    into.sources.extend(other.sources);
}

/// Ids say what the event is: date (or "undated"), kind, main actor, place. Undated
/// events are only identifiable within their article, so they carry a short hash of
/// it; ids that still collide get a hash of their first quote.
fn assign_ids(nodes: &[Node]) -> Vec<String> {
    let base: Vec<String> = nodes
        .iter()
        .map(|n| {
            let date = n.date.map_or_else(
                || "undated".to_string(),
                |d| slug(&d.to_string().replace('/', "--")),
            );
            let actor = n
                .main_actor()
                .map_or_else(|| "unknown".to_string(), actor_slug);
            let mut id = format!("{date}-{}-{actor}", n.kind);
            if let Some(place) = &n.place {
                let place = slug(place);
                if !actor.ends_with(&place) {
                    id.push('-');
                    id.push_str(&place);
                }
            }
            if n.date.is_none() {
                id.push('-');
                id.push_str(&short_hash(n.first_doc()));
            }
            id
        })
        .collect();
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for id in &base {
        *counts.entry(id.as_str()).or_default() += 1;
    }
    base.iter()
        .zip(nodes)
        .map(|(id, node)| {
            if counts[id.as_str()] > 1 {
                let first = node
                    .sources
                    .first()
                    .map(|s| format!("{}\n{}", s.0, s.2.quote))
                    .unwrap_or_default();
                format!("{id}-{}", short_hash(&first))
            } else {
                id.clone()
            }
        })
        .collect()
}

/// A person by surname ("dmitriev"), anything else in full ("european-union").
fn actor_slug(actor: &str) -> String {
    let words: Vec<&str> = actor.split_whitespace().collect();
    let looks_like_person = words.len() >= 2
        && words
            .iter()
            .all(|w| w.chars().next().is_some_and(char::is_uppercase));
    let known_multiword = [
        "United",
        "European",
        "Saudi",
        "South",
        "North",
        "New",
        "White",
        "Democratic",
        "Czech",
        "Burkina",
        "Islamic",
        "Rapid",
        "Israel",
        "Red",
        "State",
        "International",
        "African",
        "Downing",
    ];
    if looks_like_person && !known_multiword.contains(&words[0]) {
        slug(words[words.len() - 1])
    } else {
        slug(actor)
    }
}

pub fn slug(text: &str) -> String {
    let mut out = String::new();
    for c in text.chars() {
        if c.is_alphanumeric() {
            out.extend(c.to_lowercase());
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    while out.ends_with('-') {
        out.pop();
    }
    out
}

/// FNV-1a: stable across Rust versions and platforms, unlike std's hasher.
fn short_hash(text: &str) -> String {
    let mut hash: u32 = 0x811c_9dc5;
    for byte in text.bytes() {
        hash ^= u32::from(byte);
        hash = hash.wrapping_mul(0x0100_0193);
    }
    format!("{:06x}", hash & 0x00ff_ffff)
}

/// Edges A → B where A's bounds end before B's begin; the order is a topological
/// sort that takes the earliest-estimated ready event first (ties by id). Returns the
/// order and, per node, the ids it immediately follows.
fn order_and_links(nodes: &[Node], ids: &[String]) -> (Vec<usize>, Vec<Vec<String>>) {
    let mut graph: DiGraph<usize, ()> = DiGraph::with_capacity(nodes.len(), nodes.len());
    let index: Vec<NodeIndex> = (0..nodes.len()).map(|i| graph.add_node(i)).collect();
    let bounds: Vec<(Option<NaiveDate>, Option<NaiveDate>)> =
        nodes.iter().map(|n| (n.earliest, n.latest)).collect();
    let mut after = vec![Vec::new(); nodes.len()];
    for (b, (lo_b, _)) in bounds.iter().enumerate() {
        let Some(lo_b) = lo_b else { continue };
        // Everything known to end before B starts...
        let before: Vec<usize> = (0..nodes.len())
            .filter(|&a| bounds[a].1.is_some_and(|hi_a| hi_a < *lo_b))
            .collect();
        // ...of which B immediately follows those not followed by another of them.
        let latest_start = before.iter().filter_map(|&a| bounds[a].0).max();
        for &a in &before {
            graph.add_edge(index[a], index[b], ());
            let hi_a = bounds[a].1.unwrap_or(NaiveDate::MIN);
            if latest_start.is_none_or(|s| hi_a >= s) {
                after[b].push(ids[a].clone());
            }
        }
        after[b].sort();
    }
    let mut indegree: Vec<usize> = index
        .iter()
        .map(|&n| graph.neighbors_directed(n, EdgeDirection::Incoming).count())
        .collect();
    let key = |i: usize| (nodes[i].estimate(), nodes[i].latest, ids[i].clone(), i);
    let mut ready: BinaryHeap<Reverse<_>> = (0..nodes.len())
        .filter(|&i| indegree[i] == 0)
        .map(|i| Reverse(key(i)))
        .collect();
    let mut order = Vec::with_capacity(nodes.len());
    while let Some(Reverse((_, _, _, i))) = ready.pop() {
        order.push(i);
        for next in graph.neighbors_directed(index[i], EdgeDirection::Outgoing) {
            let j = graph[next];
            indegree[j] -= 1;
            if indegree[j] == 0 {
                ready.push(Reverse(key(j)));
            }
        }
    }
    (order, after)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_and_actor_slugs() {
        assert_eq!(slug("Kryvyi Rih"), "kryvyi-rih");
        assert_eq!(slug("2025-11-29--2025-11-30"), "2025-11-29-2025-11-30");
        assert_eq!(actor_slug("Kirill Dmitriev"), "dmitriev");
        assert_eq!(actor_slug("European Union"), "european-union");
        assert_eq!(actor_slug("Russia"), "russia");
    }

    #[test]
    fn short_hash_is_stable() {
        assert_eq!(short_hash(""), "1c9dc5");
        assert_eq!(short_hash("a"), short_hash("a"));
        assert_ne!(short_hash("a"), short_hash("b"));
    }
}
