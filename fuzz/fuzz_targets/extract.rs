//! Arbitrary text as one article, published 2025-03-10: what `dateline extract FILE
//! --published 2025-03-10` does (cli.rs `load_one` + `extract_document`).
#![no_main]

use libfuzzer_sys::fuzz_target;

mod common;

fuzz_target!(|data: &[u8]| common::extract(data));
