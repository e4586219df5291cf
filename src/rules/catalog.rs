//! The rules as a Markdown table for the README, generated from the registry so the table
//! cannot drift from the rules' own documentation (`tests/readme_rules.rs` checks it).

use super::REGISTRY;

/// The line before the generated table in `README.md`.
pub const TABLE_START: &str =
    "<!-- rules table: generated from the registry; UPDATE_README=1 cargo test --test readme_rules -->";
/// The line after the generated table in `README.md`.
pub const TABLE_END: &str = "<!-- end of rules table -->";

/// One row per rule of [`REGISTRY`], in its order: id, MQM category, default severity and
/// summary, under a header row.
pub fn markdown_table() -> String {
    let mut out =
        String::from("| rule | MQM category | severity | what it flags |\n|---|---|---|---|\n");
    for rule in REGISTRY {
        let m = rule.meta();
        out.push_str(&format!(
            "| `{}` | {} | {} | {} |\n",
            m.id,
            m.category,
            m.severity.as_str(),
            m.summary.replace('|', "\\|")
        ));
    }
    out
}

/// `readme` with the text between [`TABLE_START`] and [`TABLE_END`] replaced by
/// [`markdown_table`]; `None` when the markers are missing or out of order.
pub fn with_table(readme: &str) -> Option<String> {
    let start = readme.find(TABLE_START)? + TABLE_START.len();
    let end = start + readme[start..].find(TABLE_END)?;
    Some(format!(
        "{}\n{}{}",
        &readme[..start],
        markdown_table(),
        &readme[end..]
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_rule_has_a_row() {
        let table = markdown_table();
        assert_eq!(table.lines().count(), REGISTRY.len() + 2);
        assert!(table.contains("| `year-preposition` | locale/date-format | minor | "));
    }

    #[test]
    fn the_table_replaces_what_stands_between_the_markers() {
        let readme = format!("intro\n{TABLE_START}\nold\n{TABLE_END}\nrest\n");
        let new = with_table(&readme).expect("markers present");
        assert!(new.starts_with(&format!("intro\n{TABLE_START}\n| rule |")));
        assert!(new.ends_with(&format!("|\n{TABLE_END}\nrest\n")));
        assert!(!new.contains("old"));
        assert_eq!(with_table("no markers"), None);
    }
}
