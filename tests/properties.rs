//! Ordering and identity invariants: over shuffled inputs, random constraint
//! networks and generated corpora.

use std::path::PathBuf;

use dateline::graph::stn::{self, Constraint, Target};
use dateline::model::{Event, Timeline};
use dateline::synthetic::{corpus, Shape};
use proptest::prelude::*;

fn seed_files() -> Vec<PathBuf> {
    let data = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("data");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&data)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    files.sort();
    files
}

fn yaml_of(paths: &[PathBuf]) -> String {
    let (timeline, _) = dateline::build(paths, None, 2026).unwrap();
    dateline::export::yaml::to_yaml(&timeline)
}

/// Fisher-Yates with a simple generator, so that proptest shrinks the seed.
fn shuffle<T>(items: &mut [T], seed: u64) {
    let mut state = seed | 1;
    for i in (1..items.len()).rev() {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        items.swap(i, (state % (i as u64 + 1)) as usize);
    }
}

fn constraint() -> impl Strategy<Value = Constraint> {
    let day = 0i64..40;
    prop_oneof![
        (
            0usize..8,
            proptest::option::of(day.clone()),
            proptest::option::of(day)
        )
            .prop_map(|(node, lo, hi)| Constraint::Within { node, lo, hi }),
        (0usize..8, 0usize..8, 0i64..4, proptest::option::of(0i64..6)).prop_map(
            |(earlier, later, min, extra)| Constraint::Gap {
                earlier,
                later,
                min,
                max: extra.map(|e| min + e),
            }
        ),
    ]
}

fn holds(constraint: &Constraint, placed: &[Option<i64>]) -> bool {
    match *constraint {
        Constraint::Within { node, lo, hi } => {
            placed[node].is_none_or(|x| lo.is_none_or(|lo| x >= lo) && hi.is_none_or(|hi| x <= hi))
        }
        Constraint::Gap {
            earlier,
            later,
            min,
            max,
        } => match (placed[earlier], placed[later]) {
            (Some(a), Some(b)) => b - a >= min && max.is_none_or(|max| b - a <= max),
            _ => true,
        },
    }
}

/// Where an event sits on the calendar: its date, else its bounds.
fn span(event: &Event) -> (Option<chrono::NaiveDate>, Option<chrono::NaiveDate>) {
    match event.date.and_then(|d| d.bounds()) {
        Some((a, b)) => (Some(a), Some(b)),
        None => (event.earliest, event.latest),
    }
}

/// The order respects every link the text gives (unless a conflict set it aside)
/// and never puts an event before one that ends before it starts.
fn assert_ordered(timeline: &Timeline) -> Result<(), TestCaseError> {
    let position = |id: &str| timeline.events.iter().position(|e| e.id == id);
    for (i, event) in timeline.events.iter().enumerate() {
        for link in &event.links {
            let set_aside = timeline
                .conflicts
                .iter()
                .any(|c| c.set_aside.starts_with(&event.id) && c.set_aside.contains(&link.event));
            if !set_aside {
                let before = position(&link.event);
                prop_assert!(
                    before.is_some_and(|b| b < i),
                    "{} after {}",
                    event.id,
                    link.event
                );
            }
        }
        for before in &event.after {
            prop_assert!(position(before).is_some_and(|b| b < i));
        }
    }
    for (i, a) in timeline.events.iter().enumerate() {
        for b in &timeline.events[i + 1..] {
            if let ((Some(a_start), _), (_, Some(b_end))) = (span(a), span(b)) {
                prop_assert!(b_end >= a_start, "{} placed after {}", b.id, a.id);
            }
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(12))]

    /// Shuffling the input changes nothing.
    #[test]
    fn input_order_does_not_change_the_output(seed in any::<u64>()) {
        let files = seed_files();
        let mut shuffled = files.clone();
        shuffle(&mut shuffled, seed);
        prop_assert_eq!(yaml_of(&files), yaml_of(&shuffled));
    }

    /// Same for a generated corpus handed to the graph in any order.
    #[test]
    fn article_order_does_not_change_the_graph(seed in any::<u64>(), events in 20usize..200) {
        let (documents, extracted) = corpus(&Shape::news(events, seed));
        let reference = dateline::graph::build_timeline("t".into(), &documents, extracted.clone());
        let mut pairs: Vec<_> = documents.into_iter().zip(extracted).collect();
        shuffle(&mut pairs, seed ^ 0x5eed);
        let (documents, extracted): (Vec<_>, Vec<_>) = pairs.into_iter().unzip();
        let shuffled = dateline::graph::build_timeline("t".into(), &documents, extracted);
        prop_assert_eq!(
            dateline::export::yaml::to_yaml(&reference),
            dateline::export::yaml::to_yaml(&shuffled)
        );
    }

    /// The solution satisfies every constraint still in force, sits within its own
    /// bounds, and what was set aside is exactly what the clashes name; the order
    /// keeps every gap's earlier event first.
    #[test]
    fn network_solution_satisfies_every_constraint_in_force(
        constraints in proptest::collection::vec(constraint(), 0..24),
        strengths in proptest::collection::vec(1u8..5, 24),
    ) {
        let nodes = 8;
        let strength = &strengths[..constraints.len()];
        let solution = stn::solve(nodes, &constraints, strength, &[Target::Latest; 8]);
        for (c, constraint) in constraints.iter().enumerate() {
            let set_aside = solution.clashes.iter().any(|k| k.set_aside == c);
            prop_assert_eq!(solution.in_force[c], !set_aside);
            if solution.in_force[c] {
                prop_assert!(holds(constraint, &solution.placed), "{constraint:?} {solution:?}");
            }
        }
        for v in 0..nodes {
            if let Some(x) = solution.placed[v] {
                prop_assert!(solution.earliest[v].is_none_or(|lo| lo <= x));
                prop_assert!(solution.latest[v].is_none_or(|hi| x <= hi));
            }
        }
        for clash in &solution.clashes {
            prop_assert!(clash.constraints.contains(&clash.set_aside));
        }
        let keys: Vec<usize> = (0..nodes).collect();
        let order = stn::order(&solution, &constraints, &keys);
        let mut sorted = order.clone();
        sorted.sort_unstable();
        prop_assert_eq!(sorted, keys);
        let position = |v: usize| order.iter().position(|&o| o == v).unwrap_or(usize::MAX);
        for (c, constraint) in constraints.iter().enumerate() {
            if let Constraint::Gap { earlier, later, min, .. } = *constraint {
                // Strict gaps are kept by the days; same-day ones by the order,
                // unless "after"s on one day form a loop.
                let placed = (solution.placed[earlier], solution.placed[later]);
                if solution.in_force[c] && earlier != later && min > 0 {
                    if let (Some(_), Some(_)) = placed {
                        prop_assert!(position(earlier) < position(later));
                    }
                }
            }
        }
    }

    /// On generated corpora, with merges, cues and contradictions, the timeline's
    /// order respects links, `after` and dates.
    #[test]
    fn generated_timelines_are_ordered(seed in any::<u64>(), events in 20usize..300) {
        let (documents, extracted) = corpus(&Shape::news(events, seed));
        let timeline = dateline::graph::build_timeline("t".into(), &documents, extracted);
        assert_ordered(&timeline)?;
    }

    /// Reviews on a generated corpus (verdicts, rejections, dates moved by a few
    /// days) all land on their events, reviewed dates are the events' dates, the
    /// order still holds, and rebuilding the result over itself changes no byte.
    #[test]
    fn reviewed_timelines_keep_every_review_and_are_fixed_points(
        seed in any::<u64>(),
        events in 20usize..150,
        picks in proptest::collection::vec((0u8..4, -3i64..4), 150),
    ) {
        use dateline::model::Review;
        use dateline::temporal::When;
        let (documents, extracted) = corpus(&Shape::news(events, seed));
        let mut previous = dateline::graph::build_timeline("t".into(), &documents, extracted.clone());
        let mut expected: Vec<(String, Review)> = Vec::new();
        for (event, &(what, shift)) in previous.events.iter_mut().zip(&picks) {
            let review = match what {
                0 => continue,
                1 => Review { verified: Some(true), note: Some("checked".into()), ..Review::default() },
                2 => Review { rejected: true, reason: Some("misread".into()), ..Review::default() },
                _ => {
                    let Some(day) = event.date.and_then(|d| d.start()) else { continue };
                    let moved = day.checked_add_signed(chrono::Duration::days(shift)).unwrap();
                    Review { date: Some(Some(When::Day(moved))), ..Review::default() }
                }
            };
            event.review = Some(review.clone());
            expected.push((event.id.clone(), review));
        }
        let (first, carried) = dateline::graph::build_reviewed_timeline(
            "t".into(), &documents, extracted.clone(), Some(previous),
        );
        prop_assert!(carried.is_empty(), "{carried:?}");
        for (id, review) in &expected {
            let event = first.events.iter().find(|e| &e.id == id).expect("reviewed event kept");
            prop_assert_eq!(event.review.as_ref(), Some(review));
            if let Some(date) = review.date {
                prop_assert_eq!(event.date, date);
            }
        }
        let visible = Timeline {
            events: first.events.iter().filter(|e| !e.is_rejected()).cloned().collect(),
            ..first.clone()
        };
        assert_ordered(&visible)?;
        let (second, _) = dateline::graph::build_reviewed_timeline(
            "t".into(), &documents, extracted, Some(first.clone()),
        );
        prop_assert_eq!(
            dateline::export::yaml::to_yaml(&first),
            dateline::export::yaml::to_yaml(&second)
        );
    }

    /// Adding an unrelated article renames nothing that was there.
    #[test]
    fn unrelated_articles_change_no_id(seed in any::<u64>(), events in 20usize..200) {
        let (mut documents, mut extracted) = corpus(&Shape::news(events, seed));
        let before = dateline::graph::build_timeline("t".into(), &documents, extracted.clone());
        let mut other = Shape::news(40, seed ^ 1);
        other.actor_prefix = "Unrelated".into();
        let (more_documents, more_extracted) = corpus(&other);
        for mut document in more_documents {
            document.name = format!("other-{}", document.name);
            documents.push(document);
        }
        extracted.extend(more_extracted);
        let after = dateline::graph::build_timeline("t".into(), &documents, extracted);
        for event in &before.events {
            prop_assert!(after.events.iter().any(|e| e.id == event.id), "{} renamed", event.id);
        }
    }
}

/// The seeds' timeline keeps every link and date in order.
#[test]
fn seed_order_respects_links_and_dates() {
    let (timeline, _) = dateline::build(&seed_files(), None, 2026).unwrap();
    assert_ordered(&timeline).unwrap();
}

/// Adding an unrelated article renames nothing that was there.
#[test]
fn adding_an_article_keeps_existing_ids() {
    let files = seed_files();
    // 000, 001 and 003 share no event with 002 or 004.
    let subset: Vec<PathBuf> = files
        .iter()
        .filter(|p| !p.to_string_lossy().contains("002_") && !p.to_string_lossy().contains("004_"))
        .cloned()
        .collect();
    let (small, _) = dateline::build(&subset, None, 2026).unwrap();
    let (full, _) = dateline::build(&files, None, 2026).unwrap();
    for event in &small.events {
        assert!(
            full.events.iter().any(|e| e.id == event.id),
            "{} was renamed when articles were added",
            event.id
        );
    }
}

/// Words that start, continue or end temporal rules, with the punctuation and
/// numbers around them: random sentences of these reach deep into the rule set.
const TEMPORAL_WORDS: &[&str] = &[
    "the",
    "a",
    "an",
    "of",
    "and",
    "in",
    "on",
    "since",
    "by",
    "due",
    "within",
    "over",
    "last",
    "next",
    "this",
    "coming",
    "upcoming",
    "after",
    "before",
    "ago",
    "later",
    "earlier",
    "that",
    "same",
    "day",
    "days",
    "week",
    "weeks",
    "month",
    "year",
    "years",
    "quarter",
    "century",
    "decade",
    "half",
    "first",
    "second",
    "third",
    "20th",
    "1st",
    "March",
    "march",
    "May",
    "may",
    "Oct.",
    "Jan",
    "June",
    "Wednesday",
    "Sat",
    "sun",
    "night",
    "morning",
    "every",
    "each",
    "nightly",
    "annually",
    "daily",
    "summer",
    "Summer",
    "fall",
    "Palace",
    "nineties",
    "80s",
    "1990s",
    "'",
    "s",
    "1/2",
    "1",
    "/",
    "2",
    "200",
    "000",
    "3",
    "7",
    "15",
    "24",
    "1994",
    "1995",
    "2025",
    "$",
    "million",
    "%",
    "-",
    ",",
    ".",
    ";",
    ":",
    "long",
    "more",
    "additional",
    "attack",
    "deadline",
    "year-end",
    "end",
    "full",
    "twenty",
    "nineteen",
    "ninety-six",
    "two",
    "thousand",
    "hours",
    "p.m.",
    "a.m.",
    "noon",
    "midnight",
    "EST",
    "Easter",
    "Christmas",
    "today",
    "tomorrow",
    "yesterday",
    "now",
    "recent",
    "current",
    "said",
    "will",
    "announced",
    "plans",
    "was",
    "were",
    "unspecified",
    "killed",
    "é",
    "日本",
    "\u{2019}",
];

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    /// Any run of temporal words, any publication date: tagging never panics, every
    /// expression lies on character boundaries inside the text, in order, and the
    /// TimeML written from them gives the text back byte for byte.
    #[test]
    fn tagging_any_word_salad_is_safe(
        words in proptest::collection::vec(proptest::sample::select(TEMPORAL_WORDS), 0..40),
        glue in proptest::collection::vec(proptest::sample::select(&[" ", " ", "", "\n"][..]), 40),
        days in 0i64..60_000,
    ) {
        let text: String = words
            .iter()
            .zip(glue.iter().cycle())
            .flat_map(|(w, g)| [*w, *g])
            .collect();
        let anchor = chrono::NaiveDate::from_ymd_opt(1900, 1, 1).unwrap()
            + chrono::Duration::days(days);
        let lexicon = dateline::Lexicon::builtin().unwrap();
        let found = dateline::temporal::tag_text(&text, anchor, &lexicon.temporal);
        let mut previous_end = 0;
        for timex in &found {
            prop_assert!(timex.start < timex.end && timex.end <= text.len());
            prop_assert!(text.is_char_boundary(timex.start) && text.is_char_boundary(timex.end));
            prop_assert!(timex.start >= previous_end, "overlapping expressions in {text:?}");
            previous_end = timex.end;
        }
        let written = dateline::timeml::write("salad", Some(anchor), &text, &found);
        let reread = dateline::timeml::read(&written).unwrap();
        prop_assert_eq!(reread.text, text);
    }
}
