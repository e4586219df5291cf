//! Text shown on a terminal: control characters from files and file names are made visible
//! instead of being obeyed. An ESC sequence in an article could otherwise set the window
//! title, forge a link, clear the screen, and a carriage return, a backspace or a line break
//! in a file name could forge a report line. The one escaping function every terminal
//! writer uses (the text report, the summary, error and warning messages); machine formats
//! (JSON, CSV, SARIF, HTML) escape by their own rules.

use std::borrow::Cow;
use std::fmt::Write as _;

/// The character is shown escaped: C0 controls except tab, DEL, and C1 controls (U+0080 to
/// U+009F, among them U+009B, the one-character CSI).
pub fn is_unsafe(c: char) -> bool {
    (c.is_control() && c != '\t') || matches!(c, '\u{2028}' | '\u{2029}')
}

/// How an unsafe character is shown: `\n`, `\r`, `\e` (ESC), `\x08`, `\u{9b}`.
pub fn escape_char(c: char, out: &mut String) {
    match c {
        '\n' => out.push_str("\\n"),
        '\r' => out.push_str("\\r"),
        '\u{1b}' => out.push_str("\\e"),
        c if (c as u32) < 0x80 => {
            let _ = write!(out, "\\x{:02x}", c as u32);
        }
        c => {
            let _ = write!(out, "\\u{{{:x}}}", c as u32);
        }
    }
}

/// `s` with every control character but tab made visible (see [`escape_char`]); borrowed
/// when there is none, which is the usual case.
pub fn escape(s: &str) -> Cow<'_, str> {
    if !s.chars().any(is_unsafe) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        if is_unsafe(c) {
            escape_char(c, &mut out);
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::escape;

    #[test]
    fn controls_are_made_visible() {
        assert_eq!(escape("Straße\tganz normal"), "Straße\tganz normal");
        assert_eq!(
            escape("a\u{1b}]0;owned\u{7}b\u{1b}[2J"),
            "a\\e]0;owned\\x07b\\e[2J"
        );
        assert_eq!(escape("x\u{9b}31mrot"), "x\\u{9b}31mrot");
        assert_eq!(
            escape("name\nfake.txt:1:1: critical"),
            "name\\nfake.txt:1:1: critical"
        );
        assert_eq!(escape("a\rb\u{8}c\u{7f}"), "a\\rb\\x08c\\x7f");
    }
}
