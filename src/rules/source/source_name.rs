//! `source-name`: a name of the English source that is missing from the German target, or
//! that the target renders literally.

use super::aligned;
use crate::document::Document;
use crate::finding::Severity;
use crate::lexicon::words::WordFreq;
use crate::rules::{declare_rule, q, Context, Rule, RuleMeta};

declare_rule! {
    /// A name of the source is translated literally or missing in the translation.
    ///
    /// ## What it flags
    /// Dictionary names (data/names.csv) in the English source whose literal German rendering is in
    /// the target (critical, whatever the context: the source proves the name is meant), and names
    /// of the source (dictionary names, and capitalised words inside a sentence that are not common
    /// English words) that the target does not contain in any form (minor). Needs a source; silent
    /// without one.
    ///
    /// ## Why
    /// A translated name is a false statement about a company or person, and only the source shows
    /// it beyond doubt.
    ///
    /// ## Example
    /// ```text
    /// Perplexity CEO Aravind Srinivas ⇒ Verwirrte CEO Aravind Srinivas
    /// ```
    ///
    /// ## Instead
    /// ```text
    /// Perplexity-CEO Aravind Srinivas
    /// ```
    pub struct SourceName;

    static META = {
        id: "source-name",
        category: "accuracy/mistranslation",
        severity: Severity::Critical,
        positives: &[
            "Perplexity CEO Aravind Srinivas spoke. ⇒ Verwirrte CEO Aravind Srinivas sprach.",
            "Then Meta released Llama. ⇒ Dann veröffentlichte Meta das Lama.",
            "I met Aravind Srinivas yesterday. ⇒ Ich traf gestern einen Mann.",
        ],
        negatives: &[
            "Perplexity CEO Aravind Srinivas spoke. ⇒ Perplexity-CEO Aravind Srinivas sprach.",
            "The confusion was great. ⇒ Die Verwirrung war groß.",
            "I went to Africa with Google. ⇒ Ich reiste mit Google nach Afrika.",
            "Verwirrte CEO Aravind Srinivas sprach.",
        ],
    };
}

/// Byte ranges of the whole-word, case-sensitive occurrences of `name` in `text`.
fn occurs(text: &str, name: &str) -> bool {
    text.match_indices(name).any(|(i, m)| {
        let before = text[..i].chars().next_back();
        let after = text[i + m.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

/// The target mentions `name`: as written (also in a compound or with a genitive s), or as a
/// close spelling of a single word.
fn present(target_lower: &str, target_words: &[String], name: &str) -> bool {
    let n = name.to_lowercase();
    if target_lower.contains(&n) {
        return true;
    }
    if n.contains(' ') {
        // a multi-word name counts as present when its last word is
        return n
            .split(' ')
            .next_back()
            .is_some_and(|last| last.chars().count() >= 3 && target_lower.contains(last));
    }
    target_words
        .iter()
        .any(|w| strsim::normalized_levenshtein(w, &n) >= 0.7)
}

/// Capitalised words inside sentences of the source that are not common English words.
/// Only words next to another capitalised word (Aravind Srinivas) are taken: single unknown
/// capitalised words are mostly demonyms and terms German renders in its own way (Cylons ->
/// Zylonen, Greenlandic -> grönländisch).
fn source_names(source: &str, wf: &WordFreq) -> Vec<String> {
    let mut out = Vec::new();
    let mut sentence_start = true;
    let raws: Vec<&str> = source.split_whitespace().collect();
    let cap = |k: usize| {
        raws.get(k).is_some_and(|r| {
            r.trim_matches(|c: char| !c.is_alphanumeric())
                .chars()
                .next()
                .is_some_and(char::is_uppercase)
        })
    };
    for (k, raw) in raws.iter().enumerate() {
        if !(cap(k + 1) || (k > 0 && cap(k - 1))) {
            sentence_start = raw.ends_with(['.', '!', '?', ':', '"', '”']);
            continue;
        }
        let w = raw.trim_matches(|c: char| !c.is_alphanumeric());
        let starts = sentence_start || raw.starts_with(['"', '“', '‘', '\'', '(']);
        sentence_start = raw.ends_with(['.', '!', '?', ':', '"', '”']);
        if starts || w.chars().count() < 4 || !w.chars().all(char::is_alphabetic) {
            continue;
        }
        if !w.chars().next().is_some_and(char::is_uppercase) {
            continue;
        }
        if wf.en_zipf(w).is_some_and(|z| z >= 2.5) || wf.de_zipf(w).is_some_and(|z| z >= 3.0) {
            continue;
        }
        if !out.iter().any(|o: &String| o == w) {
            out.push(w.to_string());
        }
    }
    out
}

impl Rule for SourceName {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, doc: &Document, cx: &mut Context<'_>) {
        let names = &cx.lex.names;
        let wf = WordFreq::builtin();
        let mut out = Vec::new();
        for u in aligned(doc) {
            let target = &doc.view[u.start..u.end];
            let lower = target.to_lowercase();
            let words: Vec<String> = lower
                .split(|c: char| !c.is_alphanumeric())
                .filter(|w| !w.is_empty())
                .map(str::to_string)
                .collect();
            let mut reported: Vec<String> = Vec::new();
            for (ni, info) in names.list.iter().enumerate() {
                if !occurs(u.source, &info.name) || lower.contains(&info.name.to_lowercase()) {
                    continue;
                }
                let mut literal = None;
                for e in names.literal.entries().iter().filter(|e| e.data == ni) {
                    for t in u.tok_start..u.tok_end {
                        if let Some(m) = e.pattern.match_at(doc, t, u.tok_end, e.case) {
                            literal = Some(m);
                            break;
                        }
                    }
                    if literal.is_some() {
                        break;
                    }
                }
                match literal {
                    _ if literal.is_none() && present(&lower, &words, &info.name) => {}
                    Some(m) => {
                        reported.push(info.name.clone());
                        let (s, e) = (doc.tok(m.mark_start).start, doc.tok(m.mark_end - 1).end);
                        out.push((
                            Severity::Critical,
                            s,
                            e,
                            format!(
                                "The source has the name {}; {} translates it as ordinary words.",
                                info.name,
                                q(&doc.view[s..e])
                            ),
                            Some(info.name.clone()),
                        ));
                    }
                    // a name made of common English words (The Sun, Galaxy) may be the word itself
                    None if info
                        .words
                        .iter()
                        .all(|w| wf.en_zipf(w).is_some_and(|z| z >= 3.0)) => {}
                    // „Llama 3“ after „Lama“ was reported for Llama: one finding is enough
                    None if reported.iter().any(|r| info.name.starts_with(r.as_str())) => {}
                    None => {
                        reported.push(info.name.clone());
                        out.push((
                            Severity::Minor,
                            u.start,
                            u.end,
                            format!(
                                "The source names {} ({}); the translation does not.",
                                info.name, info.kind
                            ),
                            None,
                        ))
                    }
                }
            }
            for name in source_names(u.source, wf) {
                if reported.iter().any(|r| r.contains(&name)) || present(&lower, &words, &name) {
                    continue;
                }
                out.push((
                    Severity::Minor,
                    u.start,
                    u.end,
                    format!("The source names {name}; the translation does not."),
                    None,
                ));
            }
        }
        for (sev, s, e, m, sug) in out {
            cx.report_as(&META, sev, s, e, m, sug);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::run;

    #[test]
    fn literal_name_is_critical_without_context_cues() {
        let got = run(
            &SourceName,
            "Perplexity said so. ⇒ Die Verwirrung sagte das.",
        );
        assert_eq!(
            got,
            vec![("Verwirrung".to_string(), Some("Perplexity".to_string()))]
        );
    }

    #[test]
    fn names_in_another_form_count() {
        for ok in [
            "Srinivas's plan ⇒ Srinivas' Plan",
            "Tchaikovsky wrote it. ⇒ Das schrieb Tschaikowsky.",
            "The Perplexity CEO ⇒ Der Perplexity-CEO",
        ] {
            assert!(run(&SourceName, ok).is_empty(), "{ok}");
        }
    }
}
