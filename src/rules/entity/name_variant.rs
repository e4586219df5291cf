//! `name-variant`: a name spelled slightly differently from a known name or from the same
//! name elsewhere in the document (Zuckerburg for Zuckerberg).

use std::collections::HashMap;

use strsim::damerau_levenshtein;

use crate::document::Document;
use crate::finding::Severity;
use crate::lexicon::words::WordFreq;
use crate::rules::{q, Context, Rule, RuleMeta};
use crate::text::TokenKind;

/// See [`META`].
pub struct NameVariant;

static META: RuleMeta = RuleMeta {
    id: "name-variant",
    category: "fluency/spelling",
    severity: Severity::Major,
    summary: "A name spelled one letter off a known name (Zuckerburg: major) or off a word the text uses more often (minor).",
    flags: "Capitalised words of six letters or more that are not German or English words, differ \
            by one edit (two for long names) from a name part in the name dictionary or from a \
            name used more often in the same document, and start with the same letter. \
            Inflected forms (Zuckerbergs) are not variants.",
    why: "A misspelled name is a factual error and an embarrassment; spell checkers do not know \
          names and let it through.",
    example: "Mark Zuckerburg enthüllte, was Top-Forscher wollen.",
    instead: "Mark Zuckerberg enthüllte, was Top-Forscher wollen.",
    positives: &["Meta warb Hyung Chung ab.", "Mark Zuckerburg enthüllte, was Forscher wollen.", "Srinivasan sprach. Später sagte Srinivasen dasselbe, und Srinivasan lachte."],
    negatives: &["Meta warb Hyung Won Chung ab.", "Mark Zuckerberg und Zuckerbergs Team.", "Der Vertrag und der Vortrag.", "Die Zeitung und die Zeitungen."],
};

fn name_like(doc: &Document, t: usize, lex: &WordFreq) -> bool {
    let w = doc.text(t);
    doc.tok(t).kind == TokenKind::Word
        && w.chars().count() >= 6
        && w.chars().next().is_some_and(char::is_uppercase)
        && w.chars().skip(1).all(char::is_lowercase)
        && lex.de_zipf(doc.norm(t)).is_none_or(|z| z < 2.5)
        && lex.en_zipf(doc.norm(t)).is_none_or(|z| z < 3.0)
}

/// `w` without a German inflection ending (Lahnsteins, Lahnsteiner -> Lahnstein).
fn stem(w: &str) -> &str {
    for end in ["ern", "er", "en", "es", "s", "n", "e"] {
        if let Some(s) = w.strip_suffix(end) {
            if s.chars().count() >= 4 {
                return s;
            }
        }
    }
    w
}

/// `a` and `b` are one edit apart (two for names of ten letters or more), start alike, and do
/// not differ only by an inflection ending.
fn variant(a: &str, b: &str) -> bool {
    if a == b || a.chars().next() != b.chars().next() {
        return false;
    }
    let (la, lb) = (a.chars().count(), b.chars().count());
    if la.abs_diff(lb) > 1 {
        return false;
    }
    let max = if la.min(lb) >= 10 { 2 } else { 1 };
    // one edit leaves the first or the second half of the longer word intact
    if max == 1 {
        let (short, long) = if la <= lb { (a, b) } else { (b, a) };
        let half: usize = long
            .char_indices()
            .nth(long.chars().count() / 2)
            .map_or(long.len(), |(i, _)| i);
        if !short.starts_with(&long[..half]) && !short.ends_with(&long[half..]) {
            return false;
        }
    }
    let (short, long) = if la <= lb { (a, b) } else { (b, a) };
    let fold = |w: &str| -> String {
        stem(w)
            .replace('ä', "a")
            .replace('ö', "o")
            .replace('ü', "u")
    };
    if long.starts_with(short) || fold(a) == fold(b) {
        return false;
    }
    damerau_levenshtein(a, b) <= max
}

impl Rule for NameVariant {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, doc: &Document, cx: &mut Context<'_>) {
        let lex = WordFreq::builtin();
        let names = &cx.lex.names;
        // how often each name-like word occurs: the usual spelling of a name in this text
        let mut counts: HashMap<&str, usize> = HashMap::new();
        let like: Vec<bool> = (0..doc.tokens.len())
            .map(|t| name_like(doc, t, lex))
            .collect();
        for t in (0..doc.tokens.len()).filter(|&t| like[t]) {
            {
                *counts.entry(doc.text(t)).or_default() += 1;
            }
        }
        // a known person with the middle part dropped: „Hyung Chung“ for Hyung Won Chung
        for t in 0..doc.tokens.len().saturating_sub(1) {
            if names.without_middle.is_empty()
                || !doc.is_word(t)
                || !doc.is_word(t + 1)
                || !doc.tok(t + 1).space_before
            {
                continue;
            }
            let Some(lasts) = names.without_middle.get(doc.text(t)) else {
                continue;
            };
            let Some(&(_, idx)) = lasts.iter().find(|(last, _)| last == doc.text(t + 1)) else {
                continue;
            };
            let full = names.list[idx].name.clone();
            let (s, e) = (doc.tok(t).start, doc.tok(t + 1).end);
            let msg = format!(
                "{} drops part of the name {}.",
                q(&doc.view[s..e]),
                q(&full)
            );
            cx.report(&META, s, e, msg, Some(full));
        }
        // the words used at least twice, by first letter and length, to compare against
        let mut frequent: HashMap<(char, usize), Vec<(&str, usize)>> = HashMap::new();
        for (&word, &n) in &counts {
            if n >= 2 {
                let first = word.chars().next().unwrap_or_default();
                frequent
                    .entry((first, word.chars().count()))
                    .or_default()
                    .push((word, n));
            }
        }
        for t in (0..doc.tokens.len()).filter(|&t| like[t]) {
            let w = doc.text(t);
            if names.part_index.contains_key(w) {
                continue;
            }
            let first = w.chars().next().unwrap_or_default();
            // a near miss of a dictionary name counts when it is long and the name's only word,
            // or when the neighbouring word is the name's neighbouring word (Mark Zuckerburg)
            let confirmed = |p: &str| {
                names.part_index.owners(p).iter().any(|&(idx, pos)| {
                    let words = &names.list[idx].words;
                    let before = pos > 0 && t > 0 && doc.text(t - 1) == words[pos - 1];
                    let after = pos + 1 < words.len()
                        && t + 1 < doc.tokens.len()
                        && doc.text(t + 1) == words[pos + 1];
                    (words.len() == 1 && w.chars().count() >= 8) || before || after
                })
            };
            let len = w.chars().count();
            let known = (len - 1..=len + 1)
                .flat_map(|l| names.part_index.get_by_first(first, l))
                .filter(|p| p.to_lowercase() != w.to_lowercase())
                .find(|p| variant(w, p) && confirmed(p))
                .map(|p| p.to_string());
            let tok = doc.tok(t);
            if let Some(fix) = known {
                let msg = format!("{} looks like a misspelling of the name {}.", q(w), q(&fix));
                cx.report(&META, tok.start, tok.end, msg, Some(fix));
                continue;
            }
            // a long word one letter off a spelling used more often in this text; short names
            // (Maier, Meier, Graber, Gruber) are too often different people to compare
            let own = counts.get(w).copied().unwrap_or(0);
            let in_doc = (len >= 8)
                .then(|| {
                    (len - 1..=len + 1)
                        .filter_map(|l| frequent.get(&(first, l)))
                        .flatten()
                        .filter(|(other, n)| *n > own && variant(w, other))
                        .map(|(other, _)| other.to_string())
                        .min()
                })
                .flatten();
            if let Some(fix) = in_doc {
                let msg = format!(
                    "{} looks like a misspelling of {}, which the text uses elsewhere.",
                    q(w),
                    q(&fix)
                );
                cx.report_as(&META, Severity::Minor, tok.start, tok.end, msg, Some(fix));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::run;

    #[test]
    fn proposes_the_known_name() {
        assert_eq!(
            run(&NameVariant, "Mark Zuckerburg kam."),
            vec![("Zuckerburg".into(), Some("Zuckerberg".into()))]
        );
        assert!(variant("Srinivasen", "Srinivasan"));
        assert!(!variant("Zuckerbergs", "Zuckerberg"));
    }
}
