//! The shape of `src/`, checked the way ArchUnit checks a Java code base: the pipeline's
//! stages import only from earlier ones, no two source files import each other even
//! through others, and no file or function grows past what a reader can hold in mind.
//! The rules are read from the source text, so the test needs no build tooling; it
//! knows just enough of Rust to find paths (`use` trees, `crate::`/`super::`/`self::`
//! paths and child modules named in code) outside comments and string literals.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// The layers, first to last. A file may import from its own stage and from earlier
/// layers; within one layer, stages may import each other only without a cycle.
/// `lib` is the crate root, which wires the pipeline together.
const LAYERS: &[&[&str]] = &[
    &["error", "text", "io", "hash", "random", "parallel"],
    &["syntax"],
    &["temporal"],
    &["model", "timeml"],
    &["document"],
    &["extract"],
    &["graph", "synthetic"],
    &["export"],
    &["arguments", "cli", "lib", "main"],
];

const MAX_FILE_LINES: usize = 1500;
const MAX_FUNCTION_LINES: usize = 150;

#[test]
fn stages_import_only_from_earlier_stages() {
    let crate_files = read_crate(&src_dir());
    let problems = layer_violations(&crate_files);
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn no_source_file_is_part_of_an_import_cycle() {
    let crate_files = read_crate(&src_dir());
    let cycles = import_cycles(&crate_files);
    assert!(cycles.is_empty(), "import cycles:\n{}", cycles.join("\n"));
}

#[test]
fn files_and_functions_stay_short() {
    let crate_files = read_crate(&src_dir());
    let mut problems = Vec::new();
    for (path, file) in &crate_files {
        let lines = file.source.lines().count();
        if lines > MAX_FILE_LINES {
            problems.push(format!("{path}: {lines} lines (at most {MAX_FILE_LINES})"));
        }
        for (name, line, length) in long_functions(&file.code, MAX_FUNCTION_LINES) {
            problems.push(format!(
                "{path}:{line}: fn {name} has {length} lines (at most {MAX_FUNCTION_LINES})"
            ));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn the_checks_catch_what_they_are_for() {
    // A made-up crate: temporal reaches up into extract, and two temporal files import
    // each other through a third.
    let files = fake_crate(&[
        ("lib.rs", "pub mod temporal;\npub mod extract;\n"),
        (
            "temporal/mod.rs",
            "mod a;\nmod b;\nmod c;\npub use a::Thing;\n",
        ),
        ("temporal/a.rs", "use super::b::B;\npub struct Thing;\n"),
        (
            "temporal/b.rs",
            "pub struct B;\npub(in crate::temporal) fn f() { let _ = super::c::C; }\n",
        ),
        (
            "temporal/c.rs",
            "// use super::a::Thing; is a comment, not an import\nuse crate::extract::{self, lexicon::{Lexicon}};\npub struct C;\nfn g() -> super::a::Thing { let s = \"crate::graph::X\"; super::a::Thing }\n",
        ),
        ("extract/mod.rs", "pub mod lexicon;\npub use lexicon::Lexicon;\n"),
        (
            "extract/lexicon.rs",
            "pub struct Lexicon;\n#[cfg(test)]\nmod tests {\n    use crate::extract::Lexicon;\n}\n",
        ),
    ]);
    let violations = layer_violations(&files);
    assert_eq!(
        violations,
        [
            "temporal/c.rs imports extract/lexicon.rs (stage extract comes after temporal)",
            "temporal/c.rs imports extract/mod.rs (stage extract comes after temporal)",
        ]
    );
    let cycles = import_cycles(&files);
    assert_eq!(cycles, ["temporal/a.rs -> temporal/b.rs -> temporal/c.rs"]);

    let long = format!(
        "fn short() {{ }}\nfn long() {{\n{}}}\nfn declared();\n",
        "    x();\n".repeat(200)
    );
    assert_eq!(
        long_functions(&strip_comments_and_strings(&long), 150),
        [("long".to_string(), 2, 202)]
    );
}

// ---------------------------------------------------------------------------------
// Reading the crate

struct SourceFile {
    /// The module path (`["temporal", "rules", "scan"]`; the crate root is `[]`).
    module: Vec<String>,
    source: String,
    /// `source` with comments and string and char literals blanked, lines kept.
    code: String,
}

fn src_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

/// Every `.rs` file under `dir`, keyed by its path relative to `dir` with `/`.
fn read_crate(dir: &Path) -> BTreeMap<String, SourceFile> {
    let mut files = Vec::new();
    collect_rust_files(dir, &mut files);
    let sources = files
        .iter()
        .map(|path| {
            let relative = path.strip_prefix(dir).unwrap_or(path);
            let name = relative
                .components()
                .map(|c| c.as_os_str().to_string_lossy().into_owned())
                .collect::<Vec<_>>()
                .join("/");
            let source =
                std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            (name, source)
        })
        .collect::<Vec<_>>();
    let borrowed: Vec<(&str, &str)> = sources
        .iter()
        .map(|(name, source)| (name.as_str(), source.as_str()))
        .collect();
    fake_crate(&borrowed)
}

fn collect_rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let entries = std::fs::read_dir(dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
    for entry in entries {
        let path = entry.expect("a directory entry").path();
        if path.is_dir() {
            collect_rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

fn fake_crate(files: &[(&str, &str)]) -> BTreeMap<String, SourceFile> {
    files
        .iter()
        .map(|(name, source)| {
            let mut module: Vec<String> = name
                .trim_end_matches(".rs")
                .split('/')
                .map(str::to_string)
                .collect();
            if matches!(
                module.last().map(String::as_str),
                Some("mod" | "lib" | "main")
            ) {
                module.pop();
            }
            let file = SourceFile {
                module,
                source: source.to_string(),
                code: strip_comments_and_strings(source),
            };
            (name.to_string(), file)
        })
        .collect()
}

/// Blank out comments, string literals (raw ones too) and char literals, keeping
/// every newline so line numbers stay right. Lifetimes (`'a`) are kept.
fn strip_comments_and_strings(source: &str) -> String {
    let chars: Vec<char> = source.chars().collect();
    let mut out = String::with_capacity(source.len());
    let blank = |c: char| if c == '\n' { '\n' } else { ' ' };
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let next = chars.get(i + 1).copied();
        if c == '/' && next == Some('/') {
            while i < chars.len() && chars[i] != '\n' {
                out.push(' ');
                i += 1;
            }
        } else if c == '/' && next == Some('*') {
            let mut depth = 0;
            while i < chars.len() {
                if chars[i] == '/' && chars.get(i + 1) == Some(&'*') {
                    depth += 1;
                    out.push_str("  ");
                    i += 2;
                } else if chars[i] == '*' && chars.get(i + 1) == Some(&'/') {
                    depth -= 1;
                    out.push_str("  ");
                    i += 2;
                    if depth == 0 {
                        break;
                    }
                } else {
                    out.push(blank(chars[i]));
                    i += 1;
                }
            }
        } else if c == 'r'
            && matches!(next, Some('"' | '#'))
            && !is_ident_char(chars.get(i.wrapping_sub(1)))
        {
            let mut hashes = 0;
            let mut j = i + 1;
            while chars.get(j) == Some(&'#') {
                hashes += 1;
                j += 1;
            }
            if chars.get(j) != Some(&'"') {
                out.push(c);
                i += 1;
                continue;
            }
            let closing: String = std::iter::once('"')
                .chain(std::iter::repeat_n('#', hashes))
                .collect();
            let rest: String = chars[j + 1..].iter().collect();
            let end = rest.find(&closing).map_or(chars.len(), |k| {
                j + 1 + rest[..k].chars().count() + closing.chars().count()
            });
            for &ch in &chars[i..end] {
                out.push(blank(ch));
            }
            i = end;
        } else if c == '"' {
            out.push(' ');
            i += 1;
            while i < chars.len() && chars[i] != '"' {
                if chars[i] == '\\' {
                    out.push(' ');
                    i += 1;
                }
                if let Some(&ch) = chars.get(i) {
                    out.push(blank(ch));
                }
                i += 1;
            }
            out.push(' ');
            i += 1;
        } else if c == '\'' && is_char_literal(&chars, i) {
            out.push(' ');
            i += 1;
            while i < chars.len() && chars[i] != '\'' {
                if chars[i] == '\\' {
                    out.push(' ');
                    i += 1;
                }
                out.push(' ');
                i += 1;
            }
            out.push(' ');
            i += 1;
        } else {
            out.push(c);
            i += 1;
        }
    }
    out
}

fn is_ident_char(c: Option<&char>) -> bool {
    c.is_some_and(|c| c.is_alphanumeric() || *c == '_')
}

/// `'x'`, `'\n'`, `'\u{2019}'` as opposed to a lifetime `'a`.
fn is_char_literal(chars: &[char], i: usize) -> bool {
    matches!(
        (chars.get(i + 1), chars.get(i + 2)),
        (Some('\\'), _) | (Some(_), Some('\''))
    )
}

// ---------------------------------------------------------------------------------
// Imports

/// Which code's imports count: a file's unit tests (`mod tests`) use the crate the way
/// its users do, through re-exports, so they count for the layers but not for cycles.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Code {
    All,
    WithoutTests,
}

/// The files each file imports from (itself excluded), by the paths it names.
fn imports(files: &BTreeMap<String, SourceFile>, code: Code) -> BTreeMap<&str, BTreeSet<&str>> {
    let by_module: BTreeMap<&[String], &str> = files
        .iter()
        .map(|(name, file)| (file.module.as_slice(), name.as_str()))
        .collect();
    let resolve = |path: &[String]| -> Option<&str> {
        (1..=path.len())
            .rev()
            .find_map(|k| by_module.get(&path[..k]).copied())
    };
    files
        .iter()
        .map(|(name, file)| {
            let mut targets = BTreeSet::new();
            for (path, in_tests) in named_paths(file, &by_module) {
                if in_tests && code == Code::WithoutTests {
                    continue;
                }
                if let Some(target) = resolve(&path) {
                    if target != name {
                        targets.insert(target);
                    }
                }
            }
            (name.as_str(), targets)
        })
        .collect()
}

/// Every crate-internal module path a file names, made absolute: the paths of its
/// `use` trees, `crate::`/`super::`/`self::` paths in code, and paths through a child
/// module (`rules::Scanner` in `temporal/mod.rs`); each with whether it stands in a
/// unit-test module.
fn named_paths(file: &SourceFile, modules: &BTreeMap<&[String], &str>) -> Vec<(Vec<String>, bool)> {
    let tokens = path_tokens(&file.code);
    let mut out = Vec::new();
    let mut inline: Vec<(String, usize)> = Vec::new();
    let mut depth = 0usize;
    let mut i = 0;
    while i < tokens.len() {
        let here: Vec<String> = file
            .module
            .iter()
            .cloned()
            .chain(inline.iter().map(|(m, _)| m.clone()))
            .collect();
        let in_tests = inline.iter().any(|(m, _)| m == "tests");
        match tokens[i].as_str() {
            "{" => depth += 1,
            "}" => {
                depth = depth.saturating_sub(1);
                if inline.last().is_some_and(|&(_, d)| d == depth) {
                    inline.pop();
                }
            }
            "mod" if tokens.get(i + 2).is_some_and(|t| t == "{") => {
                inline.push((tokens[i + 1].clone(), depth));
                depth += 1;
                i += 3;
                continue;
            }
            "use" => {
                let end = tokens[i..]
                    .iter()
                    .position(|t| t == ";")
                    .map_or(tokens.len(), |k| i + k);
                for path in use_tree_paths(&tokens[i + 1..end]) {
                    if let Some(absolute) = absolute(&path, &here, modules) {
                        out.push((absolute, in_tests));
                    }
                }
                i = end + 1;
                continue;
            }
            word if is_word(word) && tokens.get(i + 1).is_some_and(|t| t == "::") => {
                let preceded_by_path = i > 0 && tokens[i - 1] == "::";
                // `pub(in crate::temporal)` is a visibility, not an import.
                let visibility = i > 0 && tokens[i - 1] == "in";
                if !preceded_by_path && !visibility {
                    let mut path = vec![word.to_string()];
                    let mut j = i + 1;
                    while tokens.get(j).is_some_and(|t| t == "::")
                        && tokens.get(j + 1).is_some_and(|t| is_word(t))
                    {
                        path.push(tokens[j + 1].clone());
                        j += 2;
                    }
                    if let Some(absolute) = absolute(&path, &here, modules) {
                        out.push((absolute, in_tests));
                    }
                    i = j;
                    continue;
                }
            }
            _ => {}
        }
        i += 1;
    }
    out
}

/// `crate::a::b`, `super::b`, `self::c`, or `child::d` from module `here`, as an
/// absolute module path; None for other crates (`std::`, `chrono::`).
fn absolute(
    path: &[String],
    here: &[String],
    modules: &BTreeMap<&[String], &str>,
) -> Option<Vec<String>> {
    let mut base: Vec<String> = here.to_vec();
    let mut rest = path;
    match rest.first().map(String::as_str) {
        Some("crate") => {
            base.clear();
            rest = &rest[1..];
        }
        Some("self") => rest = &rest[1..],
        Some("super") => {
            while rest.first().is_some_and(|s| s == "super") {
                base.pop();
                rest = &rest[1..];
            }
        }
        Some(first) => {
            let mut child = here.to_vec();
            child.push(first.to_string());
            if !modules.contains_key(child.as_slice()) {
                return None;
            }
        }
        None => return None,
    }
    base.extend(rest.iter().cloned());
    Some(base)
}

/// The paths of a `use` tree's tokens: `a::{b, c::{d as e, self}}` gives `a::b`,
/// `a::c::d` and `a::c`.
fn use_tree_paths(tokens: &[String]) -> Vec<Vec<String>> {
    fn walk(tokens: &[String], prefix: &[String], out: &mut Vec<Vec<String>>) {
        let mut path = prefix.to_vec();
        let mut i = 0;
        while i < tokens.len() {
            match tokens[i].as_str() {
                "::" | "pub" => {}
                "{" => {
                    let mut depth = 0;
                    let mut start = i + 1;
                    for j in i..tokens.len() {
                        match tokens[j].as_str() {
                            "{" => depth += 1,
                            "}" => {
                                depth -= 1;
                                if depth == 0 {
                                    walk(&tokens[start..j], &path, out);
                                    break;
                                }
                            }
                            "," if depth == 1 => {
                                walk(&tokens[start..j], &path, out);
                                start = j + 1;
                            }
                            _ => {}
                        }
                    }
                    return;
                }
                "as" => break,
                "self" if !path.is_empty() => {}
                "*" => break,
                word => path.push(word.to_string()),
            }
            i += 1;
        }
        if !path.is_empty() {
            out.push(path);
        }
    }
    let mut out = Vec::new();
    walk(tokens, &[], &mut out);
    out
}

/// Words, `::`, braces, `;` and `,`; everything else is dropped.
fn path_tokens(code: &str) -> Vec<String> {
    let mut tokens = Vec::new();
    let chars: Vec<char> = code.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c.is_alphanumeric() || c == '_' {
            let start = i;
            while i < chars.len() && (chars[i].is_alphanumeric() || chars[i] == '_') {
                i += 1;
            }
            // A lifetime or a label is not a path segment.
            if start > 0 && chars[start - 1] == '\'' {
                continue;
            }
            tokens.push(chars[start..i].iter().collect());
            continue;
        }
        if c == ':' && chars.get(i + 1) == Some(&':') {
            tokens.push("::".to_string());
            i += 2;
            continue;
        }
        if matches!(c, '{' | '}' | ';' | ',' | '*') {
            tokens.push(c.to_string());
        } else if !c.is_whitespace() {
            tokens.push("#".to_string());
        }
        i += 1;
    }
    tokens
}

fn is_word(token: &str) -> bool {
    token
        .chars()
        .next()
        .is_some_and(|c| c.is_alphabetic() || c == '_')
}

// ---------------------------------------------------------------------------------
// The rules

fn stage_of(file: &SourceFile) -> &str {
    file.module.first().map_or("lib", |first| {
        if file.module.len() == 1 && first == "main" {
            "main"
        } else {
            first.as_str()
        }
    })
}

fn layer_of(stage: &str) -> usize {
    LAYERS
        .iter()
        .position(|layer| layer.contains(&stage))
        .unwrap_or_else(|| panic!("stage {stage:?} is in no layer: add it to LAYERS"))
}

fn layer_violations(files: &BTreeMap<String, SourceFile>) -> Vec<String> {
    let mut problems = Vec::new();
    for (from, targets) in imports(files, Code::All) {
        let stage = stage_of(&files[from]);
        for to in targets {
            let target_stage = stage_of(&files[to]);
            if target_stage != stage && layer_of(target_stage) > layer_of(stage) {
                problems.push(format!(
                    "{from} imports {to} (stage {target_stage} comes after {stage})"
                ));
            }
        }
    }
    problems
}

/// Each group of files that import each other, directly or through others
/// (Tarjan's strongly connected components), as `a -> b -> c`, sorted.
fn import_cycles(files: &BTreeMap<String, SourceFile>) -> Vec<String> {
    let graph = imports(files, Code::WithoutTests);
    let names: Vec<&str> = graph.keys().copied().collect();
    let index_of: BTreeMap<&str, usize> = names.iter().enumerate().map(|(i, n)| (*n, i)).collect();
    let edges: Vec<Vec<usize>> = names
        .iter()
        .map(|n| graph[n].iter().map(|t| index_of[t]).collect())
        .collect();
    let mut components = Vec::new();
    let mut state = Tarjan {
        index: vec![None; names.len()],
        low: vec![0; names.len()],
        stack: Vec::new(),
        on_stack: vec![false; names.len()],
        next: 0,
    };
    for v in 0..names.len() {
        if state.index[v].is_none() {
            state.visit(v, &edges, &mut components);
        }
    }
    let mut cycles: Vec<String> = components
        .into_iter()
        .filter(|c| c.len() > 1)
        .map(|mut c| {
            c.sort_unstable();
            c.iter().map(|&i| names[i]).collect::<Vec<_>>().join(" -> ")
        })
        .collect();
    cycles.sort();
    cycles
}

struct Tarjan {
    index: Vec<Option<usize>>,
    low: Vec<usize>,
    stack: Vec<usize>,
    on_stack: Vec<bool>,
    next: usize,
}

impl Tarjan {
    fn visit(&mut self, v: usize, edges: &[Vec<usize>], out: &mut Vec<Vec<usize>>) {
        self.index[v] = Some(self.next);
        self.low[v] = self.next;
        self.next += 1;
        self.stack.push(v);
        self.on_stack[v] = true;
        for &w in &edges[v] {
            match self.index[w] {
                None => {
                    self.visit(w, edges, out);
                    self.low[v] = self.low[v].min(self.low[w]);
                }
                Some(index) if self.on_stack[w] => self.low[v] = self.low[v].min(index),
                Some(_) => {}
            }
        }
        if Some(self.low[v]) == self.index[v] {
            let mut component = Vec::new();
            while let Some(w) = self.stack.pop() {
                self.on_stack[w] = false;
                component.push(w);
                if w == v {
                    break;
                }
            }
            out.push(component);
        }
    }
}

/// Functions longer than `max` lines: (name, first line, lines), from the line of
/// `fn` to the line of its closing brace.
fn long_functions(code: &str, max: usize) -> Vec<(String, usize, usize)> {
    let lines: Vec<usize> = code
        .char_indices()
        .filter(|&(_, c)| c == '\n')
        .map(|(i, _)| i)
        .collect();
    let line_at = |offset: usize| 1 + lines.partition_point(|&nl| nl < offset);
    let bytes = code.as_bytes();
    let mut out = Vec::new();
    let mut search = 0;
    while let Some(found) = code[search..].find("fn ") {
        let start = search + found;
        search = start + 3;
        let before_is_word =
            start > 0 && (bytes[start - 1].is_ascii_alphanumeric() || bytes[start - 1] == b'_');
        if before_is_word {
            continue;
        }
        let name: String = code[start + 3..]
            .chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_')
            .collect();
        if name.is_empty() {
            continue;
        }
        let Some(open) = code[start..].find(['{', ';']).map(|k| start + k) else {
            break;
        };
        if bytes[open] == b';' {
            continue;
        }
        let mut depth = 0usize;
        let mut close = None;
        for (k, &b) in bytes.iter().enumerate().skip(open) {
            match b {
                b'{' => depth += 1,
                b'}' => {
                    depth -= 1;
                    if depth == 0 {
                        close = Some(k);
                        break;
                    }
                }
                _ => {}
            }
        }
        let Some(close) = close else { break };
        let (first, last) = (line_at(start), line_at(close));
        if last - first + 1 > max {
            out.push((name, first, last - first + 1));
        }
    }
    out
}
