//! Which trigger of a sentence each date belongs to.

use super::candidates::restates_earlier;
use super::view::{Candidate, SentenceView};
use crate::document;
use crate::model::{Kind, Status};
use crate::temporal::{self, Mention};
use crate::text::Token;

/// The sentence's dates that can date its events, of `recognized`, every expression
/// the tagger found in the sentence.
pub(super) fn dates_of_events(
    view: &SentenceView<'_, '_>,
    recognized: Vec<Mention>,
) -> Vec<Mention> {
    recognized
        .into_iter()
        .filter(|m| m.pattern.dates_events() && !in_dateline(view.tokens, m))
        .collect()
}

/// A reprint may put a label before the dateline ("Outlet 1 reports: CAIRO, Oct 9
/// (Reuters) -"): words up to a colon this early in the line.
const DATELINE_LABEL_TOKENS: usize = 6;

/// The date of a wire dateline ("CAIRO, Oct 9 (Reuters) -", "KYIV, Ukraine, Nov 14
/// (AP) —") dates the report, not the events of its first sentence.
fn in_dateline(tokens: &[Token<'_>], mention: &Mention) -> bool {
    let start = tokens
        .iter()
        .take(DATELINE_LABEL_TOKENS)
        .position(|t| t.text == ":")
        .map_or(0, |colon| colon + 1);
    let place = start + document::dateline_place_len(&tokens[start..]);
    let Some(before) = mention.first_token.checked_sub(1) else {
        return false;
    };
    let place_then_comma = place > start
        && place <= before
        && tokens[before].text == ","
        && tokens[place..before]
            .iter()
            .all(|t| t.text == "," || t.is_word() && t.is_capitalized());
    let agency_or_dash = tokens
        .get(mention.end_token)
        .is_some_and(|t| matches!(t.text, "(" | "-" | "–" | "—" | "/"));
    place_then_comma && agency_or_dash
}

/// Attach each date to the trigger it belongs to, then let undated triggers in the
/// same sentence share a date unless an ordering cue stands between them.
pub(super) fn attach_times(
    candidates: &mut [Candidate],
    times: &[Mention],
    view: &SentenceView<'_, '_>,
) {
    if candidates.is_empty() {
        return;
    }
    // "Hamas said the Oct. 7 attack killed 1,200": that date names the attack, and
    // dates nothing else in the sentence, not even by sharing.
    let named: Vec<bool> = times
        .iter()
        .map(|m| {
            temporal::names_past_event(m, view.tokens, &view.folded, &view.lexicon.temporal)
                || year_of_a_noun(m, view)
                || possessive_date(m, view)
        })
        .collect();
    let onset: Vec<bool> = times.iter().map(|m| marks_onset(m, view)).collect();
    for (t, mention) in times.iter().enumerate() {
        // "since July 25, when he sacked the prime minister, suspended parliament
        // and ...": a clause that "when" hangs on a date happened on that date,
        // whatever the date bounds in the clause it belongs to.
        if let Some(clause) = when_clause_of(mention, view) {
            for candidate in candidates.iter_mut() {
                if clause.contains(&candidate.first) && candidate.time.is_none() {
                    candidate.time = Some(t);
                }
            }
        }
        if named[t] {
            // ("Sunday's suicide bombing": the possessive, then up to three words.)
            let noun = mention.end_token..mention.end_token + 1 + POSSESSED_NOUN_REACH;
            let unbroken = |c: &Candidate| !(mention.end_token..c.first).any(|j| view.is_break(j));
            let index = candidates
                .iter()
                .position(|c| noun.contains(&c.first) && c.time.is_none() && unbroken(c))
                .or_else(|| restated_before(candidates, noun.clone(), view));
            if let Some(index) = index {
                candidates[index].time = Some(t);
            }
        } else if let Some(index) = ongoing_since(candidates, mention, view) {
            candidates[index].since.get_or_insert(t);
        } else if let Some(index) = trigger_of(candidates, mention, onset[t], view) {
            let candidate = &mut candidates[index];
            let closer = candidate
                .time
                .is_none_or(|old| distance(&times[old], candidate) > distance(mention, candidate));
            if closer {
                candidate.time = Some(t);
            }
        }
    }
    share_dates(candidates, times, &named, &onset, view);
}

/// The tokens of a "when" clause right after the date (a comma may stand between),
/// to the end of its clause.
fn when_clause_of(
    mention: &Mention,
    view: &SentenceView<'_, '_>,
) -> Option<std::ops::Range<usize>> {
    let mut at = mention.end_token;
    if view.tokens.get(at).is_some_and(|t| t.text == ",") {
        at += 1;
    }
    let start = at + 1;
    (view.folded.get(at)? == "when").then(|| start..view.clause_end(start))
}

/// "were killed in Monday's Israeli strike": the noun a named date qualifies may
/// restate the verb before it, which then stands for it: the candidate that
/// `restates_earlier` dropped the noun for, if it has no date yet.
fn restated_before(
    candidates: &[Candidate],
    noun: std::ops::Range<usize>,
    view: &SentenceView<'_, '_>,
) -> Option<usize> {
    let events = &view.lexicon.events;
    let (at, kind) = noun
        .take_while(|&j| j < view.tokens.len() && !view.is_break(j))
        .find_map(|j| {
            let trigger = events.trigger_at(&view.folded, j).filter(|t| t.noun)?;
            Some((j, trigger.kind))
        })?;
    let before = candidates.partition_point(|c| c.first < at);
    (before > 0
        && restates_earlier(&candidates[..before], kind, at, view)
        && candidates[before - 1].time.is_none())
    .then(|| before - 1)
}

/// Words after a possessive date within which the noun it qualifies stands
/// ("Thursday's deadly attack").
const POSSESSED_NOUN_REACH: usize = 3;

/// "Sunday's suicide bombing", "a candidate in next year's election": a date in the
/// possessive is the day of the noun it qualifies, and dates nothing else. (Not
/// after a cue that bounds by it: "his first appearance since Thursday's attack"
/// dates the appearance, and mentions the attack.)
fn possessive_date(mention: &Mention, view: &SentenceView<'_, '_>) -> bool {
    crate::text::is_possessive(&view.folded, mention.end_token)
        && bounding_cue(mention, view, BOUND_CUE_REACH).is_none()
}

/// "the 2015 nuclear deal", "Iran's 2023 offensive": a bare year between a
/// determiner and the words of a noun phrase is the year of that noun, a deal or a
/// treaty of its time, and dates nothing else in the sentence.
fn year_of_a_noun(mention: &Mention, view: &SentenceView<'_, '_>) -> bool {
    let bare_year = matches!(
        mention.pattern,
        temporal::Pattern::Year { modifier: None, .. }
    );
    let determined = mention.first_token > 0
        && (view.is_determiner(mention.first_token - 1)
            || view.folded[mention.first_token - 1] == "s");
    let noun_follows = view
        .tokens
        .get(mention.end_token)
        .is_some_and(|t| t.is_word())
        && !view
            .lexicon
            .events
            .prepositions
            .contains(&view.folded[mention.end_token]);
    bare_year && mention.first_token == mention.phrase_token && determined && noun_follows
}

/// The trigger a date belongs to: after a date that opens the sentence, the first
/// trigger; else the nearest before it, then after it, with no ordering cue between.
fn trigger_of(
    candidates: &[Candidate],
    mention: &Mention,
    onset: bool,
    view: &SentenceView<'_, '_>,
) -> Option<usize> {
    let events = &view.lexicon.events;
    // "since February 2022", "until March": a bound on something, not a date of it.
    if bounding_cue(mention, view, BOUND_CUE_REACH).is_some() {
        return None;
    }
    // "– a first between Iran and a Trump administration, including his first term
    // in 2017-21 –": a date in an aside dates only what the aside says.
    let aside = aside_around(view, mention.first_token);
    // Nothing but connectives from `from` to the date ("And on Monday, ...").
    let only_connectives = |from: usize| {
        (from..mention.phrase_token).all(|j| {
            !view.tokens[j].is_word() || events.opening_connectives.contains(&view.folded[j])
        })
    };
    let opens_sentence = only_connectives(0);
    let followed_by_comma = view
        .tokens
        .get(mention.end_token)
        .is_some_and(|tok| tok.text == ",");
    // "the ceasefire would end the fighting, which escalated in mid-September": a
    // date in a relative clause dates that clause's verb, not a trigger before it.
    // ("... his meeting, which had taken place on August 8": a clause of occurring
    // dates its antecedent.)
    let relative_between = |from: usize, to: usize| {
        (from..to).any(|j| is_relative_pronoun(view, j) && !occurrence_clause(view, j + 1))
    };
    // "visited Mariupol, a city devastated last year": a date after the participle
    // of an appositive that describes a name dates what the participle says. (Not
    // a list: "attacked a barracks, a prison and other sites last month".)
    let appositive_between = |from: usize, to: usize| {
        (from..to).any(|j| {
            view.tokens[j].text == ","
                && view
                    .folded
                    .get(j + 1)
                    .is_some_and(|w| matches!(w.as_str(), "a" | "an"))
                && (j + 2..to).any(|k| {
                    !view.tokens[k].is_capitalized()
                        && view.lexicon.temporal.is_past_tense(&view.folded[k])
                })
                && !(j + 1..to).any(|k| matches!(view.folded[k].as_str(), "," | "and" | "or"))
        })
    };
    let cue_between = |from: usize, to: usize| {
        view.order_break_in(from..to)
            || relative_between(from, to)
            || appositive_between(from, to)
            || aside
                .as_ref()
                .is_some_and(|a| !(a.contains(&from) && a.contains(&to)))
    };
    let at = mention.phrase_token;
    // "told AFP that late on Tuesday Pakistan bombarded four areas": a date opening
    // the clause a verb of saying reports dates what it reports, not the saying.
    // ("Said that the Impero was free to go on Monday" leaves the date to both.)
    // (Over the date's own prepositions: "that late on Tuesday".)
    let opens_report = (0..mention.first_token)
        .rev()
        .filter(|&j| view.tokens[j].is_word())
        .find(|&j| {
            !view
                .lexicon
                .temporal
                .date_prepositions
                .contains(&view.folded[j])
        })
        .is_some_and(|j| view.folded[j] == "that");
    let reported_after = |c: &Candidate| {
        opens_report && c.kind == Kind::Statement && !c.noun && c.end < mention.first_token
    };
    // "...the mission that began after Sept. 11, 2001," McKenzie said: a date in a
    // quotation dates what the quotation says, not the saying of it, except "today"
    // or "this morning", which are the day it was spoken.
    let quoted = view.inside_quotation(mention.first_token) && !speech_day(mention);
    let datable = |c: &Candidate| {
        !(onset && c.kind == Kind::Agreement) && (!quoted || view.inside_quotation(c.first))
    };
    // "withdrew from Hama on December 5, and the following day rebels captured
    // Aleppo": a date opening a clause joined by a connective dates that clause.
    let clause_opened = (0..mention.phrase_token)
        .rev()
        .find(|&j| matches!(view.tokens[j].text, "," | ";"))
        .is_some_and(|comma| {
            only_connectives(comma + 1)
                && (comma + 1..mention.phrase_token).any(|j| view.tokens[j].is_word())
        });
    if (opens_sentence && followed_by_comma) || clause_opened {
        candidates
            .iter()
            .position(|c| c.first >= mention.end_token && datable(c))
    } else {
        None
    }
    .or_else(|| {
        // The nearest trigger before it with no clause break or ordering cue in between.
        candidates.iter().rposition(|c| {
            c.end <= at
                && datable(c)
                && !(c.end..at).any(|j| view.is_break(j))
                && !cue_between(c.end, at)
                && !reported_after(c)
        })
    })
    .or_else(|| {
        // "..., but the Kremlin on Monday dismissed fears": a date between a subject
        // and its verb dates that verb, not a trigger in a clause before.
        candidates
            .iter()
            .position(|c| c.first == mention.end_token && datable(c))
    })
    .or_else(|| {
        candidates.iter().rposition(|c| {
            c.end <= at && datable(c) && !cue_between(c.end, at) && !reported_after(c)
        })
    })
    .or_else(|| {
        // "The unit, which helped him to power in 2009, said": a date in a relative
        // clause set off by commas dates that clause, not the verb after it.
        let opened_by_relative = (0..mention.first_token)
            .rev()
            .take_while(|&j| view.tokens[j].text != ",")
            .any(|j| is_relative_pronoun(view, j));
        candidates.iter().position(|c| {
            let closed = (mention.end_token..c.first).any(|j| view.tokens[j].text == ",");
            c.first >= mention.end_token
                && datable(c)
                && !cue_between(mention.end_token, c.first)
                && !(opened_by_relative && closed)
        })
    })
}

/// Words before a date within which "since" starts an ongoing event ("since late
/// Monday").
const SINCE_REACH: usize = 2;

/// "strikes on Gaza since Monday have killed 139", "have been meeting since
/// Saturday in Jeddah": a date that "since" governs, with at most a modifier
/// between, after an event of its clause, starts that event, which runs on to the
/// report. The event: the nearest trigger before the cue with no break between.
fn ongoing_since(
    candidates: &[Candidate],
    mention: &Mention,
    view: &SentenceView<'_, '_>,
) -> Option<usize> {
    let cue =
        bounding_cue(mention, view, SINCE_REACH).filter(|&cue| view.folded[cue] == "since")?;
    // "his first appearance since Thursday's attack": the day of an event, not the
    // start of a span.
    if crate::text::is_possessive(&view.folded, mention.end_token) {
        return None;
    }
    // A statement is said at a moment; what runs since a date is an act.
    candidates.iter().rposition(|c| {
        c.end <= cue && c.kind != Kind::Statement && !(c.end..cue).any(|j| view.is_break(j))
    })
}

/// Words before a date within which a bound cue may govern it ("until late March").
const BOUND_CUE_REACH: usize = 6;

/// The cue of `bound_cues` that governs the date itself, within `reach` words
/// before it in its clause, with at most a modifier between ("since Monday",
/// "until late March"); "until Islamabad said Wednesday" bounds nothing by
/// Wednesday.
fn bounding_cue(mention: &Mention, view: &SentenceView<'_, '_>, reach: usize) -> Option<usize> {
    let clause_start = view.clause_start(mention.phrase_token);
    let cue = (clause_start.max(mention.phrase_token.saturating_sub(reach))..mention.first_token)
        .find(|&j| view.lexicon.events.bound_cues.contains(&view.folded[j]))?;
    let verb_between = (cue + 1..mention.first_token)
        .any(|j| view.lexicon.temporal.is_past_tense(&view.folded[j]));
    (!verb_between).then_some(cue)
}

/// Is the mention the day it is said on ("today", "tonight", "this morning")?
fn speech_day(mention: &Mention) -> bool {
    matches!(
        mention.pattern,
        temporal::Pattern::RelativeDay(0)
            | temporal::Pattern::Time {
                date: None,
                weekday: None,
                relation: None,
                offset: None | Some(0),
                ..
            }
    )
}

/// Does the word at `j` open a relative clause ("which", "who", "whom", "whose")?
fn is_relative_pronoun(view: &SentenceView<'_, '_>, j: usize) -> bool {
    matches!(view.folded[j].as_str(), "which" | "who" | "whom" | "whose")
}

/// Does a clause of occurring start at `at`, past a perfect's auxiliary ("had
/// taken place", "was held")?
fn occurrence_clause(view: &SentenceView<'_, '_>, at: usize) -> bool {
    let perfect = view
        .folded
        .get(at)
        .is_some_and(|w| matches!(w.as_str(), "had" | "has" | "have"));
    let verb = at + usize::from(perfect);
    verb < view.folded.len() && view.any_phrase(verb, &view.lexicon.events.occurrence_verbs)
}

/// "agreed to a ceasefire from midnight", "starting midnight on Monday": the date
/// says when the truce begins, not when it was agreed.
fn marks_onset(mention: &Mention, view: &SentenceView<'_, '_>) -> bool {
    let onset = |j: usize| view.lexicon.events.onset_cues.contains(&view.folded[j]);
    let mut at = mention.phrase_token.min(mention.first_token);
    if onset(at) {
        return true;
    }
    // "starting at midnight"
    if at > 0 && view.folded[at - 1] == "at" {
        at -= 1;
    }
    at > 0 && onset(at - 1)
}

/// Words between a verb of judging and the act it judges, for the act to share its
/// day ("called the Russian missile strike").
const JUDGED_REACH: usize = 4;

/// Share: "talks held in Saudi Arabia last month, where both nations agreed ...",
/// unless an ordering cue stands between ("on Tuesday, following two days of talks").
/// A statement does not borrow from the verb of what it reports: "the minister said
/// the exchange agreed in June would be completed" was said now, not in June. Its
/// object may lend: "rejected the proposed truce on Wednesday".
fn share_dates(
    candidates: &mut [Candidate],
    times: &[Mention],
    named: &[bool],
    onset: &[bool],
    view: &SentenceView<'_, '_>,
) {
    let attached: Vec<Option<usize>> = candidates.iter().map(|c| c.time).collect();
    // "called the Russian strike on Sumy a stark reminder on Sunday": an act judged
    // shares the day of the judging verb just before it, and only that one ("said
    // on Saturday it will host a summit to denounce the attack" dates no attack).
    let judging: Vec<(usize, usize)> = candidates
        .iter()
        .filter(|c| c.kind == Kind::Statement && !c.noun)
        .filter_map(|c| c.time.map(|t| (t, c.end)))
        .collect();
    let reported_verb_time: Vec<usize> = candidates
        .iter()
        .filter(|c| !c.noun)
        .filter_map(|c| c.time)
        .collect();
    // "Trump said on Saturday that the leaders had agreed to meet": the day of the
    // saying is not the day of the plan it reports.
    let saying_time: Vec<usize> = candidates
        .iter()
        .filter(|c| c.kind == Kind::Statement)
        .filter_map(|c| c.time)
        .collect();
    let verb_times: Vec<(usize, usize)> = candidates
        .iter()
        .filter(|c| !c.noun)
        .filter_map(|c| c.time.map(|t| (c.first, t)))
        .collect();
    for candidate in candidates.iter_mut() {
        if candidate.time.is_some() || candidate.since.is_some() {
            continue;
        }
        // "Ukraine said the attack on Kyiv killed five on Sunday": what a speaker
        // tells of keeps the day of its own verb of killing.
        let killing_time = candidate
            .topic
            .then(|| super::filter::killing_verb(candidate, view))
            .flatten()
            .and_then(|verb| verb_times.iter().find(|&&(first, _)| first == verb))
            .map(|&(_, t)| t);
        let here = (candidate.first, candidate.end);
        let reports = candidate.kind == Kind::Statement;
        let planned = candidate.status == Status::Planned;
        // "claimed responsibility on Tuesday for the bombing": a claim comes after
        // the act, and its day is not the act's.
        let claimed = candidate.kind == Kind::Strike
            && super::doers::claim_of_own_act_before(view, here.0).is_some();
        let nearest = attached
            .iter()
            .flatten()
            .copied()
            .filter(|&t| !named[t])
            .filter(|&t| {
                !(reports && times[t].first_token >= here.1 && reported_verb_time.contains(&t))
            })
            // "It said ... \"baseless accusations over the incident in Salisbury on
            // March 4\"": a date in quoted words is theirs, not the day of a saying
            // outside them. ("\"This morning, forces conducted a strike,\" Trump
            // wrote": the speaker's today is the day of the saying.)
            .filter(|&t| {
                !(reports
                    && !speech_day(&times[t])
                    && quoted_apart(view, here.0, times[t].first_token))
            })
            // "The suspect was arrested in May, Tusk said": a month or a year that
            // what a statement reports before its own clause is dated to is no day
            // of the saying. (A day may be: "hit the port on Thursday, the army
            // said" is mostly said that day.)
            .filter(|&t| {
                !(reports
                    && matches!(
                        times[t].pattern,
                        temporal::Pattern::Month { .. }
                            | temporal::Pattern::MonthYear { .. }
                            | temporal::Pattern::Year { .. }
                            | temporal::Pattern::MonthOfYear { .. }
                    )
                    && times[t].end_token <= view.clause_start(here.0))
            })
            .filter(|&t| !((planned || claimed) && saying_time.contains(&t)))
            .filter(|&t| {
                !candidate.topic
                    || killing_time == Some(t)
                    || judging.iter().any(|&(time, verb_end)| {
                        time == t && verb_end <= here.0 && here.0 - verb_end <= JUDGED_REACH
                    })
            })
            .filter(|&t| !(candidate.kind == Kind::Agreement && onset[t]))
            .filter(|&t| {
                let m = &times[t];
                let between = if m.end_token <= here.0 {
                    m.end_token..here.0
                } else {
                    here.1..m.phrase_token
                };
                !view.order_break_in(between)
            })
            // "is cutting ties over allegations that Kyiv aided an attack last
            // month": a date in a clause that "that" opens after the trigger dates
            // what that clause tells.
            .filter(|&t| {
                let m = &times[t];
                m.end_token <= here.0 || !(here.1..m.phrase_token).any(|j| view.folded[j] == "that")
            })
            .min_by_key(|&t| times[t].first_token.abs_diff(here.0));
        candidate.time = nearest;
        candidate.time_shared = nearest.is_some();
    }
}

/// Is token `at` inside a quotation that token `trigger` is outside of?
fn quoted_apart(view: &SentenceView<'_, '_>, trigger: usize, at: usize) -> bool {
    let marks = |range: std::ops::Range<usize>| {
        range
            .filter(|&j| crate::text::is_double_quote_mark(view.tokens[j].text))
            .count()
    };
    let quoted = marks(0..at) % 2 == 1;
    quoted && marks(trigger.min(at)..trigger.max(at)) > 0
}

/// The tokens inside the dashes or parentheses that enclose token `at`, if any.
fn aside_around(view: &SentenceView<'_, '_>, at: usize) -> Option<std::ops::Range<usize>> {
    let tokens = view.tokens;
    // Parentheses first: a dash inside them ("(APP - UrduPoint - 20th May, 2024)")
    // is part of what they enclose.
    let open = (0..at)
        .rev()
        .find(|&j| matches!(tokens[j].text, "(" | ")"))
        .filter(|&j| tokens[j].text == "(");
    if let Some(open) = open {
        let close = (at..tokens.len()).find(|&j| matches!(tokens[j].text, "(" | ")"))?;
        return (tokens[close].text == ")").then_some(open + 1..close);
    }
    // A hyphen with a space on each side is a dash too ("the attacks - the worst
    // since the war ended a decade ago - as cowardly").
    let spaced_hyphen = |j: usize| {
        tokens[j].text == "-"
            && j > 0
            && !tokens[j - 1].touches(&tokens[j])
            && tokens
                .get(j + 1)
                .is_some_and(|next| !tokens[j].touches(next))
    };
    let dash = |j: usize| matches!(tokens[j].text, "\u{2013}" | "\u{2014}") || spaced_hyphen(j);
    let open = (0..at).rev().find(|&j| dash(j) || tokens[j].text == ")")?;
    if tokens[open].text == ")" {
        return None;
    }
    let close = (at..tokens.len()).find(|&j| dash(j) || tokens[j].text == "(")?;
    dash(close).then_some(open + 1..close)
}

fn distance(mention: &Mention, candidate: &Candidate) -> usize {
    if mention.first_token >= candidate.end {
        mention.first_token - candidate.end
    } else {
        candidate.first.saturating_sub(mention.end_token)
    }
}
