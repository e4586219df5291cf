//! `run-in-heading`: a heading or caption without a verb run into the running text
//! (… von Meta. GPUS und Autonomie⏎In seinem Interview …).

use crate::document::Document;
use crate::finding::Severity;
use crate::rules::{declare_rule, q, Context, Rule, RuleMeta};
use crate::text::segment::SegmentMode;

declare_rule! {
    /// A short verbless line between two sentences of a paragraph: a heading run into the text.
    ///
    /// ## What it flags
    /// In paragraph mode, the words between a sentence end and a line break (a whole line, or the
    /// tail of one) when they are at most six words with no punctuation, contain no lower-case word
    /// except articles, prepositions and conjunctions (no verb), and the next line starts with a
    /// capital letter: a heading or caption that lost its blank line.
    ///
    /// ## Why
    /// Machine-translation pipelines and copy-and-paste merge headings into paragraphs; the reader
    /// meets a verbless fragment in mid-text.
    ///
    /// ## Example
    /// ```text
    /// … die aggressive Strategie von Meta. GPUs und Autonomie\nIn seinem Interview …
    /// ```
    ///
    /// ## Instead
    /// ```text
    /// Put the heading on a line of its own, separated by blank lines, or delete it.
    /// ```
    pub struct RunInHeading;

    static META = {
        id: "run-in-heading",
        category: "fluency/grammar",
        severity: Severity::Minor,
        positives: &[
            "Das zeigt die Strategie von Meta.\nGPUS und Autonomie\nIn seinem Interview sagte er mehr.",
        ],
        negatives: &[
            "Mark Zuckerberg, CEO von\nMeta, bot einen Einblick.",
            "Das zeigt die Strategie.\nEr sagte es im Interview\nund lachte dabei.",
            "Titel ohne Punkt\n\nDer Text beginnt hier.",
        ],
    };
}

const ALLOWED_LOWER: &[&str] = &[
    "und", "oder", "der", "die", "das", "des", "im", "in", "für", "von", "vom", "mit", "am", "als",
    "zum", "zur",
];

impl Rule for RunInHeading {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, doc: &Document, cx: &mut Context<'_>) {
        if doc.mode != SegmentMode::Paragraphs {
            return;
        }
        for seg in &doc.segments {
            for t in seg.tok_start + 1..seg.tok_end {
                if !doc.tok(t).newline_before
                    || !doc.text(t).starts_with(|c: char| c.is_uppercase())
                {
                    continue;
                }
                // the tail of the line before: what follows its last sentence end
                let Some(end) = (seg.tok_start..t)
                    .rev()
                    .find(|&i| matches!(doc.text(i), "." | "!" | "?"))
                else {
                    continue;
                };
                let mut from = end + 1;
                while from < t
                    && matches!(doc.text(from), "“" | "”" | "\"" | "«" | "»")
                    && !doc.tok(from).space_before
                {
                    from += 1;
                }
                if from >= t {
                    continue;
                }
                let tail = from..t;
                let words: Vec<usize> = tail.clone().filter(|&i| doc.is_word(i)).collect();
                let only_words = tail.clone().all(|i| doc.is_word(i) || doc.text(i) == "-");
                let verbless = words.iter().all(|&i| {
                    let w = doc.text(i);
                    !w.starts_with(|c: char| c.is_lowercase()) || ALLOWED_LOWER.contains(&w)
                });
                if only_words && verbless && (1..=6).contains(&words.len()) {
                    let (s, e) = (doc.tok(from).start, doc.tok(t - 1).end);
                    cx.report(
                        &META,
                        s,
                        e,
                        format!("{} stands between two sentences without punctuation or verb: a heading run into the text.", q(&doc.view[s..e])),
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
    fn finds_the_heading() {
        assert_eq!(
            flagged(
                &RunInHeading,
                "Ende.\nGPUs und Autonomie\nIn seinem Interview."
            ),
            ["GPUs und Autonomie"]
        );
    }
}
