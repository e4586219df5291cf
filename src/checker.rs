//! Runs every rule over a document and turns the results into located, sorted findings.

use std::sync::Arc;

use serde::Serialize;

use crate::document::Document;
use crate::error::DictError;
use crate::finding::{Finding, Severity};
use crate::input::{self, Format};
use crate::lexicon::Lexicons;
use crate::rules::{Context, Rule, REGISTRY};
use crate::text::segment::SegmentMode;
use crate::text::LineIndex;

/// Checks documents with a set of rules and dictionaries. Cheap to share across threads.
#[derive(Clone)]
pub struct Checker {
    lex: Arc<Lexicons>,
    rules: Vec<&'static dyn Rule>,
}

impl Checker {
    /// A checker with every registered rule.
    pub fn new(lex: Arc<Lexicons>) -> Self {
        Checker {
            lex,
            rules: REGISTRY.to_vec(),
        }
    }

    /// Keeps only the rules for which `keep(id)` is true.
    pub fn retain_rules(&mut self, keep: impl Fn(&str) -> bool) {
        self.rules.retain(|r| keep(r.meta().id));
    }

    /// All findings of a document, with offsets into its original text, sorted by
    /// (start, rule, end) and without duplicates.
    pub fn check_document(&self, doc: &Document) -> Vec<Finding> {
        let mut cx = Context::new(&self.lex);
        for rule in &self.rules {
            rule.check(doc, &mut cx);
        }
        let mut out: Vec<Finding> = cx
            .findings
            .into_iter()
            .map(|f| {
                let (start, end) = doc.original_span(f.start, f.end);
                Finding {
                    rule: f.meta.id,
                    category: f.meta.category,
                    severity: f.severity,
                    start,
                    end,
                    message: f.message,
                    suggestion: f.suggestion,
                }
            })
            .filter(|f| f.end > f.start)
            .collect();
        out.sort_by(|a, b| (a.start, a.rule, a.end).cmp(&(b.start, b.rule, b.end)));
        out.dedup_by(|a, b| a.start == b.start && a.end == b.end && a.rule == b.rule);
        out
    }

    /// Checks one decoded file and locates its findings.
    pub fn check_text(
        &self,
        path: &str,
        text: String,
        format: Format,
        mode: SegmentMode,
    ) -> FileReport {
        let doc = input::parse(text, format, mode);
        let findings = self.check_document(&doc);
        FileReport::new(path, &doc, findings)
    }
}

/// Checks plain German text with the built-in dictionaries and every rule.
pub fn check_str(text: &str) -> Result<Vec<Finding>, DictError> {
    let checker = Checker::new(Lexicons::builtin()?);
    let doc = input::parse(text.to_string(), Format::Text, SegmentMode::Paragraphs);
    Ok(checker.check_document(&doc))
}

/// A finding with its file, line and column: the JSONL contract, field order included.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct LocatedFinding {
    /// The file as given by the user (`-` for standard input).
    pub path: String,
    /// 1-based line of the start.
    pub line: usize,
    /// 1-based column of the start, in Unicode scalar values.
    pub column: usize,
    /// 1-based line of the end.
    pub end_line: usize,
    /// 1-based column of the end (exclusive), in Unicode scalar values.
    pub end_column: usize,
    /// Start byte in the file.
    pub start: usize,
    /// End byte in the file (exclusive).
    pub end: usize,
    /// Rule id.
    pub rule: &'static str,
    /// MQM category.
    pub category: &'static str,
    /// Severity.
    pub severity: Severity,
    /// The flagged bytes of the file.
    pub text: String,
    /// The proposed replacement.
    pub suggestion: Option<String>,
    /// One sentence.
    pub message: String,
}

/// A line of a file that a finding points into, kept for the excerpts of the text report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceLine {
    /// 1-based line number.
    pub number: usize,
    /// Byte offset of the line's start in the file.
    pub start: usize,
    /// The line without its line break (and without trailing `\r`).
    pub text: String,
}

/// The result of checking one file.
#[derive(Debug, Clone)]
pub struct FileReport {
    /// The file as given by the user.
    pub path: String,
    /// Words checked.
    pub words: usize,
    /// Findings, sorted.
    pub findings: Vec<LocatedFinding>,
    /// The lines of the file that findings point into, in line order, for excerpts.
    pub lines: Vec<SourceLine>,
}

/// Characters in `text[from..to]` (0 if that is not a valid range).
fn chars_between(text: &str, from: usize, to: usize) -> usize {
    text.get(from..to).map_or(0, |s| s.chars().count())
}

impl FileReport {
    /// Locates sorted findings. Positions are computed incrementally from one finding to
    /// the next, so a long line with many findings is not recounted from its start each time.
    fn new(path: &str, doc: &Document, findings: Vec<Finding>) -> Self {
        let idx = LineIndex::new(&doc.original);
        let text = &doc.original;
        let mut lines: Vec<SourceLine> = Vec::new();
        // the last start located: (byte, line, column)
        let mut last: Option<(usize, usize, usize)> = None;
        let located = findings
            .into_iter()
            .map(|f| {
                let (line, column) = match last {
                    Some((at, l, c))
                        if at <= f.start && !text.as_bytes()[at..f.start].contains(&b'\n') =>
                    {
                        (l, c + chars_between(text, at, f.start))
                    }
                    _ => idx.position(text, f.start),
                };
                last = Some((f.start, line, column));
                let (end_line, end_column) = if text.as_bytes()[f.start..f.end].contains(&b'\n') {
                    idx.position(text, f.end)
                } else {
                    (line, column + chars_between(text, f.start, f.end))
                };
                if lines.last().is_none_or(|l| l.number != line) {
                    let ls = text[..f.start].rfind('\n').map_or(0, |i| i + 1);
                    let le = text[f.start..]
                        .find('\n')
                        .map_or(text.len(), |i| f.start + i);
                    lines.push(SourceLine {
                        number: line,
                        start: ls,
                        text: text[ls..le].trim_end_matches('\r').to_string(),
                    });
                }
                LocatedFinding {
                    path: path.to_string(),
                    line,
                    column,
                    end_line,
                    end_column,
                    start: f.start,
                    end: f.end,
                    rule: f.rule,
                    category: f.category,
                    severity: f.severity,
                    text: text[f.start..f.end].to_string(),
                    suggestion: f.suggestion,
                    message: f.message,
                }
            })
            .collect();
        FileReport {
            path: path.to_string(),
            words: doc.word_count(),
            findings: located,
            lines,
        }
    }

    /// MQM penalty points: minor 1, major 5, critical 10.
    pub fn penalty(&self) -> u32 {
        self.findings.iter().map(|f| f.severity.penalty()).sum()
    }

    /// Penalty points per 1,000 words.
    pub fn score(&self) -> f64 {
        if self.words == 0 {
            return f64::from(self.penalty()) * 1000.0;
        }
        f64::from(self.penalty()) * 1000.0 / self.words as f64
    }

    /// Number of findings of a severity.
    pub fn count(&self, s: Severity) -> usize {
        self.findings.iter().filter(|f| f.severity == s).count()
    }
}
