//! Splits the view of a document into words, numbers, punctuation marks and opaque runs
//! (URLs, e-mail addresses, handles), each with its byte span and a normalised form.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::LazyLock;

use regex::Regex;
use regex_automata::meta;
use unicode_normalization::{
    char::is_combining_mark, is_nfc_quick, IsNormalized, UnicodeNormalization,
};

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    /// Letters, possibly with digits and inner apostrophes: `Taschen`, `H100`, `geht's`.
    Word,
    /// Digits with inner `.` or `,` separators: `4`, `4,4`, `10.000`, `2.5`.
    Number,
    /// One punctuation mark or symbol; a run of dots is one token.
    Punct,
    /// A URL, e-mail address, @handle or #hashtag: never checked as prose.
    Opaque,
}

/// A token of the view.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    /// Start byte in the view.
    pub start: usize,
    /// End byte in the view (exclusive).
    pub end: usize,
    /// What it is.
    pub kind: TokenKind,
    /// Whitespace stands between the previous token and this one.
    pub space_before: bool,
    /// A line break stands between the previous token and this one.
    pub newline_before: bool,
    norm_start: u32,
    norm_end: u32,
}

/// The tokens of a view with their normalised (NFC, lower-case) forms.
#[derive(Debug, Clone, Default)]
pub struct Tokens {
    /// Tokens in text order.
    pub list: Vec<Token>,
    /// The normalised forms in token order, each followed by [`NORM_SEPARATOR`].
    norms: String,
    /// [`norm_hash`] of every token's normalised form, computed once for every table that
    /// looks tokens up.
    hashes: Vec<u64>,
}

/// A fast hash (Fx, as in rustc: a rotate, xor and multiply per eight bytes) of a normalised
/// form, the key of the dictionary indexes; see [`Tokens::norm_hash`].
pub fn norm_hash(bytes: &[u8]) -> u64 {
    let add = |h: u64, w: u64| (h.rotate_left(5) ^ w).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    let mut chunks = bytes.chunks_exact(8);
    let mut h = (&mut chunks).fold(bytes.len() as u64, |h, c| {
        add(h, u64::from_le_bytes(c.try_into().expect("eight bytes")))
    });
    let rest = chunks.remainder();
    if !rest.is_empty() {
        let mut b = [0u8; 8];
        b[..rest.len()].copy_from_slice(rest);
        h = add(h, u64::from_le_bytes(b));
    }
    h
}

/// Ends every normalised form in [`Tokens::norm_stream`]. No token contains it (it is
/// whitespace), so a search over the stream never matches across two tokens.
pub const NORM_SEPARATOR: char = '\n';

impl Tokens {
    /// The NFC, lower-case form of token `i`.
    pub fn norm(&self, i: usize) -> &str {
        let t = &self.list[i];
        &self.norms[t.norm_start as usize..t.norm_end as usize]
    }

    /// All normalised forms in token order, each followed by [`NORM_SEPARATOR`]: one
    /// haystack for searching every token at once.
    pub fn norm_stream(&self) -> &str {
        &self.norms
    }

    /// [`norm_hash`] of token `i`'s normalised form.
    pub fn norm_hash(&self, i: usize) -> u64 {
        self.hashes[i]
    }

    /// The byte range of token `i`'s normalised form in [`Tokens::norm_stream`].
    pub fn norm_range(&self, i: usize) -> (usize, usize) {
        let t = &self.list[i];
        (t.norm_start as usize, t.norm_end as usize)
    }

    /// The number of tokens.
    pub fn len(&self) -> usize {
        self.list.len()
    }

    /// There are no tokens.
    pub fn is_empty(&self) -> bool {
        self.list.is_empty()
    }
}

/// URLs, e-mail addresses, handles and domains. Only the scheme and `www.` ignore case:
/// the classes are closed under case folding (checked for every code point), and leaving
/// `(?i)` off them halves the time to compile the regex, which counts in start-up.
const OPAQUE_PATTERN: &str = r#"(?i:https?://|www\.)[^\s<>"“”„«»‚‘’]+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+|(?:^|[\s(])[@#][\w_]{2,}|\b[\w-]+(?:\.[\w-]+)*\.(?:com|de|org|net|io|ai|at|ch|eu|co|uk|info|gov|edu|app|dev|tv|fm|me|ly|gg)\b(?:/[^\s<>"“”„«»]*)?"#;

/// [`OPAQUE_PATTERN`] with ASCII word classes and boundaries, for the chunks that are all
/// ASCII (almost every URL, address and handle). On an ASCII haystack `\w` and `\b` mean the
/// same in both modes, so it finds exactly what the Unicode regexes find there; and without
/// Unicode's classes it compiles fast and its lazy DFA's states are cheap to build (with them,
/// each state cost about 100,000 instructions: 5% of a check of 1 MB of news).
static OPAQUE_ASCII: LazyLock<Regex> = LazyLock::new(|| {
    let ascii = OPAQUE_PATTERN
        .replace(r"\w", "0-9A-Za-z_")
        .replace(r"\b", r"(?-u:\b)")
        .replace("[0-9A-Za-z__]", "[0-9A-Za-z_]");
    Regex::new(&ascii).expect("valid regex")
});

/// The chunks beyond ASCII [`OPAQUE`] searches are a word or two (`#Bürgergeld`, `ä.de`),
/// and a text holds few of them: the regex for them has no lazy DFA, whose states (built per
/// thread, over classes as large as Unicode's `\w`) cost more to build than a few hundred
/// such chunks cost to search with the bounded backtracker, and whose reverse NFA doubles
/// the time to compile, which counts at start-up. Long chunks (a long URL, a text without
/// spaces), and every chunk once a process has searched [`WARM_UP`] of them (a text full of
/// links), are searched with [`OPAQUE_LONG`]. Both find the same matches.
static OPAQUE: LazyLock<meta::Regex> = LazyLock::new(|| {
    let config = meta::Config::new().hybrid(false).dfa(false).onepass(false);
    meta::Regex::builder()
        .configure(config)
        .build(OPAQUE_PATTERN)
        .expect("valid regex")
});

/// [`OPAQUE`] with the lazy DFA: linear in the chunk with a small constant, and faster per
/// chunk once its states are built.
static OPAQUE_LONG: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(OPAQUE_PATTERN).expect("valid regex"));

/// The longest chunk searched with [`OPAQUE`] (bytes).
const SHORT_CHUNK: usize = 64;

/// The chunks a process searches with [`OPAQUE`] before it switches to [`OPAQUE_LONG`]: about
/// where building the lazy DFA has paid for itself (a few milliseconds).
const WARM_UP: usize = 4096;

/// The chunks searched with [`OPAQUE`] so far.
static SHORT_SEARCHES: AtomicUsize = AtomicUsize::new(0);

/// The matches of the opaque-run regex in `chunk`, as byte ranges.
fn opaque_matches(chunk: &str) -> Vec<(usize, usize)> {
    if chunk.is_ascii() {
        OPAQUE_ASCII
            .find_iter(chunk)
            .map(|m| (m.start(), m.end()))
            .collect()
    } else if chunk.len() <= SHORT_CHUNK && SHORT_SEARCHES.fetch_add(1, Ordering::Relaxed) < WARM_UP
    {
        OPAQUE
            .find_iter(chunk)
            .map(|m| (m.start(), m.end()))
            .collect()
    } else {
        OPAQUE_LONG
            .find_iter(chunk)
            .map(|m| (m.start(), m.end()))
            .collect()
    }
}

/// The opaque runs of `text`: URLs, e-mail addresses, handles, domains.
///
/// No match of [`OPAQUE`] contains whitespace (the handle alternative may start with one
/// whitespace character, which is trimmed), and every match contains `@`, `#`, `://`, or a
/// dot followed by a lower-case ASCII letter (`.de`) or preceded by `www`. So instead of
/// running the regex over the whole text (Unicode word boundaries keep it off the fast
/// DFA on German text) it runs only on the whitespace-delimited chunks holding such a
/// trigger. At a chunk start `^` stands in for the whitespace before it.
fn opaque_spans(text: &str) -> Vec<(usize, usize)> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let find_mark =
        |from: usize| memchr::memchr3(b'@', b'#', b':', &bytes[from..]).map(|i| from + i);
    let find_dot = |from: usize| memchr::memchr(b'.', &bytes[from..]).map(|i| from + i);
    let (mut next_mark, mut next_dot) = (find_mark(0), find_dot(0));
    let mut from = 0;
    loop {
        if next_mark.is_some_and(|m| m < from) {
            next_mark = find_mark(from);
        }
        if next_dot.is_some_and(|d| d < from) {
            next_dot = find_dot(from);
        }
        let Some(at) = next_mark.into_iter().chain(next_dot).min() else {
            break;
        };
        let trigger = match bytes[at] {
            b':' => bytes[at + 1..].starts_with(b"//"),
            b'.' => {
                bytes.get(at + 1).is_some_and(u8::is_ascii_lowercase)
                    || (at >= 3 && bytes[at - 3..at].eq_ignore_ascii_case(b"www"))
            }
            _ => true,
        };
        if !trigger {
            from = at + 1;
            continue;
        }
        let start = text[..at]
            .char_indices()
            .rev()
            .find(|&(_, c)| c.is_whitespace())
            .map_or(0, |(i, c)| i + c.len_utf8());
        let end = text[at..]
            .char_indices()
            .find(|&(_, c)| c.is_whitespace())
            .map_or(text.len(), |(i, _)| at + i);
        let chunk = &text[start..end];
        for (m_start, m_end) in opaque_matches(chunk) {
            let mut s = m_start;
            let cb = chunk.as_bytes();
            // the handle alternative may include the preceding bracket
            while s < m_end && (cb[s].is_ascii_whitespace() || cb[s] == b'(') {
                s += 1;
            }
            let trimmed = chunk[s..m_end].trim_end_matches(['.', ',', ';', ':', '!', '?', ')']);
            let nbsp_handle = m_start == 0
                && matches!(cb[0], b'@' | b'#')
                && text[..start]
                    .chars()
                    .next_back()
                    .is_some_and(|c| !c.is_ascii());
            if !trimmed.is_empty() && !nbsp_handle {
                out.push((start + s, start + s + trimmed.len()));
            }
        }
        from = end;
    }
    out
}

fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    c.is_alphanumeric() || is_combining_mark(c) || c == '\u{AD}'
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’')
}

/// The character at byte `i` of `text` (a character boundary), ASCII without decoding.
fn char_at(text: &str, i: usize) -> Option<char> {
    match text.as_bytes().get(i) {
        Some(&b) if b < 0x80 => Some(char::from(b)),
        Some(_) => text[i..].chars().next(),
        None => None,
    }
}

/// Tokenizes `text`.
pub fn tokenize(text: &str) -> Tokens {
    let opaque = opaque_spans(text);
    let mut next_opaque = 0;
    let mut out = Tokens {
        list: Vec::with_capacity(text.len() / 5),
        norms: String::with_capacity(text.len() + text.len() / 5),
        hashes: Vec::with_capacity(text.len() / 5),
    };
    let mut space_before = true;
    let mut newline_before = true;
    let mut i = 0;
    while let Some(c) = char_at(text, i) {
        if c.is_whitespace() {
            space_before = true;
            newline_before |= c == '\n';
            i += c.len_utf8();
            continue;
        }
        while opaque.get(next_opaque).is_some_and(|&(_, e)| e <= i) {
            next_opaque += 1;
        }
        let (end, kind) = match opaque.get(next_opaque) {
            Some(&(s, e)) if s == i => (e, TokenKind::Opaque),
            _ if is_word_char(c) => word_end(text, i),
            _ if c == '.' => {
                let run = text[i..].bytes().take_while(|&b| b == b'.').count();
                (i + run, TokenKind::Punct)
            }
            _ => (i + c.len_utf8(), TokenKind::Punct),
        };
        let norm_start = out.norms.len() as u32;
        push_norm(&mut out.norms, &text[i..end]);
        let norm_end = out.norms.len() as u32;
        out.hashes
            .push(norm_hash(&out.norms.as_bytes()[norm_start as usize..]));
        out.norms.push(NORM_SEPARATOR);
        out.list.push(Token {
            start: i,
            end,
            kind,
            space_before,
            newline_before,
            norm_start,
            norm_end,
        });
        space_before = false;
        newline_before = false;
        i = end;
    }
    out
}

/// The end of the word or number starting at `start`, and which of the two it is.
fn word_end(text: &str, start: usize) -> (usize, TokenKind) {
    let mut end = start;
    let mut all_digits = true;
    while let Some(c) = char_at(text, end) {
        if is_word_char(c) {
            all_digits &= c.is_ascii_digit();
            end += c.len_utf8();
            continue;
        }
        let next = char_at(text, end + c.len_utf8());
        if is_apostrophe(c) && next.is_some_and(char::is_alphabetic) {
            end += c.len_utf8();
            continue;
        }
        if (c == '.' || c == ',') && all_digits && next.is_some_and(|n| n.is_ascii_digit()) {
            end += 1;
            continue;
        }
        break;
    }
    let kind = if all_digits {
        TokenKind::Number
    } else {
        TokenKind::Word
    };
    (end, kind)
}

fn push_norm(out: &mut String, s: &str) {
    if s.is_ascii() {
        let from = out.len();
        out.push_str(s);
        out[from..].make_ascii_lowercase();
        return;
    }
    // a string of characters below U+0300 (Latin-1, Latin Extended, the spacing modifiers:
    // every German word) is in NFC: combining marks and every other character NFC changes or
    // composes start at U+0300, whose UTF-8 lead byte is 0xCC
    let nfc = s.bytes().all(|b| b < 0xCC) || is_nfc_quick(s.chars()) == IsNormalized::Yes;
    let push = |out: &mut String, c: char| match c {
        // the letters of German words, without a look-up in the Unicode case tables
        'a'..='z' | 'ä' | 'ö' | 'ü' | 'ß' => out.push(c),
        'A'..='Z' => out.push(c.to_ascii_lowercase()),
        'Ä' => out.push('ä'),
        'Ö' => out.push('ö'),
        'Ü' => out.push('ü'),
        '\u{AD}' => {}
        _ => out.extend(c.to_lowercase()),
    };
    if nfc {
        s.chars().for_each(|c| push(out, c));
    } else {
        s.nfc().for_each(|c| push(out, c));
    }
}

/// The NFC, lower-case form of a string, as tokens are normalised.
pub fn normalise(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    push_norm(&mut out, s);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(s: &str) -> Vec<&str> {
        tokenize(s)
            .list
            .iter()
            .map(|t| &s[t.start..t.end])
            .collect()
    }

    #[test]
    fn splits_words_numbers_and_hyphens() {
        assert_eq!(
            texts("Lama 4-Modells, 4,4 Milliarden; 10.000 H100 geht's."),
            [
                "Lama",
                "4",
                "-",
                "Modells",
                ",",
                "4,4",
                "Milliarden",
                ";",
                "10.000",
                "H100",
                "geht's",
                "."
            ]
        );
    }

    #[test]
    fn urls_are_one_opaque_token() {
        let s = "Siehe https://example.com/a?b=1. Mail an info@example.de oder @meta.";
        let toks = tokenize(s);
        let kinds: Vec<_> = toks
            .list
            .iter()
            .map(|t| (&s[t.start..t.end], t.kind))
            .collect();
        assert!(kinds.contains(&("https://example.com/a?b=1", TokenKind::Opaque)));
        assert!(kinds.contains(&("info@example.de", TokenKind::Opaque)));
        assert!(kinds.contains(&("@meta", TokenKind::Opaque)));
        let s = "Auf github.com und Bild.de. Der Satz endet.De";
        let toks = tokenize(s);
        let opaque: Vec<_> = toks
            .list
            .iter()
            .filter(|t| t.kind == TokenKind::Opaque)
            .map(|t| &s[t.start..t.end])
            .collect();
        assert_eq!(opaque, ["github.com", "Bild.de"]);
    }

    #[test]
    fn short_and_long_chunk_regexes_agree() {
        let chunks = [
            "d.h.",
            "Kettner:",
            "(@openai",
            "#PRS_ORG#",
            "https://www.example.com/pfad?x=1",
            "mail.an@heise-online.de,",
            "WWW.Bild.De/x",
            "ä.de",
        ];
        for chunk in chunks {
            let long = format!("{chunk}{}{chunk}", "x.".repeat(SHORT_CHUNK));
            for text in [chunk, long.as_str()] {
                let short: Vec<_> = OPAQUE.find_iter(text).map(|m| m.range()).collect();
                let long: Vec<_> = OPAQUE_LONG.find_iter(text).map(|m| m.range()).collect();
                assert_eq!(short, long, "{text}");
            }
        }
    }

    /// The opaque runs as found before the chunk prefilter: the regex (with `(?i)` on the
    /// whole pattern) over the whole text. A handle after a non-ASCII space came out starting
    /// at that space and was never used by the tokenizer, so it is left out here too.
    fn opaque_spans_whole_text(text: &str) -> Vec<(usize, usize)> {
        static WHOLE: LazyLock<Regex> = LazyLock::new(|| {
            Regex::new(
                r#"(?i)(?:https?://|www\.)[^\s<>"“”„«»‚‘’]+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+|(?:^|[\s(])[@#][\w_]{2,}|\b[\w-]+(?:\.[\w-]+)*\.(?-i:com|de|org|net|io|ai|at|ch|eu|co|uk|info|gov|edu|app|dev|tv|fm|me|ly|gg)\b(?:/[^\s<>"“”„«»]*)?"#,
            )
            .unwrap()
        });
        WHOLE
            .find_iter(text)
            .map(|m| {
                let mut s = m.start();
                let bytes = text.as_bytes();
                while s < m.end() && (bytes[s].is_ascii_whitespace() || bytes[s] == b'(') {
                    s += 1;
                }
                let trimmed =
                    text[s..m.end()].trim_end_matches(['.', ',', ';', ':', '!', '?', ')']);
                (s, s + trimmed.len())
            })
            .filter(|&(s, e)| e > s && !text[s..].starts_with(char::is_whitespace))
            .collect()
    }

    #[test]
    fn every_character_below_u0300_is_nfc_and_a_starter() {
        // what the byte test of `push_norm` relies on
        for c in '\0'..'\u{300}' {
            assert_eq!(is_nfc_quick(std::iter::once(c)), IsNormalized::Yes, "{c:?}");
            assert_eq!(
                unicode_normalization::char::canonical_combining_class(c),
                0,
                "{c:?}"
            );
        }
        assert!("ü".bytes().all(|b| b < 0xCC) && !"e\u{301}".bytes().all(|b| b < 0xCC));
    }

    use proptest::strategy::Strategy as _;

    proptest::proptest! {
        #[test]
        fn chunked_opaque_search_finds_what_the_whole_text_search_found(
            pieces in proptest::collection::vec(
                proptest::prop_oneof![
                    proptest::sample::select(vec![
                        "www.", "WWW.", "http://", "HTTPS://", "://", "@", "#", "(", ")", ".", ",",
                        "de", "com", "x", "Bild", "a_b", "-", "+", ":", "/", "?", "„", "“", "»",
                        " ", " ", "\u{A0}", "\u{2009}", "\n", "ä", "ß", "1", "10.000", ".De",
                    ]).prop_map(str::to_string),
                    "\\PC{0,3}",
                ],
                0..40,
            )
        ) {
            let text = pieces.concat();
            proptest::prop_assert_eq!(opaque_spans(&text), opaque_spans_whole_text(&text));
        }

        #[test]
        fn the_ascii_regex_matches_what_the_unicode_one_does_on_ascii(
            text in "([a-zA-Z0-9_.+@#:/() -]|www\\.|https?://|\\.de|\\.com){0,30}"
        ) {
            let spans = |r: &Regex| r.find_iter(&text).map(|m| m.range()).collect::<Vec<_>>();
            proptest::prop_assert_eq!(spans(&OPAQUE_ASCII), spans(&OPAQUE_LONG));
        }
    }

    /// The tokenizer as it was before its ASCII fast paths, for comparison.
    mod reference {
        use super::super::*;

        fn is_word_char(c: char) -> bool {
            c.is_alphanumeric() || is_combining_mark(c) || c == '\u{AD}'
        }

        fn is_apostrophe(c: char) -> bool {
            matches!(c, '\'' | '’')
        }

        /// Tokenizes `text`.
        pub(super) fn tokenize(text: &str) -> Tokens {
            let opaque = opaque_spans(text);
            let mut next_opaque = opaque.iter().peekable();
            let mut out = Tokens {
                list: Vec::with_capacity(text.len() / 5),
                norms: String::with_capacity(text.len()),
                hashes: Vec::new(),
            };
            let mut space_before = true;
            let mut newline_before = true;
            let mut chars = text.char_indices().peekable();
            while let Some(&(i, c)) = chars.peek() {
                if c.is_whitespace() {
                    space_before = true;
                    newline_before |= c == '\n';
                    chars.next();
                    continue;
                }
                while next_opaque.peek().is_some_and(|&&(_, e)| e <= i) {
                    next_opaque.next();
                }
                let (end, kind) =
                    if let Some(&&(s, e)) = next_opaque.peek().filter(|&&&(s, _)| s == i) {
                        debug_assert_eq!(s, i);
                        (e, TokenKind::Opaque)
                    } else if is_word_char(c) {
                        word_end(text, i)
                    } else if c == '.' {
                        let run = text[i..].bytes().take_while(|&b| b == b'.').count();
                        (i + run, TokenKind::Punct)
                    } else {
                        (i + c.len_utf8(), TokenKind::Punct)
                    };
                while chars.peek().is_some_and(|&(j, _)| j < end) {
                    chars.next();
                }
                let norm_start = out.norms.len() as u32;
                push_norm(&mut out.norms, &text[i..end]);
                let norm_end = out.norms.len() as u32;
                out.norms.push(NORM_SEPARATOR);
                out.list.push(Token {
                    start: i,
                    end,
                    kind,
                    space_before,
                    newline_before,
                    norm_start,
                    norm_end,
                });
                space_before = false;
                newline_before = false;
            }
            out
        }

        /// The end of the word or number starting at `start`, and which of the two it is.
        fn word_end(text: &str, start: usize) -> (usize, TokenKind) {
            let mut end = start;
            let mut all_digits = true;
            let mut iter = text[start..].char_indices().peekable();
            while let Some((off, c)) = iter.next() {
                let at = start + off;
                if is_word_char(c) {
                    all_digits &= c.is_ascii_digit();
                    end = at + c.len_utf8();
                    continue;
                }
                let next = iter.peek().map(|&(_, n)| n);
                if is_apostrophe(c) && next.is_some_and(char::is_alphabetic) && end == at {
                    end = at + c.len_utf8();
                    continue;
                }
                if (c == '.' || c == ',')
                    && all_digits
                    && end == at
                    && next.is_some_and(|n| n.is_ascii_digit())
                {
                    end = at + 1;
                    continue;
                }
                break;
            }
            let kind = if all_digits {
                TokenKind::Number
            } else {
                TokenKind::Word
            };
            (end, kind)
        }

        fn push_norm(out: &mut String, s: &str) {
            if s.is_ascii() {
                out.extend(s.chars().map(|c| c.to_ascii_lowercase()));
                return;
            }
            let nfc = is_nfc_quick(s.chars()) == IsNormalized::Yes;
            let push = |out: &mut String, c: char| {
                if c != '\u{AD}' {
                    out.extend(c.to_lowercase());
                }
            };
            if nfc {
                s.chars().for_each(|c| push(out, c));
            } else {
                s.nfc().for_each(|c| push(out, c));
            }
        }
    }

    proptest::proptest! {
        #[test]
        fn fast_paths_tokenize_as_before(
            pieces in proptest::collection::vec(
                proptest::prop_oneof![
                    proptest::sample::select(vec![
                        "Haus", "STRASSE", "Straße", "e\u{301}", "\u{AD}", "geht's", "geht’s", "'",
                        "’", "10.000", "4,4", "3.", ",", ".", "...", "…", "-", " ", "\n", "\r\n",
                        "\t", "\u{A0}", "\u{2009}", "„", "“", "H100", "x.de", "@a_b", "ǅ", "İ",
                        "\u{FEFF}", "🙂", "٣", "Ⅻ",
                    ]).prop_map(str::to_string),
                    "\\PC{0,4}",
                ],
                0..40,
            )
        ) {
            let text = pieces.concat();
            let (new, old) = (tokenize(&text), reference::tokenize(&text));
            proptest::prop_assert_eq!(&new.list, &old.list);
            proptest::prop_assert_eq!(new.norms, old.norms);
        }
    }

    #[test]
    fn norms_are_nfc_lowercase() {
        let s = "U\u{308}BER Straße";
        let toks = tokenize(s);
        assert_eq!(toks.norm(0), "über");
        assert_eq!(toks.norm(1), "straße");
    }

    #[test]
    fn dots_run_is_one_token() {
        assert_eq!(texts("Nun... ja"), ["Nun", "...", "ja"]);
    }
}
