//! Property tests: on any text, checking never panics, every span lies inside the text on
//! character boundaries, `text` equals the file bytes, line and column agree with the
//! offsets, and findings are sorted.

use mtcheck::report::{self, Batch, Gate, OutputFormat};
use mtcheck::{Checker, Format, Lexicons, SegmentMode, Severity};
use proptest::prelude::*;

const PIECES: &[&str] = &[
    "Der",
    "Konfl.",
    "Lama",
    "4",
    "-",
    "Modell",
    "„",
    "“",
    "”",
    "\"",
    "»",
    "«",
    "‚",
    "‘",
    ",",
    ".",
    "?",
    "!",
    "…",
    "Openai",
    "Github",
    "GPUS",
    "tiefen",
    "Taschen",
    "pochierte",
    "Forscher",
    "z. B.",
    "Dr.",
    "am 15. Juli",
    "ẞ",
    "Straße",
    "e\u{301}",
    "🙂",
    "\u{AD}",
    "&amp;",
    "<p>",
    "</p>",
    "<script>",
    "`code`",
    "```",
    "\n",
    "\n\n",
    "\r\n",
    " ",
    "  ",
    "\t",
    "https://x.de/a.b",
    "info@x.de",
    "Meta",
    "von",
    "nach",
    "die",
    "die",
    "Die",
    "\u{FEFF}",
    "Verwirrte",
    "CEO",
    "Interview",
    "mit",
    "den",
    "Informationen",
    "erinnerte",
    "www.x.de",
    "WWW.Beispiel.com/a",
    "http://a.b/c?d=e.",
    "a@b.c.de,",
    "@meta",
    "#tag",
    "(@x)",
    "\u{A0}@nbsp",
    "u.a.",
    "Bild.de.",
    "3:00",
    "10.000",
    "Konzern",
    "hat",
    "neue",
    "Pläne",
];

fn text() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop_oneof![
            prop::sample::select(PIECES).prop_map(str::to_string),
            "\\PC{0,6}"
        ],
        0..60,
    )
    .prop_map(|v| v.join(" "))
}

/// 1-based line and column (in characters) of byte `at`, counted from scratch.
fn position(text: &str, at: usize) -> (usize, usize) {
    let line_start = text[..at].rfind('\n').map_or(0, |i| i + 1);
    (
        text[..at].matches('\n').count() + 1,
        text[line_start..at].chars().count() + 1,
    )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn spans_are_valid_and_sorted(t in text(), fmt in 0..3usize, lines in any::<bool>()) {
        let checker = Checker::new(Lexicons::builtin().unwrap());
        let format = [Format::Text, Format::Markdown, Format::Html][fmt];
        let mode = if lines { SegmentMode::Lines } else { SegmentMode::Paragraphs };
        let r = checker.check_text("p", t.clone(), format, mode);
        let mut prev = (0usize, "");
        for f in &r.findings {
            prop_assert!(f.start < f.end && f.end <= t.len());
            prop_assert!(t.is_char_boundary(f.start) && t.is_char_boundary(f.end));
            prop_assert_eq!(&t[f.start..f.end], f.text.as_str());
            prop_assert!((f.start, f.rule) >= prev);
            prev = (f.start, f.rule);
            prop_assert!(f.line >= 1 && f.column >= 1);
            // line and column (counted incrementally by the report) agree with the offsets
            let (line, column) = position(&t, f.start);
            prop_assert_eq!((f.line, f.column), (line, column));
            let (end_line, end_column) = position(&t, f.end);
            prop_assert_eq!((f.end_line, f.end_column), (end_line, end_column));
        }
        // every report format renders it (excerpts, JSON parts, CSV quoting)
        let batch = Batch {
            files: vec![r],
            errors: Vec::new(),
            gate: Gate { fail_on: Some(Severity::Minor), max_score: None },
        };
        for format in [OutputFormat::Text, OutputFormat::Jsonl, OutputFormat::Json, OutputFormat::Csv] {
            let mut out = Vec::new();
            let opts = report::ReportOptions { color: lines, ..Default::default() };
            report::write(&batch, format, &opts, &mut out).unwrap();
        }
    }
}
