//! GitHub Actions workflow commands (`--format github`): one annotation line per finding,
//! `::error file=…,line=…,endLine=…,col=…,endColumn=…,title=…::message`, which the runner
//! shows on the pull request's diff. Critical and major findings are errors, minor ones
//! warnings (as in SARIF); a file that could not be checked is an error on the file. Paths
//! are relative to a base directory (`--base`, default the current one, as the runner
//! expects repository paths), like SARIF's.
//!
//! A finding in a translation unit with an id (XLIFF, TMX, JSON Lines, TSV/CSV) names it at
//! the end of the title (`mtcheck rule (major) unit 12`).
//!
//! The last line is a notice with the totals (files, findings by severity, findings the
//! baseline holds, files that failed the gate) and the verdict.
//!
//! Values are escaped as the runner expects: `%`, `\r` and `\n` everywhere, and also `:` and
//! `,` in the properties.

use std::io::{self, Write};
use std::path::PathBuf;

use super::{sarif, End, Report};
use crate::located::{FileReport, LocatedFinding};

/// The annotations report: streamed, one line per finding.
#[derive(Debug, Clone, Default)]
pub struct GithubReport {
    /// (base, current directory): paths are made relative to the base; `None`: as given.
    base: Option<(PathBuf, PathBuf)>,
}

impl GithubReport {
    /// Annotations whose paths are relative to `base` (itself relative to `cwd`).
    pub fn with_base(base: PathBuf, cwd: PathBuf) -> Self {
        GithubReport {
            base: Some((base, cwd)),
        }
    }

    fn path(&self, path: &str) -> String {
        match &self.base {
            Some((base, cwd)) => sarif::relative_to(path, base, cwd),
            None => path.to_string(),
        }
    }
}

impl Report for GithubReport {
    fn file(&mut self, file: &FileReport, _passed: bool, out: &mut dyn Write) -> io::Result<()> {
        let path = self.path(&file.path);
        for f in &file.findings {
            writeln!(out, "{}", annotation(f, &path))?;
        }
        Ok(())
    }

    fn finish(&mut self, end: End<'_>, out: &mut dyn Write) -> io::Result<()> {
        for e in &end.batch.errors {
            writeln!(
                out,
                "::error file={},title={}::{}",
                property(&self.path(&e.path)),
                property("mtcheck: file not checked"),
                data(&e.message)
            )?;
        }
        writeln!(out, "{}", notice(&end))
    }
}

/// The last line: a notice with the batch's totals (findings the baseline holds included)
/// and its verdict, shown in the run's summary of annotations.
pub fn notice(end: &End<'_>) -> String {
    let verdict = if !end.batch.errors.is_empty() {
        "ERROR"
    } else if end.passed() {
        "pass"
    } else {
        "FAIL"
    };
    let unreadable = match end.batch.errors.len() {
        0 => String::new(),
        n => format!(", {n} could not be checked"),
    };
    format!(
        "::notice title={}::{}{unreadable} — {verdict}",
        property("mtcheck summary"),
        data(&super::totals(end.summaries))
    )
}

/// The workflow command of one finding in the file shown as `path`.
pub fn annotation(f: &LocatedFinding, path: &str) -> String {
    let title = match &f.segment_id {
        Some(id) => format!("mtcheck {} ({}) unit {id}", f.rule, f.severity.as_str()),
        None => format!("mtcheck {} ({})", f.rule, f.severity.as_str()),
    };
    let mut message = f.message.clone();
    match f.suggestion.as_deref() {
        Some("") => message.push_str(" — delete it"),
        Some(s) => {
            message.push_str(" — suggestion: ");
            message.push_str(s);
        }
        None => {}
    }
    format!(
        "::{} file={},line={},endLine={},col={},endColumn={},title={}::{}",
        sarif::level(f.severity),
        property(path.strip_prefix("./").unwrap_or(path)),
        f.line,
        f.end_line,
        f.column,
        f.end_column,
        property(&title),
        data(&message)
    )
}

/// A message: `%`, carriage return and line feed escaped.
pub fn data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// A property value: as [`data`], and `:` and `,` escaped.
pub fn property(s: &str) -> String {
    data(s).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_are_escaped() {
        assert_eq!(data("50% a\r\nb: c, d"), "50%25 a%0D%0Ab: c, d");
        assert_eq!(property("a:b,c%\n"), "a%3Ab%2Cc%25%0A");
    }
}
