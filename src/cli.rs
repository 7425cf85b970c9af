//! The binary's body: parse arguments, run the command, turn errors into one clear
//! message on stderr and a documented exit code.

use std::ffi::OsString;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use chrono::{Datelike, NaiveDate};
use clap::Parser;

use crate::arguments::{Arguments, Command, Format};
use crate::document::{self, GivenMetadata};
use crate::error::{exit_code, Error, Result, Warning};
use crate::export::{dot, write_atomically, yaml};
use crate::extract::{extract_document, ExtractedEvent};
use crate::lexicon::Lexicon;
use crate::model::DateSource;
use crate::text::line_of;

pub fn run(args: impl IntoIterator<Item = OsString>) -> ExitCode {
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
            eprintln!("dateline: error: {error}");
            ExitCode::from(error.exit_code())
        }
    }
}

fn print_warnings(warnings: &[Warning]) {
    for warning in warnings {
        eprintln!("dateline: warning: {warning}");
    }
}

fn execute(command: Command) -> Result<Vec<Warning>> {
    match command {
        Command::Build {
            paths,
            output,
            format,
            title,
        } => {
            let (timeline, warnings) = crate::build(&paths, title, current_year())?;
            let text = match format {
                Format::Yaml => yaml::to_yaml(&timeline),
                Format::Dot => dot::to_dot(&timeline),
            };
            emit(output.as_deref(), &text)?;
            Ok(warnings)
        }
        Command::Dot { timeline, output } => {
            let timeline = yaml::read_timeline(&timeline)?;
            emit(output.as_deref(), &dot::to_dot(&timeline))?;
            Ok(Vec::new())
        }
        Command::Extract { file, published } => extract_report(&file, published),
    }
}

/// To a file atomically, or to stdout (a closed pipe, as with `| head`, is not an error).
fn emit(output: Option<&Path>, text: &str) -> Result<()> {
    match output {
        Some(path) => write_atomically(path, text.as_bytes()),
        None => {
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

fn extract_report(file: &Path, published: Option<NaiveDate>) -> Result<Vec<Warning>> {
    let lexicon = Lexicon::builtin()?;
    if std::fs::metadata(file)
        .map_err(|e| Error::read(file, e))?
        .is_dir()
    {
        return Err(Error::Usage(format!(
            "{}: `extract` takes one article file, not a directory",
            file.display()
        )));
    }
    let (doc, warnings) = match published {
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
                &lexicon,
                current_year(),
                &mut warnings,
            )?;
            (doc, warnings)
        }
        None => {
            let (docs, warnings) =
                document::collect(&[file.to_path_buf()], &lexicon, current_year())?;
            let doc = docs.into_iter().next().ok_or_else(|| Error::NoDocuments {
                path: file.to_path_buf(),
            })?;
            (doc, warnings)
        }
    };
    let events = extract_document(&doc, &lexicon);
    let mut out = String::new();
    let published = doc
        .published
        .map_or_else(|| "unknown".to_string(), |d| d.to_string());
    out.push_str(&format!(
        "{}: published {published} (from {})\n",
        doc.name, doc.published_from
    ));
    out.push_str(&format!(
        "{} event{}\n",
        events.len(),
        if events.len() == 1 { "" } else { "s" }
    ));
    for (n, event) in events.iter().enumerate() {
        out.push_str(&describe(n + 1, event, &doc.text));
    }
    emit(None, &out)?;
    Ok(warnings)
}

fn describe(n: usize, event: &ExtractedEvent, text: &str) -> String {
    let date = event
        .date
        .map_or_else(|| "date unknown".to_string(), |d| d.to_string());
    let mut out = format!("\n[{n}] {} · {} · {date}\n", event.kind, event.status);
    out.push_str(&format!("    summary: {}\n", event.summary));
    out.push_str(&format!(
        "    actors:  {}\n",
        if event.actors.is_empty() {
            "-".to_string()
        } else {
            event.actors.join(", ")
        }
    ));
    out.push_str(&format!(
        "    place:   {}\n",
        event.place.as_deref().unwrap_or("-")
    ));
    for evidence in &event.evidence {
        out.push_str(&format!(
            "    line {}: {}\n",
            line_of(text.as_bytes(), evidence.start),
            evidence.quote
        ));
        out.push_str(&format!("      trigger: {:?}\n", evidence.trigger));
        if let Some(time) = &evidence.time {
            let value = time
                .value
                .map_or_else(|| "unresolved".to_string(), |v| v.to_string());
            let anchor = time
                .anchor
                .map_or_else(|| "no publication date".to_string(), |a| a.to_string());
            out.push_str(&format!(
                "      date:    {:?} -> {value} (rule {}, {:?} from {anchor})\n",
                time.expression, time.rule, time.direction
            ));
        }
    }
    out
}
