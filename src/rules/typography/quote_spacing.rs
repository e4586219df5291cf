//! `quote-spacing`: quotation marks glued to the neighbouring words, or spaced inside.

use super::{glued_after, glued_before, proper, scan, GermanStyle, Role};
use crate::document::Document;
use crate::finding::Severity;
use crate::rules::{declare_rule, Context, Rule, RuleMeta};
use crate::text::TokenKind;

declare_rule! {
    /// A quotation mark glued to the word outside it, or separated from the quoted word by a space.
    ///
    /// ## What it flags
    /// An opening mark glued to the word or sentence mark before it (verwenden.”Historisch), a
    /// closing mark glued to the word after it (tun.”Diese), a space after an opening mark („ Ich)
    /// and a space before a closing mark. A „ glued after â is a byte of a mis-decoded
    /// character (â„¢ for ™), not a quotation mark.
    ///
    /// ## Why
    /// Machine translation loses the spaces around quotes; the text then reads as one garbled word,
    /// and search and hyphenation break.
    ///
    /// ## Example
    /// ```text
    /// Die Freiheit, sie zu verwenden.”Historisch gesehen sagen die Leute:”Okay
    /// ```
    ///
    /// ## Instead
    /// ```text
    /// Die Freiheit, sie zu verwenden. „Historisch gesehen sagen die Leute: „Okay
    /// ```
    pub struct QuoteSpacing;

    static META = {
        id: "quote-spacing",
        category: "fluency/punctuation",
        severity: Severity::Minor,
        positives: &[
            "Er sagte:„Ja“, und ging.",
            "„Wir haben das Kapital.“Diese Investition hilft.",
            "Er sagte: „ Ich will.“",
        ],
        negatives: &[
            "Er sagte: „Ja“, und ging.",
            "Der „Zelt“-Stil ist neu.",
            "(„Ja“)",
            "Das Medikament wurde als „ Chinin “ bekannt.",
            "Das Gateway von Nuage Networksâ„¢ ist neu.",
        ],
    };
}

/// The quotation's closing mark (the next mark, closing) has a space before it too: „ Chinin “
/// is spaced on both sides, the layout of a tokeniser or a house style applied throughout, not
/// a slip at one mark; only a space on one side is reported.
fn spaced_pair(doc: &Document, rest: &[super::Quote]) -> bool {
    rest.first()
        .is_some_and(|c| c.role == Role::Close && doc.tok(c.tok).space_before)
}

impl Rule for QuoteSpacing {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, doc: &Document, cx: &mut Context<'_>) {
        let style = GermanStyle::new(doc);
        for seg in &doc.segments {
            let german = style.of(doc, seg);
            let marks = scan(doc, seg);
            for (k, q) in marks.iter().enumerate() {
                let t = q.tok;
                let tok = *doc.tok(t);
                let fix = proper(q.role, german || q.ch == '”');
                match q.role {
                    Role::Open => {
                        let prev_kind =
                            (t > seg.tok_start).then(|| (doc.tok(t - 1).kind, doc.text(t - 1)));
                        let glued_to_text = glued_before(doc, t, seg)
                            && matches!(
                                prev_kind,
                                Some((TokenKind::Word | TokenKind::Number, _))
                                    | Some((TokenKind::Punct, "." | "," | ":" | ";" | "!" | "?"))
                            );
                        if glued_to_text {
                            cx.report(
                                &META,
                                tok.start,
                                tok.end,
                                "The opening quotation mark is glued to the text before it.".into(),
                                Some(format!(" {fix}")),
                            );
                        } else if t + 1 < seg.tok_end
                            && !spaced_pair(doc, &marks[k + 1..])
                            && doc.tok(t + 1).space_before
                            && !doc.tok(t + 1).newline_before
                            && matches!(doc.tok(t + 1).kind, TokenKind::Word | TokenKind::Number)
                        {
                            cx.report(
                                &META,
                                tok.start,
                                doc.tok(t + 1).start,
                                "A space follows the opening quotation mark.".into(),
                                Some(fix.to_string()),
                            );
                        }
                    }
                    Role::Close => {
                        if glued_after(doc, t, seg) {
                            cx.report(
                                &META,
                                tok.start,
                                tok.end,
                                "The closing quotation mark is glued to the word after it.".into(),
                                Some(format!("{fix} ")),
                            );
                        }
                    }
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
    fn many_paragraphs_decide_the_style_once() {
        // the style used to be searched in the whole file once per paragraph: quadratic
        let rows = "| Zeile | Wert |\n\n".repeat(30_000);
        for (head, fix) in [("", " “"), ("„Ja“\n\n", " „")] {
            let small = run(&QuoteSpacing, &format!("{head}Er sagte\"ja\" dazu.\n"));
            let got = run(
                &QuoteSpacing,
                &format!("{head}{rows}Er sagte\"ja\" dazu.\n"),
            );
            assert_eq!(got, small);
            assert_eq!(got[0].1.as_deref(), Some(fix), "{got:?}");
        }
    }

    #[test]
    fn mojibake_holds_no_quotation_marks() {
        // ™ and № read as Windows-1252: â„¢, â„–
        for s in ["Nuage Networksâ„¢ 7850", "Die Akte â„–12 liegt vor."] {
            assert!(run(&QuoteSpacing, s).is_empty(), "{s}");
        }
        // after an amount in euros a closing mark is one
        assert!(run(&QuoteSpacing, "Er sagte: „Das kostet 5 €“, und ging.").is_empty());
    }

    #[test]
    fn glued_on_both_sides() {
        let got = run(&QuoteSpacing, "Diese”all das”Strategie");
        assert_eq!(
            got,
            vec![
                ("”".to_string(), Some(" „".to_string())),
                ("”".to_string(), Some("“ ".to_string()))
            ]
        );
    }
}
