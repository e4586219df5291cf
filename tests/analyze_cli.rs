//! `mtcheck analyze`: the morphology layer's readings, as a user sees them.

use assert_cmd::Command;
use predicates::prelude::*;

fn mtcheck() -> Command {
    Command::cargo_bin("mtcheck").expect("binary built")
}

#[test]
fn analyze_stdin_shows_lemma_gender_number_and_case() {
    mtcheck()
        .args(["analyze", "-"])
        .write_stdin("Die Häuser\n")
        .assert()
        .success()
        .stdout(predicate::str::contains("Die\t(lower case) der ART:DEF:"))
        .stdout(predicate::str::contains("ART:DEF:NOM:PLU:NEU"))
        .stdout(predicate::str::contains("Häuser\tHaus SUB:"))
        .stdout(predicate::str::contains("SUB:NOM:PLU:NEU"));
}

#[test]
fn analyze_argument_marks_compounds_and_unknown_words() {
    mtcheck()
        .args(["analyze", "Der Batterietag und flimig."])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "Batterietag\t(compound: head tag) Batterietag SUB:",
        ))
        .stdout(predicate::str::contains("SUB:NOM:SIN:MAS"))
        .stdout(predicate::str::contains("flimig\tunknown"));
}
