//! Syntax: part-of-speech tags and a dependency tree for each sentence, in Universal
//! Dependencies terms, from a compact model trained on UD English treebanks and built
//! into the binary.
//!
//! - [`tokenise`] splits text into UD tokens ("don't" → "do" "n't", "Russia's" →
//!   "Russia" "'s");
//! - [`tagger`] gives each word a UPOS and a Penn Treebank tag;
//! - [`parser`] builds the tree: greedy arc-eager transitions, linear in the sentence;
//! - [`conllu`] reads and writes the treebanks' format;
//! - [`train`] learns a model from treebanks, deterministically.

pub mod conllu;
pub mod lexeme;
pub mod model;
mod oracle;
pub mod parser;
pub mod perceptron;
pub mod random;
pub mod render;
pub mod tagger;
pub mod tokenise;
pub mod train;
pub mod tree;

pub use model::Syntax;
pub use tokenise::{tokenise, Token};
pub use tree::Tree;
