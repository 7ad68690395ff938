//! Where the program keeps its own files: the OS data folder (%APPDATA% on Windows), holding the
//! default database, settings (recent files) and, later, backups and logs.
//!
//! `KHOI_THI_DUA_DATA_DIR` overrides the folder, so tests and trials never touch a user's data.

use std::path::PathBuf;

/// The environment variable that overrides the data folder.
pub const DATA_DIR_ENV: &str = "KHOI_THI_DUA_DATA_DIR";

/// The program's data folder (not created here).
pub fn data_dir() -> Option<PathBuf> {
    if let Some(dir) = std::env::var_os(DATA_DIR_ENV).filter(|d| !d.is_empty()) {
        return Some(PathBuf::from(dir));
    }
    directories::ProjectDirs::from("vn", "KhoiThiDua", "khoi-thi-dua")
        .map(|p| p.data_dir().to_path_buf())
}

/// The database opened when no other file is given.
pub fn default_database(data_dir: &std::path::Path) -> PathBuf {
    data_dir.join("khoi-thi-dua.sqlite")
}

/// The folder of automatic backups inside the data folder.
pub fn backups_dir(data_dir: &std::path::Path) -> PathBuf {
    data_dir.join("backups")
}

/// The folder inside the data folder where received files are copied before they are opened.
pub fn received_dir(data_dir: &std::path::Path) -> PathBuf {
    data_dir.join("received")
}
