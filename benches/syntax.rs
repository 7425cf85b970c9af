//! Tagging and parsing throughput, in tokens per second on one core (divan runs
//! single-threaded): the English Web Treebank test set's gold tokens
//! (../shared/corpora/ud), else the seed articles cut by dateline's tokeniser.
//! `cargo bench --bench syntax`; the target is 150,000 tokens/s.

use std::path::Path;

use dateline::syntax::{conllu, tokenise, Syntax};
use divan::counter::ItemsCount;

/// The binary's allocator, so the model's tables sit in memory as they do there.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    divan::main();
}

fn sentences() -> Vec<Vec<String>> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let test = root.join("../shared/corpora/ud/en_ewt-ud-test.conllu");
    if let Ok(text) = std::fs::read_to_string(&test) {
        if let Ok(sentences) = conllu::read(&text) {
            return sentences
                .into_iter()
                .map(|s| s.words.into_iter().map(|w| w.form).collect())
                .collect();
        }
    }
    eprintln!("UD treebanks not found beside the repository: timing the seed articles");
    let mut out = Vec::new();
    let mut paths: Vec<_> = std::fs::read_dir(root.join("data"))
        .expect("data/")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    paths.sort();
    for path in paths {
        let text = std::fs::read_to_string(path).expect("seed text");
        let (sentences, _) = tokenise(&text);
        out.extend(
            sentences
                .into_iter()
                .map(|s| s.into_iter().map(|t| t.form).collect()),
        );
    }
    out
}

#[divan::bench(sample_count = 10, sample_size = 1)]
fn tag_and_parse(bencher: divan::Bencher) {
    let syntax = Syntax::english().expect("built-in model");
    let sentences = sentences();
    let tokens: usize = sentences.iter().map(Vec::len).sum();
    bencher.counter(ItemsCount::new(tokens)).bench(|| {
        let mut arcs = 0;
        for sentence in &sentences {
            let tree = syntax.analyse(sentence);
            arcs += tree.len();
        }
        divan::black_box(arcs)
    });
}

#[divan::bench(sample_count = 10, sample_size = 1)]
fn tag_only(bencher: divan::Bencher) {
    let syntax = Syntax::english().expect("built-in model");
    let sentences = sentences();
    let tokens: usize = sentences.iter().map(Vec::len).sum();
    bencher.counter(ItemsCount::new(tokens)).bench(|| {
        let mut tags = 0;
        for sentence in &sentences {
            let lexemes: Vec<_> = sentence
                .iter()
                .map(|w| dateline::syntax::lexeme::Lexeme::new(w))
                .collect();
            tags += syntax.tagger().tag(&lexemes).len();
        }
        divan::black_box(tags)
    });
}

#[divan::bench(sample_count = 5, sample_size = 1)]
fn load_model(bencher: divan::Bencher) {
    let bytes =
        std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join("src/syntax/model/english.bin"))
            .expect("model file");
    bencher.bench(|| Syntax::from_bytes(&bytes).map(|s| s.parser().labels().len()));
}

/// One sentence of `n` tokens (given tokens, as with `--input conllu`, which are
/// never cut): the time per token must not grow with `n`.
#[divan::bench(args = [1_000, 10_000, 100_000], sample_count = 5, sample_size = 1)]
fn one_long_sentence(bencher: divan::Bencher, n: usize) {
    let syntax = Syntax::english().expect("built-in model");
    let words = [
        "the",
        "talks",
        "in",
        "Doha",
        "went",
        "on",
        ",",
        "officials",
        "said",
        "and",
    ];
    let sentence: Vec<&str> = words.iter().copied().cycle().take(n).collect();
    bencher
        .counter(ItemsCount::new(n))
        .bench(|| syntax.analyse(&sentence).len());
}
