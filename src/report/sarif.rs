//! SARIF 2.1.0 for code-scanning dashboards: every rule with its help text, every finding
//! as a result with its region (lines, columns and bytes) and its suggestion as a fix.

use std::io::{self, Write};

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

fn rule(m: &RuleMeta) -> Value {
    let help = format!(
        "{}\n\nWhy it matters: {}\n\nExample: {}\n\nInstead: {}",
        m.flags, m.why, m.example, m.instead
    );
    let markdown = format!(
        "{}\n\n**Why it matters.** {}\n\n**Example:** {}\n\n**Instead:** {}",
        m.flags, m.why, m.example, m.instead
    );
    json!({
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
    })
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

fn result(f: &LocatedFinding, rule_index: Option<usize>) -> Value {
    let location = json!({
        "physicalLocation": {
            "artifactLocation": { "uri": uri(&f.path) },
            "region": region(f),
        }
    });
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
                    "artifactLocation": { "uri": uri(&f.path) },
                    "replacements": [Value::Object(replacement)],
                }],
            }]),
        );
    }
    r.insert(
        "properties".into(),
        json!({ "severity": f.severity.as_str(), "category": f.category }),
    );
    Value::Object(r)
}

/// The SARIF log. Results are written as files come, to a spool (in memory up to
/// [`super::SPOOL_IN_MEMORY`], then a temporary file), because the log names the unreadable
/// files before the results; at the end the head is written and the spool copied after it.
/// Memory stays flat for any number of files and findings.
#[derive(Debug, Default)]
pub struct SarifReport {
    spool: super::Spool,
    /// Files with findings past the limit per file, and how many.
    capped: Vec<(String, usize)>,
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
            super::json::nested(&result(f, index(f.rule)), 8, &mut self.spool)?;
        }
        if file.omitted.total() > 0 {
            self.capped.push((file.path.clone(), file.omitted.total()));
        }
        Ok(())
    }

    fn finish(&mut self, end: End<'_>, out: &mut dyn Write) -> io::Result<()> {
        write_log(end.batch, &self.capped, &mut self.spool, out)
    }
}

/// Writes the batch as one SARIF 2.1.0 log with one run.
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
                "locations": [{ "physicalLocation": { "artifactLocation": { "uri": uri(&e.path) } } }],
            })
        })
        .collect();
    notifications.extend(capped.iter().map(|(path, n)| {
        json!({
            "level": "warning",
            "message": { "text": format!("{path}: {}", super::omitted_note(*n)) },
            "locations": [{ "physicalLocation": { "artifactLocation": { "uri": uri(path) } } }],
        })
    }));
    let results: Vec<Value> = Vec::new();
    let log = json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": {
                "driver": {
                    "name": "mtcheck",
                    "version": env!("CARGO_PKG_VERSION"),
                    "semanticVersion": env!("CARGO_PKG_VERSION"),
                    "rules": rules,
                }
            },
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
}
