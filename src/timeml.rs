//! TimeML, the annotation format of TimeBank and the TempEval tasks: write a text with
//! its temporal expressions tagged as `<TIMEX3>`, and read an annotated document back
//! (its creation time, its plain text, and the expressions with their offsets), so
//! the tagger can be scored against TimeBank and its own output checked to round-trip.

use std::fmt::Write as _;

use chrono::NaiveDate;

use crate::temporal::{Timex, TimexType};

/// One `<TIMEX3>` of an annotated document, with byte offsets into its plain text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AnnotatedTimex {
    pub start: usize,
    pub end: usize,
    pub kind: String,
    pub value: String,
}

/// A TimeML document with the tags taken out of its text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AnnotatedDocument {
    /// The creation time (`<DCT>`), as a day.
    pub creation: Option<NaiveDate>,
    /// The content of `<TEXT>` with every tag removed and entities decoded.
    pub text: String,
    pub timexes: Vec<AnnotatedTimex>,
}

/// What is wrong with a TimeML document, with the 1-based line it was found on.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("line {line}: {reason}")]
pub struct TimemlError {
    pub line: usize,
    pub reason: String,
}

/// Read a TimeML document: the `<DCT>` value and the tagged `<TEXT>`.
pub fn read(source: &str) -> Result<AnnotatedDocument, TimemlError> {
    let line_at = |offset: usize| source[..offset].matches('\n').count() + 1;
    let creation = source.find("<DCT>").and_then(|at| {
        let dct = &source[at..];
        let close = dct.find("</DCT>")?;
        let value = attribute(&dct[..close], "value")?;
        NaiveDate::parse_from_str(value.get(..10)?, "%Y-%m-%d").ok()
    });
    let text_open = source.find("<TEXT>").ok_or_else(|| TimemlError {
        line: line_at(source.len()),
        reason: "no <TEXT> element".into(),
    })?;
    let body_start = text_open + "<TEXT>".len();
    let body_end = source[body_start..]
        .find("</TEXT>")
        .map(|at| body_start + at)
        .ok_or_else(|| TimemlError {
            line: line_at(text_open),
            reason: "<TEXT> is never closed".into(),
        })?;
    let body = &source[body_start..body_end];

    let mut text = String::with_capacity(body.len());
    let mut timexes = Vec::new();
    let mut open: Option<(usize, String, String, usize)> = None;
    let mut rest = body;
    let mut consumed = body_start;
    while let Some(at) = rest.find(['<', '&']) {
        text.push_str(&rest[..at]);
        let here = consumed + at;
        let tail = &rest[at..];
        let error = |reason: String| TimemlError {
            line: line_at(here),
            reason,
        };
        let used = if tail.starts_with('&') {
            let semi = tail
                .find(';')
                .filter(|&s| s <= 6)
                .ok_or_else(|| error("a bare `&` (write &amp;)".into()))?;
            text.push(match &tail[..=semi] {
                "&amp;" => '&',
                "&lt;" => '<',
                "&gt;" => '>',
                "&quot;" => '"',
                "&apos;" => '\'',
                other => return Err(error(format!("unknown entity {other}"))),
            });
            semi + 1
        } else {
            let close = tail
                .find('>')
                .ok_or_else(|| error("a tag is never closed".into()))?;
            let tag = &tail[1..close];
            if let Some(attributes) = tag.strip_prefix("TIMEX3") {
                if open.is_some() {
                    return Err(error("a <TIMEX3> inside another".into()));
                }
                let kind = attribute(attributes, "type")
                    .unwrap_or_default()
                    .to_string();
                let value = attribute(attributes, "value")
                    .unwrap_or_default()
                    .to_string();
                open = Some((text.len(), kind, value, here));
            } else if tag == "/TIMEX3" {
                let (start, kind, value, _) = open
                    .take()
                    .ok_or_else(|| error("</TIMEX3> without <TIMEX3>".into()))?;
                timexes.push(AnnotatedTimex {
                    start,
                    end: text.len(),
                    kind,
                    value,
                });
            }
            close + 1
        };
        rest = &tail[used..];
        consumed = here + used;
    }
    text.push_str(rest);
    if let Some((_, _, _, at)) = open {
        return Err(TimemlError {
            line: line_at(at),
            reason: "<TIMEX3> is never closed".into(),
        });
    }
    Ok(AnnotatedDocument {
        creation,
        text,
        timexes,
    })
}

/// The value of `name="..."` inside a tag's attribute text.
fn attribute<'a>(attributes: &'a str, name: &str) -> Option<&'a str> {
    let mut search = attributes;
    loop {
        let at = search.find(name)?;
        let boundary = at == 0 || search.as_bytes()[at - 1].is_ascii_whitespace();
        let after = &search[at + name.len()..];
        if boundary {
            if let Some(quoted) = after.trim_start().strip_prefix('=') {
                let quoted = quoted.trim_start();
                let quote = quoted.chars().next()?;
                if quote == '"' || quote == '\'' {
                    let inner = &quoted[1..];
                    return inner.find(quote).map(|end| &inner[..end]);
                }
            }
        }
        search = after;
    }
}

fn escape_into(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            _ => out.push(c),
        }
    }
}

fn escape_attribute(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    escape_into(&mut out, text);
    out.replace('"', "&quot;")
}

/// One TIMEX3 as TimeML tags it: a [`Timex`], or one of the parts TimeML tags apart
/// in its place ("from Monday to Wednesday" is two).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Tag<'a> {
    pub start: usize,
    pub end: usize,
    pub text: &'a str,
    pub kind: TimexType,
    pub value: &'a str,
    pub modifier: Option<&'static str>,
    /// The rule that found the expression it belongs to.
    pub rule: &'a str,
}

/// The TIMEX3 that TimeML tags for `timexes`, in text order.
pub fn tags(timexes: &[Timex]) -> Vec<Tag<'_>> {
    let mut tags = Vec::with_capacity(timexes.len());
    for timex in timexes {
        if timex.parts.is_empty() {
            tags.push(Tag {
                start: timex.start,
                end: timex.end,
                text: &timex.text,
                kind: timex.kind,
                value: &timex.value,
                modifier: timex.modifier,
                rule: &timex.rule,
            });
        }
        tags.extend(timex.parts.iter().map(|part| Tag {
            start: part.start,
            end: part.end,
            text: &part.text,
            kind: part.kind,
            value: &part.value,
            modifier: None,
            rule: &timex.rule,
        }));
    }
    tags
}

/// Write `text` as a TimeML document with `timexes` (sorted, non-overlapping byte spans
/// into `text`) tagged. Taking the tags out of `<TEXT>` and decoding the entities gives
/// `text` back byte for byte.
pub fn write(doc_id: &str, creation: Option<NaiveDate>, text: &str, timexes: &[Timex]) -> String {
    let mut out = String::with_capacity(text.len() * 2);
    out.push_str("<?xml version=\"1.0\" ?>\n<TimeML>\n<DOCID>");
    escape_into(&mut out, doc_id);
    out.push_str("</DOCID>\n");
    // A text with no known date (a history read as a narrative) has no DCT.
    if let Some(creation) = creation {
        let day = creation.format("%Y-%m-%d");
        let _ = writeln!(
            out,
            "<DCT><TIMEX3 tid=\"t0\" type=\"DATE\" value=\"{day}\" \
             temporalFunction=\"false\" functionInDocument=\"CREATION_TIME\">{day}</TIMEX3></DCT>"
        );
    }
    out.push_str("<TEXT>");
    let mut at = 0;
    for (index, timex) in tags(timexes).iter().enumerate() {
        if timex.start < at || timex.end > text.len() {
            // Overlapping or out-of-range spans cannot be tagged without losing text.
            continue;
        }
        escape_into(&mut out, &text[at..timex.start]);
        let kind = match timex.kind {
            TimexType::Date => "DATE",
            TimexType::Time => "TIME",
            TimexType::Duration => "DURATION",
            TimexType::Set => "SET",
        };
        let _ = write!(
            out,
            "<TIMEX3 tid=\"t{}\" type=\"{kind}\" value=\"{}\"",
            index + 1,
            escape_attribute(timex.value)
        );
        if let Some(modifier) = timex.modifier {
            let _ = write!(out, " mod=\"{modifier}\"");
        }
        out.push('>');
        escape_into(&mut out, &text[timex.start..timex.end]);
        out.push_str("</TIMEX3>");
        at = timex.end;
    }
    escape_into(&mut out, &text[at..]);
    out.push_str("</TEXT>\n</TimeML>\n");
    out
}

/// Counts for scoring a tagger against annotated documents the way TempEval-3 does:
/// a gold expression is found when a system expression overlaps it (relaxed) or has
/// exactly its extent (strict); type and value are compared on the relaxed matches.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Scores {
    pub gold: usize,
    pub system: usize,
    pub strict: usize,
    pub relaxed: usize,
    pub type_correct: usize,
    pub value_correct: usize,
}

fn f1(correct: usize, system: usize, gold: usize) -> f64 {
    if system == 0 || gold == 0 || correct == 0 {
        return 0.0;
    }
    let precision = correct as f64 / system as f64;
    let recall = correct as f64 / gold as f64;
    2.0 * precision * recall / (precision + recall)
}

impl Scores {
    /// Score one document: `system` against `gold`, both as byte spans of one text.
    pub fn of_document(text: &str, gold: &[AnnotatedTimex], system: &[Timex]) -> Scores {
        let system = tags(system);
        let trimmed = |start: usize, end: usize| {
            let span = &text[start..end];
            let lead = span.len() - span.trim_start().len();
            let trail = span.len() - span.trim_end().len();
            (start + lead, end - trail)
        };
        let mut taken = vec![false; system.len()];
        let mut scores = Scores {
            gold: gold.len(),
            system: system.len(),
            ..Scores::default()
        };
        for g in gold {
            let (gs, ge) = trimmed(g.start, g.end);
            let found = system
                .iter()
                .enumerate()
                .filter(|(k, s)| !taken[*k] && s.start < ge && gs < s.end)
                // Prefer the exact extent, then the earliest overlap.
                .min_by_key(|(_, s)| (trimmed(s.start, s.end) != (gs, ge), s.start));
            let Some((k, s)) = found else { continue };
            taken[k] = true;
            scores.relaxed += 1;
            scores.strict += usize::from(trimmed(s.start, s.end) == (gs, ge));
            scores.type_correct += usize::from(s.kind.as_str() == g.kind);
            scores.value_correct += usize::from(s.value == g.value);
        }
        scores
    }

    pub fn add(&mut self, other: Scores) {
        self.gold += other.gold;
        self.system += other.system;
        self.strict += other.strict;
        self.relaxed += other.relaxed;
        self.type_correct += other.type_correct;
        self.value_correct += other.value_correct;
    }

    pub fn strict_f1(&self) -> f64 {
        f1(self.strict, self.system, self.gold)
    }

    pub fn relaxed_f1(&self) -> f64 {
        f1(self.relaxed, self.system, self.gold)
    }

    pub fn relaxed_precision(&self) -> f64 {
        self.relaxed as f64 / self.system.max(1) as f64
    }

    pub fn relaxed_recall(&self) -> f64 {
        self.relaxed as f64 / self.gold.max(1) as f64
    }

    /// Share of the relaxed matches with the right type.
    pub fn type_accuracy(&self) -> f64 {
        self.type_correct as f64 / self.relaxed.max(1) as f64
    }

    /// F1 over expressions found with the right value (TempEval-3's "value F1").
    pub fn value_f1(&self) -> f64 {
        f1(self.value_correct, self.system, self.gold)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_offsets_and_decodes_entities() {
        let doc = read(
            "<DCT><TIMEX3 tid=\"t0\" type=\"DATE\" value=\"1998-01-08\">x</TIMEX3></DCT>\n\
             <TEXT>A &amp; B <EVENT eid=\"e1\">met</EVENT> <TIMEX3 tid=\"t1\" type=\"DATE\" \
             value=\"1998-01-07\">yesterday</TIMEX3>.</TEXT>",
        )
        .unwrap();
        assert_eq!(doc.creation, NaiveDate::from_ymd_opt(1998, 1, 8));
        assert_eq!(doc.text, "A & B met yesterday.");
        let t = &doc.timexes[0];
        assert_eq!(&doc.text[t.start..t.end], "yesterday");
        assert_eq!((t.kind.as_str(), t.value.as_str()), ("DATE", "1998-01-07"));
    }

    #[test]
    fn reports_the_line_of_a_broken_tag() {
        let err = read("<TEXT>\nok\n<TIMEX3 type=\"DATE\">never closed</TEXT>").unwrap_err();
        assert_eq!(err.line, 3);
        let err = read("<TEXT>a & b</TEXT>").unwrap_err();
        assert!(err.reason.contains("&amp;"), "{err}");
    }
}
