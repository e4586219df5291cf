//! Translation units of bilingual files through the binary: every report names the unit's id
//! (escaped as its format requires), an empty or missing target is an untranslated segment
//! that counts in the score and the gate, and a bilingual file that is not well-formed is an
//! error for that file (exit 2) while the batch goes on.

use std::fs;
use std::path::Path;

use assert_cmd::Command;

/// An id with everything a report must escape: a quote, markup, a comma, a colon, a line
/// break and an ESC byte.
const NASTY_ID: &str = "a\"<b>,c:d\ne\u{1b}[31mf";

/// JSON Lines: a literal idiom in unit `NASTY_ID`, an empty target in unit 7 (a number), a
/// record without an id whose target is missing.
fn jsonl_file(dir: &Path) -> String {
    let id = serde_json::to_string(NASTY_ID).expect("a string serialises");
    let text = format!(
        "{{\"id\": {id}, \"source\": \"He has deep pockets.\", \"target\": \"Er hat tiefe Taschen.\"}}\n\
         {{\"id\": 7, \"source\": \"Good morning.\", \"target\": \"\"}}\n\
         {{\"source\": \"Good night.\"}}\n"
    );
    write(dir, "units.jsonl", &text)
}

fn write(dir: &Path, name: &str, text: &str) -> String {
    let p = dir.join(name);
    fs::write(&p, text).expect("written");
    p.display().to_string()
}

/// Runs `mtcheck check --no-config ARGS`: (exit code, stdout bytes, stderr).
fn run(args: &[&str]) -> (i32, Vec<u8>, String) {
    let out = Command::cargo_bin("mtcheck")
        .expect("binary builds")
        .args(["check", "--no-config"])
        .args(args)
        .output()
        .expect("runs");
    (
        out.status.code().unwrap_or(-1),
        out.stdout,
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn jsonl_findings(stdout: &[u8]) -> Vec<serde_json::Value> {
    String::from_utf8_lossy(stdout)
        .lines()
        .map(|l| serde_json::from_str(l).expect("JSON"))
        .collect()
}

#[test]
fn jsonl_and_json_carry_the_id_only_when_there_is_one() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = jsonl_file(dir.path());
    let (code, out, _) = run(&["--format", "jsonl", &file]);
    assert_eq!(code, 1, "the untranslated segments fail the gate");
    let fs = jsonl_findings(&out);
    let idiom = fs
        .iter()
        .find(|f| f["rule"] == "literal-idiom")
        .expect("idiom");
    assert_eq!(idiom["segment_id"], NASTY_ID);
    let blank: Vec<_> = fs
        .iter()
        .filter(|f| f["rule"] == "untranslated-segment")
        .collect();
    assert_eq!(blank.len(), 2, "{fs:?}");
    assert_eq!(blank[0]["segment_id"], "7");
    assert_eq!(blank[0]["text"], "\"\"");
    assert_eq!(blank[0]["line"], 2);
    assert_eq!(blank[0]["source_text"], "Good morning.");
    assert_eq!(blank[1]["line"], 3);
    assert_eq!(blank[1]["text"], "{\"source\": \"Good night.\"}");
    assert!(
        blank[1].get("segment_id").is_none(),
        "no id, no field: {:?}",
        blank[1]
    );
    // the existing fields keep their order; the id comes last
    let keys: Vec<&String> = idiom.as_object().expect("object").keys().collect();
    assert_eq!(keys.last().map(|k| k.as_str()), Some("segment_id"));
    assert_eq!(keys.first().map(|k| k.as_str()), Some("path"));

    let (_, out, _) = run(&["--format", "json", &file]);
    let doc: serde_json::Value = serde_json::from_slice(&out).expect("JSON");
    let file0 = &doc["files"][0];
    assert!(file0["penalty"].as_u64().expect("penalty") >= 10, "{file0}");
    let ids: Vec<&serde_json::Value> = file0["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .map(|f| &f["segment_id"])
        .collect();
    assert!(ids.contains(&&serde_json::json!(NASTY_ID)), "{ids:?}");
}

#[test]
fn sarif_names_the_unit_as_a_logical_location() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = jsonl_file(dir.path());
    let (_, out, _) = run(&["--format", "sarif", &file]);
    let log: serde_json::Value = serde_json::from_slice(&out).expect("JSON");
    let results = log["runs"][0]["results"].as_array().expect("results");
    let idiom = results
        .iter()
        .find(|r| r["ruleId"] == "literal-idiom")
        .expect("idiom");
    assert_eq!(
        idiom["locations"][0]["logicalLocations"][0]["name"],
        NASTY_ID
    );
    assert_eq!(idiom["properties"]["segmentId"], NASTY_ID);
    let no_id = results
        .iter()
        .find(|r| r["locations"][0]["physicalLocation"]["region"]["startLine"] == 3)
        .expect("the record without an id");
    assert!(no_id["locations"][0].get("logicalLocations").is_none());
    assert!(no_id["properties"].get("segmentId").is_none());
}

#[test]
fn csv_adds_the_id_as_the_last_column() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = jsonl_file(dir.path());
    for excel in [false, true] {
        let mut args = vec!["--format", "csv"];
        if excel {
            args.push("--excel");
        }
        args.push(&file);
        let (_, out, _) = run(&args);
        let out = out.strip_prefix("\u{FEFF}".as_bytes()).unwrap_or(&out);
        let mut r = csv::ReaderBuilder::new()
            .delimiter(if excel { b';' } else { b',' })
            .from_reader(out);
        let header: Vec<String> = r
            .headers()
            .expect("header")
            .iter()
            .map(String::from)
            .collect();
        assert_eq!(header[..3], ["path", "line", "column"]);
        assert_eq!(header[header.len() - 2..], ["source", "segment_id"]);
        let rows: Vec<csv::StringRecord> = r.records().map(|x| x.expect("row")).collect();
        let last = |row: &csv::StringRecord| row.get(row.len() - 1).map(String::from);
        let idiom = rows
            .iter()
            .find(|row| row.get(7) == Some("literal-idiom"))
            .expect("idiom row");
        assert_eq!(last(idiom).as_deref(), Some(NASTY_ID), "excel: {excel}");
        let blank = rows
            .iter()
            .find(|row| row.get(1) == Some("2"))
            .expect("blank row");
        assert_eq!(last(blank).as_deref(), Some("7"));
        assert!(rows.iter().all(|row| row.len() == header.len()));
    }
}

#[test]
fn text_html_and_github_show_the_unit_escaped() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = jsonl_file(dir.path());
    let (_, out, _) = run(&["--format", "text", "--color", "never", &file]);
    let text = String::from_utf8(out).expect("UTF-8");
    assert!(
        !text.contains('\u{1b}'),
        "no raw ESC on a terminal:\n{text}"
    );
    let line = text
        .lines()
        .find(|l| l.contains("literal-idiom"))
        .expect("idiom line");
    assert!(
        line.contains(":1:") && line.contains("[unit a\"<b>,c:d\\ne\\e[31mf] "),
        "{line}"
    );
    assert!(text
        .lines()
        .any(|l| l.contains(":2:") && l.contains("[unit 7] major untranslated-segment")));

    let (_, out, _) = run(&["--format", "html", &file]);
    let html = String::from_utf8(out).expect("UTF-8");
    assert!(!html.contains("<b>,c"), "the id is markup-escaped");
    assert!(html.contains("<span class=\"cat unit\">unit a\"&lt;b&gt;,c:d"));
    assert!(html.contains("<span class=\"cat unit\">unit 7</span>"));

    let (_, out, _) = run(&["--format", "github", &file]);
    let annotations = String::from_utf8(out).expect("UTF-8");
    // two annotations and the summary notice
    assert_eq!(annotations.lines().count(), 3 + 1, "{annotations}");
    assert!(
        annotations.contains(") unit a\"<b>%2Cc%3Ad%0Ae\u{1b}[31mf::„tiefe Taschen“"),
        "{annotations}"
    );
}

#[test]
fn xlsx_has_a_segment_id_column() {
    use calamine::{Data, Reader, Xlsx};
    let dir = tempfile::tempdir().expect("temp dir");
    let file = jsonl_file(dir.path());
    let book = dir.path().join("r.xlsx");
    let (code, _, err) = run(&["-o", &book.display().to_string(), &file]);
    assert_eq!(code, 1, "{err}");
    let mut x: Xlsx<_> = calamine::open_workbook(&book).expect("opens");
    let sheet = x.worksheet_range("Findings").expect("findings sheet");
    let rows: Vec<&[Data]> = sheet.rows().collect();
    let col = rows[0]
        .iter()
        .position(|c| *c == "segment_id")
        .expect("segment_id column");
    assert_eq!(rows[0][col - 1].to_string(), "source");
    let ids: Vec<String> = rows[1..].iter().map(|r| r[col].to_string()).collect();
    assert!(ids.contains(&"7".to_string()), "{ids:?}");
    assert!(ids.iter().any(|i| i.starts_with("a\"<b>,c:d")), "{ids:?}");
}

#[test]
fn xliff_and_tmx_ids_and_blank_targets() {
    let dir = tempfile::tempdir().expect("temp dir");
    let x = r#"<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2"><file source-language="en" target-language="de"><body>
<trans-unit id="t&amp;1"><source>He has deep pockets.</source><target>Er hat tiefe Taschen.</target></trans-unit>
<trans-unit id="t2"><source>Good morning.</source><target/></trans-unit>
<trans-unit id="t3"><source>Good night.</source></trans-unit>
<trans-unit id="t4" translate="no"><source>ACME</source></trans-unit>
</body></file></xliff>
"#;
    let xlf = write(dir.path(), "a.xlf", x);
    let (code, out, _) = run(&["--format", "jsonl", &xlf]);
    assert_eq!(code, 1);
    let fs = jsonl_findings(&out);
    let got: Vec<(&str, &str, u64)> = fs
        .iter()
        .map(|f| {
            (
                f["segment_id"].as_str().unwrap_or("-"),
                f["text"].as_str().unwrap_or("-"),
                f["line"].as_u64().unwrap_or(0),
            )
        })
        .filter(|(_, t, _)| !t.starts_with("tiefe"))
        .collect();
    assert_eq!(
        got,
        [("t2", "<target/>", 4), ("t3", "<trans-unit id=\"t3\">", 5)]
    );
    assert!(fs
        .iter()
        .any(|f| f["segment_id"] == "t&1" && f["rule"] == "literal-idiom"));

    let x2 = r#"<xliff version="2.0" srcLang="en" trgLang="de"><file id="f"><unit id="u1">
<segment id="s1"><source>He has deep pockets.</source><target>Er hat tiefe Taschen.</target></segment>
<segment><source>Good night.</source></segment></unit></file></xliff>"#;
    let xlf2 = write(dir.path(), "b.xlf", x2);
    let (_, out, _) = run(&["--format", "jsonl", &xlf2]);
    let fs = jsonl_findings(&out);
    assert!(fs.iter().any(|f| f["segment_id"] == "u1/s1"), "{fs:?}");
    assert!(fs
        .iter()
        .any(|f| f["segment_id"] == "u1" && f["rule"] == "untranslated-segment"));

    let t = r#"<tmx version="1.4"><header srclang="en"/><body>
<tu tuid="42"><tuv xml:lang="en"><seg>He has deep pockets.</seg></tuv><tuv xml:lang="de"><seg>Er hat tiefe Taschen.</seg></tuv></tu>
<tu tuid="43"><tuv xml:lang="en"><seg>Good night.</seg></tuv></tu>
</body></tmx>"#;
    let tmx = write(dir.path(), "c.tmx", t);
    let (_, out, _) = run(&["--format", "jsonl", &tmx]);
    let fs = jsonl_findings(&out);
    assert!(fs
        .iter()
        .any(|f| f["segment_id"] == "42" && f["rule"] == "literal-idiom"));
    let blank = fs
        .iter()
        .find(|f| f["rule"] == "untranslated-segment")
        .expect("blank");
    assert_eq!(
        (blank["segment_id"].as_str(), blank["line"].as_u64()),
        (Some("43"), Some(3))
    );
    assert_eq!(blank["text"], "<tu tuid=\"43\">");
}

#[test]
fn tsv_id_column_and_empty_cells() {
    let dir = tempfile::tempdir().expect("temp dir");
    let tsv = write(
        dir.path(),
        "a.tsv",
        "ID\tsource\ttarget\nk1\tHe has deep pockets.\tEr hat tiefe Taschen.\nk2\tGood night.\t\n",
    );
    let (code, out, _) = run(&["--format", "jsonl", &tsv]);
    assert_eq!(code, 1);
    let fs = jsonl_findings(&out);
    assert!(fs
        .iter()
        .any(|f| f["segment_id"] == "k1" && f["rule"] == "literal-idiom"));
    let blank = fs
        .iter()
        .find(|f| f["rule"] == "untranslated-segment")
        .expect("blank");
    assert_eq!(blank["segment_id"], "k2");
    assert_eq!(blank["text"], "k2\tGood night.");
    // a file with only blank targets has no words, and still fails with its findings
    let all_blank = write(dir.path(), "b.csv", "source,target\nGood night.,\"\"\n");
    let (code, out, _) = run(&["--format", "json", &all_blank]);
    assert_eq!(code, 1);
    let doc: serde_json::Value = serde_json::from_slice(&out).expect("JSON");
    assert_eq!(doc["files"][0]["words"], 0);
    assert_eq!(doc["files"][0]["passed"], false);
    assert_eq!(doc["files"][0]["findings"][0]["text"], "\"\"");
}

/// Runs `mtcheck check --format jsonl BAD GOOD`: exit 2, `BAD: message` on standard error,
/// the good file still reported.
fn assert_malformed(dir: &Path, name: &str, content: &str, message: &str) {
    let bad = write(dir, name, content);
    let good = write(
        dir,
        "good.jsonl",
        "{\"source\": \"He has deep pockets.\", \"target\": \"Er hat tiefe Taschen.\"}\n",
    );
    let (code, out, err) = run(&["--format", "jsonl", &bad, &good]);
    assert_eq!(code, 2, "{name}: {err}");
    assert!(
        err.contains(&format!("{bad}: {message}")),
        "expected `{bad}: {message}` in:\n{err}"
    );
    let fs = jsonl_findings(&out);
    assert!(
        !fs.is_empty() && fs.iter().all(|f| f["path"] == good.as_str()),
        "{name}: {fs:?}"
    );
    assert!(!err.contains("panicked"));
}

#[test]
fn malformed_bilingual_files_are_errors() {
    let dir = tempfile::tempdir().expect("temp dir");
    let d = dir.path();
    assert_malformed(
        d,
        "mismatch.xlf",
        "<xliff version=\"1.2\"><file><body>\n<trans-unit id=\"1\"><source>a</source><target>b</source></trans-unit>\n</body></file></xliff>\n",
        "line 2: not well-formed XML",
    );
    assert_malformed(
        d,
        "truncated.xlf",
        "<xliff version=\"1.2\"><file><body>\n<trans-unit id=\"1\"><source>a</source><target>b</target></trans-unit>\n",
        "line 2: not well-formed XML: <body> is not closed",
    );
    assert_malformed(
        d,
        "entity.xlf",
        "<xliff version=\"1.2\"><file><body>\n<trans-unit id=\"1\"><source>a</source><target>b&nbsp;c</target></trans-unit>\n</body></file></xliff>\n",
        "line 2: not well-formed XML",
    );
    assert_malformed(
        d,
        "none.xlf",
        "<xliff version=\"1.2\"><file><body></body></file></xliff>\n",
        "line 1: no translation units",
    );
    assert_malformed(
        d,
        "text.xlf",
        "Nur ein Satz.\n",
        "line 1: no translation units",
    );
    assert_malformed(
        d,
        "none.tmx",
        "<tmx version=\"1.4\"><header/><body/></tmx>\n",
        "line 1: no translation units (no <tu> element)",
    );
    assert_malformed(
        d,
        "bad.jsonl",
        "{\"source\": \"a\", \"target\": \"b\"}\n{\"source\": \"a\", \"target\": \n",
        "line 2: not JSON",
    );
    assert_malformed(
        d,
        "keys.jsonl",
        "{\"id\": 1, \"text\": \"Hallo\"}\n",
        "line 1: no `source` or `target` string",
    );
    assert_malformed(
        d,
        "number.jsonl",
        "{\"source\": \"a\", \"target\": 5}\n",
        "line 1: `target` is not a string",
    );
    assert_malformed(
        d,
        "columns.csv",
        "a,b,c\n1,2,3\n",
        "line 1: no source and target columns found",
    );
    assert_malformed(
        d,
        "header.csv",
        "id,source,target\n",
        "line 1: no rows below the header",
    );
}
