//! The one validator of dictionary rows. Loading ([`super::Lexicons::load`]) stops at the
//! first problem it finds; `mtcheck dict check FILE...` ([`validate_dictionary`]) lists every
//! problem as `path:line: what is wrong`; `cargo test` ([`validate_builtin`]) runs it over the
//! built-in tables with the house rules on top (sorted, NFC, English source, kind).

use std::collections::HashMap;
use std::path::Path;

use serde::Deserialize;
use unicode_normalization::is_nfc;

use super::schema::{
    dict_err, error_line, open_csv, record_line, unknown_file_name_message, EnglishColumn, NameRow,
    PhraseRow, PhraseTableSpec, TableKind, BUILTIN,
};
use super::word_lists::{word_list_row_problems, WordListRow};
use crate::error::DictError;
use crate::finding::Severity;
use crate::matcher::pattern::{parse_cues, CaseRule, Pattern};

/// The context window when a row gives none.
pub const DEFAULT_WINDOW: usize = 6;

/// Which rules a file is held to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rules {
    /// What every file must satisfy to be loaded (user files given with `--dict`).
    Load,
    /// The house rules of the built-in tables on top: rows sorted by key (case-insensitively),
    /// the file in Unicode NFC, every name with a kind, every row of a table that declares
    /// `english = "required"` with its English source.
    House,
}

/// A row's `window`: empty is [`DEFAULT_WINDOW`], otherwise a number from 1 to 30.
pub fn parse_window(s: &str) -> Result<usize, String> {
    if s.trim().is_empty() {
        return Ok(DEFAULT_WINDOW);
    }
    s.trim()
        .parse::<usize>()
        .ok()
        .filter(|w| (1..=30).contains(w))
        .ok_or_else(|| format!("window `{s}` must be a number from 1 to 30"))
}

/// The `;`-separated items of a column, trimmed, without empty ones.
pub(crate) fn items(value: &str) -> impl Iterator<Item = &str> {
    value.split(';').map(str::trim).filter(|s| !s.is_empty())
}

/// The suggestions of a phrase row, best first (` / `-separated).
pub(crate) fn suggestions(value: &str) -> Vec<String> {
    value
        .split(" / ")
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(String::from)
        .collect()
}

fn cue_problems(out: &mut Vec<String>, column: &str, value: &str) {
    for cue in value.split(';').filter(|c| !c.trim().is_empty()) {
        if let Err(m) = parse_cues(cue) {
            out.push(format!("{column}: {m}"));
        }
    }
}

/// Every problem of a row of the phrase table `spec`, in column order.
pub fn phrase_row_problems(spec: &PhraseTableSpec, r: &PhraseRow) -> Vec<String> {
    let mut out = Vec::new();
    if let Err(m) = Pattern::parse(&r.pattern) {
        out.push(format!("pattern `{}`: {m}", r.pattern));
    }
    if suggestions(&r.suggestion).is_empty() {
        out.push("a suggestion is required".into());
    }
    if !r.severity.trim().is_empty() {
        if let Err(m) = r.severity.parse::<Severity>() {
            out.push(m);
        }
    }
    cue_problems(&mut out, "context", &r.context);
    cue_problems(&mut out, "exclude", &r.exclude);
    if let Err(m) = parse_window(&r.window) {
        out.push(m);
    }
    if let Err(m) = r.case.parse::<CaseRule>() {
        out.push(m);
    }
    if spec.single_word_needs_context && r.context.trim().is_empty() {
        let pattern = r.pattern.trim();
        let compound = pattern.starts_with('*') || pattern.split_whitespace().count() > 1;
        if !compound {
            out.push(format!(
                "a single-word {} entry needs context: without it the ordinary German word is \
                 flagged everywhere",
                spec.rule.id
            ));
        }
    }
    out
}

/// Every problem of a row of `names.csv`, in column order.
pub fn name_row_problems(r: &NameRow) -> Vec<String> {
    let mut out = Vec::new();
    let name = r.name.trim();
    if name.is_empty() {
        out.push("empty name".into());
    }
    for lit in items(&r.literal) {
        if let Err(m) = Pattern::parse(lit) {
            out.push(format!("literal `{lit}`: {m}"));
        }
    }
    for var in items(&r.variants) {
        if var == name {
            out.push(format!("variant `{var}` is the name itself"));
        } else if let Err(m) = Pattern::parse(var) {
            out.push(format!("variant `{var}`: {m}"));
        }
    }
    cue_problems(&mut out, "context", &r.context);
    cue_problems(&mut out, "exclude", &r.exclude);
    if let Err(m) = parse_window(&r.window) {
        out.push(m);
    }
    out
}

/// The house rules of one row (see [`Rules::House`]).
fn house_problems(
    kind: TableKind,
    rec: &csv::StringRecord,
    headers: &csv::StringRecord,
) -> Vec<String> {
    let field = |name: &str| {
        headers
            .iter()
            .position(|h| h == name)
            .and_then(|i| rec.get(i))
            .map_or("", str::trim)
    };
    let mut out = Vec::new();
    match kind.spec() {
        None if kind == TableKind::Names && field("kind").is_empty() => {
            out.push("kind is required".into());
        }
        Some(spec) if spec.english == EnglishColumn::Required && field("english").is_empty() => {
            out.push("english is required".into());
        }
        _ => {}
    }
    out
}

/// Every problem in the dictionary file at `path`, in file order: an unusable file name (it must
/// start with `names`, `word_lists` or the `file` of a phrase table), a file that cannot
/// be read, unknown or missing columns, rows that do not parse, patterns and cues that do not
/// compile, bad severities, windows and case rules, missing suggestions, single-word false
/// friends without context, and keys that occur twice in the file. An empty result means
/// `mtcheck check --dict FILE` accepts the file.
pub fn validate_dictionary(path: impl AsRef<Path>) -> Vec<DictError> {
    let path = path.as_ref();
    let shown = path.display().to_string();
    let file_name = path
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or_default();
    let Some(kind) = TableKind::from_file_name(file_name) else {
        return vec![dict_err(&shown, 0, unknown_file_name_message())];
    };
    match crate::bounded::read_text(path) {
        Ok(text) => validate_text(&shown, &text, kind),
        Err(e) => vec![dict_err(&shown, 0, e.to_string())],
    }
}

/// Every problem in `text`, a table of `kind` shown as `path` (see [`validate_dictionary`]).
pub fn validate_text(path: &str, text: &str, kind: TableKind) -> Vec<DictError> {
    validate_with(path, text, kind, Rules::Load)
}

/// Every problem in the built-in tables, house rules included (empty for a release).
pub fn validate_builtin() -> Vec<DictError> {
    BUILTIN
        .iter()
        .flat_map(|(name, text)| match TableKind::from_file_name(name) {
            Some(kind) => validate_with(&format!("data/{name}"), text, kind, Rules::House),
            None => vec![dict_err(name, 0, unknown_file_name_message())],
        })
        .collect()
}

/// Every problem in `text` under `rules`.
pub fn validate_with(path: &str, text: &str, kind: TableKind, rules: Rules) -> Vec<DictError> {
    let (mut rdr, headers, mut errors) = match open_csv(path, text, kind) {
        Ok(open) => open,
        Err(e) => return vec![e],
    };
    if rules == Rules::House && !is_nfc(text) {
        errors.push(dict_err(path, 0, "the file is not in Unicode NFC"));
    }
    if errors
        .iter()
        .any(|e| e.message.starts_with("missing column"))
    {
        // every row would only repeat that its required field is empty
        return errors;
    }
    let mut first_line: HashMap<String, usize> = HashMap::new();
    let mut previous = String::new();
    for rec in rdr.records() {
        let rec = match rec {
            Ok(rec) => rec,
            Err(e) => {
                errors.push(dict_err(path, error_line(&e), e.to_string()));
                continue;
            }
        };
        let line = record_line(&rec);
        let err = |m: String| dict_err(path, line, m);
        let key = match (kind, kind.spec()) {
            (TableKind::WordLists, _) => row_problems(&rec, &headers, |r: &WordListRow| {
                (word_list_key(r), word_list_row_problems(r))
            }),
            (_, None) => row_problems(&rec, &headers, |r: &NameRow| {
                (r.name.trim().to_string(), name_row_problems(r))
            }),
            (_, Some(spec)) => row_problems(&rec, &headers, |r: &PhraseRow| {
                (r.pattern.trim().to_string(), phrase_row_problems(spec, r))
            }),
        };
        let key = match key {
            Ok((key, problems)) => {
                errors.extend(problems.into_iter().map(err));
                key
            }
            Err(m) => {
                errors.push(err(m));
                continue;
            }
        };
        if rules == Rules::House {
            errors.extend(house_problems(kind, &rec, &headers).into_iter().map(err));
            let fold = key.to_lowercase();
            if fold < previous {
                errors.push(err(format!(
                    "`{key}` is out of order (sort case-insensitively)"
                )));
            }
            previous = fold;
        }
        if key.is_empty() {
            continue;
        }
        if let Some(first) = first_line.get(&key) {
            let what = match key.split_once(' ').filter(|_| kind == TableKind::WordLists) {
                Some((list, word)) => format!("word `{word}` in list `{list}`"),
                None => format!("{} `{key}`", kind.key_column()),
            };
            errors.push(err(format!("duplicate {what} (first on line {first})")));
        } else {
            first_line.insert(key, line);
        }
    }
    errors
}

/// The key of a word-list row: list and word, so that rows sort by list, then word.
pub(crate) fn word_list_key(r: &WordListRow) -> String {
    format!("{} {}", r.list.trim(), r.word.trim())
}

/// Deserializes one record and returns its key and problems, or why it does not parse.
fn row_problems<R: for<'de> Deserialize<'de>>(
    rec: &csv::StringRecord,
    headers: &csv::StringRecord,
    check: impl Fn(&R) -> (String, Vec<String>),
) -> Result<(String, Vec<String>), String> {
    let row: R = rec.deserialize(Some(headers)).map_err(|e| e.to_string())?;
    Ok(check(&row))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `got` holds exactly one problem per `(line, text)` of `want`, each on `shown:line:`.
    fn assert_problems(shown: &str, got: &[String], want: &[(usize, &str)]) {
        for (line, what) in want {
            let prefix = format!("{shown}:{line}: ");
            assert!(
                got.iter()
                    .any(|g| g.starts_with(&prefix) && g.contains(what)),
                "missing `{prefix}…{what}…` in {got:#?}"
            );
        }
        assert_eq!(got.len(), want.len(), "{got:#?}");
    }
    use crate::lexicon::Lexicons;

    fn lines(errors: &[DictError]) -> Vec<String> {
        errors.iter().map(ToString::to_string).collect()
    }

    #[test]
    fn builtin_tables_validate() {
        assert_eq!(lines(&validate_builtin()), Vec::<String>::new());
    }

    #[test]
    fn house_rules_apply_to_builtin_tables_only() {
        let kind = TableKind::from_file_name("idioms.csv").unwrap();
        let text = "pattern,english,suggestion\nzz top,,x\naa bb,y,z\n";
        assert!(validate_with("i.csv", text, kind, Rules::Load).is_empty());
        let got = lines(&validate_with("i.csv", text, kind, Rules::House));
        assert_eq!(
            got,
            [
                "i.csv:2: english is required",
                "i.csv:3: `aa bb` is out of order (sort case-insensitively)"
            ]
        );
        let names = TableKind::from_file_name("names.csv").unwrap();
        let got = lines(&validate_with(
            "n.csv",
            "name,kind\nA\u{308}pfel,\n",
            names,
            Rules::House,
        ));
        assert_eq!(
            got,
            [
                "n.csv:0: the file is not in Unicode NFC",
                "n.csv:2: kind is required"
            ]
        );
    }

    #[test]
    fn a_single_word_false_friend_needs_context_in_a_user_file() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("false_friends-newsroom.csv");
        std::fs::write(
            &p,
            "pattern,english,suggestion,context\n\
             Ausbildung,training,Training,\n\
             Ausbildung* von,training of,Training,\n\
             *entschädigung,compensation,Vergütung,\n\
             realisier*,realize,erkennen,dass\n",
        )
        .unwrap();
        let got = lines(&validate_dictionary(&p));
        assert_eq!(got.len(), 1, "{got:#?}");
        assert!(
            got[0].ends_with(":2: a single-word false-friend entry needs context: without it the ordinary German word is flagged everywhere"),
            "{got:#?}"
        );
        // the loader applies the same rule
        let err = Lexicons::load(&[&p]).unwrap_err().to_string();
        assert!(err.contains(":2: a single-word false-friend"), "{err}");
        // an idiom table does not ask for it
        let p = dir.path().join("idioms-newsroom.csv");
        std::fs::write(
            &p,
            "pattern,english,suggestion\nAusbildung,training,Training\n",
        )
        .unwrap();
        assert!(validate_dictionary(&p).is_empty());
    }

    #[test]
    fn a_front_matter_is_skipped_and_its_lines_counted() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("idioms-commented.csv");
        // a user's front matter is a comment: it declares nothing (its rule id is unknown)
        let head = "# Our newsroom's idioms\n#\n# [rule]\n# id = \"ours\"\n";
        std::fs::write(
            &p,
            format!("{head}pattern,suggestion,colour\nfoo* bar,baz,\n#num bar,baz,\na,b\n"),
        )
        .unwrap();
        let shown = p.display().to_string();
        let got = lines(&validate_dictionary(&p));
        let want = [
            (5, "unknown column `colour`"),
            (7, "pattern `#num bar`"),
            (8, "(line: 8, byte: "),
        ];
        assert_problems(&shown, &got, &want);
        std::fs::write(&p, format!("{head}pattern,suggestion\nfoo* bar,baz\n")).unwrap();
        assert!(validate_dictionary(&p).is_empty());
        let lex = Lexicons::load(&[&p]).unwrap();
        let idioms = lex.phrase("idioms").unwrap().entries();
        assert!(idioms.iter().any(|e| e.data.pattern == "foo* bar"));
        assert_eq!(
            crate::rules::by_id("literal-idiom").map(|r| r.meta().severity),
            Some(Severity::Major)
        );
        assert!(crate::rules::by_id("ours").is_none());
    }

    #[test]
    fn a_built_in_table_checks_as_a_user_file() {
        let data = concat!(env!("CARGO_MANIFEST_DIR"), "/data/idioms.csv");
        assert_eq!(lines(&validate_dictionary(data)), Vec::<String>::new());
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
        assert_problems(&shown, &got, &want);
        // the loader agrees that the file is bad, and stops at its first problem
        assert!(Lexicons::load(&[&p]).is_err());
    }

    #[test]
    fn the_loader_stops_at_the_first_problem_the_validator_finds() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("idioms-x.csv");
        std::fs::write(&p, "pattern,suggestion,window\nok phrase,gut,99\n").unwrap();
        let want = lines(&validate_dictionary(&p));
        assert_eq!(want.len(), 1);
        assert_eq!(Lexicons::load(&[&p]).unwrap_err().to_string(), want[0]);
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
    fn word_list_rows_report_every_problem_with_its_line() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("word_lists-newsroom.csv");
        std::fs::write(
            &p,
            "list,word,note\n\
             missing-reflexive.verbs,entsinnt,\n\
             missing-reflexive.verb,entsinnt,\n\
             missing-reflexive.verbs,sehnt sich,\n\
             unknown-mangled-name.roles,Vorständin,\n\
             infinitive-article.infinitives,scheitern,\n\
             missing-hyphen.heads,Gra\u{308}ber,\n\
             missing-reflexive.verbs,entsinnt,\n\
             missing-hyphen.units,MW,\n\
             source-number.imperial-units,nautical mile,\n",
        )
        .unwrap();
        let shown = p.display().to_string();
        let got = lines(&validate_dictionary(&p));
        let want = [
            (3, "unknown list `missing-reflexive.verb` (known lists: "),
            (
                4,
                "`sehnt sich` is 2 tokens: list `missing-reflexive.verbs` matches single tokens",
            ),
            (5, "`Vorständin` must be written `vorständin`"),
            (6, "`scheitern` must start with a capital letter"),
            (7, "is not in Unicode NFC"),
            (
                8,
                "duplicate word `entsinnt` in list `missing-reflexive.verbs` (first on line 2)",
            ),
        ];
        assert_problems(&shown, &got, &want);
        assert!(got[0].contains("missing-reflexive.verbs, "), "{got:#?}");
        // the loader stops at the first of them
        let err = Lexicons::load(&[&p]).unwrap_err().to_string();
        assert_eq!(err, got[0]);
        let p = dir.path().join("word-lists-columns.csv");
        std::fs::write(&p, "list,words\nmissing-hyphen.units,MW\n").unwrap();
        let got = lines(&validate_dictionary(&p));
        assert!(
            got.iter().any(|g| g.contains(":1: missing column `word`")),
            "{got:#?}"
        );
    }

    #[test]
    fn file_level_problems() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("glossary.csv");
        std::fs::write(&p, "pattern,suggestion\n").unwrap();
        let got = lines(&validate_dictionary(&p));
        assert_eq!(got.len(), 1);
        assert!(got[0].ends_with(
            ":0: the file name must start with names, idioms, false_friends, anglicisms or word_lists"
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
