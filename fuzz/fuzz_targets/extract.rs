//! Arbitrary text as one article, published 2025-03-10: what `dateline extract FILE
//! --published 2025-03-10` does (cli.rs `load_one` + `extract_document`).
#![no_main]

use dateline::document::{read_document, GivenMetadata};
use dateline::model::DateSource;
use libfuzzer_sys::fuzz_target;

mod common;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let dir = common::folder();
    let path = common::put(dir.path(), "article.txt", text.as_bytes());
    let lexicon = common::lexicon();
    let given = GivenMetadata {
        published: Some(common::anchor()),
        source: Some(DateSource::Argument),
        outlet: None,
    };
    let mut warnings = Vec::new();
    let Ok(doc) = read_document(
        &path,
        "article.txt".to_string(),
        given,
        &lexicon.temporal,
        common::THIS_YEAR,
        &mut warnings,
    ) else {
        return;
    };
    let extraction = dateline::extract::extract_document(&doc, lexicon);
    std::hint::black_box(extraction);
});
