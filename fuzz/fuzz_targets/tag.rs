//! Arbitrary text through the temporal tagger, anchored on 2025-03-10.
#![no_main]

use libfuzzer_sys::fuzz_target;

mod common;

fuzz_target!(|data: &[u8]| common::tag(data));
