//! Reports: one module per output format, all fed the same [`Batch`].

pub mod csv;
pub mod html;
pub mod json;
pub mod jsonl;
pub mod sarif;
pub mod text;

use std::io::{self, Write};

use crate::finding::Severity;
use crate::located::FileReport;

/// The publication gate.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Gate {
    /// A finding at or above this severity fails the file (`None`: never).
    pub fail_on: Option<Severity>,
    /// A score above this fails the file.
    pub max_score: Option<f64>,
}

impl Gate {
    /// The file passes the gate.
    pub fn passes(&self, f: &FileReport) -> bool {
        let sev_ok = self
            .fail_on
            .is_none_or(|min| f.findings.iter().all(|x| x.severity < min));
        let score_ok = self.max_score.is_none_or(|m| f.score() <= m);
        sev_ok && score_ok
    }
}

/// A file that could not be checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileError {
    /// The file as given.
    pub path: String,
    /// Why.
    pub message: String,
}

/// Everything a report shows.
#[derive(Debug, Clone)]
pub struct Batch {
    /// Checked files, sorted by path.
    pub files: Vec<FileReport>,
    /// Files that could not be checked, sorted by path.
    pub errors: Vec<FileError>,
    /// The gate.
    pub gate: Gate,
}

/// Output formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum OutputFormat {
    /// For people at a terminal.
    Text,
    /// One JSON object per finding per line.
    Jsonl,
    /// One JSON document, findings grouped by file with word count and score.
    Json,
    /// Comma-separated, with a header row.
    Csv,
    /// One self-contained HTML page with the articles highlighted.
    Html,
    /// SARIF 2.1.0, for code-scanning dashboards.
    Sarif,
}

impl OutputFormat {
    /// The format needs the text of every file ([`crate::Checker::keep_text`]).
    pub fn needs_text(self) -> bool {
        self == OutputFormat::Html
    }
}

/// How a report is written, besides its format.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ReportOptions {
    /// Colour in the text report.
    pub color: bool,
    /// The CSV dialect and summary rows.
    pub csv: csv::CsvOptions,
}

/// What the end of a report needs of a checked file: a few words per file, kept for the
/// whole batch while the findings themselves are written and dropped.
#[derive(Debug, Clone, PartialEq)]
pub struct FileSummary {
    /// The file as given by the user.
    pub path: String,
    /// Words checked.
    pub words: usize,
    /// Number of findings.
    pub findings: usize,
    /// Critical findings.
    pub critical: usize,
    /// Major findings.
    pub major: usize,
    /// Minor findings.
    pub minor: usize,
    /// Findings silenced by comments.
    pub suppressed: usize,
    /// The score, rounded to two decimals.
    pub score: f64,
    /// The file passed the gate.
    pub passed: bool,
}

/// Writes a report file by file, in the order the files are given: findings go out as soon
/// as their file is checked, so memory does not grow with the batch. HTML and SARIF put a
/// summary or the rules before the findings and hold the batch until [`ReportWriter::finish`].
pub struct ReportWriter<'w> {
    format: OutputFormat,
    opts: ReportOptions,
    gate: Gate,
    bilingual: bool,
    out: &'w mut dyn Write,
    started: bool,
    files: Vec<FileSummary>,
    errors: Vec<FileError>,
    held: Vec<FileReport>,
}

impl<'w> ReportWriter<'w> {
    /// A writer of `format` to `out`. `bilingual` says whether files may carry an English
    /// source, which adds the CSV `source` column.
    pub fn new(
        format: OutputFormat,
        opts: ReportOptions,
        gate: Gate,
        bilingual: bool,
        out: &'w mut dyn Write,
    ) -> Self {
        ReportWriter {
            format,
            opts,
            gate,
            bilingual,
            out,
            started: false,
            files: Vec::new(),
            errors: Vec::new(),
            held: Vec::new(),
        }
    }

    fn start(&mut self) -> io::Result<()> {
        if !self.started {
            self.started = true;
            if self.format == OutputFormat::Csv {
                csv::write_header(&self.opts.csv, self.bilingual, self.out)?;
            }
        }
        Ok(())
    }

    /// Writes (or, for HTML and SARIF, keeps) a checked file; returns whether it passed the
    /// gate.
    pub fn file(&mut self, file: FileReport) -> io::Result<bool> {
        let passed = self.write_file(&file)?;
        if matches!(self.format, OutputFormat::Html | OutputFormat::Sarif) {
            self.held.push(file);
        }
        Ok(passed)
    }

    /// Writes a file's findings in a streamed format and records its summary.
    fn write_file(&mut self, file: &FileReport) -> io::Result<bool> {
        self.start()?;
        let passed = self.gate.passes(file);
        match self.format {
            OutputFormat::Text => text::write_file(file, self.opts.color, self.out)?,
            OutputFormat::Jsonl => jsonl::write_file(file, self.out)?,
            OutputFormat::Json => json::write_file(file, passed, self.files.is_empty(), self.out)?,
            OutputFormat::Csv => {
                csv::write_file(file, passed, &self.opts.csv, self.bilingual, self.out)?;
            }
            OutputFormat::Html | OutputFormat::Sarif => {}
        }
        self.files.push(FileSummary {
            path: file.path.clone(),
            words: file.words,
            findings: file.findings.len(),
            critical: file.count(Severity::Critical),
            major: file.count(Severity::Major),
            minor: file.count(Severity::Minor),
            suppressed: file.suppressed,
            score: round2(file.score()),
            passed,
        });
        Ok(passed)
    }

    /// Records a file that could not be checked (reports list them at the end).
    pub fn error(&mut self, error: FileError) {
        self.errors.push(error);
    }

    /// The files written so far.
    pub fn summaries(&self) -> &[FileSummary] {
        &self.files
    }

    /// Writes the end of the report: verdicts, totals, unreadable files.
    pub fn finish(mut self) -> io::Result<()> {
        self.start()?;
        let passed = self.files.iter().all(|f| f.passed);
        match self.format {
            OutputFormat::Text => {
                text::write_end(&self.files, self.errors.len(), self.opts.color, self.out)
            }
            OutputFormat::Jsonl => Ok(()),
            OutputFormat::Json => {
                json::write_end(!self.files.is_empty(), &self.errors, passed, self.out)
            }
            OutputFormat::Csv => {
                csv::write_end(&self.errors, &self.opts.csv, self.bilingual, self.out)
            }
            OutputFormat::Html | OutputFormat::Sarif => {
                let batch = Batch {
                    files: std::mem::take(&mut self.held),
                    errors: std::mem::take(&mut self.errors),
                    gate: self.gate,
                };
                if self.format == OutputFormat::Html {
                    html::write(&batch, self.out)
                } else {
                    sarif::write(&batch, self.out)
                }
            }
        }
    }
}

/// Writes `batch` in `format`.
pub fn write(
    batch: &Batch,
    format: OutputFormat,
    opts: &ReportOptions,
    out: &mut dyn Write,
) -> io::Result<()> {
    match format {
        // the batch is at hand: nothing to hold
        OutputFormat::Html => return html::write(batch, out),
        OutputFormat::Sarif => return sarif::write(batch, out),
        _ => {}
    }
    let bilingual = batch.files.iter().any(|f| f.has_source);
    let mut w = ReportWriter::new(format, *opts, batch.gate, bilingual, out);
    for f in &batch.files {
        w.write_file(f)?;
    }
    for e in &batch.errors {
        w.error(e.clone());
    }
    w.finish()
}

/// Rounds a score for display and JSON.
pub fn round2(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}
