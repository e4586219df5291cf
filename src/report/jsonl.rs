//! JSON Lines: one finding per line, the stable machine contract.

use std::io::{self, Write};

use super::{End, Report};
use crate::located::FileReport;

/// The JSON Lines report.
#[derive(Debug, Clone, Copy, Default)]
pub struct JsonlReport;

impl Report for JsonlReport {
    fn file(&mut self, file: &FileReport, _passed: bool, out: &mut dyn Write) -> io::Result<()> {
        write_file(file, out)
    }

    fn finish(&mut self, _end: End<'_>, _out: &mut dyn Write) -> io::Result<()> {
        Ok(())
    }
}

/// Writes every finding of a file as one JSON object per line.
pub fn write_file(file: &FileReport, out: &mut dyn Write) -> io::Result<()> {
    for f in &file.findings {
        serde_json::to_writer(&mut *out, f)?;
        out.write_all(b"\n")?;
    }
    Ok(())
}
