//! Lints every built-in dictionary: header, sorted rows, no duplicates, NFC, patterns that
//! compile, and the columns each schema asks for.

use std::collections::HashSet;

use mtcheck::matcher::pattern::{parse_cues, Pattern};
use mtcheck::lexicon::BUILTIN;
use unicode_normalization::is_nfc;

fn rows(text: &str) -> (csv::StringRecord, Vec<csv::StringRecord>) {
    let mut rdr = csv::Reader::from_reader(text.as_bytes());
    let headers = rdr.headers().unwrap().clone();
    (headers, rdr.records().map(|r| r.unwrap()).collect())
}

#[test]
fn tables_are_clean() {
    for (name, text) in BUILTIN {
        assert!(is_nfc(text), "{name} is not NFC");
        let (headers, records) = rows(text);
        let col = |h: &str| {
            headers
                .iter()
                .position(|x| x == h)
                .unwrap_or_else(|| panic!("{name}: no column {h}"))
        };
        let key = if *name == "names.csv" {
            col("name")
        } else {
            col("pattern")
        };
        let mut seen = HashSet::new();
        let mut prev = String::new();
        for (i, r) in records.iter().enumerate() {
            let line = i + 2;
            let k = r.get(key).unwrap().trim().to_string();
            assert!(!k.is_empty(), "{name}:{line}: empty key");
            assert!(seen.insert(k.clone()), "{name}:{line}: duplicate `{k}`");
            let fold = k.to_lowercase();
            assert!(
                fold >= prev,
                "{name}:{line}: `{k}` is out of order (sort case-insensitively)"
            );
            prev = fold;
            for c in ["context", "exclude"] {
                if let Some(i) = headers.iter().position(|x| x == c) {
                    parse_cues(r.get(i).unwrap())
                        .unwrap_or_else(|e| panic!("{name}:{line}: {c}: {e}"));
                }
            }
            if *name == "names.csv" {
                for lit in r
                    .get(col("literal"))
                    .unwrap()
                    .split(';')
                    .filter(|s| !s.trim().is_empty())
                {
                    Pattern::parse(lit)
                        .unwrap_or_else(|e| panic!("{name}:{line}: literal `{lit}`: {e}"));
                }
                assert!(
                    !r.get(col("kind")).unwrap().trim().is_empty(),
                    "{name}:{line}: kind is required"
                );
            } else {
                Pattern::parse(&k).unwrap_or_else(|e| panic!("{name}:{line}: {e}"));
                assert!(
                    !r.get(col("suggestion")).unwrap().trim().is_empty(),
                    "{name}:{line}: suggestion is required"
                );
                if *name != "anglicisms.csv" {
                    assert!(
                        !r.get(col("english")).unwrap().trim().is_empty(),
                        "{name}:{line}: english is required"
                    );
                }
                if *name == "false_friends.csv" {
                    let ctx = r.get(col("context")).unwrap().trim();
                    let pat = &k;
                    let compound = pat.starts_with('*') || pat.split_whitespace().count() > 1;
                    assert!(
                        !ctx.is_empty() || compound,
                        "{name}:{line}: a single-word false friend needs context"
                    );
                }
            }
        }
    }
}

#[test]
fn readme_documents_every_rule() {
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    for rule in mtcheck::rules::REGISTRY {
        let id = rule.meta().id;
        assert!(
            readme.contains(&format!("| `{id}` |")),
            "README.md lacks a row for {id}"
        );
    }
}
