//! Reports: one module per output format, each implementing [`Report`]; [`ReportWriter`]
//! feeds a report the checked files in order, with their verdicts and summaries.

pub mod csv;
pub mod github;
pub mod html;
pub mod json;
pub mod jsonl;
pub mod sarif;
pub mod text;
pub mod xlsx;

use std::io::{self, Write};

use crate::finding::Severity;
use crate::located::FileReport;

/// The publication gate.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Gate {
    /// A finding at or above this severity fails the file (`None`: never).
    pub fail_on: Option<Severity>,
    /// A score above this fails the file.
    pub max_score: Option<f64>,
}

impl Gate {
    /// The file passes the gate.
    pub fn passes(&self, f: &FileReport) -> bool {
        let sev_ok = self.fail_on.is_none_or(|min| {
            f.findings.iter().all(|x| x.severity < min)
                && [Severity::Critical, Severity::Major, Severity::Minor]
                    .iter()
                    .all(|&s| s < min || f.omitted.count(s) == 0)
        });
        let score_ok = self.max_score.is_none_or(|m| f.score() <= m);
        sev_ok && score_ok
    }
}

/// A file that could not be checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileError {
    /// The file as given.
    pub path: String,
    /// Why.
    pub message: String,
}

/// Everything a report shows.
#[derive(Debug, Clone)]
pub struct Batch {
    /// Checked files, sorted by path.
    pub files: Vec<FileReport>,
    /// Files that could not be checked, sorted by path.
    pub errors: Vec<FileError>,
    /// The gate.
    pub gate: Gate,
}

/// Output formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "cli", derive(clap::ValueEnum))]
pub enum OutputFormat {
    /// For people at a terminal.
    Text,
    /// One JSON object per finding per line.
    Jsonl,
    /// One JSON document, findings grouped by file with word count and score.
    Json,
    /// Comma-separated, with a header row.
    Csv,
    /// One self-contained HTML page with the articles highlighted.
    Html,
    /// SARIF 2.1.0, for code-scanning dashboards.
    Sarif,
    /// An Excel/LibreOffice workbook for editors (findings and files sheets); only to a
    /// file or a pipe.
    Xlsx,
    /// GitHub Actions workflow commands: one `::error`/`::warning` annotation per finding.
    Github,
}

impl OutputFormat {
    /// Every format, in the order `--help` lists them.
    pub const ALL: [OutputFormat; 8] = [
        OutputFormat::Text,
        OutputFormat::Jsonl,
        OutputFormat::Json,
        OutputFormat::Csv,
        OutputFormat::Html,
        OutputFormat::Sarif,
        OutputFormat::Xlsx,
        OutputFormat::Github,
    ];

    /// The format needs the text of every file ([`crate::Checker::keep_text`]).
    pub fn needs_text(self) -> bool {
        self == OutputFormat::Html
    }

    /// The format shows the sentence around each finding
    /// ([`crate::Checker::keep_sentences`]).
    pub fn needs_sentences(self) -> bool {
        matches!(self, OutputFormat::Csv | OutputFormat::Xlsx)
    }

    /// The format is binary and makes no sense on a terminal.
    pub fn is_binary(self) -> bool {
        self == OutputFormat::Xlsx
    }

    /// The name of the format on the command line (`sarif`, `xlsx`, …).
    pub fn name(self) -> &'static str {
        match self {
            OutputFormat::Text => "text",
            OutputFormat::Jsonl => "jsonl",
            OutputFormat::Json => "json",
            OutputFormat::Csv => "csv",
            OutputFormat::Html => "html",
            OutputFormat::Sarif => "sarif",
            OutputFormat::Xlsx => "xlsx",
            OutputFormat::Github => "github",
        }
    }

    /// The format a name (`sarif`) stands for.
    pub fn from_name(name: &str) -> Option<Self> {
        Self::ALL
            .into_iter()
            .find(|f| f.name().eq_ignore_ascii_case(name))
    }

    /// The format a report file's extension names: `.txt`, `.jsonl`, `.json`, `.csv`,
    /// `.html`/`.htm`, `.sarif` (also `.sarif.json`), `.xlsx`.
    pub fn from_path(path: &std::path::Path) -> Option<Self> {
        let name = path.file_name()?.to_str()?.to_ascii_lowercase();
        if name.ends_with(".sarif.json") {
            return Some(OutputFormat::Sarif);
        }
        match name.rsplit_once('.')?.1 {
            "txt" | "log" => Some(OutputFormat::Text),
            "htm" => Some(OutputFormat::Html),
            ext => Self::from_name(ext).filter(|f| *f != OutputFormat::Github),
        }
    }
}

/// How a report is written, besides its format.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ReportOptions {
    /// Colour in the text report.
    pub color: bool,
    /// The CSV dialect and summary rows.
    pub csv: csv::CsvOptions,
}

/// What the end of a report needs of a checked file: a few words per file, kept for the
/// whole batch while the findings themselves are written and dropped.
#[derive(Debug, Clone, PartialEq)]
pub struct FileSummary {
    /// The file as given by the user.
    pub path: String,
    /// Words checked.
    pub words: usize,
    /// Number of findings.
    pub findings: usize,
    /// Critical findings.
    pub critical: usize,
    /// Major findings.
    pub major: usize,
    /// Minor findings.
    pub minor: usize,
    /// Findings silenced by comments.
    pub suppressed: usize,
    /// Findings the baseline holds (not counted in the others).
    pub baselined: usize,
    /// The score, rounded to two decimals.
    pub score: f64,
    /// The file passed the gate.
    pub passed: bool,
}

/// One output format, fed each checked file in input order and then the end of the batch.
/// Each format implements it in its own module; [`OutputFormat::report`] picks one.
pub trait Report {
    /// Writes what the format shows of one checked file as soon as it is checked
    /// (`passed`: the file's verdict). Formats that show the batch as a whole write nothing
    /// here and say so with [`Report::holds_files`].
    fn file(&mut self, file: &FileReport, passed: bool, out: &mut dyn Write) -> io::Result<()>;

    /// The format needs every checked file at the end: [`ReportWriter`] keeps them and
    /// hands them over in [`End::batch`].
    fn holds_files(&self) -> bool {
        false
    }

    /// Writes the end of the report: verdicts, totals, unreadable files (or, for formats
    /// that hold the files, everything).
    fn finish(&mut self, end: End<'_>, out: &mut dyn Write) -> io::Result<()>;
}

/// What the end of a report is given.
#[derive(Debug)]
pub struct End<'a> {
    /// A summary of every checked file, in order.
    pub summaries: &'a [FileSummary],
    /// The unreadable files and the gate, and the checked files (always when the format
    /// holds them; a streamed format may get none).
    pub batch: &'a Batch,
}

impl End<'_> {
    /// The batch passed: every checked file passed the gate and every file could be read
    /// (what the exit code says: 0 exactly when this is true).
    pub fn passed(&self) -> bool {
        self.batch.errors.is_empty() && self.summaries.iter().all(|f| f.passed)
    }
}

impl OutputFormat {
    /// The report of this format; `bilingual` says whether files may carry an English
    /// source, which adds the CSV `source` column.
    pub fn report(self, opts: &ReportOptions, bilingual: bool) -> Box<dyn Report> {
        match self {
            OutputFormat::Text => Box::new(text::TextReport { color: opts.color }),
            OutputFormat::Jsonl => Box::new(jsonl::JsonlReport),
            OutputFormat::Json => Box::new(json::JsonReport::default()),
            OutputFormat::Csv => Box::new(csv::CsvReport::new(opts.csv, bilingual)),
            OutputFormat::Html => Box::new(html::HtmlReport::default()),
            OutputFormat::Sarif => Box::new(sarif::SarifReport::default()),
            OutputFormat::Xlsx => Box::new(xlsx::XlsxReport::new(bilingual)),
            OutputFormat::Github => Box::new(github::GithubReport::default()),
        }
    }
}

impl FileSummary {
    /// The summary of a checked file under `gate`.
    pub fn new(file: &FileReport, gate: &Gate) -> Self {
        FileSummary {
            path: file.path.clone(),
            words: file.words,
            findings: file.total(),
            critical: file.count(Severity::Critical),
            major: file.count(Severity::Major),
            minor: file.count(Severity::Minor),
            suppressed: file.suppressed,
            baselined: file.baselined,
            score: round2(file.score()),
            passed: gate.passes(file),
        }
    }
}

/// Writes a report file by file, in the order the files are given: findings go out as soon
/// as their file is checked, so memory does not grow with the batch. Formats that put a
/// summary or the rules before the findings (HTML, SARIF) hold the batch until
/// [`ReportWriter::finish`].
pub struct ReportWriter<'w> {
    report: Box<dyn Report>,
    gate: Gate,
    out: &'w mut dyn Write,
    files: Vec<FileSummary>,
    errors: Vec<FileError>,
    held: Vec<FileReport>,
}

impl<'w> ReportWriter<'w> {
    /// A writer of `format` to `out`. `bilingual` says whether files may carry an English
    /// source, which adds the CSV `source` column.
    pub fn new(
        format: OutputFormat,
        opts: ReportOptions,
        gate: Gate,
        bilingual: bool,
        out: &'w mut dyn Write,
    ) -> Self {
        Self::with_report(format.report(&opts, bilingual), gate, out)
    }

    /// A writer of any [`Report`] to `out`.
    pub fn with_report(report: Box<dyn Report>, gate: Gate, out: &'w mut dyn Write) -> Self {
        ReportWriter {
            report,
            gate,
            out,
            files: Vec::new(),
            errors: Vec::new(),
            held: Vec::new(),
        }
    }

    /// Writes (or, for HTML and SARIF, keeps) a checked file; returns whether it passed the
    /// gate.
    pub fn file(&mut self, file: FileReport) -> io::Result<bool> {
        let gate = self.gate;
        self.file_gated(file, &gate)
    }

    /// As [`ReportWriter::file`], judged by a gate of its own (a file's configuration).
    pub fn file_gated(&mut self, file: FileReport, gate: &Gate) -> io::Result<bool> {
        let passed = self.write_file(&file, gate)?;
        if self.report.holds_files() {
            self.held.push(file);
        }
        Ok(passed)
    }

    /// Writes a file's findings in a streamed format and records its summary.
    fn write_file(&mut self, file: &FileReport, gate: &Gate) -> io::Result<bool> {
        let summary = FileSummary::new(file, gate);
        let passed = summary.passed;
        self.report.file(file, passed, self.out)?;
        self.files.push(summary);
        Ok(passed)
    }

    /// Records a file that could not be checked (reports list them at the end).
    pub fn error(&mut self, error: FileError) {
        self.errors.push(error);
    }

    /// The files written so far.
    pub fn summaries(&self) -> &[FileSummary] {
        &self.files
    }

    /// Writes the end of the report: verdicts, totals, unreadable files.
    pub fn finish(mut self) -> io::Result<()> {
        let batch = Batch {
            files: std::mem::take(&mut self.held),
            errors: std::mem::take(&mut self.errors),
            gate: self.gate,
        };
        let end = End {
            summaries: &self.files,
            batch: &batch,
        };
        self.report.finish(end, self.out)
    }
}

/// Writes `batch` in `format`.
pub fn write(
    batch: &Batch,
    format: OutputFormat,
    opts: &ReportOptions,
    out: &mut dyn Write,
) -> io::Result<()> {
    let bilingual = batch.files.iter().any(|f| f.has_source);
    let mut report = format.report(opts, bilingual);
    let mut summaries = Vec::with_capacity(batch.files.len());
    for f in &batch.files {
        let summary = FileSummary::new(f, &batch.gate);
        report.file(f, summary.passed, out)?;
        summaries.push(summary);
    }
    let end = End {
        summaries: &summaries,
        batch,
    };
    report.finish(end, out)
}

/// The batch in a few words: files checked, findings by severity, findings the baseline
/// holds (when there are any) and files that failed the gate. The summary line on standard
/// error and the GitHub notice say it so.
pub fn totals(files: &[FileSummary]) -> String {
    let count = |f: fn(&FileSummary) -> usize| files.iter().map(f).sum::<usize>();
    let baselined = match count(|f| f.baselined) {
        0 => String::new(),
        n => format!(", {n} baselined"),
    };
    format!(
        "{} checked, {} findings ({} critical, {} major, {} minor){baselined}, {} failed the gate",
        match files.len() {
            1 => "1 file".to_string(),
            n => format!("{n} files"),
        },
        count(|f| f.findings),
        count(|f| f.critical),
        count(|f| f.major),
        count(|f| f.minor),
        files.iter().filter(|f| !f.passed).count(),
    )
}

/// What every format says of the findings past the limit per file.
pub fn omitted_note(n: usize) -> String {
    format!(
        "{n} more findings not shown (the limit is set with --max-findings; they count in the \
         score and the verdict)"
    )
}

/// How much of a spooled report part is kept in memory before it goes to a temporary file.
pub const SPOOL_IN_MEMORY: usize = 4 << 20;

/// A part of a report that must be written after something only known at the end (SARIF's
/// results after the unreadable files, HTML's articles after the totals): kept in memory up
/// to [`SPOOL_IN_MEMORY`], then in an anonymous temporary file.
#[derive(Debug)]
pub struct Spool {
    file: tempfile::SpooledTempFile,
    len: u64,
}

impl Default for Spool {
    fn default() -> Self {
        Spool {
            file: tempfile::SpooledTempFile::new(SPOOL_IN_MEMORY),
            len: 0,
        }
    }
}

impl Spool {
    /// Nothing was written.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Copies everything written to `out` and empties the spool.
    pub fn copy_to(&mut self, out: &mut dyn Write) -> io::Result<()> {
        use std::io::{Seek, SeekFrom};
        self.file.seek(SeekFrom::Start(0))?;
        io::copy(&mut self.file, out)?;
        *self = Spool::default();
        Ok(())
    }
}

impl Write for Spool {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let n = self.file.write(buf)?;
        self.len += n as u64;
        Ok(n)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.file.flush()
    }
}

/// Rounds a score for display and JSON.
pub fn round2(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Checker, Format, Lexicons, SegmentMode};

    /// Records what a report is given.
    #[derive(Default)]
    struct Probe {
        holds: bool,
        seen: Vec<(String, bool)>,
    }

    impl Report for Probe {
        fn file(&mut self, file: &FileReport, passed: bool, out: &mut dyn Write) -> io::Result<()> {
            self.seen.push((file.path.clone(), passed));
            writeln!(out, "file {} {passed}", file.path)
        }

        fn holds_files(&self) -> bool {
            self.holds
        }

        fn finish(&mut self, end: End<'_>, out: &mut dyn Write) -> io::Result<()> {
            let held: Vec<&str> = end.batch.files.iter().map(|f| f.path.as_str()).collect();
            let errors: Vec<&str> = end.batch.errors.iter().map(|e| e.path.as_str()).collect();
            writeln!(
                out,
                "end {} {} {:?} {:?}",
                end.summaries.len(),
                end.passed(),
                held,
                errors
            )
        }
    }

    fn reports() -> Vec<FileReport> {
        let checker = Checker::new(Lexicons::builtin().expect("built-in dictionaries load"));
        let check = |path: &str, text: &str| {
            checker.check_text(path, text.into(), Format::Text, SegmentMode::Paragraphs)
        };
        vec![
            check("a", "Der Stadtrat hat getagt.\n"),
            check("b", "Das Unternehmen nutzt seine tiefen Taschen.\n"),
        ]
    }

    const GATE: Gate = Gate {
        fail_on: Some(Severity::Major),
        max_score: None,
    };

    #[test]
    fn a_report_gets_each_file_with_its_verdict_then_the_end() {
        for holds in [false, true] {
            let mut out = Vec::new();
            let probe = Probe {
                holds,
                ..Probe::default()
            };
            let mut w = ReportWriter::with_report(Box::new(probe), GATE, &mut out);
            let mut verdicts = Vec::new();
            for f in reports() {
                verdicts.push(w.file(f).expect("written"));
            }
            w.error(FileError {
                path: "c".into(),
                message: "unreadable".into(),
            });
            assert_eq!(w.summaries().len(), 2);
            w.finish().expect("finished");
            assert_eq!(verdicts, [true, false]);
            let held = if holds { r#"["a", "b"]"# } else { "[]" };
            let expected = format!("file a true\nfile b false\nend 2 false {held} [\"c\"]\n");
            assert_eq!(String::from_utf8_lossy(&out), expected);
        }
    }

    #[test]
    fn write_and_the_writer_give_the_same_bytes_in_every_format() {
        let opts = ReportOptions::default();
        let formats = [
            OutputFormat::Text,
            OutputFormat::Jsonl,
            OutputFormat::Json,
            OutputFormat::Csv,
            OutputFormat::Html,
            OutputFormat::Sarif,
        ];
        for format in formats {
            let batch = Batch {
                files: reports(),
                errors: vec![FileError {
                    path: "c".into(),
                    message: "unreadable".into(),
                }],
                gate: GATE,
            };
            let mut whole = Vec::new();
            write(&batch, format, &opts, &mut whole).expect("written");
            let mut streamed = Vec::new();
            let mut w = ReportWriter::new(format, opts, GATE, false, &mut streamed);
            for f in batch.files {
                w.file(f).expect("written");
            }
            for e in batch.errors {
                w.error(e);
            }
            w.finish().expect("finished");
            assert!(!whole.is_empty(), "{format:?}");
            assert_eq!(whole, streamed, "{format:?}");
        }
    }
}
