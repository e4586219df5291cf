//! The mtcheck binary: arguments -> settings -> run -> exit code (0 pass, 1 gate failed,
//! 2 usage error or unreadable file).

mod cli;

use std::fs::File;
use std::io::{self, BufWriter, IsTerminal, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;

use anyhow::{bail, Context as _, Result};
use clap::Parser;
use rayon::prelude::*;

use cli::{CheckArgs, Cli, Color, Command, FailOn, Segments};
use mtcheck::report::{self, Batch, FileError, Gate};
use mtcheck::rules::{by_id, REGISTRY};
use mtcheck::{input, Checker, FileReport, Format, Lexicons, SegmentMode, Severity};

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Check(args) => check(args),
        Command::Rules => list_rules().map(|()| 0),
        Command::Explain { rule } => explain(&rule),
    };
    match result {
        Ok(code) => ExitCode::from(code),
        Err(e) => {
            if e.downcast_ref::<io::Error>()
                .is_some_and(|e| e.kind() == io::ErrorKind::BrokenPipe)
            {
                return ExitCode::SUCCESS;
            }
            eprintln!("mtcheck: {e:#}");
            ExitCode::from(2)
        }
    }
}

fn list_rules() -> Result<()> {
    let mut out = io::stdout().lock();
    writeln!(
        out,
        "{:<26} {:<26} {:<9} summary",
        "rule", "category", "severity"
    )?;
    for r in REGISTRY {
        let m = r.meta();
        writeln!(
            out,
            "{:<26} {:<26} {:<9} {}",
            m.id,
            m.category,
            m.severity.as_str(),
            m.summary
        )?;
    }
    Ok(())
}

fn explain(id: &str) -> Result<u8> {
    let Some(rule) = by_id(id) else {
        let ids: Vec<_> = REGISTRY.iter().map(|r| r.meta().id).collect();
        bail!("unknown rule `{id}` (known rules: {})", ids.join(", "));
    };
    let m = rule.meta();
    let mut out = io::stdout().lock();
    writeln!(out, "{}  [{}, {}]\n", m.id, m.category, m.severity)?;
    writeln!(out, "{}\n", m.summary)?;
    writeln!(out, "What it flags\n  {}\n", m.flags)?;
    writeln!(out, "Why it matters\n  {}\n", m.why)?;
    writeln!(out, "Example\n  {}\n", m.example)?;
    writeln!(out, "Instead\n  {}", m.instead)?;
    Ok(0)
}

/// One thing to check: a file or standard input.
enum Input {
    File(PathBuf, Option<Format>),
    Stdin,
}

fn display(p: &Path) -> String {
    p.display().to_string()
}

/// Expands the paths into inputs; paths that do not exist become errors.
fn collect(paths: &[PathBuf], errors: &mut Vec<FileError>) -> Vec<Input> {
    let mut out = Vec::new();
    if paths.is_empty() {
        out.push(Input::Stdin);
    }
    for p in paths {
        if p.as_os_str() == "-" {
            out.push(Input::Stdin);
        } else if p.is_dir() {
            let walk = ignore::WalkBuilder::new(p).require_git(false).build();
            let mut files = Vec::new();
            for entry in walk {
                match entry {
                    Ok(e) if e.file_type().is_some_and(|t| t.is_file()) => {
                        if let Some(fmt) = Format::from_path(e.path()) {
                            files.push((e.into_path(), fmt));
                        }
                    }
                    Ok(_) => {}
                    Err(e) => errors.push(FileError {
                        path: display(p),
                        message: e.to_string(),
                    }),
                }
            }
            files.sort_by(|a, b| a.0.cmp(&b.0));
            out.extend(files.into_iter().map(|(f, fmt)| Input::File(f, Some(fmt))));
        } else {
            let fmt = Format::from_path(p);
            out.push(Input::File(p.clone(), fmt));
        }
    }
    out
}

fn read_input(
    input: &Input,
    stdin: &Option<Vec<u8>>,
) -> (String, Result<(Vec<u8>, Format), String>) {
    match input {
        Input::Stdin => (
            "-".to_string(),
            stdin
                .clone()
                .map(|b| (b, Format::Text))
                .ok_or_else(|| "standard input could not be read".to_string()),
        ),
        Input::File(p, fmt) => {
            let name = display(p);
            let res = std::fs::read(p)
                .map(|b| (b, fmt.unwrap_or(Format::Text)))
                .map_err(|e| match e.kind() {
                    io::ErrorKind::NotFound => "no such file or directory".to_string(),
                    io::ErrorKind::PermissionDenied => "permission denied".to_string(),
                    _ => e.to_string(),
                });
            (name, res)
        }
    }
}

fn check(args: CheckArgs) -> Result<u8> {
    let lex = if args.dicts.is_empty() {
        Lexicons::builtin()?
    } else {
        Arc::new(Lexicons::load(&args.dicts)?)
    };
    for id in args.select.iter().chain(&args.ignore) {
        if by_id(id).is_none() {
            bail!("unknown rule `{id}` (see `mtcheck rules`)");
        }
    }
    let mut checker = Checker::new(lex);
    checker.retain_rules(|id| {
        (args.select.is_empty() || args.select.iter().any(|s| s == id))
            && !args.ignore.iter().any(|s| s == id)
    });
    let mode = match args.segments {
        Segments::Paragraphs => SegmentMode::Paragraphs,
        Segments::Lines => SegmentMode::Lines,
    };
    let gate = Gate {
        fail_on: match args.fail_on {
            FailOn::Critical => Some(Severity::Critical),
            FailOn::Major => Some(Severity::Major),
            FailOn::Minor => Some(Severity::Minor),
            FailOn::Never => None,
        },
        max_score: args.max_score,
    };

    let mut errors = Vec::new();
    let inputs = collect(&args.paths, &mut errors);
    let stdin = if inputs.iter().any(|i| matches!(i, Input::Stdin)) {
        let mut buf = Vec::new();
        io::stdin().read_to_end(&mut buf).ok().map(|_| buf)
    } else {
        None
    };

    let run = || -> Vec<Result<FileReport, FileError>> {
        inputs
            .par_iter()
            .map(|inp| {
                let (path, read) = read_input(inp, &stdin);
                let (bytes, fmt) = read.map_err(|message| FileError {
                    path: path.clone(),
                    message,
                })?;
                let text = input::decode(bytes).map_err(|e| FileError {
                    path: path.clone(),
                    message: e.to_string(),
                })?;
                Ok(checker.check_text(&path, text, fmt, mode))
            })
            .collect()
    };
    let results = match args.threads {
        Some(n) => rayon::ThreadPoolBuilder::new()
            .num_threads(n.max(1))
            .build()
            .context("cannot start worker threads")?
            .install(run),
        None => run(),
    };
    let mut files = Vec::new();
    for r in results {
        match r {
            Ok(f) => files.push(f),
            Err(e) => errors.push(e),
        }
    }
    files.sort_by(|a, b| a.path.cmp(&b.path));
    errors.sort_by(|a, b| a.path.cmp(&b.path));
    for e in &errors {
        eprintln!("{}: {}", e.path, e.message);
    }
    let batch = Batch {
        files,
        errors,
        gate,
    };

    let to_terminal = args.output.is_none() && io::stdout().is_terminal();
    let color = match args.color {
        Color::Always => true,
        Color::Never => false,
        Color::Auto => to_terminal && std::env::var_os("NO_COLOR").is_none(),
    };
    match &args.output {
        Some(p) => {
            let file = File::create(p)
                .with_context(|| format!("{}: cannot write the report", p.display()))?;
            let mut w = BufWriter::new(file);
            report::write(&batch, args.format, color, &mut w)?;
            w.flush()?;
        }
        None => {
            let mut w = BufWriter::new(io::stdout().lock());
            report::write(&batch, args.format, color, &mut w)?;
            w.flush()?;
        }
    }

    let code = if !batch.errors.is_empty() {
        2
    } else if batch.files.iter().all(|f| gate.passes(f)) {
        0
    } else {
        1
    };
    Ok(code)
}
