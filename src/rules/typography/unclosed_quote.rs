//! `unclosed-quote`: a quotation opened and never closed in its paragraph.

use super::scan;
use crate::document::Document;
use crate::finding::Severity;
use crate::rules::{declare_rule, Context, Rule, RuleMeta};

declare_rule! {
    /// An opening quotation mark with no closing mark in its paragraph.
    ///
    /// ## What it flags
    /// An opening „ (or “, ”, ") that is followed by another opening mark or the end of the
    /// paragraph before any closing mark. Nested quotes in German use ‚…‘, but many house
    /// styles nest „…“ in „…“: a second „ that opens words of its own (glued to the word after
    /// it, not to the one before) in the sentence the first one opened starts a nested
    /// quotation, when the first one closes in the same segment too; any other second
    /// opening mark („unterzeichnetes „ und, or a „ sentences later) means the first was never
    /// closed. With `--segments lines` only these cases count, since a quotation may run over
    /// several one-sentence lines.
    ///
    /// ## Why
    /// The reader cannot tell where the quoted words end, so a statement may be attributed to the
    /// wrong person.
    ///
    /// ## Example
    /// ```text
    /// Er sagte: „Kommen Sie zurück, wenn Sie 10.000 GPUs haben. Diese Anekdote zeigt viel.
    /// ```
    ///
    /// ## Instead
    /// ```text
    /// Er sagte: „Kommen Sie zurück, wenn Sie 10.000 GPUs haben.“ Diese Anekdote zeigt viel.
    /// ```
    pub struct UnclosedQuote;

    static META = {
        id: "unclosed-quote",
        category: "fluency/punctuation",
        severity: Severity::Minor,
        positives: &[
            "Er sagte: „Kommen Sie zurück, wenn Sie Geld haben. Diese Anekdote zeigt viel.",
        ],
        negatives: &[
            "Er sagte: „Kommen Sie zurück.“ Das zeigt viel.",
            "Sie sagte: „Er rief ‚Hilfe‘ und lief.“",
            "„Die Regierung sagt nur, „wir hoffen, dass alle mitmachen“.“ Mehr kam nicht.",
        ],
    };
}

impl Rule for UnclosedQuote {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, doc: &Document, cx: &mut Context<'_>) {
        for seg in &doc.segments {
            for q in scan(doc, seg).into_iter().filter(|q| q.unclosed) {
                let tok = doc.tok(q.tok);
                cx.report(
                    &META,
                    tok.start,
                    tok.end,
                    "This quotation is opened but never closed.".to_string(),
                    None,
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::flagged;
    use crate::text::segment::SegmentMode;

    /// The flagged marks of `text` checked with one segment a line.
    fn flagged_in_lines(text: &str) -> Vec<String> {
        let lex = crate::lexicon::Lexicons::builtin().expect("built-in dictionaries load");
        let doc = Document::plain(text.to_string(), 0, SegmentMode::Lines);
        let mut cx = crate::rules::Context::new(&lex);
        UnclosedQuote.check(&doc, &mut cx);
        cx.findings
            .iter()
            .map(|f| doc.view[f.start..f.end].to_string())
            .collect()
    }

    #[test]
    fn in_lines_a_quotation_may_run_on_but_not_around_a_nested_one() {
        // a quotation of several sentences runs over several lines
        assert!(flagged_in_lines("„Wir kommen wieder.\nDas ist sicher.“").is_empty());
        // a balanced nested quotation is closed
        assert!(flagged_in_lines("„Die Regierung sagt nur: „Wir hoffen“.“\n").is_empty());
        // the outer quotation of a nested one must close in its line
        assert_eq!(
            flagged_in_lines("„Die Bank hat Huawei nicht „verleumdet“, sagte sie.\nDann ging sie."),
            ["„"]
        );
        assert_eq!(
            flagged_in_lines("„Die Regierung sagt nur: „Wir hoffen, dass alle mitmachen“.\n"),
            ["„"]
        );
    }

    #[test]
    fn second_opening_mark_closes_nothing() {
        assert_eq!(
            flagged(
                &UnclosedQuote,
                "Er sagte: „Hier sagen die Leute:„ Ich will mehr."
            ),
            ["„", "„"]
        );
    }

    #[test]
    fn a_quotation_nested_in_the_same_marks_is_closed() {
        for s in [
            "„Es ist kein „Hab ich dich“-Spiel“, sagte er. Dann ging er.",
            "Er sagte: „Alle rufen „Das ist Pippi“, und sie haben recht.“ Dann ging er.",
        ] {
            assert!(flagged(&UnclosedQuote, s).is_empty(), "{s}");
        }
        // a „ sentences after an unclosed one opens a new quotation
        assert_eq!(
            flagged(
                &UnclosedQuote,
                "Er sagte: „Kommen Sie wieder. Sie wählten „Kaufen“ als Strategie."
            ),
            ["„"]
        );
        // the outer quotation is still open at the end of the paragraph
        assert_eq!(
            flagged(&UnclosedQuote, "Er sagte: „Alle rufen „Hilfe“ und laufen."),
            ["„"]
        );
        // a „ with a space after it is a misplaced closing mark, not a nested quotation
        assert_eq!(
            flagged(
                &UnclosedQuote,
                "Ein bereits „unterzeichnetes „ und „endgültiges“ Geschäft."
            ),
            ["„", "„"]
        );
    }
}
