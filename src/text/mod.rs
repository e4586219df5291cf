//! The text layer: tokens with byte spans, sentences, segments, and line/column positions.
//!
//! Everything here works on the *view* of a document (the prose left after markup is
//! stripped); [`crate::document::Document`] maps view offsets back to the user's file.

pub mod abbrev;
pub mod lines;
pub mod offsets;
pub mod scope;
pub mod segment;
pub mod token;
pub mod token_map;
pub mod word_cache;
pub mod zones;

pub use lines::LineIndex;
pub use offsets::OffsetMap;
pub use token::{Token, TokenKind};
