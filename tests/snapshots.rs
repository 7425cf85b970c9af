//! Snapshots of what users read: the YAML and DOT of a small article set from other
//! conflicts, and `extract`'s report. A change shows up as a reviewable diff.

use std::path::PathBuf;

fn fixtures() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/mini")
}

fn timeline() -> dateline::Timeline {
    // A fixed current year: the dateline of caucasus.txt has no year.
    let (timeline, _warnings) =
        dateline::build(&[fixtures()], Some("Fixture timeline".into()), 2026).expect("build");
    timeline
}

#[test]
fn yaml_of_the_fixture_articles() {
    insta::assert_snapshot!("mini_yaml", dateline::export::yaml::to_yaml(&timeline()));
}

#[test]
fn dot_of_the_fixture_articles() {
    insta::assert_snapshot!(
        "mini_dot",
        dateline::export::dot::to_dot(&timeline(), &Default::default())
    );
}
