//! `missing-hyphen`: compounds with a number or a product code that need hyphens throughout
//! (Durchkopplung): „Lama 4-Modell“, „H100 GPUs“.

use crate::document::Document;
use crate::finding::Severity;
use crate::lexicon::ListId;
use crate::rules::structure::is_function_word;
use crate::rules::{declare_rule, q, Context, Rule, RuleMeta};
use crate::text::TokenKind;

declare_rule! {
    /// A compound with a name, number or product code written apart (Llama 4-Modell, H100 GPUs).
    ///
    /// ## What it flags
    /// A name followed by a number that is already hyphenated to a noun (Windows 11-Nutzer: the
    /// hyphen must run through, Windows-11-Nutzer), and a product code such as H100 or A320 before
    /// a head noun such as GPUs, Chips, Modell or Server (H100-GPUs).
    ///
    /// ## Why
    /// German joins every part of such a compound with hyphens (Durchkopplung); written apart, the
    /// phrase reads as English.
    ///
    /// ## Example
    /// ```text
    /// Meta kaufte 10.000 H100 GPUs für sein Llama 4-Modell.
    /// ```
    ///
    /// ## Instead
    /// ```text
    /// Meta kaufte 10.000 H100-GPUs für sein Llama-4-Modell.
    /// ```
    pub struct MissingHyphen;

    static META = {
        id: "missing-hyphen",
        category: "fluency/spelling",
        severity: Severity::Minor,
        positives: &[
            "Es baut zwei 200 MW Erdgasanlagen.",
            "Meta kaufte 10.000 H100 GPUs.",
            "Das Llama 4-Modell kam später.",
            "Viele Windows 11-Nutzer klagen.",
        ],
        negatives: &[
            "Meta kaufte 10.000 H100-GPUs.",
            "Das Llama-4-Modell kam später.",
            "Er mietet eine 3-Zimmer-Wohnung.",
            "Der Windpark hat 200 MW Leistung.",
            "Mit dem A320 flogen 150 Menschen.",
            "Auf dieser Strecke fahren 2.200-Tonnen-Züge.",
            "Trauer um die Sängerin 83-Jährige stirbt in Berlin",
        ],
    };
}

// The units (`missing-hyphen.units`), the heads after a product code (`missing-hyphen.heads`)
// and the heads of plant compounds (`missing-hyphen.plant-heads`: „200 MW Erdgasanlagen“, but
// not „200 MW Leistung“) are data in data/word_lists.csv.

fn is_code(w: &str) -> bool {
    // most words are rejected by their first letter or their lack of digits
    if !w.starts_with(|c: char| c.is_ascii_uppercase()) || !w.bytes().any(|b| b.is_ascii_digit()) {
        return false;
    }
    let letters = w.chars().filter(|c| c.is_ascii_alphabetic()).count();
    let digits = w.chars().filter(|c| c.is_ascii_digit()).count();
    letters >= 1
        && digits >= 2
        && w.chars().next().is_some_and(|c| c.is_ascii_uppercase())
        && w.chars().all(|c| c.is_ascii_alphanumeric())
}

/// The head after the number is an adjective or noun derived from the numeral itself (the
/// 44-Jährige, das 3-Fache, der 2-Stellige): a word of its own that starts a new phrase, never
/// the head of a name with a version number (Opferwitwe: Macht 44-Jährige … is a run-in
/// headline, not a Macht-44-Jährige).
fn numeral_derivation(head: &str) -> bool {
    const SUFFIXES: &[&str] = &[
        "jährig",
        "fach",
        "malig",
        "stellig",
        "tägig",
        "wöchig",
        "monatig",
        "stündig",
        "minütig",
        "köpfig",
        "teilig",
        "prozentig",
    ];
    SUFFIXES.iter().any(|s| head.starts_with(s))
}

impl Rule for MissingHyphen {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, doc: &Document, cx: &mut Context<'_>) {
        let lex = cx.lex;
        let units = lex.list(ListId::MissingHyphenUnits);
        let heads = lex.list(ListId::MissingHyphenHeads);
        let plant_heads = lex.list(ListId::MissingHyphenPlantHeads);
        for sent in &doc.sentences {
            for t in sent.tok_start..sent.tok_end.saturating_sub(1) {
                let next = t + 1;
                let w = doc.text(t);
                if doc.tok(t).kind != TokenKind::Word || !doc.tok(next).space_before {
                    continue;
                }
                // H100 GPUs
                if is_code(w) && doc.is_word(next) && heads.has_token(doc, next) {
                    let (s, e) = (doc.tok(t).start, doc.tok(next).end);
                    let fix = format!("{w}-{}", doc.text(next));
                    cx.report(
                        &META,
                        s,
                        e,
                        format!("{} is one compound: {}.", q(&doc.view[s..e]), q(&fix)),
                        Some(fix),
                    );
                    continue;
                }
                // 200 MW Erdgasanlagen: number, unit and a plant noun form one compound
                if doc.tok(t).kind == TokenKind::Word
                    && t > sent.tok_start
                    && doc.tok(t - 1).kind == TokenKind::Number
                    && units.has_token(doc, t)
                    && doc.is_word(next)
                    && plant_heads.has_token(doc, next)
                {
                    let (s, e) = (doc.tok(t - 1).start, doc.tok(next).end);
                    let fix = format!("{}-{w}-{}", doc.text(t - 1), doc.text(next));
                    let msg = format!("{} is one compound: {}.", q(&doc.view[s..e]), q(&fix));
                    cx.report(&META, s, e, msg, Some(fix));
                    continue;
                }
                // Llama 4-Modell
                let cap = w.chars().next().is_some_and(char::is_uppercase);
                if !cap
                    || t == sent.tok_start
                    || doc.tok(next).kind != TokenKind::Number
                    || is_function_word(doc.norm(t))
                {
                    continue;
                }
                // a version or model number (4, 11, 2.5), not a quantity (2.200-Tonnen-Züge)
                let num = doc.text(next);
                let version = num.len() <= 2
                    || (num.len() <= 4 && num.split_once('.').is_some_and(|(_, f)| f.len() == 1));
                if doc.tok(next).kind != TokenKind::Number || !version || next + 2 >= sent.tok_end {
                    continue;
                }
                let hyphen = next + 1;
                let head = next + 2;
                let glued = doc.text(hyphen) == "-"
                    && !doc.tok(hyphen).space_before
                    && !doc.tok(head).space_before;
                if glued
                    && doc.is_word(head)
                    && doc
                        .text(head)
                        .chars()
                        .next()
                        .is_some_and(char::is_uppercase)
                    && !numeral_derivation(doc.norm(head))
                {
                    let (s, e) = (doc.tok(t).start, doc.tok(next).end);
                    cx.report(
                        &META,
                        s,
                        e,
                        format!(
                            "The compound {} needs a hyphen after {} as well.",
                            q(&doc.view[s..doc.tok(head).end]),
                            q(w)
                        ),
                        Some(format!("{w}-{num}")),
                    );
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::run;

    #[test]
    fn joins_the_parts() {
        assert_eq!(
            run(&MissingHyphen, "kaufte H100 GPUs"),
            vec![("H100 GPUs".into(), Some("H100-GPUs".into()))]
        );
        assert_eq!(
            run(&MissingHyphen, "Das Llama 4-Modell"),
            vec![("Llama 4".into(), Some("Llama-4".into()))]
        );
    }

    #[test]
    fn a_numeral_derivation_is_no_head_of_the_name() {
        for s in [
            "Opferwitwe: Aliyev hatte grenzenlose Macht 44-Jährige erhebt Vorwürfe.",
            "Flucht aus dem Gefängnis 19-Jähriger stellt sich der Polizei",
        ] {
            assert!(run(&MissingHyphen, s).is_empty(), "{s}");
        }
        assert_eq!(
            run(&MissingHyphen, "Die Tropico 5-Erweiterung erscheint."),
            vec![("Tropico 5".into(), Some("Tropico-5".into()))]
        );
    }
}
