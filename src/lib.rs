//! mtcheck finds what machine translation breaks in German text: names translated as words,
//! idioms rendered literally, false friends, mangled brand names, broken quotation marks,
//! cut-off and repeated text.
//!
//! ```
//! let findings = mtcheck::check_str("Verwirrte CEO Aravind Srinivas sprach über das Lama 4-Modell.").unwrap();
//! assert!(findings.iter().any(|f| f.rule == "mangled-entity"));
//! ```
//!
//! A [`Checker`] checks whole files and locates its findings (line, column, byte offsets into
//! the text, the flagged text, a suggestion); this is the example of the README's „Library“
//! section, which `tests/readme_api.rs` keeps identical:
//!
//! ```
//! use mtcheck::{Checker, Format, Lexicons, SegmentMode, Severity};
//!
//! fn main() -> Result<(), Box<dyn std::error::Error>> {
//!     // the built-in dictionaries, loaded once; a Checker is cheap to share across threads
//!     let checker = Checker::new(Lexicons::builtin()?);
//!     let report = checker.check_text(
//!         "article.txt",
//!         "Das Unternehmen nutzt seine tiefen Taschen.\n".to_string(),
//!         Format::Text,
//!         SegmentMode::Paragraphs,
//!     );
//!     for f in &report.findings {
//!         println!("{}:{}:{}: {} {}: {}", f.path, f.line, f.column, f.severity, f.rule, f.message);
//!     }
//!     let f = &report.findings[0];
//!     assert_eq!((f.rule, f.severity, f.text.as_str()), ("literal-idiom", Severity::Major, "tiefen Taschen"));
//!     assert_eq!(f.suggestion.as_deref(), Some("Finanzkraft"));
//!     Ok(())
//! }
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
