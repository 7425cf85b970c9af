//! A folder of up to 4 articles (a.txt .. d.txt) and an optional sources.yaml through
//! `dateline::build` (via `common::build`), then the YAML and DOT writers.
//!
//! Input layout: parts separated by 0x00. If the first part starts with `- `, `#` or
//! `[` it is the manifest (sources.yaml); the next (up to) 4 parts are the articles.
#![no_main]

use libfuzzer_sys::fuzz_target;

mod common;

fuzz_target!(|data: &[u8]| common::build_folder(data));
