//! Arbitrary bytes as the YAML front matter of one article:
//! `---\n{input}\n---\n{article}`, then `dateline::build` (via `common::build`) on
//! its folder and the YAML and DOT writers.
#![no_main]

use libfuzzer_sys::fuzz_target;

mod common;

fuzz_target!(|data: &[u8]| common::front_matter(data));
