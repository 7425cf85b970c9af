//! dateline: news articles about diplomacy and war in, a timeline out.
//!
//! The pipeline, one module per stage, data flowing one way:
//! [`document`] (articles and their publication dates) → [`temporal`] (dates in the
//! text) → [`extract`] (events per article) → [`graph`] (merge, order, link) →
//! [`export`] (YAML, DOT). Below them all: [`text`] (tokens and sentences), [`io`]
//! (bounded reads, atomic writes), [`hash`], [`random`] and [`error`]; [`syntax`] (parts of speech
//! and dependency trees from a built-in model) serves the extractor. Each stage owns its word
//! lists as data (`src/temporal/lexicon/`, `src/extract/lexicon/`);
//! `tests/architecture.rs` keeps the imports one-way.
//!
//! Dates keep the precision the text gives them:
//!
//! ```
//! use dateline::temporal::When;
//!
//! let last_week: When = "2025-W51".parse().unwrap();
//! let (first, last) = last_week.bounds().unwrap();
//! assert_eq!((first.to_string(), last.to_string()), ("2025-12-15".into(), "2025-12-21".into()));
//! assert!("2025-13".parse::<When>().is_err());
//! ```

pub mod arguments;
pub mod cli;
pub mod document;
pub mod error;
pub mod export;
pub mod extract;
pub mod graph;
pub mod hash;
pub mod io;
pub mod model;
pub mod parallel;
pub mod random;
pub mod syntax;
#[doc(hidden)]
pub mod synthetic;
pub mod temporal;
pub mod text;
pub mod timeml;

use std::collections::BTreeMap;
use std::path::PathBuf;

pub use error::{Error, Result, Warning};
pub use extract::Lexicon;
pub use model::Timeline;

/// Read the articles under `paths` and build their timeline. `this_year` bounds the
/// year inferred for a dateline without one (the binary passes the current year).
pub fn build(
    paths: &[PathBuf],
    title: Option<String>,
    this_year: i32,
) -> Result<(Timeline, Vec<Warning>)> {
    build_with(
        paths,
        title,
        this_year,
        &Lexicon::builtin()?,
        document::Links::Skip,
    )
}

/// A timeline built over an earlier one: the warnings of the build and what became
/// of each review whose event was renamed.
#[derive(Debug)]
pub struct Built {
    pub timeline: Timeline,
    pub warnings: Vec<Warning>,
    pub carried: Vec<graph::Carried>,
}

/// The title a build makes up when none is given.
fn default_title(articles: usize) -> String {
    format!(
        "Timeline of {articles} article{}",
        if articles == 1 { "" } else { "s" }
    )
}

/// Whether a title is one [`build`] made up (so a rebuild may remake it).
pub fn is_default_title(title: &str) -> bool {
    title
        .strip_prefix("Timeline of ")
        .and_then(|rest| rest.split(' ').next())
        .and_then(|count| count.parse::<usize>().ok())
        .is_some_and(|count| default_title(count) == title)
}

/// [`build`] with the given lexicons (the built-in ones plus `--gazetteer` files),
/// following symbolic links inside folders or not.
pub fn build_with(
    paths: &[PathBuf],
    title: Option<String>,
    this_year: i32,
    lexicon: &Lexicon,
    links: document::Links,
) -> Result<(Timeline, Vec<Warning>)> {
    rebuild(paths, title, this_year, lexicon, links, None).map(|b| (b.timeline, b.warnings))
}

/// Build over `previous` (the file being replaced, if any): its reviews carried
/// over, and edits made to its builder's fields since it was built kept as review
/// overrides. That takes a first build to see what the builder gives now.
fn build_over(
    title: String,
    documents: &[document::Document],
    extracted: Vec<extract::Extraction>,
    previous: Option<export::yaml::Previous>,
) -> (Timeline, Vec<graph::Carried>) {
    match previous {
        Some(previous) if previous.edited_since_built => {
            let mut timeline = previous.timeline;
            let (built, _) = graph::build_reviewed_timeline(
                title.clone(),
                documents,
                extracted.clone(),
                Some(timeline.clone()),
            );
            let mut carried = graph::adopt_direct_edits(&mut timeline, &built);
            drop(built);
            let (rebuilt, moved) =
                graph::build_reviewed_timeline(title, documents, extracted, Some(timeline));
            carried.extend(moved);
            (rebuilt, carried)
        }
        previous => graph::build_reviewed_timeline(
            title,
            documents,
            extracted,
            previous.map(|p| p.timeline),
        ),
    }
}

/// [`build_with`] over `previous`, the timeline being replaced: its reviews are
/// carried over (see [`graph::build_reviewed_timeline`]).
pub fn rebuild(
    paths: &[PathBuf],
    title: Option<String>,
    this_year: i32,
    lexicon: &Lexicon,
    links: document::Links,
    previous: Option<export::yaml::Previous>,
) -> Result<Built> {
    let (documents, warnings) = document::collect(paths, &lexicon.temporal, this_year, links)?;
    let extracted = extract_all(&documents, lexicon);
    let title = title.unwrap_or_else(|| default_title(documents.len()));
    let (timeline, carried) = build_over(title, &documents, extracted, previous);
    let mut warnings = warnings;
    warnings.extend(timeline.conflicts.iter().map(|conflict| Warning {
        path: PathBuf::from(conflict.sources.first().map_or("", String::as_str)),
        message: format!(
            "conflicting constraints on {}: {}; set aside: {}",
            conflict.events.join(", "),
            conflict
                .constraints
                .iter()
                .map(|c| c.says.as_str())
                .collect::<Vec<_>>()
                .join("; "),
            conflict.set_aside
        ),
    }));
    Ok(Built {
        timeline,
        warnings,
        carried,
    })
}

/// Extract every article, on as many threads as the machine offers. Extraction is a
/// pure function of one article, so the result, in document order, is the same
/// whatever the thread count.
fn extract_all(documents: &[document::Document], lexicon: &Lexicon) -> Vec<extract::Extraction> {
    // Byte-identical copies (one wire story saved twice, a re-scraped page) with the
    // same publication date extract to the same events: extract each text once.
    let mut first_with: BTreeMap<(u64, usize, Option<chrono::NaiveDate>), Vec<usize>> =
        BTreeMap::new();
    let mut unique: Vec<usize> = Vec::with_capacity(documents.len());
    let mut copy_of: Vec<usize> = Vec::with_capacity(documents.len());
    for (i, doc) in documents.iter().enumerate() {
        let key = (
            hash::fnv1a_64(doc.text.bytes()),
            doc.body_start,
            doc.published,
        );
        let same = first_with.entry(key).or_default();
        match same.iter().find(|&&j| documents[j].text == doc.text) {
            Some(&j) => copy_of.push(copy_of[j]),
            None => {
                same.push(i);
                copy_of.push(unique.len());
                unique.push(i);
            }
        }
    }
    let unique_docs: Vec<&document::Document> = unique.iter().map(|&i| &documents[i]).collect();
    let mut extracted: Vec<Option<extract::Extraction>> = extract_each(&unique_docs, lexicon)
        .into_iter()
        .map(Some)
        .collect();
    let mut uses_left = vec![0usize; extracted.len()];
    for &u in &copy_of {
        uses_left[u] += 1;
    }
    copy_of
        .into_iter()
        .map(|u| {
            uses_left[u] -= 1;
            // The last use takes the extraction; earlier ones copy it.
            let extraction = if uses_left[u] == 0 {
                extracted[u].take()
            } else {
                extracted[u].clone()
            };
            extraction.unwrap_or_default()
        })
        .collect()
}

fn extract_each(documents: &[&document::Document], lexicon: &Lexicon) -> Vec<extract::Extraction> {
    parallel::map(documents, |doc| extract::extract_document(doc, lexicon))
}
