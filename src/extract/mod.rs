//! Events from one article: triggers from the event lexicon, actors and places from
//! the gazetteer (and from names the article introduces), dates from the temporal
//! tagger. `extract_document` is a pure function of the document and the lexicons,
//! so it can run per article anywhere (threads, a distributed engine).

mod bodies;
mod candidates;
mod casualties;
mod classify;
mod companies;
mod dating;
mod doers;
mod event;
mod filter;
mod gazetteer;
mod introduced;
mod lexicon;
mod memory;
mod merge;
mod names;
mod order;
mod parse;
mod participants;
mod place;
mod sentence;
mod sides;
mod speaker;
mod subject;
mod summary;
mod times;
mod unnamed;
mod view;

use std::collections::BTreeMap;

use chrono::NaiveDate;

use crate::document::Document;
use crate::model::Status;
use crate::temporal::{self, AnchorChoice};
use crate::text::{fold, split_sentences, tokenize};
use memory::ArticleMemory;
use merge::merge_into;
use order::{add_event_orders, with_anaphors};
use sentence::{extract_sentence, Recognized};
use summary::summarize;

pub use event::{
    EventOrder, Evidence, ExtractedEvent, Extraction, InitiatorSide, Rejected, TimeEvidence,
};
pub use gazetteer::{Entity, EntityClass, Gazetteer};
pub use lexicon::{CueSense, EventLexicon, Lexicon};

/// Extract the events one article reports, and what it says about their order.
pub fn extract_document(doc: &Document, lexicon: &Lexicon) -> Extraction {
    let mut memory = ArticleMemory::default();
    let mut extraction = Extraction::default();
    let mut merge_index = merge::MergeIndex::default();
    // Whether the article reads as news or as a narrative depends on all its dates,
    // so they are recognised before any is resolved.
    let sentences: Vec<_> = split_sentences(doc.body())
        .into_iter()
        .map(|sentence| {
            let start = doc.body_start + sentence.start;
            let tokens = tokenize(sentence.text, start);
            let folded: Vec<String> = tokens.iter().map(|t| fold(t.text)).collect();
            let times = temporal::recognize_folded(&tokens, &folded, &lexicon.temporal);
            (sentence, start, tokens, Recognized { folded, times })
        })
        .collect();
    extraction.anchoring = AnchorChoice::choose(
        lexicon.temporal.anchoring,
        doc.published,
        sentences
            .iter()
            .flat_map(|(_, _, _, recognized)| recognized.times.iter().map(|m| &m.pattern)),
    );
    memory.narrative = extraction.anchoring.narrative();
    for (sentence, start, tokens, recognized) in sentences {
        let (produced, pairs, rejected) = extract_sentence(
            doc,
            &tokens,
            start,
            sentence.text,
            lexicon,
            &mut memory,
            recognized,
        );
        extraction.rejected.extend(rejected);
        // "this statement" points back to what the article reported before this sentence.
        let pairs = with_anaphors(pairs, &extraction.events, start);
        let mut event_of = BTreeMap::new();
        for (candidate, event) in produced {
            let index = merge_into(
                &mut extraction.events,
                &mut merge_index,
                event,
                &memory.people,
                lexicon,
                doc.published,
            );
            event_of.insert(candidate, index);
        }
        add_event_orders(
            &mut extraction.relations,
            pairs,
            &event_of,
            start,
            sentence.text,
        );
    }
    for event in &mut extraction.events {
        event.sides = event
            .actors
            .iter()
            .chain(&event.counterparts)
            .map(|name| {
                memory
                    .country_of(name, lexicon)
                    .unwrap_or_else(|| name.clone())
            })
            .collect();
        event.place_country = event
            .place
            .as_deref()
            .and_then(|place| memory.country_of(place, lexicon));
        event.initiator_side = initiator_side(event, lexicon);
        event.summary = summarize(event, lexicon);
    }
    set_story_days(&mut extraction.events, doc.published);
    extraction
}

/// What the initiator's side is: a state (police included: they serve one), a
/// named body, or men the text does not name.
fn initiator_side(event: &ExtractedEvent, lexicon: &Lexicon) -> InitiatorSide {
    let gazetteer = &lexicon.gazetteer;
    let Some(side) = event.sides.first().filter(|_| !event.actors.is_empty()) else {
        return InitiatorSide::Unknown;
    };
    let words: Vec<String> = side.split(' ').map(crate::text::fold).collect();
    let last = words.last().map(String::as_str).unwrap_or_default();
    let unnamed = gazetteer.is_armed_group(last)
        || words.len() == 2 && gazetteer.armed_men(&words[0], &words[1]);
    if gazetteer.country_of(side) == Some(side.as_str()) || gazetteer.is_home_force(&words) {
        InitiatorSide::State
    } else if gazetteer.is_crowd(last) {
        InitiatorSide::Crowd
    } else if unnamed {
        InitiatorSide::Unnamed
    } else {
        InitiatorSide::Body
    }
}

/// How far before publication the story's day may lie: an older date is background
/// ("the April 1 strike on the consulate"), not the day the article narrates.
const STORY_DAY_REACH_DAYS: i64 = 2;

/// The day the story had reached at each undated event: the latest day, not after
/// publication, that events of earlier sentences are dated to. A sentence that looks
/// back ("this followed a strike on Friday") does not take the story back: "Zelensky
/// said" after it is still the day of the story's news, not Friday.
fn set_story_days(events: &mut [ExtractedEvent], published: Option<NaiveDate>) {
    let mut by_position: Vec<(usize, usize)> = events
        .iter()
        .enumerate()
        .map(|(index, event)| (event.evidence.first().map_or(0, |e| e.start), index))
        .collect();
    by_position.sort_unstable();
    let recent = |day: NaiveDate| {
        published.is_none_or(|p| day <= p && (p - day).num_days() <= STORY_DAY_REACH_DAYS)
    };
    let mut story_day = None;
    for sentence in by_position.chunk_by(|a, b| a.0 == b.0) {
        let days: Vec<NaiveDate> = sentence
            .iter()
            .map(|&(_, index)| &events[index])
            .filter(|event| event.status == Status::Occurred)
            .filter_map(|event| event.date.filter(|d| d.is_day()).and_then(|d| d.start()))
            .collect();
        for &(_, index) in sentence {
            if events[index].date.is_none() {
                events[index].story_day = story_day;
            }
        }
        let latest = days.iter().copied().filter(|&day| recent(day)).max();
        story_day = story_day.max(latest);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::DateSource;
    use crate::model::Kind;
    use chrono::NaiveDate;

    pub(super) fn doc(text: &str, published: &str) -> Document {
        Document {
            name: "t.txt".into(),
            path: "t.txt".into(),
            text: text.to_string(),
            body_start: 0,
            published: NaiveDate::parse_from_str(published, "%Y-%m-%d").ok(),
            published_from: DateSource::Argument,
            outlet: None,
        }
    }

    #[test]
    fn appositive_subject_and_weekday() {
        let lexicon = Lexicon::builtin().unwrap();
        let d = doc("Kirill Dmitriev, a key envoy for Russian President Vladimir Putin, stated on Thursday that progress was made.", "2026-02-05");
        let events = extract_document(&d, &lexicon).events;
        assert_eq!(events.len(), 1, "{events:#?}");
        assert_eq!(events[0].actors[0], "Kirill Dmitriev");
        assert_eq!(
            events[0].date.map(|d| d.to_string()).as_deref(),
            Some("2026-02-05")
        );
    }

    #[test]
    fn an_undated_event_takes_the_day_the_story_had_reached() {
        let lexicon = Lexicon::builtin().unwrap();
        let cases = [
            // The summit the article narrates was yesterday: so were the remarks.
            ("Putin met Trump in Alaska on Friday. Trump said the talks were productive.", Some("2025-08-15")),
            // A look back does not take the story back.
            ("Russian forces struck Kyiv on Saturday. The strike followed one on Thursday in Kharkiv. Zelensky said the pressure on Russia was insufficient.", Some("2025-08-16")),
            // A sentence is at its latest day, not at its background's.
            ("Hamas said on Saturday it accepted the proposal, as Israel struck Rafah on Friday. Netanyahu said the proposal fell short.", Some("2025-08-16")),
            // Before anything is dated, nothing to go by.
            ("Trump said the talks were productive. Putin met Trump in Alaska on Friday.", None),
            // A week back is background, not the story's day.
            ("Israel struck Damascus on April 8. Guterres said the region was on the brink.", None),
            // A plan ahead of publication is not where the story stands.
            ("Putin will meet Trump in Alaska on Monday. Trump said the talks would be productive.", None),
        ];
        for (text, day) in cases {
            let events = extract_document(&doc(text, "2025-08-16"), &lexicon).events;
            let statement = events
                .iter()
                .rfind(|e| e.kind == Kind::Statement && e.date.is_none());
            let statement = statement.unwrap_or_else(|| panic!("{text}: {events:#?}"));
            assert_eq!(
                statement.story_day.map(|d| d.to_string()).as_deref(),
                day,
                "{text}"
            );
        }
    }

    #[test]
    fn negated_and_hypothetical_events_are_dropped() {
        let lexicon = Lexicon::builtin().unwrap();
        for text in [
            "Putin did not meet Witkoff in Moscow.",
            "Talks in Doha could resume if Hamas agrees.",
        ] {
            let events = extract_document(&doc(text, "2025-01-01"), &lexicon).events;
            assert!(
                events.iter().all(|e| e.kind != Kind::Meeting),
                "{text}: {events:#?}"
            );
        }
    }

    #[test]
    fn commentary_is_not_an_event() {
        let lexicon = Lexicon::builtin().unwrap();
        let events = extract_document(
            &doc("Analysts note that the talks are difficult.", "2025-01-01"),
            &lexicon,
        )
        .events;
        assert!(events.is_empty(), "{events:#?}");
    }

    /// The first event of `kind` the text yields; the test fails if there is none.
    fn first_of_kind(text: &str, published: &str, kind: Kind, lexicon: &Lexicon) -> ExtractedEvent {
        let events = extract_document(&doc(text, published), lexicon).events;
        let found = events.iter().find(|e| e.kind == kind).cloned();
        found.unwrap_or_else(|| panic!("{text}: no {kind} in {events:#?}"))
    }

    #[test]
    fn who_reports_a_strike_is_not_its_target() {
        let lexicon = Lexicon::builtin().unwrap();
        for speaker in [
            "the Red Crescent",
            "the Gaza Health Ministry",
            "Gaza's health ministry",
        ] {
            let text = format!("An Israeli strike killed 71 people on Saturday, {speaker} said.");
            let strike = first_of_kind(&text, "2024-07-13", Kind::Strike, &lexicon);
            assert!(
                strike.counterparts.is_empty(),
                "{text}: {:?}",
                strike.counterparts
            );
        }
    }

    #[test]
    fn casualty_figures_go_to_their_strike() {
        let lexicon = Lexicon::builtin().unwrap();
        let cases = [
            ("Russian missiles struck Dnipro on Friday, killing at least seven people and wounding 40.", Some(7), Some(40)),
            ("Two people were killed and 12 injured when Russian drones hit Odesa.", Some(2), Some(12)),
            ("Israeli jets struck Rafah, where the death toll rose to 31.", Some(31), None),
            ("Russian forces shelled Kherson, injuring dozens.", None, None),
            ("Russian forces shelled Kherson in 2024.", None, None),
            // A strike word left out keeps its own figures.
            ("A rocket attack on a football pitch killed 12 people, hours after an Israeli airstrike on south Lebanon killed three fighters.", Some(3), None),
            // An article is a figure only right after the casualty word.
            ("Two Israeli embassy staffers were shot dead at a Jewish museum in Washington.", Some(2), None),
            ("Israeli strikes on Gaza killed a total of 30 people.", Some(30), None),
            ("Russian missiles killed at least a dozen people in Kharkiv.", Some(12), None),
            ("Israeli strikes killed a Hamas commander in Gaza.", Some(1), None),
            ("Five members of one family were killed in an Israeli strike on Gaza.", None, None),
            ("Two days after soldiers were killed in Gaza, Israel struck Rafah.", None, None),
            ("A gunman opened fire in Bogota, and the senator was shot and wounded at a rally.", None, Some(1)),
        ];
        for (text, killed, injured) in cases {
            let strike = first_of_kind(text, "2025-06-29", Kind::Strike, &lexicon);
            assert_eq!((strike.killed, strike.injured), (killed, injured), "{text}");
        }
    }

    #[test]
    fn he_is_not_a_woman_named_last() {
        let lexicon = Lexicon::builtin().unwrap();
        let text = "Secretary of State Marco Rubio condemned the attack on Thursday. \
                    Police chief Pamela Smith said the suspect acted alone. \
                    He said the killings were a brazen act of antisemitism.";
        let events = extract_document(&doc(text, "2025-05-22"), &lexicon).events;
        let by = |who: &str| {
            events
                .iter()
                .filter(|e| e.kind == Kind::Statement && e.actors.first().is_some_and(|a| a == who))
                .map(|e| e.evidence.len())
                .sum::<usize>()
        };
        assert_eq!(
            (by("Marco Rubio"), by("Pamela Smith")),
            (2, 1),
            "{events:#?}"
        );
        // "She" looks for a woman's name first.
        let text = "Foreign Minister Annalena Baerbock met Antony Blinken in Berlin on Monday. \
                    Blinken said the talks were useful. \
                    She said Putin must be held accountable.";
        let events = extract_document(&doc(text, "2024-03-05"), &lexicon).events;
        let by = |who: &str| {
            events
                .iter()
                .filter(|e| e.kind == Kind::Statement && e.actors.first().is_some_and(|a| a == who))
                .count()
        };
        assert_eq!(by("Annalena Baerbock"), 1, "{events:#?}");
    }

    #[test]
    fn later_mentions_resolve_to_the_person_introduced() {
        let lexicon = Lexicon::builtin().unwrap();
        let text =
            "US special envoy Tom Barrack met Lebanese President Joseph Aoun in Beirut on Monday. \
                    The envoy said on Tuesday that progress had been made. \
                    Barrack added that talks would continue.";
        let events = extract_document(&doc(text, "2025-07-09"), &lexicon).events;
        let statements: Vec<_> = events
            .iter()
            .filter(|e| e.kind == Kind::Statement)
            .collect();
        assert_eq!(
            statements.len(),
            1,
            "a continuation is the same statement: {events:#?}"
        );
        assert_eq!(statements[0].main_actor(), Some("Tom Barrack"));
        assert_eq!(statements[0].evidence.len(), 2);
        let meeting = events.iter().find(|e| e.kind == Kind::Meeting).unwrap();
        assert_eq!(meeting.counterparts, ["Joseph Aoun"]);
        assert_eq!(
            meeting.mode.as_deref(),
            Some("visit"),
            "a US envoy in Lebanon's capital"
        );
    }

    #[test]
    fn modes_and_cameo_codes_come_from_the_lexicon() {
        let lexicon = Lexicon::builtin().unwrap();
        let cases = [
            (
                "Macron spoke by phone with Zelensky on Monday.",
                Kind::Meeting,
                Some("phone"),
                "04",
            ),
            (
                "Hamas accused Israel on Monday of stalling.",
                Kind::Statement,
                Some("accuse"),
                "11",
            ),
            (
                "Israeli drones struck Rafah on Monday.",
                Kind::Strike,
                Some("drone"),
                "19",
            ),
            (
                "India and Pakistan agreed to a ceasefire on Monday.",
                Kind::Agreement,
                Some("ceasefire"),
                "08",
            ),
            (
                "Putin said on Monday that he was ready.",
                Kind::Statement,
                None,
                "01",
            ),
        ];
        for (text, kind, mode, cameo) in cases {
            let event = first_of_kind(text, "2025-05-13", kind, &lexicon);
            assert_eq!(
                (event.mode.as_deref(), event.cameo.as_str()),
                (mode, cameo),
                "{text}"
            );
        }
    }

    #[test]
    fn summaries_say_only_what_was_extracted() {
        let lexicon = Lexicon::builtin().unwrap();
        let cases = [
            (
                "On Sunday, Russian forces fired a ballistic missile at Kyiv, killing one person.",
                "Russian missile strike on Kyiv kills 1",
            ),
            (
                "Putin will meet Witkoff in Moscow on Tuesday.",
                "Vladimir Putin to meet Steve Witkoff in Moscow",
            ),
            (
                "Hamas accused Israel on Monday of stalling.",
                "Hamas accuses Israel of stalling",
            ),
            (
                "EU foreign policy chief Kaja Kallas warned on Monday that Moscow's approach appears focused on extracting concessions.",
                "Kaja Kallas warns Moscow's approach appears focused on extracting concessions",
            ),
            (
                "Talks will resume next week, Peskov said.",
                "Dmitry Peskov says Talks will resume next week",
            ),
            // Many people take a plural verb; a state named in the plural does not.
            (
                "The Houthis said on Monday that they would stop attacking ships.",
                "Houthis say they would stop attacking ships",
            ),
            (
                "Serb gunmen denied the accusation on Monday.",
                "Serb gunmen deny the accusation",
            ),
            (
                "The Philippines accused China on Monday of ramming its ships.",
                "Philippines accuses China of ramming its ships",
            ),
        ];
        for (text, summary) in cases {
            let events = extract_document(&doc(text, "2025-04-07"), &lexicon).events;
            assert!(
                events.iter().any(|e| e.summary == summary),
                "{text}: {events:#?}"
            );
        }
    }

    #[test]
    fn one_event_reported_twice_in_an_article_is_one_event() {
        let lexicon = Lexicon::builtin().unwrap();
        let text = "Russian forces launched a missile attack on Kharkiv. On Sunday, Russian forces launched a missile strike on Kharkiv.";
        let events = extract_document(&doc(text, "2025-04-06"), &lexicon).events;
        assert_eq!(events.len(), 1, "{events:#?}");
        assert_eq!(events[0].evidence.len(), 2);
        assert_eq!(
            events[0].date.map(|d| d.to_string()).as_deref(),
            Some("2025-04-06")
        );
    }
}
