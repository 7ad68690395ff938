//! Files that come from elsewhere or from the past: receiving a bloc file (checked read-only,
//! then copied into the data folder's `received` folder and opened there, the original never
//! written) and restoring a backup into the open file.

use super::{OpsError, Result};
use crate::store::Store;
use crate::store::receive::Findings;
use std::path::{Path, PathBuf};

/// Checks `path` and opens the program's own copy of it in `data_dir`'s `received` folder.
pub fn receive(path: &Path, data_dir: &Path) -> Result<(Store, Findings)> {
    let received = crate::paths::received_dir(data_dir);
    let backups = crate::paths::backups_dir(data_dir);
    Ok(crate::store::receive::receive(path, &received, &backups)?)
}

/// Replaces the open file's content with the backup at `backup`, after backing up the current
/// state into `data_dir`'s backup folder; returns that backup's path.
pub fn restore(store: &mut Store, backup: &Path, data_dir: &Path) -> Result<PathBuf> {
    if crate::fsutil::same_file(backup, store.path()) {
        return Err(OpsError::Invalid(format!(
            "“{}” là tệp đang mở, không phải một bản sao lưu. Hãy chọn bản sao lưu khác.",
            backup.display()
        )));
    }
    let backups = crate::paths::backups_dir(data_dir);
    Ok(crate::store::backup::restore(store, backup, &backups)?)
}

/// The backups in `data_dir`, newest first.
pub fn backups(data_dir: &Path) -> Vec<PathBuf> {
    crate::store::backup::list(&crate::paths::backups_dir(data_dir))
}
