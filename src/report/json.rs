//! One JSON document: findings grouped per file with word count, score and verdict.

use std::io::{self, Write};

use serde::Serialize;

use super::{round2, Batch, FileError};
use crate::checker::LocatedFinding;

#[derive(Serialize)]
struct File<'a> {
    path: &'a str,
    words: usize,
    penalty: u32,
    score: f64,
    passed: bool,
    suppressed: usize,
    findings: &'a [LocatedFinding],
}

#[derive(Serialize)]
struct Error<'a> {
    path: &'a str,
    error: &'a str,
}

#[derive(Serialize)]
struct Doc<'a> {
    files: Vec<File<'a>>,
    errors: Vec<Error<'a>>,
    passed: bool,
}

/// Writes the batch as one pretty-printed JSON document.
pub fn write(batch: &Batch, out: &mut dyn Write) -> io::Result<()> {
    let files: Vec<File> = batch
        .files
        .iter()
        .map(|f| File {
            path: &f.path,
            words: f.words,
            penalty: f.penalty(),
            score: round2(f.score()),
            passed: batch.gate.passes(f),
            suppressed: f.suppressed,
            findings: &f.findings,
        })
        .collect();
    let errors = batch
        .errors
        .iter()
        .map(|FileError { path, message }| Error {
            path,
            error: message,
        })
        .collect();
    let passed = files.iter().all(|f| f.passed);
    serde_json::to_writer_pretty(
        &mut *out,
        &Doc {
            files,
            errors,
            passed,
        },
    )?;
    out.write_all(b"\n")
}
