//! `repeated-phrase`: a phrase or word that machine translation emitted twice.

use super::is_function_word;
use crate::document::Document;
use crate::finding::Severity;
use crate::rules::{declare_rule, q, Context, Rule, RuleMeta};

declare_rule! {
    /// A phrase repeated in one sentence, a doubled word, or a garble such as „nach Meta von Meta“.
    ///
    /// ## What it flags
    /// In one sentence: the same phrase of three or more words twice within a few words, when it
    /// carries at least two content words; a name repeated around „von“ (Meta von Meta); a content
    /// word written twice in a row. Legitimate German doubles such as „die die“ or „das das“ are
    /// left alone.
    ///
    /// ## Why
    /// Repetition is a typical decoding failure of machine translation and makes the sentence
    /// unreadable or changes who did what.
    ///
    /// ## Example
    /// ```text
    /// Wang, der sich nach Meta von Meta anschloss.
    /// ```
    ///
    /// ## Instead
    /// ```text
    /// Wang, der sich Meta anschloss.
    /// ```
    pub struct RepeatedPhrase;

    static META = {
        id: "repeated-phrase",
        category: "accuracy/addition",
        severity: Severity::Minor,
        positives: &[
            "Wang, der sich nach Meta von Meta anschloss.",
            "Die neue Strategie des Konzerns, die neue Strategie des Konzerns, überzeugt.",
            "Der Konzern hat hat neue Pläne.",
        ],
        negatives: &[
            "Die Leute, die die Geschwindigkeit priorisieren.",
            "Von Haus zu Haus, Schritt für Schritt.",
            "Es geht um Geld, es geht um Macht.",
            "Vielen vielen Dank, UN-Generalsekretär Butros Butros-Ghali.",
            "Die meisten Fehler wurden gegen 15 Uhr und die meisten Fehler wurden gegen drei Uhr gemeldet.",
        ],
    };
}

/// Doubled for emphasis in ordinary German.
const INTENSIFIERS: &[&str] = &[
    "sehr", "ganz", "immer", "nie", "ja", "nein", "so", "bitte", "danke", "gut", "lange", "weit",
    "mehr", "schnell", "hallo", "nun", "aha", "oh",
];

/// Doubles that German grammar produces: „die die“ (article + relative pronoun), „dass sie sie“.
const LEGIT_DOUBLES: &[&str] = &[
    "der", "die", "das", "den", "dem", "des", "sie", "es", "was", "wer", "ob", "er", "ihr", "wir",
];

/// A lower-case word doubled by a decoding loop (not an intensifier, not a name).
fn doubled(doc: &Document, t: usize, n: usize) -> bool {
    let w = doc.norm(t);
    n == t + 1
        && w == doc.norm(n)
        && doc.text(n).chars().next().is_some_and(char::is_lowercase)
        && !w.starts_with("viel")
        && !INTENSIFIERS.contains(&w)
        && !LEGIT_DOUBLES.contains(&w)
        && doc
            .tokens
            .list
            .get(n + 1)
            .is_none_or(|x| &doc.view[x.start..x.end] != "-" || x.space_before)
}

fn content(doc: &Document, t: usize) -> bool {
    doc.is_word(t) && doc.norm(t).chars().count() >= 4 && !is_function_word(doc.norm(t))
}

impl Rule for RepeatedPhrase {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, doc: &Document, cx: &mut Context<'_>) {
        let mut words: Vec<usize> = Vec::new();
        for sent in &doc.sentences {
            words.clear();
            words.extend((sent.tok_start..sent.tok_end).filter(|&t| doc.is_word(t)));
            let mut flagged_until = 0usize;
            // doubled word and X von X
            for (k, &t) in words.iter().enumerate() {
                let Some(&n) = words.get(k + 1) else { break };
                if doubled(doc, t, n) {
                    let (s, e) = (doc.tok(n).start, doc.tok(n).end);
                    cx.report(
                        &META,
                        s,
                        e,
                        format!("The word {} is doubled.", q(doc.text(n))),
                        Some(String::new()),
                    );
                    flagged_until = e;
                }
                if let Some(&x2) = words.get(k + 2) {
                    let cap = doc.text(t).chars().next().is_some_and(char::is_uppercase);
                    if cap
                        && n == t + 1
                        && x2 == t + 2
                        && doc.norm(n) == "von"
                        && doc.text(t) == doc.text(x2)
                    {
                        let prep = k > 0
                            && words[k - 1] + 1 == t
                            && matches!(
                                doc.norm(words[k - 1]),
                                "nach"
                                    | "zu"
                                    | "bei"
                                    | "mit"
                                    | "an"
                                    | "von"
                                    | "für"
                                    | "aus"
                                    | "über"
                                    | "vor"
                                    | "durch"
                            );
                        if prep {
                            let (s, e) = (doc.tok(n).start, doc.tok(x2).end);
                            cx.report(
                                &META,
                                s,
                                e,
                                format!(
                                    "{} repeats the name around „von“, a garbled construction.",
                                    q(&doc.view[doc.tok(t).start..e])
                                ),
                                Some(String::new()),
                            );
                            flagged_until = e;
                        }
                    }
                }
            }
            // the same n-gram (n >= 3) twice in a row: a decoding loop
            let close = |g: &[usize]| g.windows(2).all(|w| w[1] - w[0] <= 2);
            let hash = |t: usize| doc.tokens.norm_hash(t);
            for n in (3..=6).rev() {
                for k in n..(words.len() + 1).saturating_sub(n) {
                    // most word pairs differ: compare their hashes before their forms
                    if hash(words[k - n]) != hash(words[k]) {
                        continue;
                    }
                    let (first, second) = (&words[k - n..k], &words[k..k + n]);
                    let same = first
                        .iter()
                        .zip(second)
                        .all(|(&a, &b)| doc.norm(a) == doc.norm(b));
                    if !same || !close(first) || !close(second) || second[0] - first[n - 1] > 2 {
                        continue;
                    }
                    if second.iter().filter(|&&t| content(doc, t)).count() < 2 {
                        continue;
                    }
                    let (s, e) = (doc.tok(second[0]).start, doc.tok(second[n - 1]).end);
                    if s >= flagged_until {
                        cx.report(
                            &META,
                            s,
                            e,
                            format!("The phrase {} is repeated.", q(&doc.view[s..e])),
                            Some(String::new()),
                        );
                        flagged_until = e;
                    }
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
    fn flags_the_second_copy() {
        assert_eq!(
            flagged(&RepeatedPhrase, "Wang schloss sich nach Meta von Meta an."),
            ["von Meta"]
        );
    }
}
