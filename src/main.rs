//! The mtcheck binary: arguments -> [`mtcheck::app`] -> exit code (0 pass, 1 gate failed,
//! 2 usage error or unreadable file).

mod cli;

use std::io::{self, BufWriter};
use std::path::Path;
use std::process::ExitCode;

use clap::Parser;

use cli::{Cli, Command, DictAction};
use mtcheck::app::{self, commands, Status, Streams};

fn main() -> ExitCode {
    // a bug is reported as such (and, while checking, costs only its file: see `app::run`)
    std::panic::set_hook(Box::new(|info| {
        let what = info
            .payload()
            .downcast_ref::<&str>()
            .map(|s| (*s).to_string())
            .or_else(|| info.payload().downcast_ref::<String>().cloned())
            .unwrap_or_default();
        let at = info
            .location()
            .map(|l| format!(" ({}:{})", l.file(), l.line()))
            .unwrap_or_default();
        eprintln!(
            "mtcheck: internal error{at}: {}",
            mtcheck::terminal::escape(&what)
        );
    }));
    let cli = Cli::parse();
    let mut out = io::stdout().lock();
    let result = match cli.command {
        Command::Check(args) => app::check(
            (*args).into(),
            Streams {
                stdin: &mut io::stdin().lock(),
                stdout: &mut BufWriter::new(out),
                stderr: &mut io::stderr(),
                progress: true,
            },
        ),
        Command::Rules => commands::list_rules(&mut out)
            .map(|()| Status::Pass)
            .map_err(Into::into),
        Command::Explain { rule } => commands::explain(&rule, &mut out).map(|()| Status::Pass),
        Command::Analyze { text } => {
            commands::analyze(text.as_deref(), &mut io::stdin().lock(), &mut out)
                .map(|()| Status::Pass)
        }
        Command::Init => commands::init(Path::new(""), &mut out).map(|()| Status::Pass),
        Command::Dict { action } => match action {
            DictAction::Check { files } => commands::dict_check(&files, &mut out),
            DictAction::Stats { dicts } => {
                commands::dict_stats(&dicts, &mut out).map(|()| Status::Pass)
            }
        },
    };
    match result {
        Ok(status) => ExitCode::from(status.code()),
        Err(e) if e.is_broken_pipe() => ExitCode::SUCCESS,
        Err(e) => {
            let message = format!("{:#}", anyhow::Error::from(e));
            eprintln!("mtcheck: {}", mtcheck::terminal::escape(&message));
            ExitCode::from(2)
        }
    }
}
