//! Runs the binary on bilingual inputs: --source, JSON Lines, TSV/CSV, XLIFF, TMX, and their
//! malformed or misaligned forms (exit 2, other files still checked).

use std::fs;
use std::path::Path;

use assert_cmd::Command;

fn mtcheck() -> Command {
    Command::cargo_bin("mtcheck").expect("binary builds")
}

fn write(dir: &Path, name: &str, text: &str) -> String {
    let p = dir.join(name);
    fs::write(&p, text).unwrap();
    p.display().to_string()
}

fn run(args: &[&str]) -> (i32, Vec<serde_json::Value>, String) {
    let out = mtcheck()
        .args(["check", "--no-config", "--format", "jsonl"])
        .args(args)
        .output()
        .unwrap();
    let findings = String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).expect("JSON"))
        .collect();
    (
        out.status.code().unwrap_or(-1),
        findings,
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn has(fs: &[serde_json::Value], rule: &str, severity: &str) -> bool {
    fs.iter()
        .any(|f| f["rule"] == rule && f["severity"] == severity)
}

#[test]
fn xliff_acceptance_name_and_number() {
    let dir = tempfile::tempdir().unwrap();
    let x = r#"<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
 <file source-language="en" target-language="de" datatype="plaintext" original="a.txt"><body>
  <trans-unit id="1">
   <source>Perplexity CEO Aravind Srinivas said the company is worth 4.4 billion dollars.</source>
   <target>Verwirrte CEO Aravind Srinivas sagte, das Unternehmen sei 4,4 Billionen Dollar wert.</target>
  </trans-unit>
 </body></file>
</xliff>
"#;
    let p = write(dir.path(), "a.xlf", x);
    let (code, fs, _) = run(&[&p]);
    assert_eq!(code, 1);
    assert!(has(&fs, "source-name", "critical"), "{fs:?}");
    assert!(has(&fs, "source-number", "major"), "{fs:?}");
    for f in &fs {
        let (s, e) = (
            f["start"].as_u64().unwrap() as usize,
            f["end"].as_u64().unwrap() as usize,
        );
        assert_eq!(&x[s..e], f["text"].as_str().unwrap());
        assert!(f["source_text"]
            .as_str()
            .unwrap()
            .starts_with("Perplexity CEO"));
    }
    let name = fs.iter().find(|f| f["rule"] == "source-name").unwrap();
    assert_eq!(name["text"], "Verwirrte");
    let num = fs.iter().find(|f| f["rule"] == "source-number").unwrap();
    assert_eq!(num["text"], "4,4 Billionen");
}

#[test]
fn source_file_lines_and_misalignment() {
    let dir = tempfile::tempdir().unwrap();
    let en = write(
        dir.path(),
        "s.en",
        "Perplexity CEO spoke.\nIt cost 4.4 billion.\n",
    );
    let de = write(
        dir.path(),
        "t.de",
        "Verwirrte CEO sprach.\nEs kostete 4,4 Milliarden.\n",
    );
    let (code, fs, _) = run(&["--segments", "lines", "--source", &en, &de]);
    assert_eq!(code, 1);
    assert!(has(&fs, "source-name", "critical"));
    assert!(!fs.iter().any(|f| f["rule"] == "source-number"));
    assert_eq!(fs[0]["source_text"], "Perplexity CEO spoke.");
    let short = write(dir.path(), "short.en", "One line.\n");
    let (code, fs, err) = run(&["--segments", "lines", "--source", &short, &de]);
    assert_eq!(code, 2);
    assert!(fs.is_empty());
    assert!(
        err.contains("2 lines in") && err.contains("but 1 in its source"),
        "{err}"
    );
    // without a source the field is null
    let (_, fs, _) = run(&[&de]);
    assert!(fs.iter().all(|f| f["source_text"].is_null()));
}

#[test]
fn jsonl_offsets_and_a_malformed_file_next_to_a_good_one() {
    let dir = tempfile::tempdir().unwrap();
    let text = "{\"id\": 1, \"source\": \"He has deep pockets.\", \"target\": \"Er hat \\\"tiefe Taschen\\\".\"}\n";
    let good = write(dir.path(), "a.jsonl", text);
    let bad = write(
        dir.path(),
        "b.jsonl",
        "{\"id\": 1, \"target\": \"x\"}\nnot json\n",
    );
    let (code, fs, err) = run(&[&good, &bad]);
    assert_eq!(code, 2);
    assert!(err.contains("b.jsonl: line 2: not JSON"), "{err}");
    let f = fs
        .iter()
        .find(|f| f["rule"] == "literal-idiom")
        .expect("idiom found");
    let (s, e) = (
        f["start"].as_u64().unwrap() as usize,
        f["end"].as_u64().unwrap() as usize,
    );
    assert_eq!(&text[s..e], "tiefe Taschen");
    assert_eq!(f["source_text"], "He has deep pockets.");
}

#[test]
fn tsv_csv_and_tmx() {
    let dir = tempfile::tempdir().unwrap();
    let tsv = write(
        dir.path(),
        "a.tsv",
        "id\tsource\ttarget\n1\tPerplexity CEO spoke.\tVerwirrte CEO sprach.\n",
    );
    let (code, fs, _) = run(&[&tsv]);
    assert_eq!(code, 1);
    assert!(has(&fs, "source-name", "critical"));
    let csv = write(
        dir.path(),
        "a.csv",
        "en,de\n\"It cost 4.4 billion.\",\"Es kostete 4,4 Billionen.\"\n",
    );
    let (_, fs, _) = run(&["--columns", "en,de", &csv]);
    assert!(has(&fs, "source-number", "major"), "{fs:?}");
    let bad = write(dir.path(), "b.csv", "a,b,c\n1,2,3\n");
    let (code, _, err) = run(&[&bad, &tsv]);
    assert_eq!(code, 2);
    assert!(err.contains("no source and target columns"), "{err}");
    let tmx = write(
        dir.path(),
        "a.tmx",
        r#"<tmx version="1.4"><header srclang="en"/><body><tu>
<tuv xml:lang="en"><seg>Perplexity CEO spoke.</seg></tuv>
<tuv xml:lang="de"><seg>Verwirrte CEO sprach.</seg></tuv></tu></body></tmx>"#,
    );
    let (_, fs, _) = run(&[&tmx]);
    assert!(has(&fs, "source-name", "critical"));
    let broken = write(
        dir.path(),
        "c.xlf",
        "<xliff><file><unit><segment><target>a</segment>",
    );
    let (code, fs, err) = run(&[&broken, &tmx]);
    assert_eq!(code, 2);
    assert!(err.contains("c.xlf: line 1"), "{err}");
    assert!(
        has(&fs, "source-name", "critical"),
        "the good file is still checked"
    );
}

#[test]
fn glossary_is_checked_both_ways() {
    let dir = tempfile::tempdir().unwrap();
    let g = dir.path().join("glossary.csv");
    std::fs::write(
        &g,
        "english,german,forbidden\nstock compensation,Aktienvergütung,Aktienentschädigung\n",
    )
    .unwrap();
    let en = dir.path().join("a.en");
    let de = dir.path().join("a.de");
    std::fs::write(
        &en,
        "Meta raised its stock compensation.\nThe stock compensation grew.\n",
    )
    .unwrap();
    std::fs::write(
        &de,
        "Meta erhöhte seine Aktienentschädigung.\nDie Bezahlung in Aktien wuchs.\n",
    )
    .unwrap();
    let out = assert_cmd::Command::cargo_bin("mtcheck")
        .unwrap()
        .args([
            "check",
            "--format",
            "jsonl",
            "--segments",
            "lines",
            "--select",
            "glossary-term",
            "--glossary",
        ])
        .arg(&g)
        .arg("--source")
        .arg(&en)
        .arg(&de)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let lines: Vec<serde_json::Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 2, "{lines:?}");
    assert_eq!(lines[0]["text"], "Aktienentschädigung");
    assert_eq!(lines[0]["suggestion"], "Aktienvergütung");
    assert_eq!(lines[1]["line"], 2);
    std::fs::write(&g, "english,deutsch\nx,y\n").unwrap();
    let bad = assert_cmd::Command::cargo_bin("mtcheck")
        .unwrap()
        .args(["check", "--glossary"])
        .arg(&g)
        .arg(&de)
        .output()
        .unwrap();
    assert_eq!(bad.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("glossary.csv:1:"));
}
