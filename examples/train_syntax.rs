//! Train dateline's syntax model from the Universal Dependencies treebanks.
//!
//! ```text
//! cargo run --release --example train_syntax                # writes src/syntax/model/english.bin
//! cargo run --release --example train_syntax -- --corpora ../shared/corpora/ud --out model.bin
//! ```
//!
//! Trains on the English Web Treebank's train file and GUM's news/speech train file,
//! then prints UPOS accuracy, UAS and LAS on the dev and test files. The same data
//! and options give the same bytes. `--from MODEL --smallest T,P` prunes an existing
//! model instead (weights under T in the tagger, P in the parser, on the model's
//! 8-bit scale) and prints its figures: the quick way to weigh size against accuracy.

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use dateline::syntax::{conllu, train};

const TRAIN_FILES: &[&str] = &["en_ewt-ud-train.conllu", "en_gum-news-ud-train.conllu"];
const EVAL_FILES: &[&str] = &[
    "en_ewt-ud-dev.conllu",
    "en_gum-news-ud-dev.conllu",
    "en_ewt-ud-test.conllu",
];

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("train_syntax: {message}");
            ExitCode::FAILURE
        }
    }
}

fn run() -> Result<(), String> {
    let mut corpora = PathBuf::from("../shared/corpora/ud");
    let mut out = PathBuf::from("src/syntax/model/english.bin");
    let mut options = train::Options::default();
    let mut from: Option<PathBuf> = None;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let mut value = |name: &str| args.next().ok_or(format!("{name} needs a value"));
        match arg.as_str() {
            "--corpora" => corpora = PathBuf::from(value("--corpora")?),
            "--out" => out = PathBuf::from(value("--out")?),
            "--tagger-epochs" => options.tagger_epochs = number(&value(&arg)?)?,
            "--parser-epochs" => options.parser_epochs = number(&value(&arg)?)?,
            "--folds" => options.folds = number(&value(&arg)?)?,
            "--threads" => options.threads = number(&value(&arg)?)?,
            "--parser-smallest-weight" => {
                let text = value(&arg)?;
                options.parser_smallest_weight = text
                    .parse()
                    .map_err(|_| format!("`{text}` is not a number"))?;
            }
            "--from" => from = Some(PathBuf::from(value("--from")?)),
            "--smallest" => {
                let text = value(&arg)?;
                let (t, p) = text.split_once(',').ok_or("--smallest TAGGER,PARSER")?;
                options.tagger_smallest_final =
                    t.parse().map_err(|_| "--smallest TAGGER,PARSER")?;
                options.parser_smallest_final =
                    p.parse().map_err(|_| "--smallest TAGGER,PARSER")?;
            }
            "--help" | "-h" => {
                println!(
                    "train_syntax [--corpora DIR] [--out FILE] [--tagger-epochs N] \
                     [--parser-epochs N] [--folds N] [--threads N] [--parser-smallest-weight N] \
                     [--from MODEL] [--smallest TAGGER,PARSER]"
                );
                return Ok(());
            }
            other => return Err(format!("unknown argument `{other}` (try --help)")),
        }
    }
    let started = Instant::now();
    let mut sentences = Vec::new();
    for name in TRAIN_FILES.iter().filter(|_| from.is_none()) {
        sentences.extend(read(&corpora.join(name))?);
    }
    let model = match &from {
        Some(path) => {
            let bytes = std::fs::read(path).map_err(|e| format!("{}: {e}", path.display()))?;
            dateline::syntax::Syntax::from_bytes(&bytes)?
                .pruned(options.tagger_smallest_final, options.parser_smallest_final)
        }
        None => train::train(&sentences, &options, &mut |message| {
            eprintln!("[{:>6.1}s] {message}", started.elapsed().as_secs_f64());
        })
        .map_err(|e| e.to_string())?,
    };
    let bytes = model.to_bytes();
    dateline::io::write_atomically(&out, &bytes).map_err(|e| e.to_string())?;
    eprintln!(
        "[{:>6.1}s] wrote {} ({:.1} MB, FNV-1a {:016x})",
        started.elapsed().as_secs_f64(),
        out.display(),
        bytes.len() as f64 / 1e6,
        dateline::hash::fnv1a_64(bytes.iter().copied())
    );
    for name in EVAL_FILES {
        let gold = read(&corpora.join(name))?;
        let scores = train::evaluate(&model, &gold);
        println!("{name}: {scores}");
    }
    Ok(())
}

fn read(path: &Path) -> Result<Vec<conllu::Sentence>, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    conllu::read(&text).map_err(|e| format!("{}:{}: {}", path.display(), e.line, e.reason))
}

fn number(text: &str) -> Result<usize, String> {
    text.parse()
        .map_err(|_| format!("`{text}` is not a number"))
}
