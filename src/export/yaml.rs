//! Timeline YAML, format v1 (see README).

use std::path::Path;

use crate::error::{Error, Result};
use crate::io::read_yaml_text;
use crate::model::Timeline;

pub fn to_yaml(timeline: &Timeline) -> String {
    let body = serde_yaml::to_string(timeline)
        .unwrap_or_else(|e| format!("# cannot serialise timeline: {e}\n"));
    format!("# dateline timeline, format v1. Built by `dateline build`; review changes with `git diff`.\n{body}")
}

/// Read a timeline YAML (which a reviewer may have edited).
pub fn read_timeline(path: &Path) -> Result<Timeline> {
    let text = read_yaml_text(path)?;
    // An article or another YAML file given by mistake: say what it is not, rather
    // than quote it back in a parser error.
    // (Malformed YAML is left to the typed parse below, which names the line.)
    let not_a_timeline = serde_yaml::from_str::<serde_yaml::Value>(&text).is_ok_and(|value| {
        !value
            .get("events")
            .is_some_and(serde_yaml::Value::is_sequence)
    });
    if not_a_timeline {
        return Err(Error::invalid(
            path,
            "is not a dateline timeline (no `events:` list)",
        ));
    }
    serde_yaml::from_str(&text).map_err(|e| Error::yaml(path, &e, 0))
}
