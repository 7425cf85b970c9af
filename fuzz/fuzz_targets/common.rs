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

/// A target's body: what it does with one input. (`tests/fuzz_replay.rs` includes
/// this file to replay the committed inputs on stable.)
pub type Target = fn(&[u8]);

/// Every target by name.
pub const TARGETS: [(&str, Target); 8] = [
    ("tag", tag),
    ("extract", extract),
    ("build_folder", build_folder),
    ("manifest", manifest),
    ("front_matter", front_matter),
    ("timeline", timeline),
    ("gazetteer", gazetteer),
    ("parse", parse),
];

/// Arbitrary text through the temporal tagger, anchored on 2025-03-10.
pub fn tag(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let timexes = dateline::temporal::tag_text(text, anchor(), &lexicon().temporal);
    std::hint::black_box(timexes);
}

/// Arbitrary text as one article, published 2025-03-10: what `dateline extract FILE
/// --published 2025-03-10` does (cli.rs `load_one` + `extract_document`).
pub fn extract(data: &[u8]) {
    use dateline::document::{read_document, GivenMetadata};
    use dateline::model::DateSource;
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let dir = folder();
    let path = put(dir.path(), "article.txt", text.as_bytes());
    let lexicon = lexicon();
    let given = GivenMetadata {
        published: Some(anchor()),
        source: Some(DateSource::Argument),
        outlet: None,
    };
    let mut warnings = Vec::new();
    let Ok(doc) = read_document(
        &path,
        "article.txt".to_string(),
        given,
        &lexicon.temporal,
        THIS_YEAR,
        &mut warnings,
    ) else {
        return;
    };
    let extraction = dateline::extract::extract_document(&doc, lexicon);
    std::hint::black_box(extraction);
}

/// A folder of up to 4 articles (a.txt .. d.txt) and an optional sources.yaml through
/// `dateline::build` (via `common::build`), then the YAML and DOT writers.
///
/// Input layout: parts separated by 0x00. If the first part starts with `- `, `#` or
/// `[` it is the manifest (sources.yaml); the next (up to) 4 parts are the articles.
pub fn build_folder(data: &[u8]) {
    const NAMES: [&str; 4] = ["a.txt", "b.txt", "c.txt", "d.txt"];
    let mut parts = data.split(|&b| b == 0).peekable();
    let dir = folder();
    if let Some(first) = parts.peek() {
        if first.starts_with(b"- ") || first.starts_with(b"#") || first.starts_with(b"[") {
            put(dir.path(), "sources.yaml", first);
            parts.next();
        }
    }
    for (name, article) in NAMES.iter().zip(parts) {
        put(dir.path(), name, article);
    }
    if let Ok((timeline, warnings)) = build(dir.path()) {
        render(&timeline);
        std::hint::black_box(warnings);
    }
}

/// Arbitrary bytes as `sources.yaml` beside two small articles (a.txt, b.txt), then
/// `dateline::build` (via `common::build`) on the folder and the YAML and DOT writers.
pub fn manifest(data: &[u8]) {
    let dir = folder();
    put(dir.path(), "sources.yaml", data);
    put(dir.path(), "a.txt", ARTICLE.as_bytes());
    put(
        dir.path(),
        "b.txt",
        b"Officials said talks resumed on Monday.\n",
    );
    if let Ok((timeline, _)) = build(dir.path()) {
        render(&timeline);
    }
}

/// Arbitrary bytes as the YAML front matter of one article:
/// `---\n{input}\n---\n{article}`, then `dateline::build` (via `common::build`) on
/// its folder and the YAML and DOT writers.
pub fn front_matter(data: &[u8]) {
    let mut file = Vec::with_capacity(data.len() + ARTICLE.len() + 10);
    file.extend_from_slice(b"---\n");
    file.extend_from_slice(data);
    file.extend_from_slice(b"\n---\n");
    file.extend_from_slice(ARTICLE.as_bytes());
    let dir = folder();
    put(dir.path(), "a.txt", &file);
    if let Ok((timeline, _)) = build(dir.path()) {
        render(&timeline);
    }
}

/// Arbitrary bytes as a timeline YAML file (a reviewer's edits): `read_timeline`, then
/// the DOT writer (every option), the YAML writer, `diff` against itself, and
/// `read_previous` (the rebuild path).
pub fn timeline(data: &[u8]) {
    use dateline::export::dot::{to_dot, ClusterBy, DotOptions};
    use dateline::export::{diff::diff, yaml};
    let dir = folder();
    let path = put(dir.path(), "timeline.yaml", data);
    let Ok((timeline, warnings)) = yaml::read_timeline(&path) else {
        return;
    };
    let mut out = vec![to_dot(&timeline, &DotOptions::default())];
    for cluster_by in [ClusterBy::Article, ClusterBy::Actor] {
        out.push(to_dot(
            &timeline,
            &DotOptions {
                cluster_by,
                show_rejected: true,
            },
        ));
    }
    out.push(yaml::to_yaml(&timeline));
    out.extend(diff(&timeline, &timeline));
    let previous = yaml::read_previous(&path);
    let _ = std::hint::black_box((out, warnings, previous));
}

/// Arbitrary bytes as a user gazetteer (`--gazetteer FILE`):
/// `Lexicon::with_gazetteers`, and on success one small article extracted with it.
///
/// `with_gazetteers` loads the whole built-in lexicon first (~150 ms under ASan), so
/// the file is first read and added to an empty `Gazetteer` the same way: whether
/// `extend_with` fails depends only on the file, so an input rejected there would be
/// rejected by `with_gazetteers` too, and only the accepted ones pay for the full load.
pub fn gazetteer(data: &[u8]) {
    use dateline::document::Document;
    use dateline::extract::Gazetteer;
    use dateline::model::DateSource;
    use dateline::Lexicon;
    use std::path::PathBuf;
    let dir = folder();
    let path = put(dir.path(), "gazetteer.yaml", data);
    let Ok(text) = dateline::io::read_yaml_text(&path) else {
        return;
    };
    if Gazetteer::default().extend_with(&path, &text).is_err() {
        return;
    }
    let Ok(lexicon) = Lexicon::with_gazetteers(&[path]) else {
        return;
    };
    let doc = Document {
        name: "a.txt".into(),
        path: PathBuf::from("a.txt"),
        text: ARTICLE.into(),
        body_start: 0,
        published: Some(anchor()),
        published_from: DateSource::Argument,
        outlet: None,
    };
    std::hint::black_box(dateline::extract::extract_document(&doc, &lexicon));
}

/// Arbitrary text through the syntax module, both ways `dateline parse` reads it:
/// as text (tokenise, tag, parse) and as CoNLL-U (read, re-parse the given tokens),
/// each written back as CoNLL-U and as indented trees.
pub fn parse(data: &[u8]) {
    use dateline::syntax::{conllu, render, Syntax};
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let syntax = Syntax::english().expect("the built-in syntax model loads");
    let (sentences, cut) = render::parse_text(syntax, text);
    std::hint::black_box((conllu::write(&sentences), render::to_text(&sentences), cut));
    if let Ok(mut sentences) = conllu::read(text) {
        render::parse_given(syntax, &mut sentences);
        std::hint::black_box((conllu::write(&sentences), render::to_text(&sentences)));
    }
}
