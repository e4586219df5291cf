//! SARIF 2.1.0 for code-scanning dashboards: every rule with its help text, every finding
//! as a result with its region (lines, columns and bytes) and its suggestion as a fix. A
//! finding in a translation unit with an id (XLIFF, TMX, JSON Lines, TSV/CSV) names it as a
//! logical location and as the property `segmentId`.
//!
//! Paths are URIs relative to a base directory (`--base`, by default the current one) so
//! code scanning maps them to the repository; a file outside the base keeps an absolute
//! `file://` URI. When the package names a repository, every rule links to the README's
//! rules table (`helpUri`) and the tool to the repository (`informationUri`); without one
//! (as now) neither is written rather than a made-up address.

use std::io::{self, Write};
use std::path::{Component, Path, PathBuf};

use serde_json::{json, Map, Value};

use super::{Batch, End, Report};
use crate::finding::Severity;
use crate::located::{FileReport, LocatedFinding};
use crate::rules::{RuleMeta, REGISTRY};

/// The SARIF level of a severity: critical and major are errors, minor a warning.
pub fn level(s: Severity) -> &'static str {
    match s {
        Severity::Critical | Severity::Major => "error",
        Severity::Minor => "warning",
    }
}

/// A relative URI reference for a path as the user gave it: `/` separators, and bytes other
/// than unreserved characters and `/` percent-encoded; absolute paths become `file://` URIs.
pub fn uri(path: &str) -> String {
    let p = path.replace('\\', "/");
    let mut out = String::with_capacity(p.len());
    let (prefix, rest) = match p.strip_prefix('/') {
        Some(rest) => ("file:///", rest),
        None => ("", p.as_str()),
    };
    out.push_str(prefix);
    for b in rest.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~' | b'/') {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// The project's repository from `Cargo.toml` (`None` when it names none).
const REPOSITORY: Option<&str> = option_env!("CARGO_PKG_REPOSITORY");

fn repository() -> Option<&'static str> {
    REPOSITORY
        .map(|r| r.trim_end_matches('/'))
        .filter(|r| !r.is_empty())
}

/// Where the rules are documented on the repository: the README's rules table (`#rules`, the
/// one anchor the README has for rules; `mtcheck explain ID` prints a rule's whole text),
/// `None` when `Cargo.toml` names no repository.
pub fn help_uri() -> Option<String> {
    repository().map(|r| format!("{r}#rules"))
}

/// `path` as the user gave it, seen from `base`: relative when it lies inside `base` (or is
/// relative and `base` is the current directory), else absolute. `cwd` resolves relative
/// paths.
pub fn relative_to(path: &str, base: &Path, cwd: &Path) -> String {
    let p = Path::new(path);
    if path == "-" {
        return path.to_string();
    }
    let absolute = normalize(&cwd.join(p));
    let base = normalize(&cwd.join(base));
    match absolute.strip_prefix(&base) {
        Ok(rel) if !rel.as_os_str().is_empty() => rel.to_string_lossy().into_owned(),
        _ => absolute.to_string_lossy().into_owned(),
    }
}

/// `p` with `.` and `..` components resolved lexically (symbolic links are not followed).
fn normalize(p: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for c in p.components() {
        match c {
            Component::CurDir => {}
            Component::ParentDir => {
                out.pop();
            }
            other => out.push(other),
        }
    }
    out
}

fn rule(m: &RuleMeta) -> Value {
    let help = format!(
        "{}\n\nWhy it matters: {}\n\nExample: {}\n\nInstead: {}",
        m.flags, m.why, m.example, m.instead
    );
    let markdown = format!(
        "{}\n\n**Why it matters.** {}\n\n**Example:** {}\n\n**Instead:** {}",
        m.flags, m.why, m.example, m.instead
    );
    let mut v = json!({
        "id": m.id,
        "name": m.id,
        "shortDescription": { "text": m.summary },
        "fullDescription": { "text": m.flags },
        "help": { "text": help, "markdown": markdown },
        "defaultConfiguration": { "level": level(m.severity) },
        "properties": {
            "category": m.category,
            "severity": m.severity.as_str(),
            "tags": [m.category],
        },
    });
    if let (Some(uri), Value::Object(o)) = (help_uri(), &mut v) {
        o.insert("helpUri".into(), json!(uri));
    }
    v
}

fn region(f: &LocatedFinding) -> Value {
    json!({
        "startLine": f.line,
        "startColumn": f.column,
        "endLine": f.end_line,
        "endColumn": f.end_column,
        "byteOffset": f.start,
        "byteLength": f.end - f.start,
        "snippet": { "text": f.text },
    })
}

fn result(f: &LocatedFinding, rule_index: Option<usize>, paths: &Paths) -> Value {
    let mut location = json!({
        "physicalLocation": {
            "artifactLocation": { "uri": paths.uri(&f.path) },
            "region": region(f),
        }
    });
    // the translation unit, as a logical location (SARIF §3.33) a CAT tool can find
    if let (Some(id), Value::Object(o)) = (&f.segment_id, &mut location) {
        o.insert("logicalLocations".into(), json!([{ "name": id }]));
    }
    let mut r = Map::new();
    r.insert("ruleId".into(), json!(f.rule));
    if let Some(i) = rule_index {
        r.insert("ruleIndex".into(), json!(i));
    }
    r.insert("level".into(), json!(level(f.severity)));
    r.insert("message".into(), json!({ "text": f.message }));
    r.insert("locations".into(), json!([location]));
    if let Some(s) = &f.suggestion {
        let mut replacement = Map::new();
        replacement.insert(
            "deletedRegion".into(),
            json!({ "byteOffset": f.start, "byteLength": f.end - f.start }),
        );
        let description = if s.is_empty() {
            format!("Delete „{}“", f.text)
        } else {
            replacement.insert("insertedContent".into(), json!({ "text": s }));
            format!("Replace „{}“ with „{s}“", f.text)
        };
        r.insert(
            "fixes".into(),
            json!([{
                "description": { "text": description },
                "artifactChanges": [{
                    "artifactLocation": { "uri": paths.uri(&f.path) },
                    "replacements": [Value::Object(replacement)],
                }],
            }]),
        );
    }
    let mut properties = json!({ "severity": f.severity.as_str(), "category": f.category });
    if let (Some(id), Value::Object(o)) = (&f.segment_id, &mut properties) {
        o.insert("segmentId".into(), json!(id));
    }
    r.insert("properties".into(), properties);
    Value::Object(r)
}

/// How paths become URIs: relative to a base directory, or as given.
#[derive(Debug, Clone, Default)]
struct Paths {
    /// (base, current directory); `None`: paths as given.
    base: Option<(PathBuf, PathBuf)>,
}

impl Paths {
    fn uri(&self, path: &str) -> String {
        match &self.base {
            Some((base, cwd)) => uri(&relative_to(path, base, cwd)),
            None => uri(path),
        }
    }
}

/// The SARIF log. Results are written as files come, to a spool (in memory up to
/// [`super::SPOOL_IN_MEMORY`], then a temporary file), because the log names the unreadable
/// files before the results; at the end the head is written and the spool copied after it.
/// Memory stays flat for any number of files and findings.
#[derive(Debug, Default)]
pub struct SarifReport {
    paths: Paths,
    spool: super::Spool,
    /// Files with findings past the limit per file, and how many.
    capped: Vec<(String, usize)>,
}

impl SarifReport {
    /// A log whose URIs are relative to `base` (itself relative to `cwd`); files outside it
    /// get absolute `file://` URIs.
    pub fn with_base(base: PathBuf, cwd: PathBuf) -> Self {
        SarifReport {
            paths: Paths {
                base: Some((base, cwd)),
            },
            ..SarifReport::default()
        }
    }
}

impl Report for SarifReport {
    fn file(&mut self, file: &FileReport, _passed: bool, _out: &mut dyn Write) -> io::Result<()> {
        let index = |id: &str| REGISTRY.iter().position(|r| r.meta().id == id);
        for f in &file.findings {
            let sep: &[u8] = if self.spool.is_empty() {
                b"\n        "
            } else {
                b",\n        "
            };
            self.spool.write_all(sep)?;
            super::json::nested(&result(f, index(f.rule), &self.paths), 8, &mut self.spool)?;
        }
        if file.omitted.total() > 0 {
            self.capped.push((file.path.clone(), file.omitted.total()));
        }
        Ok(())
    }

    fn finish(&mut self, end: End<'_>, out: &mut dyn Write) -> io::Result<()> {
        write_log(end.batch, &self.paths, &self.capped, &mut self.spool, out)
    }
}

/// Writes the batch as one SARIF 2.1.0 log with one run, paths as given.
pub fn write(batch: &Batch, out: &mut dyn Write) -> io::Result<()> {
    super::write(
        batch,
        super::OutputFormat::Sarif,
        &super::ReportOptions::default(),
        out,
    )
}

/// Writes the log around the spooled results.
fn write_log(
    batch: &Batch,
    paths: &Paths,
    capped: &[(String, usize)],
    spooled: &mut super::Spool,
    out: &mut dyn Write,
) -> io::Result<()> {
    let rules: Vec<Value> = REGISTRY.iter().map(|r| rule(r.meta())).collect();
    let mut notifications: Vec<Value> = batch
        .errors
        .iter()
        .map(|e| {
            json!({
                "level": "error",
                "message": { "text": format!("{}: {}", e.path, e.message) },
                "locations": [{ "physicalLocation": { "artifactLocation": { "uri": paths.uri(&e.path) } } }],
            })
        })
        .collect();
    notifications.extend(capped.iter().map(|(path, n)| {
        json!({
            "level": "warning",
            "message": { "text": format!("{path}: {}", super::omitted_note(*n)) },
            "locations": [{ "physicalLocation": { "artifactLocation": { "uri": paths.uri(path) } } }],
        })
    }));
    let results: Vec<Value> = Vec::new();
    let mut driver = json!({
        "name": "mtcheck",
        "version": env!("CARGO_PKG_VERSION"),
        "semanticVersion": env!("CARGO_PKG_VERSION"),
        "rules": rules,
    });
    if let (Some(r), Value::Object(o)) = (repository(), &mut driver) {
        o.insert("informationUri".into(), json!(r));
    }
    let log = json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": { "driver": driver },
            "invocations": [{
                "executionSuccessful": batch.errors.is_empty(),
                "toolExecutionNotifications": notifications,
            }],
            "columnKind": "unicodeCodePoints",
            "results": results,
        }],
    });
    // the results go where the empty list stands: the last `"results": []` (a key; inside
    // a JSON string the quotes would be escaped)
    let text = serde_json::to_string_pretty(&log)?;
    let at = text
        .rfind("\"results\": []")
        .map_or(text.len(), |i| i + "\"results\": ".len());
    out.write_all(&text.as_bytes()[..at])?;
    if spooled.is_empty() {
        out.write_all(b"[]")?;
    } else {
        out.write_all(b"[")?;
        spooled.copy_to(out)?;
        out.write_all(b"\n      ]")?;
    }
    out.write_all(text[at..].strip_prefix("[]").unwrap_or_default().as_bytes())?;
    out.write_all(b"\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uris_are_encoded() {
        assert_eq!(uri("articles/a b.txt"), "articles/a%20b.txt");
        assert_eq!(uri("/tmp/ä.md"), "file:///tmp/%C3%A4.md");
        assert_eq!(uri("dir\\x.txt"), "dir/x.txt");
    }

    #[test]
    fn paths_are_relative_to_the_base() {
        let cwd = Path::new("/repo/sub");
        let base = Path::new("..");
        assert_eq!(relative_to("a.txt", base, cwd), "sub/a.txt");
        assert_eq!(relative_to("/repo/x/b.md", base, cwd), "x/b.md");
        assert_eq!(relative_to("/elsewhere/c.md", base, cwd), "/elsewhere/c.md");
        assert_eq!(relative_to("./d.txt", Path::new(""), cwd), "d.txt");
        assert_eq!(relative_to("-", base, cwd), "-");
    }
}
