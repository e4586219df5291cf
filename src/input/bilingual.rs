//! Bilingual inputs: a target file aligned with a separate source file (`--source`), and files
//! that hold both sides (JSON Lines, TSV/CSV, XLIFF 1.2/2.0, TMX). Each builds a view of the
//! German targets (units separated by blank lines) whose offsets point into the file, and the
//! list of units that gives every segment its English source.

use quick_xml::events::{BytesEnd, BytesStart, Event};
use quick_xml::Reader;

use crate::document::{Document, Unit};
use crate::error::InputError;
use crate::text::offsets::ViewBuilder;
use crate::text::segment::SegmentMode;

/// A separate source file for a target file.
#[derive(Debug, Clone, Copy)]
pub struct SourceFile<'a> {
    /// The target file's name, for messages.
    pub target_name: &'a str,
    /// The source file's name, for messages.
    pub name: &'a str,
    /// The decoded source text.
    pub text: &'a str,
}

fn malformed(line: usize, message: impl Into<String>) -> InputError {
    InputError::Malformed {
        line,
        message: message.into(),
    }
}

/// Ranges of the units of `text`: lines (a final newline ends the last line, it does not open
/// another) or paragraphs (runs of non-blank lines).
fn unit_ranges(text: &str, mode: SegmentMode) -> Vec<(usize, usize)> {
    let mut lines = Vec::new();
    let mut start = 0;
    for (i, b) in text.bytes().enumerate() {
        if b == b'\n' {
            lines.push((start, i));
            start = i + 1;
        }
    }
    if start < text.len() {
        lines.push((start, text.len()));
    }
    let lines = lines.into_iter().map(|(s, e)| {
        let e = if text[s..e].ends_with('\r') { e - 1 } else { e };
        (s, e)
    });
    match mode {
        SegmentMode::Lines => lines.collect(),
        SegmentMode::Paragraphs => {
            let mut out: Vec<(usize, usize)> = Vec::new();
            let mut open = false;
            for (s, e) in lines {
                if text[s..e].trim().is_empty() {
                    open = false;
                } else if open {
                    if let Some(last) = out.last_mut() {
                        last.1 = e;
                    }
                } else {
                    out.push((s, e));
                    open = true;
                }
            }
            out
        }
    }
}

/// Aligns `doc` (a plain, Markdown or HTML target) with a separate source file, unit by unit.
pub fn align(doc: Document, source: &SourceFile<'_>) -> Result<Document, InputError> {
    let what = match doc.mode {
        SegmentMode::Lines => "lines",
        SegmentMode::Paragraphs => "paragraphs",
    };
    let targets = unit_ranges(&doc.view, doc.mode);
    let sources = unit_ranges(source.text.trim_start_matches('\u{FEFF}'), doc.mode);
    if targets.len() != sources.len() {
        return Err(InputError::Misaligned {
            target: source.target_name.to_string(),
            target_count: targets.len(),
            source_file: source.name.to_string(),
            source_count: sources.len(),
            unit: what,
        });
    }
    let text = source.text.trim_start_matches('\u{FEFF}');
    let units: Vec<Unit> = targets
        .iter()
        .zip(&sources)
        .map(|(&(s, e), &(ss, se))| Unit {
            start: s,
            end: e,
            source: text[ss..se].to_string(),
        })
        .collect();
    Ok(doc.with_units(&units))
}

/// Collects target pieces and source text of units into one view.
#[derive(Default)]
struct Units {
    view: ViewBuilder,
    units: Vec<Unit>,
    open: Option<usize>,
}

impl Units {
    /// Starts a unit's target at original byte `at`.
    fn begin(&mut self, at: usize) {
        if !self.units.is_empty() || !self.view.as_str().is_empty() {
            self.view.inserted("\n\n", at);
        }
        self.open = Some(self.view.as_str().len());
    }

    /// Ends the unit begun last, with its source.
    fn end(&mut self, source: String) {
        let start = self.open.take().unwrap_or(self.view.as_str().len());
        self.units.push(Unit {
            start,
            end: self.view.as_str().len(),
            source,
        });
    }

    fn finish(self, original: String, bom: usize, mode: SegmentMode) -> Document {
        let _ = bom;
        let (view, map) = self.view.finish();
        Document::from_view(original, view, map, mode).with_units(&self.units)
    }
}

/// Decodes the JSON string whose opening quote is at `at` in `line` (which starts at file byte
/// `base`); pushes its pieces into `b` when given. Returns the decoded text and the byte after
/// the closing quote.
fn json_string(
    line: &str,
    at: usize,
    base: usize,
    mut b: Option<&mut ViewBuilder>,
) -> Option<(String, usize)> {
    let bytes = line.as_bytes();
    if bytes.get(at) != Some(&b'"') {
        return None;
    }
    let mut out = String::new();
    let mut i = at + 1;
    let mut run = i;
    loop {
        match *bytes.get(i)? {
            b'"' => {
                if let Some(b) = b.as_deref_mut() {
                    b.verbatim(&line[run..i], base + run);
                }
                out.push_str(&line[run..i]);
                return Some((out, i + 1));
            }
            b'\\' => {
                if let Some(b) = b.as_deref_mut() {
                    b.verbatim(&line[run..i], base + run);
                }
                out.push_str(&line[run..i]);
                let (c, len) = match *bytes.get(i + 1)? {
                    b'"' => ('"', 2),
                    b'\\' => ('\\', 2),
                    b'/' => ('/', 2),
                    b'b' => ('\u{8}', 2),
                    b'f' => ('\u{c}', 2),
                    b'n' => ('\n', 2),
                    b'r' => ('\r', 2),
                    b't' => ('\t', 2),
                    b'u' => {
                        let hex = |k: usize| {
                            line.get(k..k + 4)
                                .and_then(|h| u32::from_str_radix(h, 16).ok())
                        };
                        let hi = hex(i + 2)?;
                        if (0xD800..0xDC00).contains(&hi) && line.get(i + 6..i + 8) == Some("\\u") {
                            let lo = hex(i + 8)?;
                            let c = 0x10000 + ((hi - 0xD800) << 10) + (lo.checked_sub(0xDC00)?);
                            (char::from_u32(c)?, 12)
                        } else {
                            (char::from_u32(hi).unwrap_or('\u{FFFD}'), 6)
                        }
                    }
                    _ => return None,
                };
                let mut tmp = [0u8; 4];
                let s = c.encode_utf8(&mut tmp);
                if let Some(b) = b.as_deref_mut() {
                    b.replaced(s, base + i, base + i + len);
                }
                out.push(c);
                i += len;
                run = i;
            }
            _ => i += 1,
        }
    }
}

/// Skips white space from `i`.
fn ws(bytes: &[u8], mut i: usize) -> usize {
    while bytes.get(i).is_some_and(u8::is_ascii_whitespace) {
        i += 1;
    }
    i
}

/// Skips one JSON value (already known to be valid) starting at `i`.
fn skip_value(line: &str, i: usize) -> Option<usize> {
    let bytes = line.as_bytes();
    if bytes.get(i) == Some(&b'"') {
        return json_string(line, i, 0, None).map(|(_, e)| e);
    }
    let mut depth = 0usize;
    let mut j = i;
    while let Some(&c) = bytes.get(j) {
        match c {
            b'"' => {
                j = json_string(line, j, 0, None)?.1;
                continue;
            }
            b'{' | b'[' => depth += 1,
            b'}' | b']' if depth == 0 => return Some(j),
            b'}' | b']' => {
                depth -= 1;
                if depth == 0 {
                    return Some(j + 1);
                }
            }
            b',' if depth == 0 => return Some(j),
            _ => {}
        }
        j += 1;
    }
    Some(j)
}

/// Finds the byte of the opening quote of the top-level `"target"` string in a JSON object line.
fn target_value(line: &str) -> Option<usize> {
    let bytes = line.as_bytes();
    let mut i = ws(bytes, 0);
    if bytes.get(i) != Some(&b'{') {
        return None;
    }
    i += 1;
    loop {
        i = ws(bytes, i);
        let (key, after) = json_string(line, i, 0, None)?;
        i = ws(bytes, after);
        if bytes.get(i) != Some(&b':') {
            return None;
        }
        i = ws(bytes, i + 1);
        if key == "target" {
            return Some(i);
        }
        i = ws(bytes, skip_value(line, i)?);
        if bytes.get(i) != Some(&b',') {
            return None;
        }
        i += 1;
    }
}

/// JSON Lines: `{"id": …, "source": …, "target": …}` per line; blank lines are skipped.
pub fn jsonl(original: String, bom: usize, mode: SegmentMode) -> Result<Document, InputError> {
    let mut u = Units::default();
    let mut at = bom;
    for (n, raw) in original[bom..].split_inclusive('\n').enumerate() {
        let line_start = at;
        at += raw.len();
        let line = raw.trim_end_matches(['\n', '\r']);
        if line.trim().is_empty() {
            continue;
        }
        let value: serde_json::Value =
            serde_json::from_str(line).map_err(|e| malformed(n + 1, format!("not JSON: {e}")))?;
        let obj = value
            .as_object()
            .ok_or_else(|| malformed(n + 1, "expected a JSON object"))?;
        let source = match obj.get("source") {
            Some(serde_json::Value::String(s)) => s.clone(),
            Some(serde_json::Value::Null) | None => String::new(),
            Some(_) => return Err(malformed(n + 1, "`source` is not a string")),
        };
        match obj.get("target") {
            Some(serde_json::Value::String(_)) => {}
            _ => return Err(malformed(n + 1, "no `target` string")),
        }
        let q = target_value(line).ok_or_else(|| malformed(n + 1, "no `target` string"))?;
        u.begin(line_start + q);
        json_string(line, q, line_start, Some(&mut u.view))
            .ok_or_else(|| malformed(n + 1, "bad `target` string"))?;
        u.end(source);
    }
    Ok(u.finish(original, bom, mode))
}

/// One field of a delimited row: its raw range in the file and whether it is quoted.
#[derive(Debug, Clone, Copy)]
struct Field {
    start: usize,
    end: usize,
    quoted: bool,
}

/// Splits delimited text into rows of fields. CSV fields may be quoted (`""` is a quote);
/// TSV fields are taken as they are.
fn rows(
    text: &str,
    base: usize,
    delim: u8,
    quoting: bool,
) -> Result<Vec<(usize, Vec<Field>)>, InputError> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut row = Vec::new();
    let mut line = 1;
    let mut row_line = 1;
    let mut i = 0;
    let mut start = 0;
    while i <= bytes.len() {
        if quoting && i == start && bytes.get(i) == Some(&b'"') {
            let mut j = i + 1;
            loop {
                match bytes.get(j) {
                    None => return Err(malformed(row_line, "unclosed quoted field")),
                    Some(b'"') if bytes.get(j + 1) == Some(&b'"') => j += 2,
                    Some(b'"') => break,
                    Some(b'\n') => {
                        line += 1;
                        j += 1;
                    }
                    Some(_) => j += 1,
                }
            }
            row.push(Field {
                start: base + i,
                end: base + j + 1,
                quoted: true,
            });
            i = j + 1;
            match bytes.get(i) {
                Some(&c) if c == delim => {
                    i += 1;
                    start = i;
                }
                Some(b'\r') | Some(b'\n') | None => {
                    let nl = text[i..].find('\n').map_or(bytes.len(), |k| i + k);
                    i = nl + 1;
                    start = i;
                    out.push((row_line, std::mem::take(&mut row)));
                    line += 1;
                    row_line = line;
                }
                Some(_) => return Err(malformed(row_line, "text after a closing quote")),
            }
            continue;
        }
        let c = bytes.get(i).copied();
        if c == Some(delim) {
            row.push(Field {
                start: base + start,
                end: base + i,
                quoted: false,
            });
            i += 1;
            start = i;
        } else if c == Some(b'\n') || c.is_none() {
            let end = if i > start && bytes[i - 1] == b'\r' {
                i - 1
            } else {
                i
            };
            if !(row.is_empty() && end == start) {
                row.push(Field {
                    start: base + start,
                    end: base + end,
                    quoted: false,
                });
                out.push((row_line, std::mem::take(&mut row)));
            }
            line += 1;
            row_line = line;
            i += 1;
            start = i;
        } else {
            i += 1;
        }
    }
    Ok(out)
}

fn field_text(original: &str, f: Field) -> String {
    if f.quoted {
        original[f.start + 1..f.end - 1].replace("\"\"", "\"")
    } else {
        original[f.start..f.end].to_string()
    }
}

fn push_field(b: &mut ViewBuilder, original: &str, f: Field) {
    if !f.quoted {
        b.verbatim(&original[f.start..f.end], f.start);
        return;
    }
    let (s, e) = (f.start + 1, f.end - 1);
    let mut run = s;
    let mut i = s;
    while i < e {
        if original.as_bytes()[i] == b'"' {
            b.verbatim(&original[run..i], run);
            b.replaced("\"", i, i + 2);
            i += 2;
            run = i;
        } else {
            i += 1;
        }
    }
    b.verbatim(&original[run..e], run);
}

const SOURCE_NAMES: &[&str] = &["source", "src", "en", "english", "source_text"];
const TARGET_NAMES: &[&str] = &["target", "tgt", "de", "german", "translation", "mt"];

/// Tab- or comma-separated rows with a source and a target column. `columns` names the two
/// header cells; without it, common names are recognised, and a header-less file of two
/// columns is read as source, target.
pub fn delimited(
    original: String,
    bom: usize,
    mode: SegmentMode,
    delim: u8,
    columns: Option<(&str, &str)>,
) -> Result<Document, InputError> {
    let table = rows(&original[bom..], bom, delim, delim != b'\t')?;
    let Some((_, header)) = table.first() else {
        return Ok(Units::default().finish(original, bom, mode));
    };
    let names: Vec<String> = header
        .iter()
        .map(|f| field_text(&original, *f).trim().to_lowercase())
        .collect();
    let find = |wanted: &[&str]| names.iter().position(|n| wanted.contains(&n.as_str()));
    let (si, ti, skip) =
        match columns {
            Some((s, t)) => {
                let (s, t) = (s.to_lowercase(), t.to_lowercase());
                match (find(&[s.as_str()]), find(&[t.as_str()])) {
                    (Some(a), Some(b)) => (a, b, 1),
                    _ => {
                        return Err(malformed(
                            1,
                            format!("the header has no columns named `{s}` and `{t}`"),
                        ))
                    }
                }
            }
            None => match (find(SOURCE_NAMES), find(TARGET_NAMES)) {
                (Some(a), Some(b)) => (a, b, 1),
                _ if header.len() == 2 => (0, 1, 0),
                _ => return Err(malformed(
                    1,
                    "no source and target columns found (name them with --columns source,target)",
                )),
            },
        };
    let mut u = Units::default();
    for (line, row) in table.iter().skip(skip) {
        let (Some(s), Some(t)) = (row.get(si), row.get(ti)) else {
            return Err(malformed(
                *line,
                format!("{} fields, expected at least {}", row.len(), si.max(ti) + 1),
            ));
        };
        u.begin(t.start);
        push_field(&mut u.view, &original, *t);
        u.end(field_text(&original, *s));
    }
    Ok(u.finish(original, bom, mode))
}

/// Which XML dialect.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Xml {
    /// XLIFF 1.2 or 2.0.
    Xliff,
    /// TMX.
    Tmx,
}

/// Elements whose content is native code, not text.
const CODE: &[&str] = &["bpt", "ept", "ph", "it", "ut"];

fn line_of(text: &str, at: usize) -> usize {
    text.as_bytes()[..at.min(text.len())]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
        + 1
}

/// Pushes escaped XML text (original bytes `at..`) into the view, decoding entities.
fn push_escaped(b: &mut ViewBuilder, raw: &str, at: usize) -> String {
    let mut out = String::new();
    let mut run = 0;
    let mut i = 0;
    while let Some(k) = raw[i..].find('&') {
        let amp = i + k;
        let Some(semi) = raw[amp..].find(';').map(|s| amp + s) else {
            break;
        };
        let name = &raw[amp + 1..semi];
        let c = match name {
            "amp" => Some('&'),
            "lt" => Some('<'),
            "gt" => Some('>'),
            "quot" => Some('"'),
            "apos" => Some('\''),
            _ => name
                .strip_prefix("#x")
                .and_then(|h| u32::from_str_radix(h, 16).ok())
                .or_else(|| name.strip_prefix('#').and_then(|d| d.parse().ok()))
                .and_then(char::from_u32),
        };
        match c {
            Some(c) => {
                b.verbatim(&raw[run..amp], at + run);
                out.push_str(&raw[run..amp]);
                let mut tmp = [0u8; 4];
                b.replaced(c.encode_utf8(&mut tmp), at + amp, at + semi + 1);
                out.push(c);
                i = semi + 1;
                run = i;
            }
            None => i = amp + 1,
        }
    }
    b.verbatim(&raw[run..], at + run);
    out.push_str(&raw[run..]);
    out
}

/// XLIFF (1.2 `trans-unit`, 2.0 `segment`) or TMX (`tu` with English and German `tuv`).
pub fn xml(
    original: String,
    bom: usize,
    mode: SegmentMode,
    kind: Xml,
) -> Result<Document, InputError> {
    let text = &original[bom..];
    let mut reader = Reader::from_str(text);
    reader.config_mut().trim_text(false);
    let mut walk = XmlWalk::new(kind, bom);
    loop {
        let pos = usize::try_from(reader.buffer_position()).unwrap_or(usize::MAX);
        let ev = reader
            .read_event()
            .map_err(|e| malformed(line_of(text, pos), format!("not well-formed XML: {e}")))?;
        let after = usize::try_from(reader.buffer_position()).unwrap_or(usize::MAX);
        match ev {
            Event::Eof => break,
            Event::Start(e) => walk.start(&e, after),
            Event::End(e) => walk.end(&e),
            Event::Text(_) | Event::CData(_) if walk.side.is_some() && walk.code == 0 => {
                walk.text(&text[pos.min(text.len())..after.min(text.len())], pos);
            }
            _ => {}
        }
    }
    if walk.units.open.is_some() {
        // the last line that holds anything, not the one after the final line break
        return Err(malformed(
            line_of(text, text.trim_end().len()),
            "unit without an end",
        ));
    }
    Ok(walk.units.finish(original, bom, mode))
}

/// Where a walk through an XLIFF or TMX file stands: the units so far, and which side's
/// text (if any) the reader is in.
struct XmlWalk {
    kind: Xml,
    bom: usize,
    units: Units,
    /// Where text goes: `None` nowhere, `Some(true)` the target, `Some(false)` the source.
    side: Option<bool>,
    /// Elements open inside the current side.
    depth_in_side: usize,
    /// Inline code elements open inside the current side (their text is skipped).
    code: usize,
    /// `seg-source` and `alt-trans` elements open (their sources and targets are skipped).
    skip_seg_source: usize,
    /// The current unit's source text.
    source: String,
    /// The current unit has a target.
    has_target: bool,
    /// The current TMX `tuv` is German (`Some(true)`) or the source (`Some(false)`).
    tuv_lang: Option<bool>,
    /// A view builder for unescaping source text (its offsets are not used).
    scratch: ViewBuilder,
}

impl XmlWalk {
    fn new(kind: Xml, bom: usize) -> Self {
        XmlWalk {
            kind,
            bom,
            units: Units::default(),
            side: None,
            depth_in_side: 0,
            code: 0,
            skip_seg_source: 0,
            source: String::new(),
            has_target: false,
            tuv_lang: None,
            scratch: ViewBuilder::new(),
        }
    }

    /// The target's text starts at `after` (a byte offset into the text after the BOM).
    fn begin_target(&mut self, after: usize) {
        self.side = Some(true);
        self.units.begin(self.bom + after);
        self.has_target = true;
    }

    fn begin_source(&mut self) {
        self.side = Some(false);
        self.source.clear();
    }

    /// An element opens; its content starts at `after`.
    fn start(&mut self, e: &BytesStart<'_>, after: usize) {
        let name = e.local_name();
        let name = std::str::from_utf8(name.as_ref()).unwrap_or("");
        if self.side.is_some() {
            self.depth_in_side += 1;
            if CODE.contains(&name) {
                self.code += 1;
            }
            return;
        }
        match (self.kind, name) {
            // XLIFF 2.0 keeps the white space between segments in `ignorable`: not text to check
            (Xml::Xliff, "seg-source" | "alt-trans" | "ignorable") => self.skip_seg_source += 1,
            (Xml::Xliff, "source") if self.skip_seg_source == 0 => self.begin_source(),
            (Xml::Xliff, "target") if self.skip_seg_source == 0 => self.begin_target(after),
            (Xml::Tmx, "tuv") => {
                let lang = e.attributes().flatten().find_map(|a| {
                    let key = a.key.local_name();
                    (key.as_ref() == b"lang")
                        .then(|| String::from_utf8_lossy(&a.value).to_lowercase())
                });
                self.tuv_lang = lang.map(|l| l.starts_with("de"));
                if self.tuv_lang.is_none() {
                    self.tuv_lang = Some(!self.source.is_empty());
                }
            }
            (Xml::Tmx, "seg") => match self.tuv_lang {
                Some(true) => self.begin_target(after),
                Some(false) => self.begin_source(),
                None => {}
            },
            _ => {}
        }
    }

    /// An element closes.
    fn end(&mut self, e: &BytesEnd<'_>) {
        let name = e.local_name();
        let name = std::str::from_utf8(name.as_ref()).unwrap_or("");
        if self.side.is_some() {
            if self.depth_in_side == 0 {
                self.side = None;
            } else {
                self.depth_in_side -= 1;
                if CODE.contains(&name) {
                    self.code = self.code.saturating_sub(1);
                }
            }
            return;
        }
        match (self.kind, name) {
            (Xml::Xliff, "seg-source" | "alt-trans" | "ignorable") => {
                self.skip_seg_source = self.skip_seg_source.saturating_sub(1)
            }
            (Xml::Xliff, "trans-unit" | "segment") | (Xml::Tmx, "tu") => {
                if self.has_target {
                    self.units.end(std::mem::take(&mut self.source));
                }
                self.has_target = false;
                self.source.clear();
            }
            _ => {}
        }
    }

    /// Text (escaped, or a CDATA section) at `pos` inside a side.
    fn text(&mut self, raw: &str, pos: usize) {
        let (raw, at) = match raw.strip_prefix("<![CDATA[") {
            Some(inner) => (inner.strip_suffix("]]>").unwrap_or(inner), pos + 9),
            None => (raw, pos),
        };
        let bom = self.bom;
        if self.side == Some(true) {
            if at != pos {
                self.units.view.verbatim(raw, bom + at);
            } else {
                push_escaped(&mut self.units.view, raw, bom + at);
            }
        } else if at != pos {
            self.source.push_str(raw);
        } else {
            self.source
                .push_str(&push_escaped(&mut self.scratch, raw, 0));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spans(doc: &Document, word: &str) -> Option<(usize, usize)> {
        let i = doc.view.find(word)?;
        Some(doc.original_span(i, i + word.len()))
    }

    #[test]
    fn jsonl_offsets_point_into_the_file() {
        let f = "{\"id\": 1, \"source\": \"Perplexity CEO\", \"target\": \"Der \\\"Verwirrte\\\" CEO\\u00e4 ok\"}\n{\"target\":\"Zwei\",\"source\":\"Two\"}\n";
        let doc = jsonl(f.to_string(), 0, SegmentMode::Lines).unwrap();
        assert_eq!(doc.view, "Der \"Verwirrte\" CEOä ok\n\nZwei");
        let (s, e) = spans(&doc, "Verwirrte").unwrap();
        assert_eq!(&f[s..e], "Verwirrte");
        let (s, e) = spans(&doc, "\"Verwirrte\"").unwrap();
        assert_eq!(&f[s..e], "\\\"Verwirrte\\\"");
        let (s, e) = spans(&doc, "CEOä").unwrap();
        assert_eq!(&f[s..e], "CEO\\u00e4");
        assert_eq!(
            doc.source(0).map(|s| s.text.as_str()),
            Some("Perplexity CEO")
        );
        assert_eq!(doc.source(1).map(|s| s.text.as_str()), Some("Two"));
    }

    #[test]
    fn jsonl_errors_name_the_line() {
        let err = jsonl("{\"target\": \"a\"}\n{oops\n".into(), 0, SegmentMode::Lines).unwrap_err();
        assert!(err.to_string().starts_with("line 2: not JSON"), "{err}");
        let err = jsonl("{\"source\": \"a\"}\n".into(), 0, SegmentMode::Lines).unwrap_err();
        assert_eq!(err.to_string(), "line 1: no `target` string");
    }

    #[test]
    fn csv_with_header_and_quotes() {
        let f = "id,source,target\n1,Hello,\"Sag \"\"Hallo\"\"\"\n2,\"a, b\",Zwei\n";
        let doc = delimited(f.to_string(), 0, SegmentMode::Lines, b',', None).unwrap();
        assert_eq!(doc.view, "Sag \"Hallo\"\n\nZwei");
        let (s, e) = spans(&doc, "\"Hallo\"").unwrap();
        assert_eq!(&f[s..e], "\"\"Hallo\"\"");
        assert_eq!(doc.source(1).map(|s| s.text.as_str()), Some("a, b"));
        let tsv = "Hello\tHallo\nBye\tTschüss\n";
        let doc = delimited(tsv.to_string(), 0, SegmentMode::Lines, b'\t', None).unwrap();
        assert_eq!(doc.view, "Hallo\n\nTschüss");
        assert!(delimited("a,b,c\n1,2,3\n".into(), 0, SegmentMode::Lines, b',', None).is_err());
    }

    #[test]
    fn xliff_skips_inline_code_and_maps_entities() {
        let f = r#"<?xml version="1.0"?>
<xliff version="1.2"><file><body>
<trans-unit id="1"><source>Perplexity CEO &amp; <ph id="1">{x}</ph>co</source>
<target>Verwirrte CEO &amp; <ph id="1">{x}</ph><g id="2">Co</g></target></trans-unit>
</body></file></xliff>"#;
        let doc = xml(f.to_string(), 0, SegmentMode::Paragraphs, Xml::Xliff).unwrap();
        assert_eq!(doc.view, "Verwirrte CEO & Co");
        assert_eq!(
            doc.source(0).map(|s| s.text.as_str()),
            Some("Perplexity CEO & co")
        );
        let (s, e) = spans(&doc, "& Co").unwrap();
        assert!(f[s..e].starts_with("&amp; <ph"));
        let (s, e) = spans(&doc, "Verwirrte").unwrap();
        assert_eq!(&f[s..e], "Verwirrte");
    }

    #[test]
    fn xliff2_and_tmx() {
        let f = r#"<xliff version="2.0" srcLang="en" trgLang="de"><file id="f"><unit id="u">
<segment><source>One</source><target>Eins</target></segment>
<segment><source>Two</source><target>Zwei</target></segment><ignorable><source> </source><target> </target></ignorable></unit></file></xliff>"#;
        let doc = xml(f.to_string(), 0, SegmentMode::Paragraphs, Xml::Xliff).unwrap();
        assert_eq!(doc.view, "Eins\n\nZwei");
        assert_eq!(doc.source(1).map(|s| s.text.as_str()), Some("Two"));
        let t = r#"<tmx version="1.4"><body><tu><tuv xml:lang="en-US"><seg>One</seg></tuv>
<tuv xml:lang="de-DE"><seg>Eins <bpt i="1">&lt;b&gt;</bpt>fett<ept i="1">&lt;/b&gt;</ept></seg></tuv></tu></body></tmx>"#;
        let doc = xml(t.to_string(), 0, SegmentMode::Paragraphs, Xml::Tmx).unwrap();
        assert_eq!(doc.view, "Eins fett");
        assert_eq!(doc.source(0).map(|s| s.text.as_str()), Some("One"));
        assert!(xml(
            "<xliff><file><unit><segment><target>a</segment>".into(),
            0,
            SegmentMode::Lines,
            Xml::Xliff
        )
        .is_err());
    }

    #[test]
    fn a_source_file_is_aligned_line_by_line() {
        let doc = Document::plain("Eins\n\nDrei\n".into(), 0, SegmentMode::Lines);
        let src = SourceFile {
            target_name: "t.de",
            name: "s.en",
            text: "One\nTwo\nThree\n",
        };
        let doc = align(doc, &src).unwrap();
        assert_eq!(doc.source(1).map(|s| s.text.as_str()), Some("Three"));
        let doc = Document::plain("Eins\nZwei\n".into(), 0, SegmentMode::Lines);
        let err = align(doc, &src).unwrap_err();
        assert_eq!(err.to_string(), "2 lines in t.de, but 3 in its source s.en");
    }
}
