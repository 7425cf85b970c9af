//! Reviewing a timeline (README, "Reviewing a timeline"): a reviewer's `review:`
//! blocks survive every rebuild and feed the graph, follow an event the extractor
//! renames, `build --check` gates committed timelines, `dateline diff` reads as
//! events (also as git's diff driver), two reviewers' branches merge in real git, and
//! `dot` draws the reviewed timeline. Everything here drives the real binary.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

mod common;
use common::{dateline, render_svg, root, stderr, stdout};

use dateline::model::{Event, Origin, Status, Timeline};

fn arg(path: &Path) -> &str {
    path.to_str().expect("utf-8 temp path")
}

/// The conflict fixture (two reports of a week that disagree) in a folder of its own.
fn conflict_articles(dir: &Path) -> PathBuf {
    let folder = dir.join("articles");
    std::fs::create_dir(&folder).unwrap();
    for name in ["wire.txt", "rewrite.txt", "sources.yaml"] {
        std::fs::copy(
            root().join("tests/fixtures/conflict").join(name),
            folder.join(name),
        )
        .unwrap();
    }
    folder
}

/// One article where an undated strike is bound to a dated meeting ("shortly after").
fn bound_article(dir: &Path, meeting_day: &str) -> PathBuf {
    let folder = dir.join("bound");
    std::fs::create_dir_all(&folder).unwrap();
    let text = format!(
        "---\npublished: 2025-03-10\n---\nEnvoys meet in Istanbul\n\n\
         Ukrainian Defence Minister Rustem Umerov met US envoy Steve Witkoff in Istanbul on {meeting_day}. \
         Shortly after the meeting, Russian forces struck Odesa with drones, the regional governor said.\n"
    );
    std::fs::write(folder.join("istanbul.txt"), text).unwrap();
    folder
}

/// The id of the bound article's strike, which has no date of its own.
fn strike_of(file: &Path) -> String {
    read(file)
        .events
        .iter()
        .find(|e| e.id.contains("strike"))
        .map(|e| e.id.clone())
        .expect("the strike")
}

fn build(articles: &Path, output: &Path) -> Output {
    let output = dateline(&["build", arg(articles), "-o", arg(output)]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    output
}

fn read(path: &Path) -> Timeline {
    serde_yaml::from_str(&std::fs::read_to_string(path).unwrap()).expect("a timeline")
}

fn event<'t>(timeline: &'t Timeline, id: &str) -> &'t Event {
    timeline
        .events
        .iter()
        .find(|e| e.id == id)
        .unwrap_or_else(|| panic!("no event {id} in {:?}", ids(timeline)))
}

fn ids(timeline: &Timeline) -> Vec<&str> {
    timeline.events.iter().map(|e| e.id.as_str()).collect()
}

/// Add `lines` (YAML, indented under `review:`) to event `id` of the file, as a
/// reviewer would in an editor: right under its id.
fn review(path: &Path, id: &str, lines: &[&str]) {
    let text = std::fs::read_to_string(path).unwrap();
    let anchor = format!("- id: {id}\n");
    let at = text
        .find(&anchor)
        .unwrap_or_else(|| panic!("no event {id}"))
        + anchor.len();
    let mut block = String::from("  review:\n");
    for line in lines {
        block.push_str(&format!("    {line}\n"));
    }
    std::fs::write(path, format!("{}{block}{}", &text[..at], &text[at..])).unwrap();
}

const ISTANBUL: &str = "2025-03-06-meeting-umerov-istanbul";
const CAIRO: &str = "2025-03-08-meeting-abdelatty-cairo";
const ODESA: &str = "2025-03-05-strike-russia-odesa";

#[test]
fn a_reviewer_s_edits_survive_the_rebuild_and_feed_the_graph() {
    let dir = tempfile::tempdir().unwrap();
    let articles = conflict_articles(dir.path());
    let file = dir.path().join("week.yaml");
    build(&articles, &file);
    let before = read(&file);
    assert_eq!(
        before.conflicts.len(),
        2,
        "the fixture's two contradictions"
    );
    assert_eq!(event(&before, ISTANBUL).after, vec![ODESA.to_string()]);

    review(
        &file,
        CAIRO,
        &[
            "verified: true",
            "note: the wire's Sunday is right",
            "date: 2025-03-09",
        ],
    );
    review(
        &file,
        ODESA,
        &["rejected: true", "reason: the rewrite misdates it"],
    );
    review(
        &file,
        ISTANBUL,
        &[
            "status: planned",
            "date: 2025-03-12",
            "place: Istanbul",
            "killed: 0",
            "summary: Umerov and Witkoff to talk",
        ],
    );
    // An event the articles miss, added by hand after the last one.
    let mut text = std::fs::read_to_string(&file).unwrap();
    let at = text.find("conflicts:").unwrap();
    text.insert_str(
        at,
        "- id: reviewer-2025-03-07-call\n  source: reviewer\n  review:\n    note: phoned, per the ministry's site\n  kind: meeting\n  date: 2025-03-07\n  status: occurred\n  actors: [Ukraine]\n  counterparts: [United States]\n  place: null\n  summary: Ukraine and the US talk by phone\n  sources: []\n",
    );
    std::fs::write(&file, text).unwrap();

    build(&articles, &file);
    let after = read(&file);
    let cairo = event(&after, CAIRO);
    let review_of = |e: &Event| e.review.clone().expect("review kept");
    assert_eq!(review_of(cairo).verified, Some(true));
    assert_eq!(
        review_of(cairo).note.as_deref(),
        Some("the wire's Sunday is right")
    );
    assert_eq!(
        cairo.date.unwrap().to_string(),
        "2025-03-09",
        "the reviewed date wins"
    );
    let istanbul = event(&after, ISTANBUL);
    assert_eq!(istanbul.status, Status::Planned);
    assert_eq!(istanbul.date.unwrap().to_string(), "2025-03-12");
    assert_eq!(istanbul.summary, "Umerov and Witkoff to talk");
    assert_eq!(istanbul.killed, Some(0));
    // The rejected strike stays, remembered, but out of the links and the order.
    let odesa = event(&after, ODESA);
    assert!(odesa.is_rejected());
    assert!(odesa.links.is_empty() && odesa.after.is_empty());
    assert!(
        !istanbul.after.contains(&ODESA.to_string()),
        "{:?}",
        istanbul.after
    );
    // Conflicts are recomputed: the reviewer settled both.
    assert!(after.conflicts.is_empty(), "{:?}", after.conflicts);
    // The reviewer's event is kept as it is, in its place in time.
    let added = event(&after, "reviewer-2025-03-07-call");
    assert_eq!(added.summary, "Ukraine and the US talk by phone");
    let order = ids(&after);
    let position = |id: &str| order.iter().position(|e| *e == id).unwrap();
    assert!(
        position("reviewer-2025-03-07-call") < position(CAIRO),
        "{order:?}"
    );

    // Rebuilding again changes nothing, and --check agrees.
    let bytes = std::fs::read(&file).unwrap();
    build(&articles, &file);
    assert_eq!(
        std::fs::read(&file).unwrap(),
        bytes,
        "a rebuild is a fixed point"
    );
    let check = dateline(&["build", arg(&articles), "-o", arg(&file), "--check"]);
    assert_eq!(check.status.code(), Some(0), "{}", stderr(&check));
}

#[test]
fn a_reviewed_date_moves_what_the_text_binds_to_it() {
    let dir = tempfile::tempdir().unwrap();
    let articles = bound_article(dir.path(), "Thursday");
    let file = dir.path().join("t.yaml");
    build(&articles, &file);
    let strike_id = strike_of(&file);
    let before = read(&file);
    let strike = event(&before, &strike_id);
    assert_eq!(
        strike.earliest.map(|d| d.to_string()).as_deref(),
        Some("2025-03-06")
    );
    review(&file, ISTANBUL, &["date: 2025-03-03"]);
    build(&articles, &file);
    let after = read(&file);
    let strike = event(&after, &strike_id);
    let bounds = (strike.earliest, strike.latest);
    assert_eq!(
        bounds.0.map(|d| d.to_string()).as_deref(),
        Some("2025-03-03"),
        "\"shortly after\" the reviewed date: {strike:?}"
    );
    assert!(
        bounds
            .1
            .is_some_and(|d| d.to_string().as_str() < "2025-03-06"),
        "{strike:?}"
    );
}

#[test]
fn a_review_follows_its_event_when_the_id_changes_and_is_never_dropped() {
    let dir = tempfile::tempdir().unwrap();
    let articles = bound_article(dir.path(), "Thursday");
    let file = dir.path().join("t.yaml");
    build(&articles, &file);
    review(&file, ISTANBUL, &["verified: true", "note: seen on video"]);

    // The article now says Wednesday: the meeting's id (which carries its date)
    // changes, the sentence hardly does, and the review moves with a notice.
    bound_article(dir.path(), "Wednesday");
    let output = build(&articles, &file);
    let moved_to = "2025-03-05-meeting-umerov-istanbul";
    let err = stderr(&output);
    assert!(
        err.contains(&format!("review of `{ISTANBUL}` moved to `{moved_to}`")),
        "{err}"
    );
    let timeline = read(&file);
    assert_eq!(
        event(&timeline, moved_to)
            .review
            .as_ref()
            .and_then(|r| r.note.as_deref()),
        Some("seen on video")
    );

    // The sentence is gone: the review is kept under `orphaned:` with a warning...
    std::fs::write(
        articles.join("istanbul.txt"),
        "---\npublished: 2025-03-10\n---\nRussian forces struck Odesa with drones on Sunday.\n",
    )
    .unwrap();
    let output = build(&articles, &file);
    assert!(stderr(&output).contains(&format!("review of `{moved_to}`; kept under `orphaned:`")));
    let timeline = read(&file);
    assert_eq!(timeline.orphaned.len(), 1);
    assert_eq!(timeline.orphaned[0].id, moved_to);
    assert!(timeline.orphaned[0].is_verified());
    // ... through further rebuilds, and back on its event when the text returns.
    build(&articles, &file);
    assert_eq!(read(&file).orphaned.len(), 1);
    bound_article(dir.path(), "Wednesday");
    build(&articles, &file);
    let timeline = read(&file);
    assert!(timeline.orphaned.is_empty());
    assert!(event(&timeline, moved_to).is_verified());
}

#[test]
fn check_says_whether_a_committed_timeline_matches_its_articles() {
    let dir = tempfile::tempdir().unwrap();
    let articles = bound_article(dir.path(), "Thursday");
    let file = dir.path().join("t.yaml");
    let check = || dateline(&["build", arg(&articles), "-o", arg(&file), "--check"]);

    let missing = check();
    assert_eq!(missing.status.code(), Some(1));
    assert!(
        stderr(&missing).contains("does not exist"),
        "{}",
        stderr(&missing)
    );
    assert!(!file.exists(), "--check writes nothing");

    build(&articles, &file);
    assert_eq!(check().status.code(), Some(0));

    bound_article(dir.path(), "Tuesday");
    let bytes = std::fs::read(&file).unwrap();
    let stale = check();
    assert_eq!(stale.status.code(), Some(1), "{}", stderr(&stale));
    assert!(stderr(&stale).contains("out of date"), "{}", stderr(&stale));
    let listed = stdout(&stale);
    assert!(
        listed.contains("~ 2025-03-04  2025-03-04-meeting-umerov-istanbul  renamed from 2025-03-06-meeting-umerov-istanbul; moved 2025-03-06 -> 2025-03-04"),
        "{listed}"
    );
    assert_eq!(
        std::fs::read(&file).unwrap(),
        bytes,
        "--check writes nothing"
    );

    // A reviewer's edit that a rebuild would reorder is also "out of date".
    build(&articles, &file);
    review(
        &file,
        "2025-03-04-meeting-umerov-istanbul",
        &["date: 2025-03-01"],
    );
    assert_eq!(check().status.code(), Some(1));
    build(&articles, &file);
    assert_eq!(check().status.code(), Some(0));
}

#[test]
fn diff_reads_as_events_in_timeline_order() {
    let dir = tempfile::tempdir().unwrap();
    let articles = conflict_articles(dir.path());
    let old = dir.path().join("old.yaml");
    build(&articles, &old);
    let new = dir.path().join("new.yaml");
    std::fs::copy(&old, &new).unwrap();
    review(&new, ODESA, &["rejected: true", "reason: misdated"]);
    review(&new, CAIRO, &["verified: true", "date: 2025-03-09"]);
    build(&articles, &new);

    let output = dateline(&["diff", arg(&old), arg(&new)]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let lines: Vec<String> = stdout(&output).lines().map(str::to_string).collect();
    // (line starts with, and says) in this order: timeline order, then conflicts.
    let expected: &[(&str, &str)] = &[
        (
            "~ 2025-03-05  2025-03-05-strike-russia-odesa",
            "review reason: misdated, rejected: true",
        ),
        (
            "~ 2025-03-09  2025-03-08-meeting-abdelatty-cairo",
            "moved 2025-03-08 -> 2025-03-09",
        ),
        ("conflicts: 2 -> 0", ""),
    ];
    let mut rest = lines.iter();
    for (start, says) in expected {
        let line = rest
            .find(|l| l.starts_with(start))
            .unwrap_or_else(|| panic!("no line {start:?} in order in:\n{}", lines.join("\n")));
        assert!(line.contains(says), "{line}");
    }
    assert!(
        lines
            .iter()
            .all(|l| !l.contains("2025-03-06-meeting-umerov-istanbul")),
        "the Istanbul meeting only lost an order link: {lines:?}"
    );
    let cairo = lines.iter().find(|l| l.contains(CAIRO)).unwrap();
    assert!(
        cairo.contains("review date: 2025-03-09, verified: true"),
        "{cairo}"
    );

    let same = dateline(&["diff", arg(&new), arg(&new), "--exit-code"]);
    assert_eq!(
        (same.status.code(), same.stdout.is_empty()),
        (Some(0), true)
    );
    let differ = dateline(&["diff", arg(&old), arg(&new), "--exit-code"]);
    assert_eq!(differ.status.code(), Some(1));
    let wrong = dateline(&["diff", arg(&old), arg(&new), arg(&new)]);
    assert_eq!(wrong.status.code(), Some(2), "{}", stderr(&wrong));
}

/// Real git in a temporary repository, configured as a reviewer's would be.
struct Repository {
    dir: tempfile::TempDir,
}

impl Repository {
    fn new() -> Repository {
        let repository = Repository {
            dir: tempfile::tempdir().unwrap(),
        };
        repository.git(&["init", "-q", "-b", "main"]);
        repository
    }

    fn path(&self) -> &Path {
        self.dir.path()
    }

    fn git(&self, args: &[&str]) -> Output {
        let binary = env!("CARGO_BIN_EXE_dateline");
        let output = Command::new("git")
            .args([
                "-c",
                "user.name=Reviewer",
                "-c",
                "user.email=reviewer@example.org",
                "-c",
                "commit.gpgsign=false",
                "-c",
                &format!("diff.dateline.command={binary} diff"),
            ])
            .args(args)
            .current_dir(self.path())
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .env("HOME", self.path())
            .output()
            .expect("git must be installed");
        assert!(
            output.status.success(),
            "git {args:?}: {}{}",
            stderr(&output),
            stdout(&output)
        );
        output
    }
}

#[test]
fn two_reviewers_on_two_branches_merge_without_a_conflict() {
    let repository = Repository::new();
    let articles = conflict_articles(repository.path());
    let file = repository.path().join("week.timeline.yaml");
    build(&articles, &file);
    repository.git(&["add", "."]);
    repository.git(&["commit", "-qm", "articles and their timeline"]);

    repository.git(&["checkout", "-qb", "first"]);
    review(&file, ODESA, &["rejected: true", "reason: misdated"]);
    repository.git(&["commit", "-qam", "reject the strike"]);

    repository.git(&["checkout", "-q", "main"]);
    repository.git(&["checkout", "-qb", "second"]);
    review(&file, CAIRO, &["verified: true", "note: wire checked"]);
    repository.git(&["commit", "-qam", "verify Cairo"]);

    repository.git(&["merge", "-q", "--no-edit", "first"]);
    let merged = read(&file);
    assert!(event(&merged, ODESA).is_rejected());
    assert!(event(&merged, CAIRO).is_verified());
    build(&articles, &file);
    let rebuilt = read(&file);
    assert!(event(&rebuilt, ODESA).is_rejected());
    assert!(event(&rebuilt, CAIRO).is_verified());
}

#[test]
fn git_diff_and_log_read_as_events_through_the_driver() {
    let repository = Repository::new();
    let articles = conflict_articles(repository.path());
    std::fs::write(
        repository.path().join(".gitattributes"),
        "*.timeline.yaml diff=dateline\n",
    )
    .unwrap();
    let file = repository.path().join("week.timeline.yaml");
    build(&articles, &file);
    repository.git(&["add", "."]);
    repository.git(&["commit", "-qm", "timeline"]);
    review(&file, CAIRO, &["verified: true"]);

    let diff = stdout(&repository.git(&["diff"]));
    assert!(
        diff.starts_with("dateline diff a/week.timeline.yaml b/week.timeline.yaml\n"),
        "{diff}"
    );
    assert!(
        diff.contains(&format!("~ 2025-03-08  {CAIRO}  review verified: true")),
        "{diff}"
    );
    repository.git(&["commit", "-qam", "verify"]);
    let log = stdout(&repository.git(&["log", "-p", "--ext-diff", "--format=%s"]));
    assert!(log.contains("review verified: true"), "{log}");
    // The first commit adds the file: every event shows as added.
    assert!(
        log.contains(&format!("+ 2025-03-08  {CAIRO}  added: meeting")),
        "{log}"
    );
}

#[test]
fn dot_draws_the_timeline_as_reviewed_even_before_a_rebuild() {
    let dir = tempfile::tempdir().unwrap();
    let articles = conflict_articles(dir.path());
    let file = dir.path().join("week.yaml");
    build(&articles, &file);
    // Edited, not rebuilt: the file's `conflicts:` still name Cairo and Istanbul.
    review(&file, CAIRO, &["date: 2025-03-04", "verified: true"]);
    review(&file, ODESA, &["rejected: true", "reason: misdated"]);
    let dot = |extra: &[&str]| {
        let mut args = vec!["dot", arg(&file)];
        args.extend(extra);
        let output = dateline(&args);
        assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
        stdout(&output)
    };
    let picture = dot(&[]);
    let node = |picture: &str, id: &str| {
        picture
            .lines()
            .find(|l| l.trim_start().starts_with(&format!("\"{id}\" [")))
            .map(str::to_string)
    };
    assert_eq!(node(&picture, ODESA), None, "rejected events are left out");
    let cairo = node(&picture, CAIRO).expect("Cairo drawn");
    assert!(
        cairo.contains("label=\"✓ verified\\n2025-03-04\\n"),
        "{cairo}"
    );
    assert!(
        !cairo.contains("#cc0000"),
        "a stale conflict paints a reviewed event: {cairo}"
    );
    assert!(
        cairo.contains("tooltip=") && cairo.contains("wire.txt"),
        "{cairo}"
    );
    let istanbul = node(&picture, ISTANBUL).expect("Istanbul drawn");
    assert!(
        istanbul.contains("#cc0000"),
        "unreviewed, still in its conflict: {istanbul}"
    );
    // The axis follows the reviewed date: Cairo (4 March) comes first.
    let first_axis = picture
        .lines()
        .find(|l| l.contains("axis0 [label="))
        .unwrap();
    assert!(first_axis.contains("2025-03-04"), "{first_axis}");
    let shown = dot(&["--show-rejected"]);
    let odesa = node(&shown, ODESA).expect("shown when asked");
    assert!(odesa.contains("<S>✗ rejected</S>"), "{odesa}");
    for picture in [picture, shown] {
        render_svg(&picture);
    }
}

/// A YAML value as JSON, as a validator reads it (dates stay strings, as
/// `serde_yaml` and the schema have them).
fn json_of(value: &serde_yaml::Value) -> String {
    use serde_yaml::Value;
    match value {
        Value::Null => "null".into(),
        Value::Bool(b) => b.to_string(),
        Value::Number(n) => n.to_string(),
        Value::String(s) => {
            let mut out = String::from("\"");
            for c in s.chars() {
                match c {
                    '"' => out.push_str("\\\""),
                    '\\' => out.push_str("\\\\"),
                    c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
                    c => out.push(c),
                }
            }
            out.push('"');
            out
        }
        Value::Sequence(items) => format!(
            "[{}]",
            items.iter().map(json_of).collect::<Vec<_>>().join(",")
        ),
        Value::Mapping(map) => format!(
            "{{{}}}",
            map.iter()
                .map(|(k, v)| format!("{}:{}", json_of(k), json_of(v)))
                .collect::<Vec<_>>()
                .join(",")
        ),
        Value::Tagged(tagged) => json_of(&tagged.value),
    }
}

/// The schema's verdict on each document (true: valid), from Python's `jsonschema`
/// (`pip install jsonschema`); None, with a notice, where it is not installed,
/// except under CI=true, where it must be.
fn schema_verdicts(documents: &[String]) -> Option<Vec<bool>> {
    use std::io::Write;
    // (Not a string with line continuations: they would eat Python's indentation.)
    let script = [
        "import json, sys, jsonschema",
        "schema = json.load(open(sys.argv[1]))",
        "jsonschema.Draft202012Validator.check_schema(schema)",
        "validator = jsonschema.Draft202012Validator(schema)",
        "for line in sys.stdin:",
        "    errors = list(validator.iter_errors(json.loads(line)))",
        "    print('valid' if not errors else 'invalid: ' + '; '.join(e.message for e in errors))",
    ]
    .join("\n");
    let present = Command::new("python3")
        .args(["-c", "import jsonschema"])
        .output()
        .is_ok_and(|o| o.status.success());
    if !present {
        assert!(
            std::env::var("CI").as_deref() != Ok("true"),
            "CI=true: Python's jsonschema must be installed (pip install jsonschema)"
        );
        eprintln!("notice: Python's jsonschema is not installed; schema checks skipped");
        return None;
    }
    let mut child = Command::new("python3")
        .args(["-c", &script])
        .arg(root().join("schema/timeline.schema.json"))
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut input = child.stdin.take().unwrap();
    for document in documents {
        let value: serde_yaml::Value = serde_yaml::from_str(document).unwrap();
        writeln!(input, "{}", json_of(&value)).unwrap();
    }
    drop(input);
    let output = child.wait_with_output().unwrap();
    assert!(output.status.success(), "{}", stderr(&output));
    let verdicts: Vec<String> = stdout(&output).lines().map(str::to_string).collect();
    eprintln!("schema verdicts: {verdicts:?}");
    Some(verdicts.iter().map(|v| v == "valid").collect())
}

#[test]
fn the_schema_accepts_what_dateline_writes_and_reviewers_may_write() {
    let dir = tempfile::tempdir().unwrap();
    let articles = conflict_articles(dir.path());
    let file = dir.path().join("week.yaml");
    build(&articles, &file);
    let built = std::fs::read_to_string(&file).unwrap();
    review(
        &file,
        CAIRO,
        &[
            "verified: true",
            "note: checked",
            "date: 2025-W10",
            "place: null",
            "actors: [Egypt]",
            "killed: 3",
        ],
    );
    review(&file, ODESA, &["rejected: true", "reason: misdated"]);
    review(
        &file,
        ISTANBUL,
        &["date: null", "status: planned", "kind: statement"],
    );
    let reviewed = std::fs::read_to_string(&file).unwrap();
    // What dateline does with the reviewed file must be valid too (orphans included).
    build(&articles, &file);
    let rebuilt = std::fs::read_to_string(&file).unwrap();
    let seeds = std::fs::read_to_string(root().join("timelines/seeds.yaml")).unwrap();
    let rejected_without_reason = reviewed.replace("    reason: misdated\n", "");
    let misspelt = reviewed.replace("verified: true", "verifed: true");
    let bad_date = reviewed.replace("date: 2025-W10", "date: 2025-W60");
    let stray = reviewed.replace("  kind: meeting\n", "  colour: red\n  kind: meeting\n");
    let documents = [
        seeds,
        built,
        reviewed,
        rebuilt,
        rejected_without_reason,
        misspelt,
        bad_date,
        stray,
    ];
    let Some(verdicts) = schema_verdicts(&documents) else {
        return;
    };
    assert_eq!(
        verdicts,
        [true, true, true, true, false, false, false, false]
    );
    // dateline itself refuses the same three edits, naming the event.
    for (bad, says) in [
        (&documents[4], "without a `review.reason`"),
        (&documents[5], "verifed"),
        (&documents[7], "`colour` is not a field"),
    ] {
        std::fs::write(&file, bad).unwrap();
        let output = dateline(&["build", arg(&articles), "-o", arg(&file)]);
        assert_eq!(output.status.code(), Some(4), "{}", stderr(&output));
        assert!(stderr(&output).contains(says), "{}", stderr(&output));
        assert_eq!(
            &std::fs::read_to_string(&file).unwrap(),
            bad,
            "nothing lost"
        );
    }
}

#[test]
fn edits_outside_review_are_kept_as_overrides_and_only_those() {
    let dir = tempfile::tempdir().unwrap();
    let articles = bound_article(dir.path(), "Thursday");
    let file = dir.path().join("t.yaml");
    build(&articles, &file);
    let strike_id = strike_of(&file);

    // The article changes, the file does not: the builder's new reading is taken
    // as it is, and no review appears.
    let text = std::fs::read_to_string(articles.join("istanbul.txt")).unwrap();
    std::fs::write(
        articles.join("istanbul.txt"),
        text.replace("with drones", "with missiles"),
    )
    .unwrap();
    let output = build(&articles, &file);
    assert!(
        !stderr(&output).contains("outside `review:`"),
        "{}",
        stderr(&output)
    );
    let timeline = read(&file);
    let strike = event(&timeline, &strike_id);
    assert!(strike.review.is_none());
    assert!(strike.summary.contains("missile"), "{}", strike.summary);

    // Someone edits the builder's fields directly: the rebuild keeps the edits, as
    // review overrides, and says so.
    let text = std::fs::read_to_string(&file).unwrap();
    let edited = text.replacen(
        &format!("summary: {}", strike.summary),
        "summary: Russian missiles hit Odesa port",
        1,
    );
    assert_ne!(edited, text);
    std::fs::write(&file, edited).unwrap();
    let output = build(&articles, &file);
    assert!(
        stderr(&output).contains(&format!(
            "`summary` of `{strike_id}` edited outside `review:`; kept as review override"
        )),
        "{}",
        stderr(&output)
    );
    let timeline = read(&file);
    let strike = event(&timeline, &strike_id);
    assert_eq!(strike.summary, "Russian missiles hit Odesa port");
    assert_eq!(
        strike.review.as_ref().and_then(|r| r.summary.as_deref()),
        Some("Russian missiles hit Odesa port")
    );
    // Nothing else of the file became an override.
    let reviewed = timeline
        .events
        .iter()
        .filter(|e| e.review.is_some())
        .count();
    assert_eq!(reviewed, 1);
}

#[test]
fn an_event_a_reviewer_added_never_shares_an_id_with_the_articles() {
    let dir = tempfile::tempdir().unwrap();
    let articles = bound_article(dir.path(), "Thursday");
    let article = articles.join("istanbul.txt");
    let full_text = std::fs::read_to_string(&article).unwrap();
    std::fs::write(
        &article,
        "---\npublished: 2025-03-10\n---\nRussian forces struck Odesa with drones on Sunday.\n",
    )
    .unwrap();
    let file = dir.path().join("t.yaml");
    build(&articles, &file);
    // The reviewer adds the meeting the article misses, under an id of the
    // builder's form.
    let added = format!(
        "- id: {ISTANBUL}\n  source: reviewer\n  review:\n    note: from the ministry\n  kind: meeting\n  date: 2025-03-06\n  status: occurred\n  actors: [Rustem Umerov]\n  place: Istanbul\n  summary: Umerov meets Witkoff\n  sources: []\n"
    );
    let text = std::fs::read_to_string(&file).unwrap();
    std::fs::write(&file, format!("{text}{added}")).unwrap();
    build(&articles, &file);
    assert_eq!(event(&read(&file), ISTANBUL).source, Some(Origin::Reviewer));

    // Then the article reports it: the builder's event takes the id, the reviewer's
    // is renamed, with a notice, and nothing is lost.
    std::fs::write(&article, full_text).unwrap();
    let output = build(&articles, &file);
    let renamed = format!("{ISTANBUL}-by-reviewer");
    assert!(
        stderr(&output).contains(&format!("the reviewer's is now `{renamed}`")),
        "{}",
        stderr(&output)
    );
    let timeline = read(&file);
    assert_eq!(event(&timeline, ISTANBUL).source, None);
    assert_eq!(event(&timeline, &renamed).summary, "Umerov meets Witkoff");

    // Two events under one id (a hand edit, a bad merge) are refused, not guessed.
    let text = std::fs::read_to_string(&file).unwrap();
    std::fs::write(
        &file,
        text.replace(
            &format!("- id: {renamed}\n"),
            &format!("- id: {ISTANBUL}\n"),
        ),
    )
    .unwrap();
    let refused = dateline(&["build", arg(&articles), "-o", arg(&file)]);
    assert_eq!(refused.status.code(), Some(4));
    assert!(stderr(&refused).contains(&format!("two events have the id `{ISTANBUL}`")));
}
