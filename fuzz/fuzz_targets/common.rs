//! Shared by the fuzz targets (each includes it with `mod common;`). Nothing here
//! panics on fuzzer input: only the harness's own set-up (a temporary folder, the
//! built-in lexicon) may fail, and that is not an input-dependent bug.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use chrono::NaiveDate;
use dateline::Lexicon;

/// The anchor / publication date every target uses.
pub fn anchor() -> NaiveDate {
    NaiveDate::from_ymd_opt(2025, 3, 10).expect("2025-03-10 is a date")
}

/// The `this_year` passed to `dateline::build` (the binary passes the current year).
pub const THIS_YEAR: i32 = 2026;

/// `Lexicon::builtin()`, built once per process.
pub fn lexicon() -> &'static Lexicon {
    static LEXICON: OnceLock<Lexicon> = OnceLock::new();
    LEXICON.get_or_init(|| Lexicon::builtin().expect("the built-in lexicon loads"))
}

/// A fresh temporary folder for one input (removed when dropped).
pub fn folder() -> tempfile::TempDir {
    tempfile::Builder::new()
        .prefix("dateline-fuzz-")
        .tempdir()
        .expect("a temporary folder")
}

/// Write `bytes` to `dir/name` and return the path.
pub fn put(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, bytes).expect("write to the temporary folder");
    path
}

/// A short article with a dateline and a few dated events, for the targets whose
/// input is the metadata around an article rather than the article itself.
pub const ARTICLE: &str = "\
Russia strikes Kyiv as envoys meet in Riyadh
KYIV, April 6 (Reuters) - Russian missiles struck Kyiv on Sunday, killing two people, officials said.
On Friday a strike on Kryvyi Rih killed 20 people, the regional governor said.
Kirill Dmitriev met Steve Witkoff in Washington last week, and the two sides agreed to meet again next month.
";

/// `dateline::build(&[dir], None, 2026)` with the built-in lexicon loaded once:
/// `build` is `build_with(.., &Lexicon::builtin()?, Links::Skip)`, and loading the
/// lexicon takes ~150 ms under ASan, which would cap a target at ~6 runs a second.
pub fn build(dir: &Path) -> dateline::Result<(dateline::Timeline, Vec<dateline::Warning>)> {
    dateline::build_with(
        &[dir.to_path_buf()],
        None,
        THIS_YEAR,
        lexicon(),
        dateline::document::Links::Skip,
    )
}

/// Render a built timeline the ways the binary does.
pub fn render(timeline: &dateline::Timeline) {
    let yaml = dateline::export::yaml::to_yaml(timeline);
    let dot = dateline::export::dot::to_dot(timeline, &Default::default());
    std::hint::black_box((yaml, dot));
}
