//! Temporal tagging throughput on running news text: the TimeBank and AQUAINT texts
//! (../shared/corpora/timebank, about 1.3 MB without tags), else the seed articles.
//! `cargo bench --bench tagging` prints bytes per second; the target is 10 MB/s on
//! one core (divan runs single-threaded by default).

use std::path::Path;

use chrono::NaiveDate;
use dateline::temporal::tag_text;
use dateline::timeml;
use dateline::Lexicon;
use divan::counter::BytesCount;

fn main() {
    divan::main();
}

/// (creation date, plain text) of every document in the corpus.
fn corpus() -> Vec<(NaiveDate, String)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let timebank = root.join("../shared/corpora/timebank");
    let mut docs = Vec::new();
    for part in ["TimeBank", "AQUAINT"] {
        let Ok(entries) = std::fs::read_dir(timebank.join(part)) else {
            continue;
        };
        let mut paths: Vec<_> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
        paths.sort();
        for path in paths {
            let Ok(source) = std::fs::read_to_string(&path) else {
                continue;
            };
            if let Ok(doc) = timeml::read(&source) {
                if let Some(creation) = doc.creation {
                    docs.push((creation, doc.text));
                }
            }
        }
    }
    if docs.is_empty() {
        eprintln!("TimeBank not found beside the repository: timing the seed articles");
        let day = NaiveDate::from_ymd_opt(2025, 12, 2).expect("valid date");
        for entry in std::fs::read_dir(root.join("data")).expect("data/") {
            let path = entry.expect("entry").path();
            if path.extension().is_some_and(|e| e == "txt") {
                docs.push((day, std::fs::read_to_string(path).expect("seed text")));
            }
        }
    }
    docs
}

#[divan::bench(sample_count = 20)]
fn tag_corpus(bencher: divan::Bencher) {
    let lexicon = Lexicon::builtin().expect("built-in lexicon");
    let docs = corpus();
    let bytes: usize = docs.iter().map(|(_, text)| text.len()).sum();
    bencher.counter(BytesCount::new(bytes)).bench(|| {
        let mut found = 0;
        for (creation, text) in &docs {
            found += tag_text(divan::black_box(text), *creation, &lexicon.temporal).len();
        }
        found
    });
}
