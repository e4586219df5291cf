//! What the dictionaries hold and what is wrong with a user's dictionary file: the data behind
//! `mtcheck dict stats` (one `NAME COUNT` line per table) and `mtcheck dict check FILE...`
//! (every problem as `path:line: what is wrong`, not only the first).

use std::collections::HashMap;
use std::path::Path;

use serde::Deserialize;

use crate::matcher::pattern::{parse_cues, CaseRule, Pattern};
use super::words::WordFreq;
use super::{compile_names, compile_phrases, dict_err, window, Lexicons, NameRow, PhraseRow};
use super::{TableKind, BUILTIN};
use crate::error::DictError;
use crate::finding::Severity;

/// The table names `mtcheck dict stats` prints, in its order.
pub const TABLE_NAMES: &[&str] = &[
    "entities",
    "calques",
    "false-friends",
    "anglicisms",
    "lexicon-de",
    "lexicon-en",
];

/// How many entries each table of `lex` holds, as (table name, count) in the order of
/// [`TABLE_NAMES`]: `entities` (rows of `names*.csv`), `calques` (`idioms*.csv`),
/// `false-friends`, `anglicisms`, and the words of the German and English frequency lexicon.
/// User dictionaries loaded into `lex` are counted with the built-in rows they extend.
pub fn table_counts(lex: &Lexicons) -> Vec<(&'static str, usize)> {
    let words = WordFreq::builtin();
    vec![
        ("entities", lex.names.list.len()),
        ("calques", lex.idioms.entries().len()),
        ("false-friends", lex.false_friends.entries().len()),
        ("anglicisms", lex.anglicisms.entries().len()),
        ("lexicon-de", words.de_len()),
        ("lexicon-en", words.en_len()),
    ]
}

/// [`table_counts`] as the lines `mtcheck dict stats` prints: `NAME COUNT`, one per table.
pub fn format_counts(counts: &[(&str, usize)]) -> String {
    counts
        .iter()
        .map(|(name, n)| format!("{name} {n}\n"))
        .collect()
}

/// Every problem in the dictionary file at `path`, in file order: an unusable file name (it must
/// start with `names`, `idioms`, `false_friends` or `anglicisms`), a file that cannot be read,
/// unknown or missing columns, rows that do not parse, patterns and cues that do not compile, bad
/// severities, windows and case rules, missing suggestions, and keys that occur twice in the file.
/// An empty result means `mtcheck check --dict FILE` accepts the file.
pub fn validate_dictionary(path: impl AsRef<Path>) -> Vec<DictError> {
    let path = path.as_ref();
    let shown = path.display().to_string();
    let file_name = path
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or_default();
    let Some(kind) = TableKind::from_file_name(file_name) else {
        return vec![dict_err(
            &shown,
            0,
            "the file name must start with names, idioms, false_friends or anglicisms",
        )];
    };
    match std::fs::read_to_string(path) {
        Ok(text) => validate_text(&shown, &text, kind),
        Err(e) => vec![dict_err(&shown, 0, e.to_string())],
    }
}

/// Every problem in `text`, a table of `kind` shown as `path` (see [`validate_dictionary`]).
pub fn validate_text(path: &str, text: &str, kind: TableKind) -> Vec<DictError> {
    let mut errors = Vec::new();
    let mut rdr = csv::ReaderBuilder::new()
        .has_headers(true)
        .from_reader(text.as_bytes());
    let headers = match rdr.headers() {
        Ok(h) => h.clone(),
        Err(e) => return vec![dict_err(path, 1, e.to_string())],
    };
    let (required, known) = kind.columns();
    for h in &headers {
        if !known.contains(&h) {
            errors.push(dict_err(
                path,
                1,
                format!("unknown column `{h}` (expected {})", known.join(", ")),
            ));
        }
    }
    let mut missing = false;
    for r in required {
        if !headers.iter().any(|h| h == *r) {
            errors.push(dict_err(path, 1, format!("missing column `{r}`")));
            missing = true;
        }
    }
    if missing {
        // every row would only repeat that its required field is empty
        return errors;
    }
    let mut first_line: HashMap<String, usize> = HashMap::new();
    for rec in rdr.records() {
        let rec = match rec {
            Ok(rec) => rec,
            Err(e) => {
                let line = e.position().map_or(0, |p| p.line() as usize);
                errors.push(dict_err(path, line, e.to_string()));
                continue;
            }
        };
        let line = rec.position().map_or(0, |p| p.line() as usize);
        let key = match kind {
            TableKind::Names => {
                validate_row::<NameRow>(path, line, &rec, &headers, &mut errors, name_problems)
            }
            _ => validate_row::<PhraseRow>(path, line, &rec, &headers, &mut errors, |r| {
                phrase_problems(path, line, r)
            }),
        };
        if let Some(key) = key.filter(|k| !k.is_empty()) {
            if let Some(first) = first_line.get(&key) {
                let what = if kind == TableKind::Names {
                    "name"
                } else {
                    "pattern"
                };
                errors.push(dict_err(
                    path,
                    line,
                    format!("duplicate {what} `{key}` (first on line {first})"),
                ));
            } else {
                first_line.insert(key, line);
            }
        }
    }
    errors
}

/// A row of either schema, with its key and a way to compile it alone.
trait Row: for<'de> Deserialize<'de> {
    fn key(&self) -> String;
    fn compile(path: &str, line: usize, row: Self) -> Result<(), DictError>;
}

impl Row for NameRow {
    fn key(&self) -> String {
        self.name.trim().to_string()
    }
    fn compile(path: &str, line: usize, row: Self) -> Result<(), DictError> {
        compile_names(vec![(path.to_string(), line, row)]).map(drop)
    }
}

impl Row for PhraseRow {
    fn key(&self) -> String {
        self.pattern.trim().to_string()
    }
    fn compile(path: &str, line: usize, row: Self) -> Result<(), DictError> {
        compile_phrases(vec![(path.to_string(), line, row)]).map(drop)
    }
}

/// Checks one record: every field problem `problems` finds, then the loader's own verdict on
/// the row (so nothing the loader rejects is missed). Returns the row's key if it parsed.
fn validate_row<R: Row>(
    path: &str,
    line: usize,
    rec: &csv::StringRecord,
    headers: &csv::StringRecord,
    errors: &mut Vec<DictError>,
    problems: impl Fn(&R) -> Vec<String>,
) -> Option<String> {
    let row: R = match rec.deserialize(Some(headers)) {
        Ok(row) => row,
        Err(e) => {
            errors.push(dict_err(path, line, e.to_string()));
            return None;
        }
    };
    let found = problems(&row);
    let key = row.key();
    if let Err(e) = R::compile(path, line, row) {
        if !found.iter().any(|f| f.contains(&e.message)) {
            errors.push(e);
        }
    }
    errors.extend(found.into_iter().map(|m| dict_err(path, line, m)));
    Some(key)
}

fn cue_problems(out: &mut Vec<String>, column: &str, value: &str) {
    for cue in value.split(';').filter(|c| !c.trim().is_empty()) {
        if let Err(m) = parse_cues(cue) {
            out.push(format!("{column}: {m}"));
        }
    }
}

fn window_problem(out: &mut Vec<String>, path: &str, line: usize, value: &str) {
    if let Err(e) = window(path, line, value) {
        out.push(e.message);
    }
}

fn phrase_problems(path: &str, line: usize, r: &PhraseRow) -> Vec<String> {
    let mut out = Vec::new();
    if let Err(m) = Pattern::parse(&r.pattern) {
        out.push(format!("pattern `{}`: {m}", r.pattern));
    }
    if r.suggestion.split(" / ").all(|s| s.trim().is_empty()) {
        out.push("a suggestion is required".into());
    }
    if !r.severity.trim().is_empty() {
        if let Err(m) = r.severity.parse::<Severity>() {
            out.push(m);
        }
    }
    cue_problems(&mut out, "context", &r.context);
    cue_problems(&mut out, "exclude", &r.exclude);
    window_problem(&mut out, path, line, &r.window);
    if let Err(m) = r.case.parse::<CaseRule>() {
        out.push(m);
    }
    out
}

fn name_problems(r: &NameRow) -> Vec<String> {
    let mut out = Vec::new();
    let name = r.name.trim();
    if name.is_empty() {
        out.push("empty name".into());
    }
    for lit in r
        .literal
        .split(';')
        .map(str::trim)
        .filter(|s| !s.is_empty())
    {
        if let Err(m) = Pattern::parse(lit) {
            out.push(format!("literal `{lit}`: {m}"));
        }
    }
    for var in r
        .variants
        .split(';')
        .map(str::trim)
        .filter(|s| !s.is_empty())
    {
        if var == name {
            out.push(format!("variant `{var}` is the name itself"));
        } else if let Err(m) = Pattern::parse(var) {
            out.push(format!("variant `{var}`: {m}"));
        }
    }
    cue_problems(&mut out, "context", &r.context);
    cue_problems(&mut out, "exclude", &r.exclude);
    window_problem(&mut out, "", 0, &r.window);
    out
}

/// Every problem in the built-in tables (empty for a release; used by tests and `dict check`
/// without arguments, should the CLI want it).
pub fn validate_builtin() -> Vec<DictError> {
    BUILTIN
        .iter()
        .flat_map(|(name, text)| {
            let kind = TableKind::from_file_name(name).expect("built-in table names are known");
            validate_text(&format!("data/{name}"), text, kind)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(errors: &[DictError]) -> Vec<String> {
        errors.iter().map(ToString::to_string).collect()
    }

    #[test]
    fn counts_name_every_table_in_order() {
        let lex = Lexicons::builtin().unwrap();
        let counts = table_counts(&lex);
        let names: Vec<&str> = counts.iter().map(|(n, _)| *n).collect();
        assert_eq!(names, TABLE_NAMES);
        assert_eq!(counts[0].1, lex.names.list.len());
        assert_eq!(counts[1].1, lex.idioms.entries().len());
        assert!(counts[0].1 > 0 && counts[1].1 > 0);
        assert_eq!(counts[4].1, WordFreq::builtin().de_len());
        assert!(counts[4].1 > 200_000 && counts[5].1 > 90_000);
        let text = format_counts(&counts);
        assert_eq!(text.lines().count(), 6);
        assert!(text.starts_with("entities "), "{text}");
        assert!(text
            .lines()
            .all(|l| l.split(' ').nth(1).unwrap().parse::<usize>().is_ok()));
    }

    #[test]
    fn counts_include_user_rows() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("idioms-newsroom.csv");
        std::fs::write(
            &p,
            "pattern,suggestion\nSchnee von gestern,längst bekannt\n",
        )
        .unwrap();
        let base = table_counts(&Lexicons::builtin().unwrap())[1].1;
        let lex = Lexicons::load(&[&p]).unwrap();
        assert_eq!(table_counts(&lex)[1], ("calques", base + 1));
    }

    #[test]
    fn builtin_tables_validate() {
        assert_eq!(lines(&validate_builtin()), Vec::<String>::new());
    }

    #[test]
    fn a_good_file_has_no_problems() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("names-extra.csv");
        std::fs::write(
            &p,
            "name,kind,literal,context,exclude,window,variants,note\n\
             Runway,company,Landebahn,Start-up|Startup;KI,Flughafen*,6,,\n",
        )
        .unwrap();
        assert!(validate_dictionary(&p).is_empty());
        assert!(Lexicons::load(&[&p]).is_ok());
    }

    #[test]
    fn every_problem_is_reported_with_its_line() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("idioms-bad.csv");
        std::fs::write(
            &p,
            "pattern,english,suggestion,severity,context,exclude,window,case,colour\n\
             tief* Tasche*,deep pockets,finanzstark,,,,,,\n\
             #num bar,x,,huge,,,,,\n\
             ok phrase,x,gut,,a b,,99,loud,\n\
             only,two\n\
             tief* Tasche*,deep pockets,finanzstark,,,,,,\n",
        )
        .unwrap();
        let shown = p.display().to_string();
        let got = lines(&validate_dictionary(&p));
        let want = [
            (1, "unknown column `colour`"),
            (3, "pattern `#num bar`"),
            (3, "a suggestion is required"),
            (3, "huge"),
            (4, "context: cue `a b` must be one token"),
            (4, "window `99` must be a number from 1 to 30"),
            (4, "unknown case rule `loud`"),
            (5, "fields"),
            (6, "duplicate pattern `tief* Tasche*` (first on line 2)"),
        ];
        for (line, what) in want {
            let prefix = format!("{shown}:{line}: ");
            assert!(
                got.iter()
                    .any(|g| g.starts_with(&prefix) && g.contains(what)),
                "missing `{prefix}…{what}…` in {got:#?}"
            );
        }
        assert_eq!(got.len(), want.len(), "{got:#?}");
        // the loader agrees that the file is bad, and stops at its first problem
        assert!(Lexicons::load(&[&p]).is_err());
    }

    #[test]
    fn name_rows_report_every_bad_literal_and_variant() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("names.csv");
        std::fs::write(
            &p,
            "name,kind,literal,variants\n\
             Perplexity,company,#num x;Verwirr*;#cap,Perplexity;Perplexitiy\n\
             ,company,,\n",
        )
        .unwrap();
        let got = lines(&validate_dictionary(&p));
        let shown = p.display().to_string();
        assert!(got.contains(&format!(
            "{shown}:2: variant `Perplexity` is the name itself"
        )));
        assert_eq!(
            got.iter()
                .filter(|g| g.starts_with(&format!("{shown}:2: literal")))
                .count(),
            2,
            "{got:#?}"
        );
        assert!(got.contains(&format!("{shown}:3: empty name")), "{got:#?}");
    }

    #[test]
    fn file_level_problems() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("glossary.csv");
        std::fs::write(&p, "pattern,suggestion\n").unwrap();
        let got = lines(&validate_dictionary(&p));
        assert_eq!(got.len(), 1);
        assert!(got[0].ends_with(
            ":0: the file name must start with names, idioms, false_friends or anglicisms"
        ));
        let missing = dir.path().join("idioms-missing.csv");
        assert_eq!(validate_dictionary(&missing).len(), 1);
        let p = dir.path().join("anglicisms-x.csv");
        std::fs::write(&p, "english,note\nfoo,bar\n").unwrap();
        let got = lines(&validate_dictionary(&p));
        assert!(got
            .iter()
            .any(|g| g.contains(":1: missing column `pattern`")));
        assert!(got
            .iter()
            .any(|g| g.contains(":1: missing column `suggestion`")));
        assert_eq!(got.len(), 2, "{got:#?}");
        let p = dir.path().join("anglicisms-y.csv");
        std::fs::write(&p, b"pattern,suggestion\nfoo,\xff\n").unwrap();
        assert_eq!(validate_dictionary(&p).len(), 1);
    }
}
