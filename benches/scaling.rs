//! Growth of the work with the input, for each shape of input that once made it
//! superlinear (the hardening issue): many dates in one sentence, one very long
//! sentence, a sentence of nested quotes, many lines, a manifest of many entries,
//! and a YAML alias bomb in the manifest. Each family runs at ×1, ×4 and ×16 of its
//! base size; the bench prints the times and the growth per ×4, which linear work
//! keeps near 4 (at most 5 with noise), and exits 1 if a family grows faster.
//!
//! `cargo bench --bench scaling` (release profile). Times are the best of three.

use std::path::Path;
use std::time::{Duration, Instant};

use chrono::NaiveDate;

/// Growth per ×4 of input beyond which work is taken to be superlinear.
const MAX_GROWTH: f64 = 5.0;

struct Family {
    name: &'static str,
    /// Base size (repetitions of its unit).
    base: usize,
    run: fn(&Path, usize),
}

fn published() -> NaiveDate {
    NaiveDate::from_ymd_opt(2025, 3, 10).expect("a date")
}

/// An empty folder `name` under `dir` holding one article, `a.txt`, of `article`.
fn fresh_folder(dir: &Path, name: &str, article: &str) -> std::path::PathBuf {
    let folder = dir.join(name);
    let _ = std::fs::remove_dir_all(&folder);
    std::fs::create_dir(&folder).unwrap();
    std::fs::write(folder.join("a.txt"), article).unwrap();
    folder
}

/// `text` as one article with a publication date, built into a timeline.
fn build_article(dir: &Path, text: &str) {
    let file = dir.join("article.md");
    std::fs::write(
        &file,
        format!("---\npublished: {}\n---\n{text}", published()),
    )
    .unwrap();
    let built = dateline::build(&[file], None, 2026).expect("build");
    std::hint::black_box(dateline::export::yaml::to_yaml(&built.0));
}

fn families() -> Vec<Family> {
    vec![
        Family {
            name: "dates in one sentence (tag)",
            base: 2_500,
            run: |_, n| {
                let lexicon = dateline::Lexicon::builtin().expect("lexicon");
                let text = "on Monday ".repeat(n);
                std::hint::black_box(dateline::temporal::tag_text(
                    &text,
                    published(),
                    &lexicon.temporal,
                ));
            },
        },
        Family {
            name: "length of one sentence (build)",
            base: 150,
            run: |dir, n| {
                let unit = "The truce was agreed on the eve of Ramadan, and the talks on the eve of Christmas 2023, ";
                build_article(dir, &unit.repeat(n));
            },
        },
        Family {
            name: "quotes in one sentence (build)",
            base: 4_000,
            run: |dir, n| {
                build_article(
                    dir,
                    &format!("Putin said on Monday \"{} x.\n", "He said \"".repeat(n)),
                );
            },
        },
        Family {
            name: "lines (build)",
            base: 3_000,
            run: |dir, n| build_article(dir, &"Putin met Trump on Monday in Alaska.\n".repeat(n)),
        },
        Family {
            name: "one line without a stop (build)",
            base: 12_000,
            run: |dir, n| build_article(dir, &"Putin met Trump on Monday in Alaska ".repeat(n)),
        },
        Family {
            name: "manifest entries (build)",
            base: 6_000,
            run: |dir, n| {
                let folder =
                    fresh_folder(dir, "manifest", "Putin met Trump on Monday in Alaska.\n");
                let mut manifest = String::from("- file: a.txt\n  published: 2025-03-10\n");
                for i in 0..n {
                    manifest.push_str(&format!("- file: missing-{i}.txt\n  outlet: Wire\n"));
                }
                std::fs::write(folder.join("sources.yaml"), manifest).unwrap();
                std::hint::black_box(dateline::build(&[folder], None, 2026).expect("build"));
            },
        },
        Family {
            name: "aliases in a manifest (refused)",
            base: 1_250,
            run: |dir, n| {
                let folder = fresh_folder(dir, "aliases", "Putin met Trump.\n");
                let items = vec!["x"; n].join(", ");
                let aliases = vec!["*a"; n].join(", ");
                std::fs::write(
                    folder.join("sources.yaml"),
                    format!("- file: a.txt\n  outlet: &a [{items}]\n  url: [{aliases}]\n"),
                )
                .unwrap();
                assert!(dateline::build(&[folder], None, 2026).is_err());
            },
        },
    ]
}

fn best_of_three(run: fn(&Path, usize), dir: &Path, n: usize) -> Duration {
    (0..3)
        .map(|_| {
            let start = Instant::now();
            run(dir, n);
            start.elapsed()
        })
        .min()
        .unwrap_or_default()
}

fn main() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut superlinear = Vec::new();
    println!(
        "{:<36} {:>10} {:>10} {:>10} {:>8} {:>8}",
        "family", "×1 (ms)", "×4 (ms)", "×16 (ms)", "×4/×1", "×16/×4"
    );
    for family in families() {
        let times: Vec<f64> = [1, 4, 16]
            .iter()
            .map(|k| best_of_three(family.run, dir.path(), family.base * k).as_secs_f64() * 1e3)
            .collect();
        let growth = [times[1] / times[0], times[2] / times[1]];
        println!(
            "{:<36} {:>10.1} {:>10.1} {:>10.1} {:>8.2} {:>8.2}",
            family.name, times[0], times[1], times[2], growth[0], growth[1]
        );
        // The larger step decides: at ×1 fixed costs (the lexicon, the model) weigh.
        if growth[1] > MAX_GROWTH {
            superlinear.push(family.name);
        }
    }
    if superlinear.is_empty() {
        println!("linear: every family grows at most {MAX_GROWTH} per ×4");
    } else {
        println!(
            "SUPERLINEAR (over {MAX_GROWTH} per ×4): {}",
            superlinear.join(", ")
        );
        std::process::exit(1);
    }
}
