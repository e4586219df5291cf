//! [`declare_rule!`](crate::rules::declare_rule): a rule's documentation is rustdoc on the rule
//! struct, and the same text, split into its sections at compile time, is the rule's
//! [`RuleMeta`](crate::rules::RuleMeta) that feeds `mtcheck rules`, `mtcheck explain`, SARIF
//! and the README's rules table.
//!
//! The doc comment has ruff's shape: a one-line summary, then the sections
//! `## What it flags`, `## Why`, `## Example` and `## Instead`. A section's text is its lines
//! joined by single spaces (code-fence lines dropped), so a paragraph may be wrapped freely.
//! A missing or empty section is a compile error.

/// Declares a documented rule: the pub unit struct with the doc comment, and beside it
/// `static META: RuleMeta` built from that doc comment plus the facts that are not prose.
///
/// ```ignore
/// declare_rule! {
///     /// „in 2025“ for a year, where German writes „2025“ or „im Jahr 2025“.
///     ///
///     /// ## What it flags
///     /// The preposition in directly before a year …
///     ///
///     /// ## Why
///     /// „in 2025“ is an anglicism that marks a text as translated …
///     ///
///     /// ## Example
///     /// ```text
///     /// Der Cluster soll in 2026 online gehen.
///     /// ```
///     ///
///     /// ## Instead
///     /// ```text
///     /// Der Cluster soll 2026 online gehen.
///     /// ```
///     pub struct YearPreposition;
///
///     static META = {
///         id: "year-preposition",
///         category: "locale/date-format",
///         severity: Severity::Minor,
///         positives: &["Der Cluster soll in 2026 online gehen."],
///         negatives: &["Der Cluster soll im Jahr 2026 online gehen."],
///     };
/// }
///
/// impl Rule for YearPreposition {
///     fn meta(&self) -> &'static RuleMeta {
///         &META
///     }
///     fn check(&self, doc: &Document, cx: &mut Context<'_>) { /* … */ }
/// }
/// ```
///
/// The summary is the text before the first heading. Then add the module's `pub mod` line to
/// its family's `mod.rs`: `build.rs` writes [`REGISTRY`](crate::rules::REGISTRY) from those
/// lines.
macro_rules! declare_rule {
    (
        $(#[doc = $doc:literal])*
        pub struct $name:ident;

        static META = {
            id: $id:literal,
            category: $category:literal,
            severity: $severity:expr,
            positives: $positives:expr,
            negatives: $negatives:expr $(,)?
        };
    ) => {
        $(#[doc = $doc])*
        #[doc = ""]
        #[doc = concat!("Rule id `", $id, "`, MQM category `", $category, "`.")]
        pub struct $name;

        static META: $crate::rules::RuleMeta = {
            const DOC: &str = concat!($($doc, "\n"),*);
            $crate::rules::RuleMeta {
                id: $id,
                category: $category,
                severity: $severity,
                summary: $crate::rules::declare::section!(DOC, ""),
                flags: $crate::rules::declare::section!(DOC, "What it flags"),
                why: $crate::rules::declare::section!(DOC, "Why"),
                example: $crate::rules::declare::section!(DOC, "Example"),
                instead: $crate::rules::declare::section!(DOC, "Instead"),
                positives: $positives,
                negatives: $negatives,
            }
        };
    };
}
pub(crate) use declare_rule;

/// The text of section `$heading` of the doc string `$doc` (both constants), as a
/// `&'static str` computed at compile time.
macro_rules! section {
    ($doc:expr, $heading:expr) => {{
        const LEN: usize = $crate::rules::declare::join($doc, $heading, &mut []);
        const BYTES: [u8; LEN] = $crate::rules::declare::joined::<LEN>($doc, $heading);
        $crate::rules::declare::as_str(&BYTES)
    }};
}
pub(crate) use section;

/// Writes the text of section `heading` of `doc` into `out` as far as it fits and returns its
/// full length in bytes. The section with the empty heading is the text before the first
/// heading. Lines are trimmed and joined by one space; blank lines and code-fence lines are
/// dropped. Panics (at compile time, where it is used) if the section is missing or empty.
pub const fn join(doc: &str, heading: &str, out: &mut [u8]) -> usize {
    let doc = doc.as_bytes();
    let heading = heading.as_bytes();
    let mut inside = heading.is_empty();
    let mut found = inside;
    let mut len = 0;
    let mut i = 0;
    while i < doc.len() {
        let mut end = i;
        while end < doc.len() && doc[end] != b'\n' {
            end += 1;
        }
        let (start, stop) = trim(doc, i, end);
        i = end + 1;
        if starts_with(doc, start, stop, b"## ") {
            inside = equal(doc, start + 3, stop, heading);
            found |= inside;
            continue;
        }
        if !inside || start == stop || starts_with(doc, start, stop, b"```") {
            continue;
        }
        if len > 0 {
            put(out, len, b' ');
            len += 1;
        }
        let mut k = start;
        while k < stop {
            put(out, len, doc[k]);
            len += 1;
            k += 1;
        }
    }
    assert!(
        found && len > 0,
        "a rule's doc lacks a section or its summary"
    );
    len
}

/// The text of section `heading` of `doc`, `N` bytes long ([`join`] gives `N`).
pub const fn joined<const N: usize>(doc: &str, heading: &str) -> [u8; N] {
    let mut out = [0u8; N];
    let n = join(doc, heading, &mut out);
    assert!(n == N, "section length changed");
    out
}

/// `bytes` as text; they were copied from a `str` at line boundaries.
pub const fn as_str(bytes: &[u8]) -> &str {
    match core::str::from_utf8(bytes) {
        Ok(s) => s,
        Err(_) => panic!("a rule's doc section is not UTF-8"),
    }
}

/// `doc[start..end]` without leading and trailing spaces, as a range.
const fn trim(doc: &[u8], mut start: usize, mut end: usize) -> (usize, usize) {
    while start < end && doc[start].is_ascii_whitespace() {
        start += 1;
    }
    while end > start && doc[end - 1].is_ascii_whitespace() {
        end -= 1;
    }
    (start, end)
}

/// `doc[start..end]` starts with `prefix`.
const fn starts_with(doc: &[u8], start: usize, end: usize, prefix: &[u8]) -> bool {
    end - start >= prefix.len() && equal(doc, start, start + prefix.len(), prefix)
}

/// `doc[start..end]` equals `s`.
const fn equal(doc: &[u8], start: usize, end: usize, s: &[u8]) -> bool {
    if end - start != s.len() {
        return false;
    }
    let mut k = 0;
    while k < s.len() {
        if doc[start + k] != s[k] {
            return false;
        }
        k += 1;
    }
    true
}

/// Sets `out[at]` when it exists (the first pass only measures).
const fn put(out: &mut [u8], at: usize, b: u8) {
    if at < out.len() {
        out[at] = b;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const DOC: &str = concat!(
        " The summary,\n",
        " wrapped.\n",
        "\n",
        " ## What it flags\n",
        " One line\n",
        " and another.\n",
        "\n",
        " ## Example\n",
        " ```text\n",
        " Ein Beispiel.\n",
        " ```\n",
    );

    #[test]
    fn sections_are_joined_lines() {
        assert_eq!(section!(DOC, ""), "The summary, wrapped.");
        assert_eq!(section!(DOC, "What it flags"), "One line and another.");
        assert_eq!(section!(DOC, "Example"), "Ein Beispiel.");
    }

    #[test]
    fn a_missing_section_measures_nothing() {
        let r = std::panic::catch_unwind(|| join(DOC, "Why", &mut []));
        assert!(r.is_err());
    }
}
