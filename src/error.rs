//! One error type for the whole library. Each variant names the file it is about
//! (and the line where there is one) so the binary can print a single clear message,
//! and each maps to a documented exit code.

use std::path::{Path, PathBuf};

/// Exit codes of the `dateline` binary (documented in the README and `--help`).
pub mod exit_code {
    /// Success.
    pub const OK: u8 = 0;
    /// `build --check`: the file is not what a rebuild would write (`diff
    /// --exit-code`: the timelines differ).
    pub const DIFFERS: u8 = 1;
    /// Unexpected internal failure (a bug: please report it); EX_SOFTWARE of
    /// sysexits.h, so that it is never taken for a difference.
    pub const INTERNAL: u8 = 70;
    /// The command line is wrong (clap's own code for usage errors).
    pub const USAGE: u8 = 2;
    /// An input path is missing or cannot be read.
    pub const UNREADABLE: u8 = 3;
    /// An input was read but is not usable: empty, binary, not UTF-8, too large,
    /// malformed YAML, manifest or front matter.
    pub const INVALID: u8 = 4;
    /// An output file could not be written.
    pub const OUTPUT: u8 = 5;
    /// Interrupted (SIGINT or SIGTERM); a temporary output was removed.
    pub const INTERRUPTED: i32 = 130;
}

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("{}: cannot read: {source}", path.display())]
    Unreadable {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },

    #[error("{}: no such file or directory", path.display())]
    Missing { path: PathBuf },

    #[error("{}: {reason}", path.display())]
    InvalidDocument { path: PathBuf, reason: String },

    #[error("{}:{line}: {reason}", path.display())]
    InvalidAt {
        path: PathBuf,
        line: usize,
        reason: String,
    },

    #[error("{}: no article files (*.txt, *.md) found", path.display())]
    NoDocuments { path: PathBuf },

    #[error("{name}: two input documents have this name ({} and {})", first.display(), second.display())]
    DuplicateDocument {
        name: String,
        first: PathBuf,
        second: PathBuf,
    },

    #[error("built-in lexicon {name}: {reason}")]
    Lexicon { name: String, reason: String },

    #[error("{}: cannot write: {source}", path.display())]
    Output {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },

    #[error("{0}")]
    Usage(String),

    /// `build --check` found the file out of date, or `diff --exit-code` a difference.
    #[error("{}: {summary}", path.display())]
    Differs { path: PathBuf, summary: String },

    #[error("internal error: {0}")]
    Internal(String),
}

impl Error {
    pub fn exit_code(&self) -> u8 {
        match self {
            Error::Unreadable { .. } | Error::Missing { .. } => exit_code::UNREADABLE,
            Error::InvalidDocument { .. }
            | Error::InvalidAt { .. }
            | Error::NoDocuments { .. }
            | Error::DuplicateDocument { .. } => exit_code::INVALID,
            Error::Lexicon { .. } | Error::Internal(_) => exit_code::INTERNAL,
            Error::Output { .. } => exit_code::OUTPUT,
            Error::Usage(_) => exit_code::USAGE,
            Error::Differs { .. } => exit_code::DIFFERS,
        }
    }

    pub(crate) fn invalid(path: &Path, reason: impl Into<String>) -> Self {
        Error::InvalidDocument {
            path: path.to_path_buf(),
            reason: reason.into(),
        }
    }

    pub(crate) fn read(path: &Path, source: std::io::Error) -> Self {
        if source.kind() == std::io::ErrorKind::NotFound {
            Error::Missing {
                path: path.to_path_buf(),
            }
        } else {
            Error::Unreadable {
                path: path.to_path_buf(),
                source,
            }
        }
    }

    /// A YAML error inside `path`, with the line where the parser stopped.
    /// `line_offset` is added when the YAML sits inside a larger file (front matter).
    pub(crate) fn yaml(path: &Path, err: &serde_yaml::Error, line_offset: usize) -> Self {
        let reason = strip_location(&err.to_string());
        match err.location() {
            Some(loc) => Error::InvalidAt {
                path: path.to_path_buf(),
                line: loc.line() + line_offset,
                reason,
            },
            None => Error::invalid(path, reason),
        }
    }
}

/// serde_yaml appends " at line L column C" to its messages; we print the line ourselves.
fn strip_location(message: &str) -> String {
    match message.find(" at line ") {
        Some(i) => message[..i].to_string(),
        None => message.to_string(),
    }
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Something the user should hear about that does not stop the run.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Warning {
    pub path: PathBuf,
    pub message: String,
}

impl std::fmt::Display for Warning {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.path.display(), self.message)
    }
}
