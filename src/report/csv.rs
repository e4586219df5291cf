//! CSV: the JSONL columns with a header row.

use std::io::{self, Write};

use super::Batch;

/// Writes a header and one row per finding.
pub fn write(batch: &Batch, out: &mut dyn Write) -> io::Result<()> {
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
    for f in batch.files.iter().flat_map(|f| &f.findings) {
        w.serialize(f)?;
    }
    w.flush()
}
