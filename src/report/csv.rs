//! CSV: the JSONL columns with a header row.

use std::io::{self, Write};

use crate::checker::FileReport;

/// Writes the header row.
pub fn write_header(out: &mut dyn Write) -> io::Result<()> {
    let mut w = csv::WriterBuilder::new()
        .has_headers(false)
        .from_writer(out);
    w.write_record([
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
    ])?;
    w.flush()
}

/// Writes one row per finding of a file.
pub fn write_file(file: &FileReport, out: &mut dyn Write) -> io::Result<()> {
    let mut w = csv::WriterBuilder::new()
        .has_headers(false)
        .from_writer(out);
    for f in &file.findings {
        w.serialize(f)?;
    }
    w.flush()
}
