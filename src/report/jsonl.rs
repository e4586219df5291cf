//! JSON Lines: one finding per line, the stable machine contract.

use std::io::{self, Write};

use crate::located::FileReport;

/// Writes every finding of a file as one JSON object per line.
pub fn write_file(file: &FileReport, out: &mut dyn Write) -> io::Result<()> {
    for f in &file.findings {
        serde_json::to_writer(&mut *out, f)?;
        out.write_all(b"\n")?;
    }
    Ok(())
}
