//! Configuration per checked file, as ruff and ESLint do it: the nearest `mtcheck.toml` from
//! the file's own directory upwards (not from the current directory), and the
//! `[[overrides]]` of that file whose globs match the file. `--config FILE` names one
//! configuration for every file (its overrides still apply); `--no-config` reads none.
//!
//! A checker is built once per (configuration, matching overrides) and shared; files that
//! the run's default configuration covers without an override use the default checker.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, PoisonError};

use super::settings::{build_checker, gate, CheckFlags, Output};
use super::AppError;
use crate::checker::Checker;
use crate::config::{self, Settings};
use crate::report::sarif::relative_to;
use crate::report::Gate;

/// A checker and gate of its own for one file.
pub type Specific = (Arc<Checker>, Gate);

/// A configuration file (`None`: none) and the indexes of its overrides that matched.
type Key = (Option<PathBuf>, Vec<usize>);

/// Finds each file's configuration and keeps the checkers built for them.
pub struct PerFile {
    flags: CheckFlags,
    outputs: Vec<Output>,
    cwd: PathBuf,
    /// `--config` or `--no-config`: the default configuration is every file's.
    fixed: bool,
    /// The run's default configuration (from `--config`, or found from the current
    /// directory), its path canonical.
    default: Arc<Settings>,
    dirs: Mutex<HashMap<PathBuf, Option<PathBuf>>>,
    configs: Mutex<HashMap<PathBuf, Arc<Settings>>>,
    checkers: Mutex<HashMap<Key, Specific>>,
}

impl std::fmt::Debug for PerFile {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PerFile")
            .field("fixed", &self.fixed)
            .field("default", &self.default.path)
            .finish_non_exhaustive()
    }
}

impl PerFile {
    /// Resolution for a run with `flags`, its reports and its default configuration.
    pub(crate) fn new(flags: &CheckFlags, outputs: &[Output], default: Settings) -> Self {
        let cwd = std::env::current_dir().unwrap_or_default();
        let mut default = default;
        default.path = default.path.map(|p| canonical(&cwd.join(p)));
        PerFile {
            flags: flags.clone(),
            outputs: outputs.to_vec(),
            cwd,
            fixed: flags.config.is_some() || flags.no_config,
            default: Arc::new(default),
            dirs: Mutex::default(),
            configs: Mutex::default(),
            checkers: Mutex::default(),
        }
    }

    /// The checker and gate of the file named `name` (standard input: the name it stands
    /// for, or `-`), or `None` when the run's default ones apply.
    pub fn for_file(&self, name: &str) -> Result<Option<Specific>, AppError> {
        let file = if name == "-" {
            self.cwd.join("stdin")
        } else {
            self.cwd.join(name)
        };
        let cfg = if self.fixed {
            self.default.clone()
        } else {
            let dir = canonical(file.parent().unwrap_or(&self.cwd));
            match self.nearest(&dir) {
                Some(p) if Some(&p) != self.default.path.as_ref() => self.load(&p)?,
                Some(_) => self.default.clone(),
                // no configuration of its own: the run's default
                None => self.default.clone(),
            }
        };
        if cfg.path == self.default.path && cfg.overrides.is_empty() {
            return Ok(None);
        }
        let dir = cfg
            .path
            .as_deref()
            .and_then(Path::parent)
            .unwrap_or(&self.cwd);
        let rel = relative_to(&file.to_string_lossy(), dir, &self.cwd).replace('\\', "/");
        let (settings, matched) = cfg.for_file(&rel);
        if cfg.path == self.default.path && matched.is_empty() {
            return Ok(None);
        }
        let key = (cfg.path.clone(), matched);
        let mut checkers = self.checkers.lock().unwrap_or_else(PoisonError::into_inner);
        if let Some(found) = checkers.get(&key) {
            return Ok(Some(found.clone()));
        }
        let checker = Arc::new(build_checker(&self.flags, &settings, &self.outputs)?);
        let specific = (checker, gate(&self.flags, &settings));
        checkers.insert(key, specific.clone());
        Ok(Some(specific))
    }

    /// The nearest configuration file from `dir` up (cached per directory).
    fn nearest(&self, dir: &Path) -> Option<PathBuf> {
        let mut dirs = self.dirs.lock().unwrap_or_else(PoisonError::into_inner);
        dirs.entry(dir.to_path_buf())
            .or_insert_with(|| config::find(dir).map(|p| canonical(&p)))
            .clone()
    }

    /// A configuration file, loaded once.
    fn load(&self, path: &Path) -> Result<Arc<Settings>, AppError> {
        let mut configs = self.configs.lock().unwrap_or_else(PoisonError::into_inner);
        if let Some(s) = configs.get(path) {
            return Ok(s.clone());
        }
        let s = Arc::new(config::load(path)?);
        configs.insert(path.to_path_buf(), s.clone());
        Ok(s)
    }
}

/// `p` with symbolic links and `..` resolved, or as it is when that fails.
fn canonical(p: &Path) -> PathBuf {
    std::fs::canonicalize(p).unwrap_or_else(|_| p.to_path_buf())
}
