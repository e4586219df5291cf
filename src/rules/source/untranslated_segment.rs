//! `untranslated-segment`: a target that is the source again, or mostly English.

use super::aligned;
use crate::document::{Blank, Document};
use crate::finding::Severity;
use crate::lexicon::words::WordFreq;
use crate::rules::{declare_rule, Context, Rule, RuleMeta};

declare_rule! {
    /// A segment left in English: the target equals the source or is mostly English.
    ///
    /// ## What it flags
    /// Targets of three words or more that equal their English source (ignoring case and white
    /// space), and targets of four words or more of which at least 60 % are English and not German
    /// words. Needs a source; silent without one. In a bilingual file (XLIFF, TMX, JSON Lines,
    /// TSV/CSV), also a translatable unit whose target is empty, white space only or missing
    /// while its source is not: the finding covers the empty target element or value (or the
    /// unit's start tag or row when there is no target at all).
    ///
    /// ## Why
    /// An untranslated segment is a gap in the German text that spell checkers and readers of the
    /// target alone often take for a quotation.
    ///
    /// ## Example
    /// ```text
    /// The results were mixed. ⇒ The results were mixed.
    /// ```
    ///
    /// ## Instead
    /// ```text
    /// Die Ergebnisse waren gemischt.
    /// ```
    pub struct UntranslatedSegment;

    static META = {
        id: "untranslated-segment",
        category: "accuracy/untranslated",
        severity: Severity::Major,
        positives: &[
            "The results were mixed. ⇒ The results were mixed.",
            "We have shown that the model works. ⇒ We have shown that the model funktioniert.",
        ],
        negatives: &[
            "The results were mixed. ⇒ Die Ergebnisse waren gemischt.",
            "Chris Anderson ⇒ Chris Anderson",
            "The results were mixed.",
        ],
    };
}

fn fold(s: &str) -> String {
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

impl Rule for UntranslatedSegment {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, doc: &Document, cx: &mut Context<'_>) {
        blank_targets(doc, cx);
        let wf = WordFreq::builtin();
        for u in aligned(doc) {
            let target = doc.view[u.start..u.end].trim_end();
            let words: Vec<&str> = target
                .split(|c: char| !c.is_alphabetic() && c != '\'')
                .filter(|w| w.chars().any(char::is_alphabetic))
                .collect();
            let lower_words = words
                .iter()
                .filter(|w| w.chars().next().is_some_and(char::is_lowercase))
                .count();
            let same = fold(target) == fold(u.source) && words.len() >= 3 && lower_words >= 2;
            let english = words.iter().filter(|w| wf.is_english_not_german(w)).count();
            let mostly = words.len() >= 4 && english * 10 >= words.len() * 6;
            if !(same || mostly) {
                continue;
            }
            let message = if same {
                "The target is the English source, untranslated.".to_string()
            } else {
                format!(
                    "The target is mostly English ({english} of {} words).",
                    words.len()
                )
            };
            cx.report(&META, u.start, u.start + target.len(), message, None);
        }
    }
}

/// Reports the units of a bilingual file whose target is blank (the readers decide which:
/// [`crate::document::UnitInfo::blank`]), on the view range that stands for the target.
fn blank_targets(doc: &Document, cx: &mut Context<'_>) {
    for (u, info) in doc.units.iter().zip(&doc.unit_info) {
        let message = match info.blank {
            Some(Blank::Empty) => "The target is empty: the segment is not translated.",
            Some(Blank::Missing) => "The unit has no target: the segment is not translated.",
            None => continue,
        };
        cx.report(&META, u.start, u.end, message.to_string(), None);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::findings;

    /// (span, flagged text, message, suggestion) of every finding.
    fn found(text: &str) -> Vec<(usize, usize, String, String, Option<String>)> {
        let (view, found) = findings(&UntranslatedSegment, text);
        found
            .into_iter()
            .map(|f| {
                let flagged = view[f.start..f.end].to_string();
                (f.start, f.end, flagged, f.message, f.suggestion)
            })
            .collect()
    }

    #[test]
    fn the_source_again_is_flagged_whole() {
        assert_eq!(
            found("The results were mixed. ⇒ The results were mixed."),
            [(
                0,
                23,
                "The results were mixed.".to_string(),
                "The target is the English source, untranslated.".to_string(),
                None
            )]
        );
    }

    #[test]
    fn case_and_white_space_do_not_hide_the_source() {
        let got = found("The results  were mixed. ⇒ the results were Mixed.\n");
        assert_eq!(got.len(), 1);
        assert_eq!((got[0].0, got[0].1), (0, 23));
        assert_eq!(got[0].2, "the results were Mixed.");
    }

    #[test]
    fn a_mostly_english_target_names_the_share() {
        let got = found(
            "We have shown that the model works. ⇒ We have shown that the model funktioniert.",
        );
        assert_eq!(got.len(), 1);
        assert_eq!((got[0].0, got[0].1), (0, 42));
        assert_eq!(got[0].2, "We have shown that the model funktioniert.");
        assert_eq!(got[0].3, "The target is mostly English (5 of 7 words).");
        assert_eq!(got[0].4, None);
    }

    #[test]
    fn names_and_translations_are_silent() {
        assert_eq!(found("Chris Anderson ⇒ Chris Anderson"), []);
        assert_eq!(
            found("The results were mixed. ⇒ Die Ergebnisse waren gemischt."),
            []
        );
        assert_eq!(found("The results were mixed."), []);
    }
    /// The original text flagged by the rule in a bilingual file, with the messages.
    fn in_file(doc: &Document) -> Vec<(String, String)> {
        let lex = crate::Lexicons::builtin().expect("built-in dictionaries load");
        let mut cx = Context::new(&lex);
        UntranslatedSegment.check(doc, &mut cx);
        cx.findings
            .into_iter()
            .map(|f| {
                let (s, e) = doc.original_span(f.start, f.end);
                (doc.original[s..e].to_string(), f.message)
            })
            .collect()
    }

    #[test]
    fn blank_targets_are_flagged_where_they_stand() {
        use crate::input::bilingual::{jsonl, xml, Xml};
        use crate::text::segment::SegmentMode::Lines;
        let f = concat!(
            "{\"id\": 1, \"source\": \"One\", \"target\": \"Eins\"}\n",
            "{\"id\": 2, \"source\": \"Two\", \"target\": \"\"}\n",
            "{\"id\": 3, \"source\": \"Three\", \"target\": null}\n",
            "{\"id\": 4, \"source\": \"Four\"}\n",
            "{\"id\": 5, \"source\": \"\", \"target\": \"\"}\n",
            "{\"id\": 6, \"source\": \"Six\", \"target\": \" \"}\n",
        );
        let doc = jsonl(f.into(), 0, Lines).expect("reads");
        let empty = "The target is empty: the segment is not translated.".to_string();
        let missing = "The unit has no target: the segment is not translated.".to_string();
        assert_eq!(
            in_file(&doc),
            [
                ("\"\"".to_string(), empty.clone()),
                ("null".to_string(), missing.clone()),
                (
                    "{\"id\": 4, \"source\": \"Four\"}".to_string(),
                    missing.clone()
                ),
                (" ".to_string(), empty.clone()),
            ]
        );
        let x = r#"<xliff version="1.2"><file><body>
<trans-unit id="a"><source>One</source><target/></trans-unit>
<trans-unit id="b"><source>Two</source><target></target></trans-unit>
<trans-unit id="c"><source>Three</source></trans-unit>
<trans-unit id="d" translate="no"><source>Four</source></trans-unit>
<trans-unit id="e"><source>Five</source><target>Fünf</target></trans-unit>
</body></file></xliff>"#;
        let doc = xml(x.into(), 0, Lines, Xml::Xliff).expect("reads");
        assert_eq!(
            in_file(&doc),
            [
                ("<target/>".to_string(), empty.clone()),
                ("<target></target>".to_string(), empty),
                ("<trans-unit id=\"c\">".to_string(), missing),
            ]
        );
    }
}
