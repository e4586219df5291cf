//! Table-driven rules over the phrase dictionaries: literal idioms, false friends, anglicisms.

pub mod anglicism;
pub mod false_friend;
pub mod literal_idiom;

use crate::document::Document;
use crate::lexicon::{PhraseInfo, PhraseTable};
use crate::rules::{Context, RuleMeta};

/// What the English source says about a phrase-table match.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum SourceEvidence {
    /// No source is aligned with the match.
    None,
    /// The source contains the English expression: the calque is certain.
    Confirmed,
    /// The source is there but does not contain the expression.
    Absent,
}

/// What to do with a match, given the source.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum WithSource {
    /// Report it either way (a calque may come from a paraphrased source).
    Keep,
    /// Drop it when the source lacks the English word (a false friend needs its English twin).
    RequireEvidence,
}

/// The word stems of an English expression: `poach (staff)` -> [`poach`],
/// `buy one's way to the top` -> [`buy`, `one`, `way`, `to`, `the`, `top`].
fn stems(expr: &str) -> Vec<String> {
    let mut plain = String::new();
    let mut depth = 0usize;
    for c in expr.chars() {
        match c {
            '(' => depth += 1,
            ')' => depth = depth.saturating_sub(1),
            _ if depth == 0 => plain.push(c),
            _ => {}
        }
    }
    plain
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| {
            let w = w.to_lowercase();
            // deployment -> deploy, so that a source saying "deployed" counts
            let cut = ["ments", "ment", "ing", "ed", "es", "s", "e"]
                .iter()
                .find_map(|suf| w.strip_suffix(suf).filter(|s| s.chars().count() >= 3));
            cut.unwrap_or(&w).to_string()
        })
        .collect()
}

/// `source` contains the words of one of the `/`-separated alternatives of `english`, in order,
/// each as the start of a word, at most three words apart.
pub(crate) fn source_has(source: &str, english: &str) -> bool {
    let words: Vec<String> = source
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    english
        .split(" / ")
        .map(stems)
        .filter(|s| !s.is_empty())
        .any(|alt| {
            (0..words.len()).any(|i| {
                let mut at = i;
                alt.iter().enumerate().all(|(k, stem)| {
                    let limit = if k == 0 {
                        at + 1
                    } else {
                        (at + 4).min(words.len())
                    };
                    let from = if k == 0 { at } else { at + 1 };
                    match (from..limit.min(words.len()))
                        .find(|&j| words[j].starts_with(stem.as_str()))
                    {
                        Some(j) => {
                            at = j;
                            true
                        }
                        None => false,
                    }
                })
            })
        })
}

/// Reports every match of `table`, with the message `message(flagged, info)`. With an English
/// source, a match whose English expression is in the source is raised one severity level; with
/// `WithSource::RequireEvidence` a match whose English word is missing from the source is dropped.
pub(crate) fn report_table(
    doc: &Document,
    cx: &mut Context<'_>,
    meta: &'static RuleMeta,
    table: impl Fn(&crate::lexicon::Lexicons) -> &PhraseTable<PhraseInfo>,
    with_source: WithSource,
    message: impl Fn(&str, &PhraseInfo, SourceEvidence) -> String,
) {
    let lex = cx.lex;
    for hit in table(lex).find(doc) {
        let info = &hit.entry.data;
        let (s, e) = (
            doc.tok(hit.m.mark_start).start,
            doc.tok(hit.m.mark_end - 1).end,
        );
        let evidence = match doc.source_at(s) {
            None => SourceEvidence::None,
            Some(src) if !info.english.is_empty() && source_has(&src.text, &info.english) => {
                SourceEvidence::Confirmed
            }
            Some(_) => SourceEvidence::Absent,
        };
        if evidence == SourceEvidence::Absent && with_source == WithSource::RequireEvidence {
            continue;
        }
        let msg = message(&doc.view[s..e], info, evidence);
        let mut severity = info.severity.unwrap_or(meta.severity);
        if evidence == SourceEvidence::Confirmed {
            severity = match severity {
                crate::finding::Severity::Minor => crate::finding::Severity::Major,
                _ => crate::finding::Severity::Critical,
            };
        }
        cx.report_as(meta, severity, s, e, msg, info.suggestions.first().cloned());
    }
}

/// The sentence a message adds when the source confirms a calque.
pub(crate) fn confirmed_note(evidence: SourceEvidence, english: &str) -> String {
    match evidence {
        SourceEvidence::Confirmed => {
            let mut plain = String::new();
            let mut depth = 0usize;
            for c in english.chars() {
                match c {
                    '(' => depth += 1,
                    ')' => depth = depth.saturating_sub(1),
                    _ if depth == 0 => plain.push(c),
                    _ => {}
                }
            }
            let first = plain
                .split(" / ")
                .next()
                .unwrap_or_default()
                .trim()
                .to_string();
            format!(" The source says “{first}”.")
        }
        _ => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_english_expressions_in_the_source() {
        assert!(source_has(
            "Meta uses its deep pockets to win.",
            "deep pockets"
        ));
        assert!(source_has("Meta poached two researchers.", "poach (staff)"));
        assert!(source_has(
            "It tried to buy its way to the top.",
            "buy one's way to the top / buy its way"
        ));
        assert!(source_has("The GPUs were deployed in May.", "deployment"));
        assert!(!source_has("Meta hired two researchers.", "poach (staff)"));
        assert!(!source_has("The pockets were deep.", "deep pockets"));
    }
}
