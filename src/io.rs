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
    // A device or a pipe reports no size and may never end (`/dev/zero`, a FIFO).
    if !meta.is_file() {
        return Err(Error::invalid(
            path,
            "is not a regular file (a device, a pipe or a socket)",
        ));
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
    // Read at most one byte past the limit: a file that grew since it was measured
    // is refused too, without reading all of it.
    let mut bytes = Vec::new();
    fs::File::open(path)
        .and_then(|file| {
            use std::io::Read;
            file.take(MAX_INPUT_BYTES + 1).read_to_end(&mut bytes)
        })
        .map_err(|e| Error::read(path, e))?;
    if bytes.len() as u64 > MAX_INPUT_BYTES {
        return Err(Error::invalid(
            path,
            format!("is over {MAX_INPUT_BYTES} bytes; larger files are refused"),
        ));
    }
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

/// Read a YAML input (a manifest, a timeline, a gazetteer) as [`read_text`] does,
/// without the byte-order mark some editors put first: YAML allows it, and the
/// parser would otherwise report a confusing error on the next line.
pub fn read_yaml_text(path: &Path) -> Result<String> {
    let text = read_text(path)?;
    Ok(match text.strip_prefix('\u{feff}') {
        Some(rest) => rest.to_string(),
        None => text,
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
    let _pending = Pending::register(temp.path());
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

/// Temporary outputs being written: what an interrupt must remove, since a signal
/// ends the process without running destructors.
static PENDING: std::sync::Mutex<Vec<std::path::PathBuf>> = std::sync::Mutex::new(Vec::new());

/// A temporary output registered while it is written.
struct Pending(std::path::PathBuf);

impl Pending {
    fn register(path: &Path) -> Pending {
        if let Ok(mut pending) = PENDING.lock() {
            pending.push(path.to_path_buf());
        }
        Pending(path.to_path_buf())
    }
}

impl Drop for Pending {
    fn drop(&mut self) {
        if let Ok(mut pending) = PENDING.lock() {
            pending.retain(|p| p != &self.0);
        }
    }
}

/// Remove the temporary outputs being written (on SIGINT or SIGTERM, before exit).
pub fn remove_pending_outputs() {
    if let Ok(pending) = PENDING.lock() {
        for path in pending.iter() {
            let _ = fs::remove_file(path);
        }
    }
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

/// Nodes a YAML input may expand to beyond one per byte of its text. Without
/// aliases a document has fewer nodes than bytes; an alias repeats what its anchor
/// holds, and a 100 KB file of 20,000 aliases to a list of 20,000 items expands to
/// 400 million nodes (several GB). None of dateline's inputs needs aliases, so the
/// budget is the text's length plus this slack.
const YAML_NODE_SLACK: usize = 100_000;

/// Parse user-given YAML (`path`; its text may sit `line_offset` lines into the
/// file, as front matter does) into `T`, within a budget of expanded nodes, so that
/// an alias bomb is an error naming the file rather than gigabytes of memory.
/// (Nesting depth is bounded by the parser: 128 levels.)
pub fn parse_yaml<T: serde::de::DeserializeOwned>(
    path: &Path,
    text: &str,
    line_offset: usize,
) -> Result<T> {
    yaml_within_budget(path, text)?;
    serde_yaml::from_str(text).map_err(|e| Error::yaml(path, &e, line_offset))
}

/// Whether YAML text expands to at most its length plus [`YAML_NODE_SLACK`] nodes,
/// walked without being kept. Malformed YAML passes: the parse that follows names
/// the problem better (the walk and the parse read the same events, so the parse
/// expands no more than the walk did before the error).
pub fn yaml_within_budget(path: &Path, text: &str) -> Result<()> {
    let budget = text.len() + YAML_NODE_SLACK;
    for document in serde_yaml::Deserializer::from_str(text) {
        let mut counter = NodeBudget { left: budget };
        if serde::de::DeserializeSeed::deserialize(&mut counter, document).is_err() {
            if counter.left == 0 {
                return Err(Error::invalid(
                    path,
                    format!(
                        "expands to more than {budget} YAML nodes (aliases repeating an anchor); refused"
                    ),
                ));
            }
            break;
        }
    }
    Ok(())
}

/// Walks a YAML document without keeping it, counting nodes down to zero.
struct NodeBudget {
    left: usize,
}

impl NodeBudget {
    fn take<E: serde::de::Error>(&mut self) -> std::result::Result<(), E> {
        match self.left.checked_sub(1) {
            Some(left) => {
                self.left = left;
                Ok(())
            }
            None => Err(E::custom("YAML node budget exhausted")),
        }
    }
}

impl<'de> serde::de::DeserializeSeed<'de> for &mut NodeBudget {
    type Value = ();

    fn deserialize<D: serde::Deserializer<'de>>(
        self,
        deserializer: D,
    ) -> std::result::Result<(), D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> serde::de::Visitor<'de> for &mut NodeBudget {
    type Value = ();

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("any YAML")
    }

    fn visit_bool<E: serde::de::Error>(self, _: bool) -> std::result::Result<(), E> {
        self.take()
    }

    fn visit_i64<E: serde::de::Error>(self, _: i64) -> std::result::Result<(), E> {
        self.take()
    }

    fn visit_u64<E: serde::de::Error>(self, _: u64) -> std::result::Result<(), E> {
        self.take()
    }

    fn visit_f64<E: serde::de::Error>(self, _: f64) -> std::result::Result<(), E> {
        self.take()
    }

    fn visit_str<E: serde::de::Error>(self, _: &str) -> std::result::Result<(), E> {
        self.take()
    }

    fn visit_unit<E: serde::de::Error>(self) -> std::result::Result<(), E> {
        self.take()
    }

    fn visit_none<E: serde::de::Error>(self) -> std::result::Result<(), E> {
        self.take()
    }

    fn visit_some<D: serde::Deserializer<'de>>(
        self,
        deserializer: D,
    ) -> std::result::Result<(), D::Error> {
        deserializer.deserialize_any(self)
    }

    fn visit_newtype_struct<D: serde::Deserializer<'de>>(
        self,
        deserializer: D,
    ) -> std::result::Result<(), D::Error> {
        deserializer.deserialize_any(self)
    }

    fn visit_seq<A: serde::de::SeqAccess<'de>>(
        self,
        mut seq: A,
    ) -> std::result::Result<(), A::Error> {
        self.take()?;
        while seq.next_element_seed(&mut *self)?.is_some() {}
        Ok(())
    }

    fn visit_map<A: serde::de::MapAccess<'de>>(
        self,
        mut map: A,
    ) -> std::result::Result<(), A::Error> {
        self.take()?;
        while map.next_key_seed(&mut *self)?.is_some() {
            map.next_value_seed(&mut *self)?;
        }
        Ok(())
    }

    fn visit_enum<A: serde::de::EnumAccess<'de>>(
        self,
        data: A,
    ) -> std::result::Result<(), A::Error> {
        use serde::de::VariantAccess;
        self.take()?;
        let ((), variant) = data.variant_seed(&mut *self)?;
        variant.newtype_variant_seed(&mut *self)
    }
}

/// Parse a lexicon compiled into the binary; an error there is a bug in dateline, not
/// in the user's input, so it names the lexicon rather than a path.
pub(crate) fn parse_builtin_yaml<'de, T: Deserialize<'de>>(
    name: &str,
    text: &'de str,
) -> Result<T> {
    let refused = |e: serde_yaml::Error| Error::Lexicon {
        name: name.to_string(),
        reason: e.to_string(),
    };
    // A map read straight into a struct or a BTreeMap keeps the last of a key given
    // twice; read as a YAML value first, a key given twice is an error, so an entry
    // added to a lexicon never silently replaces another.
    serde_yaml::from_str::<serde_yaml::Value>(text).map_err(refused)?;
    serde_yaml::from_str(text).map_err(refused)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_built_in_lexicon_with_a_key_twice_is_refused() {
        let twice = parse_builtin_yaml::<std::collections::BTreeMap<String, String>>(
            "events.yaml",
            "{said: says, withdrawing: withdraws, withdrawing: pulls out}",
        );
        let message = twice.expect_err("a key given twice").to_string();
        assert!(
            message.contains("events.yaml") && message.contains("withdrawing"),
            "{message}"
        );
        let nested = parse_builtin_yaml::<serde_yaml::Value>(
            "events.yaml",
            "kinds:\n  meeting: {verbs: [met]}\n  meeting: {verbs: [talked]}\n",
        );
        assert!(nested.is_err());
    }

    #[test]
    fn an_interrupt_removes_the_temporary_output_being_written() {
        let dir = tempfile::tempdir().unwrap();
        let temp = dir.path().join(".out.yaml.abc.tmp");
        fs::write(&temp, "half").unwrap();
        let pending = Pending::register(&temp);
        remove_pending_outputs();
        assert!(!temp.exists());
        drop(pending);
        // Once written and renamed, nothing is pending.
        fs::write(&temp, "another").unwrap();
        remove_pending_outputs();
        assert!(temp.exists());
    }
}
