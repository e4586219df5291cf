//! Targeted grammar rules for the errors machine translation makes; not a general grammar checker.

pub mod infinitive_article;
pub mod missing_reflexive;
