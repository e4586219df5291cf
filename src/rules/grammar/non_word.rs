//! `non-word`: a lower-case word that is no German word form, no compound of known parts, in
//! neither frequency lexicon (flimig, freisteitete).

use std::collections::HashMap;

use crate::document::Document;
use crate::finding::Severity;
use crate::lexicon::words::WordFreq;
use crate::morph::Morph;
use crate::rules::{declare_rule, q, Context, Rule, RuleMeta};
use crate::text::TokenKind;

declare_rule! {
    /// A lower-case word that is not a German word (flimig, freisteitete).
    ///
    /// ## What it flags
    /// A lower-case word of at least six letters, in running text, that the morphology does
    /// not know (also with ß for ss, as Swiss German writes it, and at a sentence start),
    /// that is no compound of known parts and not in the German or English frequency
    /// lexicon. Words with digits, capitals inside, hyphens, apostrophes or a full stop
    /// after them (abbreviations), and words inside quotation marks are left alone.
    ///
    /// ## Why
    /// Machine translation invents words when it splits or joins subword pieces wrongly; a
    /// reader stops at a word that does not exist.
    ///
    /// ## Example
    /// ```text
    /// Der Raum war flimig und dunkel.
    /// ```
    ///
    /// ## Instead
    /// ```text
    /// Der Raum war neblig und dunkel.
    /// ```
    pub struct NonWord;

    static META = {
        id: "non-word",
        category: "fluency/spelling",
        severity: Severity::Minor,
        positives: &[
            "Der Raum war flimig und dunkel.",
            "Die Gemeinde freisteitete die Fläche.",
        ],
        negatives: &[
            "Die Sitzung war schwierig.",
            "Das ist ein steuerfreies Angebot.",
            "Die grossen Banken weiss man zu schätzen.",
            "Er sagte „flimig“ und lachte.",
            "Er nutzte das deep learning.",
            "Die Ein- und Ausfuhren stiegen.",
        ],
    };
}

/// The shortest word the rule checks: short words are abbreviations, interjections and
/// foreign function words more often than errors.
const MIN_CHARS: usize = 6;

/// Quotation marks that open or close a quotation.
fn is_quote(s: &str) -> bool {
    matches!(
        s,
        "\"" | "„" | "“" | "”" | "»" | "«" | "‚" | "‘" | "’" | "›" | "‹" | "'"
    )
}

/// `word` is German, English or a frequent word of another language the lexicons know.
fn is_word(word: &str, sentence_start: bool) -> bool {
    let morph = Morph::global();
    let freq = WordFreq::builtin();
    if freq.de_zipf(word).is_some() || freq.en_zipf(word).is_some() {
        return true;
    }
    if morph.is_german(word, sentence_start) {
        return true;
    }
    // Swiss German writes ss for ß: grossen, weiss, Strasse
    word.contains("ss") && morph.is_german(&word.replace("ss", "ß"), sentence_start)
}

impl Rule for NonWord {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, doc: &Document, cx: &mut Context<'_>) {
        let mut seen: HashMap<&str, bool> = HashMap::new();
        for sent in &doc.sentences {
            let mut quoted = false;
            for t in sent.tok_start..sent.tok_end {
                let tok = doc.tok(t);
                if tok.kind == TokenKind::Punct && is_quote(doc.text(t)) {
                    quoted = !quoted;
                    continue;
                }
                if quoted || tok.kind != TokenKind::Word {
                    continue;
                }
                let text = doc.text(t);
                if text.chars().count() < MIN_CHARS
                    || !text.chars().all(|c| c.is_alphabetic() && c.is_lowercase())
                    || attached(doc, t, sent.tok_start, sent.tok_end)
                {
                    continue;
                }
                let known = *seen
                    .entry(text)
                    .or_insert_with(|| is_word(text, t == sent.tok_start));
                if !known {
                    cx.report(
                        &META,
                        tok.start,
                        tok.end,
                        format!("{} is not a German word.", q(text)),
                        None,
                    );
                }
            }
        }
    }
}

/// A hyphen, slash, apostrophe or full stop is attached to token `t` (a part of a
/// hyphenated compound, an abbreviation, a file name).
fn attached(doc: &Document, t: usize, first: usize, end: usize) -> bool {
    let glue = |s: &str| matches!(s, "-" | "–" | "/" | "." | "'" | "’" | "_" | "@" | "#" | "&");
    (t > first && !doc.tok(t).space_before && glue(doc.text(t - 1)))
        || (t + 1 < end && !doc.tok(t + 1).space_before && glue(doc.text(t + 1)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::flagged;

    #[test]
    fn flags_invented_words() {
        assert_eq!(
            flagged(&NonWord, "Der Raum war flimig und dunkel."),
            vec!["flimig"]
        );
        assert_eq!(
            flagged(&NonWord, "Die Gemeinde freisteitete die Fläche."),
            vec!["freisteitete"]
        );
    }

    #[test]
    fn silent_on_words_compounds_and_marked_text() {
        for s in [
            "Die Sitzung war schwierig und langwierig.",
            "Das ist ein steuerfreies Angebot.",
            "Die grossen Banken weiss man zu schätzen.",
            "Er sagte „flimig“ und lachte.",
            "Er nutzte das deep learning.",
            "Die Ein- und Ausfuhren stiegen.",
            "Siehe www.example.com/flimig dazu.",
            "Das Kfz. wurde zugelassen.",
        ] {
            assert!(flagged(&NonWord, s).is_empty(), "{s}");
        }
    }
}
