//! Fuzzes the checking entry point: decoding, every input format and segment mode, every
//! rule, and every report format. It must never panic; every finding must lie inside the
//! text on character boundaries with `text` equal to the file's bytes there, line and
//! column must agree with the offsets, and findings must be sorted by (start, rule).
//!
//! Run: `cargo +nightly fuzz run check -- -dict=fuzz/check.dict` (see fuzz/README.md).

#![no_main]

use std::sync::LazyLock;

use libfuzzer_sys::fuzz_target;
use mtcheck::report::{self, Batch, Gate, OutputFormat};
use mtcheck::{input, Checker, Format, Lexicons, SegmentMode, Severity};

static CHECKER: LazyLock<Checker> =
    LazyLock::new(|| Checker::new(Lexicons::builtin().expect("built-in dictionaries load")));

fuzz_target!(|data: &[u8]| {
    let Some((&selector, bytes)) = data.split_first() else {
        return;
    };
    let format = [Format::Text, Format::Markdown, Format::Html][usize::from(selector % 3)];
    let mode = if selector & 4 == 0 {
        SegmentMode::Paragraphs
    } else {
        SegmentMode::Lines
    };
    let Ok(text) = input::decode(bytes.to_vec()) else {
        return;
    };
    let report = CHECKER.check_text("fuzz", text.clone(), format, mode);

    let mut prev = (0usize, "");
    for f in &report.findings {
        assert!(f.start < f.end && f.end <= text.len(), "span {}..{}", f.start, f.end);
        assert!(text.is_char_boundary(f.start) && text.is_char_boundary(f.end));
        assert_eq!(&text[f.start..f.end], f.text);
        assert!((f.start, f.rule) >= prev, "findings out of order");
        prev = (f.start, f.rule);
        let line = text[..f.start].matches('\n').count() + 1;
        let line_start = text[..f.start].rfind('\n').map_or(0, |i| i + 1);
        assert_eq!(f.line, line);
        assert_eq!(f.column, text[line_start..f.start].chars().count() + 1);
        assert!(f.end_line >= f.line && f.end_column >= 1);
    }

    let batch = Batch {
        files: vec![report],
        errors: Vec::new(),
        gate: Gate {
            fail_on: Some(Severity::Minor),
            max_score: None,
        },
    };
    for format in [
        OutputFormat::Text,
        OutputFormat::Jsonl,
        OutputFormat::Json,
        OutputFormat::Csv,
    ] {
        let mut out = Vec::new();
        let opts = report::ReportOptions { color: selector & 8 != 0, ..Default::default() };
        report::write(&batch, format, &opts, &mut out).expect("writing to memory");
    }
});
