//! `missing-reflexive`: an inherently reflexive verb without its reflexive pronoun
//! (nach denen sie sehnen).

use std::ops::Range;
use std::sync::LazyLock;

use crate::document::Document;
use crate::finding::Severity;
use crate::lexicon::{ListId, WordList};
use crate::rules::{declare_rule, q, Context, Rule, RuleMeta};
use crate::text::token_map::TokenSet;

declare_rule! {
    /// A verb that is always reflexive used without mich/dich/sich/uns/euch (nach denen sie
    /// sehnen).
    ///
    /// ## What it flags
    /// Finite forms of verbs that German only uses reflexively (sich sehnen, sich weigern, sich
    /// beeilen, sich schämen, sich ereignen, sich bedanken …) in a clause that has no reflexive
    /// pronoun.
    ///
    /// ## Why
    /// English long for, refuse and hurry are not reflexive, so machine translation drops the
    /// pronoun; the German sentence is ungrammatical.
    ///
    /// ## Example
    /// ```text
    /// … die Tools geben, nach denen sie sehnen.
    /// ```
    ///
    /// ## Instead
    /// ```text
    /// … die Werkzeuge geben, nach denen sie sich sehnen.
    /// ```
    pub struct MissingReflexive;

    static META = {
        id: "missing-reflexive",
        category: "fluency/grammar",
        severity: Severity::Minor,
        positives: &[
            "Er will ihnen die Tools geben, nach denen sie sehnen.",
            "Der Vorstand weigerte, das zu tun.",
        ],
        negatives: &[
            "Er will ihnen die Tools geben, nach denen sie sich sehnen.",
            "Der Vorstand weigerte sich, das zu tun.",
            "Wir bedanken uns herzlich.",
        ],
    };
}

// the verbs are data (`missing-reflexive.verbs` in data/word_lists.csv); the reflexive
// pronouns are a closed grammatical class and stay here
const REFLEXIVES: &[&str] = &["mich", "dich", "sich", "uns", "euch"];

impl Rule for MissingReflexive {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, doc: &Document, cx: &mut Context<'_>) {
        let forms = cx.lex.list(ListId::MissingReflexiveVerbs);
        for sent in &doc.sentences {
            let words = sent.tok_start..sent.tok_end;
            // most sentences have no reflexive verb and are passed after one cheap scan
            if !words.clone().any(|i| is_form(forms, doc, i)) {
                continue;
            }
            // the pronoun may stand in another clause („dass wir uns, um …, befassen“), so one
            // anywhere in the sentence satisfies every verb in it
            if words
                .clone()
                .any(|i| REFLEXIVE_SET.contains_token(&doc.tokens, i))
            {
                continue;
            }
            // clauses: token ranges between commas, colons and semicolons
            let mut start = sent.tok_start;
            for t in sent.tok_start..=sent.tok_end {
                let boundary = t == sent.tok_end || matches!(doc.text(t), "," | ";" | ":" | "–");
                if !boundary {
                    continue;
                }
                let clause = start..t;
                start = t + 1;
                self.check_clause(doc, forms, clause, cx);
            }
        }
    }
}

/// [`REFLEXIVES`] looked up by the tokens' hashes: every token of a text is tested, most are
/// none.
static REFLEXIVE_SET: LazyLock<TokenSet> = LazyLock::new(|| TokenSet::new(REFLEXIVES));

/// Token `i` is a finite form of an inherently reflexive verb, written as in `forms`
/// (`missing-reflexive.verbs`).
fn is_form(forms: &WordList, doc: &Document, i: usize) -> bool {
    forms.has_token(doc, i) && doc.is_word(i)
}

impl MissingReflexive {
    /// Reports the reflexive verbs of a clause of a sentence without a reflexive pronoun.
    /// What the suggestions need of the clause (its person, its last word) is found once per
    /// clause, not once per verb, so a long clause costs linear time.
    fn check_clause(
        &self,
        doc: &Document,
        forms: &WordList,
        clause: Range<usize>,
        cx: &mut Context<'_>,
    ) {
        let mut person: Option<&str> = None;
        let mut person_known = false;
        let last_word = clause.clone().rev().find(|&j| doc.is_word(j));
        for i in clause.clone() {
            if !is_form(forms, doc, i) {
                continue;
            }
            // participles used as adjectives („verliebte Paare“) come before a noun
            let before_noun = i + 1 < clause.end
                && doc.is_word(i + 1)
                && doc
                    .text(i + 1)
                    .chars()
                    .next()
                    .is_some_and(char::is_uppercase);
            if before_noun {
                continue;
            }
            if !person_known {
                person = clause.clone().find_map(|j| match doc.norm(j) {
                    "ich" => Some("mich"),
                    "du" => Some("dich"),
                    "wir" => Some("uns"),
                    _ => None,
                });
                person_known = true;
            }
            let pronoun = person.unwrap_or("sich");
            // verb-final (subordinate) clause: pronoun before the verb; otherwise after it
            let fix = if last_word == Some(i) {
                format!("{pronoun} {}", doc.text(i))
            } else {
                format!("{} {pronoun}", doc.text(i))
            };
            let tok = doc.tok(i);
            cx.report(
                &META,
                tok.start,
                tok.end,
                format!(
                    "{} is reflexive in German; the pronoun {pronoun} is missing.",
                    q(doc.text(i))
                ),
                Some(fix),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::{flagged, flagged_with_words};

    #[test]
    fn the_word_set_holds_the_pronouns() {
        for r in REFLEXIVES {
            assert!(REFLEXIVE_SET.contains(r), "{r}");
        }
        assert!(!REFLEXIVE_SET.contains("sehnen"));
    }

    #[test]
    fn a_verb_added_by_a_user_word_list_is_flagged() {
        let text = "Er entsinnt nicht mehr, wann das war.";
        assert!(flagged(&MissingReflexive, text).is_empty());
        let rows = "missing-reflexive.verbs,entsinnt\n";
        assert_eq!(
            flagged_with_words(&MissingReflexive, text, rows),
            ["entsinnt"]
        );
    }

    #[test]
    fn finds_the_verb() {
        assert_eq!(
            flagged(&MissingReflexive, "nach denen sie sehnen."),
            ["sehnen"]
        );
    }
}
