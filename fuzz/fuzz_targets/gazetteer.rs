//! Arbitrary bytes as a user gazetteer (`--gazetteer FILE`):
//! `Lexicon::with_gazetteers`, and on success one small article extracted with it.
//!
//! `with_gazetteers` loads the whole built-in lexicon first (~150 ms under ASan), so
//! the file is first read and added to an empty `Gazetteer` the same way: whether
//! `extend_with` fails depends only on the file, so an input rejected there would be
//! rejected by `with_gazetteers` too, and only the accepted ones pay for the full load.
#![no_main]

use std::path::PathBuf;

use dateline::document::Document;
use dateline::extract::Gazetteer;
use dateline::model::DateSource;
use dateline::Lexicon;
use libfuzzer_sys::fuzz_target;

mod common;

fuzz_target!(|data: &[u8]| {
    let dir = common::folder();
    let path = common::put(dir.path(), "gazetteer.yaml", data);
    let Ok(text) = dateline::io::read_yaml_text(&path) else {
        return;
    };
    if Gazetteer::default().extend_with(&path, &text).is_err() {
        return;
    }
    let Ok(lexicon) = Lexicon::with_gazetteers(&[path]) else {
        return;
    };
    let doc = Document {
        name: "a.txt".into(),
        path: PathBuf::from("a.txt"),
        text: common::ARTICLE.into(),
        body_start: 0,
        published: Some(common::anchor()),
        published_from: DateSource::Argument,
        outlet: None,
    };
    std::hint::black_box(dateline::extract::extract_document(&doc, &lexicon));
});
