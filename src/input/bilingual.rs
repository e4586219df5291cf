//! Bilingual inputs: a target file aligned with a separate source file (`--source`), and files
//! that hold both sides (JSON Lines, TSV/CSV, XLIFF 1.2/2.0, TMX). Each builds a view of the
//! German targets (units separated by blank lines) whose offsets point into the file, and the
//! list of units that gives every segment its English source.

use quick_xml::events::{BytesEnd, BytesStart, Event};
use quick_xml::Reader;

use crate::document::{Blank, Document, Unit, UnitInfo};
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
    info: Vec<UnitInfo>,
    open: Option<usize>,
    /// Units (elements, records, rows) seen, translated or not: a file without any is not a
    /// bilingual file of its format.
    seen: usize,
}

impl Units {
    /// Starts a unit's target at original byte `at`.
    fn begin(&mut self, at: usize) {
        if !self.units.is_empty() || !self.view.as_str().is_empty() {
            self.view.inserted("\n\n", at);
        }
        self.open = Some(self.view.as_str().len());
    }

    /// Ends the unit begun last, with its source and id. `place` is the original range that
    /// stands for the target when none of it is text (the empty element or JSON value, the
    /// unit's start tag or the row); the view gets one space for it, so that a finding on the
    /// blank target points there. `missing`: the unit has no target at all; `translatable`:
    /// a blank target is an untranslated segment (not so for `translate="no"`).
    fn end(
        &mut self,
        source: String,
        id: Option<String>,
        place: (usize, usize),
        missing: bool,
        translatable: bool,
    ) {
        let start = self.open.take().unwrap_or(self.view.as_str().len());
        if self.view.as_str().len() == start {
            self.view.replaced(" ", place.0, place.1);
        }
        let end = self.view.as_str().len();
        let blank = translatable
            && !source.trim().is_empty()
            && self.view.as_str()[start..end].trim().is_empty();
        let blank = blank.then_some(if missing {
            Blank::Missing
        } else {
            Blank::Empty
        });
        self.units.push(Unit { start, end, source });
        self.info.push(UnitInfo { id, blank });
    }

    /// A unit without a target: a blank unit standing at `place` (nothing, when its source
    /// is blank too).
    fn missing(&mut self, source: String, id: Option<String>, place: (usize, usize)) {
        if source.trim().is_empty() {
            return;
        }
        self.begin(place.0);
        self.end(source, id, place, true, true);
    }

    /// The document; an error naming what is missing (`none`) when no unit was seen.
    fn finish(
        self,
        original: String,
        mode: SegmentMode,
        none: &str,
    ) -> Result<Document, InputError> {
        if self.seen == 0 {
            return Err(malformed(1, none));
        }
        let (view, map) = self.view.finish();
        Ok(Document::from_view(original, view, map, mode)
            .with_units(&self.units)
            .with_unit_info(self.info))
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

/// JSON Lines: `{"id": …, "source": …, "target": …}` per line; blank lines are skipped. A
/// record whose `target` is empty, `null` or absent is a blank unit (an untranslated
/// segment); a line that is not a JSON object, or has neither a source nor a target, is an
/// error.
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
        jsonl_record(&mut u, line, line_start, n + 1)?;
    }
    u.finish(original, mode, "no JSON Lines records")
}

/// One JSON Lines record: `line` starts at file byte `line_start` and is line `n`.
fn jsonl_record(u: &mut Units, line: &str, line_start: usize, n: usize) -> Result<(), InputError> {
    use serde_json::Value;
    let value: Value =
        serde_json::from_str(line).map_err(|e| malformed(n, format!("not JSON: {e}")))?;
    let obj = value
        .as_object()
        .ok_or_else(|| malformed(n, "expected a JSON object"))?;
    let source = match obj.get("source") {
        Some(Value::String(s)) => s.clone(),
        Some(Value::Null) | None => String::new(),
        Some(_) => return Err(malformed(n, "`source` is not a string")),
    };
    let id = match obj.get("id") {
        Some(Value::String(s)) => Some(s.clone()),
        Some(Value::Number(x)) => Some(x.to_string()),
        _ => None,
    };
    u.seen += 1;
    match obj.get("target") {
        Some(Value::String(_)) => {
            let q = target_value(line).ok_or_else(|| malformed(n, "no `target` string"))?;
            u.begin(line_start + q);
            let (_, after) = json_string(line, q, line_start, Some(&mut u.view))
                .ok_or_else(|| malformed(n, "bad `target` string"))?;
            u.end(
                source,
                id,
                (line_start + q, line_start + after),
                false,
                true,
            );
        }
        Some(Value::Null) | None if obj.get("source").is_some_and(Value::is_string) => {
            // the `null`, or the whole record when there is no `target` key
            let place = match target_value(line) {
                Some(q) if line[q..].starts_with("null") => (q, q + 4),
                _ => {
                    let lead = line.len() - line.trim_start().len();
                    (lead, line.trim_end().len())
                }
            };
            u.missing(source, id, (line_start + place.0, line_start + place.1));
        }
        Some(Value::Null) | None => return Err(malformed(n, "no `source` or `target` string")),
        Some(_) => return Err(malformed(n, "`target` is not a string")),
    }
    Ok(())
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
/// columns is read as source, target. A header column `id` (or `segment_id`, `tuid`) gives
/// the units their ids; an empty target cell is a blank unit (an untranslated segment); a
/// row too short for the source or target column, or a header without data rows, is an
/// error.
pub fn delimited(
    original: String,
    bom: usize,
    mode: SegmentMode,
    delim: u8,
    columns: Option<(&str, &str)>,
) -> Result<Document, InputError> {
    let table = rows(&original[bom..], bom, delim, delim != b'\t')?;
    let Some((_, header)) = table.first() else {
        return Units::default().finish(original, mode, "no rows");
    };
    let names: Vec<String> = header
        .iter()
        .map(|f| field_text(&original, *f).trim().to_lowercase())
        .collect();
    let (si, ti, skip) = source_target_columns(&names, columns)?;
    // the unit ids: a column named `id` in a header row
    let idc = (skip == 1)
        .then(|| names.iter().position(|n| ID_NAMES.contains(&n.as_str())))
        .flatten()
        .filter(|&i| i != si && i != ti);
    let mut u = Units::default();
    for (line, row) in table.iter().skip(skip) {
        let (Some(s), Some(t)) = (row.get(si), row.get(ti)) else {
            return Err(malformed(
                *line,
                format!("{} fields, expected at least {}", row.len(), si.max(ti) + 1),
            ));
        };
        let id = idc
            .and_then(|i| row.get(i))
            .map(|f| field_text(&original, *f).trim().to_string())
            .filter(|id| !id.is_empty());
        // an empty cell stands for itself when quoted, else the row (its filled cells) does
        let filled = |f: &&Field| f.end > f.start;
        let place = match (row.iter().find(filled), row.iter().rev().find(filled)) {
            (Some(a), Some(b)) if t.end == t.start => (a.start, b.end),
            _ => (t.start, t.end),
        };
        u.seen += 1;
        u.begin(t.start);
        push_field(&mut u.view, &original, *t);
        u.end(field_text(&original, *s), id, place, false, true);
    }
    u.finish(original, mode, "no rows below the header")
}

/// The header names of a unit id column.
const ID_NAMES: &[&str] = &["id", "segment_id", "segment id", "tuid"];

/// The indexes of the source and target columns, and the rows to skip (1 for a header):
/// the columns named by `columns`, else common names, else the two columns of a header-less
/// file of two columns.
fn source_target_columns(
    names: &[String],
    columns: Option<(&str, &str)>,
) -> Result<(usize, usize, usize), InputError> {
    let find = |wanted: &[&str]| names.iter().position(|n| wanted.contains(&n.as_str()));
    match columns {
        Some((s, t)) => {
            let (s, t) = (s.to_lowercase(), t.to_lowercase());
            match (find(&[s.as_str()]), find(&[t.as_str()])) {
                (Some(a), Some(b)) => Ok((a, b, 1)),
                _ => Err(malformed(
                    1,
                    format!("the header has no columns named `{s}` and `{t}`"),
                )),
            }
        }
        None => match (find(SOURCE_NAMES), find(TARGET_NAMES)) {
            (Some(a), Some(b)) => Ok((a, b, 1)),
            _ if names.len() == 2 => Ok((0, 1, 0)),
            _ => Err(malformed(
                1,
                "no source and target columns found (name them with --columns source,target)",
            )),
        },
    }
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
/// A file that is not well-formed XML (an element left open at the end included), or that
/// holds no unit at all, is an error; a translatable unit whose target is empty or missing
/// is a blank unit (an untranslated segment).
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
    // the elements open, innermost last (for an unclosed one at the end)
    let mut open: Vec<String> = Vec::new();
    let mut doctype = false;
    loop {
        let pos = usize::try_from(reader.buffer_position()).unwrap_or(usize::MAX);
        let ev = reader
            .read_event()
            .map_err(|e| malformed(line_of(text, pos), format!("not well-formed XML: {e}")))?;
        let after = usize::try_from(reader.buffer_position()).unwrap_or(usize::MAX);
        match ev {
            Event::Eof => break,
            Event::Start(e) => {
                open.push(String::from_utf8_lossy(e.name().as_ref()).into_owned());
                walk.start(&e, pos, after);
            }
            Event::Empty(e) => walk.empty(&e, pos, after),
            Event::End(e) => {
                open.pop();
                walk.end(&e, after);
            }
            Event::DocType(_) => doctype = true,
            Event::Text(_) | Event::CData(_) => {
                let raw = &text[pos.min(text.len())..after.min(text.len())];
                // an entity other than the five of XML is an error, unless a DTD may declare it
                if !doctype && !raw.starts_with("<![CDATA[") {
                    if let Err(e) = quick_xml::escape::unescape(raw) {
                        let line = line_of(text, pos);
                        return Err(malformed(line, format!("not well-formed XML: {e}")));
                    }
                }
                if walk.side.is_some() && walk.code == 0 {
                    walk.text(raw, pos);
                }
            }
            _ => {}
        }
    }
    // the last line that holds anything, not the one after the final line break
    let last = line_of(text, text.trim_end().len());
    if walk.units.open.is_some() {
        return Err(malformed(last, "unit without an end"));
    }
    if let Some(name) = open.last() {
        return Err(malformed(
            last,
            format!("not well-formed XML: <{name}> is not closed"),
        ));
    }
    let none = match kind {
        Xml::Xliff => "no translation units (no <trans-unit> or <segment> element)",
        Xml::Tmx => "no translation units (no <tu> element)",
    };
    walk.units.finish(original, mode, none)
}

/// The value of attribute `name` (local name, entities decoded) of an element.
fn attribute(e: &BytesStart<'_>, name: &[u8]) -> Option<String> {
    e.attributes().flatten().find_map(|a| {
        (a.key.local_name().as_ref() == name).then(|| {
            let raw = String::from_utf8_lossy(&a.value);
            match quick_xml::escape::unescape(&raw) {
                Ok(v) => v.into_owned(),
                Err(_) => raw.into_owned(),
            }
        })
    })
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
    /// The id of the current XLIFF `trans-unit` or `unit`, or TMX `tu`.
    unit_id: Option<String>,
    /// The id of the current XLIFF 2.0 `segment`.
    segment_id: Option<String>,
    /// The current unit is to be translated (not `translate="no"`).
    translatable: bool,
    /// The start tag of the current unit (`trans-unit`, `segment`, `tu`): where a missing
    /// target is reported.
    unit_tag: (usize, usize),
    /// Where the current target element starts, and its whole range once closed.
    target_at: usize,
    target_place: (usize, usize),
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
            unit_id: None,
            segment_id: None,
            translatable: true,
            unit_tag: (0, 0),
            target_at: 0,
            target_place: (0, 0),
        }
    }

    /// The target element starts at `pos`; its text at `after` (byte offsets into the text
    /// after the BOM).
    fn begin_target(&mut self, pos: usize, after: usize) {
        self.side = Some(true);
        self.units.begin(self.bom + after);
        self.has_target = true;
        self.target_at = pos;
        self.target_place = (self.bom + pos, self.bom + after);
    }

    fn begin_source(&mut self) {
        self.side = Some(false);
        self.source.clear();
    }

    /// A unit element opens at `pos..after` with id `id`.
    fn begin_unit(&mut self, e: &BytesStart<'_>, pos: usize, after: usize) {
        self.units.seen += 1;
        self.unit_tag = (self.bom + pos, self.bom + after);
        self.has_target = false;
        self.source.clear();
        match (self.kind, e.local_name().as_ref()) {
            (Xml::Xliff, b"segment") => self.segment_id = attribute(e, b"id"),
            (_, _) => {
                self.unit_id = attribute(
                    e,
                    if self.kind == Xml::Tmx {
                        b"tuid"
                    } else {
                        b"id"
                    },
                );
                self.translatable = attribute(e, b"translate").is_none_or(|t| t != "no");
            }
        }
    }

    /// An element opens at `pos`; its content starts at `after`.
    fn start(&mut self, e: &BytesStart<'_>, pos: usize, after: usize) {
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
            (Xml::Xliff, "trans-unit" | "segment") | (Xml::Tmx, "tu") => {
                self.begin_unit(e, pos, after)
            }
            // an XLIFF 2.0 unit holds segments: its id and `translate` are theirs
            (Xml::Xliff, "unit") => {
                self.unit_id = attribute(e, b"id");
                self.translatable = attribute(e, b"translate").is_none_or(|t| t != "no");
            }
            (Xml::Xliff, "source") if self.skip_seg_source == 0 => self.begin_source(),
            (Xml::Xliff, "target") if self.skip_seg_source == 0 => self.begin_target(pos, after),
            (Xml::Tmx, "tuv") => {
                let lang = attribute(e, b"lang").map(|l| l.to_lowercase());
                self.tuv_lang = lang.map(|l| l.starts_with("de"));
                if self.tuv_lang.is_none() {
                    self.tuv_lang = Some(!self.source.is_empty());
                }
            }
            (Xml::Tmx, "seg") => match self.tuv_lang {
                Some(true) => self.begin_target(pos, after),
                Some(false) => self.begin_source(),
                None => {}
            },
            _ => {}
        }
    }

    /// An empty element (`<target/>`) at `pos..after`: an empty target or source, or a
    /// unit without content; inside a side, inline code without text.
    fn empty(&mut self, e: &BytesStart<'_>, pos: usize, after: usize) {
        if self.side.is_some() {
            return;
        }
        let name = e.local_name();
        match (self.kind, name.as_ref()) {
            (Xml::Xliff, b"source") if self.skip_seg_source == 0 => self.source.clear(),
            (Xml::Tmx, b"seg") if self.tuv_lang == Some(false) => self.source.clear(),
            (Xml::Xliff, b"target") if self.skip_seg_source == 0 => self.empty_target(pos, after),
            (Xml::Tmx, b"seg") if self.tuv_lang == Some(true) => self.empty_target(pos, after),
            (Xml::Xliff, b"trans-unit" | b"segment") | (Xml::Tmx, b"tu") => {
                self.begin_unit(e, pos, after);
                self.end_unit();
            }
            _ => {}
        }
    }

    /// A target without content at `pos..after`.
    fn empty_target(&mut self, pos: usize, after: usize) {
        self.begin_target(pos, after);
        self.side = None;
        self.target_place = (self.bom + pos, self.bom + after);
    }

    /// An element closes; the file goes on at `after`.
    fn end(&mut self, e: &BytesEnd<'_>, after: usize) {
        let name = e.local_name();
        let name = std::str::from_utf8(name.as_ref()).unwrap_or("");
        if self.side.is_some() {
            if self.depth_in_side == 0 {
                if self.side == Some(true) {
                    self.target_place = (self.bom + self.target_at, self.bom + after);
                }
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
            (Xml::Xliff, "trans-unit" | "segment") | (Xml::Tmx, "tu") => self.end_unit(),
            (Xml::Xliff, "unit") => {
                self.unit_id = None;
                self.translatable = true;
            }
            _ => {}
        }
    }

    /// The current unit (`trans-unit`, XLIFF 2.0 `segment`, `tu`) ends.
    fn end_unit(&mut self) {
        let id = match (&self.unit_id, self.segment_id.take()) {
            (Some(u), Some(s)) => Some(format!("{u}/{s}")),
            (u, s) => u.clone().or(s),
        };
        let source = std::mem::take(&mut self.source);
        if self.has_target {
            let (place, translatable) = (self.target_place, self.translatable);
            self.units.end(source, id, place, false, translatable);
        } else if self.translatable {
            self.units.missing(source, id, self.unit_tag);
        }
        self.has_target = false;
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
        let err = jsonl("{\"id\": \"a\"}\n".into(), 0, SegmentMode::Lines).unwrap_err();
        assert_eq!(err.to_string(), "line 1: no `source` or `target` string");
        let err = jsonl(
            "{\"source\": \"a\", \"target\": [1]}\n".into(),
            0,
            SegmentMode::Lines,
        )
        .unwrap_err();
        assert_eq!(err.to_string(), "line 1: `target` is not a string");
        // a record without a target is a blank unit, not an error
        let doc = jsonl("{\"source\": \"a\"}\n".into(), 0, SegmentMode::Lines).unwrap();
        assert_eq!(doc.unit_info[0].blank, Some(Blank::Missing));
    }

    fn ids(doc: &Document) -> Vec<Option<&str>> {
        doc.unit_info.iter().map(|i| i.id.as_deref()).collect()
    }

    #[test]
    fn units_keep_their_ids() {
        let f = "{\"id\": \"x\\\"1\", \"source\": \"a\", \"target\": \"b\"}\n{\"id\": 2.5, \"target\": \"c\"}\n{\"target\": \"d\"}\n";
        let doc = jsonl(f.into(), 0, SegmentMode::Lines).unwrap();
        assert_eq!(ids(&doc), [Some("x\"1"), Some("2.5"), None]);
        let c = "Source,Target,ID\na,b, k1 \nc,d,\n";
        let doc = delimited(c.into(), 0, SegmentMode::Lines, b',', None).unwrap();
        assert_eq!(ids(&doc), [Some("k1"), None]);
        let x = r#"<xliff version="2.0"><file id="f"><unit id="u&lt;1">
<segment id="s1"><source>One</source><target>Eins</target></segment>
<segment><source>Two</source><target>Zwei</target></segment></unit>
<unit id="u2"><segment><source>Three</source><target>Drei</target></segment></unit></file></xliff>"#;
        let doc = xml(x.into(), 0, SegmentMode::Paragraphs, Xml::Xliff).unwrap();
        assert_eq!(ids(&doc), [Some("u<1/s1"), Some("u<1"), Some("u2")]);
        assert_eq!(doc.unit_at(doc.view.find("Zwei").unwrap()), Some(1));
        let t = r#"<tmx version="1.4"><body><tu tuid="7"><tuv xml:lang="en"><seg>One</seg></tuv><tuv xml:lang="de"><seg/></tuv></tu>
<tu><tuv xml:lang="en"><seg>Two</seg></tuv><tuv xml:lang="de-AT"><seg>Zwei</seg></tuv></tu></body></tmx>"#;
        let doc = xml(t.into(), 0, SegmentMode::Paragraphs, Xml::Tmx).unwrap();
        assert_eq!(ids(&doc), [Some("7"), None]);
        assert_eq!(doc.unit_info[0].blank, Some(Blank::Empty));
        let (s, e) = doc.original_span(doc.units[0].start, doc.units[0].end);
        assert_eq!(&t[s..e], "<seg/>");
    }

    #[test]
    fn xml_that_is_not_well_formed_or_has_no_units_is_an_error() {
        let err = |x: &str, kind| {
            xml(x.into(), 0, SegmentMode::Lines, kind)
                .unwrap_err()
                .to_string()
        };
        assert_eq!(
            err("<xliff>\n<file><body>\n", Xml::Xliff),
            "line 2: not well-formed XML: <body> is not closed"
        );
        assert!(
            err("<xliff><a></b></xliff>", Xml::Xliff).starts_with("line 1: not well-formed XML")
        );
        assert_eq!(
            err("<tmx><body></body></tmx>", Xml::Tmx),
            "line 1: no translation units (no <tu> element)"
        );
        assert!(err("Nur Text.", Xml::Xliff).starts_with("line 1: no translation units"));
        assert!(
            err("<xliff><file><body>\n<trans-unit><source>a&nbsp;b</source></trans-unit></body></file></xliff>", Xml::Xliff)
                .starts_with("line 2: not well-formed XML: "),
        );
        // a DTD may declare entities: they are then left as written
        let dtd = "<!DOCTYPE xliff [<!ENTITY co \"ACME\">]><xliff><file><body><trans-unit><source>a</source><target>&co; b &amp; c</target></trans-unit></body></file></xliff>";
        let doc = xml(dtd.into(), 0, SegmentMode::Lines, Xml::Xliff).unwrap();
        assert_eq!(doc.view, "&co; b & c");
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
