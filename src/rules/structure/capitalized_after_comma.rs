//! `capitalized-after-comma`: an article, pronoun, conjunction or speech verb capitalised
//! right after a comma.

use crate::document::Document;
use crate::finding::Severity;
use crate::lexicon::ListId;
use crate::rules::{decapitalise, declare_rule, q, Context, Rule, RuleMeta};
use crate::text::zones::ZoneSet;
use crate::text::TokenKind;

declare_rule! {
    /// A capitalised article, pronoun, conjunction or speech verb right after a comma (, Die
    /// traditionelle).
    ///
    /// ## What it flags
    /// After a comma, words that are never nouns written with a capital: articles (Der, Die, Das,
    /// Ein …), pronouns and conjunctions (Er, Es, Wir, Und, Dass, Weil …) and verbs of saying
    /// (Erklärte, Sagte, Betonte …). Titles in quotation marks and names after a line break are
    /// left alone; the polite Sie, Ihr, Ihnen is never flagged.
    ///
    /// ## Why
    /// Machine translation capitalises after a comma when it splits or merges sentences; the
    /// capital shows a broken sentence boundary.
    ///
    /// ## Example
    /// ```text
    /// „Was wird mein Rahmen sein?“, Erklärte er.
    /// ```
    ///
    /// ## Instead
    /// ```text
    /// „Was wird mein Rahmen sein?“, erklärte er.
    /// ```
    pub struct CapitalizedAfterComma;

    static META = {
        id: "capitalized-after-comma",
        category: "fluency/spelling",
        severity: Severity::Minor,
        positives: &[
            "„Was wird mein Rahmen sein?“, Erklärte er.",
            "Module und Strukturen, Die traditionelle Generatoren ersetzen.",
        ],
        negatives: &[
            "Er las die Zeitung, „Die Zeit“ und mehr.",
            "Wir danken Ihnen, Sie waren großartig.",
            "Äpfel, Birnen und Pflaumen.",
            "Zusammenfassung bei Groppe, Die Macht der Bildung, S. 236.",
            "Ich habe Laufen, Das Museum der Unschuld und mehr gelesen.",
        ],
    };
}

/// Articles, conjunctions and pronouns that machine translation capitalises after a comma: a
/// closed grammatical class, kept here. The verbs of saying it capitalises too (Sagte, Betonte)
/// are vocabulary: `capitalized-after-comma.speech-verbs` in data/word_lists.csv.
const WORDS: &[&str] = &[
    "Der", "Die", "Das", "Den", "Dem", "Des", "Ein", "Eine", "Einen", "Einem", "Einer", "Eines",
    "Und", "Oder", "Aber", "Dass", "Weil", "Wenn", "Ob", "Denn", "Sondern", "Wobei", "Obwohl",
    "Damit", "Sodass", "Nachdem", "Bevor", "Während", "Er", "Es", "Wir", "Ich", "Man", "Dies",
    "Diese", "Dieser", "Dieses", "Welche", "Welcher", "Welches", "Was", "Wie", "Wo",
];

impl Rule for CapitalizedAfterComma {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, doc: &Document, cx: &mut Context<'_>) {
        let speech_verbs = cx.lex.list(ListId::CapitalizedAfterCommaSpeechVerbs);
        for sent in &doc.sentences {
            for t in sent.tok_start + 1..sent.tok_end {
                if doc.text(t - 1) != "," || doc.tok(t).kind != TokenKind::Word {
                    continue;
                }
                let tok = doc.tok(t);
                if !tok.space_before || tok.newline_before {
                    continue;
                }
                let w = doc.text(t);
                // a quotation after a comma starts with its own capital („Je suis juif, Ich
                // bin jüdisch.“ after a colon, a quoted title)
                if !(WORDS.contains(&w) || speech_verbs.has_token(doc, t))
                    || doc.zones.touches(tok.start, tok.end, ZoneSet::QUOTATION)
                {
                    continue;
                }
                // an article before a capitalised word opens a title or a name in a list or a
                // citation („Groppe, Die Macht der Bildung“, „Laufen, Das Museum der
                // Unschuld“, „heißt es, Die Rechte stehe …“); machine translation's slip is the
                // article before a lower-case adjective („Strukturen, Die traditionelle …“)
                let next_cap = t + 1 < sent.tok_end
                    && doc.is_word(t + 1)
                    && doc
                        .text(t + 1)
                        .chars()
                        .next()
                        .is_some_and(char::is_uppercase)
                    && matches!(w, "Der" | "Die" | "Das" | "Ein" | "Eine");
                if next_cap {
                    continue;
                }
                cx.report(
                    &META,
                    tok.start,
                    tok.end,
                    format!("{} is capitalised right after a comma.", q(w)),
                    Some(decapitalise(w)),
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
    fn lower_cases_the_verb() {
        assert_eq!(
            run(&CapitalizedAfterComma, "„Okay?“, Erklärte er."),
            vec![("Erklärte".to_string(), Some("erklärte".to_string()))]
        );
    }

    #[test]
    fn newspaper_title_is_left_alone() {
        assert!(run(
            &CapitalizedAfterComma,
            "Das berichtete die Zeitung, Die Welt, am Montag."
        )
        .is_empty());
    }
}
