//! A terminology glossary (`--glossary FILE`): for an English term, the German term a newsroom
//! requires and the German terms it forbids.
//!
//! CSV with the header `english,german,forbidden`; `german` and `forbidden` may list several
//! terms separated by `;`. Matching is case-insensitive and accepts inflected forms (a German
//! word matches a term that is its beginning: `Rechenzentrum` matches `Rechenzentren` only if
//! listed, `Vergütung` matches `Vergütungen`).

use std::path::Path;

use serde::Deserialize;

use crate::error::DictError;
use crate::text::token::normalise;

/// One glossary row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GlossaryEntry {
    /// The English term, lower case.
    pub english: String,
    /// Required German terms (any of them), NFC lower case.
    pub german: Vec<String>,
    /// German terms as written in the file, for suggestions.
    pub german_display: Vec<String>,
    /// Forbidden German terms, NFC lower case.
    pub forbidden: Vec<String>,
}

/// The glossary.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Glossary {
    /// Its rows.
    pub entries: Vec<GlossaryEntry>,
}

#[derive(Deserialize)]
struct Row {
    english: String,
    german: String,
    #[serde(default)]
    forbidden: String,
}

fn list(s: &str) -> Vec<String> {
    s.split(';')
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .map(String::from)
        .collect()
}

impl Glossary {
    /// Reads a glossary file.
    pub fn load(path: &Path) -> Result<Glossary, DictError> {
        let shown = path.display().to_string();
        let err = |line: usize, message: String| DictError {
            path: shown.clone(),
            line,
            message,
        };
        let text = crate::bounded::read_text(path).map_err(|e| err(0, e.to_string()))?;
        let mut rdr = csv::Reader::from_reader(text.as_bytes());
        let headers = rdr.headers().map_err(|e| err(1, e.to_string()))?.clone();
        for need in ["english", "german"] {
            if !headers.iter().any(|h| h == need) {
                return Err(err(
                    1,
                    format!("missing column `{need}` (expected english,german,forbidden)"),
                ));
            }
        }
        let mut entries = Vec::new();
        for rec in rdr.records() {
            let rec =
                rec.map_err(|e| err(e.position().map_or(0, |p| p.line() as usize), e.to_string()))?;
            let line = rec.position().map_or(0, |p| p.line() as usize);
            let row: Row = rec
                .deserialize(Some(&headers))
                .map_err(|e| err(line, e.to_string()))?;
            let english = row.english.trim().to_lowercase();
            let german_display = list(&row.german);
            if english.is_empty() || german_display.is_empty() {
                return Err(err(
                    line,
                    "every row needs an English and a German term".into(),
                ));
            }
            entries.push(GlossaryEntry {
                english,
                german: german_display.iter().map(|g| normalise(g)).collect(),
                german_display,
                forbidden: list(&row.forbidden).iter().map(|f| normalise(f)).collect(),
            });
        }
        Ok(Glossary { entries })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn loads_and_reports_bad_rows() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("glossary.csv");
        std::fs::write(
            &p,
            "english,german,forbidden\nstock compensation,Aktienvergütung,Aktienentschädigung\n",
        )
        .unwrap();
        let g = Glossary::load(&p).unwrap();
        assert_eq!(g.entries[0].german, ["aktienvergütung"]);
        assert_eq!(g.entries[0].forbidden, ["aktienentschädigung"]);
        std::fs::write(&p, "english,german\n,x\n").unwrap();
        assert!(Glossary::load(&p).unwrap_err().to_string().contains(":2:"));
    }
}
