//! Files in and out, with the checks every reader shares: articles, manifests,
//! gazetteers and timelines are read as bounded UTF-8 text whose errors name the file
//! and line, and every output is written atomically.

use std::fs;
use std::io::Write;
use std::path::Path;

use serde::Deserialize;

use crate::error::{Error, Result};
use crate::text::line_of;

/// Input files larger than this are refused: news articles are a few kilobytes, so this
/// is a wrong file, not an article.
pub const MAX_INPUT_BYTES: u64 = 8 * 1024 * 1024;

/// Read an input file (an article, a manifest, a gazetteer, a timeline) as UTF-8 text,
/// refusing what cannot be one: too large, empty, binary, or not UTF-8. Every error
/// names the file (and line, for bad bytes).
pub fn read_text(path: &Path) -> Result<String> {
    let meta = fs::metadata(path).map_err(|e| Error::read(path, e))?;
    if meta.is_dir() {
        return Err(Error::invalid(path, "is a directory, expected a file"));
    }
    if meta.len() > MAX_INPUT_BYTES {
        return Err(Error::invalid(
            path,
            format!(
                "is {} bytes; files over {} bytes are refused",
                meta.len(),
                MAX_INPUT_BYTES
            ),
        ));
    }
    let bytes = fs::read(path).map_err(|e| Error::read(path, e))?;
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(Error::invalid(path, "is empty"));
    }
    if let Some(at) = bytes.iter().position(|&b| b == 0) {
        return Err(Error::InvalidAt {
            path: path.to_path_buf(),
            line: line_of(&bytes, at),
            reason: "looks binary (NUL byte); expected UTF-8 text".into(),
        });
    }
    String::from_utf8(bytes).map_err(|e| {
        let at = e.utf8_error().valid_up_to();
        Error::InvalidAt {
            path: path.to_path_buf(),
            line: line_of(e.as_bytes(), at),
            reason: format!("is not valid UTF-8 (byte offset {at})"),
        }
    })
}

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

/// Parse a lexicon compiled into the binary; an error there is a bug in dateline, not
/// in the user's input, so it names the lexicon rather than a path.
pub(crate) fn parse_builtin_yaml<'de, T: Deserialize<'de>>(
    name: &str,
    text: &'de str,
) -> Result<T> {
    serde_yaml::from_str(text).map_err(|e| Error::Lexicon {
        name: name.to_string(),
        reason: e.to_string(),
    })
}
