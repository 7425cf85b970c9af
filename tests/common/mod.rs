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

/// Graphviz is needed only for pictures: without it a test that renders says so and
/// skips the rendering, except under `CI=true`, where it must be there.
pub fn graphviz_present() -> bool {
    tool_present("dot", "Graphviz `dot`", "apt-get install graphviz")
}

/// Whether `program` runs (`-V`); if not, a notice, or under `CI=true` a failure
/// saying how to install it.
pub fn tool_present(program: &str, what: &str, install: &str) -> bool {
    let present = Command::new(program).arg("-V").output().is_ok();
    if !present {
        assert!(
            std::env::var("CI").as_deref() != Ok("true"),
            "CI=true: {what} must be installed ({install})"
        );
        eprintln!("notice: {what} is not installed; rendering checks skipped");
    }
    present
}

/// `dot -Tsvg` of `dot`, which must render without a warning; None (with a notice)
/// when Graphviz is missing outside CI.
pub fn render_svg(dot: &str) -> Option<String> {
    use std::io::Write;
    if !graphviz_present() {
        return None;
    }
    let mut child = Command::new("dot")
        .arg("-Tsvg")
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("Graphviz `dot` must be installed (apt-get install graphviz)");
    child
        .stdin
        .take()
        .unwrap()
        .write_all(dot.as_bytes())
        .unwrap();
    let output = child.wait_with_output().unwrap();
    assert!(
        output.status.success(),
        "dot -Tsvg failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(
        output.stderr.is_empty(),
        "dot warned: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    Some(String::from_utf8(output.stdout).unwrap())
}
