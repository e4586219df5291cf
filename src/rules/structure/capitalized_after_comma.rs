//! `capitalized-after-comma`: an article, pronoun, conjunction or speech verb capitalised
//! right after a comma or a semicolon.

use crate::document::Document;
use crate::finding::Severity;
use crate::lexicon::ListId;
use crate::rules::{decapitalise, declare_rule, q, Context, Rule, RuleMeta};
use crate::text::zones::ZoneSet;
use crate::text::TokenKind;

declare_rule! {
    /// A capitalised article, pronoun, conjunction or speech verb right after a comma or a
    /// semicolon (, Die traditionelle; ; Es gibt).
    ///
    /// ## What it flags
    /// After a comma or a semicolon, words that are never nouns written with a capital: articles
    /// (Der, Die, Das, Ein …), pronouns and conjunctions (Er, Es, Wir, Und, Dass, Weil …) and
    /// verbs of saying (Erklärte, Sagte, Betonte …); after a semicolon also the sentence adverbs
    /// that open an English clause after one (Also, Dann, Doch, Jetzt …), but no article, as
    /// semicolons also separate the titles of a reading list. Titles in quotation
    /// marks, an article before a capitalised word (a title or name in a list or citation) and
    /// names after a line break are left alone; the polite Sie, Ihr, Ihnen is never flagged.
    ///
    /// ## Why
    /// Machine translation capitalises after a comma when it splits or merges sentences, and
    /// after a semicolon because English style guides allow a capital there; in German the
    /// sentence goes on in lower case after both, and the capital shows a broken sentence.
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
            "Es ist direkt eingebettet; Es gibt keine externen Anweisungen.",
            "Das dauert lange; Also fangen wir an.",
        ],
        negatives: &[
            "Er las die Zeitung, „Die Zeit“ und mehr.",
            "Wir danken Ihnen, Sie waren großartig.",
            "Äpfel, Birnen und Pflaumen.",
            "Zusammenfassung bei Groppe, Die Macht der Bildung, S. 236.",
            "Ich habe Laufen, Das Museum der Unschuld und mehr gelesen.",
            "Wir danken Ihnen; Sie hören von uns.",
            "Vgl. Weber 1902; Die agrarische Frage, S. 12.",
            "Es war spät; es regnete. Also gingen wir.",
        ],
    };
}

/// Articles that machine translation capitalises after a comma (not after a semicolon, which
/// also separates titles in a reading list).
const ARTICLES: &[&str] = &[
    "Der", "Die", "Das", "Den", "Dem", "Des", "Ein", "Eine", "Einen", "Einem", "Einer", "Eines",
];

/// Conjunctions and pronouns that machine translation capitalises after a comma or a
/// semicolon: with [`ARTICLES`] a closed grammatical class, kept here. The verbs of saying it
/// capitalises too (Sagte, Betonte) are vocabulary: `capitalized-after-comma.speech-verbs` in
/// data/word_lists.csv.
const WORDS: &[&str] = &[
    "Und", "Oder", "Aber", "Dass", "Weil", "Wenn", "Ob", "Denn", "Sondern", "Wobei", "Obwohl",
    "Damit", "Sodass", "Nachdem", "Bevor", "Während", "Er", "Es", "Wir", "Ich", "Man", "Dies",
    "Diese", "Dieser", "Dieses", "Welche", "Welcher", "Welches", "Was", "Wie", "Wo",
];

/// Sentence adverbs that English capitalises after a semicolon and German never does; checked
/// after semicolons only, where the English habit carries over into machine translation.
const AFTER_SEMICOLON: &[&str] = &[
    "Also",
    "Dann",
    "Doch",
    "Jetzt",
    "Nun",
    "Dort",
    "Hier",
    "Trotzdem",
    "Deshalb",
    "Daher",
    "Dabei",
    "Sonst",
    "Zudem",
    "Außerdem",
    "Allerdings",
    "Stattdessen",
    "Jedoch",
    "Dennoch",
];

impl Rule for CapitalizedAfterComma {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, doc: &Document, cx: &mut Context<'_>) {
        let speech_verbs = cx.lex.list(ListId::CapitalizedAfterCommaSpeechVerbs);
        for sent in &doc.sentences {
            for t in sent.tok_start + 1..sent.tok_end {
                let mark = doc.text(t - 1);
                if !matches!(mark, "," | ";") || doc.tok(t).kind != TokenKind::Word {
                    continue;
                }
                let tok = doc.tok(t);
                if !tok.space_before || tok.newline_before {
                    continue;
                }
                let w = doc.text(t);
                // a quotation after a comma starts with its own capital („Je suis juif, Ich
                // bin jüdisch.“ after a colon, a quoted title)
                // semicolons also separate the titles of a reading list or a citation
                // („Berlin 1902; Die agrarische Gefahr“): no article after one
                let listed = WORDS.contains(&w)
                    || (mark == "," && ARTICLES.contains(&w))
                    || (mark == ";" && AFTER_SEMICOLON.contains(&w))
                    || speech_verbs.has_token(doc, t);
                if !listed || doc.zones.touches(tok.start, tok.end, ZoneSet::QUOTATION) {
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
                    format!(
                        "{} is capitalised right after a {}.",
                        q(w),
                        if mark == ";" { "semicolon" } else { "comma" }
                    ),
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
    fn semicolon_goes_on_in_lower_case() {
        assert_eq!(
            run(
                &CapitalizedAfterComma,
                "Sie sind nicht eingefroren; Es schmilzt. Das dauert; Dann geht es."
            ),
            vec![
                ("Es".to_string(), Some("es".to_string())),
                ("Dann".to_string(), Some("dann".to_string()))
            ]
        );
        // the adverbs only after a semicolon
        assert!(run(&CapitalizedAfterComma, "Er kam, Dann ging er.").is_empty());
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
