//! `english-pronoun`: an English subject pronoun left in front of a German verb (IT ist, This
//! zeigt).

use crate::document::Document;
use crate::finding::Severity;
use crate::morph::{Morph, Pos, Readings};
use crate::rules::{declare_rule, q, Context, Rule, RuleMeta};
use crate::text::zones::ZoneSet;
use crate::text::TokenKind;

declare_rule! {
    /// An English subject pronoun before a German finite verb (IT ist nicht massiv genug).
    ///
    /// ## What it flags
    /// The English pronouns It (also in capitals, IT), This, That, They, We, You, He and She as
    /// the subject of a German clause: at the start of a sentence or after a comma, a colon, a
    /// semicolon or a coordinating conjunction, and followed by a word that the German
    /// morphology knows only as a finite verb or auxiliary (ist, geht, führt, haben). The
    /// noun IT (information technology) after an article or an adjective (die IT ist, der
    /// internen IT) is left alone, and so are English sentences (It is), URLs and code.
    ///
    /// ## Why
    /// Machine translation sometimes keeps the English pronoun, and a truecaser then writes
    /// „It“ as the acronym „IT“: the German reader sees information technology where the
    /// English said „it“.
    ///
    /// ## Example
    /// ```text
    /// IT ist eigentlich nicht massiv genug.
    /// ```
    ///
    /// ## Instead
    /// ```text
    /// Es ist eigentlich nicht massiv genug.
    /// ```
    pub struct EnglishPronoun;

    static META = {
        id: "english-pronoun",
        category: "accuracy/mistranslation",
        severity: Severity::Major,
        positives: &[
            "IT ist eigentlich nicht massiv genug.",
            "Und IT führt auch zu Unsicherheit.",
            "This zeigt, wie wenig wir wissen.",
        ],
        negatives: &[
            "Die IT ist die treibende Kraft des Vereins.",
            "Modifikationen der internen IT sind unumgänglich.",
            "IT und Telekommunikation wachsen.",
            "It is a long way to Tipperary.",
            "Es ist eigentlich nicht massiv genug.",
        ],
    };
}

/// The English subject pronouns and the German pronoun that a reader expects instead (empty
/// where it depends on the reader, as for *you*).
const PRONOUNS: &[(&str, &str)] = &[
    ("It", "Es"),
    ("IT", "Es"),
    ("This", "Dies"),
    ("That", "Das"),
    ("They", "Sie"),
    ("We", "Wir"),
    ("You", ""),
    ("He", "Er"),
    ("She", "Sie"),
];

/// Words after which a new clause, and so a subject, may start.
const CLAUSE_OPENERS: &[&str] = &[
    ",", ";", ":", "und", "aber", "oder", "denn", "doch", "sondern", "(", "–", "—",
];

/// Every reading of `form` is a verb and one is finite: a word such as *ist*, *geht* or
/// *haben*, not *und* or a noun, and not an English word the morphology does not know (*is*).
fn only_finite_verb(buf: &mut Readings, form: &str) -> bool {
    Morph::global().lookup_into(form, buf);
    buf.iter().all(|r| r.tag.pos == Pos::Verb)
        && buf
            .iter()
            .any(|r| r.tag.verb_form.is_some_and(|f| f.is_finite()))
}

impl Rule for EnglishPronoun {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, doc: &Document, cx: &mut Context<'_>) {
        let mut buf = Readings::default();
        for sent in &doc.sentences {
            for t in sent.tok_start..sent.tok_end {
                let tok = doc.tok(t);
                if tok.kind != TokenKind::Word {
                    continue;
                }
                let Some(&(w, instead)) = PRONOUNS.iter().find(|(p, _)| *p == doc.text(t)) else {
                    continue;
                };
                // the subject's place: the first word of the sentence, or a word after a
                // clause boundary (not after an article or adjective: die IT, der internen IT)
                let at_start = (sent.tok_start..t).all(|i| !doc.is_word(i));
                let opens = at_start
                    || (t > sent.tok_start
                        && CLAUSE_OPENERS.contains(&doc.text(t - 1).to_lowercase().as_str()));
                let next = t + 1;
                if !opens
                    || next >= sent.tok_end
                    || !doc.is_word(next)
                    || !doc.tok(next).space_before
                    || doc.zones.touches(tok.start, tok.end, ZoneSet::OPAQUE)
                    || !only_finite_verb(&mut buf, doc.text(next))
                {
                    continue;
                }
                let suggestion = match (instead, at_start) {
                    ("", _) => None,
                    (s, true) => Some(s.to_string()),
                    (s, false) => Some(s.to_lowercase()),
                };
                cx.report(
                    &META,
                    tok.start,
                    tok.end,
                    format!(
                        "{} is the English pronoun “{}” left as the subject of the German verb {}.",
                        q(w),
                        w.to_lowercase(),
                        q(doc.text(next))
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
    use crate::rules::testing::run;

    #[test]
    fn the_pronoun_is_replaced() {
        assert_eq!(
            run(
                &EnglishPronoun,
                "IT ist überall, und IT geht durch den Raum."
            ),
            vec![
                ("IT".to_string(), Some("Es".to_string())),
                ("IT".to_string(), Some("es".to_string()))
            ]
        );
        assert_eq!(
            run(&EnglishPronoun, "You haben das gesehen."),
            vec![("You".to_string(), None)]
        );
    }

    #[test]
    fn the_noun_it_and_english_are_left_alone() {
        for text in [
            "Die IT ist wichtig, die IT-Abteilung auch.",
            "IT, Finanzen und Recht sind betroffen.",
            "It was the best of times.",
            "Der Film „It Follows“ läuft.",
            "Er sagte: This is it.",
        ] {
            assert!(run(&EnglishPronoun, text).is_empty(), "{text}");
        }
    }
}
