//! `anglicism`: an English word or pseudo-word glued into German.

use crate::document::Document;
use crate::finding::Severity;
use crate::rules::{q, Context, Rule, RuleMeta};

/// See [`META`].
pub struct Anglicism;

static META: RuleMeta = RuleMeta {
    id: "anglicism",
    category: "style/unidiomatic",
    severity: Severity::Minor,
    summary: "An English word or pseudo-word glued into German (Unterperformance, Hauptquest).",
    flags: "Words from `data/anglicisms.csv`: half-translated English words and pseudo-compounds \
            that no German editor would write. Anglicisms German has adopted (Team, Start-up, \
            Software) are not listed.",
    why: "They mark the text as machine output and are often unclear to readers.",
    example: "Das Modell wurde nach der Unterperformance verschoben.",
    instead: "Das Modell wurde nach enttäuschenden Ergebnissen verschoben.",
    positives: &["Das Modell wurde nach der Unterperformance verschoben."],
    negatives: &["Das Modell wurde nach enttäuschenden Ergebnissen verschoben."],
};

impl Rule for Anglicism {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, doc: &Document, cx: &mut Context<'_>) {
        super::report_table(
            doc,
            cx,
            &META,
            |l| &l.anglicisms,
            super::WithSource::Keep,
            |text, info, evidence| {
                let base = {
                    if info.english.is_empty() {
                        format!("{} is an anglicism; write it in German.", q(text))
                    } else {
                        format!(
                            "{} is a half-translated “{}”; write it in German.",
                            q(text),
                            info.english
                        )
                    }
                };
                format!("{base}{}", super::confirmed_note(evidence, &info.english))
            },
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::run;

    #[test]
    fn has_a_suggestion() {
        let got = run(&Anglicism, "nach der Unterperformance");
        assert_eq!(got.len(), 1);
        assert!(got[0].1.is_some());
    }
}
