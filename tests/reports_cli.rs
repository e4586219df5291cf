//! Runs the binary for the editor and pipeline reports: CSV (sentence column, --excel,
//! --csv-delimiter, --summary), HTML, SARIF, suppression comments, and the progress bar.

use std::fs;
use std::path::Path;
use std::process::Command as Std;

use assert_cmd::Command;
use predicates::prelude::*;
use serde_json::Value;

const MT: &str = "Das Unternehmen nutzt seine tiefen Taschen. Der ehemalige Github-CEO kam.\n";
const CLEAN: &str = "Der Stadtrat hat am Montag den Haushalt beschlossen.\n";

fn mtcheck() -> Command {
    Command::cargo_bin("mtcheck").expect("binary builds")
}

fn write(dir: &Path, name: &str, text: &str) -> String {
    let p = dir.join(name);
    if let Some(parent) = p.parent() {
        fs::create_dir_all(parent).unwrap();
    }
    fs::write(&p, text).unwrap();
    p.display().to_string()
}

fn run(args: &[&str]) -> (i32, Vec<u8>, String) {
    let out = mtcheck().args(args).output().unwrap();
    (
        out.status.code().unwrap_or(-1),
        out.stdout,
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn jsonl(args: &[&str]) -> Vec<Value> {
    let mut all = vec!["check", "--format", "jsonl"];
    all.extend(args);
    String::from_utf8(run(&all).1)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

#[test]
fn csv_keeps_the_jsonl_columns_first_and_adds_the_sentence() {
    let dir = tempfile::tempdir().unwrap();
    let p = write(dir.path(), "a.txt", &format!("Erste Zeile.\n\n{MT}"));
    let expected = jsonl(&[&p]);
    let (code, out, _) = run(&["check", "--format", "csv", &p]);
    assert_eq!(code, 1);
    let mut rdr = csv::Reader::from_reader(&out[..]);
    let header: Vec<String> = rdr.headers().unwrap().iter().map(String::from).collect();
    assert_eq!(
        header,
        [
            "path",
            "line",
            "column",
            "end_line",
            "end_column",
            "start",
            "end",
            "rule",
            "category",
            "severity",
            "text",
            "suggestion",
            "message",
            "sentence"
        ]
    );
    let rows: Vec<csv::StringRecord> = rdr.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), expected.len());
    for (row, f) in rows.iter().zip(&expected) {
        for (i, col) in header.iter().take(13).enumerate() {
            let want = match &f[col] {
                Value::String(s) => s.clone(),
                Value::Null => String::new(),
                v => v.to_string(),
            };
            assert_eq!(&row[i], want, "{col}");
        }
    }
    let github = rows.iter().find(|r| &r[10] == "Github").unwrap();
    assert_eq!(&github[13], "Der ehemalige Github-CEO kam.");
    let idiom = rows.iter().find(|r| &r[7] == "literal-idiom").unwrap();
    assert_eq!(&idiom[13], "Das Unternehmen nutzt seine tiefen Taschen.");
}

#[test]
fn excel_dialect_bom_semicolons_crlf() {
    let dir = tempfile::tempdir().unwrap();
    let p = write(dir.path(), "a.txt", MT);
    let (code, out, _) = run(&["check", "--excel", &p]);
    assert_eq!(code, 1);
    assert!(out.starts_with("\u{FEFF}".as_bytes()));
    let text = String::from_utf8(out[3..].to_vec()).unwrap();
    assert!(text.starts_with("path;line;column;"), "{text}");
    assert!(text.contains("\r\n"));
    let mut rdr = csv::ReaderBuilder::new()
        .delimiter(b';')
        .from_reader(text.as_bytes());
    assert_eq!(rdr.headers().unwrap().len(), 14);
    let rows: Vec<_> = rdr.records().map(Result::unwrap).collect();
    assert!(rows.iter().any(|r| &r[7] == "entity-spelling"));
    // a `;` inside a field is quoted; the rows stay 14 wide
    assert!(rows.iter().all(|r| r.len() == 14));

    // --excel implies csv; any other format with it is a usage error
    let (code, _, err) = run(&["check", "--excel", "--format", "json", &p]);
    assert_eq!(code, 2);
    assert!(err.contains("--format csv"), "{err}");
    let (code, _, _) = run(&["check", "--summary", &p]);
    assert_eq!(code, 2);
}

#[test]
fn csv_delimiter() {
    let dir = tempfile::tempdir().unwrap();
    let p = write(dir.path(), "a.txt", MT);
    for (arg, byte) in [("tab", b'\t'), ("|", b'|'), (";", b';')] {
        let (code, out, _) = run(&["check", "--format", "csv", "--csv-delimiter", arg, &p]);
        assert_eq!(code, 1);
        let mut rdr = csv::ReaderBuilder::new()
            .delimiter(byte)
            .from_reader(&out[..]);
        assert_eq!(rdr.headers().unwrap().len(), 14, "{arg}");
        assert!(rdr.records().count() >= 2);
    }
    // the Excel dialect with another separator
    let (_, out, _) = run(&["check", "--excel", "--csv-delimiter", ",", &p]);
    assert!(out.starts_with("\u{FEFF}path,line".as_bytes()));
    let (code, _, err) = run(&["check", "--format", "csv", "--csv-delimiter", "ab", &p]);
    assert_eq!(code, 2);
    assert!(err.contains("separator"), "{err}");
}

#[test]
fn summary_rows_keep_the_table_rectangular() {
    let dir = tempfile::tempdir().unwrap();
    let bad = write(dir.path(), "a-bad.txt", MT);
    let good = write(dir.path(), "b-good.txt", CLEAN);
    let missing = dir.path().join("c-missing.txt").display().to_string();
    let (code, out, _) = run(&[
        "check",
        "--format",
        "csv",
        "--summary",
        &bad,
        &good,
        &missing,
    ]);
    assert_eq!(code, 2);
    let mut rdr = csv::Reader::from_reader(&out[..]);
    let header: Vec<String> = rdr.headers().unwrap().iter().map(String::from).collect();
    assert_eq!(header.len(), 23);
    assert_eq!(
        header[13..],
        [
            "sentence",
            "record",
            "words",
            "critical",
            "major",
            "minor",
            "suppressed",
            "penalty",
            "score",
            "verdict"
        ]
    );
    // the reader is strict: every row has the header's width
    let rows: Vec<csv::StringRecord> = rdr.records().map(Result::unwrap).collect();
    let kinds: Vec<&str> = rows.iter().map(|r| &r[14]).collect();
    let n = jsonl(&[&bad]).len();
    let mut want = vec!["finding"; n];
    want.extend(["file", "file", "error"]);
    assert_eq!(kinds, want);
    let file_row = &rows[n];
    assert_eq!(&file_row[0], bad);
    assert_eq!(&file_row[7], "", "finding columns stay empty");
    assert_eq!(&file_row[15], "11");
    assert_eq!(&file_row[17], "1", "one major");
    assert_eq!(&file_row[18], "1", "one minor");
    assert_eq!(&file_row[20], "6");
    assert_eq!(&file_row[21], "545.45");
    assert_eq!(&file_row[22], "fail");
    let good_row = &rows[n + 1];
    assert_eq!((&good_row[21], &good_row[22]), ("0.00", "pass"));
    let error_row = &rows[n + 2];
    assert_eq!(&error_row[0], missing);
    assert_eq!(&error_row[12], "no such file or directory");
    // Excel gets decimal commas
    let (_, out, _) = run(&["check", "--excel", "--summary", &bad]);
    let text = String::from_utf8(out[3..].to_vec()).unwrap();
    assert!(
        text.contains(";file;11;0;1;1;0;6;545,45;fail\r\n"),
        "{text}"
    );
}

#[test]
fn excel_cells_are_not_formulas() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "=calc.txt", MT);
    let out = mtcheck()
        .current_dir(dir.path())
        .args(["check", "--excel", "=calc.txt"])
        .output()
        .unwrap()
        .stdout;
    let text = String::from_utf8(out).unwrap();
    assert!(
        text.lines().nth(1).unwrap().starts_with("'=calc.txt;"),
        "{text}"
    );
}

fn sarif(args: &[&str]) -> (i32, Value) {
    let mut all = vec!["check", "--format", "sarif"];
    all.extend(args);
    let (code, out, _) = run(&all);
    (code, serde_json::from_slice(&out).expect("SARIF is JSON"))
}

#[test]
fn sarif_has_rules_results_locations_and_fixes() {
    let dir = tempfile::tempdir().unwrap();
    let text = format!("Zeile eins.\n{MT}");
    let p = write(dir.path(), "dir with space/a.txt", &text);
    let expected = jsonl(&[&p]);
    let (code, log) = sarif(&[&p]);
    assert_eq!(code, 1);
    assert_eq!(log["version"], "2.1.0");
    assert!(log["$schema"].as_str().unwrap().contains("sarif-2.1.0"));
    let run = &log["runs"][0];
    let driver = &run["tool"]["driver"];
    assert_eq!(driver["name"], "mtcheck");
    let rules = driver["rules"].as_array().unwrap();
    assert!(rules.len() >= 12);
    for r in rules {
        assert!(r["id"].as_str().is_some_and(|s| !s.is_empty()));
        for field in ["shortDescription", "fullDescription", "help"] {
            assert!(
                r[field]["text"].as_str().is_some_and(|s| !s.is_empty()),
                "{field} of {}",
                r["id"]
            );
        }
        assert!(
            ["error", "warning"].contains(&r["defaultConfiguration"]["level"].as_str().unwrap())
        );
    }
    assert_eq!(run["columnKind"], "unicodeCodePoints");
    assert_eq!(run["invocations"][0]["executionSuccessful"], true);
    let results = run["results"].as_array().unwrap();
    assert_eq!(results.len(), expected.len());
    for (r, f) in results.iter().zip(&expected) {
        assert_eq!(r["ruleId"], f["rule"]);
        let idx = r["ruleIndex"].as_u64().unwrap() as usize;
        assert_eq!(rules[idx]["id"], f["rule"]);
        let level = match f["severity"].as_str().unwrap() {
            "minor" => "warning",
            _ => "error",
        };
        assert_eq!(r["level"], level);
        assert_eq!(r["message"]["text"], f["message"]);
        let loc = &r["locations"][0]["physicalLocation"];
        let uri = loc["artifactLocation"]["uri"].as_str().unwrap();
        assert!(
            uri.starts_with("file:///") && uri.ends_with("dir%20with%20space/a.txt"),
            "{uri}"
        );
        let reg = &loc["region"];
        assert_eq!(reg["startLine"], f["line"]);
        assert_eq!(reg["startColumn"], f["column"]);
        assert_eq!(reg["endLine"], f["end_line"]);
        assert_eq!(reg["endColumn"], f["end_column"]);
        let (s, n) = (
            reg["byteOffset"].as_u64().unwrap() as usize,
            reg["byteLength"].as_u64().unwrap() as usize,
        );
        assert_eq!(&text[s..s + n], f["text"].as_str().unwrap());
        match f["suggestion"].as_str() {
            Some(sugg) => {
                let rep = &r["fixes"][0]["artifactChanges"][0]["replacements"][0];
                assert_eq!(rep["deletedRegion"]["byteOffset"].as_u64(), Some(s as u64));
                assert_eq!(rep["deletedRegion"]["byteLength"].as_u64(), Some(n as u64));
                assert_eq!(rep["insertedContent"]["text"], sugg);
            }
            None => assert!(r.get("fixes").is_none()),
        }
    }
    // unreadable files are tool notifications
    let missing = dir.path().join("missing.txt").display().to_string();
    let (code, log) = sarif(&[&missing]);
    assert_eq!(code, 2);
    let inv = &log["runs"][0]["invocations"][0];
    assert_eq!(inv["executionSuccessful"], false);
    assert!(inv["toolExecutionNotifications"][0]["message"]["text"]
        .as_str()
        .unwrap()
        .contains("no such file"));
}

#[test]
fn html_report_is_self_contained_highlighted_and_escaped() {
    let dir = tempfile::tempdir().unwrap();
    let a = write(dir.path(), "a.txt", MT);
    write(dir.path(), "b.txt", CLEAN);
    let c = write(
        dir.path(),
        "c.md",
        "Der <script>alert(1)</script> Github-Chef & \"Freunde\" kamen.\n",
    );
    let out_dir = tempfile::tempdir().unwrap();
    let out = out_dir.path().join("report.html");
    let out_s = out.display().to_string();
    mtcheck()
        .args(["check", "--format", "html", "-o", &out_s])
        .arg(dir.path())
        .assert()
        .code(1)
        .stdout(predicate::str::is_empty());
    let page = fs::read_to_string(&out).unwrap();
    assert!(page.starts_with("<!DOCTYPE html>"));
    assert!(page.contains("Content-Security-Policy"));
    for external in ["http://", "https://", " src=", "<link", "@import"] {
        assert!(!page.contains(external), "{external}");
    }
    // every file in the table with its verdict, every finding highlighted and listed
    for p in [&a, &c] {
        assert!(page.contains(&format!("{}</a>", p)), "{p}");
    }
    assert_eq!(page.matches("<tr><td><a href=\"#file-").count(), 3);
    let row = |name: &str| {
        page.lines()
            .find(|l| l.starts_with("<tr>") && l.contains(&format!("{name}</a>")))
            .unwrap_or_default()
            .to_string()
    };
    assert!(row("a.txt").contains("badge fail"), "{}", row("a.txt"));
    assert!(row("b.txt").contains("badge pass"), "{}", row("b.txt"));
    let n = jsonl(&[dir.path().to_str().unwrap()]).len();
    assert_eq!(page.matches("<li class=\"finding\"").count(), n);
    assert!(page.matches("<mark class=\"f ").count() >= 3);
    assert!(page.contains("<mark class=\"f major\""));
    assert!(page.contains("<mark class=\"f minor\""));
    assert!(page.contains("Suggestion: <b>GitHub</b>"));
    // input is escaped
    assert!(!page.contains("<script>alert(1)"));
    assert!(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(page.contains("&amp; \"Freunde\""));
    // filter controls for the severities and the rules present
    assert!(page.contains("data-filter=\"severity\" value=\"major\""));
    assert!(page.contains("data-filter=\"rule\" value=\"literal-idiom\""));

    // to standard output as well
    mtcheck()
        .args(["check", "--format", "html", &a])
        .assert()
        .code(1)
        .stdout(predicate::str::contains("tiefen Taschen</mark>"));
}

#[test]
fn ignore_comments_suppress_the_next_paragraph_and_are_counted() {
    let dir = tempfile::tempdir().unwrap();
    let md = write(
        dir.path(),
        "a.md",
        &format!(
            "<!-- mtcheck-ignore entity-spelling -->\n{MT}\n<!-- mtcheck-ignore -->\n{MT}\n{MT}"
        ),
    );
    let fs = jsonl(&[&md]);
    // the first paragraph keeps its idiom, the second paragraph is silent, the third is whole
    let lines: Vec<u64> = fs.iter().map(|f| f["line"].as_u64().unwrap()).collect();
    assert_eq!(lines, [2, 7, 7], "{fs:?}");
    let (_, out, _) = run(&["check", "--color", "never", &md]);
    let text = String::from_utf8(out).unwrap();
    assert!(
        text.contains("3 findings (0 critical, 2 major, 1 minor), 3 suppressed"),
        "{text}"
    );
    let (_, out, _) = run(&["check", "--format", "json", &md]);
    let json: Value = serde_json::from_slice(&out).unwrap();
    assert_eq!(json["files"][0]["suppressed"], 3);

    let html = write(
        dir.path(),
        "a.html",
        &format!("<p>{MT}</p>\n<!-- mtcheck-ignore literal-idiom entity-spelling -->\n<p>{MT}</p>"),
    );
    let fs = jsonl(&[&html]);
    assert_eq!(fs.len(), 2, "{fs:?}");
    assert!(fs.iter().all(|f| f["line"] == 1));
    // plain text has no comments: nothing is suppressed
    let txt = write(
        dir.path(),
        "a.txt",
        &format!("<!-- mtcheck-ignore -->\n{MT}"),
    );
    assert_eq!(jsonl(&[&txt]).len(), 2);
}

#[test]
fn progress_bar_only_on_a_terminal() {
    let dir = tempfile::tempdir().unwrap();
    for i in 0..4 {
        write(dir.path(), &format!("f{i}.txt"), MT);
    }
    let d = dir.path().display().to_string();
    // a pipe: silent
    let (_, _, err) = run(&["check", "--format", "jsonl", &d]);
    assert_eq!(err, "");
    // a terminal (a pseudo-terminal from util-linux `script`): the bar is drawn
    let bin = assert_cmd::cargo::cargo_bin("mtcheck");
    let cmd = format!("{} check --format jsonl -o /dev/null {d}", bin.display());
    match Std::new("script")
        .args(["-qec", &cmd, "/dev/null"])
        .output()
    {
        Ok(out) => {
            let shown = String::from_utf8_lossy(&out.stdout);
            assert!(shown.contains("/4 files"), "{shown}");
            assert!(shown.contains("findings"), "{shown}");
        }
        Err(e) => eprintln!("progress bar on a terminal: SKIPPED (no `script`: {e})"),
    }
}
