//! The mtcheck binary: arguments -> settings -> run -> exit code (0 pass, 1 gate failed,
//! 2 usage error or unreadable file).

mod cli;

use std::fs::{File, OpenOptions};
use std::io::{self, BufWriter, IsTerminal, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::Duration;

use anyhow::{bail, Context as _, Result};
use clap::Parser;
use indicatif::{ProgressBar, ProgressStyle};

use cli::{CheckArgs, Cli, Color, Command, InputFormat, Segments};
use mtcheck::config::{self, FailOn, Settings};
use mtcheck::input::{bilingual::SourceFile, ReadOptions};
use mtcheck::report::csv::CsvOptions;
use mtcheck::report::{FileError, Gate, OutputFormat, ReportOptions, ReportWriter};
use mtcheck::rules::{by_id, REGISTRY};
use mtcheck::{input, pipeline, Checker, FileReport, Format, Lexicons, QuoteStyle, SegmentMode};

fn main() -> ExitCode {
    // a bug is reported as such (and, while checking, costs only its file: see `check`)
    std::panic::set_hook(Box::new(|info| {
        let what = info
            .payload()
            .downcast_ref::<&str>()
            .map(|s| (*s).to_string())
            .or_else(|| info.payload().downcast_ref::<String>().cloned())
            .unwrap_or_default();
        let at = info
            .location()
            .map(|l| format!(" ({}:{})", l.file(), l.line()))
            .unwrap_or_default();
        eprintln!("mtcheck: internal error{at}: {what}");
    }));
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Check(args) => check(*args),
        Command::Rules => list_rules().map(|()| 0),
        Command::Explain { rule } => explain(&rule),
        Command::Init => init(),
        Command::Dict { action } => dict(action),
        Command::Analyze { text } => analyze(text),
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
    writeln!(out, "Instead\n  {}\n", m.instead)?;
    writeln!(out, "Flagged (tested)")?;
    for p in m.positives {
        writeln!(out, "  ✗ {p}")?;
    }
    writeln!(out, "\nNot flagged (tested)")?;
    for n in m.negatives {
        writeln!(out, "  ✓ {n}")?;
    }
    Ok(0)
}

fn dict(action: cli::DictAction) -> Result<u8> {
    use mtcheck::lexicon::stats;
    let mut out = io::stdout().lock();
    match action {
        cli::DictAction::Check { files } => {
            let mut bad = 0;
            for f in &files {
                let errors = stats::validate_dictionary(f);
                if errors.is_empty() {
                    writeln!(out, "{}: ok", f.display())?;
                }
                for e in &errors {
                    writeln!(out, "{e}")?;
                }
                bad += errors.len();
            }
            Ok(if bad == 0 { 0 } else { 2 })
        }
        cli::DictAction::Stats { dicts } => {
            let lex = if dicts.is_empty() {
                Lexicons::builtin()?
            } else {
                Arc::new(Lexicons::load(&dicts)?)
            };
            write!(out, "{}", stats::format_counts(&stats::table_counts(&lex)))?;
            Ok(0)
        }
    }
}

/// `mtcheck analyze [TEXT|-]`.
fn analyze(text: Option<String>) -> Result<u8> {
    let text = match text.filter(|t| t != "-") {
        Some(t) => t,
        None => io::read_to_string(io::stdin())?,
    };
    io::stdout().write_all(mtcheck::morph::analyze_text(&text).as_bytes())?;
    Ok(0)
}

fn init() -> Result<u8> {
    let path = Path::new(config::FILE_NAME);
    let mut file = match OpenOptions::new().write(true).create_new(true).open(path) {
        Ok(f) => f,
        Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {
            bail!(
                "{} already exists; edit it, or remove it to start again",
                config::FILE_NAME
            )
        }
        Err(e) => return Err(e).with_context(|| format!("cannot write {}", config::FILE_NAME)),
    };
    file.write_all(config::TEMPLATE.as_bytes())
        .with_context(|| format!("cannot write {}", config::FILE_NAME))?;
    println!("wrote {}", config::FILE_NAME);
    Ok(0)
}

/// The configuration file's settings: `--config FILE`, else the nearest mtcheck.toml, else
/// none.
fn settings(args: &CheckArgs) -> Result<Settings> {
    if args.no_config {
        return Ok(Settings::default());
    }
    let path = match &args.config {
        Some(p) => p.clone(),
        None => {
            let cwd = std::env::current_dir().context("cannot read the current directory")?;
            match config::find(&cwd) {
                Some(p) => p,
                None => return Ok(Settings::default()),
            }
        }
    };
    Ok(config::load(&path)?)
}

/// A progress bar on standard error for batches of several files, only on a terminal.
fn progress(files: usize) -> Result<ProgressBar> {
    if files < 2 || !io::stderr().is_terminal() {
        return Ok(ProgressBar::hidden());
    }
    let bar = ProgressBar::new(files as u64);
    bar.set_style(
        ProgressStyle::with_template(
            "{spinner} [{bar:32}] {pos}/{len} files, {msg} · {elapsed}, about {eta} left",
        )?
        .progress_chars("=> "),
    );
    bar.set_message("0 findings");
    bar.enable_steady_tick(Duration::from_millis(200));
    Ok(bar)
}

/// One thing to check: a file or standard input.
enum Input {
    File(PathBuf, Option<Format>),
    Stdin,
}

impl Input {
    /// The name reports give the input.
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
                        // tables in a directory are rarely translations: name them to check them
                        if let Some(fmt) = Format::from_path(e.path())
                            .filter(|f| !matches!(f, Format::Csv | Format::Tsv))
                        {
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

/// The bytes of an input and its format, or why it could not be read.
fn read_input(input: &Input, stdin: &Option<Vec<u8>>) -> Result<(Vec<u8>, Format), String> {
    match input {
        Input::Stdin => stdin
            .clone()
            .map(|b| (b, Format::Text))
            .ok_or_else(|| "standard input could not be read".to_string()),
        Input::File(p, fmt) => std::fs::read(p)
            .map(|b| (b, fmt.unwrap_or(Format::Text)))
            .map_err(|e| read_error(p, &e)),
    }
}

fn check(args: CheckArgs) -> Result<u8> {
    let cfg = settings(&args)?;
    let format = args.format.unwrap_or(if args.excel {
        OutputFormat::Csv
    } else {
        OutputFormat::Text
    });
    if format != OutputFormat::Csv && (args.excel || args.summary || args.csv_delimiter.is_some()) {
        bail!("--excel, --csv-delimiter and --summary apply to --format csv");
    }
    let dicts: Vec<&Path> = cfg
        .dictionaries
        .iter()
        .chain(&args.dicts)
        .map(PathBuf::as_path)
        .collect();
    let lex = if dicts.is_empty() {
        Lexicons::builtin()?
    } else {
        Arc::new(Lexicons::load(&dicts)?)
    };
    for id in args.select.iter().chain(&args.ignore) {
        if by_id(id).is_none() {
            bail!("unknown rule `{id}` (see `mtcheck rules`)");
        }
    }
    let mut checker = Checker::new(lex);
    checker.retain_rules(|id| {
        (args.select.is_empty() || args.select.iter().any(|s| s == id))
            && !args.ignore.iter().chain(&cfg.ignore).any(|s| s == id)
    });
    for (id, severity) in &cfg.severity {
        checker.set_severity(id, *severity);
    }
    checker.allow_words(cfg.allow.iter().cloned());
    checker.set_quote_style(args.quotes.or(cfg.quotes).unwrap_or(QuoteStyle::Auto));
    if let Some(g) = &args.glossary {
        checker.set_glossary(Arc::new(mtcheck::lexicon::glossary::Glossary::load(g)?));
    }
    checker.keep_text(format.needs_text());
    checker.keep_sentences(format == OutputFormat::Csv);
    let mode = match args.segments {
        Segments::Paragraphs => SegmentMode::Paragraphs,
        Segments::Lines => SegmentMode::Lines,
    };
    let gate = Gate {
        fail_on: args
            .fail_on
            .or(cfg.fail_on)
            .unwrap_or(FailOn::Major)
            .severity(),
        max_score: args.max_score.or(cfg.max_score),
    };

    let columns = match args.columns.as_slice() {
        [] => None,
        [s, t] => Some((s.as_str(), t.as_str())),
        _ => bail!("--columns takes two header names: SOURCE,TARGET"),
    };
    let forced = args.format_in.map(|f| match f {
        InputFormat::Text => Format::Text,
        InputFormat::Markdown => Format::Markdown,
        InputFormat::Html => Format::Html,
        InputFormat::Jsonl => Format::Jsonl,
        InputFormat::Tsv => Format::Tsv,
        InputFormat::Csv => Format::Csv,
        InputFormat::Xliff => Format::Xliff,
        InputFormat::Tmx => Format::Tmx,
    });
    let source = match &args.source {
        None => None,
        Some(p) => {
            if args.paths.len() != 1 || args.paths[0].is_dir() {
                bail!("--source goes with exactly one target file");
            }
            let bytes = std::fs::read(p)
                .with_context(|| format!("{}: cannot read the source file", p.display()))?;
            let text = input::decode(bytes).with_context(|| format!("{}", p.display()))?;
            Some((display(p), text))
        }
    };

    let mut errors = Vec::new();
    let inputs = collect(&args.paths, &mut errors);
    let stdin = if inputs.iter().any(|i| matches!(i, Input::Stdin)) {
        let mut buf = Vec::new();
        io::stdin().read_to_end(&mut buf).ok().map(|_| buf)
    } else {
        None
    };

    // reports list files in the order of their names, whatever finishes first
    let mut inputs: Vec<(String, Input)> = inputs.into_iter().map(|i| (i.name(), i)).collect();
    inputs.sort_by(|a, b| a.0.cmp(&b.0));
    for e in &errors {
        eprintln!("{}: {}", e.path, e.message);
    }

    let to_terminal = args.output.is_none() && io::stdout().is_terminal();
    let color = match args.color {
        Color::Always => true,
        Color::Never => false,
        Color::Auto => to_terminal && std::env::var_os("NO_COLOR").is_none(),
    };
    let opts = ReportOptions {
        color,
        csv: CsvOptions {
            delimiter: args
                .csv_delimiter
                .unwrap_or(if args.excel { b';' } else { b',' }),
            excel: args.excel,
            summary: args.summary,
        },
    };
    let bilingual = source.is_some()
        || forced.map_or_else(
            || {
                inputs
                    .iter()
                    .any(|(_, i)| matches!(i, Input::File(_, Some(f)) if f.is_bilingual()))
            },
            Format::is_bilingual,
        );
    let mut out: Box<dyn Write> = match &args.output {
        Some(p) => {
            Box::new(BufWriter::new(File::create(p).with_context(|| {
                format!("{}: cannot write the report", p.display())
            })?))
        }
        None => Box::new(BufWriter::new(io::stdout().lock())),
    };
    let mut unreadable = !errors.is_empty();
    let mut writer = ReportWriter::new(format, opts, gate, bilingual, &mut *out);
    for e in errors {
        writer.error(e);
    }

    let bar = progress(inputs.len())?;
    let found = AtomicUsize::new(0);
    let check_one = |(path, inp): &(String, Input)| -> Result<FileReport, FileError> {
        let done = Tick { bar: &bar };
        let fail = |message: String| FileError {
            path: path.clone(),
            message,
        };
        let (bytes, fmt) = read_input(inp, &stdin).map_err(fail)?;
        let text = input::decode(bytes).map_err(|e| fail(e.to_string()))?;
        let opts = ReadOptions {
            format: forced.unwrap_or(fmt),
            mode,
            source: source.as_ref().map(|(name, text)| SourceFile {
                target_name: path,
                name,
                text,
            }),
            columns,
        };
        // a bug in a rule costs this file, not the batch
        let report = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            checker.check_input(path, text, &opts)
        }))
        .map_err(|_| fail("internal error while checking (please report it)".into()))?
        .map_err(|e| fail(e.to_string()))?;
        let n = found.fetch_add(report.findings.len(), Ordering::Relaxed) + report.findings.len();
        done.message(format!("{n} findings"));
        Ok(report)
    };
    let pool = match args.threads {
        Some(n) => Some(
            rayon::ThreadPoolBuilder::new()
                .num_threads(n.max(1))
                .build()
                .context("cannot start worker threads")?,
        ),
        None => None,
    };
    let mut all_pass = true;
    pipeline::ordered(&inputs, pool.as_ref(), check_one, |result| {
        match result {
            Ok(report) => all_pass &= writer.file(report)?,
            Err(e) => {
                bar.suspend(|| eprintln!("{}: {}", e.path, e.message));
                unreadable = true;
                writer.error(e);
            }
        }
        Ok(())
    })?;
    bar.finish_and_clear();
    if mtcheck::timing::enabled() {
        mtcheck::timing::print();
    }
    writer.finish()?;
    out.flush()?;

    let code = if unreadable {
        2
    } else if all_pass {
        0
    } else {
        1
    };
    Ok(code)
}

/// Advances the progress bar when a file is done, whether it was checked or not.
struct Tick<'a> {
    bar: &'a ProgressBar,
}

impl Tick<'_> {
    fn message(&self, m: String) {
        self.bar.set_message(m);
    }
}

impl Drop for Tick<'_> {
    fn drop(&mut self) {
        self.bar.inc(1);
    }
}
