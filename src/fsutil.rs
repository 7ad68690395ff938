//! Writing files so that nobody ever sees half of one, and telling whether two paths name the
//! same file. Every file the program writes (exports, copies, backups, the successor's file)
//! is built under a temporary sibling name and renamed into place here.
//!
//! A temporary is the target's name plus [`TEMP_SUFFIX`]; a leftover from a killed run (and
//! SQLite's journal beside it, when the temporary was a database) is removed before it is
//! built again, so a stale journal can never "roll back" into a new copy.

use std::ffi::OsString;
use std::io;
use std::path::{Path, PathBuf};

/// What a temporary sibling's name ends with.
pub const TEMP_SUFFIX: &str = ".tmp";

/// The temporary sibling `path` is built under: "khoi-2021.sqlite" → "khoi-2021.sqlite.tmp".
pub fn temp_sibling(path: &Path) -> PathBuf {
    path.with_file_name(with_suffix(path, TEMP_SUFFIX))
}

/// SQLite's rollback journal of the database at `path` ("x.sqlite" → "x.sqlite-journal").
pub fn journal_of(path: &Path) -> PathBuf {
    path.with_file_name(with_suffix(path, "-journal"))
}

fn with_suffix(path: &Path, suffix: &str) -> OsString {
    let mut name = path.file_name().map(OsString::from).unwrap_or_default();
    name.push(suffix);
    name
}

/// Removes `path` if it exists; a file that is already gone is not an error.
pub fn remove_if_exists(path: &Path) -> io::Result<()> {
    match std::fs::remove_file(path) {
        Err(e) if e.kind() != io::ErrorKind::NotFound => Err(e),
        _ => Ok(()),
    }
}

/// Removes a temporary left by an interrupted run, and the SQLite journal beside it.
pub fn remove_stale_temp(tmp: &Path) -> io::Result<()> {
    remove_if_exists(tmp)?;
    remove_if_exists(&journal_of(tmp))
}

/// Removes a temporary after a failure. The failure is what the user is told about; a
/// temporary that cannot be removed as well is cleaned by the next run
/// ([`remove_stale_temp`]), so its own error is deliberately not reported.
pub fn discard_temp(tmp: &Path) {
    if let Err(e) = remove_stale_temp(tmp) {
        crate::crash::log_note(&format!(
            "could not remove temporary {}: {e}",
            tmp.display()
        ));
    }
}

/// Builds the file `path` by calling `build` with a temporary sibling path, flushes it to
/// disk, then renames it onto `path`. On any failure the temporary is removed and `path` is
/// left as it was: a file that exists under its own name is always whole.
pub fn build_atomically<E: From<io::Error>>(
    path: &Path,
    build: impl FnOnce(&Path) -> Result<(), E>,
) -> Result<(), E> {
    let tmp = temp_sibling(path);
    remove_stale_temp(&tmp)?;
    let result = build(&tmp).and_then(|()| {
        // Opened for writing: Windows refuses to flush a handle opened only to read.
        std::fs::OpenOptions::new()
            .write(true)
            .open(&tmp)?
            .sync_all()?;
        std::fs::rename(&tmp, path)?;
        Ok(())
    });
    if result.is_err() {
        discard_temp(&tmp);
    }
    result
}

/// Writes `bytes` to `path` atomically (see [`build_atomically`]).
pub fn write_atomically(path: &Path, bytes: &[u8]) -> io::Result<()> {
    build_atomically(path, |tmp| std::fs::write(tmp, bytes))
}

/// Whether `a` and `b` are the same file on disk, by file identity (device and inode, or the
/// Windows file index), not by spelling: a relative path, `..`, a symbolic link or another
/// letter case all name the same file. A path that does not exist is no file's twin.
pub fn same_file(a: &Path, b: &Path) -> bool {
    same_file::is_same_file(a, b).unwrap_or(false)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn temporaries_sit_beside_their_file() {
        let p = Path::new("d/khoi-2021.sqlite");
        assert_eq!(temp_sibling(p), Path::new("d/khoi-2021.sqlite.tmp"));
        assert_eq!(
            journal_of(&temp_sibling(p)),
            Path::new("d/khoi-2021.sqlite.tmp-journal")
        );
    }

    #[test]
    fn a_failed_build_leaves_neither_target_nor_temporary() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("a.pdf");
        std::fs::write(&out, b"old").unwrap();
        let r: io::Result<()> = build_atomically(&out, |tmp| {
            std::fs::write(tmp, b"half")?;
            Err(io::Error::other("boom"))
        });
        assert!(r.is_err());
        assert_eq!(std::fs::read(&out).unwrap(), b"old");
        assert!(!temp_sibling(&out).exists());
    }

    #[test]
    fn stale_temporary_and_journal_are_removed_before_building() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("b.sqlite");
        let tmp = temp_sibling(&out);
        std::fs::write(&tmp, b"stale").unwrap();
        std::fs::write(journal_of(&tmp), b"hot journal").unwrap();
        write_atomically(&out, b"new").unwrap();
        assert_eq!(std::fs::read(&out).unwrap(), b"new");
        assert!(!tmp.exists());
        assert!(!journal_of(&tmp).exists());
    }

    #[test]
    fn same_file_by_identity_not_spelling() {
        let dir = tempfile::tempdir().unwrap();
        let a = dir.path().join("a.sqlite");
        std::fs::write(&a, b"x").unwrap();
        let other = dir.path().join("sub").join("..").join("a.sqlite");
        std::fs::create_dir(dir.path().join("sub")).unwrap();
        assert!(same_file(&a, &other));
        assert!(!same_file(&a, &dir.path().join("b.sqlite")));
    }
}
