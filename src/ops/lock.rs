//! One writer per file: a window or a command that changes a bloc file first claims it, so a
//! second window (or a command run beside the window) cannot rewrite it from stale data or undo
//! the other's edits. The claim is an operating-system lock on a small file in the data
//! folder's `locks/` (named after the bloc file's full path), held as long as the program has
//! the file open and released by the system however the program ends: a killed window never
//! leaves a file locked. Nothing is written beside the user's file.

use super::{OpsError, Result};
use sha2::{Digest, Sha256};
use std::fs::{File, TryLockError};
use std::path::{Path, PathBuf};

/// The claim on one bloc file; released when dropped.
#[derive(Debug)]
pub struct WriterLock {
    // Only held: the lock lives as long as the handle.
    _file: Option<File>,
}

/// Claims `db` for writing. `Err(OpsError::InUse)` when another window or command has it.
/// Without a data folder there is nowhere to keep the claim, and the file is opened unclaimed.
pub fn claim(db: &Path, data_dir: Option<&Path>) -> Result<WriterLock> {
    let Some(data_dir) = data_dir else {
        return Ok(WriterLock { _file: None });
    };
    let dir = data_dir.join("locks");
    std::fs::create_dir_all(&dir).map_err(|source| OpsError::Write {
        path: dir.clone(),
        source,
    })?;
    let path = lock_path(&dir, db);
    let file = std::fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(&path)
        .map_err(|source| OpsError::Write {
            path: path.clone(),
            source,
        })?;
    match file.try_lock() {
        Ok(()) => Ok(WriterLock { _file: Some(file) }),
        Err(TryLockError::WouldBlock) => Err(OpsError::InUse {
            path: db.to_path_buf(),
        }),
        Err(TryLockError::Error(source)) => Err(OpsError::Write { path, source }),
    }
}

/// This instance of the program, known to the others through a shared lock on
/// `locks/instances.lock` in the data folder, held until it ends (the system releases it
/// however it ends).
#[derive(Debug)]
pub struct Instance {
    _file: Option<File>,
}

/// Cleans what killed runs left in the data folder ([`super::clean_leftovers`]), then marks
/// this instance as running. An instance that gets the lock alone knows no other is running,
/// so every temporary there is a leftover and goes at once, not only those an hour old: a
/// handover killed a moment ago leaves nothing behind once the program starts again.
pub fn start_instance(data_dir: &Path) -> Instance {
    let file = std::fs::create_dir_all(data_dir.join("locks")).and_then(|()| {
        std::fs::OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(data_dir.join("locks").join("instances.lock"))
    });
    let Ok(file) = file else {
        // No lock to be had (a read-only data folder): only old leftovers are surely stale.
        super::clean_leftovers(data_dir, false);
        return Instance { _file: None };
    };
    let alone = file.try_lock().is_ok();
    super::clean_leftovers(data_dir, alone);
    if alone && file.unlock().is_err() {
        return Instance { _file: None };
    }
    Instance {
        _file: file.lock_shared().ok().map(|()| file),
    }
}

/// The lock file of `db`: the SHA-256 of its full path, so that every spelling of one file
/// names one lock (letter case too, on Windows).
fn lock_path(dir: &Path, db: &Path) -> PathBuf {
    let full = full_path(db);
    let mut name = full.to_string_lossy().into_owned();
    if cfg!(windows) {
        name = name.to_lowercase();
    }
    let hash = Sha256::digest(name.as_bytes());
    let hex: String = hash.iter().take(12).map(|b| format!("{b:02x}")).collect();
    dir.join(format!("{hex}.lock"))
}

/// `db` spelled one way whether or not it exists yet: a file about to be created (the first
/// run's sample, an import into a new file) gets the name it will have once it exists, from
/// its folder's full path and its own name.
fn full_path(db: &Path) -> PathBuf {
    if let Ok(full) = std::fs::canonicalize(db) {
        return full;
    }
    let absolute = std::path::absolute(db).unwrap_or_else(|_| db.to_path_buf());
    match (
        absolute
            .parent()
            .and_then(|p| std::fs::canonicalize(p).ok()),
        absolute.file_name(),
    ) {
        (Some(folder), Some(name)) => folder.join(name),
        _ => absolute,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    #[allow(clippy::unwrap_used)]
    fn a_second_claim_on_the_same_file_is_refused_until_the_first_is_dropped() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("khoi.sqlite");
        std::fs::write(&db, b"x").unwrap();
        std::fs::create_dir(dir.path().join("sub")).unwrap();
        let first = claim(&db, Some(dir.path())).unwrap();
        let other_spelling = dir.path().join("sub").join("..").join("khoi.sqlite");
        let second = claim(&other_spelling, Some(dir.path()));
        assert!(matches!(second, Err(OpsError::InUse { .. })), "{second:?}");
        drop(first);
        claim(&db, Some(dir.path())).unwrap();
    }

    #[test]
    #[allow(clippy::unwrap_used)]
    fn a_file_claimed_before_it_exists_keeps_its_claim_once_created() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("sub")).unwrap();
        let db = dir.path().join("moi.sqlite");
        let early = dir.path().join("sub").join("..").join("moi.sqlite");
        let first = claim(&early, Some(dir.path())).unwrap();
        std::fs::write(&db, b"x").unwrap();
        let second = claim(&db, Some(dir.path()));
        assert!(matches!(second, Err(OpsError::InUse { .. })), "{second:?}");
        drop(first);
    }
}
