//! `untranslated-english`: runs of English words or whole English sentences in German text.

use crate::document::Document;
use crate::finding::Severity;
use std::sync::LazyLock;

use crate::lexicon::words::WordFreq;
use crate::rules::{declare_rule, q, Context, Rule, RuleMeta};
use crate::text::token_map::{TokenMemo, TokenSet};
use crate::text::zones::ZoneSet;
use crate::text::TokenKind;

declare_rule! {
    /// English words left untranslated in German text (according to the report).
    ///
    /// ## What it flags
    /// A run of at least three words in a sentence, at least two of them English and not German by
    /// the frequency lexicon (the, according, report …), and the rest English function words. Runs
    /// in quotation marks (quoted titles and statements), runs written all in capitals-first words
    /// (names, titles: Meta Superintelligence Labs), URLs and code are left alone; so are
    /// anglicisms German has adopted (Team, Start-up, online).
    ///
    /// ## Why
    /// Machine translation passes through text it could not translate; a German reader may not
    /// understand it, and it shows the article was not edited.
    ///
    /// ## Example
    /// ```text
    /// Das Unternehmen hat according to the report mehr Forscher eingestellt.
    /// ```
    ///
    /// ## Instead
    /// ```text
    /// Das Unternehmen hat laut dem Bericht mehr Forscher eingestellt.
    /// ```
    pub struct UntranslatedEnglish;

    static META = {
        id: "untranslated-english",
        category: "accuracy/untranslated",
        severity: Severity::Major,
        positives: &[
            "Das Unternehmen hat according to the report mehr Forscher eingestellt.",
            "Meta plant neue Rechenzentren. The company did not comment on the plans.",
        ],
        negatives: &[
            "Das Team des Start-ups arbeitet online.",
            "Er gründete die Meta Superintelligence Labs.",
            "Der Film „The Social Network“ lief gestern.",
            "Sie sagte: „We are hiring.“",
        ],
    };
}

/// English function words that German does not share (unlike in, an, was, will).
const MARKERS: &[&str] = &[
    "the", "of", "and", "is", "are", "with", "to", "for", "this", "that", "were", "been", "has",
    "have", "would", "could", "should", "from", "by", "on", "at", "its", "our", "your", "their",
    "we", "you", "they", "it",
];

/// English function words that carry no German reading in a run of English.
const EN_FUNCTION: &[&str] = &[
    "the", "of", "to", "and", "a", "an", "in", "on", "for", "with", "by", "at", "from", "is",
    "are", "was", "were", "be", "been", "it", "its", "this", "that", "these", "those", "as", "or",
    "not", "but", "we", "you", "they", "he", "she", "our", "your", "their", "his", "her", "has",
    "have", "had", "will", "would", "can", "could", "should", "do", "does", "did", "if", "than",
    "more",
];

/// [`MARKERS`] and [`EN_FUNCTION`], looked up by the tokens' hashes.
static MARKER_SET: LazyLock<TokenSet> = LazyLock::new(|| TokenSet::new(MARKERS));
static FUNCTION_SET: LazyLock<TokenSet> = LazyLock::new(|| TokenSet::new(EN_FUNCTION));

/// Token `i` is a word written with a capital first letter.
fn capitalised(doc: &Document, i: usize) -> bool {
    doc.is_word(i) && doc.text(i).starts_with(|c: char| c.is_uppercase())
}

/// The run is part of a name or a title, not English left inside German syntax: one of its
/// words is capitalised (Save the Children, Department of Justice, Game of Life, Look and
/// Feel), or a capitalised word touches it (European University of Cyprus). German capitalises
/// its nouns, so English that machine translation leaves behind inside a German sentence is
/// lower case („nutzt seine deep pockets“); only the first word of a sentence may be capitalised
/// (a whole English sentence).
fn names_or_title(doc: &Document, sentence_start: usize, run: &[usize]) -> bool {
    let (Some(&first), Some(&last)) = (run.first(), run.last()) else {
        return true;
    };
    let opens_sentence = (sentence_start..first).all(|i| !doc.is_word(i));
    let inner_capital = run
        .iter()
        .any(|&i| capitalised(doc, i) && !(i == first && opens_sentence));
    let touches = |i: usize| i < doc.tokens.len() && capitalised(doc, i) && doc.text(i).is_ascii();
    let before = first > 0 && doc.tok(first).space_before && touches(first - 1);
    let after = last + 1 < doc.tokens.len() && doc.tok(last + 1).space_before && touches(last + 1);
    inner_capital || before || after
}

impl Rule for UntranslatedEnglish {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, doc: &Document, cx: &mut Context<'_>) {
        let lex = WordFreq::builtin();
        let tokens = &doc.tokens;
        // found when the first sentence with an English marker needs it
        let mut in_quote: Option<Vec<bool>> = None;
        // one look-up per distinct word, however often the text uses it
        let mut english_memo = TokenMemo::new(tokens);
        let mut run: Vec<usize> = Vec::new();
        let (markers, function_words) = (&*MARKER_SET, &*FUNCTION_SET);
        for sent in &doc.sentences {
            // English of three words or more nearly always has an English function word; a
            // sentence without one is not worth the look-ups
            let english_marker =
                (sent.tok_start..sent.tok_end).any(|i| markers.contains_token(tokens, i));
            if !english_marker {
                continue;
            }
            let in_quote =
                in_quote.get_or_insert_with(|| crate::rules::typography::quoted_tokens(doc));
            let mut t = sent.tok_start;
            while t < sent.tok_end {
                // a run: words separated only by spaces (or hyphens inside compounds); every
                // word in it is ASCII (English words by the test below, function words by the
                // list), so for its words `english` is what the lexicon says
                run.clear();
                let mut u = t;
                while u < sent.tok_end && doc.tok(u).kind == TokenKind::Word && !in_quote[u] {
                    // English words are ASCII; umlauts and ß mark German
                    let english = doc.norm(u).is_ascii()
                        && english_memo.get(u, |n| lex.is_english_not_german(n));
                    if !(english || function_words.contains_token(tokens, u)) {
                        break;
                    }
                    run.push(u);
                    u += 1;
                    if u < sent.tok_end && !doc.tok(u).space_before {
                        break;
                    }
                }
                let mut english = |i: usize| english_memo.get(i, |n| lex.is_english_not_german(n));
                // trim function words at the edges
                let first = run.iter().position(|&i| english(i)).unwrap_or(run.len());
                let last = run
                    .iter()
                    .rposition(|&i| english(i))
                    .map_or(first, |p| p + 1);
                let run = &run[first..last];
                let english = run.iter().filter(|&&i| english(i)).count();
                let (s, e) = (
                    doc.tok(run.first().copied().unwrap_or(t)).start,
                    doc.tok(run.last().copied().unwrap_or(t)).end,
                );
                // quotations, titles, citations, dialogue, parentheses (the original title
                // beside its German one), URLs and handles are not the author's German
                let elsewhere = doc.zones.touches(
                    s,
                    e,
                    ZoneSet::FOREIGN_VOICE | ZoneSet::OPAQUE | ZoneSet::PARENTHESIS,
                );
                if run.len() >= 3
                    && english >= 2
                    && !elsewhere
                    && !names_or_title(doc, sent.tok_start, run)
                {
                    cx.report(
                        &META,
                        s,
                        e,
                        format!("{} is English left untranslated.", q(&doc.view[s..e])),
                        None,
                    );
                }
                t = u.max(t + 1);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::flagged;

    #[test]
    fn word_lists_build() {
        assert!(MARKER_SET.contains("the") && FUNCTION_SET.contains("more"));
    }

    #[test]
    fn names_and_titles_are_not_untranslated_text() {
        for text in [
            "Die Organisation Save the Children warnt vor einer Krise.",
            "Er erhielt den Order of the British Empire.",
            "Ein authentisches Look and Feel ist dem Team wichtig.",
            "Die Privatuniversität European University of Cyprus hat hier ihren Sitz.",
            "Im Film Waiting for Forever spielt sie eine Nebenrolle.",
        ] {
            assert_eq!(
                flagged(&UntranslatedEnglish, text),
                Vec::<String>::new(),
                "{text}"
            );
        }
        assert_eq!(
            flagged(
                &UntranslatedEnglish,
                "Meta plant neue Rechenzentren. The company did not comment on the plans."
            ),
            ["The company did not comment on the plans"]
        );
    }

    #[test]
    fn flags_the_english_run() {
        assert_eq!(
            flagged(
                &UntranslatedEnglish,
                "Das hat according to the report geklappt."
            ),
            ["according to the report"]
        );
    }
}
