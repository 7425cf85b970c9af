//! Arbitrary text through the syntax module, both ways `dateline parse` reads it:
//! as text (tokenise, tag, parse) and as CoNLL-U (read, re-parse the given tokens),
//! each written back as CoNLL-U and as indented trees.
#![no_main]

use libfuzzer_sys::fuzz_target;

mod common;

fuzz_target!(|data: &[u8]| common::parse(data));
