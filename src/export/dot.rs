//! Graphviz DOT: time runs left to right, one rank per date on an axis, node shape and
//! colour by kind, `after` and the text's links as edges that do not move the axis
//! (`constraint=false`), events in a conflict outlined in red, optional clusters by
//! article or actor, and a legend. Rendered with `dot -Tsvg`.

use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write;

use chrono::{Datelike, NaiveDate};

use crate::model::{Event, Kind, LinkKind, Status, Timeline};

struct Style {
    shape: &'static str,
    fill: &'static str,
}

fn style(kind: Kind) -> Style {
    match kind {
        Kind::Meeting => Style {
            shape: "ellipse",
            fill: "#cfe2f3",
        },
        Kind::Statement => Style {
            shape: "note",
            fill: "#fff2cc",
        },
        Kind::Strike => Style {
            shape: "octagon",
            fill: "#f4cccc",
        },
        Kind::Agreement => Style {
            shape: "box",
            fill: "#d9ead3",
        },
        Kind::Action => Style {
            shape: "hexagon",
            fill: "#e6dcf0",
        },
    }
}

/// A DOT double-quoted string: backslashes and quotes escaped, line breaks as `\n`.
pub fn quote(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            _ => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Wrap at word boundaries, for node labels.
fn wrap(text: &str, width: usize) -> String {
    let mut lines: Vec<String> = Vec::new();
    for word in text.split_whitespace() {
        match lines.last_mut() {
            Some(line) if line.chars().count() + 1 + word.chars().count() <= width => {
                line.push(' ');
                line.push_str(word);
            }
            _ => lines.push(word.to_string()),
        }
    }
    lines.join("\n")
}

/// Where on the axis an event sits: its date, or the bound that places it.
fn axis_label(event: &Event) -> String {
    match event.date {
        Some(date) => date.to_string(),
        None => bounds_text(event.earliest, event.latest).unwrap_or_else(|| "undated".into()),
    }
}

/// What an event's bounds say ("A – B", "by B", "from A"); None when open.
fn bounds_text(earliest: Option<NaiveDate>, latest: Option<NaiveDate>) -> Option<String> {
    match (earliest, latest) {
        (Some(a), Some(b)) => Some(format!("{a} – {b}")),
        (None, Some(b)) => Some(format!("by {b}")),
        (Some(a), None) => Some(format!("from {a}")),
        (None, None) => None,
    }
}

/// Ranks on the axis beyond which it gets coarser: a few dozen columns stay
/// readable, and Graphviz's layout time grows with ranks × long edges.
const MAX_RANKS: usize = 80;

/// How coarse the time axis is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Grain {
    /// One rank per date as the events give it ("2025-04-06", "2025-W15", "by ...").
    Exact,
    Week,
    Month,
    Year,
}

/// The day that places an event on a coarse axis: its date, else a bound.
fn representative_day(event: &Event) -> Option<NaiveDate> {
    event
        .date
        .and_then(|d| d.start())
        .or(event.latest)
        .or(event.earliest)
}

fn bucket(event: &Event, grain: Grain) -> String {
    let Some(day) = representative_day(event) else {
        return "undated".to_string();
    };
    match grain {
        Grain::Exact => axis_label(event),
        Grain::Week => {
            let week = day.iso_week();
            format!("{}-W{:02}", week.year(), week.week())
        }
        Grain::Month => day.format("%Y-%m").to_string(),
        Grain::Year => day.format("%Y").to_string(),
    }
}

/// The axis: its rank labels in time order and each event's rank. Exact while it
/// has at most `MAX_RANKS` ranks (in timeline order, which is time order: an
/// undated event sits between the dates its bounds allow), else the finest of week,
/// month or year that fits (chronological, undated last).
fn axis(events: &[Event]) -> (Vec<String>, Vec<usize>, Grain) {
    let mut best = (Vec::new(), Vec::new(), Grain::Exact);
    for grain in [Grain::Exact, Grain::Week, Grain::Month, Grain::Year] {
        let labels: Vec<String> = events.iter().map(|e| bucket(e, grain)).collect();
        let mut ranks: Vec<String> = Vec::new();
        let mut seen: BTreeSet<&str> = BTreeSet::new();
        for label in &labels {
            if seen.insert(label.as_str()) {
                ranks.push(label.clone());
            }
        }
        if grain != Grain::Exact {
            ranks.sort_by_key(|label| (label == "undated", label.clone()));
        }
        let index: BTreeMap<&str, usize> = ranks
            .iter()
            .enumerate()
            .map(|(i, label)| (label.as_str(), i))
            .collect();
        let of_event: Vec<usize> = labels.iter().map(|l| index[l.as_str()]).collect();
        let fits = ranks.len() <= MAX_RANKS;
        best = (ranks, of_event, grain);
        if fits {
            break;
        }
    }
    best
}

/// The timeline as its reviewers have it, which an edited file that was not rebuilt
/// yet does not show: overrides applied, rejected events left out (unless shown),
/// and each event whose reviewer dated it placed by that date. (A rebuild does all
/// this and more: it moves what the text binds to a reviewed date too.)
fn as_reviewed(timeline: &Timeline, show_rejected: bool) -> Cow<'_, Timeline> {
    // Most timelines (every fresh build) have no review: nothing to copy.
    if timeline.events.iter().all(|e| e.review.is_none()) {
        return Cow::Borrowed(timeline);
    }
    let mut events: Vec<Event> = Vec::with_capacity(timeline.events.len());
    let mut redated: Vec<Event> = Vec::new();
    for event in &timeline.events {
        if event.is_rejected() && !show_rejected {
            continue;
        }
        let dated_by_review = event
            .review
            .as_ref()
            .is_some_and(|r| r.date.is_some_and(|d| d != event.date));
        if dated_by_review {
            redated.push(event.reviewed());
        } else {
            events.push(event.reviewed());
        }
    }
    for event in redated {
        crate::model::insert_in_time(&mut events, event);
    }
    // The picture draws no orphans.
    Cow::Owned(Timeline {
        title: timeline.title.clone(),
        documents: timeline.documents.clone(),
        events,
        conflicts: timeline.conflicts.clone(),
        orphaned: Vec::new(),
    })
}

/// How to group events into boxes, besides the time axis.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ClusterBy {
    #[default]
    Nothing,
    /// One box per article (an event reported by several goes with the first).
    Article,
    /// One box per main actor.
    Actor,
}

#[derive(Debug, Clone, Copy, Default)]
pub struct DotOptions {
    pub cluster_by: ClusterBy,
    /// Draw rejected events, struck out, instead of leaving them out.
    pub show_rejected: bool,
}

fn link_style(kind: LinkKind) -> &'static str {
    match kind {
        LinkKind::Follows => "color=\"#3d85c6\", penwidth=1.2",
        LinkKind::RespondsTo => "color=\"#cc0000\", penwidth=1.4",
        LinkKind::PartOf => "color=\"#6aa84f\", style=dotted, penwidth=1.4, arrowhead=diamond",
    }
}

/// The timeline as a Graphviz digraph: a time axis left to right, one rank per date,
/// events in their rank, links between them, and a legend.
pub fn to_dot(timeline: &Timeline, options: &DotOptions) -> String {
    let reviewed = as_reviewed(timeline, options.show_rejected);
    let timeline = reviewed.as_ref();
    let mut out = String::new();
    write_header(&mut out, timeline);
    let (ranks, rank_of, _) = axis(&timeline.events);
    write_axis(&mut out, &ranks);
    write_events(&mut out, timeline, options);
    write_ranks(&mut out, &timeline.events, &rank_of, ranks.len());
    write_edges(&mut out, timeline);
    write_legend(&mut out);
    let _ = writeln!(out, "}}");
    out
}

fn write_header(out: &mut String, timeline: &Timeline) {
    let _ = writeln!(out, "digraph timeline {{");
    let _ = writeln!(
        out,
        "  graph [rankdir=LR, fontname=\"Helvetica\", fontsize=16, labelloc=t, label={}, nodesep=0.25, ranksep=0.5, newrank=true, outputorder=edgesfirst{}];",
        quote(&timeline.title),
        // Curved routing of hundreds of cross-rank edges is slow in Graphviz (and
        // can crash it); straight lines read as well at that size.
        if timeline.events.len() > 150 { ", splines=line" } else { "" }
    );
    let _ = writeln!(
        out,
        "  node [fontname=\"Helvetica\", fontsize=10, style=filled, penwidth=1];"
    );
    let _ = writeln!(out, "  edge [fontname=\"Helvetica\", fontsize=9];");
}

fn write_axis(out: &mut String, ranks: &[String]) {
    let _ = writeln!(out, "\n  // time axis");
    let _ = writeln!(out, "  node [shape=plaintext, style=\"\", fontsize=12];");
    for (i, label) in ranks.iter().enumerate() {
        let _ = writeln!(out, "  axis{i} [label={}];", quote(label));
    }
    if ranks.len() > 1 {
        let chain: Vec<String> = (0..ranks.len()).map(|i| format!("axis{i}")).collect();
        let _ = writeln!(
            out,
            "  {} [penwidth=2, arrowhead=normal, weight=100];",
            chain.join(" -> ")
        );
    }
}

fn write_events(out: &mut String, timeline: &Timeline, options: &DotOptions) {
    // A conflict computed before a reviewer settled the event's date, status or kind,
    // or checked it, no longer concerns it.
    let settled: BTreeSet<&str> = timeline
        .events
        .iter()
        .filter(|e| {
            e.review
                .as_ref()
                .is_some_and(|r| r.settles_placement() || r.verified == Some(true) || r.rejected)
        })
        .map(|e| e.id.as_str())
        .collect();
    let in_conflict: BTreeSet<&str> = timeline
        .conflicts
        .iter()
        .flat_map(|c| c.events.iter().map(String::as_str))
        .filter(|id| !settled.contains(id))
        .collect();
    let _ = writeln!(out, "\n  // events");
    let clusters = clusters_of(timeline, options.cluster_by);
    for (c, (name, events)) in clusters.iter().enumerate() {
        let indent = if name.is_some() { "    " } else { "  " };
        if let Some(name) = name {
            let _ = writeln!(out, "  subgraph cluster_{c} {{");
            let _ = writeln!(
                out,
                "    label={}; fontsize=12; style=\"rounded,filled\"; fillcolor=\"#f7f7f7\"; color=gray70;",
                quote(name)
            );
        }
        for event in events {
            out.push_str(indent);
            out.push_str(&node_line(event, in_conflict.contains(event.id.as_str())));
        }
        if name.is_some() {
            let _ = writeln!(out, "  }}");
        }
    }
}

/// Each event on the rank of its date, beside that date's axis label.
fn write_ranks(out: &mut String, events: &[Event], rank_of: &[usize], ranks: usize) {
    let mut members: Vec<Vec<&Event>> = vec![Vec::new(); ranks];
    for (event, &rank) in events.iter().zip(rank_of) {
        members[rank].push(event);
    }
    let _ = writeln!(out, "\n  // one rank per date");
    for (i, events) in members.iter().enumerate() {
        let ids: Vec<String> = events.iter().map(|e| quote(&e.id)).collect();
        let _ = writeln!(out, "  {{ rank=same; axis{i}; {}; }}", ids.join("; "));
    }
}

fn write_edges(out: &mut String, timeline: &Timeline) {
    let known: BTreeSet<&str> = timeline.events.iter().map(|e| e.id.as_str()).collect();
    let _ = writeln!(
        out,
        "\n  // what the text says, then known order (none moves the axis)"
    );
    // One edge per pair of events: Graphviz 2.43 aborts on parallel edges between
    // clusters (class2.c merge_chain), and one says enough.
    let mut drawn: BTreeSet<(String, String)> = BTreeSet::new();
    let mut first_draw = |a: &str, b: &str| -> bool {
        let pair = if a <= b { (a, b) } else { (b, a) };
        known.contains(a)
            && known.contains(b)
            && a != b
            && drawn.insert((pair.0.to_string(), pair.1.to_string()))
    };
    for event in &timeline.events {
        for link in &event.links {
            if first_draw(&link.event, &event.id) {
                let _ = writeln!(
                    out,
                    "  {} -> {} [{}, constraint=false, tooltip={}];",
                    quote(&link.event),
                    quote(&event.id),
                    link_style(link.kind),
                    quote(&format!("{} ({:?}, {})", link.kind, link.cue, link.doc))
                );
            }
        }
    }
    for event in &timeline.events {
        for before in &event.after {
            if first_draw(before, &event.id) {
                let _ = writeln!(
                    out,
                    "  {} -> {} [style=dashed, color=gray55, constraint=false];",
                    quote(before),
                    quote(&event.id)
                );
            }
        }
    }
}

fn write_legend(out: &mut String) {
    let _ = writeln!(out, "\n  subgraph cluster_legend {{");
    let _ = writeln!(
        out,
        "    label=\"Legend\"; fontsize=11; style=rounded; color=gray60;"
    );
    for kind in Kind::ALL {
        let s = style(kind);
        let _ = writeln!(
            out,
            "    legend_{kind} [shape={}, style=filled, fillcolor={}, label={}, fontsize=9];",
            s.shape,
            quote(s.fill),
            quote(kind.as_str())
        );
    }
    let _ = writeln!(out, "    legend_planned [shape=box, style=\"filled,dashed\", fillcolor=white, label=\"planned\", fontsize=9];");
    let _ = writeln!(out, "    legend_conflict [shape=box, style=filled, fillcolor=white, color=\"#cc0000\", penwidth=3, label=\"in a conflict\", fontsize=9];");
    let _ = writeln!(out, "    legend_verified [shape=box, style=filled, fillcolor=white, color=\"#38761d\", penwidth=2.5, label=\"✓ verified\", fontsize=9];");
    let _ = writeln!(out, "    legend_a [shape=point, width=0.05, label=\"\"]; legend_b [shape=point, width=0.05, label=\"\"];");
    let _ = writeln!(out, "    legend_c [shape=point, width=0.05, label=\"\"]; legend_d [shape=point, width=0.05, label=\"\"];");
    let _ = writeln!(out, "    legend_e [shape=point, width=0.05, label=\"\"]; legend_f [shape=point, width=0.05, label=\"\"];");
    let _ = writeln!(out, "    legend_g [shape=point, width=0.05, label=\"\"]; legend_h [shape=point, width=0.05, label=\"\"];");
    let _ = writeln!(
        out,
        "    legend_a -> legend_b [style=dashed, color=gray55, label=\"after (dates)\"];"
    );
    for (kind, (from, to)) in [
        (LinkKind::Follows, ("c", "d")),
        (LinkKind::RespondsTo, ("e", "f")),
        (LinkKind::PartOf, ("g", "h")),
    ] {
        let _ = writeln!(
            out,
            "    legend_{from} -> legend_{to} [{}, label={}];",
            link_style(kind),
            quote(kind.as_str())
        );
    }
    let _ = writeln!(out, "  }}");
}

/// Events grouped for `--cluster-by`, clusters in order of their first event; one
/// unnamed group when not clustering.
fn clusters_of(timeline: &Timeline, by: ClusterBy) -> Vec<(Option<String>, Vec<&Event>)> {
    let name = |event: &Event| -> Option<String> {
        match by {
            ClusterBy::Nothing => None,
            ClusterBy::Article => Some(
                event
                    .sources
                    .first()
                    .map_or_else(|| "no source".to_string(), |s| s.doc.clone()),
            ),
            ClusterBy::Actor => Some(
                event
                    .actors
                    .first()
                    .cloned()
                    .unwrap_or_else(|| "unidentified".to_string()),
            ),
        }
    };
    let mut groups: Vec<(Option<String>, Vec<&Event>)> = Vec::new();
    for event in &timeline.events {
        let key = name(event);
        match groups.iter_mut().find(|(k, _)| *k == key) {
            Some((_, list)) => list.push(event),
            None => groups.push((key, vec![event])),
        }
    }
    groups
}

fn node_line(event: &Event, in_conflict: bool) -> String {
    let s = style(event.kind);
    let dashed = if event.status == Status::Planned || event.is_rejected() {
        ",dashed"
    } else {
        ""
    };
    let mut lines: Vec<String> = Vec::new();
    if event.is_verified() {
        lines.push("✓ verified".to_string());
    }
    if event.is_rejected() {
        lines.push("✗ rejected".to_string());
    }
    if let Some(date) = event.date {
        lines.push(if event.date_inferred {
            format!("{date} (inferred)")
        } else {
            date.to_string()
        });
    }
    let mut body = wrap(&event.summary, 30);
    if let Some(place) = &event.place {
        body.push_str(&format!("\n@ {place}"));
    }
    if event.date.is_none() || event.date_inferred {
        match (event.earliest, event.latest) {
            (Some(a), Some(b)) if a == b => body.push_str(&format!("\n(by the text: {a})")),
            (earliest, latest) => match bounds_text(earliest, latest) {
                Some(text) => body.push_str(&format!("\n({text})")),
                None if event.date_inferred => body.push_str("\n(date from the text's order)"),
                None => {}
            },
        }
    }
    if event.status == Status::Planned {
        body.push_str("\n(planned)");
    }
    let border = if in_conflict {
        ", color=\"#cc0000\", penwidth=3"
    } else if event.is_verified() {
        ", color=\"#38761d\", penwidth=2.5"
    } else {
        ""
    };
    let label = if event.is_rejected() {
        // Struck out: an HTML-like label is the only way Graphviz strikes text.
        let mut html = String::from("<");
        for line in lines.iter().map(String::as_str).chain(body.split('\n')) {
            html.push_str(&format!("<S>{}</S><BR/>", html_escape(line)));
        }
        html.push('>');
        html
    } else {
        lines.push(body);
        quote(&lines.join("\n"))
    };
    let (fill, font) = if event.is_rejected() {
        ("#eeeeee", ", fontcolor=gray45")
    } else {
        (s.fill, "")
    };
    format!(
        "{} [shape={}, fillcolor={}, style=\"filled{dashed}\"{border}{font}, label={label}, tooltip={}];\n",
        quote(&event.id),
        s.shape,
        quote(fill),
        quote(&tooltip(event))
    )
}

/// What a reader hovering over an event wants: what it is, the words that say so,
/// and where they come from; the reviewer's note, if any.
fn tooltip(event: &Event) -> String {
    let mut text = format!("{} · {}", event.id, event.summary);
    if let Some(source) = event.sources.first() {
        let quote: String = source.quote.chars().take(300).collect();
        let more = if quote.len() < source.quote.len() {
            "…"
        } else {
            ""
        };
        text.push_str(&format!("\n“{quote}{more}”"));
    }
    let mut docs: Vec<&str> = event.sources.iter().map(|s| s.doc.as_str()).collect();
    docs.dedup();
    if !docs.is_empty() {
        text.push_str(&format!("\nsources: {}", docs.join(", ")));
    }
    if let Some(review) = &event.review {
        if let Some(note) = &review.note {
            text.push_str(&format!("\nreview: {note}"));
        }
        if let Some(reason) = &review.reason {
            text.push_str(&format!("\nrejected: {reason}"));
        }
    }
    text
}

/// Text inside an HTML-like label.
fn html_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_inside_quotes_are_escaped() {
        assert_eq!(
            quote(r#"He said "it's \"fine\"""#),
            r#""He said \"it's \\\"fine\\\"\"""#
        );
        assert_eq!(quote("two\nlines"), "\"two\\nlines\"");
    }

    #[test]
    fn wraps_at_words() {
        assert_eq!(
            wrap("Kirill Dmitriev says progress is being made", 20),
            "Kirill Dmitriev says\nprogress is being\nmade"
        );
    }
}
