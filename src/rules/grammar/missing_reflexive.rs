//! `missing-reflexive`: an inherently reflexive verb without its reflexive pronoun
//! (nach denen sie sehnen).

use std::ops::Range;

use crate::document::Document;
use crate::finding::Severity;
use crate::rules::{q, Context, Rule, RuleMeta};

/// See [`META`].
pub struct MissingReflexive;

static META: RuleMeta = RuleMeta {
    id: "missing-reflexive",
    category: "fluency/grammar",
    severity: Severity::Minor,
    summary: "A verb that is always reflexive used without mich/dich/sich/uns/euch (nach denen sie sehnen).",
    flags: "Finite forms of verbs that German only uses reflexively (sich sehnen, sich weigern, \
            sich beeilen, sich schämen, sich ereignen, sich bedanken …) in a clause that has no \
            reflexive pronoun.",
    why: "English long for, refuse and hurry are not reflexive, so machine translation drops the \
          pronoun; the German sentence is ungrammatical.",
    example: "… die Tools geben, nach denen sie sehnen.",
    instead: "… die Werkzeuge geben, nach denen sie sich sehnen.",
    positives: &["Er will ihnen die Tools geben, nach denen sie sehnen.", "Der Vorstand weigerte, das zu tun."],
    negatives: &["Er will ihnen die Tools geben, nach denen sie sich sehnen.", "Der Vorstand weigerte sich, das zu tun.", "Wir bedanken uns herzlich."],
};

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
            if words.clone().any(|i| REFLEXIVES.contains(&doc.norm(i))) {
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

/// Token `i` is a finite form of an inherently reflexive verb. Every form starts with one of
/// five letters, which rules out most words before the list is searched.
fn is_form(doc: &Document, i: usize) -> bool {
    let w = doc.text(i);
    matches!(w.as_bytes().first(), Some(b'b' | b'e' | b's' | b'v' | b'w'))
        && doc.is_word(i)
        && FORMS.contains(&w)
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
    fn every_form_passes_the_first_letter_test() {
        for form in FORMS {
            assert!(
                matches!(form.as_bytes()[0], b'b' | b'e' | b's' | b'v' | b'w'),
                "{form}"
            );
        }
    }

    #[test]
    fn finds_the_verb() {
        assert_eq!(
            flagged(&MissingReflexive, "nach denen sie sehnen."),
            ["sehnen"]
        );
    }
}
