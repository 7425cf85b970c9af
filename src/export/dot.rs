//! Graphviz DOT: time runs left to right, one rank per date on an axis, node shape and
//! colour by kind, `after` links as dashed edges that do not distort the axis, and a
//! legend. Rendered with `dot -Tsvg`.

use std::collections::BTreeMap;
use std::fmt::Write;

use crate::model::{Event, Kind, Status, Timeline};

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
    match (event.date, event.earliest, event.latest) {
        (Some(date), _, _) => date.to_string(),
        (None, Some(a), Some(b)) => format!("{a} – {b}"),
        (None, None, Some(b)) => format!("by {b}"),
        (None, Some(a), None) => format!("from {a}"),
        (None, None, None) => "undated".to_string(),
    }
}

pub fn to_dot(timeline: &Timeline) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "digraph timeline {{");
    let _ = writeln!(
        out,
        "  graph [rankdir=LR, fontname=\"Helvetica\", fontsize=16, labelloc=t, label={}, nodesep=0.25, ranksep=0.5, newrank=true];",
        quote(&timeline.title)
    );
    let _ = writeln!(
        out,
        "  node [fontname=\"Helvetica\", fontsize=10, style=filled, penwidth=1];"
    );
    let _ = writeln!(out, "  edge [fontname=\"Helvetica\", fontsize=9];");

    // The axis: one rank per distinct date label, in timeline order.
    let mut ranks: Vec<String> = Vec::new();
    let mut members: BTreeMap<String, Vec<&Event>> = BTreeMap::new();
    for event in &timeline.events {
        let label = axis_label(event);
        if !ranks.contains(&label) {
            ranks.push(label.clone());
        }
        members.entry(label).or_default().push(event);
    }
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

    let _ = writeln!(out, "\n  // events, one rank per date");
    for (i, label) in ranks.iter().enumerate() {
        let events = &members[label];
        let ids: Vec<String> = events.iter().map(|e| quote(&e.id)).collect();
        let _ = writeln!(out, "  {{ rank=same; axis{i}; {}; }}", ids.join("; "));
        for event in events {
            let s = style(event.kind);
            let dashed = if event.status == Status::Planned {
                ",dashed"
            } else {
                ""
            };
            let mut label = wrap(&event.summary, 30);
            if let Some(place) = &event.place {
                label.push_str(&format!("\n@ {place}"));
            }
            if event.status == Status::Planned {
                label.push_str("\n(planned)");
            }
            let sources: Vec<&str> = event.sources.iter().map(|s| s.doc.as_str()).collect();
            let _ = writeln!(
                out,
                "  {} [shape={}, fillcolor={}, style=\"filled{dashed}\", label={}, tooltip={}];",
                quote(&event.id),
                s.shape,
                quote(s.fill),
                quote(&label),
                quote(&format!("{} | {}", event.id, sources.join(", ")))
            );
        }
    }

    let _ = writeln!(out, "\n  // known order (does not move the axis)");
    for event in &timeline.events {
        for before in &event.after {
            if timeline.events.iter().any(|e| &e.id == before) {
                let _ = writeln!(
                    out,
                    "  {} -> {} [style=dashed, color=gray55, constraint=false];",
                    quote(before),
                    quote(&event.id)
                );
            }
        }
    }

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
    let _ = writeln!(
        out,
        "    legend_after [shape=plaintext, style=\"\", label=\"- - -> follows\", fontsize=9];"
    );
    let _ = writeln!(out, "  }}");
    let _ = writeln!(out, "}}");
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
