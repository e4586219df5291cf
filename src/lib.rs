//! mtcheck finds what machine translation breaks in German text: names translated as words,
//! idioms rendered literally, false friends, mangled brand names, broken quotation marks,
//! cut-off and repeated text.
//!
//! ```
//! let findings = mtcheck::check_str("Verwirrte CEO Aravind Srinivas sprach über das Lama 4-Modell.").unwrap();
//! assert!(findings.iter().any(|f| f.rule == "mangled-entity"));
//! ```

pub mod app;
pub mod bilingual;
pub mod bounded;
pub mod checker;
pub mod config;
pub mod document;
pub mod error;
pub mod finding;
pub mod input;
pub mod lexicon;
pub mod located;
pub mod matcher;
pub mod morph;
pub mod pipeline;
pub mod report;
pub mod rules;
pub mod terminal;
pub mod text;
pub mod timing;

pub use checker::{check_str, Checker, CheckerSettings};
pub use document::Document;
pub use error::{DictError, InputError};
pub use finding::{Finding, Severity};
pub use input::Format;
pub use lexicon::Lexicons;
pub use located::{FileReport, LocatedFinding};
pub use rules::typography::QuoteStyle;
pub use text::segment::SegmentMode;
