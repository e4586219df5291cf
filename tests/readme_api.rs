//! The README's library example is the crate documentation's doctest, so it compiles and runs
//! with `cargo test`; this test fails when the two differ.

#[test]
fn readme_library_example_is_the_crate_doctest() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let readme = std::fs::read_to_string(root.join("README.md")).expect("README.md");
    let lib = std::fs::read_to_string(root.join("src/lib.rs")).expect("src/lib.rs");
    let section = readme
        .split("## Library\n")
        .nth(1)
        .expect("README.md has a `## Library` section");
    let example = section
        .split("```rust\n")
        .nth(1)
        .and_then(|s| s.split("\n```").next())
        .expect("the Library section has a ```rust block");
    let doc: String = lib
        .lines()
        .filter_map(|l| l.strip_prefix("//!"))
        .map(|l| l.strip_prefix(' ').unwrap_or(l))
        .collect::<Vec<_>>()
        .join("\n");
    assert!(
        doc.contains(example),
        "README.md's library example differs from the doctest in src/lib.rs:\n{example}"
    );
}
