//! The binary's body: parse arguments, run the command, turn errors into one clear
//! message on stderr and a documented exit code.

use std::collections::BTreeMap;
use std::ffi::OsString;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use chrono::{Datelike, NaiveDate};
use clap::Parser;

use crate::arguments::{Arguments, ClusterBy, Command, Format, ParseFormat, ParseInput, TagFormat};
use crate::document::{self, GivenMetadata};
use crate::error::{exit_code, Error, Result, Warning};
use crate::export::{dot, yaml};
use crate::extract::Lexicon;
use crate::extract::{extract_document, EventOrder, ExtractedEvent};
use crate::graph::Carried;
use crate::io::write_atomically;
use crate::model::DateSource;
use crate::temporal::{AnchorSource, Anchoring};
use crate::text::LineIndex;

pub fn run(args: impl IntoIterator<Item = OsString>) -> ExitCode {
    // A signal ends the process without destructors: the handler removes a temporary
    // output being written. (Only a SIGKILL can leave one, under a name that is
    // hidden and unpredictable.)
    let _ = ctrlc::set_handler(|| {
        crate::io::remove_pending_outputs();
        std::process::exit(exit_code::INTERRUPTED);
    });
    let arguments = match Arguments::try_parse_from(args) {
        Ok(a) => a,
        Err(e) => {
            let _ = e.print();
            return ExitCode::from(if e.use_stderr() {
                exit_code::USAGE
            } else {
                exit_code::OK
            });
        }
    };
    match execute(arguments.command) {
        Ok(warnings) => {
            print_warnings(&warnings);
            ExitCode::from(exit_code::OK)
        }
        Err(error) => {
            eprintln!("dateline: error: {}", one_line(&error.to_string()));
            ExitCode::from(error.exit_code())
        }
    }
}

/// Every message is one line, whatever it quotes: a YAML error may quote a block of
/// the file, and a file name may hold a line break.
fn one_line(message: &str) -> String {
    message
        .lines()
        .map(str::trim)
        .filter(|line| !line.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

fn print_warnings(warnings: &[Warning]) {
    for warning in warnings {
        eprintln!("dateline: warning: {}", one_line(&warning.to_string()));
    }
}

fn execute(command: Command) -> Result<Vec<Warning>> {
    match command {
        Command::Build {
            paths,
            output,
            format,
            title,
            cluster_by,
            gazetteer,
            follow,
            check,
            calendar,
        } => {
            refuse_overwriting_inputs(output.as_deref(), &paths)?;
            let lexicon = calendar.lexicon(&gazetteer)?;
            let links = if follow {
                document::Links::Follow
            } else {
                document::Links::Skip
            };
            let (previous, mut warnings) = match (&output, format) {
                (Some(path), Format::Yaml) => read_previous(path)?,
                _ => (None, Vec::new()),
            };
            // A title someone chose stays; the one made up from the count is remade.
            let title = title.or_else(|| {
                previous
                    .as_ref()
                    .map(|p| p.timeline.title.clone())
                    .filter(|t| !crate::is_default_title(t))
            });
            let built = crate::rebuild(&paths, title, current_year(), &lexicon, links, previous)?;
            let target = output.clone().unwrap_or_default();
            warnings.extend(built.carried.iter().map(|carried| Warning {
                path: target.clone(),
                message: match carried {
                    Carried::Moved { from, to } => format!(
                        "the review of `{from}` moved to `{to}`: the articles give that event under the new id"
                    ),
                    Carried::Orphaned { id } => format!(
                        "no event of the articles takes the review of `{id}`; kept under `orphaned:`"
                    ),
                    Carried::Renamed { from, to } => format!(
                        "the articles now give an event the id `{from}` of one a reviewer added; the reviewer's is now `{to}`"
                    ),
                    Carried::Adopted { id, fields } => format!(
                        "`{}` of `{id}` edited outside `review:`; kept as review override{}",
                        fields.join("`, `"),
                        if fields.len() == 1 { "" } else { "s" }
                    ),
                },
            }));
            warnings.extend(built.warnings);
            let timeline = built.timeline;
            let text = match format {
                Format::Yaml => yaml::to_yaml(&timeline),
                Format::Dot => dot::to_dot(&timeline, &ClusterBy::dot_options(cluster_by, false)),
            };
            match output.as_deref() {
                Some(path) if check => {
                    print_warnings(&warnings);
                    check_up_to_date(path, &text, format, &timeline)?;
                    Ok(Vec::new())
                }
                _ => {
                    emit(output.as_deref(), &text)?;
                    Ok(warnings)
                }
            }
        }
        Command::Dot {
            timeline,
            output,
            cluster_by,
            show_rejected,
        } => {
            refuse_overwriting_inputs(output.as_deref(), std::slice::from_ref(&timeline))?;
            let (timeline, warnings) = yaml::read_timeline(&timeline)?;
            let options = ClusterBy::dot_options(cluster_by, show_rejected);
            emit(output.as_deref(), &dot::to_dot(&timeline, &options))?;
            Ok(warnings)
        }
        Command::Diff { files, exit_code } => diff_report(&files, exit_code),
        Command::Extract {
            file,
            published,
            explain,
            gazetteer,
            calendar,
        } => {
            let lexicon = calendar.lexicon(&gazetteer)?;
            extract_report(&file, published, explain, &lexicon)
        }
        Command::Tag {
            file,
            published,
            format,
            output,
            calendar,
        } => {
            refuse_overwriting_inputs(output.as_deref(), std::slice::from_ref(&file))?;
            let lexicon = calendar.lexicon(&[])?;
            tag_report(&file, published, format, output.as_deref(), &lexicon)
        }
        Command::Parse {
            file,
            format,
            input,
            output,
        } => {
            refuse_overwriting_inputs(output.as_deref(), std::slice::from_ref(&file))?;
            parse_report(&file, format, input, output.as_deref())
        }
    }
}

/// The timeline `build -o FILE` is about to replace, whose reviews it carries over:
/// none when FILE does not exist yet or is empty.
fn read_previous(path: &Path) -> Result<(Option<yaml::Previous>, Vec<Warning>)> {
    match std::fs::symlink_metadata(path) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok((None, Vec::new())),
        Ok(meta) if meta.is_file() && meta.len() == 0 => return Ok((None, Vec::new())),
        // Not a regular file: the write refuses it with its own message.
        Ok(meta) if !meta.is_file() => return Ok((None, Vec::new())),
        _ => {}
    }
    match yaml::read_previous(path) {
        Ok((previous, warnings)) => Ok((Some(previous), warnings)),
        Err(Error::InvalidDocument { path, reason }) => Err(Error::InvalidDocument {
            path,
            reason: format!(
                "{reason}; `build -o` reads the file it replaces to keep its reviews: move it away to start afresh"
            ),
        }),
        Err(e) => Err(e),
    }
}

/// `build --check`: whether `path` already holds `text`; if not, what would change,
/// event by event on stdout, and exit 1.
fn check_up_to_date(
    path: &Path,
    text: &str,
    format: Format,
    timeline: &crate::Timeline,
) -> Result<()> {
    let current = match std::fs::read(path) {
        Ok(bytes) => bytes,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return Err(Error::Differs {
                path: path.to_path_buf(),
                summary: "does not exist; build it without --check".into(),
            })
        }
        Err(e) => return Err(Error::read(path, e)),
    };
    if current == text.as_bytes() {
        return Ok(());
    }
    let changes = match format {
        Format::Yaml => yaml::read_timeline(path)
            .map(|(old, _)| crate::export::diff::diff(&old, timeline))
            .unwrap_or_default(),
        Format::Dot => Vec::new(),
    };
    let mut report = String::new();
    for line in &changes {
        report.push_str(line);
        report.push('\n');
    }
    emit(None, &report)?;
    let summary = match changes.len() {
        0 => {
            "out of date: a rebuild changes its bytes (order links, layout or formatting), no event"
                .to_string()
        }
        n => format!(
            "out of date: {n} change{} (listed above); rebuild it without --check to update",
            if n == 1 { "" } else { "s" }
        ),
    };
    Err(Error::Differs {
        path: path.to_path_buf(),
        summary,
    })
}

/// `dateline diff OLD NEW`, or as git's diff driver with its seven arguments.
fn diff_report(files: &[PathBuf], exit_code: bool) -> Result<Vec<Warning>> {
    let (name, old, new) = match files {
        [old, new] => (None, old, new),
        [name, old, _, _, new, _, _] => (Some(name), old, new),
        _ => {
            return Err(Error::Usage(format!(
                "diff takes two timelines (OLD NEW) or the seven arguments git passes a diff driver, not {}",
                files.len()
            )))
        }
    };
    let mut warnings = Vec::new();
    let mut side = |path: &Path| -> Result<crate::Timeline> {
        // Git passes /dev/null for the side of an added or deleted file.
        if path == Path::new("/dev/null") {
            return Ok(crate::Timeline::default());
        }
        let (timeline, mut read) = yaml::read_timeline(path)?;
        warnings.append(&mut read);
        Ok(timeline)
    };
    let (old_timeline, new_timeline) = (side(old)?, side(new)?);
    let lines = crate::export::diff::diff(&old_timeline, &new_timeline);
    let mut out = String::new();
    if let Some(name) = name {
        let name = name.display();
        out.push_str(&format!("dateline diff a/{name} b/{name}\n"));
        if lines.is_empty() {
            out.push_str("  (no event changed: order links, layout or formatting only)\n");
        }
    }
    for line in &lines {
        out.push_str(line);
        out.push('\n');
    }
    emit(None, &out)?;
    if exit_code && !lines.is_empty() {
        return Err(Error::Differs {
            path: new.clone(),
            summary: format!("{} change(s) from {}", lines.len(), old.display()),
        });
    }
    Ok(warnings)
}

/// `dateline parse`: tag and parse a text or given CoNLL-U tokens.
fn parse_report(
    file: &Path,
    format: ParseFormat,
    input: ParseInput,
    output: Option<&Path>,
) -> Result<Vec<Warning>> {
    use crate::syntax::{conllu, render, Syntax};
    let text = crate::io::read_text(file)?;
    let syntax = Syntax::english()?;
    let mut warnings = Vec::new();
    let sentences = match input {
        ParseInput::Text => {
            let (sentences, cut) = render::parse_text(syntax, &text);
            if cut > 0 {
                warnings.push(Warning {
                    path: file.to_path_buf(),
                    message: format!(
                        "{cut} sentence{} longer than {} tokens cut into pieces",
                        if cut == 1 { "" } else { "s" },
                        crate::syntax::tokenise::MAX_SENTENCE_TOKENS
                    ),
                });
            }
            sentences
        }
        ParseInput::Conllu => {
            let mut sentences = conllu::read(&text).map_err(|e| Error::InvalidAt {
                path: file.to_path_buf(),
                line: e.line,
                reason: format!("not CoNLL-U: {}", e.reason),
            })?;
            if sentences.is_empty() {
                return Err(Error::invalid(file, "holds no CoNLL-U sentence"));
            }
            render::parse_given(syntax, &mut sentences);
            sentences
        }
    };
    if sentences.is_empty() {
        return Err(Error::invalid(file, "holds no words to parse"));
    }
    let rendered = match format {
        ParseFormat::Conllu => conllu::write(&sentences),
        ParseFormat::Text => render::to_text(&sentences),
    };
    emit(output, &rendered)?;
    Ok(warnings)
}

/// The expressions of one text, as `dateline tag --format yaml` lists them.
#[derive(serde::Serialize)]
struct TagListing<'a> {
    file: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    creation: Option<NaiveDate>,
    creation_from: DateSource,
    /// News or narrative, and why: what the relative expressions counted from.
    anchoring: String,
    timexes: Vec<TagEntry<'a>>,
}

#[derive(serde::Serialize)]
struct TagEntry<'a> {
    line: usize,
    #[serde(flatten)]
    timex: &'a crate::temporal::Timex,
}

fn tag_report(
    file: &Path,
    published: Option<NaiveDate>,
    format: TagFormat,
    output: Option<&Path>,
    lexicon: &Lexicon,
) -> Result<Vec<Warning>> {
    let (doc, warnings) = load_one(file, published, lexicon)?;
    // News counts from the publication date; a narrative can do without one.
    if doc.published.is_none() && lexicon.temporal.anchoring == Anchoring::News {
        return Err(Error::Usage(format!(
            "{}: no publication date in a manifest, front matter or dateline; \
             pass --published YYYY-MM-DD (or read it as a narrative: --anchor narrative)",
            file.display()
        )));
    }
    let creation = doc.published;
    let tagged = crate::temporal::tag_document(
        &doc.text,
        creation,
        &lexicon.temporal,
        lexicon.temporal.anchoring,
        crate::temporal::Direction::Nearest,
    );
    let timexes = &tagged.timexes;
    let text = match format {
        TagFormat::Timeml => crate::timeml::write(&doc.name, creation, &doc.text, timexes),
        TagFormat::Yaml => {
            let lines = LineIndex::new(doc.text.as_bytes());
            let listing = TagListing {
                file: &doc.name,
                creation,
                creation_from: doc.published_from,
                anchoring: tagged.anchoring.to_string(),
                timexes: timexes
                    .iter()
                    .map(|timex| TagEntry {
                        line: lines.line_of(timex.start),
                        timex,
                    })
                    .collect(),
            };
            serde_yaml::to_string(&listing).map_err(|e| Error::Internal(e.to_string()))?
        }
    };
    emit(output, &text)?;
    Ok(warnings)
}

/// `-o` naming one of the inputs would destroy it: refused before anything is read.
fn refuse_overwriting_inputs(output: Option<&Path>, inputs: &[PathBuf]) -> Result<()> {
    match output {
        Some(path) if document::is_input(path, inputs) => Err(Error::Output {
            path: path.to_path_buf(),
            source: std::io::Error::other("is one of the inputs; refusing to overwrite it"),
        }),
        _ => Ok(()),
    }
}

/// Standard output closed by the caller (`>&-`): the output would vanish while the
/// exit code said all was well. (A pipe closed by its reader, as with `| head`, is
/// not this: the reader took what it wanted.) Rust's runtime reopens a closed
/// standard descriptor on /dev/null for reading and writing before `main`; a shell's
/// `> /dev/null` opens it for writing only. So on Linux, /dev/null open read-write as
/// standard output is the closed one.
#[cfg(target_os = "linux")]
fn stdout_is_closed() -> bool {
    const ACCESS_MODE: u32 = 0o3;
    const READ_WRITE: u32 = 0o2;
    let target = std::fs::read_link("/proc/self/fd/1");
    if !target.is_ok_and(|t| t == Path::new("/dev/null")) {
        return false;
    }
    let Ok(info) = std::fs::read_to_string("/proc/self/fdinfo/1") else {
        return false;
    };
    info.lines()
        .find_map(|line| line.strip_prefix("flags:"))
        .and_then(|flags| u32::from_str_radix(flags.trim(), 8).ok())
        .is_some_and(|flags| flags & ACCESS_MODE == READ_WRITE)
}

#[cfg(not(target_os = "linux"))]
fn stdout_is_closed() -> bool {
    false
}

/// To a file atomically, or to stdout (a closed pipe, as with `| head`, is not an error).
fn emit(output: Option<&Path>, text: &str) -> Result<()> {
    match output {
        Some(path) => write_atomically(path, text.as_bytes()),
        None => {
            if stdout_is_closed() {
                return Err(Error::Output {
                    path: PathBuf::from("<stdout>"),
                    source: std::io::Error::other("standard output is closed"),
                });
            }
            let mut stdout = std::io::stdout().lock();
            match stdout
                .write_all(text.as_bytes())
                .and_then(|()| stdout.flush())
            {
                Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(Error::Output {
                    path: PathBuf::from("<stdout>"),
                    source: e,
                }),
                _ => Ok(()),
            }
        }
    }
}

fn current_year() -> i32 {
    let days = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs() / 86_400)
        .unwrap_or(0);
    NaiveDate::from_num_days_from_ce_opt(719_163 + days as i32).map_or(2026, |d| d.year())
}

/// One article and its publication date: the one given, else what `build` would find.
fn load_one(
    file: &Path,
    published: Option<NaiveDate>,
    lexicon: &Lexicon,
) -> Result<(document::Document, Vec<Warning>)> {
    if std::fs::metadata(file)
        .map_err(|e| Error::read(file, e))?
        .is_dir()
    {
        return Err(Error::Usage(format!(
            "{}: expected one file, not a directory",
            file.display()
        )));
    }
    match published {
        Some(date) => {
            let mut warnings = Vec::new();
            let given = GivenMetadata {
                published: Some(date),
                source: Some(DateSource::Argument),
                outlet: None,
            };
            let name = file.file_name().map_or_else(
                || file.display().to_string(),
                |n| n.to_string_lossy().into_owned(),
            );
            let doc = document::read_document(
                file,
                name,
                given,
                &lexicon.temporal,
                current_year(),
                &mut warnings,
            )?;
            Ok((doc, warnings))
        }
        None => {
            let (docs, warnings) = document::collect(
                &[file.to_path_buf()],
                &lexicon.temporal,
                current_year(),
                document::Links::Skip,
            )?;
            let doc = docs.into_iter().next().ok_or_else(|| Error::NoDocuments {
                path: file.to_path_buf(),
            })?;
            Ok((doc, warnings))
        }
    }
}

fn extract_report(
    file: &Path,
    published: Option<NaiveDate>,
    explain: bool,
    lexicon: &Lexicon,
) -> Result<Vec<Warning>> {
    let (doc, warnings) = load_one(file, published, lexicon)?;
    let extraction = extract_document(&doc, lexicon);
    let events = &extraction.events;
    let mut out = String::new();
    let published = doc
        .published
        .map_or_else(|| "unknown".to_string(), |d| d.to_string());
    out.push_str(&format!(
        "{}: published {published} (from {})\n",
        doc.name, doc.published_from
    ));
    if explain {
        out.push_str(&format!(
            "relative dates read as {}\n",
            extraction.anchoring
        ));
    }
    out.push_str(&format!(
        "{} event{}\n",
        events.len(),
        if events.len() == 1 { "" } else { "s" }
    ));
    let lines = LineIndex::new(doc.text.as_bytes());
    if explain {
        let sentences = crate::text::split_sentences(&doc.text);
        let cut: Vec<usize> = sentences
            .iter()
            .filter(|s| s.cut)
            .map(|s| s.start)
            .collect();
        if let Some(&first) = cut.first() {
            out.push_str(&format!(
                "{} piece{} of sentences longer than {} bytes, cut at a space (the first at line {})\n",
                cut.len(),
                if cut.len() == 1 { "" } else { "s" },
                crate::text::MAX_SENTENCE_BYTES,
                lines.line_of(first)
            ));
        }
    }
    let mut relations_of: BTreeMap<usize, Vec<&EventOrder>> = BTreeMap::new();
    for relation in &extraction.relations {
        relations_of
            .entry(relation.later)
            .or_default()
            .push(relation);
    }
    for (n, event) in events.iter().enumerate() {
        out.push_str(&describe(n + 1, event, &doc, &lines, explain));
        for relation in relations_of.get(&n).into_iter().flatten() {
            out.push_str(&format!(
                "    {}: [{}] ({:?}, {})\n",
                relation.link,
                relation.earlier + 1,
                relation.cue,
                match relation.max_days {
                    Some(max) => format!("{}–{max} days later", relation.min_days),
                    None => format!("at least {} days later", relation.min_days),
                }
            ));
        }
    }
    if explain && !extraction.rejected.is_empty() {
        out.push_str("\nnot taken for events:\n");
        for rejected in &extraction.rejected {
            out.push_str(&format!(
                "    line {}: {:?} ({}): {}\n",
                lines.line_of(rejected.at),
                rejected.trigger,
                rejected.kind,
                rejected.reason
            ));
        }
    }
    emit(None, &out)?;
    Ok(warnings)
}

fn describe(
    n: usize,
    event: &ExtractedEvent,
    doc: &document::Document,
    lines: &LineIndex,
    explain: bool,
) -> String {
    let text = &doc.text;
    let date = event
        .date
        .map_or_else(|| "date unknown".to_string(), |d| d.to_string());
    let mut out = format!("\n[{n}] {} · {} · {date}\n", event.kind, event.status);
    out.push_str(&format!("    summary: {}\n", event.summary));
    out.push_str(&format!(
        "    mode:    {} (CAMEO {})\n",
        event.mode.as_deref().unwrap_or("-"),
        event.cameo
    ));
    let list = |items: &[String]| {
        if items.is_empty() {
            "-".to_string()
        } else {
            items.join(", ")
        }
    };
    out.push_str(&format!("    actors:  {}\n", list(&event.actors)));
    out.push_str(&format!(
        "    counterparts: {}\n",
        list(&event.counterparts)
    ));
    out.push_str(&format!(
        "    place:   {}\n",
        event.place.as_deref().unwrap_or("-")
    ));
    if event.killed.is_some() || event.injured.is_some() {
        let figure = |n: Option<u32>| n.map_or_else(|| "-".to_string(), |n| n.to_string());
        out.push_str(&format!(
            "    killed:  {}, injured: {}\n",
            figure(event.killed),
            figure(event.injured)
        ));
    }
    for evidence in &event.evidence {
        out.push_str(&format!(
            "    line {}: {}\n",
            lines.line_of(evidence.start),
            evidence.quote
        ));
        out.push_str(&format!("      trigger: {:?}\n", evidence.trigger));
        let Some(time) = &evidence.time else { continue };
        let value = time
            .value
            .map_or_else(|| "unresolved".to_string(), |v| v.to_string());
        out.push_str(&format!(
            "      date:    {:?} -> {value}\n",
            time.expression
        ));
        if explain {
            let timeml = time.timex.as_ref().map_or_else(
                || "none (no anchor)".to_string(),
                |(kind, value)| format!("TIMEX3 {} {value}", kind.as_str()),
            );
            out.push_str(&format!(
                "        expression: {:?} at bytes {}..{}, {timeml}\n",
                &text[time.start..time.end],
                time.start,
                time.end
            ));
            out.push_str(&format!("        rule:       {}\n", time.rule));
            let anchor = match (time.focus, time.anchor, time.anchored_at) {
                (Some(focus), _, _) => format!("{focus}, the last date the text gave before"),
                (None, Some(a), AnchorSource::Quotation) => {
                    format!("{a}, the day the quotation it is in was spoken")
                }
                (None, Some(a), AnchorSource::DateNamedBefore) => {
                    format!("{a}, the date its sentence named before it")
                }
                (None, Some(a), AnchorSource::EndOfPeriod) => {
                    format!("{a}, the end of the period the sentence gave, from publication")
                }
                (None, Some(a), AnchorSource::Narrative) => {
                    format!("{a}, the time the narrative had reached (the last date it gave)")
                }
                (None, Some(a), AnchorSource::Publication) => {
                    format!("{a}, the publication date (from {})", doc.published_from)
                }
                (None, None, _) => "none: no publication date, only absolute dates resolve".into(),
            };
            out.push_str(&format!("        anchor:     {anchor}\n"));
            out.push_str(&format!(
                "        direction:  {}: {}\n",
                time.direction, time.reason
            ));
        }
    }
    out
}
