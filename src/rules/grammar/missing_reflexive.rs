//! `missing-reflexive`: an inherently reflexive verb without its reflexive pronoun
//! (nach denen sie sehnen).

use std::ops::Range;
use std::sync::LazyLock;

use crate::document::Document;
use crate::finding::Severity;
use crate::rules::{declare_rule, q, Context, Rule, RuleMeta};
use crate::text::token::normalise;
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

/// Finite forms of inherently reflexive verbs.
const FORMS: &[&str] = &[
    "sehne",
    "sehnst",
    "sehnt",
    "sehnen",
    "sehnte",
    "sehnten",
    "weigere",
    "weigert",
    "weigern",
    "weigerte",
    "weigerten",
    "beeile",
    "beeilt",
    "beeilen",
    "beeilte",
    "beeilten",
    "schäme",
    "schämt",
    "schämen",
    "schämte",
    "schämten",
    "ereignet",
    "ereignen",
    "ereignete",
    "ereigneten",
    "bedanke",
    "bedankt",
    "bedanken",
    "bedankte",
    "bedankten",
    "verliebte",
    "verliebten",
    "erkundigt",
    "erkundigen",
    "erkundigte",
    "erkundigten",
    "befasst",
    "befassen",
    "befasste",
    "befassten",
    "begnügt",
    "begnügen",
    "begnügte",
    "begnügten",
    "besinnt",
    "besinnen",
    "besann",
    "sträubt",
    "sträuben",
    "sträubte",
    "sträubten",
    "verirrt",
    "verirrte",
    "verirrten",
];

const REFLEXIVES: &[&str] = &["mich", "dich", "sich", "uns", "euch"];

impl Rule for MissingReflexive {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, doc: &Document, cx: &mut Context<'_>) {
        for sent in &doc.sentences {
            let words = sent.tok_start..sent.tok_end;
            // most sentences have no reflexive verb and are passed after one cheap scan
            if !words.clone().any(|i| is_form(doc, i)) {
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
                self.check_clause(doc, clause, cx);
            }
        }
    }
}

/// [`FORMS`] and [`REFLEXIVES`] by their normalised forms, looked up by the tokens' hashes:
/// every token of a text is tested, most are neither.
static FORM_SET: LazyLock<TokenSet> =
    LazyLock::new(|| TokenSet::new(FORMS.iter().map(|f| normalise(f))));
static REFLEXIVE_SET: LazyLock<TokenSet> = LazyLock::new(|| TokenSet::new(REFLEXIVES));

/// Token `i` is a finite form of an inherently reflexive verb, written as in [`FORMS`]. A
/// token written so has the form's normalised form, so the cheap look-up by hash comes
/// first.
fn is_form(doc: &Document, i: usize) -> bool {
    FORM_SET.contains_token(&doc.tokens, i) && doc.is_word(i) && FORMS.contains(&doc.text(i))
}

impl MissingReflexive {
    /// Reports the reflexive verbs of a clause of a sentence without a reflexive pronoun.
    /// What the suggestions need of the clause (its person, its last word) is found once per
    /// clause, not once per verb, so a long clause costs linear time.
    fn check_clause(&self, doc: &Document, clause: Range<usize>, cx: &mut Context<'_>) {
        let mut person: Option<&str> = None;
        let mut person_known = false;
        let last_word = clause.clone().rev().find(|&j| doc.is_word(j));
        for i in clause.clone() {
            if !is_form(doc, i) {
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
    use crate::rules::testing::flagged;

    #[test]
    fn the_word_sets_hold_the_lists() {
        for form in FORMS {
            assert!(FORM_SET.contains(form), "{form}");
        }
        for r in REFLEXIVES {
            assert!(REFLEXIVE_SET.contains(r), "{r}");
        }
        assert!(!FORM_SET.contains("sich") && !REFLEXIVE_SET.contains("sehnen"));
    }

    #[test]
    fn finds_the_verb() {
        assert_eq!(
            flagged(&MissingReflexive, "nach denen sie sehnen."),
            ["sehnen"]
        );
    }
}
