//! The human report: each finding with its line, a marker under the flagged text, the
//! suggestion, and a verdict per file.

use std::io::{self, Write};

use anstyle::{AnsiColor, Style};

use super::{End, FileSummary, Report};
use crate::finding::Severity;
use crate::located::FileReport;

fn sev_style(s: Severity) -> Style {
    match s {
        Severity::Critical => Style::new()
            .fg_color(Some(AnsiColor::Magenta.into()))
            .bold(),
        Severity::Major => Style::new().fg_color(Some(AnsiColor::Red.into())).bold(),
        Severity::Minor => Style::new().fg_color(Some(AnsiColor::Yellow.into())),
    }
}

struct Paint(bool);

impl Paint {
    fn p(&self, style: Style, s: &str) -> String {
        if self.0 {
            format!("{style}{s}{style:#}")
        } else {
            s.to_string()
        }
    }
}

fn styles() -> (Style, Style, Style, Style) {
    (
        Style::new().dimmed(),
        Style::new().bold(),
        Style::new().fg_color(Some(AnsiColor::Green.into())).bold(),
        Style::new().fg_color(Some(AnsiColor::Red.into())).bold(),
    )
}

/// The human report.
#[derive(Debug, Clone, Copy, Default)]
pub struct TextReport {
    /// Colour (ANSI escapes).
    pub color: bool,
}

impl Report for TextReport {
    fn file(&mut self, file: &FileReport, _passed: bool, out: &mut dyn Write) -> io::Result<()> {
        write_file(file, self.color, out)
    }

    fn finish(&mut self, end: End<'_>, out: &mut dyn Write) -> io::Result<()> {
        write_end(end.summaries, end.batch.errors.len(), self.color, out)
    }
}

/// Writes the findings of one file: each with its line, a marker under the flagged text,
/// the source segment and the suggestion.
pub fn write_file(file: &FileReport, color: bool, out: &mut dyn Write) -> io::Result<()> {
    let paint = Paint(color);
    let (dim, bold, _, _) = styles();
    for f in &file.findings {
        writeln!(
            out,
            "{}:{}:{}: {} {}: {}",
            paint.p(bold, &f.path),
            f.line,
            f.column,
            paint.p(sev_style(f.severity), f.severity.as_str()),
            paint.p(dim, f.rule),
            f.message
        )?;
        if let Some((_, line)) = file.lines.iter().find(|(l, _)| *l == f.line) {
            let (excerpt, lead, width) = excerpt(line, f.column - 1, f.text.chars().count());
            writeln!(out, "    {} {}", paint.p(dim, "|"), excerpt)?;
            writeln!(
                out,
                "    {} {}{}",
                paint.p(dim, "|"),
                " ".repeat(lead),
                paint.p(sev_style(f.severity), &"^".repeat(width.max(1)))
            )?;
        }
        if let Some(src) = f.source_text.as_deref() {
            let src: Vec<&str> = src.split_whitespace().collect();
            writeln!(out, "    {} source: {}", paint.p(dim, "|"), src.join(" "))?;
        }
        match f.suggestion.as_deref() {
            Some("") => writeln!(out, "    {} delete it", paint.p(dim, "="))?,
            Some(s) => writeln!(out, "    {} suggestion: {}", paint.p(dim, "="), s)?,
            None => {}
        }
    }
    Ok(())
}

/// Writes the verdict of every file and, for more than one file, the batch total.
pub fn write_end(
    files: &[FileSummary],
    errors: usize,
    color: bool,
    out: &mut dyn Write,
) -> io::Result<()> {
    let paint = Paint(color);
    let (_, bold, green, red) = styles();
    for file in files {
        let mut suppressed = match file.suppressed {
            0 => String::new(),
            n => format!(", {n} suppressed"),
        };
        if file.baselined > 0 {
            suppressed.push_str(&format!(", {} baselined", file.baselined));
        }
        writeln!(
            out,
            "{}: {} findings ({} critical, {} major, {} minor){}, {} words, score {:.2} — {}",
            paint.p(bold, &file.path),
            file.findings,
            file.critical,
            file.major,
            file.minor,
            suppressed,
            file.words,
            file.score,
            if file.passed {
                paint.p(green, "pass")
            } else {
                paint.p(red, "FAIL")
            }
        )?;
    }
    if files.len() + errors > 1 {
        let total: usize = files.iter().map(|f| f.findings).sum();
        let failed = files.iter().filter(|f| !f.passed).count();
        writeln!(
            out,
            "{} files checked, {} findings, {} failed the gate, {} could not be read",
            files.len(),
            total,
            failed,
            errors
        )?;
    }
    Ok(())
}

/// At most 100 characters of `line` around the flagged columns: (excerpt, columns before the
/// marker, marker width).
fn excerpt(line: &str, col: usize, len: usize) -> (String, usize, usize) {
    let chars: Vec<char> = line
        .chars()
        .map(|c| if c == '\t' { ' ' } else { c })
        .collect();
    let from = col.saturating_sub(40);
    let to = (col + len + 40).min(chars.len()).max(from);
    let mut s: String = chars[from..to].iter().collect();
    let mut lead = col - from;
    if from > 0 {
        s.insert(0, '…');
        lead += 1;
    }
    if to < chars.len() {
        s.push('…');
    }
    let width = len.min(to.saturating_sub(col));
    (s, lead, width)
}

#[cfg(test)]
mod tests {
    use super::excerpt;

    #[test]
    fn excerpt_marks_the_columns() {
        let (s, lead, w) = excerpt("Das ist ein Test", 8, 3);
        assert_eq!(&s, "Das ist ein Test");
        assert_eq!((lead, w), (8, 3));
        let long = "x".repeat(200);
        let (s, lead, _) = excerpt(&long, 100, 2);
        assert!(s.starts_with('…') && s.chars().count() <= 84);
        assert_eq!(lead, 41);
    }
}
