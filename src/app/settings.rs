//! Settings of `mtcheck check`: the raw flags, and the configuration they resolve to together
//! with the configuration file (defaults < file < flags), in one place.

use std::io::{self, IsTerminal};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::AppError;
use crate::bounded::{self, ReadError};
use crate::checker::{Checker, CheckerSettings, DEFAULT_MAX_FINDINGS};
use crate::config::{self, FailOn, Settings};
use crate::input::{self, Format};
use crate::lexicon::glossary::Glossary;
use crate::lexicon::Lexicons;
use crate::report::csv::CsvOptions;
use crate::report::{Gate, OutputFormat, ReportOptions};
use crate::rules::by_id;
use crate::rules::typography::QuoteStyle;
use crate::text::segment::SegmentMode;

/// When to colour the text report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[cfg_attr(feature = "cli", derive(clap::ValueEnum))]
pub enum ColorChoice {
    /// Only when the report goes to standard output, that is a terminal, and `NO_COLOR` is
    /// not set.
    #[default]
    Auto,
    /// Always.
    Always,
    /// Never.
    Never,
}

/// The flags of `mtcheck check`, as given: nothing is looked up or read yet.
#[derive(Debug, Clone, Default)]
pub struct CheckFlags {
    /// Files or directories; none, or `-`, is standard input.
    pub paths: Vec<PathBuf>,
    /// The report format (default: text; csv with `excel`).
    pub format: Option<OutputFormat>,
    /// The Excel CSV dialect.
    pub excel: bool,
    /// The CSV field separator.
    pub csv_delimiter: Option<u8>,
    /// CSV summary rows.
    pub summary: bool,
    /// Colour in the text report.
    pub color: ColorChoice,
    /// Write the report to this file instead of standard output.
    pub output: Option<PathBuf>,
    /// How the text is cut into segments.
    pub segments: SegmentMode,
    /// What separates documents (articles) for the consistency rules: `blank-line` or a
    /// marker line (`None`: the whole file in paragraphs mode, each line in lines mode).
    pub document_separator: Option<String>,
    /// The lowest severity that fails the gate.
    pub fail_on: Option<FailOn>,
    /// The highest score that passes.
    pub max_score: Option<f64>,
    /// Worker threads (default: one per core).
    pub threads: Option<usize>,
    /// Extra dictionaries.
    pub dicts: Vec<PathBuf>,
    /// A terminology glossary.
    pub glossary: Option<PathBuf>,
    /// Check only these rules.
    pub select: Vec<String>,
    /// Switch these rules off.
    pub ignore: Vec<String>,
    /// The house style of quotation marks.
    pub quotes: Option<QuoteStyle>,
    /// Read this configuration file instead of the nearest `mtcheck.toml`.
    pub config: Option<PathBuf>,
    /// Read no configuration file.
    pub no_config: bool,
    /// The English source of the one target file.
    pub source: Option<PathBuf>,
    /// The input format (default: from the extension; text).
    pub format_in: Option<Format>,
    /// The header names of the source and target columns of TSV/CSV files.
    pub columns: Vec<String>,
    /// Report at most this many findings per file (default 10,000; 0: no limit).
    pub max_findings: Option<usize>,
}

/// A separate English source file, read and decoded.
#[derive(Debug, Clone)]
pub struct SourceText {
    /// The file as given.
    pub name: String,
    /// Its text.
    pub text: String,
}

/// Everything a check run needs, resolved from the flags and the configuration file, with
/// dictionaries, glossary and source file loaded and the checker configured.
#[derive(Clone)]
pub struct CheckSettings {
    /// The configured checker.
    pub checker: Checker,
    /// Files or directories; none, or `-`, is standard input.
    pub paths: Vec<PathBuf>,
    /// The report format.
    pub format: OutputFormat,
    /// Colour (resolved) and the CSV dialect.
    pub report: ReportOptions,
    /// The publication gate.
    pub gate: Gate,
    /// How the text is cut into segments.
    pub mode: SegmentMode,
    /// What separates the documents of a file.
    pub separator: Option<crate::text::scope::DocSeparator>,
    /// The input format forced for every file (`None`: from each file's extension).
    pub format_in: Option<Format>,
    /// The header names of the source and target columns of TSV/CSV files.
    pub columns: Option<(String, String)>,
    /// The English source of the one target file.
    pub source: Option<SourceText>,
    /// Worker threads (`None`: rayon's global pool, one per core).
    pub threads: Option<usize>,
    /// Write the report to this file instead of [`super::Streams::stdout`].
    pub output: Option<PathBuf>,
    /// The files the run reads besides its inputs (source, dictionaries, glossary,
    /// configuration): an output may be none of them.
    pub reads: Vec<PathBuf>,
}

/// The most worker threads `-j` may ask for: more only cost memory and start-up time.
pub const MAX_THREADS: usize = 256;

impl CheckSettings {
    /// Resolves `flags` with the configuration file (`--config`, else the nearest
    /// `mtcheck.toml` from the current directory up, unless `--no-config`) and loads what
    /// they name.
    pub fn resolve(flags: CheckFlags) -> Result<Self, AppError> {
        let cfg = config_file(&flags)?;
        if let Some(n) = flags.threads.filter(|&n| n > MAX_THREADS) {
            return Err(AppError::Usage(format!(
                "-j {n}: at most {MAX_THREADS} worker threads (this machine has {})",
                std::thread::available_parallelism().map_or(1, usize::from)
            )));
        }
        let format = flags.format.unwrap_or(if flags.excel {
            OutputFormat::Csv
        } else {
            OutputFormat::Text
        });
        if format != OutputFormat::Csv
            && (flags.excel || flags.summary || flags.csv_delimiter.is_some())
        {
            return Err(usage(
                "--excel, --csv-delimiter and --summary apply to --format csv",
            ));
        }
        let checker = checker(&flags, &cfg, format)?;
        let gate = Gate {
            fail_on: flags
                .fail_on
                .or(cfg.fail_on)
                .unwrap_or(FailOn::Major)
                .severity(),
            max_score: flags.max_score.or(cfg.max_score),
        };
        let columns = match flags.columns.as_slice() {
            [] => None,
            [s, t] => Some((s.clone(), t.clone())),
            _ => return Err(usage("--columns takes two header names: SOURCE,TARGET")),
        };
        let source = source(&flags)?;
        let report = report_options(&flags);
        let reads = cfg
            .path
            .iter()
            .cloned()
            .chain(flags.source.iter().cloned())
            .chain(flags.glossary.iter().cloned())
            .chain(cfg.dictionaries.iter().cloned())
            .chain(flags.dicts.iter().cloned())
            .collect();
        Ok(CheckSettings {
            checker,
            paths: flags.paths,
            format,
            report,
            gate,
            mode: flags.segments,
            separator: flags
                .document_separator
                .as_deref()
                .map(crate::text::scope::DocSeparator::parse),
            format_in: flags.format_in,
            columns,
            source,
            threads: flags.threads,
            output: flags.output,
            reads,
        })
    }
}

fn usage(message: &str) -> AppError {
    AppError::Usage(message.to_string())
}

/// The configuration file's settings: `--config FILE`, else the nearest mtcheck.toml, else
/// none.
fn config_file(flags: &CheckFlags) -> Result<Settings, AppError> {
    if flags.no_config {
        return Ok(Settings::default());
    }
    let path = match &flags.config {
        Some(p) => p.clone(),
        None => {
            let cwd = std::env::current_dir().map_err(|e| AppError::File {
                context: "cannot read the current directory".to_string(),
                error: e.to_string(),
            })?;
            match config::find(&cwd) {
                Some(p) => p,
                None => return Ok(Settings::default()),
            }
        }
    };
    Ok(config::load(&path)?)
}

/// The dictionaries of the file and the flags, and a checker configured by both.
fn checker(flags: &CheckFlags, cfg: &Settings, format: OutputFormat) -> Result<Checker, AppError> {
    let dicts: Vec<&Path> = cfg
        .dictionaries
        .iter()
        .chain(&flags.dicts)
        .map(PathBuf::as_path)
        .collect();
    let lex = if dicts.is_empty() {
        Lexicons::builtin()?
    } else {
        Arc::new(Lexicons::load(&dicts)?)
    };
    if let Some(id) = flags
        .select
        .iter()
        .chain(&flags.ignore)
        .find(|id| by_id(id).is_none())
    {
        return Err(AppError::Usage(format!(
            "unknown rule `{id}` (see `mtcheck rules`)"
        )));
    }
    let glossary = match &flags.glossary {
        Some(g) => Some(Arc::new(Glossary::load(g)?)),
        None => None,
    };
    let settings = CheckerSettings {
        select: flags.select.clone(),
        ignore: flags.ignore.iter().chain(&cfg.ignore).cloned().collect(),
        severity: cfg.severity.clone(),
        allow: cfg.allow.clone(),
        quote_style: flags.quotes.or(cfg.quotes).unwrap_or(QuoteStyle::Auto),
        glossary,
        keep_text: format.needs_text(),
        keep_sentences: format == OutputFormat::Csv,
        max_findings: flags.max_findings.unwrap_or(DEFAULT_MAX_FINDINGS),
    };
    Ok(Checker::with_settings(lex, settings))
}

/// The `--source` file, read and decoded; it goes with exactly one target file.
fn source(flags: &CheckFlags) -> Result<Option<SourceText>, AppError> {
    let Some(p) = &flags.source else {
        return Ok(None);
    };
    if flags.paths.len() != 1 || flags.paths[0].is_dir() {
        return Err(usage("--source goes with exactly one target file"));
    }
    let name = p.display().to_string();
    let bytes = bounded::read_path(p).map_err(|e| match e {
        ReadError::Io(e) => AppError::File {
            context: format!("{name}: cannot read the source file"),
            error: e.to_string(),
        },
        ReadError::TooLarge { bytes } => AppError::File {
            context: name.clone(),
            error: crate::error::InputError::TooLarge { bytes }.to_string(),
        },
        other => AppError::File {
            context: format!("{name}: cannot read the source file"),
            error: other.to_string(),
        },
    })?;
    let text = input::decode(bytes).map_err(|e| AppError::File {
        context: name.clone(),
        error: e.to_string(),
    })?;
    Ok(Some(SourceText { name, text }))
}

/// Colour resolved for where the report goes, and the CSV dialect.
fn report_options(flags: &CheckFlags) -> ReportOptions {
    let color = match flags.color {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            flags.output.is_none()
                && io::stdout().is_terminal()
                && std::env::var_os("NO_COLOR").is_none()
        }
    };
    ReportOptions {
        color,
        csv: CsvOptions {
            delimiter: flags
                .csv_delimiter
                .unwrap_or(if flags.excel { b';' } else { b',' }),
            excel: flags.excel,
            summary: flags.summary,
        },
    }
}
