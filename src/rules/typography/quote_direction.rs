//! `quote-direction`: quotation marks the wrong way round (”…” or “…” in German text).

use super::{proper, scan, GermanStyle, Role};
use crate::document::Document;
use crate::finding::Severity;
use crate::rules::{declare_rule, Context, Rule, RuleMeta};
use crate::text::segment::SegmentMode;

declare_rule! {
    /// A quotation mark the wrong way round: ” opening a quote, or English marks in a text quoting
    /// „German style“.
    ///
    /// ## What it flags
    /// A ” that opens a quotation (wrong in every style), and, in a document that quotes German
    /// style with „, any English ” or an opening “, and straight quotes when „…“ dominates (a
    /// mixture). A document that consistently uses English or straight quotes is its house style
    /// and is not flagged; `[style] quotes` in mtcheck.toml or `--quotes` fixes the house style
    /// instead of judging it from the text.
    ///
    /// ## Why
    /// Machine translation copies the English marks; mixed marks are the most visible sign of an
    /// unedited translation.
    ///
    /// ## Example
    /// ```text
    /// Der erste mit dem Namen ”Prometheus” soll 2026 starten.
    /// ```
    ///
    /// ## Instead
    /// ```text
    /// Der erste mit dem Namen „Prometheus“ soll 2026 starten.
    /// ```
    pub struct QuoteDirection;

    static META = {
        id: "quote-direction",
        category: "fluency/punctuation",
        severity: Severity::Minor,
        positives: &[
            "Der erste Cluster mit dem Namen ”Prometheus” soll starten.",
            "Er sagte: „Ja.“ Dann: ”Nein.“",
            "Er sagte: „Ja.“ Sie sagte: „Nein.“ Dann rief er \"Vielleicht\".",
        ],
        negatives: &["Er sagte: „Ja.“", "He said “yes” and left.", "Er sagte \"Ja\"."],
    };
}

impl Rule for QuoteDirection {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, doc: &Document, cx: &mut Context<'_>) {
        if let Some(marks) = cx.quote_style.marks() {
            return house_style(doc, cx, marks);
        }
        let scans: Vec<_> = doc.segments.iter().map(|seg| scan(doc, seg)).collect();
        let opens_with_rdq =
            |quotes: &[super::Quote]| quotes.iter().any(|q| q.ch == '”' && q.role == Role::Open);
        let doc_rdq =
            doc.mode == SegmentMode::Paragraphs && scans.iter().any(|s| opens_with_rdq(s));
        // straight quotes are a mixture when „…“ dominates the text (the unit of the house style)
        let count = |text: &str| (text.matches('„').count(), text.matches('"').count());
        let doc_counts = count(&doc.view);
        let style = GermanStyle::new(doc);
        for (seg, quotes) in doc.segments.iter().zip(scans) {
            // „ in the text, or a ” that opens a quote: the text is not consistently English-style
            let german = style.of(doc, seg) || doc_rdq || opens_with_rdq(&quotes);
            let (low, straight) = match doc.mode {
                SegmentMode::Lines => count(&doc.view[seg.start..seg.end]),
                SegmentMode::Paragraphs => doc_counts,
            };
            let straight_is_minority = low > 0 && 2 * low >= straight;
            for q in quotes {
                let wrong = match (q.ch, q.role) {
                    ('”', Role::Open) => true,
                    ('”', Role::Close) | ('“', Role::Open) => german,
                    ('"', _) => straight_is_minority,
                    _ => false,
                };
                if !wrong {
                    continue;
                }
                let fix = proper(q.role, german);
                let what = if q.role == Role::Open {
                    "opening"
                } else {
                    "closing"
                };
                let tok = doc.tok(q.tok);
                cx.report(
                    &META,
                    tok.start,
                    tok.end,
                    format!(
                        "The {what} quotation mark {} should be {fix} in German text.",
                        q.ch
                    ),
                    Some(fix.to_string()),
                );
            }
        }
    }
}

/// With a fixed house style, every double mark that is not the style's mark for its role.
fn house_style(doc: &Document, cx: &mut Context<'_>, (open, close): (char, char)) {
    let style = cx.quote_style.as_str();
    for seg in &doc.segments {
        for q in scan(doc, seg) {
            let (fix, what) = match q.role {
                Role::Open => (open, "opening"),
                Role::Close => (close, "closing"),
            };
            if q.ch == fix {
                continue;
            }
            let tok = doc.tok(q.tok);
            cx.report(
                &META,
                tok.start,
                tok.end,
                format!(
                    "The {what} quotation mark {} should be {fix} in the house style ({style}).",
                    q.ch
                ),
                Some(fix.to_string()),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::Lexicons;
    use crate::rules::testing::run;
    use crate::rules::typography::QuoteStyle;

    fn styled(style: QuoteStyle, text: &str) -> Vec<(String, Option<String>)> {
        let lex = Lexicons::builtin().expect("built-in dictionaries load");
        let doc = Document::plain(text.to_string(), 0, SegmentMode::Paragraphs);
        let mut cx = Context::new(&lex);
        cx.quote_style = style;
        QuoteDirection.check(&doc, &mut cx);
        cx.findings
            .into_iter()
            .map(|f| (doc.view[f.start..f.end].to_string(), f.suggestion))
            .collect()
    }

    fn pair(a: &str, b: &str) -> (String, Option<String>) {
        (a.to_string(), Some(b.to_string()))
    }

    #[test]
    fn a_fixed_house_style_is_the_expected_one() {
        // English marks are accepted in auto mode, but not in a German house style
        let english = "Er sagte “Ja” und ging.";
        assert!(styled(QuoteStyle::Auto, english).is_empty());
        assert_eq!(
            styled(QuoteStyle::German, english),
            vec![pair("“", "„"), pair("”", "“")]
        );
        assert_eq!(
            styled(QuoteStyle::German, "Er sagte \"Ja\" und ging."),
            vec![pair("\"", "„"), pair("\"", "“")]
        );
        assert!(styled(QuoteStyle::German, "Er sagte „Ja“ und ging.").is_empty());
        // German marks are wrong where the house quotes with guillemets or straight marks
        assert_eq!(
            styled(QuoteStyle::Guillemets, "Er sagte „Ja“ und ging."),
            vec![pair("„", "»"), pair("“", "«")]
        );
        assert_eq!(
            styled(QuoteStyle::Swiss, "Er sagte „Ja“ und ging."),
            vec![pair("„", "«"), pair("“", "»")]
        );
        assert!(styled(QuoteStyle::Guillemets, "Er sagte »Ja« und ging.").is_empty());
        assert!(styled(QuoteStyle::Straight, "Er sagte \"Ja\" und ging.").is_empty());
        assert_eq!(
            styled(QuoteStyle::Straight, "Er sagte „Ja“ und ging."),
            vec![pair("„", "\""), pair("“", "\"")]
        );
    }

    #[test]
    fn suggests_the_german_marks() {
        let got = run(&QuoteDirection, "Er nannte ihn ”Prometheus” und ging.");
        assert_eq!(
            got,
            vec![
                ("”".to_string(), Some("„".to_string())),
                ("”".to_string(), Some("“".to_string()))
            ]
        );
    }
}
