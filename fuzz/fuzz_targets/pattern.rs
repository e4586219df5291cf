//! Fuzzes the phrase-pattern matcher with patterns that `mtcheck dict check` accepts: a row
//! made of the fuzzed pattern must validate as a user idiom table, and then matching it at
//! every token of the fuzzed text must take bounded time (optional tokens and gaps once made
//! it exponential) and give matches inside the text.
//!
//! The input is split at the first line break into the pattern and the text.
//!
//! Run: `cargo +nightly fuzz run pattern -- -max_total_time=600` (see fuzz/README.md).

#![no_main]

use std::time::{Duration, Instant};

use libfuzzer_sys::fuzz_target;
use mtcheck::lexicon::validate::validate_text;
use mtcheck::lexicon::TableKind;
use mtcheck::matcher::{CaseRule, Pattern};
use mtcheck::{input, SegmentMode};

/// Matching one pattern at every token of at most 4 KB of text stays well below this.
const BOUND: Duration = Duration::from_secs(2);

fuzz_target!(|data: &[u8]| {
    let Ok(s) = std::str::from_utf8(data) else {
        return;
    };
    let Some((pattern, text)) = s.split_once('\n') else {
        return;
    };
    if text.len() > 4096 || pattern.contains(['"', ',', '\r']) {
        return;
    }
    let Some(kind) = TableKind::from_file_name("idioms_fuzz.csv") else {
        return;
    };
    let csv = format!(
        "pattern,english,suggestion,severity,context,exclude,window,case,note\n{pattern},x,y,major,,,,,\n"
    );
    if !validate_text("idioms_fuzz.csv", &csv, kind).is_empty() {
        return;
    }
    let Ok(p) = Pattern::parse(pattern) else {
        panic!("dict check accepted a pattern that does not parse: {pattern:?}");
    };
    let doc = input::parse(text.to_string(), mtcheck::Format::Text, SegmentMode::Paragraphs);
    let start = Instant::now();
    for t in 0..doc.tokens.len() {
        if let Some(m) = p.match_at(&doc, t, doc.tokens.len(), CaseRule::Any) {
            assert!(m.tok_start <= m.mark_start && m.mark_end <= m.tok_end);
            assert!(m.tok_end <= doc.tokens.len());
        }
    }
    assert!(start.elapsed() < BOUND, "matching took {:?}", start.elapsed());
});
