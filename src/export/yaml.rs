//! Timeline YAML, format v1 (see README).

use std::path::Path;

use crate::error::{Error, Result};
use crate::io::read_text;
use crate::model::Timeline;

pub fn to_yaml(timeline: &Timeline) -> String {
    let body = serde_yaml::to_string(timeline)
        .unwrap_or_else(|e| format!("# cannot serialise timeline: {e}\n"));
    format!("# dateline timeline, format v1. Built by `dateline build`; review changes with `git diff`.\n{body}")
}

/// Read a timeline YAML (which a reviewer may have edited).
pub fn read_timeline(path: &Path) -> Result<Timeline> {
    let text = read_text(path)?;
    serde_yaml::from_str(&text).map_err(|e| Error::yaml(path, &e, 0))
}
