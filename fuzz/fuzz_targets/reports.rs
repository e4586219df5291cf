//! Fuzzes every report writer (text with and without colour, JSON Lines, JSON, CSV in both
//! dialects, HTML, SARIF) over a batch of checked files and an unreadable one, fed file by
//! file as `mtcheck check` feeds them, with a small limit of findings per file so that the
//! "not shown" notes are written too. Nothing may panic; JSON and SARIF must parse and agree
//! with the verdict; the text report must hold no control character but line breaks and
//! tabs, whatever the text and the file names hold.
//!
//! The first byte picks the options; the rest is split at `\x1e` into a file name and files.
//!
//! Run: `cargo +nightly fuzz run reports -- -max_total_time=600` (see fuzz/README.md).

#![no_main]

use std::sync::LazyLock;

use libfuzzer_sys::fuzz_target;
use mtcheck::report::{FileError, Gate, OutputFormat, ReportOptions, ReportWriter};
use mtcheck::{Checker, Format, Lexicons, SegmentMode, Severity};

static CHECKER: LazyLock<Checker> = LazyLock::new(|| {
    let mut c = Checker::new(Lexicons::builtin().expect("built-in dictionaries load"));
    c.keep_text(true);
    c.max_findings(3);
    c
});

const FORMATS: [OutputFormat; 6] = [
    OutputFormat::Text,
    OutputFormat::Jsonl,
    OutputFormat::Json,
    OutputFormat::Csv,
    OutputFormat::Html,
    OutputFormat::Sarif,
];

fuzz_target!(|data: &[u8]| {
    let Some((&selector, bytes)) = data.split_first() else {
        return;
    };
    let text = String::from_utf8_lossy(bytes);
    let mut parts = text.split('\u{1e}');
    let name = parts.next().unwrap_or_default().to_string();
    let files: Vec<String> = parts.map(str::to_string).collect();
    let format_in = [Format::Text, Format::Markdown, Format::Html][usize::from(selector % 3)];
    let mut opts = ReportOptions {
        color: selector & 4 != 0,
        ..ReportOptions::default()
    };
    opts.csv.excel = selector & 8 != 0;
    opts.csv.summary = selector & 16 != 0;
    let gate = Gate {
        fail_on: Some(Severity::Minor),
        max_score: None,
    };
    for format in FORMATS {
        let mut out = Vec::new();
        let mut w = ReportWriter::new(format, opts, gate, false, &mut out);
        let mut passed = true;
        for (i, t) in files.iter().enumerate() {
            let path = format!("{name}{i}");
            let r = CHECKER.check_text(&path, t.clone(), format_in, SegmentMode::Paragraphs);
            passed &= w.file(r).expect("writing to memory");
        }
        w.error(FileError {
            path: name.clone(),
            message: "unreadable \u{1b}[2J".into(),
        });
        w.finish().expect("writing to memory");
        let out = String::from_utf8(out).expect("reports are UTF-8");
        match format {
            OutputFormat::Json => {
                let v: serde_json::Value = serde_json::from_str(&out).expect("valid JSON");
                assert_eq!(v["passed"], false, "an unreadable file fails the batch");
                let _ = passed;
            }
            OutputFormat::Sarif => {
                let _: serde_json::Value = serde_json::from_str(&out).expect("valid SARIF");
            }
            OutputFormat::Jsonl => {
                for line in out.lines() {
                    let _: serde_json::Value = serde_json::from_str(line).expect("valid line");
                }
            }
            OutputFormat::Text if !opts.color => assert!(
                !out.chars().any(|c| c.is_control() && c != '\n' && c != '\t'),
                "a raw control character in the text report"
            ),
            _ => {}
        }
    }
});
