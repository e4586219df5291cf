//! One JSON document: findings grouped per file with word count, score and verdict.
//!
//! The document is written file by file; each part is pretty-printed on its own and
//! indented to its depth, which gives exactly the bytes of pretty-printing the whole
//! document at once (JSON strings never hold a raw line break).

use std::io::{self, Write};

use serde::Serialize;

use super::{round2, FileError, FileSummary};
use crate::checker::{FileReport, LocatedFinding};

#[derive(Serialize)]
struct File<'a> {
    path: &'a str,
    words: usize,
    penalty: u32,
    score: f64,
    passed: bool,
    findings: &'a [LocatedFinding],
}

#[derive(Serialize)]
struct Error<'a> {
    path: &'a str,
    error: &'a str,
}

/// Pretty-prints `value` with every line but the first indented by `indent` spaces.
fn pretty_at(value: &impl Serialize, indent: usize, out: &mut dyn Write) -> io::Result<()> {
    let text = serde_json::to_string_pretty(value)?;
    let pad = " ".repeat(indent);
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            out.write_all(b"\n")?;
            out.write_all(pad.as_bytes())?;
        }
        out.write_all(line.as_bytes())?;
    }
    Ok(())
}

/// Opens the document and its list of files.
pub fn write_header(out: &mut dyn Write) -> io::Result<()> {
    out.write_all(b"{\n  \"files\": [")
}

/// What goes before a file's object: a line break, after a comma unless it is the first.
pub fn write_separator(first: bool, out: &mut dyn Write) -> io::Result<()> {
    out.write_all(if first { b"\n    " } else { b",\n    " })
}

/// Writes one file's object (at the depth of the list of files).
pub fn write_file(file: &FileReport, summary: &FileSummary, out: &mut dyn Write) -> io::Result<()> {
    let obj = File {
        path: &file.path,
        words: file.words,
        penalty: file.penalty(),
        score: round2(summary.score),
        passed: summary.passed,
        findings: &file.findings,
    };
    pretty_at(&obj, 4, out)
}

/// Closes the list of files and writes the errors and the verdict.
pub fn write_footer(
    files: &[FileSummary],
    errors: &[FileError],
    out: &mut dyn Write,
) -> io::Result<()> {
    out.write_all(if files.is_empty() { b"]" } else { b"\n  ]" })?;
    out.write_all(b",\n  \"errors\": ")?;
    let errors: Vec<Error> = errors
        .iter()
        .map(|FileError { path, message }| Error {
            path,
            error: message,
        })
        .collect();
    pretty_at(&errors, 2, out)?;
    let passed = files.iter().all(|f| f.passed);
    write!(out, ",\n  \"passed\": {passed}\n}}\n")
}

#[cfg(test)]
mod tests {
    use super::super::{write, Batch, Gate, OutputFormat};
    use super::*;
    use crate::{Checker, Format, Lexicons, SegmentMode, Severity};

    /// The document as one value, pretty-printed at once: what the parts must add up to.
    fn whole(batch: &Batch) -> String {
        #[derive(Serialize)]
        struct Doc<'a> {
            files: Vec<File<'a>>,
            errors: Vec<Error<'a>>,
            passed: bool,
        }
        let files: Vec<File> = batch
            .files
            .iter()
            .map(|f| File {
                path: &f.path,
                words: f.words,
                penalty: f.penalty(),
                score: round2(f.score()),
                passed: batch.gate.passes(f),
                findings: &f.findings,
            })
            .collect();
        let passed = files.iter().all(|f| f.passed);
        let errors = batch
            .errors
            .iter()
            .map(|e| Error {
                path: &e.path,
                error: &e.message,
            })
            .collect();
        serde_json::to_string_pretty(&Doc {
            files,
            errors,
            passed,
        })
        .unwrap()
            + "\n"
    }

    #[test]
    fn parts_add_up_to_the_whole_document() {
        let checker = Checker::new(Lexicons::builtin().unwrap());
        let mk = |p: &str, t: &str| {
            checker.check_text(p, t.to_string(), Format::Text, SegmentMode::Paragraphs)
        };
        let gate = Gate {
            fail_on: Some(Severity::Major),
            max_score: None,
        };
        let err = FileError {
            path: "b.txt".into(),
            message: "not UTF-8 \"text\"".into(),
        };
        let a = mk(
            "a.txt",
            "Der Github-Chef kam.\nDas Unternehmen nutzt seine tiefen Taschen.",
        );
        let clean = mk("c.txt", "Der Stadtrat tagte.");
        for (files, errors) in [
            (vec![], vec![]),
            (vec![], vec![err.clone()]),
            (vec![clean.clone()], vec![]),
            (
                vec![a.clone(), clean.clone()],
                vec![err.clone(), err.clone()],
            ),
        ] {
            let batch = Batch {
                files,
                errors,
                gate,
            };
            let mut out = Vec::new();
            write(&batch, OutputFormat::Json, false, &mut out).unwrap();
            assert_eq!(String::from_utf8(out).unwrap(), whole(&batch));
        }
    }
}
