//! `glossary-term`: the newsroom's terminology glossary (`--glossary FILE`), checked both
//! ways: a forbidden German term in the text, and a required German term missing where the
//! English source has the English term.

use super::aligned;
use crate::document::Document;
use crate::finding::Severity;
use crate::rules::phrase::source_has;
use crate::rules::{declare_rule, q, Context, Rule, RuleMeta};
use crate::text::token::tokenize;

declare_rule! {
    /// A term the glossary forbids, or a required term missing where the source has its English
    /// term (--glossary).
    ///
    /// ## What it flags
    /// With `--glossary FILE` (CSV: english,german,forbidden): every forbidden German term in the
    /// text, with the required term as fix; and, where an English source is aligned, a unit whose
    /// source contains the English term but whose German text contains none of the required terms.
    /// Without a glossary the rule is silent.
    ///
    /// ## Why
    /// Newsrooms fix their terms (KI, not AI; Vergütung, not Entschädigung); machine translation
    /// does not know them.
    ///
    /// ## Example
    /// ```text
    /// source: stock compensation — target: Aktienentschädigung (glossary: stock compensation,Aktienvergütung,Aktienentschädigung)
    /// ```
    ///
    /// ## Instead
    /// ```text
    /// Aktienvergütung
    /// ```
    pub struct GlossaryTerm;

    static META = {
        id: "glossary-term",
        category: "terminology/wrong-term",
        severity: Severity::Major,
        positives: &[
            "Das Unternehmen erhöhte seine Aktienentschädigung.",
            "The company raised its stock compensation. ⇒ Das Unternehmen erhöhte die Bezahlung in Aktien.",
        ],
        negatives: &[
            "Das Unternehmen erhöhte seine Aktienvergütung.",
            "The company raised its stock compensation. ⇒ Das Unternehmen erhöhte seine Aktienvergütung.",
        ],
    };
}

/// Token positions where the words of `term` (NFC lower case) stand in a row; the last word
/// may be inflected (a longer word that begins with it).
fn occurrences(doc: &Document, term: &str) -> Vec<(usize, usize)> {
    let parts: Vec<String> = {
        let toks = tokenize(term);
        (0..toks.len()).map(|i| toks.norm(i).to_string()).collect()
    };
    if parts.is_empty() {
        return Vec::new();
    }
    let n = doc.tokens.len();
    (0..n)
        .filter(|&t| t + parts.len() <= n)
        .filter(|&t| {
            parts.iter().enumerate().all(|(k, p)| {
                let norm = doc.norm(t + k);
                if k + 1 == parts.len() {
                    norm.starts_with(p.as_str())
                } else {
                    norm == p
                }
            })
        })
        .map(|t| (t, t + parts.len()))
        .collect()
}

impl Rule for GlossaryTerm {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, doc: &Document, cx: &mut Context<'_>) {
        let glossary = cx.glossary;
        if glossary.entries.is_empty() {
            return;
        }
        let mut out = Vec::new();
        for entry in &glossary.entries {
            let fix = entry.german_display.first().cloned();
            for term in &entry.forbidden {
                for (a, b) in occurrences(doc, term) {
                    let (s, e) = (doc.tok(a).start, doc.tok(b - 1).end);
                    let msg = format!(
                        "The glossary forbids {} for “{}”; write {}.",
                        q(&doc.view[s..e]),
                        entry.english,
                        q(fix.as_deref().unwrap_or_default())
                    );
                    out.push((s, e, msg, fix.clone()));
                }
            }
            for unit in aligned(doc) {
                if !source_has(unit.source, &entry.english) {
                    continue;
                }
                let has = |terms: &[String]| {
                    terms.iter().any(|g| {
                        occurrences(doc, g)
                            .iter()
                            .any(|&(a, _)| (unit.tok_start..unit.tok_end).contains(&a))
                    })
                };
                if has(&entry.german) || has(&entry.forbidden) {
                    continue;
                }
                let msg = format!(
                    "The source has “{}”, but the glossary term {} is missing.",
                    entry.english,
                    q(fix.as_deref().unwrap_or_default())
                );
                out.push((unit.start, unit.end, msg, None));
            }
        }
        for (s, e, msg, fix) in out {
            cx.report(&META, s, e, msg, fix);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::glossary::{Glossary, GlossaryEntry};
    use crate::lexicon::Lexicons;
    use crate::text::segment::SegmentMode;

    fn run(text: &str) -> Vec<(String, Option<String>)> {
        let lex = Lexicons::builtin().unwrap();
        let glossary = Glossary {
            entries: vec![GlossaryEntry {
                english: "stock compensation".into(),
                german: vec!["aktienvergütung".into()],
                german_display: vec!["Aktienvergütung".into()],
                forbidden: vec!["aktienentschädigung".into()],
            }],
        };
        let doc = Document::plain(text.to_string(), 0, SegmentMode::Paragraphs);
        let mut cx = Context::new(&lex);
        cx.glossary = &glossary;
        GlossaryTerm.check(&doc, &mut cx);
        cx.findings
            .into_iter()
            .map(|f| (doc.view[f.start..f.end].to_string(), f.suggestion))
            .collect()
    }

    #[test]
    fn forbidden_terms_are_flagged_with_the_required_one() {
        assert_eq!(
            run("Es erhöhte seine Aktienentschädigungen."),
            vec![(
                "Aktienentschädigungen".into(),
                Some("Aktienvergütung".into())
            )]
        );
        assert!(run("Es erhöhte seine Aktienvergütung.").is_empty());
    }
}
