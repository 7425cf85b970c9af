//! Helpers the integration tests share: the real binary, its output, and the peer
//! corpora beside the repository. Each test file uses some of them.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Run the `dateline` binary in the repository.
pub fn dateline(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_dateline"))
        .args(args)
        .current_dir(root())
        .output()
        .expect("run dateline")
}

pub fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).expect("utf-8 stdout")
}

pub fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// `part` of the peer corpora (`../shared/corpora`, or `$DATELINE_CORPORA`; `""` for
/// all of them). Without it the test says so and passes, except under CI=true, where
/// it must be there.
pub fn corpora(part: &str) -> Option<PathBuf> {
    let all = std::env::var_os("DATELINE_CORPORA").map_or_else(
        || Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpora"),
        PathBuf::from,
    );
    let dir = if part.is_empty() { all } else { all.join(part) };
    shared(dir, Path::is_dir)
}

/// `path`, a file or folder of `../shared`, if it is there (`present`). Without it
/// the test says so and passes, except under CI=true, where it must be there.
pub fn shared(path: PathBuf, present: fn(&Path) -> bool) -> Option<PathBuf> {
    if present(&path) {
        return Some(path);
    }
    assert!(
        std::env::var("CI").is_err(),
        "{} is missing; CI must run with ../shared beside the repository",
        path.display()
    );
    eprintln!("skipped: {} is not there", path.display());
    None
}
