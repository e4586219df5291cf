//! `percent-spacing`: „14%“ without the space in a text that otherwise writes „14 %“.

use crate::document::Document;
use crate::finding::Severity;
use crate::rules::{declare_rule, q, Context, Rule, RuleMeta};
use crate::text::TokenKind;

declare_rule! {
    /// A percent sign glued to its number (14%) in a text that otherwise writes 14 %.
    ///
    /// ## What it flags
    /// A number directly followed by `%` when the same document writes the percent sign with a
    /// space at least twice as often (and at least twice). A text that consistently writes 14%
    /// follows a house style and stays silent, and so do compounds such as 5%-Hürde.
    ///
    /// ## Why
    /// DIN 5008 and the Duden set a space between a number and the percent sign; a text that
    /// mixes both forms looks unedited, which is typical when machine translation copies the
    /// English 14% into a German text.
    ///
    /// ## Example
    /// ```text
    /// Die Preise stiegen um 14 %, die Löhne um 3 % und die Mieten um 5%.
    /// ```
    ///
    /// ## Instead
    /// ```text
    /// Die Preise stiegen um 14 %, die Löhne um 3 % und die Mieten um 5 %.
    /// ```
    pub struct PercentSpacing;

    static META = {
        id: "percent-spacing",
        category: "locale/number-format",
        severity: Severity::Minor,
        positives: &["Die Preise stiegen um 14 %, die Löhne um 3 % und die Mieten um 5%."],
        negatives: &[
            "Die Preise stiegen um 14%, die Löhne um 3%.",
            "Die Preise stiegen um 14 %, die Löhne um 3 %, die 5%-Hürde bleibt.",
        ],
    };
}

impl Rule for PercentSpacing {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, doc: &Document, cx: &mut Context<'_>) {
        let n = doc.tokens.len();
        let mut glued: Vec<usize> = Vec::new();
        let mut spaced = 0usize;
        for t in 1..n {
            if doc.text(t) != "%" || doc.tok(t - 1).kind != TokenKind::Number {
                continue;
            }
            if doc.tok(t).space_before {
                spaced += 1;
                continue;
            }
            // 5%-Hürde, 5%ig: a compound, spelt without the space
            let compound = t + 1 < n && !doc.tok(t + 1).space_before && doc.text(t + 1) != ",";
            let compound = compound && matches!(doc.tok(t + 1).kind, TokenKind::Word)
                || (t + 1 < n && doc.text(t + 1) == "-" && !doc.tok(t + 1).space_before);
            if !compound {
                glued.push(t);
            }
        }
        if spaced < 2 || spaced < 2 * glued.len() {
            return;
        }
        for t in glued {
            let (s, e) = (doc.tok(t - 1).start, doc.tok(t).end);
            cx.report(
                &META,
                s,
                e,
                format!(
                    "{} lacks the space before the percent sign that the rest of the text sets.",
                    q(&doc.view[s..e])
                ),
                Some(format!("{} %", doc.text(t - 1))),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::{flagged, run};

    #[test]
    fn the_glued_sign_in_a_spaced_text() {
        assert_eq!(
            run(&PercentSpacing, "Um 14 %, um 3 % und um 5%."),
            vec![("5%".into(), Some("5 %".into()))]
        );
    }

    #[test]
    fn a_consistent_house_style_stays_silent() {
        assert!(flagged(&PercentSpacing, "Um 14%, um 3% und um 5%.").is_empty());
        assert!(flagged(&PercentSpacing, "Um 14 % und die 5%-Hürde.").is_empty());
    }
}
