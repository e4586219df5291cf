//! The front matter of a dictionary file: its first lines, each starting with `#`. In a
//! built-in phrase table (`data/idioms.csv` …) it is the table's declaration in TOML (each line
//! without its `#` and one space): its `order`, its checks and its `[rule]`, so that a phrase
//! table is one file. In any other file, a user's dictionary included, it is a comment: the
//! reader skips it and counts its lines, and a user file never declares a rule.
//!
//! `build.rs` includes this file (`#[path]`) to write the rule registry, and the library uses it
//! to read the declarations and to skip the lines, so both find the same tables in the same
//! order. It depends on `std` and `toml` only.

/// The front matter of a file: where it ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct FrontMatter {
    /// Its length in bytes (with a leading byte order mark, with the last line's `\n`).
    pub len: usize,
    /// Its number of lines: the CSV header is on line `lines + 1`.
    pub lines: usize,
}

/// The byte order mark some editors write at the start of a UTF-8 file.
const BOM: &str = "\u{feff}";

/// The front matter of `text`: its leading lines that start with `#` (after a byte order mark).
pub fn front_matter(text: &str) -> FrontMatter {
    let body = text.strip_prefix(BOM).unwrap_or(text);
    let mut fm = FrontMatter {
        len: text.len() - body.len(),
        lines: 0,
    };
    for line in body.split_inclusive('\n') {
        if !line.starts_with('#') {
            break;
        }
        fm.len += line.len();
        fm.lines += 1;
    }
    if fm.lines == 0 {
        return FrontMatter::default();
    }
    fm
}

/// The front matter of `text` as TOML: every line without its `#` and the space after it;
/// `None` when the file has no front matter.
pub fn declaration(text: &str) -> Option<String> {
    let fm = front_matter(text);
    if fm.lines == 0 {
        return None;
    }
    let head = &text[..fm.len];
    let head = head.strip_prefix(BOM).unwrap_or(head);
    let mut toml = String::with_capacity(head.len());
    for line in head.lines() {
        let line = line.strip_prefix('#').unwrap_or(line);
        toml.push_str(line.strip_prefix(' ').unwrap_or(line));
        toml.push('\n');
    }
    Some(toml)
}

/// A built-in phrase table as the registry sees it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Declared {
    /// The file name (`idioms.csv`).
    pub name: String,
    /// Its `order`: the place of the table among the phrase tables.
    pub order: i64,
    /// The id of its rule (`[rule]`, `id`).
    pub rule: String,
}

/// The phrase tables among `files` (file name, text): every file with a front matter, in the
/// order of their `order` keys (unique). `Err` says which file is wrong and why: a front
/// matter that is not TOML, or lacks an integer `order` or a `[rule]` with a string `id`.
pub fn phrase_tables_in<'a>(
    files: impl IntoIterator<Item = (&'a str, &'a str)>,
) -> Result<Vec<Declared>, String> {
    let mut tables = Vec::new();
    for (name, text) in files {
        let Some(toml) = declaration(text) else {
            continue;
        };
        let at = |what: &str| format!("data/{name}: front matter: {what}");
        let decl = toml
            .parse::<toml::Table>()
            .map_err(|e| at(&e.to_string()))?;
        let order = decl
            .get("order")
            .and_then(toml::Value::as_integer)
            .ok_or_else(|| at("`order` (an integer) is missing"))?;
        let rule = decl
            .get("rule")
            .and_then(|r| r.get("id"))
            .and_then(toml::Value::as_str)
            .ok_or_else(|| at("`[rule]` with an `id` is missing"))?;
        tables.push(Declared {
            name: name.to_string(),
            order,
            rule: rule.to_string(),
        });
    }
    tables.sort_by_key(|t| t.order);
    if let Some(w) = tables.windows(2).find(|w| w[0].order == w[1].order) {
        return Err(format!(
            "data/{} and data/{} have the same `order` ({}): the order decides which rule \
             keeps a place both report, so it must be unique",
            w[0].name, w[1].name, w[0].order
        ));
    }
    Ok(tables)
}

#[cfg(test)]
mod tests {
    use super::*;

    const TABLE: &str = "# order = 20\n#\n# [rule]\n# id = \"sample-rule\"\n#summary = \"x\"\n\
                         pattern,suggestion\n#num x,y\n";

    #[test]
    fn the_front_matter_is_the_leading_hash_lines() {
        let fm = front_matter(TABLE);
        assert_eq!(fm.lines, 5);
        assert!(TABLE[fm.len..].starts_with("pattern,suggestion\n"));
        assert_eq!(
            front_matter("pattern,suggestion\n#num x,y\n"),
            FrontMatter::default()
        );
        assert_eq!(front_matter(""), FrontMatter::default());
        let bom = format!("{BOM}# a\r\n# b\r\npattern\r\n");
        let fm = front_matter(&bom);
        assert_eq!(fm.lines, 2);
        assert!(bom[fm.len..].starts_with("pattern"));
        assert_eq!(declaration(&bom).as_deref(), Some("a\nb\n"));
    }

    #[test]
    fn the_declaration_is_the_front_matter_without_its_hashes() {
        assert_eq!(
            declaration(TABLE).as_deref(),
            Some("order = 20\n\n[rule]\nid = \"sample-rule\"\nsummary = \"x\"\n")
        );
        assert_eq!(declaration("pattern,suggestion\n"), None);
    }

    #[test]
    fn a_declared_table_yields_its_rule_in_order() {
        let first = "# order = 10\n# [rule]\n# id = 'first-rule'\npattern,suggestion\n";
        let files = [
            ("b.csv", TABLE),
            ("names.csv", "name,kind\n"),
            ("a.csv", first),
        ];
        let got = phrase_tables_in(files).unwrap();
        let rules: Vec<(&str, i64, &str)> = got
            .iter()
            .map(|t| (t.name.as_str(), t.order, t.rule.as_str()))
            .collect();
        assert_eq!(
            rules,
            [("a.csv", 10, "first-rule"), ("b.csv", 20, "sample-rule")]
        );
    }

    #[test]
    fn a_bad_declaration_names_its_file() {
        let err = |text: &'static str| phrase_tables_in([("x.csv", text)]).unwrap_err();
        assert!(err("# [rule]\n# id = \"r\"\np\n").contains("data/x.csv: front matter: `order`"));
        assert!(err("# order = 1\np\n").contains("`[rule]` with an `id` is missing"));
        assert!(err("# order = \np\n").starts_with("data/x.csv: front matter: "));
        let twice = "# order = 1\n# [rule]\n# id = \"r\"\np\n";
        let e = phrase_tables_in([("x.csv", twice), ("y.csv", twice)]).unwrap_err();
        assert!(
            e.contains("data/x.csv and data/y.csv have the same `order` (1)"),
            "{e}"
        );
    }
}
