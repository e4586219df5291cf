//! The mtcheck binary: arguments -> settings -> run -> exit code (0 pass, 1 gate failed,
//! 2 usage error or unreadable file).

mod cli;

mod stream;

use std::cell::RefCell;
use std::fs::File;
use std::io::{self, BufWriter, IsTerminal, Write};
use std::panic::{self, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;

use anyhow::{bail, Context as _, Result};
use clap::Parser;

use cli::{CheckArgs, Cli, Color, Command, FailOn, Segments};
use mtcheck::report::{FileError, Gate, Printer, RenderedFile, Style};
use mtcheck::rules::{by_id, REGISTRY};
use mtcheck::{input, Checker, Format, InputError, Lexicons, SegmentMode, Severity};

thread_local! {
    /// The message and place of the last panic on this thread, for the error report.
    static LAST_PANIC: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// Replaces the default panic message (which would interleave with the report) by a
/// note kept for the file that was being checked; the caller reports it as an error.
fn quiet_panics() {
    panic::set_hook(Box::new(|info| {
        let msg = info
            .payload()
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| info.payload().downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "unknown cause".into());
        let place = info
            .location()
            .map(|l| format!(" at {}:{}", l.file(), l.line()))
            .unwrap_or_default();
        LAST_PANIC.with(|p| *p.borrow_mut() = Some(format!("{msg}{place}")));
    }));
}

fn last_panic() -> String {
    LAST_PANIC
        .with(|p| p.borrow_mut().take())
        .unwrap_or_else(|| "unknown cause".into())
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    quiet_panics();
    let result = panic::catch_unwind(AssertUnwindSafe(|| match cli.command {
        Command::Check(args) => check(args),
        Command::Rules => list_rules().map(|()| 0),
        Command::Explain { rule } => explain(&rule),
    }))
    .unwrap_or_else(|_| {
        Err(anyhow::anyhow!(
            "internal error: {} (please report this as a bug)",
            last_panic()
        ))
    });
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

impl Input {
    /// The name the report gives it.
    fn name(&self) -> String {
        match self {
            Input::File(p, _) => display(p),
            Input::Stdin => "-".to_string(),
        }
    }
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

/// `ELOOP` of the platforms mtcheck is built for.
fn is_symlink_loop(e: &io::Error) -> bool {
    #[cfg(any(target_os = "linux", target_os = "android"))]
    const ELOOP: i32 = 40;
    #[cfg(not(any(target_os = "linux", target_os = "android")))]
    const ELOOP: i32 = 62;
    e.raw_os_error() == Some(ELOOP)
}

/// Why `path` could not be opened or read, in words.
fn read_error(path: &Path, e: &io::Error) -> String {
    let is_link = std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink());
    match e.kind() {
        io::ErrorKind::NotFound if is_link => {
            "broken symbolic link (its target does not exist)".to_string()
        }
        io::ErrorKind::NotFound => "no such file or directory".to_string(),
        io::ErrorKind::PermissionDenied => "permission denied".to_string(),
        io::ErrorKind::NotADirectory => {
            "no such file (a part of the path is a file, not a directory)".to_string()
        }
        io::ErrorKind::IsADirectory => "is a directory".to_string(),
        _ if is_symlink_loop(e) => {
            "symbolic link loop (the link points back to itself)".to_string()
        }
        _ => format!("cannot be read ({e})"),
    }
}

/// Reads a file, refusing files over the size limit before reading them.
fn read_file(p: &Path) -> Result<Vec<u8>, String> {
    let file = File::open(p).map_err(|e| read_error(p, &e))?;
    let size = file.metadata().map(|m| m.len()).unwrap_or(0);
    if size > input::MAX_FILE_BYTES {
        return Err(InputError::TooLarge { bytes: size }.to_string());
    }
    input::read_limited(file, size).map_err(|e| read_error(p, &e))
}

/// Checks one input and renders its part of the report.
fn check_one(
    inp: &Input,
    stdin: &Option<Vec<u8>>,
    checker: &Checker,
    mode: SegmentMode,
    style: &Style,
) -> Result<RenderedFile, FileError> {
    let path = inp.name();
    let err = |message: String| FileError {
        path: path.clone(),
        message,
    };
    let (bytes, fmt) = match inp {
        Input::Stdin => (
            stdin
                .clone()
                .ok_or_else(|| err("standard input could not be read".into()))?,
            Format::Text,
        ),
        Input::File(p, fmt) => (read_file(p).map_err(err)?, fmt.unwrap_or(Format::Text)),
    };
    let text = input::decode(bytes).map_err(|e| err(e.to_string()))?;
    panic::catch_unwind(AssertUnwindSafe(|| {
        style.render(&checker.check_text(&path, text, fmt, mode))
    }))
    .map_err(|_| {
        err(format!(
            "internal error while checking: {} (please report this as a bug)",
            last_panic()
        ))
    })
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
    let to_terminal = args.output.is_none() && io::stdout().is_terminal();
    let color = match args.color {
        Color::Always => true,
        Color::Never => false,
        Color::Auto => to_terminal && std::env::var_os("NO_COLOR").is_none(),
    };
    let style = Style {
        format: args.format,
        color,
        gate,
    };

    let mut errors = Vec::new();
    let mut inputs = collect(&args.paths, &mut errors);
    // the report lists files by name; sorting first lets it be printed as files finish
    inputs.sort_by_cached_key(Input::name);
    let stdin = if inputs.iter().any(|i| matches!(i, Input::Stdin)) {
        input::read_limited(io::stdin().lock(), 0).ok()
    } else {
        None
    };
    let threads = args
        .threads
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()))
        .max(1);

    let mut out: Box<dyn Write> = match &args.output {
        Some(p) => {
            Box::new(BufWriter::new(File::create(p).with_context(|| {
                format!("{}: cannot write the report", p.display())
            })?))
        }
        None => Box::new(BufWriter::new(io::stdout().lock())),
    };
    let mut printer = Printer::new(style, &mut out)?;
    stream::ordered(
        &inputs,
        threads,
        |inp| check_one(inp, &stdin, &checker, mode, &style),
        |result| match result {
            Ok(file) => printer.push(file),
            Err(e) => {
                errors.push(e);
                Ok(())
            }
        },
    )?;
    errors.sort_by(|a, b| a.path.cmp(&b.path));
    let passed = printer.files().iter().all(|f| f.passed);
    printer.finish(&errors)?;
    out.flush()?;
    for e in &errors {
        eprintln!("{}: {}", e.path, e.message);
    }
    let code = if !errors.is_empty() {
        2
    } else if passed {
        0
    } else {
        1
    };
    Ok(code)
}
