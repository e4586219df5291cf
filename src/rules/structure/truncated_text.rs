//! `truncated-text`: a text or sentence cut off mid-word or mid-sentence.

use crate::document::Document;
use crate::finding::Severity;
use crate::rules::{declare_rule, q, Context, Rule, RuleMeta};
use crate::text::abbrev::is_abbreviation;
use crate::text::TokenKind;

declare_rule! {
    /// Text cut off mid-word (Der Konfl.) or mid-sentence.
    ///
    /// ## What it flags
    /// The last sentence of a paragraph or line when it ends in a fragment of a word that occurs in
    /// full elsewhere in the document (Konfl. where Konflikt appears), or when it stops without a
    /// full stop after an article, preposition or conjunction (… sagte, dass die).
    ///
    /// ## Why
    /// Machine-translation pipelines cut texts at length limits; the reader is left with half a
    /// word, and the rest of the article is missing.
    ///
    /// ## Example
    /// ```text
    /// Chen nannte den Konflikt eine Ablenkung. Der Konfl.
    /// ```
    ///
    /// ## Instead
    /// ```text
    /// Restore the rest of the text from the source.
    /// ```
    pub struct TruncatedText;

    static META = {
        id: "truncated-text",
        category: "accuracy/omission",
        severity: Severity::Major,
        positives: &[
            "Chen nannte den Konflikt eine Ablenkung. Der Konfl.",
            "Der Vorstand erklärte am Montag nach langer Sitzung, dass die",
        ],
        negatives: &[
            "Chen nannte den Konflikt eine Ablenkung. Der Konflikt bleibt.",
            "Er kam am 3. Okt. an. Am Okt. lag es nicht.",
            "Neue Regeln für Banken",
        ],
    };
}

/// The word before a final dot is a cut-off piece of a longer word of the same paragraph,
/// and occurs nowhere in the document as a word of its own.
fn is_fragment(doc: &Document, word: usize, segment: usize) -> bool {
    let w = doc.norm(word);
    if w.chars().count() < 3
        || is_abbreviation(doc.text(word))
        || !w.chars().all(char::is_alphabetic)
        || !doc.tok(word).space_before
    {
        return false;
    }
    let seg = doc.segments[segment];
    let in_segment = (seg.tok_start..seg.tok_end).any(|t| {
        t != word
            && doc.is_word(t)
            && doc.norm(t).len() >= w.len() + 2
            && doc.norm(t).starts_with(w)
    });
    in_segment
        && !(0..doc.tokens.len())
            .any(|t| t != word && doc.tok(t).kind == TokenKind::Word && doc.norm(t) == w)
}

/// Words after which a German sentence cannot end: articles, prepositions that are never
/// verb particles, and conjunctions.
const NEVER_LAST: &[&str] = &[
    "der", "die", "das", "den", "dem", "des", "eine", "einen", "einem", "einer", "eines", "und",
    "oder", "dass", "von", "vom", "für", "zum", "zur", "im", "in", "beim", "ohne", "sowie", "weil",
    "ob",
];

impl Rule for TruncatedText {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, doc: &Document, cx: &mut Context<'_>) {
        for (i, sent) in doc.sentences.iter().enumerate() {
            if doc
                .sentences
                .get(i + 1)
                .is_some_and(|n| n.segment == sent.segment)
            {
                continue;
            }
            let last = sent.tok_end - 1;
            let words = (sent.tok_start..sent.tok_end)
                .filter(|&t| doc.is_word(t))
                .count();
            if doc.text(last) == "."
                && last > sent.tok_start
                && doc.is_word(last - 1)
                && !doc.tok(last).space_before
            {
                let w = last - 1;
                if words <= 5 && is_fragment(doc, w, sent.segment) {
                    let (s, e) = (doc.tok(w).start, doc.tok(last).end);
                    cx.report(
                        &META,
                        s,
                        e,
                        format!(
                            "The text ends in {}, a word cut off in the middle.",
                            q(&doc.view[s..e])
                        ),
                        None,
                    );
                }
            } else if doc.is_word(last) && words >= 6 && NEVER_LAST.contains(&doc.text(last)) {
                let has_verbish_punct = (sent.tok_start..sent.tok_end).any(|t| doc.text(t) == ",");
                if has_verbish_punct {
                    let tok = doc.tok(last);
                    cx.report(
                        &META,
                        tok.start,
                        tok.end,
                        format!(
                            "The sentence stops after {}: the rest of it is missing.",
                            q(doc.text(last))
                        ),
                        None,
                    );
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::flagged;

    #[test]
    fn flags_the_fragment_with_its_dot() {
        assert_eq!(
            flagged(&TruncatedText, "Der Konflikt wuchs. Der Konfl."),
            ["Konfl."]
        );
    }

    #[test]
    fn a_real_short_word_is_not_a_fragment() {
        assert!(flagged(&TruncatedText, "Das Haus brannte. Das Haus.").is_empty());
    }
}
