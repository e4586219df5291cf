//! The command line, declared with clap; nothing else. The value enums are the library's own
//! (`clap::ValueEnum` is derived on them with the `cli` feature), so there is one enum per
//! choice and no conversion by hand.

use std::path::PathBuf;

use clap::{Parser, Subcommand};

use mtcheck::app::{CheckFlags, ColorChoice};
use mtcheck::config::FailOn;
use mtcheck::input::Encoding;
use mtcheck::report::OutputFormat;
use mtcheck::{Format, QuoteStyle, SegmentMode};

/// Exit codes and examples, after the options of `mtcheck --help` and `mtcheck check --help`.
const AFTER_HELP: &str = "\
Exit codes:
  0  every file passed the gate
  1  the gate failed for at least one file (a finding at or above --fail-on, or a score
     above --max-score)
  2  a usage error, a bad mtcheck.toml or dictionary, a file that could not be read, or
     no file to check

Examples:
  mtcheck check article.md                       findings for people, at the terminal
  mtcheck check -o findings.xlsx articles/       a spreadsheet for editors
  mtcheck check -o report.html -o findings.sarif -o github:- articles/
                                                 several reports from one run (CI)
  git show :a.md | mtcheck check --stdin-filename a.md -
                                                 the staged version of a file
  mtcheck check --encoding auto archive/         legacy windows-1252 / Latin-1 files
  mtcheck check --baseline base.json --write-baseline archive/
                                                 record today's findings; later runs with
                                                 --baseline base.json fail only on new ones
  mtcheck explain literal-idiom                  what a rule flags, and why";

/// Finds what machine translation broke in German text, and gates publication.
#[derive(Debug, Parser)]
#[command(name = "mtcheck", version, about, long_about = None, after_help = AFTER_HELP)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// Subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check files, directories or standard input.
    #[command(after_help = AFTER_HELP)]
    Check(Box<CheckArgs>),
    /// List every rule: id, MQM category, default severity, summary.
    Rules,
    /// Print the documentation of a rule, with examples.
    Explain {
        /// The rule id, e.g. mangled-entity.
        rule: String,
    },
    /// Print what the morphology layer knows about each word of TEXT (`-` or nothing: stdin).
    Analyze {
        /// The text to analyse; `-` or nothing reads standard input.
        text: Option<String>,
    },
    /// Write a commented default mtcheck.toml into the current directory.
    Init,
    /// Inspect dictionaries: validate user files, count table entries.
    Dict {
        /// What to do.
        #[command(subcommand)]
        action: DictAction,
    },
}

/// `mtcheck dict` actions.
#[derive(Debug, Subcommand)]
pub enum DictAction {
    /// Validate dictionary files; print every problem as `path:line: what is wrong`.
    Check {
        /// Files named names*.csv, idioms*.csv, false_friends*.csv or anglicisms*.csv.
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
    /// Print one line per table: `NAME COUNT` (built-in tables plus any --dict files).
    Stats {
        /// Extra dictionaries to count with the built-in ones.
        #[arg(long = "dict", value_name = "FILE")]
        dicts: Vec<PathBuf>,
    },
}

/// Options of `mtcheck check`.
#[derive(Debug, clap::Args)]
pub struct CheckArgs {
    /// Files or directories (recursive; hidden, ignored and binary files are skipped).
    /// No path or `-` reads standard input.
    pub paths: Vec<PathBuf>,
    /// Output format [default: text; csv with --excel].
    #[arg(long, value_enum)]
    pub format: Option<OutputFormat>,
    /// CSV that Excel opens by double-click: UTF-8 with BOM, `;` as separator (implies
    /// --format csv).
    #[arg(long)]
    pub excel: bool,
    /// The CSV field separator (one ASCII character, or `tab`).
    #[arg(long, value_name = "C", value_parser = parse_delimiter)]
    pub csv_delimiter: Option<u8>,
    /// CSV: add one row per file (words, findings by severity, score, verdict).
    #[arg(long)]
    pub summary: bool,
    /// Colour in the text report.
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,
    /// Write the report to FILE instead of standard output; repeat for several reports
    /// from one run. The format is FORMAT:FILE, else --format (one -o), else the
    /// extension (.txt .jsonl .json .csv .html .sarif .xlsx); `-` is standard output.
    #[arg(short, long, value_name = "[FORMAT:]FILE")]
    pub output: Vec<PathBuf>,
    /// SARIF and github: file paths relative to DIR (files outside it keep absolute paths,
    /// file:// URIs in SARIF) [default: the current directory].
    #[arg(long, value_name = "DIR")]
    pub base: Option<PathBuf>,
    /// SARIF: link every rule to the newsroom's documentation at URL; `{rule}` stands for
    /// the rule id, else `#<rule-id>` is appended (`https://wiki.example.org/mtcheck#{rule}`)
    /// [default: `docs-url` in mtcheck.toml; none: rules carry their help text only].
    #[arg(long, value_name = "URL")]
    pub docs_url: Option<String>,
    /// The file name standard input stands for: reports show it, the input format and the
    /// nearest mtcheck.toml are found from it (`git show :a.md | mtcheck check
    /// --stdin-filename a.md -`).
    #[arg(long, value_name = "NAME")]
    pub stdin_filename: Option<PathBuf>,
    /// The character encoding of the inputs; `auto` reads UTF-8, else UTF-16 with a byte
    /// order mark, else windows-1252, and notes which on standard error.
    #[arg(long, value_enum, default_value_t = Encoding::Utf8, value_name = "ENCODING")]
    pub encoding: Encoding,
    /// Findings recorded in FILE do not fail the gate; new ones do (the report counts the
    /// baselined ones).
    #[arg(long, value_name = "FILE")]
    pub baseline: Option<PathBuf>,
    /// Record every finding of this run in the --baseline FILE (and pass the gate).
    #[arg(long, requires = "baseline")]
    pub write_baseline: bool,
    /// How the text is cut into independent segments.
    #[arg(long, value_enum, default_value_t = SegmentMode::Paragraphs)]
    pub segments: SegmentMode,
    /// What separates the documents (articles) of a file, which the consistency rules
    /// (name-variant, mixed-address, inconsistent-term) never compare with each other:
    /// `blank-line`, or a marker line such as `<doc>` [default: the whole file in paragraphs
    /// mode, each line in lines mode].
    #[arg(long, value_name = "SEP")]
    pub document_separator: Option<String>,
    /// The lowest severity that fails the gate (exit code 1) [default: major].
    #[arg(long, value_enum)]
    pub fail_on: Option<FailOn>,
    /// Fail a file whose score (penalty points per 1,000 words) is above N.
    #[arg(long, value_name = "N", value_parser = parse_max_score)]
    pub max_score: Option<f64>,
    /// Report at most N findings per file, the first by position; the others count in the
    /// score and the verdict and are summed up in one note [default: 10000; 0: no limit].
    #[arg(long, value_name = "N")]
    pub max_findings: Option<usize>,
    /// Worker threads (default: one per core, at most 256).
    #[arg(short = 'j', long, value_name = "N")]
    pub threads: Option<usize>,
    /// An extra dictionary (names*.csv, idioms*.csv, false_friends*.csv, anglicisms*.csv).
    #[arg(long = "dict", value_name = "FILE")]
    pub dicts: Vec<PathBuf>,
    /// A terminology glossary: CSV with english,german,forbidden (see README).
    #[arg(long, value_name = "FILE")]
    pub glossary: Option<PathBuf>,
    /// Check only these rules (comma-separated ids).
    #[arg(long, value_delimiter = ',', value_name = "RULES")]
    pub select: Vec<String>,
    /// Switch these rules off (comma-separated ids).
    #[arg(long, value_delimiter = ',', value_name = "RULES")]
    pub ignore: Vec<String>,
    /// The house style of quotation marks [default: auto].
    #[arg(long, value_enum)]
    pub quotes: Option<QuoteStyle>,
    /// Read this configuration file instead of the nearest mtcheck.toml.
    #[arg(long, value_name = "FILE", conflicts_with = "no_config")]
    pub config: Option<PathBuf>,
    /// Read no configuration file.
    #[arg(long)]
    pub no_config: bool,
    /// The English source of the one target file, aligned line by line (`--segments lines`)
    /// or paragraph by paragraph.
    #[arg(long, value_name = "FILE")]
    pub source: Option<PathBuf>,
    /// The input format [default: from the extension; text].
    #[arg(long, value_enum, value_name = "FORMAT")]
    pub format_in: Option<Format>,
    /// The header names of the source and target columns of TSV/CSV files.
    #[arg(
        long,
        value_delimiter = ',',
        num_args = 1,
        value_name = "SOURCE,TARGET"
    )]
    pub columns: Vec<String>,
}

impl From<CheckArgs> for CheckFlags {
    fn from(a: CheckArgs) -> Self {
        CheckFlags {
            paths: a.paths,
            format: a.format,
            excel: a.excel,
            csv_delimiter: a.csv_delimiter,
            summary: a.summary,
            color: a.color,
            output: a.output,
            base: a.base,
            docs_url: a.docs_url,
            stdin_filename: a.stdin_filename,
            encoding: a.encoding,
            baseline: a.baseline,
            write_baseline: a.write_baseline,
            segments: a.segments,
            document_separator: a.document_separator,
            fail_on: a.fail_on,
            max_score: a.max_score,
            threads: a.threads,
            dicts: a.dicts,
            glossary: a.glossary,
            select: a.select,
            ignore: a.ignore,
            quotes: a.quotes,
            config: a.config,
            no_config: a.no_config,
            source: a.source,
            format_in: a.format_in,
            columns: a.columns,
            max_findings: a.max_findings,
        }
    }
}

/// A CSV separator: one ASCII punctuation or space character, or `tab`.
fn parse_delimiter(s: &str) -> Result<u8, String> {
    match s {
        "tab" | "\\t" | "\t" => return Ok(b'\t'),
        _ => {}
    }
    match s.as_bytes() {
        [b] if (b.is_ascii_punctuation() && *b != b'"') || *b == b' ' => Ok(*b),
        _ => Err(format!(
            "`{s}` is not a usable separator (one ASCII punctuation character other than \", or `tab`)"
        )),
    }
}

/// `--max-score`: a finite number of at least 0, as `max-score` in `mtcheck.toml`.
fn parse_max_score(s: &str) -> Result<f64, String> {
    match s.parse::<f64>() {
        Ok(v) if v.is_finite() && v >= 0.0 => Ok(v),
        _ => Err(format!("`{s}` is no score: give a number of at least 0")),
    }
}
