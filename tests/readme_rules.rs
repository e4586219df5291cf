//! The README's rules table is generated from the registry; this test fails when it drifts.
//! Regenerate it with `UPDATE_README=1 cargo test --test readme_rules`.

use mtcheck::rules::catalog::{with_table, TABLE_END, TABLE_START};

#[test]
fn readme_rules_table_matches_the_registry() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md");
    let readme = std::fs::read_to_string(&path).expect("README.md is readable");
    let Some(expected) = with_table(&readme) else {
        panic!("README.md lacks the lines\n{TABLE_START}\n{TABLE_END}\naround the rules table");
    };
    if std::env::var_os("UPDATE_README").is_some() {
        std::fs::write(&path, &expected).expect("README.md is writable");
        return;
    }
    assert!(
        readme == expected,
        "README.md's rules table differs from the registry; regenerate it with\n  \
         UPDATE_README=1 cargo test --test readme_rules"
    );
}
