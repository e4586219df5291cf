//! The application layer runs a whole check from flags, without a process: report, stderr
//! and exit status.

use std::io::{self, Read};
use std::path::PathBuf;

use super::*;
use crate::report::OutputFormat;

const MT: &str = "Das Unternehmen nutzt seine tiefen Taschen. Der ehemalige Github-CEO kam.\n";
const CLEAN: &str = "Der Stadtrat hat den Haushalt für das kommende Jahr beschlossen.\n";

/// Flags that read no configuration file and write JSON Lines without colour.
fn flags(paths: &[PathBuf]) -> CheckFlags {
    CheckFlags {
        paths: paths.to_vec(),
        format: Some(OutputFormat::Jsonl),
        color: ColorChoice::Never,
        no_config: true,
        ..CheckFlags::default()
    }
}

/// Runs `flags` with `stdin`; returns the status, the report and standard error.
fn run_with(flags: CheckFlags, stdin: &mut dyn Read) -> (Status, String, String) {
    let (mut out, mut err) = (Vec::new(), Vec::new());
    let status = check(
        flags,
        Streams {
            stdin,
            stdout: &mut out,
            stderr: &mut err,
            progress: false,
        },
    )
    .expect("the check runs");
    let text = |b: Vec<u8>| String::from_utf8(b).expect("UTF-8 output");
    (status, text(out), text(err))
}

#[test]
fn standard_input_is_checked_and_gated() {
    let (status, report, err) = run_with(flags(&[]), &mut MT.as_bytes());
    assert_eq!(status, Status::Fail, "{report}");
    assert_eq!(status.code(), 1);
    assert!(err.is_empty(), "{err}");
    let first = report.lines().next().unwrap_or_default();
    assert!(first.starts_with("{\"path\":\"-\",\"line\":1,"), "{first}");
    let (status, report, _) = run_with(flags(&[]), &mut CLEAN.as_bytes());
    assert_eq!((status, report.as_str()), (Status::Pass, ""));
    let never = CheckFlags {
        fail_on: Some(crate::config::FailOn::Never),
        ..flags(&[])
    };
    assert_eq!(run_with(never, &mut MT.as_bytes()).0, Status::Pass);
}

/// A reader that never ends: reading it all would never return.
#[test]
fn endless_standard_input_is_refused_at_the_limit() {
    let mut endless = io::repeat(b'a');
    let (status, report, err) = run_with(flags(&[]), &mut endless);
    assert_eq!(status, Status::Error);
    assert_eq!(report, "");
    assert_eq!(
        err,
        "-: file too large (17 MB; mtcheck checks files of up to 16 MB)\n"
    );
}

#[test]
fn files_are_reported_in_name_order_and_a_missing_one_is_an_error() {
    let dir = tempfile::tempdir().expect("temporary directory");
    let (a, b) = (dir.path().join("a.txt"), dir.path().join("b.md"));
    std::fs::write(&a, CLEAN).expect("write");
    std::fs::write(&b, MT).expect("write");
    let missing = dir.path().join("missing.txt");
    let (status, report, err) = run_with(flags(&[missing.clone(), b, a]), &mut io::empty());
    assert_eq!(status, Status::Error);
    assert_eq!(
        err,
        format!("{}: no such file or directory\n", missing.display())
    );
    assert!(report.lines().all(|l| l.contains("b.md")), "{report}");
    assert!(!report.is_empty());
}

#[test]
fn the_report_goes_to_the_output_file() {
    let dir = tempfile::tempdir().expect("temporary directory");
    let out = dir.path().join("report.json");
    let f = CheckFlags {
        format: Some(OutputFormat::Json),
        output: vec![out.clone()],
        ..flags(&[])
    };
    let (status, stdout, _) = run_with(f, &mut MT.as_bytes());
    assert_eq!((status, stdout.as_str()), (Status::Fail, ""));
    let written = std::fs::read_to_string(&out).expect("the report was written");
    assert!(written.starts_with("{\n  \"files\": ["), "{written}");
    assert!(written.ends_with("\"passed\": false\n}\n"), "{written}");
}

#[test]
fn settings_merge_the_configuration_file_under_the_flags() {
    let dir = tempfile::tempdir().expect("temporary directory");
    let cfg = dir.path().join("mtcheck.toml");
    std::fs::write(
        &cfg,
        "[rules]\nignore = [\"literal-idiom\"]\n[gate]\nfail-on = \"critical\"\n",
    )
    .expect("write");
    let f = CheckFlags {
        config: Some(cfg),
        no_config: false,
        ..flags(&[])
    };
    let s = CheckSettings::resolve(f.clone()).expect("settings");
    assert_eq!(s.gate.fail_on, Some(crate::Severity::Critical));
    let (status, report, _) = run_with(f.clone(), &mut MT.as_bytes());
    assert_eq!(status, Status::Pass);
    assert!(!report.contains("literal-idiom"), "{report}");
    let flag_wins = CheckFlags {
        fail_on: Some(crate::config::FailOn::Minor),
        ..f
    };
    assert_eq!(run_with(flag_wins, &mut MT.as_bytes()).0, Status::Fail);
}

#[test]
fn flags_that_cannot_be_used_are_errors() {
    let excel_as_text = CheckFlags {
        format: Some(OutputFormat::Text),
        excel: true,
        ..flags(&[])
    };
    let unknown = CheckFlags {
        select: vec!["no-such-rule".into()],
        ..flags(&[])
    };
    let columns = CheckFlags {
        columns: vec!["en".into()],
        ..flags(&[])
    };
    for (f, message) in [
        (
            excel_as_text,
            "--excel, --csv-delimiter and --summary apply to --format csv",
        ),
        (unknown, "unknown rule `no-such-rule` (see `mtcheck rules`)"),
        (columns, "--columns takes two header names: SOURCE,TARGET"),
    ] {
        match CheckSettings::resolve(f) {
            Err(e @ AppError::Usage(_)) => assert_eq!(e.to_string(), message),
            Err(e) => panic!("{e}"),
            Ok(_) => panic!("accepted: {message}"),
        }
    }
}

#[test]
fn subcommands_write_to_the_given_output() {
    let mut out = Vec::new();
    commands::list_rules(&mut out).expect("rules");
    let rules = String::from_utf8_lossy(&out);
    assert!(rules.starts_with("rule "), "{rules}");
    assert!(rules.lines().any(|l| l.starts_with("mangled-entity ")));
    let mut out = Vec::new();
    commands::explain("mangled-entity", &mut out).expect("explain");
    assert!(String::from_utf8_lossy(&out).starts_with("mangled-entity  ["));
    assert!(matches!(
        commands::explain("nope", &mut Vec::new()),
        Err(AppError::Usage(_))
    ));
    let dir = tempfile::tempdir().expect("temporary directory");
    let mut out = Vec::new();
    commands::init(dir.path(), &mut out).expect("init");
    assert_eq!(out, b"wrote mtcheck.toml\n");
    let written = std::fs::read_to_string(dir.path().join("mtcheck.toml")).expect("written");
    assert_eq!(written, crate::config::TEMPLATE);
    assert!(commands::init(dir.path(), &mut Vec::new()).is_err());
    let bad = dir.path().join("idioms-bad.csv");
    std::fs::write(&bad, "nonsense\n").expect("write");
    let status = commands::dict_check(&[bad], &mut Vec::new()).expect("dict check");
    assert_eq!(status, Status::Error);
}
