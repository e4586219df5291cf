//! HTML: text nodes only. Tags and comments are dropped, the content of script, style, code,
//! pre and similar elements is skipped, block elements end a paragraph, and character
//! references are decoded while offsets still point at the reference in the file.

use std::sync::LazyLock;

use regex::Regex;

use super::{ignore_comments, IgnoreMark};
use crate::text::offsets::{OffsetMap, ViewBuilder};

const SKIPPED: &[&str] = &[
    "script", "style", "code", "pre", "noscript", "template", "textarea", "svg", "math", "kbd",
    "samp",
];

const BLOCKS: &[&str] = &[
    "p",
    "div",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "ul",
    "ol",
    "dl",
    "dt",
    "dd",
    "tr",
    "td",
    "th",
    "table",
    "section",
    "article",
    "header",
    "footer",
    "aside",
    "nav",
    "main",
    "blockquote",
    "figure",
    "figcaption",
    "title",
    "body",
    "head",
    "html",
    "hr",
    "caption",
    "details",
    "summary",
];

static ENTITY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
        .expect("valid regex")
});

/// The text view of HTML `src`, starting at byte `from` (after a BOM), and its
/// `mtcheck-ignore` comments (at the view offset where they stood).
pub fn view(src: &str, from: usize) -> (String, OffsetMap, Vec<IgnoreMark>) {
    let mut b = ViewBuilder::new();
    let mut marks = Vec::new();
    let bytes = src.as_bytes();
    let mut pos = from;
    while pos < src.len() {
        let Some(lt) = src[pos..].find('<').map(|i| i + pos) else {
            text(&mut b, src, pos, src.len());
            break;
        };
        text(&mut b, src, pos, lt);
        let rest = &src[lt..];
        if rest.starts_with("<!--") {
            pos = rest.find("-->").map_or(src.len(), |i| lt + i + 3);
            let at = b.as_str().len();
            marks.extend(ignore_comments(&src[lt..pos]).map(|rules| IgnoreMark { at, rules }));
            continue;
        }
        if rest.starts_with("<!") || rest.starts_with("<?") {
            pos = rest.find('>').map_or(src.len(), |i| lt + i + 1);
            continue;
        }
        let closing = rest.as_bytes().get(1) == Some(&b'/');
        let name_start = lt + 1 + usize::from(closing);
        let name_len = bytes[name_start.min(bytes.len())..]
            .iter()
            .take_while(|c| c.is_ascii_alphanumeric())
            .count();
        if name_len == 0 || !bytes[name_start].is_ascii_alphabetic() {
            // a bare `<` in text
            b.verbatim("<", lt);
            pos = lt + 1;
            continue;
        }
        let name = src[name_start..name_start + name_len].to_ascii_lowercase();
        let tag_end = tag_end(src, name_start + name_len);
        let self_closing = src[..tag_end].ends_with("/>");
        pos = tag_end;
        if !closing && !self_closing && SKIPPED.contains(&name.as_str()) {
            pos = find_close(src, tag_end, &name);
            b.inserted(" ", lt);
            continue;
        }
        if name == "br" {
            b.inserted("\n", lt);
        } else if BLOCKS.contains(&name.as_str()) {
            b.inserted("\n\n", lt);
        }
    }
    let (view, map) = b.finish();
    (view, map, marks)
}

/// The byte after the `>` that closes a tag, honouring quoted attribute values.
fn tag_end(src: &str, from: usize) -> usize {
    let mut quote = None;
    for (i, c) in src[from..].char_indices() {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (Some(_), _) => {}
            (None, '"' | '\'') => quote = Some(c),
            (None, '>') => return from + i + 1,
            _ => {}
        }
    }
    src.len()
}

/// The byte after `</name ...>` (the name in any case), or the end of the file. Only the
/// bytes up to the closing tag are looked at (the rest of the file used to be lower-cased
/// for every skipped element: quadratic in a page of many `<code>` elements).
fn find_close(src: &str, from: usize, name: &str) -> usize {
    let bytes = src.as_bytes();
    let name = name.as_bytes();
    memchr::memmem::find_iter(&bytes[from..], b"</")
        .map(|i| from + i + 2)
        .find(|&at| {
            bytes
                .get(at..at + name.len())
                .is_some_and(|n| n.eq_ignore_ascii_case(name))
        })
        .map_or(src.len(), |at| tag_end(src, at + name.len()))
}

fn text(b: &mut ViewBuilder, src: &str, start: usize, end: usize) {
    let mut pos = start;
    for m in ENTITY.find_iter(&src[start..end]) {
        let (s, e) = (start + m.start(), start + m.end());
        b.verbatim(&src[pos..s], pos);
        let decoded = html_escape::decode_html_entities(m.as_str());
        if decoded == m.as_str() {
            b.verbatim(m.as_str(), s);
        } else {
            b.replaced(&decoded, s, e);
        }
        pos = e;
    }
    b.verbatim(&src[pos..end], pos);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_nodes_only() {
        let src = "<html><head><style>p{}</style><script>var a = \"<p>\";</script></head>\
                   <body><p>Er sagte &bdquo;Ja&ldquo; &amp; ging.</p><pre>Code hier</pre><p>Zwei</p></body></html>";
        let (v, map, _) = view(src, 0);
        assert!(v.contains("Er sagte „Ja“ & ging."));
        assert!(!v.contains("var a"));
        assert!(!v.contains("Code hier"));
        assert!(v.contains("Zwei"));
        let q = v.find('„').unwrap();
        assert_eq!(&src[map.start(q)..map.end(q + '„'.len_utf8())], "&bdquo;");
    }

    #[test]
    fn skipped_elements_close_in_any_case() {
        let (v, _, _) = view("<p>A <CODE>x</Code> B <pre>y</PRE> C <kbd>z", 0);
        assert_eq!(v.split_whitespace().collect::<Vec<_>>(), ["A", "B", "C"]);
        // many skipped elements: each closing tag is found without reading the rest
        let page = format!("<p>{}</p>", "Text <code>q</code> ".repeat(20_000));
        let (v, _, _) = view(&page, 0);
        assert_eq!(v.matches("Text").count(), 20_000);
        assert!(!v.contains('q'));
    }

    #[test]
    fn bare_less_than_is_text() {
        let (v, _, _) = view("a < b", 0);
        assert_eq!(v, "a < b");
    }

    #[test]
    fn ignore_comments_are_marked() {
        let src =
            "<p>Eins.</p><!--mtcheck-ignore--><p>Zwei.</p><!-- mtcheck-ignored x --><p>Drei.</p>";
        let (v, _, marks) = view(src, 0);
        assert_eq!(marks.len(), 1);
        assert!(marks[0].rules.is_empty());
        assert!(v[marks[0].at..].trim_start().starts_with("Zwei."));
    }
}
