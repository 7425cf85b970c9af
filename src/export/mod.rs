//! Exports of a timeline: YAML (the reviewed, committed form) and Graphviz DOT.

pub mod dot;
pub mod yaml;

use std::fs;
use std::io::Write;
use std::path::Path;

use crate::error::{Error, Result};

/// Write `bytes` to `path` so that a reader never sees half a file and a failed run
/// never destroys the previous one: write a temporary file beside it, sync, rename.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> Result<()> {
    let error = |source| Error::Output {
        path: path.to_path_buf(),
        source,
    };
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let name = path
        .file_name()
        .ok_or_else(|| error(std::io::Error::other("not a file name")))?;
    let temp = dir.join(format!(
        ".{}.{}.tmp",
        name.to_string_lossy(),
        std::process::id()
    ));
    let result = (|| {
        let mut file = fs::File::create(&temp)?;
        file.write_all(bytes)?;
        file.sync_all()?;
        fs::rename(&temp, path)
    })();
    if result.is_err() {
        let _ = fs::remove_file(&temp);
    }
    result.map_err(error)
}
