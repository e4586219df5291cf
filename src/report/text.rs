//! The human report: each finding with its line, a marker under the flagged text, the
//! suggestion, and a verdict per file.

use std::io::{self, Write};

use anstyle::{AnsiColor, Style};

use super::{round2, FileError, FileSummary};
use crate::checker::FileReport;
use crate::finding::Severity;

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

/// Writes the findings of one file, each with an excerpt of its line and the suggestion.
pub fn write_file(file: &FileReport, color: bool, out: &mut dyn Write) -> io::Result<()> {
    let paint = Paint(color);
    let dim = Style::new().dimmed();
    let bold = Style::new().bold();
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
        if let Ok(i) = file.lines.binary_search_by_key(&f.line, |l| l.number) {
            let line = &file.lines[i];
            let (excerpt, lead, width) = excerpt(
                &line.text,
                f.start - line.start,
                f.column - 1,
                f.text.chars().count(),
            );
            writeln!(out, "    {} {}", paint.p(dim, "|"), excerpt)?;
            writeln!(
                out,
                "    {} {}{}",
                paint.p(dim, "|"),
                " ".repeat(lead),
                paint.p(sev_style(f.severity), &"^".repeat(width.max(1)))
            )?;
        }
        match f.suggestion.as_deref() {
            Some("") => writeln!(out, "    {} delete it", paint.p(dim, "="))?,
            Some(s) => writeln!(out, "    {} suggestion: {}", paint.p(dim, "="), s)?,
            None => {}
        }
    }
    Ok(())
}

/// Writes the verdict of every file and, for a batch, a total.
pub fn write_summary(
    files: &[FileSummary],
    errors: &[FileError],
    color: bool,
    out: &mut dyn Write,
) -> io::Result<()> {
    let paint = Paint(color);
    let bold = Style::new().bold();
    let green = Style::new().fg_color(Some(AnsiColor::Green.into())).bold();
    let red = Style::new().fg_color(Some(AnsiColor::Red.into())).bold();
    let mut failed = 0;
    for file in files {
        failed += usize::from(!file.passed);
        writeln!(
            out,
            "{}: {} findings ({} critical, {} major, {} minor), {} words, score {:.2} — {}",
            paint.p(bold, &file.path),
            file.findings,
            file.critical,
            file.major,
            file.minor,
            file.words,
            round2(file.score),
            if file.passed {
                paint.p(green, "pass")
            } else {
                paint.p(red, "FAIL")
            }
        )?;
    }
    if files.len() + errors.len() > 1 {
        let total: usize = files.iter().map(|f| f.findings).sum();
        writeln!(
            out,
            "{} files checked, {} findings, {} failed the gate, {} could not be read",
            files.len(),
            total,
            failed,
            errors.len()
        )?;
    }
    Ok(())
}

/// At most 100 characters of `line` around the flagged text, which starts at byte `at`
/// (character `col`) of the line and is `len` characters long: (excerpt, columns before
/// the marker, marker width). Only the characters around the flagged text are visited, so
/// a very long line costs no more than a short one.
fn excerpt(line: &str, at: usize, col: usize, len: usize) -> (String, usize, usize) {
    let at = at.min(line.len());
    let before: Vec<char> = line[..at].chars().rev().take(40).collect();
    let mut after = line[at..].chars();
    let mut s = String::new();
    let mut lead = before.len();
    if col > before.len() && before.len() == 40 {
        s.push('…');
        lead += 1;
    }
    s.extend(before.iter().rev());
    let mut shown = 0;
    for c in after.by_ref().take(len + 40) {
        s.push(c);
        shown += 1;
    }
    if after.next().is_some() {
        s.push('…');
    }
    let s = s.replace('\t', " ");
    (s, lead, len.min(shown))
}

#[cfg(test)]
mod tests {
    use super::excerpt;

    #[test]
    fn excerpt_marks_the_columns() {
        let (s, lead, w) = excerpt("Das ist ein Test", 8, 8, 3);
        assert_eq!(&s, "Das ist ein Test");
        assert_eq!((lead, w), (8, 3));
        let long = "x".repeat(200);
        let (s, lead, _) = excerpt(&long, 100, 100, 2);
        assert!(s.starts_with('…') && s.chars().count() <= 84);
        assert_eq!(lead, 41);
    }

    /// The excerpt as it was computed from all characters of the line.
    fn from_all_chars(line: &str, col: usize, len: usize) -> (String, usize, usize) {
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
        (s, lead, len.min(to.saturating_sub(col)))
    }

    #[test]
    fn excerpt_visits_only_the_window_and_matches_the_full_computation() {
        let line = "Ärger\tüber „Straßen“ – ".repeat(12);
        for (at, _) in line.char_indices().chain([(line.len(), ' ')]) {
            let col = line[..at].chars().count();
            for len in [0, 1, 5, 60] {
                assert_eq!(
                    excerpt(&line, at, col, len),
                    from_all_chars(&line, col, len),
                    "at {at} len {len}"
                );
            }
        }
    }
}
