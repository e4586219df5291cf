//! Table-driven rules over the phrase dictionaries (literal idioms, false friends,
//! anglicisms …): one generic rule, [`TableRule`], per phrase table. A table is one file,
//! `data/<file>.csv`, whose front matter declares the rule's id, category, severity,
//! documentation and message (`crate::lexicon::front_matter`); `build.rs` registers it.

use std::sync::LazyLock;

use crate::document::Document;
use crate::finding::Severity;
use crate::lexicon::schema::{phrase_tables, PhraseTableSpec};
use crate::lexicon::{PhraseInfo, PhraseTable};
use crate::rules::{q, Context, Rule, RuleMeta};

/// The rule of the phrase table whose rule id is the `&str` (`literal-idiom`): it reports every
/// match of the table, with the declared message and severity.
#[derive(Debug, Clone, Copy)]
pub struct TableRule(pub &'static str);

/// A phrase table's rule, compiled from its declaration.
#[derive(Debug)]
struct TableDecl {
    meta: RuleMeta,
    /// Index of the table in `phrase_tables()` and `Lexicons::phrases`.
    table: usize,
    with_source: WithSource,
    message: &'static str,
    message_without_english: &'static str,
}

fn leak(s: &str) -> &'static str {
    Box::leak(s.to_string().into_boxed_str())
}

fn leak_all(v: &[String]) -> &'static [&'static str] {
    Box::leak(
        v.iter()
            .map(|s| leak(s))
            .collect::<Vec<_>>()
            .into_boxed_slice(),
    )
}

impl TableDecl {
    /// The rule of table `table`, declared by `spec` (checked by the tests: the declarations
    /// are part of the binary).
    fn new(table: usize, spec: &PhraseTableSpec) -> TableDecl {
        let rule = &spec.rule;
        let severity = rule
            .severity
            .parse::<Severity>()
            .unwrap_or_else(|e| panic!("data/{}.csv, {}: {e}", spec.file, rule.id));
        let with_source = match rule.source.as_str() {
            "keep" => WithSource::Keep,
            "require-evidence" => WithSource::RequireEvidence,
            other => panic!(
                "data/{}.csv, {}: source `{other}` (expected keep or require-evidence)",
                spec.file, rule.id
            ),
        };
        TableDecl {
            meta: RuleMeta {
                id: leak(&rule.id),
                category: leak(&rule.category),
                severity,
                summary: leak(&rule.summary),
                flags: leak(&rule.flags),
                why: leak(&rule.why),
                example: leak(&rule.example),
                instead: leak(&rule.instead),
                positives: leak_all(&rule.positives),
                negatives: leak_all(&rule.negatives),
            },
            table,
            with_source,
            message: leak(&rule.message),
            message_without_english: leak(&rule.message_without_english),
        }
    }
}

static DECLS: LazyLock<Vec<TableDecl>> = LazyLock::new(|| {
    phrase_tables()
        .iter()
        .enumerate()
        .map(|(i, t)| TableDecl::new(i, t))
        .collect()
});

impl TableRule {
    fn decl(&self) -> &'static TableDecl {
        DECLS
            .iter()
            .find(|d| d.meta.id == self.0)
            .unwrap_or_else(|| {
                panic!(
                    "no phrase table (data/*.csv with a front matter) has rule `{}`",
                    self.0
                )
            })
    }
}

/// `template` with `{flagged}` and `{english}` replaced (once each, in one pass, so that a
/// flagged text containing `{english}` stays as it is).
fn render(template: &str, flagged: &str, english: &str) -> String {
    let mut out = String::with_capacity(template.len() + flagged.len() + english.len());
    let mut rest = template;
    while let Some(at) = rest.find('{') {
        out.push_str(&rest[..at]);
        let tail = &rest[at..];
        if let Some(after) = tail.strip_prefix("{flagged}") {
            out.push_str(flagged);
            rest = after;
        } else if let Some(after) = tail.strip_prefix("{english}") {
            out.push_str(english);
            rest = after;
        } else {
            out.push('{');
            rest = &tail[1..];
        }
    }
    out.push_str(rest);
    out
}

impl Rule for TableRule {
    fn meta(&self) -> &'static RuleMeta {
        &self.decl().meta
    }

    fn check(&self, doc: &Document, cx: &mut Context<'_>) {
        let decl = self.decl();
        report_table(
            doc,
            cx,
            &decl.meta,
            |l| &l.phrases[decl.table],
            decl.with_source,
            |text, info, evidence| {
                let template = if info.english.is_empty() {
                    decl.message_without_english
                } else {
                    decl.message
                };
                let base = render(template, &q(text), &info.english);
                format!("{base}{}", confirmed_note(evidence, &info.english))
            },
        );
    }
}

/// What the English source says about a phrase-table match.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum SourceEvidence {
    /// No source is aligned with the match.
    None,
    /// The source contains the English expression: the calque is certain.
    Confirmed,
    /// The source is there but does not contain the expression.
    Absent,
}

/// What to do with a match, given the source.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum WithSource {
    /// Report it either way (a calque may come from a paraphrased source).
    Keep,
    /// Drop it when the source lacks the English word (a false friend needs its English twin).
    RequireEvidence,
}

/// The word stems of an English expression: `poach (staff)` -> [`poach`],
/// `buy one's way to the top` -> [`buy`, `one`, `way`, `to`, `the`, `top`].
fn stems(expr: &str) -> Vec<String> {
    let mut plain = String::new();
    let mut depth = 0usize;
    for c in expr.chars() {
        match c {
            '(' => depth += 1,
            ')' => depth = depth.saturating_sub(1),
            _ if depth == 0 => plain.push(c),
            _ => {}
        }
    }
    plain
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| {
            let w = w.to_lowercase();
            // deployment -> deploy, so that a source saying "deployed" counts
            let cut = ["ments", "ment", "ing", "ed", "es", "s", "e"]
                .iter()
                .find_map(|suf| w.strip_suffix(suf).filter(|s| s.chars().count() >= 3));
            cut.unwrap_or(&w).to_string()
        })
        .collect()
}

/// `source` contains the words of one of the `/`-separated alternatives of `english`, in order,
/// each as the start of a word, at most three words apart.
pub(crate) fn source_has(source: &str, english: &str) -> bool {
    let words: Vec<String> = source
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    english
        .split(" / ")
        .map(stems)
        .filter(|s| !s.is_empty())
        .any(|alt| {
            (0..words.len()).any(|i| {
                let mut at = i;
                alt.iter().enumerate().all(|(k, stem)| {
                    let limit = if k == 0 {
                        at + 1
                    } else {
                        (at + 4).min(words.len())
                    };
                    let from = if k == 0 { at } else { at + 1 };
                    match (from..limit.min(words.len()))
                        .find(|&j| words[j].starts_with(stem.as_str()))
                    {
                        Some(j) => {
                            at = j;
                            true
                        }
                        None => false,
                    }
                })
            })
        })
}

/// The match is part of a name or a title, not the author's choice of words: it lies in a
/// title zone (PC Magazine Editor's Choice Award), or it starts mid-sentence with a capitalised
/// word that German writes in lower case (der Gesetzgebende Körper, a historical body's name).
fn names_a_title(doc: &Document, first: usize, s: usize, e: usize) -> bool {
    if doc.zones.touches(s, e, crate::text::zones::ZoneSet::TITLE) {
        return true;
    }
    // an English possessive after the match: an English name (PC Magazine Editor's Choice)
    let rest = &doc.view[e..];
    if ["'s ", "’s ", "‘s "].iter().any(|p| rest.starts_with(p)) {
        return true;
    }
    let w = doc.text(first);
    let sentence_start = first == 0
        || (0..first)
            .rev()
            .find(|&i| !matches!(doc.text(i), "„" | "\"" | "“" | "‚" | "»" | "«" | "("))
            .is_none_or(|i| matches!(doc.text(i), "." | "!" | "?" | ":"));
    if sentence_start || !w.starts_with(|c: char| c.is_uppercase()) {
        return false;
    }
    let lower: String = w
        .chars()
        .take(1)
        .flat_map(char::to_lowercase)
        .chain(w.chars().skip(1))
        .collect();
    // capitalised before a capitalised word, yet an adjective or participle: only a name
    // makes it so („den Gesetzgebenden Körper“); a noun is capitalised anyway
    let next_capital = first + 1 < doc.tokens.len()
        && doc.is_word(first + 1)
        && doc.text(first + 1).starts_with(|c: char| c.is_uppercase());
    next_capital
        && crate::morph::Morph::global()
            .analyze(&lower, false)
            .iter()
            .any(|r| {
                use crate::morph::Pos;
                matches!(
                    r.tag.pos,
                    Pos::Adjective | Pos::Participle1 | Pos::Participle2
                )
            })
}

/// Reports every match of `table`, with the message `message(flagged, info)`. With an English
/// source, a match whose English expression is in the source is raised one severity level; with
/// `WithSource::RequireEvidence` a match whose English word is missing from the source is dropped.
pub(crate) fn report_table(
    doc: &Document,
    cx: &mut Context<'_>,
    meta: &'static RuleMeta,
    table: impl Fn(&crate::lexicon::Lexicons) -> &PhraseTable<PhraseInfo>,
    with_source: WithSource,
    message: impl Fn(&str, &PhraseInfo, SourceEvidence) -> String,
) {
    let lex = cx.lex;
    for hit in table(lex).find(doc) {
        let info = &hit.entry.data;
        let (s, e) = (
            doc.tok(hit.m.mark_start).start,
            doc.tok(hit.m.mark_end - 1).end,
        );
        if names_a_title(doc, hit.m.mark_start, s, e) {
            continue;
        }
        let evidence = match doc.source_at(s) {
            None => SourceEvidence::None,
            Some(src) if !info.english.is_empty() && source_has(&src.text, &info.english) => {
                SourceEvidence::Confirmed
            }
            Some(_) => SourceEvidence::Absent,
        };
        if evidence == SourceEvidence::Absent && with_source == WithSource::RequireEvidence {
            continue;
        }
        let msg = message(&doc.view[s..e], info, evidence);
        let mut severity = info.severity.unwrap_or(meta.severity);
        if evidence == SourceEvidence::Confirmed {
            severity = match severity {
                crate::finding::Severity::Minor => crate::finding::Severity::Major,
                _ => crate::finding::Severity::Critical,
            };
        }
        cx.report_as(meta, severity, s, e, msg, info.suggestions.first().cloned());
    }
}

/// The sentence a message adds when the source confirms a calque.
pub(crate) fn confirmed_note(evidence: SourceEvidence, english: &str) -> String {
    match evidence {
        SourceEvidence::Confirmed => {
            let mut plain = String::new();
            let mut depth = 0usize;
            for c in english.chars() {
                match c {
                    '(' => depth += 1,
                    ')' => depth = depth.saturating_sub(1),
                    _ if depth == 0 => plain.push(c),
                    _ => {}
                }
            }
            let first = plain
                .split(" / ")
                .next()
                .unwrap_or_default()
                .trim()
                .to_string();
            format!(" The source says “{first}”.")
        }
        _ => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::{flagged, run};

    #[test]
    fn every_declared_table_has_a_registered_rule() {
        assert_eq!(DECLS.len(), phrase_tables().len());
        for d in DECLS.iter() {
            let rule = crate::rules::by_id(d.meta.id).expect("in REGISTRY");
            assert!(std::ptr::eq(rule.meta(), &d.meta), "{}", d.meta.id);
        }
        // build.rs registered the phrase tables of data/ by their `order`, next to each other
        let at = |id: &str| {
            crate::rules::REGISTRY
                .iter()
                .position(|r| r.meta().id == id)
        };
        let places: Vec<Option<usize>> = phrase_tables().iter().map(|t| at(&t.rule.id)).collect();
        let first = places[0].expect("registered");
        let expected: Vec<Option<usize>> = (first..first + places.len()).map(Some).collect();
        assert_eq!(places, expected);
        let ids: Vec<&str> = phrase_tables().iter().map(|t| t.rule.id.as_str()).collect();
        // today's order: of two rules reporting the same place the first keeps it
        assert_eq!(ids, ["literal-idiom", "false-friend", "anglicism"]);
    }

    #[test]
    fn a_table_file_yields_its_rule() {
        let file = crate::lexicon::schema::tests::SAMPLE_TABLE;
        let specs = crate::lexicon::schema::read_phrase_tables(&[("colloquial.csv", file)]);
        let decl = TableDecl::new(0, &specs.unwrap()[0]);
        let m = &decl.meta;
        assert_eq!(
            (m.id, m.category, m.severity),
            ("colloquial", "style/register", Severity::Minor)
        );
        assert_eq!(
            (m.summary, m.flags, m.why, m.example, m.instead),
            ("s", "f", "w", "e", "i")
        );
        assert_eq!((m.positives, m.negatives), (&["p"][..], &[][..]));
        assert_eq!(decl.with_source, WithSource::Keep);
        assert_eq!(decl.message, "{flagged}");
    }

    #[test]
    fn messages_fill_in_the_match_and_the_english_source() {
        assert_eq!(
            render("{flagged} is “{english}”.", "„a {english}“", "b"),
            "„a {english}“ is “b”."
        );
        assert_eq!(render("{x} {flagged", "a", "b"), "{x} {flagged");
    }

    #[test]
    fn literal_idiom_matches_inflected_forms() {
        assert_eq!(
            flagged(&TableRule("literal-idiom"), "Sie hat tiefe Taschen."),
            ["tiefe Taschen"]
        );
    }

    #[test]
    fn false_friend_proposes_the_german_word() {
        let got = run(&TableRule("false-friend"), "Meta pochierte zwei Forscher.");
        assert_eq!(got.len(), 1);
        assert!(got[0].1.is_some());
    }

    #[test]
    fn anglicism_has_a_suggestion() {
        let got = run(&TableRule("anglicism"), "nach der Unterperformance");
        assert_eq!(got.len(), 1);
        assert!(got[0].1.is_some());
    }

    #[test]
    fn finds_english_expressions_in_the_source() {
        assert!(source_has(
            "Meta uses its deep pockets to win.",
            "deep pockets"
        ));
        assert!(source_has("Meta poached two researchers.", "poach (staff)"));
        assert!(source_has(
            "It tried to buy its way to the top.",
            "buy one's way to the top / buy its way"
        ));
        assert!(source_has("The GPUs were deployed in May.", "deployment"));
        assert!(!source_has("Meta hired two researchers.", "poach (staff)"));
        assert!(!source_has("The pockets were deep.", "deep pockets"));
    }
}
