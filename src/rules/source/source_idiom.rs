//! `source-idiom`: an English idiom, proverb, phrasal verb or fixed phrase of the source that
//! the German target renders word by word, found from the English side with the bilingual
//! phrase dictionary (`data/bilingual/source_phrases.csv`).

use super::{align, aligned};
use crate::bilingual::{english, Kind, SourcePhrases};
use crate::document::Document;
use crate::finding::Severity;
use crate::rules::{declare_rule, q, Context, Rule, RuleMeta};

declare_rule! {
    /// An English idiom of the source translated word by word.
    ///
    /// ## What it flags
    /// An idiom, proverb, phrasal verb or fixed phrase of the bilingual phrase dictionary found
    /// in the English source (in any inflection, with its object between verb and particle),
    /// whose aligned German sentence holds a literal rendering (the idiom's images or words
    /// translated one by one) and none of the German equivalents the dictionary accepts. The
    /// finding marks the literal words. Needs a source; silent without one.
    ///
    /// ## Why
    /// A literal idiom is nonsense or a different statement in German: es regnet Katzen und
    /// Hunde makes a reader stumble, and auf dem Markt für does not say that someone wants to
    /// buy.
    ///
    /// ## Example
    /// ```text
    /// It's raining cats and dogs. ⇒ Es regnet Katzen und Hunde.
    /// ```
    ///
    /// ## Instead
    /// ```text
    /// Es regnet in Strömen.
    /// ```
    pub struct SourceIdiom;

    static META = {
        id: "source-idiom",
        category: "accuracy/mistranslation",
        severity: Severity::Major,
        positives: &[
            "It's raining cats and dogs. ⇒ Es regnet Katzen und Hunde.",
            "Don't make a mountain out of a molehill. ⇒ Mach keinen Berg aus einem Maulwurfshügel.",
            "They broke the deal up last year. ⇒ Sie versuchten, den Deal aufzubrechen.",
            "I am in the market for a new car. ⇒ Ich bin auf dem Markt für ein neues Auto.",
        ],
        negatives: &[
            "It's raining cats and dogs. ⇒ Es regnet in Strömen.",
            "Don't make a mountain out of a molehill. ⇒ Mach nicht aus einer Mücke einen Elefanten.",
            "They broke the band up last year. ⇒ Sie lösten die Band letztes Jahr auf.",
            "Es regnet Katzen und Hunde.",
        ],
    };
}

/// The words of the English entry for a message: the dictionary's form.
fn english_of(e: &str) -> String {
    e.replace(" sth", " …")
        .replace(" sb", " …")
        .replace(" '", "'")
}

impl Rule for SourceIdiom {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, doc: &Document, cx: &mut Context<'_>) {
        let units = aligned(doc);
        if units.is_empty() {
            // without a source the table is not needed: do not pay for compiling it
            return;
        }
        let table = SourcePhrases::builtin();
        for u in units {
            let words = english::words(u.source);
            let list: Vec<String> = words.iter().map(|(w, _, _)| w.clone()).collect();
            let found = table.find(&list);
            if found.is_empty() {
                continue;
            }
            let pairs = align::pairs(doc, &u);
            let mut reported: Vec<(usize, usize)> = Vec::new();
            for m in found {
                let entry = &table.entries[m.entry];
                let target = align::target_of(&pairs, &u, words[m.start].1);
                let Some(lit) = entry
                    .literal
                    .iter()
                    .find_map(|l| l.found_in(doc, target.clone()))
                else {
                    continue;
                };
                let whole = u.tok_start..u.tok_end;
                if entry
                    .accepted
                    .iter()
                    .any(|a| a.found_in(doc, whole.clone(), &lit))
                {
                    continue;
                }
                let (Some(&a), Some(&b)) = (lit.first(), lit.last()) else {
                    continue;
                };
                let (s, e) = (doc.tok(a).start, doc.tok(b).end);
                if reported.iter().any(|&(x, y)| x < e && s < y) {
                    continue;
                }
                reported.push((s, e));
                let what = match entry.kind {
                    Kind::Idiom => "idiom",
                    Kind::Proverb => "saying",
                    Kind::Phrasal => "phrasal verb",
                    Kind::Phrase => "phrase",
                };
                let suggestion = entry.accepted.first().map(|a| a.text.clone());
                cx.report(
                    &META,
                    s,
                    e,
                    format!(
                        "{} renders the English {what} “{}” word by word; German says {}.",
                        q(&doc.view[s..e]),
                        english_of(&entry.english),
                        q(suggestion.as_deref().unwrap_or_default())
                    ),
                    suggestion,
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::{flagged, run};

    #[test]
    fn literal_idiom_is_flagged_on_its_words() {
        let got = run(
            &SourceIdiom,
            "It's raining cats and dogs. ⇒ Es regnet Katzen und Hunde.",
        );
        assert_eq!(
            got,
            vec![(
                "Katzen und Hunde".to_string(),
                Some("es regnet in Strömen".to_string())
            )]
        );
    }

    #[test]
    fn flagged_in_the_aligned_sentence_only() {
        let got = flagged(
            &SourceIdiom,
            "We met in May. Prices make up 30% of the costs. ⇒ Wir trafen uns im Mai. Die Preise machen 30 % der Kosten oben.",
        );
        assert_eq!(got, vec!["oben"]);
    }

    #[test]
    fn accepted_renderings_pass() {
        for ok in [
            "Prices make up 30% of the costs. ⇒ Die Preise machen 30 % der Kosten aus.",
            "We are in the market for a new car. ⇒ Wir suchen ein neues Auto.",
            "Let's end on a positive note. ⇒ Zum Schluss etwas Positives.",
            "The early bird catches the worm. ⇒ Der frühe Vogel fängt den Wurm.",
        ] {
            assert!(flagged(&SourceIdiom, ok).is_empty(), "{ok}");
        }
    }

    #[test]
    fn phrase_with_literal_reading_needs_the_idiom() {
        // the market for smartphones is a market
        assert!(flagged(
            &SourceIdiom,
            "Competition in the market for phones grew. ⇒ Der Wettbewerb auf dem Markt für Telefone wuchs."
        )
        .is_empty());
        assert_eq!(
            flagged(
                &SourceIdiom,
                "I am in the market for a new car. ⇒ Ich bin auf dem Markt für ein neues Auto."
            ),
            vec!["Markt für"]
        );
    }
}
