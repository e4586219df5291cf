//! SARIF 2.1.0 for code-scanning dashboards: every rule with its help text, every finding
//! as a result with its region (lines, columns and bytes) and its suggestion as a fix. A
//! finding in a translation unit with an id (XLIFF, TMX, JSON Lines, TSV/CSV) names it as a
//! logical location and as the property `segmentId`.
//!
//! Paths are URIs relative to a base directory (`--base`, by default the current one) so
//! code scanning maps them to the repository; a file outside the base keeps an absolute
//! `file://` URI.
//!
//! Every rule carries its whole documentation as `help` (text and Markdown), so code
//! scanning shows it without any address. Links are written only where they lead somewhere:
//! with `--docs-url` (or `docs-url` in `mtcheck.toml`, see [`DocsUrl`]) every rule links to
//! the newsroom's own page (`helpUri`) and the tool to that page (`informationUri`); else,
//! when the package names a repository, to the README's rules table there; without either
//! (as now) neither is written rather than a made-up address.
//!
//! Findings the baseline holds (`--baseline`) are not results: code scanning would open an
//! alert for each (it does not read SARIF `suppressions`). The log counts them instead: the
//! run's `properties.baselined` and a tool execution notification (level `note`), both only
//! when there are any.

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

/// Where a newsroom documents the rules (`--docs-url URL`, `docs-url` in `mtcheck.toml`):
/// each rule's `helpUri` is the URL with `{rule}` replaced by the rule id
/// (`https://wiki.example.org/mtcheck/{rule}`), or, without the placeholder, the URL with
/// `#<rule-id>` appended (`https://wiki.example.org/mtcheck` gives
/// `https://wiki.example.org/mtcheck#literal-idiom`). The tool's `informationUri` is
/// [`DocsUrl::page`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocsUrl(String);

impl DocsUrl {
    /// Where the rule id goes.
    pub const PLACEHOLDER: &'static str = "{rule}";

    /// Checks `url`: an absolute URL (a scheme such as `https:` and more), without white
    /// space, and with a `#` only where the placeholder says where the rule id goes.
    pub fn parse(url: &str) -> Result<Self, String> {
        let scheme = url.split_once(':').filter(|(scheme, rest)| {
            scheme.len() > 1
                && scheme.starts_with(|c: char| c.is_ascii_alphabetic())
                && scheme
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
                && !rest.is_empty()
        });
        if scheme.is_none() {
            return Err(format!(
                "`{url}` is not an absolute URL (such as https://wiki.example.org/mtcheck#{{rule}})"
            ));
        }
        if url.chars().any(|c| c.is_whitespace() || c.is_control()) {
            return Err(format!("`{url}` contains white space; encode it as %20"));
        }
        if url.contains('#') && !url.contains(Self::PLACEHOLDER) {
            return Err(format!(
                "`{url}` has a fragment (#) but no {{rule}}: write where the rule id goes, e.g. …#{{rule}}"
            ));
        }
        Ok(DocsUrl(url.to_string()))
    }

    /// The address of the documentation of rule `id`.
    pub fn rule(&self, id: &str) -> String {
        if self.0.contains(Self::PLACEHOLDER) {
            self.0.replace(Self::PLACEHOLDER, id)
        } else {
            format!("{}#{id}", self.0)
        }
    }

    /// The address of the documentation as a whole: the URL, or with the placeholder the
    /// part before it without a query or fragment (`https://wiki.example.org/rules/{rule}`
    /// gives `https://wiki.example.org/rules/`, `…/mtcheck#{rule}` gives `…/mtcheck`).
    pub fn page(&self) -> String {
        match self.0.split_once(Self::PLACEHOLDER) {
            Some((before, _)) => before
                .split(['#', '?'])
                .next()
                .unwrap_or(before)
                .to_string(),
            None => self.0.clone(),
        }
    }
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

fn rule(m: &RuleMeta, docs: Option<&DocsUrl>) -> Value {
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
    let uri = docs.map(|d| d.rule(m.id)).or_else(help_uri);
    if let (Some(uri), Value::Object(o)) = (uri, &mut v) {
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

/// How paths become URIs (relative to a base directory, or as given), and where the rules
/// are documented.
#[derive(Debug, Clone, Default)]
struct Paths {
    /// (base, current directory); `None`: paths as given.
    base: Option<(PathBuf, PathBuf)>,
    /// The newsroom's documentation of the rules.
    docs: Option<DocsUrl>,
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
    /// Findings the baseline holds, in all files.
    baselined: usize,
}

impl SarifReport {
    /// A log whose URIs are relative to `base` (itself relative to `cwd`); files outside it
    /// get absolute `file://` URIs.
    pub fn with_base(base: PathBuf, cwd: PathBuf) -> Self {
        SarifReport {
            paths: Paths {
                base: Some((base, cwd)),
                docs: None,
            },
            ..SarifReport::default()
        }
    }

    /// The log with every rule linked to the newsroom's documentation.
    pub fn with_docs(mut self, docs: Option<DocsUrl>) -> Self {
        self.paths.docs = docs;
        self
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
        self.baselined += file.baselined;
        Ok(())
    }

    fn finish(&mut self, end: End<'_>, out: &mut dyn Write) -> io::Result<()> {
        let notes = Notes {
            capped: &self.capped,
            baselined: self.baselined,
        };
        write_log(end.batch, &self.paths, &notes, &mut self.spool, out)
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

/// What the log notes besides unreadable files.
struct Notes<'a> {
    /// Files with findings past the limit per file, and how many.
    capped: &'a [(String, usize)],
    /// Findings the baseline holds.
    baselined: usize,
}

/// Writes the log around the spooled results.
fn write_log(
    batch: &Batch,
    paths: &Paths,
    notes: &Notes<'_>,
    spooled: &mut super::Spool,
    out: &mut dyn Write,
) -> io::Result<()> {
    let docs = paths.docs.as_ref();
    let rules: Vec<Value> = REGISTRY.iter().map(|r| rule(r.meta(), docs)).collect();
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
    notifications.extend(notes.capped.iter().map(|(path, n)| {
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
    let information = docs.map(DocsUrl::page).or(repository().map(str::to_string));
    if let (Some(r), Value::Object(o)) = (information, &mut driver) {
        o.insert("informationUri".into(), json!(r));
    }
    if notes.baselined > 0 {
        notifications.push(json!({
            "level": "note",
            "message": { "text": format!(
                "{} findings are in the baseline (--baseline) and not reported as results",
                notes.baselined
            ) },
        }));
    }
    let mut log = json!({
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
    if let (true, Some(Value::Object(run))) = (notes.baselined > 0, log.pointer_mut("/runs/0")) {
        run.insert("properties".into(), json!({ "baselined": notes.baselined }));
    }
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
    fn docs_urls_name_each_rule() {
        let plain = DocsUrl::parse("https://wiki.example.org/mtcheck").unwrap();
        assert_eq!(
            plain.rule("us-date"),
            "https://wiki.example.org/mtcheck#us-date"
        );
        assert_eq!(plain.page(), "https://wiki.example.org/mtcheck");
        let fragment = DocsUrl::parse("https://wiki.example.org/mtcheck#{rule}").unwrap();
        assert_eq!(
            fragment.rule("us-date"),
            "https://wiki.example.org/mtcheck#us-date"
        );
        assert_eq!(fragment.page(), "https://wiki.example.org/mtcheck");
        let query = DocsUrl::parse("https://w.example/doc?r={rule}&l=de").unwrap();
        assert_eq!(query.rule("a-b"), "https://w.example/doc?r=a-b&l=de");
        assert_eq!(query.page(), "https://w.example/doc");
        assert!(DocsUrl::parse("file:///srv/docs/{rule}.html").is_ok());
        for bad in [
            "wiki/mtcheck",
            "https:",
            "c:\\docs",
            "https://a b",
            "https://w/p#x",
            "",
        ] {
            assert!(DocsUrl::parse(bad).is_err(), "{bad}");
        }
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
