//! `article-gender`: an article that no case of the noun's gender allows (die Konflikt,
//! das Strategie, ein Entscheidung).

use std::collections::HashMap;
use std::sync::LazyLock;

use crate::document::Document;
use crate::finding::Severity;
use crate::rules::{declare_rule, q, Context, Rule, RuleMeta};
use crate::text::TokenKind;

declare_rule! {
    /// An article that does not fit the noun's gender in any case (die Konflikt, das Strategie).
    ///
    /// ## What it flags
    /// An article directly before one of about 150 frequent news nouns (or a compound ending in
    /// one) whose gender rules that article out in every case and number: das, ein or eine with the
    /// wrong gender, der/die/den/dem/des where neither the singular nor the plural reading fits.
    /// Nouns whose plural equals their singular are only checked where the plural cannot explain
    /// the article.
    ///
    /// ## Why
    /// Machine translation takes the gender from the English context or from another German word; a
    /// wrong article is an immediate sign of an unedited translation.
    ///
    /// ## Example
    /// ```text
    /// Das Strategie des Konzerns ist klar, doch die Konflikt bleibt.
    /// ```
    ///
    /// ## Instead
    /// ```text
    /// Die Strategie des Konzerns ist klar, doch der Konflikt bleibt.
    /// ```
    pub struct ArticleGender;

    static META = {
        id: "article-gender",
        category: "fluency/grammar",
        severity: Severity::Minor,
        positives: &[
            "Das Strategie des Konzerns ist klar.",
            "Doch die Konflikt bleibt.",
            "Er traf ein Entscheidung.",
            "Sie nannte eine Handelskonflikt.",
        ],
        negatives: &[
            "Die Strategie des Konzerns ist klar.",
            "Doch der Konflikt bleibt.",
            "Die Sprecher der Unternehmen schwiegen.",
            "Das Kind, das Angst hat, weint.",
            "Die Zahl der Konflikte steigt.",
            "Und das Preis - Leistungs - Verhältnis stimmt.",
        ],
    };
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Gender {
    M,
    F,
    N,
}

/// (noun, gender, plural equals singular)
const NOUNS: &[(&str, Gender, bool)] = &[
    ("konflikt", Gender::M, false),
    ("markt", Gender::M, false),
    ("vertrag", Gender::M, false),
    ("bericht", Gender::M, false),
    ("vorstand", Gender::M, false),
    ("konzern", Gender::M, false),
    ("umsatz", Gender::M, false),
    ("gewinn", Gender::M, false),
    ("plan", Gender::M, false),
    ("streit", Gender::M, false),
    ("krieg", Gender::M, false),
    ("erfolg", Gender::M, false),
    ("versuch", Gender::M, false),
    ("schritt", Gender::M, false),
    ("zugang", Gender::M, false),
    ("ansatz", Gender::M, false),
    ("kunde", Gender::M, false),
    ("preis", Gender::M, false),
    ("kurs", Gender::M, false),
    ("wettbewerb", Gender::M, false),
    ("vorsprung", Gender::M, false),
    ("angriff", Gender::M, false),
    ("einfluss", Gender::M, false),
    ("wandel", Gender::M, true),
    ("fehler", Gender::M, true),
    ("chip", Gender::M, false),
    ("forscher", Gender::M, true),
    ("sprecher", Gender::M, true),
    ("server", Gender::M, true),
    ("investor", Gender::M, false),
    ("standort", Gender::M, false),
    ("betrieb", Gender::M, false),
    ("haushalt", Gender::M, false),
    ("rückgang", Gender::M, false),
    ("anstieg", Gender::M, false),
    ("zeitraum", Gender::M, false),
    ("strategie", Gender::F, false),
    ("firma", Gender::F, false),
    ("regierung", Gender::F, false),
    ("entscheidung", Gender::F, false),
    ("frage", Gender::F, false),
    ("woche", Gender::F, false),
    ("aktie", Gender::F, false),
    ("branche", Gender::F, false),
    ("krise", Gender::F, false),
    ("studie", Gender::F, false),
    ("entwicklung", Gender::F, false),
    ("forschung", Gender::F, false),
    ("technologie", Gender::F, false),
    ("infrastruktur", Gender::F, false),
    ("kampagne", Gender::F, false),
    ("investition", Gender::F, false),
    ("übernahme", Gender::F, false),
    ("reaktion", Gender::F, false),
    ("leistung", Gender::F, false),
    ("führung", Gender::F, false),
    ("abteilung", Gender::F, false),
    ("division", Gender::F, false),
    ("plattform", Gender::F, false),
    ("software", Gender::F, false),
    ("wirtschaft", Gender::F, false),
    ("politik", Gender::F, false),
    ("stadt", Gender::F, false),
    ("nachricht", Gender::F, false),
    ("zukunft", Gender::F, false),
    ("anlage", Gender::F, false),
    ("einrichtung", Gender::F, false),
    ("verschiebung", Gender::F, false),
    ("vergütung", Gender::F, false),
    ("rechenleistung", Gender::F, false),
    ("freiheit", Gender::F, false),
    ("währung", Gender::F, false),
    ("unternehmen", Gender::N, true),
    ("modell", Gender::N, false),
    ("geld", Gender::N, false),
    ("problem", Gender::N, false),
    ("projekt", Gender::N, false),
    ("ziel", Gender::N, false),
    ("jahr", Gender::N, false),
    ("land", Gender::N, false),
    ("interview", Gender::N, false),
    ("team", Gender::N, false),
    ("ergebnis", Gender::N, false),
    ("gespräch", Gender::N, false),
    ("angebot", Gender::N, false),
    ("kapital", Gender::N, false),
    ("signal", Gender::N, false),
    ("produkt", Gender::N, false),
    ("werkzeug", Gender::N, false),
    ("netzwerk", Gender::N, false),
    ("geschäft", Gender::N, false),
    ("memo", Gender::N, false),
    ("rennen", Gender::N, true),
    ("wachstum", Gender::N, false),
    ("personal", Gender::N, false),
    ("zentrum", Gender::N, false),
    ("labor", Gender::N, false),
    ("feld", Gender::N, false),
    ("gesetz", Gender::N, false),
];

/// [`NOUNS`] by noun.
static BY_NOUN: LazyLock<HashMap<&'static str, (Gender, bool)>> =
    LazyLock::new(|| NOUNS.iter().map(|&(n, g, same)| (n, (g, same))).collect());

fn lookup(word: &str) -> Option<(Gender, bool)> {
    if let Some(&found) = BY_NOUN.get(word) {
        return Some(found);
    }
    // compounds take the gender of their head, the longest listed noun of five bytes or
    // more that leaves at least three bytes before it: Handelskonflikt, Geschäftsmodell
    word.char_indices()
        .map(|(i, _)| i)
        .filter(|&i| i >= 3 && word.len() - i >= 5)
        .find_map(|i| BY_NOUN.get(&word[i..]).copied())
}

/// The article is impossible for a noun of gender `g` (singular, or plural when `same`).
fn impossible(article: &str, g: Gender, same: bool) -> bool {
    use Gender::*;
    let plural_ok = |a: &str| same && matches!(a, "die" | "der" | "den");
    match article {
        "das" => g != N,
        "ein" => g == F,
        "eine" => g != F,
        "einen" => g != M,
        "einem" | "eines" => g == F,
        "einer" => g != F,
        "der" => g == N && !plural_ok("der"),
        "die" => g != F && !plural_ok("die"),
        "den" => g != M && !plural_ok("den"),
        "dem" | "des" => g == F,
        _ => false,
    }
}

fn proper(article: &str, g: Gender) -> &'static str {
    use Gender::*;
    match (article, g) {
        ("das" | "die" | "der", M) => "der",
        ("das" | "der" | "den", F) => "die",
        ("die" | "der", N) => "das",
        ("den", N) => "dem",
        ("dem" | "des", F) => "der",
        ("ein", F) => "eine",
        ("eine" | "einer", M | N) => "ein",
        ("einen", F) => "eine",
        ("einen", N) => "ein",
        ("einem" | "eines", F) => "einer",
        _ => "",
    }
}

impl Rule for ArticleGender {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, doc: &Document, cx: &mut Context<'_>) {
        for sent in &doc.sentences {
            for t in sent.tok_start..sent.tok_end.saturating_sub(1) {
                let a = doc.norm(t);
                if doc.tok(t).kind != TokenKind::Word
                    || !doc.is_word(t + 1)
                    || !doc.tok(t + 1).space_before
                {
                    continue;
                }
                let article = matches!(
                    a,
                    "das"
                        | "ein"
                        | "eine"
                        | "einen"
                        | "einem"
                        | "eines"
                        | "einer"
                        | "der"
                        | "die"
                        | "den"
                        | "dem"
                        | "des"
                );
                let noun = doc.text(t + 1);
                if !article || !noun.starts_with(|c: char| c.is_uppercase()) {
                    continue;
                }
                let Some((g, same)) = lookup(doc.norm(t + 1)) else {
                    continue;
                };
                if !impossible(a, g, same) {
                    continue;
                }
                // „das“ and „die“ after a comma are relative pronouns: „das Kind, das Angst hat“
                if matches!(a, "das" | "die" | "der" | "den" | "dem")
                    && t > sent.tok_start
                    && doc.text(t - 1) == ","
                {
                    continue;
                }
                // a hyphen after the noun makes it the first part of a compound (die Chip-Krise,
                // das Preis - Leistungs - Verhältnis)
                if t + 2 < sent.tok_end && matches!(doc.text(t + 2), "-" | "–") {
                    continue;
                }
                let fix = proper(a, g);
                if fix.is_empty() {
                    continue;
                }
                let article = doc.text(t);
                let fix = if article.starts_with(|c: char| c.is_uppercase()) {
                    crate::rules::capitalise(fix)
                } else {
                    fix.to_string()
                };
                let tok = doc.tok(t);
                cx.report(
                    &META,
                    tok.start,
                    tok.end,
                    format!("{} does not fit the gender of {}.", q(article), q(noun)),
                    Some(fix),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::run;

    #[test]
    fn proposes_the_right_article() {
        assert_eq!(
            run(&ArticleGender, "Das Strategie wirkt."),
            vec![("Das".into(), Some("Die".into()))]
        );
        assert_eq!(
            run(&ArticleGender, "Er sah die Konflikt."),
            vec![("die".into(), Some("der".into()))]
        );
    }
}
