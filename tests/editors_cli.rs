//! CLI tests for the reports editors and pipelines use (issue 15): the xlsx workbook read
//! back with a spreadsheet library, several reports from one run with the summary on
//! standard error, GitHub annotations, SARIF paths relative to `--base`, standard input
//! under its real name, legacy encodings with offsets into the file's bytes, and warnings
//! for unknown rules in ignore comments.

use std::path::Path;

use assert_cmd::Command;
use calamine::{open_workbook, Data, Reader, Xlsx};
use serde_json::Value;

const DATES: &str = "Am Oktober 3 kamen 10,000 Menschen in die Halle.\n";
const MT: &str = "Das Unternehmen nutzt seine tiefen Taschen.\n";

fn mtcheck() -> Command {
    let mut c = Command::cargo_bin("mtcheck").expect("the binary is built");
    c.arg("check").arg("--no-config").arg("--color=never");
    c
}

fn run(cmd: &mut Command) -> (i32, String, String) {
    let out = cmd.output().expect("mtcheck runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn cell(range: &calamine::Range<Data>, row: usize, col: usize) -> Data {
    range.get((row, col)).cloned().unwrap_or(Data::Empty)
}

fn string(s: &str) -> Data {
    Data::String(s.to_string())
}

#[test]
fn xlsx_keeps_text_cells_as_written_in_editor_order() {
    let dir = tempfile::tempdir().expect("temporary directory");
    let input = dir.path().join("a.txt");
    std::fs::write(&input, DATES).expect("write");
    let book = dir.path().join("findings.xlsx");
    let (code, stdout, stderr) = run(mtcheck().arg("-o").arg(&book).arg(&input));
    assert_eq!(code, 1, "{stderr}");
    assert_eq!(stdout, "");
    let mut wb: Xlsx<_> = open_workbook(&book).expect("a workbook");
    assert_eq!(wb.sheet_names(), ["Findings", "Files"]);
    let f = wb.worksheet_range("Findings").expect("findings sheet");
    let header: Vec<Data> = (0..15).map(|c| cell(&f, 0, c)).collect();
    let names = [
        "file",
        "line",
        "severity",
        "rule",
        "text",
        "suggestion",
        "message",
        "sentence",
        "segment",
        "start",
        "end",
        "category",
        "column",
        "end_line",
        "end_column",
    ];
    assert_eq!(header, names.map(string));
    assert_eq!(f.height(), 3, "two findings and the header");
    // row 1: us-date „Oktober 3“ -> „3. Oktober“; row 2: number-format „10,000“ -> „10.000“
    assert_eq!(cell(&f, 1, 0), string(&input.display().to_string()));
    assert_eq!(cell(&f, 1, 1), Data::Float(1.0));
    assert_eq!(cell(&f, 1, 3), string("us-date"));
    assert_eq!(cell(&f, 1, 4), string("Oktober 3"));
    assert_eq!(cell(&f, 1, 5), string("3. Oktober"));
    assert_eq!(cell(&f, 2, 2), string("major"));
    assert_eq!(cell(&f, 2, 4), string("10,000"));
    assert_eq!(cell(&f, 2, 5), string("10.000"));
    assert_eq!(cell(&f, 2, 7), string(DATES.trim_end()));
    assert_eq!(cell(&f, 2, 8), Data::Float(1.0));
    assert_eq!(cell(&f, 2, 9), Data::Float(19.0));
    assert_eq!(cell(&f, 2, 10), Data::Float(25.0));
    assert_eq!(cell(&f, 2, 11), string("locale/number-format"));
    assert_eq!(cell(&f, 2, 12), Data::Float(20.0));
    let files = wb.worksheet_range("Files").expect("files sheet");
    assert_eq!(cell(&files, 0, 1), string("words"));
    assert_eq!(cell(&files, 1, 1), Data::Float(9.0));
    assert_eq!(cell(&files, 1, 4), Data::Float(1.0));
    assert_eq!(cell(&files, 0, 7), string("baselined"));
    assert_eq!(cell(&files, 1, 7), Data::Float(0.0));
    assert_eq!(cell(&files, 1, 9), string("fail"));
}

#[test]
fn one_run_writes_several_reports_and_the_summary_reaches_the_log() {
    let dir = tempfile::tempdir().expect("temporary directory");
    let input = dir.path().join("a.md");
    std::fs::write(&input, MT).expect("write");
    let at = |n: &str| dir.path().join(n);
    let (code, stdout, stderr) = run(mtcheck()
        .arg("-o")
        .arg(at("report.html"))
        .arg("-o")
        .arg(at("findings.sarif"))
        .arg("-o")
        .arg(at("findings.xlsx"))
        .arg("-o")
        .arg(format!("jsonl:{}", at("f.out").display()))
        .arg(&input));
    assert_eq!(code, 1, "{stderr}");
    assert_eq!(stdout, "");
    let html = std::fs::read_to_string(at("report.html")).expect("html written");
    assert!(html.starts_with("<!DOCTYPE html>"), "{}", &html[..40]);
    let sarif: Value = serde_json::from_slice(&std::fs::read(at("findings.sarif")).expect("sarif"))
        .expect("SARIF is JSON");
    assert_eq!(sarif["version"], "2.1.0");
    assert!(std::fs::read(at("findings.xlsx"))
        .expect("xlsx")
        .starts_with(b"PK"));
    let jsonl = std::fs::read_to_string(at("f.out")).expect("jsonl written");
    assert!(jsonl.contains("\"rule\":\"literal-idiom\""), "{jsonl}");
    let line = stderr.lines().last().unwrap_or_default();
    assert!(
        line.starts_with("mtcheck: 1 file checked, 1 findings (0 critical, 1 major, 0 minor), 1 failed the gate — FAIL; report: "),
        "{stderr}"
    );
    assert!(line.ends_with("f.out"), "{line}");
    // a report on standard output alone prints no summary
    let (_, stdout, stderr) = run(mtcheck().arg(&input));
    assert!(stdout.contains("FAIL") && stderr.is_empty(), "{stderr}");
    // --format wins for a single output, whatever the extension
    let (_, _, _) = run(mtcheck()
        .args(["--format", "json", "-o"])
        .arg(at("r.txt"))
        .arg(&input));
    let json = std::fs::read_to_string(at("r.txt")).expect("written");
    assert!(json.starts_with("{\n  \"files\""), "{json}");
    let (code, _, stderr) = run(mtcheck().args(["-o", "-", "-o", "jsonl:-"]).arg(&input));
    assert_eq!(code, 2);
    assert!(
        stderr.contains("only one report can go to standard output"),
        "{stderr}"
    );
}

#[test]
fn github_annotations_are_escaped() {
    let dir = tempfile::tempdir().expect("temporary directory");
    let input = dir.path().join("a, b:c.txt");
    std::fs::write(&input, DATES).expect("write");
    let (code, stdout, _) = run(mtcheck().args(["--format", "github"]).arg(&input));
    assert_eq!(code, 1);
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines.len(), 3, "{stdout}");
    assert_eq!(
        lines[2],
        "::notice title=mtcheck summary::1 file checked, 2 findings (0 critical, 1 major, 1 minor), 1 failed the gate — FAIL"
    );
    let file = input
        .display()
        .to_string()
        .replace(':', "%3A")
        .replace(',', "%2C");
    assert_eq!(
        lines[1],
        format!(
            "::error file={file},line=1,endLine=1,col=20,endColumn=26,title=mtcheck number-format (major)::„10,000“ uses English separators; German writes „10.000“. — suggestion: 10.000"
        )
    );
    assert!(lines[0].starts_with("::warning file="), "{}", lines[0]);
    // from the repository root, paths are the repository's
    let (_, stdout, _) = run(mtcheck()
        .current_dir(dir.path())
        .args(["--format", "github"])
        .arg(&input));
    assert!(
        stdout.starts_with("::warning file=a%2C b%3Ac.txt,line=1,"),
        "{stdout}"
    );
}

#[test]
fn stdin_filename_without_standard_input_is_a_usage_error() {
    let (code, _, stderr) = run(mtcheck().args(["--stdin-filename", "a.md", "Cargo.toml"]));
    assert_eq!(code, 2);
    assert!(
        stderr.contains("--stdin-filename names standard input"),
        "{stderr}"
    );
}

#[test]
fn sarif_uris_are_relative_to_the_base() {
    let dir = tempfile::tempdir().expect("temporary directory");
    std::fs::create_dir(dir.path().join("docs")).expect("mkdir");
    std::fs::write(dir.path().join("docs/a.txt"), MT).expect("write");
    let uri = |args: &[&str], cwd: &Path| {
        let (_, stdout, stderr) = run(mtcheck()
            .current_dir(cwd)
            .args(["--format", "sarif"])
            .args(args));
        let v: Value = serde_json::from_str(&stdout).expect(&stderr);
        v["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
            .as_str()
            .map(str::to_string)
            .expect("a uri")
    };
    let abs = dir.path().join("docs/a.txt").display().to_string();
    assert_eq!(uri(&[&abs], dir.path()), "docs/a.txt");
    assert_eq!(uri(&["./docs/a.txt"], dir.path()), "docs/a.txt");
    assert_eq!(uri(&["--base", "docs", "docs/a.txt"], dir.path()), "a.txt");
    let elsewhere = tempfile::tempdir().expect("temporary directory");
    assert!(uri(&[&abs], elsewhere.path()).starts_with("file:///"));
}

#[test]
fn standard_input_is_checked_under_its_file_name() {
    let dir = tempfile::tempdir().expect("temporary directory");
    std::fs::create_dir(dir.path().join("docs")).expect("mkdir");
    std::fs::write(
        dir.path().join("docs/mtcheck.toml"),
        "[rules]\nignore = [\"literal-idiom\"]\n",
    )
    .expect("write");
    // Markdown by its name: the code span is not checked
    let md = "`tiefe Taschen` im Code.\n\nDas Unternehmen nutzt seine tiefen Taschen.\n";
    let mut cmd = Command::cargo_bin("mtcheck").expect("the binary is built");
    cmd.current_dir(dir.path())
        .args([
            "check",
            "--format",
            "jsonl",
            "--stdin-filename",
            "a.md",
            "-",
        ])
        .write_stdin(md);
    let (code, stdout, _) = run(&mut cmd);
    assert_eq!(code, 1);
    let lines: Vec<Value> = stdout
        .lines()
        .map(|l| serde_json::from_str(l).expect("JSON"))
        .collect();
    assert_eq!(lines.len(), 1, "{stdout}");
    assert_eq!(lines[0]["path"], "a.md");
    assert_eq!(lines[0]["line"], 3);
    // the configuration of the file's directory applies
    let mut cmd = Command::cargo_bin("mtcheck").expect("the binary is built");
    cmd.current_dir(dir.path())
        .args(["check", "--stdin-filename", "docs/a.md"])
        .write_stdin(md);
    let (code, stdout, _) = run(&mut cmd);
    assert_eq!(code, 0, "{stdout}");
}

#[test]
fn latin1_files_are_read_with_offsets_into_their_bytes() {
    let dir = tempfile::tempdir().expect("temporary directory");
    let input = dir.path().join("archiv.txt");
    // „Größere Städte:“ in ISO-8859-1, then a finding
    let mut bytes = b"Gr\xf6\xdfere St\xe4dte: ".to_vec();
    bytes.extend_from_slice(MT.as_bytes());
    std::fs::write(&input, &bytes).expect("write");
    let (code, _, stderr) = run(mtcheck().arg(&input));
    assert_eq!(code, 2);
    assert!(stderr.contains("--encoding"), "{stderr}");
    for encoding in ["auto", "latin-1", "windows-1252"] {
        let (code, stdout, stderr) = run(mtcheck()
            .args(["--format", "jsonl", "--encoding", encoding])
            .arg(&input));
        assert_eq!(code, 1, "{stderr}");
        let f: Value = serde_json::from_str(stdout.trim()).expect("one finding");
        let (s, e) = (
            f["start"].as_u64().expect("start") as usize,
            f["end"].as_u64().expect("end") as usize,
        );
        assert_eq!(&bytes[s..e], b"tiefen Taschen");
        assert_eq!(f["text"], "tiefen Taschen");
        assert_eq!(f["column"], 45);
        if encoding == "auto" {
            assert!(
                stderr.contains("archiv.txt: note: not UTF-8, read as windows-1252"),
                "{stderr}"
            );
        }
    }
}

#[test]
fn an_unknown_rule_in_an_ignore_comment_is_a_warning() {
    let dir = tempfile::tempdir().expect("temporary directory");
    let input = dir.path().join("a.md");
    std::fs::write(
        &input,
        format!("Eins.\n\n<!-- mtcheck-ignore literal-idom -->\n{MT}"),
    )
    .expect("write");
    let (code, _, stderr) = run(mtcheck().arg(&input));
    assert_eq!(code, 1, "the typo silences nothing");
    assert_eq!(
        stderr,
        format!(
            "{}:3: warning: unknown rule `literal-idom` in an mtcheck-ignore comment (see `mtcheck rules`)\n",
            input.display()
        )
    );
}

#[test]
fn a_baseline_lets_known_findings_pass_and_new_ones_fail() {
    let dir = tempfile::tempdir().expect("temporary directory");
    let input = dir.path().join("a.txt");
    std::fs::write(&input, MT).expect("write");
    let baseline = dir.path().join("mtcheck-baseline.json");
    let with = |extra: &[&str]| {
        let mut c = mtcheck();
        c.current_dir(dir.path())
            .arg("--baseline")
            .arg(&baseline)
            .args(extra)
            .arg("a.txt");
        run(&mut c)
    };
    let (code, _, stderr) = with(&["--write-baseline"]);
    assert_eq!(code, 0, "{stderr}");
    assert!(
        stderr.contains("wrote 1 findings into the baseline"),
        "{stderr}"
    );
    let written = std::fs::read_to_string(&baseline).expect("baseline written");
    assert!(written.contains("\"rule\": \"literal-idiom\""), "{written}");
    assert!(
        !written.contains("\"start\""),
        "no offsets in the key: {written}"
    );
    // a paragraph added above moves the known finding: it stays baselined
    std::fs::write(&input, format!("Ein neuer Absatz.\n\n{MT}")).expect("write");
    let (code, stdout, stderr) = with(&[]);
    assert_eq!(code, 0, "{stdout}{stderr}");
    assert!(stdout.contains("1 baselined"), "{stdout}");
    assert!(stderr.contains("1 baselined"), "{stderr}");
    // the batch total of the text report counts them too
    std::fs::write(dir.path().join("b.txt"), "Der Stadtrat hat getagt.\n").expect("write");
    let (code, stdout, _) = with(&["b.txt"]);
    assert_eq!(code, 0, "{stdout}");
    assert!(
        stdout.contains("2 files checked, 0 findings, 1 baselined, 0 failed the gate"),
        "{stdout}"
    );
    // a second occurrence is new
    std::fs::write(&input, format!("{MT}\n{MT}")).expect("write");
    let (code, stdout, _) = with(&["--format", "jsonl"]);
    assert_eq!(code, 1);
    assert_eq!(stdout.lines().count(), 1, "{stdout}");
    assert!(stdout.contains("\"line\":3"), "{stdout}");
}

#[test]
fn every_report_that_summarises_files_counts_the_baselined_findings() {
    let dir = tempfile::tempdir().expect("temporary directory");
    std::fs::write(dir.path().join("a.txt"), MT).expect("write");
    let with = |extra: &[&str]| {
        let mut c = mtcheck();
        c.current_dir(dir.path())
            .args(["--baseline", "base.json"])
            .args(extra)
            .arg("a.txt");
        run(&mut c)
    };
    let (code, _, stderr) = with(&["--write-baseline"]);
    assert_eq!(code, 0, "{stderr}");
    let (code, stdout, stderr) = with(&[
        "-o",
        "report.html",
        "-o",
        "findings.sarif",
        "-o",
        "findings.xlsx",
        "-o",
        "github:-",
    ]);
    assert_eq!(code, 0, "{stdout}{stderr}");
    assert_eq!(
        stdout,
        "::notice title=mtcheck summary::1 file checked, 0 findings (0 critical, 0 major, 0 minor), 1 baselined, 0 failed the gate — pass\n"
    );
    let html = std::fs::read_to_string(dir.path().join("report.html")).expect("html written");
    assert!(
        html.contains("<th>suppressed</th><th>baselined</th>"),
        "files table"
    );
    assert!(
        html.contains("<td>0</td><td>1</td><td>0.00</td>"),
        "suppressed 0, baselined 1, score 0"
    );
    assert!(html.contains("</span> of 0 findings shown · 1 baselined</small>"));
    assert!(html.contains("1 file, 0 findings, 1 baselined, 0 failed the gate"));
    let sarif: Value =
        serde_json::from_slice(&std::fs::read(dir.path().join("findings.sarif")).expect("sarif"))
            .expect("SARIF is JSON");
    let run0 = &sarif["runs"][0];
    assert_eq!(run0["properties"]["baselined"], 1);
    assert_eq!(run0["results"].as_array().map(Vec::len), Some(0));
    let notes = &run0["invocations"][0]["toolExecutionNotifications"];
    assert_eq!(notes[0]["level"], "note", "{notes}");
    assert!(
        notes[0]["message"]["text"]
            .as_str()
            .is_some_and(|t| t.starts_with("1 findings are in the baseline")),
        "{notes}"
    );
    let mut wb: Xlsx<_> = open_workbook(dir.path().join("findings.xlsx")).expect("a workbook");
    let files = wb.worksheet_range("Files").expect("files sheet");
    assert_eq!(cell(&files, 0, 7), string("baselined"));
    assert_eq!(cell(&files, 1, 7), Data::Float(1.0));
    assert_eq!(cell(&files, 1, 8), Data::Float(0.0), "the score");
    assert_eq!(cell(&files, 1, 9), string("pass"));
    // without a baseline, SARIF says nothing of one
    let (_, stdout, _) = run(mtcheck()
        .current_dir(dir.path())
        .args(["--format", "sarif", "a.txt"]));
    let v: Value = serde_json::from_str(&stdout).expect("SARIF is JSON");
    assert!(v["runs"][0].get("properties").is_none(), "{stdout}");
}

/// The `tool.driver` of the SARIF log of `a.txt` in `dir` with `extra` arguments (no
/// configuration file unless they name one), and the exit code and standard error.
fn sarif_driver(dir: &Path, extra: &[&str]) -> (i32, Value, String) {
    let mut c = Command::cargo_bin("mtcheck").expect("the binary is built");
    c.args(["check", "--color=never"]);
    if !extra.contains(&"--config") {
        c.arg("--no-config");
    }
    let (code, stdout, stderr) = run(c
        .current_dir(dir)
        .args(["--format", "sarif"])
        .args(extra)
        .arg("a.txt"));
    let v: Value = serde_json::from_str(&stdout).unwrap_or(Value::Null);
    (code, v["runs"][0]["tool"]["driver"].clone(), stderr)
}

/// The rule `id` among the driver's rules.
fn sarif_rule<'a>(driver: &'a Value, id: &str) -> &'a Value {
    driver["rules"]
        .as_array()
        .and_then(|r| r.iter().find(|r| r["id"] == id))
        .expect("the rule is listed")
}

#[test]
fn sarif_rules_carry_their_help_and_link_to_the_newsroom_docs() {
    let dir = tempfile::tempdir().expect("temporary directory");
    std::fs::write(dir.path().join("a.txt"), MT).expect("write");
    // no setting: help text and Markdown, no address
    let (code, driver, stderr) = sarif_driver(dir.path(), &[]);
    assert_eq!(code, 1, "{stderr}");
    let idiom = sarif_rule(&driver, "literal-idiom");
    let help = idiom["help"]["text"].as_str().expect("help text");
    assert!(
        help.contains("Why it matters:") && help.contains("Instead:"),
        "{help}"
    );
    let markdown = idiom["help"]["markdown"].as_str().expect("help markdown");
    assert!(markdown.contains("**Why it matters.**"), "{markdown}");
    assert!(idiom.get("helpUri").is_none(), "{idiom}");
    assert!(driver.get("informationUri").is_none(), "{driver}");
    for r in driver["rules"].as_array().expect("rules") {
        assert!(
            r["help"]["text"].as_str().is_some_and(|t| t.len() > 40),
            "{r}"
        );
    }
    // --docs-url without a placeholder: the rule id as the fragment
    let url = "https://wiki.example.org/mtcheck";
    let (_, driver, _) = sarif_driver(dir.path(), &["--docs-url", url]);
    assert_eq!(
        sarif_rule(&driver, "literal-idiom")["helpUri"],
        "https://wiki.example.org/mtcheck#literal-idiom"
    );
    assert_eq!(driver["informationUri"], url);
    // in mtcheck.toml, with the placeholder; the flag wins over the file
    let config = dir.path().join("mtcheck.toml");
    std::fs::write(
        &config,
        "# house rules\ndocs-url = \"https://wiki.example.org/rules/{rule}.html\"\n",
    )
    .expect("write");
    let cfg = config.display().to_string();
    let (_, driver, stderr) = sarif_driver(dir.path(), &["--config", &cfg]);
    assert_eq!(
        sarif_rule(&driver, "us-date")["helpUri"],
        "https://wiki.example.org/rules/us-date.html",
        "{stderr}"
    );
    assert_eq!(driver["informationUri"], "https://wiki.example.org/rules/");
    let (_, driver, _) = sarif_driver(dir.path(), &["--config", &cfg, "--docs-url", url]);
    assert_eq!(driver["informationUri"], url);
    // unusable addresses are errors naming the flag or the file and line
    let (code, _, stderr) = sarif_driver(dir.path(), &["--docs-url", "wiki/mtcheck"]);
    assert_eq!(code, 2);
    assert!(
        stderr.contains("--docs-url: `wiki/mtcheck` is not an absolute URL"),
        "{stderr}"
    );
    let (code, _, stderr) = sarif_driver(dir.path(), &["--docs-url", "https://w.example/p#x"]);
    assert_eq!(code, 2);
    assert!(
        stderr.contains("has a fragment (#) but no {rule}"),
        "{stderr}"
    );
    std::fs::write(&config, "\ndocs-url = \"https://wiki.example.org/a b\"\n").expect("write");
    let (code, _, stderr) = sarif_driver(dir.path(), &["--config", &cfg]);
    assert_eq!(code, 2);
    assert!(stderr.contains("mtcheck.toml:2: docs-url:"), "{stderr}");
}

/// `mtcheck check` with configuration discovery on (no `--no-config`).
fn discovering(cwd: &Path) -> Command {
    let mut c = Command::cargo_bin("mtcheck").expect("the binary is built");
    c.current_dir(cwd).args(["check", "--color=never"]);
    c
}

#[test]
fn each_file_gets_its_nearest_configuration_and_its_overrides() {
    let dir = tempfile::tempdir().expect("temporary directory");
    let root = dir.path();
    for d in ["news/sport", "blog"] {
        std::fs::create_dir_all(root.join(d)).expect("mkdir");
    }
    std::fs::write(
        root.join("news/mtcheck.toml"),
        "[rules]\nignore = [\"literal-idiom\"]\n\n[[overrides]]\nfiles = [\"sport/**\"]\nfail-on = \"minor\"\n",
    )
    .expect("write");
    std::fs::write(root.join("news/a.txt"), MT).expect("write");
    std::fs::write(root.join("news/sport/b.txt"), DATES).expect("write");
    std::fs::write(root.join("blog/c.txt"), MT).expect("write");
    // run from the parent: news/ keeps its configuration, blog/ has none
    let (code, stdout, stderr) = run(discovering(root).args(["--format", "jsonl", "news", "blog"]));
    assert_eq!(code, 1, "{stderr}");
    let rules: Vec<(String, String)> = stdout
        .lines()
        .map(|l| serde_json::from_str::<Value>(l).expect("JSON"))
        .map(|v| {
            (
                v["path"].as_str().unwrap_or_default().to_string(),
                v["rule"].as_str().unwrap_or_default().to_string(),
            )
        })
        .collect();
    assert!(
        rules.contains(&("blog/c.txt".into(), "literal-idiom".into())),
        "{rules:?}"
    );
    assert!(
        !rules
            .iter()
            .any(|(p, r)| p.starts_with("news") && r == "literal-idiom"),
        "{rules:?}"
    );
    // the override makes a minor finding fail news/sport; news/a.txt passes
    let (code, stdout, _) = run(discovering(root).arg("news"));
    assert_eq!(code, 1);
    assert!(stdout.contains("news/a.txt: 0 findings"), "{stdout}");
    assert!(stdout.contains("news/sport/b.txt: 2 findings (0 critical, 1 major, 1 minor), 9 words, score 666.67 — FAIL"), "{stdout}");
    // --config names one configuration for every file
    std::fs::write(root.join("empty.toml"), "").expect("write");
    let (_, stdout, _) = run(discovering(root).args(["--config", "empty.toml", "news/a.txt"]));
    assert!(stdout.contains("literal-idiom"), "{stdout}");
}

#[test]
fn the_configuration_names_the_glossary() {
    let dir = tempfile::tempdir().expect("temporary directory");
    let root = dir.path();
    std::fs::create_dir_all(root.join("desk/terms")).expect("mkdir");
    std::fs::write(
        root.join("desk/terms/glossary.csv"),
        "english,german,forbidden\nstock compensation,Aktienvergütung,Aktienentschädigung\n",
    )
    .expect("write");
    std::fs::write(
        root.join("desk/mtcheck.toml"),
        "glossary = \"terms/glossary.csv\"\n",
    )
    .expect("write");
    std::fs::write(
        root.join("desk/a.txt"),
        "Meta erhöhte seine Aktienentschädigung.\n",
    )
    .expect("write");
    let (_, stdout, stderr) = run(discovering(root).args([
        "--format",
        "jsonl",
        "--select",
        "glossary-term",
        "desk/a.txt",
    ]));
    assert!(
        stdout.contains("\"text\":\"Aktienentschädigung\""),
        "{stdout}{stderr}"
    );
    std::fs::write(
        root.join("desk/mtcheck.toml"),
        "glossary = \"missing.csv\"\n",
    )
    .expect("write");
    let (code, _, stderr) = run(discovering(root).arg("desk/a.txt"));
    assert_eq!(code, 2);
    assert!(
        stderr.contains("mtcheck.toml:1: glossary: no such file"),
        "{stderr}"
    );
}

#[test]
fn help_lists_exit_codes_and_examples() {
    for args in [&["--help"][..], &["check", "--help"]] {
        let out = Command::cargo_bin("mtcheck")
            .expect("the binary is built")
            .args(args)
            .output()
            .expect("mtcheck runs");
        assert_eq!(out.status.code(), Some(0));
        let help = String::from_utf8_lossy(&out.stdout);
        assert!(
            help.contains("Exit codes:\n  0  every file passed the gate"),
            "{help}"
        );
        assert!(help.contains("  2  a usage error"), "{help}");
        assert!(help.contains("--stdin-filename a.md -"), "{help}");
    }
}

/// The README says a fixed quotation style never flags guillemets; this pins it.
#[test]
fn a_fixed_quote_style_judges_the_double_marks_but_not_guillemets() {
    let quote_findings = |text: &str| {
        let mut c = mtcheck();
        c.args([
            "--format",
            "jsonl",
            "--quotes",
            "german",
            "--select",
            "quote-direction",
            "-",
        ])
        .write_stdin(text);
        run(&mut c).1.lines().count()
    };
    assert_eq!(quote_findings("Er sagte »Ja« und ging.\n"), 0);
    assert_eq!(quote_findings("Er sagte «Ja» und ging.\n"), 0);
    assert_eq!(quote_findings("Er sagte \"Ja\" und ging.\n"), 2);
}
