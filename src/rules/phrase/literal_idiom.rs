//! `literal-idiom`: an English idiom rendered word by word.

use crate::document::Document;
use crate::finding::Severity;
use crate::rules::{q, Context, Rule, RuleMeta};

/// See [`META`].
pub struct LiteralIdiom;

static META: RuleMeta = RuleMeta {
    id: "literal-idiom",
    category: "style/literal",
    severity: Severity::Major,
    summary: "An English idiom translated word by word (tiefe Taschen, ein klares Fenster in).",
    flags: "Phrases from `data/idioms.csv`: English idioms and collocations that machine \
            translation renders literally, matched with inflection (tiefen Taschen, tiefe Tasche) \
            and split verbs (zog den Vorhang ... zurück). Meaning-breaking calques are major, stiff \
            ones minor; calques German has adopted are not listed.",
    why: "A German reader takes the words literally: deep pockets become trouser pockets, and the \
          article reads as a translation.",
    example: "Das Unternehmen nutzt seine tiefen Taschen.",
    instead: "Das Unternehmen nutzt seine Finanzkraft.",
    positives: &["Das Unternehmen nutzt seine tiefen Taschen, um zu wachsen."],
    negatives: &["Der Mantel hat tiefe Seitentaschen.", "Das Unternehmen nutzt seine Finanzkraft."],
};

impl Rule for LiteralIdiom {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, doc: &Document, cx: &mut Context<'_>) {
        super::report_table(
            doc,
            cx,
            &META,
            |l| &l.idioms,
            super::WithSource::Keep,
            |text, info, evidence| {
                let base = {
                    if info.english.is_empty() {
                        format!(
                            "{} is a word-for-word rendering of an English idiom.",
                            q(text)
                        )
                    } else {
                        format!(
                            "{} is a word-for-word rendering of the English idiom “{}”.",
                            q(text),
                            info.english
                        )
                    }
                };
                format!("{base}{}", super::confirmed_note(evidence, &info.english))
            },
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::flagged;

    #[test]
    fn matches_inflected_forms() {
        assert_eq!(
            flagged(&LiteralIdiom, "Sie hat tiefe Taschen."),
            ["tiefe Taschen"]
        );
    }
}
