//! Runs the binary with `mtcheck.toml`: every key, discovery in parent directories,
//! `--config`, `--no-config`, flags over the file, malformed files, and `mtcheck init`.

use std::fs;
use std::path::Path;

use assert_cmd::Command;
use predicates::prelude::*;
use serde_json::Value;

const MT: &str = "Das Unternehmen nutzt seine tiefen Taschen. Der ehemalige Github-CEO kam.\n";

fn write(dir: &Path, name: &str, text: &str) {
    let p = dir.join(name);
    if let Some(parent) = p.parent() {
        fs::create_dir_all(parent).unwrap();
    }
    fs::write(p, text).unwrap();
}

/// `mtcheck check --format jsonl ARGS -` in `dir` with `input` on standard input:
/// (exit code, findings, standard error).
fn check_in(dir: &Path, args: &[&str], input: &str) -> (i32, Vec<Value>, String) {
    let out = Command::cargo_bin("mtcheck")
        .unwrap()
        .current_dir(dir)
        .args(["check", "--format", "jsonl"])
        .args(args)
        .arg("-")
        .write_stdin(input)
        .output()
        .unwrap();
    let findings = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    (
        out.status.code().unwrap_or(-1),
        findings,
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn rules(fs: &[Value]) -> Vec<&str> {
    fs.iter().map(|f| f["rule"].as_str().unwrap()).collect()
}

#[test]
fn without_a_file_the_defaults_hold() {
    let dir = tempfile::tempdir().unwrap();
    let (code, fs, _) = check_in(dir.path(), &[], MT);
    assert_eq!(code, 1);
    assert_eq!(rules(&fs), ["literal-idiom", "entity-spelling"]);
}

#[test]
fn rules_ignore_and_severity() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "mtcheck.toml",
        "[rules]\nignore = [\"literal-idiom\"]\n[rules.severity]\n\"entity-spelling\" = \"critical\"\n",
    );
    let (code, fs, _) = check_in(dir.path(), &[], MT);
    assert_eq!(rules(&fs), ["entity-spelling"]);
    assert_eq!(fs[0]["severity"], "critical");
    assert_eq!(code, 1, "a critical finding fails the gate");
    // --ignore adds to the file's list
    let (code, fs, _) = check_in(dir.path(), &["--ignore", "entity-spelling"], MT);
    assert!(fs.is_empty());
    assert_eq!(code, 0);
}

#[test]
fn style_quotes_sets_the_house_style() {
    let dir = tempfile::tempdir().unwrap();
    let english = "Er sagte “Ja” und ging.\n";
    let (_, fs, _) = check_in(dir.path(), &[], english);
    assert!(
        fs.is_empty(),
        "auto accepts consistent English marks: {fs:?}"
    );
    write(dir.path(), "mtcheck.toml", "[style]\nquotes = \"german\"\n");
    let (_, fs, _) = check_in(dir.path(), &[], english);
    assert_eq!(rules(&fs), ["quote-direction", "quote-direction"]);
    assert_eq!(
        (fs[0]["suggestion"].as_str(), fs[1]["suggestion"].as_str()),
        (Some("„"), Some("“"))
    );
    write(
        dir.path(),
        "mtcheck.toml",
        "[style]\nquotes = \"guillemets\"\n",
    );
    let (_, fs, _) = check_in(dir.path(), &[], "Er sagte „Ja“ und ging.\n");
    let sugg: Vec<_> = fs
        .iter()
        .map(|f| f["suggestion"].as_str().unwrap())
        .collect();
    assert_eq!(sugg, ["»", "«"]);
    // the flag wins over the file
    let (_, fs, _) = check_in(
        dir.path(),
        &["--quotes", "auto"],
        "Er sagte „Ja“ und ging.\n",
    );
    assert!(fs.is_empty(), "{fs:?}");
    for style in ["swiss", "straight", "auto"] {
        write(
            dir.path(),
            "mtcheck.toml",
            &format!("[style]\nquotes = \"{style}\"\n"),
        );
        let (code, _, err) = check_in(dir.path(), &[], "Text.\n");
        assert_eq!(code, 0, "{style}: {err}");
    }
}

#[test]
fn allow_words_are_never_flagged() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "mtcheck.toml",
        "[allow]\nwords = [\"Github\", \"Lama\"]\n",
    );
    let (_, fs, _) = check_in(dir.path(), &[], MT);
    assert_eq!(rules(&fs), ["literal-idiom"]);
    let (_, fs, _) = check_in(dir.path(), &[], "Meta stellte das Lama 4-Modell vor.\n");
    assert!(fs.is_empty(), "{fs:?}");
}

#[test]
fn dictionaries_are_relative_to_the_file_found_in_a_parent() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "dicts/idioms-house.csv",
        "pattern,english,suggestion\nSchnee von gestern,old news,längst bekannt\n",
    );
    write(
        dir.path(),
        "mtcheck.toml",
        "[dictionaries]\nextra = [\"dicts/idioms-house.csv\"]\n",
    );
    let sub = dir.path().join("articles/2025");
    fs::create_dir_all(&sub).unwrap();
    let (_, fs, _) = check_in(&sub, &[], "Das ist Schnee von gestern.\n");
    assert_eq!(fs.len(), 1);
    assert_eq!(fs[0]["suggestion"], "längst bekannt");
    // --no-config ignores it
    let (_, fs, _) = check_in(&sub, &["--no-config"], "Das ist Schnee von gestern.\n");
    assert!(fs.is_empty());
}

#[test]
fn gate_keys_and_flags_over_them() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "mtcheck.toml", "[gate]\nfail-on = \"never\"\n");
    assert_eq!(check_in(dir.path(), &[], MT).0, 0);
    assert_eq!(check_in(dir.path(), &["--fail-on", "major"], MT).0, 1);
    write(
        dir.path(),
        "mtcheck.toml",
        "[gate]\nfail-on = \"never\"\nmax-score = 25\n",
    );
    assert_eq!(check_in(dir.path(), &[], MT).0, 1, "score 545 > 25");
    assert_eq!(check_in(dir.path(), &["--max-score", "1000"], MT).0, 0);
    write(
        dir.path(),
        "mtcheck.toml",
        "[gate]\nfail-on = \"critical\"\n",
    );
    assert_eq!(check_in(dir.path(), &[], MT).0, 0);
    write(dir.path(), "mtcheck.toml", "[gate]\nfail-on = \"minor\"\n");
    let (code, _, _) = check_in(dir.path(), &["--ignore", "literal-idiom"], MT);
    assert_eq!(code, 1, "a minor finding fails with fail-on = minor");
}

#[test]
fn explicit_config_file() {
    let dir = tempfile::tempdir().unwrap();
    let other = tempfile::tempdir().unwrap();
    write(
        other.path(),
        "house.toml",
        "[rules]\nignore = [\"entity-spelling\"]\n",
    );
    write(
        dir.path(),
        "mtcheck.toml",
        "[rules]\nignore = [\"literal-idiom\"]\n",
    );
    let house = other.path().join("house.toml").display().to_string();
    let (_, fs, _) = check_in(dir.path(), &["--config", &house], MT);
    assert_eq!(rules(&fs), ["literal-idiom"]);
    let missing = other.path().join("nope.toml").display().to_string();
    let (code, _, err) = check_in(dir.path(), &["--config", &missing], MT);
    assert_eq!(code, 2);
    assert!(
        err.contains("nope.toml") && err.contains("cannot read"),
        "{err}"
    );
}

#[test]
fn malformed_files_name_the_line_and_exit_2() {
    let dir = tempfile::tempdir().unwrap();
    let cases = [
        (
            "[rules]\nignore = []\nignor = [\"x\"]\n",
            3,
            "unknown field `ignor`",
        ),
        ("[style]\n\nquotes = \"fancy\"\n", 3, "fancy"),
        ("[colour]\nx = 1\n", 1, "unknown field `colour`"),
        (
            "[gate]\nfail-on = \"major\"\nmax-score = \"high\"\n",
            3,
            "max-score",
        ),
        (
            "[rules.severity]\n\"no-such-rule\" = \"minor\"\n",
            2,
            "unknown rule `no-such-rule`",
        ),
        (
            "[rules]\nignore = [\"literal-idiom\", \"nope\"]\n",
            2,
            "unknown rule `nope`",
        ),
        ("[rules.severity]\n\"anglicism\" = \"huge\"\n", 2, "huge"),
        (
            "[dictionaries]\nextra = [\"missing.csv\"]\n",
            2,
            "missing.csv",
        ),
        ("[allow]\nwords = \"Lama\"\n", 2, "words"),
        ("[rules\nignore = []\n", 1, ""),
    ];
    for (toml, line, what) in cases {
        write(dir.path(), "mtcheck.toml", toml);
        let (code, fs, err) = check_in(dir.path(), &[], MT);
        assert_eq!(code, 2, "{toml}: {err}");
        assert!(fs.is_empty());
        assert!(
            err.contains(&format!("mtcheck.toml:{line}: ")),
            "{toml}: expected line {line} in: {err}"
        );
        assert!(err.contains(what), "{toml}: expected `{what}` in: {err}");
        assert!(!err.contains("panicked"));
    }
}

#[test]
fn init_writes_a_commented_default_and_refuses_to_overwrite() {
    let dir = tempfile::tempdir().unwrap();
    Command::cargo_bin("mtcheck")
        .unwrap()
        .current_dir(dir.path())
        .arg("init")
        .assert()
        .code(0)
        .stdout(predicate::str::contains("wrote mtcheck.toml"));
    let written = fs::read_to_string(dir.path().join("mtcheck.toml")).unwrap();
    for key in [
        "[rules]",
        "ignore",
        "[rules.severity]",
        "[style]",
        "quotes",
        "[allow]",
        "words",
        "[dictionaries]",
        "extra",
        "[gate]",
        "fail-on",
        "max-score",
    ] {
        assert!(written.contains(key), "{key}");
    }
    assert!(written.lines().filter(|l| l.starts_with('#')).count() > 10);
    // the default file changes nothing
    let (code, fs, err) = check_in(dir.path(), &[], MT);
    assert_eq!((code, fs.len()), (1, 2), "{err}");
    // a second init keeps the edited file
    fs::write(dir.path().join("mtcheck.toml"), "# mine\n").unwrap();
    Command::cargo_bin("mtcheck")
        .unwrap()
        .current_dir(dir.path())
        .arg("init")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("already exists"));
    assert_eq!(
        fs::read_to_string(dir.path().join("mtcheck.toml")).unwrap(),
        "# mine\n"
    );
}
