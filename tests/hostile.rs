//! Hostile and unlucky input (issue 14): an output that is also an input, control
//! characters meant for the terminal, files that block or never end, huge thread counts,
//! exit codes that must agree with the report, a closed pipe, a directory with nothing to
//! check. Each test failed before its fix.

use std::fs;
use std::io::Read;
use std::path::Path;
use std::process::{Command as Process, Stdio};
use std::time::{Duration, Instant};

use assert_cmd::Command;

const FAILING: &str = "Das Unternehmen nutzt seine tiefen Taschen.\n";
const CLEAN: &str = "Der Stadtrat hat am Montag getagt.\n";

fn mtcheck() -> Command {
    let mut c = Command::cargo_bin("mtcheck").expect("the binary is built");
    c.arg("check").arg("--no-config");
    c
}

fn file(dir: &Path, name: &str, text: &str) -> String {
    let p = dir.join(name);
    fs::write(&p, text).expect("written");
    p.display().to_string()
}

#[test]
fn an_output_that_is_an_input_is_refused_and_left_alone() {
    let dir = tempfile::tempdir().expect("temp dir");
    let a = file(dir.path(), "a.txt", FAILING);
    let en = file(
        dir.path(),
        "a.en.txt",
        "The company uses its deep pockets.\n",
    );
    for args in [
        vec![a.as_str(), "-o", a.as_str()],
        vec!["--source", en.as_str(), a.as_str(), "-o", en.as_str()],
    ] {
        let out = mtcheck().args(&args).output().expect("ran");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{stderr}");
        assert!(
            stderr.contains("refusing to write the report to"),
            "{stderr}"
        );
    }
    assert_eq!(fs::read_to_string(&a).expect("read"), FAILING);
    assert!(fs::read_to_string(&en)
        .expect("read")
        .starts_with("The company"));
    // inside a checked directory, in a format the next run would read back
    let report = dir.path().join("report.html");
    let out = mtcheck()
        .args([
            dir.path().to_str().expect("utf-8"),
            "--format",
            "html",
            "-o",
        ])
        .arg(&report)
        .output()
        .expect("ran");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("inside the checked directory"));
    assert!(!report.exists());
}

#[test]
fn a_failed_run_leaves_the_previous_report() {
    let dir = tempfile::tempdir().expect("temp dir");
    let a = file(dir.path(), "a.txt", FAILING);
    let report = dir.path().join("out.json");
    fs::write(&report, "previous report").expect("written");
    // a usage error after the settings: the report must not be touched
    let out = mtcheck()
        .args([&a, "--format", "json", "--columns", "a,b,c", "-o"])
        .arg(&report)
        .output()
        .expect("ran");
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        fs::read_to_string(&report).expect("read"),
        "previous report"
    );
    let out = mtcheck()
        .args([&a, "--format", "json", "-o"])
        .arg(&report)
        .output()
        .expect("ran");
    assert_eq!(out.status.code(), Some(1));
    assert!(fs::read_to_string(&report)
        .expect("read")
        .contains("\"files\""));
    let names: Vec<_> = fs::read_dir(dir.path())
        .expect("listed")
        .map(|e| e.expect("entry").file_name())
        .collect();
    assert_eq!(names.len(), 2, "no temporary file is left: {names:?}");
}

#[cfg(unix)]
#[test]
fn control_characters_never_reach_the_terminal() {
    let dir = tempfile::tempdir().expect("temp dir");
    let evil = "Die \u{1b}]0;owned\u{7}Firma nutzt \u{9b}2J seine tiefen Taschen.\r\u{8}\n";
    let name = file(dir.path(), "x\u{1b}[31m\nfake.txt:1:1: critical.txt", evil);
    let missing = dir.path().join("gone\u{1b}]8;;http://x\u{7}.txt");
    let out = mtcheck()
        .args(["--color", "never", &name])
        .arg(&missing)
        .output()
        .expect("ran");
    let stdout = String::from_utf8(out.stdout).expect("utf-8");
    let stderr = String::from_utf8(out.stderr).expect("utf-8");
    for s in [&stdout, &stderr] {
        assert!(
            !s.chars().any(|c| c.is_control() && c != '\n' && c != '\t'),
            "a raw control character in:\n{s}"
        );
    }
    assert!(stdout.contains("x\\e[31m\\nfake.txt"), "{stdout}");
    assert!(stdout.contains("seine tiefen Taschen.\\r\\x08"), "{stdout}");
    assert!(stderr.contains("gone\\e]8;;http://x\\x07.txt"), "{stderr}");
}

/// Runs mtcheck with `args`, killed after 30 seconds; the exit code (`None`: killed) and
/// standard error.
fn run_bounded(args: &[&str]) -> (Option<i32>, String) {
    let mut child = Process::new(assert_cmd::cargo::cargo_bin("mtcheck"))
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("started");
    let start = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().expect("waited") {
            break Some(status);
        }
        if start.elapsed() > Duration::from_secs(30) {
            child.kill().expect("killed");
            child.wait().expect("waited");
            break None;
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    let mut stderr = String::new();
    if let Some(mut e) = child.stderr.take() {
        e.read_to_string(&mut stderr).expect("read");
    }
    (status.and_then(|s| s.code()), stderr)
}

#[cfg(unix)]
#[test]
fn a_fifo_is_refused_wherever_it_is_named() {
    let dir = tempfile::tempdir().expect("temp dir");
    let good = file(dir.path(), "ok.txt", CLEAN);
    let made = Process::new("mkfifo")
        .arg(dir.path().join("names_fifo.csv"))
        .status()
        .expect("mkfifo runs");
    assert!(made.success());
    let fifo = dir.path().join("names_fifo.csv").display().to_string();
    let not_regular = "not a regular file (a named pipe (FIFO))";
    let (code, stderr) = run_bounded(&["check", "--no-config", &fifo, &good]);
    assert_eq!(code, Some(2), "{stderr}");
    assert!(
        stderr.contains(&format!("{fifo}: {not_regular}")),
        "{stderr}"
    );
    for flag in ["--dict", "--config", "--glossary", "--source"] {
        let mut args = vec!["check", flag, &fifo, &good];
        if flag != "--config" {
            args.insert(1, "--no-config");
        }
        let (code, stderr) = run_bounded(&args);
        assert_eq!(code, Some(2), "{flag}: {stderr}");
        assert!(stderr.contains(not_regular), "{flag}: {stderr}");
    }
    let (code, stderr) = run_bounded(&["dict", "check", &fifo]);
    assert_eq!(code, Some(2), "{stderr}");
}

#[test]
fn a_huge_thread_count_is_refused() {
    let out = mtcheck()
        .args(["-j", "100000", "-"])
        .write_stdin(CLEAN)
        .output()
        .expect("ran");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("at most 256 worker threads"));
}

#[test]
fn json_passed_agrees_with_the_exit_code() {
    let dir = tempfile::tempdir().expect("temp dir");
    let good = file(dir.path(), "ok.txt", CLEAN);
    let out = mtcheck()
        .args(["--format", "json", &good, "/nonexistent/x.txt"])
        .output()
        .expect("ran");
    assert_eq!(out.status.code(), Some(2));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(json["passed"], false);
    let out = mtcheck()
        .args(["--format", "json", &good])
        .output()
        .expect("ran");
    assert_eq!(out.status.code(), Some(0));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(json["passed"], true);
}

#[cfg(unix)]
#[test]
fn a_closed_pipe_keeps_the_verdict() {
    let dir = tempfile::tempdir().expect("temp dir");
    let text = FAILING.repeat(5_000);
    let paths: Vec<String> = (0..20)
        .map(|i| file(dir.path(), &format!("f{i:02}.txt"), &text))
        .collect();
    let mut child = Process::new(assert_cmd::cargo::cargo_bin("mtcheck"))
        .args(["check", "--no-config", "--format", "jsonl", "-j", "1"])
        .args(&paths)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("started");
    let mut first = [0u8; 10];
    child
        .stdout
        .take()
        .expect("piped")
        .read_exact(&mut first)
        .expect("read");
    // the reader goes away (`| head -c 10`)
    let status = child.wait().expect("waited");
    assert_eq!(status.code(), Some(1));
}

#[test]
fn a_directory_with_nothing_to_check_is_an_error() {
    let dir = tempfile::tempdir().expect("temp dir");
    file(dir.path(), "table.csv", "a,b\n");
    let out = mtcheck().arg(dir.path()).output().expect("ran");
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("no file to check in this directory"),
        "{stderr}"
    );
    let empty = tempfile::tempdir().expect("temp dir");
    let out = mtcheck().arg(empty.path()).output().expect("ran");
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn findings_past_the_limit_are_noted_in_every_format() {
    let dir = tempfile::tempdir().expect("temp dir");
    let many = file(dir.path(), "many.txt", &FAILING.repeat(20));
    for format in ["text", "json", "jsonl", "csv", "html", "sarif"] {
        let out = mtcheck()
            .args([
                "--color",
                "never",
                "--max-findings",
                "3",
                "--format",
                format,
                &many,
            ])
            .output()
            .expect("ran");
        assert_eq!(out.status.code(), Some(1), "{format}");
        let stdout = String::from_utf8(out.stdout).expect("utf-8");
        let stderr = String::from_utf8(out.stderr).expect("utf-8");
        assert!(
            stderr.contains("22 more findings not shown"),
            "{format}: {stderr}"
        );
        match format {
            "json" => {
                let json: serde_json::Value = serde_json::from_str(&stdout).expect("json");
                assert_eq!(
                    json["files"][0]["findings"].as_array().map(Vec::len),
                    Some(3)
                );
                assert_eq!(json["files"][0]["omitted"], 22);
                assert_eq!(json["passed"], false);
            }
            "sarif" => {
                let log: serde_json::Value = serde_json::from_str(&stdout).expect("json");
                assert_eq!(log["runs"][0]["results"].as_array().map(Vec::len), Some(3));
                assert!(stdout.contains("22 more findings not shown"));
            }
            "jsonl" => assert_eq!(stdout.lines().count(), 3),
            "csv" => assert_eq!(stdout.lines().count(), 4),
            _ => assert!(stdout.contains("22 more findings not shown"), "{format}"),
        }
    }
}

// Item 8, the smaller ones.

#[test]
fn an_xliff2_unit_with_ignorable_white_space_is_read() {
    let dir = tempfile::tempdir().expect("temp dir");
    let x = file(
        dir.path(),
        "a.xlf",
        "<xliff xmlns=\"urn:oasis:names:tc:xliff:document:2.0\" version=\"2.0\" srcLang=\"en\" \
         trgLang=\"de\"><file id=\"f\"><unit id=\"u\">\n<segment><source>He has deep pockets.\
         </source><target>Er hat tiefe Taschen.</target></segment>\n<ignorable><source> </source>\
         <target> </target></ignorable>\n</unit></file></xliff>\n",
    );
    let out = mtcheck()
        .args(["--format", "jsonl", &x])
        .output()
        .expect("runs");
    assert_eq!(
        out.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("\"text\":\"tiefe Taschen\""));
    // a unit left open is reported on its last line, not on one past the end of the file
    let bad = file(
        dir.path(),
        "b.xlf",
        "<xliff version=\"2.0\"><file><unit>\n<segment><target>a</target>\n",
    );
    let out = mtcheck().arg(&bad).output().expect("runs");
    assert!(String::from_utf8_lossy(&out.stderr).contains("line 2: unit without an end"));
}

#[cfg(unix)]
#[test]
fn file_names_that_are_not_utf8_keep_their_own_names() {
    use std::os::unix::ffi::OsStrExt;
    let dir = tempfile::tempdir().expect("temp dir");
    for b in [0xE9u8, 0xE8] {
        let bytes = [b'c', b'a', b'f', b, b'.', b't', b'x', b't'];
        fs::write(
            dir.path().join(std::ffi::OsStr::from_bytes(&bytes)),
            FAILING,
        )
        .expect("written");
    }
    let out = mtcheck()
        .args(["--format", "jsonl"])
        .arg(dir.path())
        .output()
        .expect("runs");
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("caf\\\\xE9.txt") && text.contains("caf\\\\xE8.txt"),
        "{text}"
    );
}

#[test]
fn a_nul_byte_anywhere_makes_a_binary_file() {
    let dir = tempfile::tempdir().expect("temp dir");
    let late = file(
        dir.path(),
        "late.txt",
        &format!("{}\0Ende.\n", "Das ist ein Satz. ".repeat(600)),
    );
    let out = mtcheck().arg(&late).output().expect("runs");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("binary file (NUL byte at offset 10800)"));
}

#[test]
fn max_score_must_be_a_number_on_the_command_line_too() {
    let dir = tempfile::tempdir().expect("temp dir");
    let a = file(dir.path(), "a.txt", CLEAN);
    for bad in ["nan", "inf", "-1"] {
        let out = mtcheck()
            .args(["--max-score", bad, &a])
            .output()
            .expect("runs");
        assert_eq!(out.status.code(), Some(2), "--max-score {bad}");
    }
}

#[test]
fn jsonl_escapes_line_separators() {
    let dir = tempfile::tempdir().expect("temp dir");
    let a = file(
        dir.path(),
        "a.txt",
        "Das Unternehmen nutzt seine tiefen Taschen.\u{2028}Und mehr.\n",
    );
    let out = mtcheck()
        .args(["--format", "jsonl", &a])
        .output()
        .expect("runs");
    let text = String::from_utf8(out.stdout).expect("UTF-8");
    assert!(!text.contains('\u{2028}'));
    assert!(text
        .lines()
        .all(|l| serde_json::from_str::<serde_json::Value>(l).is_ok()));
}
