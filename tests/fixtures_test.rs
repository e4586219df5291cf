//! Fixture files: clean German prose written by the project stays free of major and critical
//! findings; the MT fixtures and the shipped sample yield their planted errors.

use std::fs;
use std::path::Path;

use mtcheck::{Checker, Format, Lexicons, SegmentMode, Severity};

fn check(path: &Path) -> mtcheck::FileReport {
    let checker = Checker::new(Lexicons::builtin().unwrap());
    let text = fs::read_to_string(path).unwrap();
    let fmt = Format::from_path(path).unwrap_or(Format::Text);
    checker.check_text(
        &path.display().to_string(),
        text,
        fmt,
        SegmentMode::Paragraphs,
    )
}

#[test]
fn clean_prose_has_no_major_findings() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/clean");
    let mut words = 0;
    for e in fs::read_dir(dir).unwrap() {
        let r = check(&e.unwrap().path());
        words += r.words;
        let bad: Vec<_> = r
            .findings
            .iter()
            .filter(|f| f.severity >= Severity::Major)
            .collect();
        assert!(bad.is_empty(), "{}: {bad:#?}", r.path);
        assert!(r.findings.len() <= 1, "{}: {:#?}", r.path, r.findings);
    }
    assert!(
        words > 500,
        "the clean fixtures should be several hundred words, got {words}"
    );
}

#[test]
fn shipped_sample_shows_every_rule_family() {
    let p = Path::new(env!("CARGO_MANIFEST_DIR")).join("data/samples/ai-chips.de.txt");
    let r = check(&p);
    let rules: std::collections::BTreeSet<_> = r.findings.iter().map(|f| f.rule).collect();
    for want in [
        "mangled-entity",
        "entity-spelling",
        "literal-idiom",
        "false-friend",
        "anglicism",
        "quote-direction",
        "quote-spacing",
        "unclosed-quote",
        "truncated-text",
        "lowercase-sentence-start",
        "capitalized-after-comma",
        "repeated-phrase",
    ] {
        assert!(rules.contains(want), "sample lacks {want}: {rules:?}");
    }
    assert!(r.findings.len() >= 20, "{}", r.findings.len());
}

#[test]
fn mt_fixtures_are_flagged() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/mt");
    for e in fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if Format::from_path(&p).is_none() || p.file_name().is_some_and(|n| n == "EXPECTED.md") {
            continue;
        }
        let r = check(&p);
        assert!(r.findings.len() >= 2, "{}: {:#?}", r.path, r.findings);
    }
}
