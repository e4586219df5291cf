//! `inconsistent-term`: two variants of one term in one document (KI and AI, Foto and Photo).

use crate::document::Document;
use crate::finding::Severity;
use crate::lexicon::Names;
use crate::rules::{declare_rule, q, Context, Rule, RuleMeta};
use crate::text::token::{norm_hash, normalise};
use crate::text::TokenKind;

declare_rule! {
    /// Two variants of one term in one document (KI next to AI, Foto next to Photo).
    ///
    /// ## What it flags
    /// Pairs of variants where German prefers the first (KI/AI, Foto/Photo, Telefon/Telephon,
    /// Grafik/Graphik, Start-up/Startup …), as words and as parts of hyphenated compounds
    /// (AI-Infrastruktur). The less frequent variant is flagged when both occur; names that contain
    /// the variant (Scale AI, Mistral AI) do not count.
    ///
    /// ## Why
    /// Machine translation translates a term in one sentence and leaves it in English in the next;
    /// readers wonder whether two things are meant.
    ///
    /// ## Example
    /// ```text
    /// Meta baut KI-Modelle und investiert Milliarden in die AI-Infrastruktur.
    /// ```
    ///
    /// ## Instead
    /// ```text
    /// Meta baut KI-Modelle und investiert Milliarden in die KI-Infrastruktur.
    /// ```
    pub struct InconsistentTerm;

    static META = {
        id: "inconsistent-term",
        category: "terminology/inconsistent",
        severity: Severity::Minor,
        positives: &["Meta baut KI-Modelle und investiert in die AI-Infrastruktur. Die KI wächst."],
        negatives: &[
            "Meta baut KI-Modelle und investiert in die KI-Infrastruktur.",
            "Scale AI liefert Daten für KI-Modelle.",
            "Startups wie Runway AI bauen KI-Videomodelle.",
        ],
    };
}

/// (preferred, variant): both are token forms (case-sensitive).
const PAIRS: &[(&str, &str)] = &[
    ("KI", "AI"),
    ("Foto", "Photo"),
    ("Fotos", "Photos"),
    ("Grafik", "Graphik"),
    ("Telefon", "Telephon"),
    ("E-Mail", "Email"),
    ("Start-up", "Startup"),
    ("Start-ups", "Startups"),
];

/// The dictionary names with the word `word`, as tokens: the names a form starting with
/// `word` can be part of.
fn names_with(names: &Names, word: &str) -> Vec<Vec<String>> {
    names
        .with_word(word)
        .map(|n| {
            let toks = crate::text::token::tokenize(&n.name);
            toks.list
                .iter()
                .map(|t| n.name[t.start..t.end].to_string())
                .collect()
        })
        .collect()
}

/// The tokens whose text is the first word of some form of [`PAIRS`], found in one pass
/// over the document: a token is compared only when its hash passes a 64-bit filter.
fn candidates(doc: &Document) -> Vec<usize> {
    let firsts: Vec<&str> = PAIRS
        .iter()
        .flat_map(|(a, b)| [*a, *b])
        .map(|f| f.split('-').next().unwrap_or(f))
        .collect();
    let filter = firsts.iter().fold(0u64, |m, f| {
        m | 1 << (norm_hash(normalise(f).as_bytes()) & 63)
    });
    (0..doc.tokens.len())
        .filter(|&t| filter & (1 << (doc.tokens.norm_hash(t) & 63)) != 0)
        .filter(|&t| firsts.contains(&doc.text(t)))
        .collect()
}

/// Token positions of `form` as a word or hyphenated compound part; `E-Mail`-style forms span
/// three tokens. Only the tokens of `starts` are tried.
fn positions(
    doc: &Document,
    form: &str,
    starts: &[usize],
    dictionary: &Names,
) -> Vec<(usize, usize)> {
    let parts: Vec<&str> = crate::text::token::tokenize(form)
        .list
        .iter()
        .map(|t| &form[t.start..t.end])
        .collect();
    // looked up only when the form occurs: most documents have no variant at all
    let mut names: Option<Vec<Vec<String>>> = None;
    let n = doc.tokens.len();
    let mut out = Vec::new();
    for &t in starts {
        if t + parts.len() > n || doc.tok(t).kind == TokenKind::Opaque {
            continue;
        }
        if !(0..parts.len())
            .all(|k| doc.text(t + k) == parts[k] && (k == 0 || !doc.tok(t + k).space_before))
        {
            continue;
        }
        let end = t + parts.len();
        // a longer word around it (AIs, KIs are fine; AIR is not AI)
        if end < n && !doc.tok(end).space_before && doc.is_word(end) {
            continue;
        }
        if t > 0 && !doc.tok(t).space_before && doc.is_word(t - 1) {
            continue;
        }
        // part of a listed name: „Scale AI“
        let names = names.get_or_insert_with(|| names_with(dictionary, parts[0]));
        let in_name = names.iter().any(|name| {
            let k = name.len();
            k > parts.len()
                && (0..=k - parts.len()).any(|off| {
                    t >= off && t - off + k <= n && (0..k).all(|j| doc.text(t - off + j) == name[j])
                })
        });
        // „Runway AI“, „Voice AI“: after a capitalised word the variant is part of a name
        let after_name = t > 0
            && doc.tok(t).space_before
            && doc.is_word(t - 1)
            && doc.text(t - 1).starts_with(|c: char| c.is_uppercase())
            && form.chars().all(|c| c.is_ascii_uppercase());
        if !in_name && !after_name {
            out.push((t, end));
        }
    }
    out
}

impl Rule for InconsistentTerm {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, doc: &Document, cx: &mut Context<'_>) {
        let names = &cx.lex.names;
        let starts = candidates(doc);
        if starts.is_empty() {
            return;
        }
        let units = super::units(doc);
        for (preferred, variant) in PAIRS {
            let all_a = positions(doc, preferred, &starts, names);
            if all_a.is_empty() {
                continue;
            }
            let all_b = positions(doc, variant, &starts, names);
            for unit in &units {
                let within = |v: &[(usize, usize)]| -> Vec<(usize, usize)> {
                    v.iter().copied().filter(|p| unit.contains(&p.0)).collect()
                };
                let (a, b) = (within(&all_a), within(&all_b));
                if a.is_empty() || b.is_empty() {
                    continue;
                }
                let (flag, other, fix) = if b.len() <= a.len() {
                    (&b, preferred, preferred)
                } else {
                    (&a, variant, variant)
                };
                let other_word = other.to_string();
                for &(s, e) in flag {
                    let (start, end) = (doc.tok(s).start, doc.tok(e - 1).end);
                    cx.report(
                        &META,
                        start,
                        end,
                        format!(
                            "The text also writes {}; use one form throughout.",
                            q(&other_word)
                        ),
                        Some(fix.to_string()),
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
    fn flags_the_minority() {
        assert_eq!(
            flagged(&InconsistentTerm, "KI hier, KI dort, AI-Modelle."),
            ["AI"]
        );
    }
}
