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

/// The environment variable that names the folder where documents and workbooks are proposed.
pub const DOCUMENTS_DIR_ENV: &str = "KHOI_THI_DUA_DOCUMENTS_DIR";

/// The folder in the user's Documents where exports are proposed, by its Vietnamese name.
pub const DOCUMENTS_FOLDER: &str = "Khối thi đua";

/// Where the window proposes documents, workbooks and the successor's file (not created
/// here): `KHOI_THI_DUA_DOCUMENTS_DIR` when set; a "Khối thi đua" folder inside a data folder
/// given instead of the OS one (tests and trials never write into a real home); else a
/// "Khối thi đua" folder in the user's Documents (the home folder when there is none).
pub fn documents_dir(data_dir: Option<&std::path::Path>) -> Option<PathBuf> {
    if let Some(dir) = std::env::var_os(DOCUMENTS_DIR_ENV).filter(|d| !d.is_empty()) {
        return Some(PathBuf::from(dir));
    }
    let os_data = directories::ProjectDirs::from("vn", "KhoiThiDua", "khoi-thi-dua")
        .map(|p| p.data_dir().to_path_buf());
    if let Some(given) = data_dir
        && os_data.as_deref() != Some(given)
    {
        return Some(given.join(DOCUMENTS_FOLDER));
    }
    let user = directories::UserDirs::new()?;
    let base = user.document_dir().map_or_else(
        || user.home_dir().to_path_buf(),
        std::path::Path::to_path_buf,
    );
    Some(base.join(DOCUMENTS_FOLDER))
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

#[cfg(test)]
mod tests {
    #[test]
    fn a_data_folder_given_keeps_the_documents_folder_inside_it() {
        let given = std::path::Path::new("/tmp/ktd-test-data");
        if std::env::var_os(super::DOCUMENTS_DIR_ENV).is_none() {
            assert_eq!(
                super::documents_dir(Some(given)),
                Some(given.join(super::DOCUMENTS_FOLDER))
            );
        }
    }
}
