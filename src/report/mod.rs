//! Reports: one module per output format, all fed the same [`Batch`].
//!
//! A report is written file by file through a [`Printer`]: each file's part is rendered on
//! its own (in parallel, by the worker that checked it) and only a small [`FileSummary`]
//! is kept for the end of the report, so a batch never has to be held in memory.

pub mod csv;
pub mod json;
pub mod jsonl;
pub mod text;

use std::io::{self, Write};

use crate::checker::FileReport;
use crate::finding::Severity;

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
}

/// What the end of a report needs to know about a checked file.
#[derive(Debug, Clone, PartialEq)]
pub struct FileSummary {
    /// The file as given.
    pub path: String,
    /// Number of findings.
    pub findings: usize,
    /// Critical findings.
    pub critical: usize,
    /// Major findings.
    pub major: usize,
    /// Minor findings.
    pub minor: usize,
    /// Words checked.
    pub words: usize,
    /// Penalty points per 1,000 words.
    pub score: f64,
    /// The file passes the gate.
    pub passed: bool,
}

impl FileSummary {
    /// The summary of `file` under `gate`.
    pub fn new(file: &FileReport, gate: &Gate) -> Self {
        FileSummary {
            path: file.path.clone(),
            findings: file.findings.len(),
            critical: file.count(Severity::Critical),
            major: file.count(Severity::Major),
            minor: file.count(Severity::Minor),
            words: file.words,
            score: file.score(),
            passed: gate.passes(file),
        }
    }
}

/// How a report looks: its format, colour and gate.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Style {
    /// The output format.
    pub format: OutputFormat,
    /// ANSI colours (text format only).
    pub color: bool,
    /// The gate that decides pass or fail.
    pub gate: Gate,
}

/// One file's part of a report, rendered, with its summary.
#[derive(Debug, Clone)]
pub struct RenderedFile {
    /// The bytes of the file's part.
    pub bytes: Vec<u8>,
    /// What the end of the report needs.
    pub summary: FileSummary,
}

impl Style {
    /// Renders one file's part of the report. Needs nothing from the other files, so
    /// files can be rendered in parallel and printed in order.
    pub fn render(&self, file: &FileReport) -> RenderedFile {
        let mut bytes = Vec::new();
        let summary = FileSummary::new(file, &self.gate);
        // writing to a Vec cannot fail
        let _ = match self.format {
            OutputFormat::Text => text::write_file(file, self.color, &mut bytes),
            OutputFormat::Jsonl => jsonl::write_file(file, &mut bytes),
            OutputFormat::Json => json::write_file(file, &summary, &mut bytes),
            OutputFormat::Csv => csv::write_file(file, &mut bytes),
        };
        RenderedFile { bytes, summary }
    }
}

/// Writes a report file by file, in the order the files are given.
pub struct Printer<'w> {
    style: Style,
    out: &'w mut dyn Write,
    files: Vec<FileSummary>,
}

impl<'w> Printer<'w> {
    /// Starts a report (writes its header, if the format has one).
    pub fn new(style: Style, out: &'w mut dyn Write) -> io::Result<Self> {
        match style.format {
            OutputFormat::Csv => csv::write_header(out)?,
            OutputFormat::Json => json::write_header(out)?,
            OutputFormat::Text | OutputFormat::Jsonl => {}
        }
        Ok(Printer {
            style,
            out,
            files: Vec::new(),
        })
    }

    /// Prints the next file.
    pub fn push(&mut self, file: RenderedFile) -> io::Result<()> {
        if self.style.format == OutputFormat::Json {
            json::write_separator(self.files.is_empty(), self.out)?;
        }
        self.out.write_all(&file.bytes)?;
        self.files.push(file.summary);
        Ok(())
    }

    /// The files printed so far.
    pub fn files(&self) -> &[FileSummary] {
        &self.files
    }

    /// Ends the report: the summaries (text), the errors and the verdict (JSON).
    pub fn finish(self, errors: &[FileError]) -> io::Result<()> {
        match self.style.format {
            OutputFormat::Text => {
                text::write_summary(&self.files, errors, self.style.color, self.out)
            }
            OutputFormat::Json => json::write_footer(&self.files, errors, self.out),
            OutputFormat::Jsonl | OutputFormat::Csv => Ok(()),
        }
    }
}

/// Writes `batch` in `format`.
pub fn write(
    batch: &Batch,
    format: OutputFormat,
    color: bool,
    out: &mut dyn Write,
) -> io::Result<()> {
    let style = Style {
        format,
        color,
        gate: batch.gate,
    };
    let mut printer = Printer::new(style, out)?;
    for file in &batch.files {
        printer.push(style.render(file))?;
    }
    printer.finish(&batch.errors)
}

/// Rounds a score for display and JSON.
pub fn round2(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}
