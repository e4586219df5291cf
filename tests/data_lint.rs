//! Lints every built-in dictionary with the validator `mtcheck dict check` and the loader use,
//! plus the house rules of the built-in tables: sorted rows, no duplicates, NFC, patterns that
//! compile, and the columns each schema asks for (`mtcheck::lexicon::validate`).

use mtcheck::lexicon::validate::validate_builtin;

#[test]
fn tables_are_clean() {
    let problems: Vec<String> = validate_builtin().iter().map(ToString::to_string).collect();
    assert!(problems.is_empty(), "{}", problems.join("\n"));
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
