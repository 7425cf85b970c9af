//! Arbitrary text through the syntax module, both ways `dateline parse` reads it:
//! as text (tokenise, tag, parse) and as CoNLL-U (read, re-parse the given tokens),
//! each written back as CoNLL-U and as indented trees.
#![no_main]

use dateline::syntax::{conllu, render, Syntax};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let syntax = Syntax::english().expect("the built-in syntax model loads");
    let (sentences, cut) = render::parse_text(syntax, text);
    std::hint::black_box((conllu::write(&sentences), render::to_text(&sentences), cut));
    if let Ok(mut sentences) = conllu::read(text) {
        render::parse_given(syntax, &mut sentences);
        std::hint::black_box((conllu::write(&sentences), render::to_text(&sentences)));
    }
});
