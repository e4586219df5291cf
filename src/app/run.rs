//! Running a check: inputs read and checked on the thread pool, the report written in input
//! order as files finish, the exit status computed.

use std::io::{self, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use indicatif::{ProgressBar, ProgressStyle};

use super::inputs::{self, Input};
use super::output::{self, OutputFile, PipeOutput};
use super::{AppError, CheckSettings, Status, Streams};
use crate::input::bilingual::SourceFile;
use crate::input::{self as reader, Format, ReadOptions};
use crate::located::FileReport;
use crate::report::{FileError, ReportWriter};
use crate::terminal::escape;
use crate::{pipeline, timing};

/// Checks every input of `settings` and writes the report to its output file or
/// `streams.stdout`; files that cannot be read or checked are reported, named on
/// `streams.stderr`, and make the status [`Status::Error`].
pub fn run(settings: &CheckSettings, streams: Streams<'_>) -> Result<Status, AppError> {
    let Streams {
        stdin,
        stdout,
        stderr,
        progress,
    } = streams;
    // an output that is also read is refused before anything is opened
    let outputs: Vec<&Path> = settings.output.iter().map(PathBuf::as_path).collect();
    output::check_outputs(&outputs, &settings.paths, &settings.reads)?;
    let mut errors = Vec::new();
    let inputs = inputs::collect(&settings.paths, &mut errors);
    let stdin_bytes = if inputs.iter().any(|i| matches!(i, Input::Stdin)) {
        reader::read_limited(stdin, 0).ok()
    } else {
        None
    };
    // reports list files in the order of their names, whatever finishes first
    let mut inputs: Vec<(String, Input)> = inputs.into_iter().map(|i| (i.name(), i)).collect();
    inputs.sort_by(|a, b| a.0.cmp(&b.0));
    for e in &errors {
        writeln!(stderr, "{}: {}", escape(&e.path), escape(&e.message))?;
    }
    let bilingual = is_bilingual(settings, &inputs);
    let mut file_out = match &settings.output {
        Some(p) => Some(OutputFile::create(p)?),
        None => None,
    };
    let mut pipe = PipeOutput::new(stdout);
    let out: &mut dyn Write = match &mut file_out {
        Some(f) => f,
        None => &mut pipe,
    };
    let mut unreadable = !errors.is_empty();
    let mut writer = ReportWriter::new(
        settings.format,
        settings.report,
        settings.gate,
        bilingual,
        out,
    );
    for e in errors {
        writer.error(e);
    }
    let bar = if progress {
        progress_bar(inputs.len())
    } else {
        ProgressBar::hidden()
    };
    let found = AtomicUsize::new(0);
    let work = |(path, inp): &(String, Input)| -> Result<FileReport, FileError> {
        let done = Tick { bar: &bar };
        let report = check_one(settings, path, inp, stdin_bytes.as_deref())?;
        let n = found.fetch_add(report.findings.len(), Ordering::Relaxed) + report.findings.len();
        done.bar.set_message(format!("{n} findings"));
        Ok(report)
    };
    let pool = match settings.threads {
        Some(n) => Some(
            rayon::ThreadPoolBuilder::new()
                .num_threads(n.max(1))
                .build()
                .map_err(|e| AppError::File {
                    context: "cannot start worker threads".to_string(),
                    error: e.to_string(),
                })?,
        ),
        None => None,
    };
    let mut all_pass = true;
    pipeline::ordered(&inputs, pool.as_ref(), work, |result| {
        match result {
            Ok(report) => {
                let omitted = report.omitted.total();
                if omitted > 0 {
                    let note = crate::report::omitted_note(omitted);
                    bar.suspend(|| writeln!(stderr, "{}: {note}", escape(&report.path)))?;
                }
                all_pass &= writer.file(report)?;
            }
            Err(e) => {
                bar.suspend(|| writeln!(stderr, "{}: {}", escape(&e.path), escape(&e.message)))?;
                unreadable = true;
                writer.error(e);
            }
        }
        Ok(())
    })?;
    bar.finish_and_clear();
    if timing::enabled() {
        timing::print();
    }
    writer.finish()?;
    out.flush()?;
    if let Some(f) = file_out {
        f.commit()?;
    }
    Ok(if unreadable {
        Status::Error
    } else if all_pass {
        Status::Pass
    } else {
        Status::Fail
    })
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

/// Reads, decodes and checks one input; a bug in a rule costs this file, not the batch.
fn check_one(
    settings: &CheckSettings,
    path: &str,
    input: &Input,
    stdin: Option<&[u8]>,
) -> Result<FileReport, FileError> {
    let fail = |message: String| FileError {
        path: path.to_string(),
        message,
    };
    let (bytes, fmt) = inputs::read(input, stdin).map_err(fail)?;
    let text = reader::decode(bytes).map_err(|e| fail(e.to_string()))?;
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
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        settings.checker.check_input(path, text, &opts)
    }))
    .map_err(|_| fail("internal error while checking (please report it)".into()))?
    .map_err(|e| fail(e.to_string()))
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
