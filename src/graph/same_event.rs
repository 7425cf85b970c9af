//! Whether a new report is an event already in the graph: the tests each kind of
//! event passes to be one with an earlier report (see [`same_event`]).

use chrono::NaiveDate;

use super::node::{span_days, Node};
use crate::document::Document;
use crate::model::Kind;

/// Reports of a meeting with the same participants at the same place, dated at most
/// this many days apart, are one event the sources date differently (a conflict to
/// show); further apart, they are two events. Agreements get no such leeway: the
/// same sides agree one thing on Saturday and another on Monday (to talk, then to a
/// ceasefire), and a cabinet approves a deal days after it was reached.
const SAME_MEETING_WINDOW_DAYS: i64 = 3;

/// Which earlier node a new report is, if any: same kind and status, the same
/// participants (see [`Identity`]), compatible places, the same sort of act where
/// both name one (see [`modes_agree`]), and dates that overlap.
/// Reports that both carry dates agree when the dates overlap; an undated one joins
/// only when exactly one node fits its bounds. A statement also needs the same day
/// and subject. A meeting with the same participants dated a few days apart is one
/// event the sources date differently: it is merged, and the clash of its dates
/// reported. An agreement or a meeting may join on one side alone (see [`lone_side`]).
pub(super) fn same_event(
    nodes: &[Node],
    candidates: &[usize],
    new: &Node,
    documents: &[&Document],
) -> Option<usize> {
    let doc = new.first_doc();
    let fits = |old: &Node| {
        old.kind == new.kind
            && !old.has_doc(doc)
            && (old.status == new.status || status_may_differ(new))
            && old.identity.same_participants(&new.identity, new.kind)
            && old.identity.same_place(&new.identity)
            && (new.kind != Kind::Statement || same_statement(old, new, documents))
            && (new.kind != Kind::Action || modes_agree(old, new))
    };
    let (new_lo, new_hi) = new.likely_bounds(documents);
    let overlapping: Vec<usize> = candidates
        .iter()
        .copied()
        .filter(|&c| fits(&nodes[c]))
        .filter(|&c| {
            let (lo, hi) = nodes[c].likely_bounds(documents);
            let lo = lo.max(new_lo);
            let hi = match (hi, new_hi) {
                (Some(a), Some(b)) => Some(a.min(b)),
                (a, b) => a.or(b),
            };
            match (lo, hi) {
                (Some(lo), Some(hi)) => lo <= hi,
                _ => true,
            }
        })
        .collect();
    // A month overlaps every day in it: so dated, a report joins as an undated one.
    let both_dated = |c: usize| match (&nodes[c].date, &new.date) {
        (Some(old), Some(date)) => old == date || span_days(old) <= 1 && span_days(date) <= 1,
        _ => false,
    };
    if let Some(&c) = overlapping.iter().find(|&&c| both_dated(c)) {
        return Some(c);
    }
    let loose: Vec<usize> = overlapping
        .iter()
        .copied()
        .filter(|&c| !both_dated(c))
        .collect();
    if loose.len() == 1 {
        return Some(loose[0]);
    }
    // Several fit loosely: the one naming the very same participants at the same
    // place, if only one does ("Erdogan meets Abiy and Mohamud in Ankara" twice).
    let exact: Vec<usize> = loose
        .iter()
        .copied()
        .filter(|&c| {
            let old = &nodes[c].identity;
            old.names_the_same(&new.identity) && old.place == new.identity.place
        })
        .collect();
    if exact.len() == 1 {
        return Some(exact[0]);
    }
    if matches!(new.kind, Kind::Agreement | Kind::Meeting) {
        if let Some(only) = lone_side(nodes, candidates, new) {
            return Some(only);
        }
    }
    if new.kind == Kind::Strike {
        return unnamed_attacker(nodes, candidates, new);
    }
    if new.kind != Kind::Meeting {
        return None;
    }
    let new_day = new.day()?;
    candidates.iter().copied().find(|&c| {
        let old = &nodes[c];
        fits(old)
            && old
                .day()
                .is_some_and(|day| (day - new_day).num_days().abs() <= SAME_MEETING_WINDOW_DAYS)
            && old.identity.sides == new.identity.sides
    })
}

/// "Gunmen attacked Barsalogho on Saturday" and "JNIM's attack on Barsalogho on
/// Saturday": one outlet names the group another leaves unnamed. A strike of men no
/// state owns joins the only other such strike on the same named day, at the same
/// place where both name one and one of them must; at least one of the two leaves
/// its attacker unnamed. So does a blast no report attributes, at a place, with the
/// only attack on that place that day that names its attacker ("a ground operation
/// in Jenin", "Israel's operation in Jenin").
fn unnamed_attacker(nodes: &[Node], candidates: &[usize], new: &Node) -> Option<usize> {
    the_only_one_that_day(nodes, candidates, new, |old| {
        let unattributed = old.identity.unattributed_joins(&new.identity)
            || new.identity.unattributed_joins(&old.identity);
        old.status == new.status
            && (old.identity.unnamed_attacker_within(&new.identity) || unattributed)
            // (So loose a test asks for the same sort of attack where both name one:
            // a rocket barrage and a ground assault that day are two.)
            && modes_agree(old, new)
            && (old.identity.place.is_some() || new.identity.place.is_some())
            && old.identity.same_place(&new.identity)
    })
}

/// A report naming one side of an agreement ("Israel agrees a ceasefire") joins the
/// only agreement of that side dated to the same named day ("Israel and Hezbollah
/// agree a ceasefire"); with two such agreements that day it joins neither. A
/// meeting of one side joins only one of that side alone ("the Security Council
/// will meet on Tuesday", "the Council met on Tuesday").
fn lone_side(nodes: &[Node], candidates: &[usize], new: &Node) -> Option<usize> {
    the_only_one_that_day(nodes, candidates, new, |old| {
        old.identity.one_side_within(&new.identity)
            // A side meets many others in a day: a meeting joins on one side only
            // when neither report names another.
            && (new.kind != Kind::Meeting || old.identity.sides == new.identity.sides)
            && old.identity.same_place(&new.identity)
    })
}

/// The only candidate of the new report's kind, from another article, dated to the
/// same named day and passing `fits`; none when two do (which one the report means,
/// it does not say).
fn the_only_one_that_day(
    nodes: &[Node],
    candidates: &[usize],
    new: &Node,
    fits: impl Fn(&Node) -> bool,
) -> Option<usize> {
    let new_day = new.day()?;
    let doc = new.first_doc();
    let mut fitting = candidates.iter().copied().filter(|&c| {
        let old = &nodes[c];
        old.kind == new.kind && !old.has_doc(doc) && old.day() == Some(new_day) && fits(old)
    });
    let only = fitting.next()?;
    fitting.next().is_none().then_some(only)
}

/// A report of a planned meeting or agreement and a report that it took place are
/// one event when both name its day ("Modi will meet Xi in Kazan on Wednesday",
/// "Modi met Xi on Wednesday"); their articles' days then bound it from both sides.
fn status_may_differ(new: &Node) -> bool {
    matches!(new.kind, Kind::Meeting | Kind::Agreement)
}

/// Two statements of one speaker are one when both are dated to the same day and
/// the speaker is the very same (or one speaks for the other, about something in
/// common), or when they fall within a day of each other (an
/// undated one on its article's publication day) and are about the same thing.
fn same_statement(old: &Node, new: &Node, documents: &[&Document]) -> bool {
    let day = |node: &Node| -> Option<(NaiveDate, bool)> {
        match node.date {
            Some(_) => node.day().map(|d| (d, true)),
            None => documents[node.first_doc()].published.map(|d| (d, false)),
        }
    };
    match (day(old), day(new)) {
        // One speaker, one named day: in reports of one story, one occasion (a
        // press conference quoted by one outlet here, by another there).
        // A state and the person who speaks for it on that day ("Ukraine announced
        // a withdrawal", "Syrskyi said he was withdrawing troops"): one occasion
        // when they speak of something in common.
        (Some((a, true)), Some((b, true)))
            if a == b
                && (old.identity.same_speaker(&new.identity)
                    || old.identity.one_voice(&new.identity)
                        && old.identity.shares_a_word(&new.identity)) =>
        {
            true
        }
        (Some((a, _)), Some((b, _))) => {
            (a - b).num_days().abs() <= 1
                && (old.identity.same_subject(&new.identity)
                    || old.identity.quotes_the_same(&new.identity))
        }
        _ => false,
    }
}

/// "declared a state of siege" and "resigned": one side's two acts of different
/// sorts are two events, whatever their dates. Reports that name no sort agree with
/// any.
fn modes_agree(old: &Node, new: &Node) -> bool {
    match (&old.mode, &new.mode) {
        (Some(a), Some(b)) => a == b,
        _ => true,
    }
}
