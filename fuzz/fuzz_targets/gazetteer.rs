//! Arbitrary bytes as a user gazetteer (`--gazetteer FILE`):
//! `Lexicon::with_gazetteers`, and on success one small article extracted with it.
//!
//! `with_gazetteers` loads the whole built-in lexicon first (~150 ms under ASan), so
//! the file is first read and added to an empty `Gazetteer` the same way: whether
//! `extend_with` fails depends only on the file, so an input rejected there would be
//! rejected by `with_gazetteers` too, and only the accepted ones pay for the full load.
#![no_main]

use libfuzzer_sys::fuzz_target;

mod common;

fuzz_target!(|data: &[u8]| common::gazetteer(data));
