//! Arbitrary bytes as a timeline YAML file (a reviewer's edits): `read_timeline`, then
//! the DOT writer (every option), the YAML writer, `diff` against itself, and
//! `read_previous` (the rebuild path).
#![no_main]

use libfuzzer_sys::fuzz_target;

mod common;

fuzz_target!(|data: &[u8]| common::timeline(data));
