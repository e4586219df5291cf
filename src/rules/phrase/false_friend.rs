//! `false-friend`: a German word used in the sense of a similar English word.

use crate::document::Document;
use crate::finding::Severity;
use crate::rules::{q, Context, Rule, RuleMeta};

/// See [`META`].
pub struct FalseFriend;

static META: RuleMeta = RuleMeta {
    id: "false-friend",
    category: "accuracy/mistranslation",
    severity: Severity::Major,
    summary: "A German word in the sense of its English look-alike (pochieren for poach staff).",
    flags: "Words from `data/false_friends.csv` in a context that makes the English sense likely: \
            pochierte Forscher (poached researchers), Aktienentschädigung (stock compensation), \
            schnelle Ablagerung von Rechenzentren (deployment), Ausbildung von KI-Modellen (training). \
            Every entry names the context it needs, so the ordinary German sense stays silent.",
    why: "The German word exists, so spell checkers accept it, but it says something else: \
          pochierte Forscher are cooked, not hired away.",
    example: "Meta pochierte zwei Forscher von OpenAI.",
    instead: "Meta warb zwei Forscher von OpenAI ab.",
    positives: &["Meta pochierte zwei Forscher von OpenAI."],
    negatives: &["Er servierte pochierte Eier.", "Meta warb zwei Forscher von OpenAI ab."],
};

impl Rule for FalseFriend {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, doc: &Document, cx: &mut Context<'_>) {
        super::report_table(
            doc,
            cx,
            &META,
            |l| &l.false_friends,
            super::WithSource::RequireEvidence,
            |text, info, evidence| {
                let base = {
                    format!(
                        "{} is used here in the sense of the English “{}”.",
                        q(text),
                        info.english
                    )
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
    fn proposes_the_german_word() {
        let got = run(&FalseFriend, "Meta pochierte zwei Forscher.");
        assert_eq!(got.len(), 1);
        assert!(got[0].1.is_some());
    }
}
