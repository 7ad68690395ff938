//! Where the window proposes to write new files: the year's documents, the workbooks, the
//! successor's file of a handover (the folder last used for each kind, else a "Khối thi đua"
//! folder in the user's Documents), and the "Mới…" form's first values; and the system's file
//! dialog, which may not open at all. The writing itself is `ops`'s.

use crate::domain::Year;
use crate::ops::bloc::NewBloc;
use std::path::{Path, PathBuf};

/// The folder of the open file, where exports are proposed.
pub fn beside(db: &Path) -> PathBuf {
    db.parent()
        .filter(|p| !p.as_os_str().is_empty())
        .map_or_else(|| PathBuf::from("."), Path::to_path_buf)
}

/// "khoi-thi-dua-2021.sqlite" in `folder`, for the successor.
pub fn handover_path(folder: &Path, year: Year) -> PathBuf {
    folder.join(format!("khoi-thi-dua-{}.sqlite", year + 1))
}

/// "ChiTieu2020.xlsx" in `folder`, for Xuất Excel.
pub fn default_xlsx_path(folder: &Path, year: Year) -> PathBuf {
    folder.join(format!("ChiTieu{year}.xlsx"))
}

/// A kind of output, each with its own remembered folder.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Output {
    /// The year's documents (PDF, Word, the news item).
    Document,
    /// The year's workbook (Xuất Excel).
    Workbook,
    /// The data-request workbooks, a folder of them.
    Requests,
    /// The successor's file and the handover minutes.
    Handover,
    /// The roll-up of several blocs.
    Rollup,
}

impl Output {
    /// Its key in the settings file.
    pub fn key(self) -> &'static str {
        match self {
            Output::Document => "van-ban",
            Output::Workbook => "excel",
            Output::Requests => "mau-so-lieu",
            Output::Handover => "ban-giao",
            Output::Rollup => "tong-hop",
        }
    }
}

/// The folder proposed for `kind`: the one last written to when it still exists; else the
/// "Khối thi đua" folder of `documents`, made if missing; else beside the open file.
pub fn folder_for(
    settings: &crate::ui::settings::Settings,
    documents: Option<&Path>,
    kind: Output,
    db: &Path,
) -> PathBuf {
    if let Some(last) = settings.output_folders.get(kind.key())
        && last.is_dir()
    {
        return last.clone();
    }
    match documents {
        Some(d) if d.is_dir() || std::fs::create_dir_all(d).is_ok() => d.to_path_buf(),
        _ => beside(db),
    }
}

/// What the system's file dialog gave.
#[derive(Debug, Clone, PartialEq)]
pub enum Picked {
    Chosen(PathBuf),
    /// The user closed it.
    Cancelled,
    /// It did not open (no file-dialog service, as on a Linux desktop without its portal).
    Unavailable,
}

/// Why the window falls back to its path field.
pub const NO_FILE_DIALOG: &str = "Không mở được hộp chọn tệp của hệ thống (máy thiếu dịch vụ hộp thoại tệp). Hãy gõ đường dẫn đầy đủ vào ô bên cạnh.";

/// Runs a system file dialog. It answers "nothing" both when the user cancels and when it
/// cannot open at all; no one closes a dialog within a fifth of a second, so an answer that
/// fast is taken for a dialog that never opened.
pub fn pick(dialog: impl FnOnce() -> Option<PathBuf>) -> Picked {
    let started = std::time::Instant::now();
    match dialog() {
        Some(path) => Picked::Chosen(path),
        None if started.elapsed() < std::time::Duration::from_millis(200) => Picked::Unavailable,
        None => Picked::Cancelled,
    }
}

/// The "Mới…" form, proposing a file in the data folder and the current year.
pub fn new_bloc_form(data_dir: &Option<PathBuf>) -> NewBloc {
    NewBloc {
        path: data_dir
            .as_deref()
            .map(|d| d.join("khoi-moi.sqlite").display().to_string())
            .unwrap_or_default(),
        year: chrono::Local::now().format("%Y").to_string(),
        ..Default::default()
    }
}
