//! Arbitrary bytes as a timeline YAML file (a reviewer's edits): `read_timeline`, then
//! the DOT writer (every option), the YAML writer, `diff` against itself, and
//! `read_previous` (the rebuild path).
#![no_main]

use dateline::export::dot::{to_dot, ClusterBy, DotOptions};
use dateline::export::{diff::diff, yaml};
use libfuzzer_sys::fuzz_target;

mod common;

fuzz_target!(|data: &[u8]| {
    let dir = common::folder();
    let path = common::put(dir.path(), "timeline.yaml", data);
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
});
