//! Markdown: the prose of paragraphs, headings, list items, quotes and tables. Code blocks,
//! inline code, HTML and link targets are skipped; offsets point into the Markdown source.

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

use super::{ignore_comments, IgnoreMark};
use crate::text::offsets::{OffsetMap, ViewBuilder};

/// The prose view of Markdown `src`, starting at byte `from` (after a BOM), and the
/// `mtcheck-ignore` comments of its HTML blocks (at the view offset where they stood).
pub fn view(src: &str, from: usize) -> (String, OffsetMap, Vec<IgnoreMark>) {
    let body = &src[from..];
    let mut b = ViewBuilder::new();
    let mut in_code = 0usize;
    let mut marks = Vec::new();
    let mut html_block = String::new();
    let parser = Parser::new_ext(body, Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH);
    for (event, range) in parser.into_offset_iter() {
        let (s, e) = (range.start + from, range.end + from);
        match event {
            Event::Start(Tag::CodeBlock(_)) => in_code += 1,
            Event::End(TagEnd::CodeBlock) => {
                in_code = in_code.saturating_sub(1);
                b.inserted("\n\n", e);
            }
            Event::Text(t) if in_code == 0 => {
                if src.get(s..e) == Some(&*t) {
                    b.verbatim(&t, s);
                } else {
                    b.replaced(&t, s, e);
                }
            }
            Event::Start(Tag::HtmlBlock) => html_block.clear(),
            Event::Html(t) => html_block.push_str(&t),
            Event::End(TagEnd::HtmlBlock) => {
                let at = b.as_str().len();
                marks.extend(ignore_comments(&html_block).map(|rules| IgnoreMark { at, rules }));
            }
            Event::Code(_) | Event::InlineHtml(_) | Event::InlineMath(_) => b.inserted(" ", s),
            Event::SoftBreak => b.inserted("\n", s),
            Event::HardBreak => b.inserted("\n", s),
            Event::End(
                TagEnd::Paragraph
                | TagEnd::Heading(_)
                | TagEnd::Item
                | TagEnd::BlockQuote(_)
                | TagEnd::TableCell
                | TagEnd::TableHead
                | TagEnd::TableRow,
            ) => b.inserted("\n\n", e),
            _ => {}
        }
    }
    let (view, map) = b.finish();
    (view, map, marks)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn skips_code_and_keeps_offsets() {
        let src = "# Titel\n\nDer `code` Text mit [Link](https://x.de).\n\n```\nlet x = 1;\n```\n\nEnde &amp; aus.\n";
        let (v, map, _) = view(src, 0);
        assert!(v.contains("Titel"));
        assert!(!v.contains("code"));
        assert!(!v.contains("let x"));
        assert!(!v.contains("https"));
        let at = v.find("Link").unwrap();
        let o = map.start(at);
        assert_eq!(&src[o..o + 4], "Link");
        let amp = v.find('&').unwrap();
        let (s, e) = (map.start(amp), map.end(amp + 1));
        assert_eq!(&src[s..e], "&amp;");
    }

    #[test]
    fn ignore_comments_of_html_blocks_are_marked() {
        let src = "Eins.\n\n<!-- mtcheck-ignore anglicism, literal-idiom -->\nZwei.\n\n<!-- anders -->\n\nDrei.\n";
        let (v, _, marks) = view(src, 0);
        assert_eq!(marks.len(), 1);
        assert_eq!(marks[0].rules, ["anglicism", "literal-idiom"]);
        assert!(v[marks[0].at..].trim_start().starts_with("Zwei."));
    }
}
