//! The command line, declared with clap; nothing else.

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

use mtcheck::report::OutputFormat;

/// Finds what machine translation broke in German text, and gates publication.
#[derive(Debug, Parser)]
#[command(name = "mtcheck", version, about, long_about = None)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// Subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check files, directories or standard input.
    Check(CheckArgs),
    /// List every rule: id, MQM category, default severity, summary.
    Rules,
    /// Print the documentation of a rule, with examples.
    Explain {
        /// The rule id, e.g. mangled-entity.
        rule: String,
    },
}

/// Where segments end.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Segments {
    /// Blank lines separate paragraphs; a single newline is a soft wrap.
    Paragraphs,
    /// Every line is an independent segment (one sentence per line).
    Lines,
}

/// When to colour the text report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Color {
    /// Only on a terminal.
    Auto,
    /// Always.
    Always,
    /// Never.
    Never,
}

/// The lowest severity that fails the gate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FailOn {
    /// Critical findings only.
    Critical,
    /// Major and critical findings.
    Major,
    /// Any finding.
    Minor,
    /// Never fail on findings.
    Never,
}

/// Options of `mtcheck check`.
#[derive(Debug, clap::Args)]
pub struct CheckArgs {
    /// Files or directories (recursive; hidden, ignored and binary files are skipped).
    /// No path or `-` reads standard input.
    pub paths: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = OutputFormat::Text)]
    pub format: OutputFormat,
    /// Colour in the text report.
    #[arg(long, value_enum, default_value_t = Color::Auto)]
    pub color: Color,
    /// Write the report to FILE instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// How the text is cut into independent segments.
    #[arg(long, value_enum, default_value_t = Segments::Paragraphs)]
    pub segments: Segments,
    /// The lowest severity that fails the gate (exit code 1).
    #[arg(long, value_enum, default_value_t = FailOn::Major)]
    pub fail_on: FailOn,
    /// Fail a file whose score (penalty points per 1,000 words) is above N.
    #[arg(long, value_name = "N")]
    pub max_score: Option<f64>,
    /// Worker threads (default: one per core).
    #[arg(short = 'j', long, value_name = "N")]
    pub threads: Option<usize>,
    /// An extra dictionary (names*.csv, idioms*.csv, false_friends*.csv, anglicisms*.csv).
    #[arg(long = "dict", value_name = "FILE")]
    pub dicts: Vec<PathBuf>,
    /// Check only these rules (comma-separated ids).
    #[arg(long, value_delimiter = ',', value_name = "RULES")]
    pub select: Vec<String>,
    /// Switch these rules off (comma-separated ids).
    #[arg(long, value_delimiter = ',', value_name = "RULES")]
    pub ignore: Vec<String>,
}
