//! Automatic backups in the data folder, taken before every migration, handover and restore,
//! rotating so that the folder keeps the last [`KEEP`] of them; and restoring one.
//!
//! A backup is a compacted single-file copy (`VACUUM INTO`), written under a temporary name
//! and renamed, so a backup that exists is whole.

use super::{Result, Store, StoreError};
use rusqlite::{Connection, OpenFlags};
use std::path::{Path, PathBuf};

/// How many backups the folder keeps.
pub const KEEP: usize = 10;

/// The extension of every backup, so rotation never touches another file.
const SUFFIX: &str = ".backup.sqlite";

/// Writes a backup of `conn`'s database into `dir` and removes the oldest beyond [`KEEP`].
/// `label` says why ("truoc-ban-giao-2020"); it becomes part of the file name.
pub fn snapshot(conn: &Connection, dir: &Path, label: &str) -> Result<PathBuf> {
    snapshot_sparing(conn, dir, label, None)
}

/// [`snapshot`], whose rotation never removes `spare` (the backup a restore is reading from,
/// which may be the oldest).
fn snapshot_sparing(
    conn: &Connection,
    dir: &Path,
    label: &str,
    spare: Option<&Path>,
) -> Result<PathBuf> {
    std::fs::create_dir_all(dir).map_err(|e| {
        StoreError::Invalid(format!(
            "Không tạo được thư mục sao lưu “{}” ({e}).",
            dir.display()
        ))
    })?;
    // Milliseconds too: two backups in one second (a restore right after a handover) keep
    // distinct names, and name order stays time order.
    let stamp = chrono::Local::now().format("%Y%m%d-%H%M%S%3f");
    let mut path = dir.join(format!("{stamp}-{label}{SUFFIX}"));
    let mut n = 2;
    while path.exists() {
        path = dir.join(format!("{stamp}-{label}-{n}{SUFFIX}"));
        n += 1;
    }
    super::copy::copy_to(conn, &path)?;
    rotate(dir, spare);
    Ok(path)
}

/// The backups in `dir`, newest first.
pub fn list(dir: &Path) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut list: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.to_string_lossy().ends_with(SUFFIX))
        .collect();
    // Names start with the time stamp, so name order is time order.
    list.sort();
    list.reverse();
    list
}

fn rotate(dir: &Path, spare: Option<&Path>) {
    let spared = |p: &Path| spare.is_some_and(|s| crate::fsutil::same_file(s, p));
    for old in list(dir).into_iter().filter(|p| !spared(p)).skip(KEEP) {
        // A backup we cannot remove is only a wasted file, never a reason to fail.
        let _ = std::fs::remove_file(old);
    }
}

/// Replaces the open database's content with `backup`, after taking a backup of the current
/// state (so a restore can itself be undone). The backup is checked first: it must be a sound
/// file of this program, of a schema this program can read.
pub fn restore(store: &mut Store, backup: &Path, backups_dir: &Path) -> Result<PathBuf> {
    if store.is_read_only() {
        return Err(StoreError::Invalid(format!(
            "Tệp “{}” đang mở chỉ để xem nên không khôi phục được vào nó.",
            store.path().display()
        )));
    }
    let shown = backup.display().to_string();
    let source =
        Connection::open_with_flags(backup, OpenFlags::SQLITE_OPEN_READ_ONLY).map_err(|e| {
            StoreError::Open {
                path: shown.clone(),
                reason: super::describe_sqlite(&e),
                source: Some(e),
            }
        })?;
    super::harden(&source)?;
    let (_, tables) = super::check_ours(&source, &shown)?;
    if tables == 0 {
        return Err(StoreError::Foreign { path: shown });
    }
    let check: String = source.query_row("PRAGMA quick_check", [], |r| r.get(0))?;
    if check != "ok" {
        return Err(StoreError::Invalid(format!(
            "Bản sao lưu “{shown}” bị hỏng ({check}); hãy chọn bản khác."
        )));
    }
    let before = snapshot_sparing(store.conn(), backups_dir, "truoc-khoi-phuc", Some(backup))?;
    {
        let dest = store.conn_mut();
        let backup = rusqlite::backup::Backup::new(&source, dest)?;
        backup.run_to_completion(256, std::time::Duration::ZERO, None)?;
    }
    // An older backup is brought up to the current schema like any older file.
    store.upgrade()?;
    Ok(before)
}
