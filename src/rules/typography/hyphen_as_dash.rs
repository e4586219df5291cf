//! `hyphen-as-dash`: a spaced hyphen („Berlin - die Stadt“) or a double hyphen set for a dash.

use crate::document::Document;
use crate::finding::Severity;
use crate::rules::{declare_rule, q, Context, Rule, RuleMeta};
use foldhash::HashMap;

use crate::text::segment::SegmentMode;
use crate::text::zones::ZoneSet;
use crate::text::TokenKind;

declare_rule! {
    /// A spaced hyphen or a double hyphen standing for a dash (Berlin - die Stadt, Gruppe -- eine).
    ///
    /// ## What it flags
    /// A hyphen `-` or double hyphen `--` with a space on both sides between two words of a
    /// sentence, in a text that otherwise sets its dashes as „–“ (at least twice as many en
    /// or em dashes as spaced hyphens): each such hyphen is a slip. Where the text sets all
    /// or most of its dashes as hyphens, that is its (keyboard) house style and it stays
    /// silent: the error is the inconsistency. The text is the document, or in
    /// line mode (`--segments lines`) each line, as for quotation marks. List bullets at a line start, minus signs and ranges
    /// between numbers (5 - 3), URLs and quotations stay silent.
    ///
    /// ## Why
    /// German typesetting sets the dash („Gedankenstrich“) as an en dash with spaces;
    /// machine translation and plain-text editors leave the keyboard hyphen, and human
    /// annotators of MT mark it as a punctuation error.
    ///
    /// ## Example
    /// ```text
    /// Das ist von meiner Gruppe - eine etwas weniger glamouröse Simulation – wie man sieht.
    /// ```
    ///
    /// ## Instead
    /// ```text
    /// Das ist von meiner Gruppe – eine etwas weniger glamouröse Simulation – wie man sieht.
    /// ```
    pub struct HyphenAsDash;

    static META = {
        id: "hyphen-as-dash",
        category: "fluency/punctuation",
        severity: Severity::Minor,
        positives: &[
            "Das ist von meiner Gruppe - eine Simulation – und hier – wie man sieht – die Lösung.",
            "Es kommt – und zwar – näher -- vor 40.000 Jahren lebten wir in Höhlen.",
        ],
        negatives: &[
            "Er kam – wie immer – zu spät.",
            "Das Start-up ist US-amerikanisch, Ein- und Ausgang.",
            "Es gilt 5 - 3 = 2 – wie immer – und so.",
            "- Punkt eins\n- Punkt zwei",
        ],
    };
}

/// The hyphen at token `t` is spaced and stands between two pieces of a sentence; returns
/// the token after the hyphen (or after the double hyphen).
fn spaced_hyphen(doc: &Document, t: usize) -> Option<usize> {
    let n = doc.tokens.len();
    let tok = doc.tok(t);
    if doc.text(t) != "-" || !tok.space_before || tok.newline_before || t == 0 {
        return None;
    }
    // `--` is two tokens
    let last = if t + 1 < n && doc.text(t + 1) == "-" && !doc.tok(t + 1).space_before {
        t + 1
    } else {
        t
    };
    let next = last + 1;
    if next >= n || !doc.tok(next).space_before || doc.tok(next).newline_before {
        return None;
    }
    // the hyphen of a suspended compound (Ein- und Ausgang) is glued to its word
    let before = doc.tok(t - 1);
    let after = doc.tok(next);
    let wordish = |k: TokenKind| matches!(k, TokenKind::Word | TokenKind::Number);
    if !(wordish(before.kind)
        || matches!(doc.text(t - 1), ")" | "“" | "\"" | "»" | "«" | "," | "."))
    {
        return None;
    }
    if !(wordish(after.kind) || matches!(doc.text(next), "(" | "„" | "\"" | "»" | "«")) {
        return None;
    }
    // a minus sign or a range between numbers
    if before.kind == TokenKind::Number || after.kind == TokenKind::Number {
        let numbers = before.kind == TokenKind::Number && after.kind == TokenKind::Number;
        if numbers {
            return None;
        }
    }
    // the previous token must be on the same line (the hyphen is no bullet)
    if doc.view[before.end..tok.start].contains('\n') {
        return None;
    }
    Some(next)
}

impl Rule for HyphenAsDash {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, doc: &Document, cx: &mut Context<'_>) {
        // the text whose house style decides: the document, or in line mode each line
        let lines = doc.mode == SegmentMode::Lines;
        let text_of = |at: usize| {
            if lines {
                doc.segment_at(at).unwrap_or(0)
            } else {
                0
            }
        };
        let mut hyphens: Vec<(usize, usize)> = Vec::new();
        let mut dashes: HashMap<usize, usize> = HashMap::default();
        let mut t = 0;
        while t < doc.tokens.len() {
            match doc.text(t) {
                "–" | "—" => *dashes.entry(text_of(doc.tok(t).start)).or_default() += 1,
                "-" => {
                    if let Some(next) = spaced_hyphen(doc, t) {
                        let (s, e) = (doc.tok(t).start, doc.tok(next - 1).end);
                        if !doc.zones.touches(
                            s,
                            e,
                            ZoneSet::OPAQUE | ZoneSet::QUOTATION | ZoneSet::TITLE,
                        ) {
                            hyphens.push((s, e));
                        }
                        t = next;
                        continue;
                    }
                }
                _ => {}
            }
            t += 1;
        }
        let mut per_text: HashMap<usize, usize> = HashMap::default();
        for &(s, _) in &hyphens {
            *per_text.entry(text_of(s)).or_default() += 1;
        }
        // slips in a text that sets its dashes as „–“; a text that sets them as hyphens
        // throughout follows its house style
        let slips: Vec<(usize, usize)> = hyphens
            .iter()
            .copied()
            .filter(|&(s, _)| {
                let k = text_of(s);
                dashes.get(&k).copied().unwrap_or(0) >= 2 * per_text[&k]
            })
            .collect();
        for (s, e) in slips {
            cx.report(
                &META,
                s,
                e,
                format!(
                    "{} stands for a dash; this text sets its dashes as „–“.",
                    q(&doc.view[s..e])
                ),
                Some("–".to_string()),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::{flagged, run};

    #[test]
    fn every_slip_in_a_text_with_en_dashes() {
        assert_eq!(
            run(
                &HyphenAsDash,
                "A – b – c – d – e. Das ist von meiner Gruppe - eine Simulation -- wie man sieht."
            ),
            vec![
                ("-".into(), Some("–".into())),
                ("--".into(), Some("–".into()))
            ]
        );
    }

    #[test]
    fn a_keyboard_house_style_is_silent() {
        assert!(flagged(
            &HyphenAsDash,
            "Er kam - wie immer - zu spät. Sie ging - leider."
        )
        .is_empty());
    }

    #[test]
    fn compounds_bullets_and_numbers_stay_silent() {
        for text in [
            "Ein- und Ausgang, US-amerikanisch.",
            "- Punkt eins\n- Punkt zwei",
            "Es gilt 5 - 3 = 2.",
        ] {
            assert!(flagged(&HyphenAsDash, text).is_empty(), "{text}");
        }
    }
}
