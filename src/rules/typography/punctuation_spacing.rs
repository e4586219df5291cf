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
    /// (Wort,Wort, erfasst.Ein). Numbers (4,4), abbreviations (z.B.), domains, emoticons
    /// (`:-)`, `:P`, `;o)`), ellipses (…), a colon inside a word (Patient:innen, Stó:lō), a wiki
    /// link target (Datei:Plan.jpg) and a
    /// question mark alone before a lower-case word (a lost character: zu ? aus) stay silent.
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
            "Wer nach dem Titan fragt :P",
            "Nur Papierkram, nein danke :| Gute Nacht.",
            "Ich werde mich statistisch verhalten ;o) Bis bald.",
            "Alle Patient:innen kamen.",
            "Die Klauseln sind verbraucher:innenunfreundlich.",
            "Xu Shen schreibt zu ? aus, dass es König heißt.",
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
                let smiley = emoticon(doc, t);
                // „Katalog : Sonstiges“, „München ; † 1910“: a colon or semicolon spaced on
                // both sides separates the fields of a list or a record (the layout of lists,
                // catalogues and encyclopaedia entries), it is not a slip inside a sentence
                let separator = matches!(p, ":" | ";") && next.is_none_or(|x| x.space_before);
                // „W?rn ?ywt“, „Namens ???,“: a question mark glued to a letter or to another
                // one after it stands for a character lost in an encoding, not for a question
                // „zu ? aus“, „Krippenmuseum ? siehe“: a question mark standing alone before a
                // lower-case word ends no question (the next sentence would start with a
                // capital); it too stands for a lost character or symbol
                let lost_char = p == "?"
                    && next.is_some_and(|x| {
                        let text = &doc.view[x.start..x.end];
                        (!x.space_before && (x.kind == TokenKind::Word || text == "?"))
                            || (x.space_before
                                && x.kind == TokenKind::Word
                                && text.starts_with(char::is_lowercase))
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
                // a colon between letters with a lower-case letter after it is part of a
                // word: gender-inclusive spelling (Patient:innen, verbraucher:innenfreundlich)
                // or a name (Stó:lō); a sentence or a list after a colon that lost its space
                // starts with a capital
                // „Datei:Plan.jpg“, „Kategorie:Ort“: a wiki namespace and its page name are
                // one link target
                ":" => {
                    doc.tok(t - 1).kind == TokenKind::Word
                        && !WIKI_NAMESPACES.contains(&prev)
                        && prev.chars().count() >= 3
                        && next_text.chars().count() >= 2
                        && !next_text.starts_with(char::is_lowercase)
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

/// The namespaces of MediaWiki (German and English) that prefix a page name with a colon and
/// no space: link targets copied from wikis (Datei:Plan.jpg, Kategorie:Ort).
const WIKI_NAMESPACES: &[&str] = &[
    "Datei",
    "Bild",
    "Kategorie",
    "Vorlage",
    "Benutzer",
    "Spezial",
    "Hilfe",
    "Portal",
    "Wikipedia",
    "File",
    "Image",
    "Category",
    "Template",
    "User",
    "Special",
    "Help",
];

/// The colon or semicolon at `t` begins an emoticon: `:-)`, `:P`, `:|`, `;o)`, `:D`. A nose
/// (`-`, `o`, `'`) may follow the eyes; the mouth is one of `) ( | / [ ] P p D O 3`, and after it
/// the text goes on with a space, a bracket or the end (so `:P2V-3` is no emoticon).
fn emoticon(doc: &Document, t: usize) -> bool {
    if !matches!(doc.text(t), ":" | ";") {
        return false;
    }
    let n = doc.tokens.len();
    let glued = |i: usize| i < n && !doc.tok(i).space_before;
    let mut i = t + 1;
    if !glued(i) {
        return false;
    }
    let is_mouth = |s: &str| {
        matches!(
            s,
            ")" | "(" | "|" | "/" | "[" | "]" | "P" | "p" | "D" | "O" | "3"
        )
    };
    let mut s = doc.text(i);
    if matches!(s, "-" | "o" | "'") && glued(i + 1) && is_mouth(doc.text(i + 1)) {
        i += 1;
        s = doc.text(i);
    }
    if !is_mouth(s) {
        return false;
    }
    // „:-)“ and „:(“ are emoticons whatever follows; a letter mouth must end its word
    matches!(s, ")" | "(" | "|") || !glued(i + 1) || matches!(doc.text(i + 1), ")" | "(" | "|")
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
    fn wiki_link_targets_are_no_slips() {
        assert!(run(
            &PunctuationSpacing,
            "Siehe Datei:Dettweilers Plan und Kategorie:Ort hier."
        )
        .is_empty());
        assert_eq!(run(&PunctuationSpacing, "Er meint:Terrone sein.").len(), 1);
    }

    #[test]
    fn emoticons_and_word_internal_colons_are_no_slips() {
        for s in [
            "Ein Technikhasser fragt nach Titan :P) und lacht.",
            "Nein danke :| Gute Nacht.",
            "Ich werde mich statistisch verhalten ;o) Kommentieren",
            "Das ist schön :-( Leider.",
            "Die Klauseln sind verbraucher:innenunfreundlich.",
            "Die Sprache der Stó:lō ist bedroht.",
            "Im Hauptartikel ? siehe dort.",
        ] {
            assert!(run(&PunctuationSpacing, s).is_empty(), "{s}");
        }
        // a letter that goes on is no mouth; a capital after a colon begins a sentence
        assert_eq!(
            run(
                &PunctuationSpacing,
                "Das Modell 3C :P2V-3 mit Vorrichtungen"
            ),
            vec![(" ".into(), Some(String::new()))]
        );
        assert_eq!(
            run(
                &PunctuationSpacing,
                "Er meint:Terrone sein heißt Wurzeln haben."
            ),
            vec![(":".into(), Some(": ".into()))]
        );
        assert_eq!(
            run(&PunctuationSpacing, "Wie geht es dir ? Gut."),
            vec![(" ".into(), Some(String::new()))]
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
