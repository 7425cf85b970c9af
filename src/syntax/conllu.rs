//! CoNLL-U, the Universal Dependencies file format
//! (<https://universaldependencies.org/format.html>): one word a line in ten
//! tab-separated columns, comments starting with `#`, a blank line after each
//! sentence. Multi-word token lines (`3-4`) and empty nodes (`8.1`) are kept as they
//! are so a file read and written again comes back unchanged.

use std::fmt::Write as _;

/// One syntactic word: the ten columns.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Word {
    pub form: String,
    pub lemma: String,
    pub upos: String,
    pub xpos: String,
    pub feats: String,
    /// 0 for the root; `None` when the column is `_` (not parsed yet).
    pub head: Option<usize>,
    pub deprel: String,
    pub deps: String,
    pub misc: String,
}

/// A sentence: its comment lines, its words, and the lines that are not words
/// (multi-word tokens, empty nodes), each kept with the number of words before it.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Sentence {
    pub comments: Vec<String>,
    pub words: Vec<Word>,
    pub other_lines: Vec<(usize, String)>,
    /// Line of the file where the sentence starts (1-based).
    pub line: usize,
}

/// What is wrong with a CoNLL-U text, and on which line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FormatError {
    pub line: usize,
    pub reason: String,
}

/// Read every sentence of a CoNLL-U text.
pub fn read(text: &str) -> Result<Vec<Sentence>, FormatError> {
    let mut sentences = Vec::new();
    let mut current = Sentence::default();
    // The line of each word of the current sentence, for errors found at its end.
    let mut word_lines: Vec<usize> = Vec::new();
    for (index, raw) in text.lines().enumerate() {
        let line = index + 1;
        let raw = raw.strip_suffix('\r').unwrap_or(raw);
        if raw.trim().is_empty() {
            if !current.words.is_empty() {
                finish(&current, &word_lines)?;
                word_lines.clear();
                sentences.push(std::mem::take(&mut current));
            } else if !current.comments.is_empty() || !current.other_lines.is_empty() {
                return Err(FormatError {
                    line,
                    reason: "a sentence with comments but no words".into(),
                });
            }
            continue;
        }
        if current.words.is_empty() && current.comments.is_empty() && current.other_lines.is_empty()
        {
            current.line = line;
        }
        if let Some(comment) = raw.strip_prefix('#') {
            if !current.words.is_empty() {
                return Err(FormatError {
                    line,
                    reason: "a comment inside a sentence (comments go before its words)".into(),
                });
            }
            current.comments.push(comment.to_string());
            continue;
        }
        let columns: Vec<&str> = raw.split('\t').collect();
        if columns.len() != 10 {
            return Err(FormatError {
                line,
                reason: format!("expected 10 tab-separated columns, found {}", columns.len()),
            });
        }
        let id = columns[0];
        if id.contains('-') || id.contains('.') {
            current
                .other_lines
                .push((current.words.len(), raw.to_string()));
            continue;
        }
        let expected = current.words.len() + 1;
        match id.parse::<usize>() {
            Ok(n) if n == expected => {}
            _ => {
                return Err(FormatError {
                    line,
                    reason: format!("word ID `{id}` where {expected} was expected"),
                })
            }
        }
        if columns[1].is_empty() {
            return Err(FormatError {
                line,
                reason: "empty FORM column".into(),
            });
        }
        let head = match columns[6] {
            "_" => None,
            h => Some(h.parse::<usize>().map_err(|_| FormatError {
                line,
                reason: format!("HEAD `{h}` is not a number"),
            })?),
        };
        word_lines.push(line);
        current.words.push(Word {
            form: columns[1].to_string(),
            lemma: columns[2].to_string(),
            upos: columns[3].to_string(),
            xpos: columns[4].to_string(),
            feats: columns[5].to_string(),
            head,
            deprel: columns[7].to_string(),
            deps: columns[8].to_string(),
            misc: columns[9].to_string(),
        });
    }
    if !current.words.is_empty() {
        finish(&current, &word_lines)?;
        sentences.push(current);
    } else if !current.comments.is_empty() {
        return Err(FormatError {
            line: current.line,
            reason: "a sentence with comments but no words".into(),
        });
    }
    Ok(sentences)
}

/// Check the heads of a finished sentence point at its words.
fn finish(sentence: &Sentence, word_lines: &[usize]) -> Result<(), FormatError> {
    let n = sentence.words.len();
    for (i, word) in sentence.words.iter().enumerate() {
        if word.head.is_some_and(|h| h > n) {
            return Err(FormatError {
                line: word_lines.get(i).copied().unwrap_or(sentence.line),
                reason: format!(
                    "HEAD {} is past the last word ({n})",
                    word.head.unwrap_or(0)
                ),
            });
        }
    }
    Ok(())
}

/// Write sentences as CoNLL-U.
pub fn write(sentences: &[Sentence]) -> String {
    let mut out = String::new();
    for sentence in sentences {
        for comment in &sentence.comments {
            let _ = writeln!(out, "#{comment}");
        }
        let mut others = sentence.other_lines.iter().peekable();
        for (i, word) in sentence.words.iter().enumerate() {
            while let Some((_, line)) = others.next_if(|(before, _)| *before == i) {
                let _ = writeln!(out, "{line}");
            }
            let head = word.head.map_or_else(|| "_".to_string(), |h| h.to_string());
            let _ = writeln!(
                out,
                "{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}",
                i + 1,
                field(&word.form),
                field(&word.lemma),
                field(&word.upos),
                field(&word.xpos),
                field(&word.feats),
                head,
                field(&word.deprel),
                field(&word.deps),
                field(&word.misc),
            );
        }
        for (_, line) in others {
            let _ = writeln!(out, "{line}");
        }
        out.push('\n');
    }
    out
}

fn field(value: &str) -> &str {
    if value.is_empty() {
        "_"
    } else {
        value
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = "# text = Don't go.\n1-2\tDon't\t_\t_\t_\t_\t_\t_\t_\t_\n1\tDo\tdo\tAUX\tVB\t_\t3\taux\t3:aux\t_\n2\tn't\tnot\tPART\tRB\t_\t3\tadvmod\t3:advmod\t_\n3\tgo\tgo\tVERB\tVB\t_\t0\troot\t0:root\tSpaceAfter=No\n4\t.\t.\tPUNCT\t.\t_\t3\tpunct\t3:punct\t_\n\n";

    #[test]
    fn round_trips_with_multiword_tokens() {
        let sentences = read(SAMPLE).unwrap();
        assert_eq!(sentences.len(), 1);
        assert_eq!(sentences[0].words.len(), 4);
        assert_eq!(write(&sentences), SAMPLE);
    }

    #[test]
    fn malformed_lines_are_reported_with_their_number() {
        for (text, line, reason) in [
            ("1\tgo\n", 1, "10 tab-separated columns"),
            (
                "1\ta\t_\t_\t_\t_\t0\troot\t_\t_\n3\tb\t_\t_\t_\t_\t1\tdep\t_\t_\n",
                2,
                "word ID",
            ),
            ("1\ta\t_\t_\t_\t_\tx\troot\t_\t_\n", 1, "not a number"),
            ("1\ta\t_\t_\t_\t_\t5\troot\t_\t_\n", 1, "past the last word"),
            ("# c\n1-2\tab\t_\t_\t_\t_\t_\t_\t_\t_\n1\ta\t_\t_\t_\t_\t0\troot\t_\t_\n2\tb\t_\t_\t_\t_\t9\tdep\t_\t_\n", 4, "past the last word"),
        ] {
            let err = read(text).unwrap_err();
            assert_eq!(err.line, line, "{text:?}");
            assert!(err.reason.contains(reason), "{}", err.reason);
        }
    }
}
