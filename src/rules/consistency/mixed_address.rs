//! `mixed-address`: formal „Sie“ and informal „du“ addressing the reader in one document.

use crate::document::Document;
use crate::finding::Severity;
use std::sync::LazyLock;

use crate::lexicon::word_lists::{Matching, WordList};
use crate::rules::{declare_rule, q, Context, Rule, RuleMeta};
use crate::text::zones::ZoneSet;

declare_rule! {
    /// The reader is addressed both formally (Sie, Ihnen) and informally (du, dich, dein) in one
    /// text.
    ///
    /// ## What it flags
    /// Formal address (Sie, Ihnen, Ihr … capitalised inside a sentence) and informal address (du,
    /// dich, dir, dein …) in the same document; the less frequent form is flagged. Quotations,
    /// where speakers may address each other either way, are skipped.
    ///
    /// ## Why
    /// English you has one form; machine translation picks Sie in one sentence and du in the next,
    /// which reads as careless or rude.
    ///
    /// ## Example
    /// ```text
    /// Wenn Sie das Modell testen, wirst du überrascht sein.
    /// ```
    ///
    /// ## Instead
    /// ```text
    /// Wenn Sie das Modell testen, werden Sie überrascht sein.
    /// ```
    pub struct MixedAddress;

    static META = {
        id: "mixed-address",
        category: "fluency/register",
        severity: Severity::Minor,
        positives: &[
            "Wenn Sie das Modell testen, wirst du überrascht sein. Sie sollten es versuchen.",
        ],
        negatives: &[
            "Wenn Sie das Modell testen, werden Sie überrascht sein.",
            "Er fragte: „Kommst du mit?“ Sie lehnte ab.",
        ],
    };
}

// the pronouns of address are a closed grammatical class, not vocabulary: they stay here and
// not in data/word_lists.csv
static INFORMAL: LazyLock<WordList> =
    LazyLock::new(|| WordList::new(Matching::Norm, INFORMAL_WORDS));
static FORMAL: LazyLock<WordList> = LazyLock::new(|| WordList::new(Matching::Exact, FORMAL_WORDS));

const INFORMAL_WORDS: &[&str] = &[
    "du", "dich", "dir", "dein", "deine", "deinen", "deinem", "deiner", "deines",
];
const FORMAL_WORDS: &[&str] = &[
    "Sie", "Ihnen", "Ihr", "Ihre", "Ihren", "Ihrem", "Ihrer", "Ihres",
];

impl Rule for MixedAddress {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, doc: &Document, cx: &mut Context<'_>) {
        if !(0..doc.tokens.len()).any(|t| INFORMAL.has_token(doc, t)) {
            return;
        }
        // only the author's voice addresses the reader: quotations, dialogue, titles and
        // citations speak to someone else („Er fragte: „Kommst du mit?““)
        let q_in: Vec<bool> = (0..doc.tokens.len())
            .map(|t| {
                let tok = doc.tok(t);
                doc.zones
                    .touches(tok.start, tok.end, ZoneSet::FOREIGN_VOICE)
            })
            .collect();
        let mut next_sentence = 0;
        for unit in super::units(doc) {
            let mut formal = Vec::new();
            let mut informal = Vec::new();
            // units and sentences are in text order: each unit takes the sentences that start
            // in it
            let sentences = &doc.sentences[next_sentence..];
            let skip = sentences.partition_point(|s| s.tok_start < unit.start);
            let take = sentences[skip..].partition_point(|s| s.tok_start < unit.end);
            next_sentence += skip + take;
            for sent in &sentences[skip..skip + take] {
                let first_word = (sent.tok_start..sent.tok_end).find(|&t| doc.is_word(t));
                for (t, &in_quote) in q_in
                    .iter()
                    .enumerate()
                    .take(sent.tok_end)
                    .skip(sent.tok_start)
                {
                    if in_quote || !doc.is_word(t) {
                        continue;
                    }
                    let w = doc.text(t);
                    if INFORMAL.has_token(doc, t)
                        && (w.starts_with(|c: char| c.is_lowercase()) || Some(t) != first_word)
                    {
                        informal.push(t);
                    } else if Some(t) != first_word && FORMAL.has_token(doc, t) {
                        formal.push(t);
                    }
                }
            }
            if formal.is_empty() || informal.is_empty() {
                continue;
            }
            let (flag, other) = if informal.len() <= formal.len() {
                (&informal, "Sie")
            } else {
                (&formal, "du")
            };
            for &t in flag {
                let tok = doc.tok(t);
                cx.report(
                    &META,
                    tok.start,
                    tok.end,
                    format!(
                        "{} mixes informal and formal address; the text mostly uses {}.",
                        q(doc.text(t)),
                        q(other)
                    ),
                    None,
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::flagged;

    #[test]
    fn flags_the_minority_form() {
        assert_eq!(
            flagged(
                &MixedAddress,
                "Wenn Sie kommen, wirst du sehen. Bringen Sie Ihnen das?"
            ),
            ["du"]
        );
    }
}
