//! Running a check: inputs read and checked on the thread pool, the report written in input
//! order as files finish, the exit status computed.

use std::io::{self, IsTerminal, Write};
use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::Duration;

use indicatif::{ProgressBar, ProgressStyle};

use super::inputs::{self, Input};
use super::output::{self, OutputFile, PipeOutput};
use super::settings::Output;
use super::{AppError, CheckSettings, Status, Streams};
use crate::error::InputError;
use crate::input::bilingual::SourceFile;
use crate::input::{self as reader, Encoding, Format, ReadOptions};
use crate::located::FileReport;
use crate::report::github::GithubReport;
use crate::report::sarif::SarifReport;
use crate::report::{FileError, FileSummary, Gate, OutputFormat, Report, ReportWriter};
use crate::terminal::escape;
use crate::{pipeline, timing};

/// Checks every input of `settings` and writes each report to its output file or
/// `streams.stdout`; files that cannot be read or checked are reported, named on
/// `streams.stderr`, and make the status [`Status::Error`]. When a report goes to a file, a
/// one-line summary goes to `streams.stderr`.
pub fn run(settings: &CheckSettings, streams: Streams<'_>) -> Result<Status, AppError> {
    let Streams {
        stdin,
        stdout,
        stderr,
        progress,
    } = streams;
    // an output that is also read is refused before anything is opened
    refuse_outputs_that_are_read(settings)?;
    let mut errors = Vec::new();
    let (inputs, stdin_bytes) = named_inputs(settings, stdin, &mut errors);
    for e in &errors {
        writeln!(stderr, "{}: {}", escape(&e.path), escape(&e.message))?;
    }
    let bilingual = is_bilingual(settings, &inputs);
    let mut sinks = sinks(&settings.outputs, stdout)?;
    let mut unreadable = !errors.is_empty();
    let mut writers = writers(settings, &mut sinks, bilingual);
    for e in errors {
        for w in &mut writers {
            w.error(e.clone());
        }
    }
    let bar = if progress {
        progress_bar(inputs.len())
    } else {
        ProgressBar::hidden()
    };
    let found = AtomicUsize::new(0);
    let work = |(path, inp): &(String, Input)| -> Result<(FileReport, Gate), FileError> {
        let done = Tick { bar: &bar };
        let (report, gate) = check_one(settings, path, inp, stdin_bytes.as_deref())?;
        let n = found.fetch_add(report.findings.len(), Ordering::Relaxed) + report.findings.len();
        done.bar.set_message(format!("{n} findings"));
        Ok((report, gate))
    };
    let pool = thread_pool(settings.threads)?;
    let mut all_pass = true;
    let mut baseline = settings.baseline.clone();
    pipeline::ordered(&inputs, pool.as_ref(), work, |result| {
        match result {
            Ok((mut report, gate)) => {
                bar.suspend(|| notes(&report, stderr))?;
                let omitted = report.omitted.total();
                if omitted > 0 {
                    let note = crate::report::omitted_note(omitted);
                    bar.suspend(|| writeln!(stderr, "{}: {note}", escape(&report.path)))?;
                }
                match baseline.as_mut() {
                    Some(b) if settings.write_baseline => b.record(&report),
                    Some(b) => b.apply(&mut report),
                    None => {}
                }
                all_pass &= feed(&mut writers, report, &gate)?;
            }
            Err(e) => {
                bar.suspend(|| writeln!(stderr, "{}: {}", escape(&e.path), escape(&e.message)))?;
                unreadable = true;
                for w in &mut writers {
                    w.error(e.clone());
                }
            }
        }
        Ok(())
    })?;
    bar.finish_and_clear();
    if timing::enabled() {
        timing::print();
    }
    let summaries = writers
        .first()
        .map(|w| w.summaries().to_vec())
        .unwrap_or_default();
    for (w, o) in writers.into_iter().zip(&settings.outputs) {
        w.finish().map_err(|e| write_error(o, e))?;
    }
    commit(settings, sinks)?;
    if let (Some(b), true) = (&baseline, settings.write_baseline) {
        let n = b.write()?;
        writeln!(
            stderr,
            "mtcheck: wrote {} findings into the baseline {}",
            n,
            escape(&b.path.display().to_string())
        )?;
        all_pass = true;
    }
    let status = match (unreadable, all_pass) {
        (true, _) => Status::Error,
        (false, true) => Status::Pass,
        (false, false) => Status::Fail,
    };
    if settings.outputs.iter().any(|o| o.path.is_some()) || settings.baseline.is_some() {
        summary_line(&summaries, settings, status, stderr)?;
    }
    Ok(status)
}

/// The inputs of `settings` with the names reports give them, in name order (reports list
/// files so, whatever finishes first), and what standard input holds when it is one of them.
fn named_inputs(
    settings: &CheckSettings,
    stdin: &mut dyn io::Read,
    errors: &mut Vec<FileError>,
) -> (Vec<(String, Input)>, Option<Vec<u8>>) {
    let inputs = inputs::collect(&settings.paths, errors);
    let stdin_bytes = if inputs.iter().any(|i| matches!(i, Input::Stdin)) {
        reader::read_limited(stdin, 0).ok()
    } else {
        None
    };
    let name = |i: &Input| match (i, &settings.stdin_name) {
        (Input::Stdin, Some(n)) => n.clone(),
        _ => i.name(),
    };
    let mut inputs: Vec<(String, Input)> = inputs.into_iter().map(|i| (name(&i), i)).collect();
    inputs.sort_by(|a, b| a.0.cmp(&b.0));
    (inputs, stdin_bytes)
}

/// Refuses report files that this run also reads (an input, the source, a dictionary …).
fn refuse_outputs_that_are_read(settings: &CheckSettings) -> Result<(), AppError> {
    let outputs: Vec<&Path> = settings
        .outputs
        .iter()
        .filter_map(|o| o.path.as_deref())
        .collect();
    output::check_outputs(&outputs, &settings.paths, &settings.reads)
}

/// One report writer per output, each on its sink.
fn writers<'a>(
    settings: &CheckSettings,
    sinks: &'a mut [Sink<'_>],
    bilingual: bool,
) -> Vec<ReportWriter<'a>> {
    sinks
        .iter_mut()
        .zip(&settings.outputs)
        .map(|(sink, o)| {
            let sink: &mut dyn Write = sink;
            ReportWriter::with_report(report(settings, o, bilingual), settings.gate, sink)
        })
        .collect()
}

/// The worker pool of `-j N` (`None`: rayon's global pool, one thread per core).
fn thread_pool(threads: Option<usize>) -> Result<Option<rayon::ThreadPool>, AppError> {
    threads
        .map(|n| {
            rayon::ThreadPoolBuilder::new()
                .num_threads(n.max(1))
                .build()
                .map_err(|e| AppError::File {
                    context: "cannot start worker threads".to_string(),
                    error: e.to_string(),
                })
        })
        .transpose()
}

/// Flushes every sink, and only when all reports are complete lets the report files replace
/// the files they name.
fn commit(settings: &CheckSettings, mut sinks: Vec<Sink<'_>>) -> Result<(), AppError> {
    for (sink, o) in sinks.iter_mut().zip(&settings.outputs) {
        sink.flush().map_err(|e| write_error(o, e))?;
    }
    for sink in sinks {
        sink.commit()?;
    }
    Ok(())
}

/// Where one report goes: a file written aside and renamed over its target at the end
/// ([`OutputFile`]), or standard output, which may close early ([`PipeOutput`]).
enum Sink<'a> {
    File(OutputFile),
    Stdout(PipeOutput<'a>),
}

impl Write for Sink<'_> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        match self {
            Sink::File(f) => f.write(buf),
            Sink::Stdout(p) => p.write(buf),
        }
    }

    fn flush(&mut self) -> io::Result<()> {
        match self {
            Sink::File(f) => f.flush(),
            Sink::Stdout(p) => p.flush(),
        }
    }
}

impl Sink<'_> {
    /// A file report replaces its target now; standard output has nothing to do.
    fn commit(self) -> Result<(), AppError> {
        match self {
            Sink::File(f) => f.commit(),
            Sink::Stdout(_) => Ok(()),
        }
    }
}

/// One sink per output, in order; at most one of them standard output.
fn sinks<'a>(outputs: &[Output], stdout: &'a mut dyn Write) -> Result<Vec<Sink<'a>>, AppError> {
    let mut stdout = Some(stdout);
    let mut sinks = Vec::with_capacity(outputs.len());
    for o in outputs {
        match (&o.path, stdout.take()) {
            (Some(p), s) => {
                stdout = s;
                sinks.push(Sink::File(OutputFile::create(p)?));
            }
            (None, Some(s)) => sinks.push(Sink::Stdout(PipeOutput::new(s))),
            (None, None) => {
                return Err(AppError::Usage(
                    "only one report can go to standard output".to_string(),
                ))
            }
        }
    }
    Ok(sinks)
}

/// The report of one output: SARIF with its base directory and the rules' documentation,
/// GitHub annotations with their base directory, the others by format.
fn report(settings: &CheckSettings, o: &Output, bilingual: bool) -> Box<dyn Report> {
    match (o.format, &settings.base) {
        (OutputFormat::Sarif, base) => {
            let sarif = match base {
                Some((base, cwd)) => SarifReport::with_base(base.clone(), cwd.clone()),
                None => SarifReport::default(),
            };
            Box::new(sarif.with_docs(settings.docs_url.clone()))
        }
        (OutputFormat::Github, Some((base, cwd))) => {
            Box::new(GithubReport::with_base(base.clone(), cwd.clone()))
        }
        _ => o.format.report(&o.options, bilingual),
    }
}

/// Hands a checked file to every report (a copy to all but the last); returns whether it
/// passed the gate.
fn feed(writers: &mut [ReportWriter<'_>], report: FileReport, gate: &Gate) -> io::Result<bool> {
    let mut passed = true;
    if let Some((last, rest)) = writers.split_last_mut() {
        for w in rest {
            passed &= w.file_gated(report.clone(), gate)?;
        }
        passed &= last.file_gated(report, gate)?;
    }
    Ok(passed)
}

/// A report file that could not be written, named.
fn write_error(o: &Output, e: io::Error) -> AppError {
    match &o.path {
        Some(p) if e.kind() != io::ErrorKind::BrokenPipe => AppError::File {
            context: format!("{}: cannot write the report", p.display()),
            error: e.to_string(),
        },
        _ => AppError::Write(e),
    }
}

/// Notes about a checked file on standard error: the encoding it was read in, and
/// `mtcheck-ignore` comments naming unknown rules.
fn notes(report: &FileReport, stderr: &mut dyn Write) -> io::Result<()> {
    if let Some(t) = &report.transcoded {
        writeln!(
            stderr,
            "{}: note: not UTF-8, read as {}",
            report.path, t.encoding
        )?;
    }
    for (line, message) in &report.warnings {
        writeln!(stderr, "{}:{line}: warning: {message}", report.path)?;
    }
    Ok(())
}

/// The one line that reaches a CI log when the reports go to files.
fn summary_line(
    files: &[FileSummary],
    settings: &CheckSettings,
    status: Status,
    stderr: &mut dyn Write,
) -> io::Result<()> {
    let written: Vec<String> = settings
        .outputs
        .iter()
        .filter_map(|o| o.path.as_deref().map(Path::display))
        .map(|p| p.to_string())
        .collect();
    let verdict = match status {
        Status::Pass => "pass",
        Status::Fail => "FAIL",
        Status::Error => "ERROR",
    };
    let report = if written.is_empty() {
        String::new()
    } else {
        format!("; report: {}", written.join(", "))
    };
    writeln!(
        stderr,
        "mtcheck: {} — {verdict}{report}",
        crate::report::totals(files)
    )
}

/// Files may carry an English source: `--source`, or a bilingual input format.
fn is_bilingual(settings: &CheckSettings, inputs: &[(String, Input)]) -> bool {
    settings.source.is_some()
        || settings.format_in.map_or_else(
            || {
                inputs
                    .iter()
                    .any(|(_, i)| matches!(i, Input::File(_, Some(f)) if f.is_bilingual()))
            },
            Format::is_bilingual,
        )
}

/// Reads, decodes and checks one input with its configuration's checker; returns the report
/// and the gate that judges it. A bug in a rule costs this file, not the batch.
fn check_one(
    settings: &CheckSettings,
    path: &str,
    input: &Input,
    stdin: Option<&[u8]>,
) -> Result<(FileReport, Gate), FileError> {
    let fail = |message: String| FileError {
        path: path.to_string(),
        message,
    };
    let specific = settings
        .per_file
        .for_file(path)
        .map_err(|e| fail(e.to_string()))?;
    let (checker, gate) = match &specific {
        Some((c, g)) => (c.as_ref(), *g),
        None => (&settings.checker, settings.gate),
    };
    let (bytes, fmt) = inputs::read(input, stdin).map_err(fail)?;
    let fmt = match (input, &settings.stdin_name) {
        (Input::Stdin, Some(name)) => Format::from_path(Path::new(name)).unwrap_or(fmt),
        _ => fmt,
    };
    let decoded = reader::encoding::decode_as(bytes, settings.encoding).map_err(|e| match e {
        InputError::NotUtf8 { .. } if settings.encoding == Encoding::Utf8 => fail(format!(
            "{e}; name its encoding with --encoding (e.g. auto)"
        )),
        e => fail(e.to_string()),
    })?;
    let text = decoded.text;
    let opts = ReadOptions {
        separator: settings.separator.as_ref(),
        format: settings.format_in.unwrap_or(fmt),
        mode: settings.mode,
        source: settings.source.as_ref().map(|s| SourceFile {
            target_name: path,
            name: &s.name,
            text: &s.text,
        }),
        columns: settings
            .columns
            .as_ref()
            .map(|(s, t)| (s.as_str(), t.as_str())),
    };
    let mut report = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        checker.check_input(path, text, &opts)
    }))
    .map_err(|_| fail("internal error while checking (please report it)".into()))?
    .map_err(|e| fail(e.to_string()))?;
    if let Some((name, map)) = decoded.transcoded {
        report.transcode(name, Arc::new(map));
    }
    Ok((report, gate))
}

/// A progress bar on standard error for batches of several files, only on a terminal.
fn progress_bar(files: usize) -> ProgressBar {
    if files < 2 || !io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::new(files as u64);
    let template = "{spinner} [{bar:32}] {pos}/{len} files, {msg} · {elapsed}, about {eta} left";
    if let Ok(style) = ProgressStyle::with_template(template) {
        bar.set_style(style.progress_chars("=> "));
    }
    bar.set_message("0 findings");
    bar.enable_steady_tick(Duration::from_millis(200));
    bar
}

/// Advances the progress bar when a file is done, whether it was checked or not.
struct Tick<'a> {
    bar: &'a ProgressBar,
}

impl Drop for Tick<'_> {
    fn drop(&mut self) {
        self.bar.inc(1);
    }
}
