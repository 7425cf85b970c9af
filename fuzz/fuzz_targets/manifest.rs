//! Arbitrary bytes as `sources.yaml` beside two small articles (a.txt, b.txt), then
//! `dateline::build` (via `common::build`) on the folder and the YAML and DOT writers.
#![no_main]

use libfuzzer_sys::fuzz_target;

mod common;

fuzz_target!(|data: &[u8]| {
    let dir = common::folder();
    common::put(dir.path(), "sources.yaml", data);
    common::put(dir.path(), "a.txt", common::ARTICLE.as_bytes());
    common::put(
        dir.path(),
        "b.txt",
        b"Officials said talks resumed on Monday.\n",
    );
    if let Ok((timeline, _)) = common::build(dir.path()) {
        common::render(&timeline);
    }
});
