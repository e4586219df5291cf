//! `dash-spacing`: a hyphen standing for a dash, glued to the words around it.

use crate::document::Document;
use crate::finding::Severity;
use crate::rules::{declare_rule, q, Context, Rule, RuleMeta};

declare_rule! {
    /// A hyphen used as a dash and glued to the words (vor Ort-zwei Anlagen, Clustern-die).
    ///
    /// ## What it flags
    /// A hyphen with no space on either side whose right-hand word cannot continue a compound: an
    /// article, pronoun, auxiliary, conjunction or number word (Ort-zwei, Clustern-die, sind-sind).
    /// German compounds (Start-up, US-amerikanisch) stay silent.
    ///
    /// ## Why
    /// Machine translation turns the English em dash into a hyphen and drops its spaces; the reader
    /// sees a nonsense compound.
    ///
    /// ## Example
    /// ```text
    /// Der Zugang zu riesigen GPU-Clustern-die spezialisierten Chips-ist entscheidend.
    /// ```
    ///
    /// ## Instead
    /// ```text
    /// Der Zugang zu riesigen GPU-Clustern – die spezialisierten Chips – ist entscheidend.
    /// ```
    pub struct DashSpacing;

    static META = {
        id: "dash-spacing",
        category: "fluency/punctuation",
        severity: Severity::Minor,
        positives: &[
            "Es baut eine Stromerzeugung vor Ort-zwei Anlagen.",
            "Der Zugang zu Clustern-die Chips sind teuer.",
        ],
        negatives: &[
            "Das Start-up ist US-amerikanisch.",
            "Die Know-how-Frage bleibt.",
            "Er kam – wie immer – zu spät.",
        ],
    };
}

const NOT_COMPOUND: &[&str] = &[
    "der", "die", "das", "den", "dem", "des", "ein", "eine", "einen", "einem", "einer", "sind",
    "ist", "war", "waren", "wird", "werden", "hat", "haben", "aber", "wie", "wobei", "zwei",
    "drei", "vier", "fünf", "sechs", "sieben", "acht", "neun", "zehn", "er", "sie", "es", "wir",
    "ich", "was", "welche", "welcher", "dass", "denn", "so",
];

impl Rule for DashSpacing {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, doc: &Document, cx: &mut Context<'_>) {
        let n = doc.tokens.len();
        for t in 1..n.saturating_sub(1) {
            if doc.text(t) != "-" || doc.tok(t).space_before || doc.tok(t + 1).space_before {
                continue;
            }
            if !doc.is_word(t - 1) || !doc.is_word(t + 1) {
                continue;
            }
            let right = doc.text(t + 1);
            if !NOT_COMPOUND.contains(&right) {
                continue;
            }
            // a further hyphen after the word means a compound chain (Rock-'n'-Roll, Ab-und-zu)
            if t + 2 < n && doc.text(t + 2) == "-" && !doc.tok(t + 2).space_before {
                continue;
            }
            let tok = doc.tok(t);
            let shown = &doc.view[doc.tok(t - 1).start..doc.tok(t + 1).end];
            cx.report(
                &META,
                tok.start,
                tok.end,
                format!(
                    "The hyphen in {} stands for a dash; set a dash with spaces.",
                    q(shown)
                ),
                Some(" – ".to_string()),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::run;

    #[test]
    fn suggests_a_spaced_dash() {
        assert_eq!(
            run(&DashSpacing, "vor Ort-zwei Anlagen"),
            vec![("-".into(), Some(" – ".into()))]
        );
    }
}
