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

/// The expected findings of `tests/fixtures/mt/EXPECTED.md`: (file, line, flagged text).
fn expected() -> Vec<(String, usize, String)> {
    let text = fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/mt/EXPECTED.md"),
    )
    .unwrap();
    let mut file = String::new();
    let mut out = Vec::new();
    for line in text.lines() {
        if let Some(h) = line.strip_prefix("## ") {
            file = h.split_whitespace().next().unwrap_or_default().to_string();
            continue;
        }
        let cells: Vec<&str> = line.split('|').map(str::trim).collect();
        if cells.len() < 4 || file.is_empty() {
            continue;
        }
        let Ok(n) = cells[1].parse::<usize>() else {
            continue;
        };
        let flagged = cells[2].split('`').nth(1).unwrap_or_default().to_string();
        out.push((file.clone(), n, flagged));
    }
    out
}

#[test]
fn mt_fixtures_yield_exactly_their_planted_errors() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/mt");
    let want = expected();
    assert!(want.len() >= 12, "{want:?}");
    let mut files: Vec<&str> = want.iter().map(|w| w.0.as_str()).collect();
    files.dedup();
    for f in files {
        let r = check(&dir.join(f));
        for (_, line, flagged) in want.iter().filter(|w| w.0 == f) {
            let hit = r.findings.iter().any(|x| {
                x.line == *line && (flagged.contains(&x.text) || x.text.contains(flagged.as_str()))
            });
            assert!(
                hit,
                "{f}:{line}: `{flagged}` not found in {:#?}",
                r.findings
            );
        }
        for x in &r.findings {
            let planted = want.iter().any(|w| {
                w.0 == f && w.1 == x.line && (w.2.contains(&x.text) || x.text.contains(&w.2))
            });
            assert!(planted, "{f}: unexpected finding {x:#?}");
        }
    }
}

/// The precision guard: over 5,000 words of human-style German that use every trigger word of
/// the dictionaries in its ordinary sense (a llama at the zoo, poached eggs, a runway, deep coat
/// pockets). The dictionary rules must stay silent, the others nearly so.
#[test]
fn precision_guard_is_silent() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/clean_guard");
    let mut words = 0;
    let mut others = Vec::new();
    for e in fs::read_dir(dir).unwrap() {
        let r = check(&e.unwrap().path());
        words += r.words;
        for f in &r.findings {
            let dictionary = matches!(
                f.rule,
                "mangled-entity"
                    | "entity-spelling"
                    | "literal-idiom"
                    | "false-friend"
                    | "anglicism"
            );
            assert!(
                !dictionary,
                "{}: dictionary rule fired on clean text: {f:#?}",
                r.path
            );
            others.push(f.clone());
        }
    }
    assert!(
        words >= 5000,
        "the guard should be at least 5,000 words, got {words}"
    );
    assert!(others.len() <= 2, "{others:#?}");
}
