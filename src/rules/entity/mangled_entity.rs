//! `mangled-entity`: a name translated as ordinary German words.

use crate::document::Document;
use crate::finding::Severity;
use crate::rules::{declare_rule, q, Context, Rule, RuleMeta};

declare_rule! {
    /// A company, product, model or publication name translated as ordinary words.
    ///
    /// ## What it flags
    /// German words that are the literal translation of a name (Perplexity -> Verwirrung, Llama ->
    /// Lama, Gemini -> Zwillinge, The Information -> die Informationen), when the context shows
    /// that the name is meant: a role such as CEO or Gründer, a version number, a word such as
    /// Modell or Interview. Exclusion cues (Zoo, Tier, Wolle for Lama) keep the ordinary sense
    /// silent.
    ///
    /// ## Why
    /// Readers cannot recover the name, the sentence says something false, and the error is visible
    /// to anyone who knows the company.
    ///
    /// ## Example
    /// ```text
    /// Verwirrte CEO Aravind Srinivas hat diese Dynamik erfasst.
    /// ```
    ///
    /// ## Instead
    /// ```text
    /// Perplexity-CEO Aravind Srinivas hat diese Dynamik erfasst.
    /// ```
    pub struct MangledEntity;

    static META = {
        id: "mangled-entity",
        category: "accuracy/mistranslation",
        severity: Severity::Major,
        positives: &[
            "Verwirrte CEO Aravind Srinivas hat das erfasst.",
            "Das Lama 4-Modell wurde verschoben.",
            "In seinem Interview mit den Informationen sagte er das.",
        ],
        negatives: &[
            "Im Zoo lebt ein Lama mit 4 Jungen.",
            "Die Verwirrung war groß.",
            "Die Informationen waren falsch.",
        ],
    };
}

impl Rule for MangledEntity {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, doc: &Document, cx: &mut Context<'_>) {
        let names = &cx.lex.names;
        let mut out = Vec::new();
        for hit in cx.literal_names(doc).to_vec() {
            let info = &names.list[hit.entry.data];
            // with the English source at hand, source-name reports it as certain (critical)
            if doc
                .source_at(doc.tok(hit.m.mark_start).start)
                .is_some_and(|src| src.text.contains(info.name.as_str()))
            {
                continue;
            }
            let (s, e) = (
                doc.tok(hit.m.mark_start).start,
                doc.tok(hit.m.mark_end - 1).end,
            );
            let message = format!(
                "{} looks like the name {} ({}) translated as ordinary words.",
                q(&doc.view[s..e]),
                info.name,
                info.kind
            );
            out.push((s, e, message, info.name.clone()));
        }
        for (s, e, message, name) in out {
            cx.report(&META, s, e, message, Some(name));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::run;

    #[test]
    fn flags_the_name_part_with_the_name_as_fix() {
        let got = run(&MangledEntity, "Der Konzern zeigte sein Lama 4-Modell.");
        assert_eq!(got, vec![("Lama".to_string(), Some("Llama".to_string()))]);
    }

    #[test]
    fn animal_stays_silent() {
        assert!(run(&MangledEntity, "Das Lama im Tierpark ist 4 Jahre alt.").is_empty());
    }
}
