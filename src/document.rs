//! A checked document: the user's text, the prose view that rules read, and its tokens,
//! segments and sentences. Rules work on view offsets; findings are mapped back to the
//! original bytes before they are reported.

use crate::text::scope::{self, DocSeparator, DocUnit};
use crate::text::segment::{self, Segment, SegmentMode, Sentence};
use crate::text::token::{tokenize, Token, TokenKind, Tokens};
use crate::text::zones::Zones;
use crate::text::OffsetMap;

/// A document ready to be checked.
#[derive(Debug, Clone)]
pub struct Document {
    /// The whole file as the user gave it (decoded, BOM included).
    pub original: String,
    /// The prose that is checked (markup removed, entities decoded).
    pub view: String,
    map: OffsetMap,
    /// Tokens of the view.
    pub tokens: Tokens,
    /// Paragraphs or lines.
    pub segments: Vec<Segment>,
    /// Sentences, in order, each inside one segment.
    pub sentences: Vec<Sentence>,
    /// How segments were cut: in line mode every line is an independent text.
    pub mode: SegmentMode,
    /// Ranges of the view silenced by `<!-- mtcheck-ignore … -->` comments.
    pub suppressions: Vec<Suppression>,
    /// The English source of each segment, aligned with `segments` (empty or `None`: no
    /// source). Several segments share one source when a unit's target holds a blank line.
    pub sources: Vec<Option<SourceSeg>>,
    /// What is not the author's running German: quotations, titles, URLs, dialogue lines,
    /// headings … (see [`crate::text::zones`]).
    pub zones: Zones,
    /// The documents (articles) of the file, in order: the scope of consistency rules.
    /// See [`crate::text::scope`] and [`Document::with_separator`].
    documents: Vec<DocUnit>,
    /// The translation units of a bilingual document (or of a target aligned with its
    /// `--source`), in view order; empty for a monolingual one.
    pub units: Vec<Unit>,
    /// Ids and blank targets of [`Document::units`] (same index), when the file has them
    /// ([`Document::with_unit_info`]); empty otherwise.
    pub unit_info: Vec<UnitInfo>,
}

/// The English source of a translation unit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceSeg {
    /// The unit (line, paragraph, row, XLIFF unit) this source belongs to.
    pub unit: usize,
    /// The English text (markup removed, escapes decoded).
    pub text: String,
}

/// A translation unit of a bilingual file: its target's range in the view and its source.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unit {
    /// Start byte of the target in the view.
    pub start: usize,
    /// End byte of the target in the view (exclusive).
    pub end: usize,
    /// The English source.
    pub source: String,
}

/// What a bilingual file says of a unit besides its text (one per [`Unit`], same index).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct UnitInfo {
    /// The unit's id in the file, for finding the segment in a CAT tool: XLIFF 1.2
    /// `trans-unit/@id`, XLIFF 2.0 `unit/@id` (with `/` and the `segment/@id` when the
    /// segment has one), TMX `tu/@tuid`, a JSON Lines `id`, a TSV/CSV `id` column.
    pub id: Option<String>,
    /// The target is empty or missing while the source is not (set by the readers of
    /// bilingual files for translatable units only). The unit's view range then holds the
    /// target's white space, or one space standing for the empty or absent target's place in
    /// the file (the element, the JSON value or the row).
    pub blank: Option<Blank>,
}

/// Why a unit has no translation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Blank {
    /// The target is there but empty or white space only (`<target/>`, `""`, an empty cell).
    Empty,
    /// There is no target at all (no `<target>` element or German `tuv`, no `target` key or
    /// a `null` one).
    Missing,
}

/// A range of the view in which some rules (or all) are silenced, from an
/// `<!-- mtcheck-ignore rule-id … -->` comment before a paragraph.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Suppression {
    /// Start byte in the view.
    pub start: usize,
    /// End byte in the view (exclusive).
    pub end: usize,
    /// The silenced rule ids; empty means every rule.
    pub rules: Vec<String>,
    /// Where the comment stood in the view.
    pub comment: usize,
}

impl Suppression {
    /// A finding of `rule` starting at view byte `at` is silenced.
    pub fn covers(&self, rule: &str, at: usize) -> bool {
        (self.start..self.end).contains(&at)
            && (self.rules.is_empty() || self.rules.iter().any(|r| r == rule))
    }
}

/// The suppressions of a document, for looking up many findings. They are usually ordered
/// by start and by end (each covers from a comment to the end of its paragraph); then only
/// those that may cover a finding are looked at, else all of them.
#[derive(Debug, Clone, Copy)]
pub struct SuppressionIndex<'a> {
    sups: &'a [Suppression],
    ordered: bool,
}

impl<'a> SuppressionIndex<'a> {
    /// The index of `sups`.
    pub fn new(sups: &'a [Suppression]) -> Self {
        let ordered = sups
            .windows(2)
            .all(|w| w[0].start <= w[1].start && w[0].end <= w[1].end);
        SuppressionIndex { sups, ordered }
    }

    /// A finding of `rule` starting at view byte `at` is silenced.
    pub fn covers(&self, rule: &str, at: usize) -> bool {
        let range = if self.ordered {
            let lo = self.sups.partition_point(|s| s.end <= at);
            let hi = self.sups.partition_point(|s| s.start <= at);
            self.sups.get(lo..hi.max(lo)).unwrap_or_default()
        } else {
            self.sups
        };
        range.iter().any(|s| s.covers(rule, at))
    }
}

/// Sentences longer than this (in bytes) are shown only around a finding.
const MAX_SENTENCE: usize = 2_000;

/// Bytes of context on each side of a finding in a long sentence.
const CONTEXT: usize = 400;

impl Document {
    /// Builds a document whose view is `original[offset..]` (plain text; `offset` skips a BOM).
    pub fn plain(original: String, offset: usize, mode: SegmentMode) -> Self {
        let view = original[offset..].to_string();
        let map = OffsetMap::shifted(view.len(), offset);
        Self::from_view(original, view, map, mode)
    }

    /// Builds a document from a view and its offset map.
    pub fn from_view(original: String, view: String, map: OffsetMap, mode: SegmentMode) -> Self {
        let tokens = tokenize(&view);
        let segments = segment::segments(&view, &tokens, mode);
        let sentences = segment::sentences(&view, &tokens, &segments);
        let documents = scope::documents(&view, &segments, mode, None);
        let mut doc = Document {
            original,
            view,
            map,
            tokens,
            segments,
            sentences,
            mode,
            suppressions: Vec::new(),
            sources: Vec::new(),
            zones: Zones::default(),
            documents,
            units: Vec::new(),
            unit_info: Vec::new(),
        };
        doc.zones = Zones::build(&doc);
        doc
    }

    /// Cuts the file into documents at `sep` (blank lines, or a marker line) instead of the
    /// mode's default (paragraphs mode: the whole file; lines mode: every line). A marker
    /// cuts only between segments: in paragraphs mode it should be a paragraph of its own.
    pub fn with_separator(mut self, sep: &DocSeparator) -> Self {
        self.documents = scope::documents(&self.view, &self.segments, self.mode, Some(sep));
        self
    }

    /// The documents (articles) of the file, in text order.
    pub fn documents(&self) -> &[DocUnit] {
        &self.documents
    }

    /// Index of the document holding segment `i` (`None` for a separator line).
    pub fn document_of_segment(&self, i: usize) -> Option<usize> {
        let k = self.documents.partition_point(|d| d.seg_end <= i);
        self.documents
            .get(k)
            .filter(|d| d.seg_start <= i)
            .map(|_| k)
    }

    /// Index of the document holding view byte `at`.
    pub fn document_at(&self, at: usize) -> Option<usize> {
        let k = self.documents.partition_point(|d| d.end <= at);
        self.documents.get(k).filter(|d| d.start <= at).map(|_| k)
    }

    /// Attaches sources: every segment gets the source of the unit its first byte lies in.
    pub fn with_units(mut self, units: &[Unit]) -> Self {
        self.sources = self
            .segments
            .iter()
            .map(|seg| {
                let i = units.partition_point(|u| u.end < seg.start);
                units
                    .get(i)
                    .filter(|u| u.start <= seg.start)
                    .map(|u| SourceSeg {
                        unit: i,
                        text: u.source.clone(),
                    })
            })
            .collect();
        self.units = units.to_vec();
        self
    }

    /// Attaches the ids and blank targets of the units (one per unit of
    /// [`Document::with_units`], in the same order).
    pub fn with_unit_info(mut self, info: Vec<UnitInfo>) -> Self {
        self.unit_info = info;
        self
    }

    /// Index of the unit whose target holds view byte `at`.
    pub fn unit_at(&self, at: usize) -> Option<usize> {
        let i = self.units.partition_point(|u| u.end <= at);
        self.units.get(i).filter(|u| u.start <= at).map(|_| i)
    }

    /// The id and blank target of unit `i` (see [`UnitInfo`]).
    pub fn unit_info(&self, i: usize) -> Option<&UnitInfo> {
        self.unit_info.get(i)
    }

    /// The source of segment `i`, if the document has one.
    pub fn source(&self, i: usize) -> Option<&SourceSeg> {
        self.sources.get(i).and_then(Option::as_ref)
    }

    /// The document has a source for at least one segment.
    pub fn has_source(&self) -> bool {
        self.sources.iter().any(Option::is_some)
    }

    /// Index of the segment containing view byte `at` (the last one before it in a gap).
    pub fn segment_at(&self, at: usize) -> Option<usize> {
        let i = self.segments.partition_point(|s| s.start <= at);
        i.checked_sub(1)
    }

    /// The source segment aligned with the view range starting at `at`.
    pub fn source_at(&self, at: usize) -> Option<&SourceSeg> {
        self.segment_at(at).and_then(|i| self.source(i))
    }

    /// Token `i`.
    pub fn tok(&self, i: usize) -> &Token {
        &self.tokens.list[i]
    }

    /// The text of token `i` as written.
    pub fn text(&self, i: usize) -> &str {
        let t = &self.tokens.list[i];
        &self.view[t.start..t.end]
    }

    /// The NFC, lower-case form of token `i`.
    pub fn norm(&self, i: usize) -> &str {
        self.tokens.norm(i)
    }

    /// Token `i` is a word (letters).
    pub fn is_word(&self, i: usize) -> bool {
        self.tokens.list[i].kind == TokenKind::Word
    }

    /// Number of words (word and number tokens), the base of the score.
    pub fn word_count(&self) -> usize {
        self.tokens
            .list
            .iter()
            .filter(|t| matches!(t.kind, TokenKind::Word | TokenKind::Number))
            .count()
    }

    /// The original byte range of the view range `start..end`.
    pub fn original_span(&self, start: usize, end: usize) -> (usize, usize) {
        let s = self.map.start(start);
        let e = self.map.end(end).max(s);
        (s, e)
    }

    /// The prose of the sentences around the view range `start..end`, with runs of white
    /// space (soft wraps included) folded into one space; empty where there are no tokens.
    /// Sentences of more than 2,000 bytes (`MAX_SENTENCE`) are cut to the words within
    /// 400 bytes (`CONTEXT`) of the range, with `…` where they were cut.
    pub fn sentence_text(&self, start: usize, end: usize) -> String {
        let list = &self.tokens.list;
        if list.is_empty() {
            return String::new();
        }
        let first = list.partition_point(|t| t.end <= start).min(list.len() - 1);
        let last = list
            .partition_point(|t| t.start < end)
            .saturating_sub(1)
            .max(first);
        let (Some(a), Some(b)) = (
            self.sentences.get(self.sentence_of(first)),
            self.sentences.get(self.sentence_of(last)),
        ) else {
            return String::new();
        };
        let mut from = list[a.tok_start].start;
        let mut to = list[b.tok_end - 1].end;
        // a run-on „sentence“ (a text without punctuation) is cut to the words around the
        // range: a report shows context, and copying the whole run for every finding in it
        // would take time quadratic in its length
        let (mut cut_start, mut cut_end) = (false, false);
        if to - from > MAX_SENTENCE {
            let first_tok = list.partition_point(|t| t.end <= start.saturating_sub(CONTEXT));
            let last_tok = list.partition_point(|t| t.start < end + CONTEXT);
            let lo = first_tok.max(a.tok_start).min(list.len() - 1);
            let hi = last_tok.min(b.tok_end).saturating_sub(1).max(lo);
            let (window_from, window_to) = (list[lo].start, list[hi].end);
            cut_start = window_from > from;
            cut_end = window_to < to;
            (from, to) = (window_from, window_to.max(window_from));
        }
        let words: Vec<&str> = self
            .view
            .get(from..to)
            .unwrap_or_default()
            .split_whitespace()
            .collect();
        let mut out = String::new();
        if cut_start {
            out.push_str("… ");
        }
        out.push_str(&words.join(" "));
        if cut_end {
            out.push_str(" …");
        }
        out
    }

    /// Index of the sentence containing token `i`.
    pub fn sentence_of(&self, i: usize) -> usize {
        self.sentences.partition_point(|s| s.tok_end <= i)
    }
}
