//! The real-news development corpus (`tests/realnews/`, see its README): real
//! articles from several outlets per storyline, with a reference timeline written
//! before dateline first read them. Each storyline is built on its own and scored with
//! the project's scorer (`../shared/tools/score_timeline.py`); so is the whole corpus,
//! built at once, which also checks that storylines do not merge into each other.
//!
//! Floors sit just under what the corpus reaches, so a change that loses events,
//! dates or merges fails here. `DATELINE_REALNEWS_REPORT=FILE` writes the scorer's
//! misses and unmatched events of every storyline to FILE.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

use common::{dateline, root, stderr};
use serde_yaml::{Mapping, Value};

/// Whole corpus, built as one timeline: F1, date accuracy and the share of same_event
/// pairs merged, just under what it reaches (0.749, 0.899, 842/3430 = 0.245 on 190
/// storylines, where the F1 floor came down from 0.75: the rule that keeps one side's
/// acts of different sorts apart cost 0.001 of F1 for 15 fewer wrong merges; 0.751,
/// 0.895, 805/3246 on 178; 0.756, 0.894, 777/3080 on the 170 of rounds 1-44; 0.773 on the 138 of rounds 1-36,
/// where the floor was 0.77 until rounds 37-42 of political crises and coups took the
/// whole down, and 0.762 on 154, where it was 0.76 until rounds 41 and 42). Rounds of other conflicts (first runs 0.598,
/// 0.713, 0.715, 0.730, 0.684, 0.806, 0.640, 0.729, 0.778, 0.751, 0.685, 0.625, 0.724,
/// 0.671, 0.660, 0.728, 0.794, 0.725, 0.790, 0.691, 0.770, 0.767, 0.835, 0.787, 0.733,
/// 0.633, 0.702, 0.673, 0.631, 0.692, 0.552, 0.590, 0.625, 0.599, 0.636, 0.590, 0.635,
/// 0.730, 0.657, 0.647, 0.689, 0.740 and 0.751 for rounds 7-49) keep the whole below the first 21 storylines' 0.784:
/// rounds 17-21, whose annotators were offered the kind `action`, took the whole from
/// 0.776 on 58 storylines to 0.757 on 78 before the fixes they showed. The fresh
/// rounds (same_event 7/66, 9/92, 9/64, 13/75, 18/75, 9/80, 18/66, 17/79, 11/72,
/// 16/103, 22/79, 16/86, 21/75, 20/66, 15/73, 23/82, 32/85, 20/76, 27/87, 11/68,
/// 16/89, 17/67, 6/68, 9/68, 9/69, 5/61, 13/67, 8/57, 15/69, 11/82, 11/59, 12/63,
/// 8/69, 13/97, 16/67, 6/61 and 20/56 at the first runs of rounds 13-49) took the share of pairs merged
/// from 0.289 on 42 storylines to 0.249 on 106; 0.251 on 170, and 0.248 on 178, when
/// the floor came down from 0.25 with rounds 45 and 46 (on the 170 it rose, 774 to
/// 777 merged), and 0.245 on 190. From round 56 on, the annotators' brief asks for
/// every pair of reports of one event (38 a storyline against 15 before), so each
/// fresh round weighs more and merges a smaller share: 0.242 on 226, 0.240 on 230
/// and 0.236 on 238 (rounds 1-55 alone stay at 0.251), when the floor came down to
/// 0.23; 0.230 on 250, and 0.228 (1230/5389) on 258, where rounds 65 and 66 (40 of
/// 234 pairs merged) took it under and the floor came down to 0.22: the 250 alone
/// stay at 0.231; 0.226 (1288/5687) on 266, where rounds 67 and 68 merged 58 of
/// their 298 pairs.
const FLOOR_F1: f64 = 0.74;
const FLOOR_DATE_ACCURACY: f64 = 0.89;
const FLOOR_SAME_EVENT: f64 = 0.22;

fn corpus() -> PathBuf {
    root().join("tests/realnews")
}

/// The storyline folders: each holds articles, `sources.yaml` and `gold.yaml`.
fn storylines() -> Vec<PathBuf> {
    let mut dirs: Vec<PathBuf> = std::fs::read_dir(corpus())
        .expect("tests/realnews")
        .map(|entry| entry.expect("directory entry").path())
        .filter(|path| path.join("gold.yaml").is_file())
        .collect();
    dirs.sort();
    dirs
}

/// The scorer, or `None` (with a notice) when `../shared` is not beside the
/// repository; under CI=true it must be there.
fn scorer() -> Option<PathBuf> {
    let tools = common::corpora("")?.join("../tools/score_timeline.py");
    common::shared(tools, Path::is_file)
}

fn build(paths: &[&Path], out: &Path) {
    let mut args = vec!["build".to_string()];
    args.extend(paths.iter().map(|p| p.display().to_string()));
    args.extend(["-o".to_string(), out.display().to_string()]);
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let output = dateline(&args);
    assert!(output.status.success(), "{args:?}: {}", stderr(&output));
}

/// The scorer's JSON answer for `timeline` against `gold`.
fn score(scorer: &Path, gold: &Path, timeline: &Path) -> Mapping {
    let output = Command::new("python3")
        .arg(scorer)
        .args([gold, timeline])
        .arg("--json")
        .output()
        .expect("run python3");
    assert!(
        output.status.code() == Some(0) || output.status.code() == Some(1),
        "scorer failed: {}",
        stderr(&output)
    );
    // The JSON object, then a one-line verdict; JSON is YAML.
    let text = String::from_utf8_lossy(&output.stdout);
    let json = text.rfind("\n}").map_or(&text[..], |end| &text[..end + 2]);
    serde_yaml::from_str(json).expect("scorer JSON")
}

fn number(result: &Mapping, key: &str) -> f64 {
    result.get(key).and_then(Value::as_f64).unwrap_or(0.0)
}

/// "3/4" as a share; 1.0 when there is nothing to count.
fn share(result: &Mapping, key: &str) -> (f64, String) {
    let text = result
        .get(key)
        .and_then(Value::as_str)
        .unwrap_or("0/0")
        .to_string();
    let (hit, total) = text.split_once('/').unwrap_or(("0", "0"));
    let (hit, total): (f64, f64) = (hit.parse().unwrap_or(0.0), total.parse().unwrap_or(0.0));
    (if total == 0.0 { 1.0 } else { hit / total }, text)
}

fn line(name: &str, result: &Mapping) -> String {
    format!(
        "{name:28} events {:>4}  required {:>3}  recall {:.3}  precision {:.3}  F1 {:.3}  date {:.3}  order {}  same_event {}",
        number(result, "events"),
        number(result, "required"),
        number(result, "recall"),
        number(result, "precision"),
        number(result, "f1"),
        number(result, "date_accuracy"),
        share(result, "order_pairs").1,
        share(result, "same_event").1,
    )
}

/// The storylines' references as one: documents, events, pairs.
fn combined_gold(dirs: &[PathBuf]) -> Value {
    let mut documents = Mapping::new();
    let mut events = Vec::new();
    let mut same_event = Vec::new();
    let mut order = Vec::new();
    for dir in dirs {
        let text = std::fs::read_to_string(dir.join("gold.yaml")).expect("gold.yaml");
        let gold: Mapping = serde_yaml::from_str(&text)
            .unwrap_or_else(|e| panic!("{}: {e}", dir.join("gold.yaml").display()));
        let list = |key: &str| -> Vec<Value> {
            gold.get(key)
                .and_then(Value::as_sequence)
                .cloned()
                .unwrap_or_default()
        };
        if let Some(docs) = gold.get("documents").and_then(Value::as_mapping) {
            documents.extend(docs.clone());
        }
        events.extend(list("events"));
        same_event.extend(list("same_event"));
        order.extend(list("order"));
    }
    let mut gold = Mapping::new();
    gold.insert("documents".into(), Value::Mapping(documents));
    gold.insert("events".into(), Value::Sequence(events));
    gold.insert("same_event".into(), Value::Sequence(same_event));
    gold.insert("order".into(), Value::Sequence(order));
    Value::Mapping(gold)
}

#[test]
fn realnews_corpus_scores() {
    let Some(scorer) = scorer() else { return };
    let dirs = storylines();
    assert!(!dirs.is_empty(), "no storylines under tests/realnews");
    let work = tempfile::tempdir().expect("temp dir");
    // Scoring the whole corpus at once is the longest step (the scorer compares every
    // event with every reference event), so it runs beside the storylines, not after.
    let (result, mut report) = std::thread::scope(|scope| {
        let whole = scope.spawn(|| {
            let gold = work.path().join("gold.yaml");
            std::fs::write(
                &gold,
                serde_yaml::to_string(&combined_gold(&dirs)).expect("YAML"),
            )
            .expect("write gold");
            let timeline = work.path().join("all.yaml");
            let paths: Vec<&Path> = dirs.iter().map(PathBuf::as_path).collect();
            build(&paths, &timeline);
            score(&scorer, &gold, &timeline)
        });
        let mut report = String::new();
        for dir in &dirs {
            let name = dir.file_name().and_then(|n| n.to_str()).unwrap_or("?");
            let timeline = work.path().join(format!("{name}.yaml"));
            build(&[dir], &timeline);
            let result = score(&scorer, &dir.join("gold.yaml"), &timeline);
            let storyline_line = line(name, &result);
            println!("{storyline_line}");
            report.push_str(&format!("== {storyline_line}\n{}\n", details(&result)));
        }
        let result = whole.join().expect("whole-corpus thread");
        (result, report)
    });
    let whole_line = line("real news, all at once", &result);
    println!("{whole_line}");
    report.push_str(&format!("== {whole_line}\n{}\n", details(&result)));
    // CI prints the figures from this file instead of running the corpus again.
    if let Some(path) = std::env::var_os("DATELINE_REALNEWS_REPORT") {
        std::fs::write(path, report).expect("write report");
    }
    let (same, same_text) = share(&result, "same_event");
    assert!(number(&result, "f1") >= FLOOR_F1, "F1 under {FLOOR_F1}");
    assert!(
        number(&result, "date_accuracy") >= FLOOR_DATE_ACCURACY,
        "date accuracy under {FLOOR_DATE_ACCURACY}"
    );
    assert!(
        same >= FLOOR_SAME_EVENT,
        "same_event {same_text} under {FLOOR_SAME_EVENT}"
    );
}

/// The seeds' timeline, built afresh, is perfect by every measure of the scorer: a
/// rule that gains on real news must not lose what the seeds show.
#[test]
fn seeds_score_perfectly() {
    let Some(scorer) = scorer() else { return };
    let seeds_gold =
        |corpora: PathBuf| common::shared(corpora.join("../seeds/gold.yaml"), Path::is_file);
    let Some(gold) = common::corpora("").and_then(seeds_gold) else {
        return;
    };
    let work = tempfile::tempdir().expect("temp dir");
    let timeline = work.path().join("seeds.yaml");
    build(&[&root().join("data")], &timeline);
    let result = score(&scorer, &gold, &timeline);
    for key in [
        "recall",
        "precision",
        "f1",
        "date_accuracy",
        "order_accuracy",
    ] {
        assert_eq!(number(&result, key), 1.0, "{key}: {}", details(&result));
    }
    assert_eq!(share(&result, "same_event").0, 1.0, "{}", details(&result));
}

fn details(result: &Mapping) -> String {
    let mut out = String::new();
    for key in ["missed", "wrong_date", "order_failures", "unmatched_events"] {
        for item in result
            .get(key)
            .and_then(Value::as_sequence)
            .into_iter()
            .flatten()
        {
            out.push_str(&format!("{key}: {}\n", item.as_str().unwrap_or("?")));
        }
    }
    out
}

/// Syndication: forty outlets printing the storylines' articles (most word for word,
/// some under another headline and without their last paragraph) give the events
/// of one copy.
#[test]
fn forty_copies_give_the_events_of_one() {
    // Every sixth storyline keeps the debug-build test short; the bench
    // (`cargo bench --bench build`) times forty copies of the whole corpus.
    let dirs: Vec<PathBuf> = storylines().into_iter().step_by(6).collect();
    let work = tempfile::tempdir().expect("temp dir");
    let single = work.path().join("single.yaml");
    let paths: Vec<&Path> = dirs.iter().map(PathBuf::as_path).collect();
    build(&paths, &single);
    let one_copy = count_events(&single);
    let copies = work.path().join("copies");
    for n in 0..40 {
        for dir in &dirs {
            let target = copies
                .join(format!("outlet{n:02}"))
                .join(dir.file_name().expect("name"));
            copy_storyline(dir, &target, n);
        }
    }
    let timeline = work.path().join("copies.yaml");
    build(&[&copies], &timeline);
    assert_eq!(count_events(&timeline), one_copy);
}

fn count_events(timeline: &Path) -> usize {
    let text = std::fs::read_to_string(timeline).expect("timeline");
    let value: Mapping = serde_yaml::from_str(&text).expect("timeline YAML");
    value
        .get("events")
        .and_then(Value::as_sequence)
        .map_or(0, Vec::len)
}

/// Copy a storyline's articles and manifest under new names (`-copyNN`); one copy
/// in eight gets a new headline and loses its last paragraph, as outlets do (the
/// rest are word for word, which the build extracts once).
fn copy_storyline(from: &Path, to: &Path, n: usize) {
    std::fs::create_dir_all(to).expect("mkdir");
    let rename = |name: &str| name.replace(".txt", &format!("-copy{n:02}.txt"));
    let manifest = std::fs::read_to_string(from.join("sources.yaml")).expect("sources.yaml");
    std::fs::write(to.join("sources.yaml"), rename(&manifest)).expect("write manifest");
    for entry in std::fs::read_dir(from).expect("storyline") {
        let path = entry.expect("entry").path();
        let name = path
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or("")
            .to_string();
        if !name.ends_with(".txt") {
            continue;
        }
        let text = std::fs::read_to_string(&path).expect("article");
        let text = if n % 8 == 1 {
            edited_copy(&text, n)
        } else {
            text
        };
        std::fs::write(to.join(rename(&name)), text).expect("write article");
    }
}

fn edited_copy(text: &str, n: usize) -> String {
    let paragraphs: Vec<&str> = text.trim_end().split("\n\n").collect();
    let keep = if paragraphs.len() > 3 {
        paragraphs.len() - 1
    } else {
        paragraphs.len()
    };
    let body = paragraphs[1.min(keep)..keep].join("\n\n");
    format!("Outlet {n} reports: {}\n\n{body}\n", paragraphs[0])
}
