//! GitHub Actions workflow commands (`--format github`): one annotation line per finding,
//! `::error file=…,line=…,endLine=…,col=…,endColumn=…,title=…::message`, which the runner
//! shows on the pull request's diff. Critical and major findings are errors, minor ones
//! warnings (as in SARIF); a file that could not be checked is an error on the file.
//!
//! Values are escaped as the runner expects: `%`, `\r` and `\n` everywhere, and also `:` and
//! `,` in the properties.

use std::io::{self, Write};

use super::{sarif, End, Report};
use crate::located::{FileReport, LocatedFinding};

/// The annotations report: streamed, one line per finding.
#[derive(Debug, Clone, Copy, Default)]
pub struct GithubReport;

impl Report for GithubReport {
    fn file(&mut self, file: &FileReport, _passed: bool, out: &mut dyn Write) -> io::Result<()> {
        for f in &file.findings {
            writeln!(out, "{}", annotation(f))?;
        }
        Ok(())
    }

    fn finish(&mut self, end: End<'_>, out: &mut dyn Write) -> io::Result<()> {
        for e in &end.batch.errors {
            writeln!(
                out,
                "::error file={},title={}::{}",
                property(&e.path),
                property("mtcheck: file not checked"),
                data(&e.message)
            )?;
        }
        Ok(())
    }
}

/// The workflow command of one finding.
pub fn annotation(f: &LocatedFinding) -> String {
    let title = format!("mtcheck {} ({})", f.rule, f.severity.as_str());
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
        property(f.path.strip_prefix("./").unwrap_or(&f.path)),
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
