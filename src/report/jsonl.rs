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
        let line = serde_json::to_string(f)?;
        out.write_all(super::json::escape_line_separators(&line).as_bytes())?;
        out.write_all(b"\n")?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    #[test]
    fn line_separators_are_escaped() {
        let json = serde_json::to_string("a\u{2028}b\u{2029}c").expect("a string serialises");
        assert_eq!(
            super::super::json::escape_line_separators(&json),
            "\"a\\u2028b\\u2029c\""
        );
        let back: String = serde_json::from_str(&super::super::json::escape_line_separators(&json))
            .expect("still JSON");
        assert_eq!(back, "a\u{2028}b\u{2029}c");
    }
}
