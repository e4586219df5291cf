//! The human report: each finding with its line (and the id of its translation unit in a
//! bilingual file, `[unit 12]`), a marker under the flagged text, the suggestion, and a
//! verdict per file.

use std::io::{self, Write};

use anstyle::{AnsiColor, Style};

use super::{End, FileSummary, Report};
use crate::finding::Severity;
use crate::located::FileReport;
use crate::terminal::{escape, escape_char, is_unsafe};

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
    // findings are sorted: their lines and, within a line, their columns never go back
    let mut at = ColumnCursor::default();
    for f in &file.findings {
        // the translation unit's id, after the position (which stays `path:line:column:`)
        let unit = match &f.segment_id {
            Some(id) => paint.p(dim, &format!("[unit {}] ", escape(id))),
            None => String::new(),
        };
        writeln!(
            out,
            "{}:{}:{}: {unit}{} {}: {}",
            paint.p(bold, &escape(&f.path)),
            f.line,
            f.column,
            paint.p(sev_style(f.severity), f.severity.as_str()),
            paint.p(dim, f.rule),
            escape(&f.message)
        )?;
        let line = file
            .lines
            .binary_search_by_key(&f.line, |(l, _)| *l)
            .ok()
            .map(|i| file.lines[i].1.as_str());
        if let Some(line) = line {
            let byte = at.byte(f.line, line, f.column - 1);
            let (excerpt, lead, width) = excerpt(line, byte, f.text.chars().count());
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
            let src = src.join(" ");
            writeln!(out, "    {} source: {}", paint.p(dim, "|"), escape(&src))?;
        }
        match f.suggestion.as_deref() {
            Some("") => writeln!(out, "    {} delete it", paint.p(dim, "="))?,
            Some(s) => writeln!(out, "    {} suggestion: {}", paint.p(dim, "="), escape(s))?,
            None => {}
        }
    }
    if file.omitted.total() > 0 {
        writeln!(
            out,
            "{}: {}",
            paint.p(bold, &escape(&file.path)),
            super::omitted_note(file.omitted.total())
        )?;
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
            paint.p(bold, &escape(&file.path)),
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
        let baselined = match files.iter().map(|f| f.baselined).sum::<usize>() {
            0 => String::new(),
            n => format!(", {n} baselined"),
        };
        writeln!(
            out,
            "{} files checked, {} findings{baselined}, {} failed the gate, {} could not be read",
            files.len(),
            total,
            failed,
            errors
        )?;
    }
    Ok(())
}

/// The byte offset of a column in a line, found from the previous column of the same line:
/// linear in the line for all its findings together.
#[derive(Default)]
struct ColumnCursor {
    line: usize,
    column: usize,
    byte: usize,
}

impl ColumnCursor {
    /// The byte where 0-based `column` of `text`, line `line`, starts (the end for a column
    /// past it).
    fn byte(&mut self, line: usize, text: &str, column: usize) -> usize {
        if line != self.line || column < self.column {
            *self = ColumnCursor {
                line,
                column: 0,
                byte: 0,
            };
        }
        let skip = column - self.column;
        let rest = &text[self.byte..];
        let len = rest.char_indices().nth(skip).map_or(rest.len(), |(i, _)| i);
        self.byte += len;
        self.column = column;
        self.byte
    }
}

/// At most 100 characters of `line` around the flagged characters, which start at byte `at`
/// and are `len` characters long: (excerpt, columns before the marker, marker width). Tabs
/// are shown as spaces and other control characters escaped ([`crate::terminal`]); the
/// marker counts the characters as shown. Only the characters shown are looked at.
fn excerpt(line: &str, at: usize, len: usize) -> (String, usize, usize) {
    let mut before: Vec<char> = line[..at].chars().rev().take(41).collect();
    let more_before = before.len() > 40;
    before.truncate(40);
    before.reverse();
    let mut after = line[at..].chars();
    let shown_after: Vec<char> = after.by_ref().take(len + 40).collect();
    let more_after = after.next().is_some();
    let mut s = String::new();
    let (mut lead, mut width) = (0, 0);
    if more_before {
        s.push('…');
        lead += 1;
    }
    let mut push = |c: char| {
        let c = if c == '\t' { ' ' } else { c };
        if is_unsafe(c) {
            let before = s.len();
            escape_char(c, &mut s);
            s.len() - before // escapes are ASCII
        } else {
            s.push(c);
            1
        }
    };
    for &c in &before {
        lead += push(c);
    }
    for (i, &c) in shown_after.iter().enumerate() {
        let shown = push(c);
        if i < len {
            width += shown;
        }
    }
    if more_after {
        s.push('…');
    }
    (s, lead, width)
}

#[cfg(test)]
mod tests {
    use super::{excerpt, ColumnCursor};

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

    #[test]
    fn excerpt_escapes_controls_and_the_marker_follows() {
        let (s, lead, w) = excerpt("a\u{1b}[2Jb Fehler\r", 7, 6);
        assert_eq!(s, "a\\e[2Jb Fehler\\r");
        assert_eq!((lead, w), (8, 6));
    }

    #[test]
    fn many_findings_on_one_long_line_are_located_by_a_cursor() {
        let line = "äb ".repeat(100_000);
        let mut at = ColumnCursor::default();
        for col in (0..300_000).step_by(3) {
            let byte = at.byte(1, &line, col);
            assert!(line[byte..].starts_with("äb"));
        }
        assert_eq!(at.byte(1, &line, 3), 4);
        assert_eq!(at.byte(2, "x", 5), 1);
    }
}
