//! Reports: one module per output format, all fed the same [`Batch`].

pub mod csv;
pub mod html;
pub mod json;
pub mod jsonl;
pub mod sarif;
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

/// Writes `batch` in `format`.
pub fn write(
    batch: &Batch,
    format: OutputFormat,
    opts: &ReportOptions,
    out: &mut dyn Write,
) -> io::Result<()> {
    match format {
        OutputFormat::Text => text::write(batch, opts.color, out),
        OutputFormat::Jsonl => jsonl::write(batch, out),
        OutputFormat::Json => json::write(batch, out),
        OutputFormat::Csv => csv::write(batch, &opts.csv, out),
        OutputFormat::Html => html::write(batch, out),
        OutputFormat::Sarif => sarif::write(batch, out),
    }
}

/// Rounds a score for display and JSON.
pub fn round2(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}
