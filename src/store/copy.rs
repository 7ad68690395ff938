//! Whole-file copies of a database: the one place that runs `VACUUM INTO`. A copy is built
//! under a temporary sibling name and renamed into place (`fsutil::build_atomically`), so a
//! copy that exists under its own name is whole; backups, received files, "Lưu bản sao…" and
//! the successor's file of a handover are all made here.

use super::{Result, StoreError, describe_sqlite};
use crate::fsutil;
use rusqlite::{Connection, OpenFlags};
use std::path::Path;

/// Writes a compacted single-file copy of `conn`'s database to `dest` (replacing `dest` only
/// once the copy is whole). Any earlier temporary of `dest`, and a hot journal beside it from a
/// killed run, is removed first: SQLite would otherwise roll the stale journal into the copy.
pub fn copy_to(conn: &Connection, dest: &Path) -> Result<()> {
    let shown = dest.display().to_string();
    fsutil::build_atomically(dest, |tmp| -> Result<()> {
        conn.execute("VACUUM INTO ?1", [tmp.to_string_lossy()])?;
        Ok(())
    })
    .map_err(|e| match e {
        StoreError::Io(source) => StoreError::Invalid(format!(
            "Không ghi được tệp “{shown}” ({source}). Hãy chọn thư mục khác có quyền ghi."
        )),
        StoreError::Sqlite(source) => StoreError::Invalid(format!(
            "Không ghi được tệp “{shown}”: {}",
            describe_sqlite(&source)
        )),
        other => other,
    })
}

/// Runs SQLite's `integrity_check` on the file at `path`, read-only; an error names the
/// first problem found.
pub fn check_integrity(path: &Path) -> Result<()> {
    let conn = Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )?;
    super::harden(&conn)?;
    let result: Vec<String> = conn
        .prepare("PRAGMA integrity_check")?
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    if result == ["ok"] {
        Ok(())
    } else {
        Err(StoreError::Invalid(format!(
            "Tệp “{}” không nguyên vẹn (kiểm tra toàn vẹn báo lỗi: {}).",
            path.display(),
            result.first().map_or("", String::as_str)
        )))
    }
}
