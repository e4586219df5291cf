//! The small subcommands: `rules`, `explain`, `init`, `dict check`, `dict stats`. Each writes
//! to the given output and returns what the binary turns into an exit code.

use std::fs::OpenOptions;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::{AppError, Status};
use crate::config;
use crate::lexicon::{stats, Lexicons};
use crate::rules::{by_id, REGISTRY};
use crate::terminal::escape;

/// `mtcheck rules`: one line per rule (id, MQM category, default severity, summary).
pub fn list_rules(out: &mut dyn Write) -> io::Result<()> {
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

/// `mtcheck explain RULE`: the rule's documentation and its tested examples.
pub fn explain(id: &str, out: &mut dyn Write) -> Result<(), AppError> {
    let Some(rule) = by_id(id) else {
        let ids: Vec<_> = REGISTRY.iter().map(|r| r.meta().id).collect();
        return Err(AppError::Usage(format!(
            "unknown rule `{id}` (known rules: {})",
            ids.join(", ")
        )));
    };
    let m = rule.meta();
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
    Ok(())
}

/// `mtcheck init`: writes the commented default `mtcheck.toml` into `dir`, never over an
/// existing one.
pub fn init(dir: &Path, out: &mut dyn Write) -> Result<(), AppError> {
    let path = dir.join(config::FILE_NAME);
    let cannot_write = |e: io::Error| AppError::File {
        context: format!("cannot write {}", config::FILE_NAME),
        error: e.to_string(),
    };
    let mut file = match OpenOptions::new().write(true).create_new(true).open(&path) {
        Ok(f) => f,
        Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {
            return Err(AppError::Usage(format!(
                "{} already exists; edit it, or remove it to start again",
                config::FILE_NAME
            )))
        }
        Err(e) => return Err(cannot_write(e)),
    };
    file.write_all(config::TEMPLATE.as_bytes())
        .map_err(cannot_write)?;
    writeln!(out, "wrote {}", config::FILE_NAME)?;
    Ok(())
}

/// `mtcheck dict check FILE…`: every problem of the dictionaries as `path:line: what is
/// wrong`, or `path: ok`; [`Status::Error`] when there is a problem.
pub fn dict_check(files: &[PathBuf], out: &mut dyn Write) -> Result<Status, AppError> {
    let mut bad = 0;
    for f in files {
        let errors = stats::validate_dictionary(f);
        if errors.is_empty() {
            writeln!(out, "{}: ok", escape(&f.display().to_string()))?;
        }
        for e in &errors {
            writeln!(out, "{}", escape(&e.to_string()))?;
        }
        bad += errors.len();
    }
    Ok(if bad == 0 {
        Status::Pass
    } else {
        Status::Error
    })
}

/// `mtcheck dict stats`: one line per table, `NAME COUNT`, of the built-in tables and
/// `dicts`.
pub fn dict_stats(dicts: &[PathBuf], out: &mut dyn Write) -> Result<(), AppError> {
    let lex = if dicts.is_empty() {
        Lexicons::builtin()?
    } else {
        Arc::new(Lexicons::load(dicts)?)
    };
    write!(out, "{}", stats::format_counts(&stats::table_counts(&lex)))?;
    Ok(())
}

/// `mtcheck analyze`: what the morphology layer knows about each word of `text` (`None` or
/// `-`: all of `stdin`), one line per word.
pub fn analyze(
    text: Option<&str>,
    stdin: &mut dyn io::Read,
    out: &mut dyn Write,
) -> Result<(), AppError> {
    let text = match text.filter(|t| *t != "-") {
        Some(t) => t.to_string(),
        None => {
            let unreadable = |error: String| AppError::File {
                context: "standard input could not be read".into(),
                error,
            };
            let bytes =
                crate::input::read_limited(stdin, 0).map_err(|e| unreadable(e.to_string()))?;
            if bytes.len() as u64 > crate::input::MAX_FILE_BYTES {
                return Err(unreadable("larger than 16 MiB".into()));
            }
            String::from_utf8(bytes).map_err(|_| unreadable("not UTF-8".into()))?
        }
    };
    out.write_all(crate::morph::analyze_text(&text).as_bytes())?;
    Ok(())
}
