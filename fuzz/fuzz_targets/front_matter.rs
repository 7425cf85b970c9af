//! Arbitrary bytes as the YAML front matter of one article:
//! `---\n{input}\n---\n{article}`, then `dateline::build` (via `common::build`) on
//! its folder and the YAML and DOT writers.
#![no_main]

use libfuzzer_sys::fuzz_target;

mod common;

fuzz_target!(|data: &[u8]| {
    let mut file = Vec::with_capacity(data.len() + common::ARTICLE.len() + 10);
    file.extend_from_slice(b"---\n");
    file.extend_from_slice(data);
    file.extend_from_slice(b"\n---\n");
    file.extend_from_slice(common::ARTICLE.as_bytes());
    let dir = common::folder();
    common::put(dir.path(), "a.txt", &file);
    if let Ok((timeline, _)) = common::build(dir.path()) {
        common::render(&timeline);
    }
});
