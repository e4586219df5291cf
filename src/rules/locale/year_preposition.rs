//! `year-preposition`: „in 2025“, the English way to name a year.

use crate::document::Document;
use crate::finding::Severity;
use crate::rules::{declare_rule, Context, Rule, RuleMeta};
use crate::text::TokenKind;

declare_rule! {
    /// „in 2025“ for a year, where German writes „2025“ or „im Jahr 2025“.
    ///
    /// ## What it flags
    /// The preposition in directly before a year from 1900 to 2099 that is not followed by a noun
    /// (in 2000 Metern Höhe is a count, not a year).
    ///
    /// ## Why
    /// „in 2025“ is an anglicism that marks a text as translated; style guides of German news
    /// agencies reject it.
    ///
    /// ## Example
    /// ```text
    /// Der Cluster soll in 2026 online gehen.
    /// ```
    ///
    /// ## Instead
    /// ```text
    /// Der Cluster soll 2026 online gehen. / … soll im Jahr 2026 online gehen.
    /// ```
    pub struct YearPreposition;

    static META = {
        id: "year-preposition",
        category: "locale/date-format",
        severity: Severity::Minor,
        positives: &["Der Cluster soll in 2026 online gehen.", "Das war in 2025."],
        negatives: &[
            "Der Cluster soll im Jahr 2026 online gehen.",
            "Das Lager liegt in 2000 Metern Höhe.",
            "Sie wohnt in 2 Zimmern.",
        ],
    };
}

impl Rule for YearPreposition {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, doc: &Document, cx: &mut Context<'_>) {
        let n = doc.tokens.len();
        for t in 0..n.saturating_sub(1) {
            if doc.norm(t) != "in" || doc.tok(t + 1).kind != TokenKind::Number {
                continue;
            }
            let y = doc.text(t + 1);
            let year = y.len() == 4 && (y.starts_with("19") || y.starts_with("20"));
            let noun_follows = t + 2 < n
                && doc.is_word(t + 2)
                && doc
                    .text(t + 2)
                    .chars()
                    .next()
                    .is_some_and(char::is_uppercase);
            if !year || noun_follows {
                continue;
            }
            let (s, e) = (doc.tok(t).start, doc.tok(t + 1).end);
            let cap = doc.text(t).starts_with('I');
            let fix = if cap {
                format!("Im Jahr {y}")
            } else {
                format!("im Jahr {y}")
            };
            cx.report(
                &META,
                s,
                e,
                format!("„in {y}“ is English; write „{y}“ or „im Jahr {y}“."),
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
    fn proposes_im_jahr() {
        assert_eq!(
            run(&YearPreposition, "in 2026 online"),
            vec![("in 2026".into(), Some("im Jahr 2026".into()))]
        );
    }
}
