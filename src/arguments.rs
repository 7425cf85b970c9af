//! The command line, in one place (clap derive).

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

const AFTER_HELP: &str = "\
Exit codes:
  0  success
  1  `build --check`: the file is out of date; `diff --exit-code`: they differ
  2  usage error (bad command line)
  3  an input path is missing or unreadable
  4  an input is invalid: not a regular file, empty, binary, not UTF-8, too large,
     malformed YAML, manifest or front matter
  5  an output could not be written (no such directory, not a regular file,
     one of the inputs, a full disk, a closed standard output)
  70  internal error (a bug: please report it)
  130  interrupted (SIGINT, SIGTERM); a temporary output is removed first

Examples:
  dateline build                         # timeline of data/ as YAML on stdout
  dateline build data -o timelines/seeds.yaml
  dateline build data --format dot -o timelines/seeds.dot
  dateline dot timelines/seeds.yaml -o timelines/seeds.dot
  dateline extract data/003_c03d9d5b242cb57b.txt --published 2025-12-02 --explain
  dateline tag data/003_c03d9d5b242cb57b.txt --format yaml
  dateline parse data/003_c03d9d5b242cb57b.txt --format text";

#[derive(Debug, Parser)]
#[command(
    name = "dateline",
    version,
    about = "Turn news articles about diplomacy and war into a timeline",
    long_about = "Reads article texts with their publication dates, extracts meetings, \
statements, strikes and agreements with who, where and when, orders them on a timeline \
and writes it as YAML (for review in git) or Graphviz DOT.",
    after_help = AFTER_HELP
)]
pub struct Arguments {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Build the timeline of a set of articles (the main job)
    #[command(after_help = "\
Examples:
  dateline build                              # data/ to stdout as YAML
  dateline build data -o timelines/seeds.yaml
  dateline build a.txt b.md --format dot | dot -Tsvg > timeline.svg
  dateline build data --gazetteer my-actors.yaml
  dateline build data -o timelines/seeds.yaml --check   # exit 1 if out of date

Publication dates come from, in order: a `sources.yaml` manifest in the article's
directory, a YAML front-matter block at the top of the article, or a dateline such as
\"MOSCOW, Feb 5 (Reuters)\".

With -o FILE (YAML), an existing FILE is read first and every event's `review:` block
is carried over: by id, or, for an event the articles now give under another id, to
the event it became (said on stderr); a review no event takes is kept under
`orphaned:`. Overrides in a review (date, status, kind, ...) feed the graph.")]
    Build {
        /// Article files or directories (searched recursively for *.txt and *.md)
        #[arg(default_value = "data")]
        paths: Vec<PathBuf>,
        /// Write here (atomically) instead of standard output
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
        /// Output format
        #[arg(long, value_enum, default_value_t = Format::Yaml)]
        format: Format,
        /// Title written at the top of the timeline
        #[arg(long)]
        title: Option<String>,
        /// With --format dot: group events in boxes by article or by main actor
        #[arg(long, value_enum, value_name = "GROUP")]
        cluster_by: Option<ClusterBy>,
        /// Extra actors, places and roles, in the format of the built-in gazetteer
        /// (see the README); may be repeated
        #[arg(long, value_name = "FILE")]
        gazetteer: Vec<PathBuf>,
        /// Follow symbolic links inside the folders given (not followed by default:
        /// a link can lead out of the folder)
        #[arg(long)]
        follow: bool,
        /// Write nothing: exit 0 if FILE (-o) already holds what this build gives,
        /// 1 with a summary of the changes if not (a CI gate for committed timelines)
        #[arg(long, requires = "output")]
        check: bool,
        #[command(flatten)]
        calendar: CalendarOptions,
    },
    /// Render a timeline YAML (possibly reviewed and edited) as Graphviz DOT
    #[command(after_help = "\
Examples:
  dateline dot timelines/seeds.yaml -o timelines/seeds.dot
  dateline dot timelines/seeds.yaml | dot -Tsvg > seeds.svg
  dateline dot timelines/seeds.yaml --cluster-by article | dot -Tsvg > by-article.svg")]
    Dot {
        /// A timeline written by `dateline build`
        timeline: PathBuf,
        /// Write here (atomically) instead of standard output
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
        /// Group events in boxes by article or by main actor
        #[arg(long, value_enum, value_name = "GROUP")]
        cluster_by: Option<ClusterBy>,
        /// Draw events a reviewer rejected, struck out (hidden by default)
        #[arg(long)]
        show_rejected: bool,
    },
    /// Compare two timelines event by event (usable as a git diff driver)
    #[command(after_help = "\
Examples:
  dateline diff old.yaml timelines/seeds.yaml
  git config diff.dateline.command 'dateline diff'    # with .gitattributes:
  echo 'timelines/*.yaml diff=dateline' >> .gitattributes
  git diff; git log -p --ext-diff timelines/seeds.yaml

One line per event that changed, in timeline order: `+` added, `-` removed, `~`
changed (renamed, moved in time, fields, sources, review), then articles and conflicts.
Git runs a diff driver with seven arguments (path, old file, old hash, old mode, new
file, new hash, new mode); `dateline diff` takes those too. Exit 0 whatever the
difference (git requires it) unless --exit-code.")]
    Diff {
        /// OLD NEW, or the seven arguments git passes to a diff driver
        #[arg(value_name = "FILE", num_args = 2..=7, required = true)]
        files: Vec<PathBuf>,
        /// Exit 1 when the timelines differ, as `git diff --exit-code`
        #[arg(long)]
        exit_code: bool,
    },
    /// Show what the extractor sees in one article: events, evidence and dates
    #[command(after_help = "\
Examples:
  dateline extract data/000_3437d0373a1bdac4.txt
  dateline extract article.txt --published 2025-04-06")]
    Extract {
        /// One article file
        file: PathBuf,
        /// Publication date (YYYY-MM-DD); overrides the manifest, front matter and dateline
        #[arg(long, value_name = "DATE", value_parser = parse_day)]
        published: Option<chrono::NaiveDate>,
        /// For each event date: the expression, its TimeML value, the rule that read
        /// it, the anchor it was resolved against and the tense cue that set the direction
        #[arg(long)]
        explain: bool,
        /// Extra actors, places and roles (see `build --gazetteer`)
        #[arg(long, value_name = "FILE")]
        gazetteer: Vec<PathBuf>,
        #[command(flatten)]
        calendar: CalendarOptions,
    },
    /// Find and normalise every temporal expression in one text (TimeML TIMEX3)
    #[command(after_help = "\
Examples:
  dateline tag article.txt --published 2025-04-06 > article.tml
  dateline tag data/003_c03d9d5b242cb57b.txt --format yaml

The TimeML output holds the input text with <TIMEX3> tags inserted: taking the tags
out and decoding &amp; &lt; &gt; gives the input back byte for byte, so TempEval-3
tools can score it. Without --published the date comes from the manifest, front
matter or dateline, as for `build`.")]
    Tag {
        /// One text file
        file: PathBuf,
        /// Document creation time (YYYY-MM-DD) that relative expressions resolve against
        #[arg(long, value_name = "DATE", value_parser = parse_day)]
        published: Option<chrono::NaiveDate>,
        /// Output format
        #[arg(long, value_enum, default_value_t = TagFormat::Timeml)]
        format: TagFormat,
        /// Write here (atomically) instead of standard output
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
        #[command(flatten)]
        calendar: CalendarOptions,
    },
    /// Tag and parse a text: Universal Dependencies parts of speech and dependency trees
    #[command(after_help = "\
Examples:
  dateline parse article.txt                       # CoNLL-U on stdout
  dateline parse article.txt --format text         # indented trees
  dateline parse gold.conllu --input conllu -o parsed.conllu

Text is cut into sentences and into tokens as the UD English treebanks cut them
(\"don't\" is \"do\" \"n't\"); a sentence of more than 250 tokens is cut into pieces,
with a warning. With --input conllu the tokens are taken as given and comments, lemmas,
multi-word token lines and MISC are kept, so the output can be scored with the UD
evaluation script against the input's gold trees. The model is built in; see the
README to retrain it.")]
    Parse {
        /// A text file, or a CoNLL-U file with --input conllu
        file: PathBuf,
        /// Output format
        #[arg(long, value_enum, default_value_t = ParseFormat::Conllu)]
        format: ParseFormat,
        /// What the file holds
        #[arg(long, value_enum, default_value_t = ParseInput::Text)]
        input: ParseInput,
        /// Write here (atomically) instead of standard output
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ParseFormat {
    /// CoNLL-U, the Universal Dependencies format
    Conllu,
    /// Each sentence as an indented tree, for people
    Text,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ParseInput {
    /// Plain text (an article)
    Text,
    /// CoNLL-U: parse the given tokens
    Conllu,
}

/// How the articles write dates where usage differs by country, and what their
/// relative dates count from.
#[derive(Debug, Clone, Default, clap::Args)]
pub struct CalendarOptions {
    /// Read numeric dates day first ("3/4/2025" is 3 April), as British, Indian and
    /// most non-US outlets write them; a number over 12 settles it either way
    #[arg(long)]
    pub day_first: bool,
    /// Country (ISO 3166 code, e.g. GB, CA, NZ) whose holidays apply where they
    /// differ: Thanksgiving in Canada, Labour Day in New Zealand
    #[arg(long, value_name = "CODE", value_parser = parse_region)]
    pub region: Option<String>,
    /// What relative dates count from: `news`, the publication date; `narrative`,
    /// the last date the text gave ("In February 1943 ... two months later"), as in
    /// histories and background pieces; `auto`, narrative for an article with no
    /// publication date or whose dates with a year mostly lie years from it
    #[arg(long, value_enum, value_name = "MODE", default_value_t = AnchorMode::Auto)]
    pub anchor: AnchorMode,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, ValueEnum)]
pub enum AnchorMode {
    News,
    Narrative,
    #[default]
    Auto,
}

impl From<AnchorMode> for crate::temporal::Anchoring {
    fn from(mode: AnchorMode) -> Self {
        use crate::temporal::Anchoring;
        match mode {
            AnchorMode::News => Anchoring::News,
            AnchorMode::Narrative => Anchoring::Narrative,
            AnchorMode::Auto => Anchoring::Auto,
        }
    }
}

impl CalendarOptions {
    /// The built-in lexicon with `gazetteers` added, reading dates as these options say.
    pub fn lexicon(&self, gazetteers: &[PathBuf]) -> crate::Result<crate::Lexicon> {
        let mut lexicon = crate::Lexicon::with_gazetteers(gazetteers)?;
        lexicon.temporal.day_first |= self.day_first;
        lexicon.temporal.anchoring = self.anchor.into();
        if self.region.is_some() {
            lexicon.temporal.set_region(self.region.as_deref());
        }
        Ok(lexicon)
    }
}

fn parse_region(text: &str) -> Result<String, String> {
    if text.len() == 2 && text.bytes().all(|b| b.is_ascii_alphabetic()) {
        Ok(text.to_ascii_uppercase())
    } else {
        Err(format!(
            "`{text}` is not a two-letter country code (GB, US, CA...)"
        ))
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum TagFormat {
    /// A TimeML document (TempEval-3)
    Timeml,
    /// The expressions with offsets, type, value and rule, for people
    Yaml,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ClusterBy {
    /// One box per article (an event several report goes with the first)
    Article,
    /// One box per main actor
    Actor,
}

impl ClusterBy {
    pub fn dot_options(
        choice: Option<ClusterBy>,
        show_rejected: bool,
    ) -> crate::export::dot::DotOptions {
        use crate::export::dot::ClusterBy as Group;
        crate::export::dot::DotOptions {
            show_rejected,
            cluster_by: match choice {
                None => Group::Nothing,
                Some(ClusterBy::Article) => Group::Article,
                Some(ClusterBy::Actor) => Group::Actor,
            },
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Yaml,
    Dot,
}

fn parse_day(text: &str) -> Result<chrono::NaiveDate, String> {
    let (first, last) = crate::document::SUPPORTED_PUBLICATION;
    let date = chrono::NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .map_err(|_| format!("`{text}` is not a date of the form YYYY-MM-DD"))?;
    if crate::document::is_supported_publication(date) {
        Ok(date)
    } else {
        Err(format!(
            "`{text}` is outside the supported publication dates, {first} to {last}"
        ))
    }
}
