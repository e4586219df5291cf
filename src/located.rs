//! Located findings: a finding with its file, line, column and text, and the result of
//! checking one file. The checker produces them and every report reads them; this module
//! sits below both, so reports never depend on the checker.

use std::sync::Arc;

use serde::Serialize;

use crate::document::Document;
use crate::finding::{Finding, Severity};
use crate::text::lines::Cursor;
use crate::text::LineIndex;

/// A finding with the view range it was reported on (for suppression and sentences).
pub(crate) struct Checked {
    /// The finding, with offsets into the original text.
    pub finding: Finding,
    /// Start of the range in the view the rule reported.
    pub view_start: usize,
    /// End of that range.
    pub view_end: usize,
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
    /// The English source segment aligned with the finding (null without a source).
    pub source_text: Option<String>,
    /// The sentence around the finding, as prose (markup removed, white space folded).
    /// Not part of the JSONL contract; the CSV report shows it. Empty when the checker was
    /// told not to keep sentences ([`crate::Checker::keep_sentences`]).
    #[serde(skip)]
    pub sentence: String,
    /// 1-based number of the segment (paragraph, or line with `--segments lines`, or
    /// translation unit) the finding starts in; 0 outside every segment (a blank target).
    /// Not part of the JSONL contract; the xlsx report shows it.
    #[serde(skip)]
    pub segment: usize,
    /// The id of the translation unit the finding lies in, as the bilingual file gives it
    /// (XLIFF `trans-unit`/`unit` id, TMX `tuid`, JSON Lines `id`, TSV/CSV `id` column), so
    /// that a translator finds the segment in a CAT tool. Written to JSON only when there is
    /// one: findings of files without ids look as before.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub segment_id: Option<String>,
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
    /// The lines of the file that findings point into: (line number, text), for excerpts.
    pub lines: Vec<(usize, String)>,
    /// Findings silenced by `<!-- mtcheck-ignore … -->` comments.
    pub suppressed: usize,
    /// The file was checked against an English source.
    pub has_source: bool,
    /// The whole file as given (decoded), kept only when the checker was asked to
    /// ([`crate::Checker::keep_text`]); finding offsets point into it, unless the file was
    /// transcoded (see [`FileReport::text_findings`]).
    pub text: Option<Arc<str>>,
    /// Findings dropped because the baseline (`--baseline`) holds them.
    pub baselined: usize,
    /// Problems of the file that are not findings, with their 1-based line: an
    /// `mtcheck-ignore` comment naming an unknown rule.
    pub warnings: Vec<(usize, String)>,
    /// The file was not UTF-8: the encoding it was read in, and the map from offsets in the
    /// decoded text to the file's bytes (finding offsets point into the file's bytes).
    pub transcoded: Option<Transcoded>,
    /// Findings past the limit per file ([`crate::Checker::max_findings`]): counted in the
    /// score, the verdict and the totals, not listed.
    pub omitted: Omitted,
}

/// How a file that was not UTF-8 was read.
#[derive(Debug, Clone)]
pub struct Transcoded {
    /// The encoding's name (`windows-1252`, `ISO-8859-1`, `UTF-16LE`, …).
    pub encoding: &'static str,
    /// Offsets in the decoded text -> offsets in the file's bytes.
    pub map: Arc<crate::input::encoding::ByteMap>,
}

/// The findings of a file that were found but not listed, by severity.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Omitted {
    /// Critical findings.
    pub critical: usize,
    /// Major findings.
    pub major: usize,
    /// Minor findings.
    pub minor: usize,
}

impl Omitted {
    /// Keeps the first `max` of `findings` (sorted by position) and counts the rest.
    pub(crate) fn cut(findings: &mut Vec<Checked>, max: usize) -> Omitted {
        let mut o = Omitted::default();
        for c in findings.iter().skip(max) {
            match c.finding.severity {
                Severity::Critical => o.critical += 1,
                Severity::Major => o.major += 1,
                Severity::Minor => o.minor += 1,
            }
        }
        findings.truncate(max);
        o
    }

    /// Counts `n` more of severity `s`.
    pub fn add(&mut self, s: Severity, n: usize) {
        match s {
            Severity::Critical => self.critical += n,
            Severity::Major => self.major += n,
            Severity::Minor => self.minor += n,
        }
    }

    /// All of them.
    pub fn total(&self) -> usize {
        self.critical + self.major + self.minor
    }

    /// Those of one severity.
    pub fn count(&self, s: Severity) -> usize {
        match s {
            Severity::Critical => self.critical,
            Severity::Major => self.major,
            Severity::Minor => self.minor,
        }
    }

    /// Their penalty points.
    pub fn penalty(&self) -> u32 {
        [Severity::Critical, Severity::Major, Severity::Minor]
            .iter()
            .map(|&s| s.penalty() * u32::try_from(self.count(s)).unwrap_or(u32::MAX))
            .fold(0, u32::saturating_add)
    }
}

impl FileReport {
    /// Locates `findings` (sorted by start) in `doc`: lines, columns, excerpt lines and,
    /// with `sentences`, the sentence around each finding.
    pub(crate) fn new(path: &str, doc: &Document, findings: Vec<Checked>, sentences: bool) -> Self {
        let idx = LineIndex::new(&doc.original);
        let text = &doc.original;
        // findings are sorted by start, so their lines never go back
        let (mut starts, mut ends) = (Cursor::new(&idx, text), Cursor::new(&idx, text));
        let mut lines: Vec<(usize, String)> = Vec::new();
        let located = findings
            .into_iter()
            .map(|c| {
                let unit = doc.unit_at(c.view_start);
                let info = unit.and_then(|i| doc.unit_info(i));
                // a blank target has no text of its own: no sentence, and the unit's source
                // (the segments around it belong to other units)
                let blank = info.is_some_and(|i| i.blank.is_some());
                let sentence = if sentences && !blank {
                    doc.sentence_text(c.view_start, c.view_end)
                } else {
                    String::new()
                };
                let source_text = match unit.map(|i| &doc.units[i]) {
                    Some(u) if blank => Some(u.source.clone()),
                    _ => doc.source_at(c.view_start).map(|s| s.text.clone()),
                };
                let f = c.finding;
                let (line, column) = starts.position(f.start);
                let (end_line, end_column) = ends.position(f.end);
                if lines.last().is_none_or(|(l, _)| *l != line) {
                    let ls = text[..f.start].rfind('\n').map_or(0, |i| i + 1);
                    let le = text[f.start..]
                        .find('\n')
                        .map_or(text.len(), |i| f.start + i);
                    lines.push((line, text[ls..le].trim_end_matches('\r').to_string()));
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
                    source_text,
                    sentence,
                    segment: if blank {
                        0
                    } else {
                        doc.segment_at(c.view_start).map_or(0, |i| i + 1)
                    },
                    segment_id: info.and_then(|i| i.id.clone()),
                }
            })
            .collect();
        FileReport {
            path: path.to_string(),
            words: doc.word_count(),
            findings: located,
            lines,
            suppressed: 0,
            has_source: doc.has_source(),
            text: None,
            baselined: 0,
            warnings: Vec::new(),
            transcoded: None,
            omitted: Omitted::default(),
        }
    }

    /// Marks the file as read in another encoding than UTF-8: finding offsets, which point
    /// into the decoded text, are moved to the file's bytes.
    pub fn transcode(&mut self, encoding: &'static str, map: Arc<crate::input::encoding::ByteMap>) {
        for f in &mut self.findings {
            f.start = map.original(f.start);
            f.end = map.original(f.end);
        }
        self.transcoded = Some(Transcoded { encoding, map });
    }

    /// The findings with offsets into [`FileReport::text`] (the decoded text): the findings
    /// themselves for a UTF-8 file, copies moved back for a transcoded one.
    pub fn text_findings(&self) -> std::borrow::Cow<'_, [LocatedFinding]> {
        match &self.transcoded {
            None => std::borrow::Cow::Borrowed(&self.findings),
            Some(t) => std::borrow::Cow::Owned(
                self.findings
                    .iter()
                    .map(|f| LocatedFinding {
                        start: t.map.decoded(f.start),
                        end: t.map.decoded(f.end),
                        ..f.clone()
                    })
                    .collect(),
            ),
        }
    }

    /// MQM penalty points: minor 1, major 5, critical 10 (omitted findings included).
    pub fn penalty(&self) -> u32 {
        self.findings
            .iter()
            .map(|f| f.severity.penalty())
            .sum::<u32>()
            .saturating_add(self.omitted.penalty())
    }

    /// Number of findings, omitted ones included.
    pub fn total(&self) -> usize {
        self.findings.len() + self.omitted.total()
    }

    /// Penalty points per 1,000 words.
    pub fn score(&self) -> f64 {
        if self.words == 0 {
            return f64::from(self.penalty()) * 1000.0;
        }
        f64::from(self.penalty()) * 1000.0 / self.words as f64
    }

    /// Number of findings of a severity, omitted ones included.
    pub fn count(&self, s: Severity) -> usize {
        self.findings.iter().filter(|f| f.severity == s).count() + self.omitted.count(s)
    }
}
