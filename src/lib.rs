//! dateline: news articles about diplomacy and war in, a timeline out.
//!
//! The pipeline, one module per stage, data flowing one way:
//! [`document`] (articles and their publication dates) → [`temporal`] (dates in the
//! text) → [`extract`] (events per article) → [`graph`] (merge, order, link) →
//! [`export`] (YAML, DOT). [`lexicon`] holds the word lists all stages read, as data.
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
pub mod lexicon;
pub mod model;
#[doc(hidden)]
pub mod synthetic;
pub mod temporal;
pub mod text;
pub mod timeml;

use std::path::PathBuf;

pub use error::{Error, Result, Warning};
pub use lexicon::Lexicon;
pub use model::Timeline;

/// Read the articles under `paths` and build their timeline. `this_year` bounds the
/// year inferred for a dateline without one (the binary passes the current year).
pub fn build(
    paths: &[PathBuf],
    title: Option<String>,
    this_year: i32,
) -> Result<(Timeline, Vec<Warning>)> {
    let lexicon = Lexicon::builtin()?;
    let (documents, warnings) = document::collect(paths, &lexicon, this_year)?;
    let extracted: Vec<_> = documents
        .iter()
        .map(|doc| extract::extract_document(doc, &lexicon))
        .collect();
    let title = title.unwrap_or_else(|| {
        let n = documents.len();
        format!("Timeline of {n} article{}", if n == 1 { "" } else { "s" })
    });
    let timeline = graph::build_timeline(title, &documents, extracted);
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
    Ok((timeline, warnings))
}
