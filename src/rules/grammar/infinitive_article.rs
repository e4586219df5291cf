//! `infinitive-article`: a nominalised infinitive with a masculine or feminine article
//! (Der Scheitern).

use crate::document::Document;
use crate::finding::Severity;
use crate::lexicon::ListId;
use crate::rules::{declare_rule, q, Context, Rule, RuleMeta};

declare_rule! {
    /// A nominalised infinitive with the wrong article (Der Scheitern for Das Scheitern).
    ///
    /// ## What it flags
    /// At the start of a sentence or clause, der, die, dieser, jeder or kein followed by a
    /// nominalised infinitive that has no plural (Scheitern, Versagen, Vorgehen, Vertrauen …): such
    /// nouns are always neuter.
    ///
    /// ## Why
    /// Machine translation takes the gender of the English noun's usual German translation (der
    /// Fehlschlag) and puts it before a different word; the result is ungrammatical.
    ///
    /// ## Example
    /// ```text
    /// Der Scheitern stammte aus einer Kaskade technischer Fehltritte.
    /// ```
    ///
    /// ## Instead
    /// ```text
    /// Das Scheitern ging auf eine Reihe technischer Fehltritte zurück.
    /// ```
    pub struct InfinitiveArticle;

    static META = {
        id: "infinitive-article",
        category: "fluency/grammar",
        severity: Severity::Minor,
        positives: &[
            "Der Scheitern stammte aus technischen Fehlern.",
            "Die Vorgehen des Konzerns überraschte.",
        ],
        negatives: &[
            "Das Scheitern stammte aus technischen Fehlern.",
            "Die Farbe der Taschen ist rot.",
            "Wegen der Scheitern früherer Pläne? Nein: wegen des Scheiterns.",
        ],
    };
}

fn neuter(article: &str) -> Option<&'static str> {
    Some(match article {
        "Der" | "Die" => "Das",
        "Dieser" | "Diese" => "Dieses",
        "Jeder" | "Jede" => "Jedes",
        "Keiner" | "Keine" => "Kein",
        _ => return None,
    })
}

impl Rule for InfinitiveArticle {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, doc: &Document, cx: &mut Context<'_>) {
        // nominalised infinitives without a plural, always neuter (data/word_lists.csv)
        let infinitives = cx.lex.list(ListId::InfinitiveArticleInfinitives);
        for sent in &doc.sentences {
            for t in sent.tok_start..sent.tok_end.saturating_sub(1) {
                let clause_start = t == sent.tok_start
                    || matches!(doc.text(t - 1), "," | ":" | ";" | "„" | "“" | "\"");
                if !clause_start {
                    continue;
                }
                let Some(fix) = neuter(doc.text(t)) else {
                    continue;
                };
                if !infinitives.has_token(doc, t + 1) {
                    continue;
                }
                let tok = doc.tok(t);
                cx.report(
                    &META,
                    tok.start,
                    tok.end,
                    format!(
                        "{} is neuter: {} {}.",
                        q(doc.text(t + 1)),
                        fix,
                        doc.text(t + 1)
                    ),
                    Some(fix.to_string()),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::run;

    #[test]
    fn proposes_das() {
        assert_eq!(
            run(&InfinitiveArticle, "Der Scheitern stammte."),
            vec![("Der".into(), Some("Das".into()))]
        );
    }
}
