//! CSV for scripts and spreadsheets: the JSONL columns in their order, then the sentence
//! around each finding; optionally a summary row per file, and an Excel dialect. When files
//! may carry a source (`--source`, or a bilingual input format), two last columns follow:
//! `source`, the aligned English segment, and `segment_id`, the id of the translation unit
//! (XLIFF, TMX, JSON Lines, TSV/CSV; empty when the file gives none).
//!
//! With `summary`, the table stays rectangular: columns `record, words, critical, major,
//! minor, suppressed, penalty, score, verdict` are appended, `record` says what a row is
//! (`finding`, `file` or `error`), and each row leaves the columns of the other kinds empty.

use std::io::{self, Write};

use super::{round2, End, FileError, Report};
use crate::finding::Severity;
use crate::located::{FileReport, LocatedFinding};

/// The columns of a finding row, in order; scripts read them by header.
pub const COLUMNS: [&str; 14] = [
    "path",
    "line",
    "column",
    "end_line",
    "end_column",
    "start",
    "end",
    "rule",
    "category",
    "severity",
    "text",
    "suggestion",
    "message",
    "sentence",
];

/// The column after the others when files may have a source: the aligned English segment.
pub const SOURCE_COLUMN: &str = "source";

/// The last column when files may have a source: the id of the translation unit.
pub const SEGMENT_ID_COLUMN: &str = "segment_id";

/// The columns appended by `--summary`.
pub const SUMMARY_COLUMNS: [&str; 9] = [
    "record",
    "words",
    "critical",
    "major",
    "minor",
    "suppressed",
    "penalty",
    "score",
    "verdict",
];

/// How the CSV is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CsvOptions {
    /// The field separator (one ASCII byte).
    pub delimiter: u8,
    /// Excel dialect: a UTF-8 byte order mark, CRLF line ends, decimal commas, and text
    /// cells that Excel would read as a formula (starting with `=`, `+`, `-`, `@`) prefixed
    /// with `'`.
    pub excel: bool,
    /// A summary row per file (and per unreadable file) with the summary columns.
    pub summary: bool,
}

impl Default for CsvOptions {
    fn default() -> Self {
        CsvOptions {
            delimiter: b',',
            excel: false,
            summary: false,
        }
    }
}

/// The CSV report: the header before the first file (or the end of an empty batch).
#[derive(Debug, Clone, Copy)]
pub struct CsvReport {
    opts: CsvOptions,
    bilingual: bool,
    started: bool,
}

impl CsvReport {
    /// A CSV report in the dialect of `opts`; `bilingual` adds the `source` and `segment_id`
    /// columns.
    pub fn new(opts: CsvOptions, bilingual: bool) -> Self {
        CsvReport {
            opts,
            bilingual,
            started: false,
        }
    }

    fn start(&mut self, out: &mut dyn Write) -> io::Result<()> {
        if !self.started {
            self.started = true;
            write_header(&self.opts, self.bilingual, out)?;
        }
        Ok(())
    }
}

impl Report for CsvReport {
    fn file(&mut self, file: &FileReport, passed: bool, out: &mut dyn Write) -> io::Result<()> {
        self.start(out)?;
        write_file(file, passed, &self.opts, self.bilingual, out)
    }

    fn finish(&mut self, end: End<'_>, out: &mut dyn Write) -> io::Result<()> {
        self.start(out)?;
        write_end(&end.batch.errors, &self.opts, self.bilingual, out)
    }
}

/// A CSV writer over `out` in the dialect of `opts` (no header handling).
fn writer<'a>(opts: &CsvOptions, out: &'a mut dyn Write) -> csv::Writer<&'a mut dyn Write> {
    let mut b = csv::WriterBuilder::new();
    b.has_headers(false).delimiter(opts.delimiter);
    if opts.excel {
        b.terminator(csv::Terminator::CRLF);
    }
    b.from_writer(out)
}

/// The number of columns.
fn width(opts: &CsvOptions, bilingual: bool) -> usize {
    COLUMNS.len()
        + if opts.summary {
            SUMMARY_COLUMNS.len()
        } else {
            0
        }
        + 2 * usize::from(bilingual)
}

/// A text cell: in the Excel dialect, text Excel would read as a formula gets a `'`.
fn cell(opts: &CsvOptions, s: &str) -> String {
    if opts.excel && s.len() > 1 && s.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{s}")
    } else {
        s.to_string()
    }
}

/// Writes the byte order mark (Excel) and the header; `bilingual` adds the `source` and
/// `segment_id` columns.
pub fn write_header(opts: &CsvOptions, bilingual: bool, out: &mut dyn Write) -> io::Result<()> {
    if opts.excel {
        out.write_all("\u{FEFF}".as_bytes())?;
    }
    let mut header: Vec<&str> = COLUMNS.to_vec();
    if opts.summary {
        header.extend(SUMMARY_COLUMNS);
    }
    if bilingual {
        header.extend([SOURCE_COLUMN, SEGMENT_ID_COLUMN]);
    }
    let mut w = writer(opts, out);
    w.write_record(&header)?;
    w.flush()
}

/// Writes a row per finding of `file` and, with `summary`, the file's summary row.
pub fn write_file(
    file: &FileReport,
    passed: bool,
    opts: &CsvOptions,
    bilingual: bool,
    out: &mut dyn Write,
) -> io::Result<()> {
    let width = width(opts, bilingual);
    let cell = |s: &str| cell(opts, s);
    let mut w = writer(opts, out);
    for f in &file.findings {
        let mut row = finding_row(f, &cell);
        if opts.summary {
            row.push("finding".to_string());
        }
        if bilingual {
            row.resize(width - 2, String::new());
            row.push(f.source_text.as_deref().map(cell).unwrap_or_default());
            row.push(f.segment_id.as_deref().map(cell).unwrap_or_default());
        } else {
            row.resize(width, String::new());
        }
        w.write_record(&row)?;
    }
    if opts.summary {
        let mut row = summary_row(file, passed, opts, &cell);
        row.resize(width, String::new());
        w.write_record(row)?;
    }
    w.flush()
}

/// With `summary`, writes a row per file that could not be checked.
pub fn write_end(
    errors: &[FileError],
    opts: &CsvOptions,
    bilingual: bool,
    out: &mut dyn Write,
) -> io::Result<()> {
    if !opts.summary {
        return Ok(());
    }
    let width = width(opts, bilingual);
    let mut w = writer(opts, out);
    for e in errors {
        let mut row = vec![String::new(); width];
        row[0] = cell(opts, &e.path);
        row[12] = cell(opts, &e.message);
        row[COLUMNS.len()] = "error".to_string();
        w.write_record(&row)?;
    }
    w.flush()
}

fn finding_row(f: &LocatedFinding, cell: &dyn Fn(&str) -> String) -> Vec<String> {
    vec![
        cell(&f.path),
        f.line.to_string(),
        f.column.to_string(),
        f.end_line.to_string(),
        f.end_column.to_string(),
        f.start.to_string(),
        f.end.to_string(),
        f.rule.to_string(),
        f.category.to_string(),
        f.severity.to_string(),
        cell(&f.text),
        f.suggestion.as_deref().map(cell).unwrap_or_default(),
        cell(&f.message),
        cell(&f.sentence),
    ]
}

fn summary_row(
    file: &FileReport,
    passed: bool,
    opts: &CsvOptions,
    cell: &dyn Fn(&str) -> String,
) -> Vec<String> {
    let mut row = vec![String::new(); COLUMNS.len()];
    row[0] = cell(&file.path);
    let score = format!("{:.2}", round2(file.score()));
    row.extend([
        "file".to_string(),
        file.words.to_string(),
        file.count(Severity::Critical).to_string(),
        file.count(Severity::Major).to_string(),
        file.count(Severity::Minor).to_string(),
        file.suppressed.to_string(),
        file.penalty().to_string(),
        if opts.excel {
            score.replace('.', ",")
        } else {
            score
        },
        if passed { "pass" } else { "fail" }.to_string(),
    ]);
    row
}
