//! Findings: what a rule reports, as plain data.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

/// How bad a finding is, in MQM terms.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Noticeable, but the meaning survives.
    Minor,
    /// The meaning is damaged or the text is clearly wrong.
    Major,
    /// The text misinforms or embarrasses the publisher.
    Critical,
}

impl Severity {
    /// MQM penalty points: minor 1, major 5, critical 10.
    pub fn penalty(self) -> u32 {
        match self {
            Severity::Minor => 1,
            Severity::Major => 5,
            Severity::Critical => 10,
        }
    }

    /// The lower-case name.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Minor => "minor",
            Severity::Major => "major",
            Severity::Critical => "critical",
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Severity {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim().to_ascii_lowercase().as_str() {
            "minor" => Ok(Severity::Minor),
            "major" => Ok(Severity::Major),
            "critical" => Ok(Severity::Critical),
            other => Err(format!(
                "unknown severity `{other}` (expected critical, major or minor)"
            )),
        }
    }
}

/// One problem found in a document. Offsets are bytes of the original file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    /// Stable kebab-case rule id.
    pub rule: &'static str,
    /// MQM category, lower case (`accuracy/mistranslation`).
    pub category: &'static str,
    /// Severity.
    pub severity: Severity,
    /// Start byte in the original file.
    pub start: usize,
    /// End byte in the original file (exclusive).
    pub end: usize,
    /// One sentence saying what is wrong.
    pub message: String,
    /// The proposed replacement for `start..end`, if any.
    pub suggestion: Option<String>,
}
