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
/// The temporary file is created exclusively under an unpredictable name (a link
/// planted under a guessable one cannot redirect the write), and removed if the
/// write fails. An existing target keeps its permissions; it must be a regular file:
/// a device, a pipe or a symbolic link would be replaced by a file (or, followed,
/// would overwrite what it points to), so they are refused.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> Result<()> {
    let error = |source| Error::Output {
        path: path.to_path_buf(),
        source,
    };
    let existing = match fs::symlink_metadata(path) {
        Ok(meta) if meta.file_type().is_file() => Some(meta.permissions()),
        Ok(_) => {
            return Err(error(std::io::Error::other(
                "is not a regular file (a device, a pipe or a link); refusing to replace it",
            )))
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
        Err(e) => return Err(error(e)),
    };
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let name = path
        .file_name()
        .ok_or_else(|| error(std::io::Error::other("not a file name")))?;
    let mut temp = tempfile::Builder::new()
        .prefix(&format!(".{}.", name.to_string_lossy()))
        .suffix(".tmp")
        .tempfile_in(dir)
        .map_err(error)?;
    temp.write_all(bytes).map_err(error)?;
    if let Some(permissions) = existing {
        temp.as_file().set_permissions(permissions).map_err(error)?;
    } else {
        set_new_file_mode(temp.as_file()).map_err(error)?;
    }
    temp.as_file().sync_all().map_err(error)?;
    temp.persist(path).map_err(|e| error(e.error))?;
    Ok(())
}

/// A new output gets the mode a new file usually has (0644), not the 0600 of a
/// private temporary file.
#[cfg(unix)]
fn set_new_file_mode(file: &fs::File) -> std::io::Result<()> {
    use std::os::unix::fs::PermissionsExt;
    file.set_permissions(fs::Permissions::from_mode(NEW_FILE_MODE))
}

#[cfg(not(unix))]
fn set_new_file_mode(_file: &fs::File) -> std::io::Result<()> {
    Ok(())
}

#[cfg(unix)]
const NEW_FILE_MODE: u32 = 0o644;

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
