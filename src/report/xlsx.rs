//! The spreadsheet for editors (`--format xlsx`): an Office Open XML workbook that opens in
//! Excel and LibreOffice without an import dialog. Every text cell is written as a string, so
//! „10,000“, „10.000“ or „3. Oktober“ stay exactly as flagged whatever the locale; numbers
//! (lines, offsets, words, scores) are numbers.
//!
//! Sheet `Findings` is in the order an editor reads: file, line, severity, rule, text,
//! suggestion, message, sentence, then the English source and the segment id (the id of the
//! translation unit in an XLIFF, TMX, JSON Lines or TSV/CSV file; both in bilingual runs
//! only), the segment number and the byte offsets, then category, column, end line and end
//! column. The header row is frozen and filtered, severities are coloured. Sheet `Files` holds
//! one row per file (words, findings by severity, findings silenced by comments and held by
//! the baseline, score, verdict) and one per unreadable file. Both sheets print landscape,
//! one page wide.
//!
//! The workbook is a zip archive written at the end of the batch; the CSV stays the stable
//! machine format.

use std::io::{self, Write};

use rust_xlsxwriter::{Color, Format, FormatBorder, Worksheet, XlsxError};

use super::{End, FileSummary, Report};
use crate::finding::Severity;
use crate::located::{FileReport, LocatedFinding};

/// The columns of sheet `Findings` before the optional `source` column.
pub const FINDING_COLUMNS: [&str; 8] = [
    "file",
    "line",
    "severity",
    "rule",
    "text",
    "suggestion",
    "message",
    "sentence",
];

/// The columns of sheet `Findings` after the optional `source` column.
pub const POSITION_COLUMNS: [&str; 7] = [
    "segment",
    "start",
    "end",
    "category",
    "column",
    "end_line",
    "end_column",
];

/// The columns of sheet `Files`.
pub const FILE_COLUMNS: [&str; 10] = [
    "file",
    "words",
    "findings",
    "critical",
    "major",
    "minor",
    "suppressed",
    "baselined",
    "score",
    "verdict",
];

/// The column of the verdict (and of an unreadable file's error) in sheet `Files`; the
/// score stands before it.
const VERDICT: u16 = FILE_COLUMNS.len() as u16 - 1;

/// The most characters a spreadsheet cell holds; longer text is cut with `…`.
const CELL_MAX: usize = 32_767;

/// The most rows of a sheet, header included.
const ROW_MAX: u32 = 1_048_576;

/// The xlsx report: findings are added to the sheet as files arrive, the workbook is
/// written to the output at the end.
pub struct XlsxReport {
    findings: Worksheet,
    bilingual: bool,
    row: u32,
    styles: Styles,
    error: Option<XlsxError>,
}

/// Cell formats.
struct Styles {
    header: Format,
    critical: Format,
    major: Format,
    minor: Format,
    pass: Format,
    fail: Format,
}

impl Styles {
    fn new() -> Self {
        let sev = |bg: u32, fg: u32| {
            Format::new()
                .set_background_color(Color::RGB(bg))
                .set_font_color(Color::RGB(fg))
                .set_bold()
        };
        Styles {
            header: Format::new()
                .set_bold()
                .set_background_color(Color::RGB(0xE7_EA_EE))
                .set_border_bottom(FormatBorder::Thin),
            critical: sev(0xE4_C1_F9, 0x5B_10_8A),
            major: sev(0xFF_C7_CE, 0x9C_00_06),
            minor: sev(0xFF_EB_9C, 0x7A_5A_00),
            pass: sev(0xC6_EF_CE, 0x00_61_00),
            fail: sev(0xFF_C7_CE, 0x9C_00_06),
        }
    }

    fn severity(&self, s: Severity) -> &Format {
        match s {
            Severity::Critical => &self.critical,
            Severity::Major => &self.major,
            Severity::Minor => &self.minor,
        }
    }
}

impl XlsxReport {
    /// An empty workbook; `bilingual` adds the `source` and `segment_id` columns after
    /// `sentence`.
    pub fn new(bilingual: bool) -> Self {
        XlsxReport {
            findings: Worksheet::new(),
            bilingual,
            row: 0,
            styles: Styles::new(),
            error: None,
        }
    }

    /// The header of sheet `Findings`.
    fn columns(&self) -> Vec<&'static str> {
        let mut c: Vec<&str> = FINDING_COLUMNS.to_vec();
        if self.bilingual {
            c.extend([super::csv::SOURCE_COLUMN, super::csv::SEGMENT_ID_COLUMN]);
        }
        c.extend(POSITION_COLUMNS);
        c
    }

    fn add_finding(&mut self, f: &LocatedFinding) -> Result<(), XlsxError> {
        self.row += 1;
        if self.row >= ROW_MAX {
            return Err(XlsxError::RowColumnLimitError);
        }
        let (r, s) = (self.row, &self.styles);
        let ws = &mut self.findings;
        ws.write_string(r, 0, cell(&f.path))?;
        ws.write_number(r, 1, f.line as f64)?;
        ws.write_string_with_format(r, 2, f.severity.as_str(), s.severity(f.severity))?;
        ws.write_string(r, 3, f.rule)?;
        ws.write_string(r, 4, cell(&f.text))?;
        if let Some(sug) = &f.suggestion {
            ws.write_string(r, 5, cell(sug))?;
        }
        // not wrapped: row heights would not follow, and a filter reads better on one line
        ws.write_string(r, 6, cell(&f.message))?;
        ws.write_string(r, 7, cell(&f.sentence))?;
        let mut c = 8;
        if self.bilingual {
            if let Some(src) = &f.source_text {
                ws.write_string(r, c, cell(src))?;
            }
            if let Some(id) = &f.segment_id {
                ws.write_string(r, c + 1, cell(id))?;
            }
            c += 2;
        }
        for (i, n) in [f.segment, f.start, f.end].into_iter().enumerate() {
            ws.write_number(r, c + i as u16, n as f64)?;
        }
        ws.write_string(r, c + 3, f.category)?;
        for (i, n) in [f.column, f.end_line, f.end_column].into_iter().enumerate() {
            ws.write_number(r, c + 4 + i as u16, n as f64)?;
        }
        Ok(())
    }

    /// The findings sheet finished: header, widths, frozen header row, filter.
    fn finish_findings(&mut self) -> Result<Worksheet, XlsxError> {
        let columns = self.columns();
        let mut ws = std::mem::take(&mut self.findings);
        ws.set_name("Findings")?;
        header(&mut ws, &columns, &self.styles.header)?;
        for (i, name) in columns.iter().enumerate() {
            ws.set_column_width(i as u16, width(name))?;
        }
        ws.set_freeze_panes(1, 0)?;
        ws.autofilter(0, 0, self.row, (columns.len() - 1) as u16)?;
        // printed: landscape, the editor's columns on one page wide
        ws.set_landscape().set_print_fit_to_pages(1, 0);
        Ok(ws)
    }

    /// The files sheet: one row per file and per unreadable file.
    fn files_sheet(&self, end: &End<'_>) -> Result<Worksheet, XlsxError> {
        let mut ws = Worksheet::new();
        ws.set_name("Files")?;
        header(&mut ws, &FILE_COLUMNS, &self.styles.header)?;
        let mut r = 0;
        for f in end.summaries {
            r += 1;
            self.file_row(&mut ws, r, f)?;
        }
        for e in &end.batch.errors {
            r += 1;
            ws.write_string(r, 0, cell(&e.path))?;
            ws.write_string_with_format(r, VERDICT, cell(&e.message), &self.styles.fail)?;
        }
        ws.set_column_width(0, 40)?;
        for c in 1..VERDICT {
            ws.set_column_width(c, 11)?;
        }
        ws.set_column_width(VERDICT, 30)?;
        ws.set_freeze_panes(1, 0)?;
        ws.autofilter(0, 0, r, (FILE_COLUMNS.len() - 1) as u16)?;
        // printed: landscape, every column on one page wide (as the findings)
        ws.set_landscape().set_print_fit_to_pages(1, 0);
        Ok(ws)
    }

    fn file_row(&self, ws: &mut Worksheet, r: u32, f: &FileSummary) -> Result<(), XlsxError> {
        ws.write_string(r, 0, cell(&f.path))?;
        let counts = [
            f.words,
            f.findings,
            f.critical,
            f.major,
            f.minor,
            f.suppressed,
            f.baselined,
        ];
        for (i, n) in counts.into_iter().enumerate() {
            ws.write_number(r, 1 + i as u16, n as f64)?;
        }
        ws.write_number_with_format(
            r,
            VERDICT - 1,
            f.score,
            &Format::new().set_num_format("0.00"),
        )?;
        let (verdict, style) = if f.passed {
            ("pass", &self.styles.pass)
        } else {
            ("fail", &self.styles.fail)
        };
        ws.write_string_with_format(r, VERDICT, verdict, style)?;
        Ok(())
    }

    fn workbook(&mut self, end: &End<'_>) -> Result<Vec<u8>, XlsxError> {
        if let Some(e) = self.error.take() {
            return Err(e);
        }
        let mut book = rust_xlsxwriter::Workbook::new();
        book.push_worksheet(self.finish_findings()?);
        book.push_worksheet(self.files_sheet(end)?);
        book.save_to_buffer()
    }
}

impl Report for XlsxReport {
    fn file(&mut self, file: &FileReport, _passed: bool, _out: &mut dyn Write) -> io::Result<()> {
        if self.error.is_some() {
            return Ok(());
        }
        for f in &file.findings {
            if let Err(e) = self.add_finding(f) {
                self.error = Some(e);
                break;
            }
        }
        Ok(())
    }

    fn finish(&mut self, end: End<'_>, out: &mut dyn Write) -> io::Result<()> {
        let bytes = self
            .workbook(&end)
            .map_err(|e| io::Error::other(format!("cannot write the spreadsheet: {e}")))?;
        out.write_all(&bytes)
    }
}

/// Writes the header row in bold.
fn header(ws: &mut Worksheet, names: &[&str], style: &Format) -> Result<(), XlsxError> {
    for (i, name) in names.iter().enumerate() {
        ws.write_string_with_format(0, i as u16, *name, style)?;
    }
    Ok(())
}

/// A width (in characters) that fits what a column holds.
fn width(column: &str) -> f64 {
    match column {
        "file" => 28.0,
        "line" | "segment" | "column" | "end_line" | "end_column" | "start" | "end" => 9.0,
        "segment_id" => 14.0,
        "severity" => 10.0,
        "rule" | "category" => 22.0,
        "text" | "suggestion" => 28.0,
        "message" => 50.0,
        _ => 60.0,
    }
}

/// Text for a cell: at most [`CELL_MAX`] characters.
fn cell(s: &str) -> String {
    if s.chars().count() <= CELL_MAX {
        return s.to_string();
    }
    let mut t: String = s.chars().take(CELL_MAX - 1).collect();
    t.push('…');
    t
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_text_is_cut_to_a_cell() {
        let long = "ä".repeat(CELL_MAX + 10);
        let c = cell(&long);
        assert_eq!(c.chars().count(), CELL_MAX);
        assert!(c.ends_with('…'));
        assert_eq!(cell("10,000"), "10,000");
    }
}
