//! Fuzzes the bilingual readers (JSON Lines, TSV, CSV, XLIFF, TMX) and `--source`
//! alignment of plain, Markdown and HTML targets: reading never panics, and every finding of
//! a file that could be read lies inside it on character boundaries with its `text`.
//!
//! The first byte picks the format; for `--source`, the input is split at the first
//! `\x1e` (record separator) into source and target.
//!
//! Run: `cargo +nightly fuzz run bilingual -- -max_total_time=600` (see fuzz/README.md).

#![no_main]

use std::sync::LazyLock;

use libfuzzer_sys::fuzz_target;
use mtcheck::input::bilingual::SourceFile;
use mtcheck::input::{self, ReadOptions};
use mtcheck::{Checker, Format, Lexicons, SegmentMode};

static CHECKER: LazyLock<Checker> =
    LazyLock::new(|| Checker::new(Lexicons::builtin().expect("built-in dictionaries load")));

const FORMATS: [Format; 8] = [
    Format::Jsonl,
    Format::Tsv,
    Format::Csv,
    Format::Xliff,
    Format::Tmx,
    Format::Text,
    Format::Markdown,
    Format::Html,
];

fuzz_target!(|data: &[u8]| {
    let Some((&selector, bytes)) = data.split_first() else {
        return;
    };
    let format = FORMATS[usize::from(selector % 8)];
    let mode = if selector & 8 == 0 {
        SegmentMode::Paragraphs
    } else {
        SegmentMode::Lines
    };
    let (source, target) = match bytes.iter().position(|&b| b == 0x1e) {
        Some(i) if !format.is_bilingual() => (Some(&bytes[..i]), &bytes[i + 1..]),
        _ => (None, bytes),
    };
    let Ok(text) = input::decode(target.to_vec()) else {
        return;
    };
    let source = source.and_then(|s| input::decode(s.to_vec()).ok());
    let opts = ReadOptions {
        format,
        mode,
        source: source.as_deref().map(|text| SourceFile {
            target_name: "fuzz",
            name: "fuzz.en",
            text,
        }),
        columns: None,
        separator: None,
    };
    let Ok(report) = CHECKER.check_input("fuzz", text.clone(), &opts) else {
        return;
    };
    for f in &report.findings {
        assert!(f.start < f.end && f.end <= text.len(), "span {}..{}", f.start, f.end);
        assert!(text.is_char_boundary(f.start) && text.is_char_boundary(f.end));
        assert_eq!(&text[f.start..f.end], f.text);
    }
});
