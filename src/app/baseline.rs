//! The baseline (`--baseline FILE`, written with `--write-baseline`): the findings an archive
//! already has, which do not fail the gate, so that only new findings do.
//!
//! A finding is keyed by what survives edits elsewhere in the file: its path (relative to the
//! baseline file's directory), rule, flagged text, and its occurrence index among the
//! findings of the same rule and text in that file. Byte offsets and lines are not part of
//! the key: a paragraph added above a known finding does not make it new.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::AppError;
use crate::located::FileReport;
use crate::report::sarif::relative_to;

/// One baselined finding.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Entry {
    /// The file, relative to the baseline's directory, with `/` separators.
    pub path: String,
    /// The rule id.
    pub rule: String,
    /// The flagged text.
    pub text: String,
    /// 0-based index among the file's findings of the same rule and text.
    pub occurrence: usize,
}

/// The file format.
#[derive(Debug, Default, Serialize, Deserialize)]
struct BaselineFile {
    /// Format version (1).
    version: u32,
    /// The findings, sorted.
    findings: Vec<Entry>,
}

/// A loaded baseline, or one being written.
#[derive(Debug, Clone)]
pub struct Baseline {
    /// The baseline file.
    pub path: PathBuf,
    /// Where relative input paths start (the current directory).
    cwd: PathBuf,
    entries: HashSet<Entry>,
}

impl Baseline {
    /// Reads `path` (with `write`: an empty baseline to be written there).
    pub fn open(path: &Path, write: bool, cwd: PathBuf) -> Result<Self, AppError> {
        let mut b = Baseline {
            path: path.to_path_buf(),
            cwd,
            entries: HashSet::new(),
        };
        if write {
            return Ok(b);
        }
        let fail = |error: String| AppError::File {
            context: format!("{}: cannot read the baseline", path.display()),
            error,
        };
        let text = std::fs::read_to_string(path).map_err(|e| fail(e.to_string()))?;
        let file: BaselineFile = serde_json::from_str(&text).map_err(|e| fail(e.to_string()))?;
        if file.version != 1 {
            return Err(fail(format!("unknown version {}", file.version)));
        }
        b.entries = file.findings.into_iter().collect();
        Ok(b)
    }

    /// The keys of a file's findings, in the order of the findings.
    pub fn keys(&self, report: &FileReport) -> Vec<Entry> {
        let dir = self.path.parent().unwrap_or(Path::new(""));
        let path = relative_to(&report.path, dir, &self.cwd).replace('\\', "/");
        let mut counts: HashMap<(&str, &str), usize> = HashMap::new();
        report
            .findings
            .iter()
            .map(|f| {
                let n = counts.entry((f.rule, f.text.as_str())).or_default();
                *n += 1;
                Entry {
                    path: path.clone(),
                    rule: f.rule.to_string(),
                    text: f.text.clone(),
                    occurrence: *n - 1,
                }
            })
            .collect()
    }

    /// Removes the findings of `report` that are in the baseline and counts them in
    /// [`FileReport::baselined`].
    pub fn apply(&self, report: &mut FileReport) {
        if self.entries.is_empty() {
            return;
        }
        let keys = self.keys(report);
        let mut keep = keys.iter().map(|k| !self.entries.contains(k));
        let before = report.findings.len();
        report.findings.retain(|_| keep.next().unwrap_or(true));
        report.baselined = before - report.findings.len();
    }

    /// Adds every finding of `report` (for `--write-baseline`).
    pub fn record(&mut self, report: &FileReport) {
        self.entries.extend(self.keys(report));
    }

    /// Writes the baseline file (sorted, so it diffs well); returns the number of findings.
    pub fn write(&self) -> Result<usize, AppError> {
        let mut findings: Vec<Entry> = self.entries.iter().cloned().collect();
        findings.sort_by(|a, b| {
            (&a.path, &a.rule, &a.text, a.occurrence).cmp(&(
                &b.path,
                &b.rule,
                &b.text,
                b.occurrence,
            ))
        });
        let n = findings.len();
        let file = BaselineFile {
            version: 1,
            findings,
        };
        let mut text = serde_json::to_string_pretty(&file).map_err(|e| AppError::File {
            context: format!("{}: cannot write the baseline", self.path.display()),
            error: e.to_string(),
        })?;
        text.push('\n');
        std::fs::write(&self.path, text).map_err(|e| AppError::File {
            context: format!("{}: cannot write the baseline", self.path.display()),
            error: e.to_string(),
        })?;
        Ok(n)
    }
}
