//! The one-line summary of an event.

use super::event::ExtractedEvent;
use super::lexicon::Lexicon;
use crate::model::{Kind, Status};

/// One line from the extracted structure, never more than it holds: who did what to
/// whom, where, with what and at what cost; a statement quotes the words reported.
pub(super) fn summarize(event: &ExtractedEvent, lexicon: &Lexicon) -> String {
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

pub(super) fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map_or_else(String::new, |c| c.to_uppercase().chain(chars).collect())
}

/// The first quotation in the sentence, shortened to a dozen words.
pub(super) fn quoted(sentence: &str) -> Option<String> {
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
