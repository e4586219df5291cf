//! `unknown-mangled-name`: an ordinary German word standing where a name must be, for names
//! no dictionary lists (Verwirrte CEO Aravind Srinivas, Zwillinge 2.5).

use crate::document::Document;
use crate::finding::Severity;
use crate::lexicon::words::WordFreq;
use crate::lexicon::{ListId, WordList};
use crate::rules::structure::is_function_word;
use crate::rules::{declare_rule, q, Context, Rule, RuleMeta};
use crate::text::TokenKind;

declare_rule! {
    /// A common German word where a name must stand: before a role and a person (Verwirrte CEO
    /// Aravind Srinivas) or a version (Zwillinge 2.5-Modell).
    ///
    /// ## What it flags
    /// A capitalised common German word (by the frequency lexicon) with no article before it,
    /// directly before CEO, Chef, Gründer or Mitgründer and a person's name; and a capitalised
    /// common German noun before a version number and a model word (Lama 4-Modell, Zwillinge
    /// 2.5-Modelle). Names in the dictionary and role adjectives (neuer, ehemaliger) are left
    /// alone.
    ///
    /// ## Why
    /// Machine translation translates names that look like words; a new start-up's name is in no
    /// dictionary, but the sentence shape shows that a name was meant.
    ///
    /// ## Example
    /// ```text
    /// Verwirrte CEO Aravind Srinivas hat diese Dynamik erfasst.
    /// ```
    ///
    /// ## Instead
    /// ```text
    /// Perplexity-CEO Aravind Srinivas hat diese Dynamik erfasst (look up the company's name).
    /// ```
    pub struct UnknownMangledName;

    static META = {
        id: "unknown-mangled-name",
        category: "accuracy/mistranslation",
        severity: Severity::Major,
        positives: &[
            "Leuchtturm CEO Aravind Srinivas hat das erfasst.",
            "Das Start-up stellte die Anker 2.5-Modelle vor.",
            "Heute sprach Wolke CEO Maria Lopez.",
        ],
        negatives: &[
            "Der neue CEO Tim Cook sprach.",
            "Ehemaliger Chef Jürgen Schrempp lachte.",
            "Apple CEO Tim Cook sprach.",
            "Kapitel 3 beschreibt die Modelle.",
            "Sie las Seite 2.5 des Modells.",
            "Russlands Präsident Wladimir Putin ordnete eine Übung an.",
            "Dessen Chef Elon Musk schwieg.",
        ],
    };
}

/// Articles and possessive or demonstrative determiners: before the word, they make it a
/// common noun („der Chef“); as the word itself, they are no name („Dessen Chef Elon Musk“).
const DETERMINERS: &[&str] = &[
    "der", "die", "das", "den", "dem", "des", "ein", "eine", "einen", "einem", "einer", "sein",
    "seine", "ihr", "ihre", "unser", "unsere", "euer", "eure", "dessen", "deren", "jener", "jenes",
    "dieser", "dieses", "jeder",
];

// Roles, role adjectives and model words are data (`unknown-mangled-name.*` in
// data/word_lists.csv). Political offices are not among the roles: „Russlands Präsident
// Wladimir Putin“ puts a genitive country before the office, which is ordinary German. The
// determiners above are a closed grammatical class and stay here.

fn is_person_name(doc: &Document, t: usize) -> bool {
    t + 1 < doc.tokens.len()
        && [t, t + 1].iter().all(|&i| {
            doc.is_word(i)
                && doc.text(i).starts_with(|c: char| c.is_uppercase())
                && doc.tok(i).space_before
        })
}

/// The lists the rule reads, fetched once per document.
struct Lists<'l> {
    roles: &'l WordList,
    role_adjectives: &'l WordList,
    model_words: &'l WordList,
}

fn ordinary(
    doc: &Document,
    t: usize,
    lex: &WordFreq,
    names: &crate::lexicon::Names,
    role_adjectives: &WordList,
) -> bool {
    let w = doc.text(t);
    let n = doc.norm(t);
    doc.tok(t).kind == TokenKind::Word
        && w.starts_with(|c: char| c.is_uppercase())
        && w.chars().skip(1).all(char::is_lowercase)
        && w.chars().count() >= 4
        && lex.is_common_german(n, 3.0)
        && !names.accepted.contains(w)
        && !names.part_index.contains_key(w)
        && !role_adjectives.matches(n)
        && !is_function_word(n)
}

impl Rule for UnknownMangledName {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, doc: &Document, cx: &mut Context<'_>) {
        let lex = WordFreq::builtin();
        let lexicons = cx.lex;
        let names = &lexicons.names;
        let lists = Lists {
            roles: lexicons.list(ListId::UnknownMangledNameRoles),
            role_adjectives: lexicons.list(ListId::UnknownMangledNameRoleAdjectives),
            model_words: lexicons.list(ListId::UnknownMangledNameModelWords),
        };
        // names the dictionary already knows are reported by mangled-entity, which has
        // searched for them already (the context keeps the matches); looked at only at the
        // first word that would otherwise be reported
        let mut known: Option<Vec<(usize, usize)>> = None;
        let mut is_known = |t: usize, cx: &mut Context<'_>| {
            known
                .get_or_insert_with(|| {
                    cx.literal_names(doc)
                        .iter()
                        .map(|h| (h.m.tok_start, h.m.tok_end))
                        .collect()
                })
                .iter()
                .any(|&(a, b)| (a..b).contains(&t))
        };
        let mut out = Vec::new();
        for sent in &doc.sentences {
            for t in sent.tok_start..sent.tok_end.saturating_sub(1) {
                // cheap shape tests first: a role or a number must follow
                let is_role = lists.roles.has_token(doc, t + 1);
                let maybe = is_role || doc.tok(t + 1).kind == TokenKind::Number;
                if !maybe || !ordinary(doc, t, lex, names, lists.role_adjectives) {
                    continue;
                }
                let prev_is_det = t > sent.tok_start && DETERMINERS.contains(&doc.norm(t - 1));
                // „Dessen Chef Elon Musk“: a pronoun or determiner, not a name
                let determiner = DETERMINERS.contains(&doc.norm(t));
                let role = is_role && doc.tok(t + 1).space_before && !determiner;
                if role && !prev_is_det && is_person_name(doc, t + 2) {
                    if !is_known(t, cx) {
                        out.push((t, "before a role and a person's name"));
                    }
                    continue;
                }
                // W 2.5-Modell, W 4 Modell
                let version = doc.tok(t + 1).kind == TokenKind::Number
                    && doc.text(t + 1).len() <= 4
                    && !doc.text(t + 1).contains(',');
                if version {
                    let mut h = t + 2;
                    if h < sent.tok_end && doc.text(h) == "-" && !doc.tok(h).space_before {
                        h += 1;
                    }
                    if h < sent.tok_end && lists.model_words.has_token(doc, h) && !is_known(t, cx) {
                        out.push((t, "before a model version"));
                    }
                }
            }
        }
        for (t, where_) in out {
            let tok = doc.tok(t);
            cx.report(
                &META,
                tok.start,
                tok.end,
                format!(
                    "{} is an ordinary German word {where_}: probably a translated name.",
                    q(doc.text(t))
                ),
                None,
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::flagged;

    #[test]
    fn flags_word_before_role_and_person() {
        assert_eq!(
            flagged(&UnknownMangledName, "Leuchtturm CEO Aravind Srinivas kam."),
            ["Leuchtturm"]
        );
        // a name the dictionary knows is left to mangled-entity
        assert!(flagged(&UnknownMangledName, "Verwirrte CEO Aravind Srinivas kam.").is_empty());
    }
}
