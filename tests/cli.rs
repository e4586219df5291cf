//! Runs the mtcheck binary: every output format, exit codes, standard input, directories,
//! bad input, and identical output with one and two threads.

use std::fs;
use std::path::Path;

use assert_cmd::Command;
use predicates::prelude::*;

const MT: &str = "Das Unternehmen nutzt seine tiefen Taschen. Der ehemalige Github-CEO kam.\n";
const CLEAN: &str = "Der Stadtrat hat am Montag den Haushalt beschlossen.\n";

fn mtcheck() -> Command {
    Command::cargo_bin("mtcheck").expect("binary builds")
}

fn write(dir: &Path, name: &str, text: &[u8]) -> String {
    let p = dir.join(name);
    if let Some(parent) = p.parent() {
        fs::create_dir_all(parent).unwrap();
    }
    fs::write(&p, text).unwrap();
    p.display().to_string()
}

fn jsonl(out: &[u8]) -> Vec<serde_json::Value> {
    String::from_utf8_lossy(out)
        .lines()
        .map(|l| serde_json::from_str(l).expect("each line is JSON"))
        .collect()
}

#[test]
fn jsonl_contract_fields_in_order_and_offsets_hold() {
    let dir = tempfile::tempdir().unwrap();
    let text = "Zeile eins.\r\n„Äh“: Das Unternehmen nutzt seine tiefen Taschen.\n";
    let p = write(dir.path(), "a.txt", text.as_bytes());
    let out = mtcheck()
        .args(["check", "--format", "jsonl", &p])
        .assert()
        .code(1)
        .get_output()
        .stdout
        .clone();
    let first = String::from_utf8(out.clone()).unwrap();
    let keys: Vec<&str> = first
        .lines()
        .next()
        .unwrap()
        .split("\":")
        .filter_map(|k| k.rsplit('"').next())
        .collect();
    assert_eq!(
        keys[..13],
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
            "message"
        ]
    );
    let f = &jsonl(&out)[0];
    assert_eq!(f["rule"], "literal-idiom");
    let (s, e) = (
        f["start"].as_u64().unwrap() as usize,
        f["end"].as_u64().unwrap() as usize,
    );
    assert_eq!(&text[s..e], f["text"].as_str().unwrap());
    assert_eq!(f["text"], "tiefen Taschen");
    assert_eq!(f["line"], 2);
    assert_eq!(f["column"], 35);
    assert_eq!(f["end_column"], 49);
}

#[test]
fn exit_codes() {
    let dir = tempfile::tempdir().unwrap();
    let bad = write(dir.path(), "bad.txt", MT.as_bytes());
    let good = write(dir.path(), "good.txt", CLEAN.as_bytes());
    mtcheck().args(["check", &good]).assert().code(0);
    mtcheck().args(["check", &bad]).assert().code(1);
    mtcheck()
        .args(["check", "--fail-on", "never", &bad])
        .assert()
        .code(0);
    mtcheck()
        .args(["check", "--fail-on", "critical", &bad])
        .assert()
        .code(0);
    mtcheck()
        .args(["check", "--fail-on", "never", "--max-score", "1", &bad])
        .assert()
        .code(1);
    mtcheck()
        .args(["check", "--format", "yaml", &good])
        .assert()
        .code(2);
    mtcheck().args(["explain", "no-such-rule"]).assert().code(2);
}

#[test]
fn standard_input_is_read() {
    let out = mtcheck()
        .args(["check", "--format", "jsonl", "-"])
        .write_stdin(MT)
        .assert()
        .code(1)
        .get_output()
        .stdout
        .clone();
    let fs = jsonl(&out);
    assert!(fs.iter().all(|f| f["path"] == "-"));
    assert!(fs.iter().any(|f| f["rule"] == "entity-spelling"));
    mtcheck().arg("check").write_stdin(CLEAN).assert().code(0);
}

#[test]
fn directories_are_walked_skipping_hidden_ignored_and_unknown_files() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a/one.txt", MT.as_bytes());
    write(dir.path(), "a/b/two.md", MT.as_bytes());
    write(dir.path(), "a/.hidden.txt", MT.as_bytes());
    write(dir.path(), "a/skip.txt", MT.as_bytes());
    write(dir.path(), "a/.gitignore", b"skip.txt\n");
    write(dir.path(), "a/image.png", MT.as_bytes());
    let out = mtcheck()
        .args([
            "check",
            "--format",
            "jsonl",
            &dir.path().join("a").display().to_string(),
        ])
        .assert()
        .code(1)
        .get_output()
        .stdout
        .clone();
    let mut paths: Vec<String> = jsonl(&out)
        .iter()
        .map(|f| f["path"].as_str().unwrap().to_string())
        .collect();
    paths.dedup();
    assert_eq!(paths.len(), 2, "{paths:?}");
    assert!(
        paths[0].ends_with("two.md") && paths[1].ends_with("one.txt"),
        "{paths:?}"
    );
}

#[test]
fn bad_files_are_reported_and_the_batch_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    let bad = write(dir.path(), "latin1.txt", b"Gr\xfc\xdfe aus K\xf6ln");
    let bin = write(dir.path(), "bin.txt", b"\x00\x01\x02binary");
    let good = write(dir.path(), "ok.txt", MT.as_bytes());
    let missing = dir.path().join("missing.txt").display().to_string();
    let assert = mtcheck()
        .args(["check", "--format", "jsonl", &bad, &bin, &good, &missing])
        .assert()
        .code(2);
    let out = assert.get_output();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains(&format!("{bad}: not UTF-8 text (invalid byte at offset 2)")),
        "{stderr}"
    );
    assert!(stderr.contains(&format!("{bin}: binary file")), "{stderr}");
    assert!(
        stderr.contains(&format!("{missing}: no such file or directory")),
        "{stderr}"
    );
    assert!(!stderr.contains("panicked"));
    assert!(jsonl(&out.stdout)
        .iter()
        .any(|f| f["path"] == good.as_str()));
}

#[test]
fn bom_and_crlf_keep_offsets() {
    let dir = tempfile::tempdir().unwrap();
    let text = "\u{FEFF}Erste Zeile.\r\nDer Github-Chef sprach.\r\n";
    let p = write(dir.path(), "bom.txt", text.as_bytes());
    let out = mtcheck()
        .args(["check", "--format", "jsonl", "--fail-on", "minor", &p])
        .assert()
        .code(1)
        .get_output()
        .stdout
        .clone();
    let f = &jsonl(&out)[0];
    let (s, e) = (
        f["start"].as_u64().unwrap() as usize,
        f["end"].as_u64().unwrap() as usize,
    );
    assert_eq!(&text[s..e], "Github");
    assert_eq!(
        (f["line"].as_u64(), f["column"].as_u64()),
        (Some(2), Some(5))
    );
}

#[test]
fn markdown_and_html_skip_code_and_point_into_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let md = "# Titel\n\nDer `Github` Code:\n\n```\nGithub Openai\n```\n\nDer Github-Chef kam.\n";
    let p = write(dir.path(), "a.md", md.as_bytes());
    let out = mtcheck()
        .args(["check", "--format", "jsonl", "--fail-on", "minor", &p])
        .assert()
        .code(1)
        .get_output()
        .stdout
        .clone();
    let fs = jsonl(&out);
    assert_eq!(fs.len(), 1, "{fs:?}");
    assert_eq!(
        fs[0]["start"].as_u64().unwrap() as usize,
        md.rfind("Github").unwrap()
    );
    let html =
        "<p>Der Chef von <b>Github</b> &amp; mehr.</p><script>Openai</script><code>Openai</code>";
    let p = write(dir.path(), "a.html", html.as_bytes());
    let out = mtcheck()
        .args(["check", "--format", "jsonl", "--fail-on", "minor", &p])
        .assert()
        .code(1)
        .get_output()
        .stdout
        .clone();
    let fs = jsonl(&out);
    assert_eq!(fs.len(), 1, "{fs:?}");
    assert_eq!(fs[0]["text"], "Github");
}

#[test]
fn every_format_reports_the_same_findings() {
    let dir = tempfile::tempdir().unwrap();
    let p = write(dir.path(), "a.txt", MT.as_bytes());
    let n = jsonl(
        &mtcheck()
            .args(["check", "--format", "jsonl", &p])
            .output()
            .unwrap()
            .stdout,
    )
    .len();
    assert!(n >= 2);

    let json: serde_json::Value = serde_json::from_slice(
        &mtcheck()
            .args(["check", "--format", "json", &p])
            .output()
            .unwrap()
            .stdout,
    )
    .unwrap();
    assert_eq!(json["files"][0]["findings"].as_array().unwrap().len(), n);
    assert!(json["files"][0]["words"].as_u64().unwrap() > 5);
    assert!(json["files"][0]["score"].as_f64().unwrap() > 0.0);
    assert_eq!(json["passed"], false);

    let csv_out = mtcheck()
        .args(["check", "--format", "csv", &p])
        .output()
        .unwrap()
        .stdout;
    let mut rdr = csv::Reader::from_reader(&csv_out[..]);
    assert_eq!(rdr.headers().unwrap().get(7), Some("rule"));
    assert_eq!(rdr.records().count(), n);

    let text = mtcheck()
        .args(["check", "--color", "never", &p])
        .output()
        .unwrap()
        .stdout;
    let text = String::from_utf8(text).unwrap();
    assert!(text.contains("literal-idiom"));
    assert!(text.contains("suggestion: GitHub"));
    assert!(text.contains("FAIL"));
    assert!(!text.contains('\u{1b}'));
    let colored = mtcheck()
        .args(["check", "--color", "always", &p])
        .output()
        .unwrap()
        .stdout;
    assert!(colored.contains(&0x1b));
}

#[test]
fn output_file() {
    let dir = tempfile::tempdir().unwrap();
    let p = write(dir.path(), "a.txt", MT.as_bytes());
    let out = dir.path().join("report.jsonl");
    mtcheck()
        .args([
            "check",
            "--format",
            "jsonl",
            "-o",
            &out.display().to_string(),
            &p,
        ])
        .assert()
        .code(1)
        .stdout(predicate::str::is_empty());
    assert!(!jsonl(&fs::read(out).unwrap()).is_empty());
}

#[test]
fn one_and_two_threads_give_identical_output() {
    let dir = tempfile::tempdir().unwrap();
    for i in 0..12 {
        let body = if i % 2 == 0 { MT } else { CLEAN };
        write(
            dir.path(),
            &format!("f{i:02}.txt"),
            body.repeat(i + 1).as_bytes(),
        );
    }
    let d = dir.path().display().to_string();
    let one = mtcheck()
        .args(["check", "-j1", "--format", "jsonl", &d])
        .output()
        .unwrap()
        .stdout;
    let two = mtcheck()
        .args(["check", "-j2", "--format", "jsonl", &d])
        .output()
        .unwrap()
        .stdout;
    assert!(!one.is_empty());
    assert_eq!(one, two);
}

#[test]
fn a_large_mixed_batch_is_reported_in_name_order_whatever_the_thread_count() {
    // more files than the workers may run ahead of the report, with unreadable files among
    // them: every format gives the same bytes, errors come in name order, and the exit code
    // says that a file could not be read
    let dir = tempfile::tempdir().unwrap();
    let mut names = Vec::new();
    for i in 0..60 {
        let name = format!("f{i:03}.txt");
        let body: Vec<u8> = match i % 7 {
            3 => vec![0xff, 0xfe, 0x00, 0x41],
            5 => CLEAN.repeat(i).into_bytes(),
            _ => MT.repeat(i % 4 + 1).into_bytes(),
        };
        names.push(write(dir.path(), &name, &body));
    }
    // named out of order on the command line
    names.reverse();
    for format in ["text", "jsonl", "json", "csv", "sarif"] {
        let run = |threads: &str| {
            let mut args = vec!["check", threads, "--format", format, "--color", "never"];
            args.extend(names.iter().map(String::as_str));
            mtcheck().args(&args).output().unwrap()
        };
        let one = run("-j1");
        for threads in ["-j2", "-j5"] {
            let many = run(threads);
            assert_eq!(one.stdout, many.stdout, "{format} {threads}");
            assert_eq!(one.stderr, many.stderr, "{format} {threads}");
            assert_eq!(many.status.code(), Some(2));
        }
        let errors = String::from_utf8(one.stderr).unwrap();
        let failed: Vec<&str> = errors.lines().collect();
        assert_eq!(failed.len(), 9, "{errors}");
        assert!(failed.windows(2).all(|w| w[0] < w[1]), "{errors}");
    }
    let text = mtcheck()
        .args([
            "check",
            "-j3",
            "--color",
            "never",
            &dir.path().display().to_string(),
        ])
        .output()
        .unwrap()
        .stdout;
    let text = String::from_utf8(text).unwrap();
    let verdicts: Vec<&str> = text
        .lines()
        .filter(|l| l.contains(" words, score "))
        .collect();
    assert_eq!(verdicts.len(), 51);
    let mut sorted = verdicts.clone();
    sorted.sort_unstable();
    assert_eq!(verdicts, sorted);
}

#[test]
fn lines_mode_makes_every_line_a_segment() {
    let text =
        "Der Vorstand erklärte am Montag nach langer Sitzung, dass die\nAktionäre zustimmen.\n";
    let para = mtcheck()
        .args(["check", "--format", "jsonl", "--fail-on", "never"])
        .write_stdin(text)
        .output()
        .unwrap();
    assert!(jsonl(&para.stdout).is_empty());
    let lines = mtcheck()
        .args([
            "check",
            "--format",
            "jsonl",
            "--segments",
            "lines",
            "--fail-on",
            "never",
        ])
        .write_stdin(text)
        .output()
        .unwrap();
    assert!(jsonl(&lines.stdout)
        .iter()
        .any(|f| f["rule"] == "truncated-text"));
}

#[test]
fn rules_and_explain() {
    mtcheck().arg("rules").assert().code(0).stdout(
        predicate::str::contains("mangled-entity")
            .and(predicate::str::contains("accuracy/mistranslation")),
    );
    mtcheck()
        .args(["explain", "literal-idiom"])
        .assert()
        .code(0)
        .stdout(
            predicate::str::contains("Example").and(predicate::str::contains("tiefen Taschen")),
        );
}

#[test]
fn user_dictionary_extends_and_bad_rows_name_the_line() {
    let dir = tempfile::tempdir().unwrap();
    let dict = write(
        dir.path(),
        "idioms-house.csv",
        "pattern,english,suggestion\nSchnee von gestern,old news,längst bekannt\n".as_bytes(),
    );
    mtcheck()
        .args(["check", "--format", "jsonl", "--dict", &dict, "-"])
        .write_stdin("Das ist Schnee von gestern.")
        .assert()
        .code(1)
        .stdout(predicate::str::contains("längst bekannt"));
    let bad = write(
        dir.path(),
        "names-house.csv",
        b"name,kind,literal\nFoo,company,#num\n",
    );
    mtcheck()
        .args(["check", "--dict", &bad, "-"])
        .write_stdin("x")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("names-house.csv:2:"));
}

#[test]
fn dict_stats_and_check() {
    let out = mtcheck().args(["dict", "stats"]).output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8(out.stdout).unwrap();
    let names: Vec<&str> = text
        .lines()
        .map(|l| l.split_whitespace().next().unwrap())
        .collect();
    assert_eq!(
        names[..6],
        [
            "entities",
            "calques",
            "false-friends",
            "anglicisms",
            "lexicon-de",
            "lexicon-en"
        ]
    );
    // then one line per word list of data/word_lists.csv
    assert!(names.contains(&"missing-reflexive.verbs"), "{names:?}");
    for line in text.lines() {
        let n: usize = line.split_whitespace().nth(1).unwrap().parse().unwrap();
        assert!(n > 0, "{line}");
    }
    let dir = tempfile::tempdir().unwrap();
    let bad = write(
        dir.path(),
        "idioms-x.csv",
        b"pattern,suggestion\n#num x,y\nfoo,\n",
    );
    let good = write(dir.path(), "names-x.csv", b"name,kind\nAcme,company\n");
    let out = mtcheck()
        .args(["dict", "check", &bad, &good])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains("idioms-x.csv:2:") && text.contains("idioms-x.csv:3:"),
        "{text}"
    );
    assert!(text.contains("names-x.csv: ok"), "{text}");
    mtcheck().args(["dict", "check", &good]).assert().code(0);
    // a word list: every problem with its line; the loader refuses the file
    let words = write(
        dir.path(),
        "word_lists-x.csv",
        "list,word\nmissing-reflexive.verbs,Entsinnt\nno-such.list,x\n".as_bytes(),
    );
    let out = mtcheck().args(["dict", "check", &words]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains("word_lists-x.csv:2: `Entsinnt` must be written `entsinnt`")
            && text.contains("word_lists-x.csv:3: unknown list `no-such.list`"),
        "{text}"
    );
    mtcheck()
        .args(["check", "--dict", &words, "-"])
        .write_stdin("x")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("word_lists-x.csv:2:"));
}

#[test]
fn explain_lists_tested_examples() {
    mtcheck()
        .args(["explain", "false-friend"])
        .assert()
        .code(0)
        .stdout(
            predicate::str::contains("Not flagged (tested)")
                .and(predicate::str::contains("pochierte Eier")),
        );
}

/// The consistency rules compare within one document: the whole file in paragraphs mode, one
/// line in lines mode, or what `--document-separator` cuts. One article's usual spelling never
/// makes another article's word a misspelling.
#[test]
fn consistency_rules_compare_within_one_document() {
    let dir = tempfile::tempdir().unwrap();
    let one = "Die Molekulardiagnosetechnologie ist neu. Die Molekulardiagnosetechnologie hilft.";
    let two = "Die Molekulardiagosetechnologie wurde erprobt.";
    let variants = |args: &[&str], text: String| -> usize {
        let p = write(dir.path(), "a.txt", text.as_bytes());
        let out = mtcheck()
            .args(["check", "--format", "jsonl", "--fail-on", "never"])
            .args(args)
            .arg(&p)
            .assert()
            .success();
        jsonl(&out.get_output().stdout)
            .iter()
            .filter(|f| f["rule"] == "name-variant")
            .count()
    };
    // one file, one document: the rare spelling is compared with the frequent one
    assert_eq!(variants(&[], format!("{one}\n\n{two}\n")), 1);
    // one article per line: never compared
    assert_eq!(
        variants(&["--segments", "lines"], format!("{one}\n{two}\n")),
        0
    );
    // paragraphs, with blank lines separating articles
    let sep = ["--document-separator", "blank-line"];
    assert_eq!(variants(&sep, format!("{one}\n\n{two}\n")), 0);
    // a marker line separates articles; without one they are one document
    let marked = ["--document-separator", "<doc>"];
    assert_eq!(variants(&marked, format!("{one}\n\n<doc>\n\n{two}\n")), 0);
    assert_eq!(variants(&marked, format!("{one}\n\n{two}\n")), 1);
}
