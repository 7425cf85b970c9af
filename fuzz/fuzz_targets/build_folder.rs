//! A folder of up to 4 articles (a.txt .. d.txt) and an optional sources.yaml through
//! `dateline::build` (via `common::build`), then the YAML and DOT writers.
//!
//! Input layout: parts separated by 0x00. If the first part starts with `- `, `#` or
//! `[` it is the manifest (sources.yaml); the next (up to) 4 parts are the articles.
#![no_main]

use libfuzzer_sys::fuzz_target;

mod common;

const NAMES: [&str; 4] = ["a.txt", "b.txt", "c.txt", "d.txt"];

fuzz_target!(|data: &[u8]| {
    let mut parts = data.split(|&b| b == 0).peekable();
    let dir = common::folder();
    if let Some(first) = parts.peek() {
        if first.starts_with(b"- ") || first.starts_with(b"#") || first.starts_with(b"[") {
            common::put(dir.path(), "sources.yaml", first);
            parts.next();
        }
    }
    for (name, article) in NAMES.iter().zip(parts) {
        common::put(dir.path(), name, article);
    }
    if let Ok((timeline, warnings)) = common::build(dir.path()) {
        common::render(&timeline);
        std::hint::black_box(warnings);
    }
});
