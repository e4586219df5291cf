//! `lowercase-sentence-start`: a sentence that starts with a lower-case word.

use crate::document::Document;
use crate::finding::Severity;
use crate::rules::{capitalise, declare_rule, q, Context, Rule, RuleMeta};
use crate::text::TokenKind;

declare_rule! {
    /// A sentence after a full stop starts with a lower-case word.
    ///
    /// ## What it flags
    /// A word in lower case right after the end of a sentence in the same paragraph, when the
    /// sentence before ends in a full word (not an abbreviation, an initial or a number). Names
    /// written in lower case by design (iPhone, eBay) are left alone.
    ///
    /// ## Why
    /// It shows a sentence break that machine translation moved or a heading run into the text; the
    /// sentence around it is usually garbled too.
    ///
    /// ## Example
    /// ```text
    /// Srinivas hat diese Dynamik erfasst. erinnerte Ein Rekrutierungsversuch …
    /// ```
    ///
    /// ## Instead
    /// ```text
    /// Srinivas hat diese Dynamik erfasst. Er erinnerte sich an einen Rekrutierungsversuch …
    /// ```
    pub struct LowercaseSentenceStart;

    static META = {
        id: "lowercase-sentence-start",
        category: "fluency/spelling",
        severity: Severity::Minor,
        positives: &["Srinivas hat diese Dynamik perfekt erfasst. erinnerte sich an mehr."],
        negatives: &[
            "Das kostet ca. zehn Euro, z. B. hier.",
            "Er kaufte ein iPhone. iPhones sind teuer.",
            "Es kam am 3. oktober an.",
            "Sie wurde von Warner Bros. im Tausch mit Olivia de Havilland ausgeliehen.",
            "Die Preise sind in Euro inkl. MwSt. angegeben, wie es üblich ist.",
            "Und doch begleitet er seinen Verein zu den Spielen. dpa Der Hamburger SV hat gewonnen.",
            "Das war christliche Indoktrination. huggythebear gestern, 11:13 Uhr Danke!",
        ],
    };
}

impl Rule for LowercaseSentenceStart {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, doc: &Document, cx: &mut Context<'_>) {
        for pair in doc.sentences.windows(2) {
            let (prev, sent) = (pair[0], pair[1]);
            if prev.segment != sent.segment {
                continue;
            }
            let end = prev.tok_end - 1;
            let Some(dot) = (prev.tok_start..=end)
                .rev()
                .find(|&t| matches!(doc.text(t), "." | "!" | "?"))
            else {
                continue;
            };
            // a full stop inside a quotation or a parenthesis ends the quoted sentence, and
            // the enclosing one goes on („… zu existieren.“) und erklärte …)
            let closed = (dot + 1..=end).any(|i| {
                matches!(
                    doc.text(i),
                    ")" | "]" | "“" | "”" | "\"" | "»" | "«" | "’" | "‘" | "›" | "‹"
                )
            });
            if closed
                || dot == prev.tok_start
                || doc.tok(dot - 1).kind != TokenKind::Word
                || doc.text(dot - 1).chars().count() < 5
            {
                continue;
            }
            let t = sent.tok_start;
            if doc.tok(t).kind != TokenKind::Word
                || doc.tok(t).newline_before
                || !doc.tok(t).space_before
            {
                continue;
            }
            // a one- or two-word tail is a credit or a sign-off (dpa, afp), not a sentence
            if (sent.tok_start..sent.tok_end)
                .filter(|&i| doc.is_word(i))
                .count()
                < 3
            {
                continue;
            }
            let w = doc.text(t);
            let mut chars = w.chars();
            let first_lower = chars.next().is_some_and(char::is_lowercase);
            if !first_lower
                || chars.any(|c| c.is_uppercase() || !c.is_alphabetic())
                || w.chars().count() < 2
            {
                continue;
            }
            // both sides must be German words: the word before the full stop (else the stop
            // may end an abbreviation: Warner Bros., inkl. MwSt., Roxb.) and the word after
            // it (else it is a user name, a credit or a code: huggythebear, dpa)
            let morph = crate::morph::Morph::global();
            let before = doc.text(dot - 1);
            if !morph.is_german(before, false)
                || before.chars().skip(1).any(char::is_uppercase)
                || !morph.is_known(w)
                || lowercase_noun(morph, w)
            {
                continue;
            }
            let tok = doc.tok(t);
            cx.report(
                &META,
                tok.start,
                tok.end,
                format!("The sentence starts with the lower-case word {}.", q(w)),
                Some(capitalise(w)),
            );
        }
    }
}

/// The dictionary lists `w` as a noun written in lower case: a name or an abbreviation that
/// keeps its small letter at the start of a sentence too (dpa, the news agency).
fn lowercase_noun(morph: &crate::morph::Morph, w: &str) -> bool {
    let mut noun = false;
    morph.for_each_reading(w, |r| noun |= r.tag.pos == crate::morph::Pos::Noun);
    noun
}

#[cfg(test)]
mod quoted_stop_tests {
    use super::*;
    use crate::rules::testing::run;

    #[test]
    fn a_full_stop_inside_a_quotation_does_not_end_the_sentence() {
        let text =
            "Er bestritt es („Israel hat niemals das Recht besessen.“) und erklärte dann mehr.";
        assert!(run(&LowercaseSentenceStart, text).is_empty());
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::run;

    #[test]
    fn proposes_the_capital() {
        assert_eq!(
            run(
                &LowercaseSentenceStart,
                "Das war ein Erfolg. innere Krisen folgten."
            ),
            vec![("innere".to_string(), Some("Innere".to_string()))]
        );
    }
}
