//! Where the window proposes to write new files: the successor's file of a handover, the
//! Excel workbook and the "Mới…" form's first values. The writing itself is `ops`'s.

use crate::domain::Year;
use crate::ops::bloc::NewBloc;
use std::path::{Path, PathBuf};

/// The folder of the open file, where exports are proposed.
pub fn beside(db: &Path) -> PathBuf {
    db.parent()
        .filter(|p| !p.as_os_str().is_empty())
        .map_or_else(|| PathBuf::from("."), Path::to_path_buf)
}

/// "khoi-thi-dua-2021.sqlite" beside the open file, for the successor.
pub fn handover_path(db: &Path, year: Year) -> PathBuf {
    beside(db).join(format!("khoi-thi-dua-{}.sqlite", year + 1))
}

/// "ChiTieu2020.xlsx" beside the open file, for Xuất Excel.
pub fn default_xlsx_path(db: &Path, year: Year) -> PathBuf {
    beside(db).join(format!("ChiTieu{year}.xlsx"))
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
