//! Arbitrary bytes as `sources.yaml` beside two small articles (a.txt, b.txt), then
//! `dateline::build` (via `common::build`) on the folder and the YAML and DOT writers.
#![no_main]

use libfuzzer_sys::fuzz_target;

mod common;

fuzz_target!(|data: &[u8]| common::manifest(data));
