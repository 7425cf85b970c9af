//! The one-line summary of an event.

use super::event::ExtractedEvent;
use super::lexicon::Lexicon;
use crate::model::{Kind, Status};

/// One line from the extracted structure, never more than it holds: who did what to
/// whom, where, with what and at what cost; a statement quotes the words reported.
pub(super) fn summarize(event: &ExtractedEvent, lexicon: &Lexicon) -> String {
    let others = event.counterparts.join(", ");
    let parts = Parts {
        event,
        who: event.main_actor().unwrap_or("Unidentified actor"),
        others: &others,
        mode: event.mode.as_deref(),
        planned: event.status == Status::Planned,
    };
    match event.kind {
        Kind::Meeting => parts.meeting(),
        Kind::Statement => parts.statement(lexicon),
        Kind::Strike => parts.strike(lexicon),
        Kind::Agreement => parts.in_place(parts.agreement()),
    }
}

/// What a summary line is made of.
struct Parts<'e> {
    event: &'e ExtractedEvent,
    who: &'e str,
    /// The counterparts, comma-separated.
    others: &'e str,
    mode: Option<&'e str>,
    planned: bool,
}

impl Parts<'_> {
    fn in_place(&self, mut line: String) -> String {
        if let Some(place) = &self.event.place {
            line.push_str(" in ");
            line.push_str(place);
        }
        line
    }

    fn meeting(&self) -> String {
        let (who, others) = (self.who, self.others);
        let (to, does) = if self.planned { ("to ", "") } else { ("", "s") };
        let verb = |base: &str| format!("{to}{base}{does}");
        match (self.mode, others.is_empty(), self.event.place.as_deref()) {
            (Some("phone"), false, _) => format!("{who} {} by phone with {others}", verb("speak")),
            (Some("phone"), true, _) => format!("{who} {} a phone call", verb("hold")),
            (Some("visit"), true, Some(p)) => format!("{who} {} {p}", verb("visit")),
            (_, false, _) => self.in_place(format!("{who} {} {others}", verb("meet"))),
            (_, true, _) => self.in_place(format!("{who} {} talks", verb("hold"))),
        }
    }

    fn statement(&self, lexicon: &Lexicon) -> String {
        let (who, others) = (self.who, self.others);
        let words = self.event.evidence.first().and_then(|e| {
            quoted(e.quote.get(e.trigger_at..).unwrap_or_default()).or_else(|| quoted(&e.quote))
        });
        let verb = self
            .mode
            .and_then(|m| lexicon.events.mode_verb(Kind::Statement, m));
        match (verb, words) {
            (Some(verb), Some(words)) if !others.is_empty() => {
                format!("{who} {verb} {others}: \u{201c}{words}\u{201d}")
            }
            (_, Some(words)) => format!("{who} says \u{201c}{words}\u{201d}"),
            (Some(verb), None) if !others.is_empty() => format!("{who} {verb} {others}"),
            _ => format!("{who} makes a statement"),
        }
    }

    /// Who struck with what where, and the tolls; no place after, it is the target.
    fn strike(&self, lexicon: &Lexicon) -> String {
        let event = self.event;
        let attacker = event.main_actor().map(|a| {
            lexicon
                .gazetteer
                .demonym_of(a)
                .map_or_else(|| a.to_string(), str::to_string)
        });
        let weapon = self
            .mode
            .and_then(|m| lexicon.events.mode_label(Kind::Strike, m))
            .map(|label| format!("{label} "))
            .unwrap_or_default();
        let target = event
            .place
            .as_deref()
            .or_else(|| event.counterparts.first().map(String::as_str))
            .map(|t| format!(" on {t}"))
            .unwrap_or_default();
        let mut line = match (&attacker, self.planned) {
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
        line
    }

    fn agreement(&self) -> String {
        let (who, others) = (self.who, self.others);
        let parties = if others.is_empty() {
            who.to_string()
        } else {
            format!("{who} and {others}")
        };
        let single = others.is_empty() && self.event.actors.len() < 2;
        let (agree, sign) = match (self.planned, single) {
            (true, _) => ("to agree", "to sign"),
            (false, true) => ("agrees", "signs"),
            (false, false) => ("agree", "sign"),
        };
        match self.mode {
            Some("ceasefire") => format!("{parties} {agree} a ceasefire"),
            Some("signing") => format!("{parties} {sign} an agreement"),
            Some("aid") => format!("{parties} {agree} aid"),
            _ => format!("{parties} {agree}"),
        }
    }
}

fn capitalise(text: &str) -> String {
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
