//! `addition`: a target sentence that has no counterpart in the source (hallucination).

use super::align::{self, letters, Alignment};
use super::{aligned, Aligned};
use crate::document::Document;
use crate::finding::Severity;
use crate::rules::{declare_rule, Context, Rule, RuleMeta};

/// Above this target/source length ratio, one of two target sentences aligned with one source
/// sentence is taken for an addition. English to German runs about 1.14; 99.5 % of the
/// well-rated units of `mqm_ted_ende.tsv` stay below 1.62.
pub const LONG: f64 = 2.2;
/// A target sentence with fewer letters is not judged (Ja. Genau. Danke.).
pub const MIN_LETTERS: usize = 30;

declare_rule! {
    /// A sentence in the translation that the source does not have.
    ///
    /// ## What it flags
    /// After aligning the sentences of a unit with those of its English source (by length and
    /// by numbers and marks), a German sentence of 30 letters or more that no source sentence
    /// stands for: either the alignment leaves it without a partner (and it does not fit into a
    /// neighbouring pair, as the third piece of a long English sentence would), or it is one of two
    /// German sentences for one English sentence and together they are more than 2.2 times as
    /// long (German runs about 1.14 times the English); the one that fits the source worse is
    /// reported. Needs a source; silent without one.
    ///
    /// ## Why
    /// Machine translation, above all large language models, sometimes adds a sentence that
    /// reads fluently and was never in the source: a claim the author never made.
    ///
    /// ## Example
    /// ```text
    /// Revenue rose by 12 percent in the third quarter. ⇒ Der Umsatz stieg im dritten Quartal um 12 Prozent. Der Papst lobte gestern in Rom überraschend das Brot einer kleinen Bäckerei.
    /// ```
    ///
    /// ## Instead
    /// ```text
    /// Der Umsatz stieg im dritten Quartal um 12 Prozent.
    /// ```
    pub struct Addition;

    static META = {
        id: "addition",
        category: "accuracy/addition",
        severity: Severity::Minor,
        positives: &[
            "Revenue rose by 12 percent in the third quarter. ⇒ Der Umsatz stieg im dritten Quartal um 12 Prozent. Der Papst lobte gestern in Rom überraschend das Brot einer kleinen Bäckerei.",
        ],
        negatives: &[
            "Revenue rose by 12 percent. ⇒ Der Umsatz stieg um 12 Prozent.",
            "Revenue rose by 12 percent, which surprised the analysts who had expected a loss. ⇒ Der Umsatz stieg um 12 Prozent. Das überraschte die Analysten, die einen Verlust erwartet hatten.",
            "Der Papst lobte gestern in Rom überraschend das Brot einer kleinen Bäckerei.",
        ],
    };
}

/// The added target sentences of one link of `a`, if any.
fn added(a: &Alignment, u: &Aligned<'_>, doc: &Document, link: usize) -> Option<usize> {
    let (s, t) = &a.links[link];
    if t.is_empty() {
        return None;
    }
    let text = |j: usize| align::token_text(doc, &a.target_tokens(&(j..j + 1)));
    if s.is_empty() {
        // a long English sentence split into three German ones leaves one without a partner
        if a.fits_neighbour(doc, u, link, 0.0, LONG) {
            return None;
        }
        return Some(t.start).filter(|&j| letters(text(j)) >= MIN_LETTERS);
    }
    if t.len() < 2 || s.len() != 1 {
        return None;
    }
    let source = a.source_text(u, s).trim();
    let target = align::token_text(doc, &a.target_tokens(t));
    let ratio = target.chars().count() as f64 / source.chars().count().max(1) as f64;
    if ratio <= LONG || letters(source) < MIN_LETTERS {
        return None;
    }
    t.clone()
        .map(|j| (j, align::fit(source, text(j))))
        .max_by(|x, y| x.1.total_cmp(&y.1))
        .map(|(j, _)| j)
        .filter(|&j| letters(text(j)) >= MIN_LETTERS)
}

impl Rule for Addition {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, doc: &Document, cx: &mut Context<'_>) {
        for u in aligned(doc) {
            let a = align::align(doc, &u);
            for k in 0..a.links.len() {
                let Some(j) = added(&a, &u, doc, k) else {
                    continue;
                };
                let span = align::token_span(doc, &a.target_tokens(&(j..j + 1)));
                cx.report(
                    &META,
                    span.start,
                    span.end,
                    "This sentence has no counterpart in the source; the translation may have added it."
                        .to_string(),
                    None,
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
    fn the_added_sentence_is_marked() {
        let text = "The company deployed new chips last year. Revenue rose by 12 percent. ⇒ \
                    Das Unternehmen setzte letztes Jahr neue Chips ein. Der Papst besuchte gestern \
                    überraschend eine Bäckerei in Rom und lobte das Brot. Der Umsatz stieg um 12 Prozent.";
        let got = run(&Addition, text);
        assert_eq!(got.len(), 1, "{got:?}");
        assert!(got[0].0.starts_with("Der Papst"), "{got:?}");
    }

    #[test]
    fn a_run_on_sentence_split_in_three_is_not_an_addition() {
        let text =
            "I do apologise about this, as the account holder is not yourself we would need \
                    her to contact us to confirm her details, once she has done this we can then \
                    look at the previous correspondence for you. ⇒ Ich entschuldige mich dafür, da \
                    Sie nicht der Kontoinhaber sind. Sie müsste uns kontaktieren, um ihre Daten zu \
                    bestätigen. Danach können wir uns die vorherige Korrespondenz für Sie ansehen.";
        assert!(run(&Addition, text).is_empty());
    }

    #[test]
    fn a_sentence_split_in_two_is_not_an_addition() {
        let text = "The chips, which the company tested on three continents, worked well. ⇒ \
                    Die Chips funktionierten gut. Das Unternehmen hatte sie auf drei Kontinenten getestet.";
        assert!(run(&Addition, text).is_empty());
    }
}
