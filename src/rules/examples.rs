//! Every rule's examples, run: each positive must be flagged and each negative must not, and
//! what the rule says about them (span, message, suggestion) is kept as an insta snapshot per
//! rule in `src/rules/snapshots/`. The test walks the registry, so a new rule is covered
//! without touching this file; review new or changed snapshots with `cargo insta review`
//! (or accept them with `INSTA_UPDATE=always cargo test --lib rules::examples`).

use std::fmt::Write;

use super::testing::findings;
use super::{Rule, REGISTRY};

/// What `rule` reports on `text`, one block per finding; `None` when it reports nothing.
fn describe(rule: &dyn Rule, text: &str) -> Option<String> {
    let (view, found) = findings(rule, text);
    if found.is_empty() {
        return None;
    }
    let mut out = String::new();
    for f in found {
        let _ = writeln!(out, "  {}..{} {:?}", f.start, f.end, &view[f.start..f.end]);
        let _ = writeln!(out, "    severity: {}", f.severity.as_str());
        let _ = writeln!(out, "    message: {}", f.message);
        match f.suggestion {
            Some(s) => {
                let _ = writeln!(out, "    suggestion: {s:?}");
            }
            None => out.push_str("    suggestion: none\n"),
        }
    }
    Some(out)
}

/// The snapshot text of one rule: every positive with its findings, then every negative.
fn snapshot(rule: &dyn Rule) -> String {
    let m = rule.meta();
    let mut out = String::new();
    for p in m.positives {
        let Some(found) = describe(rule, p) else {
            panic!("{} should flag its positive example: {p}", m.id);
        };
        let _ = writeln!(out, "positive: {p}\n{found}");
    }
    for n in m.negatives {
        if let Some(found) = describe(rule, n) {
            panic!(
                "{} should not flag its negative example: {n}\n{found}",
                m.id
            );
        }
        let _ = writeln!(out, "negative: {n}\n  no finding\n");
    }
    out
}

#[test]
fn every_rule_flags_its_positives_and_not_its_negatives() {
    for rule in REGISTRY {
        let m = rule.meta();
        assert!(
            !m.positives.is_empty() && !m.negatives.is_empty(),
            "{} needs positive and negative examples",
            m.id
        );
        insta::assert_snapshot!(m.id, snapshot(*rule));
    }
}
