//! `punctuation-spacing`: a space before a punctuation mark, or none after a sentence mark.

use crate::document::Document;
use crate::finding::Severity;
use crate::rules::{declare_rule, q, Context, Rule, RuleMeta};
use crate::text::TokenKind;

declare_rule! {
    /// A space before , . ; : ! ? or no space after a sentence mark (erfasst.Ein).
    ///
    /// ## What it flags
    /// Whitespace between a word and the comma, full stop, semicolon, colon, question or
    /// exclamation mark after it; and a full stop, comma, colon or semicolon glued to the next word
    /// (Wort,Wort, erfasst.Ein). Numbers (4,4), abbreviations (z.B.), domains, smileys and ellipses
    /// (…) stay silent.
    ///
    /// ## Why
    /// Machine translation and copy-and-paste break the spacing around punctuation; each case is
    /// small, and all of them make a page look unedited.
    ///
    /// ## Example
    /// ```text
    /// Das Unternehmen wächst ,und die Kosten steigen.Die Aktie fällt .
    /// ```
    ///
    /// ## Instead
    /// ```text
    /// Das Unternehmen wächst, und die Kosten steigen. Die Aktie fällt.
    /// ```
    pub struct PunctuationSpacing;

    static META = {
        id: "punctuation-spacing",
        category: "fluency/punctuation",
        severity: Severity::Minor,
        positives: &[
            "Das Unternehmen wächst , und die Kosten steigen.",
            "Die Kosten steigen.Die Aktie fällt.",
            "Er sagte:Nein.",
        ],
        negatives: &[
            "Das kostet 4,4 Millionen, z.B. hier.",
            "Er sagte ... nichts.",
            "Siehe example.com für mehr :-)",
            "Alle Patient:innen kamen.",
            "Katalog : Sonstiges & Neues",
            "Rudolf Seitz (* 15. Juni 1842 in München ; † 18. Juni 1910 ebenda) war Maler.",
            "Das Racemat aus (3R,4S,5R)- und (3S,4R,5S)-Shikimisäure schmilzt bei 191 °C.",
            "Die Aktie (TSX:LAC) wurde ausgesetzt.",
            "Der Name ist eine Transkription des chinesischen Namens ???, der Bucht bedeutet.",
        ],
    };
}

impl Rule for PunctuationSpacing {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, doc: &Document, cx: &mut Context<'_>) {
        let n = doc.tokens.len();
        for t in 1..n {
            let p = doc.text(t);
            if doc.tok(t).kind != TokenKind::Punct
                || !matches!(p, "," | "." | ";" | ":" | "!" | "?")
            {
                continue;
            }
            let prev_word = matches!(doc.tok(t - 1).kind, TokenKind::Word | TokenKind::Number);
            let next = (t + 1 < n).then(|| doc.tok(t + 1));
            // space before
            if doc.tok(t).space_before && !doc.tok(t).newline_before && prev_word {
                let smiley = next.is_some_and(|x| {
                    !x.space_before && matches!(&doc.view[x.start..x.end], "-" | ")" | "(" | "D")
                });
                // „Katalog : Sonstiges“, „München ; † 1910“: a colon or semicolon spaced on
                // both sides separates the fields of a list or a record (the layout of lists,
                // catalogues and encyclopaedia entries), it is not a slip inside a sentence
                let separator = matches!(p, ":" | ";") && next.is_none_or(|x| x.space_before);
                // „W?rn ?ywt“, „Namens ???,“: a question mark glued to a letter or to another
                // one after it stands for a character lost in an encoding, not for a question
                let lost_char = p == "?"
                    && next.is_some_and(|x| {
                        !x.space_before
                            && (x.kind == TokenKind::Word || &doc.view[x.start..x.end] == "?")
                    });
                if !smiley && !separator && !lost_char {
                    let (s, e) = (doc.tok(t - 1).end, doc.tok(t).start);
                    cx.report(
                        &META,
                        s,
                        e,
                        format!("No space belongs before {}.", q(p)),
                        Some(String::new()),
                    );
                    continue;
                }
            }
            // no space after
            let Some(nx) = next else { continue };
            if nx.space_before || nx.kind != TokenKind::Word || doc.tok(t).space_before {
                continue;
            }
            let prev = doc.text(t - 1);
            let next_text = &doc.view[nx.start..nx.end];
            // „(3S,4R)“, „TSX:LAC“: between codes (a digit in either, or capitals only on both
            // sides) the mark belongs to a notation, chemical, financial or technical
            if matches!(p, "," | ";" | ":") && code_pair(prev, next_text) {
                continue;
            }
            let glued = match p {
                "." => {
                    doc.tok(t - 1).kind == TokenKind::Word
                        && prev.chars().count() >= 3
                        && prev.chars().all(char::is_lowercase)
                        && next_text.chars().next().is_some_and(char::is_uppercase)
                        && next_text.chars().count() >= 2
                        && next_text.chars().skip(1).all(char::is_lowercase)
                }
                "," | ";" => {
                    doc.tok(t - 1).kind == TokenKind::Word
                        && prev.chars().count() >= 2
                        && next_text.chars().count() >= 2
                }
                // Patient:innen is gender-inclusive spelling, not a missing space
                ":" => {
                    doc.tok(t - 1).kind == TokenKind::Word
                        && prev.chars().count() >= 3
                        && next_text.chars().count() >= 2
                        && !matches!(next_text, "in" | "innen")
                }
                _ => false,
            };
            if glued {
                let tok = doc.tok(t);
                cx.report(
                    &META,
                    tok.start,
                    tok.end,
                    format!("A space belongs after {}.", q(p)),
                    Some(format!("{p} ")),
                );
            }
        }
    }
}

/// `a` and `b` are parts of a code rather than words: one of them holds a digit, or both are
/// capitals only (a ticker and its exchange).
fn code_pair(a: &str, b: &str) -> bool {
    let digit = |w: &str| w.chars().any(|c| c.is_ascii_digit());
    let caps = |w: &str| w.chars().all(|c| c.is_uppercase());
    digit(a) || digit(b) || (caps(a) && caps(b))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::run;

    #[test]
    fn both_directions() {
        assert_eq!(
            run(&PunctuationSpacing, "Er wächst , und"),
            vec![(" ".into(), Some(String::new()))]
        );
        assert_eq!(
            run(&PunctuationSpacing, "steigen.Die Aktie"),
            vec![(".".into(), Some(". ".into()))]
        );
    }

    #[test]
    fn codes_and_lost_characters_are_not_punctuation_slips() {
        assert!(run(&PunctuationSpacing, "Die Form (3S,4R,5S) schmilzt.").is_empty());
        assert!(run(&PunctuationSpacing, "Notiert an der Börse (TSX:LAC).").is_empty());
        assert!(run(
            &PunctuationSpacing,
            "Eine Inschrift des Herrschers W?rn ?ywt."
        )
        .is_empty());
        assert_eq!(
            run(
                &PunctuationSpacing,
                "Rucksack gestohlen,Strafanzeige gestellt."
            ),
            vec![(",".into(), Some(", ".into()))]
        );
        assert_eq!(
            run(&PunctuationSpacing, "Wissen Sie, wann es kommt ?"),
            vec![(" ".into(), Some(String::new()))]
        );
    }
}
