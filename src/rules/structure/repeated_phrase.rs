//! `repeated-phrase`: a phrase or word that machine translation emitted twice.

use std::collections::HashMap;

use super::is_function_word;
use crate::document::Document;
use crate::finding::Severity;
use crate::rules::{q, Context, Rule, RuleMeta};

/// See [`META`].
pub struct RepeatedPhrase;

static META: RuleMeta = RuleMeta {
    id: "repeated-phrase",
    category: "accuracy/addition",
    severity: Severity::Minor,
    summary: "A phrase repeated in one sentence, a doubled word, or a garble such as „nach Meta von Meta“.",
    flags: "In one sentence: the same phrase of three or more words twice within a few words, when \
            it carries at least two content words; a name repeated around „von“ (Meta von Meta); \
            a content word written twice in a row. Legitimate German doubles such as „die die“ or \
            „das das“ are left alone.",
    why: "Repetition is a typical decoding failure of machine translation and makes the sentence \
          unreadable or changes who did what.",
    example: "Wang, der sich nach Meta von Meta anschloss.",
    instead: "Wang, der sich Meta anschloss.",
    positives: &[
        "Wang, der sich nach Meta von Meta anschloss.",
        "Die neue Strategie des Konzerns, die neue Strategie des Konzerns, überzeugt.",
        "Das Modell Modell ist neu.",
    ],
    negatives: &[
        "Die Leute, die die Geschwindigkeit priorisieren.",
        "Von Haus zu Haus, Schritt für Schritt.",
        "Es geht um Geld, es geht um Macht.",
    ],
};

fn content(doc: &Document, t: usize) -> bool {
    doc.is_word(t) && doc.norm(t).chars().count() >= 4 && !is_function_word(doc.norm(t))
}

impl Rule for RepeatedPhrase {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, doc: &Document, cx: &mut Context<'_>) {
        for sent in &doc.sentences {
            let words: Vec<usize> = (sent.tok_start..sent.tok_end).filter(|&t| doc.is_word(t)).collect();
            let mut flagged_until = 0usize;
            // doubled word and X von X
            for (k, &t) in words.iter().enumerate() {
                let Some(&n) = words.get(k + 1) else { break };
                if n == t + 1 && doc.norm(t) == doc.norm(n) && content(doc, t) {
                    let (s, e) = (doc.tok(n).start, doc.tok(n).end);
                    cx.report(&META, s, e, format!("The word {} is doubled.", q(doc.text(n))), Some(String::new()));
                    flagged_until = e;
                }
                if let Some(&x2) = words.get(k + 2) {
                    let cap = doc.text(t).chars().next().is_some_and(char::is_uppercase);
                    if cap && n == t + 1 && x2 == t + 2 && doc.norm(n) == "von" && doc.text(t) == doc.text(x2) {
                        let prep = k > 0 && words[k - 1] + 1 == t && matches!(doc.norm(words[k - 1]), "nach" | "zu" | "bei" | "mit" | "an");
                        if prep {
                            let (s, e) = (doc.tok(n).start, doc.tok(x2).end);
                            cx.report(
                                &META,
                                s,
                                e,
                                format!("{} repeats the name around „von“, a garbled construction.", q(&doc.view[doc.tok(t).start..e])),
                                Some(String::new()),
                            );
                            flagged_until = e;
                        }
                    }
                }
            }
            // the same n-gram (n >= 3) twice, close together
            let mut seen: HashMap<Vec<&str>, usize> = HashMap::new();
            for n in (3..=6).rev() {
                for k in 0..words.len().saturating_sub(n - 1) {
                    let gram = &words[k..k + n];
                    if gram.windows(2).any(|w| w[1] - w[0] > 2) {
                        continue;
                    }
                    if gram.iter().filter(|&&t| content(doc, t)).count() < 2 {
                        continue;
                    }
                    let key: Vec<&str> = gram.iter().map(|&t| doc.norm(t)).collect();
                    match seen.get(&key) {
                        Some(&first_end) if k >= first_end && k - first_end <= 4 => {
                            let (s, e) = (doc.tok(gram[0]).start, doc.tok(gram[n - 1]).end);
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
                        Some(_) => {}
                        None => {
                            seen.insert(key, k + n);
                        }
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
        assert_eq!(flagged(&RepeatedPhrase, "Wang schloss sich nach Meta von Meta an."), ["von Meta"]);
    }
}
