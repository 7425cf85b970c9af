//! Arbitrary text through the temporal tagger, anchored on 2025-03-10.
#![no_main]

use libfuzzer_sys::fuzz_target;

mod common;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let timexes = dateline::temporal::tag_text(text, common::anchor(), &common::lexicon().temporal);
    std::hint::black_box(timexes);
});
