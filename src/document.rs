//! Documents in: find article files, read and validate them, and establish each one's
//! publication date from a manifest, its front matter, or its dateline.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use chrono::{Datelike, NaiveDate, Weekday};
use serde::Deserialize;

use crate::error::{Error, Result, Warning};
use crate::io::read_text;
use crate::model::DateSource;
use crate::temporal::{recognize, Pattern, TemporalLexicon};
use crate::text::{fold, line_of, tokenize, Token};

/// The manifest file read from each article directory.
pub const MANIFEST_NAME: &str = "sources.yaml";

const ARTICLE_EXTENSIONS: &[&str] = &["txt", "md"];

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Document {
    /// Name in the output: the path relative to the directory it was found under,
    /// or the file name when the file was named directly.
    pub name: String,
    pub path: PathBuf,
    /// The whole file; every offset the pipeline reports is into this text.
    pub text: String,
    /// Where the article body starts (after a BOM and front matter).
    pub body_start: usize,
    pub published: Option<NaiveDate>,
    pub published_from: DateSource,
    pub outlet: Option<String>,
}

impl Document {
    pub fn body(&self) -> &str {
        &self.text[self.body_start..]
    }
}

/// One entry of `sources.yaml`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct ManifestEntry {
    file: String,
    published: Option<serde_yaml::Value>,
    outlet: Option<String>,
    /// Provenance for a corpus (where the text came from, under which licence): read
    /// so that a typo elsewhere is still an error, not used by the pipeline.
    #[allow(dead_code)]
    url: Option<String>,
    #[allow(dead_code)]
    licence: Option<String>,
}

#[derive(Debug, Clone, Default)]
struct ManifestInfo {
    published: Option<NaiveDate>,
    outlet: Option<String>,
}

/// Metadata given from outside the article.
#[derive(Debug, Clone, Default)]
pub struct GivenMetadata {
    pub published: Option<NaiveDate>,
    pub source: Option<DateSource>,
    pub outlet: Option<String>,
}

/// Whether symbolic links met inside a folder are followed. Like ripgrep, dateline
/// does not follow them unless asked (`--follow`): a link can lead out of the folder
/// the user named ("ln -s /etc/passwd p.txt"). Files named on the command line are
/// read whatever they are.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Links {
    #[default]
    Skip,
    Follow,
}

/// Find every article under `paths` and read it, sorted by name so that the order of
/// the arguments and of the file system never changes the output.
pub fn collect(
    paths: &[PathBuf],
    lexicon: &TemporalLexicon,
    this_year: i32,
    links: Links,
) -> Result<(Vec<Document>, Vec<Warning>)> {
    let mut warnings = Vec::new();
    let mut found: BTreeMap<String, (PathBuf, GivenMetadata)> = BTreeMap::new();
    let mut manifests: BTreeMap<PathBuf, BTreeMap<String, ManifestInfo>> = BTreeMap::new();
    for root in paths {
        let meta = fs::metadata(root).map_err(|e| Error::read(root, e))?;
        let mut files = Vec::new();
        if meta.is_dir() {
            walk(root, links, &mut Vec::new(), &mut files, &mut warnings)?;
            if files.is_empty() {
                return Err(Error::NoDocuments { path: root.clone() });
            }
        } else {
            files.push(root.clone());
        }
        for file in files {
            let name = if meta.is_dir() {
                relative_name(root, &file)
            } else {
                file_name(&file)
            };
            let dir = file.parent().map(Path::to_path_buf).unwrap_or_default();
            if !manifests.contains_key(&dir) {
                let loaded = load_manifest(&dir, &mut warnings)?;
                manifests.insert(dir.clone(), loaded);
            }
            let info = manifests
                .get(&dir)
                .and_then(|m| m.get(&file_name(&file)))
                .cloned()
                .unwrap_or_default();
            let given = GivenMetadata {
                published: info.published,
                source: info.published.map(|_| DateSource::Manifest),
                outlet: info.outlet,
            };
            if let Some((first, _)) = found.get(&name) {
                if first != &file {
                    return Err(Error::DuplicateDocument {
                        name,
                        first: first.clone(),
                        second: file,
                    });
                }
                continue;
            }
            found.insert(name, (file, given));
        }
    }
    let mut documents = Vec::with_capacity(found.len());
    for (name, (path, given)) in found {
        documents.push(read_document(
            &path,
            name,
            given,
            lexicon,
            this_year,
            &mut warnings,
        )?);
    }
    Ok((documents, warnings))
}

/// The articles under `dir`, in name order. `above` holds, when links are followed,
/// the folders this one lies in (as the file system resolves them), so that a link
/// back up to one of them is not followed round and round.
fn walk(
    dir: &Path,
    links: Links,
    above: &mut Vec<PathBuf>,
    out: &mut Vec<PathBuf>,
    warnings: &mut Vec<Warning>,
) -> Result<()> {
    if links == Links::Follow {
        above.push(fs::canonicalize(dir).map_err(|e| Error::read(dir, e))?);
    }
    let mut entries: Vec<_> = fs::read_dir(dir)
        .map_err(|e| Error::read(dir, e))?
        .collect::<std::io::Result<Vec<_>>>()
        .map_err(|e| Error::read(dir, e))?;
    entries.sort_by_key(|e| e.file_name());
    for entry in entries {
        let path = entry.path();
        let mut file_type = entry.file_type().map_err(|e| Error::read(&path, e))?;
        // Hidden files and directories (.git, editor swap files) are not articles.
        if entry.file_name().to_string_lossy().starts_with('.') {
            continue;
        }
        if file_type.is_symlink() {
            if links == Links::Skip {
                if is_article(&path) || path.is_dir() {
                    warnings.push(Warning {
                        path: path.clone(),
                        message: "is a symbolic link, not followed (use --follow)".into(),
                    });
                }
                continue;
            }
            file_type = fs::metadata(&path)
                .map_err(|e| Error::read(&path, e))?
                .file_type();
            let loops = file_type.is_dir()
                && fs::canonicalize(&path).is_ok_and(|target| above.contains(&target));
            if loops {
                warnings.push(Warning {
                    path: path.clone(),
                    message: "is a symbolic link back to a folder it is in, not followed".into(),
                });
                continue;
            }
        }
        if file_type.is_dir() {
            walk(&path, links, above, out, warnings)?;
        } else if file_type.is_file() && is_article(&path) {
            out.push(path);
        }
    }
    if links == Links::Follow {
        above.pop();
    }
    Ok(())
}

/// Whether building from `inputs` reads `path`: one of the files given, or an article
/// or a manifest inside one of the folders given. Writing the output there would
/// overwrite an input.
pub fn is_input(path: &Path, inputs: &[PathBuf]) -> bool {
    let Ok(target) = fs::canonicalize(path) else {
        // A file that does not exist yet is nobody's input.
        return false;
    };
    inputs
        .iter()
        .filter_map(|p| fs::canonicalize(p).ok())
        .any(|input| {
            if input.is_dir() {
                target.starts_with(&input)
                    && (is_article(&target)
                        || target.file_name().is_some_and(|n| n == MANIFEST_NAME))
            } else {
                input == target
            }
        })
}

/// The article in `dir` whose name is closest to `name`, if it is a likely typo of it
/// (at most one edit in four letters).
fn closest_file(dir: &Path, name: &str) -> Option<String> {
    const LETTERS_PER_EDIT: usize = 4;
    let names = fs::read_dir(dir).ok()?.filter_map(|entry| {
        let entry = entry.ok()?;
        let candidate = entry.file_name().to_string_lossy().into_owned();
        is_article(&entry.path()).then_some(candidate)
    });
    names
        .map(|candidate| (crate::text::spelling_distance(name, &candidate), candidate))
        .filter(|(distance, _)| *distance <= name.chars().count() / LETTERS_PER_EDIT)
        .min()
        .map(|(_, candidate)| candidate)
}

fn is_article(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| ARTICLE_EXTENSIONS.contains(&e.to_ascii_lowercase().as_str()))
}

fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.display().to_string())
}

fn relative_name(root: &Path, file: &Path) -> String {
    let relative = file.strip_prefix(root).unwrap_or(file);
    relative
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect::<Vec<_>>()
        .join("/")
}

fn load_manifest(
    dir: &Path,
    warnings: &mut Vec<Warning>,
) -> Result<BTreeMap<String, ManifestInfo>> {
    let path = dir.join(MANIFEST_NAME);
    if !path.is_file() {
        return Ok(BTreeMap::new());
    }
    let text = crate::io::read_yaml_text(&path)?;
    let entries: Vec<ManifestEntry> = if text.trim().is_empty() {
        Vec::new()
    } else {
        crate::io::parse_yaml(&path, &text, 0)?
    };
    let lines = entry_lines(&text);
    let mut map = BTreeMap::new();
    for entry in entries {
        let line = lines.get(entry.file.as_str()).copied().unwrap_or(1);
        let published = entry
            .published
            .as_ref()
            .map(|value| {
                parse_date_value(value).ok_or_else(|| Error::InvalidAt {
                    path: path.clone(),
                    line,
                    reason: format!(
                        "`published` of {} must be a date YYYY-MM-DD from {} to {}, not {}",
                        entry.file,
                        SUPPORTED_PUBLICATION.0,
                        SUPPORTED_PUBLICATION.1,
                        show_value(value)
                    ),
                })
            })
            .transpose()?;
        if map
            .insert(
                entry.file.clone(),
                ManifestInfo {
                    published,
                    outlet: entry.outlet,
                },
            )
            .is_some()
        {
            return Err(Error::InvalidAt {
                path,
                line,
                reason: format!("{} is listed twice", entry.file),
            });
        }
        if !dir.join(&entry.file).is_file() {
            let suggestion = closest_file(dir, &entry.file)
                .map(|name| format!(" (did you mean {name}?)"))
                .unwrap_or_default();
            warnings.push(Warning {
                path: path.clone(),
                message: format!(
                    "lists {}, which is not in {}{suggestion}",
                    entry.file,
                    dir.display()
                ),
            });
        }
    }
    Ok(map)
}

/// The line of each manifest entry's `file:`, found in one pass (a lookup per entry
/// would be quadratic in the size of a manifest of thousands).
fn entry_lines(text: &str) -> BTreeMap<&str, usize> {
    let mut lines = BTreeMap::new();
    for (n, line) in text.lines().enumerate() {
        let line = line.trim_start().trim_start_matches("- ").trim_start();
        let Some(value) = line.strip_prefix("file:") else {
            continue;
        };
        let value = value.split(" #").next().unwrap_or("").trim();
        let value = value
            .strip_prefix('"')
            .and_then(|v| v.strip_suffix('"'))
            .or_else(|| value.strip_prefix('\'').and_then(|v| v.strip_suffix('\'')))
            .unwrap_or(value);
        lines.entry(value).or_insert(n + 1);
    }
    lines
}

fn find_line(text: &str, needle: &str) -> usize {
    text.find(needle)
        .map(|i| line_of(text.as_bytes(), i))
        .unwrap_or(1)
}

/// Publication dates dateline accepts. Dates in the text are counted from the
/// publication date ("next century", "500 years ago"); within this range every
/// result stays a four-digit year, which the YAML, the ids and Graphviz all take.
pub const SUPPORTED_PUBLICATION: (NaiveDate, NaiveDate) = match (
    NaiveDate::from_ymd_opt(1000, 1, 1),
    NaiveDate::from_ymd_opt(8999, 12, 31),
) {
    (Some(first), Some(last)) => (first, last),
    _ => panic!("the supported range is a valid pair of dates"),
};

/// Whether `date` can be a publication date (see [`SUPPORTED_PUBLICATION`]).
pub fn is_supported_publication(date: NaiveDate) -> bool {
    (SUPPORTED_PUBLICATION.0..=SUPPORTED_PUBLICATION.1).contains(&date)
}

/// A publication date as written: YYYY-MM-DD, within the supported range.
pub fn parse_publication_date(text: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d")
        .ok()
        .filter(|d| is_supported_publication(*d))
}

fn parse_date_value(value: &serde_yaml::Value) -> Option<NaiveDate> {
    parse_publication_date(value.as_str()?)
}

fn show_value(value: &serde_yaml::Value) -> String {
    serde_yaml::to_string(value)
        .map(|s| format!("`{}`", s.trim()))
        .unwrap_or_else(|_| "that value".into())
}

/// Read one article and settle its publication date: `given` (manifest or command
/// line) first, then front matter, then the dateline.
pub fn read_document(
    path: &Path,
    name: String,
    given: GivenMetadata,
    lexicon: &TemporalLexicon,
    this_year: i32,
    warnings: &mut Vec<Warning>,
) -> Result<Document> {
    let text = read_text(path)?;
    let bom = if text.starts_with('\u{feff}') {
        '\u{feff}'.len_utf8()
    } else {
        0
    };
    let front = parse_front_matter(path, &text, bom)?;
    let body_start = front.as_ref().map_or(bom, |f| f.body_start);
    if text[body_start..].trim().is_empty() {
        return Err(Error::invalid(
            path,
            "has no article text after its front matter",
        ));
    }
    let front_date = front.as_ref().and_then(|f| f.published);
    let dateline = infer_from_dateline(&text[body_start..], lexicon, this_year);
    let (published, published_from) = match (given.published, front_date, dateline) {
        (Some(d), _, _) => (Some(d), given.source.unwrap_or(DateSource::Manifest)),
        (None, Some(d), _) => (Some(d), DateSource::FrontMatter),
        (None, None, Some(d)) => (Some(d), DateSource::Dateline),
        (None, None, None) => (None, DateSource::None),
    };
    if let (Some(chosen), Some(other)) = (published, front_date) {
        if chosen != other {
            warnings.push(Warning {
                path: path.to_path_buf(),
                message: format!("front matter says published {other}, but {published_from} says {chosen}; using {chosen}"),
            });
        }
    }
    if published.is_none() {
        warnings.push(Warning {
            path: path.to_path_buf(),
            message: "no publication date (no manifest entry, front matter or dateline); relative dates stay unresolved".into(),
        });
    }
    let outlet = given.outlet.or_else(|| front.and_then(|f| f.outlet));
    Ok(Document {
        name,
        path: path.to_path_buf(),
        text,
        body_start,
        published,
        published_from,
        outlet,
    })
}

struct FrontMatter {
    published: Option<NaiveDate>,
    outlet: Option<String>,
    body_start: usize,
}

#[derive(Deserialize)]
struct FrontMatterFields {
    published: Option<serde_yaml::Value>,
    outlet: Option<String>,
}

/// A YAML block between `---` lines at the very top of the article.
fn parse_front_matter(path: &Path, text: &str, start: usize) -> Result<Option<FrontMatter>> {
    let rest = &text[start..];
    let first_line_end = rest.find('\n').map_or(rest.len(), |i| i + 1);
    if rest[..first_line_end].trim_end() != "---" {
        return Ok(None);
    }
    let yaml_start = start + first_line_end;
    let mut offset = yaml_start;
    let mut close = None;
    for line in text[yaml_start..].split_inclusive('\n') {
        if matches!(line.trim_end(), "---" | "...") {
            close = Some((offset, offset + line.len()));
            break;
        }
        offset += line.len();
    }
    let (yaml_end, body_start) = close.ok_or_else(|| Error::InvalidAt {
        path: path.to_path_buf(),
        line: 1,
        reason: "front matter opened with `---` is never closed with `---`".into(),
    })?;
    let yaml = &text[yaml_start..yaml_end];
    let first_yaml_line = line_of(text.as_bytes(), yaml_start);
    let fields: FrontMatterFields = if yaml.trim().is_empty() {
        FrontMatterFields {
            published: None,
            outlet: None,
        }
    } else {
        crate::io::parse_yaml(path, yaml, first_yaml_line - 1)?
    };
    let published = match &fields.published {
        None | Some(serde_yaml::Value::Null) => None,
        Some(value) => Some(parse_date_value(value).ok_or_else(|| Error::InvalidAt {
            path: path.to_path_buf(),
            line: first_yaml_line - 1 + find_line(yaml, "published"),
            reason: format!(
                "front matter `published` must be a date YYYY-MM-DD from {} to {}, not {}",
                SUPPORTED_PUBLICATION.0,
                SUPPORTED_PUBLICATION.1,
                show_value(value)
            ),
        })?),
    };
    Ok(Some(FrontMatter {
        published,
        outlet: fields.outlet,
        body_start,
    }))
}

/// "MOSCOW, Feb 5 (Reuters) –": a line near the top that starts with a place in
/// capitals, a comma and a date. Without a year in it, take the latest year up to
/// `this_year` (and not before a year the article mentions) in which that date falls
/// on a weekday the article names; failing that, the latest such year.
pub fn infer_from_dateline(
    body: &str,
    lexicon: &TemporalLexicon,
    this_year: i32,
) -> Option<NaiveDate> {
    for line in body.lines().filter(|l| !l.trim().is_empty()).take(6) {
        let tokens = tokenize(line, 0);
        let caps = dateline_place_len(&tokens);
        if caps == 0 || tokens.get(caps).map(|t| t.text) != Some(",") {
            continue;
        }
        let after_comma = &tokens[caps + 1..];
        let mentions = recognize(after_comma, lexicon);
        let Some(first) = mentions.first().filter(|m| m.first_token == 0) else {
            continue;
        };
        let (month, day, year) = match first.pattern {
            Pattern::MonthDay { month, day, year } => (month, day, year),
            _ => continue,
        };
        if let Some(year) = year {
            // A dateline year out of the supported range dates nothing.
            return NaiveDate::from_ymd_opt(year, month, day)
                .filter(|d| is_supported_publication(*d));
        }
        let (named_weekdays, latest_mentioned_year) = weekdays_and_years(body, lexicon, this_year);
        let floor = latest_mentioned_year.unwrap_or(this_year - 27);
        let candidates: Vec<NaiveDate> = (floor..=this_year)
            .rev()
            .filter_map(|y| NaiveDate::from_ymd_opt(y, month, day))
            .filter(|d| is_supported_publication(*d))
            .collect();
        return candidates
            .iter()
            .find(|d| named_weekdays.contains(&d.weekday()))
            .or_else(|| candidates.first())
            .copied();
    }
    None
}

/// How many words in capitals open a line, as the place of a dateline does
/// ("MOSCOW", "GAZA CITY", "JERUSALEM/TEHRAN": a slash joins two places).
pub(crate) fn dateline_place_len(tokens: &[Token<'_>]) -> usize {
    let capitals = |t: &Token<'_>| t.is_word() && t.text.chars().all(|c| !c.is_lowercase());
    let mut len = 0;
    while len < tokens.len() {
        if capitals(&tokens[len]) {
            len += 1;
        } else if len > 0 && tokens[len].text == "/" && tokens.get(len + 1).is_some_and(capitals) {
            len += 2;
        } else {
            break;
        }
    }
    len
}

fn weekdays_and_years(
    body: &str,
    lexicon: &TemporalLexicon,
    this_year: i32,
) -> (Vec<Weekday>, Option<i32>) {
    let tokens = tokenize(body, 0);
    let mut weekdays = Vec::new();
    for token in tokens.iter().filter(|t| t.is_word() && t.is_capitalized()) {
        if let Some(day) = lexicon.weekday(&fold(token.text)) {
            if token.text.len() >= 6 {
                weekdays.push(day);
            }
        }
    }
    let latest_year = recognize(&tokens, lexicon)
        .iter()
        .filter_map(|m| m.pattern.explicit_year())
        .filter(|&y| y <= this_year)
        .max();
    (weekdays, latest_year)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn dateline_year_comes_from_the_weekday_named() {
        let lexicon = TemporalLexicon::builtin().unwrap();
        let body = "Headline\nMOSCOW, Feb 5 (Reuters) – An envoy stated on Thursday that talks progressed.";
        assert_eq!(
            infer_from_dateline(body, &lexicon, 2026),
            Some(day("2026-02-05"))
        );
        // Feb 5 was a Thursday in 2015 too: with 2030 as the current year, 2026 is the latest.
        assert_eq!(
            infer_from_dateline(body, &lexicon, 2030),
            Some(day("2026-02-05"))
        );
        let friday = "KYIV, Feb 6 (AP) - Officials said on Friday that a strike hit.";
        assert_eq!(
            infer_from_dateline(friday, &lexicon, 2026),
            Some(day("2026-02-06"))
        );
    }

    #[test]
    fn dateline_with_a_year_is_taken_as_written() {
        let lexicon = TemporalLexicon::builtin().unwrap();
        let body = "GAZA CITY, March 3, 2024 (AFP) - Talks resumed.";
        assert_eq!(
            infer_from_dateline(body, &lexicon, 2026),
            Some(day("2024-03-03"))
        );
    }

    #[test]
    fn no_dateline_no_date() {
        let lexicon = TemporalLexicon::builtin().unwrap();
        assert_eq!(
            infer_from_dateline("Talks resumed in Doha on Monday.", &lexicon, 2026),
            None
        );
        assert_eq!(
            infer_from_dateline("US, Russia agree. Nothing else.", &lexicon, 2026),
            None
        );
    }
}
