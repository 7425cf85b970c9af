//! The trained model: tagger and parser together, their binary file format, and the
//! English model built into dateline (`src/syntax/model/english.bin`, trained by
//! `cargo run --release --example train_syntax`).

use std::sync::OnceLock;

use super::lexeme::Lexeme;
use super::parser::Parser;
use super::perceptron::{Feature, Weights, WeightsBuilder, MAX_CLASSES};
use super::tagger::{Tag, Tagger};
use super::tree::Tree;
use crate::error::{Error, Result};
use crate::hash::{fnv1a_64, FastMap};

/// A tagger and a parser trained together.
#[derive(Debug, Clone)]
pub struct Syntax {
    pub(super) tagger: Tagger,
    pub(super) parser: Parser,
    /// Per tag: are its words punctuation?
    pub(super) punctuation: Vec<bool>,
    /// Per tag: the morphological features that come with it (`Tense=Past|...`).
    pub(super) features: Vec<String>,
}

const MAGIC: &[u8; 8] = b"DLSYNTX2";

static ENGLISH: OnceLock<std::result::Result<Syntax, String>> = OnceLock::new();

impl Syntax {
    /// The built-in English model, read on first use.
    pub fn english() -> Result<&'static Syntax> {
        ENGLISH
            .get_or_init(|| {
                Syntax::from_bytes(include_bytes!("model/english.bin"))
                    .map_err(|e| format!("the built-in syntax model is damaged: {e}"))
            })
            .as_ref()
            .map_err(|e| Error::Internal(e.clone()))
    }

    pub(super) fn new(tagger: Tagger, parser: Parser) -> Result<Syntax> {
        let punctuation = tagger.tags.iter().map(|t| t.upos == "PUNCT").collect();
        let features = features_of(&tagger.tags)?;
        Ok(Syntax {
            tagger,
            parser,
            punctuation,
            features,
        })
    }

    /// This model without the weights smaller than `smallest` (in the model's
    /// quantised units) in the tagger and the parser.
    pub fn pruned(&self, tagger_smallest: i16, parser_smallest: i16) -> Syntax {
        let mut out = self.clone();
        out.tagger.weights = self.tagger.weights.pruned(tagger_smallest);
        out.parser.weights = self.parser.weights.pruned(parser_smallest);
        out
    }

    pub fn tagger(&self) -> &Tagger {
        &self.tagger
    }

    pub fn parser(&self) -> &Parser {
        &self.parser
    }

    /// Tag and parse one sentence of tokens.
    pub fn analyse<S: AsRef<str>>(&self, forms: &[S]) -> Tree<'_> {
        let lexemes: Vec<Lexeme> = forms.iter().map(|f| Lexeme::new(f.as_ref())).collect();
        let tags = self.tagger.tag(&lexemes);
        self.parse_tagged(&lexemes, tags)
    }

    /// Parse with tags already chosen.
    pub(super) fn parse_tagged(&self, lexemes: &[Lexeme], tags: Vec<u16>) -> Tree<'_> {
        let punctuation: Vec<bool> = tags
            .iter()
            .map(|&t| {
                self.punctuation
                    .get(usize::from(t))
                    .copied()
                    .unwrap_or(false)
            })
            .collect();
        let arcs = self.parser.parse(lexemes, &tags, &punctuation);
        let names = (
            self.tagger.tags.as_slice(),
            self.features.as_slice(),
            self.parser.labels.as_slice(),
        );
        Tree::new(names, tags, arcs)
    }

    /// The model as bytes; [`Syntax::from_bytes`] reads them back.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = Writer(Vec::with_capacity(1 << 20));
        out.0.extend_from_slice(MAGIC);
        out.u32(self.tagger.tags.len() as u32);
        for tag in &self.tagger.tags {
            out.str(&tag.upos);
            out.str(&tag.xpos);
        }
        out.u32(self.parser.labels.len() as u32);
        for label in &self.parser.labels {
            out.str(label);
        }
        out.u32(self.parser.root as u32);
        let mut ambiguity: Vec<(u64, u32)> = self
            .tagger
            .ambiguity
            .iter()
            .map(|(&k, &v)| (k, v))
            .collect();
        ambiguity.sort_unstable();
        out.u32(ambiguity.len() as u32);
        for (key, mask) in ambiguity {
            out.0.extend_from_slice(&key.to_le_bytes());
            out.u32(mask);
        }
        out.weights(&self.tagger.weights);
        out.weights(&self.parser.weights);
        let checksum = fnv1a_64(out.0.iter().copied());
        out.0.extend_from_slice(&checksum.to_le_bytes());
        out.0
    }

    pub fn from_bytes(bytes: &[u8]) -> std::result::Result<Syntax, String> {
        if bytes.len() < MAGIC.len() + 8 || &bytes[..MAGIC.len()] != MAGIC {
            return Err("not a dateline syntax model".into());
        }
        let (body, sum) = bytes.split_at(bytes.len() - 8);
        let expected = u64::from_le_bytes(sum.try_into().map_err(|_| "short file")?);
        if fnv1a_64(body.iter().copied()) != expected {
            return Err("checksum mismatch".into());
        }
        let mut input = Reader {
            bytes: body,
            at: MAGIC.len(),
        };
        let tag_count = input.u32()? as usize;
        let mut tags = Vec::with_capacity(tag_count.min(1024));
        for _ in 0..tag_count {
            tags.push(Tag {
                upos: input.str()?,
                xpos: input.str()?,
            });
        }
        let label_count = input.u32()? as usize;
        let mut labels = Vec::with_capacity(label_count.min(1024));
        for _ in 0..label_count {
            labels.push(input.str()?);
        }
        let root = input.u32()? as usize;
        if root >= labels.len() {
            return Err("root label out of range".into());
        }
        let ambiguity_count = input.u32()? as usize;
        let mut ambiguity = FastMap::default();
        ambiguity.reserve(ambiguity_count.min(1 << 22));
        for _ in 0..ambiguity_count {
            let key = input.u64()?;
            let mask = input.u32()?;
            ambiguity.insert(key, mask);
        }
        let tagger_weights = input.weights()?;
        let parser_weights = input.weights()?;
        if input.at != body.len() {
            return Err("trailing bytes".into());
        }
        if tagger_weights.classes() != tags.len()
            || parser_weights.classes() != super::parser::transitions(labels.len())
        {
            return Err("class counts do not match the tag and label sets".into());
        }
        let tagger = Tagger {
            weights: tagger_weights,
            tags,
            ambiguity,
        };
        let parser = Parser {
            weights: parser_weights,
            labels,
            root,
        };
        Syntax::new(tagger, parser).map_err(|e| e.to_string())
    }
}

/// The morphological features each tag brings, from `xpos_features.yaml`.
fn features_of(tags: &[Tag]) -> Result<Vec<String>> {
    let table: std::collections::BTreeMap<String, String> = crate::io::parse_builtin_yaml(
        "syntax/xpos_features.yaml",
        include_str!("xpos_features.yaml"),
    )?;
    Ok(tags
        .iter()
        .map(|tag| table.get(&tag.xpos).cloned().unwrap_or_default())
        .collect())
}

struct Writer(Vec<u8>);

impl Writer {
    fn u32(&mut self, n: u32) {
        self.0.extend_from_slice(&n.to_le_bytes());
    }

    fn varint(&mut self, mut n: u64) {
        while n >= 0x80 {
            self.0.push((n as u8) | 0x80);
            n >>= 7;
        }
        self.0.push(n as u8);
    }

    fn str(&mut self, s: &str) {
        self.varint(s.len() as u64);
        self.0.extend_from_slice(s.as_bytes());
    }

    /// Features ascending, each as the gap from the one before and its entry count,
    /// then the entries: class and weight, a byte each.
    fn weights(&mut self, weights: &Weights) {
        let sorted = weights.to_sorted();
        self.u32(weights.classes() as u32);
        self.u32(sorted.len() as u32);
        let mut previous: Feature = 0;
        for (feature, entries) in &sorted {
            self.varint(u64::from(feature - previous));
            previous = *feature;
            self.varint(entries.len() as u64);
        }
        for (_, entries) in &sorted {
            for &(class, weight) in entries {
                self.0.push(class as u8);
                self.0.push(weight as i8 as u8);
            }
        }
    }
}

struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl Reader<'_> {
    fn take(&mut self, n: usize) -> std::result::Result<&[u8], String> {
        let end = self.at.checked_add(n).filter(|&e| e <= self.bytes.len());
        let end = end.ok_or_else(|| format!("truncated at byte {}", self.at))?;
        let out = &self.bytes[self.at..end];
        self.at = end;
        Ok(out)
    }

    fn u32(&mut self) -> std::result::Result<u32, String> {
        let b = self.take(4)?;
        Ok(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }

    fn u64(&mut self) -> std::result::Result<u64, String> {
        let b = self.take(8)?;
        let mut a = [0u8; 8];
        a.copy_from_slice(b);
        Ok(u64::from_le_bytes(a))
    }

    fn varint(&mut self) -> std::result::Result<u64, String> {
        let mut n = 0u64;
        for shift in (0..64).step_by(7) {
            let byte = self.take(1)?[0];
            n |= u64::from(byte & 0x7f) << shift;
            if byte < 0x80 {
                return Ok(n);
            }
        }
        Err(format!("bad number at byte {}", self.at))
    }

    fn str(&mut self) -> std::result::Result<String, String> {
        let len = self.varint()? as usize;
        let bytes = self.take(len)?;
        String::from_utf8(bytes.to_vec()).map_err(|_| "a name is not UTF-8".to_string())
    }

    fn weights(&mut self) -> std::result::Result<Weights, String> {
        let classes = self.u32()? as usize;
        let count = self.u32()? as usize;
        if count > self.bytes.len() {
            return Err("feature count past the end of the file".into());
        }
        let mut features = Vec::with_capacity(count);
        let mut feature: u64 = 0;
        let mut total = 0usize;
        for _ in 0..count {
            feature += self.varint()?;
            let entries = self.varint()? as usize;
            let feature = u32::try_from(feature).map_err(|_| "feature out of range")?;
            features.push((feature, entries));
            total = total.saturating_add(entries);
        }
        if total > self.bytes.len() {
            return Err("entry count past the end of the file".into());
        }
        if classes > MAX_CLASSES {
            return Err(format!("{classes} classes is more than a model holds"));
        }
        let mut builder = WeightsBuilder::new(classes, count);
        let mut run = Vec::with_capacity(classes);
        for (feature, entries) in features {
            run.clear();
            for _ in 0..entries {
                let entry = self.take(2)?;
                if usize::from(entry[0]) >= classes {
                    return Err(format!("class {} out of range", entry[0]));
                }
                run.push((entry[0], entry[1] as i8));
            }
            builder.push(feature, run.iter().copied());
        }
        Ok(builder.finish())
    }
}
