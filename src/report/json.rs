//! One JSON document: findings grouped per file with word count, score and verdict.
//!
//! The document is written file by file, pretty-printed exactly as serde_json prints the
//! whole document, so a batch of any size never has to be held in memory.

use std::io::{self, Write};

use serde::Serialize;

use super::{round2, End, FileError, Report};
use crate::located::{FileReport, LocatedFinding};

/// The JSON report, written file by file.
#[derive(Debug, Clone, Copy, Default)]
pub struct JsonReport {
    /// Some file entry has been written.
    started: bool,
}

impl Report for JsonReport {
    fn file(&mut self, file: &FileReport, passed: bool, out: &mut dyn Write) -> io::Result<()> {
        write_file(file, passed, !self.started, out)?;
        self.started = true;
        Ok(())
    }

    fn finish(&mut self, end: End<'_>, out: &mut dyn Write) -> io::Result<()> {
        write_end(self.started, &end.batch.errors, end.passed(), out)
    }
}

#[derive(Serialize)]
struct File<'a> {
    path: &'a str,
    words: usize,
    penalty: u32,
    score: f64,
    passed: bool,
    suppressed: usize,
    /// Only with a baseline that dropped findings.
    #[serde(skip_serializing_if = "is_zero")]
    baselined: usize,
    findings: &'a [LocatedFinding],
    /// Findings past the limit per file, not listed (only when there are some).
    #[serde(skip_serializing_if = "is_zero")]
    omitted: usize,
}

fn is_zero(n: &usize) -> bool {
    *n == 0
}

#[derive(Serialize)]
struct Error<'a> {
    path: &'a str,
    error: &'a str,
}

/// What follows the `files` array.
#[derive(Serialize)]
struct Tail<'a> {
    errors: Vec<Error<'a>>,
    passed: bool,
}

/// `json` with U+2028 and U+2029 written as `\u2028` and `\u2029`: valid JSON either way,
/// but raw they end a line for JavaScript and for many line-based tools, which would cut a
/// JSON Lines record in two. (serde_json leaves them raw; they occur only inside strings.)
pub(crate) fn escape_line_separators(json: &str) -> std::borrow::Cow<'_, str> {
    if json.contains(['\u{2028}', '\u{2029}']) {
        std::borrow::Cow::Owned(
            json.replace('\u{2028}', "\\u2028")
                .replace('\u{2029}', "\\u2029"),
        )
    } else {
        std::borrow::Cow::Borrowed(json)
    }
}

/// Writes `value` pretty-printed, every line after the first indented by `indent` spaces:
/// the value as it appears nested in a pretty-printed document. (JSON strings hold no raw
/// line breaks, so indenting after each line break only touches the layout.)
pub(crate) fn nested(value: &impl Serialize, indent: usize, out: &mut dyn Write) -> io::Result<()> {
    let text = serde_json::to_string_pretty(value)?;
    let text = escape_line_separators(&text);
    let pad = format!("\n{}", " ".repeat(indent));
    out.write_all(text.replace('\n', &pad).as_bytes())
}

/// Writes one file's entry of the `files` array; `first` says whether it opens the array.
pub fn write_file(
    file: &FileReport,
    passed: bool,
    first: bool,
    out: &mut dyn Write,
) -> io::Result<()> {
    out.write_all(if first {
        b"{\n  \"files\": [\n    "
    } else {
        b",\n    "
    })?;
    let entry = File {
        path: &file.path,
        words: file.words,
        penalty: file.penalty(),
        score: round2(file.score()),
        passed,
        suppressed: file.suppressed,
        baselined: file.baselined,
        findings: &file.findings,
        omitted: file.omitted.total(),
    };
    nested(&entry, 4, out)
}

/// Closes the document: the end of the `files` array (`any_files`: some entry was written),
/// the unreadable files and the batch verdict.
pub fn write_end(
    any_files: bool,
    errors: &[FileError],
    passed: bool,
    out: &mut dyn Write,
) -> io::Result<()> {
    out.write_all(if any_files {
        b"\n  ],\n  "
    } else {
        b"{\n  \"files\": [],\n  "
    })?;
    let tail = Tail {
        errors: errors
            .iter()
            .map(|FileError { path, message }| Error {
                path,
                error: message,
            })
            .collect(),
        passed,
    };
    let text = serde_json::to_string_pretty(&tail)?;
    let text = escape_line_separators(&text);
    // the tail's fields, at the document's first level
    let fields = text
        .strip_prefix("{\n  ")
        .unwrap_or(&text)
        .trim_end_matches('}');
    out.write_all(fields.as_bytes())?;
    out.write_all(b"}\n")
}
