//! Property tests: on any text, checking never panics, every span lies inside the text on
//! character boundaries, `text` equals the file bytes, and findings are sorted.

use mtcheck::{Checker, Format, Lexicons, SegmentMode};
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
        }
    }
}
