//! `suspended-hyphen`: an elided compound part whose hyphen lost its space (Kauf-oder …).

use crate::document::Document;
use crate::finding::Severity;
use crate::rules::{declare_rule, q, Context, Rule, RuleMeta};

declare_rule! {
    /// A suspended hyphen glued to the conjunction after it (Kauf-oder Wilderungsstrategie).
    ///
    /// ## What it flags
    /// A word, a hyphen and und, oder, bzw., sowie or noch with no space after the hyphen: the
    /// elided compound (Ergänzungsstrich) needs a space before the conjunction.
    ///
    /// ## Why
    /// „Kauf-oder“ reads as one strange word; „Kauf- oder“ shows the reader that „-strategie“
    /// belongs to both parts.
    ///
    /// ## Example
    /// ```text
    /// eine „Kauf-oder Abwerbestrategie“
    /// ```
    ///
    /// ## Instead
    /// ```text
    /// eine „Kauf- oder Abwerbestrategie“
    /// ```
    pub struct SuspendedHyphen;

    static META = {
        id: "suspended-hyphen",
        category: "fluency/punctuation",
        severity: Severity::Minor,
        positives: &[
            "Sie verfolgt eine Kauf-oder Abwerbestrategie.",
            "Die Ein-und Ausfuhren stiegen.",
        ],
        negatives: &[
            "Sie verfolgt eine Kauf- oder Abwerbestrategie.",
            "Das Entweder-oder ist falsch.",
            "Ein Hin-und-her.",
        ],
    };
}

impl Rule for SuspendedHyphen {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, doc: &Document, cx: &mut Context<'_>) {
        let n = doc.tokens.len();
        for t in 1..n.saturating_sub(2) {
            if doc.text(t) != "-"
                || doc.tok(t).space_before
                || doc.tok(t + 1).space_before
                || !doc.is_word(t - 1)
            {
                continue;
            }
            if !matches!(doc.norm(t + 1), "und" | "oder" | "bzw" | "sowie" | "noch") {
                continue;
            }
            // Entweder-oder, Hin-und-her: a noun of its own
            let then_hyphen = doc.text(t + 2) == "-" && !doc.tok(t + 2).space_before;
            let next_word = doc.is_word(t + 2) && doc.tok(t + 2).space_before;
            if then_hyphen || !next_word || doc.norm(t - 1) == "entweder" {
                continue;
            }
            let (s, e) = (doc.tok(t - 1).start, doc.tok(t + 1).end);
            let fix = format!("{}- {}", doc.text(t - 1), doc.text(t + 1));
            cx.report(
                &META,
                s,
                e,
                format!(
                    "{} needs a space after the hyphen: {}.",
                    q(&doc.view[s..e]),
                    q(&fix)
                ),
                Some(fix),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::run;

    #[test]
    fn adds_the_space() {
        assert_eq!(
            run(&SuspendedHyphen, "eine Kauf-oder Abwerbestrategie"),
            vec![("Kauf-oder".into(), Some("Kauf- oder".into()))]
        );
    }
}
