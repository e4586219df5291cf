//! Settings of `mtcheck check`: the raw flags, and the configuration they resolve to together
//! with the configuration file (defaults < file < flags), in one place.

use std::io::{self, IsTerminal};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::AppError;
use crate::bounded::{self, ReadError};
use crate::checker::{Checker, CheckerSettings, DEFAULT_MAX_FINDINGS};
use crate::config::{self, FailOn, Settings};
use crate::input::{self, Encoding, Format};
use crate::lexicon::glossary::Glossary;
use crate::lexicon::Lexicons;
use crate::report::csv::CsvOptions;
use crate::report::sarif::DocsUrl;
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
    /// Write reports to these files instead of standard output: `PATH` (format from
    /// `--format`, else from the extension) or `FORMAT:PATH`; `-` is standard output.
    pub output: Vec<PathBuf>,
    /// SARIF URIs are relative to this directory (default: the current directory).
    pub base: Option<PathBuf>,
    /// SARIF: where the rules are documented (`{rule}` stands for the rule id; without it
    /// `#<rule-id>` is appended).
    pub docs_url: Option<String>,
    /// The name standard input is checked, reported and configured under.
    pub stdin_filename: Option<PathBuf>,
    /// The character encoding of the inputs.
    pub encoding: Encoding,
    /// Findings in this baseline file do not fail the gate.
    pub baseline: Option<PathBuf>,
    /// Write every finding into the `baseline` file instead of reading it.
    pub write_baseline: bool,
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

/// One report of a run: its format, its options and where it goes.
#[derive(Debug, Clone, PartialEq)]
pub struct Output {
    /// The format.
    pub format: OutputFormat,
    /// Colour (resolved for where it goes) and the CSV dialect.
    pub options: ReportOptions,
    /// The file (`None`: [`super::Streams::stdout`]).
    pub path: Option<PathBuf>,
}

/// Everything a check run needs, resolved from the flags and the configuration file, with
/// dictionaries, glossary and source file loaded and the checker configured.
#[derive(Clone)]
pub struct CheckSettings {
    /// The configured checker (for files the default configuration covers).
    pub checker: Checker,
    /// The configuration of each file (nearest `mtcheck.toml`, `[[overrides]]`).
    pub per_file: Arc<super::per_file::PerFile>,
    /// Files or directories; none, or `-`, is standard input.
    pub paths: Vec<PathBuf>,
    /// The reports, in the order given (at least one; at most one on standard output).
    pub outputs: Vec<Output>,
    /// SARIF paths are made relative to this directory, itself relative to the second
    /// (the current directory when the run started); `None`: paths as given.
    pub base: Option<(PathBuf, PathBuf)>,
    /// SARIF: where the rules are documented (`--docs-url`, else `docs-url` in the
    /// configuration file).
    pub docs_url: Option<DocsUrl>,
    /// The name standard input is reported under (`None`: `-`).
    pub stdin_name: Option<String>,
    /// The character encoding of the inputs.
    pub encoding: Encoding,
    /// The baseline: read (its findings do not fail the gate) or, with `write_baseline`,
    /// written.
    pub baseline: Option<super::baseline::Baseline>,
    /// Write the baseline instead of applying it.
    pub write_baseline: bool,
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
        let outputs = outputs(&flags)?;
        if outputs.iter().all(|o| o.format != OutputFormat::Csv)
            && (flags.excel || flags.summary || flags.csv_delimiter.is_some())
        {
            return Err(usage(
                "--excel, --csv-delimiter and --summary apply to --format csv",
            ));
        }
        check_rule_flags(&flags)?;
        let checker = build_checker(&flags, &cfg, &outputs)?;
        let gate = gate(&flags, &cfg);
        let reads_stdin =
            flags.paths.is_empty() || flags.paths.iter().any(|p| p.as_os_str() == "-");
        if flags.stdin_filename.is_some() && !reads_stdin {
            return Err(usage(
                "--stdin-filename names standard input: give `-` (or no path) to check it",
            ));
        }
        let docs_url = docs_url(&flags, &cfg)?;
        let columns = match flags.columns.as_slice() {
            [] => None,
            [s, t] => Some((s.clone(), t.clone())),
            _ => return Err(usage("--columns takes two header names: SOURCE,TARGET")),
        };
        let source = source(&flags)?;
        let cwd = std::env::current_dir().ok();
        let base = cwd
            .clone()
            .map(|cwd| (flags.base.clone().unwrap_or_default(), cwd));
        let baseline = match &flags.baseline {
            Some(p) => Some(super::baseline::Baseline::open(
                p,
                flags.write_baseline,
                cwd.unwrap_or_default(),
            )?),
            None if flags.write_baseline => {
                return Err(usage("--write-baseline needs --baseline FILE"))
            }
            None => None,
        };
        let reads = cfg
            .path
            .iter()
            .cloned()
            .chain(flags.source.iter().cloned())
            .chain(flags.glossary.iter().cloned())
            .chain(cfg.glossary.iter().cloned())
            .chain(cfg.dictionaries.iter().cloned())
            .chain(flags.dicts.iter().cloned())
            .chain(
                flags
                    .baseline
                    .iter()
                    .filter(|_| !flags.write_baseline)
                    .cloned(),
            )
            .collect();
        let per_file = Arc::new(super::per_file::PerFile::new(&flags, &outputs, cfg));
        Ok(CheckSettings {
            checker,
            per_file,
            paths: flags.paths,
            outputs,
            base,
            docs_url,
            stdin_name: flags
                .stdin_filename
                .as_ref()
                .map(|p| p.display().to_string()),
            encoding: flags.encoding,
            baseline,
            write_baseline: flags.write_baseline,
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
            reads,
        })
    }
}

/// Where the rules are documented: `--docs-url`, else `docs-url` of the configuration file,
/// checked (an unusable address names the flag, or the file and line).
fn docs_url(flags: &CheckFlags, cfg: &Settings) -> Result<Option<DocsUrl>, AppError> {
    if let Some(u) = &flags.docs_url {
        return DocsUrl::parse(u)
            .map(Some)
            .map_err(|e| AppError::Usage(format!("--docs-url: {e}")));
    }
    let Some((url, line)) = &cfg.docs_url else {
        return Ok(None);
    };
    DocsUrl::parse(url).map(Some).map_err(|message| {
        AppError::Config(config::ConfigError {
            path: cfg
                .path
                .as_ref()
                .map(|p| p.display().to_string())
                .unwrap_or_default(),
            line: *line,
            message: format!("docs-url: {message}"),
        })
    })
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
            let from = match (&flags.stdin_filename, flags.paths.as_slice()) {
                (Some(name), [] | [_]) if flags.paths.iter().all(|p| p.as_os_str() == "-") => cwd
                    .join(name)
                    .parent()
                    .map_or(cwd.clone(), Path::to_path_buf),
                _ => cwd,
            };
            match config::find(&from) {
                Some(p) => p,
                None => return Ok(Settings::default()),
            }
        }
    };
    Ok(config::load(&path)?)
}

/// The gate of the flags over the configuration.
pub(crate) fn gate(flags: &CheckFlags, cfg: &Settings) -> Gate {
    Gate {
        fail_on: flags
            .fail_on
            .or(cfg.fail_on)
            .unwrap_or(FailOn::Major)
            .severity(),
        max_score: flags.max_score.or(cfg.max_score),
    }
}

/// `--select` and `--ignore` name rules that exist.
fn check_rule_flags(flags: &CheckFlags) -> Result<(), AppError> {
    match flags
        .select
        .iter()
        .chain(&flags.ignore)
        .find(|id| by_id(id).is_none())
    {
        Some(id) => Err(AppError::Usage(format!(
            "unknown rule `{id}` (see `mtcheck rules`)"
        ))),
        None => Ok(()),
    }
}

/// The dictionaries of the file and the flags, and a checker configured by both.
pub(crate) fn build_checker(
    flags: &CheckFlags,
    cfg: &Settings,
    outputs: &[Output],
) -> Result<Checker, AppError> {
    let dicts: Vec<&Path> = cfg
        .dictionaries
        .iter()
        .chain(&flags.dicts)
        .map(PathBuf::as_path)
        .collect();
    let lex = if dicts.is_empty() {
        Lexicons::builtin()?
    } else {
        Lexicons::load_shared(&dicts)?
    };
    let glossary = match flags.glossary.as_ref().or(cfg.glossary.as_ref()) {
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
        keep_text: outputs.iter().any(|o| o.format.needs_text()),
        keep_sentences: outputs.iter().any(|o| o.format.needs_sentences()),
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

/// The reports of the run: each `--output` (`FORMAT:PATH`; else `--format` for a single
/// output; else the extension; else `--format`, csv with `--excel`, text), or one on
/// standard output.
fn outputs(flags: &CheckFlags) -> Result<Vec<Output>, AppError> {
    let fallback = flags.format.unwrap_or(if flags.excel {
        OutputFormat::Csv
    } else {
        OutputFormat::Text
    });
    let single = flags.output.len() == 1;
    let explicit = flags
        .format
        .or(flags.excel.then_some(OutputFormat::Csv))
        .filter(|_| single);
    let mut outputs = Vec::new();
    for given in &flags.output {
        let (named, path) = split_format(given);
        let format = named
            .or(explicit)
            .or_else(|| OutputFormat::from_path(&path))
            .unwrap_or(fallback);
        let path = (path.as_os_str() != "-").then_some(path);
        if path.is_some() && outputs.iter().any(|o: &Output| o.path == path) {
            return Err(AppError::Usage(format!(
                "{} is named twice with -o",
                given.display()
            )));
        }
        outputs.push(Output {
            format,
            options: report_options(flags, path.is_none()),
            path,
        });
    }
    if outputs.is_empty() {
        outputs.push(Output {
            format: fallback,
            options: report_options(flags, true),
            path: None,
        });
    }
    let on_stdout: Vec<&Output> = outputs.iter().filter(|o| o.path.is_none()).collect();
    if on_stdout.len() > 1 {
        return Err(usage("only one report can go to standard output (-o -)"));
    }
    if let Some(o) = on_stdout.iter().find(|o| o.format.is_binary()) {
        if io::stdout().is_terminal() {
            return Err(AppError::Usage(format!(
                "--format {0} writes a binary workbook, not for a terminal: \
                 name a file with -o report.{0} (or redirect standard output)",
                o.format.name()
            )));
        }
    }
    Ok(outputs)
}

/// `FORMAT:PATH` split into its format and path; any other value is a path.
fn split_format(given: &Path) -> (Option<OutputFormat>, PathBuf) {
    if let Some((name, path)) = given.to_str().and_then(|s| s.split_once(':')) {
        if let Some(f) = OutputFormat::from_name(name).filter(|_| !path.is_empty()) {
            return (Some(f), PathBuf::from(path));
        }
    }
    (None, given.to_path_buf())
}

/// Colour resolved for where a report goes (`stdout`: standard output), and the CSV
/// dialect.
fn report_options(flags: &CheckFlags, stdout: bool) -> ReportOptions {
    let color = match flags.color {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            stdout && io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none()
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
