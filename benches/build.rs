//! Throughput of `dateline build` (read, extract, merge, order) on a generated corpus
//! of news articles: the five seed articles with their people renamed and their
//! publication dates shifted, written as files with front matter, until the corpus
//! reaches `DATELINE_BENCH_MB` megabytes (default 50).
//!
//! `cargo bench --bench build` prints the corpus size, the wall time of
//! `dateline::build_with` on all cores, the time of extraction alone on one core,
//! and both as MB/s. Extraction is a pure function per article; the build runs it on
//! every core (`std::thread::available_parallelism`).

use std::path::PathBuf;
use std::time::Instant;

use chrono::{Days, NaiveDate};
use dateline::document::Document;
use dateline::extract::extract_document;
use dateline::model::DateSource;
use dateline::Lexicon;

/// Seed people and the names they take in turn, so that the corpus is not the same
/// five articles over and over (names drive actor matching and merging).
const RENAMES: [(&str, [&str; 4]); 4] = [
    ("Dmitriev", ["Araghchi", "Pashinyan", "Tshisekedi", "Fidan"]),
    ("Witkoff", ["Rubio", "Kellogg", "Lavrov", "Sybiha"]),
    ("Zelensky", ["Aliyev", "Kagame", "Netanyahu", "Sharif"]),
    ("Putin", ["Erdogan", "Modi", "Macron", "Starmer"]),
];

fn seeds() -> Vec<(String, NaiveDate)> {
    let data = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("data");
    let manifest: Vec<serde_yaml::Value> = serde_yaml::from_str(
        &std::fs::read_to_string(data.join("sources.yaml")).expect("data/sources.yaml"),
    )
    .expect("manifest");
    manifest
        .iter()
        .map(|entry| {
            let file = entry["file"].as_str().expect("file");
            let published = entry["published"].as_str().expect("published");
            (
                std::fs::read_to_string(data.join(file)).expect("seed article"),
                published.parse().expect("date"),
            )
        })
        .collect()
}

fn main() {
    let megabytes: usize = std::env::var("DATELINE_BENCH_MB")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(50);
    let dir = tempfile::tempdir().expect("temp dir");
    let seeds = seeds();
    let mut bytes = 0;
    let mut documents = Vec::new();
    let mut n = 0usize;
    while bytes < megabytes * 1_000_000 {
        let (text, published) = &seeds[n % seeds.len()];
        let round = n / seeds.len();
        let mut text = text.clone();
        for (from, to) in RENAMES {
            text = text.replace(from, to[round % to.len()]);
        }
        let published = *published + Days::new((round % 400) as u64);
        let file = format!("---\npublished: {published}\n---\n{text}");
        let path = dir.path().join(format!("{n:06}.txt"));
        std::fs::write(&path, &file).expect("write article");
        bytes += file.len();
        documents.push(Document {
            name: format!("{n:06}.txt"),
            path,
            text,
            body_start: 0,
            published: Some(published),
            published_from: DateSource::FrontMatter,
            outlet: None,
        });
        n += 1;
    }
    let mb = bytes as f64 / 1e6;
    println!("corpus: {n} articles, {mb:.1} MB");
    let lexicon = Lexicon::builtin().expect("lexicon");

    let start = Instant::now();
    let events: usize = documents
        .iter()
        .map(|doc| extract_document(doc, &lexicon).events.len())
        .sum();
    let secs = start.elapsed().as_secs_f64();
    println!(
        "extract, one core:   {secs:6.2} s  {:6.2} MB/s  ({events} events)",
        mb / secs
    );

    let start = Instant::now();
    let (timeline, _) = dateline::build_with(
        &[dir.path().to_path_buf()],
        None,
        2026,
        &lexicon,
        dateline::document::Links::Skip,
    )
    .expect("build");
    let secs = start.elapsed().as_secs_f64();
    let threads = std::thread::available_parallelism().map_or(1, usize::from);
    println!(
        "build, {threads} threads:     {secs:6.2} s  {:6.2} MB/s  ({} events after merging)",
        mb / secs,
        timeline.events.len()
    );
}
